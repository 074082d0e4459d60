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
