#!/usr/bin/env python3
"""Checks a site written by `books site` as a browser and a crawler would: html5lib must
parse every page without a single parse error, every internal href and src must name a
file of the site (anchors aside), nothing may be fetched from the network, and every
page must be reachable from index.html.

Usage: python3 .ci/check_site.py SITE_DIR"""
import html.parser
import os
import sys
import urllib.parse

import html5lib

root = os.path.abspath(sys.argv[1])


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.fetches = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "href":
                self.links.append(value)
                if tag == "link" and value.startswith(("http:", "https:", "//")):
                    self.fetches.append(value)
            elif name in ("src", "srcset", "data", "poster"):
                self.links.append(value)
                self.fetches.append(value) if value.startswith(("http:", "https:", "//")) else None
        if tag == "script":
            self.fetches.append("<script>")


pages = []
for folder, _, names in os.walk(root):
    for name in names:
        pages.append(os.path.relpath(os.path.join(folder, name), root))
pages.sort()
html_pages = [page for page in pages if page.endswith(".html")]
if "index.html" not in html_pages:
    sys.exit(f"{root}: no index.html")

problems = []
graph = {}
for page in html_pages:
    text = open(os.path.join(root, page), encoding="utf-8").read()
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(text)
    for error in parser.errors[:3]:
        problems.append(f"{page}: html5lib: {error}")
    links = Links()
    links.feed(text)
    for fetch in links.fetches:
        problems.append(f"{page}: fetches {fetch}")
    targets = set()
    for link in links.links:
        parts = urllib.parse.urlsplit(link)
        if parts.scheme or link.startswith("//"):
            if parts.scheme not in ("http", "https", "mailto"):
                problems.append(f"{page}: link with scheme {parts.scheme}: {link}")
            continue
        if not parts.path:
            continue
        target = os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(parts.path)))
        if target.startswith(".."):
            problems.append(f"{page}: link leaves the site: {link}")
        elif not os.path.isfile(os.path.join(root, target)):
            problems.append(f"{page}: broken link {link}")
        else:
            targets.add(target)
    graph[page] = targets

seen, todo = set(), ["index.html"]
while todo:
    page = todo.pop()
    if page in seen:
        continue
    seen.add(page)
    todo.extend(graph.get(page, ()))
for page in html_pages:
    if page not in seen:
        problems.append(f"{page}: not reachable from index.html")

if problems:
    print("\n".join(problems[:40]), file=sys.stderr)
    sys.exit(f"{root}: {len(problems)} problem(s)")
links = sum(len(targets) for targets in graph.values())
print(f"{root}: {len(html_pages)} pages parse without errors; {links} internal links resolve; all reachable")
