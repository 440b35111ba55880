"""Benchmark: the site build with the hooks against a plain Material build of the same articles.

Run as `make bench` (or `python -m tests.benchmark --help`). It is not a test:
it prints figures and whether each target holds, and always exits 0 unless it
could not run.

For each corpus size it builds a deterministic synthetic corpus, recombined
from the seed's sentences (the same corpus for the same size), and times:

* (a) `mkdocs build` of the project with the hooks, the articles as seeds;
* (b) `mkdocs build` of the same articles as plain Markdown pages, one page per
  article, with the same theme, plugins and hand-written pages but no hooks;
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
serve` runs on the seed alone, a glossary file is edited, and the time until
the rebuild is logged as done is measured: the median of three edits.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import queue
import random
import re
import shutil
import socket
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

from newsguide.corpus import load_corpus
from newsguide.reference import engine_modules
from tests.sitebuild import ROOT

#: Targets from the issue.
MAX_RATIO = 1.3
MAX_GROWTH_100_TO_1000 = 11.0
MAX_SERVE_REBUILD = 2.0

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

    def seed_text(self) -> str:
        """The article as a raw scraped `.txt` seed."""
        parts = [self.title, self.standfirst, f"by {self.author}", *self.paragraphs, f"Author: {self.note}"]
        parts.append("This article reflects the author's own opinions and not necessarily the views of Example Press.")
        return "\n\n".join(parts) + "\n"

    def plain_markdown(self) -> str:
        """The same article as one plain Markdown page."""
        parts = [f"# {self.title}", f"*{self.standfirst}*", f"by {self.author}", *self.paragraphs]
        parts += ["## About this article", f"**Author:** {self.note}"]
        return "\n\n".join(parts) + "\n"


def seed_sentences() -> list[str]:
    """Every body sentence of the real seed articles, in order."""
    corpus = load_corpus(ROOT)
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
    shutil.copytree(ROOT / "docs", project / "docs")
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


def timed_build(project: Path) -> tuple[float, int]:
    """Run `mkdocs build` in a fresh process; return seconds and peak RSS in KiB."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(project / "site")]
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

    @property
    def ratio(self) -> float:
        """Hooked build time over plain build time."""
        return self.hooked / self.plain


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
    )


def _free_port() -> int:
    # A free TCP port on the loopback interface.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve_rebuild(folder: Path, edits: int = 3, timeout: float = 60.0) -> float | None:
    """Seconds from a glossary file edit to the end of `mkdocs serve`'s rebuild; None if not seen.

    The median of `edits` edits, one after another's rebuild, in the same `mkdocs serve`.
    """
    project = folder / "serve"
    _copy_site_sources(project, hooks=True)
    for path in (ROOT / "seeds").iterdir():
        shutil.copy(path, project / "seeds" / path.name)
    glossary = sorted((project / "docs" / "glossary").glob("*.md"))[0]
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{_free_port()}"]
    process = subprocess.Popen(
        command, cwd=project, env=_environment(), stderr=subprocess.STDOUT, stdout=subprocess.PIPE, text=True
    )
    lines: queue.Queue[str] = queue.Queue()

    def read_log() -> None:
        for line in process.stdout or []:
            lines.put(line)

    threading.Thread(target=read_log, daemon=True).start()

    def wait_for(words: str) -> float | None:
        # The time at which a log line containing `words` arrived, or None after the timeout.
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                if words in lines.get(timeout=left):
                    return time.perf_counter()
            except queue.Empty:
                break
        return None

    try:
        if wait_for("Serving on") is None:
            return None
        times = []
        for edit in range(edits):
            time.sleep(1.0)  # let the file watcher settle
            start = time.perf_counter()
            with glossary.open("a", encoding="utf-8") as file:
                file.write(f"\nEdit {edit + 1} for the benchmark.\n")
            done = wait_for("Reloading browsers")
            if done is None:
                return None
            times.append(done - start)
        return statistics.median(times)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def report(figures: list[Figures], rebuild: float | None, *, serve_measured: bool = True) -> str:
    """The figures as a plain-text table with each target's verdict."""
    lines = [
        f"Machine: {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), Python {sys.version.split()[0]}",
        "(a) the project with its hooks; (b) plain Material: the same hand-written pages and API reference,",
        "each article one plain Markdown page, no hooks. Medians of wall-clock seconds, fresh process per build.",
        "",
        f"{'articles':>8}  {'hooks (s)':>9}  {'plain (s)':>9}  {'a/b':>5}  {'peak MiB a':>10}  {'peak MiB b':>10}",
    ]
    for f in figures:
        lines.append(
            f"{f.size:>8}  {f.hooked:>9.2f}  {f.plain:>9.2f}  {f.ratio:>5.2f}  "
            f"{f.hooked_rss / 1024:>10.0f}  {f.plain_rss / 1024:>10.0f}"
        )
    lines += ["", "Time in the hooks, per MkDocs event (one in-process build):"]
    for f in figures:
        spent = ", ".join(f"on_{name} {seconds:.3f} s" for name, seconds in sorted(f.events.items()))
        lines.append(f"{f.size:>8} articles: {spent or 'none'}")
    lines += ["", "Targets:"]
    for f in figures:
        lines.append(f"  a/b <= {MAX_RATIO} at {f.size} articles: {f.ratio:.2f} {_verdict(f.ratio <= MAX_RATIO)}")
    by_size = {f.size: f for f in figures}
    if 100 in by_size and 1000 in by_size:
        growth = by_size[1000].hooked / by_size[100].hooked
        lines.append(
            f"  1,000 articles <= {MAX_GROWTH_100_TO_1000}x 100 articles: {growth:.2f}x "
            f"{_verdict(growth <= MAX_GROWTH_100_TO_1000)}"
        )
    if not serve_measured:
        lines.append("  serve rebuild: skipped (--no-serve)")
    elif rebuild is None:
        lines.append(f"  serve rebuild < {MAX_SERVE_REBUILD} s: not measured (no rebuild seen) MISSED")
    else:
        lines.append(
            f"  serve rebuild < {MAX_SERVE_REBUILD} s: {rebuild:.2f} s {_verdict(rebuild < MAX_SERVE_REBUILD)}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Parse the flags, run the benchmark and print the report."""
    parser = argparse.ArgumentParser(prog="python -m tests.benchmark", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 100, 1000], help="corpus sizes")
    parser.add_argument("--runs", type=int, default=5, help="runs per build below 1,000 articles (median)")
    parser.add_argument("--runs-large", type=int, default=3, help="runs per build at 1,000 articles or more")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the in-process build at the largest size")
    parser.add_argument("--no-serve", action="store_true", help="skip the `mkdocs serve` rebuild measurement")
    args = parser.parse_args(argv)
    sentences = seed_sentences()
    figures = []
    with tempfile.TemporaryDirectory(prefix="newsguide-bench-") as tmp:
        folder = Path(tmp)
        for size in args.sizes:
            runs = args.runs_large if size >= 1000 else args.runs
            profile = args.profile if size == max(args.sizes) else None
            print(f"building {size} articles, {runs} runs each ...", file=sys.stderr, flush=True)
            figures.append(measure_size(size, runs, sentences, folder, profile))
        rebuild = None if args.no_serve else serve_rebuild(folder)
    print(report(figures, rebuild, serve_measured=not args.no_serve))
    if args.profile:
        out = io.StringIO()
        stats = pstats.Stats(str(args.profile), stream=out).sort_stats("cumulative")
        stats.print_stats(r"newsguide|mkdocs_hooks", 25)
        print("\nEngine profile (cumulative, newsguide only):\n" + out.getvalue())


if __name__ == "__main__":
    main()
