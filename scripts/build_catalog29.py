"""Build the catalog29 evaluation corpus: the TLS cipher suites of this machine's OpenSSL 3.0.

    PYTHONPATH=src python scripts/build_catalog29.py snapshot [--force]  # openssl ciphers runs + man page -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog29.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog29.py check               # loader + scorer + fact checks, no model

`snapshot` runs this machine's `openssl` and keeps the raw output of every run it uses: `openssl version -a`
(for information); `openssl ciphers -V -stdname 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'` (every suite the library
knows, 158 here, with its code point, IANA and OpenSSL names, minimum protocol version, Kx, Au, Enc and Mac);
`openssl ciphers -V -stdname DEFAULT` (the default list in preference order); `openssl ciphers -s -psk -srp
'ALL:COMPLEMENTOFALL:@SECLEVEL=N'` for N = 0 to 5 (the suites a context at that security level still offers);
and one `openssl ciphers -ciphersuites '' KEYWORD` per keyword of the "CIPHER STRINGS" section of the
openssl-ciphers(1ssl) man page, whose raw troff lines it keeps too. Written to `evalsets/catalog29/snapshot.json`
(committed; `snapshot` refuses to overwrite it without --force): another machine has another OpenSSL build,
another version or another configuration, so the committed snapshot is the source.

`build` renders one markdown page per catalogued suite, `<key exchange>/<IANA name>.md` (`tls13/`, `ecdhe/`,
`dhe/`, `anon/`, `rsa/`, `psk/`, `dhe-psk/`, `ecdhe-psk/`, `rsa-psk/`, `srp/`), titled `# <IANA name> (<code
point>)`, with YAML front matter and a body in one of three layouts dealt in turn in the order of
sha256("catalog29:layout<IANA name>") within each split: `sheet` (a `| Field | Value |` table), `card` (headed
sections of `- Label: value` bullets) or `prose` (paragraphs, wording varied per page). It also writes
`keywords.csv`, one row per keyword of the man page (what it selects on this machine), and generates dev.jsonl
and test.jsonl from the snapshot (seeded, SEED), then writes test.jsonl.sha256. It refuses to overwrite corpus/
or the question files without --force.

`check` renders the snapshot and the questions again and compares them with the committed files, computes every
record again from the stored lines, loads the corpus with ragtune's loader, reads both splits with `load_qa`, and
checks every item (evidence, gold in evidence text and tokens, scoring verdicts, facts against the snapshot,
split separation, unanswerables absent by pattern, the sha256, the type mix). It runs no `openssl` command and
compares nothing with this machine, except the man page where a file here has the recorded sha256 (then its
section must give the stored lines), so a fresh clone elsewhere checks the committed snapshot alone.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog29"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
SEED = 29
MAN = "/usr/share/man/man1/openssl-ciphers.1ssl.gz"
ALL_STRING = "ALL:COMPLEMENTOFALL:@SECLEVEL=0"
LEVELS = range(6)

# The suites read, by IANA name: chosen by hand for a spread over the TLS 1.3 suites and every key exchange
# (ECDHE and DHE with ECDSA, RSA and DSS certificates, anonymous DH and ECDH, RSA key transport, plain PSK,
# DHE_PSK, ECDHE_PSK, RSA_PSK, SRP), every cipher (AES, ChaCha20, Camellia, ARIA, NULL) and mode (GCM, CCM,
# CCM_8, CBC), MACs from MD5 to SHA384, suites in and out of DEFAULT and dropped at each security level; pairs
# that differ only by key length or by MAC so that pages name each other, and the six left out below. This
# OpenSSL build has no 3DES, RC4, SEED or IDEA suite (the keyword rows say so).
READ = [
    "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256",
    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8",
    "TLS_ECDHE_ECDSA_WITH_AES_128_CCM", "TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384",
    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
    "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
    "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_NULL_SHA",
    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384",
    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_NULL_SHA",
    "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", "TLS_DHE_DSS_WITH_ARIA_256_GCM_SHA384",
    "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256", "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA256",
    "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA",
    "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_DHE_RSA_WITH_AES_256_CCM_8", "TLS_DHE_RSA_WITH_AES_128_CCM_8",
    "TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
    "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA",
    "TLS_DHE_RSA_WITH_AES_256_CBC_SHA", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
    "TLS_DH_anon_WITH_AES_256_GCM_SHA384", "TLS_DH_anon_WITH_AES_128_CBC_SHA256",
    "TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA256", "TLS_DH_anon_WITH_AES_256_CBC_SHA",
    "TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA", "TLS_ECDH_anon_WITH_AES_256_CBC_SHA", "TLS_ECDH_anon_WITH_NULL_SHA",
    "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_CCM",
    "TLS_RSA_WITH_AES_128_CCM_8", "TLS_RSA_WITH_ARIA_256_GCM_SHA384", "TLS_RSA_WITH_AES_256_CBC_SHA256",
    "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
    "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA", "TLS_RSA_WITH_NULL_SHA256", "TLS_RSA_WITH_NULL_MD5",
    "TLS_PSK_WITH_AES_256_GCM_SHA384", "TLS_PSK_WITH_CHACHA20_POLY1305_SHA256", "TLS_PSK_WITH_AES_128_CCM_8",
    "TLS_PSK_WITH_ARIA_128_GCM_SHA256", "TLS_PSK_WITH_AES_256_CBC_SHA384", "TLS_PSK_WITH_AES_128_CBC_SHA",
    "TLS_PSK_WITH_CAMELLIA_256_CBC_SHA384", "TLS_PSK_WITH_NULL_SHA256",
    "TLS_DHE_PSK_WITH_AES_128_GCM_SHA256", "TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256",
    "TLS_PSK_DHE_WITH_AES_256_CCM_8", "TLS_DHE_PSK_WITH_AES_256_CCM", "TLS_DHE_PSK_WITH_ARIA_256_GCM_SHA384",
    "TLS_DHE_PSK_WITH_AES_128_CBC_SHA256", "TLS_DHE_PSK_WITH_NULL_SHA384",
    "TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA384",
    "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA", "TLS_ECDHE_PSK_WITH_CAMELLIA_128_CBC_SHA256", "TLS_ECDHE_PSK_WITH_NULL_SHA",
    "TLS_RSA_PSK_WITH_AES_256_GCM_SHA384", "TLS_RSA_PSK_WITH_CHACHA20_POLY1305_SHA256",
    "TLS_RSA_PSK_WITH_ARIA_128_GCM_SHA256", "TLS_RSA_PSK_WITH_AES_256_CBC_SHA", "TLS_RSA_PSK_WITH_AES_128_CBC_SHA256",
    "TLS_RSA_PSK_WITH_NULL_SHA",
    "TLS_SRP_SHA_WITH_AES_256_CBC_SHA", "TLS_SRP_SHA_WITH_AES_128_CBC_SHA", "TLS_SRP_SHA_RSA_WITH_AES_128_CBC_SHA",
    "TLS_SRP_SHA_DSS_WITH_AES_256_CBC_SHA",
    "TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256", "TLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384",
    "TLS_SRP_SHA_DSS_WITH_AES_128_CBC_SHA",
    "TLS_PSK_WITH_AES_256_CCM", "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA", "TLS_ECDH_anon_WITH_AES_128_CBC_SHA",
]  # fmt: skip
# Read but left out: no page names them, and neither their IANA or OpenSSL name nor their code point (in any of
# the forms the pages use, or in decimal) is in any corpus file (`check` verifies it).
ABSENT = {"dev": ["TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256", "TLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384",
                  "TLS_SRP_SHA_DSS_WITH_AES_128_CBC_SHA"],
          "test": ["TLS_PSK_WITH_AES_256_CCM", "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA",
                   "TLS_ECDH_anon_WITH_AES_128_CBC_SHA"]}  # fmt: skip

ABSENT_QUESTIONS = {
    "TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256": [
        "What is the code point of TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256?",
        "Up to which security level does `openssl ciphers -s` still list TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256?"],
    "TLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384": [
        "What does OpenSSL call TLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384?"],
    "TLS_SRP_SHA_DSS_WITH_AES_128_CBC_SHA": [
        "At which position does TLS_SRP_SHA_DSS_WITH_AES_128_CBC_SHA come in OpenSSL's DEFAULT cipher list?"],
    "TLS_PSK_WITH_AES_256_CCM": [
        "What is the code point of TLS_PSK_WITH_AES_256_CCM as a decimal number?",
        "Which cipher-string keywords of OpenSSL select TLS_PSK_WITH_AES_256_CCM?"],
    "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA": [
        "At which place does TLS_RSA_WITH_CAMELLIA_128_CBC_SHA appear in the full `openssl ciphers -V "
        "'ALL:COMPLEMENTOFALL'` listing?",
        "Which RFC does the IANA registry cite for TLS_RSA_WITH_CAMELLIA_128_CBC_SHA?"],
    "TLS_ECDH_anon_WITH_AES_128_CBC_SHA": [
        "What does OpenSSL call the suite TLS_ECDH_anon_WITH_AES_128_CBC_SHA?",
        "From which security level on does `openssl ciphers -s` stop listing TLS_ECDH_anon_WITH_AES_128_CBC_SHA?"],
}  # fmt: skip

# What these pages never state about a suite: (question, a pattern no corpus file may match, a made-up answer
# that the pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "year": ("In which year was {n} registered with IANA?",
             r"\bregistered (?:in|on|with|by)\b|\bregistration (?:date|year)\b|\bassigned in (?:19|20)\d\d\b",
             "It was registered in 2008."),
    "speed": ("How many gigabytes per second does {n} encrypt on this machine?",
              r"\b(?:GB|MB|GiB|MiB)/s\b|\b(?:giga|mega)bytes? per second\b|\bthroughput\b|\bbenchmark",
              "About 4.2 GB/s."),
    "browser": ("Which web browser was the first to support {n}?",
                r"\bbrowsers?\b|\bChrome\b|\bFirefox\b|\bSafari\b|\bInternet Explorer\b",
                "Chrome was the first browser to support it."),
    "recommended": ("Is {n} marked Recommended in the IANA registry?", r"\brecommended\b",
                    "Yes, it is marked Recommended (Y)."),
    "dtls": ("May {n} be used with DTLS according to the IANA registry's DTLS-OK column?", r"\bDTLS\b",
             "Yes, it is DTLS-OK."),
    "gnutls": ("What name does GnuTLS give {n}?", r"\bGnuTLS\b|\bGNUTLS_|\bNSS\b", "GnuTLS calls it GNUTLS_X."),
    "grade": ("What grade does SSL Labs give a server that offers only {n}?",
              r"\bSSL ?Labs\b|\bQualys\b|\bgrade[sd]?\b", "SSL Labs grades it A."),
    "mozilla": ("Which Mozilla server-side TLS profile (modern, intermediate or old) lists {n}?",
                r"\bMozilla\b|\bintermediate\b|\bmodern\b", "The Mozilla intermediate profile lists it."),
    "author": ("Who wrote the RFC that the IANA registry cites for {n}?", r"\bauthors?\b|\bwritten by\b|\bedited by\b|\beditors?\b",
               "It was written by Eric Rescorla."),
    "schannel": ("Which Windows version first supported {n} in SChannel?", r"\bSChannel\b|\bWindows\b",
                 "Windows 10 first supported it."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 2, "test": 3}  # the most single-hop questions of one kind
CAP_REVERSE = {"dev": 2, "test": 2}
CAP_CMP = {"dev": 1, "test": 2}
CAP_HOP = {"dev": 2, "test": 2}
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 5, "filter-among": 4}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-suite items; the rest ask absent fields
REG_PER_SPLIT = {"dev": 2, "test": 3}  # single-hop questions about a keyword row
DEV_PAGES = 35  # dev takes link groups until it holds this many pages or more
LAYOUTS = ("sheet", "card", "prose")

# The RFC the IANA TLS Cipher Suites registry cites as the reference of each code point (written by hand from
# the registry; ranges of code points, both ends included). For the oldest suites the registry cites RFC 5246,
# TLS 1.2, not the SSL 3.0 or TLS 1.0 text that first listed them, and for the ECC suites RFC 8422.
RFC_RANGES = [
    ((0x13, 0x01), (0x13, 0x05), 8446),
    ((0x00, 0x01), (0x00, 0x02), 5246),
    ((0x00, 0x2C), (0x00, 0x2E), 4785),
    ((0x00, 0x2F), (0x00, 0x40), 5246),
    ((0x00, 0x41), (0x00, 0x46), 5932),
    ((0x00, 0x67), (0x00, 0x6D), 5246),
    ((0x00, 0x84), (0x00, 0x89), 5932),
    ((0x00, 0x8A), (0x00, 0x95), 4279),
    ((0x00, 0x9C), (0x00, 0xA7), 5288),
    ((0x00, 0xA8), (0x00, 0xB9), 5487),
    ((0x00, 0xBA), (0x00, 0xC5), 5932),
    ((0xC0, 0x01), (0xC0, 0x19), 8422),
    ((0xC0, 0x1A), (0xC0, 0x22), 5054),
    ((0xC0, 0x23), (0xC0, 0x32), 5289),
    ((0xC0, 0x33), (0xC0, 0x3B), 5489),
    ((0xC0, 0x3C), (0xC0, 0x71), 6209),
    ((0xC0, 0x72), (0xC0, 0x9B), 6367),
    ((0xC0, 0x9C), (0xC0, 0xAB), 6655),
    ((0xC0, 0xAC), (0xC0, 0xAF), 7251),
    ((0xCC, 0xA8), (0xCC, 0xAE), 7905),
]  # fmt: skip

# ------------------------------------------------------------------ running openssl

V_LINE = re.compile(r"^\s*(0x[0-9A-F]{2},0x[0-9A-F]{2}) - (\S+)\s+- (\S+)\s+(\S+)\s+Kx=(\S+)\s+Au=(\S+)\s+"
                    r"Enc=(\S+)\s+Mac=(\S+)\s*$")  # fmt: skip


def _run(cmd: list[str]) -> dict:
    p = subprocess.run(cmd, capture_output=True, text=True)
    # an error line starts with the thread's address, which changes from run to run
    err = [re.sub(r"^[0-9A-F]+:error:", "error:", ln) for ln in p.stderr.splitlines() if ln.strip()]
    return {"cmd": cmd, "rc": p.returncode, "stdout": p.stdout.splitlines(), "stderr": err}


def man_section(raw: bytes) -> list[str]:
    """The troff lines of the man page's CIPHER STRINGS section."""
    lines = gzip.decompress(raw).decode("utf-8").split("\n")
    a = lines.index('.SH "CIPHER STRINGS"')
    b = lines.index('.SH "CIPHER SUITE NAMES"')
    return lines[a:b]


def troff(s: str) -> str:
    """Plain text of a troff line of the man page."""
    s = s.replace('\\*(L"', '"').replace('\\*(R"', '"').replace("\\-", "-").replace("\\&", "")
    s = re.sub(r"\\s[-+]?\d", "", s)
    s = re.sub(r"\\f[BRIP]", "", s)
    return " ".join(s.split())


def man_items(lines: list[str]) -> list[dict]:
    """The keyword items of the section: their names and their description."""
    items: list[dict] = []
    for ln in lines:
        if ln.startswith(".IP "):
            head = re.match(r'^\.IP "(.*)" \d+$', ln).group(1)
            items.append({"names": [troff(x) for x in head.split(", ")], "text": []})
        elif ln.startswith("."):
            continue
        elif items:
            items[-1]["text"].append(troff(ln))
    for it in items:
        it["text"] = " ".join(t for t in it["text"] if t)
    return items


def scan() -> dict:
    import platform

    raw = Path(MAN).read_bytes()
    section = man_section(raw)
    keywords = {}
    for it in man_items(section):
        for k in it["names"]:
            keywords[k] = _run(["openssl", "ciphers", "-ciphersuites", "", k])
    return {"source": "this machine's openssl command (OpenSSL 3.0): `openssl ciphers` runs and the CIPHER "
                      "STRINGS section of the openssl-ciphers(1ssl) man page",
            "python": platform.python_version(),
            "version": _run(["openssl", "version", "-a"]),
            "man_page": {"file": MAN, "sha256": hashlib.sha256(raw).hexdigest(), "section": section},
            "all": _run(["openssl", "ciphers", "-V", "-stdname", ALL_STRING]),
            "default": _run(["openssl", "ciphers", "-V", "-stdname", "DEFAULT"]),
            "levels": {str(n): _run(["openssl", "ciphers", "-s", "-psk", "-srp", f"ALL:COMPLEMENTOFALL:@SECLEVEL={n}"])
                       for n in LEVELS},
            "keywords": keywords}  # fmt: skip


# ------------------------------------------------------------------ records


def absent_suites() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def catalogued() -> list[str]:
    return [s for s in READ if s not in absent_suites()]


def cat_set() -> set[str]:
    return set(catalogued())


def parse_v(lines: list[str]) -> list[dict]:
    out = []
    for ln in lines:
        m = V_LINE.match(ln)
        code, iana, name, proto, kx, au, enc, mac = m.groups()
        out.append({"code": code, "iana": iana, "name": name, "proto": proto, "kx": kx, "au": au, "enc": enc,
                    "mac": mac})  # fmt: skip
    return out


def colon_list(run: dict) -> list[str]:
    """The names an `openssl ciphers` run without -v prints (none where it reports no cipher match)."""
    return run["stdout"][0].split(":") if run["rc"] == 0 and run["stdout"] else []


def tables(snap: dict) -> dict:
    """Everything the records are computed from, parsed once from the stored lines."""
    key = json.dumps([snap["all"], snap["default"], snap["levels"], snap["keywords"], snap["man_page"]["sha256"]])
    if _TABLES.get("key") == key:
        return _TABLES["value"]
    rows = parse_v(snap["all"]["stdout"])
    by_name = {r["name"]: r["iana"] for r in rows}
    default = [r["iana"] for r in parse_v(snap["default"]["stdout"])]
    levels = {int(n): {by_name[x] for x in colon_list(run)} for n, run in snap["levels"].items()}
    items = man_items(snap["man_page"]["section"])
    kw = {k: [by_name[x] for x in colon_list(run)] for k, run in snap["keywords"].items()}
    value = {"rows": rows, "by_iana": {r["iana"]: r for r in rows}, "by_name": by_name, "default": default,
             "levels": levels, "items": items, "kw": kw, "pos": {r["iana"]: i for i, r in enumerate(rows, 1)}}
    _TABLES.update(key=key, value=value)
    return value


_TABLES: dict = {}


def code_bytes(code: str) -> tuple[int, int]:
    a, b = code.split(",")
    return int(a, 16), int(b, 16)


def rfc_of(code: str) -> int | None:
    c = code_bytes(code)
    for lo, hi, n in RFC_RANGES:
        if lo <= c <= hi:
            return n
    return None


FOLDERS = {("any", "any"): "tls13", ("ECDH", "None"): "anon", ("DH", "None"): "anon", "ECDH": "ecdhe", "DH": "dhe",
           "RSA": "rsa", "PSK": "psk", "DHEPSK": "dhe-psk", "ECDHEPSK": "ecdhe-psk", "RSAPSK": "rsa-psk",
           "SRP": "srp"}  # fmt: skip
FOLDER_WORDS = {"tls13": "TLS 1.3", "anon": "anonymous (EC)DH", "ecdhe": "ECDHE", "dhe": "DHE",
                "rsa": "RSA key transport", "psk": "plain PSK", "dhe-psk": "DHE_PSK", "ecdhe-psk": "ECDHE_PSK",
                "rsa-psk": "RSA_PSK", "srp": "SRP"}  # fmt: skip
KX_WORDS = {"any": "not fixed by the suite: TLS 1.3 negotiates the key exchange in its own extensions",
            "ECDH": "ephemeral elliptic-curve Diffie-Hellman (ECDHE)",
            "DH": "ephemeral finite-field Diffie-Hellman (DHE)",
            "RSA": "RSA key transport: the client encrypts the premaster secret to the server's RSA key",
            "PSK": "a pre-shared key alone", "DHEPSK": "ephemeral Diffie-Hellman mixed with a pre-shared key",
            "ECDHEPSK": "ephemeral elliptic-curve Diffie-Hellman mixed with a pre-shared key",
            "RSAPSK": "RSA key transport mixed with a pre-shared key",
            "SRP": "the Secure Remote Password protocol"}  # fmt: skip
AU_WORDS = {"any": "not fixed by the suite (TLS 1.3 signature algorithms decide)",
            "ECDSA": "an ECDSA certificate", "RSA": "an RSA certificate", "DSS": "a DSA (DSS) certificate",
            "None": "none: anonymous, no certificate, open to a man in the middle",
            "PSK": "the pre-shared key itself", "SRP": "the SRP password verifier itself"}  # fmt: skip
PROTO_WORDS = {"TLSv1.3": "TLS 1.3", "TLSv1.2": "TLS 1.2", "TLSv1": "TLS 1.0", "SSLv3": "SSL 3.0"}
PROTO_RANK = {"SSLv3": 0, "TLSv1": 1, "TLSv1.2": 2, "TLSv1.3": 3}


def cipher_of(enc: str) -> tuple[str, int, str]:
    """(cipher, key bits, mode) of an Enc value: `AESGCM(256)` -> ("AES", 256, "GCM")."""
    if enc == "None":
        return "NULL", 0, "none"
    m = re.match(r"^(.*)\((\d+)\)$", enc)
    alg, bits = m.group(1), int(m.group(2))
    table = {"AESGCM": ("AES", "GCM"), "AESCCM": ("AES", "CCM"), "AESCCM8": ("AES", "CCM_8"), "AES": ("AES", "CBC"),
             "Camellia": ("Camellia", "CBC"), "ARIAGCM": ("ARIA", "GCM"),
             "CHACHA20/POLY1305": ("ChaCha20", "Poly1305")}  # fmt: skip
    c, mode = table[alg]
    return c, bits, mode


MODE_WORDS = {"GCM": "Galois/Counter Mode (GCM)", "CCM": "Counter with CBC-MAC (CCM, 16-octet tag)",
              "CCM_8": "Counter with CBC-MAC with a short 8-octet tag (CCM_8)",
              "CBC": "Cipher Block Chaining (CBC), with a separate HMAC",
              "Poly1305": "the ChaCha20 stream cipher with the Poly1305 authenticator",
              "none": "no encryption at all: the records are only integrity-protected"}  # fmt: skip
MAC_CLASS = {"AEAD": "aead", "SHA1": "sha1", "SHA256": "sha2", "SHA384": "sha2", "MD5": "md5"}


def folder_of(kx: str, au: str) -> str:
    return FOLDERS.get((kx, au)) or FOLDERS[kx]


def base(iana: str, snap: dict) -> dict:
    """The facts of one suite that depend on nothing but its own rows."""
    t = tables(snap)
    r = t["by_iana"][iana]
    cipher, bits, mode = cipher_of(r["enc"])
    a, b = code_bytes(r["code"])
    top = max(n for n in LEVELS if iana in t["levels"][n])
    return {**r, "cipher": cipher, "bits": bits, "mode": mode, "hex": f"0x{a:02X}{b:02X}",
            "wire": f"0x{a:02x}{b:02x}", "dec": a * 256 + b, "prefix": f"0x{a:02X}",
            "aead": r["mac"] == "AEAD", "ephemeral": None if r["kx"] == "any" else r["kx"] in ("ECDH", "DH", "DHEPSK", "ECDHEPSK"),
            "anon": r["au"] == "None", "null": r["enc"] == "None", "folder": folder_of(r["kx"], r["au"]),
            "default_pos": t["default"].index(iana) + 1 if iana in t["default"] else None,
            "default_total": len(t["default"]), "all_pos": t["pos"][iana], "all_total": len(t["rows"]),
            "max_level": top, "rfc": rfc_of(r["code"]),
            "keywords": [k for k, xs in t["kw"].items() if iana in xs]}  # fmt: skip


def counterpart_key(x: dict) -> tuple:
    return (x["kx"], x["au"], x["cipher"], x["mode"], MAC_CLASS[x["mac"]])


def variant_key(x: dict) -> tuple:
    return (x["kx"], x["au"], x["cipher"], x["mode"], x["bits"])


def related(iana: str, snap: dict) -> tuple[str | None, list[str]]:
    """The catalogued counterpart with the other key length (same key exchange, authentication, cipher, mode and
    kind of MAC; the only such suite of the library), and the catalogued suites that differ only by MAC."""
    x = base(iana, snap)
    alls = [base(r["iana"], snap) for r in tables(snap)["rows"]]
    cp = None
    if x["bits"]:
        same = [y for y in alls if counterpart_key(y) == counterpart_key(x) and y["bits"] != x["bits"]]
        if len(same) == 1 and same[0]["iana"] in cat_set():
            cp = same[0]["iana"]
    var = [y["iana"] for y in alls if variant_key(y) == variant_key(x) and y["mac"] != x["mac"]
           and y["iana"] in cat_set()]  # fmt: skip
    return cp, var


def make_record(iana: str, snap: dict) -> dict:
    x = base(iana, snap)
    cp, var = related(iana, snap)
    return {"id": f"{x['folder']}/{iana}", **x, "counterpart": cp, "variants": var}


_REC: dict = {}


def records(snap: dict) -> list[dict]:
    key = id(snap)
    if _REC.get("key") != key:
        _REC.update(key=key, value=[make_record(s, snap) for s in catalogued()])
    return _REC["value"]


# ------------------------------------------------------------------ the keyword register

REG_COLUMNS = ["id", "title", "man_page_entry", "description", "suites_selected", "in_default", "catalogued",
               "catalogued_suites", "example_suites"]  # fmt: skip
REG_LIST_MAX = 8  # a row names its catalogued suites when there are at most this many


def older(snap: dict) -> int:
    """How many suites of the library are older than TLS 1.3 (what a cipher-string keyword can select)."""
    return sum(r["proto"] != "TLSv1.3" for r in tables(snap)["rows"])


def register_rows(snap: dict) -> list[dict]:
    t = tables(snap)
    cat = cat_set()
    out = []
    for it in t["items"]:
        for k in it["names"]:
            xs = t["kw"][k]
            cx = [x for x in xs if x in cat]
            if xs:
                d = sum(x in t["default"] for x in xs)
                sel = f"{len(xs)} of the {older(snap)} suites older than TLS 1.3"
                ind = f"{d} of them" if d else "none of them"
            else:
                sel = "no cipher suite: `openssl ciphers` reports no cipher match in this build"
                ind = None
            names = [t["by_iana"][x]["name"] for x in cx]
            out.append({"id": k, "title": f"{k} (OpenSSL cipher-string keyword)",
                        "man_page_entry": ", ".join(it["names"]), "description": it["text"],
                        "suites_selected": sel, "in_default": ind,
                        "catalogued": (f"{len(cx)} with a page in this catalogue" if cx else
                                       "none with a page in this catalogue") if xs else None,
                        "catalogued_suites": "; ".join(names) if 0 < len(cx) <= REG_LIST_MAX else None,
                        "example_suites": None if not xs or len(cx) <= REG_LIST_MAX else
                        "; ".join(names[:3]) + " (the first three catalogued suites it selects, in OpenSSL's order)"})  # fmt: skip
    return out


def register_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=REG_COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: ("" if v is None else v) for k, v in r.items()})
    return buf.getvalue()


def reg_by(snap: dict) -> dict[str, dict]:
    return {x["id"]: x for x in register_rows(snap)}


def kw_count(snap: dict, k: str) -> int:
    return len(tables(snap)["kw"][k])


def kw_default(snap: dict, k: str) -> int:
    t = tables(snap)
    return sum(x in t["default"] for x in t["kw"][k])


def kw_cat(snap: dict, k: str) -> list[str]:
    return [x for x in tables(snap)["kw"][k] if x in cat_set()]


# ------------------------------------------------------------------ pages


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog29:{salt}{key}".encode()).hexdigest(), 16)


def links(r: dict) -> list[str]:
    """The catalogued suites a page names: its counterpart and its MAC variants."""
    return sorted(set(([r["counterpart"]] if r["counterpart"] else []) + r["variants"]))


def link_groups(recs: list[dict]) -> list[list[str]]:
    parent = {r["iana"]: r["iana"] for r in recs}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in recs:
        for x in links(r):
            parent[find(x)] = find(r["iana"])
    out: dict[str, list[str]] = {}
    for r in recs:
        out.setdefault(find(r["iana"]), []).append(r["iana"])
    return [sorted(g) for g in out.values()]


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Keyed by IANA name: link groups in the order of sha256("catalog29:<the group's first suite>"); dev takes
    groups until it holds DEV_PAGES pages or more."""
    out, n = {}, 0
    for g in sorted(link_groups(recs), key=lambda g: _h(g[0])):
        part = "dev" if n < DEV_PAGES else "test"
        n += len(g) if part == "dev" else 0
        out.update({c: part for c in g})
    return out


def split_rows(snap: dict, sp: dict[str, str]) -> dict[str, str]:
    """Keyed by keyword: the split of the catalogued suites it selects where they are all of one split, else the
    turn of sha256("catalog29:row<keyword>") (two of five rows to dev)."""
    out = {}
    for x in register_rows(snap):
        parts = {sp[c] for c in kw_cat(snap, x["id"])}
        out[x["id"]] = parts.pop() if len(parts) == 1 else ("dev" if _h(x["id"], "row") % 5 < 2 else "test")
    return out


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    sp = split_pages(recs)
    for part in ("dev", "test"):
        ids = [r["iana"] for r in recs if sp[r["iana"]] == part]
        for i, d in enumerate(sorted(ids, key=lambda x: _h(x, "layout"))):
            _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[r["iana"]]


def and_list(xs: list[str]) -> str:
    xs = list(xs)
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def cell(s: str) -> str:
    return s.replace("|", "\\|")


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def yes(b: bool) -> str:
    return "yes" if b else "no"


def by_iana(snap: dict) -> dict[str, dict]:
    return {r["iana"]: r for r in records(snap)}


def code_text(r: dict) -> str:
    return f"{r['code']} (written {r['wire']} in packet captures, {r['dec']} in decimal)"


def proto_text(r: dict) -> str:
    return f"{r['proto']} ({PROTO_WORDS[r['proto']]})"


def enc_text(r: dict) -> str:
    if r["null"]:
        return f"Enc={r['enc']}: {MODE_WORDS['none']}"
    return f"Enc={r['enc']}: {r['cipher']} with a {r['bits']}-bit key, {MODE_WORDS[r['mode']]}"


def mac_text(r: dict) -> str:
    if r["aead"]:
        return "Mac=AEAD: the cipher authenticates the records itself, no HMAC"
    return f"Mac={r['mac']}: HMAC with {r['mac']}"


def ephemeral_text(r: dict) -> str:
    if r["ephemeral"] is None:
        return "not fixed by the suite (TLS 1.3)"
    return "yes" if r["ephemeral"] else "no"


def default_text(r: dict) -> str:
    if r["default_pos"]:
        return f"yes, position {r['default_pos']} of {r['default_total']}"
    return f"no: not among the {r['default_total']} suites of `openssl ciphers DEFAULT`"


def level_text(r: dict) -> str:
    if r["max_level"] == 5:
        return "listed at every level, 0 to 5"
    if r["max_level"] == 0:
        return "listed at level 0 only; dropped from level 1 on"
    return f"listed at levels 0 to {r['max_level']}; dropped from level {r['max_level'] + 1} on"


def keywords_text(r: dict) -> str:
    if not r["keywords"]:
        return "none: cipher strings do not select TLS 1.3 suites, which are set with -ciphersuites"
    return f"{len(r['keywords'])}: " + ", ".join(r["keywords"])


def group_text(r: dict) -> str:
    return f"{r['folder']}/ ({FOLDER_WORDS[r['folder']]} suites)"


def rfc_text(r: dict) -> str:
    return f"RFC {r['rfc']}"


def all_pos_text(r: dict) -> str:
    return f"{r['all_pos']} of {r['all_total']}"


def name_pair(x: dict) -> str:
    return x["name"] if x["name"] == x["iana"] else f"{x['name']} ({x['iana']})"


def related_items(r: dict, snap: dict) -> list[str]:
    by = by_iana(snap)
    out = []
    if r["counterpart"]:
        c = by[r["counterpart"]]
        out.append(f"with a {c['bits']}-bit key instead: {name_pair(c)}")
    for v in r["variants"]:
        c = by[v]
        out.append(f"the same cipher with Mac={c['mac']}: {name_pair(c)}")
    return out


def related_text(r: dict, snap: dict) -> str:
    items = related_items(r, snap)
    return "; ".join(items) if items else "none in this catalogue"


def front(r: dict) -> dict:
    fm = {"iana_name": r["iana"], "openssl_name": r["name"], "code_point": r["code"], "decimal": r["dec"],
          "group": r["folder"], "protocol": r["proto"], "kx": r["kx"], "au": r["au"], "enc": r["enc"],
          "mac": r["mac"], "cipher": r["cipher"], "key_bits": r["bits"], "mode": r["mode"], "aead": r["aead"]}
    if r["ephemeral"] is not None:
        fm["ephemeral_dh"] = r["ephemeral"]
    fm.update({"anonymous": r["anon"], "in_default": bool(r["default_pos"])})
    if r["default_pos"]:
        fm["default_position"] = r["default_pos"]
    fm.update({"max_security_level": r["max_level"], "rfc": r["rfc"], "keywords": r["keywords"]})
    return fm


def front_matter(r: dict) -> str:
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front(r).items()) + "---\n"


def rows(r: dict, snap: dict) -> list[tuple[str, str]]:
    return [("IANA name", r["iana"]), ("OpenSSL name", r["name"]), ("Code point", code_text(r)),
            ("IANA reference", rfc_text(r)), ("Filed under", group_text(r)), ("Minimum protocol", proto_text(r)),
            ("Key exchange", f"Kx={r['kx']}: {KX_WORDS[r['kx']]}"), ("Authentication", f"Au={r['au']}: {AU_WORDS[r['au']]}"),
            ("Encryption", enc_text(r)), ("MAC", mac_text(r)), ("Key length", f"{r['bits']} bits"),
            ("AEAD", yes(r["aead"])), ("Ephemeral (EC)DH key exchange", ephemeral_text(r)),
            ("Anonymous", yes(r["anon"])), ("In DEFAULT", default_text(r)),
            ("Security levels (`-s -psk -srp`)", level_text(r)), ("Place in the full listing", all_pos_text(r)),
            ("Keywords that select it", keywords_text(r)), ("Related pages", related_text(r, snap))]  # fmt: skip


SECTIONS = {"Identifiers": ["IANA name", "OpenSSL name", "Code point", "IANA reference", "Filed under"],
            "Construction": ["Minimum protocol", "Key exchange", "Authentication", "Encryption", "MAC", "Key length",
                             "AEAD", "Ephemeral (EC)DH key exchange", "Anonymous"],
            "In this OpenSSL": ["In DEFAULT", "Security levels (`-s -psk -srp`)", "Place in the full listing",
                                "Keywords that select it"],
            "Related pages": ["Related pages"]}  # fmt: skip


def version_line(snap: dict) -> str:
    return snap["version"]["stdout"][0]


def source_line(snap: dict) -> str:
    return (f"Source: {version_line(snap)} on this machine: `openssl ciphers -V -stdname "
            f"'{ALL_STRING}'`, `openssl ciphers -V -stdname DEFAULT`, `openssl ciphers -s -psk -srp` at @SECLEVEL=0 "
            f"to 5 and one `openssl ciphers` run per keyword of the openssl-ciphers man page; the RFC as the IANA "
            f"TLS Cipher Suites registry cites it.")


def _sheet(r: dict, snap: dict) -> str:
    return "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for a, b in rows(r, snap)) + "\n"


def _card(r: dict, snap: dict) -> str:
    d = dict(rows(r, snap))
    out = []
    for sec, keys in SECTIONS.items():
        out.append(f"## {sec}")
        if sec == "Related pages":
            items = related_items(r, snap)
            out += [f"- {x[0].upper() + x[1:]}" for x in items] or ["- None in this catalogue."]
        else:
            out += [f"- {k}: {d[k]}" for k in keys]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _prose(r: dict, snap: dict) -> str:
    w = _h(r["iana"], "w")
    i, n, c = r["iana"], r["name"], r["code"]
    same = n == i
    p1 = [(f"{i} is the IANA name of the cipher suite at code point {c} ({r['wire']} in a packet capture, "
           f"{r['dec']} as a number)" + (", and OpenSSL uses the same name for it." if same else
                                          f"; OpenSSL knows it as {n}."),
           (f"OpenSSL lists this TLS 1.3 suite under its IANA name, {i}," if same else
            f"OpenSSL's {n} is the suite the IANA registry lists as {i},") +
           f" code point {c} (that is {r['dec']} in decimal, or {r['wire']} as Wireshark prints it).",
           f"Code point {c}, shown as {r['wire']} in captures and {r['dec']} in decimal, belongs to {i}" +
           (", a name OpenSSL uses unchanged." if same else f", which OpenSSL spells {n}."))[w % 3]]
    p1.append(f"The IANA TLS Cipher Suites registry cites {rfc_text(r)} as its reference, and this catalogue files "
              f"it under {group_text(r)}.")
    if r["kx"] == "any":
        p2 = [f"`openssl ciphers -v` prints it with protocol {r['proto']} ({PROTO_WORDS[r['proto']]}), Kx=any and "
              f"Au=any: the key exchange and the authentication are not part of a TLS 1.3 suite, which only fixes "
              f"the record cipher and the hash."]
    else:
        p2 = [f"`openssl ciphers -v` prints it with the minimum protocol {r['proto']} "
              f"({PROTO_WORDS[r['proto']]}), Kx={r['kx']} and Au={r['au']}: the key exchange is "
              f"{KX_WORDS[r['kx']]}, and authentication rests on {AU_WORDS[r['au']]}."]
    if r["null"]:
        p2.append(f"Enc=None and Mac={r['mac']} mean {MODE_WORDS['none']} (HMAC with {r['mac']}), so the key "
                  f"length counts as 0 bits.")
    else:
        p2.append(f"Enc={r['enc']} is {r['cipher']} with a {r['bits']}-bit key in {MODE_WORDS[r['mode']]}; "
                  + ("Mac=AEAD, as the cipher authenticates the records itself." if r["aead"] else
                     f"Mac={r['mac']}, an HMAC over each record."))
    p2.append("It is an AEAD suite." if r["aead"] else "It is not an AEAD suite.")
    if r["ephemeral"] is None:
        p2.append("Whether the key exchange is ephemeral is not fixed by the suite (TLS 1.3).")
    else:
        p2.append(("Its key exchange is ephemeral (EC)DH" if r["ephemeral"] else
                   "Its key exchange is not ephemeral (EC)DH") +
                  (", and it is anonymous." if r["anon"] else ", and it is not anonymous."))
    p3 = []
    v = (w >> 8) % 2
    if r["default_pos"]:
        p3.append((f"It is in OpenSSL's DEFAULT list, at position {r['default_pos']} of {r['default_total']}, "
                   f"and at place {all_pos_text(r)} of the full `'{ALL_STRING}'` listing.",
                   f"`openssl ciphers DEFAULT` puts it at position {r['default_pos']} of {r['default_total']}; in the "
                   f"full `'{ALL_STRING}'` listing it comes at place {all_pos_text(r)}.")[v])
    else:
        p3.append((f"It is not in OpenSSL's DEFAULT list (not among its {r['default_total']} suites); the full "
                   f"`'{ALL_STRING}'` listing has it at place {all_pos_text(r)}.",
                   f"Only the full `'{ALL_STRING}'` listing shows it, at place {all_pos_text(r)}: it is not in "
                   f"OpenSSL's DEFAULT list, whose {r['default_total']} suites leave it out.")[v])
    if r["max_level"] == 5:
        p3.append("With `-s -psk -srp` the command lists it at every level, 0 to 5.")
    elif r["max_level"] == 0:
        p3.append("With `-s -psk -srp` the command lists it at level 0 only and drops it from level 1 on.")
    else:
        p3.append((f"With `-s -psk -srp` the command lists it at levels 0 to {r['max_level']} and drops it from "
                   f"level {r['max_level'] + 1} on.",
                   f"Raising @SECLEVEL hides it from level {r['max_level'] + 1} on: `openssl ciphers -s -psk -srp` "
                   f"still lists it at levels 0 to {r['max_level']}.")[(w >> 9) % 2])
    if r["keywords"]:
        p3.append(f"{plural(len(r['keywords']), 'cipher-string keyword')} of the man page select it: "
                  f"{and_list(r['keywords'])}.")
    else:
        p3.append("No cipher-string keyword selects it (none): TLS 1.3 suites are set with -ciphersuites.")
    items = related_items(r, snap)
    if items:
        by = by_iana(snap)
        see = ([f"{name_pair(by[r['counterpart']])}, the same suite with a {by[r['counterpart']]['bits']}-bit key"]
               if r["counterpart"] else [])
        see += [f"{name_pair(by[x])}, which differs from it only by Mac={by[x]['mac']}" for x in r["variants"]]
        p4 = [("Related pages: " + "; ".join(items) + ".", "See also " + "; and ".join(see) + ".")[(w >> 10) % 2]]
    else:
        p4 = ["Related pages: none in this catalogue."]
    return "\n\n".join(" ".join(p) for p in (p1, p2, p3, p4)) + "\n"


def title(r: dict) -> str:
    return f"{r['iana']} ({r['code']})"


def render(r: dict, snap: dict) -> str:
    head = front_matter(r) + f"\n# {title(r)}\n\n"
    body = {"sheet": _sheet, "card": _card, "prose": _prose}[layout(r)](r, snap)
    return head + body + "\n" + source_line(snap) + "\n"


def page_path(r: dict) -> str:
    return f"{r['id']}.md"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = records(snap)
    assign_layouts(recs)
    out = {page_path(r): render(r, snap) for r in recs}
    out["keywords.csv"] = register_csv(register_rows(snap))
    return out


def snapshot_text(snap: dict) -> str:
    """JSON with one run a line (the man page section one line a line)."""
    parts = []
    for k, v in snap.items():
        if k in ("levels", "keywords"):
            body = ",\n".join(f"  {json.dumps(a)}: {json.dumps(b, ensure_ascii=False)}" for a, b in v.items())
            parts.append(f' {json.dumps(k)}: {{\n{body}\n }}')
        elif k == "man_page":
            sec = ",\n".join(f"   {json.dumps(x, ensure_ascii=False)}" for x in v["section"])
            parts.append(f' "man_page": {{"file": {json.dumps(v["file"])}, "sha256": {json.dumps(v["sha256"])}, '
                         f'"section": [\n{sec}\n ]}}')
        elif k in ("all", "default"):
            lines = ",\n".join(f"   {json.dumps(x)}" for x in v["stdout"])
            rest = json.dumps({a: b for a, b in v.items() if a != "stdout"})[1:-1]
            parts.append(f' {json.dumps(k)}: {{{rest}, "stdout": [\n{lines}\n ]}}')
        else:
            parts.append(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to run this machine's openssl again")
    snap = scan()
    rows_ = parse_v(snap["all"]["stdout"])
    missing = [s for s in READ if s not in {r["iana"] for r in rows_}]
    if missing:
        sys.exit(f"not in this OpenSSL: {missing}")
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"{len(rows_)} suites, {len(snap['keywords'])} keywords; {version_line(snap)}")


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


def _ok(question: str, answers: list[str], typ: str, text: str, options: list[str] | None = None) -> bool:
    from ragtune.eval.metrics import is_correct

    return is_correct(_item(question, answers, typ, options), text, False)


CITES = ["It is in the OpenSSL documentation.", "See the IANA registry.", "openssl ciphers lists it.",
         "It is in the catalogue.", "The man page says so."]  # a sentence citing the source is no answer


def cite_safe(question: str, golds: list[str], typ: str) -> bool:
    return not any(_ok(question, golds, typ, t) for t in CITES)


def hedge_safe(question: str, options: list[str], gold: str) -> bool:
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}", f"{gold} and {w}."]
    return _ok(question, [gold], "comparison", gold, options) and \
        not any(_ok(question, [gold], "comparison", t, options) for t in tries + CITES)


def gold_safe(question: str, answers: list[str], typ: str = "single_hop") -> bool:
    return all(_ok(question, answers, typ, g) and _ok(question, answers, typ, f"The answer is {g}.") for g in answers) \
        and cite_safe(question, answers, typ)


def names_safe(question: str, golds: list[str], others: list[str], typ: str = "reverse") -> bool:
    """Do all other suite (or keyword) names score wrong?"""
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, o) for o in others if _atok(o) not in gt)


def in_question(q: str, g: str) -> bool:
    return _contains(_atok(q), _atok(g))


def everyone(snap: dict) -> list[str]:
    """Every IANA and OpenSSL name of the library: what a reverse or filter answer could name instead."""
    rows_ = tables(snap)["rows"]
    return sorted({r["iana"] for r in rows_} | {r["name"] for r in rows_})


def every_keyword(snap: dict) -> list[str]:
    return list(tables(snap)["kw"])


_IDENT: dict = {}


def ident(r: dict, snap: dict) -> list[str] | None:
    """How an answer names a suite: its IANA name and, where no other name of the library would then score
    correct (`AES128-SHA` is inside `DHE-RSA-AES128-SHA`), its OpenSSL name; None where even the IANA name is
    not safe (`TLS_RSA_WITH_AES_128_CBC_SHA` is inside `TLS_RSA_WITH_AES_128_CBC_SHA256`)."""
    if r["iana"] in _IDENT:
        return _IDENT[r["iana"]]
    q = "Which cipher suite is it?"
    every = everyone(snap)
    out = None
    for golds in ([r["iana"], r["name"]] if r["name"] != r["iana"] else [r["iana"]], [r["iana"]]):
        if names_safe(q, golds, every):
            out = golds
            break
    _IDENT[r["iana"]] = out
    return out


def refs(r: dict) -> dict[str, str]:
    out = {"iana": r["iana"]}
    if r["name"] != r["iana"]:
        out.update({"openssl": f"OpenSSL's {r['name']}", "calls": f"the suite OpenSSL calls {r['name']}"})
    out["code"] = f"the suite with code point {r['code']}"
    return out


def cap(q: str) -> str:
    """A capital for a question that starts with a word; a suite or keyword name keeps its case."""
    first = q.split(" ", 1)[0]
    return q if first.startswith(("TLS_", "OpenSSL")) or first[:1].isdigit() or first[:1].isupper() \
        else q[0].upper() + q[1:]


def proto_golds(p: str) -> list[str]:
    return [p, PROTO_WORDS[p]]


def code_golds(r: dict) -> list[str]:
    return [r["code"], r["hex"]]


def rfc_golds(r: dict) -> list[str]:
    return [f"RFC {r['rfc']}", str(r["rfc"])]


ANY_REF = ("iana", "openssl", "calls", "code")
NAME_REF = ("iana", "openssl", "calls")
# kind: (templates, golds, condition, the ways the question may name the suite, the fact it asks)
SINGLE = {
    "code": (["What is the code point of {n}?", "Which two-byte code point does the IANA registry give {n}?"],
             code_golds, lambda r: True, NAME_REF, "code"),
    "decimal": (["What is the code point of {n} as a decimal number?"], lambda r: [str(r["dec"])], lambda r: True,
                NAME_REF, "code"),
    "openssl": (["What does OpenSSL call {n}?", "Under which name does OpenSSL list {n}?"], lambda r: [r["name"]],
                lambda r: r["name"] != r["iana"], ("iana", "code"), "openssl"),
    "proto": (["Which protocol version does OpenSSL give as the minimum for {n}?",
               "What is the oldest protocol version `openssl ciphers -v` gives for {n}?"],
              lambda r: proto_golds(r["proto"]), lambda r: True, ANY_REF, "proto"),
    "kx": (["What key exchange (Kx) does `openssl ciphers -v` print for {n}?"], lambda r: [r["kx"]],
           lambda r: r["kx"] in ("ECDH", "DH", "RSAPSK", "DHEPSK", "ECDHEPSK"), ANY_REF, "kx"),
    "au": (["What authentication (Au) does `openssl ciphers -v` print for {n}?"], lambda r: [r["au"]],
           lambda r: r["kx"] in ("RSAPSK", "SRP", "PSK", "DHEPSK", "ECDHEPSK"), ANY_REF, "au"),
    "enc": (["What Enc value does `openssl ciphers -v` print for {n}?"], lambda r: [r["enc"]],
            lambda r: not r["null"], ("code",), "enc"),
    "mac": (["Which Mac value does `openssl ciphers -v` print for {n}?"], lambda r: [r["mac"]],
            lambda r: True, ANY_REF, "mac"),
    "bits": (["How many bits long is the key of {n}'s cipher?"], lambda r: [str(r["bits"])], lambda r: r["bits"] > 0,
             ("code",), "bits"),
    "default_pos": (["At which position does {n} come in OpenSSL's DEFAULT cipher list?",
                     "Where in the DEFAULT preference order of this OpenSSL does {n} sit?"],
                    lambda r: [str(r["default_pos"])], lambda r: bool(r["default_pos"]), ANY_REF, "default"),
    "max_level": (["Up to which security level does `openssl ciphers -s` still list {n}?"],
                  lambda r: [str(r["max_level"])], lambda r: r["max_level"] >= 2, ANY_REF, "level"),
    "drop_level": (["From which security level on does `openssl ciphers -s` stop listing {n}?"],
                   lambda r: [str(r["max_level"] + 1)], lambda r: r["max_level"] < 5, ANY_REF, "level"),
    "rfc": (["Which RFC does the IANA registry cite for {n}?", "Which RFC is the IANA registry's reference for "
             "{n}?"], rfc_golds, lambda r: True, ANY_REF, "rfc"),
    "all_pos": (["At which place does {n} appear in the full `openssl ciphers -V 'ALL:COMPLEMENTOFALL'` listing?"],
                lambda r: [str(r["all_pos"])], lambda r: True, ANY_REF, "all"),
    "counterpart": (["Which catalogued suite is the {bits}-bit-key counterpart of {n}?"],
                    None, lambda r: bool(r["counterpart"]), ANY_REF, "counterpart"),
}  # fmt: skip
SINGLE_ORDER = ["counterpart", "drop_level", "au", "kx", "enc", "decimal", "all_pos", "max_level", "bits", "rfc",
                "openssl", "proto", "mac", "default_pos", "code"]  # fmt: skip
# register rows: a fact of one keyword
REG = {
    "reg_count": ("How many cipher suites older than TLS 1.3 does the cipher-string keyword {k} select in this "
                  "machine's OpenSSL?", lambda s, k: [str(kw_count(s, k))], lambda s, k: kw_count(s, k) >= 2),
    "reg_default": ("How many of the suites that the cipher-string keyword {k} selects are in OpenSSL's DEFAULT "
                    "list?", lambda s, k: [str(kw_default(s, k))],
                    lambda s, k: 1 <= kw_default(s, k) < kw_count(s, k)),
    "reg_cat": ("How many of the suites that the keyword {k} selects have a page in this catalogue?",
                lambda s, k: [str(len(kw_cat(s, k)))], lambda s, k: 2 <= len(kw_cat(s, k)) < kw_count(s, k)),
}  # fmt: skip


def single_question(r: dict, k: str, form: str) -> str:
    tpls = SINGLE[k][0]
    kw = {"bits": tables_bits(r)} if k == "counterpart" else {}
    return cap(tpls[_h(r["iana"], k) % len(tpls)].format(n=refs(r)[form], **kw))


def tables_bits(r: dict) -> int:
    return 128 if r["bits"] == 256 else 256


def ref_forms(r: dict, k: str) -> list[str]:
    """The ways a question of kind k may name the suite, the first chosen by hash."""
    forms = [f for f in SINGLE[k][3] if f in refs(r)]
    i = _h(r["iana"], "ref" + k) % len(forms)
    return forms[i:] + forms[:i]


def page_numbers(r: dict) -> set[str]:
    xs = [r["bits"], r["default_total"], r["max_level"], r["all_pos"], r["all_total"], r["dec"], r["rfc"],
          len(r["keywords"]), 0, 5]
    xs += [r["default_pos"]] if r["default_pos"] else []
    xs += [r["max_level"] + 1] if r["max_level"] < 5 else []
    return {str(x) for x in xs}


def page_texts(r: dict, snap: dict) -> set[str]:
    """The values a page states besides its counts."""
    by = by_iana(snap)
    out = {r["iana"], r["name"], r["code"], r["hex"], r["wire"], r["proto"], PROTO_WORDS[r["proto"]], r["kx"],
           r["au"], r["enc"], r["mac"], r["cipher"], r["mode"], f"RFC {r['rfc']}"}
    out |= set(r["keywords"])
    for x in links(r):
        out |= {by[x]["iana"], by[x]["name"]}
    return {x for x in out if _atok(x)}


def catalogue_values(recs: list[dict]) -> set[str]:
    return {x for t in recs for x in (t["iana"], t["name"], t["code"], str(t["dec"]), t["proto"], t["kx"], t["au"],
                                      t["enc"], t["mac"])}  # fmt: skip


def others_of(r: dict, recs: list[dict], snap: dict) -> set[str]:
    """Values a wrong answer could take from the page or from the catalogue."""
    return page_numbers(r) | page_texts(r, snap) | catalogue_values(recs)


def confusable(golds: list[str], pool: set[str]) -> set[str]:
    """The values of `pool` a wrong answer could give: for a count or position not a name or code point (whose
    digits hold it as a token: 0xC0,0x2C holds 2)."""
    numeric = all(g.isdigit() for g in golds)
    return {x for x in pool if not (numeric and re.search(r"\d[-.:~+,]\d|[a-zA-Z]\d|\d[a-zA-Z]|\d\)", x))}


def others_safe(question: str, golds: list[str], others: set[str], typ: str = "single_hop") -> bool:
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, x) for x in confusable(golds, others) if _atok(x) not in gt)


def reg_numbers(snap: dict, k: str) -> set[str]:
    """The counts a keyword row states (and the size of the library)."""
    t = tables(snap)
    return {str(x) for x in (kw_count(snap, k), kw_default(snap, k), len(kw_cat(snap, k)), len(t["rows"]),
                             older(snap))}


# multi hop: a suite -> its catalogued counterpart with the other key length, or its one catalogued MAC variant; a
# keyword row that names one catalogued suite -> that suite's page
HOP_VIA = {
    "counterpart": ["Take {v} and the suite in this catalogue that differs from it only by key length. {f}",
                    "The page of {v} names a suite with the same key exchange, cipher and mode but a key of the "
                    "other length. {f}"],
    "variant": ["The page of {v} names a suite that differs from it only by its MAC. {f}",
                "Take {v} and the one catalogued suite with the same key exchange, cipher and key length but "
                "another MAC. {f}"],
    "keyword": ["The cipher-string keyword {v} selects exactly one suite that has a page in this catalogue. {f}",
                "Of the suites the keyword {v} selects, one has a page in this catalogue. {f}"],
}  # fmt: skip
HOP_FIELD = {
    "code": ("What is that suite's code point?", code_golds, lambda t: True),
    "decimal": ("What is that suite's code point in decimal?", lambda t: [str(t["dec"])], lambda t: True),
    "default_pos": ("At which position of OpenSSL's DEFAULT list does that suite come?",
                    lambda t: [str(t["default_pos"])], lambda t: bool(t["default_pos"])),
    "max_level": ("Up to which security level does `openssl ciphers -s` still list that suite?",
                  lambda t: [str(t["max_level"])], lambda t: t["max_level"] >= 2),
    "all_pos": ("At which place of the full `openssl ciphers -V 'ALL:COMPLEMENTOFALL'` listing does that suite "
                "appear?", lambda t: [str(t["all_pos"])], lambda t: True),
    "iana": ("What is that suite's IANA name?", lambda t: [t["iana"]], lambda t: True),
    "rfc": ("Which RFC does the IANA registry cite for that suite?", rfc_golds, lambda t: True),
    "proto": ("Which minimum protocol version does OpenSSL give for that suite?", lambda t: proto_golds(t["proto"]),
              lambda t: True),
}  # fmt: skip
HOP_REF = {"counterpart": ("code", "openssl", "iana"), "variant": ("code", "calls", "iana")}


def hop_golds(t: dict, f: str) -> list[str] | None:
    return HOP_FIELD[f][1](t) if HOP_FIELD[f][2](t) else None


def hop_own(src_r: dict | None, f: str, first: str) -> list[str]:
    """What the first document of a chain states that a wrong answer could take: its own value of the field asked
    and its names (a keyword row: the keyword)."""
    if src_r is None:
        return [first.split("#")[1]]
    return (hop_golds(src_r, f) or []) + [src_r["iana"], src_r["name"], src_r["code"]]


def unique_one(snap: dict, k: str) -> str | None:
    xs = kw_cat(snap, k)
    return xs[0] if len(xs) == 1 else None


CMP = {
    "more-bits": ("Which of {a} and {b} uses the longer key?", lambda r: r["bits"], max),
    "earlier-default": ("Which of {a} and {b} comes earlier in OpenSSL's DEFAULT list?",
                        lambda r: r["default_pos"] or 10**6, min),
    "higher-level": ("Which of {a} and {b} does `openssl ciphers -s` still list at the higher security level?",
                     lambda r: r["max_level"], max),
    "lower-code": ("Which of {a} and {b} has the lower code point?", lambda r: r["dec"], min),
    "earlier-all": ("Which of {a} and {b} comes first in the full `openssl ciphers -V 'ALL:COMPLEMENTOFALL'` "
                    "listing?", lambda r: r["all_pos"], min),
    "older-proto": ("Which of {a} and {b} does OpenSSL list with the older minimum protocol version?",
                    lambda r: PROTO_RANK[r["proto"]], min),
    "default-one": ("Which of {a} and {b} is in OpenSSL's DEFAULT list?", lambda r: int(bool(r["default_pos"])), max),
    "aead-one": ("Which of {a} and {b} is an AEAD suite?", lambda r: int(r["aead"]), max),
    "ephemeral-one": ("Which of {a} and {b} uses an ephemeral (EC)DH key exchange?",
                      lambda r: -1 if r["ephemeral"] is None else int(r["ephemeral"]), max),
    "lower-rfc": ("For which of {a} and {b} does the IANA registry cite the RFC with the lower number?",
                  lambda r: r["rfc"], min),
}  # fmt: skip
CMP_ORDER = ["earlier-default", "higher-level", "more-bits", "default-one", "lower-code", "ephemeral-one",
             "earlier-all", "older-proto", "aead-one", "lower-rfc"]  # fmt: skip
FIELD_OF = {"more-bits": "bits", "earlier-default": "default", "higher-level": "level", "lower-code": "code",
            "earlier-all": "all", "older-proto": "proto", "default-one": "default", "aead-one": "mac",
            "ephemeral-one": "kx", "lower-rfc": "rfc"}  # fmt: skip


def cmp_valid(k: str, a: dict, b: dict) -> bool:
    fn = CMP[k][1]
    if fn(a) == fn(b):
        return False
    if k == "earlier-default":
        return bool(a["default_pos"] and b["default_pos"])
    if k == "ephemeral-one":
        return a["ephemeral"] is not None and b["ephemeral"] is not None
    return True


def cmp_names(a: dict, b: dict, salt: str) -> tuple[str, str]:
    """Both candidates by IANA name, or (where both have one) both by OpenSSL name."""
    if a["name"] != a["iana"] and b["name"] != b["iana"] and _h(a["iana"] + b["iana"], salt) % 3 == 0:
        return a["name"], b["name"]
    return a["iana"], b["iana"]


def conditions(recs: list[dict], snap: dict) -> dict:
    """Conditions filters combine: (test, how a question says it)."""
    out = {}
    for f, words in FOLDER_WORDS.items():
        say = {"tls13": "is a TLS 1.3 suite", "rsa": "uses RSA key transport"}.get(f, f"uses {words} key exchange")
        out[f"group-{f}"] = (lambda r, f=f: r["folder"] == f, say)
    for a in ("ECDSA", "RSA", "DSS", "PSK", "SRP"):
        out[f"au-{a}"] = (lambda r, a=a: r["au"] == a, f"is listed with Au={a}")
    out["anon"] = (lambda r: r["anon"], "is anonymous (Au=None)")
    for c in ("AES", "Camellia", "ARIA", "ChaCha20"):
        out[f"cipher-{c}"] = (lambda r, c=c: r["cipher"] == c, f"encrypts with {c}")
    out["null"] = (lambda r: r["null"], "encrypts nothing (Enc=None)")
    for m in ("GCM", "CCM", "CCM_8", "CBC"):
        out[f"mode-{m}"] = (lambda r, m=m: r["mode"] == m, f"uses {m} mode")
    for b in (128, 256):
        out[f"bits-{b}"] = (lambda r, b=b: r["bits"] == b, f"has a {b}-bit key")
    for m in ("SHA1", "SHA256", "SHA384", "MD5"):
        out[f"mac-{m}"] = (lambda r, m=m: r["mac"] == m, f"is listed with Mac={m}")
    out["aead"] = (lambda r: r["aead"], "is an AEAD suite")
    for p in ("SSLv3", "TLSv1", "TLSv1.2"):
        out[f"proto-{p}"] = (lambda r, p=p: r["proto"] == p, f"has the minimum protocol {p}")
    out["default"] = (lambda r: bool(r["default_pos"]), "is in OpenSSL's DEFAULT list")
    out["not-default"] = (lambda r: not r["default_pos"], "is not in OpenSSL's DEFAULT list")
    out["default-top10"] = (lambda r: bool(r["default_pos"]) and r["default_pos"] <= 10,
                            "is among the first ten suites of OpenSSL's DEFAULT list")
    out["level-5"] = (lambda r: r["max_level"] == 5, "is still listed at security level 5")
    for n in (1, 3, 4):
        out[f"drop-{n}"] = (lambda r, n=n: r["max_level"] == n - 1, f"is dropped from security level {n} on")
    out["ephemeral"] = (lambda r: r["ephemeral"] is True, "uses an ephemeral (EC)DH key exchange")
    out["static"] = (lambda r: r["ephemeral"] is False, "does not use an ephemeral (EC)DH key exchange")
    for p in ("0x00", "0xC0", "0xCC"):
        out[f"prefix-{p}"] = (lambda r, p=p: r["prefix"] == p, f"has a code point whose first byte is {p}")
    rfcs = Counter(r["rfc"] for r in recs)
    for n, c in sorted(rfcs.items()):
        if c >= 2:
            out[f"rfc-{n}"] = (lambda r, n=n: r["rfc"] == n, f"has RFC {n} as its reference in the IANA registry")
    for k in ("COMPLEMENTOFDEFAULT", "SUITEB128", "AESCCM8", "ARIA128", "CAMELLIA256", "aDSS", "SHA384", "kRSAPSK",
              "aPSK", "TLSv1.0", "SSLv3"):
        n = len(kw_cat(snap, k))
        if 2 <= n:
            out[f"kw-{k}"] = (lambda r, k=k: k in r["keywords"], f"is selected by the cipher-string keyword {k}")
    return out


REV_Q = {
    "rev-code": ["Which cipher suite has the code point {v}?", "The IANA registry lists code point {v} for which "
                 "cipher suite?"],
    "rev-wire": ["A packet capture shows cipher suite {v}. Which suite is it?"],
    "rev-decimal": ["Which cipher suite has the code point {v} when it is read as one decimal number?"],
    "rev-openssl": ["What is the IANA name of the suite OpenSSL calls {v}?",
                    "OpenSSL's {v} stands for which IANA cipher suite name?"],
    "rev-default": ["Which cipher suite sits at position {v} of OpenSSL's DEFAULT list?"],
    "rev-combo": ["Which cipher suite does `openssl ciphers -v` print with {v}?"],
    "rev-keyword": ["Which cipher-string keyword does the openssl-ciphers man page describe as \"{v}\"?"],
}  # fmt: skip


def rev_cue(r: dict, k: str) -> str | None:
    return {"rev-code": r["code"], "rev-wire": r["wire"], "rev-decimal": str(r["dec"]),
            "rev-openssl": r["name"] if r["name"] != r["iana"] else None,
            "rev-default": str(r["default_pos"]) if r["default_pos"] else None,
            "rev-combo": f"Kx={r['kx']}, Au={r['au']}, Enc={r['enc']} and Mac={r['mac']}"
            if r["kx"] != "any" else None}.get(k)  # fmt: skip


def rev_unique(r: dict, k: str, snap: dict) -> bool:
    """Does the cue single out the suite among all 158 of the library?"""
    alls = [base(x["iana"], snap) for x in tables(snap)["rows"]]
    return sum(rev_cue(x, k) == rev_cue(r, k) for x in alls) == 1


def keyword_desc(snap: dict, k: str) -> str | None:
    """A keyword's man page description, where its entry names it alone and no other entry says the same."""
    items = tables(snap)["items"]
    it = [i for i in items if k in i["names"]][0]
    if len(it["names"]) != 1 or sum(i["text"] == it["text"] for i in items) != 1 or len(it["text"].split()) > 25:
        return None
    return it["text"].rstrip(".")


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = records(snap)
    by = {r["iana"]: r for r in recs}
    reg = reg_by(snap)
    every = everyone(snap)
    kws = every_keyword(snap)
    sp = split_pages(recs)
    sr = split_rows(snap, sp)
    cond = conditions(recs, snap)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    assign_layouts(recs)
    for s in ("dev", "test"):
        want = WANT[s]
        suites = sorted((c for c in by if sp[c] == s), key=lambda x: _h(x, "order" + s))
        used: set = set()
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

        # multi hop
        hk = list(HOP_FIELD)
        starts = []
        for n in suites:
            r = by[n]
            if r["counterpart"] and sp[r["counterpart"]] == s:
                starts.append(("counterpart", n, r["counterpart"]))
            if len(r["variants"]) == 1 and sp[r["variants"][0]] == s:
                starts.append(("variant", n, r["variants"][0]))
        for k in kws:
            t = unique_one(snap, k)
            if t and sp[t] == s:
                starts.append(("keyword", k, t))
        starts.sort(key=lambda x: _h(f"{x[0]}{x[1]}", "hopstart"))
        rank = Counter()
        order = []
        for x in starts:  # kinds in turn, the rare chain (keyword) first in each turn
            order.append((rank[x[0]], x[0] != "keyword", x[0] != "variant", len(order), x))
            rank[x[0]] += 1
        starts = [x[-1] for x in sorted(order)]
        for via, first, m in starts:
            if count("multi_hop") >= want["multi_hop"]:
                break
            if kinds("hop-" + via) >= CAP_HOP[s] or (first, "hopstart") in used or (m, "hopend") in used or \
                    (m, "hopstart") in used or (first, "hopend") in used:
                continue
            t = by[m]
            tpls = HOP_VIA[via]
            tpl = tpls[_h(f"{first}{via}", "hopq") % len(tpls)]
            if via == "keyword":
                cue, ev0, src = first, f"keywords#{first}", None
            else:
                src = by[first]
                forms = HOP_REF[via]
                cue = refs(src)[forms[_h(first, "hopref") % len(forms)]] if src["name"] != src["iana"] else src["iana"]
                ev0 = src["id"]
            for f in hk:
                g_m = hop_golds(t, f)
                if not g_m or (m, f) in used or (via != "keyword" and f == "iana"):
                    continue
                q = cap(tpl.format(v=cue, f=HOP_FIELD[f][0]))
                own = hop_own(src, f, ev0)
                if {tuple(_atok(x)) for x in g_m} & {tuple(_atok(x)) for x in own}:
                    continue
                if not gold_safe(q, g_m, "multi_hop") or any(in_question(q, x) for x in g_m) or \
                        not others_safe(q, g_m, others_of(t, recs, snap), "multi_hop"):
                    continue
                if any(_ok(q, g_m, "multi_hop", x) for x in own if _atok(x) not in [_atok(y) for y in g_m]):
                    continue
                add(q, g_m, "multi_hop", [ev0, t["id"]], "hop-" + via, field=f, via=first, target=m, ref=cue)
                used.update({(m, f), (first, "hopstart"), (m, "hopend")})
                subj.update({m} | ({first} if src else set()))
                hk.append(hk.pop(hk.index(f)))
                break

        def try_single(n: str, k: str) -> bool:
            r = by[n]
            fact = SINGLE[k][4]
            if not SINGLE[k][2](r) or (n, fact) in used or kinds(k) >= CAP[s]:
                return False
            if k == "counterpart":
                c = by[r["counterpart"]]
                g = ident(c, snap)
                if not g or sp[c["iana"]] != s:
                    return False
            else:
                g = SINGLE[k][1](r)
            for form in ref_forms(r, k):
                q = single_question(r, k, form)
                if any(in_question(q, x) for x in g) or not gold_safe(q, g) or \
                        not others_safe(q, g, others_of(r, recs, snap)):
                    continue
                ev = [r["id"]] + ([by[r["counterpart"]]["id"]] if k == "counterpart" else [])
                if k == "counterpart":
                    ev = [r["id"]]
                add(q, g, "single_hop", ev, k, ref=form)
                used.add((n, fact))
                subj.add(n)
                return True
            return False

        for k in SINGLE_ORDER:
            if count("single_hop") >= want["single_hop"] - REG_PER_SPLIT[s]:
                break
            for n in suites:
                if n not in subj and try_single(n, k):
                    break
        ki = 0
        for rnd_pass in (0, 1, 2):
            for n in suites:
                if count("single_hop") >= want["single_hop"] - REG_PER_SPLIT[s]:
                    break
                if n in subj and (rnd_pass == 0 or (rnd_pass == 1 and any(i["evidence"] == [by[n]["id"]] for i in items))):
                    continue
                for _ in range(len(SINGLE_ORDER)):
                    k = SINGLE_ORDER[ki % len(SINGLE_ORDER)]
                    ki += 1
                    if try_single(n, k):
                        break
        # keyword rows: one fact of one keyword of the split
        rk = list(REG)
        rows_s = sorted((k for k in kws if sr[k] == s), key=lambda k: _h(k, "reg" + s))
        for k in rows_s:
            if count("single_hop") >= want["single_hop"]:
                break
            if (k, "register") in used or (f"keywords#{k}", "hopstart") in used:
                continue
            x = reg[k]
            for rkind in list(rk):
                if kinds(rkind) >= 1 or not REG[rkind][2](snap, k):
                    continue
                q = REG[rkind][0].format(k=k)
                g = REG[rkind][1](snap, k)
                oth = reg_numbers(snap, k) | {str(kw_count(snap, o)) for o in kws}
                if any(in_question(q, y) for y in g) or not gold_safe(q, g) or not others_safe(q, g, oth):
                    continue
                add(q, g, "single_hop", [f"keywords#{k}"], rkind, keyword=k)
                used.add((k, "register"))
                rk.append(rk.pop(rk.index(rkind)))
                break
        # reverse: a code point in three forms, the OpenSSL name, a DEFAULT position, the Kx/Au/Enc/Mac combination
        # -> the suite; a man page description -> the keyword
        rvk = list(REV_Q)
        for n in [x for x in suites if x not in subj] + [x for x in suites if x in subj]:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            for k in list(rvk):
                if kinds(k) >= CAP_REVERSE[s] or (n, "reverse") in used:
                    continue
                if k == "rev-keyword":
                    cands = [kw for kw in rows_s if (kw, "register") not in used and (kw, "reverse") not in used
                             and keyword_desc(snap, kw) and kw_count(snap, kw)]
                    if not cands:
                        continue
                    kw = cands[_h(n, "revkw") % len(cands)]
                    v = keyword_desc(snap, kw)
                    g, ev, who = [kw], [f"keywords#{kw}"], kw
                    others = kws
                else:
                    v = rev_cue(r, k)
                    if not v or not rev_unique(r, k, snap):
                        continue
                    g = [r["iana"]] if k == "rev-openssl" else ident(r, snap)
                    if not g:
                        continue
                    ev, who, others = [r["id"]], n, every
                q = cap(REV_Q[k][_h(who, "revq" + k) % len(REV_Q[k])].format(v=v))
                if any(in_question(q, x) for x in g) or not gold_safe(q, g, "reverse") or \
                        not names_safe(q, g, others):
                    continue
                add(q, g, "reverse", ev, k, value=v)
                used.add((who, "reverse"))
                if k != "rev-keyword":
                    subj.add(n)
                else:
                    used.add((who, "register"))
                rvk.append(rvk.pop(rvk.index(k)))
                break
        # comparisons of two suites of the split
        turn = CMP_ORDER[5:] + CMP_ORDER[:5] if s == "test" else CMP_ORDER
        for k in turn * 4:  # kinds in turn (test starts where dev stops), a few tries each
            if count("comparison") >= want["comparison"]:
                break
            tpl, fn, pick = CMP[k]
            for _ in range(80):
                a, b = rnd.sample(suites, 2)
                if not cmp_valid(k, by[a], by[b]) or (a, FIELD_OF[k]) in used or (b, FIELD_OF[k]) in used or \
                        kinds(k) >= CAP_CMP[s]:
                    continue
                fa, fb = fn(by[a]), fn(by[b])
                na, nb = cmp_names(by[a], by[b], k)
                q = tpl.format(a=na, b=nb)
                win = na if pick(fa, fb) == fa else nb
                if not hedge_safe(q, [na, nb], win):
                    continue
                add(q, [win], "comparison", [by[a]["id"], by[b]["id"]], k, options=[na, nb], target=win,
                    candidates=[a, b])
                used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
                break
        # filters: among all catalogued suites (two conditions), and among four listed ones
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
            w = both[0]["iana"]
            if sp[w] != s or (w, "filter") in used:
                continue
            q = rnd.choice(["Which cipher suite in this catalogue {a} and {b}?",
                            "Name the one catalogued cipher suite that {a} and {b}.",
                            "I am looking for the catalogued suite that {a} and {b}. Which is it?"])
            q = q.format(a=cond[c1][1], b=cond[c2][1])
            g = ident(both[0], snap)
            if not g or any(in_question(q, x) for x in g) or not gold_safe(q, g, "filter") or \
                    not names_safe(q, g, every, "filter"):
                continue
            add(q, g, "filter", [both[0]["id"]], "filter", where={c1: True, c2: True}, candidates=[w])
            used.add((w, "filter"))
        tries = 0
        among = sorted(cond)
        while kinds("filter-among") < mix["filter-among"] and tries < 5000:
            tries += 1
            c = among[tries % len(among)]
            cands = rnd.sample(suites, 4)
            hits = [x for x in cands if cond[c][0](by[x])]
            if len(hits) != 1 or any((x, "filter-" + c) in used for x in cands) or (hits[0], "filter") in used:
                continue
            if cands[-1] == hits[0]:
                cands[0], cands[-1] = cands[-1], cands[0]
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these cipher suites {c}: {l}?", "Among {l}, which {c}?"])
            q = q.format(l=", ".join(cands), c=cond[c][1])
            gold = hits[0]
            if not hedge_safe(q, cands, gold) or not names_safe(q, [gold], every, "filter"):
                continue
            add(q, [gold], "filter", [by[gold]["id"]], "filter-among", options=list(cands), where={c: True},
                candidates=list(cands))
            used.update((x, "filter-" + c) for x in cands)
            used.add((gold, "filter"))
        # unanswerables: left-out suites, then fields no page states
        for m in ABSENT[s]:
            for q in ABSENT_QUESTIONS[m]:
                if kinds("absent-suite") < ABSENT_MIX[s]:
                    add(q, [], "unanswerable", [], "absent-suite", suite=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(suites)
        rnd.shuffle(pages)
        i = 0
        while count("unanswerable") < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            forms = [x for x in NAME_REF if x in refs(by[n])]
            form = forms[_h(n, "absent" + f) % len(forms)]
            q = cap(ABSENT_FIELDS[f][0].format(n=refs(by[n])[form]))
            add(q, [], "unanswerable", [], "absent-field", field=f, suite=n, ref=form)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c29-{s}-{j:03d}", **it}
    return out


def qa_text(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def build(force: bool) -> None:
    snap = load_snapshot()
    recs = records(snap)
    exists = (CORPUS.exists() and any(CORPUS.iterdir())) or (OUT / "test.jsonl").exists()
    if exists and not force:
        sys.exit(f"{CORPUS} or the question files exist (committed); pass --force to render them again")
    for old in sorted(CORPUS.rglob("*"), reverse=True) if CORPUS.exists() else []:
        old.unlink() if old.is_file() else old.rmdir()
    CORPUS.mkdir(parents=True, exist_ok=True)
    for rel, text in render_all(snap).items():
        (CORPUS / rel).parent.mkdir(parents=True, exist_ok=True)
        (CORPUS / rel).write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    (OUT / "dev.jsonl").write_text(qa_text(qs["dev"]), encoding="utf-8")
    (OUT / "test.jsonl").write_text(qa_text(qs["test"]), encoding="utf-8")  # last
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    sp = split_pages(recs)
    print(f"{len(recs)} pages (dev {sum(v == 'dev' for v in sp.values())}); "
          f"layouts {dict(Counter(layout(r) for r in recs))}; {len(register_rows(snap))} keyword rows")
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


def _name_pat(t: str) -> str:
    return r"(?<![\w.+/-])" + re.escape(t) + r"(?![\w+/-]|\.\w)"


def absent_patterns(s: str, snap: dict) -> list[str]:
    """A left-out suite as its IANA and OpenSSL names, its code point as the pages write it (0xC0,0x2C, 0xc02c)
    and its decimal value where a page would state it."""
    x = base(s, snap)
    return list(dict.fromkeys([_name_pat(x["iana"]), _name_pat(x["name"]), re.escape(x["code"]),
                               r"(?<![\w])" + re.escape(x["hex"]) + r"(?![\w])",
                               rf"(?<![\d.]){x['dec']} (?:in decimal|as a number)|decimal: {x['dec']}(?!\d)"]))


def unanswerable_pattern(q: dict, snap: dict) -> tuple[str, str]:
    if q["kind"] == "absent-suite":
        s = q["suite"]
        return "|".join(f"(?:{p})" for p in absent_patterns(s, snap)), f"Its code point is {base(s, snap)['code']}."
    _, pat, made_up = ABSENT_FIELDS[q["field"]]
    return pat, made_up


def page_values(r: dict, snap: dict) -> list[str]:
    """What a page must state (as text, case-insensitive): every value of its record, and in the sheet and card
    layouts also the wording of their labelled cells."""
    by = by_iana(snap)
    vals = [r["iana"], r["name"], r["code"], r["wire"], str(r["dec"]), r["proto"], PROTO_WORDS[r["proto"]],
            f"Kx={r['kx']}", f"Au={r['au']}", f"Enc={r['enc']}", f"Mac={r['mac']}", f"RFC {r['rfc']}",
            f"{all_pos_text(r)}", version_line(snap)]
    vals += [f"{r['bits']}-bit key"] if r["bits"] else ["0 bits"]
    vals += [f"position {r['default_pos']} of {r['default_total']}"] if r["default_pos"] else \
        [f"not in OpenSSL's DEFAULT list" if layout(r) == "prose" else "no: not among the"]
    vals += ["every level, 0 to 5"] if r["max_level"] == 5 else ["level 0 only", "from level 1 on"] \
        if r["max_level"] == 0 else [f"0 to {r['max_level']}", f"from level {r['max_level'] + 1} on"]
    vals += [group_text(r)]
    vals += r["keywords"] + [x for c in links(r) for x in (by[c]["iana"], by[c]["name"])]
    vals += ["an AEAD suite" if r["aead"] else "not an AEAD suite"] if layout(r) == "prose" else []
    if layout(r) != "prose":
        vals += [cell(b) if layout(r) == "sheet" else b for a, b in rows(r, snap) if a != "Related pages"]
    fm = front(r)
    vals += [str(v) for k, v in fm.items() if not isinstance(v, (bool, list))]
    vals += [str(x) for v in fm.values() if isinstance(v, list) for x in v]
    return vals


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.frontmatter import normalize_metadata
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = records(snap)
    by = {r["iana"]: r for r in recs}
    pid = {r["id"]: r for r in recs}
    reg = reg_by(snap)
    every = everyone(snap)
    kws = every_keyword(snap)
    sp = split_pages(recs)
    sr = split_rows(snap, sp)
    cond = conditions(recs, snap)
    t = tables(snap)
    results: list[tuple[str, list[str]]] = []
    # 1. snapshot -> files
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*") if p.is_file()}
    bad = [f"{k}: differs or missing" for k in pages if on_disk.get(k) != pages[k]]
    bad += [f"{k}: not rendered from the snapshot" for k in on_disk if k not in pages]
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages) - 1} pages and keywords.csv)", bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    # 2. the stored runs (and this machine's man page, only where it is the same file)
    bad = [f"{x}: read twice" for x, c in Counter(READ).items() if c > 1]
    rows_all = t["rows"]
    if len(rows_all) != len(snap["all"]["stdout"]) or snap["all"]["rc"] != 0:
        bad.append("the full listing does not parse line by line")
    for f in ("code", "iana", "name"):
        bad += [f"{f} {v} twice in the full listing" for v, c in Counter(r[f] for r in rows_all).items() if c > 1]
    bad += [f"{s}: not in the full listing" for s in READ if s not in t["by_iana"]]
    dflt = parse_v(snap["default"]["stdout"])
    bad += [f"DEFAULT {x['iana']}: not as in the full listing" for x in dflt if t["by_iana"].get(x["iana"]) != x]
    bad += [] if t["levels"][0] == set(t["by_iana"]) else ["level 0 does not list every suite"]
    bad += [f"level {n + 1} lists a suite level {n} does not" for n in range(5) if not t["levels"][n + 1] <= t["levels"][n]]
    bad += [] if set(t["default"]) <= t["levels"][2] else ["a DEFAULT suite is not listed at level 2"]
    names = [k for it in t["items"] for k in it["names"]]
    bad += [] if names == list(snap["keywords"]) else ["the keyword runs are not the man page's keywords"]
    bad += [f"{k}: a TLS 1.3 suite selected" for k, xs in t["kw"].items() if any(t["by_iana"][x]["proto"] == "TLSv1.3" for x in xs)]
    bad += [f"{k}: run failed otherwise than with no cipher match" for k, run in snap["keywords"].items()
            if run["rc"] != 0 and (run["stdout"] or "no cipher match" not in " ".join(run["stderr"]))]
    bad += [f"{k}: a run that selects suites reports an error" for k, run in snap["keywords"].items()
            if run["rc"] == 0 and (run["stderr"] or len(run["stdout"]) != 1)]
    bad += [f"{s}: no RFC" for s in READ if rfc_of(t["by_iana"][s]["code"]) is None]
    spans = sorted((lo, hi) for lo, hi, _ in RFC_RANGES)
    bad += [f"RFC ranges overlap at {a}" for a, b in zip(spans, spans[1:]) if b[0] <= a[1]]
    bad += [f"{m}: ABSENT but catalogued or not read" for m in absent_suites() if m in by or m not in READ]
    bad += [] if [r["iana"] for r in recs] == catalogued() else ["records are not READ less ABSENT"]
    bad += [f"{r['iana']}: record differs when computed again" for r in recs if make_record(r["iana"], snap) != r]
    here = "the snapshot alone"
    try:
        f = Path(snap["man_page"]["file"])
        if f.is_file() and hashlib.sha256(f.read_bytes()).hexdigest() == snap["man_page"]["sha256"]:
            here = "the man page read again here"
            if man_section(f.read_bytes()) != snap["man_page"]["section"]:
                bad.append("the man page section read again differs from the snapshot")
    except Exception as e:  # noqa: BLE001
        bad.append(f"reading the man page again: {e}")
    results.append((f"the snapshot holds {len(rows_all)} suites, each once; the {len(READ)} read among them; "
                    f"DEFAULT ({len(dflt)}) as in the full listing; security levels nested; one run per man page "
                    f"keyword ({len(names)}), none selecting a TLS 1.3 suite; an RFC for every suite read; records "
                    f"are READ less ABSENT ({here}; no openssl command run)", bad))
    # 3. the corpus
    found_c, problems = scan_corpus(CORPUS)
    docs, load_bad = {}, []
    for f in found_c:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    bad = [str(p) for p in problems] + load_bad
    want_ids = set(pid) | {f"keywords#{k}" for k in reg}
    bad += [] if set(docs) == want_ids else [f"document ids {sorted(set(docs) ^ want_ids)[:5]} are not the pages and rows"]
    bad += [i for i, r in pid.items() if i in docs and (docs[i].title != title(r)
                                                         or docs[i].metadata != normalize_metadata(front(r)))]
    bad += [k for k, x in reg.items() if f"keywords#{k}" in docs and docs[f"keywords#{k}"].title != x["title"]]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents ({len(pid)} pages titled "
                    f"\"<IANA name> (<code point>)\" with their front matter, {len(reg)} keyword rows)", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: x.lower() for i, x in full.items()}
    ftoks = {i: answer_tokens(x) for i, x in full.items()}
    assign_layouts(recs)
    bad = []
    for i, r in pid.items():
        bad += [f"{i}: {v!r} not in the body" for v in page_values(r, snap) if v.lower() not in low[i]]
        golds = [g for k in SINGLE if SINGLE[k][1] and SINGLE[k][2](r) for g in SINGLE[k][1](r)]
        golds += [g for k in HOP_FIELD for g in (hop_golds(r, k) or [])] + (ident(r, snap) or [r["iana"]])
        golds += [g for c in links(r) for g in (ident(by[c], snap) or [])]
        bad += [f"{i}: gold form {g!r} not in the page tokens" for g in golds
                if not contains_tokens(ftoks[i], answer_tokens(g))]
    for k, x in reg.items():
        bad += [f"keywords#{k}: {c} {x[c]!r} not in the row" for c in REG_COLUMNS[1:]
                if x[c] is not None and str(x[c]).lower() not in low[f"keywords#{k}"]]
    results.append(("every field of a record (and of its front matter) is stated in its page body, every gold form "
                    "as tokens; every register column in its row", bad))
    lay = Counter(layout(r) for r in recs)
    results.append((f"three layouts {dict(lay)}", [] if len(lay) == 3 and min(lay.values()) >= len(recs) // 3 - 1 else ["uneven"]))
    # 4. the QA files
    items, rows_, bad = {}, {}, []
    for s in ("dev", "test"):
        try:
            rows_[s] = [json.loads(x) for x in (OUT / f"{s}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
            items[s] = load_qa(OUT / f"{s}.jsonl", corpus_ids=set(docs))
        except Exception as e:  # noqa: BLE001
            bad.append(f"{s}: {e}")
    results.append(("every line parses and load_qa reads both splits with the corpus ids", bad))
    if bad:
        return report(results)
    idb, gold_in, gold_ok, cmpw, abst = [], [], [], [], []
    ids = Counter(it.id for s in items for it in items[s])
    idb += [f"{i} twice" for i, c in ids.items() if c > 1]
    cat_vals = catalogue_values(recs)
    for s in items:
        row_of = {r["id"]: r for r in rows_[s]}
        for it in items[s]:
            q = row_of[it.id]
            if not re.fullmatch(rf"c29-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or it.meta.get("kind") == "filter-among"):
                idb.append(f"{it.id}: options")
            if it.type == "multi_hop" and len(set(it.evidence)) != 2:
                idb.append(f"{it.id}: a chain needs two documents")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("5", "TLSv1.2", "0xC0,0x2C", unanswerable_pattern(q, snap)[1]):
                    if is_correct(it, made_up, False):
                        abst.append(f"{it.id}: {made_up!r} scores correct")
                continue
            if is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores correct on an answerable item")
            g0 = it.answers[0]
            last = it.evidence[-1]
            holds = [last] if it.type == "multi_hop" else it.evidence  # a chain ends where its answer is
            for g in it.answers:
                if not any(contains_tokens(ftoks[e], answer_tokens(g)) for e in holds):
                    gold_in.append(f"{it.id}: {g!r} not in the evidence tokens")
                if not is_correct(it, g, False) or not is_correct(it, f"The answer is {g}.", False):
                    gold_ok.append(f"{it.id}: {g!r}")
                if g.strip().lower() in ("none", "yes", "no", "true", "false", "nothing", "n/a", "0"):
                    gold_ok.append(f"{it.id}: bare {g!r}")
            if not any(g0.lower() in low[e] for e in holds):
                gold_in.append(f"{it.id}: {g0!r} not in the evidence text")
            if not it.options:
                gold_ok += [f"{it.id}: {g!r} is given away by the question" for g in it.answers
                            if contains_tokens(answer_tokens(it.question), answer_tokens(g))]
            gold_ok += [f"{it.id}: {x!r} scores correct" for x in CITES if is_correct(it, x, False)]
            if g0.isdigit() and is_correct(it, str(int(g0) + 1), False):
                gold_ok.append(f"{it.id}: near miss scores correct")
            k = q["kind"]
            golds_tok = [answer_tokens(g) for g in it.answers]
            if it.type in ("single_hop", "multi_hop"):
                if last.startswith("keywords#"):
                    oth = reg_numbers(snap, last.split("#")[1]) | {str(kw_count(snap, o)) for o in kws}
                else:
                    oth = others_of(pid[last], recs, snap) | cat_vals
                gold_ok += [f"{it.id}: the other value {x!r} scores correct" for x in sorted(confusable(it.answers, oth))
                            if answer_tokens(x) not in golds_tok and is_correct(it, x, False)]
            if k.startswith("hop-"):
                first = it.evidence[0]
                own = hop_own(pid[first] if first in pid else None, q["field"], first) + [q["ref"]]
                gold_ok += [f"{it.id}: the first document's {g!r} scores correct" for g in own
                            if answer_tokens(g) not in golds_tok and is_correct(it, g, False)]
            if it.options:
                if g0 not in it.options:
                    cmpw.append(f"{it.id}: gold not an option")
                if it.options[-1] in it.answers and k == "filter-among":
                    cmpw.append(f"{it.id}: gold listed last")
                for w in (o for o in it.options if o != g0):
                    for x in (w, f"{w} does.", f"The answer is {w}.", f"{g0} or {w}", f"{w} or {g0}", f"{g0} and {w}."):
                        if is_correct(it, x, False):
                            cmpw.append(f"{it.id}: {x!r} scores correct")
                if is_correct(it, and_list(it.options), False):
                    cmpw.append(f"{it.id}: listing every option scores correct")
            if it.type in ("reverse", "filter") or k == "counterpart":
                pool = kws if k == "rev-keyword" else every
                cmpw += [f"{it.id}: {o} scores correct" for o in pool
                         if answer_tokens(o) not in golds_tok and is_correct(it, o, False)]
    results += [("ids c29-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables, two on chains), "
                 "options where due", idb),
                ("every gold occurs in its last evidence document as accuracy tokens, the first also as text", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question; no bare yes/no/none/0 "
                 "gold; a sentence citing the source, number + 1, the page's (row's) other numbers and texts, the "
                 "catalogue's names, code points, decimals, protocols, Kx, Au, Enc and Mac values and (chains) the "
                 "first document's names and values score wrong", gold_ok),
                (f"wrong options, hedges and every other suite name score wrong (reverse, filter, counterpart: all "
                 f"{len(every)} IANA and OpenSSL names; keyword reverse: all {len(kws)} keywords); filter-among gold "
                 f"never last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 5. facts against the snapshot
    fct = []
    for s in rows_:
        for q in rows_[s]:
            k = q["kind"]
            if k in SINGLE:
                r = pid[q["evidence"][0]]
                g = ident(by[r["counterpart"]], snap) if k == "counterpart" and r["counterpart"] else \
                    (SINGLE[k][1](r) if SINGLE[k][1] else None)
                if not SINGLE[k][2](r) or g != q["answers"] or q["question"] != single_question(r, k, q["ref"]):
                    fct.append(f"{q['id']}: gold differs from the snapshot")
            elif k in REG:
                kw = q["keyword"]
                if q["evidence"] != [f"keywords#{kw}"] or REG[k][1](snap, kw) != q["answers"] or \
                        not REG[k][2](snap, kw) or q["question"] != REG[k][0].format(k=kw):
                    fct.append(f"{q['id']}: keyword gold differs from the snapshot")
            elif k.startswith("hop-"):
                via, tg = k[4:], by[q["target"]]
                ok = q["evidence"][-1] == tg["id"] and q["ref"] in q["question"] and \
                    hop_golds(tg, q["field"]) == q["answers"]
                if via == "counterpart":
                    ok = ok and by[q["via"]]["counterpart"] == tg["iana"] and q["evidence"][0] == by[q["via"]]["id"]
                elif via == "variant":
                    ok = ok and by[q["via"]]["variants"] == [tg["iana"]] and q["evidence"][0] == by[q["via"]]["id"]
                else:
                    ok = ok and unique_one(snap, q["via"]) == tg["iana"] and q["evidence"][0] == f"keywords#{q['via']}" \
                        and tg["name"] in reg[q["via"]]["catalogued_suites"]
                if not ok:
                    fct.append(f"{q['id']}: the chain does not reach its target")
            elif q["type"] == "reverse":
                v = q["value"]
                if k == "rev-keyword":
                    kw = q["evidence"][0].split("#")[1]
                    ok = keyword_desc(snap, kw) == v and q["answers"] == [kw]
                else:
                    r = pid[q["evidence"][0]]
                    ok = rev_cue(r, k) == v and rev_unique(r, k, snap) and \
                        q["answers"] == ([r["iana"]] if k == "rev-openssl" else ident(r, snap))
                if not ok or v not in q["question"]:
                    fct.append(f"{q['id']}: the cue does not single out its answer")
            elif q["type"] == "comparison":
                _, fn, pick = CMP[k]
                a, b = q["candidates"]
                fa, fb = fn(by[a]), fn(by[b])
                na, nb = cmp_names(by[a], by[b], k)
                win = na if pick(fa, fb) == fa else nb
                if not cmp_valid(k, by[a], by[b]) or q["target"] != win or q["options"] != [na, nb] or \
                        q["answers"] != [win]:
                    fct.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                hit = [x["iana"] for x in recs if all(cond[c][0](x) == v for c, v in q["where"].items())]
                each = [sum(cond[c][0](x) == v for x in recs) for c, v in q["where"].items()]
                if hit != q["candidates"] or q["answers"] != ident(by[hit[0]], snap) or min(each) < 2:
                    fct.append(f"{q['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = q["where"].items()
                if [x for x in q["candidates"] if cond[c][0](by[x]) == v] != q["answers"] or \
                        q["options"] != q["candidates"]:
                    fct.append(f"{q['id']}: filter-among")
    results.append(("facts agree with snapshot.json (values, chains, unique cues, winners, filters)", fct))
    # 6. split separation, unanswerables

    def pages_of(s):
        out, rws = set(), set()
        for q in rows_[s]:
            for e in q["evidence"]:
                if e in pid:
                    out.add(pid[e]["iana"])
                else:
                    rws.add(e.split("#")[1])
            out |= set(q.get("candidates", []))
            out |= {q[k] for k in ("target", "via", "suite") if q.get(k) in by}
            if q["kind"] == "counterpart":
                out.add(pid[q["evidence"][0]]["counterpart"])
        return out, rws

    sep = []
    (pd, rd), (pt, rt) = pages_of("dev"), pages_of("test")
    sep += [f"{p} asked in both splits" for p in (pd & pt) | (rd & rt)]
    for s, (ps, rs) in (("dev", (pd, rd)), ("test", (pt, rt))):
        sep += [f"{s}: {p} is a page of the other split" for p in ps if sp[p] != s]
        sep += [f"{s}: keyword row {k} is of the other split" for k in rs if sr[k] != s]
    sep += [f"{r['iana']} ({sp[r['iana']]}) is tied to {x} ({sp[x]})" for r in recs for x in links(r)
            if sp[x] != sp[r["iana"]]]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    for s in rows_:
        qn = Counter(" ".join(answer_tokens(it.question)) for it in items[s])
        sep += [f"{s}: {x!r} twice" for x, c in qn.items() if c > 1]
    ab = {s: {q.get("suite") for q in rows_[s] if q["kind"] == "absent-suite"} for s in rows_}
    sep += sorted(ab["dev"] & ab["test"])
    sep += [f"{s}: absent suite {m} not of this split" for s in rows_ for m in ab[s] if m not in ABSENT[s]]
    for s in rows_:
        asked = Counter()
        for q in rows_[s]:
            k = q["kind"]
            if k in SINGLE:
                asked[(q["evidence"][0], SINGLE[k][4])] += 1
            if k in REG:
                asked[(q["keyword"], "register")] += 1
            if k.startswith("hop-"):
                asked[(q["target"], q["field"])] += 1
                asked[("start", q["via"])] += 1
                asked[("end", q["target"])] += 1
            if q["type"] == "reverse":
                asked[(q["evidence"][0], "reverse")] += 1
        sep += [f"{s}: {k} asked {c} times" for k, c in asked.items() if c > 1]
    n_dev = sum(v == "dev" for v in sp.values())
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by link group (a counterpart with the other key "
                    "length, a MAC variant), keyword rows with the suites they name: no link crosses the splits, no "
                    "question uses a page or row of the other split, no page asked about in both splits, a fact "
                    "asked once per split, no absent suite in both, no question repeated", sep))
    un = []
    texts = dict(on_disk)
    for m in absent_suites():
        for pat in absent_patterns(m, snap):
            hits = [p for p, x in texts.items() if re.search(pat, x, re.I)]
            if hits:
                un.append(f"ABSENT {m} {pat!r}: on {hits[:3]}")
    for s in rows_:
        for q in rows_[s]:
            if q["type"] != "unanswerable":
                continue
            m = q.get("suite")
            if q["kind"] == "absent-suite" and (m not in ABSENT[s] or m not in q["question"]):
                un.append(f"{q['id']}: absent suite")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or m not in by
                                                or refs(by[m])[q["ref"]] not in q["question"]):
                un.append(f"{q['id']}: absent field")
            pat, made_up = unanswerable_pattern(q, snap)
            if not re.search(pat, made_up, re.I):
                un.append(f"{q['id']}: the pattern misses its own made-up answer")
            hits = [p for p, x in texts.items() if re.search(pat, x, re.I)]
            if hits:
                un.append(f"{q['id']}: pattern {pat!r} matches {hits[:3]}")
    for f, (_, pat, made_up) in ABSENT_FIELDS.items():
        if not re.search(pat, made_up, re.I) or any(re.search(pat, x, re.I) for x in texts.values()):
            un.append(f"ABSENT_FIELDS {f}: pattern dead or on a page")
    results.append(("unanswerables: each pattern matches its made-up answer and no corpus file (left-out suites: "
                    "IANA and OpenSSL names, code point as 0xC0,0x2C and 0xc02c, decimal value on no page or row)", un))
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
