"""Section 6: box office, aggregator scores, critics, best-of lists and accolades."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget

from lvtui.search import match_spans
from lvtui.widgets.gauge import Bar, Gauges
from lvtui.widgets.reading import facts, heading, nothing, paragraph, quote
from lvtui.widgets.text_panes import FilmPane
from lvtui.wording import aggregate_figure, money, names

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.model import Accolade, Film


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
        & > .accolades--match { background: $warning 40%; color: auto 95%; }
        & > .accolades--current-match { background: $warning; color: auto 95%;
                                        text-style: bold; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"accolades--header", "accolades--won",
                                             "accolades--match", "accolades--current-match"}
    STACK_BELOW = 72  # cells: narrower than this, a row per cell reads better than columns

    def __init__(self, film: Film, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.film = film
        self.accolades: Sequence[Accolade] = film.accolades
        self._found: tuple[str, set[int], int | None] = ("", set(), None)

    def _nominees(self, accolade: Accolade) -> str:
        return names(self.film, accolade.nominees) or self.film.title  # none: the film

    def plain_text(self) -> str:
        return "\n".join(self.find_texts())

    # -- find: see lvtui.widgets.linked.Findable --------------------------------------------

    def find_texts(self) -> list[str]:
        return [f"{a.award} · {a.category} · {self._nominees(a)} · {a.result}"
                for a in self.accolades]

    def mark_found(self, query: str, rows: Sequence[int], current: int | None) -> None:
        found = (query, set(rows), current)
        if found != self._found:
            self._found = found
            self.refresh()

    def reveal_found(self, row: int) -> None:
        self.scroll_visible(animate=False, immediate=True)

    def _cell(self, row: int, text: str, style: Style | str = "") -> Text:
        """A cell's text, with the words of a find marked where its row matched."""
        cell = Text(text, style=style)
        query, rows, current = self._found
        if row in rows:
            mark = self.get_component_rich_style(
                "accolades--current-match" if row == current else "accolades--match")
            for start, end in match_spans(text, query):
                cell.stylize(mark, start, end)
        return cell

    def render(self) -> RenderableType:
        return _Adaptive(self._columns, self._stacked, self.STACK_BELOW)

    def _result(self, row: int, accolade: Accolade) -> Text:
        won = accolade.result == "won"
        style = self.get_component_rich_style("accolades--won", partial=True) if won else ""
        return self._cell(row, ("★ " if won else "") + accolade.result.capitalize(), style)

    def _columns(self) -> Table:
        header = self.get_component_rich_style("accolades--header", partial=True)
        table = Table.grid(padding=(0, 2, 0, 0), expand=True)
        for _title, ratio in (("Award", 3), ("Category", 4), ("Nominee", 3)):
            table.add_column(ratio=ratio)
        table.add_column(no_wrap=True)
        table.add_row(*(Text(title, style=header)
                        for title in ("Award", "Category", "Nominee", "Result")))
        for row, accolade in enumerate(self.accolades):
            table.add_row(self._cell(row, accolade.award), self._cell(row, accolade.category),
                          self._cell(row, self._nominees(accolade)),
                          self._result(row, accolade))
        return table

    def _stacked(self) -> Group:
        lines: list[Text] = []
        for row, accolade in enumerate(self.accolades):
            lines += [Text.assemble(self._cell(row, accolade.award, "bold"), " · ",
                                    self._cell(row, accolade.category)),
                      Text.assemble("  ", self._cell(row, self._nominees(accolade)), " · ",
                                    self._result(row, accolade))]
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
        film = self.film
        reception = film.reception
        if not (reception.box_office or reception.aggregators or reception.reviews
                or reception.best_of or reception.notes or film.accolades
                or film.accolade_notes):
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
                if review.quote:
                    yield quote(review.quote, critic, outlet)
                else:
                    where = f" ({outlet})" if outlet else ""
                    verdict = f" gave the film {review.verdict}" if review.verdict else \
                        " reviewed the film"
                    yield paragraph(f"{critic}{where}{verdict}.")
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
                yield paragraph(f"{film.name(aggregate.source)}'s verdict: "
                                f"“{aggregate.verdict}”.")
            if aggregate.consensus:
                yield quote(aggregate.consensus, f"{film.name(aggregate.source)} consensus")
