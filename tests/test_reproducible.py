"""Reproducible builds: the same sources give byte-identical sites, wherever and whenever they are built."""

from __future__ import annotations

import datetime as dt
import gzip
import re
import subprocess
from pathlib import Path

import pytest

from tests.sitebuild import ROOT, build, make_project

#: A fixed "last commit" time: 2025-03-24 12:00 UTC.
EPOCH = "1742817600"


def _tree(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.mark.build
def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    # Two copies of the project in different folders, built with different hash seeds,
    # so neither absolute paths nor set/dict iteration order can leak into the output.
    sites = []
    for number in (1, 2):
        (tmp_path / str(number)).mkdir()
        project = make_project(tmp_path / str(number))
        result = build(project, env={"SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": str(number)})
        assert result.returncode == 0, result.output
        sites.append(_tree(result.site))
    first, second = sites
    assert len(first) > 20
    assert sorted(first) == sorted(second), set(first) ^ set(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []


@pytest.mark.build
def test_dates_in_the_output_come_from_source_date_epoch(tmp_path: Path) -> None:
    result = build(make_project(tmp_path), env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.output
    day = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC).date().isoformat()
    sitemap = (result.site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {day}
    assert gzip.decompress((result.site / "sitemap.xml.gz").read_bytes()).decode() == sitemap
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert len(locations) == len(set(locations))


def test_make_takes_source_date_epoch_from_the_last_commit() -> None:
    last_commit = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.strip()
    printed = subprocess.run(
        ["make", "--no-print-directory", "-s", "print-source-date-epoch"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin"},
        check=True,
    ).stdout.strip()
    assert printed == last_commit
