"""The footer: Textual's, made to fit the width it has instead of being cut mid-word."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

COMPACT_BELOW = 80  # columns under which the keys sit closer together
PALETTE_HINT_FROM = 60  # columns from which "^p palette" is shown (ctrl+p works always)


class KeyFooter(Footer):
    """The keys that work where focus is; on every screen, so a card shows its own."""

    def on_resize(self, event: events.Resize) -> None:
        width = event.size.width
        self.compact = width < COMPACT_BELOW
        show_palette = width >= PALETTE_HINT_FROM
        if show_palette != self.show_command_palette:
            self.show_command_palette = show_palette
            self.refresh(recompose=True)
