"""The layers of DESIGN.md and docs/architecture.md, checked on the source.

Every import counts, at module top or inside a function (an import made late to
hide a cycle is still a dependency). Fails on Qt outside the UI, on I/O in the
domain, on an import cycle anywhere in our packages, and on an import against the
layers.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("app", "sync", "hq", "hardware")
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


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def our_modules() -> dict[str, Path]:
    return {module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")
            if "migrations" not in p.parts}


@cache
def dependencies() -> dict[str, frozenset[str]]:
    """Module -> the modules of ours it imports. ``from pkg import sub`` is an edge to
    ``pkg.sub`` when that is a module, else to ``pkg``; relative imports resolved."""
    mods = our_modules()
    out = {}
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join(up + ([base] if base else []))
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base
                           for a in node.names]
            for target in targets:
                while target and target not in mods:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    deps.add(target)
        out[name] = frozenset(deps)
    return out


def _cycles(graph: dict[str, frozenset[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _within(module: str, *prefixes: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _offences(modules: tuple[str, ...], allowed: tuple[str, ...]) -> list[str]:
    """Imports of ours from ``modules`` that reach outside ``allowed``."""
    bad = []
    for name, deps in sorted(dependencies().items()):
        if _within(name, *modules):
            bad += [f"{name} -> {d}" for d in sorted(deps) if not _within(d, *allowed)]
    return bad


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


def test_no_import_cycles():
    assert _cycles(dependencies()) == []


def test_the_cycle_finder_finds_one():
    assert _cycles({"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}),
                    "d": frozenset({"a"})}) == [["a", "b", "c"]]


def test_domain_imports_only_domain():
    assert _offences(("app.domain",), ("app.domain",)) == []


def test_ledger_imports_only_domain_and_ledger():
    assert _offences(("app.ledger",), ("app.domain", "app.ledger")) == []


def test_sync_imports_only_sync_and_domain():
    assert _offences(("sync",), ("sync", "app.domain")) == []


def test_hardware_imports_nothing_of_the_app():
    assert _offences(("hardware",), ("hardware",)) == []


def test_hq_imports_only_hq_sync_and_domain():
    assert _offences(("hq",), ("hq", "sync", "app.domain")) == []


def test_services_never_import_the_ui():
    assert _offences(("app.services",), ("app.domain", "app.ledger", "app.services", "app.config",
                                         "sync", "hardware")) == []


S = "app.services"
BELOW = ("app.domain", "app.ledger", "app.config", "sync", "hardware")


def test_service_layers_import_one_way():
    """runtime < records < documents, printouts < the use cases at the top of services."""
    assert _offences((f"{S}.runtime",), (*BELOW, f"{S}.runtime")) == []
    assert _offences((f"{S}.records",), (*BELOW, f"{S}.runtime", f"{S}.records")) == []
    assert _offences((f"{S}.documents",),
                     (*BELOW, f"{S}.runtime", f"{S}.records", f"{S}.documents")) == []
    assert _offences((f"{S}.printouts",),
                     (*BELOW, f"{S}.runtime", f"{S}.records", f"{S}.printouts")) == []


def test_every_service_package_is_a_layer():
    """New service code goes into a layer or the use cases at the top (no fifth package)."""
    for name in our_modules():
        if name.startswith(S + ".") and name.count(".") >= 3:
            assert name.split(".")[2] in ("runtime", "records", "documents", "printouts"), name
