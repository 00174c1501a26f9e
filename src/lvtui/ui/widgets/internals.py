"""Every use of Textual's private API or internals, in one place.

Textual has no public way to do these things. Each is small, and
``tests/unit/test_textual_internals.py`` fails loudly when an upgrade changes what they
rely on, so that an upgrade is a deliberate act and never a silent breakage.
"""

from __future__ import annotations

from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.widget import Widget

S = TypeVar("S", bound=Screen[Any])


def resize_scroll_area(view: ScrollView, size: Size) -> None:
    """Give *view* a new virtual size and update its scrollbars, without a screen layout.

    Assigning ``virtual_size`` lays out the whole screen, three times the work of a cast
    search keystroke; only the scrollbars depend on the number of rows.
    """
    view.set_reactive(ScrollView.virtual_size, size)
    view._scroll_update(size)


def forward_key(event: events.Key, target: Widget) -> None:
    """Hand a key that reached a widget which lost focus meanwhile to *target* instead.

    A terminal delivers a fast burst ("/shue⏎⏎", "xyz␛q") as one read, and Textual routes
    each key to the widget focused when the key is read, not when it is handled. The copy
    is marked forwarded, as the app marks every key it routes: an unmarked key bubbling
    back up to the app would be routed again.
    """
    key = events.Key(event.key, event.character)
    key._set_forwarded()
    target.post_message(key)


def restyle_alone(widget: Widget) -> None:
    """Restyle *widget* itself, not the widgets inside it.

    Textual's ``Widget.watch_has_focus`` restyles a widget with every widget in it when it
    gains or loses focus; a pane that styles only its own border by its focus overrides that
    watcher with this.
    """
    widget.app.stylesheet.update_nodes([widget], animate=True)


def repaint_only_virtual_size() -> Reactive[Size]:
    """A ``virtual_size`` reactive for an Input subclass that repaints instead of laying out.

    Input widens its virtual size with every letter typed, and Widget declares that
    reactive with ``layout=True``: a layout of the whole screen per keystroke. A box whose
    own size never depends on its text (it is as wide as its bar) only needs a repaint.
    """
    return Reactive(Size(0, 0), layout=False)


def styled_as_the_app_now(screen: S, app: App[Any]) -> S:
    """Mark a screen made for a new mode as styled with the app's CSS as it is now.

    Textual re-parses every stylesheet when it makes a mode's screen, because a new screen's
    count of CSS updates starts behind the app's. A new screen has missed no update: it is
    styled as it mounts. At start-up that was a whole parse of lvtui's CSS, a seventh of
    starting, for nothing. A theme changed while the screen is not shown still restyles it
    when it comes back: the count is only caught up here, once.

    The app itself is styled here first. Textual's re-parse styled it too, and a widget's
    colours are worked out from every node above it, the app's "color" included, and kept
    until the widget's own style changes: without it, the first film's first section came
    out with every unstyled letter in the background's colour (transparent "color").
    """
    app.stylesheet.apply(app)
    screen._css_update_count = app._css_update_count
    return screen


def read_escape_and_a_digit_as_alt() -> None:
    """Read escape and a digit that arrive together as alt and the digit, as Textual reads
    escape and a letter; not as the letter macOS's Option makes (Textual reads "\x1b3" as
    "£" for WezTerm there, and a "£" cannot be told from one typed).

    A terminal sends escape and the next key in one read when they are typed together, or
    sent in one burst (tmux, a browser's terminal). The app reads alt and a letter or digit
    as what was typed: escape, then the key (``FilmApp.on_event``).
    """
    from textual._ansi_sequences import ANSI_SEQUENCES_KEYS

    assert isinstance(ANSI_SEQUENCES_KEYS, dict)  # typed as a read-only Mapping
    for digit in "0123456789":
        ANSI_SEQUENCES_KEYS.pop(f"\x1b{digit}", None)
