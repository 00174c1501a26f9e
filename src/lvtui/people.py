"""Everywhere a person appears in a film's data, for the person card. No UI here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lvtui.search import fold

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.model import Film


def appearances(film: Film, name: str) -> list[str]:
    """Plain sentences, one per place *name* appears: credits, roles, quotes, awards, reviews."""
    key = fold(name)

    def same(other: str | None) -> bool:
        return other is not None and fold(other) == key

    found: list[str] = []
    for job, holder in (("Director", film.director), ("Screenwriter", film.screenwriter),
                        ("Composer of the score", film.composer)):
        if same(holder):
            found.append(job)
    if any(same(star) for star in film.stars):
        found.append("Star")
    novel = film.source_novel
    if novel is not None and same(novel.author):
        found.append(f"Author of the novel {novel.title} ({novel.published.display()})")
    for number, member in enumerate(film.cast, start=1):
        if same(member.actor) or same(member.credited_as):
            credit = f" (credited as {member.credited_as})" if member.credited_as else ""
            found.append(f"Cast #{number}: {member.role}{credit}")
    for section in film.production.sections:
        quotes = [p for p in section.passages if same(p.speaker)]
        if quotes:
            times = "once" if len(quotes) == 1 else f"{len(quotes)} times"
            found.append(f"Quoted in production notes, {section.topic}: {times}")
    for accolade in film.accolades:
        if same(accolade.nominee):
            found.append(f"{accolade.award}, {accolade.category}: {accolade.result}")
    for review in film.reception.critics:
        if same(review.critic):
            found.append(f"Critic for {review.outlet}" if review.outlet else "Critic")
    return found
