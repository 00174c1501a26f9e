"""TMDB's responses, recognised by their shape (a movie, a person, credits, release dates,
keywords, external ids) and sorted by kind, whatever order they come in. No UI, no network."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lvtui.film.tmdb_kinds import tmdb_kind
from lvtui.tmdb.shapes import NotTmdb, checked, decode

PARTS = ("credits", "release_dates", "keywords", "external_ids")


@dataclass
class Responses:
    """The responses for one movie, sorted by what they are."""

    movie: dict[str, Any] | None = None
    parts: dict[str, Any] = field(default_factory=dict)  # credits, release_dates, ...
    people: dict[int, dict[str, Any]] = field(default_factory=dict)
    named: dict[int, str] = field(default_factory=dict)  # each person's file or endpoint

    def add(self, document: Any, name: str) -> None:
        """Add one decoded response; *name* (a file name or an endpoint) is for the error
        message, which names the first field of a shape lvtui does not read."""
        try:
            kind = kind_of(document)
        except NotTmdb as error:
            raise NotTmdb(f"{name}: {error}") from None
        document = checked(document, kind, name)
        if kind == "person":
            self.people[document["id"]] = document
            self.named[document["id"]] = name
            return
        movie_id = document.get("id")
        if self.movie_id is not None and movie_id != self.movie_id:
            raise NotTmdb(f"{name}: is for TMDB movie {movie_id}, the others for "
                          f"{self.movie_id}")
        if kind == "movie":
            if self.movie is not None:
                raise NotTmdb(f"{name}: a second details response for movie {movie_id}")
            self.movie = document
        else:
            self.parts[kind] = document

    @property
    def movie_id(self) -> int | None:
        for document in (self.movie, *self.parts.values()):
            if document is not None:
                return int(document["id"])
        return None

    def part(self, kind: str) -> Any:
        """A part, separate or appended to the details (the separate one wins)."""
        if kind in self.parts:
            return self.parts[kind]
        return (self.movie or {}).get(kind)


def kind_of(document: Any) -> str:
    """What a decoded response is: movie, person, credits, release_dates, keywords or
    external_ids; anything else is refused with a sentence saying what it looks like."""
    if not isinstance(document, dict):
        raise NotTmdb("is not a TMDB response (not a JSON object)")
    if "status_code" in document and "status_message" in document:
        raise NotTmdb(f"is a TMDB error ({document['status_code']}: "
                      f"{str(document['status_message'])[:200]}), not a response to import")
    if "schema_version" in document:
        raise NotTmdb("is a film file, not a TMDB response")
    if "Response" in document and ("Title" in document or "Error" in document):
        raise NotTmdb("looks like an OMDb response, not a TMDB one")
    kind = tmdb_kind(document)
    if kind == "search":
        raise NotTmdb("is a TMDB search result: import the responses of the movie itself")
    if kind is None and (not isinstance(document.get("id"), int)
                         or isinstance(document.get("id"), bool)):
        raise NotTmdb("is not a TMDB response (no numeric id)")
    if kind is None:
        raise NotTmdb("is not a TMDB movie, person, credits, release dates, keywords or "
                      "external ids response")
    return kind


def read_responses(named: Iterable[tuple[str, bytes]]) -> Responses:
    """Decode and sort responses given as (name, bytes); the first bad one is refused."""
    responses = Responses()
    for name, data in named:
        responses.add(decode(data, name), name)
    return responses
