"""Text whose names are links, and whose find matches are marked.

A :class:`Linked` widget draws *units*: a paragraph, a quote, the value of a fact, a line of
a card. Each unit is film text wrapped in :class:`Content`, so it is drawn as literal text.
Its links are found by lvtui (:mod:`lvtui.text.mentions`) and become spans whose only action is
``follow(N)``, N an index into the widget's own list: film text never makes a link or an
action. Links are added after the first frame (`set_mentions`), so start-up never waits for
them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import ClassVar, Protocol, Self, runtime_checkable

from textual.content import Content, Span
from textual.dom import DOMNode
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widget import Widget
from textual.worker import Worker

from lvtui.reading.finding import MARKED
from lvtui.text.folding import match_spans
from lvtui.text.mentions import Mention, Mentions
from lvtui.ui.widgets.lazy_lines import LazyLines, line_starts

# The link the keyboard is on: it stands out in any theme, since it swaps the link's own
# colours.
CURRENT_LINK = Style(reverse=True, bold=True)


@runtime_checkable
class Findable(Protocol):
    """A widget whose text a find looks in, row by row (a unit, a table row, an event);
    unless *findable* is False (a copy of text shown elsewhere)."""

    findable: bool

    def find_texts(self) -> list[str]:
        """Each row as plain text."""

    def mark_found(self, query: str, rows: Sequence[int], current: int | None,
                   occurrence: int = 0,
                   spans: Sequence[Sequence[tuple[int, int]]] | None = None) -> None:
        """Mark the words of *query* (folded) in *rows*, the rows that match; in the row
        *current*, the match *occurrence* (counted from 0) stands out. *spans*: where
        each of *rows* matches, when the caller knows already. An empty query clears the
        marks."""

    def reveal_found(self, row: int) -> None:
        """Bring *row* into view (the widget's section is already shown)."""


def line_top(widget: Widget, line: int) -> int:
    """Where *line* of *widget* is in its container's scrolling space."""
    return widget.virtual_region.y + widget.styles.padding.top + line


def show_line(widget: Widget, line: int, *, center: bool = False) -> None:
    """Scroll *widget*'s container so that *line* of it is in view: moving as little as
    possible (stepping through links), or to the middle (a find's match, as browsers do)."""
    container = widget.parent
    if isinstance(container, Widget):
        container.scroll_to_region(Region(0, line_top(widget, line), 1, 1), animate=False,
                                   immediate=True, center=center)


LINK = "lvtui-link"  # the meta key that says which link a span is, beside its action


@cache
def _follow(number: int) -> Style:
    """What a click on link *number* does: every widget numbers its links from 0, so one
    style per number serves them all. The number rides along as itself, so that where a
    link is drawn is read back without parsing the action."""
    return Style.from_meta({"@click": f"follow({number})", LINK: number})


class Linked(Widget):
    """Units of film text with their links and find marks; subclasses lay the units out."""

    DEFAULT_CSS = """
    Linked {
        height: auto;
        & > .linked--match { background: $warning 40%; color: auto 95%; }
        & > .linked--current-match { background: $warning; color: auto 95%; text-style: bold; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"linked--match", "linked--current-match"}
    # The theme's link style is put on the links here, not by Textual after drawing, so a
    # find's mark on a name is drawn over it and keeps its own, readable colours.
    auto_links = False

    class Followed(Message):
        """A link was followed (enter on it, or a click)."""

        def __init__(self, text: Linked, link: Mention) -> None:
            super().__init__()
            self.text = text
            self.link = link

        @property
        def control(self) -> Linked:
            return self.text

    def __init__(self, units: Sequence[Content], *, links: Sequence[Sequence[Mention]] = (),
                 own: str | None = None, findable: bool = True, classes: str | None = None,
                 id: str | None = None) -> None:
        self._drawn: LazyLines | None = None  # the lines as drawn, until the next refresh
        super().__init__(classes=classes, id=id)
        self.own = own  # the record a card is about: no link to where you already are
        # False where another widget stands for this text in a find (an event's details:
        # the event list).
        self.findable = findable
        self._mentions: Mentions | None = None
        self.links: list[tuple[int, Mention]] = []  # (unit, mention), in reading order
        self.current_link: int | None = None
        self.marks: dict[int, list[tuple[int, int]]] = {}  # unit: spans of its plain text
        self.current_unit: int | None = None  # the unit of the find match that stands out
        self.current_occurrence = 0  # which of that unit's matches it is
        self.update(units, links)

    def update(self, units: Sequence[Content], links: Sequence[Sequence[Mention]] = ()) -> None:
        """Show other units (the timeline's details of another event), linked alike."""
        self.units = list(units)
        # Lines per width (see _wrapped): Textual asks for the height several times a
        # layout, and laying out a long text is not free.
        self._layouts: dict[int, tuple[list[Content], list[int] | None]] = {}
        # Links lvtui makes itself (a card's entries), kept when mentions are added.
        self._fixed = [list(unit) for unit in links] or [[] for _ in self.units]
        self.marks, self.current_unit = {}, None
        if self._mentions is not None:
            self.set_mentions(self._mentions)
        else:
            self._set_links(self._fixed)
            self.current_link = None
        self.refresh(layout=True)

    @property
    def texts(self) -> list[str]:
        """Each unit as plain text: what a find looks in."""
        return [unit.plain for unit in self.units]

    def plain_text(self) -> str:
        return "\n".join(self.texts)

    def _set_links(self, per_unit: Sequence[Sequence[Mention]]) -> None:
        self.links = [(unit, link) for unit, links in enumerate(per_unit) for link in links]

    def set_mentions(self, mentions: Mentions) -> None:
        """Make a link of every name in the text (except where lvtui placed a link), now."""
        self.show_links(mentions, self.units, self.links_in(self.units, self._fixed, mentions))

    def link_in_background(self, mentions: Mentions) -> Worker[None]:
        """:meth:`set_mentions`, the names found in a thread: a text that names someone
        100,000 times must not hold up a key. The links appear once they are found."""
        return link_all_in_background(self, [self], lambda: mentions)

    def links_in(self, units: Sequence[Content], own_links: Sequence[Sequence[Mention]],
                 mentions: Mentions) -> list[list[Mention]]:
        """The links of each of *units*: lvtui's own (*own_links*), and every name none of
        them covers. Reads only what it is given and what never changes: safe in a thread."""
        found = []
        for unit, fixed in zip(units, own_links, strict=True):
            links = list(fixed)
            for mention in mentions.find(unit.plain):
                if mention.target != self.own and not any(
                        mention.start < f.end and f.start < mention.end for f in fixed):
                    links.append(mention)
            found.append(sorted(links))
        return found

    def show_links(self, mentions: Mentions, units: list[Content],
                   found: list[list[Mention]]) -> None:
        """Show *found*, the links of *units*, unless the text changed meanwhile."""
        self._mentions = mentions
        if units is not self.units:  # updated while the names were being found: again
            self.set_mentions(mentions)
            return
        had_links = bool(self.links)
        self._set_links(found)
        self.current_link = None
        self.refresh(layout=False)
        if bool(self.links) != had_links and self.is_attached:
            self.screen.refresh_bindings()  # tab and enter now have links to go to

    def set_current_link(self, number: int | None) -> None:
        if number != self.current_link:
            self.current_link = number
            self.refresh()

    # -- find: see Findable ----------------------------------------------------------------

    def find_texts(self) -> list[str]:
        return self.texts

    def mark_found(self, query: str, rows: Sequence[int], current: int | None,
                   occurrence: int = 0,
                   spans: Sequence[Sequence[tuple[int, int]]] | None = None) -> None:
        # self.texts only where the spans are not given: it is a list made anew each time,
        # and a find asks every widget of every section, on every key.
        marks = ({row: list(found) for row, found in zip(rows, spans, strict=True)}
                 if spans is not None else
                 {row: match_spans(self.texts[row], query, limit=MARKED) for row in rows})
        if (marks, current, occurrence) != (self.marks, self.current_unit,
                                            self.current_occurrence):
            self.marks, self.current_unit = marks, current
            self.current_occurrence = occurrence
            self.refresh()

    def reveal_found(self, row: int) -> None:
        show_line(self, self.mark_line() or 0, center=True)

    def action_follow(self, number: int) -> None:
        if 0 <= number < len(self.links):
            self.post_message(self.Followed(self, self.links[number][1]))

    # -- drawing ------------------------------------------------------------------------------

    def styled_units(self) -> list[Content]:
        """Each unit with its links and marks. Every span is added in one step per unit:
        one ``stylize`` a span copies the unit's spans each time: quadratic, 45 s for a
        plot naming someone 20,000 times."""
        added: list[list[Span]] = [[] for _ in self.units]
        link_style = Style.from_rich_style(self.link_style)
        for number, (unit, link) in enumerate(self.links):
            # The look is one style shared by every link; what a click does is the link's own.
            style = link_style + CURRENT_LINK if number == self.current_link else link_style
            added[unit] += (Span(link.start, link.end, style),
                            Span(link.start, link.end, _follow(number)))
        if self.marks:
            match = self.get_visual_style("linked--match")
            current = self.get_visual_style("linked--current-match")
            for unit, spans in self.marks.items():
                shown = self.current_occurrence if unit == self.current_unit else -1
                added[unit] += (Span(start, end, current if number == shown else match)
                                for number, (start, end) in enumerate(spans))
        return [unit.add_spans([span for span in spans if span.start < span.end <= len(unit)])
                for unit, spans in zip(self.units, added, strict=True)]

    def lay_out_units(self, units: list[Content], width: int) -> Content:
        """The units as one text: one after another, a line each, by default."""
        return Content("\n").join(units)

    def render(self) -> Content:
        return self.lay_out_units(self.styled_units(), self.content_size.width)

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        self._drawn = None  # links, marks, the theme or the size changed: draw again
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def render_line(self, y: int) -> Strip:
        """Line *y*, drawn when Textual asks for it. Textual would style, wrap and turn into
        segments every line of the text at every repaint (a link under the keyboard, a find
        mark); here only the lines on screen are, so a long text costs what its view costs."""
        if self.text_selection is not None:  # a mouse selection is drawn over every line
            return super().render_line(y)
        width = self.size.width
        drawn = self._drawing()
        if not 0 <= y < len(drawn):
            return Strip.blank(width, self.visual_style.rich_style)
        return Visual.to_strips(self, drawn.line(y), width, 1, self.visual_style,
                                apply_selection=False)[0]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Laid out for the width asked about, not the width of the last layout (none yet,
        # the first time: a layout that wraps by itself would fold a letter a line).
        return len(self._wrapped(width)[0])

    def _wrapped(self, width: int) -> tuple[list[Content], list[int] | None]:
        """The units laid out and wrapped at *width* without links or marks, and where each
        line starts in the laid-out text. The text alone decides where lines break (links
        and marks only restyle), so this is made once per width and text."""
        width = max(1, width)
        if width not in self._layouts:
            laid_out = self.lay_out_units(self.units, width)
            lines = laid_out.wrap(width)
            self._layouts[width] = (lines, line_starts(laid_out.plain, lines))
        return self._layouts[width]

    def _drawing(self) -> LazyLines:
        width = max(1, self.content_size.width)
        if self._drawn is None or self._drawn.width != width:
            lines, starts = self._wrapped(width)
            self._drawn = LazyLines(width, self.render(), lines, starts)
        return self._drawn

    def _drawn_lines(self) -> list[Content]:
        """The lines as drawn at the widget's width."""
        drawing = self._drawing()
        return [drawing.line(y) for y in range(len(drawing))]

    def line_of(self, found: Callable[[Span], bool]) -> int | None:
        """The first line, as drawn, holding a span *found* picks out."""
        for y, line in enumerate(self._drawn_lines()):
            if any(found(span) for span in line.spans):
                return y
        return None

    def link_line(self, number: int) -> int | None:
        return self.link_lines().get(number)

    def link_lines(self) -> dict[int, int]:
        """The line each link starts on, as drawn."""
        found: dict[int, int] = {}
        for y, line in enumerate(self._drawn_lines()):
            for span in line.spans:
                if isinstance(span.style, Style) and (number := span.style.meta.get(LINK)) \
                        is not None:
                    found.setdefault(number, y)
        return found

    def mark_line(self) -> int | None:
        """The first line of the current find match, as drawn."""
        if self.current_unit is None:
            return None
        current = self.get_visual_style("linked--current-match")
        return self.line_of(lambda span: span.style == current)


def link_all_in_background(owner: DOMNode, blocks: Sequence[Linked],
                           names: Callable[[], Mentions]) -> Worker[None]:
    """Find the names in every one of *blocks* in one thread (run by *owner*), each block
    showing its links as soon as they are found, in the order given. *names* gives every
    name to look for, and is called in the thread too (100,000 names take a second)."""
    # Read here, on the UI thread: a block may be given other units meanwhile (the
    # timeline's details), and its own links with them.
    texts = [(block, block.units, block._fixed) for block in blocks]

    def find() -> None:
        mentions = names()
        for block, units, own_links in texts:
            found = block.links_in(units, own_links, mentions)
            try:
                owner.app.call_from_thread(block.show_links, mentions, units, found)
            except RuntimeError:  # the app closed meanwhile: nobody is there to show them
                return

    return owner.run_worker(find, thread=True, group="links", name="find links")


class Prose(Linked):
    """A paragraph, a quote, a card: units one after another."""
