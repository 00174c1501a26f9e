"""Matching names and texts: case- and accent-insensitive, pure functions, no UI.

A query matches a text when every word of its folded form is a substring of the folded
text (a cast member's: actor, role or credited-as name): "cage ben" finds Cage as Ben
Sanderson, "bartender 3" finds "Bartender #3 in Biker Bar", and punctuation typed between
words is ignored. A query
of punctuation alone is looked for as it is. Folding (NFKD, combining marks dropped,
casefolded) keeps a map back to the original characters, so the UI can highlight exactly
what matched.
"""

from __future__ import annotations

import heapq
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import islice, takewhile

Span = tuple[int, int]


def fold(text: str) -> str:
    """The form two names are compared in: "Zoë" and "ZOE" both fold to "zoe"."""
    if text.isascii():
        return text.lower()  # the common case, and far cheaper than the general one
    return fold_with_map(text)[0]


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=4096)
def fold_with_map(text: str) -> tuple[str, tuple[int, ...]]:
    """Fold *text*, and say for each folded character which original character it came from."""
    folded: list[str] = []
    origin: list[int] = []
    at = 0
    # Runs of ASCII fold a letter to a letter in place: only the rest goes letter by
    # letter (a 100,000-letter name with one accent in it takes milliseconds, not a second).
    for run in _NON_ASCII.finditer(text):
        folded.append(text[at:run.start()].lower())
        origin.extend(range(at, run.start()))
        for index in range(run.start(), run.end()):
            for part in unicodedata.normalize("NFKD", text[index]):
                if unicodedata.combining(part):
                    continue
                for out in part.casefold():
                    folded.append(out)
                    origin.append(index)
        at = run.end()
    folded.append(text[at:].lower())
    origin.extend(range(at, len(text)))
    return "".join(folded), tuple(origin)


_WORD = re.compile(r"\w+")


def query_words(query: str) -> list[str]:
    """The words of a folded query, each to be found; punctuation alone is one word."""
    return _WORD.findall(query) or ([query] if query.strip() else [])


def match_spans(text: str, query: str, within: int | None = None,
                limit: int | None = None) -> list[Span]:
    """Where the words of *query* (already folded) occur in *text*, as sorted spans of
    the original text.

    With *within*, only matches starting in the first *within* characters: a cell shows
    a few dozen of them, and "aaa" in a name of 100,000 a's would be 33,333 spans. With
    *limit*, the first *limit* of them: a plot can hold millions (see :func:`count_spans`).
    """
    spans = _merged(text, query)
    if within is not None:
        spans = takewhile(lambda span: span[0] < within, spans)
    return list(islice(spans, limit))


def count_spans(text: str, query: str, folded: str | None = None) -> int:
    """How many spans :func:`match_spans` would give, without making them: for one word,
    the text's own count (millions in milliseconds). *folded*: the text folded already
    (a find's index holds every text folded: folding again, with the map back, is what
    took a key 1.5 s on thousands of paragraphs with an accent in each)."""
    haystack = _haystack(text)[0] if folded is None else folded
    words = query_words(query)
    if len(words) == 1 and words[0]:
        return haystack.count(words[0])
    return sum(1 for _ in _merged_in(haystack, None, query))


def nth_span(text: str, query: str, number: int) -> Span | None:
    """The span *number* (from 0) that :func:`match_spans` would give, if there is one."""
    return next(islice(_merged(text, query), number, None), None)


def _merged(text: str, query: str) -> Iterator[Span]:
    """The spans of every word of *query* in *text*, in order, those that overlap made one
    ("sh" and "shue" both match: one highlight, not two)."""
    return _merged_in(*_haystack(text), query)


def _merged_in(haystack: str, origin: tuple[int, ...] | None, query: str) -> Iterator[Span]:
    words = dict.fromkeys(query_words(query))  # a word typed twice is one
    spans = heapq.merge(*(_word_spans(haystack, origin, word) for word in words if word))
    merged: Span | None = None
    for start, end in spans:
        if merged is not None and start < merged[1]:
            merged = (merged[0], max(end, merged[1]))
            continue
        if merged is not None:
            yield merged
        merged = (start, end)
    if merged is not None:
        yield merged


def _haystack(text: str) -> tuple[str, tuple[int, ...] | None]:
    """*text* folded, and (unless it is ASCII, folded letter for letter) where each folded
    letter came from."""
    if text.isascii():
        return text.lower(), None
    return fold_with_map(text)


def _word_spans(haystack: str, origin: tuple[int, ...] | None, word: str) -> Iterator[Span]:
    """Where *word* is in the folded *haystack*, as spans of the text it was folded from
    (*origin*: where each folded letter came from; None, letter for letter)."""
    start = haystack.find(word)
    while start != -1:
        end = start + len(word)
        yield (start, end) if origin is None else (origin[start], origin[end - 1] + 1)
        start = haystack.find(word, end)


class Narrowing:
    """Live filtering of texts, query by query: the indices of the texts holding every
    word of the query.

    While the person types, each query extends the one before, so its matches are a
    subset of the previous matches and only those are checked again. Every query of that
    chain is kept, so deleting letters (backspace) goes back to answers already known
    instead of searching everything again.
    """

    def __init__(self, texts: Callable[[], list[str]]) -> None:
        self._texts = texts  # made when first needed: folding 100,000 names takes a while
        self._haystacks: list[str] | None = None
        # Folding may run in a thread (after the first frame) while a key asks for it: the
        # key then waits for that fold instead of doing it again.
        self._folding = threading.Lock()
        self._chain: list[tuple[str, list[int]]] = []  # each query extends the one before
        self._query = ""

    @property
    def query(self) -> str:
        return self._query

    def prepare(self) -> None:
        """Fold every text now (e.g. in a thread), not on the first key pressed."""
        with self._folding:
            if self._haystacks is None:
                self._haystacks = self._texts()

    @property
    def haystacks(self) -> list[str]:
        """The folded texts (another search over the same texts can share them)."""
        self.prepare()
        assert self._haystacks is not None
        return self._haystacks

    def update(self, text: str) -> list[int] | None:
        """Set the query; return the matching indices, or None when it is empty."""
        query = normalize_query(text)
        self._query = query
        # Narrow from the last query this one extends; not from punctuation alone, which is
        # looked for as it is, so "#" then "#a" (the word "a") is not a narrowing.
        while self._chain and not (query.startswith(self._chain[-1][0])
                                   and (query == self._chain[-1][0]
                                        or _WORD.search(self._chain[-1][0]))):
            self._chain.pop()
        if not query:
            return None
        if self._chain and self._chain[-1][0] == query:
            return self._chain[-1][1]
        self.prepare()
        assert self._haystacks is not None
        haystacks = self._haystacks
        # A query that extends the one before matches a subset of its matches: each word
        # before the last is kept, and the last only grows or gains words after it.
        words = query_words(query)
        if self._chain:
            matches, rest = self._chain[-1][1], words
        else:  # the first word against every text, in one pass (a first key: 100,000 names)
            first, rest = words[0], words[1:]
            matches = [index for index, haystack in enumerate(haystacks) if first in haystack]
        # A word at a time, each pass over what is left: no generator per text, which cost
        # most of a first key at 100,000 names.
        for word in rest:
            matches = [index for index in matches if word in haystacks[index]]
        self._chain.append((query, matches))
        return matches


def normalize_query(text: str) -> str:
    """Fold a typed query; the field separator can never be part of one."""
    # Stripped once folded: "´" folds to a space, which is no query.
    return fold(text.replace("\x00", "")).strip()
