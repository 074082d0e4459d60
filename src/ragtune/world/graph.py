"""The fictional knowledge graph: typed entities with attributes and dated relations.

Everything is drawn from one `random.Random(seed)`, in a fixed order, over lists (never sets
or dicts keyed by hash), so a seed always gives the same world.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field
from typing import Any

from ragtune.world.names import CITY_ENDINGS, NameForge, slug


@dataclass(frozen=True)
class SizeConfig:
    countries: int
    cities: int
    mayor_cities: int  # cities whose mayors (an old and a newer one) appear in the news
    orgs: int
    lookalike_pairs: int  # company pairs sharing a name stem ("Quellmark Systems/Dynamics")
    surname_pairs: int  # people sharing a surname
    products: int
    events: int
    employees: int
    founders: int  # orgs beyond this have no known founder (unanswerable questions)
    filter_groups: int
    filter_items: int
    fake_products: int  # names never written anywhere (unanswerable questions)
    fake_people: int
    updates: int
    min_test: int  # test questions per type, at least
    max_per_type: int  # questions per type, at most (spread over kinds)
    pairs_per_kind: int  # comparison candidates per comparison kind
    paraphrases: int  # documents stating each static fact (1-3)


SIZES: dict[str, SizeConfig] = {
    "tiny": SizeConfig(
        countries=2, cities=4, mayor_cities=2, orgs=5, lookalike_pairs=1, surname_pairs=1,
        products=4, events=2, employees=4, founders=3, filter_groups=3, filter_items=4,
        fake_products=2, fake_people=2, updates=5, min_test=6, max_per_type=40,
        pairs_per_kind=6, paraphrases=2,
    ),
    "small": SizeConfig(
        countries=3, cities=10, mayor_cities=5, orgs=16, lookalike_pairs=3, surname_pairs=3,
        products=14, events=6, employees=16, founders=12, filter_groups=6, filter_items=5,
        fake_products=5, fake_people=5, updates=16, min_test=15, max_per_type=60,
        pairs_per_kind=16, paraphrases=3,
    ),
    "medium": SizeConfig(
        countries=5, cities=30, mayor_cities=15, orgs=60, lookalike_pairs=10, surname_pairs=10,
        products=60, events=20, employees=60, founders=45, filter_groups=15, filter_items=6,
        fake_products=15, fake_people=15, updates=40, min_test=40, max_per_type=250,
        pairs_per_kind=60, paraphrases=3,
    ),
    "large": SizeConfig(
        countries=8, cities=100, mayor_cities=50, orgs=240, lookalike_pairs=40,
        surname_pairs=40, products=240, events=60, employees=240, founders=180,
        filter_groups=40, filter_items=6, fake_products=50, fake_people=50, updates=120,
        min_test=100, max_per_type=1000, pairs_per_kind=200, paraphrases=3,
    ),
}  # fmt: skip

ORG_SUFFIXES = [
    "Systems", "Dynamics", "Works", "Holdings", "Industries", "Group", "Labs", "Partners",
    "Collective", "Company",
]  # fmt: skip
INDUSTRIES = [
    "robotics", "shipping", "food processing", "solar energy", "banking", "textiles",
    "software", "medical devices", "logistics", "chemicals",
]  # fmt: skip
ROLES = [
    "chief engineer", "head of research", "head of sales", "lead designer", "chief scientist",
    "operations manager", "head of marketing", "chief architect",
]  # fmt: skip
PRODUCT_KINDS = [
    "drone", "tablet", "water pump", "battery", "scanner", "bicycle", "heat pump", "router",
    "camera", "kettle", "printer", "sensor",
]  # fmt: skip
EVENT_KINDS = ["Summit", "Fair", "Festival", "Expo", "Forum", "Games"]
HOBBIES = [
    "sailing", "chess", "gardening", "painting", "climbing", "baking", "cycling", "pottery",
    "birdwatching", "rowing",
]  # fmt: skip
FILTER_KINDS = ["award", "ranking", "venue", "person"]
FILTER_NAMES = {
    "award": ["Prize", "Medal", "Award"],
    "ranking": ["Trade Survey", "Business Index", "Growth Ranking"],
    "venue": ["Trade Congress", "Design Week", "Supply Forum"],
    "person": ["Herald", "Courier", "Gazette"],
}
FILTER_OBJECT = {"award": "org", "ranking": "org", "venue": "city", "person": "person"}
FILTER_CATEGORIES = ["finance", "technology", "energy", "health", "transport"]
FILTER_YEARS = [2022, 2023, 2024, 2025]
_YEAR_RANGES = {"birth": (1940, 1985), "founded": (1986, 2012), "launch": (2013, 2024)}


@dataclass
class Entity:
    id: str
    type: str  # person, org, city, country, product, event
    name: str
    aliases: list[str]
    attrs: dict[str, Any] = field(default_factory=dict)
    withheld: list[str] = field(default_factory=list)  # attributes never written anywhere
    batch: str = "docs"  # "updates" for entities introduced by the update batch

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FilterGroup:
    id: str
    kind: str  # award, ranking, venue, person
    name: str  # "the Brask Prize" without the article
    items: list[dict[str, Any]]  # {"year", "category", "date", "object"}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Graph:
    entities: dict[str, Entity] = field(default_factory=dict)  # insertion order is stable
    filter_groups: list[FilterGroup] = field(default_factory=list)
    fake: dict[str, list[str]] = field(default_factory=dict)  # type -> names never used

    def of_type(self, etype: str, batch: str = "docs") -> list[Entity]:
        return [e for e in self.entities.values() if e.type == etype and e.batch == batch]

    def add(self, e: Entity) -> Entity:
        if e.id in self.entities:
            raise RuntimeError(f"duplicate entity id {e.id}")  # pragma: no cover
        self.entities[e.id] = e
        return e

    def __getitem__(self, eid: str) -> Entity:
        return self.entities[eid]


def _date(rng: random.Random, year: int) -> str:
    return f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _number(rng: random.Random, lo: int, hi: int) -> int:
    """A count that cannot be read as a year (those are answers elsewhere)."""
    while True:
        n = rng.randint(lo, hi)
        if not 1900 <= n <= 2030:
            return n


def _derangement(rng: random.Random, n: int) -> list[int]:
    if n < 2:
        return list(range(n))
    while True:
        perm = list(range(n))
        rng.shuffle(perm)
        if all(i != p for i, p in enumerate(perm)):
            return perm


def new_person(g: Graph, forge: NameForge, rng: random.Random, career: str, batch: str = "docs",
               surname: str | None = None) -> Entity:
    first = forge.stem((2, 2))
    last = surname or forge.stem((2, 3))
    name = f"{first} {last}"
    cities = g.of_type("city")
    return g.add(Entity(
        id=slug(name), type="person", name=name, aliases=[name],
        attrs={
            "born_in": rng.choice(cities).id,
            "birth_year": rng.randint(*_YEAR_RANGES["birth"]),
            "career": career,
            "hobby": rng.choice(HOBBIES),
        },
        batch=batch,
    ))  # fmt: skip


def build_graph(rng: random.Random, cfg: SizeConfig, forge: NameForge | None = None) -> Graph:
    """Build the graph; pass `forge` to keep drawing unique names afterwards (updates).

    The steps run in this order, drawing from `rng` in turn: the order is part of a seed's world."""
    g = Graph()
    forge = forge or NameForge(rng)
    for step in (_places, _companies, _people, _products_and_events, _withhold, _filter_groups, _fakes):
        step(g, rng, cfg, forge)
    return g


def _places(g: Graph, rng: random.Random, cfg: SizeConfig, forge: NameForge) -> None:
    """Countries, then cities in them."""
    for _ in range(cfg.countries):
        name = forge.stem((2, 3)) + "ia"
        g.add(Entity(slug(name), "country", name, [name]))
    countries = g.of_type("country")
    for _ in range(cfg.cities):
        name = forge.stem((1, 2), ending=rng.choice(CITY_ENDINGS))
        g.add(Entity(slug(name), "city", name, [name], {
            "country": rng.choice(countries).id,
            "population": _number(rng, 8_000, 2_500_000),
        }))  # fmt: skip


def _companies(g: Graph, rng: random.Random, cfg: SizeConfig, forge: NameForge) -> None:
    """Companies: the first `lookalike_pairs` stems are used twice with different suffixes."""
    cities = g.of_type("city")
    stems: list[tuple[str, bool]] = []
    for i in range(cfg.orgs):
        if i % 2 == 1 and i // 2 < cfg.lookalike_pairs:
            stems.append((stems[-1][0], True))
            stems[-2] = (stems[-2][0], True)
        else:
            stems.append((forge.stem((2, 3)), False))
    for stem, lookalike in stems:
        taken_names = [e.name for e in g.of_type("org")]
        suffixes = [s for s in ORG_SUFFIXES if f"{stem} {s}" not in taken_names]
        name = f"{stem} {rng.choice(suffixes)}"
        aliases = [name] if lookalike else [name, stem]
        g.add(Entity(slug(name), "org", name, aliases, {
            "industry": rng.choice(INDUSTRIES),
            "founded_year": rng.randint(*_YEAR_RANGES["founded"]),
            "hq": rng.choice(cities).id,
            "employees": _number(rng, 40, 9_800),
            "founded_by": None,
            "ceos": [],
            "lookalike": lookalike,
        }))  # fmt: skip


def _people(g: Graph, rng: random.Random, cfg: SizeConfig, forge: NameForge) -> None:
    """People: founders, employees, executives (CEOs), politicians (mayors)."""
    cities, orgs = g.of_type("city"), g.of_type("org")
    surname_pool: list[str] = []
    for i in range(cfg.founders):
        p = new_person(g, forge, rng, "founder")
        orgs[i % len(orgs)].attrs["founded_by"] = p.id
        if len(surname_pool) < cfg.surname_pairs:
            surname_pool.append(p.name.split(" ", 1)[1])
    for org in orgs[cfg.founders:]:
        org.withheld.append("founded_by")
    for i in range(cfg.employees):
        surname = surname_pool.pop(0) if surname_pool and i % 2 == 0 else None
        p = new_person(g, forge, rng, "employee", surname=surname)
        org = rng.choice(orgs)
        taken = [q.attrs["role"] for q in g.of_type("person") if q.attrs.get("works_for") == org.id]
        free = [r for r in ROLES if r not in taken]
        if not free:
            org = next(o for o in orgs if len([q for q in g.of_type("person")
                                               if q.attrs.get("works_for") == o.id]) < len(ROLES))
            taken = [
                q.attrs["role"] for q in g.of_type("person") if q.attrs.get("works_for") == org.id
            ]
            free = [r for r in ROLES if r not in taken]
        p.attrs["works_for"] = org.id
        p.attrs["role"] = rng.choice(free)
        if p.attrs["born_in"] == org.attrs["hq"] and len(cities) > 1:
            # a multi-hop answer (the employer's city) must not sit in the first hop's documents
            p.attrs["born_in"] = rng.choice([c.id for c in cities if c.id != org.attrs["hq"]])
    execs = [new_person(g, forge, rng, "executive") for _ in range(len(orgs))]
    moved = _derangement(rng, len(orgs))
    for i, org in enumerate(orgs):
        old_year = rng.randint(2008, 2016)
        new_year = rng.randint(2018, 2024)
        org.attrs["ceos"] = [
            {"person": execs[i].id, "date": _date(rng, old_year)},
            {"person": execs[moved[i]].id, "date": _date(rng, new_year)},
        ]
    for city in cities[: cfg.mayor_cities]:
        old, new = new_person(g, forge, rng, "politician"), new_person(g, forge, rng, "politician")
        city.attrs["mayors"] = [
            {"person": old.id, "date": _date(rng, rng.randint(2009, 2016))},
            {"person": new.id, "date": _date(rng, rng.randint(2018, 2025))},
        ]


def _products_and_events(g: Graph, rng: random.Random, cfg: SizeConfig, forge: NameForge) -> None:
    """Products (each made by a company) and recurring events (each run by one, hosted by cities)."""
    cities, orgs = g.of_type("city"), g.of_type("org")
    for _ in range(cfg.products):
        name = f"{forge.stem((2, 2))} {rng.randint(2, 99)}"
        maker = rng.choice(orgs)
        g.add(Entity(slug(name), "product", name, [name], {
            "maker": maker.id,
            "kind": rng.choice(PRODUCT_KINDS),
            "launch_year": rng.randint(*_YEAR_RANGES["launch"]),
            "price": _number(rng, 20, 4_000),
        }))  # fmt: skip

    for _ in range(cfg.events):
        name = f"{forge.stem((2, 3))} {rng.choice(EVENT_KINDS)}"
        years = sorted(rng.sample(range(2016, 2026), rng.choice([2, 3])))
        hosts: list[dict[str, Any]] = []
        for year in years:
            options = [c.id for c in cities if not hosts or c.id != hosts[-1]["city"]]
            hosts.append({"year": year, "date": _date(rng, year), "city": rng.choice(options)})
        g.add(Entity(slug(name), "event", name, [name], {
            "organiser": rng.choice(orgs).id,
            "first_year": rng.randint(1990, 2012),
            "editions": hosts,
        }))  # fmt: skip


def _withhold(g: Graph, rng: random.Random, cfg: SizeConfig, forge: NameForge) -> None:
    """Withheld attributes: generated, never written, asked as unanswerable questions."""
    cities = g.of_type("city")
    people = g.of_type("person")
    for p in rng.sample(people, max(1, len(people) // 5)):
        p.withheld.append("birth_year")
    products = g.of_type("product")
    for pr in rng.sample(products, max(1, len(products) // 5)):
        pr.withheld.append("launch_year")
    for c in rng.sample(cities, max(1, len(cities) // 5)):
        c.withheld.append("population")


def _filter_groups(g: Graph, rng: random.Random, cfg: SizeConfig, forge: NameForge) -> None:
    """Filter groups: one recurring announcement, a different winner per (year, category)."""
    cities, orgs, people = g.of_type("city"), g.of_type("org"), g.of_type("person")
    for k in range(cfg.filter_groups):
        kind = FILTER_KINDS[k % len(FILTER_KINDS)]
        gname = f"{forge.stem((2, 2))} {rng.choice(FILTER_NAMES[kind])}"
        cats = rng.sample(FILTER_CATEGORIES, 2)
        n_years = max(2, (cfg.filter_items + 1) // 2)
        years = sorted(rng.sample(FILTER_YEARS, min(n_years, len(FILTER_YEARS))))
        combos = [(y, c) for y in years for c in cats]
        combos = sorted(rng.sample(combos, min(cfg.filter_items, len(combos))))
        pool = {"org": orgs, "city": cities, "person": people}[FILTER_OBJECT[kind]]
        winners = rng.sample(pool, len(combos))
        items = [
            {"year": y, "category": c, "date": _date(rng, y), "object": w.id}
            for (y, c), w in zip(combos, winners)
        ]
        g.filter_groups.append(FilterGroup(f"group-{k + 1}", kind, gname, items))


def _fakes(g: Graph, rng: random.Random, cfg: SizeConfig, forge: NameForge) -> None:
    """Names that exist nowhere in the corpus (the unanswerable questions ask about them)."""
    people = g.of_type("person")
    brands = [forge.stem((2, 2)) for _ in range(cfg.fake_products)]
    g.fake["product"] = [f"{b} {rng.randint(2, 99)}" for b in brands]
    surnames = [p.name.split(" ", 1)[1] for p in people]
    g.fake["person"] = [
        f"{forge.stem((2, 2))} {rng.choice(surnames)}" for _ in range(cfg.fake_people)
    ]
