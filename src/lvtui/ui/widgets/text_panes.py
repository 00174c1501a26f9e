"""Sections 2, 4 and 7: plot, production notes, soundtrack and home media.

Each is read top to bottom, so each is a ReadingPane built from paragraphs and quotes.
A section the film file holds nothing for says so in one line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult

from lvtui.reading.contents import has_content
from lvtui.reading.departments import further_crew
from lvtui.reading.wording import edition_detail, edition_title, names, spelled_date
from lvtui.ui.widgets.reading import (
    ReadingPane,
    facts,
    heading,
    nothing,
    paragraph,
    quote,
    subheading,
)

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.film.model import Film, Song


class FilmPane(ReadingPane):
    """A reading pane that draws from the film it is given."""

    def __init__(self, film: Film, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.film = film


class NothingPane(ReadingPane):
    """A section the film file holds nothing for, where the usual pane needs something:
    the cast list with no cast."""

    def __init__(self, what: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.what = what

    def compose(self) -> ComposeResult:
        yield nothing(self.what)


class PlotPane(FilmPane):
    def compose(self) -> ComposeResult:
        if not has_content(self.film, "plot"):
            yield nothing("plot")
            return
        yield heading("Plot")
        for text in self.film.plot:
            yield paragraph(text)


class ProductionPane(FilmPane):
    """Development, casting and filming, with quotes set apart and attributed."""

    def compose(self) -> ComposeResult:
        crew = further_crew(self.film)
        if not has_content(self.film, "production"):
            yield nothing("production notes")
            return
        for section in self.film.production.notes:
            yield heading(section.topic)
            for passage in section.passages:
                if passage.speaker is not None:
                    yield quote(passage.text, self.film.name(passage.speaker), passage.context)
                else:
                    yield paragraph(passage.text)
        if crew:  # the crew the overview does not name (a film from TMDB lists them all)
            yield heading("Crew by department")
            for department, jobs in crew.items():
                yield subheading(department)
                yield facts(jobs)


class SoundtrackPane(FilmPane):
    """The soundtrack album and its songs, then every home media edition, dated or not."""

    def compose(self) -> ComposeResult:
        film = self.film
        soundtrack, editions = film.soundtrack, film.home_media
        if not has_content(film, "soundtrack"):
            yield nothing("soundtrack or home media")
            return
        if soundtrack is not None:
            yield heading("Soundtrack")
            yield facts([("Released", spelled_date(soundtrack.released) if soundtrack.released
                          else ""),
                         ("Label", film.name(soundtrack.label) if soundtrack.label else ""),
                         ("Performers", names(film, soundtrack.performers))])
            for item in soundtrack.description:
                yield paragraph(item)
            for song in soundtrack.songs:
                yield paragraph(self._song(song))
        if editions:
            yield heading("Home media")
            dated = [e for e in editions if e.date is not None]
            if dated:
                yield facts([(spelled_date(e.date) if e.date else "",
                              f"{edition_title(e)}. {edition_detail(film, e)}".strip())
                             for e in dated])
            undated = [e for e in editions if e.date is None]
            if undated:
                yield heading("Undated editions")
                for edition in undated:
                    detail = edition_detail(film, edition)
                    yield paragraph(f"• {edition_title(edition)}" + (f": {detail}" if detail
                                                                      else ""))

    def _song(self, song: Song) -> str:
        by = f", performed by {names(self.film, song.performers)}" if song.performers else ""
        where = {(True, True): "in the film and on the album",
                 (True, False): "in the film, not on the album",
                 (False, True): "on the album, not in the film",
                 (False, False): "neither in the film nor on the album"}[
            (song.in_film, song.on_album)]
        note = f" {song.note}" if song.note else ""
        return f"• “{song.title}”{by}: {where}.{note}"
