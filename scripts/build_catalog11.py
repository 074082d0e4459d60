"""Build the catalog11 evaluation corpus: the network services of this machine's /etc/services.

    PYTHONPATH=src python scripts/build_catalog11.py snapshot [--force]  # /etc/services + /etc/protocols -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog11.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog11.py check               # loader + scorer + fact checks, no model

`snapshot` reads /etc/services line by line (`name port/protocol aliases... # comment`; `#` lines
are comments, some of them headings of the file's parts) and groups the entries of the CHOSEN
service names into one record per service: its port, every entry (transport protocol, the
aliases and the comment written on that line), the heading of the part of the file it is listed
under and whether it comes before or after the file's note that "the remaining port numbers are
not as allocated by IANA". From /etc/protocols it keeps, for each transport a chosen service uses,
the IP protocol number, official name and comment. For the checks only it also keeps every entry
of the file (all service names, ports and aliases) and netbase's version (the Debian package that
ships both files). Written to `evalsets/catalog11/snapshot.json` (committed; `snapshot` refuses to
overwrite it without --force): another machine's netbase may list other services, so the
committed snapshot and pages are the corpus.

`build` renders one markdown page per service from snapshot.json alone,
`<range>/<service>.md` (`system-ports/ssh`, `user-ports/postgresql`, `dynamic-ports/fido`, by
the IANA port range of RFC 6335), titled `# <service>`, with YAML front matter (service, port,
transports: metadata for filters, each also stated in the body) and a body in one of three
layouts dealt in turn in the order of sha256("catalog11:<id>"): `story` (paragraphs, wording varied
per page), `sheet` (three pipe tables: the record, the file's lines, the transports) or `terse`
(`key = value` lines and the raw lines). Then it generates dev.jsonl and test.jsonl from the
snapshot (seeded, SEED) and writes test.jsonl.sha256. It refuses to overwrite corpus/ or the
question files without --force.

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
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog11"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
SERVICES = Path("/etc/services")
PROTOCOLS = Path("/etc/protocols")
SEED = 11

# 89 service names, from every part of the file: the opening list of well-known ports, "UNIX
# specific services", the Registered Ports (from Assigned Numbers), two Datagram Delivery Protocol
# services, and after the note that the remaining ports are not as allocated by IANA, four
# Kerberos (Project Athena/MIT) services and fourteen services added for Debian. Pairs where one
# service's comment names another catalogued one (nntps "NNTP over SSL" -> nntp, ripd "ripd vty
# (zebra)" -> zebra, kamanda -> amanda, ...; HOPS) give multi-hop questions. Left out: names that
# are common words (`time`, `echo`, `discard`, `domain`, `login`, `who`, `exec`, `shell`,
# `printer`, `talk`, `route`, `auth`, `mon`, `fax`, `nut`, `dict`, ...), `echo` (two ports), and
# `rtcm-sc104` (a date in its comment).
CHOSEN = [
    # the opening list (no heading)
    "tcpmux", "chargen", "ssh", "telnet", "smtp", "whois", "tacacs", "tftp", "gopher", "http", "kerberos",
    "acr-nema", "pop3", "sunrpc", "nntp", "ntp", "epmap", "netbios-ns", "imap2", "snmp", "snmp-trap", "smux",
    "z3950", "ldap", "svrloc", "https", "submissions", "isakmp", "asf-rmcp", "ipp",
    # UNIX specific services
    "biff", "syslog", "uucp", "klogin", "kshell", "dhcpv6-server", "afpovertcp", "nntps", "submission", "ldaps",
    "domain-s", "telnets", "imaps", "pop3s", "gdomap",
    # From Assigned Numbers (the Registered Ports)
    "socks", "rmiregistry", "ms-sql-m", "datametrics", "l2f", "radius-acct", "cvspserver", "distcc", "svn",
    "epmd", "ntske", "ipsec-nat-t", "iax", "xmpp-server", "mdns", "postgresql", "freeciv", "amqps", "amqp",
    "font-service", "http-alt", "amanda", "hkp", "db-lsp",
    # Datagram Delivery Protocol services
    "rtmp", "nbp",
    # Kerberos (Project Athena/MIT) services
    "krb-prop", "iprop", "zephyr-srv", "passwd-server",
    # Services added for the Debian GNU/Linux distribution
    "spamd", "zebra", "ripd", "bgpd", "munin", "syslog-tls", "sane-port", "zope-ftp", "zope", "kamanda",
    "amandaidx", "rplay", "dircproxy", "fido",
]  # fmt: skip

# subject -> the catalogued service its comment names (checked: the name or an alias of the target
# occurs in the subject's comment, as accuracy tokens)
HOPS = {
    "nntps": "nntp", "ldaps": "ldap", "imaps": "imap2", "pop3s": "pop3", "telnets": "telnet", "amqps": "amqp",
    "https": "http", "submissions": "submission", "smux": "snmp",
    "kamanda": "amanda", "amandaidx": "amanda", "ripd": "zebra", "bgpd": "zebra",
}  # fmt: skip
# (syslog-tls -> syslog, snmp-trap -> snmp and zope-ftp -> zope are left out: the subject's name
# already names the target)

# Service names of /etc/services that are NOT catalogued (checked: in the file, not chosen, and
# named on no page), for unanswerable questions; each split takes its own.
ABSENT = ["finger", "rsync", "kermit", "gpsd", "cfengine", "puppet", "sysrqd", "webmin", "csync2", "hylafax",
          "nrpe", "canna", "skkserv", "binkp", "xinetd", "omniorb", "gnunet", "rtsp"]  # fmt: skip

# What these pages never state about a service, for unanswerable questions; the words an answer
# would need, none of which may occur on any page (checked).
ABSENT_FIELDS = {
    "assignee": ["assignee", "assigned to"],
    "contact": ["contact"],
    "regdate": ["registration date", "registered on", "modification date"],
    "unauthorized": ["unauthorized", "unauthorised"],
    "systemd": ["systemd", "socket unit"],
    "manpage": ["man page", "manual page", "man:"],
    "config": ["configuration file", "config file", ".conf"],
    "firewall": ["firewall", "iptables", "nftables", "ufw"],
    "runas": ["runs as", "user account"],
}

# the file's part headings (first text line of a comment block) -> the label pages use
HEADINGS = {
    "UNIX specific services": "UNIX specific services",
    "From ``Assigned Numbers'':": "From Assigned Numbers",
    "Datagram Delivery Protocol services": "Datagram Delivery Protocol services",
    "Kerberos (Project Athena/MIT) services": "Kerberos (Project Athena/MIT) services",
    "Services added for the Debian GNU/Linux distribution": "Services added for the Debian GNU/Linux distribution",
    "Local services": "Local services",
}  # fmt: skip
IANA_NOTE = "The remaining port numbers are not as allocated by IANA."
PROTO_ORDER = ["tcp", "udp", "sctp", "ddp"]
RANGES = {"system port": "0-1023", "user port": "1024-49151", "dynamic port": "49152-65535"}


# ------------------------------------------------------------------ reading the files


def parse_services(text: str) -> list[dict]:
    """Every entry of an /etc/services text with the heading and IANA note above it."""
    out, heading, iana, block = [], "", True, []
    for n, raw in enumerate(text.split("\n"), 1):
        ln = raw.strip()
        if ln.startswith("#"):
            t = ln.lstrip("#").strip()
            if t and not block:
                block.append(t)
                if t in HEADINGS:
                    heading = HEADINGS[t]
            if IANA_NOTE in t:
                iana = False
            continue
        block = []
        if not ln:
            continue
        data, _, comment = ln.partition("#")
        parts = data.split()
        m = re.fullmatch(r"(\d+)/(\w+)", parts[1]) if len(parts) >= 2 else None
        if not m:
            continue
        out.append({"name": parts[0], "port": int(m.group(1)), "proto": m.group(2), "aliases": parts[2:],
                    "comment": comment.strip(), "line": n, "heading": heading, "iana": iana})  # fmt: skip
    return out


def parse_protocols(text: str) -> dict[str, dict]:
    out = {}
    for ln in text.split("\n"):
        data, _, comment = ln.partition("#")
        parts = data.split()
        if len(parts) >= 2 and parts[1].isdigit():
            out[parts[0]] = {"number": int(parts[1]), "names": parts[2:], "comment": comment.strip()}
    return out


def scan() -> dict:
    entries = parse_services(SERVICES.read_text(encoding="utf-8"))
    protos = parse_protocols(PROTOCOLS.read_text(encoding="utf-8"))
    by: dict[str, list[dict]] = defaultdict(list)
    for e in entries:
        by[e["name"]].append(e)
    recs = []
    for s in CHOSEN:
        es = by.get(s)
        if not es:
            sys.exit(f"{s}: not in {SERVICES}")
        if len({e["port"] for e in es}) != 1 or len({e["heading"] for e in es}) != 1 or len({e["iana"] for e in es}) != 1:
            sys.exit(f"{s}: entries with different ports or parts of the file")
        recs.append({"service": s, "port": es[0]["port"], "heading": es[0]["heading"], "iana": es[0]["iana"],
                     "entries": [{k: e[k] for k in ("proto", "aliases", "comment", "line")} for e in es]})  # fmt: skip
    used = sorted({e["proto"] for r in recs for e in r["entries"]})
    ver = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "netbase"], capture_output=True, text=True).stdout
    recs.sort(key=lambda r: r["service"])
    return {"source": f"{SERVICES} and {PROTOCOLS} (netbase {ver})", "netbase": ver,
            "protocols": {p: protos[p] for p in used if p in protos},
            "all_entries": [{k: e[k] for k in ("name", "port", "proto", "aliases")} for e in entries],
            "records": recs}  # fmt: skip


# ------------------------------------------------------------------ record access


def protos_of(r: dict) -> list[str]:
    ps = {e["proto"] for e in r["entries"]}
    return [p for p in PROTO_ORDER if p in ps] + sorted(ps - set(PROTO_ORDER))


def tsum(r: dict) -> str:
    """The transports as pages write them: `tcp only`, `tcp and udp`, `tcp and sctp`."""
    ps = protos_of(r)
    return ps[0] + " only" if len(ps) == 1 else and_list(ps)


def aliases(r: dict) -> list[str]:
    return list(dict.fromkeys(a for e in r["entries"] for a in e["aliases"]))


def comments(r: dict) -> list[str]:
    return list(dict.fromkeys(e["comment"] for e in r["entries"] if e["comment"]))


def rfcs(r: dict) -> list[str]:
    return list(dict.fromkeys(x for c in comments(r) for x in re.findall(r"\[(RFC\s?\d+)\]", c)))


def bare_comment(c: str) -> str:
    return re.sub(r"\s*\[RFC\s?\d+\]\s*$", "", c).strip()


def pclass(port: int) -> str:
    return "system port" if port < 1024 else "user port" if port < 49152 else "dynamic port"


def iana_text(r: dict) -> str:
    return "as allocated by IANA" if r["iana"] else "not as allocated by IANA"


def doc_id(r: dict) -> str:
    return f"{pclass(r['port']).replace(' ', '-')}s/{r['service']}"


def and_list(xs: list[str]) -> str:
    xs = list(xs)
    if not xs:
        return ""
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def raw_line(r: dict, e: dict) -> str:
    s = f"{r['service']} {r['port']}/{e['proto']}" + "".join(f" {a}" for a in e["aliases"])
    return s + (f" # {e['comment']}" if e["comment"] else "")


# ------------------------------------------------------------------ pages


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog11:{salt}{key}".encode()).hexdigest(), 16)


LAYOUTS = ("story", "sheet", "terse")
_LAYOUT: dict[str, str] = {}
_PROTOS: dict[str, dict] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    for i, d in enumerate(sorted((doc_id(r) for r in recs), key=_h)):
        _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[doc_id(r)]


def front_matter(r: dict) -> str:
    return ("---\n" f"service: {json.dumps(r['service'])}\n" f"port: {r['port']}\n"
            f"transports: {json.dumps(tsum(r))}\n" "---\n")  # fmt: skip


def proto_desc(p: str) -> str:
    d = _PROTOS.get(p)
    if not d:
        return ""
    name = " ".join(d["names"]) or p.upper()
    return f"{name}, {d['comment']}" if d["comment"] else name


def render(r: dict) -> str:
    u, kind, w = r["service"], layout(r), _h(doc_id(r), "w")
    head = front_matter(r) + f"\n# {u}\n\n"
    port, ts, pc, al = r["port"], tsum(r), pclass(r["port"]), aliases(r)
    heading = r["heading"]
    if kind == "sheet":
        rows = [("Port number", str(port)), ("Transports", ts), ("Port range (RFC 6335)", f"{pc} ({RANGES[pc]})"),
                ("Aliases", f"{len(al)}: {', '.join(al)}" if al else "none (0)"),
                ("Part of /etc/services", f"under the heading \"{heading}\"" if heading else "the opening list (before any heading)"),
                ("Allocation", iana_text(r)), ("Lines in the file", str(len(r["entries"])))]  # fmt: skip
        cell = lambda s: s.replace("|", "\\|")  # noqa: E731
        t1 = "| Attribute | Detail |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for a, b in rows)
        t2 = "| Line | Port/transport | Aliases on the line | Comment |\n|---|---|---|---|\n" + "\n".join(
            f"| {e['line']} | {port}/{e['proto']} | {cell(' '.join(e['aliases'])) or '-'} | {cell(e['comment']) or '-'} |"
            for e in r["entries"])
        t3 = "| Transport | IP protocol number | Name and description (/etc/protocols) |\n|---|---|---|\n" + "\n".join(
            f"| {p} | {_PROTOS[p]['number']} | {cell(proto_desc(p))} |" for p in protos_of(r) if p in _PROTOS)
        return head + t1 + "\n\n## Lines of /etc/services\n\n" + t2 + "\n\n## Transports\n\n" + t3 + "\n"
    if kind == "terse":
        out = [f"- port = {port}", f"- transports = {ts}", f"- range = {pc}, {RANGES[pc]}",
               f"- aliases = {len(al)}" + (f" ({', '.join(al)})" if al else ""),
               f"- heading = \"{heading}\"" if heading else "- heading = (none: the opening list)",
               f"- allocation = {iana_text(r)}"]  # fmt: skip
        for c in comments(r):
            out.append(f"- comment = {c}")
        if not comments(r):
            out.append("- comment = (none)")
        for p in protos_of(r):
            if p in _PROTOS:
                out.append(f"- ip-protocol {p} = {_PROTOS[p]['number']} ({proto_desc(p)})")
        raw = "\n".join(f"    line {e['line']}: {raw_line(r, e)}" for e in r["entries"])
        return head + "\n".join(out) + "\n\n## Raw entries\n\n" + raw + "\n"
    # story
    p1 = [(f"{u} is the service name that /etc/services gives to port {port}, listed for {ts}.",
           f"In /etc/services, port {port} is registered to {u} ({ts}).",
           f"The service {u} takes port {port}; the file lists it for {ts}.")[w % 3]]
    p1.append(f"Port {port} lies in the {pc} range ({RANGES[pc]}).")
    if not al:
        p1.append(("It has no aliases (zero).", "No alias is given for it: zero aliases.")[w % 5 % 2])
    elif len(al) == 1:
        p1.append((f"It has one alias, {al[0]}.", f"Its one alias is {al[0]}.")[w % 5 % 2])
    else:
        p1.append(f"It has {len(al)} aliases: {and_list(al)}.")
    p2 = []
    cs = [e["comment"] for e in r["entries"]]
    n = len(r["entries"])
    if len(set(cs)) == 1 and cs[0]:
        what = "its line" if n == 1 else f"each of its {n} lines"
        p2.append((f"The comment on {what} reads \"{cs[0]}\".", f"The file annotates {what} with \"{cs[0]}\".")[w % 7 % 2])
    elif not any(cs):
        p2.append("Its line carries no comment." if n == 1 else f"None of its {n} lines carries a comment.")
    else:
        p2.append(f"It has {n} lines: " + "; ".join(
            f"the {e['proto']} line is annotated \"{e['comment']}\"" if e["comment"] else f"the {e['proto']} line has no comment"
            for e in r["entries"]) + ".")  # fmt: skip
    if heading:
        p2.append((f"It is listed under the heading \"{heading}\".",
                   f"The file lists it in the part headed \"{heading}\".")[w % 11 % 2])
    else:
        p2.append("It is in the file's opening list, before the first heading.")
    p2.append("Its port is among those listed as allocated by IANA." if r["iana"] else
              "It comes after the file's note that the remaining port numbers are not as allocated by IANA.")
    p3 = [f"In /etc/protocols, {p} is IP protocol number {_PROTOS[p]['number']} ({proto_desc(p)})."
          for p in protos_of(r) if p in _PROTOS]
    lines = ", ".join(str(e["line"]) for e in r["entries"])
    p3.append(f"Its entries are on line{'s' if n > 1 else ''} {lines} of /etc/services.")
    return head + "\n\n".join([" ".join(p1), " ".join(p2), " ".join(p3)]) + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = snap["records"]
    _PROTOS.clear()
    _PROTOS.update(snap["protocols"])
    assign_layouts(recs)
    return {f"{doc_id(r)}.md": render(r) for r in recs}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's /etc/services again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    recs = snap["records"]
    print(f"{len(snap['all_entries'])} entries in the file; {len(recs)} records; headings "
          f"{dict(Counter(r['heading'] for r in recs))}; transports {dict(Counter(tsum(r) for r in recs))}; "
          f"ranges {dict(Counter(pclass(r['port']) for r in recs))}")


# ------------------------------------------------------------------ questions

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 29, "unanswerable": 12, "comparison": 9, "filter": 9, "reverse": 7, "multi_hop": 5}}
N_DEV_PAGES = 35
ABSENT_SPLIT = {"dev": 4, "test": 6}  # absent-service items; the rest of the unanswerables are absent-field


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


GENERIC_WORDS = {"protocol", "server", "service", "services", "over", "tls", "ssl", "the", "and", "of", "for", "by",
                 "port", "daemon", "network", "via", "net", "old", "new", "ip", "tcp", "udp", "v5", "s", "p"}  # fmt: skip


def _cores(name: str) -> set[str]:
    """The distinctive stems of a service name: `snmp-trap` -> snmp, trap; `imap2` -> imap."""
    out = set()
    for t0 in re.split(r"[-._+]", name.lower()):
        t = re.sub(r"\d+[a-z]?$", "", t0)
        for c in (t, t0):
            if len(c) >= 3 and c not in GENERIC_WORDS:
                out.add(c)
    return out


def _gives_away(x: str, name: str) -> bool:
    """Does a value share a distinctive word with the service's name, is it inside the name, or
    does it hold a stem of the name (`Zebra server` for zserv's neighbour zebra)?"""
    core = _alnum(x)
    return bool((set(_tok(x)) & set(_tok(name))) - GENERIC_WORDS) or (len(core) >= 3 and core in _alnum(name)) \
        or any(c in core for c in _cores(name))


def _shares_word(x: str, name: str) -> bool:
    return bool(set(_tok(x)) & set(_tok(name))) or _gives_away(x, name)


def _clash(a: str, b: str) -> bool:
    """Would one service name, as accuracy tokens, be found inside the other (`pop3` in `pop3s`
    is not, `snmp` in `snmp-trap` is)?"""
    ta, tb = _atok(a), _atok(b)
    return _contains(ta, tb) or _contains(tb, ta)


def single_value(r: dict, kind: str, arg: str = "", snap: dict | None = None) -> list[str]:
    """Gold answers of a single-hop kind for a record ([] when its page does not state it, or the
    value makes a poor gold: one that repeats the service's name, a list, a bare tcp)."""
    u = r["service"]
    if kind == "port":
        return [str(r["port"])]
    if kind == "transport":
        ps = protos_of(r)
        return [ps[0]] if len(ps) == 1 and ps[0] != "tcp" else []
    if kind == "alias":
        al = aliases(r)
        return [al[0]] if len(al) == 1 and not _gives_away(al[0], u) else []
    if kind == "naliases":
        return [str(len(aliases(r)))] if len(aliases(r)) >= 2 else []
    if kind == "comment":
        cs = comments(r)
        if len(cs) != 1:
            return []
        c = bare_comment(cs[0])
        return [c] if 2 <= len(_tok(c)) <= 7 and not re.search(r"[`'()]", c) else []
    if kind == "rfc":
        rs = rfcs(r)
        if len(rs) != 1:
            return []
        return [rs[0]]
    if kind == "heading":
        return [r["heading"]] if r["heading"] else []
    if kind == "protonum":
        ps = protos_of(r)
        return [str(_PROTOS[ps[0]]["number"])] if len(ps) == 1 and ps[0] in _PROTOS else []
    return []


SINGLE_TEMPLATES = {
    "port": ["Which port number does /etc/services give {u}?", "On which port is the {u} service listed?",
             "What port is {u} assigned in the services file?"],
    "transport": ["Over which transport protocol is {u} listed?", "Which transport is the {u} entry for?"],
    "alias": ["What alias does {u} have in /etc/services?", "Under which other name is {u} also listed?",
              "What is the alias of the {u} service?"],
    "naliases": ["How many aliases does /etc/services give {u}?", "How many alternative names does {u} have?"],
    "comment": ["What does the comment on the {u} entry say?", "How does the comment in /etc/services describe {u}?",
                "What is written in the comment of the {u} line?"],
    "rfc": ["Which RFC does the comment on {u} cite?", "The comment on the {u} entry refers to an RFC. Which one?"],
    "heading": ["Under which heading of /etc/services is {u} listed?",
                "In which headed part of the services file does {u} appear?"],
    "protonum": ["What IP protocol number does /etc/protocols give the transport {u} is listed for?",
                 "{u} is listed for one transport. Which IP protocol number has that transport?"],
}  # fmt: skip
SINGLE_ORDER = ["port", "comment", "alias", "heading", "transport", "naliases", "rfc", "port", "comment", "alias",
                "heading", "protonum", "port", "comment", "heading", "alias", "naliases", "port", "transport",
                "comment", "rfc", "heading", "port", "alias", "comment", "protonum"]  # fmt: skip
FIELD_OF = {"rfc": "comment", "protonum": "transport"}

HOP_KINDS = ["port", "alias", "comment", "heading", "transport"]
HOP_TEMPLATES = {
    "port": ["The comment on the {u} entry names another service described here. Which port does that service use?",
             "The comment of {u} refers to another catalogued service. On which port is that one listed?"],
    "alias": ["The comment on the {u} entry names another catalogued service. What alias does that service have?"],
    "comment": ["The comment of {u} names another service described here. What does the comment on that service's entry say?"],
    "heading": ["The comment on {u} names another catalogued service. Under which heading of /etc/services is that service listed?"],
    "transport": ["The comment of {u} names another service described here. Over which transport protocol is that service listed?"],
}  # fmt: skip

REVERSE_TEMPLATES = {
    "comment": ["Which service does /etc/services describe as \"{v}\"?", "Whose entry carries the comment \"{v}\"?",
                "The comment \"{v}\" belongs to which service?"],
    "alias": ["Which service has the alias {v}?", "{v} is an alias of which service in /etc/services?"],
    "port": ["Which service is listed on port {v}?", "Port {v} belongs to which service name?"],
}  # fmt: skip
REVERSE_FIELD = {"comment": "comment", "alias": "alias", "port": "port"}

CMP_TEMPLATES = {
    "port-higher": ["Which has the higher port number, {a} or {b}?", "Of {a} and {b}, which is listed on the larger port?"],
    "port-lower": ["Which of {a} and {b} has the lower port number?", "Which sits on the smaller port, {a} or {b}?"],
    "transport-which": ["Which of {a} and {b} is listed for {x}?", "Which one has an entry for {x}, {a} or {b}?"],
    "heading-which": ["Which of {a} and {b} is listed under the heading \"{x}\"?",
                      "Which appears in the part of /etc/services headed \"{x}\": {a} or {b}?"],
    "alias-which": ["Which of {a} and {b} has the alias {x}?", "{x} is an alias of which one, {a} or {b}?"],
    "naliases-more": ["Which has more aliases in /etc/services, {a} or {b}?"],
    "iana-which": ["Which of {a} and {b} comes after the file's note that the remaining port numbers are not as allocated by IANA?"],
}  # fmt: skip
CMP_FIELD = {"port-higher": "port", "port-lower": "port", "transport-which": "transport", "heading-which": "heading",
             "alias-which": "alias", "naliases-more": "naliases", "iana-which": "iana"}  # fmt: skip

# filter conditions: name -> phrase (a clause after "that"); values of a record
FILTER_PHRASE = {
    "heading": "is listed under the heading \"{v}\"", "transport": "is listed for {v}",
    "pclass": "has its port in the {v} range", "naliases": "has exactly {v} aliases",
    "cword": "has the word \"{v}\" in its comment",
}  # fmt: skip
# words a filter may look for in the comments (as accuracy tokens)
COMMENT_WORDS = ["SSL", "TLS", "Kerberos", "SNMP", "daemon", "server", "Mail", "DNS", "vty", "backup", "IPsec",
                 "Transfer", "Protocol", "Service", "Network", "Remote", "Management"]  # fmt: skip


def phrase(f: str, v: str) -> str:
    if f == "naliases" and v == "1":
        return "has exactly 1 alias"
    return FILTER_PHRASE[f].format(v=v)
FILTER_TEMPLATES = ["Which service {c1} and {c2}?", "Name the one service that {c1} and {c2}.",
                    "Which catalogued service {c1} and also {c2}?",
                    "There is only one service here that {c1} and {c2}. Which is it?"]  # fmt: skip
AMONG_TEMPLATES = ["Of {cands}, which one {c}?", "Which of these services {c}: {cands}?",
                   "Among {cands}, which {c}?"]  # fmt: skip
FILTER_PAIRS = [("heading", "transport"), ("transport", "pclass"), ("heading", "naliases"), ("transport", "naliases"),
                ("pclass", "naliases"), ("heading", "pclass"), ("cword", "heading"), ("cword", "transport"),
                ("cword", "naliases"), ("cword", "pclass")]  # fmt: skip
AMONG_FIELDS = ["heading", "transport", "pclass"]
N_AMONG = {"dev": 2, "test": 3}  # filter-among items; the rest of the filters are two-condition ones

ABSENT_SVC_TEMPLATES = [("port", "Which port does /etc/services give {u}?"),
                        ("transport", "Over which transport protocols is {u} listed?"),
                        ("comment", "What does the comment on the {u} entry say?"),
                        ("alias", "Which aliases does the {u} service have?"),
                        ("heading", "Under which heading of /etc/services is {u} listed?")]  # fmt: skip
ABSENT_FIELD_TEMPLATES = {
    "assignee": "Who is the IANA assignee of the port used by {u}?",
    "contact": "Which contact person does IANA record for the {u} port?",
    "regdate": "On what date was the port of {u} registered with IANA?",
    "unauthorized": "Which known unauthorized uses of the {u} port does IANA record?",
    "systemd": "Which systemd socket unit listens for {u}?",
    "manpage": "Which manual page documents the {u} protocol?",
    "config": "Which configuration file sets the listening address of the {u} server?",
    "firewall": "Does Debian's default firewall leave the {u} port open?",
    "runas": "Under which user account does the {u} daemon run?",
}  # fmt: skip


def fval(r: dict, f: str) -> set[str]:
    """A record's values for a filter condition, as its page states them."""
    if f == "heading":
        return {r["heading"]} if r["heading"] else set()
    if f == "transport":
        return {tsum(r)}
    if f == "pclass":
        return {pclass(r["port"])}
    if f == "naliases":
        return {str(len(aliases(r)))}
    if f == "cword":
        ct = _atok(" ".join(comments(r)))
        return {w for w in COMMENT_WORDS if _contains(ct, _atok(w))}
    return set()


def fmatch(r: dict, f: str, v: str) -> bool:
    if f == "naliases":
        return str(len(aliases(r))) == v
    if f == "cword":
        return v in fval(r, f)
    return any(_atok(x) == _atok(v) for x in fval(r, f))


def hops(recs: list[dict]) -> list[tuple[str, str]]:
    names = {r["service"] for r in recs}
    return [(a, t) for a, t in HOPS.items() if a in names and t in names]


def split_pages(recs: list[dict]) -> dict[str, str]:
    """dev / test per service: the hop components (a service and the one its comment names) stay
    together; components in the order of sha256, dealt to dev until it holds N_DEV_PAGES."""
    parent = {r["service"]: r["service"] for r in recs}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in hops(recs):
        parent[find(a)] = find(b)
    comps: dict[str, list[str]] = defaultdict(list)
    for r in recs:
        comps[find(r["service"])].append(r["service"])
    order = sorted(comps.values(), key=lambda c: _h(min(c), "split"))
    out, ndev = {}, 0
    for c in order:
        s = "dev" if ndev + len(c) <= N_DEV_PAGES else "test"
        if s == "dev":
            ndev += len(c)
        for x in c:
            out[x] = s
    return out


def port_unique(snap: dict, port: int) -> bool:
    """Is the port number used by one service name only in the whole file?"""
    return len({e["name"] for e in snap["all_entries"] if e["port"] == port}) == 1


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["service"]: r for r in recs}
    did = {r["service"]: doc_id(r) for r in recs}
    split = split_pages(recs)
    rendered = render_all(snap)
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
        svcs = sorted(x for x in by if split[x] == s)
        items: list[dict] = []
        subject: set[str] = set()
        used: set[tuple[str, str]] = set()  # (service, field) asked in this split
        in_cmp: set[str] = set()

        def n_of(tp):
            return sum(it["type"] == tp for it in items)

        # multi-hop
        cands = [h for h in allhops if split[h[0]] == s]
        rng.shuffle(cands)
        targets: Counter = Counter()
        for a, t in cands:
            if n_of("multi_hop") == want["multi_hop"]:
                break
            if a in subject or targets[t] >= 2:
                continue
            kinds = list(HOP_KINDS)
            rng.shuffle(kinds)
            for kind in kinds:
                gold = single_value(by[t], kind)
                if not gold or (t, kind) in used or any(_contains(ptoks[a], _atok(g)) for g in gold) \
                        or any(it["answers"] == gold for it in items):
                    continue
                q = rng.choice(HOP_TEMPLATES[kind]).format(u=a)
                items.append({"question": q, "answers": gold, "type": "multi_hop", "evidence": [did[a], did[t]],
                              "kind": f"hop-{kind}", "field": kind})
                subject.add(a)
                targets[t] += 1
                used |= {(a, "comment"), (t, kind)}
                break
        # reverse
        rk = ["comment", "alias", "port", "comment", "alias", "port", "comment"]
        cand = [x for x in svcs if x not in clashing]
        rng.shuffle(cand)
        k_i = 0
        guard = 0
        while n_of("reverse") < want["reverse"] and guard < 200:
            guard += 1
            kind = rk[k_i % len(rk)]
            k_i += 1
            for x in cand:
                r = by[x]
                if (x, REVERSE_FIELD[kind]) in used or any(it["answers"] == [x] for it in items if it["type"] == "reverse"):
                    continue
                if kind == "comment":
                    vs = single_value(r, "comment")
                elif kind == "alias":
                    vs = [a for a in aliases(r) if not _gives_away(a, x) and len(a) >= 3
                          and not any(a in e["aliases"] or a == e["name"] for e in snap["all_entries"] if e["name"] != x)]
                    vs = vs[:1]
                else:
                    vs = [str(r["port"])] if port_unique(snap, r["port"]) and r["port"] >= 10 else []
                if not vs:
                    continue
                v = vs[0]
                if on_other_pages(v, x) or _gives_away(v, x):
                    continue
                items.append({"question": rng.choice(REVERSE_TEMPLATES[kind]).format(v=v), "answers": [x],
                              "type": "reverse", "evidence": [did[x]], "kind": f"reverse-{kind}", "value": v})
                used.add((x, REVERSE_FIELD[kind]))
                break
        # comparisons
        kinds = list(CMP_TEMPLATES)
        rng.shuffle(kinds)
        k_i = 0
        pairs = [(a, b) for a in svcs for b in svcs if a < b and not _clash(a, b)]
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
                if kind in ("port-higher", "port-lower"):
                    pa, pb = ra["port"], rb["port"]
                    if pa == pb:
                        continue
                    hi = a if pa > pb else b
                    win = hi if kind == "port-higher" else (b if hi == a else a)
                elif kind == "naliases-more":
                    na, nb = len(aliases(ra)), len(aliases(rb))
                    if na == nb or min(na, nb) == 0 and max(na, nb) == 1:
                        continue
                    win = a if na > nb else b
                elif kind == "iana-which":
                    if ra["iana"] == rb["iana"]:
                        continue
                    win = a if not ra["iana"] else b
                else:
                    win = rng.choice([a, b])
                    lose = b if win == a else a
                    if kind == "transport-which":
                        xs = [p for p in protos_of(by[win]) if not _contains(ptoks[lose], _atok(p))]
                    elif kind == "heading-which":
                        h = by[win]["heading"]
                        xs = [h] if h and h != by[lose]["heading"] and by[lose]["heading"] else []
                    else:
                        xs = [al for al in aliases(by[win]) if not _shares_word(al, win) and len(al) >= 3]
                    xs = [v for v in xs if not _contains(ptoks[lose], _atok(v)) and not _shares_word(v, win)]
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
            order = [x for x in svcs if x not in clashing]
            rng.shuffle(order)
            for x in order:
                if x in seen_ans or (x, f) in used or not fval(by[x], f):
                    continue
                v = sorted(fval(by[x], f))[0]
                if _shares_word(v, x):
                    continue
                others = [o for o in svcs if o != x and o not in clashing and (o, f) not in used and fval(by[o], f)
                          and not fmatch(by[o], f, v) and not _contains(ptoks[o], _atok(v))]  # fmt: skip
                if len(others) < 3:
                    continue
                rng.shuffle(others)
                group = others[:3] + [x]
                rng.shuffle(group)
                q = rng.choice(AMONG_TEMPLATES).format(cands=and_list(group), c=phrase(f, v))
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
                for x in svcs:
                    if x in clashing or x in seen_ans or (x, f1) in used or (x, f2) in used:
                        continue
                    for v1 in sorted(fval(by[x], f1)):
                        for v2 in sorted(fval(by[x], f2)):
                            c1 = sum(fmatch(o, f1, v1) for o in recs)
                            c2 = sum(fmatch(o, f2, v2) for o in recs)
                            if c1 < 2 or c2 < 2:
                                continue
                            hits = [o["service"] for o in recs if fmatch(o, f1, v1) and fmatch(o, f2, v2)]
                            if hits != [x] or _gives_away(v1, x) or _gives_away(v2, x):
                                continue
                            if _contains(ptoks[x], _atok(v1)) and _contains(ptoks[x], _atok(v2)):
                                opts.append((x, v1, v2))
                if not opts:
                    continue
                x, v1, v2 = rng.choice(opts)
                q = rng.choice(FILTER_TEMPLATES).format(c1=phrase(f1, v1), c2=phrase(f2, v2))
                items.append({"question": q, "answers": [x], "type": "filter", "evidence": [did[x]], "kind": "filter",
                              "where": {f1: v1, f2: v2}})
                seen_ans.add(x)
                used |= {(x, f1), (x, f2)}
            fp = fp[1:] + fp[:1]
        # single hop
        k_i = 0
        pool_ = [x for x in svcs if x not in subject]
        rng.shuffle(pool_)
        guard = 0
        while n_of("single_hop") < want["single_hop"] and guard < 600:
            guard += 1
            kind = SINGLE_ORDER[k_i % len(SINGLE_ORDER)]
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
                q = rng.choice(SINGLE_TEMPLATES[kind]).format(u=x)
                items.append({"question": q, "answers": v, "type": "single_hop", "evidence": [did[x]], "kind": kind})
                subject.add(x)
                used |= {(x, fld), (x, kind)}
                break
        # unanswerable
        for a_u in absent_for[s]:
            fld, tpl = ABSENT_SVC_TEMPLATES[rng.randrange(len(ABSENT_SVC_TEMPLATES))]
            items.append({"question": tpl.format(u=a_u), "answers": [], "type": "unanswerable", "evidence": [],
                          "kind": "absent-service", "service": a_u, "field": fld})
        fields = sorted(ABSENT_FIELDS)
        rng.shuffle(fields)
        upool = [x for x in svcs if x not in clashing]
        rng.shuffle(upool)
        n_f = want["unanswerable"] - ABSENT_SPLIT[s]
        for j in range(n_f):
            f = fields[j % len(fields)]
            x = upool[j]
            items.append({"question": ABSENT_FIELD_TEMPLATES[f].format(u=x), "answers": [], "type": "unanswerable",
                          "evidence": [], "kind": "absent-field", "field": f, "service": x})
        rng.shuffle(items)
        tag = "c11-dev" if s == "dev" else "c11-test"
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


def _fact_problems(it, by, did, has, low, ptoks, snap) -> list[str]:
    """Does an item's gold agree with snapshot.json? The item's `kind` and keys name the fact."""
    kind, meta, out = it.meta.get("kind"), it.meta, []
    unit_of = {v: k for k, v in did.items()}
    if it.type == "single_hop":
        r = by.get(unit_of.get(it.evidence[0], ""))
        if r is None or len(it.evidence) != 1 or not _named(r["service"], it.question):
            return [f"{it.id}: the one evidence page is not the service the question names"]
        if list(it.answers) != single_value(r, kind):
            out.append(f"{it.id}: gold {it.answers} is not the snapshot's {kind} {single_value(r, kind)}")
    elif it.type == "multi_hop":
        if len(it.evidence) != 2:
            return [f"{it.id}: evidence is not [subject, the service its comment names]"]
        a, t = by[unit_of[it.evidence[0]]], by[unit_of[it.evidence[1]]]
        f = meta.get("field")
        if HOPS.get(a["service"]) != t["service"]:
            out.append(f"{it.id}: {a['service']} -> {t['service']} is not a hop")
        names = [t["service"]] + aliases(t)
        if not any(_contains(_atok(" ".join(comments(a))), _atok(n)) for n in names):
            out.append(f"{it.id}: the comment of {a['service']} names neither {t['service']} nor an alias of it")
        if list(it.answers) != single_value(t, f) or not it.answers:
            out.append(f"{it.id}: gold is not {t['service']}'s {f}")
        if any(has(it.evidence[0], g) for g in it.answers):
            out.append(f"{it.id}: a gold is already on the subject's page (not a hop)")
        if not _named(a["service"], it.question) or _named(t["service"], it.question):
            out.append(f"{it.id}: question must name the subject and not the service its comment names")
    elif it.type == "comparison":
        ra, rb = (by.get(o) for o in it.options)
        if ra is None or rb is None or [did[o] for o in it.options] != it.evidence:
            return [f"{it.id}: options are not the evidence services"]
        gold = it.answers[0]
        win, lose = (ra, rb) if gold == ra["service"] else (rb, ra)
        x = meta.get("target")
        if kind in ("port-higher", "port-lower"):
            if not (win["port"] > lose["port"] if kind == "port-higher" else win["port"] < lose["port"]):
                out.append(f"{it.id}: {gold} does not win {kind}")
        elif kind == "naliases-more":
            if not len(aliases(win)) > len(aliases(lose)):
                out.append(f"{it.id}: {gold} does not have more aliases")
        elif kind == "iana-which":
            if win["iana"] or not lose["iana"]:
                out.append(f"{it.id}: {gold} is not the one after the IANA note")
        elif kind in ("transport-which", "heading-which", "alias-which"):
            vals = {"transport-which": protos_of, "heading-which": lambda r: [r["heading"]], "alias-which": aliases}[kind]
            if x not in vals(win) or x in vals(lose) or x not in it.question:
                out.append(f"{it.id}: {x!r} is not the winner's alone")
            if has(did[lose["service"]], x) or not has(did[win["service"]], x):
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
            if len(where) < 2 or hits != [gold]:
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
        ok = r is not None and v in it.question and (
            (k == "comment" and [v] == single_value(r, "comment")) or (k == "alias" and v in aliases(r))
            or (k == "port" and v == str(r["port"]) and port_unique(snap, r["port"])))  # fmt: skip
        if not ok:
            return [f"{it.id}: {v!r} is not {it.answers[0]}'s {k}"]
        if any(_contains(ptoks[o], _atok(v)) for o in by if o != r["service"]):
            out.append(f"{it.id}: {v!r} on another page")
        if k == "alias" and any(v in e["aliases"] or v == e["name"] for e in snap["all_entries"] if e["name"] != r["service"]):
            out.append(f"{it.id}: {v!r} names another entry of the file")
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
    by = {r["service"]: r for r in recs}
    did = {r["service"]: doc_id(r) for r in recs}
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
    results.append(("dev.jsonl and test.jsonl equal a fresh generation from snapshot.json (seed "
                    f"{SEED})", qdiff))
    # the snapshot's records agree with its own listing of the file, and the hops are real
    bad = []
    for r in recs:
        es = [e for e in snap["all_entries"] if e["name"] == r["service"]]
        if [(e["port"], e["proto"], e["aliases"]) for e in es] != [(r["port"], e["proto"], e["aliases"]) for e in r["entries"]]:
            bad.append(f"{r['service']}: record and file listing differ")
    for a, t in HOPS.items():
        if a not in by or t not in by or not any(_contains(_atok(" ".join(comments(by[a]))), _atok(n))
                                                 for n in [t] + aliases(by[t])):
            bad.append(f"hop {a} -> {t}: not both catalogued, or {a}'s comment does not name {t}")
    results.append(("every record matches the file's entries of its name; every hop's subject comment names its "
                    "target (its name or an alias)", bad))

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
    bad += [i for i, d in docs.items() if i not in by_id or d.title != by_id[i]["service"]
            or d.metadata.get("service") != by_id[i]["service"] or d.metadata.get("port") != by_id[i]["port"]
            or d.metadata.get("transports") != tsum(by_id[i])]  # fmt: skip
    results.append((f"corpus scans with no problems and loads {len(docs)} documents, each titled by its service, "
                    "with front matter service / port / transports", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}  # body text only: front matter is metadata
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    ptoks = {r["service"]: _atok(full.get(did[r["service"]], "")) for r in recs}
    bad = []
    for i, r in by_id.items():
        vals = [r["service"], str(r["port"]), tsum(r), pclass(r["port"]), RANGES[pclass(r["port"])], iana_text(r)] + \
               protos_of(r) + aliases(r) + comments(r) + ([r["heading"]] if r["heading"] else []) + \
               [str(snap["protocols"][p]["number"]) for p in protos_of(r) if p in snap["protocols"]] + \
               [str(e["line"]) for e in r["entries"]]  # fmt: skip
        for v in vals:
            if v.lower() not in low.get(i, "") and v.lower().replace("|", "\\|") not in low.get(i, ""):
                bad.append(f"{i}: {v!r} not in the body")
        if not r["iana"] and "not as allocated" not in low.get(i, ""):
            bad.append(f"{i}: the IANA note not stated")
        if r["iana"] and "not as allocated" in low.get(i, ""):
            bad.append(f"{i}: states the IANA note of another part")
        n_al = len(aliases(r))
        if n_al >= 2 and not contains_tokens(ftoks[i], answer_tokens(str(n_al))):
            bad.append(f"{i}: the number of aliases not stated")
    toks = Counter(" ".join(answer_tokens(r["service"])) for r in recs)
    bad += [f"services with the same accuracy tokens: {k}" for k, c in toks.items() if c > 1]
    results.append(("every front-matter value and every field of the record (port, transports, port range, aliases "
                    "and their number, each comment, heading, IANA note, /etc/protocols numbers, line numbers) is "
                    "stated in the page body; no two services have the same accuracy tokens", bad))
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
        if not re.fullmatch(rf"c11-{s}-\d\d\d", it.id):
            idf.append(f"{it.id}: id not c11-{s}-NNN")
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
            for made_up in ("Port 4242/tcp.", "It is udp only.", "Jane Doe <jane@example.org>.", "2019-06-01.",
                            "/etc/example.conf."):
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
        if kind in ("port", "naliases", "protonum", "rfc", "hop-port") or kind == "reverse-port":
            for g in (it.answers if kind != "reverse-port" else []):
                nm = _near_miss(g)
                if is_correct(it, nm, False) or is_correct(it, f"The answer is {nm}.", False):
                    near.append(f"{it.id}: {nm}")
        if kind in ("transport", "hop-transport"):  # the other transport, and both, score wrong
            for wrong in ("tcp", "It is listed for tcp only."):
                if it.answers[0] != "tcp" and is_correct(it, wrong, False):
                    near.append(f"{it.id}: {wrong!r} scores correct")
        if it.options:
            a, b = it.options[:2]
            if it.answers[0] not in it.options:
                cmpw.append(f"{it.id}: gold not an option")
            for w in [o for o in it.options if o not in it.answers]:
                if is_correct(it, w, False) or is_correct(it, f"{w} does.", False) or \
                        is_correct(it, f"The answer is {w}.", False):
                    cmpw.append(f"{it.id}: wrong option scores correct")
            hedges = [f"{a} or {b}", f"{b} or {a}", f"{a} and {b}."]
            if kind == "filter-among":  # every candidate listed, the gold beside another one
                others = [o for o in it.options if o != it.answers[0]]
                hedges += [and_list(it.options), f"{it.answers[0]} or {others[0]}", f"{others[-1]} or {it.answers[0]}"]
            for hedge in hedges:
                if is_correct(it, hedge, False):
                    cmpw.append(f"{it.id}: hedge {hedge!r} scores correct")
        if it.type in ("reverse", "filter"):  # a gold service name: every other service's name scores wrong
            cmpw += [f"{it.id}: another service's name {o} scores correct" for o in by
                     if o != it.answers[0] and is_correct(it, o, False)]
        facts += _fact_problems(it, by, did, has, low, ptoks, snap)
    results += [
        ("ids c11-<split>-NNN, unique; every item has a kind; options only on comparisons and filter-among items; "
         "evidence: answerable has some, unanswerable none, every id a loaded document", idf + ev),
        ("every gold string occurs in an evidence page's text (case-insensitive) and as accuracy tokens", gold_in),
        ("every gold scores correct alone and in 'The answer is <gold>.'; no bare none / yes / no / true / false",
         gold_ok),
        ("a near-miss number (last digit changed) scores wrong; a transport question answered tcp scores wrong", near),
        ("comparisons: gold is an option; the wrong option (alone, 'X does.', in a sentence), 'A or B', "
         "'B or A', 'A and B.' score wrong; reverse / filter: another service's name scores wrong, and listing "
         "every candidate of a filter-among item too", cmpw),
        ("'The documents do not say.' scores correct exactly on the unanswerable items; answers score wrong there",
         abst),
        ("facts agree with snapshot.json (single-hop values, comment hops, comparison winners, filters matching "
         "exactly one record or candidate, reverse values on no other page)", facts),
    ]

    # 4. split separation and unanswerables
    def pages_of(s):
        out = set()
        for r in rows[s]:
            out |= set(r.get("evidence", []))
            out |= {did[c] for c in r.get("candidates", [])}
            if r.get("kind") == "absent-field" and r.get("service") in by:
                out.add(did[r["service"]])
        return out

    subj = [f"{s}: {e} is the subject of {c} single-hop / multi-hop items"
            for s in rows for e, c in Counter(r["evidence"][0] for r in rows[s]
                                              if r["type"] in ("single_hop", "multi_hop")).items() if c > 1]
    both = sorted(pages_of("dev") & pages_of("test"))
    twice = []  # within a split, no (page, field) asked, compared or filtered on by two items
    unit_of = {v: k for k, v in did.items()}
    for s in rows:
        seen: Counter = Counter()
        for r in rows[s]:
            ev_u = [unit_of[e] for e in r["evidence"]]
            if r["type"] == "single_hop":
                seen[(ev_u[0], FIELD_OF.get(r["kind"], r["kind"]))] += 1
            elif r["type"] == "multi_hop":
                seen[(ev_u[0], "comment")] += 1
                seen[(ev_u[1], r["field"])] += 1
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
    absent_in = {s: {r["service"] for r in rows[s] if r["kind"] == "absent-service"} for s in rows}
    results.append(("no page asked about in both splits (evidence, filter candidates, the service of an absent-field "
                    "item), no absent service in both, no question repeated across splits; within a split a page is "
                    "the subject of one single-hop or multi-hop item at most, and no field of a page is asked, "
                    "compared or filtered on twice", both + sorted(absent_in["dev"] & absent_in["test"]) + qdup + subj + twice))
    corpus_low = "\n".join(full.values()).lower()
    ctoks = _tok(corpus_low)
    file_names = {e["name"] for e in snap["all_entries"]}
    un = []
    for s in rows:
        for r in rows[s]:
            if r["type"] != "unanswerable":
                continue
            if r["kind"] == "absent-service":
                p = r.get("service", "")
                if p not in ABSENT or p not in file_names or p in by or _contains(ctoks, _tok(p)) or \
                        p.lower() in corpus_low or not _named(p, r["question"]):
                    un.append(f"{r['id']}: absent service {p!r} is catalogued, not in the file, on a page or not asked")
                if any(_named(m, r["question"]) for m in by):
                    un.append(f"{r['id']}: names a catalogued service")
            elif r["kind"] == "absent-field":
                f, p = r.get("field"), r.get("service")
                if f not in ABSENT_FIELDS or p not in by or not _named(p, r["question"]):
                    un.append(f"{r['id']}: field {f!r} / service {p!r} unknown or not asked")
                    continue
                for wd in ABSENT_FIELDS[f]:
                    if (re.search(r"[ ./:-]", wd) and wd in corpus_low) or wd in ctoks:
                        un.append(f"{r['id']}: the corpus holds {wd!r}")
            else:
                un.append(f"{r['id']}: unknown unanswerable kind {r['kind']!r}")
    for p in ABSENT:
        if p not in file_names or p in by or p.lower() in corpus_low:
            un.append(f"ABSENT: {p!r} is catalogued, not in the file, or on a page")
    results.append(("unanswerable: absent services are in the file, not catalogued and named on no page; absent "
                    "fields' words are on no page", un))
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
