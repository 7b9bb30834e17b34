#!/usr/bin/env bash
# Rebuilds Tests/SurveyTests/GDALFixtures: the survey corpus written by GDAL's ogr2ogr into every format
# `deposits validate` reads through GDAL, and the broken cases of issue 17. Nothing here is written by
# hand: each file is ogr2ogr's output from a GeoJSON of GeoData/surveys or Tests/SurveyTests/Corpus (named
# in GDALFixtures/SOURCES), or such an output cut, emptied or zipped by the commands below.
# Needs gdal-bin and zip (installed when missing). Run from anywhere; it replaces the folder's contents.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in ogr2ogr zip; do
    command -v "$tool" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gdal-bin zip; }
done
out=Tests/SurveyTests/GDALFixtures
corpus=Tests/SurveyTests/Corpus
blocks=GeoData/surveys/example-upper-kairakty-blocks.geojson
rm -rf "$out"
mkdir -p "$out"
# Lists become GDAL's list text, "(3:W,Mo,Bi)", which every format holds; GDAL's warnings (names shortened
# to a Shapefile's 10 characters) are expected and left out, its errors shown.
# (A DXF holds no attributes: GDAL says so for each, and that is left out too.) GeoPackages get 512-byte
# pages, so each is some 20 KB rather than 90.
o() { ogr2ogr -q --config OGR_SQLITE_PRAGMA page_size=512 -mapFieldType StringList=String,RealList=String,IntegerList=String "$@" \
      2> >(grep -v -e "^Warning" -e "does not support arbitrary field creation" >&2 || true); }

# The clean survey in every format (the same findings as the GeoJSON: none).
o -f "ESRI Shapefile" "$out/blocks.shp" "$blocks"
o -f GPKG "$out/blocks.gpkg" "$blocks" -nln blocks -lco SPATIAL_INDEX=NO
o -f KML "$out/blocks.kml" "$blocks"
o -f LIBKML "$out/blocks.kmz" "$blocks"
o -f "MapInfo File" "$out/blocks.tab" "$blocks"
o -f "MapInfo File" "$out/blocks.mif" "$blocks" -dsco FORMAT=MIF
o -f DXF "$out/blocks.dxf" "$blocks" -nlt LINESTRING
o -f GML "$out/blocks.gml" "$blocks"
o -f FlatGeobuf "$out/blocks.fgb" "$blocks" -lco SPATIAL_INDEX=NO

# The broken cases: a Shapefile with a self-intersection, a TAB in Pulkovo-1942 Gauss-Krüger zone 13, a KML
# with a ring left open, a DXF with an unclosed polyline, a GeoPackage with two layers (one in UTM 43N).
o -f "ESRI Shapefile" "$out/bowtie.shp" "$corpus/bowtie.geojson"
o -f "ESRI Shapefile" "$out/bowtie-utm43n.shp" "$corpus/bowtie.geojson" -t_srs EPSG:32643
o -f "MapInfo File" "$out/bowtie-pulkovo-gk13.tab" "$corpus/bowtie.geojson" -t_srs EPSG:28413
o -f KML "$out/ring-open.kml" "$corpus/ring-not-closed.geojson"
o -f DXF "$out/unclosed-polyline.dxf" "$corpus/ring-not-closed.geojson" -nlt LINESTRING
o -f GPKG "$out/two-layers.gpkg" "$blocks" -nln blocks -lco SPATIAL_INDEX=NO
o -update -f GPKG "$out/two-layers.gpkg" "$corpus/bowtie.geojson" -nln bowtie_utm43n -t_srs EPSG:32643 -lco SPATIAL_INDEX=NO
# What the conversion cannot carry: Z and M values (a PolygonZM Shapefile), curves (a GeoPackage CurvePolygon).
o -f "ESRI Shapefile" "$out/blocks-zm.shp" "$blocks" -dim XYZM
o -f GPKG "$out/blocks-curve.gpkg" "$blocks" -nln blocks_curve -nlt CURVEPOLYGON -lco SPATIAL_INDEX=NO
o -f GML "$out/blocks-curve.gml" "$blocks" -nlt CURVEPOLYGON -dsco FORMAT=GML3
# A DXF polyline with an arc: ogr2ogr's DXF of the blocks with a bulge (group code 42, 0.3) after its second
# vertex, which GDAL's DXF reader turns into straight segments without marking them.
awk '!done && prev ~ /^ *10$/ && $0 == "73.25" { print; getline; print; getline; print; print " 42"; print "0.3"; done=1; prev=""; next } { print; prev=$0 }' \
    "$out/blocks.dxf" > "$out/arc-polyline.dxf"
cmp -s "$out/blocks.dxf" "$out/arc-polyline.dxf" && { echo "make-gdal-fixtures: no bulge was inserted" >&2; exit 1; }
# A Shapefile in UTM with its .prj, and the same without one (projected numbers and no CRS).
o -f "ESRI Shapefile" "$out/utm-blocks.shp" "$blocks" -t_srs EPSG:32643
o -f "ESRI Shapefile" "$out/utm-no-prj.shp" "$blocks" -t_srs EPSG:32643
rm "$out/utm-no-prj.prj"
# The blocks in UTM 43N as a GeoPackage, every catalog property kept: what deposits add takes and transforms.
o -f GPKG "$out/utm-blocks.gpkg" "$blocks" -nln blocks -t_srs EPSG:32643 -lco SPATIAL_INDEX=NO

# Bad input: a Shapefile missing its .shx, one missing its .dbf, a truncated .shp, a zip of a Shapefile,
# a KMZ that is not a zip, a 0-byte TAB.
for part in shp shx dbf prj; do cp "$out/bowtie.$part" "$out/missing-shx.$part"; cp "$out/bowtie.$part" "$out/missing-dbf.$part"; cp "$out/bowtie.$part" "$out/truncated.$part"; done
rm "$out/missing-shx.shx" "$out/missing-dbf.dbf"
head -c 120 "$out/bowtie.shp" > "$out/truncated.shp"
(cd "$out" && zip -q -X bowtie-shapefile.zip bowtie.shp bowtie.shx bowtie.dbf bowtie.prj)
cp "$out/blocks.kml" "$out/not-a-zip.kmz"
: > "$out/empty.tab"

cat > "$out/SOURCES" <<'LIST'
Made by Tools/make-gdal-fixtures.sh with GDAL's ogr2ogr; do not edit by hand.
blocks.*                  GeoData/surveys/example-upper-kairakty-blocks.geojson in each format
bowtie.*                  Tests/SurveyTests/Corpus/bowtie.geojson as a Shapefile (self-intersection)
bowtie-utm43n.*           the same in EPSG:32643 (UTM zone 43N), with its .prj
bowtie-pulkovo-gk13.*     the same, transformed to EPSG:28413 (Pulkovo 1942 / Gauss-Kruger zone 13), as MapInfo TAB
ring-open.kml             Tests/SurveyTests/Corpus/ring-not-closed.geojson as KML (the ring left open)
unclosed-polyline.dxf     the same as a DXF polyline, not closed
two-layers.gpkg           blocks (WGS84) and bowtie_utm43n (bowtie.geojson in EPSG:32643)
blocks-zm.*               the blocks with Z and M (ogr2ogr -dim XYZM)
blocks-curve.gpkg, .gml  the blocks as a CurvePolygon (ogr2ogr -nlt CURVEPOLYGON; GML3)
arc-polyline.dxf          blocks.dxf with a bulge (an arc) after the polyline's second vertex
utm-blocks.*              the blocks in EPSG:32643, with the .prj
utm-no-prj.*              the same without the .prj
utm-blocks.gpkg           the blocks in EPSG:32643 as a GeoPackage
missing-shx.*, missing-dbf.*   bowtie's Shapefile without its .shx, without its .dbf
truncated.*               bowtie's Shapefile with the .shp cut to 120 bytes
bowtie-shapefile.zip      bowtie's Shapefile zipped
not-a-zip.kmz             blocks.kml renamed .kmz
empty.tab                 0 bytes
LIST
ls -la "$out" | awk '{s+=$5} END {print s " bytes in all"}'
