"""The line at the top: an icon that opens the command palette, and the app's title.

Textual's Header lays out the whole screen each time its title changes, which is every
section switch here; this draws the same line with a repaint alone.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.widget import Widget

ICON = " ▶ "


class TitleBar(Widget):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        self.tooltip = "Click ▶ to open the command palette"
        self.watch(self.app, "title", self._title_changed, init=False)
        self.watch(self.app, "sub_title", self._title_changed, init=False)

    def _title_changed(self) -> None:
        self.refresh()  # one line repainted: the title never changes the layout

    def render(self) -> Content:
        title = self.app.format_title(self.app.title, self.app.sub_title)
        width = self.size.width
        room = max(0, width - 2 * cell_len(ICON))  # centred on the screen, clear of the icon
        if title.cell_length > room:
            title = title.truncate(room, ellipsis=True)
        left = (width - title.cell_length) // 2
        return Content.assemble(ICON, " " * max(0, left - cell_len(ICON)), title)

    async def on_click(self, event: events.Click) -> None:
        if event.x < cell_len(ICON):
            await self.app.run_action("command_palette")
