"""Build the catalog26 evaluation corpus: world currencies (ISO 4217) and the glibc locales that use them.

    PYTHONPATH=src python scripts/build_catalog26.py snapshot [--force]  # iso-codes + locale sources -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog26.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog26.py check               # loader + scorer + fact checks, no model

`snapshot` reads this machine's ISO 4217 table from iso-codes (`/usr/share/iso-codes/json/iso_4217.json`:
alpha_3, numeric, name; all entries) and, from every glibc locale source in `/usr/share/i18n/locales` that
has an LC_MONETARY section, that section's keywords with their values as written (`currency_symbol
"<U20BE>"`, `mon_grouping 3;3`, or a `copy "de_DE"` line) and LC_IDENTIFICATION's `title`, `language` and
`territory` as written, with the file's comment and escape characters and its sha256. It also stores the
Unicode names of the characters the locales use as decimal marks and thousands separators (so that pages
can be rendered without this machine's `unicodedata`), the package versions (for information), and the
records computed from those stored values only (`make_record`, `register_rows`): one per ISO currency read
(READ) and not left out (ABSENT), and one register row per locale whose currency has a record. Written to
`evalsets/catalog26/snapshot.json` (committed; `snapshot` refuses to overwrite it without --force): another
machine may carry other iso-codes or other glibc locale data, so the committed snapshot is the source.

`build` renders one markdown page per currency, `<code in lower case>.md` (`gel.md`), titled
`# <ISO name> (<code>)`, with YAML front matter and a body in one of three layouts dealt in turn in the order
of sha256("catalog26:layout<id>") within each split: `sheet` (a `| Field | Value |` table), `card` (headed
sections of `- Label: value` bullets) or `prose` (paragraphs, wording varied per page); and one CSV file,
`locales.csv`, one row per locale of a catalogued currency (id, LC_IDENTIFICATION title, language, territory,
the currency's code and name). Then it generates dev.jsonl and test.jsonl from the snapshot (seeded, SEED)
and writes test.jsonl.sha256. It refuses to overwrite corpus/ or the question files without --force.

`check` renders the snapshot and the questions again and compares them with the committed files, computes
every record again from the stored values, loads the corpus with ragtune's loader, reads both splits with
`load_qa`, and checks every item (evidence, gold in evidence text and tokens, scoring verdicts, facts against
the snapshot, split separation, unanswerables absent by pattern, the sha256, the type mix). It compares
nothing with this machine unless a source file has the recorded sha256 (then that file is parsed again and
must give the stored values), so a fresh clone elsewhere checks the committed snapshot alone.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog26"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
REGISTER = "locales.csv"
SEED = 26

ISO_PATH = "/usr/share/iso-codes/json/iso_4217.json"
LOCALES_DIR = "/usr/share/i18n/locales"
PACKAGES = ("iso-codes", "locales")

# The currencies read: the 116 ISO 4217 currencies that some glibc locale uses (XDR, used by the
# territory-less eo, syr and i18n, is not among them) less 18 used by one locale each, no symbol shared
# with another currency and not left out, taken in the order of sha256("catalog26:read<code>") to keep
# the catalogue near 90 pages (NOT_READ). Every currency read has locale data, so no page is a filler.
READ = [
    "AED", "ALL", "AMD", "ANG", "ARS", "AUD", "AWG", "AZN", "BAM", "BDT", "BHD", "BOB", "BRL", "BTN", "BWP",
    "CAD", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CZK", "DJF", "DKK", "DZD", "EGP", "ERN", "ETB", "EUR",
    "FJD", "GBP", "GEL", "GHS", "HKD", "HNL", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JOD", "JPY",
    "KES", "KRW", "KWD", "KZT", "LAK", "LBP", "LKR", "LYD", "MAD", "MGA", "MKD", "MMK", "MNT", "MVR", "MXN",
    "MYR", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "QAR", "RSD",
    "RUB", "SDG", "SEK", "SGD", "SSP", "SYP", "THB", "TJS", "TND", "TRY", "TWD", "TZS", "UAH", "USD", "UYU",
    "UZS", "VND", "VUV", "XCD", "XOF", "YER", "ZAR", "ZMW",
]  # fmt: skip
NOT_READ = ["AFN", "BGN", "CDF", "DOP", "GTQ", "HTG", "KGS", "KHR", "MUR", "PYG", "RON", "RWF", "SAR", "SCR",
            "SOS", "TOP", "UGX", "WST"]  # fmt: skip
# Read but left out: no page, no register row for their locales, and neither the code, the ISO name, the
# numeric code, the symbol nor a locale of theirs is on any page (`check` verifies it).
ABSENT = {"dev": ["KRW", "THB", "HUF"], "test": ["BRL", "ILS", "VND"]}

ABSENT_QUESTIONS = {
    "KRW": ["What is the ISO 4217 numeric code of the Won (KRW)?", "How many glibc locales use KRW?"],
    "THB": ["How many fraction digits do the glibc locales give the Baht (THB)?"],
    "HUF": ["Which character do the locales use as the decimal mark for Forint (HUF) amounts?"],
    "BRL": ["What is the ISO 4217 numeric code of the Brazilian Real (BRL)?",
            "Where do the glibc locales put the BRL symbol relative to the amount?"],
    "ILS": ["How many glibc locales use the New Israeli Sheqel (ILS)?",
            "Which thousands separator do the locales use for ILS amounts?"],
    "VND": ["How many fraction digits do the glibc locales give the Dong (VND)?",
            "Which currency has the ISO 4217 numeric code 704?"],
}  # fmt: skip

# What these pages never state about a currency: (question, a pattern no page may match, a made-up answer
# that the pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "rate": ("What is the exchange rate of {n} against the US dollar?",
             r"\bexchange\b|\brates?\b|\bper (?:one )?US dollar\b", "About 2.7 to the US dollar at the exchange rate."),
    "bank": ("Which central bank issues {n}?", r"\bbanks?\b|\breserve\b|\bmonetary authority\b",
             "The National Bank issues it."),
    "year": ("In which year was {n} introduced?",
             r"(?<![\w+])(?:1[5-9]\d\d|20[0-3]\d)\b|\bintroduc\w*|\badopted\b|\bsince\b", "It was introduced in 1995."),
    "subunit": ("What is the minor unit of {n} called?",
                r"\b(?:cents?|centimes?|kopecks?|kopeks?|paisa|paise|fils|pence|penny|centavos?|c[eé]ntimos?|kobo|"
                r"satang|tetri|tiyin|halalas?|piastres?|qirsh|stotinki|groszy|øre|aurar|lipa|thebe|toea|laari|"
                r"chhertum|pya|ngwee|santims|luma|subunits?)\b", "It is divided into 100 cents."),
    "notes": ("What is the largest banknote denomination of {n}?", r"\bbank ?notes?\b|\bdenominations?\b|\bnotes?\b",
              "The largest banknote is 200."),
    "coins": ("Which coins of {n} are in circulation?", r"\bcoins?\b", "Coins of 1, 2 and 5."),
    "peg": ("Is {n} pegged to another currency, and at what rate?", r"\bpegged\b|\bpeg\b|\banchor\w*",
            "It is pegged to the US dollar."),
    "inflation": ("What was the annual inflation rate of {n} last year?", r"\binflation\b|%", "Inflation was 4.2%."),
    "predecessor": ("Which earlier currency did {n} replace?",
                    r"\breplac\w*|\bpredecessor\b|\bsucceed\w*|\bformerly\b|\bprevious currency\b",
                    "It replaced the coupon."),
    "html": ("What is the HTML entity for the symbol of {n}?", r"&[a-z]+;|&#\d+;|\bHTML\b|\bentity\b", "&euro;"),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 2, "test": 3}  # the most single-hop questions of one kind
CAP_REVERSE = {"dev": 2, "test": 2}
CAP_CMP = {"dev": 1, "test": 2}
CAP_HOP = {"dev": 2, "test": 2}
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 5, "filter-among": 4}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-currency items; the rest ask absent fields
DEV_PAGES = 35  # dev takes link groups until it holds this many pages or more
LAYOUTS = ("sheet", "card", "prose")

# ------------------------------------------------------------------ reading the sources

MONETARY_KEYS = ("int_curr_symbol", "currency_symbol", "mon_decimal_point", "mon_thousands_sep", "mon_grouping",
                 "frac_digits", "int_frac_digits", "p_cs_precedes", "p_sep_by_space")  # fmt: skip
IDENT_KEYS = ("title", "language", "territory")


def _directives(text: str) -> tuple[str, str]:
    cc, ec = "#", "\\"
    for line in text.split("\n"):
        m = re.match(r"^\s*comment_char\s+(\S)\s*$", line)
        if m:
            cc = m.group(1)
        m = re.match(r"^\s*escape_char\s+(\S)\s*$", line)
        if m:
            ec = m.group(1)
        if line.startswith("LC_"):
            break
    return cc, ec


def _value(rest: str, cc: str, ec: str) -> str:
    """A keyword's value as written: quoted strings (with their escapes, joined by `;`) or a bare value,
    without a trailing comment."""
    rest = rest.strip()
    if not rest.startswith('"'):
        return rest.split(cc)[0].strip()
    out, i = [], 0
    while i < len(rest):
        c = rest[i]
        if c == '"':
            j = i + 1
            while j < len(rest) and rest[j] != '"':
                j += 2 if rest[j] == ec else 1
            out.append(rest[i : j + 1])
            i = j + 1
        elif c == ";":
            out.append(";")
            i += 1
        elif c.isspace():
            i += 1
        else:
            break  # a trailing comment
    return "".join(out)


def parse_locale(text: str) -> dict:
    """comment_char, escape_char, and for LC_MONETARY and LC_IDENTIFICATION the keywords read (values as
    written); a `copy` line is kept as {"copy": '"de_DE"'}."""
    cc, ec = _directives(text)
    lines, buf = [], ""
    for line in text.split("\n"):
        if not buf and line.lstrip().startswith(cc):
            continue
        if line.endswith(ec) and not line.endswith(ec + ec):
            buf += line[:-1]
            continue
        lines.append(buf + line)
        buf = ""
    secs: dict[str, dict] = {}
    cur = None
    for line in lines:
        s = line.strip()
        if not s or s.startswith(cc):
            continue
        if cur is None and s in ("LC_MONETARY", "LC_IDENTIFICATION"):
            cur, secs[s] = s, {}
            continue
        if cur is not None and s == f"END {cur}":
            cur = None
            continue
        if cur is None:
            continue
        m = re.match(r"^(\S+)\s*(.*)$", s)
        key = m.group(1)
        want = MONETARY_KEYS if cur == "LC_MONETARY" else IDENT_KEYS
        if key == "copy" or key in want:
            secs[cur][key] = _value(m.group(2), cc, ec)
    return {"comment_char": cc, "escape_char": ec, "monetary": secs.get("LC_MONETARY"),
            "identification": secs.get("LC_IDENTIFICATION")}  # fmt: skip


def decode(raw: str, ec: str) -> str:
    """A quoted value as text: `<Uxxxx>` names as characters, the escape character dropped before the one
    it escapes ("S//" is "S/")."""
    assert len(raw) >= 2 and raw.startswith('"') and raw.endswith('"'), raw
    s, out, i = raw[1:-1], [], 0
    while i < len(s):
        c = s[i]
        if c == ec and i + 1 < len(s):
            out.append(s[i + 1])
            i += 2
        elif c == "<":
            j = s.index(">", i)
            m = re.fullmatch(r"U([0-9A-Fa-f]{4,8})", s[i + 1 : j])
            if not m:
                raise ValueError(f"symbolic name {s[i:j + 1]} in {raw}")
            out.append(chr(int(m.group(1), 16)))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def read_sources() -> tuple[dict, dict, dict]:
    """(ISO 4217 entries by code, locale sources by name, source file info)."""
    data = Path(ISO_PATH).read_bytes()
    iso = {e["alpha_3"]: {"numeric": e["numeric"], "name": e["name"]} for e in json.loads(data)["4217"]}
    info = {"iso_4217": {"path": ISO_PATH, "sha256": hashlib.sha256(data).hexdigest(), "entries": len(iso),
                         "package": "iso-codes"}}  # fmt: skip
    locales = {}
    for p in sorted(Path(LOCALES_DIR).iterdir()):
        if not p.is_file():
            continue
        raw = p.read_bytes()
        parsed = parse_locale(raw.decode("utf-8"))
        if parsed["monetary"] is None:
            continue
        locales[p.name] = {"sha256": hashlib.sha256(raw).hexdigest(), **parsed}
    info["locales"] = {"path": LOCALES_DIR, "files_with_lc_monetary": len(locales), "package": "locales"}
    return iso, locales, info


def package_versions() -> dict:
    import subprocess

    out = {}
    for p in PACKAGES:
        try:
            out[p] = subprocess.run(["dpkg-query", "-W", "-f=${Version}", p], capture_output=True, text=True,
                                    check=True).stdout.strip()  # fmt: skip
        except Exception:  # noqa: BLE001
            out[p] = None
    return out


def char_names(locales: dict) -> dict:
    """Unicode names of the characters used as decimal marks and thousands separators."""
    import unicodedata

    chars = set()
    for name in locales:
        f = locale_facts(name, {"locales": locales})
        chars |= set(f["decimal"]) | set(f["thousands"])
    return {f"U+{ord(c):04X}": unicodedata.name(c) for c in sorted(chars)}


def scan() -> dict:
    import platform

    iso, locales, info = read_sources()
    pk = package_versions()
    for k in info:
        info[k]["package_version"] = pk[info[k]["package"]]
    snap = {"source": "ISO 4217 as listed by iso-codes (iso_4217.json); LC_MONETARY and LC_IDENTIFICATION of the "
                      "glibc locale sources (/usr/share/i18n/locales, Debian package locales)",
            "python": platform.python_version(), "files": info, "read": len(READ),
            "char_names": char_names(locales), "iso4217": iso, "locales": locales}  # fmt: skip
    snap["records"] = [r for r in all_records(snap) if r["code"] not in absent_codes()]
    snap["register"] = register_rows(snap)
    return snap


# ------------------------------------------------------------------ records


def absent_codes() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def catalogued_codes() -> list[str]:
    return [c for c in READ if c not in absent_codes()]


def locale_facts(name: str, snap: dict, seen: tuple = ()) -> dict:
    """One locale's monetary conventions (copy lines followed) and identification, decoded."""
    if name in seen:
        raise ValueError(f"copy loop at {name}")
    src = snap["locales"][name]
    mon, ec = src["monetary"], src["escape_char"]
    if "copy" in mon:
        f = dict(locale_facts(decode(mon["copy"], ec), snap, seen + (name,)))
        f["copy"] = decode(mon["copy"], ec)
    else:
        f = {"code": decode(mon["int_curr_symbol"], ec).strip(), "int_curr_symbol": decode(mon["int_curr_symbol"], ec),
             "symbol": decode(mon["currency_symbol"], ec), "decimal": decode(mon["mon_decimal_point"], ec),
             "thousands": decode(mon["mon_thousands_sep"], ec), "grouping": mon["mon_grouping"],
             "digits": int(mon["frac_digits"]), "int_digits": int(mon["int_frac_digits"]),
             "precedes": int(mon["p_cs_precedes"]), "space": int(mon["p_sep_by_space"]), "copy": None}  # fmt: skip
    ident = src["identification"] or {}
    iec = src["escape_char"]
    if "copy" in ident:
        other = locale_facts(decode(ident["copy"], iec), snap, seen + (name,))
        f.update({k: other[k] for k in IDENT_KEYS})
    else:
        f.update({k: decode(ident[k], iec) if k in ident else None for k in IDENT_KEYS})
    return f


def all_facts(snap: dict) -> dict[str, dict]:
    return {n: locale_facts(n, snap) for n in snap["locales"]}


def _groups(facts: dict, locs: list[str], key: str) -> list[list]:
    """[[value, [locales]], ...], the largest group first (ties by value)."""
    by: dict = {}
    for n in locs:
        by.setdefault(facts[n][key], []).append(n)
    return [[v, ls] for v, ls in sorted(by.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))]


def make_record(code: str, snap: dict, facts: dict | None = None) -> dict:
    """The record of one currency, from the stored ISO entry and locale sections only."""
    facts = facts or all_facts(snap)
    e = snap["iso4217"][code]
    locs = sorted(n for n, f in facts.items() if f["code"] == code)
    cat = set(catalogued_codes())
    rec = {"id": code.lower(), "code": code, "name": e["name"], "numeric": e["numeric"], "locales": locs,
           "copies": [[n, facts[n]["copy"]] for n in locs if facts[n]["copy"]],
           "territories": len({facts[n]["territory"] for n in locs if facts[n]["territory"]}),
           "languages": len({facts[n]["language"] for n in locs if facts[n]["language"]})}  # fmt: skip
    for key in ("symbol", "precedes", "space", "digits", "decimal", "thousands", "grouping"):
        rec[key] = _groups(facts, locs, key)
    rec["int_same"] = all(facts[n]["int_digits"] == facts[n]["digits"] for n in locs)
    rec["int_written"] = sorted({facts[n]["int_curr_symbol"] for n in locs})
    mine = {s for s, _ in rec["symbol"]}
    rec["shares"] = sorted([o, s] for o in cat if o != code
                           for s in sorted({facts[n]["symbol"] for n in facts if facts[n]["code"] == o} & mine))
    return rec


def all_records(snap: dict) -> list[dict]:
    facts = all_facts(snap)
    return [make_record(c, snap, facts) for c in READ]


def register_rows(snap: dict) -> list[dict]:
    """One row per locale whose currency has a record, by locale name."""
    facts = all_facts(snap)
    by = {r["code"]: r for r in snap["records"]}
    def clean(x):
        return " ".join(x.split())

    return [{"id": n, "title": clean(f["title"]), "language": clean(f["language"]), "territory": clean(f["territory"]),
             "currency": f["code"], "currency_name": by[f["code"]]["name"]}
            for n, f in sorted(facts.items()) if f["code"] in by]  # fmt: skip


def uniform(r: dict, key: str):
    return r[key][0][0] if len(r[key]) == 1 else None


def links(r: dict) -> list[str]:
    """The catalogued currencies a page names (those written with one of its symbols)."""
    return sorted({o for o, _ in r["shares"]})


# ------------------------------------------------------------------ pages


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog26:{salt}{key}".encode()).hexdigest(), 16)


def link_groups(recs: list[dict]) -> list[list[str]]:
    """The catalogued currencies joined by a shared symbol (by code)."""
    by = {r["code"]: r for r in recs}
    parent = {c: c for c in by}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in recs:
        for x in links(r):
            parent[find(x)] = find(r["code"])
    out: dict[str, list[str]] = {}
    for c in by:
        out.setdefault(find(c), []).append(c)
    return [sorted(g) for g in out.values()]


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Keyed by code: link groups in the order of sha256("catalog26:<the group's first code>"); dev takes
    groups until it holds DEV_PAGES pages or more."""
    out, n = {}, 0
    for g in sorted(link_groups(recs), key=lambda g: _h(g[0])):
        part = "dev" if n < DEV_PAGES else "test"
        n += len(g) if part == "dev" else 0
        out.update({c: part for c in g})
    return out


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    sp = split_pages(recs)
    for part in ("dev", "test"):
        ids = [r["id"] for r in recs if sp[r["code"]] == part]
        for i, d in enumerate(sorted(ids, key=lambda x: _h(x, "layout"))):
            _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[r["id"]]


def and_list(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def cell(s: str) -> str:
    return s.replace("|", "\\|")


def cps(s: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in s)


def has_letters(s: str) -> bool:
    return any(c.isalpha() for c in s)


def sign_char(s: str) -> bool:
    """A symbol that is one character and no letter (₾, €, ₹): asked for by its code point."""
    return len(s) == 1 and not s.isalpha()


def sym_text(s: str) -> str:
    return f"{s} ({cps(s)})"


def locale_word(n: int) -> str:
    return "locale" if n == 1 else "locales"


def char_text(c: str, snap: dict) -> str:
    """A decimal mark or thousands separator: the character and its Unicode name."""
    if c == "":
        return "an empty string (no separator)"
    name = snap["char_names"][f"U+{ord(c):04X}"].lower()
    extra = {"full stop": "full stop or period", "right single quotation mark":
             "right single quotation mark, used as an apostrophe"}.get(name, name)  # fmt: skip
    shown = f'"{c}"' if not c.isspace() else "a blank"
    return f"{shown} ({extra}, U+{ord(c):04X})"


def char_golds(c: str, snap: dict) -> list[str]:
    name = snap["char_names"][f"U+{ord(c):04X}"].lower()
    return {"full stop": ["full stop", "period"], "right single quotation mark":
            ["right single quotation mark", "apostrophe"]}.get(name, [name])  # fmt: skip


def desc(key: str, v, snap: dict) -> str:
    if key == "symbol":
        return sym_text(v)
    if key == "precedes":
        return "before the amount" if v == 1 else "after the amount"
    if key == "space":
        return {0: "no space (p_sep_by_space 0)", 1: "a space between symbol and amount (p_sep_by_space 1)",
                2: "a space between symbol and sign (p_sep_by_space 2)"}[v]  # fmt: skip
    if key in ("digits",):
        return str(v)
    if key in ("decimal", "thousands"):
        return char_text(v, snap)
    if key == "grouping":
        return f"mon_grouping {v}"
    raise KeyError(key)


def groups_text(r: dict, key: str, snap: dict) -> str:
    """One value: "X in all 5 locales" / "X in its one locale"; several: each value with its count, and the
    locales of every group but a single largest one."""
    gs = r[key]
    if len(gs) == 1:
        n = len(gs[0][1])
        return f"{desc(key, gs[0][0], snap)} in " + {1: "its one locale", 2: "both locales"}.get(n, f"all {n} locales")
    sizes = [len(ls) for _, ls in gs]
    top_unique = sizes[0] > sizes[1]
    parts = []
    for i, (v, ls) in enumerate(gs):
        t = f"{desc(key, v, snap)} in {len(ls)} {locale_word(len(ls))}"
        if not (i == 0 and top_unique):
            t += f" ({', '.join(ls)})"
        parts.append(t)
    return "; ".join(parts)


def copies_text(r: dict) -> str:
    if not r["copies"]:
        return "none: each locale defines the section itself" if len(r["locales"]) > 1 else \
            "none: the locale defines the section itself"
    return f"{len(r['copies'])} of {len(r['locales'])}: " + ", ".join(f'{n} (copy "{s}")' for n, s in r["copies"])


def agree_text(r: dict) -> str:
    if len(r["symbol"]) == 1:
        return "yes: every locale writes the same symbol" if len(r["locales"]) > 1 else "yes (one locale)"
    return f"no: the locales write {len(r['symbol'])} different symbols"


def int_text(r: dict) -> str:
    return "the same as frac_digits in every locale" if r["int_same"] else "differs from frac_digits"


def shares_text(r: dict, names: dict) -> str:
    if not r["shares"]:
        return "none among the currencies catalogued here"
    return "; ".join(f"{o} ({names[o]}, its own page) is also written {s}" for o, s in r["shares"])


def intl_text(r: dict) -> str:
    return ", ".join(f'"{w}"' for w in r["int_written"]) + " (the code and a space)"


def front_matter(r: dict) -> str:
    sym = uniform(r, "symbol")
    pos = uniform(r, "precedes")
    dig = uniform(r, "digits")
    fm = {"code": r["code"], "numeric": r["numeric"], "name": r["name"], "locales": len(r["locales"]),
          "territories": r["territories"], "languages": r["languages"], "copies": len(r["copies"]),
          "symbol": sym if sym is not None else "varies",
          "symbol_position": ("before" if pos == 1 else "after") if pos is not None else "varies",
          "frac_digits": dig if dig is not None else "varies", "symbol_shared": bool(r["shares"])}  # fmt: skip
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in fm.items()) + "---\n"


def front_values(r: dict) -> dict:
    text = front_matter(r)
    return {ln.split(": ", 1)[0]: json.loads(ln.split(": ", 1)[1]) for ln in text.splitlines() if ": " in ln}


def rows(r: dict, snap: dict, names: dict) -> list[tuple[str, str]]:
    n = len(r["locales"])
    return [("Currency", f"{r['name']} ({r['code']})"), ("ISO 4217 code", r["code"]),
            ("ISO 4217 numeric code", r["numeric"]), ("int_curr_symbol as written", intl_text(r)),
            ("Locales using it", f"{n} ({', '.join(r['locales'])})"),
            ("Locales that copy LC_MONETARY", copies_text(r)),
            ("Territories named (LC_IDENTIFICATION)", str(r["territories"])),
            ("Languages named (LC_IDENTIFICATION)", str(r["languages"])),
            ("Currency symbol", groups_text(r, "symbol", snap)), ("Locales agree on the symbol", agree_text(r)),
            ("Symbol position (p_cs_precedes)", groups_text(r, "precedes", snap)),
            ("Separation (p_sep_by_space)", groups_text(r, "space", snap)),
            ("Same symbol as", shares_text(r, names)),
            ("Fraction digits (frac_digits)", groups_text(r, "digits", snap)),
            ("int_frac_digits", int_text(r)),
            ("Decimal mark (mon_decimal_point)", groups_text(r, "decimal", snap)),
            ("Thousands separator (mon_thousands_sep)", groups_text(r, "thousands", snap)),
            ("Digit grouping", groups_text(r, "grouping", snap))]  # fmt: skip


SECTIONS = {"Identification": ["Currency", "ISO 4217 code", "ISO 4217 numeric code", "int_curr_symbol as written"],
            "Locales": ["Locales using it", "Locales that copy LC_MONETARY", "Territories named (LC_IDENTIFICATION)",
                        "Languages named (LC_IDENTIFICATION)"],
            "Symbol": ["Currency symbol", "Locales agree on the symbol", "Symbol position (p_cs_precedes)",
                       "Separation (p_sep_by_space)", "Same symbol as"],
            "Amounts": ["Fraction digits (frac_digits)", "int_frac_digits", "Decimal mark (mon_decimal_point)",
                        "Thousands separator (mon_thousands_sep)", "Digit grouping"]}  # fmt: skip


def source_line(snap: dict) -> str:
    f = snap["files"]
    return (f"Source: the ISO 4217 list of iso-codes {f['iso_4217']['package_version']} (iso_4217.json) and the "
            f"LC_MONETARY and LC_IDENTIFICATION sections of the glibc locale sources in /usr/share/i18n/locales "
            f"(Debian locales {f['locales']['package_version']}), copy lines followed.")


SPACE_PHRASE = {0: "no space between symbol and amount (p_sep_by_space 0)",
                1: "a space between symbol and amount (p_sep_by_space 1)",
                2: "a space between symbol and sign (p_sep_by_space 2)"}  # fmt: skip


def _verb(key: str, v, one: bool, snap: dict) -> str:
    """What a group of locales does with value v, as a verb phrase (one: a single locale)."""
    s = "s" if one else ""
    if key == "symbol":
        return f"write{s} it as {sym_text(v)}"
    if key == "precedes":
        return f"put{s} it {'before the amount' if v == 1 else 'after the amount'}"
    if key == "space":
        return f"leave{s} {SPACE_PHRASE[v]}"
    if key == "digits":
        return f"give{s} {v} fraction digits"
    if key == "decimal":
        return f"use{s} {char_text(v, snap)} as the decimal mark"
    if key == "thousands":
        if v == "":
            return f"write{s} {char_text(v, snap)} for thousands"
        return f"separate{s} thousands with {char_text(v, snap)}"
    if key == "grouping":
        return f"group{s} digits by mon_grouping {v}"
    raise KeyError(key)


def prose_groups(r: dict, key: str, snap: dict) -> str:
    """Locales that disagree, in a sentence: "48 of them put it after the amount, while 29 (de_AT, ...) put
    it before the amount"."""
    gs = r[key]
    top_unique = len(gs[0][1]) > len(gs[1][1])
    parts = []
    for i, (v, ls) in enumerate(gs):
        if i == 0 and top_unique:
            who = f"{len(ls)} of them"
        elif len(ls) == 1:
            who = ls[0]
        else:
            who = f"{len(ls)} ({', '.join(ls)})"
        parts.append(f"{who} {_verb(key, v, len(ls) == 1 and not (i == 0 and top_unique), snap)}")
    return parts[0] + ", while " + and_list(parts[1:])


def core(key: str, v, snap: dict) -> str:
    """How every layout writes one value of a group."""
    if key == "symbol":
        return sym_text(v)
    if key == "precedes":
        return "before the amount" if v == 1 else "after the amount"
    if key == "space":
        return f"p_sep_by_space {v}"
    if key == "digits":
        return str(v)
    if key in ("decimal", "thousands"):
        return char_text(v, snap)
    return f"mon_grouping {v}"


def group_values(r: dict, snap: dict) -> list[str]:
    """What every page states of the groups: each value, the size of each group of several locales and each
    locale listed."""
    out = []
    for key in ("symbol", "precedes", "space", "digits", "decimal", "thousands", "grouping"):
        gs = r[key]
        top_unique = len(gs) > 1 and len(gs[0][1]) > len(gs[1][1])
        for i, (v, ls) in enumerate(gs):
            out.append(core(key, v, snap))
            if len(gs) > 1:
                out.append(str(len(ls)))
                if not (i == 0 and top_unique):
                    out += ls
    return out


def _prose(r: dict, snap: dict, names: dict) -> list[str]:
    c, nm, num, w = r["code"], r["name"], r["numeric"], _h(r["id"], "w")
    n = len(r["locales"])
    intl = intl_text(r)
    p1 = [(f"The {nm} ({c}) carries the ISO 4217 numeric code {num}; the locale sources spell its "
           f"int_curr_symbol {intl}.",
           f"ISO 4217 lists {c} as the {nm}, with numeric code {num}, and glibc's locales write its international "
           f"symbol as {intl}.",
           f"{c} is the code of the {nm}, number {num} in ISO 4217. In the locale sources its int_curr_symbol "
           f"appears as {intl}.")[w % 3]]
    if n == 1:
        p2 = [f"Only one glibc locale uses it, {r['locales'][0]}, which defines its LC_MONETARY section itself and "
              "names one territory and one language in LC_IDENTIFICATION."]
    else:
        p2 = [(f"{n} glibc locales use it: {', '.join(r['locales'])}.",
               f"It is the currency of {n} glibc locales ({', '.join(r['locales'])}).")[w // 3 % 2]]
        if r["copies"]:
            src = one_source(r)
            tail = f", every one of them from {src}" if src and len(r["copies"]) > 1 else ""
            p2.append(f"{len(r['copies'])} of them copy the section from another locale rather than define it"
                      f"{tail}: " + ", ".join(f'{a} (copy "{b}")' for a, b in r["copies"]) + ".")
        else:
            p2.append("Each of them defines its own LC_MONETARY section; none is a copy.")
        nt, nl = r["territories"], r["languages"]
        p2.append(f"Their LC_IDENTIFICATION sections name {nt} {'territory' if nt == 1 else 'territories'} and "
                  f"{nl} {'language' if nl == 1 else 'languages'}.")
    sym, pos, spc = (uniform(r, k) for k in ("symbol", "precedes", "space"))
    who = r["locales"][0] if n == 1 else ("Both locales" if n == 2 else f"All {n} locales")
    one = n == 1
    p3 = []
    if sym is not None and pos is not None and spc is not None:
        s_ = "s" if one else ""
        p3.append(f"{who} write{s_} its symbol as {sym_text(sym)} and put{s_} it {core('precedes', pos, snap)}, "
                  f"with {SPACE_PHRASE[spc]}.")
    else:
        p3.append(f"{who} write{'s' if one else ''} its symbol as {sym_text(sym)}." if sym is not None else
                  f"The locales do not agree on the symbol: {prose_groups(r, 'symbol', snap)}.")
        p3.append(f"They all {_verb('precedes', pos, False, snap)}." if pos is not None else
                  f"Nor on its position: {prose_groups(r, 'precedes', snap)}." if sym is None else
                  f"Its position varies: {prose_groups(r, 'precedes', snap)}.")
        p3.append(f"Every one of them leaves {SPACE_PHRASE[spc]}." if spc is not None else
                  f"As for spacing, {prose_groups(r, 'space', snap)}.")
    if r["shares"]:
        others = [f"{o} ({names[o]})" for o in links(r)]
        p3.append(f"The same symbol stands for {and_list(others)} elsewhere in this catalogue "
                  f"({'its own page' if len(others) == 1 else 'each on its own page'}).")
    else:
        p3.append("No other currency catalogued here is written with the same symbol.")
    dig, dec, ts, grp = (uniform(r, k) for k in ("digits", "decimal", "thousands", "grouping"))
    if dig is not None:
        p4 = [(f"Amounts carry {dig} fraction digits" if dig else "Amounts carry 0 fraction digits, none at all")
              + f", and int_frac_digits is {int_text(r)}."]
    else:
        p4 = [f"The fraction digits differ: {prose_groups(r, 'digits', snap)}; int_frac_digits is {int_text(r)}."]
    if dec is not None and ts is not None:
        p4.append(f"The decimal mark is {char_text(dec, snap)} and thousands are separated by {char_text(ts, snap)}"
                  + (f", in groups set by mon_grouping {grp}." if grp is not None else "."))
    else:
        p4.append(f"The decimal mark is {char_text(dec, snap)} everywhere." if dec is not None else
                  f"For the decimal mark, {prose_groups(r, 'decimal', snap)}.")
        p4.append(f"Thousands are separated by {char_text(ts, snap)} throughout." if ts is not None else
                  f"For thousands, {prose_groups(r, 'thousands', snap)}.")
    if grp is None:
        p4.append(f"Grouping differs too: {prose_groups(r, 'grouping', snap)}.")
    elif dec is None or ts is None:
        p4.append(f"Digits are grouped by mon_grouping {grp}.")
    return [" ".join(p) for p in (p1, p2, p3, p4)]


def render(r: dict, snap: dict, names: dict) -> str:
    kind = layout(r)
    head = front_matter(r) + f"\n# {r['name']} ({r['code']})\n\n"
    rs = rows(r, snap, names)
    src = source_line(snap)
    if kind == "sheet":
        out = "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for a, b in rs) + "\n"
        return head + out + "\n" + src + "\n"
    if kind == "card":
        d = dict(rs)
        out = []
        for title, keys in SECTIONS.items():
            out += [f"## {title}"] + [f"- {k}: {d[k]}" for k in keys] + [""]
        return head + "\n".join(out) + "\n" + src + "\n"
    return head + "\n\n".join(_prose(r, snap, names)) + "\n\n" + src + "\n"


REGISTER_FIELDS = ["id", "title", "language", "territory", "currency", "currency_name"]


def register_text(snap: dict) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=REGISTER_FIELDS, lineterminator="\n")
    w.writeheader()
    for row in snap["register"]:
        w.writerow(row)
    return buf.getvalue()


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = snap["records"]
    assign_layouts(recs)
    names = {r["code"]: r["name"] for r in recs}
    out = {f"{r['id']}.md": render(r, snap, names) for r in recs}
    out[REGISTER] = register_text(snap)
    return out


def snapshot_text(snap: dict) -> str:
    """JSON with one ISO entry / one locale / one record / one register row a line."""
    head = {k: v for k, v in snap.items() if k not in ("iso4217", "locales", "records", "register")}
    text = json.dumps(head, indent=1, ensure_ascii=False)[:-2]
    parts = []
    for key in ("iso4217", "locales"):
        body = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in snap[key].items())
        parts.append(f' "{key}": {{\n{body}\n }}')
    for key in ("records", "register"):
        body = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in snap[key])
        parts.append(f' "{key}": [\n{body}\n ]')
    return text + ",\n" + ",\n".join(parts) + "\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's sources again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    print(f"{len(snap['iso4217'])} ISO currencies, {len(snap['locales'])} locales with LC_MONETARY, {len(READ)} "
          f"read; {len(snap['records'])} records, {len(snap['register'])} register rows")


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


def _ok(question: str, answers: list[str], typ: str, text: str, options: list[str] | None = None) -> bool:
    from ragtune.eval.metrics import is_correct

    return is_correct(_item(question, answers, typ, options), text, False)


def hedge_safe(question: str, options: list[str], gold: str) -> bool:
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}", f"{gold} and {w}."]
    return _ok(question, [gold], "comparison", gold, options) and \
        not any(_ok(question, [gold], "comparison", t, options) for t in tries)


def gold_safe(question: str, answers: list[str], typ: str = "single_hop") -> bool:
    return all(_ok(question, answers, typ, g) and _ok(question, answers, typ, f"The answer is {g}.") for g in answers)


def names_safe(question: str, golds: list[str], others: list[str], typ: str = "reverse") -> bool:
    """Do all other currencies (codes and names) score wrong?"""
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, o) for o in others if _atok(o) not in gt)


def in_question(q: str, g: str) -> bool:
    return _contains(_atok(q), _atok(g))


def refs(r: dict) -> list[str]:
    return [r["code"], f"the {r['name']}", f"the {r['name']} ({r['code']})"]


def poss(code: str) -> str:
    return code + "'s"


def ref(r: dict, salt: str) -> str:
    xs = refs(r)
    return xs[_h(r["id"], salt) % len(xs)]


def fill(tpl: str, r: dict, salt: str, **kw) -> tuple[str, str]:
    """A template with {n} (the code, "the <name>" or "the <name> (<code>)"), {C} (the code) or {p} (the
    code's possessive); returns (question, how it names the currency)."""
    nref = ref(r, salt) if "{n}" in tpl else (poss(r["code"]) if "{p}" in tpl else r["code"])
    q = tpl.format(n=nref, C=r["code"], p=poss(r["code"]), **kw)
    return q[0].upper() + q[1:], nref


def ident(r: dict) -> list[str]:
    """How an answer names a currency: its code or its ISO name."""
    return [r["code"], r["name"]]


def odd(r: dict, key: str):
    """(value, locale) of the last group of one locale, when the locales disagree."""
    gs = r[key]
    if len(gs) < 2:
        return None
    singles = [(v, ls[0]) for v, ls in gs if len(ls) == 1]
    return singles[-1] if singles else None


def one_source(r: dict) -> str | None:
    srcs = {s for _, s in r["copies"]}
    return srcs.pop() if len(srcs) == 1 else None


def _sym_ok(r: dict) -> bool:
    s = uniform(r, "symbol")
    return s is not None and has_letters(s) and bool(_atok(s)) and _atok(s) != _atok(r["code"])


def _odd_value(key: str, v, snap: dict) -> str:
    if key == "symbol":
        return v
    if key == "precedes":
        return "before the amount" if v == 1 else "after the amount"
    if key == "digits":
        return str(v)
    return f'"{v}" ({snap["char_names"][f"U+{ord(v):04X}"].lower()})'


SINGLE = {
    "numeric": (["What is the ISO 4217 numeric code of {n}?", "Which three-digit ISO 4217 number does {n} carry?",
                 "What numeric code does ISO 4217 give {n}?"],
                lambda r, s: [r["numeric"]], lambda r, s: True),
    "name": (["What name does ISO 4217 give the currency coded {C}?", "Under which name does the ISO 4217 list carry {C}?"],
             lambda r, s: [r["name"]], lambda r, s: True),
    "symbol": (["How do the glibc locales write the currency symbol of {n}?", "What currency_symbol do the locales give {n}?"],
               lambda r, s: [uniform(r, "symbol")], lambda r, s: _sym_ok(r)),
    "codepoint": (["What is the code point of the currency sign the locales use for {n}?",
                   "Which Unicode code point is {p} symbol in the locale sources?"],
                  lambda r, s: [cps(uniform(r, "symbol"))],
                  lambda r, s: uniform(r, "symbol") is not None and sign_char(uniform(r, "symbol"))),
    "locales": (["How many glibc locales use {n}?", "In how many glibc locale sources is {n} the currency?"],
                lambda r, s: [str(len(r["locales"]))], lambda r, s: True),
    "territories": (["How many territories do the locales using {n} name in LC_IDENTIFICATION?",
                     "Across how many territories are the glibc locales of {n} spread?"],
                    lambda r, s: [str(r["territories"])], lambda r, s: len(r["locales"]) >= 2),
    "languages": (["How many languages do the locales using {n} name in LC_IDENTIFICATION?",
                   "For how many languages does glibc have a locale that uses {n}?"],
                  lambda r, s: [str(r["languages"])], lambda r, s: len(r["locales"]) >= 2),
    "copies": (["How many of the locales using {n} copy their LC_MONETARY section from another locale?",
                "In how many of its locales is the LC_MONETARY section of {n} a copy line?"],
               lambda r, s: [str(len(r["copies"]))], lambda r, s: len(r["copies"]) >= 1),
    "copy_source": (["Which locale do the locales using {n} copy their LC_MONETARY section from?",
                     "The locales of {n} that copy their monetary conventions all copy one locale. Which?"],
                    lambda r, s: [one_source(r)], lambda r, s: one_source(r) is not None),
    "digits": (["How many fraction digits (frac_digits) do the locales give {n}?",
                "How many digits after the decimal mark do {p} amounts get in its locales?"],
               lambda r, s: [str(uniform(r, "digits"))], lambda r, s: uniform(r, "digits") not in (None, 0)),
    "position": (["Where do the locales put the symbol of {n} relative to the number?",
                  "On which side of the number does {p} symbol go in its locales?"],
                 lambda r, s: ["before" if uniform(r, "precedes") == 1 else "after"],
                 lambda r, s: uniform(r, "precedes") is not None),
    "decimal": (["Which character do the locales use as the decimal mark in {n} amounts?",
                 "What is the mon_decimal_point of the locales using {n}?"],
                lambda r, s: char_golds(uniform(r, "decimal"), s), lambda r, s: uniform(r, "decimal") not in (None, "")),
    "thousands": (["Which character separates thousands in {n} amounts in its locales?",
                   "What mon_thousands_sep do the locales using {n} write?"],
                  lambda r, s: char_golds(uniform(r, "thousands"), s),
                  lambda r, s: uniform(r, "thousands") not in (None, "")),
    "symbol_locale": (["Which locale writes the {C} symbol as {v}?", "In which locale is {p} symbol {v}?"],
                      lambda r, s: [odd(r, "symbol")[1]], lambda r, s: odd(r, "symbol") is not None),
    "position_locale": (["Which locale puts the {C} symbol {v}?", "In which locale does {p} symbol come {v}?"],
                        lambda r, s: [odd(r, "precedes")[1]], lambda r, s: odd(r, "precedes") is not None),
    "digits_locale": (["Which locale gives {C} {v} fraction digits?", "In which locale do {C} amounts get {v} fraction digits?"],
                      lambda r, s: [odd(r, "digits")[1]], lambda r, s: odd(r, "digits") is not None),
    "decimal_locale": (["Which locale writes {C} amounts with {v} as the decimal mark?"],
                       lambda r, s: [odd(r, "decimal")[1]], lambda r, s: odd(r, "decimal") is not None),
    "shares": (["Which other currency catalogued here do the locales write with the same symbol as {n}?",
                "{p} symbol is also written for one other catalogued currency. Which?"],
               lambda r, s: None, lambda r, s: len(links(r)) == 1),
}  # fmt: skip
ODD_KEY = {"symbol_locale": "symbol", "position_locale": "precedes", "digits_locale": "digits",
           "decimal_locale": "decimal"}  # fmt: skip
SINGLE_ORDER = ["shares", "copy_source", "digits_locale", "decimal_locale", "position_locale", "symbol_locale",
                "codepoint", "symbol", "copies", "thousands", "decimal", "territories", "languages", "digits",
                "position", "name", "locales", "numeric"]  # fmt: skip


def rel_key(a: str, b: str) -> tuple[str, str]:
    """One relation between two currencies (a shared symbol), asked once per split whichever page it is
    asked from."""
    return ("rel", " ".join(sorted((a, b))))


def single_ok(r: dict, k: str, snap: dict) -> bool:
    return SINGLE[k][2](r, snap)


def single_golds(r: dict, k: str, snap: dict, by: dict) -> list[str]:
    if k == "shares":
        return ident(by[links(r)[0]])
    return SINGLE[k][1](r, snap)


def single_question(r: dict, k: str, snap: dict) -> str:
    tpls = SINGLE[k][0]
    kw = {}
    if k in ODD_KEY:
        kw["v"] = _odd_value(ODD_KEY[k], odd(r, ODD_KEY[k])[0], snap)
    return fill(tpls[_h(r["id"], k) % len(tpls)], r, k, **kw)[0]


def single_related(r: dict, k: str) -> list[str]:
    """The catalogued currencies a single-hop answer names."""
    return links(r) if k == "shares" else []


def page_numbers(r: dict) -> set[str]:
    xs = [r["numeric"], len(r["locales"]), r["territories"], r["languages"], len(r["copies"])]
    xs += [v for v, _ in r["digits"]] + [v for v, _ in r["space"]] + [len(ls) for key in ("symbol", "precedes", "space",
           "digits", "decimal", "thousands", "grouping") for _, ls in r[key]]  # fmt: skip
    return {str(x) for x in xs}


def page_texts(r: dict, snap: dict, by: dict) -> set[str]:
    """The values a page states besides its numbers."""
    out = {r["code"], r["name"], "before", "after"}
    out |= set(r["locales"]) | {s for _, s in r["copies"]}
    for s, _ in r["symbol"]:
        out |= {s, cps(s)}
    for key in ("decimal", "thousands"):
        out |= {g for v, _ in r[key] if v for g in char_golds(v, snap)}
    for o in links(r):
        out |= set(ident(by[o]))
    return {x for x in out if _atok(x)}


def catalogue_values(recs: list[dict]) -> set[str]:
    return {x for t in recs for x in (t["code"], t["name"], t["numeric"])}


def others_of(r: dict, recs: list[dict], snap: dict, by: dict) -> set[str]:
    """Values a wrong answer could take from the page or from the catalogue."""
    return page_numbers(r) | page_texts(r, snap, by) | catalogue_values(recs)


def others_safe(question: str, golds: list[str], r: dict, recs: list[dict], snap: dict, by: dict,
                typ: str = "single_hop") -> bool:  # fmt: skip
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, x) for x in others_of(r, recs, snap, by) if _atok(x) not in gt)


# multi hop: a territory or language with one locale (a register row) -> its currency's page, or a
# currency -> the one other catalogued currency written with its symbol
HOP_VIA = {
    "territory": ["Glibc has a single locale for {v}; consider the currency it uses. {f}",
                  "Take the currency of the one glibc locale whose territory is {v}. {f}"],
    "language": ["Glibc has a single locale for the {v} language; consider the currency it uses. {f}",
                 "Take the currency of glibc's one {v}-language locale. {f}"],
    "symbol": ["{v} shares its symbol with exactly one other currency catalogued here. {f}",
               "Exactly one other catalogued currency is written with the same symbol as {v}. {f}"],
}  # fmt: skip
HOP_FIELD = {
    "numeric": ("What is that currency's ISO 4217 numeric code?", lambda t, s: [t["numeric"]], lambda t, s: True),
    "locales": ("How many glibc locales use that currency?", lambda t, s: [str(len(t["locales"]))], lambda t, s: True),
    "codepoint": ("What is the code point of that currency's symbol?", SINGLE["codepoint"][1], SINGLE["codepoint"][2]),
    "symbol": ("How do the locales write that currency's symbol?", SINGLE["symbol"][1], SINGLE["symbol"][2]),
    "digits": ("How many fraction digits do its locales give that currency?", SINGLE["digits"][1], SINGLE["digits"][2]),
}  # fmt: skip
HOP_ALLOWED = {"territory": ("numeric", "codepoint", "symbol", "digits", "locales"),
               "language": ("numeric", "codepoint", "symbol", "digits", "locales"),
               "symbol": ("numeric", "locales", "digits", "codepoint", "symbol")}  # fmt: skip


def hop_golds(t: dict, f: str, snap: dict) -> list[str] | None:
    return HOP_FIELD[f][1](t, snap) if HOP_FIELD[f][2](t, snap) else None


def only_locale(facts: dict, key: str, v: str) -> str | None:
    """The one locale (of all with LC_MONETARY) whose LC_IDENTIFICATION `key` is v, or None."""
    hits = [n for n, f in facts.items() if f[key] == v]
    return hits[0] if len(hits) == 1 else None


def _num(r: dict):
    return int(r["numeric"])


def _u(key: str, fn):
    return lambda r: (fn(uniform(r, key)) if uniform(r, key) is not None else None)


CMP = {
    "higher-numeric": ("Which has the higher ISO 4217 numeric code, {a} or {b}?", _num, max),
    "lower-numeric": ("Which of {a} and {b} has the lower ISO 4217 numeric code?", _num, min),
    "more-locales": ("Which of {a} and {b} is used by more glibc locales?", lambda r: len(r["locales"]), max),
    "more-digits": ("For which of {a} and {b} do the locales write more digits after the decimal mark?",
                    _u("digits", lambda v: v), max),
    "before-one": ("For which of {a} and {b} do the locales put the symbol in front of the number?",
                   _u("precedes", lambda v: v), max),
    "comma-one": ("Which of {a} and {b} is written with a comma as the decimal mark in its locales?",
                  _u("decimal", lambda v: {",": 1, ".": 0}.get(v)), max),
    "disagree-one": ("For which of {a} and {b} do the glibc locales disagree about the currency symbol?",
                     lambda r: int(len(r["symbol"]) > 1), max),
    "space-one": ("For which of {a} and {b} do the locales leave a space between the symbol and the amount?",
                  _u("space", lambda v: v if v in (0, 1) else None), max),
    "more-territories": ("Which of {a} and {b} has locales in more territories?", lambda r: r["territories"], max),
}  # fmt: skip
FIELD_OF = {"higher-numeric": "numeric", "lower-numeric": "numeric", "more-locales": "locales", "more-digits": "digits",
            "before-one": "position", "comma-one": "decimal", "disagree-one": "symbol", "space-one": "space",
            "more-territories": "territories"}  # fmt: skip


def _arabic(s: str) -> bool:
    return any(0x0600 <= ord(c) <= 0x06FF for c in s)


def conditions() -> dict:
    """Conditions filters combine: (test, how a question says it)."""
    u = uniform
    return {
        "num-lt200": (lambda r: _num(r) < 200, "has an ISO 4217 numeric code below 200"),
        "num-200-499": (lambda r: 200 <= _num(r) <= 499, "has an ISO 4217 numeric code from 200 to 499"),
        "num-500-799": (lambda r: 500 <= _num(r) <= 799, "has an ISO 4217 numeric code from 500 to 799"),
        "num-ge800": (lambda r: _num(r) >= 800, "has an ISO 4217 numeric code of 800 or more"),
        "digits-3": (lambda r: u(r, "digits") == 3, "gets 3 fraction digits in every locale using it"),
        "digits-0": (lambda r: u(r, "digits") == 0, "gets no fraction digits (frac_digits 0) in every locale using it"),
        "before": (lambda r: u(r, "precedes") == 1, "has its symbol placed before the amount in every locale"),
        "after": (lambda r: u(r, "precedes") == 0, "has its symbol placed after the amount in every locale"),
        "space": (lambda r: u(r, "space") == 1, "is written with a space between symbol and amount in every locale"),
        "nospace": (lambda r: u(r, "space") == 0, "is written with no space between symbol and amount in every locale"),
        "comma": (lambda r: u(r, "decimal") == ",", "has a comma as its decimal mark in every locale"),
        "ts-point": (lambda r: u(r, "thousands") == ".", "has a full stop as its thousands separator in every locale"),
        "ts-nnbsp": (lambda r: u(r, "thousands") == "\u202f",
                     "has a narrow no-break space as its thousands separator in every locale"),
        "disagree": (lambda r: len(r["symbol"]) > 1, "is written with different symbols by different locales"),
        "one-locale": (lambda r: len(r["locales"]) == 1, "is used by a single glibc locale"),
        "many-locales": (lambda r: len(r["locales"]) >= 4, "is used by four or more glibc locales"),
        "copied": (lambda r: bool(r["copies"]), "has a locale that copies its LC_MONETARY section from another"),
        "shared": (lambda r: bool(r["shares"]), "shares its symbol with another catalogued currency"),
        "letters": (lambda r: u(r, "symbol") is not None and has_letters(u(r, "symbol")),
                    "has one symbol, written with letters, in all its locales"),
        "sign": (lambda r: u(r, "symbol") is not None and sign_char(u(r, "symbol")),
                 "has one single-character sign as its symbol in all its locales"),
        "indian": (lambda r: u(r, "grouping") == "3;2", "groups digits by mon_grouping 3;2 in every locale"),
        "multi-territory": (lambda r: r["territories"] >= 2, "has locales in more than one territory"),
        "arabic": (lambda r: any(_arabic(s) for s, _ in r["symbol"]), "has a symbol written in Arabic script"),
    }  # fmt: skip


REV_Q = {
    "rev-numeric": ["Which currency has the ISO 4217 numeric code {v}?", "ISO 4217 numeric code {v} belongs to which currency?"],
    "rev-symbol": ["Which currency do glibc locales write with the symbol {v}?",
                   "In the glibc locale sources, {v} is the symbol of which currency?"],
    "rev-codepoint": ["Which currency's symbol is the single character {v} in the locale sources?",
                      "The locales write one currency's sign as the code point {v}. Which currency?"],
    "rev-territory": ["Which currency does the one glibc locale for {v} use?", "What currency does glibc's only locale for {v} name?"],
    "rev-language": ["Which currency does glibc's one {v}-language locale use?",
                     "Glibc has a single locale for the {v} language. Which currency does it use?"],
}  # fmt: skip


def symbol_owners(facts: dict, s: str) -> set[str]:
    return {f["code"] for f in facts.values() if f["symbol"] == s}


def rev_cues(r: dict, k: str, facts: dict, reg: dict) -> list[tuple[str, list[str]]]:
    """(cue, evidence) pairs that single out the currency among all ISO currencies and all locales."""
    if k == "rev-numeric":
        return [(r["numeric"], [r["id"]])]
    if k in ("rev-symbol", "rev-codepoint"):
        out = []
        for s, _ in r["symbol"]:
            if symbol_owners(facts, s) != {r["code"]} or (k == "rev-codepoint") != sign_char(s):
                continue
            out.append((cps(s) if k == "rev-codepoint" else s, [r["id"]]))
        return out
    key = "territory" if k == "rev-territory" else "language"
    out = []
    for n in r["locales"]:
        v = facts[n][key]
        if v and only_locale(facts, key, v) == n and n in reg:
            out.append((v, [f"locales#{n}"]))
    return out


def everyone(snap: dict, facts: dict) -> list[str]:
    """Every currency code and ISO name (and the codes only locales use): what a reverse or filter answer
    could name instead."""
    out = set(snap["iso4217"]) | {e["name"] for e in snap["iso4217"].values()}
    out |= {f["code"] for f in facts.values() if f["code"]}
    return sorted(out)


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["code"]: r for r in recs}
    facts = all_facts(snap)
    reg = {row["id"]: row for row in snap["register"]}
    every = everyone(snap, facts)
    sp = split_pages(recs)
    cond = conditions()
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    assign_layouts(recs)
    for s in ("dev", "test"):
        want = WANT[s]
        codes = sorted((c for c in by if sp[c] == s), key=lambda x: _h(x, "order" + s))
        used: set = set()
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

        def kinds(k):
            return sum(i["kind"] == k for i in items)

        # multi hop: a territory or language with one locale -> its currency; a shared symbol -> the other currency
        hk = list(HOP_FIELD)
        for n in codes:
            if count("multi_hop") >= want["multi_hop"]:
                break
            r = by[n]
            starts = []  # (via, cue, first evidence, target, how the question names the start)
            for k, via in (("rev-territory", "territory"), ("rev-language", "language")):
                starts += [(via, v, ev[0], n, v) for v, ev in rev_cues(r, k, facts, reg)]
            if len(links(r)) == 1 and sp[links(r)[0]] == s:
                m = links(r)[0]
                starts.append(("symbol", None, r["id"], m, None))
            starts.sort(key=lambda x: _h(f"{n}{x[0]}{x[1]}", "hopstart"))
            done = False
            for via, cue, first, m, _ in starts:
                if kinds("hop-" + via) >= CAP_HOP[s] or (first, "hop") in used:
                    continue
                t = by[m]
                for kk in list(hk):
                    if kk not in HOP_ALLOWED[via]:
                        continue
                    g_m = hop_golds(t, kk, snap)
                    if not g_m or (m, "hop-" + kk) in used:
                        continue
                    tpls = HOP_VIA[via]
                    tpl = tpls[_h(f"{n}{via}", "hopq") % len(tpls)]
                    if via == "symbol":
                        nref = ref(r, "hop")
                        q = tpl.format(v=nref, f=HOP_FIELD[kk][0])
                        own = (hop_golds(r, kk, snap) or []) + ident(r)
                    else:
                        nref = cue
                        q = tpl.format(v=cue, f=HOP_FIELD[kk][0])
                        own = ident(t) + [reg[first.split("#")[1]]["id"]]
                    q = q[0].upper() + q[1:]
                    if {tuple(_atok(g)) for g in g_m} & {tuple(_atok(g)) for g in own}:
                        continue
                    if not gold_safe(q, g_m, "multi_hop") or any(in_question(q, g) for g in g_m) or \
                            not others_safe(q, g_m, t, recs, snap, by, "multi_hop"):
                        continue
                    if any(_ok(q, g_m, "multi_hop", x) for x in own if _atok(x) not in [_atok(g) for g in g_m]):
                        continue
                    add(q, g_m, "multi_hop", [first if via != "symbol" else r["id"], t["id"]], "hop-" + via,
                        field=kk, via=(n if via == "symbol" else first.split("#")[1]), target=m, ref=nref)
                    used.update({(m, "hop-" + kk), (first, "hop"), (n, "hopstart")})
                    if via == "symbol":
                        used.add(rel_key(n, m))
                    else:
                        used.add((first, "register"))
                    subj.update({n, m})
                    hk.append(hk.pop(hk.index(kk)))
                    done = True
                    break
                if done:
                    break

        def try_single(n: str, k: str) -> bool:
            r = by[n]
            if not single_ok(r, k, snap) or (n, k) in used or kinds(k) >= CAP[s]:
                return False
            if any(sp.get(x) != s for x in single_related(r, k)):
                return False
            rel = [rel_key(n, x) for x in single_related(r, k)]
            if any(x in used for x in rel):
                return False
            q = single_question(r, k, snap)
            g = single_golds(r, k, snap, by)
            if any(in_question(q, x) for x in g) or not gold_safe(q, g) or not others_safe(q, g, r, recs, snap, by):
                return False
            add(q, g, "single_hop", [r["id"]], k)
            used.add((n, k))
            used.update(rel)
            subj.add(n)
            return True

        for k in SINGLE_ORDER:
            if count("single_hop") >= want["single_hop"]:
                break
            for n in codes:
                if n not in subj and try_single(n, k):
                    break
        ki = 0
        for rnd_pass in (0, 1, 2):
            for n in codes:
                if count("single_hop") >= want["single_hop"]:
                    break
                if n in subj and (rnd_pass == 0 or (rnd_pass == 1 and any(i["evidence"] == [by[n]["id"]] for i in items))):
                    continue
                for _ in range(len(SINGLE_ORDER)):
                    k = SINGLE_ORDER[ki % len(SINGLE_ORDER)]
                    ki += 1
                    if try_single(n, k):
                        break
        # reverse: a numeric code, a symbol, a code point, a territory or a language -> the currency
        rk = list(REV_Q)
        for n in [x for x in codes if x not in subj] + [x for x in codes if x in subj]:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            for k in list(rk):
                if kinds(k) >= CAP_REVERSE[s] or (n, "reverse") in used:
                    continue
                cues = [(v, ev) for v, ev in rev_cues(r, k, facts, reg) if (ev[0], "register") not in used]
                if not cues:
                    continue
                v, ev = cues[0]
                q = REV_Q[k][_h(n, "revq" + k) % len(REV_Q[k])].format(v=v)
                q = q[0].upper() + q[1:]
                g = ident(r)
                if any(in_question(q, x) for x in g) or not gold_safe(q, g, "reverse") or \
                        not names_safe(q, g, every):
                    continue
                add(q, g, "reverse", ev, k, value=v)
                used.add((n, "reverse"))
                if ev[0].startswith("locales#"):
                    used.add((ev[0], "register"))
                subj.add(n)
                rk.append(rk.pop(rk.index(k)))
                break
        # comparisons of two currencies of the split
        ck = list(CMP)
        tries = 0
        while count("comparison") < want["comparison"] and tries < 5000:
            tries += 1
            k = ck[tries % len(ck)]
            tpl, f, pick = CMP[k]
            pool = [x for x in codes if f(by[x]) is not None]
            if len(pool) < 2:
                continue
            a, b = rnd.sample(pool, 2)
            fa, fb = f(by[a]), f(by[b])
            if fa == fb or (a, FIELD_OF[k]) in used or (b, FIELD_OF[k]) in used or kinds(k) >= CAP_CMP[s]:
                continue
            q = tpl.format(a=a, b=b)
            win = a if pick(fa, fb) == fa else b
            if not hedge_safe(q, [a, b], win):
                continue
            add(q, [win], "comparison", [by[a]["id"], by[b]["id"]], k, options=[a, b], target=win, candidates=[a, b])
            used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
        # filters: among all catalogued currencies (two conditions), and among four listed ones
        mix = FILTER_MIX[s]
        pairs = [(c1, c2) for c1 in cond for c2 in cond if c1 < c2]
        rnd.shuffle(pairs)
        for c1, c2 in pairs:
            if kinds("filter") >= mix["filter"]:
                break
            m1 = [r for r in recs if cond[c1][0](r)]
            m2 = [r for r in recs if cond[c2][0](r)]
            both = [r for r in m1 if cond[c2][0](r)]
            if len(m1) < 2 or len(m2) < 2 or len(both) != 1:
                continue
            w = both[0]["code"]
            if sp[w] != s or (w, "filter") in used:
                continue
            q = rnd.choice(["Which catalogued currency {a} and {b}?", "Name the one currency in this catalogue that {a} and {b}.",
                            "I am looking for the currency here that {a} and {b}. Which is it?"])
            q = q.format(a=cond[c1][1], b=cond[c2][1])
            g = ident(both[0])
            if any(in_question(q, x) for x in g) or not gold_safe(q, g, "filter") or not names_safe(q, g, every, "filter"):
                continue
            add(q, g, "filter", [both[0]["id"]], "filter", where={c1: True, c2: True}, candidates=[w])
            used.add((w, "filter"))
        tries = 0
        among = sorted(cond)
        while kinds("filter-among") < mix["filter-among"] and tries < 5000:
            tries += 1
            c = among[tries % len(among)]
            cands = rnd.sample(codes, 4)
            hits = [x for x in cands if cond[c][0](by[x])]
            if len(hits) != 1 or any((x, "filter-" + c) in used for x in cands) or (hits[0], "filter") in used:
                continue
            if cands[-1] == hits[0]:
                cands[0], cands[-1] = cands[-1], cands[0]
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these currencies {c}: {l}?", "Among {l}, which {c}?"])
            q = q.format(l=", ".join(cands), c=cond[c][1])
            gold = hits[0]
            if not hedge_safe(q, cands, gold) or not names_safe(q, [gold], every, "filter"):
                continue
            add(q, [gold], "filter", [by[gold]["id"]], "filter-among", options=list(cands), where={c: True},
                candidates=list(cands))
            used.update((x, "filter-" + c) for x in cands)
            used.add((gold, "filter"))
        # unanswerables: left-out currencies, then fields no page states
        for m in ABSENT[s]:
            for q in ABSENT_QUESTIONS[m]:
                if kinds("absent-currency") < ABSENT_MIX[s]:
                    add(q, [], "unanswerable", [], "absent-currency", code=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(codes)
        rnd.shuffle(pages)
        i = 0
        while count("unanswerable") < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            q, nref = fill(ABSENT_FIELDS[f][0], by[n], "absent" + f)
            add(q, [], "unanswerable", [], "absent-field", field=f, code=n, ref=nref)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c26-{s}-{j:03d}", **it}
    return out


def qa_text(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def build(force: bool) -> None:
    snap = load_snapshot()
    recs = snap["records"]
    exists = (CORPUS.exists() and any(CORPUS.iterdir())) or (OUT / "test.jsonl").exists()
    if exists and not force:
        sys.exit(f"{CORPUS} or the question files exist (committed); pass --force to render them again")
    for old in CORPUS.iterdir() if CORPUS.exists() else []:
        old.unlink()
    CORPUS.mkdir(parents=True, exist_ok=True)
    for rel, text in render_all(snap).items():
        (CORPUS / rel).write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    (OUT / "dev.jsonl").write_text(qa_text(qs["dev"]), encoding="utf-8")
    (OUT / "test.jsonl").write_text(qa_text(qs["test"]), encoding="utf-8")  # last
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    sp = split_pages(recs)
    print(f"{len(recs)} pages (dev {sum(v == 'dev' for v in sp.values())}) and {len(snap['register'])} register rows; "
          f"layouts {dict(Counter(layout(r) for r in recs))}")
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


def _word(s: str) -> str:
    return r"(?<![\w@+])" + r"\s+".join(re.escape(w) for w in s.split()) + r"(?![\w@])"


def absent_patterns(code: str, snap: dict, facts: dict) -> list[str]:
    """A left-out currency as its code, its ISO name, its numeric code, each symbol its locales write and
    each of its locales."""
    e = snap["iso4217"][code]
    out = [_word(code), _word(e["name"]), r"(?<![\w+])0*" + str(int(e["numeric"])) + r"(?!\w)"]
    locs = sorted(n for n, f in facts.items() if f["code"] == code)
    for s in sorted({facts[n]["symbol"] for n in locs}):
        out.append(re.escape(s) if sign_char(s) else r"(?<!\w)" + re.escape(s) + r"(?!\w)")
    out += [_word(n) for n in locs]
    return out


def unanswerable_pattern(q: dict, snap: dict, facts: dict) -> tuple[str, str]:
    if q["kind"] == "absent-currency":
        e = snap["iso4217"][q["code"]]
        return "|".join(f"(?:{p})" for p in absent_patterns(q["code"], snap, facts)), \
            f"{q['code']} ({e['name']}) has numeric code {e['numeric']}."
    _, pat, made_up = ABSENT_FIELDS[q["field"]]
    return pat, made_up


def page_values(r: dict, snap: dict, names: dict) -> list[str]:
    """What a page must state (as text, case-insensitive): every value of its record, and in the sheet and
    card layouts also the wording of their labelled cells."""
    vals = [r["code"], r["name"], r["numeric"], str(len(r["locales"])), str(r["territories"]), str(r["languages"]),
            intl_text(r), int_text(r)]  # fmt: skip
    if r["shares"]:
        vals += [shares_text(r, names)] if layout(r) != "prose" else [f"{o} ({names[o]})" for o in links(r)]
    vals += r["locales"] + [f'{a} (copy "{b}")' for a, b in r["copies"]] + group_values(r, snap)
    if r["copies"]:
        vals.append(str(len(r["copies"])))
    if layout(r) != "prose":
        vals += [b for _, b in rows(r, snap, names)]
        vals += [groups_text(r, k, snap) for k in ("symbol", "precedes", "space", "digits", "decimal", "thousands",
                                                   "grouping")]
    vals += [str(v) for v in front_values(r).values() if not isinstance(v, bool) and v != "varies"
             and not (v == 0 and not r["copies"])]
    return vals


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = snap["records"]
    by = {r["code"]: r for r in recs}
    names = {c: r["name"] for c, r in by.items()}
    facts = all_facts(snap)
    reg = {row["id"]: row for row in snap["register"]}
    every = everyone(snap, facts)
    did = {c: r["id"] for c, r in by.items()}
    code_of = {v: k for k, v in did.items()}
    sp = split_pages(recs)
    cond = conditions()
    results: list[tuple[str, list[str]]] = []
    # 1. snapshot -> files
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*") if p.is_file()}
    bad = [f"{k}: differs or missing" for k in pages if on_disk.get(k) != pages[k]]
    bad += [f"{k}: not rendered from the snapshot" for k in on_disk if k not in pages]
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages) - 1} pages and {REGISTER})", bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    # 2. records against the stored values (and this machine, only where it has the same files)
    read_recs = {r["code"]: r for r in all_records(snap)}
    bad = [f"{r['code']}: record differs from the stored values" for r in recs if r != read_recs.get(r["code"])]
    bad += [] if snap["register"] == register_rows(snap) else ["register rows differ from the stored values"]
    bad += [f"{x}: read twice" for x, c in Counter(READ).items() if c > 1]
    bad += [f"{x}: read but not in the ISO table or used by no locale" for x in READ
            if x not in snap["iso4217"] or not read_recs[x]["locales"]]
    bad += [f"{x}: in NOT_READ and READ, or not an ISO currency with locales" for x in NOT_READ
            if x in READ or x not in snap["iso4217"] or not any(f["code"] == x for f in facts.values())]
    with_locales = {f["code"] for f in facts.values() if f["code"] in snap["iso4217"]} - {"XDR"}
    bad += [] if with_locales == set(READ) | set(NOT_READ) else ["READ and NOT_READ are not the ISO currencies with locales"]
    bad += [f"{m}: ABSENT but catalogued or not read" for m in absent_codes() if m in by or m not in READ]
    bad += [] if [r["code"] for r in recs] == catalogued_codes() else ["records are not READ less ABSENT"]
    bad += [f"{r['code']} names {x}, which has no page" for r in recs for x in links(r) if x not in by]
    same = []
    try:
        p = Path(ISO_PATH)
        if p.is_file() and hashlib.sha256(p.read_bytes()).hexdigest() == snap["files"]["iso_4217"]["sha256"]:
            same.append("iso_4217.json")
            again = {e["alpha_3"]: {"numeric": e["numeric"], "name": e["name"]} for e in json.loads(p.read_bytes())["4217"]}
            bad += [] if again == snap["iso4217"] else ["iso_4217.json parsed again differs"]
        n_same = 0
        for name, src in snap["locales"].items():
            p = Path(LOCALES_DIR) / name
            if p.is_file() and hashlib.sha256(p.read_bytes()).hexdigest() == src["sha256"]:
                n_same += 1
                again = parse_locale(p.read_text(encoding="utf-8"))
                if {k: src[k] for k in again} != again:
                    bad.append(f"{name}: differs when parsed again")
        if n_same:
            same.append(f"{n_same} locale sources")
    except Exception as e:  # noqa: BLE001
        bad.append(f"reading again: {e}")
    results.append((f"records are the {len(recs)} of {len(READ)} currencies read not ABSENT, and the register the "
                    f"{len(reg)} locales of theirs, equal to those computed from the stored values "
                    f"({'read again: ' + ', '.join(same) if same else 'other files here: the snapshot alone'}); "
                    "every currency a page names has a page", bad))
    # 3. the corpus
    found_c, problems = scan_corpus(CORPUS)
    docs, load_bad = {}, []
    for f in found_c:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    bad = [str(p) for p in problems] + load_bad
    bad += [] if len(docs) == len(recs) + len(reg) else [f"{len(docs)} != {len(recs)} + {len(reg)}"]
    bad += [i for i in docs if i not in set(did.values()) and i.removeprefix("locales#") not in reg]
    bad += [c for c in by if did[c] not in docs or docs[did[c]].title != f"{by[c]['name']} ({c})"
            or any(docs[did[c]].metadata.get(k) != v for k, v in front_values(by[c]).items())]
    for n, row in reg.items():
        d = docs.get(f"locales#{n}")
        if d is None or d.title != row["title"] or any(d.metadata.get(k) != row[k] for k in REGISTER_FIELDS[2:]) \
                or any(f"{k.replace('_', ' ')}: {row[k]}" not in d.text for k in REGISTER_FIELDS):
            bad.append(f"locales#{n}: register row")
    results.append((f"corpus scans with no problems and loads {len(docs)} documents: {len(recs)} pages titled "
                    f"\"<name> (<code>)\" with their front matter, {len(reg)} register rows with their fields", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    known = set(snap["iso4217"]) | {f["code"] for f in facts.values() if f["code"]}
    bad = []
    for c, r in by.items():
        t = low[did[c]]
        bad += [f"{c}: {v!r} not in the body" for v in page_values(r, snap, names) if v.lower() not in t]
        golds = [g for k in SINGLE if single_ok(r, k, snap) for g in single_golds(r, k, snap, by)]
        golds += [g for k in HOP_FIELD for g in (hop_golds(r, k, snap) or [])] + ident(r)
        golds += [v for k in ("rev-numeric", "rev-symbol", "rev-codepoint") for v, _ in rev_cues(r, k, facts, reg)]
        bad += [f"{c}: gold form {g!r} not in the page tokens" for g in golds
                if not contains_tokens(ftoks[did[c]], answer_tokens(g))]
        bad += [f"{c}: names {x}, which has no page" for x in set(re.findall(r"\b[A-Z]{3}\b", full[did[c]]))
                if x in known and x not in by]
        bad += [f"{c}: names locale {x}, which has no register row" for x in r["locales"] + [b for _, b in r["copies"]]
                if x not in reg]
        for k in ("rev-territory", "rev-language"):
            for v, ev in rev_cues(r, k, facts, reg):
                if not contains_tokens(ftoks[ev[0]], answer_tokens(v)) or \
                        not all(contains_tokens(ftoks[ev[0]], answer_tokens(g)) for g in ident(r)):
                    bad.append(f"{ev[0]}: cue or currency not in the register row")
    results.append(("every field of the record (and of its front matter) is stated in its page body (every gold "
                    "form and reverse cue as tokens); every currency a page names has a page, every locale a "
                    "register row", bad))
    lay = Counter(layout(r) for r in recs)
    results.append((f"three layouts {dict(lay)}", [] if len(lay) == 3 and min(lay.values()) >= len(recs) // 3 - 1 else ["uneven"]))
    # 4. the QA files
    items, rows_, bad = {}, {}, []
    for s in ("dev", "test"):
        try:
            rows_[s] = [json.loads(x) for x in (OUT / f"{s}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
            items[s] = load_qa(OUT / f"{s}.jsonl", corpus_ids=set(docs))
        except Exception as e:  # noqa: BLE001
            bad.append(f"{s}: {e}")
    results.append(("every line parses and load_qa reads both splits with the corpus ids", bad))
    if bad:
        return report(results)

    def page_of(ev: str) -> str:
        """The currency a document belongs to (a register row: its currency)."""
        return reg[ev.split("#", 1)[1]]["currency"] if ev.startswith("locales#") else code_of[ev]

    idb, gold_in, gold_ok, cmpw, abst = [], [], [], [], []
    ids = Counter(it.id for s in items for it in items[s])
    idb += [f"{i} twice" for i, c in ids.items() if c > 1]
    sources = ["It is an ISO 4217 currency.", "See the glibc locale sources.", "The iso-codes package lists it.",
               "It is in the catalogue."]  # fmt: skip
    for s in items:
        row_of = {r["id"]: r for r in rows_[s]}
        for it in items[s]:
            q = row_of[it.id]
            if not re.fullmatch(rf"c26-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or it.meta.get("kind") == "filter-among"):
                idb.append(f"{it.id}: options")
            if it.type == "multi_hop" and len(set(it.evidence)) != 2:
                idb.append(f"{it.id}: a chain needs two documents")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("2", "EUR", "Euro", "before", "comma", unanswerable_pattern(q, snap, facts)[1]):
                    if is_correct(it, made_up, False):
                        abst.append(f"{it.id}: {made_up!r} scores correct")
                continue
            if is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores correct on an answerable item")
            g0 = it.answers[0]
            last = it.evidence[-1]
            holds = [last] if it.type == "multi_hop" else it.evidence  # a chain ends where its answer is
            for g in it.answers:
                if not any(contains_tokens(ftoks[e], answer_tokens(g)) for e in holds):
                    gold_in.append(f"{it.id}: {g!r} not in the evidence tokens")
                if not is_correct(it, g, False) or not is_correct(it, f"The answer is {g}.", False):
                    gold_ok.append(f"{it.id}: {g!r}")
                if g.strip().lower() in ("none", "yes", "no", "true", "false", "nothing", "n/a", "0"):
                    gold_ok.append(f"{it.id}: bare {g!r}")
            if not any(g0.lower() in low[e] for e in holds):
                gold_in.append(f"{it.id}: {g0!r} not in the evidence text")
            if not it.options:
                gold_ok += [f"{it.id}: {g!r} is given away by the question" for g in it.answers
                            if contains_tokens(answer_tokens(it.question), answer_tokens(g))]
            gold_ok += [f"{it.id}: {t!r} scores correct" for t in sources if is_correct(it, t, False)]
            if g0.isdigit() and is_correct(it, str(int(g0) + 1), False):
                gold_ok.append(f"{it.id}: near miss scores correct")
            k = q["kind"]
            r = by[page_of(last if it.type != "comparison" else it.evidence[it.options.index(g0)])]
            golds_tok = [answer_tokens(g) for g in it.answers]
            if it.type in ("single_hop", "multi_hop"):
                gold_ok += [f"{it.id}: the page's other value {x!r} scores correct"
                            for x in sorted(others_of(r, recs, snap, by))
                            if answer_tokens(x) not in golds_tok and is_correct(it, x, False)]
            if k.startswith("hop-"):
                first = it.evidence[0]
                own = ident(by[page_of(first)]) if k == "hop-symbol" else ident(r) + [first.split("#")[1]]
                if k == "hop-symbol":
                    own += hop_golds(by[page_of(first)], q["field"], snap) or []
                gold_ok += [f"{it.id}: the first document's {g!r} scores correct" for g in own
                            if answer_tokens(g) not in golds_tok and is_correct(it, g, False)]
            if it.options:
                if g0 not in it.options:
                    cmpw.append(f"{it.id}: gold not an option")
                if it.options[-1] in it.answers and k == "filter-among":
                    cmpw.append(f"{it.id}: gold listed last")
                for w in (o for o in it.options if o != g0):
                    for t in (w, f"{w} does.", f"The answer is {w}.", f"{g0} or {w}", f"{w} or {g0}", f"{g0} and {w}."):
                        if is_correct(it, t, False):
                            cmpw.append(f"{it.id}: {t!r} scores correct")
                if is_correct(it, and_list(it.options), False):
                    cmpw.append(f"{it.id}: listing every option scores correct")
            if it.type in ("reverse", "filter"):
                cmpw += [f"{it.id}: {o} scores correct" for o in every
                         if answer_tokens(o) not in golds_tok and is_correct(it, o, False)]
    results += [("ids c26-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables, two on chains), "
                 "options where due", idb),
                ("every gold occurs in its last evidence document as accuracy tokens, the first also as text", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question; no bare yes/no/none/0 "
                 "gold; a sentence citing the source, number + 1, the page's other numbers and texts, the "
                 "catalogue's codes, names and numeric codes and (chains) the first document's currency and values "
                 "score wrong", gold_ok),
                ("wrong options, hedges and every other currency code and name score wrong (reverse, filter: all "
                 f"{len(every)}); filter-among gold never last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 5. facts against the snapshot
    fct = []
    for s in rows_:
        for q in rows_[s]:
            k = q["kind"]
            if q["type"] == "single_hop":
                r = by[code_of[q["evidence"][0]]]
                if not single_ok(r, k, snap) or single_golds(r, k, snap, by) != q["answers"]:
                    fct.append(f"{q['id']}: gold differs from the snapshot")
            elif k.startswith("hop-"):
                via, t = k[4:], by[q["target"]]
                if via == "symbol":
                    ok = links(by[q["via"]]) == [q["target"]] and q["evidence"] == [did[q["via"]], t["id"]]
                else:
                    f = facts[q["via"]]
                    ok = only_locale(facts, via, f[via]) == q["via"] and f["code"] == q["target"] and \
                        q["evidence"] == [f"locales#{q['via']}", t["id"]] and q["ref"] == f[via]
                ok = ok and hop_golds(t, q["field"], snap) == q["answers"] and q["field"] in HOP_ALLOWED[via] and \
                    q["ref"].lower() in q["question"].lower()
                if not ok:
                    fct.append(f"{q['id']}: the chain does not reach its target")
            elif q["type"] == "reverse":
                r = by[page_of(q["evidence"][0])]
                v = q["value"]
                if k == "rev-numeric":
                    owners = [c for c, e in snap["iso4217"].items() if e["numeric"] == v]
                elif k in ("rev-symbol", "rev-codepoint"):
                    owners = sorted({f["code"] for f in facts.values() if (cps(f["symbol"]) if k == "rev-codepoint"
                                                                          else f["symbol"]) == v})
                else:
                    key = "territory" if k == "rev-territory" else "language"
                    owners = sorted({f["code"] for f in facts.values() if f[key] == v})
                if owners != [r["code"]] or (v, q["evidence"]) not in rev_cues(r, k, facts, reg) or \
                        q["answers"] != ident(r) or v not in q["question"]:
                    fct.append(f"{q['id']}: the cue does not single out its currency")
            elif q["type"] == "comparison":
                tpl, f, pick = CMP[k]
                a, b = q["candidates"]
                fa, fb = f(by[a]), f(by[b])
                win = a if fa is not None and fb is not None and pick(fa, fb) == fa else b
                if fa is None or fb is None or fa == fb or q["target"] != win or q["options"] != [a, b] or \
                        q["answers"] != [win]:
                    fct.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                hit = [x["code"] for x in recs if all(cond[c][0](x) == v for c, v in q["where"].items())]
                each = [sum(cond[c][0](x) == v for x in recs) for c, v in q["where"].items()]
                if hit != q["candidates"] or q["answers"] != ident(by[hit[0]]) or min(each) < 2:
                    fct.append(f"{q['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = q["where"].items()
                if [x for x in q["candidates"] if cond[c][0](by[x]) == v] != q["answers"] or \
                        q["options"] != q["candidates"]:
                    fct.append(f"{q['id']}: filter-among")
    results.append(("facts agree with snapshot.json (values, chains, unique cues, winners, filters)", fct))
    # 6. split separation, unanswerables

    def pages_of(s):
        out = set()
        for q in rows_[s]:
            out |= {page_of(e) for e in q["evidence"]} | set(q.get("candidates", []))
            out |= {q[k] for k in ("target", "via") if q.get(k) in by}
            if q["type"] == "single_hop":
                out |= set(single_related(by[code_of[q["evidence"][0]]], q["kind"]))
            if q["kind"] == "absent-field":
                out.add(q["code"])
        return out

    sep = [f"{p} asked in both splits" for p in pages_of("dev") & pages_of("test")]
    sep += [f"{s}: {p} is a {('dev', 'test')[s == 'dev']} page" for s in rows_ for p in pages_of(s) if sp[p] != s]
    sep += [f"{r['code']} ({sp[r['code']]}) names {x} ({sp[x]})" for r in recs for x in links(r) if sp[x] != sp[r["code"]]]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    for s in rows_:
        qn = Counter(" ".join(answer_tokens(it.question)) for it in items[s])
        sep += [f"{s}: {x!r} twice" for x, c in qn.items() if c > 1]
    ab = {s: {q.get("code") for q in rows_[s] if q["kind"] == "absent-currency"} for s in rows_}
    sep += sorted(ab["dev"] & ab["test"])
    sep += [f"{s}: absent currency {m} not of this split" for s in rows_ for m in ab[s] if m not in ABSENT[s]]
    for s in rows_:
        asked = Counter()
        for q in rows_[s]:
            if q["type"] == "single_hop":
                c = code_of[q["evidence"][0]]
                asked[(c, q["kind"])] += 1
                for x in single_related(by[c], q["kind"]):
                    asked[rel_key(c, x)] += 1
            if q["kind"].startswith("hop-"):
                asked[(q["target"], "hop-" + q["field"])] += 1
                asked[("start", q["evidence"][0])] += 1
                if q["kind"] == "hop-symbol":
                    asked[rel_key(q["via"], q["target"])] += 1
            if q["type"] == "reverse":
                asked[(page_of(q["evidence"][0]), "reverse")] += 1
            for e in q["evidence"]:
                if e.startswith("locales#"):
                    asked[("register", e)] += 1
        sep += [f"{s}: {k} asked {c} times" for k, c in asked.items() if c > 1]
    n_dev = sum(v == "dev" for v in sp.values())
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by link group (register rows with their currency): no "
                    "link crosses the splits, no page asked about in both splits, a fact or relation asked once per "
                    "split, no absent currency in both, no question repeated", sep))
    un = []
    texts = dict(on_disk)
    for m in absent_codes():
        for pat in absent_patterns(m, snap, facts):
            hits = [p for p, t in texts.items() if re.search(pat, t, re.I)]
            if hits:
                un.append(f"ABSENT {m} {pat!r}: on {hits[:3]}")
        if any(m in [o for o, _ in r["shares"]] for r in recs):
            un.append(f"ABSENT {m}: named as sharing a symbol")
    for s in rows_:
        for q in rows_[s]:
            if q["type"] != "unanswerable":
                continue
            m = q.get("code")
            if q["kind"] == "absent-currency" and (m not in ABSENT[s] or not (
                    m in q["question"] or snap["iso4217"][m]["numeric"] in q["question"])):
                un.append(f"{q['id']}: absent currency")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or m not in by
                                                or q["ref"].lower() not in q["question"].lower()
                                                or q["ref"] not in refs(by[m])):
                un.append(f"{q['id']}: absent field")
            pat, made_up = unanswerable_pattern(q, snap, facts)
            if not re.search(pat, made_up, re.I):
                un.append(f"{q['id']}: the pattern misses its own made-up answer")
            hits = [p for p, t in texts.items() if re.search(pat, t, re.I)]
            if hits:
                un.append(f"{q['id']}: pattern {pat!r} matches {hits[:3]}")
    for f, (_, pat, made_up) in ABSENT_FIELDS.items():
        if not re.search(pat, made_up, re.I) or any(re.search(pat, t, re.I) for t in texts.values()):
            un.append(f"ABSENT_FIELDS {f}: pattern dead or on a page")
    results.append(("unanswerables: each pattern matches its made-up answer and no corpus file (left-out "
                    "currencies: code, ISO name, numeric code, symbols and locales on no page or register row)", un))
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
