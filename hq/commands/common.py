"""What the CLI's command modules share: the :class:`Command` record, the
:class:`Context` a handler runs with, :class:`UserError`, and file and output helpers.

A user error (bad file, unwritable CSV...) is raised as :class:`UserError`;
:func:`hq.cli.main` prints it as one ``error: ...`` line and exits with status 2.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from hq import crm
from hq.db import make_engine


class UserError(Exception):
    pass


class Context:
    """What a command runs with: the database URL, the data directory and an engine,
    made on first use and disposed by :meth:`close`."""

    def __init__(self, url: str, data_dir: Path) -> None:
        self.url = url
        self.data_dir = data_dir
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.url)
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


def _no_arguments(_parser: argparse.ArgumentParser) -> None:
    pass


@dataclass(frozen=True)
class Command:
    """One ``python -m hq NAME``: its help line, what adds its options to its parser,
    and its handler. ``prepare``: bring the schema up to date before the handler runs
    (``init`` and ``serve`` do that themselves)."""

    name: str
    help: str
    run: Callable[[argparse.Namespace, Context], None]
    arguments: Callable[[argparse.ArgumentParser], None] = _no_arguments
    prepare: bool = True


def read_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"no such file: {path}") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise UserError(f"{path}: {exc.strerror}") from None


def json_file(path: str) -> Any:
    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None


def write_csv(path: str, rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> None:
    try:
        Path(path).write_text(crm.to_csv(rows, columns), encoding="utf-8", newline="")
    except OSError as exc:
        raise UserError(f"{path}: {exc.strerror}") from None
    print(f"{len(list(rows))} row(s) written to {path}")


def dump(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def money(value: int | None) -> str:
    return "-" if value is None else f"NT${value:,}"
