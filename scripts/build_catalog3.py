"""Build the catalog3 evaluation corpus: the npm packages bundled with this machine's npm.

    PYTHONPATH=src python scripts/build_catalog3.py build [--force]   # pages + dev.jsonl + test.jsonl
    PYTHONPATH=src python scripts/build_catalog3.py check             # loader + scorer checks, no model

`build` reads the package.json of every package under /usr/lib/node_modules/npm/node_modules
(top level and scoped, `@npmcli/*` ...), of npm itself and of corepack, drops those without a
description, keeps npm and picks the rest evenly over the names sorted (TAKE pages in all),
renders one markdown page per package in one of three layouts (sha256 of "catalog3:" + name,
mod 3: prose, front matter, bullets) and generates the questions (seeded). The pages are a
snapshot of this machine's npm: another machine's npm bundles other packages and versions, so
the committed corpus, not a rebuild, is the evaluation set, and `build` refuses to overwrite it
without --force. A scoped name `@scope/name` is written to `packages/scope-name.md` (document id
`packages/scope-name`); the build fails if two names would share a file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog3"
CORPUS = OUT / "corpus"
PAGES = CORPUS / "packages"
NPM = Path("/usr/lib/node_modules/npm")
COREPACK = Path("/usr/lib/node_modules/corepack")

SEED = 2026_12_03
TAKE = 86

# Real, well-known npm packages, checked at build time: not bundled with npm here (at any depth)
# and named nowhere in the corpus pages, so a question about them has no answer in the corpus.
ABSENT = [
    "react", "lodash", "express", "vue", "axios", "webpack", "typescript", "eslint", "jest",
    "moment", "prettier", "mocha", "commander", "yargs", "dotenv", "rxjs", "jquery", "underscore",
    "bluebird", "nodemon", "mongoose", "redux", "uuid", "dayjs", "rollup", "esbuild",
]  # fmt: skip


# ------------------------------------------------------------------ packages


def _author(a) -> tuple[str, str]:
    """(name, email) of a package.json author: a string "Name <email> (url)" or an object."""
    if isinstance(a, dict):
        return (a.get("name") or "").strip(), (a.get("email") or "").strip()
    if not isinstance(a, str) or not a.strip():
        return "", ""
    s = a.strip()
    email = ""
    m = re.search(r"<([^>]*)>", s)
    if m:
        email = m.group(1).strip()
    name = re.sub(r"<[^>]*>|\([^)]*\)", "", s).strip()
    if not email and re.fullmatch(r"[^\s@]+@[^\s@]+\.[^\s@]+", name):
        return "", name
    return name, email


def _repo(r) -> str:
    if isinstance(r, dict):
        return (r.get("url") or "").strip()
    return r.strip() if isinstance(r, str) else ""


def _node(e) -> str:
    if isinstance(e, dict):
        return str(e.get("node") or "").strip()
    if isinstance(e, list):  # old style ["node >= 0.2.0"]
        for x in e:
            if isinstance(x, str) and x.strip().startswith("node"):
                return x.strip()[4:].strip()
    return ""


def read_package(path: Path) -> dict | None:
    d = json.loads(path.read_text(encoding="utf-8"))
    if not d.get("name") or not d.get("version"):
        return None
    name, email = _author(d.get("author"))
    lic = d.get("license")
    deps = d.get("dependencies") or {}
    kw = d.get("keywords") or []
    return {
        "name": d["name"], "version": str(d["version"]),
        "description": " ".join(str(d.get("description") or "").split()),
        "license": lic if isinstance(lic, str) else "",
        "author_name": name, "author_email": email,
        "deps": {k: str(v) for k, v in sorted(deps.items())},
        "node": _node(d.get("engines")), "repository": _repo(d.get("repository")),
        "homepage": str(d.get("homepage") or "").strip(),
        "keywords": [str(k) for k in kw if isinstance(k, str)] if isinstance(kw, list) else [],
    }  # fmt: skip


def all_package_jsons() -> list[Path]:
    nm = NPM / "node_modules"
    paths = sorted(nm.glob("*/package.json")) + sorted(nm.glob("@*/*/package.json"))
    return [NPM / "package.json", COREPACK / "package.json", *paths]


def bundled_names() -> set[str]:
    """Every package name bundled with npm, nested node_modules included."""
    names = set()
    for p in (NPM / "node_modules").rglob("package.json"):
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(d, dict) and isinstance(d.get("name"), str):
            names.add(d["name"])
    return names | {"npm", "corepack"}


def select(recs: list[dict]) -> tuple[list[dict], list[str]]:
    ok = [r for r in recs if r["description"]]
    skipped = sorted(r["name"] for r in recs if not r["description"])
    forced = [r for r in ok if r["name"] == "npm"]
    rest = sorted((r for r in ok if r["name"] != "npm"), key=lambda r: r["name"])
    k = min(len(rest), TAKE - len(forced))
    n = len(rest)
    chosen = forced + [rest[int((i + 0.5) * n / k)] for i in range(k)]
    return sorted(chosen, key=lambda r: r["name"]), skipped


def file_stem(name: str) -> str:
    """`@npmcli/fs` -> `npmcli-fs`; an unscoped name is kept."""
    return name[1:].replace("/", "-") if name.startswith("@") else name


def doc_id(name: str) -> str:
    return f"packages/{file_stem(name)}"


def _h(name: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog3:{salt}{name}".encode()).hexdigest(), 16)


def layout(name: str) -> str:
    return ("prose", "frontmatter", "bullets")[_h(name) % 3]


def author_id(r: dict) -> str:
    """How the pages name the author: the name, or the e-mail when no name is given."""
    return r["author_name"] or r["author_email"]


def dep_text(deps: dict[str, str]) -> str:
    items = [f"{k} {v}" for k, v in deps.items()]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# ------------------------------------------------------------------ pages


def render(r: dict) -> str:
    name, kind, v = r["name"], layout(r["name"]), _h(r["name"], "w")
    an, ae = r["author_name"], r["author_email"]
    author = f"{an} ({ae})" if an and ae else (an or ae)
    if kind == "prose":
        s = []
        lic = r["license"]
        if v % 2:
            s.append(f"{name}, at version {r['version']}, is published under the {lic} licence."
                     if lic else f"{name} is at version {r['version']}; its manifest names no licence.")
        else:
            s.append(f"The catalogued release of {name} is {r['version']}"
                     + (f", distributed under the {lic} licence." if lic else ", with no licence declared."))
        s.append(f"Its package description says: \"{r['description']}\".")
        if author:
            end = "" if author.endswith(".") else "."
            s.append(f"The author is given as {author}{end}" if v % 3 else f"It was written by {author}{end}")
        else:
            s.append("No author is named in its manifest.")
        if r["node"]:
            s.append(f"It asks for Node.js {r['node']}." if v % 5 < 3
                     else f"Its engines field requires node {r['node']}.")
        else:
            s.append("It states no Node.js engine range.")
        if r["deps"]:
            s.append(f"At run time it depends on {dep_text(r['deps'])}." if v % 7 < 4
                     else f"Its dependencies are {dep_text(r['deps'])}.")
        else:
            s.append("It has no runtime dependencies.")
        if r["repository"]:
            s.append(f"The source repository is {r['repository']} .")
        if r["homepage"]:
            s.append(f"Its homepage is {r['homepage']} .")
        if r["keywords"]:
            s.append("Keywords: " + ", ".join(r["keywords"]) + ".")
        return f"# {name}\n\n" + " ".join(s) + "\n"
    if kind == "frontmatter":
        fm = [f"version: {json.dumps(r['version'])}"]
        if r["license"]:
            fm.append(f"license: {json.dumps(r['license'])}")
        body = [f"{r['description']}", ""]
        if author:
            body.append(f"Author: {author}")
        body.append(f"Node engine: {r['node']}" if r["node"] else "Node engine: not stated")
        if r["deps"]:
            body.append("Requires: " + "; ".join(f"{k} {x}" for k, x in r["deps"].items()))
        else:
            body.append("Requires: nothing at run time")
        if r["repository"]:
            body.append(f"Repository: {r['repository']}")
        if r["homepage"]:
            body.append(f"Homepage: {r['homepage']}")
        if r["keywords"]:
            body.append("Tags: " + ", ".join(r["keywords"]))
        text = "\n".join(body)
        return "---\n" + "\n".join(fm) + "\n---\n" + f"# {name}\n\n" + text + "\n"
    lines = [f"- **Version:** {r['version']}",
             f"- **License:** {r['license'] or 'not declared'}",
             f"- **Summary:** {r['description']}"]  # fmt: skip
    if author:
        lines.append(f"- **Author:** {author}")
    lines.append(f"- **Node.js:** {r['node'] or 'any (no engines field)'}")
    if r["deps"]:
        lines.append("- **Dependencies:** " + ", ".join(f"{k} {x}" for k, x in r["deps"].items()))
    else:
        lines.append("- **Dependencies:** none")
    if r["repository"]:
        lines.append(f"- **Repository:** {r['repository']}")
    if r["homepage"]:
        lines.append(f"- **Homepage:** {r['homepage']}")
    if r["keywords"]:
        lines.append("- **Keywords:** " + ", ".join(r["keywords"]))
    return f"# {name}\n\n" + "\n".join(lines) + "\n"


def body_fields(r: dict) -> set[str]:
    """Fields whose value is in the page text (a front matter page keeps version and licence
    in its metadata only)."""
    f = {"author", "node", "repository", "homepage", "deps", "description"}
    if layout(r["name"]) != "frontmatter":
        f |= {"version", "licence"}
    return f


# ------------------------------------------------------------------ questions

Q = {
    "version": ["Which version of {p} does the catalog list?", "What is the version of {p}?",
                "{p} is catalogued at which release?"],
    "licence": ["Under which licence is {p} published?", "What license does {p} use?",
                "Which licence governs {p}?"],
    "author": ["Who is the author of {p}?", "Who wrote {p}?", "Which author does the {p} manifest name?"],
    "node": ["Which Node.js versions does {p} require?", "What node engine range does {p} declare?",
             "Which versions of Node are supported by {p} according to its engines field?"],
    "repository": ["Where is the source repository of {p}?", "What is the repository URL of {p}?",
                   "Which git repository hosts the code of {p}?"],
    "homepage": ["What is the homepage of {p}?", "Which URL is given as the homepage of {p}?",
                 "Where is {p}'s homepage?"],
    "dep-range": ["Which version range of {c} does {p} depend on?",
                  "What semver range does {p} declare for its dependency {c}?",
                  "{p} requires which version of {c}?"],
    "reverse": ['Which package is described as "{s}"?', 'Which npm package has the description "{s}"?',
                'What is the name of the package whose description reads "{s}"?'],
    "depends-on": ["Which of {a} or {b} depends on {c}?", "Which one, {a} or {b}, lists {c} among its dependencies?",
                   "Of {a} and {b}, which package needs {c} at run time?"],
    "licence-cmp": ["Which of {a} or {b} is under the {l} licence?", "Is {a} or {b} the one licensed {l}?",
                    "Of {a} and {b}, which is distributed under {l}?"],
    "higher-version": ["Which has the higher version, {a} or {b}?",
                       "Which package is at a higher version number: {a} or {b}?",
                       "Of {a} and {b}, which one's version is higher?"],
    "filter-licence-author": ["Which package under the {l} licence was written by {m}?",
                              "Which {l}-licensed package has {m} as its author?",
                              "Among the packages by {m}, which one uses the {l} licence?"],
    "filter-licence-dep": ["Which {l}-licensed package depends on {c}?",
                           "Which package under the {l} licence lists {c} as a dependency?",
                           "Among the packages licensed {l}, which one requires {c}?"],
    "filter-author-dep": ["Which package by {m} depends on {c}?",
                          "Of the packages written by {m}, which one requires {c}?",
                          "Which package authored by {m} lists {c} among its dependencies?"],
    "absent-package": ["What version of {p} is listed?", "Which licence does {p} use?",
                       "Who is the author of {p}?", "Which Node.js versions does {p} support?",
                       "What does {p} depend on?", "Where is the repository of {p}?"],
    "absent-attribute": ["How many weekly downloads does {p} have?", "When was {p} first published?",
                         "How many maintainers does {p} have?", "What is the minified bundle size of {p}?",
                         "How many GitHub stars does {p} have?", "How many open issues does {p} have?"],
}  # fmt: skip
# words an answer to each absent-attribute wording would need; none may occur in any page
ABSENT_ATTR_WORDS = [["download", "downloads", "weekly"],
                     ["first published", "release date", "january", "february", "march", "april", "june",
                      "july", "august", "september", "october", "november", "december", "<year>"],
                     ["maintainer", "maintainers", "maintained"],
                     ["bundle size", "minified", "gzipped", "kb", "kib", "<size>"],
                     ["star", "stars", "stargazers"], ["issue", "issues", "bugs"]]  # fmt: skip

DEV_TARGETS = {"single_hop": 20, "reverse": 5, "comparison": 6, "filter": 6,
               "absent-package": 4, "absent-attribute": 3}  # fmt: skip
TEST_TARGETS = {"single_hop": 34, "reverse": 7, "comparison": 9, "filter": 9,
                "absent-package": 6, "absent-attribute": 6}  # fmt: skip
SINGLE = ["version", "licence", "author", "node", "repository", "dep-range", "homepage"]
CMP = ["depends-on", "licence-cmp", "higher-version"]


def _toks(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", s.lower())


def _contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def _semver(v: str) -> tuple[int, ...] | None:
    m = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", v)
    return tuple(int(x) for x in m.groups()) if m else None


def url_aliases(url: str, page: str) -> list[str]:
    """The URL as written, plus https://host/path and host/path (scheme, `git+`, `git@host:`
    a trailing `.git` or `/` and a `#readme` fragment dropped), each kept only when its tokens
    are in the page."""
    from ragtune.eval.metrics import answer_tokens, contains_tokens

    out = [url]
    url = re.sub(r"#readme$", "", url, flags=re.I)  # a homepage's "#readme" may be left off
    m = re.match(r"^(?:git\+)?(?:https?|git|ssh)://(?:git@)?([^/]+)/(.+?)(?:\.git)?/?$", url) or \
        re.match(r"^git@([^:]+):(.+?)(?:\.git)?/?$", url)
    if m:
        hp = f"{m.group(1)}/{m.group(2)}"
        for a in (f"https://{hp}", hp):
            if a not in out:
                out.append(a)
    hay = answer_tokens(page)
    return [a for a in out if contains_tokens(hay, answer_tokens(a))]


def make_questions(recs: list[dict], absent: list[str], pages: dict[str, str]) -> tuple[list[dict], list[dict]]:
    rng = random.Random(SEED)
    by = {r["name"]: r for r in recs}
    names = sorted(by)
    order = names[:]
    rng.shuffle(order)
    n_dev = round(len(order) * 0.4)
    split_pkgs = {"dev": sorted(order[:n_dev]), "test": sorted(order[n_dev:])}
    absent = absent[:]
    rng.shuffle(absent)
    absent_for = {"dev": absent[: DEV_TARGETS["absent-package"]],
                  "test": absent[DEV_TARGETS["absent-package"] :][: TEST_TARGETS["absent-package"]]}

    descs = {n: by[n]["description"] for n in names}
    reverse_ok = set()
    for n in names:
        st = _toks(descs[n])
        if len(st) < 3 or _contains(st, _toks(n)) or _contains(st, _toks(n.split("/")[-1])):
            continue
        if any(m != n and (_contains(_toks(descs[m]), st) or _contains(st, _toks(descs[m])))
               for m in names):  # fmt: skip
            continue
        # no other page contains the description
        if any(m != n and _contains(_toks(pages[m]), st) for m in names):
            continue
        reverse_ok.add(n)

    lic = {n: by[n]["license"] for n in names}
    auth = {n: author_id(by[n]) for n in names}
    deps = {n: set(by[n]["deps"]) for n in names}
    n_lic = Counter(lic.values())
    n_auth = Counter(auth.values())
    n_dependents = Counter(c for n in names for c in deps[n])
    filters: list[tuple[str, str, dict]] = []
    for n in names:
        L, M = lic[n], auth[n]
        if L and M and n_lic[L] >= 2 and n_auth[M] >= 2:
            if [m for m in names if lic[m] == L and auth[m] == M] == [n]:
                filters.append(("filter-licence-author", n, {"l": L, "m": M}))
        for c in sorted(deps[n]):
            if n_dependents[c] < 2:
                continue
            if L and n_lic[L] >= 2 and [m for m in names if lic[m] == L and c in deps[m]] == [n]:
                filters.append(("filter-licence-dep", n, {"l": L, "c": c}))
            if M and n_auth[M] >= 2 and [m for m in names if auth[m] == M and c in deps[m]] == [n]:
                filters.append(("filter-author-dep", n, {"m": M, "c": c}))

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

        # filters (they state two fields of their answer), round-robin over the kinds
        pools = defaultdict(list)
        for f in filters:
            if f[1] in pk:
                pools[f[0]].append(f)
        for k in pools:
            rng.shuffle(pools[k])
        kinds = sorted(pools)
        taken_pk: set[str] = set()
        took = i = 0
        while took < targets["filter"] and any(pools.values()):
            kind = kinds[i % len(kinds)]
            i += 1
            while pools[kind]:
                _, ans, fields = pools[kind].pop()
                if ans in taken_pk:
                    continue
                taken_pk.add(ans)
                add(kind, "filter", wording(kind).format(**fields), [ans], [doc_id(ans)])
                used |= {(ans, "licence"), (ans, "author"), (ans, "deps")}
                took += 1
                break

        # reverse
        cands = [n for n in pk if n in reverse_ok and n not in taken_pk]
        rng.shuffle(cands)
        for n in cands[: targets["reverse"]]:
            add("reverse", "reverse", wording("reverse").format(s=descs[n]), [n], [doc_id(n)])
            used.add((n, "description"))

        # comparisons: the three kinds in turn; a package in one comparison at most
        in_cmp: set[str] = set()
        pairs = [(a, b) for a in pk for b in pk if a < b]
        rng.shuffle(pairs)
        quota = {k: targets["comparison"] // 3 + (1 if j < targets["comparison"] % 3 else 0)
                 for j, k in enumerate(CMP)}  # fmt: skip
        made = Counter()

        def free(a: str, b: str) -> bool:
            """Neither is in a comparison yet, neither name is inside the other, and neither is
            scoped: the scorer reads "X or @scope/y" as no list, so such a hedge would pass."""
            ta, tb = _toks(a), _toks(b)
            if a.startswith("@") or b.startswith("@"):
                return False
            return not (a in in_cmp or b in in_cmp or _contains(ta, tb) or _contains(tb, ta))

        def emit(kind, a, b, winner, **fmt):
            opts = [a, b] if rng.random() < 0.5 else [b, a]
            add(kind, "comparison", wording(kind).format(a=opts[0], b=opts[1], **fmt), [winner],
                [doc_id(opts[0]), doc_id(opts[1])], opts)
            in_cmp.update((a, b))
            made[kind] += 1

        for a, b in pairs:
            if made["depends-on"] >= quota["depends-on"]:
                break
            if not free(a, b) or not deps[a] or not deps[b]:
                continue
            x, y = (a, b) if rng.random() < 0.5 else (b, a)
            only = sorted(c for c in deps[x] - deps[y] if c not in (a, b))
            if not only:
                continue
            emit("depends-on", a, b, x, c=rng.choice(only))
            used |= {(a, "deps"), (b, "deps"), (a, "dep-range"), (b, "dep-range")}
        for a, b in pairs:
            if made["licence-cmp"] >= quota["licence-cmp"]:
                break
            if not free(a, b) or not lic[a] or not lic[b] or lic[a] == lic[b]:
                continue
            x = a if rng.random() < 0.5 else b
            emit("licence-cmp", a, b, x, l=lic[x])
            used |= {(a, "licence"), (b, "licence")}
        for a, b in pairs:
            if made["higher-version"] >= quota["higher-version"]:
                break
            va, vb = _semver(by[a]["version"]), _semver(by[b]["version"])
            if not free(a, b) or not va or not vb or va[0] == vb[0]:
                continue  # unambiguous only: the major versions differ
            emit("higher-version", a, b, a if va > vb else b)
            used |= {(a, "version"), (b, "version")}

        # single hop, the fields in turn, a package at most once
        facts = defaultdict(list)
        for n in pk:
            r = by[n]
            vis = body_fields(r)
            page = pages[n]
            vals = {"version": [r["version"]], "licence": [r["license"]],
                    "author": [r["author_name"]], "node": [r["node"]],
                    "repository": url_aliases(r["repository"], page) if r["repository"] else [],
                    "homepage": url_aliases(r["homepage"], page) if r["homepage"] else []}  # fmt: skip
            for f in ("version", "licence", "author", "node", "repository", "homepage"):
                vf = "licence" if f == "licence" else f
                if vals[f] and vals[f][0] and (n, vf) not in used and (f in vis):
                    facts[f].append((n, vals[f], {}))
            if r["deps"] and (n, "dep-range") not in used and (n, "deps") not in used:
                ok = [c for c, rg in r["deps"].items() if re.search(r"\d", rg)]
                if ok:
                    c = rng.choice(ok)
                    facts["dep-range"].append((n, [r["deps"][c]], {"c": c}))
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
                add(f, "single_hop", wording(f).format(p=n, **extra), golds, [doc_id(n)])
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
            d = {"question": Q["absent-attribute"][t].format(p=n), "answers": [], "type": "unanswerable",
                 "evidence": [], "kind": "absent-attribute", "package": n}
            items.append(d)

        rng.shuffle(items)
        splits[split] = [{"id": f"cat3-{split}-{j + 1:03d}", **d} for j, d in enumerate(items)]
    return splits["dev"], splits["test"]


# ------------------------------------------------------------------ build / check


def _named(p: str, text: str) -> bool:
    return re.search(r"(?<![\w.@/-])" + re.escape(p) + r"(?![\w-])", text) is not None


def build(force: bool) -> None:
    if (OUT / "test.jsonl").exists() and not force:
        sys.exit(f"{OUT / 'test.jsonl'} exists (frozen); pass --force to overwrite the snapshot")
    recs = [r for r in (read_package(p) for p in all_package_jsons() if p.is_file()) if r]
    chosen, skipped = select(recs)
    stems = Counter(file_stem(r["name"]) for r in chosen)
    clash = [s for s, c in stems.items() if c > 1]
    if clash:
        sys.exit(f"file names shared by two packages: {clash}")
    PAGES.mkdir(parents=True, exist_ok=True)
    for old in PAGES.glob("*.md"):
        old.unlink()
    pages = {}
    for r in chosen:
        page = render(r)
        pages[r["name"]] = page
        (PAGES / f"{file_stem(r['name'])}.md").write_text(page, encoding="utf-8")
    corpus_text = "\n".join(pages.values()).lower()
    bundled = bundled_names()
    absent = [p for p in ABSENT if p not in bundled and not _named(p, corpus_text)]
    dev, test = make_questions(chosen, absent, pages)
    for name, items in (("dev", dev), ("test", test)):
        with open(OUT / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for d in items:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{len(recs)} package.json read; skipped without description: {skipped}")
    print(f"{len(chosen)} pages; layouts {dict(Counter(layout(r['name']) for r in chosen))}; "
          f"absent usable: {absent}")
    for name, items in (("dev", dev), ("test", test)):
        print(name, len(items), dict(Counter(d["type"] for d in items)), dict(Counter(d["kind"] for d in items)))


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


def _near_miss(v: str) -> str:
    m = list(re.finditer(r"\d", v))[-1]
    d = str((int(m.group()) + 1) % 10)
    return v[: m.start()] + d + v[m.end() :]


def check() -> int:
    from ragtune.corpus.loaders import iter_documents, scan
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    results: list[tuple[str, list[str]]] = []
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
                    [str(p) for p in problems] + load_bad + ([] if len(docs) == len(files) else ["count"])))
    bad_title = [i for i, d in docs.items() if not d.text.lstrip().startswith("# ") or
                 doc_id(d.title) != i]  # fmt: skip
    results.append(("every page starts with '# <name>' and its id is packages/<file stem of name>", bad_title))
    names = {d.title: i for i, d in docs.items()}
    full = {i: (d.title + "\n" + d.text) for i, d in docs.items()}
    with_meta = {i: full[i] + "\n" + "\n".join(f"{k}: {v}" for k, v in d.metadata.items())
                 for i, d in docs.items()}  # fmt: skip
    rows = {s: [json.loads(x) for x in (OUT / f"{s}.jsonl").read_text().splitlines() if x.strip()]
            for s in ("dev", "test")}  # fmt: skip
    items = {}
    loadq = []
    for s in ("dev", "test"):
        try:
            items[s] = load_qa(OUT / f"{s}.jsonl", corpus_ids=set(docs))
        except Exception as e:  # noqa: BLE001
            loadq.append(f"{s}: {e}")
    results.append(("load_qa reads both splits with the corpus ids", loadq))
    if loadq:
        return report(results)
    allitems = [(s, it) for s in ("dev", "test") for it in items[s]]
    ev, gold_in, gold_ok, near, cmpw, abst, kinds, meta_facts = ([] for _ in range(8))
    for s, it in allitems:
        kind = it.meta.get("kind")
        if not kind:
            kinds.append(it.id)
        if it.type == "unanswerable" and it.evidence:
            ev.append(f"{it.id}: unanswerable with evidence")
        if it.answerable and not it.evidence:
            ev.append(f"{it.id}: no evidence")
        if not it.answerable:
            if not is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores wrong")
            if is_correct(it, "It is 1.2.0.", False) or is_correct(it, "MIT", False):
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
        if kind in ("version", "dep-range", "node"):
            nm = _near_miss(it.answers[0])
            if is_correct(it, nm, False) or is_correct(it, f"The answer is {nm}.", False):
                near.append(f"{it.id}: {nm}")
        if it.options:
            a, b = it.options
            for w in [o for o in it.options if o not in it.answers]:
                if is_correct(it, w, False) or is_correct(it, f"{w} does.", False) or \
                        is_correct(it, f"The answer is {w}.", False):
                    cmpw.append(f"{it.id}: wrong option scores correct")
            for hedge in (f"{a} or {b}", f"{b} or {a}", f"{a} or {b}."):
                if is_correct(it, hedge, False):
                    cmpw.append(f"{it.id}: hedge {hedge!r}")
        # the licence a filter/comparison states is the answer's and not the other option's
        if kind in ("filter-licence-author", "filter-licence-dep", "licence-cmp"):
            fields = parse_question(kind, it.question) or {}
            L = fields.get("l")
            win = names[it.answers[0]]
            if not L or not _has_licence(with_meta[win], L):
                meta_facts.append(f"{it.id}: licence {L} not on the answer's page")
            for o in it.evidence:
                if o != win and L and _has_licence(with_meta[o], L):
                    meta_facts.append(f"{it.id}: the other option also has {L}")
        if kind == "depends-on":
            c = (parse_question(kind, it.question) or {}).get("c")
            win = names[it.answers[0]]
            for e in it.evidence:
                if c is None or _has_dep(with_meta[e], c) != (e == win):
                    meta_facts.append(f"{it.id}: dependency {c} not only on the answer's page")
    results += [
        ("every answerable item has evidence, every unanswerable none; every item has a kind", ev + kinds),
        ("every gold alias occurs as whole tokens in an evidence document (title + text)", gold_in),
        ("every gold alias scores correct alone and in 'The answer is <gold>.'; no bare 'none'", gold_ok),
        ("a near-miss version / range (last digit changed) scores wrong", near),
        ("comparisons: wrong option (alone, 'X does.', in a sentence), 'A or B', 'B or A' score wrong", cmpw),
        ("'The documents do not say.' scores correct exactly on the unanswerable items; answers score wrong there", abst),
        ("comparisons and filters: the licence / dependency named is the answer's (text or front matter) and not the other option's", meta_facts),
    ]
    # filter uniqueness over all pages, recomputed from the pages
    uniq = []
    for s, it in allitems:
        kind = it.meta.get("kind", "")
        if not kind.startswith("filter"):
            continue
        fields = parse_question(kind, it.question)
        hits = [i for i in docs if fields and _filter_match(fields, with_meta[i])]
        if hits != [names[it.answers[0]]]:
            uniq.append(f"{it.id}: matches {hits}")
    results.append(("each filter has exactly one matching page over the whole corpus", uniq))
    # split separation
    pk = {s: {e for it in items[s] for e in it.evidence} | {names[r["package"]] for r in rows[s] if r.get("package")}
          for s in ("dev", "test")}  # fmt: skip
    both = sorted(pk["dev"] & pk["test"])
    absent_named = {s: {p for r in rows[s] if r["kind"] == "absent-package" for p in ABSENT if _named(p, r["question"])}
                    for s in rows}  # fmt: skip
    qdup = {" ".join(answer_tokens(it.question)) for it in items["dev"]} & \
        {" ".join(answer_tokens(it.question)) for it in items["test"]}
    results.append(("no package is asked in both splits; no absent package named in both; no question repeated",
                    both + sorted(absent_named["dev"] & absent_named["test"]) + sorted(qdup)))
    # unanswerable: the words an answer would need occur in no page
    corpus_low = "\n".join(with_meta.values()).lower()
    corpus_tok = set(_toks(corpus_low))
    un = []
    for s, r in ((s, r) for s in rows for r in rows[s]):
        if r["kind"] == "absent-package":
            p = [p for p in ABSENT if _named(p, r["question"])]
            if len(p) != 1 or _named(p[0], corpus_low) or p[0] in bundled_names_safe():
                un.append(f"{r['id']}: absent package {p} named in the corpus or bundled")
        elif r["kind"] == "absent-attribute":
            t = [j for j, w in enumerate(Q["absent-attribute"]) if w.format(p=r["package"]) == r["question"]]
            if len(t) != 1 or r["package"] not in names:
                un.append(f"{r['id']}: not a known wording / package")
                continue
            hit = []
            for w in ABSENT_ATTR_WORDS[t[0]]:
                if w == "<year>":
                    hit += [x for x in corpus_tok if re.fullmatch(r"(19|20)\d\d", x)]
                elif w == "<size>":
                    hit += re.findall(r"\d\s*(?:kb|kib|mb|bytes)\b", corpus_low)
                elif (" " in w and w in corpus_low) or w in corpus_tok:
                    hit.append(w)
            if hit:
                un.append(f"{r['id']}: corpus contains {hit}")
    results.append(("unanswerable: absent packages named in no page and not bundled; attribute words in no page", un))
    counts = {s: Counter(it.type for it in items[s]) for s in items}
    size = []
    if not (40 <= len(items["dev"]) <= 50):
        size.append(f"dev has {len(items['dev'])}")
    if not (70 <= len(items["test"]) <= 76):
        size.append(f"test has {len(items['test'])}")
    results.append((f"split sizes (dev {len(items['dev'])} {dict(counts['dev'])}; test {len(items['test'])})", size))
    return report(results)


def bundled_names_safe() -> set[str]:
    try:
        return bundled_names()
    except OSError:
        return set()


def _has_licence(page: str, lic: str) -> bool:
    return re.search(r"(?:^license: |License:\*\* |under the )" + re.escape(lic) + r"(?: licence|$)", page, re.M) is not None


def _has_author(page: str, m: str) -> bool:
    return re.search(r"(?:Author:\*\* |^Author: |author is given as |written by )" + re.escape(m)
                     + r"(?: \(|\.?(?: |$))", page, re.M) is not None


def _has_dep(page: str, c: str) -> bool:
    dl = re.search(r"(?:depends on |dependencies are |^Requires: |Dependencies:\*\* )(.*)", page, re.M)
    return bool(dl) and re.search(r"(?:^|[ ,;])" + re.escape(c) + r" [~^<>=\d*]", " " + dl.group(1)) is not None


def _filter_match(fields: dict[str, str], page: str) -> bool:
    """Whether a page (text + front matter lines) meets a filter question's conditions."""
    ok = True
    if "l" in fields:
        ok &= _has_licence(page, fields["l"])
    if "m" in fields:
        ok &= _has_author(page, fields["m"])
    if "c" in fields:
        ok &= _has_dep(page, fields["c"])
    return ok


def report(results: list[tuple[str, list[str]]]) -> int:
    fails = 0
    for name, bad in results:
        print(("PASS " if not bad else "FAIL ") + name)
        for b in bad[:20]:
            print("     ", b)
        fails += bool(bad)
    print("all checks passed" if not fails else f"{fails} checks failed")
    return 1 if fails else 0


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
