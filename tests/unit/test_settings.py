"""Settings are never lost: atomic writes, corrupt files set aside, failures only warn."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from helpers import a_device
from lvtui.shelf.settings import Settings, SettingsStore
from lvtui.system import files as files_module


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(tmp_path / "lvtui" / "settings.json")


def leftovers(store: SettingsStore) -> list[str]:
    """Temporary files a failed save might have left beside the settings."""
    return sorted(p.name for p in store.path.parent.iterdir() if p.name.startswith(".settings-"))


def test_round_trip(store: SettingsStore) -> None:
    assert store.load() == Settings()  # no file yet: defaults, no warning
    assert store.save(Settings(theme="nord", section="timeline"))
    assert SettingsStore(store.path).load() == Settings(theme="nord", section="timeline")
    assert json.loads(store.path.read_text()) == {"theme": "nord", "section": "timeline"}
    assert store.warnings == [] and leftovers(store) == []


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"", b"\xff\xfe\x00", b"[1]", b'"nord"', b"null", b'{"theme": 5}',
     b'{"section": ["cast"]}', b'{"theme": {"name": "nord"}}', b"[" * 100_000],
)
def test_a_corrupt_file_is_set_aside_never_overwritten(store: SettingsStore, content: bytes) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content)
    assert store.load() == Settings()
    assert store.warnings and "kept as settings.json.corrupt-1" in store.warnings[0]
    assert (store.path.parent / "settings.json.corrupt-1").read_bytes() == content
    assert store.save(Settings(section="cast"))  # the new file goes where the old one was
    assert (store.path.parent / "settings.json.corrupt-1").read_bytes() == content


def test_every_corrupt_file_is_kept(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    for number in (1, 2, 3):
        store.path.write_bytes(f"broken {number}".encode())
        SettingsStore(store.path).load()
        aside = store.path.parent / f"settings.json.corrupt-{number}"
        assert aside.read_bytes() == f"broken {number}".encode()


def test_unknown_keys_are_ignored(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text('{"theme": "nord", "future": true}')
    assert store.load() == Settings(theme="nord")
    assert store.warnings == []


def test_a_corrupt_file_that_cannot_be_moved_is_left_alone(
    store: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"{broken")

    def refuse(*args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files_module.os, "replace", refuse)
    assert store.load() == Settings()
    assert "could not be moved aside" in store.warnings[0]
    monkeypatch.undo()
    assert store.save(Settings(theme="nord")) is False  # saving would destroy it
    assert store.path.read_bytes() == b"{broken"


def test_a_failing_replace_keeps_the_old_file_and_no_temporary(
    store: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert store.save(Settings(theme="nord", section="cast"))
    before = store.path.read_bytes()

    def crash(*args: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(files_module.os, "replace", crash)
    assert store.save(Settings(theme="dracula", section="plot")) is False
    assert store.path.read_bytes() == before
    assert leftovers(store) == []
    assert store.warnings == ["Could not save settings ([Errno 5] Input/output error)."]


def test_a_full_disk_keeps_the_old_file_and_no_temporary(
    store: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert store.save(Settings(theme="nord"))
    before = store.path.read_bytes()

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files_module.os, "fsync", full)
    assert store.save(Settings(theme="dracula")) is False
    assert store.path.read_bytes() == before
    assert leftovers(store) == []


def test_a_read_only_config_directory_only_warns(
    store: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod cannot stop root, so the refusal the kernel would give is given here.
    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(files_module.tempfile, "mkstemp", read_only)
    assert store.save(Settings(theme="nord")) is False
    assert "Read-only file system" in store.warnings[0]
    assert not store.path.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_a_real_read_only_directory_only_warns(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text('{"theme": "nord"}')
    store.path.parent.chmod(0o500)
    try:
        assert store.load() == Settings(theme="nord")
        assert store.save(Settings(theme="dracula")) is False
        assert "Permission denied" in store.warnings[0]
        assert store.path.read_text() == '{"theme": "nord"}'
    finally:
        store.path.parent.chmod(0o700)


def test_settings_path_is_a_directory(store: SettingsStore) -> None:
    store.path.mkdir(parents=True)
    assert store.load() == Settings()
    assert "Could not read settings" in store.warnings[0]
    assert store.save(Settings(theme="nord")) is False
    assert store.path.is_dir() and leftovers(store) == []


def test_config_directory_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "lvtui").write_text("not a directory")
    store = SettingsStore(tmp_path / "lvtui" / "settings.json")
    assert store.load() == Settings()
    assert store.save(Settings(theme="nord")) is False
    assert (tmp_path / "lvtui").read_text() == "not a directory"


@pytest.mark.parametrize("value", ["", "relative/config"])
def test_xdg_config_home_must_be_absolute(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", value)
    assert SettingsStore.default().path == Path.home() / ".config" / "lvtui" / "settings.json"


def test_xdg_config_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert SettingsStore.default().path == tmp_path / "lvtui" / "settings.json"


def test_the_same_failure_warns_once(store: SettingsStore, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(files_module.tempfile, "mkstemp", read_only)
    for section in ("plot", "cast", "timeline"):
        assert store.save(Settings(section=section)) is False
    assert len(store.warnings) == 1


def test_a_symbolic_link_to_settings_kept_elsewhere_stays_a_link(
        store: SettingsStore, tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles" / "lvtui.json"
    dotfiles.parent.mkdir()
    dotfiles.write_text('{"theme": "nord"}')
    store.path.parent.mkdir(parents=True)
    store.path.symlink_to(dotfiles)
    settings = store.load()
    settings.section = "cast"
    assert store.save(settings)
    assert store.path.is_symlink() and store.path.resolve() == dotfiles
    assert json.loads(dotfiles.read_text())["section"] == "cast"


def test_two_lvtui_at_once_keep_each_others_settings(store: SettingsStore) -> None:
    """Each writes what it changed, and keeps what the other saved since it read the file."""
    store.save(Settings(theme="nord", section="plot"))
    first, second = SettingsStore(store.path), SettingsStore(store.path)
    one, two = first.load(), second.load()
    one.theme = "gruvbox"
    assert first.save(one)
    two.section = "cast"
    assert second.save(two)
    assert SettingsStore(store.path).load() == Settings(theme="gruvbox", section="cast")
    one.section = "timeline"  # the first goes on: its own change wins, the theme stays
    assert first.save(one)
    assert SettingsStore(store.path).load() == Settings(theme="gruvbox", section="timeline")


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_settings_that_are_no_file_are_not_read_and_not_replaced(
        store: SettingsStore, kind: str) -> None:
    store.path.parent.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(store.path)  # read as a file, it would block the first frame
    else:  # a link to a device like /dev/zero: read as a file, it would never end
        store.path.symlink_to(a_device(store.path.parent / "zero"))
    assert store.load() == Settings()
    assert "is not a regular file" in store.warnings[0]
    assert store.save(Settings(theme="nord")) is False
    assert store.path.is_fifo() if kind == "fifo" else store.path.resolve().is_char_device()
