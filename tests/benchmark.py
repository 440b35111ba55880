"""Benchmark: the site build with the hooks against a plain Material build of the same articles.

Run as `make bench` (or `python -m tests.benchmark --help`). It is not a test:
it prints figures and whether each target holds, and always exits 0 unless it
could not run.

For each corpus size it builds a deterministic synthetic corpus, recombined
from the seed's sentences (the same corpus for the same size), and times:

* (a) `mkdocs build` of the project with the hooks, the articles as seeds,
  with no build cache and no site folder, as in a new clone;
* (b) `mkdocs build` of the same articles as plain Markdown pages, one page per
  article, with the same theme, plugins and hand-written pages but no hooks
  (no site folder either);
  and the same API reference, written out as the one-line `::: module` pages a
  site without hooks would keep in `docs/reference/` (the hooks only save
  writing them: mkdocstrings renders them alike in both builds).

Each build runs in a fresh process, as a contributor would run it; the figure
is the median of several runs, with the peak memory (max RSS) of the process.
Each project is built once, untimed, before its timed runs, so that both start
warm: Python's bytecode for the engine written (as on a contributor's machine
after the first build; `PYTHONDONTWRITEBYTECODE` is cleared for the builds), and
the files in the operating system's cache.
One more in-process build with the hooks' event functions wrapped in timers
gives the time the hooks themselves take, per MkDocs event. Last, `mkdocs
serve` runs on 100 synthetic articles, and a glossary term, an article and a
theme's introduction are each edited three times: the figure for each is the
median time from the edit to the served page showing it (`serve_rebuild`); each
edit's time is printed beside it.

The machine's speed can change during a run (a shared machine may run two or
three times slower for minutes, and its disk apart from its processor). So the
same small piece of engine work, and the writing of the same small site of new
files and folders, are timed at the start, before the serve measurement and at
the end (`machine_speed`), and printed with the figures. A build writes every
file of the site anew (MkDocs empties the site folder first): about 600 files
and 250 folders at 100 articles, so a disk that makes each in half a
millisecond rather than a tenth adds a third of a second to a build. Under
`mkdocs serve` a rebuild rewrites only the files that changed
(`newsguide.site_folder`): about a dozen after an article's edit.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import filecmp
import io
import os
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsguide.cache import CACHE_DIR
from newsguide.corpus import load_corpus
from newsguide.reference import engine_modules
from tests.sitebuild import CORPUS, ROOT, copy_docs, free_port, page_holds

#: Targets from the issues.
MAX_RATIO = 1.0  # the cold build with hooks against plain Material, at 1,000 articles
MAX_WARM_SHARE = 0.30  # a build after one article's edit, cache kept, against the cold build
MAX_GROWTH_100_TO_1000 = 11.0
MAX_SERVE_REBUILD = 1.0  # from an edit to the served page showing it, at 100 articles
MAX_SCALE_SECONDS = 600  # the cold build at 10,000 articles, on 2 cores
MAX_SCALE_RSS_MIB = 3 * 1024
MAX_SITE_BYTES = 1024**3  # GitHub Pages sites may be "1 GB": actions/deploy-pages warns above 1,073,741,824 bytes
MAX_PAGE_BYTES = 300 * 1024
MAX_PAGE_ELEMENTS = 3000
MAX_SEARCH_BYTES = 1_500_000  # fetched from opening the home page to the results of a term query, decoded
SEARCH_QUERY = "RCEP"
#: The machine-speed probe: the engine loads this many synthetic articles, without a cache, this many times.
PROBE_ARTICLES = 20
PROBE_RUNS = 3
#: The disk probe: this many new folders, each with this many files of this many bytes (a page's and its data's).
PROBE_FOLDERS = 100
PROBE_FILES = 3
PROBE_FILE_BYTES = 8192

_FIRST_NAMES = ["Wang", "Kim", "Sato", "Lee", "Park", "Tanaka", "Chen", "Suzuki", "Zhang", "Choi"]
_HOOKS_BLOCK = re.compile(r"^hooks:\n(?:[ \t]+-.*\n)+", re.MULTILINE)


@dataclass(frozen=True)
class SyntheticArticle:
    """One generated article, as the parts both builds need."""

    name: str
    title: str
    standfirst: str
    author: str
    paragraphs: list[str]
    note: str

    @property
    def date(self) -> str:
        """Its publication date, between 2015 and 2025: the same for the same name."""
        day = random.Random(f"newsguide-bench-date-{self.name}").randrange(4018)  # days from 2015-01-01
        return (dt.date(2015, 1, 1) + dt.timedelta(days=day)).isoformat()

    def sidecar(self) -> str:
        """The seed's sidecar `.yml`, with its date."""
        return f"date: {self.date}\n"

    def seed_text(self) -> str:
        """The article as a raw scraped `.txt` seed."""
        parts = [self.title, self.standfirst, f"by {self.author}", *self.paragraphs, f"Author: {self.note}"]
        parts.append("This article reflects the author's own opinions and not necessarily the views of Example Press.")
        return "\n\n".join(parts) + "\n"

    def plain_markdown(self) -> str:
        """The same article as one plain Markdown page."""
        parts = [f"# {self.title}", f"*{self.standfirst}*", f"by {self.author}, {self.date}", *self.paragraphs]
        parts += ["## About this article", f"**Author:** {self.note}"]
        return "\n\n".join(parts) + "\n"


def seed_sentences() -> list[str]:
    """Every body sentence of the real seed articles, in order."""
    corpus = load_corpus(CORPUS)
    return [s.text for a in corpus.articles for p in a.body for s in p.sentences]


def synthetic_corpus(size: int, sentences: list[str]) -> list[SyntheticArticle]:
    """`size` articles recombined from `sentences`; the same for the same size."""
    rng = random.Random(f"newsguide-bench-{size}")
    articles = []
    for number in range(1, size + 1):
        paragraphs = [" ".join(rng.sample(sentences, rng.randint(3, 5))) for _ in range(rng.randint(6, 10))]
        title = rng.choice(sentences).split(",")[0].rstrip(".")[:90]
        author = f"{rng.choice(_FIRST_NAMES)} {rng.choice(_FIRST_NAMES).upper()}"
        articles.append(
            SyntheticArticle(
                name=f"article-{number:04d}",
                title=f"{title} ({number})",
                standfirst=rng.choice(sentences),
                author=author,
                paragraphs=paragraphs,
                note=f"{author} is a writer. {rng.choice(sentences)}",
            )
        )
    return articles


def _copy_site_sources(project: Path, *, hooks: bool) -> None:
    # The project's config, hand-written pages and templates; without hooks, the config loses them.
    project.mkdir(parents=True)
    shutil.copy(ROOT / "CONTRIBUTING.md", project / "CONTRIBUTING.md")  # docs/contributing.md includes it
    copy_docs(project)
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if not hooks:
        config = _HOOKS_BLOCK.sub("", config)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project / "seeds").mkdir()


def make_hooked_project(folder: Path, articles: list[SyntheticArticle]) -> Path:
    """The real project with the synthetic articles as its only seeds."""
    project = folder / "hooked"
    _copy_site_sources(project, hooks=True)
    for article in articles:
        (project / "seeds" / f"{article.name}.txt").write_text(article.seed_text(), encoding="utf-8")
        (project / "seeds" / f"{article.name}.yml").write_text(article.sidecar(), encoding="utf-8")
    return project


def make_plain_project(folder: Path, articles: list[SyntheticArticle]) -> Path:
    """The same site without hooks: each article one plain Markdown page."""
    project = folder / "plain"
    _copy_site_sources(project, hooks=False)
    (project / "docs" / "articles").mkdir(exist_ok=True)
    for article in articles:
        (project / "docs" / "articles" / f"{article.name}.md").write_text(article.plain_markdown(), encoding="utf-8")
    write_reference_pages(project / "docs")
    return project


def write_reference_pages(docs: Path) -> int:
    """Write the API reference as plain pages: one per public engine module, and an index.

    Returns:
        The number of module pages.
    """
    rows = []
    for name, path, _ in engine_modules():  # the modules the hooks write reference pages for
        (docs / "reference" / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / "reference" / path).write_text(f"---\ntitle: {name}\n---\n\n::: {name}\n", encoding="utf-8")
        rows.append(f"| [`{name}`]({path}) |")
    index = "# API reference\n\n| Module |\n| --- |\n" + "\n".join(rows) + "\n"
    (docs / "reference" / "index.md").write_text(index, encoding="utf-8")
    return len(rows)


def _environment() -> dict[str, str]:
    # The child's environment: the engine importable, no MkDocs 2 notice, bytecode kept between builds
    # (the installed packages have theirs; without it the engine would be compiled on every build).
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def timed_build(project: Path, *, cold: bool = True, site: Path | None = None) -> tuple[float, int]:
    """Run `mkdocs build` in a fresh process; return seconds and peak RSS in KiB.

    Args:
        project: The project to build.
        cold: Remove the build cache and the site folder first, so that every article is analysed and every
            file written, as in a new clone.
        site: Where to build (the project's `site/` by default).
    """
    site = site or project / "site"
    if cold:
        shutil.rmtree(project / CACHE_DIR, ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, env=_environment(), stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{errors}")
    return elapsed, usage.ru_maxrss


@dataclass
class Figures:
    """Medians for one corpus size."""

    size: int
    hooked: float
    plain: float
    hooked_rss: int
    plain_rss: int
    events: dict[str, float]
    warm: float = 0.0
    identical: bool = False

    @property
    def ratio(self) -> float:
        """Hooked build time over plain build time."""
        return self.hooked / self.plain

    @property
    def warm_share(self) -> float:
        """The build after one article's edit, cache kept, over the cold build."""
        return self.warm / self.hooked


@contextmanager
def _hook_timers(config: Any) -> Iterator[dict[str, float]]:
    # Wrap every event function of the config's hook modules in a timer.
    totals: dict[str, float] = defaultdict(float)
    hook_names = set(config["hooks"])
    events: dict[str, list[Callable[..., Any]]] = config.plugins.events
    originals = {name: list(methods) for name, methods in events.items()}

    def timer(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                totals[name] += time.perf_counter() - start

        return timed

    for name, methods in events.items():
        events[name] = [timer(name, m) if config.plugins._event_origins.get(m) in hook_names else m for m in methods]
    try:
        yield totals
    finally:
        events.update(originals)


def in_process_build(project: Path, *, profile: Path | None = None, site: Path | None = None) -> dict[str, float]:
    """Build once in this process (into `site`, by default the project's `site-profile`).

    Returns:
        The seconds the hooks spent in each MkDocs event.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cwd = Path.cwd()
    os.chdir(project)
    try:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site or project / "site-profile"))
        config.plugins.on_startup(command="build", dirty=False)
        with _hook_timers(config) as totals:
            profiler = cProfile.Profile() if profile else None
            if profiler:
                profiler.enable()
            build(config)
            if profiler and profile:
                profiler.disable()
                profiler.dump_stats(profile)
        config.plugins.on_shutdown()
        return dict(totals)
    finally:
        os.chdir(cwd)


def measure_size(size: int, runs: int, sentences: list[str], folder: Path, profile: Path | None) -> Figures:
    """Time both builds of one corpus size."""
    articles = synthetic_corpus(size, sentences)
    hooked_project = make_hooked_project(folder / str(size), articles)
    plain_project = make_plain_project(folder / str(size), articles)
    timed_build(hooked_project)  # untimed: warm caches and bytecode for both
    timed_build(plain_project)
    hooked, plain = [], []
    for _ in range(runs):  # interleaved, so that a change in the machine's load hits both alike
        hooked.append(timed_build(hooked_project))
        plain.append(timed_build(plain_project))
    warm, identical = edited_builds(hooked_project, articles, runs)
    shutil.rmtree(hooked_project / CACHE_DIR, ignore_errors=True)
    events = in_process_build(hooked_project)
    if profile:  # a separate build, so that the profiler's overhead does not inflate the event times
        in_process_build(hooked_project, profile=profile)
    return Figures(
        size=size,
        hooked=statistics.median(t for t, _ in hooked),
        plain=statistics.median(t for t, _ in plain),
        hooked_rss=max(m for _, m in hooked),
        plain_rss=max(m for _, m in plain),
        events=events,
        warm=warm,
        identical=identical,
    )


@dataclass
class Scale:
    """One cold build at a large size: time, memory and what it publishes."""

    size: int
    seconds: float
    rss: int
    site_bytes: int
    pages: int
    largest: tuple[int, str]
    most_elements: tuple[int, str]
    over: int
    search: dict[str, int] | None = None

    def report(self) -> list[str]:
        """The figures and each target's verdict, as lines."""
        mib = self.rss / 1024
        return [
            f"Scale: one cold build of {self.size} articles (hooked project only)",
            f"  build {self.seconds:.0f} s <= {MAX_SCALE_SECONDS} s {_verdict(self.seconds <= MAX_SCALE_SECONDS)}",
            f"  peak memory {mib:.0f} MiB <= {MAX_SCALE_RSS_MIB} MiB {_verdict(mib <= MAX_SCALE_RSS_MIB)}",
            f"  site {self.site_bytes / 1024**2:.0f} MiB <= {MAX_SITE_BYTES / 1024**2:.0f} MiB "
            f"{_verdict(self.site_bytes <= MAX_SITE_BYTES)}",
            f"  {self.pages} HTML pages; largest {self.largest[0] / 1024:.0f} KiB ({self.largest[1]}); most elements "
            f"{self.most_elements[0]} ({self.most_elements[1]})",
            f"  pages over {MAX_PAGE_BYTES // 1024} KiB or {MAX_PAGE_ELEMENTS} elements: {self.over} "
            f"{_verdict(not self.over)}",
            *self._search_report(),
        ]

    def _search_report(self) -> list[str]:
        # Bytes from opening the home page to the results of a term query, as Chromium fetched them.
        if self.search is None:
            return ["  search: not measured (no Chromium)"]
        total, sent, searching = self.search["size"], self.search["sent"] / 1000, self.search["search"] / 1000
        verdict = _verdict(total <= MAX_SEARCH_BYTES)
        return [
            f"  home to results of {SEARCH_QUERY!r}: {total / 1000:.0f} kB decoded ({sent:.0f} kB sent, "
            f"{self.search['requests']} requests) <= {MAX_SEARCH_BYTES / 1000:.0f} kB {verdict}",
            f"    of which search (index core, workers, word buckets, pages): {searching:.0f} kB; "
            f"Material's sitemap.xml (instant navigation): {self.search['sitemap'] / 1000:.0f} kB",
        ]


def measure_scale(size: int, sentences: list[str], folder: Path) -> Scale:
    """Build `size` articles once, cold, and measure the build and the site it writes."""
    project = make_hooked_project(folder / f"scale-{size}", synthetic_corpus(size, sentences))
    site = folder / f"scale-{size}-site"
    seconds, rss = timed_build(project, site=site)
    total, pages, over = 0, 0, 0
    largest, most = (0, ""), (0, "")
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        total += path.stat().st_size
        if path.suffix == ".html":
            html = path.read_bytes()
            elements = len(re.findall(rb"<[a-zA-Z]", html))
            name = path.relative_to(site).as_posix()
            pages += 1
            largest, most = max(largest, (len(html), name)), max(most, (elements, name))
            over += len(html) > MAX_PAGE_BYTES or elements > MAX_PAGE_ELEMENTS
    search = search_bytes(site)
    shutil.rmtree(site, ignore_errors=True)
    return Scale(size, seconds, rss, total, pages, largest, most, over, search)


def search_bytes(site: Path, query: str = SEARCH_QUERY) -> dict[str, int] | None:
    """What Chromium fetches from opening the built site's home page to the results of `query`; None without Chromium.

    Returns:
        Bytes decoded (`size`) and sent (`sent`, gzip as GitHub Pages), the
        number of requests, and the decoded bytes of search's own files
        (`search`) and of `sitemap.xml` (`sitemap`).
    """
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, Served, bytes_to_results, chromium_path, serve

    path = chromium_path()
    if not path:
        return None
    served: list[Served] = []
    with serve(site, served) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        try:
            got = bytes_to_results(browser, url, served, query)
        finally:
            browser.close()
    searching = [s for s in got if "/search/" in s.path or "/workers/" in s.path]
    return {
        "size": sum(s.size for s in got),
        "sent": sum(s.sent for s in got),
        "requests": len(got),
        "search": sum(s.size for s in searching),
        "sitemap": sum(s.size for s in got if s.path.endswith("sitemap.xml")),
    }


def edited_builds(project: Path, articles: list[SyntheticArticle], runs: int) -> tuple[float, bool]:
    """Edit one article and build with the cache kept, `runs` times; then check against a cold build.

    Returns:
        The median seconds of the builds after an edit, and whether the last one's site is byte
        for byte the site a cold build of the same files gives.
    """
    timed_build(project, cold=False)  # the cache of the files as they are
    times = []
    for run in range(runs):
        seed = project / "seeds" / f"{articles[(run * 7) % len(articles)].name}.txt"
        text = seed.read_text(encoding="utf-8")
        seed.write_text(text.replace("\n\nAuthor: ", f"\n\nEdit {run + 1}: Japan and China met.\n\nAuthor: ", 1))
        times.append(timed_build(project, cold=False)[0])
    timed_build(project, site=project / "site-cold")
    return statistics.median(times), _same_files(project / "site", project / "site-cold")


def _same_files(one: Path, other: Path) -> bool:
    # Whether two built sites hold the same files with the same bytes (the gzipped sitemap holds its time).
    def listing(site: Path) -> list[str]:
        return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.suffix != ".gz")

    files = listing(one)
    if files != listing(other):
        return False
    _, mismatch, errors = filecmp.cmpfiles(one, other, files, shallow=False)
    return not mismatch and not errors


def serve_rebuild(
    folder: Path, size: int = 100, edits: int = 3, timeout: float = 60.0
) -> dict[str, list[float] | None]:
    """Seconds from an edit to the served page showing it, under `mkdocs serve` at `size` articles.

    A glossary term, an article and a theme's introduction are each edited
    `edits` times, one after another's page showed it, in the same `mkdocs
    serve`, in turns (term, article, theme, term, …): a disk can slow down
    as rebuilds go on, so no kind of edit gets all the late turns. Each gets the seconds
    of its edits, in order (the target is on their median); None where the
    page did not show an edit within `timeout` seconds.
    """
    articles = synthetic_corpus(size, seed_sentences())
    project = make_hooked_project(folder / "serve", articles)
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        command, cwd=project, env=_environment(), stderr=subprocess.STDOUT, stdout=subprocess.PIPE, text=True
    )

    def drain() -> None:  # read the log, so that the server never blocks on a full pipe
        for _ in process.stdout or []:
            pass

    threading.Thread(target=drain, daemon=True).start()
    base = f"http://127.0.0.1:{port}/readers-guide/"
    term = sorted((project / "docs" / "glossary").glob("r*.md"))[0]
    theme = project / "docs" / "themes" / "economics.md"
    seed = project / "seeds" / f"{articles[size // 2].name}.txt"
    targets: dict[str, tuple[Path, str, Callable[[str, str], str]]] = {
        "glossary term": (term, f"glossary/{term.stem}/", _appended),
        "article": (seed, f"articles/{seed.stem}/", _before_author_note),
        "theme intro": (theme, "themes/economics/", _appended),
    }
    try:
        deadline = time.monotonic() + timeout
        while not page_holds(base, "</html>"):
            if time.monotonic() > deadline or process.poll() is not None:
                return dict.fromkeys(targets)
            time.sleep(0.2)
        times: dict[str, list[float]] = {name: [] for name in targets}
        for number in range(edits):  # in turns, so that each kind of edit meets the disk as the others do
            for name, (path, url, edit) in targets.items():
                time.sleep(1.0)  # let the file watcher settle
                mark = f"Benchmark{name.replace(' ', '')}{number}"
                start = time.perf_counter()
                path.write_text(edit(path.read_text(encoding="utf-8"), mark), encoding="utf-8")
                while not page_holds(base + url, mark):
                    if time.perf_counter() - start > timeout:
                        break
                    time.sleep(0.02)
                else:
                    times[name].append(time.perf_counter() - start)
        return {name: each if len(each) == edits else None for name, each in times.items()}
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass(frozen=True)
class Speed:
    """The machine's speed at one moment: the processor's (engine seconds) and the disk's (milliseconds a file)."""

    engine: float
    file_ms: float


def machine_speed(folder: Path, sentences: list[str]) -> Speed:
    """The same work timed each time (the best of `PROBE_RUNS`): the processor's and the disk's.

    The engine loads `PROBE_ARTICLES` synthetic articles without a cache; and
    `PROBE_FOLDERS` new folders get `PROBE_FILES` new files each, as a build
    writes a site's pages, then are removed. Taken at the start of a run,
    before the serve measurement and at the end, it shows whether the machine
    kept one speed: a shared machine can run two or three times slower for
    minutes, and every figure taken meanwhile is slower by as much.
    """
    project = folder / "probe" / "hooked"
    if not project.exists():
        project = make_hooked_project(folder / "probe", synthetic_corpus(PROBE_ARTICLES, sentences))
    engine = files = float("inf")
    content = b"x" * PROBE_FILE_BYTES
    for _ in range(PROBE_RUNS):
        start = time.perf_counter()
        load_corpus(project)
        engine = min(engine, time.perf_counter() - start)
        site = folder / "probe" / "site"
        start = time.perf_counter()
        for number in range(PROBE_FOLDERS):
            (page := site / f"page-{number}").mkdir(parents=True)
            for name in range(PROBE_FILES):
                (page / f"{name}.html").write_bytes(content)
        files = min(files, time.perf_counter() - start)
        shutil.rmtree(site)
    return Speed(engine, 1000 * files / (PROBE_FOLDERS * PROBE_FILES))


def _appended(text: str, mark: str) -> str:
    # A Markdown file with one more sentence at its end.
    return text + f"\n{mark} is noted here.\n"


def _before_author_note(text: str, mark: str) -> str:
    # A raw seed with one more body paragraph, before its author note.
    return text.replace("\n\nAuthor: ", f"\n\n{mark} said Japan.\n\nAuthor: ", 1)


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def report(
    figures: list[Figures], serve: dict[str, list[float] | None] | None, speeds: dict[str, Speed] | None = None
) -> str:
    """The figures as a plain-text table with each target's verdict, and the machine's speed while they were taken."""
    lines = [
        f"Machine: {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), Python {sys.version.split()[0]}",
        *_speed_lines(speeds or {}),
        "(a) the project with its hooks, cold (no build cache, no site folder); (b) plain Material: the same",
        "hand-written pages and API reference, each article one plain Markdown page, no hooks, no site folder;",
        "(w) the project after one article is edited, build cache and site folder kept. Medians of wall-clock",
        "seconds, a fresh process per build; dated articles.",
        "",
        f"{'articles':>8}  {'cold a (s)':>10}  {'plain b (s)':>11}  {'a/b':>5}  {'edit w (s)':>10}  {'w/a':>5}  "
        f"{'peak MiB a':>10}  {'peak MiB b':>10}",
    ]
    for f in figures:
        lines.append(
            f"{f.size:>8}  {f.hooked:>10.2f}  {f.plain:>11.2f}  {f.ratio:>5.2f}  "
            f"{f.warm:>10.2f}  {f.warm_share:>5.2f}  "
            f"{f.hooked_rss / 1024:>10.0f}  {f.plain_rss / 1024:>10.0f}"
        )
    lines += ["", "Time in the hooks, per MkDocs event (one in-process cold build):"]
    for f in figures:
        spent = ", ".join(f"on_{name} {seconds:.3f} s" for name, seconds in sorted(f.events.items()))
        lines.append(f"{f.size:>8} articles: {spent or 'none'}")
    lines += ["", "Targets:"]
    for f in figures:
        if f.size >= 1000:
            lines.append(
                f"  cold a/b <= {MAX_RATIO} at {f.size} articles: {f.ratio:.3f} {_verdict(f.ratio <= MAX_RATIO)}"
            )
            lines.append(
                f"  edit w/a <= {MAX_WARM_SHARE} at {f.size} articles: {f.warm_share:.3f} "
                f"{_verdict(f.warm_share <= MAX_WARM_SHARE)}"
            )
        lines.append(
            f"  the build after an edit is a cold build byte for byte at {f.size} articles: "
            f"{'yes' if f.identical else 'NO'} {_verdict(f.identical)}"
        )
    by_size = {f.size: f for f in figures}
    if 100 in by_size and 1000 in by_size:
        growth = by_size[1000].hooked / by_size[100].hooked
        lines.append(
            f"  1,000 articles <= {MAX_GROWTH_100_TO_1000}x 100 articles: {growth:.2f}x "
            f"{_verdict(growth <= MAX_GROWTH_100_TO_1000)}"
        )
    if serve is None:
        lines.append("  serve: skipped (--no-serve)")
    else:
        for name, times in serve.items():
            seconds = statistics.median(times) if times else None
            each = ", ".join(f"{t:.2f}" for t in times or [])
            shown = "not seen" if seconds is None else f"{seconds:.3f} s (edits: {each})"
            ok = seconds is not None and seconds <= MAX_SERVE_REBUILD
            lines.append(
                f"  serve, 100 articles, {name} edit on the page <= {MAX_SERVE_REBUILD} s: {shown} {_verdict(ok)}"
            )
    return "\n".join(lines)


def _speed_lines(speeds: dict[str, Speed]) -> list[str]:
    # The machine-speed probe's figures, when it ran, with what they mean.
    if not speeds:
        return []
    engine = ", ".join(f"{speed.engine:.2f} s {when}" for when, speed in speeds.items())
    files = ", ".join(f"{speed.file_ms:.2f} ms {when}" for when, speed in speeds.items())
    return [
        f"Speed probe (the engine loading {PROBE_ARTICLES} articles, no cache, best of {PROBE_RUNS}): {engine}.",
        f"Disk probe (a new file of {PROBE_FILE_BYTES // 1024} KB, {PROBE_FILES} a new folder, best of {PROBE_RUNS}): "
        f"{files}.",
        "The same work each time: where it took longer, the machine ran slower, and so did the figures taken then.",
    ]


def main(argv: list[str] | None = None) -> None:
    """Parse the flags, run the benchmark and print the report."""
    parser = argparse.ArgumentParser(prog="python -m tests.benchmark", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 100, 1000], help="corpus sizes")
    parser.add_argument("--runs", type=int, default=5, help="runs per build below 1,000 articles (median)")
    parser.add_argument("--runs-large", type=int, default=3, help="runs per build at 1,000 articles or more")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the in-process build at the largest size")
    parser.add_argument("--no-serve", action="store_true", help="skip the `mkdocs serve` rebuild measurement")
    parser.add_argument(
        "--scale",
        type=int,
        nargs="*",
        metavar="N",
        help="also build N articles once, cold (10000 when no N is given): time, memory, site and page sizes",
    )
    args = parser.parse_args(argv)
    sentences = seed_sentences()
    figures = []
    speeds: dict[str, Speed] = {}
    with tempfile.TemporaryDirectory(prefix="newsguide-bench-") as tmp:
        folder = Path(tmp)
        speeds["at the start"] = machine_speed(folder, sentences)
        for size in args.sizes:
            runs = args.runs_large if size >= 1000 else args.runs
            profile = args.profile if size == max(args.sizes) else None
            print(f"building {size} articles, {runs} runs each ...", file=sys.stderr, flush=True)
            figures.append(measure_size(size, runs, sentences, folder, profile))
        if not args.no_serve:
            speeds["before serve"] = machine_speed(folder, sentences)
        serve = None if args.no_serve else serve_rebuild(folder)
        scales = []
        for size in (args.scale or [10_000]) if args.scale is not None else []:
            print(f"building {size} articles once, cold ...", file=sys.stderr, flush=True)
            scales.append(measure_scale(size, sentences, folder))
        speeds["at the end"] = machine_speed(folder, sentences)
    print(report(figures, serve, speeds))
    for scale in scales:
        print("\n" + "\n".join(scale.report()))
    if args.profile:
        out = io.StringIO()
        stats = pstats.Stats(str(args.profile), stream=out).sort_stats("cumulative")
        stats.print_stats(r"newsguide|mkdocs_hooks", 25)
        print("\nEngine profile (cumulative, newsguide only):\n" + out.getvalue())


if __name__ == "__main__":
    main()
