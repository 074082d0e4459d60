"""Check machine-written (question, answer) items against the world's own gold facts.

Training questions (`finetune/`) and drafted evaluation questions are made without knowing the
world; this module, which knows it, says how many of them are right. A gold fact is one key of
`world.json`'s `facts` (e.g. `born_in:ada-lovelace`, `ceo:quellmark@1`) with its participants
(subject, object and, for news facts, the year). An item is

- **correct** when its answer is one participant of a fact, the question names another one,
  the question asks about that fact's relation (its words and wh-word do not point to another
  fact of the same entity) and no other fact of that relation gives a different answer;
- **ambiguous** when another fact of the same relation with the same named participants has a
  different answer ("Who was born in Brenton?" when two people were);
- **wrong** when the question names a world entity and the answer is not what the world says;
- **unverifiable** when the item is not about a gold fact (hobbies, filler sentences, front
  matter): true or not, the world's facts cannot tell.

    facts = GoldFacts.load("W/world.json")
    report = facts.check([(question, answer), ...])
    report["correct"], report["covered_facts"], report["questions_per_fact"]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ragtune.world.graph import ROLES
from ragtune.world.questions import TEMPLATES
from ragtune.world.render import NEWS_TEXT, STATEMENTS, TABLE_LABEL, fmt_number

# the type of each participant's value: what a wh-word may ask for it
STATIC_TYPES = {
    "born_in": "place", "birth_year": "year", "works_for": "org", "founded_by": "person",
    "founded_year": "year", "hq": "place", "industry": "thing", "employees": "number",
    "maker": "org", "kind": "thing", "launch_year": "year", "price": "number",
    "country": "place", "population": "number", "organiser": "org", "first_year": "year",
    "role": "thing",
}  # fmt: skip
NAMED = {"born_in", "founded_by", "hq", "maker", "country", "organiser"}
SUBJECT_TYPE = {"person": "person", "org": "org", "product": "thing", "city": "place",
                "event": "thing"}  # fmt: skip
# world question kinds whose templates ask about a static relation (extra cue words)
TEMPLATE_CUES = {"founder": "founded_by", "founded_company": "founded_by",
                 "role_holder": "role", "product_of": "maker", "event_of": "organiser"}  # fmt: skip
STOP = {
    "the", "a", "an", "of", "is", "was", "in", "at", "to", "for", "by", "as", "its", "his",
    "her", "what", "which", "who", "whom", "when", "where", "how", "many", "much", "does",
    "do", "did", "has", "have", "s", "o", "p", "x", "c", "e", "g", "role", "k", "prev",
    "year", "name", "city", "company", "person", "first", "from", "on", "are", "were", "be",
}  # fmt: skip
UNITS = {"dollars", "people", "employees", "inhabitants", "company", "business", "city"}
GLUE = {"in", "to", "of", "the", "a", "an", "at", "for", "by"}


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace(",", ""))


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "er"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:5]


def _contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def _cue_words(texts: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for t in texts:
        t = re.sub(r"\{[a-z]+\}", " ", t)
        out |= {_stem(w) for w in _tokens(t) if w not in STOP and not w.isdigit()}
    return out


def _cues() -> dict[str, set[str]]:
    cues: dict[str, set[str]] = {}
    for rel, variants in STATEMENTS.items():
        cues[rel] = _cue_words([*variants, TABLE_LABEL[rel]])
    for kind, (_, templates) in TEMPLATES.items():
        rel = TEMPLATE_CUES.get(kind, kind)
        if rel in cues:
            cues[rel] |= _cue_words(templates)
    cues["role"] = _cue_words(["role", "job", "position", "title", "works as", *ROLES])
    for kind, variants in NEWS_TEXT.items():
        rel = "ceo" if kind == "ceo_replaces" else kind
        cues.setdefault(rel, set()).update(_cue_words(variants if isinstance(variants, list) else [variants]))
    cues["filter"] = cues.pop("award") | cues.pop("ranking") | cues.pop("venue") | cues.pop("person")
    # the subject's own words are not cues ("born" names two relations: the wh-word decides)
    return cues


def _wh(question: list[str]) -> set[str]:
    """The answer types a question's wh-words allow (empty: any)."""
    q = " ".join(question)
    if re.search(r"\bhow (many|much)\b", q):
        return {"number"}
    if re.search(r"\bwhen\b|\b(what|which) year\b|\bwhat date\b", q):
        return {"year"}
    if re.search(r"\bwhere\b|\b(what|which) (city|country|place)\b", q):
        return {"place", "org"}
    if re.search(r"\bwho\b|\bwhom\b", q):
        return {"person", "org"}
    return set()


@dataclass
class Fact:
    key: str
    relation: str
    values: dict[str, str]  # role -> value as written ("subject", "object", "year")
    types: dict[str, str]  # role -> answer type
    tokens: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.tokens = {r: _tokens(v) for r, v in self.values.items()}


@dataclass
class GoldFacts:
    facts: list[Fact]
    keys: set[str]  # the world's fact keys (what coverage counts)
    names: list[list[str]]  # every entity name, as tokens
    cues: dict[str, set[str]] = field(default_factory=_cues)

    @classmethod
    def load(cls, world_json: str | Path) -> "GoldFacts":
        w = json.loads(Path(world_json).read_text(encoding="utf-8"))
        return cls.from_world(w)

    @classmethod
    def from_world(cls, w: dict[str, Any]) -> "GoldFacts":
        ents = {e["id"]: e for e in w["entities"]}
        keys = set(w["facts"])
        facts: list[Fact] = []

        def add(key: str, rel: str, values: dict[str, Any], types: dict[str, str]) -> None:
            if key in keys or rel == "role":
                facts.append(Fact(key, rel, {k: str(v) for k, v in values.items()}, types))

        for e in ents.values():
            a = e["attrs"]
            stype = SUBJECT_TYPE.get(e["type"], "thing")
            for rel, typ in STATIC_TYPES.items():
                value = a.get(rel)
                if value is None or rel in e.get("withheld", []):
                    continue
                if rel == "role":
                    if not a.get("works_for"):
                        continue
                    add(f"role:{e['id']}", "role", {"subject": e["name"], "object": value,
                        "org": ents[a["works_for"]]["name"]}, {"subject": "person", "object": "thing",
                                                               "org": "org"})
                    continue
                if rel in NAMED or rel == "works_for":
                    value = ents[value]["name"]
                elif rel == "population":
                    value = fmt_number(value)
                add(f"{rel}:{e['id']}", rel, {"subject": e["name"], "object": value},
                    {"subject": stype, "object": typ})
            ceos = a.get("ceos", [])
            for k, c in enumerate(ceos):
                values = {"subject": e["name"], "object": ents[c["person"]]["name"],
                          "year": c["date"][:4]}
                types = {"subject": "org", "object": "person", "year": "year"}
                if k:  # "P takes over from PREV as chief executive of O"
                    values["prev"] = ents[ceos[k - 1]["person"]]["name"]
                    types["prev"] = "person"
                add(f"ceo:{e['id']}@{k}", "ceo", values, types)
            for k, m in enumerate(a.get("mayors", [])):
                add(f"mayor:{e['id']}@{k}", "mayor", {"subject": e["name"], "object":
                    ents[m["person"]]["name"], "year": m["date"][:4]},
                    {"subject": "place", "object": "person", "year": "year"})
            for k, ed in enumerate(a.get("editions", [])):
                add(f"host:{e['id']}@{k}", "host", {"subject": e["name"], "object":
                    ents[ed["city"]]["name"], "year": str(ed["year"])},
                    {"subject": "thing", "object": "place", "year": "year"})
        for grp in w["filter_groups"]:
            for k, item in enumerate(grp["items"]):
                obj = ents[item["object"]]
                add(f"filter:{grp['id']}@{k}", "filter", {"subject": grp["name"], "object":
                    obj["name"], "year": str(item["year"])},
                    {"subject": "org", "object": SUBJECT_TYPE.get(obj["type"], "thing"),
                     "year": "year"})
        names = [_tokens(e["name"]) for e in ents.values()]
        names += [_tokens(g["name"]) for g in w["filter_groups"]]
        return cls(facts, keys, names)

    # ------------------------------------------------------------------ one item

    def _answer_matches(self, answer: list[str], value: list[str], relation: str) -> bool:
        """The value, alone or described with its relation's words ("city in Kamonaria",
        "the robotics business", "1,300,263 people")."""
        if answer[:1] in (["the"], ["a"], ["an"]):
            answer = answer[1:]
        if answer == value:
            return True
        n = len(value)
        for i in range(len(answer) - n + 1):
            if answer[i : i + n] == value:
                rest = answer[:i] + answer[i + n :]
                cues = self.cues.get(relation, set())
                return all(w in UNITS or w in GLUE or _stem(w) in cues for w in rest)
        return False

    def _cue(self, fact: Fact, q: list[str]) -> int:
        return len({_stem(w) for w in q} & self.cues.get(fact.relation, set()))

    def _score(self, fact: Fact, role: str, q: list[str], wh: set[str]) -> int:
        s = self._cue(fact, q)
        if wh:
            s += 2 if fact.types[role] in wh else -3
        return s

    def verdict(self, question: str, answer: str) -> tuple[str, str]:
        """(correct | ambiguous | wrong | unverifiable, the fact key or '')."""
        q = _tokens(question)
        a = _tokens(answer)
        wh = _wh(q)
        matches: list[tuple[int, Fact, str, tuple[str, ...]]] = []
        for f in self.facts:
            for role, toks in f.tokens.items():
                if not self._answer_matches(a, toks, f.relation):
                    continue
                named = tuple(r for r, t in f.tokens.items() if r != role and _contains(q, t))
                if named:
                    matches.append((self._score(f, role, q, wh), f, role, named))
        if not matches:
            return ("wrong" if self._known_value(a) and any(_contains(q, n) for n in self.names)
                    else "unverifiable"), ""
        matches.sort(key=lambda m: (-m[0], -len(m[3]), m[1].key))
        score, fact, role, named = matches[0]
        # another fact of what the question names that fits the question better
        for f in self.facts:
            if f is fact or f.relation == fact.relation:
                continue
            for r2 in f.tokens:
                if all(f.values.get(n) == fact.values[n] for n in named) and r2 not in named:
                    if (self._cue(f, q) > 0 and self._score(f, r2, q, wh) > score
                            and f.tokens[r2] != fact.tokens[role]):
                        return "wrong", fact.key
        # the same relation, the same named participants, another answer
        for f in self.facts:
            if f is fact or f.relation != fact.relation:
                continue
            if all(n in f.values and f.values[n] == fact.values[n] for n in named):
                if f.values.get(role) != fact.values[role]:
                    return "ambiguous", fact.key
        if score < 0:
            return "wrong", fact.key
        return "correct", fact.key

    def _known_value(self, answer: list[str]) -> bool:
        """The answer is (part of) a value the world holds: a name, a number, a year."""
        if not answer:
            return True  # an empty answer is never right
        if answer[:1] in (["the"], ["a"], ["an"]):
            answer = answer[1:]
        for f in self.facts:
            for toks in f.tokens.values():
                if _contains(toks, answer) or _contains(answer, toks):
                    return True
        return any(w.isdigit() for w in answer)

    # ------------------------------------------------------------------ a set of items

    def check(self, items: Iterable[tuple[str, str]]) -> dict[str, Any]:
        """Verdict counts, coverage of the world's fact keys and questions per covered fact."""
        counts = {"correct": 0, "ambiguous": 0, "wrong": 0, "unverifiable": 0}
        per_fact: dict[str, int] = {}
        examples: dict[str, list[list[str]]] = {k: [] for k in counts}
        n = 0
        for question, answer in items:
            n += 1
            v, key = self.verdict(question, answer)
            counts[v] += 1
            if len(examples[v]) < 60:
                examples[v].append([question, answer])
            if v == "correct" and key in self.keys:
                per_fact[key] = per_fact.get(key, 0) + 1
        checkable = n - counts["unverifiable"]
        by_relation: dict[str, list[int]] = {}
        for k in self.keys:
            rel = k.split(":", 1)[0]
            by_relation.setdefault(rel, [0, 0])[1] += 1
            if k in per_fact:
                by_relation[rel][0] += 1
        return {
            "items": n,
            **counts,
            "correct_share_of_checkable": round(counts["correct"] / checkable, 4) if checkable else None,
            "correct_share_of_all": round(counts["correct"] / n, 4) if n else None,
            "gold_facts": len(self.keys),
            "covered_facts": len(per_fact),
            "questions_per_covered_fact": round(sum(per_fact.values()) / len(per_fact), 2) if per_fact else 0,
            "covered_by_relation": {r: f"{c}/{t}" for r, (c, t) in sorted(by_relation.items())},
            "examples": examples,
        }
