"""The hostile corpus: film files built to break lvtui, each with the outcome it must get.

The files live in ``tests/hostile/corpus/`` so that a person can try them by hand
(``lvtui validate tests/hostile/corpus/*``, ``lvtui tests/hostile/corpus/markup.json``).
They are written by this module (``python tests/hostile/corpus.py``), and a test checks
that the files on disk are exactly what it writes, so the corpus and its expectations
cannot drift apart.

Every payload that must vanish carries the marker ``PWNED``: if that word ever reaches
a screen, a terminal or an error message, a sequence got through.
"""

from __future__ import annotations

import copy
import functools
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lvtui.film.loading import shipped_film_path
from lvtui.film.model import Film
from lvtui.system.exits import Exit

CORPUS = Path(__file__).resolve().parent / "corpus"
SHIPPED: dict[str, Any] = json.loads(shipped_film_path().read_text(encoding="utf-8"))

MARKER = "PWNED"
EVIL_URL = "https://evil.example/"

# Markup of every kind Rich and Textual understand. None of it has a space, so each
# token stays on one screen line when text wraps, and can be looked for as it is.
MARKUP_TOKENS = (
    "[b]bold[/b]",
    "[@click=app.bait('data')]CLICKME[/]",
    "[@click=app.quit]QUIT[/]",
    f"[link={EVIL_URL}markup]LINKME[/link]",
    "[link='https://evil.example/quoted']Q[/link]",
    "[/]",
    "[/b]",
    "[red_on_blue]rb[/]",
    "[reverse]rev[/reverse]",
    "[$accent]var[/]",
    "$accent",
    "\\[escaped]",
    ":smile:",
    "[on_#ff0000]bg[/]",
)

# (sequence, what it leaves behind). Each is placed between «n» markers, so the cleaned
# text reads «0»«1»«2»... exactly when every sequence vanished and nothing else did.
ESCAPES_7BIT = (
    ("\x1b[31m", ""),  # CSI: colour
    (f"\x1b]0;{MARKER}-title\x07", ""),  # OSC 0: window title, BEL-terminated
    (f"\x1b]2;{MARKER}-title\x1b\\", ""),  # OSC 2: window title, ST-terminated
    ("\x1b]52;c;UFdORUQtY2xpcA==\x07", ""),  # OSC 52: clipboard write ("PWNED-clip")
    (f"\x1b]8;;{EVIL_URL}osc8\x1b\\\x1b]8;;\x1b\\", ""),  # OSC 8: hyperlink
    (f"\x1bP+q{MARKER}\x1b\\", ""),  # DCS
    (f"\x1bX{MARKER}\x1b\\", ""),  # SOS
    (f"\x1b^{MARKER}\x1b\\", ""),  # PM
    (f"\x1b_{MARKER}\x1b\\", ""),  # APC
    ("\x1b[6n", ""),  # CSI: device status report (the terminal would answer)
    ("\x1b[21t", ""),  # CSI: report window title
    ("\x1b[8;1;1t", ""),  # CSI: resize the window
    ("\x1b[3J", ""),  # CSI: erase the scrollback
    ("\x1bc", ""),  # RIS: full reset
    ("\x1b(0", ""),  # line-drawing character set
    ("\x1b7", ""),  # save cursor
)
ESCAPES_8BIT = (
    ("\x9b31m", ""),  # CSI
    (f"\x9d0;{MARKER}-title\x9c", ""),  # OSC, 8-bit ST
    (f"\x9d52;c;{MARKER}\x07", ""),  # OSC 52
    (f"\x90{MARKER}\x9c", ""),  # DCS
    (f"\x98{MARKER}\x9c", ""),  # SOS
    (f"\x9e{MARKER}\x9c", ""),  # PM
    (f"\x9f{MARKER}\x9c", ""),  # APC
    ("\x9b6n", ""),  # CSI: device status report
    ("\x85\x8d\x8e\x8f", ""),  # NEL, RI, SS2, SS3
)
CONTROLS = (
    ("\x00", ""),
    ("\x07", ""),
    ("\x08", ""),
    ("\r", ""),
    ("\x0b\x0c", ""),
    ("\x7f", ""),
    ("\x1b", ""),  # a lone ESC
    ("\t", " "),
)
BIDI = tuple((chr(code), "") for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
UNTERMINATED = f"\x1b]0;{MARKER}-never-terminated"  # swallows the rest of its string

# Text that must come through untouched, each token without a space.
WIDE_TOKENS = (
    "東京物語",  # CJK, two cells each
    "라스베이거스",  # Hangul
    "👩‍👩‍👧",  # emoji joined by ZWJ
    "🎬🥃",
    "e\u0301te\u0301",  # combining acute accents
    "שלום",  # Hebrew, right to left
    "مرحبا",  # Arabic, right to left
    "Z\u0324\u0354\u0367\u0311\u0313",  # stacked combining marks
)


def framed(pieces: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    """(dirty, clean): every piece between «n» markers, and what must remain of it."""
    dirty = "".join(f"«{n}»{sequence}" for n, (sequence, _) in enumerate(pieces))
    kept = "".join(f"«{n}»{left}" for n, (_, left) in enumerate(pieces))
    return dirty + f"«{len(pieces)}»", kept + f"«{len(pieces)}»"


# -- finding the free-text fields of a film ----------------------------------------------


def _string_paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _string_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _string_paths(item, (*path, index))


def get_at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def set_at(document: Any, path: tuple[Any, ...], value: Any) -> None:
    get_at(document, path[:-1])[path[-1]] = value


def _accepts(document: Any, path: tuple[Any, ...], value: str) -> bool:
    """Whether the model takes *value* at *path* of *document* (left as it was found:
    validating reads the document, and one copy serves every path)."""
    before = get_at(document, path)
    set_at(document, path, value)
    try:
        Film.model_validate(document)
    except ValueError:
        return False
    finally:
        set_at(document, path, before)
    return True


@functools.cache
def text_fields() -> tuple[tuple[tuple[Any, ...], ...], tuple[tuple[Any, ...], ...]]:
    """(free-text paths, name paths) of the shipped film, asked of the model itself.

    A free-text field takes any string; a name field takes any string with something
    visible in it. Dates and fixed vocabularies (``"won"``) are neither.
    """
    texts, names = [], []
    document = copy.deepcopy(SHIPPED)
    for path in _string_paths(document):
        if _accepts(document, path, ""):
            texts.append(path)
        elif _accepts(document, path, "x"):
            names.append(path)
    return tuple(texts), tuple(names)


def with_every_text(suffix: str) -> dict[str, Any]:
    """The shipped film with *suffix* appended to every free-text and name field."""
    document = copy.deepcopy(SHIPPED)
    texts, names = text_fields()
    for path in (*texts, *names):
        set_at(document, path, f"{get_at(document, path)} {suffix}")
    return document


def encode(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


# -- the cases ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One corpus file and what lvtui must do with it."""

    name: str
    about: str
    build: Callable[[], bytes]
    exit: int = 0
    errors: tuple[str, ...] = ()  # each must appear in what `lvtui validate` prints
    shows: dict[str, tuple[str, ...]] = field(default_factory=dict)  # section -> texts

    @property
    def path(self) -> Path:
        return CORPUS / self.name


def _shipped_with(change: Callable[[dict[str, Any]], None]) -> Callable[[], bytes]:
    def build() -> bytes:
        document = copy.deepcopy(SHIPPED)
        change(document)
        return encode(document)

    return build


def _everything() -> str:
    """Every hostile family in one string: the film the terminal-level test drives."""
    parts = [framed(group)[0] for group in (ESCAPES_7BIT, ESCAPES_8BIT, CONTROLS, BIDI)]
    return " ".join([*MARKUP_TOKENS, *parts, *WIDE_TOKENS, UNTERMINATED])


def _long_strings(document: dict[str, Any]) -> None:
    document["title"] = "T" * 100_000
    document["plot"][0] = "x" * 100_000
    document["people"][0]["name"] = "A" * 100_000
    document["cast"][0]["character"] = "R" * 100_000


def _wrong_types(document: dict[str, Any]) -> None:
    document["year"] = "1995"
    document["title"] = 5
    document["genres"] = "drama"
    document["cast"][1] = ["Elisabeth Shue", "Sera"]
    document["reception"]["box_office"] = True


def _missing_fields(document: dict[str, Any]) -> None:
    del document["title"]
    del document["cast"][0]["person"]
    del document["source_works"][0]["kind"]


def _unknown_fields(document: dict[str, Any]) -> None:
    document["rating"] = 5
    document["cast"][0]["age"] = 31


def _hostile_field_name(document: dict[str, Any]) -> None:
    document[f"\x1b]52;c;{MARKER}\x07[b]evil\u202e\x9b6n"] = 1


def _bad_dates(document: dict[str, Any]) -> None:
    document["source_works"][0]["published"] = "1990-13"
    document["releases"][0]["date"] = "1995-02-30"
    document["soundtrack"]["released"] = "95"
    document["people"][0]["born"] = "1964-1-7"


def _hostile_wrong_value(document: dict[str, Any]) -> None:
    document["year"] = f"\x1b]52;c;{MARKER}\x07[b]1995[/b]\u202e\x00"


def _schema_version_3(document: dict[str, Any]) -> None:
    document["schema_version"] = 3


def _dangling_references(document: dict[str, Any]) -> None:
    document["cast"][2]["person"] = "nobody-at-all"
    document["distribution"][0]["company"] = "mike-figgis"  # a person, not a company
    document["people"].append({"id": document["people"][0]["id"], "name": "Someone Else"})


def _duplicate_keys() -> bytes:
    text = encode(SHIPPED).decode("utf-8")
    return text.replace('"title": ', '"title": "First", "title": ', 1).encode("utf-8")


def _latin1() -> bytes:
    document = copy.deepcopy(SHIPPED)
    document["summary"] = "Un film américain."
    # ASCII JSON everywhere else, so the one é is the only byte that is not UTF-8.
    return json.dumps(document).replace("\\u00e9", "é").encode("latin-1")


def _nan() -> bytes:
    text = encode(SHIPPED).decode("utf-8")
    return text.replace('"average": 7.6', '"average": NaN', 1).encode("utf-8")


def _nul_byte() -> bytes:
    return encode(SHIPPED).replace(b'"Leaving Las Vegas"', b'"Leaving\x00Las Vegas"', 1)


EVERYTHING_PLOT = framed(ESCAPES_7BIT)

CASES: tuple[Case, ...] = (
    # -- valid films: the text is hostile, and must be shown as text ----------------------
    Case(
        "markup.json", "Rich and Textual markup of every kind in every text field",
        lambda: encode(with_every_text(" ".join(MARKUP_TOKENS))),
        shows={"plot": MARKUP_TOKENS, "overview": ("[@click=app.bait('data')]CLICKME[/]",)},
    ),
    Case(
        "escapes-7bit.json", "CSI, OSC 0/2/8/52, DCS, SOS, PM, APC and other ESC sequences",
        lambda: encode(with_every_text(framed(ESCAPES_7BIT)[0])),
        shows={"plot": (framed(ESCAPES_7BIT)[1],)},
    ),
    Case(
        "escapes-8bit.json", "the same families through 8-bit C1 introducers",
        lambda: encode(with_every_text(framed(ESCAPES_8BIT)[0])),
        shows={"plot": (framed(ESCAPES_8BIT)[1],)},
    ),
    Case(
        "controls.json", "C0 controls, NUL, DEL and a lone ESC",
        lambda: encode(with_every_text(framed(CONTROLS)[0])),
        shows={"plot": (framed(CONTROLS)[1].split(" ")[0],)},
    ),
    Case(
        "bidi.json", "bidi embeddings, overrides and isolates",
        lambda: encode(with_every_text(framed(BIDI)[0])),
        shows={"plot": (framed(BIDI)[1],)},
    ),
    Case(
        "unterminated.json", "an OSC that never ends swallows the rest of its own string only",
        lambda: encode(with_every_text(f"kept{UNTERMINATED}")),
        shows={"plot": ("kept",)},
    ),
    Case(
        "wide.json", "CJK, Hangul, emoji with joiners, combining marks, right-to-left letters",
        lambda: encode(with_every_text(" ".join(WIDE_TOKENS))),
        shows={"plot": WIDE_TOKENS},
    ),
    Case(
        "everything.json", "every family at once, in every text field",
        lambda: encode(with_every_text(_everything())),
        shows={"plot": (*MARKUP_TOKENS, *WIDE_TOKENS),
               "overview": ("[@click=app.bait('data')]CLICKME[/]",)},
    ),
    Case(
        "long-strings.json", "100,000-character strings without a space: title, plot, a name",
        _shipped_with(_long_strings),
        shows={"plot": ("x" * 80,), "cast": ("A" * 20,)},
    ),
    Case(
        "bom.json", "a UTF-8 byte order mark before the JSON",
        lambda: b"\xef\xbb\xbf" + encode(SHIPPED),
        shows={"overview": ("Leaving Las Vegas",)},
    ),
    # -- not films: refused with one message per problem ----------------------------------
    Case(
        "wrong-types.json", "a year as a string, a title as a number, a list for a member",
        _shipped_with(_wrong_types), exit=Exit.DATA,
        errors=("$.year: expected a valid integer", "$.title: expected a valid string",
                "$.genres:", "$.cast[1]: expected a JSON object (got a list)",
                "$.reception.box_office:"),
    ),
    Case(
        "missing-fields.json", "no title, a cast credit without a person, a source work of no kind",
        _shipped_with(_missing_fields), exit=Exit.DATA,
        errors=("$.title: required field is missing",
                "$.cast[0].person: required field is missing",
                "$.source_works[0].kind: required field is missing"),
    ),
    Case(
        "unknown-fields.json", "fields the model does not know",
        _shipped_with(_unknown_fields), exit=Exit.DATA,
        errors=("$.rating: unknown field", "$.cast[0].age: unknown field"),
    ),
    Case(
        "hostile-field-name.json", "an unknown field whose name holds OSC 52, markup and bidi",
        _shipped_with(_hostile_field_name), exit=Exit.DATA,
        errors=('$["[b]evil"]: unknown field',),
    ),
    Case(
        "hostile-wrong-value.json", "a wrong value that is itself hostile, quoted in the error",
        _shipped_with(_hostile_wrong_value), exit=Exit.DATA,
        errors=('$.year: expected a valid integer (got "[b]1995[/b]")',),
    ),
    Case(
        "bad-dates.json", "a 13th month, 30 February, a two-digit year, unpadded digits",
        _shipped_with(_bad_dates), exit=Exit.DATA,
        errors=("$.source_works[0].published: month 13", "$.releases[0].date: day 30",
                "$.soundtrack.released:", "$.people[0].born:"),
    ),
    Case(
        "schema-version-3.json", "a schema version this lvtui does not know",
        _shipped_with(_schema_version_3), exit=Exit.DATA,
        errors=("$.schema_version: expected 2 (got 3)",),
    ),
    Case(
        "dangling-references.json", "an id nobody has, a person where a company belongs, "
        "two records with one id",
        _shipped_with(_dangling_references), exit=Exit.DATA,
        errors=('$.cast[2].person: no person or organisation has the id "nobody-at-all"',
                '$.distribution[0].company: "mike-figgis" is a person, not an organisation',
                'the id "nicolas-cage" is used by another record'),
    ),
    Case(
        "duplicate-keys.json", "the same key twice in one object",
        _duplicate_keys, exit=Exit.DATA, errors=('duplicate key "title"',),
    ),
    Case(
        "deep-nesting.json", "100,000 nested arrays",
        lambda: b"[" * 100_000 + b"]" * 100_000, exit=Exit.DATA,
        errors=("nested too deeply",),
    ),
    Case(
        "deep-objects.json", "50,000 nested objects",
        lambda: b'{"a":' * 50_000 + b"1" + b"}" * 50_000, exit=Exit.DATA,
        errors=("nested too deeply",),
    ),
    Case(
        "huge-number.json", "a year with 5,000 digits",
        lambda: encode(SHIPPED).replace(b'"year": 1995', b'"year": ' + b"9" * 5000, 1),
        exit=Exit.DATA, errors=("invalid JSON: a number has more than 4,300 digits",),
    ),
    Case(
        "huge-float.json", "1e400, a number JSON allows and Python reads as infinity",
        lambda: encode(SHIPPED).replace(b'"average": 7.6', b'"average": 1e400', 1),
        exit=Exit.DATA,
        errors=("$.reception.aggregators[0].average: expected a finite number",),
    ),
    Case(
        "nan.json", "NaN where a number belongs", _nan, exit=Exit.DATA,
        errors=("NaN is not a JSON number",),
    ),
    Case(
        "nul-byte.json", "a raw NUL byte inside a JSON string", _nul_byte,
        exit=Exit.DATA, errors=("invalid JSON at line 3, column 19: Invalid control character",),
    ),
    Case(
        "latin-1.json", "the film in Latin-1, not UTF-8", _latin1, exit=Exit.DATA,
        errors=("is not UTF-8: byte 0xE9",),
    ),
    Case(
        "utf-16.json", "the film in UTF-16",
        lambda: json.dumps(SHIPPED).encode("utf-16"), exit=Exit.DATA,
        errors=("is not UTF-8: byte 0xFF at byte offset 0",),
    ),
    Case(
        "binary.bin", "every byte value, four times",
        lambda: bytes(range(256)) * 4, exit=Exit.DATA, errors=("is not UTF-8",),
    ),
    Case("empty.json", "zero bytes", lambda: b"", exit=Exit.DATA, errors=("is empty",)),
    Case(
        "whitespace.json", "only whitespace", lambda: b" \n\t\r\n ", exit=Exit.DATA,
        errors=("is empty",),
    ),
    Case(
        "not-an-object.json", "a JSON list", lambda: b"[1, 2, 3]\n", exit=Exit.DATA,
        errors=("$: expected a JSON object (got a list)",),
    ),
    Case(
        "null.json", "JSON null", lambda: b"null", exit=Exit.DATA,
        errors=("$: expected a JSON object (got null)",),
    ),
    Case(
        "truncated.json", "the shipped film cut in half",
        lambda: encode(SHIPPED)[: len(encode(SHIPPED)) // 2], exit=Exit.DATA,
        errors=("invalid JSON at line",),
    ),
    Case(
        "trailing-garbage.json", "a valid film followed by more text",
        lambda: encode(SHIPPED) + b"\n{}", exit=Exit.DATA, errors=("Extra data",),
    ),
)


def write_corpus() -> None:
    CORPUS.mkdir(exist_ok=True)
    for stale in CORPUS.iterdir():
        stale.unlink()
    for case in CASES:
        case.path.write_bytes(case.build())


if __name__ == "__main__":
    write_corpus()
    sys.stdout.write(f"wrote {len(CASES)} files to {CORPUS}\n")
