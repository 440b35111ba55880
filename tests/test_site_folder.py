"""The site folder build after build: a build rewrites what changed and removes what it no longer writes."""

from __future__ import annotations

import os
from pathlib import Path

from newsguide.site_folder import SiteFolder


def test_a_file_holding_what_a_rebuild_writes_is_left_alone(tmp_path: Path) -> None:
    folder, page = SiteFolder(), tmp_path / "site" / "a" / "index.html"
    folder.empty(str(tmp_path / "site"))
    folder.write(b"<p>one</p>", str(page))
    folder.sweep()
    assert page.read_bytes() == b"<p>one</p>"
    folder.empty(str(tmp_path / "site"))
    folder.write(b"<p>one</p>", str(page))
    assert folder.kept == {str(page)}
    assert folder.sweep() == []
    folder.empty(str(tmp_path / "site"))
    folder.write(b"<p>two</p>", str(page))
    assert folder.kept == set()
    folder.sweep()
    assert page.read_bytes() == b"<p>two</p>"


def test_a_build_in_a_new_process_writes_only_the_files_whose_bytes_differ(tmp_path: Path) -> None:
    # `mkdocs build` after an edit: the folder wrote none of the files it finds, so it reads each back.
    site = tmp_path / "site"
    same, other, longer, stale = (site / name / "index.html" for name in ("same", "other", "longer", "stale"))
    found = {same: b"<p>same</p>", other: b"<p>old</p>", longer: b"<p>x</p> and more", stale: b"gone"}
    for path, content in found.items():
        path.parent.mkdir(parents=True)
        path.write_bytes(content)
    stamp = same.stat().st_mtime_ns
    folder = SiteFolder()
    folder.empty(str(site))
    for path, content in ((same, b"<p>same</p>"), (other, b"<p>new</p>"), (longer, b"<p>x</p>")):
        folder.write(content, str(path))
    assert folder.kept == {str(same)}
    assert folder.sweep() == [str(stale)]
    assert same.stat().st_mtime_ns == stamp and not stale.exists()
    assert other.read_bytes() == b"<p>new</p>" and longer.read_bytes() == b"<p>x</p>"
    folder.empty(str(site))  # the next build of the same process trusts what it now knows
    folder.write(b"<p>same</p>", str(same))
    assert folder.kept == {str(same)}


def test_a_file_changed_by_other_means_is_written_again(tmp_path: Path) -> None:
    # The folder trusts only what it wrote itself: a file changed since is written, though the bytes it
    # wrote last time are the same.
    folder, page = SiteFolder(), tmp_path / "index.html"
    folder.write(b"mine", str(page))
    stamp = page.stat().st_mtime_ns + 10**9  # a second later
    page.write_bytes(b"someone else's")
    os.utime(page, ns=(stamp, stamp))
    folder.write(b"mine", str(page))
    assert page.read_bytes() == b"mine" and folder.kept == set()
    page.unlink()
    folder.write(b"mine", str(page))
    assert page.read_bytes() == b"mine" and folder.kept == set()


def test_a_copy_is_made_again_only_when_its_source_changed(tmp_path: Path) -> None:
    source, site = tmp_path / "style.css", tmp_path / "site"
    source.write_text("a {}", encoding="utf-8")
    folder, copy = SiteFolder(), site / "assets" / "style.css"
    folder.copy(str(source), str(copy))
    assert copy.read_text(encoding="utf-8") == "a {}"
    folder.copy(str(source), str(copy))
    assert folder.kept == {str(copy)}
    stamp = source.stat().st_mtime_ns + 10**9  # edited a second later
    source.write_text("b {}", encoding="utf-8")
    os.utime(source, ns=(stamp, stamp))
    folder.copy(str(source), str(copy))
    assert copy.read_text(encoding="utf-8") == "b {}"
    folder.copy(str(source), str(site / "assets"))  # to a folder, as MkDocs' copy_file allows
    assert copy.read_text(encoding="utf-8") == "b {}"


def test_a_rebuild_removes_what_it_no_longer_writes_and_keeps_what_others_wrote(tmp_path: Path) -> None:
    site = tmp_path / "site"
    folder = SiteFolder()
    folder.empty(str(site))
    for name in ("articles/a/index.html", "articles/b/index.html", "search/pages/0.json", "index.html"):
        folder.write(name.encode(), str(site / name))
    (site / ".nojekyll").write_text("", encoding="utf-8")  # hidden: MkDocs never removes one either
    folder.sweep()

    folder.empty(str(site))
    folder.write(b"articles/a/index.html", str(site / "articles/a/index.html"))
    folder.write(b"index.html, changed", str(site / "index.html"))
    (site / "search" / "search_index.json").write_text("{}", encoding="utf-8")  # written by a plugin itself
    removed = folder.sweep()

    assert sorted(Path(path).relative_to(site).as_posix() for path in removed) == [
        "articles/b/index.html",
        "search/pages/0.json",
    ]
    left = sorted(path.relative_to(site).as_posix() for path in site.rglob("*"))
    assert left == [
        ".nojekyll",
        "articles",
        "articles/a",
        "articles/a/index.html",
        "index.html",
        "search",
        "search/search_index.json",
    ]


def test_a_build_that_did_not_begin_with_empty_sweeps_nothing(tmp_path: Path) -> None:
    # A clean build (MkDocs emptied the folder itself) or `mkdocs serve --dirty`.
    (tmp_path / "old.html").write_text("old", encoding="utf-8")
    folder = SiteFolder()
    folder.write(b"new", str(tmp_path / "new.html"))
    assert folder.sweep() == []
    assert (tmp_path / "old.html").exists()
