#!/usr/bin/env bash
# Set up (if needed) and start the store terminal with the demo catalog.
# Data goes to ./data/demo unless --data-dir is given; extra arguments pass through.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
args=(--demo --data-dir "${POS_DATA_DIR:-data/demo}")
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "demo: no display found; starting on a virtual X display (xvfb-run)"
  exec xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python -m app "${args[@]}" "$@"
fi
exec .venv/bin/python -m app "${args[@]}" "$@"
