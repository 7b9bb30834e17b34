#!/usr/bin/env bash
# Cold start of one shell question on the bundled data, as an analyst types it:
#   deposits near-rail "Upper Kairakty"
# Target (issue 5): median under 100 ms wall time. Builds in release mode, installs hyperfine (apt)
# when missing, and prints hyperfine's table and the median in milliseconds.
set -euo pipefail
cd "$(dirname "$0")/.."
Tools/install-system-packages
if ! command -v hyperfine >/dev/null; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get install -y -qq hyperfine >&2
fi
swift build -c release --product deposits >&2
bin=.build/release/deposits
result=$(mktemp)
trap 'rm -f "$result"' EXIT
hyperfine --warmup 3 --runs "${RUNS:-30}" --export-json "$result" \
    "$bin near-rail 'Upper Kairakty'" \
    "$bin near-rail 48.683,73.283" \
    "$bin corridor Trans-Caspian" \
    "$bin region KZ-KAR" >&2
python3 - "$result" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']}: median {r['median'] * 1000:.1f} ms (min {r['min'] * 1000:.1f}, max {r['max'] * 1000:.1f})")
PY
