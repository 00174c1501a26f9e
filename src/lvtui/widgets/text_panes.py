"""Sections 2, 4 and 7: plot, production notes, soundtrack and home media.

Each is read top to bottom, so each is a ReadingPane built from paragraphs and quotes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult

from lvtui.widgets.reading import ReadingPane, facts, heading, paragraph, quote

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.model import Film


class FilmPane(ReadingPane):
    """A reading pane that draws from the film it is given."""

    def __init__(self, film: Film, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.film = film


class PlotPane(FilmPane):
    def compose(self) -> ComposeResult:
        yield heading("Plot")
        for text in self.film.plot:
            yield paragraph(text)


class ProductionPane(FilmPane):
    """Development, casting and filming, with quotes set apart and attributed."""

    def compose(self) -> ComposeResult:
        for section in self.film.production.sections:
            yield heading(section.topic)
            for passage in section.passages:
                if passage.speaker is not None:
                    yield quote(passage.text, passage.speaker, passage.context)
                else:
                    yield paragraph(passage.text)


class SoundtrackPane(FilmPane):
    """The soundtrack album, then every home media release, dated or not."""

    def compose(self) -> ComposeResult:
        soundtrack = self.film.soundtrack
        if soundtrack is not None:
            yield heading("Soundtrack")
            if soundtrack.released is not None:
                yield facts([("Released", soundtrack.released.display())])
            for item in soundtrack.contents:
                yield paragraph(f"• {item}")
            for song in soundtrack.left_out:
                by = f", performed by {song.performer}" if song.performer else ""
                yield paragraph(f"Not included: “{song.title}”{by}. {song.note}".strip())
        home = self.film.home_media
        yield heading("Home media")
        if home.distributor:
            yield facts([("Distributor", home.distributor)])
        dated = [r for r in home.releases if r.date is not None]
        yield facts([(r.date.display() if r.date else "", f"{r.format}. {r.detail}".strip())
                     for r in dated])
        undated = self.film.undated_home_media()
        if undated:
            yield heading("Undated releases")
            for release in undated:
                yield paragraph(f"• {release.format}" + (f": {release.detail}"
                                                          if release.detail else ""))
        for note in home.notes:
            yield paragraph(note)
