"""Write screenshots/web.png: `lvtui serve` in Debian's Chromium (headless, via Playwright),
on the plot with the keyboard on its first link, as a visitor sees the page.

Run: python scripts/web_screenshot.py   (needs the web extra, Playwright and chromium)
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parents[1] / "screenshots" / "web.png"


def main() -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("no Chromium: apt-get install chromium")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "lvtui", "serve", "--port", str(port)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        server.stdout.readline()  # "lvtui is served at ..."
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                                 args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            drawn = bytearray()
            page.on("websocket", lambda ws: ws.on(
                "framereceived",
                lambda data: drawn.extend(data if isinstance(data, bytes) else data.encode())))
            page.goto(f"http://127.0.0.1:{port}")
            deadline = time.monotonic() + 30
            while b"Leaving Las Vegas (1995)" not in drawn and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            page.mouse.click(640, 400)
            for key in ("2", "Tab"):
                page.keyboard.press(key)
            page.wait_for_timeout(1500)  # the frame drawn, and xterm.js painting it
            page.screenshot(path=str(OUT))
            browser.close()
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=20)
    print(f"screenshots/{OUT.name}")


if __name__ == "__main__":
    main()
