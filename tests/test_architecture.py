"""The core never imports Qt (DESIGN.md): only app/ui and the entry point may."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ["app/domain", "app/ledger", "app/services", "sync", "hardware", "hq"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_outside_the_ui():
    offenders = []
    for folder in CORE:
        for path in (ROOT / folder).rglob("*.py"):
            if any(m.split(".")[0] == "PySide6" for m in imported_modules(path)):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_domain_does_no_io():
    banned = {"sqlalchemy", "sqlite3", "requests", "socket", "escpos", "PySide6"}
    for path in (ROOT / "app/domain").rglob("*.py"):
        roots = {m.split(".")[0] for m in imported_modules(path)}
        assert not roots & banned, f"{path} imports {roots & banned}"
