"""Documents: the graph written as pages, FAQ records, table rows and dated news items.

Style for a 135M reader: short plain sentences, each naming its subject ("Ilsa Varonne works
for Quellmark Systems." rather than "She works for it."), paragraphs of 1-4 sentences, so a
~128-token chunk holds a fact together with its subject. Relations are always written with
the same grammatical subject (a product "is made by" its company; the company page never
lists its products), so `reverse` questions really ask the other direction.

Every statement is recorded in a FactBook: fact key -> documents stating it (the evidence).
"""

from __future__ import annotations

import csv
import io
import json
import random
from dataclasses import dataclass, field
from typing import Any

from ragtune.world.graph import Entity, FilterGroup, Graph
from ragtune.world.names import slug

# Statement variants per fact; {s} is the subject, {o} the value. Each document stating a fact
# uses a different variant, so a fact is seen in several wordings.
STATEMENTS: dict[str, list[str]] = {
    "born_in": ["{s} was born in {o}.", "The birthplace of {s} is {o}.", "{s} comes from {o}."],
    "birth_year": [
        "{s} was born in {o}.", "The birth year of {s} is {o}.", "{s} was born in the year {o}.",
    ],
    "works_for": [
        "{s} works for {o} as {role}.", "{s} is the {role} at {o}.",
        "{s} has a job at {o} as {role}.",
    ],
    "founded_by": [
        "{s} was founded by {o}.",
        "{s} was started by {o}.",
        "The founder of {s} is {o}.",
    ],
    "founded_year": [
        "{s} was founded in {o}.", "{s} has existed since {o}.", "The founding year of {s} is {o}.",
    ],
    "hq": [
        "{s} is headquartered in {o}.", "The head office of {s} is in {o}.",
        "{s} has its headquarters in {o}.",
    ],
    "industry": [
        "{s} is a {o} company.", "{s} works in the {o} business.", "The industry of {s} is {o}.",
    ],
    "employees": [
        "{s} has {o} employees.",
        "{s} employs {o} people.",
        "The staff of {s} numbers {o} people.",
    ],
    "maker": [
        "The {s} is made by {o}.",
        "The {s} is produced by {o}.",
        "The maker of the {s} is {o}.",
    ],
    "kind": [
        "The {s} is {a} {o}.",
        "The {s} is a product of the {o} type.",
        "The {s} is sold as {a} {o}.",
    ],
    "launch_year": [
        "The {s} was launched in {o}.",
        "The {s} came out in {o}.",
        "The {s} first went on sale in {o}.",
    ],
    "price": [
        "The {s} costs {o} dollars.", "The price of the {s} is {o} dollars.",
        "The {s} sells for {o} dollars.",
    ],
    "country": [
        "{s} is a city in {o}.",
        "{s} lies in {o}.",
        "{s} is located in the country of {o}.",
    ],
    "population": [
        "{s} has {o} inhabitants.", "The population of {s} is {o}.", "{s} is home to {o} people.",
    ],
    "organiser": [
        "The {s} is organised by {o}.",
        "The organiser of the {s} is {o}.",
        "The {s} is run by {o}.",
    ],
    "first_year": [
        "The {s} was first held in {o}.",
        "The first {s} took place in {o}.",
        "The {s} started in {o}.",
    ],
}  # fmt: skip
TABLE_LABEL = {
    "born_in": "birthplace", "birth_year": "born", "works_for": "employer", "founded_by": "founder",
    "founded_year": "founded", "hq": "headquarters", "industry": "industry",
    "employees": "employees", "maker": "maker", "kind": "type", "launch_year": "launched",
    "price": "price", "country": "country", "population": "population",
    "organiser": "organiser", "first_year": "first held",
}  # fmt: skip
FACTS_BY_TYPE = {
    "person": ["born_in", "birth_year", "works_for"],
    "org": ["founded_year", "founded_by", "hq", "industry", "employees"],
    "product": ["maker", "kind", "launch_year", "price"],
    "city": ["country", "population"],
    "event": ["organiser", "first_year"],
}
FOLDER = {"person": "people", "org": "companies", "product": "products", "city": "cities",
          "event": "events"}  # fmt: skip
TAG = {"person": "biography", "org": "company", "product": "product", "city": "city",
       "event": "event"}  # fmt: skip
CAREER_LINE = {
    "founder": "{s} is an entrepreneur.",
    "executive": "{s} is a business executive.",
    "politician": "{s} is a politician.",
}
FILLER = {
    "person": "{s} enjoys {hobby} in the evenings.",
    "org": "{s} publishes a report every year.",
    "product": "The {s} comes with a printed manual.",
    "city": "{s} has a busy market square.",
    "event": "The {s} draws visitors from many cities.",
}
NEWS_TEXT = {
    "ceo": ["{o} appointed {p} as chief executive.", "{p} became the chief executive of {o}."],
    "ceo_replaces": "{p} takes over from {prev} as chief executive of {o}.",
    "mayor": ["{c} elected {p} as mayor.", "{p} became the mayor of {c}."],
    "host": ["The {e} was held in {c}.", "{c} hosted the {e}."],
    "award": ["The {g} went to {x}.", "{x} won the {g}."],
    "ranking": ["The {g} ranked {x} first.", "{x} came first in the {g}."],
    "venue": ["The {g} chose {x} as its host city.", "{x} was picked to host the {g}."],
    "person": [
        "The {g} named {x} its person of the year.",
        "{x} was named person of the year by the {g}.",
    ],
}  # fmt: skip
NEWS_FILLER = {
    "ceo": "The board of {o} approved the decision.",
    "mayor": "The vote in {c} drew many residents.",
    "host": "The {e} drew large crowds.",
    "award": "The {g} is announced once a year.",
    "ranking": "The {g} is published once a year.",
    "venue": "The {g} meets once a year.",
    "person": "The {g} makes this choice once a year.",
}
NEWS_TITLE = {
    "ceo": "{o} names a chief executive",
    "mayor": "{c} chooses a mayor",
    "host": "{e} edition report",
    "award": "{g} announced",
    "ranking": "{g} results",
    "venue": "{g} venue decided",
    "person": "{g} person of the year",
}
NEWS_CATEGORY = {"ceo": "business", "mayor": "politics", "host": "culture"}


def article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def fmt_number(n: int) -> str:
    return f"{n:,}"


@dataclass
class Doc:
    id: str  # path relative to the corpus folder without extension (records: file#id)
    form: str  # page, faq, table, news
    title: str
    date: str
    category: str
    tags: list[str]
    text: str  # body (pages: paragraphs separated by blank lines; records: the text field)
    meta: dict[str, Any] = field(default_factory=dict)  # extra scalar front matter keys


@dataclass
class FactBook:
    """fact key -> documents stating it (primary first); the source of every `evidence`."""

    docs: dict[str, list[str]] = field(default_factory=dict)

    def mention(self, key: str, doc_id: str) -> None:
        ids = self.docs.setdefault(key, [])
        if doc_id not in ids:
            ids.append(doc_id)

    def __getitem__(self, key: str) -> list[str]:
        return self.docs[key]

    def __contains__(self, key: str) -> bool:
        return key in self.docs


def fact_value(g: Graph, e: Entity, fact: str) -> str | None:
    """The value of a static fact as written (None when the entity lacks it)."""
    if fact == "works_for":
        return g[e.attrs["works_for"]].name if e.attrs.get("works_for") else None
    value = e.attrs.get(fact)
    if value is None:
        return None
    if fact in ("born_in", "founded_by", "hq", "maker", "country", "organiser"):
        return g[value].name
    if fact == "population":
        return fmt_number(value)
    return str(value)


class Renderer:
    def __init__(self, g: Graph, rng: random.Random, paraphrases: int, root: str = ""):
        self.g = g
        self.rng = rng
        self.paraphrases = max(1, min(3, paraphrases))
        self.book = FactBook()
        self.pages: list[Doc] = []
        self.records: dict[str, list[Doc]] = {}  # file (without extension) -> records
        self.news: list[Doc] = []
        self.root = root  # prefix for ids (the update batch writes under its own folders)

    # ---------------------------------------------------------------- statements

    def statement(self, e: Entity, fact: str, variant: int) -> str:
        variants = STATEMENTS[fact]
        value = fact_value(self.g, e, fact)
        subject = e.name
        if e.type == "event" and fact in ("organiser", "first_year"):
            subject = e.name
        text = variants[variant % len(variants)].format(
            s=subject, o=value, role=e.attrs.get("role", ""), a=article(str(value))
        )
        return text[0].upper() + text[1:]

    def table_cell(self, e: Entity, fact: str) -> str:
        value = fact_value(self.g, e, fact)
        if fact == "works_for":
            return f"employer: {value} | role: {e.attrs['role']}"
        if fact == "price":
            value = f"{value} dollars"
        return f"{TABLE_LABEL[fact]}: {value}"

    # ---------------------------------------------------------------- entity documents

    def entity_docs(self, entities: list[Entity], page_date_year: tuple[int, int] = (2024, 2025)):
        for e in entities:
            facts = [
                f for f in FACTS_BY_TYPE[e.type]
                if f not in e.withheld and fact_value(self.g, e, f) is not None
            ]
            folder = FOLDER[e.type]
            page_id = f"{self.root}{folder}/{slug(e.name)}"
            placements: dict[str, list[str]] = {"page": [], "faq": [], "table": []}
            variant: dict[str, list[int]] = {}
            for f in facts:
                forms = ["page"] + self.rng.sample(["faq", "table"], 2)[: self.paraphrases - 1]
                order = list(range(len(STATEMENTS[f])))
                self.rng.shuffle(order)
                variant[f] = order
                for form in forms:
                    placements[form].append(f)
            year = self.rng.randint(*page_date_year)
            date = f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
            # the page: facts in paragraphs of 1-3 sentences, plus one harmless detail
            sentences = [self.statement(e, f, variant[f][0]) for f in placements["page"]]
            if e.type == "person" and e.attrs.get("career") in CAREER_LINE:
                sentences.append(CAREER_LINE[e.attrs["career"]].format(s=e.name))
            sentences.append(FILLER[e.type].format(s=e.name, hobby=e.attrs.get("hobby", "")))
            paragraphs = []
            while sentences:
                k = min(len(sentences), self.rng.randint(1, 3))
                paragraphs.append(" ".join(sentences[:k]))
                sentences = sentences[k:]
            tags = [TAG[e.type]]
            if e.type == "org":
                tags.append(e.attrs["industry"])
            elif e.type == "product":
                tags.append(e.attrs["kind"])
            elif e.type == "person":
                tags.append(e.attrs.get("career", "person"))
            self.pages.append(Doc(page_id, "page", e.name, date, folder, tags,
                                  f"# {e.name}\n\n" + "\n\n".join(paragraphs), {"kind": e.type}))
            for f in placements["page"]:
                self.book.mention(f"{f}:{e.id}", page_id)
            rid = slug(e.name)
            if placements["faq"]:
                doc_id = f"{self.root}faq/{folder}#{rid}"
                text = f"Q: What should I know about {e.name}? A: " + " ".join(
                    self.statement(e, f, variant[f][1]) for f in placements["faq"]
                )
                self.records.setdefault(f"{self.root}faq/{folder}", []).append(
                    Doc(doc_id, "faq", f"FAQ: {e.name}", date, "faq", ["faq", folder], text)
                )
                for f in placements["faq"]:
                    self.book.mention(f"{f}:{e.id}", doc_id)
            if placements["table"]:
                doc_id = f"{self.root}tables/{folder}#{rid}"
                text = " | ".join([e.name] + [self.table_cell(e, f) for f in placements["table"]])
                self.records.setdefault(f"{self.root}tables/{folder}", []).append(
                    Doc(doc_id, "table", e.name, date, "table", ["table", folder], text)
                )
                for f in placements["table"]:
                    self.book.mention(f"{f}:{e.id}", doc_id)

    # ---------------------------------------------------------------- news items

    def news_item(self, kind: str, fact_key: str, date: str, slots: dict[str, str],
                  category: str | None = None, year_in_text: bool = False,
                  extra: str = "", tags: list[str] | None = None) -> Doc:
        lead = self.rng.choice(NEWS_TEXT[kind]).format(**slots)
        if year_in_text:
            lead = f"In {date[:4]}, {lead}"
        sentences = [lead] + ([extra] if extra else []) + [NEWS_FILLER[kind].format(**slots)]
        title = NEWS_TITLE[kind].format(**slots)
        category = category or NEWS_CATEGORY[kind]
        doc = Doc("", "news", title[0].upper() + title[1:], date, category,
                  tags or [category, kind], " ".join(sentences), {"kind": "news"})
        self.news.append(doc)
        self.book.mention(fact_key, doc)  # type: ignore[arg-type]  # id assigned in finish()
        return doc

    def history_news(self, orgs: list[Entity], cities: list[Entity], events: list[Entity]):
        for org in orgs:
            prev = None
            for k, ceo in enumerate(org.attrs["ceos"]):
                p = self.g[ceo["person"]]
                extra = ""
                if prev is not None and self.rng.random() < 0.5:
                    extra = NEWS_TEXT["ceo_replaces"].format(p=p.name, prev=prev.name, o=org.name)
                self.news_item(
                    "ceo", f"ceo:{org.id}@{k}", ceo["date"], {"o": org.name, "p": p.name},
                    year_in_text=self.rng.random() < 0.5, extra=extra,
                    tags=["business", "leadership"],
                )  # fmt: skip
                prev = p
        for city in cities:
            for k, m in enumerate(city.attrs.get("mayors", [])):
                p = self.g[m["person"]]
                self.news_item(
                    "mayor", f"mayor:{city.id}@{k}", m["date"], {"c": city.name, "p": p.name},
                    year_in_text=self.rng.random() < 0.5, tags=["politics", "election"],
                )  # fmt: skip
        for ev in events:
            for k, ed in enumerate(ev.attrs["editions"]):
                c = self.g[ed["city"]]
                self.news_item("host", f"host:{ev.id}@{k}", ed["date"], {"e": ev.name, "c": c.name},
                               year_in_text=self.rng.random() < 0.5, tags=["culture", "events"])

    def filter_news(self, groups: list[FilterGroup]):
        for grp in groups:
            for k, item in enumerate(grp.items):
                x = self.g[item["object"]]
                # neither the year nor the category is in the text: only metadata tells them apart
                self.news_item(grp.kind, f"filter:{grp.id}@{k}", item["date"],
                               {"g": grp.name, "x": x.name}, category=item["category"],
                               tags=[item["category"], grp.kind])

    def finish(self, prefix: str = "news/item") -> None:
        """Give news items ids in a shuffled order, so ids do not reveal dates."""
        order = list(range(len(self.news)))
        self.rng.shuffle(order)
        width = max(4, len(str(len(order))))
        for number, k in enumerate(order, start=1):
            self.news[k].id = f"{self.root}{prefix}-{number:0{width}d}"
        for key, ids in self.book.docs.items():
            self.book.docs[key] = [d.id if isinstance(d, Doc) else d for d in ids]

    # ---------------------------------------------------------------- files

    def files(self) -> dict[str, str]:
        """Relative file path -> content, for every document rendered."""
        out: dict[str, str] = {}
        for doc in [*self.pages, *self.news]:
            out[doc.id.removeprefix(self.root) + ".md"] = markdown(doc)
        for stem, recs in self.records.items():
            rel = stem.removeprefix(self.root)
            out[rel + (".jsonl" if rel.startswith("faq/") else ".csv")] = (
                jsonl(recs) if rel.startswith("faq/") else table_csv(recs)
            )
        return dict(sorted(out.items()))

    def texts(self) -> dict[str, str]:
        """doc id -> body text (what the index will see, minus front matter)."""
        out = {d.id: d.text for d in [*self.pages, *self.news]}
        for recs in self.records.values():
            out.update({r.id: r.text for r in recs})
        return out


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    s = str(value)
    safe = s and all(ch.isalnum() or ch in " -_." for ch in s) and not s[0].isdigit()
    reserved = s.lower() in ("yes", "no", "true", "false", "null", "on", "off")
    return s if safe and not reserved else json.dumps(s)


def markdown(doc: Doc) -> str:
    lines = ["---", f"title: {_yaml_scalar(doc.title)}", f"date: {doc.date}",
             f"category: {_yaml_scalar(doc.category)}",
             "tags: [" + ", ".join(_yaml_scalar(t) for t in doc.tags) + "]"]
    lines += [f"{k}: {_yaml_scalar(v)}" for k, v in doc.meta.items()]
    body = doc.text if doc.text.startswith("# ") else f"# {doc.title}\n\n{doc.text}"
    return "\n".join(lines) + "\n---\n\n" + body + "\n"


def jsonl(records: list[Doc]) -> str:
    out = []
    for r in records:
        rid = r.id.split("#", 1)[1]
        obj = {"id": rid, "title": r.title, "text": r.text, "date": r.date,
               "category": r.category, "tags": r.tags}
        out.append(json.dumps(obj, ensure_ascii=False))
    return "\n".join(out) + "\n"


def table_csv(records: list[Doc]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "title", "text", "date", "category"])
    for r in records:
        w.writerow([r.id.split("#", 1)[1], r.title, r.text, r.date, r.category])
    return buf.getvalue()
