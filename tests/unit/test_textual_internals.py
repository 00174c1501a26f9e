"""What lvtui.ui.widgets.internals relies on in Textual. If one of these fails after a Textual
upgrade, read that module before changing anything: each use is explained there."""

from __future__ import annotations

import inspect

from textual.css.stylesheet import Stylesheet
from textual.events import Key
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.widget import Widget
from textual.widgets import Input

from helpers import printed_by, read_at_once
from lvtui.ui.widgets.cast import SearchBox
from lvtui.ui.widgets.reading import ReadingPane


def test_scroll_update_exists_with_the_signature_used() -> None:
    assert list(inspect.signature(ScrollView._scroll_update).parameters) == ["self",
                                                                             "virtual_size"]


def test_messages_can_still_be_marked_forwarded() -> None:
    key = Key("q", "q")
    assert not key.is_forwarded
    key._set_forwarded()
    assert key.is_forwarded


def test_input_still_widens_a_virtual_size_reactive_on_every_key() -> None:
    assert isinstance(Widget.__dict__["virtual_size"], Reactive)
    assert "self.virtual_size = " in inspect.getsource(Input._watch_value)
    ours = SearchBox.__dict__["virtual_size"]
    assert isinstance(ours, Reactive) and ours._layout is False


def test_a_widget_still_restyles_everything_in_it_when_its_focus_changes() -> None:
    # restyle_alone replaces this watcher in the reading panes.
    assert "update_node_styles" in inspect.getsource(Widget.watch_has_focus)
    assert "watch_has_focus" in ReadingPane.__dict__
    assert inspect.signature(Stylesheet.update_nodes).parameters.keys() >= {"nodes", "animate"}


def test_a_new_modes_screen_is_still_restyled_when_its_count_of_css_updates_is_behind() -> None:
    # styled_as_the_app_now catches a new film screen's count up with the app's, so that
    # making a mode's screen does not re-parse every stylesheet.
    from textual.app import App
    from textual.screen import Screen

    source = inspect.getsource(App._init_mode)
    assert "screen._css_update_count != self._css_update_count" in source
    assert "self.refresh_css()" in source
    assert Screen()._css_update_count == -1  # behind any app's, as made
    assert App()._css_update_count == 0


def test_importing_the_app_leaves_textuals_key_table_as_it_is() -> None:
    """The table is Textual's, shared by anything in the process: lvtui changes it when an
    app is made (when lvtui starts), not when a module is imported."""
    code = ("import lvtui.ui.app\n"
            "from textual._ansi_sequences import ANSI_SEQUENCES_KEYS\n"
            "print(ANSI_SEQUENCES_KEYS.get('\\x1b3'))")
    assert printed_by(code) == "£"


def test_escape_and_a_digit_read_together_are_alt_and_the_digit_once_lvtui_starts() -> None:
    """Textual's table of sequences is a dict that maps escape and a digit to a character
    (WezTerm on macOS); lvtui takes those out, and the parser then reads alt and the digit,
    as it reads escape and a letter."""
    from textual import _ansi_sequences

    from lvtui.ui.widgets.internals import read_escape_and_a_digit_as_alt

    read_escape_and_a_digit_as_alt()  # as the app does when it is made

    assert isinstance(_ansi_sequences.ANSI_SEQUENCES_KEYS, dict)
    for typed, expected in (("\x1b3", ("alt+3", "3")), ("\x1bj", ("alt+j", "j")),
                            ("£", ("pound_sign", "£"))):
        keys = [event for event in read_at_once(typed) if isinstance(event, Key)]
        assert [(key.key, key.character) for key in keys] == [expected], typed
