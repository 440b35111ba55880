"""The theme's file list is kept between builds while serving, and listed again when a theme folder changes."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import pytest

from newsguide.theme_files import keep_theme


def _theme(folders: list[Path], calls: list[str]) -> SimpleNamespace:
    # A theme as MkDocs has it: each build makes a new Jinja environment over the same folders.
    def get_env() -> jinja2.Environment:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(folder) for folder in folders]))
        listing = env.list_templates

        def counted(extensions: list[str] | None = None, filter_func: Any = None) -> list[str]:
            calls.append("listed")
            return listing(extensions, filter_func)

        env.list_templates = counted  # type: ignore[method-assign,assignment]
        return env

    return SimpleNamespace(get_env=get_env, static_templates=["404.html"])


def not_html(name: str) -> bool:
    # A filter, as MkDocs passes one: static files only.
    return not name.endswith(".html")


def not_css(name: str) -> bool:
    # Another filter.
    return not name.endswith(".css")


def test_a_theme_is_listed_once_until_a_folder_of_the_project_changes(tmp_path: Path) -> None:
    project, installed = tmp_path / "project", tmp_path / "site-packages" / "theme"
    (project / "overrides" / "assets").mkdir(parents=True)
    (project / "overrides" / "assets" / "extra.css").write_text("a {}", encoding="utf-8")
    (installed / "assets").mkdir(parents=True)
    (installed / "assets" / "theme.js").write_text("", encoding="utf-8")
    (installed / "main.html").write_text("", encoding="utf-8")
    calls: list[str] = []
    theme = _theme([project / "overrides", installed], calls)
    keep_theme(theme, project, str(tmp_path / "compiled"))
    first = theme.get_env().list_templates(filter_func=not_html)
    assert first == ["assets/extra.css", "assets/theme.js"]
    assert theme.get_env().list_templates(filter_func=not_html) == first  # the next build
    assert calls == ["listed"]
    assert theme.get_env().list_templates(filter_func=not_css) == ["assets/theme.js", "main.html"]  # another filter
    assert len(calls) == 2
    (project / "overrides" / "assets" / "new.js").write_text("", encoding="utf-8")  # an asset added while serving
    assert "assets/new.js" in theme.get_env().list_templates(filter_func=not_css)
    assert len(calls) == 3
    assert theme.get_env().list_templates() == sorted([*first, "assets/new.js", "main.html"])  # unfiltered: as Jinja


def test_every_environment_compiles_a_template_once_until_it_is_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each build makes new environments (MkDocs' own, and Material's search plugin one for its translations):
    # they share the compiled templates, and an edited template is compiled again.
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "main.html").write_text("<p>{{ 1 + 1 }}</p>", encoding="utf-8")
    compiled: list[str | None] = []
    compile_template = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: str, name: str | None = None, *args: Any) -> Any:
        compiled.append(name)
        return compile_template(self, source, name, *args)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    theme = _theme([tmp_path / "theme"], [])
    (tmp_path / "compiled").mkdir()
    keep_theme(theme, tmp_path, str(tmp_path / "compiled"))
    assert [theme.get_env().get_template("main.html").render() for _ in range(3)] == ["<p>2</p>"] * 3
    assert compiled == ["main.html"]
    (tmp_path / "theme" / "main.html").write_text("<p>{{ 2 + 2 }}</p>", encoding="utf-8")
    assert theme.get_env().get_template("main.html").render() == "<p>4</p>"
    assert compiled == ["main.html", "main.html"]
