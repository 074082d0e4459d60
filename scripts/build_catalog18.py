"""Build the catalog18 evaluation corpus: languages of this machine's ISO 639-3 table (iso-codes).

    PYTHONPATH=src python scripts/build_catalog18.py snapshot [--force]  # /usr/share/iso-codes/json -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog18.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog18.py check               # loader + scorer + fact checks, no model

`snapshot` reads the ISO 639 tables of this machine's iso-codes (`/usr/share/iso-codes/json/`:
iso_639-3.json, iso_639-2.json, iso_639-5.json and the script table iso_15924.json): for every
ISO 639-3 entry its code, reference name, inverted name, scope, type and two-letter code (`index`,
for the relations between entries and for the checks). For the languages named in CHOSEN it also
keeps the raw entries (`raw`: the language's ISO 639-3 entry, its ISO 639-2 entry, the ISO 639-5
collective code named "<name> languages" and the ISO 15924 script of exactly the same name, each
as the JSON object the file holds, or null), and the record made from them: codes (639-3, 639-1,
639-2 and its bibliographic code), names (reference, inverted, common, ISO 639-2's), scope and
type, the entry its inverted name is listed under (the part before the comma, when that is
another entry's reference name), how many entries of the whole table are listed under its own
name, and the same-named script and collective code. Written to `evalsets/catalog18/snapshot.json`
(committed; `snapshot` refuses to overwrite it without --force): another machine ships another
iso-codes, so the committed snapshot is the source of the corpus.

`build` renders one markdown page per language from snapshot.json alone, `<id>.md` (the reference
name with accents folded, lower case, every run of characters other than a-z and 0-9 as `-`),
titled `# <name>`, with YAML front matter (code, scope, type, iso639_1) and a body in one of
three layouts dealt in turn in the order of sha256("catalog18:<id>"): `ledger` (a
`| Field | Value |` table), `narrative` (prose paragraphs, wording varied per page) or
`fieldlist` (headed sections of `Label: value` bullets). Then it generates dev.jsonl and
test.jsonl from the snapshot (seeded, SEED) and writes test.jsonl.sha256. It refuses to
overwrite corpus/ or the question files without --force.

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
OUT = ROOT / "evalsets" / "catalog18"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
ISO = Path("/usr/share/iso-codes/json")
# file -> the key of its list
FILES = {"iso_639-3.json": "639-3", "iso_639-2.json": "639-2", "iso_639-5.json": "639-5", "iso_15924.json": "15924"}
SEED = 18

# 88 of the 7910 ISO 639-3 entries. 61 come in groups: a language and one or two others whose
# inverted name is listed under its name ("Arabic, Moroccan" under Arabic), for two-page chains;
# 27 stand alone (constructed and ancient languages, special codes, a common name, ISO 639-2
# alternative names). Every entry a chosen one is listed under is chosen too.
CHOSEN = [
    "ara", "ary", "arz", "zho", "cmn", "yue", "eng", "ang", "enm", "deu", "goh", "gsw", "fas", "peo", "pes",
    "gle", "sga", "pgl", "sqi", "als", "aln", "hit", "oht", "nei", "que", "quz", "mon", "cmg", "khk", "bod",
    "xct", "khm", "okz", "xhm", "pmm", "pej", "peq", "yid", "yih", "syr", "syc", "heb", "hbo", "tam", "oty",
    "cor", "cnx", "oco", "cym", "owl", "kyl", "nrt", "sxk", "mkd", "xmk", "zap", "xzp", "hye", "xcl", "dan",
    "rmd",
    "epo", "vol", "jbo", "tlh", "tok", "zbl", "ile", "sux", "akk", "got", "uga", "lat", "san", "ave", "xlc",
    "phn", "txg", "cop", "chr", "vai", "chu", "zxx", "und", "ben", "cat", "ron", "msa",
]  # fmt: skip

# ISO 639-3 entries NOT catalogued (checked: their names are on no page and hold no catalogued
# name), for unanswerable questions; each split takes its own.
ABSENT = ["Basque", "Icelandic", "Etruscan", "Elamite", "Pali", "Maltese", "Zulu", "Slovak", "Navajo", "Hawaiian",
          "Ido", "Novial", "Manx", "Interlingua (International Auxiliary Language Association)"]  # fmt: skip
ABSENT_SPLIT = {"dev": 4, "test": 6}
ABSENT_QUESTIONS = ["What is the ISO 639-3 code of {n}?",
                    "Which type (living, extinct, ancient, ...) does ISO 639-3 give {n}?",
                    "What two-letter ISO 639-1 code does the catalogue give {n}?",
                    "Which bibliographic code does ISO 639-2 assign to {n}?",
                    "Under which inverted name does the ISO 639-3 table list {n}?"]  # fmt: skip

# What these pages never state about a language: (question, a pattern no page may match, a
# made-up answer that the pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "speakers": ("How many speakers does {n} have?",
                 r"\bspeakers?\b|\bmillions?\b|\bspoken\b|\bpeople\b", "About 5 million people speak it."),
    "family": ("To which language family does {n} belong?",
               r"\bfamil(y|ies)\b|indo-european|sino-tibetan|afro-asiatic|\bbranch\b|\buralic\b|\bsemitic\b",
               "It belongs to the Indo-European family."),
    "country": ("In which country is {n} mainly used?",
                r"\bcountr(y|ies)\b|\bofficial\b|\bregion\b|\bnational\b", "It is mainly used in one country, Peru."),
    "glottolog": ("What is the Glottolog code (Glottocode) of {n}?", r"glotto|\b[a-z]{4}\d{4}\b",
                  "Its Glottocode is stan1293."),
    "added": ("In which year was the code of {n} added to ISO 639-3?",
              r"\badded\b|\bintroduced\b|\bcreated\b|\bsince\b|\bassigned in\b", "It was added in 2007."),
    "egids": ("What EGIDS vitality level does Ethnologue give {n}?",
              r"egids|ethnologue|\bvitality\b|\bendangered\b|\bvigorous\b", "Ethnologue rates it 6a (vigorous)."),
    "wordorder": ("What is the basic word order of {n}?", r"word order|\bsvo\b|\bsov\b|\bvso\b|\bverbs?\b",
                  "Its basic word order is SOV."),
    "dialects": ("How many dialects of {n} are there?", r"\bdialects?\b|\bvariet(y|ies)\b", "It has 4 dialects."),
    "wikipedia": ("What is the address of the Wikipedia article on {n}?", r"wikipedia|https?://|\bwww\.",
                  "It is https://en.wikipedia.org/wiki/Gothic_language."),
    "iso6396": ("What is the ISO 639-6 code of {n}?", r"639-6", "Its ISO 639-6 code is gotc."),
    "direction": ("Is {n} written from right to left or from left to right?",
                  r"right[- ]to[- ]left|left[- ]to[- ]right|\bdirection\b|\brtl\b", "It is written right to left."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
N_DEV_PAGES = 35
CAP = {"dev": 3, "test": 4}  # the most single-hop questions of one kind
CAP_REVERSE = {"dev": 2, "test": 3}  # the most reverse questions of one kind
HOP_NAMED = {"dev": 2, "test": 3}  # chains started from a named language; the rest start from its code
LAYOUTS = ("ledger", "narrative", "fieldlist")
SCOPES = {"I": "individual", "M": "macrolanguage", "S": "special"}
TYPES = {"L": "living", "E": "extinct", "A": "ancient", "H": "historical", "C": "constructed", "S": "special"}
# codes that are English words or common names: never a gold on their own ("It is per ISO ...")
CODE_WORDS = {"it", "no", "in", "us", "be", "at", "is", "to", "as", "on", "or", "an", "am", "me", "my", "so", "do",
              "go", "he", "we", "hi", "by", "of", "up", "if", "id", "ca", "ie", "la", "ta", "de", "da", "ms", "sa",
              "km", "cat", "per", "arm", "rum", "may", "mac", "hit", "got", "owl", "cop", "ave", "ben", "dan", "ron",
              "mon", "und", "san", "lat", "pes", "tang", "thai", "vai", "new", "war", "fan", "men",
              "bin", "sun", "tam", "nor", "pan", "bod", "cor", "tok", "ile", "dut", "arab", "neo", "nei", "als",
              "sga", "vol", "ara", "copt"}  # fmt: skip
# numbers inside the standards' names: a numeric gold among them would be matched by any answer
# that cites "ISO 639-3"
STANDARD_NUMBERS = {"1", "2", "3", "5", "639", "15924"}

# ------------------------------------------------------------------ reading the source


def read_file(name: str) -> tuple[list[dict], str]:
    raw = (ISO / name).read_bytes()
    return json.loads(raw.decode("utf-8"))[FILES[name]], hashlib.sha256(raw).hexdigest()


def index_row(e: dict) -> str:
    """One ISO 639-3 entry as a line: code|name|inverted name|scope|type|two-letter code."""
    return "|".join([e["alpha_3"], e["name"], e.get("inverted_name", ""), e["scope"], e["type"], e.get("alpha_2", "")])


def parse_index(index: list[str]) -> list[dict]:
    keys = ("code", "name", "inverted", "scope", "type", "alpha_2")
    return [dict(zip(keys, row.split("|"))) for row in index]


def head_of(inverted: str) -> str | None:
    """The part of an inverted name before its first comma ("Arabic, Moroccan" -> "Arabic")."""
    return inverted.split(", ")[0] if ", " in inverted else None


def make_record(code: str, raw: dict, index: list[dict], chosen: list[str]) -> dict:
    e3, e2, e5, s = raw["639-3"], raw["639-2"], raw["639-5"], raw["15924"]
    name = e3["name"]
    by_name = {x["name"]: x for x in index}
    inv = e3.get("inverted_name")
    h = head_of(inv) if inv else None
    head = [by_name[h]["code"], h] if h in by_name and by_name[h]["code"] != code else None
    under = [x for x in index if x["inverted"] and head_of(x["inverted"]) == name and x["code"] != code]
    return {
        "code": code, "label": name, "alpha_2": e3.get("alpha_2"),
        "iso639_2": e2["alpha_3"] if e2 else None,
        "bibliographic": (e2 or {}).get("bibliographic"),
        "names_639_2": [x.strip() for x in e2["name"].split(";")] if e2 else [],
        "inverted": inv, "common": e3.get("common_name"),
        "scope": SCOPES[e3["scope"]], "scope_code": e3["scope"], "type": TYPES[e3["type"]], "type_code": e3["type"],
        "head_word": h, "head": head,
        "listed": len(under), "listed_here": [[x["code"], x["name"]] for x in under if x["code"] in chosen],
        "script": [s["alpha_4"], s["numeric"], s["name"]] if s else None,
        "collective": [e5["alpha_3"], e5["name"]] if e5 else None,
    }  # fmt: skip


def scan() -> dict:
    data, digests = {}, {}
    for name in FILES:
        data[name], digests[name] = read_file(name)
    e3 = {e["alpha_3"]: e for e in data["iso_639-3.json"]}
    e2 = {e["alpha_3"]: e for e in data["iso_639-2.json"]}
    e5 = {e["name"]: e for e in data["iso_639-5.json"]}
    scripts = {e["name"]: e for e in data["iso_15924.json"]}
    index = [index_row(e) for e in data["iso_639-3.json"]]
    raws = {c: {"639-3": e3[c], "639-2": e2.get(c), "639-5": e5.get(e3[c]["name"] + " languages"),
                "15924": scripts.get(e3[c]["name"])} for c in CHOSEN}  # fmt: skip
    rows = parse_index(index)
    recs = sorted((make_record(c, raws[c], rows, CHOSEN) for c in CHOSEN), key=lambda r: r["label"].lower())
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
    return int(hashlib.sha256(f"catalog18:{salt}{key}".encode()).hexdigest(), 16)


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


def scope_text(r: dict) -> str:
    return f"{r['scope']} ({r['scope_code']})"


def type_text(r: dict) -> str:
    return f"{r['type']} ({r['type_code']})"


def bib_text(r: dict) -> str:
    if not r["iso639_2"]:
        return "none (not in ISO 639-2)"
    return r["bibliographic"] or f"none separate (the same as the terminology code {r['iso639_2']})"


def head_text(r: dict) -> str:
    if not r["inverted"]:
        return "none (no inverted name)"
    if r["head"]:
        return f"{r['head'][1]} (the reference name of another catalogued language)"
    return f"none (the part before the comma, {r['head_word']}, is no ISO 639-3 reference name)"


def script_text(r: dict) -> str:
    return f"{r['script'][0]} ({r['script'][2]}), numeric code {r['script'][1]}" if r["script"] else "none"


def collective_text(r: dict) -> str:
    return f"{r['collective'][0]} ({r['collective'][1]})" if r["collective"] else "none"


def listed_here_text(r: dict) -> str:
    return "; ".join(n for _, n in r["listed_here"]) or "none"


def front_matter(r: dict) -> str:
    return ("---\n" f"code: {json.dumps(r['code'])}\n" f"scope: {json.dumps(r['scope'])}\n"
            f"type: {json.dumps(r['type'])}\n" f"iso639_1: {json.dumps(r['alpha_2'] or 'none')}\n" "---\n")  # fmt: skip


def front_values(r: dict) -> dict:
    text = front_matter(r)
    return {ln.split(": ", 1)[0]: json.loads(ln.split(": ", 1)[1]) for ln in text.splitlines() if ": " in ln}


def render(r: dict, version: str) -> str:
    n, kind, w = r["label"], layout(r), _h(doc_id(r), "w")
    head = front_matter(r) + f"\n# {n}\n\n"
    src = f"iso_639-3.json (iso-codes {version})"
    prefix = f'"{n}, "'
    if kind == "ledger":
        rows = [("Language (ISO 639-3 reference name)", n), ("ISO 639-3 code", r["code"]),
                ("ISO 639-1 code (two letters)", r["alpha_2"] or "none"), ("Source", src),
                ("In ISO 639-2", f"yes, terminology code {r['iso639_2']}" if r["iso639_2"] else "no"),
                ("ISO 639-2 bibliographic (B) code", bib_text(r)),
                ("ISO 639-2 names", "; ".join(r["names_639_2"]) or "none"),
                ("Scope", scope_text(r)), ("Type", type_text(r)),
                ("Inverted name", r["inverted"] or "none"), ("Common name", r["common"] or "none"),
                ("Listed under", head_text(r)),
                (f"ISO 639-3 entries with an inverted name beginning {prefix}", str(r["listed"])),
                ("Catalogued languages listed under it", listed_here_text(r)),
                ("ISO 15924 script of the same name", script_text(r)),
                ("ISO 639-5 collective code named after it", collective_text(r))]  # fmt: skip
        return head + "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + "\n"
    if kind == "fieldlist":
        out = ["## Codes", f"- Reference name: {n}", f"- ISO 639-3: {r['code']}",
               f"- ISO 639-1: {r['alpha_2'] or 'none'}",
               f"- ISO 639-2 (terminology): {r['iso639_2'] or 'none (not in ISO 639-2)'}",
               f"- ISO 639-2 (bibliographic): {bib_text(r)}", f"- Source: {src}", "", "## Classification",
               f"- Scope: {scope_text(r)}", f"- Type: {type_text(r)}", "", "## Names",
               f"- Inverted name: {r['inverted'] or 'none'}", f"- Common name: {r['common'] or 'none'}"]
        out += [f"- ISO 639-2 name: {x}" for x in r["names_639_2"]] or ["- ISO 639-2 name: none"]
        out += [f"- ISO 639-2 name count: {len(r['names_639_2'])}", "", "## Related entries",
                f"- Listed under: {head_text(r)}",
                f"- Entries whose inverted name begins {prefix}: {r['listed']}"]
        out += [f"- Listed here: {x}" for _, x in r["listed_here"]] or ["- Listed here: none"]
        out += [f"- ISO 15924 script of the same name: {script_text(r)}",
                f"- ISO 639-5 collective code named after it: {collective_text(r)}"]
        return head + "\n".join(out) + "\n"
    # narrative
    c = r["code"]
    v = f"iso_639-3.json, iso-codes {version}"
    p1 = [(f"{n} is a language of the ISO 639-3 table ({v}) with the code {c}.",
           f"In the ISO 639-3 table ({v}) the code {c} stands for {n}.",
           f"This page describes {n}, listed in ISO 639-3 ({v}) under the code {c}.")[w % 3]]
    if r["alpha_2"]:
        p1.append((f"Its two-letter ISO 639-1 code is {r['alpha_2']}.",
                   f"ISO 639-1 gives it the two-letter code {r['alpha_2']}.")[w % 5 % 2])
    else:
        p1.append("It has no two-letter ISO 639-1 code (none).")
    if r["iso639_2"]:
        b = (f"the separate bibliographic (B) code {r['bibliographic']}" if r["bibliographic"] else
             "no separate bibliographic code")
        names = and_list([f'"{x}"' for x in r["names_639_2"]])
        p1.append(f"ISO 639-2 lists it too, under the terminology code {r['iso639_2']} with {b}, and names it "
                  f"{names} ({plural(len(r['names_639_2']), 'ISO 639-2 name')}).")
    else:
        p1.append("It is not in ISO 639-2 (no ISO 639-2 code and no bibliographic code).")
    p2 = [(f"ISO 639-3 gives its scope as {scope_text(r)} and its type as {type_text(r)}.",
           f"Its scope is {scope_text(r)}; its type is {type_text(r)}.")[w % 7 % 2]]
    if r["inverted"]:
        p2.append(f'Its inverted name is "{r["inverted"]}".')
        if r["head"]:
            p2.append(f"The part before the comma, {r['head'][1]}, is the reference name of another catalogued "
                      f"language, so it is listed under {r['head'][1]}.")
        else:
            p2.append(f"The part before the comma, {r['head_word']}, is no ISO 639-3 reference name, so it is listed "
                      "under no other entry (none).")
    else:
        p2.append("It has no inverted name (none) and is listed under no other entry.")
    p2.append(f"Its common name is {r['common']}." if r["common"] else "It has no separate common name (none).")
    if r["listed"]:
        here = (f"{plural(len(r['listed_here']), 'of them is', 'of them are')} in this catalogue: "
                f"{and_list([x for _, x in r['listed_here']])}" if r["listed_here"] else "none of them is in this catalogue")
        p3 = [f"{plural(r['listed'], 'ISO 639-3 entry has', 'ISO 639-3 entries have')} an inverted name beginning "
              f"{prefix}; {here}."]
    else:
        p3 = [f"No ISO 639-3 entry has an inverted name beginning {prefix} (0 entries)."]
    if r["script"]:
        a4, num, sn = r["script"]
        p3.append((f"ISO 15924 has a script of exactly the same name, {sn}, with the code {a4} and the numeric code {num}.",
                   f"The script {sn} of ISO 15924 shares its name: code {a4}, numeric code {num}.")[w % 11 % 2])
    else:
        p3.append("No ISO 15924 script has exactly this name (none).")
    if r["collective"]:
        p3.append(f"ISO 639-5 has a collective code named after it: {collective_text(r)}.")
    else:
        p3.append("ISO 639-5 has no collective code named after it (none).")
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
    print(f"{len(snap['index'])} ISO 639-3 entries; {len(snap['records'])} records")


# ------------------------------------------------------------------ questions


def _atok(s: str) -> list[str]:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.eval.tokens import answer_tokens

    return answer_tokens(s)


def _contains(hay: list[str], needle: list[str]) -> bool:
    k = len(needle)
    return bool(needle) and any(hay[i : i + k] == needle for i in range(len(hay) - k + 1))


def hedge_safe(question: str, options: list[str], gold: str) -> bool:
    """Do the other options, "A or B" hedges and the whole list score wrong for this item (the
    scorer reads some bracketed names as the end of a list)?"""
    from ragtune.eval.metrics import is_correct
    from ragtune.eval.qa import QAItem

    if any(re.search(r"\(\w+\.\s", o) for o in options):
        return False  # "(ca. 450-1100)": the scorer this set was frozen with ended the answer
        # at "ca." (fixed since); kept so the questions are generated again as frozen
    it = QAItem(id="x", question=question, answers=[gold], type="comparison", options=options)
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}", f"{gold} and {w}."]
    return is_correct(it, gold, False) and not any(is_correct(it, t, False) for t in tries)


def free(x: str, r: dict) -> bool:
    """A value with a word that is not in the language's name (the scorer would accept an answer
    that only repeats the name, or the value is given away by the question)."""
    return bool(_atok(x)) and not set(_atok(x)) <= set(_atok(r["label"]))


def code_ok(c: str | None) -> bool:
    return bool(c) and c.lower() not in CODE_WORDS and len(c) >= 2


def short_name(r: dict) -> str:
    """The name without its bracketed qualifier ("Old English (ca. 450-1100)" -> "Old English")."""
    return re.sub(r"\s*\(.*?\)", "", r["label"]).strip()


def label_golds(r: dict, with_code: bool = True) -> list[str]:
    """A language as an answer: its reference name, that name without a bracketed part and,
    unless an English word (or the question's cue), its ISO 639-3 code."""
    s = short_name(r)
    code = [r["code"]] if with_code and code_ok(r["code"]) else []
    return [r["label"]] + ([s] if s != r["label"] and s else []) + code


def names2_golds(r: dict) -> list[str]:
    """ISO 639-2's other names for the language, those with a word not in its reference name."""
    return [x for x in r["names_639_2"] if x != r["label"] and free(x, r)]


def num_ok(x: str) -> bool:
    return str(int(x)) not in STANDARD_NUMBERS


SINGLE = {
    "code": (["What is the ISO 639-3 code of {n}?", "Which three-letter ISO 639-3 code identifies {n}?",
              "Under what code does the ISO 639-3 table list {n}?"], lambda r: [r["code"]]),
    "alpha2": (["What is the two-letter ISO 639-1 code for {n}?", "Which ISO 639-1 code does {n} have?",
                "{n} has which two-letter code in ISO 639-1?"], lambda r: [r["alpha_2"]]),
    "bib": (["What is the ISO 639-2 bibliographic code of {n}?",
             "Which B (bibliographic) code does ISO 639-2 give {n}?",
             "Apart from its terminology code, what bibliographic code does {n} have in ISO 639-2?"],
            lambda r: [r["bibliographic"]]),
    "name2": (["ISO 639-2 lists {n} under more than one name. Give one of its other names.",
               "Which alternative name does ISO 639-2 record for {n}?"], names2_golds),
    "common": (["What common name does the ISO 639-3 table record for {n}?",
                "{n} is also known by which common name in ISO 639-3?"], lambda r: [r["common"]]),
    "scope": (["What scope does ISO 639-3 give {n}?", "What is the scope of the ISO 639-3 entry for {n}?"],
              lambda r: [r["scope"]]),
    "type": (["What language type does ISO 639-3 assign to {n}?", "How does ISO 639-3 classify {n} by type?",
              "Which type is {n} given in the ISO 639-3 table?"], lambda r: [r["type"]]),
    "script_code": (["What is the four-letter ISO 15924 code of the script that shares its name with {n}?",
                     "ISO 15924 has a script named exactly like {n}. What is its four-letter code?"],
                    lambda r: [r["script"][0]]),
    "script_num": (["What numeric ISO 15924 code does the script named like {n} have?",
                    "The ISO 15924 script with the same name as {n} has which numeric code?"],
                   lambda r: [r["script"][1]]),
    "listed": (["How many ISO 639-3 entries have an inverted name that begins with \"{n}, \"?",
                "In the whole ISO 639-3 table, how many languages are listed in inverted form under {n}?"],
               lambda r: [str(r["listed"])]),
}  # fmt: skip
# the order single-hop kinds are dealt in (rare kinds first)
SINGLE_ORDER = ["common", "name2", "listed", "script_num", "bib", "scope", "type", "script_code", "alpha2", "code"]

# the fact a comparison asks: one question per page and fact
FIELD_OF = {"alpha2-which": "alpha2", "no-alpha2-which": "alpha2", "bib-which": "bib", "iso6392-which": "bib",
            "macro-which": "scope", "extinct-which": "type", "living-which": "type", "ancient-which": "type",
            "constructed-which": "type", "historical-which": "type", "earlier-code": "code", "later-code": "code",
            "more-listed": "listed", "script-which": "script_code", "lower-script": "script_num"}  # fmt: skip


def single_ok(r: dict, k: str) -> bool:
    if k == "code":
        return code_ok(r["code"]) and free(r["code"], r)
    if k == "alpha2":
        return code_ok(r["alpha_2"]) and free(r["alpha_2"], r)
    if k == "bib":
        return code_ok(r["bibliographic"])
    if k == "name2":
        return bool(names2_golds(r))
    if k == "common":
        return bool(r["common"]) and free(r["common"], r)
    if k == "scope":
        return r["scope"] != "individual" and free(r["scope"], r)
    if k == "type":
        return r["type"] != "living" and free(r["type"], r)
    if k == "script_code":
        return bool(r["script"]) and code_ok(r["script"][0]) and free(r["script"][0], r)
    if k == "script_num":
        return bool(r["script"]) and num_ok(r["script"][1])
    if k == "listed":
        return r["listed"] >= 1 and num_ok(str(r["listed"]))
    return False


def single_question(r: dict, k: str) -> str:
    tpl = SINGLE[k][0][_h(r["label"], k) % len(SINGLE[k][0])]
    return tpl.format(n=r["label"])


HOP = {"alpha2": "What is that language's two-letter ISO 639-1 code?",
       "code": "What is the ISO 639-3 code of that other language?",
       "bib": "Which bibliographic code does ISO 639-2 give that language?",
       "scope": "What scope does ISO 639-3 give that other language?",
       "script_code": "What is the four-letter code of the ISO 15924 script named like that language?",
       "script_num": "What numeric code has the ISO 15924 script of the same name as that language?",
       "listed": "How many entries of the whole ISO 639-3 table are listed in inverted form under that language's name?",
       "name2": "Give one other name that ISO 639-2 records for that language."}  # fmt: skip
CMP = {
    "alpha2-which": ("Which of {a} or {b} has a two-letter ISO 639-1 code?", lambda r: bool(r["alpha_2"]), max),
    "no-alpha2-which": ("Which one has no ISO 639-1 code, {a} or {b}?", lambda r: not r["alpha_2"], max),
    "bib-which": ("Which of {a} and {b} has a separate bibliographic (B) code in ISO 639-2?",
                  lambda r: bool(r["bibliographic"]), max),
    "iso6392-which": ("Which is also coded in ISO 639-2, {a} or {b}?", lambda r: bool(r["iso639_2"]), max),
    "macro-which": ("Which of {a} or {b} is a macrolanguage in ISO 639-3?", lambda r: r["scope"] == "macrolanguage", max),
    "extinct-which": ("Which of {a} and {b} does ISO 639-3 class as extinct?", lambda r: r["type"] == "extinct", max),
    "living-which": ("Which is a living language according to ISO 639-3, {a} or {b}?",
                     lambda r: r["type"] == "living", max),
    "ancient-which": ("Which of {a} or {b} has the type ancient in ISO 639-3?", lambda r: r["type"] == "ancient", max),
    "historical-which": ("Which of {a} and {b} is a historical language in ISO 639-3?",
                         lambda r: r["type"] == "historical", max),
    "constructed-which": ("Which one is a constructed language in ISO 639-3, {a} or {b}?",
                          lambda r: r["type"] == "constructed", max),
    "earlier-code": ("Whose ISO 639-3 code comes first in alphabetical order, that of {a} or that of {b}?",
                     lambda r: r["code"], min),
    "later-code": ("Which of {a} and {b} has the ISO 639-3 code that comes later in alphabetical order?",
                   lambda r: r["code"], max),
    "more-listed": ("Under which name does ISO 639-3 list more entries in inverted form, {a} or {b}?",
                    lambda r: r["listed"], max),
    "script-which": ("Which of {a} or {b} shares its name with an ISO 15924 script?", lambda r: bool(r["script"]), max),
    "lower-script": ("The scripts named like {a} and {b} are both in ISO 15924. Which of the two languages has the "
                     "script with the lower numeric code?", lambda r: int(r["script"][1]) if r["script"] else None, min),
}  # fmt: skip
COND_BASE = {
    "living": (lambda r: r["type"] == "living", "is a living language", "is not a living language"),
    "extinct": (lambda r: r["type"] == "extinct", "is classed as extinct", "is not classed as extinct"),
    "ancient": (lambda r: r["type"] == "ancient", "has the type ancient", "does not have the type ancient"),
    "historical": (lambda r: r["type"] == "historical", "is a historical language", "is not a historical language"),
    "constructed": (lambda r: r["type"] == "constructed", "is a constructed language", "is not a constructed language"),
    "macro": (lambda r: r["scope"] == "macrolanguage", "is a macrolanguage", "is not a macrolanguage"),
    "alpha2": (lambda r: bool(r["alpha_2"]), "has a two-letter ISO 639-1 code", "has no ISO 639-1 code"),
    "bib": (lambda r: bool(r["bibliographic"]), "has a separate ISO 639-2 bibliographic code",
            "has no separate ISO 639-2 bibliographic code"),
    "iso6392": (lambda r: bool(r["iso639_2"]), "is also in ISO 639-2", "is not in ISO 639-2"),
    "inverted": (lambda r: bool(r["inverted"]), "has an inverted name", "has no inverted name"),
    "script": (lambda r: bool(r["script"]), "shares its name with an ISO 15924 script",
               "shares its name with no ISO 15924 script"),
    "head": (lambda r: r["listed"] > 0, "has other ISO 639-3 entries listed under its name", None),
}  # fmt: skip
# (a condition without a negative text, most languages' case, is asked only as true)


def conditions(recs: list[dict]) -> dict:
    """COND_BASE and, for every first letter that starts two or more catalogued codes, "has an
    ISO 639-3 code beginning with <letter>" (asked only as true)."""
    out = dict(COND_BASE)
    for ch, n in sorted(Counter(r["code"][0] for r in recs).items()):
        if n >= 2:
            out[f"letter-{ch}"] = (lambda r, ch=ch: r["code"].startswith(ch),
                                   f"has an ISO 639-3 code beginning with the letter {ch}", None)
    return out


def cond_text(cond: dict, c: str, v: bool) -> str:
    return cond[c][1] if v else cond[c][2]


def base_of(r: dict) -> str | None:
    """The catalogued language r's inverted name is listed under."""
    return r["head"][0] if r["head"] else None


def groups_of(recs: list[dict]) -> dict[str, str]:
    """code -> its group: languages joined by `base_of` (so two-page chains stay in one split)."""
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
    Keyed by name."""
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
    cond = conditions(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    pages_tok = {rel[:-3]: _atok(text) for rel, text in render_all(snap).items()}

    def on_one_page(x: str) -> bool:
        return sum(_contains(t, _atok(x)) for t in pages_tok.values()) == 1

    absent = list(ABSENT)
    rnd.shuffle(absent)
    absent_by = {"dev": absent[: ABSENT_SPLIT["dev"]], "test": absent[ABSENT_SPLIT["dev"]: ABSENT_SPLIT["dev"] + ABSENT_SPLIT["test"]]}
    # a name whose tokens lie inside another catalogued name ("English" in "Old English (ca.
    # 450-1100)") is never a reverse or filter gold
    inside = {n for n in by for o in by if o != n and _contains(_atok(o), _atok(n))}
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

        # multi hop first: a language, named or told by its ISO 639-3 code -> the catalogued language
        # its inverted name is listed under -> a field of that one
        hk = list(HOP)
        for n in names:
            if count("multi_hop") >= want["multi_hop"]:
                break
            b = base_of(by[n])
            if not b or b not in code or n in subj:
                continue
            m = code[b]["label"]
            cue = "hop-named" if sum(i["kind"] == "hop-named" for i in items) < HOP_NAMED[s] else "hop-code"
            if cue == "hop-code" and (not code_ok(by[n]["code"]) or not on_one_page(by[n]["code"])
                                      or (n, "code") in used):
                continue
            for kk in list(hk):
                if not single_ok(by[m], kk) or (m, kk) in used:
                    continue
                g_m, g_n = SINGLE[kk][1](by[m]), (SINGLE[kk][1](by[n]) if single_ok(by[n], kk) else [])
                if any(_contains(_atok(a), _atok(b2)) or _contains(_atok(b2), _atok(a)) for a in g_m for b2 in g_n):
                    continue  # the first language's own value would score
                if any(not free(g, by[n]) for g in g_m):
                    continue
                if cue == "hop-named":
                    q = rnd.choice(["The inverted name of {n} begins with the reference name of another language "
                                    "in this catalogue. {f}",
                                    "Take the catalogued language under whose name {n} is listed in inverted form. {f}"])
                    q = q.format(n=n, f=HOP[kk])
                    kw = {}
                else:
                    q = rnd.choice(["Start from the language with the ISO 639-3 code {v}: its inverted name begins "
                                    "with the name of another catalogued language. {f}",
                                    "One catalogued language has the ISO 639-3 code {v}, and its inverted name is "
                                    "listed under another language of this catalogue. {f}"]).format(v=by[n]["code"], f=HOP[kk])
                    kw = {"value": by[n]["code"]}
                    used.add((n, "code"))
                add(q, g_m, "multi_hop", [did[n], did[m]], kind=cue, field=kk, via=n, target=m, **kw)
                used.update({(m, kk), (n, "head")})
                subj.update({n, m})
                hk.append(hk.pop(hk.index(kk)))
                break
        # single hop: deal kinds in turn over the pages (a page already asked about is passed over
        # half the time in the first round); no kind more than CAP[s] times
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
                    if single_ok(r, k) and (n, k) not in used and sum(i["kind"] == k for i in items) < CAP[s]:
                        add(single_question(r, k), SINGLE[k][1](r), "single_hop", [did[n]], k)
                        used.add((n, k))
                        subj.add(n)
                        break
        # reverse: a code (639-3, 639-1, B), a 639-2 name, a common name or a script number -> language
        rk = ["reverse-code", "reverse-alpha2", "reverse-bib", "reverse-name2", "reverse-script", "reverse-common"]
        for n in names:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            if n in inside:
                continue
            for k in list(rk):
                if sum(i["kind"] == k for i in items) >= CAP_REVERSE[s]:
                    continue
                field, v = {"reverse-code": ("code", r["code"]), "reverse-alpha2": ("alpha2", r["alpha_2"]),
                            "reverse-bib": ("bib", r["bibliographic"]),
                            "reverse-name2": ("name2", (names2_golds(r) or [None])[0]),
                            "reverse-script": ("script_num", r["script"][1] if r["script"] else None),
                            "reverse-common": ("common", r["common"])}[k]  # fmt: skip
                if not v or (n, field) in used or not on_one_page(v) or not free(v, r):
                    continue
                if k != "reverse-script" and k != "reverse-name2" and k != "reverse-common" and not code_ok(v):
                    continue
                q = rnd.choice({
                    "reverse-code": ["Which language has the ISO 639-3 code {v}?",
                                     "The ISO 639-3 code {v} belongs to which language of this catalogue?"],
                    "reverse-alpha2": ["Which catalogued language has the two-letter ISO 639-1 code {v}?",
                                       "ISO 639-1 code {v}: which language is it?"],
                    "reverse-bib": ["Which language does ISO 639-2 give the bibliographic code {v}?",
                                    "The ISO 639-2 B code {v} stands for which language?"],
                    "reverse-name2": ["Which language does ISO 639-2 also call {v}?",
                                      "{v} is one of the ISO 639-2 names of which catalogued language?"],
                    "reverse-script": ["Which catalogued language shares its name with the ISO 15924 script whose "
                                       "numeric code is {v}?",
                                       "The ISO 15924 script numbered {v} has the same name as which language?"],
                    "reverse-common": ["Which language has the common name {v} in ISO 639-3?",
                                       "{v} is the ISO 639-3 common name of which language?"],
                }[k]).format(v=v)
                add(q, label_golds(r, k != "reverse-code"), "reverse", [did[n]], k, value=v)
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
            if k == "more-listed" and not (fa and fb):
                continue  # both have entries listed under their names
            if _contains(_atok(a), _atok(b)) or _contains(_atok(b), _atok(a)):
                continue
            if sum(i["kind"] == k for i in items) >= 2:
                continue  # no kind more than twice in a split
            win = a if pick(fa, fb) == fa else b
            if not hedge_safe(tpl.format(a=a, b=b), [a, b], win):
                continue
            add(tpl.format(a=a, b=b), [win], "comparison", [did[a], did[b]], k, options=[a, b], target=win)
            used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
        # filters: among all catalogued languages (two conditions) and among four listed languages
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
            q = rnd.choice(["Which language in this catalogue {a} and {b}?",
                            "Name the one catalogued language that {a} and {b}."])
            add(q.format(a=cond_text(cond, c1, v1), b=cond_text(cond, c2, v2)), label_golds(both[0]), "filter",
                [did[w]], "filter", where={c1: v1, c2: v2}, candidates=[w])
            used.update({(w, "filter-" + c1), (w, "filter-" + c2)})
        tries = 0
        base_conds = list(COND_BASE)
        while count("filter") < want["filter"] and tries < 5000:
            tries += 1
            c = base_conds[tries % len(base_conds)]
            v = bool(tries % 2)
            if not v and cond[c][2] is None:
                continue
            cands = rnd.sample(names, 4)
            hits = [x for x in cands if cond[c][0](by[x]) == v]
            if len(hits) != 1 or hits[0] in inside or any((x, "filter-" + c) in used for x in cands):
                continue
            if cands[-1] == hits[0]:  # the gold is never listed last ("A, B, C and <gold>" copies the question's run)
                cands[0], cands[-1] = cands[-1], cands[0]
            if any(_contains(_atok(x), _atok(y)) for x in cands for y in cands if x != y):
                continue
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these languages {c}: {l}?",
                            "Among {l}, which language {c}?"])
            if not hedge_safe(q.format(l=", ".join(cands), c=cond_text(cond, c, v)), cands, hits[0]):
                continue
            add(q.format(l=", ".join(cands), c=cond_text(cond, c, v)), [hits[0]], "filter", [did[hits[0]]],
                "filter-among", options=cands, where={c: v}, candidates=cands)
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
            items[j - 1] = {"id": f"c18-{s}-{j:03d}", **it}
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
        return absent_pattern(r["module"]), f"{r['module']} has the ISO 639-3 code xyz."
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
            if r != make_record(r["code"], snap["raw"][r["code"]], rows_index, CHOSEN)]
    bad += [f"{r['label']}: id clash" for r in recs if sum(did[x] == did[r["label"]] for x in did) > 1]
    bad += [f"{r['label']}: name clash" for r in recs if sum(x["label"] == r["label"] for x in recs) > 1]
    idx = {x["code"]: x for x in rows_index}
    for r in recs:
        raw = snap["raw"][r["code"]]
        if idx.get(r["code"], {}).get("name") != r["label"] or raw["639-3"]["alpha_3"] != r["code"]:
            bad.append(f"{r['code']}: not in the index under its name")
        if raw["639-2"] and (raw["639-2"].get("bibliographic") != raw["639-3"].get("bibliographic")
                             or raw["639-2"].get("alpha_2") != raw["639-3"].get("alpha_2")):
            bad.append(f"{r['code']}: ISO 639-2 and ISO 639-3 disagree on its codes")
        if r["head"] and r["head"][0] not in code:
            bad.append(f"{r['code']}: listed under {r['head'][1]}, which is not catalogued")
        if r["script"] and r["script"][2] != r["label"] or r["collective"] and r["collective"][1] != r["label"] + " languages":
            bad.append(f"{r['code']}: script or collective code not named like it")
    reread = []
    for fname, meta in snap["files"].items():
        p = ISO / fname
        if p.is_file() and hashlib.sha256(p.read_bytes()).hexdigest() == meta["sha256"]:
            reread.append(fname)
    if len(reread) == len(FILES):
        again = scan()
        bad += [f"{k}: differs when this machine's files are read again" for k in ("index", "raw", "records", "files")
                if again[k] != snap[k]]
    results.append((f"records are the CHOSEN languages ({len(recs)} of {len(snap['index'])} ISO 639-3 entries), equal "
                    f"to their raw entries made again (files read again where unchanged: {len(reread)} of "
                    f"{len(FILES)}); ids and names unique; every language listed under is catalogued", bad))
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
        vals = [n, r["code"], r["scope"], r["type"], str(r["listed"])] + r["names_639_2"]
        vals += [x for x in (r["alpha_2"], r["iso639_2"], r["bibliographic"], r["inverted"], r["common"],
                             r["head_word"]) if x]
        vals += [x for pair in r["listed_here"] for x in pair[1:]] + (r["script"] or []) + (r["collective"] or [])
        vals += [v for v in front_values(r).values()]
        bad += [f"{n}: {v!r} not in the body" for v in vals if v.lower() not in t]
        for g in [g for k in SINGLE if single_ok(r, k) for g in SINGLE[k][1](r)] + label_golds(r):
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
    standards = [f"It is listed in ISO {x}." for x in ("639-1", "639-2", "639-3", "639-5", "15924")]
    for s in items:
        for it in items[s]:
            if not re.fullmatch(rf"c18-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or it.meta.get("kind") == "filter-among"):
                idb.append(f"{it.id}: options")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("eng", "It is living.", "en", "English", "34",
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
            if f in ("code", "alpha2", "bib", "script_code"):
                others = {r["code"], r["alpha_2"], r["iso639_2"], r["bibliographic"], (r["script"] or [None])[0]}
                gold_ok += [f"{it.id}: the record's other code {x!r} scores correct" for x in others - {None, g0}
                            if x not in it.answers and is_correct(it, x, False)]
            if f in ("script_num", "listed"):
                others = {str(r["listed"]), (r["script"] or [None, None])[1]} - {None}
                gold_ok += [f"{it.id}: the page's other number {x} scores correct" for x in others - set(it.answers)
                            if is_correct(it, x, False)]
            if f in ("type", "scope"):
                gold_ok += [f"{it.id}: {x!r} scores correct" for x in list(TYPES.values()) + list(SCOPES.values())
                            if x not in it.answers and is_correct(it, x, False)]
            if k.startswith("hop-"):
                via = by[it.meta["via"]]
                if f in SINGLE and single_ok(via, f):
                    gold_ok += [f"{it.id}: the first language's {g!r} scores correct" for g in SINGLE[f][1](via)
                                if is_correct(it, g, False)]
                if is_correct(it, via["label"], False) or is_correct(it, via["code"], False):
                    gold_ok.append(f"{it.id}: the first language's name or code scores correct")
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
    results += [("ids c18-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables), options where due", idb),
                ("every gold occurs in an evidence page (as text, case-insensitive, and as accuracy tokens)", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question (numbers aside); no bare "
                 "yes/no/none gold; a sentence citing a standard (ISO 639-3, 15924, ...), number + 1, the page's other "
                 "numbers and codes, other types and scopes, and the first language's value, name and code (chains) "
                 "score wrong", gold_ok),
                ("wrong options, hedges and other languages' names and codes score wrong; filter-among gold never last",
                 cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 5. facts against the snapshot
    facts = []
    rev_field = {"reverse-code": lambda r: [r["code"]], "reverse-alpha2": lambda r: [r["alpha_2"]],
                 "reverse-bib": lambda r: [r["bibliographic"]], "reverse-name2": names2_golds,
                 "reverse-script": lambda r: [r["script"][1]] if r["script"] else [],
                 "reverse-common": lambda r: [r["common"]]}  # fmt: skip
    for s in rows:
        for q in rows[s]:
            k = q["kind"]
            if q["type"] == "single_hop" or k.startswith("hop-"):
                f = q.get("field", k)
                n = name_of[q["evidence"][-1]]
                if not single_ok(by[n], f) or q["answers"] != SINGLE[f][1](by[n]):
                    facts.append(f"{q['id']}: gold differs from the snapshot")
                if any(a.isdigit() and not num_ok(a) for a in q["answers"]):
                    facts.append(f"{q['id']}: a numeric gold among the standards' numbers")
                if k.startswith("hop-") and (base_of(by[q["via"]]) != by[n]["code"] or q["target"] != n
                                             or q["evidence"] != [did[q["via"]], did[n]]):
                    facts.append(f"{q['id']}: the target is not the language the first one is listed under")
                if k == "hop-code" and (q["value"] != by[q["via"]]["code"] or q["via"] in q["question"]
                                        or sum(contains_tokens(t, answer_tokens(q["value"])) for t in ftoks.values()) != 1):
                    facts.append(f"{q['id']}: the code does not single out the first language")
                if k == "hop-named" and q["via"] not in q["question"]:
                    facts.append(f"{q['id']}: the first language is not named")
            elif q["type"] == "reverse":
                n = name_of[q["evidence"][0]]
                hit = [x for x in by if q["value"] in rev_field[k](by[x])]
                if hit != [n] or q["answers"] != label_golds(by[n], k != "reverse-code"):
                    facts.append(f"{q['id']}: the value does not single out its language")
                if q["value"] not in q["question"] or \
                        sum(contains_tokens(t, answer_tokens(q["value"])) for t in ftoks.values()) != 1:
                    facts.append(f"{q['id']}: the cue is not in the question or on more than one page")
            elif q["type"] == "comparison":
                tpl, f, pick = CMP[k]
                a, b = q["options"]
                fa, fb = f(by[a]), f(by[b])
                if fa is None or fb is None or fa == fb or (k == "more-listed" and not (fa and fb)) or \
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
    results.append(("facts agree with snapshot.json (values, chains, unique codes / names / script numbers, "
                    "winners, filters)", facts))
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
    sep += [f"{r['label']} / {code[base_of(r)]['label']}: a chain across the splits" for r in recs
            if base_of(r) in code and sp[r["label"]] != sp[code[base_of(r)]["label"]]]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    ab = {s: {q.get("module") for q in rows[s] if q["kind"] == "absent-module"} for s in rows}
    sep += sorted(ab["dev"] & ab["test"])
    n_dev = sum(v == "dev" for v in sp.values())
    sep += [] if n_dev == N_DEV_PAGES else [f"{n_dev} dev pages, not {N_DEV_PAGES}"]
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by listed-under groups: no page asked about in both "
                    "splits, no chain across them, no absent language in both, no question repeated", sep))
    names_all = {x["name"] for x in rows_index}
    un = []
    for m in ABSENT:
        if m not in names_all or m in by or any(_contains(_atok(m), _atok(o)) for o in by):
            un.append(f"ABSENT {m}: not an ISO 639-3 name, catalogued, or holds a catalogued name")
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
    results.append(("unanswerables: each pattern matches its made-up answer and no page (absent languages: "
                    "ISO 639-3 entries, not catalogued, on no page)", un))
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
