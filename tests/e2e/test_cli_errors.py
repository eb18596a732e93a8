"""The command line as a user meets it: a clear error and status 2 for what they got wrong,
never a traceback; `replay --dry-run` lists what it would send and sends nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import orjson
import pytest

from newsstream.models import DeadLetter
from tests.support.streams import newsstream_command


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(newsstream_command(*args), capture_output=True, text=True, check=False)


@pytest.mark.parametrize(
    "args",
    [
        ("process", "no-such-page.txt"),
        ("process", "--jsonl", "no-such-file.jsonl"),
        ("produce", "no-such-page.txt"),
        ("replay", "--file", "no-such-letters.jsonl"),
        ("process", "--no-such-option", "page.txt"),
        ("process", "--content-type", "image/png", "-"),
    ],
)
def test_bad_arguments_and_missing_files_are_one_clear_error(args: tuple[str, ...]) -> None:
    result = _run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    [error] = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert args[-1] in error or args[1] in error


def test_every_command_explains_itself() -> None:
    groups = {
        "": [
            "broker",
            "prepare",
            "process",
            "produce",
            "replay",
            "run",
            "schemas",
            "tail",
            "worker",
        ]
    }
    groups["broker"] = ["start", "stop", "status"]
    groups["schemas"] = ["export"]
    for group, commands in groups.items():
        for command in commands:
            words = [group, command] if group else [command]
            result = _run(*words, "--help")
            assert result.returncode == 0
            summary = result.stdout.split("\n\n")[1].strip()
            assert len(summary.split()) >= 4, f"{words}: {summary!r}"


def test_replay_dry_run_lists_what_it_would_send(tmp_path: Path) -> None:
    page = {"body": ["not", "text"]}
    result = subprocess.run(
        newsstream_command("process", "-"),
        input=orjson.dumps(page),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1
    letters = [orjson.loads(line)["data"] for line in result.stdout.splitlines()]
    [letter] = [DeadLetter.model_validate(data) for data in letters]
    path = tmp_path / "letters.jsonl"
    path.write_bytes(orjson.dumps(letter.model_dump(mode="json")) + b"\n")

    listed = _run("replay", "--file", str(path), "--dry-run")

    assert listed.returncode == 0
    [line] = [orjson.loads(text) for text in listed.stdout.splitlines()]
    assert line["topic"] == letter.original.topic
    assert line["bytes"] == len(orjson.dumps(page))
    assert "would send 1 record(s)" in listed.stderr


def test_a_worker_whose_broker_never_answers_exits_with_one_clear_line(tmp_path: Path) -> None:
    import os
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "NEWSSTREAM_KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{port}",
        "NEWSSTREAM_KAFKA_CONNECT_TIMEOUT_SECONDS": "2",
        "NEWSSTREAM_WORKER_WEB_PORT": "0",
        "NEWSSTREAM_WORKER_DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        newsstream_command("worker"),
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        f"cannot create the topics on Kafka at 127.0.0.1:{port}" in result.stderr.splitlines()[-1]
    )
