"""Keep the Qt Linguist files in step with the source: ``python -m app.ui.i18n_tool``.

``update`` runs ``pyside6-lupdate`` over the UI sources into ``resources/i18n/*.ts``
(obsolete strings dropped; the zh_TW file is the source text itself, so it is filled in
and marked finished). ``release`` compiles each ``.ts`` to a ``.qm`` with
``pyside6-lrelease``. With no command it does both. docs/i18n.md has the workflow.

lupdate cannot see through a module's ``_tr(text)`` helper (messages.py), so it reads a
scratch copy of the sources in which each ``_tr("...")`` call is written out as the
``QCoreApplication.translate("<context>", "...")`` the helper makes; line numbers and
relative paths are the same, so the ``.ts`` locations point at the real files.
"""

from __future__ import annotations

import argparse
import logging
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from app.config import LANGUAGES, SOURCE_LANGUAGE

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
I18N_DIR = ROOT / "resources" / "i18n"
TS_NAME = "omo_pos_{language}.ts"

_HELPER = re.compile(  # def _tr(text): return QCoreApplication.translate("Context", text)
    r'def _tr\(text[^)]*\)[^:]*:\s*return QCoreApplication\.translate\("(\w+)", text\)'
)
_HELPER_CALL = re.compile(r"(?<![\w.])_tr\((?=\s*[rRfF]?[\"'])")


class ToolError(RuntimeError):
    """A Qt Linguist tool is missing or failed."""


def sources(root: Path = ROOT) -> list[Path]:
    """The files whose strings are translated, relative to ``root``."""
    files = sorted((root / "app" / "ui").rglob("*.py")) + [root / "app" / "__main__.py"]
    files.append(root / "app" / "services" / "runtime" / "settings.py")  # the settings' descriptions
    # the printed words: translate("Print", ...) in the services and the paper layouts
    files += [f for d in (root / "app" / "services", root / "hardware")
              for f in sorted(d.rglob("*.py")) if 'translate("Print"' in f.read_text("utf-8")]
    return [f.relative_to(root) for f in files if f.name != Path(__file__).name]


def ts_path(language: str, directory: Path = I18N_DIR) -> Path:
    return directory / TS_NAME.format(language=language)


def _tool(name: str) -> str:
    """``pyside6-<name>`` next to this Python (the venv), else on PATH."""
    exe = "pyside6-" + name + (".exe" if sys.platform == "win32" else "")
    beside = Path(sys.executable).parent / exe
    found = str(beside) if beside.exists() else shutil.which(exe)
    if not found:
        raise ToolError(f"{exe} not found: install PySide6 (scripts/setup.sh)")
    return found


def _run(cmd: list[str], cwd: Path | None = None) -> str:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        raise ToolError(f"{' '.join(cmd)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def _scratch_sources(root: Path, scratch: Path) -> list[str]:
    """Copy the sources into ``scratch`` with ``_tr("...")`` written out for lupdate."""
    names = []
    for rel in sources(root):
        text = (root / rel).read_text(encoding="utf-8")
        helper = _HELPER.search(text)
        if helper:
            call = f'QCoreApplication.translate("{helper.group(1)}", '
            text = _HELPER_CALL.sub(call, text)
        target = scratch / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        names.append(rel.as_posix())
    return names


def run_lupdate(ts_files: dict[str, Path], root: Path = ROOT) -> str:
    """Update (or create) each language's ``.ts`` from the sources under ``root``."""
    with tempfile.TemporaryDirectory(prefix="omo-lupdate-") as tmp:
        scratch = Path(tmp)
        names = _scratch_sources(root, scratch)
        out = []
        for language, ts in ts_files.items():
            # same relative place as the real .ts, so locations read ../../app/ui/...
            rel_ts = ts.resolve().relative_to(root.resolve()) if ts.is_absolute() else ts
            scratch_ts = scratch / rel_ts
            scratch_ts.parent.mkdir(parents=True, exist_ok=True)
            if ts.exists():
                shutil.copyfile(ts, scratch_ts)
            out.append(_run([
                _tool("lupdate"), *names, "-no-obsolete", "-locations", "relative",
                "-source-language", SOURCE_LANGUAGE, "-target-language", language,
                "-ts", rel_ts.as_posix(),
            ], cwd=scratch))
            if language == SOURCE_LANGUAGE:
                fill_identity(scratch_ts)
            ts.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(scratch_ts, ts)
        return "".join(out)


def extract(root: Path = ROOT) -> set[tuple[str, str]]:
    """(context, source) of every string lupdate finds in the sources now."""
    with tempfile.TemporaryDirectory(prefix="omo-lupdate-") as tmp:
        scratch = Path(tmp)
        names = _scratch_sources(root, scratch)
        _run([_tool("lupdate"), *names, "-locations", "none", "-ts", "found.ts"], cwd=scratch)
        return {(m["context"], m["source"]) for m in read_ts(scratch / "found.ts")}


def fill_identity(ts: Path) -> int:
    """Source language: every unfinished message translates to its own source text."""
    text = ts.read_text(encoding="utf-8")
    count = 0

    def fill(match: re.Match) -> str:
        nonlocal count
        count += 1
        source = match.group("source")
        return f"{match.group('head')}<translation>{source}</translation>"

    text = re.sub(
        r"(?P<head><source>(?P<source>[^<]*)</source>(?:(?!</message>).)*?)"
        # empty, or guessed by lupdate's same-text heuristic: either way the source text
        r"<translation type=\"unfinished\">[^<]*</translation>",
        fill,
        text,
        flags=re.DOTALL,
    )
    ts.write_text(text, encoding="utf-8")
    return count


def update(directory: Path = I18N_DIR) -> str:
    return run_lupdate({lang: ts_path(lang, directory) for lang in LANGUAGES})


def release(directory: Path = I18N_DIR, out_dir: Path | None = None) -> list[Path]:
    """Compile every ``.ts`` in ``directory`` to a ``.qm`` in ``out_dir`` (default: same)."""
    out_dir = out_dir or directory
    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for language in LANGUAGES:
        ts = ts_path(language, directory)
        qm = out_dir / ts.with_suffix(".qm").name
        _run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)])
        built.append(qm)
    return built


def read_ts(ts: Path) -> list[dict]:
    """The messages of a ``.ts``: context, source, translation(s) and whether finished."""
    messages = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            if source is None:
                continue  # a context comment, not a message
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")]
            kind = translation.get("type", "")
            messages.append({
                "context": name,
                "source": source,
                "translations": forms or [translation.text or ""],
                "finished": kind == "" and all(t.strip() for t in forms or [translation.text or ""]),
                "type": kind,
                "numerus": message.get("numerus") == "yes",
            })
    return messages


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m app.ui.i18n_tool", description=__doc__.split("\n")[0])
    p.add_argument("command", nargs="?", choices=("update", "release", "all"), default="all",
                   help="update the .ts files, compile the .qm files, or both (default)")
    args = p.parse_args(argv)
    try:
        if args.command in ("update", "all"):
            print(update().strip())
            unfinished = [m for m in read_ts(ts_path("en")) if not m["finished"]]
            if unfinished:
                print(f"{len(unfinished)} English translation(s) to write in {ts_path('en')} "
                      "(pyside6-linguist, or edit the XML)")
        if args.command in ("release", "all"):
            for qm in release():
                print(f"compiled {qm.relative_to(ROOT)}")
    except ToolError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
