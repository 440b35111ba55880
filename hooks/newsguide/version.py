"""The engine's version: a digest of its own source, so that results kept by one engine are never used by another.

Any edit to a file of the engine (`hooks/newsguide/`) or a new Python version
gives a new `ENGINE_VERSION`; kept results (see `newsguide.cache`) made before
it are then recomputed rather than trusted.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path


def engine_version(package: Path) -> str:
    """A digest of every Python file of the package (path and bytes) and of the Python version.

    Args:
        package: The engine's folder.
    """
    digest = hashlib.sha256(f"python {sys.version_info[0]}.{sys.version_info[1]}\n".encode())
    for file in sorted(package.rglob("*.py")):
        digest.update(file.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


#: This engine's version, read once when it is imported.
ENGINE_VERSION = engine_version(Path(__file__).resolve().parent)
