"""A local broker records its address where commands run from any directory look for it."""

from __future__ import annotations

import socket
from pathlib import Path

from newsstream.broker.local import forget_pointer, recorded_address


def test_a_recorded_broker_is_found_while_it_listens(tmp_path: Path, listening: int) -> None:
    pointer = tmp_path / "local-broker"
    pointer.write_text(f"127.0.0.1:{listening}\n{tmp_path / 'home'}\n")
    assert recorded_address(pointer) == f"127.0.0.1:{listening}"


def test_a_stale_or_missing_record_finds_nothing(tmp_path: Path) -> None:
    pointer = tmp_path / "local-broker"
    assert recorded_address(pointer) is None
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    pointer.write_text(f"127.0.0.1:{port}\n{tmp_path}\n")
    assert recorded_address(pointer) is None


def test_a_broker_forgets_only_its_own_record(tmp_path: Path) -> None:
    pointer = tmp_path / "local-broker"
    pointer.write_text(f"127.0.0.1:9092\n{(tmp_path / 'other').resolve()}\n")
    forget_pointer(pointer, tmp_path / "mine")
    assert pointer.exists()
    forget_pointer(pointer, tmp_path / "other")
    assert not pointer.exists()
