"""Properties over inputs nobody would write by hand (hypothesis).

- Any bytes at all, and any corruption of a valid file, give a Film or a FilmError.
- Any text in every text field of a valid film loads, and every section renders it
  without an exception and without a forbidden character on screen.
- Any text typed or pasted into the cast search is handled like any other query.
"""

from __future__ import annotations

import asyncio
import copy
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events
from textual.keys import _character_to_key

from helpers import lean, screen_text
from hostile.checks import assert_nothing_got_through
from hostile.corpus import SHIPPED, encode, set_at, text_fields
from lvtui.film.loading import FilmError, load_film, parse_film
from lvtui.film.model import Film
from lvtui.reading.cast import search_cast
from lvtui.shelf.settings import SettingsStore
from lvtui.ui.app import FilmApp
from lvtui.ui.screens.person_card import PersonCard

SHIPPED_BYTES = encode(SHIPPED)
FILM = parse_film(SHIPPED_BYTES)
SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=8)

# Pieces a hostile author would reach for, mixed into arbitrary characters.
HOSTILE_PIECES = st.sampled_from([
    "\x1b[", "\x1b]", "\x1b]52;c;", "\x1b]8;;https://evil.example/h\x1b\\", "\x1bP", "\x9b",
    "\x9d", "\x07", "\x1b\\", "\x00", "\r", "\t", "\n", "\u202e", "\u2066", "\ud800",
    "[b]", "[/]", "[@click=app.bait('h')]", "[link=https://evil.example/h]", ":smile:",
    "$accent", "👩‍👩‍👧", "e\u0301", "東京", "שלום",
])
HOSTILE_TEXT = st.lists(st.one_of(st.characters(), HOSTILE_PIECES), max_size=40).map("".join)
# What can be typed: a terminal sends control characters as keys (tab moves the focus,
# enter submits), so typed text is everything else; a paste may hold anything.
TYPED_TEXT = st.lists(
    st.one_of(st.characters(exclude_categories=("Cc", "Cs")),
              HOSTILE_PIECES.filter(lambda piece: piece.isprintable())),
    max_size=40,
).map("".join)


def parse_or_refuse(data: bytes) -> Film | None:
    try:
        return parse_film(data, "hypothesis.json")
    except FilmError as error:
        assert error.problems and all(error.lines())
        return None


@given(st.binary(max_size=4096))
def test_any_bytes_give_a_film_or_a_film_error(data: bytes) -> None:
    parse_or_refuse(data)


@given(st.data())
def test_any_corruption_of_a_valid_file_gives_a_film_or_a_film_error(data: st.DataObject) -> None:
    corrupted = bytearray(SHIPPED_BYTES)
    for _ in range(data.draw(st.integers(1, 8), label="changes")):
        at = data.draw(st.integers(0, len(corrupted) - 1), label="at")
        action = data.draw(st.sampled_from(["replace", "delete", "insert"]), label="action")
        byte = data.draw(st.integers(0, 255), label="byte")
        if action == "replace":
            corrupted[at] = byte
        elif action == "delete":
            del corrupted[at]
        else:
            corrupted.insert(at, byte)
    parse_or_refuse(bytes(corrupted))


@st.composite
def films_with_hostile_text(draw: st.DrawFn) -> dict[str, Any]:
    """The shipped film with arbitrary text in every free-text and name field."""
    texts, names = text_fields()
    document = copy.deepcopy(SHIPPED)
    for path in texts:
        set_at(document, path, draw(HOSTILE_TEXT))
    for path in names:
        set_at(document, path, "n" + draw(HOSTILE_TEXT))  # a name needs something visible
    return document


async def visit_everything(app: FilmApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        for number in range(1, 8):
            await pilot.press(str(number))
            assert_nothing_got_through(screen_text(app))
        await pilot.press("3", "enter")
        assert isinstance(app.screen, PersonCard)
        assert_nothing_got_through(screen_text(app))


@pytest.mark.long
@settings(SLOW, max_examples=3)  # each example starts an app and draws every section
@given(films_with_hostile_text())
def test_any_text_in_every_field_loads_and_renders(document: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "film.json"
        # ensure_ascii: lone surrogates can only reach a file as \ud800 escapes.
        path.write_text(json.dumps(document, ensure_ascii=True), encoding="ascii")
        film = load_film(path)
        app = FilmApp(film, settings=SettingsStore(Path(directory) / "settings.json"))
        asyncio.run(visit_everything(lean(app)))


async def type_and_paste(app: FilmApp, entries: list[tuple[str, str]]) -> None:
    """One app, as one person would use it: search after search, each typed in one burst,
    a paste on top, then escape."""
    async with app.run_test(size=(100, 30)) as pilot:
        for typed, pasted in entries:
            await pilot.press("slash")
            box = app.film_screen.cast_pane.search_box
            for character in typed:  # as a terminal reports them, all in one burst
                app.post_message(events.Key(_character_to_key(character), character))
            await pilot.pause()
            app.post_message(events.Paste(pasted))
            await pilot.pause()
            shown = [app.film_screen.cast[index] for index in app.film_screen.cast_pane.table.rows]
            assert shown == [app.film_screen.cast[index]
                             for index in search_cast(app.film_screen.cast, box.value)]
            assert_nothing_got_through(screen_text(app))
            await pilot.press("escape")
            assert box.value == ""
            assert len(app.film_screen.cast_pane.table.rows) == len(app.film_screen.cast)


# A few examples, each a whole session of up to five searches: one app start per example.
@pytest.mark.long
@settings(SLOW, max_examples=4)
@given(entries=st.lists(st.tuples(TYPED_TEXT, HOSTILE_TEXT), min_size=1, max_size=5))
def test_any_text_typed_or_pasted_into_the_search(entries: list[tuple[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as directory:
        app = FilmApp(FILM, settings=SettingsStore(Path(directory) / "settings.json"))
        asyncio.run(type_and_paste(lean(app), entries))
