"""Keys that arrive together, read as they were typed."""

from __future__ import annotations

from textual import events


def escape_then(key: events.Key) -> list[events.Key]:
    """The keys typed, when *key* is escape and a letter or digit read together.

    A terminal sends them in one read when they are typed together or sent in one burst,
    and Textual reads that as alt and the key: "escape 3" in the find bar would type a 3.
    lvtui binds no alt and a letter or digit, so it reads them as vim does: escape (the
    prompt closes), then the key (3 shows the cast). Otherwise, no keys: *key* as it is.
    """
    character = key.character
    if key.key.startswith("alt+") and character and len(character) == 1 \
            and character.isalnum():
        return [events.Key("escape", "\x1b"), events.Key(character, character)]
    return []
