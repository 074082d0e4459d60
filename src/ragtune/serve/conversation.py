"""A conversation's last question as a standalone query: follow-ups such as "and when was it
released?" carry their antecedent from earlier turns into retrieval.

No model is asked (a 135M model rewrites poorly); the method is general and shallow:
- a turn's *topic* is its most name-like noun phrase (a run of content words, joined by
  `of`/`'s`; name-like = a capitalised word after the first, a digit, a quote, all caps),
  or, for a question without pronouns, its longest noun phrase; a turn without a topic of
  its own keeps the previous one (a conversation's subject is sticky);
- third-person pronouns (it, its, they, them, their) in the last question become the topic;
  personal ones (he, she, him, his, her) become the previous answer's name when the previous
  question asked *who*, else the topic;
- an elliptical follow-up ("and the founding year?", "what about X?") without a topic of
  its own gets the topic appended.
A question with a name-like phrase before its pronouns is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\"[^\"]{1,80}\"|\w+(?:[.\-/]\w+)*(?:'s)?|[^\w\s]")
FUNCTION_WORDS = frozenset(
    "a an the of in on at to for from by with and or but so nor is are was were be been being "
    "am do does did doing done has have had having can could would should will shall may might "
    "must what which who whom whose when where why how that this these those it its as into onto "
    "than then there here their theirs they them he she his her hers him we us our you your i me "
    "my not no yes about over under after before during since until also too very just only "
    "any some all each every both either neither one ones much many more most other such "
    "if whether up down out off again further once please tell know say said".split()
)
NEUTER = {"it": "", "its": "'s", "they": "", "them": "", "their": "'s", "theirs": "'s"}
PERSONAL = {"he": "", "him": "", "his": "'s", "she": "", "her": None, "hers": "'s"}
_ELLIPSIS = re.compile(r"^\s*(?:and|also|but|so)\b|^\s*(?:what|how)\s+about\b", re.I)
_LEADING_AND = re.compile(r"^\s*(?:and|also|but|so)\s*,?\s+", re.I)


@dataclass
class Rewrite:
    question: str  # the last user message as sent
    query: str  # the standalone question used for retrieval and answering
    antecedent: str = ""  # what was carried over ("" = nothing)
    turns: int = 0  # earlier user turns considered

    @property
    def changed(self) -> bool:
        return self.query != self.question

    def trace_output(self) -> dict:
        return {"query": self.query, "antecedent": self.antecedent}


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _is_content(tok: str) -> bool:
    return bool(re.match(r"[\w\"']", tok)) and tok.lower().removesuffix("'s") not in FUNCTION_WORDS


def _name_like(tok: str, first: bool) -> bool:
    if tok[0] in "\"'" or any(ch.isdigit() for ch in tok):
        return True
    if len(tok) > 1 and tok.isupper():
        return True
    return tok[0].isupper() and not first


_DO = frozenset("do does did can could will would should may might must".split())
_BE = frozenset("is are was were be been has have had".split())


def noun_phrases(text: str) -> list[tuple[str, bool]]:
    """(phrase, name-like) for each noun phrase: a run of content words (`of` + article and
    `'s` join runs). A run holding a name starts at the name ("founded Quellmark" ->
    "Quellmark") and splits where a lower-case word precedes another name; a final verb is
    dropped after `do`-support ("What does Quellmark make?") or a passive (`was ... founded`)."""
    toks = _words(text)
    runs: list[tuple[int, list[int]]] = []  # (index after the run, token indexes in it)
    i = 0
    while i < len(toks):
        if not _is_content(toks[i]):
            i += 1
            continue
        idx: list[int] = []
        while i < len(toks):
            if _is_content(toks[i]):
                idx.append(i)
                i += 1
                continue
            j = i + 1 if toks[i].lower() == "of" else i  # "code of the Zorblax project"
            if i < j < len(toks) and toks[j].lower() in ("the", "a", "an"):
                j += 1
            if i < j < len(toks) and _is_content(toks[j]):
                idx.extend(range(i, j))
                i = j
                continue
            break
        runs.append((i, idx))
    out: list[tuple[str, bool]] = []
    for end, idx in runs:
        named = [k for k in idx if _is_content(toks[k])
                 and (_name_like(toks[k], k == 0) or k == 0 and k + 1 in idx
                      and _name_like(toks[k + 1], False))]  # "Ada Voss founded ..."  # fmt: skip
        pieces = [idx]
        if named:  # start at the first name; a lower-case word right before a name ends a piece
            idx = idx[idx.index(named[0]) :]
            pieces, cur = [], []
            for n, k in enumerate(idx):
                nxt = idx[n + 1] if n + 1 < len(idx) else None
                if k not in named and _is_content(toks[k]) and nxt in named:
                    pieces.append(cur)
                    cur = []
                    continue
                cur.append(k)
            pieces.append(cur)
        for piece in pieces:
            while piece and not _is_content(toks[piece[-1]]):
                piece.pop()
            at_end = end >= len(toks) or toks[end] in "?.!"
            before = {t.lower() for t in toks[: piece[0]]} if piece else set()
            if at_end and len(piece) > 1 and piece[-1] == idx[-1] and toks[piece[-1]].islower():
                last = toks[piece[-1]]
                if before & _DO or (before & _BE and re.search(r"(ed|en|wn)$", last)):
                    piece.pop()
            if piece:
                phrase = " ".join(toks[piece[0] : piece[-1] + 1]).replace(" 's", "'s").strip("\"")
                out.append((phrase, any(k in named for k in piece)))
    return out


def _pronouns(text: str) -> list[str]:
    return [t for t in _words(text) if t.lower() in NEUTER or t.lower() in PERSONAL]


def topic_of(question: str) -> str:
    """A turn's own topic: its first name-like phrase, else (without pronouns) its longest phrase."""
    phrases = noun_phrases(question)
    named = [p for p, is_name in phrases if is_name]
    if named:
        return named[0]
    if phrases and not _pronouns(question):
        return max((p for p, _ in phrases), key=lambda p: len(p.split()))
    return ""


def _answer_name(answer: str) -> str:
    """The name a short answer gives ("Ada Voss founded it." -> "Ada Voss")."""
    if len(answer.split()) > 16:
        return ""
    named = [p for p, is_name in noun_phrases(answer) if is_name]
    return named[0] if named else ""


def _substitute(question: str, topic: str, person: str) -> tuple[str, str]:
    toks = list(re.finditer(r"\w+(?:'s)?|[^\w\s]", question))
    out, last, used = [], 0, ""
    for n, m in enumerate(toks):
        low = m.group().lower()
        if low not in NEUTER and low not in PERSONAL:
            continue
        name = (person or topic) if low in PERSONAL else topic
        if not name:
            continue
        suffix = NEUTER.get(low, PERSONAL.get(low))
        if suffix is None:  # "her": possessive before a content word, else the object
            nxt = toks[n + 1].group() if n + 1 < len(toks) else ""
            suffix = "'s" if nxt and _is_content(nxt) else ""
        out.append(question[last : m.start()] + name + suffix)
        last, used = m.end(), name
    return "".join(out) + question[last:], used


def standalone(messages: list[dict]) -> Rewrite:
    """Rewrite the last user message of `messages` ({role, content} with text content)."""
    users = [i for i, m in enumerate(messages) if m.get("role") == "user"]
    if not users:
        return Rewrite("", "")
    last = messages[users[-1]].get("content") or ""
    earlier = users[:-1]
    rewrite = Rewrite(last, last, turns=len(earlier))
    if not earlier:
        return rewrite
    topic, person = "", ""
    for i in earlier:  # the topic as the conversation went: sticky until a turn names another
        q = messages[i].get("content") or ""
        q_topic = topic_of(q)
        topic = q_topic or topic
        answer = next((m.get("content") or "" for m in messages[i + 1 : i + 2]
                       if m.get("role") == "assistant"), "")  # fmt: skip
        asks_who = re.match(r"^\s*(?:and\s+)?(?:who|whom|whose)\b", q, re.I)
        person = _answer_name(answer) if asks_who else ""
    if not topic and not person:
        return rewrite
    own = [p for p, named in noun_phrases(last) if named]
    first_pronoun = next((m.start() for m in re.finditer(r"\w+", last)
                          if m.group().lower() in NEUTER or m.group().lower() in PERSONAL), None)  # fmt: skip
    if first_pronoun is not None:
        if own and last.find(own[0]) < first_pronoun:
            return rewrite  # "Is Zorblax late and is it over budget?": its own antecedent
        query, used = _substitute(last, topic, person)
        if used:
            query = _LEADING_AND.sub("", query)  # "and when was it ..." -> "When was X ..."
            rewrite.query, rewrite.antecedent = query[:1].upper() + query[1:], used
        return rewrite
    if _ELLIPSIS.search(last) and not own and topic:
        body = _LEADING_AND.sub("", last).rstrip().rstrip("?").rstrip()
        body = body[:1].upper() + body[1:]
        rewrite.query, rewrite.antecedent = f"{body} of {topic}?", topic
    return rewrite
