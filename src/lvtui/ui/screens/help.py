"""The help screen: every key that works where focus is, from the live bindings, once each."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from lvtui.ui.screens.sheet import Sheet

Row = tuple[str, str, str]

# Scrolling that a widget can only do when it has something to scroll.
VERTICAL_SCROLL = {"scroll_up", "scroll_down", "page_up", "page_down", "scroll_home",
                   "scroll_end"}
HORIZONTAL_SCROLL = {"scroll_left", "scroll_right", "page_left", "page_right"}
# Textual's own wording where ours says more.
DESCRIPTIONS = {"command_palette": "Command palette: sections, cards, themes",
                "scroll_up": "Scroll up a line", "scroll_down": "Scroll down a line",
                "page_up": "Scroll up a page", "page_down": "Scroll down a page",
                "app.focus_next": "Move focus to the next pane",
                "app.focus_previous": "Move focus to the previous pane",
                "screen.copy_text": "Copy the text selected with the mouse"}


def key_rows(screen: Screen[object]) -> list[Row]:
    """(keys, what they do, where) for each binding that works where focus is now.

    A binding shadowed by a more specific one is left out; keys that do one thing on the
    same widget share a row ("↑ k", "1 2 3 4 5 6 7"); keys that would do nothing here (scrolling
    what cannot scroll, keys no terminal sends) are left out.
    """
    app = screen.app
    rows: dict[tuple[int, str], tuple[list[str], str, str]] = {}
    for key, active in screen.active_bindings.items():
        binding, node = active.binding, active.node
        if not (binding.description and active.enabled) or key.startswith("super+"):
            continue
        if isinstance(node, Widget) and not isinstance(node, Screen) and (
            (binding.action in VERTICAL_SCROLL and not node.allow_vertical_scroll)
            or (binding.action in HORIZONTAL_SCROLL and not node.allow_horizontal_scroll)
        ):
            continue
        where = "Everywhere" if isinstance(node, App | Screen) else _where(node)
        # The footer's word is short; here there is room for the tooltip, or for ours.
        description = binding.tooltip or DESCRIPTIONS.get(binding.action, binding.description)
        # One row per thing done: keys for one action ("esc q alt+←"), or for one action
        # with arguments said alike (a card's 1-7; the film's say each section's name).
        done = description if "(" in binding.action else binding.action
        keys, _, _ = rows.setdefault((id(node), done), ([], description, where))
        keys.append(app.get_key_display(binding))
    return [(" ".join(keys), description, where) for keys, description, where in rows.values()]


def _where(node: DOMNode) -> str:
    """CastTable -> 'Cast table'."""
    name = type(node).__name__
    words = "".join(f" {c.lower()}" if c.isupper() else c for c in name).strip()
    return words[:1].upper() + words[1:]


class HelpScreen(Sheet):
    """Lists ``(key, what it does, where)`` for the screen underneath; it scrolls."""

    DEFAULT_CSS = """
    HelpScreen {
        & > ReadingPane { width: 84; padding: 0 1; }
        & #help-intro { color: $text-muted; margin-bottom: 1; }
    }
    """
    SHEET_TITLE = "Keys"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", Sheet.CLOSE, "Close", tooltip="Close help"),
    ]

    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self.rows = rows

    def compose_body(self) -> ComposeResult:
        # An introduction, which `y` passes over to copy the keys under it.
        yield Static(Content("Keys work where focus is; the app's keys work everywhere. "
                             "Escape closes this."), id="help-intro", classes="intro")
        yield KeyTable(self.rows)


class KeyTable(Static):
    """The keys, drawn by KeyRows; `y` copies them as lines of tab-separated fields."""

    def __init__(self, rows: list[Row]) -> None:
        super().__init__(KeyRows(rows), id="help-keys")
        self.rows = rows

    def plain_text(self) -> str:
        return "\n".join("\t".join(row) for row in self.rows)


class KeyRows:
    """The rows as a table of three columns where they fit; narrower, each key with where it
    works on one line and what it does below it, whole (a column of "Scro… / up a / line"
    fragments is unreadable)."""

    WIDEST_STACKED = 56  # cells: below this, the three columns would break the words up

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= self.WIDEST_STACKED:
            table = Table.grid(padding=(0, 2, 0, 0), expand=True)
            table.add_column("Key", no_wrap=True, style="bold")
            table.add_column("Does", ratio=1)
            table.add_column("Where", no_wrap=True)
            for key, description, where in self.rows:
                table.add_row(Text(key), Text(description), Text(where))
            yield table
            return
        for key, description, where in self.rows:
            yield Text.assemble((key, "bold"), "  ", (where, "italic"))
            yield Padding(Text(description), (0, 0, 0, 2))

