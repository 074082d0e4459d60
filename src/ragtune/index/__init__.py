"""The index: a `VectorStore` (Qdrant Edge, embedded) plus a SQLite manifest, per project.

    from ragtune.index import open_index
    with open_index(project) as index:
        report = index.ingest("docs/")
        hits = index.search("question", k=5, filters={"year": 2024}, mode="hybrid")
"""

from ragtune.index.core import FORMAT_VERSION, Index, open_index, remove_index
from ragtune.index.ingest import IngestReport
from ragtune.index.manifest import DocumentInfo
from ragtune.index.store import MODES, VectorStore

__all__ = [
    "FORMAT_VERSION",
    "DocumentInfo",
    "Index",
    "IngestReport",
    "MODES",
    "VectorStore",
    "open_index",
    "remove_index",
]
