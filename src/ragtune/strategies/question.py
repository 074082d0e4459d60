"""Reading a question (and a passage) without knowing the corpus.

Generic English only: wh-words, coordination, relative clauses, comparatives, and the shapes
names take in real text: capitalised words, lowercase and code-style identifiers (`httpx`,
`snake_case`, `dotted.names`, `iPhone`), names with digits (`F21`, `IP68`), versions, dates and
quoted strings. Nothing here knows a corpus's wording or vocabulary; the agentic pipeline
(agentic.py) builds its decisions on these readings.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Container
from dataclasses import dataclass, field

from ragtune.strategies.common import STOPWORDS, stem

# ---------------------------------------------------------------- words

WH = {"what", "which", "who", "whom", "whose", "when", "where", "why", "how"}
# words that start questions or clauses and are capitalised only because they come first
LEADING = WH | STOPWORDS | {
    "i", "tell", "name", "give", "list", "describe", "explain", "please", "hi", "hey", "so",
    "also", "any", "some", "since", "during", "until", "under", "over", "with", "without",
    "about", "per", "via", "into", "through", "across", "between", "among", "within", "here",
    "now", "today", "yes", "no", "ok", "okay", "thanks", "sorry", "quick", "question", "hello",
    "dear", "new", "old", "last", "next", "first", "every", "each", "all", "both", "either",
    "neither", "my", "our", "your", "we", "us", "me", "if", "in", "on", "at", "my", "one",
    "what's", "who's", "where's", "when's", "how's", "which's", "is", "are", "was", "were",
    "does", "did", "do", "can", "could", "should", "would", "will", "may", "might", "must",
    "let", "according", "apart", "besides", "compared", "regarding", "despite", "although",
    "though", "while", "because", "once", "unless", "whenever", "however", "moreover",
    "furthermore", "therefore", "thus", "meanwhile", "instead", "unlike", "like", "other",
    "another", "many", "most", "more", "such",
    "these", "those", "this", "that", "it", "its", "they", "their", "he", "she", "his", "her",
}  # fmt: skip

def written_as_consonants(short: str, word: str) -> bool:
    """Whether `short` (no vowel after its first letter) writes `word` by its consonants, as
    column headers do ("rtg" of "rating", "hrs" of "hours"): the same first letter, its letters
    in order within the word, which is two letters longer at least."""
    return not re.search(r"[aeiou]", short[1:]) and word[:1] == short[:1] and len(word) >= len(short) + 2 \
        and re.fullmatch(".*?".join(map(re.escape, short)) + ".*", word) is not None


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")  # fmt: skip
_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
DATE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\.?,?\s+\d{{4}}"
    rf"|{_MON}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|{_MON}\.?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\b|{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?\b)",
    re.I,
)
YEAR = re.compile(r"(?<![\w.,-])(1[5-9]\d\d|20\d\d)(?![\w-]|[.,]\d)")
# a version; a packager's epoch and revision are part of it ("1:9.2p1-2+deb12u6", "2.14.1-4"),
# a range's second bound is not ("3.8-3.12")
VERSION = re.compile(r"(?<![\w.])(?:\d+:)?v?\d+(?:\.\d+){1,3}(?:_\d+)?(?:\.[x*](?![\w.]*\w))?(?:p\d+)?"
                     r"(?:[-+.]?(?:a|b|rc|alpha|beta|post|dev)\d*)?(?:-\d+(?!\d|\.\d)(?:\+[\w.~]*\w)?|\+deb\w+)?"
                     r"(?![\w.]*\w)", re.I)
QUOTED = re.compile(r"\"([^\"\n]{2,160})\"|\u201c([^\u201d\n]{2,160})\u201d|`([^`\n]{1,80})`|(?<![\w'])'([^'\n]{2,60})'(?![\w'])")
# identifiers: dotted / underscored / slashed names, inner capitals, letters mixed with digits,
# hyphenated words with a capital or a digit in them
_CODE_TOKEN = (
    r"(?=[\d:]*[A-Fa-f])[\dA-Fa-f]{2}(?::[\dA-Fa-f]{2}){2,}(?![\w:])"  # colon-hex bytes (a letter among
    # them, so no clock time): a fingerprint's start, a MAC address
    r"|[A-Za-z_][\w]*(?:(?:[._/]|::)[A-Za-z_\d][\w]*(?:[-+]\w+)*)+"  # yeager.ai, os.path, snake_case via \w, a/b, Net::HTTP
    # (a part after the first may join words by "-" or "+": "application/x-gtar", "image/svg+xml")
    # a coordinate: parts joined by a colon with no space, hyphens inside ("org.ow2.asm:asm-commons")
    r"(?::[A-Za-z_\d][\w]*(?:-\w+)*(?:[._][A-Za-z_\d][\w]*(?:-\w+)*)*)*"
    r"|[A-Za-z]*[a-z][A-Z][\w]*"  # iPhone, macOS, PyTorch
    r"|\w*_\w+"  # snake_case
    # (never cut before a letter outside ASCII: "Kosovsko-Mitrovački" is one name)
    r"|(?!\d{4}-\d\d)(?=[\w-]*[A-Z\d])[A-Za-z\d]+(?:-[A-Za-z\d]+)+(?!\w)"  # Wi-Fi, GPT-4, BUG-882
    r"|(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]{2,}(?!\w)"  # F21, IP68, 3S
)
_CAP_TOKEN = r"[A-Z][\w'&+-]*"
_NUM_TOKEN = r"\d+(?:[.,]\d+)*"
_NAME = re.compile(
    rf"(?<![\w.-])(?:{_CODE_TOKEN}|{_CAP_TOKEN})(?:[ \t]+(?:(?:of|de|van|von|&)[ \t]+(?=[A-Z]))?(?:{_CODE_TOKEN}|{_CAP_TOKEN}|{_NUM_TOKEN}\b))*"
)
_COORDINATE = re.compile(r"[A-Za-z_][\w.-]*:[A-Za-z_\d][\w.:-]*")
_WORD = re.compile(r"[A-Za-z0-9](?:[\w.'+-]|::(?=\w))*[A-Za-z0-9+]|[A-Za-z0-9]")  # "Net::HTTP" is one
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# British and American spellings of one word share a stem ("licence" asks for `License:`)
_SPELLING = re.compile(r"^(?:licenc|colour|behaviour|favour|honour|labour|organis|centre|metre|litre|"
                       r"catalogue|catalogu|programme|defenc|cancell|labell|modell|travell)")
_US = {"licenc": "licens", "colour": "color", "behaviour": "behavior", "favour": "favor",
       "honour": "honor", "labour": "labor", "organis": "organiz", "centre": "center",
       "metre": "meter", "litre": "liter", "catalogu": "catalog", "catalogue": "catalog", "programme": "program",
       "defenc": "defens", "cancell": "cancel", "labell": "label",
       "modell": "model", "travell": "travel"}


_UK = {us: uk for uk, us in _US.items()}
_US_SPELLING = re.compile(rf"^(?:{'|'.join(sorted(_UK, key=len, reverse=True))})")


def spellings(word: str) -> set[str]:
    """A word (or stem) in its British and American spellings ("licence", "license")."""
    w = word.lower()
    return {w, us_spelling(w), _US_SPELLING.sub(lambda m: _UK[m.group(0)], w)}


def us_spelling(word: str) -> str:
    """A word (or stem) in its American spelling, so that "licence" meets `License:`; for
    comparing words, not for searching a text for them."""
    return _SPELLING.sub(lambda m: _US[m.group(0)], word.lower())


def base_word(word: str) -> str:
    """Lower case, without a possessive or a contraction ("I'm", "don't", "we've")."""
    return re.sub(r"(?:n['\u2019]t|['\u2019](?:s|m|re|ve|ll|d)?)$", "", word.lower().strip(".'"))


def content_terms(text: str) -> list[str]:
    """The question's content words, stemmed, without wh-words and stop words."""
    out = []
    for w in words(text):
        low = base_word(w)
        if low in LEADING or len(low) < 2 and not low.isdigit():
            continue
        s = stem(low)
        if s not in out:
            out.append(s)
    return out


def _is_code(token: str) -> bool:
    return bool(re.fullmatch(_CODE_TOKEN, token)) and not _ORDINAL.match(token)


def _inflections(word: str) -> set[str]:
    """`word` and the forms an English suffix may have come from ("packages" -> "package")."""
    out = {word, stem(word)}
    # inflections, then derivations whose base a document may use instead ("installer" ->
    # "install", "configurability" -> "configurable")
    for suffix, base in (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""),
                         ("ing", "e"), ("est", ""), ("est", "e"), ("iest", "y"), ("er", ""),
                         ("er", "e"), ("ers", ""), ("ers", "e"), ("ability", "able"),
                         ("ibility", "ible"), ("ity", ""), ("ly", ""), ("ily", "y")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.add(word[: -len(suffix)] + base)
    if "iz" in word:  # American and British spelling: "synchronize", "synchronise"
        out |= _inflections(word.replace("iz", "is"))
    # a negation of a word is a word ("undecided", "nonprofit"; the rest long enough to be one)
    for prefix in ("un", "non"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 5:
            out |= _inflections(word[len(prefix):])
    return out


_DERIVED = re.compile(r"(?:ed|ing|like|based|style|aware|free|compatible|specific|friendly|powered|only)$")


def unknown_words(text: str, vocabulary: Container[str]) -> list[str]:
    """The words of `text` no dictionary holds: identifiers and rare names (`lightgbm`,
    `pydantic-core`) that `vocabulary` (lower-case whole words: the models' tokenizers) has
    neither as written nor as an inflection's base. A hyphenated word whose parts are all
    words is a word; function words, numbers, versions, ordinals and quantities never count."""
    out = []
    for w in words(text):
        low = base_word(w)
        if len(low) < 3 or low in LEADING or low in vocabulary or not re.search(r"[a-z]", low):
            continue
        # a version ("v1.2.3", "3.11rc1"), an ordinal ("3rd") or a quantity ("64gb") is a value
        if VERSION.fullmatch(low) or _ORDINAL.match(low) or re.fullmatch(r"v?\d[\d.,]*[a-z]{0,3}\d*", low):
            continue
        parts = [x for x in re.split(r"[-_.]", low) if x]
        known = [x.isdigit() or x in LEADING or any(f in vocabulary for f in _inflections(x)) for x in parts]
        if all(known) and "_" not in low.strip("_"):  # words joined by "_" are an identifier ("tam_TAB")
            continue
        # "zstd-compressed", "numpy-based": an adjective made of a rare word; the rare word is
        # what a document must hold
        if "-" in low and len(parts) == 2 and known[1] and _DERIVED.search(parts[1]):
            low = parts[0]
        if low not in out:
            out.append(low)
    return out


def is_identifier(span: str) -> bool:
    """An identifier-like name (`F21`, `P-104`, `os.path`): its digits belong to it."""
    return _is_code(span.strip())


def names(text: str, known: set[str] | None = None) -> list[str]:
    """Name-like spans: quoted strings, capitalised runs ("Model 3S", "Guido van Rossum"),
    identifiers (`httpx`, `yeager.ai`, `snake_case`, `iPhone`, `F21`), versions and dates.

    A capitalised word that only starts a sentence ("Despite", "Companies") is not a name
    unless `known` (lower-case words seen capitalised elsewhere, mid-sentence) says it is, or a
    name-like word follows it. Lowercase plain words are terms, not names: see content_terms."""
    out: list[str] = []
    for m in QUOTED.finditer(text):
        span = next(g for g in m.groups() if g)
        out.append(span.strip())
    starts = _sentence_starts(text)
    for m in _NAME.finditer(text):
        toks = m.group(0).split()
        if (label := re.match(r"(?:[ \t]+[a-z][\w-]*)?[ \t]*:(?!:)", text[m.end():])):
            if len(toks) > 1 and re.fullmatch(r"[A-Z][a-z]+", toks[-1]) \
                    and (label.group(0).strip() == ":" or re.match(r"[ \t]*[A-Z\d/]", text[m.end() + label.end():])) \
                    and (re.search(r"\w:[ \t]*$", text[:m.start()]) or all(_is_code(t) for t in toks[:-1])):
                # a field's label after a field's value or an identifier, in a record read as
                # one line ("Owner: Ann Lee Runs tools: ...", "Foo::Bar Author: ..."); "Acme
                # Corp: the pump failed" keeps its name
                toks = toks[:-1]
            elif m.start() in starts and label.group(0).strip() == ":":
                continue  # a label ("Category:", "Q:"), not a name
        pos = m.start()
        # drop leading function words ("What", "Which", "In", "The") and lone sentence starters
        while toks:
            low = toks[0].lower()
            first_of_sentence = pos in starts
            plain_cap = re.fullmatch(r"[A-Z][a-z']*", toks[0]) is not None
            if low in LEADING or low.rstrip("'s") in LEADING:
                pass
            elif first_of_sentence and plain_cap and len(toks) == 1 and not (known and low in known):
                pass
            else:
                break
            pos += len(toks[0]) + 1
            toks = toks[1:]
            while pos < len(text) and text[pos] == " ":
                pos += 1
        # trailing function words ("Model 3 of")
        while toks and toks[-1].lower() in ("of", "de", "van", "von", "&"):
            toks = toks[:-1]
        # a coordinate is a whole name ("POM org.apache.maven:maven-core" is a word, then it)
        if len(toks) > 1 and any(_COORDINATE.fullmatch(t) for t in toks):
            out += [t for t in toks if _COORDINATE.fullmatch(t)]
            toks = list(itertools.takewhile(lambda t: not _COORDINATE.fullmatch(t), toks))
        # a possessive ends a name: "Beautiful Soup's bs4/doc" names two things (a plural's
        # too: "the Friends' AGM")
        for part in re.split(r"(?<=\w)['\u2019]s\s+|(?<=[a-z]s)['\u2019]\s+", " ".join(toks)):
            span = re.sub(r"'s$", "", part).strip(" ,.?:;!'\"")
            if span and not span.isdigit() and span.lower() not in LEADING \
                    and not _ORDINAL.match(span) and not _FIRST_PERSON.fullmatch(span) \
                    and not re.fullmatch(r"[ckm]?m[23]", span):  # "m3" is a unit
                out.append(span)
    for rx in (DATE, VERSION):
        out += [m.group(0) for m in rx.finditer(text)]
    out += [m.group(1) for m in YEAR.finditer(text)]
    seen: set[str] = set()
    uniq = []
    for span in out:
        key = span.lower()
        if key not in seen and len(span) >= 2:
            seen.add(key)
            uniq.append(span)
    # drop spans inside a longer span ("Model" inside "Model 3S"), keep versions and dates
    return [s for s in uniq if not any(s != o and _contains_words(o, s) for o in uniq)]


def _contains_words(outer: str, inner: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(inner)}(?![\w])", outer, re.I) is not None


def _sentence_starts(text: str) -> set[int]:
    starts = {0}
    # closing quotes, brackets or emphasis may follow the stop ("**Find it.** Permanent loggers")
    for m in re.finditer(r"(?:[.!?:][\"'\u201d\u2019)*_]*\s+(?:\*\*|__)?|\n\s*(?:[-*+#>|]\s*)*|\|\s*)(?=\S)", text):
        starts.add(m.end())
    # the first word after leading spaces / list markers
    lead = re.match(r"\s*(?:[-*+#>]\s*)*", text)
    if lead:
        starts.add(lead.end())
    return starts


def capitalised_words(text: str) -> set[str]:
    """Lower-cased words written with a capital somewhere other than a sentence start."""
    starts = _sentence_starts(text)
    return {m.group(0).lower() for m in re.finditer(r"(?<![\w.-])[A-Z][\w'-]*", text)
            if m.start() not in starts and not _FIRST_PERSON.fullmatch(m.group(0))}


_FIRST_PERSON = re.compile(r"I(?:['\u2019](?:m|ve|d|ll))?")  # "If I'm off sick": no name


# ---------------------------------------------------------------- answer types

# nouns that ask for a quantity (the answer is a number, usually with a unit)
_QUANTITY_NOUNS = (
    "price|cost|costs|fee|fees|rate|percentage|percent|share|amount|number|count|total|size|length|"
    "duration|weight|height|depth|width|capacity|population|age|salary|budget|limit|cap|maximum|"
    "minimum|max|min|interval|speed|temperature|score|distance|volume|frequency|allowance|"
    "ratio|level|range|life|lifetime|period|term|hours|days|weeks|months|years|quota|threshold|"
    "income|revenue|turnover|surplus|deficit|profit|spending|wages?|rent|"  # money a body reports
    "deposit|fare|subscription|fine|fines|premium|levy|"  # money a customer pays
    "sum|"  # money come to ("Up to what sum does the cover pay?"; a "target" may be a build's)
    "power|rise|draught|span|area|mileage|output|"  # measures of things
    "port|timeout|accuracy|precision|recall|humidity|pressure|voltage|altitude|elevation|rainfall|dose|"  # a port, a timeout, a metric are numbers ("8000", "30 seconds", "0.863")
    "(?<=phone )extension"  # a phone extension is digits; a file's or a browser's is a name
)
# a quantity noun before another noun is that noun's modifier ("which share offer", "what
# price list"): a lower-case word that is no function word, no adverb of time, no quantity
# noun and no verb-like form (-s, -ed) follows it
_NOUN_AFTER = (r"\s+(?!(?:of|for|does|do|did|is|are|was|were|will|would|can|could|should|must|"
               r"has|have|had|in|on|at|to|from|with|by|per|and|or|than|that|which|who|you|we|they|"
               r"it|i|this|these|those|the|a|an|its|their|my|our|your|he|she|now|today|currently|"
               r"then|there|here|ever|still|exactly|roughly|usually|allowed|needed|required|"
               rf"applies|apply|set|say|said|paid|spent|given|won|taken|made)\b)(?!(?:{_QUANTITY_NOUNS})\b)[a-z]+(?:(?<=ss)|(?<!s))(?<!ed)\b")
_NUMBER_CUE = re.compile(
    r"\bhow\s+(?:many|much|long|old|far|deep|big|large|fast|heavy|high|tall|wide|soon|quickly|"
    r"expensive)\b"
    rf"|\b(?:what|which)\s+(?:is\s+|are\s+|was\s+|were\s+|'s\s+)?(?:the\s+|its\s+|their\s+)?"
    # (no verb between: "What colour is danger level 4?" asks for a colour, not a level)
    rf"(?:(?!(?:is|are|was|were|does|do|did|has|have|had|can|will)\b)[\w'\u2019-]+\s+){{0,3}}?"
    rf"(?:{_QUANTITY_NOUNS})\b(?!\s+as\b)(?!{_NOUN_AFTER})"  # "which vectors count as": a verb
    rf"|\bwhat's\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_QUANTITY_NOUNS})\b"
    # a quantity to come: "What will the peal fee be in 2027?"
    rf"|^\s*what\s+(?:will|would|might|could|should)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'\u2019-]+\s+){{0,3}}?"
    rf"(?:{_QUANTITY_NOUNS})\s+be\b"
    r"|\bwhat(?:'s|\s+is|\s+was)\s+the\s+(?:most|least|maximum|minimum|highest|lowest)\b"
    # a place in an order is a number: "At which position does X come in the list?"
    # (not a post held: "Which position does Ann hold?")
    r"|\b(?:which|what)\s+(?:position|place|rank)\b(?=.*\b(?:list|listing|order|table|league|standings|ranking|"
    r"queue|finish|finished|come|came)\b)"
    # "What is the club paying for it?", "What did it cost?": a price, asked by its verb ("What
    # are the charges?", "What did they charge him with?" ask none)
    r"|^\s*what\s+(?:is|are|was|were)\s+(?:[\w'-]+\s+){0,5}?(?:paying|charging)(?=\s+(?:for|per|each)\b|\s*[?.]|\s*$)"
    # (and what one is paid or charged for each hour or visit: "What is X paid an hour?")
    r"|^\s*what\s+(?:is|are|was|were)\s+(?:[\w'-]+\s+){0,5}?(?:paid|charged)\s+(?:an?|per|each)\s+"
    r"(?:hour|day|night|week|month|year|session|visit|lesson|match|game)\b"
    # (and whom it costs: "What did a unit cost hospitals in 2024?")
    # (after a leading phrase: "Under the 2022 policy, what did a ticket cost?"; and where:
    # "What does a pot of tea cost at the kiosk?")
    r"|^\s*(?:(?:under|in|at|for|from|during|by|according\s+to)\b[^,?]{0,60},\s*)?"
    r"what\s+(?:do|does|did|will|would)\s+(?:[\w'-]+\s+){0,9}?(?:pay|charge|cost|sell\s+for)(?:\s+(?!him\b|her\b|them\b|us\b)[a-z]+)?"
    # (and what for or when: "What did it cost to clear the beach?", "... when it was renewed?")
    r"(?=\s+(?:for|per|each|a|an|in|on|at|during|from|last|this|next|to|when|after|before|while|once)\b"
    r"|\s*[?.,]|\s*$)"
    # the unit it is to be given in: "What is the engine power, in hp, of ...?"
    r"|,\s*in\s+(?:hp|kw|kwh|mw|feet|foot|ft|inches|metres|meters|m|cm|mm|km|miles|kg|tonnes|tons|"
    r"litres|liters|gbp|eur|usd|pounds|euros|dollars|minutes|hours|days|knots|mph|percent|degrees)\s*[,?]",
    re.I,
)
# a number that names a thing: "the serial number", "its phone number", "the part number"
CODE_NUMBER = re.compile(r"\b(?:serial|phone|telephone|mobile|fax|part|model|registration|reference|account|"
                          r"order|ticket|case|policy|invoice|item|batch|lot|tracking|extension|flight|"
                          r"platform|gate|seat|id|identification|vat|sort|catalogue|catalog|product|"
                          r"competition|race|sail|membership|member|licence|license|permit|badge|locker|"
                          r"charity|company|vehicle|crime|incident|booking|accession|grid|route|bus|room|house|plot|bug|issue|"
                          r"patch|commit|build|request|pull\s+request|cve|rfc|pr)\s+"
                          r"(?:numbers?|no\.?|#)", re.I)
_DATE_CUE = re.compile(
    # "What copyright years are given?", "which financial year": years (kinds of year that are
    # dates), not a number of them
    r"\b(?:what|which)\s+(?:copyright|calendar|financial|fiscal|tax|academic|model|publication|release)\s+"
    r"years?\b|"
    r"^\s*when\b|\b(?:in|by|from|since|until)\s+when\s+(?:did|does|do|was|were|is|will|are|has|"
    r"have|had|must|should|can)\b|\bwhen\s+(?:did|does|do|was|were|is|will|"
    r"are|has|have|had)\b|\b(?:what|which)\s+(?:year|years(?!\s+of\b)|date|dates|day|month|decade|century)\b"
    r"(?!\s+(?!of\b|in\b|on\b|and\b|or\b)[a-z]+\s+(?:does|do|did|is|are|was|were|will|can|has|have|had)\b)|"
    r"\b(?:what|which)\s+is\s+the\s+(?:deadline|date|release date|end date|start date)\b|"
    # (a day before another noun and its verb names a kind of thing: "What day rate does X charge?")
    r"\b(?:what|which)\s+time\b|\b(?:what|which)\s+(?:days?|weekdays?|months)\b"
    r"(?!\s+(?!of\b|in\b|on\b|and\b|or\b)[a-z]+\s+(?:does|do|did|is|are|was|were|will|can|has|have|had)\b)|"
    # (a date word before another noun names a kind of thing: "the day job", "the year group")
    r"\bwhat(?:'s|\s+is|\s+was|\s+were|\s+are)\s+the\s+(?:[\w-]+\s+){0,3}?(?:day|date|year|deadline)\b"
    r"(?!\s+(?!(?:of|in|on|at|for|by|that|when|which|the|a|an|is|was|are|were|did|does|do|will|has|had|"
    r"should|must|can|could|would)\b)[a-z])|"
    r"\bwhat's\s+the\s+(?:deadline|date)\b|"
    # a kind of date asked before its verb: "What release date does the table give?", "What
    # end-of-life date is recorded?"
    r"\b(?:what|which)\s+(?:[\w-]+\s+){1,2}?dates?\s+(?:does|do|did|is|was|are|were|will|has|have|had)\b",
    re.I,
)
_VERSION_CUE = re.compile(r"\b(?:what|which)(?:['\u2019]s)?\s+(?:(?:is|was|are|were)\s+)?(?:the\s+)?"
                          # an article after the asked noun starts another phrase: "Which command
                          # installs a newer release?" asks for a command
                          r"(?:(?!(?:is|are|was|were|does|do|did|has|have|had|can|will|a|an|the)\b)[\w'-]+\s+){0,5}?"
                          # ("What release date ...?" asks a date)
                          r"(?:version|release)\b(?!\s+v?\d)(?!\s+(?:dates?|days?|years?|months?|notes?)\b)|\b(?:what|which)\s+(?:versions|releases)\s+of\b|"
                          # "What node engine range / semver range does X declare?": a range of versions
                          r"\b(?:what|which)\s+(?:[\w.-]+\s+){0,2}?(?:engines?|semver|version)\s+range\b|"
                          r"\bversion\s+(?:is|was)\s+(?:recorded|pinned|installed|current)\b|"
                          # "Which Python versions ...", "What Python requirement does X declare?":
                          # the versions of a named thing, or the bound one requires of it
                          r"\b(?:what|which)\s+(?:is\s+the\s+)?(?-i:[a-z]*[A-Z][\w.+-]*)\s+"
                          r"(?:versions|requirement)\b", re.I)
_NAME_CUE = re.compile(
    r"^\s*(?:who|whom|whose|where)\b|\b(?:who|whom)\b|\b(?:in|at|from|to)\s+where\b|"
    r"\bwhich\s+(?:one|of|[\w-]+)\b|\bwhat(?:['\u2019]s|\s+(?:is|was|are|were))\s+(?:the\s+)?names?\b|"
    # (of one word or two: "What Multi-Arch value does X declare?")
    r"^\s*what\s+(?!kind\b|type\b|sort\b)[\w-]+(?:\s+(?!of\b)[\w-]+)?\s+(?:is|are|was|were|does|do|did|goes|belongs|"
    r"stands|corresponds)\b|"
    r"\b(?:called|named)\s*\??\s*$|"
    # (an order to name one: "Name the pump that ..."; or a name asked by its kind: "What
    # errno name ...")
    r"^\s*name\s+(?:the|one|a|an)\b|^\s*(?:what|which)\s+(?:[\w-]+\s+)?names?\s+(?!of\b)[a-z]+|"
    # a code is a short name: "What is the ISO 639-3 code of X?" (a code of conduct is a text)
    r"^\s*what(?:['\u2019]s|\s+(?:is|was|are|were))\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:code|identifier|abbreviation|symbol|prefix)\s+(?!of\s+(?:conduct|practice)\b)of\b",
    re.I,
)
_LEADING_CLAUSE = re.compile(
    r"^\s*(?:(?:when|whenever|if|once|after|before|while|since|although|though|unless)\b[^,?;]*,|[^?;]*;)\s*"
    r"(?=(?:(?:from|in|on|at|by|for|to|with|under|until|since)\s+)?"
    r"(?:what|which|who|whom|whose|where|when|why|how)\b)",
    re.I,
)
# ("What did the delay cost them?" may ask a loss of any kind: a pronoun alone after the verb)
_WHAT_COST = re.compile(r"\s*what\s+(?:did|does|do|will|would|could|should)\s+[^?,;]{1,80}?\bcost\b"
                        r"(?!\s+(?:them|us|him|her|me|you)\s*\??\s*$)", re.I)
_ASKS_AMOUNT = re.compile(r"\s*(?:up\s+to\s+|by\s+|of\s+|for\s+)?(?:how\s+(?:many|much)|what\s+(?:sum|amount|total|"
                          r"number|percentage|fraction))\b", re.I)
_OPEN_CUE = re.compile(
    r"^\s*(?:why|how\s+(?:does|do|did|is|are|was|were|can|could|should|would|to)\b)|"
    # ("Which error does X describe as "Y"?" asks a name by its description)
    r"\b(?:explain|describe(?!\s+as\b)|summari[sz]e|what\s+(?:are|were)\s+the\s+(?:main\s+)?"
    r"(?:benefits|advantages|disadvantages|drawbacks|limitations|risks|differences|challenges|"
    r"reasons|steps|features|pros|cons))\b|"
    # a condition is a clause, not a name or a date: "Under which condition does X need Y?",
    # "When does X depend on Y?"
    r"\b(?:which|what)\s+(?:conditions?|circumstances?|situations?)\b|"
    r"^\s*when\s+(?:does|do|is|are)\s+(?:[\w.-]+\s+){1,4}?(?:depends?|requires?|needs?|"
    r"applies|apply|required|needed)\b",
    re.I,
)


def date_kind(question: str) -> str:
    """For a date question: "time" (what time), "weekday" (which day of the week), "monthday"
    (which day of the month), "day" (what date: a calendar date, no clock time or weekday),
    "year" (what year: a date, no clock time or weekday) or "date" (any of them: "When …?")."""
    if re.search(r"\b(?:what|which|at what)\s+time\b", question, re.I):
        return "time"
    if re.search(r"\bday of (?:the|each|every) month\b", question, re.I):
        return "monthday"  # "by which day of the month": "the 14th"
    if re.search(r"\bday of the week\b|\b(?:what|which)\s+(?:week)?day\b", question, re.I):
        return "weekday"
    if re.search(r"\b(?:what|which)\s+date\b", question, re.I):
        return "day"
    if re.search(r"\b(?:what|which)\s+year\b", question, re.I):
        return "year"  # "In what year ...?": a year, or a date that holds one; no weekday or time
    return "date"


def type_words(question: str, want: str) -> set[str]:
    """The question's words that name the answer's type ("version" in "which version of X is
    pinned", "year" in "in what year"): a value of that type answers them itself, so evidence
    need not repeat them. Versions and dates only: a quantity noun ("price") is a relation."""
    cue = {"version": _VERSION_CUE, "date": _DATE_CUE}.get(want)
    m = cue.search(question) if cue else None
    return set(content_terms(m.group(0))) & _TYPE_NOUNS if m else set()


_TYPE_NOUNS = {"version", "release", "year", "date", "day", "month", "decade", "century", "time", "deadline"}


# a question that opens by asking for a thing ("which package", "who")
_ASKS_THING = re.compile(r"\s*(?:who|whom|which\s+(?!of\b)[a-z]+|what\s+(?!is\b|are\b|was\b|were\b|'s\b|"
                         r"does\b|do\b|did\b)[a-z]+\s+(?:is|are|was|were|can|does|do|did|has|have|lets?|"
                         r"reports?|gives?|shows?|tells?))\b", re.I)


# "What is the highest checkpoint on the route?" asks which one (a measure's noun asks a
# quantity: "the highest fee")
_SUPERLATIVE_THING = re.compile(
    rf"^\s*what(?:'s|\s+is|\s+was)\s+the\s+(?:highest|lowest|tallest|longest|shortest|largest|smallest|"
    rf"biggest|oldest|newest)\s+(?!(?:{_QUANTITY_NOUNS})\b)[a-z][\w-]*(?:\s+(?:on|in|of|at|along|among)\b|\s*\?)", re.I)


# a time taken: "What time did the crew record?", "the winning time", "her fastest time"
_TIME_TAKEN = re.compile(r"\bwhat\s+time\s+did\b[^?]*\b(?:record|recorded|clock|clocked|post|posted|achieve|achieved)\b"
                         r"|\bwhat\s+time\s+did\b[^?]*\b(?:run|swim|row)\s*\??\s*$"
                         r"|\b(?:winning|finishing|fastest|slowest|best|race|course)\s+time\b", re.I)
_NUMERIC_VALUE = re.compile(r"(?:^\s*|\b(?:has|have|had|is|was|takes?|gets?)\s+)(?:what|which)(?:'s|\s+is|\s+was)?\s+"
                            # (or after its thing: "X has which numeric value?")
                            r"(?:the\s+|its\s+)?(?:integer|numeric|numerical)\s+values?\b", re.I)


# where one thing goes beside another ("on which side of the number", "relative to the amount")
POSITION_ASKED = re.compile(r"\bwhich\s+side\b|\b(?:where|how)\b.{0,80}\brelative\s+to\b", re.I)


def answer_type(question: str) -> str:
    """What the answer is: "choice" (one of two named options), "date", "version", "number",
    "name", or "open" (a phrase or sentence: what / why / how questions, definitions).

    Short factoids (every type but "open") can be answered by a typed span; open questions
    keep the generated answer."""
    if len(find_options(question)) == 2:
        return "choice"
    # a leading adverbial clause does not ask: "When you swap the index, what happens ...?"
    # asks what happens; "If the trip is short, how many hours ...?" a number (nor does a
    # statement before a semicolon: "X opens a file; what is its mode?")
    question = question[m.end():] if (m := _LEADING_CLAUSE.match(question)) else question
    if _NUMERIC_VALUE.search(question):
        return "number"  # "What integer value does X have?": a figure, whatever verb follows
    if _TIME_TAKEN.search(question):
        return "number"  # "What time did X record?": a time taken ("2:22.9"), no time of day
    if _WHAT_COST.match(question):
        return "number"  # "What did the new mower cost the club?": a sum, the verb asks it
    if _OPEN_CUE.search(question):
        return "open"
    if _VERSION_CUE.search(question):
        return "version"
    if _DATE_CUE.search(question):
        return "date"
    if CODE_NUMBER.search(question) and not re.match(r"\s*how\s+many\b", question, re.I):
        return "name"  # a serial or phone number is a code, not a quantity
    if _SUPERLATIVE_THING.match(question):
        return "name"
    if POSITION_ASKED.search(question):
        return "name"  # "On which side of the number does it go?": before or after, no figure
    if (m := _NUMBER_CUE.search(question)) and not (m.start() > 0 and _ASKS_THING.match(question)
                                                    and m.group(0).lower().startswith("how")):
        # "Which package can limit how many threads they use?" asks for a package
        return "number"
    if _NAME_CUE.search(question):
        return "name"
    return "open"


# ---------------------------------------------------------------- coordination: options

_CLAUSE_BREAK = re.compile(r"[,;?!()]|(?<!:):(?![\w:])|\b(?:which|who|whom|what|whether|between|than|is|are|"
                           r"was|were|does|did|do|has|have|had)\b", re.I)


# a prepositional phrase ending in the first conjunct ("... inputs from an OpenAPI")
_INNER_PHRASE = re.compile(r"\s(?:from|in|on|for|with|by|to|into|under|at|via|over)\s+"
                           r"(?:(?:an?|the|its|their|your)\s+)?\S+\s*$", re.I)
_CONDITION = re.compile(r"\b(?:when|whenever|if|unless|while|because|once)\b", re.I)
_CHOOSES = re.compile(r"\b(?:which|who|whom|whose|whether|or|vs\.?|versus)\b", re.I)


def held_apart(text: str, pattern: str) -> tuple[str, Callable[[str], str]]:
    """`text` with each match of `pattern` (its group `held`, when it has one) held apart as a
    placeholder glued to the word before it, so no comma, bracket or space of it splits
    anything, and the function that puts the matches back into a piece of the result
    (" (Morocco)" of "Arabic (Morocco)", " (English)" of "eng (English)")."""
    held: list[str] = []

    def hold(m: re.Match[str]) -> str:
        at = m.start("held") - m.start() if "held" in m.groupdict() else 0
        held.append(m.group(0)[at:])
        return f"{m.group(0)[:at]}\x01{len(held) - 1}\x02"

    def back(piece: str) -> str:
        return re.sub(r"\x01(\d+)\x02", lambda m: held[int(m.group(1))], piece)

    return re.sub(pattern, hold, text), back


def find_options(question: str) -> list[str]:
    """The two things a question asks to choose between, from coordination: "A or B"
    (anywhere), "between A and B", "which of A and B", "A vs B". Each option is bounded by
    the clause around it and is at most 6 words. A name's qualifier in brackets is part of
    it ("Arabic (Morocco)", "404 (Not Found)"), not a clause break."""
    # (an HTML reference's ";" ends no clause: "&emsp; or &Ensp;")
    question = re.sub(r"(&\w[\w.+-]*);", "\\1\x03", question)
    masked, back = held_apart(question, r"\b[A-Z\d][\w.-]*(?P<held>\s\([^()?]{1,30}\))(?=[\s,?]|$)")
    found = [back(o).replace("\x03", ";") for o in _find_options(masked)]
    if len(found) == 2 and (kind := re.match(r"(?:[a-z][\w-]*\s+){1,3}(?=[A-Z])", found[0])) \
            and re.match(r"[A-Z]", found[1]) and len(found[0][kind.end():].split()) == len(found[1].split()) \
            and not any(w in STOPWORDS for w in kind.group(0).split()):
        # "yard job YJ-06 or YJ-08": the kind both are written once, before the first (not "the
        # log store at X": a thing of X)
        found[0] = found[0][kind.end():]
    if len(found) == 2 and found[0].split() and found[1].split() \
            and opposites(found[0].split()[-1], found[1].split()[0]):
        # "Is X enabled or disabled in C?": a word against its opposite by prefix (enabled and
        # disabled, supported and unsupported) is the choice, whatever the clause around it
        found = [found[0].split()[-1], found[1].split()[0]]
    return found if all("\x01" not in o and "\x02" not in o for o in found) else []


def _find_options(question: str) -> list[str]:
    q = question.strip().rstrip("?").strip()
    if not _CHOOSES.search(q):
        return []
    quoted = list(QUOTED.finditer(q))
    if len(quoted) == 2 and re.fullmatch(r"\s+(?:or|vs\.?|versus)\s+", q[quoted[0].end():quoted[1].start()], re.I) \
            and not q[quoted[1].end():].strip() and re.search(r"[,:]\s*$|\b(?:between|of)\s+$", q[:quoted[0].start()]):
        # "Which scored higher, 'A' or 'B'?": two quoted titles, joined by "or", end the question
        return [next(g for g in m.groups() if g) for m in quoted]
    q = QUOTED.sub(" ", q)  # an "or" inside a quoted title is not a choice
    if re.search(r"\b(?:the|a|an|which|what)\s+(?:[\w-]+\s+)?[\w-]+,\s+(?:[\w-]+,\s+)+[\w-]+,?\s+or\s+[\w-]+\s+"
                 r"(?:that|which|does|do|did|is|was)\b", q, re.I):
        return []  # "the command, variable, property or module that X is about": kinds listed, no choice
    # ("One of A and B has no effect any more. Which one?": the pair opens the question)
    m = re.search(r"(?:\b(?:which|who|whom)\s+(?:one\s+)?of|\bbetween|^of|^one\s+of)\s+(?:the\s+)?(.+?)\s+and\s+"
                  r"(?:the\s+)?(.+?)(?:\s*([,:;?])|\s+(?:which|who|what)\b|$)", q, re.I)
    if m and re.search(r"\b(?:which|who|whom|whether)\b|^of\b.*,\s*whose\b", q, re.I):  # "Of A and B, whose X ...?"
        a, b = _trim_option(m.group(1), left=True), _trim_option(m.group(2), left=False)
        if re.fullmatch(r"(?:1[5-9]|20)\d\d", a) and re.match(r"(?:1[5-9]|20)\d\d\b", b):
            return []  # "Who was chair between 1990 and 2006?": a period, no choice
        if not m.group(3):
            b = _parallel(a, b)
        elif verb := re.match(r"((?:\S+\s+){0,3}?\S+)\s+(?:is|are|was|were|has|have|had|does|do|did)\s", b + " "):
            b = verb.group(1)  # "which of A and B is darker, with ...": B ends at the clause's verb
        if _ok_options(a, b):
            return [a, b]
        # "which of A and B still installs on X, judging by Y": the comma ends the clause, not
        # the second option
        if _ok_options(a, _parallel(a, b)):
            return [a, _parallel(a, b)]
    # "Who did X, A or B?": alternatives after a comma at the end are the options, whatever
    # "or" the clause before holds
    m = re.search(r",\s*((?:[\w.'\u2019-]+\s+){0,5}?[\w.'\u2019-]+)\s+(?:or|vs\.?|versus)\s+"
                  r"((?:[\w.'\u2019-]+\s+){0,5}?[\w.'\u2019-]+)\s*$", q, re.I)
    if m:
        a, b = _trim_option(m.group(1), left=True), _trim_option(m.group(2), left=False)
        if _ok_options(a, b):
            return [a, b]
    if _ASKS_AMOUNT.match(q):
        return []  # "Up to what sum does the cover pay for death or disablement?": a figure, no choice
    # ("five or more variants": a bound, no choice)
    m = re.search(r"\s+(?:or|vs\.?|versus)\s+(?!(?:more|fewer|less|so|above|below|over|under)\b)", q, re.I)
    if not m:
        return []
    left, right = q[: m.start()], q[m.end():]
    # "... when it is fed arbitrary or malformed input": a coordination inside a condition
    # clause (no punctuation since the subordinator) states the condition, not a choice
    if _CONDITION.search(re.split(r"[,;:?!()]", left)[-1]):
        return []
    if re.fullmatch(r"(?:.*[,;:]\s*)?(?:(?:for|in|on|at|from|to|by|with|under)\s+)?(?:which|what)\s+[a-z]+",
                    left.strip(), re.I | re.S) \
            and re.match(r"[a-z]+\s+(?:is|are|was|were|does|do|did|has|have|can|should|will)\b", right):
        return []  # "Which team or person is listed ...?", "For which language or script was it
        # made?": the asked kinds, no options to choose
    breaks = list(_CLAUSE_BREAK.finditer(left))
    a = left[breaks[-1].end():] if breaks else left
    if breaks and breaks[-1].group(0).lower() in ("which", "what") and len(a.split()) >= 4 \
            and _INNER_PHRASE.search(a):
        # "Which tool generates inputs from an OpenAPI or GraphQL schema?": the coordination
        # sits in a phrase of the clause that "which tool" heads; the question asks for a tool
        return []
    stop = _CLAUSE_BREAK.search(right)
    b = right[: stop.start()] if stop else right
    # "based in A or in B": the first conjunct starts where the second's preposition does
    prep = re.match(r"\s*(in|at|on|for|by|with|from|to|into|under)\s+", b, re.I)
    asks_open = re.search(r"\b(?:where|what|how|why|when)\b", re.split(r"[.!?]\s", left)[-1], re.I)
    if prep and not asks_open and (at := [x for x in re.finditer(rf"\b{prep.group(1)}\s+", a, re.I)]):
        # ("where should you go for A or for B?" asks a place for both, not a choice)
        a = a[at[-1].end():]
        b = b[prep.end():]
    a, b = _trim_option(a, left=True), _trim_option(b, left=False)
    # (options a colon opens run to the question's end: "which cost more: A or B C?")
    listed = not stop and breaks and breaks[-1].group(0) == ":"
    if not (stop and re.match(r"[,;:?!()]", right[stop.start():])) and not listed:
        b = _parallel(a, b)
    # "does it rotate weekly or monthly": a lower-case word against a clause ending in a word
    # of the same form (the same ending: "weekly", "monthly"; not "old version or new")
    last = a.split()[-1] if a.split() else ""
    if re.fullmatch(r"[a-z][a-z-]+", b) and len(a.split()) > 1 and re.fullmatch(r"[a-z][a-z-]+", last) \
            and re.search(r"(?:ly|ed|ing|al|ous|ive|able|ible)$", b) \
            and re.search(r"(?:ly|ed|ing|al|ous|ive|able|ible)$", last) and last[-2:] == b[-2:]:
        a = last
    # "Does gcc report -Wfoo as enabled or disabled for C++?": opposite words are the choice,
    # however long the clause before them
    if a.split() and b.split() and opposites(a.split()[-1], b.split()[0]):
        return [a.split()[-1], b.split()[0]]
    # "Were more homes re-let in 2024 or 2025?": a year (or month) against a clause ending in one
    when = rf"(?:19|20)\d\d|(?:{'|'.join(m.capitalize() for m in _MONTH_NAMES)})"
    if re.fullmatch(when, b) and len(a.split()) > 1 and (end := re.search(rf"\b({when})$", a)):
        a = end.group(1)
    return [a, b] if _ok_options(a, b) else []


_NEGATING = re.compile(r"^(?:dis|un|in|im|il|ir|non-?|en)(?=[a-z]{4})")


def opposites(a: str, b: str) -> bool:
    """Whether two lower-case words are opposites by a prefix: "enabled"/"disabled",
    "supported"/"unsupported", "active"/"inactive" (the same stem once the prefix is off)."""
    if not (re.fullmatch(r"[a-z]{4,}", a) and re.fullmatch(r"[a-z]{4,}", b)) or a == b:
        return False
    return _NEGATING.sub("", a) == _NEGATING.sub("", b) != "" and (_NEGATING.match(a) or _NEGATING.match(b)) is not None


def _parallel(a: str, b: str) -> str:
    """The second conjunct when nothing marks its end ("which of A and B supports X"): as
    long as the first, or the name it starts with."""
    toks = b.split()
    if len(toks) <= len(a.split()):
        return b
    lead = names(b)
    if lead and b.startswith(lead[0]):
        # a name the first word carries on past ("application/octet-stream", "foo-bar.baz")
        first = toks[0].rstrip(",.;:")
        if first.startswith(lead[0]) and re.match(r"[-/._+]\w", first[len(lead[0]):]):
            return first
        return lead[0]
    # (or the words before the clause's verb: "which of khaki and dark grey has more red")
    if m := re.match(r"((?:\S+\s+){0,3}?\S+)\s+(?:is|are|was|were|has|have|had|does|do|did)\b", b):
        return m.group(1)
    return " ".join(toks[: len(a.split())])


def _trim_option(text: str, left: bool) -> str:
    # "..., do I need A or B?": the asking clause before the first option is not part of it
    text = _ASKING_CLAUSE.sub("", text.strip(" ,.")) if left else text
    toks = text.strip(" ,.").split()
    determined = bool(toks) and toks[0].lower() in ("the", "this", "that")
    while toks and toks[0].lower() in ("the", "a", "an", "either", "both", "of", "between", "one") \
            or len(toks) > 1 and toks[0].lower() == "for" and determined:  # "the one for X"
        toks = toks[1:]
    if determined and len(toks) > 1 and toks[-1] in ("one", "ones"):  # "the autumn 2023 one"
        toks = toks[:-1]
    if toks:  # "whose README, HTTPX's or Requests'?": the owners are HTTPX and Requests
        toks[-1] = re.sub(r"(?<=\w)(?:['\u2019]s|(?<=s)['\u2019])$", "", toks[-1])
    return " ".join(toks).strip(" ,.")


_ASKING_CLAUSE = re.compile(r"^(?:do|does|did|should|shall|can|could|would|will|must|may|might)\s+"
                            r"(?:i|we|you|they|it|one)\s+(?:\w+\s+){0,2}?(?:need|use|want|pick|choose|"
                            r"install|import|add|get|prefer|take|call|run)\s+", re.I)


def _ok_options(a: str, b: str) -> bool:
    if not (a and b and a.lower() != b.lower() and len(a.split()) <= 6 and len(b.split()) <= 6):
        return False
    # "..., with syntax rules you can add or replace": a clause with its own subject, or a
    # phrase led by a preposition against one that is not, coordinates actions, not two things
    if any(_OWN_SUBJECT.search(o) for o in (a, b)):
        return False
    return bool(_PREPOSITION_LED.match(a)) == bool(_PREPOSITION_LED.match(b))


_OWN_SUBJECT = re.compile(r"\b(?:you|we|they|i|it)\s+(?:can|could|may|might|will|would|should|must)\b", re.I)
_PREPOSITION_LED = re.compile(r"(?:with|without|in|on|at|for|by|from|to|into|under|over|via|through|within)\s", re.I)


# ---------------------------------------------------------------- comparatives and recency

MORE = re.compile(r"\b(more|most|bigger|biggest|larger|largest|higher|highest|greater|greatest|"
                  r"longer|longest|taller|tallest|heavier|heaviest|deeper|deepest|wider|widest|"
                  r"costs? more|more expensive|pricier|later|latest|newer|newest|younger|"
                  r"youngest|more recent|most recent|recently|further|farther)\b", re.I)
LESS = re.compile(r"\b(less|least|fewer|fewest|smaller|smallest|lower|lowest|shorter|shortest|"
                  r"lighter|lightest|cheaper|cheapest|shallower|narrower|earlier|earliest|first|"
                  r"older|oldest|before|sooner)\b", re.I)
# comparatives that, for dates, mean the earlier date ("older", "longer at", "first")
_EARLIER_FOR_DATES = re.compile(r"\b(older|oldest|earlier|earliest|first|before|sooner|longer|"
                                r"longest|more senior)\b", re.I)
_LATER_FOR_DATES = re.compile(r"\b(later|latest|newer|newest|younger|youngest|more recent|"
                              r"most recent|recently|after|last)\b", re.I)

TEMPORAL = re.compile(r"\b(most recent(?:ly)?|latest|currently|current|now|nowadays|today|"
                      r"these days|at present|at the moment|presently|as of now|still|"
                      r"up to date|this year)\b", re.I)


def direction(question: str, values_are_dates: bool) -> str | None:
    """"more" or "less": which end of the compared values the question asks for."""
    q = question.lower()
    for opt in find_options(question):  # an option's own words never decide
        q = q.replace(opt.lower(), " ")
    # a superlative that picks the thing compared decides nothing when another word does: "its
    # latest upload signed earlier" compares the latest uploads' dates, asking the earlier
    picked = re.sub(r"\b(?:its|their|his|her|the)\s+(?:latest|last|newest|first|oldest|earliest|previous|"
                    r"most\s+recent)\s+(?!to\b|one\b|of\b)(?=[a-z])", " ", q)
    if picked != q and (MORE.search(picked) or LESS.search(picked)):
        q = picked
    if values_are_dates:
        early, late = _EARLIER_FOR_DATES.search(q), _LATER_FOR_DATES.search(q)
        if early and not late:
            return "less"
        if late and not early:
            return "more"
    more, less = MORE.search(q), LESS.search(q)
    if more and not less:
        return "more"
    if less and not more:
        return "less"
    if more and less:
        return "more" if more.start() < less.start() else "less"
    return None


# ---------------------------------------------------------------- nested descriptions

_REL = re.compile(
    r"\bthe\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:that|which|who|whom|whose|where|"
    r"(?:to|in|on|at|from|by|with|for)\s+(?:which|whom))\s+", re.I)  # "the type to which X maps .bin"
# a relative clause without its pronoun, ending the question: "the ship Dougal Kerr commands",
# "the tractor the Brennock pupils named", "the boat Ann Lee sails on"
_CONTACT = re.compile(
    r"\bthe\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){1,4}"
    r"(?:[a-z]+ly\s+|[a-z]+\s+(?=[a-z]+ed\b))?"  # an adverb ("usually sails"), a plural noun before -ed
    r"([a-z]+(?:s|ed))(?:\s+(on|in|at|for|with|from|to|by|under|aboard))?(?=\s*[?.!]?\s*$)")
_HEAD_STOPS = {"in", "of", "on", "at", "for", "from", "with", "by", "to", "about", "and", "or", "near", "into",
               "under", "over", "after", "before", "between", "whose", "which", "that", "who"}
_NOT_VERBS = {"is", "was", "has", "does", "goes", "this", "its", "his", "hers", "yours", "ours", "theirs", "always",
              "sometimes", "perhaps", "us", "as", "plus", "less", "unless", "across", "towards"}
_OF_CHAIN = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+of\s+(the\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+of\s+)", re.I)


# a thing named by what stands behind a code: "the codec behind the alias u16", "the package
# behind cmd_X" (the code holds a digit, "_" or a capital)
_BEHIND = re.compile(r"\bthe\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+behind\s+"
                     r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}?[\w.+-]*[\d_A-Z][\w.+-]*(?<![.-])")


@dataclass
class Description:
    """A nested description inside a question ("the package that vendors X"), where it
    stands in the question, and the sub-question that resolves it."""

    span: str
    start: int
    end: int
    sub_question: str
    head: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def replace(self, question: str, name: str) -> str:
        return (question[: self.start] + name + question[self.end:]).replace(" ?", "?").strip()


def nested_description(question: str) -> Description | None:
    """The innermost description a question builds on: a noun phrase with a relative clause
    ("the library that replaced X", "the author who wrote Y") or the inner link of a
    `the A of the B of C` chain ("the licence of the parent of Z"). None for a flat question."""
    # ("The code S points to which page?" asks; "the type to which X maps
    # .bin" describes: a clause after "to which" has a subject and a verb)
    m = next((m for m in _REL.finditer(question)
              if not any(w.lower() in LEADING for w in m.group(1).split())
              and not (re.search(r"\s(?:to|in|on|at|from|by|with|for)\s+(?:which|whom)\s+$", m.group(0), re.I)
                       and len(re.split(r"[?,;:]", question[m.end():])[0].split()) < 3)), None)
    if m:
        start = m.start()
        rest = question[m.end():]
        # (a quotation is the clause's whole, whatever it holds: "whose docstring begins "A, b.":
        # how many ...?" ends at the colon after it)
        masked = re.sub(r"\"[^\"\n]*\"|\u201c[^\u201d\n]*\u201d", lambda q: "x" * len(q.group(0)), rest)
        stop = re.search(r",(?!\d)|[;?!]|:\s|\s+(?:and|but)\s+(?:what|which|who|how|when|where)\b", masked)
        clause = rest[: stop.start()] if stop else rest
        end = m.end() + len(clause)
        # a trailing participle (+ preposition) belongs to the outer clause: "... is the N that
        # X runs based in?"
        tail = re.search(r"\s+([a-z]+ed)(?:\s+(?:in|at|on|to|for|from|by|with))?\s*$", clause)
        if tail and tail.start() > 0 and len(clause[: tail.start()].split()) >= 2:
            end = m.end() + tail.start()
        # ... and so does a bare verb after "did"/"does" before the description: "When did
        # the firm that built X close?"
        elif re.search(r"\b(?:did|does|do|will|would|can|could|should)\s+$", question[:start], re.I) \
                and (last := re.search(r"\s+([a-z]+)\s*$", clause)) and len(clause[: last.start()].split()) >= 2 \
                and clause[: last.start()].split()[-1][:1].isupper():  # (after a name: "... Oxby Mill close?")
            end = m.end() + last.start()
        span = question[start:end].strip()
        head = m.group(1)
        return Description(span, start, start + len(span), f"Which {head} is meant by: {span}?", head)
    m = _CONTACT.search(question)
    # (each word of the head a noun's: "the museum in Paris opened" is no description; nor is a
    # passive's subject: "When was the museum Tate Modern opened?")
    if m and not any(w.lower() in LEADING or w.lower() in _HEAD_STOPS for w in m.group(1).split()) \
            and m.group(2).lower() not in _NOT_VERBS \
            and not (m.group(2).endswith("ed") and re.search(r"\b(?:is|was|were|are|be|been|being|has|have|had|get|got)\s+$",
                                                             question[:m.start()], re.I)):
        span = m.group(0).strip()
        head = m.group(1).split()[-1]
        return Description(span, m.start(), m.start() + len(span), f"Which {head} is meant by: {span}?", head)
    if m := _BEHIND.search(question):  # "the codec behind the alias u16"
        span = m.group(0).strip()
        return Description(span, m.start(), m.start() + len(span), f"Which {m.group(1)} is meant by: {span}?",
                           m.group(1).split()[-1])
    m = _OF_CHAIN.search(question)
    if m:
        start = m.start(1)
        rest = question[m.end(1):]
        stop = re.search(r",(?!\d)|[;?!]|\s+(?:is|was|are|were|does|did|do|based|located|born)\b", rest)
        end = m.end(1) + (stop.start() if stop else len(rest))
        span = question[start:end].strip()
        head = span.split()[1] if len(span.split()) > 1 else span
        return Description(span, start, start + len(span), f"Which is {span}?", head)
    return None


# ---------------------------------------------------------------- one item of a list

# "Name one module that ...", "Give an alias of ...": one item is asked ("Name the one
# package that ..." asks for a single thing, not one of several)
_ONE_ASKED = re.compile(r"^\s*(?:please\s+)?(?:name|give|state|mention|cite|list)\s+(?:me\s+)?(?:one|an?|any)\s+"
                        r"(?!of\s+the\s+(?:two|both)\b)[\w-]", re.I)
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.I)


def one_item(question: str, answer: str) -> str | None:
    """For a question asking for one item of several ("Name one module that X imports"), the
    first item of the list an answer gives ("os, re, sys." or "It imports 4 modules: select,
    os, sys and tty." -> "os"); None when the question asks no such thing or the answer is no
    list of short items."""
    if not _ONE_ASKED.match(question):
        return None
    text = answer.strip()
    if "\n" in text:
        return None
    if ":" in text:  # the list after a lead-in ("... name 4 modules: select, os")
        text = text.rsplit(":", 1)[1]
    items = [i.strip(" .;\"'`") for i in _LIST_SPLIT.split(text.strip().rstrip("."))]
    items = [i for i in items if i]
    if len(items) < 2 or any(len(i.split()) > 3 for i in items):
        return None
    return items[0]
