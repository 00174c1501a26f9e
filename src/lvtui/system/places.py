"""Where lvtui keeps its files, each in the platform's own place (platformdirs): on Linux
the XDG directories, on macOS and Windows theirs. A relative XDG_* variable is ignored, as
the XDG specification says."""

from __future__ import annotations

from pathlib import Path


def films_folder() -> Path:
    """``$XDG_DATA_HOME/lvtui/films`` (``~/.local/share/lvtui/films``): where `lvtui fetch`
    saves films, and the shelf reads them."""
    import platformdirs  # imported when asked: not on the first frame's path

    return Path(platformdirs.user_data_dir("lvtui", appauthor=False)) / "films"


def cache_file() -> Path:
    """``$XDG_CACHE_HOME/lvtui/shelf.json`` (``~/.cache/lvtui/shelf.json``): what the shelf
    read of each film file."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("lvtui", appauthor=False)) / "shelf.json"


def settings_file() -> Path:
    """``$XDG_CONFIG_HOME/lvtui/settings.json`` (``~/.config/lvtui/settings.json``)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("lvtui", appauthor=False)) / "settings.json"
