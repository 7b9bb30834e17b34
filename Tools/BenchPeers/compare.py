"""Compares the answers of two tools (CSV files written by the benchmark runners): ids equal, distances
within 0.1% or 2 m. Ids that differ at distances agreeing within that tolerance are near-ties, counted apart. Every answer of the
peer is compared (a peer run on a sample of the deposits is compared on that sample).

    python3 compare.py OURS_DIR PEER_DIR   (prints one JSON line)
"""
import csv
import json
import sys


def read(path, key):
    with open(path) as f:
        return {r[key]: r for r in csv.DictReader(f)}


def close(a, b):
    return abs(a - b) <= max(2.0, 0.001 * max(abs(a), abs(b)))


ours, peer = sys.argv[1], sys.argv[2]
result = {}
for name, key in [("nearest", "deposit_id"), ("points", "i")]:
    a, b = read(f"{ours}/{name}.csv", key), read(f"{peer}/{name}.csv", key)
    same = ties = differ = 0
    worst = 0.0
    # A peer run on a sample (bench-peers.sh --postgis-sample) answers for fewer deposits: compare those.
    for k, rb in b.items():
        ra = a.get(k)
        if ra is None or not ra["distance_m"] or not rb["distance_m"]:
            differ += 1
            continue
        da, db = float(ra["distance_m"]), float(rb["distance_m"])
        ok = close(da, db)
        if ra["rail_id"] == rb["rail_id"] and ok:
            same += 1
            worst = max(worst, abs(da - db))
        elif ok:
            ties += 1
        else:
            differ += 1
    result[name] = {"compared": len(b), "agree": same, "near_ties": ties, "disagree": differ, "largest_difference_m": round(worst, 3)}

with open(f"{ours}/corridors.csv") as f:
    a = {(r["corridor_id"], r["deposit_id"]): float(r["distance_m"]) for r in csv.DictReader(f)}
with open(f"{peer}/corridors.csv") as f:
    b = {(r["corridor_id"], r["deposit_id"]): float(r["distance_m"]) for r in csv.DictReader(f)}
result["corridors"] = {"both": len(a.keys() & b.keys()), "only_ours": len(a.keys() - b.keys()), "only_peer": len(b.keys() - a.keys()),
                       "distance_disagree": sum(1 for k in a.keys() & b.keys() if not close(a[k], b[k]))}
print(json.dumps(result))
