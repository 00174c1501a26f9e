"""The cast as rows, as the cast list, the palette and `lvtui cast` show and search it.

The film file holds references to people; a row is made once per film, with the names
looked up, so searching and drawing never look a name up again. No UI here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from lvtui.text.clean import one_line
from lvtui.text.folding import Narrowing, fold

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.film.model import Film, Organization, Person


class CastRow(NamedTuple):
    """One cast credit, with the actor's name looked up. A tuple: a film may have 100,000
    of them, and a frozen dataclass costs ten times as long to make."""

    actor: str
    role: str
    credited_as: str | None
    person: str  # the actor's id
    also: str = ""  # the other names of both, searched and not shown: "Nicolas Kim Coppola"

    def line(self) -> str:
        """The member as one line: actor, role and credited name, tab-separated, no empty
        field. As `lvtui cast` prints a member piped, and as `y` copies one."""
        return "\t".join(one_line(field) for field in (self.actor, self.role, self.credited_as)
                         if field)


def card_rows(film: Film) -> list[CastRow]:
    """A row for every person and organisation, for the palette to search: the name, the
    first character played (if any), and the other names the film uses for them."""
    roles: dict[str, str] = {}
    for credit in film.billed_cast:
        roles.setdefault(credit.person, credit.character)
    records: list[Person | Organization] = [*film.people, *film.organizations]
    return [CastRow(record.name, roles.get(record.id, ""), ", ".join(record.other_names) or None,
                    record.id, _full_name(record)) for record in records]


def cast_rows(film: Film) -> list[CastRow]:
    """The cast in billing order, as rows; searched by every name the actor and the
    character have."""
    rows = []
    for credit in film.billed_cast:
        actor = film.record(credit.person)
        also = [*credit.character_other_names, *actor.other_names, _full_name(actor)]
        rows.append(CastRow(actor.name, credit.character, credit.credited_as, credit.person,
                            ", ".join(name for name in also if name)))
    return rows


_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def filing_name(film: Film, id: str) -> str:
    """How a person is filed in a list sorted by name: their `sort_name`, else the surname
    first ("Beckel Graham" for Graham Beckel, "Hartwick Joe Jr." for Joe Hartwick Jr.)."""
    record = film.record(id)
    sort_name = getattr(record, "sort_name", None)  # an organisation has none
    if sort_name:
        return str(sort_name)
    words = record.name.split()
    last = len(words) - 1
    while last > 0 and words[last].lower() in _SUFFIXES:
        last -= 1
    return " ".join([*words[last:last + 1], *words[:last], *words[last + 1:]])


def _full_name(record: Person | Organization) -> str:
    return getattr(record, "full_name", None) or ""


def member_fields(member: CastRow) -> tuple[str, ...]:
    """The names a search looks at: those shown, in display order, then the other names."""
    shown = (member.actor, member.role) if member.credited_as is None else \
        (member.actor, member.role, member.credited_as)
    return (*shown, member.also) if member.also else shown


class CastSearch(Narrowing):
    """The cast search: every word in the actor's, the role's or the credited name."""

    def __init__(self, cast: Sequence[CastRow]) -> None:
        super().__init__(lambda: ["\x00".join(fold(field) for field in member_fields(member))
                                  for member in cast])


def search_cast(cast: Sequence[CastRow], text: str) -> list[int]:
    """Indices of the members matching *text* (all of them for an empty query)."""
    matches = CastSearch(cast).update(text)
    return list(range(len(cast))) if matches is None else matches
