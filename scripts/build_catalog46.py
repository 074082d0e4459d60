"""Build the catalog46 evaluation corpus: special-purpose IP networks, as this machine's Python 3.11 ipaddress sees them.

    PYTHONPATH=src python scripts/build_catalog46.py snapshot [--force]  # read ipaddress -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog46.py build [--force]     # snapshot.json -> corpus/, questions
    PYTHONPATH=src python scripts/build_catalog46.py check               # snapshot only, no model; PASS/FAIL

`snapshot` reads, on this machine, for every network of NETS (and ABSENT) what Python 3.11's `ipaddress` says:
`ip_network(cidr)` with its version, prefix length, netmask, hostmask, number of addresses, first and last
address (as text and as integers), the exploded form, `supernet()`, the reverse pointer of its first address and
its eight `is_*` properties; for the sample address of each network (NETS' third column): `ip_address(sample)` as
integer, packed bytes, exploded form, reverse pointer, its `is_*` properties and, for IPv6, `ipv4_mapped`,
`sixtofour` and `teredo`; and the module's own tables (`_IPv4Constants`, `_IPv6Constants`: the private, reserved,
link-local, loopback, multicast, site-local and shared-address networks its properties test against).
`build` renders one page per catalogued network (NETS less ABSENT) as `<band>/<slug>.md` in one of three layouts
(bullets, table, prose), the register `addresses.csv` (one row per sample address of a page), and dev.jsonl /
test.jsonl (seed SEED). `check` reads only snapshot.json and the files (no ipaddress import).
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
OUT = ROOT / "evalsets" / "catalog46"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
sys.path.insert(0, str(ROOT / "src"))  # ragtune's tokens (questions) and loaders (check)
SEED = 46
PREFIX = "c46"
# (network, what it is for: the name IANA's special-purpose, multicast or IPv6 address-space registry gives the
# block, written here by hand since Python names none of them; a sample address inside it, hand-picked)
NETS = [
    # IPv4, first octet 0-127 (the old class A)
    ("0.0.0.0/0", "Default route (the whole IPv4 address space)", "8.8.8.8"),
    ("0.0.0.0/8", "This network", "0.1.2.3"),
    ("0.0.0.0/32", "This host on this network", "0.0.0.0"),
    ("10.0.0.0/8", "Private-Use", "10.0.0.1"),
    ("100.64.0.0/10", "Shared Address Space", "100.64.0.1"),
    ("127.0.0.0/8", "Loopback", "127.0.0.53"),
    # 128-191 (class B)
    ("169.254.0.0/16", "Link Local", "169.254.169.254"),
    ("172.16.0.0/12", "Private-Use", "172.20.10.1"),
    # 192-223 (class C)
    ("192.0.0.0/24", "IETF Protocol Assignments", "192.0.0.100"),
    ("192.0.0.0/29", "IPv4 Service Continuity Prefix", "192.0.0.1"),
    ("192.0.0.8/32", "IPv4 dummy address", "192.0.0.8"),
    ("192.0.0.9/32", "Port Control Protocol Anycast", "192.0.0.9"),
    ("192.0.0.10/32", "Traversal Using Relays around NAT Anycast", "192.0.0.10"),
    ("192.0.0.170/31", "NAT64/DNS64 Discovery", "192.0.0.171"),
    ("192.0.2.0/24", "Documentation (TEST-NET-1)", "192.0.2.1"),
    ("192.52.193.0/24", "AMT", "192.52.193.1"),
    ("192.88.99.0/24", "Deprecated (6to4 Relay Anycast)", "192.88.99.1"),
    ("192.168.0.0/16", "Private-Use", "192.168.1.1"),
    ("198.18.0.0/15", "Benchmarking", "198.18.0.1"),
    ("198.51.100.0/24", "Documentation (TEST-NET-2)", "198.51.100.7"),
    ("203.0.113.0/24", "Documentation (TEST-NET-3)", "203.0.113.5"),
    # 224-239 (class D, multicast)
    ("224.0.0.0/4", "IPv4 multicast (the former class D)", "230.1.2.3"),
    ("224.0.0.0/24", "Local Network Control Block", "224.0.0.13"),
    ("224.0.0.1/32", "All Systems on this Subnet", "224.0.0.1"),
    ("224.0.0.2/32", "All Routers on this Subnet", "224.0.0.2"),
    ("224.0.0.5/32", "OSPFIGP All Routers", "224.0.0.5"),
    ("224.0.0.9/32", "RIP2 Routers", "224.0.0.9"),
    ("224.0.0.18/32", "VRRP", "224.0.0.18"),
    ("224.0.0.251/32", "mDNS", "224.0.0.251"),
    ("224.0.1.0/24", "Internetwork Control Block", "224.0.1.60"),
    ("224.0.1.1/32", "NTP Network Time Protocol", "224.0.1.1"),
    ("232.0.0.0/8", "Source-Specific Multicast Block", "232.1.1.1"),
    ("233.252.0.0/24", "MCAST-TEST-NET", "233.252.0.9"),
    ("239.0.0.0/8", "Administratively Scoped Block", "239.1.2.3"),
    ("239.255.255.250/32", "SSDP", "239.255.255.250"),
    # 240-255 (class E)
    ("240.0.0.0/4", "Reserved (the former class E)", "240.0.0.1"),
    ("255.255.255.255/32", "Limited Broadcast", "255.255.255.255"),
    # IPv6, first 16 bits 0000-1fff
    ("::/0", "Default route (the whole IPv6 address space)", "2606:4700::1111"),
    ("::/8", "Reserved by IETF", "0:0:1::1"),
    ("::/96", "IPv4-compatible IPv6 addresses (deprecated)", "::c000:221"),
    ("::/128", "Unspecified Address", "::"),
    ("::1/128", "Loopback Address", "::1"),
    ("::ffff:0:0/96", "IPv4-mapped Address", "::ffff:c000:280"),
    ("64:ff9b::/96", "IPv4-IPv6 Translation (well-known prefix)", "64:ff9b::c000:221"),
    ("64:ff9b:1::/48", "IPv4-IPv6 Translation (local-use prefix)", "64:ff9b:1::a00:1"),
    ("100::/8", "Reserved by IETF", "180::1"),
    ("100::/64", "Discard-Only Address Block", "100::1"),
    # 2000-3fff
    ("2000::/3", "Global Unicast", "2600::1"),
    ("2001::/23", "IETF Protocol Assignments", "2001:100::1"),
    ("2001::/32", "TEREDO", "2001:0:4136:e378:8000:63bf:3fff:fdd2"),
    ("2001:1::1/128", "Port Control Protocol Anycast", "2001:1::1"),
    ("2001:1::2/128", "Traversal Using Relays around NAT Anycast", "2001:1::2"),
    ("2001:2::/48", "Benchmarking", "2001:2::10"),
    ("2001:3::/32", "AMT", "2001:3::1"),
    ("2001:10::/28", "Deprecated (previously ORCHID)", "2001:10::1"),
    ("2001:20::/28", "ORCHIDv2", "2001:20::1"),
    ("2001:30::/28", "Drone Remote ID Protocol Entity Tags (DETs) Prefix", "2001:30::1"),
    ("2001:db8::/32", "Documentation", "2001:db8::1"),
    ("2002::/16", "6to4", "2002:c000:204::1"),
    ("3fff::/20", "Documentation (the newer, larger prefix)", "3fff::1"),
    # 4000-fdff
    ("4000::/3", "Reserved by IETF", "4000::1"),
    ("5f00::/16", "Segment Routing (SRv6) SIDs", "5f00::1"),
    ("e000::/4", "Reserved by IETF", "e000::1"),
    ("fc00::/7", "Unique-Local", "fd12:3456:789a::1"),
    # fe00-feff
    ("fe00::/9", "Reserved by IETF", "fe00::1"),
    ("fe80::/10", "Link-Local Unicast", "fe80::1"),
    ("fec0::/10", "Site-local unicast (deprecated)", "fec0::1"),
    # ff00-ffff (multicast)
    ("ff00::/8", "IPv6 multicast", "ff08::1"),
    ("ff01::/16", "Multicast, interface-local scope (permanent)", "ff01::1"),
    ("ff02::/16", "Multicast, link-local scope (permanent)", "ff02::16"),
    ("ff05::/16", "Multicast, site-local scope (permanent)", "ff05::2"),
    ("ff0e::/16", "Multicast, global scope (permanent)", "ff0e::101"),
    ("ff02::1/128", "All Nodes Address (link-local scope)", "ff02::1"),
    ("ff02::2/128", "All Routers Address (link-local scope)", "ff02::2"),
    ("ff02::fb/128", "mDNSv6", "ff02::fb"),
    ("ff02::1:ff00:0/104", "Solicited-Node Address", "ff02::1:ff12:3456"),
]  # fmt: skip
ABSENT = {"dev": ["198.51.100.0/24", "2001:3::/32", "ff02::fb/128"],
          "test": ["192.52.193.0/24", "224.0.0.18/32", "fec0::/10"]}
ABSENT_Q = {
    "198.51.100.0/24": ["What is the last address of 198.51.100.0/24?",
                        "Does Python's ipaddress count 198.51.100.0/24 (TEST-NET-2) as private?"],
    "2001:3::/32": ["How many addresses does the AMT block 2001:3::/32 hold?"],
    "ff02::fb/128": ["Which is_* flags does ipaddress set for ff02::fb, the mDNSv6 group?",
                     "What's the reverse pointer name of ff02::fb?"],
    "192.52.193.0/24": ["What netmask does 192.52.193.0/24 have?",
                        "Is 192.52.193.0/24, the IPv4 AMT block, global according to ipaddress?"],
    "224.0.0.18/32": ["What is 224.0.0.18 used for?",
                      "What is the reverse pointer name of 224.0.0.18?"],
    "fec0::/10": ["What is the last address in fec0::/10?",
                  "Which supernet does Python give for the old site-local block fec0::/10?"],
}  # fmt: skip
ABSENT_FIELDS = {
    "year": ("In which year was {c} set aside?", r"(?<![\w:.-])(?:19[5-9]\d|20[0-2]\d)(?![\w:-]|\.\w)"),
    "rfc": ("Which RFC defines {c}?", r"\brfc\s?-?\d+|request for comments"),
    "rir": ("Which regional internet registry hands out addresses in {c}?",
            r"\b(?:arin|ripe|apnic|lacnic|afrinic|whois)\b|regional internet registr"),
    "country": ("Which country are the addresses of {c} located in?", r"\bcountr(?:y|ies)\b|geolocat|united states"),
    "owner": ("Which organisation owns {c}?", r"\borgani[sz]ations?\b|\bowne[rd]\b|\bISP\b|\binc\b\.?|\bltd\b"),
}
MADE_UP = {"year": "{c} was set aside in 1996.", "rfc": "RFC 6890 defines {c}.",
           "rir": "ARIN hands out the addresses of {c}.", "country": "The addresses of {c} are in the United States.",
           "owner": "{c} is owned by Example Networks Inc."}
WANT = {"dev": {"single_hop": 15, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 5},
        "test": {"single_hop": 22, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 9, "multi_hop": 8}}
ABSENT_N = {"dev": 4, "test": 6}
YESNO = {"dev": 2, "test": 4}
AMONG = {"dev": 2, "test": 3}
MAX_USE = 3
LAYOUTS = ("bullets", "table", "prose")
FLAGS4 = ["is_private", "is_global", "is_reserved", "is_multicast", "is_loopback", "is_link_local", "is_unspecified"]
FLAGS6 = FLAGS4 + ["is_site_local"]
BANDS4 = ((0, 127, "ipv4-class-a"), (128, 191, "ipv4-class-b"), (192, 223, "ipv4-class-c"),
          (224, 239, "ipv4-class-d"), (240, 255, "ipv4-class-e"))
BANDS6 = ((0x0000, 0x1FFF, "ipv6-0000-1fff"), (0x2000, 0x3FFF, "ipv6-2000-3fff"), (0x4000, 0xFDFF, "ipv6-4000-fdff"),
          (0xFE00, 0xFEFF, "ipv6-fe00-feff"), (0xFF00, 0xFFFF, "ipv6-ff00-ffff"))
BAND_TEXT = {"ipv4-class-a": "IPv4, first octet 0 to 127 (the old class A)",
             "ipv4-class-b": "IPv4, first octet 128 to 191 (the old class B)",
             "ipv4-class-c": "IPv4, first octet 192 to 223 (the old class C)",
             "ipv4-class-d": "IPv4, first octet 224 to 239 (the old class D)",
             "ipv4-class-e": "IPv4, first octet 240 to 255 (the old class E)",
             "ipv6-0000-1fff": "IPv6, first 16 bits 0000 to 1fff", "ipv6-2000-3fff": "IPv6, first 16 bits 2000 to 3fff",
             "ipv6-4000-fdff": "IPv6, first 16 bits 4000 to fdff", "ipv6-fe00-feff": "IPv6, first 16 bits fe00 to feff",
             "ipv6-ff00-ffff": "IPv6, first 16 bits ff00 to ffff"}
ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
YESNO_WORD = re.compile(r"\b(?:yes|no)\b", re.I)

# ------------------------------------------------------------------ snapshot


def scan() -> dict:
    import ipaddress as ipa
    import platform

    def flags(x) -> dict:
        return {f: bool(getattr(x, f)) for f in (FLAGS6 if x.version == 6 else FLAGS4)}

    def netlist(xs) -> list[str]:
        return [str(n) for n in xs]

    c4, c6 = ipa.IPv4Network._constants, ipa.IPv6Network._constants
    nets, addrs = [], {}
    for cidr, label, sample in NETS:
        n = ipa.ip_network(cidr)  # strict: a host bit set raises
        a = ipa.ip_address(sample)
        if str(n) != cidr or str(a) != sample or a not in n:
            raise SystemExit(f"{cidr}: written as {n}, sample {sample} as {a} (inside: {a in n})")
        sup = n.supernet()
        nets.append({
            "cidr": cidr, "label": label, "sample": sample, "version": n.version, "prefixlen": n.prefixlen,
            "netmask": str(n.netmask), "hostmask": str(n.hostmask), "num_addresses": n.num_addresses,
            "network_address": str(n.network_address), "broadcast_address": str(n.broadcast_address),
            "network_int": int(n.network_address), "broadcast_int": int(n.broadcast_address),
            "exploded": n.exploded, "supernet": str(sup),
            "reverse_pointer": n.network_address.reverse_pointer, "flags": flags(n),
        })
        row = {"id": sample, "version": a.version, "network": cidr, "integer": int(a), "packed": a.packed.hex(),
               "exploded": a.exploded, "reverse_pointer": a.reverse_pointer, "flags": flags(a)}
        if a.version == 6:
            row["ipv4_mapped"] = str(a.ipv4_mapped) if a.ipv4_mapped else None
            row["sixtofour"] = str(a.sixtofour) if a.sixtofour else None
            row["teredo"] = [str(x) for x in a.teredo] if a.teredo else None
        if sample in addrs:
            raise SystemExit(f"sample {sample} twice")
        addrs[sample] = row
    consts = {
        "4": {"private_networks": netlist(c4._private_networks), "public_network": str(c4._public_network),
              "reserved_network": str(c4._reserved_network), "multicast_network": str(c4._multicast_network),
              "loopback_network": str(c4._loopback_network), "linklocal_network": str(c4._linklocal_network),
              "unspecified_address": str(c4._unspecified_address)},
        "6": {"private_networks": netlist(c6._private_networks), "reserved_networks": netlist(c6._reserved_networks),
              "multicast_network": str(c6._multicast_network), "linklocal_network": str(c6._linklocal_network),
              "sitelocal_network": str(c6._sitelocal_network)},
    }
    for v, d in consts.items():  # the integer bounds of every table network, for check
        d["bounds"] = {}
        for k, x in list(d.items()):
            for s in ([x] if isinstance(x, str) else x if isinstance(x, list) else []):
                t = ipa.ip_network(s)
                d["bounds"][s] = [int(t.network_address), int(t.broadcast_address)]
    return {"source": "Python's ipaddress module on this machine (ip_network, ip_address and the module's "
                      "_IPv4Constants / _IPv6Constants tables)",
            "python": platform.python_version(), "system": platform.system(), "ipaddress_file": ipa.__file__,
            "constants": consts,
            "examples": {"IPv4Network('0.0.0.0/0').supernet()": str(ipa.ip_network("0.0.0.0/0").supernet()),
                         "IPv4Address('100.64.0.1').is_global": ipa.ip_address("100.64.0.1").is_global,
                         "IPv6Address('::ffff:808:808').is_private": ipa.ip_address("::ffff:808:808").is_private,
                         "IPv6Address('::ffff:a00:1').is_private": ipa.ip_address("::ffff:a00:1").is_private},
            "nets": nets, "addresses": addrs}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"Python {snap['python']}: {len(snap['nets'])} networks, {len(snap['addresses'])} sample addresses")


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ records


def absent_ids() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def slug(cidr: str) -> str:
    """A file name for a network: '198.18.0.0/15' -> '198-18-0-0_15', '2001:db8::/32' -> '2001-db8--0_32'."""
    addr, plen = cidr.split("/")
    if addr.startswith("::"):
        addr = "0" + addr
    if addr.endswith("::"):
        addr += "0"
    return addr.replace(":", "-").replace(".", "-") + "_" + plen


def band_of(n: dict) -> str:
    if n["version"] == 4:
        first = n["network_int"] >> 24
        return next(b for lo, hi, b in BANDS4 if lo <= first <= hi)
    first = n["network_int"] >> 112
    return next(b for lo, hi, b in BANDS6 if lo <= first <= hi)


def table_entries(n: dict, snap: dict, table: str) -> list[str]:
    """The networks of one of ipaddress's tables that hold both the first and the last address of n."""
    c = snap["constants"][str(n["version"])]
    xs = c.get(table) or []
    out = []
    for x in [xs] if isinstance(xs, str) else xs:
        lo, hi = c["bounds"][x]
        if lo <= n["network_int"] and n["broadcast_int"] <= hi:
            out.append(x)
    return out


def record(n: dict, snap: dict) -> dict:
    fl = FLAGS6 if n["version"] == 6 else FLAGS4
    band = band_of(n)
    res_table = "reserved_networks" if n["version"] == 6 else "reserved_network"
    return {"id": n["cidr"], "label": n["label"], "band": band, "doc_id": f"{band}/{slug(n['cidr'])}",
            "version": n["version"], "plen": n["prefixlen"], "netmask": n["netmask"], "hostmask": n["hostmask"],
            "count": n["num_addresses"], "first": n["network_address"], "last": n["broadcast_address"],
            "lo": n["network_int"], "hi": n["broadcast_int"], "exploded": n["exploded"], "supernet": n["supernet"],
            "revptr": n["reverse_pointer"], "flags": n["flags"],
            "true": [f for f in fl if n["flags"][f]], "false": [f for f in fl if not n["flags"][f]],
            "priv": table_entries(n, snap, "private_networks"), "res": table_entries(n, snap, res_table),
            "shared": n["version"] == 4 and not n["flags"]["is_private"] and not n["flags"]["is_global"],
            "sample": n["sample"]}


def all_records(snap: dict) -> dict[str, dict]:
    return {n["cidr"]: record(n, snap) for n in snap["nets"]}


def records(snap: dict) -> list[dict]:
    return [r for k, r in all_records(snap).items() if k not in absent_ids()]


def reg_rows(snap: dict, recs: list[dict]) -> list[dict]:
    out = []
    for r in sorted(recs, key=lambda r: (r["version"], r["lo"], r["plen"])):
        a = snap["addresses"][r["sample"]]
        v6 = a["version"] == 6
        row = {"id": a["id"], "version": f"IPv{a['version']}", "network": r["id"], "integer": a["integer"],
               "packed": a["packed"], "exploded": a["exploded"] if v6 else "",
               "reverse_pointer": a["reverse_pointer"]}
        for f in FLAGS6:
            row[f] = str(a["flags"][f]) if f in a["flags"] else ""
        row["ipv4_mapped"] = (a.get("ipv4_mapped") or "") if v6 else ""
        row["sixtofour"] = (a.get("sixtofour") or "") if v6 else ""
        row["teredo_server"] = a["teredo"][0] if v6 and a.get("teredo") else ""
        row["teredo_client"] = a["teredo"][1] if v6 and a.get("teredo") else ""
        out.append(row)
    return out


def _h(s: str) -> int:
    return int(hashlib.sha256(s.encode()).hexdigest(), 16)


def split_of(k: str) -> str:
    return "dev" if _h(f"catalog46:split{k}") % 8 < 3 else "test"


def layout_of(recs: list[dict]) -> dict[str, str]:
    order = sorted(recs, key=lambda r: _h(f"catalog46:layout{r['id']}"))
    return {r["id"]: LAYOUTS[i % 3] for i, r in enumerate(order)}


# ------------------------------------------------------------------ rendering


def words(n: int) -> str:
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + (f"-{ONES[n % 10]}" if n % 10 else "")
    if n < 1000:
        return f"{ONES[n // 100]} hundred" + (f" and {words(n % 100)}" if n % 100 else "")
    rest = n % 1000
    return f"{words(n // 1000)} thousand" + ("" if not rest else f" and {words(rest)}" if rest < 100 else
                                             f" {words(rest)}")


def words_and(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def big(r: dict) -> bool:
    """An address count too large to write out alone: written as a power of two with the digits after it."""
    return r["count"] > 2 ** 32


def count_text(r: dict, wordy: bool = False) -> str:
    c = r["count"]
    if big(r):
        return f"2^{128 - r['plen']} ({c:,})"
    if wordy and c < 10 ** 6:
        return words(c)
    return f"{c:,}"


def count_golds(r: dict) -> list[str]:
    return [f"2^{128 - r['plen']}", str(r["count"])] if big(r) else [str(r["count"])]


def flags_text(xs: list[str]) -> str:
    return ", ".join(xs) if xs else "none of them"


def priv_text(r: dict) -> str:
    t = "_IPv6Constants" if r["version"] == 6 else "_IPv4Constants"
    if r["priv"]:
        return f"inside its entr{'ies' if len(r['priv']) > 1 else 'y'} {words_and(r['priv'])} ({t}._private_networks)"
    return f"not inside any single entry of {t}._private_networks"


def res_text(r: dict) -> str:
    if r["version"] == 4:
        return ("inside _IPv4Constants._reserved_network, 240.0.0.0/4" if r["res"] else
                "outside _IPv4Constants._reserved_network, 240.0.0.0/4")
    if r["res"]:
        return f"inside its entry {r['res'][0]} (_IPv6Constants._reserved_networks)"
    return "not inside any single entry of _IPv6Constants._reserved_networks"


def supernet_text(r: dict) -> str:
    if r["plen"] == 0:
        return f"{r['supernet']} (a /0 has no shorter prefix, so supernet() gives the network itself)"
    return r["supernet"]


def see_row(r: dict) -> str:
    return f"see addresses.csv row {r['sample']}"


def fields(r: dict) -> list[tuple[str, str]]:
    f = [("Network", r["id"]), ("Listed as", r["label"]), ("IP version", f"IPv{r['version']}"),
         ("Prefix length", str(r["plen"])), ("Netmask", r["netmask"]), ("Host mask", r["hostmask"]),
         ("Addresses", count_text(r)), ("First address", r["first"]), ("Last address", r["last"])]
    if r["version"] == 6:
        f.append(("Exploded", r["exploded"]))
    else:
        f.append(("Reverse pointer of the first address", r["revptr"]))
    f.append(("Supernet (one bit shorter)", supernet_text(r)))
    f.append(("Sample address", see_row(r)))
    f += [("Properties that are True", flags_text(r["true"])), ("Properties that are False", flags_text(r["false"])),
          ("Private-networks table", priv_text(r)), ("Reserved table", res_text(r))]
    if r["shared"]:
        f.append(("Note", "is_global is False although is_private is False: for IPv4 networks, is_global also "
                          "rules out anything inside 100.64.0.0/10"))
    return f


def front(r: dict) -> str:
    return (f"---\nnetwork: \"{r['id']}\"\nversion: {r['version']}\nlisted_as: \"{r['label']}\"\n"
            f"group: \"{r['band']}\"\n---\n\n")


def prose(r: dict) -> str:
    v = _h(f"catalog46:prose{r['id']}") % 3
    n, lab, ver = r["id"], r["label"], f"IPv{r['version']}"
    plen = words(r["plen"]) if v == 1 else str(r["plen"])
    cnt = count_text(r, wordy=v != 0)
    addr_word = "address" if r["count"] == 1 else "addresses"
    s = [[f"{n} is the {ver} network listed here as {lab}.",
          f"Listed as {lab}, {n} is an {ver} block.",
          f"The catalogue lists {n} as {lab}; it is an {ver} network."][v]]
    s.append([f"Its prefix is {plen} bits long, so the netmask is {r['netmask']} and the host mask {r['hostmask']}.",
              f"With {'an' if plen[0] in 'aeiou8' or plen in ('11', '18') else 'a'} {plen}-bit prefix it has the netmask {r['netmask']}; the host mask is {r['hostmask']}.",
              f"The prefix length is {plen}: netmask {r['netmask']}, host mask {r['hostmask']}."][v])
    s.append([f"It holds {cnt} {addr_word}, from {r['first']} to {r['last']}.",
              f"The block runs from {r['first']} up to {r['last']}, {cnt} {addr_word} in all.",
              f"There {'is' if r['count'] == 1 else 'are'} {cnt} {addr_word} in it: the first is {r['first']} and "
              f"the last {r['last']}."][v])
    if r["version"] == 6:
        s.append([f"Written out in full, the network is {r['exploded']}.",
                  f"Its exploded form is {r['exploded']}.",
                  f"Exploded, with every zero shown, it reads {r['exploded']}."][v])
    else:
        s.append([f"The reverse pointer of its first address is {r['revptr']}.",
                  f"For reverse DNS, the first address maps to {r['revptr']}.",
                  f"Python gives {r['revptr']} as the reverse pointer of the first address."][v])
    if r["plen"] == 0:
        s.append(f"supernet() returns {r['supernet']} itself, since a /0 has no shorter prefix.")
    else:
        s.append([f"One bit shorter, its supernet is {r['supernet']}.",
                  f"supernet() gives {r['supernet']}.",
                  f"Its supernet, one prefix bit shorter, is {r['supernet']}."][v])
    s.append([f"A sample address is in the register ({see_row(r)}).",
              f"For a sample address, {see_row(r)}.",
              f"Sample address: {see_row(r)}."][v])
    p1 = " ".join(s)
    o = []
    t, f = r["true"], r["false"]
    if len(t) > 1:
        o.append([f"Python's ipaddress reports these properties as True: {words_and(t)}.",
                  f"The properties that come out True in ipaddress are {words_and(t)}.",
                  f"True in ipaddress: {', '.join(t)}."][v])
    elif t:
        o.append([f"Python's ipaddress reports one property as True: {t[0]}.",
                  f"The one property that comes out True in ipaddress is {t[0]}.",
                  f"True in ipaddress: {t[0]} alone."][v])
    else:
        o.append("Python's ipaddress reports none of its properties as True for it.")
    o.append([f"These are False: {words_and(f)}.", f"False are {words_and(f)}.",
              f"The rest are False ({', '.join(f)})."][v])
    tab = "_IPv6Constants" if r["version"] == 6 else "_IPv4Constants"
    if len(r["priv"]) > 1:
        o.append([f"In {tab}._private_networks it falls inside the entries {words_and(r['priv'])}.",
                  f"The private-networks table of ipaddress holds it inside its entries {words_and(r['priv'])}.",
                  f"Of {tab}._private_networks, the entries {words_and(r['priv'])} each hold all of it."][v])
    elif r["priv"]:
        o.append([f"In {tab}._private_networks it falls inside the entry {r['priv'][0]}.",
                  f"The private-networks table of ipaddress holds it inside its entry {r['priv'][0]}.",
                  f"Of {tab}._private_networks, the entry {r['priv'][0]} holds all of it."][v])
    else:
        o.append([f"It is not inside any single entry of {tab}._private_networks.",
                  f"Not one entry of the private-networks table ({tab}._private_networks) holds all of it.",
                  f"The private-networks table ({tab}._private_networks) has not a single entry that holds all "
                  f"of it."][v])
    if r["version"] == 4:
        o.append("It lies inside _IPv4Constants._reserved_network, 240.0.0.0/4." if r["res"] else
                 "It lies outside _IPv4Constants._reserved_network, 240.0.0.0/4.")
    elif r["res"]:
        o.append(f"It lies inside {r['res'][0]}, an entry of _IPv6Constants._reserved_networks.")
    else:
        o.append("It lies inside none of the entries of _IPv6Constants._reserved_networks.")
    if r["shared"]:
        o.append("is_global is False even though is_private is False, because for IPv4 networks is_global also "
                 "rules out anything inside 100.64.0.0/10.")
    return p1 + "\n\n" + " ".join(o) + "\n"


def render(r: dict, lay: str, snap: dict) -> str:
    f = fields(r)
    head = front(r) + f"# {r['id']}: {r['label']}\n\n"
    if lay == "table":
        body = "| Field | Value |\n|---|---|\n" + "".join(f"| {a} | {b} |\n" for a, b in f)
    elif lay == "bullets":
        secs = [("The network", f[:12]), ("Python's ipaddress properties", f[12:])]
        body = "\n".join(f"## {t}\n\n" + "".join(f"- {a}: {b}\n" for a, b in xs) for t, xs in secs)
    else:
        body = prose(r)
    return head + body + "\n" + (f"Source: Python {snap['python']}'s ipaddress module (ip_network, ip_address), on "
                                 f"this machine.") + "\n"


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
    pages["addresses.csv"] = csv_text(reg_rows(snap, recs))
    return pages


# ------------------------------------------------------------------ questions

LABEL_ALTS = {  # shorter golds for a label: each a run of the label's own words
    "Default route (the whole IPv4 address space)": ["default route", "whole IPv4 address space"],
    "Default route (the whole IPv6 address space)": ["default route", "whole IPv6 address space"],
    "Documentation (TEST-NET-1)": ["TEST-NET-1"], "Documentation (TEST-NET-2)": ["TEST-NET-2"],
    "Documentation (TEST-NET-3)": ["TEST-NET-3"], "Deprecated (6to4 Relay Anycast)": ["6to4 Relay Anycast"],
    "IPv4 multicast (the former class D)": ["IPv4 multicast", "multicast", "class D"],
    "Reserved (the former class E)": ["Reserved", "class E"],
    "IPv4-compatible IPv6 addresses (deprecated)": ["IPv4-compatible IPv6 addresses"],
    "Documentation (the newer, larger prefix)": ["Documentation"],
    "Site-local unicast (deprecated)": ["Site-local unicast"],
    "Deprecated (previously ORCHID)": ["previously ORCHID", "ORCHID"],
    "All Nodes Address (link-local scope)": ["All Nodes Address", "All Nodes"],
    "All Routers Address (link-local scope)": ["All Routers Address", "All Routers"],
    "Multicast, interface-local scope (permanent)": ["interface-local scope"],
    "Multicast, link-local scope (permanent)": ["link-local scope"],
    "Multicast, site-local scope (permanent)": ["site-local scope"],
    "Multicast, global scope (permanent)": ["global scope"],
    "Drone Remote ID Protocol Entity Tags (DETs) Prefix": ["DETs", "Drone Remote ID Protocol Entity Tags"],
    "Segment Routing (SRv6) SIDs": ["SRv6 SIDs", "Segment Routing"],
    "NTP Network Time Protocol": ["NTP", "Network Time Protocol"],
    "IPv6 multicast": ["multicast"],
}
BAND_Q = {"ipv4-class-a": "IPv4 networks in the old class A range (first octet 0-127)",
          "ipv4-class-b": "IPv4 networks in the old class B range", "ipv4-class-c": "IPv4 networks in the old class C "
          "range (first octet 192-223)", "ipv4-class-d": "IPv4 networks in the old class D range (224-239)",
          "ipv4-class-e": "IPv4 networks in the old class E range", "ipv6-0000-1fff": "IPv6 networks starting "
          "0000-1fff", "ipv6-2000-3fff": "IPv6 networks starting 2000-3fff", "ipv6-4000-fdff": "IPv6 networks "
          "starting 4000-fdff", "ipv6-fe00-feff": "IPv6 networks starting fe00-feff",
          "ipv6-ff00-ffff": "IPv6 networks starting ff00-ffff"}


def toks(s: str) -> list[str]:
    from ragtune.eval.metrics import answer_tokens

    return answer_tokens(s)


def has(text: str, gold: str) -> bool:
    from ragtune.eval.metrics import contains_tokens

    return contains_tokens(toks(text), toks(gold))


def echoed(q: str, gold: str) -> bool:
    """Half or more of the gold's tokens already stand in the question."""
    g, qt = toks(gold), set(toks(q))
    return len(g) > 1 and 2 * sum(t in qt for t in g) >= len(g)


def plain(label: str) -> bool:
    """A label short and plain enough to stand inside a question ("the Benchmarking block")."""
    return "(" not in label and "," not in label and len(label) <= 30


def label_golds(r: dict) -> list[str]:
    return [r["label"]] + LABEL_ALTS.get(r["label"], [])


def exploded_golds(r: dict) -> list[str]:
    return [r["exploded"], r["exploded"].split("/")[0]]


def row_text(x: dict) -> str:
    return "\n".join(f"{k.replace('_', ' ')}: {v}" for k, v in x.items() if v not in (None, ""))


def make_questions(snap: dict) -> dict[str, list[dict]]:
    rng = random.Random(SEED)
    recs = records(snap)
    allr = all_records(snap)
    pages = render_all(snap)
    page_of = {r["id"]: pages[f"{r['doc_id']}.md"] for r in recs}
    rows_ = {x["id"]: x for x in reg_rows(snap, recs)}
    rtext = {h: row_text(x) for h, x in rows_.items()}
    net_of_row = {r["sample"]: r for r in recs}
    out = {}
    dev_golds: set[str] = set()
    for s in ("dev", "test"):
        mine = [r for r in recs if split_of(r["id"]) == s]
        rng.shuffle(mine)
        regs = [x for x in rows_.values() if split_of(x["network"]) == s]
        rng.shuffle(regs)
        used: Counter = Counter()
        facts: set = set()
        qs: list[dict] = []

        def add(typ, q, ans, ev, fact, **kw):
            if fact in facts or any(used[e] >= MAX_USE for e in ev) or any(x["question"] == q for x in qs):
                return False
            if s == "test" and any(a.lower() in dev_golds for a in ans if a not in ("yes", "no")):
                return False
            if any(a.lower() == g.lower() for x in qs for g in x["answers"] for a in ans if a not in ("yes", "no")):
                return False  # one question per gold in a split
            if not kw.get("options") and any(has(q, a) or a.lower() in q.lower() or echoed(q, a) for a in ans):
                return False
            if any(not [t for t in toks(a) if t != "0"] for a in ans):
                return False  # a gold of zeros only ("0.0.0.0") reads as a bare 0
            facts.add(fact)
            for e in ev:
                used[e] += 1
            qs.append({"question": q, "answers": ans, "type": typ, "evidence": ev, **kw})
            return True

        # single_hop
        sh = []
        for r in mine:
            n, ev = r["id"], [r["doc_id"]]
            lab = r["label"] if plain(r["label"]) else "catalogued"
            if r["version"] == 4:
                sh.append((rng.choice([f"What's the netmask of {n}?", f"Which subnet mask goes with {n}?",
                                       f"I need the dotted netmask for {n}. What is it?"]),
                           [r["netmask"]], ev, (n, "netmask")))
                sh.append((rng.choice([f"What host mask does Python give for {n}?",
                                       f"What is the wildcard (host) mask of {n}?"]),
                           [r["hostmask"]], ev, (n, "hostmask")))
                sh.append((rng.choice([f"What is the reverse DNS name of the first address in {n}?",
                                       f"Which in-addr.arpa name does the network address of {n} map to?"]),
                           [r["revptr"]], ev, (n, "revptr")))
            else:
                sh.append((rng.choice([f"How is the network address of {n} written out in full?",
                                       f"What's the exploded form of {n}?"]),
                           exploded_golds(r), ev, (n, "exploded")))
            sh.append((rng.choice([f"How many addresses does {n} contain?",
                                   f"How big is the {lab} block {n}, in addresses?",
                                   f"What's the address count of {n}?"]),
                       count_golds(r), ev, (n, "count")))
            sh.append((rng.choice([f"What is the last address in {n}?", f"Where does {n} end?",
                                   f"What's the highest address of the {lab} block, {n}?"]),
                       [r["last"]], ev, (n, "last")))
            if r["plen"]:
                sh.append((rng.choice([f"What is the supernet of {n}, one prefix bit shorter?",
                                       f"What does supernet() return for {n}?"]),
                           [r["supernet"]], ev, (n, "supernet")))
            sh.append((rng.choice([f"What is {n} set aside for?", f"What is the block {n} listed as?",
                                   f"What kind of range is {n}?"]),
                       label_golds(r), ev, (n, "label")))
            if len(r["priv"]) == 1 and r["priv"][0] != n:
                sh.append((rng.choice([f"Which entry of ipaddress's private-networks table covers {n}?",
                                       f"{n} counts as private in Python because of which table entry?"]),
                           r["priv"], ev, (n, "privent")))
            if r["version"] == 6 and r["res"] and r["res"][0] != n:
                sh.append((rng.choice([f"Which of ipaddress's IPv6 reserved networks contains {n}?",
                                       f"is_reserved is True for {n} because it lies inside which reserved "
                                       f"network?"]),
                           r["res"], ev, (n, "resent")))
        for x in regs:
            h, ev = x["id"], [f"addresses#{x['id']}"]
            sh.append((rng.choice([f"What is {h} as an integer?", f"Convert {h} to its integer value.",
                                   f"What integer does int(ip_address('{h}')) give?"]),
                       [str(x["integer"])], ev, (h, "rowint")))
            if x["version"] == "IPv4":
                sh.append((rng.choice([f"What's the reverse pointer for {h}?",
                                       f"Which PTR name does reverse DNS use for {h}?"]),
                           [x["reverse_pointer"]], ev, (h, "rowrev")))
            else:
                sh.append((rng.choice([f"What is {h} written out in full?", f"Give me the exploded form of {h}."]),
                           [x["exploded"]], ev, (h, "rowexp")))
            for col, qq in (("ipv4_mapped", [f"Which IPv4 address is mapped into {h}?"]),
                            ("sixtofour", [f"Which IPv4 address does the 6to4 address {h} embed?"]),
                            ("teredo_server", [f"Which Teredo server does {h} name?"]),
                            ("teredo_client", [f"What is the Teredo client's IPv4 address in {h}?"])):
                if x.get(col):
                    sh.append((rng.choice(qq), [x[col]], ev, (h, "row4-" + col)))
        rng.shuffle(sh)
        pick(sh, lambda x: x[3][1].split("-")[0], rng, WANT[s]["single_hop"],
             lambda x: add("single_hop", x[0], x[1], x[2], x[3], kind="s-" + x[3][1].split("-")[0], ref=x[3][0]))
        # reverse: a label, last address, netmask or size -> the network
        pool = []
        for r in mine:
            n, ver = r["id"], r["version"]
            same = [x for x in allr.values() if x["version"] == ver]
            if sum(x["label"] == r["label"] for x in same) == 1:
                vq = f"IPv{ver} "
                lab = r["label"]
                pool.append((rng.choice([f"Which {vq}network does the catalogue list as \"{lab}\"?",
                                         f"What's the CIDR of the {vq}block listed as \"{lab}\"?"] +
                                        ([f"{lab}: which {vq}prefix is that?"] if plain(lab) else [])),
                             r, (n, "label"), "r-label"))
            if sum(x["last"] == r["last"] for x in allr.values()) == 1:
                pool.append((rng.choice([f"Which catalogued network ends at {r['last']}?",
                                         f"Which network in the catalogue has {r['last']} as its last address?"]),
                             r, (n, "last"), "r-last"))
            if ver == 4 and sum(x["netmask"] == r["netmask"] for x in same) == 1:
                pool.append((rng.choice([f"Which IPv4 network in the catalogue has the netmask {r['netmask']}?",
                                         f"Netmask {r['netmask']}: which catalogued IPv4 block uses it?"]),
                             r, (n, "netmask"), "r-netmask"))
            if sum(x["count"] == r["count"] for x in same) == 1 and not big(r):
                pool.append((rng.choice([f"Which catalogued IPv{ver} network holds exactly {r['count']:,} addresses?",
                                         f"Which IPv{ver} block in the catalogue has {r['count']:,} addresses?"]),
                             r, (n, "count"), "r-count"))
        rng.shuffle(pool)
        pick(pool, lambda x: x[3], rng, WANT[s]["reverse"],
             lambda x: add("reverse", x[0], [x[1]["id"]], [x[1]["doc_id"]], x[2], kind=x[3], ref=x[1]["id"]))
        # multi_hop: page -> register row, or register row -> page
        pool = []
        for r in mine:
            n, x = r["id"], rows_[r["sample"]]
            h, row_id = x["id"], f"addresses#{x['id']}"
            p2r = [r["doc_id"], row_id]
            lab = r["label"] if plain(r["label"]) else "catalogued"
            cand = [(rng.choice([f"What is the integer value of the sample address given for {n}?",
                                 f"The {lab} block {n} points to a sample address in the register. What is "
                                 f"that address as an integer?"]), [str(x["integer"])], p2r, "m-int")]
            if r["version"] == 4:
                cand.append((rng.choice([f"What reverse pointer does the sample address of {n} have?",
                                         f"Take the sample address listed for {n}: what is its in-addr.arpa name?"]),
                             [x["reverse_pointer"]], p2r, "m-rev"))
            else:
                cand.append((rng.choice([f"Write out in full the sample address listed for {n}.",
                                         f"What is the exploded form of the sample address the catalogue gives for "
                                         f"{n}?"]), [x["exploded"]], p2r, "m-exp"))
            for col, qq in (("ipv4_mapped", f"Which IPv4 address is mapped into the sample address given for {n}?"),
                            ("sixtofour", f"Which IPv4 address is embedded in the sample address of the {n} block?"),
                            ("teredo_server", f"The sample address for {n}: which Teredo server does it name?")):
                if x.get(col):
                    cand.append((qq, [x[col]], p2r, "m-embed"))
            if r["version"] == 4:  # back from a register row (named by its integer) to its network's page
                r2p = [row_id, r["doc_id"]]
                key = f"integer value is {x['integer']}"
                cand.append((rng.choice([f"The register has an address whose {key}. What is the network it is "
                                         f"listed under set aside for?",
                                         f"An address in the register has the integer value {x['integer']}. What "
                                         f"kind of block is its network?"]),
                             label_golds(r), r2p, "m-label"))
                cand.append((rng.choice([f"The register has an address whose {key}. What netmask does the network "
                                         f"it is listed under have?",
                                         f"Which netmask belongs to the network of the register address with the "
                                         f"integer value {x['integer']}?"]), [r["netmask"]], r2p, "m-netmask"))
                cand.append((rng.choice([f"In the register, the address whose {key} is listed under a network. How "
                                         f"many addresses does that network hold?",
                                         f"How many addresses are in the network of the register address with the "
                                         f"integer value {x['integer']}?"]),
                             count_golds(r), r2p, "m-count"))
                cand.append((f"What is the last address of the network under which the register lists the address "
                             f"whose {key}?", [r["last"]], r2p, "m-last"))
            for q, g, e2, kd in cand:
                first = page_of[n] if e2[0] == r["doc_id"] else rtext[h]
                last = rtext[h] if e2[-1] == row_id else page_of[n]
                if not any(has(first, a) for a in g) and all(has(last, a) for a in g):
                    pool.append((q, g, e2, (n, kd[2:]), kd))
        rng.shuffle(pool)

        def add_chain(x):
            q, a, ev, f, kd = x
            row = next(e for e in ev if e.startswith("addresses#"))
            if any(row in e["evidence"] for e in qs):
                return False
            return add("multi_hop", q, a, ev, f, kind=kd, ref=f[0])

        pick(pool, lambda x: x[4], rng, WANT[s]["multi_hop"], add_chain)
        # comparison
        n_, tries, yn = 0, 0, 0
        clean = [r for r in mine if not YESNO_WORD.search(page_of[r["id"]])]
        while n_ < WANT[s]["comparison"] and tries < 4000:
            tries += 1
            if yn < YESNO[s]:
                want_yes = yn % 2 == 0
                r = rng.choice(clean)
                how = ("private", "global", "reserved", "multicast")[(yn + (0 if s == "dev" else 1)) % 4]
                if r["flags"]["is_" + how] != want_yes:
                    continue
                n = r["id"]
                q = rng.choice({"private": [f"Does Python's ipaddress treat {n} as private?",
                                            f"Is {n} private as far as the ipaddress module is concerned?"],
                                "global": [f"Is {n} global according to ipaddress?",
                                           f"Does ip_network('{n}').is_global come out True?"],
                                "reserved": [f"Does ipaddress flag {n} as reserved?",
                                             f"Is is_reserved True for {n}?"],
                                "multicast": [f"Is {n} a multicast network in Python's eyes?",
                                              f"Does ipaddress call {n} multicast?"]}[how])
                if add("comparison", q, ["yes" if want_yes else "no"], [r["doc_id"]], (n, "yn"),
                       options=["yes", "no"], derived=True, kind="yn-" + how, ref=n):
                    n_ += 1
                    yn += 1
                continue
            fld, qq = [  # the fields in turn (the next one after 200 tries without a pair)
                ("size", ["Which is larger, {a} or {b}?", "Which holds more addresses: {a} or {b}?"]),
                ("private", ["Which of {a} and {b} does ipaddress call private?",
                             "Python's ipaddress: which one is private, {a} or {b}?"]),
                ("global", ["Which one is global according to Python's ipaddress, {a} or {b}?",
                            "Between {a} and {b}, which does ipaddress treat as global?"]),
                ("reserved", ["Which does ipaddress flag as reserved, {a} or {b}?",
                              "is_reserved: is it True for {a} or for {b}?"])][(n_ - yn + tries // 200) % 4]
            a, b = rng.sample(mine, 2)
            if fld == "size" and a["version"] != b["version"]:
                continue
            va, vb = cmp_value(a, fld), cmp_value(b, fld)
            if va == vb:
                continue
            w = a if va > vb else b
            if add("comparison", rng.choice(qq).format(a=a["id"], b=b["id"]), [w["id"]],
                   [a["doc_id"], b["doc_id"]], (tuple(sorted([a["id"], b["id"]])), fld), options=[a["id"], b["id"]],
                   kind="c-" + fld):
                n_ += 1
        # filter
        n_ = 0
        for r in mine:  # one derived count per split: how many is_* properties are True
            if len(r["true"]) < 2:
                continue
            if add("filter", rng.choice([f"How many of ipaddress's is_* properties are True for {r['id']}?",
                                         f"For {r['id']}, how many is_ flags does Python's ipaddress set to True?"]),
                   [str(len(r["true"]))], [r["doc_id"]], (r["id"], "ntrue"), derived=True, kind="f-ntrue",
                   ref=r["id"]):
                n_ += 1
                break
        k, tries = 0, 0
        while k < AMONG[s] and tries < 4000:
            tries += 1
            what = rng.choice(["notprivate", "multicast", "reserved", "global"])
            test_ = {"notprivate": lambda x: not x["flags"]["is_private"],
                     "multicast": lambda x: x["flags"]["is_multicast"],
                     "reserved": lambda x: x["flags"]["is_reserved"], "global": lambda x: x["flags"]["is_global"]}[what]
            odd = [x for x in mine if test_(x)]
            rest = [x for x in mine if not test_(x)]
            if not odd or len(rest) < 3:
                continue
            r = rng.choice(odd)
            opts = [r] + rng.sample(rest, 3)
            rng.shuffle(opts)
            names = ", ".join(o["id"] for o in opts[:-1]) + f" and {opts[-1]['id']}"
            q = {"notprivate": rng.choice([f"Among {names}, which one does ipaddress not call private?",
                                           f"Which of {names} is not private in Python's ipaddress?"]),
                 "multicast": rng.choice([f"Among {names}, which is a multicast network?",
                                          f"Which of {names} does ipaddress flag as multicast?"]),
                 "reserved": rng.choice([f"Among {names}, which one has is_reserved set?",
                                         f"Which of {names} does Python's ipaddress call reserved?"]),
                 "global": rng.choice([f"Among {names}, which is the one ipaddress treats as global?",
                                       f"Which of {names} has is_global True?"])}[what]
            if add("filter", q, [r["id"]], [o["doc_id"] for o in opts], (r["id"], "among"),
                   options=[o["id"] for o in opts], kind="f-among"):
                n_ += 1
                k += 1
        pool = [x for r in mine for x in only_pool(r, allr, rng)]
        rng.shuffle(pool)
        pick(pool, lambda x: x[3], rng, WANT[s]["filter"] - n_,
             lambda x: add("filter", x[0], [x[1]["id"]], [x[1]["doc_id"]], x[2], kind=x[3], ref=x[1]["id"]))
        # unanswerable
        un = []
        for k2 in ABSENT[s]:
            un += [(q, "absent-network", k2) for q in ABSENT_Q[k2]]
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


def cmp_value(r: dict, fld: str):
    if fld == "size":
        return r["count"]
    return int(r["flags"]["is_" + fld])


def ip4(n: int) -> str:
    return ".".join(str(n >> s & 255) for s in (24, 16, 8, 0))


PREDICATES = [
    (lambda x: not x["flags"]["is_private"] and not x["flags"]["is_global"],
     "Which is the only network {b} that ipaddress calls neither private nor global?"),
    (lambda x: x["flags"]["is_loopback"], "Which is the only network {b} that is_loopback is True for?"),
    (lambda x: x["flags"]["is_unspecified"], "Which network {b} is the one ipaddress calls unspecified?"),
    (lambda x: x["flags"]["is_link_local"], "Which is the only network {b} that ipaddress flags as link-local?"),
    (lambda x: x["flags"].get("is_site_local"), "Which network {b} is the only site-local one?"),
    (lambda x: x["flags"]["is_private"], "Which is the only network {b} that ipaddress calls private?"),
    (lambda x: x["flags"]["is_global"], "Which network {b} is the only one ipaddress treats as global?"),
    (lambda x: x["flags"]["is_reserved"], "Which is the only network {b} with is_reserved True?"),
    (lambda x: x["version"] == 4 and x["plen"] == 31,
     "Which is the only network {b} whose netmask is 255.255.255.254?"),
]


def only_pool(r: dict, allr: dict, rng: random.Random) -> list[tuple]:
    """'The only one' questions: a predicate true of r alone in the whole catalogue, or else alone in its group (a
    folder of three or more networks), ABSENT networks counted."""
    out = []
    for pred, text in PREDICATES:
        if not pred(r):
            continue
        if [x for x in allr.values() if pred(x)] == [r]:
            out.append((text.format(b="in the catalogue"), r, (r["id"], "only"), "f-only"))
            continue
        band = [x for x in allr.values() if x["band"] == r["band"]]
        if len(band) >= 3 and [x for x in band if pred(x)] == [r]:
            out.append((text.format(b=f"among the catalogue's {BAND_Q[r['band']]}"), r, (r["id"], "only"),
                        "f-only"))
    # the largest network of a group of three or more (ABSENT counted)
    band = [x for x in allr.values() if x["band"] == r["band"]]
    if len(band) >= 3 and [x for x in band if x["count"] >= r["count"]] == [r]:
        out.append((rng.choice([f"Which is the largest network among the catalogue's {BAND_Q[r['band']]}?",
                                f"Among the catalogue's {BAND_Q[r['band']]}, which network holds the most "
                                f"addresses?"]), r, (r["id"], "max"), "f-max"))
    # the one IPv4 network whose first address lies in a range (every catalogued first address, ABSENT included)
    if r["version"] == 4:
        starts = Counter(x["lo"] for x in allr.values() if x["version"] == 4)
        pts = sorted(starts)
        c = r["lo"]
        i = pts.index(c)
        if starts[c] == 1 and 0 < i < len(pts) - 1:
            prev, nxt = pts[i - 1], pts[i + 1]
            lo = hi = None
            for g in (1 << 24, 1 << 16, 1 << 8, 1):  # round bounds first: x.0.0.0, then x.255.255.255, ...
                if lo is None and prev < (c - 1) // g * g < c:
                    lo = (c - 1) // g * g
                for h in ((c // g + 1) * g, (c // g + 1) * g - 1):
                    if hi is None and c < h < nxt:
                        hi = h
            if lo is not None and hi is not None:
                out.append((rng.choice([f"Which catalogued IPv4 network has its first address between {ip4(lo)} and "
                                        f"{ip4(hi)}?",
                                        f"Of the IPv4 blocks in the catalogue, which one starts somewhere between "
                                        f"{ip4(lo)} and {ip4(hi)}?"]),
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
    print(f"{len(pages) - 1} pages, addresses.csv; dev {len(qs['dev'])}, test {len(qs['test'])}")


# ------------------------------------------------------------------ check


def parse4(s: str) -> int:
    a, b, c, d = (int(x) for x in s.split("."))
    return a << 24 | b << 16 | c << 8 | d


def parse6(s: str) -> int:
    """An IPv6 address in Python's text form (compressed or exploded, a dotted IPv4 tail allowed) as an integer."""
    if "." in s:  # '::ffff:192.0.2.128'
        head, _, tail = s.rpartition(":")
        v4 = parse4(tail)
        s = f"{head}:{v4 >> 16:x}:{v4 & 0xFFFF:x}"
    if "::" in s:
        left, right = s.split("::")
        lp = left.split(":") if left else []
        rp = right.split(":") if right else []
        parts = lp + ["0"] * (8 - len(lp) - len(rp)) + rp
    else:
        parts = s.split(":")
    if len(parts) != 8:
        raise ValueError(s)
    n = 0
    for p in parts:
        n = n << 16 | int(p, 16)
    return n


def parse(s: str, version: int) -> int:
    return parse4(s) if version == 4 else parse6(s)


def exploded6(n: int) -> str:
    return ":".join(f"{n >> (112 - 16 * i) & 0xFFFF:04x}" for i in range(8))


def revptr(n: int, version: int) -> str:
    if version == 4:
        return ".".join(reversed(ip4(n).split("."))) + ".in-addr.arpa"
    return ".".join(reversed(f"{n:032x}")) + ".ip6.arpa"


def expected_flags(lo: int, hi: int, version: int, snap: dict, address: bool = False) -> dict:
    """What ipaddress 3.11.7's properties give for a network whose first and last addresses are lo and hi (an address
    when lo == hi and address is set), from the module's tables in the snapshot: its algorithm, written again."""
    c = snap["constants"][str(version)]
    bd = c["bounds"]

    def inside(x: int, net: str) -> bool:
        return bd[net][0] <= x <= bd[net][1]

    def both(net: str) -> bool:
        return inside(lo, net) and inside(hi, net)

    if version == 4:
        private = any(both(p) for p in c["private_networks"])
        f = {"is_private": private,
             "is_global": not both(c["public_network"]) and not private,
             "is_reserved": both(c["reserved_network"]), "is_multicast": both(c["multicast_network"]),
             "is_loopback": both(c["loopback_network"]), "is_link_local": both(c["linklocal_network"]),
             "is_unspecified": lo == 0 and hi == 0}
        return f
    if address and lo >> 32 == 0xFFFF:  # an IPv4-mapped address answers is_private for its IPv4 address
        v4 = lo & 0xFFFFFFFF
        c4 = snap["constants"]["4"]
        private = any(c4["bounds"][p][0] <= v4 <= c4["bounds"][p][1] for p in c4["private_networks"])
    else:
        private = any(both(p) for p in c["private_networks"])
    return {"is_private": private, "is_global": not private,
            "is_reserved": (any(inside(lo, x) for x in c["reserved_networks"]) and
                            any(inside(hi, x) for x in c["reserved_networks"])),
            "is_multicast": both(c["multicast_network"]), "is_loopback": lo == 1 and hi == 1,
            "is_link_local": both(c["linklocal_network"]), "is_unspecified": lo == 0 and hi == 0,
            "is_site_local": both(c["sitelocal_network"])}


def snapshot_problems(snap: dict) -> list[str]:
    bad = [] if snap["python"].startswith("3.11") else [snap["python"]]
    cidrs = [n["cidr"] for n in snap["nets"]]
    bad += [a for a in absent_ids() if a not in cidrs]
    bad += [f"{c} twice" for c, k in Counter(cidrs).items() if k > 1]
    if [(c, lab, smp) for c, lab, smp in NETS] != [(n["cidr"], n["label"], n["sample"]) for n in snap["nets"]]:
        bad.append("snapshot networks differ from NETS")
    for v, c in snap["constants"].items():
        for net, (lo, hi) in c["bounds"].items():
            bits = 32 if v == "4" else 128
            a, _, p = net.partition("/")
            p = p or str(bits)
            if parse(a, int(v)) != lo or hi - lo + 1 != 2 ** (bits - int(p)):
                bad.append(f"table network {net}: bounds {lo}-{hi}")
    for n in snap["nets"]:
        v, c = n["version"], n["cidr"]
        bits = 32 if v == 4 else 128
        lo, p = n["network_int"], n["prefixlen"]
        host = 2 ** (bits - p) - 1
        mask = (2 ** bits - 1) ^ host
        if (parse(c.split("/")[0], v) != lo or int(c.split("/")[1]) != p or lo & host or n["num_addresses"] != host + 1
                or n["broadcast_int"] != lo | host or parse(n["network_address"], v) != lo
                or parse(n["broadcast_address"], v) != lo | host or parse(n["netmask"], v) != mask
                or parse(n["hostmask"], v) != host):
            bad.append(f"{c}: bounds, masks or size do not follow from the prefix")
        sp = max(p - 1, 0)
        sup_lo = lo & ((2 ** bits - 1) ^ (2 ** (bits - sp) - 1))
        if n["supernet"] != f"{n['supernet'].split('/')[0]}/{sp}" or parse(n["supernet"].split("/")[0], v) != sup_lo:
            bad.append(f"{c}: supernet {n['supernet']}")
        if n["reverse_pointer"] != revptr(lo, v):
            bad.append(f"{c}: reverse pointer")
        if v == 6 and n["exploded"] != f"{exploded6(lo)}/{p}":
            bad.append(f"{c}: exploded")
        if n["flags"] != expected_flags(lo, lo | host, v, snap):
            bad.append(f"{c}: flags {n['flags']} do not follow from ipaddress's tables")
        a = snap["addresses"][n["sample"]]
        x = a["integer"]
        if not lo <= x <= lo | host or parse(a["id"], v) != x or a["network"] != c:
            bad.append(f"{c}: sample {a['id']} not inside it")
        if a["packed"] != f"{x:0{bits // 4}x}" or a["reverse_pointer"] != revptr(x, v):
            bad.append(f"{a['id']}: packed or reverse pointer")
        if a["exploded"] != (exploded6(x) if v == 6 else ip4(x)):
            bad.append(f"{a['id']}: exploded")
        if a["flags"] != expected_flags(x, x, v, snap, address=True):
            bad.append(f"{a['id']}: address flags {a['flags']} do not follow from ipaddress's tables")
        if v == 6:
            want = {"ipv4_mapped": ip4(x & 0xFFFFFFFF) if x >> 32 == 0xFFFF else None,
                    "sixtofour": ip4(x >> 80 & 0xFFFFFFFF) if x >> 112 == 0x2002 else None,
                    "teredo": [ip4(x >> 64 & 0xFFFFFFFF), ip4(~x & 0xFFFFFFFF)] if x >> 96 == 0x20010000 else None}
            got = {k: a[k] for k in want}
            if got != want:
                bad.append(f"{a['id']}: embedded IPv4 {got} != {want}")
    ex = snap["examples"]
    if (ex["IPv4Network('0.0.0.0/0').supernet()"] != "0.0.0.0/0" or ex["IPv4Address('100.64.0.1').is_global"]
            or ex["IPv6Address('::ffff:808:808').is_private"] or not ex["IPv6Address('::ffff:a00:1').is_private"]):
        bad.append(f"examples {ex}")
    return bad


def absent_patterns(snap: dict, k: str) -> list[str]:
    """Patterns of a left-out network: its CIDR, first and last address, sample address, their exploded forms and
    reverse pointers, the sample's integer, and its label."""
    r = all_records(snap)[k]
    a = snap["addresses"][r["sample"]]

    def lit(s: str) -> str:
        return r"(?<![\w.:])" + re.escape(s) + r"(?![\w.])"

    pats = [lit(k), lit(r["first"]) if r["version"] == 4 else r"(?<![\w.:])" + re.escape(r["first"]),
            lit(r["last"]), lit(a["id"]), lit(str(a["integer"])), re.escape(a["reverse_pointer"]),
            re.escape(r["revptr"]), r"(?<![\w-])" + re.escape(r["label"]).replace(r"\ ", r"\s+") + r"(?![\w-])"]
    if r["version"] == 6:
        pats += [re.escape(r["exploded"].split("/")[0]), re.escape(a["exploded"])]
    return pats


def numforms(g: str) -> list[str]:
    return [g, f"{int(g):,}"] if g.isdigit() else [g]


TRUE_LINE = re.compile(r"(?:Properties that are True\W+|reports these properties as True: |come out True in "
                       r"ipaddress are |True in ipaddress: )([^\n|]+?)(?:\.\s|\.?\s*\|?\s*$)", re.M)


def check() -> int:
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    results = []
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*")
               if p.is_file()}
    bad = [k for k in pages if on_disk.get(k) != pages[k]] + [k for k in on_disk if k not in pages]
    results.append((f"snapshot rendered again equals corpus/ ({len(pages) - 1} pages + addresses.csv)", bad))
    qs = make_questions(snap)
    bad = [s for s in qs if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl", bad))
    bad = snapshot_problems(snap)
    results.append((f"snapshot: Python {snap['python']}, {len(snap['nets'])} networks, {len(snap['addresses'])} "
                    f"sample addresses; ABSENT are real; bounds, masks, sizes, supernets, reverse pointers and "
                    f"exploded forms follow from the prefixes; every is_* property (networks and addresses) follows "
                    f"from the module's tables by its own algorithm; embedded IPv4 addresses follow from the bits",
                    bad))
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
    want = {r["doc_id"] for r in recs} | {f"addresses#{x['id']}" for x in regrows}
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
    row_net = {x["id"]: x["network"] for x in regrows}
    page_net = {r["doc_id"]: r["id"] for r in recs}
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
            if q.get("options") and not all(re.search(r"(?<![\w.:-])" + re.escape(o) + r"(?![\w-])", q["question"])
                                            for o in q["options"] if o not in ("yes", "no")):
                bad.append(f"{q['id']}: an option not named in the question")
            if q.get("options") and len({o.lower() for o in q["options"]}) < len(q["options"]):
                bad.append(f"{q['id']}: options that differ only in case")
            if (q.get("options") == ["yes", "no"] or q.get("kind") == "f-ntrue") != bool(q.get("derived")):
                bad.append(f"{q['id']}: derived flag")
            for e in q["evidence"]:
                net = row_net.get(e.split("#")[1]) if e.startswith("addresses#") else page_net.get(e)
                if net is None or split_of(net) != s:
                    bad.append(f"{q['id']}: evidence {e} of the other split")
    results.append(("load_qa reads both splits; ids unique and of their split; evidence exists and is of the "
                    "item's split; unanswerables empty; golds among options, options named in the question and "
                    "not differing only in case; derived flags (yes/no, the True count)", bad))
    bad = []
    by = {r["id"]: r for r in recs}
    for s in rows_:
        for q in rows_[s]:
            if q["type"] == "unanswerable":
                continue
            texts = [docs[e].text for e in q["evidence"] if e in docs]
            if q.get("derived"):
                r = by[q["ref"]]
                if q["kind"].startswith("yn-"):
                    truth = r["flags"]["is_" + q["kind"][3:]]
                    if (q["answers"] == ["yes"]) != truth or YESNO_WORD.search(texts[0]):
                        bad.append(f"{q['id']}: yes/no gold disagrees with the record (or the page has a yes/no "
                                   f"word)")
                else:
                    line = TRUE_LINE.search(texts[0])
                    listed = re.split(r",\s*|\s+and\s+", line.group(1).strip()) if line else []
                    if q["answers"] != [str(len(listed))] or listed != r["true"]:
                        bad.append(f"{q['id']}: count {q['answers']} disagrees with the page's True line {listed}")
                continue
            target = texts[-1:] if q["type"] == "multi_hop" else texts
            for g in q["answers"]:
                if not any(has(t, f) for f in numforms(g) for t in target):
                    bad.append(f"{q['id']}: gold {g!r} not in its evidence")
                if q["type"] == "multi_hop" and has(texts[0], g):
                    bad.append(f"{q['id']}: gold {g!r} already in the first hop")
                if not q.get("options") and (has(q["question"], g) or g.lower() in q["question"].lower()):
                    bad.append(f"{q['id']}: gold {g!r} inside its question")
                if not [t for t in toks(g) if t != "0"]:
                    bad.append(f"{q['id']}: gold {g!r} of zeros only")
    results.append(("every gold occurs as whole tokens (number forms allowed) in an evidence document (the last, on "
                    "chains, and not in the first hop); not inside its question; no gold of zeros only; yes/no golds "
                    "agree with the record and the page writes no yes/no word; counts agree with the page's True "
                    "line", bad))
    bad = []
    qd = {q["question"].lower() for q in rows_["dev"]}
    bad += [q["id"] for q in rows_["test"] if q["question"].lower() in qd]
    dk = {(q.get("ref"), q.get("kind")) for q in rows_["dev"] if q["type"] != "unanswerable"}
    bad += [q["id"] for q in rows_["test"] if q["type"] != "unanswerable" and q.get("ref") and
            (q.get("ref"), q.get("kind")) in dk]
    dg = {a.lower() for q in rows_["dev"] for a in q["answers"]} - {"yes", "no"}
    bad += [f"{q['id']}: gold {a!r} also a dev gold" for q in rows_["test"] for a in q["answers"] if a.lower() in dg]
    dr = {q["ref"] for q in rows_["dev"] if q.get("ref")} - set(absent_ids())
    bad += [f"{q['id']}: ref {q['ref']} also asked in dev" for q in rows_["test"]
            if q.get("ref") in dr and q["type"] != "unanswerable"]
    results.append(("no question, fact (pages and rows split by network) or gold string (yes/no aside) in both "
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
            if q["kind"] == "absent-network":
                r = all_records(snap)[q["ref"]]
                pats = absent_patterns(snap, q["ref"])
                made_up = f"{q['ref']} runs from {r['first']} to {r['last']}."
                if q["ref"] not in ABSENT[s]:
                    bad.append(f"{q['id']}: left-out network of the other split")
                if not any(re.search(p, q["question"], re.I) for p in pats):
                    bad.append(f"{q['id']}: question does not name its left-out network")
            else:
                f = q["kind"].split(":")[1]
                pats, made_up = [ABSENT_FIELDS[f][1]], MADE_UP[f].format(c=q["ref"])
            if not any(re.search(p, made_up, re.I) for p in pats):
                bad.append(f"{q['id']}: its pattern misses the made-up answer {made_up!r}")
    results.append(("unanswerables: left-out networks (CIDR, first and last address, sample address, exploded "
                    "forms, reverse pointers, the sample's integer, the label) in no corpus file; absent fields "
                    "(year set aside, defining RFC, regional registry, country, owner) on no page; each pattern "
                    "matches a made-up answer", bad))
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
