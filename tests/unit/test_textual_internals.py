"""What lvtui.widgets.internals relies on in Textual. If one of these fails after a Textual
upgrade, read that module before changing anything: each use is explained there."""

from __future__ import annotations

import inspect

from textual.events import Key
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.widget import Widget
from textual.widgets import Input

from lvtui.widgets.cast import SearchBox


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
