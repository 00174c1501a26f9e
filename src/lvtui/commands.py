"""Command palette entries: open a cast member's card by typing part of their name.

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
    """What the palette needs of the app: the cast, and a way to open a card. A protocol,
    so that this module never imports the app that imports it."""

    @property
    def cast(self) -> Sequence[CastRow]: ...

    def open_card(self, index: int) -> None: ...


class CastCommands(Provider):
    """'Elisabeth Shue as Sera' -> the person card."""

    _cast_search: CastSearch | None = None

    def _app(self) -> CardOpener:
        return cast("CardOpener", self.app)

    async def search(self, query: str) -> Hits:
        app = self._app()
        folded = normalize_query(query)
        if self._cast_search is None:  # one per palette session: narrowing works as you type
            self._cast_search = CastSearch(app.cast)
        matches = self._cast_search.update(query) or []
        for index in matches[:MAX_HITS]:
            member = app.cast[index]
            prompt = _prompt(member)
            for start, end in match_spans(prompt.plain, folded):
                prompt = prompt.stylize("bold reverse", start, end)
            score = 1.0 if member.actor.lower().startswith(folded) else 0.5
            yield Hit(score, prompt, _opener(app, index), text=prompt.plain,
                      help="Open this person's card")

    async def discover(self) -> Hits:
        app = self._app()
        for index, member in enumerate(app.cast[:10]):
            prompt = _prompt(member)
            yield DiscoveryHit(prompt, _opener(app, index), text=prompt.plain,
                               help="Open this person's card")


def _prompt(member: CastRow) -> Content:
    # One line, of a size a palette row can show: a name may be 100,000 characters long.
    return Content(f"Card: {shorten(member.actor, 50)} as {shorten(member.role, 50)}")


def _opener(app: CardOpener, index: int) -> Callable[[], None]:
    return lambda: app.open_card(index)
