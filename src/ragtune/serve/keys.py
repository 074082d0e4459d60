"""API keys for `ragtune serve`: stored hashed in `.ragtune/keys.json` (mode 0600), each bound
to the collections it may read and write.

A key is `rt-` + 32 random bytes (url-safe base64); only its SHA-256 is stored (a random
256-bit secret needs no slow hash), plus a short prefix so `keys list` can show which is which.
The server re-reads the file when it changes, so `ragtune keys add/revoke` work while serving.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ragtune.errors import InputError, RagtuneError
from ragtune.project import Project, atomic_write

KEYS_FILE = "keys.json"
KEY_PREFIX = "rt-"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")
_COLLECTION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass
class KeyRecord:
    id: str
    name: str
    sha256: str
    prefix: str  # the first characters of the key, to recognise it in `keys list`
    collections: list[str]
    created: str
    revoked: str | None = None  # when it was revoked; None = active

    @property
    def active(self) -> bool:
        return self.revoked is None

    def public(self) -> dict[str, Any]:
        """What `keys list` shows: everything but the hash."""
        d = asdict(self)
        del d["sha256"]
        return d


@dataclass(frozen=True)
class Principal:
    """Who is asking: a key's name and id, and the collections it may use (None = all)."""

    name: str
    key_id: str
    collections: tuple[str, ...] | None

    def may_use(self, collection: str) -> bool:
        return self.collections is None or collection in self.collections


OPEN_PRINCIPAL = Principal("open", "open", None)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def keys_path(project: Project) -> Path:
    return project.state / KEYS_FILE


def check_collection(name: str) -> str:
    if not _COLLECTION.match(name):
        raise InputError(
            f"invalid collection name {name!r}",
            "use letters, digits, `_`, `-` or `.` (at most 64 characters)",
        )
    return name


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


@dataclass
class KeyStore:
    """The keys file of one project. Methods re-read the file, so several processes
    (the server and `ragtune keys`) see each other's changes."""

    path: Path
    _records: list[KeyRecord] = field(default_factory=list)
    _by_hash: dict[str, KeyRecord] = field(default_factory=dict)
    _mtime: float | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def of(cls, project: Project) -> "KeyStore":
        return cls(keys_path(project))

    # ------------------------------------------------------------------ file

    def _load(self) -> None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            self._records, self._by_hash, self._mtime = [], {}, None
            return
        stamp = st.st_mtime_ns + st.st_size / 1e12
        if stamp == self._mtime:
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            records = [KeyRecord(**r) for r in data.get("keys", [])]
        except (ValueError, TypeError) as e:
            raise RagtuneError(
                f"{self.path} is damaged ({type(e).__name__})",
                "restore it from a backup, or delete it and add the keys again",
            ) from None
        self._records = records
        self._by_hash = {r.sha256: r for r in records if r.active}
        self._mtime = stamp

    def _save(self) -> None:
        body = {"format": 1, "keys": [asdict(r) for r in self._records]}
        atomic_write(self.path, json.dumps(body, indent=2) + "\n")  # mkstemp: created 0600
        os.chmod(self.path, 0o600)
        self._mtime = None  # re-read (and re-stamp) on next use

    # ------------------------------------------------------------------ management

    def add(self, name: str, collections: list[str]) -> tuple[str, KeyRecord]:
        """Create a key; returns (the key, shown once, its record)."""
        if not _NAME.match(name):
            raise InputError(
                f"invalid key name {name!r}", "use letters, digits, `_`, `-`, `.` or `@` (max 64)"
            )
        if not collections:
            raise InputError("a key needs at least one collection", "pass --collection NAME")
        collections = list(dict.fromkeys(check_collection(c) for c in collections))
        with self._lock:
            self._load()
            if any(r.name == name and r.active for r in self._records):
                raise InputError(
                    f"an active key named {name!r} exists",
                    f"pick another name, or `ragtune keys revoke {name}` first",
                )
            key = KEY_PREFIX + secrets.token_urlsafe(32)
            record = KeyRecord(
                id="key-" + secrets.token_hex(4), name=name, sha256=hash_key(key),
                prefix=key[:8], collections=collections, created=_now(),
            )  # fmt: skip
            self._records.append(record)
            self._save()
        return key, record

    def list(self, include_revoked: bool = True) -> list[KeyRecord]:
        with self._lock:
            self._load()
            return [r for r in self._records if include_revoked or r.active]

    def revoke(self, name_or_id: str) -> KeyRecord:
        with self._lock:
            self._load()
            found = [r for r in self._records if r.active and name_or_id in (r.name, r.id)]
            if not found:
                raise InputError(f"no active key named {name_or_id!r}", "`ragtune keys list` shows them")
            found[0].revoked = _now()
            self._save()
            return found[0]

    # ------------------------------------------------------------------ the server

    def active_count(self) -> int:
        return len(self.list(include_revoked=False))

    def authenticate(self, key: str) -> Principal | None:
        """The principal for a presented key, or None (unknown or revoked)."""
        if not key.startswith(KEY_PREFIX):
            return None
        with self._lock:
            self._load()
            record = self._by_hash.get(hash_key(key))
        if record is None:
            return None
        return Principal(record.name, record.id, tuple(record.collections))
