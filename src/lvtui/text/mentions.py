"""Where the film's text names a person or an organisation. Pure: no UI here.

A mention is found from lvtui's own records, never from the text: a record's name, its
other names and its full name, and each character's name and other names (which lead to
the actor). The rules:

- Whole words, exactly as written: "Ben" in "Ben's" is a mention, in "Benny" or "ben" it is
  not. A name of one character, or of more than :data:`LONGEST_NAME` characters, is never
  looked for.
- The longest name wins where two start at the same place: "Marc Coppola" is one mention,
  not "Marc" and then "Coppola".
- A name that belongs to two records is no one's: it links to neither, since lvtui cannot
  know which is meant. The film's title and original title are no one's either: they are the
  film. (Nicolas Cage was born Nicolas Kim Coppola; "Coppola" alone would
  be shared only if both records listed it as an other name.)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

_WORD = re.compile(r"\w+")
_SHARED = ""  # the target of a name two records claim
# No name is longer: a longer "name" (a hostile file's 100,000 letters) is no one's name,
# and this bound keeps the work at each word of the text constant.
LONGEST_NAME = 1000


class Mention(NamedTuple):
    """The characters text[start:end] name the record *target*. A link with a *section*
    goes to the record's first place in that section, not to the record's card; one with a
    *film* (a file) opens that film at the card of its record *target*."""

    start: int
    end: int
    target: str
    section: str | None = None
    film: str | None = None


class Mentions:
    """Every name of every record, ready to be found in any text."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        owners: dict[str, str] = {}
        for name, target in names:
            if not 2 <= len(name) <= LONGEST_NAME or not _WORD.match(name):
                continue  # one letter links everywhere; a name must start with a word
            owners[name] = target if owners.get(name, target) == target else _SHARED
        self._owners = owners
        # Sorted, so that the names the text at a place starts with are found by bisection:
        # the work at each word is bounded by the name length, not the number of names.
        self._names = sorted(owners)
        self._window = max(map(len, self._names), default=0)

    def find(self, text: str) -> list[Mention]:
        """The mentions in *text*, in order, none overlapping. One pass over the words of
        the text, each looked up by bisection: linear in the text, whatever the names."""
        found: list[Mention] = []
        if not self._names:
            return found
        taken = 0  # mentions never overlap: "Ben Sanderson" hides the "Sanderson" in it
        for word in _WORD.finditer(text):
            start = word.start()
            if start < taken:
                continue
            name = self._longest_at(text, start)
            if name is not None:
                target = self._owners[name]
                if target != _SHARED:
                    found.append(Mention(start, start + len(name), target))
                taken = start + len(name)
        return found

    def _longest_at(self, text: str, start: int) -> str | None:
        """The longest name that *text* has at *start*, ending at the end of a word.

        Every name that the text at *start* begins with sorts at or before the text, and
        the greatest name at or before it begins with each of them: so that name is either
        the longest one the text begins with, or it shares a shorter start with the text,
        in which the search goes on."""
        window = text[start:start + self._window]
        names = self._names
        while window:
            at = bisect_right(names, window)
            if at == 0:
                return None
            name = names[at - 1]
            if window.startswith(name):
                end = start + len(name)
                if not (end < len(text) and _is_word(text[end]) and _is_word(name[-1])):
                    return name
                window = name[:-1]  # a word goes on after it: a shorter name may fit
            else:
                window = window[:_shared_start(name, window)]
        return None


def _shared_start(one: str, other: str) -> int:
    """How many characters *one* and *other* begin with alike: by bisection on the length,
    each step one comparison of two slices, so a long shared start costs little."""
    low, high = 0, min(len(one), len(other))
    while low < high:
        middle = (low + high + 1) // 2
        if one[:middle] == other[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"
