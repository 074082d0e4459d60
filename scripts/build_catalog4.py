"""Build the catalog4 evaluation corpus: Maven artifacts from this machine's ~/.m2 repository.

    PYTHONPATH=src python scripts/build_catalog4.py build [--force]   # snapshot + pages + dev/test
    PYTHONPATH=src python scripts/build_catalog4.py check             # loader + scorer checks, no model

`build` reads every `*.pom` under /root/.m2/repository, keeps one version per groupId:artifactId
(the highest, Maven-style ordering), drops POMs without a <description> or a <name>, or whose
description holds an unresolved `${...}`, and takes TAKE artifacts evenly spaced over the sorted
`groupId:artifactId` coordinates. The extracted metadata is written to
`evalsets/catalog4/snapshot.json` (committed); when /root/.m2/repository does not exist, `build`
rebuilds pages and questions from that snapshot instead, so the evaluation set never depends on
one machine's Maven cache. One markdown page per artifact, `packages/<artifactId>.md` (document id
`packages/<artifactId>`; the build fails if two chosen artifacts share an artifactId), titled
`# groupId:artifactId`, in one of three layouts fixed by sha256("catalog4:packages/<artifactId>")
mod 3 (prose, front matter, bullets). The questions are generated from templates (seeded), then
frozen: `build` refuses to overwrite test.jsonl without --force.

Helpers shared with catalog3 (token matching, URL aliases, question read-back, report) are
imported from scripts/build_catalog3.py.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import random
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog4"
CORPUS = OUT / "corpus"
PAGES = CORPUS / "packages"
SNAPSHOT = OUT / "snapshot.json"
M2 = Path("/root/.m2/repository")

SEED = 2026_12_04
TAKE = 85

_spec = importlib.util.spec_from_file_location("build_catalog3", ROOT / "scripts" / "build_catalog3.py")
c3 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(c3)
_toks, _contains, url_aliases, _near_miss, report = (
    c3._toks, c3._contains, c3.url_aliases, c3._near_miss, c3.report)

# Real, well-known Maven artifacts, checked at build time: not in the ~/.m2 repository here (any
# version) and their artifactId named in no page, so a question about them has no answer.
ABSENT = [
    "com.google.guava:guava", "org.springframework:spring-core", "com.fasterxml.jackson.core:jackson-databind",
    "org.hibernate:hibernate-core", "io.netty:netty-all", "org.projectlombok:lombok",
    "com.squareup.okhttp3:okhttp", "org.mockito:mockito-core", "org.apache.kafka:kafka-clients",
    "com.google.code.gson:gson", "org.postgresql:postgresql", "io.reactivex.rxjava3:rxjava",
    "ch.qos.logback:logback-classic", "com.h2database:h2", "org.yaml:snakeyaml",
    "org.apache.logging.log4j:log4j-core", "org.apache.httpcomponents:httpclient",
    "io.micrometer:micrometer-core", "org.jsoup:jsoup", "com.zaxxer:HikariCP",
    "org.flywaydb:flyway-core", "io.grpc:grpc-core", "org.bouncycastle:bcprov-jdk18on",
]  # fmt: skip


# ------------------------------------------------------------------ POMs


def _strip_ns(root: ET.Element) -> None:
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]


def _t(el: ET.Element | None, path: str) -> str:
    if el is None:
        return ""
    x = el.find(path)
    return " ".join((x.text or "").split()) if x is not None and x.text else ""


def _vkey(v: str) -> tuple:
    """Maven-like ordering: numeric parts as numbers; a qualifier sorts below a release."""
    out = []
    for p in re.split(r"[.\-]", v):
        out.append((1, int(p), "") if p.isdigit() else (0, 0, p.lower()))
    return tuple(out)


def read_pom(path: Path) -> dict | None:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError):
        return None
    _strip_ns(root)
    par = root.find("parent")
    pg, pa, pv = _t(par, "groupId"), _t(par, "artifactId"), _t(par, "version")
    g = _t(root, "groupId") or pg
    a = _t(root, "artifactId")
    v = _t(root, "version") or pv
    props = {}
    pe = root.find("properties")
    if pe is not None:
        for x in pe:
            if isinstance(x.tag, str):
                props[x.tag] = " ".join((x.text or "").split())
    java = ""
    for k in ("maven.compiler.release", "maven.compiler.source"):
        val = props.get(k, "")
        m = re.fullmatch(r"\$\{([^}]+)\}", val)
        if m:  # one level of indirection within the POM itself
            val = props.get(m.group(1), "")
        if val and "${" not in val:
            java = val
            break
    lic = [_t(x, "name") for x in root.findall("licenses/license") if _t(x, "name")]
    devs = []
    for x in root.findall("developers/developer"):
        n = _t(x, "name") or _t(x, "id")
        if n and n not in devs:
            devs.append(n)
    deps = []
    for x in root.findall("dependencies/dependency"):
        scope = _t(x, "scope") or "compile"
        if scope not in ("compile", "runtime"):
            continue
        deps.append({"ga": f"{_t(x, 'groupId')}:{_t(x, 'artifactId')}", "version": _t(x, "version"),
                     "scope": scope, "optional": _t(x, "optional") == "true"})
    return {
        "groupId": g, "artifactId": a, "version": v, "name": _t(root, "name"),
        "description": _t(root, "description"), "licenses": lic,
        "organization": _t(root, "organization/name"), "developers": devs,
        "url": _t(root, "url"), "scm": _t(root, "scm/url"),
        "packaging": _t(root, "packaging") or "jar",
        "parent": f"{pg}:{pa}:{pv}" if pg and pa else "",
        "java": java, "deps": sorted(deps, key=lambda d: d["ga"]),
        "pom": str(path.relative_to(M2)) if path.is_relative_to(M2) else str(path),
    }  # fmt: skip


def scan_m2() -> dict:
    """Every POM of the repository; one version (the highest) per groupId:artifactId."""
    by: dict[str, list[tuple[tuple, Path]]] = defaultdict(list)
    poms = sorted(M2.rglob("*.pom"))
    for p in poms:
        parts = p.relative_to(M2).parts
        if len(parts) < 4:
            continue
        ga = ".".join(parts[:-3]) + ":" + parts[-3]
        by[ga].append((_vkey(parts[-2]), p))
    recs, skipped = [], []
    for ga in sorted(by):
        p = max(by[ga], key=lambda t: t[0])[1]
        r = read_pom(p)
        why = ""
        if r is None:
            why = "unreadable"
        elif not r["description"]:
            why = "no description"
        elif "${" in r["description"]:
            why = "description with ${...}"
        elif not (r["name"] and r["artifactId"]):
            why = "no name"
        elif "${" in r["version"] or not r["version"]:
            why = "no literal version"
        if why:
            skipped.append(f"{ga} ({why})")
        else:
            r["name"] = "" if "${" in r["name"] else r["name"]
            recs.append(r)
    k = TAKE
    n = len(recs)
    chosen = [recs[int((i + 0.5) * n / k)] for i in range(min(k, n))]
    return {"source": str(M2), "poms_read": len(poms), "artifacts": len(by), "eligible": n,
            "coordinates": sorted(by), "skipped": skipped, "records": chosen}  # fmt: skip


# ------------------------------------------------------------------ pages


def ga(r: dict) -> str:
    return f"{r['groupId']}:{r['artifactId']}"


def doc_id(r: dict) -> str:
    return f"packages/{r['artifactId']}"


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog4:{salt}{key}".encode()).hexdigest(), 16)


def layout(r: dict) -> str:
    return ("prose", "frontmatter", "bullets")[_h(doc_id(r)) % 3]


def dep_str(d: dict) -> str:
    v = d["version"] or "(version managed)"
    return f"{d['ga']} {v}" + (" (optional)" if d["optional"] else "") + (" [runtime]" if d["scope"] == "runtime" else "")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def render(r: dict) -> str:
    name, kind, w = ga(r), layout(r), _h(doc_id(r), "w")
    lic = r["licenses"]
    if kind == "prose":
        s = [(f"{name} is recorded here at artifact version {r['version']}.",
              f"Release {r['version']} of {name} is the one this catalogue describes.",
              f"The catalogued build of {name} carries version {r['version']}.")[w % 3]]
        if lic:
            s.append(f"It is licensed under {_and(lic)}." if w % 2 else f"Its POM declares the licence {_and(lic)}.")
        else:
            s.append("Its own POM declares no licence.")
        if r["name"]:
            s.append(f"Its display name is \"{r['name']}\".")
        s.append(f"The POM describes it thus: \"{r['description']}\"." if w % 5 < 3
                 else f"In its own words: \"{r['description']}\".")
        if r["organization"]:
            s.append(f"It comes from the organisation {r['organization']}." if w % 7 < 4
                     else f"The organisation behind it is {r['organization']}.")
        if r["developers"]:
            dv = _and(r["developers"])
            s.append(f"Developers listed in the POM: {dv}" + ("" if dv.endswith(".") else "."))
        s.append(f"It is packaged as {r['packaging']}.")
        if r["parent"]:
            s.append(f"Its parent POM is {r['parent']}." if w % 11 < 6 else f"It inherits from the parent {r['parent']}.")
        if r["java"]:
            s.append(f"It is compiled for Java {r['java']}." if w % 13 < 7 else f"It targets Java release {r['java']}.")
        if r["deps"]:
            s.append(f"It depends on {_and([dep_str(d) for d in r['deps']])}." if w % 17 < 9
                     else f"Its compile and runtime dependencies are {_and([dep_str(d) for d in r['deps']])}.")
        else:
            s.append("It declares no compile or runtime dependencies.")
        if r["url"]:
            s.append(f"Project site: {r['url']} .")
        if r["scm"]:
            s.append(f"The source code lives at {r['scm']} .")
        return f"# {name}\n\n" + " ".join(s) + "\n"
    if kind == "frontmatter":
        fm = [f"version: {json.dumps(r['version'])}"]
        if lic:
            fm.append(f"license: {json.dumps('; '.join(lic))}")
        body = [r["description"], ""]
        if r["name"]:
            body.append(f"Display name: {r['name']}")
        if r["organization"]:
            body.append(f"Organisation: {r['organization']}")
        if r["developers"]:
            body.append("Developers: " + ", ".join(r["developers"]))
        body.append(f"Packaging: {r['packaging']}")
        if r["parent"]:
            body.append(f"Parent POM: {r['parent']}")
        if r["java"]:
            body.append(f"Java release: {r['java']}")
        body.append("Depends on: " + ("; ".join(dep_str(d) for d in r["deps"]) if r["deps"] else "nothing at compile or run time"))
        if r["url"]:
            body.append(f"Project URL: {r['url']}")
        if r["scm"]:
            body.append(f"Source code: {r['scm']}")
        return "---\n" + "\n".join(fm) + "\n---\n" + f"# {name}\n\n" + "\n".join(body) + "\n"
    lines = [f"- **Artifact version:** {r['version']}",
             f"- **Licensed under:** {'; '.join(lic) if lic else 'no licence in this POM'}"]
    if r["name"]:
        lines.append(f"- **Display name:** {r['name']}")
    lines.append(f"- **About:** {r['description']}")
    if r["organization"]:
        lines.append(f"- **Organisation:** {r['organization']}")
    if r["developers"]:
        lines.append("- **Developers:** " + ", ".join(r["developers"]))
    lines.append(f"- **Packaging:** {r['packaging']}")
    if r["parent"]:
        lines.append(f"- **Parent:** {r['parent']}")
    if r["java"]:
        lines.append(f"- **Java:** {r['java']}")
    lines.append("- **Depends on:** " + (", ".join(dep_str(d) for d in r["deps"]) if r["deps"] else "none"))
    if r["url"]:
        lines.append(f"- **Project URL:** {r['url']}")
    if r["scm"]:
        lines.append(f"- **SCM:** {r['scm']}")
    return f"# {name}\n\n" + "\n".join(lines) + "\n"


def body_fields(r: dict) -> set[str]:
    f = {"organization", "url", "scm", "deps", "description", "java", "parent", "packaging"}
    if layout(r) != "frontmatter":
        f |= {"version", "licence"}
    return f


# ------------------------------------------------------------------ questions

Q = {
    "version": ["Which artifact version of {p} is catalogued?", "What version of {p} does the catalogue record?",
                "{p} is recorded at which version?"],
    "licence": ["Which licence is {p} released under?", "What licence does the POM of {p} declare?",
                "Under what license is {p} distributed?"],
    "organisation": ["Which organisation publishes {p}?", "What organization is behind {p}?",
                     "Which organisation does the POM of {p} name?"],
    "url": ["What is the project URL of {p}?", "Which web site is given for the {p} project?",
            "Where is the project site of {p}?"],
    "scm": ["Where is the source code of {p} hosted?", "What is the SCM URL of {p}?",
            "Which URL does {p} give for its source repository?"],
    "dep-version": ["Which version of {c} does {p} depend on?", "What version of its dependency {c} does {p} declare?",
                    "{p} requires which version of {c}?"],
    "java": ["Which Java version is {p} compiled for?", "What Java release does {p} target?",
             "For which version of Java is {p} built?"],
    "parent": ["What is the parent POM of {p}?", "Which parent does {p} inherit from?",
               "Which POM is the parent of {p}?"],
    "reverse": ['Which artifact is described as "{s}"?', 'Which Maven artifact has the description "{s}"?',
                'What is the artifact whose POM description reads "{s}"?'],
    "depends-on": ["Which of {a} or {b} depends on {c}?", "Which one, {a} or {b}, declares a dependency on {c}?",
                   "Of {a} and {b}, which artifact needs {c}?"],
    "licence-cmp": ["Which of {a} or {b} is licensed under {l}?", "Is {a} or {b} the one released under {l}?",
                    "Of {a} and {b}, which declares the licence {l}?"],
    "higher-version": ["Which has the higher artifact version, {a} or {b}?",
                       "Which artifact is at a higher version number: {a} or {b}?",
                       "Of {a} and {b}, which one's version is higher?"],
    "filter-licence-dep": ["Which artifact licensed under {l} depends on {c}?",
                           "Which {l} artifact declares a dependency on {c}?",
                           "Among the artifacts under {l}, which one requires {c}?"],
    "filter-org-dep": ["Which artifact from the organisation {o} depends on {c}?",
                       "Of the artifacts published by {o}, which one requires {c}?",
                       "Which {o} artifact declares a dependency on {c}?"],
    "filter-parent-dep": ["Which artifact with the parent POM {q} depends on {c}?",
                          "Among the artifacts inheriting from {q}, which one requires {c}?",
                          "Which child of the parent {q} declares a dependency on {c}?"],
    "filter-licence-packaging": ["Which artifact licensed under {l} has {k} packaging?",
                                 "Among the artifacts under {l}, which one is packaged as {k}?",
                                 "Which {l} artifact uses the packaging {k}?"],
    "filter-parent-packaging": ["Which artifact with the parent POM {q} has {k} packaging?",
                                "Among the artifacts inheriting from {q}, which one is packaged as {k}?",
                                "Which child of the parent {q} uses the packaging {k}?"],
    "absent-package": ["What version of {p} is catalogued?", "Which licence does {p} use?",
                       "Which organisation publishes {p}?", "What does {p} depend on?",
                       "Where is the source code of {p} hosted?", "Which Java version does {p} target?"],
    "absent-attribute": ["How many times has {p} been downloaded from Maven Central?",
                         "On what date was {p} first released?", "How large is the jar file of {p}?",
                         "How many GitHub stars does {p} have?", "How many open issues does {p} have?",
                         "How many lines of code does {p} have?"],
}  # fmt: skip
# words an answer to each absent-attribute wording would need; none may occur in any page
ABSENT_ATTR_WORDS = [["download", "downloads", "downloaded"],
                     ["first released", "release date", "january", "february", "march", "april", "june",
                      "july", "august", "september", "october", "november", "december", "inception"],
                     ["kb", "kib", "mb", "mib", "bytes", "<size>"],
                     ["star", "stars", "stargazers"], ["issue", "issues", "bugs"],
                     ["lines of code", "loc", "sloc"]]  # fmt: skip

DEV_TARGETS = {"single_hop": 20, "reverse": 5, "comparison": 6, "filter": 6,
               "absent-package": 4, "absent-attribute": 3}  # fmt: skip
TEST_TARGETS = {"single_hop": 34, "reverse": 7, "comparison": 9, "filter": 9,
                "absent-package": 6, "absent-attribute": 6}  # fmt: skip
SINGLE = ["version", "licence", "organisation", "url", "scm", "dep-version", "java", "parent"]
CMP = ["depends-on", "licence-cmp", "higher-version"]
FILTERS = {"filter-licence-dep": ("l", "c"), "filter-org-dep": ("o", "c"), "filter-parent-dep": ("q", "c"),
           "filter-licence-packaging": ("l", "k"), "filter-parent-packaging": ("q", "k")}


def parse_question(kind: str, q: str) -> dict[str, str] | None:
    """The fields a question of `kind` was made from, read back through its wordings."""
    for t in Q[kind]:
        pat = re.escape(t)
        for f in re.findall(r"\{(\w+)\}", t):
            pat = pat.replace(re.escape("{" + f + "}"), f"(?P<{f}>.+?)", 1)
        m = re.fullmatch(pat, q)
        if m:
            return m.groupdict()
    return None


def _num(v: str) -> tuple[int, ...] | None:
    m = re.fullmatch(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", v)
    return tuple(int(x or 0) for x in m.groups()) if m else None


def parent_ga(r: dict) -> str:
    return ":".join(r["parent"].split(":")[:2]) if r["parent"] else ""


def dep_map(r: dict) -> dict[str, str]:
    return {d["ga"]: d["version"] for d in r["deps"]}


def licence_key(name: str) -> str:
    """A licence family, so that differently written names of one licence count as one
    ("The Apache Software License, Version 2.0" = "Apache-2.0")."""
    t = _toks(name)
    v = "2" if "2" in t else "1" if "1" in t else ""
    if "apache" in t and v == "2":
        return "apache-2"
    if "mit" in t:
        return "mit"
    if "bsd" in t:
        return "bsd-3" if "3" in t else "bsd-2" if "2" in t else "bsd"
    if "epl" in t or ("eclipse" in t and "public" in t):
        return "epl-" + v
    if "mpl" in t or "mozilla" in t:
        return "mpl-" + "-".join(x for x in t if x.isdigit())
    if "gpl" in t or "gpl2" in t:
        return "gpl-cpe" if ("classpath" in t or "cpe" in t) else "gpl-" + "-".join(x for x in t if x.isdigit())
    return " ".join(t)


def org_key(name: str) -> str:
    return " ".join(x for x in _toks(name) if x not in ("the", "llc", "inc", "com", "ltd"))


def field_sets(r: dict) -> dict[str, set[str]]:
    """What a filter may test, as comparable keys."""
    return {"l": {licence_key(x) for x in r["licenses"]}, "o": {org_key(r["organization"])} - {""},
            "q": {parent_ga(r)} - {""}, "k": {r["packaging"]}, "c": set(dep_map(r))}  # fmt: skip


def _key(f: str, v: str) -> str:
    return licence_key(v) if f == "l" else org_key(v) if f == "o" else v


def filter_match(fields: dict[str, str], r: dict) -> bool:
    fs = field_sets(r)
    return all(_key(f, v) in fs[f] for f, v in fields.items())


def answer_names(r: dict, recs: list[dict]) -> list[str]:
    """groupId:artifactId, plus the bare artifactId when no other title holds its tokens."""
    out = [ga(r)]
    at = _toks(r["artifactId"])
    if len(r["artifactId"]) >= 5 and not any(o is not r and _contains(_toks(ga(o)), at) for o in recs):
        out.append(r["artifactId"])
    return out


def make_questions(recs: list[dict], absent: list[str], pages: dict[str, str]) -> tuple[list[dict], list[dict]]:
    rng = random.Random(SEED)
    by = {ga(r): r for r in recs}
    names = sorted(by)
    order = names[:]
    rng.shuffle(order)
    n_dev = round(len(order) * 0.4)
    split_pkgs = {"dev": sorted(order[:n_dev]), "test": sorted(order[n_dev:])}
    absent = absent[:]
    rng.shuffle(absent)
    absent_for = {"dev": absent[: DEV_TARGETS["absent-package"]],
                  "test": absent[DEV_TARGETS["absent-package"] :][: TEST_TARGETS["absent-package"]]}
    ans = {n: answer_names(by[n], recs) for n in names}

    descs = {n: by[n]["description"] for n in names}
    reverse_ok = set()
    for n in names:
        st = _toks(descs[n])
        if len(st) < 3 or _contains(st, _toks(by[n]["artifactId"])):
            continue
        if by[n]["name"] and _contains(st, _toks(by[n]["name"])):
            continue
        if any(m != n and (_contains(_toks(descs[m]), st) or _contains(st, _toks(descs[m]))) for m in names):
            continue
        if any(m != n and _contains(_toks(pages[m]), st) for m in names):
            continue
        reverse_ok.add(n)

    fs = {n: field_sets(by[n]) for n in names}
    deps = {n: dep_map(by[n]) for n in names}
    cnt = {f: Counter(x for n in names for x in fs[n][f]) for f in ("l", "o", "q", "k", "c")}
    raw = {"l": lambda r, key: next(x for x in r["licenses"] if licence_key(x) == key),
           "o": lambda r, key: r["organization"], "q": lambda r, key: key,
           "k": lambda r, key: key, "c": lambda r, key: key}  # fmt: skip
    filters: list[tuple[str, str, dict]] = []
    for n in names:
        for kind, (f1, f2) in FILTERS.items():
            for v1 in sorted(fs[n][f1]):
                if cnt[f1][v1] < 2:
                    continue
                for v2 in sorted(fs[n][f2]):
                    if cnt[f2][v2] < 2:
                        continue
                    fields = {f1: raw[f1](by[n], v1), f2: raw[f2](by[n], v2)}
                    if [m for m in names if filter_match(fields, by[m])] == [n]:
                        filters.append((kind, n, fields))

    splits = {}
    for split, targets in (("dev", DEV_TARGETS), ("test", TEST_TARGETS)):
        pk = split_pkgs[split]
        used: set[tuple[str, str]] = set()
        items: list[dict] = []

        def add(kind, qtype, question, answers, evidence, options=None):
            d = {"question": question, "answers": answers, "type": qtype, "evidence": evidence}
            if options:
                d["options"] = options
            d["kind"] = kind
            items.append(d)

        def wording(kind):
            return rng.choice(Q[kind])

        # filters, round-robin over the kinds; an artifact is the answer of one filter at most
        pools = defaultdict(list)
        for f in filters:
            if f[1] in pk:
                pools[f[0]].append(f)
        for k in pools:
            rng.shuffle(pools[k])
        kinds = sorted(pools)
        taken: set[str] = set()
        took = i = 0
        while took < targets["filter"] and any(pools.values()):
            kind = kinds[i % len(kinds)]
            i += 1
            while pools[kind]:
                _, a, fields = pools[kind].pop()
                if a in taken:
                    continue
                taken.add(a)
                add(kind, "filter", wording(kind).format(**fields), ans[a], [doc_id(by[a])])
                used |= {(a, "licence"), (a, "organisation"), (a, "parent"), (a, "deps"), (a, "packaging")}
                took += 1
                break

        # reverse
        cands = [n for n in pk if n in reverse_ok and n not in taken]
        rng.shuffle(cands)
        for n in cands[: targets["reverse"]]:
            add("reverse", "reverse", wording("reverse").format(s=descs[n]), ans[n], [doc_id(by[n])])
            used.add((n, "description"))

        # comparisons
        in_cmp: set[str] = set()
        pairs = [(a, b) for a in pk for b in pk if a < b]
        rng.shuffle(pairs)
        quota = {k: targets["comparison"] // 3 + (1 if j < targets["comparison"] % 3 else 0)
                 for j, k in enumerate(CMP)}  # fmt: skip
        made = Counter()

        def free(a: str, b: str) -> bool:
            ta, tb = _toks(a), _toks(b)
            xa, xb = _toks(by[a]["artifactId"]), _toks(by[b]["artifactId"])
            return not (a in in_cmp or b in in_cmp or _contains(ta, tb) or _contains(tb, ta)
                        or _contains(ta, xb) or _contains(tb, xa))

        def emit(kind, a, b, winner, **fmt):
            opts = [a, b] if rng.random() < 0.5 else [b, a]
            add(kind, "comparison", wording(kind).format(a=opts[0], b=opts[1], **fmt), [winner],
                [doc_id(by[opts[0]]), doc_id(by[opts[1]])], opts)
            in_cmp.update((a, b))
            made[kind] += 1

        for a, b in pairs:
            if made["depends-on"] >= quota["depends-on"]:
                break
            if not free(a, b) or not deps[a] or not deps[b]:
                continue
            x, y = (a, b) if rng.random() < 0.5 else (b, a)
            only = sorted(c for c in set(deps[x]) - set(deps[y]) if c not in (a, b))
            if not only:
                continue
            emit("depends-on", a, b, x, c=rng.choice(only))
            used |= {(a, "deps"), (b, "deps")}
        for a, b in pairs:
            if made["licence-cmp"] >= quota["licence-cmp"]:
                break
            la, lb = by[a]["licenses"], by[b]["licenses"]
            if not free(a, b) or len(la) != 1 or len(lb) != 1 or licence_key(la[0]) == licence_key(lb[0]):
                continue
            if _contains(_toks(la[0]), _toks(lb[0])) or _contains(_toks(lb[0]), _toks(la[0])):
                continue
            x = a if rng.random() < 0.5 else b
            emit("licence-cmp", a, b, x, l=by[x]["licenses"][0])
            used |= {(a, "licence"), (b, "licence")}
        for a, b in pairs:
            if made["higher-version"] >= quota["higher-version"]:
                break
            va, vb = _num(by[a]["version"]), _num(by[b]["version"])
            if not free(a, b) or not va or not vb or va[0] == vb[0]:
                continue
            emit("higher-version", a, b, a if va > vb else b)
            used |= {(a, "version"), (b, "version")}

        # single hop, the fields in turn, an artifact at most once
        facts = defaultdict(list)
        for n in pk:
            r = by[n]
            vis = body_fields(r)
            page = pages[n]
            vals = {"version": [r["version"]] if "version" in vis else [],
                    "licence": r["licenses"] if "licence" in vis and len(r["licenses"]) == 1 else [],
                    "organisation": [r["organization"]] if r["organization"] else [],
                    "url": url_aliases(r["url"], page) if r["url"] and "${" not in r["url"] else [],
                    "scm": url_aliases(r["scm"], page) if r["scm"] and "${" not in r["scm"] else [],
                    "java": [r["java"]] if r["java"] else [],
                    "parent": [r["parent"]] if r["parent"] and "${" not in r["parent"] else []}  # fmt: skip
            for f, g in vals.items():
                if g and (n, f) not in used:
                    facts[f].append((n, g, {}))
            if r["deps"] and (n, "deps") not in used:
                ok = [d["ga"] for d in r["deps"] if re.fullmatch(r"[\d.]+[\w.\-]*", d["version"] or "")
                      and _toks(d["version"])]
                if ok:
                    c = rng.choice(ok)
                    facts["dep-version"].append((n, [deps[n][c]], {"c": c}))
        for f in SINGLE:
            rng.shuffle(facts[f])
        asked: set[str] = set()
        k = count = 0
        while count < targets["single_hop"] and any(facts[f] for f in SINGLE):
            f = SINGLE[k % len(SINGLE)]
            k += 1
            while facts[f]:
                n, golds, extra = facts[f].pop()
                if n in asked:
                    continue
                asked.add(n)
                add(f, "single_hop", wording(f).format(p=n, **extra), golds, [doc_id(by[n])])
                count += 1
                break

        # unanswerable
        for p in absent_for[split]:
            add("absent-package", "unanswerable", wording("absent-package").format(p=p), [], [])
        attr_pk = pk[:]
        rng.shuffle(attr_pk)
        attrs = list(range(len(Q["absent-attribute"])))
        rng.shuffle(attrs)
        for j, n in enumerate(attr_pk[: targets["absent-attribute"]]):
            t = attrs[j % len(attrs)]
            items.append({"question": Q["absent-attribute"][t].format(p=n), "answers": [], "type": "unanswerable",
                          "evidence": [], "kind": "absent-attribute", "package": n})

        rng.shuffle(items)
        splits[split] = [{"id": f"cat4-{split}-{j + 1:03d}", **d} for j, d in enumerate(items)]
    return splits["dev"], splits["test"]


# ------------------------------------------------------------------ build / check


def _named(ga_: str, text: str) -> bool:
    """Whether an artifact (its artifactId as whole tokens) is named in a text."""
    return _contains(_toks(text), _toks(ga_.split(":")[1]))


def _attr_hits(t: int, corpus_low: str) -> list[str]:
    toks = set(_toks(corpus_low))
    hit = []
    for w in ABSENT_ATTR_WORDS[t]:
        if w == "<size>":
            hit += re.findall(r"\d\s*(?:kb|kib|mb|mib|bytes)\b", corpus_low)
        elif (" " in w and w in corpus_low) or w in toks:
            hit.append(w)
    return hit


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def build(force: bool) -> None:
    if (OUT / "test.jsonl").exists() and not force:
        sys.exit(f"{OUT / 'test.jsonl'} exists (frozen); pass --force to overwrite the snapshot")
    if M2.is_dir():
        snap = scan_m2()
        OUT.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        print(f"{M2} not found: rebuilding from {SNAPSHOT}")
        snap = load_snapshot()
    chosen = snap["records"]
    ids = Counter(doc_id(r) for r in chosen)
    clash = [s for s, c in ids.items() if c > 1]
    if clash:
        sys.exit(f"document ids shared by two artifacts: {clash}")
    PAGES.mkdir(parents=True, exist_ok=True)
    for old in PAGES.glob("*.md"):
        old.unlink()
    pages = {}
    for r in chosen:
        pages[ga(r)] = render(r)
        (PAGES / f"{r['artifactId']}.md").write_text(pages[ga(r)], encoding="utf-8")
    corpus_text = "\n".join(pages.values())
    present = set(snap["coordinates"])
    absent = [p for p in ABSENT if p not in present and not _named(p, corpus_text)]
    dev, test = make_questions(chosen, absent, pages)
    for name, items in (("dev", dev), ("test", test)):
        with open(OUT / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for d in items:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    print(f"{snap['poms_read']} POMs, {snap['artifacts']} artifacts, {snap['eligible']} eligible, "
          f"{len(snap['skipped'])} skipped")
    print(f"{len(chosen)} pages; layouts {dict(Counter(layout(r) for r in chosen))}; absent usable: {absent}")
    for name, items in (("dev", dev), ("test", test)):
        print(name, len(items), dict(Counter(d["type"] for d in items)), dict(Counter(d["kind"] for d in items)))


def check() -> int:
    from ragtune.corpus.loaders import iter_documents, scan
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    results: list[tuple[str, list[str]]] = []
    snap = load_snapshot()
    recs = snap["records"]
    by_id = {doc_id(r): r for r in recs}
    by_ga = {ga(r): r for r in recs}
    files, problems = scan(CORPUS)
    docs = {}
    load_bad = []
    for f in files:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    results.append((f"corpus scans with no problems and loads every page ({len(docs)} documents)",
                    [str(p) for p in problems] + load_bad + ([] if len(docs) == len(files) == len(recs) else ["count"])))
    bad = [i for i, d in docs.items() if not d.text.lstrip().startswith("# ") or d.title not in by_ga
           or doc_id(by_ga[d.title]) != i]  # fmt: skip
    bad += [f"{i}: page differs from render(snapshot)" for i, r in by_id.items()
            if not (PAGES / f"{r['artifactId']}.md").is_file()
            or (PAGES / f"{r['artifactId']}.md").read_text(encoding="utf-8") != render(r)]
    bad += [f"id {k} shared" for k, c in Counter(doc_id(r) for r in recs).items() if c > 1]
    results.append(("every page is '# groupId:artifactId', id packages/<artifactId> (unique), and equals its "
                    "rendering from snapshot.json", bad))
    full = {i: (d.title + "\n" + d.text) for i, d in docs.items()}
    with_meta = {i: full[i] + "\n" + "\n".join(f"{k}: {v}" for k, v in d.metadata.items()) for i, d in docs.items()}
    meta_only = []
    for i, d in docs.items():
        r = by_id.get(i)
        if r and layout(r) == "frontmatter" and (str(d.metadata.get("version")) != r["version"]):
            meta_only.append(f"{i}: front matter version {d.metadata.get('version')!r}")
    results.append(("front matter pages carry version / licence as metadata", meta_only))
    rows = {s: [json.loads(x) for x in (OUT / f"{s}.jsonl").read_text().splitlines() if x.strip()]
            for s in ("dev", "test")}  # fmt: skip
    items, loadq = {}, []
    for s in ("dev", "test"):
        try:
            items[s] = load_qa(OUT / f"{s}.jsonl", corpus_ids=set(docs))
        except Exception as e:  # noqa: BLE001
            loadq.append(f"{s}: {e}")
    results.append(("load_qa reads both splits with the corpus ids", loadq))
    if loadq:
        return report(results)
    allitems = [(s, it) for s in ("dev", "test") for it in items[s]]
    ev, gold_in, gold_ok, near, cmpw, abst, kinds, facts, idf = ([] for _ in range(9))
    for s, it in allitems:
        kind = it.meta.get("kind")
        if not kind:
            kinds.append(it.id)
        if not re.fullmatch(rf"cat4-{s}-\d\d\d", it.id):
            idf.append(it.id)
        if it.type == "unanswerable" and it.evidence:
            ev.append(f"{it.id}: unanswerable with evidence")
        if it.answerable and not it.evidence:
            ev.append(f"{it.id}: no evidence")
        for e in it.evidence:
            if e not in docs:
                ev.append(f"{it.id}: evidence {e} not a document")
        if not it.answerable:
            if not is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores wrong")
            if is_correct(it, "It is 1.2.0.", False) or is_correct(it, "Apache License, Version 2.0", False):
                abst.append(f"{it.id}: an answer scores correct")
            continue
        if is_correct(it, "The documents do not say.", False):
            abst.append(f"{it.id}: abstention scores correct on an answerable item")
        for g in it.answers:
            if not any(contains_tokens(answer_tokens(full[e]), answer_tokens(g)) for e in it.evidence):
                gold_in.append(f"{it.id}: {g!r}")
            if not is_correct(it, g, False) or not is_correct(it, f"The answer is {g}.", False):
                gold_ok.append(f"{it.id}: {g!r}")
            if g.strip().lower() == "none":
                gold_ok.append(f"{it.id}: bare none")
        if kind in ("version", "dep-version", "java"):
            nm = _near_miss(it.answers[0])
            if is_correct(it, nm, False) or is_correct(it, f"The answer is {nm}.", False):
                near.append(f"{it.id}: {nm}")
        if it.options:
            a, b = it.options
            if it.answers[0] not in it.options:
                cmpw.append(f"{it.id}: gold not an option")
            for w in [o for o in it.options if o not in it.answers]:
                if is_correct(it, w, False) or is_correct(it, f"{w} does.", False) or \
                        is_correct(it, f"The answer is {w}.", False):
                    cmpw.append(f"{it.id}: wrong option scores correct")
            for w in [o for o in it.options if o not in it.answers]:
                bare = w.split(":")[1]
                if is_correct(it, bare, False) or is_correct(it, f"The answer is {bare}.", False):
                    cmpw.append(f"{it.id}: wrong option's artifactId scores correct")
            for hedge in (f"{a} or {b}", f"{b} or {a}", f"{a} or {b}."):
                if is_correct(it, hedge, False):
                    cmpw.append(f"{it.id}: hedge {hedge!r}")
        # the facts a comparison / filter / single hop rests on, from the snapshot, and on the page
        fields = parse_question(kind, it.question) or {}
        if kind in Q and kind not in ("reverse",) and not fields:
            facts.append(f"{it.id}: question not read back")
            continue
        win = by_ga.get(it.answers[0]) if it.type in ("comparison", "filter", "reverse") else None
        if it.type in ("comparison", "filter", "reverse") and win is None:
            facts.append(f"{it.id}: answer is no artifact")
            continue
        if kind == "depends-on":
            for e in it.evidence:
                if (fields["c"] in dep_map(by_id[e])) != (by_id[e] is win):
                    facts.append(f"{it.id}: dependency not only the answer's")
            if not contains_tokens(answer_tokens(full[doc_id(win)]), answer_tokens(fields["c"])):
                facts.append(f"{it.id}: dependency not on the page")
        elif kind == "licence-cmp":
            for e in it.evidence:
                if (licence_key(fields["l"]) in field_sets(by_id[e])["l"]) != (by_id[e] is win):
                    facts.append(f"{it.id}: licence not only the answer's")
            if not contains_tokens(answer_tokens(with_meta[doc_id(win)]), answer_tokens(fields["l"])):
                facts.append(f"{it.id}: licence not on the page")
        elif kind == "higher-version":
            va, vb = (_num(by_id[e]["version"]) for e in it.evidence)
            hi = it.evidence[0] if va > vb else it.evidence[1]
            if by_id[hi] is not win or va[0] == vb[0]:
                facts.append(f"{it.id}: version order")
        elif kind.startswith("filter"):
            hits = [ga(r) for r in recs if filter_match(fields, r)]
            if hits != [ga(win)]:
                facts.append(f"{it.id}: matches {hits}")
            for f, v in fields.items():
                if not contains_tokens(answer_tokens(with_meta[doc_id(win)]), answer_tokens(v)):
                    facts.append(f"{it.id}: {f} not on the answer's page")
        elif kind == "reverse":
            s_ = (parse_question("reverse", it.question) or {}).get("s", "")
            if [ga(r) for r in recs if r["description"] == s_] != [ga(win)]:
                facts.append(f"{it.id}: description not the answer's alone")
            if any(contains_tokens(answer_tokens(full[i]), answer_tokens(s_)) for i in docs if i != doc_id(win)):
                facts.append(f"{it.id}: description on another page")
        else:  # single hop: the gold is the snapshot's value
            r = by_ga.get(fields.get("p", ""))
            if r is None or doc_id(r) != it.evidence[0]:
                facts.append(f"{it.id}: subject not the evidence")
                continue
            val = {"version": r["version"], "licence": "; ".join(r["licenses"]), "organisation": r["organization"],
                   "url": r["url"], "scm": r["scm"], "java": r["java"], "parent": r["parent"],
                   "dep-version": dep_map(r).get(fields.get("c", ""), "")}[kind]  # fmt: skip
            if it.answers[0] != val:
                facts.append(f"{it.id}: gold is not the snapshot's value")
            if kind in ("version", "licence") and layout(r) == "frontmatter":
                facts.append(f"{it.id}: asks a front-matter-only field")
    results += [
        ("ids cat4-<split>-NNN; every item has a kind; evidence: answerable has some, unanswerable none, "
         "every id a loaded document", idf + kinds + ev),
        ("every gold alias occurs as whole tokens in an evidence document (title + text)", gold_in),
        ("every gold alias scores correct alone and in 'The answer is <gold>.'; no bare 'none'", gold_ok),
        ("a near-miss version (last digit changed) scores wrong", near),
        ("comparisons: gold is an option; wrong option (alone, 'X does.', in a sentence), 'A or B', 'B or A' score wrong",
         cmpw),
        ("'The documents do not say.' scores correct exactly on the unanswerable items; answers score wrong there",
         abst),
        ("facts agree with snapshot.json: single-hop golds, comparison winners, unique filters and descriptions", facts),
    ]
    # split separation
    names = {ga(r): doc_id(r) for r in recs}
    pk = {s: {e for it in items[s] for e in it.evidence} | {names[r["package"]] for r in rows[s] if r.get("package")}
          for s in ("dev", "test")}  # fmt: skip
    both = sorted(pk["dev"] & pk["test"])
    absent_named = {s: {p for r in rows[s] if r["kind"] == "absent-package" for p in ABSENT if p in r["question"]}
                    for s in rows}  # fmt: skip
    qd = {" ".join(answer_tokens(it.question)): it.answers for it in items["dev"]}
    qdup = [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    gdup = [it.id for it in items["test"] if qd.get(" ".join(answer_tokens(it.question))) == it.answers]
    results.append(("no artifact asked in both splits; no absent artifact named in both; no question repeated, "
                    "no test gold list equal to a dev one for the same question",
                    both + sorted(absent_named["dev"] & absent_named["test"]) + qdup + gdup))
    corpus_all = "\n".join(with_meta.values())
    corpus_low = corpus_all.lower()
    present = set(snap["coordinates"])
    un = []
    for s, r in ((s, r) for s in rows for r in rows[s]):
        if r["kind"] == "absent-package":
            p = [p for p in ABSENT if p in r["question"]]
            if len(p) != 1 or _named(p[0], corpus_all) or p[0] in present:
                un.append(f"{r['id']}: absent artifact {p} named in the corpus or in the repository")
        elif r["kind"] == "absent-attribute":
            t = [j for j, w in enumerate(Q["absent-attribute"]) if w.format(p=r["package"]) == r["question"]]
            if len(t) != 1 or r["package"] not in by_ga:
                un.append(f"{r['id']}: not a known wording / artifact")
                continue
            hit = _attr_hits(t[0], corpus_low)
            if t[0] == 1:  # a release date: no year or yyyymmdd stamp on the artifact's own page
                own = full[doc_id(by_ga[r["package"]])]
                hit += re.findall(r"(?<!\d)(?:19|20)\d\d(?:\d{4})?(?!\d)", own)
            if hit:
                un.append(f"{r['id']}: corpus contains {hit}")
    results.append(("unanswerable: absent artifacts in no page and not in the repository snapshot; "
                    "attribute words in no page", un))
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    sha_ok = (OUT / "test.jsonl.sha256").read_text(encoding="utf-8") == f"{digest}  test.jsonl\n"
    results.append(("test.jsonl matches test.jsonl.sha256", [] if sha_ok else ["sha256 mismatch"]))
    counts = {s: Counter(it.type for it in items[s]) for s in items}
    size = []
    if not (40 <= len(items["dev"]) <= 50):
        size.append(f"dev has {len(items['dev'])}")
    if not (70 <= len(items["test"]) <= 76):
        size.append(f"test has {len(items['test'])}")
    results.append((f"split sizes (dev {len(items['dev'])} {dict(counts['dev'])}; test {len(items['test'])})", size))
    return report(results)


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
