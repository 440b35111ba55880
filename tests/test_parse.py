"""The parser on the seed's real structure and on the edge cases scraped text has."""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePosixPath

import pytest

from newsguide.corpus import load_corpus
from newsguide.parse import load_article, parse_text_article
from newsguide.problems import SourceError

SOURCE = PurePosixPath("seeds/x.txt")

SIMPLE = """A headline about trade

A short standfirst that sums the piece up.

by Jane DOE

First paragraph of the body. It has two sentences.

Second paragraph, about the U.S. and Japan. It ends here.

Author: Jane Doe is a writer.

This article reflects the author's own opinions and not necessarily the views of Example Press.

Share the Post:

Latest
"""


def test_seed_structure(seed_text: str) -> None:
    article = parse_text_article(seed_text, PurePosixPath("seeds/seed.txt"), "seed")
    assert article.title == "Can China, Japan & ROK work together amid the uncertainty of the world?"
    assert article.standfirst.startswith("China, Japan, and South Korea held a trilateral")
    assert article.byline == "by WANG Li"
    assert article.author == "WANG Li"
    assert len(article.body) == 8
    assert sum(len(p.sentences) for p in article.body) == 31
    assert article.body[0].text.startswith("Given the rise of unilateral protectionism")
    assert article.body[-1].text.endswith("to contain China’s growing influence.")
    assert article.author_note.startswith("Wang Li is professor of international relations")
    assert article.disclaimer.startswith("This article reflects the author’s own opinions")
    assert article.publisher == "Global Connectivities"
    everything = " ".join(p.text for p in article.body)
    assert "Share the Post" not in everything
    assert "Latest" not in everything


def test_abbreviations_do_not_end_sentences(seed_text: str) -> None:
    article = parse_text_article(seed_text, SOURCE, "seed")
    sentences = [s.text for p in article.body for s in p.sentences]
    assert (
        "This perspective is contested, though U.S. President Trump’s policies may "
        "temporarily disrupt long-standing alliances." in sentences
    )
    assert not any(s.endswith("U.S.") for s in sentences)


def test_sentences_cover_the_paragraph(seed_text: str) -> None:
    article = parse_text_article(seed_text, SOURCE, "seed")
    for paragraph in article.body:
        for sentence in paragraph.sentences:
            assert paragraph.text[sentence.start : sentence.end] == sentence.text
        assert " ".join(s.text for s in paragraph.sentences) == paragraph.text


def test_simple_article_parts() -> None:
    article = parse_text_article(SIMPLE, SOURCE, "x")
    assert article.title == "A headline about trade"
    assert article.standfirst == "A short standfirst that sums the piece up."
    assert article.author == "Jane DOE"
    assert [p.text for p in article.body] == [
        "First paragraph of the body. It has two sentences.",
        "Second paragraph, about the U.S. and Japan. It ends here.",
    ]
    assert [len(p.sentences) for p in article.body] == [2, 2]
    assert article.author_note == "Jane Doe is a writer."
    assert article.publisher == "Example Press"


def test_crlf_and_lone_cr_and_bom(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    reference = parse_text_article(SIMPLE, SOURCE, "x")
    variants = {
        "crlf.txt": SIMPLE.replace("\n", "\r\n").encode(),
        "cr.txt": SIMPLE.replace("\n", "\r").encode(),
        "bom.txt": b"\xef\xbb\xbf" + SIMPLE.encode(),
        "trailing.txt": "\n".join(line + "  \t" for line in SIMPLE.split("\n")).encode(),
    }
    for name, data in variants.items():
        path = tmp_path / "seeds" / name
        path.write_bytes(data)
        article = load_article(path, tmp_path, "x")
        assert article.title == reference.title, name
        assert article.body == reference.body, name
        assert article.author_note == reference.author_note, name


def test_no_standfirst() -> None:
    text = SIMPLE.replace("A short standfirst that sums the piece up.\n\n", "")
    article = parse_text_article(text, SOURCE, "x")
    assert article.standfirst == ""
    assert article.author == "Jane DOE"
    assert article.body[0].text.startswith("First paragraph")


def test_no_byline_keeps_the_first_block_in_the_body() -> None:
    text = SIMPLE.replace("by Jane DOE\n\n", "")
    article = parse_text_article(text, SOURCE, "x")
    assert article.author == ""
    assert article.standfirst == ""
    assert article.body[0].text == "A short standfirst that sums the piece up."
    assert len(article.body) == 3


def test_no_byline_no_standfirst_keeps_every_paragraph() -> None:
    text = "Headline\n\nThe whole first paragraph is long enough to be the body. " * 1 + "\n\n" + "x " * 200
    article = parse_text_article(text, SOURCE, "x")
    assert article.standfirst == ""
    assert len(article.body) == 2


def test_no_blank_lines_means_one_paragraph_per_line() -> None:
    text = "Headline\nFirst paragraph. Two sentences.\nSecond paragraph.\nThird paragraph."
    article = parse_text_article(text, SOURCE, "x")
    assert article.title == "Headline"
    assert [p.text for p in article.body] == [
        "First paragraph. Two sentences.",
        "Second paragraph.",
        "Third paragraph.",
    ]


def test_markup_is_kept_as_text() -> None:
    text = "Title <b>\n\n# not a heading <script>alert(1)</script> {{ x }} *y*\n"
    article = parse_text_article(text, SOURCE, "x")
    assert article.title == "Title <b>"
    assert article.body[0].text == "# not a heading <script>alert(1)</script> {{ x }} *y*"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"  \n\t\n   \n", "empty"),
        (b"Only a title\n", "title but no body"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("Caf\u00e9 au lait\n\nBody.".encode("latin-1"), "not valid UTF-8"),
        ("\ufeffTitle\n\nBody.".encode("utf-16"), "UTF-16"),
    ],
)
def test_bad_files_are_reported(tmp_path: Path, data: bytes, words: str) -> None:
    (tmp_path / "seeds").mkdir()
    path = tmp_path / "seeds" / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(SourceError) as caught:
        load_article(path, tmp_path, "bad")
    message = str(caught.value.problem)
    assert message.startswith("seeds/bad.txt")
    assert words in message
    assert "Fix:" in message


def test_sidecar_metadata(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(SIMPLE, encoding="utf-8")
    (tmp_path / "seeds" / "a.yml").write_text("date: 2025-03-24\nsource_url: https://example.org/a\n", encoding="utf-8")
    article = load_article(tmp_path / "seeds" / "a.txt", tmp_path, "a")
    assert article.date == dt.date(2025, 3, 24)
    assert article.source_url == "https://example.org/a"
    assert article.publisher == "Example Press"


def test_markdown_article(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "m.md").write_text(
        "---\ntitle: A Markdown piece\nauthor: Kim Lee\ndate: 2025-01-02\npublisher: Example\n---\n\n"
        "First *paragraph* with a [link](https://example.org).\n\nSecond paragraph. Two sentences.\n",
        encoding="utf-8",
    )
    article = load_article(tmp_path / "seeds" / "m.md", tmp_path, "m")
    assert article.title == "A Markdown piece"
    assert article.author == "Kim Lee"
    assert article.markdown
    assert article.body[0].text == "First paragraph with a link."
    assert len(article.body[1].sentences) == 2


@pytest.mark.parametrize(
    ("front", "field", "line"),
    [
        ("title: [unclosed\n", "", 2),
        ("title: T\ncolour: red\n", "colour", 0),
        ("title: T\ndate: yesterday\n", "date", 0),
        ("title: 42\n", "title", 0),
        ("author: Nobody\n", "title", 1),
    ],
)
def test_bad_front_matter(tmp_path: Path, front: str, field: str, line: int) -> None:
    (tmp_path / "seeds").mkdir()
    path = tmp_path / "seeds" / "m.md"
    path.write_text(f"---\n{front}---\n\nBody.\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_article(path, tmp_path, "m")
    problem = caught.value.problem
    assert problem.path == "seeds/m.md"
    assert problem.field == field
    if line:
        assert problem.line == line
    assert problem.fix


def test_corpus_reports_each_bad_file_and_keeps_the_rest(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(SIMPLE, encoding="utf-8")
    (seeds / "empty.txt").write_text("", encoding="utf-8")
    (seeds / "Good.md").write_text("---\ntitle: Dup\n---\n\nBody.\n", encoding="utf-8")
    (seeds / "notes.docx").write_bytes(b"PK")
    corpus = load_corpus(tmp_path)
    assert [a.slug for a in corpus.articles] == ["good"]
    paths = sorted(p.path for p in corpus.problems)
    assert paths == ["seeds/empty.txt", "seeds/good.txt", "seeds/notes.docx"] or paths == [
        "seeds/Good.md",
        "seeds/empty.txt",
        "seeds/notes.docx",
    ]


def _problems(path: Path, root: Path) -> list[str]:
    with pytest.raises(SourceError) as caught:
        load_article(path, root, path.stem)
    return [str(problem) for problem in caught.value.problems]


def test_every_problem_of_a_markdown_article_is_reported_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    path = tmp_path / "seeds" / "m.md"
    path.write_text("---\ntitle: T\nautor: Kim\ndate: last spring\nexclude:\n  0: [economics]\n---\n", encoding="utf-8")
    found = _problems(path, tmp_path)
    assert [line.split(": ", 1)[0] for line in found] == [
        "seeds/m.md:3",
        "seeds/m.md:4",
        "seeds/m.md:6",
        "seeds/m.md:7",
    ]
    assert "unknown field 'autor'. Fix: Did you mean 'author'? Use only these fields:" in found[0]
    assert "field 'date': 'last spring' is not a date." in found[1]
    assert "field 'exclude': entry '0' must be a paragraph number" in found[2]
    assert "the article has front matter but no body text." in found[3]  # line 7 of 7, the closing ---


def test_every_problem_of_a_text_article_and_its_sidecar_is_reported(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("Only a headline\n", encoding="utf-8")
    (tmp_path / "seeds" / "a.yml").write_text(
        "dat: 2025-03-24\nsource_url: example.org\npin:\n  2: [economics]\n  two: [security]\n", encoding="utf-8"
    )
    found = _problems(tmp_path / "seeds" / "a.txt", tmp_path)
    assert [line.split(": ", 1)[0] for line in found] == [
        "seeds/a.txt:1",
        "seeds/a.yml:1",
        "seeds/a.yml:2",
        "seeds/a.yml:5",
    ]
    assert "title but no body" in found[0]
    assert "unknown field 'dat'. Fix: Did you mean 'date'?" in found[1]
    assert "'example.org' is not a web address" in found[2]
    assert "field 'pin': entry 'two'" in found[3]


def test_an_empty_title_is_reported_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    path = tmp_path / "seeds" / "m.md"
    path.write_text('---\nauthor: Kim\ntitle: ""\n---\n\nBody.\n', encoding="utf-8")
    assert _problems(path, tmp_path) == [
        "seeds/m.md:3: field 'title': the front matter has no title. "
        "Fix: Add a line `title: The headline` to the front matter."
    ]
