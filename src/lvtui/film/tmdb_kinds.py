"""What kind of TMDB answer a JSON document is, by its shape, or None for anything else. In
the film layer because the loader must tell a TMDB answer given as a film apart (it says how
to import one); lvtui.tmdb.responses sorts the answers it imports by the same rules."""

from __future__ import annotations

from typing import Any


def tmdb_kind(document: Any) -> str | None:
    """movie, person, credits, release_dates, keywords, external_ids or search; None for
    what is none of them (a film file, an error body, another service's answer)."""
    if not isinstance(document, dict) or "schema_version" in document:
        return None
    if "total_results" in document and isinstance(document.get("results"), list):
        return "search"
    if not isinstance(document.get("id"), int) or isinstance(document.get("id"), bool):
        return None
    keys = document.keys()
    if "title" in keys and "release_date" in keys and "original_title" in keys:
        return "movie"
    if "name" in keys and "known_for_department" in keys and "birthday" in keys:
        return "person"
    if isinstance(document.get("cast"), list) and isinstance(document.get("crew"), list):
        return "credits"
    if isinstance(document.get("results"), list) and all(
            isinstance(r, dict) and "iso_3166_1" in r for r in document["results"]):
        return "release_dates"
    if isinstance(document.get("keywords"), list):
        return "keywords"
    if "imdb_id" in keys and "title" not in keys and "name" not in keys:
        return "external_ids"
    return None
