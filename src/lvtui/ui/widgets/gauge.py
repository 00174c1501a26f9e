"""Bars that are meant to be compared: one row each, all drawn to one scale.

Every bar of a group is as long as the others would be at the same share: the labels and
the figures take the same room on every row, so 91% is longer than 76%, and the bars
appear, or give way to the figures alone, together.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget

EIGHTHS = " ▏▎▍▌▋▊▉"
MIN_BAR = 4  # cells: below this a bar says nothing, and every row shows its figure alone


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    maximum: float
    figure: str

    @property
    def share(self) -> float:
        if self.maximum <= 0:
            return 0.0
        return max(0.0, min(self.value, self.maximum)) / self.maximum


def draw_bar(share: float, width: int) -> str:
    """*share* of *width* cells, in eighths of a cell so small values still show."""
    if width <= 0:
        return ""
    eighths = round(share * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (EIGHTHS[part] if part else "")).ljust(width)


class Gauges(Widget):
    """A group of bars with one scale: label, bar, figure on each row."""

    DEFAULT_CSS = """
    Gauges { height: auto; width: 1fr; margin-bottom: 1; }
    """

    def __init__(self, bars: list[Bar], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bars = bars
        # Fixed at creation: every row gives its label and its figure the same room.
        self.label_width = max((cell_len(bar.label) for bar in bars), default=0) + 2
        self.figure_width = max((cell_len(bar.figure) for bar in bars), default=0) + 1

    def plain_text(self) -> str:
        return "\n".join(f"{bar.label}: {bar.figure}" for bar in self.bars)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self.bars)

    def bar_width(self, width: int) -> int:
        """The one bar width of every row, or 0 when there is no room for bars."""
        room = width - self.label_width - self.figure_width
        return room if room >= MIN_BAR else 0

    def render(self) -> Content:
        width = self.size.width
        bar_width = self.bar_width(width)
        lines = []
        for bar in self.bars:
            # Padded in cells, not characters: a CJK label is twice as wide as it is long.
            label = (bar.label + " " * (self.label_width - cell_len(bar.label)), "bold")
            if bar_width:
                lines.append(Content.assemble(label, (draw_bar(bar.share, bar_width),
                                                      "$accent on $boost"), " ", bar.figure))
            else:
                lines.append(Content.assemble(label, bar.figure))
        return Content("\n").join(lines)
