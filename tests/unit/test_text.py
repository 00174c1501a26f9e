"""The cleaner: escape sequences, controls and bidi overrides out; all other text kept."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lvtui.text.clean import clean, shorten

FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        ("a\x1b[31mred\x1b[0m", "ared"),  # CSI, 7-bit
        ("a\x9b31mred", "ared"),  # CSI, 8-bit
        ("a\x1b]0;title\x07b", "ab"),  # OSC window title, BEL-terminated
        ("a\x1b]52;c;aGk=\x1b\\b", "ab"),  # OSC 52 clipboard, ST-terminated
        ("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"),  # OSC 8 hyperlink
        ("a\x9d0;title\x9cb", "ab"),  # OSC, 8-bit, 8-bit ST
        ("a\x1bPqpayload\x1b\\b", "ab"),  # DCS
        ("a\x90payload\x9cb", "ab"),  # DCS, 8-bit
        ("a\x1bXsos\x1b\\b", "ab"),  # SOS
        ("a\x1b^pm\x1b\\b", "ab"),  # PM
        ("a\x1b_apc\x1b\\b", "ab"),  # APC
        ("a\x9fapc\x9cb", "ab"),  # APC, 8-bit
        ("a\x1b]0;never ends", "a"),  # an unterminated string sequence runs to the end
        ("a\x1bcb", "ab"),  # RIS: a full reset
        ("a\x1b(Bb", "ab"),  # charset designation
        ("tab\there", "tab here"),
        ("line\nbreak", "line\nbreak"),
        ("nul\x00 bel\x07 bs\x08 cr\r del\x7f", "nul bel bs cr del"),
        ("c1\x85\x8d\x9a", "c1"),
        ("bidi\u202eevil\u202c", "bidievil"),
        ("iso\u2066late\u2069", "isolate"),
        ("lone\ud800surrogate", "lonesurrogate"),
    ],
)
def test_removes(dirty: str, expected: str) -> None:
    assert clean(dirty) == expected


@pytest.mark.parametrize(
    "kept",
    [
        "東京物語",  # CJK
        "👩‍👩‍👧‍👦 family",  # emoji with zero-width joiners
        "e\u0301 Zoë Ångström",  # combining marks, precomposed accents
        "שלום עולם مرحبا",  # right-to-left letters
        "[b]not bold[/b] [@click=app.quit]x[/]",  # markup is text, shown as such elsewhere
        "",
    ],
)
def test_keeps_ordinary_text(kept: str) -> None:
    assert clean(kept) == kept


@given(st.text())
def test_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once) == once


@given(st.text())
def test_output_has_no_forbidden_characters(text: str) -> None:
    assert FORBIDDEN.search(clean(text)) is None


_SAFE = st.characters(
    blacklist_categories=("Cc", "Cs"),
    blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)


@given(st.text(alphabet=_SAFE))
def test_other_text_is_kept(text: str) -> None:
    assert clean(text) == text


@given(st.text(alphabet=_SAFE), st.text(alphabet=_SAFE))
def test_text_around_a_sequence_is_kept(before: str, after: str) -> None:
    assert clean(f"{before}\x1b[1;31m{after}") == before + after


def test_shorten_cuts_and_cleans() -> None:
    assert shorten("x" * 100) == "x" * 59 + "…"
    assert shorten("a\x1b[2Jb\nc") == "ab c"
    assert len(shorten("y" * 100_000)) == 60
    assert unicodedata.category(shorten("\x07")[:1] or "a") != "Cc"
