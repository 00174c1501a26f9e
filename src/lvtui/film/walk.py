"""The two walks of a film: every reference it makes to a person or an organisation, and
every paragraph of its own prose, each with the section that shows it.

Everything that asks "where does this film name someone?" walks here: validation (every id
resolves), a card's places in the film and its "mentioned" lines, people across films, and
find. A field added to the model that refers to a record or holds prose is added here, once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.film.model import Film

PERSON, ORGANIZATION, EITHER = "person", "organization", "either"


class Reference(NamedTuple):
    """One id the film refers to."""

    location: tuple[str | int, ...]  # where in the file: ("cast", 3, "person")
    id: str
    kind: str  # the record it must be: PERSON, ORGANIZATION or EITHER
    holder: Any  # what holds it: the credit, the review, the song… (the film for `stars`)

    @property
    def field(self) -> str:
        """The field, without list positions: "reception.reviews.critic"."""
        return ".".join(part for part in self.location if isinstance(part, str))


def references(film: Film) -> Iterator[Reference]:
    """Every id *film* refers to, in the order a card lists a record's places: credits, what
    the film is and who made it, the cast, quotes, reception, music, home media."""
    for index, crew in enumerate(film.crew):
        yield Reference(("crew", index, "person"), crew.person, PERSON, crew)
    for index, star in enumerate(film.stars):
        yield Reference(("stars", index), star, PERSON, film)
    for index, company in enumerate(film.production_companies):
        yield Reference(("production_companies", index), company, ORGANIZATION, film)
    for index, work in enumerate(film.source_works):
        for number, author in enumerate(work.authors):
            yield Reference(("source_works", index, "authors", number), author, PERSON, work)
    for index, distribution in enumerate(film.distribution):
        yield Reference(("distribution", index, "company"), distribution.company, ORGANIZATION,
                        distribution)
    if film.marketing is not None:
        for index, by in enumerate(film.marketing.by):
            yield Reference(("marketing", "by", index), by, EITHER, film.marketing)
    for index, credit in enumerate(film.cast):
        yield Reference(("cast", index, "person"), credit.person, PERSON, credit)
    for index, note in enumerate(film.production.notes):
        for number, passage in enumerate(note.passages):
            if passage.speaker is not None:
                yield Reference(("production", "notes", index, "passages", number, "speaker"),
                                passage.speaker, PERSON, note)
    reception = film.reception
    for index, aggregate in enumerate(reception.aggregators):
        yield Reference(("reception", "aggregators", index, "source"), aggregate.source,
                        ORGANIZATION, aggregate)
    for index, review in enumerate(reception.reviews):
        yield Reference(("reception", "reviews", index, "critic"), review.critic, PERSON, review)
        if review.outlet is not None:
            yield Reference(("reception", "reviews", index, "outlet"), review.outlet,
                            ORGANIZATION, review)
    for index, best in enumerate(reception.best_of):
        yield Reference(("reception", "best_of", index, "critic"), best.critic, PERSON, best)
    for index, accolade in enumerate(film.accolades):
        for number, nominee in enumerate(accolade.nominees):
            yield Reference(("accolades", index, "nominees", number), nominee, EITHER, accolade)
    soundtrack = film.soundtrack
    if soundtrack is not None:
        if soundtrack.label is not None:
            yield Reference(("soundtrack", "label"), soundtrack.label, ORGANIZATION, soundtrack)
        for index, performer in enumerate(soundtrack.performers):
            yield Reference(("soundtrack", "performers", index), performer, EITHER, soundtrack)
        for index, song in enumerate(soundtrack.songs):
            for number, performer in enumerate(song.performers):
                yield Reference(("soundtrack", "songs", index, "performers", number), performer,
                                EITHER, song)
    for index, edition in enumerate(film.home_media):
        if edition.distributor is not None:
            yield Reference(("home_media", index, "distributor"), edition.distributor,
                            ORGANIZATION, edition)


def texts(film: Film) -> Iterator[tuple[str, str]]:
    """The film's own prose, each paragraph with the id of the section that shows it, in
    the order of the sections."""
    for text in film.summary:
        yield "overview", text
    for text in film.plot:
        yield "plot", text
    for note in film.production.notes:
        for passage in note.passages:
            yield "production", passage.text
    # What the timeline and the home media write of a release or an edition is theirs too:
    # its names are links there, and find finds them.
    for release in film.releases:
        if release.detail:
            yield "timeline", release.detail
    reception = film.reception
    for text in (*reception.notes, *(a.consensus for a in reception.aggregators),
                 *(review.quote or "" for review in reception.reviews), *film.accolade_notes):
        if text:
            yield "reception", text
    if film.soundtrack is not None:
        for text in (*film.soundtrack.description,
                     *(song.note for song in film.soundtrack.songs)):
            if text:
                yield "soundtrack", text
    for edition in film.home_media:
        if edition.detail:
            yield "soundtrack", edition.detail


# The film's titles are the film: no one's, even where a character has the film's name
# ("Amélie"), and a name inside one is part of it.
NO_ONE = ""


def names(film: Film) -> Iterator[tuple[str, str]]:
    """Every name the film's text may call a record by, with the record's id (NO_ONE for
    the film's own titles)."""
    for person in film.people:
        for name in (person.name, *person.other_names, person.full_name):
            if name:
                yield name, person.id
    for organization in film.organizations:
        for name in (organization.name, *organization.other_names):
            yield name, organization.id
    for credit in film.cast:
        for name in (credit.character, *credit.character_other_names):
            yield name, credit.person
    for title in (film.title, film.original_title):
        if title:
            yield title, NO_ONE
