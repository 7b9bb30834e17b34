#!/usr/bin/env python3
"""A seeded FeatureCollection of field polygons in Kazakhstan, as a field survey team would send it:
properties `id` and `name` only (no top-level id, none of the catalog's properties), for measuring
`deposits validate` on a large file (issue 11, case 16).

    Tools/make-field-survey.py --count 100000 --seed 11 > /tmp/field-survey.geojson
    Tools/make-field-survey.py --count 100000 --seed 11 --catalog > /tmp/field-survey-catalog.geojson

Each polygon is a small irregular ring of 20 vertices (about 0.5 km across) at a random place in a box
well inside Kazakhstan (64-76 E, 45-51 N), written counter-clockwise, 7 decimals: about 630 bytes a
feature, 63 MB for 100,000 (78 MB with --catalog). `--catalog` adds the properties a catalog deposit needs (GeoData/README.md).
"""
import argparse
import json
import math
import random
import sys


def ring(rng):
    lon0 = rng.uniform(64.0, 76.0)
    lat0 = rng.uniform(45.0, 51.0)
    radius = rng.uniform(0.002, 0.004)  # degrees of latitude: 220-440 m
    k = math.cos(math.radians(lat0))
    points = []
    for i in range(20):
        a = 2 * math.pi * i / 20  # increasing angle: counter-clockwise
        r = radius * rng.uniform(0.8, 1.0)
        points.append([round(lon0 + r * math.cos(a) / k, 7), round(lat0 + r * math.sin(a), 7)])
    points.append(points[0])
    return points


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--catalog", action="store_true", help="add the catalog's deposit properties")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
    out.write('{"type":"FeatureCollection","features":[\n')
    for n in range(args.count):
        properties = {"id": f"field-{n:06d}", "name": f"Field polygon {n}"}
        if args.catalog:
            properties.update({"aliases": [], "commodities": ["W"], "status": "exploration",
                               "footprint": "subsoil_blocks", "location_precision_m": 100, "source": "synthetic field survey"})
        feature = {"type": "Feature", "properties": properties,
                   "geometry": {"type": "Polygon", "coordinates": [ring(rng)]}}
        out.write(json.dumps(feature, separators=(",", ":")))
        out.write(",\n" if n + 1 < args.count else "\n")
    out.write("]}\n")


if __name__ == "__main__":
    main()
