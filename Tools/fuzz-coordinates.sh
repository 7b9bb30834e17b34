#!/bin/sh
# Fuzzes the coordinate reader (CoordinateText), its formatter and the terminal escaping (TerminalText)
# with libFuzzer for SECONDS, starting from Tools/FuzzCoordinates/Seeds (the README's forms and the
# cases of issue 11). Findings are written to .build-fuzz/artifacts/ (replay one with
# `swift run fuzz-coordinates FILE`); the growing working corpus lives in .build-fuzz/coordinates-corpus/.
# Further libFuzzer options (-runs=N, -jobs=N) follow SECONDS.
set -eu
seconds=${1:?usage: Tools/fuzz-coordinates.sh SECONDS [libFuzzer options]}
shift
cd "$(dirname "$0")/.."
swift build -c release --product fuzz-coordinates -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING --scratch-path .build-fuzz
mkdir -p .build-fuzz/coordinates-corpus .build-fuzz/artifacts
cp Tools/FuzzCoordinates/Seeds/* .build-fuzz/coordinates-corpus/
# -max_len: a coordinate is short, but long digit strings were one of the traps, so allow 4 KB.
# -timeout: an input that takes 10 s is a hang; -rss_limit_mb: one that needs 2 GB is runaway memory.
exec .build-fuzz/release/fuzz-coordinates .build-fuzz/coordinates-corpus \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=.build-fuzz/artifacts/ -print_final_stats=1 "$@"
