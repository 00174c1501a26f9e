"""The seven sections' panes of one film, each composed the first time it is wanted, and the
names in their text linked in a thread.

Start-up composes the pane on screen; any other is composed the first time something shows
it, and find composes them all, as it reads every text. (Composing all seven after the first
frame cost every start 0.24 s of the UI loop, right where the first key waits, and the
memory of panes never looked at.)
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.widget import AwaitMount, Widget
from textual.widgets import ContentSwitcher
from textual.worker import Worker, WorkerFailed

from lvtui.reading.cast import filing_name
from lvtui.reading.contents import has_content
from lvtui.reading.sections import SECTIONS
from lvtui.ui.widgets.cast import CastPane
from lvtui.ui.widgets.linked import Linked, link_all_in_background
from lvtui.ui.widgets.overview import OverviewPane
from lvtui.ui.widgets.reception import ReceptionPane
from lvtui.ui.widgets.text_panes import NothingPane, PlotPane, ProductionPane, SoundtrackPane
from lvtui.ui.widgets.timeline import TimelinePane

if TYPE_CHECKING:
    from lvtui.film.model import Film
    from lvtui.reading.cast import CastRow
    from lvtui.text.mentions import Mentions

FREEZER = "set aside what was made"


def make_pane(film: Film, section: str, cast: Callable[[], Sequence[CastRow]]) -> Widget:
    """The pane of *section*, with the film's cast as rows from *cast* (made when needed)."""
    if section == "overview":
        return OverviewPane(film, id=section)
    if section == "plot":
        return PlotPane(film, id=section)
    if section == "cast":
        if not has_content(film, "cast"):
            return NothingPane("cast", id=section)
        return CastPane(cast(), id=section, filing=lambda row: filing_name(film, row.person))
    if section == "production":
        return ProductionPane(film, id=section)
    if section == "timeline":
        return TimelinePane(film, id=section)
    if section == "reception":
        return ReceptionPane(film, id=section)
    return SoundtrackPane(film, id=section)


class FilmPanes(ContentSwitcher):
    """The film's sections, one pane each, made as they are wanted."""

    def __init__(self, film: Film, *, cast: Callable[[], Sequence[CastRow]],
                 mentions: Callable[[], Mentions], initial: str, id: str | None = None) -> None:
        super().__init__(id=id, initial=initial)
        self.film = film
        self._cast = cast  # the rows are made when the cast pane first needs them
        self._mentions = mentions
        # Each section's pane once it is being mounted (None: the one composed first); the
        # sections whose pane is whole (a pane being mounted is in the DOM before its
        # children are); and the thread finding each pane's links.
        self._first = initial
        self._mounts: dict[str, AwaitMount | None] = {initial: None}
        self._whole = {initial}
        self._text_prepared = False  # the links are being found, from the first frame on
        self._linking: dict[str, Worker[None]] = {}

    def compose(self) -> ComposeResult:
        yield self._make(self._first)  # only the pane on screen: the others when wanted

    def _make(self, section: str) -> Widget:
        return make_pane(self.film, section, self._cast)

    def is_whole(self, section: str) -> bool:
        return section in self._whole

    def pane(self, section: str) -> Widget:
        return self.get_child_by_id(section)

    def link_text(self) -> None:
        """Find the links of the panes made so far (after the first frame: it need not
        wait for them); the panes made later are linked as they come."""
        if not self._text_prepared:
            self._text_prepared = True
            self._link([pane for pane in self.children if pane.id in self._whole])

    async def linked(self, section: str) -> bool:
        """Wait until the links of *section*'s pane are found; False if the app closed."""
        linking = self._linking.get(section)
        if linking is not None:
            try:
                await linking.wait()
            except WorkerFailed:  # cancelled as the app closes
                return False
        return True

    def _link(self, panes: Sequence[Widget]) -> None:
        """Find the names in *panes* in a thread: a text that names someone 100,000 times
        takes a while, and a key must never wait behind it. What is on screen goes first."""
        blocks = sorted((block for pane in panes for block in pane.query(Linked)),
                        key=lambda block: not block.is_on_screen)
        worker = link_all_in_background(self, blocks, self._mentions)
        self._linking.update((pane.id, worker) for pane in panes if pane.id is not None)
        self._freeze_when_made()

    @work(name=FREEZER, exit_on_error=False)
    async def _freeze_when_made(self) -> None:
        """Once the links, the find index and the cast's folded names are made, set them
        aside from the garbage collector's full passes, as the film itself is (cli.browse):
        they live as long as the film, and at 100,000 cast a full pass over them took tens
        of milliseconds out of whichever key it fell on."""
        workers = self.app.workers
        try:
            await workers.wait_for_complete([w for w in workers if w.name != FREEZER])
        except WorkerFailed:  # cancelled as the app closes: nothing to set aside
            return
        gc.freeze()

    async def compose_panes(self, sections: Iterable[str]) -> None:
        """Compose the panes of *sections* not composed yet, each once, and wait until they
        are whole. Whatever asks for a pane meanwhile waits here, so no key ever finds one
        missing."""
        wanted = [section for section in SECTIONS if section in sections]
        new = [section for section in wanted if section not in self._mounts]
        if new:
            panes = [self._make(section) for section in new]
            for pane in panes:
                pane.display = False
            mount = self.mount_all(panes)
            self._mounts.update(dict.fromkeys(new, mount))
            await mount
            self._whole.update(new)
            if self._text_prepared:  # else the first frame's links will include them
                self._link(panes)
        for section in wanted:
            if (mounting := self._mounts[section]) is not None:
                await mounting
        self._whole.update(wanted)


def when_laid_out(widget: Widget, callback: Callable[[], None]) -> None:
    """Run *callback* once the section just shown is laid out. A pane that was hidden takes
    two refreshes to settle (its size, then its blocks' places): *callback* runs after each,
    the second correcting what the first saw of places still stale."""
    def first() -> None:
        callback()
        widget.call_after_refresh(callback)

    widget.call_after_refresh(first)
