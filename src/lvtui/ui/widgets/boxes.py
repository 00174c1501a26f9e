"""Text boxes that take a line: the cast search and the find bar."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from lvtui.text.clean import clean
from lvtui.ui.widgets.internals import forward_key


class LineBox(Input):
    """A box for one line of text: a pasted clipboard gives its cleaned first line; a
    subclass may take keys before they are typed (``early_key``)."""

    # Selected words (a second ctrl+f selects the last search) keep Textual's selection
    # background, with letters that read on it: the box's own colour falls below 3:1 on
    # it in several themes.
    DEFAULT_CSS = """
    LineBox > .input--selection { color: auto 90%; }
    """

    def on_key(self, event: events.Key) -> None:
        # Textual calls each class's key handler, subclass first: this one runs before
        # Input's, which types the key, and a prevented default keeps that from running.
        if self.early_key(event):
            event.prevent_default()  # not typed into the box
            event.stop()

    def early_key(self, event: events.Key) -> bool:
        """Whether this box takes *event* itself, before it is typed."""
        # Keys are handled in the order they were typed, by whoever had focus when they
        # were read. A key on its way here as focus left the box (in a burst: "/shue⏎⏎",
        # "xyz␛q", "ben␛3") belongs where the focus went.
        focused = self.screen.focused
        if focused is not self:
            forward_key(event, focused or self.screen)
            return True
        return False

    def on_paste(self, event: events.Paste) -> None:
        # A clipboard can hold anything, escape sequences included, and Input would draw
        # them as they are: only the cleaned first line becomes part of the query.
        event.prevent_default()  # Input's own paste handler is not called
        event.stop()
        line = clean(event.text).partition("\n")[0]
        if line:
            self.replace(line, *self.selection)
