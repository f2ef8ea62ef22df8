"""``serve``: run the HTTP API (:func:`hq.api.app_from_env`) under uvicorn."""

from __future__ import annotations

import argparse
import os

from hq import admin, config
from hq.commands.common import Command, Context
from hq.db import make_engine


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--no-access-log", action="store_true")


def serve(args: argparse.Namespace, ctx: Context) -> None:
    """Bring the schema up to date, then hand over to uvicorn; its workers read the
    database URL from HQ_DATABASE_URL."""
    import uvicorn  # only this command needs the server

    engine = make_engine(ctx.url)
    admin.prepare(engine)
    engine.dispose()
    os.environ[config.ENV_DB] = ctx.url
    print(f"HQ listening on http://{args.host}:{args.port} ({args.workers} worker(s)); "
          f"API docs at /docs", flush=True)
    uvicorn.run("hq.api:app_from_env", factory=True, host=args.host, port=args.port,
                workers=args.workers if args.workers > 1 else None,
                access_log=not args.no_access_log, log_level="info")


COMMANDS = (
    Command("serve", "run the HTTP API (uvicorn)", serve, _arguments, prepare=False),
)
