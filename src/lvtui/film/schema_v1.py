"""Schema 1: the format lvtui 0.1.0 published, kept so its files still open.

Imported only when a file says ``"schema_version": 1``; :mod:`lvtui.film.upgrade` turns a
validated schema-1 film into schema 2. Nothing else reads these models.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from lvtui.film.fields import Count, Model, Name, PartialDate, Text


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


class FilmV1(Model):
    """A film in schema 1."""

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
