"""Reading a corpus: loaders (files -> documents), front matter, chunking, change detection."""

from ragtune.corpus.chunking import ChunkingConfig, HFTokens, WordTokens, chunk_document, tokens_for
from ragtune.corpus.loaders import Document, LoadError, Problem, SourceFile, iter_documents, scan

__all__ = [
    "ChunkingConfig",
    "Document",
    "HFTokens",
    "LoadError",
    "Problem",
    "SourceFile",
    "WordTokens",
    "chunk_document",
    "iter_documents",
    "scan",
    "tokens_for",
]
