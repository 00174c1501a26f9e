"""Cleaning untrusted strings before they can reach a terminal.

Every string in a film file passes through :func:`clean` exactly once, when the model
is validated. What it removes could otherwise drive the terminal (escape sequences:
clipboard writes, window titles, hyperlinks, cursor moves), hide or reorder text
(bidi overrides and isolates) or break encoders (lone surrogates). Everything else,
CJK, emoji with joiners, combining marks and right-to-left letters, is kept.

No textual import here, ever: this module is shared by the loader and the UI.
"""

from __future__ import annotations

import re

# ESC-introduced and 8-bit C1-introduced sequences. Order matters: the string
# sequences (OSC, DCS, SOS, PM, APC) swallow everything up to their terminator,
# or to the end of the text when it never comes, as a terminal would.
_ST = r"(?:\x1b\\|\x9c|\x07)"
_STRING_SEQUENCE = rf"(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[\s\S]*?(?:{_ST}|\Z)"
_CSI = r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
# Any other escape: ESC, intermediate bytes, one final byte (ESC c, ESC ( B, ESC 7...).
_OTHER_ESCAPE = r"\x1b[ -/]*[0-~]"
_SEQUENCES = re.compile(f"{_STRING_SEQUENCE}|{_CSI}|{_OTHER_ESCAPE}")

# C0 controls except newline (tab is turned into a space first), DEL, C1 controls,
# bidi embeddings/overrides (U+202A..U+202E) and isolates (U+2066..U+2069),
# and lone surrogates (a valid str never holds a surrogate pair).
_SINGLES = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean(value: str) -> str:
    """Return *value* without escape sequences, controls, bidi overrides or surrogates.

    Idempotent: ``clean(clean(s)) == clean(s)``; newlines are kept, tabs become spaces.
    """
    if _SINGLES.search(value) is None:
        # Nothing to remove: every sequence starts with ESC or a C1 control.
        return value
    value = _SEQUENCES.sub("", value)
    value = value.replace("\t", " ")
    return _SINGLES.sub("", value)


_LINE_BREAKS = re.compile("[\n\u2028\u2029]")


def one_line(value: str) -> str:
    """*value* cleaned, its line breaks made spaces: for outputs that promise one line per
    item (a title with a line break in it would otherwise forge a line of its own)."""
    return _LINE_BREAKS.sub(" ", clean(value))


def shorten(value: str, limit: int = 60) -> str:
    """Clean *value* and cut it to about *limit* characters, for quoting in messages."""
    value = one_line(value)
    if len(value) <= limit:
        return value
    return value[: limit - 1] + "…"
