"""Facts as label/value rows (the overview's, a card's): labels are lvtui's, the values are
film text, linked and marked as any Linked text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from textual.content import Content

from lvtui.ui.widgets.linked import Linked


class FactList(Linked):
    """Label/value rows with a hanging indent: labels are ours, the values (the units) come
    from the film. A label repeated on consecutive rows is written once: they read as a
    group. Narrower than a label and a short value, or than two label columns, each label
    goes above its value."""

    DEFAULT_CSS = """
    FactList {
        margin-bottom: 1;
        & > .facts--label { text-style: bold; color: $text-secondary; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"facts--label"}
    GAP = 2  # cells between the columns
    NARROWEST_VALUE = 16  # cells: below this, labels go above their values

    def __init__(self, rows: Sequence[tuple[str, str]]) -> None:
        rows = [(label, value) for label, value in rows if value]
        super().__init__([Content(value) for _, value in rows])
        self.labels = [label for label, _ in rows]

    def plain_text(self) -> str:
        return "\n".join(f"{label}: {value}" for label, value in zip(self.labels, self.texts,
                                                                     strict=True))

    def lay_out_units(self, units: list[Content], width: int) -> Content:
        style = self.get_visual_style("facts--label", partial=True)
        label_width = max((cell_len(label) for label in self.labels), default=0)
        value_width = width - label_width - self.GAP
        # Labels go above their values too when they are the wider column: beside a long
        # job ("Assistant Production Coordinator"), a column of names would break "Julie M.
        # Anderson" in two, and read as two people.
        stacked = value_width < max(self.NARROWEST_VALUE, label_width)
        lines: list[Content] = []
        previous = None
        for label, value in zip(self.labels, units, strict=True):
            shown = label if label != previous else ""
            previous = label
            if stacked:
                if shown:
                    lines.append(Content(shown).stylize(style))
                lines += [Content("  ") + line for line in value.wrap(max(1, width - 2))]
                continue
            for number, line in enumerate(value.wrap(max(1, value_width))):
                head = shown if number == 0 else ""
                # The gap is part of the label's text: an SVG viewer may drop spaces that
                # open a text of their own.
                gap = " " * (label_width - cell_len(head) + self.GAP)
                lines.append(Content.assemble((head + gap, style), line))
        return Content("\n").join(lines)
