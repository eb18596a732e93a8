"""Files derived from installed data and kept between starts (`NEWSSTREAM_TABLE_CACHE`).

Each file is named by a kind and a fingerprint of what it was derived from, written whole or
not at all, and the files of earlier fingerprints are removed. A directory that cannot be
written costs only the time to derive the data again at the next start.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)


def fingerprint(parts: Iterable[str], files: Iterable[Path] = ()) -> str:
    """A short hash of the text `parts` and the contents of `files`."""
    digest = hashlib.sha256("\n".join(parts).encode())
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_path(directory: Path, kind: str, key: str, suffix: str) -> Path:
    return directory / f"{kind}-{key}{suffix}"


def write(path: Path, kind: str, writer: Callable[[BinaryIO], None]) -> None:
    """Write through a temporary file and rename it, so a reader never sees half a file;
    then remove the files of this kind with other fingerprints."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{kind}-")
        with os.fdopen(handle, "wb") as out:
            writer(out)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
        for other in path.parent.glob(f"{kind}-*{path.suffix}"):
            if other != path:
                with contextlib.suppress(OSError):
                    other.unlink()
    except OSError as error:
        log.info("%s not kept in %s (%s); derived again at each start", kind, path.parent, error)
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
