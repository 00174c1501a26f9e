"""The line at the top: an icon that opens the command palette, the app's title, and the
film and section shown.

Textual's Header lays out the whole screen each time its title changes, which is every
section switch here; this draws the same line with a repaint alone.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.reactive import Reactive
from textual.widget import Widget

ICON = " ▶ "
NARROW = 70  # below this many columns the section's name alone is shown


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

    # The film ("Leaving Las Vegas (1995)") and the section shown. One line repainted when
    # it changes: the title never changes the layout.
    heading: Reactive[tuple[str, str]] = Reactive(("", ""), layout=False)

    def on_mount(self) -> None:
        self.tooltip = "Click ▶ to open the command palette"

    def title(self) -> Content:
        film, section = self.heading
        if self.size.width < NARROW:  # no room for all: the section first, then the film
            return Content(" · ".join(part for part in (section, film) if part)
                           or self.app.title)
        if not film:
            return Content(self.app.title)
        # Bold rather than Textual's dimmed sub-title, which falls below 3:1 in several themes.
        return Content.assemble((self.app.title, "bold"), " — ", film,
                                f" · {section}" if section else "")

    def render(self) -> Content:
        title = self.title()
        width = self.size.width
        room = max(0, width - 2 * cell_len(ICON))  # centred on the screen, clear of the icon
        if title.cell_length > room:
            title = title.truncate(room, ellipsis=True)
        left = (width - title.cell_length) // 2
        return Content.assemble(ICON, " " * max(0, left - cell_len(ICON)), title)

    async def on_click(self, event: events.Click) -> None:
        if event.x < cell_len(ICON):
            await self.app.run_action("command_palette")
