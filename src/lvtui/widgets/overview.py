"""Section 1: who made the film, from what, and how it was received, at a glance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult

from lvtui.widgets.gauge import Bar, Gauges
from lvtui.widgets.reading import ReadingPane, facts, heading, paragraph
from lvtui.widgets.wording import money

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.model import Film


class OverviewPane(ReadingPane):
    """Title, credits, source novel, format, distributors, headline figures, accolades."""

    def __init__(self, film: Film, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.film = film

    def compose(self) -> ComposeResult:
        film = self.film
        yield heading(f"{film.title} ({film.year})")
        for text in film.summary:
            yield paragraph(text)
        yield facts(self._credit_rows())
        yield from self._figures()
        yield from self._accolade_summary()

    def _credit_rows(self) -> list[tuple[str, str]]:
        film = self.film
        rows = [
            ("Genres", ", ".join(film.genres)),
            ("Country", film.country),
            ("Language", film.language),
            ("Director", film.director),
            ("Screenplay", film.screenwriter),
        ]
        novel = film.source_novel
        if novel is not None:
            described = f" ({novel.description.rstrip('.')})" if novel.description else ""
            rows.append(("Based on", f"{novel.title}, {novel.published.display()} novel "
                                     f"by {novel.author}{described}"))
        rows.append(("Starring", ", ".join(film.stars)))
        fmt = film.film_format
        if fmt is not None:
            instead = f", instead of {fmt.instead_of}" if fmt.instead_of else ""
            rows.append(("Format", f"{fmt.gauge}{instead}. {fmt.reason}".strip()))
        rows.append(("Music", film.composer + (f". {film.score_note}" if film.score_note else "")))
        for distribution in film.distributors:
            rows.append(("Distribution", f"{distribution.territory}: "
                                          + ", ".join(distribution.companies)))
        marketing = film.marketing
        if marketing is not None and marketing.spend_under_usd is not None:
            reported = "reportedly " if marketing.reported else ""
            included = f" ({', '.join(marketing.included)})" if marketing.included else ""
            rows.append(("Marketing", f"{marketing.by} {reported}spent less than "
                                      f"{money(marketing.spend_under_usd)}{included}"))
        if film.production.filming_days is not None:
            rows.append(("Filming", f"{film.production.filming_days} days"))
        return rows

    def _figures(self) -> ComposeResult:
        reception = self.film.reception
        rt, mc = reception.rotten_tomatoes, reception.metacritic
        bars = []
        if rt is not None:
            bars.append(Bar("Rotten Tomatoes", rt.approval_percent, 100,
                            f"{rt.approval_percent}% of {rt.reviews} reviews"))
        if mc is not None:
            bars.append(Bar("Metacritic", mc.score, 100, f"{mc.score}/100, {mc.critics} critics"))
        if reception.box_office_usd is not None:
            spend = self.film.marketing.spend_under_usd if self.film.marketing else None
            scale = reception.box_office_usd  # the marketing spend is drawn against the gross
            bars.append(Bar("Box office", reception.box_office_usd, scale,
                            money(reception.box_office_usd)))
            if spend:
                bars.append(Bar("Marketing spend", spend, scale, f"< {money(spend)}"))
        if bars:
            yield heading("Reception")
            yield Gauges(bars)

    def _accolade_summary(self) -> ComposeResult:
        accolades = self.film.accolades
        if not accolades and not self.film.accolades_note:
            return
        yield heading("Accolades")
        rows = [("★ Won" if a.result == "won" else "Nominated",
                 f"{a.award} · {a.category} · {a.nominee}")
                for a in sorted(accolades, key=lambda a: a.result != "won")]
        yield facts(rows)
        if self.film.accolades_note:
            yield paragraph(self.film.accolades_note)
