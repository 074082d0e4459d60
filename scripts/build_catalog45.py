"""Build the catalog45 evaluation corpus: HTML named character references as this machine's Python 3.11 sees them.

    PYTHONPATH=src python scripts/build_catalog45.py snapshot [--force]  # read html.entities etc. -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog45.py build [--force]     # snapshot.json -> corpus/, questions
    PYTHONPATH=src python scripts/build_catalog45.py check               # snapshot only, no model; PASS/FAIL

`snapshot` reads, on this machine, for every reference of REFS (and ABSENT): from Python 3.11's `html.entities`
the text `html5['<name>;']` gives, whether the name without ";" is a key too, `name2codepoint['<name>']`,
`codepoint2name` of its code point and every html5 key whose value is the same text; what `html.unescape` returns
for '&<name>;', for '&<name>' (no semicolon) and for the name in the other case; and for every code point used:
`unicodedata` name, general category, East Asian width, mirrored flag and decomposition, and its block from the
Unicode Blocks.txt this machine ships (perl's unicore copy, the same Unicode version as Python's unicodedata).
`build` renders one page per catalogued reference (REFS less ABSENT) as `<block>/<name>.md` in one of three layouts
(bullets, table, prose), the register `codepoints.csv` (one row per code point used by a page), and dev.jsonl /
test.jsonl (seed SEED). `check` reads only snapshot.json and the files.
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
OUT = ROOT / "evalsets" / "catalog45"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
BLOCKS_TXT = Path("/usr/share/perl/5.36.0/unicore/Blocks.txt")
sys.path.insert(0, str(ROOT / "src"))  # ragtune's tokens (questions) and loaders (check)
SEED = 45
PREFIX = "c45"
REFS = [
    # Basic Latin
    "amp", "quot", "Tab", "dollar", "commat", "fjlig", "nvlt",
    # Latin-1 Supplement
    "eacute", "Ccedil", "THORN", "aring", "iquest", "copy", "reg", "plusmn", "micro", "centerdot", "divide",
    "nbsp", "pound", "yuml", "szlig",
    # Latin Extended-A/B, Spacing Modifier Letters
    "Scaron", "oelig", "Lstrok", "fnof", "tilde",
    # Greek and Coptic
    "alpha", "Omega", "sigmaf", "thetasym", "Gammad",
    # General Punctuation, Currency Symbols
    "mdash", "hellip", "ldquo", "permil", "bull", "zwj", "euro",
    # Letterlike Symbols, Number Forms
    "trade", "real", "planck", "copysr", "frac58",
    # Arrows
    "larr", "hArr", "crarr", "rightleftharpoons", "mapsto",
    # Mathematical Operators
    "forall", "part", "empty", "notin", "radic", "prop", "infin", "asymp", "ne", "parallel", "timesb",
    "NotEqualTilde", "caps", "acE", "gtrdot",
    # Miscellaneous Technical, Miscellaneous Mathematical Symbols-A, Geometric Shapes
    "lceil", "lang", "loz", "squ", "ltri",
    # Miscellaneous Symbols, Dingbats
    "spades", "hearts", "female", "phone", "sung", "check", "malt",
    # Mathematical Alphanumeric Symbols, Alphabetic Presentation Forms
    "Afr", "fflig",
]  # fmt: skip
ABSENT = {"dev": ["hearts", "euro", "szlig"], "test": ["sung", "infin", "fnof"]}
ABSENT_Q = {
    "hearts": ["Which code point does &hearts; stand for?",
               "Does html.unescape('&hearts') work without the semicolon?"],
    "euro": ["What is the decimal code point of the &euro; entity?"],
    "szlig": ["What does html.unescape return for &szlig written without its semicolon?",
              "Which other html5 names give the same character as &szlig;?"],
    "sung": ["What character does &sung; produce, as a code point?",
             "Is sung one of the HTML 4 entity names in name2codepoint?"],
    "infin": ["What is the code point behind &infin;?",
              "Which Unicode block is the &infin; character in?"],
    "fnof": ["What does codepoint2name say for the character &fnof; gives?",
             "Which code point does the fnof entity map to?"],
}  # fmt: skip
ABSENT_FIELDS = {
    "year": ("In which year was &{c}; added to HTML?", r"(?<![+\w])(?:1[89]\d\d|20[0-2]\d)\b"),
    "latex": ("What LaTeX command prints the same character as &{c};?", r"\blatex\b|\\math\w*|\\text\w*"),
    "utf8": ("Which bytes encode the &{c}; character in UTF-8?", r"utf-?8|\bbytes?\b|\boctets?\b"),
    "altcode": ("What Alt code types the &{c}; character on Windows?", r"\balt\b|\bwindows\b|cp1252|keyboard"),
    "css": ("What is the CSS escape for the &{c}; character?", r"\bcss\b|content:"),
}
MADE_UP = {"year": "&{c}; was added to HTML in 1997.", "latex": "In LaTeX it is \\mathrm{{{c}}}.",
           "utf8": "In UTF-8 it is the two bytes C3 A9.", "altcode": "On Windows, type Alt+0233 for &{c};.",
           "css": "In CSS, write content: '\\2192'."}
WANT = {"dev": {"single_hop": 15, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 5},
        "test": {"single_hop": 22, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 9, "multi_hop": 8}}
ABSENT_N = {"dev": 4, "test": 6}
YESNO = {"dev": 2, "test": 4}
AMONG = {"dev": 2, "test": 3}
MAX_USE = 3
PROPERTY_KINDS = {"s-rowcat", "s-roweaw", "m-cat", "m-eaw"}
LAYOUTS = ("bullets", "table", "prose")
ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
YESNO_WORD = re.compile(r"\b(?:yes|no)\b", re.I)
GC_NAMES = {
    "Lu": "Letter, uppercase", "Ll": "Letter, lowercase", "Lt": "Letter, titlecase", "Lm": "Letter, modifier",
    "Lo": "Letter, other", "Mn": "Mark, nonspacing", "Mc": "Mark, spacing combining", "Me": "Mark, enclosing",
    "Nd": "Number, decimal digit", "Nl": "Number, letter", "No": "Number, other", "Pc": "Punctuation, connector",
    "Pd": "Punctuation, dash", "Ps": "Punctuation, open", "Pe": "Punctuation, close",
    "Pi": "Punctuation, initial quote", "Pf": "Punctuation, final quote", "Po": "Punctuation, other",
    "Sm": "Symbol, math", "Sc": "Symbol, currency", "Sk": "Symbol, modifier", "So": "Symbol, other",
    "Zs": "Separator, space", "Zl": "Separator, line", "Zp": "Separator, paragraph", "Cc": "Other, control",
    "Cf": "Other, format", "Cs": "Other, surrogate", "Co": "Other, private use", "Cn": "Other, not assigned",
}  # fmt: skip
EAW_NAMES = {"N": "neutral", "Na": "narrow", "A": "ambiguous", "W": "wide", "F": "fullwidth", "H": "halfwidth"}

# ------------------------------------------------------------------ snapshot


def read_blocks(path: Path) -> tuple[str, list[list]]:
    text = path.read_text(encoding="utf-8")
    version = re.search(r"Blocks-([\d.]+)\.txt", text).group(1)
    out = []
    for line in text.splitlines():
        m = re.match(r"([0-9A-F]+)\.\.([0-9A-F]+);\s*(.+)", line)
        if m:
            out.append([int(m.group(1), 16), int(m.group(2), 16), m.group(3).strip()])
    return version, out


def scan() -> dict:
    import html
    import html.entities as he
    import platform
    import unicodedata as ud

    bversion, blocks = read_blocks(BLOCKS_TXT)

    def block(cp: int) -> str:
        return next(b[2] for b in blocks if b[0] <= cp <= b[1])

    refs, cps = [], set()
    for n in REFS:
        text = he.html5[n + ";"]
        other = n.upper() if n != n.upper() else n.lower()
        refs.append({
            "name": n, "text": text, "code_points": [ord(c) for c in text],
            "bare_key": n in he.html5, "bare_value": he.html5.get(n),
            "name2codepoint": he.name2codepoint.get(n),
            "codepoint2name": he.codepoint2name.get(ord(text)) if len(text) == 1 else None,
            "keys": sorted((k for k, v in he.html5.items() if v == text), key=lambda k: (k.lower(), k)),
            "unescape_semi": html.unescape(f"&{n};"), "unescape_bare": html.unescape(f"&{n}"),
            "other_case": other, "other_key": other + ";" in he.html5,
            "unescape_other": html.unescape(f"&{other};"),
        })
        e = refs[-1]
        for key, src, skip in (("bare", n, e["bare_key"]), ("other", other + ";", e["other_key"])):
            p = None if skip else prefix_of(src, set(he.html5))
            e[f"{key}_prefix"] = p
            e[f"{key}_prefix_value"] = he.html5[p] if p else None
        cps.update(ord(c) for c in text)
        if n == "lang":
            cps.add(he.name2codepoint[n])
    points = {}
    for cp in sorted(cps):
        c = chr(cp)
        try:
            name = ud.name(c)
        except ValueError as e:
            name = None
            err = f"{type(e).__name__}: {e}"
        points[f"U+{cp:04X}"] = {"cp": cp, "name": name, "name_error": None if name else err,
                                 "category": ud.category(c), "east_asian_width": ud.east_asian_width(c),
                                 "mirrored": ud.mirrored(c), "decomposition": ud.decomposition(c),
                                 "block": block(cp)}
    return {"source": "Python's html.entities (html5, name2codepoint, codepoint2name), html.unescape and "
                      "unicodedata on this machine, with the Unicode Blocks.txt perl ships",
            "python": platform.python_version(), "system": platform.system(),
            "unidata_version": ud.unidata_version, "blocks_file": str(BLOCKS_TXT), "blocks_version": bversion,
            "html5_keys": len(he.html5), "html5_keys_without_semicolon": sum(not k.endswith(";") for k in he.html5),
            "name2codepoint_names": len(he.name2codepoint), "codepoint2name_points": len(he.codepoint2name),
            "unescape_examples": {s: html.unescape(s) for s in ("&amp", "&amp;", "&AMP;", "&ampx", "&notit;",
                                                                "&alpha", "&eacute", "&EACUTE;")},
            "refs": refs, "points": points}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"Python {snap['python']}, Unicode {snap['unidata_version']} (Blocks {snap['blocks_version']}): "
          f"{len(snap['refs'])} references, {len(snap['points'])} code points")


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ records


def absent_ids() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def hx(cp: int) -> str:
    return f"U+{cp:04X}"


def slug(block: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", block.lower()).strip("-")


def prefix_of(name: str, keys: set[str]) -> str | None:
    """The legacy name html.unescape falls back on for '&<name>' (its longest prefix that is a key without ';')."""
    for x in range(len(name) - 1, 1, -1):
        if name[:x] in keys:
            return name[:x]
    return None


def record(e: dict, snap: dict) -> dict:
    n, cps = e["name"], e["code_points"]
    block = snap["points"][hx(cps[0])]["block"]
    bare_mode = "key" if e["bare_key"] else "unchanged" if e["unescape_bare"] == f"&{n}" else "prefix"
    other = e["other_case"]
    if e["other_key"]:
        other_mode = "same" if e["unescape_other"] == e["text"] else "different"
    else:
        other_mode = "unchanged" if e["unescape_other"] == f"&{other};" else "prefix"
    h4 = e["name2codepoint"]
    names: list[str] = []  # the keys without ';', one spelling per case-folded name, its own name first
    for k in [n] + e["keys"]:
        b = k.rstrip(";")
        if b.lower() not in [x.lower() for x in names]:
            names.append(b)
    return {"id": n, "text": e["text"], "cps": cps, "hex": [hx(c) for c in cps], "block": block,
            "band": slug(block), "doc_id": f"{slug(block)}/{n}", "res": repr(e["unescape_semi"]),
            "bare_mode": bare_mode, "bare_res": repr(e["unescape_bare"]),
            "bare_prefix": e["bare_prefix"] if bare_mode == "prefix" else None,
            "h4": h4, "h4_mode": "none" if h4 is None else "same" if [h4] == cps else "differs",
            "cp2name": e["codepoint2name"], "keys": e["keys"], "names": names,
            "other": other, "other_mode": other_mode, "other_res": repr(e["unescape_other"]),
            "other_prefix": e["other_prefix"] if other_mode == "prefix" else None,
            "other_hex": [hx(ord(c)) for c in e["unescape_other"]] if other_mode == "different" else None}


def all_records(snap: dict) -> dict[str, dict]:
    return {e["name"]: record(e, snap) for e in snap["refs"]}


def records(snap: dict) -> list[dict]:
    return [r for k, r in all_records(snap).items() if k not in absent_ids()]


def reg_rows(snap: dict, recs: list[dict]) -> list[dict]:
    used = sorted({c for r in recs for c in r["cps"]})
    out = []
    for cp in used:
        p = snap["points"][hx(cp)]
        out.append({"id": hx(cp), "decimal": cp,
                    "name": p["name"] or f"(none: unicodedata.name raises {p['name_error']})",
                    "category": p["category"], "category_name": GC_NAMES[p["category"]],
                    "east_asian_width": f"{p['east_asian_width']} ({EAW_NAMES[p['east_asian_width']]})",
                    "bidi_mirrored": "mirrored" if p["mirrored"] else "not mirrored",
                    "decomposition": p["decomposition"] or "none", "block": p["block"]})
    return out


def _h(s: str) -> int:
    return int(hashlib.sha256(s.encode()).hexdigest(), 16)


def split_of(k: str) -> str:
    return "dev" if _h(f"catalog45:split{k}") % 3 == 0 else "test"


def row_split(recs: list[dict]) -> dict[str, str]:
    """A register row goes with the pages that point at it (build fails if two splits would share one)."""
    out: dict[str, str] = {}
    for r in recs:
        for h in r["hex"]:
            if out.setdefault(h, split_of(r["id"])) != split_of(r["id"]):
                raise SystemExit(f"row {h} is pointed at from both splits")
    return out


def layout_of(recs: list[dict]) -> dict[str, str]:
    order = sorted(recs, key=lambda r: _h(f"catalog45:layout{r['id']}"))
    return {r["id"]: LAYOUTS[i % 3] for i, r in enumerate(order)}


# ------------------------------------------------------------------ rendering


def words(n: int) -> str:
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + (f"-{ONES[n % 10]}" if n % 10 else "")
    if n < 1000:
        return f"{ONES[n // 100]} hundred" + (f" and {words(n % 100)}" if n % 100 else "")
    rest = n % 1000
    return f"{words(n // 1000)} thousand" + ("" if not rest else f" and {words(rest)}" if rest < 100 else
                                             f" {words(rest)}")


def words_and(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def see_rows(r: dict) -> str:
    return f"see codepoints.csv row{'s' if len(r['hex']) > 1 else ''} " + words_and(r["hex"])


def dec_text(r: dict, wordy: bool = False) -> str:
    ds = [words(c) if wordy else str(c) for c in r["cps"]]
    return words_and(ds)


def bare_text(r: dict) -> str:
    n = r["id"]
    if r["bare_mode"] == "key":
        return f"'{n}' is a key as well, so html.unescape('&{n}') also gives {r['bare_res']}"
    if r["bare_mode"] == "prefix":
        return (f"'{n}' is not a key; html.unescape('&{n}') reads the legacy name '{r['bare_prefix']}' and "
                f"returns {r['bare_res']}")
    return f"'{n}' is not a key; html.unescape('&{n}') returns it unchanged, {r['bare_res']}"


def h4_text(r: dict) -> str:
    if r["h4_mode"] == "none":
        return "not in name2codepoint"
    if r["h4_mode"] == "same":
        return f"name2codepoint['{r['id']}'] = {r['h4']}"
    return f"name2codepoint['{r['id']}'] = {r['h4']} ({hx(r['h4'])}), not the character html5 gives"


def cp2_text(r: dict) -> str:
    if len(r["cps"]) > 1:
        return "does not apply (the reference gives more than one code point)"
    if r["cp2name"] is None:
        return f"codepoint2name has nothing for {r['cps'][0]}"
    return f"codepoint2name[{r['cps'][0]}] = '{r['cp2name']}'"


def other_text(r: dict) -> str:
    o = r["other"]
    if r["other_mode"] == "same":
        return f"'{o};' is a key too and gives the same {r['res']}"
    if r["other_mode"] == "different":
        return f"'{o};' is a key for another character, {r['other_res']} ({' '.join(r['other_hex'])})"
    if r["other_mode"] == "prefix":
        return (f"'{o};' is not a key; html.unescape('&{o};') reads the legacy name '{r['other_prefix']}' and "
                f"returns {r['other_res']}")
    return f"'{o};' is not a key; html.unescape('&{o};') leaves it as it is"


def fields(r: dict) -> list[tuple[str, str]]:
    return [("Reference", f"&{r['id']};"), ("Unicode block", r["block"]),
            ("Code point" + ("s" if len(r["cps"]) > 1 else ""), " ".join(r["hex"])),
            ("Decimal", dec_text(r)), ("Code point count", str(len(r["cps"]))),
            ("Register", see_rows(r)),
            (f"html.unescape('&{r['id']};')", r["res"]),
            ("Without the semicolon", bare_text(r)),
            ("HTML 4 (html.entities.name2codepoint)", h4_text(r)),
            ("codepoint2name", cp2_text(r)),
            ("html5 keys for the same text", ", ".join(r["keys"])),
            (f"Other case ('&{r['other']};')", other_text(r))]


def front(r: dict) -> str:
    return (f"---\nreference: \"{r['id']}\"\ncode_points: \"{' '.join(r['hex'])}\"\nblock: \"{r['block']}\"\n"
            f"---\n\n")


def prose(r: dict) -> str:
    v = _h(f"catalog45:prose{r['id']}") % 3
    n, k = r["id"], len(r["cps"])
    if k == 1:
        cpt = f"{r['hex'][0]} (decimal {dec_text(r, v == 1)})"
    else:
        cnt = ONES[k] if v != 0 else str(k)
        cpt = f"{cnt} code points, {words_and(r['hex'])} (decimal {dec_text(r, v == 1)})"
    s = [[f"&{n}; is the HTML named character reference for {cpt}, in the {r['block']} block.",
          f"The named reference &{n}; stands for {cpt}; the text belongs to the {r['block']} block.",
          f"In the {r['block']} block sits what &{n}; produces: {cpt}."][v]]
    s.append([f"The Unicode properties are in the register ({see_rows(r)}).",
              f"For its Unicode properties, {see_rows(r)}.", f"Unicode data: {see_rows(r)}."][v])
    s.append([f"html.unescape('&{n};') returns {r['res']}.", f"Python's html.unescape turns '&{n};' into {r['res']}.",
              f"Unescaped with Python, '&{n};' gives {r['res']}."][v])
    if r["bare_mode"] == "key":
        s.append([f"The semicolon may be dropped: '{n}' is a key of html5 as well, and html.unescape('&{n}') "
                  f"gives {r['bare_res']} too.",
                  f"Written without the semicolon it still works, since '{n}' is also a key; "
                  f"html.unescape('&{n}') returns {r['bare_res']}.",
                  f"It is one of the legacy names that need no semicolon: html.unescape('&{n}') returns "
                  f"{r['bare_res']} as well."][v])
    elif r["bare_mode"] == "prefix":
        s.append([f"Without the semicolon it goes wrong: '{n}' is not a key, so html.unescape('&{n}') reads the "
                  f"legacy name '{r['bare_prefix']}' at its start and returns {r['bare_res']}.",
                  f"Drop the semicolon and html.unescape('&{n}') returns {r['bare_res']}, because it matches "
                  f"the legacy name '{r['bare_prefix']}' and keeps the rest as text.",
                  f"The bare form is not a key; html.unescape('&{n}') takes the legacy name "
                  f"'{r['bare_prefix']}' from the front and gives {r['bare_res']}."][v])
    else:
        s.append([f"The semicolon is required: '{n}' alone is not a key, and html.unescape('&{n}') returns it "
                  f"unchanged, {r['bare_res']}.",
                  f"Without the semicolon nothing happens: html.unescape('&{n}') gives back {r['bare_res']}.",
                  f"The bare form '{n}' is not a key of html5, so html.unescape('&{n}') leaves {r['bare_res']} "
                  f"as it is."][v])
    p1 = " ".join(s)
    o = []
    if r["h4_mode"] == "none":
        o.append(["HTML 4 did not have this name: it is not in html.entities.name2codepoint.",
                  "The name is not among the HTML 4 names of name2codepoint.",
                  "html.entities.name2codepoint lacks it, so it is not an HTML 4 name."][v])
    elif r["h4_mode"] == "same":
        h = words(r["h4"]) if v == 2 else str(r["h4"])
        o.append([f"It is an HTML 4 name too: name2codepoint['{n}'] is {h}.",
                  f"HTML 4 knew it as well; name2codepoint['{n}'] gives {h}.",
                  f"In html.entities.name2codepoint, the HTML 4 table, '{n}' maps to {h}."][v])
    else:
        o.append(f"HTML 4 used the name for another character: name2codepoint['{n}'] is {r['h4']} "
                 f"({hx(r['h4'])}), not the character html5 gives.")
    if k > 1:
        o.append(["codepoint2name does not apply, since the reference gives more than one code point.",
                  "With more than one code point, codepoint2name does not apply.",
                  "codepoint2name, which maps single code points, does not apply here."][v])
    elif r["cp2name"] is None:
        o.append([f"codepoint2name has nothing for {r['cps'][0]}.",
                  f"There is nothing for {r['cps'][0]} in codepoint2name.",
                  f"codepoint2name holds not a single name for {r['cps'][0]}."][v])
    else:
        o.append([f"codepoint2name[{r['cps'][0]}] is '{r['cp2name']}'.",
                  f"For the code point, codepoint2name gives '{r['cp2name']}'.",
                  f"Looked up the other way, codepoint2name[{r['cps'][0]}] = '{r['cp2name']}'."][v])
    o.append(["html.entities.html5 has these keys for the same text: " + words_and(r["keys"]) + ".",
              "The keys of html5 that give this text are " + words_and(r["keys"]) + ".",
              "Keys in html5 with this value: " + ", ".join(r["keys"]) + "."][v])
    ot = r["other"]
    if r["other_mode"] == "same":
        o.append(f"The name also works in the other case: '{ot};' is a key and gives the same {r['res']}.")
    elif r["other_mode"] == "different":
        o.append(f"Case matters: '{ot};' is a key for another character, {r['other_res']} "
                 f"({' '.join(r['other_hex'])}).")
    elif r["other_mode"] == "prefix":
        o.append(f"Case matters: '{ot};' is not a key, and html.unescape('&{ot};') reads the legacy name "
                 f"'{r['other_prefix']}' and returns {r['other_res']}.")
    else:
        o.append([f"Case matters: '{ot};' is not a key, and html.unescape('&{ot};') leaves it as it is.",
                  f"Spelt '&{ot};' it is not recognised; html.unescape leaves it as it is.",
                  f"The other case, '{ot};', is not a key; html.unescape('&{ot};') leaves it as it is."][v])
    return p1 + "\n\n" + " ".join(o) + "\n"


def render(r: dict, lay: str, snap: dict) -> str:
    f = fields(r)
    head = front(r) + f"# &{r['id']};\n\n"
    if lay == "table":
        body = "| Field | Value |\n|---|---|\n" + "".join(f"| {a} | {b} |\n" for a, b in f)
    elif lay == "bullets":
        secs = [("Character", f[:6]), ("Python's html module", f[6:])]
        body = "\n".join(f"## {t}\n\n" + "".join(f"- {a}: {b}\n" for a, b in xs) for t, xs in secs)
    else:
        body = prose(r)
    return head + body + "\n" + (f"Source: Python {snap['python']}'s html.entities and html.unescape, with "
                                 f"unicodedata (Unicode {snap['unidata_version']}), on this machine.") + "\n"


def csv_text(rows_: list[dict]) -> str:
    b = io.StringIO()
    w = csv.DictWriter(b, fieldnames=list(rows_[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows_)
    return b.getvalue()


def render_all(snap: dict) -> dict[str, str]:
    recs = records(snap)
    lay = layout_of(recs)
    pages = {f"{r['doc_id']}.md": render(r, lay[r["id"]], snap) for r in recs}
    pages["codepoints.csv"] = csv_text(reg_rows(snap, recs))
    return pages


# ------------------------------------------------------------------ questions


def toks(s: str) -> list[str]:
    from ragtune.eval.metrics import answer_tokens

    return answer_tokens(s)


def has(text: str, gold: str) -> bool:
    from ragtune.eval.metrics import contains_tokens

    return contains_tokens(toks(text), toks(gold))


def echoed(q: str, gold: str) -> bool:
    """Half or more of the gold's tokens already stand in the question."""
    g, qt = toks(gold), set(toks(q))
    core = [t for t in g if t not in ("u",)]
    return len(g) > 1 and bool(core) and 2 * sum(t in qt for t in core) >= len(core)


def cat_golds(x: dict) -> list[str]:
    """A register row's category as gold: the code and its name, but never the bare code "No" (Number, other),
    which reads as an answer of no."""
    return [x["category_name"]] if x["category"] == "No" else [x["category"], x["category_name"]]


def row_text(x: dict) -> str:
    return "\n".join(f"{k.replace('_', ' ')}: {v}" for k, v in x.items() if v not in (None, ""))


def make_questions(snap: dict) -> dict[str, list[dict]]:
    rng = random.Random(SEED)
    recs = records(snap)
    by = {r["id"]: r for r in recs}
    allr = all_records(snap)
    pages = render_all(snap)
    page_of = {r["id"]: pages[f"{r['doc_id']}.md"] for r in recs}
    rows_ = {x["id"]: x for x in reg_rows(snap, recs)}
    rtext = {h: row_text(x) for h, x in rows_.items()}
    rsplit = row_split(recs)
    out = {}
    dev_golds: set[str] = set()
    for s in ("dev", "test"):
        mine = [r for r in recs if split_of(r["id"]) == s]
        rng.shuffle(mine)
        regs = [x for x in rows_.values() if rsplit[x["id"]] == s]
        rng.shuffle(regs)
        used: Counter = Counter()
        facts: set = set()
        qs: list[dict] = []

        def add(typ, q, ans, ev, fact, **kw):
            if fact in facts or any(used[e] >= MAX_USE for e in ev) or any(x["question"] == q for x in qs):
                return False
            if s == "test" and any(a.lower() in dev_golds for a in ans if a not in ("yes", "no")):
                return False
            same = tuple(sorted(a.lower() for a in ans))
            if same not in (("yes",), ("no",)) and sum(
                    tuple(sorted(a.lower() for a in x["answers"])) == same for x in qs) >= (
                    2 if kw.get("kind") in PROPERTY_KINDS else 1):
                return False  # one question per gold in a split (two for a Unicode property)
            if not kw.get("options") and any(has(q, a) or (a.lower() in q.lower() and kw.get("kind") != "s-prefix")
                                             or echoed(q, a) for a in ans):
                return False
            facts.add(fact)
            for e in ev:
                used[e] += 1
            qs.append({"question": q, "answers": ans, "type": typ, "evidence": ev, **kw})
            return True

        # single_hop
        sh = []
        for r in mine:
            n, ev = r["id"], [r["doc_id"]]
            if len(r["cps"]) == 1:
                sh.append((rng.choice([f"What code point does &{n}; stand for?",
                                       f"Which Unicode code point is &{n};?",
                                       f"What's the code point behind the {n} entity?"]),
                           [r["hex"][0], str(r["cps"][0])], ev, (n, "cp")))
            else:
                sh.append((rng.choice([f"How many code points does &{n}; expand to?",
                                       f"&{n}; gives how many code points?"]),
                           [str(len(r["cps"]))], ev, (n, "ncp")))
                sh.append((rng.choice([f"What is the second code point of &{n};?",
                                       f"&{n}; expands to two code points; which is the second one?"]),
                           [r["hex"][1]], ev, (n, "second")))
            others = [x for x in r["names"] if x.lower() != n.lower()]
            if others:
                sh.append((rng.choice([f"What other name does html5 have for the character &{n}; gives?",
                                       f"Give me another html5 entity name that produces the same thing as "
                                       f"&{n};.",
                                       f"Is there an alternative html5 name for &{n};? Which?"]),
                           others, ev, (n, "syn")))
            sh.append((rng.choice([f"Which Unicode block is the &{n}; character in?",
                                   f"What block of Unicode does &{n}; come from?"]),
                       [r["block"]], ev, (n, "block")))
            if r["bare_prefix"]:
                sh.append((rng.choice([f"If I write &{n} without the semicolon, which legacy name does "
                                       f"html.unescape match instead?",
                                       f"html.unescape('&{n}') misreads the missing semicolon; which shorter "
                                       f"entity name does it pick up?"]),
                           [r["bare_prefix"]], ev, (n, "prefix")))
            if r["cp2name"] and r["cp2name"].lower() != n.lower():
                sh.append((rng.choice([f"What name does codepoint2name give the character that &{n}; produces?",
                                       f"Under which HTML 4 name does codepoint2name list the &{n}; "
                                       f"character?"]),
                           [r["cp2name"]], ev, (n, "cp2name")))
            if r["other_mode"] == "different":
                sh.append((rng.choice([f"What code point does &{r['other']}; give, as opposed to &{n};?",
                                       f"&{n}; in the other case, &{r['other']};, gives which code point?"]),
                           [r["other_hex"][0]], ev, (n, "other")))
            if r["h4_mode"] == "differs":
                sh.append((f"What number does html.entities.name2codepoint hold for '{n}'?",
                           [str(r["h4"]), hx(r["h4"])], ev, (n, "h4")))
        for x in regs:
            h, ev = x["id"], [f"codepoints#{x['id']}"]
            if not x["name"].startswith("("):
                sh.append((rng.choice([f"What is the Unicode name of {h}?",
                                       f"What's {h} called in Unicode?"]), [x["name"]], ev, (h, "rowname")))
            sh.append((rng.choice([f"What general category does unicodedata give {h}?",
                                   f"Which Unicode general category is {h} in?"]),
                       cat_golds(x), ev, (h, "rowcat")))
            w = x["east_asian_width"]
            sh.append((rng.choice([f"What East Asian width does {h} have?",
                                   f"What's the east_asian_width of code point {h}?"]),
                       [w.split(" (")[1].rstrip(")")], ev, (h, "roweaw")))
        rng.shuffle(sh)
        pick(sh, lambda x: x[3][1], rng, WANT[s]["single_hop"],
             lambda x: add("single_hop", x[0], x[1], x[2], x[3], kind="s-" + x[3][1], ref=x[3][0]))
        # reverse: a code point (or a pair of them) -> the reference
        pool = []
        for r in mine:
            if len(r["cps"]) == 1:
                h, d = r["hex"][0], r["cps"][0]
                q = rng.choice([f"Which named character reference gives {h}?",
                                f"What's the entity name for &#{d};?",
                                f"I need {h} in HTML. Which named reference do I use?"])
                pool.append((q, r, r["names"], (r["id"], "cp"), "r-cp"))
                if r["h4_mode"] != "none":
                    hv = r["h4"]
                    pool.append((rng.choice([f"Which HTML 4 entity name does name2codepoint map to {hv}?",
                                             f"In html.entities.name2codepoint, which name has the value {hv}?"]),
                                 r, [r["id"]], (r["id"], "h4"), "r-h4"))
            else:
                pool.append((rng.choice([f"Which named reference expands to {' followed by '.join(r['hex'])}?",
                                         f"What entity gives the sequence {' '.join(r['hex'])}?"]),
                             r, r["names"], (r["id"], "seq"), "r-seq"))
        rng.shuffle(pool)
        pick(pool, lambda x: x[4], rng, WANT[s]["reverse"],
             lambda x: add("reverse", x[0], x[2], [x[1]["doc_id"]], x[3], kind=x[4], ref=x[1]["id"]))
        # multi_hop: page -> register row, or register row -> page
        pool = []
        for r in mine:
            n = r["id"]
            h = r["hex"][-1] if len(r["cps"]) > 1 else r["hex"][0]
            x = rows_[h]
            ev = [r["doc_id"], f"codepoints#{h}"]
            cand = []
            if len(r["cps"]) > 1:
                cand.append((rng.choice([f"What is the Unicode name of the combining character at the end of "
                                         f"&{n};?",
                                         f"&{n}; ends in a second code point; what is that character called in "
                                         f"Unicode?"]), [x["name"]], ev, "m-second"))
            else:
                if not x["name"].startswith("("):
                    cand.append((rng.choice([f"What is the official Unicode name of the character &{n}; "
                                             f"produces?",
                                             f"Unicode-wise, what is the character behind &{n}; called?"]),
                                 [x["name"]], ev, "m-name"))
                cand.append((rng.choice([f"What general category is the character &{n}; gives?",
                                         f"Which Unicode general category does the &{n}; character have?"]),
                             cat_golds(x), ev, "m-cat"))
                cand.append((rng.choice([f"What is the East Asian width of the character from &{n};?",
                                         f"How does unicodedata classify the East Asian width of &{n};'s "
                                         f"character?"]),
                             [x["east_asian_width"].split(" (")[1].rstrip(")")], ev, "m-eaw"))
                if not x["name"].startswith("("):
                    cand.append((rng.choice([f"Which named HTML reference gives the character called {x['name']}?",
                                             f"What's the HTML entity for the Unicode character {x['name']}?"]),
                                 r["names"], [f"codepoints#{h}", r["doc_id"]], "m-rev"))
            for q, g, e2, kd in cand:
                first = page_of[n] if e2[0] == r["doc_id"] else rtext[h]
                if not any(has(first, a) for a in g):
                    pool.append((q, g, e2, (n, kd[2:]), kd))
        rng.shuffle(pool)

        def add_chain(x):
            q, a, ev, f, kd = x
            row = next(e for e in ev if e.startswith("codepoints#"))
            if any(row in e["evidence"] for e in qs):
                return False
            return add("multi_hop", q, a, ev, f, kind=kd, ref=f[0])

        pick(pool, lambda x: x[4], rng, WANT[s]["multi_hop"], add_chain)
        # comparison
        n_, tries, yn = 0, 0, 0
        clean = [r for r in mine if not YESNO_WORD.search(page_of[r["id"]])]
        allnames = [(x, r["id"]) for r in mine for x in r["names"]]
        while n_ < WANT[s]["comparison"] and tries < 4000:
            tries += 1
            if yn < YESNO[s]:
                want_yes = yn % 2 == 0
                r = rng.choice(clean)
                how = ("syn", "bare", "h4")[yn % 3]  # the kinds in turn
                if how == "bare":
                    if r["bare_mode"] == "prefix" or (r["bare_mode"] == "key") != want_yes:
                        continue
                    q = rng.choice([f"Does html.unescape decode '&{r['id']}' without the semicolon?",
                                    f"Can I leave the semicolon off &{r['id']}; and still get the character?"])
                    kd, fact = "yn-bare", (r["id"], "yn-bare")
                elif how == "h4":
                    if (r["h4_mode"] != "none") != want_yes:
                        continue
                    q = rng.choice([f"Is {r['id']} one of the HTML 4 names in html.entities.name2codepoint?",
                                    f"Was &{r['id']}; already an HTML 4 entity?"])
                    kd, fact = "yn-h4", (r["id"], "yn-h4")
                else:
                    cands = ([x for x in r["names"] if x.lower() != r["id"].lower()] if want_yes else
                             [x for x, o in allnames if o != r["id"] and x.lower() not in
                              [y.lower() for y in r["names"]]])
                    if not cands:
                        continue
                    a = rng.choice(cands)
                    q = rng.choice([f"Is &{a}; another html5 name for the same character as &{r['id']};?",
                                    f"Do &{a}; and &{r['id']}; give the same text?"])
                    kd, fact = "yn-syn", (a, "yn")
                if add("comparison", q, ["yes" if want_yes else "no"], [r["doc_id"]], fact, options=["yes", "no"],
                       derived=True, kind=kd, ref=r["id"]):
                    n_ += 1
                    yn += 1
                continue
            fld, qq = [  # the fields in turn (the next one after 200 tries without a pair)
                ("cp", ["Which has the higher code point, &{a}; or &{b};?",
                        "Which comes later in Unicode: &{a}; or &{b};?"]),
                ("h4", ["Which of &{a}; and &{b}; was already an HTML 4 entity name?",
                        "Which one is in html.entities.name2codepoint, {a} or {b}?"]),
                ("bare", ["Which still works without a semicolon, &{a} or &{b}?",
                          "Which of {a} and {b} can be written without the trailing semicolon?"]),
                ("ncp", ["Which expands to more code points, &{a}; or &{b};?"])][(n_ - yn + tries // 200) % 4]
            a, b = rng.sample(mine, 2)
            if a["id"].lower() == b["id"].lower():
                continue
            va, vb = cmp_value(a, fld), cmp_value(b, fld)
            if va is None or vb is None or va == vb:
                continue
            w = a if va > vb else b
            if add("comparison", rng.choice(qq).format(a=a["id"], b=b["id"]), [w["id"]],
                   [a["doc_id"], b["doc_id"]], (tuple(sorted([a["id"], b["id"]])), fld), options=[a["id"], b["id"]],
                   kind="c-" + fld):
                n_ += 1
        # filter
        n_ = 0
        for r in mine:  # one derived count per split: how many html5 keys give the same text
            if len(r["keys"]) < 3:
                continue
            if add("filter", rng.choice([f"How many keys in html.entities.html5 (with or without the semicolon) "
                                         f"give the same text as &{r['id']};?",
                                         f"Counting every spelling, how many html5 keys map to the character of "
                                         f"&{r['id']};?"]),
                   [str(len(r["keys"]))], [r["doc_id"]], (r["id"], "nkeys"), derived=True, kind="f-nkeys",
                   ref=r["id"]):
                n_ += 1
                break
        k, tries = 0, 0
        while k < AMONG[s] and tries < 4000:
            tries += 1
            what = rng.choice(["h4", "bare", "multi"])
            test_ = {"h4": lambda x: x["h4_mode"] == "none", "bare": lambda x: x["bare_mode"] == "key",
                     "multi": lambda x: len(x["cps"]) > 1}[what]
            odd = [x for x in mine if test_(x)]
            rest = [x for x in mine if not test_(x)]
            if not odd or len(rest) < 3:
                continue
            r = rng.choice(odd)
            opts = [r] + rng.sample(rest, 3)
            if len({o["id"].lower() for o in opts}) < 4:
                continue
            rng.shuffle(opts)
            names = ", ".join(f"&{o['id']};" for o in opts[:-1]) + f" and &{opts[-1]['id']};"
            q = {"h4": rng.choice([f"Among {names}, which one is not an HTML 4 name?",
                                   f"Which of {names} is missing from name2codepoint?"]),
                 "bare": rng.choice([f"Among {names}, which one works without its semicolon?",
                                     f"Which of {names} does html.unescape decode even when the ';' is left off?"]),
                 "multi": rng.choice([f"Among {names}, which expands to more than one code point?",
                                      f"Which of {names} is a two-code-point reference?"])}[what]
            if add("filter", q, [r["id"]], [o["doc_id"] for o in opts], (r["id"], "among"),
                   options=[o["id"] for o in opts], kind="f-among"):
                n_ += 1
                k += 1
        pool = [x for r in mine for x in only_pool(r, allr, rng)]
        rng.shuffle(pool)
        pick(pool, lambda x: x[3], rng, WANT[s]["filter"] - n_,
             lambda x: add("filter", x[0], [x[1]["id"]], [x[1]["doc_id"]], x[2], kind=x[3], ref=x[1]["id"]))
        # unanswerable
        un = []
        for k2 in ABSENT[s]:
            un += [(q, "absent-reference", k2) for q in ABSENT_Q[k2]]
        un = un[:ABSENT_N[s]]
        fl = list(ABSENT_FIELDS)
        for i in range(WANT[s]["unanswerable"] - len(un)):
            r = mine[i]
            f = fl[(i + (0 if s == "dev" else 2)) % len(fl)]
            un.append((ABSENT_FIELDS[f][0].format(c=r["id"]), "absent-field:" + f, r["id"]))
        for q, kd, k2 in un:
            qs.append({"question": q, "answers": [], "type": "unanswerable", "evidence": [], "kind": kd, "ref": k2})
        rng.shuffle(qs)
        out[s] = [{"id": f"{PREFIX}-{s}-{i + 1:03d}", **q} for i, q in enumerate(qs)]
        if s == "dev":
            dev_golds = {a.lower() for q in qs for a in q["answers"]}
    return out


def pick(pool: list, kind_of, rng: random.Random, want: int, try_add) -> int:
    """Take up to `want` items of the pool kind by kind (round robin over its kinds in a seeded order, each
    turn going on down its kind until one is taken), so that no one kind of question fills a type."""
    groups: dict = {}
    for x in pool:
        groups.setdefault(kind_of(x), []).append(x)
    kinds = sorted(groups)
    rng.shuffle(kinds)
    n = 0
    while n < want and any(groups.values()):
        for k in kinds:
            while n < want and groups[k]:
                if try_add(groups[k].pop(0)):
                    n += 1
                    break
    return n


def cmp_value(r: dict, fld: str):
    if fld == "cp":
        return r["cps"][0] if len(r["cps"]) == 1 else None
    if fld == "h4":
        return int(r["h4_mode"] != "none")
    if fld == "bare":
        return int(r["bare_mode"] == "key")
    return len(r["cps"])


PREDICATES = [
    (lambda x: x["bare_mode"] == "key", "Which is the only reference {b} that still works without its semicolon?"),
    (lambda x: x["bare_mode"] != "key", "Which reference {b} is the one that needs its semicolon?"),
    (lambda x: x["h4_mode"] != "none", "Which is the only reference {b} that HTML 4's name2codepoint lists?"),
    (lambda x: x["h4_mode"] == "none", "Which reference {b} is the one that was not an HTML 4 name?"),
    (lambda x: len(x["cps"]) > 1, "Which is the only reference {b} that expands to two code points?"),
    (lambda x: len(x["keys"]) == 1, "Which reference {b} has just one key in html5, with no other spelling?"),
    (lambda x: x["bare_mode"] == "prefix",
     "Which reference {b} turns into something else in html.unescape when its semicolon is dropped?"),
    (lambda x: x["h4_mode"] == "differs",
     "Which reference {b} has a different code point in HTML 4's name2codepoint than in html5?"),
    (lambda x: x["other_mode"] == "same", "Which is the only reference {b} that also works spelt in the other case?"),
    (lambda x: x["other_mode"] == "different",
     "Which reference {b} means a different character when spelt in the other case?"),
]


def only_pool(r: dict, allr: dict, rng: random.Random) -> list[tuple]:
    """'The only one' questions: a predicate true of r alone in the whole catalogue, or else alone in its block (a
    block of three or more references), ABSENT references counted."""
    out = []
    for pred, text in PREDICATES:
        if not pred(r):
            continue
        if [x for x in allr.values() if pred(x)] == [r]:
            out.append((text.format(b="in the catalogue"), r, (r["id"], "only"), "f-only"))
            continue
        band = [x for x in allr.values() if x["block"] == r["block"]]
        if len(band) >= 3 and [x for x in band if pred(x)] == [r]:
            out.append((text.format(b=f"in the catalogue's {r['block']} block"), r, (r["id"], "only"), "f-only"))
    # the one code point in a range (all code points of every reference, ABSENT included)
    if len(r["cps"]) == 1:
        pts = sorted({c for x in allr.values() for c in x["cps"]})
        i = pts.index(r["cps"][0])
        if 0 < i < len(pts) - 1:
            lo, hi = pts[i - 1] + 1, pts[i + 1] - 1
            c = r["cps"][0]
            if lo < c < hi:
                lo, hi = rng.randint(lo, c - 1), rng.randint(c + 1, hi)
                out.append((rng.choice([f"Which reference in the catalogue has its code point between {hx(lo)} and "
                                        f"{hx(hi)}?",
                                        f"Of the catalogued entities, which one falls in the range {hx(lo)}-"
                                        f"{hx(hi)}?"]),
                            r, (r["id"], "range"), "f-range"))
    return out


def qa_text(rows_: list[dict]) -> str:
    return "".join(json.dumps(q, ensure_ascii=False) + "\n" for q in rows_)


def build(force: bool) -> None:
    snap = load_snapshot()
    if CORPUS.exists() and not force:
        sys.exit(f"{CORPUS} exists; pass --force to render again")
    pages = render_all(snap)
    for p in CORPUS.rglob("*"):
        if p.is_file():
            p.unlink()
    for rel, text in pages.items():
        (CORPUS / rel).parent.mkdir(parents=True, exist_ok=True)
        (CORPUS / rel).write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    for s, rows_ in qs.items():
        (OUT / f"{s}.jsonl").write_text(qa_text(rows_), encoding="utf-8")
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    print(f"{len(pages) - 1} pages, codepoints.csv; dev {len(qs['dev'])}, test {len(qs['test'])}")


# ------------------------------------------------------------------ check


def number_patterns(n: int) -> list[str]:
    return [rf"(?<![\w.,+]){n}(?![\w,])", rf"(?<![\w.+]){n:,}(?![\w,])",
            r"(?<![\w-])" + re.escape(words(n)) + r"(?![\w-])"]


def absent_patterns(snap: dict, k: str) -> list[str]:
    """Patterns of a left-out reference: every html5 key of its text, its code points (U+ form, decimal in digits
    or words) and their Unicode names."""
    r = all_records(snap)[k]
    pats = []
    for c in r["cps"]:
        pats += number_patterns(c) + [rf"U\+0*{c:X}(?![0-9A-F])"]
        nm = snap["points"][hx(c)]["name"]
        if nm:
            pats.append(r"(?<![\w-])" + re.escape(nm).replace(r"\ ", r"\s+") + r"(?![\w-])")
    pats += [r"(?<![\w-])" + re.escape(x) + r"(?![\w-])" for x in r["names"]]
    pats.append(re.escape(r["text"]))
    return pats


def numforms(g: str) -> list[str]:
    return [g, f"{int(g):,}"] if g.isdigit() else [g]


def check() -> int:
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    results = []
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*")
               if p.is_file()}
    bad = [k for k in pages if on_disk.get(k) != pages[k]] + [k for k in on_disk if k not in pages]
    results.append((f"snapshot rendered again equals corpus/ ({len(pages) - 1} pages + codepoints.csv)", bad))
    qs = make_questions(snap)
    bad = [s for s in qs if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl", bad))
    # the snapshot agrees with itself: unescape results follow from the html5 values it holds
    bad = [] if snap["python"].startswith("3.11") else [snap["python"]]
    if snap["unidata_version"] != snap["blocks_version"]:
        bad.append(f"unicodedata {snap['unidata_version']} but Blocks {snap['blocks_version']}")
    names = [e["name"] for e in snap["refs"]]
    bad += [a for a in absent_ids() if a not in names]
    bad += [f"{n} twice" for n, c in Counter(x.lower() for x in names).items() if c > 1]
    for e in snap["refs"]:
        n = e["name"]
        if e["unescape_semi"] != e["text"] or f"{n};" not in e["keys"]:
            bad.append(f"{n}: html.unescape('&{n};') or keys disagree with html5")
        if e["bare_key"] != (n in e["keys"]) or (e["bare_key"] and e["unescape_bare"] != e["text"]):
            bad.append(f"{n}: bare key disagrees with keys / unescape")
        if not e["bare_key"]:
            want = (e["bare_prefix_value"] + n[len(e["bare_prefix"]):]) if e["bare_prefix"] else f"&{n}"
            if e["unescape_bare"] != want:
                bad.append(f"{n}: html.unescape('&{n}') = {e['unescape_bare']!r}, expected {want!r}")
        if e["other_key"] != (e["other_case"] + ";" in e["keys"]) and e["unescape_other"] == e["text"]:
            bad.append(f"{n}: other case")
        if not e["other_key"]:
            o = e["other_case"] + ";"
            want = (e["other_prefix_value"] + o[len(e["other_prefix"]):]) if e["other_prefix"] else f"&{o}"
            if e["unescape_other"] != want:
                bad.append(f"{n}: html.unescape('&{o}') = {e['unescape_other']!r}, expected {want!r}")
        if [ord(c) for c in e["text"]] != e["code_points"] or any(hx(c) not in snap["points"]
                                                                 for c in e["code_points"]):
            bad.append(f"{n}: code points")
        if [e["name2codepoint"]] == e["code_points"] and e["codepoint2name"] is None:
            bad.append(f"{n}: an HTML 4 name whose code point codepoint2name lacks")
    bad += [f"{h}: block" for h, p in snap["points"].items() if not p["block"] or hx(p["cp"]) != h]
    ex = snap["unescape_examples"]
    if ex["&amp"] != "&" or ex["&ampx"] != "&x" or ex["&alpha"] != "&alpha":
        bad.append(f"unescape examples {ex}")
    results.append((f"snapshot: Python {snap['python']}, unicodedata {snap['unidata_version']} = Blocks "
                    f"{snap['blocks_version']}; {len(names)} references ({snap['html5_keys']} html5 keys, "
                    f"{snap['html5_keys_without_semicolon']} without ';', {snap['name2codepoint_names']} HTML 4 "
                    f"names); ABSENT are real; unescape results follow from html5 (bare and other-case fallbacks "
                    f"on the longest legacy prefix)", bad))
    found, problems = scan_corpus(CORPUS)
    docs, bad = {}, [str(p) for p in problems]
    for f in found:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                bad.append(str(d))
    recs = records(snap)
    regrows = reg_rows(snap, recs)
    want = {r["doc_id"] for r in recs} | {f"codepoints#{x['id']}" for x in regrows}
    if set(docs) != want:
        bad.append(f"ids differ: {sorted(set(docs) ^ want)[:5]}")
    lay = Counter(layout_of(recs).values())
    results.append((f"corpus loads {len(docs)} documents ({len(recs)} pages, {len(regrows)} register rows); "
                    f"layouts {dict(lay)}", bad))
    rows_ = {s: [json.loads(x) for x in (OUT / f"{s}.jsonl").read_text(encoding="utf-8").splitlines()]
             for s in ("dev", "test")}
    bad = []
    for s in rows_:
        try:
            load_qa(OUT / f"{s}.jsonl", corpus_ids=set(docs))
        except Exception as e:  # noqa: BLE001
            bad.append(f"{s}: {e}")
    ids = [q["id"] for s in rows_ for q in rows_[s]]
    bad += [f"id {i} twice" for i, c in Counter(ids).items() if c > 1]
    rsplit = row_split(recs)
    for s in rows_:
        for q in rows_[s]:
            if not q["id"].startswith(f"{PREFIX}-{s}-"):
                bad.append(f"{q['id']}: id of the other split")
            if q["type"] == "unanswerable":
                if q["answers"] or q["evidence"]:
                    bad.append(f"{q['id']}: unanswerable with answers or evidence")
                continue
            if not q["answers"] or not q["evidence"] or any(e not in docs for e in q["evidence"]):
                bad.append(f"{q['id']}: answers or evidence missing")
            if q["type"] == "multi_hop" and len(q["evidence"]) < 2:
                bad.append(f"{q['id']}: chain with one document")
            if q.get("options") and not set(q["answers"]) <= set(q["options"]):
                bad.append(f"{q['id']}: gold not among options")
            if q.get("options") and not all(re.search(r"(?<![\w.-])" + re.escape(o) + r"(?![\w-])", q["question"])
                                            for o in q["options"] if o not in ("yes", "no")):
                bad.append(f"{q['id']}: an option not named in the question")
            if q.get("options") and len({o.lower() for o in q["options"]}) < len(q["options"]):
                bad.append(f"{q['id']}: options that differ only in case")
            if (q.get("options") == ["yes", "no"] or q.get("kind") == "f-nkeys") != bool(q.get("derived")):
                bad.append(f"{q['id']}: derived flag")
            for e in q["evidence"]:
                sp = rsplit.get(e.split("#")[1]) if e.startswith("codepoints#") else split_of(e.split("/")[-1])
                if sp != s:
                    bad.append(f"{q['id']}: evidence {e} of the other split")
    results.append(("load_qa reads both splits; ids unique and of their split; evidence exists and is of the "
                    "item's split; unanswerables empty; golds among options, options named in the question and "
                    "not differing only in case; derived flags (yes/no, the key count)", bad))
    bad = []
    by = {r["id"]: r for r in recs}
    keys_line = re.compile(r"(?:html5 keys for the same text|has these keys for the same text|"
                           r"keys of html5 that give this text are|Keys in html5 with this value)\W+([^\n|]+?)"
                           r"(?:\.\s|\.?\s*\|?\s*$)", re.M)
    for s in rows_:
        for q in rows_[s]:
            if q["type"] == "unanswerable":
                continue
            texts = [docs[e].text for e in q["evidence"] if e in docs]
            if q.get("derived"):
                r = by[q["ref"]]
                if q["kind"] == "yn-bare":
                    truth = r["bare_mode"] == "key"
                elif q["kind"] == "yn-h4":
                    truth = r["h4_mode"] != "none"
                elif q["kind"] == "yn-syn":
                    a = re.match(r"(?:Is &(\S+?); another|Do &(\S+?); and)", q["question"])
                    truth = (a.group(1) or a.group(2)).lower() in [x.lower() for x in r["names"]]
                else:
                    truth = None
                    line = keys_line.search(texts[0])
                    listed = re.split(r",\s*|\s+and\s+", line.group(1).strip()) if line else []
                    if q["answers"] != [str(len(listed))] or listed != r["keys"]:
                        bad.append(f"{q['id']}: count {q['answers']} disagrees with the page's keys line {listed}")
                if truth is not None and ((q["answers"] == ["yes"]) != truth or YESNO_WORD.search(texts[0])):
                    bad.append(f"{q['id']}: yes/no gold disagrees with the record (or the page has a yes/no word)")
                continue
            target = texts[-1:] if q["type"] == "multi_hop" else texts
            for g in q["answers"]:
                if not any(has(t, f) for f in numforms(g) for t in target):
                    bad.append(f"{q['id']}: gold {g!r} not in its evidence")
                if q["type"] == "multi_hop" and has(texts[0], g):
                    bad.append(f"{q['id']}: gold {g!r} already in the first hop")
                if not q.get("options") and (has(q["question"], g) or (g.lower() in q["question"].lower() and
                                                                       q["kind"] != "s-prefix")):
                    bad.append(f"{q['id']}: gold {g!r} inside its question")
    results.append(("every gold occurs as whole tokens (number forms and words allowed) in an evidence document "
                    "(the last, on chains, and not in the first hop); not inside its question; yes/no golds agree "
                    "with the record and the page writes no yes/no word; counts agree with the page's keys line",
                    bad))
    bad = []
    qd = {q["question"].lower() for q in rows_["dev"]}
    bad += [q["id"] for q in rows_["test"] if q["question"].lower() in qd]
    dk = {(q.get("ref"), q.get("kind")) for q in rows_["dev"] if q["type"] != "unanswerable"}
    bad += [q["id"] for q in rows_["test"] if q["type"] != "unanswerable" and q.get("ref") and
            (q.get("ref"), q.get("kind")) in dk]
    dg = {a.lower() for q in rows_["dev"] for a in q["answers"]} - {"yes", "no"}
    bad += [f"{q['id']}: gold {a!r} also a dev gold" for q in rows_["test"] for a in q["answers"] if a.lower() in dg]
    dr = {q["ref"] for q in rows_["dev"] if q.get("ref")} - set(absent_ids())
    bad += [f"{q['id']}: ref {q['ref']} also asked in dev" for q in rows_["test"]
            if q.get("ref") in dr and q["type"] != "unanswerable"]
    results.append(("no question, fact (pages and rows split by reference) or gold string (yes/no aside) in both "
                    "dev and test", bad))
    bad = []
    for k in absent_ids():
        for pat in absent_patterns(snap, k):
            bad += [f"{k} ({pat}) on {p}" for p, x in on_disk.items() if re.search(pat, x, re.I)]
    for f, (_, pat) in ABSENT_FIELDS.items():
        bad += [f"{f} pattern on {p}" for p, x in on_disk.items() if re.search(pat, x, re.I)]
    for s in rows_:
        for q in rows_[s]:
            if q["type"] != "unanswerable":
                continue
            if q["kind"] == "absent-reference":
                r = all_records(snap)[q["ref"]]
                pats = absent_patterns(snap, q["ref"])
                made_up = f"&{q['ref']}; gives {r['hex'][0]} ({r['cps'][0]})."
                if q["ref"] not in ABSENT[s]:
                    bad.append(f"{q['id']}: left-out reference of the other split")
                if not re.search(r"(?<![\w-])" + re.escape(q["ref"]) + r"(?![\w-])", q["question"]):
                    bad.append(f"{q['id']}: question does not name its left-out reference")
            else:
                f = q["kind"].split(":")[1]
                pats, made_up = [ABSENT_FIELDS[f][1]], MADE_UP[f].format(c=q["ref"])
            if not any(re.search(p, made_up, re.I) for p in pats):
                bad.append(f"{q['id']}: its pattern misses the made-up answer {made_up!r}")
    results.append(("unanswerables: left-out references (html5 keys, code points as U+ and decimal in digits or "
                    "words, Unicode names, the text itself) in no corpus file; absent fields (year added, LaTeX "
                    "command, UTF-8 bytes, Alt code, CSS escape) on no page; each pattern matches a made-up answer",
                    bad))
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    ok = (OUT / "test.jsonl.sha256").read_text(encoding="utf-8") == f"{digest}  test.jsonl\n"
    results.append(("test.jsonl matches test.jsonl.sha256", [] if ok else ["sha256 mismatch"]))
    counts = {s: dict(Counter(q["type"] for q in rows_[s])) for s in rows_}
    results.append((f"split sizes and type mix (dev {len(rows_['dev'])}, test {len(rows_['test'])}): {counts}",
                    [f"{s}: {counts[s]} != {WANT[s]}" for s in WANT if counts[s] != WANT[s]]))
    fails = 0
    for name, b in results:
        print(("PASS" if not b else "FAIL") + f"  {name}")
        for x in b[:8]:
            print(f"      {x}")
        fails += bool(b)
    print(f"{len(results) - fails}/{len(results)} checks pass")
    return 1 if fails else 0


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
