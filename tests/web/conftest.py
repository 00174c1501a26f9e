"""The `serve` fixture: start `lvtui serve`, and stop every server a test started."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from web.support import Served


@pytest.fixture
def serve() -> Iterator[Callable[..., Served]]:
    started: list[Served] = []

    def start(*args: str, cwd: Path | None = None) -> Served:
        server = Served(*args, cwd=cwd)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
