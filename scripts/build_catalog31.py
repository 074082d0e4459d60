"""Build the catalog31 evaluation corpus: the text codecs of this machine's Python 3.11 codec registry.

    PYTHONPATH=src python scripts/build_catalog31.py snapshot [--force]  # the codec registry -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog31.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog31.py check               # loader + scorer + fact checks, no model

`snapshot` runs this machine's Python (the interpreter that runs the script; 3.11.7 when it was made) and keeps what
its codec registry says and does: every entry of `encodings.aliases.aliases` (alias, codec module, the line of
`encodings/aliases.py` that defines it and the comment on that line), and for every module of the `encodings`
package that `codecs.lookup` finds (less the generic `charmap` codec, the Windows-only `mbcs` and `oem`, `undefined`,
which refuses everything, and `iso8859_1`, which the alias `iso8859_1` hides behind `latin_1`) the name
`codecs.lookup` reports, whether it is a text encoding, the first line of the module docstring, how the module
builds its codec (a charmap decoding table, a CJK codec of a `_codecs_*` C module, or a built-in), the bytes it
writes for seven chosen characters (or that it cannot encode one), for `""`, for two sample strings and for each
ASCII character, the character every byte value decodes to (single-byte codecs), and what a bytes-to-bytes (or
str-to-str) transform makes of a sample. Written to `evalsets/catalog31/snapshot.json` (committed; `snapshot`
refuses to overwrite it without --force): another Python version has other codecs and aliases, so the committed
snapshot is the source.

`build` renders one markdown page per catalogued codec, `<family>/<module>.md` (`unicode/`, `iso-8859/`, `windows/`,
`dos/`, `ebcdic/`, `mac/`, `cjk/`, `other-8bit/`, `special/`, `transforms/`), titled `# <module> (<lookup name>)`
where the two differ, with YAML front matter and a body in one of three layouts dealt in turn in the order of
sha256("catalog31:layout<module>") within each split: `sheet` (a `| Field | Value |` table), `card` (headed
sections of `- Label: value` bullets) or `prose` (paragraphs, wording varied per page). It also writes
`aliases.csv`, the alias table (one row per alias of `encodings.aliases`, less those of the left-out codecs), and
generates dev.jsonl and test.jsonl from the snapshot (seeded, SEED), then writes test.jsonl.sha256. It refuses to
overwrite corpus/ or the question files without --force.

Everything a page states is computed from the snapshot; the one hand-written column is `MADE_FOR` (the languages or
script a code page was made for, only where that is certain).

`check` renders the snapshot and the questions again and compares them with the committed files, recomputes every
record from the snapshot, loads the corpus with ragtune's loader, reads both splits with `load_qa`, and checks every
item (evidence, gold in evidence text and tokens, scoring verdicts, facts against the snapshot, split separation,
unanswerables absent by pattern, the sha256, the type mix). It imports no codec and reads nothing of this machine's
Python library, so a fresh clone elsewhere checks the committed snapshot alone.
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
OUT = ROOT / "evalsets" / "catalog31"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
SEED = 31

# Modules of the encodings package that are not read: not codecs, not usable here, or unreachable by name.
NOT_CODECS = {"aliases": "the alias table itself, not a codec",
              "charmap": "the generic charmap codec, which needs a mapping passed in",
              "mbcs": "Windows only (codecs.lookup fails on this machine)",
              "oem": "Windows only (codecs.lookup fails on this machine)",
              "undefined": "raises on every call by design",
              "iso8859_1": "codecs.lookup('iso8859_1') finds latin_1 through the alias of that name"}  # fmt: skip

# The characters whose bytes every page gives: (key, character, how a page and a question describe it).
CHARS = [("upper_a", "A", "the capital letter A"), ("e_acute", "é", "e with an acute accent"),
         ("euro", "€", "the euro sign"), ("omega", "Ω", "the Greek capital letter omega"),
         ("sharp_s", "ß", "the German sharp s, or eszett"), ("han", "中", "the Han character 中 ('middle')"),
         ("newline", "\n", "a newline (line feed)")]  # fmt: skip
CHAR_SHOW = {"upper_a": "A", "e_acute": "é", "euro": "€", "omega": "Ω", "sharp_s": "ß", "han": "中",
             "newline": "\\n"}  # fmt: skip
SAMPLE = "naïve café"
ASCII_SAMPLE = "Hello, world!\n"
ASCII_SHOW = "Hello, world!\\n"

# The codecs read, by module name: 98 of the 115 that codecs.lookup finds here (a spread over Unicode, ISO 8859,
# Windows, DOS, EBCDIC, Mac, CJK, other 8-bit, special text codecs and bytes transforms), the six left out below
# among them. Not read (17): cp1006, cp856, koi8_t, mac_farsi, mac_croatian, iso2022_jp_1, iso2022_jp_3,
# iso2022_jp_ext, iso2022_jp_2004, euc_jisx0213, shift_jisx0213, big5hkscs, cp720, cp861, cp863, cp869,
# raw_unicode_escape: the alias table and the closest-relative lines may name them, but they have no page.
READ = [
    # unicode
    "utf_8", "utf_8_sig", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "utf_7",
    # iso-8859
    "latin_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8",
    "iso8859_9", "iso8859_10", "iso8859_11", "iso8859_13", "iso8859_14", "iso8859_15",
    # windows
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1256", "cp1257", "cp1258", "cp874",
    # dos
    "cp437", "cp737", "cp775", "cp850", "cp852", "cp855", "cp857", "cp858", "cp860", "cp862", "cp864", "cp865",
    "cp866", "cp1125",
    # ebcdic
    "cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140",
    # mac
    "mac_roman", "mac_iceland", "mac_latin2", "mac_cyrillic", "mac_turkish", "mac_arabic", "mac_romanian",
    # cjk
    "big5", "cp950", "cp932", "cp949", "euc_jp", "euc_jis_2004", "euc_kr", "gb2312", "gbk", "hz", "iso2022_jp",
    "iso2022_jp_2", "iso2022_kr", "shift_jis", "shift_jis_2004",
    # other 8-bit
    "koi8_r", "koi8_u", "kz1048", "tis_620", "hp_roman8", "palmos",
    # special text codecs
    "ascii", "unicode_escape", "punycode", "idna",
    # transforms
    "base64_codec", "bz2_codec", "hex_codec", "quopri_codec", "uu_codec", "zlib_codec", "rot_13",
    # left out (ABSENT)
    "mac_greek", "cp1255", "johab", "iso8859_16", "ptcp154", "gb18030",
]  # fmt: skip
# Read but left out: no page names them, and neither their module name, the name codecs.lookup reports, an alias,
# their mapping file nor a byte sequence only they write is in any corpus file (`check` verifies it). None of them is
# the closest single-byte relative of a catalogued codec, and their aliases are not in the alias table.
ABSENT = {"dev": ["mac_greek", "cp1255", "johab"], "test": ["iso8859_16", "ptcp154", "gb18030"]}

ABSENT_QUESTIONS = {
    "mac_greek": ["Which byte does Python's mac_greek codec write for the euro sign?",
                  "How many aliases does encodings.aliases give the mac_greek codec?"],
    "cp1255": ["Which byte values does cp1255, the Windows Hebrew code page, leave undefined in Python?"],
    "johab": ["Which bytes does the johab codec write for the Han character 中?"],
    "iso8859_16": ["Which byte does iso8859_16 use for the euro sign in Python?",
                   "On which line of encodings/aliases.py is the alias latin10 defined?"],
    "ptcp154": ["Which single-byte codec is the closest relative of ptcp154, by the number of byte values that "
                "decode differently?",
                "What does codecs.lookup report as the name of the codec behind the alias pt154?"],
    "gb18030": ["How many bytes does gb18030 need for the German sharp s (ß)?",
                "How many bytes long is the string 'naïve café' once encoded with gb18030?"],
}  # fmt: skip

# The folder each codec is filed under (written by hand, as a reference groups its pages).
FAMILY = {
    "unicode": ["utf_8", "utf_8_sig", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be",
                "utf_7"],
    "iso-8859": ["latin_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7",
                 "iso8859_8", "iso8859_9", "iso8859_10", "iso8859_11", "iso8859_13", "iso8859_14", "iso8859_15",
                 "iso8859_16"],
    "windows": ["cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
                "cp874"],
    "dos": ["cp437", "cp720", "cp737", "cp775", "cp850", "cp852", "cp855", "cp856", "cp857", "cp858", "cp860",
            "cp861", "cp862", "cp863", "cp864", "cp865", "cp866", "cp869", "cp1125"],
    "ebcdic": ["cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140"],
    "mac": ["mac_roman", "mac_iceland", "mac_latin2", "mac_cyrillic", "mac_greek", "mac_turkish", "mac_arabic",
            "mac_romanian", "mac_croatian", "mac_farsi"],
    "cjk": ["big5", "big5hkscs", "cp950", "cp932", "cp949", "euc_jp", "euc_jis_2004", "euc_jisx0213", "euc_kr",
            "gb2312", "gbk", "gb18030", "hz", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004",
            "iso2022_jp_3", "iso2022_jp_ext", "iso2022_kr", "johab", "shift_jis", "shift_jis_2004",
            "shift_jisx0213"],
    "other-8bit": ["koi8_r", "koi8_u", "koi8_t", "kz1048", "ptcp154", "tis_620", "hp_roman8", "palmos", "cp1006"],
    "special": ["ascii", "unicode_escape", "raw_unicode_escape", "punycode", "idna"],
    "transforms": ["base64_codec", "bz2_codec", "hex_codec", "quopri_codec", "uu_codec", "zlib_codec", "rot_13"],
}  # fmt: skip
FAMILY_WORDS = {"unicode": "the UTF family", "iso-8859": "ISO/IEC 8859 parts",
                "windows": "Windows ANSI code pages", "dos": "DOS (OEM) code pages",
                "ebcdic": "EBCDIC code pages of IBM mainframes", "mac": "classic Mac OS encodings",
                "cjk": "Chinese, Japanese and Korean multibyte codecs",
                "other-8bit": "other 8-bit code pages", "special": "ASCII and Python's special text codecs",
                "transforms": "bytes-to-bytes and str-to-str transforms"}  # fmt: skip

# What a code page was made for (written by hand, only where certain; the labels Python's documentation uses for
# these codecs, shortened). Codecs without an entry get no such line.
MADE_FOR = {
    "ascii": "English", "latin_1": "Western European languages", "iso8859_2": "Central and Eastern European languages",
    "iso8859_3": "Esperanto and Maltese", "iso8859_4": "Baltic languages", "iso8859_5": "Cyrillic",
    "iso8859_6": "Arabic", "iso8859_7": "Greek", "iso8859_8": "Hebrew", "iso8859_9": "Turkish",
    "iso8859_10": "Nordic languages", "iso8859_11": "Thai", "iso8859_13": "Baltic languages",
    "iso8859_14": "Celtic languages", "iso8859_15": "Western European languages",
    "iso8859_16": "South-Eastern European languages",
    "cp1250": "Central and Eastern European languages", "cp1251": "Cyrillic",
    "cp1252": "Western European languages", "cp1253": "Greek", "cp1254": "Turkish", "cp1255": "Hebrew",
    "cp1256": "Arabic", "cp1257": "Baltic languages", "cp1258": "Vietnamese", "cp874": "Thai",
    "cp437": "English", "cp737": "Greek", "cp775": "Baltic languages", "cp850": "Western European languages",
    "cp852": "Central and Eastern European languages", "cp855": "Cyrillic", "cp857": "Turkish",
    "cp858": "Western European languages", "cp860": "Portuguese", "cp862": "Hebrew", "cp864": "Arabic",
    "cp865": "Danish and Norwegian", "cp866": "Russian", "cp1125": "Ukrainian",
    "cp037": "English", "cp273": "German", "cp424": "Hebrew", "cp500": "Western European languages",
    "cp875": "Greek", "cp1026": "Turkish", "cp1140": "Western European languages",
    "mac_roman": "Western European languages", "mac_iceland": "Icelandic",
    "mac_latin2": "Central and Eastern European languages", "mac_cyrillic": "Cyrillic", "mac_greek": "Greek",
    "mac_turkish": "Turkish", "mac_arabic": "Arabic", "mac_romanian": "Romanian",
    "big5": "Traditional Chinese", "cp950": "Traditional Chinese", "cp932": "Japanese", "cp949": "Korean",
    "euc_jp": "Japanese", "euc_jis_2004": "Japanese", "euc_kr": "Korean", "gb2312": "Simplified Chinese",
    "gbk": "Unified Chinese", "gb18030": "Unified Chinese", "hz": "Simplified Chinese", "iso2022_jp": "Japanese",
    "iso2022_kr": "Korean", "johab": "Korean", "shift_jis": "Japanese", "shift_jis_2004": "Japanese",
    "koi8_r": "Russian", "koi8_u": "Ukrainian", "kz1048": "Kazakh", "ptcp154": "Kazakh", "tis_620": "Thai",
}  # fmt: skip

# What these pages never state about a codec: (question, a pattern no corpus file may match, a made-up answer that
# the pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "mibenum": ("What is the IANA MIBenum number of {n}?", r"\bMIB|\bIANA\b", "Its MIBenum is 2252."),
    "registered": ("Who registered {n} as a character set name, and when?",
                   r"\bregist(?:ered|ration|rant)\b|\bsubmitted by\b", "IBM registered it in 1992."),
    "year": ("In which year was the {n} code page first published?",
             r"\bpublished\b|\bintroduced\b|\bin (?:19|20)\d\d\b|\bsince (?:19|20)\d\d\b", "It was published in 1987."),
    "python_version": ("In which Python release did the {n} codec first appear?",
                       r"\bnew in\b|\bversionadded\b|\bfirst (?:appeared|shipped)\b|\bPython [12]\.\d|\bPython 3\.[0-9]\b(?!\.)",
                       "It first appeared in Python 2.3."),
    "speed": ("How many megabytes per second can Python encode with {n}?",
              r"MB/s|\bper second\b|\bthroughput\b|\bmegabytes?\b", "About 900 MB/s."),
    "iconv": ("What name does GNU iconv use for {n}?", r"\biconv\b|\bglibc\b", "iconv calls it WINDOWS-1252."),
    "whatwg": ("Which labels does the WHATWG Encoding Standard give {n}?", r"\bWHATWG\b|\bEncoding Standard\b|\blabels?\b",
               "The Encoding Standard labels it windows-1252."),
    "java": ("What is the Java charset name of {n}?", r"\bJava\b|\bjava\.nio\b|\bCharset\b", "Java calls it Cp1252."),
    "ccsid": ("What IBM CCSID corresponds to {n}?", r"\bCCSID\b", "CCSID 1252."),
    "author": ("Who wrote the Python module that implements {n}?",
               r"\bwritten by\b|\bauthor\b|\bLemburg\b|\bChang\b|\bcontributed\b", "Marc-Andre Lemburg wrote it."),
    "web_share": ("What share of web pages are served in {n}?", r"\bweb ?pages?\b|\bW3Techs\b|\bwebsites?\b",
                  "About 1.2% of web pages."),
}  # fmt: skip

# The codecs an absent field may be asked of: a character set's registry entries and outside names only of text
# encodings for human text (not the transforms, not unicode_escape, punycode or idna), a publication year only of
# code pages.
_CHARSET = ("single-byte", "multibyte", "unicode")
ABSENT_FIELD_OK = {"mibenum": _CHARSET, "registered": _CHARSET, "year": ("single-byte", "multibyte"),
                   "iconv": _CHARSET, "whatwg": _CHARSET, "java": _CHARSET, "ccsid": _CHARSET,
                   "web_share": _CHARSET}  # fmt: skip


def absent_field_ok(f: str, r: dict) -> bool:
    return r["kind"] in ABSENT_FIELD_OK.get(f, ("single-byte", "multibyte", "unicode", "special", "transform"))


WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 2, "test": 3}  # the most single-hop questions of one kind
CAP_REVERSE = {"dev": 2, "test": 3}
CAP_CMP = {"dev": 1, "test": 2}
CAP_HOP = {"dev": 2, "test": 3}
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 5, "filter-among": 4}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-codec items; the rest ask absent fields
REG_PER_SPLIT = {"dev": 2, "test": 3}  # single-hop questions about an alias-table row
DEV_PAGES = 35  # dev takes link groups until it holds this many pages or more
RELATIVE_MAX = 40  # a closest single-byte relative is named where at most this many byte values decode differently
LAYOUTS = ("sheet", "card", "prose")

# ------------------------------------------------------------------ reading the codec registry (snapshot only)


def _first_doc_line(mod) -> str:
    doc = (mod.__doc__ or "").strip()
    return doc.splitlines()[0].strip() if doc else ""


def scan() -> dict:
    import ast
    import codecs
    import encodings
    import encodings.aliases as amod
    import importlib
    import pkgutil
    import platform

    src = Path(amod.__file__).read_text(encoding="utf-8")
    src_lines = src.splitlines()
    where = {}
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Dict):
            for k in node.keys:
                where[k.value] = k.lineno
    aliases = []
    for alias, module in amod.aliases.items():
        ln = where[alias]
        m = re.search(r"#\s*(.*\S)\s*$", src_lines[ln - 1])
        aliases.append([alias, module, ln, m[1] if m else ""])
    out = {}
    for info in sorted(pkgutil.iter_modules(encodings.__path__), key=lambda i: i.name):
        name = info.name
        if name in NOT_CODECS:
            continue
        ci = codecs.lookup(name)
        mod = importlib.import_module("encodings." + name)
        text = bool(getattr(ci, "_is_text_encoding", True))
        cmods = sorted(k for k in vars(mod) if k.startswith("_codecs_"))
        impl = "charmap" if hasattr(mod, "decoding_table") else ("multibytecodec" if hasattr(mod, "codec") and
                                                                 type(mod.codec).__name__ == "MultibyteCodec"
                                                                 else "builtin")
        rec = {"lookup_name": ci.name, "text_encoding": text, "doc": _first_doc_line(mod), "impl": impl,
               "c_module": cmods[0] if impl == "multibytecodec" else None}
        if text:
            enc = {}
            for key, ch, _ in CHARS:
                try:
                    enc[key] = ch.encode(name).hex()
                except UnicodeError:
                    enc[key] = None
            rec["encode"] = enc
            rec["empty"] = "".encode(name).hex()
            for k, s in (("sample", SAMPLE), ("ascii_sample", ASCII_SAMPLE)):
                try:
                    rec[k] = s.encode(name).hex()
                except UnicodeError as e:
                    rec[k] = None
                    rec[k + "_fails_at"] = s[e.start] if isinstance(e, UnicodeEncodeError) else None
            differs = []
            for i in range(128):
                try:
                    same = chr(i).encode(name) == bytes([i])
                except UnicodeError:
                    same = False
                if not same:
                    differs.append(i)
            rec["ascii_differs"] = differs
            if impl == "charmap" or name in ("ascii", "latin_1"):
                table = []
                for b in range(256):
                    try:
                        table.append(ord(bytes([b]).decode(name)))
                    except UnicodeDecodeError:
                        table.append(None)
                rec["decoding"] = table
        else:
            data = SAMPLE if name == "rot_13" else SAMPLE.encode("utf-8")
            res = codecs.encode(data, name)
            rec["transform_input"] = "str" if isinstance(data, str) else "bytes"
            rec["transform_out"] = res if isinstance(res, str) else res.hex()
            try:
                "x".encode(name)
                rec["str_encode_error"] = None
            except LookupError as e:
                rec["str_encode_error"] = f"LookupError: {e}"
        out[name] = rec
    return {"source": "this machine's Python codec registry: encodings.aliases.aliases, codecs.lookup() and the "
                      "modules of the encodings package, each codec called on chosen characters and samples",
            "python": platform.python_version(), "implementation": platform.python_implementation(),
            "byteorder": sys.byteorder, "aliases_file": "encodings/aliases.py",
            "aliases_sha256": hashlib.sha256(src.encode("utf-8")).hexdigest(), "aliases_lines": len(src_lines),
            "chars": {k: ch for k, ch, _ in CHARS}, "sample": SAMPLE, "ascii_sample": ASCII_SAMPLE,
            "not_read": NOT_CODECS, "aliases": aliases, "codecs": out}


def snapshot_text(snap: dict) -> str:
    """JSON with one alias a line and one codec a line."""
    parts = []
    for k, v in snap.items():
        if k == "aliases":
            body = ",\n".join(f"  {json.dumps(x, ensure_ascii=False)}" for x in v)
            parts.append(f' "aliases": [\n{body}\n ]')
        elif k == "codecs":
            body = ",\n".join(f"  {json.dumps(n)}: {json.dumps(x, ensure_ascii=False)}" for n, x in v.items())
            parts.append(f' "codecs": {{\n{body}\n }}')
        else:
            parts.append(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's codec registry again")
    snap = scan()
    missing = [k for k in READ if k not in snap["codecs"]]
    if missing:
        sys.exit(f"not in this Python's registry: {missing}")
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"Python {snap['python']}: {len(snap['aliases'])} aliases, {len(snap['codecs'])} codecs")


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ records


def absent_codecs() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def catalogued() -> list[str]:
    return [k for k in READ if k not in absent_codecs()]


def cat_set() -> set[str]:
    return set(catalogued())


def family_of(k: str) -> str:
    return next(f for f, ks in FAMILY.items() if k in ks)


def hexsp(h: str) -> str:
    """Bytes as a page writes them: upper-case hex pairs with spaces ("E2 82 AC")."""
    return " ".join(h[i : i + 2] for i in range(0, len(h), 2)).upper()


def brepr(h: str) -> str:
    """Bytes as Python shows them (b'\\xe2\\x82\\xac')."""
    return repr(bytes.fromhex(h))


def aliases_of(snap: dict) -> dict[str, list[list]]:
    out: dict[str, list[list]] = {}
    for a in snap["aliases"]:
        out.setdefault(a[1], []).append(a)
    return out


SOURCE = re.compile(r"generated from '([^']+)'")


def kind_of(c: dict, k: str) -> str:
    if not c["text_encoding"]:
        return "transform"
    if k.startswith("utf_"):
        return "unicode"
    if "decoding" in c:
        return "single-byte"
    if c["impl"] == "multibytecodec":
        return "multibyte"
    return "special"


def single_byte(snap: dict) -> list[str]:
    return [k for k, c in snap["codecs"].items() if "decoding" in c]


def table_diff(a: list, b: list) -> list[int]:
    return [i for i in range(256) if a[i] != b[i]]


_REL: dict = {}


def relatives(k: str, snap: dict) -> tuple[list[str], int | None, list[int]]:
    """The closest single-byte codecs of the registry (all tied at the fewest byte values decoding differently,
    where that is at most RELATIVE_MAX), that count, and the byte values that differ from the first of them."""
    key = (id(snap), k)
    if key in _REL:
        return _REL[key]
    t = snap["codecs"][k]["decoding"]
    d = sorted((len(table_diff(t, snap["codecs"][o]["decoding"])), o) for o in single_byte(snap) if o != k)
    if not d or d[0][0] > RELATIVE_MAX:
        _REL[key] = ([], None, [])
    else:
        best = [o for n, o in d if n == d[0][0]]
        _REL[key] = (best, d[0][0], table_diff(t, snap["codecs"][best[0]]["decoding"]))
    return _REL[key]


def code_numbers(k: str) -> tuple[int | None, int | None]:
    m = re.fullmatch(r"cp(\d+)", k)
    cp = int(m[1]) if m else None
    m = re.fullmatch(r"iso8859_(\d+)", k)
    part = int(m[1]) if m else (1 if k == "latin_1" else None)
    return cp, part


def base_facts(k: str, snap: dict) -> dict:
    """What a codec's own snapshot entry and its aliases give (every codec of the registry)."""
    c = snap["codecs"][k]
    als = aliases_of(snap).get(k, [])
    m = SOURCE.search(c["doc"])
    x = {"key": k, "lookup": c["lookup_name"], "text": c["text_encoding"], "doc": c["doc"],
         "source": m[1] if m else None, "source_file": m[1].rsplit("/", 1)[-1] if m else None,
         "impl": c["impl"], "c_module": c["c_module"], "kind": kind_of(c, k),
         "aliases": [a[0] for a in als], "alias_lines": [a[2] for a in als], "n_aliases": len(als)}
    if c["text_encoding"]:
        enc = dict(c["encode"])
        x.update({"enc": enc, "nbytes": {ck: (len(h) // 2 if h is not None else None) for ck, h in enc.items()},
                  "sample_len": len(c["sample"]) // 2 if c["sample"] is not None else None,
                  "sample_fails_at": c.get("sample_fails_at"),
                  "ascii_len": len(c["ascii_sample"]) // 2 if c["ascii_sample"] is not None else None,
                  "bom": c["empty"] or None, "ascii_differs": len(c["ascii_differs"]),
                  "ascii_compat": not c["ascii_differs"]})
    else:
        out = c["transform_out"]
        x.update({"t_input": c["transform_input"], "t_out": out,
                  "t_len": len(out) if c["transform_input"] == "str" else len(out) // 2,
                  "t_text": (out if c["transform_input"] == "str" else
                             (bytes.fromhex(out).decode("ascii") if all(0x20 <= b < 0x7F or b == 10
                                                                        for b in bytes.fromhex(out)) else None)),
                  "str_error": c["str_encode_error"]})
    return x


def make_record(k: str, snap: dict) -> dict:
    x = base_facts(k, snap)
    fam = family_of(k)
    cp, part = code_numbers(k)
    r = {"id": f"{fam}/{k}", **x, "folder": fam, "code_page": cp, "iso_part": part, "made_for": MADE_FOR.get(k)}
    if x["kind"] == "single-byte":
        t = snap["codecs"][k]["decoding"]
        und = [i for i in range(256) if t[i] is None]
        rel, n, diff = relatives(k, snap)
        r.update({"undefined": und, "defined": 256 - len(und), "relatives": rel, "rel_diff": n,
                  "rel_lookup": {o: (snap["codecs"][o]["lookup_name"] if _atok(snap["codecs"][o]["lookup_name"]) !=
                                     _atok(o) else None) for o in rel},
                  "rel_bytes": diff if n is not None and n <= 8 else [],
                  "cat_relatives": [o for o in rel if o in cat_set()]})
    else:
        r.update({"undefined": None, "defined": None, "relatives": [], "rel_diff": None, "rel_bytes": [],
                  "cat_relatives": [], "rel_lookup": {}})
    return r


_RECS: dict = {}


def records(snap: dict) -> list[dict]:
    if _RECS.get("key") != id(snap):
        _RECS.update(key=id(snap), value=[make_record(k, snap) for k in catalogued()])
    return _RECS["value"]


_ALL: dict = {}


def all_facts(snap: dict) -> dict[str, dict]:
    """base_facts of every codec of the registry: what uniqueness tests compare against."""
    if _ALL.get("key") != id(snap):
        _ALL.update(key=id(snap), value={k: base_facts(k, snap) for k in snap["codecs"]})
    return _ALL["value"]


# ------------------------------------------------------------------ the alias table (register)

REG_COLUMNS = ["id", "title", "alias", "codec", "lookup_name", "line", "comment", "codec_aliases", "page"]


def register_rows(snap: dict) -> list[dict]:
    cat = cat_set()
    als = aliases_of(snap)
    out = []
    for alias, k, ln, comment in snap["aliases"]:
        if k in absent_codecs():
            continue
        c = snap["codecs"].get(k)
        out.append({"id": alias, "title": f"alias {alias} -> {k}", "alias": alias, "codec": k,
                    "lookup_name": c["lookup_name"] if c else f"none on this machine: {snap['not_read'][k]}",
                    "line": ln, "comment": comment,
                    "codec_aliases": len(als[k]),
                    "page": f"{family_of(k)}/{k}" if k in cat else "no page in this catalogue"})  # fmt: skip
    return out


def register_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=REG_COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


def reg_by(snap: dict) -> dict[str, dict]:
    return {x["id"]: x for x in register_rows(snap)}


# ------------------------------------------------------------------ pages


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog31:{salt}{key}".encode()).hexdigest(), 16)


def links(r: dict) -> list[str]:
    """The catalogued codecs a page names: its closest single-byte relatives that have pages."""
    return sorted(r["cat_relatives"])


def link_groups(recs: list[dict]) -> list[list[str]]:
    parent = {r["key"]: r["key"] for r in recs}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in recs:
        for x in links(r):
            parent[find(x)] = find(r["key"])
    out: dict[str, list[str]] = {}
    for r in recs:
        out.setdefault(find(r["key"]), []).append(r["key"])
    return [sorted(g) for g in out.values()]


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Keyed by codec: link groups in the order of sha256("catalog31:<the group's first codec>"); dev takes groups
    until it holds DEV_PAGES pages or more."""
    out, n = {}, 0
    for g in sorted(link_groups(recs), key=lambda g: _h(g[0])):
        part = "dev" if n < DEV_PAGES else "test"
        n += len(g) if part == "dev" else 0
        out.update({c: part for c in g})
    return out


def split_rows(snap: dict, sp: dict[str, str]) -> dict[str, str]:
    """Keyed by alias: the split of its codec's page; the aliases of a codec with no page go together, by the turn
    of sha256("catalog31:row<codec>") (two of five codecs to dev)."""
    return {x["id"]: sp[x["codec"]] if x["codec"] in sp else ("dev" if _h(x["codec"], "row") % 5 < 2 else "test")
            for x in register_rows(snap)}


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    sp = split_pages(recs)
    for part in ("dev", "test"):
        ids = [r["key"] for r in recs if sp[r["key"]] == part]
        for i, d in enumerate(sorted(ids, key=lambda x: _h(x, "layout"))):
            _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[r["key"]]


def and_list(xs: list[str]) -> str:
    xs = list(xs)
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def cell(s: str) -> str:
    return s.replace("|", "\\|")


def byte_hex(i: int) -> str:
    return f"0x{i:02X}"


KIND_WORDS = {"single-byte": "single-byte code page", "multibyte": "multibyte CJK codec",
              "unicode": "Unicode transformation format", "special": "special-purpose text codec",
              "transform": "transform, not a text encoding"}  # fmt: skip


def kind_text(r: dict) -> str:
    if r["kind"] == "single-byte":
        how = ("a charmap codec built from a 256-entry decoding table" if r["impl"] == "charmap" else
               "built into the interpreter, no mapping table")
        return f"single-byte code page ({how})"
    if r["kind"] == "multibyte":
        return f"multibyte CJK codec (tables in the C module {r['c_module']}, driven by _multibytecodec)"
    if r["kind"] == "unicode":
        return "Unicode transformation format (built into the interpreter)"
    if r["kind"] == "special":
        return "special-purpose text codec with no mapping table"
    io_ = "str to str" if r["t_input"] == "str" else "bytes to bytes"
    return f"{io_} transform, not a text encoding"


def text_enc_text(r: dict) -> str:
    if r["text"]:
        return "yes: str.encode() and bytes.decode() accept it"
    return f"no: only codecs.encode() and codecs.decode() take it; str.encode() raises {r['str_error']}"


def number_text(r: dict) -> str | None:
    if r["code_page"] is not None:
        return f"code page {r['key'][2:]}"
    if r["iso_part"] is not None:
        return f"ISO/IEC 8859 part {r['iso_part']}"
    return None


def aliases_text(r: dict) -> str:
    if not r["aliases"]:
        return "none: only its module name finds it"
    return f"{and_list(r['aliases'])}: {r['n_aliases']} in all"


def doc_text(r: dict) -> str:
    return f"“{r['doc']}”" if r["doc"] else "none (the module has no docstring)"


def bytes_text(r: dict, ck: str) -> str:
    h = r["enc"][ck]
    if h is None:
        return "cannot encode it (UnicodeEncodeError)"
    n = len(h) // 2
    bom = " with the byte-order mark" if r["bom"] and ck else ""
    if n == 1:
        return f"{hexsp(h)} (0x{h.upper()}, {brepr(h)})"
    return f"{hexsp(h)} ({n} bytes{bom}, {brepr(h)})"


def char_label(ck: str) -> str:
    desc = next(d for k, _, d in CHARS if k == ck)
    if ck in ("han", "newline"):
        return f"{desc}"
    return f"{CHAR_SHOW[ck]} ({desc})"


def bom_text(r: dict, snap: dict) -> str:
    if not r["bom"]:
        return "none: encoding an empty string gives no bytes"
    return (f"{hexsp(r['bom'])}, written before the first character (encoding an empty string gives "
            f"{len(r['bom']) // 2} bytes; this machine is {snap['byteorder']}-endian)")


def ascii_text(r: dict) -> str:
    if r["ascii_compat"]:
        return "yes: all 128 ASCII characters encode to their own byte values"
    a = r["enc"]["upper_a"]
    extra = f"; A becomes {hexsp(a)}" if a and a != "41" else ""
    n = r["ascii_differs"]
    return f"no: {n} of the 128 ASCII characters encode{'s' if n == 1 else ''} to other bytes{extra}"


def sample_text(r: dict) -> str:
    if r["sample_len"] is None:
        return f"cannot encode it: {r['sample_fails_at']} has no bytes in this codec"
    return f"{r['sample_len']} bytes"


def defined_text(r: dict) -> str:
    if not r["undefined"]:
        return "all 256 byte values decode to a character"
    und = [byte_hex(i) for i in r["undefined"]]
    shown = and_list(und) if len(und) <= 12 else ", ".join(und[:6]) + f", … {und[-1]}"
    return f"{r['defined']} of 256 decode; {len(und)} undefined ({shown})"


def relative_text(r: dict) -> str:
    if not r["relatives"]:
        return f"none within {RELATIVE_MAX} byte values: no other single-byte codec of this Python comes that close"
    lk = r["rel_lookup"]
    names = [f"{o} ({'looked up as ' + lk[o] + '; ' if lk[o] else ''}"
             f"{'a page in this catalogue' if o in cat_set() else 'no page here'})" for o in r["relatives"]]
    n = r["rel_diff"]
    head = (f"{and_list(names)}, tied: each decodes {n} of the 256 byte values differently" if len(names) > 1
            else f"{names[0]}: {n} of the 256 byte values decode{'s' if n == 1 else ''} differently")
    if r["rel_bytes"]:
        head += f" ({and_list([byte_hex(i) for i in r['rel_bytes']])})"
    return head


def transform_text(r: dict) -> str:
    if r["t_input"] == "str":
        return f"“{r['t_out']}” ({r['t_len']} characters)"
    if r["t_text"] is not None:
        return f"{brepr(r['t_out'])} ({r['t_len']} bytes)"
    return f"{r['t_len']} bytes of binary data, starting {hexsp(r['t_out'][:8])}"


def transform_in(r: dict) -> str:
    if r["t_input"] == "str":
        return f"codecs.encode('{SAMPLE}', '{r['key']}')"
    return f"codecs.encode('{SAMPLE}'.encode('utf-8'), '{r['key']}'), 12 bytes in"


def related_text(r: dict) -> str | None:
    ps = [f"{family_of(o)}/{o}" for o in links(r)]
    return and_list(ps) if ps else None


def rows(r: dict, snap: dict) -> list[tuple[str, str]]:
    out = [("Codec module", f"encodings.{r['key']}"), ("Name codecs.lookup() reports", r["lookup"]),
           ("Kind", kind_text(r)), ("Text encoding", text_enc_text(r)),
           ("Filed under", f"{r['folder']}/ ({FAMILY_WORDS[r['folder']]})")]
    if number_text(r):
        out.append(("Code page or standard part", number_text(r)))
    if r["made_for"]:
        out.append(("Made for", r["made_for"]))
    out.append(("Aliases in encodings.aliases", aliases_text(r)))
    out.append(("Module docstring", doc_text(r)))
    if r["source"]:
        out.append(("Mapping file", r["source"]))
    if r["text"]:
        out += [(f"Encodes {char_label(ck)}", bytes_text(r, ck)) for ck, _, _ in CHARS]
        out += [("Byte-order mark", bom_text(r, snap)), ("ASCII compatible", ascii_text(r)),
                (f"“{SAMPLE}” ({len(SAMPLE)} characters)", sample_text(r)),
                (f"“{ASCII_SHOW}” ({len(ASCII_SAMPLE)} characters)", f"{r['ascii_len']} bytes")]
    else:
        out += [("Works on", "str in, str out" if r["t_input"] == "str" else "bytes in, bytes out"),
                (transform_in(r), transform_text(r))]
    if r["kind"] == "single-byte":
        out += [("Byte values that decode", defined_text(r)), ("Closest single-byte relative", relative_text(r))]
    if related_text(r):
        out.append(("Related pages", related_text(r)))
    return out


SECTIONS = {"Identity": ["Codec module", "Name codecs.lookup() reports", "Kind", "Text encoding", "Filed under",
                         "Code page or standard part", "Made for", "Aliases in encodings.aliases"],
            "Origin": ["Module docstring", "Mapping file"],
            "Byte table": ["Byte values that decode", "Closest single-byte relative"],
            "Related pages": ["Related pages"]}  # fmt: skip


def front(r: dict) -> dict:
    fm = {"codec": r["key"], "lookup_name": r["lookup"], "kind": r["kind"], "family": r["folder"],
          "text_encoding": r["text"]}
    if r["code_page"] is not None:
        fm["code_page"] = r["code_page"]
    if r["iso_part"] is not None:
        fm["iso_8859_part"] = r["iso_part"]
    if r["made_for"]:
        fm["made_for"] = r["made_for"]
    fm.update({"aliases": r["aliases"], "alias_count": r["n_aliases"]})
    if r["source"]:
        fm["mapping_file"] = r["source"]
    if r["c_module"]:
        fm["c_module"] = r["c_module"]
    if r["text"]:
        fm["writes_bom"] = bool(r["bom"])
        if r["bom"]:
            fm["bom"] = hexsp(r["bom"])
        fm["ascii_compatible"] = r["ascii_compat"]
        fm["cannot_encode"] = [CHAR_SHOW[ck] for ck, _, _ in CHARS if r["enc"][ck] is None]
        if r["enc"]["euro"] is not None:
            fm["euro"] = hexsp(r["enc"]["euro"])
        if r["sample_len"] is not None:
            fm["sample_bytes"] = r["sample_len"]
    else:
        fm.update({"input": r["t_input"], "output_length": r["t_len"]})
    if r["kind"] == "single-byte":
        fm.update({"defined_bytes": r["defined"], "closest_relative": r["relatives"]})
    return fm


def front_matter(r: dict) -> str:
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front(r).items()) + "---\n"


def source_line(snap: dict) -> str:
    return (f"Source: Python {snap['python']} ({snap['implementation']}) on this machine, {snap['byteorder']}-endian: "
            f"encodings.aliases ({len(snap['aliases'])} aliases; {snap['aliases_file']} sha256 "
            f"{snap['aliases_sha256'][:16]}…), codecs.lookup(), the first line of each module docstring, and each "
            f"codec called on the characters above, on “{SAMPLE}” and on “{ASCII_SHOW}”.")


def _sheet(r: dict, snap: dict) -> str:
    return "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for a, b in rows(r, snap)) + "\n"


def _card(r: dict, snap: dict) -> str:
    d = rows(r, snap)
    placed = {k for ks in SECTIONS.values() for k in ks}
    behaviour = [k for k, _ in d if k not in placed]
    out = []
    for sec, keys in list(SECTIONS.items())[:2] + [("What it writes", behaviour)] + list(SECTIONS.items())[2:]:
        items = [(k, v) for k, v in d if k in keys]
        if not items:
            continue
        out.append(f"## {sec}")
        out += [f"- {k}: {v}" for k, v in items]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _chars_sentence(r: dict, w: int) -> str:
    ok = [(ck, r["enc"][ck]) for ck, _, _ in CHARS if r["enc"][ck] is not None]
    bad = [ck for ck, _, _ in CHARS if r["enc"][ck] is None]
    parts = [f"{char_label(ck)} becomes {bytes_text(r, ck)}" for ck, _ in ok]
    s = (f"Asked to encode the test characters, it writes: {'; '.join(parts)}." if w % 2 == 0 else
         f"Here is what it writes for each test character: {'; '.join(parts)}.")
    if bad:
        s += (f" It cannot encode {and_list([char_label(ck) for ck in bad])}: "
              f"{'that raises' if len(bad) == 1 else 'each raises'} UnicodeEncodeError.")
    return s


def _prose(r: dict, snap: dict) -> str:
    w = _h(r["key"], "w")
    k, lk = r["key"], r["lookup"]
    p1 = [(f"{k} is a {kind_text(r)}, provided as encodings.{k}; codecs.lookup() reports it as {lk}.",
           f"Ask codecs.lookup() for {k} (the module encodings.{k}) and it answers with a CodecInfo named {lk}, a "
           f"{kind_text(r)}.",
           f"encodings.{k}, which codecs.lookup() knows as {lk}, is a {kind_text(r)}.")[w % 3]]
    p1.append(f"This catalogue files it under {r['folder']}/ ({FAMILY_WORDS[r['folder']]}).")
    if number_text(r):
        p1.append(f"Its name carries the number of {number_text(r)}.")
    if r["made_for"]:
        p1.append(f"It was made for {r['made_for']}.")
    if r["aliases"]:
        p1.append(f"encodings.aliases maps {r['n_aliases']} alias{'es' if r['n_aliases'] > 1 else ''} to it: "
                  f"{and_list(r['aliases'])}." if (w >> 4) % 2 else
                  f"It answers to {r['n_aliases']} alias{'es' if r['n_aliases'] > 1 else ''} as well as its module "
                  f"name: {and_list(r['aliases'])}.")
    else:
        p1.append("No alias in encodings.aliases points at it, so only its module name finds it.")
    p1.append("It is a text encoding: str.encode() and bytes.decode() accept it." if r["text"] else
              f"It is not a text encoding: only codecs.encode() and codecs.decode() take it, and str.encode() "
              f"raises {r['str_error']}.")
    if r["doc"]:
        end = "" if r["doc"][-1] in ".!?" else "."
        p2 = [f"The first line of its module docstring reads {doc_text(r)}{end}" if (w >> 5) % 2 else
              f"Its module docstring opens with {doc_text(r)}{end}"]
        p2.append(f"So its table was generated from the mapping file {r['source']}." if r["source"] else
                  "That line names no mapping file.")
    else:
        p2 = ["Its module has no docstring."]
    if r["c_module"]:
        p2.append(f"Its tables sit in the C module {r['c_module']}, which the shared _multibytecodec machinery "
                  f"drives.")
    if r["text"]:
        p3 = [_chars_sentence(r, w >> 6)]
        if r["bom"]:
            p3.append(f"Every output starts with the byte-order mark {hexsp(r['bom'])}: even an empty string encodes "
                      f"to {len(r['bom']) // 2} bytes on this {snap['byteorder']}-endian machine.")
        if r["ascii_compat"]:
            p3.append("Every ASCII character keeps its own byte value" +
                      (", and it writes no byte-order mark." if not r["bom"] else "."))
        else:
            n = r["ascii_differs"]
            p3.append(f"It is not ASCII compatible: {n} of the 128 ASCII characters come out as other bytes" +
                      (", though it writes no byte-order mark." if not r["bom"] else "."))
        if r["sample_len"] is not None:
            p3.append((f"The sample “{SAMPLE}” ({len(SAMPLE)} characters) comes out as {r['sample_len']} bytes, and "
                       f"“{ASCII_SHOW}” ({len(ASCII_SAMPLE)} characters) as {r['ascii_len']} bytes.",
                       f"Encoded with it, “{ASCII_SHOW}” ({len(ASCII_SAMPLE)} characters) takes {r['ascii_len']} "
                       f"bytes and “{SAMPLE}” ({len(SAMPLE)} characters) {r['sample_len']} bytes.")[(w >> 7) % 2])
        else:
            p3.append(f"It cannot encode the sample “{SAMPLE}”, since {r['sample_fails_at']} has no bytes in this "
                      f"codec; “{ASCII_SHOW}” ({len(ASCII_SAMPLE)} characters) comes out as {r['ascii_len']} bytes.")
    else:
        io_ = "str in, str out" if r["t_input"] == "str" else "bytes in, bytes out"
        p3 = [f"It works {io_}: {transform_in(r)} gives {transform_text(r)}."]
    if r["kind"] == "single-byte":
        und = [byte_hex(i) for i in r["undefined"]]
        if not und:
            p4 = ["All 256 byte values decode to a character."]
        else:
            shown = and_list(und) if len(und) <= 12 else ", ".join(und[:6]) + f", … {und[-1]}"
            p4 = [f"Decoding fails for {len(und)} of the 256 byte values ({shown}); the other {r['defined']} decode."]
        rel, n = r["relatives"], r["rel_diff"]
        where = {o: ("it has a page here" if o in cat_set() else "no page here") for o in rel}
        lk = {o: f"looked up as {r['rel_lookup'][o]}, " if r["rel_lookup"][o] else "" for o in rel}
        diff = f": {and_list([byte_hex(i) for i in r['rel_bytes']])}" if r["rel_bytes"] else ""
        if not rel:
            p4.append(f"No other single-byte codec of this Python comes within {RELATIVE_MAX} byte values of it, so "
                      f"it has no closest relative here.")
        elif len(rel) == 1:
            o = rel[0]
            p4.append((f"The closest single-byte codec in this Python is {o} ({lk[o]}{where[o]}), which decodes {n} "
                       f"of the 256 byte values differently{diff}.",
                       f"Its nearest single-byte neighbour is {o} ({lk[o]}{where[o]}): {n} of the 256 byte values "
                       f"decode{'s' if n == 1 else ''} differently{diff}.")[(w >> 8) % 2])
        else:
            names = [f"{o} ({lk[o]}{where[o]})" for o in rel]
            p4.append(f"{len(rel)} codecs tie as its closest single-byte relatives, {and_list(names)}, each "
                      f"decoding {n} of the 256 byte values differently{diff}.")
        if related_text(r):
            p4.append(f"Related pages: {related_text(r)}.")
    elif r["kind"] == "transform":
        p4 = ["As a transform it has no character table and no closest single-byte relative."]
    else:
        p4 = ["It is not a single-byte code page, so this catalogue gives it no byte table and no closest "
              "single-byte relative."]
    return "\n\n".join(" ".join(p) for p in (p1, p2, p3, p4)) + "\n"


def title(r: dict) -> str:
    same = re.sub(r"[^a-z0-9]", "", r["key"]) == re.sub(r"[^a-z0-9]", "", r["lookup"])
    return r["key"] if same else f"{r['key']} ({r['lookup']})"


def render(r: dict, snap: dict) -> str:
    head = front_matter(r) + f"\n# {title(r)}\n\n"
    body = {"sheet": _sheet, "card": _card, "prose": _prose}[layout(r)](r, snap)
    return head + body + "\n" + source_line(snap) + "\n"


def page_path(r: dict) -> str:
    return f"{r['id']}.md"


def render_all(snap: dict) -> dict[str, str]:
    recs = records(snap)
    assign_layouts(recs)
    out = {page_path(r): render(r, snap) for r in recs}
    out["aliases.csv"] = register_csv(register_rows(snap))
    return out


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


CITES = ["It is in encodings/aliases.py.", "See the Python codecs documentation.", "The catalogue page says so.",
         "It is one of Python's standard encodings.", "Call codecs.lookup() to find out."]  # fmt: skip


def cite_safe(question: str, golds: list[str], typ: str) -> bool:
    return not any(_ok(question, golds, typ, t) for t in CITES)


def hedge_safe(question: str, options: list[str], gold: str, typ: str = "comparison") -> bool:
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}", f"{gold} and {w}."]
    return _ok(question, [gold], typ, gold, options) and _ok(question, [gold], typ, f"The answer is {gold}.", options) \
        and not any(_ok(question, [gold], typ, t, options) for t in tries + CITES)


def gold_safe(question: str, answers: list[str], typ: str = "single_hop") -> bool:
    return all(_ok(question, answers, typ, g) and _ok(question, answers, typ, f"The answer is {g}.") for g in answers) \
        and cite_safe(question, answers, typ)


def names_safe(question: str, golds: list[str], others: list[str], typ: str = "reverse") -> bool:
    """Do all other codec names score wrong?"""
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, o) for o in others if _atok(o) not in gt)


def in_question(q: str, g: str) -> bool:
    return _contains(_atok(q), _atok(g))


def alias_worthy(a: str) -> bool:
    """An alias that names its codec as an answer: it holds a digit or an underscore (not a plain word such as
    `greek`, `us` or `chinese`)."""
    return bool(re.search(r"[\d_]", a))


def registry_names(snap: dict) -> dict[str, list[str]]:
    """Every codec of the registry (and the alias targets that are not codecs here) -> every name of it."""
    if _REGN.get("key") == id(snap):
        return _REGN["value"]
    out: dict[str, list[str]] = {}
    for k, c in snap["codecs"].items():
        out[k] = [k, k.replace("_", "-"), c["lookup_name"]]
    for a, k, _, _ in snap["aliases"]:
        out.setdefault(k, [k]).append(a)
    out = {k: list(dict.fromkeys(v)) for k, v in out.items()}
    _REGN.update(key=id(snap), value=out)
    return out


_REGN: dict = {}


def forms(k: str, snap: dict) -> list[str]:
    """The ways an answer may name codec k: its module name, the name codecs.lookup() reports where its tokens differ,
    and its aliases that hold a digit or an underscore."""
    c = snap["codecs"][k]
    out = [k] + ([c["lookup_name"]] if _atok(c["lookup_name"]) != _atok(k) else [])
    out += [a for a, t, _, _ in snap["aliases"] if t == k and alias_worthy(a)]
    return list(dict.fromkeys(out))


_OTHERS: dict = {}


def other_names(k: str, snap: dict) -> list[str]:
    key = (id(snap), k)
    if key not in _OTHERS:
        _OTHERS[key] = [n for o, ns in registry_names(snap).items() if o != k for n in ns]
    return _OTHERS[key]


_IDENT: dict = {}


def ident(k: str, snap: dict) -> list[str] | None:
    """How an answer names a codec: its forms that no name of another codec of the registry would pass for
    (`utf-16-le` holds the tokens of `utf_16`, `iso2022_jp_2` those of `iso2022_jp`), the module name first; None
    where the module name itself is not safe."""
    key = (id(snap), k)
    if key in _IDENT:
        return _IDENT[key]
    others = other_names(k, snap)
    golds = [g for g in forms(k, snap) if names_safe("Which codec is it?", [g], others)]
    if not golds or golds[0] != k or not names_safe("Which codec is it?", golds, others):
        golds = None
    _IDENT[key] = golds
    return golds


def answer_names(k: str, snap: dict, q: str) -> list[str] | None:
    """ident(k) less the names the question itself holds (an alias asked about); None if the module name is one."""
    g = ident(k, snap)
    if not g:
        return None
    g = [x for x in g if not in_question(q, x)]
    return g if g and g[0] == k else None


def short_names(k: str, snap: dict, q: str = "") -> list[str] | None:
    """answer_names(k) cut to the names a document that only names the codec states: its module name and the name
    codecs.lookup() reports (another page's closest-relative line, a row of the alias table)."""
    g = answer_names(k, snap, q)
    return [x for x in g if x in (k, snap["codecs"][k]["lookup_name"])] if g else None


def bgolds(h: str) -> list[str]:
    """A byte sequence as an answer may write it: spaced hex, 0x.. for one byte, Python's escapes."""
    out = [hexsp(h)]
    if len(h) == 2:
        out.append(f"0x{h.upper()}")
    rp = brepr(h)[2:-1]
    if len(_atok(rp)) >= 2 and _atok(rp) != _atok(hexsp(h)):
        out.append(rp)
    return out


def made_golds(label: str) -> list[str]:
    out = [label]
    if label.endswith(" languages"):
        out.append(label[: -len(" languages")])
    return out


def refs(r: dict, snap: dict) -> dict[str, str]:
    out = {"name": r["key"]}
    if _atok(r["lookup"]) != _atok(r["key"]):
        out["lookup"] = f"the codec that codecs.lookup() reports as {r['lookup']}"
    worthy = [a for a in r["aliases"] if alias_worthy(a)]
    if worthy:
        out["alias"] = f"the codec behind the alias {worthy[_h(r['key'], 'aliasref') % len(worthy)]}"
    return out


def cap(q: str) -> str:
    """A capital for a question that starts with a lower-case word; a codec name keeps its case."""
    if re.match(r"(?:the|which|how|what|in|on|for|of|take|ask)\b", q):
        return q[0].upper() + q[1:]
    return q


NAME_REF = ("name", "lookup", "alias")
CHAR_Q = {"upper_a": "the capital letter A", "e_acute": "é (e with an acute accent)", "euro": "the euro sign (€)",
          "omega": "the Greek capital letter omega (Ω)", "sharp_s": "the German sharp s (ß)",
          "han": "the Han character 中", "newline": "a newline character"}  # fmt: skip


def _char_kind(ck: str):
    def golds(r, snap):
        return bgolds(r["enc"][ck])

    def cond(r):
        if not r["text"] or r["enc"][ck] is None:
            return False
        if ck == "upper_a":
            return r["enc"][ck] != "41"
        if ck == "newline":
            return r["enc"][ck] != "0a"
        return True

    tpls = [f"Which bytes does {{n}} write for {CHAR_Q[ck]}?",
            f"When {{n}} encodes {CHAR_Q[ck]}, which bytes come out?"]
    return (tpls, golds, cond, NAME_REF, ck)


# kind: (templates, golds(r, snap), condition(r), the ways the question may name the codec, the fact it asks)
SINGLE = {
    **{ck: _char_kind(ck) for ck, _, _ in CHARS},
    "n_aliases": (["How many aliases does encodings.aliases list for {n}?",
                   "Besides its module name, under how many alias names can Python find {n}?"],
                  lambda r, s: [str(r["n_aliases"])], lambda r: r["n_aliases"] >= 1, ("name", "lookup"), "aliases"),
    "sample_len": ([f"How many bytes long is the string '{SAMPLE}' once encoded with {{n}}?"],
                   lambda r, s: [str(r["sample_len"])], lambda r: r["text"] and r["sample_len"] not in (None, 10),
                   NAME_REF, "sample"),
    "ascii_len": (["How many bytes does {n} make of 'Hello, world!' followed by a newline (14 characters)?"],
                  lambda r, s: [str(r["ascii_len"])], lambda r: r["text"] and r["ascii_len"] not in (None, 14),
                  NAME_REF, "ascii_sample"),
    "undefined": (["How many of the 256 byte values does {n} leave undefined, so that decoding them fails?"],
                  lambda r, s: [str(len(r["undefined"]))], lambda r: bool(r["undefined"]), NAME_REF, "bytes"),
    "source": (["Which mapping file was {n} generated from, according to its module docstring?",
                "Its module docstring says {n} was generated from which mapping file?"],
               lambda r, s: [r["source_file"], r["source"]], lambda r: bool(r["source"]), ("name", "alias"),
               "source"),
    "relative": (["Which other single-byte codec of this Python decodes the fewest byte values differently from {n}?"],
                 lambda r, s: short_names(r["relatives"][0], s),
                 lambda r: len(r["relatives"]) == 1, ("name", "alias"), "relative"),
    "rel_diff": (["How many of the 256 byte values does {n} decode differently from its closest single-byte relative?"],
                 lambda r, s: [str(r["rel_diff"])], lambda r: r["rel_diff"] is not None and r["rel_diff"] > 1,
                 ("name", "alias"), "relative"),
    "c_module": (["Which C extension module holds the mapping tables of {n}?"],
                 lambda r, s: [r["c_module"], r["c_module"].lstrip("_")], lambda r: bool(r["c_module"]),
                 NAME_REF, "impl"),
    "bom": (["Which byte-order mark does {n} write at the start of its output on this machine?"],
            lambda r, s: [hexsp(r["bom"])], lambda r: r["text"] and bool(r["bom"]), NAME_REF, "bom"),
    "t_out": ([f"What does codecs.encode() return for the UTF-8 bytes of '{SAMPLE}' with {{n}}?"],
              lambda r, s: [r["t_text"].strip()] if r["t_input"] == "bytes" else [r["t_out"]],
              lambda r: not r["text"] and (r["t_input"] == "str" or (r["t_text"] is not None and "\n" not in
                                                                     r["t_text"].strip())),
              ("name", "lookup"), "transform"),
    "t_len": ([f"How many bytes does {{n}} turn the 12 UTF-8 bytes of '{SAMPLE}' into?"],
              lambda r, s: [str(r["t_len"])], lambda r: not r["text"] and r["t_input"] == "bytes",
              ("name", "lookup"), "transform"),
    "made_for": (["For which languages or script was {n} made?", "Which languages was {n} made for?"],
                 lambda r, s: made_golds(r["made_for"]), lambda r: bool(r["made_for"]) and r["kind"] != "unicode",
                 ("name", "alias"), "made_for"),
    "lookup": (["What name does codecs.lookup() report for {n}?"], lambda r, s: [r["lookup"]],
               lambda r: _atok(r["lookup"]) != _atok(r["key"]), ("name", "alias"), "lookup"),
}  # fmt: skip
SINGLE_ORDER = ["lookup", "bom", "c_module", "t_out", "t_len", "relative", "upper_a", "newline", "source", "euro",
                "han", "rel_diff", "omega", "undefined", "sharp_s", "n_aliases", "e_acute", "ascii_len",
                "made_for", "sample_len"]  # fmt: skip


def single_question(r: dict, k: str, form: str, snap: dict) -> str:
    tpls = SINGLE[k][0]
    tpl = tpls[_h(r["key"], k) % len(tpls)]
    return cap(tpl.format(n=refs(r, snap)[form]))


def single_golds(r: dict, k: str, snap: dict) -> list[str] | None:
    return SINGLE[k][1](r, snap)


def ref_forms(r: dict, k: str, snap: dict) -> list[str]:
    """The ways a question of kind k may name the codec, the first chosen by hash (an alias or lookup name one time
    in four: the module name is how a reader mostly asks)."""
    forms_ = [f for f in SINGLE[k][3] if f in refs(r, snap)]
    weights = [1 if f != "name" else 3 for f in forms_]
    i = _h(r["key"], "ref" + k) % sum(weights)
    j = 0
    while i >= weights[j]:
        i -= weights[j]
        j += 1
    return forms_[j:] + forms_[:j]


def char_values(r: dict) -> set[str]:
    return {x for ck, _, _ in CHARS if r.get("enc") and r["enc"][ck] for x in bgolds(r["enc"][ck])}


def page_numbers(r: dict) -> set[str]:
    xs = [r["n_aliases"], 256, 128, len(SAMPLE), len(ASCII_SAMPLE), 12]
    if r["text"]:
        xs += [r["ascii_len"], r["ascii_differs"]] + ([r["sample_len"]] if r["sample_len"] else [])
        xs += [n for n in r["nbytes"].values() if n]
        xs += [len(r["bom"]) // 2] if r["bom"] else []
    else:
        xs += [r["t_len"]]
    xs += [r["code_page"]] if r["code_page"] is not None else []
    xs += [r["iso_part"]] if r["iso_part"] is not None else []
    if r["kind"] == "single-byte":
        xs += [r["defined"], len(r["undefined"])] + ([r["rel_diff"]] if r["rel_diff"] else [])
    return {str(x) for x in xs}


def page_texts(r: dict, snap: dict) -> set[str]:
    """The values a page states besides its counts: names, byte sequences, files, modules."""
    out = {r["key"], r["lookup"], r["folder"]} | set(r["aliases"]) | char_values(r)
    out |= {x for x in (r["source"], r["source_file"], r["c_module"], r["made_for"]) if x}
    if r.get("bom"):
        out.add(hexsp(r["bom"]))
    out |= {byte_hex(i) for i in (r["undefined"] or [])[:12]} | {byte_hex(i) for i in r["rel_bytes"]}
    for o in r["relatives"]:
        out |= set(forms(o, snap))
    if not r["text"] and r["t_text"]:
        out.add(r["t_text"].strip())
    return {x for x in out if _atok(x)}


def catalogue_values(recs: list[dict]) -> set[str]:
    return {x for t in recs for x in char_values(t) | {t["key"], t["lookup"]}}


def others_of(r: dict, recs: list[dict], snap: dict) -> set[str]:
    """Values a wrong answer could take from the page or from the catalogue."""
    return page_numbers(r) | page_texts(r, snap) | catalogue_values(recs)


def others_safe(question: str, golds: list[str], others: set[str], typ: str = "single_hop") -> bool:
    """Do the page's (and the catalogue's) other values score wrong?"""
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, x) for x in others if _atok(x) not in gt)


def reg_values(row: dict) -> set[str]:
    return {str(row["line"]), str(row["codec_aliases"]), row["alias"], row["codec"], row["lookup_name"]}


# multi hop: an alias (a row of the alias table) -> its codec's page; a codec -> its one closest single-byte relative
HOP_VIA = {
    "alias": ["The alias {v} in encodings.aliases leads to a codec that has a page in this catalogue. {f}",
              "Python resolves the encoding name {v} to one of the codecs described in this catalogue. {f}"],
    "relative": ["The page of {v} names exactly one closest single-byte relative, and that codec has a page too. {f}",
                 "Take the single-byte codec that decodes the fewest byte values differently from {v}. {f}"],
}  # fmt: skip


def _hop_char(ck: str):
    return (f"Which bytes does that codec write for {CHAR_Q[ck]}?",
            lambda t: bgolds(t["enc"][ck]) if t["text"] and t["enc"][ck] is not None else None)


HOP_FIELD = {
    "euro": _hop_char("euro"), "omega": _hop_char("omega"), "e_acute": _hop_char("e_acute"),
    "sharp_s": _hop_char("sharp_s"), "han": _hop_char("han"),
    "sample_len": (f"How many bytes does that codec make of '{SAMPLE}'?",
                   lambda t: [str(t["sample_len"])] if t["text"] and t["sample_len"] else None),
    "undefined": ("How many of the 256 byte values does that codec leave undefined?",
                  lambda t: [str(len(t["undefined"]))] if t["undefined"] else None),
    "source": ("Which mapping file was that codec generated from?",
               lambda t: [t["source_file"], t["source"]] if t["source"] else None),
    "n_aliases": ("How many aliases does encodings.aliases list for that codec?",
                  lambda t: [str(t["n_aliases"])] if t["n_aliases"] else None),
    "made_for": ("For which languages or script was that codec made?",
                 lambda t: made_golds(t["made_for"]) if t["made_for"] else None),
}  # fmt: skip
HOP_FIELDS_OF = {"alias": ("euro", "omega", "e_acute", "sharp_s", "han", "sample_len", "undefined", "source",
                           "made_for"),
                 "relative": ("euro", "omega", "e_acute", "sharp_s", "undefined", "source", "n_aliases",
                              "made_for")}  # fmt: skip
HOP_FACT = {"euro": "euro", "omega": "omega", "e_acute": "e_acute", "sharp_s": "sharp_s", "han": "han",
            "sample_len": "sample", "undefined": "bytes", "source": "source", "n_aliases": "aliases",
            "made_for": "made_for"}  # fmt: skip


def hop_golds(t: dict, f: str) -> list[str] | None:
    return HOP_FIELD[f][1](t)


def hop_start_alias(r: dict) -> str | None:
    """The alias a chain through the alias table starts from: one of the codec's aliases, by hash."""
    if not r["aliases"]:
        return None
    return r["aliases"][_h(r["key"], "hopalias") % len(r["aliases"])]


def hop_own(src, f: str, snap: dict, via: str) -> list[str]:
    """What the first document of a chain states that a wrong answer could take: its own value of the field asked
    (a page) or its values (a row), and its names."""
    if via == "alias":
        return sorted(reg_values(src))
    return (hop_golds(src, f) or []) + forms(src["key"], snap)


def hop_target(r: dict, via: str) -> str | None:
    if via == "alias":
        return r["key"] if r["aliases"] else None
    return r["relatives"][0] if len(r["relatives"]) == 1 and r["relatives"][0] in cat_set() else None


# comparisons of two codecs: (template, value, pick, condition on both)
CMP = {
    "fewer-euro": ("Which of {a} and {b} writes the euro sign in fewer bytes?", lambda r: r["nbytes"]["euro"], min,
                   lambda r: r["text"] and r["nbytes"]["euro"] is not None),
    "fewer-han": ("Which of {a} and {b} needs fewer bytes for the Han character 中?", lambda r: r["nbytes"]["han"],
                  min, lambda r: r["text"] and r["nbytes"]["han"] is not None),
    "fewer-sample": (f"Which of {{a}} and {{b}} encodes '{SAMPLE}' in fewer bytes?", lambda r: r["sample_len"], min,
                     lambda r: r["text"] and r["sample_len"] is not None),
    "longer-ascii": ("Which of {a} and {b} makes more bytes of 'Hello, world!' and a newline?",
                     lambda r: r["ascii_len"], max, lambda r: r["text"]),
    "more-aliases": ("Which of {a} and {b} has more aliases in encodings.aliases?", lambda r: r["n_aliases"], max,
                     lambda r: True),
    "more-undefined": ("Which of {a} and {b} leaves more byte values undefined?", lambda r: len(r["undefined"]),
                       max, lambda r: r["kind"] == "single-byte"),
    "euro-one": ("Which of {a} and {b} can encode the euro sign?", lambda r: int(r["enc"]["euro"] is not None), max,
                 lambda r: r["text"]),
    "omega-one": ("Which of {a} and {b} can encode the Greek capital omega (Ω)?",
                  lambda r: int(r["enc"]["omega"] is not None), max, lambda r: r["text"]),
    "han-one": ("Which of {a} and {b} can encode the Han character 中?", lambda r: int(r["enc"]["han"] is not None),
                max, lambda r: r["text"]),
    "sharp-one": ("Which of {a} and {b} can encode the German sharp s (ß)?",
                  lambda r: int(r["enc"]["sharp_s"] is not None), max, lambda r: r["text"]),
    "ascii-one": ("Which of {a} and {b} encodes every ASCII character as its own byte value?",
                  lambda r: int(r["ascii_compat"]), max, lambda r: r["text"]),
    "text-one": ("Which of {a} and {b} is a text encoding that str.encode() accepts?", lambda r: int(r["text"]), max,
                 lambda r: True),
    "bom-one": ("Which of {a} and {b} writes a byte-order mark?", lambda r: int(bool(r["bom"])), max,
                lambda r: r["text"]),
}  # fmt: skip
CMP_ORDER = ["fewer-euro", "more-aliases", "han-one", "fewer-sample", "ascii-one", "more-undefined", "euro-one",
             "longer-ascii", "omega-one", "text-one", "fewer-han", "sharp-one", "bom-one"]  # fmt: skip
FIELD_OF = {"fewer-euro": "euro", "fewer-han": "han", "fewer-sample": "sample", "longer-ascii": "ascii_sample",
            "more-aliases": "aliases", "more-undefined": "bytes", "euro-one": "euro", "omega-one": "omega",
            "han-one": "han", "sharp-one": "sharp_s", "ascii-one": "ascii", "text-one": "text",
            "bom-one": "bom"}  # fmt: skip


def cmp_valid(k: str, a: dict, b: dict) -> bool:
    _, fn, _, ok = CMP[k]
    return ok(a) and ok(b) and fn(a) != fn(b)


def conditions(recs: list[dict]) -> dict:
    """Conditions filters combine: (test, how a question says it)."""
    out = {}
    for f in FAMILY:
        out[f"family-{f}"] = (lambda r, f=f: r["folder"] == f, f"is filed under {f}/")
    for kd, words in (("single-byte", "is a single-byte code page"), ("multibyte", "is a multibyte CJK codec"),
                      ("unicode", "is a Unicode transformation format"), ("transform", "is not a text encoding")):
        out[f"kind-{kd}"] = (lambda r, kd=kd: r["kind"] == kd, words)
    for ck, words in (("euro", "the euro sign"), ("omega", "the Greek capital omega"), ("han", "the Han character 中"),
                      ("sharp_s", "the German sharp s"), ("e_acute", "é")):
        out[f"can-{ck}"] = (lambda r, ck=ck: r["text"] and r["enc"][ck] is not None, f"can encode {words}")
        out[f"cannot-{ck}"] = (lambda r, ck=ck: r["text"] and r["enc"][ck] is None, f"cannot encode {words}")
    out["ascii"] = (lambda r: r["text"] and r["ascii_compat"], "encodes every ASCII character as its own byte")
    out["not-ascii"] = (lambda r: r["text"] and not r["ascii_compat"],
                        "encodes some ASCII characters as other bytes")
    out["bom"] = (lambda r: r["text"] and bool(r["bom"]), "writes a byte-order mark")
    out["no-aliases"] = (lambda r: r["n_aliases"] == 0, "has no alias in encodings.aliases")
    out["many-aliases"] = (lambda r: r["n_aliases"] >= 6, "has six or more aliases")
    out["all-256"] = (lambda r: r["kind"] == "single-byte" and not r["undefined"],
                      "decodes all 256 byte values")
    out["has-undefined"] = (lambda r: bool(r["undefined"]), "leaves some byte values undefined")
    out["euro-80"] = (lambda r: r["text"] and r["enc"]["euro"] == "80", "writes the euro sign as the byte 0x80")
    out["euro-multi"] = (lambda r: r["text"] and (r["nbytes"]["euro"] or 0) >= 2,
                         "needs two or more bytes for the euro sign")
    for v, words in (("MICSFT", "Microsoft"), ("APPLE", "Apple"), ("ISO8859", "ISO8859"), ("MISC", "MISC")):
        out[f"source-{v}"] = (lambda r, v=v: bool(r["source"]) and f"/{v}/" in f"/{r['source']}",
                              f"was generated from a mapping file under {v}/" if v != "MICSFT" else
                              "was generated from a mapping file of Microsoft's (a MICSFT/ folder)")
    out["source-python"] = (lambda r: bool(r["source"]) and r["source"].startswith("python-mappings/"),
                            "was generated from a file in python-mappings/")
    out["no-doc"] = (lambda r: not r["doc"], "has a module without a docstring")
    for cm in ("_codecs_jp", "_codecs_kr", "_codecs_cn", "_codecs_tw", "_codecs_iso2022"):
        out[f"c-{cm}"] = (lambda r, cm=cm: r["c_module"] == cm, f"keeps its tables in the C module {cm}")
    for lab in ("Greek", "Cyrillic", "Hebrew", "Arabic", "Turkish", "Thai", "Japanese", "Korean",
                "Western European languages", "Baltic languages", "Central and Eastern European languages"):
        out[f"made-{lab}"] = (lambda r, lab=lab: r["made_for"] == lab, f"was made for {lab}")
    out["cp-over-1000"] = (lambda r: (r["code_page"] or 0) > 1000, "carries a code page number above 1000")
    out["close-relative"] = (lambda r: r["rel_diff"] is not None and r["rel_diff"] <= 8,
                             "has a single-byte relative that decodes at most 8 byte values differently")
    out["newline-other"] = (lambda r: r["text"] and r["enc"]["newline"] != "0a",
                            "writes a newline as something other than the byte 0A")
    out["sample-fails"] = (lambda r: r["text"] and r["sample_len"] is None, f"cannot encode '{SAMPLE}'")
    out["sample-long"] = (lambda r: r["text"] and (r["sample_len"] or 0) > 12,
                          f"needs more than 12 bytes for '{SAMPLE}'")
    return out


REV_Q = {
    "rev-alias": ["Which codec module does the encoding name {v} resolve to in Python?",
                  "Python accepts {v} as an encoding name. Which codec does it select?"],
    "rev-bytes": ["Which Python codec writes {v}?", "Which codec of this Python encodes {v}?"],
    "rev-source": ["Which Python codec module was generated from the mapping file {v}?"],
}  # fmt: skip
REV_CHAR = {"upper_a": "A", "e_acute": "é", "euro": "the euro sign", "omega": "Ω", "sharp_s": "ß", "han": "中",
            "newline": "a newline"}  # fmt: skip


def bytes_cue_unique(r: dict, combo: tuple[str, ...], snap: dict) -> bool:
    want = tuple(r["enc"][ck] for ck in combo)
    return sum(1 for x in all_facts(snap).values() if x["text"] and
               tuple(x["enc"][ck] for ck in combo) == want) == 1


def bytes_combo(r: dict, snap: dict) -> tuple[str, ...] | None:
    """The fewest test characters (one to three, rarest first) whose bytes single out the codec in the registry."""
    if not r["text"]:
        return None
    order = [ck for ck in ("han", "omega", "euro", "sharp_s", "e_acute", "newline", "upper_a")
             if r["enc"][ck] is not None and not (ck == "upper_a" and r["enc"][ck] == "41")
             and not (ck == "newline" and r["enc"][ck] == "0a")]
    from itertools import combinations

    for n in (1, 2, 3):
        for combo in combinations(order, n):
            if bytes_cue_unique(r, combo, snap):
                return combo
    return None


def rev_cue(r: dict, k: str, snap: dict) -> str | None:
    if k == "rev-alias":
        worthy = [a for a in r["aliases"] if alias_worthy(a)]
        return worthy[_h(r["key"], "revalias") % len(worthy)] if worthy else None
    if k == "rev-bytes":
        combo = bytes_combo(r, snap)
        return and_list([f"{REV_CHAR[ck]} as {hexsp(r['enc'][ck])}" for ck in combo]) if combo else None
    if k == "rev-source":
        return r["source"]
    return None


def rev_unique(r: dict, k: str, snap: dict) -> bool:
    """Does the cue single out the codec among all codecs of the registry?"""
    if k == "rev-alias":
        return True  # an alias names one codec
    if k == "rev-bytes":
        return bytes_combo(r, snap) is not None
    if k == "rev-source":
        return sum(x["source"] == r["source"] for x in all_facts(snap).values()) == 1
    return False


def rev_question(r: dict, k: str, snap: dict) -> str:
    tpls = REV_Q[k]
    tpl = tpls[_h(r["key"], "revq" + k) % len(tpls)]
    return cap(tpl.format(v=rev_cue(r, k, snap)))


def _row(snap: dict, x: str) -> dict:
    return reg_by(snap)[x]


# rows of the alias table: a fact of one alias
REG = {
    "reg_line": ("On which line of encodings/aliases.py is the alias {a} defined?",
                 lambda s, x: [str(_row(s, x)["line"])], lambda s, x: True),
    "reg_target": ("Which codec module does the alias {a} point to in encodings.aliases?",
                   lambda s, x: short_names(_row(s, x)["codec"], s, f"the alias {x}"),
                   lambda s, x: _row(s, x)["codec"] in s["codecs"] and _row(s, x)["codec"] not in cat_set()),
    "reg_count": ("How many aliases in all does encodings.aliases list for the codec that {a} points to?",
                  lambda s, x: [str(_row(s, x)["codec_aliases"])],
                  lambda s, x: _row(s, x)["codec"] not in cat_set() and _row(s, x)["codec_aliases"] >= 2),
}  # fmt: skip


REG_ORDER = ["reg_target", "reg_count", "reg_line"]


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = records(snap)
    by = {r["key"]: r for r in recs}
    reg = reg_by(snap)
    sp = split_pages(recs)
    sr = split_rows(snap, sp)
    cond = conditions(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    assign_layouts(recs)
    for s in ("dev", "test"):
        want = WANT[s]
        cols = sorted((c for c in by if sp[c] == s), key=lambda x: _h(x, "order" + s))
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
        starts = []
        for n in cols:
            for via in HOP_VIA:
                m = hop_target(by[n], via)
                if m and sp[m] == s:
                    starts.append((via, n, m))
        starts.sort(key=lambda x: _h(f"{x[0]}{x[1]}", "hopstart"))
        rank = Counter()
        order = []
        for x in starts:  # kinds in turn
            order.append((rank[x[0]], list(HOP_VIA).index(x[0]), len(order), x))
            rank[x[0]] += 1
        starts = [x[-1] for x in sorted(order)]
        for via, first, m in starts:
            if count("multi_hop") >= want["multi_hop"]:
                break
            if kinds("hop-" + via) >= CAP_HOP[s] or any((x, y) in used for x in (first, m)
                                                        for y in ("hopstart", "hopend")):
                continue
            t = by[m]
            if via == "alias":
                a = hop_start_alias(by[first])
                src, ev0, cue = reg[a], f"aliases#{a}", a
            else:
                src, ev0 = by[first], by[first]["id"]
                fr = [f for f in ("name", "alias") if f in refs(src, snap)]
                cue = refs(src, snap)[fr[_h(first, "hopref") % len(fr)]]
            tpls = HOP_VIA[via]
            tpl = tpls[_h(f"{first}{via}", "hopq") % len(tpls)]
            fields = sorted(HOP_FIELDS_OF[via], key=lambda f: _h(f + first, "hopfield"))
            for f in fields:
                g_m = hop_golds(t, f)
                if not g_m or (m, HOP_FACT[f]) in used:
                    continue
                own = hop_own(src, f, snap, via)
                if {tuple(_atok(x)) for x in g_m} & {tuple(_atok(x)) for x in own}:
                    continue
                q = cap(tpl.format(v=cue, f=HOP_FIELD[f][0]))
                if not gold_safe(q, g_m, "multi_hop") or any(in_question(q, x) for x in g_m) or \
                        not others_safe(q, g_m, others_of(t, recs, snap), "multi_hop"):
                    continue
                if any(_ok(q, g_m, "multi_hop", x) for x in own if _atok(x) not in [_atok(y) for y in g_m]):
                    continue
                add(q, g_m, "multi_hop", [ev0, t["id"]], "hop-" + via, field=f, via=first, target=m, ref=cue)
                used.update({(m, HOP_FACT[f]), (first, "hopstart"), (m, "hopend")})
                subj.update({m, first})
                break

        def try_single(n: str, k: str) -> bool:
            r = by[n]
            fact = SINGLE[k][4]
            if not SINGLE[k][2](r) or (n, fact) in used or kinds(k) >= CAP[s]:
                return False
            if k == "relative" and (r["relatives"][0] in by and sp[r["relatives"][0]] != s):
                return False
            g = single_golds(r, k, snap)
            if not g:
                return False
            for form in ref_forms(r, k, snap):
                q = single_question(r, k, form, snap)
                if any(in_question(q, x) for x in g) or not gold_safe(q, g) or \
                        not others_safe(q, g, others_of(r, recs, snap)):
                    continue
                if k == "relative" and not names_safe(q, g, other_names(r["relatives"][0], snap), "single_hop"):
                    continue
                add(q, g, "single_hop", [r["id"]], k, ref=form)
                used.add((n, fact))
                subj.add(n)
                return True
            return False

        for k in SINGLE_ORDER:
            if count("single_hop") >= want["single_hop"] - REG_PER_SPLIT[s]:
                break
            for n in cols:
                if n not in subj and try_single(n, k):
                    break
        ki = 0
        for rnd_pass in (0, 1, 2):
            for n in cols:
                if count("single_hop") >= want["single_hop"] - REG_PER_SPLIT[s]:
                    break
                if n in subj and (rnd_pass == 0 or (rnd_pass == 1 and any(i["evidence"] == [by[n]["id"]] for i in items))):
                    continue
                for _ in range(len(SINGLE_ORDER)):
                    k = SINGLE_ORDER[ki % len(SINGLE_ORDER)]
                    ki += 1
                    if try_single(n, k):
                        break
        # alias-table rows: one fact of one alias of the split
        rows_s = sorted((x for x in reg if sr[x] == s), key=lambda x: _h(x, "reg" + s))
        codecs_asked: set = set()
        for rkind in REG_ORDER:
            for x in rows_s:
                if count("single_hop") >= want["single_hop"] or kinds(rkind) >= 1:
                    break
                row = reg[x]
                if row["codec"] in codecs_asked or row["codec"] in subj or not REG[rkind][2](snap, x):
                    continue
                q = REG[rkind][0].format(a=x)
                g = REG[rkind][1](snap, x)
                if not g or any(in_question(q, y) for y in g) or not gold_safe(q, g) or \
                        not others_safe(q, g, reg_values(row) - set(g)):
                    continue
                if rkind == "reg_target" and not names_safe(q, g, other_names(row["codec"], snap), "single_hop"):
                    continue
                add(q, g, "single_hop", [f"aliases#{x}"], rkind, row=x)
                codecs_asked.add(row["codec"])
        # reverse: an alias, a byte sequence or a mapping file -> the codec
        rvk = list(REV_Q)
        for n in [x for x in cols if x not in subj] + [x for x in cols if x in subj]:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            for k in list(rvk):
                if kinds(k) >= CAP_REVERSE[s] or (n, "reverse") in used:
                    continue
                v = rev_cue(r, k, snap)
                if not v or not rev_unique(r, k, snap):
                    continue
                q = rev_question(r, k, snap)
                g = answer_names(n, snap, q)
                if not g:
                    continue
                if any(in_question(q, x) for x in g) or not gold_safe(q, g, "reverse") or \
                        not names_safe(q, g, other_names(n, snap)):
                    continue
                add(q, g, "reverse", [r["id"]], k, value=v)
                used.add((n, "reverse"))
                subj.add(n)
                rvk.append(rvk.pop(rvk.index(k)))
                break
        # comparisons of two codecs of the split
        turn = CMP_ORDER[6:] + CMP_ORDER[:6] if s == "test" else CMP_ORDER
        for k in turn * 4:  # kinds in turn (test starts where dev stops), a few tries each
            if count("comparison") >= want["comparison"]:
                break
            tpl, fn, pick, _ = CMP[k]
            for _ in range(120):
                a, b = rnd.sample(cols, 2)
                if not cmp_valid(k, by[a], by[b]) or (a, FIELD_OF[k]) in used or (b, FIELD_OF[k]) in used or \
                        kinds(k) >= CAP_CMP[s]:
                    continue
                fa, fb = fn(by[a]), fn(by[b])
                q = tpl.format(a=a, b=b)
                win = a if pick(fa, fb) == fa else b
                if not hedge_safe(q, [a, b], win):
                    continue
                add(q, [win], "comparison", [by[a]["id"], by[b]["id"]], k, options=[a, b], target=win,
                    candidates=[a, b])
                used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
                break
        # filters: among all catalogued codecs (two conditions), and among four listed ones
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
            w = both[0]["key"]
            if sp[w] != s or (w, "filter") in used:
                continue
            q = rnd.choice(["Which codec in this catalogue {a} and {b}?",
                            "Name the one catalogued codec that {a} and {b}.",
                            "I need the Python codec in this catalogue that {a} and {b}. Which is it?"])
            q = q.format(a=cond[c1][1], b=cond[c2][1])
            g = answer_names(w, snap, q)
            if not g or any(in_question(q, x) for x in g) or not gold_safe(q, g, "filter") or \
                    not names_safe(q, g, other_names(w, snap), "filter"):
                continue
            add(q, g, "filter", [both[0]["id"]], "filter", where={c1: True, c2: True}, candidates=[w])
            used.add((w, "filter"))
        tries = 0
        among = sorted(cond)
        while kinds("filter-among") < mix["filter-among"] and tries < 5000:
            tries += 1
            c = among[tries % len(among)]
            cands = rnd.sample(cols, 4)
            hits = [x for x in cands if cond[c][0](by[x])]
            if len(hits) != 1 or any((x, "filter-" + c) in used for x in cands) or (hits[0], "filter") in used:
                continue
            if cands[-1] == hits[0]:
                cands[0], cands[-1] = cands[-1], cands[0]
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these codecs {c}: {l}?", "Among {l}, which {c}?"])
            q = q.format(l=", ".join(cands), c=cond[c][1])
            gold = hits[0]
            if not hedge_safe(q, cands, gold, "filter") or not names_safe(q, [gold], other_names(gold, snap),
                                                                          "filter"):
                continue
            add(q, [gold], "filter", [by[gold]["id"]], "filter-among", options=list(cands), where={c: True},
                candidates=list(cands))
            used.update((x, "filter-" + c) for x in cands)
            used.add((gold, "filter"))
        # unanswerables: left-out codecs, then fields no page states
        for m in ABSENT[s]:
            for q in ABSENT_QUESTIONS[m]:
                if kinds("absent-codec") < ABSENT_MIX[s]:
                    add(q, [], "unanswerable", [], "absent-codec", codec=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(cols)
        rnd.shuffle(pages)
        i = j = 0
        while count("unanswerable") < want["unanswerable"]:
            f = fields[i % len(fields)]
            while not absent_field_ok(f, by[pages[j % len(pages)]]):
                j += 1
            n = pages[j % len(pages)]
            q = cap(ABSENT_FIELDS[f][0].format(n=n))
            add(q, [], "unanswerable", [], "absent-field", field=f, codec=n)
            i += 1
            j += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c31-{s}-{j:03d}", **it}
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
          f"layouts {dict(Counter(layout(r) for r in recs))}; {len(register_rows(snap))} alias rows")
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


def _name_pat(name: str) -> str:
    """A name with its parts joined by an optional separator, not inside a longer name ("iso_8859_16",
    "ISO-8859-16", "iso 8859 16")."""
    parts = [p for p in re.split(r"[_\-. ]+", name) if p]
    return r"(?<![A-Za-z0-9])" + r"[_\-. ]?".join(re.escape(p) for p in parts) + r"(?![A-Za-z0-9])"


def unique_sequences(k: str, snap: dict) -> list[str]:
    """The byte sequences of two or more bytes that codec k alone of the registry writes for a test character."""
    mine = all_facts(snap)[k]
    out = []
    for ck, _, _ in CHARS:
        h = mine["enc"][ck] if mine["text"] else None
        if h and len(h) >= 4 and not any(x["text"] and x["enc"][ck] == h for o, x in all_facts(snap).items()
                                         if o != k):
            out.append(h)
    return out


def absent_patterns(k: str, snap: dict) -> list[str]:
    """A left-out codec as its module name, the name codecs.lookup() reports, its aliases, its mapping file and the
    byte sequences only it writes."""
    x = all_facts(snap)[k]
    pats = [_name_pat(n) for n in [k, x["lookup"], *x["aliases"]]]
    if x["source_file"]:
        pats.append(r"(?<![A-Za-z0-9])" + re.escape(x["source_file"]))
    pats += [r"(?<![0-9A-Za-z])" + r" ?".join(h[i : i + 2] for i in range(0, len(h), 2)) + r"(?![0-9A-Za-z])"
             for h in unique_sequences(k, snap)]
    return list(dict.fromkeys(pats))


def unanswerable_pattern(q: dict, snap: dict) -> tuple[str, str]:
    if q["kind"] == "absent-codec":
        k = q["codec"]
        return "|".join(f"(?:{p})" for p in absent_patterns(k, snap)), f"It is the {k} codec."
    _, pat, made_up = ABSENT_FIELDS[q["field"]]
    return pat, made_up


def page_values(r: dict, snap: dict) -> list[str]:
    """What a page must state (as text, case-insensitive): every value of its record, and in the sheet and card
    layouts also the wording of their labelled cells."""
    vals = [r["key"], r["lookup"], f"encodings.{r['key']}", kind_text(r), f"{r['folder']}/",
            FAMILY_WORDS[r["folder"]], doc_text(r) if r["doc"] or layout(r) != "prose" else "has no docstring",
            source_line(snap)]
    vals += [number_text(r)] if number_text(r) else []
    vals += [r["made_for"]] if r["made_for"] else []
    vals += [and_list(r["aliases"]), str(r["n_aliases"])] if r["aliases"] else ["only its module name finds it"]
    vals += [r["source"]] if r["source"] else []
    vals += [r["c_module"]] if r["c_module"] else []
    prose = layout(r) == "prose"
    if r["text"]:
        vals += [bytes_text(r, ck) for ck, _, _ in CHARS if r["enc"][ck] is not None or not prose]
        vals += ["UnicodeEncodeError"] if None in r["enc"].values() else []
        if prose:
            vals += [hexsp(r["bom"]) if r["bom"] else "no byte-order mark",
                     "every ascii character keeps" if r["ascii_compat"] else
                     f"{r['ascii_differs']} of the 128 ASCII characters"]
        else:
            vals += [bom_text(r, snap), ascii_text(r)]
        vals += [f"{r['sample_len']} bytes" if r["sample_len"] is not None else
                 f"{r['sample_fails_at']} has no bytes in this codec", f"{r['ascii_len']} bytes",
                 "str.encode() and bytes.decode() accept it"]
    else:
        vals += [transform_in(r), transform_text(r), r["str_error"]]
    if r["kind"] == "single-byte":
        vals += [str(r["defined"]) if r["undefined"] else "all 256 byte values decode"]
        vals += [byte_hex(i) for i in r["undefined"][:6]] + r["relatives"] + [byte_hex(i) for i in r["rel_bytes"]]
        vals += [f"{r['rel_diff']} of the 256 byte values"] if r["relatives"] else [f"within {RELATIVE_MAX} byte values"]
        vals += [] if prose else [defined_text(r), relative_text(r)]
    if related_text(r):
        vals.append(related_text(r))
    if layout(r) != "prose":
        vals += [cell(b) if layout(r) == "sheet" else b for a, b in rows(r, snap)]
    fm = front(r)
    vals += [str(v) for k, v in fm.items() if not isinstance(v, (bool, list))]
    vals += [str(x) for v in fm.values() if isinstance(v, list) for x in v]
    return vals


def check_snapshot(snap: dict) -> list[str]:
    """The snapshot is whole and agrees with itself (no codec of this machine is called)."""
    bad = []
    cs = snap["codecs"]
    als = [a[0] for a in snap["aliases"]]
    bad += [f"alias {a} listed twice" for a, c in Counter(als).items() if c > 1]
    bad += [f"alias {a} -> {k}: no such codec" for a, k, _, _ in snap["aliases"] if k not in cs and
            k not in snap["not_read"]]
    lines = [a[2] for a in snap["aliases"]]
    if lines != sorted(lines) or len(set(lines)) != len(lines) or max(lines) > snap["aliases_lines"]:
        bad.append("alias lines are not increasing within encodings/aliases.py")
    bad += [f"{k}: read but not a codec of the snapshot" for k in READ if k not in cs]
    bad += [f"{x}: read twice" for x, c in Counter(READ).items() if c > 1]
    bad += [f"{k}: ABSENT but not read" for k in absent_codecs() if k not in READ]
    bad += [f"{k}: no family folder" for k in cs if not any(k in v for v in FAMILY.values())]
    bad += [f"{k}: MADE_FOR names no read codec" for k in MADE_FOR if k not in READ]
    bad += [f"{k}: in NOT_CODECS and read" for k in cs if k in snap["not_read"]]
    for k, c in cs.items():
        if c["text_encoding"]:
            if set(c["encode"]) != {ck for ck, _, _ in CHARS}:
                bad.append(f"{k}: characters missing")
            enc = [h for h in c["encode"].values() if h is not None] + [c["ascii_sample"]] + \
                ([c["sample"]] if c["sample"] is not None else [])
            if c["empty"] and not all(h.startswith(c["empty"]) for h in enc):
                bad.append(f"{k}: an encoding does not start with the byte-order mark")
            if not c["ascii_differs"] and c["ascii_sample"] != ASCII_SAMPLE.encode("ascii").hex():
                bad.append(f"{k}: ASCII compatible, yet 'Hello, world!' comes out otherwise")
            if "decoding" in c:
                t = c["decoding"]
                if len(t) != 256:
                    bad.append(f"{k}: decoding table of {len(t)} entries")
                    continue
                for (ck, ch, _) in CHARS:
                    h = c["encode"][ck]
                    if h is not None and (len(h) != 2 or t[int(h, 16)] != ord(ch)):
                        bad.append(f"{k}: {ck} encodes to {h}, which does not decode back")
                    if h is None and ord(ch) in t:
                        bad.append(f"{k}: {ck} cannot be encoded, yet a byte decodes to it")
                if c["sample"] is not None and [t[b] for b in bytes.fromhex(c["sample"])] != [ord(x) for x in SAMPLE]:
                    bad.append(f"{k}: the sample does not decode back through the table")
                if (c["sample"] is None) != any(ord(x) not in t for x in SAMPLE):
                    bad.append(f"{k}: the sample fails where the table has every character, or the reverse")
            elif c["impl"] == "charmap":
                bad.append(f"{k}: a charmap codec without a decoding table")
        else:
            if c["str_encode_error"] is None or "is not a text encoding" not in c["str_encode_error"]:
                bad.append(f"{k}: a transform that str.encode() takes")
    for k in absent_codecs():
        for r in READ:
            if r in absent_codecs() or "decoding" not in cs[r]:
                continue
            if k in relatives(r, snap)[0]:
                bad.append(f"{k}: ABSENT but the closest relative of {r}")
    return bad


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.frontmatter import normalize_metadata
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = records(snap)
    by = {r["key"]: r for r in recs}
    pid = {r["id"]: r for r in recs}
    reg = reg_by(snap)
    sp = split_pages(recs)
    sr = split_rows(snap, sp)
    cond = conditions(recs)
    results: list[tuple[str, list[str]]] = []
    # 1. snapshot -> files
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*") if p.is_file()}
    bad = [f"{k}: differs or missing" for k in pages if on_disk.get(k) != pages[k]]
    bad += [f"{k}: not rendered from the snapshot" for k in on_disk if k not in pages]
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages) - 1} pages and aliases.csv)", bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    # 2. the snapshot itself
    bad = check_snapshot(snap)
    bad += [] if [r["key"] for r in recs] == catalogued() else ["records are not READ less ABSENT"]
    bad += [f"{r['key']}: record differs when computed again" for r in recs if make_record(r["key"], snap) != r]
    results.append((f"the snapshot is whole and agrees with itself ({len(snap['aliases'])} aliases, each once, on "
                    f"increasing lines; {len(snap['codecs'])} codecs, each in a family folder; every single-byte "
                    f"codec's bytes decode back through its table; byte-order marks lead every encoding); the "
                    f"{len(READ)} read among them; no left-out codec is a closest relative; records are READ less "
                    f"ABSENT (no codec of this machine called)", bad))
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
    want_ids = set(pid) | {f"aliases#{k}" for k in reg}
    bad += [] if set(docs) == want_ids else [f"document ids {sorted(set(docs) ^ want_ids)[:5]} are not the pages and rows"]
    bad += [i for i, r in pid.items() if i in docs and (docs[i].title != title(r)
                                                         or docs[i].metadata != normalize_metadata(front(r)))]
    bad += [k for k, x in reg.items() if f"aliases#{k}" in docs and docs[f"aliases#{k}"].title != x["title"]]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents ({len(pid)} pages titled "
                    f"\"<module> (<lookup name>)\" with their front matter, {len(reg)} alias rows)", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: x.lower() for i, x in full.items()}
    ftoks = {i: answer_tokens(x) for i, x in full.items()}
    assign_layouts(recs)
    bad = []
    for i, r in pid.items():
        bad += [f"{i}: {v!r} not in the body" for v in page_values(r, snap) if v.lower() not in low[i]]
        golds = [g for k in SINGLE if SINGLE[k][2](r) for g in (single_golds(r, k, snap) or [])]
        golds += [g for k in HOP_FIELD for g in (hop_golds(r, k) or [])] + (ident(r["key"], snap) or [])
        bad += [f"{i}: gold form {g!r} not in the page tokens" for g in golds
                if not contains_tokens(ftoks[i], answer_tokens(g))]
    for k, x in reg.items():
        bad += [f"aliases#{k}: {c} {x[c]!r} not in the row" for c in REG_COLUMNS[1:]
                if str(x[c]).lower() not in low[f"aliases#{k}"]]
    results.append(("every field of a record (and of its front matter) is stated in its page body, every gold form "
                    "as tokens; every alias-table column in its row", bad))
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
            k = q["kind"]
            if not re.fullmatch(rf"c31-{s}-\d\d\d", it.id) or not k:
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or k == "filter-among"):
                idb.append(f"{it.id}: options")
            if it.type == "multi_hop" and len(set(it.evidence)) != 2:
                idb.append(f"{it.id}: a chain needs two documents")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("2", "E2 82 AC", "cp1252", unanswerable_pattern(q, snap)[1]):
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
            golds_tok = [answer_tokens(g) for g in it.answers]
            if it.type in ("single_hop", "multi_hop"):
                if last.startswith("aliases#"):
                    oth = reg_values(reg[last.split("#", 1)[1]])
                else:
                    oth = others_of(pid[last], recs, snap) | cat_vals
                gold_ok += [f"{it.id}: the other value {x!r} scores correct" for x in sorted(oth)
                            if answer_tokens(x) not in golds_tok and is_correct(it, x, False)]
            if k.startswith("hop-"):
                src = reg[q["ref"]] if k == "hop-alias" else by[q["via"]]
                own = hop_own(src, q["field"], snap, k[4:]) + [q["ref"]]
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
            answer_codec = None
            if it.type in ("reverse", "filter"):
                answer_codec = pid[it.evidence[0]]["key"]
            elif k == "relative":
                answer_codec = pid[it.evidence[0]]["relatives"][0]
            elif k == "reg_target":
                answer_codec = reg[q["row"]]["codec"]
            if answer_codec:
                cmpw += [f"{it.id}: {o} scores correct" for o in other_names(answer_codec, snap)
                         if answer_tokens(o) not in golds_tok and is_correct(it, o, False)]
    n_names = sum(len(v) for v in registry_names(snap).values())
    results += [("ids c31-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables, two on chains), "
                 "options where due", idb),
                ("every gold occurs in its last evidence document as accuracy tokens, the first also as text", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question; no bare yes/no/none/0 "
                 "gold; a sentence citing the source, number + 1, the page's (row's) other counts, bytes, names and "
                 "files, the catalogue's byte sequences and codec names and (chains) the first document's names and "
                 "values score wrong", gold_ok),
                (f"wrong options, hedges and every other codec name score wrong (where a codec is the answer: all "
                 f"{n_names} names of the registry: module names, their hyphenated spellings, lookup names, aliases); "
                 f"filter-among gold never last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 5. facts against the snapshot
    fct = []
    for s in rows_:
        for q in rows_[s]:
            k = q["kind"]
            if k in SINGLE:
                r = pid[q["evidence"][0]]
                ok = SINGLE[k][2](r) and q["answers"] == single_golds(r, k, snap) and \
                    q["question"] == single_question(r, k, q["ref"], snap)
                if not ok:
                    fct.append(f"{q['id']}: gold differs from the snapshot")
            elif k in REG:
                x = q["row"]
                if q["evidence"] != [f"aliases#{x}"] or REG[k][1](snap, x) != q["answers"] or \
                        not REG[k][2](snap, x) or q["question"] != REG[k][0].format(a=x):
                    fct.append(f"{q['id']}: alias-table gold differs from the snapshot")
            elif k.startswith("hop-"):
                via, tg = k[4:], by[q["target"]]
                src = by[q["via"]]
                ev0 = f"aliases#{q['ref']}" if via == "alias" else src["id"]
                ok = q["evidence"] == [ev0, tg["id"]] and hop_target(src, via) == tg["key"] and \
                    q["ref"] in q["question"] and hop_golds(tg, q["field"]) == q["answers"]
                if via == "alias":
                    ok = ok and q["ref"] == hop_start_alias(src) and reg[q["ref"]]["codec"] == tg["key"]
                if not ok:
                    fct.append(f"{q['id']}: the chain does not reach its target")
            elif q["type"] == "reverse":
                r = pid[q["evidence"][0]]
                if rev_cue(r, k, snap) != q["value"] or not rev_unique(r, k, snap) or \
                        q["answers"] != answer_names(r["key"], snap, q["question"]) or \
                        q["question"] != rev_question(r, k, snap):
                    fct.append(f"{q['id']}: the cue does not single out its answer")
                if k == "rev-alias" and reg[q["value"]]["codec"] != r["key"]:
                    fct.append(f"{q['id']}: the alias names another codec")
            elif q["type"] == "comparison":
                _, fn, pick, _ = CMP[k]
                a, b = q["candidates"]
                fa, fb = fn(by[a]), fn(by[b])
                win = a if pick(fa, fb) == fa else b
                if not cmp_valid(k, by[a], by[b]) or q["target"] != win or q["options"] != [a, b] or \
                        q["answers"] != [win]:
                    fct.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                hit = [x["key"] for x in recs if all(cond[c][0](x) == v for c, v in q["where"].items())]
                each = [sum(cond[c][0](x) == v for x in recs) for c, v in q["where"].items()]
                if hit != q["candidates"] or q["answers"] != answer_names(hit[0], snap, q["question"]) or min(each) < 2:
                    fct.append(f"{q['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = q["where"].items()
                if [x for x in q["candidates"] if cond[c][0](by[x]) == v] != q["answers"] or \
                        q["options"] != q["candidates"]:
                    fct.append(f"{q['id']}: filter-among")
    results.append(("facts agree with snapshot.json (values, chains, unique cues, winners, filters)", fct))
    # 6. split separation, unanswerables

    def pages_of(s):
        out, rws, cods = set(), set(), set()
        for q in rows_[s]:
            for e in q["evidence"]:
                if e in pid:
                    out.add(pid[e]["key"])
                else:
                    rws.add(e.split("#", 1)[1])
            out |= set(q.get("candidates", []))
            out |= {q[k] for k in ("target", "via", "codec") if q.get(k) in by}
            if q["kind"] == "relative" and pid[q["evidence"][0]]["relatives"][0] in by:
                out.add(pid[q["evidence"][0]]["relatives"][0])
            if q["kind"] in REG:
                cods.add(reg[q["row"]]["codec"])
        return out, rws, cods

    sep = []
    (pd, rd, cd), (pt, rt, ct) = pages_of("dev"), pages_of("test")
    sep += [f"{p} asked in both splits" for p in (pd & pt) | (rd & rt) | (cd & ct)]
    for s, (ps, rs, _) in (("dev", (pd, rd, cd)), ("test", (pt, rt, ct))):
        sep += [f"{s}: {p} is a page of the other split" for p in ps if sp[p] != s]
        sep += [f"{s}: alias row {k} is of the other split" for k in rs if sr[k] != s]
    sep += [f"{r['key']} ({sp[r['key']]}) is tied to {x} ({sp[x]})" for r in recs for x in links(r)
            if sp[x] != sp[r["key"]]]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    for s in rows_:
        qn = Counter(" ".join(answer_tokens(it.question)) for it in items[s])
        sep += [f"{s}: {x!r} twice" for x, c in qn.items() if c > 1]
    ab = {s: {q.get("codec") for q in rows_[s] if q["kind"] == "absent-codec"} for s in rows_}
    sep += sorted(ab["dev"] & ab["test"])
    sep += [f"{s}: absent codec {m} not of this split" for s in rows_ for m in ab[s] if m not in ABSENT[s]]
    for s in rows_:
        asked = Counter()
        for q in rows_[s]:
            k = q["kind"]
            if k in SINGLE:
                asked[(q["evidence"][0], SINGLE[k][4])] += 1
            if k in REG:
                asked[(reg[q["row"]]["codec"], "alias table")] += 1
            if k.startswith("hop-"):
                asked[(q["target"], HOP_FACT[q["field"]])] += 1
                asked[("start", q["via"])] += 1
                asked[("end", q["target"])] += 1
            if q["type"] == "reverse":
                asked[(q["evidence"][0], "reverse")] += 1
        sep += [f"{s}: {k} asked {c} times" for k, c in asked.items() if c > 1]
        hop_facts = {(by[q["target"]]["id"], HOP_FACT[q["field"]]) for q in rows_[s] if q["kind"].startswith("hop-")}
        sep += [f"{s}: {q['id']} asks a fact a chain asks" for q in rows_[s] if q["kind"] in SINGLE
                and (q["evidence"][0], SINGLE[q["kind"]][4]) in hop_facts]
    n_dev = sum(v == "dev" for v in sp.values())
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by link group (a codec and its catalogued closest "
                    "single-byte relatives), alias rows with their codec: no link crosses the splits, no question "
                    "uses a page or row of the other split, no page or codec asked about in both splits, a fact asked "
                    "once per split, no absent codec in both, no question repeated", sep))
    un = []
    texts = dict(on_disk)
    for m in absent_codecs():
        for pat in absent_patterns(m, snap):
            hits = [p for p, x in texts.items() if re.search(pat, x, re.I)]
            if hits:
                un.append(f"ABSENT {m} {pat!r}: on {hits[:3]}")
    for s in rows_:
        for q in rows_[s]:
            if q["type"] != "unanswerable":
                continue
            m = q.get("codec")
            if q["kind"] == "absent-codec" and (m not in ABSENT[s] or not any(
                    re.search(p, q["question"], re.I) for p in absent_patterns(m, snap))):
                un.append(f"{q['id']}: absent codec")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or m not in by or m not in q["question"]
                                                or not absent_field_ok(q["field"], by[m])):
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
    results.append(("unanswerables: each pattern matches its made-up answer and no corpus file (left-out codecs: "
                    "module name, lookup name and aliases with any separator, mapping file, byte sequences only they "
                    "write, on no page or row)", un))
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
