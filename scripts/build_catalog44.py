"""Build the catalog44 evaluation corpus: the IP protocols of this machine's /etc/protocols, as Python's socket sees them.

    PYTHONPATH=src python scripts/build_catalog44.py snapshot [--force]  # read /etc/protocols, socket -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog44.py build [--force]     # snapshot.json -> corpus/, questions
    PYTHONPATH=src python scripts/build_catalog44.py check               # snapshot only, no model; PASS/FAIL

`snapshot` reads, on this machine: every entry line of /etc/protocols (line number, keyword, number, aliases,
comment, the note of the block it sits in), the netbase package that ships the file (dpkg-query), and from Python
3.11's `socket`: `getprotobyname` of every keyword, every alias and every keyword in upper case (the number, or the
error it raises), every `socket.IPPROTO_*` constant with its value, and the constant named after each keyword.
`build` renders one page per catalogued protocol (every entry but ABSENT) as `<band>/<keyword>.md` in one of three
layouts (record, card, prose), the register `aliases.csv` (one row per alias), and dev.jsonl / test.jsonl (seed
SEED). `check` reads only snapshot.json and the files.
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
OUT = ROOT / "evalsets" / "catalog44"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
sys.path.insert(0, str(ROOT / "src"))  # ragtune's tokens (questions) and loaders (check)
SEED = 44
PREFIX = "c44"
BANDS = ((0, 31, "0-31", "numbered 0 to 31"), (32, 63, "32-63", "numbered 32 to 63"),
         (64, 127, "64-127", "numbered 64 to 127"), (128, 255, "128-255", "numbered 128 to 255"),
         (256, 10 ** 6, "over-255", "numbered above 255"))
ABSENT = {"dev": ["ospf", "l2tp", "vrrp"], "test": ["sctp", "eigrp", "hip"]}
ABSENT_Q = {
    "ospf": ["What protocol number does /etc/protocols give ospf?",
             "Which alias is listed for ospf in /etc/protocols?"],
    "l2tp": ["Which RFC does the /etc/protocols comment for l2tp cite?"],
    "vrrp": ["On which line of /etc/protocols is vrrp listed?",
             "What does socket.getprotobyname('vrrp') return on this machine?"],
    "sctp": ["Which IPPROTO constant in Python's socket matches sctp's protocol number?",
             "What is the protocol number of sctp in /etc/protocols?"],
    "eigrp": ["How does the /etc/protocols comment describe eigrp?",
              "What alias does eigrp have in /etc/protocols?"],
    "hip": ["What's the protocol number of hip on this machine?",
            "Which line of /etc/protocols holds the hip entry?"],
}  # fmt: skip
ABSENT_FIELDS = {
    "year": ("In which year did IANA assign {c} its protocol number?", r"\b(?:1[89]\d\d|20[0-2]\d)\b"),
    "header": ("How many bytes long is the fixed header of {c}?", r"\bbytes?\b|\boctets?\b"),
    "kmod": ("Which Linux kernel module implements {c}?", r"\.ko\b|\bmodule\b|modprobe|\bCONFIG_"),
    "wireshark": ("What Wireshark display filter matches {c} packets?", r"wireshark|display filter|tshark"),
    "deprecated": ("Has IANA deprecated protocol {c}?", r"deprecat|obsolete|histor"),
}
MADE_UP = {"year": "IANA assigned {c} its number in 1998.", "header": "The {c} header is 20 bytes long.",
           "kmod": "The kernel module {c}.ko implements it.", "wireshark": "Use the display filter {c} in Wireshark.",
           "deprecated": "Yes, IANA marks {c} as historic and deprecated."}
WANT = {"dev": {"single_hop": 15, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 5},
        "test": {"single_hop": 22, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 9, "multi_hop": 8}}
ABSENT_N = {"dev": 4, "test": 6}
YESNO = {"dev": 2, "test": 4}
AMONG = {"dev": 2, "test": 3}
MAX_USE = 3
LAYOUTS = ("record", "card", "prose")
ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
YESNO_WORD = re.compile(r"\b(?:yes|no)\b", re.I)
IANA_NOTE = "listed as assigned by IANA"
LINUX_NOTE = "not assigned by IANA; used internally by the Linux kernel"

# ------------------------------------------------------------------ snapshot


def scan() -> dict:
    import platform
    import socket
    import subprocess

    path = Path("/etc/protocols")
    lines = path.read_text(encoding="utf-8").splitlines()
    entries, commented, note, block = [], [], None, []
    for i, line in enumerate(lines, 1):
        s = line.strip()
        if not s:
            block = []
            continue
        if s.startswith("#"):
            m = re.match(r"#\s*(\d+)\s+(?:#\s*)?(.*)", s)
            if m:  # a commented-out number ("#	99			# any private encryption scheme")
                commented.append({"line": i, "number": int(m.group(1)), "comment": m.group(2).strip()})
                continue
            block.append(s.lstrip("#").strip())
            if entries:  # a comment block between entries heads what follows it
                note = " ".join(block)
            continue
        body, _, comment = line.partition("#")
        parts = body.split()
        entries.append({"line": i, "keyword": parts[0], "number": int(parts[1]), "aliases": parts[2:],
                        "comment": comment.strip(), "note": note})

    def lookup(name: str) -> dict:
        try:
            return {"number": socket.getprotobyname(name)}
        except OSError as e:
            return {"error": f"{type(e).__name__}: {e}"}

    consts = {n: int(getattr(socket, n)) for n in sorted(dir(socket)) if n.startswith("IPPROTO_")}
    for e in entries:
        k = e["keyword"]
        e["lookup"] = {n: lookup(n) for n in [k] + e["aliases"]}
        e["upper"] = {"name": k.upper(), **lookup(k.upper())}
        nm = "IPPROTO_" + re.sub(r"[^A-Z0-9]+", "_", k.upper())
        e["named_constant"] = {"name": nm, "value": consts.get(nm)}
        e["constants"] = [n for n, v in consts.items() if v == e["number"]]
    try:
        netbase = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "netbase"], check=True,
                                 capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        netbase = None
    return {"source": "this machine's /etc/protocols (every entry line, with its line number and the note of the "
                      "comment block above it) and Python's socket: getprotobyname of every keyword, alias and "
                      "upper-cased keyword, and the socket.IPPROTO_* constants",
            "python": platform.python_version(), "system": platform.system(), "netbase": netbase,
            "file_lines": len(lines), "header": [x.lstrip("#").strip() for x in lines[:8] if x.startswith("#")],
            "commented_out": commented, "entries": entries, "constants": consts}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"Python {snap['python']}, netbase {snap['netbase']}: {len(snap['entries'])} entries, "
          f"{sum(len(e['aliases']) for e in snap['entries'])} aliases, {len(snap['constants'])} IPPROTO constants")


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ records


def absent_ids() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def band_of(n: int) -> tuple[str, str]:
    return next((b[2], b[3]) for b in BANDS if b[0] <= n <= b[1])


def record(e: dict) -> dict:
    k, n = e["keyword"], e["number"]
    band, band_words = band_of(n)
    up = e["upper"]
    nc = e["named_constant"]
    return {"id": k, "number": n, "line": e["line"], "aliases": e["aliases"], "comment": e["comment"],
            "desc": re.sub(r"\s*\[RFC\d+\]", "", e["comment"]).strip(),
            "rfc": (re.findall(r"\[(RFC\d+)\]", e["comment"]) or [None])[0],
            "section": LINUX_NOTE if e["note"] and "Linux" in e["note"] else IANA_NOTE,
            "band": band, "band_words": band_words, "names": [x for x, v in e["lookup"].items() if "number" in v],
            "byname": e["lookup"][k].get("number"), "upper": up["name"], "upper_ok": "number" in up,
            "upper_result": up.get("number", up.get("error")), "upper_alias": up["name"] in e["aliases"],
            "consts": e["constants"], "named": nc["name"], "named_value": nc["value"], "doc_id": f"{band}/{k}"}


def all_records(snap: dict) -> dict[str, dict]:
    recs = {e["keyword"]: record(e) for e in snap["entries"]}
    for r in recs.values():
        r["shares"] = [x["id"] for x in recs.values() if x["number"] == r["number"] and x["id"] != r["id"]]
    return recs


def records(snap: dict) -> list[dict]:
    return [r for k, r in all_records(snap).items() if k not in absent_ids()]


def reg_rows(snap: dict, recs: list[dict]) -> list[dict]:
    have = {r["id"] for r in recs}
    out = []
    for e in snap["entries"]:
        if e["keyword"] not in have:
            continue
        for a in e["aliases"]:
            out.append({"id": a, "protocol": e["keyword"], "number": e["lookup"][a].get("number"),
                        "spelling": "keyword in capitals" if a == e["keyword"].upper() else "a spelling of its own"})
    return out


def _h(s: str) -> int:
    return int(hashlib.sha256(s.encode()).hexdigest(), 16)


def split_of(k: str) -> str:
    return "dev" if _h(f"catalog44:split{k}") % 3 == 0 else "test"


def layout_of(recs: list[dict]) -> dict[str, str]:
    order = sorted(recs, key=lambda r: _h(f"catalog44:layout{r['id']}"))
    return {r["id"]: LAYOUTS[i % 3] for i, r in enumerate(order)}


# ------------------------------------------------------------------ rendering


def words(n: int) -> str:
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + (f"-{ONES[n % 10]}" if n % 10 else "")
    return f"{ONES[n // 100]} hundred" + (f" and {words(n % 100)}" if n % 100 else "")


def lst(xs: list[str]) -> str:
    return ", ".join(xs) if xs else "none"


def words_and(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def see_rows(xs: list[str]) -> str:
    return f"see aliases.csv row{'s' if len(xs) > 1 else ''} " + ", ".join(xs)


def upper_text(r: dict) -> str:
    if r["upper_ok"]:
        return (f"getprotobyname('{r['upper']}') returns {r['upper_result']}" +
                (" (the upper-case name is an alias)" if r["upper_alias"] else ""))
    return f"getprotobyname('{r['upper']}') raises {r['upper_result']}"


def named_text(r: dict) -> str:
    if r["named_value"] is None:
        return f"socket has none (there is nothing called {r['named']})"
    if r["named_value"] == r["number"]:
        return f"socket.{r['named']} = {r['named_value']}"
    return f"socket.{r['named']} = {r['named_value']}, a different number"


def fields(r: dict) -> list[tuple[str, str]]:
    n = len(r["aliases"])
    return [("Keyword", r["id"]), ("Protocol number", str(r["number"])), ("Number band", r["band"]),
            ("Line in /etc/protocols", str(r["line"])), ("Comment", r["desc"]),
            ("RFC cited in the comment", r["rfc"] or "none cited"),
            ("Alias count", str(n)), ("Aliases", see_rows(r["aliases"]) if n else "none"),
            ("Standing", r["section"]), ("Other entries with this number", lst(r["shares"])),
            (f"getprotobyname('{r['id']}')", str(r["byname"])),
            ("Names getprotobyname resolves", ", ".join(r["names"])),
            ("Upper-case lookup", upper_text(r)),
            (f"IPPROTO_* constants equal to {r['number']}", lst(r["consts"])),
            ("Constant named after the keyword", named_text(r))]


def front(r: dict) -> str:
    return f"---\nkeyword: \"{r['id']}\"\nnumber: {r['number']}\nband: \"{r['band']}\"\n---\n\n"


def prose(r: dict) -> str:
    v = _h(f"catalog44:prose{r['id']}") % 3
    k, n = r["id"], r["number"]
    num = words(n) if v == 1 else str(n)
    line = words(r["line"]) if v == 2 else str(r["line"])
    s = [[f"{k} is protocol number {num} in /etc/protocols, where its entry sits on line {line}.",
          f"The /etc/protocols entry for {k} is on line {line} and gives it the number {num}.",
          f"Line {line} of /etc/protocols lists {k}, with protocol number {num}."][v]]
    s.append([f"The comment beside it reads \"{r['comment']}\".", f"Its comment: \"{r['comment']}\".",
              f"The file comments it as \"{r['comment']}\"."][v])
    s.append(f"The comment cites {r['rfc']}." if r["rfc"] else
             ["The comment cites none of the RFCs.", "It cites not a single RFC.", "Not one RFC is cited there."][v])
    na = len(r["aliases"])
    if na:
        cnt = ONES[na] if v != 0 else str(na)
        s.append([f"It has {cnt} alias{'es' if na > 1 else ''} ({see_rows(r['aliases'])}).",
                  f"The entry names {cnt} alias{'es' if na > 1 else ''}, {see_rows(r['aliases'])}.",
                  f"Aliases: {cnt} ({see_rows(r['aliases'])})."][v])
    else:
        s.append(["The entry gives it not a single alias.", "It has zero aliases.",
                  "The line carries the keyword alone, without any alias."][v])
    if r["section"] == IANA_NOTE:
        s.append(["The entry is " + IANA_NOTE + ".", "Standing: " + IANA_NOTE + ".",
                  "Like the entries around it, it is " + IANA_NOTE + "."][v])
    else:
        s.append(["It stands apart from the rest: " + LINUX_NOTE + ".", "Standing: " + LINUX_NOTE + ".",
                  "A note above it says it is " + LINUX_NOTE.replace(";", ", but") + "."][v])
    if r["shares"]:
        s.append(f"Its number is shared with {words_and(r['shares'])}.")
    p1 = " ".join(s)
    o = [[f"In Python 3.11, socket.getprotobyname('{k}') returns {r['byname']}.",
          f"Python's socket.getprotobyname('{k}') gives {r['byname']}.",
          f"Looked up by name in Python, '{k}' resolves to {r['byname']}."][v]]
    o.append(["getprotobyname resolves the names " + words_and(r["names"]) + ".",
              "The names that resolve are " + words_and(r["names"]) + ".",
              "Names that getprotobyname accepts for it: " + ", ".join(r["names"]) + "."][v])
    if r["upper_ok"]:
        o.append(f"Upper case works: {upper_text(r)}.")
    else:
        o.append([f"Upper case fails: {upper_text(r)}, since the lookup is case-sensitive.",
                  f"In capitals the lookup fails: {upper_text(r)}.",
                  f"Spelt in capitals it is not found: {upper_text(r)}."][v])
    if r["consts"]:
        o.append([f"The socket constants equal to {n} are {words_and(r['consts'])}." if len(r["consts"]) > 1 else
                  f"The socket constant with the value {n} is {r['consts'][0]}.",
                  f"socket has {words_and(r['consts'])} for this number.",
                  f"Among the IPPROTO_* constants, {words_and(r['consts'])} "
                  f"{'equal' if len(r['consts']) > 1 else 'equals'} {n}."][v])
    else:
        o.append(["Not one socket.IPPROTO_* constant has this value.",
                  f"socket defines not a single IPPROTO_* constant equal to {n}.",
                  "Python's socket offers not a single constant for it."][v])
    if r["named_value"] is None:
        o.append(f"There is nothing called socket.{r['named']}.")
    elif r["named_value"] == r["number"]:
        o.append(f"socket.{r['named']} is {r['named_value']}.")
    else:
        o.append(f"socket.{r['named']} does exist, but its value is {r['named_value']}, a different number.")
    return p1 + "\n\n" + " ".join(o) + "\n"


def render(r: dict, lay: str, snap: dict) -> str:
    f = fields(r)
    head = front(r) + f"# {r['id']} (protocol {r['number']})\n\n"
    if lay == "record":
        body = "".join(f"{a}: {b}\n" for a, b in f)
    elif lay == "card":
        secs = [("/etc/protocols entry", f[:10]), ("Python 3.11 socket", f[10:])]
        body = "\n".join(f"## {t}\n\n" + "".join(f"- {a}: {b}\n" for a, b in xs) for t, xs in secs)
    else:
        body = prose(r)
    return head + body + "\n" + (f"Source: /etc/protocols (netbase {snap['netbase']}) and Python {snap['python']}'s "
                                 f"socket ({snap['system']}) on this machine.") + "\n"


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
    pages["aliases.csv"] = csv_text(reg_rows(snap, recs))
    return pages


# ------------------------------------------------------------------ questions


def toks(s: str) -> list[str]:
    from ragtune.eval.metrics import answer_tokens

    return answer_tokens(s)


def has(text: str, gold: str) -> bool:
    from ragtune.eval.metrics import contains_tokens

    return contains_tokens(toks(text), toks(gold))


def echoed(q: str, gold: str) -> bool:
    """Half or more of the gold's tokens already stand in the question ("What is shim6 ...?" -> "Shim6 Protocol")."""
    g, qt = toks(gold), set(toks(q))
    core = [t for t in g if t not in ("rfc", "ipproto")]  # the kind of answer, which a question may name
    return len(g) > 1 and bool(core) and 2 * sum(t in qt for t in core) >= len(core)


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
        regs = [x for x in rows_.values() if split_of(x["protocol"]) == s]
        rng.shuffle(regs)
        used: Counter = Counter()
        facts: set = set()
        qs: list[dict] = []

        def add(typ, q, ans, ev, fact, **kw):
            if fact in facts or any(used[e] >= MAX_USE for e in ev) or any(x["question"] == q for x in qs):
                return False
            if s == "test" and any(a.lower() in dev_golds for a in ans if a not in ("yes", "no")):
                return False
            if not kw.get("options") and any(has(q, a) or a.lower() in q.lower() or echoed(q, a) for a in ans):
                return False
            facts.add(fact)
            for e in ev:
                used[e] += 1
            qs.append({"question": q, "answers": ans, "type": typ, "evidence": ev, **kw})
            return True

        # single_hop
        sh = []
        for r in mine:
            k, ev = r["id"], [r["doc_id"]]
            sh.append((rng.choice([f"What protocol number does /etc/protocols give {k}?",
                                   f"Which IP protocol number is {k}?",
                                   f"What's the protocol number of {k} on this machine?"]),
                       [str(r["number"])], ev, (k, "number")))
            if len(r["aliases"]) == 1:
                sh.append((rng.choice([f"Which alias does /etc/protocols list for {k}?",
                                       f"What other name does {k} go by in /etc/protocols?"]),
                           r["aliases"], ev, (k, "alias")))
            sh.append((rng.choice([f"How does the comment in /etc/protocols describe {k}?",
                                   f"What is {k}, going by its comment in /etc/protocols?",
                                   f"What does the /etc/protocols comment on the {k} line say?"]),
                       [r["desc"]], ev, (k, "desc")))
            if r["rfc"]:
                sh.append((rng.choice([f"Which RFC does the /etc/protocols comment for {k} cite?",
                                       f"What RFC is referenced on the {k} line of /etc/protocols?"]),
                           [r["rfc"]], ev, (k, "rfc")))
            sh.append((rng.choice([f"On which line of /etc/protocols is {k} listed?",
                                   f"What line number does the {k} entry have in /etc/protocols?"]),
                       [str(r["line"])], ev, (k, "line")))
            if len(r["consts"]) == 1:
                sh.append((rng.choice([f"Which socket.IPPROTO_* constant has the same value as {k}'s protocol "
                                       f"number?",
                                       f"In Python's socket, which IPPROTO constant stands for {k}?"]),
                           [r["consts"][0]], ev, (k, "const")))
            if r["named_value"] is not None:
                sh.append((rng.choice([f"What value does socket.{r['named']} have in Python 3.11?",
                                       f"What number is socket.{r['named']}?"]),
                           [str(r["named_value"])], ev, (k, "named")))
            sh.append((rng.choice([f"How many aliases does /etc/protocols give {k}?",
                                   f"How many alternative names has {k} got in /etc/protocols?"]),
                       [str(len(r["aliases"]))], ev, (k, "nalias")))
        for x in regs:
            a = x["id"]
            sh.append((rng.choice([f"What does socket.getprotobyname('{a}') return?",
                                   f"Which protocol number does the name {a} resolve to?"]),
                       [str(x["number"])], [f"aliases#{a}"], (a, "regnum")))
            sh.append((rng.choice([f"Which /etc/protocols entry has {a} as an alias?",
                                   f"{a} is an alias of which protocol keyword?"]),
                       [x["protocol"]], [f"aliases#{a}"], (a, "regproto")))
        rng.shuffle(sh)
        pick(sh, lambda x: x[3][1], rng, WANT[s]["single_hop"],
             lambda x: add("single_hop", x[0], x[1], x[2], x[3], kind="s-" + x[3][1], ref=x[3][0]))
        # reverse: a value -> the keyword (values unique over all entries, ABSENT included)
        cnt = Counter()
        for r in allr.values():
            for key, val in rev_values(r):
                cnt[(key, val.lower())] += 1
        pool = []
        for r in mine:
            for key, val in rev_values(r):
                if cnt[(key, val.lower())] != 1:
                    continue
                q = {"number": [f"Which protocol has the number {val} in /etc/protocols?",
                                f"Protocol number {val}: which keyword is that?"],
                     "desc": [f"Which /etc/protocols entry is commented \"{val}\"?",
                              f"Which protocol keyword does /etc/protocols describe as \"{val}\"?"],
                     "const": [f"Which /etc/protocols entry has the number of socket.{val}?",
                               f"socket.{val} matches which protocol keyword in /etc/protocols?"],
                     "rfc": [f"Which protocol's comment in /etc/protocols cites {val}?",
                             f"Which /etc/protocols entry points to {val}?"],
                     "line": [f"Which protocol is listed on line {val} of /etc/protocols?",
                              f"What keyword sits on line {val} of /etc/protocols?"]}[key]
                pool.append((rng.choice(q), r, (r["id"], key), "r-" + key))
        rng.shuffle(pool)
        pick(pool, lambda x: x[3], rng, WANT[s]["reverse"],
             lambda x: add("reverse", x[0], [x[1]["id"]], [x[1]["doc_id"]], x[2], kind=x[3], ref=x[1]["id"]))
        # multi_hop: register row -> page
        pool = []
        for x in regs:
            r, a = by[x["protocol"]], x["id"]
            ev = [f"aliases#{a}", r["doc_id"]]
            cand = [(rng.choice([f"What does the /etc/protocols comment say about the protocol whose alias is {a}?",
                                 f"The name {a} is an alias in /etc/protocols. How is that protocol described "
                                 f"there?"]), r["desc"], "m-desc"),
                    (f"On which line of /etc/protocols is the entry that carries the alias {a}?", str(r["line"]),
                     "m-line")]
            if len(r["consts"]) == 1:
                cand.append((rng.choice([f"Which socket IPPROTO constant matches the protocol aliased {a}?",
                                         f"{a} is an alias of some protocol; which socket.IPPROTO_* constant has "
                                         f"its number?"]), r["consts"][0], "m-const"))
            if r["rfc"]:
                cand.append((f"Which RFC does the comment cite for the protocol that has the alias {a}?", r["rfc"],
                             "m-rfc"))
            for q, g, kd in cand:
                if not has(row_text[a], g):
                    pool.append((q, [g], ev, (r["id"], kd[2:]), kd, x["spelling"] != "keyword in capitals"))
        rng.shuffle(pool)
        pool.sort(key=lambda x: not x[5])  # aliases of their own spelling first
        rows_used = {e for q in qs for e in q["evidence"] if e.startswith("aliases#")}

        def add_chain(x):
            q, a, ev, f, kd, _ = x
            if ev[0] in rows_used or not add("multi_hop", q, a, ev, f, kind=kd, ref=f[0]):
                return False
            rows_used.add(ev[0])
            return True

        pick(pool, lambda x: x[4], rng, WANT[s]["multi_hop"], add_chain)
        # comparison
        n, tries, yn = 0, 0, 0
        clean = [r for r in mine if not YESNO_WORD.search(page_of[r["id"]])]
        allal = [x["id"] for x in regs]  # a "no" names an alias of this split only
        while n < WANT[s]["comparison"] and tries < 4000:
            tries += 1
            if yn < YESNO[s]:
                want_yes = yn % 2 == 0
                r = rng.choice(clean)
                how = rng.choice(["alias", "const", "upper"])
                if how == "alias":
                    # a yes: one of its aliases in a spelling of its own; a no: an alias of another entry
                    a = (rng.choice([x for x in r["aliases"] if x != r["id"].upper()] or [""]) if want_yes else
                         rng.choice([x for x in allal if x not in r["aliases"] and x.lower() != r["id"]]))
                    if not a:
                        continue
                    q = rng.choice([f"Is {a} listed as an alias of {r['id']} in /etc/protocols?",
                                    f"Does /etc/protocols give {r['id']} the alias {a}?"])
                    kd, fact = "yn-alias", (a, "yn")
                elif how == "const":
                    if bool(r["consts"]) != want_yes:
                        continue
                    q = rng.choice([f"Does Python's socket have an IPPROTO_* constant whose value is {r['id']}'s "
                                    f"protocol number?",
                                    f"Is there a socket.IPPROTO_ constant for {r['id']}'s number?"])
                    kd, fact = "yn-const", (r["id"], "yn-const")
                else:
                    if r["upper_ok"] != want_yes:
                        continue
                    q = rng.choice([f"Does socket.getprotobyname('{r['upper']}') work on this machine?",
                                    f"Will getprotobyname find {r['id']} if I spell it {r['upper']}?"])
                    kd, fact = "yn-upper", (r["id"], "yn-upper")
                if add("comparison", q, ["yes" if want_yes else "no"], [r["doc_id"]], fact, options=["yes", "no"],
                       derived=True, kind=kd, ref=r["id"]):
                    n += 1
                    yn += 1
                continue
            fld, qq = rng.choice([
                ("number", ["Which has the higher protocol number, {a} or {b}?",
                            "Is {a} or {b} numbered higher in /etc/protocols?"]),
                ("line", ["Which comes first in /etc/protocols, {a} or {b}?",
                          "Which entry is nearer the top of /etc/protocols: {a} or {b}?"]),
                ("nalias", ["Which has more aliases in /etc/protocols, {a} or {b}?"]),
                ("rfc", ["Whose /etc/protocols comment cites the higher-numbered RFC, {a} or {b}?"])])
            a, b = rng.sample(mine, 2)
            va, vb = (cmp_value(a, fld), cmp_value(b, fld))
            if va is None or vb is None or va == vb:
                continue
            w = (a if va < vb else b) if fld == "line" else (a if va > vb else b)
            if add("comparison", rng.choice(qq).format(a=a["id"], b=b["id"]), [w["id"]],
                   [a["doc_id"], b["doc_id"]], (tuple(sorted([a["id"], b["id"]])), fld), options=[a["id"], b["id"]],
                   kind="c-" + fld):
                n += 1
        # filter
        n = 0
        # one derived count per split: how many names getprotobyname resolves for an entry
        for r in mine:
            if add("filter", rng.choice([f"How many names (keyword and aliases) does getprotobyname accept for "
                                         f"{r['id']}?",
                                         f"Counting the keyword and its aliases, how many names resolve to {r['id']} "
                                         f"with socket.getprotobyname?"]),
                   [str(len(r["names"]))], [r["doc_id"]], (r["id"], "nnames"), derived=True, kind="f-nnames",
                   ref=r["id"]):
                n += 1
                break
        k, tries = 0, 0
        while k < AMONG[s] and tries < 4000:
            tries += 1
            what = rng.choice(["const", "upper"])
            test_ = (lambda x: not x["consts"]) if what == "const" else (lambda x: not x["upper_ok"])
            odd = [x for x in mine if test_(x)]
            rest = [x for x in mine if not test_(x)]
            if not odd or len(rest) < 3:
                continue
            r = rng.choice(odd)
            opts = [r] + rng.sample(rest, 3)
            rng.shuffle(opts)
            names = ", ".join(o["id"] for o in opts[:-1]) + f" and {opts[-1]['id']}"
            q = {"const": rng.choice([f"Among {names}, which one has no socket.IPPROTO_* constant for its number?",
                                      f"Which of {names} lacks an IPPROTO constant in Python's socket?"]),
                 "upper": rng.choice([f"Among {names}, which can't be found by getprotobyname when spelt in "
                                      f"capitals?",
                                      f"Which of {names} fails a getprotobyname lookup in upper case?"])}[what]
            if add("filter", q, [r["id"]], [o["doc_id"] for o in opts], (r["id"], "among"),
                   options=[o["id"] for o in opts], kind="f-among"):
                n += 1
                k += 1
        pool = [x for r in mine for x in only_pool(r, allr, rng)]
        rng.shuffle(pool)
        pick(pool, lambda x: x[3], rng, WANT[s]["filter"] - n,
             lambda x: add("filter", x[0], [x[1]["id"]], [x[1]["doc_id"]], x[2], kind=x[3], ref=x[1]["id"]))
        # unanswerable
        un = []
        for k2 in ABSENT[s]:
            un += [(q, "absent-protocol", k2) for q in ABSENT_Q[k2]]
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
    out = [("number", str(r["number"])), ("desc", r["desc"]), ("line", str(r["line"]))]
    out += [("const", c) for c in r["consts"]]
    if r["rfc"]:
        out.append(("rfc", r["rfc"]))
    return out


def cmp_value(r: dict, fld: str):
    if fld == "number":
        return r["number"]
    if fld == "line":
        return r["line"]
    if fld == "nalias":
        return len(r["aliases"])
    return int(r["rfc"][3:]) if r["rfc"] else None


PREDICATES = [
    (lambda x: not x["aliases"], "Which is the only protocol {b} without any alias?"),
    (lambda x: len(x["aliases"]) > 1, "Which protocol {b} is the one with two aliases?"),
    (lambda x: bool(x["rfc"]), "Which is the only protocol {b} whose comment cites an RFC?"),
    (lambda x: not x["rfc"], "Which is the only protocol {b} whose comment cites no RFC?"),
    (lambda x: bool(x["consts"]), "Which is the only protocol {b} with a socket.IPPROTO_* constant?"),
    (lambda x: not x["consts"], "Which is the only protocol {b} lacking a socket.IPPROTO_* constant?"),
    (lambda x: bool(x["consts"]) and x["named_value"] != x["number"],
     "Which protocol {b} has a socket constant whose name is not simply its keyword in capitals?"),
    (lambda x: not x["upper_ok"], "Which is the only protocol {b} that getprotobyname can't find in capitals?"),
    (lambda x: x["named_value"] is not None and x["named_value"] != x["number"],
     "Which protocol {b} has a socket constant named after it that holds some other number?"),
    (lambda x: x["section"] == LINUX_NOTE, "Which protocol {b} is not assigned by IANA?"),
]


def only_pool(r: dict, allr: dict, rng: random.Random) -> list[tuple]:
    """'The only one' questions: a predicate true of r alone in the whole file, or else alone in its band (a band
    of three or more entries), ABSENT entries counted."""
    out = []
    for pred, text in PREDICATES:
        if not pred(r):
            continue
        if [x for x in allr.values() if pred(x)] == [r]:
            out.append((text.format(b="in /etc/protocols"), r, (r["id"], "only"), "f-only"))
            continue
        band = [x for x in allr.values() if x["band"] == r["band"]]
        if len(band) >= 3 and [x for x in band if pred(x)] == [r]:
            out.append((text.format(b=r["band_words"]), r, (r["id"], "only"), "f-only"))
    # the one number in a range
    nums = sorted({x["number"] for x in allr.values()})
    i = nums.index(r["number"])
    if i and i + 1 < len(nums) and [x for x in allr.values() if x["number"] == r["number"]] == [r]:
        lo, hi = nums[i - 1] + 1, nums[i + 1] - 1
        if lo < r["number"] < hi:  # a gap on both sides: the range never starts or ends at the number itself
            lo, hi = rng.randint(lo, r["number"] - 1), rng.randint(r["number"] + 1, hi)
            out.append((rng.choice([f"Which protocol in /etc/protocols has a number between {lo} and {hi}?",
                                    f"Which entry's protocol number falls in the range {lo}-{hi}?"]),
                        r, (r["id"], "range"), "f-range"))
    return out


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
    print(f"{len(pages) - 1} pages, aliases.csv; dev {len(qs['dev'])}, test {len(qs['test'])}")


# ------------------------------------------------------------------ check


def number_patterns(n: int) -> list[str]:
    return [rf"(?<![\d.]){n}(?!\d)", r"(?<![\w-])" + re.escape(words(n)) + r"(?![\w-])"]


def absent_patterns(snap: dict, k: str) -> list[str]:
    """Patterns of a left-out protocol: its number (digits or words), keyword, aliases, comment, constants."""
    r = all_records(snap)[k]
    names = {k, *r["aliases"], r["desc"], *r["consts"]} | ({r["rfc"]} if r["rfc"] else set())
    return number_patterns(r["number"]) + [r"(?<![\w-])" + re.escape(nm).replace(r"\ ", r"[\s_-]+") + r"(?![\w-])"
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
    results.append((f"snapshot rendered again equals corpus/ ({len(pages) - 1} pages + aliases.csv)", bad))
    qs = make_questions(snap)
    bad = [s for s in qs if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl", bad))
    ents = {e["keyword"]: e for e in snap["entries"]}
    bad = [] if snap["python"].startswith("3.11") else [snap["python"]]
    bad += [a for a in absent_ids() if a not in ents]
    bad += [f"{k}: getprotobyname {e['lookup']} disagrees with the number {e['number']}" for k, e in ents.items()
            if any(v.get("number") != e["number"] for v in e["lookup"].values())]
    results.append((f"snapshot: Python {snap['python']}, netbase {snap['netbase']}; {len(ents)} entries, "
                    f"{len(snap['constants'])} IPPROTO constants; ABSENT protocols are real; every keyword and "
                    f"alias resolves to its line's number", bad))
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
    want = {r["doc_id"] for r in recs} | {f"aliases#{x['id']}" for x in regrows}
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
    proto_of = {f"aliases#{x['id']}": x["protocol"] for x in regrows}
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
            if q.get("options") and not all(re.search(r"(?<![\w.-])" + re.escape(o) + r"(?![\w-])", q["question"])
                                            for o in q["options"] if o not in ("yes", "no")):
                bad.append(f"{q['id']}: an option not named in the question")
            if (q.get("options") == ["yes", "no"] or q.get("kind") == "f-nnames") != bool(q.get("derived")):
                bad.append(f"{q['id']}: derived flag")
            for e in q["evidence"]:
                k = proto_of.get(e, e.split("/")[-1])
                if split_of(k) != s:
                    bad.append(f"{q['id']}: evidence {e} of the other split")
    results.append(("load_qa reads both splits; ids unique and of their split; evidence exists and is of the "
                    "item's split; unanswerables empty; golds among options, options named in the question; "
                    "derived flags (yes/no, the name count)", bad))
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
                    a = re.match(r"(?:Is (\S+) listed|Does /etc/protocols give \S+ the alias (\S+)\?)", q["question"])
                    truth = (a.group(1) or a.group(2)) in r["aliases"]
                elif q["kind"] == "yn-const":
                    truth = bool(r["consts"])
                elif q["kind"] == "yn-upper":
                    truth = r["upper_ok"]
                else:
                    truth = None
                    line = re.search(r"(?:Names getprotobyname resolves|getprotobyname resolves the names|"
                                     r"The names that resolve are|Names that getprotobyname accepts for it)"
                                     r"\W+([^\n]+?)(?:\.\s|\.?$)", texts[0], re.M)
                    listed = re.split(r",\s*|\s+and\s+", line.group(1)) if line else []
                    if q["answers"] != [str(len(listed))] or listed != r["names"]:
                        bad.append(f"{q['id']}: count {q['answers']} disagrees with the page's names line {listed}")
                if truth is not None and ((q["answers"] == ["yes"]) != truth or YESNO_WORD.search(texts[0])):
                    bad.append(f"{q['id']}: yes/no gold disagrees with the record (or the page has a yes/no word)")
                continue
            target = texts[-1:] if q["type"] == "multi_hop" else texts
            for g in q["answers"]:
                if not any(has(t, f) for f in numforms(g) for t in target):
                    bad.append(f"{q['id']}: gold {g!r} not in its evidence")
                if q["type"] == "multi_hop" and has(texts[0], g):
                    bad.append(f"{q['id']}: gold {g!r} already in the first hop")
                if not q.get("options") and (g.lower() in q["question"].lower() or has(q["question"], g)):
                    bad.append(f"{q['id']}: gold {g!r} inside its question")
    results.append(("every gold occurs as whole tokens (number forms and words allowed) in an evidence document "
                    "(the last, on chains, and not in the first hop); not inside its question; yes/no golds agree "
                    "with the record and the page writes no yes/no word; counts agree with the page's names line",
                    bad))
    bad = []
    qd = {q["question"].lower() for q in rows_["dev"]}
    bad += [q["id"] for q in rows_["test"] if q["question"].lower() in qd]
    dk = {(q.get("ref"), q.get("kind")) for q in rows_["dev"] if q["type"] != "unanswerable"}
    bad += [q["id"] for q in rows_["test"] if q["type"] != "unanswerable" and q.get("ref") and
            (q.get("ref"), q.get("kind")) in dk]
    dg = {a.lower() for q in rows_["dev"] for a in q["answers"]} - {"yes", "no"}
    bad += [f"{q['id']}: gold {a!r} also a dev gold" for q in rows_["test"] for a in q["answers"] if a.lower() in dg]
    results.append(("no question, fact (pages and rows split by protocol) or gold string (yes/no aside) in both "
                    "dev and test", bad))
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
            if q["kind"] == "absent-protocol":
                r = all_records(snap)[q["ref"]]
                pats = absent_patterns(snap, q["ref"])
                made_up = f"{q['ref']} is protocol {r['number']}, {r['desc']}."
                if q["ref"] not in ABSENT[s]:
                    bad.append(f"{q['id']}: left-out protocol of the other split")
                if not has(q["question"], q["ref"]):
                    bad.append(f"{q['id']}: question does not name its left-out protocol")
            else:
                f = q["kind"].split(":")[1]
                pats, made_up = [ABSENT_FIELDS[f][1]], MADE_UP[f].format(c=q["ref"])
            if not any(re.search(p, made_up, re.I) for p in pats):
                bad.append(f"{q['id']}: its pattern misses the made-up answer {made_up!r}")
    results.append(("unanswerables: left-out protocols (number in digits or words, keyword, aliases, comment, "
                    "RFC, IPPROTO constants) in no corpus file; absent fields (year assigned, header size, kernel "
                    "module, Wireshark filter, deprecation) on no page; each pattern matches a made-up answer", bad))
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
