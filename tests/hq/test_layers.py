"""The push path imports one way: hq.ingest uses hq.till and hq.members, which use
hq.db's bulk insert and never hq.ingest (no import cycle, no import hidden in a
function to get round one); every payload check comes from sync/events.py."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PUSH_PATH = [ROOT / "hq" / "till.py", ROOT / "hq" / "db.py",
             *sorted((ROOT / "hq" / "members").glob("*.py")),
             *sorted((ROOT / "hq" / "einvoice").glob("*.py"))]


def _imports(path: Path) -> tuple[set[str], set[str]]:
    """(modules imported at the top, modules imported inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top, inner = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = {f"{node.module}.{a.name}" for a in node.names} | {node.module}
        elif isinstance(node, ast.Import):
            names = {a.name for a in node.names}
        else:
            continue
        (top if node.col_offset == 0 else inner).update(names)
    return top, inner


def test_nothing_on_the_push_path_imports_hq_ingest():
    for path in PUSH_PATH:
        top, inner = _imports(path)
        assert not {m for m in top | inner if m.startswith("hq.ingest")}, path
        assert not {m for m in inner if m.startswith(("hq", "sync"))}, path


def test_hq_members_keeps_its_public_names():
    from hq import members

    for name in members.__all__:
        assert getattr(members, name) is not None
    assert callable(members.findings) and callable(members.parse) and callable(members.apply)
