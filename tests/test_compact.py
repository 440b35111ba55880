"""Compacting a finished page drops indentation and comments, and nothing a browser shows."""

from __future__ import annotations

from bs4 import BeautifulSoup

from newsguide.compact import compact
from tests.sitebuild import Build

PAGE = """<!doctype html>
<html>
  <head>
    <style>
      p   { color: red; }
    </style>
    <script>var a = "x\n    y"; // <!-- kept --></script>
  </head>
  <body>
    <!-- ng-verbatim -->
    <p class="a"
       title="one
         two">Some   <em>words</em>
         more</p>
    <pre><code>line 1
    indented line 2
</code></pre>
    <textarea>  a
      b</textarea>
    <!--! Font Awesome Free: the licence comment stays -->
    <!--[if IE]><p>old</p><![endif]-->
    <p>\u00a0\n\u00a0kept no-break spaces</p>
  </body>
</html>
"""


def test_indentation_and_comments_go_and_kept_elements_stay() -> None:
    out = compact(PAGE)
    assert '</head>\n<body>\n<p class="a"\ntitle=' in out
    assert "<!-- ng-verbatim -->" not in out
    assert "<!--! Font Awesome Free: the licence comment stays -->" in out
    assert "<!--[if IE]>" in out
    assert '<script>var a = "x\n    y"; // <!-- kept --></script>' in out
    assert "<style>\n      p   { color: red; }\n    </style>" in out
    assert "<pre><code>line 1\n    indented line 2\n</code></pre>" in out
    assert "<textarea>  a\n      b</textarea>" in out
    assert "\u00a0\n\u00a0kept" in out
    assert 'title="one\ntwo">Some   <em>words</em>\nmore</p>' in out
    assert compact(out) == out
    assert [compact(x) for x in ("a \n \n b", "\n\n", " \n ", "x\n", "\ny", "a\u00a0\n")] == [
        "a\nb",
        "\n",
        "\n",
        "x\n",
        "\ny",
        "a\u00a0\n",
    ]


def test_the_text_a_reader_sees_is_the_same() -> None:
    def seen(html: str) -> str:
        soup = BeautifulSoup(html, "html.parser")
        for element in soup.select("pre, textarea"):
            element.replace_with(f"[{element.get_text()}]")
        return " ".join(soup.get_text().split(" "))

    before, after = seen(PAGE), seen(compact(PAGE))
    assert " ".join(before.split()) == " ".join(after.split())
    assert "[line 1\n    indented line 2\n]" in after and "[  a\n      b]" in after


def test_built_pages_are_compact(site: Build) -> None:
    html = (site.site / "articles" / "china-japan-rok-trilateral-2025" / "index.html").read_text(encoding="utf-8")
    assert "\n  <" not in html and "<!-- ng-" not in html
    assert html.count("\n\n") == 0
