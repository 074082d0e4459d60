"""Build the catalog9 evaluation corpus: systemd unit files installed on this machine.

    PYTHONPATH=src python scripts/build_catalog9.py snapshot [--force]  # unit files -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog9.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog9.py check               # loader + scorer + fact checks, no model

`snapshot` reads the CHOSEN unit files in /usr/lib/systemd/system as systemd reads them
(`#` and `;` comment lines dropped, lines ending in a backslash joined, `Key=value` pairs kept per
`[Section]` in file order, values as written: specifiers such as `%i` and ExecStart prefixes such
as `-` or `!!` are not resolved). For each unit it also keeps the owning Debian package (from
dpkg's file lists, /var/lib/dpkg/info/*.list, what `dpkg -S` reads), the symlinks in the same
directory that point to it (aliases), the `<target>.wants/` directories there that link to it,
and for a timer, socket, path or automount unit the unit it activates (its Unit= / Service=, or
the unit of the same name when none is set, as systemd does). The snapshot also lists every
name the directory holds, each regular unit file's Description (for the uniqueness checks of
reverse questions) and the `.wants/` directories. It is written to
`evalsets/catalog9/snapshot.json` (committed; `snapshot` refuses to overwrite it without
--force): another machine holds other units and versions, so the committed snapshot and pages
are the corpus.

`build` renders one markdown page per unit from snapshot.json alone, `<type>/<unit>.md`
(document id `timer/fstrim.timer`, `service/getty@.service`), titled `# <unit>`, with YAML
front matter (unit, unit_type, package: metadata for filters, each also stated in the body) and
a body in one of three layouts dealt in turn in the order of sha256("catalog9:<id>"): `prose`
(paragraphs, wording varied per page), `table` (a field/value pipe table with human labels and
the directive names) or `lines` (terse `Key: value` lines under one heading per unit-file
section, systemd's own directive names). Then it generates dev.jsonl and test.jsonl from the
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
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog9"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
UNITDIR = Path("/usr/lib/systemd/system")
DPKG_INFO = Path("/var/lib/dpkg/info")
SEED = 9

# 85 units, by unit type (the corpus folder). Every timer, socket, path and automount unit is
# here with the unit it activates (when that is installed), so that multi-hop questions exist;
# then targets and more services. Left out on purpose: units whose name differs from a chosen
# unit's only by an `@` (systemd-journald@.service, systemd-journald@.socket,
# systemd-journald-varlink@.socket, postgresql.service), since accuracy tokens drop the `@`.
CHOSEN = {
    "service": ["apt-daily.service", "apt-daily-upgrade.service", "dpkg-db-backup.service",
                "e2scrub_all.service", "fstrim.service", "man-db.service", "pg_basebackup@.service",
                "pg_compresswal@.service", "pg_dump@.service", "systemd-tmpfiles-clean.service",
                "avahi-daemon.service", "dbus.service", "systemd-fsckd.service", "systemd-initctl.service",
                "systemd-journald.service", "systemd-networkd.service", "systemd-rfkill.service",
                "systemd-udevd.service", "systemd-ask-password-console.service",
                "systemd-ask-password-wall.service", "postgresql@.service", "getty@.service",
                "serial-getty@.service", "systemd-logind.service", "systemd-timesyncd.service",
                "packagekit.service", "upower.service", "polkit.service", "rescue.service", "user@.service",
                "systemd-hostnamed.service"],
    "socket": ["avahi-daemon.socket", "dbus.socket", "syslog.socket", "systemd-fsckd.socket",
               "systemd-initctl.socket", "systemd-journald.socket", "systemd-journald-audit.socket",
               "systemd-journald-dev-log.socket", "systemd-networkd.socket", "systemd-rfkill.socket",
               "systemd-udevd-control.socket", "systemd-udevd-kernel.socket"],
    "timer": ["apt-daily.timer", "apt-daily-upgrade.timer", "dpkg-db-backup.timer", "e2scrub_all.timer",
              "fstrim.timer", "man-db.timer", "pg_basebackup@.timer", "pg_compresswal@.timer",
              "pg_dump@.timer", "systemd-tmpfiles-clean.timer"],
    "target": ["multi-user.target", "graphical.target", "basic.target", "sysinit.target", "rescue.target",
               "emergency.target", "network-online.target", "network.target", "timers.target",
               "sockets.target", "getty.target", "poweroff.target", "reboot.target", "suspend.target",
               "remote-fs.target", "time-sync.target", "system-update.target", "bluetooth.target",
               "sleep.target", "printer.target"],
    "mount": ["dev-hugepages.mount", "dev-mqueue.mount", "proc-sys-fs-binfmt_misc.mount",
              "sys-fs-fuse-connections.mount", "sys-kernel-config.mount", "sys-kernel-debug.mount",
              "sys-kernel-tracing.mount"],
    "automount": ["proc-sys-fs-binfmt_misc.automount"],
    "path": ["systemd-ask-password-console.path", "systemd-ask-password-wall.path"],
    "slice": ["machine.slice", "user.slice"],
}  # fmt: skip

# Regular unit files of this machine that are NOT in the corpus (checked: not chosen, a regular
# file in the snapshot's listing, and named on no page), for unanswerable questions; each split
# takes its own.
ABSENT = ["quotaon.service", "pam_namespace.service", "systemd-localed.service", "systemd-timedated.service",
          "systemd-pstore.service", "debug-shell.service", "e2scrub_reap.service",
          "smartcard.target", "sound.target", "hibernate.target", "kexec.target", "factory-reset.target",
          "usb-gadget.target", "sigpwr.target", "nss-lookup.target", "systemd-quotacheck.service"]  # fmt: skip

# What a unit file here never says, for unanswerable questions about a catalogued unit; the
# words an answer would need, none of which may occur on any page (checked); the unit types
# the question is asked of.
ABSENT_FIELDS = {
    "memory-limit": (["memorymax", "memorylimit", "memoryhigh", "memory limit"], ("service",)),
    "cpu-quota": (["cpuquota", "cpuweight", "cpushares", "cpu quota"], ("service",)),
    "tcp-port": (["tcp port", "udp port", "port number", "ipv4", "ipv6"], ("service",)),
    "maintainer": (["maintainer", "maintained", "author", "written by"], ("service", "socket", "timer", "target")),
    "last-start": (["last started", "active since", "started at", "uptime"], ("service", "timer")),
    "log-file": (["log file", "logfile", "/var/log"], ("service",)),
    "exposure": (["exposure", "security score"], ("service",)),
    "pkg-version": (["version"], ("service", "socket", "timer", "target", "mount")),
    "install-date": (["installed on", "install date", "installation date"], ("service", "timer", "socket")),
}

def absent_field_ok(f: str, r: dict) -> bool:
    """May the absent field f be asked of the record? Its unit type fits, and a port is asked only
    of a service that states a long-running Type= (notify, dbus, forking, simple), not of a oneshot,
    idle or untyped one, whose true answer would plainly be "none")."""
    if r["type"] not in ABSENT_FIELDS[f][1]:
        return False
    return f != "tcp-port" or one(r, "Service", "Type") in ("notify", "dbus", "forking", "simple")


LIST_KEYS = {"Documentation", "Requires", "Requisite", "Wants", "BindsTo", "PartOf", "Conflicts", "Before",
             "After", "OnFailure", "RequiresMountsFor", "WantedBy", "RequiredBy", "Alias", "Also", "Sockets",
             "Symlinks"}  # fmt: skip
MULTI_KEYS = {"ExecStart", "ExecStartPre", "ExecStop", "ExecReload", "ListenStream", "ListenDatagram",
              "ListenSequentialPacket", "ListenFIFO", "ListenNetlink", "ListenSpecial", "OnCalendar",
              "DirectoryNotEmpty", "PathExists", "PathChanged", "PathModified"}  # fmt: skip
TYPE_SECTION = {"service": "Service", "socket": "Socket", "timer": "Timer", "mount": "Mount",
                "automount": "Automount", "path": "Path", "slice": "Slice", "target": None}  # fmt: skip
# the directives a page shows, per section, in this order (a unit's other directives, mostly
# sandboxing, are in the snapshot but not on the pages)
UNIT_KEYS = ["Description", "Documentation", "Requires", "Requisite", "Wants", "BindsTo", "PartOf", "Conflicts",
             "Before", "After", "OnFailure", "RequiresMountsFor", "DefaultDependencies", "AllowIsolate",
             "RefuseManualStart", "StopWhenUnneeded", "IgnoreOnIsolate", "JobTimeoutSec", "JobTimeoutAction"]
SHOWN = {
    "Service": ["Type", "BusName", "User", "Group", "ExecStartPre", "ExecStart", "ExecReload", "ExecStop", "Restart",
                "RestartSec", "TimeoutSec", "TimeoutStartSec", "TimeoutStopSec", "WatchdogSec", "RemainAfterExit",
                "PIDFile", "Sockets", "StateDirectory", "RuntimeDirectory", "SyslogIdentifier", "OOMScoreAdjust",
                "KillMode", "PrivateTmp", "ProtectSystem", "ProtectHome"],
    "Socket": ["ListenStream", "ListenDatagram", "ListenSequentialPacket", "ListenFIFO", "ListenNetlink",
               "ListenSpecial", "Service", "SocketMode", "Symlinks", "ReceiveBuffer", "SendBuffer", "PassCredentials",
               "PassSecurity", "RemoveOnStop", "Writable"],
    "Timer": ["OnCalendar", "OnBootSec", "OnUnitActiveSec", "AccuracySec", "RandomizedDelaySec", "FixedRandomDelay",
              "Persistent", "Unit"],
    "Mount": ["What", "Where", "Type", "Options"],
    "Automount": ["Where"],
    "Path": ["DirectoryNotEmpty", "PathExists", "PathChanged", "PathModified", "MakeDirectory", "Unit"],
    "Slice": [],
    "Install": ["WantedBy", "RequiredBy", "Alias", "Also", "DefaultInstance"],
}  # fmt: skip
SPAN_KEYS = {"JobTimeoutSec", "RestartSec", "TimeoutSec", "TimeoutStartSec", "TimeoutStopSec", "WatchdogSec",
             "OnBootSec", "OnUnitActiveSec", "AccuracySec", "RandomizedDelaySec"}  # fmt: skip


# ------------------------------------------------------------------ reading unit files


def parse_unit(path: Path) -> dict[str, list[list[str]]]:
    """[Section] -> [[key, value], ...] in file order, as systemd reads the file."""
    secs: dict[str, list[list[str]]] = {}
    cur, buf = None, ""
    for ln in path.read_text(encoding="utf-8", errors="replace").split("\n"):
        s = ln.strip()
        if not s or s[0] in "#;":
            continue  # comments inside a continued line are skipped too, as systemd does
        if s.endswith("\\"):
            buf += s[:-1].rstrip() + " "
            continue
        s, buf = buf + s, ""
        m = re.fullmatch(r"\[(.+)\]", s)
        if m:
            cur = m.group(1)
            secs.setdefault(cur, [])
            continue
        if cur is None or "=" not in s:
            continue
        k, _, v = s.partition("=")
        secs[cur].append([k.strip(), v.strip()])
    return secs


def dpkg_owners() -> dict[str, str]:
    owner: dict[str, str] = {}
    for f in sorted(DPKG_INFO.glob("*.list")):
        pkg = f.stem.split(":")[0]
        for ln in f.read_text(encoding="utf-8", errors="replace").splitlines():
            m = re.fullmatch(r"(?:/usr)?/lib/systemd/system/([^/]+)", ln)
            if m:
                owner.setdefault(m.group(1), pkg)
    return owner


def unit_type(name: str) -> str:
    return name.rsplit(".", 1)[1]


def scan_units() -> dict:
    names = sorted(p.name for p in UNITDIR.iterdir() if not p.is_dir())
    links = {p.name: Path(p.readlink()).name if str(p.readlink()) != "/dev/null" else "/dev/null"
             for p in UNITDIR.iterdir() if p.is_symlink()}  # fmt: skip
    regular = sorted(n for n in names if n not in links)
    wants = {p.name[: -len(".wants")]: sorted(q.name for q in p.iterdir())
             for p in sorted(UNITDIR.glob("*.wants")) if p.is_dir()}  # fmt: skip
    descs = {}
    for n in regular:
        d = [v for k, v in parse_unit(UNITDIR / n).get("Unit", []) if k == "Description"]
        descs[n] = d[-1] if d else ""
    owner = dpkg_owners()
    recs = []
    for t, units in CHOSEN.items():
        for u in units:
            p = UNITDIR / u
            if not p.is_file() or p.is_symlink():
                sys.exit(f"{p} is not a regular unit file here")
            if unit_type(u) != t:
                sys.exit(f"{u} filed under {t}")
            secs = parse_unit(p)
            rec = {"unit": u, "type": t, "template": "@." in u, "path": str(p), "package": owner.get(u, ""),
                   "sections": secs, "symlinks": sorted(k for k, v in links.items() if v == u),
                   "wants_dirs": sorted(k for k, v in wants.items() if u in v)}  # fmt: skip
            if t in ("timer", "socket", "path", "automount"):
                key = "Service" if t == "socket" else "Unit"
                stated = [v for k, v in secs.get(TYPE_SECTION[t], []) if k == key]
                same = u.rsplit(".", 1)[0] + (".mount" if t == "automount" else ".service")
                rec["activates"] = {"unit": stated[-1] if stated else same, "stated": bool(stated)}
            recs.append(rec)
    recs.sort(key=lambda r: r["unit"])
    return {"source": str(UNITDIR), "unit_files": names, "symlinks": links, "wants_dirs": wants,
            "descriptions": descs, "records": recs}  # fmt: skip


# ------------------------------------------------------------------ record access


def vals(r: dict, sec: str, key: str) -> list[str]:
    """The values a directive takes in a section: list directives split on white space and
    joined over repeated lines (an empty assignment resets), others one entry per line."""
    out: list[str] = []
    for k, v in r["sections"].get(sec, []):
        if k != key:
            continue
        if key in LIST_KEYS:
            out = [] if not v else out + v.split()
        elif key in MULTI_KEYS or key.startswith(("Condition", "Assert")):
            out = [] if not v else out + [v]
        else:
            out = [v] if v else []
    return out


def one(r: dict, sec: str, key: str) -> str:
    v = vals(r, sec, key)
    return v[-1] if v else ""


def tsec(r: dict) -> str | None:
    return TYPE_SECTION[r["type"]]


def desc(r: dict) -> str:
    return one(r, "Unit", "Description")


def conditions(r: dict) -> list[tuple[str, str]]:
    return [(k, v) for k, v in r["sections"].get("Unit", []) if k.startswith(("Condition", "Assert"))]


def program(cmd: str) -> str:
    """The executable of an ExecStart= line, without systemd's prefixes (- @ : + !)."""
    return re.sub(r"^[-@:+!]+", "", cmd).split()[0] if cmd.strip() else ""


def aliases(r: dict) -> list[str]:
    return sorted(set(r["symlinks"]) | set(vals(r, "Install", "Alias")) - {"/dev/null"})


SPAN_UNITS = {"us": "microseconds", "ms": "milliseconds", "s": "seconds", "sec": "seconds", "min": "minutes",
              "m": "minutes", "h": "hours", "hr": "hours", "d": "days", "w": "weeks"}  # fmt: skip
SPAN_SECONDS = {"s": 1, "sec": 1, "min": 60, "m": 60, "h": 3600, "hr": 3600, "d": 86400, "w": 604800}


def span_words(v: str) -> str:
    """systemd time span as words: `12h` -> `12 hours`, `6000` -> `6000 seconds` (a bare number is
    seconds); "" when the span is not one number and unit."""
    m = re.fullmatch(r"(\d+)\s*([a-z]*)", v)
    if not m or (m.group(2) and m.group(2) not in SPAN_UNITS):
        return ""
    n, u = m.group(1), SPAN_UNITS[m.group(2) or "s"]
    return f"{n} {u[:-1] if n == '1' else u}"


def span_seconds(v: str) -> int | None:
    m = re.fullmatch(r"(\d+)\s*([a-z]*)", v)
    if not m or (m.group(2) or "s") not in SPAN_SECONDS:
        return None
    return int(m.group(1)) * SPAN_SECONDS[m.group(2) or "s"]


def pspan(key: str, v: str) -> str:
    """A time span in prose: `12 hours (RandomizedDelaySec=12h)`."""
    w = span_words(v)
    return f"{w} ({key}={v})" if w and w != v else f"{v} ({key}=)"


def show(key: str, v: str) -> str:
    w = span_words(v) if key in SPAN_KEYS else ""
    return f"{v} ({w})" if w and w != v else v


# ------------------------------------------------------------------ pages


def doc_id(r: dict) -> str:
    return f"{r['type']}/{r['unit']}"


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog9:{salt}{key}".encode()).hexdigest(), 16)


LAYOUTS = ("prose", "table", "lines")
_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    for i, d in enumerate(sorted((doc_id(r) for r in recs), key=_h)):
        _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[doc_id(r)]


def front_matter(r: dict) -> str:
    return ("---\n" f"unit: {json.dumps(r['unit'])}\n" f"unit_type: {r['type']}\n"
            f"package: {json.dumps(r['package'] or 'unknown')}\n" "---\n")  # fmt: skip


def and_list(xs: list[str]) -> str:
    xs = list(xs)
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def template_text(r: dict) -> str:
    stem, t = r["unit"].split("@", 1)[0], r["type"]
    return f"a template unit: its instances are named {stem}@<instance>.{t}"


def activates_text(r: dict) -> str:
    a = r["activates"]
    key = "Service=" if r["type"] == "socket" else "Unit="
    return a["unit"] + ("" if a["stated"] else f" (no {key} is set, so the unit of the same name)")


def shown_keys(r: dict, sec: str) -> list[str]:
    have = {k for k, _ in r["sections"].get(sec, [])}
    return [k for k in (UNIT_KEYS if sec == "Unit" else SHOWN.get(sec, [])) if k in have and vals(r, sec, k)]


def render(r: dict) -> str:
    u, t, kind, w = r["unit"], r["type"], layout(r), _h(doc_id(r), "w")
    pkg = r["package"] or "unknown"
    head = front_matter(r) + f"\n# {u}\n\n"
    ts = tsec(r)
    if kind == "lines":
        out = [f"Unit `{u}` ({t} unit), file {r['path']}, Debian package {pkg}."]
        if r["template"]:
            out.append(f"template: yes ({template_text(r)})")
        for sec in ["Unit"] + ([ts] if ts else []) + ["Install"]:
            out += ["", f"## [{sec}]", ""]
            keys = shown_keys(r, sec)
            lines = []
            for k in keys:
                vs = vals(r, sec, k)
                if k in LIST_KEYS:
                    lines.append(f"{k}: {' '.join(vs)}")
                else:
                    lines += [f"{k}: `{v}`" if k.startswith("Exec") else f"{k}: {show(k, v)}" for v in vs]
            if sec == "Unit":
                lines += [f"{k}: {v}" for k, v in conditions(r)]
            if sec == ts and "activates" in r:
                lines.append(f"activates: {activates_text(r)}")
            if not lines:
                lines = ["(no [Install] section)" if sec == "Install" else "(nothing set)"]
            out += lines
        out += ["", "## Links in /usr/lib/systemd/system", ""]
        out.append(f"symlinked as: {' '.join(r['symlinks'])}" if r["symlinks"] else "symlinked as: (none)")
        out.append(f"linked from: {' '.join(d + '.wants/' for d in r['wants_dirs'])}" if r["wants_dirs"]
                   else "linked from: (no .wants/ directory)")  # fmt: skip
        if t == "target":
            held = SNAP_WANTS.get(u, [])
            out.append(f"{u}.wants/ holds: {' '.join(held)}" if held else f"{u}.wants/ holds: (no such directory)")
        return head + "\n".join(out) + "\n"
    if kind == "table":
        rows = [("Unit type", f"{t} unit"), ("File", r["path"]), ("Debian package", pkg)]
        if r["template"]:
            rows.append(("Template", f"yes, {template_text(r)}"))
        labels = {
            "Description": "Description", "Documentation": "Documentation", "Requires": "Requires (hard dependency)",
            "Requisite": "Requisite", "Wants": "Wants (soft dependency)", "BindsTo": "Bound to (BindsTo=)",
            "PartOf": "Part of (PartOf=)", "Conflicts": "Conflicts with (Conflicts=)", "Before": "Ordered before (Before=)",
            "After": "Ordered after (After=)", "OnFailure": "Started on failure (OnFailure=)",
            "RequiresMountsFor": "Needs the mounts for (RequiresMountsFor=)",
            "DefaultDependencies": "Default dependencies (DefaultDependencies=)",
            "AllowIsolate": "Can be isolated to (AllowIsolate=)", "RefuseManualStart": "Refuses manual start (RefuseManualStart=)",
            "StopWhenUnneeded": "Stops when unneeded (StopWhenUnneeded=)",
            "IgnoreOnIsolate": "Left running on isolate (IgnoreOnIsolate=)", "JobTimeoutSec": "Job timeout (JobTimeoutSec=)",
            "JobTimeoutAction": "Action when a job times out (JobTimeoutAction=)",
            "Type": "Service type (Type=)" if t == "service" else "File system type (Type=)",
            "BusName": "D-Bus name (BusName=)", "User": "Runs as user (User=)", "Group": "Group (Group=)",
            "ExecStartPre": "Runs before starting (ExecStartPre=)", "ExecStart": "Command (ExecStart=)",
            "ExecReload": "Reload command (ExecReload=)", "ExecStop": "Stop command (ExecStop=)",
            "Restart": "Restart policy (Restart=)", "RestartSec": "Delay before a restart (RestartSec=)",
            "TimeoutSec": "Start and stop timeout (TimeoutSec=)", "TimeoutStartSec": "Start timeout (TimeoutStartSec=)",
            "TimeoutStopSec": "Stop timeout (TimeoutStopSec=)", "WatchdogSec": "Watchdog interval (WatchdogSec=)",
            "RemainAfterExit": "Stays active after exit (RemainAfterExit=)", "PIDFile": "PID file (PIDFile=)",
            "Sockets": "Takes sockets from (Sockets=)", "StateDirectory": "State directory under /var/lib (StateDirectory=)",
            "RuntimeDirectory": "Runtime directory under /run (RuntimeDirectory=)",
            "SyslogIdentifier": "Syslog identifier (SyslogIdentifier=)", "OOMScoreAdjust": "OOM score adjustment (OOMScoreAdjust=)",
            "KillMode": "Kill mode (KillMode=)", "PrivateTmp": "Private /tmp (PrivateTmp=)",
            "ProtectSystem": "Protects the system directories (ProtectSystem=)", "ProtectHome": "Protects home directories (ProtectHome=)",
            "ListenStream": "Stream socket (ListenStream=)", "ListenDatagram": "Datagram socket (ListenDatagram=)",
            "ListenSequentialPacket": "Sequential-packet socket (ListenSequentialPacket=)", "ListenFIFO": "FIFO (ListenFIFO=)",
            "ListenNetlink": "Netlink socket (ListenNetlink=)", "ListenSpecial": "Special file (ListenSpecial=)",
            "Service": "Service it activates (Service=)", "SocketMode": "Socket file mode (SocketMode=)",
            "Symlinks": "Also linked at (Symlinks=)", "ReceiveBuffer": "Receive buffer (ReceiveBuffer=)",
            "SendBuffer": "Send buffer (SendBuffer=)", "PassCredentials": "Passes credentials (PassCredentials=)",
            "PassSecurity": "Passes the security context (PassSecurity=)", "RemoveOnStop": "Removed on stop (RemoveOnStop=)",
            "Writable": "Opened writable (Writable=)", "OnCalendar": "Calendar schedule (OnCalendar=)",
            "OnBootSec": "Time after boot (OnBootSec=)", "OnUnitActiveSec": "Time after the last activation (OnUnitActiveSec=)",
            "AccuracySec": "Accuracy (AccuracySec=)", "RandomizedDelaySec": "Random delay, at most (RandomizedDelaySec=)",
            "FixedRandomDelay": "Same random delay every time (FixedRandomDelay=)",
            "Persistent": "Catches up missed runs (Persistent=)", "Unit": "Unit it activates (Unit=)",
            "What": "Mounts (What=)", "Where": "Mount point (Where=)", "Options": "Mount options (Options=)",
            "DirectoryNotEmpty": "Watches for a non-empty directory (DirectoryNotEmpty=)",
            "PathExists": "Watches for a path (PathExists=)", "PathChanged": "Watches for changes of (PathChanged=)",
            "PathModified": "Watches for writes to (PathModified=)", "MakeDirectory": "Creates the directory (MakeDirectory=)",
            "WantedBy": "Wanted by, once enabled (WantedBy=)", "RequiredBy": "Required by, once enabled (RequiredBy=)",
            "Alias": "Alias, once enabled (Alias=)", "Also": "Enabled together with it (Also=)",
            "DefaultInstance": "Default instance (DefaultInstance=)",
        }  # fmt: skip
        for sec in ["Unit"] + ([ts] if ts else []) + ["Install"]:
            keys = shown_keys(r, sec)
            for k in keys:
                vs = vals(r, sec, k)
                if k in LIST_KEYS:
                    rows.append((labels[k], ", ".join(vs)))
                else:
                    rows += [(labels[k], f"`{v}`" if k.startswith("Exec") else show(k, v)) for v in vs]
            if sec == "Unit":
                rows += [(f"Condition ({k}=)" if k.startswith("Condition") else f"Assertion ({k}=)", v)
                         for k, v in conditions(r)]  # fmt: skip
            if sec == ts and "activates" in r and not r["activates"]["stated"]:
                rows.append(("Activates", activates_text(r)))
            if sec == "Install" and not keys:
                rows.append(("[Install] section", "none"))
        rows.append(("Symlinks to it here", ", ".join(r["symlinks"]) if r["symlinks"] else "none"))
        rows.append(("Linked from (.wants/ here)", ", ".join(d + ".wants/" for d in r["wants_dirs"])
                     if r["wants_dirs"] else "none"))  # fmt: skip
        if t == "target":
            held = SNAP_WANTS.get(u, [])
            rows.append((f"Its {u}.wants/ here holds", ", ".join(held) if held else "no such directory"))
        cell = lambda s: s.replace("|", "\\|")  # noqa: E731
        return head + "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for a, b in rows) + "\n"
    # prose
    p1 = [(f"{u} is a {t} unit shipped by the Debian package {pkg}; its file is {r['path']}.",
           f"The Debian package {pkg} installs the {t} unit {u} as {r['path']}.",
           f"Installed from the Debian package {pkg}, the file {r['path']} defines the {t} unit {u}.")[w % 3]]
    if r["template"]:
        p1.append(f"It is {template_text(r)}.")
    d = desc(r)
    if d:
        p1.append((f"Its description reads \"{d}\".", f"systemctl shows it as \"{d}\".",
                   f"It describes itself as \"{d}\".")[w % 5 % 3])
    docs = vals(r, "Unit", "Documentation")
    if docs:
        p1.append(f"Documentation: {', '.join(docs)}." if w % 4 < 2 else f"For documentation it points to {and_list(docs)}.")
    paras = [" ".join(p1)]
    p = []
    verbs = {"Requires": "It requires {} (Requires=).", "Requisite": "It needs {} to be active already (Requisite=).",
             "Wants": "It wants {} (Wants=).", "BindsTo": "It is bound to {} (BindsTo=).",
             "PartOf": "It is part of {} (PartOf=).", "Conflicts": "It conflicts with {} (Conflicts=).",
             "Before": "It is ordered before {} (Before=).", "After": "It is ordered after {} (After=).",
             "OnFailure": "If it fails, {} is started (OnFailure=).",
             "RequiresMountsFor": "It needs the mounts for {} (RequiresMountsFor=)."}  # fmt: skip
    flags = {("DefaultDependencies", "no"): "It turns off systemd's default dependencies",
             ("AllowIsolate", "yes"): "It may be isolated to, like a runlevel",
             ("RefuseManualStart", "yes"): "It refuses to be started by hand",
             ("StopWhenUnneeded", "yes"): "It stops when no unit needs it any more",
             ("IgnoreOnIsolate", "yes"): "It keeps running when another target is isolated"}  # fmt: skip
    keys = shown_keys(r, "Unit")
    for k in keys:
        if k in verbs:
            p.append(verbs[k].format(and_list(vals(r, "Unit", k))))
        elif k in ("DefaultDependencies", "AllowIsolate", "RefuseManualStart", "StopWhenUnneeded", "IgnoreOnIsolate"):
            v = one(r, "Unit", k)
            p.append(f"{flags[(k, v)]} ({k}={v})." if (k, v) in flags else f"It sets {k}={v}.")
    if "JobTimeoutSec" in keys:
        t_ = f"Its jobs time out after {pspan('JobTimeoutSec', one(r, 'Unit', 'JobTimeoutSec'))}"
        if "JobTimeoutAction" in keys:
            t_ += f", and then the action is {one(r, 'Unit', 'JobTimeoutAction')} (JobTimeoutAction=)"
        p.append(t_ + ".")
    cs = conditions(r)
    if cs:
        p.append("It is started only if these checks pass: " + "; ".join(f"{k}={v}" for k, v in cs) + ".")
    if not [k for k in keys if k not in ("Description", "Documentation")] and not cs:
        p.append("It declares no dependencies or conditions of its own.")
    if p:
        paras.append(" ".join(p))
    p = []
    s = ts
    if t == "service":
        ty = one(r, s, "Type")
        p.append(f"It is a {ty} service (Type={ty})." if ty else "It sets no Type=.")
        ex = vals(r, s, "ExecStart")
        if len(ex) == 1:
            p.append(f"It runs `{ex[0]}` (ExecStart=).")
        elif ex:
            p.append("It runs, in turn, " + and_list([f"`{e}`" for e in ex]) + " (ExecStart=).")
        for k, txt in (("ExecStartPre", "Before that it runs {} (ExecStartPre=)."), ("ExecReload", "To reload it runs {} (ExecReload=)."),
                       ("ExecStop", "To stop it runs {} (ExecStop=).")):  # fmt: skip
            if vals(r, s, k):
                p.append(txt.format(and_list([f"`{e}`" for e in vals(r, s, k)])))
        if one(r, s, "User"):
            p.append(f"It runs as the user {one(r, s, 'User')}" + (f" and the group {one(r, s, 'Group')}" if one(r, s, "Group") else "")
                     + " (User=).")  # fmt: skip
        if one(r, s, "BusName"):
            p.append(f"It takes the D-Bus name {one(r, s, 'BusName')} (BusName=).")
        if one(r, s, "Restart"):
            p.append(f"Its restart policy is {one(r, s, 'Restart')} (Restart=).")
        rest = [k for k in shown_keys(r, s) if k not in ("Type", "ExecStart", "ExecStartPre", "ExecReload", "ExecStop", "User",
                                                          "Group", "BusName", "Restart")]  # fmt: skip
        if rest:
            p.append("Other settings: " + "; ".join(f"{k}={' '.join(vals(r, s, k)) if k in LIST_KEYS else show(k, one(r, s, k))}"
                                                   for k in rest) + ".")  # fmt: skip
    elif t == "socket":
        kinds = {"ListenStream": "the stream socket", "ListenDatagram": "the datagram socket",
                 "ListenSequentialPacket": "the sequential-packet socket", "ListenFIFO": "the FIFO",
                 "ListenNetlink": "the netlink family", "ListenSpecial": "the special file"}  # fmt: skip
        ls = [f"{kinds[k]} {v} ({k}=)" for k in kinds for v in vals(r, s, k)]
        p.append(f"It listens on {and_list(ls)}.")
        p.append(f"It activates {activates_text(r)}." if not r["activates"]["stated"]
                 else f"It hands what arrives to {r['activates']['unit']} (Service=).")  # fmt: skip
        if one(r, s, "SocketMode"):
            p.append(f"The socket gets the file mode {one(r, s, 'SocketMode')} (SocketMode=).")
        rest = [k for k in shown_keys(r, s) if k not in kinds and k not in ("Service", "SocketMode")]
        if rest:
            p.append("Also: " + "; ".join(f"{k}={' '.join(vals(r, s, k))}" for k in rest) + ".")
    elif t == "timer":
        parts = []
        for v in vals(r, s, "OnCalendar"):
            parts.append(f"on the calendar spec {v} (OnCalendar=)")
        if one(r, s, "OnBootSec"):
            parts.append(f"{pspan('OnBootSec', one(r, s, 'OnBootSec'))} after boot")
        if one(r, s, "OnUnitActiveSec"):
            parts.append(f"{pspan('OnUnitActiveSec', one(r, s, 'OnUnitActiveSec'))} after it last activated its unit")
        p.append(f"It elapses {and_list(parts)}.")
        if one(r, s, "RandomizedDelaySec"):
            p.append(f"Each run is delayed at random by up to {pspan('RandomizedDelaySec', one(r, s, 'RandomizedDelaySec'))}"
                     + (", the same delay every time (FixedRandomDelay=true)"
                                                if one(r, s, "FixedRandomDelay") == "true" else "") + ".")  # fmt: skip
        if one(r, s, "AccuracySec"):
            p.append(f"Its accuracy is {pspan('AccuracySec', one(r, s, 'AccuracySec'))}.")
        if one(r, s, "Persistent"):
            p.append(f"Persistent={one(r, s, 'Persistent')}" + (": a run missed while the machine was off is made up at the next boot."
                                                                if one(r, s, "Persistent") == "true" else "."))  # fmt: skip
        p.append(f"When it elapses it starts {activates_text(r)}.")
    elif t == "mount":
        opts = f", with the options {one(r, s, 'Options')} (Options=)" if one(r, s, "Options") else ""
        p.append(f"It mounts {one(r, s, 'What')} (What=) on {one(r, s, 'Where')} (Where=), file system type "
                 f"{one(r, s, 'Type')} (Type=){opts}.")
    elif t == "automount":
        p.append(f"It sets up an automount point at {one(r, s, 'Where')} (Where=); the first access starts {activates_text(r)}.")
    elif t == "path":
        for k in ("DirectoryNotEmpty", "PathExists", "PathChanged", "PathModified"):
            for v in vals(r, s, k):
                p.append(f"It watches {v} ({k}=) and then starts {activates_text(r)}.")
        if one(r, s, "MakeDirectory"):
            p.append(f"MakeDirectory={one(r, s, 'MakeDirectory')}: the watched directory is created if missing.")
    elif t == "slice":
        p.append("As a slice unit it is a node of the control-group tree that other units' processes are placed in; "
                 "it sets no [Slice] options.")
    elif t == "target":
        held = SNAP_WANTS.get(u, [])
        p.append("As a target it groups other units and runs nothing itself.")
        if held:
            p.append(f"Its {u}.wants/ directory in /usr/lib/systemd/system links {and_list(held)}.")
    if p:
        paras.append(" ".join(p))
    p = []
    wb, rb, al, also = (vals(r, "Install", k) for k in ("WantedBy", "RequiredBy", "Alias", "Also"))
    if not shown_keys(r, "Install"):
        p.append("It has no [Install] section.")
    else:
        if wb:
            p.append((f"Enabling it hooks it into {and_list(wb)} (WantedBy=).",
                      f"Once enabled it is wanted by {and_list(wb)} (WantedBy=).")[w % 7 % 2])
        if rb:
            p.append(f"Once enabled it is required by {and_list(rb)} (RequiredBy=).")
        if al:
            p.append(f"Enabling it also creates the alias {and_list(al)} (Alias=).")
        if also:
            p.append(f"Enabling it also enables {and_list(also)} (Also=).")
        if one(r, "Install", "DefaultInstance"):
            p.append(f"Its default instance is {one(r, 'Install', 'DefaultInstance')} (DefaultInstance=).")
    if r["symlinks"]:
        p.append(f"In /usr/lib/systemd/system it is also reachable through the symlink{'s' if len(r['symlinks']) > 1 else ''} "
                 f"{and_list(r['symlinks'])}.")
    for d_ in r["wants_dirs"]:
        p.append(f"The directory {d_}.wants/ in /usr/lib/systemd/system links to it, so {d_} pulls it in.")
    paras.append(" ".join(p))
    return head + "\n\n".join(paras) + "\n"


SNAP_WANTS: dict[str, list[str]] = {}


def load_snapshot() -> dict:
    snap = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    SNAP_WANTS.clear()
    SNAP_WANTS.update(snap["wants_dirs"])
    return snap


def render_all(recs: list[dict]) -> dict[str, str]:
    assign_layouts(recs)
    return {f"{doc_id(r)}.md": render(r) for r in recs}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's unit files again")
    if not UNITDIR.is_dir():
        sys.exit(f"{UNITDIR} not found")
    snap = scan_units()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    recs = snap["records"]
    print(f"{len(snap['unit_files'])} names in {UNITDIR} ({len(snap['descriptions'])} regular unit files, "
          f"{len(snap['symlinks'])} symlinks); {len(recs)} records; types {dict(Counter(r['type'] for r in recs))}; "
          f"packages {dict(Counter(r['package'] for r in recs))}")


# ------------------------------------------------------------------ questions

WANT = {"dev": {"single_hop": 18, "unanswerable": 7, "comparison": 6, "reverse": 5, "filter": 5, "multi_hop": 3},
        "test": {"single_hop": 29, "unanswerable": 12, "comparison": 9, "filter": 9, "reverse": 7, "multi_hop": 5}}
N_DEV_PAGES = 34
ABSENT_SPLIT = {"dev": 4, "test": 6}  # absent-unit items; the rest of the unanswerables are absent-field


def _tok(s: str) -> list[str]:
    return re.findall(r"[^\W_]+", s.lower())


def _contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return bool(needle) and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def _named(name: str, text: str) -> bool:
    return _contains(_tok(text), _tok(name))


def _echo(gold: str, unit: str) -> bool:
    """A gold whose words all come from the unit's own name (trivial from the question)."""
    return set(_tok(gold)) <= set(_tok(unit))


COMMON_DOCS = {"man:systemd.special(7)"}  # the documentation of most targets: not asked alone


def _gives_away(x: str, unit: str) -> bool:
    """Does a comparison target or filter value share a distinctive word with the unit's name?"""
    return bool((set(_tok(x)) & set(_tok(unit))) - GENERIC_WORDS)


GENERIC_WORDS = {"systemd", "service", "socket", "target", "timer", "mount", "path", "slice", "automount", "run",
                 "lib", "usr", "sys", "dev", "man", "8", "5", "7", "1"}


def single_value(r: dict, kind: str) -> list[str]:
    """The gold answers of a single-hop kind for a record, [] when its page does not state it (or
    the value makes a poor gold: one that only repeats the unit's name, a list)."""
    t, s, u = r["type"], tsec(r), r["unit"]
    v: list[str] = []
    if kind == "description":
        d = desc(r)
        v = [d] if len(_tok(d)) >= 2 and not _echo(d, u) else []
    elif kind == "exec" and t == "service":
        ex = vals(r, s, "ExecStart")
        if len(ex) == 1 and program(ex[0]):
            prog = program(ex[0])
            base = prog.rsplit("/", 1)[-1]
            v = [g for g in dict.fromkeys([prog, base]) if not _echo(g, u)]
            if prog not in v:
                v = []
    elif kind == "stype" and t == "service":
        v = [one(r, s, "Type")] if one(r, s, "Type") else []
    elif kind == "wantedby":
        wb = vals(r, "Install", "WantedBy")
        v = wb if len(wb) == 1 else []
    elif kind == "doc":
        d = vals(r, "Unit", "Documentation")
        if len(d) == 1 and d[0] not in COMMON_DOCS:
            g = d[0]
            alt = g[4:] if g.startswith("man:") else re.sub(r"^https?://", "", g)
            v = [x for x in dict.fromkeys([g, alt]) if not set(_tok(x)) - GENERIC_WORDS <= set(_tok(u))]
            if g not in v:
                v = []
    elif kind == "listen" and t == "socket":
        ls = [x for k in ("ListenStream", "ListenDatagram", "ListenSequentialPacket", "ListenFIFO", "ListenSpecial",
                          "ListenNetlink") for x in vals(r, s, k)]  # fmt: skip
        v = ls if len(ls) == 1 and ls[0].startswith("/") and not _echo(ls[0], u) else []
    elif kind == "calendar" and t == "timer":
        c = vals(r, s, "OnCalendar")
        v = c if len(c) == 1 else []
    elif kind == "delay" and t == "timer":
        d = one(r, s, "RandomizedDelaySec")
        v = [x for x in dict.fromkeys([d, span_words(d)]) if x] if d else []
    elif kind == "onboot" and t == "timer":
        d = one(r, s, "OnBootSec")
        v = [x for x in dict.fromkeys([d, span_words(d)]) if x] if d else []
    elif kind == "jobtimeout":
        d = one(r, "Unit", "JobTimeoutSec")
        v = [x for x in dict.fromkeys([d, span_words(d)]) if x] if d else []
    elif kind == "fstype" and t == "mount":
        f = one(r, s, "Type")
        v = [f] if f and not _echo(f, u) else []
    elif kind == "condpath":
        c = [x for k, x in conditions(r) if k == "ConditionPathExists"]
        v = c if len(c) == 1 and c[0].startswith("/") and not _echo(c[0], u) else []
    elif kind == "package":
        v = [r["package"]] if r["package"] and r["package"] != "systemd" and not _echo(r["package"], u) else []
    elif kind == "requires":
        q = vals(r, "Unit", "Requires")
        v = q if len(q) == 1 else []
    elif kind == "conflicts":
        q = vals(r, "Unit", "Conflicts")
        v = q if len(q) == 1 else []
    elif kind == "alias":
        a = aliases(r)
        v = a if len(a) == 1 else []
    elif kind == "user" and t == "service":
        x = one(r, s, "User")
        v = [x] if x and "%" not in x else []
    elif kind == "restart" and t == "service":
        v = [one(r, s, "Restart")] if one(r, s, "Restart") else []
    elif kind == "busname" and t == "service":
        v = [one(r, s, "BusName")] if one(r, s, "BusName") else []
    elif kind == "socketmode" and t == "socket":
        v = [one(r, s, "SocketMode")] if one(r, s, "SocketMode") else []
    elif kind == "service-of" and t == "socket":
        a = r["activates"]
        v = [a["unit"]] if a["stated"] and a["unit"].rsplit(".", 1)[0] != u.rsplit(".", 1)[0] else []
    elif kind == "pulled":
        v = list(r["wants_dirs"]) if len(r["wants_dirs"]) == 1 else []
    elif kind == "after":
        q = vals(r, "Unit", "After")
        v = q if len(q) == 1 else []
    return v


SINGLE_TEMPLATES = {
    "description": ["What is the Description= of {u}?", "How does systemctl describe {u}?",
                    "What description does the unit file of {u} give?"],
    "exec": ["Which program does {u} start (ExecStart=)?", "What binary does {u} execute when it starts?",
             "Which executable is on the ExecStart= line of {u}?"],
    "stype": ["What Type= does {u} declare?", "Which service type is {u} configured with?"],
    "wantedby": ["Which unit wants {u} once it is enabled (WantedBy=)?", "What is the WantedBy= entry in the [Install] section of {u}?",
                 "If I run systemctl enable {u}, which unit will want it?"],
    "doc": ["Which documentation does {u} point to?", "What does the Documentation= line of {u} reference?"],
    "listen": ["On which path does {u} listen?", "Where does {u} create its socket?"],
    "calendar": ["What is the OnCalendar= schedule of {u}?", "When does {u} fire, according to its calendar spec?"],
    "delay": ["How large is the random delay (RandomizedDelaySec=) of {u}?", "By up to how much is each run of {u} randomly delayed?"],
    "onboot": ["How long after boot does {u} first elapse?"],
    "jobtimeout": ["After how long does a job for {u} time out?", "What JobTimeoutSec= is set on {u}?"],
    "fstype": ["Which file system type does {u} mount?", "What is the Type= of the file system mounted by {u}?"],
    "condpath": ["Which path must exist for {u} to start?", "What does the ConditionPathExists= of {u} check for?"],
    "package": ["Which Debian package ships {u}?", "What package installed the unit file {u}?",
                "dpkg -S on {u}: which package owns it?"],
    "requires": ["Which unit does {u} require?", "What is listed under Requires= for {u}?"],
    "conflicts": ["Which unit does {u} conflict with?", "What is named in the Conflicts= line of {u}?"],
    "alias": ["Under which other name can {u} also be addressed?", "What alias does {u} have?"],
    "user": ["Which user does {u} run as?", "As what user account is {u} started?"],
    "restart": ["What is the restart policy of {u}?", "What Restart= setting does {u} use?"],
    "busname": ["Which D-Bus name does {u} take?", "What BusName= is set in {u}?"],
    "socketmode": ["What file mode does {u} give its socket?", "Which SocketMode= does {u} use?"],
    "service-of": ["Which service does {u} hand its traffic to?", "Which service unit is activated by {u}?"],
    "pulled": ["Which target's .wants/ directory in /usr/lib/systemd/system links {u}?",
               "Which target pulls {u} in through a static .wants/ symlink?"],
    "after": ["After which unit is {u} ordered?"],
}  # fmt: skip
# the order single-hop kinds are dealt in (repeating)
SINGLE_ORDER = ["exec", "description", "stype", "wantedby", "package", "calendar", "listen", "doc", "fstype",
                "condpath", "user", "alias", "requires", "delay", "busname", "restart", "conflicts", "pulled",
                "socketmode", "service-of", "exec", "description", "package", "wantedby", "doc", "stype", "onboot",
                "jobtimeout", "calendar", "listen", "user", "after", "exec", "description", "condpath", "fstype",
                "package", "restart", "busname", "doc"]  # fmt: skip
FIELD_OF = {"service-of": "activates", "onboot": "onboot", "listen": "listen"}  # overlap key; default: the kind

# multi-hop: (subject, target) with the subject activating the catalogued target; kinds asked of the target
HOP_KINDS = {"service": ["exec", "stype", "user", "description"], "mount": ["fstype"]}
HOP_TEMPLATES = {
    "exec": ["Which program runs when {u} fires?", "What binary ends up executing when {u} activates its unit?",
             "When {u} triggers, which executable is started?"],
    "stype": ["What Type= has the service that {u} activates?", "Which service type does the unit started by {u} declare?"],
    "user": ["As which user does the job started by {u} run?", "Which user account runs the service that {u} triggers?"],
    "description": ["What is the description of the unit that {u} activates?",
                    "How does systemctl describe the unit started by {u}?"],
    "fstype": ["Which file system type gets mounted when {u} is triggered?"],
}  # fmt: skip

REVERSE_TEMPLATES = ["Which unit is described as \"{d}\"?", "systemctl lists a unit as \"{d}\". What is the unit's name?",
                     "Which systemd unit carries the description \"{d}\"?", "\"{d}\": which unit is that?"]  # fmt: skip

CMP_TEMPLATES = {
    "stype-which": ["Which of {a} and {b} is a {x} service?", "Which one has Type={x}, {a} or {b}?"],
    "package-which": ["Which of {a} and {b} is shipped by the Debian package {x}?", "Which comes from the {x} package, {a} or {b}?"],
    "wantedby-which": ["Which of {a} and {b} is wanted by {x} once enabled?", "Which gets hooked into {x} when enabled, {a} or {b}?"],
    "calendar-which": ["Which of {a} and {b} runs on the calendar spec {x}?", "Which timer fires {x}, {a} or {b}?"],
    "user-which": ["Which of {a} and {b} runs as the user {x}?"],
    "listen-which": ["Which of {a} and {b} listens on {x}?"],
    "delay-longer": ["Which timer has the longer random delay, {a} or {b}?", "Of {a} and {b}, which may be delayed longer at random?"],
    "delay-shorter": ["Which timer has the shorter random delay, {a} or {b}?"],
}  # fmt: skip
CMP_FIELD = {"stype-which": "stype", "package-which": "package", "wantedby-which": "wantedby",
             "calendar-which": "calendar", "user-which": "user", "listen-which": "listen",
             "delay-longer": "delay", "delay-shorter": "delay"}  # fmt: skip
CMP_KIND_FOR = {"stype-which": "stype", "package-which": "package", "wantedby-which": "wantedby",
                "calendar-which": "calendar", "user-which": "user", "listen-which": "listen"}  # fmt: skip

# filter conditions: name -> phrase (a clause after "that"), value set of a record
FILTER_PHRASE = {
    "utype": "is a {v} unit", "package": "comes from the Debian package {v}", "stype": "has Type={v}",
    "wantedby": "is wanted by {v} once enabled", "after": "is ordered after {v}", "before": "is ordered before {v}",
    "conflicts": "conflicts with {v}", "requires": "requires {v}", "wants": "wants {v}",
    "doc": "cites {v} as documentation", "user": "runs as the user {v}", "restart": "has Restart={v}",
    "calendar": "fires on the calendar spec {v}", "pulled": "is linked from {v}.wants/",
}  # fmt: skip
FILTER_TEMPLATES = ["Which unit {c1} and {c2}?", "Name the only unit that {c1} and {c2}.",
                    "Which is the one unit that {c1} and also {c2}?", "Find the unit that {c1} and {c2}: which is it?"]  # fmt: skip
FILTER_TYPE_TEMPLATES = ["Which {v} unit {c}?", "Name the only {v} unit that {c}.",
                         "There is exactly one {v} unit that {c}. Which one?"]  # fmt: skip
FILTER_FIELD = {"utype": None, "after": "after", "before": "before", "doc": "doc"}  # overlap key of a condition
FILTER_PAIRS = [("utype", "package"), ("utype", "wantedby"), ("stype", "package"), ("utype", "after"),
                ("utype", "conflicts"), ("stype", "wantedby"), ("utype", "before"), ("doc", "utype"),
                ("restart", "stype"), ("utype", "requires"), ("wants", "utype"), ("user", "stype"),
                ("pulled", "utype"), ("calendar", "package"), ("after", "stype"), ("conflicts", "before"),
                ("package", "wantedby"), ("restart", "wantedby")]  # fmt: skip

ABSENT_UNIT_TEMPLATES = {
    "any": [("description", "What is the description of {u}?"), ("package", "Which Debian package ships {u}?"),
            ("doc", "Which man page documents {u}?")],
    "service": [("exec", "Which program does {u} start?"), ("stype", "What Type= does {u} declare?"),
                ("wantedby", "Which target pulls in {u} once it is enabled?")],
    "target": [("requires", "Which units does {u} require?")],
}  # fmt: skip
ABSENT_FIELD_TEMPLATES = {
    "memory-limit": "What memory limit (MemoryMax=) is set for {u}?",
    "cpu-quota": "Which CPU quota does {u} get?",
    "tcp-port": "Which TCP port does {u} listen on?",
    "maintainer": "Who is the maintainer of the {u} unit file?",
    "last-start": "When was {u} last started on this machine?",
    "log-file": "Which log file does {u} write to?",
    "exposure": "What exposure score does systemd-analyze security give {u}?",
    "pkg-version": "Which version of its Debian package provides {u}?",
    "install-date": "On what date was {u} installed?",
}  # fmt: skip


def fval(r: dict, f: str) -> set[str]:
    """A record's values for a filter condition, as its page states them."""
    s = tsec(r)
    if f == "utype":
        return {r["type"]}
    if f == "package":
        return {r["package"]} if r["package"] else set()
    if f == "stype":
        return {one(r, s, "Type")} if r["type"] == "service" and one(r, s, "Type") else set()
    if f == "wantedby":
        return set(vals(r, "Install", "WantedBy"))
    if f in ("after", "before", "conflicts", "requires", "wants"):
        return set(vals(r, "Unit", f.capitalize()))
    if f == "doc":
        return set(vals(r, "Unit", "Documentation"))
    if f == "user":
        return {one(r, s, "User")} if r["type"] == "service" and one(r, s, "User") and "%" not in one(r, s, "User") else set()
    if f == "restart":
        return {one(r, s, "Restart")} if r["type"] == "service" and one(r, s, "Restart") else set()
    if f == "calendar":
        return set(vals(r, s, "OnCalendar")) if r["type"] == "timer" else set()
    if f == "pulled":
        return set(r["wants_dirs"])
    return set()


def hops(recs: list[dict]) -> list[tuple[str, str]]:
    """(subject, target): the subject (timer, socket, path, automount) activates the catalogued target."""
    by = {r["unit"]: r for r in recs}
    return [(r["unit"], r["activates"]["unit"]) for r in recs if "activates" in r and r["activates"]["unit"] in by]


def split_pages(recs: list[dict]) -> dict[str, str]:
    """dev / test per unit: the hop components (a unit and the unit it activates) stay together;
    components in the order of sha256, dealt to dev until it holds N_DEV_PAGES."""
    parent = {r["unit"]: r["unit"] for r in recs}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in hops(recs):
        parent[find(a)] = find(b)
    comps: dict[str, list[str]] = defaultdict(list)
    for r in recs:
        comps[find(r["unit"])].append(r["unit"])
    order = sorted(comps.values(), key=lambda c: _h(min(c), "split"))
    out, ndev = {}, 0
    for c in order:
        s = "dev" if ndev + len(c) <= N_DEV_PAGES else "test"
        if s == "dev":
            ndev += len(c)
        for x in c:
            out[x] = s
    return out


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    SNAP_WANTS.clear()
    SNAP_WANTS.update(snap["wants_dirs"])
    by = {r["unit"]: r for r in recs}
    did = {r["unit"]: doc_id(r) for r in recs}
    split = split_pages(recs)
    assign_layouts(recs)
    pages = {k: render(r).split("\n---\n", 1)[1].lower() for k, r in by.items()}  # body text only
    ptoks = {k: _tok(v) for k, v in pages.items()}
    rng = random.Random(SEED)
    allhops = hops(recs)
    out: dict[str, list[dict]] = {}
    absent = list(ABSENT)
    rng.shuffle(absent)
    absent_for = {"dev": absent[: ABSENT_SPLIT["dev"]], "test": absent[ABSENT_SPLIT["dev"] : ABSENT_SPLIT["dev"] + ABSENT_SPLIT["test"]]}
    for s in ("dev", "test"):
        want = WANT[s]
        units = sorted(x for x in by if split[x] == s)
        items: list[dict] = []
        subject: set[str] = set()
        used: set[tuple[str, str]] = set()  # (unit, field) asked in this split
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
            if a in subject or targets[t] >= 1:
                continue
            kinds = list(HOP_KINDS.get(by[t]["type"], []))
            rng.shuffle(kinds)
            for kind in kinds:
                gold = single_value(by[t], kind)
                if not gold or (t, kind) in used or any(_contains(ptoks[a], _tok(g)) for g in gold) \
                        or any(it["answers"] == gold for it in items):
                    continue
                q = rng.choice(HOP_TEMPLATES[kind]).format(u=a)
                items.append({"question": q, "answers": gold, "type": "multi_hop", "evidence": [did[a], did[t]],
                              "kind": f"hop-{kind}", "via": by[a]["type"], "field": kind})
                subject.add(a)
                targets[t] += 1
                used |= {(a, kind), (t, kind)}
                break
        # reverse
        descs = Counter(d.lower() for d in snap["descriptions"].values())
        cand = [x for x in units if desc(by[x]) and descs[desc(by[x]).lower()] == 1 and len(_tok(desc(by[x]))) >= 2]
        rng.shuffle(cand)
        for x in cand:
            if n_of("reverse") == want["reverse"]:
                break
            d = desc(by[x])
            if any(d.lower() in pages[o] for o in by if o != x) or (x, "description") in used:
                continue
            items.append({"question": rng.choice(REVERSE_TEMPLATES).format(d=d), "answers": [x], "type": "reverse",
                          "evidence": [did[x]], "kind": "reverse", "description": d})
            used.add((x, "description"))
        # comparisons
        kinds = list(CMP_TEMPLATES)
        k_i = 0
        pairs = [(a, b) for a in units for b in units if a < b]
        rng.shuffle(pairs)
        pairs.sort(key=lambda p: -(by[p[0]]["type"] == by[p[1]]["type"]))
        tries = 0
        while n_of("comparison") < want["comparison"] and tries < 60:
            kind = kinds[k_i % len(kinds)]
            k_i += 1
            tries += 1
            fld = CMP_FIELD[kind]
            for a, b in pairs:
                if a in in_cmp or b in in_cmp or (a, fld) in used or (b, fld) in used:
                    continue
                ra, rb = by[a], by[b]
                win, x = None, None
                if kind in ("delay-longer", "delay-shorter"):
                    if ra["type"] != "timer" or rb["type"] != "timer":
                        continue
                    da, db = (span_seconds(one(o, "Timer", "RandomizedDelaySec")) for o in (ra, rb))
                    if da is None or db is None or da == db:
                        continue
                    longer = a if da > db else b
                    win = longer if kind == "delay-longer" else (b if longer == a else a)
                else:
                    sk = CMP_KIND_FOR[kind]
                    va, vb = single_value(ra, sk), single_value(rb, sk)
                    if not va or not vb or va[0] == vb[0]:
                        continue
                    win = rng.choice([a, b])
                    x = (va if win == a else vb)[0]
                    if _contains(ptoks[b if win == a else a], _tok(x)) or _gives_away(x, win):
                        continue
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
        # filters
        fp = list(FILTER_PAIRS)
        rng.shuffle(fp)
        seen_ans: set[str] = set()
        for _ in range(3):
            for f1, f2 in fp:
                if n_of("filter") == want["filter"]:
                    break
                c1 = Counter(v for r in recs for v in fval(r, f1))
                c2 = Counter(v for r in recs for v in fval(r, f2))
                opts = []
                for x in units:
                    if x in seen_ans:
                        continue
                    for v1 in sorted(fval(by[x], f1)):
                        for v2 in sorted(fval(by[x], f2)):
                            if c1[v1] < 2 or c2[v2] < 2 or (f1 == f2 and v1 == v2):
                                continue
                            hits = [o["unit"] for o in recs if v1 in fval(o, f1) and v2 in fval(o, f2)]
                            if (x, FILTER_FIELD.get(f1, f1)) in used or (x, FILTER_FIELD.get(f2, f2)) in used:
                                continue
                            if _gives_away(v1, x) or _gives_away(v2, x):
                                continue
                            if hits == [x] and _contains(ptoks[x], _tok(v1)) and _contains(ptoks[x], _tok(v2)):
                                opts.append((x, v1, v2))
                if not opts:
                    continue
                x, v1, v2 = rng.choice(opts)
                if "utype" in (f1, f2):
                    tv, (fo, vo) = (v1, (f2, v2)) if f1 == "utype" else (v2, (f1, v1))
                    q = rng.choice(FILTER_TYPE_TEMPLATES).format(v=tv, c=FILTER_PHRASE[fo].format(v=vo))
                else:
                    q = rng.choice(FILTER_TEMPLATES).format(c1=FILTER_PHRASE[f1].format(v=v1), c2=FILTER_PHRASE[f2].format(v=v2))
                items.append({"question": q, "answers": [x], "type": "filter", "evidence": [did[x]], "kind": "filter",
                              "where": {f1: v1, f2: v2}})
                seen_ans.add(x)
                used |= {(x, FILTER_FIELD.get(f, f)) for f in (f1, f2) if FILTER_FIELD.get(f, f)}
            fp = fp[1:] + fp[:1]
        # single hop
        k_i = 0
        pool = [x for x in units if x not in subject]
        rng.shuffle(pool)
        guard = 0
        while n_of("single_hop") < want["single_hop"] and guard < 500:
            guard += 1
            kind = SINGLE_ORDER[k_i % len(SINGLE_ORDER)]
            k_i += 1
            fld = FIELD_OF.get(kind, kind)
            for x in pool:
                if x in subject or (x, fld) in used:
                    continue
                v = single_value(by[x], kind)
                if not v:
                    continue
                q = rng.choice(SINGLE_TEMPLATES[kind]).format(u=x)
                items.append({"question": q, "answers": v, "type": "single_hop", "evidence": [did[x]], "kind": kind})
                subject.add(x)
                used.add((x, fld))
                break
        # unanswerable
        for a_u in absent_for[s]:
            tpls = ABSENT_UNIT_TEMPLATES["any"] + ABSENT_UNIT_TEMPLATES.get(unit_type(a_u), [])
            fld, tpl = tpls[rng.randrange(len(tpls))]
            items.append({"question": tpl.format(u=a_u), "answers": [], "type": "unanswerable", "evidence": [],
                          "kind": "absent-unit", "unit": a_u, "field": fld})
        fields = sorted(ABSENT_FIELDS)
        rng.shuffle(fields)
        upool = list(units)
        rng.shuffle(upool)
        n_f = want["unanswerable"] - ABSENT_SPLIT[s]
        taken: set[str] = set()
        for j in range(n_f):
            f = fields[j % len(fields)]
            x = next(y for y in upool if y not in taken and absent_field_ok(f, by[y]))
            taken.add(x)
            items.append({"question": ABSENT_FIELD_TEMPLATES[f].format(u=x), "answers": [], "type": "unanswerable",
                          "evidence": [], "kind": "absent-field", "field": f, "unit": x})
        rng.shuffle(items)
        tag = "c9-dev" if s == "dev" else "c9-test"
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
    for rel, text in render_all(recs).items():
        p = CORPUS / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    for s, items in qs.items():
        (OUT / f"{s}.jsonl").write_text(qa_text(items), encoding="utf-8")
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    print(f"{len(recs)} pages in {CORPUS}; layouts {dict(Counter(layout(r) for r in recs))}; types "
          f"{dict(Counter(r['type'] for r in recs))}")
    for s, items in qs.items():
        print(f"{s}: {len(items)} items {dict(Counter(it['type'] for it in items))}")


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


def _fact_problems(it, by, did, has, low, snap) -> list[str]:
    """Does an item's gold agree with snapshot.json? The item's `kind` and keys name the fact."""
    kind, meta, out = it.meta.get("kind"), it.meta, []
    unit_of = {v: k for k, v in did.items()}
    if it.type == "single_hop":
        r = by.get(unit_of.get(it.evidence[0], ""))
        if r is None or len(it.evidence) != 1 or not _named(r["unit"], it.question):
            return [f"{it.id}: the one evidence page is not the unit the question names"]
        if list(it.answers) != single_value(r, kind):
            out.append(f"{it.id}: gold {it.answers} is not the snapshot's {kind} {single_value(r, kind)}")
    elif it.type == "multi_hop":
        if len(it.evidence) != 2:
            return [f"{it.id}: evidence is not [subject, activated unit]"]
        a, t = by[unit_of[it.evidence[0]]], by[unit_of[it.evidence[1]]]
        f = meta.get("field")
        if a.get("activates", {}).get("unit") != t["unit"] or meta.get("via") != a["type"]:
            out.append(f"{it.id}: {a['unit']} does not activate {t['unit']}")
        if list(it.answers) != single_value(t, f) or not it.answers:
            out.append(f"{it.id}: gold is not {t['unit']}'s {f}")
        if any(has(it.evidence[0], g) for g in it.answers):
            out.append(f"{it.id}: a gold is already on the subject's page (not a hop)")
        if t["unit"].lower() not in low[it.evidence[0]]:
            out.append(f"{it.id}: the subject's page does not name {t['unit']}")
        if not _named(a["unit"], it.question) or _named(t["unit"], it.question):
            out.append(f"{it.id}: question must name the subject and not the activated unit")
    elif it.type == "comparison":
        ra, rb = (by.get(o) for o in it.options)
        if ra is None or rb is None or [did[o] for o in it.options] != it.evidence:
            return [f"{it.id}: options are not the evidence units"]
        gold = it.answers[0]
        win, lose = (ra, rb) if gold == ra["unit"] else (rb, ra)
        x = meta.get("target")
        if kind in ("delay-longer", "delay-shorter"):
            w, l_ = (span_seconds(one(o, "Timer", "RandomizedDelaySec")) for o in (win, lose))
            if w is None or l_ is None or not (w > l_ if kind == "delay-longer" else w < l_):
                out.append(f"{it.id}: {gold} does not win {kind}")
        elif kind in CMP_KIND_FOR:
            sk = CMP_KIND_FOR[kind]
            vw, vl = single_value(win, sk), single_value(lose, sk)
            if not (vw and vw[0] == x and vl and vl[0] != x):
                out.append(f"{it.id}: {x} is not stated for the winner alone")
            if has(did[lose["unit"]], x) or not has(did[win["unit"]], x) or x not in it.question:
                out.append(f"{it.id}: {x} on the other page, or not on the winner's, or not asked")
        else:
            out.append(f"{it.id}: unknown comparison kind {kind}")
    elif it.type == "filter":
        where = meta.get("where") or {}
        hits = [k for k, r in by.items() if all(v in fval(r, f) for f, v in where.items())]
        gold = it.answers[0]
        if len(where) < 2 or hits != [gold] or it.evidence != [did[gold]]:
            out.append(f"{it.id}: filter {where} matches {hits}")
        for f, v in where.items():
            if sum(v in fval(r, f) for r in by.values()) < 2:
                out.append(f"{it.id}: condition {f}={v} alone already singles out one record")
            if not has(did[gold], v) or v not in it.question:
                out.append(f"{it.id}: {f}={v!r} not stated on the answer's page or not in the question")
    elif it.type == "reverse":
        d = meta.get("description", "")
        r = by.get(it.answers[0])
        if r is None or desc(r) != d or d not in it.question:
            return [f"{it.id}: quoted description is not {it.answers[0]}'s"]
        same = [k for k, o in snap["descriptions"].items() if o.lower() == d.lower()]
        if same != [r["unit"]]:
            out.append(f"{it.id}: description shared by {same} (all unit files here)")
        if any(d.lower() in low[i] for i in low if i != did[r["unit"]]):
            out.append(f"{it.id}: description on another page")
    return out


def check() -> int:
    if str(ROOT / "src") not in sys.path:  # run without PYTHONPATH=src too
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    results: list[tuple[str, list[str]]] = []
    snap = load_snapshot()
    recs = snap["records"]
    by = {r["unit"]: r for r in recs}
    did = {r["unit"]: doc_id(r) for r in recs}
    by_id = {doc_id(r): r for r in recs}

    # 1. a fresh rendering of the snapshot equals the committed corpus and questions
    fresh = render_all(recs)
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

    # 2. the loader reads every page
    files, problems = scan(CORPUS)
    docs, load_bad = {}, []
    for f in files:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    bad = [str(p) for p in problems] + load_bad + ([] if len(docs) == len(recs) else [f"{len(docs)} != {len(recs)}"])
    bad += [i for i, d in docs.items() if i not in by_id or d.title != by_id[i]["unit"]
            or d.metadata.get("unit") != by_id[i]["unit"] or d.metadata.get("unit_type") != by_id[i]["type"]
            or d.metadata.get("package") != (by_id[i]["package"] or "unknown")]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents, each titled by its unit, "
                    "with front matter unit / unit_type / package", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}  # body text only: front matter is metadata
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    bad = []
    for i, r in by_id.items():
        for v in (r["unit"], r["type"], r["package"] or "unknown", r["path"]):
            if v.lower() not in low.get(i, ""):
                bad.append(f"{i}: {v!r} not in the body")
        if "activates" in r and r["activates"]["unit"] not in full.get(i, ""):
            bad.append(f"{i}: the unit it activates is not named")
        if desc(r) and desc(r) not in full.get(i, ""):
            bad.append(f"{i}: description not on the page")
    toks = Counter(" ".join(answer_tokens(r["unit"])) for r in recs)
    bad += [f"units with the same accuracy tokens: {k}" for k, c in toks.items() if c > 1]
    results.append(("every front-matter value, the file path, the description and the activated unit are stated in "
                    "the page body; no two units have the same accuracy tokens", bad))
    layouts_seen = Counter(layout(r) for r in recs)
    results.append((f"three layouts {dict(layouts_seen)}", [] if len(layouts_seen) == 3 and min(layouts_seen.values()) >= 20
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
        if not re.fullmatch(rf"c9-{s}-\d\d\d", it.id):
            idf.append(f"{it.id}: id not c9-{s}-NNN")
        if it.type not in WANT[s]:
            idf.append(f"{it.id}: type {it.type}")
        if it.type == "unanswerable" and it.evidence:
            ev.append(f"{it.id}: unanswerable with evidence")
        if it.answerable and not it.evidence:
            ev.append(f"{it.id}: no evidence")
        ev += [f"{it.id}: evidence {e} not a document" for e in it.evidence if e not in docs]
        if bool(it.options) != (it.type == "comparison"):
            ev.append(f"{it.id}: options only (and always) on comparisons")
        if not it.answerable:
            if not is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores wrong")
            if is_correct(it, "It is /usr/sbin/cron.", False) or is_correct(it, "It listens on port 22.", False):
                abst.append(f"{it.id}: an answer scores correct")
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
        if kind in ("delay", "onboot", "jobtimeout", "socketmode", "hop-delay") and re.search(r"\d", it.answers[0]):
            for g in it.answers:
                nm = _near_miss(g)
                if is_correct(it, nm, False) or is_correct(it, f"The answer is {nm}.", False):
                    near.append(f"{it.id}: {nm}")
        if it.options:
            a, b = it.options[:2]
            if it.answers[0] not in it.options:
                cmpw.append(f"{it.id}: gold not an option")
            for w in [o for o in it.options if o not in it.answers]:
                if is_correct(it, w, False) or is_correct(it, f"{w} does.", False) or \
                        is_correct(it, f"The answer is {w}.", False):
                    cmpw.append(f"{it.id}: wrong option scores correct")
            for hedge in (f"{a} or {b}", f"{b} or {a}", f"{a} and {b}."):
                if is_correct(it, hedge, False):
                    cmpw.append(f"{it.id}: hedge {hedge!r} scores correct")
        elif it.type in ("reverse", "filter"):  # a gold unit name: every other unit's name scores wrong
            cmpw += [f"{it.id}: another unit's name {o} scores correct" for o in by
                     if o != it.answers[0] and is_correct(it, o, False)]
        facts += _fact_problems(it, by, did, has, low, snap)
    results += [
        ("ids c9-<split>-NNN, unique; every item has a kind; options only on comparisons; evidence: answerable "
         "has some, unanswerable none, every id a loaded document", idf + ev),
        ("every gold string occurs in an evidence page's text (case-insensitive) and as accuracy tokens", gold_in),
        ("every gold scores correct alone and in 'The answer is <gold>.'; no bare none / yes / no / true / false",
         gold_ok),
        ("a near-miss number (last digit changed) scores wrong", near),
        ("comparisons: gold is an option; the wrong option (alone, 'X does.', in a sentence), 'A or B', "
         "'B or A', 'A and B.' score wrong; reverse / filter: another unit's name scores wrong", cmpw),
        ("'The documents do not say.' scores correct exactly on the unanswerable items; answers score wrong there",
         abst),
        ("facts agree with snapshot.json (single-hop values, activation hops, comparison winners, filters matching "
         "exactly one record, reverse descriptions unique among all unit files here)", facts),
    ]

    # 4. split separation and unanswerables
    def pages_of(s):
        out = set()
        for r in rows[s]:
            out |= set(r.get("evidence", []))
            if r.get("kind") == "absent-field" and r.get("unit") in by:
                out.add(did[r["unit"]])
        return out

    subj = [f"{s}: {e} is the subject of {c} single-hop / multi-hop items"
            for s in rows for e, c in Counter(r["evidence"][0] for r in rows[s]
                                              if r["type"] in ("single_hop", "multi_hop")).items() if c > 1]
    both = sorted(pages_of("dev") & pages_of("test"))
    twice = []  # within a split, no (page, field) asked, compared or filtered on by two items
    for s in rows:
        seen: Counter = Counter()
        for r in rows[s]:
            unit_of = {v: k for k, v in did.items()}
            ev_u = [unit_of[e] for e in r["evidence"]]
            if r["type"] == "single_hop":
                seen[(ev_u[0], FIELD_OF.get(r["kind"], r["kind"]))] += 1
            elif r["type"] == "multi_hop":
                seen.update((x, r["field"]) for x in ev_u)
            elif r["type"] == "reverse":
                seen[(ev_u[0], "description")] += 1
            elif r["type"] == "comparison":
                seen.update((x, CMP_FIELD[r["kind"]]) for x in ev_u)
            elif r["type"] == "filter":
                seen.update((ev_u[0], FILTER_FIELD.get(f, f)) for f in r["where"] if FILTER_FIELD.get(f, f))
        twice += [f"{s}: {k} asked {c} times" for k, c in seen.items() if c > 1]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    qdup = [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    absent_in = {s: {r["unit"] for r in rows[s] if r["kind"] == "absent-unit"} for s in rows}
    results.append(("no page asked about in both splits (evidence, the unit of an absent-field item), no absent "
                    "unit in both, no question repeated across splits; within a split a page is the subject of "
                    "one single-hop or multi-hop item at most, and no field of a page is asked, compared or "
                    "filtered on twice", both + sorted(absent_in["dev"] & absent_in["test"]) + qdup + subj + twice))
    corpus_low = "\n".join(full.values()).lower()
    ctoks = _tok(corpus_low)
    un = []
    regular = set(snap["descriptions"])
    for s in rows:
        for r in rows[s]:
            if r["type"] != "unanswerable":
                continue
            if r["kind"] == "absent-unit":
                p = r.get("unit", "")
                if p not in ABSENT or p not in regular or p in by or _contains(ctoks, _tok(p)) \
                        or not _named(p, r["question"]):
                    un.append(f"{r['id']}: absent unit {p!r} is catalogued, not a unit file here, on a page or not asked")
                if any(_named(m, r["question"]) for m in by) or \
                        " ".join(answer_tokens(p)) in {" ".join(answer_tokens(m)) for m in by}:
                    un.append(f"{r['id']}: names a catalogued unit")
            elif r["kind"] == "absent-field":
                f, p = r.get("field"), r.get("unit")
                if f not in ABSENT_FIELDS or p not in by or not _named(p, r["question"]) \
                        or not absent_field_ok(f, by[p]):
                    un.append(f"{r['id']}: field {f!r} / unit {p!r} unknown, not asked or not of that type")
                    continue
                for wd in ABSENT_FIELDS[f][0]:
                    if (" " in wd or "." in wd or "/" in wd) and wd in corpus_low or wd in ctoks:
                        un.append(f"{r['id']}: the corpus holds {wd!r}")
            else:
                un.append(f"{r['id']}: unknown unanswerable kind {r['kind']!r}")
    results.append(("unanswerable: absent units are regular unit files here, not catalogued and named on no page; "
                    "absent fields' words are on no page", un))
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
