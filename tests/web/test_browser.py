"""`lvtui serve` in a real Chromium (Debian's, driven by Playwright): the film is drawn and
answers keys, a closed tab or ctrl+c leaves no process, a film path runs and injects
nothing, hostile film text reaches the page as text.

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
from lvtui.loading import shipped_film_path
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


def test_the_film_in_chromium_answers_keys_and_searches_and_each_tab_is_one_lvtui(
        browser: Any, serve: Callable[..., Served], tmp_path: Path) -> None:
    """One server for what a page load costs (some 2 s of Chromium's CPU each): the film
    answers keys, the film's path runs and injects nothing, a closed tab ends its lvtui,
    and ctrl+c ends the rest."""
    name = "film $(touch PWNED) `touch PWNED2`; touch PWNED3 <img src=x onerror=alert(1)>.json"
    shutil.copy(shipped_film_path(), tmp_path / name)
    server = serve(name, cwd=tmp_path)
    tab = Tab(browser, server.url)
    tab.wait_for("Leaving Las Vegas (1995)")
    tab.click_middle()  # focus the terminal, as a person would
    tab.press("5")
    tab.wait_for("Timeline 19")
    tab.press("/", *"shue")
    tab.wait_for("1 of 28")
    tab.press("Enter", "Enter")
    tab.wait_for("Person")
    tab.wait_for("Elisabeth Judson Shue")
    assert len(server.apps()) == 1  # one tab, one lvtui
    # The page is lvtui's own: its title names the film, and no request left the server
    # (no web font from a third party: the terminal's font is served from here).
    assert tab.page.title() == "lvtui — Leaving Las Vegas (1995)"
    assert tab.requests and all(url.startswith((f"{server.url}/", f"ws://127.0.0.1:{server.port}/"))
                                for url in tab.requests), tab.requests
    assert f"{server.url}/static/fonts/RobotoMono-VariableFont_wght.ttf" in tab.requests
    # The film's path, shell and HTML in its name, ran nothing and reached the page as
    # nothing.
    assert not list(tmp_path.glob("PWNED*"))
    html = tab.page.content()
    assert "<img src=x" not in html and "onerror" not in html
    assert tab.dialogs == []
    # A second tab is a second lvtui; closing the first ends the first's.
    second = Tab(browser, server.url)
    second.wait_for("Leaving Las Vegas (1995)")
    wait_until(lambda: len(server.apps()) == 2, what="two lvtui processes")
    tab.close()
    wait_until(lambda: len(server.apps()) == 1, what="the closed tab's lvtui to end")
    apps = server.apps()
    assert server.stop() == 0  # ctrl+c, with a tab still open
    wait_until(lambda: not any(Path(f"/proc/{pid}").exists() for pid in apps),
               what="the open tab's lvtui to end with the server")
    second.close()


def test_hostile_film_text_reaches_the_page_as_text(browser: Any,
                                                    serve: Callable[..., Served]) -> None:
    server = serve(str(CORPUS / "everything.json"))
    tab = Tab(browser, server.url)
    title = tab.page.title()
    tab.wait_for("CLICKME")
    tab.click_middle()  # focus the terminal: the click lands on the overview
    # Links are found in a thread after the first frame: the footer offers tab once the
    # section shown has them. (A key that changed section here could race them.)
    tab.wait_for("Next link")
    tab.press("Tab", "Enter")  # a link, followed
    tab.wait_for("Person")
    assert "[@click=app.bait" in tab.text()  # markup, shown as its characters
    for sequence in (b"\x1b]0;", b"\x1b]2;", b"\x1b]8;", b"\x1b]52;"):  # title, link, clipboard
        assert sequence not in tab.received, sequence
    assert tab.page.title() == title and tab.dialogs == []
    tab.close()
