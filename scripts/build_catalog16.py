"""Build the catalog16 evaluation corpus: root certificates of this machine's ca-certificates.

    PYTHONPATH=src python scripts/build_catalog16.py snapshot [--force]  # /usr/share/ca-certificates/mozilla -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog16.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog16.py check               # loader + scorer + fact checks, no model

`snapshot` runs `openssl x509` on every `*.crt` of /usr/share/ca-certificates/mozilla (Debian's
ca-certificates, the Mozilla root store): for each it keeps the file name, the label (the file
name without `.crt`, `_` as a space), the subject common name and organisation (`index`, for the
checks). For the certificates named in CHOSEN it also keeps openssl's raw output (`raw`: subject
and issuer one attribute a line, the dates, the serial, the SHA-256 fingerprint, and `-text`
without the modulus, public point and signature bytes) and the record parsed from it: subject
attributes, issuer, self-signed or not, serial (hex), not-before and not-after dates and times,
the validity in days and in full years, key algorithm, size and curve, signature algorithm, basic
constraints (path length), key usage, SHA-256 fingerprint, and the country's English name from
/usr/share/iso-codes. Written to `evalsets/catalog16/snapshot.json` (committed; `snapshot`
refuses to overwrite it without --force): another machine ships other certificates, so the
committed snapshot is the source of the corpus.

`build` renders one markdown page per certificate from snapshot.json alone, `<id>.md` (the label
with accents folded, lower case, every run of characters other than a-z and 0-9 as `-`), titled
`# <label>`, with YAML front matter (certificate, country, key_algorithm, expires) and a body in
one of three layouts dealt in turn in the order of sha256("catalog16:<id>"): `ledger` (a
`| Field | Value |` table, dates as 2011-05-05), `narrative` (prose paragraphs, wording varied per
page, dates as 5 May 2011) or `fieldlist` (headed sections of `Label: value` bullets, dates as
May 5, 2011). Then it generates dev.jsonl and test.jsonl from the snapshot (seeded, SEED) and
writes test.jsonl.sha256. It refuses to overwrite corpus/ or the question files without --force.

`check` renders the snapshot and the questions again and compares them with the committed files,
parses the raw openssl output again, loads the corpus with ragtune's loader, reads both splits
with `load_qa`, and checks every item (evidence, gold in evidence text and tokens, scoring
verdicts, facts against the snapshot, split separation, unanswerables absent by pattern, the
sha256, the type mix).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog16"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
CERTDIR = Path("/usr/share/ca-certificates/mozilla")
ISO3166 = Path("/usr/share/iso-codes/json/iso_3166-1.json")
SEED = 16

# 88 of the 142 certificate files: 33 pairs of one subject organisation (for the two-record
# chains), a few larger families cut to three or five, and single roots; chosen so that few labels
# lie inside another (NetLock's file name and Microsec 2009's e-mail address left out).
CHOSEN = [
    "AC_RAIZ_FNMT-RCM.crt", "AC_RAIZ_FNMT-RCM_SERVIDORES_SEGUROS.crt", "ACCVRAIZ1.crt",
    "Actalis_Authentication_Root_CA.crt", "AffirmTrust_Commercial.crt",
    "AffirmTrust_Premium_ECC.crt", "Amazon_Root_CA_1.crt", "Amazon_Root_CA_3.crt",
    "Atos_TrustedRoot_2011.crt", "Autoridad_de_Certificacion_Firmaprofesional_CIF_A62634068.crt",
    "Baltimore_CyberTrust_Root.crt", "Buypass_Class_2_Root_CA.crt", "Buypass_Class_3_Root_CA.crt",
    "COMODO_ECC_Certification_Authority.crt", "COMODO_RSA_Certification_Authority.crt", "Certainly_Root_E1.crt",
    "Certainly_Root_R1.crt", "Certigna_Root_CA.crt", "Certum_EC-384_CA.crt", "Certum_Trusted_Network_CA_2.crt",
    "Certum_Trusted_Root_CA.crt", "Comodo_AAA_Services_root.crt", "D-TRUST_BR_Root_CA_1_2020.crt",
    "D-TRUST_Root_Class_3_CA_2_2009.crt", "DigiCert_Assured_ID_Root_CA.crt", "DigiCert_Global_Root_G2.crt",
    "DigiCert_TLS_ECC_P384_Root_G5.crt", "DigiCert_TLS_RSA4096_Root_G5.crt",
    "DigiCert_Trusted_Root_G4.crt", "E-Tugra_Global_Root_CA_ECC_v3.crt", "E-Tugra_Global_Root_CA_RSA_v3.crt",
    "Entrust_Root_Certification_Authority_-_EC1.crt", "Entrust_Root_Certification_Authority_-_G4.crt",
    "GTS_Root_R1.crt", "GTS_Root_R3.crt", "GlobalSign_ECC_Root_CA_-_R5.crt", "GlobalSign_Root_CA_-_R6.crt",
    "GlobalSign_Root_R46.crt", "HARICA_TLS_ECC_Root_CA_2021.crt", "HARICA_TLS_RSA_Root_CA_2021.crt",
    "HiPKI_Root_CA_-_G1.crt", "Hongkong_Post_Root_CA_1.crt", "Hongkong_Post_Root_CA_3.crt", "ISRG_Root_X1.crt",
    "ISRG_Root_X2.crt", "IdenTrust_Commercial_Root_CA_1.crt", "IdenTrust_Public_Sector_Root_CA_1.crt",
    "Izenpe.com.crt", "Microsoft_ECC_Root_Certificate_Authority_2017.crt",
    "Microsoft_RSA_Root_Certificate_Authority_2017.crt", "OISTE_WISeKey_Global_Root_GB_CA.crt",
    "OISTE_WISeKey_Global_Root_GC_CA.crt", "QuoVadis_Root_CA_1_G3.crt", "QuoVadis_Root_CA_2.crt",
    "QuoVadis_Root_CA_3_G3.crt", "SSL.com_EV_Root_Certification_Authority_ECC.crt",
    "SSL.com_Root_Certification_Authority_RSA.crt", "Sectigo_Public_Server_Authentication_Root_E46.crt",
    "Sectigo_Public_Server_Authentication_Root_R46.crt", "SecureTrust_CA.crt", "Secure_Global_CA.crt",
    "Security_Communication_ECC_RootCA1.crt", "Security_Communication_RootCA2.crt", "Starfield_Class_2_CA.crt",
    "Starfield_Services_Root_Certificate_Authority_-_G2.crt", "SwissSign_Gold_CA_-_G2.crt",
    "SwissSign_Silver_CA_-_G2.crt", "T-TeleSec_GlobalRoot_Class_2.crt", "T-TeleSec_GlobalRoot_Class_3.crt",
    "TWCA_Global_Root_CA.crt", "TWCA_Root_Certification_Authority.crt", "TrustCor_ECA-1.crt",
    "TrustCor_RootCert_CA-2.crt", "Trustwave_Global_Certification_Authority.crt",
    "Trustwave_Global_ECC_P256_Certification_Authority.crt", "TunTrust_Root_CA.crt",
    "UCA_Extended_Validation_Root.crt", "UCA_Global_G2_Root.crt", "USERTrust_ECC_Certification_Authority.crt",
    "USERTrust_RSA_Certification_Authority.crt", "XRamp_Global_CA_Root.crt", "ePKI_Root_Certification_Authority.crt",
    "emSign_ECC_Root_CA_-_C3.crt", "emSign_ECC_Root_CA_-_G3.crt", "emSign_Root_CA_-_C1.crt",
    "emSign_Root_CA_-_G1.crt", "vTrus_ECC_Root_CA.crt", "vTrus_Root_CA.crt",
]  # fmt: skip

# Certificates of this machine's store that are NOT catalogued (checked: their labels are on no
# page and hold no catalogued label), for unanswerable questions; each split takes its own.
ABSENT = ["Amazon Root CA 2", "GTS Root R2", "GTS Root R4", "DigiCert Global Root CA", "DigiCert High Assurance EV Root CA",
          "Go Daddy Root Certificate Authority - G2", "Starfield Root Certificate Authority - G2", "NAVER Global Root Certification Authority",
          "SZAFIR ROOT CA2", "TeliaSonera Root CA v1", "Security Communication RootCA3", "GlobalSign Root E46",
          "certSIGN Root CA G2", "SecureSign RootCA11", "GDCA TrustAUTH R5 ROOT", "CFCA EV ROOT"]  # fmt: skip
ABSENT_SPLIT = {"dev": 4, "test": 6}
ABSENT_QUESTIONS = ["When does the {n} root certificate expire?", "What is the key size of {n}?",
                    "Which organisation is named in the subject of {n}?", "What is the serial number of {n}?"]  # fmt: skip

# What these pages never state about a certificate: (question, a pattern no page may match, a
# made-up answer that the pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "ocsp": ("What is the URL of the OCSP responder for certificates issued under {n}?",
             r"ocsp|https?://|\bresponder\b", "The OCSP responder is http://ocsp.example.net."),
    "crl": ("Where is the CRL distribution point of {n} published?",
            r"distribution point|\.crl\b|https?://|ldap://", "The CRL is at http://crl.example.net/root.crl."),
    "exponent": ("What is the public exponent of the key in {n}?",
                 r"exponent|\b65537\b|0x10001", "The public exponent is 65537 (0x10001)."),
    "ski": ("What is the subject key identifier of {n}?",
            r"key identifier|\bski\b", "Its subject key identifier is 9C:5F:D0:6C:63:A3."),
    "policy": ("Which certificate policy OID does {n} assert?",
               r"\bpolic(y|ies)\b|\b\d+(\.\d+){3,}\b", "It asserts the policy 2.23.140.1.1."),
    "audit": ("Which firm carried out the latest audit of the CA behind {n}?",
              r"\baudit|webtrust|\betsi\b", "It was last audited under WebTrust by a Zurich firm."),
    "price": ("How much does the operator of {n} charge for a TLS certificate?",
              r"(usd|eur|gbp|\$|€|£) ?\d|\bpric(e|es|ing)\b|\bcharges?\b|\bcosts?\b", "A certificate costs USD 49 a year."),
    "hsm": ("Which hardware security module holds the private key of {n}?",
            r"hardware security|\bhsm\b|private key", "Its private key sits in a Thales Luna HSM."),
    "issued": ("How many end-entity certificates have been issued under {n}?",
               r"\b\d[\d,]* (certificates|leaf|end-entity)|\bend-entity\b", "About 4,200,000 certificates were issued."),
    "constraints": ("Which DNS names do the name constraints of {n} permit?",
                    r"name constraints?|\bpermitted\b|excluded subtree", "Its name constraints permit only .gov.tw."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
N_DEV_PAGES = 35
HOP_SIBLING = {"dev": 2, "test": 3}  # two-record chains; the rest of multi_hop starts from a fingerprint
LAYOUTS = ("ledger", "narrative", "fieldlist")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
# country codes that are English words: never a gold on their own ("It is IT" would score)
CODE_WORDS = {"it", "no", "in", "us", "be", "at", "is", "to", "as", "on", "or", "an", "am", "me", "my", "so", "do",
              "go", "he", "we", "hi", "by", "of", "up", "if", "id", "ca"}  # fmt: skip

# ------------------------------------------------------------------ reading the source


def openssl(path: Path, *args: str) -> str:
    return subprocess.run(["openssl", "x509", "-in", str(path), "-noout", *args], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip


NAMEOPT = ["-nameopt", "sep_multiline,sname,utf8,-esc_msb"]
_HEXLINE = re.compile(r"^\s+([0-9a-f]{2}:)*[0-9a-f]{2}:?\s*$")


def label_of(file: str) -> str:
    return file[: -len(".crt")].replace("_", " ")


def read_raw(path: Path) -> dict:
    text = openssl(path, "-text", "-certopt", "no_sigdump")
    return {
        "subject": openssl(path, "-subject", *NAMEOPT),
        "issuer": openssl(path, "-issuer", *NAMEOPT),
        "dates": openssl(path, "-dates"),
        "serial": openssl(path, "-serial"),
        "fingerprint": openssl(path, "-fingerprint", "-sha256"),
        # -text without the modulus / public point bytes (lower-case hex lines)
        "text": "\n".join(ln for ln in text.splitlines() if not _HEXLINE.match(ln)) + "\n",
    }


def parse_names(block: str) -> list[list[str]]:
    out = []
    for ln in block.splitlines()[1:]:
        if ln.strip():
            k, v = ln.strip().split("=", 1)
            out.append([k, v])
    return out


def parse_date(s: str) -> tuple[str, str]:
    """'May  5 09:37:37 2011 GMT' -> ('2011-05-05', '09:37:37')."""
    mon, day, time, year, _ = s.split()
    m = [x[:3] for x in MONTHS].index(mon) + 1
    return f"{int(year):04d}-{m:02d}-{int(day):02d}", time


def full_years(nb: str, na: str) -> tuple[int, int]:
    """Whole years from nb to na (dates), and the days left over."""
    b, a = dt.date.fromisoformat(nb), dt.date.fromisoformat(na)
    y = a.year - b.year - ((a.month, a.day) < (b.month, b.day))
    return y, (a - b.replace(year=b.year + y)).days


def make_record(file: str, raw: dict, countries: dict[str, str]) -> dict:
    subj, iss = parse_names(raw["subject"]), parse_names(raw["issuer"])

    def one(k):
        vals = [v for a, v in subj if a == k]
        return vals[0] if vals else None

    d = dict(ln.split("=", 1) for ln in raw["dates"].splitlines() if "=" in ln)
    nb, nbt = parse_date(d["notBefore"])
    na, nat = parse_date(d["notAfter"])
    t = raw["text"]
    pk = re.search(r"Public Key Algorithm: (\S+)", t).group(1)
    curve = re.search(r"NIST CURVE: (\S+)", t)
    oid = re.search(r"ASN1 OID: (\S+)", t)
    bc = re.search(r"X509v3 Basic Constraints:( critical)?\n\s*(.*)", t)
    ku = re.search(r"X509v3 Key Usage:( critical)?\n\s*(.*)", t)
    sig = re.search(r"Signature Algorithm: (\S+)", t).group(1)
    pathlen = re.search(r"pathlen:(\d+)", bc.group(2)) if bc else None
    years, extra = full_years(nb, na)
    c = one("C")
    return {
        "file": file, "label": label_of(file), "subject": subj, "issuer": iss, "self_signed": subj == iss,
        "cn": one("CN"), "org": one("O"), "units": [v for a, v in subj if a == "OU"], "locality": one("L"),
        "state": one("ST"), "country": c, "country_name": countries.get(c) if c else None,
        "serial": raw["serial"].strip().split("=", 1)[1],
        "not_before": nb, "not_before_time": nbt, "not_after": na, "not_after_time": nat,
        "days": (dt.date.fromisoformat(na) - dt.date.fromisoformat(nb)).days, "years": years, "extra_days": extra,
        "key": "EC" if pk == "id-ecPublicKey" else "RSA" if pk == "rsaEncryption" else pk,
        "bits": int(re.search(r"Public-Key: \((\d+) bit\)", t).group(1)),
        "curve": curve.group(1) if curve else None, "curve_oid": oid.group(1) if oid else None,
        "sig": sig, "fingerprint": raw["fingerprint"].strip().split("=", 1)[1],
        "bc": None if not bc else {"critical": bool(bc.group(1)), "ca": "CA:TRUE" in bc.group(2),
                                   "pathlen": int(pathlen.group(1)) if pathlen else None},
        "ku": None if not ku else {"critical": bool(ku.group(1)), "usages": [x.strip() for x in ku.group(2).split(",")]},
    }  # fmt: skip


def read_countries() -> dict[str, str]:
    data = json.loads(ISO3166.read_text(encoding="utf-8"))["3166-1"]
    return {c["alpha_2"]: c.get("common_name", c["name"]) for c in data}


def scan() -> dict:
    files = sorted(p.name for p in CERTDIR.glob("*.crt"))
    index, raws = [], {}
    for f in files:
        subj = parse_names(openssl(CERTDIR / f, "-subject", *NAMEOPT))
        get = lambda k: next((v for a, v in subj if a == k), None)  # noqa: E731
        index.append([f, label_of(f), get("CN"), get("O")])
    missing = [f for f in CHOSEN if f not in files]
    if missing:
        sys.exit(f"not on this machine: {missing}")
    allc = read_countries()
    for f in CHOSEN:
        raws[f] = read_raw(CERTDIR / f)
    codes = sorted({v for r in raws.values() for a, v in parse_names(r["subject"]) if a == "C"})
    countries = {c: allc[c] for c in codes}
    recs = [make_record(f, raws[f], countries) for f in CHOSEN]
    recs.sort(key=lambda r: r["label"].lower())

    def version(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return "unknown"

    ver = version(["dpkg-query", "-W", "-f", "${Version}", "ca-certificates"])
    return {"source": f"{CERTDIR} (Debian ca-certificates {ver})", "version": ver,
            "openssl": version(["openssl", "version"]), "countries": countries, "index": index,
            "raw": {f: raws[f] for f in sorted(raws)}, "records": recs}  # fmt: skip


# ------------------------------------------------------------------ pages


def fold(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def doc_id(r: dict) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(r["label"]).lower()).strip("-")


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog16:{salt}{key}".encode()).hexdigest(), 16)


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    for i, d in enumerate(sorted((doc_id(r) for r in recs), key=_h)):
        _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[doc_id(r)]


def and_list(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def iso(d: str) -> str:
    return d


def us_date(d: str) -> str:
    y, m, dd = d.split("-")
    return f"{MONTHS[int(m) - 1]} {int(dd)}, {y}"


def uk_date(d: str) -> str:
    y, m, dd = d.split("-")
    return f"{int(dd)} {MONTHS[int(m) - 1]} {y}"


DATE_FORM = {"ledger": iso, "fieldlist": us_date, "narrative": uk_date}


def date_golds(r: dict, which: str) -> list[str]:
    d = r[which]
    first = DATE_FORM[layout(r)](d)
    return [first] + [f(d) for f in (iso, us_date, uk_date) if f(d) != first]


def hash_of(r: dict) -> str:
    m = re.search(r"sha(\d+)", r["sig"], re.I)
    return f"SHA-{m.group(1)}"


def sig_desc(r: dict) -> str:
    return f"{'ECDSA' if r['sig'].startswith('ecdsa') else 'RSA'} with {hash_of(r)}"


def bits_form(r: dict) -> str:
    return f"{r['bits']} bits" if layout(r) == "fieldlist" else f"{r['bits']}-bit"


def key_text(r: dict) -> str:
    if r["key"] == "EC":
        return f"EC {r['curve']} ({r['curve_oid']}), {r['bits']}-bit"
    return f"RSA {r['bits']}-bit"


def country_text(r: dict) -> str:
    return f"{r['country']} ({r['country_name']})" if r["country"] else "none"


def dn_text(names: list[list[str]]) -> str:
    return ", ".join(f"{k}={v}" for k, v in names)


def validity_text(r: dict) -> str:
    if r["extra_days"] == 0:
        return f"{r['days']} days (exactly {r['years']} years)"
    return f"{r['days']} days ({r['years']} full years and {r['extra_days']} days)"


def bc_text(r: dict) -> str:
    bc = r["bc"]
    if not bc:
        return "absent (no basic constraints extension)"
    crit = "critical" if bc["critical"] else "not critical"
    limit = f"path length limit {bc['pathlen']}" if bc["pathlen"] is not None else "no path length limit"
    return f"CA:{'TRUE' if bc['ca'] else 'FALSE'} ({crit}), {limit}"


def ku_text(r: dict) -> str:
    ku = r["ku"]
    if not ku:
        return "absent (no key usage extension)"
    return f"{', '.join(ku['usages'])} ({'critical' if ku['critical'] else 'not critical'})"


def issuer_text(r: dict) -> str:
    return "same as the subject (self-signed)" if r["self_signed"] else dn_text(r["issuer"])


def front_matter(r: dict) -> str:
    return ("---\n" f"certificate: {json.dumps(r['label'], ensure_ascii=False)}\n"
            f"country: {json.dumps(r['country'] or 'none')}\n" f"key_algorithm: {json.dumps(r['key'])}\n"
            f"expires: {r['not_after'][:4]}\n" "---\n")  # fmt: skip


def render(r: dict, version: str) -> str:
    n, kind, w = r["label"], layout(r), _h(doc_id(r), "w")
    df = DATE_FORM[kind]
    head = front_matter(r) + f"\n# {n}\n\n"
    src = f"/usr/share/ca-certificates/mozilla/{r['file']}"
    if kind == "ledger":
        rows = [("Certificate", n), ("File", f"{r['file']} (ca-certificates {version})"),
                ("Subject", dn_text(r["subject"])), ("Subject common name", r["cn"] or "none"),
                ("Subject organisation", r["org"] or "none"),
                ("Organisational unit", "; ".join(r["units"]) or "none"), ("Locality", r["locality"] or "none"),
                ("Country", country_text(r)), ("Issuer", issuer_text(r)), ("Serial number (hex)", r["serial"]),
                ("Valid from", f"{df(r['not_before'])} {r['not_before_time']} GMT"),
                ("Valid until", f"{df(r['not_after'])} {r['not_after_time']} GMT"),
                ("Validity period", validity_text(r)), ("Public key", key_text(r)),
                ("Signature algorithm", f"{r['sig']} ({sig_desc(r)})"), ("Basic constraints", bc_text(r)),
                ("Key usage", ku_text(r)), ("SHA-256 fingerprint", r["fingerprint"])]  # fmt: skip
        if r["state"]:
            rows.insert(7, ("State or province", r["state"]))
        return head + "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + "\n"
    if kind == "fieldlist":
        out = ["## Subject", f"- Distinguished name: {dn_text(r['subject'])}", f"- Common name: {r['cn'] or 'none'}",
               f"- Organisation: {r['org'] or 'none'}"]
        out += [f"- Unit: {u}" for u in r["units"]] or ["- Unit: none"]
        out += [f"- Locality: {r['locality'] or 'none'}"] + ([f"- State: {r['state']}"] if r["state"] else [])
        out += [f"- Country: {country_text(r)}",
                "", "## Issuer", f"- Issuer: {issuer_text(r)}", f"- Self-signed: {'yes' if r['self_signed'] else 'no'}",
                "", "## Validity", f"- Not before: {df(r['not_before'])}, {r['not_before_time']} GMT",
                f"- Not after: {df(r['not_after'])}, {r['not_after_time']} GMT", f"- Days: {r['days']}",
                f"- Full years: {r['years']}" + (f" (and {r['extra_days']} days)" if r["extra_days"] else " (exactly)"),
                "", "## Key and signature", f"- Key algorithm: {r['key']}", f"- Key size: {bits_form(r)}",
                f"- Curve: {r['curve']} ({r['curve_oid']})" if r["key"] == "EC" else "- Curve: none (RSA key)",
                f"- Signature algorithm: {r['sig']} ({sig_desc(r)})",
                "", "## Extensions", f"- Basic constraints: {bc_text(r)}",
                f"- Path length limit: {r['bc']['pathlen'] if r['bc'] and r['bc']['pathlen'] is not None else 'none'}",
                f"- Key usage: {ku_text(r)}",
                "", "## Identifiers", f"- File: {src} (ca-certificates {version})", f"- Serial number (hex): {r['serial']}",
                f"- SHA-256 fingerprint: {r['fingerprint']}"]  # fmt: skip
        return head + "\n".join(out) + "\n"
    # narrative
    p1 = [(f"{n} is a root certificate shipped on this machine as {src} (ca-certificates {version}).",
           f"The file {r['file']} in /usr/share/ca-certificates/mozilla (ca-certificates {version}) holds the root certificate {n}.",
           f"This page describes {n}, a root certificate stored as {src} (ca-certificates {version}).")[w % 3]]
    parts = []
    if r["cn"]:
        parts.append(f"the common name {r['cn']}")
    if r["org"]:
        parts.append(f"the organisation {r['org']}")
    if r["units"]:
        parts.append(("the organisational unit " if len(r["units"]) == 1 else "the organisational units ") + and_list(r["units"]))
    if r["locality"]:
        parts.append(f"the locality {r['locality']}")
    if r["state"]:
        parts.append(f"the state or province {r['state']}")
    parts.append(f"the country {country_text(r)}" if r["country"] else "no country (none)")
    lead = "Its subject names " if r["cn"] else "Its subject has no common name (none); it names "
    p1.append(lead + and_list(parts) + ".")
    p1.append(f"In full, the subject reads {dn_text(r['subject'])}.")
    p1.append("It is self-signed: the issuer is the same as the subject." if r["self_signed"]
              else f"It is issued by {dn_text(r['issuer'])}.")
    nb, na = f"{df(r['not_before'])} ({r['not_before_time']} GMT)", f"{df(r['not_after'])} ({r['not_after_time']} GMT)"
    span = (f"exactly {r['years']} years" if r["extra_days"] == 0
            else f"{r['years']} full years and {r['extra_days']} days")
    p2 = [(f"It is valid from {nb} until {na}, {r['days']} days in all ({span}).",
           f"Its validity runs from {nb} to {na}: {r['days']} days, or {span}.")[w % 5 % 2]]
    if r["key"] == "EC":
        p2.append(f"It carries an elliptic-curve (EC) public key on the {r['curve']} curve ({r['curve_oid']}, "
                  f"{r['bits']}-bit) and is signed with {r['sig']} ({sig_desc(r)}).")
    else:
        p2.append(f"It carries a {r['bits']}-bit RSA public key and is signed with {r['sig']} ({sig_desc(r)}).")
    bc = r["bc"]
    if not bc:
        p3 = ["It has no basic constraints extension (absent)."]
    elif bc["pathlen"] is None:
        p3 = [f"Its basic constraints ({'critical' if bc['critical'] else 'not critical'}) mark it as a CA "
              f"(CA:{'TRUE' if bc['ca'] else 'FALSE'}) with no path length limit."]
    else:
        p3 = [f"Its basic constraints ({'critical' if bc['critical'] else 'not critical'}) mark it as a CA "
              f"(CA:{'TRUE' if bc['ca'] else 'FALSE'}) with a path length limit of {bc['pathlen']}."]
    if r["ku"]:
        p3.append(f"Its key usage ({'critical' if r['ku']['critical'] else 'not critical'}) is "
                  f"{and_list(r['ku']['usages'])}.")
    else:
        p3.append("It has no key usage extension (absent).")
    p4 = [f"Its serial number (hex) is {r['serial']} and its SHA-256 fingerprint is {r['fingerprint']}."]
    return head + "\n\n".join(" ".join(p) for p in (p1, p2, p3, p4)) + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = snap["records"]
    assign_layouts(recs)
    return {f"{doc_id(r)}.md": render(r, snap["version"]) for r in recs}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's certificates again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(snap['index'])} certificate files; {len(snap['records'])} records")


# ------------------------------------------------------------------ questions


def _atok(s: str) -> list[str]:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.eval.tokens import answer_tokens

    return answer_tokens(s)


def _contains(hay: list[str], needle: list[str]) -> bool:
    k = len(needle)
    return bool(needle) and any(hay[i : i + k] == needle for i in range(len(hay) - k + 1))


def free(x: str, r: dict) -> bool:
    """A value whose tokens are not inside the certificate's label (the scorer would accept an
    answer that only repeats the label)."""
    return bool(_atok(x)) and not _contains(_atok(r["label"]), _atok(x))


def org_key(r: dict) -> str:
    """The subject organisation as one key (case, spaces and punctuation ignored): "DigiCert Inc"
    and "DigiCert, Inc." are one organisation."""
    return re.sub(r"[^a-z0-9]+", "", fold(r["org"] or "").lower())


LEGAL = re.compile(r",? (Inc\.?|LLC|Ltd\.?|Limited|GmbH|S\.A\.?|Corporation|Corp\.|Co\.,Ltd\.|CO\.,LTD\.|a\.s\.|AG|Oyj)$")


def org_golds(r: dict) -> list[str]:
    o = r["org"]
    out = [o]
    base = o.split("/")[0] if "/" in o else o
    if base != o:
        out.append(base)
    short = LEGAL.sub("", base)
    if short != base and len(_atok(short)) >= 2:
        out.append(short)
    return [g for g in out if free(g, r)]


def country_golds(r: dict) -> list[str]:
    out = [r["country_name"]]
    if r["country"].lower() not in CODE_WORDS:
        out.append(r["country"])
    return [g for g in out if free(g, r)]


def key_golds(r: dict) -> list[str]:
    if r["key"] == "EC":
        return [r["curve"], r["curve_oid"]]
    return [str(r["bits"]), bits_form(r)]


SINGLE = {
    "org": (["Which organisation is named in the subject of the {n} certificate?",
             "Who is the subject organisation of {n}?",
             "What organization does the {n} root belong to, according to its subject?"], org_golds),
    "cn": (["What is the subject common name of {n}?", "Which CN does the {n} certificate carry in its subject?"],
           lambda r: [r["cn"]]),
    "country": (["Which country is given in the subject of {n}?",
                 "In which country is the subject of the {n} root certificate?",
                 "What country does {n} name in its subject?"], country_golds),
    "unit": (["Which organisational unit appears in the subject of {n}?",
              "Name the OU in the subject of the {n} certificate."], lambda r: [u for u in r["units"] if free(u, r)]),
    "locality": (["Which city or locality does the subject of {n} name?"], lambda r: [r["locality"]]),
    "not_before": (["From what date is {n} valid?", "When does the validity of {n} begin?",
                    "What is the not-before date of the {n} certificate?"], lambda r: date_golds(r, "not_before")),
    "not_after": (["On what date does {n} expire?", "What is the not-after date of {n}?",
                   "Until when is the {n} root certificate valid?"], lambda r: date_golds(r, "not_after")),
    "expiry_year": (["In which year does {n} expire?", "What year does the {n} certificate run out?"],
                    lambda r: [r["not_after"][:4]]),
    "start_year": (["In what year did {n} become valid?", "Which year does the validity of {n} start in?"],
                   lambda r: [r["not_before"][:4]]),
    "days": (["How many days long is the validity period of {n}?", "For how many days in total is {n} valid?"],
             lambda r: [str(r["days"])]),
    "years": (["How many full years is {n} valid for?", "{n} is valid for how many whole years?"],
              lambda r: [str(r["years"])]),
    "serial": (["What is the serial number of {n}?", "Give the hex serial number of the {n} certificate."],
               lambda r: [r["serial"]]),
    "key": (["How large is the key of {n}, in bits?", "What is the key size of the {n} certificate?"], key_golds),
    "curve": (["Which elliptic curve does the key of {n} use?", "What curve is the public key of {n} on?"], key_golds),
    "sig": (["Which signature algorithm is {n} signed with?", "What signature algorithm does the {n} certificate use?"],
            lambda r: [r["sig"], sig_desc(r)]),
    "hash": (["Which hash function does the signature of {n} use?", "What hash algorithm is {n} signed with?"],
             lambda r: [hash_of(r)]),
    "pathlen": (["What path length limit do the basic constraints of {n} set?",
                 "What is the maximum path length allowed by {n}?"], lambda r: [str(r["bc"]["pathlen"])]),
}  # fmt: skip
# the order single-hop kinds are dealt in (pathlen, unit and locality are rare, so they come first)
SINGLE_ORDER = ["pathlen", "org", "not_after", "days", "key", "curve", "serial", "cn", "country", "not_before", "sig",
                "expiry_year", "years", "unit", "hash", "start_year", "locality"]  # fmt: skip


# the fact a question kind asks (single-hop, chain and comparison kinds): one question per page and fact
FIELD_OF = {"expiry_year": "not_after", "start_year": "not_before", "years": "days", "curve": "key", "hash": "sig",
            "earlier-expiry": "not_after", "later-expiry": "not_after", "older": "not_before", "newer": "not_before",
            "longer": "days", "bigger-key": "key", "ec-which": "key", "sha1-which": "sig", "ds-which": "ku"}  # fmt: skip


def single_ok(r: dict, k: str) -> bool:
    if k == "org":
        return bool(r["org"]) and bool(org_golds(r))
    if k == "cn":
        return bool(r["cn"]) and free(r["cn"], r) and r["cn"] != r["label"]
    if k == "country":
        return bool(r["country"]) and bool(country_golds(r))
    if k == "unit":
        return bool(SINGLE["unit"][1](r))
    if k == "locality":
        return bool(r["locality"]) and free(r["locality"], r)
    if k == "serial":
        return len(r["serial"]) >= 8
    if k == "key":
        return r["key"] == "RSA" and free(str(r["bits"]), r)
    if k == "curve":
        return r["key"] == "EC" and all(free(g, r) for g in key_golds(r))
    if k == "pathlen":
        return bool(r["bc"]) and r["bc"]["pathlen"] is not None
    if k in ("days", "years", "expiry_year", "start_year"):
        return all(free(g, r) for g in SINGLE[k][1](r))
    return True


SIB = {"not_after": "On what date does that other certificate expire?",
       "days": "How many days is the other one valid for?",
       "key": "How many bits does the RSA key of that other certificate have?",
       "curve": "Which elliptic curve is the other certificate's key on?",
       "serial": "What is the serial number of the other certificate?",
       "not_before": "From what date is that other certificate valid?",
       "sig": "Which signature algorithm is the other one signed with?"}  # fmt: skip
CMP = {
    "earlier-expiry": ("Which expires first, {a} or {b}?", lambda r: r["not_after"], min),
    "later-expiry": ("Which of {a} and {b} stays valid until the later date?", lambda r: r["not_after"], max),
    "older": ("Which of {a} or {b} became valid earlier?", lambda r: r["not_before"], min),
    "newer": ("Of {a} and {b}, whose validity starts later?", lambda r: r["not_before"], max),
    "longer": ("Which certificate has the longer validity period, {a} or {b}?", lambda r: r["days"], max),
    "bigger-key": ("Which has the larger RSA key, {a} or {b}?", lambda r: r["bits"] if r["key"] == "RSA" else None, max),
    "ec-which": ("Which of {a} and {b} uses an elliptic-curve key?", lambda r: r["key"] == "EC", max),
    "sha1-which": ("Which of {a} or {b} is signed with SHA-1?", lambda r: hash_of(r) == "SHA-1", max),
    "ds-which": ("Which of {a} and {b} lists Digital Signature among its key usages?",
                 lambda r: bool(r["ku"]) and "Digital Signature" in r["ku"]["usages"], max),
}  # fmt: skip
COND = {
    "rsa4096": (lambda r: r["key"] == "RSA" and r["bits"] == 4096, "has a 4096-bit RSA key",
                "does not have a 4096-bit RSA key"),
    "rsa2048": (lambda r: r["key"] == "RSA" and r["bits"] == 2048, "has a 2048-bit RSA key",
                "does not have a 2048-bit RSA key"),
    "ec": (lambda r: r["key"] == "EC", "has an elliptic-curve key", "has an RSA key"),
    "p256": (lambda r: r["curve"] == "P-256", "has a key on the P-256 curve", "has no key on the P-256 curve"),
    "sha1": (lambda r: hash_of(r) == "SHA-1", "is signed with SHA-1", "is not signed with SHA-1"),
    "sha384": (lambda r: hash_of(r) == "SHA-384", "has a signature using SHA-384", "has a signature not using SHA-384"),
    "us": (lambda r: r["country"] == "US", "names the United States as its subject country",
           "does not name the United States as its subject country"),
    "old": (lambda r: r["not_before"] < "2010-01-01", "became valid before 2010", "became valid in 2010 or later"),
    "new": (lambda r: r["not_before"] >= "2020-01-01", "became valid in 2020 or later", "became valid before 2020"),
    "soon": (lambda r: r["not_after"] < "2030-01-01", "expires before 2030", "expires in 2030 or later"),
    "long": (lambda r: r["years"] >= 25, "is valid for 25 full years or more", "is valid for fewer than 25 full years"),
    "ds": (lambda r: bool(r["ku"]) and "Digital Signature" in r["ku"]["usages"],
           "lists Digital Signature among its key usages", "does not list Digital Signature among its key usages"),
    "noku": (lambda r: not r["ku"], "has no key usage extension", "has a key usage extension"),
    "pathlen": (lambda r: bool(r["bc"]) and r["bc"]["pathlen"] is not None,
                "sets a path length limit in its basic constraints", "sets no path length limit"),
    "nocn": (lambda r: not r["cn"], "has no common name in its subject", "has a common name in its subject"),
}  # fmt: skip


def cond_text(c: str, v: bool) -> str:
    return COND[c][1] if v else COND[c][2]


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Whole organisations go to one split (so two-record chains stay inside it): groups in sha256
    order fill dev up to N_DEV_PAGES, the rest is test."""
    groups: dict[str, list[str]] = {}
    for r in recs:
        groups.setdefault(org_key(r) or "label:" + r["label"], []).append(r["label"])
    out, n = {}, 0
    for g in sorted(groups, key=lambda x: _h(x, "split")):
        s = "dev" if n + len(groups[g]) <= N_DEV_PAGES else "test"
        n += len(groups[g]) if s == "dev" else 0
        for x in groups[g]:
            out[x] = s
    return out


def siblings(recs: list[dict]) -> dict[str, str]:
    """label -> the one other catalogued certificate of its subject organisation (pairs only)."""
    groups: dict[str, list[str]] = {}
    for r in recs:
        if r["org"]:
            groups.setdefault(org_key(r), []).append(r["label"])
    return {a: b for g in groups.values() if len(g) == 2 for a, b in (g, g[::-1])}


def fp_prefix(r: dict) -> str:
    return ":".join(r["fingerprint"].split(":")[:4])


def reverse_golds(r: dict) -> list[str]:
    return [r["label"], r["file"]]


def absent_pattern(label: str) -> str:
    return r"\b" + r"[\s_]+".join(re.escape(w) for w in label.split()) + r"(?![\w.-]*\w)"


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["label"]: r for r in recs}
    did = {r["label"]: doc_id(r) for r in recs}
    sp = split_pages(recs)
    sib = siblings(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    pages_tok = {rel[:-3]: _atok(text) for rel, text in render_all(snap).items()}

    def on_one_page(x: str) -> bool:
        return sum(_contains(t, _atok(x)) for t in pages_tok.values()) == 1

    absent = list(ABSENT)
    rnd.shuffle(absent)
    absent_by = {"dev": absent[: ABSENT_SPLIT["dev"]], "test": absent[ABSENT_SPLIT["dev"]: ABSENT_SPLIT["dev"] + ABSENT_SPLIT["test"]]}
    # a label whose tokens lie inside another catalogued label is never a reverse or filter gold
    inside = {n for n in by for o in by if o != n and _contains(_atok(o), _atok(n))}
    cn_count = Counter(r["cn"] for r in recs if r["cn"])
    serial_count = Counter(r["serial"] for r in recs)
    span_count = Counter((r["not_before"], r["not_after"]) for r in recs)
    for s in ("dev", "test"):
        want = WANT[s]
        names = sorted((n for n in by if sp[n] == s), key=lambda x: _h(x, "order" + s))
        used: set[tuple[str, str]] = set()  # (page, field)
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

        # multi hop first (it needs pairs): a certificate, named or told by its fingerprint prefix ->
        # the only other catalogued certificate of its subject organisation -> a field of that one
        sk = list(SIB)
        for n in names:
            if count("multi_hop") >= want["multi_hop"]:
                break
            m = sib.get(n)
            if not m or n in subj or m in subj:
                continue
            cue = "hop-sibling" if sum(i["kind"] == "hop-sibling" for i in items) < HOP_SIBLING[s] else "hop-fingerprint"
            if cue == "hop-fingerprint" and not on_one_page(fp_prefix(by[n])):
                continue
            for kk in list(sk):
                if not single_ok(by[m], kk):
                    continue
                g_m, g_n = SINGLE[kk][1](by[m]), (SINGLE[kk][1](by[n]) if single_ok(by[n], kk) else [])
                if any(_contains(_atok(a), _atok(b)) or _contains(_atok(b), _atok(a)) for a in g_m for b in g_n):
                    continue  # the first certificate's own value would score
                if any(not free(g, by[n]) for g in g_m):
                    continue
                if cue == "hop-sibling":
                    q = rnd.choice(["{n} shares its subject organisation with exactly one other certificate in this "
                                    "catalogue. {f}", "Take the only other catalogued certificate whose subject "
                                    "organisation is the same as that of {n}. {f}"]).format(n=n, f=SIB[kk])
                    kw = {}
                else:
                    q = rnd.choice(["The root whose SHA-256 fingerprint begins {v} has the same subject organisation "
                                    "as exactly one other catalogued certificate. {f}", "Find the certificate whose "
                                    "SHA-256 fingerprint starts with {v}, then the only other one in this catalogue "
                                    "from the same subject organisation. {f}"]).format(v=fp_prefix(by[n]), f=SIB[kk])
                    kw = {"value": fp_prefix(by[n])}
                    used.add((n, "fingerprint"))
                add(q, g_m, "multi_hop", [did[n], did[m]], cue, field=kk, via=n, target=m, **kw)
                used.update({(m, FIELD_OF.get(kk, kk)), (n, "sibling")})
                subj.update({n, m})
                sk.append(sk.pop(sk.index(kk)))
                break
        # single hop: deal kinds in turn over the pages
        ki = 0
        for n in names:
            if count("single_hop") >= want["single_hop"]:
                break
            r = by[n]
            if n in subj and _h(n, "again") % 2:
                continue
            for _ in range(len(SINGLE_ORDER)):
                k = SINGLE_ORDER[ki % len(SINGLE_ORDER)]
                ki += 1
                if single_ok(r, k) and (n, FIELD_OF.get(k, k)) not in used:
                    tpl = SINGLE[k][0][_h(n, k) % len(SINGLE[k][0])]
                    add(tpl.format(n=n), SINGLE[k][1](r), "single_hop", [did[n]], k)
                    used.add((n, FIELD_OF.get(k, k)))
                    subj.add(n)
                    break
        # reverse: a serial number, a fingerprint prefix, a common name or a validity span -> certificate
        rk = ["reverse-serial", "reverse-fingerprint", "reverse-cn", "reverse-span"]
        for n in names:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            if n in inside:
                continue
            for k in list(rk):
                if k == "reverse-serial" and len(r["serial"]) >= 8 and serial_count[r["serial"]] == 1 \
                        and (n, "serial") not in used and on_one_page(r["serial"]):
                    q = rnd.choice(["Which certificate has the serial number {v}?",
                                    "The serial number {v} belongs to which root certificate?"]).format(v=r["serial"])
                    add(q, reverse_golds(r), "reverse", [did[n]], k, value=r["serial"])
                    used.add((n, "serial"))
                elif k == "reverse-fingerprint" and (n, "fingerprint") not in used and on_one_page(fp_prefix(r)):
                    q = rnd.choice(["Which root certificate's SHA-256 fingerprint begins with {v}?",
                                    "I have a root whose SHA-256 fingerprint starts {v}. Which certificate is it?"])
                    add(q.format(v=fp_prefix(r)), reverse_golds(r), "reverse", [did[n]], k, value=fp_prefix(r))
                    used.add((n, "fingerprint"))
                elif k == "reverse-cn" and single_ok(r, "cn") and cn_count[r["cn"]] == 1 and (n, "cn") not in used \
                        and r["cn"] not in by and on_one_page(r["cn"]):
                    q = rnd.choice(['Which catalogued certificate has the subject common name "{v}"?',
                                    'The subject CN "{v}" belongs to which certificate of this catalogue?'])
                    add(q.format(v=r["cn"]), reverse_golds(r), "reverse", [did[n]], k, value=r["cn"])
                    used.add((n, "cn"))
                elif k == "reverse-span" and span_count[(r["not_before"], r["not_after"])] == 1 \
                        and (n, "not_before") not in used and (n, "not_after") not in used:
                    a = b = (iso, us_date, uk_date)[_h(n, "sp") % 3]
                    q = rnd.choice(["Which certificate is valid from {a} until {b}?",
                                    "Name the root certificate whose validity runs from {a} to {b}."])
                    add(q.format(a=a(r["not_before"]), b=b(r["not_after"])), reverse_golds(r), "reverse", [did[n]], k,
                        value=[r["not_before"], r["not_after"]])
                    used.update({(n, "not_before"), (n, "not_after")})
                else:
                    continue
                rk.append(rk.pop(rk.index(k)))
                break
        # comparisons
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
            if _contains(_atok(a), _atok(b)) or _contains(_atok(b), _atok(a)):
                continue
            win = a if pick(fa, fb) == fa else b
            add(tpl.format(a=a, b=b), [win], "comparison", [did[a], did[b]], k, options=[a, b], target=win)
            used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
        # filters: among all 88 (two conditions) and among four listed certificates
        n_among = 3 if s == "dev" else 5
        pairs = [(c1, v1, c2, v2) for c1 in COND for c2 in COND if c1 < c2 for v1 in (True, False) for v2 in (True, False)]
        rnd.shuffle(pairs)
        for c1, v1, c2, v2 in pairs:
            if sum(i["kind"] == "filter" for i in items) >= want["filter"] - n_among:
                break
            m1 = [r for r in recs if COND[c1][0](r) == v1]
            m2 = [r for r in recs if COND[c2][0](r) == v2]
            both = [r for r in m1 if r in m2]
            if len(m1) < 2 or len(m2) < 2 or len(both) != 1 or sp[both[0]["label"]] != s:
                continue
            w = both[0]["label"]
            if w in inside or (w, "filter-" + c1) in used or (w, "filter-" + c2) in used:
                continue
            q = rnd.choice(["Which certificate in this catalogue {a} and {b}?",
                            "Name the one catalogued root certificate that {a} and {b}."])
            add(q.format(a=cond_text(c1, v1), b=cond_text(c2, v2)), reverse_golds(both[0]), "filter", [did[w]],
                "filter", where={c1: v1, c2: v2}, candidates=[w])
            used.update({(w, "filter-" + c1), (w, "filter-" + c2)})
        tries = 0
        while count("filter") < want["filter"] and tries < 5000:
            tries += 1
            c = list(COND)[tries % len(COND)]
            v = bool(tries % 2)
            cands = rnd.sample(names, 4)
            hits = [x for x in cands if COND[c][0](by[x]) == v]
            if len(hits) != 1 or hits[0] in inside or any((x, "filter-" + c) in used for x in cands):
                continue
            if cands[-1] == hits[0]:  # the gold is never listed last ("A, B, C and <gold>" copies the question's run)
                cands[0], cands[-1] = cands[-1], cands[0]
            if any(_contains(_atok(x), _atok(y)) for x in cands for y in cands if x != y):
                continue
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these certificates {c}: {l}?",
                            "Among {l}, which certificate {c}?"])
            add(q.format(l=", ".join(cands), c=cond_text(c, v)), [hits[0]], "filter", [did[hits[0]]], "filter-among",
                options=cands, where={c: v}, candidates=cands)
            used.update((x, "filter-" + c) for x in cands)
        # unanswerables
        for i, m in enumerate(absent_by[s]):
            q = ABSENT_QUESTIONS[(i + (s == "test")) % len(ABSENT_QUESTIONS)]
            add(q.format(n=m), [], "unanswerable", [], "absent-module", module=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(names)
        rnd.shuffle(pages)
        i = 0
        while count("unanswerable") < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            if f == "exponent" and by[n]["key"] != "RSA":  # an EC key has no exponent: the next page
                j = next(j for j in range(i + 1, len(pages)) if by[pages[j]]["key"] == "RSA")
                pages[i], pages[j] = pages[j], pages[i]
                continue
            add(ABSENT_FIELDS[f][0].format(n=n), [], "unanswerable", [], "absent-field", field=f, module=n)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c16-{s}-{j:03d}", **it}
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
    CORPUS.mkdir(parents=True, exist_ok=True)
    for rel, text in render_all(snap).items():
        (CORPUS / rel).write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    for s, items in qs.items():
        (OUT / f"{s}.jsonl").write_text(qa_text(items), encoding="utf-8")
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    print(f"{len(recs)} pages; layouts {dict(Counter(layout(r) for r in recs))}")
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


def unanswerable_pattern(r: dict) -> tuple[str, str]:
    """(a pattern no page may match, a made-up answer sentence the pattern must match)."""
    if r["kind"] == "absent-module":
        return absent_pattern(r["module"]), f"The {r['module']} certificate expires on 2038-01-19."
    _, pat, made_up = ABSENT_FIELDS[r["field"]]
    return pat, made_up


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = snap["records"]
    by = {r["label"]: r for r in recs}
    did = {r["label"]: doc_id(r) for r in recs}
    name_of = {v: k for k, v in did.items()}
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
    files = {f for f, _, _, _ in snap["index"]}
    bad = [f"{r['file']}: not CHOSEN" for r in recs if r["file"] not in CHOSEN]
    bad += [f"{f}: CHOSEN but no record" for f in CHOSEN if f not in {r['file'] for r in recs}]
    bad += [f"{f}: CHOSEN twice" for f, c in Counter(CHOSEN).items() if c > 1]
    bad += [f"{r['file']}: not in the index" for r in recs if r["file"] not in files]
    bad += [f"{r['file']}: record differs from its raw openssl output parsed again" for r in recs
            if r != make_record(r["file"], snap["raw"][r["file"]], snap["countries"])]
    bad += [f"{r['label']}: id clash" for r in recs if sum(did[x] == did[r["label"]] for x in did) > 1]
    bad += [f"{r['label']}: label clash" for r in recs if sum(x["label"] == r["label"] for x in recs) > 1]
    bad += [f"{r['label']}: index entry differs" for r in recs
            if [r["file"], r["label"], r["cn"], r["org"]] not in snap["index"]]
    bad += [f"{r['label']}: odd field" for r in recs
            if r["key"] not in ("RSA", "EC") or (r["key"] == "EC") != bool(r["curve"]) or not r["sig"]
            or not re.fullmatch(r"[0-9A-F]+", r["serial"]) or len(r["fingerprint"].split(":")) != 32
            or r["days"] <= 0 or (r["country"] and not r["country_name"])]
    results.append((f"records are the CHOSEN certificates ({len(recs)} of {len(files)} files), equal to their raw "
                    "openssl output parsed again, ids and labels unique", bad))
    # 2. the corpus
    found, problems = scan_corpus(CORPUS)
    docs, load_bad = {}, []
    for f in found:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    bad = [str(p) for p in problems] + load_bad + ([] if len(docs) == len(recs) else [f"{len(docs)} != {len(recs)}"])
    bad += [i for i in docs if i not in set(did.values())]
    bad += [n for n in by if did[n] not in docs or docs[did[n]].title != n
            or docs[did[n]].metadata.get("certificate") != n
            or docs[did[n]].metadata.get("country") != (by[n]["country"] or "none")
            or docs[did[n]].metadata.get("key_algorithm") != by[n]["key"]
            or docs[did[n]].metadata.get("expires") != int(by[n]["not_after"][:4])]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents titled by their label, "
                    "with their front matter", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    bad = []
    for n, r in by.items():
        t = low[did[n]]
        vals = [n, r["file"], r["serial"], r["fingerprint"], str(r["days"]), str(r["years"]), str(r["bits"]), r["sig"],
                sig_desc(r), hash_of(r), r["not_before_time"], r["not_after_time"], r["key"],
                DATE_FORM[layout(r)](r["not_before"]), DATE_FORM[layout(r)](r["not_after"])]
        vals += [v for _, v in r["subject"]] + [x for x in (r["cn"], r["org"], r["locality"], r["state"], r["country"],
                                                            r["country_name"], r["curve"], r["curve_oid"]) if x]
        vals += r["ku"]["usages"] if r["ku"] else []
        vals += [str(r["bc"]["pathlen"])] if r["bc"] and r["bc"]["pathlen"] is not None else []
        vals += [str(r["extra_days"])] if r["extra_days"] else []
        bad += [f"{n}: {v!r} not in the body" for v in vals if v.lower() not in t]
        for g in [g for k in SINGLE if single_ok(r, k) for g in SINGLE[k][1](r)]:
            if not contains_tokens(ftoks[did[n]], answer_tokens(g)):
                bad.append(f"{n}: gold form {g!r} not in the page tokens")
    results.append(("every field of the record is stated in its page body (every gold form as tokens)", bad))
    lay = Counter(layout(r) for r in recs)
    results.append((f"three layouts {dict(lay)}", [] if len(lay) == 3 and min(lay.values()) >= 29 else ["uneven"]))
    # 3. the QA files
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
    for s in items:
        for it in items[s]:
            if not re.fullmatch(rf"c16-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or it.meta.get("kind") == "filter-among"):
                idb.append(f"{it.id}: options")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("2038-01-19.", "4096", "It expires in 2031.", "DigiCert Inc", "sha256WithRSAEncryption",
                                unanswerable_pattern(rows[s][[r["id"] for r in rows[s]].index(it.id)])[1]):
                    if is_correct(it, made_up, False):
                        abst.append(f"{it.id}: {made_up!r} scores correct")
                continue
            if is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores correct on an answerable item")
            g0 = it.answers[0]
            if not any(g0.lower() in low[e] for e in it.evidence):
                gold_in.append(f"{it.id}: {g0!r} not in the evidence text")
            for g in it.answers:
                if not any(contains_tokens(ftoks[e], answer_tokens(g)) for e in it.evidence):
                    gold_in.append(f"{it.id}: {g!r} not in the evidence tokens")
                if not any(g.lower() in low[e] for e in it.evidence) and answer_tokens(g) != answer_tokens(g0):
                    gold_in.append(f"{it.id}: {g!r} neither in the evidence text nor a form of {g0!r}")
                if not is_correct(it, g, False) or not is_correct(it, f"The answer is {g}.", False):
                    gold_ok.append(f"{it.id}: {g!r}")
                if g.strip().lower() in ("none", "yes", "no", "true", "false"):
                    gold_ok.append(f"{it.id}: bare {g!r}")
            if g0.isdigit() and is_correct(it, str(int(g0) + 1), False):
                gold_ok.append(f"{it.id}: near miss scores correct")
            k, f = it.meta.get("kind"), it.meta.get("field", it.meta.get("kind"))
            r = by[name_of[it.evidence[-1]]]
            if f in ("not_before", "not_after"):
                other = r["not_after" if f == "not_before" else "not_before"]
                if is_correct(it, other, False) or is_correct(it, f"It is {us_date(other)}.", False):
                    gold_ok.append(f"{it.id}: the other date scores correct")
            if f in ("key", "curve", "hash", "sig"):
                wrong = ["2048", "4096", "P-256", "P-384", "SHA-1", "SHA-256", "SHA-384", "sha256WithRSAEncryption",
                         "ecdsa-with-SHA384", "sha1WithRSAEncryption"]
                wrong = [x for x in wrong if not any(contains_tokens(answer_tokens(x), answer_tokens(g)) or
                                                     contains_tokens(answer_tokens(g), answer_tokens(x)) for g in it.answers)]
                gold_ok += [f"{it.id}: {x!r} scores correct" for x in wrong if is_correct(it, x, False)]
            if k == "hop-sibling":
                via = by[it.meta["via"]]
                if f in SINGLE and single_ok(via, f):
                    gold_ok += [f"{it.id}: the first certificate's {g!r} scores correct" for g in SINGLE[f][1](via)
                                if is_correct(it, g, False)]
                if is_correct(it, via["label"], False):
                    gold_ok.append(f"{it.id}: the first certificate's label scores correct")
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
                cmpw += [f"{it.id}: {o} scores correct" for o in by if o != g0 and is_correct(it, o, False)]
                cmpw += [f"{it.id}: {by[o]['file']} scores correct" for o in by
                         if o != g0 and is_correct(it, by[o]["file"], False)]
    results += [("ids c16-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables), options where due", idb),
                ("every gold occurs in an evidence page (the first as text, every one as accuracy tokens; "
                 "other golds as text or as the same tokens: other date forms)", gold_in),
                ("every gold scores correct alone and in a sentence; no bare yes/no gold; number + 1, the other date, "
                 "other key sizes / curves / hashes and the first certificate's value (two-record chains) score wrong",
                 gold_ok),
                ("wrong options, hedges and other certificates' labels and files score wrong; filter-among gold never last",
                 cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 4. facts against the snapshot
    facts = []
    sib = siblings(recs)
    fps = Counter(fp_prefix(r) for r in recs)
    for s in rows:
        for q in rows[s]:
            k = q["kind"]
            if q["type"] == "single_hop" or k.startswith("hop-"):
                f = q.get("field", k)
                n = name_of[q["evidence"][-1]]
                if not single_ok(by[n], f) or q["answers"] != SINGLE[f][1](by[n]):
                    facts.append(f"{q['id']}: gold differs from the snapshot")
                if k.startswith("hop-") and (sib.get(q["via"]) != n or q["target"] != n
                                             or q["evidence"] != [did[q["via"]], did[n]]):
                    facts.append(f"{q['id']}: not the only other certificate of the organisation")
                if k == "hop-fingerprint" and (q["value"] != fp_prefix(by[q["via"]]) or fps[q["value"]] != 1
                                               or sum(contains_tokens(t, answer_tokens(q["value"])) for t in ftoks.values()) != 1
                                               or q["value"] not in q["question"] or q["via"] in q["question"]):
                    facts.append(f"{q['id']}: fingerprint prefix not unique to its page")
                if k == "hop-sibling" and q["via"] not in q["question"]:
                    facts.append(f"{q['id']}: the first certificate is not named")
            elif q["type"] == "reverse":
                n = name_of[q["evidence"][0]]
                want = {"reverse-serial": lambda r: r["serial"], "reverse-fingerprint": fp_prefix,
                        "reverse-cn": lambda r: r["cn"], "reverse-span": lambda r: [r["not_before"], r["not_after"]]}[k]
                hit = [x for x in by if want(by[x]) == q["value"]]
                if hit != [n] or q["answers"] != reverse_golds(by[n]):
                    facts.append(f"{q['id']}: the description does not single out its certificate")
                if k != "reverse-span" and sum(contains_tokens(t, answer_tokens(q["value"])) for t in ftoks.values()) != 1:
                    facts.append(f"{q['id']}: the value is on more than one page")
            elif q["type"] == "comparison":
                tpl, f, pick = CMP[k]
                a, b = q["options"]
                if f(by[a]) is None or f(by[b]) is None or f(by[a]) == f(by[b]) \
                        or q["answers"] != [a if pick(f(by[a]), f(by[b])) == f(by[a]) else b]:
                    facts.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                hit = [x for x in by if all(COND[c][0](by[x]) == v for c, v in q["where"].items())]
                each = [sum(COND[c][0](x) == v for x in recs) for c, v in q["where"].items()]
                if hit != q["candidates"] or q["answers"] != reverse_golds(by[hit[0]]) or min(each) < 2:
                    facts.append(f"{q['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = q["where"].items()
                if [x for x in q["candidates"] if COND[c][0](by[x]) == v] != q["answers"]:
                    facts.append(f"{q['id']}: filter-among")
    results.append(("facts agree with snapshot.json (values, chains, unique serials / fingerprints / names / "
                    "spans, winners, filters)", facts))
    # 5. split separation, unanswerables
    sp = split_pages(recs)

    def pages_of(s):
        out = set()
        for q in rows[s]:
            out |= set(q["evidence"]) | {did[c] for c in q.get("candidates", [])}
            out |= {did[o] for o in q.get("options", [])}
            if q["kind"] == "absent-field":
                out.add(did[q["module"]])
        return out

    sep = [f"{p} asked in both splits" for p in pages_of("dev") & pages_of("test")]
    sep += [f"{s}: {p} is a {('dev', 'test')[s == 'dev']} page" for s in rows for p in pages_of(s)
            if sp[name_of[p]] != s]
    sep += [f"{a} / {b}: one organisation in both splits" for a, b in sib.items() if sp[a] != sp[b]]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    ab = {s: {q.get("module") for q in rows[s] if q["kind"] == "absent-module"} for s in rows}
    sep += sorted(ab["dev"] & ab["test"])
    n_dev = sum(v == "dev" for v in sp.values())
    sep += [] if n_dev == N_DEV_PAGES else [f"{n_dev} dev pages, not {N_DEV_PAGES}"]
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by organisation: no page asked about in both splits, "
                    "no absent certificate in both, no question repeated", sep))
    raw_pages = {k: v for k, v in on_disk.items()}
    labels = {lb for _, lb, _, _ in snap["index"]}
    un = []
    for m in ABSENT:
        if m not in labels or m in by or any(_contains(_atok(m), _atok(o)) for o in by):
            un.append(f"ABSENT {m}: not on this machine, catalogued, or holds a catalogued label")
        if any(contains_tokens(t, answer_tokens(m)) for t in ftoks.values()):
            un.append(f"ABSENT {m}: its tokens are on a page")
    for s in rows:
        for q in rows[s]:
            if q["type"] != "unanswerable":
                continue
            if q["kind"] == "absent-module" and (q["module"] not in ABSENT or q["module"] not in q["question"]):
                un.append(f"{q['id']}: absent module")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or q["module"] not in by
                                                or q["module"] not in q["question"]):
                un.append(f"{q['id']}: absent field")
            pat, made_up = unanswerable_pattern(q)
            if not re.search(pat, made_up, re.I):
                un.append(f"{q['id']}: the pattern misses its own made-up answer")
            hits = [p for p, t in raw_pages.items() if re.search(pat, t, re.I)]
            if hits:
                un.append(f"{q['id']}: pattern {pat!r} matches {hits[:3]}")
    for f, (_, pat, made_up) in ABSENT_FIELDS.items():
        if not re.search(pat, made_up, re.I) or any(re.search(pat, t, re.I) for t in raw_pages.values()):
            un.append(f"ABSENT_FIELDS {f}: pattern dead or on a page")
    results.append(("unanswerables: each pattern matches its made-up answer and no page (absent labels: "
                    "not catalogued, on no page)", un))
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
