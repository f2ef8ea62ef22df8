"""Where HQ keeps its data: the database URL and the data directory.

Precedence for the database: ``--db`` on the command line, then the environment
variable ``HQ_DATABASE_URL``, then an SQLite file ``hq.sqlite3`` in the data
directory (``--data-dir``, default ``platformdirs.user_data_dir("omo-pos-hq")``).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_DB = "HQ_DATABASE_URL"
APP_NAME = "omo-pos-hq"
SQLITE_NAME = "hq.sqlite3"
ADMIN_TOKEN_FILE = "admin-token"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    return Path(explicit) if explicit else Path(platformdirs.user_data_dir(APP_NAME))


def database_url(db: str | None = None, data_dir_: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL to use; a bare file path is read as an SQLite file."""
    url = db or os.environ.get(ENV_DB)
    if url:
        if "://" not in url:
            return f"sqlite:///{Path(url).resolve()}"
        return url
    folder = data_dir(data_dir_)
    return f"sqlite:///{(folder / SQLITE_NAME).resolve()}"
