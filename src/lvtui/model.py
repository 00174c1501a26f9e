"""Pydantic models of a film: strict, closed, and cleaned as they are validated.

Strict: no silent coercion (the string "1995" is not a year, ``true`` is not 1).
Closed: an unknown field is an error. Cleaned: every string goes through
:func:`lvtui.text.clean` on its way in, so nothing downstream ever sees an escape
sequence or a control character from a film file.

This module imports nothing from textual; a test proves it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, GetCoreSchemaHandler
from pydantic_core import core_schema

from lvtui.text import clean

SCHEMA_VERSION = 1


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


Text = Annotated[str, AfterValidator(clean)]
"""Any cleaned string; may be empty."""

Name = Annotated[str, AfterValidator(clean), AfterValidator(_not_blank)]
"""A cleaned string with something visible in it."""

Count = Annotated[int, Field(ge=0)]

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ISO_EXPECTED = "expected an ISO 8601 date string: YYYY, YYYY-MM or YYYY-MM-DD"
Precision = Literal["year", "month", "day"]


@dataclass(frozen=True)
class PartialDate:
    """A date known to a year, a month or a day: "April 1994" never becomes 1994-04-01.

    Written in JSON as ISO 8601 of its own precision: "1990", "1994-04", "1995-10-27".
    """

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Orders a year before its months, and a month before its days."""
        return (self.year, self.month or 0, self.day or 0)

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        match = _ISO_PARTIAL.match(value)
        if match is None:
            raise ValueError(_ISO_EXPECTED)
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None  # the pattern always captures a year
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} is not between 01 and 12")
        if month is not None and day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(f"day {day} is not in {calendar.month_name[month]} {year}")
        return cls(year, month, day)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def display(self) -> str:
        """The date as a person writes it, at its real precision: "27 October 1995"."""
        if self.month is None:
            return str(self.year)
        month = calendar.month_name[self.month]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    def as_year_fraction(self) -> float:
        """Position on a time axis: the middle of the period the date names."""
        if self.month is None:
            return self.year + 0.5
        days_in_month = calendar.monthrange(self.year, self.month)[1]
        day = self.day - 0.5 if self.day is not None else days_in_month / 2
        return self.year + (self.month - 1) / 12 + day / days_in_month / 12

    @classmethod
    def _validate(cls, value: object) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if not isinstance(value, str):
            raise ValueError(_ISO_EXPECTED)
        return cls.parse(value)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # One plain validator, so an error names the field itself, not a union branch.
        return core_schema.no_info_plain_validator_function(
            cls._validate,
            json_schema_input_schema=core_schema.str_schema(pattern=_ISO_PARTIAL.pattern),
            serialization=core_schema.to_string_ser_schema(),
        )


class Model(BaseModel):
    """Base of every film model: strict, closed and immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Bio(Model):
    """What the source says of a person, in complete sentences."""

    full_name: Name | None = Field(None, description="Birth or legal name, where it differs.")
    born: PartialDate | None = None
    died: PartialDate | None = None
    summary: Text = ""


class CastMember(Model):
    actor: Name
    role: Name
    credited_as: Name | None = Field(None, description="The credit, where it differs.")
    bio: Bio | None = None


class Novel(Model):
    title: Name
    author: Name
    published: PartialDate
    description: Text = ""
    author_died: PartialDate | None = None
    about_author: list[Text] = Field(default_factory=list)


class FilmFormat(Model):
    gauge: Name
    instead_of: Text = ""
    reason: Text = ""
    context: Text = ""


class Distribution(Model):
    territory: Name
    companies: list[Name]


class Marketing(Model):
    by: Name
    spend_under_usd: Count | None = None
    reported: bool = False
    included: list[Text] = Field(default_factory=list)


class Passage(Model):
    """A paragraph of notes, or a quote when it has a speaker."""

    text: Name
    speaker: Name | None = None
    context: Text | None = Field(None, description='To whom or where: "to Film Critic".')

    @property
    def is_quote(self) -> bool:
        return self.speaker is not None


class ProductionSection(Model):
    topic: Name
    passages: list[Passage]


class Production(Model):
    sections: list[ProductionSection]
    filming_days: Count | None = None


class Release(Model):
    date: PartialDate
    title: Name
    territory: Text = ""
    detail: Text = ""


class HomeMediaRelease(Model):
    format: Name
    date: PartialDate | None = None
    detail: Text = ""


class HomeMedia(Model):
    distributor: Text = ""
    releases: list[HomeMediaRelease] = Field(default_factory=list)
    notes: list[Text] = Field(default_factory=list)


class SongLeftOut(Model):
    title: Name
    performer: Text = ""
    note: Text = ""


class Soundtrack(Model):
    released: PartialDate | None = None
    contents: list[Text]
    left_out: list[SongLeftOut] = Field(default_factory=list)


class RottenTomatoes(Model):
    approval_percent: Annotated[int, Field(ge=0, le=100)]
    reviews: Count
    average: Annotated[float, Field(ge=0, le=10)]
    consensus: Text = ""


class Metacritic(Model):
    score: Annotated[int, Field(ge=0, le=100)]
    critics: Count
    verdict: Text = ""


class CriticReview(Model):
    critic: Name
    outlet: Text = ""
    verdict: Text = ""
    quote: Text | None = None


class BestOf(Model):
    critic: Name
    list_name: Name
    rank: Annotated[int, Field(ge=1)] | None = None


class Reception(Model):
    box_office_usd: Count | None = None
    box_office_note: Text = ""
    rotten_tomatoes: RottenTomatoes | None = None
    metacritic: Metacritic | None = None
    critics: list[CriticReview] = Field(default_factory=list)
    best_of: list[BestOf] = Field(default_factory=list)


class Accolade(Model):
    award: Name
    category: Name
    nominee: Name
    result: Literal["won", "nominated"]


@dataclass(frozen=True)
class Event:
    """One dated fact on the timeline, gathered from wherever the model keeps it."""

    date: PartialDate
    title: str
    detail: str
    kind: Literal["novel", "death", "release", "soundtrack", "home media"]


class Film(Model):
    """A film, as `data/film.json` and any other film file describe it."""

    schema_version: Literal[1]
    title: Name
    year: Annotated[int, Field(ge=1870, le=2200)]
    genres: list[Name]
    country: Text = ""
    language: Text = ""
    summary: list[Text] = Field(default_factory=list, description="The premise, as paragraphs.")
    director: Name
    screenwriter: Name
    composer: Name
    score_note: Text = ""
    source_novel: Novel | None = None
    stars: list[Name]
    film_format: FilmFormat | None = None
    distributors: list[Distribution] = Field(default_factory=list)
    marketing: Marketing | None = None
    plot: list[Text]
    cast: list[CastMember]
    production: Production
    releases: list[Release]
    reception: Reception
    accolades: list[Accolade] = Field(default_factory=list)
    accolades_note: Text = ""
    soundtrack: Soundtrack | None = None
    home_media: HomeMedia
    categories: list[Name] = Field(default_factory=list)

    def events(self) -> list[Event]:
        """Every dated fact of the film, in date order (stable for equal dates)."""
        events: list[Event] = []
        novel = self.source_novel
        if novel is not None:
            events.append(
                Event(
                    novel.published,
                    f"Novel “{novel.title}” published",
                    f"by {novel.author}. {novel.description}".strip(),
                    "novel",
                )
            )
            if novel.author_died is not None:
                events.append(
                    Event(
                        novel.author_died,
                        f"{novel.author} dies",
                        " ".join(novel.about_author),
                        "death",
                    )
                )
        events += [
            Event(r.date, r.title, _join(r.territory, r.detail), "release") for r in self.releases
        ]
        if self.soundtrack is not None and self.soundtrack.released is not None:
            events.append(
                Event(
                    self.soundtrack.released,
                    "Soundtrack album released",
                    " ".join(self.soundtrack.contents),
                    "soundtrack",
                )
            )
        events += [
            Event(m.date, f"{m.format} released", m.detail, "home media")
            for m in self.home_media.releases
            if m.date is not None
        ]
        return sorted(events, key=lambda event: event.date.sort_key)

    def undated_home_media(self) -> list[HomeMediaRelease]:
        return [release for release in self.home_media.releases if release.date is None]


def _join(*parts: str) -> str:
    return ". ".join(part for part in parts if part)
