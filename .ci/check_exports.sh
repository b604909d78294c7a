#!/usr/bin/env bash
# Exports every sample (and .ci/exports-currencies.books, books in three currencies) to
# hledger, Ledger and beancount, has each real tool accept its file, and checks that
# hledger's money received and expenses per month and currency equal `books report
# finance` (FORMAT.md, 2.10). Usage: .ci/check_exports.sh BOOKS_BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
books="$(realpath "${1:?usage: .ci/check_exports.sh BOOKS_BINARY}")"

install() {
  if ! command -v hledger >/dev/null || ! command -v ledger >/dev/null; then
    apt-get install -y --no-install-recommends hledger ledger >/dev/null \
      || { apt-get update >/dev/null && apt-get install -y --no-install-recommends hledger ledger >/dev/null; }
  fi
  if ! command -v bean-check >/dev/null; then
    python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore beancount
  fi
}
install

as_of="$(date +%F)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for sample in samples/*.books .ci/exports-currencies.books; do
  name="$(basename "$sample" .books)"
  echo "-- $name (as of $as_of)"
  for kind in hledger ledger beancount; do
    "$books" export "$kind" "$sample" --as-of "$as_of" -o "$work/$name.$kind"
  done
  hledger -f "$work/$name.hledger" check --strict ordereddates
  ledger --pedantic -f "$work/$name.ledger" balance >/dev/null
  bean-check "$work/$name.beancount"

  for currency in $(hledger -f "$work/$name.hledger" commodities); do
    hledger -f "$work/$name.hledger" balance assets:bank tag:entry=income \
      --monthly --depth 1 --layout=bare -O csv >"$work/income.csv"
    hledger -f "$work/$name.hledger" balance expenses tag:entry=expense \
      --monthly --depth 1 --layout=bare -O csv >"$work/expenses.csv"
    "$books" report finance "$sample" --as-of "$as_of" --currency "$currency" \
      --format json >"$work/finance.json"
    python3 - "$currency" "$work/income.csv" "$work/expenses.csv" "$work/finance.json" <<'PY'
import csv, json, sys
from decimal import Decimal

currency, income_csv, expenses_csv, finance_json = sys.argv[1:]

def hledger_months(path):
    """The `total` row of an hledger --monthly --layout=bare CSV, for one commodity."""
    with open(path, newline="") as file:
        rows = list(csv.reader(file))
    if not rows:
        return {}
    header = rows[0]
    for row in rows[1:]:
        if row[0] == "total" and row[1] == currency:
            return {m: Decimal(v) for m, v in zip(header[2:], row[2:]) if Decimal(v) != 0}
    return {}

with open(finance_json) as file:
    report = json.load(file)
months = next(b for b in report["blocks"] if b.get("id") == "months")["rows"]
books = {"income": {}, "expenses": {}}
for row in months:
    for column in books:
        money = row[column]
        if money and money["currency"] == currency and Decimal(money["amount"]) != 0:
            books[column][row["month"]] = Decimal(money["amount"])

hledger = {"income": hledger_months(income_csv), "expenses": hledger_months(expenses_csv)}
failed = False
for column in books:
    if books[column] != hledger[column]:
        failed = True
        print(f"   {currency} {column}: books report finance {books[column]}")
        print(f"   {currency} {column}: hledger                {hledger[column]}")
if failed:
    sys.exit(f"hledger's monthly totals differ from books report finance in {currency}")
total = {column: sum(books[column].values(), Decimal(0)) for column in books}
print(f"   {currency}: {len(books['income'])} months of income ({total['income']}),"
      f" {len(books['expenses'])} of expenses ({total['expenses']}) match")
PY
  done
done
echo "exports accepted by hledger, ledger and bean-check; hledger matches books report finance"
