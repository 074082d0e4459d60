"""Questions about what two things' lists share, or what one thing's list holds alone: "Which
package do both A and B require?", "A and B have exactly one dependency in common. What
licence does it carry?", "the one package that A requires", "How many guests were invited to
both parties?".

Only the question is read here (general English); the agent reads the lists from each thing's
own page (`counting.labelled_lists`) and intersects them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ragtune.strategies.question import stem, words

_THING = r"(?:the\s+)?[\w][\w.+-]*(?:\s+[\w][\w.+-]*){0,6}?"
_ONE = r"(?:one|only|single|sole)"
_NOUN = r"(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"

# "Which package do both A and B require?", "Which optional extra do both A and B offer?"
_BOTH_DO = re.compile(rf"^\s*(?:which|what)\s+{_NOUN}\s+do(?:es)?\s+both\s+(?P<a>{_THING})\s+and\s+"
                      rf"(?P<b>{_THING})\s+(?P<verb>[a-z]+)(?:\s+(?:on|to|for|in|from))?\s*\?\s*$", re.I)
# "What is the one dependency that A and B have in common?"
_ONE_IN_COMMON = re.compile(rf"^\s*(?:which|what)\s+is\s+the\s+{_ONE}\s+{_NOUN}\s+(?:that|which)\s+"
                            rf"(?:both\s+)?(?P<a>{_THING})\s+and\s+(?P<b>{_THING})\s+(?:have|share)"
                            rf"(?:\s+in\s+common)?\s*\?\s*$", re.I)
# "A and B have exactly one dependency in common." (a sentence before the question)
_HAVE_ONE = re.compile(rf"^\s*(?P<a>{_THING})\s+and\s+(?P<b>{_THING})\s+(?:have|share)\s+(?:exactly\s+|only\s+|just\s+)?"
                       rf"(?:one|a\s+single)\s+{_NOUN}(?:\s+in\s+common)?\s*\.\s+(?P<rest>.+)$", re.I)
# "A depends on a single package." (a sentence before the question)
_HAS_ONE = re.compile(rf"^\s*(?P<a>{_THING})\s+(?P<verb>[a-z]+)(?:\s+on)?\s+(?:exactly\s+|only\s+|just\s+)?"
                      rf"(?:one|a\s+single)\s+{_NOUN}\s*\.\s+(?P<rest>.+)$", re.I)
# "the one package that (both) A (and B) require(s)" inside a question
_THE_ONE = re.compile(rf"\bthe\s+{_ONE}\s+{_NOUN}\s+(?:that|which)\s+(?:both\s+)?(?P<a>{_THING})"
                      rf"(?:\s+and\s+(?P<b>{_THING}))?\s+(?P<verb>[a-z]+)(?:\s+on)?(?=\s|\?|$)", re.I)
# "the only required dependency of A" (a question asking it, or asking something of it)
_ONLY_OF = re.compile(rf"\bthe\s+{_ONE}\s+{_NOUN}\s+of\s+(?P<a>[\w][\w.+-]*)(?=\s*[?,]|\s+(?:is|carry|carries|need|needs|declare|declares|have|has|use|uses)\b)", re.I)
# "How many dependencies do A and B have in common?", "How many packages do A and B both require?"
_HOW_MANY_SHARED = re.compile(rf"^\s*how\s+many\s+{_NOUN}\s+do\s+(?:both\s+)?(?P<a>{_THING})\s+and\s+"
                              rf"(?P<b>{_THING})\s+(?:both\s+)?(?:have\s+in\s+common|share|(?P<verb>[a-z]+)"
                              rf"(?:\s+on)?(?:\s+in\s+common)?)\s*\?\s*$", re.I)
# "How many extra names appear in the optional extras of both A and B?"
_HOW_MANY_IN_BOTH = re.compile(rf"^\s*how\s+many\s+(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*s\s+(?:appear|are\s+listed|occur)\s+"
                               rf"in\s+the\s+{_NOUN}\s+of\s+both\s+(?P<a>{_THING})\s+and\s+(?P<b>{_THING})\s*\?\s*$", re.I)
_HOW_MANY_SHARED_BY = re.compile(rf"^\s*how\s+many\s+{_NOUN}\s+(?:are|is)\s+(?:shared\s+by|common\s+to)\s+"
                                 rf"(?:both\s+)?(?P<a>{_THING})\s+and\s+(?P<b>{_THING})\s*\?\s*$", re.I)
# "How many guests were invited to both A and B?"
_HOW_MANY_BOTH = re.compile(rf"^\s*how\s+many\s+{_NOUN}\s+(?:were|are|was|is|do|did)?\s*(?P<verb>[a-z]+)?"
                            rf"(?:\s+(?:at|in|on|by|for|to))?\s+both\s+(?P<a>{_THING})\s+and\s+"
                            rf"(?P<b>{_THING})\s*\?\s*$", re.I)
_VERBS_NOT = {"have", "has", "had", "share", "is", "are", "was", "were", "be", "do", "does"}


@dataclass(frozen=True)
class SharedAsk:
    mode: str  # "which" (the one shared item), "count" (how many shared), "bridge" (then ask about it)
    things: tuple[str, ...]  # the one or two things whose lists are read
    terms: frozenset[str]  # the words a list's label is matched by (its noun, the verb)
    rest: str = ""  # for a bridge: the question with "{}" where the bridged item goes


# verbs that say a list is given, not what it lists ("offer", "list"): the noun labels it then
_GIVING = {"offer", "list", "declare", "name", "mention", "include", "show", "give", "contain"}


def list_terms(noun: str, verb: str = "") -> frozenset[str]:
    """The words a list's label is matched by: the relation's verb ("require": a package's
    own name field is no list of what it requires), else the listed noun ("optional extra")."""
    v = verb.lower()
    if v and v not in _VERBS_NOT and stem(v).rstrip("e") not in {stem(g).rstrip("e") for g in _GIVING}:
        return frozenset({stem(v)})
    return frozenset(stem(w) for w in words(noun))


def _back(noun: str) -> re.Pattern[str]:
    """What refers back to the bridged item in the question after the sentence naming it:
    "it", "that package", "this dependency", "the shared one"."""
    head = re.escape(noun.split()[-1].lower())
    return re.compile(rf"\b(?:it|(?:that|this|the\s+shared|the\s+common)\s+(?:{head}|one))\b", re.I)


def _thing(text: str) -> str:
    return re.sub(r"^the\s+", "", text.strip(), flags=re.I)


def shared_ask(question: str) -> SharedAsk | None:
    """What the question asks of two lists' common items (or one list's only item), or None."""
    q = question.strip()
    if m := _BOTH_DO.match(q):
        if m.group("verb").lower() in _VERBS_NOT:
            return None
        return SharedAsk("which", (_thing(m.group("a")), _thing(m.group("b"))), list_terms(m.group("noun"), m.group("verb")))
    if m := _ONE_IN_COMMON.match(q):
        return SharedAsk("which", (_thing(m.group("a")), _thing(m.group("b"))), list_terms(m.group("noun")))
    for pattern in (_HOW_MANY_SHARED, _HOW_MANY_SHARED_BY, _HOW_MANY_IN_BOTH):
        if (m := pattern.match(q)) and (m.groupdict().get("verb") or "").lower() not in _VERBS_NOT:
            terms = list_terms(m.group("noun"), m.groupdict().get("verb") or "")
            if terms:
                return SharedAsk("count", (_thing(m.group("a")), _thing(m.group("b"))), terms)
    if m := _HOW_MANY_BOTH.match(q):
        return SharedAsk("count", (_thing(m.group("a")), _thing(m.group("b"))),
                         list_terms(m.group("noun"), m.group("verb") or ""))
    for pattern in (_HAVE_ONE, _HAS_ONE):
        if (m := pattern.match(q)) and (back := _back(m.group("noun")).search(m.group("rest"))):
            verb = m.groupdict().get("verb") or ""
            if verb.lower() in _VERBS_NOT - {"have", "has"}:
                continue
            rest = m.group("rest")
            things = (_thing(m.group("a")),) + ((_thing(m.group("b")),) if m.groupdict().get("b") else ())
            return SharedAsk("bridge", things, list_terms(m.group("noun"), verb),
                             rest[:back.start()] + "{}" + rest[back.end():])
    if m := _ONLY_OF.search(q):
        terms = list_terms(m.group("noun"))
        if terms and re.match(r"^\s*(?:which|what)\s+(?:[a-z][\w-]*\s+)?is\s*$", q[:m.start()], re.I):
            return SharedAsk("which", (m.group("a"),), terms)
        if terms:
            return SharedAsk("bridge", (m.group("a"),), terms, q[:m.start()] + "{}" + q[m.end():])
    if m := _THE_ONE.search(q):
        things = (_thing(m.group("a")),) + ((_thing(m.group("b")),) if m.group("b") else ())
        if m.start() == 0 or re.match(r"^\s*(?:which|what)\s+is\s*$", q[:m.start()], re.I):
            return SharedAsk("which", things, list_terms(m.group("noun"), m.group("verb")))
        return SharedAsk("bridge", things, list_terms(m.group("noun"), m.group("verb")),
                         q[:m.start()] + "{}" + q[m.end():])
    return None


def item_matches(listed: str, item: str) -> bool:
    """Whether a listed item is the named one, by its name or by the name in brackets that
    glosses it ("eng (English)" is English)."""
    want = item_key(item)
    gloss = re.search(r"\(([^()]+)\)\s*$", listed)
    return item_key(listed) == want or bool(gloss) and item_key(gloss.group(1)) == want


def item_key(item: str) -> str:
    """An item as compared across lists: its name before a version bound or a note, lower
    case, with "-", "_", "." and spaces alike ("typing_extensions>=4" ~ "Typing-Extensions")."""
    # ... or before a caret range or a bare version after a space ("minimatch ^10.2.2", "semver 7")
    name = re.split(r"\s*[(<>=!~;\[]|\s*\^|\s+(?=v?\d)", item.strip(" \t|*-\u2022"), maxsplit=1)[0]
    return re.sub(r"[-_.\s]+", "-", name.strip().lower()).strip("-")
