"""The worker's HTTP endpoints: `/metrics`, `/healthz` (the process serves) and `/readyz`.

Served from a thread of their own, started before the models load: an orchestrator sees a live
process at once, and `/readyz` says what it is still waiting for. Faust's own web server starts
only after table recovery, too late for that, so it stays off.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from newsstream.broker.ports import wait_for_listener

log = logging.getLogger(__name__)

#: Seconds a readiness probe waits for the broker to accept a connection.
_BROKER_TIMEOUT = 1.0


class Readiness:
    """What `/readyz` checks; the worker sets the first two, the broker is asked each time."""

    def __init__(self, bootstrap: str) -> None:
        self.models_loaded = False
        self.partitions_assigned: Callable[[], bool] = lambda: False
        self._servers = [_host_port(server) for server in bootstrap.split(",") if server.strip()]

    def broker_reachable(self) -> bool:
        """Whether any bootstrap server accepts a TCP connection."""
        return any(wait_for_listener(host, port, _BROKER_TIMEOUT) for host, port in self._servers)

    def checks(self) -> dict[str, bool]:
        return {
            "models_loaded": self.models_loaded,
            "partitions_assigned": self.models_loaded and self.partitions_assigned(),
            "broker_reachable": self.broker_reachable(),
        }


def _host_port(server: str) -> tuple[str, int]:
    host, _, port = server.strip().rpartition(":")
    return host.strip("[]") or "localhost", int(port or 9092)


class HealthServer:
    """A small threaded HTTP server; `close()` stops it."""

    def __init__(
        self, bind: str, port: int, registry: CollectorRegistry, readiness: Readiness
    ) -> None:
        handler = _handler(registry, readiness)
        self._server = ThreadingHTTPServer((bind, port), handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="newsstream-http", daemon=True
        )
        self._thread.start()
        log.info("serving /metrics, /healthz and /readyz on %s:%d", bind, self.port)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(registry: CollectorRegistry, readiness: Readiness) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/metrics":
                self._send(200, generate_latest(registry), CONTENT_TYPE_LATEST)
            elif path == "/healthz":
                self._json(200, {"status": "ok"})
            elif path == "/readyz":
                checks = readiness.checks()
                ready = all(checks.values())
                self._json(200 if ready else 503, {"ready": ready, "checks": checks})
            else:
                self._json(404, {"error": f"no such path: {path}"})

        def _json(self, status: int, body: dict[str, Any]) -> None:
            self._send(status, json.dumps(body).encode(), "application/json")

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            """Probes come every few seconds: not worth a log line each."""

    return Handler
