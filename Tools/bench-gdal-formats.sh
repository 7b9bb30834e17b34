#!/usr/bin/env bash
# How long `deposits validate` takes on 100,000 polygons in each format it reads through GDAL, beside the
# same polygons as GeoJSON, and where the time goes (issue 17's closing note):
#
#   Tools/bench-gdal-formats.sh [--size N] [--work DIR]
#
# The polygons are deposits-bench's seeded synthetic deposits (deposits-bench --write-geojson), written into
# each format by ogr2ogr. For each format the table gives the file's size and three times, wall and CPU
# seconds (CPU: user and system, GDAL's child processes included), and the CPU difference with GeoJSON:
#   gdal read   GDAL reading every feature and doing nothing with it (ogrinfo -al -q -fields=NO -geom=NO... a
#               floor for any reader through GDAL, the C API included);
#   to GeoJSON  ogrinfo -so plus ogr2ogr to GeoJSON in the file's CRS: what `validate` runs before checking
#               (for layers of undeclared type, DXF, MapInfo, KML, it also runs ogrinfo -geom=SUMMARY beside it);
#   validate    `deposits validate FILE -o /dev/null`, the whole command (the report's content is not timed);
#   vs GeoJSON  validate's CPU time less that of the same polygons as GeoJSON, validated just before: what
#               reading through GDAL costs over GeoJSON.
# Release build; 2 shared cores here, so the times move by 10-20% between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
size=100000 work=""
while [ $# -gt 0 ]; do
    case "$1" in
        --size) size=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        *) echo "usage: Tools/bench-gdal-formats.sh [--size N] [--work DIR]" >&2; exit 64 ;;
    esac
done
Tools/install-system-packages
command -v ogr2ogr >/dev/null && command -v zip >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gdal-bin zip; }
[ -n "$work" ] || work=$(mktemp -d /tmp/bench-gdal.XXXXXX)
mkdir -p "$work"
swift build -c release --product deposits >&2
swift build -c release --product deposits-bench >&2
bin=.build/release
[ -f "$work/synth/deposits.geojson" ] || "$bin/deposits-bench" --write-geojson "$work/synth" --deposits "$size" --rail 10 >&2
src="$work/synth/deposits.geojson"

# "wall cpu" seconds of a command, its CPU being user and system time of it and every process it waited for
# (GDAL's tools included): on a shared machine the CPU time is the steadier number.
measure() { local TIMEFORMAT='%R %U %S'; { time "$@" >/dev/null 2>&1 ; } 2>&1 | tail -1 | awk '{printf "%.2f %.2f", $1, $2 + $3}'; }
map="-mapFieldType StringList=String,RealList=String,IntegerList=String"

write() {  # format extension [ogr2ogr options]
    local driver=$1 ext=$2; shift 2
    local f="$work/deposits.$ext"
    if [ "$ext" = kmz ]; then
        # GDAL's LIBKML writer takes over 10 minutes for 100,000 placemarks; a KMZ is a zip of doc.kml.
        [ -f "$f" ] || (cd "$work" && rm -rf kmz && mkdir kmz && cp deposits.kml kmz/doc.kml && cd kmz && zip -q -X ../deposits.kmz doc.kml)
    else
        [ -f "$f" ] || ogr2ogr -q $map -f "$driver" "$f" "$src" "$@" 2> >(grep -v -e "^Warning" -e "arbitrary field" >&2 || true)
    fi
    echo "$f"
}

printf "%-10s %6s  %-17s %-17s %-17s %s\n" format size "gdal read" "to GeoJSON" "validate" "vs GeoJSON (CPU)"
printf "%-10s %6s  %-17s %-17s %-17s\n" "" "" "wall (CPU) s" "wall (CPU) s" "wall (CPU) s"
geojson() { measure "$bin/deposits" validate "$src" -o /dev/null; }
read -r w c <<<"$(geojson)"
printf "%-10s %5sM  %-17s %-17s %-17s\n" "GeoJSON" "$(du -m "$src" | cut -f1)" - - "$w ($c)"
convert() {  # what validate runs before checking: describe, then the layer to GeoJSON
    ogrinfo -ro -so -al -nocount -noextent "$1" >/dev/null 2>&1
    ogr2ogr -f GeoJSON -preserve_fid -lco RFC7946=NO -lco SIGNIFICANT_FIGURES=17 "$work/out.geojson" "$1" "$2"
}
for spec in "ESRI Shapefile:shp" "GPKG:gpkg" "KML:kml" "LIBKML:kmz" "MapInfo File:tab" "MapInfo File:mif:-dsco FORMAT=MIF" \
            "DXF:dxf:-nlt LINESTRING" "GML:gml" "FlatGeobuf:fgb"; do
    IFS=: read -r driver ext extra <<<"$spec"
    # shellcheck disable=SC2086
    f=$(write "$driver" "$ext" $extra)
    layer=$(ogrinfo -ro -q "$f" 2>/dev/null | sed -nE 's/^1: //p' | sed -E 's/ \([^)]*\)$//' | head -1)
    read -r rw rc <<<"$(measure ogrinfo -ro -al -q -fields=NO -geom=NO "$f")"
    rm -f "$work/out.geojson"
    read -r cw cc <<<"$(measure convert "$f" "$layer")"
    rm -f "$work/out.geojson"
    # The GeoJSON run just before, so that a busy machine slows both alike.
    read -r bw bc <<<"$(geojson)"
    read -r vw vc <<<"$(measure "$bin/deposits" validate "$f" -o /dev/null)"
    size=$(du -m "$f" | cut -f1)
    [ "$ext" = shp ] && size=$(du -mc "$work"/deposits.{shp,shx,dbf} | tail -1 | cut -f1)
    [ "$ext" = tab ] && size=$(du -mc "$work"/deposits.{tab,map,dat,id} | tail -1 | cut -f1)
    [ "$ext" = mif ] && size=$(du -mc "$work"/deposits.{mif,mid} | tail -1 | cut -f1)
    printf "%-10s %5sM  %-17s %-17s %-17s %+.2f\n" "$ext" "$size" "$rw ($rc)" "$cw ($cc)" "$vw ($vc)" "$(echo "$vc - $bc" | bc)"
done
echo "work directory: $work" >&2
