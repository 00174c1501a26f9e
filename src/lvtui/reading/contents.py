"""Whether a film has anything for a section to show: the panes say "This film file has no
plot." where it has not, and lvtui does not open on such a section unless asked to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lvtui.reading.departments import further_crew
from lvtui.reading.wording import events, undated_home_media

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.film.model import Film


def has_content(film: Film, section: str) -> bool:
    if section == "plot":
        return bool(film.plot)
    if section == "cast":
        return bool(film.cast)
    if section == "production":
        return bool(film.production.notes or further_crew(film))
    if section == "timeline":
        return bool(events(film) or undated_home_media(film))
    if section == "reception":
        reception = film.reception
        return bool(reception.box_office or reception.aggregators or reception.reviews
                    or reception.best_of or reception.notes or film.accolades
                    or film.accolade_notes)
    if section == "soundtrack":
        return film.soundtrack is not None or bool(film.home_media)
    return True  # the overview: the title at least


def kept_section(film: Film, section: str | None) -> str | None:
    """The section *film* opens on when none is asked for (*section*: the last one read):
    not one it has nothing for."""
    return section if section is not None and has_content(film, section) else None
