#!/usr/bin/env bash
# How the batch answers scale (issue 16): the seeded whole-globe synthetic set of deposits-bench --world
# (polar caps, the antimeridian, dense clusters, empty oceans) at 10,000 deposits / 2,000 rail lines and
# 100,000 / 20,000, and 1,000,000 / 200,000 with --max 1000000. For each size it prints: the import into a
# GeoPackage; every deposit's nearest rail end to end from the store (read, search, write to a file) as
# JSON Lines (streamed) and as the one JSON document; every corridor's overlaps (the store read whole);
# every deposit's region shares end to end from the store as JSON Lines (streamed: `region --all`, against
# the set's regions layer, about one region per 500 deposits); each with its peak resident memory; the
# cost per deposit; and a check of 2,000 seeded records of the nearest-rail stream against the single
# question (on the whole catalog; the first M (100) also asked of the store as `near-rail ID --store`
# asks it: deposits-bench --check-stream).
#
#   Tools/bench-scale.sh [--max DEPOSITS] [--work DIR] [--sample N] [--store-sample M]
#
# Generated data and stores live in the work directory (a temporary one unless --work is given), kept
# between runs, never committed.
set -euo pipefail
cd "$(dirname "$0")/.."
max=100000 work="" sample=2000 store_sample=100
while [ $# -gt 0 ]; do
    case "$1" in
        --max) max=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --sample) sample=$2; shift 2 ;;
        --store-sample) store_sample=$2; shift 2 ;;
        *) echo "usage: Tools/bench-scale.sh [--max DEPOSITS] [--work DIR] [--sample N] [--store-sample M]" >&2; exit 64 ;;
    esac
done
[ -n "$work" ] || work=$(mktemp -d /tmp/bench-scale.XXXXXX)
mkdir -p "$work"
work=$(cd "$work" && pwd)
log() { echo "== $*" >&2; }

log "building (release)"
swift build -c release --scratch-path .build-store --product deposits >&2
swift build -c release --scratch-path .build-store --product deposits-bench >&2
bin=$(pwd)/.build-store/release
# wall seconds and peak resident KB of one run, into $1
timev() { /usr/bin/time -f "%e %M" -o "$1" "${@:2}"; }
field() { cut -d' ' -f"$2" "$1"; }

rows=()
for size in 10000 100000 1000000; do
    [ "$size" -le "$max" ] || break
    rail=$((size / 5))
    dir=$work/world-$size
    if [ ! -f "$dir/deposits.geojson" ] || [ ! -f "$dir/regions.geojson" ]; then
        log "generating $size deposits, $rail rail lines over the globe (seed 42)"
        "$bin/deposits-bench" --world --deposits "$size" --rail "$rail" --write-geojson "$dir" >&2
    fi
    store=$work/world-$size.gpkg
    rm -f "$store" "$store-wal" "$store-shm"
    log "$size: import"
    timev "$work/import-$size.time" "$bin/deposits" import "$dir" --into "$store" 2>/dev/null
    log "$size: near-rail --all --format jsonl (streamed)"
    timev "$work/jsonl-$size.time" "$bin/deposits" near-rail --all --store "$store" --format jsonl -o "$work/near-rail-$size.jsonl"
    log "$size: near-rail --all --format json (one document)"
    timev "$work/json-$size.time" "$bin/deposits" near-rail --all --store "$store" --format json -o "$work/near-rail-$size.json"
    log "$size: every corridor's overlaps"
    timev "$work/corridors-$size.time" "$bin/deposits-bench" --corridors-store "$store" > "$work/corridors-$size.txt"
    log "$size: region --all --format jsonl (streamed)"
    timev "$work/regions-$size.time" "$bin/deposits" region --all --store "$store" --format jsonl -o "$work/regions-$size.jsonl"
    log "$size: $sample streamed records against single questions"
    "$bin/deposits-bench" --check-stream "$work/near-rail-$size.jsonl" --store "$store" --sample "$sample" --store-sample "$store_sample" > "$work/check-$size.txt"
    rows+=("$(printf "%9d %7d | %7.2f s %6.0f MB | %7.2f s %6.0f MB %6.1f µs | %7.2f s %6.0f MB | %7.2f s %6.0f MB | %7.2f s %6.0f MB %6.1f µs | %s" \
        "$size" "$rail" \
        "$(field "$work/import-$size.time" 1)" "$(($(field "$work/import-$size.time" 2) / 1024))" \
        "$(field "$work/jsonl-$size.time" 1)" "$(($(field "$work/jsonl-$size.time" 2) / 1024))" \
        "$(echo "$(field "$work/jsonl-$size.time" 1) * 1000000 / $size" | bc -l)" \
        "$(field "$work/json-$size.time" 1)" "$(($(field "$work/json-$size.time" 2) / 1024))" \
        "$(field "$work/corridors-$size.time" 1)" "$(($(field "$work/corridors-$size.time" 2) / 1024))" \
        "$(field "$work/regions-$size.time" 1)" "$(($(field "$work/regions-$size.time" 2) / 1024))" \
        "$(echo "$(field "$work/regions-$size.time" 1) * 1000000 / $size" | bc -l)" \
        "$(grep -o '[0-9]* differ' "$work/check-$size.txt")")")
done

echo
echo "Whole-globe synthetic set (deposits-bench --world, seed 42), $(nproc) cores; wall time and peak resident memory of each process."
echo "nearest rail: every deposit's, end to end from the GeoPackage to a file; per deposit: the streamed run's wall time / deposits."
echo "corridors: every corridor's overlaps, store read whole (deposits-bench --corridors-store)."
echo "region shares: every deposit's, region --all from the GeoPackage to a file as JSON Lines (streamed); per deposit: wall time / deposits."
printf "%9s %7s | %-18s | %-33s | %-18s | %-18s | %-33s | %s\n" deposits rail "import" "nearest rail, jsonl (streamed)" "nearest rail, json" "corridors" "region shares, jsonl (streamed)" "check vs single"
for r in "${rows[@]}"; do echo "$r"; done
for size in 10000 100000 1000000; do
    [ -f "$work/corridors-$size.txt" ] && [ "$size" -le "$max" ] && echo "$size: $(cat "$work/corridors-$size.txt"); $(cat "$work/check-$size.txt" | head -1); regions: $(grep -c '"id":"XX-' "$work/world-$size/regions.geojson") in the layer, $(grep -c '"on_boundary":true' "$work/regions-$size.jsonl") deposits on a region border"
done
