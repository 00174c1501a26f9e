"""What the find (ctrl+f) knows: what it looks in, what a query found, the match shown, and
the marks in the widgets that show the text. No App needed: it is given the widgets that
offer their text (the Findable protocol of lvtui.ui.widgets.linked), row by row, and the
cast as a search (the cast pane's own, whose folded names are shared). The bar
(lvtui.ui.find.bar) takes the keys and moves to each match.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lvtui.reading.finding import FindIndex, Hit, Results
from lvtui.text.folding import Narrowing, normalize_query, nth_span
from lvtui.ui.widgets.linked import Findable


class FilmFind:
    """One film's find: its index, made once the panes are whole; where each of the index's
    units is shown (a widget and its row); what the last query found; the match shown."""

    def __init__(self) -> None:
        self.index: FindIndex | None = None
        self._shown_in: list[tuple[Findable, int]] = []
        self._marked: set[Findable] = set()  # the widgets with marks drawn
        self.found: Results | None = None
        self.query = ""
        self.hit: Hit | None = None

    def build(self, shown: Iterable[tuple[str, Findable]], cast: Narrowing) -> FindIndex:
        """The index of every text *shown* (section, widget), in reading order, and the
        cast."""
        units: list[tuple[str, str]] = []
        for section, widget in shown:
            if widget.findable:
                for row, text in enumerate(widget.find_texts()):
                    units.append((section, text))
                    self._shown_in.append((widget, row))
        self.index = FindIndex(units, cast)
        return self.index

    def search(self, text: str) -> bool:
        """Find *text*; whether there being any match changed (n and N come or go)."""
        assert self.index is not None, "the index is built before the first search"
        had_matches = bool(self.found)
        self.found = self.index.find(text)
        self.query = normalize_query(text)
        return bool(self.found) != had_matches

    def step(self, step: int, section: str) -> Hit:
        """The next match from the one shown (or from *section*); step -1: the one before."""
        assert self.found, "a step needs a match"
        self.hit = self.found.next(self.hit, step, section)
        return self.hit

    def shown_at(self, hit: Hit) -> tuple[Findable, int] | None:
        """The widget and row that show *hit*, unless it is a cast member."""
        return self._shown_in[hit.unit] if hit.unit is not None else None

    def mark(self, query: str | None = None) -> None:
        """Mark every match (with *query* "", none) in the widgets, the shown one standing
        out."""
        found = self.found
        query = self.query if query is None else query
        # The widgets marked before, to be cleared unless marked again: not every widget of
        # the film (8 MiB of prose is thousands of paragraphs, each asked on every key).
        rows: dict[Findable, list[int]] = {widget: [] for widget in self._marked}
        spans: dict[Findable, list[Sequence[tuple[int, int]]]] = {w: [] for w in rows}
        occurrence = self.hit.occurrence if self.hit is not None else 0
        if found is not None and query:
            assert self.index is not None, "what was found, was found in the index"
            for unit in found.units:
                widget, row = self._shown_in[unit]
                marked = found.spans(unit) or ()
                if self.hit is not None and self.hit.unit == unit and occurrence >= len(marked):
                    # Shown, past the matches marked: found now, and marked as the one shown.
                    shown = nth_span(self.index.text(unit), self.query, occurrence)
                    marked, occurrence = [*marked, *([shown] if shown else [])], len(marked)
                if marked:  # counted only (past the first MARKED): nothing to draw
                    rows.setdefault(widget, []).append(row)
                    spans.setdefault(widget, []).append(marked)
        current = self.shown_at(self.hit) if self.hit is not None and query else None
        for widget, matched in rows.items():
            widget.mark_found(query, matched,
                              current[1] if current and current[0] is widget else None,
                              occurrence, spans[widget])
        self._marked = {widget for widget, matched in rows.items() if matched}

    def words(self) -> str:
        """What the bar says: "3 of 12 · …", "12 matches · …", "no match" or nothing."""
        found = self.found
        if found is None or not self.query:
            return ""
        if not found:
            return "no match"
        at = found.position(self.hit) if self.hit is not None else None
        head = f"{at + 1:,} of {len(found):,}" if at is not None else \
            f"{len(found):,} match{'es' if len(found) > 1 else ''}"
        return f"{head} · {found.summary()}"
