"""What "nothing got through" means, for text on a screen and for text on stderr."""

from __future__ import annotations

import re

from hostile.corpus import MARKER

# C0 controls except newline, DEL, C1 controls, bidi embeddings/overrides/isolates and
# lone surrogates: none of these may ever be drawn or printed.
FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def assert_nothing_got_through(text: str) -> None:
    """No forbidden character, and no trace of a payload that had to vanish."""
    found = FORBIDDEN.search(text)
    assert found is None, f"forbidden {found.group()!r} in {text[max(0, found.start() - 40):][:80]!r}"
    assert MARKER not in text
