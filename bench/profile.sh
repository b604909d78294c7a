#!/usr/bin/env bash
# Profiles `books check` on generated books with callgrind and prints the top functions,
# inclusive and exclusive, demangled. Needs valgrind. Usage: bench/profile.sh [ENTRIES]
# The release build with debug info goes to .build-profile (a full release build: minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
entries="${1:-100000}"
build=(swift build -c release --scratch-path .build-profile -Xswiftc -g)
"${build[@]}"
bin="$("${build[@]}" --show-bin-path)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin/books-bench" generate --entries "$entries" --out "$work/books"
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
  "$bin/books" check "$work/books/books.books" --as-of 2025-12-31
for inclusive in yes no; do
  echo "== top functions, inclusive=$inclusive"
  callgrind_annotate --inclusive="$inclusive" "$work/callgrind.out" | grep -E '^ *[0-9,]+ \(' \
    | head -40 | swift demangle --simplified | sed -E 's# \[[^]]*\]$##; s#[^ ]*Sources/BooksKit/##'
done
