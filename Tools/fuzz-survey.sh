#!/bin/sh
# Fuzzes the survey readers and validator with libFuzzer for SECONDS, starting from the hostile corpus
# and the intake folder. Crashes and timeouts are written to .build-fuzz/artifacts/ (replay one with
# `swift run fuzz-survey FILE`); the growing working corpus lives in .build-fuzz/corpus/.
set -eu
seconds=${1:?usage: Tools/fuzz-survey.sh SECONDS}
cd "$(dirname "$0")/.."
swift build -c release --product fuzz-survey -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING --scratch-path .build-fuzz
mkdir -p .build-fuzz/corpus .build-fuzz/artifacts
for seed in Tests/SurveyTests/Corpus/* GeoData/surveys/*; do
    case "$seed" in *expected.json|*README*) continue ;; esac
    cp "$seed" .build-fuzz/corpus/
done
# -timeout: an input that takes 10 s is a hang; -rss_limit_mb: one that needs 2 GB is runaway memory.
exec .build-fuzz/release/fuzz-survey .build-fuzz/corpus \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=.build-fuzz/artifacts/ -print_final_stats=1
