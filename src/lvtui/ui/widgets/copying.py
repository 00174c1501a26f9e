"""`y` copies what is focused as plain text, as a terminal's clipboard takes it (OSC 52
through Textual's copy_to_clipboard), with a short notice of what was copied.

The text copied is the film's, already cleaned at load: no escape sequence can ride along.
The notice is built as plain text (markup off): a name in it is never parsed.
"""

from __future__ import annotations

from textual.widget import Widget

from lvtui.text.clean import shorten


def copy_text(widget: Widget, text: str, what: str) -> None:
    """Put *text* on the clipboard and say so: "Copied the paragraph: Ben Sanderson is…"."""
    widget.app.copy_to_clipboard(text)
    preview = shorten(" ".join(text.split()), 60)
    widget.app.notify(f"Copied {what}: {preview}", markup=False, timeout=3)


def plain_text(widget: Widget) -> str:
    """What a block of a reading pane says, as plain text: a paragraph, a quote, a table of
    facts or bars. Blocks that draw their own text say it through a `plain_text` method."""
    method = getattr(widget, "plain_text", None)
    if callable(method):
        return str(method())
    return str(widget.render())
