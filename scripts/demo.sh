#!/usr/bin/env bash
# Set up (if needed), start a local HQ with the demo store, catalog and promotions,
# pair the demo terminal with it, and open the checkout screen. The terminal gets
# its catalog and promotions from HQ, as in a real store; closing the window stops HQ.
#   data/hq/      the local HQ (SQLite), its admin token in data/hq/admin-token
#   data/demo/    the terminal's ledger, logs and receipts
# HQ_PORT (default 8765) picks HQ's port; extra arguments go to the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
PY=.venv/bin/python
HQ_DIR=${HQ_DATA_DIR:-data/hq}
TERMINAL_DIR=${POS_DATA_DIR:-data/demo}
PORT=${HQ_PORT:-8765}
HQ_URL="http://127.0.0.1:${PORT}"
mkdir -p "$HQ_DIR" "$TERMINAL_DIR"

# demo store S001, 231 products, the demo promotions, and a fresh pairing code for T01
demo_out=$($PY -m hq demo --data-dir "$HQ_DIR")
echo "$demo_out"
code=$(echo "$demo_out" | sed -n 's/^pairing code for S001\/T01: \([A-Z0-9-]*\).*/\1/p')
[ -n "$code" ] || { echo "demo: HQ gave no pairing code" >&2; exit 2; }

$PY -m hq serve --data-dir "$HQ_DIR" --host 127.0.0.1 --port "$PORT" --no-access-log \
  > "$HQ_DIR/serve.log" 2>&1 &
hq_pid=$!
trap 'kill $hq_pid 2>/dev/null; wait $hq_pid 2>/dev/null' EXIT
$PY - "$HQ_URL" <<'PYEOF' || { echo "demo: HQ did not start, see $HQ_DIR/serve.log" >&2; exit 2; }
import sys, time, requests
for _ in range(150):
    try:
        if requests.get(sys.argv[1] + "/healthz", timeout=1).ok:
            sys.exit(0)
    except requests.RequestException:
        pass
    time.sleep(0.2)
sys.exit(1)
PYEOF
echo "demo: HQ running at $HQ_URL (API docs: $HQ_URL/docs)"

args=(--data-dir "$TERMINAL_DIR" --pair "$HQ_URL" "$code")
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "demo: no display found; starting on a virtual X display (xvfb-run)"
  xvfb-run -a -s "-screen 0 1280x800x24" $PY -m app "${args[@]}" "$@"
else
  $PY -m app "${args[@]}" "$@"
fi
