"""The command line: exit codes, stdout, stderr, never a traceback.

Most cases run `cli.main` in this process (the same code path, without an interpreter
start-up each); a real process where the process itself matters: `python -m lvtui`, bytes
on the real stderr, and a browser that must exit before it touches the terminal."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers import Run


def lvtui(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "lvtui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stdout + result.stderr
    return result


def test_validate_shipped_film_from_any_directory(run: Run, tmp_path: Path) -> None:
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip().endswith(
        ": ok (schema 2; 28 cast, 34 people, 11 organisations, 7 events)")


def test_validate_several_paths(run: Run, write_film: Callable[..., Path], tmp_path: Path) -> None:
    good = write_film(json.loads(Path(run("validate").stdout.split(":")[0]).read_text()))
    bad = write_film(b'{"a": 1,}')
    result = run("validate", str(good), str(bad))
    assert result.returncode == 65
    assert result.stdout == (
        f"{good}: ok (schema 2; 28 cast, 34 people, 11 organisations, 7 events)\n")
    assert (
        result.stderr
        == f"{bad}: invalid JSON at line 1, column 9: Expecting property name enclosed in double quotes\n"
    )


def test_validate_unreadable_path_exits_66(run: Run, tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "missing.json"), str(tmp_path))
    assert result.returncode == 66
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'missing.json'}: no such file",
        f"{tmp_path}: is a directory, not a film file",
    ]


def test_validate_schema_errors_one_per_line(
    run: Run,
    write_film: Callable[..., Path], film_dict: dict[str, Any]
) -> None:
    film_dict["cast"][3]["character"] = ["\x1b]52;c;aGk=\x07"]
    film_dict["year"] = "1995"
    path = write_film(film_dict)
    result = run("validate", str(path))
    assert result.returncode == 65
    assert result.stderr.splitlines() == [
        f'{path}: $.year: expected a valid integer (got "1995")',
        f"{path}: $.cast[3].character: expected a valid string (got a list)",
    ]


def test_hostile_values_never_reach_stderr_raw(write_film: Callable[..., Path]) -> None:
    result = lvtui("validate", str(write_film(b'{"\x1b]0;title\x07\xc2\x9b2J": 1}')))
    assert result.returncode == 65
    assert not any(ch in result.stderr for ch in "\x1b\x07\x9b")


def test_cast_query(run: Run) -> None:
    result = run("cast", "shue")
    assert result.returncode == 0
    assert result.stdout == "Elisabeth Shue\tSera\n"  # plain text when piped, no empty field


def test_cast_json_shows_credited_name(run: Run) -> None:
    result = run("cast", "goorjian", "--format", "json")
    assert json.loads(result.stdout) == [
        {
            "actor": "Michael Goorjian",
            "role": "College Boy #1",
            "credited_as": "Michael A. Goorjian",
            "person": "michael-goorjian",
        }
    ]


def test_cast_csv_all_members(run: Run) -> None:
    rows = list(csv.reader(io.StringIO(run("cast", "--format", "csv").stdout)))
    assert rows[0] == ["actor", "role", "credited_as"]
    assert len(rows) == 29


def test_cast_accents_and_other_film(
    run: Run,
    write_film: Callable[..., Path], film_dict: dict[str, Any]
) -> None:
    film_dict["people"][0]["name"] = "Zoë Ångström"
    result = run("cast", "ZOE ANG", "--film", str(write_film(film_dict)))
    assert result.stdout.startswith("Zoë Ångström\tBen Sanderson")


def test_cast_bad_film_exits_65(run: Run, write_film: Callable[..., Path]) -> None:
    result = run("cast", "--film", str(write_film(b"[]")))
    assert result.returncode == 65
    assert "expected a JSON object" in result.stderr


def test_schema_is_json_schema(run: Run) -> None:
    schema = json.loads(run("schema").stdout)
    assert schema["title"] == "Film"
    assert schema["required"] == ["schema_version", "title", "year"]
    assert schema["properties"]["people"]["description"]


def test_version_and_help(run: Run) -> None:
    assert lvtui("--version").stdout.startswith("lvtui ")  # the command as installed, once
    help_text = run("--help").stdout
    assert "--film" in help_text and "validate" in help_text
    assert "--format" in run("cast", "--help").stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--bogus"],
        ["cast", "--format", "xml"],
        ["--section", "nope"],
        ["x.json", "--film", "y.json"],
    ],
)
def test_bad_usage_exits_2(run: Run, args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: lvtui")


@pytest.mark.parametrize(("args", "says"), [
    (["serve", "--port", "99999"], "argument --port: expected a port from 0 to 65,535"),
    (["serve", "--port", "-1"], "argument --port: expected a port from 0 to 65,535"),
    (["serve", "--max-sessions", "0"], "argument --max-sessions: expected a whole number"),
    (["fetch", "tmdb", "550", "--timeout", "nan"], "argument --timeout: expected a number"),
    (["fetch", "tmdb", "550", "--timeout", "inf"], "argument --timeout: expected a number"),
    (["fetch", "tmdb", "550", "--timeout", "-3"], "argument --timeout: expected a number"),
    (["fetch", "tmdb", "550", "--api-url", "http://[::1/3"], "argument --api-url: expected"),
    (["fetch", "tmdb", "550", "--api-url", "file:///etc"], "argument --api-url: expected"),
    (["fetch", "tmdb", "550", "--api-url", "http://127.0.0.1:99999/3"],
     "argument --api-url: expected"),
    (["fetch", "tmdb", "x", "--year", "9" * 5000], "argument --year: expected a year"),
])
def test_a_bad_option_value_is_a_usage_error(run: Run, args: list[str], says: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.startswith(f"usage: lvtui {args[0]}")
    assert says in result.stderr.splitlines()[-1]


@pytest.mark.parametrize("film", ["9" * 5000, "²", "٥٥٠"])
def test_an_id_that_is_no_id_is_a_usage_error(run: Run, film: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMDB_API_KEY", "k")
    result = run("fetch", "tmdb", film, "--api-url", "http://127.0.0.1:9/3")
    assert result.returncode == 2
    assert result.stderr.endswith("is not a TMDB id (at most ten digits, 0 to 9)\n")
    assert result.stderr.count("\n") == 1


def test_a_crashed_browser_exits_non_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    from lvtui.cli.commands import main
    from lvtui.ui.app import FilmApp

    run = FilmApp.run

    def crash(self: FilmApp) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(FilmApp, "on_mount", crash)
    monkeypatch.setattr(FilmApp, "run", lambda self: run(self, headless=True))
    assert main([]) == 1


def test_browser_refuses_bad_file_before_starting(tmp_path: Path) -> None:
    result = lvtui("--film", str(tmp_path / "none.json"))
    assert result.returncode == 66
    assert result.stdout == ""
    assert result.stderr == f"{tmp_path / 'none.json'}: no such file\n"


@pytest.mark.parametrize("topic", [[], ["cast"], ["validate"], ["schema"]])
def test_help_command(run: Run, topic: list[str]) -> None:
    result = run("help", *topic)
    code, out = result.returncode, result.stdout
    assert code == 0
    assert out.startswith(f"usage: lvtui {' '.join(topic)}".rstrip())
    if topic == ["cast"]:
        assert "--format" in out and "exit status: 0 when at least one member matched" in out


@pytest.mark.parametrize(("args", "usage"), [
    (["schema", "extra"], "usage: lvtui schema"),
    (["validate", "--bogus"], "usage: lvtui validate"),
    (["cast", "--format", "xml"], "usage: lvtui cast"),
    (["help", "nothing"], "usage: lvtui help"),
])
def test_command_errors_name_the_command(run: Run, args: list[str], usage: str) -> None:
    result = run(*args)
    code, out, err = result.returncode, result.stdout, result.stderr
    assert code == 2 and out == ""
    assert err.startswith(usage)
    assert f"lvtui {args[0]}: error:" in err


def test_cast_words_are_one_query_and_no_match_exits_1(run: Run) -> None:
    found = run("cast", "elisabeth", "shue")
    assert (found.returncode, found.stdout) == (0, "Elisabeth Shue\tSera\n")
    nobody = run("cast", "nobodyxyz")
    assert (nobody.returncode, nobody.stdout) == (1, "")


def test_the_help_names_every_command() -> None:
    from lvtui.cli.commands import browser_parser, commands_parser

    epilog = browser_parser().epilog or ""
    _, commands = commands_parser()
    assert [name for name in commands if f"'lvtui {name}" not in epilog] == []


def test_every_option_has_help() -> None:
    from lvtui.cli.commands import browser_parser, commands_parser

    root, commands = commands_parser()
    for parser in [browser_parser(), root, *commands.values()]:
        assert parser.description
        for action in parser._actions:  # argparse keeps no public list of its options
            assert action.help, f"{parser.prog} {action.dest}"


def test_validate_says_which_schema_and_upgrade_writes_schema_2(run: Run, tmp_path: Path) -> None:
    old = Path(__file__).resolve().parents[1] / "films" / "schema-1.json"
    result = run("validate", str(old))
    assert result.returncode == 0
    assert result.stdout.startswith(f"{old}: ok (schema 1, upgrade it with 'lvtui upgrade'; ")
    upgraded = run("upgrade", str(old))
    assert upgraded.returncode == 0
    document = json.loads(upgraded.stdout)
    assert document["schema_version"] == 2
    new = tmp_path / "new.json"
    new.write_text(upgraded.stdout, encoding="utf-8")
    assert run("validate", str(new)).stdout.startswith(f"{new}: ok (schema 2; 28 cast, ")


def test_validate_names_a_dangling_reference(
    run: Run,
    write_film: Callable[..., Path], film_dict: dict[str, Any]
) -> None:
    film_dict["reception"]["reviews"][1]["critic"] = "rick-groan"
    path = write_film(film_dict)
    result = run("validate", str(path))
    assert result.returncode == 65
    assert result.stderr == (f'{path}: $.reception.reviews[1].critic: no person or organisation '
                             'has the id "rick-groan"\n')


def test_search_opens_the_cast_searched_and_find_is_its_old_name(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import lvtui.cli.commands

    opened: list[tuple[object, ...]] = []
    monkeypatch.setattr(lvtui.cli.commands, "browse", lambda *args: opened.append(args) or 0)
    assert lvtui.cli.commands.main(["--search", "shue"]) == 0
    assert lvtui.cli.commands.main(["--find", "shue"]) == 0  # still works, and says what it is now
    assert opened == [(None, None, "shue"), (None, None, "shue")]
    assert capsys.readouterr().err == \
        "lvtui: --find is now --search (it searches the cast, as / does)\n"
    # Opening on the cast with a search is one thing; on the timeline it is a contradiction.
    assert lvtui.cli.commands.main(["--section", "cast", "--search", "shue"]) == 0
    with pytest.raises(SystemExit) as refused:
        lvtui.cli.commands.main(["--section", "timeline", "--search", "shue"])
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == ("lvtui: error: --search opens the cast, so it cannot "
                                    "open on timeline: give one or the other")
