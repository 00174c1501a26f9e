"""Command palette entries: open anyone's card by typing part of any of their names, and
open any film on the shelf.

The palette parses a plain-string prompt as markup, so every prompt here is a Content
built from the literal name, with the matched letters styled by us.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from lvtui.reading.cast import CastSearch
from lvtui.reading.sections import SECTIONS
from lvtui.text.clean import shorten
from lvtui.text.folding import Narrowing, match_spans, normalize_query
from lvtui.ui.screens.film import FilmScreen

if TYPE_CHECKING:
    from lvtui.reading.cast import CastRow
    from lvtui.shelf.library import Shelved


MAX_HITS = 40


class FilmOpener(Protocol):
    """What the palette needs of the app to open films: the shelf, once read, and a way to
    open one. A protocol, so that this module never imports the app that imports it."""

    shelf: list[Shelved] | None

    def open_film(self, path: Path, card: str | None = None) -> object: ...


class CardCommands(Provider):
    """'Roger Ebert', 'Elisabeth Shue as Sera', 'Variety' -> their card. Every person and
    organisation, found by their name, the character they play or their other names."""

    _names: CastSearch | None = None

    def _film(self) -> FilmScreen:
        screen = self.app.screen_stack[0]  # the film under the palette (and any card)
        assert isinstance(screen, FilmScreen)
        return screen

    async def search(self, query: str) -> Hits:
        film = self._film()
        rows = film.card_rows
        query, only_ours = _without_words(query, ("card",))  # as "Card: Variety" reads
        folded = normalize_query(query)
        if self._names is None:  # one per palette session: narrowing works as you type
            self._names = CastSearch(rows)
        matches = self._names.update(query) or (list(range(len(rows))) if only_ours else [])
        for index in matches[:MAX_HITS]:
            row = rows[index]
            prompt = _prompt(row)
            for start, end in match_spans(prompt.plain, folded):
                prompt = prompt.stylize("bold reverse", start, end)
            score = 1.0 if row.actor.lower().startswith(folded) else 0.5
            yield Hit(score, prompt, _opener(film, row.person), text=prompt.plain,
                      help="Open this card")

    async def discover(self) -> Hits:
        film = self._film()
        for row in film.card_rows[:10]:
            prompt = _prompt(row)
            yield DiscoveryHit(prompt, _opener(film, row.person), text=prompt.plain,
                               help="Open this card")


class FilmCommands(Provider):
    """'Open film: Delicatessen (1991) — Jean-Pierre Jeunet' for each film on the shelf: the
    shelf's own list (o), named and matched as the shelf names and filters it."""

    _films: list[tuple[Content, Path]] | None = None
    _narrowing: Narrowing | None = None

    def _shelf(self) -> list[tuple[Content, Path]]:
        """Each film's prompt, made once per palette session (not at every key)."""
        if self._films is None:
            app = cast("FilmOpener", self.app)
            films = [film for film in app.shelf or () if not film.broken]
            self._films = [(Content("Open film: " + "".join(film.label())), film.path)
                           for film in films]
            # One per palette session: narrowing works as you type. What the shelf's filter
            # looks in: the titles, the year, the director.
            self._narrowing = Narrowing(lambda: [film.search_text() for film in films])
        return self._films

    async def search(self, query: str) -> Hits:
        # As the shelf filters: every word, any case, any accents. Textual's own matcher
        # would read each title as markup to highlight it.
        opener = cast("FilmOpener", self.app)
        films = self._shelf()
        assert self._narrowing is not None
        query, only_ours = _without_words(query, ("open", "film"))  # as "Open film: X" reads
        folded = normalize_query(query)
        found = self._narrowing.update(query)
        for index in found or (range(len(films)) if only_ours else []):
            prompt, path = films[index]
            for start, end in match_spans(prompt.plain, folded):
                prompt = prompt.stylize("bold reverse", start, end)
            yield Hit(0.5, prompt, _film_opener(opener, path), text=prompt.plain,
                      help="Open this film")

    async def discover(self) -> Hits:
        opener = cast("FilmOpener", self.app)
        for prompt, path in self._shelf()[:10]:
            yield DiscoveryHit(prompt, _film_opener(opener, path), text=prompt.plain,
                               help="Open this film")


def _without_words(query: str, words: tuple[str, ...]) -> tuple[str, bool]:
    """*query* without the words every prompt of a provider begins with ("Card:", "Open
    film:"), which a person may type, since the palette shows them ("open fight", "card
    variety"); and whether it was only those words (then every entry answers)."""
    typed = query.replace(":", " ").split()
    rest = list(typed)
    while rest and normalize_query(rest[0]) in words:
        rest.pop(0)
    return " ".join(rest), bool(typed) and not rest


def _prompt(row: CastRow) -> Content:
    # One line, of a size a palette row can show: a name may be 100,000 characters long.
    role = f" as {shorten(row.role, 50)}" if row.role else ""
    return Content(f"Card: {shorten(row.actor, 50)}{role}")


def _opener(film: FilmScreen, id: str) -> Callable[[], None]:
    return lambda: film.open_record(id)


def _film_opener(app: FilmOpener, path: Path) -> Callable[[], None]:
    def open_film() -> None:
        app.open_film(path)

    return open_film


# Textual's own commands lvtui does not offer: "Keys" opens a second keys panel, which
# escape does not close (? is lvtui's help), and "Screenshot" fails, saying nothing, where
# there is no ~/Downloads.
NOT_OFFERED = {"Keys", "Screenshot"}


def system_commands(textuals: Iterable[SystemCommand], film: FilmScreen
                    ) -> Iterator[SystemCommand]:
    """Textual's commands that work here, then "Go to 3 · Cast" for each section of *film*.
    Numbered as the section list is: the palette lists its commands alphabetically, so the
    numbers also keep them in order."""
    yield from (command for command in textuals if command.title not in NOT_OFFERED)
    for number, (section, title) in enumerate(SECTIONS.items(), start=1):
        yield SystemCommand(f"Go to {number} · {title}", f"Show section {number}",
                            lambda section=section: film.go_to_section(section))
