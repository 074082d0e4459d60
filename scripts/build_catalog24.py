"""Build the catalog24 evaluation corpus: Unicode characters as Python's `unicodedata` describes them.

    PYTHONPATH=src python scripts/build_catalog24.py snapshot [--force]  # unicodedata -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog24.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog24.py check               # loader + scorer + fact checks, no model

`snapshot` reads the characters named in CHARS from the Unicode Character Database as this
Python's standard library exposes it (`unicodedata`: name, category, bidirectional, combining,
decimal, digit, numeric, mirrored, decomposition, east_asian_width, and `unicodedata.unidata_version`),
their `str.upper()` / `str.lower()` / `str.casefold()` mappings, their UTF-8 and UTF-16 (big-endian)
encodings, and the names of every code point those mappings and decompositions point to. It also
reads the ISO 15924 script names of the scripts attached to characters (from the leading word of a
character's name, `NAME_SCRIPT`) from /usr/share/iso-codes/json/iso_15924.json. For every character
not left out (ABSENT) it stores the record computed from those stored values only (`make_record`).
Written to `evalsets/catalog24/snapshot.json` (committed; `snapshot` refuses to overwrite it without
--force): another machine may run another Python with another Unicode version, so the committed
snapshot is the source.

`build` renders one markdown page per record from snapshot.json alone, `u<hex>-<slug>.md`, titled
`# <Unicode name>`, with YAML front matter (code_point, category, script, bidi, mirrored,
east_asian_width, decomposition, numeric, utf8_bytes, combining_class) and a body in one of three
layouts dealt in turn in the order of sha256("catalog24:layout<id>") within each split: `sheet` (a
`| Property | Value |` table and a mappings table), `card` (headed sections of `- Label: value`
bullets) or `prose` (paragraphs, wording varied per page). Then it generates dev.jsonl and
test.jsonl from the snapshot (seeded, SEED) and writes test.jsonl.sha256. It refuses to overwrite
corpus/ or the question files without --force.

`check` renders the snapshot and the questions again and compares them with the committed files,
computes every record again from the stored values, loads the corpus with ragtune's loader, reads
both splits with `load_qa`, and checks every item (evidence, gold in evidence text and tokens,
scoring verdicts, facts against the snapshot, split separation, unanswerables absent by pattern,
the sha256, the type mix). It compares nothing with this machine's Unicode data unless this
Python reports the very Unicode version the snapshot was read from (then the stored values are
read again and must be equal), so a fresh clone on another Python checks the committed snapshot
alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog24"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
ISO15924 = Path("/usr/share/iso-codes/json/iso_15924.json")
SEED = 24

# The characters read (code points, hex), by theme.
CHARS = [
    # Latin letters: case pairs, a titlecase digraph, sharp s, a ligature
    "0045", "0065", "00C9", "00E9", "00DF", "1E9E", "01C5", "FB01", "00F1",
    # combining marks
    "0301", "0303", "0338", "0306", "20DD", "0316",
    # Devanagari
    "0915", "0958", "093C", "0969",
    # digits
    "0667", "0038", "FF18", "00B2", "2460",
    # fractions
    "00BD", "00BC", "2153", "2044",
    # number letters and numeric ideographs
    "216B", "217B", "216F", "4E03", "5341",
    # currency
    "0024", "20AC", "00A5", "20B9", "20A9", "FFE5", "FE69",
    # punctuation: brackets, quotes, dashes, stops
    "0028", "0029", "00AB", "3008", "FF08", "002D", "061F", "2026", "002E",
    # spaces and separators
    "0020", "00A0", "3000", "2029",
    # format characters
    "200D", "200F",
    # arrows
    "2190", "2B06", "219A",
    # mathematical operators
    "2211", "221A", "2260", "003D", "2212", "2208", "2209",
    # Greek and its look-alike signs
    "03A9", "03C9", "2126", "03C2", "00B5", "03BC",
    # Cyrillic
    "0416", "0436", "0419",
    # Arabic
    "0628", "064E", "FEFB",
    # Hebrew
    "05D0", "05B8", "2135",
    # Thai
    "0E01",
    # kana, hangul, CJK
    "304B", "304C", "3099", "30AB", "FF76", "AC00", "3231",
    # other symbols
    "2122", "00B0", "2103", "1F600", "1D11E", "00B4",
    # left out (ABSENT)
    "00B6", "20AA", "2197", "03B8", "2154", "216C",
]  # fmt: skip
# Read but left out: no page, and neither the name, the code point nor the character itself is on any
# page (no catalogued character maps or decomposes to them: `check` verifies it). Each asked in one split.
ABSENT = {"dev": ["00B6", "20AA", "2197"], "test": ["03B8", "2154", "216C"]}

ABSENT_QUESTIONS = {
    "00B6": ["What is the code point of PILCROW SIGN?", "Which general category is the PILCROW SIGN in?"],
    "20AA": ["How many bytes does NEW SHEQEL SIGN take in UTF-8?"],
    "2197": ["What bidirectional class does NORTH EAST ARROW have?"],
    "03B8": ["What does GREEK SMALL LETTER THETA map to in upper case?",
             "What are the UTF-8 bytes of GREEK SMALL LETTER THETA?"],
    "2154": ["What numeric value does VULGAR FRACTION TWO THIRDS carry?",
             "Which code points does VULGAR FRACTION TWO THIRDS decompose to?"],
    "216C": ["What is the code point of ROMAN NUMERAL FIFTY?", "Which East Asian Width does ROMAN NUMERAL FIFTY have?"],
}  # fmt: skip

# What these pages never state about a character: (question, a pattern no page may match, a made-up
# answer that the pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "age": ("In which Unicode version was {n} first added?",
            r"\b(?:added|introduced|encoded|assigned) in\b|\bfirst appeared\b|\bUnicode (?:version )?\d+\.\d",
            "It was added in Unicode 1.1."),
    "block": ("Which Unicode block is {n} in?", r"\bblock\b|\bSupplement\b", "It is in the Latin-1 Supplement block."),
    "html": ("What is the HTML named entity for {n}?", r"&[A-Za-z][A-Za-z0-9]*;|\bentity\b",
             "Its entity is &eacute;."),
    "keyboard": ("What keyboard shortcut types {n} on Windows?",
                 r"\b(?:Alt|Ctrl|Option|Shift|AltGr)\s*\+|\bAlt code\b|\bshortcut\b|\bkeystroke", "Press Alt+0233."),
    "pixels": ("How many pixels wide is the glyph of {n} in a typical 16-pixel font?", r"\bpixels?\b|\b\d+\s?px\b",
               "It is 9 pixels wide."),
    "latex": ("Which LaTeX command produces {n}?", r"\\[A-Za-z]+|\bLaTeX\b", "Use \\acute{e} in LaTeX."),
    "alias": ("What was {p} name in Unicode 1.0?", r"\bUnicode 1\.0\b|\bformer name\b|\bname alias|\bold name\b",
              "Its Unicode 1.0 name was LATIN SMALL LETTER E ACUTE."),
    "frequency": ("How often does {n} occur in ordinary text, as a percentage of all characters?",
                  r"%|\bper ?cent\b|\bfrequency\b", "About 0.02% of characters."),
    "emoji": ("Does {n} have an emoji presentation by default?", r"\bemoji\b|\bEmoji_Presentation\b",
              "Yes, it has emoji presentation."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 2, "test": 3}  # the most single-hop questions of one kind
CAP_REVERSE = {"dev": 2, "test": 2}
CAP_CMP = {"dev": 1, "test": 2}
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 5, "filter-among": 4}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-character items; the rest ask absent fields
DEV_PAGES = 35  # dev takes link groups until it holds this many pages or more
LAYOUTS = ("sheet", "card", "prose")

# The leading word of a character's name (split at spaces and hyphens; after FULLWIDTH / HALFWIDTH)
# -> the ISO 15924 code of the script that word names. A name that starts with another word gets
# no script (DIGIT EIGHT, OHM SIGN, COMBINING TILDE): this is the name's word, not the UCD's
# Script property, which these Python builds do not expose.
NAME_SCRIPT = {"LATIN": "Latn", "GREEK": "Grek", "CYRILLIC": "Cyrl", "ARABIC": "Arab", "HEBREW": "Hebr",
               "DEVANAGARI": "Deva", "THAI": "Thai", "HIRAGANA": "Hira", "KATAKANA": "Kana", "HANGUL": "Hang",
               "CJK": "Hani", "BENGALI": "Beng", "TAMIL": "Taml", "ETHIOPIC": "Ethi"}  # fmt: skip
SCRIPT_SKIP = ("FULLWIDTH", "HALFWIDTH")

# Long names of the property values (PropertyValueAliases.txt, underscores as spaces).
CATEGORY = {"Lu": "Uppercase Letter", "Ll": "Lowercase Letter", "Lt": "Titlecase Letter", "Lm": "Modifier Letter",
            "Lo": "Other Letter", "Mn": "Nonspacing Mark", "Mc": "Spacing Mark", "Me": "Enclosing Mark",
            "Nd": "Decimal Number", "Nl": "Letter Number", "No": "Other Number", "Pc": "Connector Punctuation",
            "Pd": "Dash Punctuation", "Ps": "Open Punctuation", "Pe": "Close Punctuation",
            "Pi": "Initial Punctuation", "Pf": "Final Punctuation", "Po": "Other Punctuation",
            "Sm": "Math Symbol", "Sc": "Currency Symbol", "Sk": "Modifier Symbol", "So": "Other Symbol",
            "Zs": "Space Separator", "Zl": "Line Separator", "Zp": "Paragraph Separator", "Cc": "Control",
            "Cf": "Format", "Cs": "Surrogate", "Co": "Private Use", "Cn": "Unassigned"}  # fmt: skip
MAJOR = {"L": "Letter", "M": "Mark", "N": "Number", "P": "Punctuation", "S": "Symbol", "Z": "Separator", "C": "Other"}
BIDI = {"L": "Left To Right", "R": "Right To Left", "AL": "Arabic Letter", "EN": "European Number",
        "ES": "European Separator", "ET": "European Terminator", "AN": "Arabic Number", "CS": "Common Separator",
        "NSM": "Nonspacing Mark", "BN": "Boundary Neutral", "B": "Paragraph Separator", "S": "Segment Separator",
        "WS": "White Space", "ON": "Other Neutral", "LRE": "Left To Right Embedding",
        "LRO": "Left To Right Override", "RLE": "Right To Left Embedding", "RLO": "Right To Left Override",
        "PDF": "Pop Directional Format", "LRI": "Left To Right Isolate", "RLI": "Right To Left Isolate",
        "FSI": "First Strong Isolate", "PDI": "Pop Directional Isolate"}  # fmt: skip
# codes safe as a gold on their own (not an English word, not an article)
SAFE_CODES = {"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Nd", "Nl", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm",
              "Sc", "Sk", "Zs", "Zl", "Zp", "Cf", "AL", "NSM", "BN", "CS", "ET", "WS"}  # fmt: skip
EAW = {"F": "Fullwidth", "H": "Halfwidth", "W": "Wide", "Na": "Narrow", "A": "Ambiguous", "N": "Neutral"}
CCC = {0: "Not Reordered", 1: "Overlay", 6: "Han Reading", 7: "Nukta", 8: "Kana Voicing", 9: "Virama",
       200: "Attached Below Left", 202: "Attached Below", 214: "Attached Above", 216: "Attached Above Right",
       218: "Below Left", 220: "Below", 222: "Below Right", 224: "Left", 226: "Right", 228: "Above Left",
       230: "Above", 232: "Above Right", 233: "Double Below", 234: "Double Above", 240: "Iota Subscript"}  # fmt: skip
PLANES = {0: "Basic Multilingual Plane", 1: "Supplementary Multilingual Plane", 2: "Supplementary Ideographic Plane"}

# ------------------------------------------------------------------ reading the database


def cp_text(h: str) -> str:
    return "U+" + h.upper().rjust(4, "0")


def hexes(s: str) -> list[str]:
    return [f"{ord(c):04X}" for c in s]


def read_char(h: str) -> dict:
    """What `unicodedata` and str / codecs say about one code point, in JSON-safe form."""
    import unicodedata as ud

    c = chr(int(h, 16))
    up, lo, cf = c.upper(), c.lower(), c.casefold()
    dec = ud.decomposition(c)
    refs = set(hexes(up) + hexes(lo) + hexes(cf)) | {x for x in dec.split() if not x.startswith("<")}
    refs.discard(h)
    utf16 = c.encode("utf-16-be").hex().upper()
    return {"cp": h, "name": ud.name(c), "category": ud.category(c), "bidirectional": ud.bidirectional(c),
            "combining": ud.combining(c), "decimal": ud.decimal(c, None), "digit": ud.digit(c, None),
            "numeric": ud.numeric(c, None), "mirrored": ud.mirrored(c), "decomposition": dec,
            "east_asian_width": ud.east_asian_width(c), "upper": hexes(up), "lower": hexes(lo), "casefold": hexes(cf),
            "utf8": c.encode("utf-8").hex().upper(), "utf16": utf16,
            "ref_names": {x: ud.name(chr(int(x, 16)), "") for x in sorted(refs, key=lambda v: int(v, 16))}}  # fmt: skip


def read_iso15924() -> dict:
    data = ISO15924.read_bytes()
    rows = json.loads(data)["15924"]
    want = set(NAME_SCRIPT.values())
    return {"file": str(ISO15924), "sha256": hashlib.sha256(data).hexdigest(),
            "entries": {e["alpha_4"]: {"name": e["name"], "numeric": e["numeric"]} for e in rows if e["alpha_4"] in want}}


def scan() -> dict:
    import platform
    import unicodedata as ud

    raw = {h: read_char(h) for h in CHARS}
    iso = read_iso15924()
    snap = {"source": "Python unicodedata (Unicode Character Database), str.upper/lower/casefold, UTF-8 / UTF-16-BE codecs; "
                      "ISO 15924 names from /usr/share/iso-codes/json/iso_15924.json",
            "unidata_version": ud.unidata_version, "python": platform.python_version(), "read": len(CHARS),
            "iso15924": iso, "raw": raw}  # fmt: skip
    snap["records"] = [r for r in all_records(snap) if r["hex"] not in absent_cps()]
    return snap


# ------------------------------------------------------------------ records


def absent_cps() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def catalogued_cps() -> list[str]:
    return [h for h in CHARS if h not in absent_cps()]


def slug(name: str) -> str:
    stop = {"LATIN", "LETTER", "WITH", "OF", "TO", "AND", "THE"}
    words = [w for w in re.split(r"[\s-]+", name) if w and w not in stop]
    return "-".join(words[:4]).lower()


def doc_id_of(h: str, name: str) -> str:
    return f"u{h.lower()}-{slug(name)}"


def readable(name: str) -> str:
    """LATIN SMALL LETTER E WITH ACUTE -> Latin small letter e with acute (CJK and hex kept)."""
    words = []
    for w in name.split(" "):
        m = re.fullmatch(r"IDEOGRAPH-([0-9A-F]+)", w)
        words.append(f"ideograph-{m.group(1)}" if m else (w if w == "CJK" else w.lower()))
    s = " ".join(words)
    return s[0].upper() + s[1:]


def script_of(name: str, iso: dict) -> dict | None:
    words = [w for w in re.split(r"[\s-]+", name) if w]
    while words and words[0] in SCRIPT_SKIP:
        words = words[1:]
    code = NAME_SCRIPT.get(words[0]) if words else None
    if not code:
        return None
    full = iso["entries"][code]["name"]
    return {"code": code, "name": full, "short": full.split(" (")[0], "word": words[0]}


def numeric_text(v: float | None) -> str | None:
    if v is None:
        return None
    if float(v).is_integer():
        return str(int(v))
    f = Fraction(v).limit_denominator(1000)
    return f"{f.numerator}/{f.denominator}"


def numeric_decimal(v: float | None) -> str | None:
    if v is None or float(v).is_integer():
        return None
    s = f"{v:.4f}".rstrip("0")
    return s if Fraction(s) == Fraction(v).limit_denominator(1000) else None


def glyph(h: str, category: str) -> str | None:
    """The character as shown on its page: marks on a dotted circle; none for spaces and format
    characters (invisible, or line breaks)."""
    c = chr(int(h, 16))
    if category[0] in "ZC":
        return None
    return "\u25cc" + c if category[0] == "M" else c


def mapping(cps: list[str], own: str, raw_refs: dict, names: dict, catalogued: set[str]) -> dict | None:
    """A case mapping that changes the character, else None."""
    if cps == [own]:
        return None
    text = "".join(chr(int(x, 16)) for x in cps)
    return {"cps": [cp_text(x) for x in cps], "hex": cps, "names": [names.get(x) or raw_refs[x] for x in cps],
            "text": text if not any(_combining_range(x) for x in cps) else None,
            "catalogued": [x in catalogued for x in cps]}  # fmt: skip


def _combining_range(x: str) -> bool:
    """A combining diacritical mark (U+0300..U+036F): not shown on its own in a mapping."""
    return 0x300 <= int(x, 16) <= 0x36F


def make_record(h: str, snap: dict, catalogued: set[str]) -> dict:
    """The record of one character, from its stored values (and the stored names of others)."""
    raw = snap["raw"][h]
    names = {k: v["name"] for k, v in snap["raw"].items()}
    name, cat = raw["name"], raw["category"]
    d = raw["decomposition"].split()
    decomp = None
    if d:
        tag = d[0][1:-1] if d[0].startswith("<") else None
        parts = [x for x in d if not x.startswith("<")]
        decomp = {"kind": "compatibility" if tag else "canonical", "tag": tag, "field": raw["decomposition"],
                  "cps": [cp_text(x) for x in parts],
                  "hex": parts, "catalogued": [x in catalogued for x in parts]}  # fmt: skip
    cpi = int(h, 16)
    u8 = raw["utf8"]
    u16 = raw["utf16"]
    units = [u16[i : i + 4] for i in range(0, len(u16), 4)]
    sc = script_of(name, snap["iso15924"])
    rec = {
        "id": doc_id_of(h, name), "hex": h, "cp": cp_text(h), "decimal_cp": cpi, "name": name,
        "readable": readable(name), "glyph": glyph(h, cat), "plane": cpi >> 16,
        "category": cat, "category_name": CATEGORY[cat], "major": MAJOR[cat[0]],
        "script": sc, "bidi": raw["bidirectional"], "bidi_name": BIDI[raw["bidirectional"]],
        "mirrored": bool(raw["mirrored"]), "ccc": raw["combining"],
        "ccc_name": CCC.get(raw["combining"], "fixed position" if 10 <= raw["combining"] <= 199 else "other"),
        "eaw": raw["east_asian_width"], "eaw_name": EAW[raw["east_asian_width"]],
        "decomposition": decomp, "decimal": raw["decimal"], "digit": raw["digit"],
        "numeric": raw["numeric"], "numeric_text": numeric_text(raw["numeric"]),
        "numeric_decimal": numeric_decimal(raw["numeric"]),
        "upper": mapping(raw["upper"], h, raw["ref_names"], names, catalogued),
        "lower": mapping(raw["lower"], h, raw["ref_names"], names, catalogued),
        "casefold": None,
        "utf8": " ".join(u8[i : i + 2] for i in range(0, len(u8), 2)), "n_utf8": len(u8) // 2,
        "utf16": " ".join(units), "n_utf16": len(units),
    }  # fmt: skip
    if raw["casefold"] != raw["lower"]:
        rec["casefold"] = mapping(raw["casefold"], h, raw["ref_names"], names, catalogued)
    return rec


def all_records(snap: dict) -> list[dict]:
    cat = set(catalogued_cps())
    return [make_record(h, snap, cat) for h in CHARS]


def links(r: dict) -> list[str]:
    """The code points (hex) a record maps or decomposes to."""
    out = []
    for k in ("upper", "lower", "casefold"):
        if r[k]:
            out += r[k]["hex"]
    if r["decomposition"]:
        out += r["decomposition"]["hex"]
    return [x for x in dict.fromkeys(out) if x != r["hex"]]


# ------------------------------------------------------------------ pages


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog24:{salt}{key}".encode()).hexdigest(), 16)


def groups(recs: list[dict]) -> list[list[str]]:
    """Link groups: the catalogued characters joined by case mappings and decompositions (by hex)."""
    by = {r["hex"]: r for r in recs}
    parent = {h: h for h in by}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in recs:
        for x in links(r):
            if x in by:
                parent[find(x)] = find(r["hex"])
    out: dict[str, list[str]] = {}
    for h in by:
        out.setdefault(find(h), []).append(h)
    return [sorted(g, key=lambda v: int(v, 16)) for g in out.values()]


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Keyed by hex: link groups in the order of sha256("catalog24:<the group's lowest code point>");
    dev takes groups until it holds DEV_PAGES pages or more."""
    out, n = {}, 0
    for g in sorted(groups(recs), key=lambda g: _h(g[0])):
        part = "dev" if n < DEV_PAGES else "test"
        n += len(g) if part == "dev" else 0
        out.update({h: part for h in g})
    return out


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    sp = split_pages(recs)
    for part in ("dev", "test"):
        ids = [r["id"] for r in recs if sp[r["hex"]] == part]
        for i, d in enumerate(sorted(ids, key=lambda x: _h(x, "layout"))):
            _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[r["id"]]


def and_list(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def cell(s: str) -> str:
    return s.replace("|", "\\|")


def front_matter(r: dict) -> str:
    fm = {"code_point": r["cp"], "category": r["category"], "script": r["script"]["short"] if r["script"] else "none",
          "bidi": r["bidi"], "mirrored": r["mirrored"], "east_asian_width": r["eaw"],
          "decomposition": r["decomposition"]["kind"] if r["decomposition"] else "none",
          "numeric": r["numeric_text"] or "none", "utf8_bytes": r["n_utf8"], "combining_class": r["ccc"]}  # fmt: skip
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in fm.items()) + "---\n"


def front_values(r: dict) -> dict:
    text = front_matter(r)
    return {ln.split(": ", 1)[0]: json.loads(ln.split(": ", 1)[1]) for ln in text.splitlines() if ": " in ln}


def glyph_text(r: dict) -> str:
    if r["glyph"]:
        return r["glyph"] + (" (shown on a dotted circle)" if r["category"][0] == "M" else "")
    return "not shown (an invisible space or format character)"


def cp_full(r: dict) -> str:
    return f"{r['cp']} (decimal {r['decimal_cp']})"


def plane_text(r: dict) -> str:
    return f"{r['plane']} ({PLANES[r['plane']]})"


def cat_text(r: dict) -> str:
    return f"{r['category']} ({r['category_name']}; major class {r['major']})"


def script_text(r: dict) -> str:
    s = r["script"]
    if not s:
        return "none attached (the name does not start with a script word)"
    return f"{s['name']} (ISO 15924 {s['code']}, from the name word {s['word']})"


def bidi_text(r: dict) -> str:
    return f"{r['bidi']} ({r['bidi_name']})"


def yes(b: bool) -> str:
    return "yes" if b else "no"


def ccc_text(r: dict) -> str:
    return f"{r['ccc']} ({r['ccc_name']})"


def eaw_text(r: dict) -> str:
    return f"{r['eaw']} ({r['eaw_name']})"


def decomp_cps(r: dict) -> str:
    return " ".join(r["decomposition"]["cps"])


def decomp_text(r: dict) -> str:
    d = r["decomposition"]
    if not d:
        return "none"
    kind = "canonical" if d["kind"] == "canonical" else f"compatibility, tag <{d['tag']}>"
    return f"{decomp_cps(r)} ({kind}; UCD field {d['field']})"


def decomp_pages(r: dict) -> str:
    d = r["decomposition"]
    if not d:
        return "none (no decomposition)"
    here = [c for c, k in zip(d["cps"], d["catalogued"]) if k]
    return ", ".join(dict.fromkeys(here)) if here else "none of its code points"


def num_text(r: dict) -> str:
    if r["numeric_text"] is None:
        return "none"
    return r["numeric_text"] + (f" ({r['numeric_decimal']})" if r["numeric_decimal"] else "")


def opt_num(v) -> str:
    return "none" if v is None else str(v)


def map_text(m: dict | None, what: str) -> str:
    if not m:
        return f"none (its {what} is itself)"
    shown = f"{m['text']}: " if m["text"] else ""
    here = " [page here]" if len(m["hex"]) == 1 and m["catalogued"][0] else ""
    return f"{' '.join(m['cps'])} ({shown}{' + '.join(m['names'])}){here}"


def fold_text(r: dict) -> str:
    return map_text(r["casefold"], "case folding") if r["casefold"] else "same as its lowercase mapping"


def utf8_text(r: dict) -> str:
    return f"{r['utf8']} ({r['n_utf8']} byte{'s' if r['n_utf8'] != 1 else ''})"


def utf16_text(r: dict) -> str:
    k = r["n_utf16"]
    pair = ", a surrogate pair" if k == 2 else ""
    return f"{r['utf16']} ({k} code unit{'s' if k != 1 else ''}{pair}, {2 * k} bytes)"


def rows(r: dict) -> list[tuple[str, str]]:
    return [("Character", glyph_text(r)), ("Unicode name", r["name"]), ("Readable name", r["readable"]),
            ("Code point", cp_full(r)), ("Plane", plane_text(r)), ("General category", cat_text(r)),
            ("Script (from the name)", script_text(r)), ("Bidirectional class", bidi_text(r)),
            ("Bidi mirrored", yes(r["mirrored"])), ("Canonical combining class", ccc_text(r)),
            ("East Asian Width", eaw_text(r)), ("Decomposition", decomp_text(r)),
            ("Decomposition code points with a page here", decomp_pages(r)),
            ("Decimal digit value", opt_num(r["decimal"])), ("Digit value", opt_num(r["digit"])),
            ("Numeric value", num_text(r)), ("Uppercase (str.upper)", map_text(r["upper"], "uppercase")),
            ("Lowercase (str.lower)", map_text(r["lower"], "lowercase")), ("Case folding (str.casefold)", fold_text(r)),
            ("UTF-8", utf8_text(r)), ("UTF-16 (big-endian)", utf16_text(r))]  # fmt: skip


def render(r: dict, version: str) -> str:
    n, kind, w = r["name"], layout(r), _h(r["id"], "w")
    head = front_matter(r) + f"\n# {n}\n\n"
    rs = dict(rows(r))
    src = f"Source: Unicode Character Database version {version}, as Python's unicodedata module reports it."
    if kind == "sheet":
        out = "| Property | Value |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for a, b in rows(r)) + "\n"
        out += "\n## Mappings\n\n| Mapping | Code points | Characters |\n|---|---|---|\n"
        for lab, m in (("Uppercase", r["upper"]), ("Lowercase", r["lower"]), ("Case folding", r["casefold"])):
            if m:
                out += f"| {lab} | {' '.join(m['cps'])} | {cell(' + '.join(m['names']))} |\n"
            else:
                out += f"| {lab} | none | {'same as lowercase' if lab == 'Case folding' else 'itself'} |\n"
        d = r["decomposition"]
        out += f"| Decomposition ({d['kind'] if d else 'none'}) | {decomp_cps(r) if d else 'none'} | " \
               f"{'UCD field ' + d['field'] if d else 'none'} |\n"
        return head + out + "\n" + src + "\n"
    if kind == "card":
        sec = {"Identity": ["Character", "Unicode name", "Readable name", "Code point", "Plane", "Script (from the name)"],
               "Properties": ["General category", "Bidirectional class", "Bidi mirrored", "Canonical combining class",
                              "East Asian Width"],
               "Numbers": ["Decimal digit value", "Digit value", "Numeric value"],
               "Mappings": ["Decomposition", "Decomposition code points with a page here", "Uppercase (str.upper)",
                            "Lowercase (str.lower)", "Case folding (str.casefold)"],
               "Encodings": ["UTF-8", "UTF-16 (big-endian)"]}  # fmt: skip
        out = []
        for title, keys in sec.items():
            out += [f"## {title}"] + [f"- {k}: {rs[k]}" for k in keys] + [""]
        return head + "\n".join(out) + "\n" + src + "\n"
    # prose
    g = f" ({r['glyph']})" if r["glyph"] else ""
    p1 = [(f"{r['readable']}{g} is the character {r['cp']}, decimal {r['decimal_cp']}, in plane {plane_text(r)}.",
           f"The character {r['cp']}{g}, decimal {r['decimal_cp']}, reads as {r['readable']}; it sits in plane "
           f"{plane_text(r)}.",
           f"This page covers {r['cp']}{g}, decimal {r['decimal_cp']}: in words, {r['readable']}, in plane "
           f"{plane_text(r)}.")[w % 3]]
    if not r["glyph"]:
        p1.append(f"Character: {glyph_text(r)}.")
    elif r["category"][0] == "M":
        p1.append("It is shown on a dotted circle.")
    p1.append(f"Its Unicode name is {n}. Script (from the name): {script_text(r)}.")
    p2 = [f"Its general category is {cat_text(r)}.",
          f"Its bidirectional class is {bidi_text(r)}, and it is {'' if r['mirrored'] else 'not '}bidi mirrored "
          f"(Bidi mirrored: {yes(r['mirrored'])}).",
          f"Its canonical combining class is {ccc_text(r)}, and its East Asian Width is {eaw_text(r)}."]
    if r["numeric_text"] is None:
        p3 = ["It has no numeric value: decimal digit value none, digit value none, numeric value none."]
    else:
        p3 = [f"Its numeric value is {num_text(r)}; decimal digit value {opt_num(r['decimal'])}, "
              f"digit value {opt_num(r['digit'])}."]
    d = r["decomposition"]
    if d:
        p4 = [f"Decomposition: {decomp_text(r)}. Of those code points, these have a page here: {decomp_pages(r)}."]
    else:
        p4 = ["Decomposition: none (it has no decomposition mapping)."]
    p4 += [f"Uppercase (str.upper): {map_text(r['upper'], 'uppercase')}.",
           f"Lowercase (str.lower): {map_text(r['lower'], 'lowercase')}.",
           f"Case folding (str.casefold): {fold_text(r)}."]
    p5 = [f"In UTF-8 it is {utf8_text(r)}; in UTF-16 (big-endian) it is {utf16_text(r)}."]
    return head + "\n\n".join(" ".join(p) for p in (p1, p2, p3, p4, p5)) + "\n\n" + src + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = snap["records"]
    assign_layouts(recs)
    return {f"{r['id']}.md": render(r, snap["unidata_version"]) for r in recs}


def snapshot_text(snap: dict) -> str:
    """JSON (ASCII only: the snapshot holds no raw character) with one raw entry / one record a line."""
    head = {k: v for k, v in snap.items() if k not in ("raw", "records")}
    text = json.dumps(head, indent=1)[:-2]
    raw = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in snap["raw"].items())
    recs = ",\n".join("  " + json.dumps(r) for r in snap["records"])
    return text + ',\n "raw": {\n' + raw + '\n },\n "records": [\n' + recs + "\n ]\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this Python's Unicode data again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    print(f"Unicode {snap['unidata_version']}: {snap['read']} characters read; {len(snap['records'])} records")


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
    from ragtune.eval.metrics import is_correct

    it = _item(question, [gold], "comparison", options)
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}", f"{gold} and {w}."]
    return is_correct(it, gold, False) and not any(is_correct(it, t, False) for t in tries)


def gold_safe(question: str, answers: list[str]) -> bool:
    from ragtune.eval.metrics import is_correct

    it = _item(question, answers, "single_hop")
    return all(is_correct(it, g, False) and is_correct(it, f"The answer is {g}.", False) for g in answers)


def names_safe(question: str, gold: str, others: list[str]) -> bool:
    """Do all other characters read score wrong (FULLWIDTH YEN SIGN must not pass for YEN SIGN)?"""
    from ragtune.eval.metrics import is_correct

    it = _item(question, [gold], "reverse")
    gt = _atok(gold)
    return not any(is_correct(it, o, False) for o in others if _atok(o) != gt)


def in_question(q: str, g: str) -> bool:
    return _contains(_atok(q), _atok(g))


def refs(r: dict) -> list[str]:
    low = r["readable"] if r["readable"].startswith("CJK") else r["readable"][0].lower() + r["readable"][1:]
    return [r["name"], f"the character {r['name']}", low]


def poss(name: str) -> str:
    return name + "'s"


def ref(r: dict, salt: str) -> str:
    xs = refs(r)
    return xs[_h(r["id"], salt) % len(xs)]


def fill(tpl: str, r: dict, salt: str, **kw) -> tuple[str, str]:
    """A template with {n} (the name, "the character <name>" or the readable name), {N} (the name),
    {p} (the name's possessive); returns (question, how it names the character). A question is
    capitalised where it opens with a lower-case letter."""
    nref = ref(r, salt) if "{n}" in tpl else (poss(r["name"]) if "{p}" in tpl else r["name"])
    q = tpl.format(n=nref, N=r["name"], p=poss(r["name"]), **kw)
    return q[0].upper() + q[1:], nref


def cat_golds(r: dict) -> list[str]:
    return [r["category_name"]] + ([r["category"]] if r["category"] in SAFE_CODES else [])


def bidi_golds(r: dict) -> list[str]:
    return [r["bidi_name"]] + ([r["bidi"]] if r["bidi"] in SAFE_CODES else [])


def cp_golds(h: str) -> list[str]:
    return [cp_text(h), h.rjust(4, "0")]


def num_golds(r: dict) -> list[str]:
    return [r["numeric_text"]] + ([r["numeric_decimal"]] if r["numeric_decimal"] else [])


def map_golds(m: dict) -> list[str]:
    if len(m["hex"]) == 1:
        return [m["names"][0], m["cps"][0]]
    return [" ".join(m["cps"])] + ([m["text"]] if m["text"] and m["text"].isascii() and m["text"].isalpha() else [])


def decomp_golds(r: dict) -> list[str]:
    d = r["decomposition"]
    return [" ".join(d["cps"]), " ".join(x.rjust(4, "0") for x in d["hex"])]


SINGLE = {
    "codepoint": (["What is the code point of {n}?", "Which code point does {n} have?",
                   "Give the U+ code point of {n}."],
                  lambda r: cp_golds(r["hex"]), lambda r: True),
    "category": (["What general category does {n} belong to?", "Which Unicode general category is {n} in?",
                  "How does the Unicode database categorise {n}?"],
                 cat_golds, lambda r: True),
    "bidi": (["What is the bidirectional class of {n}?", "Which bidi class does {n} have?",
              "How is {n} classed for bidirectional text?"],
             bidi_golds, lambda r: True),
    "ccc": (["What canonical combining class does {n} have?", "Which combining class number is {n} given?"],
            lambda r: [str(r["ccc"])], lambda r: r["ccc"] > 0),
    "numeric": (["What numeric value does {n} have?", "What number does {n} stand for, per its numeric value?",
                 "Which numeric value does the Unicode database give {n}?"],
                num_golds, lambda r: r["numeric_text"] is not None),
    "decomp_tag": (["Which tag does the compatibility decomposition of {n} carry?",
                    "What formatting tag marks {p} decomposition?"],
                   lambda r: [r["decomposition"]["tag"]],
                   lambda r: bool(r["decomposition"]) and r["decomposition"]["tag"] is not None),
    "decomp": (["Which code points does {n} decompose to?", "What is the decomposition mapping of {n}?",
                "What does {n} decompose into?"],
               decomp_golds, lambda r: bool(r["decomposition"])),
    "upper": (["What does {n} become in upper case?", "What is the uppercase mapping of {n}?",
               "Which character is {p} uppercase?"],
              lambda r: map_golds(r["upper"]), lambda r: bool(r["upper"])),
    "lower": (["What does {n} become in lower case?", "What is the lowercase mapping of {n}?",
               "Which character is {p} lowercase form?"],
              lambda r: map_golds(r["lower"]), lambda r: bool(r["lower"])),
    "casefold": (["What does {n} case-fold to?", "What is the case folding of {n}?"],
                 lambda r: map_golds(r["casefold"]), lambda r: bool(r["casefold"])),
    "eaw": (["What is the East Asian Width of {n}?", "Which East Asian Width property value does {n} have?"],
            lambda r: [r["eaw_name"]], lambda r: True),
    "utf8": (["What are the UTF-8 bytes of {n}?", "How is {n} encoded in UTF-8, byte by byte?",
              "Which byte sequence encodes {n} in UTF-8?"],
             lambda r: [r["utf8"]], lambda r: r["n_utf8"] >= 2),
    "n_utf8": (["How many bytes does {n} take in UTF-8?", "How long is {n} in UTF-8, in bytes?"],
               lambda r: [str(r["n_utf8"])], lambda r: True),
    "utf16": (["What are the UTF-16 code units of {n}?", "Which surrogate pair encodes {n} in UTF-16?"],
              lambda r: [r["utf16"]], lambda r: r["n_utf16"] == 2),
}  # fmt: skip
SINGLE_ORDER = ["utf16", "casefold", "decomp_tag", "ccc", "numeric", "lower", "upper", "decomp", "bidi", "eaw",
                "utf8", "n_utf8", "category", "codepoint"]  # fmt: skip


def single_ok(r: dict, k: str) -> bool:
    return SINGLE[k][2](r)


def single_golds(r: dict, k: str) -> list[str]:
    return SINGLE[k][1](r)


def single_question(r: dict, k: str) -> str:
    tpls = SINGLE[k][0]
    return fill(tpls[_h(r["id"], k) % len(tpls)], r, k)[0]


def single_related(r: dict, k: str) -> list[str]:
    """The catalogued characters (hex) a single-hop answer names: a mapping's or decomposition's targets."""
    if k in ("upper", "lower", "casefold"):
        m = r[k]
        return [x for x, c in zip(m["hex"], m["catalogued"]) if c]
    if k == "decomp":
        d = r["decomposition"]
        return [x for x, c in zip(d["hex"], d["catalogued"]) if c]
    return []


def others_of(r: dict, f: str, recs: list[dict]) -> set[str]:
    """Values a wrong answer could take from the page (its numbers, code point and encodings) or from
    the catalogue (the categories, bidi classes and widths catalogued characters have)."""
    out = numbers_of(r) | {r["cp"], r["utf8"], r["utf16"]}
    if f == "category":
        out |= {x for t in recs for x in (t["category_name"], t["category"])}
    if f == "bidi":
        out |= {x for t in recs for x in (t["bidi_name"], t["bidi"])}
    if f == "eaw":
        out |= {t["eaw_name"] for t in recs}
    return out


def others_safe(question: str, golds: list[str], r: dict, f: str, recs: list[dict], typ: str = "single_hop") -> bool:
    from ragtune.eval.metrics import is_correct

    it = _item(question, golds, typ)
    gt = [_atok(g) for g in golds]
    return not any(is_correct(it, x, False) for x in others_of(r, f, recs) if _atok(x) not in gt and not (
        f in ("category", "bidi") and r["category_name"] == r["bidi_name"] and _atok(x) == _atok(r["bidi_name"])))


def numbers_of(r: dict) -> set[str]:
    """The counts and values a page states."""
    xs = [r["decimal_cp"], r["plane"], r["ccc"], r["n_utf8"], r["n_utf16"], 2 * r["n_utf16"], r["decimal"], r["digit"],
          r["numeric_text"], r["numeric_decimal"]]
    return {str(x) for x in xs if x is not None}


# multi hop: a character's one-character mapping or a decomposition's first / last code point, with a page here
HOP_VIA = {
    "upper": ["What {N} becomes in upper case has a page here. {f}",
              "Take the uppercase form of {n}. {f}"],
    "lower": ["What {N} becomes in lower case has a page here. {f}",
              "Take the lowercase form of {n}. {f}"],
    "decomp-first": ["Look up the first code point in the decomposition of {n}. {f}",
                     "{p} decomposition mapping starts with a character that has a page here. {f}",
                     "Follow the first code point of {p} decomposition. {f}"],
    "decomp-last": ["Look up the last code point in the decomposition of {n}. {f}",
                    "{p} decomposition mapping ends with a character that has a page here. {f}"],
}  # fmt: skip
HOP_FIELD = {
    "name": ("What is that character's Unicode name?", lambda t: [t["name"]], lambda t: True),
    "category": ("Which general category is that character in?", cat_golds, lambda t: True),
    "bidi": ("What bidirectional class does that character have?", bidi_golds, lambda t: True),
    "ccc": ("What canonical combining class does that character have?", lambda t: [str(t["ccc"])],
            lambda t: t["ccc"] > 0),
    "utf8": ("What are that character's UTF-8 bytes?", lambda t: [t["utf8"]], lambda t: t["n_utf8"] >= 2),
    "eaw": ("What East Asian Width does that character have?", lambda t: [t["eaw_name"]], lambda t: True),
    "script": ("Which script does that character's name place it in?",
               lambda t: [t["script"]["short"], t["script"]["code"]], lambda t: bool(t["script"])),
    "numeric": ("What numeric value does that character have?", num_golds, lambda t: t["numeric_text"] is not None),
}  # fmt: skip


def hop_target(r: dict, via: str) -> str | None:
    if via in ("upper", "lower"):
        m = r[via]
        return m["hex"][0] if m and len(m["hex"]) == 1 and m["catalogued"][0] else None
    d = r["decomposition"]
    if not d:
        return None
    if via == "decomp-first":
        return d["hex"][0] if d["catalogued"][0] else None
    if len(d["hex"]) >= 2 and d["hex"][-1] != d["hex"][0] and d["catalogued"][-1]:
        return d["hex"][-1]
    return None


def hop_golds(t: dict, f: str) -> list[str] | None:
    return HOP_FIELD[f][1](t) if HOP_FIELD[f][2](t) else None


def _numf(r: dict):
    return r["numeric"]


CMP = {
    "higher-cp": ("Which has the higher code point, {a} or {b}?", lambda r: r["decimal_cp"], max),
    "lower-cp": ("Which of {a} and {b} comes first in code point order?", lambda r: r["decimal_cp"], min),
    "more-utf8": ("Which takes more bytes in UTF-8: {a} or {b}?", lambda r: r["n_utf8"], max),
    "fewer-utf8": ("Which is shorter in UTF-8, {a} or {b}?", lambda r: r["n_utf8"], min),
    "larger-numeric": ("Which has the larger numeric value, {a} or {b}?", _numf, max),
    "smaller-numeric": ("Of {a} and {b}, which has the smaller numeric value?", _numf, min),
    "higher-ccc": ("Which has the higher canonical combining class, {a} or {b}?",
                   lambda r: r["ccc"] if r["ccc"] > 0 else None, max),
    "mirrored-one": ("Which of {a} and {b} is bidi mirrored?", lambda r: int(r["mirrored"]), max),
    "wide-one": ("Which of {a} and {b} is Wide or Fullwidth by East Asian Width?",
                 lambda r: int(r["eaw"] in ("W", "F")), max),
    "decomposes-one": ("Which of {a} and {b} has a decomposition mapping?",
                       lambda r: int(bool(r["decomposition"])), max),
    "cased-one": ("Which of {a} and {b} changes when it is converted to upper case?",
                  lambda r: int(bool(r["upper"])), max),
}  # fmt: skip
FIELD_OF = {"higher-cp": "codepoint", "lower-cp": "codepoint", "more-utf8": "n_utf8", "fewer-utf8": "n_utf8",
            "larger-numeric": "numeric", "smaller-numeric": "numeric", "higher-ccc": "ccc", "mirrored-one": "mirrored",
            "wide-one": "eaw", "decomposes-one": "decomp", "cased-one": "upper"}  # fmt: skip


def conditions(recs: list[dict]) -> dict:
    """Conditions filters combine: (test, how a question says it)."""
    cond = {
        "mirrored": (lambda r: r["mirrored"], "is bidi mirrored"),
        "canonical": (lambda r: bool(r["decomposition"]) and r["decomposition"]["kind"] == "canonical",
                      "has a canonical decomposition"),
        "compat": (lambda r: bool(r["decomposition"]) and r["decomposition"]["kind"] == "compatibility",
                   "has a compatibility decomposition"),
        "numeric": (lambda r: r["numeric"] is not None, "has a numeric value"),
        "fraction": (lambda r: r["numeric"] is not None and not float(r["numeric"]).is_integer(),
                     "has a fractional numeric value"),
        "big-number": (lambda r: r["numeric"] is not None and r["numeric"] >= 10, "has a numeric value of 10 or more"),
        "utf8-1": (lambda r: r["n_utf8"] == 1, "takes a single byte in UTF-8"),
        "utf8-2": (lambda r: r["n_utf8"] == 2, "takes two bytes in UTF-8"),
        "utf8-3": (lambda r: r["n_utf8"] == 3, "takes three bytes in UTF-8"),
        "utf8-4": (lambda r: r["n_utf8"] == 4, "takes four bytes in UTF-8"),
        "upper": (lambda r: bool(r["upper"]), "has an uppercase mapping"),
        "lower": (lambda r: bool(r["lower"]), "has a lowercase mapping"),
        "fold": (lambda r: bool(r["casefold"]), "case-folds to something other than its lowercase"),
        "ccc": (lambda r: r["ccc"] > 0, "has a nonzero canonical combining class"),
        "no-script": (lambda r: not r["script"], "has no script word leading its name"),
    }
    for c, k in sorted(Counter(r["category"] for r in recs).items()):
        if k >= 2:
            cond[f"cat-{c}"] = ((lambda c: lambda r: r["category"] == c)(c),
                                f"is in general category {c} ({CATEGORY[c]})")
    words = {"L": "is a letter", "M": "is a mark", "N": "is a number character", "P": "is a punctuation character",
             "S": "is a symbol", "Z": "is a separator"}  # fmt: skip
    for m, k in sorted(Counter(r["category"][0] for r in recs).items()):
        if k >= 2 and m in words:
            cond[f"major-{m}"] = ((lambda m: lambda r: r["category"][0] == m)(m), words[m])
    for s, k in sorted(Counter(r["script"]["code"] for r in recs if r["script"]).items()):
        if k >= 2:
            nm = next(r["script"]["short"] for r in recs if r["script"] and r["script"]["code"] == s)
            cond[f"script-{s}"] = ((lambda s: lambda r: bool(r["script"]) and r["script"]["code"] == s)(s),
                                   f"has a name that places it in the {nm} script")
    for b, k in sorted(Counter(r["bidi"] for r in recs).items()):
        if k >= 2:
            cond[f"bidi-{b}"] = ((lambda b: lambda r: r["bidi"] == b)(b),
                                 f"has bidirectional class {b} ({BIDI[b]})")
    for e, k in sorted(Counter(r["eaw"] for r in recs).items()):
        if k >= 2:
            cond[f"eaw-{e}"] = ((lambda e: lambda r: r["eaw"] == e)(e), f"has East Asian Width {e} ({EAW[e]})")
    tags = Counter(r["decomposition"]["tag"] for r in recs if r["decomposition"] and r["decomposition"]["tag"])
    for t, k in sorted(tags.items()):
        if k >= 2:
            cond[f"tag-{t}"] = ((lambda t: lambda r: bool(r["decomposition"]) and r["decomposition"]["tag"] == t)(t),
                                f"has a compatibility decomposition tagged <{t}>")
    return cond


REV_Q = {
    "rev-codepoint": ["Which character has the code point {v}?", "What is the Unicode name of the character at {v}?",
                      "{v} is which character?"],
    "rev-utf8": ["Which character is encoded in UTF-8 as the bytes {v}?",
                 "The UTF-8 byte sequence {v} spells which character?"],
    "rev-utf16": ["Which character is written in UTF-16 as the code units {v}?",
                  "Which character does the UTF-16 surrogate pair {v} encode?"],
    "rev-numeric": ["Which catalogued character has the numeric value {v}?",
                    "Which character here carries a numeric value of {v}?"],
    "rev-decomp": ["Which character decomposes to {v}?", "Whose decomposition mapping is {v}?"],
    "rev-upper": ["Which catalogued character has the uppercase mapping {v}?",
                  "Which character here turns into {v} when uppercased?"],
}  # fmt: skip


def rev_values(r: dict, k: str) -> list[str]:
    if k == "rev-codepoint":
        return [r["cp"]]
    if k == "rev-utf8":
        return [r["utf8"]] if r["n_utf8"] >= 2 else []
    if k == "rev-utf16":
        return [r["utf16"]] if r["n_utf16"] == 2 else []
    if k == "rev-numeric":
        return [r["numeric_text"]] if r["numeric_text"] is not None else []
    if k == "rev-decomp":
        return [" ".join(r["decomposition"]["cps"])] if r["decomposition"] else []
    if k == "rev-upper":
        return [" ".join(r["upper"]["cps"])] if r["upper"] else []
    raise KeyError(k)


def rev_owners(whole: list[dict], k: str, v: str) -> list[str]:
    """Every character read (catalogued or not) that has v under kind k (hex)."""
    return [r["hex"] for r in whole if v in rev_values(r, k)]


def rev_related(r: dict, k: str) -> list[str]:
    """The catalogued characters a reverse cue names (a decomposition's or a mapping's targets)."""
    if k == "rev-decomp" and r["decomposition"]:
        return single_related(r, "decomp")
    if k == "rev-upper" and r["upper"]:
        return single_related(r, "upper")
    return []


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["hex"]: r for r in recs}
    whole = all_records(snap)
    read = sorted({r["name"] for r in whole})
    did = {h: r["id"] for h, r in by.items()}
    sp = split_pages(recs)
    cond = conditions(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    assign_layouts(recs)
    for s in ("dev", "test"):
        want = WANT[s]
        names = sorted((h for h in by if sp[h] == s), key=lambda x: _h(x, "order" + s))
        used: set[tuple[str, str]] = set()
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

        # multi hop: a mapping or a decomposition's first / last code point -> a field of that character
        hk = list(HOP_FIELD)
        vias = list(HOP_VIA)
        for n in names:
            if count("multi_hop") >= want["multi_hop"]:
                break
            r = by[n]
            if (n, "named") in used:
                continue
            done = False
            for via in list(vias):
                m = hop_target(r, via)
                if m is None or sp.get(m) != s:
                    continue
                t = by[m]
                for kk in list(hk):
                    if via in ("upper", "lower") and kk not in ("utf8", "eaw", "numeric"):
                        continue  # the first page names its case partner (and so its script and case)
                    g_m = hop_golds(t, kk)
                    if not g_m or (m, "hop-" + kk) in used:
                        continue
                    g_n = hop_golds(r, kk) or []
                    if {tuple(_atok(g)) for g in g_m} & {tuple(_atok(g)) for g in g_n}:
                        continue
                    tpls = HOP_VIA[via]
                    q, nref = fill(tpls[_h(n, "hopq" + via) % len(tpls)], r, "hop", f=HOP_FIELD[kk][0])
                    if not gold_safe(q, g_m) or any(in_question(q, g) for g in g_m) or \
                            not others_safe(q, g_m, t, kk, recs, "multi_hop"):
                        continue
                    from ragtune.eval.metrics import is_correct

                    it = _item(q, g_m, "multi_hop")
                    if any(is_correct(it, x, False) for x in g_n + [r["name"], r["cp"]]):
                        continue
                    add(q, g_m, "multi_hop", [did[n], did[m]], "hop-" + via, field=kk, via=n, target=m, ref=nref)
                    used.update({(m, "hop-" + kk), (n, "named")})
                    subj.update({n, m})
                    hk.append(hk.pop(hk.index(kk)))
                    vias.append(vias.pop(vias.index(via)))
                    done = True
                    break
                if done:
                    break

        def try_single(n: str, k: str) -> bool:
            r = by[n]
            if not single_ok(r, k) or (n, k) in used or kinds(k) >= CAP[s]:
                return False
            if any(sp[x] != s for x in single_related(r, k)):
                return False
            q = single_question(r, k)
            g = single_golds(r, k)
            if any(in_question(q, x) for x in g) or not gold_safe(q, g) or not others_safe(q, g, r, k, recs):
                return False
            add(q, g, "single_hop", [did[n]], k)
            used.add((n, k))
            subj.add(n)
            return True

        for k in SINGLE_ORDER:
            if count("single_hop") >= want["single_hop"]:
                break
            for n in names:
                if n not in subj and try_single(n, k):
                    break
        ki = 0
        for rnd_pass in (0, 1, 2):
            for n in names:
                if count("single_hop") >= want["single_hop"]:
                    break
                if n in subj and (rnd_pass == 0 or (rnd_pass == 1 and any(i["evidence"] == [did[n]] for i in items))):
                    continue
                for _ in range(len(SINGLE_ORDER)):
                    k = SINGLE_ORDER[ki % len(SINGLE_ORDER)]
                    ki += 1
                    if try_single(n, k):
                        break
        # reverse: a code point, UTF-8 bytes, surrogate pair, numeric value, decomposition or uppercase -> the name
        rk = list(REV_Q)
        for n in [x for x in names if x not in subj] + [x for x in names if x in subj]:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            for k in list(rk):
                if kinds(k) >= CAP_REVERSE[s] or (n, "reverse") in used:
                    continue
                if any(sp[x] != s for x in rev_related(r, k)):
                    continue
                vals = [v for v in rev_values(r, k) if rev_owners(whole, k, v) == [n]]
                if not vals:
                    continue
                v = vals[0]
                q = REV_Q[k][_h(n, "revq" + k) % len(REV_Q[k])].format(v=v)
                q = q[0].upper() + q[1:]
                g = [r["name"]]
                if in_question(q, r["name"]) or not gold_safe(q, g) or not names_safe(q, r["name"], read):
                    continue
                add(q, g, "reverse", [did[n]], k, value=v)
                used.add((n, "reverse"))
                subj.add(n)
                rk.append(rk.pop(rk.index(k)))
                break
        # comparisons of two characters of the split
        ck = list(CMP)
        tries = 0
        while count("comparison") < want["comparison"] and tries < 5000:
            tries += 1
            k = ck[tries % len(ck)]
            tpl, f, pick = CMP[k]
            pool = [x for x in names if f(by[x]) is not None]
            if len(pool) < 2:
                continue
            a, b = rnd.sample(pool, 2)
            fa, fb = f(by[a]), f(by[b])
            if fa is None or fb is None or fa == fb or (a, FIELD_OF[k]) in used or (b, FIELD_OF[k]) in used:
                continue
            if kinds(k) >= CAP_CMP[s]:
                continue
            na, nb = by[a]["name"], by[b]["name"]
            q = tpl.format(a=na, b=nb)
            win = a if pick(fa, fb) == fa else b
            if not hedge_safe(q, [na, nb], by[win]["name"]):
                continue
            add(q, [by[win]["name"]], "comparison", [did[a], did[b]], k, options=[na, nb], target=win,
                candidates=[a, b])
            used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
        # filters: among all catalogued characters (two conditions), and among four listed ones
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
            w = both[0]["hex"]
            if sp[w] != s or (w, "filter") in used:
                continue
            q = rnd.choice(["Which catalogued character {a} and {b}?",
                            "Name the one character in this catalogue that {a} and {b}.",
                            "I am looking for the character here that {a} and {b}. Which is it?"])
            q = q.format(a=cond[c1][1], b=cond[c2][1])
            g = [by[w]["name"]]
            if in_question(q, g[0]) or not gold_safe(q, g) or not names_safe(q, g[0], read):
                continue
            add(q, g, "filter", [did[w]], "filter", where={c1: True, c2: True}, candidates=[w])
            used.add((w, "filter"))
        tries = 0
        among = sorted(cond)
        while kinds("filter-among") < mix["filter-among"] and tries < 5000:
            tries += 1
            c = among[tries % len(among)]
            cands = rnd.sample(names, 4)
            hits = [x for x in cands if cond[c][0](by[x])]
            if len(hits) != 1 or any((x, "filter-" + c) in used for x in cands) or (hits[0], "filter") in used:
                continue
            if cands[-1] == hits[0]:
                cands[0], cands[-1] = cands[-1], cands[0]
            opts = [by[x]["name"] for x in cands]
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these characters {c}: {l}?", "Among {l}, which {c}?"])
            q = q.format(l=", ".join(opts), c=cond[c][1])
            gold = by[hits[0]]["name"]
            if not hedge_safe(q, opts, gold) or not names_safe(q, gold, read):
                continue
            add(q, [gold], "filter", [did[hits[0]]], "filter-among", options=opts, where={c: True}, candidates=cands)
            used.update((x, "filter-" + c) for x in cands)
            used.add((hits[0], "filter"))
        # unanswerables: left-out characters, then fields no page states
        for m in ABSENT[s]:
            for q in ABSENT_QUESTIONS[m]:
                if kinds("absent-char") < ABSENT_MIX[s]:
                    add(q, [], "unanswerable", [], "absent-char", char=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(names)
        rnd.shuffle(pages)
        i = 0
        while count("unanswerable") < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            q, nref = fill(ABSENT_FIELDS[f][0], by[n], "absent" + f)
            add(q, [], "unanswerable", [], "absent-field", field=f, char=n, ref=nref)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c24-{s}-{j:03d}", **it}
    return out


def qa_text(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def build(force: bool) -> None:
    snap = load_snapshot()
    recs = snap["records"]
    exists = (CORPUS.exists() and any(CORPUS.rglob("*.md"))) or (OUT / "test.jsonl").exists()
    if exists and not force:
        sys.exit(f"{CORPUS} or the question files exist (committed); pass --force to render them again")
    for old in CORPUS.rglob("*.md") if CORPUS.exists() else []:
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
    print(f"{len(recs)} pages (dev {sum(v == 'dev' for v in sp.values())}); layouts "
          f"{dict(Counter(layout(r) for r in recs))}")
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


def absent_patterns(raw: dict) -> list[str]:
    """A left-out character as its name (a whole phrase, not inside a longer name), its code point
    (U+XXXX or the bare hex) and the character itself."""
    name = raw["name"]
    return [rf"(?<![A-Za-z-]){re.escape(name)}(?![A-Za-z-]| [A-Z])", rf"\bU\+{raw['cp']}\b", rf"\b{raw['cp']}\b",
            re.escape(chr(int(raw["cp"], 16)))]


def unanswerable_pattern(q: dict, raw: dict) -> tuple[str, str]:
    if q["kind"] == "absent-char":
        r = raw[q["char"]]
        return "|".join(f"(?:{p})" for p in absent_patterns(r)), f"{r['name']} is {cp_text(r['cp'])}, category So."
    _, pat, made_up = ABSENT_FIELDS[q["field"]]
    return pat, made_up


def page_values(r: dict) -> list[str]:
    """What a page must state (as text, case-insensitive)."""
    vals = [r["name"], r["readable"], r["cp"], str(r["decimal_cp"]), PLANES[r["plane"]], r["category"],
            r["category_name"], r["major"], r["bidi"], r["bidi_name"], yes(r["mirrored"]), ccc_text(r), eaw_text(r),
            decomp_text(r), num_text(r), utf8_text(r), utf16_text(r), map_text(r["upper"], "uppercase"),
            map_text(r["lower"], "lowercase"), fold_text(r), opt_num(r["decimal"]), opt_num(r["digit"])]  # fmt: skip
    if r["glyph"]:
        vals.append(r["glyph"])
    if r["script"]:
        vals += [r["script"]["name"], r["script"]["code"]]
    vals += [str(v) for v in front_values(r).values() if not isinstance(v, bool)]
    return vals


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = snap["records"]
    raw = snap["raw"]
    by = {r["hex"]: r for r in recs}
    whole = all_records(snap)
    wby = {r["hex"]: r for r in whole}
    read = sorted({r["name"] for r in whole})
    did = {h: r["id"] for h, r in by.items()}
    hex_of = {v: k for k, v in did.items()}
    sp = split_pages(recs)
    cond = conditions(recs)
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
    # 2. records against the stored values (and this Python's database, only where it is the same version)
    bad = [f"{r['hex']}: record differs from the stored values" for r in recs if r != wby.get(r["hex"])]
    bad += [f"{x}: read twice" for x, c in Counter(CHARS).items() if c > 1]
    bad += ([] if list(raw) == CHARS else ["snapshot raw is not CHARS"])
    bad += [f"{m}: ABSENT but catalogued or not read" for m in absent_cps() if m in by or m not in raw]
    bad += [f"{x}: read but neither catalogued nor ABSENT" for x in wby if x not in by and x not in absent_cps()]
    bad += [f"{r['hex']}: maps or decomposes to the left-out {x}" for r in recs for x in links(r) if x in absent_cps()]
    bad += [f"{r['hex']}: a linked code point has no stored name" for r in whole for x in links(r)
            if not (raw[r["hex"]]["ref_names"].get(x))]
    bad += [f"{r['hex']}: page-here flag" for r in recs for k in ("upper", "lower", "casefold", "decomposition")
            if r[k] and r[k]["catalogued"] != [x in by for x in r[k]["hex"]]]
    bad += [f"{r['hex']}: ids not unique" for r in recs if list(did.values()).count(r["id"]) > 1]
    same = ""
    try:
        import unicodedata as ud

        if ud.unidata_version == snap["unidata_version"]:
            same = f"this Python's Unicode {ud.unidata_version} read again"
            bad += [f"{h}: differs when read again" for h in CHARS if read_char(h) != raw[h]]
    except Exception as e:  # noqa: BLE001
        bad.append(f"reading again: {e}")
    if ISO15924.is_file() and hashlib.sha256(ISO15924.read_bytes()).hexdigest() == snap["iso15924"]["sha256"]:
        same += "; ISO 15924 file read again"
        if read_iso15924() != snap["iso15924"]:
            bad.append("ISO 15924 entries differ when read again")
    results.append((f"records are the {len(recs)} of {len(whole)} characters read not ABSENT, equal to the stored "
                    f"values ({same or 'another Unicode version here: the snapshot alone'}); no catalogued "
                    "character maps or decomposes to a left-out one", bad))
    # 3. the corpus
    found_c, problems = scan_corpus(CORPUS)
    docs, load_bad = {}, []
    for f in found_c:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    bad = [str(p) for p in problems] + load_bad + ([] if len(docs) == len(recs) else [f"{len(docs)} != {len(recs)}"])
    bad += [i for i in docs if i not in set(did.values())]
    bad += [h for h in by if did[h] not in docs or docs[did[h]].title != by[h]["name"]
            or any(docs[did[h]].metadata.get(k) != v for k, v in front_values(by[h]).items())]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents titled by their Unicode name, "
                    "with their front matter", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    bad = []
    for h, r in by.items():
        t = low[did[h]]
        bad += [f"{h}: {v!r} not in the body" for v in page_values(r) if v.lower() not in t]
        golds = [g for k in SINGLE if single_ok(r, k) for g in single_golds(r, k)] + [r["name"]]
        golds += [g for k in HOP_FIELD if hop_golds(r, k) for g in hop_golds(r, k)]
        golds += [v for k in REV_Q for v in rev_values(r, k)]
        bad += [f"{h}: gold form {g!r} not in the page tokens" for g in golds
                if not contains_tokens(ftoks[did[h]], answer_tokens(g))]
    results.append(("every field of the record (and of its front matter) is stated in its page body (every gold "
                    "form and reverse cue as tokens)", bad))
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
    idb, gold_in, gold_ok, cmpw, abst = [], [], [], [], []
    ids = Counter(it.id for s in items for it in items[s])
    idb += [f"{i} twice" for i, c in ids.items() if c > 1]
    sources = ["It is a Unicode character.", "See the Unicode Character Database.", "Python's unicodedata module.",
               "It is in the catalogue."]  # fmt: skip
    for s in items:
        row_of = {r["id"]: r for r in rows_[s]}
        for it in items[s]:
            q = row_of[it.id]
            if not re.fullmatch(rf"c24-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or it.meta.get("kind") == "filter-among"):
                idb.append(f"{it.id}: options")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("U+00E9", "Lowercase Letter", "C3 A9", "2", "Ambiguous",
                                unanswerable_pattern(q, raw)[1]):
                    if is_correct(it, made_up, False):
                        abst.append(f"{it.id}: {made_up!r} scores correct")
                continue
            if is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores correct on an answerable item")
            g0 = it.answers[0]
            for g in it.answers:
                if not any(contains_tokens(ftoks[e], answer_tokens(g)) for e in it.evidence):
                    gold_in.append(f"{it.id}: {g!r} not in the evidence tokens")
                if not is_correct(it, g, False) or not is_correct(it, f"The answer is {g}.", False):
                    gold_ok.append(f"{it.id}: {g!r}")
                if g.strip().lower() in ("none", "yes", "no", "true", "false", "nothing", "n/a", "0"):
                    gold_ok.append(f"{it.id}: bare {g!r}")
            if not any(g0.lower() in low[e] for e in it.evidence):
                gold_in.append(f"{it.id}: {g0!r} not in the evidence text")
            if not it.options:
                gold_ok += [f"{it.id}: {g!r} is given away by the question" for g in it.answers
                            if contains_tokens(answer_tokens(it.question), answer_tokens(g))]
            gold_ok += [f"{it.id}: {t!r} scores correct" for t in sources if is_correct(it, t, False)]
            if g0.isdigit() and is_correct(it, str(int(g0) + 1), False):
                gold_ok.append(f"{it.id}: near miss scores correct")
            k = q["kind"]
            f = q.get("field", k)
            r = by[hex_of[it.evidence[-1]]]
            golds_tok = [answer_tokens(g) for g in it.answers]
            if it.type in ("single_hop", "multi_hop"):
                others = others_of(r, f, recs)
                gold_ok += [f"{it.id}: the page's other value {x!r} scores correct" for x in sorted(others)
                            if answer_tokens(x) not in golds_tok and is_correct(it, x, False)
                            and not (f in ("category", "bidi") and answer_tokens(x) in
                                     [answer_tokens(v) for v in (r["category_name"], r["bidi_name"])]
                                     and r["category_name"] == r["bidi_name"])]
            if k in ("upper", "lower", "casefold", "decomp"):
                gold_ok += [f"{it.id}: the character's own name scores correct" for _ in [0]
                            if is_correct(it, r["name"], False)]
            if k.startswith("hop-"):
                via = by[q["via"]]
                own = hop_golds(via, f) or []
                gold_ok += [f"{it.id}: the first page's {g!r} scores correct" for g in own if is_correct(it, g, False)]
                gold_ok += [f"{it.id}: the first page's name or code point scores correct" for x in (via["name"], via["cp"])
                            if is_correct(it, x, False)]
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
                cmpw += [f"{it.id}: {o} scores correct" for o in read
                         if answer_tokens(o) != answer_tokens(g0) and is_correct(it, o, False)]
    results += [("ids c24-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables), options where due", idb),
                ("every gold occurs in an evidence page as accuracy tokens, the first also as text", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question; no bare yes/no/none/0 "
                 "gold; a sentence citing the source, number + 1, the page's other numbers, code point and encodings, "
                 "other categories / bidi classes / widths, the character's own name (mappings) and (chains) the "
                 "first page's value, name and code point score wrong", gold_ok),
                ("wrong options, hedges and other characters' names score wrong (reverse, filter); filter-among "
                 "gold never last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 5. facts against the snapshot
    facts = []
    for s in rows_:
        for q in rows_[s]:
            k = q["kind"]
            if q["type"] == "single_hop":
                h = hex_of[q["evidence"][0]]
                if not single_ok(by[h], k) or single_golds(by[h], k) != q["answers"]:
                    facts.append(f"{q['id']}: gold differs from the snapshot")
            elif k.startswith("hop-"):
                via, t = by[q["via"]], q["target"]
                if hop_target(via, k[4:]) != t or hop_golds(by[t], q["field"]) != q["answers"] or \
                        q["evidence"] != [did[q["via"]], did[t]] or q["ref"].lower() not in q["question"].lower() or \
                        q["ref"] not in refs(via) + [poss(via["name"]), via["name"]]:
                    facts.append(f"{q['id']}: the chain does not reach its target")
            elif q["type"] == "reverse":
                h = hex_of[q["evidence"][0]]
                if q["value"] not in rev_values(by[h], k) or rev_owners(whole, k, q["value"]) != [h] or \
                        q["answers"] != [by[h]["name"]] or q["value"] not in q["question"]:
                    facts.append(f"{q['id']}: the cue does not single out its character")
            elif q["type"] == "comparison":
                tpl, f, pick = CMP[k]
                a, b = q["candidates"]
                fa, fb = f(by[a]), f(by[b])
                win = a if fa is not None and fb is not None and pick(fa, fb) == fa else b
                if fa is None or fb is None or fa == fb or q["target"] != win or \
                        q["options"] != [by[a]["name"], by[b]["name"]] or q["answers"] != [by[win]["name"]]:
                    facts.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                hit = [x for x in by if all(cond[c][0](by[x]) == v for c, v in q["where"].items())]
                each = [sum(cond[c][0](x) == v for x in recs) for c, v in q["where"].items()]
                if hit != q["candidates"] or q["answers"] != [by[h]["name"] for h in hit] or min(each) < 2:
                    facts.append(f"{q['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = q["where"].items()
                if [by[x]["name"] for x in q["candidates"] if cond[c][0](by[x]) == v] != q["answers"] or \
                        q["options"] != [by[x]["name"] for x in q["candidates"]]:
                    facts.append(f"{q['id']}: filter-among")
    results.append(("facts agree with snapshot.json (values, chains, unique cues, winners, filters)", facts))
    # 6. split separation, unanswerables

    def pages_of(s):
        out = set()
        for q in rows_[s]:
            out |= set(q["evidence"]) | {did[c] for c in q.get("candidates", [])}
            out |= {did[q[k]] for k in ("target", "via") if q.get(k) in by}
            if q["type"] == "single_hop":
                out |= {did[x] for x in single_related(by[hex_of[q["evidence"][0]]], q["kind"])}
            if q["type"] == "reverse":
                out |= {did[x] for x in rev_related(by[hex_of[q["evidence"][0]]], q["kind"])}
            if q["kind"] == "absent-field":
                out.add(did[q["char"]])
        return out

    sep = [f"{p} asked in both splits" for p in pages_of("dev") & pages_of("test")]
    sep += [f"{s}: {p} is a {('dev', 'test')[s == 'dev']} page" for s in rows_ for p in pages_of(s)
            if sp[hex_of[p]] != s]
    sep += [f"{r['hex']} ({sp[r['hex']]}) links to {x} ({sp[x]})" for r in recs for x in links(r)
            if x in by and sp[x] != sp[r["hex"]]]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    for s in rows_:
        qn = Counter(" ".join(answer_tokens(it.question)) for it in items[s])
        sep += [f"{s}: {x!r} twice" for x, c in qn.items() if c > 1]
    ab = {s: {q.get("char") for q in rows_[s] if q["kind"] == "absent-char"} for s in rows_}
    sep += sorted(ab["dev"] & ab["test"])
    sep += [f"{s}: absent character {m} not of this split" for s in rows_ for m in ab[s] if m not in ABSENT[s]]
    for s in rows_:
        asked = Counter()
        for q in rows_[s]:
            if q["type"] == "single_hop":
                asked[(hex_of[q["evidence"][0]], q["kind"])] += 1
            if q["kind"].startswith("hop-"):
                asked[(q["target"], "hop-" + q["field"])] += 1
            if q["type"] == "reverse":
                asked[(hex_of[q["evidence"][0]], "reverse")] += 1
        sep += [f"{s}: {k} asked {c} times" for k, c in asked.items() if c > 1]
    n_dev = sum(v == "dev" for v in sp.values())
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by link group: no link crosses the splits, no page "
                    "asked about in both splits, a fact of a page asked once per split, no absent character in "
                    "both, no question repeated", sep))
    un = []
    for m in absent_cps():
        for pat in absent_patterns(raw[m]):
            hits = [p for p, t in on_disk.items() if re.search(pat, t, re.I)]
            if hits:
                un.append(f"ABSENT {m} {pat!r}: on {hits[:3]}")
    for s in rows_:
        for q in rows_[s]:
            if q["type"] != "unanswerable":
                continue
            m = q.get("char")
            if q["kind"] == "absent-char" and (m not in ABSENT[s] or raw[m]["name"] not in q["question"]):
                un.append(f"{q['id']}: absent character")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or m not in by
                                                or q["ref"].lower() not in q["question"].lower()
                                                or q["ref"] not in refs(by[m]) + [poss(by[m]["name"])]):
                un.append(f"{q['id']}: absent field")
            pat, made_up = unanswerable_pattern(q, raw)
            if not re.search(pat, made_up, re.I):
                un.append(f"{q['id']}: the pattern misses its own made-up answer")
            hits = [p for p, t in on_disk.items() if re.search(pat, t, re.I)]
            if hits:
                un.append(f"{q['id']}: pattern {pat!r} matches {hits[:3]}")
    for f, (_, pat, made_up) in ABSENT_FIELDS.items():
        if not re.search(pat, made_up, re.I) or any(re.search(pat, t, re.I) for t in on_disk.values()):
            un.append(f"ABSENT_FIELDS {f}: pattern dead or on a page")
    results.append(("unanswerables: each pattern matches its made-up answer and no page (left-out characters: "
                    "name, code point and the character itself on no page)", un))
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
