"""The sizes lvtui adapts to, as classes on the app (styled in app.tcss), and the focus kept
while the terminal is too small to show anything."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.widget import Widget

    from lvtui.ui.screens.film import FilmScreen

MIN_WIDTH, MIN_HEIGHT = 30, 8  # below either, a notice takes the place of everything
NARROW_WIDTH = 70  # below it, the section list folds away
SHORT_HEIGHT = 16  # below it, the timeline gives up its chart


def size_classes(width: int, height: int) -> dict[str, bool]:
    """Each size class of the app, and whether a terminal of *width* x *height* has it."""
    return {"-narrow": width < NARROW_WIDTH, "-short": height < SHORT_HEIGHT,
            "-too-small": width < MIN_WIDTH or height < MIN_HEIGHT}


class Sizes:
    """The app's size classes, set on the app, not with Textual's breakpoints: those are
    set on the active screen only, so the film under a card would keep the classes of its
    old size. And where the focus was on a film's screen when the terminal became too
    small: then everything is hidden and Textual drops the focus; back, the keys go where
    they went before (j, G, y...), not nowhere."""

    def __init__(self) -> None:
        self._before: Widget | None = None

    def adapt(self, app: App[Any], width: int, height: int, film: FilmScreen | None) -> None:
        """Set *app*'s classes for *width* x *height*; *film*: the film's screen, None before
        the first film (the first resize comes before it)."""
        was_small = app.has_class("-too-small")
        wanted = size_classes(width, height)
        # One restyle of the whole screen for every class that changed, not one for each.
        changed = [name for name, on in wanted.items() if on != app.has_class(name)]
        for name in changed:
            app.set_class(wanted[name], name, update=False)
        if changed:
            app.update_node_styles()
        if wanted["-too-small"] != was_small and film is not None:
            self._too_small(film, wanted["-too-small"])

    def _too_small(self, film: FilmScreen, small: bool) -> None:
        if small:
            self._before = film.focused
            return
        before = self._before
        if before is not None and before.is_attached and before.focusable:
            film.set_focus(before)
        elif film.focused is None:
            film.show_section(film.section)
