#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite offscreen. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
# undefined names, unused imports and syntax errors fail the run before any test
.venv/bin/ruff check --select F,E9 app sync hq hardware tests bench
exec .venv/bin/python -m pytest "$@"
