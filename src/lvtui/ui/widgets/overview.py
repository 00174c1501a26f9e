"""Section 1: who made the film, from what, and how it was received, at a glance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult

from lvtui.reading.departments import DEPARTMENTS, credits
from lvtui.reading.wording import (
    aggregate_figure,
    external_ids,
    money,
    names,
    ratings,
    runtime,
    short_money,
    source_sentence,
    spending,
    work_words,
)
from lvtui.ui.widgets.gauge import Bar, Gauges
from lvtui.ui.widgets.reading import ReadingPane, facts, heading, paragraph

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.film.model import Film


class OverviewPane(ReadingPane):
    """Title, credits, source works, format, distributors, headline figures, accolades."""

    def __init__(self, film: Film, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.film = film

    def compose(self) -> ComposeResult:
        film = self.film
        yield heading(f"{film.title} ({film.year})")
        for text in film.summary:
            yield paragraph(text)
        rows = self._credit_rows()
        if rows:
            yield facts(rows)
        yield from self._figures()
        yield from self._accolade_summary()
        if film.categories:
            yield heading("Categories")
            yield paragraph(" · ".join(film.categories))
        yield from self._sources()

    def _credit_rows(self) -> list[tuple[str, str]]:
        film = self.film
        rows = [("Original title", film.original_title or ""),
                ("Tagline", f"“{film.tagline}”" if film.tagline else ""),
                ("Runtime", runtime(film.runtime) if film.runtime else ""),
                ("Genres", ", ".join(film.genres)),
                ("Countries" if len(film.countries) > 1 else "Country", ", ".join(film.countries)),
                ("Languages" if len(film.languages) > 1 else "Language",
                 ", ".join(film.languages))]
        rows += [(label, credits(film, department)) for department, label in DEPARTMENTS]
        for work in film.source_works:
            about = work.description.rstrip(".")
            if about.split(" ", 1)[0] in ("A", "An", "The"):  # reads on inside a bracket
                about = about[0].lower() + about[1:]
            about = f" ({about})" if about else ""
            rows.append(("Based on", work_words(film, work) + about))
        rows.append(("Starring", names(film, film.stars)))
        rows.append(("Companies", names(film, film.production_companies)))
        rows.append(("Format", ", ".join(film.production.formats)))
        territories: dict[str, list[str]] = {}  # one row per territory, companies in order
        for distribution in film.distribution:
            territories.setdefault(distribution.territory, []).append(distribution.company)
        for territory, companies in territories.items():
            where = f"{territory}: " if territory else ""
            rows.append(("Distribution", where + names(film, companies)))
        if film.marketing is not None:
            rows.append(("Marketing", spending(film, film.marketing)))
        budget = film.production.budget
        rows.append(("Budget", money(budget) if budget else ""))
        days = film.production.filming_days
        rows.append(("Filming", f"{days} days" if days is not None else ""))
        rows.append(("Rated", ratings(film)))
        rows.append(("Keywords", ", ".join(film.keywords)))
        rows.append(("Elsewhere", external_ids(film.external_ids)))
        return [(label, value) for label, value in rows if value]

    def _figures(self) -> ComposeResult:
        """Critics' scores, then money: two charts, since a percentage and a sum of money
        drawn on one scale would read as comparable."""
        film = self.film
        scores = [Bar(film.name(a.source), a.value, a.top, aggregate_figure(a))
                  for a in film.reception.aggregators]
        bars: list[Bar] = []
        grosses = film.reception.box_office
        spend = film.marketing.spend if film.marketing else None
        if grosses:
            # Money is drawn against the largest gross, and only in that gross's currency.
            top = max(grosses, key=lambda gross: gross.amount)
            for gross in grosses:
                if gross.currency == top.currency and top.amount:
                    label = f"Box office, {gross.territory}" if gross.territory else "Box office"
                    bars.append(Bar(label, gross.amount, top.amount, money(gross)))
            if spend and spend.currency == top.currency and top.amount:
                bars.append(Bar("Marketing spend", min(spend.amount, top.amount), top.amount,
                                short_money(spend)))
        if scores or bars:
            yield heading("Reception")
        for chart in (scores, bars):
            if chart:
                yield Gauges(chart)

    def _sources(self) -> ComposeResult:
        """Where the facts came from, and the notice a source asks for (TMDB's)."""
        if not self.film.sources:
            return
        yield heading("Sources")
        for source in self.film.sources:
            yield paragraph(source_sentence(source))
            if source.attribution:
                yield paragraph(source.attribution)

    def _accolade_summary(self) -> ComposeResult:
        """What it won, and how many nominations in all: the list, nominations and notes
        included, is the reception's."""
        film = self.film
        if not film.accolades:
            return
        yield heading("Accolades")
        wins = [a for a in film.accolades if a.result == "won"]
        if wins:
            yield facts([("★ Won", f"{a.award} · {a.category} · "
                                   f"{names(film, a.nominees) or film.title}") for a in wins])
        count = len(film.accolades)
        if count == 1:
            tally = "Won its only nomination" if wins else "One nomination, not won"
        else:
            tally = f"Won {len(wins):,} of its {count:,} nominations" if wins else \
                f"{count:,} nominations, none won"
        yield paragraph(f"{tally}; the list is under Reception (6).")
