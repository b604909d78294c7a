"""Measures how long `books lsp` takes from a full-document change to the diagnostics it
publishes, on generated books of 10,000 entries, as an editor sees it (framing and JSON
included). Not run by CI (it wants a release build); run it by hand:

    swift build -c release && python3 .ci/lsp_recheck_time.py .build/release/books
"""
import json
import os
import select
import subprocess
import sys
import tempfile
import time


def books_of_10000_entries():
    head = 'business "Studio"\n  currency EUR\n\nclient acme "Acme"\n\nproject acme-web "Web"\n  client acme\n\n'
    lines = [head]
    for n in range(1, 2500):
        date = f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
        lines.append(f"{date} invoice INV-{n:05d} acme\n  project acme-web\n  item \"Design\" 10h @ 95\n\n")
        lines.append(f"{date} income 950\n  invoice INV-{n:05d}\n  via bank\n\n")
        lines.append(f'{date} time acme-web 1h30m "Work {n}"\n')
        lines.append(f'{date} expense 12 "Coffee {n}"\n')
    return "".join(lines)


def main(binary):
    server = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    buffer = b""

    def send(message):
        body = json.dumps(message).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()

    def receive():
        nonlocal buffer
        while True:
            if b"\r\n\r\n" in buffer:
                header, rest = buffer.split(b"\r\n\r\n", 1)
                length = int(header.split(b":")[1])
                if len(rest) >= length:
                    buffer = rest[length:]
                    return json.loads(rest[:length])
            select.select([server.stdout], [], [], 30)
            buffer += os.read(server.stdout.fileno(), 1 << 16)

    text = books_of_10000_entries()
    uri = "file://" + os.path.join(tempfile.gettempdir(), "books-lsp-bench.books")
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}})
    receive()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "books", "version": 1, "text": text}}})
    receive()
    times = []
    for version in range(2, 22):
        changed = text + ("\n" if version % 2 else "2026-01-01 time acme-wb 1h\n")
        started = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": version},
                         "contentChanges": [{"text": changed}]}})
        receive()
        times.append((time.perf_counter() - started) * 1000)
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    receive()
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait()
    times.sort()
    print(f"10,000 entries, change to diagnostics: median {times[len(times) // 2]:.0f} ms, "
          f"best {times[0]:.0f} ms, worst {times[-1]:.0f} ms")


main(sys.argv[1])
