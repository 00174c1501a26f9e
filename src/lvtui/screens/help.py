"""The help screen: every key of the focused pane and of the app, from the live bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static


class HelpScreen(ModalScreen[None]):
    """Lists ``(key, what it does, where)`` for the screen underneath."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > Vertical {
            width: 84; max-width: 100%; height: auto; max-height: 90%;
            border: thick $accent; background: $surface; padding: 0 1;
        }
        & #help-intro { color: $text-muted; margin-bottom: 1; }
        & DataTable { height: auto; max-height: 30; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", tooltip="Close help"),
    ]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Keys"
            yield Static(Content("Keys work where focus is; the app's keys work everywhere. "
                                 "Escape closes this."), id="help-intro")
            yield DataTable[Text](cursor_type="row", id="help-keys")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Key", "Does", "Where")
        for key, description, where in self.rows:
            table.add_row(Text(key, style="bold"), Text(description), Text(where))
        table.focus()
