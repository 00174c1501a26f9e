"""People across films: the other films on the shelf that a person (or organisation) is in.

Two records are the same person when they share an external id (TMDB, IMDb or Wikidata);
without ids, when both name and birth date are equal. The index is made once, in a thread,
from the films as the shelf reads them; a card then looks its person up in a dict, however
many films there are. No UI here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lvtui.film.walk import references
from lvtui.system.files import real_path
from lvtui.text.folding import fold

if TYPE_CHECKING:
    from lvtui.film.model import Film, Organization, Person

Identity = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """A person's record in another film: where the film is, what it is, their role."""

    path: Path
    title: str
    year: int | None
    id: str  # the record's id in that film
    role: str

    def line(self) -> str:
        """'Delicatessen (1991) — Louison'."""
        year = f" ({self.year})" if self.year is not None else ""
        return f"{self.title}{year}" + (f" — {self.role}" if self.role else "")


def identities(record: Person | Organization, is_person: bool) -> tuple[Identity, ...]:
    """What makes the record the same in any film: its external ids, or else its name and
    birth date together (a name alone is shared by strangers)."""
    kind = "person" if is_person else "organisation"
    ids = record.external_ids
    found: list[Identity] = []
    if ids is not None:
        # TMDB numbers people and companies separately: the kind is part of the id.
        if ids.tmdb is not None:
            found.append((f"tmdb {kind}", str(ids.tmdb)))
        if ids.imdb is not None:
            found.append(("imdb", ids.imdb))
        if ids.wikidata is not None:
            found.append(("wikidata", ids.wikidata))
    born = getattr(record, "born", None)
    if not found and born is not None:
        found.append(("name and birth", f"{fold(record.name)} born {born}"))
    return tuple(found)


def roles(film: Film, ids: set[str]) -> dict[str, str]:
    """The role in *film* of each record in *ids*, in a word or two: the characters played,
    else the jobs, else what they were to it (a company producing it, a critic reviewing it).
    Only those asked for: a film of 100,000 cast need not have a role worded for each."""
    played: dict[str, list[str]] = {}
    jobs: dict[str, list[str]] = {}
    found: dict[str, str] = {}
    for reference in references(film):
        id, field, holder = reference.id, reference.field, reference.holder
        if id not in ids:
            continue
        if field == "cast.person":
            played.setdefault(id, []).append(holder.character)
        elif field == "crew.person":
            jobs.setdefault(id, []).append(holder.job)
        elif field in _WHAT_THEY_WERE:
            found.setdefault(id, _WHAT_THEY_WERE[field])
    # The characters played, else the jobs, else what they were to the film.
    words = {id: ", ".join(dict.fromkeys(names)) for id, names in played.items()}
    for id, names in jobs.items():
        words.setdefault(id, ", ".join(dict.fromkeys(names)))
    return {**found, **words}


# What a record was to a film that neither cast nor crewed it, by the field naming it.
_WHAT_THEY_WERE = {"production_companies": "Production company",
                   "reception.reviews.critic": "Reviewed it",
                   "reception.reviews.outlet": "Published a review"}


# A record that can be found in other films: what identifies it, its id in its film, and
# its role there. Plain data: the shelf keeps it between starts (lvtui.shelf.library).
Record = tuple[tuple[Identity, ...], str, str]


def records_of(film: Film) -> tuple[Record, ...]:
    """The records of *film* that have an identity (only those can be found elsewhere)."""
    records: Iterable[tuple[Person | Organization, bool]] = [
        *((person, True) for person in film.people),
        *((organization, False) for organization in film.organizations)]
    known = [(record, found) for record, is_person in records
             if (found := identities(record, is_person))]
    role = roles(film, {record.id for record, _ in known})
    return tuple((found, record.id, role.get(record.id, "")) for record, found in known)


def film_identities(film: Film) -> tuple[str, ...]:
    """What tells *film* apart from every other film, whichever file it is read from: its ids
    in other databases ("tmdb 550", "imdb tt0137523"). None for a film with none: its file
    is then all that tells it apart."""
    ids = film.external_ids
    if ids is None:
        return ()
    return tuple(f"{name} {value}" for name, value in
                 (("tmdb", ids.tmdb), ("imdb", ids.imdb), ("wikidata", ids.wikidata)) if value)


class PeopleAcrossFilms:
    """Every record of every film added, by identity."""

    def __init__(self) -> None:
        # Each with its film's file resolved once, here, not at every card, and what tells
        # its film apart.
        self._by_identity: dict[Identity, list[tuple[Path, frozenset[str], Elsewhere]]] = {}

    def add(self, path: Path, film: Film) -> None:
        self.add_records(path, film.title, film.year, records_of(film), film_identities(film))

    def add_records(self, path: Path, title: str, year: int | None,
                    records: Iterable[Record], films: Iterable[str] = ()) -> None:
        """The records of the film *title* (*year*) in *path*, known as *films*."""
        key, known_as = real_path(path), frozenset(films)
        for found, id, role in records:
            here = Elsewhere(path, title, year, id, role)
            for identity in found:
                self._by_identity.setdefault(identity, []).append((key, known_as, here))

    def elsewhere(self, path: Path, film: Film, id: str) -> list[Elsewhere]:
        """The other films the record *id* of *film* (read from *path*) is in, by year. The
        same film in another file is not another film."""
        record = film.record(id)
        own, known_as = real_path(path), set(film_identities(film))
        found: dict[Path, Elsewhere] = {}
        for identity in identities(record, film.is_person(id)):
            for key, films, other in self._by_identity.get(identity, ()):
                if key != own and known_as.isdisjoint(films):
                    found.setdefault(key, other)
        return sorted(found.values(), key=lambda other: (other.year or 0, fold(other.title)))
