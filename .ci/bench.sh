#!/usr/bin/env bash
# The performance gate: generates a studio's books of 100,000 entries (books-bench), checks
# that hledger reads their export and finds the same income as `books report finance`,
# times `books check` three times and prints the figures. It fails only when the median CPU
# time (user + system, steadier than wall time on a shared machine) is over 5× the
# baseline recorded in bench/baseline.txt for the build configuration, so a
# loaded machine cannot turn CI red but an accidental quadratic loop does.
#
# Usage: .ci/bench.sh [debug|release] [--record]
# CI runs the debug build `.ci/run` has already built (a release build of the package takes
# over two minutes on two cores); `.ci/bench.sh release` times the optimised binary.
# `--record` measures and writes the baseline instead of comparing with it.
# SCRATCH_PATH=DIR builds in DIR instead of .build.
set -euo pipefail
cd "$(dirname "$0")/.."
configuration="${1:-debug}"
shift || true
build=(swift build -c "$configuration" --scratch-path "${SCRATCH_PATH:-.build}" -Xswiftc -warnings-as-errors)

"${build[@]}" --product books
"${build[@]}" --product books-bench
bin="$("${build[@]}" --show-bin-path)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
agree=()
if command -v hledger >/dev/null; then agree=(--agree); fi
"$bin/books-bench" gate --entries 100000 --runs 3 --factor 5 --baseline bench/baseline.txt \
  --work "$work" "${agree[@]}" "$@"
