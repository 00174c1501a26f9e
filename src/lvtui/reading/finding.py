"""Find across the whole film: which texts hold every word of a query, section by section.
Pure: no UI here. The UI says what the texts are and shows where they are.

The texts are the film's, unit by unit (a paragraph, a fact, an event, a table row), each
with the section that shows it; the cast, which may be 100,000 members long, is searched
as the cast search searches it. The word rule is the cast search's: case and accents do not
matter, every word must be found, in any order.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

from lvtui.reading.cast import CastSearch
from lvtui.reading.sections import SECTION_IDS, SECTIONS
from lvtui.text.folding import (
    Narrowing,
    Span,
    count_spans,
    fold,
    match_spans,
    normalize_query,
)

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.reading.cast import CastRow

CAST = "cast"
MARKED = 1_000  # the matches of a find that are marked (each is counted, and stepped to)


class Hit(NamedTuple):
    """A match: one place in a unit of text (its *occurrence*, counted from 0 in reading
    order), or a cast member (by their index in the cast)."""

    section: str
    unit: int | None = None
    member: int | None = None
    occurrence: int = 0


class Results:
    """Every match, in reading order: the sections in order, each top to bottom."""

    def __init__(self, units: list[int], sections: Sequence[str], members: list[int],
                 spans: Sequence[Sequence[Span]] | None = None,
                 counts: Sequence[int] | None = None) -> None:
        """*spans*: where each of *units* matches (one match each by default): "canal"
        three times in a paragraph is three matches, each counted and stepped to.
        *counts*: how many times each matches, where that is more than its *spans* say
        (of the film's, the first :data:`MARKED` are spanned)."""
        self._units = units
        self._sections = sections  # the section of each unit of the index
        self._members = members
        self._spans = dict(zip(units, spans, strict=True)) if spans is not None else {}
        if counts is None:
            counts = [len(found) for found in spans] if spans is not None else [1] * len(units)
        self._occurrences = [max(1, count) for count in counts]
        self._starts = [0, *accumulate(self._occurrences)]  # the first match of each unit
        cast_at = SECTION_IDS.index(CAST)
        # Units are in section order: those before the cast come before its members.
        self._split_unit = sum(1 for unit in units
                               if SECTION_IDS.index(sections[unit]) < cast_at)
        self._split = self._starts[self._split_unit]  # the matches before the cast's

    def __len__(self) -> int:
        return self._starts[-1] + len(self._members)

    @property
    def units(self) -> list[int]:
        """The units that match, by their number in the index."""
        return self._units

    def spans(self, unit: int) -> Sequence[Span] | None:
        """Where *unit* matches, in its text, if the index found that out already: its
        first :data:`MARKED` matches."""
        return self._spans.get(unit)

    def __getitem__(self, number: int) -> Hit:
        if not 0 <= number < len(self):
            raise IndexError(number)
        if self._split <= number < self._split + len(self._members):
            return Hit(CAST, member=self._members[number - self._split])
        if number >= self._split:
            number -= len(self._members)
        at = bisect_right(self._starts, number) - 1  # the unit the match is in
        unit = self._units[at]
        return Hit(self._sections[unit], unit=unit, occurrence=number - self._starts[at])

    def counts(self) -> dict[str, int]:
        """How many matches each section has, in section order, leaving out the ones
        with none."""
        counts = dict.fromkeys(SECTION_IDS, 0)
        for unit, occurrences in zip(self._units, self._occurrences, strict=True):
            counts[self._sections[unit]] += occurrences
        counts[CAST] += len(self._members)
        return {section: count for section, count in counts.items() if count}

    def summary(self) -> str:
        """ "plot 3 · production 2 · reception 1" """
        return " · ".join(f"{SECTIONS[section].lower()} {count:,}"
                          for section, count in self.counts().items())

    def position(self, hit: Hit) -> int | None:
        """The number of *hit* among the matches, if it is one."""
        try:
            if hit.member is not None:
                return self._split + self._members.index(hit.member)
            at = self._units.index(hit.unit)  # type: ignore[arg-type]
        except ValueError:
            return None
        number = self._starts[at] + min(hit.occurrence, self._occurrences[at] - 1)
        return number if at < self._split_unit else number + len(self._members)

    def next(self, hit: Hit | None, step: int, section: str = SECTION_IDS[0]) -> Hit:
        """The match after *hit* (before it, with a negative *step*), going round at the
        ends. When *hit* is None or no longer a match: the first match from *section* on
        (the last one before it, going backwards), as a browser finds from where you are."""
        at = None if hit is None else self.position(hit)
        if at is not None:
            return self[(at + step) % len(self)]
        order = SECTION_IDS.index(section)
        before = sum(count for name, count in self.counts().items()
                     if SECTION_IDS.index(name) < order)  # the matches of earlier sections
        return self[(before if step > 0 else before - 1) % len(self)]


class FindIndex:
    """The texts of the film and its cast, ready for query after query."""

    def __init__(self, units: Sequence[tuple[str, str]], cast: Narrowing) -> None:
        """*cast*: a search over the cast's rows as the cast search folds them (the two can
        share the folded names: see Narrowing.haystacks)."""
        self.sections = [section for section, _ in units]
        self._texts = [text for _, text in units]
        self._units = Narrowing(lambda: [fold(text) for _, text in units])
        self._cast = cast

    @classmethod
    def over(cls, units: Sequence[tuple[str, str]], cast: Sequence[CastRow]) -> FindIndex:
        return cls(units, CastSearch(cast))

    def prepare(self) -> None:
        self._units.prepare()
        self._cast.prepare()

    def find(self, query: str) -> Results:
        units = self._units.update(query) or []
        members = self._cast.update(query) or []
        # Each match counts, and the first MARKED of the film are marked where these spans
        # say: found once, here, and not again by the widget that shows the unit. The rest
        # are counted, not spanned: "a" in 8 MiB of prose is millions.
        folded = normalize_query(query)
        spans: list[list[Span]] = []
        counts: list[int] = []
        left = MARKED
        for unit in units:
            text = self._texts[unit]
            found = match_spans(text, folded, limit=left) if left else []
            left -= len(found)
            spans.append(found)
            counts.append(len(found) if left else
                          count_spans(text, folded, self._units.haystacks[unit]))
        return Results(units, self.sections, members, spans, counts)

    def text(self, unit: int) -> str:
        return self._texts[unit]
