"""Build the catalog30 evaluation corpus: the X11 named colours of this machine's rgb.txt.

    PYTHONPATH=src python scripts/build_catalog30.py snapshot [--force]  # /usr/share/X11/rgb.txt -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog30.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog30.py check               # loader + scorer + fact checks, no model

`snapshot` keeps the raw lines of this machine's X11 colour database, `/usr/share/X11/rgb.txt` (Debian package
x11-common), every one of them (the header and 753 colour lines: red, green and blue 0-255 and a name), with the
file's sha256 and the package version (for information). Written to `evalsets/catalog30/snapshot.json` (committed;
`snapshot` refuses to overwrite it without --force): another machine may carry another rgb.txt (newer X.Org
releases add names such as `WebGray` and `x11 gray`), so the committed snapshot is the source.

`build` renders one markdown page per catalogued colour (the spellings of one colour, "ghost white" and "GhostWhite",
"dark slate gray" and "DarkSlateGrey", merged into one page), `<hue family>/<name>.md` (`whites/`, `greys/`,
`reds/`, `pinks/`, `oranges/`, `yellows/`, `greens/`, `cyans/`, `blues/`, `purples/`, `browns/`), titled `#
<name> (<hex>)`, with YAML front matter and a body in one of three layouts dealt in turn in the order of
sha256("catalog30:layout<key>") within each split: `sheet` (a `| Field | Value |` table), `card` (headed sections
of `- Label: value` bullets) or `prose` (paragraphs, wording varied per page). It also writes `shared-values.csv`,
one row per RGB value that two or more distinct colour names of rgb.txt carry, and generates dev.jsonl and
test.jsonl from the snapshot (seeded, SEED), then writes test.jsonl.sha256. It refuses to overwrite corpus/ or the
question files without --force.

Everything a page states is computed from the stored lines, with the formulas stated in the README and on every
page: HSV and HSL by the usual hexcone formulas, exact, rounded half up to whole degrees and per cent; the WCAG 2.x
relative luminance (sRGB channels linearised, 0.2126 R + 0.7152 G + 0.0722 B) to four decimals; the WCAG contrast
ratio (L1 + 0.05) / (L2 + 0.05) against white and black to two decimals, AA for normal text at 4.5:1 or more
(unrounded). The CSS Color Module Level 4 column is written by hand (`CSS_NAMES`, `CSS_DIFFERS`).

`check` renders the snapshot and the questions again and compares them with the committed files, recomputes every
record from the stored lines, loads the corpus with ragtune's loader, reads both splits with `load_qa`, and checks
every item (evidence, gold in evidence text and tokens, scoring verdicts, facts against the snapshot, split
separation, unanswerables absent by pattern, the sha256, the type mix). It reads nothing of this machine's X11
files, so a fresh clone elsewhere checks the committed snapshot alone.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import math
import random
import re
import subprocess
import sys
from collections import Counter
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog30"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
SEED = 30
RGB_FILE = "/usr/share/X11/rgb.txt"
PACKAGE = "x11-common"

# The colours read, by key (a name without spaces, in lower case, grey as gray: "GhostWhite", "ghost white" ->
# ghostwhite). Chosen by hand for a spread: whites, greys and steps of the gray0-gray100 scale, reds, pinks,
# oranges, yellows, greens, cyans, blues, purples and browns; colours with numbered variants (name1 to name4) and
# without; numbered variants themselves; pairs of names with one value (aliases: dim gray and gray41, saddle brown
# and chocolate4); the four names whose CSS value differs from X11's (gray, green, maroon, purple); Debian's own
# DebianRed; and the six left out below.
READ = [
    # whites
    "snow", "ghostwhite", "whitesmoke", "floralwhite", "linen", "ivory", "aliceblue", "white",
    # greys
    "black", "darkslategray", "dimgray", "slategray", "gray", "lightgray", "darkgray", "gray41", "gray50", "gray96",
    # reds, pinks, oranges
    "red", "darkred", "firebrick", "indianred", "tomato", "debianred", "maroon",
    "hotpink", "deeppink", "pink", "mediumvioletred",
    "orange", "darkorange", "coral", "orangered",
    # yellows, greens, cyans
    "yellow", "gold", "khaki", "lightgoldenrod", "goldenrod", "palegoldenrod",
    "green", "darkgreen", "forestgreen", "limegreen", "seagreen", "palegreen", "lightgreen", "olivedrab",
    "yellowgreen",
    "cyan", "darkcyan", "turquoise", "aquamarine", "mediumaquamarine",
    # blues, purples, browns
    "blue", "navy", "midnightblue", "royalblue", "dodgerblue", "skyblue", "steelblue", "mediumblue", "darkblue",
    "purple", "mediumpurple", "blueviolet", "orchid", "plum", "magenta", "darkmagenta",
    "brown", "saddlebrown", "sienna", "peru", "chocolate", "tan", "wheat",
    # numbered variants
    "red4", "maroon1", "firebrick3", "seagreen4", "palegreen2", "olivedrab3", "cyan4", "aquamarine3", "royalblue3",
    "blue4", "blue3", "magenta4", "chocolate4", "tan3",
    # left out (ABSENT)
    "moccasin", "lawngreen", "darkviolet", "gainsboro", "cornflowerblue", "papayawhip",
]  # fmt: skip
# Read but left out: no page names them, and neither a spelling of their name, their hex code nor their RGB triple is
# in any corpus file (`check` verifies it). Each has one value that no other name of rgb.txt carries and no numbered
# variants, so no other page or register row names it.
ABSENT = {"dev": ["moccasin", "lawngreen", "darkviolet"], "test": ["gainsboro", "cornflowerblue", "papayawhip"]}

ABSENT_QUESTIONS = {
    "moccasin": ["What is the hex code of moccasin in the X11 colour database?",
                 "What contrast ratio does moccasin reach against black by the WCAG formula?"],
    "lawngreen": ["On which line of /usr/share/X11/rgb.txt does the spelling LawnGreen appear?"],
    "darkviolet": ["What is the HSL lightness of dark violet?"],
    "gainsboro": ["What red, green and blue values does rgb.txt give gainsboro?",
                  "What is the WCAG 2.x relative luminance of gainsboro?"],
    "cornflowerblue": ["How many spellings of cornflower blue does rgb.txt list, one per line?",
                       "What is the hue of CornflowerBlue, in degrees?"],
    "papayawhip": ["Which #RRGGBB code does the X11 colour list give papaya whip?",
                   "What contrast ratio does PapayaWhip reach against white?"],
}  # fmt: skip

# The hue family each catalogued colour is filed under (written by hand, as a colour reference groups its pages);
# a numbered variant goes with its base colour, a step of the grey scale with the greys.
FAMILY = {
    "whites": ["snow", "ghostwhite", "whitesmoke", "floralwhite", "linen", "ivory", "aliceblue", "white",
               "moccasin", "papayawhip"],
    "greys": ["black", "darkslategray", "dimgray", "slategray", "gray", "lightgray", "darkgray", "gainsboro"],
    "reds": ["red", "darkred", "firebrick", "indianred", "tomato", "debianred", "maroon"],
    "pinks": ["hotpink", "deeppink", "pink", "mediumvioletred"],
    "oranges": ["orange", "darkorange", "coral", "orangered"],
    "yellows": ["yellow", "gold", "khaki", "lightgoldenrod", "goldenrod", "palegoldenrod"],
    "greens": ["green", "darkgreen", "forestgreen", "limegreen", "seagreen", "palegreen", "lightgreen",
               "olivedrab", "yellowgreen", "lawngreen"],
    "cyans": ["cyan", "darkcyan", "turquoise", "aquamarine", "mediumaquamarine"],
    "blues": ["blue", "navy", "midnightblue", "royalblue", "dodgerblue", "skyblue", "steelblue", "mediumblue",
              "darkblue", "cornflowerblue"],
    "purples": ["purple", "mediumpurple", "blueviolet", "orchid", "plum", "magenta", "darkmagenta", "darkviolet"],
    "browns": ["brown", "saddlebrown", "sienna", "peru", "chocolate", "tan", "wheat"],
}  # fmt: skip
FAMILY_WORDS = {"whites": "whites and off-whites", "greys": "black, greys and steps of the grey scale",
                "reds": "reds, crimsons and maroons", "pinks": "pinks and rose reds", "oranges": "oranges and corals",
                "yellows": "yellows, golds and khakis", "greens": "greens, olives and limes",
                "cyans": "cyans, turquoises and aquamarines", "blues": "blues, navies and sky blues",
                "purples": "purples, violets and magentas", "browns": "browns, tans and siennas"}  # fmt: skip

# CSS Color Module Level 4 named colours (written by hand: the 148 keywords of the specification), and the five
# keywords whose CSS value differs from the X11 value of the same name (CSS took the HTML 4 values for them). Every
# other keyword that is also an X11 name here has the X11 value.
CSS_NAMES = set("""aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet
brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan
darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred
darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue
dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green
greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon
lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon
lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta
maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen
mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab
orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna
silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet
wheat white whitesmoke yellow yellowgreen""".split())
CSS_DIFFERS = {"gray": (128, 128, 128), "grey": (128, 128, 128), "green": (0, 128, 0), "maroon": (128, 0, 0),
               "purple": (128, 0, 128)}  # fmt: skip

# What these pages never state about a colour: (question, a pattern no corpus file may match, a made-up answer
# that the pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "pantone": ("Which Pantone colour is the closest match to {n}?", r"\bPantone\b|\bPMS\b",
                "The closest is Pantone 2728 C."),
    "named_by": ("Who gave {n} its name in the X11 colour list?",
                 r"\bnamed (?:it|by)\b|\bcoined\b|\bchose the name\b|\bRaveling\b|\bJohn C\. Thomas\b",
                 "Paul Raveling named it."),
    "year": ("In which year was {n} added to rgb.txt?",
             r"\badded (?:in|to|on)\b|\bintroduced (?:in|on)\b|\b(?:in|since) (?:19|20)\d\d\b|\bX11R\d",
             "It was added in 1989, in X11R4."),
    "ral": ("Which RAL Classic colour is nearest to {n}?", r"\bRAL\b", "RAL 5002, ultramarine blue."),
    "crayola": ("Which Crayola crayon has the same name or shade as {n}?", r"\bCrayola\b|\bcrayons?\b",
                "The Crayola crayon of the same name."),
    "wavelength": ("What is the dominant wavelength of {n}, in nanometres?",
                   r"\bwavelengths?\b|\bnanomet|\b\d+ ?nm\b", "About 470 nm."),
    "munsell": ("What is the Munsell notation of {n}?", r"\bMunsell\b", "Munsell 5PB 4/10."),
    "cielab": ("What are the CIELAB L*a*b* coordinates of {n}?", r"\bCIE ?LAB\b|\bL\*a\*b\*|\bLab\b",
               "L*a*b* 47, 26, -65."),
    "paint": ("Which paint manufacturer sells a paint matching {n}?",
              r"\bpaints?\b|\bmanufacturers?\b|\bDulux\b|\bFarrow\b", "Dulux sells a matching paint."),
    "windows": ("Which index does {n} have in the Windows 16-colour palette?",
                r"\bWindows\b|\bpalettes?\b|\bVGA\b|\bEGA\b", "Index 9 of the Windows palette."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 2, "test": 3}  # the most single-hop questions of one kind
CAP_REVERSE = {"dev": 2, "test": 2}
CAP_CMP = {"dev": 1, "test": 2}
CAP_HOP = {"dev": 2, "test": 2}
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 5, "filter-among": 4}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-colour items; the rest ask absent fields
REG_PER_SPLIT = {"dev": 2, "test": 3}  # single-hop questions about a register row
DEV_PAGES = 35  # dev takes link groups until it holds this many pages or more
LAYOUTS = ("sheet", "card", "prose")
STEP = {1: 255, 2: 238, 3: 205, 4: 139}  # the strongest channel of every numbered variant k in rgb.txt
FORMULA = ("Computed from the RGB values: HSV and HSL with the usual hexcone formulas, rounded half up to whole "
           "degrees and per cent; WCAG 2.x relative luminance (sRGB channels linearised, then 0.2126 R + 0.7152 G "
           "+ 0.0722 B) to four decimals; contrast ratio (L1 + 0.05) / (L2 + 0.05) to two decimals, AA for normal "
           "text from 4.5:1 on the unrounded ratio.")  # fmt: skip

# ------------------------------------------------------------------ reading rgb.txt

LINE = re.compile(r"^\s*(\d{1,3})\s+(\d{1,3})\s+(\d{1,3})\s+(\S(?:.*\S)?)\s*$")


def scan() -> dict:
    raw = Path(RGB_FILE).read_bytes()
    text = raw.decode("ascii")
    if not text.endswith("\n"):
        sys.exit(f"{RGB_FILE} does not end with a newline")
    p = subprocess.run(["dpkg-query", "-W", "-f", "${Package} ${Version}", PACKAGE], capture_output=True, text=True)
    return {"source": "this machine's X11 colour database, /usr/share/X11/rgb.txt (every line, as stored)",
            "file": RGB_FILE, "package": p.stdout.strip() if p.returncode == 0 else None,
            "sha256": hashlib.sha256(raw).hexdigest(), "lines": text[:-1].split("\n")}


def file_text(snap: dict) -> str:
    return "\n".join(snap["lines"]) + "\n"


def ckey(name: str) -> str:
    """One colour's key: its name without spaces, in lower case, grey spelled gray."""
    return name.replace(" ", "").lower().replace("grey", "gray")


_TABLES: dict = {}


def tables(snap: dict) -> dict:
    """Every line parsed once: the entries, the colours (spellings merged) in file order, values to colours."""
    key = hashlib.sha256(json.dumps(snap["lines"]).encode()).hexdigest()
    if _TABLES.get("key") == key:
        return _TABLES["value"]
    entries, bad = [], []
    for i, ln in enumerate(snap["lines"], 1):
        if ln.startswith("!") or not ln.strip():
            continue
        m = LINE.match(ln)
        if not m:
            bad.append(i)
            continue
        entries.append({"line": i, "rgb": (int(m[1]), int(m[2]), int(m[3])), "name": m[4]})
    colours: dict[str, dict] = {}
    for e in entries:
        c = colours.setdefault(ckey(e["name"]), {"key": ckey(e["name"]), "names": [], "rgb": e["rgb"]})
        c["names"].append((e["line"], e["name"]))
        if e["rgb"] != c["rgb"]:
            bad.append(e["line"])
    by_rgb: dict[tuple, list[str]] = {}
    for k, c in colours.items():
        by_rgb.setdefault(c["rgb"], []).append(k)
    # numbered families: name1 to name4 of a base name (the grey scale gray0-gray100 is no family)
    fams: dict[str, dict[int, str]] = {}
    for k in colours:
        m = re.fullmatch(r"(.*\D)([1-4])", k)
        if m and not re.fullmatch(r"gray\d+", k) and m[1] in colours:
            fams.setdefault(m[1], {})[int(m[2])] = k
    value = {"entries": entries, "colours": colours, "by_rgb": by_rgb, "families": fams, "bad": bad,
             "by_line": {e["line"]: e for e in entries}}
    _TABLES.update(key=key, value=value)
    return value


# ------------------------------------------------------------------ computed values


def half_up(x: Fraction) -> int:
    return math.floor(x + Fraction(1, 2))


def hsv_hsl(rgb: tuple[int, int, int]) -> dict:
    """HSV and HSL, exact, rounded half up: hue in whole degrees (None for a grey), the rest in whole per cent."""
    r, g, b = rgb
    mx, mn = max(rgb), min(rgb)
    d = mx - mn
    if d == 0:
        hue = None
    else:
        if mx == r:
            h = Fraction(g - b, d) % 6
        elif mx == g:
            h = Fraction(b - r, d) + 2
        else:
            h = Fraction(r - g, d) + 4
        hue = half_up(60 * h) % 360
    hsv_s = half_up(Fraction(100 * d, mx)) if mx else 0
    hsv_v = half_up(Fraction(100 * mx, 255))
    hsl_l = half_up(Fraction(100 * (mx + mn), 2 * 255))
    hsl_s = half_up(Fraction(100 * d, 255 - abs(mx + mn - 255))) if d else 0
    return {"hue": hue, "hsv_s": hsv_s, "hsv_v": hsv_v, "hsl_s": hsl_s, "hsl_l": hsl_l}


def _lin(c: int) -> float:
    x = c / 255
    return x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2.x relative luminance (for 8-bit channels the 0.03928 of WCAG 2.0 and sRGB's 0.04045 agree)."""
    r, g, b = rgb
    return 0.2126 * _lin(r) + 0.7152 * _lin(g) + 0.0722 * _lin(b)


def fixed(x: float, places: int) -> str:
    """x rounded half up to `places` decimals, as text ("0.1665", "4.90")."""
    n = math.floor(x * 10**places + 0.5)
    s = str(n).rjust(places + 1, "0")
    return f"{s[:-places]}.{s[-places:]}"


def margin(x: float, places: int) -> float:
    """How far x is from a rounding boundary, in units of the last place kept."""
    q = x * 10**places
    return abs(q - math.floor(q) - 0.5)


def contrasts(rgb: tuple[int, int, int]) -> tuple[float, float]:
    L = luminance(rgb)
    return 1.05 / (L + 0.05), (L + 0.05) / 0.05


def hexcode(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{c:02X}" for c in rgb)


# ------------------------------------------------------------------ records


def absent_colours() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def catalogued() -> list[str]:
    return [k for k in READ if k not in absent_colours()]


def cat_set() -> set[str]:
    return set(catalogued())


def family_of(k: str, snap: dict) -> str:
    t = tables(snap)
    for fam, ks in FAMILY.items():
        if k in ks:
            return fam
    if re.fullmatch(r"gray\d+", k):
        return "greys"
    for base, members in t["families"].items():
        if k in members.values():
            return family_of(base, snap)
    raise KeyError(k)


def camel_of(names: list[str]) -> str | None:
    """The spelling without spaces ("GhostWhite"), where the colour has a spaced one too."""
    if not any(" " in n for n in names):
        return None
    return next((n for n in names if " " not in n), None)


def split_camel(name: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()


def base_facts(k: str, snap: dict) -> dict:
    """What depends on the colour's own lines only (and the computed values)."""
    t = tables(snap)
    c = t["colours"][k]
    names = [n for _, n in c["names"]]
    rgb = c["rgb"]
    cw, cb = contrasts(rgb)
    L = luminance(rgb)
    mx = max(rgb)
    top = [ch for ch, v in zip(("red", "green", "blue"), rgb) if v == mx]
    return {"key": k, "names": c["names"], "spellings": names, "display": names[0], "camel": camel_of(names),
            "lines": [ln for ln, _ in c["names"]], "first_line": c["names"][0][0], "last_line": c["names"][-1][0],
            "n_spellings": len(names), "rgb": list(rgb), "r": rgb[0], "g": rgb[1], "b": rgb[2],
            "hex": hexcode(rgb), **hsv_hsl(rgb), "lum": fixed(L, 4), "cw": fixed(cw, 2), "cb": fixed(cb, 2),
            "aa_white": cw >= 4.5, "aa_black": cb >= 4.5, "text": "white" if cw > cb else "black",
            "strongest": top[0] if len(top) == 1 else None, "top": top, "max": mx,
            "neutral": rgb[0] == rgb[1] == rgb[2]}  # fmt: skip


def make_record(k: str, snap: dict) -> dict:
    t = tables(snap)
    x = base_facts(k, snap)
    fam = family_of(k, snap)
    stem = x["camel"] or x["display"]
    variants = [t["families"][k][n] for n in sorted(t["families"].get(k, {}))]
    base, number = None, None
    for b, members in t["families"].items():
        for n, m in members.items():
            if m == k:
                base, number = b, n
    grey = int(k[4:]) if re.fullmatch(r"gray\d+", k) else None
    aliases = [a for a in t["by_rgb"][tuple(x["rgb"])] if a != k]
    css = sorted({n.replace(" ", "").lower() for n in x["spellings"]} & CSS_NAMES)
    css_diff = CSS_DIFFERS.get(css[0]) if css else None
    cat = cat_set()
    return {"id": f"{fam}/{stem}", **x, "folder": fam,
            "variants": variants, "cat_variants": [v for v in variants if v in cat],
            "v1_same": (t["colours"][variants[0]]["rgb"] == tuple(x["rgb"])) if variants else None,
            "base": base, "number": number, "grey": grey,
            "aliases": aliases, "cat_aliases": [a for a in aliases if a in cat],
            "css": css, "css_rgb": list(css_diff) if css_diff else None,
            "css_hex": hexcode(css_diff) if css_diff else None,
            "spellings_of_variants": [name_of(v, snap) for v in variants],
            "base_name": name_of(base, snap) if base else None,
            "alias_names": [name_of(a, snap) for a in aliases]}  # fmt: skip


_REC: dict = {}


def records(snap: dict) -> list[dict]:
    key = id(snap)
    if _REC.get("key") != key:
        _REC.update(key=key, value=[make_record(k, snap) for k in catalogued()])
    return _REC["value"]


def all_facts(snap: dict) -> dict[str, dict]:
    """base_facts of every colour of the file: what uniqueness tests compare against."""
    t = tables(snap)
    if _ALL.get("key") != id(snap):
        _ALL.update(key=id(snap), value={k: base_facts(k, snap) for k in t["colours"]})
    return _ALL["value"]


_ALL: dict = {}


def reading(k: str, snap: dict) -> str | None:
    """How a numbered variant reads aloud ("RoyalBlue3" -> "royal blue 3"), where that is another token sequence."""
    t = tables(snap)
    for b, members in t["families"].items():
        for n, m in members.items():
            if m == k:
                c = t["colours"][k]
                words = split_camel(c["names"][0][1])
                words = re.sub(r"(\D)(\d)$", r"\1 \2", words)
                if _atok(words) != _atok(c["names"][0][1]):
                    return words
    return None


def forms(k: str, snap: dict) -> list[str]:
    """Every way an answer may name the colour: its spellings in file order and (a numbered variant) its reading."""
    t = tables(snap)
    out = [n for _, n in t["colours"][k]["names"]]
    rd = reading(k, snap)
    return out + ([rd] if rd else [])


def every_name(snap: dict) -> list[tuple[str, str]]:
    """(colour key, name) for every spelling of the file and every variant's reading."""
    t = tables(snap)
    return [(k, n) for k in t["colours"] for n in forms(k, snap)]


# ------------------------------------------------------------------ the register of shared values

REG_COLUMNS = ["id", "title", "hex", "rgb", "names", "lines", "colours", "first_line", "last_line", "catalogued"]


def shared_values(snap: dict) -> list[tuple[int, int, int]]:
    t = tables(snap)
    return [v for v, ks in t["by_rgb"].items() if len(ks) >= 2]


def row_id(v: tuple) -> str:
    return "hex-" + hexcode(v)[1:]


def register_rows(snap: dict) -> list[dict]:
    t = tables(snap)
    cat = cat_set()
    out = []
    for v in shared_values(snap):
        ks = t["by_rgb"][v]
        ents = sorted((ln, n) for k in ks for ln, n in t["colours"][k]["names"])
        disp = [t["colours"][k]["names"][0][1] for k in ks]
        catd = [t["colours"][k]["names"][0][1] for k in ks if k in cat]
        out.append({"id": row_id(v), "title": f"{hexcode(v)}: one value, {len(ks)} colour names in rgb.txt",
                    "hex": hexcode(v), "rgb": ", ".join(map(str, v)),
                    "names": "; ".join(f"{n} (line {ln})" for ln, n in ents), "lines": len(ents),
                    "colours": f"{len(ks)}: " + " and ".join(disp), "first_line": ents[0][0],
                    "last_line": ents[-1][0],
                    "catalogued": " and ".join(catd) + (" (pages in this catalogue)" if len(catd) > 1 else
                                                        " (a page in this catalogue)") if catd else
                    "none of them has a page in this catalogue"})  # fmt: skip
    return out


def register_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=REG_COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


def reg_by(snap: dict) -> dict[str, dict]:
    return {x["id"]: x for x in register_rows(snap)}


def row_colours(snap: dict, rid: str) -> list[str]:
    t = tables(snap)
    v = next(v for v in shared_values(snap) if row_id(v) == rid)
    return t["by_rgb"][v]


# ------------------------------------------------------------------ pages


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog30:{salt}{key}".encode()).hexdigest(), 16)


def links(r: dict) -> list[str]:
    """The catalogued colours a page names: its catalogued variants, its base, its catalogued aliases."""
    out = set(r["cat_variants"]) | set(r["cat_aliases"])
    if r["base"] and r["base"] in cat_set():
        out.add(r["base"])
    return sorted(out)


def link_groups(recs: list[dict]) -> list[list[str]]:
    parent = {r["key"]: r["key"] for r in recs}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in recs:
        for x in links(r):
            parent[find(x)] = find(r["key"])
    out: dict[str, list[str]] = {}
    for r in recs:
        out.setdefault(find(r["key"]), []).append(r["key"])
    return [sorted(g) for g in out.values()]


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Keyed by colour: link groups in the order of sha256("catalog30:<the group's first colour>"); dev takes groups
    until it holds DEV_PAGES pages or more."""
    out, n = {}, 0
    for g in sorted(link_groups(recs), key=lambda g: _h(g[0])):
        part = "dev" if n < DEV_PAGES else "test"
        n += len(g) if part == "dev" else 0
        out.update({c: part for c in g})
    return out


def split_rows(snap: dict, sp: dict[str, str]) -> dict[str, str]:
    """Keyed by row id: the split of the catalogued colours it names where they are all of one split, else the turn
    of sha256("catalog30:row<id>") (two of five rows to dev)."""
    out = {}
    for x in register_rows(snap):
        parts = {sp[c] for c in row_colours(snap, x["id"]) if c in sp}
        out[x["id"]] = parts.pop() if len(parts) == 1 else ("dev" if _h(x["id"], "row") % 5 < 2 else "test")
    return out


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    sp = split_pages(recs)
    for part in ("dev", "test"):
        ids = [r["key"] for r in recs if sp[r["key"]] == part]
        for i, d in enumerate(sorted(ids, key=lambda x: _h(x, "layout"))):
            _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[r["key"]]


def and_list(xs: list[str]) -> str:
    xs = list(xs)
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def cell(s: str) -> str:
    return s.replace("|", "\\|")


def name_of(k: str, snap: dict) -> str:
    return tables(snap)["colours"][k]["names"][0][1]


def with_reading(k: str, snap: dict) -> str:
    rd = reading(k, snap)
    return f"{name_of(k, snap)} ({rd})" if rd else name_of(k, snap)


def rgb_text(r: dict) -> str:
    return f"{r['r']}, {r['g']}, {r['b']}"


def spellings_text(r: dict, snap: dict) -> str:
    items = [f"{n} (line {ln})" for ln, n in r["names"]]
    rd = reading(r["key"], snap)
    tail = f"; read as {rd}" if rd else ""
    if r["n_spellings"] == 1:
        return f"{items[0]}, its only spelling{tail}"
    return f"{and_list(items)}: {r['n_spellings']} in all{tail}"


def strongest_text(r: dict) -> str:
    if r["neutral"]:
        return "none: red, green and blue are equal (a neutral grey)"
    if r["strongest"]:
        return r["strongest"]
    return f"{and_list(r['top'])} tie at {r['max']}"


def hsv_text(r: dict) -> str:
    hue = f"hue {r['hue']}°" if r["hue"] is not None else "no hue (grey)"
    return f"{hue}, saturation {r['hsv_s']}%, value {r['hsv_v']}%"


def hsl_text(r: dict) -> str:
    hue = f"hue {r['hue']}°" if r["hue"] is not None else "no hue (grey)"
    return f"{hue}, saturation {r['hsl_s']}%, lightness {r['hsl_l']}%"


def aa_text(ok: bool) -> str:
    return "passes AA for normal text (4.5:1)" if ok else "fails AA for normal text (4.5:1)"


def family_text(r: dict, snap: dict) -> str:
    t = tables(snap)
    if r["variants"]:
        vs = [name_of(v, snap) for v in r["variants"]]
        lines = [t["colours"][v]["names"][0][0] for v in r["variants"]]
        same = (f"{vs[0]} has the same value as {r['display']}" if r["v1_same"] else
                f"{vs[0]} differs from {r['display']}")
        cv = [with_reading(v, snap) for v in r["cat_variants"]]
        pages = (f"{and_list(cv)} {'has a page' if len(cv) == 1 else 'have pages'} in this catalogue" if cv else
                 "none of them has a page in this catalogue")
        return f"numbered variants {and_list(vs)} (lines {lines[0]} to {lines[-1]}); {same}; {pages}"
    if r["base"]:
        members = t["families"][r["base"]]
        first, last = name_of(members[1], snap), name_of(members[4], snap)
        lines = [t["colours"][members[n]]["names"][0][0] for n in (1, 4)]
        others = ", ".join(f"{n}: {STEP[n]}" for n in STEP if n != r["number"])
        return (f"numbered variant {r['number']} of {name_of(r['base'], snap)} ({first} to {last}, lines {lines[0]} "
                f"to {lines[1]}); its strongest channel is {STEP[r['number']]}, as in every variant {r['number']} of "
                f"rgb.txt (variant {others})")
    if r["grey"] is not None:
        g = tables(snap)["colours"]
        lo, hi = g["gray0"]["names"][0][0], g["gray100"]["names"][-1][0]
        return (f"step {r['grey']} of the gray0 to gray100 scale (lines {lo} to {hi}): {r['r']} of 255 on each "
                f"channel, {fixed(100 * r['r'] / 255, 1)}%")
    return f"none (rgb.txt has no numbered variants of {r['display']})"


def alias_text(r: dict, snap: dict) -> str:
    if not r["aliases"]:
        return "no other name in rgb.txt has this value"
    t = tables(snap)
    parts = []
    for a in r["aliases"]:
        ns = t["colours"][a]["names"]
        ls = [str(ln) for ln, _ in ns]
        rd = reading(a, snap)
        parts.append(f"{and_list([n for _, n in ns])} (line{'s' if len(ls) > 1 else ''} {and_list(ls)}"
                     + (f", read as {rd})" if rd else ")"))
    cat = [name_of(a, snap) for a in r["cat_aliases"]]
    tail = (f"; {and_list(cat)} {'has a page' if len(cat) == 1 else 'have pages'} in this catalogue" if cat else
            "; no page in this catalogue")
    return f"{'; '.join(parts)}, another colour name with exactly this value" + tail


def css_text(r: dict) -> str:
    if not r["css"]:
        if r["base"] or r["grey"] is not None:
            return "no: CSS has no numbered colour keywords"
        return "no: CSS has no keyword of this name"
    kw = and_list(r["css"])
    if r["css_hex"]:
        return (f"yes, {kw}, but with another value: CSS gives {r['css_hex']} ({', '.join(map(str, r['css_rgb']))}) "
                f"where X11 gives {r['hex']}")
    return f"yes, {kw}, with the same value {r['hex']}"


def front(r: dict) -> dict:
    fm = {"name": r["display"], "spellings": r["spellings"], "lines": r["lines"], "hex": r["hex"], "red": r["r"],
          "green": r["g"], "blue": r["b"]}
    if r["hue"] is not None:
        fm["hue"] = r["hue"]
    fm.update({"hsv_saturation": r["hsv_s"], "hsv_value": r["hsv_v"], "hsl_saturation": r["hsl_s"],
               "hsl_lightness": r["hsl_l"], "luminance": float(r["lum"]), "contrast_white": float(r["cw"]),
               "contrast_black": float(r["cb"]), "aa_on_white": r["aa_white"], "aa_on_black": r["aa_black"],
               "strongest_channel": r["strongest"] or ("none" if r["neutral"] else "tie"), "family": r["folder"],
               "has_variants": bool(r["variants"])})  # fmt: skip
    if r["variants"]:
        fm["variants"] = r["spellings_of_variants"]
    if r["base"]:
        fm.update({"variant_of": r["base_name"], "variant_number": r["number"]})
    if r["grey"] is not None:
        fm["grey_step"] = r["grey"]
    fm["same_value_as"] = r["alias_names"]
    fm["css_keyword"] = bool(r["css"])
    if r["css_hex"]:
        fm["css_value"] = r["css_hex"]
    return fm


def front_matter(r: dict) -> str:
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front(r).items()) + "---\n"


def rows(r: dict, snap: dict) -> list[tuple[str, str]]:
    return [("Name", r["display"]), ("Spellings in rgb.txt", spellings_text(r, snap)), ("Hex code", r["hex"]),
            ("RGB (0 to 255)", rgb_text(r)), ("Strongest channel", strongest_text(r)), ("HSV", hsv_text(r)),
            ("HSL", hsl_text(r)), ("Relative luminance (WCAG 2.x)", r["lum"]),
            ("Contrast against white", f"{r['cw']}:1, {aa_text(r['aa_white'])}"),
            ("Contrast against black", f"{r['cb']}:1, {aa_text(r['aa_black'])}"),
            ("Better text colour on it", r["text"]), ("Filed under", f"{r['folder']}/ ({FAMILY_WORDS[r['folder']]})"),
            ("Numbered family", family_text(r, snap)), ("Same value elsewhere in rgb.txt", alias_text(r, snap)),
            ("CSS Color Module Level 4 keyword", css_text(r))]  # fmt: skip


SECTIONS = {"Names": ["Name", "Spellings in rgb.txt", "Filed under"],
            "Value": ["Hex code", "RGB (0 to 255)", "Strongest channel", "HSV", "HSL"],
            "Legibility (WCAG 2.x)": ["Relative luminance (WCAG 2.x)", "Contrast against white", "Contrast against black",
                                      "Better text colour on it"],
            "Relatives": ["Numbered family", "Same value elsewhere in rgb.txt"],
            "CSS": ["CSS Color Module Level 4 keyword"]}  # fmt: skip


def source_line(snap: dict) -> str:
    pkg = f" (Debian package {snap['package']})" if snap.get("package") else ""
    n = len(tables(snap)["entries"])
    return (f"Source: {snap['file']} on this machine{pkg}, {n} colour lines, sha256 {snap['sha256'][:16]}…. "
            + FORMULA)


def _sheet(r: dict, snap: dict) -> str:
    return "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for a, b in rows(r, snap)) + "\n"


def _card(r: dict, snap: dict) -> str:
    d = dict(rows(r, snap))
    out = []
    for sec, keys in SECTIONS.items():
        out.append(f"## {sec}")
        out += [f"- {k}: {d[k]}" for k in keys]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _prose(r: dict, snap: dict) -> str:
    w = _h(r["key"], "w")
    n, hx, trip = r["display"], r["hex"], rgb_text(r)
    t = tables(snap)
    if r["n_spellings"] == 1:
        spell = f"it is listed once, as {n} on line {r['first_line']}"
    else:
        items = [f"{s} (line {ln})" for ln, s in r["names"]]
        spell = f"the file lists it under {r['n_spellings']} spellings: {and_list(items)}"
    rd = reading(r["key"], snap)
    spell += (f"; {r['display']} reads as {rd}." if rd else ".")
    p1 = [(f"{n} is the X11 colour {hx}: red {r['r']}, green {r['g']}, blue {r['b']} ({trip}). {spell[0].upper()}"
           f"{spell[1:]}",
           f"In /usr/share/X11/rgb.txt the name {n} first appears on line {r['first_line']}, with the value {trip}, "
           f"which is {hx} in hex. {spell[0].upper()}{spell[1:]}",
           f"Hex {hx}, or {trip} as red, green and blue, is what the X11 colour database gives {n}. "
           f"{spell[0].upper()}{spell[1:]}")[w % 3]]
    if r["neutral"]:
        p1.append("Red, green and blue are equal, so it is a neutral grey and none of the three is its strongest "
                  "channel.")
    elif r["strongest"]:
        p1.append(f"Its strongest channel is {r['strongest']}.")
    else:
        p1.append(f"Its strongest channels are {and_list(r['top'])}, which tie at {r['max']}.")
    p1.append(f"This catalogue files it under {r['folder']}/ ({FAMILY_WORDS[r['folder']]}).")
    hue = f"hue {r['hue']}°" if r["hue"] is not None else "no hue at all"
    v = (w >> 8) % 2
    p2 = [(f"As HSV it has {hue}, saturation {r['hsv_s']}% and value {r['hsv_v']}%; as HSL the saturation is "
           f"{r['hsl_s']}% and the lightness {r['hsl_l']}%.",
           f"In HSL terms it has {hue}, saturation {r['hsl_s']}% and lightness {r['hsl_l']}%, while HSV gives it "
           f"saturation {r['hsv_s']}% and value {r['hsv_v']}%.")[v]]
    cw_w = "enough for AA body text" if r["aa_white"] else "short of the 4.5:1 that AA asks of body text"
    cb_w = "enough for AA body text" if r["aa_black"] else "short of AA for body text"
    p2.append((f"Its WCAG 2.x relative luminance works out at {r['lum']}, which gives a contrast ratio of "
               f"{r['cw']}:1 against white ({cw_w}) and {r['cb']}:1 against black ({cb_w}), so {r['text']} text "
               f"reads better on it.",
               f"The WCAG 2.x relative luminance is {r['lum']}: against black the contrast ratio is {r['cb']}:1 "
               f"({cb_w}), against white {r['cw']}:1 ({cw_w}). {r['text'].capitalize()} text is the better choice "
               f"on a {n} background.")[(w >> 9) % 2])
    p3 = []
    if r["variants"]:
        vs = [name_of(x, snap) for x in r["variants"]]
        lines = [t["colours"][x]["names"][0][0] for x in r["variants"]]
        p3.append(f"rgb.txt also has the numbered variants {and_list(vs)}, on lines {lines[0]} to {lines[-1]}.")
        p3.append(f"{vs[0]} has exactly the same value as {n}." if r["v1_same"] else
                  f"{vs[0]} is not the same as {n}: the file gives it a value of its own.")
        cv = [with_reading(x, snap) for x in r["cat_variants"]]
        p3.append(f"Of them, {and_list(cv)} {'has a page' if len(cv) == 1 else 'have pages'} in this catalogue." if cv
                  else "None of the variants has a page in this catalogue.")
    elif r["base"]:
        members = t["families"][r["base"]]
        first, last = name_of(members[1], snap), name_of(members[4], snap)
        others = ", ".join(f"{STEP[k]} for variant {k}" for k in STEP if k != r["number"])
        p3.append(f"It is numbered variant {r['number']} of {name_of(r['base'], snap)}, one of {first} to {last}.")
        p3.append(f"Its strongest channel is {STEP[r['number']]}, the level every variant {r['number']} of rgb.txt "
                  f"has at its strongest ({others}).")
    elif r["grey"] is not None:
        p3.append(f"It is step {r['grey']} of the grey scale that runs from gray0 (black) to gray100 (white), in gray "
                  f"and grey spellings: {r['r']} of 255 on each channel, or {fixed(100 * r['r'] / 255, 1)}%.")
    else:
        p3.append(f"rgb.txt has no numbered variants of {n}.")
    if r["aliases"]:
        p3.append(f"The same value appears under another name: {alias_text(r, snap)}.")
    else:
        p3.append("No other name in rgb.txt carries this value.")
    if r["css"]:
        kw = ("the keyword " if len(r["css"]) == 1 else "the keywords ") + and_list(r["css"])
        p4 = [f"CSS Color Module Level 4 has {kw} as well, but there {'it means' if len(r['css']) == 1 else 'both mean'} "
              f"{r['css_hex']} ({', '.join(map(str, r['css_rgb']))}), not {hx}." if r["css_hex"] else
              f"CSS Color Module Level 4 has {kw} too, with the same value {hx}."]
    else:
        p4 = ["CSS Color Module Level 4 has no keyword of this name" +
              (" (it has no numbered keywords)." if r["base"] or r["grey"] is not None else ".")]
    return "\n\n".join(" ".join(p) for p in (p1, p2, p3, p4)) + "\n"


def title(r: dict) -> str:
    return f"{r['display']} ({r['hex']})"


def render(r: dict, snap: dict) -> str:
    head = front_matter(r) + f"\n# {title(r)}\n\n"
    body = {"sheet": _sheet, "card": _card, "prose": _prose}[layout(r)](r, snap)
    return head + body + "\n" + source_line(snap) + "\n"


def page_path(r: dict) -> str:
    return f"{r['id']}.md"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = records(snap)
    assign_layouts(recs)
    out = {page_path(r): render(r, snap) for r in recs}
    out["shared-values.csv"] = register_csv(register_rows(snap))
    return out


def snapshot_text(snap: dict) -> str:
    """JSON with one line of rgb.txt a line."""
    parts = []
    for k, v in snap.items():
        if k == "lines":
            body = ",\n".join(f"  {json.dumps(x)}" for x in v)
            parts.append(f' "lines": [\n{body}\n ]')
        else:
            parts.append(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's rgb.txt again")
    snap = scan()
    t = tables(snap)
    missing = [k for k in READ if k not in t["colours"]]
    if missing or t["bad"]:
        sys.exit(f"not in this rgb.txt: {missing}; lines that do not parse: {t['bad']}")
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"{len(t['entries'])} colour lines, {len(t['colours'])} colours; {snap['package']}")


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


CITES = ["It is in rgb.txt.", "See the X11 colour database.", "The catalogue page says so.",
         "It is one of the X11 colours.", "Look it up in the CSS specification."]  # a sentence citing the source


def cite_safe(question: str, golds: list[str], typ: str) -> bool:
    return not any(_ok(question, golds, typ, t) for t in CITES)


def hedge_safe(question: str, options: list[str], gold: str, typ: str = "comparison") -> bool:
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}", f"{gold} and {w}."]
    return _ok(question, [gold], typ, gold, options) and _ok(question, [gold], typ, f"The answer is {gold}.", options) \
        and not any(_ok(question, [gold], typ, t, options) for t in tries + CITES)


def gold_safe(question: str, answers: list[str], typ: str = "single_hop") -> bool:
    return all(_ok(question, answers, typ, g) and _ok(question, answers, typ, f"The answer is {g}.") for g in answers) \
        and cite_safe(question, answers, typ)


def names_safe(question: str, golds: list[str], others: list[str], typ: str = "reverse") -> bool:
    """Do all other colour names score wrong?"""
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, o) for o in others if _atok(o) not in gt)


def in_question(q: str, g: str) -> bool:
    return _contains(_atok(q), _atok(g))


_IDENT: dict = {}


def ident(k: str, snap: dict) -> list[str] | None:
    """How an answer names a colour: every spelling (and a variant's reading), where no name of another colour of
    the file would then score correct (`bisque4` holds the tokens of `bisque`, `deep sky blue` those of `sky
    blue`); None where one would."""
    if k in _IDENT:
        return _IDENT[k]
    golds = forms(k, snap)
    others = [n for c, n in every_name(snap) if c != k]
    ok = names_safe("Which colour is it?", golds, others)
    _IDENT[k] = golds if ok else None
    return _IDENT[k]


def other_names(k: str, snap: dict) -> list[str]:
    return [n for c, n in every_name(snap) if c != k]


def unique_value(r: dict) -> bool:
    return not r["aliases"]


def refs(r: dict) -> dict[str, str]:
    out = {"name": r["display"]}
    if r["camel"] and r["camel"] != r["display"]:
        out["camel"] = r["camel"]
    out["line"] = f"the colour named on line {r['first_line']} of rgb.txt"
    if unique_value(r):
        out["hex"] = f"the colour with hex code {r['hex']}"
    return out


def cap(q: str) -> str:
    """A capital for a question that starts with a lower-case word; a colour name keeps its case."""
    return q if q[:1].isupper() or q[:1] in "#" else q[0].upper() + q[1:]


def pct(n: int) -> list[str]:
    return [f"{n}%"]


NAME_REF = ("name", "camel", "line")
# kind: (templates, golds, condition, the ways the question may name the colour, the fact it asks)
SINGLE = {
    "hex": (["What is the X11 hex code of {n}?", "Which #RRGGBB code does the X11 colour list give {n}?"],
            lambda r: [r["hex"]], lambda r: True, NAME_REF, "rgb"),
    "rgb": (["What red, green and blue values does the X11 colour list give {n}?"], lambda r: [rgb_text(r)],
            lambda r: True, NAME_REF, "rgb"),
    "red": (["How much red, on the 0 to 255 scale, does the X11 colour list give {n}?"], lambda r: [str(r["r"])],
            lambda r: not r["neutral"] and r["r"] > 0, NAME_REF, "rgb"),
    "green": (["How much green, on the 0 to 255 scale, does the X11 colour list give {n}?"], lambda r: [str(r["g"])],
              lambda r: not r["neutral"] and r["g"] > 0, NAME_REF, "rgb"),
    "blue": (["How much blue, on the 0 to 255 scale, does the X11 colour list give {n}?"], lambda r: [str(r["b"])],
             lambda r: not r["neutral"] and r["b"] > 0, NAME_REF, "rgb"),
    "line": (["On which line of /usr/share/X11/rgb.txt does the spelling {s} appear?",
              "At which line number does rgb.txt list the name {s}?"], None, lambda r: True, ("spelling",), "line"),
    "spellings": (["How many spellings of {n} does the X11 colour list have, one per line?",
                   "Under how many different spellings does the X11 colour list give {n}?"],
                  lambda r: [str(r["n_spellings"])], lambda r: r["n_spellings"] >= 2, ("name", "camel", "hex"),
                  "spellings"),
    "hue": (["What is the hue of {n}, in degrees?"], lambda r: [f"{r['hue']}°"],
            lambda r: r["hue"] not in (None, 0), NAME_REF, "hue"),
    "hsv_s": (["What is the HSV saturation of {n}?"], lambda r: pct(r["hsv_s"]), lambda r: 0 < r["hsv_s"] < 100,
              NAME_REF, "hsv_s"),
    "hsv_v": (["What is the HSV value (brightness) of {n}?"], lambda r: pct(r["hsv_v"]),
              lambda r: 0 < r["hsv_v"] < 100, NAME_REF, "hsv_v"),
    "hsl_s": (["What is the HSL saturation of {n}?"], lambda r: pct(r["hsl_s"]), lambda r: r["hsl_s"] > 0, NAME_REF,
              "hsl_s"),
    "hsl_l": (["What is the HSL lightness of {n}?"], lambda r: pct(r["hsl_l"]), lambda r: r["hsl_l"] > 0, NAME_REF,
              "hsl_l"),
    "lum": (["What is the WCAG 2.x relative luminance of {n}?", "What relative luminance does the WCAG formula give "
             "{n}?"], lambda r: [r["lum"]], lambda r: 0 < float(r["lum"]) < 1, NAME_REF, "lum"),
    "cw": (["What contrast ratio does {n} reach against white by the WCAG formula?"],
           lambda r: [f"{r['cw']}:1", r["cw"]], lambda r: 0 < float(r["lum"]) < 1, NAME_REF, "cw"),
    "cb": (["What contrast ratio does {n} reach against black by the WCAG formula?"],
           lambda r: [f"{r['cb']}:1", r["cb"]], lambda r: 0 < float(r["lum"]) < 1, NAME_REF, "cb"),
    "alias": (["Which other name in rgb.txt carries exactly the same RGB value as {n}?"], None,
              lambda r: len(r["aliases"]) == 1, ("name", "camel"), "alias"),
    "variant_page": (["Which of the numbered variants of {n} has a page of its own in this catalogue?"], None,
                     lambda r: len(r["cat_variants"]) == 1, ("name", "camel"), "variants"),
    "css_hex": (["Which hex code does CSS Color Module Level 4 give the keyword {n}?"], lambda r: [r["css_hex"]],
                lambda r: bool(r["css_hex"]), ("name",), "css"),
}  # fmt: skip
SINGLE_ORDER = ["css_hex", "variant_page", "alias", "spellings", "hue", "hsl_l", "blue", "hsv_s", "cb", "line",
                "green", "hsl_s", "lum", "hsv_v", "red", "cw", "rgb", "hex"]  # fmt: skip


def single_question(r: dict, k: str, form: str, snap: dict) -> str:
    tpls = SINGLE[k][0]
    tpl = tpls[_h(r["key"], k) % len(tpls)]
    if k == "line":
        return cap(tpl.format(s=form))
    return cap(tpl.format(n=refs(r)[form]))


def single_golds(r: dict, k: str, form: str, snap: dict) -> list[str] | None:
    if k == "line":
        return [str(dict((n, ln) for ln, n in r["names"])[form])]
    if k == "alias":
        return ident(r["aliases"][0], snap)
    if k == "variant_page":
        return ident(r["cat_variants"][0], snap)
    return SINGLE[k][1](r)


def ref_forms(r: dict, k: str) -> list[str]:
    """The ways a question of kind k may name the colour, the first chosen by hash."""
    if k == "line":
        forms_ = list(r["spellings"])
    else:
        forms_ = [f for f in SINGLE[k][3] if f in refs(r)]
    # a line or hex reference one time in four: the name is how a reader mostly asks
    weights = [1 if f in ("line", "hex") and len(forms_) > 1 else 3 for f in forms_]
    i = _h(r["key"], "ref" + k) % sum(weights)
    j = 0
    while i >= weights[j]:
        i -= weights[j]
        j += 1
    return forms_[j:] + forms_[:j]


def page_numbers(r: dict) -> set[str]:
    xs = [r["r"], r["g"], r["b"], *r["lines"], r["n_spellings"], r["hsv_s"], r["hsv_v"], r["hsl_s"], r["hsl_l"],
          r["lum"], r["cw"], r["cb"], 255, 0]
    xs += [r["hue"]] if r["hue"] is not None else []
    xs += [r["grey"]] if r["grey"] is not None else []
    xs += [r["number"], STEP[r["number"]]] if r["number"] else []
    return {str(x) for x in xs}


def page_texts(r: dict, snap: dict) -> set[str]:
    """The values a page states besides its numbers: names, codes, percentages, ratios."""
    out = {r["hex"], rgb_text(r), f"{r['cw']}:1", f"{r['cb']}:1", f"{r['hsv_s']}%", f"{r['hsv_v']}%",
           f"{r['hsl_s']}%", f"{r['hsl_l']}%", r["folder"], r["text"]} | set(forms(r["key"], snap))
    out |= {f"{r['hue']}°"} if r["hue"] is not None else set()
    for x in r["variants"] + r["aliases"] + ([r["base"]] if r["base"] else []):
        out |= set(forms(x, snap))
    if r["css_hex"]:
        out.add(r["css_hex"])
    return {x for x in out if _atok(x)}


def catalogue_values(recs: list[dict]) -> set[str]:
    return {x for t in recs for x in (t["hex"], t["lum"], t["cw"], t["cb"], rgb_text(t), t["display"])}


def others_of(r: dict, recs: list[dict], snap: dict) -> set[str]:
    """Values a wrong answer could take from the page or from the catalogue."""
    return page_numbers(r) | page_texts(r, snap) | catalogue_values(recs)


def others_safe(question: str, golds: list[str], others: set[str], typ: str = "single_hop") -> bool:
    """Do the page's (and the catalogue's) other values score wrong?"""
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, x) for x in others if _atok(x) not in gt)


def reg_numbers(row: dict) -> set[str]:
    return {str(row["lines"]), str(row["first_line"]), str(row["last_line"]), row["hex"], row["rgb"]} | \
        set(re.findall(r"\d+", row["names"]))


# multi hop: a colour -> the one catalogued colour with the same value; a base colour -> its one catalogued
# numbered variant; a numbered variant -> its base colour
HOP_VIA = {
    "alias": ["{v} has exactly the same RGB value as one other colour with a page in this catalogue. {f}",
              "Another colour in this catalogue shares every channel with {v}. {f}"],
    "variant": ["Of the numbered variants of {v}, exactly one has its own page in this catalogue. {f}",
                "The page of {v} names the one numbered variant of it that this catalogue also describes. {f}"],
    "base": ["{v} is a numbered variant of another colour in this catalogue. {f}",
             "Take the base colour of the numbered family that {v} belongs to. {f}"],
}  # fmt: skip
HOP_FIELD = {
    "line": ("On which line of rgb.txt is that colour first listed?", lambda t: [str(t["first_line"])],
             lambda t: True),
    "last_line": ("On which line of rgb.txt does that colour's last spelling stand?",
                  lambda t: [str(t["last_line"])], lambda t: t["n_spellings"] >= 2),
    "spellings": ("Under how many spellings does rgb.txt list that colour?", lambda t: [str(t["n_spellings"])],
                  lambda t: True),
    "hex": ("What is that colour's hex code?", lambda t: [t["hex"]], lambda t: True),
    "lum": ("What is that colour's WCAG relative luminance?", lambda t: [t["lum"]], lambda t: float(t["lum"]) > 0),
    "cw": ("What contrast ratio does that colour reach against white?", lambda t: [f"{t['cw']}:1", t["cw"]],
           lambda t: True),
    "hsl_l": ("What is that colour's HSL lightness?", lambda t: pct(t["hsl_l"]), lambda t: t["hsl_l"] > 0),
    "hsv_s": ("What is that colour's HSV saturation?", lambda t: pct(t["hsv_s"]), lambda t: t["hsv_s"] > 0),
}  # fmt: skip
HOP_REF = {"alias": ("name", "camel"), "variant": ("name", "camel"), "base": ("name",)}
HOP_FIELDS_OF = {"alias": ("line", "last_line", "spellings"),
                 "variant": ("hex", "lum", "cw", "hsl_l", "line", "hsv_s"),
                 "base": ("line", "hex", "lum", "cw", "hsl_l", "spellings", "hsv_s", "last_line")}  # fmt: skip


def hop_golds(t: dict, f: str) -> list[str] | None:
    return HOP_FIELD[f][1](t) if HOP_FIELD[f][2](t) else None


def hop_own(src: dict, f: str, snap: dict) -> list[str]:
    """What the first page of a chain states that a wrong answer could take: its own value of the field asked and
    its names."""
    return (HOP_FIELD[f][1](src) if HOP_FIELD[f][2](src) else []) + forms(src["key"], snap)


def hop_target(r: dict, via: str) -> str | None:
    if via == "alias":
        return r["cat_aliases"][0] if len(r["cat_aliases"]) == 1 else None
    if via == "variant":
        return r["cat_variants"][0] if len(r["cat_variants"]) == 1 else None
    return r["base"] if r["base"] in cat_set() else None


CMP = {
    "darker": ("Which of {a} and {b} is darker, with the lower WCAG relative luminance?",
               lambda r: Fraction(r["lum"]), min),
    "higher-cw": ("Which of {a} and {b} has the higher contrast ratio against white?", lambda r: Fraction(r["cw"]),
                  max),
    "lighter-hsl": ("Which of {a} and {b} has the higher HSL lightness?", lambda r: r["hsl_l"], max),
    "more-red": ("Which of {a} and {b} has more red in rgb.txt?", lambda r: r["r"], max),
    "more-green": ("Which of {a} and {b} has more green in rgb.txt?", lambda r: r["g"], max),
    "more-blue": ("Which of {a} and {b} has more blue in rgb.txt?", lambda r: r["b"], max),
    "more-saturated": ("Which of {a} and {b} has the higher HSV saturation?", lambda r: r["hsv_s"], max),
    "earlier-line": ("Which of {a} and {b} comes first in rgb.txt?", lambda r: r["first_line"], min),
    "more-spellings": ("Which of {a} and {b} does rgb.txt list under more spellings?", lambda r: r["n_spellings"],
                       max),
    "variants-one": ("Which of {a} and {b} has numbered variants in rgb.txt?", lambda r: int(bool(r["variants"])),
                     max),
    "css-one": ("Which of {a} and {b} is also a CSS Color Module Level 4 keyword?", lambda r: int(bool(r["css"])), max),
    "aa-white-one": ("Which of {a} and {b} passes WCAG AA for normal text against white?",
                     lambda r: int(r["aa_white"]), max),
}  # fmt: skip
CMP_ORDER = ["darker", "more-red", "css-one", "earlier-line", "more-saturated", "variants-one", "more-blue",
             "higher-cw", "lighter-hsl", "aa-white-one", "more-green", "more-spellings"]  # fmt: skip
FIELD_OF = {"darker": "lum", "higher-cw": "cw", "lighter-hsl": "hsl_l", "more-red": "rgb", "more-green": "rgb",
            "more-blue": "rgb", "more-saturated": "hsv_s", "earlier-line": "line", "more-spellings": "spellings",
            "variants-one": "variants", "css-one": "css", "aa-white-one": "cw"}  # fmt: skip


def cmp_valid(k: str, a: dict, b: dict) -> bool:
    fn = CMP[k][1]
    return fn(a) != fn(b)


def cmp_names(a: dict, b: dict, salt: str) -> tuple[str, str]:
    """Both candidates by their first spelling or, where both have one, both by their spelling without spaces."""
    if a["camel"] and b["camel"] and _h(a["key"] + b["key"], salt) % 3 == 0:
        return a["camel"], b["camel"]
    return a["display"], b["display"]


def conditions(recs: list[dict]) -> dict:
    """Conditions filters combine: (test, how a question says it)."""
    out = {}
    for f in FAMILY:
        out[f"family-{f}"] = (lambda r, f=f: r["folder"] == f, f"is filed under {f}/")
    out["has-variants"] = (lambda r: bool(r["variants"]), "has numbered variants in rgb.txt")
    out["no-variants"] = (lambda r: not r["variants"] and not r["base"] and r["grey"] is None,
                          "has no numbered variants and is not one itself")
    out["is-variant"] = (lambda r: bool(r["base"]), "is itself a numbered variant of another colour")
    out["grey-step"] = (lambda r: r["grey"] is not None, "is a step of the gray0 to gray100 scale")
    out["v1-same"] = (lambda r: r["v1_same"] is True, "has a first numbered variant with exactly its own value")
    out["v1-differs"] = (lambda r: r["v1_same"] is False, "has a first numbered variant with a value of its own")
    out["css"] = (lambda r: bool(r["css"]), "is also a CSS Color Module Level 4 keyword")
    out["not-css"] = (lambda r: not r["css"], "is not a CSS keyword")
    out["css-differs"] = (lambda r: bool(r["css_hex"]), "has another value under the same CSS keyword")
    out["alias"] = (lambda r: bool(r["aliases"]), "shares its exact value with another name in rgb.txt")
    out["unique"] = (lambda r: not r["aliases"], "has a value no other name in rgb.txt carries")
    out["aa-white"] = (lambda r: r["aa_white"], "passes WCAG AA for normal text against white")
    out["aa-black-fail"] = (lambda r: not r["aa_black"], "fails WCAG AA for normal text against black")
    for ch in ("red", "green", "blue"):
        out[f"strongest-{ch}"] = (lambda r, ch=ch: r["strongest"] == ch, f"has {ch} as its one strongest channel")
    out["neutral"] = (lambda r: r["neutral"], "has red, green and blue all equal")
    out["four-spellings"] = (lambda r: r["n_spellings"] == 4, "is listed under four spellings")
    out["one-spelling"] = (lambda r: r["n_spellings"] == 1, "is listed under one spelling only")
    out["lum-high"] = (lambda r: Fraction(r["lum"]) > Fraction(1, 2), "has a relative luminance above 0.5")
    out["lum-low"] = (lambda r: Fraction(r["lum"]) < Fraction(1, 20), "has a relative luminance below 0.05")
    out["line-early"] = (lambda r: r["first_line"] <= 100, "is first listed within the first 100 lines of rgb.txt")
    out["line-late"] = (lambda r: r["first_line"] > 700, "is first listed after line 700 of rgb.txt")
    out["channel-255"] = (lambda r: r["max"] == 255, "has a channel at 255")
    out["channel-0"] = (lambda r: 0 in r["rgb"], "has a channel at 0")
    out["sat-100"] = (lambda r: r["hsv_s"] == 100, "has an HSV saturation of 100%")
    return out


REV_Q = {
    "rev-hex": ["Which X11 colour has the hex code {v}?", "In rgb.txt, which colour has the value {v}?"],
    "rev-rgb": ["Which colour does rgb.txt list with red {r}, green {g} and blue {b}?"],
    "rev-line": ["Which colour is named on line {v} of /usr/share/X11/rgb.txt?"],
    "rev-hsl": ["Which X11 colour has the HSL values {v}?"],
    "rev-lum": ["Which X11 colour has a WCAG relative luminance of {v}?"],
}  # fmt: skip


def rev_cue(r: dict, k: str) -> str | None:
    return {"rev-hex": r["hex"], "rev-rgb": rgb_text(r), "rev-line": str(r["first_line"]),
            "rev-hsl": f"hue {r['hue']}°, saturation {r['hsl_s']}%, lightness {r['hsl_l']}%"
            if r["hue"] is not None else None,
            "rev-lum": r["lum"]}.get(k)  # fmt: skip


def rev_unique(r: dict, k: str, snap: dict) -> bool:
    """Does the cue single out the colour among all colours of the file?"""
    if k == "rev-line":
        return True  # a line holds one name
    return sum(rev_cue(x, k) == rev_cue(r, k) for x in all_facts(snap).values()) == 1


def rev_question(r: dict, k: str) -> str:
    tpls = REV_Q[k]
    tpl = tpls[_h(r["key"], "revq" + k) % len(tpls)]
    return cap(tpl.format(v=rev_cue(r, k), r=r["r"], g=r["g"], b=r["b"]))


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = records(snap)
    by = {r["key"]: r for r in recs}
    reg = reg_by(snap)
    sp = split_pages(recs)
    sr = split_rows(snap, sp)
    cond = conditions(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    assign_layouts(recs)
    for s in ("dev", "test"):
        want = WANT[s]
        cols = sorted((c for c in by if sp[c] == s), key=lambda x: _h(x, "order" + s))
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

        # multi hop
        starts = []
        for n in cols:
            for via in HOP_VIA:
                m = hop_target(by[n], via)
                if m and sp[m] == s:
                    starts.append((via, n, m))
        starts.sort(key=lambda x: _h(f"{x[0]}{x[1]}", "hopstart"))
        rank = Counter()
        order = []
        for x in starts:  # kinds in turn
            order.append((rank[x[0]], list(HOP_VIA).index(x[0]), len(order), x))
            rank[x[0]] += 1
        starts = [x[-1] for x in sorted(order)]
        for via, first, m in starts:
            if count("multi_hop") >= want["multi_hop"]:
                break
            if kinds("hop-" + via) >= CAP_HOP[s] or any((x, y) in used for x in (first, m)
                                                        for y in ("hopstart", "hopend")):
                continue
            src, t = by[first], by[m]
            tpls = HOP_VIA[via]
            tpl = tpls[_h(f"{first}{via}", "hopq") % len(tpls)]
            fr = [f for f in HOP_REF[via] if f in refs(src)]
            cue = refs(src)[fr[_h(first, "hopref") % len(fr)]]
            fields = sorted(HOP_FIELDS_OF[via], key=lambda f: _h(f + first, "hopfield"))
            for f in fields:
                g_m = hop_golds(t, f)
                if not g_m or (m, f) in used:
                    continue
                own = hop_own(src, f, snap)
                if {tuple(_atok(x)) for x in g_m} & {tuple(_atok(x)) for x in own}:
                    continue
                q = cap(tpl.format(v=cue, f=HOP_FIELD[f][0]))
                if not gold_safe(q, g_m, "multi_hop") or any(in_question(q, x) for x in g_m) or \
                        not others_safe(q, g_m, others_of(t, recs, snap), "multi_hop"):
                    continue
                if any(_ok(q, g_m, "multi_hop", x) for x in own if _atok(x) not in [_atok(y) for y in g_m]):
                    continue
                add(q, g_m, "multi_hop", [src["id"], t["id"]], "hop-" + via, field=f, via=first, target=m, ref=cue)
                used.update({(m, f), (first, "hopstart"), (m, "hopend")})
                subj.update({m, first})
                break

        def try_single(n: str, k: str) -> bool:
            r = by[n]
            fact = SINGLE[k][4]
            if not SINGLE[k][2](r) or (n, fact) in used or kinds(k) >= CAP[s]:
                return False
            if k == "variant_page" and sp[r["cat_variants"][0]] != s:
                return False
            for form in ref_forms(r, k):
                g = single_golds(r, k, form, snap)
                if not g:
                    return False
                q = single_question(r, k, form, snap)
                if any(in_question(q, x) for x in g) or not gold_safe(q, g) or \
                        not others_safe(q, g, others_of(r, recs, snap)):
                    continue
                if k in ("alias", "variant_page"):
                    tgt = r["aliases"][0] if k == "alias" else r["cat_variants"][0]
                    if not names_safe(q, g, other_names(tgt, snap), "single_hop"):
                        continue
                add(q, g, "single_hop", [r["id"]], k, ref=form)
                used.add((n, fact))
                subj.add(n)
                return True
            return False

        for k in SINGLE_ORDER:
            if count("single_hop") >= want["single_hop"] - REG_PER_SPLIT[s]:
                break
            for n in cols:
                if n not in subj and try_single(n, k):
                    break
        ki = 0
        for rnd_pass in (0, 1, 2):
            for n in cols:
                if count("single_hop") >= want["single_hop"] - REG_PER_SPLIT[s]:
                    break
                if n in subj and (rnd_pass == 0 or (rnd_pass == 1 and any(i["evidence"] == [by[n]["id"]] for i in items))):
                    continue
                for _ in range(len(SINGLE_ORDER)):
                    k = SINGLE_ORDER[ki % len(SINGLE_ORDER)]
                    ki += 1
                    if try_single(n, k):
                        break
        # register rows: one fact of one shared value of the split
        rk = list(REG)
        rows_s = sorted((x for x in reg if sr[x] == s), key=lambda x: _h(x, "reg" + s))
        for x in rows_s:
            if count("single_hop") >= want["single_hop"]:
                break
            if (x, "register") in used:
                continue
            row = reg[x]
            for rkind in list(rk):
                if kinds(rkind) >= 1 or not REG[rkind][2](snap, x):
                    continue
                q = REG[rkind][0].format(h=row["hex"])
                g = REG[rkind][1](snap, x)
                if not g or any(in_question(q, y) for y in g) or not gold_safe(q, g) or \
                        not others_safe(q, g, reg_numbers(row)):
                    continue
                if rkind == "reg_cat" and not names_safe(q, g, other_names(reg_cat_one(snap, x), snap), "single_hop"):
                    continue
                add(q, g, "single_hop", [f"shared-values#{x}"], rkind, row=x)
                used.add((x, "register"))
                rk.append(rk.pop(rk.index(rkind)))
                break
        # reverse: a hex code, an RGB triple, a line number, HSL values or a luminance -> the colour
        rvk = list(REV_Q)
        for n in [x for x in cols if x not in subj] + [x for x in cols if x in subj]:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            for k in list(rvk):
                if kinds(k) >= CAP_REVERSE[s] or (n, "reverse") in used:
                    continue
                v = rev_cue(r, k)
                if not v or not rev_unique(r, k, snap):
                    continue
                g = ident(n, snap)
                if not g:
                    continue
                q = rev_question(r, k)
                if any(in_question(q, x) for x in g) or not gold_safe(q, g, "reverse") or \
                        not names_safe(q, g, other_names(n, snap)):
                    continue
                add(q, g, "reverse", [r["id"]], k, value=v)
                used.add((n, "reverse"))
                subj.add(n)
                rvk.append(rvk.pop(rvk.index(k)))
                break
        # comparisons of two colours of the split
        turn = CMP_ORDER[6:] + CMP_ORDER[:6] if s == "test" else CMP_ORDER
        for k in turn * 4:  # kinds in turn (test starts where dev stops), a few tries each
            if count("comparison") >= want["comparison"]:
                break
            tpl, fn, pick = CMP[k]
            for _ in range(80):
                a, b = rnd.sample(cols, 2)
                if not cmp_valid(k, by[a], by[b]) or (a, FIELD_OF[k]) in used or (b, FIELD_OF[k]) in used or \
                        kinds(k) >= CAP_CMP[s]:
                    continue
                fa, fb = fn(by[a]), fn(by[b])
                na, nb = cmp_names(by[a], by[b], k)
                q = tpl.format(a=na, b=nb)
                win = na if pick(fa, fb) == fa else nb
                if not hedge_safe(q, [na, nb], win):
                    continue
                add(q, [win], "comparison", [by[a]["id"], by[b]["id"]], k, options=[na, nb], target=win,
                    candidates=[a, b])
                used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
                break
        # filters: among all catalogued colours (two conditions), and among four listed ones
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
            w = both[0]["key"]
            if sp[w] != s or (w, "filter") in used:
                continue
            q = rnd.choice(["Which colour in this catalogue {a} and {b}?",
                            "Name the one catalogued colour that {a} and {b}.",
                            "I am looking for the catalogued X11 colour that {a} and {b}. Which is it?"])
            q = q.format(a=cond[c1][1], b=cond[c2][1])
            g = ident(w, snap)
            if not g or any(in_question(q, x) for x in g) or not gold_safe(q, g, "filter") or \
                    not names_safe(q, g, other_names(w, snap), "filter"):
                continue
            add(q, g, "filter", [both[0]["id"]], "filter", where={c1: True, c2: True}, candidates=[w])
            used.add((w, "filter"))
        tries = 0
        among = sorted(cond)
        while kinds("filter-among") < mix["filter-among"] and tries < 5000:
            tries += 1
            c = among[tries % len(among)]
            cands = rnd.sample(cols, 4)
            hits = [x for x in cands if cond[c][0](by[x])]
            if len(hits) != 1 or any((x, "filter-" + c) in used for x in cands) or (hits[0], "filter") in used:
                continue
            if cands[-1] == hits[0]:
                cands[0], cands[-1] = cands[-1], cands[0]
            names = [by[x]["display"] for x in cands]
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these colours {c}: {l}?", "Among {l}, which {c}?"])
            q = q.format(l=", ".join(names), c=cond[c][1])
            gold = by[hits[0]]["display"]
            if not hedge_safe(q, names, gold, "filter") or not names_safe(q, [gold], other_names(hits[0], snap),
                                                                          "filter"):
                continue
            add(q, [gold], "filter", [by[hits[0]]["id"]], "filter-among", options=names, where={c: True},
                candidates=list(cands))
            used.update((x, "filter-" + c) for x in cands)
            used.add((hits[0], "filter"))
        # unanswerables: left-out colours, then fields no page states
        for m in ABSENT[s]:
            for q in ABSENT_QUESTIONS[m]:
                if kinds("absent-colour") < ABSENT_MIX[s]:
                    add(q, [], "unanswerable", [], "absent-colour", colour=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(cols)
        rnd.shuffle(pages)
        i = 0
        while count("unanswerable") < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            forms_ = [x for x in ("name", "camel") if x in refs(by[n])]
            form = forms_[_h(n, "absent" + f) % len(forms_)]
            q = cap(ABSENT_FIELDS[f][0].format(n=refs(by[n])[form]))
            add(q, [], "unanswerable", [], "absent-field", field=f, colour=n, ref=form)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c30-{s}-{j:03d}", **it}
    return out


def reg_cat_one(snap: dict, rid: str) -> str | None:
    cs = [c for c in row_colours(snap, rid) if c in cat_set()]
    return cs[0] if len(cs) == 1 else None


def _reg_row(snap: dict, rid: str) -> dict:
    return reg_by(snap)[rid]


# register rows: a fact of one shared value
REG = {
    "reg_lines": ("How many lines of rgb.txt carry the value {h}, counting every spelling?",
                  lambda s, x: [str(_reg_row(s, x)["lines"])], lambda s, x: _reg_row(s, x)["lines"] >= 3),
    "reg_last": ("On which line of rgb.txt does the value {h} appear for the last time?",
                 lambda s, x: [str(_reg_row(s, x)["last_line"])], lambda s, x: True),
    "reg_cat": ("Several names in rgb.txt share the value {h}. Which of them has a page in this catalogue?",
                lambda s, x: ident(reg_cat_one(s, x), s) if reg_cat_one(s, x) else None,
                lambda s, x: reg_cat_one(s, x) is not None),
}  # fmt: skip


def qa_text(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def build(force: bool) -> None:
    snap = load_snapshot()
    recs = records(snap)
    exists = (CORPUS.exists() and any(CORPUS.iterdir())) or (OUT / "test.jsonl").exists()
    if exists and not force:
        sys.exit(f"{CORPUS} or the question files exist (committed); pass --force to render them again")
    for old in sorted(CORPUS.rglob("*"), reverse=True) if CORPUS.exists() else []:
        old.unlink() if old.is_file() else old.rmdir()
    CORPUS.mkdir(parents=True, exist_ok=True)
    for rel, text in render_all(snap).items():
        (CORPUS / rel).parent.mkdir(parents=True, exist_ok=True)
        (CORPUS / rel).write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    (OUT / "dev.jsonl").write_text(qa_text(qs["dev"]), encoding="utf-8")
    (OUT / "test.jsonl").write_text(qa_text(qs["test"]), encoding="utf-8")  # last
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    sp = split_pages(recs)
    print(f"{len(recs)} pages (dev {sum(v == 'dev' for v in sp.values())}); "
          f"layouts {dict(Counter(layout(r) for r in recs))}; {len(register_rows(snap))} register rows")
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


def _word_pat(name: str) -> str:
    """A name as words, spaces optional, not inside a longer name ("lawn green", "LawnGreen", "lawngreen")."""
    words = split_camel(name).split()
    return r"(?<![\w])" + r" ?".join(re.escape(w) for w in words) + r"(?![\w])"


def absent_patterns(k: str, snap: dict) -> list[str]:
    """A left-out colour as its spellings, its hex code (with or without #) and its RGB triple as pages write it."""
    t = tables(snap)
    c = t["colours"][k]
    r, g, b = c["rgb"]
    pats = [_word_pat(n) for _, n in c["names"]]
    pats += [r"(?<![0-9A-Za-z])#?" + hexcode(c["rgb"])[1:] + r"(?![0-9A-Za-z])",
             rf"(?<![\d.]){r},? +{g},? +{b}(?![\d.])"]
    return list(dict.fromkeys(pats))


def unanswerable_pattern(q: dict, snap: dict) -> tuple[str, str]:
    if q["kind"] == "absent-colour":
        k = q["colour"]
        return "|".join(f"(?:{p})" for p in absent_patterns(k, snap)), \
            f"Its hex code is {hexcode(tables(snap)['colours'][k]['rgb'])}."
    _, pat, made_up = ABSENT_FIELDS[q["field"]]
    return pat, made_up


def page_values(r: dict, snap: dict) -> list[str]:
    """What a page must state (as text, case-insensitive): every value of its record, and in the sheet and card
    layouts also the wording of their labelled cells."""
    vals = [r["display"], *r["spellings"], *[f"{n} (line {ln})" if layout(r) != "prose" or len(r["names"]) > 1 else
                                             f"{n} on line {ln}" for ln, n in r["names"]], r["hex"], rgb_text(r),
            f"{r['hsv_s']}%", f"{r['hsv_v']}%", f"{r['hsl_s']}%", f"{r['hsl_l']}%", r["lum"], f"{r['cw']}:1",
            f"{r['cb']}:1", f"{r['folder']}/", FAMILY_WORDS[r["folder"]], FORMULA, snap["sha256"][:16]]
    vals += [f"hue {r['hue']}°"] if r["hue"] is not None else ["no hue"]
    vals += [r["text"] + " text" if layout(r) == "prose" else r["text"]]
    vals += [r["strongest"]] if r["strongest"] else []
    rd = reading(r["key"], snap)
    vals += [rd] if rd else []
    vals += [name_of(x, snap) for x in r["variants"] + r["aliases"]]
    vals += [n for a in r["aliases"] for _, n in tables(snap)["colours"][a]["names"]]
    if r["variants"]:
        vals += [name_of(x, snap) for x in r["cat_variants"]]
        vals += ["same value as" if r["v1_same"] else ("not the same as" if layout(r) == "prose" else "differs from")]
    if r["base"]:
        vals += [name_of(r["base"], snap), f"variant {r['number']} of", str(STEP[r["number"]])]
    if r["grey"] is not None:
        vals += [f"step {r['grey']}", f"{fixed(100 * r['r'] / 255, 1)}%"]
    vals += r["css"] + ([r["css_hex"], ", ".join(map(str, r["css_rgb"]))] if r["css_hex"] else [])
    vals += ["passes" if r["aa_white"] or r["aa_black"] else "fails"] if layout(r) != "prose" else \
        ["enough for AA" if r["aa_white"] or r["aa_black"] else "short of"]
    if layout(r) != "prose":
        vals += [cell(b) if layout(r) == "sheet" else b for a, b in rows(r, snap)]
    fm = front(r)
    vals += [str(v) for k, v in fm.items() if not isinstance(v, (bool, list))]
    vals += [str(x) for v in fm.values() if isinstance(v, list) for x in v]
    return vals


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.frontmatter import normalize_metadata
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    t = tables(snap)
    recs = records(snap)
    by = {r["key"]: r for r in recs}
    pid = {r["id"]: r for r in recs}
    reg = reg_by(snap)
    sp = split_pages(recs)
    sr = split_rows(snap, sp)
    cond = conditions(recs)
    results: list[tuple[str, list[str]]] = []
    # 1. snapshot -> files
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*") if p.is_file()}
    bad = [f"{k}: differs or missing" for k in pages if on_disk.get(k) != pages[k]]
    bad += [f"{k}: not rendered from the snapshot" for k in on_disk if k not in pages]
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages) - 1} pages and shared-values.csv)", bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    # 2. the stored lines
    bad = []
    if hashlib.sha256(file_text(snap).encode("ascii")).hexdigest() != snap["sha256"]:
        bad.append("the stored lines do not give the recorded sha256")
    bad += [f"line {i} does not parse" for i in t["bad"]]
    comments = [ln for ln in snap["lines"] if ln.startswith("!")]
    if len(comments) + len(t["entries"]) != len(snap["lines"]):
        bad.append("a line is neither a comment nor a colour line")
    bad += [f"{n}: spelled twice" for n, c in Counter(e["name"] for e in t["entries"]).items() if c > 1]
    bad += [f"{x}: read twice" for x, c in Counter(READ).items() if c > 1]
    bad += [f"{k}: not a colour of the file" for k in READ if k not in t["colours"]]
    bad += [f"{k}: ABSENT but catalogued or not read" for k in absent_colours() if k in by or k not in READ]
    for k in absent_colours():
        c = t["colours"].get(k)
        if c and (len(t["by_rgb"][c["rgb"]]) > 1 or k in t["families"] or
                  any(k in m.values() for m in t["families"].values())):
            bad.append(f"{k}: ABSENT but shares its value or belongs to a numbered family")
    bad += [] if [r["key"] for r in recs] == catalogued() else ["records are not READ less ABSENT"]
    bad += [f"{r['key']}: record differs when computed again" for r in recs if make_record(r["key"], snap) != r]
    bad += [f"{f}: not the members 1 to 4" for f, m in t["families"].items() if sorted(m) != [1, 2, 3, 4]]
    bad += [f"{m[n]}: strongest channel {max(t['colours'][m[n]]['rgb'])}, not {STEP[n]}"
            for m in t["families"].values() for n in m if max(t["colours"][m[n]]["rgb"]) != STEP[n]]
    bad += [f"gray{n} missing" for n in range(101) if f"gray{n}" not in t["colours"]]
    bad += [f"gray{n} is not a neutral grey" for n in range(101) if f"gray{n}" in t["colours"]
            and len(set(t["colours"][f"gray{n}"]["rgb"])) != 1]
    tight = []
    for k, c in t["colours"].items():
        L = luminance(c["rgb"])
        cw, cb = contrasts(c["rgb"])
        for x, places in ((L, 4), (cw, 2), (cb, 2)):
            if margin(x, places) < 1e-4:
                tight.append(f"{k}: {x!r} lies within 1e-4 of a rounding boundary")
        if min(abs(cw - 4.5), abs(cb - 4.5)) < 1e-6:
            tight.append(f"{k}: a contrast ratio at the 4.5:1 boundary")
    bad += tight
    bad += [] if len(CSS_NAMES) == 148 and set(CSS_DIFFERS) <= CSS_NAMES else ["the CSS keyword list"]
    results.append((f"the snapshot's {len(snap['lines'])} lines give the recorded sha256 and parse ({len(t['entries'])} "
                    f"colour lines, {len(comments)} comment, each spelling once, one value per colour: "
                    f"{len(t['colours'])} colours); the {len(READ)} read among them; numbered families name1 to name4 "
                    f"with strongest channels 255/238/205/139; gray0 to gray100 neutral; no computed value near a "
                    f"rounding boundary; records are READ less ABSENT (no X11 file of this machine read)", bad))
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
    want_ids = set(pid) | {f"shared-values#{k}" for k in reg}
    bad += [] if set(docs) == want_ids else [f"document ids {sorted(set(docs) ^ want_ids)[:5]} are not the pages and rows"]
    bad += [i for i, r in pid.items() if i in docs and (docs[i].title != title(r)
                                                         or docs[i].metadata != normalize_metadata(front(r)))]
    bad += [k for k, x in reg.items() if f"shared-values#{k}" in docs and docs[f"shared-values#{k}"].title != x["title"]]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents ({len(pid)} pages titled "
                    f"\"<name> (<hex>)\" with their front matter, {len(reg)} shared-value rows)", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: x.lower() for i, x in full.items()}
    ftoks = {i: answer_tokens(x) for i, x in full.items()}
    assign_layouts(recs)
    bad = []
    for i, r in pid.items():
        bad += [f"{i}: {v!r} not in the body" for v in page_values(r, snap) if v.lower() not in low[i]]
        golds = [g for k in SINGLE if SINGLE[k][1] and SINGLE[k][2](r) for g in SINGLE[k][1](r)]
        golds += [g for k in HOP_FIELD for g in (hop_golds(r, k) or [])] + forms(r["key"], snap)
        golds += [g for c in r["cat_variants"] + r["aliases"] + ([r["base"]] if r["base"] else [])
                  for g in forms(c, snap)]
        bad += [f"{i}: gold form {g!r} not in the page tokens" for g in golds
                if not contains_tokens(ftoks[i], answer_tokens(g))]
    for k, x in reg.items():
        bad += [f"shared-values#{k}: {c} {x[c]!r} not in the row" for c in REG_COLUMNS[1:]
                if str(x[c]).lower() not in low[f"shared-values#{k}"]]
    results.append(("every field of a record (and of its front matter) is stated in its page body, every gold form "
                    "as tokens; every register column in its row", bad))
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
    cat_vals = catalogue_values(recs)
    for s in items:
        row_of = {r["id"]: r for r in rows_[s]}
        for it in items[s]:
            q = row_of[it.id]
            k = q["kind"]
            if not re.fullmatch(rf"c30-{s}-\d\d\d", it.id) or not k:
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or k == "filter-among"):
                idb.append(f"{it.id}: options")
            if it.type == "multi_hop" and len(set(it.evidence)) != 2:
                idb.append(f"{it.id}: a chain needs two documents")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("5", "#FFFFFF", "0.2126", unanswerable_pattern(q, snap)[1]):
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
            gold_ok += [f"{it.id}: {x!r} scores correct" for x in CITES if is_correct(it, x, False)]
            if g0.isdigit() and is_correct(it, str(int(g0) + 1), False):
                gold_ok.append(f"{it.id}: near miss scores correct")
            golds_tok = [answer_tokens(g) for g in it.answers]
            if it.type in ("single_hop", "multi_hop"):
                if last.startswith("shared-values#"):
                    oth = reg_numbers(reg[last.split("#")[1]])
                else:
                    oth = others_of(pid[last], recs, snap) | cat_vals
                gold_ok += [f"{it.id}: the other value {x!r} scores correct" for x in sorted(oth)
                            if answer_tokens(x) not in golds_tok and is_correct(it, x, False)]
            if k.startswith("hop-"):
                own = hop_own(pid[it.evidence[0]], q["field"], snap) + [q["ref"]]
                gold_ok += [f"{it.id}: the first document's {g!r} scores correct" for g in own
                            if answer_tokens(g) not in golds_tok and is_correct(it, g, False)]
            if it.options:
                if g0 not in it.options:
                    cmpw.append(f"{it.id}: gold not an option")
                if it.options[-1] in it.answers and k == "filter-among":
                    cmpw.append(f"{it.id}: gold listed last")
                for w in (o for o in it.options if o != g0):
                    for x in (w, f"{w} does.", f"The answer is {w}.", f"{g0} or {w}", f"{w} or {g0}", f"{g0} and {w}."):
                        if is_correct(it, x, False):
                            cmpw.append(f"{it.id}: {x!r} scores correct")
                if is_correct(it, and_list(it.options), False):
                    cmpw.append(f"{it.id}: listing every option scores correct")
            answer_colour = None
            if it.type in ("reverse", "filter"):
                answer_colour = pid[it.evidence[0]]["key"]
            elif k == "alias":
                answer_colour = pid[it.evidence[0]]["aliases"][0]
            elif k == "variant_page":
                answer_colour = pid[it.evidence[0]]["cat_variants"][0]
            elif k == "reg_cat":
                answer_colour = reg_cat_one(snap, q["row"])
            if answer_colour:
                cmpw += [f"{it.id}: {o} scores correct" for o in other_names(answer_colour, snap)
                         if answer_tokens(o) not in golds_tok and is_correct(it, o, False)]
    n_names = len(every_name(snap))
    results += [("ids c30-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables, two on chains), "
                 "options where due", idb),
                ("every gold occurs in its last evidence document as accuracy tokens, the first also as text", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question; no bare yes/no/none/0 "
                 "gold; a sentence citing the source, number + 1, the page's (row's) other numbers and texts, the "
                 "catalogue's hex codes, triples, luminances, ratios and names and (chains) the first document's "
                 "names and values score wrong", gold_ok),
                (f"wrong options, hedges and every other colour name score wrong (where a colour is the answer: all "
                 f"{n_names} spellings and readings of rgb.txt); filter-among gold never last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 5. facts against the snapshot
    fct = []
    for s in rows_:
        for q in rows_[s]:
            k = q["kind"]
            if k in SINGLE:
                r = pid[q["evidence"][0]]
                ok = SINGLE[k][2](r) and q["answers"] == single_golds(r, k, q["ref"], snap) and \
                    q["question"] == single_question(r, k, q["ref"], snap)
                if not ok:
                    fct.append(f"{q['id']}: gold differs from the snapshot")
            elif k in REG:
                x = q["row"]
                if q["evidence"] != [f"shared-values#{x}"] or REG[k][1](snap, x) != q["answers"] or \
                        not REG[k][2](snap, x) or q["question"] != REG[k][0].format(h=reg[x]["hex"]):
                    fct.append(f"{q['id']}: register gold differs from the snapshot")
            elif k.startswith("hop-"):
                via, src, tg = k[4:], by[q["via"]], by[q["target"]]
                ok = q["evidence"] == [src["id"], tg["id"]] and hop_target(src, via) == tg["key"] and \
                    q["ref"] in q["question"] and hop_golds(tg, q["field"]) == q["answers"]
                if not ok:
                    fct.append(f"{q['id']}: the chain does not reach its target")
            elif q["type"] == "reverse":
                r = pid[q["evidence"][0]]
                if rev_cue(r, k) != q["value"] or not rev_unique(r, k, snap) or q["answers"] != ident(r["key"], snap) \
                        or q["question"] != rev_question(r, k):
                    fct.append(f"{q['id']}: the cue does not single out its answer")
                if k == "rev-line" and t["by_line"][int(q["value"])]["name"] not in q["answers"]:
                    fct.append(f"{q['id']}: the line holds another name")
            elif q["type"] == "comparison":
                _, fn, pick = CMP[k]
                a, b = q["candidates"]
                fa, fb = fn(by[a]), fn(by[b])
                na, nb = cmp_names(by[a], by[b], k)
                win = na if pick(fa, fb) == fa else nb
                if not cmp_valid(k, by[a], by[b]) or q["target"] != win or q["options"] != [na, nb] or \
                        q["answers"] != [win]:
                    fct.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                hit = [x["key"] for x in recs if all(cond[c][0](x) == v for c, v in q["where"].items())]
                each = [sum(cond[c][0](x) == v for x in recs) for c, v in q["where"].items()]
                if hit != q["candidates"] or q["answers"] != ident(hit[0], snap) or min(each) < 2:
                    fct.append(f"{q['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = q["where"].items()
                if [by[x]["display"] for x in q["candidates"] if cond[c][0](by[x]) == v] != q["answers"] or \
                        q["options"] != [by[x]["display"] for x in q["candidates"]]:
                    fct.append(f"{q['id']}: filter-among")
    results.append(("facts agree with snapshot.json (values, chains, unique cues, winners, filters)", fct))
    # 6. split separation, unanswerables

    def pages_of(s):
        out, rws = set(), set()
        for q in rows_[s]:
            for e in q["evidence"]:
                if e in pid:
                    out.add(pid[e]["key"])
                else:
                    rws.add(e.split("#")[1])
            out |= set(q.get("candidates", []))
            out |= {q[k] for k in ("target", "via", "colour") if q.get(k) in by}
            if q["kind"] == "alias":
                out |= set(pid[q["evidence"][0]]["cat_aliases"])
            if q["kind"] == "variant_page":
                out |= set(pid[q["evidence"][0]]["cat_variants"])
            if q["kind"] == "reg_cat":
                out.add(reg_cat_one(snap, q["row"]))
        return out, rws

    sep = []
    (pd, rd), (pt, rt) = pages_of("dev"), pages_of("test")
    sep += [f"{p} asked in both splits" for p in (pd & pt) | (rd & rt)]
    for s, (ps, rs) in (("dev", (pd, rd)), ("test", (pt, rt))):
        sep += [f"{s}: {p} is a page of the other split" for p in ps if sp[p] != s]
        sep += [f"{s}: register row {k} is of the other split" for k in rs if sr[k] != s]
    sep += [f"{r['key']} ({sp[r['key']]}) is tied to {x} ({sp[x]})" for r in recs for x in links(r)
            if sp[x] != sp[r["key"]]]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    for s in rows_:
        qn = Counter(" ".join(answer_tokens(it.question)) for it in items[s])
        sep += [f"{s}: {x!r} twice" for x, c in qn.items() if c > 1]
    ab = {s: {q.get("colour") for q in rows_[s] if q["kind"] == "absent-colour"} for s in rows_}
    sep += sorted(ab["dev"] & ab["test"])
    sep += [f"{s}: absent colour {m} not of this split" for s in rows_ for m in ab[s] if m not in ABSENT[s]]
    for s in rows_:
        asked = Counter()
        for q in rows_[s]:
            k = q["kind"]
            if k in SINGLE:
                asked[(q["evidence"][0], SINGLE[k][4])] += 1
            if k in REG:
                asked[(q["row"], "register")] += 1
            if k.startswith("hop-"):
                asked[(q["target"], q["field"])] += 1
                asked[("start", q["via"])] += 1
                asked[("end", q["target"])] += 1
            if q["type"] == "reverse":
                asked[(q["evidence"][0], "reverse")] += 1
        sep += [f"{s}: {k} asked {c} times" for k, c in asked.items() if c > 1]
    n_dev = sum(v == "dev" for v in sp.values())
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by link group (a base colour and its catalogued "
                    "numbered variants, two names of one value), register rows with the colours they name: no link "
                    "crosses the splits, no question uses a page or row of the other split, no page asked about in "
                    "both splits, a fact asked once per split, no absent colour in both, no question repeated", sep))
    un = []
    texts = dict(on_disk)
    for m in absent_colours():
        for pat in absent_patterns(m, snap):
            hits = [p for p, x in texts.items() if re.search(pat, x, re.I)]
            if hits:
                un.append(f"ABSENT {m} {pat!r}: on {hits[:3]}")
    for s in rows_:
        for q in rows_[s]:
            if q["type"] != "unanswerable":
                continue
            m = q.get("colour")
            if q["kind"] == "absent-colour" and (m not in ABSENT[s] or not any(
                    re.search(p, q["question"], re.I) for p in absent_patterns(m, snap))):
                un.append(f"{q['id']}: absent colour")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or m not in by
                                                or refs(by[m])[q["ref"]] not in q["question"]):
                un.append(f"{q['id']}: absent field")
            pat, made_up = unanswerable_pattern(q, snap)
            if not re.search(pat, made_up, re.I):
                un.append(f"{q['id']}: the pattern misses its own made-up answer")
            hits = [p for p, x in texts.items() if re.search(pat, x, re.I)]
            if hits:
                un.append(f"{q['id']}: pattern {pat!r} matches {hits[:3]}")
    for f, (_, pat, made_up) in ABSENT_FIELDS.items():
        if not re.search(pat, made_up, re.I) or any(re.search(pat, x, re.I) for x in texts.values()):
            un.append(f"ABSENT_FIELDS {f}: pattern dead or on a page")
    results.append(("unanswerables: each pattern matches its made-up answer and no corpus file (left-out colours: "
                    "every spelling, the hex code with or without #, the RGB triple on no page or row)", un))
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
