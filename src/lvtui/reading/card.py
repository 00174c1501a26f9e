"""A card's sentences: every place a person or an organisation appears in the film, and
where its text names them. No UI here."""

from __future__ import annotations

import builtins
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from lvtui.film.walk import references, texts
from lvtui.reading.departments import headed_credits, jobs_of, key
from lvtui.reading.wording import aggregate_figure, edition_title, spelled_date, work_title

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.film.model import BestOf, Film, Review, SourceWork
    from lvtui.text.mentions import Mentions


def appearances(film: Film, id: str) -> list[tuple[str, str]]:
    """Every place the person or organisation with *id* appears, as (section id, sentence),
    in the order of the film's references (lvtui.film.walk): credits, roles, quotes,
    reviews, awards, music, media. One sentence per thing that names them (a song, an
    award), however often it does; the cast's in billing order."""
    places: dict[tuple[str, int], list[Any]] = {}
    for reference in references(film):
        if reference.id == id:
            # The cast is one place, listed in billing order; each other holder is one.
            group = 0 if reference.field == "cast.person" else builtins.id(reference.holder)
            places.setdefault((reference.field, group), []).append(reference.holder)
    found: list[tuple[str, str]] = []
    headed = headed_credits(film)
    own = {key(credit) for credit in jobs_of(film, id)}
    for (field, _), holders in places.items():
        holder = holders[0]
        if field == "crew.person":
            if key(holder) in own:
                # The overview names who heads a department; the production section the rest.
                found.append(("overview" if key(holder) in headed else "production", holder.job))
        elif field == "cast.person":
            for number, credit in enumerate(film.billed_cast, start=1):
                if credit.person == id:
                    # A comma, not brackets: a credited name may hold its own ("Jane Doe
                    # (voice)").
                    as_credited = f", credited as {credit.credited_as}" \
                        if credit.credited_as else ""
                    found.append(("cast", f"#{number}: {credit.character}{as_credited}"))
        elif field == "production.notes.passages.speaker":
            times = {1: "once", 2: "twice"}.get(len(holders), f"{len(holders)} times")
            found.append(("production", f"Quoted {times} in “{holder.topic}”"))
        else:
            found.append(_PLACES[field](film, holder))
    return found


def _author(film: Film, work: SourceWork) -> tuple[str, str]:
    published = f", {spelled_date(work.published)}" if work.published else ""
    return "overview", f"Author of {work_title(work)}{published}"


def _critic(film: Film, review: Review) -> tuple[str, str]:
    outlet = f" for {film.name(review.outlet)}" if review.outlet else ""
    quoted = "; a passage is quoted" if review.quote else ""
    return "reception", f"Reviewed the film{outlet}{quoted}"


def _best_of(film: Film, best: BestOf) -> tuple[str, str]:
    rank = f", number {best.rank}" if best.rank else ""
    return "reception", f"Listed the film: {best.list}{rank}"


# How each other field that refers to a record words it on the record's card: (section,
# sentence), from what holds the reference.
_PLACES: dict[str, Callable[[Film, Any], tuple[str, str]]] = {
    "stars": lambda film, _: ("overview", "Star"),
    "production_companies": lambda film, _: ("overview", "Produced the film"),
    "source_works.authors": _author,
    "distribution.company": lambda film, distribution: (
        "overview", f"Distributor: {distribution.territory or 'everywhere'}"),
    "marketing.by": lambda film, _: ("overview", "Marketed the film"),
    "reception.aggregators.source": lambda film, aggregate: (
        "reception", f"Aggregated the reviews: {aggregate_figure(aggregate)}"),
    "reception.reviews.critic": _critic,
    "reception.reviews.outlet": lambda film, review: (
        "reception", f"Ran {film.name(review.critic)}'s review"),
    "reception.best_of.critic": _best_of,
    "accolades.nominees": lambda film, accolade: (
        "reception", f"{accolade.award}, {accolade.category}: {accolade.result}"),
    "soundtrack.label": lambda film, _: ("soundtrack", "Released the soundtrack album"),
    "soundtrack.performers": lambda film, _: ("soundtrack", "Performs on the soundtrack album"),
    "soundtrack.songs.performers": lambda film, song: (
        "soundtrack", f"Performs “{song.title}”"),
    "home_media.distributor": lambda film, edition: (
        "soundtrack", f"Released the {edition_title(edition)}"),
}


# How much of a text is looked through for a card's "mentioned" lines: its first mention of
# someone is near the start, and a hostile text of a million letters must not hold up a card.
MENTION_SCAN = 20_000
SNIPPET_SIDE = 36  # letters of context on each side of a mention


def mentioned_in(film: Film, id: str, mentions: Mentions) -> list[tuple[str, str]]:
    """Where the film's text names the record *id*: per paragraph that does, its section and
    a snippet around the first place ("…he nearly hits a woman, Sera, on the crosswalk…")."""
    found = []
    for section, text in texts(film):
        head = text[:MENTION_SCAN]
        hit = next((m for m in mentions.find(head) if m.target == id), None)
        if hit is not None:
            found.append((section, snippet(head, hit.start, hit.end)))
    return found


def snippet(text: str, start: int, end: int) -> str:
    """The words around text[start:end], cut at spaces, with "…" where the text goes on."""
    left = max(0, start - SNIPPET_SIDE)
    right = min(len(text), end + SNIPPET_SIDE)
    if left > 0:
        left = text.find(" ", left, start) + 1 or left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space > 0 else right
    return ("…" if left > 0 else "") + " ".join(text[left:right].split()) + \
        ("…" if right < len(text) else "")
