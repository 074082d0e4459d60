"""Build the catalog20 evaluation corpus: Debian and Ubuntu releases in this machine's distro-info tables.

    PYTHONPATH=src python scripts/build_catalog20.py snapshot [--force]  # /usr/share/distro-info/*.csv -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog20.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog20.py check               # loader + scorer + fact checks, no model

`snapshot` reads the two release tables of this machine's distro-info-data
(`/usr/share/distro-info/debian.csv`: version,codename,series,created,release,eol,eol-lts,eol-elts;
`ubuntu.csv`: version,codename,series,created,release,eol,eol-server,eol-esm,eol-legacy): every row
as the cells the file holds (`raw`: header and rows; a row may stop before the last columns), and
for every row not left out (ABSENT) the record made from it and its table: distribution, name,
codename, series, version (and LTS for Ubuntu: the version string ends in "LTS"), the dates, and
values computed from the table only (days from creation to release, days and years from release
to end of life, the weekday of the release, its place among the distribution's numbered releases,
the release before and after it, how many of the distribution's releases came out in its year,
how many Ubuntu LTS releases up to it). Written to `evalsets/catalog20/snapshot.json` (committed;
`snapshot` refuses to overwrite it without --force): another machine ships another
distro-info-data, so the committed snapshot is the source.

`build` renders one markdown page per record from snapshot.json alone, `<id>.md` (the name, e.g.
"Debian Bookworm", lower case, every run of characters other than a-z and 0-9 as `-`), titled
`# <name>`, with YAML front matter (distribution, codename, version, lts, release, release_year,
eol) and a body in one of three layouts dealt in turn in the order of sha256("catalog20:<id>")
within each split: `ledger` (a `| Field | Value |` table), `narrative` (prose paragraphs, wording varied per page) or
`fieldlist` (headed sections of `Label: value` bullets). Then it generates dev.jsonl and
test.jsonl from the snapshot (seeded, SEED) and writes test.jsonl.sha256. It refuses to overwrite
corpus/ or the question files without --force.

`check` renders the snapshot and the questions again and compares them with the committed files,
makes every record again from the raw rows (and, where this machine's CSV files still have the
recorded sha256, reads them again), loads the corpus with ragtune's loader, reads both splits with
`load_qa`, and checks every item (evidence, gold in evidence text and tokens, scoring verdicts,
facts against the snapshot, split separation, unanswerables absent by pattern, the sha256, the
type mix).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog20"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
SRC = Path("/usr/share/distro-info")
FILES = {"debian.csv": "Debian", "ubuntu.csv": "Ubuntu"}  # file -> distribution
SEED = 20
MADE = "2026-12-05"  # an end date before this is asked in the past tense

# Rows left out so that their names are on no page (their neighbours' pages name them only by
# version, "left out of this catalogue"), for unanswerable questions, each asked in one split.
ABSENT = {"dev": ["Debian Slink", "Ubuntu Natty Narwhal"], "test": ["Debian Lenny", "Ubuntu Saucy Salamander"]}
# Releases the tables do not hold at all (before the first row, after the last): on no page.
ABSENT_VERSIONS = {"dev": ["Debian 16"], "test": ["Ubuntu 26.10", "Debian 0.93"]}
# how an absent release is named in a question (the row's name or how an engineer says it)
ABSENT_REFS = {"Debian Slink": ["Debian's Slink", "Debian Slink"], "Ubuntu Natty Narwhal": ["Natty Narwhal"],
               "Debian Lenny": ["Debian Lenny", "Lenny"],
               "Ubuntu Saucy Salamander": ["Saucy Salamander", "Ubuntu's Saucy Salamander"]}  # fmt: skip
# what is asked about an absent row (never its neighbours, its version or its release date: the
# neighbours' pages give the version, and the next release's creation date is that release date)
ABSENT_QUESTIONS = ["When did {n} reach end of life?",
                    "How many days was {n} supported, from release to end of life?",
                    "{n}: when did its support end?",
                    "To one decimal, how many years lay between the release of {n} and its end of life?",
                    "What end-of-life date does the table record for {n}?"]  # fmt: skip
ABSENT_VERSION_QUESTIONS = {"Debian 16": "What codename has Debian 16, and when is it due?",
                            "Ubuntu 26.10": "What is the codename of Ubuntu 26.10?",
                            "Debian 0.93": "When was Debian 0.93 released?"}  # fmt: skip

# The pages are split by year (the release year, or the creation year where no release is
# recorded): every page of a dev year is a dev page, the rest are test pages, so no fact of a
# year (how many releases came out in it) is asked in both splits.
DEV_YEARS = (1993, 1996, 1999, 2005, 2008, 2011, 2014, 2017, 2020, 2023, 2026)

# What these pages never state about a release: (question, a pattern no page may match, a
# made-up answer that the pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "kernel": ("Which Linux kernel version does {n} ship?", r"\bkernel\b|\blinux \d|\b\d\.\d+\.\d+\b",
               "It ships Linux 5.15."),
    "desktop": ("What is the default desktop environment of {n}?",
                r"\bdesktop\b|\bgnome\b|\bkde\b|\bxfce\b|\bunity\b|\bplasma\b", "It defaults to GNOME 42."),
    "gcc": ("Which GCC version is the default compiler in {n}?", r"\bgcc\b|\bcompiler\b|\btoolchain\b|\bclang\b",
            "The default compiler is GCC 12."),
    "packages": ("How many packages does {n} contain?", r"\bpackages\b|\bsource packages?\b|\bbinary\b",
                 "It holds about 59,000 packages."),
    "init": ("Which init system does {n} use by default?", r"\binit\b|\bsystemd\b|\bupstart\b|\bsysv",
             "It boots with systemd."),
    "arch": ("Which CPU architectures does {n} support?",
             r"\barchitectures?\b|\bamd64\b|\bi386\b|\barm64\b|\bx86|\bpowerpc\b|\briscv", "It supports amd64 and arm64."),
    "point": ("What was the last point release of {n}?", r"\bpoint release|\b\d+\.\d+\.\d+\b|\bupdate \d",
              "The last point release was 12.11."),
    "manager": ("Who was the release manager for {n}?",
                r"\brelease (?:manager|team)\b|\bmaintainers?\b|\bled by\b|\bannounced by\b",
                "Its release manager was Adam D. Barratt, who led the release team."),
    "python": ("Which Python version is the default in {n}?", r"\bpython\b", "Its default is Python 3.11."),
    "size": ("How big is the installation image of {n}?",
             r"\b\d+(?:\.\d+)? ?(?:mb|gb|mib|gib)\b|\bmegabytes?\b|\bgigabytes?\b|\biso\b|\bimage\b",
             "The ISO image is 3.6 GB."),
    "filesystem": ("What is the default filesystem in {n}?", r"\bfile ?systems?\b|\bext[234]\b|\bbtrfs\b|\bzfs\b",
                   "Its default filesystem is ext4."),
    "url": ("Where are the release notes of {n} published?", r"https?://|\bwww\.|\brelease notes\b|\bwiki",
            "They are at https://www.debian.org/releases/."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 2, "test": 3}  # the most single-hop questions of one kind
CAP_REVERSE = {"dev": 2, "test": 2}  # the most reverse questions of one kind
HOP_NAMED = {"dev": 2, "test": 3}  # chains started from a named release; the rest from a version
FILTER_MIX = {"dev": {"filter": 2, "filter-among": 2, "filter-count": 2},
              "test": {"filter": 3, "filter-among": 3, "filter-count": 3}}  # fmt: skip
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-module items; the rest of the unanswerables ask absent fields
LAYOUTS = ("ledger", "narrative", "fieldlist")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# the end-date columns beyond eol, per distribution: column -> (record key, ledger label, fieldlist
# label, narrative phrase)
EXTRA_EOL = {
    "Debian": {"eol-lts": ("eol_lts", "End of Debian LTS (eol-lts)", "Debian LTS ends (eol-lts)", "Debian LTS"),
               "eol-elts": ("eol_elts", "End of extended LTS (eol-elts)", "Extended LTS ends (eol-elts)",
                            "extended LTS")},
    "Ubuntu": {"eol-server": ("eol_server", "End of server support (eol-server)", "Server support ends (eol-server)",
                              "server support"),
               "eol-esm": ("eol_esm", "End of ESM (eol-esm)", "ESM ends (eol-esm)", "ESM"),
               "eol-legacy": ("eol_legacy", "End of legacy support (eol-legacy)", "Legacy support ends (eol-legacy)",
                              "legacy support")},
}  # fmt: skip
DATE_KEYS = ("created", "release", "eol", "eol_lts", "eol_elts", "eol_server", "eol_esm", "eol_legacy")

# ------------------------------------------------------------------ reading the source


def read_file(name: str) -> tuple[dict, str]:
    raw = (SRC / name).read_bytes()
    lines = raw.decode("utf-8").splitlines()
    rows = [ln.split(",") for ln in lines if ln.strip()]
    return {"header": rows[0], "rows": rows[1:]}, hashlib.sha256(raw).hexdigest()


def table(raw: dict) -> list[dict]:
    """The rows as dicts; a cell the row does not reach is empty ("")."""
    h = raw["header"]
    return [{k: (row[i] if i < len(row) else "") for i, k in enumerate(h)} for row in raw["rows"]]


def row_label(dist: str, row: dict) -> str:
    return f"{dist} {row['codename']}"


def absent_labels() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def _date(s: str) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def years(days: int) -> str:
    return f"{days / 365.25:.1f}"


def make_record(dist: str, i: int, raw: dict) -> dict:
    rows = table(raw)
    row = rows[i]
    version = row["version"] or None
    numbered = [j for j, x in enumerate(rows) if x["version"]]
    seq = numbered.index(i) + 1 if version else None

    def neighbour(j: int | None) -> dict | None:
        if j is None:
            return None
        x = rows[j]
        return {"label": row_label(dist, x), "codename": x["codename"], "version": x["version"],
                "catalogued": row_label(dist, x) not in absent_labels()}  # fmt: skip

    prev = neighbour(numbered[seq - 2]) if seq and seq > 1 else None
    nxt = neighbour(numbered[seq]) if seq and seq < len(numbered) else None
    created, release, eol = _date(row["created"]), _date(row["release"]), _date(row["eol"])
    rec = {
        "distribution": dist, "label": row_label(dist, row), "codename": row["codename"], "series": row["series"],
        "version": version, "number": version.replace(" LTS", "") if version else None,
        "lts": (version.endswith("LTS") if version else None) if dist == "Ubuntu" else None,
        "created": row["created"] or None, "release": row["release"] or None, "eol": row["eol"] or None,
    }  # fmt: skip
    for col, (key, *_) in EXTRA_EOL[dist].items():
        rec[key] = row[col] or None
    rec.update({
        "dev_days": (release - created).days if release and created else None,
        "support_days": (eol - release).days if eol and release else None,
        "support_years": years((eol - release).days) if eol and release else None,
        "weekday": WEEKDAYS[release.weekday()] if release else None,
        "release_year": release.year if release else None,
        "same_year": sum(1 for x in rows if x["release"][:4] == row["release"][:4]) if release else None,
        "seq": seq, "numbered": len(numbered), "prev": prev, "next": nxt,
        "lts_upto": (sum(1 for x in rows[: i + 1] if x["version"].endswith("LTS")) if dist == "Ubuntu" and version
                     else None),
        "lts_total": sum(1 for x in rows if x["version"].endswith("LTS")) if dist == "Ubuntu" else None,
    })  # fmt: skip
    return rec


def all_records(raws: dict) -> list[dict]:
    """Every row of both files as a record (the absent ones too: the checks and counts read them)."""
    out = []
    for name, dist in FILES.items():
        for i in range(len(raws[name]["rows"])):
            out.append(make_record(dist, i, raws[name]))
    return out


def scan() -> dict:
    raws, digests = {}, {}
    for name in FILES:
        raws[name], digests[name] = read_file(name)
    recs = [r for r in all_records(raws) if r["label"] not in absent_labels()]
    try:
        ver = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "distro-info-data"], capture_output=True,
                             text=True, check=True).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        ver = "unknown"
    return {"source": f"{SRC} (Debian distro-info-data {ver})", "version": ver,
            "files": {n: {"sha256": digests[n], "rows": len(raws[n]["rows"])} for n in FILES},
            "raw": raws, "records": recs}  # fmt: skip


# ------------------------------------------------------------------ pages


def doc_id(r: dict) -> str:
    return re.sub(r"[^a-z0-9]+", "-", r["label"].lower()).strip("-")


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog20:{salt}{key}".encode()).hexdigest(), 16)


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    """Layouts dealt in turn in the order of sha256("catalog20:<id>"), within each split (so that
    dev and test each hold all three about evenly)."""
    _LAYOUT.clear()
    sp = split_pages(recs)
    for part in ("dev", "test"):
        ids = [doc_id(r) for r in recs if sp[r["label"]] == part]
        for i, d in enumerate(sorted(ids, key=_h)):
            _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[doc_id(r)]


def and_list(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def long_date(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def date_as(iso: str, lay: str) -> str:
    """A date as a page of that layout writes it (the narrative writes it out)."""
    return long_date(iso) if lay == "narrative" else iso


def ordinal(n: int) -> str:
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def csv_name(r: dict) -> str:
    return "debian.csv" if r["distribution"] == "Debian" else "ubuntu.csv"


def full_version(r: dict) -> str:
    """"Debian 12", "Ubuntu 22.04 LTS" (the version as the distribution's name plus the version string)."""
    return f"{r['distribution']} {r['version']}"


def neighbour_text(r: dict, which: str) -> str:
    n = r[which]
    if n is None:
        if r["seq"] is None:
            return "none (not a numbered release)"
        return "none (the first numbered release in the table)" if which == "prev" else \
            "none (the last numbered release in the table)"
    if not n["catalogued"]:
        return f"version {n['version']}, left out of this catalogue"
    return f"{n['label']} ({r['distribution']} {n['version']})"


NONE = "none recorded"


def lts_text(r: dict) -> str:
    if r["distribution"] == "Debian":
        return "n/a (Debian version strings carry no LTS mark; see the eol-lts column)"
    return 'yes (the version string ends in "LTS")' if r["lts"] else 'no (the version string does not end in "LTS")'


def front_matter(r: dict) -> str:
    fm = {"distribution": r["distribution"], "codename": r["codename"], "version": r["version"] or "none",
          "lts": "n/a" if r["lts"] is None else ("yes" if r["lts"] else "no"), "release": r["release"] or "none",
          "release_year": r["release_year"] or "none", "eol": r["eol"] or "none"}  # fmt: skip
    return "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in fm.items()) + "---\n"


def front_values(r: dict) -> dict:
    text = front_matter(r)
    return {ln.split(": ", 1)[0]: json.loads(ln.split(": ", 1)[1]) for ln in text.splitlines() if ": " in ln}


def _d(r: dict, key: str, lay: str) -> str:
    return date_as(r[key], lay) if r[key] else NONE


def render(r: dict) -> str:
    n, kind, w = r["label"], layout(r), _h(doc_id(r), "w")
    dist, head = r["distribution"], front_matter(r) + f"\n# {n}\n\n"
    src = f"{csv_name(r)} (distro-info-data)"
    ver = f"{r['version']} ({full_version(r)})" if r["version"] else f"{NONE} (not a numbered release)"
    place = (f"{ordinal(r['seq'])} of {dist}'s {r['numbered']} numbered releases" if r["seq"]
             else f"none (not one of {dist}'s {r['numbered']} numbered releases)")  # fmt: skip
    extra = EXTRA_EOL[dist]
    year = r["release_year"]
    if kind == "ledger":
        rows = [("Release", n), ("Distribution", dist), ("Codename", r["codename"]), ("Series", r["series"]),
                ("Version", ver), ("LTS release", lts_text(r)), ("Source", src),
                ("Created", _d(r, "created", kind)),
                ("Released", f"{r['release']} (a {r['weekday']})" if r["release"] else NONE),
                ("Release year", str(year) if year else NONE), ("End of life (eol)", _d(r, "eol", kind))]
        rows += [(lab, _d(r, key, kind)) for key, lab, _, _ in extra.values()]
        rows += [("Days from creation to release", str(r["dev_days"]) if r["dev_days"] is not None else
                  f"{NONE} (no release date)"),
                 ("Days from release to end of life", str(r["support_days"]) if r["support_days"] is not None else
                  f"{NONE} (no release or end-of-life date)"),
                 ("Years from release to end of life", r["support_years"] or NONE),
                 (f"{dist} releases released in {year} (whole table)" if year else f"{dist} releases in its year",
                  str(r["same_year"]) if year else f"{NONE} (no release date)"),
                 ("Place in the table", place),
                 ("Previous release", neighbour_text(r, "prev")), ("Next release", neighbour_text(r, "next"))]
        if dist == "Ubuntu":
            rows.append(("Ubuntu LTS releases up to and including this one",
                         f"{r['lts_upto']} of {r['lts_total']}" if r["seq"] else NONE))
        return head + "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + "\n"
    if kind == "fieldlist":
        out = ["## Identity", f"- Name: {n}", f"- Distribution: {dist}", f"- Codename: {r['codename']}",
               f"- Series name: {r['series']}", f"- Version string: {ver}", f"- LTS: {lts_text(r)}",
               f"- Table: {src}", "", "## Dates", f"- Series created: {_d(r, 'created', kind)}",
               f"- Release date: {_d(r, 'release', kind)}", f"- End of life: {_d(r, 'eol', kind)}"]
        out += [f"- {lab}: {_d(r, key, kind)}" for key, _, lab, _ in extra.values()]
        out += ["", "## Computed from the table",
                f"- Release weekday: {r['weekday'] or NONE}", f"- Release year: {year or NONE}",
                f"- Development period (creation to release): "
                + (f"{r['dev_days']} days" if r["dev_days"] is not None else NONE),
                f"- Support period (release to end of life): "
                + (f"{r['support_days']} days, {r['support_years']} years" if r["support_days"] is not None else NONE),
                f"- {dist} releases that year: " + (str(r["same_year"]) if year else NONE), "",
                "## Sequence", f"- Position: {place}",
                f"- Preceded by: {neighbour_text(r, 'prev')}", f"- Followed by: {neighbour_text(r, 'next')}"]
        if dist == "Ubuntu":
            out.append("- LTS releases so far (including this one): "
                       + (f"{r['lts_upto']} of {r['lts_total']}" if r["seq"] else NONE))
        return head + "\n".join(out) + "\n"
    # narrative
    t = f"{csv_name(r)}, the distro-info table of {dist} releases"
    if r["version"]:
        v = full_version(r)
        p1 = [(f"{n} is {v} in {t}.", f"In {t}, {v} carries the codename {r['codename']}.",
               f"This page covers {v}, codenamed {r['codename']}, as listed in {t}.")[w % 3]]
    else:
        p1 = [(f"{n} is an entry of {csv_name(r)} (the distro-info table of {dist} releases) with no version "
               f"number ({NONE}).",
               f"In {t}, the codename {r['codename']} stands on a row with no version ({NONE}).",
               f"This page covers {n}, listed in {t} without a version number ({NONE}).")[w % 3]]
    p1.append((f"Its series name is {r['series']}.", f"The table gives it the series name {r['series']}.")[w % 5 % 2])
    if dist == "Ubuntu":
        p1.append(f'It is an LTS release (LTS: yes): its version string ends in "LTS".' if r["lts"] else
                  f'It is not an LTS release (LTS: no): its version string does not end in "LTS".')
    else:
        p1.append("LTS does not apply to Debian version strings (n/a); the table gives Debian LTS an end date of "
                  "its own in the eol-lts column.")
    cr = long_date(r["created"])
    if r["release"]:
        rl = long_date(r["release"])
        p2 = [(f"The series was created on {cr} and the release followed on {rl}, a {r['weekday']}, "
               f"{r['dev_days']} days later.",
               f"The table dates its creation to {cr} and its release to {rl} (a {r['weekday']}): "
               f"{r['dev_days']} days from creation to release.")[w % 7 % 2]]
        p2.append(f"The table lists {plural(r['same_year'], dist + ' release')} released in {year}"
                  + (" (this one)." if r["same_year"] == 1 else "."))
    else:
        p2 = [f"The series was created on {cr}; no release date is recorded ({NONE}), so no release year, "
              "weekday, development period or support period can be computed from the table."]
    if r["eol"] and r["release"]:
        p3 = [(f"Its end of life is {long_date(r['eol'])}, {r['support_days']} days "
               f"({r['support_years']} years) after the release.",
               f"The table puts its end of life on {long_date(r['eol'])}: {r['support_days']} days, or "
               f"{r['support_years']} years, from release to end of life.")[w % 11 % 2]]
    else:
        p3 = [f"No end-of-life date is recorded for it ({NONE})."]
    for key, _, _, phrase in extra.values():
        p3.append(f"The end of {phrase} is {long_date(r[key])}." if r[key] else
                  f"No end of {phrase} is recorded ({NONE}).")
    if r["seq"]:
        def nb(which: str) -> str:
            x = r[which]
            if x is None:
                return ""
            return f"{x['label']} ({dist} {x['version']})" if x["catalogued"] else \
                f"version {x['version']} (left out of this catalogue)"
        p4 = [f"It is the {place}."]
        if r["prev"] and r["next"]:
            p4.append(f"It follows {nb('prev')} and precedes {nb('next')}.")
        elif r["next"]:
            p4.append(f"It is the first of them (no previous release: none); {nb('next')} comes next.")
        else:
            p4.append(f"It follows {nb('prev')} and is the last of them (no next release: none).")
        if dist == "Ubuntu":
            p4.append(f"Counting up to and including it, the table has {r['lts_upto']} of its {r['lts_total']} "
                      "Ubuntu LTS releases.")
    else:
        p4 = [f"It is none of {dist}'s {r['numbered']} numbered releases, so it has no previous or next release "
              "(none)."]
    return head + "\n\n".join(" ".join(p) for p in (p1, p2, p3, p4)) + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = snap["records"]
    assign_layouts(recs)
    return {f"{doc_id(r)}.md": render(r) for r in recs}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's distro-info tables again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{sum(f['rows'] for f in snap['files'].values())} rows; {len(snap['records'])} records")


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


def in_question(q: str, g: str) -> bool:
    return _contains(_atok(q), _atok(g))


def release_forms(r: dict) -> list[str]:
    """A release as an answer: its name, codename, (Ubuntu) series and (numbered) "<distribution> <version number>"."""
    out = [r["label"], r["codename"]]
    if r["distribution"] == "Ubuntu":
        out.append(r["series"])
    if r["number"]:
        out.append(f"{r['distribution']} {r['number']}")
    return list(dict.fromkeys(out))


def release_golds(r: dict, question: str) -> list[str]:
    """release_forms less those the question holds (its cue)."""
    return [g for g in release_forms(r) if not in_question(question, g)]


def reverse_golds(r: dict, question: str, kind: str) -> list[str]:
    """release_golds; told the version, not the version again."""
    return [g for g in release_golds(r, question)
            if not (kind == "reverse-version" and g == f"{r['distribution']} {r['number']}")]


def refs(r: dict, version_ok: bool = True, possessive_ok: bool = True) -> list[str]:
    """How a question may name a release (never by the value asked)."""
    d, c = r["distribution"], r["codename"]
    out = [r["label"]]
    if d == "Debian" and possessive_ok:
        out.append(f"Debian's {c}")
    elif d == "Ubuntu":
        out += [c] + ([f"Ubuntu's {c}"] if possessive_ok else [])
    if version_ok and r["number"]:
        out.append(f"{d} {r['number']}")
    return out


def ref(r: dict, salt: str, version_ok: bool = True, possessive_ok: bool = True) -> str:
    xs = refs(r, version_ok, possessive_ok)
    return xs[_h(r["label"], salt) % len(xs)]


def date_golds(iso: str, lay: str) -> list[str]:
    return [date_as(iso, lay), iso if lay == "narrative" else long_date(iso)]


def past(iso: str) -> bool:
    return iso < MADE


# kind -> (templates, record key, how the value is written as golds)
def _dates(key):
    return lambda r: date_golds(r[key], layout(r))


SINGLE = {
    "release": (["When was {n} released?", "What release date does the table give for {n}?",
                 "On what date did {n} come out?", "{n} — release date?"], "release", _dates("release")),
    "eol": (["When did {n} reach end of life?", "What end-of-life date is recorded for {n}?",
             "{n}: what's the eol date?", "when is end of life for {n}"], "eol", _dates("eol")),
    "created": (["When was the series of {n} created?", "What creation date does the table record for {n}?",
                 "On which date does the table say {n} was created?"], "created", _dates("created")),
    "version": (["What version number does {n} carry?", "Which version is {n}?",
                 "{n} is which version of the distribution?"], "version",
                lambda r: list(dict.fromkeys([r["version"], r["number"]]))),
    "next": (["What codename came after {n}?", "Which {d} release followed {n}?",
              "what's the next release after {n}", "Which release succeeded {n} in the table?"], "next", None),
    "prev": (["Which {d} release came right before {n}?", "What was the release before {n}?",
              "{n} came after which release?"], "prev", None),
    "support_days": (["How many days passed between {n}'s release and its end of life?",
                      "For how many days was {n} supported, from release to end of life?",
                      "release to eol for {n}, in days?"], "support_days", lambda r: [str(r["support_days"])]),
    "support_years": (["To one decimal place, how many years lay between the release of {n} and its end of life?",
                       "How many years (one decimal) was {n} supported, release to end of life?"],
                      "support_years", lambda r: [r["support_years"]]),
    "dev_days": (["How many days did {n} take from creation to release?",
                  "How long, in days, was {n} in development (from the series' creation to the release)?",
                  "days between {n}'s creation and its release?"], "dev_days", lambda r: [str(r["dev_days"])]),
    "weekday": (["On which day of the week was {n} released?", "What weekday did {n} come out on?"],
                "weekday", lambda r: [r["weekday"]]),
    "eol_lts": (["When does Debian LTS end for {n}?", "What eol-lts date does the table give {n}?"],
                "eol_lts", _dates("eol_lts")),
    "eol_elts": (["When does extended LTS end for {n}?", "What is the eol-elts date of {n}?"],
                 "eol_elts", _dates("eol_elts")),
    "eol_server": (["When did server support end for {n}?", "What eol-server date is recorded for {n}?"],
                   "eol_server", _dates("eol_server")),
    "eol_esm": (["When does ESM end for {n}?", "What is {n}'s eol-esm date?"], "eol_esm", _dates("eol_esm")),
    "eol_legacy": (["When does legacy support for {n} end?", "What eol-legacy date does the table record for {n}?"],
                   "eol_legacy", _dates("eol_legacy")),
    "seq": (["Counting in the table's order, which number release of {d} is {n}?",
             "In the table's order, what is the position of {n} among {d}'s numbered releases?",
             "where does {n} come in {d}'s sequence of numbered releases (1st, 2nd, ...)?"], "seq",
            lambda r: [str(r["seq"])]),
}  # fmt: skip
# the order single-hop kinds are dealt in (rare kinds first)
SINGLE_ORDER = ["eol_server", "eol_legacy", "eol_elts", "eol_lts", "eol_esm", "support_years", "seq", "weekday",
                "prev", "dev_days", "version", "support_days", "next", "created", "eol", "release"]  # fmt: skip


def numbers_of(r: dict) -> set[str]:
    """The numbers a page states (other than inside dates)."""
    xs = {r["dev_days"], r["support_days"], r["seq"], r["numbered"], r["same_year"], r["lts_upto"], r["lts_total"],
          r["release_year"]}  # fmt: skip
    out = {str(x) for x in xs if x is not None}
    if r["support_years"]:
        out.add(r["support_years"])
    if r["number"]:
        out.add(r["number"])
    return out


def dates_of(r: dict) -> set[str]:
    return {r[k] for k in DATE_KEYS if r.get(k)}


def single_ok(r: dict, k: str, sp: dict | None = None) -> bool:
    key = SINGLE[k][1]
    if k in ("next", "prev"):
        x = r[k]
        return bool(x) and x["catalogued"] and (sp is None or sp[x["label"]] == sp[r["label"]])
    v = r.get(key)
    if v is None:
        return False
    if k == "eol_server" and v == r["eol"]:
        return False  # only where server support outlasts the end of life
    if key in DATE_KEYS:
        return True
    if k in ("support_days", "dev_days", "seq"):
        others = numbers_of(r) - {str(v)}
        return v >= 3 and str(v) not in others and str(v + 1) not in numbers_of(r) and \
            list(str(r[x]) for x in ("dev_days", "support_days", "seq")).count(str(v)) == 1
    if k == "support_years":
        return v not in {str(r["support_days"]), str(r["dev_days"])} and float(v) >= 1
    return True


def single_golds(r: dict, k: str, question: str = "") -> list[str]:
    if k in ("next", "prev"):
        return release_golds(BY[r[k]["label"]], question)
    return SINGLE[k][2](r)


BY: dict[str, dict] = {}  # label -> record (set by make_questions and check)


def single_question(r: dict, k: str) -> str:
    tpls = SINGLE[k][0]
    tpl = tpls[_h(r["label"], k) % len(tpls)]
    if k == "eol" and not past(r["eol"]):
        tpl = tpl.replace("When did {n} reach", "When does {n} reach")
    if k == "eol_server" and not past(r["eol_server"]):
        tpl = tpl.replace("did server support end", "does server support end")
    return tpl.format(n=ref(r, k, version_ok=k not in ("version", "seq"), possessive_ok="'s" not in tpl),
                      d=r["distribution"])


# chain fields: what is asked of the release reached
HOP = {"eol": "When is that release's end of life?",
       "support_days": "How many days did that one get from release to end of life?",
       "dev_days": "How many days did that release take from creation to release?",
       "weekday": "On which weekday did that release come out?",
       "release": "When did that release come out?",
       "eol_esm": "When does ESM end for that release?",
       "eol_lts": "When does Debian LTS end for that release?"}  # fmt: skip
HOP_START = {
    ("named", "next"): ["Take the {d} release that came right after {n}. {f}",
                        "{n} was followed by another {d} release. {f}"],
    ("named", "prev"): ["Look up the {d} release that {n} succeeded. {f}",
                        "Find the release that came just before {n}. {f}"],
    ("version", "next"): ["Start from {v} and go to the next release in the table. {f}",
                          "Which release came after {v}? {f}"],
    ("version", "prev"): ["Start from {v} and step back to the release before it. {f}",
                          "Think of the release that preceded {v}. {f}"],
}  # fmt: skip

CMP = {
    "earlier-release": ("Which was released first, {a} or {b}?", lambda r: r["release"], min),
    "later-release": ("Which came out later: {a} or {b}?", lambda r: r["release"], max),
    "longer-support": ("Which was supported longer, {a} or {b}?", lambda r: r["support_days"], max),
    "shorter-support": ("Which had the shorter time from release to end of life, {a} or {b}?",
                        lambda r: r["support_days"], min),
    "earlier-eol": ("Which reached its end of life first, {a} or {b}?", lambda r: r["eol"], min),
    "later-eol": ("Whose end of life comes later, {a}'s or {b}'s?", lambda r: r["eol"], max),
    "longer-dev": ("Which spent more days between creation and release, {a} or {b}?", lambda r: r["dev_days"], max),
    "lts-which": ("Which of {a} and {b} is an LTS release?", lambda r: r["lts"], max),
    "later-esm": ("Of {a} and {b}, whose ESM runs out later?", lambda r: r.get("eol_esm"), max),
    "later-lts-end": ("Whose Debian LTS ends later, {a}'s or {b}'s?", lambda r: r.get("eol_lts"), max),
}  # fmt: skip
FIELD_OF = {"earlier-release": "release", "later-release": "release", "longer-support": "support_days",
            "shorter-support": "support_days", "earlier-eol": "eol", "later-eol": "eol", "longer-dev": "dev_days",
            "lts-which": "lts", "later-esm": "eol_esm", "later-lts-end": "eol_lts"}  # fmt: skip


def _decade(r):
    return r["release_year"] // 10 * 10 if r["release_year"] else None


COND_BASE = {
    "dist-Debian": (lambda r: r["distribution"] == "Debian", "is a Debian release", None),
    "dist-Ubuntu": (lambda r: r["distribution"] == "Ubuntu", "is an Ubuntu release", None),
    "lts": (lambda r: r["lts"] is True, "is an Ubuntu LTS release", None),
    "no-release": (lambda r: r["release"] is None, "has no release date recorded", None),
    "eol-elts": (lambda r: bool(r.get("eol_elts")), "has an eol-elts (extended LTS) date recorded", None),
    "eol-legacy": (lambda r: bool(r.get("eol_legacy")), "has an eol-legacy date recorded", None),
    "server-longer": (lambda r: bool(r.get("eol_server")) and r["eol_server"] != r["eol"],
                      "has server support that outlasts its end of life", None),
    "support-5y": (lambda r: (r["support_days"] or 0) > 5 * 365.25,
                   "had more than five years from release to end of life", None),
    "support-under-1y": (lambda r: r["support_days"] is not None and r["support_days"] < 365,
                         "had less than a year from release to end of life", None),
}  # fmt: skip


def conditions(recs: list[dict]) -> dict:
    """COND_BASE, and every decade, release year, release month and weekday held by two or more
    catalogued releases (asked only as true)."""
    out = dict(COND_BASE)
    for dec, n in sorted(Counter(_decade(r) for r in recs if r["release"]).items()):
        if n >= 2:
            out[f"decade-{dec}"] = (lambda r, dec=dec: _decade(r) == dec, f"was released in the {dec}s", None)
    for y, n in sorted(Counter(r["release_year"] for r in recs if r["release"]).items()):
        if n >= 2:
            out[f"year-{y}"] = (lambda r, y=y: r["release_year"] == y, f"was released in {y}", None)
    for m, n in sorted(Counter(int(r["release"][5:7]) for r in recs if r["release"]).items()):
        if n >= 2:
            out[f"month-{m}"] = (lambda r, m=m: bool(r["release"]) and int(r["release"][5:7]) == m,
                                 f"came out in {MONTHS[m - 1]}", None)
    for wd, n in sorted(Counter(r["weekday"] for r in recs if r["release"]).items()):
        if n >= 2:
            out[f"weekday-{wd}"] = (lambda r, wd=wd: r["weekday"] == wd, f"was released on a {wd}", None)
    return out


def cond_text(cond: dict, c: str) -> str:
    return cond[c][1]


def split_key(r: dict) -> int:
    return r["release_year"] or int(r["created"][:4])


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Keyed by name: dev for the releases of DEV_YEARS, test for the others."""
    return {r["label"]: "dev" if split_key(r) in DEV_YEARS else "test" for r in recs}


def absent_pattern(label: str) -> str:
    return r"(?<![\w'])" + r"[\s_]+".join(re.escape(w) for w in label.split()) + r"(?![\w.-]*\w)"


def absent_version_pattern(v: str) -> str:
    d, num = v.split()
    return rf"\b{d}\s+{re.escape(num)}(?![\w.]*\d)"


def count_answer(whole: list[dict], dist: str, lts: bool, year: int) -> tuple[int, dict | None]:
    """How many numbered releases of `dist` (LTS only with `lts`) the table says came out before
    `year`, and the last of them (whose page states the count as its place)."""
    xs = [r for r in whole if r["distribution"] == dist and r["release"] and r["release_year"] < year
          and (not lts or r["lts"])]  # fmt: skip
    if not xs:
        return 0, None
    last = max(xs, key=lambda r: r["seq"])
    return len(xs), last


COUNT_Q = {
    False: ["How many {d} releases came out before {y}?", "Before {y}, how many releases had {d} published?",
            "how many {d} versions were released before {y}"],
    True: ["How many Ubuntu LTS releases came out before {y}?", "Before {y}, how many LTS releases had Ubuntu put out?",
           "How many LTS versions of Ubuntu were released before {y}?"],
}  # fmt: skip


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["label"]: r for r in recs}
    BY.clear()
    BY.update(by)
    whole = all_records(snap["raw"])
    did = {r["label"]: doc_id(r) for r in recs}
    sp = split_pages(recs)
    cond = conditions(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    assign_layouts(recs)
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

        def kinds(k):
            return sum(i["kind"] == k for i in items)

        # multi hop first: a release, named or told by its version -> the release after (or before)
        # it -> a field of that one
        hk = list(HOP)
        for n in names:
            if count("multi_hop") >= want["multi_hop"]:
                break
            r = by[n]
            direction = ("next", "prev")[_h(n, "dir") % 2]
            if not single_ok(r, direction, sp) or n in subj:
                direction = "prev" if direction == "next" else "next"
                if not single_ok(r, direction, sp) or n in subj:
                    continue
            m = r[direction]["label"]
            t = by[m]
            cue = "hop-named" if kinds("hop-named") < HOP_NAMED[s] else "hop-version"
            if cue == "hop-version" and not r["number"]:
                continue
            for kk in list(hk):
                if kk == "release" and direction == "prev":
                    continue  # the release before's release date is this page's creation date
                if not single_ok(t, kk) or (m, kk) in used:
                    continue
                g_m = SINGLE[kk][2](t)
                g_n = SINGLE[kk][2](r) if r.get(SINGLE[kk][1]) is not None else []
                if set(map(tuple, map(_atok, g_m))) & set(map(tuple, map(_atok, g_n))):
                    continue  # the first release's own value would score
                f = HOP[kk]
                if kk == "eol" and past(t["eol"]):
                    f = "When did that release reach its end of life?"
                if cue == "hop-named":
                    nref = ref(r, "hop", version_ok=False)
                    q = rnd.choice(HOP_START[("named", direction)]).format(n=nref, d=r["distribution"], f=f)
                    kw = {"ref": nref}
                else:
                    v = f"{r['distribution']} {r['number']}"
                    q = rnd.choice(HOP_START[("version", direction)]).format(v=v, f=f)
                    kw = {"value": v}
                add(q, g_m, "multi_hop", [did[n], did[m]], kind=cue, field=kk, via=n, target=m, direction=direction,
                    **kw)
                used.update({(m, kk), (n, direction), (m, "prev" if direction == "next" else "next")})
                subj.update({n, m})
                hk.append(hk.pop(hk.index(kk)))
                break
        # single hop: first every kind once (rare kinds first), each on a page not yet asked about;
        # then deal kinds in turn over the pages; no kind more than CAP[s] times

        def try_single(n: str, k: str) -> bool:
            r = by[n]
            if not single_ok(r, k, sp) or (n, k) in used or kinds(k) >= CAP[s]:
                return False
            q = single_question(r, k)
            g = single_golds(r, k, q)
            if not g or any(in_question(q, x) for x in g if not x.replace(".", "").isdigit()):
                return False
            if not gold_safe(q, g):
                return False
            kw = {}
            if k in ("next", "prev"):
                kw = {"target": r[k]["label"]}
                used.add((r[k]["label"], "prev" if k == "next" else "next"))
            add(q, g, "single_hop", [did[n]], k, **kw)
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
        # reverse: a version, a release / end-of-life / creation date, a place in the table, a
        # number of days supported -> the release
        rev = {"reverse-version": ("number", lambda r: r["number"]),
               "reverse-release": ("release", lambda r: r["release"]),
               "reverse-eol": ("eol", lambda r: r["eol"]),
               "reverse-created": ("created", lambda r: r["created"]),
               "reverse-seq": ("seq", lambda r: r["seq"]),
               "reverse-support": ("support_days", lambda r: r["support_days"])}  # fmt: skip
        rk = list(rev)
        for n in names:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            for k in list(rk):
                if kinds(k) >= CAP_REVERSE[s]:
                    continue
                field, f = rev[k]
                v = f(r)
                if v is None or (n, field) in used:
                    continue
                if k == "reverse-seq":
                    peers = [x for x in whole if x["distribution"] == r["distribution"] and x["seq"] == v]
                elif k == "reverse-version":
                    peers = [x for x in whole if x["distribution"] == r["distribution"] and x["number"] == v]
                else:
                    peers = [x for x in whole if f(x) == v]
                if [x["label"] for x in peers] != [n]:
                    continue
                d = r["distribution"]
                lay = layout(r)
                if k == "reverse-version":
                    q = rnd.choice(["Which {d} release has the version number {v}?", "What is the codename of {d} {v}?",
                                    "{d} {v} went by which codename?"]).format(d=d, v=v)
                elif k == "reverse-release":
                    q = rnd.choice(["Which release came out on {v}?", "Which Debian or Ubuntu release was published "
                                    "on {v}?", "what release shipped {v}"]).format(v=rnd.choice(date_golds(v, lay)))
                elif k == "reverse-eol":
                    tpl = ["Which release reached its end of life on {v}?", "Whose end-of-life date is {v}?"]
                    if not past(v):
                        tpl = ["Which release has its end of life on {v}?", "Whose end-of-life date is {v}?"]
                    q = rnd.choice(tpl).format(v=rnd.choice(date_golds(v, lay)))
                elif k == "reverse-created":
                    q = rnd.choice(["Which release's series was created on {v}?",
                                    "The table records a series created on {v}. Which release is it?"]).format(
                        v=rnd.choice(date_golds(v, lay)))
                elif k == "reverse-seq":
                    if v < 3:
                        continue
                    q = rnd.choice(["Which was the {o} {d} release in the table?",
                                    "Counting {d}'s numbered releases in order, which one is the {o}?"]).format(
                        o=ordinal(v), d=d)
                else:
                    if v < 3:
                        continue
                    q = rnd.choice(["Which release had exactly {v} days between its release and its end of life?",
                                    "{v} days from release to end of life: which release was that?"]).format(v=v)
                g = reverse_golds(r, q, k)
                if not g or not gold_safe(q, g):
                    continue
                add(q, g, "reverse", [did[n]], k, value=str(v))
                used.add((n, field))
                subj.add(n)
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
            if kinds(k) >= 2:
                continue  # no kind more than twice in a split
            same = by[a]["distribution"] == by[b]["distribution"]
            oa, ob = (by[a]["codename"], by[b]["codename"]) if same else (a, b)
            if k == "lts-which" and not same:
                continue
            if same and k in ("earlier-release", "later-release"):
                continue  # the table's order tells it, and the pages say "follows" / "precedes"
            if k in ("earlier-release", "later-release", "earlier-eol", "later-eol") and \
                    abs(int(fa[:4]) - int(fb[:4])) > 3:
                continue  # dates years apart: no lookup needed
            q = tpl.format(a=oa, b=ob)
            if same and _h(a + b, "cmp") % 2:
                q = q.rstrip("?") + f" (both {by[a]['distribution']} releases)?"
            win = oa if pick(fa, fb) == fa else ob
            if not hedge_safe(q, [oa, ob], win):
                continue
            add(q, [win], "comparison", [did[a], did[b]], k, options=[oa, ob], target=a if win == oa else b,
                candidates=[a, b])
            used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
        # filters: among all catalogued releases (two conditions), among four listed ones, and
        # counts ("how many came out before 2012?") whose answer is the place of the last one
        mix = FILTER_MIX[s]
        pairs = [(c1, c2) for c1 in cond for c2 in cond if c1 < c2]
        rnd.shuffle(pairs)
        # a month and a year together are a date lookup, not a filter; pairs with a year come last
        pairs = [p for p in pairs if not (p[0].startswith("month-") and p[1].startswith("year-"))]
        pairs.sort(key=lambda p: sum(c.startswith(("year-", "decade-")) for c in p))
        for c1, c2 in pairs:
            if kinds("filter") >= mix["filter"]:
                break
            m1 = [r for r in recs if cond[c1][0](r)]
            m2 = [r for r in recs if cond[c2][0](r)]
            both = [r for r in m1 if r in m2]
            if len(m1) < 2 or len(m2) < 2 or len(both) != 1 or sp[both[0]["label"]] != s:
                continue
            if len(m1) == len(recs) or len(m2) == len(recs):
                continue
            w = both[0]["label"]
            if (w, "filter-" + c1) in used or (w, "filter-" + c2) in used or (w, "filter") in used:
                continue
            q = rnd.choice(["Which release in this catalogue {a} and {b}?",
                            "Name the one catalogued release that {a} and {b}.",
                            "I'm looking for the release that {a} and {b}. Which is it?"])
            q = q.format(a=cond_text(cond, c1), b=cond_text(cond, c2))
            g = release_golds(by[w], q)
            if not g or not gold_safe(q, g):
                continue
            add(q, g, "filter", [did[w]], "filter", where={c1: True, c2: True}, candidates=[w])
            used.update({(w, "filter-" + c1), (w, "filter-" + c2), (w, "filter")})
        tries = 0
        among_conds = [c for c in cond if not c.startswith(("year-", "dist-"))]
        while kinds("filter-among") < mix["filter-among"] and tries < 5000:
            tries += 1
            c = among_conds[tries % len(among_conds)]
            cands = rnd.sample(names, 4)
            hits = [x for x in cands if cond[c][0](by[x])]
            if len(hits) != 1 or any((x, "filter-" + c) in used for x in cands):
                continue
            if cands[-1] == hits[0]:  # the gold is never listed last
                cands[0], cands[-1] = cands[-1], cands[0]
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these releases {c}: {l}?", "Among {l}, which {c}?"])
            q = q.format(l=", ".join(cands), c=cond_text(cond, c))
            if not hedge_safe(q, cands, hits[0]):
                continue
            add(q, [hits[0]], "filter", [did[hits[0]]], "filter-among", options=cands, where={c: True},
                candidates=cands)
            used.update((x, "filter-" + c) for x in cands)
        combos = [(d, lts, y) for d in ("Debian", "Ubuntu") for lts in (False, True) for y in range(1995, 2028)
                  if not (lts and d == "Debian")]  # fmt: skip
        rnd.shuffle(combos)
        for d, lts, y in combos:
            if kinds("filter-count") >= mix["filter-count"]:
                break
            n_before, last = count_answer(whole, d, lts, y)
            if last is None or n_before < 3 or last["label"] not in by or sp[last["label"]] != s:
                continue
            if count_answer(whole, d, lts, y - 1) == (n_before, last):
                continue  # only the first year after the last release counted: "before 2000", not "before 2003"
            key = "lts_upto" if lts else "seq"
            if (last["label"], "count-" + key) in used or str(last[key]) != str(n_before):
                continue
            if count_answer(recs, d, lts, y)[0] != n_before:
                continue  # a left-out row among them: counting the pages would give another number
            q = rnd.choice(COUNT_Q[lts]).format(d=d, y=y)
            add(q, [str(n_before)], "filter", [did[last["label"]]], "filter-count", where={"distribution": d,
                "lts": lts, "before": y}, target=last["label"])  # fmt: skip
            used.add((last["label"], "count-" + key))
        # unanswerables: absent rows and versions, then fields no page states
        absent_items = []
        for j in range(2):  # each left-out row once, the versions, each left-out row again
            for m in ABSENT[s]:
                q = ABSENT_QUESTIONS[(_h(m) + j) % len(ABSENT_QUESTIONS)]
                absent_items.append((q.format(n=ABSENT_REFS[m][j % len(ABSENT_REFS[m])]), m))
            if j == 0:
                absent_items += [(ABSENT_VERSION_QUESTIONS[v], v) for v in ABSENT_VERSIONS[s]]
        seen_q: set[str] = set()
        for q, m in absent_items:
            if kinds("absent-module") >= ABSENT_MIX[s] or q in seen_q:
                continue
            seen_q.add(q)
            add(q, [], "unanswerable", [], "absent-module", module=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(names)
        rnd.shuffle(pages)
        i = 0
        while count("unanswerable") < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            nref = ref(by[n], "absent" + f)
            add(ABSENT_FIELDS[f][0].format(n=nref), [], "unanswerable", [], "absent-field", field=f, module=n,
                ref=nref)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c20-{s}-{j:03d}", **it}
    return out


def qa_text(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def build(force: bool) -> None:
    snap = load_snapshot()
    recs = snap["records"]
    clash = [k for k, c in Counter(doc_id(r) for r in recs).items() if c > 1]
    if clash:
        sys.exit(f"ids made twice: {clash}")
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


def unanswerable_pattern(q: dict) -> tuple[str, str]:
    """(a pattern no page may match, a made-up answer sentence the pattern must match)."""
    if q["kind"] == "absent-module":
        m = q["module"]
        if m in ABSENT_VERSIONS["dev"] + ABSENT_VERSIONS["test"]:
            return absent_version_pattern(m), f"{m} was released on 1995-06-02."
        return absent_pattern(m.split(" ", 1)[1]), f"{m.split(' ', 1)[1]} reached end of life on 2012-02-06."
    _, pat, made_up = ABSENT_FIELDS[q["field"]]
    return pat, made_up


def page_values(r: dict) -> list[str]:
    """What a page must state (as text, case-insensitive)."""
    lay = layout(r)
    vals = [r["label"], r["distribution"], r["codename"], r["series"], csv_name(r)]
    if r["version"]:
        vals += [r["version"], full_version(r)]
    vals += [date_as(r[k], lay) for k in DATE_KEYS if r.get(k)]
    vals += sorted(numbers_of(r) - {r["number"] or ""})
    if r["weekday"]:
        vals.append(r["weekday"])
    if r["seq"]:
        vals.append(ordinal(r["seq"]))
    for which in ("prev", "next"):
        x = r[which]
        if x:
            vals.append(x["label"] if x["catalogued"] else f"version {x['version']}")
    if any(r.get(k) is None for k in DATE_KEYS if k in r) or not r["version"]:
        vals.append(NONE)
    vals += [date_as(v, lay) if isinstance(v, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", v) else str(v)
             for v in front_values(r).values()]
    return vals


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = snap["records"]
    by = {r["label"]: r for r in recs}
    BY.clear()
    BY.update(by)
    whole = all_records(snap["raw"])
    wby = {r["label"]: r for r in whole}
    did = {r["label"]: doc_id(r) for r in recs}
    name_of = {v: k for k, v in did.items()}
    cond = conditions(recs)
    sp = split_pages(recs)
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
    # 2. the records against the raw rows (and this machine's files, where unchanged)
    bad = [f"{r['label']}: record differs from its row made again" for r in recs if r != wby.get(r["label"])]
    bad += [f"{m}: ABSENT but not a row, or catalogued" for m in absent_labels() if m not in wby or m in by]
    bad += [f"{x}: a row neither catalogued nor ABSENT" for x in wby if x not in by and x not in absent_labels()]
    bad += [f"{r['label']}: id clash" for r in recs if sum(did[x] == did[r["label"]] for x in did) > 1]
    bad += [f"{r['label']}: name clash" for r in recs if sum(x["label"] == r["label"] for x in recs) > 1]
    for name, dist in FILES.items():
        raw = snap["raw"][name]
        if len(raw["rows"]) != snap["files"][name]["rows"] or any(len(x) > len(raw["header"]) for x in raw["rows"]):
            bad.append(f"{name}: row count or row width")
        rows = table(raw)
        dated = [x for x in rows if x["release"]]
        if [x["release"] for x in dated] != sorted(x["release"] for x in dated):
            bad.append(f"{name}: rows not in release order (places and counts assume it)")
        if any(not x["release"] for x in rows[: len(dated)]):
            bad.append(f"{name}: a row without release date before a released one")
    for r in recs:
        for which in ("prev", "next"):
            x = r[which]
            if x and (x["label"] not in wby or x["catalogued"] != (x["label"] in by)):
                bad.append(f"{r['label']}: {which} {x['label']} is not a row, or catalogued wrongly")
    reread = []
    for fname, meta in snap["files"].items():
        p = SRC / fname
        if p.is_file() and hashlib.sha256(p.read_bytes()).hexdigest() == meta["sha256"]:
            reread.append(fname)
    if len(reread) == len(FILES):
        again = scan()
        bad += [f"{k}: differs when this machine's files are read again" for k in ("raw", "records", "files")
                if again[k] != snap[k]]
    results.append((f"records are the {len(recs)} of {len(whole)} rows not ABSENT, equal to their rows made "
                    f"again (files read again where unchanged: {len(reread)} of {len(FILES)}); rows in release "
                    "order; ids and names unique; neighbours are rows", bad))
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
        bad += [f"{n}: {v!r} not in the body" for v in page_values(r) if v.lower() not in t]
        golds = [g for k in SINGLE if k not in ("next", "prev") and single_ok(r, k) for g in SINGLE[k][2](r)]
        golds += release_forms(r)
        for g in golds:
            if not contains_tokens(ftoks[did[n]], answer_tokens(g)):
                bad.append(f"{n}: gold form {g!r} not in the page tokens")
    results.append(("every field of the record (and of its front matter) is stated in its page body (every gold "
                    "form as tokens; an empty cell as \"none recorded\")", bad))
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
    sources = ["It is listed in debian.csv.", "It is listed in ubuntu.csv.", "It is in distro-info-data.",
               "It is in the distro-info table."]
    for s in items:
        row_of = {r["id"]: r for r in rows[s]}
        for it in items[s]:
            q = row_of[it.id]
            if not re.fullmatch(rf"c20-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or it.meta.get("kind") == "filter-among"):
                idb.append(f"{it.id}: options")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("2012-02-06", "Debian Squeeze", "It is version 5.0.", "1096 days",
                                unanswerable_pattern(q)[1]):
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
                if g.strip().lower() in ("none", "yes", "no", "true", "false", "nothing", "n/a", "none recorded"):
                    gold_ok.append(f"{it.id}: bare {g!r}")
            if not any(g0.lower() in low[e] for e in it.evidence):
                gold_in.append(f"{it.id}: {g0!r} (the form the page writes) not in the evidence text")
            if not it.options:
                gold_ok += [f"{it.id}: {g!r} is given away by the question" for g in it.answers
                            if not re.fullmatch(r"[\d.]+", g) and contains_tokens(answer_tokens(it.question),
                                                                                 answer_tokens(g))]
            gold_ok += [f"{it.id}: {t!r} scores correct" for t in sources if is_correct(it, t, False)]
            if g0.isdigit() and is_correct(it, str(int(g0) + 1), False):
                gold_ok.append(f"{it.id}: near miss scores correct")
            k, f = q["kind"], q.get("field", q["kind"])
            r = by[name_of[it.evidence[-1]]]
            golds_tok = [answer_tokens(g) for g in it.answers]
            if f in DATE_KEYS or f in SINGLE and SINGLE[f][1] in DATE_KEYS:
                gold_ok += [f"{it.id}: the page's other date {x} scores correct" for x in dates_of(r)
                            if answer_tokens(x) not in golds_tok and is_correct(it, x, False)]
            if g0.replace(".", "").isdigit() and it.type != "comparison":
                gold_ok += [f"{it.id}: the page's other number {x} scores correct" for x in numbers_of(r)
                            if answer_tokens(x) not in golds_tok and is_correct(it, x, False)]
            if f == "weekday":
                gold_ok += [f"{it.id}: {x} scores correct" for x in WEEKDAYS if x != g0 and is_correct(it, x, False)]
            if k.startswith("hop-"):
                via = by[q["via"]]
                key = SINGLE[f][1]
                if via.get(key) is not None:
                    gold_ok += [f"{it.id}: the first release's {g!r} scores correct" for g in SINGLE[f][2](via)
                                if is_correct(it, g, False)]
                gold_ok += [f"{it.id}: the first release's name {g!r} scores correct" for g in release_forms(via)
                            if is_correct(it, g, False)]
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
            if it.type in ("reverse", "filter") and k != "filter-count" or k in ("next", "prev"):
                right = q.get("target") or name_of[it.evidence[0]]
                cmpw += [f"{it.id}: {x} scores correct" for o in by if o != right for x in release_forms(by[o])
                         if is_correct(it, x, False)]
    results += [("ids c20-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables), options where due", idb),
                ("every gold occurs in an evidence page as accuracy tokens, the first (the form the page writes) "
                 "also as text", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question (numbers aside); no bare "
                 "yes/no/none gold; a sentence citing the source, number + 1, the page's other numbers and dates, "
                 "other weekdays and (chains) the first release's value and names score wrong", gold_ok),
                ("wrong options, hedges and other releases' names score wrong (reverse, filter, next / prev); "
                 "filter-among gold never last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 5. facts against the snapshot
    facts = []
    rev_value = {"reverse-version": lambda r: r["number"], "reverse-release": lambda r: r["release"],
                 "reverse-eol": lambda r: r["eol"], "reverse-created": lambda r: r["created"],
                 "reverse-seq": lambda r: r["seq"], "reverse-support": lambda r: r["support_days"]}  # fmt: skip
    for s in rows:
        for q in rows[s]:
            k = q["kind"]
            if q["type"] == "single_hop" or k.startswith("hop-"):
                f = q.get("field", k)
                n = name_of[q["evidence"][-1]]
                if not single_ok(by[n], f, sp) or q["answers"] != single_golds(by[n], f, q["question"]):
                    facts.append(f"{q['id']}: gold differs from the snapshot")
                if f in ("next", "prev") and (q["target"] != by[n][f]["label"]):
                    facts.append(f"{q['id']}: target is not the neighbour")
                if k.startswith("hop-"):
                    via = by[q["via"]]
                    d = q["direction"]
                    if not via[d] or via[d]["label"] != n or q["target"] != n or \
                            q["evidence"] != [did[q["via"]], did[n]]:
                        facts.append(f"{q['id']}: the target is not the neighbour of the first release")
                    if f == "release" and d == "prev":
                        facts.append(f"{q['id']}: a prev chain asks a date the first page holds")
                if k == "hop-version" and (q["value"] != f"{by[q['via']]['distribution']} {by[q['via']]['number']}"
                                           or q["value"] not in q["question"]):
                    facts.append(f"{q['id']}: the version does not name the first release")
                if k == "hop-named" and (q["ref"] not in q["question"]
                                         or q["ref"] not in refs(by[q["via"]], False)):
                    facts.append(f"{q['id']}: the first release is not named")
            elif q["type"] == "reverse":
                n = name_of[q["evidence"][0]]
                r = by[n]
                v = rev_value[k](r)
                if k in ("reverse-seq", "reverse-version"):
                    hit = [x["label"] for x in whole if x["distribution"] == r["distribution"] and rev_value[k](x) == v]
                else:
                    hit = [x["label"] for x in whole if rev_value[k](x) == v]
                if hit != [n] or q["value"] != str(v) or q["answers"] != reverse_golds(r, q["question"], k):
                    facts.append(f"{q['id']}: the value does not single out its release")
                cue = ordinal(v) if k == "reverse-seq" else str(v)
                if not contains_tokens(answer_tokens(q["question"]), answer_tokens(cue)):
                    facts.append(f"{q['id']}: the cue is not in the question")
            elif q["type"] == "comparison":
                tpl, f, pick = CMP[k]
                a, b = q["candidates"]
                fa, fb = f(by[a]), f(by[b])
                win = a if pick(fa, fb) == fa else b
                same = by[a]["distribution"] == by[b]["distribution"]
                opts = [by[a]["codename"], by[b]["codename"]] if same else [a, b]
                if fa is None or fb is None or fa == fb or q["target"] != win or q["options"] != opts or \
                        q["answers"] != [opts[[a, b].index(win)]]:
                    facts.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                hit = [x for x in by if all(cond[c][0](by[x]) == v for c, v in q["where"].items())]
                each = [sum(cond[c][0](x) == v for x in recs) for c, v in q["where"].items()]
                if hit != q["candidates"] or q["answers"] != release_golds(by[hit[0]], q["question"]) or min(each) < 2:
                    facts.append(f"{q['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = q["where"].items()
                if [x for x in q["candidates"] if cond[c][0](by[x]) == v] != q["answers"] or \
                        q["options"] != q["candidates"]:
                    facts.append(f"{q['id']}: filter-among")
            elif k == "filter-count":
                w = q["where"]
                n_whole, last = count_answer(whole, w["distribution"], w["lts"], w["before"])
                n_here, _ = count_answer(recs, w["distribution"], w["lts"], w["before"])
                stated = last and last[("lts_upto" if w["lts"] else "seq")]
                if q["answers"] != [str(n_whole)] or n_here != n_whole or stated != n_whole or \
                        q["evidence"] != [did[last["label"]]] or str(w["before"]) not in q["question"]:
                    facts.append(f"{q['id']}: count")
    results.append(("facts agree with snapshot.json (values, chains, unique cues, winners, filters, counts whose "
                    "last release states them and that no left-out row changes)", facts))
    # 6. split separation, unanswerables

    def pages_of(s):
        out = set()
        for q in rows[s]:
            out |= set(q["evidence"]) | {did[c] for c in q.get("candidates", [])}
            out |= {did[q[k]] for k in ("target", "via") if q.get(k) in by}
            if q["kind"] == "absent-field":
                out.add(did[q["module"]])
        return out

    sep = [f"{p} asked in both splits" for p in pages_of("dev") & pages_of("test")]
    sep += [f"{s}: {p} is a {('dev', 'test')[s == 'dev']} page" for s in rows for p in pages_of(s)
            if sp[name_of[p]] != s]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    ab = {s: {q.get("module") for q in rows[s] if q["kind"] == "absent-module"} for s in rows}
    sep += sorted(ab["dev"] & ab["test"])
    for s in rows:
        asked = Counter()
        for q in rows[s]:
            if q["type"] == "single_hop":
                asked[(name_of[q["evidence"][0]], q["kind"])] += 1
                if q["kind"] in ("next", "prev"):
                    asked[(q["target"], "prev" if q["kind"] == "next" else "next")] += 1
            if q["kind"].startswith("hop-"):
                asked[(q["target"], q["field"])] += 1
                asked[(q["via"], q["direction"])] += 1
                asked[(q["target"], "prev" if q["direction"] == "next" else "next")] += 1
        sep += [f"{s}: {k} asked {c} times" for k, c in asked.items() if c > 1]
    n_dev = sum(v == "dev" for v in sp.values())
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by year: no page asked about in both splits, "
                    "neighbours asked only within a split, a fact of a page asked once per split, no absent "
                    "release in both, no question repeated", sep))
    un = []
    for m in absent_labels():
        short = m.split(" ", 1)[1]
        if any(contains_tokens(t, answer_tokens(short)) for t in ftoks.values()):
            un.append(f"ABSENT {m}: its tokens are on a page")
    for s in rows:
        for q in rows[s]:
            if q["type"] != "unanswerable":
                continue
            m = q.get("module")
            if q["kind"] == "absent-module":
                if m in ABSENT[s]:
                    if not any(x in q["question"] for x in ABSENT_REFS[m]):
                        un.append(f"{q['id']}: absent release not named")
                elif m not in ABSENT_VERSIONS[s] or m not in q["question"]:
                    un.append(f"{q['id']}: absent module")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or m not in by
                                                or q["ref"] not in q["question"] or q["ref"] not in refs(by[m])):
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
    for v in ABSENT_VERSIONS["dev"] + ABSENT_VERSIONS["test"]:
        d, num = v.split()
        if any(x["distribution"] == d and x["number"] == num for x in whole):
            un.append(f"ABSENT_VERSIONS {v}: a row of the table")
    results.append(("unanswerables: each pattern matches its made-up answer and no page (left-out rows: on no "
                    "page; absent versions: no row of the table)", un))
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
