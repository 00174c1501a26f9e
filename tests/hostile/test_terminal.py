"""The bytes lvtui writes to a real pseudo-terminal while it shows a hostile film.

Everything else tests what the app means to draw; this tests what reaches the terminal.
lvtui runs as a person would run it, on a pty of 120x40, and is driven through every
section, a card, a search, the help and quit. Not one escape sequence from the film may
appear in its output.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from hostile.corpus import CORPUS, EVIL_URL, MARKER

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty"),
    pytest.mark.xdist_group("pty"),  # one worker runs the visit once, for every test here
]

FILM = CORPUS / "everything.json"

# Sequences that, in lvtui's output, can only have come from the film.
FROM_THE_DATA = {
    "OSC 52 (clipboard write)": re.compile(rb"\x1b\]52;"),
    "OSC 0/1/2 (window title)": re.compile(rb"\x1b\][012];"),
    "OSC 8 with the film's URL": re.compile(rb"\x1b\]8;[^\x07\x1b]*" + re.escape(EVIL_URL.encode())),
    "CSI 6n (device status report)": re.compile(rb"\x1b\[6n"),
    "CSI 21t (report title)": re.compile(rb"\x1b\[21t"),
    "CSI 8;1;1t (resize window)": re.compile(rb"\x1b\[8;1;1t"),
    "CSI 3J (erase scrollback)": re.compile(rb"\x1b\[3J"),
    "ESC c (reset)": re.compile(rb"\x1bc"),
    "ESC ( 0 (line drawing set)": re.compile(rb"\x1b\(0"),
    "DCS, SOS, PM or APC": re.compile(rb"\x1b[PX^_]"),
    "a C1 control (UTF-8 encoded)": re.compile(rb"\xc2[\x80-\x9f]"),
    "a bidi override or isolate": re.compile(rb"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]"),
    "NUL": re.compile(rb"\x00"),
    "DEL": re.compile(rb"\x7f"),
    "a payload that had to vanish": re.compile(MARKER.encode()),
}


class Terminal:
    """lvtui on a pty: keys in, every byte out collected."""

    def __init__(self, args: list[str], size: tuple[int, int], home: Path) -> None:
        self.master, slave = pty.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "LANG": "C.UTF-8",
        }
        self.process = subprocess.Popen(
            args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the child closed the pty
                return
            if not chunk:
                return
            with self._lock:
                self.output += chunk

    def size_of_output(self) -> int:
        with self._lock:
            return len(self.output)

    def wait_for(self, text: str, since: int, timeout: float = 20.0) -> int:
        """Wait until *text* is drawn after byte *since*; return where the output ends now.

        A condition, not a quiet period: a key sent after a bare ESC only waits until the
        ESC was answered, so the terminal parser never reads the two as alt+key."""
        needle = text.encode()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if needle in self.output[since:]:
                    return len(self.output)
            time.sleep(0.02)
        with self._lock:
            tail = bytes(self.output[-600:])
        raise AssertionError(f"{text!r} never drawn; {self.size_of_output()} bytes written, "
                             f"ending {tail!r}")

    def send(self, keys: bytes, then: str) -> None:
        """Type *keys* as one burst, as a fast hand does, and wait until *then* is drawn."""
        since = self.size_of_output()
        os.write(self.master, keys)
        self.wait_for(then, since)

    def close(self) -> int:
        try:
            return self.process.wait(timeout=15)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            self._reader.join(timeout=5)
            os.close(self.master)


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, bytes]:
    """Run the whole visit once; every test below looks at the same bytes."""
    home = tmp_path_factory.mktemp("home")
    terminal = Terminal([sys.executable, "-m", "lvtui", str(FILM)], (120, 40), home)
    try:
        terminal.wait_for("Overview", 0)
        terminal.send(b"1234567", then="Released")  # every section, a burst
        terminal.send(b"3\r", then="Person")  # the first cast member's card
        terminal.send(b"\x1b", then="Card")  # close it: the list's footer is back
        terminal.send(b"/nic", then=" of 28")  # a search
        terminal.send(b"\r\r", then="Person")  # first result, then its card
        terminal.send(b"\x1b", then="Card")
        terminal.send(b"4\t\r", then="Person")  # production: a quote's speaker, by a link
        # Back in the notes, on that link: "Follow" is offered. Not "Next link", which the
        # card's own footer also shows and may draw late: the next burst would then follow
        # the escape too soon, and a terminal reads ESC + ^F as alt+^F.
        terminal.send(b"\x1b", then="Follow")
        terminal.send(b"\x06klady\r", then="1 of 1")  # ctrl+f: found, and shown
        terminal.send(b"\x1b", then="Next link")  # the find bar closes
        terminal.send(b"\x1b[11~", then="Keys")  # F1: the help
        terminal.send(b"\x1b", then="Next link")
        os.write(terminal.master, b"q")
    finally:
        code = terminal.close()
    return code, bytes(terminal.output)


def test_lvtui_ran_and_quit_cleanly(session: tuple[int, bytes]) -> None:
    code, output = session
    assert code == 0, output[-2000:]
    assert b"Traceback" not in output
    assert b"\x1b[?1049h" in output  # it did take over the screen...
    assert output.rstrip().endswith(b"\x1b[?1049l") or b"\x1b[?1049l" in output[-400:]


def test_the_film_was_drawn(session: tuple[int, bytes]) -> None:
    _, output = session
    # Markup from the film arrives as the literal characters of the markup.
    assert b"CLICKME" in output
    assert b"[@click=app.bait('data')]" in output
    assert "東京物語".encode() in output


@pytest.mark.parametrize("name", list(FROM_THE_DATA))
def test_no_sequence_from_the_film_reaches_the_terminal(
    session: tuple[int, bytes], name: str
) -> None:
    _, output = session
    found = FROM_THE_DATA[name].search(output)
    assert found is None, f"{name} at byte {found.start()}: {output[found.start() - 40:][:80]!r}"
