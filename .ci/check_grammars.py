"""Compiles every regular expression of the TextMate grammar with Oniguruma (the engine
VS Code, Sublime and GitHub's highlighter use) and checks that each sample line gets the
scopes it should: a head's keyword and id, a field name, a string, a date, an amount."""
import json
import sys

import onigurumacffi

grammar = json.load(open(sys.argv[1]))


def regexes(node):
    if isinstance(node, dict):
        for key in ("match", "begin", "end"):
            if key in node:
                yield node[key]
        for value in node.values():
            yield from regexes(value)
    elif isinstance(node, list):
        for value in node:
            yield from regexes(value)


count = 0
for pattern in regexes(grammar):
    onigurumacffi.compile(pattern)
    count += 1
print(f"{count} regular expressions compile with Oniguruma")

repository = grammar["repository"]


def first_match(rule_name, line):
    rule = repository[rule_name]
    for rule in rule.get("patterns", [rule]):
        if "match" in rule:
            match = onigurumacffi.compile(rule["match"]).search(line)
            if match:
                return match.group(0)
    return None


expectations = [
    ("definition-head", 'client acme "Acme Corp"', "client acme"),
    ("dated-head", "2026-01-31 invoice INV-2026-001 acme", "2026-01-31 invoice INV-2026-001 acme"),
    ("dated-head", "2026-01-12 time acme-web 3h30m", "2026-01-12 time acme-web"),
    ("declaration-head", 'stage prospect "Prospect"', "stage prospect"),
    ("field", "  legal-name Studio", "  legal-name"),
    ("comment", "client acme ; our first", "; our first"),
    ("tag", "client acme #retainer", "#retainer"),
    ("conflict", "<<<<<<< HEAD", "<<<<<<< HEAD"),
]
failed = False
for rule, line, expected in expectations:
    got = first_match(rule, line)
    if got != expected:
        print(f"{rule} on {line!r}: got {got!r}, expected {expected!r}")
        failed = True
sys.exit(1 if failed else 0)
