"""The find bar (ctrl+f): a box and what it found, under the sections, as in a web browser.

The bar only takes the keys and says what was found; the film's screen searches and shows the
matches (see lvtui.ui.find.film_find).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from lvtui.ui.widgets.boxes import LineBox


class FindBox(LineBox):
    """Enter goes to the next match, shift+enter (or F3, shift+F3) to the one before;
    escape closes the bar."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,f3", "step(1)", "Next match", tooltip="Go to the next match"),
        Binding("shift+enter,shift+f3", "step(-1)", "Previous", tooltip="The match before"),
        Binding("escape", "close", "Close", tooltip="Close the find bar, clearing the marks"),
    ]

    class Step(Message):
        """Go to the next match (step 1) or the one before (-1)."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    class Close(Message):
        """Close the bar."""

    def early_key(self, event: events.Key) -> bool:
        if super().early_key(event):
            return True
        if event.key == "escape":
            # The box lets go of the focus now: the rest of a burst ("ben␛3") is not typed
            # here. The screen closes the bar and gives the focus back to the section.
            self.action_close()
            self.screen.set_focus(None)
            return True
        return False

    def action_step(self, step: int) -> None:
        self.post_message(self.Step(step))

    def action_close(self) -> None:
        self.post_message(self.Close())


class FindBar(Horizontal):
    DEFAULT_CSS = """
    FindBar {
        height: 1;
        display: none;
        background: $panel;
        &.-open { display: block; }
        & > #find-label { width: auto; padding: 0 1; text-style: bold; color: $text; }
        /* Fixed widths: the count changes with every key and never moves anything. */
        & > FindBox { width: 32; max-width: 45%; height: 1; border: none; padding: 0 1;
                      background: $surface; }
        & > FindBox:focus { border: none; }
        & > #find-count { width: 1fr; padding: 0 1; color: $text;
                          text-wrap: nowrap; text-overflow: ellipsis; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(Content("Find"), id="find-label")
        yield FindBox(placeholder="words anywhere in the film", id="find-box")
        yield Static(Content(""), id="find-count")

    @property
    def box(self) -> FindBox:
        return self.query_one(FindBox)

    def say(self, text: str) -> None:
        self.query_one("#find-count", Static).update(Content(text), layout=False)
