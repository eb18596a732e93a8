"""The worker caps the C allocator's arenas, unless told otherwise."""

from __future__ import annotations

import platform

import pytest

from newsstream.stream.memory import limit_malloc_arenas


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="the arena cap is glibc's")
def test_the_arena_cap_is_set_on_glibc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    assert limit_malloc_arenas(2)


def test_an_explicit_environment_setting_or_zero_is_left_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert not limit_malloc_arenas(2)
    monkeypatch.delenv("MALLOC_ARENA_MAX")
    assert not limit_malloc_arenas(0)
