"""The list of sections down the left side; it collapses on narrow terminals."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from lvtui.reading.sections import SECTIONS

SHORT_TITLES = {"soundtrack": "Soundtrack & media"}


class SectionList(OptionList):
    """Numbered sections; moving the highlight switches the section shown."""

    DEFAULT_CSS = """
    SectionList { width: 24; height: 1fr; border: none; border-right: tall $panel;
                  padding: 1 0;
                  &:focus { border: none; border-right: tall $border; } }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            *[Option(Content(f" {number}  {SHORT_TITLES.get(section, title)}"), id=section)
              for number, (section, title) in enumerate(SECTIONS.items(), start=1)],
            id=id,
        )
