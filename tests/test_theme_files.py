"""The theme's file list is kept between builds while serving, and listed again when a theme folder changes."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import pytest

from newsguide.theme_files import SEARCH_SCRIPTS, keep_theme, unused_search_scripts


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


def _material_search_scripts() -> list[str]:
    # Material's search language scripts as the site lists them (paths relative to the site).
    spec = importlib.util.find_spec("material")
    assert spec is not None and spec.origin is not None
    theme = Path(spec.origin).parent / "templates"
    return sorted(p.relative_to(theme).as_posix() for p in (theme / SEARCH_SCRIPTS).rglob("*.js"))


@pytest.mark.parametrize(
    ("languages", "kept"),
    [
        (["en"], set()),
        ([], set()),
        (["de"], {"min/lunr.de.min.js", "min/lunr.stemmer.support.min.js"}),
        (
            ["en", "ja"],
            {"min/lunr.ja.min.js", "tinyseg.js", "min/lunr.multi.min.js", "min/lunr.stemmer.support.min.js"},
        ),
        (["th"], {"min/lunr.th.min.js", "wordcut.js", "min/lunr.stemmer.support.min.js"}),
    ],
)
def test_only_the_search_scripts_of_the_configured_languages_are_published(
    languages: list[str], kept: set[str]
) -> None:
    scripts = _material_search_scripts()
    assert len(scripts) > 30, "Material's search language scripts moved; update SEARCH_SCRIPTS"
    unused = unused_search_scripts(["index.md", "assets/javascripts/bundle.js", *scripts], languages)
    assert {path.removeprefix(SEARCH_SCRIPTS) for path in set(scripts) - set(unused)} == kept
    assert all(path.startswith(SEARCH_SCRIPTS) for path in unused)
