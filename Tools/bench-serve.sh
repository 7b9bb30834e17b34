#!/usr/bin/env bash
# deposits serve against pygeoapi (the OGC API – Features reference implementation), both serving the
# same GeoPackage (`deposits import GeoData`), measured with wrk on loopback in one run:
#   1. /collections/deposits/items?bbox=…&limit=100 on each: requests per second and latency (target:
#      ours at least 10 times pygeoapi's);
#   2. /near-rail?place=Upper%20Kairakty on ours (target: 3,000 requests/s on 2 cores, p99 under 20 ms);
#   3. a bounded load test on ours: 16 connections for 20 s over items, near-rail, at and collections,
#      with no error or non-2xx answer and the resident memory before and after.
# Installs wrk and libsqlite3-mod-spatialite (apt) and pygeoapi and gunicorn (pip) when missing; pygeoapi
# runs under gunicorn with one worker per core. Everything binds 127.0.0.1 and stops by itself.
#   Tools/bench-serve.sh [--seconds N]       (N: each wrk run, 10 by default; the load test is 20 s)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=10
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        *) echo "usage: Tools/bench-serve.sh [--seconds N]" >&2; exit 64 ;;
    esac
done

Tools/install-system-packages
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
[ -e /usr/lib/x86_64-linux-gnu/mod_spatialite.so ] || ls /usr/lib/*/mod_spatialite.so >/dev/null 2>&1 || need_apt+=(libsqlite3-mod-spatialite)
if [ ${#need_apt[@]} -gt 0 ]; then
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >&2
fi
# pygeoapi's GeoPackage provider loads SpatiaLite into Python's sqlite3, which needs a Python built with
# loadable extensions: Debian's python3 is; pyenv's often is not. So pygeoapi gets a venv of Debian's.
venv=.build_pygeoapi/venv
if ! "$venv/bin/python" -c "import pygeoapi, gunicorn" 2>/dev/null; then
    /usr/bin/python3 -m venv --help >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >&2
    /usr/bin/python3 -m venv "$venv" >&2
    "$venv/bin/pip" install -q pygeoapi gunicorn >&2
fi

swift build -c release --product deposits >&2
swift build -c release --product deposits-serve >&2

work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

.build/release/deposits import GeoData --into "$work/catalog.gpkg" >&2

# pygeoapi: the deposits table of the same GeoPackage through its SQLite/GeoPackage provider.
cat > "$work/pygeoapi.yml" <<YAML
server:
  bind: {host: 127.0.0.1, port: 5000}
  url: http://127.0.0.1:5000
  mimetype: application/json; charset=UTF-8
  encoding: utf-8
  language: en-US
  limits: {default_items: 10, max_items: 10000}
  map:
    url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    attribution: OpenStreetMap
logging: {level: ERROR}
metadata:
  identification: {title: deposits, description: deposits, keywords: [deposits], keywords_type: theme, terms_of_service: none, url: http://127.0.0.1}
  license: {name: CC-BY 4.0, url: https://creativecommons.org/licenses/by/4.0/}
  provider: {name: bench, url: http://127.0.0.1}
  contact: {name: bench}
resources:
  deposits:
    type: collection
    title: deposits
    description: deposits
    keywords: [deposits]
    extents:
      spatial: {bbox: [-180, -90, 180, 90], crs: http://www.opengis.net/def/crs/OGC/1.3/CRS84}
    providers:
      - type: feature
        name: SQLiteGPKG
        data: $work/catalog.gpkg
        id_field: id
        table: deposits
YAML
export PYGEOAPI_CONFIG="$work/pygeoapi.yml" PYGEOAPI_OPENAPI="$work/pygeoapi-openapi.yml"
"$venv/bin/pygeoapi" openapi generate "$PYGEOAPI_CONFIG" --output-file "$PYGEOAPI_OPENAPI" >&2
"$venv/bin/python" -m gunicorn --workers "$(nproc)" --bind 127.0.0.1:5000 --log-level error pygeoapi.flask_app:APP >"$work/pygeoapi.log" 2>&1 &
pids+=($!)

.build/release/deposits-serve --store "$work/catalog.gpkg" --port 0 >"$work/serve.log" 2>&1 &
serve_pid=$!
pids+=($serve_pid)
for _ in $(seq 100); do grep -q "listening on" "$work/serve.log" && break; sleep 0.1; done
port=$(grep -o '127\.0\.0\.1:[0-9]*' "$work/serve.log" | head -1 | cut -d: -f2)
[ -n "$port" ] || { echo "deposits-serve did not start: $(cat "$work/serve.log")" >&2; exit 1; }
ours="http://127.0.0.1:$port"
for _ in $(seq 300); do curl -sf "http://127.0.0.1:5000/collections" >/dev/null 2>&1 && break; sleep 0.1; done
curl -sf "http://127.0.0.1:5000/collections" >/dev/null || { echo "pygeoapi did not start: $(tail -5 "$work/pygeoapi.log")" >&2; exit 1; }

bbox="46,40,88,56"  # the bundled catalog's country, so the page holds every located deposit
items="/collections/deposits/items?bbox=$bbox&limit=100"
matched() { curl -sf -H 'Accept: application/geo+json' "$1" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d.get('numberMatched'), len(d['features']))"; }
echo "same question, same GeoPackage: numberMatched and features returned"
echo "  deposits serve: $(matched "$ours$items")"
echo "  pygeoapi:       $(matched "http://127.0.0.1:5000$items&f=json")"

# wrk's summary: requests/s, p50, p99, errors.
run_wrk() {  # name url connections seconds
    local out
    out=$(wrk -t2 -c"$3" -d"$4"s --latency -H 'Accept: application/geo+json' "$2")
    python3 - "$1" "$out" <<'PY'
import re, sys
name, out = sys.argv[1], sys.argv[2]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
def lat(p):
    m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
errors = re.search(r"Socket errors: (.*)", out)
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
print(f"{name}: {rps:.0f} requests/s, p50 {lat(50):.2f} ms, p99 {lat(99):.2f} ms, "
      f"non-2xx {non2xx.group(1) if non2xx else 0}, socket errors {errors.group(1) if errors else 'none'}")
open("/dev/stderr", "w").write("")
print(f"RPS {name} {rps}")
PY
}

echo
echo "wrk, 2 threads, 16 connections, ${seconds} s each, on $(nproc) cores shared with wrk itself"
wrk -t2 -c16 -d2s "$ours$items" >/dev/null  # warm-up
ours_items=$(run_wrk "deposits serve $items" "$ours$items" 16 "$seconds")
theirs_items=$(run_wrk "pygeoapi       $items&f=json" "http://127.0.0.1:5000$items&f=json" 16 "$seconds")
echo "$ours_items" | grep -v '^RPS'
echo "$theirs_items" | grep -v '^RPS'
python3 - "$ours_items" "$theirs_items" <<'PY'
import sys
a = float([l for l in sys.argv[1].splitlines() if l.startswith("RPS")][0].split()[-1])
b = float([l for l in sys.argv[2].splitlines() if l.startswith("RPS")][0].split()[-1])
print(f"ratio: deposits serve / pygeoapi = {a / b:.1f}x (target at least 10x)")
PY

near="/near-rail?place=Upper%20Kairakty"
run_wrk "deposits serve $near" "$ours$near" 16 "$seconds" | grep -v '^RPS'
echo "(target: at least 3000 requests/s, p99 under 20 ms)"

echo
echo "load test: 16 connections for 20 s over items, near-rail, at and collections"
cat > "$work/mix.lua" <<'LUA'
local paths = {
  "/collections/deposits/items?bbox=46,40,88,56&limit=100",
  "/near-rail?place=Upper%20Kairakty&k=3",
  "/at?place=48.683,73.283",
  "/collections/rail/items?bbox=72,48,75,50&limit=50",
  "/collections",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA
rss() { awk '/VmRSS/ {print $2}' "/proc/$serve_pid/status"; }
wrk -t2 -c16 -d5s -s "$work/mix.lua" "$ours" >/dev/null  # warm-up, so caches are filled before "before"
before=$(rss)
load=$(wrk -t2 -c16 -d20s --latency -s "$work/mix.lua" "$ours")
after=$(rss)
echo "$load" | grep -E "requests in|Requests/sec|Socket errors|Non-2xx|99%" | sed 's/^/  /'
echo "$load" | grep -qE "Socket errors|Non-2xx" && echo "  ERRORS during the load test" || echo "  no socket errors, no non-2xx answers"
echo "  resident memory of deposits-serve: before ${before} kB, after ${after} kB ($(( after - before )) kB)"
# A second round: memory that grows with every request keeps growing; a settled heap does not.
wrk -t2 -c16 -d20s -s "$work/mix.lua" "$ours" >/dev/null
again=$(rss)
echo "  after another 20 s: ${again} kB ($(( again - after )) kB more)"
