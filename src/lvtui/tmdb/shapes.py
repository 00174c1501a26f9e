"""What lvtui expects of each TMDB answer it reads, as models: lenient where TMDB is (a field
left out or null, fields lvtui does not use), strict where lvtui relies on a type (an id is a
number, a billing order is a number, a list is a list). An answer of any other shape is
refused in one line naming the answer and the field, never a traceback.

Validated answers are handed on as plain data (:func:`checked`), in the shape the builder
reads, with what is null or left out left out. No UI, no network.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    StrictInt,
    StrictStr,
    ValidationError,
)

from lvtui.film.loading import count_items
from lvtui.film.problems import schema_problem

# The values one answer may hold: Fight Club's credits, 251 people, are some 3,000; the
# biggest casts TMDB lists (a few thousand) some 50,000.
MAX_ITEMS = 200_000
OTHER_NAMES = 100  # of a person's also_known_as: TMDB lists a few dozen at most


class NotTmdb(ValueError):
    """A document that is not a TMDB response lvtui can use; its message is one line."""


class NotJson(NotTmdb):
    """Bytes that are not JSON at all (an HTML error page, a cut-off answer)."""


class _Shape(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


Text = StrictStr | None


class Named(_Shape):
    name: Text = None


class Genre(Named):
    id: StrictInt | None = None


class Country(_Shape):
    iso_3166_1: Text = None
    name: Text = None


class Language(_Shape):
    english_name: Text = None
    name: Text = None


class Company(_Shape):
    id: StrictInt
    name: Text = None
    origin_country: Text = None


class CastCredit(_Shape):
    id: StrictInt
    name: Text = None
    character: Text = None
    order: StrictInt | None = None


class CrewCredit(_Shape):
    id: StrictInt
    name: Text = None
    job: Text = None
    department: Text = None


class Credits(_Shape):
    id: StrictInt | None = None  # left out where the credits are appended to the movie
    cast: list[CastCredit] | None = None
    crew: list[CrewCredit] | None = None


class ReleaseDate(_Shape):
    release_date: Text = None
    type: StrictInt | None = None
    note: Text = None
    certification: Text = None


class CountryReleases(_Shape):
    iso_3166_1: Text = None
    release_dates: list[ReleaseDate] | None = None


class ReleaseDates(_Shape):
    id: StrictInt | None = None
    results: list[CountryReleases] | None = None


class Keywords(_Shape):
    id: StrictInt | None = None
    keywords: list[Named] | None = None


class ExternalIds(_Shape):
    id: StrictInt | None = None
    imdb_id: Text = None
    wikidata_id: Text = None


class Movie(_Shape):
    id: StrictInt
    title: Text = None
    original_title: Text = None
    release_date: Text = None
    runtime: StrictInt | None = None
    tagline: Text = None
    original_language: Text = None  # an ISO 639-1 code: "en"
    overview: Text = None
    imdb_id: Text = None
    genres: list[Genre] | None = None
    production_countries: list[Country] | None = None
    spoken_languages: list[Language] | None = None
    production_companies: list[Company] | None = None
    budget: StrictInt | None = None
    revenue: StrictInt | None = None
    # The parts append_to_response adds.
    credits: Credits | None = None
    release_dates: ReleaseDates | None = None
    keywords: Keywords | None = None
    external_ids: ExternalIds | None = None


class Person(_Shape):
    id: StrictInt
    name: Text = None
    # The first so many: 28 people of 300,000 names each were 1.5 GB.
    also_known_as: Annotated[list[StrictStr] | None,
                             AfterValidator(lambda names: names and names[:OTHER_NAMES])] = None
    birthday: Text = None
    deathday: Text = None
    biography: Text = None
    imdb_id: Text = None


class SearchResult(_Shape):
    id: StrictInt
    title: Text = None
    original_title: Text = None
    release_date: Text = None


class SearchResults(_Shape):
    results: list[SearchResult]


SHAPES: dict[str, type[_Shape]] = {
    "movie": Movie, "person": Person, "credits": Credits, "release_dates": ReleaseDates,
    "keywords": Keywords, "external_ids": ExternalIds, "search": SearchResults}


def decode(data: bytes, name: str) -> Any:
    """The JSON in *data*, or NotTmdb naming *name* (a file or an endpoint). Counted as a
    film file is before it is parsed: 20 MiB of `[{},{},...]` is gigabytes once parsed."""
    items = count_items(data)
    if items > MAX_ITEMS:
        raise NotTmdb(f"{name}: holds some {items:,} values, over the {MAX_ITEMS:,} of any "
                      "TMDB answer lvtui reads")
    try:
        text = data.decode("utf-8-sig")
        document = json.loads(text)
    except UnicodeDecodeError:
        raise NotJson(f"{name}: is not JSON (not UTF-8)") from None
    except json.JSONDecodeError as error:
        raise NotJson(f"{name}: is not JSON ({error.msg.removesuffix(' at')} at line "
                      f"{error.lineno}, column {error.colno})") from None
    except RecursionError:
        raise NotTmdb(f"{name}: is not a TMDB response (nested too deeply)") from None
    except ValueError:  # json's only other: an integer longer than Python converts
        raise NotTmdb(f"{name}: is not a TMDB response (a number of more than "
                      f"{sys.get_int_max_str_digits():,} digits)") from None
    return document


def checked(document: dict[str, Any], kind: str, name: str) -> dict[str, Any]:
    """*document* as the model of *kind* reads it, as plain data; NotTmdb naming *name* and
    the first field of another shape."""
    try:
        shape = SHAPES[kind].model_validate(document)
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        raise NotTmdb(f"{name}: {schema_problem(detail)}") from None
    return shape.model_dump(exclude_none=True)

