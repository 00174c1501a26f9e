"""Every letter on screen, in every theme lvtui offers, at least 3:1 against its background.

Measured from what Textual rendered: each cell's colours, WCAG's relative luminance. Every
section, the cast with a search highlight, a person card and the help, at 120x40.
The ANSI themes are left out: their colours are the terminal's own palette, which only the
terminal knows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rich.segment import Segment
from textual.app import App

from helpers import AppFactory
from lvtui.app import FilmApp
from lvtui.sections import SECTION_IDS
from lvtui.settings import Settings

THEMES = sorted(name for name in App().available_themes if not name.startswith("ansi"))
MINIMUM = 3.0


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = rgb
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(foreground: tuple[int, int, int], background: tuple[int, int, int]) -> float:
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def segments(app: FilmApp) -> Iterator[Segment]:
    """What the screen shows, modal screens over the browser included."""
    update = app.screen._compositor.render_update(full=True,
                                                  screen_stack=app._background_screens)
    for line in update.strips:
        for strip in line:
            yield from strip


def low_contrast(app: FilmApp, where: str) -> list[str]:
    found = []
    for segment in segments(app):
        if not any(char.isalnum() for char in segment.text):
            continue
        style = segment.style
        assert style is not None and style.color is not None and style.bgcolor is not None
        foreground = style.color.get_truecolor()
        background = style.bgcolor.get_truecolor()
        if style.reverse:
            foreground, background = background, foreground
        ratio = contrast(tuple(foreground), tuple(background))  # type: ignore[arg-type]
        if ratio < MINIMUM:
            found.append(f"{where}: {segment.text.strip()[:30]!r} {ratio:.2f}")
    return found


@pytest.mark.parametrize("theme", THEMES)
async def test_every_letter_reads_in_every_theme(make_app: AppFactory, theme: str) -> None:
    app = make_app()
    app.store.save(Settings(theme=theme, section="overview"))
    app.settings = app.store.load()
    problems: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.theme == theme
        for number, section in enumerate(SECTION_IDS, start=1):
            await pilot.press(str(number))
            await pilot.pause()
            problems += low_contrast(app, section)
        steps: list[tuple[str, list[Any]]] = [
            ("timeline, list focused", ["5", "j"]),
            ("cast search, matches highlighted", ["slash", *"an"]),
            ("cast list with a search", ["enter", "j"]),
            ("person card", ["enter"]),
            ("help over the card", ["question_mark"]),
        ]
        for where, keys in steps:
            await pilot.press(*keys)
            await pilot.pause()
            problems += low_contrast(app, where)
    assert not problems, f"{theme}: " + "; ".join(problems[:10])
