"""Build the catalog8 evaluation corpus: glibc locale definitions installed on this machine.

    PYTHONPATH=src python scripts/build_catalog8.py snapshot [--force]  # locale sources -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog8.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog8.py check               # loader + scorer + fact checks, no model

`snapshot` reads the CHOSEN locale source files in /usr/share/i18n/locales (glibc's locale
definitions, as `localedef` reads them: `comment_char` / `escape_char` honoured, lines continued
with the escape character joined, `<Uxxxx>` code points decoded to characters, the escape
character dropped before the character it escapes). From each file it keeps, per category, what
the file itself states: LC_IDENTIFICATION (title, source, address, contact, email, language,
territory, revision, date), LC_MONETARY (int_curr_symbol, currency_symbol, frac_digits),
LC_TELEPHONE (int_prefix, int_select, tel_int_fmt), LC_PAPER (height, width), LC_MEASUREMENT,
LC_TIME (week, first_weekday, first_workday, d_fmt, the day names), LC_ADDRESS (country_name,
country_ab2, country_ab3, country_num, country_car, lang_name, lang_ab, lang_term) and
LC_MESSAGES (yesstr, nostr). A category that only says `copy "<locale>"` is kept as that
reference and NOT resolved: the page says which locale it is copied from and states none of its
values. (For the checks only, the snapshot also holds every record's values resolved through the
copy chain, `resolved`, read from the other source files; no page shows them.) The snapshot also
lists every locale source file the directory holds (for the unanswerable checks). It is written to
`evalsets/catalog8/snapshot.json` (committed; `snapshot` refuses to overwrite it without --force):
another glibc holds other definitions, so the committed snapshot and pages are the corpus.

`build` renders one markdown page per locale from snapshot.json alone, `<region>/<locale>.md`
(document id `europe/fr_CH`, `asia/ja_JP`), titled `# <locale>`, with YAML front matter (locale,
region, language, territory: metadata for filters, each also stated in the body) and a body in one
of three layouts dealt in turn in the order of sha256("catalog8:<id>"): `prose` (paragraphs,
wording varied per page), `table` (a field/value pipe table) or `lines` (terse `keyword: value`
lines under one heading per glibc category, glibc's own keyword names). Then it generates
dev.jsonl and test.jsonl from the snapshot (seeded, SEED) and writes test.jsonl.sha256. It
refuses to overwrite corpus/ or the question files without --force.

`check` renders the snapshot and the questions again into memory and compares them with the
committed files, loads the corpus with ragtune's loader, reads both splits with `load_qa`, and
checks every item (evidence, gold in evidence text and tokens, scoring verdicts, facts against the
snapshot, split separation, unanswerables absent, the sha256, the type mix).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog8"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
LOCALES = Path("/usr/share/i18n/locales")
SEED = 8

# 85 locales, by region (the corpus folder): many languages and countries, with families that
# share a language (de_*, fr_*, en_*, es_*, pt_*, nl_*, it_*, sv_*, el_*, zh_*, ar_*) or a country
# (CH: de/fr/it; BE: fr/nl; ES: es/ca/eu/gl; FI: fi/sv; IN: hi/ta/en; ZA: af/zu/en; NZ: en/mi;
# CA: en/fr; IE: en/ga; GB: en/cy; NO: nb/nn; US: en/es), so that comparisons, filters and
# `copy` hops exist.
CHOSEN = {
    "europe": ["de_DE", "de_AT", "de_CH", "de_LU", "de_IT", "fr_FR", "fr_CH", "fr_BE",
               "it_IT", "it_CH", "nl_NL", "nl_BE", "es_ES", "ca_ES", "eu_ES", "gl_ES",
               "pt_PT", "en_GB", "en_IE", "ga_IE", "cy_GB", "da_DK", "sv_SE", "sv_FI", "fi_FI",
               "nb_NO", "nn_NO", "is_IS", "fo_FO", "et_EE", "lv_LV", "lt_LT", "pl_PL", "cs_CZ",
               "sk_SK", "hu_HU", "sl_SI", "hr_HR", "sr_RS", "bg_BG", "ro_RO", "el_GR", "el_CY",
               "tr_TR", "ru_RU", "uk_UA", "be_BY", "mt_MT", "mk_MK"],
    "americas": ["en_US", "es_US", "en_CA", "fr_CA", "es_MX", "es_AR", "es_CL", "pt_BR"],
    "asia": ["ja_JP", "ko_KR", "zh_CN", "zh_TW", "zh_HK", "th_TH", "vi_VN", "id_ID", "hi_IN",
             "ta_IN", "en_IN", "bn_BD", "ur_PK", "fa_IR", "he_IL", "ar_SA", "ka_GE", "kk_KZ",
             "mn_MN"],
    "africa": ["ar_EG", "sw_KE", "am_ET", "af_ZA", "zu_ZA", "en_ZA"],
    "oceania": ["en_AU", "en_NZ", "mi_NZ"],
}  # fmt: skip

# Real glibc locales NOT in the corpus (checked: not chosen, and named on no page), for
# unanswerable questions; each split takes its own.
ABSENT = {
    "br_FR": "Breton", "kw_GB": "Cornish", "lb_LU": "Luxembourgish", "oc_FR": "Occitan",
    "fy_NL": "Frisian", "gd_GB": "Scottish Gaelic", "se_NO": "Northern Sami", "wa_BE": "Walloon",
    "ast_ES": "Asturian", "sc_IT": "Sardinian", "fur_IT": "Friulian", "hsb_DE": "Upper Sorbian",
    "csb_PL": "Kashubian", "tt_RU": "Tatar", "yo_NG": "Yoruba", "ms_MY": "Malay", "km_KH": "Khmer",
    "lo_LA": "Lao", "my_MM": "Burmese", "ne_NP": "Nepali", "si_LK": "Sinhala", "so_SO": "Somali",
    "ha_NG": "Hausa", "es_PE": "Spanish (Peru)", "es_CO": "Spanish (Colombia)", "uz_UZ": "Uzbek",
}  # fmt: skip

# What a locale source never says, for unanswerable questions about a catalogued locale; the words
# an answer would need, none of which may occur on any page (checked).
ABSENT_FIELDS = {
    "time-zone": ["time zone", "timezone", "utc", "gmt"],
    "capital": ["capital"],
    "population": ["population", "inhabitants", "million"],
    "mains-voltage": ["voltage", "volts", "230 v", "120 v", "hertz"],
    "driving-side": ["drives on", "driving", "left-hand", "right-hand"],
    "fax": ["fax"],
    "maintainer-phone": ["phone number", "telephone number of"],
    "charset": ["utf-8", "iso-8859", "charmap", "character set", "encoding"],
    "internet-tld": ["top-level domain", "tld", "domain"],
}

CATS = {"LC_IDENTIFICATION": "identification", "LC_MONETARY": "monetary", "LC_TELEPHONE": "telephone",
        "LC_PAPER": "paper", "LC_MEASUREMENT": "measurement", "LC_TIME": "time", "LC_ADDRESS": "address",
        "LC_MESSAGES": "messages"}  # fmt: skip
KEEP = {
    "identification": ["title", "source", "address", "contact", "email", "language", "territory", "revision", "date"],
    "monetary": ["int_curr_symbol", "currency_symbol", "frac_digits"],
    "telephone": ["int_prefix", "int_select", "tel_int_fmt"],
    "paper": ["height", "width"],
    "measurement": ["measurement"],
    "time": ["week", "first_weekday", "first_workday", "d_fmt", "day"],
    "address": ["country_name", "country_ab2", "country_ab3", "country_num", "country_car", "lang_name",
                "lang_ab", "lang_term"],
    "messages": ["yesstr", "nostr"],
}  # fmt: skip
SECTIONS = ["monetary", "telephone", "paper", "measurement", "time", "address", "messages"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# ------------------------------------------------------------------ reading locale sources


def decode(s: str) -> str:
    return re.sub(r"<U([0-9A-Fa-f]{4,8})>", lambda m: chr(int(m.group(1), 16)), s)


def logical_lines(text: str) -> tuple[list[str], str]:
    comment, esc = "%", "/"
    out, buf = [], ""
    for ln in text.split("\n"):
        m = re.match(r"^\s*(comment_char|escape_char)\s+(\S)\s*$", ln)
        if m and not buf:
            if m.group(1) == "comment_char":
                comment = m.group(2)
            else:
                esc = m.group(2)
            continue
        if not buf and ln.lstrip().startswith(comment):
            continue
        r = ln.rstrip()
        if r.endswith(esc) and not r.endswith(esc + esc):
            buf += r[:-1]
            continue
        out.append((buf + ln).strip())
        buf = ""
    if buf:
        out.append(buf.strip())
    return [x for x in out if x], esc


def parse_values(v: str, esc: str) -> list[str]:
    vals = []
    e = re.escape(esc)
    for m in re.finditer(rf'"((?:[^"{e}]|{e}.)*)"|(-?\d+)', v):
        if m.group(1) is not None:
            vals.append(decode(re.sub(e + "(.)", r"\1", m.group(1))))
        else:
            vals.append(m.group(2))
    return vals


def parse_file(name: str) -> dict[str, dict]:
    text = (LOCALES / name).read_text(encoding="utf-8", errors="replace")
    lines, esc = logical_lines(text)
    secs: dict[str, dict] = {}
    cur = None
    for ln in lines:
        if re.fullmatch(r"LC_[A-Z]+", ln):
            cur = ln
            secs[cur] = {}
            continue
        if ln.startswith("END "):
            cur = None
            continue
        if cur is None:
            continue
        m = re.match(r"^(\S+)\s*(.*)$", ln)
        k, v = m.group(1), m.group(2)
        if k == "copy":
            secs[cur]["copy"] = parse_values(v, esc)[0]
        elif k not in ("category", "include"):
            secs[cur].setdefault(k, parse_values(v, esc) if v else [])
    return secs


def section(secs: dict, cat: str) -> dict:
    """What the file states for one category: {"copy": name} or the kept fields (strings)."""
    raw = secs.get(cat)
    if raw is None:
        return {}
    if "copy" in raw:
        return {"copy": raw["copy"]}
    out = {}
    for k in KEEP[CATS[cat]]:
        if k not in raw:
            continue
        v = raw[k]
        if k in ("day", "week"):
            out[k] = v
        else:
            s = " ".join(v).strip() if k != "d_fmt" else (v[0] if v else "")
            if s:
                out[k] = s
    if CATS[cat] == "time" and "day" in out:
        out.update(week_fields(out))
        del out["day"]
    return out


def week_fields(t: dict) -> dict:
    """glibc: `week` ndays;base-date;...; first_weekday (default 1) counts from the base day."""
    week = t.get("week") or ["7", "19971130", "4"]
    base = dt.datetime.strptime(week[1], "%Y%m%d").date()
    stated = "first_weekday" in t
    fw = int(t.get("first_weekday", "1"))
    day = (base + dt.timedelta(days=fw - 1)).weekday()
    names = t["day"]
    out = {"week_base": base.isoformat(), "week_base_day": WEEKDAYS[base.weekday()],
           "first_weekday_stated": stated, "first_weekday": str(fw),
           "first_day": WEEKDAYS[day], "first_day_native": names[(fw - 1) % len(names)] if names else ""}
    if "first_workday" in t:
        wd = int(t["first_workday"])
        out["first_workday"] = t["first_workday"]
        out["first_workday_day"] = WEEKDAYS[(base + dt.timedelta(days=wd - 1)).weekday()]
    out.pop("week", None)
    return out


_CACHE: dict[str, dict] = {}


def resolved(name: str, cat: str, depth: int = 0) -> dict:
    if name not in _CACHE:
        _CACHE[name] = parse_file(name)
    s = section(_CACHE[name], cat)
    if "copy" in s and depth < 10:
        return resolved(s["copy"], cat, depth + 1)
    return s


def read_locale(name: str, region: str) -> dict:
    secs = parse_file(name)
    _CACHE[name] = secs
    rec = {"locale": name, "region": region, "identification": section(secs, "LC_IDENTIFICATION")}
    for cat, key in CATS.items():
        if key != "identification":
            rec[key] = section(secs, cat)
    rec["resolved"] = {CATS[c]: resolved(name, c) for c in CATS if CATS[c] in SECTIONS}
    for key in SECTIONS:
        if "copy" in rec[key]:
            rec["resolved"][key]["via"] = rec[key]["copy"]
    return rec


def scan_locales() -> dict:
    names = sorted(p.name for p in LOCALES.iterdir() if p.is_file())
    recs = [read_locale(n, reg) for reg, ns in CHOSEN.items() for n in ns]
    recs.sort(key=lambda r: r["locale"])
    return {"source": str(LOCALES), "locale_files": names, "records": recs}


# ------------------------------------------------------------------ pages


def doc_id(r: dict) -> str:
    return f"{r['region']}/{r['locale']}"


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog8:{salt}{key}".encode()).hexdigest(), 16)


LAYOUTS = ("prose", "table", "lines")
_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    for i, d in enumerate(sorted((doc_id(r) for r in recs), key=_h)):
        _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[doc_id(r)]


CAT_WORDS = {"monetary": "money formats (LC_MONETARY)", "telephone": "telephone formats (LC_TELEPHONE)",
             "paper": "paper size (LC_PAPER)", "measurement": "measurement system (LC_MEASUREMENT)",
             "time": "dates and weeks (LC_TIME)", "address": "address and country codes (LC_ADDRESS)",
             "messages": "yes/no answers (LC_MESSAGES)"}  # fmt: skip
MEASURE = {"1": "metric (1)", "2": "US customary (2)"}


def front_matter(r: dict) -> str:
    i = r["identification"]
    return ("---\n" f"locale: {json.dumps(r['locale'])}\n" f"region: {r['region']}\n"
            f"language: {json.dumps(i.get('language', ''), ensure_ascii=False)}\n"
            f"territory: {json.dumps(i.get('territory', ''), ensure_ascii=False)}\n" "---\n")  # fmt: skip


def copy_text(src: str) -> str:
    return "copied from i18n (glibc's generic definitions)" if src == "i18n" else f"copied from the {src} locale"


def week_text(t: dict) -> str:
    if t["first_weekday_stated"]:
        return (f"{t['first_day']} ({t['first_day_native']}): first_weekday {t['first_weekday']}, counted from "
                f"the week's base day {t['week_base']}, a {t['week_base_day']}")
    return (f"{t['first_day']} ({t['first_day_native']}): first_weekday is not set, so the default 1 applies, "
            f"the week's base day {t['week_base']}, a {t['week_base_day']}")


def render(r: dict) -> str:
    loc, kind, w = r["locale"], layout(r), _h(doc_id(r), "w")
    i = r["identification"]
    head = front_matter(r) + f"\n# {loc}\n\n"
    m, tel, pap, mea, tim, adr, msg = (r[k] for k in SECTIONS)
    if kind == "lines":
        out = [f"Locale `{loc}` (region: {r['region']}), from /usr/share/i18n/locales/{loc}.", "", "## LC_IDENTIFICATION", ""]
        out += [f"{k}: {v}" for k, v in i.items()]
        for key in SECTIONS:
            cat = [c for c, k in CATS.items() if k == key][0]
            s = r[key]
            out += ["", f"## {cat}", ""]
            if not s:
                out.append("(not defined)")
            elif "copy" in s:
                out.append(f"copy: {s['copy']} ({'glibc' + chr(39) + 's generic definitions' if s['copy'] == 'i18n' else 'values not repeated here'})")
            elif key == "time":
                out.append(f"first day of the week: {week_text(s)}")
                if "first_workday" in s:
                    out.append(f"first_workday: {s['first_workday']} ({s['first_workday_day']})")
                if s.get("d_fmt"):
                    out.append(f"d_fmt: `{s['d_fmt']}`")
            elif key == "measurement":
                out.append(f"measurement: {MEASURE.get(s.get('measurement', ''), s.get('measurement', ''))}")
            else:
                for k, v in s.items():
                    out.append(f"{k}: `{v}`" if k == "tel_int_fmt" else f"{k}: {v}")
        return head + "\n".join(out) + "\n"
    if kind == "table":
        rows = [("Title", i.get("title", "")), ("Language", i.get("language", "")), ("Territory", i.get("territory", "")),
                ("Source", i.get("source", "") or "not given")]  # fmt: skip
        if i.get("address"):
            rows.append(("Source address", i["address"]))
        if i.get("contact"):
            rows.append(("Contact", i["contact"]))
        rows += [("E-mail", i.get("email", "") or "not given"), ("Revision", i.get("revision", "")),
                 ("Date", i.get("date", ""))]  # fmt: skip
        labels = {"int_curr_symbol": "Currency code (int_curr_symbol)", "currency_symbol": "Currency symbol",
                  "frac_digits": "Digits after the decimal point", "int_prefix": "Country calling code (int_prefix)",
                  "int_select": "International access code (int_select)", "tel_int_fmt": "International number format",
                  "height": "Paper height (mm)", "width": "Paper width (mm)",
                  "country_name": "Country name", "country_ab2": "Country code, 2 letters",
                  "country_ab3": "Country code, 3 letters", "country_num": "Numeric country code (ISO 3166)",
                  "country_car": "International vehicle registration code", "lang_name": "Language name",
                  "lang_ab": "Language code, 2 letters (ISO 639-1)", "lang_term": "Language code, 3 letters (ISO 639-2/T)",
                  "yesstr": "Word for yes", "nostr": "Word for no"}  # fmt: skip
        for key in SECTIONS:
            s = r[key]
            if not s:
                rows.append((CAT_WORDS[key], "not defined"))
            elif "copy" in s:
                rows.append((CAT_WORDS[key], copy_text(s["copy"])))
            elif key == "time":
                rows.append(("First day of the week", week_text(s)))
                if "first_workday" in s:
                    rows.append(("First workday", f"{s['first_workday_day']} (first_workday {s['first_workday']})"))
                if s.get("d_fmt"):
                    rows.append(("Date format (d_fmt)", f"`{s['d_fmt']}`"))
            elif key == "measurement":
                rows.append(("Measurement system", MEASURE.get(s.get("measurement", ""), s.get("measurement", ""))))
            else:
                rows += [(labels[k], f"`{v}`" if k == "tel_int_fmt" else v) for k, v in s.items()]
        rows.append(("Region (corpus folder)", r["region"]))
        rows.append(("Source file", f"/usr/share/i18n/locales/{loc}"))
        return head + "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + "\n"
    # prose
    p1 = [(f"The glibc locale {loc} is titled \"{i.get('title', '')}\".",
           f"\"{i.get('title', '')}\" is the title of the glibc locale {loc}.",
           f"{loc} is the locale glibc calls \"{i.get('title', '')}\".")[w % 3]]
    p1.append(f"Its language is given as {i.get('language', '')} and its territory as {i.get('territory', '')}."
              if w % 4 < 2 else f"It covers the language {i.get('language', '')} in the territory {i.get('territory', '')}.")
    if i.get("source"):
        p1.append(f"The definition comes from {i['source']}" + (f" ({i['address']})." if i.get("address") else "."))
    elif i.get("address"):
        p1.append(f"The definition names the address {i['address']}.")
    if i.get("contact"):
        p1.append(f"Contact: {i['contact']}.")
    if i.get("email"):
        p1.append(f"Reports go to {i['email']}.")
    p1.append(f"It is revision {i.get('revision', '')}, dated {i.get('date', '')}." if w % 5 < 3
              else f"Revision {i.get('revision', '')} carries the date {i.get('date', '')}.")
    paras = [" ".join(p1)]
    p = []
    for key in SECTIONS:
        s = r[key]
        if not s:
            p.append(f"It defines no {CAT_WORDS[key]}.")
        elif "copy" in s:
            p.append(f"Its {CAT_WORDS[key]} {'is' if key in ('paper', 'measurement') else 'are'} {copy_text(s['copy'])}.")
        elif key == "monetary":
            t = f"Money is written with the currency code {s.get('int_curr_symbol', '')}"
            if s.get("currency_symbol"):
                t += f" and the symbol {s['currency_symbol']}"
            if s.get("frac_digits"):
                t += f", with {s['frac_digits']} digits after the decimal point"
            p.append(t + ".")
        elif key == "telephone":
            t = f"International calls to it use the country calling code {s.get('int_prefix', '')}"
            if s.get("int_select"):
                t += f"; calls abroad are dialled with the international access code {s['int_select']}"
            if s.get("tel_int_fmt"):
                t += f"; numbers are written in the format `{s['tel_int_fmt']}`"
            p.append(t + ".")
        elif key == "paper":
            p.append(f"Paper is {s.get('height', '')} mm high and {s.get('width', '')} mm wide.")
        elif key == "measurement":
            p.append(f"It uses the {MEASURE.get(s.get('measurement', ''), s.get('measurement', ''))} measurement system.")
        elif key == "time":
            t = f"The week starts on {week_text(s)}"
            if "first_workday" in s:
                t += f"; the first workday is {s['first_workday_day']} (first_workday {s['first_workday']})"
            if s.get("d_fmt"):
                t += f"; dates are written `{s['d_fmt']}`"
            p.append(t + ".")
        elif key == "address":
            t = (f"In addresses the country is {s.get('country_name', '')}, with the codes {s.get('country_ab2', '')} "
                 f"and {s.get('country_ab3', '')}, the numeric code {s.get('country_num', '')}")
            if s.get("country_car"):
                t += f" and the vehicle registration code {s['country_car']}"
            t += "."
            if s.get("lang_name"):
                t += (f" The language calls itself {s['lang_name']} (codes {s.get('lang_ab', '')} and "
                      f"{s.get('lang_term', '')}).")
            p.append(t)
        elif key == "messages":
            p.append(f"Yes is \"{s.get('yesstr', '')}\" and no is \"{s.get('nostr', '')}\".")
    paras.append(" ".join(p))
    paras.append(f"Source file: /usr/share/i18n/locales/{loc} (filed under the {r['region']} region).")
    return head + "\n\n".join(paras) + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(recs: list[dict]) -> dict[str, str]:
    assign_layouts(recs)
    return {f"{doc_id(r)}.md": render(r) for r in recs}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's locale sources again")
    if not LOCALES.is_dir():
        sys.exit(f"{LOCALES} not found")
    snap = scan_locales()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    recs = snap["records"]
    copies = Counter(k for r in recs for k in SECTIONS if "copy" in r[k])
    print(f"{len(snap['locale_files'])} locale files; {len(recs)} records; regions "
          f"{dict(Counter(r['region'] for r in recs))}; copied sections {dict(copies)}")


# ------------------------------------------------------------------ questions

WANT = {"dev": {"single_hop": 18, "unanswerable": 7, "comparison": 6, "reverse": 5, "filter": 5, "multi_hop": 3},
        "test": {"single_hop": 29, "unanswerable": 12, "comparison": 9, "filter": 9, "reverse": 7, "multi_hop": 5}}
N_DEV_PAGES = 34
ABSENT_SPLIT = {"dev": 4, "test": 6}  # absent-locale items; the rest of the unanswerables are absent-field
HOP_SECTIONS = ("monetary", "telephone", "paper")


def _tok(s: str) -> list[str]:
    return re.findall(r"\w+", s.lower())


def _contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return bool(needle) and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def _named(name: str, text: str) -> bool:
    return _contains(_tok(text), _tok(name))


def _iso(d: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d\d-\d\d", d or ""))


# single-hop kinds: (field key for overlap, value getter on the record as the page states it)
def single_value(r: dict, kind: str) -> list[str]:
    """The gold answers of a single-hop kind for a record, [] when its page does not state it (or
    the value makes a poor gold: empty tokens, one letter, a plain 1.0)."""
    m, t, p, a, ti, i, msg = (r["monetary"], r["telephone"], r["paper"], r["address"], r["time"],
                              r["identification"], r["messages"])  # fmt: skip
    v: list[str] = []
    if kind == "currency":
        v = [m["int_curr_symbol"]] if m.get("int_curr_symbol") else []
    elif kind == "symbol":
        s = m.get("currency_symbol", "")
        v = [s] if re.search(r"[^\W\d_]{2}", s) and s != m.get("int_curr_symbol") else []
    elif kind == "prefix":
        v = [t["int_prefix"]] if t.get("int_prefix") else []
    elif kind == "access":
        s = t.get("int_select", "")
        v = [s] if s and not re.fullmatch(r"0+", s) and len(s) >= 2 else []
    elif kind == "car":
        s = a.get("country_car", "")
        v = [s] if len(s) >= 2 else []
    elif kind == "num":
        v = [a["country_num"]] if a.get("country_num") else []
    elif kind == "ab3":
        v = [a["country_ab3"]] if a.get("country_ab3") else []
    elif kind == "paper":
        v = [p["height"]] if p.get("height") else []
    elif kind == "weekday":
        v = [ti["first_day"]] + ([ti["first_day_native"]] if ti.get("first_day_native") else []) \
            if ti.get("first_weekday_stated") else []
    elif kind == "lang_name":
        v = [a["lang_name"]] if a.get("lang_name") else []
    elif kind == "country_name":
        v = [a["country_name"]] if a.get("country_name") else []
    elif kind == "lang_term":
        v = [a["lang_term"]] if a.get("lang_term") else []
    elif kind == "date":
        v = [i["date"]] if _iso(i.get("date", "")) else []
    elif kind == "revision":
        s = i.get("revision", "")
        v = [s] if s and s not in ("1.0", "1", "0.1") else []
    elif kind == "title":
        v = [i["title"]] if i.get("title") else []
    elif kind == "yes":
        s = msg.get("yesstr", "")
        v = [s] if len(s) >= 2 else []
    elif kind == "source":
        s = i.get("source", "")
        v = [s] if s and len(s) <= 45 and "@" not in s and "http" not in s else []
    return v


SINGLE_TEMPLATES = {
    "currency": ["Which currency code does the {l} locale use?", "What is the int_curr_symbol of {l}?",
                 "In glibc's {l} locale, money is written with which ISO currency code?"],
    "symbol": ["What currency symbol does {l} print before or after amounts?", "Which currency symbol is set in the {l} locale?"],
    "prefix": ["What's the international dialling prefix in the {l} locale?", "Which country calling code does {l} give?",
               "If you call a number in the {l} locale's territory from abroad, which country code do you dial?"],
    "access": ["Which international access code (int_select) does {l} list for calls abroad?",
               "What do you dial first to call abroad, according to the {l} locale?"],
    "car": ["What is the international vehicle registration code in the {l} locale?",
            "Which country_car code does {l} give?"],
    "num": ["What numeric ISO 3166 country code does the {l} locale record?", "Which country_num does {l} have?"],
    "ab3": ["What is the three-letter country code of the {l} locale?", "Which ISO alpha-3 code does {l} use for its country?"],
    "paper": ["How tall is a sheet of paper in the {l} locale, in millimetres?", "What paper height does {l} define?"],
    "weekday": ["On which day does the week start in the {l} locale?", "What is the first day of the week for {l}?",
                "Which weekday does {l} treat as the start of the week?"],
    "lang_name": ["What does the language of the {l} locale call itself?", "What is the lang_name in {l}?"],
    "country_name": ["What country name does {l} use in addresses?", "How is the country written in postal addresses under {l}?"],
    "lang_term": ["Which three-letter ISO 639-2 terminology code does the {l} locale give for its language?"],
    "date": ["When is the {l} locale definition dated?", "What date does the identification section of {l} carry?"],
    "revision": ["Which revision is the {l} locale at?", "What revision number does {l}'s identification give?"],
    "title": ["What is the title of the {l} locale?", "How does glibc title the {l} locale?"],
    "yes": ["What is the word for yes in the {l} locale?", "Which yesstr does {l} set?"],
    "source": ["Who is named as the source of the {l} locale definition?", "Where does the {l} locale definition come from?"],
}  # fmt: skip
# the order single-hop kinds are dealt in (repeating); the brief's list first
SINGLE_ORDER = ["currency", "prefix", "car", "num", "weekday", "lang_name", "date", "title", "symbol", "paper",
                "revision", "ab3", "country_name", "currency", "prefix", "yes", "num", "weekday", "lang_term",
                "source", "car", "access", "date", "lang_name", "symbol", "currency", "prefix", "title", "num",
                "weekday", "country_name", "revision"]  # fmt: skip
FIELD_OF = {"weekday": "time", "paper": "paper"}  # overlap key of a kind = the kind, except these

HOP_FIELD = {"monetary": ("currency", "int_curr_symbol"), "telephone": ("prefix", "int_prefix"),
             "paper": ("paper", "height")}  # fmt: skip
HOP_TEMPLATES = {
    "monetary": ["Which currency code does the {l} locale use for money?", "What ISO currency code applies to amounts in {l}?"],
    "telephone": ["What's the country calling code in the {l} locale?", "Which international dialling prefix applies to {l}?"],
    "paper": ["What paper height, in millimetres, does the {l} locale end up with?", "How tall is paper in the {l} locale (mm)?"],
}  # fmt: skip

REVERSE_TEMPLATES = ["Which locale is titled \"{t}\"?", "I am looking for the \"{t}\". What is its locale name?",
                     "Which glibc locale carries the title \"{t}\"?", "\"{t}\": which locale is that?"]  # fmt: skip

CMP_TEMPLATES = {
    "higher-num": ["Which has the higher numeric country code, {a} or {b}?", "Of {a} and {b}, whose country_num is larger?"],
    "lower-num": ["Which has the lower numeric country code, {a} or {b}?"],
    "earlier-date": ["Which locale definition is dated earlier, {a} or {b}?", "Of {a} and {b}, which one's identification date is older?"],
    "later-date": ["Which locale definition is dated later, {a} or {b}?", "Which was dated more recently, {a} or {b}?"],
    "currency-which": ["Which of {a} and {b} uses the currency code {x}?", "Which locale writes money in {x}, {a} or {b}?"],
    "weekday-which": ["Which of {a} and {b} starts its week on {x}?", "Whose week begins on {x}, {a}'s or {b}'s?"],
    "prefix-which": ["Which has the country calling code {x}, {a} or {b}?"],
}  # fmt: skip

# filter conditions: name -> (phrase, value of a record (resolved), the text the answer page must show)
FILTER_PHRASE = {
    "lang": "whose language code is `{v}`", "currency": "that uses the currency code {v}",
    "prefix": "whose country calling code is {v}", "weekday": "whose week starts on {v}",
    "region": "filed under the {v} region", "source": "whose definition comes from {v}",
    "year": "dated in {v}",
}  # fmt: skip
FILTER_TEMPLATES = ["Which catalogued locale is the one {c1} and {c2}?", "Name the only locale {c1} and {c2}.",
                    "Which is the one locale {c1}, and also {c2}?", "Find the locale {c1} and {c2}: which is it?"]  # fmt: skip
FILTER_FIELD = {"lang": "lang_name", "weekday": "time", "year": "date"}  # overlap key of a condition
FILTER_PAIRS = [("lang", "currency"), ("lang", "prefix"), ("lang", "weekday"), ("region", "weekday"),
                ("currency", "weekday"), ("lang", "region"), ("source", "lang"), ("source", "currency"),
                ("prefix", "lang"), ("region", "currency"), ("year", "region"), ("year", "lang")]  # fmt: skip

ABSENT_LOCALE_TEMPLATES = [
    ("currency", "Which currency code does the {l} locale ({n}) use?"),
    ("prefix", "What is the international dialling prefix in the {l} locale?"),
    ("title", "What is the title of glibc's {l} locale?"),
    ("weekday", "On which day does the week start in the {n} locale {l}?"),
    ("num", "Which numeric country code does {l} record?"),
    ("date", "When was the {l} locale definition dated?"),
]  # fmt: skip
ABSENT_FIELD_TEMPLATES = {
    "time-zone": "Which time zone does the {l} locale set?",
    "capital": "What is the capital city named in the {l} locale?",
    "population": "What population figure does the {l} locale give for its territory?",
    "mains-voltage": "What mains voltage does the {l} locale record?",
    "driving-side": "On which side of the road does traffic drive according to the {l} locale?",
    "fax": "What fax number is listed in the identification of the {l} locale?",
    "maintainer-phone": "What is the telephone number of the {l} locale's maintainer?",
    "charset": "Which character set (charmap) is the {l} locale compiled with?",
    "internet-tld": "Which internet top-level domain does the {l} locale give for its country?",
}  # fmt: skip


def fval(r: dict, f: str) -> str:
    """A record's value for a filter condition, resolved through copies (what is true)."""
    res = r["resolved"]
    if f == "lang":
        return res["address"].get("lang_ab", "")
    if f == "currency":
        return res["monetary"].get("int_curr_symbol", "")
    if f == "prefix":
        return res["telephone"].get("int_prefix", "")
    if f == "weekday":
        return week_fields(res["time"]).get("first_day", "") if res["time"].get("day") else ""
    if f == "region":
        return r["region"]
    if f == "source":
        return r["identification"].get("source", "")
    if f == "year":
        d = r["identification"].get("date", "")
        return d[:4] if _iso(d) else ""
    return ""


def fshown(r: dict, f: str) -> bool:
    """Does the record's page state its own value of a filter condition (not by a copy)?"""
    sec = {"lang": "address", "currency": "monetary", "prefix": "telephone", "weekday": "time"}.get(f)
    return sec is None or "copy" not in r[sec]


def hops(recs: list[dict]) -> list[tuple[str, str, str]]:
    """(subject, section, target): the subject copies the section from a catalogued target that
    states it itself."""
    by = {r["locale"]: r for r in recs}
    out = []
    for r in recs:
        for sec in HOP_SECTIONS:
            t = r[sec].get("copy")
            if t in by and "copy" not in by[t][sec] and by[t][sec].get(HOP_FIELD[sec][1]):
                out.append((r["locale"], sec, t))
    return out


def split_pages(recs: list[dict]) -> dict[str, str]:
    """dev / test per locale: the hop components (a subject and the locale it copies from) stay
    together; components in the order of sha256, dealt to dev until it holds N_DEV_PAGES."""
    parent = {r["locale"]: r["locale"] for r in recs}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for a, _, b in hops(recs):
        parent[find(a)] = find(b)
    comps: dict[str, list[str]] = defaultdict(list)
    for r in recs:
        comps[find(r["locale"])].append(r["locale"])
    order = sorted(comps.values(), key=lambda c: _h(min(c), "split"))
    out, ndev = {}, 0
    for c in order:
        s = "dev" if ndev + len(c) <= N_DEV_PAGES and (ndev < N_DEV_PAGES) else "test"
        if s == "dev":
            ndev += len(c)
        for x in c:
            out[x] = s
    return out


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["locale"]: r for r in recs}
    did = {r["locale"]: doc_id(r) for r in recs}
    split = split_pages(recs)
    assign_layouts(recs)
    pages = {k: render(r).lower() for k, r in by.items()}
    rng = random.Random(SEED)
    allhops = hops(recs)
    out: dict[str, list[dict]] = {}
    absent = sorted(ABSENT)
    rng.shuffle(absent)
    absent_for = {"dev": absent[: ABSENT_SPLIT["dev"]], "test": absent[ABSENT_SPLIT["dev"] : ABSENT_SPLIT["dev"] + ABSENT_SPLIT["test"]]}
    for s in ("dev", "test"):
        want = WANT[s]
        locs = sorted(x for x in by if split[x] == s)
        items: list[dict] = []
        subject: set[str] = set()
        used: set[tuple[str, str]] = set()  # (locale, field) asked in this split
        in_cmp: set[str] = set()

        # multi-hop
        cands = [h for h in allhops if split[h[0]] == s]
        rng.shuffle(cands)
        targets: Counter = Counter()
        for a, sec, t in cands:
            if sum(it["type"] == "multi_hop" for it in items) == want["multi_hop"]:
                break
            kind, f = HOP_FIELD[sec]
            gold = by[t][sec][f]
            if a in subject or targets[t] >= 1 and len(cands) > want["multi_hop"] * 2 or \
                    _contains(_tok(pages[a]), _tok(gold)):
                continue
            q = rng.choice(HOP_TEMPLATES[sec]).format(l=a)
            items.append({"question": q, "answers": [gold], "type": "multi_hop", "evidence": [did[a], did[t]],
                          "kind": f"copy-{kind}", "via": sec, "field": f})
            subject.add(a)
            targets[t] += 1
            used |= {(a, kind), (t, kind)}
        # reverse
        titles = Counter(r["identification"].get("title", "").lower() for r in recs)
        cand = [x for x in locs if titles[by[x]["identification"].get("title", "").lower()] == 1]
        rng.shuffle(cand)
        for x in cand:
            if sum(it["type"] == "reverse" for it in items) == want["reverse"]:
                break
            t = by[x]["identification"]["title"]
            if any(t.lower() in pages[o] for o in by if o != x):
                continue
            items.append({"question": rng.choice(REVERSE_TEMPLATES).format(t=t), "answers": [x], "type": "reverse",
                          "evidence": [did[x]], "kind": "reverse", "title": t})
            used.add((x, "title"))
        # comparisons
        kinds = list(CMP_TEMPLATES)
        k_i = 0
        pairs = [(a, b) for a in locs for b in locs if a < b]
        rng.shuffle(pairs)
        pairs.sort(key=lambda p: -(by[p[0]]["resolved"]["address"].get("lang_ab") == by[p[1]]["resolved"]["address"].get("lang_ab")
                                   or by[p[0]]["identification"].get("territory") == by[p[1]]["identification"].get("territory")))
        tries = 0
        while sum(it["type"] == "comparison" for it in items) < want["comparison"] and tries < 50:
            kind = kinds[k_i % len(kinds)]
            k_i += 1
            tries += 1
            for a, b in pairs:
                if a in in_cmp or b in in_cmp:
                    continue
                ra, rb = by[a], by[b]
                win, x, fld = None, None, None
                if kind in ("higher-num", "lower-num"):
                    na, nb = ra["address"].get("country_num"), rb["address"].get("country_num")
                    if na and nb and int(na) != int(nb):
                        hi = a if int(na) > int(nb) else b
                        win = hi if kind == "higher-num" else (b if hi == a else a)
                    fld = "num"
                elif kind in ("earlier-date", "later-date"):
                    da, db = ra["identification"].get("date", ""), rb["identification"].get("date", "")
                    if _iso(da) and _iso(db) and da != db:
                        early = a if da < db else b
                        win = early if kind == "earlier-date" else (b if early == a else a)
                    fld = "date"
                elif kind == "currency-which":
                    ca, cb = ra["monetary"].get("int_curr_symbol"), rb["monetary"].get("int_curr_symbol")
                    if ca and cb and ca != cb:
                        win = rng.choice([a, b])
                        x = ca if win == a else cb
                        if _contains(_tok(pages[b if win == a else a]), _tok(x)):
                            win = None
                    fld = "currency"
                elif kind == "weekday-which":
                    wa, wb = ra["time"].get("first_day"), rb["time"].get("first_day")
                    if wa and wb and wa != wb:
                        win = rng.choice([a, b])
                        x = wa if win == a else wb
                        if _contains(_tok(pages[b if win == a else a]), _tok(x)):
                            win = None
                    fld = "time"
                elif kind == "prefix-which":
                    pa, pb = ra["telephone"].get("int_prefix"), rb["telephone"].get("int_prefix")
                    if pa and pb and pa != pb:
                        win = rng.choice([a, b])
                        x = pa if win == a else pb
                        if _contains(_tok(pages[b if win == a else a]), _tok(x)):
                            win = None
                    fld = "prefix"
                if win is None or (a, fld) in used or (b, fld) in used:
                    continue
                opts = [a, b] if rng.random() < 0.5 else [b, a]
                q = rng.choice(CMP_TEMPLATES[kind]).format(a=opts[0], b=opts[1], x=x)
                it = {"question": q, "answers": [win], "type": "comparison", "evidence": [did[o] for o in opts],
                      "options": opts, "kind": kind}
                if x is not None:
                    it["target"] = x
                items.append(it)
                in_cmp |= {a, b}
                used |= {(a, fld), (b, fld)}
                break
        # filters
        fp = list(FILTER_PAIRS)
        rng.shuffle(fp)
        seen_ans: set[str] = set()
        for rnd in range(3):
            for f1, f2 in fp:
                if sum(it["type"] == "filter" for it in items) == want["filter"]:
                    break
                vals1 = Counter(fval(r, f1) for r in recs)
                vals2 = Counter(fval(r, f2) for r in recs)
                opts = []
                for x in locs:
                    r = by[x]
                    v1, v2 = fval(r, f1), fval(r, f2)
                    if not v1 or not v2 or vals1[v1] < 2 or vals2[v2] < 2 or x in seen_ans:
                        continue
                    hits = [o for o in recs if fval(o, f1) == v1 and fval(o, f2) == v2]
                    if len(hits) == 1 and fshown(r, f1) and fshown(r, f2):
                        opts.append((x, v1, v2))
                if not opts:
                    continue
                x, v1, v2 = rng.choice(opts)
                c1 = FILTER_PHRASE[f1].format(v=v1)
                c2 = FILTER_PHRASE[f2].format(v=v2)
                q = rng.choice(FILTER_TEMPLATES).format(c1=c1, c2=c2)
                items.append({"question": q, "answers": [x], "type": "filter", "evidence": [did[x]], "kind": "filter",
                              "where": {f1: v1, f2: v2}})
                seen_ans.add(x)
                used |= {(x, FILTER_FIELD.get(f, f)) for f in (f1, f2)}
            fp = fp[1:] + fp[:1]
        # single hop
        order = SINGLE_ORDER[:]
        k_i = 0
        pool = [x for x in locs if x not in subject]
        rng.shuffle(pool)
        guard = 0
        while sum(it["type"] == "single_hop" for it in items) < want["single_hop"] and guard < 500:
            guard += 1
            kind = order[k_i % len(order)]
            k_i += 1
            fld = FIELD_OF.get(kind, kind)
            for x in pool:
                if x in subject or (x, fld) in used:
                    continue
                v = single_value(by[x], kind)
                if not v:
                    continue
                q = rng.choice(SINGLE_TEMPLATES[kind]).format(l=x)
                items.append({"question": q, "answers": v, "type": "single_hop", "evidence": [did[x]], "kind": kind})
                subject.add(x)
                used.add((x, fld))
                break
        # unanswerable
        for a_loc in absent_for[s]:
            fld, tpl = ABSENT_LOCALE_TEMPLATES[rng.randrange(len(ABSENT_LOCALE_TEMPLATES))]
            items.append({"question": tpl.format(l=a_loc, n=ABSENT[a_loc]), "answers": [], "type": "unanswerable",
                          "evidence": [], "kind": "absent-locale", "locale": a_loc, "field": fld})
        fields = sorted(ABSENT_FIELDS)
        rng.shuffle(fields)
        upool = [x for x in locs]
        rng.shuffle(upool)
        for j in range(want["unanswerable"] - ABSENT_SPLIT[s]):
            x = upool[j]
            f = fields[j % len(fields)]
            items.append({"question": ABSENT_FIELD_TEMPLATES[f].format(l=x), "answers": [], "type": "unanswerable",
                          "evidence": [], "kind": "absent-field", "field": f, "locale": x})
        rng.shuffle(items)
        tag = "c8-dev" if s == "dev" else "c8-test"
        out[s] = [{"id": f"{tag}-{n:03d}", **it} for n, it in enumerate(items, 1)]
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
    for rel, text in render_all(recs).items():
        p = CORPUS / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    for s, items in qs.items():
        (OUT / f"{s}.jsonl").write_text(qa_text(items), encoding="utf-8")
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    print(f"{len(recs)} pages in {CORPUS}; layouts {dict(Counter(layout(r) for r in recs))}; regions "
          f"{dict(Counter(r['region'] for r in recs))}")
    for s, items in qs.items():
        print(f"{s}: {len(items)} items {dict(Counter(it['type'] for it in items))}")


# ------------------------------------------------------------------ check


def _near_miss(v: str) -> str:
    m = list(re.finditer(r"\d", v))[-1]
    return v[: m.start()] + str((int(m.group()) + 1) % 10) + v[m.end() :]


def report(results: list[tuple[str, list[str]]]) -> int:
    fails = 0
    for name, bad in results:
        print(("PASS " if not bad else "FAIL ") + name)
        for b in bad[:20]:
            print("     ", b)
        fails += bool(bad)
    print("all checks passed" if not fails else f"{fails} checks failed")
    return 1 if fails else 0


def _fact_problems(it, by, did, has, low) -> list[str]:
    """Does an item's gold agree with snapshot.json? The item's `kind` and keys name the fact."""
    kind, meta, out = it.meta.get("kind"), it.meta, []
    loc_of = {v: k for k, v in did.items()}
    if it.type == "single_hop":
        r = by.get(loc_of.get(it.evidence[0], ""))
        if r is None or len(it.evidence) != 1 or not _named(r["locale"], it.question):
            return [f"{it.id}: the one evidence page is not the locale the question names"]
        if list(it.answers) != single_value(r, kind):
            out.append(f"{it.id}: gold {it.answers} is not the snapshot's {kind} {single_value(r, kind)}")
    elif it.type == "multi_hop":
        if len(it.evidence) != 2:
            return [f"{it.id}: evidence is not [subject, copied-from locale]"]
        a, t = by[loc_of[it.evidence[0]]], by[loc_of[it.evidence[1]]]
        sec, f = meta.get("via"), meta.get("field")
        if a[sec].get("copy") != t["locale"] or "copy" in t[sec]:
            out.append(f"{it.id}: {a['locale']}'s {sec} is not copied from {t['locale']}, or that copies again")
        if it.answers != [t[sec].get(f)] or a["resolved"][sec].get(f) != t[sec].get(f):
            out.append(f"{it.id}: gold is not {t['locale']}'s {f}")
        if has(it.evidence[0], it.answers[0]):
            out.append(f"{it.id}: gold already on the subject's page (not a hop)")
        if t["locale"].lower() not in low[it.evidence[0]]:
            out.append(f"{it.id}: the subject's page does not name {t['locale']}")
        if not _named(a["locale"], it.question) or _named(t["locale"], it.question):
            out.append(f"{it.id}: question must name the subject and not the copied-from locale")
    elif it.type == "comparison":
        ra, rb = (by.get(o) for o in it.options)
        if ra is None or rb is None or [did[o] for o in it.options] != it.evidence:
            return [f"{it.id}: options are not the evidence locales"]
        gold = it.answers[0]
        win, lose = (ra, rb) if gold == ra["locale"] else (rb, ra)
        x = meta.get("target")
        if kind in ("higher-num", "lower-num"):
            w, l_ = int(win["address"]["country_num"]), int(lose["address"]["country_num"])
            if not (w > l_ if kind == "higher-num" else w < l_):
                out.append(f"{it.id}: {gold} does not win {kind}")
        elif kind in ("earlier-date", "later-date"):
            w, l_ = win["identification"]["date"], lose["identification"]["date"]
            if not (_iso(w) and _iso(l_) and (w < l_ if kind == "earlier-date" else w > l_)):
                out.append(f"{it.id}: {gold} does not win {kind}")
        elif kind in ("currency-which", "weekday-which", "prefix-which"):
            sec, f = {"currency-which": ("monetary", "int_curr_symbol"), "weekday-which": ("time", "first_day"),
                      "prefix-which": ("telephone", "int_prefix")}[kind]  # fmt: skip
            if not (win[sec].get(f) == x and lose[sec].get(f) and lose[sec].get(f) != x):
                out.append(f"{it.id}: {x} is not stated for the winner alone")
            if has(did[lose["locale"]], x) or not has(did[win["locale"]], x) or x not in it.question:
                out.append(f"{it.id}: {x} on the other page, or not on the winner's, or not asked")
        else:
            out.append(f"{it.id}: unknown comparison kind {kind}")
    elif it.type == "filter":
        where = meta.get("where") or {}
        hits = [k for k, r in by.items() if all(fval(r, f) == v for f, v in where.items())]
        gold = it.answers[0]
        if len(where) < 2 or hits != [gold] or it.evidence != [did[gold]]:
            out.append(f"{it.id}: filter {where} matches {hits}")
        for f, v in where.items():
            if sum(fval(r, f) == v for r in by.values()) < 2:
                out.append(f"{it.id}: condition {f}={v} alone already singles out one record")
            if not fshown(by[gold], f) or not has(did[gold], v) or v not in it.question:
                out.append(f"{it.id}: {f}={v!r} not stated on the answer's page or not in the question")
    elif it.type == "reverse":
        t = meta.get("title", "")
        r = by.get(it.answers[0])
        if r is None or r["identification"].get("title") != t or t not in it.question:
            return [f"{it.id}: quoted title is not {it.answers[0]}'s"]
        same = [k for k, o in by.items() if o["identification"].get("title", "").lower() == t.lower()]
        if same != [r["locale"]]:
            out.append(f"{it.id}: title shared by {same}")
        if any(t.lower() in low[i] for i in low if i != did[r["locale"]]):
            out.append(f"{it.id}: title on another page")
    return out


def check() -> int:
    if str(ROOT / "src") not in sys.path:  # run without PYTHONPATH=src too
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    results: list[tuple[str, list[str]]] = []
    snap = load_snapshot()
    recs = snap["records"]
    by = {r["locale"]: r for r in recs}
    did = {r["locale"]: doc_id(r) for r in recs}
    by_id = {doc_id(r): r for r in recs}

    # 1. a fresh rendering of the snapshot equals the committed corpus and questions
    fresh = render_all(recs)
    have = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file()}
    diff = [f"missing from corpus/: {x}" for x in sorted(set(fresh) - have)]
    diff += [f"not rendered from the snapshot: {x}" for x in sorted(have - set(fresh))]
    diff += [f"differs from its rendering: {x}" for x in sorted(set(fresh) & have)
             if (CORPUS / x).read_text(encoding="utf-8") != fresh[x]]  # fmt: skip
    results.append((f"a rendering of snapshot.json equals corpus/ ({len(have)} files)", diff))
    qs = make_questions(snap)
    qdiff = [f"{s}.jsonl differs from its generation" for s in qs
             if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append(("dev.jsonl and test.jsonl equal a fresh generation from snapshot.json (seed "
                    f"{SEED})", qdiff))

    # 2. the loader reads every page
    files, problems = scan(CORPUS)
    docs, load_bad = {}, []
    for f in files:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    bad = [str(p) for p in problems] + load_bad + ([] if len(docs) == len(recs) else [f"{len(docs)} != {len(recs)}"])
    bad += [i for i, d in docs.items() if i not in by_id or d.title != by_id[i]["locale"]
            or d.metadata.get("locale") != by_id[i]["locale"] or d.metadata.get("region") != by_id[i]["region"]
            or d.metadata.get("language") != by_id[i]["identification"].get("language")
            or d.metadata.get("territory") != by_id[i]["identification"].get("territory")]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents, each titled by its locale, "
                    "with front matter locale / region / language / territory", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}  # body text only: front matter is metadata
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    bad = []
    for i, r in by_id.items():
        idn = r["identification"]
        for v in (r["locale"], r["region"], idn.get("language", ""), idn.get("territory", "")):
            if not v or v.lower() not in low.get(i, ""):
                bad.append(f"{i}: {v!r} not in the body")
        for sec in SECTIONS:  # a copied section names its source and states none of its own values
            src = r[sec].get("copy")
            if src and src not in full.get(i, ""):
                bad.append(f"{i}: {sec} copy of {src} not named")
    results.append(("every front-matter value is stated in the page body; every copied category names its source",
                    bad))
    layouts_seen = Counter(layout(r) for r in recs)
    results.append((f"three layouts {dict(layouts_seen)}", [] if len(layouts_seen) == 3 and min(layouts_seen.values()) >= 20
                    else ["layouts uneven"]))

    def has(e, v):
        return contains_tokens(ftoks[e], answer_tokens(v))

    # 3. the QA files
    rows: dict[str, list[dict]] = {}
    parse_bad = []
    for s in ("dev", "test"):
        rows[s] = []
        for n, line in enumerate((OUT / f"{s}.jsonl").read_text(encoding="utf-8").split("\n"), 1):
            if line.strip():
                try:
                    rows[s].append(json.loads(line))
                except json.JSONDecodeError as e:
                    parse_bad.append(f"{s}:{n}: {e}")
    items, loadq = {}, []
    for s in ("dev", "test"):
        try:
            items[s] = load_qa(OUT / f"{s}.jsonl", corpus_ids=set(docs))
        except Exception as e:  # noqa: BLE001
            loadq.append(f"{s}: {e}")
    results.append(("every line parses as JSON and load_qa reads both splits with the corpus ids", parse_bad + loadq))
    if loadq or parse_bad:
        return report(results)

    allitems = [(s, it) for s in ("dev", "test") for it in items[s]]
    idf, ev, gold_in, gold_ok, near, cmpw, abst, facts = ([] for _ in range(8))
    ids = Counter(it.id for _, it in allitems)
    idf += [f"{i} twice" for i, c in ids.items() if c > 1]
    for s, it in allitems:
        kind = it.meta.get("kind")
        if not kind:
            idf.append(f"{it.id}: no kind")
        if not re.fullmatch(rf"c8-{s}-\d\d\d", it.id):
            idf.append(f"{it.id}: id not c8-{s}-NNN")
        if it.type not in WANT[s]:
            idf.append(f"{it.id}: type {it.type}")
        if it.type == "unanswerable" and it.evidence:
            ev.append(f"{it.id}: unanswerable with evidence")
        if it.answerable and not it.evidence:
            ev.append(f"{it.id}: no evidence")
        ev += [f"{it.id}: evidence {e} not a document" for e in it.evidence if e not in docs]
        if bool(it.options) != (it.type == "comparison"):
            ev.append(f"{it.id}: options only (and always) on comparisons")
        if not it.answerable:
            if not is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores wrong")
            if is_correct(it, "It is EUR.", False) or is_correct(it, "The code is 41.", False):
                abst.append(f"{it.id}: an answer scores correct")
            continue
        if is_correct(it, "The documents do not say.", False):
            abst.append(f"{it.id}: abstention scores correct on an answerable item")
        for g in it.answers:
            if not any(g.lower() in low[e] for e in it.evidence):
                gold_in.append(f"{it.id}: {g!r} not in the evidence text (case-insensitive)")
            if not answer_tokens(g) or not any(has(e, g) for e in it.evidence):
                gold_in.append(f"{it.id}: {g!r} not in the evidence tokens")
            if not is_correct(it, g, False) or not is_correct(it, f"The answer is {g}.", False):
                gold_ok.append(f"{it.id}: {g!r}")
            if g.strip().lower() in ("none", "nothing", "yes", "no"):
                gold_ok.append(f"{it.id}: bare {g!r}")
        if kind in ("num", "prefix", "date", "revision", "paper", "copy-prefix", "copy-paper") and re.search(r"\d", it.answers[0]):
            nm = _near_miss(it.answers[0])
            if is_correct(it, nm, False) or is_correct(it, f"The answer is {nm}.", False):
                near.append(f"{it.id}: {nm}")
        if it.options:
            a, b = it.options[:2]
            if it.answers[0] not in it.options:
                cmpw.append(f"{it.id}: gold not an option")
            for w in [o for o in it.options if o not in it.answers]:
                if is_correct(it, w, False) or is_correct(it, f"{w} does.", False) or \
                        is_correct(it, f"The answer is {w}.", False):
                    cmpw.append(f"{it.id}: wrong option scores correct")
            for hedge in (f"{a} or {b}", f"{b} or {a}", f"{a} and {b}."):
                if is_correct(it, hedge, False):
                    cmpw.append(f"{it.id}: hedge {hedge!r} scores correct")
        facts += _fact_problems(it, by, did, has, low)
    results += [
        ("ids c8-<split>-NNN, unique; every item has a kind; options only on comparisons; evidence: answerable "
         "has some, unanswerable none, every id a loaded document", idf + ev),
        ("every gold string occurs in an evidence page's text (case-insensitive) and as accuracy tokens", gold_in),
        ("every gold scores correct alone and in 'The answer is <gold>.'; no bare none / yes / no", gold_ok),
        ("a near-miss number (last digit changed) scores wrong", near),
        ("comparisons: gold is an option; the wrong option (alone, 'X does.', in a sentence), 'A or B', "
         "'B or A', 'A and B.' score wrong", cmpw),
        ("'The documents do not say.' scores correct exactly on the unanswerable items; answers score wrong there",
         abst),
        ("facts agree with snapshot.json (single-hop values, copy hops, comparison winners, filters matching exactly "
         "one record, reverse titles unique)", facts),
    ]

    # 4. split separation and unanswerables
    def pages_of(s):
        out = set()
        for r in rows[s]:
            out |= set(r.get("evidence", []))
            if r.get("kind") == "absent-field" and r.get("locale") in by:
                out.add(did[r["locale"]])
        return out

    subj = [f"{s}: {e} is the subject of {c} single-hop / multi-hop items"
            for s in rows for e, c in Counter(r["evidence"][0] for r in rows[s]
                                              if r["type"] in ("single_hop", "multi_hop")).items() if c > 1]
    both = sorted(pages_of("dev") & pages_of("test"))
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    qdup = [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    absent_in = {s: {r["locale"] for r in rows[s] if r["kind"] == "absent-locale"} for s in rows}
    results.append(("no page asked about in both splits (evidence, the locale of an absent-field item), no absent "
                    "locale in both, no question repeated across splits; within a split a page is the subject of "
                    "one single-hop or multi-hop item at most", both + sorted(absent_in["dev"] & absent_in["test"])
                    + qdup + subj))
    corpus_low = "\n".join(full.values()).lower()
    ctoks = _tok(corpus_low)
    un = []
    for s in rows:
        for r in rows[s]:
            if r["type"] != "unanswerable":
                continue
            if r["kind"] == "absent-locale":
                p = r.get("locale", "")
                if p not in ABSENT or p not in snap["locale_files"] or p in by or _contains(ctoks, _tok(p)) \
                        or not _named(p, r["question"]):
                    un.append(f"{r['id']}: absent locale {p!r} is catalogued, not a glibc locale, on a page or not asked")
                if any(_named(m, r["question"]) for m in by):
                    un.append(f"{r['id']}: names a catalogued locale")
            elif r["kind"] == "absent-field":
                f, p = r.get("field"), r.get("locale")
                if f not in ABSENT_FIELDS or p not in by or not _named(p, r["question"]):
                    un.append(f"{r['id']}: field {f!r} / locale {p!r} unknown or not asked")
                    continue
                for wd in ABSENT_FIELDS[f]:
                    if (" " in wd or "." in wd or "-" in wd) and wd in corpus_low or wd in ctoks:
                        un.append(f"{r['id']}: the corpus holds {wd!r}")
            else:
                un.append(f"{r['id']}: unknown unanswerable kind {r['kind']!r}")
    results.append(("unanswerable: absent locales are real glibc locales, not catalogued and named on no page; "
                    "absent fields' words are on no page", un))
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    sha_ok = (OUT / "test.jsonl.sha256").read_text(encoding="utf-8") == f"{digest}  test.jsonl\n"
    results.append(("test.jsonl matches test.jsonl.sha256", [] if sha_ok else ["sha256 mismatch"]))
    counts = {s: dict(Counter(it.type for it in items[s])) for s in items}
    size = [f"{s}: {counts[s]} != {WANT[s]}" for s in WANT if counts[s] != WANT[s]]
    results.append((f"split sizes and type mix (dev {len(items['dev'])}, test {len(items['test'])})", size))
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
