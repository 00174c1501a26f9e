"""`lvtui serve` in a real Chromium (Debian's, driven by Playwright), on the hostile film:
its text reaches the page as text, it answers keys, ctrl+c leaves no process, a film path
runs and injects nothing.

What the app drew is read from the websocket frames the page received, not guessed.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hostile.corpus import CORPUS
from lvtui.film.loading import load_film
from lvtui.text.clean import shorten
from web.support import Served, wait_until

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("no Chromium: apt-get install chromium (the web tests drive it; .ci/run does)",
                allow_module_level=True)
pytestmark = [pytest.mark.xdist_group("web"),  # one worker: one Chromium for them all
              pytest.mark.long]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    assert CHROMIUM is not None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=["--no-sandbox"])
        yield chromium
        chromium.close()


# Small: xterm.js draws with WebGL, which headless Chromium runs in software, so every pixel
# of the page is CPU (1280x800 cost the two tests 3-4 CPU-s more, checking the same).
VIEWPORT = {"width": 800, "height": 560}


class Tab:
    """A browser tab on the server, and everything the app sent it over the websocket."""

    def __init__(self, browser: Any, url: str) -> None:
        self.page = browser.new_page(viewport=VIEWPORT)
        self.received = bytearray()
        self.dialogs: list[str] = []
        self.requests: list[str] = []  # every URL the page asked for, the page's own included
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message),
                                               dialog.dismiss()))
        self.page.on("websocket", self._socket)
        self.page.goto(url)

    def _socket(self, websocket: Any) -> None:
        def received(payload: str | bytes) -> None:
            self.received += payload if isinstance(payload, bytes) else payload.encode()
        websocket.on("framereceived", received)

    def text(self) -> str:
        return self.received.decode("utf-8", "replace")

    def wait_for(self, text: str, timeout: float = 30.0, after: int = 0) -> int:
        """Wait until *text* is drawn (past the first *after* bytes received); where it is."""
        deadline = time.monotonic() + timeout
        while (at := self.received.find(text.encode(), after)) < 0:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never drawn; last: {self.text()[-300:]!r}")
            self.page.wait_for_timeout(50)  # lets Playwright deliver the frames
        return at

    def click_middle(self) -> None:
        """Click the middle of the page, where the terminal is."""
        self.page.mouse.click(VIEWPORT["width"] // 2, VIEWPORT["height"] // 2)

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)

    def close(self) -> None:
        self.page.close()


def test_a_hostile_film_in_chromium_is_text_and_answers_keys(
        browser: Any, serve: Callable[..., Served], tmp_path: Path) -> None:
    """One server and one page for what they cost (a page load is some 3 CPU-s of
    Chromium's, drawing with WebGL in software): the hostile film, under a name with shell
    and HTML in it. Its text reaches the page as text, it answers keys, its path runs and
    injects nothing, and ctrl+c ends its lvtui with the server."""
    name = "film $(touch PWNED) `touch PWNED2`; touch PWNED3 <img src=x onerror=alert(1)>.json"
    shutil.copy(CORPUS / "everything.json", tmp_path / name)
    server = serve(name, cwd=tmp_path)
    tab = Tab(browser, server.url)
    tab.wait_for("CLICKME")
    # The page is lvtui's own: its title names the film, shortened and as text, and no
    # request left the server (no web font from a third party: it is served from here).
    film = load_film(CORPUS / "everything.json")
    title = tab.page.title()
    assert title == f"lvtui — {shorten(film.title, 200)} ({film.year})"
    assert title.startswith("lvtui — Leaving Las Vegas [b]bold[/b]")
    tab.click_middle()  # focus the terminal, as a person would: the click lands on the overview
    # Links are found in a thread after the first frame: the footer offers tab once the
    # section shown has them. (A key that changed section here could race them.)
    tab.wait_for("Next link")
    seen = len(tab.received)
    tab.press("Tab", "Enter")  # a link, followed
    tab.wait_for("Person", after=seen)
    seen = len(tab.received)
    # Typed at once, the page sends escape and 5 in one message: still escape, then 5.
    tab.press("Escape", "5")
    tab.wait_for("Timeline 19", after=seen)
    tab.press("/", *"shue")
    found = tab.wait_for("1 of 28", after=seen)
    tab.press("Enter", "Enter")  # the one found, then her card
    # Her card, her name as the film gives it: its markup shown as characters.
    tab.wait_for("Elisabeth Shue [b]bold[/b]", after=tab.wait_for("Person", after=found))
    assert len(server.apps()) == 1  # one tab, one lvtui
    # Markup in the film is shown as its characters; no escape sequence from the film
    # (a title, a link, the clipboard) reached the page, which kept its title.
    assert "[@click=app.bait" in tab.text()
    for sequence in (b"\x1b]0;", b"\x1b]2;", b"\x1b]8;", b"\x1b]52;"):
        assert sequence not in tab.received, sequence
    assert tab.page.title() == title
    assert tab.requests and all(url.startswith((f"{server.url}/", f"ws://127.0.0.1:{server.port}/"))
                                for url in tab.requests), tab.requests
    assert f"{server.url}/static/fonts/RobotoMono-VariableFont_wght.ttf" in tab.requests
    # The film's path, shell and HTML in its name, ran nothing and reached the page as
    # nothing; nor did the film's own HTML.
    assert not list(tmp_path.glob("PWNED*"))
    html = tab.page.content()
    assert "<img src=x" not in html and "onerror" not in html
    assert tab.dialogs == []
    # ctrl+c with the tab still open ends its lvtui too. (A second tab, a second lvtui,
    # and a closed tab's ending: test_guards, over plain websockets, without a page load.)
    apps = server.apps()
    assert server.stop() == 0
    wait_until(lambda: not any(Path(f"/proc/{pid}").exists() for pid in apps),
               what="the open tab's lvtui to end with the server")
    tab.close()
