"""Questions answered by the sizes of lists across a catalog of pages (one page per thing):
"Which package offers the most optional extras?", "Of the packages that require X, which one
lists the fewest dependencies?", "Which of A or B depends on more packages?", "Which package do
the most packages list as a requirement?", "Which package do exactly 4 packages require?".

Only the question is read here (general English); the agent reads every page's list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ragtune.strategies.shared_items import list_terms

_PLURAL_NOUN = r"(?P<noun>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s)"
# "which package (in the catalog) offers the most optional extras?"
_SUPERLATIVE = re.compile(rf"^\s*which\s+(?:one|[a-z][\w-]*)(?:\s+(?:in|of)\s+the\s+[a-z]+)?\s+"
                          rf"(?:(?P<verb>[a-z]+)(?:\s+on)?|has|have)\s+the\s+(?P<way>most|fewest|least)\s+"
                          rf"{_PLURAL_NOUN}\s*\?\s*$", re.I)
# "Of the packages that require X, ..." / "Among the packages depending on X, ..."
_SCOPE = re.compile(r"^\s*(?:of|among)\s+the\s+[a-z][\w-]*s(?:\s+in\s+the\s+[a-z]+)?\s+(?:that\s+|which\s+)?"
                    r"(?P<verb>[a-z]+)(?:\s+on)?\s+(?P<item>[\w][\w.+-]*)\s*,\s*(?P<rest>.+)$", re.I)
# "which of A or B depends on more packages?" (the relation, the options taken out)
_MORE = re.compile(rf"\b(?:(?P<verb>[a-z]+)(?:\s+on)?|has|have)\s+(?P<way>more|fewer|less)\s+{_PLURAL_NOUN}"
                   rf"\s*(?P<tail>\s(?:with|without|that|which|under|in|for|by)\b.*)?[?.]?\s*$", re.I)
# "Which package do the most packages list as a requirement?"
_ALL = r"(?:,?\s*with\s+or\s+without\b[^?]*)?"  # "with or without a marker": every item counts
_MOST_LISTED = re.compile(r"^\s*which\s+[a-z][\w-]*\s+do\s+the\s+(?P<way>most|fewest)\s+(?:[a-z][\w-]*\s+){0,2}?"
                          rf"[a-z][\w-]*s\s+(?P<verb>[a-z]+)(?:\s+on)?(?:\s+as\s+an?\s+(?P<as>[a-z][\w-]*))?{_ALL}\s*\?\s*$", re.I)
# "Which package do exactly 4 packages (in the catalog) list as a requirement?"
_EXACTLY_LISTED = re.compile(r"^\s*which\s+[a-z][\w-]*\s+do\s+exactly\s+(?P<n>\d+)\s+(?:[a-z][\w-]*\s+){0,4}?"
                             rf"(?P<verb>[a-z]+)(?:\s+on)?(?:\s+as\s+an?\s+(?P<as>[a-z][\w-]*))?{_ALL}\s*\?\s*$", re.I)
# "Exactly 7 packages require one and the same package. Which one is it?"
_EXACTLY_SAME = re.compile(r"^\s*exactly\s+(?P<n>\d+)\s+(?:[a-z][\w-]*\s+){1,3}?(?P<verb>[a-z]+)(?:\s+on)?\s+"
                           r"(?:one\s+and\s+the\s+same|the\s+same|one)\s+[a-z][\w-]*\s*\.\s*which\b.*\?\s*$", re.I)
# modifiers that say what a list is, not which of its items count ("required dependencies")
_PLAIN = {"required", "optional", "declared", "listed", "direct", "different", "distinct"}


@dataclass(frozen=True)
class SizeAsk:
    way: str  # "most" / "fewest" (superlatives and counts of holders), "more" / "fewer"
    terms: frozenset[str]  # the list's label words
    scope: tuple[frozenset[str], str] | None = None  # pages must list this item under those words


def _unqualified(noun: str, tail: str | None) -> bool:
    """A counted noun phrase that narrows no items: "optional extras", not "conditional
    requirements" nor "requirements with a marker" (which items of a list count is not read)."""
    return not tail and all(w.lower() in _PLAIN for w in noun.split()[:-1])


def size_superlative(question: str) -> SizeAsk | None:
    """"Which X has the most <items>?", optionally scoped by "Of the Xs that <verb> Y, ..."."""
    scope = None
    q = question
    if m := _SCOPE.match(q):
        scope = (list_terms("", m.group("verb")), m.group("item"))
        q = "Which " + m.group("rest").lstrip()
        q = re.sub(r"^Which\s+which\b", "Which", q, flags=re.I)
    m = _SUPERLATIVE.match(q)
    if not m or not _unqualified(m.group("noun"), None):
        return None
    way = "most" if m.group("way").lower() == "most" else "fewest"
    terms = list_terms(m.group("noun"), m.group("verb") or "")
    return SizeAsk(way, terms, scope) if terms and (scope is None or scope[0]) else None


def size_comparison(relation: str) -> SizeAsk | None:
    """The relation of "which of A or B <verb>s more <items>" (options taken out), or None."""
    m = _MORE.search(relation)
    if not m or not _unqualified(m.group("noun"), m.group("tail")):
        return None
    terms = list_terms(m.group("noun"), m.group("verb") or "")
    return SizeAsk("more" if m.group("way").lower() == "more" else "fewer", terms) if terms else None


def holders_ask(question: str) -> tuple[str, int, frozenset[str]] | None:
    """("most" | "exactly", n, label words) for "which item do the most pages list", "which
    item do exactly n pages list"; None otherwise."""
    if m := _MOST_LISTED.match(question):
        terms = list_terms(m.group("as") or "", m.group("verb"))
        return (m.group("way").lower(), 0, terms) if terms else None
    for pattern in (_EXACTLY_LISTED, _EXACTLY_SAME):
        if m := pattern.match(question):
            terms = list_terms(m.groupdict().get("as") or "", m.group("verb"))
            return ("exactly", int(m.group("n")), terms) if terms else None
    return None


# one condition on a page's lists: "has no optional extras", "offers an extra named X",
# "depends on X", "requiring both X and Y"
_NO_ITEMS = re.compile(r"^(?:has|have|offers?|declares?|lists?|provides?)\s+no\s+(?P<noun>(?:[a-z][\w-]*\s+){0,2}?"
                       r"[a-z][\w-]*s)(?:\s+at\s+all)?$", re.I)
_NAMED_ITEM = re.compile(r"^(?:has|have|offers?|declares?|lists?|provides?)\s+an?\s+(?P<noun>(?:[a-z][\w-]*\s+)?"
                         r"[a-z][\w-]*)\s+(?:named|called)\s+[\"'\u201c]?(?P<item>[\w][\w.+-]*)[\"'\u201d]?$", re.I)
_VERB_ITEM = re.compile(r"^(?:that\s+|which\s+)?(?P<verb>[a-z]+)(?:\s+on)?\s+(?:both\s+)?(?P<item>[\w][\w.+-]*)"
                        r"(?:\s+and\s+(?P<item2>[\w][\w.+-]*))?$", re.I)
_NOT_LISTING = {"is", "are", "was", "has", "have", "had", "does", "do", "can", "will", "the", "a", "an"}


def _condition(clause: str) -> list[tuple[frozenset[str], str | None]] | None:
    """(label words, item) pairs a page's lists must satisfy (item None: the list is empty)."""
    c = clause.strip().rstrip("?").strip()
    if m := _NO_ITEMS.match(c):
        return [(terms, None)] if (terms := list_terms(m.group("noun"))) else None
    if m := _NAMED_ITEM.match(c):
        return [(terms, m.group("item"))] if (terms := list_terms(m.group("noun"))) else None
    if (m := _VERB_ITEM.match(c)) and m.group("verb").lower() not in _NOT_LISTING:
        terms = list_terms("", m.group("verb"))
        if not terms:
            return None
        return [(terms, m.group("item"))] + ([(terms, m.group("item2"))] if m.group("item2") else [])
    return None


_WHICH_PAGE = re.compile(r"^\s*which\s+(?:single\s+|one\s+)?[a-z][\w-]*(?:\s+in\s+the\s+[a-z]+)?\s+(?P<rest>.+?)\s*\?\s*$", re.I)
_AMONG = re.compile(r"^\s*(?:of|among)\s+the\s+[a-z][\w-]*s(?:\s+in\s+the\s+[a-z]+)?\s+(?:that\s+|which\s+)?(?P<scope>[^,]+),"
                    r"\s*which\s+(?:one\s+)?(?P<rest>.+?)\s*\?\s*$", re.I)


def page_filter(question: str) -> list[tuple[frozenset[str], str | None]] | None:
    """The conditions of "Which <thing> depends on X but offers no extras?", "Among the things
    that require X, which one declares no extras?" (two or more conditions, or one on an empty
    list), or None when a clause is not a condition on a list."""
    if m := _AMONG.match(question):
        clauses = [m.group("scope"), *re.split(r"\s+(?:but|yet|and\s+yet|while)\s+", m.group("rest"))]
    elif m := _WHICH_PAGE.match(question):
        clauses = re.split(r"\s+(?:but|yet|and\s+yet|while)\s+", m.group("rest"))
    else:
        return None
    out: list[tuple[frozenset[str], str | None]] = []
    for c in clauses:
        got = _condition(c)
        if got is None:
            return None
        out += got
    if len(out) < 2 and not any(item is None for _, item in out):
        return None
    return out


# "the package requiring both X and Y", "the package with the optional extra X": a page
# described by what its lists hold, inside a question asking something of it
_HOLDER = re.compile(
    r"\bthe\s+(?:one\s+|only\s+|single\s+)?(?!(?:two|three|both|other|same|first|second|last)\b)[a-z][\w-]*\s+"
    r"(?:(?:that|which)\s+)?(?P<clause>"
    r"(?:requires?|requiring|depends?\s+on|depending\s+on|needs?|needing)\s+(?:both\s+[\w][\w.+-]*\s+and\s+)?[\w][\w.+-]*"
    r"|(?:with|offering|that\s+offers|which\s+offers|having|that\s+has)\s+(?:the|an?)\s+"
    r"(?P<noun>(?:optional\s+)?[a-z][\w-]*)\s+(?:named\s+|called\s+)?"
    r"[\"'\u201c]?(?P<item>[\w][\w.+-]*?)[\"'\u201d]?)(?=[\s?,.]|$)", re.I)


def holder_description(question: str) -> tuple[int, int, list[tuple[frozenset[str], str | None]]] | None:
    """(start, end, conditions) of a page described by its lists inside a question asking
    something else of it ("What licence does the package requiring both X and Y carry?")."""
    m = _HOLDER.search(question)
    if not m or re.match(r"^\s*(?:which|what)\s+[a-z][\w-]*\s*$", question[:m.start()], re.I):
        return None  # "Which package requires both X and Y?" asks for the page itself
    if m.group("noun"):
        terms = list_terms(m.group("noun"))
        conditions: list[tuple[frozenset[str], str | None]] | None = [(terms, m.group("item"))] if terms else None
    else:
        conditions = _condition(m.group("clause"))
    return (m.start(), m.end(), conditions) if conditions else None


# conditions on a page's lists written anywhere in a question ("Which package under licence L
# requires X?", "Among the packages without required dependencies, which one ...")
_ANY_NO_ITEMS = re.compile(r"\b(?:(?:has|have|offers?|declares?|lists?|provides?)\s+no\s+"
                           r"(?P<noun>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s)\b"
                           r"|without\s+any\s+(?P<one>(?:[a-z][\w-]*\s+)?[a-z][\w-]*)\b"
                           r"|without\s+(?P<noun2>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s)\b)", re.I)
# "declare optional extras", "offer any optional extras": a list that is not empty
_ANY_SOME = re.compile(r"\b(?:declares?|offers?|has|have|lists?|provides?)\s+(?:any\s+|some\s+)?"
                       r"(?P<noun>(?:optional\s+|required\s+)?[a-z][\w-]*s)\b(?!\s+(?:named|called|in\s+common))", re.I)
_ANY_NAMED_ITEM = re.compile(r"\b(?:has|have|offers?|offering|declares?|lists?|provides?|with)\s+an?\s+"
                             r"(?P<noun>(?:optional\s+)?[a-z][\w-]*)\s+(?:named|called)\s+[\"'\u201c]?"
                             r"(?P<item>[\w][\w.+-]*?)[\"'\u201d]?(?=[\s?,.]|$)", re.I)
_ANY_VERB_ITEM = re.compile(r"\b(?P<verb>requires?|requiring|depends?\s+on|depending\s+on|needs?|needing)\s+"
                            r"(?:both\s+(?P<first>[\w][\w.+-]*)\s+and\s+)?(?P<item>[\w][\w.+-]*)", re.I)


# "lists minimatch as a dependency", "names X as a requirement": the item, then its list's noun
_ITEM_AS_NOUN = re.compile(r"\b(?:lists?|listing|names?|naming|has|have|declares?|declaring|includes?|including)\s+"
                           r"(?P<item>[\w@][\w.+/@-]*)\s+as\s+an?\s+(?:(?:runtime|direct)\s+)?"
                           r"(?P<noun>[a-z][\w-]*)\b", re.I)


# "lists Digital Signature among its key usages": the item (a few words), then its list's noun;
# not after a denial ("does not list X among ...": an absence is not read as a condition)
_ITEM_AMONG = re.compile(r"(?<!\bnot\s)(?<!n't\s)\b(?:lists?|listing|names?|naming|includes?|including|"
                         r"counts?|counting|has|have)\s+"
                         r"(?P<item>[\w@][\w.+/@-]*(?:\s+[\w@][\w.+/@-]*){0,3}?)\s+among\s+(?:its|their|the)\s+"
                         r"(?P<noun>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s)\b", re.I)


def list_conditions(question: str) -> list[tuple[frozenset[str], str | None]]:
    """Every condition on a page's lists the question writes, wherever it stands."""
    out: list[tuple[frozenset[str], str | None]] = []
    for m in _ANY_NO_ITEMS.finditer(question):
        if terms := list_terms(m.group("noun") or m.group("one") or m.group("noun2")):
            out.append((terms, None))
    for m in _ANY_SOME.finditer(question):
        if re.search(r"\b(?:the\s+)?(?:most|fewest|least|more|fewer)\s+$", question[:m.start("noun")], re.I):
            continue  # "offers the most extras" sizes the list, it asks for none
        if terms := list_terms(m.group("noun")):
            out.append((terms, ""))  # "" : any item
    for m in _ANY_NAMED_ITEM.finditer(question):
        if terms := list_terms(m.group("noun")):
            out.append((terms, m.group("item")))
    for m in _ANY_VERB_ITEM.finditer(question):
        if terms := list_terms("", m.group("verb").split()[0]):
            # ("requires both A and B": two conditions)
            out += [(terms, i) for i in (m.group("first"), m.group("item")) if i]
    for m in _ITEM_AMONG.finditer(question):
        if terms := list_terms(m.group("noun")):
            out.append((terms, m.group("item")))
    for m in _ITEM_AS_NOUN.finditer(question):
        noun = m.group("noun").lower()  # a dependency is what a thing depends on, as its verb says
        verb = "depends" if noun.startswith("depend") else "requires" if noun.startswith("requir") else ""
        if terms := list_terms("" if verb else noun, verb):
            out.append((terms, m.group("item")))
    return out


# "Which other package shares the largest number of requirements with X?", "Which package has
# the most requirements in common with X?"
_MOST_SHARED = re.compile(
    r"^\s*which\s+(?:other\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:shares|has)\s+the\s+"
    r"(?:(?P<way>most|fewest)|(?P<way2>largest|smallest)\s+number\s+of)\s+(?P<noun>(?:[a-z][\w-]*\s+)?[a-z][\w-]*s)\s+"
    r"(?:in\s+common\s+)?with\s+(?P<x>[\w][\w.+-]*)\s*\?\s*$", re.I)


def most_shared(question: str) -> tuple[str, frozenset[str], str] | None:
    """("most" | "fewest", label words, X) for "which package shares the most requirements with X?"."""
    m = _MOST_SHARED.match(question)
    if not m or not (terms := list_terms(m.group("noun"))):
        return None
    way = "most" if (m.group("way") or m.group("way2")).lower() in ("most", "largest") else "fewest"
    return way, terms, m.group("x")


# "has at least four extensions", "lists exactly one alias", "with more than 3 members"
_SIZE_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_SIZE_OPS = {"at least": ">=", "no fewer than": ">=", "at most": "<=", "no more than": "<=", "more than": ">",
             "over": ">", "fewer than": "<", "less than": "<", "under": "<", "exactly": "==", "only": "=="}
_SIZE_OP = "|".join(op.replace(" ", r"\s+") for op in sorted(_SIZE_OPS, key=len, reverse=True))
_SIZE = re.compile(rf"\b(?P<op>{_SIZE_OP})\s+"
                   rf"(?P<n>\d+|{'|'.join(_SIZE_WORDS)})\s+(?P<noun>(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*?)"
                   r"(?=\s*(?:[?,.;:]|$|\s(?:and|or|but|in|on|at|listed|named|that|which|than)\b))", re.I)


# "five or more variants", "2 or fewer members"
_SIZE_OR = re.compile(rf"\b(?P<n>\d+|{'|'.join(_SIZE_WORDS)})\s+or\s+(?P<op>more|fewer|less)\s+"
                      r"(?P<noun>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*?)"
                      r"(?=\s*(?:[?,.;:]|$|\s(?:and|or|but|in|on|at|listed|named|that|which|than)\b))", re.I)


# "gets no exotic variants", "defines no keys of its own": a size of none (verbs a list
# condition does not read: "has no extras" is one)
SIZE_NONE = re.compile(r"\b(?:gets?|defines?|names?|receives?|adds?)\s+no\s+"
                       r"(?P<noun>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s)\b", re.I)


def size_conditions(question: str) -> list[tuple[str, int, str]]:
    """(comparison, number, counted noun) for each size a question sets on a thing's items
    ("at least four extensions" -> (">=", 4, "extensions")): the comparison is explicit, so a
    bare figure ("has 3 lanes") is left to the fields that state it."""
    out = []
    for m in _SIZE.finditer(question):
        n = m.group("n").lower()
        op = _SIZE_OPS[" ".join(m.group("op").lower().split())]
        # (a measure's adjective after the noun: "exactly 323 lines long")
        noun = re.sub(r"\s+(?:long|wide|high|tall|deep|old|big|large)$", "", m.group("noun").lower())
        out.append((op, size_number(n), noun))
    for m in SIZE_NONE.finditer(question):
        out.append(("==", 0, m.group("noun").lower()))
    for m in _SIZE_OR.finditer(question):
        op = ">=" if m.group("op").lower() == "more" else "<="
        out.append((op, size_number(m.group("n").lower()), m.group("noun").lower()))
    return out


# a figure in digits or in words, as sizes are written ("4", "four")
SIZE_FIGURE = rf"\d+|{'|'.join(_SIZE_WORDS)}"


def size_number(figure: str) -> int:
    """A size figure's value: "4" or "four" -> 4."""
    return int(figure) if figure.isdigit() else _SIZE_WORDS[figure.lower()]


def size_meets(size: int, op: str, n: int) -> bool:
    return {">=": size >= n, "<=": size <= n, ">": size > n, "<": size < n, "==": size == n}[op]
