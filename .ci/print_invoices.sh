#!/usr/bin/env bash
# Prints every invoice of every sample to PDF in headless Chromium, on A4 and on Letter paper,
# and checks what a client reads in it (pdftotext): the invoice number, the client's name and
# the balance due, on at most two pages, with nothing fetched from the network.
#
# Usage: bash .ci/print_invoices.sh PATH/TO/books
# Set PRINT_INVOICES_KEEP=DIR to keep the HTML, PDF and text files in DIR.
set -euo pipefail

if [[ $# -ne 1 || ! -x $1 ]]; then
  echo "usage: $0 PATH/TO/books (the built executable)" >&2
  exit 2
fi
books="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$(dirname "$0")/.."
as_of=2026-11-22
max_pages=2

# The tools: Chromium to print, poppler-utils for pdftotext and pdfinfo.
if ! command -v chromium >/dev/null || ! command -v pdftotext >/dev/null \
  || ! command -v pdfinfo >/dev/null; then
  sudo=()
  if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null; then sudo=(sudo); fi
  install=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends chromium poppler-utils)
  echo "installing chromium and poppler-utils"
  if ! "${install[@]}" >/tmp/print_invoices_apt.log 2>&1; then
    "${sudo[@]}" apt-get update -qq >>/tmp/print_invoices_apt.log 2>&1
    if ! "${install[@]}" >>/tmp/print_invoices_apt.log 2>&1; then
      cat /tmp/print_invoices_apt.log >&2
      echo "FAIL: could not install chromium and poppler-utils" >&2
      exit 1
    fi
  fi
fi

if [[ -n ${PRINT_INVOICES_KEEP:-} ]]; then
  work="$PRINT_INVOICES_KEEP"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
profile="$work/chromium-profile"

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# One line per invoice: number, client display name, balance due as printed ("-" if none),
# standing; from the invoices and clients reports in JSON, not from the document itself.
list_invoices() {
  local sample=$1
  "$books" report invoices "$sample" --format json --as-of "$as_of" >"$work/invoices.json"
  "$books" report clients "$sample" --format json --as-of "$as_of" >"$work/clients.json"
  python3 - "$work/invoices.json" "$work/clients.json" <<'EOF'
import json, sys

def cards(path, block_id):
    report = json.load(open(path, encoding="utf-8"))
    for block in report["blocks"]:
        if block["id"] == block_id:
            for lane in block["lanes"]:
                for card in lane["cards"]:
                    yield lane["id"], card

def printed(money):
    # As Money.formatted() prints it: "," between thousands, a space, the currency code.
    amount = money["amount"]
    sign = "-" if amount.startswith("-") else ""
    whole, _, fraction = amount.lstrip("-").partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ",".join(groups) + ("." + fraction if fraction else "") + " " + money["currency"]

names = {card["id"]: card["title"] for _, card in cards(sys.argv[2], "clients")}
invoices = list(cards(sys.argv[1], "invoices"))
if not invoices:
    sys.exit("no invoices in the invoices report")
for standing, card in sorted(invoices, key=lambda pair: pair[1]["id"]):
    fields = {field["id"]: field["value"] for field in card["fields"]}
    client = fields["client"]
    if client not in names:
        sys.exit(f"{card['id']}: client {client} is not in the clients report")
    balance = printed(fields["balance"]) if fields["balance"] is not None else "-"
    print("\t".join([card["id"], names[client], balance, standing]))
EOF
}

# Collapses runs of blanks, so that a name set in columns still matches.
squeeze() { tr -s ' \t' '  '; }

check_pdf() {
  local label=$1 number=$2 client=$3 balance=$4 standing=$5 pdf=$6 paper=$7 text=$8
  local info pages
  info="$(pdfinfo "$pdf")"
  pages="$(awk '/^Pages:/ { print $2 }' <<<"$info")"
  if ((pages < 1 || pages > max_pages)); then
    fail "$label: $pages pages, expected 1 to $max_pages"
  fi
  if ! grep -q "^Page size:.*($paper)" <<<"$info"; then
    fail "$label: page size is not $paper: $(grep '^Page size:' <<<"$info")"
  fi
  pdftotext -layout -enc UTF-8 "$pdf" "$text"
  local flat
  flat="$(squeeze <"$text")"
  grep -qF -- "$number" <<<"$flat" || fail "$label: invoice number \"$number\" missing from the PDF text"
  grep -qF -- "$(squeeze <<<"$client")" <<<"$flat" \
    || fail "$label: client name \"$client\" missing from the PDF text"
  if [[ $standing == void ]]; then
    grep -qi 'void' <<<"$flat" || fail "$label: void invoice does not say \"void\""
    if grep -qi 'balance due' <<<"$flat"; then
      fail "$label: void invoice still shows a balance due"
    fi
  else
    local lines
    lines="$(grep -i 'balance due' <<<"$flat" || true)"
    if [[ -z $lines ]]; then
      fail "$label: \"Balance due\" missing from the PDF text"
    elif ! grep -qF -- "$balance" <<<"$lines"; then
      fail "$label: balance due \"$balance\" missing from the lines: $lines"
    fi
  fi
}

# Prints HTML to PDF with its own Chromium profile; the log gets Chromium's chatter.
print_pdf() {
  local html=$1 pdf=$2 log=$3 profile=$4
  rm -f "$pdf"
  timeout 60 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --no-first-run --disable-extensions --user-data-dir="$profile" \
    --print-to-pdf="$pdf" "file://$html" >"$log" 2>&1
}

papers=(A4 letter)
count=0
start=$SECONDS
for sample in samples/*.books; do
  name="$(basename "$sample" .books)"
  invoices="$(list_invoices "$sample")" || {
    fail "$sample: could not list the invoices"
    continue
  }
  while IFS=$'\t' read -r number client balance standing; do
    base="$work/$name-$number"
    if ! "$books" invoice "$number" "$sample" --format html --as-of "$as_of" -o "$base.html"; then
      fail "$sample $number: books invoice failed"
      continue
    fi
    # Nothing may be fetched: no remote src or href on link, script, img and the like, no
    # remote url() or @import in the style sheet.
    if grep -Eiq '<(link|script|img|iframe|source|video|audio|object|embed|image|use)[^>]*(src|href|srcset|data)[[:space:]]*=[[:space:]]*["'\'']?(https?:)?//' "$base.html" \
      || grep -Eiq "url\\([[:space:]]*[\"']?(https?:)?//|@import" "$base.html"; then
      fail "$sample $number: the HTML refers to a remote resource"
    fi
    # Both papers at once: each Chromium waits on its own start-up more than on the CPU.
    pids=()
    for paper in "${papers[@]}"; do
      # The document leaves the paper size to the printer; set it as a client's browser would.
      sed "s|</head>|<style>@page { size: $paper; }</style>\n</head>|" "$base.html" >"$base-$paper.html"
      print_pdf "$base-$paper.html" "$base-$paper.pdf" "$base-$paper.log" "$profile-$paper" &
      pids+=($!)
    done
    summary=()
    for i in "${!papers[@]}"; do
      paper=${papers[$i]}
      pdf="$base-$paper.pdf"
      if ! wait "${pids[$i]}" || [[ ! -s $pdf ]]; then
        tail -20 "$base-$paper.log" >&2
        fail "$sample $number ($paper): chromium did not print a PDF"
        continue
      fi
      check_pdf "$sample $number ($paper)" "$number" "$client" "$balance" "$standing" \
        "$pdf" "$paper" "$base-$paper.txt"
      summary+=("$paper $(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')p")
    done
    count=$((count + 1))
    printf '%-10s %-14s %-16s %-20s %s\n' "$name" "$number" \
      "$([[ $standing == void ]] && echo void || echo "$balance")" "${summary[*]}" "$client"
  done <<<"$invoices"
done

if ((failures > 0)); then
  echo "FAIL: $failures problem(s) in the printed invoices" >&2
  exit 1
fi
echo "$count invoices printed on A4 and Letter and checked in $((SECONDS - start)) s"
