"""A resize storm: 150 random sizes from 1x1 to 250x80, in bursts, as a window drag sends
them, while sections change and a card opens; then a normal size. The app must be alive
and showing the film."""

from __future__ import annotations

import random

import pytest
from textual.geometry import Size

from helpers import AppFactory, resize, screen_text

ACTIONS = ["1", "2", "3", "4", "5", "6", "7", "slash", "escape", "enter", "tab", "down"]


@pytest.mark.long
async def test_resize_storm(make_app: AppFactory) -> None:
    rng = random.Random(20261125)
    app = make_app(every_frame=True)
    async with app.run_test(size=(120, 40)) as pilot:
        for number in range(150):
            resize(app, rng.randint(1, 250), rng.randint(1, 80))
            if number % 10 == 0:  # a burst ends: let the app catch up, then do something
                await pilot.pause()
                await pilot.press(rng.choice(ACTIONS))
        while len(app.screen_stack) > 1:  # a card or the help may be open
            await pilot.press("escape")
        await pilot.resize_terminal(120, 40)
        app.film_screen.action_show_section("overview")  # a key could be typed into the search box
        await pilot.pause()

        assert app.is_running
        assert app.size == Size(120, 40)
        assert not app.has_class("-too-small") and not app.has_class("-narrow")
        text = screen_text(app)
        assert "Leaving Las Vegas" in text
        assert all(label in text for label in ("1  Overview", "3  Cast", "7  Soundtrack")), text
        assert "Directed by  " in text and "Mike Figgis" in text, text
