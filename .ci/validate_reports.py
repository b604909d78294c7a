#!/usr/bin/env python3
"""Renders every report of every sample as HTML and Markdown with the built binary and
checks them as third-party clients would: html5lib must parse each page without a single
parse error, and cmarkgfm (GitHub's Markdown) must turn every pipe table into a <table>."""
import glob
import json
import subprocess
import sys

import cmarkgfm
import html5lib
from cmarkgfm.cmark import Options

BOOKS = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/books"


def run(*args):
    result = subprocess.run([BOOKS, *args], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        sys.exit(f"books {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def report_names():
    help_text = run("report", "--help")
    names, inside = [], False
    for line in help_text.splitlines():
        if line.startswith("REPORTS:"):
            inside = True
        elif inside and line.startswith("  ") and line.strip():
            names.append(line.split()[0])
        elif inside and not line.strip():
            break
    return names


checked = 0
for sample in sorted(glob.glob("samples/*.books")):
    for name in report_names():
        common = [name, sample, "--as-of", "2026-11-22"]
        page = run(*common, "--format", "html")
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(page)
        if parser.errors:
            sys.exit(f"{sample} {name}: html5lib errors: {parser.errors[:5]}")
        markdown = run(*common, "--format", "md")
        tables = sum(1 for line in markdown.splitlines() if line.startswith("| --- ") or line.startswith("| ---:"))
        rendered = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
        if rendered.count("<table>") != tables:
            sys.exit(f"{sample} {name}: {tables} Markdown tables but cmarkgfm made {rendered.count('<table>')}")
        if "<script" in rendered:
            sys.exit(f"{sample} {name}: Markdown renders a <script> element")
        json.loads(run(*common, "--format", "json"))
        checked += 1
print(f"validated {checked} reports as HTML (html5lib), Markdown (cmarkgfm) and JSON")
