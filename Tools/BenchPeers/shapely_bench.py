"""Shapely 2 + pyproj side of Tools/bench-peers.sh: the questions DepositIndex answers, done the way a
Python user would: STRtree over the rail lines in degrees, planar candidates, then geodesic distances
(pyproj.Geod on WGS84) between the planar nearest points of every candidate within 1.5x the planar best.

    python3 shapely_bench.py DATA_DIR POINTS_CSV OUT_DIR   (prints one JSON line of timings)
"""
import json
import sys
import time

import numpy as np
import shapely
from pyproj import Geod

data, points_csv, out = sys.argv[1], sys.argv[2], sys.argv[3]
geod = Geod(ellps="WGS84")


def read(name):
    with open(f"{data}/{name}") as f:
        features = json.load(f)["features"]
    return [x["id"] for x in features], shapely.from_geojson([json.dumps(x["geometry"]) for x in features]), features


t0 = time.perf_counter()
dep_ids, deps, _ = read("deposits.geojson")
rail_ids, rails, _ = read("rail.geojson")
cor_ids, cors, cor_features = read("corridors.geojson")
tree = shapely.STRtree(rails)
dep_tree = shapely.STRtree(deps)
load = time.perf_counter() - t0


def geodesic_nearest(geoms, tree_geoms, tree):
    """For each geometry: (index of the nearest tree geometry, geodesic metres), refining planar candidates."""
    _, planar = tree.query_nearest(geoms, return_distance=True, all_matches=False)
    pairs = tree.query(geoms, predicate="dwithin", distance=planar * 1.5 + 1e-9)
    lines = shapely.shortest_line(geoms[pairs[0]], tree_geoms[pairs[1]])
    c = shapely.get_coordinates(lines).reshape(-1, 2, 2)
    _, _, dist = geod.inv(c[:, 0, 0], c[:, 0, 1], c[:, 1, 0], c[:, 1, 1])
    dist = np.where(shapely.intersects(geoms[pairs[0]], tree_geoms[pairs[1]]), 0.0, dist)
    order = np.lexsort((dist, pairs[0]))
    first = np.unique(pairs[0][order], return_index=True)[1]
    best = order[first]
    return pairs[1][best], dist[best]


# The quick way (the pick of the planar nearest, then its geodesic distance), timed for reference only:
# degrees of longitude are shorter than degrees of latitude, so the planar pick is often the wrong line.
t0 = time.perf_counter()
pick = tree.query_nearest(deps, all_matches=False)
quick = shapely.get_coordinates(shapely.shortest_line(deps[pick[0]], rails[pick[1]])).reshape(-1, 2, 2)
geod.inv(quick[:, 0, 0], quick[:, 0, 1], quick[:, 1, 0], quick[:, 1, 1])
planar_pick = time.perf_counter() - t0

t0 = time.perf_counter()
idx, dist = geodesic_nearest(deps, rails, tree)
nearest_all = time.perf_counter() - t0
planar_wrong = int(np.sum(pick[1] != idx))
with open(f"{out}/nearest.csv", "w") as f:
    f.write("deposit_id,rail_id,distance_m\n")
    for k in range(len(dep_ids)):
        f.write(f"{dep_ids[k]},{rail_ids[idx[k]]},{dist[k]}\n")

# Corridors: deposits within half the width, by geodesic distance between planar nearest points.
t0 = time.perf_counter()
rows = []
for cid, c, feature in zip(cor_ids, cors, cor_features):
    half = feature["properties"]["width_km"] * 500
    # A degree of longitude at 56N is about 62 km: a window of half/60 km in degrees holds every candidate.
    cand = dep_tree.query(c, predicate="dwithin", distance=half / 60_000)
    lines = shapely.shortest_line(deps[cand], c)
    xy = shapely.get_coordinates(lines).reshape(-1, 2, 2)
    _, _, d = geod.inv(xy[:, 0, 0], xy[:, 0, 1], xy[:, 1, 0], xy[:, 1, 1])
    d = np.where(shapely.intersects(deps[cand], c), 0.0, d)
    for k, dd in zip(cand, d):
        if dd <= half:
            rows.append(f"{cid},{dep_ids[k]},{dd}\n")
corridors = time.perf_counter() - t0
with open(f"{out}/corridors.csv", "w") as f:
    f.write("corridor_id,deposit_id,distance_m\n")
    f.writelines(rows)

# Single points, one query at a time.
pts = [tuple(map(float, line.split(","))) for line in open(points_csv) if line.strip()]
t0 = time.perf_counter()
res = []
for lon, lat in pts:
    g = np.array([shapely.Point(lon, lat)])
    i, d = geodesic_nearest(g, rails, tree)
    res.append((rail_ids[i[0]], d[0]))
points = time.perf_counter() - t0
with open(f"{out}/points.csv", "w") as f:
    f.write("i,rail_id,distance_m\n")
    for k, (r, d) in enumerate(res):
        f.write(f"{k},{r},{d}\n")

print(json.dumps({"load_s": load, "nearest_all_s": nearest_all, "nearest_all_planar_pick_s": planar_pick,
                  "planar_pick_wrong": planar_wrong, "corridors_s": corridors, "points_s": points}))
