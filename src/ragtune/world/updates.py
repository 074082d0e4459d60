"""The update batch: later-dated documents that change some facts (the freshness experiment).

Written to `DIR/updates/` (ids relative to that folder, distinct from `docs/` ids) with its
own questions in `qa/updates.jsonl`, whose answers are the post-update values. world.json
lists, per update, the old and new value and the ids of earlier questions it makes stale.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from ragtune.world.graph import Graph, _number, new_person
from ragtune.world.names import NameForge
from ragtune.world.questions import Candidate, number_aliases
from ragtune.world.render import Doc, Renderer

UPDATE_KINDS = ["ceo", "hq", "employees", "price", "mayor"]
UPDATE_TEXT = {
    "ceo": ["{o} appointed {p} as chief executive.", "{p} became the chief executive of {o}."],
    "hq": ["{o} moved its headquarters from {old} to {new}.",
           "{o} is now headquartered in {new} after leaving {old}."],
    "employees": ["{o} now has {n} employees.", "{o} now employs {n} people."],
    "price": ["The price of the {x} changed to {n} dollars.", "The {x} now costs {n} dollars."],
    "mayor": ["{c} elected {p} as mayor.", "{p} became the mayor of {c}."],
}  # fmt: skip
UPDATE_TITLE = {
    "ceo": "{o} names a new chief executive",
    "hq": "{o} moves its headquarters",
    "employees": "{o} workforce update",
    "price": "New price for the {x}",
    "mayor": "{c} chooses a new mayor",
}
UPDATE_CATEGORY = {"ceo": "business", "hq": "business", "employees": "business",
                   "price": "products", "mayor": "politics"}  # fmt: skip


@dataclass
class Update:
    kind: str
    target: str  # entity id
    fact: str  # fact key whose value changes (questions depending on it become stale)
    old: str
    new: str
    date: str
    doc: Doc
    candidate: Candidate

    def to_dict(self, question_id: str, affects: list[str]) -> dict[str, Any]:
        return {
            "kind": self.kind, "target": self.target, "fact": self.fact, "old": self.old,
            "new": self.new, "date": self.date, "doc": self.doc.id, "question": question_id,
            "affects": affects,
        }  # fmt: skip


def build_updates(
    g: Graph, rng: random.Random, forge: NameForge, count: int
) -> tuple[Renderer, list[Update]]:
    """Create `count` updates (new people get pages in updates/people/)."""
    r = Renderer(g, rng, paraphrases=1)
    orgs = g.of_type("org")
    products = g.of_type("product")
    cities = g.of_type("city")
    mayor_cities = [c for c in cities if c.attrs.get("mayors")]
    pools = {
        "ceo": rng.sample(orgs, len(orgs)),
        "hq": rng.sample(orgs, len(orgs)),
        "employees": rng.sample(orgs, len(orgs)),
        "price": rng.sample(products, len(products)),
        "mayor": rng.sample(mayor_cities, len(mayor_cities)),
    }
    updates: list[Update] = []
    new_people = []
    k = 0
    while len(updates) < count and any(pools.values()):
        kind = UPDATE_KINDS[k % len(UPDATE_KINDS)]
        k += 1
        if not pools[kind]:
            continue
        e = pools[kind].pop()
        date = f"2026-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}"
        if kind in ("ceo", "mayor"):
            p = new_person(g, forge, rng, "executive" if kind == "ceo" else "politician",
                           batch="updates")
            p.withheld.append("birth_year")  # keep the new pages short: name, city, career
            new_people.append(p)
            history = e.attrs["ceos"] if kind == "ceo" else e.attrs["mayors"]
            old = g[history[-1]["person"]].name
            slots = {"o": e.name, "c": e.name, "p": p.name}
            new, answers = p.name, p.aliases
            qkind, fact = ("current_ceo", f"ceo:{e.id}") if kind == "ceo" else (
                "current_mayor", f"mayor:{e.id}")
            qslots = {"o": e.name} if kind == "ceo" else {"c": e.name}
        elif kind == "hq":
            old_city = g[e.attrs["hq"]]
            new_city = rng.choice([c for c in cities if c.id != old_city.id])
            slots = {"o": e.name, "old": old_city.name, "new": new_city.name}
            old, new, answers = old_city.name, new_city.name, new_city.aliases
            qkind, fact, qslots = "hq", f"hq:{e.id}", {"o": e.name}
        elif kind == "employees":
            n = _number(rng, 40, 9_800)
            slots = {"o": e.name, "n": str(n)}
            old, new, answers = str(e.attrs["employees"]), str(n), number_aliases(n)
            qkind, fact, qslots = "employees", f"employees:{e.id}", {"o": e.name}
        else:  # price
            n = _number(rng, 20, 4_000)
            slots = {"x": e.name, "n": str(n)}
            old, new, answers = str(e.attrs["price"]), str(n), number_aliases(n)
            qkind, fact, qslots = "price", f"price:{e.id}", {"x": e.name}
        lead = rng.choice(UPDATE_TEXT[kind]).format(**slots)
        if rng.random() < 0.5:
            lead = f"In {date[:4]}, {lead}"
        title = UPDATE_TITLE[kind].format(**slots)
        category = UPDATE_CATEGORY[kind]
        doc = Doc("", "news", title[0].upper() + title[1:], date, category,
                  [category, "update"], lead, {"kind": "news"})
        r.news.append(doc)
        key = f"update:{len(updates)}"
        r.book.mention(key, doc)  # type: ignore[arg-type]
        cand = Candidate(qkind, qslots, answers, [[key]], None, key, [fact])
        updates.append(Update(kind, e.id, fact, old, new, date, doc, cand))
    r.entity_docs(new_people, page_date_year=(2026, 2026))
    r.finish(prefix="news/update")
    return r, updates
