"""Saved TMDB API v3 responses -> a film file (schema 2), validated before it is written.

Each response is recognised by its shape, in any order: a movie's details (with or without
``append_to_response`` parts), its ``credits``, ``release_dates``, ``keywords`` and
``external_ids`` as separate responses, and any ``/person/{id}`` responses. The same
responses in any order give the same bytes: parts are sorted by kind, people by TMDB id.

What TMDB does not say is not made up: the book a "Novel" credit stands for is given the
film's original title (TMDB names its author, not its title), and the stars are the first
three billed. The mapping is in the README ("Films from TMDB").

No textual import here, and no network: :mod:`lvtui.tmdb.fetch` asks TMDB.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from lvtui.film.jobs import SOURCE_JOBS
from lvtui.film.loading import MAX_BYTES as MAX_FILM_BYTES
from lvtui.film.loading import FilmError, parse_film
from lvtui.film.model import SCHEMA_VERSION, Film
from lvtui.tmdb.characters import short_names
from lvtui.tmdb.responses import Responses, kind_of, read_responses
from lvtui.tmdb.shapes import NotTmdb

NOTICE = "This product uses the TMDB API but is not endorsed or certified by TMDB."
SOURCE_NAME = "The Movie Database (TMDB)"
# TMDB's release types, in its own numbering (developer.themoviedb.org, "Release Dates").
RELEASE_KINDS = {1: "premiere", 2: "limited", 3: "theatrical", 4: "digital", 5: "physical",
                 6: "television"}
STARS = 3  # TMDB does not say who a film stars: the first three billed
MAX_BYTES = 20 * 1024 * 1024  # one response: Fight Club with everything appended is 200 KiB
# What is kept of a text TMDB can make as long as it likes: a card shows a bio's first
# paragraph (Brad Pitt's is 700 characters), the overview a paragraph (Fight Club's, 300).
BIO, OVERVIEW = 2_000, 5_000


def build(responses: Responses, *, retrieved: str | None = None,
          url: str | None = None) -> dict[str, Any]:
    """The film file, as JSON data (not validated yet: see :func:`film_from`)."""
    movie = responses.movie
    if movie is None:
        raise NotTmdb("no movie details response among them (/movie/{id})")
    credits = responses.part("credits") or {}
    credited = {credit.get("id") for credit in (*(credits.get("cast") or ()),
                                                 *(credits.get("crew") or ()))}
    for tmdb_id, person in responses.people.items():
        if tmdb_id not in credited:  # another film's, given by mistake: never dropped silently
            raise NotTmdb(f"{responses.named[tmdb_id]}: is TMDB person {tmdb_id} "
                          f"({_text(person.get('name')) or 'no name'}), whom the credits of "
                          f"movie {movie['id']} do not name")
    return _Builder(responses, movie).film(retrieved, url)


def film_from(responses: Responses, *, retrieved: str | None = None,
              url: str | None = None) -> tuple[Film, bytes]:
    """The validated film and the bytes to write; a film lvtui cannot read is a FilmError,
    or (over the size a film file may have) a NotTmdb: lvtui never writes a film it would
    then refuse to open."""
    data = dump(build(responses, retrieved=retrieved, url=url))
    if len(data) > MAX_FILM_BYTES:
        raise NotTmdb(f"the film these answers make would be {len(data):,} bytes, over the "
                      f"{MAX_FILM_BYTES // 2**20} MiB a film file may have")
    return parse_film(data, "<imported film>"), data


def dump(film: Mapping[str, Any]) -> bytes:
    return (json.dumps(film, ensure_ascii=False, indent=2) + "\n").encode()


# -- building ---------------------------------------------------------------------------------


def slug(name: str) -> str:
    """An id from a name: "Brad Pitt" -> "brad-pitt", "Jürgen Prochnow" -> "jurgen-prochnow"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    return "-".join(words)[:48].strip("-")


def country_name(code: str) -> str:
    """ "US" -> "United States", "GB" -> "United Kingdom", "KR" -> "South Korea"."""
    import pycountry  # only when a film is imported: it is a large table

    country = pycountry.countries.get(alpha_2=code.upper()) if code else None
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def _day(value: Any) -> str | None:
    """TMDB's "1999-10-15" or "1999-10-15T00:00:00.000Z" as a date lvtui reads."""
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None


def cut(text: str, limit: int) -> str:
    """*text* in at most *limit* characters, cut after a word, with "…" where it was cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _same_script(name: str, other: str) -> bool:
    """An other name worth keeping: written in the script of the name (Latin letters for
    "Brad Pitt", so his names in twelve other scripts do not crowd his card)."""
    def latin(text: str) -> bool:
        return all(ord(c) < 0x250 for c in text if c.isalpha())
    return latin(name) == latin(other)


class _Builder:
    def __init__(self, responses: Responses, movie: dict[str, Any]) -> None:
        self.responses, self.movie = responses, movie
        self.people: dict[int, dict[str, Any]] = {}  # TMDB id -> person record
        self.organizations: dict[int, dict[str, Any]] = {}
        self.taken: set[str] = set()

    def film(self, retrieved: str | None, url: str | None) -> dict[str, Any]:
        movie = self.movie
        released = _day(movie.get("release_date"))
        if released is None:
            raise NotTmdb(f"movie {movie['id']} has no release date: its year is unknown")
        title = _text(movie.get("title")) or _text(movie.get("original_title"))
        if not title:
            raise NotTmdb(f"movie {movie['id']} has no title")
        film: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "title": title}
        original = _text(movie.get("original_title"))
        if original and original != title:
            film["original_title"] = original
        film["year"] = int(released[:4])
        if isinstance(movie.get("runtime"), int) and movie["runtime"] > 0:
            film["runtime"] = movie["runtime"]
        if _text(movie.get("tagline")):
            film["tagline"] = _text(movie.get("tagline"))
        film["genres"] = [_text(g.get("name")) for g in movie.get("genres") or []
                          if _text(g.get("name"))]
        film["countries"] = [country_name(_text(c.get("iso_3166_1"))) or _text(c.get("name"))
                             for c in movie.get("production_countries") or []]
        film["languages"] = [_text(lang.get("english_name")) or _text(lang.get("name"))
                             for lang in movie.get("spoken_languages") or []
                             if _text(lang.get("english_name")) or _text(lang.get("name"))]
        if _text(movie.get("overview")):
            film["summary"] = [cut(_text(movie.get("overview")), OVERVIEW)]
        keywords = self.responses.part("keywords") or {}
        film["keywords"] = [_text(k.get("name")) for k in keywords.get("keywords") or []
                            if _text(k.get("name"))]
        cast, crew, works = self._credits(film)
        film["cast"], film["crew"], film["source_works"] = cast, crew, works
        billed = sorted(cast, key=lambda credit: credit["order"])
        film["stars"] = list(dict.fromkeys(credit["person"] for credit in billed[:STARS]))
        film["production_companies"] = [self._organization(company)
                                        for company in movie.get("production_companies") or []]
        budget, revenue = movie.get("budget"), movie.get("revenue")
        if isinstance(budget, int) and budget > 0:
            film["production"] = {"budget": {"amount": budget, "currency": "USD"}}
        if isinstance(revenue, int) and revenue > 0:
            film["reception"] = {"box_office": [{"amount": revenue, "currency": "USD"}]}
        film["releases"], film["certifications"] = self._releases()
        external = self._external_ids()
        if external:
            film["external_ids"] = external
        film["people"] = [self.people[key] for key in sorted(self.people)]
        film["organizations"] = [self.organizations[key] for key in sorted(self.organizations)]
        source: dict[str, Any] = {"name": SOURCE_NAME,
                                  "url": url or f"https://www.themoviedb.org/movie/{movie['id']}",
                                  "attribution": NOTICE}
        if retrieved:
            source["retrieved"] = retrieved
        film["sources"] = [source]
        return {key: value for key, value in film.items() if value not in ([], {}, "")}

    # -- records ---------------------------------------------------------------------------

    def _id(self, name: str, tmdb_id: int) -> str:
        base = slug(name) or f"tmdb-{tmdb_id}"
        id = base if base not in self.taken else f"{base}-{tmdb_id}"
        self.taken.add(id)
        return id

    def _person(self, credit: Mapping[str, Any]) -> str:
        tmdb_id = int(credit["id"])
        if tmdb_id not in self.people:
            details = self.responses.people.get(tmdb_id, {})
            name = _text(details.get("name")) or _text(credit.get("name")) or f"TMDB {tmdb_id}"
            person: dict[str, Any] = {"id": self._id(name, tmdb_id), "name": name}
            others = [n for n in (_text(a) for a in details.get("also_known_as") or [])
                      if n and n != name and _same_script(name, n)]
            if others:
                person["other_names"] = list(dict.fromkeys(others))
            for key, field_name in (("birthday", "born"), ("deathday", "died")):
                if _day(details.get(key)):
                    person[field_name] = _day(details.get(key))
            bio = cut(_text(details.get("biography")).split("\n\n", 1)[0].strip(), BIO)
            if bio:
                person["bio"] = bio
            external: dict[str, Any] = {"tmdb": tmdb_id}
            imdb = _text(details.get("imdb_id"))
            if re.fullmatch(r"nm\d{1,10}", imdb):
                external["imdb"] = imdb
            person["external_ids"] = external
            self.people[tmdb_id] = person
        return str(self.people[tmdb_id]["id"])

    def _organization(self, company: Mapping[str, Any]) -> str:
        tmdb_id = int(company["id"])
        if tmdb_id not in self.organizations:
            name = _text(company.get("name")) or f"TMDB company {tmdb_id}"
            where = country_name(_text(company.get("origin_country")))
            self.organizations[tmdb_id] = {
                "id": self._id(name, tmdb_id), "name": name,
                "description": f"A production company ({where})" if where
                else "A production company",
                "external_ids": {"tmdb": tmdb_id}}
        return str(self.organizations[tmdb_id]["id"])

    # -- credits ---------------------------------------------------------------------------

    def _credits(self, film: dict[str, Any]) -> tuple[list[Any], list[Any], list[Any]]:
        credits = self.responses.part("credits") or {}
        cast_credits = sorted((c for c in credits.get("cast") or [] if isinstance(c, dict)),
                              key=lambda c: (c.get("order", 1 << 30), c.get("id", 0)))
        characters = [_text(c.get("character")) or "Unnamed role" for c in cast_credits]
        cast = []
        for number, credit in enumerate(cast_credits):
            cast.append({"person": self._person(credit), "character": characters[number],
                         "order": number})
        people = [str(person["name"]) for person in self.people.values()]
        english = self.movie.get("original_language") == "en"
        for entry, others in zip(cast, short_names(characters, people, english=english),
                                 strict=True):
            if others:  # "Tyler" for "Tyler Durden": the text may call him so
                entry["character_other_names"] = others
        crew: list[dict[str, Any]] = []
        works: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        for credit in credits.get("crew") or []:
            if not isinstance(credit, dict) or not _text(credit.get("job")):
                continue
            person = self._person(credit)
            job = _text(credit.get("job"))
            if (person, job) in seen:
                continue
            seen.add((person, job))
            crew.append({"person": person, "job": job,
                         "department": _text(credit.get("department")) or "Crew"})
            kind = SOURCE_JOBS.get(job.lower())
            if kind is not None:
                work = next((w for w in works if w["kind"] == kind), None)
                if work is None:  # TMDB credits the author, never the work's title
                    works.append({"kind": kind, "authors": [person]})
                else:
                    work["authors"].append(person)
        return cast, crew, works

    # -- releases --------------------------------------------------------------------------

    def _releases(self) -> tuple[list[Any], list[Any]]:
        release_dates = self.responses.part("release_dates") or {}
        releases, certifications = [], []
        for country in sorted(release_dates.get("results") or [],
                              key=lambda r: str(r.get("iso_3166_1"))):
            territory = country_name(_text(country.get("iso_3166_1")))
            rated: dict[int, str] = {}
            for release in country.get("release_dates") or []:
                day = _day(release.get("release_date"))
                kind = RELEASE_KINDS.get(release.get("type"))
                if day is None or kind is None:
                    continue
                entry: dict[str, Any] = {"date": day, "kind": kind, "territory": territory}
                if _text(release.get("note")):
                    entry["detail"] = _text(release.get("note"))
                if _text(release.get("certification")):
                    entry["certification"] = _text(release.get("certification"))
                    rated.setdefault(release["type"], entry["certification"])
                releases.append(entry)
            rating = rated.get(3) or next(iter(rated.values()), "")
            if rating:
                certifications.append({"territory": territory, "rating": rating})
        releases.sort(key=lambda r: (r["date"], r["territory"], r["kind"]))
        return releases, certifications

    def _external_ids(self) -> dict[str, Any]:
        movie = self.movie
        ids = self.responses.part("external_ids") or {}
        external: dict[str, Any] = {"tmdb": int(movie["id"])}
        imdb = _text(ids.get("imdb_id")) or _text(movie.get("imdb_id"))
        if re.fullmatch(r"tt\d{1,10}", imdb):
            external["imdb"] = imdb
        wikidata = _text(ids.get("wikidata_id"))
        if re.fullmatch(r"Q\d{1,12}", wikidata):
            external["wikidata"] = wikidata
        return external


def import_files(named: Sequence[tuple[str, bytes]]) -> bytes:
    """The film file for saved responses; NotTmdb or FilmError says what is wrong."""
    responses = read_responses(named)
    _, data = film_from(responses)
    return data


__all__ = ["NOTICE", "FilmError", "NotTmdb", "Responses", "build", "film_from", "import_files",
           "kind_of", "read_responses"]
