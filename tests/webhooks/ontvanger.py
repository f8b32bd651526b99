"""A webhook receiver on loopback for the tests: a small `http.server` in a thread."""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any


@dataclass
class Ontvangen:
    """One POST as the receiver saw it."""

    pad: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Ontvanger:
    """Records every POST and answers `status`; `stoppen` makes the port refuse connections.

    The port stays the same across `starten`/`stoppen`, so that a subscription's URL keeps
    pointing at it ("the receiver was down, then back").
    """

    status: int = 204
    poort: int = 0
    ontvangen: list[Ontvangen] = field(default_factory=list)
    _server: HTTPServer | None = None
    _draad: threading.Thread | None = None

    def __post_init__(self) -> None:
        if not self.poort:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                self.poort = int(s.getsockname()[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.poort}/webhooks/pb?bron=test"

    def starten(self) -> Ontvanger:
        ontvanger = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                lengte = int(self.headers.get("Content-Length", "0"))
                ontvanger.ontvangen.append(
                    Ontvangen(self.path, dict(self.headers.items()), self.rfile.read(lengte))
                )
                self.send_response(ontvanger.status)
                if 300 <= ontvanger.status < 400:
                    self.send_header("Location", "http://127.0.0.1:1/elders")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self._server = HTTPServer(("127.0.0.1", self.poort), Handler)
        self._draad = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._draad.start()
        return self

    def stoppen(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
