"""A one-line horizontal bar: a label, a filled share of the width, and the figure."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class Gauge(Widget):
    """Draws ``value / maximum`` as a bar that fits whatever width it is given."""

    DEFAULT_CSS = """
    Gauge { height: 1; width: 1fr; }
    """
    LABEL_WIDTH = 17
    EIGHTHS = " ▏▎▍▌▋▊▉"

    def __init__(self, label: str, value: float, maximum: float, figure: str,
                 *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.label = label
        self.value = max(0.0, min(value, maximum))
        self.maximum = maximum
        self.figure = figure

    def bar(self, width: int) -> str:
        """The bar alone, drawn in eighths of a cell so small values still show."""
        if width <= 0 or self.maximum <= 0:
            return ""
        eighths = round(self.value / self.maximum * width * 8)
        full, part = divmod(eighths, 8)
        text = "█" * full + (self.EIGHTHS[part] if part else "")
        return text.ljust(width, " ")

    def render(self) -> Content:
        label = f"{self.label:<{self.LABEL_WIDTH}}"[: self.LABEL_WIDTH]
        figure = f" {self.figure}"
        width = self.size.width - len(label) - len(figure)
        if width < 4:  # too narrow for a bar: the figure alone still says it
            return Content.assemble((label, "bold"), self.figure)
        return Content.assemble(
            (label, "bold"),
            (self.bar(width), "$accent on $boost"),
            (figure, "bold"),
        )
