"""Section 6: box office, aggregator scores, critics, best-of lists and accolades."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget

from lvtui.widgets.gauge import Bar, Gauges
from lvtui.widgets.reading import facts, heading, paragraph, quote
from lvtui.widgets.text_panes import FilmPane
from lvtui.widgets.wording import money

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.model import Accolade


class AccoladesTable(Widget):
    """Award, category, nominee, result: every cell readable at any width, none selectable.

    Side by side where the four columns fit with their cells wrapped; stacked (award and
    category, then nominee and result) where they would not. Every cell is Text, never
    markup: the names come from the film file.
    """

    DEFAULT_CSS = """
    AccoladesTable {
        height: auto; margin-bottom: 1;
        & > .accolades--header { text-style: bold; color: $text-secondary; }
        & > .accolades--won { text-style: bold; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"accolades--header", "accolades--won"}
    STACK_BELOW = 72  # cells: narrower than this, a row per cell reads better than columns

    def __init__(self, accolades: Sequence[Accolade], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.accolades = accolades

    def render(self) -> RenderableType:
        return _Adaptive(self._columns, self._stacked, self.STACK_BELOW)

    def _result(self, accolade: Accolade) -> Text:
        won = accolade.result == "won"
        style = self.get_component_rich_style("accolades--won", partial=True) if won else ""
        return Text(("★ " if won else "") + accolade.result.capitalize(), style=style)

    def _columns(self) -> Table:
        header = self.get_component_rich_style("accolades--header", partial=True)
        table = Table.grid(padding=(0, 2, 0, 0), expand=True)
        for _title, ratio in (("Award", 3), ("Category", 4), ("Nominee", 3)):
            table.add_column(ratio=ratio)
        table.add_column(no_wrap=True)
        table.add_row(*(Text(title, style=header)
                        for title in ("Award", "Category", "Nominee", "Result")))
        for accolade in self.accolades:
            table.add_row(Text(accolade.award), Text(accolade.category),
                          Text(accolade.nominee), self._result(accolade))
        return table

    def _stacked(self) -> Group:
        lines: list[Text] = []
        for accolade in self.accolades:
            lines += [Text.assemble((accolade.award, "bold"), " · ", accolade.category),
                      Text.assemble("  ", accolade.nominee, " · ", self._result(accolade))]
        return Group(*lines)


class _Adaptive:
    """A Rich renderable that picks its layout from the width it is given to draw in."""

    def __init__(self, wide: Callable[[], RenderableType],
                 narrow: Callable[[], RenderableType], below: int) -> None:
        self.wide, self.narrow, self.below = wide, narrow, below

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.narrow() if options.max_width < self.below else self.wide()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)


class ReceptionPane(FilmPane):
    def compose(self) -> ComposeResult:
        reception = self.film.reception
        yield heading("Box office")
        if reception.box_office_usd is not None:
            yield facts([("Gross", money(reception.box_office_usd))])
        if reception.box_office_note:
            yield paragraph(reception.box_office_note)
        rt, mc = reception.rotten_tomatoes, reception.metacritic
        bars = []  # the scores are compared with each other: one group, one scale
        if rt is not None:
            bars += [Bar("Rotten Tomatoes", rt.approval_percent, 100,
                         f"{rt.approval_percent}% of {rt.reviews} reviews"),
                     Bar("Average rating", rt.average, 10, f"{rt.average:g}/10")]
        if mc is not None:  # short figures leave the bars room; the verdict follows them
            bars.append(Bar("Metacritic", mc.score, 100, f"{mc.score}/100, {mc.critics} critics"))
        if bars:
            yield heading("Critics' scores")
            yield Gauges(bars)
        if mc is not None and mc.verdict:
            yield paragraph(f"Metacritic's verdict: “{mc.verdict}”.")
        if rt is not None and rt.consensus:
            yield quote(rt.consensus, "Rotten Tomatoes critics consensus")
        if reception.critics:
            yield heading("Critics")
            for review in reception.critics:
                if review.quote:
                    yield quote(review.quote, review.critic, review.outlet or None)
                else:
                    verdict = f" gave the film {review.verdict}" if review.verdict else ""
                    yield paragraph(f"{review.critic} ({review.outlet}){verdict}.")
        if reception.best_of:
            yield heading("Best-of lists")
            for entry in reception.best_of:
                rank = f", number {entry.rank}" if entry.rank is not None else ""
                yield paragraph(f"• {entry.critic}: “{entry.list_name}”{rank}")
        yield heading("Accolades")
        if self.film.accolades_note:
            yield paragraph(self.film.accolades_note)
        if self.film.accolades:
            yield AccoladesTable(self.film.accolades, id="accolades")
