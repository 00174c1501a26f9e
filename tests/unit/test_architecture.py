"""The core modules never import textual: the model must stay usable without a UI."""

from __future__ import annotations

import subprocess
import sys

CORE = ["lvtui.film.model", "lvtui.film.schema_v1", "lvtui.film.fields", "lvtui.film.upgrade", "lvtui.reading.wording",
        "lvtui.film.loading", "lvtui.text.clean", "lvtui.text.folding", "lvtui.cli.commands",
        "lvtui.reading.people", "lvtui.shelf.settings", "lvtui.reading.sections", "lvtui.text.mentions", "lvtui.reading.finding",
        "lvtui.text.history", "lvtui.tmdb.build", "lvtui.tmdb.fetch", "lvtui.system.files", "lvtui.shelf.across",
        "lvtui.shelf.library", "lvtui.cli.arguments",
        "lvtui.tmdb.responses", "lvtui.tmdb.shapes", "lvtui.film.parts",
        "lvtui.shelf.cache"]


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {module}\n" for module in CORE)
        + "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_imports_go_one_way() -> None:
    """cli -> (app, serve) -> (commands, screens, find) -> widgets -> core: never upwards."""
    import ast
    from pathlib import Path

    source = Path(__file__).parents[2] / "src" / "lvtui"
    layers = {"__main__": 5, "cli": 4, "app": 3, "serve": 3, "commands": 2, "screens": 2, "find": 2,
              "widgets": 1}
    for path in source.rglob("*.py"):
        module = path.relative_to(source).with_suffix("").parts
        level = layers.get(module[0], 0)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("lvtui."):
                target = node.module.split(".")[1]  # type: ignore[union-attr]
                assert layers.get(target, 0) <= level, f"{'.'.join(module)} imports {target}"


def test_the_ui_imports_no_pydantic_until_a_film_is_read() -> None:
    """`import lvtui.ui.app` is part of every start: the model (pydantic, every validator) is
    imported by what reads a film, not by the UI's modules."""
    code = ("import sys, lvtui.ui.app, lvtui.ui.palette, lvtui.ui.screens.shelf\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'"
            " or m == 'lvtui.film.model'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
