"""Section 6: box office, aggregator scores, critics, best-of lists and accolades."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.content import Content

from lvtui.reading.contents import has_content
from lvtui.reading.wording import aggregate_figure, aggregator_words, money, names
from lvtui.ui.widgets.gauge import Bar, Gauges
from lvtui.ui.widgets.linked import Linked
from lvtui.ui.widgets.reading import facts, heading, nothing, paragraph, quote
from lvtui.ui.widgets.text_panes import FilmPane

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.film.model import Film


class AccoladesTable(Linked):
    """Award, category, nominee, result: every cell readable at any width, none selectable.

    A row of the table is a unit of linked text (its nominees are links, a find marks it);
    the cells are drawn side by side where the four columns fit with their text wrapped,
    stacked (award and category, then nominee and result) where they would not.
    """

    DEFAULT_CSS = """
    AccoladesTable {
        margin-bottom: 1;
        & > .accolades--header { text-style: bold; color: $text-secondary; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"accolades--header"}
    STACK_BELOW = 72  # cells: narrower than this, a row per cell reads better than columns
    TITLES = ("Award", "Category", "Nominee", "Result")
    SEPARATOR = " · "
    GAP = 2  # cells between columns
    RATIOS = (3, 4, 3)  # the widths of award, category and nominee; the result is as wide as it is

    def __init__(self, film: Film, *, id: str | None = None) -> None:
        self.cells: list[tuple[int, int, int, int]] = []  # where each cell of a row starts
        units = []
        for accolade in film.accolades:
            won = accolade.result == "won"
            cells = [accolade.award, accolade.category,
                     names(film, accolade.nominees) or film.title]  # none: the film itself
            result = ("★ " if won else "") + accolade.result.capitalize()
            starts, at = [], 0
            for cell in [*cells, result]:
                starts.append(at)
                at += len(cell) + len(self.SEPARATOR)
            self.cells.append((starts[0], starts[1], starts[2], starts[3]))
            # One line of text, as a find reads and a copy pastes it.
            units.append(Content.assemble(
                *[part for cell in cells for part in (cell, self.SEPARATOR)],
                (result, "bold" if won else "")))
        super().__init__(units, id=id)

    def _split(self, number: int, unit: Content) -> list[Content]:
        starts = self.cells[number]
        ends = [start - len(self.SEPARATOR) for start in starts[1:]] + [len(unit)]
        return [unit[start:end] for start, end in zip(starts, ends, strict=True)]

    def lay_out_units(self, units: list[Content], width: int) -> Content:
        rows = [self._split(number, unit) for number, unit in enumerate(units)]
        if width < self.STACK_BELOW:
            lines: list[Content] = []
            for award, category, nominee, result in rows:
                lines += (Content.assemble(award.stylize("bold"), self.SEPARATOR, category)
                          .wrap(max(1, width)))
                lines += [Content("  ") + line for line in Content.assemble(
                    nominee, self.SEPARATOR, result).wrap(max(1, width - 2))]
            return Content("\n").join(lines)
        header = self.get_visual_style("accolades--header", partial=True)
        titles = [Content(title).stylize(header) for title in self.TITLES]
        result_width = max(cell_len(title.plain) for title in [titles[3], *(r[3] for r in rows)])
        room = width - result_width - self.GAP * 3
        widths = [room * ratio // sum(self.RATIOS) for ratio in self.RATIOS]
        widths[-1] = room - sum(widths[:-1])
        lines = []
        for cells in [titles, *rows]:
            wrapped = [cell.wrap(max(1, w)) for cell, w in zip(cells, [*widths, result_width],
                                                               strict=True)]
            for y in range(max(len(column) for column in wrapped)):
                parts: list[Content | str] = []
                for column, (lines_of_cell, cell_width) in enumerate(
                        zip(wrapped, [*widths, result_width], strict=True)):
                    text = lines_of_cell[y] if y < len(lines_of_cell) else Content("")
                    gap = " " * self.GAP if column < 3 else ""
                    parts += [text, " " * (cell_width - text.cell_length) + gap]
                lines.append(Content.assemble(*parts).rstrip())
        return Content("\n").join(lines)


class ReceptionPane(FilmPane):
    def compose(self) -> ComposeResult:
        film = self.film
        reception = film.reception
        if not has_content(film, "reception"):
            yield nothing("reception or accolades")
            return
        if reception.box_office or reception.notes:
            yield heading("Box office")
            yield facts([(f"Gross, {gross.territory}" if gross.territory else "Gross",
                          money(gross)) for gross in reception.box_office])
            for note in reception.notes:
                yield paragraph(note)
        if reception.aggregators:
            yield from self._scores()
        if reception.reviews:
            yield heading("Critics")
            for review in reception.reviews:
                critic = film.name(review.critic)
                outlet = film.name(review.outlet) if review.outlet else None
                where = f" ({outlet})" if outlet else ""
                if review.verdict:  # said whether or not words of it are quoted
                    ending = ":" if review.quote else "."
                    yield paragraph(f"{critic}{where} gave the film {review.verdict}{ending}")
                if review.quote:
                    yield quote(review.quote, critic, outlet)
                elif not review.verdict:
                    yield paragraph(f"{critic}{where} reviewed the film.")
        if reception.best_of:
            yield heading("Best-of lists")
            for entry in reception.best_of:
                rank = f", number {entry.rank}" if entry.rank is not None else ""
                yield paragraph(f"• {film.name(entry.critic)}: “{entry.list}”{rank}")
        if film.accolades or film.accolade_notes:
            yield heading("Accolades")
            for note in film.accolade_notes:
                yield paragraph(note)
            if film.accolades:
                yield AccoladesTable(film, id="accolades")

    def _scores(self) -> ComposeResult:
        film = self.film
        bars = []  # the scores are compared with each other: one group, one scale
        for aggregate in film.reception.aggregators:
            source = film.name(aggregate.source)
            bars.append(Bar(source, aggregate.value, aggregate.top, aggregate_figure(aggregate)))
            if aggregate.average is not None:
                bars.append(Bar("Average rating", aggregate.average, aggregate.average_best,
                                f"{aggregate.average:g}/{aggregate.average_best:g}"))
        yield heading("Critics' scores")
        yield Gauges(bars)
        for aggregate in film.reception.aggregators:
            # Short figures leave the bars room; the words follow them.
            if aggregate.verdict:
                yield paragraph(aggregator_words(film, aggregate))
            if aggregate.consensus:
                yield quote(aggregate.consensus, f"{film.name(aggregate.source)} consensus")
