"""The image's contract, proven without a container engine.

`deploy/Dockerfile` installs the locked runtime packages only (no development ones) as a
regular, non-editable install, builds the gazetteer's tables into the image, and runs the
worker as uid 10001 in a directory it cannot write, with its state on a volume. This test
builds that same environment in a fresh virtualenv, runs `newsstream worker` from it that way,
and sends it a page through the local broker: the casualty summary must come out, the log must
hold no traceback, and nothing may be written outside the state directory.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from tests.support.streams import create_topics, headers, produce, read_until, settings_for

pytestmark = pytest.mark.kafka

REPO = Path(__file__).resolve().parents[2]
#: The image's user (see deploy/Dockerfile).
UID = 10001
SUMMARY = "news.casualty_summary.v1"


def _uv() -> str:
    """The uv that `make` installs (the one the Dockerfile pins), else one on PATH."""
    local = REPO / ".cache" / "tools" / "bin" / "uv"
    found = str(local) if local.exists() else shutil.which("uv")
    assert found, "uv is missing: `make install` puts it in .cache/tools"
    return found


def _python() -> str:
    """An interpreter the image's user can run: the caller's, unless only root can reach it."""
    if os.geteuid() == 0 and Path("/usr/bin/python3.11").exists():
        return "/usr/bin/python3.11"
    return sys.executable


@pytest.fixture
def place() -> Iterator[Path]:
    """A directory every user can read (pytest's own are private to their owner)."""
    root = Path(tempfile.mkdtemp(prefix="newsstream-image-"))
    root.chmod(0o755)
    yield root
    shutil.rmtree(root, ignore_errors=True)


def _as_image_user() -> list[str]:
    return (
        ["setpriv", f"--reuid={UID}", f"--regid={UID}", "--clear-groups"]
        if os.geteuid() == 0
        else []
    )


def test_the_runtime_environment_runs_a_worker_unprivileged_on_a_read_only_tree(
    kafka_bootstrap: str, fixtures_dir: Path, place: Path
) -> None:
    runtime = place / "venv"
    environment = os.environ | {
        "UV_PROJECT_ENVIRONMENT": str(runtime),
        "UV_PYTHON_DOWNLOADS": "never",
    }
    subprocess.run(
        [_uv(), "sync", "--frozen", "--no-dev", "--no-editable", "--python", _python(), "-q"],
        cwd=REPO,
        env=environment,
        check=True,
    )
    python = runtime / "bin" / "python"
    for development in ("pytest", "mypy", "ruff", "hypothesis"):
        found = subprocess.run(
            [python, "-c", f"import {development}"], capture_output=True, check=False
        )
        assert found.returncode != 0, f"{development} is installed in the runtime environment"

    tables = place / "tables"
    settings = settings_for(kafka_bootstrap, f"image-{uuid.uuid4().hex[:8]}.")
    create_topics(settings)
    worker_env = {
        "PATH": f"{runtime / 'bin'}:/usr/bin:/bin",
        "NEWSSTREAM_TABLE_CACHE": str(tables),
        "NEWSSTREAM_KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "NEWSSTREAM_TOPIC_PREFIX": settings.topic_prefix,
        "NEWSSTREAM_TOPIC_PARTITIONS": str(settings.topic_partitions),
        "NEWSSTREAM_APP_ID": settings.app_id,
        "NEWSSTREAM_WORKER_WEB_PORT": "0",
    }
    # As the image's build stage does: the derived tables are made once, then only read.
    subprocess.run([runtime / "bin" / "newsstream", "prepare"], env=worker_env, check=True)

    tree = place / "workdir"  # the working directory: not writable by the worker
    tree.mkdir(mode=0o555)
    state = place / "state"  # its volume
    state.mkdir()
    home = place / "home"
    home.mkdir()
    if os.geteuid() == 0:
        for owned in (state, home):
            os.chown(owned, UID, UID)
    worker_env |= {"NEWSSTREAM_WORKER_DATA_DIR": str(state / "worker"), "HOME": str(home)}

    body = (fixtures_dir / "pages" / "harbour-fire.txt").read_text()
    page = orjson.dumps(
        {"body": body, "url": "https://example.org/image", "fetched_at": "2025-07-19T12:00:00Z"}
    )
    produce(kafka_bootstrap, settings.topics.raw, [(b"image", page)])
    log = place / "worker.log"
    with log.open("wb") as out:
        worker = subprocess.Popen(
            [*_as_image_user(), str(runtime / "bin" / "newsstream"), "worker"],
            cwd=tree,
            env=worker_env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            read_until(
                kafka_bootstrap,
                settings.topics.casualties,
                lambda records: any(headers(r)["ce_type"] == SUMMARY for r in records),
                worker=worker,
                timeout=180,
            )
        finally:
            worker.send_signal(signal.SIGINT)
            status = worker.wait(60)
    text = log.read_text(errors="replace")
    assert status == 0, text[-3000:]
    assert "Traceback" not in text
    assert not list(tree.iterdir())
    assert (state / "worker").is_dir()
