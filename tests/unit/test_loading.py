"""The loader: every way a file can fail is one FilmError with a clear message."""

from __future__ import annotations

import json
import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lvtui.film import loading
from lvtui.film.loading import FilmError, load_film, shipped_film_path

Writer = Callable[..., Path]


def refusal(path: Path) -> FilmError:
    with pytest.raises(FilmError) as caught:
        load_film(path)
    return caught.value


def test_shipped_film_is_found_and_loads() -> None:
    assert shipped_film_path().is_file()
    assert len(load_film(shipped_film_path()).cast) == 28


def test_missing_path(tmp_path: Path) -> None:
    error = refusal(tmp_path / "nope.json")
    assert error.lines() == [f"{tmp_path / 'nope.json'}: no such file"]
    assert error.exit_code == 66


def test_directory(tmp_path: Path) -> None:
    error = refusal(tmp_path)
    assert error.problems == ["is a directory, not a film file"]
    assert error.exit_code == 66


def test_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    worker = threading.Thread(target=lambda: outcome.append(refusal(fifo)), daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "loading a FIFO blocked"
    assert isinstance(outcome[0], FilmError)
    assert "not a regular file" in str(outcome[0])


def test_a_file_swapped_for_a_fifo_after_a_check_never_blocks(
        write_film: Writer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the loader checks by path, a FIFO swapped in right after the check must not
    block the open: the loader looks at what it opened, not at what the path was."""
    path = write_film(json.dumps({"schema_version": 2, "title": "T", "year": 2000}).encode())
    real_stat = os.stat

    def stat_then_swap(target: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        result = real_stat(target, *args, **kwargs)
        if os.fspath(target) == os.fspath(path) and stat.S_ISREG(result.st_mode):
            path.unlink()
            os.mkfifo(path)
        return result

    monkeypatch.setattr(os, "stat", stat_then_swap)
    outcome: list[object] = []

    def load() -> None:
        try:
            outcome.append(load_film(path))
        except FilmError as error:
            outcome.append(error)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=5)
    if worker.is_alive():  # let the blocked open go, so the thread ends
        with open(os.open(path, os.O_WRONLY | os.O_NONBLOCK), "wb"):
            pass
        pytest.fail("a FIFO swapped in after the check blocked the load")
    assert outcome and (not isinstance(outcome[0], FilmError)
                        or "not a regular file" in str(outcome[0]))


def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert refusal(tmp_path / "a").problems == ["is a symbolic link loop"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable(write_film: Writer) -> None:
    path = write_film(b"{}")
    path.chmod(0)
    error = refusal(path)
    assert error.problems == ["permission denied"]
    assert error.exit_code == 66


def test_over_the_size_cap(write_film: Writer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAX_BYTES", 1024)
    error = refusal(write_film(b" " * 2048))
    assert "over the" in error.problems[0]
    assert error.exit_code == 66


def test_real_size_cap_is_16_mib(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:
        handle.truncate(16 * 1024 * 1024 + 1)  # sparse: costs no disk
    assert "16 MiB cap" in refusal(path).problems[0]


def test_empty(write_film: Writer) -> None:
    assert refusal(write_film(b"")).problems == ["is empty"]
    assert refusal(write_film(b" \n\t ")).problems == ["is empty"]


def test_not_utf8_says_which_byte(write_film: Writer) -> None:
    error = refusal(write_film('{"title": "caf\xe9"}'.encode("latin-1")))
    assert error.problems == ["is not UTF-8: byte 0xE9 at byte offset 14"]
    assert error.exit_code == 65


def test_bom_is_accepted(write_film: Writer) -> None:
    data = shipped_film_path().read_bytes()
    assert load_film(write_film(b"\xef\xbb\xbf" + data)).title == "Leaving Las Vegas"


def test_invalid_json_gives_line_and_column(write_film: Writer) -> None:
    error = refusal(write_film(b'{\n  "title": "x",\n}'))
    assert error.problems[0].startswith("invalid JSON at line 3, column 1")
    assert error.exit_code == 65


def test_duplicate_keys_are_an_error(write_film: Writer) -> None:
    error = refusal(write_film(b'{"title": "a", "title": "b"}'))
    assert error.problems == ['duplicate key "title" in one JSON object']


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_refused(write_film: Writer, constant: str) -> None:
    error = refusal(write_film(f'{{"year": {constant}}}'.encode()))
    assert "is not a JSON number" in error.problems[0]


def test_deep_nesting(write_film: Writer) -> None:
    error = refusal(write_film(b"[" * 200_000 + b"]" * 200_000))
    assert "nested too deeply" in error.problems[0]


def test_huge_integer(write_film: Writer) -> None:
    error = refusal(write_film(b'{"year": ' + b"9" * 10_000 + b"}"))
    assert error.problems[0].startswith("invalid JSON")
    assert len(error.problems[0]) < 120


def test_quoted_values_are_cleaned_and_cut(write_film: Writer, film_dict: dict[str, Any]) -> None:
    film_dict["year"] = "\x1b]0;pwned\x07" + "9" * 500
    [problem] = refusal(write_film(film_dict)).problems
    assert "\x1b" not in problem and "\x07" not in problem
    assert problem.startswith('$.year: expected a valid integer (got "999')  # OSC swallowed
    assert len(problem) < 110


def test_hostile_file_name_is_cleaned(tmp_path: Path) -> None:
    error = refusal(tmp_path / "evil\x1b]0;x\x07.json")
    assert "\x1b" not in error.lines()[0]


def test_error_message_is_one_line_per_problem(write_film: Writer) -> None:
    path = write_film(json.loads('{"schema_version": 1}'))
    error = refusal(path)
    assert len(error.lines()) == len(error.problems) > 5
    assert all(line.startswith(f"{path}: $.") and "\n" not in line for line in error.lines())


def test_a_file_with_thousands_of_problems_lists_fifty_and_counts_the_rest(
    write_film: Callable[[Any], Path], film_dict: dict[str, Any]
) -> None:
    film_dict["cast"] = [{"person": 1}] * 3000
    with pytest.raises(FilmError) as caught:
        load_film(write_film(film_dict))
    problems = caught.value.problems
    assert len(problems) == 51
    assert problems[-1] == "and 5,950 more problems"
