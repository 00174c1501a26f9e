"""The source distribution holds what its own tests need, and the licence the metadata names."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_sdist_includes_every_folder_the_tests_use() -> None:
    included = {entry.rstrip("/") for entry in
                PROJECT["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]}
    used = set()
    for test in (ROOT / "tests").rglob("*.py"):
        used |= set(re.findall(r'"(benchmarks|scripts|data|src)/', test.read_text("utf-8")))
    assert used and used <= included
    assert {"tests", "README.md", "pyproject.toml", "LICENSE"} <= included


def test_licence_file_matches_the_metadata() -> None:
    assert PROJECT["project"]["license"] == "MIT"
    assert PROJECT["project"]["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
