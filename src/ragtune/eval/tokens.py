"""Accuracy tokens: the one normal form in which gold answers and predictions are compared.

Accents folded, lower case, articles dropped; dates as `year month day` ("March 5, 2021" =
"2021-03-05"); numbers without thousands separators or leading zeros, number words as digits
("twelve" = "12", "forty-six" = "46", "five hundred and forty-one" = "541"); a dotted number (a version, a decimal) is one token compared digit for digit
("1.20.0" != "1.2.0", "3.10" != "3.1") with trailing zero segments dropped as PEP 440 pads them
("1.2.0" = "1.2", "3.0" = "3"); a unit written out after its number is its symbol
("610 metres" = "610 m"). Used by the answer checks (`metrics`) and by the QA-file
validator (`qa`: an item's gold answer must be one of its options); imports nothing of ragtune.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Sequence

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_DATE_PATTERNS = [
    (re.compile(r"\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+(\d{{4}})\b", re.I), ("M", "d", "y")),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b", re.I), ("d", "M", "y")),
    (re.compile(rf"\b{_MONTH},?\s+(\d{{4}})\b", re.I), ("M", "y")),
]
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update(
    {
        w: str(10 * i)
        for i, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)
    }
)
# a number written in several words is its digits ("forty-six" = "46", "five hundred and
# forty-one" = "541"); a run that is no one number ("one two three") stays as it is
_SCALES = {"hundred": 100, "thousand": 1000}
_WORDED_RUN = re.compile(
    rf"\b(?:{'|'.join(_NUMBER_WORDS)}|hundred|thousand)"
    rf"(?:(?:\s*-\s*|\s+|\s+and\s+)(?:{'|'.join(_NUMBER_WORDS)}|hundred|thousand))+\b",
    re.I,
)


def _worded_number(run: str) -> str | None:
    """The digits of a run of number words that writes one number; None otherwise."""
    words = [w for w in re.split(r"[\s-]+", run.lower()) if w]
    total, part, last = 0, 0, ""  # last: "unit", "tens", "teen", "hundred", "thousand", "and"
    for w in words:
        if w == "and":
            if last != "hundred" and last != "thousand":
                return None
            last = "and"
            continue
        if w in _SCALES:
            if last not in ("unit", "tens", "teen") or w == "hundred" and part >= 100:
                return None
            if w == "hundred":
                part *= 100
            else:
                total, part = total + part * 1000, 0
            last = w
            continue
        v = int(_NUMBER_WORDS[w])
        kind = "tens" if v >= 20 else "teen" if v >= 10 else "unit"
        if last in ("unit", "teen") or last == "tens" and kind != "unit" or v == 0:
            return None  # ("one two", "twenty thirty", "zero ...": a list, no number)
        part += v
        last = kind
    if last == "and" or len(words) < 2:
        return None
    return str(total + part)


def _worded_numbers(text: str) -> str:
    return _WORDED_RUN.sub(lambda m: n if (n := _worded_number(m.group())) is not None else m.group(), text)


# a dotted number is one token ("1.20.0", "3.5", "2026.10.19.post1"); a version suffix
# needs its digits ("1.0rc1"), so "2.5b" stays the number 2.5 and the word b
_TOKEN = re.compile(
    r"\d+(?:\.\d+)+(?:[-.]?(?:post|dev|rc|alpha|beta|a|b)\d+)*|\d+|[^\W\d_]+|(?P<sep>[,;/&|])",
    re.UNICODE,
)
# a currency symbol before an amount is its ISO code ("£90" = "GBP 90"; "US$" and "$" = USD)
_CURRENCY_CODES = {"£": "GBP", "€": "EUR", "$": "USD", "US$": "USD"}
_CURRENCY = re.compile(r"(US\$|[£€$])\s?(?=\d)")
# a currency's name after an amount is its code before it ("11,400 pounds" = "GBP 11,400")
_CURRENCY_NAMES = {"pound": "GBP", "pounds": "GBP", "euro": "EUR", "euros": "EUR"}
# a measure's unit written out is its symbol, in either spelling ("610 meters" = "610 m")
_UNIT_SYMBOLS = {
    **dict.fromkeys(("metre", "metres", "meter", "meters"), "m"),
    **dict.fromkeys(("kilometre", "kilometres", "kilometer", "kilometers"), "km"),
    **dict.fromkeys(("centimetre", "centimetres", "centimeter", "centimeters"), "cm"),
    **dict.fromkeys(("millimetre", "millimetres", "millimeter", "millimeters"), "mm"),
    **dict.fromkeys(("kilogram", "kilograms", "kilogramme", "kilogrammes", "kgs"), "kg"),
    **dict.fromkeys(("gram", "grams", "gramme", "grammes"), "g"),
    **dict.fromkeys(("litre", "litres", "liter", "liters"), "l"),
    **dict.fromkeys(("millilitre", "millilitres", "milliliter", "milliliters"), "ml"),
    **dict.fromkeys(("hectare", "hectares"), "ha"),
}
# (in digits or in words: "ten pounds" = "10 pounds" = "GBP 10")
_CURRENCY_AFTER = re.compile(rf"(?<![\w.])(\d[\d,]*(?:\.\d+)?|{'|'.join(_NUMBER_WORDS)})\s?(pounds?|euros?)\b"
                             r"(?!\s+(?:of|in\s+weight)\b)", re.I)
_THOUSANDS = re.compile(r"(?<=\d)[,\u202f\u00a0'](?=\d{3}(?!\d))")
_SUFFIX = re.compile(r"[-.]?(?:post|dev|rc|alpha|beta|a|b)\d+.*$")
SEPARATOR = ","  # the token `_tokens(..., separators=True)` emits for , ; |
_SEP_TOKENS = {",": SEPARATOR, ";": SEPARATOR, "|": SEPARATOR, "/": "/", "&": "&"}


def _date_sub(order: tuple[str, ...]):
    def sub(m: re.Match) -> str:
        parts = dict(zip(order, m.groups()))
        month = _MONTHS[parts["M"].lower()] if "M" in parts else int(parts["m"])
        if not 1 <= month <= 12:
            return m.group()
        out = [str(int(parts["y"])), str(month)]
        if "d" in parts:
            out.append(str(int(parts["d"])))
        return " " + " ".join(out) + " "

    return sub


def _canonical_number(token: str) -> str:
    """Integers without leading zeros; dotted numbers digit for digit after the first
    segment, with trailing zero segments dropped (PEP 440 padding): "007" -> "7",
    "1.2.0" -> "1.2", "1.20.0" -> "1.20", "3.0" -> "3", "12.50" -> "12.50"."""
    m = _SUFFIX.search(token)
    suffix = m.group() if m else ""
    segments = token[: len(token) - len(suffix)].split(".")
    segments[0] = str(int(segments[0]))
    if not suffix:
        while len(segments) > 1 and int(segments[-1]) == 0:
            segments.pop()
    return ".".join(segments) + suffix


def _tokens(text: str, separators: bool = False) -> list[tuple[str, bool]]:
    """(token, written with a capital or digit first) pairs; see `answer_tokens`. With
    `separators`, list punctuation (, ; / & |) comes back as SEPARATOR tokens."""
    return [(t, c) for t, c, _ in spaced_tokens(text, separators)]


def spaced_tokens(text: str, separators: bool = False) -> list[tuple[str, bool, str]]:
    """`_tokens` with what stands between each token and the one before it ("" when glued, as
    "3" and "S" in "3S"; " " between words; ". " after a sentence; a dropped article counts)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _worded_numbers(text)
    text = _CURRENCY.sub(lambda m: f" {_CURRENCY_CODES[m.group(1)]} ", text)
    text = _CURRENCY_AFTER.sub(lambda m: f" {_CURRENCY_NAMES[m.group(2).lower()]} {m.group(1)} ", text)
    for pattern, order in _DATE_PATTERNS:
        text = pattern.sub(_date_sub(order), text)
    text = _THOUSANDS.sub("", text)
    out = []
    last = 0  # where the last token kept ended
    for m in _TOKEN.finditer(text):
        gap = text[last : m.start()]
        if m.group("sep"):
            if separators:
                out.append((_SEP_TOKENS[m.group("sep")], False, gap))
                last = m.end()
            continue
        raw = m.group()
        tok = raw.lower()
        if tok in ("a", "an", "the"):
            continue
        tok = _NUMBER_WORDS.get(tok, tok)
        if tok[0].isdecimal():  # not isdigit(): "⓵" is a digit that int() cannot read
            tok = _canonical_number(tok)
        elif out and out[-1][0][0].isdecimal():  # a unit after its number: "610 metres" = "610 m"
            tok = _UNIT_SYMBOLS.get(tok, tok)
        out.append((tok, raw[0].isupper() or raw[0].isdigit(), gap))
        last = m.end()
    return out


def answer_tokens(text: str) -> list[str]:
    """Tokens for accuracy: accents folded, lower case, dates as `year month day`, numbers
    without separators or leading zeros, number words as digits, articles dropped; a dotted
    number (a version, a decimal) is one token compared digit for digit ("1.20.0" != "1.2.0")
    with trailing zero segments dropped ("1.2.0" = "1.2")."""
    return [t for t, _ in _tokens(text)]


def _find(hay: Sequence[str], needle: Sequence[str], start: int = 0) -> int:
    """Index of the first whole-token occurrence of `needle` in `hay` at or after `start`."""
    n = len(needle)
    if n == 0:
        return -1
    for i in range(start, len(hay) - n + 1):
        if list(hay[i : i + n]) == list(needle):
            return i
    return -1


def contains_tokens(hay: Sequence[str], needle: Sequence[str]) -> bool:
    """Does `needle` occur as a whole-token run in `hay` (both from `answer_tokens`)?"""
    return _find(hay, needle) >= 0


def _occurrences(hay: Sequence[str], needle: Sequence[str]) -> list[int]:
    found, i = [], _find(hay, needle)
    while i >= 0:
        found.append(i)
        i = _find(hay, needle, i + 1)
    return found
