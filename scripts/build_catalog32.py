"""Build the catalog32 evaluation corpus: glibc locale definitions (this machine's /usr/share/i18n/locales).

    PYTHONPATH=src python scripts/build_catalog32.py snapshot [--force]  # the locale sources -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog32.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog32.py check               # loader + scorer + fact checks, no model

`snapshot` reads every locale source file of /usr/share/i18n/locales (glibc 2.36, Debian's `locales` package; the
transliteration tables, collation tables, `i18n_ctype` and `cns11643_stroke` are not locales and are skipped) as
`localedef` reads it: the `comment_char` and `escape_char` directives honoured, comment lines dropped, lines that end
in the escape character joined to the next, strings split at `;`, the escape character dropped before the character
it escapes and `<Uxxxx>` code points decoded (`fran<U00E7>ais` -> `français`). Of ten categories (LC_IDENTIFICATION,
LC_MONETARY, LC_NUMERIC, LC_TIME, LC_PAPER, LC_MEASUREMENT, LC_TELEPHONE, LC_ADDRESS, LC_NAME, LC_MESSAGES) it keeps
either the `copy "<locale>"` directive (not resolved) or the keywords this catalogue uses (`KEEP`), each as the list
of strings the file gives. Every file is kept, not only the catalogued ones, so that "which locale ..." cues can be
tested for uniqueness against the whole directory and the currency register counts every file. Written to
`evalsets/catalog32/snapshot.json` (committed; `snapshot` refuses to overwrite it without --force) with the package
version and each file's sha256, for information: another glibc holds other definitions, so the committed snapshot is
the source.

`build` renders one markdown page per catalogued locale, `<region>/<locale>.md` (`africa/`, `americas/`, `asia/`,
`europe/`, `oceania/`, `no-territory/` for the two locales without a country, `generic/` for `i18n`), titled
`# <locale> (<language>, <territory>)`, with YAML front matter and a body in one of three layouts dealt in turn in
the order of sha256("catalog32:layout<locale>") within each split: `sheet` (a `| Field | Value |` table), `card`
(headed sections of `- Label: value` bullets) or `prose` (paragraphs, wording varied per page). A category the file
only copies is shown as the reference a real catalogue would give ("LC_TIME: as gez_ET"), never resolved; computed
values (the first day of the week, the clock, the sample date and time) are worked out only from what the page's own
file states. It also writes `currencies.csv`, the currency register (one row per ISO 4217 code that some locale file
states in its own LC_MONETARY), and generates dev.jsonl and test.jsonl from the snapshot (seeded, SEED), then writes
test.jsonl.sha256. It refuses to overwrite corpus/ or the question files without --force.

The hand-written parts: the list of catalogued and left-out locales (`CHOSEN`, `ABSENT`), the region folder and
UN M49 subregion of each territory (`REGION`), the two base pages (`BASES`), the questions about left-out locales
(`ABSENT_QUESTIONS`) and the fields no page records (`ABSENT_FIELDS`).

`check` renders the snapshot and the questions again and compares them with the committed files, recomputes every
record, loads the corpus with ragtune's loader, reads both splits with `load_qa`, and checks every item (evidence,
gold in evidence text and tokens, scoring verdicts, facts against the snapshot, split separation, unanswerables absent
by pattern, the sha256, the type mix). It reads nothing of this machine's locale files, so a fresh clone elsewhere
checks the committed snapshot alone.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog32"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
LOCALES = Path("/usr/share/i18n/locales")
SEED = 32

# Files of the locale directory that are not locales (tables other files include or copy).
NOT_LOCALES = re.compile(r"^(?:translit_.*|iso14651_t1.*|i18n_ctype|cns11643_stroke)$")

CATS = ["LC_IDENTIFICATION", "LC_MONETARY", "LC_NUMERIC", "LC_TIME", "LC_PAPER", "LC_MEASUREMENT", "LC_TELEPHONE",
        "LC_ADDRESS", "LC_NAME", "LC_MESSAGES"]  # fmt: skip
NINE = CATS[1:]  # the categories a page reports as defined or copied
KEEP = {
    "LC_IDENTIFICATION": ["title", "source", "language", "territory", "revision", "date"],
    "LC_MONETARY": ["int_curr_symbol", "currency_symbol", "mon_decimal_point", "mon_thousands_sep", "frac_digits",
                    "p_cs_precedes", "p_sep_by_space"],
    "LC_NUMERIC": ["decimal_point", "thousands_sep", "grouping"],
    "LC_TIME": ["abday", "day", "abmon", "mon", "am_pm", "d_fmt", "t_fmt", "t_fmt_ampm", "week", "first_weekday"],
    "LC_PAPER": ["height", "width"],
    "LC_MEASUREMENT": ["measurement"],
    "LC_TELEPHONE": ["int_prefix", "int_select", "tel_int_fmt"],
    "LC_ADDRESS": ["country_name", "country_ab2", "country_ab3", "country_num", "country_car", "lang_name", "lang_ab",
                   "lang_term"],
    "LC_NAME": ["name_mr", "name_mrs"],
    "LC_MESSAGES": ["yesstr", "nostr"],
}  # fmt: skip

# The catalogued locales, by region folder (written by hand: a spread of regions, scripts, currencies and calendars,
# with families that copy from one another, @modifier variants and the two base definitions most files copy from).
CHOSEN = {
    "africa": ["ti_ET", "sid_ET", "gez_ET", "gez_ET@abegede", "ti_ER", "tig_ER", "byn_ER", "so_SO", "so_DJ", "aa_DJ",
               "so_KE", "en_NG", "ha_NG", "yo_NG", "ber_DZ", "kab_DZ", "ar_DZ", "wo_SN", "ff_SN", "ar_SS", "sw_TZ"],
    "americas": ["en_US", "chr_US", "yi_US", "es_BO", "es_CU", "es_EC", "es_NI", "miq_NI", "es_PE", "quz_PE",
                 "ayc_PE", "es_PA", "es_PY", "nhn_MX", "nl_AW", "pap_AW"],
    "asia": ["ne_NP", "the_NP", "mai_NP", "my_MM", "shn_MM", "mnw_MM", "si_LK", "ta_LK", "tl_PH", "en_PH", "fil_PH",
             "en_SG", "zh_SG", "ar_IQ", "ckb_IQ", "uz_UZ", "uz_UZ@cyrillic", "nan_TW", "nan_TW@latin", "cmn_TW",
             "yue_HK", "tk_TM", "ar_KW"],
    "europe": ["wa_BE", "wa_BE@euro", "fr_BE@euro", "br_FR", "br_FR@euro", "de_BE", "de_BE@euro", "fr_LU",
               "fr_LU@euro", "tt_RU", "tt_RU@iqtelif", "sq_AL", "sq_MK", "ca_ES@valencia", "sr_RS@latin",
               "be_BY@latin", "fy_NL", "nds_DE", "dsb_DE", "ast_ES", "se_NO", "bs_BA", "kw_GB"],
    "oceania": ["niu_NU", "niu_NZ", "bi_VU", "to_TO", "tpi_PG", "hif_FJ"],
    "no-territory": ["eo", "syr"],
    "generic": ["i18n"],
}  # fmt: skip
# The base definitions that many files copy from: links to them do not tie pages into one group, and they are pages
# of the test split (dev questions never go through them).
BASES = ["i18n", "en_US"]
BASE_SPLIT = "test"

# Read but left out: no page, no register row and no copy line names them, and neither their name, their currency
# code, their language and territory names nor their native names are in any corpus file (`check` verifies it).
ABSENT = {"dev": ["dv_MV", "hy_AM", "ht_HT"], "test": ["ps_AF", "dz_BT", "mg_MG"]}
ABSENT_QUESTIONS = {
    "dv_MV": ["Which ISO 4217 code does the glibc locale dv_MV give in its LC_MONETARY section?",
              "What international calling code does the Dhivehi locale for the Maldives (dv_MV) state?"],
    "hy_AM": ["On which date was the glibc locale file hy_AM, Armenian for Armenia, last revised?"],
    "ht_HT": ["Which vehicle registration code does the ht_HT locale (Haitian Creole, Haiti) give in LC_ADDRESS?"],
    "ps_AF": ["What currency symbol does the Pashto locale for Afghanistan, ps_AF, write?",
              "On which day does the week start in glibc's ps_AF locale?"],
    "dz_BT": ["What is the first month of the year called in the Dzongkha locale dz_BT?",
              "Which revision number does the glibc locale file dz_BT carry?"],
    "mg_MG": ["Which ISO 3166 numeric country code does the Malagasy locale mg_MG state?",
              "What date format (d_fmt) does the glibc locale mg_MG use?"],
}  # fmt: skip

# Region folder and UN M49 subregion of each territory a catalogued locale names (written by hand).
REGION = {
    "ET": ("africa", "Eastern Africa"), "ER": ("africa", "Eastern Africa"), "SO": ("africa", "Eastern Africa"),
    "DJ": ("africa", "Eastern Africa"), "KE": ("africa", "Eastern Africa"), "TZ": ("africa", "Eastern Africa"),
    "SS": ("africa", "Eastern Africa"), "NG": ("africa", "Western Africa"), "SN": ("africa", "Western Africa"),
    "DZ": ("africa", "Northern Africa"),
    "US": ("americas", "Northern America"), "BO": ("americas", "South America"), "EC": ("americas", "South America"),
    "PE": ("americas", "South America"), "PY": ("americas", "South America"), "CU": ("americas", "Caribbean"),
    "AW": ("americas", "Caribbean"), "NI": ("americas", "Central America"), "PA": ("americas", "Central America"),
    "MX": ("americas", "Central America"),
    "NP": ("asia", "Southern Asia"), "LK": ("asia", "Southern Asia"), "MM": ("asia", "South-eastern Asia"),
    "PH": ("asia", "South-eastern Asia"), "SG": ("asia", "South-eastern Asia"), "IQ": ("asia", "Western Asia"),
    "KW": ("asia", "Western Asia"), "UZ": ("asia", "Central Asia"), "TM": ("asia", "Central Asia"),
    "TW": ("asia", "Eastern Asia"), "HK": ("asia", "Eastern Asia"),
    "BE": ("europe", "Western Europe"), "FR": ("europe", "Western Europe"), "LU": ("europe", "Western Europe"),
    "NL": ("europe", "Western Europe"), "DE": ("europe", "Western Europe"), "RU": ("europe", "Eastern Europe"),
    "BY": ("europe", "Eastern Europe"), "AL": ("europe", "Southern Europe"), "MK": ("europe", "Southern Europe"),
    "ES": ("europe", "Southern Europe"), "RS": ("europe", "Southern Europe"), "BA": ("europe", "Southern Europe"),
    "NO": ("europe", "Northern Europe"), "GB": ("europe", "Northern Europe"),
    "NU": ("oceania", "Polynesia"), "NZ": ("oceania", "Australia and New Zealand"), "TO": ("oceania", "Polynesia"),
    "VU": ("oceania", "Melanesia"), "PG": ("oceania", "Melanesia"), "FJ": ("oceania", "Melanesia"),
}  # fmt: skip
REGION_WORDS = {"africa": "Africa", "americas": "the Americas", "asia": "Asia", "europe": "Europe",
                "oceania": "Oceania", "no-territory": "locales tied to no country",
                "generic": "glibc's generic definitions"}  # fmt: skip

# What these pages never state about a locale: (question, a pattern no corpus file may match, a made-up answer that
# the pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "collation": ("Who wrote the collation rules (LC_COLLATE) that {n} uses?",
                  r"\bLC_COLLATE\b|\biso14651|\bcollation (?:rules|order|table)|\bsort(?:ing)? order\b",
                  "The LC_COLLATE rules are by Keld Simonsen."),
    "ctype": ("Which file does the LC_CTYPE section of {n} copy?", r"\bLC_CTYPE\b|\bctype\b|\bcharacter class",
              "Its LC_CTYPE copies i18n_ctype."),
    "speakers": ("How many people speak the language of the {n} locale?",
                 r"\bspeakers\b|\bspoken by\b|\bpopulation\b|\bmillions?\b", "About 9 million speakers."),
    "postal": ("How does the {n} locale lay out a postal address (postal_fmt)?",
               r"\bpostal|\bpost ?codes?\b|\bzip\b|\bcountry_post\b", "It puts the postal code after the town."),
    "fax": ("What fax number does the LC_IDENTIFICATION section of {n} give?", r"\bfax\b|\btel\b|\bphone number\b",
            "The fax is +45 - 33256543."),
    "isbn": ("Which ISBN group prefix (country_isbn) does the {n} locale give?", r"\bISBN\b",
             "Its ISBN prefix is 978-99944."),
    "lang_lib": ("What bibliographic ISO 639-2/B code (lang_lib) does {n} give for its language?",
                 r"\blang_lib\b|\bbibliographic\b|639-2/B", "The lang_lib code is ger."),
    "timezone": ("In which time zone is the territory of the {n} locale?",
                 r"\btime ?zones?\b|\bUTC\b|\bGMT\b|\bzoneinfo\b", "It is in the UTC+03:00 time zone."),
    "charmap": ("Which character map (charmap) is the {n} locale usually compiled with?",
                r"\bcharmap\b|\bUTF-8\b|\bISO-8859|\bcodeset\b|\bSUPPORTED\b", "It is built with UTF-8."),
    "email": ("What e-mail address does the file of {n} give for bug reports?", r"\be-?mail\b|@gnu\.org\b|\bbug-glibc",
              "bug-glibc-locales@gnu.org."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 2, "test": 3}  # the most single-hop questions of one kind
CAP_REVERSE = {"dev": 2, "test": 3}
CAP_CMP = {"dev": 1, "test": 2}
CAP_HOP = {"dev": 2, "test": 3}
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 5, "filter-among": 4}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-locale items; the rest ask absent fields
REG_PER_SPLIT = {"dev": 2, "test": 3}  # single-hop questions about a register row
DEV_PAGES = 35  # dev takes link groups until it holds this many pages or more
LAYOUTS = ("sheet", "card", "prose")
SAMPLE_DAY = dt.date(2026, 3, 27)  # the date every page writes out with its d_fmt (a Friday)
SAMPLE_TIME = (14, 5, 9)  # the time every page writes out with its t_fmt
WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip

# ------------------------------------------------------------------ reading the locale sources (snapshot only)


def _directives(text: str) -> tuple[str, str]:
    cc, ec = "#", "\\"
    for ln in text.split("\n")[:20]:
        m = re.match(r"\s*comment_char\s+(\S)", ln)
        cc = m[1] if m else cc
        m = re.match(r"\s*escape_char\s+(\S)", ln)
        ec = m[1] if m else ec
    return cc, ec


def logical_lines(text: str, cc: str, ec: str) -> list[str]:
    """Lines as localedef reads them: comment lines and comments after a value dropped (a comment character inside
    a string is text), a line ending in the escape character joined to the next, even inside a string."""
    out, buf, inside = [], None, False
    for ln in text.split("\n"):
        if not inside and ln.lstrip().startswith(cc):
            continue
        s = ln.rstrip()
        more = s.endswith(ec) and not s.endswith(ec + ec)
        body = s[:-1] if more else ln
        kept, i = [], 0
        while i < len(body):
            c = body[i]
            if inside and c == ec and i + 1 < len(body):
                kept.append(body[i : i + 2])
                i += 2
                continue
            if c == '"':
                inside = not inside
            elif c == cc and not inside:
                break
            kept.append(c)
            i += 1
        buf = (buf or "") + "".join(kept)
        if not more:
            out.append(buf)
            buf, inside = None, False
    if buf:
        out.append(buf)
    return out


def values(rest: str, cc: str, ec: str) -> list[str]:
    """The values after a keyword: strings (escapes and <Uxxxx> decoded) and bare words, `;` between them."""
    out, i, n = [], 0, len(rest)
    while i < n:
        c = rest[i]
        if c == '"':
            j, buf = i + 1, []
            while j < n and rest[j] != '"':
                if rest[j] == ec and j + 1 < n:
                    buf.append(rest[j + 1])
                    j += 2
                elif rest[j] == "<" and ">" in rest[j:]:
                    k = rest.index(">", j)
                    m = re.fullmatch(r"U([0-9A-Fa-f]{4,8})", rest[j + 1 : k])
                    buf.append(chr(int(m[1], 16)) if m else rest[j : k + 1])
                    j = k + 1
                else:
                    buf.append(rest[j])
                    j += 1
            out.append("".join(buf))
            i = j + 1
        elif c == ";" or c.isspace():
            i += 1
        elif c == cc:
            break
        else:
            j = i
            while j < n and not rest[j].isspace() and rest[j] != ";":
                j += 1
            out.append(rest[i:j])
            i = j
    return out


def read_locale(text: str) -> dict:
    cc, ec = _directives(text)
    cats: dict[str, dict] = {}
    cur = None
    for ln in logical_lines(text, cc, ec):
        st = ln.strip()
        if not st:
            continue
        if cur is None:
            if re.fullmatch(r"LC_[A-Z]+", st):
                cur = st
                cats[cur] = {}
            continue
        if st == f"END {cur}":
            cur = None
            continue
        kw = st.split()[0]
        if cur not in KEEP:
            continue
        vals = values(st[len(kw) :], cc, ec)
        if kw == "copy":
            cats[cur] = {"copy": vals[0]}
        elif kw in KEEP[cur] and kw not in cats[cur] and "copy" not in cats[cur]:
            cats[cur][kw] = vals
    return {"comment_char": cc, "escape_char": ec, "cats": {c: cats[c] for c in CATS if c in cats}}


def scan() -> dict:
    import subprocess

    files = {}
    skipped = []
    for p in sorted(LOCALES.iterdir(), key=lambda p: p.name):
        if NOT_LOCALES.match(p.name):
            skipped.append(p.name)
            continue
        raw = p.read_bytes()
        rec = read_locale(raw.decode("utf-8"))
        files[p.name] = {"sha256": hashlib.sha256(raw).hexdigest(), "lines": raw.count(b"\n"), **rec}
    try:
        ver = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "locales"], capture_output=True, text=True,
                             check=True).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        ver = "unknown"
    return {"source": "this machine's glibc locale sources, /usr/share/i18n/locales, read as localedef reads them",
            "directory": str(LOCALES), "package": f"locales {ver}", "files_in_directory": len(files) + len(skipped),
            "skipped": skipped, "kept": KEEP, "files": files}


def snapshot_text(snap: dict) -> str:
    """JSON with one locale file a line."""
    parts = []
    for k, v in snap.items():
        if k == "files":
            body = ",\n".join(f"  {json.dumps(n)}: {json.dumps(x, ensure_ascii=False)}" for n, x in v.items())
            parts.append(f' "files": {{\n{body}\n }}')
        else:
            parts.append(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's locale sources again")
    snap = scan()
    missing = [k for k in read_names() if k not in snap["files"]]
    if missing:
        sys.exit(f"not in this machine's locale directory: {missing}")
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"{snap['package']}: {len(snap['files'])} locale files ({len(snap['skipped'])} other files skipped)")


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ records


def read_names() -> list[str]:
    return [n for ns in CHOSEN.values() for n in ns] + ABSENT["dev"] + ABSENT["test"]


def absent_locales() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def catalogued() -> list[str]:
    return [n for ns in CHOSEN.values() for n in ns]


def cat_set() -> set[str]:
    return set(catalogued())


def folder_of(n: str) -> str:
    return next(f for f, ns in CHOSEN.items() if n in ns)


def territory_code(n: str) -> str | None:
    m = re.match(r"[a-z]+_([A-Z]{2})(?:@|$)", n)
    return m[1] if m else None


def first(d: dict, k: str) -> str | None:
    v = d.get(k)
    return v[0] if v else None


def resolve(snap: dict, n: str, cat: str) -> tuple[str | None, dict | None, list[str]]:
    """Follow `copy` from locale n for one category: (the file that states it, what it states, the files passed
    through, n first). (None, None, path) where the chain leaves the directory or the category is missing."""
    path = [n]
    while True:
        f = snap["files"].get(path[-1])
        c = f["cats"].get(cat) if f else None
        if c is None:
            return None, None, path
        if "copy" not in c:
            return path[-1], c, path
        if c["copy"] in path or len(path) > 12:
            return None, None, path
        path.append(c["copy"])


def parse_date(s: str | None) -> str | None:
    """The ISO date an LC_IDENTIFICATION date names, whatever its spelling ("2000-06-29", "2005-3-15",
    "2003-February-01", "2004.10.01", "2000,October,27 (XML source:2000,July,20)")."""
    if not s:
        return None
    s = s.strip()
    mon = {m.lower(): i for i, m in enumerate(MONTHS, 1)}
    m = re.match(r"(\d{4})[-.](\d{1,2})[-.](\d{1,2})$", s)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    else:
        m = re.match(r"(\d{4})\s*[-,]\s*([A-Za-z]+)\s*[-,]\s*(\d{1,2})\b", s)
        if not m or m[2].lower() not in mon:
            return None
        y, mo, d = int(m[1]), mon[m[2].lower()], int(m[3])
    return dt.date(y, mo, d).isoformat()


def date_words(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def revision_key(s: str | None) -> tuple[int, ...] | None:
    return tuple(int(x) for x in s.split(".")) if s and re.fullmatch(r"\d+(?:\.\d+)*", s) else None


SEP_WORDS = {",": "a comma", ".": "a full stop, or period", " ": "a space", "\u202f": "a narrow no-break space (U+202F)",
             "\u00a0": "a no-break space (U+00A0)", "'": "an apostrophe", "’": "a right single quotation mark (’)",
             "\u066b": "the Arabic decimal separator ٫ (U+066B)", "\u066c": "the Arabic thousands separator ٬ (U+066C)",
             "": "none: the file leaves it empty"}  # fmt: skip
SEP_GOLDS = {",": ["comma"], ".": ["full stop", "period"], " ": ["space"]}


def sep_text(s: str | None) -> str:
    if s is None:
        return "not set in the file"
    if s in SEP_WORDS:
        return f"“{s}” ({SEP_WORDS[s]})" if s else SEP_WORDS[s]
    return f"“{s}” ({', '.join(f'U+{ord(c):04X}' for c in s)})"


def grouping_text(g: list[str] | None) -> str:
    if not g:
        return "not set in the file"
    raw = ";".join(g)
    if g == ["-1"]:
        return f"{raw} (no grouping)"
    if all(x == "3" for x in g):
        return f"{raw} (groups of three digits)"
    if g[:2] == ["3", "2"]:
        return f"{raw} (three digits, then groups of two)"
    return raw


def placement_text(pre: str | None, sep: str | None) -> str | None:
    if pre not in ("0", "1") or sep not in ("0", "1", "2"):
        return None
    where = "before the amount" if pre == "1" else "after the amount"
    gap = {"0": "with no space", "1": "separated by a space", "2": "with a space only next to the sign"}[sep]
    return f"{where}, {gap} (p_cs_precedes {pre}, p_sep_by_space {sep})"


def grid_date(s: str) -> dt.date:
    return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))


def strftime(fmt: str, t: dict, day: dt.date, hms: tuple[int, int, int], depth: int = 0) -> str | None:
    """What glibc's strftime makes of fmt under this LC_TIME (only the conversions these pages need; None where
    the format uses one this catalogue does not work out: alternative digits, eras, a zone)."""
    out, i = [], 0
    days, abdays, mons, abmons = t.get("day"), t.get("abday"), t.get("mon"), t.get("abmon")
    ampm = t.get("am_pm") or ["", ""]
    wd = ((day.weekday() + 1) % 7 - week_start(t)) % 7  # the day list starts from the week line's weekday
    h, mi, se = hms
    h12 = h % 12 or 12
    while i < len(fmt):
        c = fmt[i]
        if c != "%":
            out.append(c)
            i += 1
            continue
        i += 1
        flag = ""
        if i < len(fmt) and fmt[i] in "-_0^#":
            flag = fmt[i]
            i += 1
        if i >= len(fmt):
            return None
        d = fmt[i]
        i += 1

        def num(v: int, width: int = 2, pad: str = "0") -> str:
            if flag == "-":
                return str(v)
            if flag == "_":
                pad = " "
            return str(v).rjust(width, pad)

        if d == "a" and abdays:
            out.append(abdays[wd])
        elif d == "A" and days:
            out.append(days[wd])
        elif d in "bh" and abmons:
            out.append(abmons[day.month - 1])
        elif d == "B" and mons:
            out.append(mons[day.month - 1])
        elif d == "d":
            out.append(num(day.day))
        elif d == "e":
            out.append(num(day.day, 2, " "))
        elif d == "m":
            out.append(num(day.month))
        elif d == "y":
            out.append(num(day.year % 100))
        elif d == "Y":
            out.append(str(day.year))
        elif d == "C":
            out.append(num(day.year // 100))
        elif d == "F":
            out.append(f"{day.year}-{day.month:02d}-{day.day:02d}")
        elif d == "D":
            out.append(f"{day.month:02d}/{day.day:02d}/{day.year % 100:02d}")
        elif d == "H":
            out.append(num(h))
        elif d == "k":
            out.append(num(h, 2, " "))
        elif d == "I":
            out.append(num(h12))
        elif d == "l":
            out.append(num(h12, 2, " "))
        elif d == "M":
            out.append(num(mi))
        elif d == "S":
            out.append(num(se))
        elif d == "p":
            out.append(ampm[1] if h >= 12 else ampm[0])
        elif d == "P":
            out.append((ampm[1] if h >= 12 else ampm[0]).lower())
        elif d == "T":
            out.append(f"{h:02d}:{mi:02d}:{se:02d}")
        elif d == "R":
            out.append(f"{h:02d}:{mi:02d}")
        elif d == "r" and depth == 0 and (t.get("t_fmt_ampm") or [""])[0]:
            x = strftime(t["t_fmt_ampm"][0], t, day, hms, 1)
            if x is None:
                return None
            out.append(x)
        elif d == "n":
            out.append("\n")
        elif d == "t":
            out.append("\t")
        elif d == "%":
            out.append("%")
        else:
            return None
    return "".join(out)


def clock_of(t_fmt: str | None, t: dict) -> str | None:
    if not t_fmt:
        return None
    f = t_fmt.replace("%r", (t.get("t_fmt_ampm") or ["%I:%M:%S %p"])[0] or "%I:%M:%S %p")
    if re.search(r"%[-_0^#]?O?[Il]", f):
        return "12-hour"
    if re.search(r"%[-_0^#]?O?[Hk]|%T|%R", f):
        return "24-hour"
    return None


MEASURE = {"1": "metric", "2": "US customary"}


def paper_name(h: str, w: str) -> str:
    return {("297", "210"): "A4", ("279", "216"): "US Letter"}.get((h, w), "")


def own(r: dict, cat: str) -> dict | None:
    c = r["cats"].get(cat)
    return c if c is not None and "copy" not in c else None


def make_record(n: str, snap: dict) -> dict:
    f = snap["files"][n]
    ident = f["cats"].get("LC_IDENTIFICATION", {})
    folder = folder_of(n)
    tc = territory_code(n)
    sub = REGION[tc][1] if tc and folder not in ("no-territory", "generic") else None
    date_raw = first(ident, "date")
    iso = parse_date(date_raw)
    r = {"key": n, "id": f"{folder}/{n}", "folder": folder, "subregion": sub,
         "modifier": n.split("@", 1)[1] if "@" in n else None, "base_name": n.split("@", 1)[0],
         "title": first(ident, "title") or "", "source": first(ident, "source") or "",
         "language": first(ident, "language") or "", "territory": first(ident, "territory") or "",
         "revision": first(ident, "revision") or "", "date_raw": date_raw or "", "date_iso": iso,
         "lines": f["lines"], "cats": {c: f["cats"].get(c) for c in NINE}}  # fmt: skip
    r["copied"] = [c for c in NINE if r["cats"][c] is not None and "copy" in r["cats"][c]]
    r["missing"] = [c for c in NINE if r["cats"][c] is None]
    r["copies_from"] = {c: r["cats"][c]["copy"] for c in r["copied"]}
    r["targets"] = sorted(set(r["copies_from"].values()))
    m = own(r, "LC_MONETARY")
    if m is not None:
        code = (first(m, "int_curr_symbol") or "").strip()
        r["money"] = {"code": code, "symbol": first(m, "currency_symbol"), "mdp": first(m, "mon_decimal_point"),
                      "mts": first(m, "mon_thousands_sep"), "frac": first(m, "frac_digits"),
                      "place": placement_text(first(m, "p_cs_precedes"), first(m, "p_sep_by_space")),
                      "before": first(m, "p_cs_precedes") == "1" if first(m, "p_cs_precedes") in ("0", "1") else None}
    num_ = own(r, "LC_NUMERIC")
    if num_ is not None:
        r["numeric"] = {"dp": first(num_, "decimal_point"), "ts": first(num_, "thousands_sep"),
                        "grouping": num_.get("grouping")}
    t = own(r, "LC_TIME")
    if t is not None:
        week = t.get("week")
        fw = int(first(t, "first_weekday")) if first(t, "first_weekday") else None
        w0 = week_start(t)
        k = (fw or 1) - 1
        days = t.get("day") or []
        x = {"days": days, "abdays": t.get("abday") or [], "mons": t.get("mon") or [], "abmons": t.get("abmon") or [],
             "am_pm": t.get("am_pm") or [], "d_fmt": first(t, "d_fmt"), "t_fmt": first(t, "t_fmt"),
             "t_fmt_ampm": first(t, "t_fmt_ampm"), "week": week, "first_weekday": fw,
             "first_day": WEEKDAYS[(w0 + k) % 7], "first_day_native": days[k] if len(days) > k else None,
             "clock": clock_of(first(t, "t_fmt"), t)}
        x["date_example"] = strftime(x["d_fmt"], t, SAMPLE_DAY, SAMPLE_TIME) if x["d_fmt"] else None
        x["time_example"] = strftime(x["t_fmt"], t, SAMPLE_DAY, SAMPLE_TIME) if x["t_fmt"] else None
        r["time"] = x
    p = own(r, "LC_PAPER")
    if p is not None:
        r["paper"] = {"height": first(p, "height"), "width": first(p, "width")}
    me = own(r, "LC_MEASUREMENT")
    if me is not None:
        r["measurement"] = first(me, "measurement")
    te = own(r, "LC_TELEPHONE")
    if te is not None:
        r["phone"] = {"prefix": first(te, "int_prefix"), "select": first(te, "int_select"),
                      "intl": first(te, "tel_int_fmt")}
    a = own(r, "LC_ADDRESS")
    if a is not None:
        r["address"] = {k: first(a, k) for k in KEEP["LC_ADDRESS"]}
    nm = own(r, "LC_NAME")
    if nm is not None:
        r["names"] = {"mr": first(nm, "name_mr"), "mrs": first(nm, "name_mrs")}
    ms = own(r, "LC_MESSAGES")
    if ms is not None:
        r["messages"] = {"yes": first(ms, "yesstr"), "no": first(ms, "nostr")}
    return r


_RECS: dict = {}


def records(snap: dict) -> list[dict]:
    if _RECS.get("key") != id(snap):
        _RECS.update(key=id(snap), value=[make_record(n, snap) for n in catalogued()])
    return _RECS["value"]


def scanned(snap: dict) -> list[str]:
    """Every locale file of the snapshot less the left-out ones (what the register and uniqueness tests count)."""
    return [n for n in snap["files"] if n not in absent_locales()]


# ------------------------------------------------------------------ the currency register


REG_COLUMNS = ["id", "title", "code", "symbols", "stated_by", "stated_count", "inherited_count", "pages_stating",
               "pages_inheriting"]  # fmt: skip


def own_code(snap: dict, n: str) -> str | None:
    c = snap["files"][n]["cats"].get("LC_MONETARY")
    if not c or "copy" in c:
        return None
    return (first(c, "int_curr_symbol") or "").strip() or None


def resolved_code(snap: dict, n: str) -> str | None:
    owner, _, _ = resolve(snap, n, "LC_MONETARY")
    return own_code(snap, owner) if owner else None


def register_rows(snap: dict) -> list[dict]:
    names = scanned(snap)
    cat = cat_set()
    stated: dict[str, list[str]] = {}
    symbols: dict[str, Counter] = {}
    inherited: Counter = Counter()
    inheriting: dict[str, list[str]] = {}
    for n in names:
        code = own_code(snap, n)
        if code:
            stated.setdefault(code, []).append(n)
            symbols.setdefault(code, Counter())[first(snap["files"][n]["cats"]["LC_MONETARY"], "currency_symbol")
                                                or ""] += 1
        elif snap["files"][n]["cats"].get("LC_MONETARY") and resolved_code(snap, n):
            inherited[resolved_code(snap, n)] += 1
            inheriting.setdefault(resolved_code(snap, n), []).append(n)
    out = []
    for code in sorted(stated):
        sy = "; ".join(f"“{s}” ({c} file{'s' if c > 1 else ''})" if s else f"empty ({c} file{'s' if c > 1 else ''})"
                       for s, c in sorted(symbols[code].items(), key=lambda x: (-x[1], x[0])))
        ps = [n for n in stated[code] if n in cat]
        pi = [n for n in inheriting.get(code, []) if n in cat]
        out.append({"id": code, "title": f"currency code {code} in glibc's locale files", "code": code,
                    "symbols": sy, "stated_by": ", ".join(stated[code]), "stated_count": len(stated[code]),
                    "inherited_count": inherited[code],
                    "pages_stating": ", ".join(ps) if ps else "none in this catalogue",
                    "pages_inheriting": ", ".join(pi) if pi else "none in this catalogue"})
    return out


def register_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=REG_COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


def reg_by(snap: dict) -> dict[str, dict]:
    if _REG.get("key") != id(snap):
        _REG.update(key=id(snap), value={x["id"]: x for x in register_rows(snap)})
    return _REG["value"]


_REG: dict = {}


def reg_pages(row: dict) -> list[str]:
    return [] if row["pages_stating"].startswith("none") else row["pages_stating"].split(", ")


def reg_pages_inheriting(row: dict) -> list[str]:
    return [] if row["pages_inheriting"].startswith("none") else row["pages_inheriting"].split(", ")


# ------------------------------------------------------------------ pages


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog32:{salt}{key}".encode()).hexdigest(), 16)


def links(r: dict) -> list[str]:
    """The catalogued locales a page names that tie it into a group: those it copies from, less the two bases."""
    return sorted(t for t in r["targets"] if t in cat_set() and t not in BASES)


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
    """Keyed by locale: the bases go to BASE_SPLIT; the other link groups in the order of
    sha256("catalog32:<the group's first locale>"), dev taking groups until it holds DEV_PAGES pages or more."""
    out, n = {b: BASE_SPLIT for b in BASES}, 0
    for g in sorted((g for g in link_groups(recs) if not set(g) & set(BASES)), key=lambda g: _h(g[0])):
        part = "dev" if n < DEV_PAGES else "test"
        n += len(g) if part == "dev" else 0
        out.update({c: part for c in g})
    return out


def split_rows(snap: dict, sp: dict[str, str]) -> dict[str, str]:
    """Keyed by code: the split of the catalogued locales the row names where they are all of one split, else by the
    turn of sha256("catalog32:row<code>") (two of five to dev)."""
    out = {}
    for x in register_rows(snap):
        parts = {sp[n] for n in reg_pages(x) + reg_pages_inheriting(x)}
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


MODIFIER_WORDS = {"euro": "the euro variant", "latin": "the Latin-script variant",
                  "cyrillic": "the Cyrillic-script variant", "iqtelif": "the İñ Latin (iqtelif) spelling variant",
                  "abegede": "the abegede variant (Ethiopic letters in abegede order)",
                  "valencia": "the Valencian variant"}  # fmt: skip


def title(r: dict) -> str:
    if r["key"] == "i18n":
        return "i18n (glibc's generic definitions)"
    parts = [x for x in (r["language"], r["territory"]) if x]
    if r["modifier"]:
        parts.append(f"@{r['modifier']}")
    return f"{r['key']} ({', '.join(parts)})"


def page_of(n: str) -> str:
    return f"{folder_of(n)}/{n}"


def copy_text(r: dict, c: str) -> str:
    t = r["copies_from"][c]
    return f"as {t} (the file says copy \"{t}\"; {where_text(t)})"


def date_text(r: dict) -> str:
    if not r["date_raw"]:
        return "not given (the date field is empty)"
    if not r["date_iso"]:
        return r["date_raw"]
    if r["date_raw"] != r["date_iso"]:
        return f"{r['date_raw']} (read as {r['date_iso']}, {date_words(r['date_iso'])})"
    return f"{r['date_raw']} ({date_words(r['date_iso'])})"


def copies_text(r: dict) -> str:
    if not r["copied"]:
        return "none: the file defines all nine categories itself"
    items = [f"{c} from {r['copies_from'][c]}" for c in r["copied"]]
    return f"{len(r['copied'])} of nine: {and_list(items)}"


def modifier_text(r: dict) -> str:
    return f"@{r['modifier']}: {MODIFIER_WORDS[r['modifier']]} of {r['base_name']}"


def filed_text(r: dict) -> str:
    sub = f", {r['subregion']}" if r["subregion"] else ""
    return f"{r['folder']}/ ({REGION_WORDS[r['folder']]}{sub})"


def symbol_text(s: str | None) -> str:
    if s is None:
        return "not set in the file"
    if not s:
        return "empty"
    return f"“{s}” ({', '.join(f'U+{ord(c):04X}' for c in s)})" if not re.search(r"[A-Za-z]", s) else f"“{s}”"


def frac_text(f: str | None) -> str:
    return f if f is not None else "not set in the file"


def week_start(t: dict) -> int:
    """The weekday (0 = Sunday) the day list starts from: the date of the week line (19971130, a Sunday, where the
    file has none)."""
    wdate = t["week"][1] if t.get("week") and len(t["week"]) > 1 else "19971130"
    return (grid_date(wdate).weekday() + 1) % 7


def days_text(t: dict) -> str:
    w0 = week_start(t)
    return "; ".join(f"{WEEKDAYS[(w0 + i) % 7]}: {d}" for i, d in enumerate(t["days"][:7]))


def months_text(t: dict) -> str:
    return "; ".join(f"{MONTHS[i]}: {m}" for i, m in enumerate(t["mons"][:12]))


def ampm_text(t: dict) -> str:
    a = t["am_pm"]
    if not a or not any(a):
        return "none: the am_pm strings are empty"
    return f"“{a[0]}” and “{a[1]}”"


def week_text(t: dict) -> str:
    return ";".join(t["week"]) if t["week"] else "no week line in the file"


def fw_text(t: dict) -> str:
    return str(t["first_weekday"]) if t["first_weekday"] else "not set (glibc then takes 1)"


def first_day_text(t: dict) -> str:
    return f"{t['first_day']} ({t['first_day_native']})"


SAMPLE_DAY_WORDS = f"{SAMPLE_DAY.day} {MONTHS[SAMPLE_DAY.month - 1]} {SAMPLE_DAY.year}"
SAMPLE_TIME_WORDS = "{:02d}:{:02d}:{:02d}".format(*SAMPLE_TIME)


def example(x: str | None) -> str | None:
    return " ".join(x.split()) if x is not None else None


def dfmt_text(t: dict) -> str:
    if not t["d_fmt"]:
        return "not set in the file"
    ex = example(t["date_example"])
    if ex is None:
        return f"{t['d_fmt']} (no sample worked out here: it uses alternative digits)"
    return f"{t['d_fmt']}: {SAMPLE_DAY_WORDS} comes out as {ex}"


def tfmt_text(t: dict) -> str:
    if not t["t_fmt"]:
        return "not set in the file"
    ex = example(t["time_example"])
    if ex is None:
        why = "it uses alternative digits" if "%O" in t["t_fmt"] else "it includes the zone abbreviation, %Z"
        return f"{t['t_fmt']} (no sample worked out here: {why})"
    return f"{t['t_fmt']}: {SAMPLE_TIME_WORDS} comes out as {ex}"


def paper_text(p: dict) -> str:
    nm = paper_name(p["height"], p["width"])
    return f"{p['height']} × {p['width']} mm (height × width){', ' + nm if nm else ''}"


def measure_text(v: str | None) -> str:
    return f"{v} ({MEASURE.get(v, 'unknown')})" if v else "not set in the file"


def opt(v: str | None) -> str:
    if v is None:
        return "not set in the file"
    return v if v else "empty"


EMPTY_OWN = {"LC_NAME": ("names", "name_mr or name_mrs"), "LC_MESSAGES": ("messages", "yesstr or nostr")}


def bare(r: dict, c: str) -> bool:
    """Does the file define category c itself but none of the keywords this catalogue shows for it?"""
    if c not in EMPTY_OWN or EMPTY_OWN[c][0] not in r:
        return False
    return all(v is None for v in r[EMPTY_OWN[c][0]].values())


def cat_head(r: dict, c: str) -> str:
    if c in r["copied"]:
        return copy_text(r, c)
    if c in r["missing"]:
        return "not defined in the file"
    if bare(r, c):
        return f"defined in this file, without {EMPTY_OWN[c][1]}"
    return "defined in this file"


def related_text(r: dict) -> str | None:
    ps = [page_of(t) for t in r["targets"] if t in cat_set()]
    return and_list(ps) if ps else None


def rows(r: dict) -> list[tuple[str, str, str]]:
    """(section, label, value) of every line a sheet or card shows."""
    out = [("Identification", "Locale", r["key"]), ("Identification", "File title", r["title"] or "empty"),
           ("Identification", "Language", r["language"] or "empty"),
           ("Identification", "Territory", r["territory"] or "none")]
    if r["modifier"]:
        out.append(("Identification", "Variant", modifier_text(r)))
    out += [("Identification", "Filed under", filed_text(r)),
            ("Identification", "Source", r["source"] or "not given"),
            ("Identification", "Revision", r["revision"] or "not given"), ("Identification", "Date", date_text(r)),
            ("Identification", "Categories copied from other locales", copies_text(r))]
    S = "Money and numbers"
    out.append((S, "LC_MONETARY", cat_head(r, "LC_MONETARY")))
    if "money" in r:
        m = r["money"]
        out += [(S, "Currency code (int_curr_symbol)", m["code"] or "empty"),
                (S, "Currency symbol", symbol_text(m["symbol"]))]
        if m["place"]:
            out.append((S, "Symbol placement", m["place"]))
        out += [(S, "Monetary decimal point", sep_text(m["mdp"])), (S, "Monetary thousands separator", sep_text(m["mts"])),
                (S, "Digits after the decimal point (frac_digits)", frac_text(m["frac"]))]
    out.append((S, "LC_NUMERIC", cat_head(r, "LC_NUMERIC")))
    if "numeric" in r:
        x = r["numeric"]
        out += [(S, "Decimal point", sep_text(x["dp"])), (S, "Thousands separator", sep_text(x["ts"])),
                (S, "Digit grouping", grouping_text(x["grouping"]))]
    S = "Calendar and clock"
    out.append((S, "LC_TIME", cat_head(r, "LC_TIME")))
    if "time" in r:
        t = r["time"]
        out += [(S, "Day names (day)", days_text(t)),
                (S, "Abbreviated day names (abday)", ", ".join(t["abdays"])),
                (S, "Month names (mon)", months_text(t)), (S, "Abbreviated month names (abmon)", ", ".join(t["abmons"])),
                (S, "AM and PM (am_pm)", ampm_text(t)), (S, "week", week_text(t)),
                (S, "first_weekday", fw_text(t)), (S, "First day of the week", first_day_text(t)),
                (S, "Date format (d_fmt)", dfmt_text(t)), (S, "Time format (t_fmt)", tfmt_text(t))]
        if t["clock"]:
            out.append((S, "Clock", t["clock"]))
    S = "Paper and measurement"
    out.append((S, "LC_PAPER", cat_head(r, "LC_PAPER")))
    if "paper" in r:
        out.append((S, "Paper size", paper_text(r["paper"])))
    out.append((S, "LC_MEASUREMENT", cat_head(r, "LC_MEASUREMENT")))
    if "measurement" in r:
        out.append((S, "Measurement system", measure_text(r["measurement"])))
    S = "Telephone and address"
    out.append((S, "LC_TELEPHONE", cat_head(r, "LC_TELEPHONE")))
    if "phone" in r:
        p = r["phone"]
        out += [(S, "International calling code (int_prefix)", opt(p["prefix"])),
                (S, "International access prefix (int_select)", opt(p["select"])),
                (S, "International number format (tel_int_fmt)", opt(p["intl"]))]
    out.append((S, "LC_ADDRESS", cat_head(r, "LC_ADDRESS")))
    if "address" in r:
        a = r["address"]
        out += [(S, "Country name (country_name)", opt(a["country_name"])),
                (S, "Two-letter country code (country_ab2)", opt(a["country_ab2"])),
                (S, "Three-letter country code (country_ab3)", opt(a["country_ab3"])),
                (S, "Numeric country code (country_num)", opt(a["country_num"])),
                (S, "Vehicle registration code (country_car)", opt(a["country_car"])),
                (S, "Language name (lang_name)", opt(a["lang_name"])),
                (S, "Two-letter language code (lang_ab)", opt(a["lang_ab"])),
                (S, "Three-letter language code (lang_term)", opt(a["lang_term"]))]
    S = "Names and messages"
    out.append((S, "LC_NAME", cat_head(r, "LC_NAME")))
    if "names" in r and not bare(r, "LC_NAME"):
        out += [(S, "Title for a man (name_mr)", opt(r["names"]["mr"])),
                (S, "Title for a married woman (name_mrs)", opt(r["names"]["mrs"]))]
    out.append((S, "LC_MESSAGES", cat_head(r, "LC_MESSAGES")))
    if "messages" in r and not bare(r, "LC_MESSAGES"):
        out += [(S, "Yes (yesstr)", opt(r["messages"]["yes"])), (S, "No (nostr)", opt(r["messages"]["no"]))]
    if related_text(r):
        out.append(("Related pages", "Related pages", related_text(r)))
    return out


def front(r: dict) -> dict:
    fm = {"locale": r["key"], "region": r["folder"]}
    if r["subregion"]:
        fm["subregion"] = r["subregion"]
    fm.update({"language": r["language"], "territory": r["territory"]})
    if r["modifier"]:
        fm["modifier"] = r["modifier"]
    fm["file_title"] = r["title"]
    fm["revision"] = r["revision"]
    if r["date_iso"]:
        fm["date"] = r["date_iso"]
    fm["copies"] = r["copied"]
    fm["copied_from"] = r["targets"]
    if "money" in r and r["money"]["code"]:
        fm["currency"] = r["money"]["code"]
    if "time" in r:
        fm["first_day"] = r["time"]["first_day"]
        if r["time"]["clock"]:
            fm["clock"] = r["time"]["clock"]
    if "measurement" in r and r["measurement"]:
        fm["measurement"] = MEASURE.get(r["measurement"], r["measurement"])
    if "phone" in r and r["phone"]["prefix"]:
        fm["calling_code"] = r["phone"]["prefix"]
    if "address" in r and r["address"]["country_car"]:
        fm["vehicle_code"] = r["address"]["country_car"]
    return fm


def front_matter(r: dict) -> str:
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front(r).items()) + "---\n"


def source_line(r: dict, snap: dict) -> str:
    f = snap["files"][r["key"]]
    return (f"Source: /usr/share/i18n/locales/{r['key']} ({snap['package']}; {f['lines']} lines, sha256 "
            f"{f['sha256'][:16]}…), read as localedef reads it; a category the file copies is shown as the copy, "
            f"not resolved.")


def _sheet(r: dict) -> str:
    return "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for _, a, b in rows(r)) + "\n"


def _card(r: dict) -> str:
    out, sec = [], None
    for s, a, b in rows(r):
        if s != sec:
            if sec is not None:
                out.append("")
            out.append(f"## {s}")
            sec = s
        out.append(f"- {a}: {b}")
    return "\n".join(out) + "\n"


def where_text(t: str) -> str:
    where = f"its page: {page_of(t)}" if t in cat_set() else "no page in this catalogue"
    return f"glibc's generic definitions; {where}" if t == "i18n" else where


def _copy_sentences(r: dict, cats: list[str], w: int) -> list[str]:
    """The categories of one paragraph that the file copies, grouped by the locale they come from."""
    by: dict[str, list[str]] = {}
    for c in cats:
        if c in r["copied"]:
            by.setdefault(r["copies_from"][c], []).append(c)
    out = []
    for i, (t, cs) in enumerate(by.items()):
        v = (w + i) % 3
        out.append((f"It takes {and_list(cs)} from {t} (the file says copy \"{t}\"; {where_text(t)}).",
                    f"{and_list(cs)} {'is' if len(cs) == 1 else 'are'} not its own: the file says copy \"{t}\" "
                    f"({where_text(t)}).",
                    f"For {and_list(cs)} it defers to {t}, with copy \"{t}\" ({where_text(t)}).")[v])
    return out


def _own(r: dict, c: str, text) -> list[str]:
    if c in r["copied"]:
        return []
    if c in r["missing"]:
        return [f"The file does not define {c} at all."]
    if bare(r, c):
        return [f"It defines {c} itself, without {EMPTY_OWN[c][1]}."]
    return text()


def _prose(r: dict, snap: dict) -> str:
    w = _h(r["key"], "w")
    k, lang, terr = r["key"], r["language"], r["territory"]
    where = f" in {terr}" if terr else ""
    ttl = f"“{r['title']}”" if r["title"] else None
    if k == "i18n":
        p1 = ["i18n is not a locale anyone selects: it holds glibc's generic definitions (ISO/IEC 14652 i18n), which "
              "most locale files copy categories from. Its title, language and territory fields are empty."]
    else:
        p1 = [(f"{k} is the glibc locale for {lang}{where}; its LC_IDENTIFICATION section titles the file {ttl}.",
               f"The locale source file {k} is titled {ttl} and covers {lang}{where}.",
               f"{ttl}: that is how {k}, glibc's definition of {lang}{where}, names itself.")[w % 3]]
    if r["modifier"]:
        p1.append(f"The suffix @{r['modifier']} marks it as {MODIFIER_WORDS[r['modifier']]} of {r['base_name']}.")
    p1.append(f"This catalogue files it under {filed_text(r)}.")
    src = f"It names {r['source']} as its source" if r["source"] else "It names no source"
    rev = f"revision {r['revision']}" if r["revision"] else "no revision number"
    if r["date_raw"]:
        p1.append((f"{src}, and the file is at {rev}, dated {date_text(r)}.",
                   f"{src}; the identification gives {rev} and the date {date_text(r)}.")[(w >> 3) % 2])
    else:
        p1.append(f"{src}; it carries {rev}, and its date field is empty, so the file is not dated.")
    n = len(r["copied"])
    if not n:
        p1.append("It defines all nine categories described here itself, copying none.")
    else:
        items = [f"{c} from {r['copies_from'][c]}" for c in r["copied"]]
        p1.append(f"Of the nine categories described here it copies {n} from other locales ({and_list(items)})" +
                  (" and defines the rest itself." if n < 9 else ": every one of them."))

    def money():
        m = r["money"]
        code = f"the currency code {m['code']}" if m["code"] else "an empty currency code"
        place = f", placed {m['place']}" if m["place"] else ""
        return [(f"Its LC_MONETARY gives {code} and the symbol {symbol_text(m['symbol'])}{place}.",
                 f"Money is written with {code} and the symbol {symbol_text(m['symbol'])}{place}.")[(w >> 4) % 2],
                f"Amounts carry {frac_text(m['frac'])} digits after the monetary decimal point, which is "
                f"{sep_text(m['mdp'])}, with {sep_text(m['mts'])} between thousands."]

    def numeric():
        x = r["numeric"]
        return [f"For ordinary numbers (LC_NUMERIC) the decimal point is {sep_text(x['dp'])} and the thousands "
                f"separator {sep_text(x['ts'])}, with digit grouping {grouping_text(x['grouping'])}."]

    p2 = (_copy_sentences(r, ["LC_MONETARY", "LC_NUMERIC"], w >> 5) + _own(r, "LC_MONETARY", money) +
          _own(r, "LC_NUMERIC", numeric))

    def time_():
        t = r["time"]
        how = (f"first_weekday {t['first_weekday']}" if t["first_weekday"] else
               "the file sets no first_weekday, so glibc takes 1")
        wk = (f"the week line {week_text(t)}" if t["week"] else
              "Sunday, as glibc assumes when there is no week line")
        out = [(f"The week starts on {first_day_text(t)}: {how}, counted along the day list from {wk}.",
                f"Its calendar week begins on {first_day_text(t)}, with {how}; the day list starts from {wk}.")[
                   (w >> 9) % 2],
               f"The day names are {days_text(t)}; abbreviated, {', '.join(t['abdays'])}.",
               f"The months run {months_text(t)}; abbreviated, {', '.join(t['abmons'])}."]
        a = ampm_text(t)
        out.append(f"AM and PM are written {a}." if not a.startswith("none") else "Its am_pm strings are empty.")
        out.append(f"Date format (d_fmt) {dfmt_text(t)}." if t["d_fmt"] else "It sets no d_fmt.")
        if t["t_fmt"]:
            clock = f", a {t['clock']} clock" if t["clock"] else ""
            out.append(f"Time format (t_fmt) {tfmt_text(t)}{clock}.")
        return out

    p3 = _copy_sentences(r, ["LC_TIME"], w >> 10) + _own(r, "LC_TIME", time_)

    def paper():
        return [f"Paper is {paper_text(r['paper'])}."]

    def measure():
        v = r["measurement"]
        return [f"It measures in {MEASURE.get(v, 'unknown')} units (measurement {v})." if v else
                "It sets no measurement value."]

    def phone():
        p = r["phone"]
        out = [f"Calls from abroad reach it with the calling code {p['prefix']} (int_prefix)" if p["prefix"] else
               "It sets no int_prefix"]
        out[0] += (f"; from inside, an international call starts with {p['select']} (int_select)." if p["select"]
                   else "; int_select is not set.")
        if p["intl"]:
            out.append(f"International numbers are laid out as {p['intl']} (tel_int_fmt).")
        return out

    def address():
        a = r["address"]
        codes = [a[x] for x in ("country_ab2", "country_ab3", "country_num") if a[x]]
        lcodes = [a[x] for x in ("lang_ab", "lang_term") if a[x]]
        out = [f"LC_ADDRESS names the country {a['country_name'] or '(name left empty)'}" +
               (f", coded {and_list(codes)}" if codes else "") + "."]
        out.append((f"Its vehicle registration code is {a['country_car']}." if a["country_car"] else
                    "It gives no vehicle registration code."))
        if a["lang_name"] or lcodes:
            out.append(f"The language is {a['lang_name'] or 'unnamed'}" +
                       (f" ({', '.join(lcodes)})" if lcodes else "") + ".")
        return out

    def names():
        x = r["names"]
        return [f"A man is addressed as {opt(x['mr'])} and a married woman as {opt(x['mrs'])} (LC_NAME)."]

    def messages():
        x = r["messages"]
        return [f"Yes and no are {opt(x['yes'])} and {opt(x['no'])} (yesstr, nostr)."]

    rest = ["LC_PAPER", "LC_MEASUREMENT", "LC_TELEPHONE", "LC_ADDRESS", "LC_NAME", "LC_MESSAGES"]
    p4 = (_copy_sentences(r, rest, w >> 13) + _own(r, "LC_PAPER", paper) + _own(r, "LC_MEASUREMENT", measure) +
          _own(r, "LC_TELEPHONE", phone) + _own(r, "LC_ADDRESS", address) + _own(r, "LC_NAME", names) +
          _own(r, "LC_MESSAGES", messages))
    if related_text(r):
        p4.append(f"Related pages: {related_text(r)}.")
    return "\n\n".join(" ".join(p) for p in (p1, p2, p3, p4) if p) + "\n"


def render(r: dict, snap: dict) -> str:
    head = front_matter(r) + f"\n# {title(r)}\n\n"
    body = {"sheet": lambda: _sheet(r), "card": lambda: _card(r), "prose": lambda: _prose(r, snap)}[layout(r)]()
    return head + body + "\n" + source_line(r, snap) + "\n"


def page_path(r: dict) -> str:
    return f"{r['id']}.md"


def render_all(snap: dict) -> dict[str, str]:
    recs = records(snap)
    assign_layouts(recs)
    out = {page_path(r): render(r, snap) for r in recs}
    out["currencies.csv"] = register_csv(register_rows(snap))
    return out


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


CITES = ["It is in /usr/share/i18n/locales.", "See the glibc locale documentation.", "The catalogue page says so.",
         "It is one of glibc's locales.", "Run locale -a to find out."]  # fmt: skip


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
    """Do all other locale names score wrong?"""
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, o) for o in others if _atok(o) not in gt)


def in_question(q: str, g: str) -> bool:
    return _contains(_atok(q), _atok(g))


def other_names(n: str, snap: dict) -> list[str]:
    return [o for o in snap["files"] if o != n]


_IDENT: dict = {}


def ident(n: str, snap: dict) -> list[str] | None:
    """How an answer names a locale: its name, where no other file name of the directory would pass for it
    (`br_FR@euro` holds the tokens of `br_FR`, so br_FR is never a named answer); None where it is not safe."""
    key = (id(snap), n)
    if key not in _IDENT:
        _IDENT[key] = [n] if _atok(n) and names_safe("Which locale is it?", [n], other_names(n, snap)) else None
    return _IDENT[key]


def answer_names(n: str, snap: dict, q: str) -> list[str] | None:
    g = ident(n, snap)
    return g if g and not in_question(q, n) else None


def cap(q: str) -> str:
    """A capital for a question that starts with a lower-case word; a locale name keeps its case."""
    if re.match(r"(?:the|which|how|what|in|on|for|of|from|whom|when)\b", q):
        return q[0].upper() + q[1:]
    return q


_PAIRS: dict = {}


def ident_pairs(snap: dict) -> Counter:
    if _PAIRS.get("key") != id(snap):
        c = Counter()
        for n, f in snap["files"].items():
            i = f["cats"].get("LC_IDENTIFICATION", {})
            c[(first(i, "language") or "", first(i, "territory") or "")] += 1
        _PAIRS.update(key=id(snap), value=c)
    return _PAIRS["value"]


def refs(r: dict, snap: dict) -> dict[str, str]:
    """The ways a question may name a locale: its name, or (where that pair is unique in the directory and the
    locale has no @modifier) its language and territory as its LC_IDENTIFICATION gives them."""
    out = {"name": r["key"]}
    if r["language"] and r["territory"] and not r["modifier"] and \
            ident_pairs(snap)[(r["language"], r["territory"])] == 1:
        out["desc"] = f"the {r['language']} locale for {r['territory']}"
    return out


ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
       "twelfth"]  # fmt: skip


def month_idx(r: dict) -> int:
    return 0 if _h(r["key"], "month") % 3 == 0 else _h(r["key"], "monthidx") % 12


def weekday_idx(r: dict) -> int:
    return _h(r["key"], "weekday") % 7


def day_name(r: dict, wk: int) -> str | None:
    """The name r's own day list gives weekday wk (0 = Sunday)."""
    t = r["time"]
    i = (wk - week_start(t)) % 7
    return t["days"][i] if len(t["days"]) > i else None


def copy_cat(r: dict, snap: dict) -> str | None:
    """The copied category a copy_of question asks about, by hash (one whose source a name can answer)."""
    cs = [c for c in r["copied"] if ident(r["copies_from"][c], snap)]
    return cs[_h(r["key"], "copycat") % len(cs)] if cs else None


def tokened(s: str | None) -> bool:
    return bool(s) and bool(_atok(s))


def sep_golds(s: str | None) -> list[str] | None:
    if s in SEP_GOLDS:
        return list(SEP_GOLDS[s])
    if s == "\u202f":
        return ["narrow no-break space", "U+202F"]
    return None


def first_day_golds(t: dict) -> list[str]:
    g = [t["first_day"]]
    if t["first_day_native"] and tokened(t["first_day_native"]) and _atok(t["first_day_native"]) != _atok(g[0]):
        g.append(t["first_day_native"])
    return g


def _lang3(r: dict) -> bool:
    return len(r["base_name"].split("_")[0]) == 3


COMMON_SOURCES = {"Free Software Foundation, Inc."}
NAME_REF = ("name", "desc")

# kind: (templates, golds(r, snap), condition(r), the ways the question may name the locale, the fact it asks)
SINGLE = {
    "revision": (["Which revision number does the LC_IDENTIFICATION section of {n} give?",
                  "What revision is the locale file of {n} at?"],
                 lambda r, s: [r["revision"]], lambda r: revision_key(r["revision"]) is not None and
                 r["revision"] != "1.0", NAME_REF, "revision"),
    "date": (["What date does the locale file of {n} carry in its LC_IDENTIFICATION section?",
              "When was the locale source of {n} dated?"],
             lambda r, s: [r["date_iso"], date_words(r["date_iso"])], lambda r: bool(r["date_iso"]), NAME_REF, "date"),
    "source": (["Whom does the locale file of {n} name as its source?"], lambda r, s: [r["source"]],
               lambda r: tokened(r["source"]) and r["source"] not in COMMON_SOURCES, NAME_REF, "source"),
    "language": (["Which language does the LC_IDENTIFICATION section of {n} name?"], lambda r, s: [r["language"]],
                 lambda r: _lang3(r) and tokened(r["language"]), ("name",), "language"),
    "currency": (["Which ISO 4217 currency code does {n} give as its int_curr_symbol?",
                  "Which currency code does the LC_MONETARY section of {n} state?"],
                 lambda r, s: [r["money"]["code"]], lambda r: "money" in r and tokened(r["money"]["code"]), NAME_REF,
                 "currency"),
    "symbol": (["What currency symbol does {n} define in its LC_MONETARY section?"],
               lambda r, s: [r["money"]["symbol"]],
               lambda r: "money" in r and tokened(r["money"]["symbol"]) and
               _atok(r["money"]["symbol"]) != _atok(r["money"]["code"]), NAME_REF, "symbol"),
    "frac": (["How many digits after the decimal point (frac_digits) does {n} give amounts of money?"],
             lambda r, s: [r["money"]["frac"]], lambda r: "money" in r and r["money"]["frac"] == "3", NAME_REF,
             "frac"),
    "decimal": (["Which character does {n} use as the decimal point of ordinary numbers (LC_NUMERIC)?"],
                lambda r, s: sep_golds(r["numeric"]["dp"]),
                lambda r: "numeric" in r and sep_golds(r["numeric"]["dp"]) is not None, NAME_REF, "decimal"),
    "thousands": (["What does {n} put between groups of thousands in ordinary numbers (thousands_sep)?"],
                  lambda r, s: sep_golds(r["numeric"]["ts"]),
                  lambda r: "numeric" in r and sep_golds(r["numeric"]["ts"]) is not None, NAME_REF, "thousands"),
    "first_day": (["On which day does the week start in {n}?",
                   "Which weekday does {n} put first in its calendar week (first_weekday)?"],
                  lambda r, s: first_day_golds(r["time"]), lambda r: "time" in r and r["key"] != "i18n", NAME_REF,
                  "first_day"),
    "month": (["What is the {o} month (mon) called in {n}?"], lambda r, s: [r["time"]["mons"][month_idx(r)]],
              lambda r: "time" in r and len(r["time"]["mons"]) == 12 and tokened(r["time"]["mons"][month_idx(r)]) and
              not r["time"]["mons"][month_idx(r)].isdigit(), NAME_REF, "months"),
    "weekday": (["What does {n} call {d} in its list of day names?"], lambda r, s: [day_name(r, weekday_idx(r))],
                lambda r: "time" in r and tokened(day_name(r, weekday_idx(r))) and
                not (day_name(r, weekday_idx(r)) or "1").isdigit() and
                _atok(day_name(r, weekday_idx(r))) != _atok(WEEKDAYS[weekday_idx(r)]), NAME_REF, "days"),
    "date_example": ([f"How does {{n}} write {SAMPLE_DAY_WORDS} with its date format (d_fmt)?"],
                     lambda r, s: [example(r["time"]["date_example"])],
                     lambda r: "time" in r and tokened(r["time"]["date_example"]), NAME_REF, "d_fmt"),
    "time_example": ([f"What does the time format (t_fmt) of {{n}} make of {SAMPLE_TIME_WORDS}?"],
                     lambda r, s: [example(r["time"]["time_example"])],
                     lambda r: "time" in r and tokened(r["time"]["time_example"]), NAME_REF, "t_fmt"),
    "pm": (["Which string does {n} use for PM, the second of its am_pm strings?"],
           lambda r, s: [r["time"]["am_pm"][1]],
           lambda r: "time" in r and len(r["time"]["am_pm"]) == 2 and tokened(r["time"]["am_pm"][1]) and
           _atok(r["time"]["am_pm"][1]) != ["pm"], NAME_REF, "ampm"),
    "prefix": (["What international calling code (int_prefix) does {n} give?",
                "Which country calling code does the LC_TELEPHONE section of {n} state?"],
               lambda r, s: [r["phone"]["prefix"]], lambda r: "phone" in r and (r["phone"]["prefix"] or "").isdigit(),
               NAME_REF, "prefix"),
    "car": (["Which international vehicle registration code (country_car) does {n} give?"],
            lambda r, s: [r["address"]["country_car"]],
            lambda r: "address" in r and len(r["address"]["country_car"] or "") >= 2, NAME_REF, "car"),
    "num": (["What numeric ISO 3166 country code (country_num) does {n} state?"],
            lambda r, s: [r["address"]["country_num"]],
            lambda r: "address" in r and (r["address"]["country_num"] or "").isdigit(), NAME_REF, "num"),
    "ab3": (["Which three-letter country code (country_ab3) does the LC_ADDRESS section of {n} give?"],
            lambda r, s: [r["address"]["country_ab3"]],
            lambda r: "address" in r and tokened(r["address"]["country_ab3"]) and
            r["address"]["country_ab3"] != r["address"]["country_car"], NAME_REF, "ab3"),
    "lang_term": (["Which three-letter language code (lang_term) does {n} give?"],
                  lambda r, s: [r["address"]["lang_term"]],
                  lambda r: "address" in r and tokened(r["address"]["lang_term"]), NAME_REF, "lang_code"),
    "lang_name": (["What is the language's own name for itself (lang_name) in {n}?"],
                  lambda r, s: [r["address"]["lang_name"]],
                  lambda r: "address" in r and tokened(r["address"]["lang_name"]) and
                  _atok(r["address"]["lang_name"]) != _atok(r["language"]), NAME_REF, "lang_name"),
    "country_name": (["What does {n} call its country in LC_ADDRESS (country_name)?"],
                     lambda r, s: [r["address"]["country_name"]],
                     lambda r: "address" in r and tokened(r["address"]["country_name"]) and
                     _atok(r["address"]["country_name"]) != _atok(r["territory"]), NAME_REF, "country_name"),
    "yes": (["What is the word for yes (yesstr) in {n}?"], lambda r, s: [r["messages"]["yes"]],
            lambda r: "messages" in r and tokened(r["messages"]["yes"]) and _atok(r["messages"]["yes"]) != ["yes"],
            NAME_REF, "yesno"),
    "copy_of": (["From which locale does {n} copy its {c}?", "Which locale's {c} does {n} copy?"],
                lambda r, s: ident(r["copies_from"][copy_cat(r, s)], s) if copy_cat(r, s) else None,
                lambda r: bool(r["copied"]), NAME_REF, "copy"),
    "n_copied": (["How many of the nine categories from LC_MONETARY to LC_MESSAGES does {n} copy from other locales?"],
                 lambda r, s: [str(len(r["copied"]))], lambda r: len(r["copied"]) >= 1, NAME_REF, "copies"),
    "paper": (["What paper height, in millimetres, does the LC_PAPER section of {n} give?"],
              lambda r, s: [r["paper"]["height"]], lambda r: "paper" in r, NAME_REF, "paper"),
    "measure": (["Which measurement system does the LC_MEASUREMENT section of {n} select?"],
                lambda r, s: [MEASURE[r["measurement"]]], lambda r: r.get("measurement") in MEASURE, NAME_REF,
                "measure"),
}  # fmt: skip
SINGLE_ORDER = ["paper", "measure", "frac", "time_example", "pm", "copy_of", "source", "symbol", "date_example",
                "lang_name", "month", "weekday", "language", "first_day", "revision", "date", "currency", "prefix",
                "car", "num", "ab3", "lang_term", "country_name", "yes", "decimal", "thousands", "n_copied"]  # fmt: skip


def single_question(r: dict, k: str, form: str, snap: dict) -> str:
    tpls = SINGLE[k][0]
    tpl = tpls[_h(r["key"], k) % len(tpls)]
    extra = {}
    if k == "month":
        extra["o"] = ORD[month_idx(r)]
    if k == "weekday":
        extra["d"] = WEEKDAYS[weekday_idx(r)]
    if k == "copy_of":
        extra["c"] = copy_cat(r, snap)
    return cap(tpl.format(n=refs(r, snap)[form], **extra))


def single_golds(r: dict, k: str, snap: dict) -> list[str] | None:
    return SINGLE[k][1](r, snap)


def ref_forms(r: dict, k: str, snap: dict) -> list[str]:
    """The ways a question of kind k may name the locale, the first chosen by hash (a description one time in four:
    the name is how a reader mostly asks)."""
    forms_ = [f for f in SINGLE[k][3] if f in refs(r, snap)]
    weights = [1 if f != "name" else 3 for f in forms_]
    i = _h(r["key"], "ref" + k) % sum(weights)
    j = 0
    while i >= weights[j]:
        i -= weights[j]
        j += 1
    return forms_[j:] + forms_[:j]


def page_numbers(r: dict) -> set[str]:
    xs = [9, len(r["copied"]), r["lines"], SAMPLE_DAY.day, SAMPLE_DAY.year, *SAMPLE_TIME]
    xs += [r["revision"]] if r["revision"] else []
    if "money" in r:
        xs += [r["money"]["frac"]] if r["money"]["frac"] else []
    if "numeric" in r:
        xs += r["numeric"]["grouping"] or []
    if "time" in r:
        t = r["time"]
        xs += [x for x in (t["week"] or [])] + ([t["first_weekday"]] if t["first_weekday"] else [])
    if "paper" in r:
        xs += [r["paper"]["height"], r["paper"]["width"]]
    if r.get("measurement"):
        xs.append(r["measurement"])
    if "phone" in r:
        xs += [x for x in (r["phone"]["prefix"], r["phone"]["select"]) if x]
    if "address" in r and r["address"]["country_num"]:
        xs.append(r["address"]["country_num"])
    return {str(x) for x in xs}


def page_texts(r: dict) -> set[str]:
    """The values a page states besides its counts: names, words, codes, dates."""
    out = {r["key"], r["language"], r["territory"], r["source"], r["title"], r["folder"]}
    out |= set(r["targets"]) | set(WEEKDAYS) | set(MONTHS) | {"12-hour", "24-hour", "metric", "US customary"}
    out |= {g for v in SEP_GOLDS.values() for g in v}
    if r["date_iso"]:
        out |= {r["date_iso"], r["date_raw"]}
    if r["subregion"]:
        out.add(r["subregion"])
    if "money" in r:
        out |= {x for x in (r["money"]["code"], r["money"]["symbol"]) if x}
    if "time" in r:
        t = r["time"]
        out |= set(t["days"]) | set(t["abdays"]) | set(t["mons"]) | set(t["abmons"]) | set(t["am_pm"])
        out |= {example(x) for x in (t["date_example"], t["time_example"]) if x}
        out |= {x for x in (t["d_fmt"], t["t_fmt"], t["first_day_native"]) if x}
    if "address" in r:
        out |= {v for v in r["address"].values() if v}
    for k in ("names", "messages"):
        if k in r:
            out |= {v for v in r[k].values() if v}
    return {x for x in out if x and _atok(x)}


def catalogue_values(recs: list[dict]) -> set[str]:
    out = set()
    for t in recs:
        out.add(t["key"])
        if "money" in t and t["money"]["code"]:
            out.add(t["money"]["code"])
        if "address" in t and t["address"]["country_car"]:
            out.add(t["address"]["country_car"])
        if "time" in t and t["time"]["mons"]:
            out.add(t["time"]["mons"][0])
    return {x for x in out if _atok(x)}


def others_of(r: dict, recs: list[dict]) -> set[str]:
    """Values a wrong answer could take from the page or from the catalogue."""
    return page_numbers(r) | page_texts(r) | catalogue_values(recs)


def others_safe(question: str, golds: list[str], others: set[str], typ: str = "single_hop") -> bool:
    """Do the page's (and the catalogue's) other values score wrong?"""
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, x) for x in others if _atok(x) not in gt)


def reg_values(row: dict) -> set[str]:
    out = {str(row["stated_count"]), str(row["inherited_count"]), row["code"]}
    out |= set(row["stated_by"].split(", ")) | set(reg_pages(row)) | set(reg_pages_inheriting(row))
    out |= set(re.findall(r"“([^”]+)”", row["symbols"]))
    return {x for x in out if _atok(x)}


# multi hop: a page -> the catalogued locale it copies a category from; a register row -> its one catalogued page
HOP_VIA = {
    "copy": ["{v} copies its {c} from another locale that has a page in this catalogue. {f}",
             "The {c} section of {v} is a copy of another catalogued locale's. {f}"],
    "register": ["Of the locale files that state the currency code {v} in their own LC_MONETARY, exactly one has a "
                 "page in this catalogue. {f}",
                 "Only one catalogued locale states {v} as its own currency code. {f}"],
}  # fmt: skip


def _g(cond, val):
    return lambda t: val(t) if cond(t) else None


HOP_FIELD = {
    "currency": ("Which currency code does that locale state?", _g(lambda t: "money" in t and tokened(t["money"]["code"]),
                                                                   lambda t: [t["money"]["code"]]), "currency"),
    "symbol": ("What currency symbol does that locale define?",
               _g(lambda t: SINGLE["symbol"][2](t), lambda t: [t["money"]["symbol"]]), "symbol"),
    "frac": ("How many digits after the decimal point does that locale give amounts of money?",
             _g(lambda t: SINGLE["frac"][2](t), lambda t: [t["money"]["frac"]]), "frac"),
    "decimal": ("Which character does that locale use as its decimal point?",
                _g(lambda t: SINGLE["decimal"][2](t), lambda t: sep_golds(t["numeric"]["dp"])), "decimal"),
    "thousands": ("What does that locale put between groups of thousands?",
                  _g(lambda t: SINGLE["thousands"][2](t), lambda t: sep_golds(t["numeric"]["ts"])), "thousands"),
    "first_day": ("On which day does the week start there?",
                  _g(lambda t: "time" in t and t["key"] != "i18n", lambda t: first_day_golds(t["time"])), "first_day"),
    "month1": ("What is the first month of the year called there?",
               _g(lambda t: "time" in t and tokened((t["time"]["mons"] or [""])[0]) and
                  not t["time"]["mons"][0].isdigit(), lambda t: [t["time"]["mons"][0]]), "months"),
    "pm": ("Which string does that locale use for PM?",
           _g(lambda t: SINGLE["pm"][2](t), lambda t: [t["time"]["am_pm"][1]]), "ampm"),
    "date_example": (f"How does that locale write {SAMPLE_DAY_WORDS} with its d_fmt?",
                     _g(lambda t: SINGLE["date_example"][2](t), lambda t: [example(t["time"]["date_example"])]),
                     "d_fmt"),
    "prefix": ("Which international calling code does that locale give?",
               _g(lambda t: SINGLE["prefix"][2](t), lambda t: [t["phone"]["prefix"]]), "prefix"),
    "car": ("Which vehicle registration code does that locale give?",
            _g(lambda t: SINGLE["car"][2](t), lambda t: [t["address"]["country_car"]]), "car"),
    "num": ("Which numeric country code does that locale give?",
            _g(lambda t: SINGLE["num"][2](t), lambda t: [t["address"]["country_num"]]), "num"),
    "yes": ("What is the word for yes there?", _g(lambda t: SINGLE["yes"][2](t), lambda t: [t["messages"]["yes"]]),
            "yesno"),
    "paper": ("What paper height, in millimetres, does that locale give?",
              _g(lambda t: "paper" in t, lambda t: [t["paper"]["height"]]), "paper"),
    "measure": ("Which measurement system does that locale select?",
                _g(lambda t: t.get("measurement") in MEASURE, lambda t: [MEASURE[t["measurement"]]]), "measure"),
    "date": ("What date does that locale's file carry?",
             _g(lambda t: bool(t["date_iso"]), lambda t: [t["date_iso"], date_words(t["date_iso"])]), "date"),
    "revision": ("Which revision number does that locale's file carry?",
                 _g(lambda t: SINGLE["revision"][2](t), lambda t: [t["revision"]]), "revision"),
}  # fmt: skip
HOP_CAT_FIELDS = {"LC_MONETARY": ["currency", "symbol", "frac"], "LC_NUMERIC": ["decimal", "thousands"],
                  "LC_TIME": ["first_day", "month1", "pm", "date_example"], "LC_TELEPHONE": ["prefix"],
                  "LC_ADDRESS": ["car", "num"], "LC_MESSAGES": ["yes"], "LC_PAPER": ["paper"],
                  "LC_MEASUREMENT": ["measure"]}  # fmt: skip
HOP_REG_FIELDS = ["date", "revision", "first_day", "month1", "prefix", "car", "num", "date_example"]


def hop_golds(t: dict, f: str) -> list[str] | None:
    return HOP_FIELD[f][1](t)


def hop_cat(r: dict, m: str) -> str | None:
    """The category a chain from r to m goes through: one r copies from m that m defines itself, by hash."""
    cs = [c for c in r["copied"] if r["copies_from"][c] == m and c in HOP_CAT_FIELDS]
    return cs[_h(r["key"] + m, "hopcat") % len(cs)] if cs else None


def hop_own(src, f: str, via: str, m: str) -> list[str]:
    """What the first document of a chain states that a wrong answer could take: a page's name and the name of the
    locale it copies from (a page), or a row's values."""
    if via == "register":
        return sorted(reg_values(src))
    return [src["key"], m]


# comparisons of two locales: (template, the category whose value is compared (resolved through copies) or None for
# the page's own identification, value, pick, condition on the record that states it)
CMP = {
    "earlier-date": ("Which of {a} and {b} has the earlier date in its LC_IDENTIFICATION section?", None,
                     lambda t: t["date_iso"], min, lambda t: bool(t["date_iso"])),
    "higher-revision": ("Which of {a} and {b} carries the higher revision number?", None,
                        lambda t: revision_key(t["revision"]), max, lambda t: revision_key(t["revision"]) is not None),
    "more-copied": ("Which of {a} and {b} copies more of its categories from other locales?", None,
                    lambda t: len(t["copied"]), max, lambda t: True),
    "taller-paper": ("Which of {a} and {b} uses the taller paper size?", "LC_PAPER",
                     lambda t: int(t["paper"]["height"]), max, lambda t: "paper" in t),
    "sunday-one": ("Which of {a} and {b} starts its week on a Sunday?", "LC_TIME",
                   lambda t: int(t["time"]["first_day"] == "Sunday"), max, lambda t: "time" in t),
    "twelve-one": ("Which of {a} and {b} shows the time on a 12-hour clock?", "LC_TIME",
                   lambda t: int(t["time"]["clock"] == "12-hour"), max, lambda t: "time" in t and bool(t["time"]["clock"])),
    "comma-one": ("Which of {a} and {b} writes ordinary numbers with a decimal comma?", "LC_NUMERIC",
                  lambda t: int(t["numeric"]["dp"] == ","), max, lambda t: "numeric" in t and t["numeric"]["dp"] in ",."),
    "before-one": ("Which of {a} and {b} puts the currency symbol before the amount?", "LC_MONETARY",
                   lambda t: int(t["money"]["before"]), max, lambda t: "money" in t and t["money"]["before"] is not None),
    "us-one": ("Which of {a} and {b} measures in US customary units?", "LC_MEASUREMENT",
               lambda t: int(t["measurement"] == "2"), max, lambda t: t.get("measurement") in MEASURE),
    "lower-prefix": ("Which of {a} and {b} has the lower international calling code?", "LC_TELEPHONE",
                     lambda t: int(t["phone"]["prefix"]), min,
                     lambda t: "phone" in t and (t["phone"]["prefix"] or "").isdigit()),
    "higher-num": ("Which of {a} and {b} has the higher numeric country code (country_num)?", "LC_ADDRESS",
                   lambda t: int(t["address"]["country_num"]), max,
                   lambda t: "address" in t and (t["address"]["country_num"] or "").isdigit()),
    "more-frac": ("Which of {a} and {b} gives amounts of money more digits after the decimal point?", "LC_MONETARY",
                  lambda t: int(t["money"]["frac"]), max,
                  lambda t: "money" in t and (t["money"]["frac"] or "").isdigit()),
}  # fmt: skip
CMP_ORDER = ["earlier-date", "sunday-one", "taller-paper", "comma-one", "more-copied", "twelve-one", "higher-revision",
             "before-one", "lower-prefix", "us-one", "more-frac", "higher-num"]  # fmt: skip
FIELD_OF = {"earlier-date": "date", "higher-revision": "revision", "more-copied": "copies", "taller-paper": "paper",
            "sunday-one": "first_day", "twelve-one": "t_fmt", "comma-one": "decimal", "before-one": "placement",
            "us-one": "measure", "lower-prefix": "prefix", "higher-num": "num", "more-frac": "frac"}  # fmt: skip


def cmp_side(k: str, n: str, by: dict, sp: dict, s: str, snap: dict) -> tuple | None:
    """(the record that states the compared value, the pages its chain runs through) for locale n, where every page
    of the chain is catalogued and of split s; None otherwise."""
    cat = CMP[k][1]
    if cat is None:
        return by[n], [n]
    owner, _, path = resolve(snap, n, cat)
    if owner is None or any(p not in by or sp[p] != s for p in path):
        return None
    return by[owner], path


def cmp_eval(k: str, a: str, b: str, by: dict, sp: dict, s: str, snap: dict):
    """(winner, evidence pages) or None where the two are not comparable."""
    _, _, fn, pick, ok = CMP[k]
    sa, sb = cmp_side(k, a, by, sp, s, snap), cmp_side(k, b, by, sp, s, snap)
    if not sa or not sb or not ok(sa[0]) or not ok(sb[0]):
        return None
    fa, fb = fn(sa[0]), fn(sb[0])
    if fa == fb:
        return None
    win = a if pick(fa, fb) == fa else b
    ev = list(dict.fromkeys(sa[1] + sb[1]))
    return win, ev


def d_order(f: str | None) -> str | None:
    """Which part of the date a d_fmt writes first: year, day or month."""
    if not f:
        return None
    m = re.search(r"%[-_0^#]?O?E?([a-zA-Z])", f)
    if not m:
        return None
    return {"Y": "year", "y": "year", "C": "year", "F": "year", "d": "day", "e": "day", "m": "month", "b": "month",
            "B": "month", "D": "month", "a": "weekday", "A": "weekday"}.get(m[1])  # fmt: skip


def conditions(recs: list[dict]) -> dict:
    """Conditions filters combine, each about what the page itself states: (test, how a question says it)."""
    out = {}
    for f in ("africa", "americas", "asia", "europe", "oceania"):
        out[f"region-{f}"] = (lambda r, f=f: r["folder"] == f, f"is filed under {f}/")
    for sub in sorted({r["subregion"] for r in recs if r["subregion"]}):
        out[f"sub-{sub}"] = (lambda r, sub=sub: r["subregion"] == sub, f"is filed under the subregion {sub}")
    out["modifier"] = (lambda r: bool(r["modifier"]), "is an @modifier variant of another locale")
    out["copies-all"] = (lambda r: len(r["copied"]) == 9, "copies all nine categories from other locales")
    out["copies-none"] = (lambda r: not r["copied"], "defines all nine categories itself")
    for c, words in (("LC_TIME", "LC_TIME"), ("LC_MONETARY", "LC_MONETARY"), ("LC_ADDRESS", "LC_ADDRESS")):
        out[f"copies-{c}"] = (lambda r, c=c: c in r["copied"], f"copies its {words} from another locale")
    for d in ("Sunday", "Monday", "Saturday"):
        out[f"starts-{d}"] = (lambda r, d=d: "time" in r and r["time"]["first_day"] == d,
                              f"starts its week on a {d} in its own LC_TIME")
    out["twelve"] = (lambda r: "time" in r and r["time"]["clock"] == "12-hour",
                     "uses a 12-hour clock in its own t_fmt")
    for o in ("year", "day", "month"):
        out[f"dfmt-{o}"] = (lambda r, o=o: "time" in r and d_order(r["time"]["d_fmt"]) == o,
                            f"writes the {o} first in its own d_fmt")
    out["ampm-empty"] = (lambda r: "time" in r and not any(r["time"]["am_pm"]),
                         "leaves the am_pm strings of its own LC_TIME empty")
    out["dec-comma"] = (lambda r: "numeric" in r and r["numeric"]["dp"] == ",",
                        "uses a decimal comma in its own LC_NUMERIC")
    out["ts-nnbsp"] = (lambda r: "numeric" in r and r["numeric"]["ts"] == "\u202f",
                       "separates thousands with a narrow no-break space in its own LC_NUMERIC")
    out["frac-3"] = (lambda r: "money" in r and r["money"]["frac"] == "3",
                     "gives amounts of money three digits after the decimal point in its own LC_MONETARY")
    out["symbol-after"] = (lambda r: "money" in r and r["money"]["before"] is False,
                           "writes the currency symbol after the amount in its own LC_MONETARY")
    for code in ("EUR", "USD", "XOF"):
        out[f"code-{code}"] = (lambda r, code=code: "money" in r and r["money"]["code"] == code,
                               f"states the currency code {code} in its own LC_MONETARY")
    out["select-00"] = (lambda r: "phone" in r and r["phone"]["select"] == "00",
                        "states 00 as the international access prefix (int_select) of its own LC_TELEPHONE")
    out["rev-below-1"] = (lambda r: revision_key(r["revision"]) is not None and revision_key(r["revision"]) < (1,),
                          "carries a revision number below 1.0")
    out["date-before-2001"] = (lambda r: bool(r["date_iso"]) and r["date_iso"] < "2001-01-01", "is dated before 2001")
    out["date-2010-on"] = (lambda r: bool(r["date_iso"]) and r["date_iso"] >= "2010-01-01", "is dated 2010 or later")
    out["source-fsf"] = (lambda r: r["source"] == "Free Software Foundation, Inc.",
                         "names the Free Software Foundation as its source")
    out["source-none"] = (lambda r: not r["source"], "names no source")
    return out


REV_Q = {
    "rev-symbol": ["Which locale writes its currency symbol as “{v}”?",
                   "Which glibc locale has “{v}” as its currency_symbol?"],
    "rev-car": ["Which locale gives {v} as its international vehicle registration code (country_car)?"],
    "rev-month": ["In which locale is the first month of the year (mon) called “{v}”?"],
    "rev-prefix": ["Which locale states the international calling code {v} (int_prefix)?"],
    "rev-langname": ["Which locale calls its language “{v}” in LC_ADDRESS (lang_name)?"],
    "rev-country": ["Which locale calls its country “{v}” (country_name)?"],
    "rev-pm": ["Which locale writes PM as “{v}”?"],
}  # fmt: skip
REV_FIELD = {"rev-symbol": ("LC_MONETARY", lambda d: first(d, "currency_symbol")),
             "rev-car": ("LC_ADDRESS", lambda d: first(d, "country_car")),
             "rev-month": ("LC_TIME", lambda d: first(d, "mon")),
             "rev-prefix": ("LC_TELEPHONE", lambda d: first(d, "int_prefix")),
             "rev-langname": ("LC_ADDRESS", lambda d: first(d, "lang_name")),
             "rev-country": ("LC_ADDRESS", lambda d: first(d, "country_name")),
             "rev-pm": ("LC_TIME", lambda d: (d.get("am_pm") or ["", ""])[1] if len(d.get("am_pm") or []) == 2
                        else None)}  # fmt: skip
REV_FACT = {"rev-symbol": "symbol", "rev-car": "car", "rev-month": "months", "rev-prefix": "prefix",
            "rev-langname": "lang_name", "rev-country": "country_name", "rev-pm": "ampm"}  # fmt: skip


_RV: dict = {}


def resolved_values(snap: dict, k: str) -> dict[str, str | None]:
    """Every file of the directory -> its value for a reverse cue, through its copy chain."""
    key = (id(snap), k)
    if key not in _RV:
        cat, fn = REV_FIELD[k]
        out = {}
        for n in snap["files"]:
            owner, d, _ = resolve(snap, n, cat)
            out[n] = fn(d) if d is not None else None
        _RV[key] = out
    return _RV[key]


def rev_cue(r: dict, k: str, snap: dict) -> str | None:
    cat, fn = REV_FIELD[k]
    if cat in r["copied"] or cat in r["missing"]:
        return None
    v = fn(snap["files"][r["key"]]["cats"][cat])
    if not v or not _atok(v):
        return None
    return v if v.isdigit() == (k == "rev-prefix") else None


def rev_unique(r: dict, k: str, snap: dict) -> bool:
    v = rev_cue(r, k, snap)
    if v is None:
        return False
    same = [n for n, x in resolved_values(snap, k).items() if x is not None and _atok(x) == _atok(v)]
    return same == [r["key"]]


def rev_question(r: dict, k: str, snap: dict) -> str:
    tpls = REV_Q[k]
    tpl = tpls[_h(r["key"], "revq" + k) % len(tpls)]
    return cap(tpl.format(v=rev_cue(r, k, snap)))


# rows of the currency register: a fact of one currency code
def _row(snap: dict, x: str) -> dict:
    return reg_by(snap)[x]


def _only_stater(snap: dict, x: str) -> str | None:
    row = _row(snap, x)
    return row["stated_by"] if row["stated_count"] == 1 else None


REG = {
    "reg_count": ("How many locale files state the currency code {a} in their own LC_MONETARY section?",
                  lambda s, x: [str(_row(s, x)["stated_count"])], lambda s, x: _row(s, x)["stated_count"] >= 2),
    "reg_inherit": ("How many locale files get the currency code {a} only by copying another file's LC_MONETARY?",
                    lambda s, x: [str(_row(s, x)["inherited_count"])],
                    lambda s, x: _row(s, x)["inherited_count"] >= 2),
    "reg_target": ("Which locale file is the only one to state the currency code {a} in its own LC_MONETARY?",
                   lambda s, x: ident(_only_stater(s, x), s) if _only_stater(s, x) else None,
                   lambda s, x: _only_stater(s, x) is not None and _only_stater(s, x) not in cat_set()),
}  # fmt: skip
REG_ORDER = ["reg_target", "reg_inherit", "reg_count"]


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

        # multi hop: through a copy to the catalogued locale copied from, or from a register row to its one page
        starts = []
        for n in cols:
            for m in by[n]["targets"]:
                if m in by and sp[m] == s and hop_cat(by[n], m):
                    starts.append(("copy", n, m))
        for x, row in reg.items():
            ps = reg_pages(row)
            if sr[x] == s and len(ps) == 1 and sp[ps[0]] == s:
                starts.append(("register", x, ps[0]))
        starts.sort(key=lambda x: _h(f"{x[0]}{x[1]}{x[2]}", "hopstart"))
        rank = Counter()
        order = []
        for x in starts:  # kinds in turn
            order.append((rank[x[0]], list(HOP_VIA).index(x[0]), len(order), x))
            rank[x[0]] += 1
        starts = [x[-1] for x in sorted(order)]
        for via, first_, m in starts:
            if count("multi_hop") >= want["multi_hop"]:
                break
            if kinds("hop-" + via) >= CAP_HOP[s] or any((x, y) in used for x in (first_, m)
                                                        for y in ("hopstart", "hopend")):
                continue
            t = by[m]
            tpls = HOP_VIA[via]
            tpl = tpls[_h(f"{first_}{via}{m}", "hopq") % len(tpls)]
            if via == "register":
                src, ev0, cue, c = reg[first_], f"currencies#{first_}", first_, None
                fields = list(HOP_REG_FIELDS)
            else:
                src, ev0 = by[first_], by[first_]["id"]
                fr = list(refs(src, snap))
                cue = refs(src, snap)[fr[_h(first_, "hopref") % len(fr)]]
                c = hop_cat(src, m)
                fields = list(HOP_CAT_FIELDS[c])
            fields.sort(key=lambda f: _h(f + first_, "hopfield"))
            for f in fields:
                g_m = hop_golds(t, f)
                if not g_m or (m, HOP_FIELD[f][2]) in used:
                    continue
                own_ = hop_own(src, f, via, m)
                if {tuple(_atok(x)) for x in g_m} & {tuple(_atok(x)) for x in own_}:
                    continue
                q = cap(tpl.format(v=cue, c=c, f=HOP_FIELD[f][0]))
                if not gold_safe(q, g_m, "multi_hop") or any(in_question(q, x) for x in g_m) or \
                        not others_safe(q, g_m, others_of(t, recs), "multi_hop"):
                    continue
                if any(_ok(q, g_m, "multi_hop", x) for x in own_ if _atok(x) not in [_atok(y) for y in g_m]):
                    continue
                kw = {"field": f, "via": first_, "target": m, "ref": cue}
                if c:
                    kw["cat"] = c
                add(q, g_m, "multi_hop", [ev0, t["id"]], "hop-" + via, **kw)
                used.update({(m, HOP_FIELD[f][2]), (first_, "hopstart"), (m, "hopend")})
                subj.update({m} | ({first_} if via == "copy" else set()))
                break

        def try_single(n: str, k: str) -> bool:
            r = by[n]
            fact = SINGLE[k][4]
            if not SINGLE[k][2](r) or (n, fact) in used or kinds(k) >= CAP[s]:
                return False
            if k == "copy_of":
                cc = copy_cat(r, snap)
                if not cc or (r["copies_from"][cc] in by and sp[r["copies_from"][cc]] != s):
                    return False
            g = single_golds(r, k, snap)
            if not g:
                return False
            for form in ref_forms(r, k, snap):
                q = single_question(r, k, form, snap)
                if any(in_question(q, x) for x in g) or not gold_safe(q, g) or not others_safe(q, g, others_of(r, recs)):
                    continue
                if k == "copy_of" and not names_safe(q, g, other_names(g[0], snap), "single_hop"):
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
                if n in subj and (rnd_pass == 0 or (rnd_pass == 1 and any(i["evidence"] == [by[n]["id"]]
                                                                          for i in items))):
                    continue
                for _ in range(len(SINGLE_ORDER)):
                    k = SINGLE_ORDER[ki % len(SINGLE_ORDER)]
                    ki += 1
                    if try_single(n, k):
                        break
        # register rows: one fact of one currency code of the split
        rows_s = sorted((x for x in reg if sr[x] == s), key=lambda x: _h(x, "reg" + s))
        for rkind in REG_ORDER:
            for x in rows_s:
                if count("single_hop") >= want["single_hop"] or kinds(rkind) >= 1:
                    break
                row = reg[x]
                if (x, "row") in used or not REG[rkind][2](snap, x):
                    continue
                q = REG[rkind][0].format(a=x)
                g = REG[rkind][1](snap, x)
                if not g or any(in_question(q, y) for y in g) or not gold_safe(q, g) or \
                        not others_safe(q, g, reg_values(row) - set(g)):
                    continue
                if rkind == "reg_target" and not names_safe(q, g, other_names(g[0], snap), "single_hop"):
                    continue
                add(q, g, "single_hop", [f"currencies#{x}"], rkind, row=x)
                used.add((x, "row"))
        # reverse: a symbol, a vehicle code, a month name, a calling code, ... -> the locale
        rvk = list(REV_Q)
        for n in [x for x in cols if x not in subj] + [x for x in cols if x in subj]:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            for k in list(rvk):
                if kinds(k) >= CAP_REVERSE[s] or (n, "reverse") in used or (n, REV_FACT[k]) in used:
                    continue
                if not rev_unique(r, k, snap):
                    continue
                q = rev_question(r, k, snap)
                g = answer_names(n, snap, q)
                if not g or any(in_question(q, x) for x in g) or not gold_safe(q, g, "reverse") or \
                        not names_safe(q, g, other_names(n, snap)):
                    continue
                add(q, g, "reverse", [r["id"]], k, value=rev_cue(r, k, snap))
                used.update({(n, "reverse"), (n, REV_FACT[k])})
                subj.add(n)
                rvk.append(rvk.pop(rvk.index(k)))
                break
        # comparisons of two locales of the split (values followed through copies between pages of the split)
        turn = CMP_ORDER[6:] + CMP_ORDER[:6] if s == "test" else CMP_ORDER
        for k in turn * 4:  # kinds in turn (test starts where dev stops), a few tries each
            if count("comparison") >= want["comparison"]:
                break
            tpl = CMP[k][0]
            for _ in range(150):
                a, b = rnd.sample(cols, 2)
                if (a, FIELD_OF[k]) in used or (b, FIELD_OF[k]) in used or kinds(k) >= CAP_CMP[s]:
                    continue
                res = cmp_eval(k, a, b, by, sp, s, snap)
                if not res or not ident(a, snap) or not ident(b, snap):
                    continue
                win, ev = res
                q = tpl.format(a=a, b=b)
                if not hedge_safe(q, [a, b], win):
                    continue
                add(q, [win], "comparison", [by[x]["id"] for x in ev], k, options=[a, b], target=win,
                    candidates=[a, b])
                used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
                break
        # filters: among all catalogued locales (two conditions), and among four listed ones
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
            q = rnd.choice(["Which locale in this catalogue {a} and {b}?",
                            "Name the one catalogued locale that {a} and {b}.",
                            "I am looking for the glibc locale in this catalogue that {a} and {b}. Which is it?"])
            q = q.format(a=cond[c1][1], b=cond[c2][1])
            g = answer_names(w, snap, q)
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
            if not all(ident(x, snap) for x in cands):
                continue
            if cands[-1] == hits[0]:
                cands[0], cands[-1] = cands[-1], cands[0]
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these locales {c}: {l}?", "Among {l}, which {c}?"])
            q = q.format(l=", ".join(cands), c=cond[c][1])
            gold = hits[0]
            if not hedge_safe(q, cands, gold, "filter") or not names_safe(q, [gold], other_names(gold, snap),
                                                                          "filter"):
                continue
            add(q, [gold], "filter", [by[gold]["id"]], "filter-among", options=list(cands), where={c: True},
                candidates=list(cands))
            used.update((x, "filter-" + c) for x in cands)
            used.add((gold, "filter"))
        # unanswerables: left-out locales, then fields no page states
        for m in ABSENT[s]:
            for q in ABSENT_QUESTIONS[m]:
                if kinds("absent-locale") < ABSENT_MIX[s]:
                    add(q, [], "unanswerable", [], "absent-locale", locale=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(cols)
        rnd.shuffle(pages)
        i = j = 0
        while count("unanswerable") < want["unanswerable"]:
            f = fields[i % len(fields)]
            while not absent_field_ok(f, by[pages[j % len(pages)]]):
                j += 1
            n = pages[j % len(pages)]
            q = cap(ABSENT_FIELDS[f][0].format(n=n))
            add(q, [], "unanswerable", [], "absent-field", field=f, locale=n)
            i += 1
            j += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c32-{s}-{j:03d}", **it}
    return out


def absent_field_ok(f: str, r: dict) -> bool:
    if f in ("speakers",):
        return bool(r["language"]) and r["key"] != "i18n"
    if f in ("timezone", "postal", "isbn"):
        return bool(r["territory"])
    if f == "email":
        return "@" not in r["source"]
    if f == "collation":
        return "collation" not in r["title"].lower()
    return r["key"] != "i18n" or f in ("collation", "ctype", "charmap")


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


def _name_pat(name: str) -> str:
    """A locale name with its parts joined by an optional separator, not inside a longer name ("dv_MV", "dv-MV",
    "dv MV")."""
    parts = [p for p in re.split(r"[_\-. @]+", name) if p]
    return r"(?<![A-Za-z0-9])" + r"[_\-. ]?".join(re.escape(p) for p in parts) + r"(?![A-Za-z0-9])"


def _word_pat(w: str) -> str:
    return r"(?<!\w)" + re.escape(w) + r"(?!\w)"


def absent_patterns(m: str, snap: dict) -> list[str]:
    """A left-out locale as its name, its currency code, the language and territory its LC_IDENTIFICATION names, and
    the native country and language names and the first month name that it alone of the directory gives."""
    f = snap["files"][m]["cats"]
    ident_ = f.get("LC_IDENTIFICATION", {})
    pats = [_name_pat(m)]
    code = own_code(snap, m)
    if code:
        pats.append(_word_pat(code))
    pats += [_word_pat(x) for x in (first(ident_, "language"), first(ident_, "territory")) if x]
    for k in ("rev-country", "rev-langname", "rev-month"):
        vals = resolved_values(snap, k)
        v = vals.get(m)
        if v and len(v) >= 3 and sum(x == v for x in vals.values()) == 1:
            pats.append(_word_pat(v))
    return list(dict.fromkeys(pats))


def unanswerable_pattern(q: dict, snap: dict) -> tuple[str, str]:
    if q["kind"] == "absent-locale":
        m = q["locale"]
        return "|".join(f"(?:{p})" for p in absent_patterns(m, snap)), f"It is the {m} locale."
    _, pat, made_up = ABSENT_FIELDS[q["field"]]
    return pat, made_up


def page_values(r: dict, snap: dict) -> list[str]:
    """What a page must state (as text, case-insensitive): every value of its record in the words every layout uses,
    and in the sheet and card layouts also each labelled cell."""
    vals = [r["key"], filed_text(r), source_line(r, snap)]
    vals += [x for x in (r["title"], r["language"], r["territory"], r["source"], r["revision"]) if x]
    vals.append(date_text(r) if r["date_raw"] else "date field is empty")
    if r["modifier"]:
        vals += [f"@{r['modifier']}", MODIFIER_WORDS[r["modifier"]], r["base_name"]]
    for c in r["copied"]:
        t = r["copies_from"][c]
        vals += [f"{c} from {t}", f'copy "{t}"', where_text(t)]
    vals.append(str(len(r["copied"])) if r["copied"] else "copying none" if layout(r) == "prose" else
                "defines all nine categories itself")
    if "money" in r:
        m = r["money"]
        vals += [x for x in (m["code"], m["place"]) if x]
        vals += [symbol_text(m["symbol"]), sep_text(m["mdp"]), sep_text(m["mts"]), frac_text(m["frac"])]
    if "numeric" in r:
        x = r["numeric"]
        vals += [sep_text(x["dp"]), sep_text(x["ts"]), grouping_text(x["grouping"])]
    if "time" in r:
        t = r["time"]
        vals += [first_day_text(t), days_text(t), ", ".join(t["abdays"]), months_text(t), ", ".join(t["abmons"])]
        vals.append(ampm_text(t) if any(t["am_pm"]) else "am_pm strings are empty")
        vals += [dfmt_text(t)] if t["d_fmt"] else []
        vals += [tfmt_text(t)] if t["t_fmt"] else []
        vals += [t["clock"]] if t["clock"] else []
        vals.append(week_text(t) if t["week"] else "no week line")
        vals.append(f"first_weekday {t['first_weekday']}" if t["first_weekday"] and layout(r) == "prose" else
                    str(t["first_weekday"]) if t["first_weekday"] else "first_weekday")
    if "paper" in r:
        vals.append(paper_text(r["paper"]))
    if r.get("measurement"):
        vals += [r["measurement"], MEASURE[r["measurement"]]]
    if "phone" in r:
        vals += [x for x in r["phone"].values() if x]
    if "address" in r:
        vals += [x for x in r["address"].values() if x]
    for k in ("names", "messages"):
        if k in r:
            vals += [x for x in r[k].values() if x]
    for c in EMPTY_OWN:
        if bare(r, c):
            vals.append(f"without {EMPTY_OWN[c][1]}")
    if related_text(r):
        vals.append(related_text(r))
    if layout(r) != "prose":
        vals += [cell(b) if layout(r) == "sheet" else b for _, a, b in rows(r)]
    fm = front(r)
    vals += [str(v) for v in fm.values() if not isinstance(v, (bool, list))]
    vals += [str(x) for v in fm.values() if isinstance(v, list) for x in v]
    return vals


def check_snapshot(snap: dict) -> list[str]:
    """The snapshot is whole and agrees with itself (no locale file of this machine is read)."""
    bad = []
    fs = snap["files"]
    names = read_names()
    bad += [f"{x}: read twice" for x, c in Counter(names).items() if c > 1]
    bad += [f"{n}: chosen or left out but not in the snapshot" for n in names if n not in fs]
    bad += [f"{b}: a base but not catalogued" for b in BASES if b not in cat_set()]
    for n in catalogued():
        tc = territory_code(n)
        if folder_of(n) not in ("no-territory", "generic") and (not tc or tc not in REGION or
                                                                 REGION[tc][0] != folder_of(n)):
            bad.append(f"{n}: no region for its territory, or filed under another folder")
    for n, f in fs.items():
        for c, d in f["cats"].items():
            if c not in CATS:
                bad.append(f"{n}: unknown category {c}")
            elif "copy" in d and len(d) != 1:
                bad.append(f"{n}: {c} copies and defines keywords")
            elif any(k not in KEEP[c] and k != "copy" for k in d):
                bad.append(f"{n}: {c} holds a keyword not kept")
            elif "copy" in d and d["copy"] not in fs:
                bad.append(f"{n}: {c} copies {d['copy']}, not a file of the snapshot")
        t = f["cats"].get("LC_TIME", {})
        for k, size in (("day", 7), ("abday", 7), ("mon", 12), ("abmon", 12), ("am_pm", 2)):
            if k in t and len(t[k]) != size:
                bad.append(f"{n}: {k} has {len(t[k])} entries")
        if "week" in t and (len(t["week"]) < 2 or not re.fullmatch(r"\d{8}", t["week"][1])):
            bad.append(f"{n}: week line unreadable")
    for n in catalogued():
        for c in NINE:
            if "copy" in (fs[n]["cats"].get(c) or {}) and resolve(snap, n, c)[0] is None:
                bad.append(f"{n}: the copy chain of {c} does not end in a file that defines it")
        d = fs[n]["cats"].get("LC_IDENTIFICATION", {})
        if first(d, "date") and not parse_date(first(d, "date")):
            bad.append(f"{n}: date {first(d, 'date')!r} unreadable")
    codes = Counter(resolved_code(snap, n) for n in fs)
    for m in absent_locales():
        if m in cat_set():
            bad.append(f"{m}: left out and catalogued")
        if any((f["cats"].get(c) or {}).get("copy") == m for f in fs.values() for c in NINE):
            bad.append(f"{m}: left out but another file copies from it")
        if not own_code(snap, m) or codes[own_code(snap, m)] != 1:
            bad.append(f"{m}: its currency code is not its own alone")
    return bad


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.frontmatter import normalize_metadata
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
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
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages) - 1} pages and currencies.csv)", bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    # 2. the snapshot itself
    bad = check_snapshot(snap)
    bad += [] if [r["key"] for r in recs] == catalogued() else ["records are not CHOSEN"]
    bad += [f"{r['key']}: record differs when computed again" for r in recs if make_record(r["key"], snap) != r]
    results.append((f"the snapshot is whole and agrees with itself ({len(snap['files'])} locale files: known "
                    f"categories, a copy or kept keywords, copies to files of the snapshot, 7 day and 12 month names, "
                    f"readable week lines; every copy chain of a catalogued locale ends in a file that defines the "
                    f"category; dates readable); the {len(read_names())} read among them, each catalogued territory "
                    f"in REGION; left-out locales copied by no file and alone with their currency; records are CHOSEN "
                    f"(no locale file of this machine read)", bad))
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
    want_ids = set(pid) | {f"currencies#{k}" for k in reg}
    bad += [] if set(docs) == want_ids else [f"document ids {sorted(set(docs) ^ want_ids)[:5]} are not the pages and rows"]
    bad += [i for i, r in pid.items() if i in docs and (docs[i].title != title(r)
                                                         or docs[i].metadata != normalize_metadata(front(r)))]
    bad += [k for k, x in reg.items() if f"currencies#{k}" in docs and docs[f"currencies#{k}"].title != x["title"]]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents ({len(pid)} pages titled "
                    f"\"<locale> (<language>, <territory>)\" with their front matter, {len(reg)} register rows)", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: x.lower() for i, x in full.items()}
    ftoks = {i: answer_tokens(x) for i, x in full.items()}
    assign_layouts(recs)
    bad = []
    for i, r in pid.items():
        bad += [f"{i}: {v!r} not in the body" for v in page_values(r, snap) if v.lower() not in low[i]]
        golds = [g for k in SINGLE if SINGLE[k][2](r) for g in (single_golds(r, k, snap) or [])]
        golds += [g for k in HOP_FIELD for g in (hop_golds(r, k) or [])] + (ident(r["key"], snap) or [])
        bad += [f"{i}: gold form {g!r} not in the page tokens" for g in golds
                if not contains_tokens(ftoks[i], answer_tokens(g))]
    for k, x in reg.items():
        bad += [f"currencies#{k}: {c} {x[c]!r} not in the row" for c in REG_COLUMNS[1:]
                if str(x[c]).lower() not in low[f"currencies#{k}"]]
    results.append(("every field of a record (and of its front matter) is stated in its page body, every gold form "
                    "as tokens; every register column in its row", bad))
    lay = Counter(layout(r) for r in recs)
    results.append((f"three layouts {dict(lay)}",
                    [] if len(lay) == 3 and min(lay.values()) >= len(recs) // 3 - 1 else ["uneven"]))
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
            if not re.fullmatch(rf"c32-{s}-\d\d\d", it.id) or not k:
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
                for made_up in ("2", "EUR", "Monday", unanswerable_pattern(q, snap)[1]):
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
                if g.strip().lower() in ("none", "yes", "no", "true", "false", "nothing", "n/a", "0") or \
                        answer_tokens(g) == ["0"]:
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
                if last.startswith("currencies#"):
                    oth = reg_values(reg[last.split("#", 1)[1]])
                else:
                    oth = others_of(pid[last], recs) | cat_vals
                gold_ok += [f"{it.id}: the other value {x!r} scores correct" for x in sorted(oth)
                            if answer_tokens(x) not in golds_tok and is_correct(it, x, False)]
            if k.startswith("hop-"):
                src = reg[q["via"]] if k == "hop-register" else by[q["via"]]
                own_ = hop_own(src, q["field"], k[4:], q["target"]) + [q["ref"]]
                gold_ok += [f"{it.id}: the first document's {g!r} scores correct" for g in own_
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
            answer_loc = None
            if it.type in ("reverse", "filter", "comparison"):
                answer_loc = q.get("target") or pid[it.evidence[0]]["key"]
            elif k == "copy_of":
                r = pid[it.evidence[0]]
                answer_loc = r["copies_from"][copy_cat(r, snap)]
            elif k == "reg_target":
                answer_loc = _only_stater(snap, q["row"])
            if answer_loc:
                cmpw += [f"{it.id}: {o} scores correct" for o in other_names(answer_loc, snap)
                         if answer_tokens(o) not in golds_tok and is_correct(it, o, False)]
    results += [("ids c32-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables, two on chains), "
                 "options where due", idb),
                ("every gold occurs in its (last, for chains) evidence document as accuracy tokens, the first also "
                 "as text", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question; no bare yes/no/none/0 "
                 "gold; a sentence citing the source, number + 1, the page's (row's) other values (names, dates, "
                 "codes, counts, day and month names), the catalogue's locale names, currency and vehicle codes and "
                 "first months, and (chains) the first document's names and values score wrong", gold_ok),
                (f"wrong options, hedges and every other locale name score wrong (where a locale is the answer: all "
                 f"{len(snap['files']) - 1} other file names of the directory); filter-among gold never last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 5. facts against the snapshot
    fct = []
    for s in rows_:
        for q in rows_[s]:
            k = q["kind"]
            if k in SINGLE:
                r = pid[q["evidence"][0]]
                ok = SINGLE[k][2](r) and q["answers"] == single_golds(r, k, snap) and \
                    q["question"] == single_question(r, k, q["ref"], snap)
                if not ok:
                    fct.append(f"{q['id']}: gold differs from the snapshot")
            elif k in REG:
                x = q["row"]
                if q["evidence"] != [f"currencies#{x}"] or REG[k][1](snap, x) != q["answers"] or \
                        not REG[k][2](snap, x) or q["question"] != REG[k][0].format(a=x):
                    fct.append(f"{q['id']}: register gold differs from the snapshot")
            elif k.startswith("hop-"):
                tg = by[q["target"]]
                if k == "hop-copy":
                    src = by[q["via"]]
                    ok = q["evidence"] == [src["id"], tg["id"]] and hop_cat(src, tg["key"]) == q["cat"] and \
                        src["copies_from"].get(q["cat"]) == tg["key"] and q["cat"] not in tg["copied"] and \
                        q["field"] in HOP_CAT_FIELDS[q["cat"]] and q["ref"] in q["question"]
                else:
                    row = reg[q["via"]]
                    ok = q["evidence"] == [f"currencies#{q['via']}", tg["id"]] and reg_pages(row) == [tg["key"]] and \
                        own_code(snap, tg["key"]) == q["via"] and q["field"] in HOP_REG_FIELDS
                if not ok or hop_golds(tg, q["field"]) != q["answers"]:
                    fct.append(f"{q['id']}: the chain does not reach its target")
            elif q["type"] == "reverse":
                r = pid[q["evidence"][0]]
                if rev_cue(r, k, snap) != q["value"] or not rev_unique(r, k, snap) or \
                        q["answers"] != answer_names(r["key"], snap, q["question"]) or \
                        q["question"] != rev_question(r, k, snap):
                    fct.append(f"{q['id']}: the cue does not single out its answer")
            elif q["type"] == "comparison":
                a, b = q["candidates"]
                res = cmp_eval(k, a, b, by, sp, s, snap)
                if not res or q["target"] != res[0] or q["options"] != [a, b] or q["answers"] != [res[0]] or \
                        q["evidence"] != [by[x]["id"] for x in res[1]]:
                    fct.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                hit = [x["key"] for x in recs if all(cond[c][0](x) == v for c, v in q["where"].items())]
                each = [sum(cond[c][0](x) == v for x in recs) for c, v in q["where"].items()]
                if hit != q["candidates"] or q["answers"] != answer_names(hit[0], snap, q["question"]) or min(each) < 2:
                    fct.append(f"{q['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = q["where"].items()
                if [x for x in q["candidates"] if cond[c][0](by[x]) == v] != q["answers"] or \
                        q["options"] != q["candidates"]:
                    fct.append(f"{q['id']}: filter-among")
    results.append(("facts agree with snapshot.json (values, copies followed, chains, unique cues, winners, filters)",
                    fct))
    # 6. split separation, unanswerables

    def pages_of(s):
        out, rws = set(), set()
        for q in rows_[s]:
            for e in q["evidence"]:
                if e in pid:
                    out.add(pid[e]["key"])
                else:
                    rws.add(e.split("#", 1)[1])
            out |= {x for x in q.get("candidates", []) if x in by}
            out |= {q[k] for k in ("target", "via", "locale") if q.get(k) in by}
            if q["kind"] == "copy_of":
                r = pid[q["evidence"][0]]
                if r["copies_from"][copy_cat(r, snap)] in by:
                    out.add(r["copies_from"][copy_cat(r, snap)])
            if q["kind"] == "hop-register":
                rws.add(q["via"])
        return out, rws

    sep = []
    (pd, rd), (pt, rt) = pages_of("dev"), pages_of("test")
    sep += [f"{p} asked in both splits" for p in (pd & pt) | (rd & rt)]
    for s, (ps, rs) in (("dev", (pd, rd)), ("test", (pt, rt))):
        sep += [f"{s}: {p} is a page of the other split" for p in ps if sp[p] != s]
        sep += [f"{s}: register row {k} is of the other split" for k in rs if sr[k] != s]
    sep += [f"{r['key']} ({sp[r['key']]}) is tied to {x} ({sp[x]})" for r in recs for x in links(r)
            if sp[x] != sp[r["key"]]]
    sep += [f"{b}: a base outside {BASE_SPLIT}" for b in BASES if sp[b] != BASE_SPLIT]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    for s in rows_:
        qn = Counter(" ".join(answer_tokens(it.question)) for it in items[s])
        sep += [f"{s}: {x!r} twice" for x, c in qn.items() if c > 1]
    ab = {s: {q.get("locale") for q in rows_[s] if q["kind"] == "absent-locale"} for s in rows_}
    sep += sorted(ab["dev"] & ab["test"])
    sep += [f"{s}: absent locale {m} not of this split" for s in rows_ for m in ab[s] if m not in ABSENT[s]]
    for s in rows_:
        asked = Counter()
        for q in rows_[s]:
            k = q["kind"]
            if k in SINGLE:
                asked[(pid[q["evidence"][0]]["key"], SINGLE[k][4])] += 1
            if k in REG:
                asked[(q["row"], "row")] += 1
            if k.startswith("hop-"):
                asked[(q["target"], HOP_FIELD[q["field"]][2])] += 1
                asked[("start", q["via"])] += 1
                asked[("end", q["target"])] += 1
            if q["type"] == "reverse":
                asked[(pid[q["evidence"][0]]["key"], "reverse")] += 1
                asked[(pid[q["evidence"][0]]["key"], REV_FACT[k])] += 1
        sep += [f"{s}: {k} asked {c} times" for k, c in asked.items() if c > 1]
    n_dev = sum(v == "dev" for v in sp.values())
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by link group (a locale and the catalogued locales it "
                    f"copies from, the bases {' and '.join(BASES)} apart, in {BASE_SPLIT}), register rows with their "
                    "pages: no link crosses the splits, no question uses a page or row of the other split, no page "
                    "asked about in both splits, a fact asked once per split, no absent locale in both, no question "
                    "repeated", sep))
    un = []
    texts = dict(on_disk)
    for m in absent_locales():
        for pat in absent_patterns(m, snap):
            hits = [p for p, x in texts.items() if re.search(pat, x, re.I)]
            if hits:
                un.append(f"ABSENT {m} {pat!r}: on {hits[:3]}")
    for s in rows_:
        for q in rows_[s]:
            if q["type"] != "unanswerable":
                continue
            m = q.get("locale")
            if q["kind"] == "absent-locale" and (m not in ABSENT[s] or not any(
                    re.search(p, q["question"], re.I) for p in absent_patterns(m, snap))):
                un.append(f"{q['id']}: absent locale")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or m not in by or m not in q["question"]
                                                or not absent_field_ok(q["field"], by[m])):
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
    results.append(("unanswerables: each pattern matches its made-up answer and no corpus file (left-out locales: "
                    "name with any separator, currency code, language and territory names, their own native country, "
                    "language and first-month names, on no page or row)", un))
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
