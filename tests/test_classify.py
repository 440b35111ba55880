"""Classification: sentences to themes with evidence, on the seed and on sentences it has never seen."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path, PurePosixPath

import pytest
import yaml

from newsguide.classify import Vocabulary, classify, classify_sentence, continuation_cue, past_cue
from newsguide.corpus import load_corpus
from newsguide.parse import parse_text_article
from newsguide.problems import SourceError
from newsguide.themes import Term, Theme, load_theme, load_themes
from tests.sitebuild import CORPUS, ROOT

LABELS = yaml.safe_load((ROOT / "tests" / "cases" / "themes" / "seed-labels.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def themes() -> list[Theme]:
    loaded, _, problems = load_themes(CORPUS)
    assert problems == []
    return loaded


@pytest.fixture(scope="module")
def vocabulary(themes: list[Theme]) -> Vocabulary:
    return Vocabulary(themes)


def _themes_of(text: str, themes: list[Theme], vocabulary: Vocabulary) -> set[str]:
    order = {t.slug: i for i, t in enumerate(themes)}
    return {m.theme for m in classify_sentence(text, vocabulary, order)}


def _seed_predictions() -> dict[str, set[str]]:
    corpus = load_corpus(CORPUS)
    article = corpus.article(LABELS["article"])
    return {
        f"{p.paragraph.number}.{i}": set(s.themes)
        for p in corpus.classification.passages(article)
        for i, s in enumerate(p.sentences, start=1)
    }


def test_seed_labels_cover_every_sentence_and_match_its_text() -> None:
    corpus = load_corpus(CORPUS)
    article = corpus.article(LABELS["article"])
    sentences = {f"{p.number}.{i}": s.text for p in article.body for i, s in enumerate(p.sentences, start=1)}
    assert set(sentences) == set(LABELS["sentences"])
    for key, label in LABELS["sentences"].items():
        assert sentences[key].startswith(label["text"]), key


def test_seed_acceptance_examples_agree_exactly() -> None:
    predicted = _seed_predictions()
    for key in LABELS["acceptance"]:
        assert predicted[key] == set(LABELS["sentences"][key]["themes"]), key


def test_seed_agrees_with_a_careful_reader() -> None:
    predicted = _seed_predictions()
    labels = {key: set(label["themes"]) for key, label in LABELS["sentences"].items()}
    exact = sum(predicted[key] == labels[key] for key in labels)
    pairs = [(key, t) for key in labels for t in labels[key] | predicted[key]]
    true_pos = sum(t in labels[k] and t in predicted[k] for k, t in pairs)
    precision = true_pos / sum(t in predicted[k] for k, t in pairs)
    recall = true_pos / sum(t in labels[k] for k, t in pairs)
    print(f"seed: {exact}/{len(labels)} sentences exact; precision {precision:.2f}, recall {recall:.2f}")
    assert exact / len(labels) >= 0.9
    assert precision >= 0.9 and recall >= 0.9


# Invented sentences in the style of other articles on East Asian affairs.
UNSEEN = [
    ("Seoul and Tokyo agreed to lift export restrictions on semiconductor materials.", {"economics"}),
    ("Beijing announced new tariffs on Japanese seafood imports.", {"economics"}),
    ("Foreign direct investment from Korean carmakers into China fell last year.", {"economics"}),
    ("The coast guard reported Chinese vessels near the disputed islands.", {"security"}),
    ("Pyongyang test-fired two ballistic missiles into the Sea of Japan on Sunday.", {"security"}),
    ("Washington and Seoul held joint naval drills to strengthen deterrence.", {"security"}),
    ("Survivors of the forced labour programme demanded a formal apology from Tokyo.", {"history"}),
    ("The prime minister sent a ritual offering to the Yasukuni Shrine.", {"history"}),
    ("Korean universities reported a record number of Chinese exchange students.", {"people-exchange"}),
    ("Visa-free travel for tourists from the three countries resumed in March.", {"people-exchange"}),
    ("The ministers met for two hours in the afternoon.", set()),
    ("The trademark dispute was settled out of court.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), UNSEEN)
def test_unseen_sentences(sentence: str, expected: set[str], themes: list[Theme], vocabulary: Vocabulary) -> None:
    assert _themes_of(sentence, themes, vocabulary) == expected


def test_matching_plurals_spellings_hyphens_and_longest_term(vocabulary: Vocabulary) -> None:
    found = {words: term for words, term, _ in vocabulary.scan("Allies, tariffs and free-trade globalisation.")}
    assert found == {
        "Allies": "ally",
        "tariffs": "tariff",
        "free-trade": "free trade",
        "globalisation": "globalization",
    }
    words = [w for w, _, _ in vocabulary.scan("Ties to the Military-Industrial Complex run deep.")]
    assert words == ["Military-Industrial Complex"]
    assert vocabulary.scan("The trademark and tradecraft") == []


def test_a_term_may_belong_to_two_themes(themes: list[Theme], vocabulary: Vocabulary) -> None:
    assert _themes_of("They condemned economic coercion.", themes, vocabulary) == {"economics", "security"}


def test_weak_hints_need_company(themes: list[Theme], vocabulary: Vocabulary) -> None:
    # "stability" alone is a weak hint for security; "peace and stability" is a strong one.
    assert _themes_of("The stability of the currency matters.", themes, vocabulary) == {"economics"}
    assert _themes_of("Both called for peace and stability.", themes, vocabulary) == {"security"}


def _article(text: str) -> list[list[set[str]]]:
    themes, _, _ = load_themes(CORPUS)
    article = parse_text_article("Title\n\n" + text, PurePosixPath("seeds/x.txt"), "x")
    result, problems = classify([article], themes)
    assert problems == []
    return [[set(s.themes) for s in p.sentences] for p in result.passages(article)]


def test_continuation_needs_a_cue_and_takes_the_strongest_theme() -> None:
    paragraphs = _article(
        "Bilateral trade and investment grew fast after the normalization of relations. "
        "A similar pattern is observed between Seoul and Beijing. "
        "The ministers then left for Osaka."
    )
    assert paragraphs == [[{"economics", "history"}, {"economics"}, set()]]


def test_continuation_crosses_connectives_and_paragraphs() -> None:
    paragraphs = _article("Both navies held drills near Taiwan.\n\nYet, this did not surprise anyone.")
    assert paragraphs == [[{"security"}], [{"security"}]]
    assert continuation_cue("Similarly, Korea waited.") == "Similarly"
    assert continuation_cue("Japan, likewise, waited.") == "likewise"
    assert continuation_cue("That, however, is unclear.") == ""
    assert continuation_cue("Korea waited.") == ""


def test_evidence_is_the_words_as_written() -> None:
    themes, _, _ = load_themes(CORPUS)
    article = parse_text_article("T\n\nRCEP and Supply Chains matter.", PurePosixPath("seeds/x.txt"), "x")
    result, _ = classify([article], themes)
    match = result.passages(article)[0].sentences[0].match("economics")
    assert match is not None
    assert match.evidence == ("RCEP", "Supply Chains")


def test_classification_is_deterministic() -> None:
    first, second = load_corpus(CORPUS), load_corpus(CORPUS)
    assert first.classification.articles == second.classification.articles


def test_overrides_pin_and_exclude_paragraphs() -> None:
    themes, _, _ = load_themes(CORPUS)
    article = parse_text_article(
        "T\n\nThe ministers met.\n\nTariffs and troops were discussed.",
        PurePosixPath("seeds/x.txt"),
        "x",
        {"pin": {1: ["history"]}, "exclude": {2: ["security"]}},
    )
    result, problems = classify([article], themes)
    assert problems == []
    first, second = result.passages(article)
    assert first.themes == ("history",) and first.pinned == ("history",)
    assert second.themes == ("economics",)
    assert all("security" not in s.themes for s in second.sentences)


def test_bad_overrides_name_the_sidecar_and_field() -> None:
    themes, _, _ = load_themes(CORPUS)
    article = parse_text_article(
        "T\n\nOne paragraph.", PurePosixPath("seeds/x.txt"), "x", {"pin": {1: ["nope"]}, "exclude": {4: ["history"]}}
    )
    _, problems = classify([article], themes)
    assert [(p.path, p.field) for p in problems] == [("seeds/x.yml", "pin"), ("seeds/x.yml", "exclude")]
    assert "'nope'" in problems[0].message and "economics" in problems[0].fix
    assert "paragraph 4 does not exist" in problems[1].message


def test_vocabulary_scales_as_one_regex(themes: list[Theme]) -> None:
    # Thousands of terms still compile to one pattern that finds each of them.
    many = [Theme("t", "T", "", tuple(Term(f"term{n} word") for n in range(3000)), "", "docs/themes/t.md")]
    vocabulary = Vocabulary(many)
    assert [term for _, term, _ in vocabulary.scan("a term2999 word and term7 words")] == [
        "term2999 word",
        "term7 word",
    ]


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("Détente", "After the DÉTENTE, détentes and Détente’s end", ["DÉTENTE", "détentes", "Détente"]),
        ("Σύνοδος", "Η ΣΎΝΟΔΟΣ and the σύνοδος met", ["ΣΎΝΟΔΟΣ", "σύνοδος"]),  # Greek: matched with re.IGNORECASE
        ("kiss", "The KIſS and a \u212aISS", ["KIſS", "\u212aISS"]),  # letters re.IGNORECASE equates with s and k
    ],
)
def test_vocabulary_ignores_case_beyond_ascii(term: str, text: str, found: list[str]) -> None:
    vocabulary = Vocabulary([Theme("t", "T", "", (Term(term),), "", "docs/themes/t.md")])
    assert [words for words, _, _ in vocabulary.scan(text)] == found


def test_theme_files_in_the_project_load(tmp_path: Path) -> None:
    themes, intros, problems = load_themes(CORPUS)
    assert [t.slug for t in themes] == ["economics", "security", "history", "people-exchange"]
    assert len({t.abbreviation for t in themes}) == len(themes)
    assert intros["index"].source == "docs/themes/index.md"
    assert problems == []


def test_past_cue_finds_the_course_of_a_relationship() -> None:
    assert past_cue("It was the first meeting of the three in three and a half years.") == (
        "first meeting of the three in three and a half years"
    )
    assert past_cue("The talks were last held in Beijing.") == "last held"
    assert past_cue("Relations soured years ago.") == "years ago"
    assert past_cue("Under the 1965 treaty, claims were settled.", 2025) == "1965"
    assert past_cue("Talks have been stuck since 2013.", 2019) == "2013"
    assert past_cue("Trade grew in 2024.", 2025) == ""  # last year is news, not the past course
    assert past_cue("The goal is 40 million visitors by 2030.", 2025) == ""
    assert past_cue("Under the 1965 treaty, claims were settled.") == ""  # no date: no year is known to be past
    assert past_cue("Exports rose by 2,015 tonnes.", 2025) == ""


def _theme_file(tmp_path: Path, fields: str) -> Path:
    path = tmp_path / "docs" / "themes" / "past.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: Past\n{fields}---\nIntro.\n", encoding="utf-8")
    return path


def test_a_theme_takes_the_past_cue_only_when_its_file_says_so(tmp_path: Path) -> None:
    plain = load_theme(_theme_file(tmp_path, "vocabulary: [memory]\n"), "docs/themes/past.md")
    cued = load_theme(_theme_file(tmp_path, "cues: [past]\nvocabulary: [memory]\n"), "docs/themes/past.md")
    text = "It was the first summit in six years."
    assert classify_sentence(text, Vocabulary([plain]), {"past": 0}) == ()
    (match,) = classify_sentence(text, Vocabulary([cued]), {"past": 0})
    assert match.theme == "past" and match.evidence == ("first summit in six years",)


def test_an_unknown_cue_is_reported_with_the_nearest_name(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as raised:
        load_theme(_theme_file(tmp_path, "cues: [pats]\nvocabulary: [memory]\n"), "docs/themes/past.md")
    problem = raised.value.problem
    assert problem.line == 3 and "'pats' is not a built-in cue" in str(problem)
    assert "Did you mean 'past'?" in str(problem)


def test_a_weak_hint_counts_beside_a_sentence_on_the_theme() -> None:
    theme = Theme("geo", "Geo", "", (Term("alliance"), Term("Beijing", 0.5)), "", "docs/themes/geo.md")
    text = "Title\n\nThe alliance held. Beijing did not see it that way.\n\nBeijing is a city.\n"
    article = parse_text_article(text, PurePosixPath("seeds/a.txt"), "a")
    classification, _ = classify([article], [theme])
    first, second = classification.passages(article)
    assert [s.themes for s in first.sentences] == [("geo",), ("geo",)]
    assert [s.themes for s in second.sentences] == [()]  # alone in its paragraph, the hint is not enough


def test_a_thing_named_again_is_on_the_theme_of_the_sentence_that_introduced_it() -> None:
    past = Theme(
        "past", "Past", "", (Term("forced labour"), Term("compensate")), "", "docs/themes/past.md", cues=("reference",)
    )
    trade = Theme("trade", "Trade", "", (Term("trade"),), "", "docs/themes/trade.md", cues=("reference",))
    text = (
        "Seoul moves on labour\n\nSeoul unveiled a plan to compensate victims of forced labour.\n\n"
        "At home, Yoon's plan faces resistance. The ruling party backs it.\n\n"
        "Trade talks set a plan of their own. Officials praised the plan."
    )
    article = parse_text_article(text, PurePosixPath("seeds/a.txt"), "a")
    classification, _ = classify([article], [past, trade])
    _, second, third = classification.passages(article)
    assert [s.themes for s in second.sentences] == [("past",), ()]  # "the ruling party" is no ruling
    match = second.sentences[0].match("past")
    assert match is not None and match.evidence == ("Yoon's plan",)
    # A plan introduced by a sentence on trade is the one "the plan" now points back to.
    assert [s.themes for s in third.sentences] == [("trade",), ("trade",)]
    plain = Theme("past", "Past", "", past.vocabulary, "", "docs/themes/past.md")
    classification, _ = classify([article], [plain])
    assert [s.themes for s in classification.passages(article)[1].sentences] == [(), ()]


def test_a_dateline_is_where_a_report_was_filed_not_a_theme(themes: list[Theme], vocabulary: Vocabulary) -> None:
    assert _themes_of("TOKYO — Rain fell all day.", themes, vocabulary) == set()
    assert _themes_of("NEW DELHI, July 27 — Rain fell all day.", themes, vocabulary) == set()
    assert _themes_of("TOKYO — Both navies held drills near Taiwan.", themes, vocabulary) == {"security"}


def test_the_protocol_of_a_meeting_is_on_no_theme() -> None:
    # Meals, the welcome and how long talks lasted say nothing of a theme; what a meeting was about still does.
    geo = Theme(
        "geo",
        "Geo",
        "",
        (Term("talks"), Term("missile"), Term("leader", 0.5), Term("president", 0.5), Term("premier", 0.5)),
        "",
        "docs/themes/geo.md",
    )
    vocabulary, order = Vocabulary([geo]), {"geo": 0}

    def themes_of(text: str) -> set[str]:
        return {m.theme for m in classify_sentence(text, vocabulary, order)}

    assert themes_of("Premier Li met President Yoon.") == {"geo"}
    assert themes_of("Premier Li thanked President Yoon for the warm welcome.") == set()
    assert themes_of("The leaders then attended a dinner hosted by the President.") == set()
    assert themes_of("The talks lasted about three hours, including a working dinner.") == set()
    assert themes_of("Over a working dinner, the leaders discussed missile launches.") == {"geo"}
    assert themes_of("The Talks Lasted About Three HOURS.") == set()  # in any case, as written
    assert themes_of("The talks were held in a friendly and constructive atmosphere.") == set()
    assert themes_of("The President was accompanied by his wife.") == set()
    assert themes_of("The leaders discussed missile launches in a tense atmosphere.") == {"geo"}
    text = "Title\n\nThe talks were tense. The leaders posed for a commemorative photograph.\n"
    article = parse_text_article(text, PurePosixPath("seeds/a.txt"), "a")
    classification, _ = classify([article], [geo])
    assert [s.themes for s in classification.passages(article)[0].sentences] == [("geo",), ()]


def test_the_protocol_of_a_meeting_takes_no_subject_from_its_paragraph() -> None:
    # Every other sentence is on geo, yet how long the talks ran and the photograph stay on no theme.
    geo = Theme("geo", "Geo", "", (Term("talks"), Term("missile")), "", "docs/themes/geo.md")
    text = (
        "The talks covered missile launches. The talks ran on for nearly four hours. "
        "The ministers posed for a photograph. The talks ended with a missile pledge.\n"
    )
    assert _sentence_themes(text, [geo]) == [("geo",), (), (), ("geo",)]
    text = (
        "The talks covered missile launches. The two leaders shook hands in front of the flags. "
        "The talks ended with a missile pledge.\n\nThe minister greeted his guest at the door and they posed for "
        "photographers. The talks then turned to missile launches.\n"
    )
    assert _sentence_themes(text, [geo]) == [("geo",), (), ("geo",), (), ("geo",)]


def _sentence_themes(body: str, themes: list[Theme]) -> list[tuple[str, ...]]:
    # Each body sentence's themes, in order across paragraphs, for an article with these themes alone.
    article = parse_text_article("Title\n\n" + body, PurePosixPath("seeds/a.txt"), "a")
    classification, _ = classify([article], themes)
    return [s.themes for p in classification.passages(article) for s in p.sentences]


def test_a_short_question_opening_a_paragraph_is_a_signpost_on_no_theme() -> None:
    trade = Theme("trade", "Trade", "", (Term("tariff"), Term("trade")), "", "docs/themes/trade.md")
    text = (
        "Title\n\nWhy does trade matter? Tariffs fell by half. This helped exporters.\n\n"
        "Will tariffs on steel and on cars and on chips fall again next year, after the vote? They may.\n\n"
        "Does trade matter?\n"
    )
    article = parse_text_article(text, PurePosixPath("seeds/a.txt"), "a")
    classification, _ = classify([article], [trade])
    first, second, third = classification.passages(article)
    assert [s.themes for s in first.sentences] == [(), ("trade",), ("trade",)]
    assert second.sentences[0].themes == ("trade",)  # a long question says something itself
    assert [s.themes for s in third.sentences] == [("trade",)]  # a paragraph of its own is not a heading


def test_an_article_s_subject_takes_its_sentences_on_no_theme() -> None:
    # A third of the sentences on people by their words: the scenes between them are on people too.
    def people(cues: tuple[str, ...]) -> Theme:
        return Theme("people", "People", "", (Term("tourist"),), "", "docs/themes/people.md", cues=cues)

    geo = Theme("geo", "Geo", "", (Term("talks"),), "", "docs/themes/geo.md")
    text = (
        "Title\n\nTourists filled the square. The bells rang at noon.\n\n"
        "Talks went on elsewhere. The talks ran on for nearly four hours.\n\n"
        "A tourist from Busan laughed. It was cold.\n"
    )
    article = parse_text_article(text, PurePosixPath("seeds/a.txt"), "a")
    classification, _ = classify([article], [geo, people(("subject",))])
    found = [s.themes for p in classification.passages(article) for s in p.sentences]
    assert found == [("people",), ("people",), ("geo",), (), ("people",), ("people",)]
    match = classification.passages(article)[0].sentences[1].match("people")
    assert match is not None and match.evidence == ("the subject of the article",)
    classification, _ = classify([article], [geo, people(())])
    assert [s.themes for s in classification.passages(article)[0].sentences] == [("people",), ()]
    text = "Title\n\nTourists filled the square. The bells rang.\n\nIt was cold. It rained. Talks began.\n"
    article = parse_text_article(text, PurePosixPath("seeds/a.txt"), "a")
    classification, _ = classify([article], [geo, people(("subject",))])
    assert [s.themes for s in classification.passages(article)[0].sentences] == [("people",), ()]  # 1 in 5


def test_a_year_tells_the_past_course_only_beside_a_hint_of_relations_or_the_past() -> None:
    # A year alone dates a firm's past as well; beside a word of diplomacy or the past it tells the relationship's.
    past = Theme("past", "Past", "", (Term("war"),), "", "docs/themes/past.md", cues=("past",))
    geo = Theme("geo", "Geo", "", (Term("Tokyo", 0.5),), "", "docs/themes/geo.md", cues=("statecraft",))
    vocabulary, order = Vocabulary([geo, past]), {"geo": 0, "past": 1}

    def themes_of(text: str) -> set[str]:
        return {m.theme for m in classify_sentence(text, vocabulary, order, 2023)}

    assert themes_of("Astellas has sold medicines in China since the 1990s.") == set()
    assert themes_of("Relations with Tokyo have been cool since 2019.") == {"past"}
    assert themes_of("The firm has made cars for thirty years.") == set()
    assert themes_of("Relations with Tokyo have been cold for years.") == {"past"}
    assert themes_of("The ministers last met in Beijing.") == {"past"}  # a milestone of the relationship itself
    assert themes_of("It was the first meeting of the two ministers in about 21 months.") == {"past"}
    assert themes_of("It was the first meeting of the two ministers in six months.") == set()
    assert themes_of("Talks with Tokyo resumed after more than a year of estrangement.") == {"past"}
    assert themes_of("She had lived there for more than a year.") == set()
    assert themes_of("Tokyo built on foundations laid over sixty years of ties.") == {"past"}
    assert themes_of("Tokyo will fund 30,000 visits over five years.") == set()  # a plan's span, not the past


def test_a_vocabulary_is_compiled_again_only_when_its_themes_terms_change() -> None:
    # `mkdocs serve` builds after every edit: an article's edit reuses the last build's vocabulary.
    first, _, _ = load_themes(CORPUS)
    again, _, _ = load_themes(CORPUS)
    assert Vocabulary.of(again) is Vocabulary.of(first)
    weighted = [replace(first[0], vocabulary=(*first[0].vocabulary, Term("tariff wall", 0.5))), *first[1:]]
    changed = Vocabulary.of(weighted)
    assert changed is not Vocabulary.of(first)
    assert "tariff wall" in [key for _, key, _ in changed.scan("A tariff wall went up.")]
    reordered = [*first[1:], first[0]]
    assert Vocabulary.of(reordered).order == {theme.slug: index for index, theme in enumerate(reordered)}
