"""Build the catalog43 evaluation corpus: HTTP status codes as this machine's libraries list them.

    PYTHONPATH=src python scripts/build_catalog43.py snapshot [--force]  # read the libraries -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog43.py build [--force]     # snapshot.json -> corpus/, questions
    PYTHONPATH=src python scripts/build_catalog43.py check               # snapshot only, no model; PASS/FAIL

`snapshot` reads, on this machine: Python 3.11's `http.HTTPStatus` (member name, reason phrase, description, and the
comment of the source block each member sits in), what `http.server.BaseHTTPRequestHandler.send_error` writes for
each code (status line, body length), Node.js's `http.STATUS_CODES` (through `node`), Werkzeug's
`HTTP_STATUS_CODES` and `exceptions.default_exceptions` (class and description), Starlette's `status` constants and
requests' `status_codes._codes` table with what `requests.codes.<alias>` resolves to. `build` renders one page per
catalogued status code (every code any of the five lists, but ABSENT) as `<class>/<code>.md` in one of three
layouts (sheet, card, prose), the register `codes.csv` (one row per requests alias), and dev.jsonl / test.jsonl
(seed SEED). `check` reads only snapshot.json and the files.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog43"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
sys.path.insert(0, str(ROOT / "src"))  # ragtune's tokens (questions) and loaders (check)
SEED = 43
PREFIX = "c43"
LIBS = ("Python http.HTTPStatus", "Node.js", "Werkzeug", "requests", "Starlette")
CLASSES = {1: ("informational", "1xx informational"), 2: ("success", "2xx success"),
           3: ("redirection", "3xx redirection"), 4: ("client-error", "4xx client error"),
           5: ("server-error", "5xx server error")}
ABSENT = {"dev": ["410", "423", "451"], "test": ["506", "303", "208"]}
ABSENT_Q = {
    "410": ["What reason phrase does Python's http.HTTPStatus give status 410?",
            "Which Werkzeug exception class goes with HTTP 410?"],
    "423": ["How many bytes is the error page http.server sends for a 423?"],
    "451": ["What does Node.js call status code 451?",
            "How many requests aliases does 451 have?"],
    "506": ["What is the HTTPStatus member name for code 506?",
            "How does Python describe status 506?"],
    "303": ["Which Starlette constant stands for 303?",
            "What description does http.HTTPStatus carry for 303?"],
    "208": ["What phrase does Werkzeug use for status 208?",
            "Which aliases does the requests library define for HTTP 208?"],
}  # fmt: skip
ABSENT_FIELDS = {
    "rfc": ("Which RFC defines status code {c}?", r"\bRFC\s*-?\d+"),
    "year": ("In which year was HTTP status {c} first registered?", r"\b(?:1[89]\d\d|20[0-2]\d)\b"),
    "cache": ("Is a {c} response cacheable by default?", r"cacheab|heuristic"),
    "deprecated": ("Has status code {c} been deprecated?", r"deprecat|obsolete"),
    "retry": ("How many seconds should a client wait before retrying after a {c}?",
              r"retry-after|\bseconds?\b|\bminutes?\b"),
}
WANT = {"dev": {"single_hop": 15, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 5},
        "test": {"single_hop": 22, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 9, "multi_hop": 8}}
ABSENT_N = {"dev": 4, "test": 6}
YESNO = {"dev": 2, "test": 4}
AMONG = {"dev": 2, "test": 3}
LAYOUTS = ("sheet", "card", "prose")
NUM = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
YESNO_WORD = re.compile(r"\b(?:yes|no)\b", re.I)

# ------------------------------------------------------------------ snapshot


def scan() -> dict:
    import http
    import http.server
    import importlib.metadata as md
    import inspect
    import platform
    import subprocess

    import requests.status_codes as rsc
    import starlette.status as sst
    import werkzeug.exceptions as wex
    import werkzeug.http as whttp

    # the comment of the block each HTTPStatus member sits in ("# client error")
    block, comment = {}, None
    for line in inspect.getsource(http).splitlines():
        m = re.match(r"\s+# (\w[\w ]*)$", line)
        if m:
            comment = m.group(1)
        m = re.match(r"\s+([A-Z_]+) = \(?", line)
        if m and comment and m.group(1) in http.HTTPStatus.__members__:
            block[m.group(1)] = comment
        if line.startswith("class HTTPMethod"):
            break

    class Handler(http.server.BaseHTTPRequestHandler):
        def __init__(self):  # noqa: D401 (no socket: send_error writes into a buffer)
            self.wfile = io.BytesIO()
            self.request_version, self.command = "HTTP/1.1", "GET"
            self.requestline, self.client_address, self.close_connection = "GET / HTTP/1.1", ("127.0.0.1", 0), False

        def log_message(self, *a):
            pass

    node = json.loads(subprocess.run(["node", "-e", "process.stdout.write(JSON.stringify("
                                      "{v: process.version, c: require('http').STATUS_CODES}))"],
                                     check=True, capture_output=True, text=True).stdout)
    codes: set[int] = {int(m.value) for m in http.HTTPStatus} | {int(k) for k in node["c"]}
    codes |= set(whttp.HTTP_STATUS_CODES) | set(rsc._codes)
    star: dict[int, list[str]] = {}
    for n in sorted(dir(sst)):
        m = re.fullmatch(r"HTTP_(\d{3})_\w+", n)
        if m:
            star.setdefault(int(m.group(1)), []).append(n)
    import requests

    out = {}
    for c in sorted(codes):
        r: dict = {}
        if c in http.HTTPStatus._value2member_map_:
            s = http.HTTPStatus(c)
            r["python"] = {"member": s.name, "phrase": s.phrase, "description": s.description,
                           "block": block[s.name]}
        h = Handler()
        h.send_error(c)
        raw = h.wfile.getvalue()
        head, _, body = raw.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        clen = [int(x.split(": ")[1]) for x in lines if x.startswith("Content-Length: ")]
        r["send_error"] = {"status_line": lines[0], "content_length": clen[0] if clen else None,
                           "body_bytes": len(body)}
        if str(c) in node["c"]:
            r["node"] = node["c"][str(c)]
        if c in whttp.HTTP_STATUS_CODES:
            r["werkzeug"] = whttp.HTTP_STATUS_CODES[c]
        if c in wex.default_exceptions:
            e = wex.default_exceptions[c]
            r["werkzeug_exception"] = {"class": e.__name__, "description": e.description}
        if c in star:
            r["starlette"] = star[c]
        if c in rsc._codes:
            r["requests_listed"] = list(rsc._codes[c])
        out[str(c)] = r
    aliases = {}
    for c, names in sorted(rsc._codes.items()):
        for a in names:
            aliases[a] = {"code": getattr(requests.codes, a),
                          "upper": a.upper() if hasattr(requests.codes, a.upper()) and
                          not a.startswith(("\\", "/")) else None}
    for a, v in aliases.items():
        v["listed_under"] = sorted(c for c, names in rsc._codes.items() if a in names)
    return {"source": "this machine's libraries: Python http.HTTPStatus (with the comment of each member's source "
                      "block) and http.server.BaseHTTPRequestHandler.send_error; Node.js http.STATUS_CODES; "
                      "Werkzeug HTTP_STATUS_CODES and exceptions.default_exceptions; starlette.status; "
                      "requests.status_codes._codes and requests.codes",
            "python": platform.python_version(), "system": platform.system(), "node": node["v"],
            "versions": {p: md.version(p) for p in ("werkzeug", "starlette", "requests")},
            "codes": out, "requests_aliases": aliases}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"Python {snap['python']}, Node.js {snap['node']}, {snap['versions']}: {len(snap['codes'])} codes, "
          f"{len(snap['requests_aliases'])} requests aliases")


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ records


def absent_ids() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def is_word_alias(a: str) -> bool:
    return re.fullmatch(r"[a-z_][a-z0-9_-]*", a) is not None


def strip_tags(s: str) -> str:
    return re.sub(r"</?code>", "", s)


def record(k: str, c: dict, snap: dict) -> dict:
    code = int(k)
    grp, cls = CLASSES[code // 100]
    al = [a for a, v in snap["requests_aliases"].items() if v["code"] == code]
    r = {"id": k, "code": code, "group": grp, "cls": cls, "py": c.get("python"),
         "status_line": c["send_error"]["status_line"], "body": c["send_error"]["content_length"],
         "node": c.get("node"), "wz": c.get("werkzeug"), "wzx": c.get("werkzeug_exception"),
         "star": c.get("starlette", []), "aliases": [a for a in al if is_word_alias(a)],
         "symbols": [a for a in al if not is_word_alias(a)], "doc_id": f"{grp}/{k}"}
    r["libs"] = [n for n, have in zip(LIBS, (r["py"], r["node"], r["wz"], c.get("requests_listed"), r["star"]))
                 if have]
    r["phrase"] = (r["py"] or {}).get("phrase") or r["node"] or r["wz"]
    return r


def all_records(snap: dict) -> dict[str, dict]:
    return {k: record(k, c, snap) for k, c in snap["codes"].items()}


def records(snap: dict) -> list[dict]:
    return [r for k, r in all_records(snap).items() if k not in absent_ids()]


def reg_rows(snap: dict, recs: list[dict]) -> list[dict]:
    have = {r["code"] for r in recs}
    return [{"id": a, "code": v["code"], "upper_case": v["upper"],
             "listed_under": " ".join(map(str, v["listed_under"]))}
            for a, v in snap["requests_aliases"].items() if is_word_alias(a) and v["code"] in have]


def _h(s: str) -> int:
    return int(hashlib.sha256(s.encode()).hexdigest(), 16)


def split_of(k: str) -> str:
    return "dev" if _h(f"catalog43:split{k}") % 3 == 0 else "test"


def layout_of(recs: list[dict]) -> dict[str, str]:
    order = sorted(recs, key=lambda r: _h(f"catalog43:layout{r['id']}"))
    return {r["id"]: LAYOUTS[i % 3] for i, r in enumerate(order)}


# ------------------------------------------------------------------ rendering


def lst(xs: list[str]) -> str:
    return ", ".join(xs) if xs else "none"


def words_and(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def see_rows(xs: list[str]) -> str:
    return f"see codes.csv row{'s' if len(xs) > 1 else ''} " + ", ".join(xs)


def body_text(r: dict) -> str:
    return (f"{r['body']} bytes (Content-Length: {r['body']})" if r["body"] is not None else
            "none: send_error writes the headers only")


def fields(r: dict) -> list[tuple[str, str]]:
    py = r["py"]
    f = [("Status code", r["id"]), ("Class", r["cls"]),
         ("HTTPStatus member", f"HTTPStatus.{py['member']}" if py else "not defined"),
         ("Python reason phrase", py["phrase"] if py else "not defined in http.HTTPStatus"),
         ("Python description", (py["description"] or "none given") if py else "not defined"),
         ("Block comment in http/__init__.py", f"# {py['block']}" if py else "not applicable"),
         ("http.server send_error status line", r["status_line"]),
         ("http.server error page body", body_text(r)),
         ("Node.js phrase", r["node"] or "not listed"),
         ("Werkzeug phrase", r["wz"] or "not listed"),
         ("Werkzeug exception", f"werkzeug.exceptions.{r['wzx']['class']}" if r["wzx"] else "none")]
    if r["wzx"]:
        f.append(("Werkzeug error message", strip_tags(r["wzx"]["description"])))
    f += [("Starlette constants", lst(r["star"])), ("requests alias count", str(len(r["aliases"]))),
          ("requests aliases", see_rows(r["aliases"]) if r["aliases"] else "none")]
    if r["symbols"]:
        f.append(("requests symbol aliases (no codes.csv row)", " ".join(r["symbols"])))
    f.append(("Listed by", ", ".join(r["libs"])))
    return f


def front(r: dict) -> str:
    return (f"---\nstatus: {r['code']}\nphrase: {json.dumps(r['phrase'] or 'unnamed')}\n"
            f"class: \"{r['cls']}\"\ngroup: \"{r['group']}\"\n---\n\n")


def prose(r: dict) -> str:
    v = _h(f"catalog43:prose{r['id']}") % 3
    py, k = r["py"], r["id"]
    s1 = [f"Status {k} belongs to the {r['cls']} class.", f"{k} is a status code of the {r['cls']} class.",
          f"The code {k} sits in the {r['cls']} range."][v]
    if py:
        s1 += [f" Python's http.HTTPStatus defines it as HTTPStatus.{py['member']}, with the reason phrase "
               f"\"{py['phrase']}\".",
               f" In Python it is the member HTTPStatus.{py['member']}; the reason phrase is \"{py['phrase']}\".",
               f" Python 3.11 names it HTTPStatus.{py['member']} and gives it the reason phrase "
               f"\"{py['phrase']}\"."][v]
        if py["description"]:
            s1 += [f" Its description reads: {py['description']}.", f" The description: {py['description']}.",
                   f" Python describes it as follows: {py['description']}."][v].replace("..", ".")
        else:
            s1 += [" Python gives it an empty description.", " The description is left empty.",
                   " It carries an empty description string."][v]
        s1 += [f" The member sits in the block headed \"# {py['block']}\" in http/__init__.py.",
               f" In http/__init__.py it is listed under the comment \"# {py['block']}\".",
               f" Its line in http/__init__.py follows the comment \"# {py['block']}\"."][v]
    else:
        s1 += [" Python's http.HTTPStatus does not define it.", " Python 3.11's http.HTTPStatus lacks a member "
               "for it.", " It is not a member of http.HTTPStatus, so Python has neither phrase nor "
               "description for it."][v]
    s2 = [f"Asked to send it as an error, http.server's send_error writes the status line {r['status_line']}",
          f"BaseHTTPRequestHandler.send_error answers with the status line {r['status_line']}",
          f"The status line that send_error writes is {r['status_line']}"][v]
    if r["body"] is not None:
        s2 += [f" and an HTML error page of {r['body']} bytes.", f", followed by a {r['body']}-byte HTML page.",
               f"; the HTML page after it is {r['body']} bytes long (Content-Length: {r['body']})."][v]
    else:
        s2 += [" and the headers only, without any page.", ", and it sends the headers without a page body.",
               "; it writes the headers only, without a body."][v]
    p1 = s1 + " " + s2
    o = []
    pp = (py or {}).get("phrase")
    if not r["node"]:
        o.append(["Node.js does not list it.", "Node.js's http.STATUS_CODES leaves it out.",
                  "It is missing from Node's http.STATUS_CODES."][v])
    elif r["node"] == pp:
        o.append([f"Node.js uses the same phrase, \"{r['node']}\".",
                  f"In Node.js's http.STATUS_CODES the phrase is \"{r['node']}\" as well.",
                  f"Node agrees: \"{r['node']}\"."][v])
    else:
        o.append([f"Node.js calls it \"{r['node']}\".",
                  f"In Node.js's http.STATUS_CODES the phrase is \"{r['node']}\" instead.",
                  f"Node's http.STATUS_CODES has a phrase of its own for it: \"{r['node']}\"."][v])
    if not r["wz"]:
        o.append(["Werkzeug does not list it either." if not r["node"] else "Werkzeug does not list it.",
                  "Werkzeug's HTTP_STATUS_CODES has nothing for it.", "It is absent from Werkzeug's table."][v])
    elif r["wz"] == pp:
        o.append([f"Werkzeug's phrase is \"{r['wz']}\" too.", f"Werkzeug writes \"{r['wz']}\" as well.",
                  f"For Werkzeug it is also \"{r['wz']}\"."][v])
    else:
        o.append([f"Werkzeug's phrase is \"{r['wz']}\".", f"Werkzeug writes it \"{r['wz']}\".",
                  f"Werkzeug spells it differently: \"{r['wz']}\"."][v])
    if r["wzx"]:
        o.append([f"Werkzeug raises it as werkzeug.exceptions.{r['wzx']['class']}, whose message says: "
                  f"\"{strip_tags(r['wzx']['description'])}\"",
                  f"The matching exception is werkzeug.exceptions.{r['wzx']['class']}. Its message: "
                  f"\"{strip_tags(r['wzx']['description'])}\"",
                  f"Its exception class there is werkzeug.exceptions.{r['wzx']['class']}, and the page it "
                  f"renders says \"{strip_tags(r['wzx']['description'])}\""][v])
    if r["star"]:
        o.append(f"Starlette spells it {words_and(r['star'])}." if len(r["star"]) == 1 else
                 f"Starlette has two constants for it: {words_and(r['star'])}.")
    else:
        o.append("Starlette lacks a constant for it.")
    p2 = " ".join(o)
    n = len(r["aliases"])
    if n:
        cnt = NUM[n] if v == 1 and n < len(NUM) else str(n)
        p3 = [f"The requests library knows it under {cnt} alias{'es' if n != 1 else ''}: {see_rows(r['aliases'])}.",
              f"requests.codes has {cnt} name{'s' if n != 1 else ''} for it ({see_rows(r['aliases'])}).",
              f"Aliases in requests: {n} ({see_rows(r['aliases'])})."][v]
    else:
        p3 = "Not one requests alias resolves to it."
    if r["symbols"]:
        p3 += f" requests also maps the symbol aliases {' '.join(r['symbols'])} to it (no codes.csv row)."
    p3 += f" Listed by: {', '.join(r['libs'])}."
    return p1 + "\n\n" + p2 + "\n\n" + p3 + "\n"


def render(r: dict, lay: str, snap: dict) -> str:
    f = fields(r)
    head = front(r) + (f"# {r['id']} {r['phrase']}\n\n" if r["phrase"] else f"# Status {r['id']}\n\n")
    if lay == "sheet":
        body = "| Field | Value |\n|---|---|\n" + "".join(f"| {a} | {b.replace('|', '/')} |\n" for a, b in f)
    elif lay == "card":
        i = 8
        j = next(n for n, (a, _) in enumerate(f) if a == "Starlette constants") + 1
        secs = [("Python", f[:i]), ("Node.js, Werkzeug and Starlette", f[i:j]), ("requests", f[j:-1])]
        body = "\n".join(f"## {t}\n\n" + "".join(f"- {a}: {b}\n" for a, b in xs) for t, xs in secs)
        body += f"\n{f[-1][0]}: {f[-1][1]}.\n"
    else:
        body = prose(r)
    v = snap["versions"]
    return head + body + "\n" + (f"Source: Python {snap['python']} ({snap['system']}), Node.js {snap['node']}, "
                                 f"Werkzeug {v['werkzeug']}, Starlette {v['starlette']}, requests "
                                 f"{v['requests']} on this machine.") + "\n"


def csv_text(rows_: list[dict]) -> str:
    b = io.StringIO()
    w = csv.DictWriter(b, fieldnames=list(rows_[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows_)
    return b.getvalue()


def render_all(snap: dict) -> dict[str, str]:
    recs = records(snap)
    lay = layout_of(recs)
    pages = {f"{r['doc_id']}.md": render(r, lay[r["id"]], snap) for r in recs}
    pages["codes.csv"] = csv_text(reg_rows(snap, recs))
    return pages


# ------------------------------------------------------------------ questions


def toks(s: str) -> list[str]:
    from ragtune.eval.metrics import answer_tokens

    return answer_tokens(s)


def has(text: str, gold: str) -> bool:
    from ragtune.eval.metrics import contains_tokens

    return contains_tokens(toks(text), toks(gold))


def named(r: dict) -> str:
    """How a question names a code: the number, sometimes with its phrase."""
    return r["id"]


def make_questions(snap: dict) -> dict[str, list[dict]]:
    rng = random.Random(SEED)
    recs = records(snap)
    by = {r["id"]: r for r in recs}
    allr = all_records(snap)
    pages = render_all(snap)
    page_of = {r["id"]: pages[f"{r['doc_id']}.md"] for r in recs}
    rows_ = {x["id"]: x for x in reg_rows(snap, recs)}
    row_text = {a: "\n".join(f"{k.replace('_', ' ')}: {v}" for k, v in x.items() if v not in (None, ""))
                for a, x in rows_.items()}
    out = {}
    dev_golds: set[str] = set()
    for s in ("dev", "test"):
        mine = [r for r in recs if split_of(r["id"]) == s]
        rng.shuffle(mine)
        regs = [x for x in rows_.values() if split_of(str(x["code"])) == s]
        rng.shuffle(regs)
        used: Counter = Counter()
        facts: set = set()
        qs: list[dict] = []

        def add(typ, q, ans, ev, fact, **kw):
            if fact in facts or any(used[e] >= 3 for e in ev) or any(x["question"] == q for x in qs):
                return False
            if s == "test" and any(a.lower() in dev_golds for a in ans if a not in ("yes", "no")):
                return False
            if not kw.get("options") and any(a.lower() in q.lower() for a in ans):
                return False
            facts.add(fact)
            for e in ev:
                used[e] += 1
            qs.append({"question": q, "answers": ans, "type": typ, "evidence": ev, **kw})
            return True

        # single_hop
        sh = []
        for r in mine:
            k, ev, py = r["id"], [r["doc_id"]], r["py"]
            if py:
                sh.append((rng.choice([f"What reason phrase does Python's http.HTTPStatus give status {k}?",
                                       f"What's the reason phrase for HTTP {k} in Python?",
                                       f"Which phrase goes with status code {k} in http.HTTPStatus?"]),
                           [py["phrase"]], ev, (k, "phrase")))
                sh.append((rng.choice([f"What is the HTTPStatus member name for {k}?",
                                       f"Which http.HTTPStatus member has the value {k}?",
                                       f"What do I write after HTTPStatus. to get a {k}?"]),
                           [py["member"]], ev, (k, "member")))
                if py["description"]:
                    sh.append((rng.choice([f"How does Python's http.HTTPStatus describe status {k}?",
                                           f"What is the description text of HTTPStatus {k}?",
                                           f"What does the description field of http.HTTPStatus say for {k}?"]),
                               [py["description"]], ev, (k, "desc")))
            if r["node"] and toks(r["node"]) != toks((py or {}).get("phrase") or ""):
                sh.append((rng.choice([f"What does Node.js call status {k}?",
                                       f"Which reason phrase does Node's http.STATUS_CODES use for {k}?",
                                       f"In Node.js, what's the status text for {k}?"]),
                           [r["node"]], ev, (k, "node")))
            if r["wz"] and toks(r["wz"]) != toks((py or {}).get("phrase") or ""):
                sh.append((rng.choice([f"What phrase does Werkzeug use for status {k}?",
                                       f"How does Werkzeug's HTTP_STATUS_CODES spell {k}?"]),
                           [r["wz"]], ev, (k, "wz")))
            if r["wzx"]:
                sh.append((rng.choice([f"Which Werkzeug exception class goes with HTTP {k}?",
                                       f"What exception do I raise in Werkzeug/Flask to send a {k}?",
                                       f"Which werkzeug.exceptions class carries code {k}?"]),
                           [r["wzx"]["class"]], ev, (k, "wzclass")))
                msg = strip_tags(r["wzx"]["description"])
                if len(msg.split()) <= 12:
                    sh.append((rng.choice([f"What message does Werkzeug show for a {k} error?",
                                           f"What does Werkzeug's default {k} error page say?"]),
                               [msg.rstrip(".")], ev, (k, "wzmsg")))
            if len(r["star"]) == 1:
                sh.append((rng.choice([f"Which Starlette constant stands for {k}?",
                                       f"What's the name of the starlette.status constant for {k}?"]),
                           [r["star"][0]], ev, (k, "star")))
            sh.append((rng.choice([f"How many aliases does the requests library define for {k}?",
                                   f"How many names does requests.codes have for status {k}?",
                                   f"How many requests aliases resolve to {k}?"]),
                       [str(len(r["aliases"]))], ev, (k, "nalias")))
            if r["body"] is not None:
                sh.append((rng.choice([f"How many bytes is the error page http.server sends for a {k}?",
                                       f"What Content-Length does send_error give a {k} error page?",
                                       f"How long, in bytes, is http.server's HTML body for status {k}?"]),
                           [str(r["body"])], ev, (k, "body")))
        for x in regs:
            a = x["id"]
            sh.append((rng.choice([f"Which status code is requests.codes.{a}?",
                                   f"What number does the requests alias {a} stand for?",
                                   f"requests.codes.{a} resolves to which HTTP status?"]),
                       [str(x["code"])], [f"codes#{a}"], (a, "regcode")))
        rng.shuffle(sh)
        pick(sh, lambda x: x[3][1], rng, WANT[s]["single_hop"],
             lambda x: add("single_hop", x[0], x[1], x[2], x[3], kind="s-" + x[3][1], ref=x[3][0]))
        # reverse: a value -> the code (values unique over all codes, ABSENT included)
        cnt = Counter()
        for r in allr.values():
            for key, val in rev_values(r):
                cnt[(key, val.lower())] += 1
        pool = []
        for r in mine:
            for key, val in rev_values(r):
                if cnt[(key, val.lower())] != 1:
                    continue
                q = {"phrase": [f"Which status code has the reason phrase \"{val}\"?",
                                f"What's the numeric code for \"{val}\"?"],
                     "node": [f"Node.js calls one status \"{val}\". Which code is that?",
                              f"Which code does Node's http.STATUS_CODES name \"{val}\"?"],
                     "wzclass": [f"Which status code does Werkzeug's {val} exception send?",
                                 f"What HTTP code goes with werkzeug.exceptions.{val}?"],
                     "desc": [f"Which status does Python describe as \"{val}\"?",
                              f"Which code's HTTPStatus description is \"{val}\"?"],
                     "member": [f"What is the numeric value of HTTPStatus.{val}?",
                                f"Which code number is {val} in http.HTTPStatus?"]}[key]
                pool.append((rng.choice(q), r, (r["id"], key), "r-" + key))
        rng.shuffle(pool)
        pick(pool, lambda x: x[3], rng, WANT[s]["reverse"],
             lambda x: add("reverse", x[0], [x[1]["id"]], [x[1]["doc_id"]], x[2], kind=x[3], ref=x[1]["id"]))
        # multi_hop: register row -> page
        pool = []
        for x in regs:
            r, a = by[str(x["code"])], x["id"]
            row, ev = f"codes#{a}", [f"codes#{a}", r["doc_id"]]
            cand = []
            if r["py"]:
                cand.append((rng.choice([f"What reason phrase does Python give the status that requests.codes.{a} "
                                         f"stands for?",
                                         f"The requests alias {a} names a status code. What is its phrase in "
                                         f"http.HTTPStatus?"]), r["py"]["phrase"], "m-phrase"))
                if r["py"]["description"]:
                    cand.append((f"How does Python's http.HTTPStatus describe the code behind requests.codes.{a}?",
                                 r["py"]["description"], "m-desc"))
            if r["node"]:
                cand.append((rng.choice([f"What does Node.js call the status that the requests alias {a} resolves "
                                         f"to?", f"requests.codes.{a} is some status code; what is Node's status "
                                         f"text for it?"]), r["node"], "m-node"))
            if r["wzx"]:
                cand.append((rng.choice([f"Which Werkzeug exception matches the status requests.codes.{a}?",
                                         f"If requests reports requests.codes.{a}, which werkzeug.exceptions class "
                                         f"is that?"]), r["wzx"]["class"], "m-wzclass"))
            if r["body"] is not None:
                cand.append((f"How many bytes is http.server's error page for the code the requests alias {a} names?",
                             str(r["body"]), "m-body"))
            for q, g, kd in cand:
                if not has(row_text[a], g):
                    pool.append((q, [g], ev, (r["id"], kd[2:]), kd))
        rng.shuffle(pool)
        rows_used = {e for q in qs for e in q["evidence"] if e.startswith("codes#")}

        def add_chain(x):
            q, a, ev, f, kd = x
            if ev[0] in rows_used or not add("multi_hop", q, a, ev, f, kind=kd, ref=f[0]):
                return False
            rows_used.add(ev[0])
            return True

        pick(pool, lambda x: x[4], rng, WANT[s]["multi_hop"], add_chain)
        # comparison
        n, tries, yn = 0, 0, 0
        withal = [r for r in mine if r["aliases"] and not YESNO_WORD.search(page_of[r["id"]])]
        allal = [x["id"] for x in regs if x["listed_under"] == str(x["code"])]
        members = {x["py"]["member"] for x in allr.values() if x["py"]}
        while n < WANT[s]["comparison"] and tries < 4000:
            tries += 1
            if yn < YESNO[s]:
                want_yes = yn % 2 == 0
                if rng.random() < 0.5:
                    r = rng.choice(withal)
                    # a yes: not the member's own name; a no: an alias of another code of the same class
                    a = (rng.choice([x for x in r["aliases"] if x in allal and
                                     x.upper() != (r["py"] or {}).get("member")] or [""]) if want_yes else
                         rng.choice([x for x in allal if x not in r["aliases"] and x.upper() not in members and
                                     str(rows_[x]["code"])[0] == r["id"][0]] or [""]))
                    if not a or r["id"] in a:
                        continue
                    q = rng.choice([f"Is {a} one of the requests aliases for {r['id']}?",
                                    f"Does requests.codes.{a} mean {r['id']}?"])
                    kd, fact = "yn-alias", (a, "yn")
                else:
                    r = rng.choice([x for x in mine if not YESNO_WORD.search(page_of[x["id"]])])
                    lib = rng.choice(["Node.js", "Werkzeug", "Starlette"])
                    if (lib in r["libs"]) != want_yes:
                        continue
                    q = {"Node.js": f"Does Node.js list status {r['id']} in http.STATUS_CODES?",
                         "Werkzeug": f"Does Werkzeug have a phrase for status {r['id']}?",
                         "Starlette": f"Is there a Starlette constant for {r['id']}?"}[lib]
                    kd, fact = "yn-lib", (r["id"], "yn" + lib)
                if add("comparison", q, ["yes" if want_yes else "no"], [r["doc_id"]], fact, options=["yes", "no"],
                       derived=True, kind=kd, ref=r["id"]):
                    n += 1
                    yn += 1
                continue
            fld, qq = rng.choice([
                ("body", ["Which gets the longer error page from http.server, {a} or {b}?",
                          "http.server's send_error: is the HTML page bigger for {a} or for {b}?"]),
                ("nalias", ["Which has more requests aliases, {a} or {b}?",
                            "Does requests define more alias names for {a} or for {b}?"]),
                ("nlibs", ["Which is listed by more of the five libraries, {a} or {b}?"])])
            a, b = rng.sample(mine, 2)
            va, vb = (cmp_value(a, fld), cmp_value(b, fld))
            if va is None or vb is None or va == vb:
                continue
            w = a if va > vb else b
            nm = {x["id"]: (f"{x['id']} ({x['py']['phrase']})" if x["py"] and rng.random() < 0.5 else x["id"])
                  for x in (a, b)}
            if add("comparison", rng.choice(qq).format(a=nm[a["id"]], b=nm[b["id"]]), [w["id"]],
                   [a["doc_id"], b["doc_id"]], (tuple(sorted([a["id"], b["id"]])), fld), options=[a["id"], b["id"]],
                   kind="c-" + fld):
                n += 1
        # filter
        n = 0
        # one derived count per split: how many of the five libraries list a code
        for r in mine:
            if add("filter", rng.choice([f"How many of the five libraries (Python, Node.js, Werkzeug, requests, "
                                         f"Starlette) list status {r['id']}?",
                                         f"Of Python's http.HTTPStatus, Node.js, Werkzeug, requests and Starlette, "
                                         f"how many know the code {r['id']}?"]),
                   [str(len(r["libs"]))], [r["doc_id"]], (r["id"], "nlibs"), derived=True, kind="f-nlibs",
                   ref=r["id"]):
                n += 1
                break
        k = 0
        while k < AMONG[s]:
            lib = rng.choice(["Node.js", "Starlette", "Werkzeug"])
            lacking = [x for x in mine if lib not in x["libs"]]
            having = [x for x in mine if lib in x["libs"]]
            if not lacking or len(having) < 3:
                continue
            r = rng.choice(lacking)
            opts = [r] + rng.sample(having, 3)
            rng.shuffle(opts)
            names = ", ".join(o["id"] for o in opts[:-1]) + f" and {opts[-1]['id']}"
            q = {"Node.js": rng.choice([f"Among {names}, which status is missing from Node's http.STATUS_CODES?",
                                        f"Which one of {names} does Node.js not list?"]),
                 "Starlette": rng.choice([f"Among {names}, which code has no Starlette constant?",
                                          f"Which of {names} can't be written as a starlette.status constant?"]),
                 "Werkzeug": rng.choice([f"Among {names}, which code has no phrase in Werkzeug?",
                                         f"Which of {names} is missing from Werkzeug's HTTP_STATUS_CODES?"])}[lib]
            if add("filter", q, [r["id"]], [o["doc_id"] for o in opts], (r["id"], "among"),
                   options=[o["id"] for o in opts], kind="f-among"):
                n += 1
                k += 1
        pool = []
        bodies = Counter(x["body"] for x in allr.values())
        nal = Counter(len(x["aliases"]) for x in allr.values())
        for r in mine:
            if r["body"] is not None and bodies[r["body"]] == 1:
                pool.append((rng.choice([f"Which status gets an error page of exactly {r['body']} bytes from "
                                         f"http.server?",
                                         f"For which code does send_error write a body of {r['body']} bytes?"]),
                             r, (r["id"], "body"), "f-body"))
            if r["aliases"] and nal[len(r["aliases"])] == 1:
                pool.append((f"Which status code has exactly {len(r['aliases'])} requests aliases?", r,
                             (r["id"], "nalias"), "f-nalias"))
            for pred, text in PREDICATES:
                inclass = [x for x in allr.values() if x["cls"] == r["cls"] and pred(x)]
                if pred(r) and len(inclass) == 1:
                    pool.append((text.format(c=r["cls"]), r, (r["id"], "pred"), "f-only"))
        rng.shuffle(pool)
        pick(pool, lambda x: x[3], rng, WANT[s]["filter"] - n,
             lambda x: add("filter", x[0], [x[1]["id"]], [x[1]["doc_id"]], x[2], kind=x[3], ref=x[1]["id"]))
        # unanswerable
        un = []
        for k2 in ABSENT[s]:
            un += [(q, "absent-code", k2) for q in ABSENT_Q[k2]]
        un = un[:ABSENT_N[s]]
        fl = list(ABSENT_FIELDS)
        for i in range(WANT[s]["unanswerable"] - len(un)):
            r = mine[i]
            f = fl[(i + (0 if s == "dev" else 2)) % len(fl)]
            un.append((ABSENT_FIELDS[f][0].format(c=r["id"]), "absent-field:" + f, r["id"]))
        for q, kd, k2 in un:
            qs.append({"question": q, "answers": [], "type": "unanswerable", "evidence": [], "kind": kd, "ref": k2})
        rng.shuffle(qs)
        out[s] = [{"id": f"{PREFIX}-{s}-{i + 1:03d}", **q} for i, q in enumerate(qs)]
        if s == "dev":
            dev_golds = {a.lower() for q in qs for a in q["answers"]}
    return out


def pick(pool: list, kind_of, rng: random.Random, want: int, try_add) -> int:
    """Take up to `want` items of the pool kind by kind (round robin over its kinds in a seeded order, each
    turn going on down its kind until one is taken), so that no one kind of question fills a type."""
    groups: dict = {}
    for x in pool:
        groups.setdefault(kind_of(x), []).append(x)
    kinds = sorted(groups)
    rng.shuffle(kinds)
    n = 0
    while n < want and any(groups.values()):
        for k in kinds:
            while n < want and groups[k]:
                if try_add(groups[k].pop(0)):
                    n += 1
                    break
    return n


def rev_values(r: dict) -> list[tuple[str, str]]:
    out = []
    py = r["py"]
    if py:
        out += [("phrase", py["phrase"]), ("member", py["member"])]
        if py["description"]:
            out.append(("desc", py["description"]))
    if r["node"] and toks(r["node"]) != toks((py or {}).get("phrase") or ""):
        out.append(("node", r["node"]))
    if r["wzx"]:
        out.append(("wzclass", r["wzx"]["class"]))
    return out


def cmp_value(r: dict, fld: str):
    if fld == "body":
        return r["body"]
    if fld == "nalias":
        return len(r["aliases"])
    return len(r["libs"])


PREDICATES = [
    (lambda x: x["py"] is None, "Which {c} code is not defined in Python's http.HTTPStatus?"),
    (lambda x: "Node.js" not in x["libs"], "Which {c} status is the only one Node.js leaves out?"),
    (lambda x: bool(x["symbols"]), "Which {c} code has symbol aliases in requests?"),
    (lambda x: len(x["star"]) == 2, "Which {c} code has two Starlette constants?"),
    (lambda x: x["py"] is not None and not x["py"]["description"],
     "Which {c} status has an empty description in http.HTTPStatus?"),
    (lambda x: x["py"] is not None and bool(x["py"]["description"]),
     "Which {c} status is the only one with a description in http.HTTPStatus?"),
    (lambda x: x["wz"] is not None and x["py"] is not None and toks(x["wz"]) != toks(x["py"]["phrase"]),
     "Which {c} code does Werkzeug spell differently from Python?"),
    (lambda x: x["node"] is not None and x["py"] is not None and toks(x["node"]) != toks(x["py"]["phrase"]),
     "Which {c} code has a different phrase in Node.js than in Python?"),
    (lambda x: not x["aliases"], "Which {c} code has no requests alias at all?"),
]


def qa_text(rows_: list[dict]) -> str:
    return "".join(json.dumps(q, ensure_ascii=False) + "\n" for q in rows_)


def build(force: bool) -> None:
    snap = load_snapshot()
    if CORPUS.exists() and not force:
        sys.exit(f"{CORPUS} exists; pass --force to render again")
    pages = render_all(snap)
    for p in CORPUS.rglob("*"):
        if p.is_file():
            p.unlink()
    for rel, text in pages.items():
        (CORPUS / rel).parent.mkdir(parents=True, exist_ok=True)
        (CORPUS / rel).write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    for s, rows_ in qs.items():
        (OUT / f"{s}.jsonl").write_text(qa_text(rows_), encoding="utf-8")
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    print(f"{len(pages) - 1} pages, codes.csv; dev {len(qs['dev'])}, test {len(qs['test'])}")


# ------------------------------------------------------------------ check


def code_pattern(k: str) -> str:
    return rf"(?<!\d){k}(?!\d)"


def absent_patterns(snap: dict, k: str) -> list[str]:
    """Whole-word patterns of a left-out code: its number, its phrases, its Python member and Werkzeug class."""
    r = record(k, snap["codes"][k], snap)
    names = {x for x in (r["node"], r["wz"], (r["py"] or {}).get("phrase"), (r["py"] or {}).get("member"),
                         (r["wzx"] or {}).get("class")) if x}
    return [code_pattern(k)] + [r"(?<![\w-])" + re.escape(nm).replace(r"\ ", r"[\s_-]+") + r"(?![\w-])"
                                for nm in sorted(names)]


def numforms(g: str) -> list[str]:
    return [g, f"{int(g):,}"] if g.isdigit() else [g]


def check() -> int:
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    results = []
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*")
               if p.is_file()}
    bad = [k for k in pages if on_disk.get(k) != pages[k]] + [k for k in on_disk if k not in pages]
    results.append((f"snapshot rendered again equals corpus/ ({len(pages) - 1} pages + codes.csv)", bad))
    qs = make_questions(snap)
    bad = [s for s in qs if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl", bad))
    bad = [] if snap["python"].startswith("3.11") else [snap["python"]]
    bad += [a for a in absent_ids() if a not in snap["codes"]]
    results.append((f"snapshot: Python {snap['python']}, Node.js {snap['node']}, {snap['versions']}; "
                    f"{len(snap['codes'])} codes, {len(snap['requests_aliases'])} requests aliases; ABSENT codes "
                    f"are real", bad))
    found, problems = scan_corpus(CORPUS)
    docs, bad = {}, [str(p) for p in problems]
    for f in found:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                bad.append(str(d))
    recs = records(snap)
    regrows = reg_rows(snap, recs)
    want = {r["doc_id"] for r in recs} | {f"codes#{x['id']}" for x in regrows}
    if set(docs) != want:
        bad.append(f"ids differ: {sorted(set(docs) ^ want)[:5]}")
    lay = Counter(layout_of(recs).values())
    results.append((f"corpus loads {len(docs)} documents ({len(recs)} pages, {len(regrows)} register rows); "
                    f"layouts {dict(lay)}", bad))
    rows_ = {s: [json.loads(x) for x in (OUT / f"{s}.jsonl").read_text(encoding="utf-8").splitlines()]
             for s in ("dev", "test")}
    bad = []
    for s in rows_:
        try:
            load_qa(OUT / f"{s}.jsonl", corpus_ids=set(docs))
        except Exception as e:  # noqa: BLE001
            bad.append(f"{s}: {e}")
    ids = [q["id"] for s in rows_ for q in rows_[s]]
    bad += [f"id {i} twice" for i, c in Counter(ids).items() if c > 1]
    code_of = {f"codes#{x['id']}": str(x["code"]) for x in regrows}
    for s in rows_:
        for q in rows_[s]:
            if not q["id"].startswith(f"{PREFIX}-{s}-"):
                bad.append(f"{q['id']}: id of the other split")
            if q["type"] == "unanswerable":
                if q["answers"] or q["evidence"]:
                    bad.append(f"{q['id']}: unanswerable with answers or evidence")
                continue
            if not q["answers"] or not q["evidence"] or any(e not in docs for e in q["evidence"]):
                bad.append(f"{q['id']}: answers or evidence missing")
            if q["type"] == "multi_hop" and len(q["evidence"]) < 2:
                bad.append(f"{q['id']}: chain with one document")
            if q.get("options") and not set(q["answers"]) <= set(q["options"]):
                bad.append(f"{q['id']}: gold not among options")
            if q.get("options") and not all(o in q["question"] for o in q["options"] if o not in ("yes", "no")):
                bad.append(f"{q['id']}: an option not named in the question")
            if (q.get("options") == ["yes", "no"] or q.get("kind") == "f-nlibs") != bool(q.get("derived")):
                bad.append(f"{q['id']}: derived flag")
            for e in q["evidence"]:
                k = code_of.get(e, e.split("/")[-1])
                if split_of(k) != s:
                    bad.append(f"{q['id']}: evidence {e} of the other split")
    results.append(("load_qa reads both splits; ids unique and of their split; evidence exists and is of the "
                    "item's split; unanswerables empty; golds among options, options named in the question; "
                    "derived flags (yes/no, the library count)", bad))
    bad = []
    by = {r["id"]: r for r in recs}
    for s in rows_:
        for q in rows_[s]:
            if q["type"] == "unanswerable":
                continue
            texts = [docs[e].text for e in q["evidence"] if e in docs]
            if q.get("derived"):
                r = by[q["ref"]]
                if q["kind"] == "yn-alias":
                    a = re.match(r"(?:Is (\S+) one|Does requests\.codes\.(\S+) mean)", q["question"])
                    truth = (a.group(1) or a.group(2)) in r["aliases"]
                elif q["kind"] == "yn-lib":
                    lib = next(x for x in ("Node.js", "Werkzeug", "Starlette") if x in q["question"])
                    truth = lib in r["libs"]
                else:
                    truth = None
                    line = re.search(r"Listed by\W+([^|\n]+)", texts[0])
                    listed = [x for x in LIBS if line and x in line.group(1)]
                    if not line or q["answers"] != [str(len(listed))] or listed != r["libs"]:
                        bad.append(f"{q['id']}: count {q['answers']} disagrees with the page's Listed by line")
                if truth is not None and ((q["answers"] == ["yes"]) != truth or YESNO_WORD.search(texts[0])):
                    bad.append(f"{q['id']}: yes/no gold disagrees with the page (or the page has a yes/no word)")
                continue
            target = texts[-1:] if q["type"] == "multi_hop" else texts
            for g in q["answers"]:
                if not any(has(t, f) for f in numforms(g) for t in target):
                    bad.append(f"{q['id']}: gold {g!r} not in its evidence")
                if q["type"] == "multi_hop" and has(texts[0], g):
                    bad.append(f"{q['id']}: gold {g!r} already in the first hop")
                if not q.get("options") and g.lower() in q["question"].lower():
                    bad.append(f"{q['id']}: gold {g!r} inside its question")
    results.append(("every gold occurs as whole tokens (number forms and words allowed) in an evidence document "
                    "(the last, on chains, and not in the first hop); not inside its question; yes/no golds agree "
                    "with the page, which writes no yes/no word; counts agree with the page's Listed by line", bad))
    bad = []
    qd = {q["question"].lower() for q in rows_["dev"]}
    bad += [q["id"] for q in rows_["test"] if q["question"].lower() in qd]
    dk = {(q.get("ref"), q.get("kind")) for q in rows_["dev"] if q["type"] != "unanswerable"}
    bad += [q["id"] for q in rows_["test"] if q["type"] != "unanswerable" and q.get("ref") and
            (q.get("ref"), q.get("kind")) in dk]
    dg = {a.lower() for q in rows_["dev"] for a in q["answers"]} - {"yes", "no"}
    bad += [f"{q['id']}: gold {a!r} also a dev gold" for q in rows_["test"] for a in q["answers"] if a.lower() in dg]
    results.append(("no question, fact (pages and rows split by code) or gold string (yes/no aside) in both dev "
                    "and test", bad))
    bad = []
    for k in absent_ids():
        for pat in absent_patterns(snap, k):
            bad += [f"{k} ({pat}) on {p}" for p, x in on_disk.items() if re.search(pat, x, re.I)]
    for f, (_, pat) in ABSENT_FIELDS.items():
        bad += [f"{f} pattern on {p}" for p, x in on_disk.items() if re.search(pat, x, re.I)]
    for s in rows_:
        for q in rows_[s]:
            if q["type"] != "unanswerable":
                continue
            if q["kind"] == "absent-code":
                pats, made_up = absent_patterns(snap, q["ref"]), f"Status {q['ref']} is the one you mean."
            else:
                f = q["kind"].split(":")[1]
                pats, made_up = [ABSENT_FIELDS[f][1]], MADE_UP[f].format(c=q["ref"])
            if not any(re.search(p, made_up, re.I) for p in pats):
                bad.append(f"{q['id']}: its pattern misses the made-up answer {made_up!r}")
            if q["kind"] == "absent-code" and q["ref"] not in ABSENT[s]:
                bad.append(f"{q['id']}: left-out code of the other split")
    results.append(("unanswerables: left-out codes (number, phrases, member, Werkzeug class) named in no corpus "
                    "file; absent fields (RFC, year, cacheability, deprecation, retry delay) on no page; each "
                    "pattern matches a made-up answer", bad))
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    ok = (OUT / "test.jsonl.sha256").read_text(encoding="utf-8") == f"{digest}  test.jsonl\n"
    results.append(("test.jsonl matches test.jsonl.sha256", [] if ok else ["sha256 mismatch"]))
    counts = {s: dict(Counter(q["type"] for q in rows_[s])) for s in rows_}
    results.append((f"split sizes and type mix (dev {len(rows_['dev'])}, test {len(rows_['test'])}): {counts}",
                    [f"{s}: {counts[s]} != {WANT[s]}" for s in WANT if counts[s] != WANT[s]]))
    fails = 0
    for name, b in results:
        print(("PASS" if not b else "FAIL") + f"  {name}")
        for x in b[:8]:
            print(f"      {x}")
        fails += bool(b)
    print(f"{len(results) - fails}/{len(results)} checks pass")
    return 1 if fails else 0


MADE_UP = {"rfc": "Status {c} is defined in RFC 9110.", "year": "Code {c} was first registered in 1999.",
           "cache": "Yes, a {c} response is heuristically cacheable.", "deprecated": "Yes, {c} is deprecated now.",
           "retry": "Wait 120 seconds, as the Retry-After header says, before retrying a {c}."}


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
