"""Typed values in text: dates, times, versions and numbers with their units, compared as what
they are ("1.20.0" > "1.3.0", "2 years" > "20 months", "31 March 2024" < "2024-06-30").

Each value keeps where it was found, so a caller can tie it to the relation a question asks
about (the words around it) rather than taking the first number of a sentence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ragtune.strategies.common import STOPWORDS
from ragtune.strategies.question import DATE, VERSION, YEAR, stem

_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for m in names}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")s?\b", re.I)
_TIME = re.compile(r"\b(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*[ap]\.?m\.?)?(?!\d|\.\d)|\b(?:1[0-2]|[1-9])\s*[ap]\.?m\.?(?!\w)"
                   # (a clock time with a full stop is one with "am" or "pm" after it: "10.30 am")
                   r"|\b(?:1[0-2]|0?[1-9])\.[0-5]\d\s*[ap]\.?m\.?(?!\w)"
                   # (or one said to be when something happened: "at about 10.20 on the morning of")
                   r"|(?:(?<=\bat\s)|(?<=\babout\s)|(?<=\baround\s))(?:[01]?\d|2[0-3])\.[0-5]\d(?=\s+(?:on|in|that|this)\s)",
                   re.I)
_CURRENCY = {"eur": "eur", "euro": "eur", "euros": "eur", "€": "eur", "usd": "usd", "$": "usd",
             "dollar": "usd", "dollars": "usd", "gbp": "gbp", "£": "gbp", "pound": "gbp",
             "pounds": "gbp", "chf": "chf", "jpy": "jpy", "¥": "jpy", "yen": "jpy"}
_CUR_WORDS = r"EUR|USD|GBP|CHF|JPY|€|\$|£|¥"
CURRENCY_WORDS = frozenset(_CURRENCY)  # "gbp", "£", "euros": words that name a currency
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_TENS = {w: 30 + 10 * i for i, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split())}
_NUMBER_WORDS.update(_TENS)
# "forty-five": a ten and a unit, one number
_TENS_AND_UNIT = r"(?:twenty|" + "|".join(_TENS) + r")-(?:one|two|three|four|five|six|seven|eight|nine)"
# "five hundred and forty-one", "two thousand and six": a number in words of several words
_UP_TO_99 = rf"(?:{_TENS_AND_UNIT}|{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})"
_HUNDREDS = rf"(?:one|two|three|four|five|six|seven|eight|nine)[ \t]+hundred(?:[ \t]+and[ \t]+{_UP_TO_99}\b)?"
_WORDS_COMPOUND = rf"(?:{_UP_TO_99}[ \t]+thousand(?:,?[ \t]+{_HUNDREDS}|[ \t]+and[ \t]+{_UP_TO_99}\b)?|{_HUNDREDS})"
_NUMBER = re.compile(
    rf"(?:(?P<cur>{_CUR_WORDS})(?:[ \t]{{1,12}}|\s)?)?(?<![\w.])(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"
    rf"|{_WORDS_COMPOUND}\b|{_TENS_AND_UNIT}\b|(?:{'|'.join(_NUMBER_WORDS)})\b)(?P<mag>(?-i:[kKM])(?![\w.]))?(?P<pct>\s?%)?(?:[ \t\u00a0-](?P<unit>[A-Za-z€$£¥][\w/]*))?",
    re.I,
)
# units compared across each other (a scale to a common base)
_SCALE = {
    "second": ("time", 1 / 86400), "sec": ("time", 1 / 86400), "s": ("time", 1 / 86400),
    "minute": ("time", 1 / 1440), "min": ("time", 1 / 1440), "hour": ("time", 1 / 24),
    "h": ("time", 1 / 24), "hr": ("time", 1 / 24), "day": ("time", 1.0), "week": ("time", 7.0),
    "month": ("time", 30.44), "year": ("time", 365.25), "yr": ("time", 365.25),
    "mm": ("length", 0.001), "cm": ("length", 0.01), "m": ("length", 1.0), "metre": ("length", 1.0),
    "meter": ("length", 1.0), "km": ("length", 1000.0), "g": ("mass", 0.001),
    "gram": ("mass", 0.001), "kg": ("mass", 1.0), "kilogram": ("mass", 1.0), "kilo": ("mass", 1.0), "t": ("mass", 1000.0),
    "tonne": ("mass", 1000.0), "kb": ("bytes", 1e3), "mb": ("bytes", 1e6), "gb": ("bytes", 1e9),
    "tb": ("bytes", 1e12), "byte": ("bytes", 1.0), "kib": ("bytes", 1024.0), "mib": ("bytes", 1024.0 ** 2),
    "gib": ("bytes", 1024.0 ** 3), "tib": ("bytes", 1024.0 ** 4), "kilometre": ("length", 1000.0),
    "kilometer": ("length", 1000.0), "millisecond": ("time", 1 / 86400000), "ms": ("time", 1 / 86400000),
    "degre": ("temperature", 1.0),
    # imperial lengths and weights ("miles" is cut to "mil" as "degrees" to "degre")
    "mile": ("length", 1609.344), "mil": ("length", 1609.344), "yard": ("length", 0.9144), "yd": ("length", 0.9144),
    "foot": ("length", 0.3048), "feet": ("length", 0.3048), "ft": ("length", 0.3048), "inch": ("length", 0.0254),
    "lb": ("mass", 0.45359237), "oz": ("mass", 0.028349523),
}
_MULTIPLIER = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# only whitespace, list marks or heading marks between the line start and a number
_ENUMERATOR = re.compile(r"(?:^|\n)[ \t#*>(-]*$")


_UNIT_WORDS = {"mbps", "kbps", "gbps", "ghz", "mhz", "khz", "hz", "kwh", "wh", "mah", "rpm", "fps",
               "dpi", "ppm", "db", "mb", "gb", "kb", "tb"}
_NOT_UNITS = {"per", "each", "every", "times", "more", "less", "than", "and", "or", "to", "plus",
              "minus", "out", "up", "down", "off", "so", "still", "only", "just", "new", "old"}


@dataclass
class Value:
    text: str  # as written: "EUR 400", "14 months", "2024-06-30", "5.0.0"
    kind: str  # "date", "time", "weekday", "version", "number"
    key: tuple  # comparable within a kind (and, for numbers, a dimension)
    unit: str  # normalised unit ("month", "eur", "%", "kg") or ""
    start: int
    end: int

    @property
    def dimension(self) -> str:
        if self.kind != "number":
            return self.kind
        if self.unit in _SCALE:
            return _SCALE[self.unit][0]
        return self.unit

    def comparable(self, other: "Value") -> bool:
        if self.kind != other.kind:
            return {self.kind, other.kind} <= {"date"}
        if self.kind == "date" and len(self.key) == len(other.key) == 3 and (self.key[0] == 0) != (other.key[0] == 0):
            return False  # "4 December" (no year) is not before or after 1908
        if self.kind == "number":
            return self.dimension == other.dimension or not (self.unit and other.unit)
        return True


def _date_key(text: str) -> tuple | None:
    t = text.lower().replace(",", " ").replace(".", " ")
    m = re.fullmatch(r"\s*(\d{4})-(\d{2})-(\d{2})\s*", t)
    if m:
        return (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    year = re.search(r"\b(\d{4})\b", t)
    month = next((v for k, v in _MONTHS.items() if re.search(rf"\b{k}\b", t)), None)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", " ", t))
    if year is None and month is None:
        return None
    return (int(year.group(1)) if year else 0, month or 0, int(day.group(1)) if day and month else 0)


def version_key(text: str) -> tuple:
    parts = re.findall(r"\d+", text.split("-")[0].split("+")[0])
    return tuple(int(p) for p in parts[:4]) + (0,) * (4 - min(4, len(parts)))


# a field's label before its value, its last word a unit when it names one ("price eur: ",
# "Award (EUR): ")
_FIELD_LABEL = re.compile(r"(?<![\w-])(?:([A-Za-z€$£¥]+)[ \t]+)?\(?([A-Za-z€$£¥][\w-]*)\)?:[ \t]*$")
# the words of a record's next field label, up to its colon ("investors:", "min investment eur:")
_NEXT_LABEL = re.compile(r"[ \t]+(?:[A-Za-z][\w()/-]*[ \t]+){0,3}?[A-Za-z][\w()/-]*:")


def _unit(word: str | None) -> str:
    if not word:
        return ""
    low = word.lower().strip(".")
    if low in _CURRENCY:
        return _CURRENCY[low]
    if low in ("percent", "per cent", "pct"):
        return "%"
    if re.fullmatch(r"[ckm]?m[23\u00b2\u00b3]", word.strip(".")):  # "90 m³", "640 m2": a volume, an
        # area ("2 M2 slots" counts slots)
        return low.replace("\u00b2", "2").replace("\u00b3", "3")
    if re.fullmatch(r"[A-Z][a-z]{2,}", word) and low not in _SCALE and low not in _UNIT_WORDS:
        return ""  # "240 Acme loggers": a capitalised word after a number starts a name
    if low in STOPWORDS or low in _NOT_UNITS or not re.fullmatch(r"[a-z€$£¥][a-z/]*", low):
        return ""
    s = stem(low)
    if s not in _SCALE and low.endswith("s") and low[:-1] in _SCALE:
        s = low[:-1]  # "minutes" is minutes (the stemmer's "minut" is no unit)
    return {"metres": "m", "meters": "m", "mins": "min", "secs": "sec", "hrs": "hr"}.get(low, s)


_FILE_PATH = re.compile(r"(?<![\w:/.])(?:/[\w.+-]+){2,}/?")
# a document's slug names it ("2026-02-band-room-flood", "0007-move-the-queue-to-disk"): its
# numbers date or number the document, they state no value
# a code whose number follows a hyphen ("PD-02", "dn26-04", "HB-13"): an identifier, no figure
# (not "pre-2020" or "top-10": lower-case words before a number of no leading zero)
_CODE_NUMBERED = re.compile(r"(?<![\w.-])([A-Za-z][A-Za-z\d]*)-(\d+)(?![\w.-]*\w)")
_SLUG = re.compile(r"(?<![\w./-])(?:\d{4}-\d{2}(?:-\d{2})?(?:-[a-z][a-z0-9]*)+|\d+(?:-[a-z][a-z0-9]*){3,})(?![\w/-])")
# "version 2" ends a heading, or a verb or a capitalised word follows ("Version 2 was
# approved"); "release 3 tickets" is a count
_VERSION_NUMBER = re.compile(r"\b(?:version|release)\s*:?\s*[\"']?(\d{1,4})(?![\w.,:/-]*\d|\s*%|"
                             r"[ \t]*(?!(?:was|is|were|are|has|had|and|or|in|on|at|from|to)\b)(?-i:[a-z]))", re.I)
# a year before 1500 (`YEAR` starts there): only after a word that dates ("in", "of", "since")
# and before no noun ("of 1253 members" counts members)
_OLD_YEAR = re.compile(r"\b(?:in|of|since|from|until|till|by|about|around|circa|c\.)\s(1[0-4]\d\d)(?![\d,.]\d)"
                       r"(?=\s*(?:[.,;:)]|$)|\s+(?:and|to|until|when|by|the|it|they|he|she|we|was|were)\b)")
_SPLIT_YEAR = re.compile(r"(?<![\w.,/-])(1[5-9]\d\d|20\d\d)[/\u2013-](\d\d)(?![\w/-]|[.,]\d)")
YEAR_RANGE = re.compile(r"(?<![\w.,-])(1[5-9]\d\d|20\d\d)\s?[-\u2013]\s?(1[5-9]\d\d|20\d\d)(?![\w-]|[.,]\d)")


_CODE_POINT = re.compile(r"(?<![\w+])U\+([0-9A-F]{4,6})(?![\w+])")


_PENCE_WORD = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven)pence\b", re.I)


# a power written with a caret: "2^108", "10^6"
_POWER = re.compile(r"(?<![\w.^])(\d{1,3})\^(\d{1,3})(?![\w.^])")


def extract_values(text: str, name_spans: list[tuple[int, int]] | None = None) -> list[Value]:
    """Every typed value in `text`, left to right, without overlaps. Numbers inside a name
    (`name_spans`, e.g. a product called "Model 3") are not values."""
    taken: list[tuple[int, int]] = list(name_spans or [])
    # a file's path holds directory names, not values ("/usr/lib/perl/5.36.0/Foo.pm")
    taken += [m.span() for m in _FILE_PATH.finditer(text)]
    taken += [m.span() for m in _SLUG.finditer(text)]
    taken += [m.span() for m in _CODE_NUMBERED.finditer(text)
              if re.search(r"[A-Z\d]", m.group(1)) or m.group(2).startswith("0")]
    out: list[Value] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(v: Value) -> None:
        if free(v.start, v.end):
            out.append(v)
            taken.append((v.start, v.end))

    for m in _POWER.finditer(text):  # "2^108": one number, not a 2 and a 108
        if int(m.group(2)) * math.log10(max(2, int(m.group(1)))) < 300:  # (a float holds it)
            add(Value(m.group(0), "number", (float(int(m.group(1)) ** int(m.group(2))),), "", m.start(), m.end()))
    for m in _CODE_POINT.finditer(text):  # "U+FF18": a character's number, written in hexadecimal
        add(Value(m.group(0), "number", (float(int(m.group(1), 16)),), "", m.start(), m.end()))
    for m in DATE.finditer(text):
        key = _date_key(m.group(0))
        if key:
            add(Value(m.group(0), "date", key, "", m.start(), m.end()))
    for m in _TIME.finditer(text):
        add(Value(m.group(0), "time", _time_key(m.group(0)), "", m.start(), m.end()))
    for m in VERSION.finditer(text):
        dots = m.group(0).count(".")
        after = text[m.end(): m.end() + 12]
        before = text[max(0, m.start() - 24): m.start()]
        packaged = re.search(r"^\d+:|-\d+(?:\+|$)|p\d|\+deb", m.group(0)) is not None \
            and not _is_unit_next(after)  # an epoch, a revision; "3.5-4 EUR" is a range of prices
        # ("5.010_001": a Perl-style version; "| Build version | 3.141": a table's version cell)
        versionish = dots >= 2 or packaged or "_" in m.group(0) or m.group(0).lower().startswith("v") or (
            re.search(r"(?:(?i:version|release)|\bv)\s*[:=]?\s*$|\|\s*(?:[\w-]+\s+){0,2}(?:version|release)\s*\|\s*$"
                      r"|\b[A-Za-z]*[A-Z][\w.]*\s$", before) is not None
            and not _is_unit_next(after)) or (
            # a requirement's bound (">=3.8", "<3.13", "~=1.4"): a version, not a quantity
            re.search(r"(?:[<>=!~]=|[<>\u2264\u2265])\s?$", before) is not None and not _is_unit_next(after))
        if versionish and not re.search(rf"(?:{_CUR_WORDS})\s?$", text[max(0, m.start() - 5): m.start()], re.I):
            add(Value(m.group(0), "version", version_key(m.group(0)), "", m.start(), m.end()))
    for m in _VERSION_NUMBER.finditer(text):  # "at artifact version 39", "release: 17": a version
        add(Value(m.group(1), "version", version_key(m.group(1)), "", m.start(1), m.end(1)))
    for m in _SPLIT_YEAR.finditer(text):  # "2026/27", "2025-26": one financial year, no "27"
        if int(m.group(2)) == (int(m.group(1)) + 1) % 100:
            add(Value(m.group(0), "date", (int(m.group(1)), 0, 0), "", m.start(), m.end()))
    for m in YEAR.finditer(text):
        if _is_unit_next(text[m.end(1): m.end(1) + 12]):
            continue  # "1598 KiB", "2000 km": a quantity with its unit, no year
        add(Value(m.group(1), "date", (int(m.group(1)), 0, 0), "", m.start(1), m.end(1)))
    for m in _OLD_YEAR.finditer(text):  # "its market charter of 1253", "founded in 1066": a year
        add(Value(m.group(1), "date", (int(m.group(1)), 0, 0), "", m.start(1), m.end(1)))
    for m in YEAR_RANGE.finditer(text):  # "2014-2016": two years, not a code
        after = re.match(r"\s+([A-Za-z]+)", text[m.end():])
        if after and _unit(after.group(1)):
            continue  # "1500-2000 words": a range of a quantity
        if int(m.group(1)) < int(m.group(2)):
            for g in (1, 2):
                add(Value(m.group(g), "date", (int(m.group(g)), 0, 0), "", m.start(g), m.end(g)))
    for m in _WEEKDAY.finditer(text):
        add(Value(m.group(0), "weekday", (_WEEKDAYS.index(m.group(0).lower().rstrip("s")),), "",
                  m.start(), m.end()))
    for m in _PENCE_WORD.finditer(text):  # "a fine of twopence": a sum written as one word
        add(Value(m.group(0), "number", (_NUMBER_WORDS[m.group(1).lower()] / 100,), "gbp", m.start(), m.end()))
    for m in _NUMBER.finditer(text):
        raw = m.group("num")
        low = raw.lower()
        compound = bool(re.search(r"\s", raw))  # "five hundred and forty-one": never a bare "one of"
        written = low in _NUMBER_WORDS or "-" in low or compound  # a number in words ("forty-five")
        number = float(_words_number(low)) if written else float(raw.replace(",", ""))
        unit_word = m.group("unit")
        label = _FIELD_LABEL.search(text[max(0, m.start() - 40):m.start()])
        if unit_word and label and _NEXT_LABEL.match(text, m.end("num")):
            unit_word = None  # "raised eur: 180000 investors: 153": a field's value, then the next label
        unit = "%" if m.group("pct") else _unit(unit_word)
        if not unit and label and not m.group("cur"):  # "weight g: 520", "Award (EUR): 9,000"
            before, named = (label.group(1) or "").lower(), label.group(2).lower()
            if before in _CURRENCY:  # "unit rate eur kwh: 0.226": euros per kWh, a price
                unit = _unit(before)
            elif named in _CURRENCY or named in _SCALE or named in _UNIT_WORDS:
                unit = _unit(named)
        start, end = m.start("num"), m.end("num")
        if text[max(0, start - 2):start].endswith(("[", "[^")) and text[end:end + 1] == "]":
            continue  # "[1]", "[^2]": a reference marker, not a value
        if raw.isdigit() and _ENUMERATOR.search(text, 0, start) and re.match(r"[.)](?:\s|$)", text[end:end + 2]):
            continue  # "4. Vans", "2) Run it": a list's or a section's number, not a quantity (a decimal, "15.0.", is a value)
        glued = re.match(r"[A-Za-z]+", text[end:])
        stuck = glued.group(0) if glued and not m.group("mag") else ""
        if stuck and (stuck.lower() in _UNIT_WORDS or stuck.islower() and stuck in _SCALE):
            unit, unit_word = _unit(stuck), None  # "5kg", "3GB": a unit written on
            end += len(stuck)
        elif stuck == "p" and not m.group("cur") and number < 100 and not re.match(r"p\w", text[end:]):
            unit, unit_word, number = "gbp", None, number / 100  # "45p per mile": pence
            end += 1
        elif stuck and stuck.lower() not in ("st", "nd", "rd", "th", "x"):
            continue  # "3S", "2FA", "5G": a name's part, not a number
        if m.group("mag"):  # "300M": a count written short
            number *= {"k": 1e3, "K": 1e3, "M": 1e6}[m.group("mag")]
            end = m.end("mag")
        if m.group("cur"):
            unit, start = _CURRENCY[m.group("cur").lower()], m.start()
            if unit_word and unit_word.lower() in _MULTIPLIER:  # "GBP 18.4 million"
                number *= _MULTIPLIER[unit_word.lower()]
                end = m.end("unit")
            unit_word = None
        if m.group("pct"):
            end = m.end("pct")
        elif unit_word and unit_word.lower() in _MULTIPLIER and len(unit_word) > 2:
            number *= _MULTIPLIER[unit_word.lower()]  # "2 million": a count, not a unit
            unit, end = "", m.end("unit")
        elif unit and unit_word:
            end = m.end("unit")
            # "20 working days", "31 monitoring stations": a modifier, then the unit noun
            nxt = re.match(r"[\s-]([a-z][a-z]+)\b", text[end:])
            if re.search(r"(?:ing|ed|ly)$", unit_word) and nxt and _unit(nxt.group(1)):
                unit, end = _unit(nxt.group(1)), end + nxt.end()
        if written and not compound and (not unit or number < 2 and unit not in _SCALE) and not (
                not unit and number >= 2 and re.match(r"\s*(?:[.;,)]|$)", text[end:])
                and re.search(r"\b(?:is|was|are|were|be|of|at|aged)\s+$", text[:start], re.I)):
            continue  # "one of them": a bare number word is rarely a value ("one year" is; so is
            # one ending a clause after its verb: "The minimum age is fourteen.")
        base = number * _SCALE[unit][1] if unit in _SCALE else number
        add(Value(text[start:end].strip(), "number", (base,), unit, start, end))
    out.sort(key=lambda v: v.start)
    return _compound_measures(text, out)


def _words_number(low: str) -> int:
    """The number a number written in words says ("five hundred and forty-one" -> 541)."""
    total = current = 0
    for w in re.split(r"[\s,-]+", low):
        if w == "hundred":
            current *= 100
        elif w == "thousand":
            total, current = total + current * 1000, 0
        elif w in _NUMBER_WORDS:
            current += _NUMBER_WORDS[w]
    return total + current


def _compound_measures(text: str, values: list[Value]) -> list[Value]:
    """"2 hours 10 minutes", "1 h 20 min", "3 years and 2 months", "5 feet 6 inches", "5 lb 11 oz": one
    measure, not two (the smaller unit second, joined by a space or "and")."""
    out: list[Value] = []
    for v in values:
        prev = out[-1] if out else None
        if prev is not None and v.kind == prev.kind == "number" and v.unit in _SCALE \
                and _SCALE[v.unit][0] == "length" and (
                    prev.unit == "x" and re.fullmatch(r"\s+", text[prev.end:v.start])
                    or not prev.unit and re.fullmatch(r"\s*(?:\u00d7|x|by)\s*", text[prev.end:v.start])):
            # "32 x 25 yards", "3 by 4 m": one size, two sides of one unit (its key the area)
            out[-1] = Value(text[prev.start:v.end], "number", (prev.key[0] * v.key[0] * _SCALE[v.unit][1],),
                            f"sq {v.unit}", prev.start, v.end)
            continue
        if prev is not None and v.kind == prev.kind == "number" and (part := _smaller_part(prev, v)) is not None \
                and re.fullmatch(r"\s+(?:and\s+)?", text[prev.end:v.start]):
            out[-1] = Value(text[prev.start:v.end], "number", (prev.key[0] + part,), prev.unit, prev.start, v.end)
            continue
        out.append(v)
    return out


_FEET, _INCHES = ("feet", "foot", "ft"), ("inch", "inches", "in")


def _smaller_part(big: Value, small: Value) -> float | None:
    """What `small` adds to `big`'s key when it is the smaller unit of the same measure (a time
    after a longer time; inches after feet, ounces after pounds); None otherwise."""
    # (keys are in the dimension's base unit already: days, metres, kilograms)
    if _SCALE.get(small.unit, ("",))[0] in ("time", "length", "mass") \
            and _SCALE.get(small.unit, ("",))[0] == _SCALE.get(big.unit, ("",))[0] \
            and _SCALE[small.unit][1] < _SCALE[big.unit][1]:
        return small.key[0]
    if big.unit in _FEET and small.unit in _INCHES:  # ("6 in": no unit of the scale)
        return small.key[0] * 0.0254
    return None


def _is_unit_next(after: str) -> bool:
    m = re.match(r"\s?(%|[A-Za-z€$£¥]+)", after)
    return bool(m) and (m.group(1) == "%" or _unit(m.group(1)) in _SCALE
                        or m.group(1).lower() in _CURRENCY)


def _time_key(text: str) -> tuple:
    t = text.lower().replace(" ", "")
    m = re.match(r"(\d{1,2})(?:[:.](\d{2}))?", t)
    h, mi = int(m.group(1)), int(m.group(2) or 0)  # type: ignore[union-attr]
    if "p" in t and h < 12:
        h += 12
    return (h, mi)


def fits(value: Value, want: str, date_kind: str = "date") -> bool:
    """Whether a value answers a question of type `want` (see question.answer_type; for dates
    `date_kind` narrows it to a time of day or a weekday)."""
    if want == "date":
        if date_kind in ("time", "weekday"):
            return value.kind == date_kind
        if date_kind == "monthday":  # "the 14th": a day of a month, or the date holding it
            return value.kind == "date" and len(value.key) > 2 and bool(value.key[2]) or \
                value.kind == "number" and float(value.key[0]).is_integer() and 1 <= value.key[0] <= 31
        if date_kind == "day":  # "On what date …?": "18:30", "Monday" and a bare year are none
            return value.kind == "date" and len(value.key) > 1 and bool(value.key[1])
        if date_kind == "year":  # "In what year …?": "Thursdays" and "18:30" are none
            return value.kind == "date"
        return value.kind in ("date", "time", "weekday")
    if want == "version":
        return value.kind == "version"
    if want == "number":
        return value.kind in ("number", "time")
    return False
