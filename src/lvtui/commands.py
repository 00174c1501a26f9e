"""Command palette entries: open anyone's card by typing part of any of their names.

The palette parses a plain-string prompt as markup, so every prompt here is a Content
built from the literal name, with the matched letters styled by us.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from lvtui.search import CastSearch, match_spans, normalize_query
from lvtui.text import shorten

if TYPE_CHECKING:
    from lvtui.people import CastRow


MAX_HITS = 40


class CardOpener(Protocol):
    """What the palette needs of the app: a row for every record, and a way to open a card.
    A protocol, so that this module never imports the app that imports it."""

    @property
    def card_rows(self) -> Sequence[CastRow]: ...

    def open_record(self, id: str) -> None: ...


class CardCommands(Provider):
    """'Roger Ebert', 'Elisabeth Shue as Sera', 'Variety' -> their card. Every person and
    organisation, found by their name, the character they play or their other names."""

    _names: CastSearch | None = None

    def _app(self) -> CardOpener:
        return cast("CardOpener", self.app)

    async def search(self, query: str) -> Hits:
        app = self._app()
        rows = app.card_rows
        folded = normalize_query(query)
        if self._names is None:  # one per palette session: narrowing works as you type
            self._names = CastSearch(rows)
        matches = self._names.update(query) or []
        for index in matches[:MAX_HITS]:
            row = rows[index]
            prompt = _prompt(row)
            for start, end in match_spans(prompt.plain, folded):
                prompt = prompt.stylize("bold reverse", start, end)
            score = 1.0 if row.actor.lower().startswith(folded) else 0.5
            yield Hit(score, prompt, _opener(app, row.person), text=prompt.plain,
                      help="Open this card")

    async def discover(self) -> Hits:
        app = self._app()
        for row in app.card_rows[:10]:
            prompt = _prompt(row)
            yield DiscoveryHit(prompt, _opener(app, row.person), text=prompt.plain,
                               help="Open this card")


def _prompt(row: CastRow) -> Content:
    # One line, of a size a palette row can show: a name may be 100,000 characters long.
    role = f" as {shorten(row.role, 50)}" if row.role else ""
    return Content(f"Card: {shorten(row.actor, 50)}{role}")


def _opener(app: CardOpener, id: str) -> Callable[[], None]:
    return lambda: app.open_record(id)
