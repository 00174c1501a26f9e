"""Every letter on screen, in every theme lvtui offers, at least 3:1 against its background.

Measured from what Textual rendered: each cell's colours, WCAG's relative luminance. Every
section, the cast with a search highlight, a person card and the help, at 120x40.
The ANSI themes are left out: their colours are the terminal's own palette, which only the
terminal knows.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App

from helpers import AppFactory, screen_lines
from lvtui.app import FilmApp
from lvtui.sections import SECTION_IDS

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


def low_contrast(app: FilmApp, where: str) -> list[str]:
    found = []
    for segment in (segment for line in screen_lines(app) for segment in line):
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


# One app per group of themes, the theme switched in place: a start-up costs as much as
# drawing every section once, and four groups keep both workers busy.
GROUPS = [THEMES[start::4] for start in range(4)]


async def walk(app: FilmApp, pilot: Any) -> list[str]:
    """Every section, then the states that bring colours of their own; what reads badly."""
    problems: list[str] = []
    steps: list[tuple[str, list[str]]] = [
        *[(section, [str(SECTION_IDS.index(section) + 1)])
          for section in SECTION_IDS if section not in ("timeline", "plot")],
        ("timeline, its list focused, an event chosen", ["5", "j"]),
        ("plot, the keyboard on a link", ["2", "tab"]),
        ("find bar, every match marked, one standing out", ["ctrl+f", *"sera", "enter"]),
        ("cast search, matches highlighted", ["escape", "slash", *"an"]),
        ("cast list with a search", ["enter", "j"]),
        ("person card", ["enter"]),
        ("help over the card", ["question_mark"]),
    ]
    for where, keys in steps:
        await pilot.press(*keys)
        await pilot.pause()
        problems += low_contrast(app, where)
    await pilot.press("escape", "escape", "escape")  # the help, the card, the search
    return problems


@pytest.mark.long
@pytest.mark.parametrize("themes", GROUPS, ids=["+".join(group) for group in GROUPS])
async def test_every_letter_reads_in_every_theme(make_app: AppFactory,
                                                 themes: list[str]) -> None:
    app = make_app()
    failures: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        for theme in themes:
            app.theme = theme
            await pilot.pause()
            assert app.theme == theme
            problems = await walk(app, pilot)
            if problems:
                failures.append(f"{theme}: " + "; ".join(problems[:10]))
            assert len(app.screen_stack) == 1
    assert not failures, "\n".join(failures)
