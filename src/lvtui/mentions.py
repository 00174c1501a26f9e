"""Where the film's text names a person or an organisation. Pure: no UI here.

A mention is found from lvtui's own records, never from the text: a record's name, its
other names and its full name, and each character's name and other names (which lead to
the actor). The rules:

- Whole words, exactly as written: "Ben" in "Ben's" is a mention, in "Benny" or "ben" it is
  not. A name of one character is never looked for.
- The longest name wins where two start at the same place: "Marc Coppola" is one mention,
  not "Marc" and then "Coppola".
- A name that belongs to two records is no one's: it links to neither, since lvtui cannot
  know which is meant. (Nicolas Cage was born Nicolas Kim Coppola; "Coppola" alone would
  be shared only if both records listed it as an other name.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.model import Film

_WORD = re.compile(r"\w+")
_SHARED = ""  # the target of a name two records claim


class Mention(NamedTuple):
    """The characters text[start:end] name the record *target*. A link with a *section*
    goes to the record's first place in that section, not to the record's card."""

    start: int
    end: int
    target: str
    section: str | None = None


class Mentions:
    """Every name of every record, ready to be found in any text."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        owners: dict[str, str] = {}
        for name, target in names:
            if len(name) < 2 or not _WORD.match(name):
                continue  # one letter links everywhere; a name must start with a word
            owners[name] = target if owners.get(name, target) == target else _SHARED
        # Keyed by the first word, longest name first: a lookup per word of the text.
        self._by_first_word: dict[str, list[tuple[str, str]]] = {}
        for name, target in sorted(owners.items(), key=lambda item: -len(item[0])):
            first = _WORD.match(name)
            assert first is not None
            self._by_first_word.setdefault(first.group(), []).append((name, target))

    @classmethod
    def of(cls, film: Film) -> Mentions:
        def names() -> Iterable[tuple[str, str]]:
            for person in film.people:
                for name in (person.name, *person.other_names, person.full_name):
                    if name:
                        yield name, person.id
            for organization in film.organizations:
                for name in (organization.name, *organization.other_names):
                    yield name, organization.id
            for credit in film.cast:
                for name in (credit.character, *credit.character_other_names):
                    yield name, credit.person
        return cls(names())

    def find(self, text: str) -> list[Mention]:
        """The mentions in *text*, in order, none overlapping."""
        found: list[Mention] = []
        index = self._by_first_word
        taken = 0  # mentions never overlap: "Ben Sanderson" hides the "Sanderson" in it
        for word in _WORD.finditer(text):
            start = word.start()
            if start < taken:
                continue
            for name, target in index.get(word.group(), ()):
                end = start + len(name)
                if text.startswith(name, start) and not (end < len(text)
                                                         and _is_word(text[end])
                                                         and _is_word(name[-1])):
                    if target != _SHARED:
                        found.append(Mention(start, end, target))
                    taken = end
                    break
        return found


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"
