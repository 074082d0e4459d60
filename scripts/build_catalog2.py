"""Build the catalog2 evaluation corpus: Debian packages installed on this machine.

    python scripts/build_catalog2.py build [--force]   # corpus pages + dev.jsonl + test.jsonl
    python scripts/build_catalog2.py check             # loader + scorer checks, no model

`build` reads `dpkg-query`, picks packages deterministically (per Debian section, packages sorted
by name, evenly spaced, about 0.7 * sqrt(section size) of each), renders one markdown page per
package in one of three layouts (sha1 of the name mod 3: prose, table, terse), and generates the
questions (seeded). The pages are a snapshot of this machine's package set: another machine has
other packages and versions, so the committed corpus, not a rebuild, is the evaluation set, and
`build` refuses to overwrite it without --force. `check` needs PYTHONPATH=src (ragtune).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog2"
CORPUS = OUT / "corpus"
PAGES = CORPUS / "packages"

FIELDS = [
    "Package", "Version", "Section", "Priority", "Architecture", "Maintainer", "Depends",
    "Installed-Size", "Homepage", "binary:Summary",
]  # fmt: skip
SEED = 2026_12_02
SHARE = 0.7  # packages per section: round(SHARE * sqrt(n)), at least 1

# Real Debian packages, well known, checked at build time: not installed here and named
# nowhere in the corpus pages (so a question about them has no answer in the corpus).
ABSENT = [
    "nginx", "apache2", "postgresql", "mariadb-server", "redis-server", "emacs", "tmux", "htop",
    "zsh", "fish", "gimp", "inkscape", "firefox-esr", "thunderbird", "vlc", "docker.io",
    "nodejs", "golang-go", "rustc", "ruby", "php", "postfix", "samba", "ffmpeg", "imagemagick",
    "libreoffice-writer", "neovim", "mutt", "irssi", "squid", "bind9", "lighttpd",
]  # fmt: skip


# ------------------------------------------------------------------ packages


def dpkg_records() -> list[dict[str, str]]:
    fmt = "\t".join("${%s}" % f for f in FIELDS) + "\n"
    out = subprocess.run(["dpkg-query", "-W", "-f=" + fmt], check=True, capture_output=True,
                         text=True).stdout  # fmt: skip
    recs = {}
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) != len(FIELDS):
            continue
        rec = dict(zip(FIELDS, (p.strip() for p in parts)))
        recs.setdefault(rec["Package"], rec)  # one record per name (multi-arch: the first)
    return [recs[k] for k in sorted(recs)]


def select(records: list[dict[str, str]]) -> list[dict[str, str]]:
    by_section: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in records:
        if r["binary:Summary"] and r["Section"] and r["Version"]:
            by_section[r["Section"]].append(r)
    chosen = []
    for section in sorted(by_section):
        recs = by_section[section]
        n = len(recs)
        k = min(n, max(1, round(SHARE * math.sqrt(n))))
        chosen += [recs[int((i + 0.5) * n / k)] for i in range(k)]
    return sorted(chosen, key=lambda r: r["Package"])


def maintainer_name(m: str) -> str:
    return re.sub(r"\s*<[^>]*>\s*$", "", m).strip().strip('"')


def dep_names(depends: str) -> list[str]:
    """Every package name Depends mentions (alternatives included), architecture qualifiers
    and version constraints dropped, in order, once each."""
    names: list[str] = []
    for clause in depends.split(","):
        for alt in clause.split("|"):
            name = re.sub(r"\(.*?\)|\[.*?\]|<.*?>", "", alt).strip().split(":")[0]
            if name and name not in names:
                names.append(name)
    return names


def layout(name: str) -> str:
    return ("prose", "table", "terse")[int(hashlib.sha1(name.encode()).hexdigest(), 16) % 3]


# ------------------------------------------------------------------ pages


def render(r: dict[str, str]) -> str:
    name, version = r["Package"], r["Version"]
    deps = r["Depends"]
    size = f"{r['Installed-Size']} KiB" if r["Installed-Size"] else ""
    home = r["Homepage"]
    kind = layout(name)
    if kind == "prose":
        s = [f"{name} {version} is a Debian package in the {r['Section']} section, with priority "
             f"{r['Priority']} and architecture {r['Architecture']}."]  # fmt: skip
        s.append(f"Its summary reads \"{r['binary:Summary']}\".")
        s.append(f"It is maintained by {r['Maintainer']}.")
        s.append(f"It depends on {deps}." if deps else "It declares no dependencies.")
        if size:
            s.append(f"Once installed it takes {size}.")
        s.append(f"Its homepage is {home} ." if home else "No homepage is given for it.")
        return f"# {name}\n\n" + " ".join(s) + "\n"
    if kind == "table":
        def cell(v: str) -> str:
            return v.replace("|", "\\|") if v else "(none)"
        rows = [
            ("package", name), ("version", version), ("section", r["Section"]),
            ("priority", r["Priority"]), ("architecture", r["Architecture"]),
            ("maintainer", r["Maintainer"]), ("depends", deps), ("installed size", size),
            ("homepage", home), ("summary", r["binary:Summary"]),
        ]  # fmt: skip
        body = "\n".join(f"| {k} | {cell(v)} |" for k, v in rows)
        return f"# {name}\n\n| field | value |\n|---|---|\n{body}\n"
    lines = [
        f"Package: {name}", f"Version: {version}", f"Section: {r['Section']}",
        f"Priority: {r['Priority']}", f"Architecture: {r['Architecture']}",
        f"Maintainer: {r['Maintainer']}", f"Depends: {deps or 'none'}",
        f"Installed-Size: {size or 'unknown'}", f"Homepage: {home or 'none'}",
        f"Summary: {r['binary:Summary']}",
    ]  # fmt: skip
    return f"# {name}\n\n" + "\n".join(lines) + "\n"


# ------------------------------------------------------------------ questions

Q = {
    "version": ["What version of {p} is listed?", "Which version of {p} does the catalog record?",
                "{p} is at which version?"],
    "section": ["In which section is {p}?", "Which Debian section does {p} belong to?",
                "What section is {p} filed under?"],
    "maintainer": ["Who maintains {p}?", "Who is the maintainer of {p}?",
                   "Which team or person is listed as the maintainer of {p}?"],
    "homepage": ["What is the homepage of {p}?", "Which URL is given as the homepage of {p}?",
                 "Where is the homepage of {p}?"],
    "size": ["What is the installed size of {p}?", "How much disk space does {p} take once installed?",
             "How large is {p} after installation?"],
    "reverse": ['Which package is described as "{s}"?', 'Which package has the summary "{s}"?',
                'What is the name of the package whose summary reads "{s}"?'],
    "depends-on": ["Which of {a} or {b} depends on {c}?", "Which one, {a} or {b}, declares a dependency on {c}?",
                   "Of {a} and {b}, which package requires {c}?"],
    "larger": ["Which is larger once installed, {a} or {b}?",
               "Which takes more disk space after installation: {a} or {b}?",
               "Of {a} and {b}, which package has the bigger installed size?"],
    "filter-section-maintainer": ["Which package in section {s} is maintained by {m}?",
                                  "In the {s} section, which package is maintained by {m}?",
                                  "Among the packages in the {s} section, which one has {m} as its maintainer?"],
    "filter-maintainer-arch": ["Which package maintained by {m} has architecture {a}?",
                               "Of the packages maintained by {m}, which one is built for architecture {a}?",
                               "Which {a}-architecture package is maintained by {m}?"],
    "filter-section-priority": ["Which package in section {s} has priority {pr}?",
                                "Which {s} package is marked with priority {pr}?",
                                "Among the packages in the {s} section, which one has the priority {pr}?"],
    "absent-package": ["What version of {p} is listed?", "Who maintains {p}?",
                       "Which section is {p} in?", "What is the installed size of {p}?"],
    "absent-attribute": ["Under which licence is {p} distributed?", "When was {p} released?",
                         "How many open bugs does {p} have?", "What is the source package of {p}?",
                         "What is the popularity-contest rank of {p}?"],
}  # fmt: skip

DEV_TARGETS = {"single_hop": 20, "reverse": 5, "comparison": 6, "filter": 6,
               "absent-package": 4, "absent-attribute": 3}  # fmt: skip
TEST_TARGETS = {"single_hop": 33, "reverse": 7, "comparison": 9, "filter": 9,
                "absent-package": 6, "absent-attribute": 6}  # fmt: skip
SINGLE = ["version", "section", "maintainer", "homepage", "size"]


def _toks(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", s.lower())


def _contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def aliases(field: str, value: str) -> list[str]:
    """The gold as the page writes it, plus: a maintainer without a trailing parenthesis
    ("Laszlo Boszormenyi (GCS)" -> "Laszlo Boszormenyi"), a homepage without its scheme and
    trailing slash ("http://www.gtk.org/" -> "www.gtk.org")."""
    out = [value]
    if field == "maintainer":
        short = re.sub(r"\s*\([^)]*\)$", "", value).strip()
        if short and short != value:
            out.append(short)
    if field == "homepage":
        short = re.sub(r"^https?://", "", value).rstrip("/")
        if short and short != value:
            out.append(short)
    return out


def make_questions(recs: list[dict[str, str]], absent: list[str]) -> tuple[list[dict], list[dict]]:
    rng = random.Random(SEED)
    by = {r["Package"]: r for r in recs}
    names = sorted(by)
    order = names[:]
    rng.shuffle(order)
    n_dev = round(len(order) * 0.4)
    split_pkgs = {"dev": sorted(order[:n_dev]), "test": sorted(order[n_dev:])}
    absent = absent[:]
    rng.shuffle(absent)
    absent_for = {"dev": absent[: DEV_TARGETS["absent-package"]],
                  "test": absent[DEV_TARGETS["absent-package"] :][: TEST_TARGETS["absent-package"]]}

    # facts that can be asked, over the whole corpus
    summaries = {n: by[n]["binary:Summary"] for n in names}
    reverse_ok = set()
    for n in names:
        s = summaries[n]
        st = _toks(s)
        if len(st) < 3 or _contains(st, _toks(n)):
            continue
        if any(m != n and (_contains(_toks(summaries[m]), st) or _contains(st, _toks(summaries[m])))
               for m in names):  # fmt: skip
            continue
        reverse_ok.add(n)
    maint = {n: maintainer_name(by[n]["Maintainer"]) for n in names}
    filters: list[tuple[str, str, dict]] = []  # (kind, answer, fields)
    for n in names:
        r = by[n]
        same_sm = [m for m in names if by[m]["Section"] == r["Section"] and maint[m] == maint[n]]
        n_maint = sum(maint[m] == maint[n] for m in names)
        n_sect = sum(by[m]["Section"] == r["Section"] for m in names)
        if same_sm == [n] and n_maint >= 2 and n_sect >= 2:
            filters.append(("filter-section-maintainer", n, {"s": r["Section"], "m": maint[n]}))
        same_ma = [m for m in names if maint[m] == maint[n] and by[m]["Architecture"] == r["Architecture"]]
        if same_ma == [n] and n_maint >= 2:
            filters.append(("filter-maintainer-arch", n, {"m": maint[n], "a": r["Architecture"]}))
        same_sp = [m for m in names if by[m]["Section"] == r["Section"] and by[m]["Priority"] == r["Priority"]]
        if same_sp == [n] and n_sect >= 2:
            filters.append(("filter-section-priority", n, {"s": r["Section"], "pr": r["Priority"]}))

    splits = {}
    for split, targets in (("dev", DEV_TARGETS), ("test", TEST_TARGETS)):
        pk = split_pkgs[split]
        used: set[tuple[str, str]] = set()  # (package, field) asked or stated in this split
        items: list[dict] = []

        def add(kind, qtype, question, answers, evidence, options=None):
            d = {"question": question, "answers": answers, "type": qtype, "evidence": evidence}
            if options:
                d["options"] = options
            d["kind"] = kind
            items.append(d)

        def wording(kind):
            return rng.choice(Q[kind])

        # filter first (it states two fields of its answer)
        cands = [f for f in filters if f[1] in pk]
        rng.shuffle(cands)
        took = 0
        # round-robin over the filter kinds
        pools = defaultdict(list)
        for f in cands:
            pools[f[0]].append(f)
        kinds = sorted(pools)
        i = 0
        taken_pk = set()
        while took < targets["filter"] and any(pools.values()):
            kind = kinds[i % len(kinds)]
            i += 1
            while pools[kind]:
                _, ans, fields = pools[kind].pop()
                if ans in taken_pk:
                    continue
                taken_pk.add(ans)
                q = wording(kind).format(**fields)
                add(kind, "filter", q, [ans], [f"packages/{ans}"])
                for fld in ("section", "maintainer", "arch", "priority"):
                    used.add((ans, fld))
                took += 1
                break

        # reverse
        cands = [n for n in pk if n in reverse_ok and n not in taken_pk]
        rng.shuffle(cands)
        for n in cands[: targets["reverse"]]:
            add("reverse", "reverse", wording("reverse").format(s=summaries[n]), [n], [f"packages/{n}"])
            used.add((n, "summary"))

        # comparisons: half depends-on, half larger; a package in one comparison at most
        in_cmp: set[str] = set()
        n_dep = targets["comparison"] // 2 + targets["comparison"] % 2
        pairs = [(a, b) for a in pk for b in pk if a < b]
        rng.shuffle(pairs)
        made = Counter()

        def free(a: str, b: str) -> bool:
            """Neither is in a comparison yet, nor is one's name inside the other's."""
            ta, tb = _toks(a), _toks(b)
            return not (a in in_cmp or b in in_cmp or _contains(ta, tb) or _contains(tb, ta))

        for a, b in pairs:
            if made["depends-on"] >= n_dep:
                break
            if not free(a, b):
                continue
            da, db = dep_names(by[a]["Depends"]), dep_names(by[b]["Depends"])
            if not da or not db:
                continue
            x, y = (a, b) if rng.random() < 0.5 else (b, a)
            dx, dy = (da, db) if x == a else (db, da)
            only = [c for c in dx if c not in dy and c not in (a, b)]
            if not only:
                continue
            c = rng.choice(only)
            opts = [a, b] if rng.random() < 0.5 else [b, a]
            add("depends-on", "comparison", wording("depends-on").format(a=opts[0], b=opts[1], c=c),
                [x], [f"packages/{opts[0]}", f"packages/{opts[1]}"], opts)
            in_cmp |= {a, b}
            used |= {(a, "depends"), (b, "depends")}
            made["depends-on"] += 1
        for a, b in pairs:
            if made["larger"] >= targets["comparison"] - n_dep:
                break
            if not free(a, b):
                continue
            sa, sb = by[a]["Installed-Size"], by[b]["Installed-Size"]
            if not (sa.isdigit() and sb.isdigit()) or sa == sb:
                continue
            big = a if int(sa) > int(sb) else b
            opts = [a, b] if rng.random() < 0.5 else [b, a]
            add("larger", "comparison", wording("larger").format(a=opts[0], b=opts[1]), [big],
                [f"packages/{opts[0]}", f"packages/{opts[1]}"], opts)
            in_cmp |= {a, b}
            used |= {(a, "size"), (b, "size")}
            made["larger"] += 1

        # single hop, the five fields in turn, a package at most once
        facts = defaultdict(list)
        for n in pk:
            r = by[n]
            vals = {"version": r["Version"], "section": r["Section"], "maintainer": maint[n],
                    "homepage": r["Homepage"], "size": f"{r['Installed-Size']} KiB" if r["Installed-Size"] else ""}  # fmt: skip
            for f in SINGLE:
                if vals[f] and (n, f) not in used:
                    facts[f].append((n, vals[f]))
        for f in SINGLE:
            rng.shuffle(facts[f])
        asked: set[str] = set()
        k = 0
        count = 0
        while count < targets["single_hop"] and any(facts[f] for f in SINGLE):
            f = SINGLE[k % len(SINGLE)]
            k += 1
            while facts[f]:
                n, v = facts[f].pop()
                if n in asked:
                    continue
                asked.add(n)
                add(f, "single_hop", wording(f).format(p=n), aliases(f, v), [f"packages/{n}"])
                count += 1
                break

        # unanswerable
        for p in absent_for[split]:
            add("absent-package", "unanswerable", wording("absent-package").format(p=p), [], [])
        attr_pk = [n for n in pk]
        rng.shuffle(attr_pk)
        attrs = Q["absent-attribute"][:]
        for j, n in enumerate(attr_pk[: targets["absent-attribute"]]):
            add("absent-attribute", "unanswerable", attrs[j % len(attrs)].format(p=n), [], [])

        rng.shuffle(items)
        splits[split] = [{"id": f"cat2-{split}-{j + 1:03d}", **d} for j, d in enumerate(items)]
    return splits["dev"], splits["test"]


# ------------------------------------------------------------------ build / check


def build(force: bool) -> None:
    if (OUT / "test.jsonl").exists() and not force:
        sys.exit(f"{OUT / 'test.jsonl'} exists (frozen); pass --force to overwrite the snapshot")
    recs = select(dpkg_records())
    installed = {r["Package"] for r in dpkg_records()}
    PAGES.mkdir(parents=True, exist_ok=True)
    for old in PAGES.glob("*.md"):
        old.unlink()
    texts = []
    for r in recs:
        page = render(r)
        texts.append(page.lower())
        (PAGES / f"{r['Package']}.md").write_text(page, encoding="utf-8")
    corpus_text = "\n".join(texts)
    absent = [p for p in ABSENT if p not in installed
              and not re.search(r"(?<![\w.+-])" + re.escape(p) + r"(?![\w.+-])", corpus_text)]  # fmt: skip
    dev, test = make_questions(recs, absent)
    for name, items in (("dev", dev), ("test", test)):
        with open(OUT / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for d in items:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    sections = Counter(r["Section"] for r in recs)
    layouts = Counter(layout(r["Package"]) for r in recs)
    print(f"{len(recs)} pages; sections {dict(sections)}; layouts {dict(layouts)}")
    for name, items in (("dev", dev), ("test", test)):
        print(name, len(items), dict(Counter(d["type"] for d in items)), dict(Counter(d["kind"] for d in items)))


def _near_miss(v: str) -> str:
    m = list(re.finditer(r"\d", v))[-1]
    d = str((int(m.group()) + 1) % 10)
    return v[: m.start()] + d + v[m.end() :]


def check() -> int:
    from ragtune.corpus.loaders import iter_documents, scan
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    files, problems = scan(CORPUS)
    bad = [f"scan problems: {problems}"] if problems else []
    docs = {d.doc_id: d for f in files for d in iter_documents(f)}
    print(f"{len(docs)} documents loaded; scan problems: {len(problems)}")
    seen_facts: dict[str, set] = {}
    for split in ("dev", "test"):
        items = load_qa(OUT / f"{split}.jsonl", corpus_ids=set(docs))
        names = set()
        for it in items:
            for e in it.evidence:
                if e not in docs:
                    bad.append(f"{it.id}: evidence {e} not loaded")
            if not it.answers:
                if not is_correct(it, "The documents do not say.", False):
                    bad.append(f"{it.id}: abstention not correct")
                if is_correct(it, "It is 1.0.", False):
                    bad.append(f"{it.id}: an answer scores correct on an unanswerable item")
                continue
            for g in it.answers:
                found = any(
                    contains_tokens(answer_tokens(docs[e].title + "\n" + docs[e].text), answer_tokens(g))
                    for e in it.evidence
                )
                if not found:
                    bad.append(f"{it.id}: gold {g!r} not in evidence")
                if not is_correct(it, g, False):
                    bad.append(f"{it.id}: gold alone scores wrong")
                if not is_correct(it, f"The answer is {g}.", False):
                    bad.append(f"{it.id}: gold in a sentence scores wrong")
            kind = it.meta.get("kind")
            if kind == "version":
                nm = _near_miss(it.answers[0])
                if is_correct(it, nm, False) or is_correct(it, f"The answer is {nm}.", False):
                    bad.append(f"{it.id}: near-miss version {nm} scores correct")
            if it.options:
                a, b = it.options
                wrong = [o for o in it.options if o not in it.answers]
                for w in wrong:
                    if is_correct(it, w, False) or is_correct(it, f"{w} does.", False):
                        bad.append(f"{it.id}: wrong option scores correct")
                for hedge in (f"{a} or {b}", f"{b} or {a}", f"{a} or {b}."):
                    if is_correct(it, hedge, False):
                        bad.append(f"{it.id}: hedge {hedge!r} scores correct")
            for e in it.evidence:
                names.add(e)
        seen_facts[split] = names
    overlap = seen_facts["dev"] & seen_facts["test"]
    if overlap:
        bad.append(f"packages asked in both splits: {sorted(overlap)}")
    # an absent package named in both splits
    absent_named = {}
    for split in ("dev", "test"):
        rows = [json.loads(x) for x in (OUT / f"{split}.jsonl").read_text().splitlines()]
        absent_named[split] = {p for d in rows if d["kind"] == "absent-package" for p in ABSENT
                               if re.search(r"(?<![\w.+-])" + re.escape(p) + r"(?![\w.+-])", d["question"])}
    if absent_named["dev"] & absent_named["test"]:
        bad.append(f"absent packages in both splits: {absent_named['dev'] & absent_named['test']}")
    for b in bad:
        print("FAIL", b)
    print("all checks passed" if not bad else f"{len(bad)} failures")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cmd", choices=["build", "check"])
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args()
    if a.cmd == "build":
        build(a.force)
        return 0
    return check()


if __name__ == "__main__":
    sys.exit(main())
