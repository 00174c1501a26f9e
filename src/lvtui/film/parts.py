"""The parts of a film file (schema 2): people and organisations, credits, money, the making
and selling, the reception, the music and the home media. lvtui.film.model puts them together in
the Film, and checks that every id they refer to exists.

This module imports nothing from textual; a test proves it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, ConfigDict, Field, StrictInt, model_validator
from pydantic.dataclasses import dataclass

from lvtui.film.fields import Count, Model, Name, PartialDate, Text

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def _check_id(value: str) -> str:
    if not _ID.fullmatch(value):  # not match: its $ allows a final line break
        raise ValueError("an id is lowercase letters, digits and hyphens, at most 64")
    return value


# Checked by one regular expression in Python, not a `pattern` constraint: Pydantic compiles
# a pattern once for every field that uses it, in every model that holds the field, and ids
# are in twenty places (twenty compilations at every start). The schema still shows it.
Id = Annotated[str, AfterValidator(_check_id), Field(
    json_schema_extra={"pattern": _ID.pattern},
    description=("The id of a record in `people` or `organizations`: lowercase letters, "
                 "digits and hyphens, for example `mike-figgis`."))]
Location = tuple[str | int, ...]


# People and cast credits are the records a film can have 100,000 of: slotted dataclasses
# take far less memory than model instances (no __dict__, no fields-set). Strict mode
# would refuse the JSON object a dataclass is made from, so they are lax and every field
# is strict by its type: strings are never coerced from JSON numbers, and the one number
# is StrictInt.
RECORD = ConfigDict(extra="forbid", allow_inf_nan=False)


# How long a list may be: well above any real film's (Fight Club has 68 releases and 175
# crew), and for the records a film can have by the hundred thousand, above the 100,000-
# member cast of the benchmarks. Checked as the list is validated, so a longer one costs
# no more than its first so many items.
MOST = 10_000
MOST_RECORDS = 250_000


def _list(description: str, most: int = MOST) -> Any:
    """A list field that may be left out (empty), with its description for `lvtui schema`,
    and at most *most* items."""
    return Field(default_factory=list, description=description, max_length=most)


# -- people and organisations ---------------------------------------------------------------


class ExternalIds(Model):
    """The same record in other databases, so a reader (or a program) can look it up there."""

    tmdb: Annotated[StrictInt, Field(ge=1)] | None = Field(
        None, description="The Movie Database's id: of the movie, the person or the company.")
    imdb: str | None = Field(None, pattern=r"^(tt|nm|co)[0-9]{1,10}$",
                             description='IMDb\'s id: "tt0137523", "nm0000093".')
    wikidata: str | None = Field(None, pattern=r"^Q[0-9]{1,12}$",
                                 description='Wikidata\'s item: "Q190050".')


@dataclass(config=RECORD, frozen=True, slots=True)
class Person:
    """A person the film file mentions anywhere: cast, crew, critic, author, performer."""

    id: Annotated[Id, Field(
        description="Unique among people and organisations; used to refer to them.")]
    name: Annotated[Name, Field(description="The name the person is best known by.")]
    other_names: Annotated[list[Name], Field(
        description="Other names the film's text uses for them, such as a surname alone.")
    ] = dataclasses.field(default_factory=list)
    full_name: Annotated[Name | None, Field(
        description="Birth or legal name, where it differs.")] = None
    born: Annotated[PartialDate | None, Field(
        description="Date of birth, at its known precision.")] = None
    died: Annotated[PartialDate | None, Field(
        description="Date of death, at its known precision.")] = None
    bio: Annotated[Text, Field(description="A short biography: a sentence or two.")] = ""
    external_ids: Annotated[ExternalIds | None, Field(
        description="The person in other databases.")] = None
    sort_name: Annotated[Name | None, Field(
        description='How to file them, where the last word of the name is not the surname: '
                    '"Penguern, Artus de", "Rufus".')] = None


class Organization(Model):
    """A company, publication, website or other body the film file mentions."""

    id: Id = Field(description="Unique among people and organisations; used to refer to them.")
    name: Name = Field(description="The organisation's name.")
    other_names: list[Name] = _list("Other names it goes by, such as an abbreviation.")
    description: Text = Field("", description='What it is: "a newspaper", "a film distributor".')
    external_ids: ExternalIds | None = Field(None, description="It in other databases.")


# -- credits ----------------------------------------------------------------------------------


@dataclass(config=RECORD, frozen=True, slots=True)
class CastCredit:
    person: Annotated[Id, Field(description="The actor: an id in `people`.")]
    character: Annotated[Name, Field(description="The character played.")]
    character_other_names: Annotated[list[Name], Field(description=(
        'Other names the film\'s text uses for the character, such as "Ben" for '
        '"Ben Sanderson". Each, like the character\'s name, links to the actor\'s card.'))
    ] = dataclasses.field(default_factory=list)
    credited_as: Annotated[Name | None, Field(
        description="The on-screen credit, where it differs.")] = None
    order: Annotated[StrictInt | None, Field(ge=0, description=(
        "Billing position, 0 first. Without it, the list's own order is the billing order."
    ))] = None


class CrewCredit(Model):
    person: Id = Field(description="An id in `people`.")
    job: Name = Field(description='As credited: "Director", "Screenplay", "Original music".')
    department: Name = Field(description=(
        'The department, as TMDB names them: "Directing", "Writing", "Sound", "Production", '
        '"Camera", "Editing", "Art"...; "Source" for the author of a source work.'))


class SourceWork(Model):
    """A work the film is based on: a novel, a play, a true story."""

    title: Name | None = Field(None, description="The work's title, where it is known (TMDB "
                               "credits a novel's author, never the novel's title).")
    kind: Name = Field(description='What it is: "novel", "play", "short story", "true story".')
    authors: list[Id] = _list("Its authors: ids in `people`.")
    published: PartialDate | None = Field(None, description="When it was first published.")
    description: Text = Field("", description="A sentence about the work.")


# -- money ----------------------------------------------------------------------------------


class Money(Model):
    amount: Count = Field(description="A whole number in the currency's main unit.")
    currency: str = Field("USD", pattern=r"^[A-Z]{3}$",
                          description="ISO 4217 code: USD, EUR, GBP, JPY...")
    qualifier: Literal["exactly", "about", "under", "over"] = Field(
        "exactly", description="How the source states the amount.")
    reported: bool = Field(False, description="True when the source only reports it.")


class BoxOffice(Money):
    territory: Text = Field("", description='Where it was earned; empty means worldwide.')


# -- making and selling ---------------------------------------------------------------------


class Distribution(Model):
    company: Id = Field(description="The distributor: an id in `organizations`.")
    territory: Text = Field("", description='Where: "North America", "Europe".')


class Marketing(Model):
    by: list[Id] = _list("Who marketed the film: ids of organisations or people.")
    spend: Money | None = Field(None, description="What the marketing cost.")
    included: list[Text] = _list('What it included: "TV spots".')


class Passage(Model):
    """A paragraph of notes, or a quote when it has a speaker."""

    text: Name = Field(description="The paragraph, or the words quoted.")
    speaker: Id | None = Field(None, description="Who said it: an id in `people`.")
    context: Text | None = Field(None, description='To whom or where: "to Film Critic".')


class NoteSection(Model):
    topic: Name = Field(description='A heading: "Development", "Casting", "Filming".')
    passages: list[Passage] = _list("Its paragraphs and quotes, in reading order.")


class Production(Model):
    notes: list[NoteSection] = _list("Production notes, by topic.")
    budget: Money | None = Field(None, description="The production budget.")
    filming_days: Count | None = Field(None, description="How many days filming took.")
    formats: list[Name] = _list('Film gauges or cameras shot on: "Super 16 mm", "35 mm".')


class Release(Model):
    date: PartialDate = Field(description="When, at its known precision.")
    kind: Name = Field("theatrical", description=(
        'What kind of release: "premiere", "festival", "limited", "wide", "theatrical", '
        '"digital", "physical" (on disc or tape; an edition worth describing goes in '
        '`home_media`), "television", "streaming".'))
    territory: Text = Field("", description="Where; empty means everywhere.")
    detail: Text = Field("", description="A sentence about the release.")
    certification: Text = Field("", description='Its age rating there: "R", "15", "FSK 18".')


class Certification(Model):
    territory: Name = Field(description='Where: "United States", "Germany".')
    rating: Name = Field(description='The rating given there: "R", "18".')


class Source(Model):
    """Where the file's facts came from."""

    name: Name = Field(description='"The Movie Database (TMDB)", "Wikipedia".')
    url: Text = Field("", description="The page or API address (never with a key in it).")
    retrieved: PartialDate | None = Field(None, description="When the facts were taken.")
    attribution: Text = Field("", description="A notice the source asks to be shown with them.")


# -- reception ------------------------------------------------------------------------------


class Aggregate(Model):
    """A review aggregator's figure: an approval share or an averaged score."""

    source: Id = Field(description="The aggregator: an id in `organizations`.")
    kind: Literal["approval", "score"] = Field(description=(
        '"approval": the share of reviews that are positive, in percent; '
        '"score": an average of reviews on a scale from 0 to `best`.'))
    value: Annotated[float, Field(ge=0)] = Field(description="The figure itself.")
    best: Annotated[float, Field(gt=0)] = Field(100, description="The top of the scale.")
    count: Count | None = Field(None, description="How many reviews it is drawn from.")
    average: Annotated[float, Field(ge=0)] | None = Field(
        None, description="For an approval share: the average rating, out of `average_best`.")
    average_best: Annotated[float, Field(gt=0)] = Field(10, description="Top of that rating.")
    verdict: Text = Field("", description='The aggregator\'s words: "universal acclaim".')
    consensus: Text = Field("", description="The aggregator's summary of the reviews.")

    @property
    def top(self) -> float:
        """The top of the value's scale: 100 for an approval share, else `best`."""
        return 100 if self.kind == "approval" else self.best

    @model_validator(mode="after")
    def _in_scale(self) -> Aggregate:
        if self.value > self.top:
            raise ValueError(f"value {self.value:g} is over the top of its scale, "
                             f"{self.top:g}")
        if self.average is not None and self.average > self.average_best:
            raise ValueError(f"average {self.average:g} is over average_best, "
                             f"{self.average_best:g}")
        return self


class Review(Model):
    critic: Id = Field(description="The critic: an id in `people`.")
    outlet: Id | None = Field(None, description="Where it ran: an id in `organizations`.")
    verdict: Text = Field("", description='The review\'s judgement in a few words: "high marks".')
    quote: Text | None = Field(None, description="Words quoted from the review.")


class BestOf(Model):
    critic: Id = Field(description="Whose list: an id in `people`.")
    list: Name = Field(description='The list: "Best of 1995".')
    rank: Annotated[int, Field(ge=1)] | None = Field(None, description="The film's place on it.")


class Reception(Model):
    box_office: list[BoxOffice] = _list("Gross takings, per territory or worldwide.")
    aggregators: list[Aggregate] = _list("Review aggregators' figures.")
    reviews: list[Review] = _list("Critics' reviews.")
    best_of: list[BestOf] = _list("Critics' lists that include the film.")
    notes: list[Text] = _list("Paragraphs about how the film was received.")


class Accolade(Model):
    award: Name = Field(description='The award: "Academy Awards".')
    category: Name = Field(description='The category: "Best Actor".')
    nominees: list[Id] = _list(
        "Who was nominated: ids of people or organisations. Empty: the film itself.")
    result: Literal["won", "nominated"] = Field(description='"won" or "nominated".')


# -- music and home media -------------------------------------------------------------------


class Song(Model):
    title: Name = Field(description="The song's title.")
    performers: list[Id] = _list("Who performs it: ids in `people` or `organizations`.")
    in_film: bool = Field(True, description="Heard in the film.")
    on_album: bool = Field(True, description="On the soundtrack album.")
    note: Text = Field("", description="A sentence about the song.")


class Soundtrack(Model):
    released: PartialDate | None = Field(None, description="When the album came out.")
    label: Id | None = Field(None, description="The record label: an id in `organizations`.")
    description: list[Text] = _list("Paragraphs about what the album holds.")
    performers: list[Id] = _list("Who performs on the album: ids of people or organisations.")
    songs: list[Song] = _list("Songs worth naming, on the album or only in the film.")


class HomeMediaEdition(Model):
    format: Name | None = Field(None, description='"VHS", "DVD", "Blu-ray"; empty if unknown.')
    date: PartialDate | None = Field(None, description="When it came out.")
    distributor: Id | None = Field(None, description="Who released it: an id in `organizations`.")
    territories: list[Name] = _list("Where it was sold.")
    languages: list[Name] = _list("The languages it holds.")
    detail: Text = Field("", description="A sentence about the edition.")
