"""App fixtures: one factory used by every Pilot and snapshot test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lvtui.app import FilmApp
from lvtui.loading import load_film, shipped_film_path
from lvtui.model import Film
from lvtui.settings import SettingsStore

AppFactory = Callable[..., FilmApp]


@pytest.fixture(scope="session")
def film() -> Film:
    return load_film(shipped_film_path())


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "lvtui" / "settings.json"


@pytest.fixture
def make_app(film: Film, settings_path: Path) -> AppFactory:
    def make(film_: Film | None = None, **options: Any) -> FilmApp:
        return FilmApp(film_ or film, settings=SettingsStore(settings_path), **options)

    return make
