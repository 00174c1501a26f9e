"""The person card: a cast member's record and every place they appear in the film's data."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from lvtui.people import appearances
from lvtui.screens.sheet import Sheet
from lvtui.wording import spelled_date

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.model import Film
    from lvtui.people import CastRow


def card_text(film: Film, member: CastRow) -> Content:
    """Everything the card says, as literal text: the names come from the film file."""
    parts: list[str | tuple[str, str]] = [(member.actor, "bold $text-accent"), "\n",
                                           (f"as {member.role}", "italic")]
    if member.credited_as:
        parts += ["\n", f"Credited as {member.credited_as}"]
    person = film.person(member.person)
    if person.full_name or person.born or person.died or person.bio:
        parts.append("\n")
    for label, value in (("Full name  ", person.full_name),
                         ("Born       ", spelled_date(person.born) if person.born else None),
                         ("Died       ", spelled_date(person.died) if person.died else None)):
        if value:
            parts += ["\n", (label, "bold"), value]
    if person.bio:
        parts += ["\n\n", person.bio]
    parts += ["\n\n", ("In this film", "bold $text-secondary")]
    for place in appearances(film, member.person):
        parts += ["\n", f"• {place}"]
    return Content.assemble(*parts)


class PersonCard(Sheet):
    """A card over the browser; escape closes it. It scrolls like a section."""

    SHEET_TITLE = "Person"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close", tooltip="Close the card"),
        # App keys stop at a modal screen; the help is the one that belongs here too.
        Binding("question_mark,f1", "app.show_help", "Help", tooltip="Every key that works here"),
    ]

    def __init__(self, film: Film, member: CastRow) -> None:
        super().__init__()
        self.film = film
        self.member = member

    def compose_body(self) -> ComposeResult:
        yield Static(card_text(self.film, self.member), id="card-text")
