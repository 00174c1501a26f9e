"""People as the cast list and the person card show them. No UI here.

The cast list reads rows of names; the film file holds references to people. A row is
made once per film, so searching and drawing never look a name up again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from lvtui.wording import names, spelled_date

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.model import Film


class CastRow(NamedTuple):
    """One cast credit, with the actor's name looked up. A tuple: a film may have 100,000
    of them, and a frozen dataclass costs ten times as long to make."""

    actor: str
    role: str
    credited_as: str | None
    person: str  # the actor's id


def cast_rows(film: Film) -> list[CastRow]:
    """The cast in billing order, as rows."""
    return [CastRow(film.name(credit.person), credit.character, credit.credited_as,
                    credit.person) for credit in film.billed_cast]


def appearances(film: Film, person: str) -> list[str]:
    """Plain sentences, one per place the person with id *person* appears: credits, roles,
    quotes, awards, reviews, music."""
    found: list[str] = [crew.job for crew in film.crew
                        if crew.person == person and crew.department != "Source"]
    if person in film.stars:
        found.append("Star")
    for work in film.source_works:
        if person in work.authors:
            published = f", {spelled_date(work.published)}" if work.published else ""
            found.append(f"Author of the {work.kind} “{work.title}”{published}")
    for number, credit in enumerate(film.billed_cast, start=1):
        if credit.person == person:
            as_credited = f" (credited as {credit.credited_as})" if credit.credited_as else ""
            found.append(f"Cast #{number}: {credit.character}{as_credited}")
    for section in film.production.notes:
        quotes = [p for p in section.passages if p.speaker == person]
        if quotes:
            times = "once" if len(quotes) == 1 else f"{len(quotes)} times"
            found.append(f"Quoted in production notes, {section.topic}: {times}")
    for accolade in film.accolades:
        if person in accolade.nominees:
            found.append(f"{accolade.award}, {accolade.category}: {accolade.result}")
    for review in film.reception.reviews:
        if review.critic == person:
            outlet = f" for {film.name(review.outlet)}" if review.outlet else ""
            found.append(f"Reviewed the film{outlet}")
    for best in film.reception.best_of:
        if best.critic == person:
            rank = f", number {best.rank}" if best.rank else ""
            found.append(f"Listed the film: {best.list}{rank}")
    soundtrack = film.soundtrack
    if soundtrack is not None:
        if person in soundtrack.performers:
            found.append("Performs on the soundtrack album")
        for song in soundtrack.songs:
            if person in song.performers:
                found.append(f"Performs “{song.title}”")
    return found


def credits(film: Film, department: str) -> str:
    """The names credited in *department*, in order, each once: "Mike Figgis"."""
    ids = list(dict.fromkeys(crew.person for crew in film.crew
                             if crew.department == department))
    return names(film, ids)
