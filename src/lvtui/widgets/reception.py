"""Section 6: box office, aggregator scores, critics, best-of lists and accolades."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable

from lvtui.widgets.gauge import Gauge
from lvtui.widgets.overview import money
from lvtui.widgets.reading import facts, heading, paragraph, quote
from lvtui.widgets.text_panes import FilmPane


class AccoladesTable(DataTable[Text]):
    """Award, category, nominee, result; every cell a Text, never markup."""

    DEFAULT_CSS = """
    AccoladesTable { height: auto; max-height: 20; margin-bottom: 1; }
    """


class ReceptionPane(FilmPane):
    def compose(self) -> ComposeResult:
        reception = self.film.reception
        yield heading("Box office")
        if reception.box_office_usd is not None:
            yield facts([("Gross", money(reception.box_office_usd))])
        if reception.box_office_note:
            yield paragraph(reception.box_office_note)
        rt = reception.rotten_tomatoes
        if rt is not None:
            yield heading("Rotten Tomatoes")
            yield Gauge("Approval", rt.approval_percent, 100,
                        f"{rt.approval_percent}% of {rt.reviews} reviews")
            yield Gauge("Average rating", rt.average, 10, f"{rt.average:g}/10")
            if rt.consensus:
                yield quote(rt.consensus, "Critics consensus")
        mc = reception.metacritic
        if mc is not None:
            yield heading("Metacritic")
            verdict = f", “{mc.verdict}”" if mc.verdict else ""
            yield Gauge("Metascore", mc.score, 100, f"{mc.score}/100{verdict}")
            yield paragraph(f"Based on {mc.critics} critics.")
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
        yield AccoladesTable(id="accolades", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(AccoladesTable)
        table.add_columns("Award", "Category", "Nominee", "Result")
        for accolade in self.film.accolades:
            won = accolade.result == "won"
            result = Text(("★ " if won else "  ") + accolade.result.capitalize(),
                          style="bold" if won else "")
            table.add_row(Text(accolade.award), Text(accolade.category), Text(accolade.nominee),
                          result)
