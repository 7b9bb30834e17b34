#!/usr/bin/env bash
# DepositIndex's rail network against pgRouting (issue 12, "Exactness"): the same edges, costed by PostGIS itself.
#
#   Tools/compare-pgrouting.sh [--pairs N] [--seed S] [--tolerance-m M] [--data DIR] [--work DIR]
#
# 1. deposits-network-export writes the network DepositIndex builds (bundled GeoData unless --data; ends joined
#    within --tolerance-m, 100 m by default) as edges with node ids and WKT paths, and N node pairs (200) drawn
#    with the seeded generator (seed S, 12) from the main component, with our RailNetwork.shortestPath lengths.
# 2. A throwaway PostgreSQL 15 (PostGIS 3, pgRouting; installed with apt when missing, on a free loopback port,
#    stopped on exit) loads the edges; each edge's cost is computed there, ST_Length(geom::geography) on the
#    spheroid, not taken from our lengths.
# 3. pgr_dijkstra (undirected) answers the same pairs; the summary gives the pairs compared, the largest and mean
#    |difference| in metres, every pair differing by more than 1 m with both paths, how far PostGIS's edge
#    lengths differ from ours, and the times: ours for the N searches, pgRouting's for one call over all pairs
#    and its median for one pair per call (each call reads the edges through SQL, as pgRouting users do).
# Exit status 1 when a pair differs by more than 1 m or a path is missing on either side.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
pairs=200 seed=12 tolerance=100 data="" work=""
while [ $# -gt 0 ]; do
    case "$1" in
        --pairs) pairs=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --tolerance-m) tolerance=$2; shift 2 ;;
        --data) data=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        *) echo "usage: Tools/compare-pgrouting.sh [--pairs N] [--seed S] [--tolerance-m M] [--data DIR] [--work DIR]" >&2; exit 64 ;;
    esac
done
[ -n "$work" ] || work=$(mktemp -d /tmp/compare-pgrouting.XXXXXX)
mkdir -p "$work"
work=$(cd "$work" && pwd)
log() { echo "== $*" >&2; }

# --- tools ---------------------------------------------------------------------------------------------
Tools/install-system-packages
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] && [ -f /usr/share/postgresql/15/extension/postgis.control ] || need+=(postgresql-15-postgis-3)
[ -f /usr/share/postgresql/15/extension/pgrouting.control ] || need+=(postgresql-15-pgrouting)
if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]} (apt)"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
log "building deposits-network-export (release)"
swift build -c release --product deposits-network-export >&2
bin=$(swift build -c release --show-bin-path)/deposits-network-export
[ -x "$bin" ] || { echo "error: $bin was not built" >&2; exit 1; }

# --- our network and paths -----------------------------------------------------------------------------
log "DepositIndex: network (tolerance $tolerance m), $pairs seeded pairs (seed $seed)"
data_args=(); [ -z "$data" ] || data_args=(--data "$data")
"$bin" "${data_args[@]}" --tolerance-m "$tolerance" --edges "$work/edges.csv" --pairs "$pairs" --seed "$seed" --routes "$work/ours.csv" 2> "$work/ours.time"
cat "$work/ours.time" >&2

# --- PostgreSQL, PostGIS, pgRouting --------------------------------------------------------------------
log "PostgreSQL: throwaway server"
source Tools/throwaway-postgres.sh
start_throwaway_postgres "$work"
"${psql[@]}" -c "CREATE DATABASE routes" >/dev/null
"${psql[@]}" -d routes -c "CREATE EXTENSION postgis" -c "CREATE EXTENSION pgrouting" >/dev/null
"${psql[@]}" -d routes -At -c "SELECT 'PostGIS ' || postgis_lib_version() || ', pgRouting ' || pgr_version()" | sed 's/^/== /' >&2

log "PostGIS: edges costed as ST_Length(geom::geography), on the spheroid"
"${psql[@]}" -d routes <<SQL
CREATE TABLE edges (id bigint PRIMARY KEY, source bigint, target bigint, kind text, our_length_m double precision, wkt text);
\copy edges FROM '$work/edges.csv' CSV HEADER
ALTER TABLE edges ADD COLUMN geom geometry(LineString, 4326), ADD COLUMN cost double precision;
UPDATE edges SET geom = ST_GeomFromText(wkt, 4326);
UPDATE edges SET cost = ST_Length(geom::geography, true);
CREATE TABLE pairs (pair int PRIMARY KEY, source bigint, target bigint, length_m double precision, edges text);
\copy pairs FROM '$work/ours.csv' CSV HEADER
SQL

log "pgRouting: pgr_dijkstra, undirected, every pair in one call"
edges_sql="SELECT id, source, target, cost, cost AS reverse_cost FROM edges"
"${psql[@]}" -d routes <<SQL > "$work/pgr.timing"
\timing on
CREATE TABLE theirs AS SELECT * FROM pgr_dijkstra('$edges_sql', 'SELECT DISTINCT source, target FROM pairs', directed => false);
SQL
log "pgRouting: one pair per call, the first 50 pairs"
"${psql[@]}" -d routes <<SQL
CREATE TABLE single_ms (ms double precision);
DO \$\$
DECLARE r record; t0 timestamptz;
BEGIN
    FOR r IN SELECT source, target FROM pairs ORDER BY pair LIMIT 50 LOOP
        t0 := clock_timestamp();
        PERFORM * FROM pgr_dijkstra('$edges_sql', r.source, r.target, directed => false);
        INSERT INTO single_ms VALUES (extract(epoch FROM clock_timestamp() - t0) * 1000);
    END LOOP;
END
\$\$;
\copy (SELECT start_vid, end_vid, max(agg_cost) FILTER (WHERE edge = -1) AS length_m, string_agg(edge::text, ' ' ORDER BY path_seq) FILTER (WHERE edge <> -1) AS edges FROM theirs GROUP BY start_vid, end_vid) TO '$work/theirs.csv' CSV HEADER
\copy (SELECT id, kind, our_length_m, cost FROM edges) TO '$work/edge-lengths.csv' CSV HEADER
\copy (SELECT ms FROM single_ms) TO '$work/single.csv' CSV HEADER
SQL

# --- summary -------------------------------------------------------------------------------------------
python3 - "$work" <<'PY'
import csv, re, statistics, sys
work = sys.argv[1]
ours = list(csv.DictReader(open(f"{work}/ours.csv")))
theirs = {(r["start_vid"], r["end_vid"]): r for r in csv.DictReader(open(f"{work}/theirs.csv"))}
diffs, bad = [], []
for r in ours:
    t = theirs.get((r["source"], r["target"]))
    if t is None or not t["length_m"]:
        bad.append((r, None)); continue
    d = float(r["length_m"]) - float(t["length_m"])
    diffs.append(abs(d))
    if abs(d) > 1: bad.append((r, t))
edges = list(csv.DictReader(open(f"{work}/edge-lengths.csv")))
edge_diff = max(abs(float(e["our_length_m"]) - float(e["cost"])) for e in edges)
total = sum(float(e["cost"]) for e in edges if e["kind"] == "track")
single = sorted(float(r["ms"]) for r in csv.DictReader(open(f"{work}/single.csv")))
timing = re.findall(r"Time: ([0-9.]+) ms", open(f"{work}/pgr.timing").read())
ours_time = open(f"{work}/ours.time").read().strip()
print(f"edges: {len(edges)} ({total / 1000:,.1f} km of track by PostGIS); largest |ours - ST_Length(geography)| per edge: {edge_diff:.3e} m")
print(f"pairs: {len(ours)} compared, {len(diffs)} with a path on both sides")
if diffs:
    print(f"path length |ours - pgr_dijkstra|: max {max(diffs):.3e} m, mean {statistics.mean(diffs):.3e} m; over 1 m: {sum(d > 1 for d in diffs)}")
print(f"time: {ours_time}; pgRouting all {len(ours)} pairs in one pgr_dijkstra call: {timing[-1] if timing else '?'} ms; "
      f"one pair per call: median {statistics.median(single):.1f} ms of {len(single)}")
for r, t in bad:
    print(f"DISAGREE pair {r['pair']} {r['source']} -> {r['target']}: ours {r['length_m']} m via edges {r['edges']}")
    print(f"         pgRouting {t['length_m'] + ' m via edges ' + t['edges'] if t else 'no path'}")
sys.exit(1 if bad else 0)
PY
