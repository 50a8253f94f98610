"""A real HTTP server on 127.0.0.1 that answers from a queue of scripted replies.

Used to test the remote providers over real sockets: each reply is (status, headers,
JSON body) or the string "hang" (answer nothing until the client times out).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = tuple[int, dict[str, str], Any] | str


@dataclass
class Script:
    replies: list[Reply]
    requests: list[dict[str, Any]] = field(default_factory=list)  # path, headers, body, at


@contextmanager
def scripted_server(script: Script) -> Iterator[str]:
    """Serve ``script`` on a free loopback port; yield the base URL."""
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"null")
            script.requests.append({"path": self.path, "headers": dict(self.headers),
                                    "body": body, "at": time.monotonic()})
            reply = script.replies.pop(0) if script.replies else (500, {}, {"error": "empty"})
            if reply == "hang":
                stop.wait(10)
                return
            status, headers, payload = reply
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
