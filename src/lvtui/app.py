"""The App: composition, bindings, commands and settings. Thin: panes live in widgets/."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import Screen
from textual.theme import Theme
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, Header, Input, OptionList, Static

from lvtui.commands import CastCommands
from lvtui.model import Film
from lvtui.screens.help import HelpScreen
from lvtui.screens.person_card import PersonCard
from lvtui.sections import SECTION_IDS, SECTIONS
from lvtui.settings import Settings, SettingsStore
from lvtui.text import clean
from lvtui.widgets.cast import CastPane, CastTable
from lvtui.widgets.overview import OverviewPane
from lvtui.widgets.reception import ReceptionPane
from lvtui.widgets.section_list import SectionList
from lvtui.widgets.text_panes import PlotPane, ProductionPane, SoundtrackPane
from lvtui.widgets.timeline import TimelinePane

MIN_WIDTH, MIN_HEIGHT = 30, 8
NARROW_WIDTH = 70
DEFAULT_THEME = "textual-dark"


class FilmApp(App[None]):
    """Browse one film: seven sections, a cast search and person cards."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "lvtui"
    COMMANDS = App.COMMANDS | {CastCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        *[
            Binding(str(number), f"show_section('{section}')", title, show=False,
                    tooltip=f"Show the {title.lower()} section", id=f"section-{section}")
            for number, (section, title) in enumerate(SECTIONS.items(), start=1)
        ],
        # Priority: handled as the key arrives, so keys typed right after it (one burst from
        # the terminal) already go to the search box instead of the widget focused before.
        Binding("slash", "find_cast", "Search cast", tooltip="Search the cast", id="find",
                priority=True),
        Binding("question_mark,f1", "show_help", "Help", tooltip="Every key", id="help"),
        Binding("q", "quit", "Quit", tooltip="Quit lvtui", id="quit"),
    ]

    def __init__(self, film: Film, *, section: str | None = None, find: str | None = None,
                 settings: SettingsStore | None = None) -> None:
        super().__init__()
        self.film = film
        self.store = settings if settings is not None else SettingsStore.default()
        self.settings = self.store.load()
        self.start_section = section or self.settings.section or "overview"
        if self.start_section not in SECTIONS:
            self.start_section = "overview"
        self.find = None if find is None else clean(find)  # typed, or maybe pasted
        if find is not None:
            self.start_section = "cast"

    def compose(self) -> ComposeResult:
        yield Header(icon="▶")
        with Horizontal(id="body"):
            yield SectionList(id="sections")
            with ContentSwitcher(id="panes", initial=self.start_section):
                yield OverviewPane(self.film, id="overview")
                yield PlotPane(self.film, id="plot")
                yield CastPane(self.film.cast, id="cast")
                yield ProductionPane(self.film, id="production")
                yield TimelinePane(self.film, id="timeline")
                yield ReceptionPane(self.film, id="reception")
                yield SoundtrackPane(self.film, id="soundtrack")
        yield Static(Content("Terminal too small: make it at least "
                             f"{MIN_WIDTH}×{MIN_HEIGHT}."), id="too-small")
        yield Footer()

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        elif self.theme not in self.available_themes:
            self.theme = DEFAULT_THEME
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._show_settings_warnings()
        self._adapt_to(self.size.width, self.size.height)
        self.show_section(self.start_section)
        if self.find is not None:
            self.cast_pane.search_box.value = self.find
            self.cast_pane.apply_search(self.find)
            self.cast_pane.focus_search()

    # -- sections ---------------------------------------------------------------------------

    @property
    def section(self) -> str:
        return self.query_one(ContentSwitcher).current or "overview"

    @property
    def cast_pane(self) -> CastPane:
        return self.query_one(CastPane)

    def show_section(self, section: str, *, search: bool = False) -> None:
        """Show *section* and focus its first focusable widget (the search box if *search*)."""
        switcher = self.query_one(ContentSwitcher)
        switcher.current = section
        sections = self.query_one(SectionList)
        sections.highlighted = SECTION_IDS.index(section)
        pane = switcher.get_child_by_id(section)
        target: Widget
        if isinstance(pane, CastPane):
            # The list, not the search box, unless asked: keys move, they don't type.
            target = pane.search_box if search else pane.table
        elif pane.can_focus:
            target = pane
        else:
            target = next((w for w in pane.query("*") if w.focusable), pane)
        # Synchronously, not with focus(): that would wait behind keys already queued, and
        # a burst like "/shue" or "3j" from the terminal would go to the old widget.
        self.screen.set_focus(target)
        self._remember_section(section)

    def _remember_section(self, section: str) -> None:
        self.sub_title = f"{self.film.title} ({self.film.year}) · {SECTIONS[section]}"
        if self.settings.section != section:
            self.settings.section = section
            self._save()

    def action_show_section(self, section: str) -> None:
        if section in SECTIONS:
            self.show_section(section)

    @on(OptionList.OptionHighlighted, "#sections")
    def _section_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        section = event.option.id
        if section is not None and section != self.query_one(ContentSwitcher).current:
            self.query_one(ContentSwitcher).current = section
            self._remember_section(section)

    @on(OptionList.OptionSelected, "#sections")
    def _section_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.show_section(event.option.id)

    # -- cast and cards ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "find_cast":
            # Over a card, the help or the palette, and inside any input, "/" is just a key.
            return len(self.screen_stack) == 1 and not isinstance(self.focused, Input)
        return True

    def action_find_cast(self) -> None:
        self.show_section("cast", search=True)

    @on(CastTable.MemberSelected)
    def _member_selected(self, event: CastTable.MemberSelected) -> None:
        # Stale when a card (or anything) already covers the table: fast double clicks
        # on two rows must not stack two cards.
        if self.screen is self.screen_stack[0]:
            self.open_card(event.index)

    def open_card(self, index: int) -> None:
        self.push_screen(PersonCard(self.film, self.film.cast[index]))

    # -- help, palette, theme ---------------------------------------------------------------

    def action_show_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.key_rows(self.screen)))

    def key_rows(self, screen: Screen[object]) -> list[tuple[str, str, str]]:
        """(key, description, where) for every binding active where focus is now."""
        rows = []
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or key in ("ctrl+c",):
                continue
            where = "Everywhere" if isinstance(active.node, App | Screen) else _where(active.node)
            rows.append((self.get_key_display(binding), binding.description, where))
        rows += [("tab / shift+tab", "Move focus", "Everywhere"),
                 ("ctrl+p", "Command palette: sections, cards, themes", "Everywhere")]
        return rows

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for number, (section, title) in enumerate(SECTIONS.items(), start=1):
            yield SystemCommand(f"Go to {title}", f"Show section {number}",
                                lambda section=section: self.show_section(section))

    def _theme_changed(self, theme: Theme) -> None:
        if self.settings.theme != theme.name:
            self.settings.theme = theme.name
            self._save()

    def _save(self) -> None:
        if not self.store.save(Settings(self.settings.theme, self.settings.section)):
            self._show_settings_warnings()

    def _show_settings_warnings(self) -> None:
        # Long enough to read a file name; markup=False: an OS message can hold brackets.
        for warning in self.store.warnings:
            self.notify(warning, severity="warning", markup=False, timeout=10)
        self.store.warnings.clear()

    # -- size -------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        # The event's size: self.size is only updated after the resize settles.
        self._adapt_to(event.size.width, event.size.height)

    def format_title(self, title: str, sub_title: str) -> Content:
        if self.has_class("-narrow"):  # no room for both: the section name matters most
            return Content(sub_title.rpartition(" · ")[2] or title)
        return super().format_title(title, sub_title)

    def _adapt_to(self, width: int, height: int) -> None:
        self.set_class(width < NARROW_WIDTH, "-narrow")
        self.set_class(height < 16, "-short")
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "-too-small")


def _where(node: DOMNode) -> str:
    """CastTable -> 'Cast table'."""
    name = type(node).__name__
    words = "".join(f" {c.lower()}" if c.isupper() else c for c in name).strip()
    return words[:1].upper() + words[1:]
