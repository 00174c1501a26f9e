"""Schema 2: a film file, as facts. Strict, closed, cleaned as it is validated.

The shape follows what people already use for film data: schema.org's Movie, TMDB's credits
(cast with character and order; crew with job and department) and Wikidata's film
properties. People and organisations are records, each once, with an id; everything else
refers to them by id, and a reference to an id that does not exist is a validation error
at its JSON path. Display text belongs to the UI (:mod:`lvtui.reading.wording`): nothing here
builds a sentence.

Strict: no silent coercion (the string "1995" is not a year). Closed: an unknown field is
an error. Cleaned: every string goes through :func:`lvtui.text.clean` on its way in.

This module imports nothing from textual; a test proves it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from itertools import islice
from typing import Annotated, Literal

from pydantic import Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from lvtui.film.fields import Model, Name, Text
from lvtui.film.parts import (
    MOST_RECORDS,
    RECORD,
    Accolade,
    Aggregate,
    BestOf,
    BoxOffice,
    CastCredit,
    Certification,
    CrewCredit,
    Distribution,
    ExternalIds,
    HomeMediaEdition,
    Id,
    Location,
    Marketing,
    Money,
    NoteSection,
    Organization,
    Passage,
    Person,
    Production,
    Reception,
    Release,
    Review,
    Song,
    Soundtrack,
    Source,
    SourceWork,
    _list,
)
from lvtui.film.walk import EITHER, ORGANIZATION, PERSON, references

SCHEMA_VERSION = 2
MAX_REFERENCE_PROBLEMS = 1_000  # ids that resolve to nothing, reported for one film

# -- the film -------------------------------------------------------------------------------

ARTICLES = {PERSON: "a person", ORGANIZATION: "an organisation"}


class Film(Model):
    """A film, as `data/film.json` and any other film file describe it (schema 2)."""

    schema_version: Literal[2] = Field(description="2, for this format.")
    title: Name = Field(description="The title the film is known by.")
    original_title: Name | None = Field(None, description="Its title in its own language.")
    year: Annotated[int, Field(ge=1870, le=2200)] = Field(description="Year of first release.")
    runtime: Annotated[int, Field(ge=1, le=100_000)] | None = Field(
        None, description="Running time in minutes.")
    tagline: Text = Field("", description="The line it was marketed with.")
    genres: list[Name] = _list('"Drama", "Romantic drama".')
    countries: list[Name] = _list("Countries of origin.")
    languages: list[Name] = _list("Original languages.")
    summary: list[Text] = _list("The premise, as paragraphs.")
    keywords: list[Name] = _list('Subjects and themes: "dual identity", "insomnia".')
    people: list[Person] = _list("Every person mentioned, once each.", MOST_RECORDS)
    organizations: list[Organization] = _list("Every organisation mentioned, once each.",
                                              MOST_RECORDS)
    cast: list[CastCredit] = _list("The cast, in billing order.", MOST_RECORDS)
    crew: list[CrewCredit] = _list("The crew: one entry per person and job.", MOST_RECORDS)
    stars: list[Id] = _list("Who the film stars: ids in `people`.")
    source_works: list[SourceWork] = _list("What the film is based on.")
    production_companies: list[Id] = _list("Who produced it: ids in `organizations`.")
    distribution: list[Distribution] = _list("Distributors, per territory.")
    marketing: Marketing | None = Field(None, description="How the film was marketed.")
    production: Production = Field(default_factory=Production, description="How it was made.")
    plot: list[Text] = _list("The plot, as paragraphs.")
    releases: list[Release] = _list("Release dates, per territory and kind.")
    certifications: list[Certification] = _list("Age ratings, per territory.")
    reception: Reception = Field(default_factory=Reception, description="How it was received.")
    accolades: list[Accolade] = _list("Awards won and nominations.")
    accolade_notes: list[Text] = _list("Paragraphs about the film's awards.")
    soundtrack: Soundtrack | None = Field(None, description="The soundtrack album.")
    home_media: list[HomeMediaEdition] = _list("Home media editions.")
    categories: list[Name] = _list("Encyclopedia categories the film belongs to.")
    external_ids: ExternalIds | None = Field(None, description="The film in other databases.")
    sources: list[Source] = _list("Where its facts came from.")

    @model_validator(mode="after")
    def _references_resolve(self) -> Film:
        # At most so many: half a million credits of someone nobody is would otherwise be
        # half a million problems, each a dict (over a gigabyte), for fifty lines shown.
        problems = list(islice(self._reference_problems(), MAX_REFERENCE_PROBLEMS))
        if problems:
            raise ValidationError.from_exception_data("Film", problems)
        return self

    def _reference_problems(self) -> Iterator[InitErrorDetails]:
        kinds: dict[str, str] = {}
        ids = [("people", index, PERSON, person.id) for index, person in enumerate(self.people)]
        ids += [("organizations", index, ORGANIZATION, organization.id)
                for index, organization in enumerate(self.organizations)]
        for field, index, kind, id in ids:
            if id in kinds:
                yield _problem((field, index, "id"), id, "the id {id} is used by another record")
            kinds.setdefault(id, kind)
        for location, reference, wanted, _ in references(self):
            found = kinds.get(reference)
            if found is None:
                yield _problem(location, reference, "no person or organisation has the id {id}")
            elif wanted != EITHER and found != wanted:
                yield _problem(location, reference, f"{{id}} is {ARTICLES[found]}, not "
                                                    f"{ARTICLES[wanted]}")

    # -- lookups, for the UI ------------------------------------------------------------------

    @cached_property
    def _records(self) -> dict[str, Person | Organization]:
        records: list[Person | Organization] = [*self.people, *self.organizations]
        return {record.id: record for record in records}

    def record(self, id: str) -> Person | Organization:
        """The person or organisation with *id*; validation guarantees references resolve."""
        return self._records[id]

    def is_person(self, id: str) -> bool:
        return isinstance(self._records[id], Person)

    def person(self, id: str) -> Person:
        record = self._records[id]
        assert isinstance(record, Person)
        return record

    def organization(self, id: str) -> Organization:
        record = self._records[id]
        assert isinstance(record, Organization)
        return record

    def name(self, id: str) -> str:
        """The name of the person or organisation with *id*."""
        return self._records[id].name

    @cached_property
    def billed_cast(self) -> list[CastCredit]:
        """The cast in billing order: by `order` where given, else as listed."""
        return sorted(self.cast, key=lambda credit: (credit.order is None, credit.order or 0))


def _problem(location: Location, value: str, message: str) -> InitErrorDetails:
    return InitErrorDetails(
        type=PydanticCustomError("reference", message.replace("{id}", "{quoted}"),
                                 {"quoted": f'"{value}"'}),
        loc=location, input=value)


# The film and every part of it: the rest of lvtui imports them all from here.
__all__ = [
    "MAX_REFERENCE_PROBLEMS", "RECORD", "SCHEMA_VERSION", "Accolade", "Aggregate", "BestOf",
    "BoxOffice", "CastCredit",
    "Certification", "CrewCredit", "Distribution", "ExternalIds", "Film", "HomeMediaEdition",
    "Id", "Location", "Marketing", "Money", "NoteSection", "Organization", "Passage", "Person",
    "Production", "Reception", "Release", "Review", "Song", "Soundtrack", "Source",
    "SourceWork",
]
