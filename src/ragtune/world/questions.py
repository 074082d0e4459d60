"""Questions over the graph: every kind has phrasing templates, the last one kept for test.

A question is built as a `Candidate` (kind, slots, answers, the fact keys of each hop); the
generator turns hops into evidence document ids through the FactBook, checks that the answer
really is in the evidence (and, for multi-hop, not in the first hop's documents), and splits
by fact: one fact-question lands in exactly one split, and test questions use test templates
only, which train and dev never see.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Callable

from ragtune.world.graph import FILTER_OBJECT, Entity, Graph
from ragtune.world.render import fmt_number

# kind -> (type, [train/dev templates..., test template]); slots are {braced}.
TEMPLATES: dict[str, tuple[str, list[str]]] = {
    # ---------------------------------------------------------------- single hop
    "works_for": ("single_hop", [
        "Which company does {p} work for?", "Who employs {p}?",
        "What is the name of the employer of {p}?"]),
    "role": ("single_hop", [
        "What is the job title of {p}?", "What position does {p} hold?",
        "In what role is {p} employed?"]),
    "born_in": ("single_hop", [
        "In which city was {p} born?", "Where was {p} born?", "Which city is the hometown of {p}?"]),
    "birth_year": ("single_hop", [
        "In which year was {p} born?", "When was {p} born?", "What year was {p} born in?"]),
    "founded_year": ("single_hop", [
        "In which year was {o} founded?", "When was {o} founded?",
        "What year did {o} come into existence?"]),
    "hq": ("single_hop", [
        "Where is {o} headquartered?", "In which city is the head office of {o}?",
        "Which city is home to the headquarters of {o}?"]),
    "employees": ("single_hop", [
        "How many employees does {o} have?", "How many people work at {o}?",
        "What is the size of the workforce of {o}?"]),
    "industry": ("single_hop", [
        "In which industry is {o} active?", "What kind of business is {o}?",
        "Which sector does {o} operate in?"]),
    "founder": ("single_hop", [
        "Who founded {o}?", "Who is the founder of {o}?", "Which person started {o}?"]),
    "maker": ("single_hop", [
        "Which company makes the {x}?", "Who manufactures the {x}?",
        "What company produces the {x}?"]),
    "kind": ("single_hop", [
        "What kind of product is the {x}?", "What type of product is the {x}?",
        "The {x} belongs to which product category?"]),
    "launch_year": ("single_hop", [
        "In which year was the {x} launched?", "When did the {x} come out?",
        "What year did the {x} go on sale?"]),
    "price": ("single_hop", [
        "How much does the {x} cost?", "What is the price of the {x}?",
        "For how many dollars is the {x} sold?"]),
    "country": ("single_hop", [
        "In which country is {c}?", "Which country is {c} located in?",
        "{c} belongs to which country?"]),
    "population": ("single_hop", [
        "How many people live in {c}?", "What is the population of {c}?",
        "How many inhabitants does {c} have?"]),
    "organiser": ("single_hop", [
        "Which company organises the {e}?", "Who runs the {e}?",
        "Which organisation is behind the {e}?"]),
    "first_year": ("single_hop", [
        "In which year was the {e} first held?", "When did the {e} start?",
        "What year did the first {e} take place?"]),
    # ---------------------------------------------------------------- reverse direction
    "founded_company": ("reverse", [
        "Which company did {p} found?", "What company was founded by {p}?",
        "{p} is the founder of which company?"]),
    "role_holder": ("reverse", [
        "Who is the {role} at {o}?", "Who works as {role} for {o}?",
        "Which person holds the position of {role} at {o}?"]),
    "product_of": ("reverse", [
        "Which {k} does {o} make?", "What is the name of the {k} made by {o}?",
        "Which {k} is produced by {o}?"]),
    "event_of": ("reverse", [
        "Which event does {o} organise?", "What event is run by {o}?",
        "Name the event organised by {o}."]),
    # ---------------------------------------------------------------- multi hop
    "employer_hq": ("multi_hop", [
        "In which city is the company that {p} works for headquartered?",
        "Where is the head office of the employer of {p}?",
        "Which city hosts the headquarters of the company where {p} works?"]),
    "employer_founded": ("multi_hop", [
        "In which year was the company that {p} works for founded?",
        "When was the employer of {p} founded?",
        "What is the founding year of the company where {p} works?"]),
    "employer_founder": ("multi_hop", [
        "Who founded the company that {p} works for?",
        "Who is the founder of the employer of {p}?",
        "Which person started the company where {p} works?"]),
    "employer_country": ("multi_hop", [
        "In which country is the company that {p} works for headquartered?",
        "In which country is the head office of the employer of {p}?",
        "Which country is home to the headquarters of the company where {p} works?"]),
    "maker_hq": ("multi_hop", [
        "In which city is the company that makes the {x} headquartered?",
        "Where is the head office of the maker of the {x}?",
        "Which city is home to the headquarters of the producer of the {x}?"]),
    "maker_founder": ("multi_hop", [
        "Who founded the company that makes the {x}?",
        "Who is the founder of the maker of the {x}?",
        "Which person started the company that produces the {x}?"]),
    "maker_founder_birthplace": ("multi_hop", [
        "In which city was the founder of the company that makes the {x} born?",
        "Where was the person born who founded the maker of the {x}?",
        "What is the hometown of the person who started the company that produces the {x}?"]),
    "organiser_hq": ("multi_hop", [
        "In which city is the company that organises the {e} headquartered?",
        "Where is the head office of the organiser of the {e}?",
        "Which city is home to the headquarters of the organisation behind the {e}?"]),
    # ---------------------------------------------------------------- comparison
    "older_org": ("comparison", [
        "Which company was founded earlier, {a} or {b}?", "Which is older, {a} or {b}?",
        "Of {a} and {b}, which company came into existence first?"]),
    "bigger_org": ("comparison", [
        "Which company has more employees, {a} or {b}?", "Which employs more people, {a} or {b}?",
        "Of {a} and {b}, which company has the larger workforce?"]),
    "pricier_product": ("comparison", [
        "Which product is more expensive, the {a} or the {b}?",
        "Which costs more, the {a} or the {b}?",
        "Of the {a} and the {b}, which one has the higher price?"]),
    "older_person": ("comparison", [
        "Who was born earlier, {a} or {b}?", "Who is older, {a} or {b}?",
        "Of {a} and {b}, which person has the earlier birth year?"]),
    "bigger_city": ("comparison", [
        "Which city has more inhabitants, {a} or {b}?", "Which city is larger, {a} or {b}?",
        "Of {a} and {b}, which city has the bigger population?"]),
    # ---------------------------------------------------------------- filter (metadata)
    "filter_award": ("filter", [
        "According to the {y} {k} news, which company won the {g}?",
        "In the {k} news of {y}, which company received the {g}?",
        "Which company did the {y} news in the {k} category report as winner of the {g}?"]),
    "filter_ranking": ("filter", [
        "According to the {y} {k} news, which company did the {g} rank first?",
        "In the {k} news of {y}, which company came first in the {g}?",
        "Which company topped the {g} as reported by the {y} news in the {k} category?"]),
    "filter_venue": ("filter", [
        "According to the {y} {k} news, which city did the {g} choose as host?",
        "In the {k} news of {y}, which city was picked to host the {g}?",
        "Which city did the {g} pick as host, going by the {y} news in the {k} category?"]),
    "filter_person": ("filter", [
        "According to the {y} {k} news, who did the {g} name person of the year?",
        "In the {k} news of {y}, who was named person of the year by the {g}?",
        "Who was the {g} person of the year, going by the {y} news in the {k} category?"]),
    # ---------------------------------------------------------------- temporal (latest wins)
    "current_ceo": ("temporal", [
        "Who is the current chief executive of {o}?", "Who leads {o} as chief executive today?",
        "Who is the chief executive of {o} now?"]),
    "current_mayor": ("temporal", [
        "Who is the current mayor of {c}?", "Who is mayor of {c} now?",
        "Who holds the office of mayor in {c} today?"]),
    "latest_host": ("temporal", [
        "Which city hosted the most recent {e}?", "Where did the latest {e} take place?",
        "In which city was the {e} held most recently?"]),
    # ---------------------------------------------------------------- unanswerable
    "no_birth_year": ("unanswerable", [
        "In which year was {p} born?", "When was {p} born?", "What year was {p} born in?"]),
    "no_founder": ("unanswerable", [
        "Who founded {o}?", "Who is the founder of {o}?", "Which person started {o}?"]),
    "no_launch_year": ("unanswerable", [
        "In which year was the {x} launched?", "When did the {x} come out?",
        "What year did the {x} go on sale?"]),
    "no_population": ("unanswerable", [
        "How many people live in {c}?", "What is the population of {c}?",
        "How many inhabitants does {c} have?"]),
    "fake_product": ("unanswerable", [
        "Which company makes the {x}?", "Who manufactures the {x}?",
        "What company produces the {x}?"]),
    "fake_person": ("unanswerable", [
        "Which company does {p} work for?", "Who employs {p}?",
        "What is the name of the employer of {p}?"]),
}  # fmt: skip


def template_id(kind: str, index: int) -> str:
    return f"{kind}.t{index}"


def template_sets() -> tuple[list[str], list[str]]:
    """(train/dev template ids, test template ids): disjoint by construction."""
    train_dev, test = [], []
    for kind, (_, texts) in TEMPLATES.items():
        train_dev += [template_id(kind, i) for i in range(len(texts) - 1)]
        test.append(template_id(kind, len(texts) - 1))
    return train_dev, test


def template_texts() -> dict[str, str]:
    return {
        template_id(kind, i): text
        for kind, (_, texts) in TEMPLATES.items()
        for i, text in enumerate(texts)
    }


@dataclass
class Candidate:
    kind: str
    slots: dict[str, Any]
    answers: list[str]
    hops: list[list[str]]  # fact keys per hop; evidence = their documents
    options: list[str] | None = None
    key: str = ""  # the fact-question; one key never appears in two splits
    facts: list[str] = field(default_factory=list)  # facts the answer depends on (updates)

    @property
    def qtype(self) -> str:
        return TEMPLATES[self.kind][0]


def number_aliases(n: int) -> list[str]:
    return list(dict.fromkeys([fmt_number(n), str(n)]))


def _person_has(p: Entity, attr: str) -> bool:
    return p.attrs.get(attr) is not None and attr not in p.withheld


Add = Callable[..., None]  # add(kind, slots, answers, hops, key, options=None, facts=None)


def candidates(g: Graph, rng: random.Random, pairs_per_kind: int) -> list[Candidate]:
    """Every question the graph supports, kind by kind (the order and the random draws are
    part of the world's seed-for-seed identity)."""
    out: list[Candidate] = []

    def add(kind, slots, answers, hops, key, options=None, facts=None):  # noqa: ANN001, ANN202
        flat = [f for hop in hops for f in hop]
        out.append(Candidate(kind, slots, answers, hops, options, key, facts or flat))

    _single_hop(g, add)
    _reverse(g, add)
    _multi_hop(g, add)
    _comparisons(g, rng, pairs_per_kind, add)
    _filtered(g, add)
    _temporal(g, add)
    _unanswerable(g, add)
    return out


def _single_hop(g: Graph, add: Add) -> None:
    """Single-hop questions: the answer is one fact about the entity the question names."""
    people = g.of_type("person")
    orgs = g.of_type("org")
    products = g.of_type("product")
    cities = g.of_type("city")
    events = g.of_type("event")
    for p in people:
        if _person_has(p, "works_for"):
            o = g[p.attrs["works_for"]]
            add("works_for", {"p": p.name}, o.aliases, [[f"works_for:{p.id}"]], f"works_for:{p.id}")
            add("role", {"p": p.name}, [p.attrs["role"]], [[f"works_for:{p.id}"]], f"role:{p.id}")
        add("born_in", {"p": p.name}, g[p.attrs["born_in"]].aliases, [[f"born_in:{p.id}"]],
            f"born_in:{p.id}")
        if _person_has(p, "birth_year"):
            add("birth_year", {"p": p.name}, [str(p.attrs["birth_year"])],
                [[f"birth_year:{p.id}"]], f"birth_year:{p.id}")
        else:
            add("no_birth_year", {"p": p.name}, [], [], f"birth_year:{p.id}")
    for o in orgs:
        add("founded_year", {"o": o.name}, [str(o.attrs["founded_year"])],
            [[f"founded_year:{o.id}"]], f"founded_year:{o.id}")
        add("hq", {"o": o.name}, g[o.attrs["hq"]].aliases, [[f"hq:{o.id}"]], f"hq:{o.id}")
        add("employees", {"o": o.name}, number_aliases(o.attrs["employees"]),
            [[f"employees:{o.id}"]], f"employees:{o.id}")
        add("industry", {"o": o.name}, [o.attrs["industry"]], [[f"industry:{o.id}"]],
            f"industry:{o.id}")
        if o.attrs["founded_by"]:
            f = g[o.attrs["founded_by"]]
            add("founder", {"o": o.name}, f.aliases, [[f"founded_by:{o.id}"]], f"founder:{o.id}")
            add("founded_company", {"p": f.name}, o.aliases, [[f"founded_by:{o.id}"]],
                f"founded_company:{o.id}")
        else:
            add("no_founder", {"o": o.name}, [], [], f"founder:{o.id}")
    for x in products:
        add("maker", {"x": x.name}, g[x.attrs["maker"]].aliases, [[f"maker:{x.id}"]],
            f"maker:{x.id}")
        add("kind", {"x": x.name}, [x.attrs["kind"]], [[f"kind:{x.id}"]], f"kind:{x.id}")
        add("price", {"x": x.name}, number_aliases(x.attrs["price"]), [[f"price:{x.id}"]],
            f"price:{x.id}")
        if "launch_year" in x.withheld:
            add("no_launch_year", {"x": x.name}, [], [], f"launch_year:{x.id}")
        else:
            add("launch_year", {"x": x.name}, [str(x.attrs["launch_year"])],
                [[f"launch_year:{x.id}"]], f"launch_year:{x.id}")
    for c in cities:
        add("country", {"c": c.name}, g[c.attrs["country"]].aliases, [[f"country:{c.id}"]],
            f"country:{c.id}")
        if "population" in c.withheld:
            add("no_population", {"c": c.name}, [], [], f"population:{c.id}")
        else:
            add("population", {"c": c.name}, number_aliases(c.attrs["population"]),
                [[f"population:{c.id}"]], f"population:{c.id}")
    for e in events:
        add("organiser", {"e": e.name}, g[e.attrs["organiser"]].aliases,
            [[f"organiser:{e.id}"]], f"organiser:{e.id}")
        add("first_year", {"e": e.name}, [str(e.attrs["first_year"])], [[f"first_year:{e.id}"]],
            f"first_year:{e.id}")


def _reverse(g: Graph, add: Add) -> None:
    """Reverse direction (only where the answer is unique)."""
    people = g.of_type("person")
    orgs = g.of_type("org")
    products = g.of_type("product")
    events = g.of_type("event")
    for p in people:
        if _person_has(p, "works_for"):
            o = g[p.attrs["works_for"]]
            add("role_holder", {"role": p.attrs["role"], "o": o.name}, p.aliases,
                [[f"works_for:{p.id}"]], f"role_holder:{p.id}")
    for o in orgs:
        made = [x for x in products if x.attrs["maker"] == o.id]
        for x in made:
            if sum(y.attrs["kind"] == x.attrs["kind"] for y in made) == 1:
                add("product_of", {"k": x.attrs["kind"], "o": o.name}, x.aliases,
                    [[f"maker:{x.id}"]], f"product_of:{x.id}")
        run = [e for e in events if e.attrs["organiser"] == o.id]
        if len(run) == 1:
            add("event_of", {"o": o.name}, run[0].aliases, [[f"organiser:{run[0].id}"]],
                f"event_of:{run[0].id}")


def _multi_hop(g: Graph, add: Add) -> None:
    """Multi hop (each hop needed: the question names only the first entity)."""
    people = g.of_type("person")
    products = g.of_type("product")
    events = g.of_type("event")
    for p in people:
        if not _person_has(p, "works_for"):
            continue
        o = g[p.attrs["works_for"]]
        w = f"works_for:{p.id}"
        add("employer_hq", {"p": p.name}, g[o.attrs["hq"]].aliases, [[w], [f"hq:{o.id}"]],
            f"employer_hq:{p.id}")
        add("employer_founded", {"p": p.name}, [str(o.attrs["founded_year"])],
            [[w], [f"founded_year:{o.id}"]], f"employer_founded:{p.id}")
        if o.attrs["founded_by"]:
            add("employer_founder", {"p": p.name}, g[o.attrs["founded_by"]].aliases,
                [[w], [f"founded_by:{o.id}"]], f"employer_founder:{p.id}")
        city = g[o.attrs["hq"]]
        add("employer_country", {"p": p.name}, g[city.attrs["country"]].aliases,
            [[w], [f"hq:{o.id}"], [f"country:{city.id}"]], f"employer_country:{p.id}")
    for x in products:
        o = g[x.attrs["maker"]]
        m = f"maker:{x.id}"
        add("maker_hq", {"x": x.name}, g[o.attrs["hq"]].aliases, [[m], [f"hq:{o.id}"]],
            f"maker_hq:{x.id}")
        if o.attrs["founded_by"]:
            f = g[o.attrs["founded_by"]]
            add("maker_founder", {"x": x.name}, f.aliases, [[m], [f"founded_by:{o.id}"]],
                f"maker_founder:{x.id}")
            add("maker_founder_birthplace", {"x": x.name}, g[f.attrs["born_in"]].aliases,
                [[m], [f"founded_by:{o.id}"], [f"born_in:{f.id}"]],
                f"maker_founder_birthplace:{x.id}")
    for e in events:
        o = g[e.attrs["organiser"]]
        add("organiser_hq", {"e": e.name}, g[o.attrs["hq"]].aliases,
            [[f"organiser:{e.id}"], [f"hq:{o.id}"]], f"organiser_hq:{e.id}")


def _comparisons(g: Graph, rng: random.Random, pairs_per_kind: int, add: Add) -> None:
    """Comparison (options: the two named entities, in random order)."""
    people = g.of_type("person")
    orgs = g.of_type("org")
    products = g.of_type("product")
    cities = g.of_type("city")
    def pairs(kind, items, value, fact, larger_wins):
        found = []
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                va, vb = value(a), value(b)
                if va is not None and vb is not None and va != vb:
                    found.append((a, b))
        rng.shuffle(found)
        for a, b in found[:pairs_per_kind]:
            if rng.random() < 0.5:
                a, b = b, a
            win = a if (value(a) > value(b)) == larger_wins else b
            add(kind, {"a": a.name, "b": b.name}, [win.name],
                [[f"{fact}:{a.id}"], [f"{fact}:{b.id}"]], f"{kind}:{a.id}:{b.id}",
                options=[a.name, b.name])

    # look-alike companies are compared first, so distractor pairs are always represented
    look = [o for o in orgs if o.attrs["lookalike"]]
    org_order = look + [o for o in orgs if not o.attrs["lookalike"]]
    pairs("older_org", org_order, lambda o: o.attrs["founded_year"], "founded_year", False)
    pairs("bigger_org", org_order, lambda o: o.attrs["employees"], "employees", True)
    pairs("pricier_product", products, lambda x: x.attrs["price"], "price", True)
    pairs("older_person", people,
          lambda p: p.attrs["birth_year"] if _person_has(p, "birth_year") else None,
          "birth_year", False)
    pairs("bigger_city", cities,
          lambda c: None if "population" in c.withheld else c.attrs["population"],
          "population", True)


def _filtered(g: Graph, add: Add) -> None:
    """Filter: only the (year, category) metadata tells the conflicting items apart."""
    for grp in g.filter_groups:
        for k, item in enumerate(grp.items):
            win = g[item["object"]]
            add(f"filter_{grp.kind}", {"y": item["year"], "k": item["category"], "g": grp.name},
                win.aliases, [[f"filter:{grp.id}@{k}"]], f"filter:{grp.id}@{k}")
    assert all(FILTER_OBJECT[grp.kind] for grp in g.filter_groups)


def _temporal(g: Graph, add: Add) -> None:
    """Temporal: the latest dated item is the answer; older ones are superseded."""
    orgs = g.of_type("org")
    cities = g.of_type("city")
    events = g.of_type("event")
    for o in orgs:
        last = len(o.attrs["ceos"]) - 1
        add("current_ceo", {"o": o.name}, g[o.attrs["ceos"][-1]["person"]].aliases,
            [[f"ceo:{o.id}@{last}"]], f"current_ceo:{o.id}", facts=[f"ceo:{o.id}"])
    for c in cities:
        if c.attrs.get("mayors"):
            last = len(c.attrs["mayors"]) - 1
            add("current_mayor", {"c": c.name}, g[c.attrs["mayors"][-1]["person"]].aliases,
                [[f"mayor:{c.id}@{last}"]], f"current_mayor:{c.id}", facts=[f"mayor:{c.id}"])
    for e in events:
        last = len(e.attrs["editions"]) - 1
        add("latest_host", {"e": e.name}, g[e.attrs["editions"][-1]["city"]].aliases,
            [[f"host:{e.id}@{last}"]], f"latest_host:{e.id}", facts=[f"host:{e.id}"])


def _unanswerable(g: Graph, add: Add) -> None:
    """Unanswerable: names that exist nowhere in the corpus."""
    for name in g.fake.get("product", []):
        add("fake_product", {"x": name}, [], [], f"fake_product:{name}")
    for name in g.fake.get("person", []):
        add("fake_person", {"p": name}, [], [], f"fake_person:{name}")
