#!/usr/bin/env bash
# Build the one-folder bundle dist/omo-pos/ with PyInstaller (build.spec) on Linux, then
# smoke-start it offscreen: --self-check (zbar, Qt plugins, translations, PDF, ...) and a
# demo start that must print "READY <seconds>" and exit 0. No display or network needed.
# Set-up (apt packages, .venv) as scripts/setup.sh; PyInstaller pinned in pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
stamp=.venv/.build-installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  echo "build: installing PyInstaller (the [build] extra of pyproject.toml)"
  .venv/bin/python -m pip install -q -e '.[test,build]'
  rm -f .venv/.build-installed-*
  touch "$stamp"
fi
.venv/bin/python -m app.ui.i18n_tool release >/dev/null

start=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
echo "build: dist/omo-pos built in $(( $(date +%s) - start )) s, $(du -sh dist/omo-pos | cut -f1)"

# the files the spec promises (a missing one fails the build)
internal=dist/omo-pos/_internal
for f in libzbar.so.0 \
    PySide6/Qt/plugins/platforms/libqoffscreen.so PySide6/Qt/plugins/platforms/libqxcb.so \
    PySide6/Qt/translations/qtbase_zh_TW.qm \
    resources/i18n/omo_pos_en.qm resources/i18n/omo_pos_en.ts app/ui/style.qss \
    app/ledger/migrations/env.py app/ledger/migrations/script.py.mako \
    resources/demo/products.csv escpos/capabilities.json; do
  [ -e "$internal/$f" ] || { echo "build: missing in the bundle: $f" >&2; exit 1; }
done
ls "$internal"/PySide6/Qt/plugins/imageformats/*.so >/dev/null
ls "$internal"/PySide6/Qt/lib/libQt6Charts.so* >/dev/null

# smoke start: no display, no network, a fresh data folder, a time limit
export QT_QPA_PLATFORM=offscreen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
timeout 120 dist/omo-pos/omo-pos --self-check | tee "$tmp/self-check.txt"
grep -q "^SELF-CHECK OK$" "$tmp/self-check.txt"
grep "^SELF-CHECK zbar ok" "$tmp/self-check.txt" | grep -q "_internal/libzbar.so.0" || {
  echo "build: zbar was not loaded from the bundle" >&2; exit 1; }

timeout 180 dist/omo-pos/omo-pos --data-dir "$tmp/data" --demo --printer dummy: \
  --report-ready --quit-when-ready | tee "$tmp/ready.txt"
grep -Eq "^READY [0-9]+\.[0-9]+$" "$tmp/ready.txt" || {
  echo "build: the bundle did not report READY" >&2; exit 1; }
echo "build: smoke start ok: $(grep ^READY "$tmp/ready.txt")"
