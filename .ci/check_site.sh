#!/usr/bin/env bash
# Builds the site of every sample with `books site` and checks it as a browser would:
# html5lib parses every page without an error, every internal link resolves, nothing is
# fetched from the network, every page is reachable from index.html (.ci/check_site.py);
# the same books give a byte-identical site; and headless Chromium renders the landing
# page, a client page, the invoice board and the calendar at phone and desktop widths:
# each screenshot is not blank and the rendered DOM shows the page's title.
#
# Usage: bash .ci/check_site.sh PATH/TO/books
# Set SITE_KEEP=DIR to keep the sites and the screenshots in DIR.
set -euo pipefail

if [[ $# -ne 1 || ! -x $1 ]]; then
  echo "usage: $0 PATH/TO/books (the built executable)" >&2
  exit 2
fi
books="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
  sudo=()
  if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null; then sudo=(sudo); fi
  install=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends chromium)
  echo "installing chromium"
  if ! "${install[@]}" >/tmp/check_site_apt.log 2>&1; then
    "${sudo[@]}" apt-get update -qq >>/tmp/check_site_apt.log 2>&1
    if ! "${install[@]}" >>/tmp/check_site_apt.log 2>&1; then
      cat /tmp/check_site_apt.log >&2
      echo "FAIL: could not install chromium" >&2
      exit 1
    fi
  fi
fi

if [[ -n ${SITE_KEEP:-} ]]; then
  work="$SITE_KEEP"
  rm -rf "$work"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# Not blank: the PNG's pixels, once inflated, take many different byte values.
png_is_blank() {
  python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("not a PNG")
pos, idat = 8, b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + length]
    pos += 12 + length
pixels = zlib.decompress(idat)
distinct = len(set(pixels))
print(distinct)
sys.exit(0 if distinct < 24 else 1)
PY
}

shoot() {
  local site=$1 page=$2 title=$3 label=$4
  local width height
  for size in 390,844 1280,900; do
    width=${size%,*}
    png="$work/shots/$label-$width.png"
    rm -f "$png"
    timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
      --disable-extensions --user-data-dir="$work/profile" --window-size="$size" \
      --screenshot="$png" "file://$site/$page" >"$work/chromium.log" 2>&1 || true
    if [[ ! -s $png ]]; then
      tail -20 "$work/chromium.log" >&2
      fail "$label ($width px): chromium took no screenshot"
      continue
    fi
    if distinct="$(png_is_blank "$png")"; then
      fail "$label ($width px): the screenshot is blank ($distinct byte values)"
    fi
  done
  timeout 60 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --user-data-dir="$work/profile" --dump-dom "file://$site/$page" >"$work/dom.html" \
    2>"$work/chromium.log" || true
  if ! grep -qF -- "<h1>$title</h1>" "$work/dom.html"; then
    fail "$label: the rendered page has no <h1>$title</h1>"
  fi
  if ! grep -qF -- 'made by books' "$work/dom.html"; then
    fail "$label: the rendered page has no footer"
  fi
  echo "  $label: $page rendered at 390 and 1280 px, titled \"$title\""
}

mkdir -p "$work/shots"
for sample in samples/*.books; do
  name="$(basename "$sample" .books)"
  site="$work/$name"
  "$books" site "$sample" -o "$site"
  "$books" site "$sample" -o "$work/$name-again" 2>/dev/null
  diff -r "$site" "$work/$name-again" >/dev/null || fail "$sample: two runs wrote different sites"
  python3 .ci/check_site.py "$site" || fail "$sample: the site does not check"

  # A client with invoices: the first card of the clients board's "client" column.
  "$books" report clients "$sample" --format json >"$work/clients.json"
  read -r client client_name < <(python3 - "$work/clients.json" <<'PY'
import html, json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
for block in report["blocks"]:
    for lane in block.get("lanes", []):
        if lane["id"] == "client" and lane["cards"]:
            card = lane["cards"][0]
            print(card["id"], html.escape(card["title"]))
            sys.exit(0)
sys.exit("no client in the clients report")
PY
  )
  business="$(grep -o '<h1>[^<]*</h1>' "$site/index.html" | head -1 | sed 's/<h1>\(.*\)<\/h1>/\1/')"
  shoot "$site" index.html "$business" "$name-index"
  shoot "$site" "clients/$client.html" "$client_name" "$name-client"
  shoot "$site" invoices.html Invoices "$name-invoices"
  shoot "$site" calendar.html Calendar "$name-calendar"
done

if ((failures > 0)); then
  echo "FAIL: $failures problem(s) in the sites" >&2
  exit 1
fi
echo "sites of every sample built, validated and rendered"
