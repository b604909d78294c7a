#!/usr/bin/env bash
# Exports every sample (and .ci/exports-currencies.books) as csv, json and ics and has
# third-party readers accept them (FORMAT.md 2.10): Python's `icalendar` parses the
# calendar, every VEVENT has a UID and a DTSTAMP and the UIDs are unique; `jsonschema`
# validates the JSON against schema/books-export.schema.json; Python's csv module reads
# every CSV file, each row as wide as its header, no cell a spreadsheet formula.
# Usage: .ci/check_data_exports.sh BOOKS_BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
books="$(realpath "${1:?usage: .ci/check_data_exports.sh BOOKS_BINARY}")"

python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
  icalendar jsonschema

as_of="$(date +%F)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for sample in samples/*.books .ci/exports-currencies.books; do
  name="$(basename "$sample" .books)"
  echo "-- $name (as of $as_of)"
  "$books" export ics "$sample" --as-of "$as_of" -o "$work/$name.ics"
  "$books" export json "$sample" --as-of "$as_of" -o "$work/$name.json"
  "$books" export csv "$sample" --as-of "$as_of" -o "$work/$name-csv"
  python3 - "$work/$name.ics" "$work/$name.json" "$work/$name-csv" schema/books-export.schema.json <<'PY'
import csv, json, pathlib, re, sys

import icalendar
import jsonschema

ics_path, json_path, csv_dir, schema_path = sys.argv[1:]

# iCalendar: parsed by the real library; the properties RFC 5545 requires are there.
raw = pathlib.Path(ics_path).read_bytes()
lines = raw.split(b"\r\n")
assert lines[-1] == b"", "the calendar ends with CRLF"
for number, line in enumerate(lines[:-1], 1):
    assert b"\n" not in line and b"\r" not in line, f"ics line {number}: a bare line break"
    assert len(line) <= 75, f"ics line {number} is {len(line)} octets, over 75"
    line.decode("utf-8")  # a fold never splits a UTF-8 sequence
calendar = icalendar.Calendar.from_ical(raw)
for required in ("VERSION", "PRODID"):
    assert calendar.get(required), f"VCALENDAR without {required}"
events = list(calendar.walk("VEVENT"))
uids = []
for event in events:
    for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
        assert event.get(required) is not None, f"VEVENT without {required}: {event.to_ical()[:200]}"
    start, end = event.decoded("DTSTART"), event.get("DTEND") and event.decoded("DTEND")
    if end is not None:
        assert end >= start, f"{event['UID']} ends before it starts"
    uids.append(str(event["UID"]))
duplicates = {uid for uid in uids if uids.count(uid) > 1}
assert not duplicates, f"UIDs not unique: {sorted(duplicates)}"

# JSON: valid against the committed schema.
schema = json.loads(pathlib.Path(schema_path).read_text())
jsonschema.Draft202012Validator.check_schema(schema)
document = json.loads(pathlib.Path(json_path).read_text())
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(document))
for error in errors[:10]:
    print(f"   json {list(error.absolute_path)}: {error.message[:200]}")
assert not errors, f"{len(errors)} schema errors"

# CSV: RFC 4180 rows as wide as the header; no cell a formula (numbers keep their sign).
number = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
files = sorted(pathlib.Path(csv_dir).glob("*.csv"))
assert files, "no CSV files"
rows_total = 0
for path in files:
    data = path.read_bytes()
    assert data.endswith(b"\r\n"), f"{path.name}: not CRLF-terminated"
    with path.open(newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file, strict=True))
    header = rows[0]
    assert len(set(header)) == len(header), f"{path.name}: duplicate columns"
    for index, row in enumerate(rows[1:], 2):
        assert len(row) == len(header), f"{path.name} row {index}: {len(row)} cells, header {len(header)}"
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not number.match(cell):
                raise AssertionError(f"{path.name} row {index}: formula-like cell {cell!r}")
    rows_total += len(rows) - 1
counts = {key: len(value) for key, value in document.items() if isinstance(value, list) and value}
print(f"   ics: {len(events)} events; json: {counts.get('invoices', 0)} invoices valid;"
      f" csv: {len(files)} files, {rows_total} rows")
PY
done
echo "data exports accepted by icalendar, jsonschema and Python's csv module"
