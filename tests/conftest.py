"""Shared fixtures: the shipped film (as a dict and as a Film), variant files, app factory."""

from __future__ import annotations

import copy
import gc
import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers import AppFactory, Run, lean
from lvtui.film.loading import load_film, shipped_film_path
from lvtui.film.model import Film
from lvtui.shelf.settings import SettingsStore

# A young-generation collection every 20,000 allocations instead of every 700: an app test
# allocates millions of short-lived objects (strips, segments, styles), and Python's default
# spent some 10-15 % of the suite's CPU time collecting them early. Nothing in a test waits on
# a collection; the full passes at each teardown (below) still run.
gc.set_threshold(20_000, 50, 100)

SHIPPED = json.loads(shipped_film_path().read_text(encoding="utf-8"))


@pytest.fixture
def film_dict() -> dict[str, Any]:
    """A deep copy of the shipped film, free to mutate."""
    return copy.deepcopy(SHIPPED)


@pytest.fixture
def write_film(tmp_path: Path) -> Callable[[Any], Path]:
    """Write a dict (as JSON) or raw bytes to a fresh file and return its path."""
    counter = iter(range(10_000))

    def write(content: Any, name: str | None = None) -> Path:
        path = tmp_path / (name or f"film{next(counter)}.json")
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        return path

    return write


@pytest.fixture(autouse=True)
def private_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever reads or writes the real user's settings, library or cache."""
    home = tmp_path_factory.mktemp("home")  # one numbered directory: each costs a listing
    for name in ("config", "data", "cache"):
        (home / name).mkdir()
        monkeypatch.setenv(f"XDG_{name.upper()}_HOME", str(home / name))
    return home / "config"


@pytest.fixture(scope="session")
def film() -> Film:
    return load_film(shipped_film_path())


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "lvtui" / "settings.json"


@pytest.fixture
def make_app(film: Film, settings_path: Path) -> AppFactory:
    """FilmApp(film or the shipped film, settings kept in this test's temporary directory)."""
    from lvtui.ui.app import FilmApp  # textual only for the tests that run the app

    def make(film_: Film | None = None, *, every_frame: bool = False,
             **options: Any) -> FilmApp:
        app = FilmApp(film_ or film, settings=SettingsStore(settings_path), **options)
        return lean(app, every_frame=every_frame)

    return make


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long tests first: workers take tests in this order, and a long one taken last
    would keep one worker busy while the others wait."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput") and config.getoption("numprocesses", None) \
            and config.getoption("assertmode") == "rewrite":
        _rewrite_test_modules_once(config)


def _rewrite_test_modules_once(config: pytest.Config) -> None:
    """Rewrite the asserts of every test module once, in xdist's controller, before its
    workers start; each worker then loads the result. Without it every worker rewrote every
    module again (2.6 instead of 1.6 CPU-s to collect, some 4 s of a run on two cores):
    where Python writes no bytecode (`PYTHONDONTWRITEBYTECODE`, as on this machine) or in a
    fresh clone, there is no cache to share. The result goes where pytest keeps it,
    `__pycache__` beside each module (ignored by git). pytest has no public way to do this:
    the names used are checked below, at import, and fail loudly if pytest changes them."""
    from _pytest.assertion import assertstate_key
    from _pytest.assertion.rewrite import PYC_TAIL, _rewrite_test, _write_pyc, get_cache_dir

    state = config.stash[assertstate_key]
    here = Path(__file__).parent
    for module in sorted({*here.rglob("test_*.py"), *here.rglob("conftest.py")}):
        cache = get_cache_dir(module)
        try:
            cache.mkdir(exist_ok=True)
        except OSError:  # a read-only tree: each worker rewrites for itself, as before
            return
        source_stat, code = _rewrite_test(module, config)
        _write_pyc(state, code, source_stat, cache / (module.name[:-3] + PYC_TAIL))


def _check_pytest_rewrite_names() -> None:
    import inspect

    from _pytest.assertion import rewrite

    assert list(inspect.signature(rewrite._rewrite_test).parameters) == ["fn", "config"], \
        "pytest changed _rewrite_test"
    assert list(inspect.signature(rewrite._write_pyc).parameters) == \
        ["state", "co", "source_stat", "pyc"], "pytest changed _write_pyc"
    assert list(inspect.signature(rewrite.get_cache_dir).parameters) == ["file_path"], \
        "pytest changed get_cache_dir"
    assert rewrite.PYC_TAIL.endswith(".pyc"), "pytest changed PYC_TAIL"


_check_pytest_rewrite_names()


def pytest_runtest_teardown(item: pytest.Item) -> None:
    """Set aside what outlives a test from the garbage collector's full passes.
    Textual keeps up to a thousand widgets' render caches in a class-level lru_cache, so the
    heap grows by some ten thousand objects per app test; every full collection walked them
    all again. Collected first, frozen after: some 10–15 % of the suite's CPU time."""
    gc.collect()
    gc.freeze()


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """`lvtui ARGS` (in *cwd*) in this process, as a finished process would report it: the
    one way the tests run a command (a process each is slow). The browser is a tripwire: no
    command run here may start it."""
    from lvtui.cli.commands import main
    from lvtui.ui.app import FilmApp

    def tripwire(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the browser was started")

    monkeypatch.setattr(FilmApp, "run", tripwire)

    def run_(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        with monkeypatch.context() as patch:
            if cwd is not None:
                patch.chdir(cwd)
            try:
                code = main(list(args))
            except SystemExit as exit_:  # argparse's usage errors and --version
                code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        assert "\x1b" not in out + err
        return subprocess.CompletedProcess(args, code, out, err)

    return run_
