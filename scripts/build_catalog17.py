"""Build the catalog17 evaluation corpus: X11 keyboard layouts of this machine's xkb-data.

    PYTHONPATH=src python scripts/build_catalog17.py snapshot [--force]  # /usr/share/X11/xkb -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog17.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog17.py check               # loader + scorer + fact checks, no model

`snapshot` reads the layout registry of this machine's xkb-data (`/usr/share/X11/xkb/rules/evdev.xml`
and `evdev.extras.xml`): for every layout its code (the XKB name), description, indicator (short
description), variant counts and whether a symbols file exists (`index`, for the checks). For the
layouts named in CHOSEN it also keeps the raw registry entries (`raw`: each `<layout>` element as
XML, from evdev.xml and from evdev.extras.xml) and a summary of the symbols file
`/usr/share/X11/xkb/symbols/<code>` (its sha256, its line count, and for every `xkb_symbols`
section its name, flags, include statements, Group1 name and number of `key <...>` statements,
comments stripped), and the record made from them: code, description, indicator, languages (ISO
639 codes with English names from /usr/share/iso-codes), countries (ISO 3166 codes with English
names), variants and exotic variants (name and description), the symbols file's lines and
sections, its default section, that section's includes, keys and group name, keys over all
sections, and the other layout the default section builds on. Written to
`evalsets/catalog17/snapshot.json` (committed; `snapshot` refuses to overwrite it without
--force): another machine ships another xkb-data, so the committed snapshot is the source of the
corpus.

`build` renders one markdown page per layout from snapshot.json alone, `<id>.md` (the description
with accents folded, lower case, every run of characters other than a-z and 0-9 as `-`), titled
`# <description>`, with YAML front matter (layout, language, country, variants) and a body in one
of three layouts dealt in turn in the order of sha256("catalog17:<id>"): `ledger` (a
`| Field | Value |` table), `narrative` (prose paragraphs, wording varied per page) or
`fieldlist` (headed sections of `Label: value` bullets). Then it generates dev.jsonl and
test.jsonl from the snapshot (seeded, SEED) and writes test.jsonl.sha256. It refuses to
overwrite corpus/ or the question files without --force.

`check` renders the snapshot and the questions again and compares them with the committed files,
makes every record again from its raw entries (and, where this machine's symbols file still has
the recorded sha256, parses the file again), loads the corpus with ragtune's loader, reads both
splits with `load_qa`, and checks every item (evidence, gold in evidence text and tokens, scoring
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
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog17"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
XKB = Path("/usr/share/X11/xkb")
RULES = {"evdev.xml": XKB / "rules" / "evdev.xml", "evdev.extras.xml": XKB / "rules" / "evdev.extras.xml"}
SYMBOLS = XKB / "symbols"
ISO639_2 = Path("/usr/share/iso-codes/json/iso_639-2.json")
ISO639_3 = Path("/usr/share/iso-codes/json/iso_639-3.json")
ISO3166 = Path("/usr/share/iso-codes/json/iso_3166-1.json")
SEED = 17

# 89 of the 103 layouts of evdev.xml and evdev.extras.xml that have a symbols file (`custom` has
# none): all but 14 left out so that their descriptions are on no page (the unanswerable
# absent layouts, ABSENT; `af` also because evdev.xml lists its language as `drs`, which ISO 639-3
# names Gedeo, not Dari).
CHOSEN = [
    "al", "am", "apl", "ara", "at", "au", "az", "ba", "bd", "be", "bg", "br", "brai", "by", "ca", "cd", "ch",
    "cm", "cn", "cz", "de", "dk", "dz", "ee", "epo", "es", "et", "eu", "fi", "fo", "fr", "gb", "ge", "gh", "gr",
    "hr", "hu", "id", "ie", "il", "in", "iq", "ir", "is", "it", "jp", "ke", "kr", "kz", "latam", "lk", "lt",
    "lv", "ma", "md", "me", "mk", "ml", "mm", "mn", "mt", "my", "ng", "nl", "no", "np", "ph", "pk", "pl", "pt",
    "ro", "rs", "ru", "se", "si", "sk", "sy", "tg", "th", "trans", "tr", "tw", "tz", "ua", "us", "uz", "vn",
    "za",
]  # fmt: skip

# Layouts of this machine's registry that are NOT catalogued (checked: their descriptions are on no
# page and hold no catalogued description), for unanswerable questions; each split takes its own.
ABSENT = ["Dari", "Dzongkha", "Khmer (Cambodia)", "Dhivehi", "Tswana", "Wolof", "Coptic", "Lao", "Tajik",
          "N'Ko (AZERTY)", "Indonesian (Javanese)", "Maori", "Turkmen", "Kyrgyz"]  # fmt: skip
ABSENT_SPLIT = {"dev": 4, "test": 6}
ABSENT_QUESTIONS = ["Which indicator does the {n} keyboard layout show in the panel?",
                    "How many variants does the {n} layout have in evdev.xml?",
                    "How many lines long is the symbols file of the {n} layout?",
                    "What is the XKB layout code of the {n} layout?",
                    "How many keys does the default section of the {n} symbols file define?"]  # fmt: skip

# What these pages never state about a layout: (question, a pattern no page may match, a made-up
# answer that the pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "author": ("Who wrote the symbols file of the {n} layout?",
               r"\bauthor|\bwritten by\b|copyright|\(c\)", "It was written by Ivan Petrov (copyright 2004)."),
    "added": ("In which xkeyboard-config release was the {n} layout first added?",
              r"\badded\b|\bintroduced\b|\breleases?\b|xkeyboard-config \d", "It was added in xkeyboard-config 2.3."),
    "speakers": ("How many people speak the main language of the {n} layout?",
                 r"\bspeakers?\b|\bmillions?\b|\bspoken\b|\bpeople\b", "About 5 million people speak it."),
    "klid": ("Which Windows keyboard layout identifier (KLID) corresponds to {n}?",
             r"\bklid\b|\b0000[0-9a-f]{4}\b|\bidentifier\b", "Its KLID is 00000406."),
    "license": ("Under which licence is the {n} symbols file distributed?",
                r"licen[cs]e|\bgpl\b|\bmit\b|permission", "It is distributed under the MIT licence."),
    "modified": ("When was the symbols file of {n} last modified?",
                 r"modif|last changed|\b(19|20)\d\d-\d\d-\d\d\b|\bmtime\b", "It was last modified on 2021-06-14."),
    "font": ("Which font does the {n} layout recommend for its script?",
             r"\bfonts?\b|typeface|\bnoto\b", "It recommends the Noto Sans font."),
    "keysym": ("Which character does the {n} layout put on the AE01 key at the third shift level?",
               r"\bae\d\d\b|third (shift )?level|\blevel three\b|keysym", "AE01 gives exclamdown at the third level."),
    "users": ("How many desktop users have {n} as their default keyboard layout?",
              r"\busers?\b|\bdownloads?\b|\binstall", "About 120,000 users have it as their default."),
    "ime": ("Which input method engine is usually paired with the {n} layout?",
            r"input method|\bime\b|\bibus\b|\bfcitx\b", "It is usually paired with IBus."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
N_DEV_PAGES = 35
HOP_NAMED = {"dev": 2, "test": 3}  # chains started from a named layout; the rest start from a variant name
LAYOUTS = ("ledger", "narrative", "fieldlist")
# two-letter codes that are English words: never a gold on their own ("It is in ..." would score)
CODE_WORDS = {"it", "no", "in", "us", "be", "at", "is", "to", "as", "on", "or", "an", "am", "me", "my", "so", "do",
              "go", "he", "we", "hi", "by", "of", "up", "if", "id", "ca", "new", "war", "fox", "may", "can", "man",
              "raj", "mag", "pan", "bud", "gen", "las", "ewe", "fon", "tem", "ho", "eu", "ml", "et"}  # fmt: skip

# ------------------------------------------------------------------ reading the source


def strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def parse_symbols(text: str) -> list[dict]:
    """The xkb_symbols sections of a symbols file: name, flags, includes, Group1 name, key count."""
    t = strip_comments(text)
    out = []
    for m in re.finditer(r"((?:[a-z_]+\s+)*)xkb_symbols\s+\"([^\"]+)\"\s*\{", t):
        depth, i = 1, m.end()
        while depth:
            depth += (t[i] == "{") - (t[i] == "}")
            i += 1
        body = t[m.end() : i - 1]
        group = re.findall(r"name\s*\[\s*[Gg]roup1\s*\]\s*=\s*\"([^\"]*)\"", body)
        out.append({"name": m.group(2), "flags": m.group(1).split(),
                    "includes": re.findall(r"\binclude\s+\"([^\"]+)\"", body),
                    "group": group[0] if group else None, "keys": len(re.findall(r"\bkey\s*<", body))})  # fmt: skip
    return out


def read_symbols(code: str) -> dict:
    raw = (SYMBOLS / code).read_bytes()
    text = raw.decode("utf-8", errors="replace")
    return {"path": str(SYMBOLS / code), "sha256": hashlib.sha256(raw).hexdigest(), "lines": len(text.splitlines()),
            "sections": parse_symbols(text)}  # fmt: skip


def registry_layouts(path: Path) -> dict[str, ET.Element]:
    root = ET.parse(path).getroot()
    return {lay.find("configItem").findtext("name"): lay for lay in root.find("layoutList").findall("layout")}


def read_languages() -> dict[str, str]:
    """ISO 639 alpha-3 -> English name (639-3's name, else 639-2's first name)."""
    out = {}
    for d in json.loads(ISO639_2.read_text(encoding="utf-8"))["639-2"]:
        out[d["alpha_3"]] = d["name"].split(";")[0].strip()
    for d in json.loads(ISO639_3.read_text(encoding="utf-8"))["639-3"]:
        out[d["alpha_3"]] = d["name"]
    return out


def read_countries() -> dict[str, str]:
    data = json.loads(ISO3166.read_text(encoding="utf-8"))["3166-1"]
    return {c["alpha_2"]: c.get("common_name", c["name"]) for c in data}


def include_files(inc: str) -> list[str]:
    """The symbols files an include statement names: "latin(type2)+level3(ralt_switch)" -> [latin, level3]."""
    return [p.split("(")[0].strip() for p in re.split(r"[+|]", inc) if p.strip()]


def parse_item(el: ET.Element) -> dict:
    c = el.find("configItem")
    return {"name": c.findtext("name"), "short": c.findtext("shortDescription"), "desc": c.findtext("description"),
            "countries": [x.text for x in c.findall("countryList/iso3166Id")],
            "languages": [x.text for x in c.findall("languageList/iso639Id")]}  # fmt: skip


def make_record(code: str, raw: dict, languages: dict, countries: dict, labels: dict[str, str]) -> dict:
    main = ET.fromstring(raw["xml"]) if raw["xml"] else None
    extra = ET.fromstring(raw["extras_xml"]) if raw["extras_xml"] else None
    head = parse_item(main if main is not None else extra)
    variants = [[v["name"], v["desc"]] for v in (parse_item(x) for x in main.findall("variantList/variant"))] \
        if main is not None else []
    exotic = [[v["name"], v["desc"]] for v in (parse_item(x) for x in extra.findall("variantList/variant"))] \
        if extra is not None else []
    sym = raw["symbols"]
    secs = sym["sections"]
    marked = [s for s in secs if "default" in s["flags"]]
    d = marked[0] if marked else secs[0]
    others = []
    for inc in d["includes"]:
        for f in include_files(inc):
            if f in labels and f != code and f not in others:
                others.append(f)
    return {
        "code": code, "label": head["desc"], "indicator": head["short"],
        "registry": "evdev.xml" if main is not None else "evdev.extras.xml",
        "languages": [[x, languages.get(x)] for x in head["languages"]],
        "countries": [[x, countries.get(x)] for x in head["countries"]],
        "variants": variants, "exotic": exotic,
        "file": f"/usr/share/X11/xkb/symbols/{code}", "lines": sym["lines"], "sections": len(secs),
        "default": d["name"], "default_marked": bool(marked), "includes": d["includes"], "keys": d["keys"],
        "group": d["group"], "all_keys": sum(s["keys"] for s in secs),
        "builds_on": [[o, labels[o]] for o in others],
    }  # fmt: skip


def scan() -> dict:
    regs = {k: registry_layouts(p) for k, p in RULES.items()}
    codes = list(regs["evdev.xml"]) + [c for c in regs["evdev.extras.xml"] if c not in regs["evdev.xml"]]
    index = []
    for c in codes:
        a, b = regs["evdev.xml"].get(c), regs["evdev.extras.xml"].get(c)
        head = parse_item(a if a is not None else b)
        index.append([c, head["desc"], head["short"], len(a.findall("variantList/variant")) if a is not None else 0,
                      len(b.findall("variantList/variant")) if b is not None else 0, (SYMBOLS / c).is_file()])
    labels = {c: lb for c, lb, *_ in index}
    allang, allc = read_languages(), read_countries()
    raws = {}
    for c in CHOSEN:
        a, b = regs["evdev.xml"].get(c), regs["evdev.extras.xml"].get(c)
        raws[c] = {"xml": ET.tostring(a, encoding="unicode").strip() if a is not None else None,
                   "extras_xml": ET.tostring(b, encoding="unicode").strip() if b is not None else None,
                   "symbols": read_symbols(c)}  # fmt: skip
    langs = sorted({x for r in raws.values() for x in parse_item(ET.fromstring(r["xml"] or r["extras_xml"]))["languages"]})
    ctrs = sorted({x for r in raws.values() for x in parse_item(ET.fromstring(r["xml"] or r["extras_xml"]))["countries"]})
    languages = {x: allang.get(x) for x in langs}
    countries = {x: allc.get(x) for x in ctrs}
    recs = [make_record(c, raws[c], languages, countries, labels) for c in CHOSEN]
    recs.sort(key=lambda r: r["label"].lower())

    def version(pkg):
        try:
            return subprocess.run(["dpkg-query", "-W", "-f", "${Version}", pkg], capture_output=True, text=True,
                                  check=True).stdout.strip()  # fmt: skip
        except (OSError, subprocess.CalledProcessError):
            return "unknown"

    ver = version("xkb-data")
    return {"source": f"{XKB} (Debian xkb-data {ver})", "version": ver, "iso_codes": version("iso-codes"),
            "languages": languages, "countries": countries, "labels": labels, "index": index,
            "raw": {c: raws[c] for c in sorted(raws)}, "records": recs}  # fmt: skip


# ------------------------------------------------------------------ pages


def fold(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def doc_id(r: dict) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(r["label"]).lower()).strip("-")


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog17:{salt}{key}".encode()).hexdigest(), 16)


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


def lang_text(x: list) -> str:
    return f"{x[0]} ({x[1]})" if x[1] else f"{x[0]} (no English name in iso-codes)"


def country_text(x: list) -> str:
    return f"{x[0]} ({x[1]})"


def base_text(r: dict) -> str:
    return "; ".join(f"{c} ({lb})" for c, lb in r["builds_on"]) or "none"


def default_text(r: dict) -> str:
    return r["default"] + (" (marked default)" if r["default_marked"] else " (the first section; none is marked default)")


def bucket(n: int) -> str:
    return "none" if n == 0 else "1-4" if n < 5 else "5-9" if n < 10 else "10 or more"


def front_matter(r: dict) -> str:
    lang = r["languages"][0][1] if len(r["languages"]) == 1 and r["languages"][0][1] else \
        "none" if not r["languages"] else "several" if len(r["languages"]) > 1 else r["languages"][0][0]
    ctry = r["countries"][0][0] if len(r["countries"]) == 1 else "none" if not r["countries"] else "several"
    return ("---\n" f"layout: {json.dumps(r['code'])}\n" f"language: {json.dumps(lang, ensure_ascii=False)}\n"
            f"country: {json.dumps(ctry)}\n" f"variants: {json.dumps(bucket(len(r['variants'])))}\n" "---\n")  # fmt: skip


def front_values(r: dict) -> dict:
    text = front_matter(r)
    return {ln.split(": ", 1)[0]: json.loads(ln.split(": ", 1)[1]) for ln in text.splitlines() if ": " in ln}


def render(r: dict, version: str) -> str:
    n, kind, w = r["label"], layout(r), _h(doc_id(r), "w")
    head = front_matter(r) + f"\n# {n}\n\n"
    src = f"{r['file']} (xkb-data {version})"
    reg = ("evdev.xml" if r["registry"] == "evdev.xml" else "evdev.extras.xml only (an exotic layout)")
    if kind == "ledger":
        rows = [("Layout", n), ("XKB layout code", r["code"]), ("Indicator (short description)", r["indicator"]),
                ("Listed in", reg),
                ("Languages (ISO 639)", "; ".join(lang_text(x) for x in r["languages"]) or "none"),
                ("Number of languages", str(len(r["languages"]))),
                ("Countries (ISO 3166)", "; ".join(country_text(x) for x in r["countries"]) or "none"),
                ("Number of countries", str(len(r["countries"]))),
                ("Variants in evdev.xml", str(len(r["variants"])))]  # fmt: skip
        rows += [(f"Variant {v}", d) for v, d in r["variants"]]
        rows += [("Exotic variants in evdev.extras.xml", str(len(r["exotic"])))]
        rows += [(f"Exotic variant {v}", d) for v, d in r["exotic"]]
        rows += [("Symbols file", src), ("Lines in the symbols file", str(r["lines"])),
                 ("xkb_symbols sections", str(r["sections"])), ("Default section", default_text(r)),
                 ("Default section includes", "; ".join(r["includes"]) or "nothing"),
                 ("Builds on (other layout)", base_text(r)), ("Group name", r["group"] or "none"),
                 ("Keys defined in the default section", str(r["keys"])),
                 ("Keys defined in all sections", str(r["all_keys"]))]  # fmt: skip
        return head + "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + "\n"
    if kind == "fieldlist":
        out = ["## Identity", f"- Description: {n}", f"- Layout code: {r['code']}", f"- Indicator: {r['indicator']}",
               f"- Registry: {reg}", "", "## Languages"]
        out += [f"- Language: {lang_text(x)}" for x in r["languages"]] or ["- Language: none"]
        out += [f"- Language count: {len(r['languages'])}", "", "## Countries"]
        out += [f"- Country: {country_text(x)}" for x in r["countries"]] or ["- Country: none"]
        out += [f"- Country count: {len(r['countries'])}", "", "## Variants", f"- Variant count: {len(r['variants'])}"]
        out += [f"- Variant {v}: {d}" for v, d in r["variants"]]
        out += [f"- Exotic variant count: {len(r['exotic'])}"] + [f"- Exotic variant {v}: {d}" for v, d in r["exotic"]]
        out += ["", "## Symbols file", f"- Path: {src}", f"- Lines: {r['lines']}", f"- Sections: {r['sections']}",
                f"- Default section: {default_text(r)}"]
        out += [f"- Includes: {x}" for x in r["includes"]] or ["- Includes: nothing"]
        out += [f"- Builds on: {base_text(r)}", f"- Group name: {r['group'] or 'none'}",
                f"- Keys in the default section: {r['keys']}", f"- Keys in all sections: {r['all_keys']}"]
        return head + "\n".join(out) + "\n"
    # narrative
    p1 = [(f"{n} is a keyboard layout of this machine's XKB registry ({reg}) with the layout code {r['code']}.",
           f"The XKB layout code {r['code']} ({reg}) stands for the {n} keyboard layout.",
           f"This page describes the {n} keyboard layout, registered in {reg} under the code {r['code']}.")[w % 3]]
    p1.append((f"Its indicator (short description) is {r['indicator']}.",
               f"The panel shows it with the indicator {r['indicator']} (its short description).")[w % 5 % 2])
    if r["languages"]:
        ls = [lang_text(x) for x in r["languages"]]
        p1.append(f"It lists {plural(len(ls), 'language')} (ISO 639): {and_list(ls)}." if w % 7 % 2 else
                  f"The registry gives it {plural(len(ls), 'language')} (ISO 639), namely {and_list(ls)}.")
    else:
        p1.append("It lists no language (0 languages).")
    if r["countries"]:
        cs = [country_text(x) for x in r["countries"]]
        p1.append(f"It is tied to {plural(len(cs), 'country', 'countries')} (ISO 3166): {and_list(cs)}.")
    else:
        p1.append("It names no country (0 countries).")
    vs = [f"{v} (\"{d}\")" for v, d in r["variants"]]
    if vs:
        p2 = [(f"evdev.xml lists {plural(len(vs), 'variant')} of it: {'; '.join(vs)}." if w % 11 % 2 else
               f"It has {plural(len(vs), 'variant')} in evdev.xml, each given by name with its description quoted: "
               f"{'; '.join(vs)}.")]
    else:
        p2 = ["It has no variants in evdev.xml (0 variants)."]
    xs = [f"{v} (\"{d}\")" for v, d in r["exotic"]]
    p2.append(f"evdev.extras.xml adds {plural(len(xs), 'exotic variant')}: {'; '.join(xs)}." if xs
              else "evdev.extras.xml adds no exotic variants (0).")
    inc = and_list(r["includes"]) if r["includes"] else None
    p3 = [(f"Its symbols file, {src}, is {r['lines']} lines long and defines {plural(r['sections'], 'xkb_symbols section')}.",
           f"The symbols file {src} has {r['lines']} lines and {plural(r['sections'], 'xkb_symbols section')}.")[w % 13 % 2]]
    if r["default_marked"]:
        p3.append(f"The section marked default is {r['default']}")
    else:
        p3.append(f"No section is marked default, so the first one, {r['default']}, is the default")
    p3[-1] += (f"; it includes {inc}" if inc else "; it includes nothing") + \
        f" and defines {plural(r['keys'], 'key')} of its own ({r['all_keys']} keys over all sections)."
    if r["builds_on"]:
        p3.append(f"So its default section builds on another layout: {base_text(r)}.")
    else:
        p3.append("Its default section builds on no other layout (none).")
    p3.append(f"The group name it sets is {r['group']}." if r["group"] else "It sets no group name (none).")
    return head + "\n\n".join(" ".join(p) for p in (p1, p2, p3)) + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = snap["records"]
    assign_layouts(recs)
    return {f"{doc_id(r)}.md": render(r, snap["version"]) for r in recs}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's xkb-data again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(snap['index'])} layouts in the registry; {len(snap['records'])} records")


# ------------------------------------------------------------------ questions


def _atok(s: str) -> list[str]:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.eval.tokens import answer_tokens

    return answer_tokens(s)


def _contains(hay: list[str], needle: list[str]) -> bool:
    k = len(needle)
    return bool(needle) and any(hay[i : i + k] == needle for i in range(len(hay) - k + 1))


def free(x: str, r: dict) -> bool:
    """A value whose tokens are not inside the layout's description (the scorer would accept an
    answer that only repeats the description)."""
    return bool(_atok(x)) and not _contains(_atok(r["label"]), _atok(x))


def code_ok(c: str) -> bool:
    return c.lower() not in CODE_WORDS and len(c) >= 2


def label_golds(r: dict) -> list[str]:
    """A layout as an answer: its description and, unless an English word, its code."""
    return [r["label"]] + ([r["code"]] if code_ok(r["code"]) else [])


def lang_golds(r: dict) -> list[str]:
    """The language's English name, that name without a bracketed part ("Modern Greek (1453-)" ->
    "Modern Greek") and, unless an English word, its code."""
    (code, name), = r["languages"]
    short = re.sub(r"\s*\(.*?\)", "", name).strip()
    return [name] + ([short] if short != name and short else []) + ([code] if code_ok(code) else [])


def country_golds(r: dict) -> list[str]:
    (code, name), = r["countries"]
    return [name] + ([code] if code_ok(code) else [])


def variant_of(r: dict) -> list[str] | None:
    """The variant a variant-name question asks about: the first (in sha256 order) whose name is
    free of its description and of the layout's, not a code word, and whose description is unique."""
    descs = Counter(d for _, d in r["variants"] + r["exotic"])
    names = Counter(v for v, _ in r["variants"] + r["exotic"])
    ok = [[v, d] for v, d in r["variants"] if descs[d] == 1 and names[v] == 1 and code_ok(v) and free(v, r)
          and not _contains(_atok(d), _atok(v)) and len(_atok(v)) >= 1]
    return min(ok, key=lambda x: _h(r["code"] + x[0], "var")) if ok else None


SINGLE = {
    "code": (["What is the XKB layout code of the {n} keyboard layout?", "Which code does XKB use for the {n} layout?",
              "Under what layout name is {n} registered in evdev.xml?"], lambda r: [r["code"]]),
    "indicator": (["Which indicator (short description) does the {n} layout show?",
                   "What short description does the registry give the {n} layout?",
                   "What does the keyboard indicator read for the {n} layout?"], lambda r: [r["indicator"]]),
    "country": (["Which country is the {n} layout tied to?", "For which country does the registry list the {n} layout?",
                 "What country is given for the {n} keyboard layout?"], country_golds),
    "language": (["Which language does the {n} layout list?", "What is the one language given for the {n} layout?",
                  "For which language does the registry say the {n} keyboard layout is meant?"], lang_golds),
    "langs": (["How many languages does the registry list for the {n} layout?",
               "The {n} layout is given how many ISO 639 languages?"], lambda r: [str(len(r["languages"]))]),
    "countries": (["How many countries are listed for the {n} layout?",
                   "For how many countries does the registry list the {n} keyboard layout?"],
                  lambda r: [str(len(r["countries"]))]),
    "variants": (["How many variants does evdev.xml list for the {n} layout?",
                  "The {n} keyboard layout has how many variants in evdev.xml?",
                  "Count the evdev.xml variants of the {n} layout: how many are there?"],
                 lambda r: [str(len(r["variants"]))]),
    "exotic": (["How many exotic variants does evdev.extras.xml add to the {n} layout?",
                "The {n} layout gets how many extra variants from evdev.extras.xml?"],
               lambda r: [str(len(r["exotic"]))]),
    "lines": (["How many lines long is the symbols file of the {n} layout?",
               "What is the line count of the XKB symbols file for {n}?"], lambda r: [str(r["lines"])]),
    "sections": (["How many xkb_symbols sections does the {n} symbols file define?",
                  "The symbols file of the {n} layout holds how many xkb_symbols sections?"],
                 lambda r: [str(r["sections"])]),
    "default": (["What is the default section of the {n} symbols file called?",
                 "Which xkb_symbols section is the default one for the {n} layout?"], lambda r: [r["default"]]),
    "keys": (["How many keys does the default section of the {n} symbols file define of its own?",
              "In the {n} layout's default section, how many key statements are there?"], lambda r: [str(r["keys"])]),
    "all_keys": (["Over all its sections, how many keys does the {n} symbols file define?",
                  "How many key definitions does the {n} symbols file hold in total?"], lambda r: [str(r["all_keys"])]),
    "include": (["What does the default section of the {n} symbols file include first?",
                 "Which include statement comes first in the default section of the {n} layout?"],
                lambda r: [r["includes"][0]]),
    "base": (["The default section of {n} builds on which other keyboard layout?",
              "Which other layout does the {n} layout's default section include?"],
             lambda r: [r["builds_on"][0][1]] + ([r["builds_on"][0][0]] if code_ok(r["builds_on"][0][0]) else [])),
    "variant": (["In the {n} layout, which variant name has the description \"{d}\"?",
                 "Which variant of the {n} layout is described as \"{d}\"? Give its XKB name."],
                lambda r: [variant_of(r)[0]]),
}  # fmt: skip
# the order single-hop kinds are dealt in (rare kinds first)
SINGLE_ORDER = ["base", "exotic", "default", "langs", "countries", "variant", "lines", "keys", "indicator", "language",
                "include", "variants", "country", "sections", "all_keys", "code"]  # fmt: skip

# the fact a question kind asks (single-hop, chain and comparison kinds): one question per page and fact
FIELD_OF = {"more-variants": "variants", "fewer-variants": "variants", "longer-file": "lines", "shorter-file": "lines",
            "more-sections": "sections", "more-keys": "keys", "more-langs": "langs", "exotic-which": "exotic",
            "base-which": "base", "multi-country-which": "countries"}  # fmt: skip


# registry entries that look wrong, never asked: Armenian (am) is listed for the country AL (Albania)
QUIRKS = {("am", "country")}


def single_ok(r: dict, k: str) -> bool:
    if k == "code":
        return code_ok(r["code"]) and free(r["code"], r)
    if k == "indicator":
        return r["indicator"] != r["code"] and code_ok(r["indicator"]) and free(r["indicator"], r)
    if (r["code"], k) in QUIRKS:
        return False
    if k == "country":
        return len(r["countries"]) == 1 and "," not in r["countries"][0][1] and all(free(g, r) for g in country_golds(r)) \
            and free(r["countries"][0][0], r)  # "EurKEY (US)" names its country's code
    if k == "language":
        return len(r["languages"]) == 1 and bool(r["languages"][0][1]) and "," not in r["languages"][0][1] \
            and all(free(g, r) for g in lang_golds(r))
    if k == "langs":
        return len(r["languages"]) >= 2
    if k == "countries":
        return len(r["countries"]) >= 2
    if k == "variants":
        return len(r["variants"]) >= 1
    if k == "exotic":
        return len(r["exotic"]) >= 1
    if k == "default":
        return r["default"] != "basic" and free(r["default"], r) and code_ok(r["default"]) and r["default"] != r["code"]
    if k == "keys":
        return r["keys"] >= 1
    if k == "include":
        return bool(r["includes"]) and r["includes"][0] != "level3(ralt_switch)" and free(r["includes"][0], r)
    if k == "base":
        return len(r["builds_on"]) == 1 and all(free(g, r) for g in SINGLE["base"][1](r))
    if k == "variant":
        return variant_of(r) is not None
    if k in ("lines", "sections", "all_keys"):
        return all(free(g, r) for g in SINGLE[k][1](r))
    return True


def single_question(r: dict, k: str) -> str:
    tpl = SINGLE[k][0][_h(r["label"], k) % len(SINGLE[k][0])]
    return tpl.format(n=r["label"], d=variant_of(r)[1] if k == "variant" else "")


HOP = {"variants": "How many variants does evdev.xml list for that other layout?",
       "lines": "How many lines long is that other layout's symbols file?",
       "sections": "How many xkb_symbols sections does the other layout's symbols file define?",
       "keys": "How many keys does the default section of that other layout define of its own?",
       "all_keys": "How many keys does the other layout's symbols file define over all its sections?",
       "exotic": "How many exotic variants does evdev.extras.xml add to that other layout?",
       "indicator": "Which indicator does that other layout show?",
       "default": "What is the default section of that other layout called?"}  # fmt: skip
CMP = {
    "more-variants": ("Which has more variants in evdev.xml, {a} or {b}?", lambda r: len(r["variants"]), max),
    "fewer-variants": ("Of {a} and {b}, which layout lists fewer variants in evdev.xml?", lambda r: len(r["variants"]), min),
    "longer-file": ("Whose symbols file is longer, that of {a} or that of {b}?", lambda r: r["lines"], max),
    "shorter-file": ("Which of {a} and {b} has the shorter symbols file?", lambda r: r["lines"], min),
    "more-sections": ("Which symbols file has more xkb_symbols sections, the one for {a} or the one for {b}?",
                      lambda r: r["sections"], max),
    "more-keys": ("Which layout's default section defines more keys of its own, {a} or {b}?", lambda r: r["keys"], max),
    "more-langs": ("Which of {a} or {b} is listed with more languages?", lambda r: len(r["languages"]), max),
    "exotic-which": ("Which of {a} and {b} gets exotic variants from evdev.extras.xml?",
                     lambda r: len(r["exotic"]) > 0, max),
    "base-which": ("Which of {a} or {b} builds its default section on another layout's symbols file?",
                   lambda r: bool(r["builds_on"]), max),
    "multi-country-which": ("Which of {a} and {b} is listed for more than one country?",
                            lambda r: len(r["countries"]) > 1, max),
}  # fmt: skip
COND = {
    "novar": (lambda r: not r["variants"], "has no variants in evdev.xml", "has at least one variant in evdev.xml"),
    "manyvar": (lambda r: len(r["variants"]) >= 5, "has five or more variants in evdev.xml",
                "has fewer than five variants in evdev.xml"),
    "exotic": (lambda r: bool(r["exotic"]), "gets exotic variants from evdev.extras.xml",
               "gets no exotic variants from evdev.extras.xml"),
    "multilang": (lambda r: len(r["languages"]) > 1, "lists more than one language", "lists at most one language"),
    "multicountry": (lambda r: len(r["countries"]) > 1, "is tied to more than one country",
                     "is tied to at most one country"),
    "nocountry": (lambda r: not r["countries"], "names no country", "names a country"),
    "latin": (lambda r: any("latin" in include_files(i) for i in r["includes"]),
              "has a default section that includes a latin section",
              "has a default section that includes no latin section"),
    "noinclude": (lambda r: not r["includes"], "has a default section that includes nothing",
                  "has a default section with at least one include"),
    "nokeys": (lambda r: r["keys"] == 0, "has a default section that defines no keys of its own",
               "has a default section that defines keys of its own"),
    "bigfile": (lambda r: r["lines"] >= 300, "has a symbols file of 300 lines or more",
                "has a symbols file of fewer than 300 lines"),
    "notbasic": (lambda r: r["default"] != "basic", "has a default section not called basic",
                 "has a default section called basic"),
    "eng": (lambda r: any(c == "eng" for c, _ in r["languages"]), "lists English among its languages",
            "does not list English among its languages"),
    "fra": (lambda r: any(c == "fra" for c, _ in r["languages"]), "lists French among its languages",
            "does not list French among its languages"),
    "base": (lambda r: bool(r["builds_on"]), "builds its default section on another layout",
             "builds its default section on no other layout"),
    "ralt": (lambda r: "level3(ralt_switch)" in r["includes"], "includes level3(ralt_switch) in its default section",
             "does not include level3(ralt_switch) in its default section"),
}  # fmt: skip


def cond_text(c: str, v: bool) -> str:
    return COND[c][1] if v else COND[c][2]


def base_of(r: dict) -> str | None:
    """The one other catalogued layout a default section builds on (English (US) left out: it is
    built on by 15 layouts, too many to keep in one split)."""
    return r["builds_on"][0][0] if len(r["builds_on"]) == 1 and r["builds_on"][0][0] != "us" else None


def groups_of(recs: list[dict]) -> dict[str, str]:
    """code -> its group: layouts joined by `base_of` (so two-step chains stay in one split)."""
    parent = {r["code"]: r["code"] for r in recs}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for r in recs:
        b = base_of(r)
        if b and b in parent:
            parent[find(r["code"])] = find(b)
    return {c: find(c) for c in parent}


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Whole groups go to one split: groups in sha256 order fill dev up to N_DEV_PAGES, the rest is test.
    Keyed by description."""
    g = groups_of(recs)
    members: dict[str, list[str]] = {}
    for r in recs:
        members.setdefault(g[r["code"]], []).append(r["label"])
    out, n = {}, 0
    for k in sorted(members, key=lambda x: _h(x, "split")):
        s = "dev" if n + len(members[k]) <= N_DEV_PAGES else "test"
        n += len(members[k]) if s == "dev" else 0
        for x in members[k]:
            out[x] = s
    return out


def absent_pattern(label: str) -> str:
    return r"(?<![\w'])" + r"[\s_]+".join(re.escape(w) for w in label.split()) + r"(?![\w.-]*\w)"


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["label"]: r for r in recs}
    code = {r["code"]: r for r in recs}
    did = {r["label"]: doc_id(r) for r in recs}
    sp = split_pages(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    pages_tok = {rel[:-3]: _atok(text) for rel, text in render_all(snap).items()}

    def on_one_page(x: str) -> bool:
        return sum(_contains(t, _atok(x)) for t in pages_tok.values()) == 1

    absent = list(ABSENT)
    rnd.shuffle(absent)
    absent_by = {"dev": absent[: ABSENT_SPLIT["dev"]], "test": absent[ABSENT_SPLIT["dev"]: ABSENT_SPLIT["dev"] + ABSENT_SPLIT["test"]]}
    # a description whose tokens lie inside another catalogued description is never a reverse or filter gold
    inside = {n for n in by for o in by if o != n and _contains(_atok(o), _atok(n))}
    allvar = Counter(v for r in recs for v, _ in r["variants"] + r["exotic"])
    ind_count = Counter(r["indicator"] for r in recs)
    line_count = Counter(r["lines"] for r in recs)
    lang_count = Counter(c for r in recs for c, _ in r["languages"])
    for s in ("dev", "test"):
        want = WANT[s]
        names = sorted((n for n in by if sp[n] == s), key=lambda x: _h(x, "order" + s))
        used: set[tuple[str, str]] = set()  # (page, field)
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

        def unique_variant(r):
            """A variant name of r found in no other catalogued layout and on r's page only."""
            vs = sorted((v for v, _ in r["variants"] + r["exotic"] if allvar[v] == 1 and code_ok(v)
                         and not _contains(_atok(r["label"]), _atok(v)) and on_one_page(v)),
                        key=lambda v: _h(r["code"] + v, "uv"))
            return vs[0] if vs else None

        # multi hop first: a layout, named or told by a variant name of its own -> the other layout
        # its default section builds on -> a field of that one
        hk = list(HOP)
        for n in names:
            if count("multi_hop") >= want["multi_hop"]:
                break
            b = base_of(by[n])
            if not b or b not in code or n in subj:
                continue
            m = code[b]["label"]
            cue = "hop-named" if sum(i["kind"] == "hop-named" for i in items) < HOP_NAMED[s] else "hop-variant"
            uv = unique_variant(by[n]) if cue == "hop-variant" else None
            if cue == "hop-variant" and (not uv or (n, "variant") in used):
                continue
            for kk in list(hk):
                if not single_ok(by[m], kk) or (m, kk) in used:
                    continue
                g_m, g_n = SINGLE[kk][1](by[m]), (SINGLE[kk][1](by[n]) if single_ok(by[n], kk) else [])
                if any(_contains(_atok(a), _atok(b2)) or _contains(_atok(b2), _atok(a)) for a in g_m for b2 in g_n):
                    continue  # the first layout's own value would score
                if any(not free(g, by[n]) for g in g_m):
                    continue
                if cue == "hop-named":
                    q = rnd.choice(["The default section of the {n} layout's symbols file builds on another layout. {f}",
                                    "Take the other keyboard layout that the default section of {n} includes. {f}"])
                    q = q.format(n=n, f=HOP[kk])
                    kw = {}
                else:
                    q = rnd.choice(["One catalogued layout has a variant named {v}; its default section builds on "
                                    "another layout. {f}", "Find the layout with the variant {v}, then the other "
                                    "layout its default section is built on. {f}"]).format(v=uv, f=HOP[kk])
                    kw = {"value": uv}
                    used.add((n, "variant"))
                add(q, g_m, "multi_hop", [did[n], did[m]], kind=cue, field=kk, via=n, target=m, **kw)
                used.update({(m, kk), (n, "base")})
                subj.update({n, m})
                hk.append(hk.pop(hk.index(kk)))
                break
        # single hop: deal kinds in turn over the pages
        ki = 0
        for n in names:
            if count("single_hop") >= want["single_hop"]:
                break
            r = by[n]
            if n in subj and _h(n, "again") % 2:
                continue
            for _ in range(len(SINGLE_ORDER)):
                k = SINGLE_ORDER[ki % len(SINGLE_ORDER)]
                ki += 1
                if single_ok(r, k) and (n, FIELD_OF.get(k, k)) not in used:
                    add(single_question(r, k), SINGLE[k][1](r), "single_hop", [did[n]], k)
                    used.add((n, FIELD_OF.get(k, k)))
                    subj.add(n)
                    break
        # reverse: a variant name, an indicator, a line count or a language -> layout
        rk = ["reverse-variant", "reverse-indicator", "reverse-language", "reverse-lines"]
        for n in names:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            if n in inside:
                continue
            for k in list(rk):
                uv = unique_variant(r)
                # (a language name holding the description, "Norwegian Nynorsk" for Norwegian, gives it away)
                langs = sorted((c for c, nm in r["languages"] if lang_count[c] == 1 and nm and "," not in nm
                                and on_one_page(nm) and free(nm, r) and not _contains(_atok(nm), _atok(r["label"]))),
                               key=lambda c: _h(r["code"] + c, "rl"))
                if k == "reverse-variant" and uv and (n, "variant") not in used:
                    q = rnd.choice(["Which catalogued keyboard layout has a variant named {v}?",
                                    "The variant {v} belongs to which layout?"]).format(v=uv)
                    add(q, label_golds(r), "reverse", [did[n]], k, value=uv)
                    used.add((n, "variant"))
                elif k == "reverse-indicator" and ind_count[r["indicator"]] == 1 and r["indicator"] != r["code"] \
                        and (n, "indicator") not in used and on_one_page(r["indicator"]) and code_ok(r["indicator"]):
                    q = rnd.choice(["Which layout shows the indicator {v}?",
                                    "The short description {v} is the indicator of which keyboard layout?"])
                    add(q.format(v=r["indicator"]), label_golds(r), "reverse", [did[n]], k, value=r["indicator"])
                    used.add((n, "indicator"))
                elif k == "reverse-language" and langs and (n, "langs") not in used:
                    nm = dict(r["languages"])[langs[0]]
                    q = rnd.choice(["Which catalogued layout lists {v} among its languages?",
                                    "{v} is a language of which keyboard layout in this catalogue?"])
                    add(q.format(v=nm), label_golds(r), "reverse", [did[n]], k, value=langs[0])
                    used.add((n, "langs"))
                elif k == "reverse-lines" and line_count[r["lines"]] == 1 and (n, "lines") not in used \
                        and on_one_page(str(r["lines"])) and r["lines"] >= 100:
                    q = rnd.choice(["Which layout's symbols file is exactly {v} lines long?",
                                    "Name the keyboard layout whose symbols file has {v} lines."])
                    add(q.format(v=r["lines"]), label_golds(r), "reverse", [did[n]], k, value=r["lines"])
                    used.add((n, "lines"))
                else:
                    continue
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
            if fa == fb or (a, FIELD_OF[k]) in used or (b, FIELD_OF[k]) in used:
                continue
            if _contains(_atok(a), _atok(b)) or _contains(_atok(b), _atok(a)):
                continue
            win = a if pick(fa, fb) == fa else b
            add(tpl.format(a=a, b=b), [win], "comparison", [did[a], did[b]], k, options=[a, b], target=win)
            used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
        # filters: among all catalogued layouts (two conditions) and among four listed layouts
        n_among = 3 if s == "dev" else 5
        pairs = [(c1, v1, c2, v2) for c1 in COND for c2 in COND if c1 < c2 for v1 in (True, False) for v2 in (True, False)]
        rnd.shuffle(pairs)
        for c1, v1, c2, v2 in pairs:
            if sum(i["kind"] == "filter" for i in items) >= want["filter"] - n_among:
                break
            m1 = [r for r in recs if COND[c1][0](r) == v1]
            m2 = [r for r in recs if COND[c2][0](r) == v2]
            both = [r for r in m1 if r in m2]
            if len(m1) < 2 or len(m2) < 2 or len(both) != 1 or sp[both[0]["label"]] != s:
                continue
            w = both[0]["label"]
            if w in inside or (w, "filter-" + c1) in used or (w, "filter-" + c2) in used:
                continue
            q = rnd.choice(["Which keyboard layout in this catalogue {a} and {b}?",
                            "Name the one catalogued layout that {a} and {b}."])
            add(q.format(a=cond_text(c1, v1), b=cond_text(c2, v2)), label_golds(both[0]), "filter", [did[w]],
                "filter", where={c1: v1, c2: v2}, candidates=[w])
            used.update({(w, "filter-" + c1), (w, "filter-" + c2)})
        tries = 0
        while count("filter") < want["filter"] and tries < 5000:
            tries += 1
            c = list(COND)[tries % len(COND)]
            v = bool(tries % 2)
            cands = rnd.sample(names, 4)
            hits = [x for x in cands if COND[c][0](by[x]) == v]
            if len(hits) != 1 or hits[0] in inside or any((x, "filter-" + c) in used for x in cands):
                continue
            if cands[-1] == hits[0]:  # the gold is never listed last ("A, B, C and <gold>" copies the question's run)
                cands[0], cands[-1] = cands[-1], cands[0]
            if any(_contains(_atok(x), _atok(y)) for x in cands for y in cands if x != y):
                continue
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these layouts {c}: {l}?",
                            "Among {l}, which keyboard layout {c}?"])
            add(q.format(l=", ".join(cands), c=cond_text(c, v)), [hits[0]], "filter", [did[hits[0]]], "filter-among",
                options=cands, where={c: v}, candidates=cands)
            used.update((x, "filter-" + c) for x in cands)
        # unanswerables
        for i, m in enumerate(absent_by[s]):
            q = ABSENT_QUESTIONS[(i + 2 * (s == "test")) % len(ABSENT_QUESTIONS)]
            add(q.format(n=m), [], "unanswerable", [], "absent-module", module=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(names)
        rnd.shuffle(pages)
        i = 0
        while count("unanswerable") < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            add(ABSENT_FIELDS[f][0].format(n=n), [], "unanswerable", [], "absent-field", field=f, module=n)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c17-{s}-{j:03d}", **it}
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
        return absent_pattern(r["module"]), f"The {r['module']} layout has 4 variants."
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
    did = {r["label"]: doc_id(r) for r in recs}
    name_of = {v: k for k, v in did.items()}
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
    codes = {c for c, *_ in snap["index"]}
    bad = [f"{r['code']}: not CHOSEN" for r in recs if r["code"] not in CHOSEN]
    bad += [f"{c}: CHOSEN but no record" for c in CHOSEN if c not in {r['code'] for r in recs}]
    bad += [f"{c}: CHOSEN twice" for c, n in Counter(CHOSEN).items() if n > 1]
    bad += [f"{r['code']}: not in the index" for r in recs if r["code"] not in codes]
    bad += [f"{r['code']}: record differs from its raw entries parsed again" for r in recs
            if r != make_record(r["code"], snap["raw"][r["code"]], snap["languages"], snap["countries"], snap["labels"])]
    bad += [f"{r['label']}: id clash" for r in recs if sum(did[x] == did[r["label"]] for x in did) > 1]
    bad += [f"{r['label']}: label clash" for r in recs if sum(x["label"] == r["label"] for x in recs) > 1]
    bad += [f"{r['code']}: index entry differs" for r in recs
            if [r["code"], r["label"], r["indicator"], len(r["variants"]), len(r["exotic"]), True] not in snap["index"]]
    bad += [f"{r['code']}: odd field" for r in recs
            if r["lines"] <= 0 or r["sections"] < 1 or any(not nm for _, nm in r["countries"])
            or len(r["builds_on"]) > 1]
    reparsed = 0
    for c, raw in snap["raw"].items():
        p = SYMBOLS / c
        if p.is_file() and hashlib.sha256(p.read_bytes()).hexdigest() == raw["symbols"]["sha256"]:
            reparsed += 1
            if read_symbols(c) != raw["symbols"]:
                bad.append(f"{c}: symbols file parsed again differs")
    results.append((f"records are the CHOSEN layouts ({len(recs)} of {len(codes)} in the registry), equal to their "
                    f"raw entries parsed again (symbols files parsed again where unchanged: {reparsed}), "
                    "ids and descriptions unique", bad))
    # 2. the corpus
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
    results.append((f"corpus scans with no problems and loads {len(docs)} documents titled by their description, "
                    "with their front matter", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    bad = []
    for n, r in by.items():
        t = low[did[n]]
        vals = [n, r["code"], r["indicator"], r["file"], r["default"], str(r["lines"]), str(r["sections"]),
                str(r["keys"]), str(r["all_keys"]), str(len(r["variants"])), str(len(r["exotic"])),
                str(len(r["languages"])), str(len(r["countries"]))]
        vals += [x for pair in r["languages"] + r["countries"] + r["variants"] + r["exotic"] + r["builds_on"]
                 for x in pair if x]
        vals += r["includes"] + ([r["group"]] if r["group"] else [])
        bad += [f"{n}: {v!r} not in the body" for v in vals if v.lower() not in t]
        for g in [g for k in SINGLE if single_ok(r, k) for g in SINGLE[k][1](r)]:
            if not contains_tokens(ftoks[did[n]], answer_tokens(g)):
                bad.append(f"{n}: gold form {g!r} not in the page tokens")
    results.append(("every field of the record is stated in its page body (every gold form as tokens)", bad))
    lay = Counter(layout(r) for r in recs)
    results.append((f"three layouts {dict(lay)}", [] if len(lay) == 3 and min(lay.values()) >= len(recs) // 3 else ["uneven"]))
    # 3. the QA files
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
    for s in items:
        for it in items[s]:
            if not re.fullmatch(rf"c17-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or it.meta.get("kind") == "filter-among"):
                idb.append(f"{it.id}: options")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("4", "It has 12 variants.", "basic", "latin(type4)", "English (US)",
                                unanswerable_pattern(rows[s][[r["id"] for r in rows[s]].index(it.id)])[1]):
                    if is_correct(it, made_up, False):
                        abst.append(f"{it.id}: {made_up!r} scores correct")
                continue
            if is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores correct on an answerable item")
            g0 = it.answers[0]
            if not any(g0.lower() in low[e] for e in it.evidence):
                gold_in.append(f"{it.id}: {g0!r} not in the evidence text")
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
            if g0.isdigit() and is_correct(it, str(int(g0) + 1), False):
                gold_ok.append(f"{it.id}: near miss scores correct")
            k, f = it.meta.get("kind"), it.meta.get("field", it.meta.get("kind"))
            r = by[name_of[it.evidence[-1]]]
            if f == "include":
                gold_ok += [f"{it.id}: the later include {x!r} scores correct" for x in r["includes"][1:]
                            if x != g0 and is_correct(it, x, False)]
            if f == "variant":
                gold_ok += [f"{it.id}: another variant {v!r} scores correct" for v, _ in r["variants"] + r["exotic"]
                            if v != g0 and is_correct(it, v, False)]
            if f in ("code", "indicator"):
                other = r["indicator" if f == "code" else "code"]
                if other != g0 and is_correct(it, other, False):
                    gold_ok.append(f"{it.id}: the {('indicator', 'code')[f == 'indicator']} scores correct")
            if f in ("lines", "keys", "all_keys", "sections", "variants", "exotic"):
                others = {str(r[x]) for x in ("lines", "keys", "all_keys", "sections")} | \
                    {str(len(r["variants"])), str(len(r["exotic"]))}
                gold_ok += [f"{it.id}: the page's other count {x} scores correct" for x in others - set(it.answers)
                            if is_correct(it, x, False)]
            if k.startswith("hop-"):
                via = by[it.meta["via"]]
                if f in SINGLE and single_ok(via, f):
                    gold_ok += [f"{it.id}: the first layout's {g!r} scores correct" for g in SINGLE[f][1](via)
                                if is_correct(it, g, False)]
                if is_correct(it, via["label"], False):
                    gold_ok.append(f"{it.id}: the first layout's description scores correct")
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
                         if o != r["label"] and code_ok(by[o]["code"]) and is_correct(it, by[o]["code"], False)]
    results += [("ids c17-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables), options where due", idb),
                ("every gold occurs in an evidence page (as text, case-insensitive, and as accuracy tokens)", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question (numbers aside); no bare "
                 "yes/no/none gold; number + 1, the page's "
                 "other counts, other includes / variants, the code for the indicator (and back) and the first "
                 "layout's value (chains) score wrong", gold_ok),
                ("wrong options, hedges and other layouts' descriptions and codes score wrong; filter-among gold "
                 "never last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 4. facts against the snapshot
    facts = []
    code = {r["code"]: r for r in recs}
    allvar = Counter(v for r in recs for v, _ in r["variants"] + r["exotic"])
    for s in rows:
        for q in rows[s]:
            k = q["kind"]
            if q["type"] == "single_hop" or k.startswith("hop-"):
                f = q.get("field", k)
                n = name_of[q["evidence"][-1]]
                if not single_ok(by[n], f) or q["answers"] != SINGLE[f][1](by[n]):
                    facts.append(f"{q['id']}: gold differs from the snapshot")
                if f == "variant" and f"\"{variant_of(by[n])[1]}\"" not in q["question"]:
                    facts.append(f"{q['id']}: the variant's description is not quoted")
                if k.startswith("hop-") and (base_of(by[q["via"]]) != by[n]["code"] or q["target"] != n
                                             or q["evidence"] != [did[q["via"]], did[n]]):
                    facts.append(f"{q['id']}: the target is not the layout the first one builds on")
                if k == "hop-variant" and (q["value"] not in [v for v, _ in by[q["via"]]["variants"] + by[q["via"]]["exotic"]]
                                           or allvar[q["value"]] != 1
                                           or sum(contains_tokens(t, answer_tokens(q["value"])) for t in ftoks.values()) != 1
                                           or q["via"] in q["question"]):
                    facts.append(f"{q['id']}: variant name not unique to its page")
                if k == "hop-named" and q["via"] not in q["question"]:
                    facts.append(f"{q['id']}: the first layout is not named")
            elif q["type"] == "reverse":
                n = name_of[q["evidence"][0]]
                want = {"reverse-variant": lambda r: q["value"] if q["value"] in [v for v, _ in r["variants"] + r["exotic"]] else None,
                        "reverse-indicator": lambda r: r["indicator"],
                        "reverse-language": lambda r: q["value"] if q["value"] in [c for c, _ in r["languages"]] else None,
                        "reverse-lines": lambda r: r["lines"]}[k]
                hit = [x for x in by if want(by[x]) == q["value"]]
                if hit != [n] or q["answers"] != label_golds(by[n]):
                    facts.append(f"{q['id']}: the description does not single out its layout")
                cue = dict(by[n]["languages"])[q["value"]] if k == "reverse-language" else str(q["value"])
                if cue not in q["question"] or sum(contains_tokens(t, answer_tokens(cue)) for t in ftoks.values()) != 1:
                    facts.append(f"{q['id']}: the cue is not in the question or on more than one page")
            elif q["type"] == "comparison":
                tpl, f, pick = CMP[k]
                a, b = q["options"]
                if f(by[a]) == f(by[b]) or q["answers"] != [a if pick(f(by[a]), f(by[b])) == f(by[a]) else b]:
                    facts.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                hit = [x for x in by if all(COND[c][0](by[x]) == v for c, v in q["where"].items())]
                each = [sum(COND[c][0](x) == v for x in recs) for c, v in q["where"].items()]
                if hit != q["candidates"] or q["answers"] != label_golds(by[hit[0]]) or min(each) < 2:
                    facts.append(f"{q['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = q["where"].items()
                if [x for x in q["candidates"] if COND[c][0](by[x]) == v] != q["answers"]:
                    facts.append(f"{q['id']}: filter-among")
    results.append(("facts agree with snapshot.json (values, chains, unique variant names / indicators / languages / "
                    "line counts, winners, filters)", facts))
    # 5. split separation, unanswerables
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
    sep += [f"{r['label']} / {code[base_of(r)]['label']}: a chain across the splits" for r in recs
            if base_of(r) in code and sp[r["label"]] != sp[code[base_of(r)]["label"]]]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    ab = {s: {q.get("module") for q in rows[s] if q["kind"] == "absent-module"} for s in rows}
    sep += sorted(ab["dev"] & ab["test"])
    n_dev = sum(v == "dev" for v in sp.values())
    sep += [] if n_dev == N_DEV_PAGES else [f"{n_dev} dev pages, not {N_DEV_PAGES}"]
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by build-on groups: no page asked about in both splits, "
                    "no chain across them, no absent layout in both, no question repeated", sep))
    labels = {lb for _, lb, *_ in snap["index"]}
    un = []
    for m in ABSENT:
        if m not in labels or m in by or any(_contains(_atok(m), _atok(o)) for o in by):
            un.append(f"ABSENT {m}: not on this machine, catalogued, or holds a catalogued description")
        if any(contains_tokens(t, answer_tokens(m)) for t in ftoks.values()):
            un.append(f"ABSENT {m}: its tokens are on a page")
    for s in rows:
        for q in rows[s]:
            if q["type"] != "unanswerable":
                continue
            if q["kind"] == "absent-module" and (q["module"] not in ABSENT or q["module"] not in q["question"]):
                un.append(f"{q['id']}: absent module")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or q["module"] not in by
                                                or q["module"] not in q["question"]):
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
    results.append(("unanswerables: each pattern matches its made-up answer and no page (absent layouts: "
                    "on this machine, not catalogued, on no page)", un))
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
