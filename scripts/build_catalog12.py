"""Build the catalog12 evaluation corpus: time zones of this machine's tz database.

    PYTHONPATH=src python scripts/build_catalog12.py snapshot [--force]  # /usr/share/zoneinfo -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog12.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog12.py check               # loader + scorer + fact checks, no model

`snapshot` reads /usr/share/zoneinfo: `zone.tab` (the country code, ISO 6709 coordinates and
comment of each zone), `zone1970.tab` (the countries whose clocks have agreed with the zone since
1970), `iso3166.tab` (country names) and the `L` (link) lines of `tzdata.zi` (backward-compatible
names that point to a zone, kept only where the link's file exists on this machine), and uses
Python's `zoneinfo` on the compiled files of /usr/share/zoneinfo for the UTC offset and
abbreviation of each CHOSEN zone on 15 January and 15 July 2026 and every change of its UTC offset
during 2026 (date, local wall-clock time before and after, offsets and abbreviations). For the
checks only it also keeps every row of zone.tab, every link and the tzdata version. Written to
`evalsets/catalog12/snapshot.json` (committed; `snapshot` refuses to overwrite it without --force):
another machine's tzdata may differ, so the committed snapshot and pages are the corpus.

`build` renders one markdown page per zone from snapshot.json alone, `<area>/<location>.md`
(`europe/madrid`, `america/sao-paulo`), titled `# <zone>`, with YAML front matter (zone, country,
offset_january: metadata for filters, each also stated in the body) and a body in one of three
layouts dealt in turn in the order of sha256("catalog12:<id>"): `almanac` (paragraphs, wording
varied per page), `matrix` (pipe tables: the record, the two sample dates, the 2026 clock changes,
the link names) or `outline` (headed sections of `Label: value` bullets). Then it generates
dev.jsonl and test.jsonl from the snapshot (seeded, SEED) and writes test.jsonl.sha256. It refuses
to overwrite corpus/ or the question files without --force.

`check` renders the snapshot and the questions again into memory and compares them with the
committed files, loads the corpus with ragtune's loader, reads both splits with `load_qa`, and
checks every item (evidence, gold in evidence text and tokens, scoring verdicts, facts against the
snapshot, split separation, unanswerables absent, the sha256, the type mix).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog12"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
TZDIR = Path("/usr/share/zoneinfo")
SEED = 12
YEAR = 2026
SAMPLE_DAYS = {"jan": (1, 15), "jul": (7, 15)}  # (month, day), noon UTC
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip

# 88 canonical zones (rows of zone1970.tab and zone.tab), from every area of the database. 19
# countries have exactly two catalogued zones (Spain: Europe/Madrid and Africa/Ceuta, Portugal,
# Chile, Ecuador, Australia, New Zealand, Canada, the United States, Mexico, Brazil, Russia,
# Kazakhstan, Indonesia, Greenland, Mongolia, Cyprus, French Polynesia, Kiribati); each page names
# the other zone of its country, so multi-hop questions exist (HOPS, derived: the pairs). Left out:
# zones whose location is a common English word (Atlantic/Canary, Pacific/Easter, America/Phoenix,
# America/Anchorage, Indian/Christmas, Antarctica/Troll, Pacific/Midway, ...), and zones whose name
# repeats another's words.
CHOSEN = [
    # the pairs (two catalogued zones of one country)
    "Europe/Madrid", "Africa/Ceuta", "Europe/Lisbon", "Atlantic/Azores", "America/Santiago", "America/Punta_Arenas",
    "America/Guayaquil", "Pacific/Galapagos", "Australia/Adelaide", "Australia/Lord_Howe", "Pacific/Auckland",
    "Pacific/Chatham", "America/St_Johns", "America/Regina", "America/Chicago", "Pacific/Honolulu",
    "America/Mexico_City", "America/Tijuana", "America/Sao_Paulo", "America/Manaus", "Europe/Kaliningrad",
    "Asia/Vladivostok", "Asia/Almaty", "Asia/Aqtau", "Asia/Jakarta", "Asia/Jayapura", "America/Nuuk",
    "America/Danmarkshavn", "Asia/Ulaanbaatar", "Asia/Hovd", "Asia/Nicosia", "Asia/Famagusta", "Pacific/Tahiti",
    "Pacific/Marquesas", "Pacific/Tarawa", "Pacific/Kiritimati",
    # Europe
    "Europe/Berlin", "Europe/Paris", "Europe/London", "Europe/Dublin", "Europe/Rome", "Europe/Vienna",
    "Europe/Warsaw", "Europe/Athens", "Europe/Helsinki", "Europe/Kyiv", "Europe/Istanbul", "Europe/Tallinn",
    "Europe/Minsk", "Europe/Chisinau", "Europe/Zurich", "Europe/Tirane",
    # Africa
    "Africa/Cairo", "Africa/Lagos", "Africa/Nairobi", "Africa/Johannesburg", "Africa/Casablanca", "Africa/Abidjan",
    "Africa/Windhoek", "Africa/Maputo", "Africa/Khartoum", "Africa/Tripoli", "Africa/Algiers", "Africa/Monrovia",
    # Asia
    "Asia/Tokyo", "Asia/Shanghai", "Asia/Kolkata", "Asia/Dubai", "Asia/Tehran", "Asia/Kathmandu", "Asia/Karachi",
    "Asia/Dhaka", "Asia/Singapore", "Asia/Jerusalem", "Asia/Kabul", "Asia/Yangon", "Asia/Seoul",
    # the Americas
    "America/Havana", "America/Caracas", "America/Bogota", "America/Asuncion", "America/Lima", "America/Montevideo",
    # the oceans and Antarctica
    "Atlantic/Bermuda", "Atlantic/Stanley", "Indian/Mauritius", "Antarctica/Vostok", "Pacific/Apia",
]  # fmt: skip

# Zones of this machine's zone.tab that are NOT catalogued (checked: in zone.tab, not chosen, and
# named on no page), for unanswerable questions; each split takes its own.
ABSENT = ["Asia/Taipei", "America/Panama", "America/Guatemala", "America/Managua", "Africa/Tunis",
          "Europe/Sofia", "Europe/Malta", "Asia/Amman", "Asia/Damascus", "Asia/Dili", "Pacific/Noumea",
          "Pacific/Palau", "America/Paramaribo", "Asia/Thimphu", "Asia/Bishkek", "Asia/Ashgabat",
          "Pacific/Efate", "America/La_Paz"]  # fmt: skip

# What these pages never state about a zone, for unanswerable questions; the words an answer
# would need, none of which may occur on any page (checked).
ABSENT_FIELDS = {
    "population": ["population", "inhabitants"],
    "windows": ["windows"],
    "metazone": ["metazone", "cldr"],
    "elevation": ["elevation", "altitude", "above sea level"],
    "law": ["law", "decree", "legislation", "statute"],
    "lmt": ["lmt", "local mean time", "mean solar"],
    "calling": ["calling code", "dialling code", "dialing code"],
    "adopted": ["adopted", "introduced", "came into force"],
    "posix": ["posix", "tz string"],
}

AREAS = ["Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"]
DST_YES = "changes its clocks during 2026"
DST_NO = "keeps one UTC offset all through 2026"


# ------------------------------------------------------------------ reading the files


def read_tab(path: Path) -> list[list[str]]:
    return [ln.split("\t") for ln in path.read_text(encoding="utf-8").split("\n") if ln and not ln.startswith("#")]


def read_links(text: str) -> list[tuple[str, str]]:
    """(target, link name) of every `L` line of tzdata.zi."""
    out = []
    for ln in text.split("\n"):
        p = ln.split()
        if len(p) == 3 and p[0] == "L":
            out.append((p[1], p[2]))
    return out


def offset_text(td: timedelta) -> str:
    m = int(td.total_seconds()) // 60
    sign = "+" if m >= 0 else "-"
    return f"UTC{sign}{abs(m) // 60:02d}:{abs(m) % 60:02d}"


def date_text(d: datetime) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def coords(iso: str) -> dict:
    """ISO 6709 `+4024-00341` or `+404000-0034100` -> degrees and minutes (and seconds) with N/S E/W."""
    m = re.fullmatch(r"([+-])(\d{2})(\d{2})(\d{2})?([+-])(\d{3})(\d{2})(\d{2})?", iso)
    if not m:
        sys.exit(f"bad coordinates {iso}")
    ls, ld, lm, lsec, os_, od, om, osec = m.groups()

    def fmt(d, mi, s, hemi):
        return f"{int(d)}°{mi}′" + (f"{s}″" if s else "") + hemi

    lat = fmt(ld, lm, lsec, "N" if ls == "+" else "S")
    lon = fmt(od, om, osec, "E" if os_ == "+" else "W")
    lat_v = (int(ld) + int(lm) / 60 + int(lsec or 0) / 3600) * (1 if ls == "+" else -1)
    lon_v = (int(od) + int(om) / 60 + int(osec or 0) / 3600) * (1 if os_ == "+" else -1)
    return {"iso": iso, "lat": lat, "lon": lon, "lat_deg": round(lat_v, 5), "lon_deg": round(lon_v, 5)}


def zone_facts(zone: str) -> dict:
    from zoneinfo import ZoneInfo

    with open(TZDIR / zone, "rb") as f:
        zi = ZoneInfo.from_file(f, key=zone)
    samples = {}
    for k, (mo, dy) in SAMPLE_DAYS.items():
        t = datetime(YEAR, mo, dy, 12, tzinfo=timezone.utc).astimezone(zi)
        samples[k] = {"offset": offset_text(t.utcoffset()), "abbr": t.tzname(), "minutes": int(t.utcoffset().total_seconds()) // 60}
    changes = []
    t = datetime(YEAR, 1, 1, tzinfo=timezone.utc)
    end = datetime(YEAR + 1, 1, 1, tzinfo=timezone.utc)
    prev = t.astimezone(zi).utcoffset()
    while t < end:
        n = t + timedelta(hours=1)
        off = n.astimezone(zi).utcoffset()
        if off != prev:
            m = t
            while (m + timedelta(minutes=1)).astimezone(zi).utcoffset() == prev:
                m += timedelta(minutes=1)
            inst = m + timedelta(minutes=1)  # first minute with the new offset
            before = inst + prev
            after = inst + off
            changes.append({"utc": inst.strftime("%Y-%m-%d %H:%M"), "date": date_text(before.replace(tzinfo=None)),
                            "from_time": before.strftime("%H:%M"), "to_time": after.strftime("%H:%M"),
                            "from": offset_text(prev), "to": offset_text(off),
                            "from_abbr": (inst - timedelta(minutes=1)).astimezone(zi).tzname(),
                            "to_abbr": inst.astimezone(zi).tzname(),
                            "direction": "forward" if off > prev else "back",
                            "shift_minutes": abs(int((off - prev).total_seconds()) // 60)})  # fmt: skip
            prev = off
        t = n
    return {"samples": samples, "changes": changes}


def scan() -> dict:
    iso = {r[0]: r[1] for r in read_tab(TZDIR / "iso3166.tab")}
    ztab = [{"code": r[0], "coords": r[1], "zone": r[2], "comment": r[3] if len(r) > 3 else ""}
            for r in read_tab(TZDIR / "zone.tab")]  # fmt: skip
    z70 = {r[2]: {"codes": r[0].split(","), "coords": r[1], "comment": r[3] if len(r) > 3 else ""}
           for r in read_tab(TZDIR / "zone1970.tab")}  # fmt: skip
    zi_text = (TZDIR / "tzdata.zi").read_text(encoding="utf-8")
    version = re.search(r"^# version (\S+)", zi_text, re.M).group(1)
    links = [(t, ln) for t, ln in read_links(zi_text) if (TZDIR / ln).is_file()]
    by_zone = {r["zone"]: r for r in ztab}
    per_code = Counter(r["code"] for r in ztab)
    recs = []
    for z in CHOSEN:
        if z not in by_zone or z not in z70:
            sys.exit(f"{z}: not a row of both zone.tab and zone1970.tab")
        row = by_zone[z]
        area, _, loc = z.partition("/")
        rec = {"zone": z, "area": area, "location": loc.replace("_", " ").replace("/", ", "),
               "code": row["code"], "country": iso[row["code"]], "comment": row["comment"],
               "zone_tab_count": per_code[row["code"]],
               "codes1970": z70[z]["codes"], "countries1970": [iso[c] for c in z70[z]["codes"]],
               "coords": coords(row["coords"]),
               "links": sorted(ln for t, ln in links if t == z)}  # fmt: skip
        rec.update(zone_facts(z))
        recs.append(rec)
    recs.sort(key=lambda r: r["zone"])
    return {"source": f"{TZDIR} (tzdata {version}: zone.tab, zone1970.tab, iso3166.tab, tzdata.zi; Python zoneinfo)",
            "tzdata": version, "year": YEAR,
            "iso3166": iso, "zone_tab": ztab, "links": [list(x) for x in links], "records": recs}  # fmt: skip


# ------------------------------------------------------------------ record access


def abbr_alpha(a: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{3,5}", a or ""))


def observes(r: dict) -> bool:
    return bool(r["changes"])


def dst_text(r: dict) -> str:
    return DST_YES if observes(r) else DST_NO


def hemi(r: dict) -> str:
    return "northern hemisphere" if r["coords"]["lat_deg"] >= 0 else "southern hemisphere"


def side(r: dict) -> str:
    return "east of Greenwich" if r["coords"]["lon_deg"] >= 0 else "west of Greenwich"


def coord_text(r: dict) -> str:
    return f"{r['coords']['lat']} {r['coords']['lon']}"


def change(r: dict, direction: str) -> dict | None:
    cs = [c for c in r["changes"] if c["direction"] == direction]
    return cs[0] if len(cs) == 1 else None


def doc_id(r: dict) -> str:
    area, _, loc = r["zone"].partition("/")
    return f"{area.lower()}/{loc.lower().replace('_', '-').replace('/', '-')}"


def and_list(xs: list[str]) -> str:
    xs = list(xs)
    if not xs:
        return ""
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


_PARTNER: dict[str, list[str]] = {}


def partners(r: dict) -> list[str]:
    """The other catalogued zones of the record's zone.tab country."""
    return _PARTNER.get(r["zone"], [])


def set_partners(recs: list[dict]) -> None:
    _PARTNER.clear()
    by_code: dict[str, list[str]] = defaultdict(list)
    for r in recs:
        by_code[r["code"]].append(r["zone"])
    for r in recs:
        _PARTNER[r["zone"]] = sorted(z for z in by_code[r["code"]] if z != r["zone"])


# ------------------------------------------------------------------ pages


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog12:{salt}{key}".encode()).hexdigest(), 16)


LAYOUTS = ("almanac", "matrix", "outline")
_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    for i, d in enumerate(sorted((doc_id(r) for r in recs), key=_h)):
        _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[doc_id(r)]


def front_matter(r: dict) -> str:
    return ("---\n" f"zone: {json.dumps(r['zone'])}\n" f"country: {json.dumps(r['country'])}\n"
            f"offset_january: {json.dumps(r['samples']['jan']['offset'])}\n" "---\n")  # fmt: skip


def change_sentence(c: dict) -> str:
    return (f"on {c['date']} at {c['from_time']} local time clocks go {c['direction']} to {c['to_time']} "
            f"({c['from']} {c['from_abbr']} to {c['to']} {c['to_abbr']})")


def render(r: dict) -> str:
    z, kind, w = r["zone"], layout(r), _h(doc_id(r), "w")
    head = front_matter(r) + f"\n# {z}\n\n"
    jan, jul = r["samples"]["jan"], r["samples"]["jul"]
    c70 = [f"{c} ({n})" for c, n in zip(r["codes1970"], r["countries1970"])]
    cmt = r["comment"]
    pt = partners(r)
    nz = r["zone_tab_count"]
    links = r["links"]
    if kind == "matrix":
        cell = lambda s: s.replace("|", "\\|")  # noqa: E731
        rows = [("Area", r["area"]), ("Location", r["location"]), ("Country (zone.tab)", f"{r['country']} ({r['code']})"),
                ("Comment in zone.tab", f"\"{cmt}\"" if cmt else "(no comment: the only zone of its country)"),
                ("Zones zone.tab lists for the country", str(nz)),
                ("Countries in its zone1970.tab row", f"{len(c70)}: {', '.join(c70)}"),
                ("Principal location", f"{coord_text(r)} (ISO 6709 {r['coords']['iso']})"),
                ("Hemisphere", f"{hemi(r)}, {side(r)}"),
                ("Daylight saving time", f"the zone {dst_text(r)}"),
                ("Other catalogued zones of the country", ", ".join(pt) if pt else "none")]  # fmt: skip
        t1 = "| Attribute | Value |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for a, b in rows)
        t2 = ("| Date (2026) | UTC offset | Abbreviation |\n|---|---|---|\n"
              f"| 15 January {YEAR} | {jan['offset']} | {jan['abbr']} |\n| 15 July {YEAR} | {jul['offset']} | {jul['abbr']} |")
        if r["changes"]:
            t3 = "| Date | Clocks | Local time | Offset before | Offset after |\n|---|---|---|---|---|\n" + "\n".join(
                f"| {c['date']} | go {c['direction']} | {c['from_time']} -> {c['to_time']} | {c['from']} ({c['from_abbr']}) "
                f"| {c['to']} ({c['to_abbr']}) |" for c in r["changes"])
        else:
            t3 = f"No change of UTC offset in {YEAR}: the zone {DST_NO}."
        t4 = (f"{len(links)} link name{'s' if len(links) != 1 else ''} point to this zone:\n\n| Link name |\n|---|\n"
              + "\n".join(f"| {x} |" for x in links)) if links else "No link name points to this zone (0 links)."
        return head + t1 + "\n\n## Offsets on two dates\n\n" + t2 + f"\n\n## Clock changes in {YEAR}\n\n" + t3 + \
            "\n\n## Links (backward-compatible names)\n\n" + t4 + "\n"
    if kind == "outline":
        out = ["## Place", f"- Area: {r['area']}", f"- Location: {r['location']}",
               f"- Country: {r['country']} (code {r['code']})",
               f"- zone.tab comment: {cmt}" if cmt else "- zone.tab comment: (none; its country has a single zone)",
               f"- Zones listed for {r['country']} in zone.tab: {nz}",
               f"- zone1970.tab countries: {len(c70)} ({', '.join(c70)})",
               f"- Coordinates: {coord_text(r)} ({r['coords']['iso']})", f"- Hemisphere: {hemi(r)}; {side(r)}",
               "- Also catalogued for this country: " + (", ".join(pt) if pt else "no other zone"),
               "", "## Time", f"- 15 January {YEAR}: {jan['offset']}, abbreviation {jan['abbr']}",
               f"- 15 July {YEAR}: {jul['offset']}, abbreviation {jul['abbr']}",
               f"- Daylight saving: {dst_text(r)}"]  # fmt: skip
        for c in r["changes"]:
            out.append(f"- Clock change: {change_sentence(c)}")
        out += ["", "## Links", f"- Link names pointing here: {len(links)}"]
        out += [f"- Link: {x}" for x in links]
        return head + "\n".join(out) + "\n"
    # almanac
    p1 = [(f"{z} is the tz database zone for {r['location']}, in {r['country']} ({r['code']}).",
           f"The zone {z} keeps the time of {r['location']}; zone.tab files it under {r['country']} ({r['code']}).",
           f"In zone.tab, {z} is a zone of {r['country']} (country code {r['code']}), named after {r['location']}.")[w % 3]]
    if cmt:
        p1.append((f"Its zone.tab comment reads \"{cmt}\".", f"zone.tab describes the region it covers as \"{cmt}\".")[w % 5 % 2])
    else:
        p1.append("zone.tab gives it no comment, as the only zone of its country.")
    p1.append(f"zone.tab lists {nz} zone{'s' if nz != 1 else ''} for {r['country']}.")
    if pt:
        p1.append(f"The other zone of {r['country']} in this catalogue is {and_list(pt)}.")
    if len(c70) == 1:
        p1.append(f"Its zone1970.tab row names 1 country, {c70[0]}.")
    else:
        p1.append(f"Its zone1970.tab row names {len(c70)} countries whose clocks have agreed since 1970: {and_list(c70)}.")
    p2 = [(f"Its principal location is at {coord_text(r)} (ISO 6709: {r['coords']['iso']}), in the {hemi(r)} and {side(r)}.",
           f"The coordinates given are {coord_text(r)} ({r['coords']['iso']}): {hemi(r)}, {side(r)}.")[w % 7 % 2]]
    p3 = [f"On 15 January {YEAR} the zone is at {jan['offset']} ({jan['abbr']}); on 15 July {YEAR} it is at "
          f"{jul['offset']} ({jul['abbr']}).", f"The zone {dst_text(r)}."]
    if r["changes"]:
        p3.append(" ".join(f"{'First' if i == 0 else 'Then'}, {change_sentence(c)}." for i, c in enumerate(r["changes"])))
    if links:
        p4 = f"{len(links)} link name{'s' if len(links) != 1 else ''} point{'s' if len(links) == 1 else ''} to it: {and_list(links)}."
    else:
        p4 = "No link name points to it (0 links)."
    return head + "\n\n".join([" ".join(p1), " ".join(p2), " ".join(p3), p4]) + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = snap["records"]
    set_partners(recs)
    assign_layouts(recs)
    return {f"{doc_id(r)}.md": render(r) for r in recs}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's tz database again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    recs = snap["records"]
    print(f"tzdata {snap['tzdata']}: {len(snap['zone_tab'])} zone.tab rows, {len(snap['links'])} links; "
          f"{len(recs)} records; areas {dict(Counter(r['area'] for r in recs))}; "
          f"changing clocks {sum(observes(r) for r in recs)}; with links {sum(bool(r['links']) for r in recs)}")


# ------------------------------------------------------------------ questions

WANT = {"dev": {"single_hop": 14, "temporal": 3, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5,
                "multi_hop": 3},
        "test": {"single_hop": 24, "temporal": 5, "unanswerable": 12, "comparison": 9, "filter": 9, "reverse": 7,
                 "multi_hop": 5}}  # fmt: skip
N_DEV_PAGES = 35
ABSENT_SPLIT = {"dev": 4, "test": 6}  # absent-zone items; the rest of the unanswerables are absent-field


def _tok(s: str) -> list[str]:
    return re.findall(r"[^\W_]+", s.lower())


def _atok(s: str) -> list[str]:
    """Accuracy tokens (ragtune's `answer_tokens`): how the scorer compares a gold with a text."""
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.eval.tokens import answer_tokens

    return answer_tokens(s)


def _contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return bool(needle) and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def _named(name: str, text: str) -> bool:
    return _contains(_tok(text), _tok(name))


def _alnum(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


GENERIC_WORDS = {a.lower() for a in AREAS} | {"the", "and", "of", "for", "by", "us", "etc", "city", "islands", "island",
                                              "new", "san", "st", "el", "de", "la", "is"}  # fmt: skip


def _cores(zone: str) -> set[str]:
    """The distinctive stems of a zone name: `America/Sao_Paulo` -> sao, paulo."""
    return {t for t in _tok(zone) if len(t) >= 3 and t not in GENERIC_WORDS}


def _gives_away(x: str, zone: str) -> bool:
    """Does a value share a distinctive word with the zone's name, or hold a stem of it?"""
    core = _alnum(x)
    return bool((set(_tok(x)) & set(_tok(zone))) - GENERIC_WORDS) or any(c in core for c in _cores(zone))


def _clash(a: str, b: str) -> bool:
    ta, tb = _atok(a), _atok(b)
    return _contains(ta, tb) or _contains(tb, ta)


def golds_of_zone(z: str) -> list[str]:
    """A zone named as an answer: its name, and its location as the name writes it (`Sao Paulo`)."""
    loc = z.split("/", 1)[1].replace("_", " ")
    return [z, loc] if "/" not in loc else [z]


def offset_golds(off: str) -> list[str]:
    """An offset as pages write it (`UTC-03:00`); no short form (`UTC-3` as accuracy tokens would
    be found inside `UTC-03:30`)."""
    return [off]


def single_value(r: dict, kind: str) -> list[str]:
    """Gold answers of a single-hop / temporal kind for a record ([] when its page does not state
    it, or the value makes a poor gold: one that repeats the zone's name, a numeric abbreviation)."""
    z = r["zone"]
    if kind == "country":
        return [] if _gives_away(r["country"], z) else [r["country"]]
    if kind == "comment":
        c = r["comment"]
        return [c] if c and 1 <= len(_tok(c)) <= 7 and not re.search(r"[`'()]", c) and not _gives_away(c, z) else []
    if kind in ("offjan", "offjul"):
        return offset_golds(r["samples"][kind[3:]]["offset"])
    if kind in ("abbrjan", "abbrjul"):
        a = r["samples"][kind[4:]]["abbr"]
        return [a] if abbr_alpha(a) else []
    if kind == "coords":
        return [coord_text(r)]
    if kind == "ncountry":
        return [str(r["zone_tab_count"])] if r["zone_tab_count"] >= 2 else []
    if kind == "n1970":
        return [str(len(r["codes1970"]))] if len(r["codes1970"]) >= 2 else []
    if kind == "nlinks":
        return [str(len(r["links"]))] if len(r["links"]) >= 2 else []
    if kind == "link":
        return [r["links"][0]] if len(r["links"]) == 1 and not _gives_away(r["links"][0], z) else []
    if kind in ("fwd", "back"):
        c = change(r, "forward" if kind == "fwd" else "back")
        return [c["date"]] if c else []
    if kind in ("fwdto", "backto"):
        c = change(r, "forward" if kind == "fwdto" else "back")
        return offset_golds(c["to"]) if c else []
    return []


SINGLE_TEMPLATES = {
    "country": ["In which country is the zone {u}?", "Which country does zone.tab give for {u}?",
                "{u} is the time zone of which country?"],
    "comment": ["What does the zone.tab comment of {u} say?", "How does zone.tab describe the region that {u} covers?"],
    "offjan": ["What is the UTC offset of {u} on 15 January 2026?", "On 15 January 2026, what offset from UTC does {u} use?"],
    "offjul": ["What UTC offset does {u} use on 15 July 2026?", "Which offset from UTC applies in {u} on 15 July 2026?"],
    "abbrjan": ["Which time zone abbreviation does {u} use on 15 January 2026?",
                "What is the abbreviation of {u}'s time on 15 January 2026?"],
    "abbrjul": ["What abbreviation does {u} use on 15 July 2026?", "On 15 July 2026, which abbreviation is in use in {u}?"],
    "coords": ["What are the coordinates of the principal location of {u}?",
               "At which latitude and longitude is {u}'s principal location?"],
    "ncountry": ["How many zones does zone.tab list for the country of {u}?",
                 "The country of {u} has how many zones in zone.tab?"],
    "n1970": ["How many countries does the zone1970.tab row of {u} name?",
              "zone1970.tab lists {u} for how many countries?"],
    "nlinks": ["How many link names point to {u}?", "How many backward-compatible link names lead to {u}?"],
    "link": ["Which link name points to {u}?", "What older name is a link to {u}?"],
}  # fmt: skip
TEMPORAL_TEMPLATES = {
    "fwd": ["On what date in 2026 do clocks in {u} go forward?", "When in 2026 does {u} move its clocks forward?"],
    "back": ["On what date in 2026 do clocks in {u} go back?", "When in 2026 does {u} set its clocks back?"],
    "fwdto": ["When {u} puts its clocks forward in 2026, which UTC offset does it move to?"],
    "backto": ["After {u} sets its clocks back in 2026, what is its UTC offset?"],
}  # fmt: skip
SINGLE_ORDER = ["country", "offjan", "comment", "abbrjul", "coords", "ncountry", "offjul", "nlinks", "country",
                "link", "abbrjan", "n1970", "offjan", "comment", "coords", "country", "offjul", "abbrjul", "ncountry",
                "link", "offjan", "coords", "comment", "nlinks", "abbrjan"]  # fmt: skip
TEMPORAL_ORDER = ["fwd", "back", "fwdto", "fwd", "back", "backto"]
FIELD_OF = {"fwd": "changes", "back": "changes", "fwdto": "changes", "backto": "changes"}

HOP_KINDS = ["offjan", "offjul", "abbrjul", "comment", "coords", "fwd", "nlinks"]
HOP_INTRO = ["{u} shares its country with one other zone in this catalogue.",
             "Exactly one other zone described here lies in the same country as {u}."]
HOP_ASK = {
    "offjan": "What is that zone's UTC offset on 15 January 2026?",
    "offjul": "Which UTC offset does that zone use on 15 July 2026?",
    "abbrjul": "What abbreviation does that zone use on 15 July 2026?",
    "comment": "What does zone.tab's comment for that zone say?",
    "coords": "What are the coordinates of that zone's principal location?",
    "fwd": "On what date in 2026 do its clocks go forward?",
    "nlinks": "How many link names point to that zone?",
}  # fmt: skip

REVERSE_TEMPLATES = {
    "link": ["Which zone does the link name {v} point to?", "{v} is a link to which catalogued zone?"],
    "comment": ["Which zone has the zone.tab comment \"{v}\"?", "zone.tab describes one zone as \"{v}\". Which zone is it?"],
    "coords": ["Which zone has its principal location at {v}?", "The coordinates {v} belong to which zone?"],
}  # fmt: skip
REVERSE_FIELD = {"link": "link", "comment": "comment", "coords": "coords"}

CMP_TEMPLATES = {
    "ahead-jan": ["Which is further ahead of UTC on 15 January 2026, {a} or {b}?",
                  "On 15 January 2026, which has the larger UTC offset: {a} or {b}?"],
    "behind-jul": ["Which of {a} and {b} is further behind UTC on 15 July 2026?"],
    "north": ["Which lies further north, {a} or {b}?", "Of {a} and {b}, whose principal location is further north?"],
    "east": ["Which of {a} and {b} has its principal location further east?"],
    "dst-which": ["Which of {a} and {b} changes its clocks during 2026?",
                  "Only one of {a} and {b} changes its UTC offset in 2026. Which?"],
    "abbr-which": ["Which of {a} and {b} uses the abbreviation {x} on 15 July 2026?"],
    "link-which": ["Which of {a} and {b} is the target of the link name {x}?", "{x} is a link to which one, {a} or {b}?"],
    "nlinks-more": ["Which has more link names pointing to it, {a} or {b}?"],
}  # fmt: skip
CMP_FIELD = {"ahead-jan": "offjan", "behind-jul": "offjul", "north": "coords", "east": "coords", "dst-which": "dst",
             "abbr-which": "abbrjul", "link-which": "link", "nlinks-more": "nlinks"}  # fmt: skip

FILTER_PHRASE = {
    "country": "is in {v}", "offjan": "is at {v} on 15 January 2026", "offjul": "is at {v} on 15 July 2026",
    "abbrjul": "uses the abbreviation {v} on 15 July 2026", "dst": "{v}", "hemi": "lies in the {v}",
    "side": "lies {v}",
}  # fmt: skip
FILTER_TEMPLATES = ["Which zone {c1} and {c2}?", "Name the one zone that {c1} and {c2}.",
                    "Which catalogued zone {c1} and also {c2}?",
                    "Only one zone here {c1} and {c2}. Which is it?"]  # fmt: skip
AMONG_TEMPLATES = ["Of {cands}, which one {c}?", "Which of these zones {c}: {cands}?", "Among {cands}, which {c}?"]
FILTER_PAIRS = [("offjan", "hemi"), ("offjul", "side"), ("dst", "offjan"), ("dst", "offjul"), ("abbrjul", "hemi"),
                ("offjan", "side"), ("dst", "hemi"), ("offjul", "hemi"), ("abbrjul", "side")]  # fmt: skip
AMONG_FIELDS = ["offjan", "offjul", "country", "abbrjul"]
N_AMONG = {"dev": 2, "test": 3}

ABSENT_ZONE_TEMPLATES = [("offjan", "What is the UTC offset of {u} on 15 January 2026?"),
                         ("country", "In which country is the zone {u}?"),
                         ("abbrjul", "What abbreviation does {u} use on 15 July 2026?"),
                         ("coords", "What are the coordinates of the principal location of {u}?"),
                         ("offjul", "Which UTC offset does {u} use on 15 July 2026?")]  # fmt: skip
# (no clock-change question about an absent zone: for a zone that keeps one offset it would rest on a false premise)
ABSENT_FIELD_TEMPLATES = {
    "population": "What is the population of the city that {u} is named after?",
    "windows": "Which Windows time zone ID corresponds to {u}?",
    "metazone": "Which CLDR metazone does {u} belong to?",
    "elevation": "What is the elevation of the principal location of {u}?",
    "law": "Which law or decree set the current daylight saving rules of {u}?",
    "lmt": "What was the local mean time offset of {u} before it moved to standard time?",
    "calling": "What is the telephone calling code of the country of {u}?",
    "adopted": "In which year was the current standard offset of {u} adopted?",
    "posix": "What is the POSIX TZ string for {u}?",
}  # fmt: skip


def fval(r: dict, f: str) -> set[str]:
    """A record's values for a filter condition, as its page states them."""
    if f == "country":
        return {r["country"]}
    if f in ("offjan", "offjul"):
        return {r["samples"][f[3:]]["offset"]}
    if f == "abbrjul":
        a = r["samples"]["jul"]["abbr"]
        return {a} if abbr_alpha(a) else set()
    if f == "dst":
        return {dst_text(r)}
    if f == "hemi":
        return {hemi(r)}
    if f == "side":
        return {side(r)}
    return set()


def fmatch(r: dict, f: str, v: str) -> bool:
    return v in fval(r, f)


def hops(recs: list[dict]) -> list[tuple[str, str]]:
    """(subject, target): the two catalogued zones of a country with exactly two, both ways."""
    set_partners(recs)
    return sorted((r["zone"], partners(r)[0]) for r in recs if len(partners(r)) == 1)


def split_pages(recs: list[dict]) -> dict[str, str]:
    """dev / test per zone: the zones of one country stay together; components in the order of
    sha256, dealt to dev until it holds N_DEV_PAGES."""
    comps: dict[str, list[str]] = defaultdict(list)
    for r in recs:
        comps[r["code"]].append(r["zone"])
    order = sorted(comps.values(), key=lambda c: _h(min(c), "split"))
    out, ndev = {}, 0
    for c in order:
        s = "dev" if ndev + len(c) <= N_DEV_PAGES else "test"
        if s == "dev":
            ndev += len(c)
        for x in c:
            out[x] = s
    return out


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["zone"]: r for r in recs}
    did = {r["zone"]: doc_id(r) for r in recs}
    rendered = render_all(snap)
    split = split_pages(recs)
    pages = {k: rendered[f"{did[k]}.md"].split("\n---\n", 1)[1].lower() for k in by}  # body text only
    ptoks = {k: _atok(v) for k, v in pages.items()}
    rng = random.Random(SEED)
    allhops = hops(recs)
    out: dict[str, list[dict]] = {}
    absent = list(ABSENT)
    rng.shuffle(absent)
    absent_for = {"dev": absent[: ABSENT_SPLIT["dev"]],
                  "test": absent[ABSENT_SPLIT["dev"] : ABSENT_SPLIT["dev"] + ABSENT_SPLIT["test"]]}  # fmt: skip
    clashing = {x for x in by for o in by if o != x and _clash(x, o)}

    def on_other_pages(v: str, x: str) -> bool:
        return any(_contains(ptoks[o], _atok(v)) for o in by if o != x)

    for s in ("dev", "test"):
        want = WANT[s]
        zones = sorted(x for x in by if split[x] == s)
        items: list[dict] = []
        subject: set[str] = set()
        used: set[tuple[str, str]] = set()  # (zone, field) asked in this split
        in_cmp: set[str] = set()

        def n_of(tp):
            return sum(it["type"] == tp for it in items)

        # multi-hop
        cands = [h for h in allhops if split[h[0]] == s]
        rng.shuffle(cands)
        for a, t in cands:
            if n_of("multi_hop") == want["multi_hop"]:
                break
            if a in subject or t in subject:
                continue
            kinds = list(HOP_KINDS)
            rng.shuffle(kinds)
            kinds.sort(key=lambda k: sum(it.get("field") == k for it in items if it["type"] == "multi_hop"))
            for kind in kinds:
                gold = single_value(by[t], kind)
                if not gold or (t, FIELD_OF.get(kind, kind)) in used or any(_contains(ptoks[a], _atok(g)) for g in gold) \
                        or any(it["answers"] == gold for it in items):
                    continue
                q = rng.choice(HOP_INTRO).format(u=a) + " " + HOP_ASK[kind]
                items.append({"question": q, "answers": gold, "type": "multi_hop", "evidence": [did[a], did[t]],
                              "kind": f"hop-{kind}", "field": kind})
                subject |= {a, t}
                used |= {(a, "partner"), (t, FIELD_OF.get(kind, kind))}
                break
        # reverse
        rk = ["link", "comment", "coords", "link", "comment", "coords", "link"]
        cand = [x for x in zones if x not in clashing]
        rng.shuffle(cand)
        k_i = 0
        guard = 0
        while n_of("reverse") < want["reverse"] and guard < 200:
            guard += 1
            kind = rk[k_i % len(rk)]
            k_i += 1
            for x in cand:
                r = by[x]
                if (x, REVERSE_FIELD[kind]) in used or any(it["answers"][0] == x for it in items if it["type"] == "reverse"):
                    continue
                if kind == "comment":
                    vs = single_value(r, "comment")
                elif kind == "link":
                    vs = [ln for ln in r["links"] if not _gives_away(ln, x)][:1]
                else:
                    vs = [coord_text(r)]
                if not vs:
                    continue
                v = vs[0]
                if on_other_pages(v, x) or _gives_away(v, x):
                    continue
                items.append({"question": rng.choice(REVERSE_TEMPLATES[kind]).format(v=v), "answers": golds_of_zone(x),
                              "type": "reverse", "evidence": [did[x]], "kind": f"reverse-{kind}", "value": v})
                used.add((x, REVERSE_FIELD[kind]))
                break
        # comparisons
        kinds = list(CMP_TEMPLATES)
        rng.shuffle(kinds)
        k_i = 0
        pairs = [(a, b) for a in zones for b in zones if a < b and not _clash(a, b)]
        rng.shuffle(pairs)
        tries = 0
        while n_of("comparison") < want["comparison"] and tries < 80:
            kind = kinds[k_i % len(kinds)]
            k_i += 1
            tries += 1
            fld = CMP_FIELD[kind]
            for a, b in pairs:
                if a in in_cmp or b in in_cmp or (a, fld) in used or (b, fld) in used:
                    continue
                ra, rb = by[a], by[b]
                win, x = None, None
                if kind in ("ahead-jan", "behind-jul"):
                    k = "jan" if kind == "ahead-jan" else "jul"
                    ma, mb = ra["samples"][k]["minutes"], rb["samples"][k]["minutes"]
                    if ma == mb:
                        continue
                    hi = a if ma > mb else b
                    win = hi if kind == "ahead-jan" else (b if hi == a else a)
                elif kind in ("north", "east"):
                    k = "lat_deg" if kind == "north" else "lon_deg"
                    if abs(ra["coords"][k] - rb["coords"][k]) < 1:
                        continue
                    win = a if ra["coords"][k] > rb["coords"][k] else b
                elif kind == "nlinks-more":
                    na, nb = len(ra["links"]), len(rb["links"])
                    if na == nb or max(na, nb) < 2:
                        continue
                    win = a if na > nb else b
                elif kind == "dst-which":
                    if observes(ra) == observes(rb):
                        continue
                    win = a if observes(ra) else b
                else:
                    win = rng.choice([a, b])
                    lose = b if win == a else a
                    if kind == "abbr-which":
                        xs = [v for v in fval(by[win], "abbrjul")]
                    else:
                        xs = [ln for ln in by[win]["links"] if not _gives_away(ln, win)]
                    xs = [v for v in xs if not _contains(ptoks[lose], _atok(v)) and not _gives_away(v, win)
                          and not _gives_away(v, lose)]
                    if not xs:
                        continue
                    x = xs[0]
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
        # filters: candidates listed in the question, then two conditions over the whole catalogue
        seen_ans: set[str] = set()
        af = list(AMONG_FIELDS)
        rng.shuffle(af)
        guard = 0
        while sum(it.get("kind") == "filter-among" for it in items) < N_AMONG[s] and guard < 40:
            f = af[guard % len(af)]
            guard += 1
            order = [x for x in zones if x not in clashing]
            rng.shuffle(order)
            for x in order:
                if x in seen_ans or (x, f) in used or not fval(by[x], f):
                    continue
                v = sorted(fval(by[x], f))[0]
                if _gives_away(v, x):
                    continue
                others = [o for o in zones if o != x and o not in clashing and (o, f) not in used and fval(by[o], f)
                          and not fmatch(by[o], f, v) and not _contains(ptoks[o], _atok(v)) and not _gives_away(v, o)]
                if len(others) < 3:
                    continue
                rng.shuffle(others)
                group = others[:3] + [x]
                rng.shuffle(group)
                q = rng.choice(AMONG_TEMPLATES).format(cands=and_list(group), c=FILTER_PHRASE[f].format(v=v))
                items.append({"question": q, "answers": [x], "type": "filter", "evidence": [did[x]],
                              "options": group, "kind": "filter-among", "where": {f: v}, "candidates": group})
                seen_ans.add(x)
                used |= {(o, f) for o in group}
                break
        fp = list(FILTER_PAIRS)
        rng.shuffle(fp)
        for _ in range(3):
            for f1, f2 in fp:
                if n_of("filter") == want["filter"]:
                    break
                opts = []
                for x in zones:
                    if x in clashing or x in seen_ans or (x, f1) in used or (x, f2) in used:
                        continue
                    for v1 in sorted(fval(by[x], f1)):
                        for v2 in sorted(fval(by[x], f2)):
                            c1 = sum(fmatch(o, f1, v1) for o in recs)
                            c2 = sum(fmatch(o, f2, v2) for o in recs)
                            if c1 < 2 or c2 < 2:
                                continue
                            hits = [o["zone"] for o in recs if fmatch(o, f1, v1) and fmatch(o, f2, v2)]
                            if hits != [x] or _gives_away(v1, x) or _gives_away(v2, x):
                                continue
                            if _contains(ptoks[x], _atok(v1)) and _contains(ptoks[x], _atok(v2)):
                                opts.append((x, v1, v2))
                if not opts:
                    continue
                x, v1, v2 = rng.choice(opts)
                q = rng.choice(FILTER_TEMPLATES).format(c1=FILTER_PHRASE[f1].format(v=v1), c2=FILTER_PHRASE[f2].format(v=v2))
                items.append({"question": q, "answers": golds_of_zone(x), "type": "filter", "evidence": [did[x]],
                              "kind": "filter", "where": {f1: v1, f2: v2}})
                seen_ans.add(x)
                used |= {(x, f1), (x, f2)}
            fp = fp[1:] + fp[:1]
        # single hop and temporal
        pool_ = [x for x in zones if x not in subject]
        rng.shuffle(pool_)
        for tp, order_, tpls in (("temporal", TEMPORAL_ORDER, TEMPORAL_TEMPLATES),
                                 ("single_hop", SINGLE_ORDER, SINGLE_TEMPLATES)):
            k_i = 0
            guard = 0
            while n_of(tp) < want[tp] and guard < 600:
                guard += 1
                kind = order_[k_i % len(order_)]
                k_i += 1
                fld = FIELD_OF.get(kind, kind)
                for x in pool_:
                    if x in subject or (x, fld) in used or (x, kind) in used:
                        continue
                    v = single_value(by[x], kind)
                    if not v:
                        continue
                    if any(did[x] in it["evidence"] and set(v) & set(it["answers"]) for it in items):
                        continue  # the same value of the same page already asked in another way
                    q = rng.choice(tpls[kind]).format(u=x)
                    items.append({"question": q, "answers": v, "type": tp, "evidence": [did[x]], "kind": kind})
                    subject.add(x)
                    used |= {(x, fld), (x, kind)}
                    break
        # unanswerable
        for a_u in absent_for[s]:
            fld, tpl = ABSENT_ZONE_TEMPLATES[rng.randrange(len(ABSENT_ZONE_TEMPLATES))]
            items.append({"question": tpl.format(u=a_u), "answers": [], "type": "unanswerable", "evidence": [],
                          "kind": "absent-zone", "zone": a_u, "field": fld})
        fields = sorted(ABSENT_FIELDS)
        rng.shuffle(fields)
        upool = [x for x in zones if x not in clashing]
        rng.shuffle(upool)
        n_f = want["unanswerable"] - ABSENT_SPLIT[s]
        for j in range(n_f):
            f = fields[j % len(fields)]
            x = upool[j]
            items.append({"question": ABSENT_FIELD_TEMPLATES[f].format(u=x), "answers": [], "type": "unanswerable",
                          "evidence": [], "kind": "absent-field", "field": f, "zone": x})
        rng.shuffle(items)
        tag = "c12-dev" if s == "dev" else "c12-test"
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
    for rel, text in render_all(snap).items():
        p = CORPUS / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    for s, items in qs.items():
        (OUT / f"{s}.jsonl").write_text(qa_text(items), encoding="utf-8")
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    print(f"{len(recs)} pages in {CORPUS}; layouts {dict(Counter(layout(r) for r in recs))}")
    for s, items in qs.items():
        print(f"{s}: {len(items)} items {dict(Counter(it['type'] for it in items))} "
              f"kinds {dict(Counter(it['kind'] for it in items))}")


# ------------------------------------------------------------------ check


def _near_miss(v: str, kind: str) -> str:
    """A wrong value one step from the gold: an offset one hour off, a date one day off, a count + 1."""
    m = re.fullmatch(r"UTC([+-])(\d\d):(\d\d)", v)
    if m:
        return f"UTC{m.group(1)}{(int(m.group(2)) + 1) % 24:02d}:{m.group(3)}"
    m = re.fullmatch(r"(\d+) (\w+) (\d{4})", v)
    if m:
        d = int(m.group(1))
        return f"{d + 1 if d < 28 else d - 1} {m.group(2)} {m.group(3)}"
    if v.isdigit():
        return str(int(v) + 1)
    return v


def report(results: list[tuple[str, list[str]]]) -> int:
    fails = 0
    for name, bad in results:
        print(("PASS " if not bad else "FAIL ") + name)
        for b in bad[:20]:
            print("     ", b)
        fails += bool(bad)
    print("all checks passed" if not fails else f"{fails} checks failed")
    return 1 if fails else 0


def _fact_problems(it, by, did, has, low, ptoks, snap) -> list[str]:
    """Does an item's gold agree with snapshot.json? The item's `kind` and keys name the fact."""
    kind, meta, out = it.meta.get("kind"), it.meta, []
    unit_of = {v: k for k, v in did.items()}
    if it.type in ("single_hop", "temporal"):
        r = by.get(unit_of.get(it.evidence[0], ""))
        if r is None or len(it.evidence) != 1 or not _named(r["zone"], it.question):
            return [f"{it.id}: the one evidence page is not the zone the question names"]
        if list(it.answers) != single_value(r, kind) or not it.answers:
            out.append(f"{it.id}: gold {it.answers} is not the snapshot's {kind} {single_value(r, kind)}")
    elif it.type == "multi_hop":
        if len(it.evidence) != 2:
            return [f"{it.id}: evidence is not [subject, the other zone of its country]"]
        a, t = by[unit_of[it.evidence[0]]], by[unit_of[it.evidence[1]]]
        f = meta.get("field")
        if partners(a) != [t["zone"]] or partners(t) != [a["zone"]] or a["code"] != t["code"]:
            out.append(f"{it.id}: {a['zone']} -> {t['zone']} are not the two catalogued zones of one country")
        if t["zone"].lower() not in low[it.evidence[0]]:
            out.append(f"{it.id}: the subject's page does not name {t['zone']}")
        if list(it.answers) != single_value(t, f) or not it.answers:
            out.append(f"{it.id}: gold is not {t['zone']}'s {f}")
        if any(has(it.evidence[0], g) for g in it.answers):
            out.append(f"{it.id}: a gold is already on the subject's page (not a hop)")
        if not _named(a["zone"], it.question) or _named(t["zone"], it.question):
            out.append(f"{it.id}: question must name the subject and not the other zone")
    elif it.type == "comparison":
        ra, rb = (by.get(o) for o in it.options)
        if ra is None or rb is None or [did[o] for o in it.options] != it.evidence:
            return [f"{it.id}: options are not the evidence zones"]
        gold = it.answers[0]
        win, lose = (ra, rb) if gold == ra["zone"] else (rb, ra)
        x = meta.get("target")
        if kind in ("ahead-jan", "behind-jul"):
            k = "jan" if kind == "ahead-jan" else "jul"
            wm, lm = win["samples"][k]["minutes"], lose["samples"][k]["minutes"]
            if not (wm > lm if kind == "ahead-jan" else wm < lm):
                out.append(f"{it.id}: {gold} does not win {kind}")
        elif kind in ("north", "east"):
            k = "lat_deg" if kind == "north" else "lon_deg"
            if not win["coords"][k] > lose["coords"][k]:
                out.append(f"{it.id}: {gold} is not further {kind}")
        elif kind == "nlinks-more":
            if not len(win["links"]) > len(lose["links"]):
                out.append(f"{it.id}: {gold} does not have more links")
        elif kind == "dst-which":
            if not observes(win) or observes(lose):
                out.append(f"{it.id}: {gold} is not the one that changes its clocks")
        elif kind in ("abbr-which", "link-which"):
            vals = (lambda r: fval(r, "abbrjul")) if kind == "abbr-which" else (lambda r: r["links"])
            if x not in vals(win) or x in vals(lose) or x not in it.question:
                out.append(f"{it.id}: {x!r} is not the winner's alone")
            if has(did[lose["zone"]], x) or not has(did[win["zone"]], x):
                out.append(f"{it.id}: {x} on the other page, or not on the winner's")
        else:
            out.append(f"{it.id}: unknown comparison kind {kind}")
    elif it.type == "filter":
        where = meta.get("where") or {}
        gold = it.answers[0]
        if it.evidence != [did.get(gold)]:
            out.append(f"{it.id}: evidence is not the answer's page")
        if kind == "filter-among":
            group = meta.get("candidates") or []
            (f, v), = where.items()
            hits = [o for o in group if fmatch(by[o], f, v)]
            if hits != [gold] or len(group) < 4 or list(it.options or []) != group or \
                    not all(_named(o, it.question) for o in group):
                out.append(f"{it.id}: among {group} {f}={v} matches {hits}")
            if any(_contains(ptoks[o], _atok(v)) for o in group if o != gold):
                out.append(f"{it.id}: {v!r} stated on another candidate's page")
        else:
            hits = [k for k, r in by.items() if all(fmatch(r, f, v) for f, v in where.items())]
            if len(where) < 2 or hits != [gold] or list(it.answers) != golds_of_zone(gold):
                out.append(f"{it.id}: filter {where} matches {hits}")
            for f, v in where.items():
                if sum(fmatch(r, f, v) for r in by.values()) < 2:
                    out.append(f"{it.id}: condition {f}={v} alone already singles out one record")
        for f, v in where.items():
            if v not in fval(by[gold], f) or not has(did[gold], v) or v not in it.question:
                out.append(f"{it.id}: {f}={v!r} not the answer's, not stated on its page or not in the question")
    elif it.type == "reverse":
        v = meta.get("value", "")
        r = by.get(it.answers[0])
        k = kind.split("-", 1)[1]
        ok = r is not None and v in it.question and list(it.answers) == golds_of_zone(r["zone"]) and (
            (k == "comment" and [v] == single_value(r, "comment")) or (k == "link" and v in r["links"])
            or (k == "coords" and v == coord_text(r)))  # fmt: skip
        if not ok:
            return [f"{it.id}: {v!r} is not {it.answers[0]}'s {k}"]
        if any(_contains(ptoks[o], _atok(v)) for o in by if o != r["zone"]):
            out.append(f"{it.id}: {v!r} on another page")
        if k == "link" and [t for t, ln in snap["links"] if ln == v] != [r["zone"]]:
            out.append(f"{it.id}: {v!r} is not a link to {r['zone']} in tzdata.zi")
    return out


def check() -> int:
    if str(ROOT / "src") not in sys.path:  # run without PYTHONPATH=src too
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    results: list[tuple[str, list[str]]] = []
    snap = load_snapshot()
    recs = snap["records"]
    by = {r["zone"]: r for r in recs}
    did = {r["zone"]: doc_id(r) for r in recs}
    by_id = {doc_id(r): r for r in recs}

    # 1. a fresh rendering of the snapshot equals the committed corpus and questions
    fresh = render_all(snap)
    have = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file()}
    diff = [f"missing from corpus/: {x}" for x in sorted(set(fresh) - have)]
    diff += [f"not rendered from the snapshot: {x}" for x in sorted(have - set(fresh))]
    diff += [f"differs from its rendering: {x}" for x in sorted(set(fresh) & have)
             if (CORPUS / x).read_text(encoding="utf-8") != fresh[x]]  # fmt: skip
    results.append((f"a rendering of snapshot.json equals corpus/ ({len(have)} files)", diff))
    qs = make_questions(snap)
    qdiff = [f"{s}.jsonl differs from its generation" for s in qs
             if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"dev.jsonl and test.jsonl equal a fresh generation from snapshot.json (seed {SEED})", qdiff))
    # the snapshot's records agree with its own zone.tab rows and links, and the hops are real
    bad = []
    ztab = {z["zone"]: z for z in snap["zone_tab"]}
    per_code = Counter(z["code"] for z in snap["zone_tab"])
    for r in recs:
        row = ztab.get(r["zone"])
        if row is None or (row["code"], row["coords"], row["comment"]) != (r["code"], r["coords"]["iso"], r["comment"]):
            bad.append(f"{r['zone']}: record and zone.tab row differ")
        if r["country"] != snap["iso3166"].get(r["code"]) or r["zone_tab_count"] != per_code[r["code"]]:
            bad.append(f"{r['zone']}: country name or zone count is not zone.tab's / iso3166.tab's")
        if r["links"] != sorted(ln for t, ln in snap["links"] if t == r["zone"]):
            bad.append(f"{r['zone']}: links differ from tzdata.zi's")
        if [r["samples"]["jan"]["offset"], r["samples"]["jul"]["offset"]] != \
                [offset_text(timedelta(minutes=r["samples"][k]["minutes"])) for k in ("jan", "jul")]:
            bad.append(f"{r['zone']}: offset text and minutes differ")
        if (not r["comment"]) != (r["zone_tab_count"] == 1):
            bad.append(f"{r['zone']}: a comment without other zones of its country, or none with them")
        if r["samples"]["jan"]["offset"] != r["samples"]["jul"]["offset"] and not r["changes"]:
            bad.append(f"{r['zone']}: two offsets but no clock change")
    if sorted(by) != sorted(CHOSEN):
        bad.append("records are not CHOSEN")
    hp = hops(recs)
    if len(hp) < 16:
        bad.append(f"only {len(hp)} hop directions")
    results.append(("every record matches zone.tab, iso3166.tab and tzdata.zi in the snapshot; offsets agree with "
                    f"their minutes; a zone.tab comment exactly where the country has several zones; {len(hp)} hop directions (19 countries with two catalogued zones)", bad))

    # 2. the loader reads every page
    files, problems = scan_corpus(CORPUS)
    docs, load_bad = {}, []
    for f in files:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    bad = [str(p) for p in problems] + load_bad + ([] if len(docs) == len(recs) else [f"{len(docs)} != {len(recs)}"])
    bad += [i for i, d in docs.items() if i not in by_id or d.title != by_id[i]["zone"]
            or d.metadata.get("zone") != by_id[i]["zone"] or d.metadata.get("country") != by_id[i]["country"]
            or d.metadata.get("offset_january") != by_id[i]["samples"]["jan"]["offset"]]  # fmt: skip
    results.append((f"corpus scans with no problems and loads {len(docs)} documents, each titled by its zone, "
                    "with front matter zone / country / offset_january", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}  # body text only: front matter is metadata
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    ptoks = {r["zone"]: _atok(full.get(did[r["zone"]], "")) for r in recs}
    bad = []
    for i, r in by_id.items():
        vals = [r["zone"], r["area"], r["location"], r["country"], r["code"], str(r["zone_tab_count"]),
                r["coords"]["iso"], r["coords"]["lat"], r["coords"]["lon"], hemi(r), side(r), dst_text(r),
                str(len(r["codes1970"])), str(len(r["links"]))] + r["codes1970"] + r["countries1970"] + r["links"] + \
               partners(r) + ([r["comment"]] if r["comment"] else []) + \
               [r["samples"][k][x] for k in ("jan", "jul") for x in ("offset", "abbr")] + \
               [c[x] for c in r["changes"] for x in ("date", "from_time", "to_time", "from", "to", "from_abbr",
                                                     "to_abbr", "direction")]  # fmt: skip
        for v in vals:
            if v.lower() not in low.get(i, "") and v.lower().replace("|", "\\|") not in low.get(i, ""):
                bad.append(f"{i}: {v!r} not in the body")
        for c in r["changes"]:
            if not contains_tokens(ftoks[i], answer_tokens(c["date"])):
                bad.append(f"{i}: {c['date']} not in the body as accuracy tokens")
    toks = Counter(" ".join(answer_tokens(r["zone"])) for r in recs)
    bad += [f"zones with the same accuracy tokens: {k}" for k, c in toks.items() if c > 1]
    locs = {r["zone"]: answer_tokens(golds_of_zone(r["zone"])[-1]) for r in recs}
    bad += [f"the location of {z} is found in the name of {o}" for z, lt in locs.items() for o in by
            if o != z and contains_tokens(answer_tokens(o), lt)]
    results.append(("every front-matter value and every field of the record (area, location, country and code, zone "
                    "count, zone.tab comment, zone1970.tab countries, coordinates, hemisphere, offsets and "
                    "abbreviations on both dates, the clock changes, the links and their number, the other "
                    "catalogued zone of the country) is stated in the page body; no two zones have the same "
                    "accuracy tokens, and no zone's location is found in another zone's name", bad))
    layouts_seen = Counter(layout(r) for r in recs)
    results.append((f"three layouts {dict(layouts_seen)}", [] if len(layouts_seen) == 3 and min(layouts_seen.values()) >= 25
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
        if not re.fullmatch(rf"c12-{s}-\d\d\d", it.id):
            idf.append(f"{it.id}: id not c12-{s}-NNN")
        if it.type not in WANT[s]:
            idf.append(f"{it.id}: type {it.type}")
        if it.type == "unanswerable" and it.evidence:
            ev.append(f"{it.id}: unanswerable with evidence")
        if it.answerable and not it.evidence:
            ev.append(f"{it.id}: no evidence")
        ev += [f"{it.id}: evidence {e} not a document" for e in it.evidence if e not in docs]
        if bool(it.options) != (it.type == "comparison" or kind == "filter-among"):
            ev.append(f"{it.id}: options only (and always) on comparisons and filter-among items")
        if not it.answerable:
            if not is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores wrong")
            for made_up in ("UTC+03:00.", "It is in France.", "About 1.2 million people.", "W. Europe Standard Time.",
                            "1972.", "+44."):
                if is_correct(it, made_up, False):
                    abst.append(f"{it.id}: {made_up!r} scores correct")
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
            if g.strip().lower() in ("none", "nothing", "yes", "no", "true", "false"):
                gold_ok.append(f"{it.id}: bare {g!r}")
        base = kind.replace("hop-", "")
        if base in ("offjan", "offjul", "fwd", "back", "fwdto", "backto", "ncountry", "n1970", "nlinks"):
            for g in it.answers[:1]:
                nm = _near_miss(g, base)
                if nm == g or is_correct(it, nm, False) or is_correct(it, f"The answer is {nm}.", False):
                    near.append(f"{it.id}: near miss {nm!r} scores correct")
        if it.options:
            a, b = it.options[:2]
            if it.answers[0] not in it.options:
                cmpw.append(f"{it.id}: gold not an option")
            for w in [o for o in it.options if o not in it.answers]:
                if is_correct(it, w, False) or is_correct(it, f"{w} does.", False) or \
                        is_correct(it, f"The answer is {w}.", False):
                    cmpw.append(f"{it.id}: wrong option scores correct")
            hedges = [f"{a} or {b}", f"{b} or {a}", f"{a} and {b}."]
            if kind == "filter-among":
                others = [o for o in it.options if o != it.answers[0]]
                hedges += [and_list(it.options), f"{it.answers[0]} or {others[0]}", f"{others[-1]} or {it.answers[0]}"]
            for hedge in hedges:
                if is_correct(it, hedge, False):
                    cmpw.append(f"{it.id}: hedge {hedge!r} scores correct")
        if it.type in ("reverse", "filter"):  # a gold zone: every other zone's name scores wrong
            cmpw += [f"{it.id}: another zone's name {o} scores correct" for o in by
                     if o != it.answers[0] and is_correct(it, o, False)]
        facts += _fact_problems(it, by, did, has, low, ptoks, snap)
    results += [
        ("ids c12-<split>-NNN, unique; every item has a kind; options only on comparisons and filter-among items; "
         "evidence: answerable has some, unanswerable none, every id a loaded document", idf + ev),
        ("every gold string occurs in an evidence page's text (case-insensitive) and as accuracy tokens", gold_in),
        ("every gold scores correct alone and in 'The answer is <gold>.'; no bare none / yes / no / true / false",
         gold_ok),
        ("a near miss (an offset one hour off, a date one day off, a count plus one) scores wrong", near),
        ("comparisons: gold is an option; the wrong option (alone, 'X does.', in a sentence), 'A or B', "
         "'B or A', 'A and B.' score wrong; reverse / filter: another zone's name scores wrong, and listing "
         "every candidate of a filter-among item too", cmpw),
        ("'The documents do not say.' scores correct exactly on the unanswerable items; answers score wrong there",
         abst),
        ("facts agree with snapshot.json (single-hop and temporal values, country hops, comparison winners, filters "
         "matching exactly one record or candidate, reverse values on no other page)", facts),
    ]

    # 4. split separation and unanswerables
    def pages_of(s):
        out = set()
        for r in rows[s]:
            out |= set(r.get("evidence", []))
            out |= {did[c] for c in r.get("candidates", [])}
            if r.get("kind") == "absent-field" and r.get("zone") in by:
                out.add(did[r["zone"]])
        return out

    subj = [f"{s}: {e} is the subject of {c} single-hop / temporal / multi-hop items"
            for s in rows for e, c in Counter(x for r in rows[s] if r["type"] in ("single_hop", "temporal", "multi_hop")
                                              for x in r["evidence"]).items() if c > 1]
    both = sorted(pages_of("dev") & pages_of("test"))
    twice = []  # within a split, no (page, field) asked, compared or filtered on by two items
    unit_of = {v: k for k, v in did.items()}
    for s in rows:
        seen: Counter = Counter()
        for r in rows[s]:
            ev_u = [unit_of[e] for e in r["evidence"]]
            if r["type"] in ("single_hop", "temporal"):
                seen[(ev_u[0], FIELD_OF.get(r["kind"], r["kind"]))] += 1
            elif r["type"] == "multi_hop":
                seen[(ev_u[0], "partner")] += 1
                seen[(ev_u[1], FIELD_OF.get(r["field"], r["field"]))] += 1
            elif r["type"] == "reverse":
                seen[(ev_u[0], REVERSE_FIELD[r["kind"].split("-", 1)[1]])] += 1
            elif r["type"] == "comparison":
                seen.update((x, CMP_FIELD[r["kind"]]) for x in ev_u)
            elif r["type"] == "filter":
                group = r.get("candidates") or ev_u
                seen.update((x, f) for x in group for f in r["where"])
        twice += [f"{s}: {k} asked {c} times" for k, c in seen.items() if c > 1]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    qdup = [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    absent_in = {s: {r["zone"] for r in rows[s] if r["kind"] == "absent-zone"} for s in rows}
    results.append(("no page asked about in both splits (evidence, filter candidates, the zone of an absent-field "
                    "item), no absent zone in both, no question repeated across splits; within a split a page is "
                    "the subject of one single-hop, temporal or multi-hop item at most, and no field of a page is "
                    "asked, compared or filtered on twice",
                    both + sorted(absent_in["dev"] & absent_in["test"]) + qdup + subj + twice))
    corpus_low = "\n".join(full.values()).lower()
    ctoks = _tok(corpus_low)
    tab_names = set(ztab)
    un = []

    def absent_ok(p: str) -> bool:
        loc = p.split("/", 1)[1]
        return p in tab_names and p not in by and p.lower() not in corpus_low and \
            not _contains(ctoks, _tok(loc)) and not any(p == ln for _, ln in snap["links"])

    for s in rows:
        for r in rows[s]:
            if r["type"] != "unanswerable":
                continue
            if r["kind"] == "absent-zone":
                p = r.get("zone", "")
                if p not in ABSENT or not absent_ok(p) or p not in r["question"]:
                    un.append(f"{r['id']}: absent zone {p!r} is catalogued, not in zone.tab, on a page or not asked")
                if any(_named(m, r["question"]) for m in by):
                    un.append(f"{r['id']}: names a catalogued zone")
            elif r["kind"] == "absent-field":
                f, p = r.get("field"), r.get("zone")
                if f not in ABSENT_FIELDS or p not in by or p not in r["question"]:
                    un.append(f"{r['id']}: field {f!r} / zone {p!r} unknown or not asked")
                    continue
                for wd in ABSENT_FIELDS[f]:
                    if (re.search(r"[ ./:-]", wd) and wd in corpus_low) or wd in ctoks or \
                            (" " not in wd and any(t.startswith(wd) for t in ctoks)):
                        un.append(f"{r['id']}: the corpus holds {wd!r}")
            else:
                un.append(f"{r['id']}: unknown unanswerable kind {r['kind']!r}")
    for f, wds in ABSENT_FIELDS.items():
        for wd in wds:
            if (re.search(r"[ ./:-]", wd) and wd in corpus_low) or wd in ctoks or \
                    (" " not in wd and any(t.startswith(wd) for t in ctoks)):
                un.append(f"ABSENT_FIELDS {f}: the corpus holds {wd!r}")
    for p in ABSENT:
        if not absent_ok(p):
            un.append(f"ABSENT: {p!r} is catalogued, not in zone.tab, a link, or its location is on a page")
    results.append(("unanswerable: absent zones are rows of zone.tab, not catalogued, not links, and neither their "
                    "name nor their location is on any page; absent fields' words are on no page", un))
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
