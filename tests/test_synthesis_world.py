"""The fine-tuning data on the synthetic world, checked against the world's own gold facts.

`ragtune.finetune` never sees the world; this test (which may) reads its `world.json` and asks
of every synthesised (question, answer) whether it is right (`ragtune.world.gold`). The figures
for the small world, before and after the generic synthesis, are in docs/RESULTS.md
("Training-data synthesis") and docs/results/synthesis/results.json.
"""

from __future__ import annotations

from ragtune.config import Settings
from ragtune.corpus import ChunkingConfig, Document, WordTokens, chunk_document, iter_documents, scan
from ragtune.corpus.questions import reads_as_question
from ragtune.finetune.data import extract_pairs
from ragtune.world.gold import GoldFacts


def _world_chunks(docs):
    settings = Settings()
    files, _ = scan(docs, settings.index.max_file_mb)
    config = ChunkingConfig(settings.index.chunk_tokens, settings.index.chunk_overlap)
    return [c for src in files for d in iter_documents(src) if isinstance(d, Document)
            for c in chunk_document(d, WordTokens(), config)]


def test_training_questions_are_right_about_the_worlds_facts(tiny_world):
    """Tiny world, seed 0, measured 2026-11-29: 747 items, 618 correct, 0 wrong, 71 ambiguous
    (many-to-one facts: several chief executives or prize winners over the years), 58 not about
    a gold fact (filler sentences); 100 of 113 facts covered, 5.75 correct questions per fact.
    Floors: the measured values less a margin."""
    pairs, stats = extract_pairs(_world_chunks(tiny_world / "docs"))
    gold = GoldFacts.load(tiny_world / "world.json")
    report = gold.check([(p.question, p.answer) for p, _ in pairs])
    assert report["wrong"] <= 0.01 * report["items"], report["examples"]["wrong"]
    assert report["correct_share_of_checkable"] >= 0.85
    assert report["covered_facts"] >= 0.8 * report["gold_facts"]
    assert report["questions_per_covered_fact"] >= 5.0
    assert all(reads_as_question(p.question) for p, _ in pairs)
    # both directions of a fact are asked (the reversal curse)
    assert {p.direction for p, _ in pairs} == {"forward", "reverse"}
    assert stats["questions"] == len(pairs)


def test_the_checker_tells_right_from_wrong(tiny_world):
    gold = GoldFacts.load(tiny_world / "world.json")
    fact = next(f for f in gold.facts if f.relation == "birth_year")
    name, year = fact.values["subject"], fact.values["object"]
    assert gold.verdict(f"When was {name} born?", year)[0] == "correct"
    assert gold.verdict(f"When was {name} born?", str(int(year) + 1))[0] == "wrong"
    assert gold.verdict(f"What does {name} enjoy in the evenings?", "chess")[0] == "unverifiable"
