"""The card: a person's or an organisation's record and every place they appear in the film."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content

from lvtui.reading.card import appearances, mentioned_in
from lvtui.reading.departments import jobs_of
from lvtui.reading.sections import SECTIONS
from lvtui.reading.wording import external_ids, spelled_date
from lvtui.text.clean import shorten
from lvtui.text.mentions import Mention
from lvtui.ui.screens.sheet import Sheet
from lvtui.ui.widgets.linked import Prose

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.film.model import Film
    from lvtui.shelf.across import Elsewhere
    from lvtui.text.mentions import Mentions


def card_units(film: Film, id: str, mentions: Mentions | None = None,
               elsewhere: Sequence[Elsewhere] = ()) -> tuple[list[Content], list[list[Mention]]]:
    """Everything the card of the person or organisation *id* says, as literal text (the
    names come from the film file), a unit a line; and the links lvtui puts there itself:
    each place in the film goes to that section, each film *elsewhere* to their card there."""
    record = film.record(id)
    parts: list[str | tuple[str, str]] = [(record.name, "bold $text-accent")]
    # What they did on the film first (a director who plays a mobster is a director),
    # then the parts they played.
    jobs = list(dict.fromkeys(credit.job for credit in jobs_of(film, id)))
    if jobs:
        parts += ["\n", ", ".join(jobs)]
    roles = [credit for credit in film.billed_cast if credit.person == id]
    for credit in roles:
        parts += ["\n", (f"as {credit.character}", "italic")]
        if credit.credited_as:
            parts += [f", credited as {credit.credited_as}"]
    # A word of the name alone ("Ebert", "Figgis") is how the text names them, not
    # another name worth telling a reader: it links, and is not listed.
    others = [name for name in record.other_names if name not in record.name.split()]
    if others:
        parts += ["\n", f"Also called {', '.join(others)}"]
    facts: list[tuple[str, str | None]] = []
    if film.is_person(id):
        person = film.person(id)
        facts = [("Full name  ", person.full_name),
                 ("Born       ", spelled_date(person.born) if person.born else None),
                 ("Died       ", spelled_date(person.died) if person.died else None),
                 ("Elsewhere  ", external_ids(person.external_ids) or None)]
        about = person.bio
    else:
        organization = film.organization(id)
        facts = [("Elsewhere  ", external_ids(organization.external_ids) or None)]
        about = organization.description
    shown = [(label, value) for label, value in facts if value]
    if shown:
        parts.append("\n")
    for label, value in shown:
        parts += ["\n", (label, "bold"), value]
    if about:
        parts += ["\n\n", about]
    units = [Content.assemble(*parts)]
    links: list[list[Mention]] = [[]]
    _add_places(units, links, "In this film", appearances(film, id), id)
    if elsewhere:  # before the mentions, which can run long: each a link to their card there
        units += [Content(""), Content.styled("In other films", "bold $text-secondary")]
        links += [[], []]
        for other in elsewhere:
            line = other.line()
            units.append(Content(f"• {line}"))
            links.append([Mention(2, 2 + len(line), other.id, film=str(other.path))])
    # Where the film's text names them, each line a link to that place.
    if mentions is not None:
        _add_places(units, links, "Mentioned in the film's text",
                    mentioned_in(film, id, mentions), id)
    return units, links


def _add_places(units: list[Content], links: list[list[Mention]], title: str,
                places: list[tuple[str, str]], id: str) -> None:
    """*places* under *title*, grouped by the section that shows them (they come in section
    order), each line a link to its place there."""
    if not places:
        return
    units += [Content(""), Content.styled(title, "bold $text-secondary")]
    links += [[], []]
    section = None
    for where, text in places:
        if where != section:
            units.append(Content.styled(SECTIONS[where], "bold"))
            links.append([])
            section = where
        units.append(Content(f"• {text}"))
        links.append([Mention(2, 2 + len(text), id, where)])


class PersonCard(Sheet):
    """The card of a person or an organisation, over the browser; escape closes it. It
    scrolls like a section."""

    # Closing a card is going back to where it was opened from, as in a browser: alt+right
    # opens it again.
    CLOSE = "app.back"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", CLOSE, "Close", tooltip="Close the card"),
        # App keys stop at a modal screen; the help is the one that belongs here too.
        Binding("question_mark,f1", "app.show_help", "Help", tooltip="Every key that works here"),
        Binding("alt+left,backspace", "app.back", "Back", show=False,
                tooltip="Go back to where you were"),
        Binding("alt+right", "app.forward", "Forward", show=False, tooltip="Go forward again"),
        # The keys that work everywhere work here too: the card closes (a visit) and they go.
        *[Binding(str(number), f"app.show_section('{section}')", title, show=False,
                  tooltip="Close the card and show that section")  # one row in the help
          for number, (section, title) in enumerate(SECTIONS.items(), start=1)],
        Binding("o,ctrl+o", "app.open_shelf", "Films", show=False,
                tooltip="Close the card and open another film from the shelf"),
    ]

    def __init__(self, film: Film, id: str, mentions: Mentions | None = None,
                 elsewhere: Sequence[Elsewhere] = ()) -> None:
        super().__init__()
        self.film = film
        self.id_shown = id
        self.mentions = mentions  # the names in the card link too, once they are known
        self.elsewhere = elsewhere  # the other films on the shelf they are in

    @property
    def shown_name(self) -> str:
        return self.film.name(self.id_shown)

    def sheet_title(self) -> str:
        return "Person" if self.film.is_person(self.id_shown) else "Organisation"

    def sheet_subtitle(self) -> str:
        # The card covers the title bar: with several films open, it says whose it is.
        return f"{shorten(self.film.title, 60)} ({self.film.year})"

    def compose_body(self) -> ComposeResult:
        units, links = card_units(self.film, self.id_shown, self.mentions, self.elsewhere)
        yield Prose(units, links=links, own=self.id_shown, id="card-text")

    def on_mount(self) -> None:
        if self.mentions is not None:
            self.query_one("#card-text", Prose).link_in_background(self.mentions)
