"""Back and forward, as a web browser has them: the places visited, and where you were in
each. Pure bookkeeping, no UI: the app keeps one history of places across every film open,
and a film's screen says where it is and shows a place again.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Generic, TypeVar


@dataclass(frozen=True)
class Place:
    """Where the reader is: a film, a section of it, the card open over it, and their place
    in it."""

    film: str  # the film, as the app names it
    section: str
    card: str | None = None  # the id of the person or organisation whose card is open
    scroll: float = 0  # the section's scroll position
    member: int | None = None  # the cast member under the list's cursor
    focus: str | None = None  # the id of the widget that had focus


T = TypeVar("T")


class History(Generic[T]):
    """Two stacks: going somewhere new pushes where you were and forgets the way forward."""

    def __init__(self, limit: int = 100) -> None:
        self._back: deque[T] = deque(maxlen=limit)  # the oldest fall off the far end
        self._forward: list[T] = []

    def left(self, place: T) -> None:
        """The reader leaves *place* for somewhere new."""
        if self._back and self._back[-1] == place:
            return  # the same place twice in a row is one step, not two
        self._back.append(place)
        self._forward.clear()

    def back(self, current: T) -> T | None:
        """Where going back leads, from *current*; None at the start."""
        if not self._back:
            return None
        self._forward.append(current)
        return self._back.pop()

    def forward(self, current: T) -> T | None:
        """Where going forward leads, from *current*; None at the end."""
        if not self._forward:
            return None
        self._back.append(current)
        return self._forward.pop()

    @property
    def can_go_back(self) -> bool:
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        return bool(self._forward)
