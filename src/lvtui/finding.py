"""Find across the whole film: which texts hold every word of a query, section by section.
Pure: no UI here. The UI says what the texts are and shows where they are.

The texts are the film's, unit by unit (a paragraph, a fact, an event, a table row), each
with the section that shows it; the cast, which may be 100,000 members long, is searched
as the cast search searches it. The word rule is the cast search's: case and accents do not
matter, every word must be found, in any order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from lvtui.search import CastSearch, Narrowing, fold
from lvtui.sections import SECTION_IDS, SECTIONS

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.people import CastRow

CAST = "cast"


class Hit(NamedTuple):
    """A match: a unit of text, or a cast member (by their index in the cast)."""

    section: str
    unit: int | None = None
    member: int | None = None


class Results:
    """Every match, in reading order: the sections in order, each top to bottom."""

    def __init__(self, units: list[int], sections: Sequence[str], members: list[int]) -> None:
        self._units = units
        self._sections = sections  # the section of each unit of the index
        self._members = members
        cast_at = SECTION_IDS.index(CAST)
        # Units are in section order: those before the cast come before its members.
        self._split = sum(1 for unit in units if SECTION_IDS.index(sections[unit]) < cast_at)

    def __len__(self) -> int:
        return len(self._units) + len(self._members)

    @property
    def units(self) -> list[int]:
        """The units that match, by their number in the index."""
        return self._units

    def __getitem__(self, number: int) -> Hit:
        if not 0 <= number < len(self):
            raise IndexError(number)
        if number < self._split:
            unit = self._units[number]
            return Hit(self._sections[unit], unit=unit)
        if number < self._split + len(self._members):
            return Hit(CAST, member=self._members[number - self._split])
        unit = self._units[number - len(self._members)]
        return Hit(self._sections[unit], unit=unit)

    def counts(self) -> dict[str, int]:
        """How many matches each section has, in section order, leaving out the ones
        with none."""
        counts = dict.fromkeys(SECTION_IDS, 0)
        for unit in self._units:
            counts[self._sections[unit]] += 1
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
        return at if at < self._split else at + len(self._members)

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
        return Results(units, self.sections, members)
