"""Classification: which themes each body sentence speaks to, and the evidence why.

The design, in six rules a contributor can predict:

1. **Vocabulary matches.** Every theme's vocabulary (see `newsguide.themes`)
   is compiled into ONE regular expression per build: an alternation of all
   terms, longest first, so that where terms overlap the longest wins
   ("military-industrial complex" is one match, not "military" plus
   "industrial"), and each text is scanned once whatever the number of terms.
   Matching ignores case; a term's words match across spaces or hyphens
   ("free trade" finds "free-trade"); "-ise"/"-ize" and "-isation"/"-ization"
   spellings are equivalent; and the last word also matches its plural
   ("tariff" finds "tariffs", "ally" finds "allies"). Other inflections are
   listed as terms of their own. A term matches whole words only: it must not
   start or end inside a word, while a hyphen or apostrophe ends a word
   ("trade" is found in "trade-related" and "Trump" in "Trump’s"). A term may
   belong to several themes ("economic coercion"). A dateline opening a
   sentence ("BEIJING —") says where a report was filed and is not scanned.
   A sentence reporting the protocol of a meeting (a working dinner, a
   commemorative photograph, the warm welcome, how long the talks lasted)
   counts only its terms of full weight, and not the gathering itself
   ("talks", "meeting") nor the words of the protocol: who dined with whom is
   on no theme, what they discussed over dinner still is.
2. **Scores and threshold.** A sentence's score for a theme is the sum of the
   weights of the distinct terms of that theme found in it (a term repeated
   counts once). The theme is assigned when the score reaches `THRESHOLD`
   (1): a term of weight 1 is enough on its own, two weak hints of weight 0.5
   are needed together. The evidence is the matched words, as written.
3. **Built-in cues and neighbours.** A theme whose file says `cues: [past]`
   also takes the sentences that tell the past course of a relationship by
   their form: "the first … in six years" (or in 21 months), "last held",
   and, in a sentence with a hint (half the threshold) of a theme taking this
   cue or `statecraft`, "years ago", "for years", "after more than a year",
   "sixty years of ties" or a year at least `PAST_YEARS` before the article's
   date ("the 1965 treaty", "since 2013"), which alone tell a firm's or a
   person's past as well ("over five years" is a plan's span, not the past;
   the evidence is those words). A theme whose file says `cues: [statecraft]`
   takes the sentences in which a government acts toward another: a capital,
   country or office (a ministry, officials, a leader) that urges, protests,
   pledges, warns, welcomes, calls on, stresses or agrees, in one clause (the
   evidence is "Tokyo … protested"). And a weak hint, a score of at least
   half the threshold, is enough when a sentence next to it in the same
   paragraph is on that theme by its own score: neighbouring sentences share a
   subject, so "Beijing did not see it that way" after a sentence on
   geopolitics is on geopolitics too. It is also enough, for a theme whose
   file says `cues: [headline]`, when the article's title and standfirst are
   on that theme: the headline says what the whole article is about. A
   sentence with no theme at all, in a paragraph of at least
   `PARAGRAPH_SENTENCES` whose every other sentence is on a theme, shares it
   (its evidence is `PARAGRAPH_CUE`). A theme whose file says
   `cues: [reference]` also takes a sentence that names again, with "the" or
   a possessive, a thing an earlier sentence introduced ("the plan", "the
   ruling", "the women", "Yoon's plan": the nouns of `REFERENTS`), when the
   theme is the strongest of the introducing sentence by its own words; the
   title and standfirst introduce first, and a later sentence naming the
   thing without "the" ("a plan") introduces it anew. The evidence is the
   words that name it again. A theme whose file says `cues: [subject]` takes
   every sentence left on no theme at all in an article at least
   `SUBJECT_SHARE` of whose body sentences are on it by their own words: a
   feature on travel sets its scenes among the people it is about, an op-ed
   on export curbs draws lessons about trade where a sentence names none (the
   evidence is `SUBJECT_CUE`). A sentence reporting the protocol of a
   meeting (a dinner, a handshake, a photograph for the cameras, the
   "friendly atmosphere", how long the talks lasted) takes neither its
   paragraph's nor its article's subject.
4. **Continuation.** A sentence with no theme of its own continues the
   previous sentence's subject when the text says so: when it opens (after an
   optional connective such as "Yet," or "And") with a demonstrative that
   points back ("This", "These", "That", "Those", "Such") or a comparison
   ("Similarly", "Likewise", "In the same vein", …), or when it contains a
   back-reference such as "a similar pattern", "the same trend", "likewise",
   "also" or "as well". It then takes the previous sentence's strongest
   theme(s): the one(s) with the highest score, since a back-reference points
   at what the sentence before was mainly about. Its evidence is the cue
   itself ("A similar pattern"). Previous means the sentence just before,
   across a paragraph break too; a sentence without a cue inherits nothing.
5. **Signposts.** A short question opening a paragraph of several sentences
   (at most `SIGNPOST_WORDS` words: "Why does it matter?") stands for a
   heading, as in an explainer: it is on no theme, and nothing continues it.
6. **Editorial overrides.** An article's `pin` and `exclude` fields (sidecar
   `.yml` of a `.txt` seed, or front matter of a `.md` seed) map paragraph
   numbers to theme slugs. A pinned theme puts the whole paragraph on that
   theme page; an excluded one is removed from the paragraph and its
   sentences. An unknown slug or a paragraph number past the end is a problem
   naming the file and field.

Everything is computed once per build, in order, from the input alone, so the
same input always gives the same output.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from .fold import fold, folded
from .model import Article, Compact, Paragraph, Sentence
from .problems import Problem, did_you_mean
from .themes import Theme

#: The score a theme needs in one sentence for the sentence to be on it.
THRESHOLD = 1.0
#: The score that is enough when a neighbouring sentence of the paragraph is on the theme.
NEIGHBOUR_THRESHOLD = THRESHOLD / 2
#: How many years before an article's date a year it names must be to tell of the past.
PAST_YEARS = 2
#: How many sentences a paragraph needs before a sentence of it takes the subject all the others share.
PARAGRAPH_SENTENCES = 3
#: The evidence of a sentence on a theme because every other sentence of its paragraph is.
PARAGRAPH_CUE = "the rest of its paragraph"
#: The share of an article's body sentences on a theme by their own words that makes it the article's subject.
SUBJECT_SHARE = 1 / 3
#: The evidence of a sentence on a theme because it is the subject of its article (the `subject` cue).
SUBJECT_CUE = "the subject of the article"
#: The evidence by which a sentence shares a subject (rather than continuing one), and whose subject it shares.
SHARED_SUBJECT = {PARAGRAPH_CUE: "the rest of its paragraph", SUBJECT_CUE: "the whole article"}
#: How many words a paragraph's opening question has at most to be a signpost, on no theme.
SIGNPOST_WORDS = 10

_NUMBER_WORD = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|\d+)"
)
_PAST_COURSE = re.compile(
    r"\b(?P<cue>first\b[^.;:]{0,80}?\b(?:in|since|for)\s+(?:(?:more\s+than|nearly|almost|some|about|over|roughly|"
    rf"at\s+least)\s+)?{_NUMBER_WORD}(?:[\s-]+and[\s-]+a[\s-]+half)?\s+(?:years?|decades?)"
    rf"|in\s+(?:more\s+than|over|nearly|almost)\s+{_NUMBER_WORD}\s+(?:years|decades)"
    rf"|(?:{_NUMBER_WORD}\s+)?(?:years|decades|a\s+decade)\s+(?:ago|earlier|before)"
    rf"|{_NUMBER_WORD}\s+years\s+(?:since|after)\s+(?:the|its|their)\b"
    r"|(?:after|for)\s+(?:many\s+|several\s+|\w+\s+)?(?:years|decades)\b"
    r"|over\s+(?:many|several|the\s+(?:past|last))\s+(?:years|decades)\b"
    rf"|{_NUMBER_WORD}\s+years\s+of\s+(?:diplomatic\s+|normali[sz]ed\s+|bilateral\s+)?(?:ties|relations|friendship)\b"
    r"|last\s+(?:held|met|hosted|visited)"
    r"|first\b[^.;:]{0,80}?\b(?:in|since|for)\s+(?:(?:more\s+than|nearly|almost|some|about|over|roughly)\s+)?"
    r"(?:1[2-9]|[2-9]\d)\s+months"
    r"|(?:after|for)\s+(?:more\s+than|over|nearly|almost)\s+a\s+year)",
    re.IGNORECASE,
)
#: The past-course cues that are a relationship's own milestones, whatever else the sentence says.
_MILESTONE = re.compile(r"(?:first|last)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d,.$])\b(?P<year>1[89]\d\d|20\d\d)(?:s\b|\b)(?!,?\d)")

_CONNECTIVE = (
    r"(?:and|but|yet|so|still|however|indeed|moreover|meanwhile|thus|therefore|accordingly|hence|"
    r"in\s+turn|in\s+fact|at\s+the\s+same\s+time)"
)
_OPENING_CUE = re.compile(
    rf"^[\W_]*(?:{_CONNECTIVE}\s*,?\s+)?(?P<cue>(?:this|these|that|those|such)\b(?!\s*,)"
    r"|similarly|likewise|equally|by\s+the\s+same\s+token|in\s+the\s+same\s+(?:vein|way|spirit)"
    r"|the\s+same\s+(?:is\s+true|goes|applies|holds))",
    re.IGNORECASE,
)
_INNER_CUE = re.compile(
    r"\b(?P<cue>(?:a|the)\s+similar\s+[\w-]+|similarly|likewise|"
    r"the\s+same\s+(?:pattern|trend|is\s+true|applies|goes|holds)|as\s+well|also)\b",
    re.IGNORECASE,
)
#: Who acts for a state: a capital or country standing for its government, or an office that speaks for one.
_STATE = (
    r"(?:Beijing|Tokyo|Seoul|Washington|Pyongyang|Moscow|Taipei|China|Japan|(?:South\s+|North\s+)?Korea"
    r"|the\s+United\s+States|the\s+U\.?S\.?|Russia|Taiwan)"
)
_ACTOR = (
    rf"(?:{_STATE}|governments?|administration|ministry|ministries|ministers?|officials|president|premier"
    r"|prime\s+minister|spokes(?:man|woman|person)|diplomats?|embassy|ambassador|envoy|leaders?|cabinet"
    r"|(?:both|the\s+two|the\s+three|all)\s+sides|the\s+(?:two|three)\s+(?:governments|countries|nations))"
)
#: What a state does toward another: protests, demands, pledges, warnings, welcomes.
_STANCE = (
    r"(?:urge[sd]?|urging|pledged|vow(?:s|ed)|protest(?:s|ed)|lodged|summon(?:s|ed)|condemn(?:s|ed)"
    r"|critici[sz](?:es|ed)|denounce[sd]|accuse[sd]|demand(?:s|ed)|warn(?:s|ed)|reject(?:s|ed)|welcome[sd]"
    r"|hail(?:s|ed)|insist(?:s|ed)|retaliat(?:es|ed)|den(?:ies|ied)|respond(?:s|ed)?\s+firmly"
    r"|expressed\s+(?:\w+\s+)?(?:concern|regret|opposition|dissatisfaction|displeasure|hope|support)"
    r"|called\s+(?:on|for|the|it|this|that|them|its|their)|asked|held\s+talks|sid(?:es|ed|ing)\s+with"
    r"|stress(?:es|ed)|underline[sd]|underscore[sd]|emphasi[sz](?:es|ed)|reaffirm(?:s|ed)|shared\s+the\s+view"
    r"|agreed|noted)"
)
_STATECRAFT = re.compile(
    rf"(?<!\bin\s)(?<!south\s)(?<!north\s)\b(?P<actor>{_ACTOR})(?:['’]s)?\b(?:[^.;:!?]{{0,60}}?\s)??(?P<verb>{_STANCE})\b"
    rf"|(?<!\bin\s)(?<!south\s)(?<!north\s)\b(?P<actor2>{_STATE})\s+(?:has\s+|had\s+)?(?P<verb2>called)\b",
    re.IGNORECASE,
)
#: The protocol of a meeting: meals, hospitality, photographs, the welcome, how long it lasted.
_PROTOCOL = re.compile(
    r"\b(?:working\s+(?:breakfast|lunch|luncheon|dinner)"
    r"|(?:attended|hosted|gave|held|to|for)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:dinner|banquet|luncheon|lunch|reception)"
    r"|(?:dinner|banquet|luncheon|lunch|reception)\s+hosted|hospitality"
    r"|(?:commemorative|group|family|official)\s+photo(?:graph)?s?|warm\s+welcome"
    r"|(?:lasted|ran\s+on|ran|went\s+on|continued)\s+(?:for\s+)?"
    r"(?:about\s+|approximately\s+|nearly\s+|almost\s+|some\s+|more\s+than\s+|(?:just\s+|well\s+)?over\s+|around\s+)?"
    r"[\w-]+\s+(?:minutes|hours)|posed\s+for\s+(?:a\s+)?(?:[\w-]+\s+)?photo(?:graph)?s?"
    r"|joint\s+press\s+conference|motorcades?"
    r"|sh(?:ook|ake|akes|aking)\s+hands|handshakes?|posed\s+for\s+(?:the\s+)?(?:photographers|cameras)"
    r"|greeted\s+(?:his|her|their|the)\s+(?:guests?|visitors?|counterparts?)"
    r"|in\s+an?\s+(?:[\w-]+,?\s+(?:and\s+)?){1,3}atmosphere|signing\s+ceremony"
    r"|accompanied\s+by\s+(?:his|her)\s+(?:wife|husband)|met\s+at\s+the\s+airport"
    r"|(?:consecutive|simultaneous)\s+interpretation|thanked\s+[\w\s]{1,40}?\s+for\s+(?:making|taking)\s+(?:the\s+)?time)\b",
    re.IGNORECASE,
)
#: `_PROTOCOL` for folded text (`newsguide.fold`): the same matches, three times as fast.
_PROTOCOL_FOLDED = folded(_PROTOCOL.pattern) or _PROTOCOL
#: The gathering whose protocol a sentence reports: naming it says nothing about a theme.
_GATHERING = re.compile(r"(?:talks|meetings?|summits?|sessions?|visits?)", re.IGNORECASE)
_SEPARATOR = r"[\s\-‐‑–]+"
#: The last vocabulary compiled, by its themes' slugs, cues, terms and weights (see `Vocabulary.of`).
_COMPILED: dict[object, Vocabulary] = {}
#: The -ise/-ize spellings that are the same word ("normalisation", "normalization").
_ISE = re.compile(r"i[sz](?=ation|e$|e\b|ed\b|ing\b|es\b)")
#: A dateline opening a report ("BEIJING —", "NEW DELHI, Nov. 3 —"): where it was filed, on no theme.
_DATELINE = re.compile(r"^\W*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,[^—–\n]{0,30})?\s+[—–-]+\s+")
#: The nouns by which an article names again something it introduced: a plan, a deal, a ruling, the women.
#: Each spelling maps to one key, so that "the rulings" points back to "a ruling".
REFERENTS = {
    "plan": "plan",
    "plans": "plan",
    "deal": "deal",
    "agreement": "agreement",
    "accord": "accord",
    "arrangement": "arrangement",
    "settlement": "settlement",
    "compromise": "compromise",
    "pact": "pact",
    "treaty": "treaty",
    "ruling": "ruling",
    "rulings": "ruling",
    "verdict": "verdict",
    "verdicts": "verdict",
    "judgment": "judgment",
    "judgement": "judgment",
    "women": "women",
    "victims": "victims",
    "survivors": "survivors",
    "issue": "issue",
    "matter": "matter",
    "row": "row",
    "dispute": "dispute",
    "statue": "statue",
    "fund": "fund",
    "foundation": "foundation",
    "scheme": "scheme",
    "measures": "measures",
    "restrictions": "restrictions",
    "curbs": "curbs",
    "ban": "ban",
    "boycott": "boycott",
    "campaign": "campaign",
}
_REFERENT = r"(?P<noun>" + "|".join(sorted(REFERENTS, key=lambda n: (-len(n), n))) + r")"
_MENTION = re.compile(rf"\b{_REFERENT}\b(?!\s+(?:party|parties|coalition|bloc|camp)\b)", re.IGNORECASE)
#: A definite noun phrase: "the plan", "the 2015 agreement", "Yoon's plan", "their deal" (at most two words between).
_DEFINITE = re.compile(
    r"\b(?P<det>the|this|that|these|those|its|their|his|her|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){0,2}?"
    rf"{_REFERENT}\b(?!\s+(?:party|parties|coalition|bloc|camp)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ThemeMatch(Compact):
    """One theme of one sentence, with the evidence for it.

    Attributes:
        theme: The theme's slug.
        evidence: The words that triggered it, as written, in order of
            appearance; for a continuation, the cue ("Similarly").
        score: The summed weight of the distinct terms found.
        continued: True when inherited from the previous sentence.
    """

    theme: str
    evidence: tuple[str, ...]
    score: float
    continued: bool = False


@dataclass(frozen=True, slots=True)
class ClassifiedSentence(Compact):
    """A sentence and its themes."""

    sentence: Sentence
    matches: tuple[ThemeMatch, ...] = ()

    @property
    def themes(self) -> tuple[str, ...]:
        """The slugs of the sentence's themes, in theme order."""
        return tuple(match.theme for match in self.matches)

    def match(self, theme: str) -> ThemeMatch | None:
        """The match for one theme, if the sentence is on it."""
        return next((m for m in self.matches if m.theme == theme), None)


@dataclass(frozen=True, slots=True)
class Passage(Compact):
    """A body paragraph with its classified sentences: the unit theme pages quote.

    Attributes:
        article: The article the paragraph belongs to.
        paragraph: The paragraph.
        sentences: Its sentences with their themes.
        themes: The paragraph's themes, in theme order: those of its
            sentences, plus pinned ones, minus excluded ones.
        pinned: Themes added by a `pin` override.
    """

    article: Article
    paragraph: Paragraph
    sentences: tuple[ClassifiedSentence, ...]
    themes: tuple[str, ...]
    pinned: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """The passage's HTML id on theme pages, unique across the site."""
        return f"{self.article.slug}-{self.paragraph.anchor}"

    @property
    def url(self) -> str:
        """The paragraph in context, relative to the site root."""
        return self.article.paragraph_url(self.paragraph)

    def evidence(self, theme: str) -> tuple[str, ...]:
        """Every distinct word that put the paragraph's sentences on a theme."""
        seen: dict[str, str] = {}
        for sentence in self.sentences:
            match = sentence.match(theme)
            for word in match.evidence if match and not match.continued else ():
                seen.setdefault(word.casefold(), word)
        return tuple(seen.values())


@dataclass
class Classification:
    """Every article's passages with their themes, computed once per build."""

    themes: list[Theme]
    articles: dict[str, tuple[Passage, ...]] = field(default_factory=dict)

    def passages(self, article: Article) -> tuple[Passage, ...]:
        """The passages of one article, one per body paragraph."""
        return self.articles.get(article.slug, ())

    def on(self, theme: str) -> list[Passage]:
        """Every passage on a theme, article by article, in order."""
        return [p for passages in self.articles.values() for p in passages if theme in p.themes]

    def other(self) -> list[Passage]:
        """Every passage on no theme."""
        return [p for passages in self.articles.values() for p in passages if not p.themes]

    def related(self, theme: str) -> list[tuple[Theme, int]]:
        """The other themes sharing passages with a theme, with how many, most shared first."""
        counts: Counter[str] = Counter()
        for passage in self.on(theme):
            counts.update(t for t in passage.themes if t != theme)
        order = {t.slug: i for i, t in enumerate(self.themes)}
        return [
            (t, counts[t.slug])
            for t in sorted(self.themes, key=lambda t: (-counts[t.slug], order[t.slug]))
            if counts[t.slug]
        ]


class Vocabulary:
    """Every theme's terms compiled into one regular expression.

    The alternation is written as a trie (terms sharing a beginning share one
    branch, longer continuations tried first), so that the cost of a scan
    hardly grows with the number of terms. A match is mapped back to its term
    through the term's canonical form.
    """

    def __init__(self, themes: list[Theme]) -> None:
        """Compile the vocabularies of these themes."""
        #: Theme slug → its position in display order.
        self.order = {theme.slug: index for index, theme in enumerate(themes)}
        self._cued = {cue: tuple(t.slug for t in themes if cue in t.cues) for t in themes for cue in t.cues}
        self._weights: dict[str, dict[str, float]] = {}
        self._terms: dict[str, str] = {}
        self._keys: dict[str, str] = {}  # words as matched → term, as the same words recur in every article
        for theme in themes:
            for term in theme.vocabulary:
                key = _canonical(term.text)
                self._terms.setdefault(key, " ".join(re.split(_SEPARATOR, term.text.strip())))
                weights = self._weights.setdefault(key, {})
                weights[theme.slug] = max(weights.get(theme.slug, 0.0), term.weight)
        pattern = rf"(?<!\w){_trie([_atoms(key) for key in sorted(self._weights)])}(?!\w)"
        # The expression on each text's fold, faster; with re.IGNORECASE on the text if a term cannot be folded.
        self._folded = folded(pattern) if self._weights else None
        self._regex = re.compile(pattern, re.IGNORECASE) if self._weights and not self._folded else None

    @staticmethod
    def of(themes: list[Theme]) -> Vocabulary:
        """The vocabulary of these themes, compiled once while their terms, weights and cues stay the same.

        `mkdocs serve` builds again after every edit; an article's edit then
        needs the expression compiled for the last build, not a new one.
        """
        key = tuple((t.slug, t.cues, tuple((term.text, term.weight) for term in t.vocabulary)) for t in themes)
        if key not in _COMPILED:
            _COMPILED.clear()  # only the last build's is worth keeping
            _COMPILED[key] = Vocabulary(themes)
        return _COMPILED[key]

    def cued(self, cue: str) -> tuple[str, ...]:
        """The slugs of the themes that take a built-in cue (see `newsguide.themes.CUES`)."""
        return self._cued.get(cue, ())

    def scan(self, text: str) -> list[tuple[str, str, dict[str, float]]]:
        """Find every term in a text, left to right.

        Returns:
            For each match: the words as written, the term (canonical form),
            and its weight for each theme it belongs to.
        """
        if self._folded:
            matches = self._folded.finditer(fold(text))
        elif self._regex:
            matches = self._regex.finditer(text)
        else:
            return []
        found = []
        for match in matches:
            words = text[match.start() : match.end()]
            key = self._keys.get(words)
            if key is None:
                key = self._keys[words] = self._key(words)
            if key:
                found.append((" ".join(words.split()), key, self._weights[key]))
        return found

    def _key(self, words: str) -> str:
        # The term a match is a form of: itself, or its singular.
        key = _canonical(words)
        for plural, singular in (("", ""), ("ies", "y"), ("es", ""), ("s", "")):
            if key.endswith(plural):
                candidate = key[: len(key) - len(plural)] + singular
                if candidate in self._weights:
                    return candidate
        return ""


def classify(articles: list[Article], themes: list[Theme]) -> tuple[Classification, list[Problem]]:
    """Classify every sentence of every article.

    Args:
        articles: The articles, in corpus order.
        themes: The themes, in display order.

    Returns:
        The classification, and a problem for each override that names an
        unknown theme or a paragraph the article does not have.
    """
    vocabulary = Vocabulary.of(themes)
    result = Classification(themes)
    problems: list[Problem] = []
    for article in articles:
        passages, found = classify_article(article, vocabulary)
        result.articles[article.slug] = passages
        problems.extend(found)
    return result, problems


def classify_article(article: Article, vocabulary: Vocabulary) -> tuple[tuple[Passage, ...], list[Problem]]:
    """Classify one article: its passages, one per body paragraph, and the problems of its overrides.

    An article's classification depends on nothing but the article and the
    themes, so it can be kept and reused while neither changes.

    Args:
        article: The article.
        vocabulary: Every theme's vocabulary (`Vocabulary(themes)`, built once per build).
    """
    order = vocabulary.order
    problems: list[Problem] = []
    sentences = _classify_sentences(article, vocabulary, order)
    pins = _check_overrides(article, article.pins, "pin", order, problems)
    excludes = _check_overrides(article, article.excludes, "exclude", order, problems)
    passages = []
    for paragraph, classified in zip(article.body, sentences, strict=True):
        dropped = excludes.get(paragraph.number, set())
        if dropped:
            classified = [
                ClassifiedSentence(s.sentence, tuple(m for m in s.matches if m.theme not in dropped))
                for s in classified
            ]
        found = {t for s in classified for t in s.themes}
        pinned = pins.get(paragraph.number, set()) - dropped
        themes_here = sorted(found | pinned, key=order.__getitem__)
        passages.append(
            Passage(
                article,
                paragraph,
                tuple(classified),
                tuple(themes_here),
                tuple(sorted(pinned - found, key=order.__getitem__)),
            )
        )
    return tuple(passages), problems


def classify_sentence(
    text: str, vocabulary: Vocabulary, order: dict[str, int], year: int | None = None
) -> tuple[ThemeMatch, ...]:
    """The themes one sentence reaches on its own words and cues, in theme order.

    Args:
        text: The sentence.
        vocabulary: Every theme's vocabulary.
        order: Theme slug → display position.
        year: The year of the article's date, if known (for the `past` cue).
    """
    return tuple(m for m in sentence_scores(text, vocabulary, order, year) if m.score >= THRESHOLD)


def sentence_scores(
    text: str, vocabulary: Vocabulary, order: dict[str, int], year: int | None = None, *, cues: bool = True
) -> tuple[ThemeMatch, ...]:
    """Every theme one sentence has any evidence for, with its score (below the threshold too), in theme order.

    Args:
        text: The sentence.
        vocabulary: Every theme's vocabulary.
        order: Theme slug → display position.
        year: The year of the article's date, if known (for the `past` cue).
        cues: False to count the vocabulary alone, without the `past` and `statecraft` cues.
    """
    text = _DATELINE.sub("", text)
    weights: dict[str, dict[str, float]] = {}
    evidence: dict[str, dict[str, str]] = {}
    protocol = _protocol(text)
    for words, term, term_weights in vocabulary.scan(text):
        for theme, weight in term_weights.items():
            if protocol and (weight < THRESHOLD or words.casefold() in protocol or _GATHERING.fullmatch(words)):
                continue  # the sentence reports how a meeting went: its offices, meals and talks are no subject
            weights.setdefault(theme, {})[term] = weight
            evidence.setdefault(theme, {}).setdefault(words.casefold(), words)
    past = vocabulary.cued("past") if cues else ()
    if past:
        cue = past_cue(text, year)
        if cue and not _MILESTONE.match(cue) and not _relational(weights, vocabulary):
            cue = ""  # "since 1996", "for thirty years" tell a firm's or a person's past too: it needs relations
        if cue:
            for theme in past:
                weights.setdefault(theme, {})[" past"] = THRESHOLD
                evidence.setdefault(theme, {}).setdefault(cue.casefold(), cue)
    statecraft = vocabulary.cued("statecraft") if cues else ()
    if statecraft:
        cue = statecraft_cue(text)
        if cue:
            for theme in statecraft:
                weights.setdefault(theme, {})[" statecraft"] = THRESHOLD
                evidence.setdefault(theme, {}).setdefault(cue.casefold(), cue)
    matches = [
        ThemeMatch(theme, tuple(evidence[theme].values()), sum(terms.values())) for theme, terms in weights.items()
    ]
    return tuple(sorted(matches, key=lambda m: order[m.theme]))


def past_cue(text: str, year: int | None = None) -> str:
    """The words by which a sentence tells of the past course of things, or "".

    Args:
        text: The sentence.
        year: The year the article was published; a year named at least
            `PAST_YEARS` before it is a cue ("in 2010", "the 1965 treaty").
    """
    found = _PAST_COURSE.search(text)
    if found:
        return " ".join(found.group("cue").split())
    if year is not None:
        for named in _YEAR.finditer(text):
            if int(named.group("year")) <= year - PAST_YEARS:
                return named.group(0)
    return ""


def statecraft_cue(text: str) -> str:
    """The words by which a sentence shows a government acting toward another, or "".

    A capital, a country or an office that speaks for a state (a ministry,
    officials, a leader) followed in the same clause by what states do to one
    another (urged, protested, pledged, warned, welcomed, called on, …). A
    place named after "in" is where something happened, not who acted. The
    evidence is the actor and the verb, as written: "Tokyo … protested".
    """
    found = _STATECRAFT.search(text)
    if not found:
        return ""
    actor = found.group("actor") or found.group("actor2")
    verb = found.group("verb") or found.group("verb2")
    return " … ".join(" ".join(part.split()) for part in (actor, verb))


def _relational(weights: dict[str, dict[str, float]], vocabulary: Vocabulary) -> bool:
    # Whether a sentence's words hint at relations between states or at the past: the themes taking those cues.
    themes = {*vocabulary.cued("past"), *vocabulary.cued("statecraft")}
    return any(sum(weights.get(theme, {}).values()) >= NEIGHBOUR_THRESHOLD for theme in themes)


def _protocol(text: str) -> str:
    # The words by which a sentence reports the protocol of a meeting (casefolded), or "".
    found = _PROTOCOL_FOLDED.search(fold(text))
    return text[found.start() : found.end()].casefold() if found else ""


def continuation_cue(text: str) -> str:
    """The words by which a sentence says it continues the one before, or ""."""
    found = _OPENING_CUE.match(text) or _INNER_CUE.search(text)
    return " ".join(found.group("cue").split()) if found else ""


def _classify_sentences(
    article: Article, vocabulary: Vocabulary, order: dict[str, int]
) -> list[list[ClassifiedSentence]]:
    # Each paragraph's sentences with their own themes, or their predecessor's when they continue it.
    previous: tuple[ThemeMatch, ...] = ()
    paragraphs = []
    year = article.date.year if article.date else None
    headline = headline_themes(article, vocabulary, order)
    referents = _Referents(vocabulary, order)
    referents.introduce(f"{article.title}. {article.standfirst}")
    article_scores = []
    for paragraph in article.body:
        scores = []
        for sentence in paragraph.sentences:
            scores.append(referents.resolve(sentence.text, sentence_scores(sentence.text, vocabulary, order, year)))
            referents.introduce(sentence.text)
        article_scores.append(scores)
    subject = _subject(article_scores, vocabulary)
    for paragraph, scores in zip(article.body, article_scores, strict=True):
        classified = []
        own = [{m.theme for m in found if m.score >= THRESHOLD} for found in scores]
        for index, sentence in enumerate(paragraph.sentences):
            if index == 0 and signpost(sentence.text, len(paragraph.sentences)):
                classified.append(ClassifiedSentence(sentence))
                previous = ()
                continue
            near = own[index - 1] if index else set()
            near = near | (own[index + 1] if index + 1 < len(own) else set()) | headline
            cue = "" if own[index] else continuation_cue(sentence.text)
            if cue:  # it says it continues the sentence before: its strongest themes, not its own weak hints
                top = max((m.score for m in previous), default=0.0)
                matches = tuple(ThemeMatch(m.theme, (cue,), m.score, True) for m in previous if m.score == top)
            else:
                matches = tuple(
                    m
                    for m in scores[index]
                    if m.score >= THRESHOLD or (m.score >= NEIGHBOUR_THRESHOLD and m.theme in near)
                )
                if not matches and not _protocol(sentence.text):  # the protocol of a meeting stays on no theme
                    matches = _paragraph_subject(own, index, order) or subject
            classified.append(ClassifiedSentence(sentence, matches))
            previous = matches
        paragraphs.append(classified)
    return paragraphs


class _Referents:
    """What the things an article has introduced are about, for the `reference` cue.

    A thing is introduced by the first sentence (the title and standfirst
    first) that names it with one of the `REFERENTS` nouns, and again by any
    later sentence that names it without a definite article or possessive ("a
    plan", "plans to"); "the plan" or "Yoon's plan" refers back to the latest
    introduction. What it is about is the introducing sentence's strongest
    theme(s) by its own words, cues aside.
    """

    def __init__(self, vocabulary: Vocabulary, order: dict[str, int]) -> None:
        self.vocabulary = vocabulary
        self.order = order
        self.cued = set(vocabulary.cued("reference"))
        self.about: dict[str, tuple[str, ...]] = {}  # noun key → the themes of its latest introduction

    def introduce(self, text: str) -> None:
        """Record the things a sentence introduces (nothing when no theme takes the cue)."""
        if not self.cued:
            return
        definite = {found.start("noun") for found in _DEFINITE.finditer(text)}
        keys = {
            REFERENTS[found.group("noun").casefold()]
            for found in _MENTION.finditer(text)
            if found.start("noun") not in definite or REFERENTS[found.group("noun").casefold()] not in self.about
        }
        if not keys:
            return
        scores = [m for m in sentence_scores(text, self.vocabulary, self.order, cues=False) if m.score >= THRESHOLD]
        top = max((m.score for m in scores), default=0.0)
        themes = tuple(m.theme for m in scores if m.score == top)
        for key in keys:
            self.about[key] = themes

    def resolve(self, text: str, scores: tuple[ThemeMatch, ...]) -> tuple[ThemeMatch, ...]:
        """A sentence's scores with its references back: "the plan" counts for what the plan is about."""
        if not self.cued:
            return scores
        added: dict[str, str] = {}
        for found in _DEFINITE.finditer(text):
            for theme in self.about.get(REFERENTS[found.group("noun").casefold()], ()):
                if theme in self.cued:
                    added.setdefault(theme, " ".join(found.group(0).split()))
        if not added:
            return scores
        matches = {m.theme: m for m in scores}
        for theme, words in added.items():
            match = matches.get(theme)
            if match is None:
                matches[theme] = ThemeMatch(theme, (words,), THRESHOLD)
            elif words.casefold() not in {w.casefold() for w in match.evidence}:
                matches[theme] = ThemeMatch(theme, (*match.evidence, words), match.score + THRESHOLD)
        return tuple(sorted(matches.values(), key=lambda m: self.order[m.theme]))


def headline_themes(article: Article, vocabulary: Vocabulary, order: dict[str, int]) -> set[str]:
    """The themes taking the `headline` cue that the article's title and standfirst reach on their own words."""
    cued = set(vocabulary.cued("headline"))
    if not cued:
        return set()
    headline = f"{article.title}. {article.standfirst}"
    return {m.theme for m in classify_sentence(headline, vocabulary, order) if m.theme in cued}


def _subject(article_scores: list[list[tuple[ThemeMatch, ...]]], vocabulary: Vocabulary) -> tuple[ThemeMatch, ...]:
    # The themes taking the `subject` cue that at least SUBJECT_SHARE of the article's sentences are on by their words.
    cued = vocabulary.cued("subject")
    sentences = [found for scores in article_scores for found in scores]
    if not cued or not sentences:
        return ()
    on = Counter(m.theme for found in sentences for m in found if m.score >= THRESHOLD)
    share = SUBJECT_SHARE * len(sentences)
    return tuple(ThemeMatch(theme, (SUBJECT_CUE,), 0.0, True) for theme in cued if on[theme] >= share)


def signpost(text: str, sentences: int) -> bool:
    """Whether a paragraph's first sentence is a short question the rest of the paragraph answers ("Why now?").

    An explainer's question stands for a heading: it says what comes, not what happened, and is on no theme.

    Args:
        text: The sentence.
        sentences: How many sentences its paragraph has.
    """
    return sentences > 1 and text.rstrip().endswith("?") and len(text.split()) <= SIGNPOST_WORDS


def _paragraph_subject(own: list[set[str]], index: int, order: dict[str, int]) -> tuple[ThemeMatch, ...]:
    # A sentence with nothing of its own shares the themes every other sentence of its paragraph is on.
    others = [themes for number, themes in enumerate(own) if number != index]
    if len(others) < PARAGRAPH_SENTENCES - 1:
        return ()
    shared = set.intersection(*others)
    return tuple(ThemeMatch(theme, (PARAGRAPH_CUE,), 0.0, True) for theme in sorted(shared, key=order.__getitem__))


def _check_overrides(
    article: Article,
    overrides: dict[int, tuple[str, ...]],
    name: str,
    order: dict[str, int],
    problems: list[Problem],
) -> dict[int, set[str]]:
    # Keep the override entries that name a real paragraph and real themes; report the others.
    where = article.source if article.markdown else PurePosixPath(article.source).with_suffix(".yml")
    checked: dict[int, set[str]] = {}
    for number, slugs in sorted(overrides.items()):
        if number > len(article.body):
            problems.append(
                Problem(
                    where.as_posix(),
                    f"paragraph {number} does not exist: the article has {len(article.body)} body paragraphs.",
                    "Number paragraphs as on the article page (¶ links #p1, #p2, …).",
                    field=name,
                )
            )
            continue
        unknown = [slug for slug in slugs if slug not in order]
        if unknown:
            problems.append(
                Problem(
                    where.as_posix(),
                    f"paragraph {number}: no theme is called {', '.join(repr(s) for s in unknown)}.",
                    f"{did_you_mean(unknown[0], order)}Use theme slugs (file names in docs/themes/): "
                    f"{', '.join(order)}.",
                    field=name,
                )
            )
        checked[number] = {slug for slug in slugs if slug in order}
    return checked


def _canonical(term: str) -> str:
    # A term's canonical form: lower case, words separated by single spaces, -ize spellings.
    words = " ".join(w for w in re.split(_SEPARATOR, term.casefold().strip()) if w)
    return _ISE.sub("iz", words)


def _atoms(key: str) -> list[str]:
    # A canonical term as regular-expression pieces: one per letter, separator, spelling or plural variant.
    words = key.split(" ")
    atoms: list[str] = []
    for number, word in enumerate(words):
        if number:
            atoms.append(_SEPARATOR)
        last = number == len(words) - 1
        stem, ending = word, ""
        if last and len(word) > 2 and re.fullmatch(r".*[^aeiou]y", word):
            stem, ending = word[:-1], "(?:y|ies)"
        elif last and re.search(r"(?:s|x|z|ch|sh)$", word):
            ending = "(?:es)?"
        elif last and re.search(r"[^\W\d_]$", word):
            ending = "s?"
        position = 0
        for spelling in _ISE.finditer(stem):
            atoms.extend(re.escape(c) for c in stem[position : spelling.start()])
            atoms.append("i[sz]")
            position = spelling.end()
        atoms.extend(re.escape(c) for c in stem[position:])
        if ending:
            atoms.append(ending)
    return atoms


def _trie(terms: list[list[str]]) -> str:
    # One alternation for all terms, factored as a trie, each branch trying its longest continuation first.
    root: dict[str, Any] = {}
    for atoms in terms:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}

    depths: dict[int, int] = {}  # node id → depth, each node measured once

    def depth(node: dict[str, Any]) -> int:
        if id(node) not in depths:
            depths[id(node)] = 1 + max((depth(child) for child in node.values()), default=0)
        return depths[id(node)]

    def emit(node: dict[str, Any]) -> str:
        branches = [
            atom + emit(node[atom]) for atom in sorted((a for a in node if a), key=lambda a: (-depth(node[a]), a))
        ]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return emit(root)
