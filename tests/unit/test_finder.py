"""The find's knowledge without an App: given widgets that show text (anything Findable), it
counts, steps and marks."""

from __future__ import annotations

from collections.abc import Sequence

from lvtui.text.folding import Narrowing
from lvtui.ui.find.finder import FilmFind


class Rows:
    """A Findable with no Textual in it: rows of text, and what it was asked to mark."""

    findable = True

    def __init__(self, *texts: str) -> None:
        self.texts = list(texts)
        self.marked: tuple[str, list[int], int | None, int] | None = None

    def find_texts(self) -> list[str]:
        return self.texts

    def mark_found(self, query: str, rows: Sequence[int], current: int | None,
                   occurrence: int = 0,
                   spans: Sequence[Sequence[tuple[int, int]]] | None = None) -> None:
        self.marked = (query, list(rows), current, occurrence)

    def reveal_found(self, row: int) -> None:
        raise AssertionError("the find marks; revealing is the bar's, on screen")


def test_the_find_counts_steps_and_marks_in_what_it_is_given() -> None:
    plot, notes, copy = Rows("Ben drinks.", "Sera meets Ben, and Ben"), Rows("Ben"), Rows("Ben")
    copy.findable = False  # a copy of text shown elsewhere: not counted twice
    find = FilmFind()
    find.build([("plot", plot), ("production", notes), ("production", copy)], Narrowing(list))
    assert find.search("BÉN")  # any case, any accents; there being matches changed
    assert find.words() == "4 matches · plot 3 · production 1"
    hit = find.step(1, "production")  # from the section shown on
    assert (hit.section, find.shown_at(hit)) == ("production", (notes, 0))
    hit = find.step(1, "production")  # on past the end: round to the first
    assert (hit.section, find.shown_at(hit), hit.occurrence) == ("plot", (plot, 0), 0)
    find.step(1, "plot")
    hit = find.step(1, "plot")  # the second match in the second row
    assert (find.shown_at(hit), hit.occurrence) == ((plot, 1), 1)
    assert find.words() == "3 of 4 · plot 3 · production 1"
    find.mark()
    assert plot.marked == ("ben", [0, 1], 1, 1) and notes.marked == ("ben", [0], None, 1)
    assert copy.marked is None
    assert find.search("nobody") and find.words() == "no match"  # n and N go
    find.mark()
    assert plot.marked is not None and plot.marked[:2] == ("nobody", [])  # no row marked
