"""Fine-tuning data: extractive questions on generic English, RAFT examples, leakage filter,
packing that keeps examples apart (checked on the real model), bad input."""

import re

import pytest

from ragtune.errors import InputError, RagtuneError
from ragtune.eval.qa import QAItem
from ragtune.finetune.data import DataOptions, synthesize
from ragtune.finetune.leakage import filter_leakage, overlap
from ragtune.prompts import ABSTAIN_TEXT, CLOSED_BOOK_SYSTEM, RAG_SYSTEM
from ragtune.types import Chunk

# Plain English that has nothing to do with the synthetic world's templates.
TEXT = [
    "Ada Lovelace was born in London. Ada Lovelace worked with Charles Babbage on the "
    "Analytical Engine. The Analytical Engine was designed by Charles Babbage in 1837.",
    "The Hubble Space Telescope was launched in 1990. The telescope orbits about 540 "
    "kilometres above the Earth. Edwin Hubble gave the telescope its name.",
    "Lake Baikal lies in Siberia. Lake Baikal holds about 23,000 cubic kilometres of water. "
    "The lake is the deepest lake in the world.",
]


def _chunks(texts=TEXT):
    return [Chunk(f"doc{i}::0", f"doc{i}", t, title=f"Doc {i}") for i, t in enumerate(texts)]


# The questions themselves (forms, directions, checks) are tested in tests/test_questions.py.


def test_synthesis_uses_the_inference_prompts_and_holds_out_dev_phrasings():
    data = synthesize(_chunks(), DataOptions(raft=True, dev_holdout=2, seed=1, statements=True))
    kinds = {e.kind for e in data.examples}
    assert kinds == {"text", "qa", "raft"}
    plain = synthesize(_chunks(), DataOptions(raft=True, dev_holdout=2, seed=1))
    assert {e.kind for e in plain.examples} == {"qa", "raft"}  # sentences alone only on request
    assert all(e.system == CLOSED_BOOK_SYSTEM for e in data.examples if e.kind == "qa")
    assert len(data.dev) == 2
    train_questions = {e.question for e in data.examples}
    assert not any(d.question in train_questions for d in data.dev)
    # the same fact is still taught by its other forms
    dev_answers = {d.answers[0] for d in data.dev}
    assert all(any(e.answer == a for e in data.examples if e.kind == "qa") for a in dev_answers)


def test_raft_examples_show_the_oracle_that_holds_the_answer():
    data = synthesize(_chunks(), DataOptions(raft=True, closed_book=False, text=False,
                                             raft_no_oracle_share=0.3, seed=3))
    raft = [e for e in data.examples if e.kind == "raft"]
    assert raft and all(e.system == RAG_SYSTEM for e in raft)
    with_oracle = [e for e in raft if e.origin == "raft"]
    without = [e for e in raft if e.origin == "raft_no_oracle"]
    assert with_oracle and without
    # RAFT's recipe: without the oracle the answer is still the target (remembered, uncited)
    assert all(e.answer != ABSTAIN_TEXT and not re.search(r"\[\d+\]$", e.answer) for e in without)
    for e in with_oracle:
        assert not re.search(r"\[\d+\]", e.answer)  # cited by matching at inference, not by marker
        context = e.user.split("\n\nQuestion: ")[0].splitlines()
        assert context[0] == "Context:"
        assert any(e.answer.lower() in line.lower() for line in context[1:])  # a source holds it
        assert e.user.endswith(f"Question: {e.question}")


def test_user_pairs_and_abstention_examples():
    items = [QAItem("u1", "What does the blue lamp mean?", ["standby"]),
             QAItem("u2", "Who won the 2031 final?", [], "unanswerable")]
    data = synthesize(_chunks(), DataOptions(abstain_share=0.2, dev_holdout=0), train_qa=items)
    by_q = {e.question: e.answer for e in data.examples if e.kind == "qa"}
    assert by_q["What does the blue lamp mean?"] == "standby"
    assert by_q["Who won the 2031 final?"] == ABSTAIN_TEXT
    made_up = [e for e in data.examples if e.origin == "abstain"]
    assert made_up and all(e.answer == ABSTAIN_TEXT for e in made_up)
    corpus = " ".join(TEXT)
    for e in made_up:  # the made-up subject never occurs in the corpus
        assert e.fact.split(":", 1)[1] not in corpus


def test_empty_or_underivable_corpus_is_refused():
    with pytest.raises(InputError):
        synthesize([], DataOptions())
    with pytest.raises(InputError, match="nothing to train on"):
        synthesize(_chunks(["ok.", "fine then."]), DataOptions(text=False))


def test_ngram_overlap():
    q = "How many cubic kilometres of water does Lake Baikal hold today?"
    assert overlap(q, "Tell me: how many cubic kilometres of water does Lake Baikal hold today?") == 1.0
    assert overlap(q, "Lake Baikal lies in Siberia.") == 0.0
    assert overlap("Where is Baikal?", "where is baikal") == 1.0  # short: one n-gram of 3


def test_leakage_filter_catches_a_planted_paraphrased_test_question(pool):
    test_question = "Which city was Ada Lovelace born in?"
    planted = QAItem("p1", "In which city was Ada Lovelace born?", ["London"])  # a paraphrase
    data = synthesize(_chunks(), DataOptions(dev_holdout=0, statements=True), train_qa=[planted])
    assert any(e.question == planted.question for e in data.examples)
    kept, report = filter_leakage(data.examples, [test_question], pool.embedder())
    assert not any(e.question == planted.question for e in kept)
    assert report.dropped >= 1 and report.dropped == len(data.examples) - len(kept)
    caught = [s for s in report.samples if s["training"] == planted.question]
    assert caught and caught[0]["cosine"] > 0.92 and caught[0]["excluded"] == test_question
    # unrelated questions survive, and so does the fact itself: a statement is knowledge from
    # the corpus, compared with test questions by their wording only (n-grams), not cosine
    assert any(e.question.startswith("When was the Hubble") for e in kept)
    assert "Ada Lovelace was born in London." in {e.answer for e in kept if e.origin == "statement"}


def test_packing_keeps_examples_apart_exactly(torch_generator):
    """Packed rows (shared system turn, block-diagonal attention) give every answer token the
    same logits as the example alone; loss only on answer tokens and the end of turn."""
    import torch

    from ragtune.finetune.data import Example
    from ragtune.finetune.packing import IGNORE, ExampleTokenizer, collate, pack
    from ragtune.finetune.train import causal_lm

    gen = torch_generator
    tok, model = gen.tokenizer, gen.model
    et = ExampleTokenizer(tok)
    examples = [Example("qa", a, user=q, system=CLOSED_BOOK_SYSTEM) for q, a in
                [("Where was Ada Lovelace born?", "London"), ("When was Hubble launched?", "1990"),
                 ("Who designed the engine?", "Charles Babbage")]]
    items = [et(e) for e in examples]
    assert all(i.prefix for i in items) and len({i.prefix for i in items}) == 1
    rows = pack(items, 512)
    assert len(rows) == 1 and len(rows[0].tails) == 3
    batch = collate(rows, tok.pad_token_id)
    assert batch.tokens < batch.example_tokens  # the system turn is computed once

    def run():
        with torch.inference_mode():
            lm = causal_lm(model)
            h = lm.model(input_ids=batch.input_ids, attention_mask=batch.attention_mask,
                         position_ids=batch.position_ids).last_hidden_state
            packed = lm.lm_head(h.reshape(-1, h.shape[-1])[batch.target_index])
            alone = []
            for it in items:
                ids = torch.tensor([list(it.prefix) + it.tail])
                logits = lm(input_ids=ids).logits[0]
                labelled = [len(it.prefix) + j for j, lab in enumerate(it.labels) if lab != IGNORE]
                alone.append(logits[[p - 1 for p in labelled]])
            return packed, torch.cat(alone)

    packed, alone = gen.worker.run(run)
    assert packed.shape == alone.shape
    assert torch.allclose(packed, alone, atol=2e-4)
    answer_ids = [t for it in items for t, lab in zip(it.tail, it.labels) if lab != IGNORE]
    assert batch.target_ids.tolist() == answer_ids
    assert batch.target_ids.tolist().count(tok.eos_token_id) == 3  # each answer ends its turn


def test_memory_estimate_refuses_with_a_suggestion(torch_generator):
    from ragtune.finetune.train import TrainConfig, check_memory

    huge = TrainConfig(method="full", batch_rows=4096, row_tokens=4096)
    with pytest.raises(RagtuneError) as e:
        check_memory(torch_generator.model, huge, "float32", "cpu")
    assert "GB" in e.value.message and "--batch-rows" in e.value.hint and "lora" in e.value.hint


def test_statements_and_the_exposure_plan():
    """Each fact-bearing sentence becomes one short text example that counts as an exposure of
    every fact it states; the plan turns a token budget into exposures per fact."""
    from ragtune.finetune.data import exposure_counts, plan_exposures

    data = synthesize(_chunks(), DataOptions(text=False, dev_holdout=0, abstain_share=0.0,
                                             statements=True))
    statements = [e for e in data.examples if e.origin == "statement"]
    assert "Ada Lovelace was born in London." in {e.answer for e in statements}
    assert all(e.kind == "text" and len(e.answer) < 200 for e in statements)
    counts = exposure_counts(data.examples)
    assert counts and min(counts.values()) >= 2  # a question and its sentence, at least
    assert data.stats["facts"] == len(counts)
    per_fact = sum(counts.values()) / len(counts)
    plan = plan_exposures(data.examples, epoch_tokens=1000, tokens_per_s=10.0, seconds=300)
    assert plan["epochs"] == 3.0 and plan["exposures_per_fact"] == round(3 * per_fact, 1)
    assert plan["enough"] == (3 * per_fact >= 10)
    assert plan["minutes_for_needed"] == round(10 / per_fact * 1000 / 10 / 60, 1)
    assert "exposures_per_fact" not in plan_exposures(data.examples, 1000)  # no budget, no guess


def test_repetition_evens_out_exposures():
    from ragtune.finetune.data import exposure_counts

    plain = synthesize(_chunks(), DataOptions(text=False, statements=False, dev_holdout=0,
                                              abstain_share=0.0))  # fmt: skip
    even = synthesize(_chunks(), DataOptions(text=False, statements=False, dev_holdout=0,
                                             abstain_share=0.0, min_phrasings=3))  # fmt: skip
    assert min(exposure_counts(plain.examples).values()) < 3
    assert min(exposure_counts(even.examples).values()) == 3
    assert even.stats["repeated"] == len(even.examples) - len(plain.examples) > 0


def test_raft_oracles_are_the_sentences_that_answer():
    """A comparison needs one sentence about each option that states the compared relation;
    a chain needs the sentence stating the answer and the one linking it to the question.
    (Measured 2026-11: before this, comparison pairs cited any sentence naming the winner.)"""
    from ragtune.finetune.data import oracle_sentences, word_idf

    docs = _chunks([
        "Lake Baikal lies in Siberia. Lake Baikal is 1,642 metres deep.",
        "Lake Ladoga lies in Karelia. Lake Ladoga is 230 metres deep.",
        "The Analytical Engine was designed by Charles Babbage. Charles Babbage was born in London.",
    ])
    idf = word_idf(docs)
    got = oracle_sentences("Which lake is deeper, Lake Ladoga or Lake Baikal?", ["Lake Baikal"],
                           docs[:2], 2, ["Lake Ladoga", "Lake Baikal"], idf)
    assert got == ["Lake Ladoga is 230 metres deep.", "Lake Baikal is 1,642 metres deep."]
    got = oracle_sentences("Where was the designer of the Analytical Engine born?", ["London"],
                           docs, 2, (), idf)
    assert got == ["Charles Babbage was born in London.",
                   "The Analytical Engine was designed by Charles Babbage."]
    assert oracle_sentences("Who painted the ceiling?", ["Michelangelo"], docs, 2, (), idf) == []


def test_a_comparison_oracle_states_the_quantity():
    """"Which lake is older" names no word of the sentences that answer it; the sentence giving
    a number about each option is the one to cite, not one that merely names the option."""
    from ragtune.finetune.data import oracle_sentences

    docs = _chunks(["Lake Ladoga lies in Karelia. Lake Ladoga formed 12,000 years ago.",
                    "Lake Baikal lies in Siberia. Lake Baikal formed 25 million years ago."])
    got = oracle_sentences("Which lake is older, Lake Ladoga or Lake Baikal?", ["Lake Baikal"],
                           docs, 2, ["Lake Ladoga", "Lake Baikal"])
    assert got == ["Lake Ladoga formed 12,000 years ago.", "Lake Baikal formed 25 million years ago."]


def test_raft_abstains_only_where_the_corpus_has_no_answer():
    items = [QAItem("u1", "Who won the 2031 final?", [], "unanswerable")]
    data = synthesize(_chunks(), DataOptions(raft=True, closed_book=False, text=False,
                                             raft_no_oracle_share=0.3, seed=3), train_qa=items)
    raft = [e for e in data.examples if e.kind == "raft"]
    abstain = [e for e in raft if e.answer == ABSTAIN_TEXT]
    assert abstain and all(e.origin == "raft_abstain" and e.system == RAG_SYSTEM for e in abstain)
    assert "Who won the 2031 final?" in {e.question for e in abstain}
    assert all(e.user.endswith(f"Question: {e.question}") and e.user.startswith("Context:\n") and
               e.user.split("\n")[1].strip() for e in abstain)  # with sources shown
    # the old behaviour stays available
    old = synthesize(_chunks(), DataOptions(raft=True, closed_book=False, text=False,
                                            raft_no_oracle_share=0.3, seed=3,
                                            raft_no_oracle_target="abstain"))
    assert all(e.answer == ABSTAIN_TEXT for e in old.examples if e.origin == "raft_no_oracle")
    assert not any(e.origin == "raft_abstain" for e in old.examples)
