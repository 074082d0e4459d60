"""Drafted evaluation sets: `ragtune qa DOCS/` writes questions with gold answers and evidence
from any corpus (`draft`), `ragtune qa review FILE` accepts, edits or drops them (`review`).

Layer: beside strategies/ and finetune/ (it uses corpus/, index/ and models/; arena/ uses it).
"""

from ragtune.drafting.compose import TYPES
from ragtune.drafting.draft import DraftOptions, draft_corpus, draft_items, parse_types

__all__ = ["TYPES", "DraftOptions", "draft_corpus", "draft_items", "parse_types"]
