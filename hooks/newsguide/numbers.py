"""Shared vocabulary for reading numbers in running text.

Key figures and the timeline both need to read "six", "40", "1.2" or "a
dozen" as numbers, and to know a qualifier such as "nearly" or "more than"
from the number it qualifies. The words are English grammar, not facts from
any article.
"""

from __future__ import annotations

import re

#: Spelled-out cardinal numbers and their values.
NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS |= {"a dozen": 12, "a hundred": 100, "a couple of": 2, "a few": 3}

#: A number written in digits (with thousands separators or decimals) or in words.
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    r"|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|a dozen|a hundred|a couple of|a few)"
)

#: Words that say a number is approximate or a bound.
QUALIFIER = (
    r"(?:(?:more|fewer|less)\s+than|nearly|almost|about|around|approximately|roughly|some|over|under"
    r"|up\s+to|at\s+least|at\s+most|close\s+to|just\s+over|just\s+under|well\s+over)"
)

#: Scale words that multiply a number.
SCALE = r"(?:trillion|billion|million|thousand|hundred|tn|bn|mn|m|k)\b"

_COMPOUND = re.compile(r"^(\w+)[- ](\w+)$")


def number_value(words: str) -> float | None:
    """The value of a number as written (`"40"`, `"1,200"`, `"six"`, `"twenty-five"`), or None."""
    words = words.strip().lower()
    try:
        return float(words.replace(",", ""))
    except ValueError:
        pass
    if words in NUMBER_WORDS:
        return float(NUMBER_WORDS[words])
    compound = _COMPOUND.match(words)
    if compound and compound.group(1) in NUMBER_WORDS and compound.group(2) in NUMBER_WORDS:
        return float(NUMBER_WORDS[compound.group(1)] + NUMBER_WORDS[compound.group(2)])
    return None
