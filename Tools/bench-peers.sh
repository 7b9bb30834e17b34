#!/usr/bin/env bash
# DepositIndex side by side with PostGIS 3 (PostgreSQL 15, geography) and Shapely 2 + pyproj (STRtree), on the
# seeded synthetic set of deposits-bench (100,000 deposits, 20,000 rail lines by default) plus ten corridors.
#
#   Tools/bench-peers.sh [--size DEPOSITS] [--rail LINES] [--postgis-sample N] [--work DIR]
#
# PostGIS's nearest-rail pass runs KNN over the rail cut into 16-vertex pieces (ST_Subdivide) and re-ranks the 8
# nearest pieces on the spheroid (issue 16 measured 111.6 s for 100,000 deposits on 2 cores; over whole lines it
# took about 40 minutes); with --postgis-sample N it runs on the first N deposits and the table shows the time scaled to all of them.
#
# Installs what is missing (apt postgresql-15-postgis-3 and hyperfine, pip shapely>=2 and pyproj), starts a
# throwaway PostgreSQL on a free loopback port (stopped on exit), and prints a table of timings with ratios,
# then how far the answers agree (ids equal; distances within 0.1% or 2 m). Generated data, the store and
# the database live in the work directory (a temporary one unless --work is given) and are never committed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
size=100000 rail=20000 work="" sample=0
while [ $# -gt 0 ]; do
    case "$1" in
        --size) size=$2; shift 2 ;;
        --rail) rail=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --postgis-sample) sample=$2; shift 2 ;;
        *) echo "usage: Tools/bench-peers.sh [--size DEPOSITS] [--rail LINES] [--postgis-sample N] [--work DIR]" >&2; exit 64 ;;
    esac
done
[ -n "$work" ] || work=$(mktemp -d /tmp/bench-peers.XXXXXX)
mkdir -p "$work"
work=$(cd "$work" && pwd)
log() { echo "== $*" >&2; }

# --- tools ---------------------------------------------------------------------------------------------
Tools/install-system-packages
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] && [ -f /usr/share/postgresql/15/extension/postgis.control ] || need+=(postgresql-15-postgis-3)
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v ogr2ogr >/dev/null || need+=(gdal-bin)
if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]} (apt)"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
python3 -c 'import shapely, pyproj, sys; sys.exit(0 if int(shapely.__version__.split(".")[0]) >= 2 else 1)' 2>/dev/null \
    || { log "installing shapely>=2 and pyproj (pip)"; python3 -m pip install -q "shapely>=2" pyproj >&2; }

log "building (release)"
swift build -c release --scratch-path .build-store --product deposits >&2
swift build -c release --scratch-path .build-store --product deposits-bench >&2
swift build -c release --scratch-path .build-store --product deposits-bench-store >&2
bin=$root/.build-store/release
timev() { /usr/bin/time -f "%e %M" -o "$1" "${@:2}"; }   # wall seconds, peak KB

# --- data ----------------------------------------------------------------------------------------------
data=$work/data
if [ ! -f "$data/deposits.geojson" ]; then
    log "generating $size deposits, $rail rail lines, 10 corridors (seed 42)"
    "$bin/deposits-bench" --deposits "$size" --rail "$rail" --write-geojson "$data" >&2
fi
python3 - "$work/points.csv" <<'PY'
import random, sys
r = random.Random(1000)   # 1,000 points over the synthetic extent, the same for every tool
open(sys.argv[1], "w").write("".join("%.6f,%.6f\n" % (r.uniform(46, 87), r.uniform(40, 55)) for _ in range(1000)))
PY

# --- DepositIndex --------------------------------------------------------------------------------------
log "DepositIndex: import into a GeoPackage store"
rm -f "$work/catalog.gpkg" "$work/catalog.gpkg-wal" "$work/catalog.gpkg-shm"
timev "$work/ours-import.time" "$bin/deposits" import "$data" --into "$work/catalog.gpkg" 2>/dev/null
log "DepositIndex: every deposit's nearest rail end to end from the store (deposits near-rail --all --format jsonl)"
timev "$work/ours-jsonl.time" "$bin/deposits" near-rail --all --store "$work/catalog.gpkg" --format jsonl -o "$work/ours-near-rail.jsonl"
log "DepositIndex: queries from the store"
timev "$work/ours-store.time" "$bin/deposits-bench-store" --store "$work/catalog.gpkg" --points "$work/points.csv" --out "$work/ours-store" > "$work/ours-store.json"
log "DepositIndex: queries from GeoJSON"
timev "$work/ours-geojson.time" "$bin/deposits-bench-store" --geojson "$data" --points "$work/points.csv" --out "$work/ours-geojson" > "$work/ours-geojson.json"
log "DepositIndex: cold start of one near-rail against the store (hyperfine)"
hyperfine -N --warmup 3 --runs 30 --export-json "$work/cold.json" "$bin/deposits near-rail 47.5,66.2 --store $work/catalog.gpkg" >&2
timev "$work/cold-mem.time" "$bin/deposits" near-rail 47.5,66.2 --store "$work/catalog.gpkg" >/dev/null

# --- Shapely -------------------------------------------------------------------------------------------
log "Shapely 2 + pyproj"
mkdir -p "$work/shapely"
timev "$work/shapely.time" python3 Tools/BenchPeers/shapely_bench.py "$data" "$work/points.csv" "$work/shapely" > "$work/shapely.json"

# --- PostGIS -------------------------------------------------------------------------------------------
log "PostGIS: throwaway server"
source Tools/throwaway-postgres.sh
start_throwaway_postgres "$work" -c shared_buffers=512MB -c work_mem=64MB
"${psql[@]}" -c "CREATE DATABASE bench" >/dev/null
"${psql[@]}" -d bench -c "CREATE EXTENSION postgis" >/dev/null
pg="PG:host=127.0.0.1 port=$port user=postgres dbname=bench"
start=$(date +%s.%N)
for layer in deposits rail corridors; do
    ogr2ogr -f PostgreSQL "$pg" "$data/$layer.geojson" -nln "$layer" -lco GEOM_TYPE=geography -lco GEOMETRY_NAME=geog -lco SPATIAL_INDEX=GIST
done
# The rail lines cut into pieces of at most 16 vertices (ST_Subdivide), as a PostGIS expert would for KNN:
# over whole lines the index box of a long line is a candidate for every deposit near any part of it
# (about 40 minutes for 100,000 deposits); over the pieces, KNN then a re-rank on the spheroid.
# KNN runs on the pieces' planar boxes (geometry, degrees: the fast operator), then the 8 nearest are
# re-ranked by their distance on the spheroid (geography).
"${psql[@]}" -d bench -c "CREATE TABLE rail_pieces AS SELECT id, g AS geom, g::geography AS geog FROM (SELECT id, ST_Subdivide(geog::geometry, 16) AS g FROM rail) s" >/dev/null
"${psql[@]}" -d bench -c "CREATE INDEX ON rail_pieces USING gist (geom)" >/dev/null
"${psql[@]}" -d bench -c "ANALYZE" >/dev/null
pg_import=$(python3 -c "print($(date +%s.%N) - $start)")
log "PostGIS: nearest rail for every deposit (KNN over the 16-vertex pieces, the best of 8 by spheroid distance)"
mkdir -p "$work/postgis"
sec() { local s; s=$(date +%s.%N); "$@"; python3 -c "print($(date +%s.%N) - $s)"; }
source="deposits"; scale=1
if [ "$sample" -gt 0 ] && [ "$sample" -lt "$size" ]; then source="(SELECT * FROM deposits ORDER BY ogc_fid LIMIT $sample)"; scale=$(python3 -c "print($size / $sample)"); fi
pg_all=$(sec "${psql[@]}" -d bench -c "CREATE TABLE nearest AS SELECT d.id AS deposit_id, n.id AS rail_id, n.dist AS distance_m FROM $source d
    CROSS JOIN LATERAL (SELECT k.id, ST_Distance(d.geog, k.geog) AS dist FROM (SELECT id, geog FROM rail_pieces ORDER BY rail_pieces.geom <-> d.geog::geometry LIMIT 8) k ORDER BY dist LIMIT 1) n")
"${psql[@]}" -d bench -c "\\copy nearest TO '$work/postgis/nearest.csv' CSV HEADER"
log "PostGIS: corridor overlap (ST_DWithin on geography, half the width)"
pg_cor=$(sec "${psql[@]}" -d bench -c "CREATE TABLE corr AS SELECT c.id AS corridor_id, d.id AS deposit_id, ST_Distance(d.geog, c.geog) AS distance_m
    FROM corridors c JOIN deposits d ON ST_DWithin(d.geog, c.geog, c.width_km * 500)")
"${psql[@]}" -d bench -c "\\copy corr TO '$work/postgis/corridors.csv' CSV HEADER"
log "PostGIS: 1,000 single-point queries"
python3 - "$work/points.csv" "$work/points.sql" <<'PY'
import sys
out = open(sys.argv[2], "w")
for i, line in enumerate(open(sys.argv[1])):
    lon, lat = line.strip().split(",")
    p = f"'SRID=4326;POINT({lon} {lat})'::geography"
    out.write(f"SELECT {i}, k.id, ST_Distance(k.geog, {p}) AS d FROM (SELECT id, geog FROM rail_pieces ORDER BY geom <-> {p}::geometry LIMIT 8) k ORDER BY d LIMIT 1;\n")
PY
start=$(date +%s.%N)
"${psql[@]}" -d bench -At -F, -f "$work/points.sql" > "$work/postgis/points.raw"
pg_pts=$(python3 -c "print($(date +%s.%N) - $start)")
(echo "i,rail_id,distance_m"; cat "$work/postgis/points.raw") > "$work/postgis/points.csv"
pg_all=$(python3 -c "print($pg_all * $scale)")
echo "{\"nearest_scaled_from\": $([ "$scale" = 1 ] && echo 0 || echo "$sample"), \"load_s\": $pg_import, \"nearest_all_s\": $pg_all, \"corridors_s\": $pg_cor, \"points_s\": $pg_pts}" > "$work/postgis.json"

# --- table ---------------------------------------------------------------------------------------------
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
j = lambda n: json.load(open(f"{w}/{n}"))
t = lambda n: open(f"{w}/{n}").read().split()
store, geo, shp, pgs, cold = j("ours-store.json"), j("ours-geojson.json"), j("shapely.json"), j("postgis.json"), j("cold.json")
imp = float(t("ours-import.time")[0])
rows = [
    ("import + index build (s)", imp, geo["load_s"], shp["load_s"], pgs["load_s"]),
    ("nearest rail, every deposit (s)", store["nearest_all_s"], geo["nearest_all_s"], shp["nearest_all_s"], pgs["nearest_all_s"]),
    ("corridor overlap, 10 corridors (s)", store["corridors_s"], geo["corridors_s"], shp["corridors_s"], pgs["corridors_s"]),
    ("1,000 single-point nearest rail (s)", store.get("points_from_store_s", store["points_s"]), geo["points_s"], shp["points_s"], pgs["points_s"]),
]
print(f"\n{store['deposits']} deposits, {store['rail']} rail lines, {store['corridors']} corridors")
print(f"{'':38} {'ours:store':>11} {'ours:geojson':>13} {'shapely':>9} {'postgis':>9} {'shapely/ours':>13} {'postgis/ours':>13}")
for name, a, b, c, d in rows:
    best = min(a, b)
    print(f"{name:38} {a:11.3f} {b:13.3f} {c:9.3f} {d:9.3f} {c / best:12.1f}x {d / best:12.1f}x")
e2e = float(t("ours-jsonl.time")[0])
print(f"{'nearest rail, every deposit, end to end':38} {e2e:11.3f} {'':>13} {shp['nearest_all_s']:9.3f} {pgs['nearest_all_s']:9.3f} "
      f"{shp['nearest_all_s'] / e2e:12.1f}x {pgs['nearest_all_s'] / e2e:12.1f}x")
print("  (the shell command `deposits near-rail --all --store --format jsonl`: start, read the store, search, write every record;"
      " the peers' in-process times beside it, Shapely's without parsing, PostGIS's as KNN over the rail table then the spheroid)")
med = cold["results"][0]["median"] * 1000
print(f"\ncold `deposits near-rail` against the store: median {med:.1f} ms over {len(cold['results'][0]['times'])} runs (hyperfine)")
mem = lambda n: int(t(n)[1]) / 1024
print(f"peak memory (MB): cold near-rail {mem('cold-mem.time'):.0f}; import {mem('ours-import.time'):.0f}; "
      f"ours from store {mem('ours-store.time'):.0f}; ours from GeoJSON {mem('ours-geojson.time'):.0f}; shapely {mem('shapely.time'):.0f}; "
      "postgis: server-side, not measured here")
if pgs.get("nearest_scaled_from"):
    print(f"postgis nearest rail: measured on the first {pgs['nearest_scaled_from']} deposits, scaled to all")
print(f"shapely's quick planar pick: {shp['nearest_all_planar_pick_s']:.3f} s, a different line than its geodesic refinement for {shp['planar_pick_wrong']} deposits")
PY
for peer in shapely postgis; do
    echo "agreement, ours (store) vs $peer: $(python3 Tools/BenchPeers/compare.py "$work/ours-store" "$work/$peer")"
done
echo "agreement, ours (store) vs ours (GeoJSON): $(python3 Tools/BenchPeers/compare.py "$work/ours-store" "$work/ours-geojson")"
echo "work directory: $work"
