"""Shared fixtures: one strict build of the real site for all tests that read it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import ROOT, Build, build


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A strict build of the real project into a temporary folder."""
    result = build(ROOT, site=tmp_path_factory.mktemp("site") / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture()
def seed_text() -> str:
    """The seed article as received."""
    return (ROOT / "seeds" / "china-japan-rok-trilateral-2025.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def root() -> Path:
    """The project root."""
    return ROOT
