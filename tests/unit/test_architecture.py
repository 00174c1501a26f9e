"""The core modules never import textual: the model must stay usable without a UI."""

from __future__ import annotations

import subprocess
import sys

CORE = ["lvtui.model", "lvtui.loading", "lvtui.text", "lvtui.search", "lvtui.cli"]


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
