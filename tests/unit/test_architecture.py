"""The plan of the house, checked by folder: each layer imports only the layers below it,
nothing below the UI imports Textual, and no module imports itself round a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

from helpers import printed_by

SOURCE = Path(__file__).parents[2] / "src" / "lvtui"
# Each folder's rank: a module may import from its own folder and from lower ranks only.
# Folders of one rank are independent of each other (tmdb knows nothing of reading).
LAYERS = {"text": 0, "system": 1, "film": 2, "reading": 3, "tmdb": 3, "shelf": 4, "ui": 5,
          "web": 5, "cli": 6, "__main__": 7, "__init__": 0}
NO_TEXTUAL = ("text", "system", "film", "reading", "tmdb", "shelf", "cli")


def _modules() -> dict[str, Path]:
    return {".".join(("lvtui", *path.relative_to(SOURCE).with_suffix("").parts))
            .removesuffix(".__init__"): path for path in sorted(SOURCE.rglob("*.py"))}


def _imports(path: Path, *, typing_too: bool) -> set[str]:
    """The lvtui modules *path* imports, anywhere in it; without *typing_too*, leaving out
    those under `if TYPE_CHECKING:`, which never run."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    if not typing_too:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
                skipped.update(id(inner) for child in node.body for inner in ast.walk(child))
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("lvtui"):
            module = node.module or ""
            found.update(f"{module}.{alias.name}" if f"{module}.{alias.name}" in _modules()
                         else module for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("lvtui."))
    return found


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_module_is_in_a_layer() -> None:
    assert {_layer(module) for module in _modules()} <= set(LAYERS)


def test_each_layer_imports_only_the_layers_below_it() -> None:
    wrong = []
    for module, path in _modules().items():
        here = _layer(module)
        for target in _imports(path, typing_too=True):
            there = _layer(target)
            if there != here and (LAYERS[there] >= LAYERS[here]) and there != "__init__":
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_no_module_imports_itself_round_a_cycle() -> None:
    """Imports that run: the model imports its walk (lvtui.film.walk) to check references,
    and the walk names the Film it walks only for the type checker (`if TYPE_CHECKING`)."""
    graph = {module: _imports(path, typing_too=False) for module, path in _modules().items()}
    cycles = []
    for start in graph:
        seen, stack = set(), [(start, [start])]
        while stack:
            module, trail = stack.pop()
            for target in graph.get(module, ()):
                if target == start:
                    cycles.append(" -> ".join([*trail, target]))
                elif target not in seen:
                    seen.add(target)
                    stack.append((target, [*trail, target]))
    assert cycles == []


def test_the_layers_below_the_ui_do_not_import_textual() -> None:
    modules = [module for module in _modules() if _layer(module) in NO_TEXTUAL]
    assert len(modules) > 30
    code = ("import sys\n" + "".join(f"import {module}\n" for module in modules)
            + "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))")
    assert printed_by(code) == "[]"


def test_the_ui_imports_no_pydantic_until_a_film_is_read() -> None:
    """`import lvtui.ui.app` is part of every start: the model (pydantic, every validator) is
    imported by what reads a film, not by the UI's modules."""
    code = ("import sys, lvtui.ui.app, lvtui.ui.palette, lvtui.ui.screens.shelf\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'"
            " or m == 'lvtui.film.model'))")
    assert printed_by(code) == "[]"


def test_no_module_is_long() -> None:
    """A module a newcomer can read in one sitting; the App thinner still."""
    lengths = {module: len(path.read_text(encoding="utf-8").splitlines())
               for module, path in _modules().items()}
    assert {module: n for module, n in lengths.items() if n > 350} == {}
    assert lengths["lvtui.ui.app"] <= 300
