"""A text's lines as drawn: where each wrapped line starts in the text, and a line turned
into styled content only when it is asked for (a long text costs what its view costs)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from textual.content import Content, Span

SHORT = 256  # letters: a span longer than this is looked at for every line


def line_starts(text: str, lines: Sequence[Content]) -> list[int] | None:
    """Where each wrapped line of *text* starts in it: wrapping only drops white space
    between lines. None where a line is not found so (tabs expanded, say)."""
    starts, at = [], 0
    for line in lines:
        start = text.find(line.plain, at)
        if start < 0 or text[at:start].strip():
            return None
        starts.append(start)
        at = start + len(line.plain)
    return starts


class LazyLines:
    """The styled text of a widget and where its lines break, turning a line into styled
    content only when it is asked for: the spans of a line are found by bisection, not by
    looking at all of them."""

    def __init__(self, width: int, styled: Content, lines: list[Content],
                 starts: list[int] | None) -> None:
        self.width = width
        self._lines: dict[int, Content] = {}
        if starts is None:  # the breaks are not known: wrap the styled text as a whole
            self._lines = dict(enumerate(styled.wrap(width)))
            self._count = len(self._lines)
            return
        self._count = len(lines)
        self._plain = [line.plain for line in lines]
        self._starts = starts
        # Spans by where they start, each with its place in the text's own order (a later
        # span is drawn over an earlier one: a find mark over a link).
        spans = sorted((span.start, number, span) for number, span in enumerate(styled.spans))
        self._short = [(number, span) for _, number, span in spans
                       if span.end - span.start <= SHORT]
        self._short_starts = [span.start for _, span in self._short]
        self._long = [(number, span) for _, number, span in spans
                      if span.end - span.start > SHORT]

    def __len__(self) -> int:
        return self._count

    def line(self, y: int) -> Content:
        if y not in self._lines:
            start, text = self._starts[y], self._plain[y]
            end = start + len(text)
            first = bisect_left(self._short_starts, start - SHORT)
            last = bisect_left(self._short_starts, end)
            found = [(number, span) for number, span in self._short[first:last]
                     if span.end > start]
            found += [(number, span) for number, span in self._long
                      if span.start < end and span.end > start]
            self._lines[y] = Content(text, [
                Span(max(span.start, start) - start, min(span.end, end) - start, span.style)
                for _, span in sorted(found, key=lambda item: item[0])],
                strip_control_codes=False)
        return self._lines[y]
