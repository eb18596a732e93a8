"""The endpoints answer from the first moment, and /readyz names what it still waits for."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request

from prometheus_client import CollectorRegistry, Counter

from newsstream.stream.health import HealthServer, Readiness


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(port: int, path: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_each_readiness_state(listening: int) -> None:
    registry = CollectorRegistry()
    Counter("newsstream_probe", "A counter for the scrape.", registry=registry).inc()
    readiness = Readiness(f"127.0.0.1:{listening}")
    server = HealthServer("127.0.0.1", 0, registry, readiness)
    try:
        assert _get(server.port, "/healthz") == (200, b'{"status": "ok"}')
        status, body = _get(server.port, "/readyz")
        assert status == 503
        assert json.loads(body)["checks"] == {
            "models_loaded": False,
            "partitions_assigned": False,
            "broker_reachable": True,
        }
        readiness.models_loaded = True
        assert _get(server.port, "/readyz")[0] == 503
        readiness.partitions_assigned = lambda: True
        status, body = _get(server.port, "/readyz")
        assert (status, json.loads(body)["ready"]) == (200, True)
        status, body = _get(server.port, "/metrics")
        assert status == 200
        assert b"newsstream_probe_total 1.0" in body
        assert _get(server.port, "/nothing")[0] == 404
    finally:
        server.close()


def test_an_unreachable_broker_is_not_ready() -> None:
    readiness = Readiness(f"127.0.0.1:{_free_port()},localhost:{_free_port()}")
    readiness.models_loaded = True
    readiness.partitions_assigned = lambda: True
    checks = readiness.checks()
    assert checks["broker_reachable"] is False
    assert not all(checks.values())
