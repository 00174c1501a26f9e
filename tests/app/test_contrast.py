"""Every letter on screen, in every theme lvtui offers, at least 3:1 against its background.

Measured from what Textual rendered: each cell's colours, WCAG's relative luminance. In the
default dark and light themes: every section, the cast with a search highlight, a person
card and the help, at 120x40. In every other theme: the specimen, one screen with every
pane at once in the states that bring colours of their own, then a card and the help.
The ANSI themes are left out: their colours are the terminal's own palette, which only the
terminal knows.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widget import Widget

from app.specimen import SPECIMEN_SIZE, Specimen
from helpers import AppFactory, screen_lines, wait_for_palette
from lvtui.reading.sections import SECTION_IDS
from lvtui.ui.app import DEFAULT_THEME, FilmApp
from lvtui.ui.find.bar import FindBox
from lvtui.ui.screens.person_card import PersonCard
from lvtui.ui.screens.shelf import ShelfScreen
from lvtui.ui.widgets.cast_table import CastTable

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


# The full walk in the default dark and light themes; every other theme on the specimen.
FULL_WALK = ["textual-dark", "textual-light"]
OTHERS = [theme for theme in THEMES if theme not in FULL_WALK]
assert set(FULL_WALK) <= set(THEMES)


async def walk(app: FilmApp, pilot: Any) -> list[str]:
    """Every section, then the states that bring colours of their own; what reads badly."""
    problems: list[str] = []
    steps: list[tuple[str, list[str]]] = [
        *[(section, [str(SECTION_IDS.index(section) + 1)])
          for section in SECTION_IDS if section not in ("timeline", "plot")],
        ("the shelf of films, filtered", ["o", *"las"]),
        ("timeline, its list focused, an event chosen", ["escape", "5", "j"]),
        ("plot, the keyboard on a link", ["2", "tab"]),
        ("find bar, every match marked, one standing out", ["ctrl+f", *"sera", "enter"]),
        ("find bar again, the last words selected", ["escape", "ctrl+f"]),
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
    # The palette (Textual's dims the app behind it: lvtui's opens on the background).
    await pilot.press("ctrl+p", *"shue")
    await wait_for_palette(pilot, "Card: Elisabeth Shue")
    problems += low_contrast(app, "palette over the app, a search")
    await pilot.press("escape")
    return problems


@pytest.mark.long
@pytest.mark.parametrize("theme", FULL_WALK)
async def test_every_letter_reads_on_every_screen(make_app: AppFactory, theme: str) -> None:
    """The default dark and light themes, walked through every section and state."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await pilot.pause()
        assert app.theme == theme
        problems = await walk(app, pilot)
        assert len(app.screen_stack) == 1
    assert not problems, "\n".join(problems)


async def test_every_section_reads_as_the_first_screen(make_app: AppFactory,
                                                      settings_path: Path) -> None:
    """Each section as lvtui opens on it (the one last shown, say), in the default theme:
    the first screen is styled on another path than a theme change (a theme from the
    settings is one, and restyles everything). Its unstyled letters once came out in the
    background's colour; the frames are drawn as shipped, since a widget keeps the colours
    of its first frame."""
    settings_path.parent.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    for section in SECTION_IDS:
        settings_path.write_text(json.dumps({"section": section}))
        app = make_app(every_frame=True)  # as shipped: a frame drawn early keeps its colours
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert app.theme == DEFAULT_THEME and app.film_screen.section == section
            problems += low_contrast(app, f"{section}, first shown")
    assert not problems, "\n".join(problems[:20])


# Two groups: the two workers share them.
GROUPS = [OTHERS[::2], OTHERS[1::2]]


@pytest.mark.long
@pytest.mark.parametrize("themes", GROUPS, ids=["+".join(group) for group in GROUPS])
async def test_every_letter_reads_in_every_other_theme(make_app: AppFactory,
                                                       themes: list[str]) -> None:
    """Every other theme, on the specimen: every pane at once, in the states that bring
    colours of their own, then a card and the help over it. A widget drawn with a fixed
    colour shows there as it would on any screen."""
    app = make_app()
    failures: list[str] = []
    async with app.run_test(size=SPECIMEN_SIZE) as pilot:
        await app.film_screen._after_first_frame()
        await app.workers.wait_for_complete()
        # The browser under the specimen is not looked at: without its panes, a theme
        # restyles half as many widgets.
        await app.screen.query_one("#panes").remove_children()
        await app.push_screen(Specimen())
        await pilot.pause()
        specimen = app.screen
        assert isinstance(specimen, Specimen)
        await specimen.set_states(pilot)
        # Every widget class lvtui has is drawn there, on the card or on the help.
        await app.push_screen(PersonCard(app.film, "elisabeth-shue", app.film_screen.mentions))
        await pilot.press("question_mark")
        shown = {type(widget) for screen in app.screen_stack
                 for widget in screen.walk_children(with_self=True)}
        # The shelf's screen holds only its box (on the specimen) and the footer, on the
        # theme's background; the full walk opens it in the default themes.
        missing = {cls.__name__ for cls in widget_classes() - {ShelfScreen}
                   if not any(issubclass(kind, cls) for kind in shown)}
        assert not missing, f"not on the specimen, the card or the help: {sorted(missing)}"
        await pilot.press("escape")
        app.pop_screen()
        await pilot.pause()
        # A screen pushed or popped costs more than a theme: each theme walks the three
        # screens one way, the next theme walks them back. The card is built once.
        app.install_screen(PersonCard(app.film, "elisabeth-shue", app.film_screen.mentions), name="card")
        for number, theme in enumerate(themes):
            app.theme = theme
            await pilot.pause()
            assert app.theme == theme
            problems: list[str] = []
            if number % 2 == 0:  # the specimen on top, the cast list focused
                problems += low_contrast(app, "specimen, the cast list focused")
                specimen.set_focus(specimen.query_one(FindBox))  # its words selected
                await pilot.pause()
                problems += low_contrast(app, "specimen, the find box focused")
                await app.push_screen("card")
                await pilot.pause()
                assert isinstance(app.screen, PersonCard)
                problems += low_contrast(app, "person card")
                await pilot.press("question_mark")
                await pilot.pause()
                problems += low_contrast(app, "help over the card")
            else:  # the help on top, over the card, over the specimen
                problems += low_contrast(app, "help over the card")
                await pilot.press("escape")
                await pilot.pause()
                assert isinstance(app.screen, PersonCard)
                problems += low_contrast(app, "person card")
                app.pop_screen()  # the card: back to the specimen (not a visit)
                await pilot.pause()
                assert app.screen is specimen
                problems += low_contrast(app, "specimen, the find box focused")
                specimen.set_focus(specimen.query_one(CastTable))
                await pilot.pause()
                problems += low_contrast(app, "specimen, the cast list focused")
            if problems:
                failures.append(f"{theme}: " + "; ".join(problems[:10]))
    assert not failures, "\n".join(failures)


def widget_classes() -> set[type[Widget]]:
    """Every widget class lvtui defines (a pane, a list, a box, a bar)."""
    import lvtui.ui.screens
    import lvtui.ui.widgets

    found = set()
    for package in (lvtui.ui.widgets, lvtui.ui.screens):
        for module in pkgutil.iter_modules(package.__path__):
            loaded = importlib.import_module(f"{package.__name__}.{module.name}")
            found |= {value for value in vars(loaded).values()
                      if isinstance(value, type) and issubclass(value, Widget)
                      and value.__module__ == loaded.__name__}
    return found
