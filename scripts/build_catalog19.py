"""Build the catalog19 evaluation corpus: subdivisions of five countries in this machine's ISO 3166-2 table (iso-codes).

    PYTHONPATH=src python scripts/build_catalog19.py snapshot [--force]  # /usr/share/iso-codes/json -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog19.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog19.py check               # loader + scorer + fact checks, no model

`snapshot` reads the ISO 3166 tables of this machine's iso-codes (`/usr/share/iso-codes/json/`:
iso_3166-2.json for subdivisions and iso_3166-1.json for their countries): for every ISO 3166-2
entry one line `code|name|type|parent code` (`index`, for the relations between entries and for
the checks). For the subdivisions named in CHOSEN it also keeps the raw entries (`raw`: the
subdivision's ISO 3166-2 entry and its country's ISO 3166-1 entry without the flag emoji, as the
JSON objects the files hold), and the record made from them: code, name, type, country (name,
alpha-2, alpha-3, numeric code, official name), the parent subdivision (code and name), how many
entries of the whole table have it as their parent and which catalogued ones, how many
subdivisions its country has and how many of them have its type. Written to
`evalsets/catalog19/snapshot.json` (committed; `snapshot` refuses to overwrite it without
--force): another machine ships another iso-codes, so the committed snapshot is the source.

`build` renders one markdown page per subdivision from snapshot.json alone, `<id>.md` (the name
with accents folded, lower case, every run of characters other than a-z and 0-9 as `-`), titled
`# <name>`, with YAML front matter (code, type, country, parent) and a body in one of three
layouts dealt in turn in the order of sha256("catalog19:<id>"): `ledger` (a `| Field | Value |`
table), `narrative` (prose paragraphs, wording varied per page) or `fieldlist` (headed sections
of `Label: value` bullets). Then it generates dev.jsonl and test.jsonl from the snapshot (seeded,
SEED) and writes test.jsonl.sha256. It refuses to overwrite corpus/ or the question files
without --force.

`check` renders the snapshot and the questions again and compares them with the committed files,
makes every record again from its raw entries (and, where this machine's JSON files still have
the recorded sha256, reads them again), loads the corpus with ragtune's loader, reads both splits
with `load_qa`, and checks every item (evidence, gold in evidence text and tokens, scoring
verdicts, facts against the snapshot, split separation, unanswerables absent by pattern, the
sha256, the type mix).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog19"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
ISO = Path("/usr/share/iso-codes/json")
# file -> the key of its list
FILES = {"iso_3166-2.json": "3166-2", "iso_3166-1.json": "3166-1"}
SEED = 19

# 88 of the 5127 ISO 3166-2 entries, from five countries. Whole parent groups (a subdivision and
# every entry whose parent it is) for Belgium, Fiji and Serbia's two autonomous provinces; for
# Ireland three of its four provinces with their counties and Leinster alone; for Spain five
# autonomous communities with their provinces and the two autonomous cities. Every parent of a
# chosen subdivision is chosen too.
CHOSEN = [
    "BE-BRU", "BE-VLG", "BE-VAN", "BE-VBR", "BE-VLI", "BE-VOV", "BE-VWV", "BE-WAL", "BE-WBR", "BE-WHT", "BE-WLG",
    "BE-WLX", "BE-WNA",
    "IE-C", "IE-G", "IE-LM", "IE-MO", "IE-RN", "IE-SO", "IE-U", "IE-CN", "IE-DL", "IE-MN", "IE-M", "IE-CE",
    "IE-CO", "IE-KY", "IE-LK", "IE-TA", "IE-WD", "IE-L",
    "FJ-C", "FJ-E", "FJ-N", "FJ-W", "FJ-R", "FJ-01", "FJ-02", "FJ-03", "FJ-04", "FJ-05", "FJ-06", "FJ-07", "FJ-08",
    "FJ-09", "FJ-10", "FJ-11", "FJ-12", "FJ-13", "FJ-14",
    "ES-AR", "ES-HU", "ES-TE", "ES-Z", "ES-GA", "ES-C", "ES-LU", "ES-OR", "ES-PO", "ES-PV", "ES-BI", "ES-SS",
    "ES-VI", "ES-CN", "ES-GC", "ES-TF", "ES-CM", "ES-AB", "ES-CR", "ES-CU", "ES-GU", "ES-TO", "ES-CE", "ES-ML",
    "RS-VO", "RS-01", "RS-02", "RS-03", "RS-04", "RS-05", "RS-06", "RS-07", "RS-KM", "RS-25", "RS-26", "RS-27",
    "RS-28", "RS-29",
]  # fmt: skip

# The pages are split by country, so that no fact of a country (its codes, its number of
# subdivisions) is asked in both splits.
DEV_COUNTRIES = ("IE", "RS")

# ISO 3166-2 entries NOT catalogued (checked: their names are on no page and hold no catalogued
# name), for unanswerable questions, each from a country of its split.
ABSENT = {"dev": ["Kildare", "Wicklow", "Pirotski okrug", "Beograd"],
          "test": ["Sevilla", "Granada", "Salamanca", "Valladolid", "Extremadura", "Burgos"]}  # fmt: skip
ABSENT_QUESTIONS = ["What is the ISO 3166-2 code of {n}?",
                    "What type of subdivision is {n} in ISO 3166-2?",
                    "Which parent subdivision does ISO 3166-2 give {n}?",
                    "how many subdivisions are listed under {n} in iso 3166-2",
                    "In the catalogue, what is the code for {n}?",
                    "{n}: which country and which code?"]  # fmt: skip

# What these pages never state about a subdivision: (question, a pattern no page may match, a
# made-up answer that the pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "population": ("What is the population of {n}?",
                   r"\bpopulation\b|\binhabitants\b|\bpeople\b|\bresidents\b|\bmillions?\b",
                   "About 250,000 people live there."),
    "area": ("How large is {n} in square kilometres?", r"\barea\b|\bkm2\b|km²|\bsquare\b|\bhectares?\b",
             "It covers 5,000 square kilometres."),
    "capital": ("What is the capital of {n}?", r"\bcapital\b|\bseat\b|\badministrative cent|\bchief town\b",
                "Its capital is the town of Ennis."),
    "postal": ("Which postal codes does {n} use?", r"\bpostal\b|\bpost ?codes?\b|\bzip\b|\beircode\b",
               "Its postal codes begin with 22."),
    "dialling": ("What is the telephone area code for {n}?", r"\bdiall?ing\b|\bcalling\b|\btelephone\b|\bphone\b",
                 "Its telephone area code is 065."),
    "timezone": ("Which time zone is {n} in?", r"time ?zone|\butc\b|\bgmt\b|\bcet\b", "It is in UTC+01:00 (CET)."),
    "leader": ("Who governs {n}?", r"\bgovernor\b|\bpresident\b|\bmayor\b|\bpremier\b|\bleader\b|\bcouncil\b",
               "It is run by a county council and its mayor."),
    "nuts": ("What is the NUTS code of {n}?", r"\bnuts\b|\beurostat\b", "Its NUTS code is ES243."),
    "founded": ("In which year was {n} established?",
                r"\bfounded\b|\bestablished\b|\bcreated\b|\bsince\b|\bin 1\d\d\d\b|\bin 20\d\d\b",
                "It was established in 1833."),
    "language": ("Which language is mostly spoken in {n}?",
                 r"\blanguages?\b|\bspoken\b|\bdutch\b|\bfrench\b|\bcastilian\b|\bserbian\b|\bfijian\b|\bgaelic\b",
                 "Mostly French is spoken there."),
    "wikipedia": ("Where is the Wikipedia article on {n}?", r"wikipedia|https?://|\bwww\.",
                  "It is https://en.wikipedia.org/wiki/County_Clare."),
    "flag": ("What does the flag of {n} look like?", r"\bflags?\b|coat of arms|\bemblem\b|\bstripes?\b",
             "Its flag has a red and yellow stripe."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 3, "test": 4}  # the most single-hop questions of one kind
CAP_REVERSE = {"reverse-code": {"dev": 3, "test": 4}, "reverse-children": {"dev": 2, "test": 3},
               "reverse-under": {"dev": 2, "test": 2},
               "reverse-type": {"dev": 1, "test": 1}}  # fmt: skip
HOP_NAMED = {"dev": 2, "test": 3}  # chains started from a named subdivision; the rest start from its code
LAYOUTS = ("ledger", "narrative", "fieldlist")
# numbers inside the standard's name: a numeric gold among them would be matched by any answer
# that cites "ISO 3166-2"
STANDARD_NUMBERS = {"1", "2", "3", "3166"}

# ------------------------------------------------------------------ reading the source


def read_file(name: str) -> tuple[list[dict], str]:
    raw = (ISO / name).read_bytes()
    return json.loads(raw.decode("utf-8"))[FILES[name]], hashlib.sha256(raw).hexdigest()


def full_parent(e: dict) -> str:
    """The parent's full code (the files give the part after the country prefix: "AR" -> "ES-AR")."""
    return e["code"].split("-")[0] + "-" + e["parent"] if e.get("parent") else ""


def index_row(e: dict) -> str:
    """One ISO 3166-2 entry as a line: code|name|type|parent code."""
    return "|".join([e["code"], e["name"], e["type"], full_parent(e)])


def parse_index(index: list[str]) -> list[dict]:
    keys = ("code", "name", "type", "parent")
    return [dict(zip(keys, row.split("|"))) for row in index]


def make_record(code: str, raw: dict, index: list[dict]) -> dict:
    e2, c1 = raw["3166-2"], raw["3166-1"]
    by_code = {x["code"]: x for x in index}
    cc = code.split("-")[0]
    pc = full_parent(e2)
    children = [x for x in index if x["parent"] == code]
    same_country = [x for x in index if x["code"].split("-")[0] == cc]
    return {
        "code": code, "label": e2["name"], "type": e2["type"],
        "country": c1["name"], "alpha_2": c1["alpha_2"], "alpha_3": c1["alpha_3"], "numeric": c1["numeric"],
        "official": c1.get("official_name"),
        "parent": [pc, by_code[pc]["name"]] if pc else None,
        "children": len(children), "children_here": [[x["code"], x["name"]] for x in children if x["code"] in CHOSEN],
        "country_total": len(same_country), "type_count": sum(x["type"] == e2["type"] for x in same_country),
    }  # fmt: skip


def scan() -> dict:
    data, digests = {}, {}
    for name in FILES:
        data[name], digests[name] = read_file(name)
    e2 = {e["code"]: e for e in data["iso_3166-2.json"]}
    c1 = {e["alpha_2"]: {k: v for k, v in e.items() if k != "flag"} for e in data["iso_3166-1.json"]}
    index = [index_row(e) for e in data["iso_3166-2.json"]]
    raws = {c: {"3166-2": e2[c], "3166-1": c1[c.split("-")[0]]} for c in CHOSEN}
    rows = parse_index(index)
    recs = sorted((make_record(c, raws[c], rows) for c in CHOSEN), key=lambda r: (r["code"]))
    try:
        ver = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "iso-codes"], capture_output=True, text=True,
                             check=True).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        ver = "unknown"
    return {"source": f"{ISO} (Debian iso-codes {ver})", "version": ver,
            "files": {n: {"sha256": digests[n], "entries": len(data[n])} for n in FILES},
            "index": index, "raw": {c: raws[c] for c in sorted(raws)}, "records": recs}  # fmt: skip


# ------------------------------------------------------------------ pages


def fold(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def doc_id(r: dict) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(r["label"]).lower()).strip("-")


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog19:{salt}{key}".encode()).hexdigest(), 16)


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    for i, d in enumerate(sorted((doc_id(r) for r in recs), key=_h)):
        _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[doc_id(r)]


def and_list(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def parent_text(r: dict) -> str:
    return f"{r['parent'][0]} ({r['parent'][1]})" if r["parent"] else "none (a top-level subdivision)"


def children_here_text(r: dict) -> str:
    return "; ".join(n for _, n in r["children_here"]) or "none"


def front_matter(r: dict) -> str:
    return ("---\n" f"code: {json.dumps(r['code'])}\n" f"type: {json.dumps(r['type'])}\n"
            f"country: {json.dumps(r['alpha_2'])}\n"
            f"parent: {json.dumps(r['parent'][0] if r['parent'] else 'none')}\n" "---\n")  # fmt: skip


def front_values(r: dict) -> dict:
    text = front_matter(r)
    return {ln.split(": ", 1)[0]: json.loads(ln.split(": ", 1)[1]) for ln in text.splitlines() if ": " in ln}


def render(r: dict, version: str) -> str:
    n, kind, w = r["label"], layout(r), _h(doc_id(r), "w")
    head = front_matter(r) + f"\n# {n}\n\n"
    src = f"iso_3166-2.json (iso-codes {version})"
    c, cn, t = r["code"], r["country"], r["type"]
    official = r["official"] or "none recorded"
    if kind == "ledger":
        rows = [("Subdivision (ISO 3166-2 name)", n), ("ISO 3166-2 code", c), ("Subdivision type", t),
                ("Source", src), ("Country", f"{cn} ({r['alpha_2']})"),
                ("Country's ISO 3166-1 alpha-3 code", r["alpha_3"]),
                ("Country's ISO 3166-1 numeric code", r["numeric"]), ("Country's official name", official),
                ("Parent subdivision", parent_text(r)),
                (f"Entries of the whole table whose parent is {c}", str(r["children"])),
                ("Catalogued subdivisions under it", children_here_text(r)),
                (f"Subdivisions of {cn} in ISO 3166-2", str(r["country_total"])),
                (f"Subdivisions of {cn} with the type {t}", str(r["type_count"]))]  # fmt: skip
        return head + "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + "\n"
    if kind == "fieldlist":
        out = ["## Codes", f"- Name: {n}", f"- ISO 3166-2 code: {c}", f"- Type: {t}", f"- Source: {src}", "",
               "## Country", f"- Country: {cn}", f"- ISO 3166-1 alpha-2: {r['alpha_2']}",
               f"- ISO 3166-1 alpha-3: {r['alpha_3']}", f"- ISO 3166-1 numeric: {r['numeric']}",
               f"- Official name: {official}", f"- Subdivisions of the country: {r['country_total']}",
               f"- Subdivisions of the country with the type {t}: {r['type_count']}", "", "## Hierarchy",
               f"- Parent: {parent_text(r)}", f"- Entries with this parent (whole table): {r['children']}"]
        out += [f"- Catalogued here: {x}" for _, x in r["children_here"]] or ["- Catalogued here: none"]
        return head + "\n".join(out) + "\n"
    # narrative
    v = f"iso_3166-2.json, iso-codes {version}"
    p1 = [(f"{n} is a subdivision of {cn} in the ISO 3166-2 table ({v}) with the code {c}.",
           f"In the ISO 3166-2 table ({v}) the code {c} stands for {n}, a subdivision of {cn}.",
           f"This page describes {n}, listed in ISO 3166-2 ({v}) under the code {c} as part of {cn}.")[w % 3]]
    p1.append((f"Its subdivision type is {t}.", f"ISO 3166-2 gives it the type {t}.")[w % 5 % 2])
    p1.append(f"{cn} has {r['country_total']} subdivisions in the table, {r['type_count']} of them with the type {t}.")
    if r["official"]:
        p2 = [f"The country, {cn}, has the ISO 3166-1 alpha-2 code {r['alpha_2']}, the alpha-3 code {r['alpha_3']} "
              f"and the numeric code {r['numeric']}; its official name is {r['official']}."]
    else:
        p2 = [f"The country, {cn}, has the ISO 3166-1 alpha-2 code {r['alpha_2']}, the alpha-3 code {r['alpha_3']} "
              f"and the numeric code {r['numeric']}; ISO 3166-1 records no official name for it (none recorded)."]
    if r["parent"]:
        p3 = [(f"Its parent subdivision is {r['parent'][1]} ({r['parent'][0]}).",
               f"It lies within {r['parent'][1]}, whose code is {r['parent'][0]}.")[w % 7 % 2]]
    else:
        p3 = ["It has no parent subdivision (none): it is a top-level subdivision."]
    if r["children"]:
        here = (f"{plural(len(r['children_here']), 'of them is', 'of them are')} in this catalogue: "
                f"{and_list([x for _, x in r['children_here']])}" if r["children_here"]
                else "none of them is in this catalogue")
        p3.append(f"{plural(r['children'], 'entry', 'entries')} of the whole table "
                  f"{'has' if r['children'] == 1 else 'have'} {c} as their parent; {here}.")
    else:
        p3.append(f"No entry of the table has {c} as its parent (0 entries).")
    return head + "\n\n".join(" ".join(p) for p in (p1, p2, p3)) + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = snap["records"]
    assign_layouts(recs)
    return {f"{doc_id(r)}.md": render(r, snap["version"]) for r in recs}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's iso-codes again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(snap['index'])} ISO 3166-2 entries; {len(snap['records'])} records")


# ------------------------------------------------------------------ questions


def _atok(s: str) -> list[str]:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.eval.tokens import answer_tokens

    return answer_tokens(s)


def _contains(hay: list[str], needle: list[str]) -> bool:
    k = len(needle)
    return bool(needle) and any(hay[i : i + k] == needle for i in range(len(hay) - k + 1))


def _item(question: str, answers: list[str], typ: str, options: list[str] | None = None):
    from ragtune.eval.qa import QAItem

    return QAItem(id="x", question=question, answers=answers, type=typ, options=options)


def hedge_safe(question: str, options: list[str], gold: str) -> bool:
    """Do the other options, "A or B" hedges and the whole list score wrong for this item?"""
    from ragtune.eval.metrics import is_correct

    it = _item(question, [gold], "comparison", options)
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}", f"{gold} and {w}."]
    return is_correct(it, gold, False) and not any(is_correct(it, t, False) for t in tries)


def gold_safe(question: str, answers: list[str]) -> bool:
    """Does every gold score correct alone and in a sentence?"""
    from ragtune.eval.metrics import is_correct

    it = _item(question, answers, "single_hop")
    return all(is_correct(it, g, False) and is_correct(it, f"The answer is {g}.", False) for g in answers)


def free(x: str, r: dict) -> bool:
    """A value with a word that is not in the subdivision's name."""
    return bool(_atok(x)) and not set(_atok(x)) <= set(_atok(r["label"]))


def short_name(label: str) -> str:
    """The name without its bracketed other form or asterisk ("A Coruña [La Coruña]" -> "A Coruña")."""
    return re.sub(r"\s*\[.*?\]", "", label).replace("*", "").strip()


def label_golds(r: dict, with_code: bool = True) -> list[str]:
    """A subdivision as an answer: its name, that name without a bracketed part or asterisk and,
    unless the question's cue, its ISO 3166-2 code."""
    s = short_name(r["label"])
    return [r["label"]] + ([s] if s != r["label"] and s else []) + ([r["code"]] if with_code else [])


def num_ok(x: str) -> bool:
    return str(int(x)) not in STANDARD_NUMBERS


def parent_golds(r: dict) -> list[str]:
    p = r["parent"]
    s = short_name(p[1])
    return [p[1]] + ([s] if s != p[1] and s else []) + [p[0]]


SINGLE = {
    "code": (["What is the ISO 3166-2 code of {n}?", "Which code does ISO 3166-2 give {n}?",
              "{n} has which ISO 3166-2 code?"], lambda r: [r["code"]]),
    "type": (["What type of subdivision is {n} according to ISO 3166-2?", "How does ISO 3166-2 classify {n}?",
              "what kind of subdivision is {n}"], lambda r: [r["type"]]),
    "parent": (["Which subdivision is {n} part of in ISO 3166-2?", "What is the parent subdivision of {n}?",
                "{n} falls under which higher-level subdivision?"], parent_golds),
    "alpha3": (["What is the ISO 3166-1 alpha-3 code of the country {n} belongs to?",
                "{n} lies in a country; what is that country's three-letter ISO 3166-1 code?"],
               lambda r: [r["alpha_3"]]),
    "numeric": (["What is the ISO 3166-1 numeric code of the country that {n} is in?",
                 "Which numeric country code goes with {n}'s country?"], lambda r: list(dict.fromkeys([str(int(r["numeric"])), r["numeric"]]))),
    "official": (["What is the official name of the country that contains {n}?",
                  "{n} is in which country, by its official name?"], lambda r: [r["official"]]),
    "children": (["How many entries of the ISO 3166-2 table have {n} as their parent?",
                  "how many subdivisions sit under {n} in ISO 3166-2?",
                  "In the whole ISO 3166-2 table, how many subdivisions are listed with {n} as parent?"],
                 lambda r: [str(r["children"])]),
    "country_total": (["How many ISO 3166-2 subdivisions does the country of {n} have in all?",
                       "{n}'s country has how many subdivisions in the ISO 3166-2 table?"],
                      lambda r: [str(r["country_total"])]),
    "type_count": (["How many subdivisions of the same type as {n} does its country have?",
                    "Counting only subdivisions of {n}'s type, how many does its country have in ISO 3166-2?"],
                   lambda r: [str(r["type_count"])]),
}  # fmt: skip
# the order single-hop kinds are dealt in (rare kinds first)
SINGLE_ORDER = ["children", "official", "type_count", "type", "numeric", "country_total", "alpha3", "parent", "code"]

FIELD_OF = {"earlier-code": "code", "later-code": "code", "more-children": "children", "parent-which": "parent",
            "toplevel-which": "parent", "children-which": "children", "county-which": "type",
            "district-which": "type", "division-which": "type", "region-which": "type", "community-which": "type",
            "bigger-country": "country_total", "lower-numeric": "numeric", "more-of-type": "type_count"}  # fmt: skip


def types_of(recs: list[dict]) -> list[str]:
    return sorted({r["type"] for r in recs})


def single_ok(r: dict, k: str, all_types: list[str] | None = None) -> bool:
    if k == "code":
        return free(r["code"], r)
    if k == "type":
        others = [t for t in (all_types or []) if t != r["type"]]
        return free(r["type"], r) and not any(_contains(_atok(t), _atok(r["type"])) for t in others)
    if k == "parent":
        return bool(r["parent"]) and free(r["parent"][1], r)
    if k == "alpha3":
        return free(r["alpha_3"], r)
    if k == "numeric":
        return num_ok(r["numeric"])
    if k == "official":
        return bool(r["official"]) and free(r["official"], r)
    if k == "children":
        return r["children"] >= 1 and num_ok(str(r["children"]))
    if k == "country_total":
        return num_ok(str(r["country_total"])) and r["country_total"] != r["type_count"]
    if k == "type_count":
        return num_ok(str(r["type_count"])) and r["country_total"] != r["type_count"]
    return False


def country_fact(r: dict, k: str) -> tuple | None:
    """The country-level fact a single-hop kind asks (the same on every page of the country):
    asked once per split."""
    if k in ("alpha3", "numeric", "official", "country_total"):
        return (r["alpha_2"], k)
    if k == "type_count":
        return (r["alpha_2"], k, r["type"])
    return None


def single_question(r: dict, k: str) -> str:
    tpl = SINGLE[k][0][_h(r["label"], k) % len(SINGLE[k][0])]
    return tpl.format(n=short_name(r["label"]))


HOP = {"type": "What type of subdivision is that parent?",
       "children": "How many entries of the whole ISO 3166-2 table have that parent as their parent?",
       "type_count": "How many subdivisions of the parent's type does the country have?"}  # fmt: skip
CMP = {
    "earlier-code": ("Whose ISO 3166-2 code comes first alphabetically, {a}'s or {b}'s?", lambda r: r["code"], min),
    "later-code": ("Which of {a} and {b} has the ISO 3166-2 code that sorts later?", lambda r: r["code"], max),
    "more-children": ("Which has more subdivisions listed under it in ISO 3166-2, {a} or {b}?",
                      lambda r: r["children"], max),
    "parent-which": ("Which of {a} or {b} has a parent subdivision in ISO 3166-2?", lambda r: bool(r["parent"]), max),
    "toplevel-which": ("Which one is a top-level subdivision with no parent, {a} or {b}?",
                       lambda r: not r["parent"], max),
    "children-which": ("Which of {a} and {b} has other ISO 3166-2 entries under it?", lambda r: r["children"] > 0, max),
    "county-which": ("Which of {a} or {b} is a county in ISO 3166-2?", lambda r: r["type"] == "County", max),
    "district-which": ("Is {a} or {b} the one ISO 3166-2 calls a district?", lambda r: r["type"] == "District", max),
    "division-which": ("Which of {a} and {b} has the type Division?", lambda r: r["type"] == "Division", max),
    "region-which": ("Which is a region in ISO 3166-2, {a} or {b}?", lambda r: r["type"] == "Region", max),
    "community-which": ("Which of {a} or {b} is an autonomous community?",
                        lambda r: r["type"] == "Autonomous community", max),
    "bigger-country": ("{a} and {b} are in different countries. Whose country has more ISO 3166-2 subdivisions?",
                       lambda r: r["country_total"], max),
    "lower-numeric": ("Which lies in the country with the lower ISO 3166-1 numeric code, {a} or {b}?",
                      lambda r: int(r["numeric"]), min),
    "more-of-type": ("Within its own country, which has more subdivisions of its type: {a} or {b}?",
                     lambda r: r["type_count"], max),
}  # fmt: skip
COND_BASE = {
    "parent": (lambda r: bool(r["parent"]), "has a parent subdivision", "has no parent subdivision"),
    "children": (lambda r: r["children"] > 0, "has other entries listed under it", "has no entries listed under it"),
    "official": (lambda r: bool(r["official"]), "lies in a country with an official name in ISO 3166-1",
                 "lies in a country with no official name in ISO 3166-1"),
    "numeric-code": (lambda r: r["code"].split("-")[1].isdigit(), "has a code whose part after the hyphen is a number",
                     "has a code whose part after the hyphen is letters"),
    "short-code": (lambda r: len(r["code"].split("-")[1]) == 1, "has a code with a single character after the hyphen",
                   None),
}  # fmt: skip


def conditions(recs: list[dict]) -> dict:
    """COND_BASE, every type held by two or more catalogued subdivisions and every country
    (asked only as true)."""
    out = dict(COND_BASE)
    for t, n in sorted(Counter(r["type"] for r in recs).items()):
        if n >= 2:
            out[f"type-{t}"] = (lambda r, t=t: r["type"] == t, f"has the ISO 3166-2 type {t}", None)
    for c in sorted({r["country"] for r in recs}):
        out[f"country-{c}"] = (lambda r, c=c: r["country"] == c, f"is a subdivision of {c}", None)
    for p, n in sorted(Counter(tuple(r["parent"]) for r in recs if r["parent"]).items()):
        if n >= 2:
            out[f"parent-{p[0]}"] = (lambda r, p=p[0]: bool(r["parent"]) and r["parent"][0] == p,
                                     f"lies within {p[1]}", None)
    for ch, n in sorted(Counter(r["code"].split("-")[1][0] for r in recs).items()):
        if n >= 2 and ch.isalpha():
            out[f"letter-{ch}"] = (lambda r, ch=ch: r["code"].split("-")[1].startswith(ch),
                                   f"has a code whose part after the hyphen begins with the letter {ch}", None)
    for k, n in sorted(Counter(r["children"] for r in recs if r["children"]).items()):
        if n >= 2:
            out[f"children-{k}"] = (lambda r, k=k: r["children"] == k, f"has exactly {k} entries of the table under it",
                                    None)
    return out


def under_value(r: dict) -> str | None:
    """The catalogued subdivisions under r, as a question names them (two or more)."""
    xs = [short_name(x) for _, x in r["children_here"]]
    return and_list(xs) if len(xs) >= 2 else None


def cond_text(cond: dict, c: str, v: bool) -> str:
    return cond[c][1] if v else cond[c][2]


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Keyed by name: dev for the subdivisions of DEV_COUNTRIES, test for the others."""
    return {r["label"]: "dev" if r["alpha_2"] in DEV_COUNTRIES else "test" for r in recs}


def absent_pattern(label: str) -> str:
    return r"(?<![\w'])" + r"[\s_]+".join(re.escape(w) for w in label.split()) + r"(?![\w.-]*\w)"


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["label"]: r for r in recs}
    code = {r["code"]: r for r in recs}
    did = {r["label"]: doc_id(r) for r in recs}
    sp = split_pages(recs)
    cond = conditions(recs)
    all_types = types_of(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    pages_tok = {rel[:-3]: _atok(text) for rel, text in render_all(snap).items()}

    def on_one_page(x: str) -> bool:
        return sum(_contains(t, _atok(x)) for t in pages_tok.values()) == 1

    # a name whose tokens lie inside another catalogued name is never a reverse or filter gold;
    # nor is a name that does not score as itself (a comma or "and" read as a list)
    inside = {n for n in by for o in by if o != n and _contains(_atok(o), _atok(n))}
    inside |= {n for n in by if not gold_safe("Which subdivision is it?", label_golds(by[n]))}
    for s in ("dev", "test"):
        want = WANT[s]
        names = sorted((n for n in by if sp[n] == s), key=lambda x: _h(x, "order" + s))
        used: set[tuple[str, str]] = set()  # (page, field)
        cfacts: set = set()  # country-level facts asked
        subj: set[str] = set()
        items = out[s]

        def add(q, answers, typ, ev, kind, **kw):
            it = {"question": q, "answers": answers, "type": typ, "evidence": ev}
            if "options" in kw:
                it["options"] = kw.pop("options")
            it["kind"] = kind
            it.update(kw)
            items.append(it)

        def count(t):
            return sum(i["type"] == t for i in items)

        # multi hop first: a subdivision, named or told by its code -> its parent -> a field of the parent
        hk = list(HOP)
        for n in names:
            if count("multi_hop") >= want["multi_hop"]:
                break
            if not by[n]["parent"] or n in subj or n in inside:
                continue
            m = code[by[n]["parent"][0]]["label"]
            cue = "hop-named" if sum(i["kind"] == "hop-named" for i in items) < HOP_NAMED[s] else "hop-code"
            if cue == "hop-code" and (not on_one_page(by[n]["code"]) or (n, "code") in used):
                continue
            for kk in list(hk):
                if not single_ok(by[m], kk, all_types) or (m, kk) in used:
                    continue
                g_m = SINGLE[kk][1](by[m])
                g_n = SINGLE[kk][1](by[n]) if single_ok(by[n], kk, all_types) else []
                if kk == "type_count":
                    g_n = [str(by[n]["type_count"]), str(by[n]["country_total"])]
                if kk == "type":
                    g_n = [by[n]["type"]]
                if any(_contains(_atok(a), _atok(b2)) or _contains(_atok(b2), _atok(a)) for a in g_m for b2 in g_n):
                    continue  # the first subdivision's own value would score
                if any(not free(g, by[n]) for g in g_m):
                    continue
                if cue == "hop-named":
                    q = rnd.choice(["Look up the parent subdivision of {n} in ISO 3166-2. {f}",
                                    "{n} sits inside a larger subdivision of the catalogue. {f}"])
                    q = q.format(n=short_name(n), f=HOP[kk])
                    kw = {}
                else:
                    q = rnd.choice(["Start from the subdivision with the ISO 3166-2 code {v} and go to its parent. {f}",
                                    "The subdivision coded {v} has a parent in this catalogue. {f}"]).format(
                        v=by[n]["code"], f=HOP[kk])
                    kw = {"value": by[n]["code"]}
                    used.add((n, "code"))
                if country_fact(by[m], kk) and country_fact(by[m], kk) in cfacts:
                    continue
                add(q, g_m, "multi_hop", [did[n], did[m]], kind=cue, field=kk, via=n, target=m, **kw)
                cfacts.add(country_fact(by[m], kk))
                used.update({(m, kk), (n, "parent")})
                subj.update({n, m})
                hk.append(hk.pop(hk.index(kk)))
                break
        # single hop: deal kinds in turn over the pages; no kind more than CAP[s] times
        ki = 0
        for rnd_pass in (0, 1):
            for n in names:
                if count("single_hop") >= want["single_hop"]:
                    break
                r = by[n]
                if n in subj and (rnd_pass == 0 and _h(n, "again") % 2 or any(i["evidence"] == [did[n]] for i in items)):
                    continue
                for _ in range(len(SINGLE_ORDER)):
                    k = SINGLE_ORDER[ki % len(SINGLE_ORDER)]
                    ki += 1
                    if country_fact(r, k) and country_fact(r, k) in cfacts:
                        continue
                    if single_ok(r, k, all_types) and (n, k) not in used and sum(i["kind"] == k for i in items) < CAP[s]:
                        q = single_question(r, k)
                        if not gold_safe(q, SINGLE[k][1](r)):
                            continue
                        add(q, SINGLE[k][1](r), "single_hop", [did[n]], k)
                        used.add((n, k))
                        cfacts.add(country_fact(r, k))
                        subj.add(n)
                        break
        # reverse: a code, a number of children, a type held by one page, a count of a type -> subdivision
        rk = list(CAP_REVERSE)
        for n in names:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            if n in inside:
                continue
            for k in list(rk):
                if sum(i["kind"] == k for i in items) >= CAP_REVERSE[k][s]:
                    continue
                field, v = {"reverse-code": ("code", r["code"]),
                            "reverse-children": ("children", str(r["children"]) if r["children"] else None),
                            "reverse-type": ("type", r["type"]),
                            "reverse-under": ("children_here", under_value(r))}[k]  # fmt: skip
                if k == "reverse-under" and v:
                    if [x for x in by if under_value(by[x]) == v] != [n] or (n, field) in used:
                        continue
                    q = rnd.choice(["Which subdivision has {v} listed under it in ISO 3166-2?",
                                    "{v} share a parent subdivision in the catalogue. What is it called?"]).format(v=v)
                    add(q, label_golds(r), "reverse", [did[n]], k, value=v)
                    used.add((n, field))
                    rk.append(rk.pop(rk.index(k)))
                    break
                if k == "reverse-children" and v:
                    if [x for x in by if by[x]["children"] == r["children"]] != [n]:
                        continue
                    if not num_ok(v):
                        continue
                    q = rnd.choice(["Which subdivision in this catalogue has exactly {v} entries of ISO 3166-2 listed "
                                    "under it?", "{v} subdivisions of the ISO 3166-2 table have the same parent. "
                                    "Which catalogued subdivision is that parent?"]).format(v=v)
                    add(q, label_golds(r), "reverse", [did[n]], k, value=v)
                    used.add((n, field))
                    rk.append(rk.pop(rk.index(k)))
                    break
                if k == "reverse-code":
                    if (n, field) in used or not on_one_page(v):
                        continue
                    q = rnd.choice(["Which subdivision has the ISO 3166-2 code {v}?",
                                    "The ISO 3166-2 code {v} belongs to which subdivision?",
                                    "what place is {v} in ISO 3166-2"]).format(v=v)
                    add(q, label_golds(r, False), "reverse", [did[n]], k, value=v)
                    used.add((n, field))
                    rk.append(rk.pop(rk.index(k)))
                    break
                if k == "reverse-type":
                    if [x for x in by if by[x]["type"] == v] != [n] or not on_one_page(v) or not free(v, r):
                        continue
                    q = rnd.choice(["Which catalogued subdivision has the ISO 3166-2 type {v}?",
                                    "One subdivision in the catalogue is of the type {v}. Which?"]).format(v=v)
                    add(q, label_golds(r), "reverse", [did[n]], k, value=v)
                    used.add((n, field))
                    rk.append(rk.pop(rk.index(k)))
                    break
        # comparisons
        ck = list(CMP)
        tries = 0
        while count("comparison") < want["comparison"] and tries < 5000:
            tries += 1
            k = ck[tries % len(ck)]
            a, b = rnd.sample(names, 2)
            tpl, f, pick = CMP[k]
            fa, fb = f(by[a]), f(by[b])
            if fa is None or fb is None or fa == fb or (a, FIELD_OF[k]) in used or (b, FIELD_OF[k]) in used:
                continue
            if k == "more-children" and not (fa and fb):
                continue  # both have entries under them
            if k in ("bigger-country", "lower-numeric") and by[a]["country"] == by[b]["country"]:
                continue
            if k == "more-of-type" and by[a]["country"] != by[b]["country"]:
                continue
            if _contains(_atok(a), _atok(b)) or _contains(_atok(b), _atok(a)):
                continue
            if short_name(a) != a or short_name(b) != b:
                continue  # (options are written as the pages write them: no bracketed forms)
            if sum(i["kind"] == k for i in items) >= 2:
                continue  # no kind more than twice in a split
            win = a if pick(fa, fb) == fa else b
            if not hedge_safe(tpl.format(a=a, b=b), [a, b], win):
                continue
            add(tpl.format(a=a, b=b), [win], "comparison", [did[a], did[b]], k, options=[a, b], target=win)
            used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
        # filters: among all catalogued subdivisions (two conditions) and among four listed ones
        n_among = 3 if s == "dev" else 5
        vals = {c: ((True, False) if cond[c][2] else (True,)) for c in cond}
        pairs = [(c1, v1, c2, v2) for c1 in cond for c2 in cond if c1 < c2 for v1 in vals[c1] for v2 in vals[c2]]
        rnd.shuffle(pairs)
        for c1, v1, c2, v2 in pairs:
            if sum(i["kind"] == "filter" for i in items) >= want["filter"] - n_among:
                break
            m1 = [r for r in recs if cond[c1][0](r) == v1]
            m2 = [r for r in recs if cond[c2][0](r) == v2]
            both = [r for r in m1 if r in m2]
            if len(m1) < 2 or len(m2) < 2 or len(both) != 1 or sp[both[0]["label"]] != s:
                continue
            w = both[0]["label"]
            if w in inside or (w, "filter-" + c1) in used or (w, "filter-" + c2) in used:
                continue
            q = rnd.choice(["Which subdivision in this catalogue {a} and {b}?",
                            "Name the one catalogued subdivision that {a} and {b}."])
            add(q.format(a=cond_text(cond, c1, v1), b=cond_text(cond, c2, v2)), label_golds(both[0]), "filter",
                [did[w]], "filter", where={c1: v1, c2: v2}, candidates=[w])
            used.update({(w, "filter-" + c1), (w, "filter-" + c2)})
        tries = 0
        among_conds = [c for c in cond if not c.startswith(("country-", "parent-", "letter-", "children-"))]
        while count("filter") < want["filter"] and tries < 5000:
            tries += 1
            c = among_conds[tries % len(among_conds)]
            v = bool(tries % 2)
            if not v and cond[c][2] is None:
                continue
            cands = rnd.sample(names, 4)
            hits = [x for x in cands if cond[c][0](by[x]) == v]
            if len(hits) != 1 or hits[0] in inside or any((x, "filter-" + c) in used for x in cands):
                continue
            if any(short_name(x) != x for x in cands):
                continue
            if cands[-1] == hits[0]:  # the gold is never listed last
                cands[0], cands[-1] = cands[-1], cands[0]
            if any(_contains(_atok(x), _atok(y)) for x in cands for y in cands if x != y):
                continue
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these subdivisions {c}: {l}?",
                            "Among {l}, which {c}?"])
            if not hedge_safe(q.format(l=", ".join(cands), c=cond_text(cond, c, v)), cands, hits[0]):
                continue
            add(q.format(l=", ".join(cands), c=cond_text(cond, c, v)), [hits[0]], "filter", [did[hits[0]]],
                "filter-among", options=cands, where={c: v}, candidates=cands)
            used.update((x, "filter-" + c) for x in cands)
        # unanswerables
        for i, m in enumerate(ABSENT[s]):
            q = ABSENT_QUESTIONS[(i + 2 * (s == "test")) % len(ABSENT_QUESTIONS)]
            add(q.format(n=m), [], "unanswerable", [], "absent-module", module=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(names)
        rnd.shuffle(pages)
        i = 0
        while count("unanswerable") < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            add(ABSENT_FIELDS[f][0].format(n=short_name(n)), [], "unanswerable", [], "absent-field", field=f, module=n)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c19-{s}-{j:03d}", **it}
    return out


def qa_text(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def build(force: bool) -> None:
    snap = load_snapshot()
    recs = snap["records"]
    clash = [k for k, c in Counter(doc_id(r) for r in recs).items() if c > 1]
    if clash:
        sys.exit(f"ids chosen twice: {clash}")
    exists = (CORPUS.exists() and any(CORPUS.rglob("*.md"))) or (OUT / "test.jsonl").exists()
    if exists and not force:
        sys.exit(f"{CORPUS} or the question files exist (committed); pass --force to render them again")
    for old in CORPUS.rglob("*.md") if CORPUS.exists() else []:
        old.unlink()
    CORPUS.mkdir(parents=True, exist_ok=True)
    for rel, text in render_all(snap).items():
        (CORPUS / rel).write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    for s, items in qs.items():
        (OUT / f"{s}.jsonl").write_text(qa_text(items), encoding="utf-8")
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    print(f"{len(recs)} pages; layouts {dict(Counter(layout(r) for r in recs))}")
    for s, items in qs.items():
        print(f"{s}: {len(items)} {dict(Counter(it['type'] for it in items))} {dict(Counter(it['kind'] for it in items))}")


# ------------------------------------------------------------------ check


def report(results: list[tuple[str, list[str]]]) -> int:
    fails = 0
    for name, bad in results:
        print(("PASS " if not bad else "FAIL ") + name)
        for b in bad[:20]:
            print("     ", b)
        fails += bool(bad)
    print(f"{len(results) - fails}/{len(results)} checks pass")
    return 1 if fails else 0


def unanswerable_pattern(r: dict) -> tuple[str, str]:
    """(a pattern no page may match, a made-up answer sentence the pattern must match)."""
    if r["kind"] == "absent-module":
        return absent_pattern(r["module"]), f"{r['module']} has the ISO 3166-2 code XX-YY."
    _, pat, made_up = ABSENT_FIELDS[r["field"]]
    return pat, made_up


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = snap["records"]
    by = {r["label"]: r for r in recs}
    code = {r["code"]: r for r in recs}
    did = {r["label"]: doc_id(r) for r in recs}
    name_of = {v: k for k, v in did.items()}
    cond = conditions(recs)
    all_types = types_of(recs)
    rows_index = parse_index(snap["index"])
    results: list[tuple[str, list[str]]] = []
    # 1. snapshot -> files
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*") if p.is_file()}
    bad = [f"{k}: differs or missing" for k in pages if on_disk.get(k) != pages[k]]
    bad += [f"{k}: not rendered from the snapshot" for k in on_disk if k not in pages]
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages)} pages)", bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    # 2. the records against their raw entries (and this machine's files, where unchanged)
    bad = [f"{r['code']}: not CHOSEN" for r in recs if r["code"] not in CHOSEN]
    bad += [f"{c}: CHOSEN but no record" for c in CHOSEN if c not in code]
    bad += [f"{c}: CHOSEN twice" for c, n in Counter(CHOSEN).items() if n > 1]
    bad += [f"{r['code']}: record differs from its raw entries made again" for r in recs
            if r != make_record(r["code"], snap["raw"][r["code"]], rows_index)]
    bad += [f"{r['label']}: id clash" for r in recs if sum(did[x] == did[r["label"]] for x in did) > 1]
    bad += [f"{r['label']}: name clash" for r in recs if sum(x["label"] == r["label"] for x in recs) > 1]
    idx = {x["code"]: x for x in rows_index}
    for r in recs:
        raw = snap["raw"][r["code"]]
        if idx.get(r["code"], {}).get("name") != r["label"] or raw["3166-2"]["code"] != r["code"]:
            bad.append(f"{r['code']}: not in the index under its name")
        if raw["3166-1"]["alpha_2"] != r["code"].split("-")[0]:
            bad.append(f"{r['code']}: country entry is not the code's country")
        if r["parent"] and r["parent"][0] not in code:
            bad.append(f"{r['code']}: parent {r['parent'][0]} is not catalogued")
    reread = []
    for fname, meta in snap["files"].items():
        p = ISO / fname
        if p.is_file() and hashlib.sha256(p.read_bytes()).hexdigest() == meta["sha256"]:
            reread.append(fname)
    if len(reread) == len(FILES):
        again = scan()
        bad += [f"{k}: differs when this machine's files are read again" for k in ("index", "raw", "records", "files")
                if again[k] != snap[k]]
    results.append((f"records are the CHOSEN subdivisions ({len(recs)} of {len(snap['index'])} ISO 3166-2 entries), "
                    f"equal to their raw entries made again (files read again where unchanged: {len(reread)} of "
                    f"{len(FILES)}); ids and names unique; every parent is catalogued", bad))
    # 3. the corpus
    found, problems = scan_corpus(CORPUS)
    docs, load_bad = {}, []
    for f in found:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    bad = [str(p) for p in problems] + load_bad + ([] if len(docs) == len(recs) else [f"{len(docs)} != {len(recs)}"])
    bad += [i for i in docs if i not in set(did.values())]
    bad += [n for n in by if did[n] not in docs or docs[did[n]].title != n
            or any(docs[did[n]].metadata.get(k) != v for k, v in front_values(by[n]).items())]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents titled by their name, "
                    "with their front matter", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    bad = []
    for n, r in by.items():
        t = low[did[n]]
        vals = [n, r["code"], r["type"], r["country"], r["alpha_2"], r["alpha_3"], r["numeric"], str(r["children"]),
                str(r["country_total"]), str(r["type_count"])]
        vals += [x for x in (r["official"],) if x] + (r["parent"] or []) + [x for _, x in r["children_here"]]
        vals += [v for v in front_values(r).values()]
        bad += [f"{n}: {v!r} not in the body" for v in vals if v.lower() not in t]
        for g in [g for k in SINGLE if single_ok(r, k, all_types) for g in SINGLE[k][1](r)] + label_golds(r):
            if not contains_tokens(ftoks[did[n]], answer_tokens(g)):
                bad.append(f"{n}: gold form {g!r} not in the page tokens")
    results.append(("every field of the record (and of its front matter) is stated in its page body (every gold "
                    "form as tokens)", bad))
    lay = Counter(layout(r) for r in recs)
    results.append((f"three layouts {dict(lay)}", [] if len(lay) == 3 and min(lay.values()) >= len(recs) // 3 else ["uneven"]))
    # 4. the QA files
    items, rows, bad = {}, {}, []
    for s in ("dev", "test"):
        try:
            rows[s] = [json.loads(x) for x in (OUT / f"{s}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
            items[s] = load_qa(OUT / f"{s}.jsonl", corpus_ids=set(docs))
        except Exception as e:  # noqa: BLE001
            bad.append(f"{s}: {e}")
    results.append(("every line parses and load_qa reads both splits with the corpus ids", bad))
    if bad:
        return report(results)
    idb, gold_in, gold_ok, cmpw, abst = [], [], [], [], []
    ids = Counter(it.id for s in items for it in items[s])
    idb += [f"{i} twice" for i, c in ids.items() if c > 1]
    standards = [f"It is listed in ISO {x}." for x in ("3166-1", "3166-2", "3166-3", "3166")]
    for s in items:
        for it in items[s]:
            if not re.fullmatch(rf"c19-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or it.meta.get("kind") == "filter-among"):
                idb.append(f"{it.id}: options")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("IE-C", "It is a county.", "Ireland", "Connaught", "30",
                                unanswerable_pattern(rows[s][[r["id"] for r in rows[s]].index(it.id)])[1]):
                    if is_correct(it, made_up, False):
                        abst.append(f"{it.id}: {made_up!r} scores correct")
                continue
            if is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores correct on an answerable item")
            g0 = it.answers[0]
            for g in it.answers:
                if not any(contains_tokens(ftoks[e], answer_tokens(g)) for e in it.evidence):
                    gold_in.append(f"{it.id}: {g!r} not in the evidence tokens")
                if not any(g.lower() in low[e] for e in it.evidence):
                    gold_in.append(f"{it.id}: {g!r} not in the evidence text")
                if not is_correct(it, g, False) or not is_correct(it, f"The answer is {g}.", False):
                    gold_ok.append(f"{it.id}: {g!r}")
                if g.strip().lower() in ("none", "yes", "no", "true", "false", "nothing"):
                    gold_ok.append(f"{it.id}: bare {g!r}")
            if not it.options:
                gold_ok += [f"{it.id}: {g!r} is given away by the question" for g in it.answers
                            if not g.isdigit() and contains_tokens(answer_tokens(it.question), answer_tokens(g))]
            gold_ok += [f"{it.id}: {t!r} scores correct" for t in standards if is_correct(it, t, False)]
            if g0.isdigit() and is_correct(it, str(int(g0) + 1), False):
                gold_ok.append(f"{it.id}: near miss scores correct")
            k, f = it.meta.get("kind"), it.meta.get("field", it.meta.get("kind"))
            r = by[name_of[it.evidence[-1]]]
            if f in ("code", "alpha3", "parent"):
                others = {r["code"], r["alpha_2"], r["alpha_3"], (r["parent"] or [None])[0]}
                others |= {x for x, _ in r["children_here"]}
                gold_ok += [f"{it.id}: the record's other code {x!r} scores correct" for x in others - {None, g0}
                            if x not in it.answers and is_correct(it, x, False)]
            if f in ("numeric", "children", "country_total", "type_count"):
                others = {str(r["children"]), str(int(r["numeric"])), str(r["country_total"]), str(r["type_count"])}
                gold_ok += [f"{it.id}: the page's other number {x} scores correct" for x in others - set(it.answers)
                            if is_correct(it, x, False)]
            if f == "type":
                gold_ok += [f"{it.id}: {x!r} scores correct" for x in all_types
                            if x not in it.answers and is_correct(it, x, False)]
            if f == "parent" and not k.startswith("hop-"):
                gold_ok += [f"{it.id}: another catalogued name {o!r} scores correct" for o in by
                            if o not in it.answers and short_name(o) not in it.answers and is_correct(it, o, False)]
            if k.startswith("hop-"):
                via = by[it.meta["via"]]
                if f in SINGLE and single_ok(via, f, all_types):
                    gold_ok += [f"{it.id}: the first subdivision's {g!r} scores correct" for g in SINGLE[f][1](via)
                                if is_correct(it, g, False)]
                if is_correct(it, via["label"], False) or is_correct(it, via["code"], False):
                    gold_ok.append(f"{it.id}: the first subdivision's name or code scores correct")
            if it.options:
                if g0 not in it.options:
                    cmpw.append(f"{it.id}: gold not an option")
                if it.options[-1] in it.answers and k == "filter-among":
                    cmpw.append(f"{it.id}: gold listed last")
                others = [o for o in it.options if o != g0]
                for w in others:
                    for t in (w, f"{w} does.", f"The answer is {w}.", f"{g0} or {w}", f"{w} or {g0}", f"{g0} and {w}."):
                        if is_correct(it, t, False):
                            cmpw.append(f"{it.id}: {t!r} scores correct")
                if is_correct(it, and_list(it.options), False):
                    cmpw.append(f"{it.id}: listing every option scores correct")
            if it.type in ("reverse", "filter"):
                cmpw += [f"{it.id}: {o} scores correct" for o in by if o != r["label"] and is_correct(it, o, False)]
                cmpw += [f"{it.id}: {by[o]['code']} scores correct" for o in by
                         if o != r["label"] and is_correct(it, by[o]["code"], False)]
    results += [("ids c19-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables), options where due", idb),
                ("every gold occurs in an evidence page (as text, case-insensitive, and as accuracy tokens)", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question (numbers aside); no bare "
                 "yes/no/none gold; a sentence citing a standard (ISO 3166-2, ...), number + 1, the page's other "
                 "numbers and codes, other types, other names (parent), and the first subdivision's value, name and "
                 "code (chains) score wrong", gold_ok),
                ("wrong options, hedges and other subdivisions' names and codes score wrong; filter-among gold never "
                 "last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 5. facts against the snapshot
    facts = []
    rev_value = {"reverse-code": lambda r: r["code"], "reverse-children": lambda r: str(r["children"]),
                 "reverse-type": lambda r: r["type"], "reverse-under": under_value}  # fmt: skip
    for s in rows:
        for q in rows[s]:
            k = q["kind"]
            if q["type"] == "single_hop" or k.startswith("hop-"):
                f = q.get("field", k)
                n = name_of[q["evidence"][-1]]
                if not single_ok(by[n], f, all_types) or q["answers"] != SINGLE[f][1](by[n]):
                    facts.append(f"{q['id']}: gold differs from the snapshot")
                if any(a.isdigit() and not num_ok(a) for a in q["answers"]):
                    facts.append(f"{q['id']}: a numeric gold among the standard's numbers")
                if k.startswith("hop-") and ((by[q["via"]]["parent"] or [None])[0] != by[n]["code"]
                                             or q["target"] != n or q["evidence"] != [did[q["via"]], did[n]]):
                    facts.append(f"{q['id']}: the target is not the parent of the first subdivision")
                if k == "hop-code" and (q["value"] != by[q["via"]]["code"] or q["via"] in q["question"]
                                        or sum(contains_tokens(t, answer_tokens(q["value"])) for t in ftoks.values()) != 1):
                    facts.append(f"{q['id']}: the code does not single out the first subdivision")
                if k == "hop-named" and short_name(q["via"]) not in q["question"]:
                    facts.append(f"{q['id']}: the first subdivision is not named")
            elif q["type"] == "reverse":
                n = name_of[q["evidence"][0]]
                hit = [x for x in by if rev_value[k](by[x]) == q["value"]]
                if hit != [n] or q["answers"] != label_golds(by[n], k != "reverse-code"):
                    facts.append(f"{q['id']}: the value does not single out its subdivision")
                if q["value"] not in q["question"]:
                    facts.append(f"{q['id']}: the cue is not in the question")
                if k not in ("reverse-children", "reverse-under") and \
                        sum(contains_tokens(t, answer_tokens(q["value"])) for t in ftoks.values()) != 1:
                    facts.append(f"{q['id']}: the cue is on more than one page")
            elif q["type"] == "comparison":
                tpl, f, pick = CMP[k]
                a, b = q["options"]
                fa, fb = f(by[a]), f(by[b])
                if fa is None or fb is None or fa == fb or (k == "more-children" and not (fa and fb)) or \
                        q["answers"] != [a if pick(f(by[a]), f(by[b])) == f(by[a]) else b]:
                    facts.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                hit = [x for x in by if all(cond[c][0](by[x]) == v for c, v in q["where"].items())]
                each = [sum(cond[c][0](x) == v for x in recs) for c, v in q["where"].items()]
                if hit != q["candidates"] or q["answers"] != label_golds(by[hit[0]]) or min(each) < 2:
                    facts.append(f"{q['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = q["where"].items()
                if [x for x in q["candidates"] if cond[c][0](by[x]) == v] != q["answers"]:
                    facts.append(f"{q['id']}: filter-among")
    for s in rows:
        cf = Counter(country_fact(by[name_of[q["evidence"][-1]]], q.get("field", q["kind"])) for q in rows[s]
                     if q["type"] == "single_hop" or q["kind"].startswith("hop-"))
        facts += [f"{s}: country fact {k} asked {c} times" for k, c in cf.items() if k and c > 1]
    results.append(("facts agree with snapshot.json (values, chains, unique codes / counts / types, winners, "
                    "filters); a country's fact asked once per split", facts))
    # 6. split separation, unanswerables
    sp = split_pages(recs)

    def pages_of(s):
        out = set()
        for q in rows[s]:
            out |= set(q["evidence"]) | {did[c] for c in q.get("candidates", [])}
            out |= {did[o] for o in q.get("options", [])}
            if q["kind"] == "absent-field":
                out.add(did[q["module"]])
        return out

    sep = [f"{p} asked in both splits" for p in pages_of("dev") & pages_of("test")]
    sep += [f"{s}: {p} is a {('dev', 'test')[s == 'dev']} page" for s in rows for p in pages_of(s)
            if sp[name_of[p]] != s]
    sep += [f"{r['label']}: parent in the other split" for r in recs
            if r["parent"] and sp[r["label"]] != sp[code[r["parent"][0]]["label"]]]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    ab = {s: {q.get("module") for q in rows[s] if q["kind"] == "absent-module"} for s in rows}
    sep += sorted(ab["dev"] & ab["test"])
    n_dev = sum(v == "dev" for v in sp.values())
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by country: no page asked about in both splits, no "
                    "parent in the other split, no absent subdivision in both, no question repeated", sep))
    names_all = {x["name"] for x in rows_index}
    un = []
    for m in ABSENT["dev"] + ABSENT["test"]:
        if m not in names_all or m in by or any(_contains(_atok(m), _atok(o)) for o in by):
            un.append(f"ABSENT {m}: not an ISO 3166-2 name, catalogued, or holds a catalogued name")
        if any(contains_tokens(t, answer_tokens(m)) for t in ftoks.values()):
            un.append(f"ABSENT {m}: its tokens are on a page")
    for s in rows:
        for q in rows[s]:
            if q["type"] != "unanswerable":
                continue
            if q["kind"] == "absent-module" and (q["module"] not in ABSENT[s] or q["module"] not in q["question"]):
                un.append(f"{q['id']}: absent module")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or q["module"] not in by
                                                or short_name(q["module"]) not in q["question"]):
                un.append(f"{q['id']}: absent field")
            pat, made_up = unanswerable_pattern(q)
            if not re.search(pat, made_up, re.I):
                un.append(f"{q['id']}: the pattern misses its own made-up answer")
            hits = [p for p, t in on_disk.items() if re.search(pat, t, re.I)]
            if hits:
                un.append(f"{q['id']}: pattern {pat!r} matches {hits[:3]}")
    for f, (_, pat, made_up) in ABSENT_FIELDS.items():
        if not re.search(pat, made_up, re.I) or any(re.search(pat, t, re.I) for t in on_disk.values()):
            un.append(f"ABSENT_FIELDS {f}: pattern dead or on a page")
    results.append(("unanswerables: each pattern matches its made-up answer and no page (absent subdivisions: "
                    "ISO 3166-2 entries, not catalogued, on no page)", un))
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    ok = (OUT / "test.jsonl.sha256").read_text(encoding="utf-8") == f"{digest}  test.jsonl\n"
    results.append(("test.jsonl matches test.jsonl.sha256", [] if ok else ["sha256 mismatch"]))
    counts = {s: dict(Counter(it.type for it in items[s])) for s in items}
    results.append((f"split sizes and type mix (dev {len(items['dev'])}, test {len(items['test'])})",
                    [f"{s}: {counts[s]} != {WANT[s]}" for s in WANT if counts[s] != WANT[s]]))
    return report(results)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cmd", choices=["snapshot", "build", "check"])
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args()
    if a.cmd == "snapshot":
        snapshot(a.force)
        return 0
    if a.cmd == "build":
        build(a.force)
        return 0
    return check()


if __name__ == "__main__":
    sys.exit(main())
