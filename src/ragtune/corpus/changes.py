"""Change detection: what an incremental ingest must add, re-index, remove or leave alone."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ChangeSet:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def diff(current: dict[str, str], previous: dict[str, str], keep: set[str] = frozenset()) -> ChangeSet:
    """Compare {doc_id: content hash} now against the manifest's.

    `removed` lists documents in `previous` that are gone now, except those in `keep` (documents
    whose file could not be read this time: a read error is not a deletion).
    """
    cs = ChangeSet()
    for doc_id, h in current.items():
        old = previous.get(doc_id)
        if old is None:
            cs.added.append(doc_id)
        elif old != h:
            cs.changed.append(doc_id)
        else:
            cs.unchanged.append(doc_id)
    cs.removed = [d for d in previous if d not in current and d not in keep]
    return cs
