"""Back and forward, as a web browser has them, across every film open; and the cards over a
film. The app keeps one Journey: it owns the screens, so the journey pushes and pops the
cards, and the one history of places (lvtui.text.history) is kept here alone. A film's
screen says where the reader is (FilmScreen.place) and shows a place again (restore)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lvtui.text.history import History, Place

if TYPE_CHECKING:
    from lvtui.text.mentions import Mention
    from lvtui.ui.app import FilmApp


class Journey:
    def __init__(self, app: FilmApp) -> None:
        self.app = app
        self.history: History[Place] = History()

    def visit(self, place: Place | None = None) -> None:
        """The reader is about to go somewhere new: remember where they are (*place*, or
        where the film shown says)."""
        self.history.left(place or self.app.film_screen.place())

    def show_card(self, id: str) -> None:
        """The card of *id* over the film, in place of any card open now."""
        self.close_sheets()
        self.app.push_screen(self.app.film_screen.card(id))

    def close_sheets(self) -> None:
        """Close whatever covers the film shown: a card, the help, the shelf."""
        while len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def follow(self, link: Mention) -> None:
        """Where a link leads, in the film's text or on a card over it: a card, the place in
        a section that names someone, or their card in another film."""
        if link.film is not None:
            self.app.open_film(Path(link.film), link.target)  # a visit, if another film
            return
        self.visit()
        if link.section is None:
            self.show_card(link.target)
        else:
            self.close_sheets()
            self.app.film_screen.show_mention(link)

    async def back(self) -> None:
        await self._go(self.history.back(self.app.film_screen.place()))

    async def forward(self) -> None:
        await self._go(self.history.forward(self.app.film_screen.place()))

    async def _go(self, place: Place | None) -> None:
        """Show *place* as it was left, in its film: not a new visit."""
        app = self.app
        if place is None:
            app.bell()  # nowhere further
            return
        if place.film != app.current_mode:
            await app.switch_mode(place.film)
        self.close_sheets()  # a card or the help closes first
        if not await app.film_screen.restore(place):
            return
        if place.card is not None:
            app.push_screen(app.film_screen.card(place.card))
        app.film_shown()
