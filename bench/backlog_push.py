"""A terminal back from an outage: 10,000 queued sales pushed to HQ in batches of 500.

One terminal, sequential requests (as the terminal's sync agent sends its outbox),
against HQ on a fresh PostgreSQL database (``--sqlite`` for the embedded default).
Bodies are serialised before the clock starts.

Run:  .venv/bin/python bench/backlog_push.py [--sales 10000 --batch 500 --sqlite]
Prints ``backlog_push_s <value> s`` (target <= 30).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from bench.common import figure  # noqa: E402
from bench.hq_ingest import (  # noqa: E402
    PG_SERVER,
    bodies,
    enroll,
    fresh_database,
    running_hq,
    setup,
)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sales", type=int, default=10_000)
    p.add_argument("--batch", type=int, default=500)
    p.add_argument("--sqlite", action="store_true", help="use an SQLite file instead")
    p.add_argument("--server", default=PG_SERVER)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp, (
        contextlib.nullcontext(f"sqlite:///{tmp}/hq.sqlite3") if args.sqlite
        else fresh_database(args.server)
    ) as url:
        code = setup(url, Path(tmp), ["S001"], 1)[0]
        with running_hq(url, Path(tmp), 1) as base:
            term = enroll(base, code)
            payloads = bodies(term["store_id"], term["terminal_id"], args.sales, args.batch, 7)
            session = requests.Session()
            headers = {"Authorization": f"Bearer {term['token']}",
                       "Content-Type": "application/json"}
            created = 0
            started = time.perf_counter()
            for body in payloads:
                r = session.post(f"{base}/api/v1/events", data=body, headers=headers, timeout=120)
                r.raise_for_status()
                created += sum(1 for x in r.json()["results"] if x["status"] == "created")
            elapsed = time.perf_counter() - started
    if created != args.sales:
        raise SystemExit(f"only {created} of {args.sales} sales were created")
    print(f"# {created} sales in {len(payloads)} requests, "
          f"{'SQLite' if args.sqlite else 'PostgreSQL'}", file=sys.stderr)
    figure("backlog_push_s", elapsed, "s")


if __name__ == "__main__":
    main()
