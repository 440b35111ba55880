"""Theme accuracy on hand-labelled articles: `make eval`.

The evaluation set lives in `tests/eval/`: a `tuning/` half that the
vocabulary and the classifier may be tuned on, and a `held-out/` half that
nobody tunes on. Each article is a seed (`<slug>.txt`, with an optional `.yml`
sidecar) and a labels file (`<slug>.labels`) with one line per body sentence:

    p3.2 | security, history | The sentence, exactly as the engine splits it.

`p3.2` is the second sentence of body paragraph 3; the themes are theme slugs,
or `-` for a sentence that belongs to no theme. The labelling rules are in
CONTRIBUTING.md ("Which theme a sentence belongs to").

Run `python -m tests.evaluation template tests/eval/tuning/x.txt` to print a
labels file to fill in (every theme `?`): the sentences as the engine splits
them, nothing of its classification. `python -m tests.evaluation` scores both
halves and ends with the held-out micro-F1.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsguide.classify import Vocabulary, classify_article
from newsguide.model import Article
from newsguide.parse import load_article
from newsguide.themes import load_themes

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "eval"
HALVES = ("tuning", "held-out")
SEED_HALF = "seed"  # the project's first article, labelled by the same rules; not part of either half
SECOND_READING = EVAL / "second-reading"  # a second person's labels of some articles of each half
WORST = 12
SEED_ARTICLES = ROOT / "tests" / "fixtures" / "corpus" / "seeds"
NONE = "-"
UNLABELLED = "?"


@dataclass(frozen=True)
class Label:
    """One body sentence and the themes a person gave it."""

    place: str
    text: str
    themes: frozenset[str]
    line: int


def main(argv: list[str] | None = None) -> int:
    """Print a labels template, or score the evaluation set."""
    parser = argparse.ArgumentParser(prog="python -m tests.evaluation", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", default="score", choices=("score", "template"))
    parser.add_argument("article", nargs="?", type=Path, help="the article to print a labels template for")
    parser.add_argument(
        "--show-held-out", action="store_true", help="also print the held-out half's sentences (not while tuning)"
    )
    args = parser.parse_args(argv)
    if args.command == "template":
        if args.article is None:
            parser.error("template needs the article's path")
        sys.stdout.write(template(read_article(args.article.resolve())))
        return 0
    themes, _, _ = load_themes(ROOT)
    vocabulary = Vocabulary(themes)
    slugs = [theme.slug for theme in themes]
    scored = {half: score_half(EVAL / half, vocabulary) for half in (*HALVES, SEED_HALF)}
    for half, scores in scored.items():
        sys.stdout.write(describe(half, scores, slugs, show_sentences=half != "held-out" or args.show_held_out))
        if (SECOND_READING / half).is_dir():
            sys.stdout.write(describe_agreement(agreement(SECOND_READING / half, scores, set(slugs)), slugs))
    held_out = scored["held-out"]
    sys.stdout.write(
        f"micro-F1 {held_out.total.f1:.3f} over {len(held_out.sentences)} sentences in {held_out.articles} articles\n"
    )
    return 0


def read_article(path: Path) -> Article:
    """Parse one evaluation article as the engine parses a seed."""
    return load_article(path, path.parent, path.stem)


def sentences(article: Article) -> list[tuple[str, str]]:
    """Every body sentence with its place (`p<paragraph>.<sentence>`), in order."""
    return [
        (f"p{paragraph.number}.{index}", sentence.text)
        for paragraph in article.body
        for index, sentence in enumerate(paragraph.sentences, start=1)
    ]


def template(article: Article) -> str:
    """A labels file for `article` with every sentence still to be labelled."""
    lines = [
        f"# Labels for {article.source.name}: one line per body sentence.",
        "# Replace ? with the theme slugs (comma-separated) or - for none; see CONTRIBUTING.md.",
    ]
    lines += [f"{place} | {UNLABELLED} | {text}" for place, text in sentences(article)]
    return "\n".join(lines) + "\n"


def read_labels(path: Path, known: set[str]) -> list[Label]:
    """Read a labels file, checking every line against `known` theme slugs.

    Raises:
        ValueError: A line is malformed, unlabelled or names an unknown theme.
    """
    labels = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split(" | ", 2)
        if len(parts) != 3:
            raise ValueError(f"{path}:{number}: expected 'p<N>.<M> | themes | sentence'.")
        place, themes, text = (part.strip() for part in parts)
        names = {name.strip() for name in themes.split(",")} - {""}
        if UNLABELLED in names or not names:
            raise ValueError(f"{path}:{number}: {place} is not labelled yet; give theme slugs or '-'.")
        if names != {NONE}:
            unknown = names - known
            if unknown or NONE in names:
                raise ValueError(f"{path}:{number}: unknown theme {sorted(unknown or {NONE})}; use {sorted(known)}.")
        labels.append(Label(place, text, frozenset(names - {NONE}), number))
    return labels


@dataclass(frozen=True)
class Scored:
    """One labelled sentence beside the engine's reading of it."""

    article: str
    label: Label
    found: frozenset[str]
    evidence: str

    @property
    def errors(self) -> int:
        """Themes missed plus themes given wrongly."""
        return len(self.label.themes ^ self.found)


@dataclass
class Counts:
    """True positives, false positives and false negatives of one theme (or of all)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of the engine's assignments that are right."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of the labelled assignments the engine found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else 1.0


@dataclass
class HalfScore:
    """The scores of one half of the evaluation set."""

    articles: int = 0
    sentences: list[Scored] = field(default_factory=list)
    themes: dict[str, Counts] = field(default_factory=dict)
    total: Counts = field(default_factory=Counts)


def score_half(folder: Path, vocabulary: Vocabulary) -> HalfScore:
    """Classify every labelled article in `folder` and count agreements per theme.

    Raises:
        ValueError: A labels file does not match its article's sentences.
    """
    result = HalfScore()
    for labels_path in sorted(folder.glob("*.labels")):
        article = read_article(_article_for(labels_path))
        labels = read_labels(labels_path, set(vocabulary.order))
        places = sentences(article)
        if [(label.place, label.text) for label in labels] != places:
            raise ValueError(
                f"{labels_path}: its sentences differ from {article.source.name}'s; "
                "regenerate it with `python -m tests.evaluation template` and label again."
            )
        passages, _ = classify_article(article, vocabulary)
        classified = [sentence for passage in passages for sentence in passage.sentences]
        result.articles += 1
        for label, sentence in zip(labels, classified, strict=True):
            evidence = "; ".join(f"{m.theme}: {', '.join(m.evidence)}" for m in sentence.matches)
            result.sentences.append(Scored(article.slug, label, frozenset(sentence.themes), evidence))
    for scored in result.sentences:
        for theme in vocabulary.order:
            for target in (result.themes.setdefault(theme, Counts()), result.total):
                _count(target, scored.label.themes, scored.found, theme)
    return result


def describe(half: str, scores: HalfScore, slugs: list[str], *, show_sentences: bool) -> str:
    """The report of one half: figures per theme, confusions and the worst sentences."""
    out = [f"\n## {half}: {len(scores.sentences)} sentences in {scores.articles} articles\n"]
    out.append(f"{'theme':<18}{'labelled':>9}{'found':>7}{'P':>7}{'R':>7}{'F1':>7}")
    for slug in slugs:
        c = scores.themes.get(slug, Counts())
        out.append(f"{slug:<18}{c.tp + c.fn:>9}{c.tp + c.fp:>7}{c.precision:>7.2f}{c.recall:>7.2f}{c.f1:>7.2f}")
    c = scores.total
    out.append(f"{'micro':<18}{c.tp + c.fn:>9}{c.tp + c.fp:>7}{c.precision:>7.2f}{c.recall:>7.2f}{c.f1:>7.2f}")
    confusions = Counter(
        (", ".join(sorted(s.label.themes)) or NONE, ", ".join(sorted(s.found)) or NONE)
        for s in scores.sentences
        if s.errors
    )
    if confusions:
        out.append("\nconfusions (labelled → found: sentences)")
        out += [f"  {gold} → {found}: {n}" for (gold, found), n in confusions.most_common(10)]
    if show_sentences:
        worst = sorted((s for s in scores.sentences if s.errors), key=lambda s: -s.errors)[:WORST]
        if worst:
            out.append("\nworst sentences")
        for s in worst:
            labelled = ", ".join(sorted(s.label.themes)) or NONE
            found = ", ".join(sorted(s.found)) or NONE
            evidence = s.evidence or "no evidence"
            out.append(f"  {s.article} {s.label.place}: labelled {labelled}; found {found} ({evidence})")
            out.append(f"    {s.label.text}")
    return "\n".join(out) + "\n"


@dataclass
class Agreement:
    """How far a second, independent reading of some articles agrees with their labels."""

    articles: int = 0
    sentences: int = 0
    identical: int = 0
    themes: dict[str, Counts] = field(default_factory=dict)
    total: Counts = field(default_factory=Counts)
    engine_on_agreed: Counts = field(default_factory=Counts)


def agreement(folder: Path, scores: HalfScore, known: set[str]) -> Agreement:
    """Compare the second reading in `folder` with the labels (and the engine's themes) in `scores`.

    The labels count as the reference, so the second reader's precision is the
    share of their themes the labels also give.

    Raises:
        ValueError: A second reading has no labelled article or differs from its sentences.
    """
    first = {(s.article, s.label.place): s for s in scores.sentences}
    result = Agreement()
    for path in sorted(folder.glob("*.labels")):
        second = read_labels(path, known)
        if not second or any((path.stem, label.place) not in first for label in second):
            raise ValueError(f"{path}: it does not match the labelled article {path.stem} of this half.")
        result.articles += 1
        for label in second:
            scored = first[(path.stem, label.place)]
            if scored.label.text != label.text:
                raise ValueError(f"{path}:{label.line}: {label.place} differs from the labelled sentence.")
            result.sentences += 1
            agreed = scored.label.themes == label.themes
            result.identical += agreed
            for theme in sorted(known):
                for target in (result.themes.setdefault(theme, Counts()), result.total):
                    _count(target, scored.label.themes, label.themes, theme)
                if agreed:
                    _count(result.engine_on_agreed, label.themes, scored.found, theme)
    return result


def describe_agreement(result: Agreement, slugs: list[str]) -> str:
    """The report of a second reading: how often two people agree, and the engine where they do."""
    if not result.sentences:
        return ""
    per_theme = ", ".join(f"{slug} {result.themes.get(slug, Counts()).f1:.2f}" for slug in slugs)
    return (
        f"\nsecond reading: {result.sentences} sentences in {result.articles} articles, "
        "labelled again by another person\n"
        f"  the same themes for {result.identical / result.sentences:.0%} of sentences; "
        f"micro-F1 between the readings {result.total.f1:.3f} ({per_theme})\n"
        f"  the engine on the {result.identical} sentences both readings agree on: "
        f"micro-F1 {result.engine_on_agreed.f1:.3f}\n"
    )


def _count(counts: Counts, reference: frozenset[str], found: frozenset[str], theme: str) -> None:
    # Add one sentence's outcome for `theme` to `counts`.
    counts.tp += theme in reference and theme in found
    counts.fp += theme in found and theme not in reference
    counts.fn += theme in reference and theme not in found


def _article_for(labels_path: Path) -> Path:
    # The article a labels file belongs to: beside it, or (the seed's labels) in the fixture corpus.
    for folder in (labels_path.parent, SEED_ARTICLES):
        for suffix in (".txt", ".md"):
            candidate = (folder / labels_path.name).with_suffix(suffix)
            if candidate.exists():
                return candidate
    raise ValueError(f"{labels_path}: no article of that name beside it.")


if __name__ == "__main__":
    raise SystemExit(main())
