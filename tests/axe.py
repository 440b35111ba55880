"""axe-core in a Playwright page: the WCAG 2.1 A/AA checks the site must pass."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

from tests.sitebuild import ROOT

#: axe-core, pinned in package-lock.json and installed by `make test`.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

#: The rule tags checked: WCAG 2.0 and 2.1, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe on the page as it is now; return its violations (rule id, help and failing targets)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result: list[dict[str, Any]] = page.evaluate(
        """async (tags) => {
            // Colours are only measurable once fades (search results, palette switch) have finished.
            await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
            const running = document.getAnimations().filter(a => a.effect?.getTiming().iterations !== Infinity);
            await Promise.all(running.map(a => a.finished.catch(() => null)));
            const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '')),
            }));
        }""",
        WCAG_TAGS,
    )
    return result
