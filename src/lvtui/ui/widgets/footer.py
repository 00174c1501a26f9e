"""The footer: the keys that work where focus is, as many as fit, never cut mid-word.

One widget drawing one line, instead of Textual's Footer, which rebuilds a widget per key
on every focus change: a layout of the screen each time, the larger part of the cost of
changing section. It reads the same bindings (those with ``show=True`` that are enabled
where focus is) and, like Textual's, a click on a key presses it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget

COMPACT_BELOW = 80  # columns under which the keys sit closer together
PALETTE_HINT_FROM = 60  # columns from which "^p palette" is shown (ctrl+p works always)


# Kept on the line longest when room runs out: how a person gets out of anything, finds
# anyone, and learns every other key.
ESSENTIAL = {"escape", "slash", "question_mark", "q"}


class KeyFooter(Widget):
    """Key hints for the screen it is on; a card and the help each have their own."""

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
        & > .key-footer--key { color: auto 90%; background: $footer-key-background;
                               text-style: bold; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-footer--key"}

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, str]] = []  # (first cell, end cell, key)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()  # one line repainted; the layout does not change

    def hints(self) -> list[tuple[str, str, str]]:
        """(key, how it is shown, description) of each key to offer, once per action: escape
        where it is one of them (it closes things everywhere), else the shortest, as less and
        vim users know them (g before home, ? before f1)."""
        hints: dict[str, tuple[str, str, str]] = {}

        def rank(key: str, shown: str) -> tuple[bool, int]:
            return (key != "escape", len(shown))

        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not (binding.show and active.enabled):
                continue
            shown = self.app.get_key_display(binding)
            best = hints.get(binding.action)
            if best is None or rank(key, shown) < rank(best[0], best[1]):
                hints[binding.action] = (key, shown, binding.description)
        return list(hints.values())

    @staticmethod
    def _fitting(items: list[tuple[str, str, str]], room: int,
                 gap: str) -> list[tuple[str, str, str]]:
        """The keys that fit whole in *room* cells, in their order. Where not all fit, the
        last ones go first, except the ESSENTIAL keys: help lists the rest."""
        def width(kept: list[tuple[str, str, str]]) -> int:
            return sum(cell_len(f"{gap}{shown} {description}") for _, shown, description in kept)

        kept = list(items)
        for item in reversed(items):
            if width(kept) <= room:
                break
            if item[0] not in ESSENTIAL:
                kept.remove(item)
        while kept and width(kept) > room:  # even the essentials are too wide: from the end
            kept.pop()
        return kept

    def render(self) -> Content:
        width = self.size.width
        gap = " " if width < COMPACT_BELOW else "  "
        key_style = self.get_visual_style("key-footer--key")  # whole: "auto" needs the background
        items = self.hints()
        right: tuple[str, str, str] | None = None
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None and palette.enabled and width >= PALETTE_HINT_FROM:
            key = self.app.COMMAND_PALETTE_BINDING
            right = (key, self.app.get_key_display(palette.binding), "palette")
        right_width = cell_len(f" {right[1]} {right[2]} ") if right else 0
        items = self._fitting(items, width - right_width, gap)
        parts: list[tuple[str, Style] | str] = []
        self._spans = []
        x = 0
        for key, shown, description in items:
            lead = gap if parts else " "
            end = x + cell_len(f"{lead}{shown} {description}")
            parts += [lead, (shown, key_style), f" {description}"]
            self._spans.append((x + len(lead), end, key))
            x = end
        if right is not None:
            parts.append(" " * (width - x - right_width))
            self._spans.append((width - right_width, width, right[0]))
            parts += [" ", (right[1], key_style), f" {right[2]} "]
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
