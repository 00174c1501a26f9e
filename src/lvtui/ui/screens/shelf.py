"""The shelf (o, ctrl+o): every film in the library, filtered as you type; enter opens one.

Over the film shown, as the palette is: type part of a title, an original title, a year or
a director (any case, any accents, every word), move with the arrows, enter opens. The film
you are in is marked; a file that does not open is listed with its problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from lvtui.system.files import real_path
from lvtui.text.clean import shorten
from lvtui.text.folding import Narrowing
from lvtui.ui.widgets.boxes import LineBox
from lvtui.ui.widgets.footer import KeyFooter

if TYPE_CHECKING:  # the library reads films: pydantic, which the UI never needs to import
    from lvtui.shelf.library import Shelved

HERE = "●"  # the mark of the film you are in


class ShelfFilter(LineBox):
    """The filter: up and down move through the films below while you type."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Next", show=False, tooltip="The next film"),
        Binding("up", "move(-1)", "Previous", show=False, tooltip="The film before"),
        Binding("enter", "open", "Open", tooltip="Open the film highlighted"),
    ]

    def action_move(self, step: int) -> None:
        self.post_message(ShelfBox.Move(step))

    def action_open(self) -> None:
        self.post_message(ShelfBox.Open())


class ShelfBox(Vertical):
    """The films, the filter above them and their count; tells its screen the film chosen."""

    DEFAULT_CSS = """
    ShelfBox {
        width: 90; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
        border-title-color: $foreground; border-title-style: bold;
        & > ShelfFilter { border: none; height: 1; padding: 0 1; margin-bottom: 1; }
        & > ShelfFilter:focus { border: none; }
        & > #shelf-count { color: $text; padding: 0 1; }
        & > #shelf-list { height: auto; max-height: 1fr; border: none; padding: 0;
                         text-wrap: nowrap; text-overflow: ellipsis; }
        & > #shelf-list:focus { border: none; }
    }
    """

    class Move(Message):
        """Move the highlight (from the filter: up and down)."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    class Open(Message):
        """Open the film highlighted (from the filter: enter)."""

    class Chosen(Message):
        """A film to open."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    def __init__(self, films: list[Shelved] | None, current: Path) -> None:
        super().__init__(id="shelf-box")
        self.border_title = "Films"
        self._current = real_path(current)
        self._shown: list[int] = []  # the films listed, as indices into self.films
        self._waiting = films is None  # the library is still being read
        self._set_films(films or [])

    def _set_films(self, films: list[Shelved]) -> None:
        self.films = films
        self._prompts: list[Content] | None = None
        self._search = Narrowing(lambda: [film.search_text() for film in films])
        # Each path resolved once, not at every key: the film you are in, marked.
        self._here = next((index for index, film in enumerate(films)
                           if real_path(film.path) == self._current), None)

    def compose(self) -> ComposeResult:
        yield ShelfFilter(placeholder="Filter by title, year or director", id="shelf-filter")
        yield Static(id="shelf-count")
        yield OptionList(id="shelf-list")

    def on_mount(self) -> None:
        self._list()  # the screen's first focus goes to the filter: type at once

    def show_films(self, films: list[Shelved]) -> None:
        """The library, once read (the shelf may open before it is)."""
        self._waiting = False
        self._set_films(films)
        self._list()

    @on(ShelfFilter.Changed)
    def _filter(self) -> None:
        self._list()

    def _list(self) -> None:
        query = self.query_one(ShelfFilter).value
        found = self._search.update(query)
        self._shown = list(range(len(self.films))) if found is None else found
        options = self.query_one(OptionList)
        options.clear_options()
        if self._prompts is None:  # each film's line made once, not at every key
            self._prompts = [self._prompt(index) for index in range(len(self.films))]
        prompts = self._prompts
        options.add_options(Option(prompts[index], id=str(index)) for index in self._shown)
        here = self._shown.index(self._here) if self._here in self._shown else None
        if self._shown:
            options.highlighted = here if here is not None and not query else 0
        self.query_one("#shelf-count", Static).update(Content(self._count(query)))

    def _count(self, query: str) -> str:
        if self._waiting:
            return "Reading the library…"
        total = len(self.films)
        if not query:
            return f"{total:,} film{'s' if total != 1 else ''}"
        return f"{len(self._shown):,} of {total:,}" if self._shown else "No film matches"

    def _prompt(self, index: int) -> Content:
        film = self.films[index]
        mark = HERE if index == self._here else " "
        if film.broken:
            return Content.assemble(f"{mark} ", (f"{shorten(film.path.name, 40)}", "bold"),
                                    f" — cannot open: {shorten(film.problem, 80)}")
        title, year, by = film.label()
        return Content.assemble(f"{mark} ", (title, "bold"), year, by)

    @on(Move)
    def _move(self, event: ShelfBox.Move) -> None:
        event.stop()
        step = event.step
        options = self.query_one(OptionList)
        if self._shown:
            now = options.highlighted if options.highlighted is not None else -step
            options.highlighted = max(0, min(len(self._shown) - 1, now + step))

    @on(Open)
    def _open_highlighted(self, event: ShelfBox.Open) -> None:
        event.stop()
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None and self._shown:
            self._open(self._shown[highlighted])

    @on(OptionList.OptionSelected, "#shelf-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._open(self._shown[event.option_index])

    def _open(self, index: int) -> None:
        film = self.films[index]
        if film.broken:
            self.app.bell()
            self.notify(f"{shorten(film.path.name, 60)} cannot be opened: {film.problem}",
                        severity="error", markup=False, timeout=8)
            return
        self.post_message(self.Chosen(film.path))


class ShelfScreen(ModalScreen[Path | None]):
    """The shelf over the film shown; dismissed with the file chosen, or None."""

    DEFAULT_CSS = """
    ShelfScreen {
        align: center middle;
        background: $background 0%;  /* the film in sight around it, not dimmed: see Sheet */
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close", tooltip="Close the shelf"),
    ]

    def __init__(self, films: list[Shelved] | None, current: Path) -> None:
        super().__init__()
        self._box = ShelfBox(films, current)

    def compose(self) -> ComposeResult:
        yield self._box
        yield KeyFooter()

    def show_films(self, films: list[Shelved]) -> None:
        self._box.show_films(films)

    @on(ShelfBox.Chosen)
    def _chosen(self, event: ShelfBox.Chosen) -> None:
        self.dismiss(event.path)
