"""`make audit`: Lighthouse (mobile) and axe on the main pages of a strict build served under a sub-path.

Not part of `make test`: Lighthouse's performance timings vary from run to run.
So, as Lighthouse's own guidance on variability advises, each page is measured
`RUNS` times and the run with the median performance score is reported (the
other scores do not vary). Prints one row a page: the four Lighthouse scores,
the lowest performance score of the runs, axe violations, page weight and
requests that leave the site.

`--articles N` audits a build of N synthetic dated articles instead of the
project (`make audit` runs both, with 1,000): home, each theme's landing page,
the heaviest term page, the glossary index, an article, key figures and the
timeline, to a performance target of `LARGE_TARGET`. `--site DIR` audits those
pages of a site already built from synthetic articles, such as 10,000, whose
build takes minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from tests.axe import axe_violations
from tests.benchmark import make_hooked_project, seed_sentences, synthetic_corpus
from tests.browser import CHROMIUM_ARGS, chromium_path, run_search, serve
from tests.reader_pages import SEARCH_QUERY, reader_pages, theme_pages
from tests.sitebuild import ROOT, build

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
SCHEMES: tuple[Literal["light", "dark"], ...] = ("light", "dark")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
#: Lighthouse runs a page; the median one is reported. Odd, so that there is one median.
RUNS = int(os.environ.get("AUDIT_RUNS", "3"))
#: The lowest performance score each page must reach: the project's site, and a large synthetic one.
TARGET, LARGE_TARGET = 98, 95


def lighthouse(url: str, chrome: str) -> dict[str, object]:
    """Run Lighthouse on one URL in mobile mode; return its JSON report."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={flags}",
    ]
    env = {**os.environ, "CHROME_PATH": chrome}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report: dict[str, object] = json.loads(result.stdout)
    return report


def median_run(url: str, chrome: str, runs: int) -> tuple[dict[str, object], int]:
    """Run Lighthouse `runs` times; return the report with the median performance score, and the lowest score."""
    reports = [lighthouse(url, chrome) for _ in range(runs)]
    scores = [_performance(report) for report in reports]
    ranked = sorted(range(runs), key=lambda i: scores[i])
    return reports[ranked[runs // 2]], min(scores)


def _performance(report: dict[str, object]) -> int:
    # The performance score, 0–100.
    categories = report["categories"]
    assert isinstance(categories, dict)
    return round(100 * (categories["performance"]["score"] or 0))


def summarise(report: dict[str, object], host: str) -> list[str]:
    """Scores, page weight (KiB) and third-party request count from a Lighthouse report."""
    categories = report["categories"]
    audits = report["audits"]
    assert isinstance(categories, dict) and isinstance(audits, dict)
    scores = [str(round(100 * (categories[c]["score"] or 0))) for c in CATEGORIES]
    weight = audits["total-byte-weight"]["numericValue"] / 1024
    requests = audits["network-requests"]["details"]["items"]
    outside = [r["url"] for r in requests if urlsplit(r["url"]).netloc not in (host, "")]
    return [*scores, f"{weight:.0f}", str(len(outside))]


def large_site_pages(site: Path) -> list[str]:
    """Home, each theme's landing page, the heaviest term page, the glossary index, an article, figures, timeline."""
    terms = [path for path in site.glob("glossary/*/index.html")]
    heaviest = max(terms, key=lambda path: path.stat().st_size).parent.relative_to(site).as_posix() + "/"
    article = sorted(site.glob("articles/*/index.html"))[0].parent.relative_to(site).as_posix() + "/"
    return ["", *theme_pages(site), "glossary/", heaviest, article, "figures/", "timeline/"]


def main(argv: list[str] | None = None) -> int:
    """Build, serve, audit, print the table; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(prog="python -m tests.audit", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=0, help="audit a build of this many synthetic articles")
    parser.add_argument("--site", type=Path, help="audit this site, built from synthetic articles, as --articles does")
    options = parser.parse_args(argv)
    chrome = chromium_path()
    if chrome is None:
        raise SystemExit("Chromium not found: apt-get install chromium, or set NEWSGUIDE_CHROMIUM")
    large = bool(options.articles or options.site)
    target = LARGE_TARGET if large else TARGET
    with tempfile.TemporaryDirectory() as tmp:
        project = ROOT
        if options.articles:
            print(f"building {options.articles} synthetic articles …", file=sys.stderr)
            project = make_hooked_project(Path(tmp), synthetic_corpus(options.articles, seed_sentences()))
        if options.site:
            site = options.site
        else:
            result = build(project, site=Path(tmp) / "site")
            if result.returncode != 0:
                raise SystemExit(result.output)
            site = result.site
        pages = large_site_pages(site) if large else reader_pages(site)
        rows: list[list[str]] = []
        with serve(site) as base, sync_playwright() as playwright:
            host = urlsplit(base).netloc
            browser = playwright.chromium.launch(executable_path=chrome, args=CHROMIUM_ARGS)
            for url in pages:
                counts = []
                for scheme in SCHEMES:
                    tab = browser.new_page(color_scheme=scheme)
                    tab.goto(base + url)
                    tab.wait_for_load_state("networkidle")
                    counts.append(len(axe_violations(tab)))
                    tab.close()
                print(f"lighthouse {base + url} …", file=sys.stderr)
                report, lowest = median_run(base + url, chrome, RUNS)
                lh = summarise(report, host)
                rows.append([url or "(home)", *lh[:4], str(lowest), f"{counts[0]}/{counts[1]}", *lh[4:]])
            counts = []
            for scheme in SCHEMES:
                tab = browser.new_page(color_scheme=scheme)
                tab.goto(base)
                run_search(tab, SEARCH_QUERY)
                counts.append(len(axe_violations(tab)))
                tab.close()
            rows.append(["(search with results)", "–", "–", "–", "–", "–", f"{counts[0]}/{counts[1]}", "–", "–"])
            browser.close()
    header = ["page", "perf", "a11y", "best-pr.", "SEO", f"perf min/{RUNS}", "axe (light/dark)", "KiB", "3rd-party"]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)))
    missed = [
        row[0]
        for row in rows
        if row[1] != "–"
        and (int(row[1]) < target or any(int(v) < 100 for v in row[2:5]) or row[6] != "0/0" or row[8] != "0")
    ]
    missed += [row[0] for row in rows if row[1] == "–" and row[6] != "0/0"]
    if missed:
        print("Below target: " + ", ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
