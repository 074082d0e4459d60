"""Drafted evaluation sets (issue 16) without models: drafting on a hand-written corpus with a
word-overlap search standing in for the index, review statuses, the leakage filter's source
sentences, and the review CLI's non-interactive flags and prompts.

The index-backed drafting, `compare --corpus` without --qa and the web review view run with the
real models in tests/test_qa_models.py.
"""

from __future__ import annotations

import io
import json

import pytest

from conftest import run_cli_in_process
from ragtune.drafting import DraftOptions, draft_items
from ragtune.drafting.compose import Units, answer_aliases, contains
from ragtune.drafting.draft import quotas
from ragtune.drafting.review import ReviewFile, apply_review, trusted_items
from ragtune.errors import InputError
from ragtune.eval.qa import QAItem, load_qa, parse_item
from ragtune.finetune.data import Example, lexical_search
from ragtune.finetune.leakage import filter_leakage
from ragtune.types import Chunk

# Ordinary English about software and places (not the synthetic world's wording).
DOCS = {
    "packages/httpx": ("httpx", "version: 0.27.0\nlicense: BSD-3-Clause\nreleased: 2024-02-21\n"
                       "maintainer: Tom Christie\nstars: 13,200\n\nhttpx is an HTTP client for Python."),
    "packages/requests": ("requests", "version: 2.32.3\nlicense: Apache-2.0\nreleased: 2024-05-29\n"
                          "maintainer: Nate Prewitt\nstars: 52,100\n\nrequests is the most downloaded "
                          "HTTP library for Python."),
    "packages/urllib3": ("urllib3", "version: 2.2.2\nlicense: MIT\nreleased: 2024-06-17\n"
                         "maintainer: Seth Larson\nstars: 3,700\n\nurllib3 provides connection pooling."),
    "packages/aiohttp": ("aiohttp", "version: 3.9.5\nreleased: 2024-04-16\nmaintainer: Sam Bull\n"
                         "stars: 15,000\n\naiohttp is an asynchronous HTTP framework."),
    "packages/starlette": ("starlette", "version: 0.37.2\nlicense: BSD-3-Clause\nreleased: 2024-03-05\n"
                           "maintainer: Marcelo Trylesinski\nstars: 9,800\n\nstarlette is a lightweight "
                           "ASGI framework."),
    "people/tom-christie": ("Tom Christie", "Tom Christie lives in Brighton. Tom Christie founded Encode "
                            "in 2018. He also wrote Django REST framework."),
    "people/seth-larson": ("Seth Larson", "Seth Larson lives in Minneapolis. Seth Larson joined the "
                           "Python Software Foundation in 2023."),
    "people/nate-prewitt": ("Nate Prewitt", "Nate Prewitt lives in Seattle. Nate Prewitt works at "
                            "Amazon Web Services."),
    "people/sam-bull": ("Sam Bull", "Sam Bull lives in Cambridge. Sam Bull maintains several asyncio "
                        "libraries."),
    "places/brighton": ("Brighton", "Brighton is a seaside city in England. Brighton has a population "
                        "of 277,000."),
    "history/lovelace": ("Ada Lovelace", "Ada Lovelace was born in London in 1815. Ada Lovelace worked "
                         "with Charles Babbage on the Analytical Engine."),
    "history/hubble": ("Hubble Space Telescope", "The Hubble Space Telescope was launched in 1990. "
                       "The telescope orbits about 540 kilometres above the Earth."),
    "history/webb": ("James Webb Space Telescope", "The James Webb Space Telescope was launched in 2021."),
    "people/grace-hopper": ("Grace Hopper", "Grace Hopper won the Ada Prize."),
    "people/frances-allen": ("Frances Allen", "Frances Allen won the Ada Prize in 1980."),
}  # fmt: skip


def chunks() -> list[Chunk]:
    return [Chunk(f"{d}::0", d, text, title=title) for d, (title, text) in DOCS.items()]


def word_search(cs: list[Chunk]):
    lexical = lexical_search(cs)
    return lambda queries, k: [[(c.doc_id, c.text) for c in row] for row in lexical(queries, k)]


@pytest.fixture(scope="module")
def drafted():
    cs = chunks()
    return draft_items(cs, word_search(cs), DraftOptions(n=40, seed=0))


def test_every_type_is_drafted_and_every_item_is_checked(drafted):
    items, stats = drafted
    assert {i["type"] for i in items} == {"single_hop", "reverse", "multi_hop", "comparison", "unanswerable"}
    assert len(items) == stats["n"] == 40
    assert len({i["id"] for i in items}) == len(items)
    assert len({" ".join(i["question"].lower().split()) for i in items}) == len(items)  # no duplicates
    texts = {d: t for d, (_, t) in DOCS.items()}
    for it in items:
        parse_item(it, set(DOCS))  # the arena's QA format, evidence ids from the corpus
        assert it["status"] == "draft"
        if it["type"] == "unanswerable":
            assert it["answers"] == [] and it["evidence"] == []
            continue
        answer = it["answers"][0]
        assert it["evidence"] and it["source"]
        if it["type"] == "comparison":
            assert answer in it["options"] and len(it["options"]) == 2
            assert all(contains(it["question"], o) for o in it["options"])
            assert len(it["hops"]) == 2
        else:
            assert contains(it["source" if it["type"] != "multi_hop" else "sources"][-1]
                            if it["type"] == "multi_hop" else it["source"], answer)
            assert not contains(it["question"], answer)
            assert contains(texts[it["evidence"][-1]], answer)  # the answer is in its evidence


def test_multi_hop_chains_two_documents_through_a_shared_name(drafted):
    items, _ = drafted
    chains = [i for i in items if i["type"] == "multi_hop"]
    assert chains
    for it in chains:
        first, second = it["hops"]
        assert len(set(it["evidence"])) == 2
        assert contains(second["question"], first["answer"])  # the second hop asks about the bridge
        assert not contains(it["question"], first["answer"])  # ... which the question describes


def test_comparisons_pick_the_right_option(drafted):
    items, _ = drafted
    for it in (i for i in items if i["type"] == "comparison"):
        a, b = it["hops"]
        if "first" in it["question"] or "earlier" in it["question"]:
            expected = a if a["answer"] <= b["answer"] else b  # ISO dates and years sort as text
            assert contains(expected["question"], it["answers"][0]), it


def test_unanswerable_questions_name_what_the_corpus_does_not_hold(drafted):
    items, _ = drafted
    corpus = " ".join(t for _, t in DOCS.values())
    un = [i for i in items if i["type"] == "unanswerable"]
    assert {i["origin"] for i in un} == {"fake_entity", "missing_field"}
    for it in un:
        if it["origin"] == "missing_field":
            assert it["question"] == "What is the license of aiohttp?"  # the one record without it
        else:  # the made-up name is in no document
            assert contains(it["question"], it["made_up_name"]) and not contains(corpus, it["made_up_name"])


def test_a_question_the_corpus_answers_twice_is_not_drafted():
    cs = chunks()
    from ragtune.corpus.questions import corpus_candidates

    found, _ = corpus_candidates(cs)
    units = Units(cs)
    units.set_names([c.answer for c in found] + [e for c in found for e in c.entities])
    asked = {c.question: c for c in found}
    assert units.ambiguous(asked["What won the Ada Prize?"])  # Grace Hopper, and Frances Allen
    assert not units.ambiguous(asked["What won the Ada Prize in 1980?"])
    assert not units.ambiguous(asked["What did Grace Hopper win?"])
    once = next(c for c in found if c.question == "When was the Hubble Space Telescope launched?")
    assert not units.ambiguous(once)


def test_deterministic_for_a_seed_and_quotas_add_up():
    cs = chunks()
    a, _ = draft_items(cs, word_search(cs), DraftOptions(n=25, seed=3))
    b, _ = draft_items(cs, word_search(cs), DraftOptions(n=25, seed=3))
    c, _ = draft_items(cs, word_search(cs), DraftOptions(n=25, seed=4))
    assert a == b and a != c
    assert sum(quotas(200, ("single_hop", "reverse", "multi_hop", "comparison", "unanswerable")).values()) == 200
    assert quotas(7, ("single_hop",)) == {"single_hop": 7}
    only, stats = draft_items(cs, word_search(cs), DraftOptions(n=10, types=("comparison",)))
    assert {i["type"] for i in only} == {"comparison"} and stats["by_type"] == {"comparison": len(only)}
    with pytest.raises(InputError, match="unknown question type"):
        draft_items(cs, word_search(cs), DraftOptions(types=("trivia",)))


def test_the_retrieval_check_drops_what_search_cannot_find():
    cs = chunks()
    nothing = lambda queries, k: [[] for _ in queries]  # noqa: E731 - a search that finds nothing
    items, stats = draft_items(cs, nothing, DraftOptions(n=20))
    assert all(i["type"] == "unanswerable" for i in items)
    assert stats["failed_checks"]["evidence not retrieved"] > 0
    assert answer_aliases("6,709", "number") == ["6,709", "6709"]


# ------------------------------------------------------------------ review


def _write(tmp_path, items) -> str:
    path = tmp_path / "qa.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items))
    return path


def test_review_accept_edit_drop_and_what_compare_uses(tmp_path, drafted):
    items, _ = drafted
    path = _write(tmp_path, items)
    ids = [i["id"] for i in items]
    apply_review(path, accept=[ids[0]], drop=[ids[1]],
                 edits={ids[2]: {"question": "Which city is it?", "answers": ["Brighton", "brighton"]}})
    f = ReviewFile.load(path)
    assert f.counts() == {"draft": len(items) - 3, "accepted": 1, "edited": 1, "dropped": 1}
    edited = f.get(ids[2])
    assert edited["question"] == "Which city is it?" and edited["answers"] == ["Brighton", "brighton"]
    assert edited["drafted"]["question"] == items[2]["question"]  # the draft is kept
    # the file stays a valid QA file; compare uses the reviewed items only
    loaded = load_qa(path)
    used, info = trusted_items(loaded)
    assert [q.id for q in used] == [ids[0], ids[2]]
    assert info == {"reviewed": 2, "skipped_drafts": len(items) - 3, "dropped": 1, "unreviewed": False,
                    "counts": f.counts()}
    # an edit to no answers makes an unanswerable item; an unknown id changes nothing
    apply_review(path, edits={ids[0]: {"answers": []}})
    assert ReviewFile.load(path).get(ids[0])["type"] == "unanswerable"
    before = path.read_text()
    with pytest.raises(InputError, match="no item"):
        apply_review(path, accept=["nope"])
    assert path.read_text() == before


def test_drafts_only_are_used_but_flagged_and_hand_written_files_are_trusted(tmp_path, drafted):
    items, _ = drafted
    used, info = trusted_items([QAItem.from_dict(i) for i in items])
    assert len(used) == len(items) and info["unreviewed"] is True
    plain = [QAItem("a", "Who?", ["x"])]
    assert trusted_items(plain) == (plain, None)


def test_review_cli_flags_and_prompts(tmp_path, drafted, capsys, monkeypatch):
    items, _ = drafted
    path = _write(tmp_path, items[:4])
    ids = [i["id"] for i in items[:4]]
    done = run_cli_in_process(["qa", "review", str(path), "--accept", ids[0], "--drop", ids[1],
                               "--edit", ids[2], "--answers", "X | Y"], capsys, monkeypatch)
    assert done.returncode == 0, done.stderr
    assert "1 accepted" in done.stdout and "1 edited" in done.stdout and "1 dropped" in done.stdout
    assert ReviewFile.load(path).get(ids[2])["answers"] == ["X", "Y"]
    bad = run_cli_in_process(["qa", "review", str(path), "--edit", ids[0]], capsys, monkeypatch)
    assert bad.returncode != 0 and "--edit needs" in bad.stderr and "Traceback" not in bad.stderr
    # the prompts, scripted: the one remaining draft is accepted
    monkeypatch.setenv("RAGTUNE_REVIEW_PIPE", "1")
    monkeypatch.setattr("sys.stdin", io.StringIO("a\n"))
    done = run_cli_in_process(["qa", "review", str(path)], capsys, monkeypatch)
    assert done.returncode == 0, done.stderr
    assert ReviewFile.load(path).get(ids[3])["status"] == "accepted"
    assert "1 items to review" in done.stdout


# ------------------------------------------------------------------ leakage


def test_training_questions_never_share_a_source_sentence_with_test_items():
    sentence = "Tom Christie lives in Brighton."
    examples = [
        Example("qa", "Brighton", user="Where does Tom Christie live?", question="Where does Tom Christie live?",
                sentence=sentence),
        Example("qa", "Tom Christie", user="Who lives in Brighton?", question="Who lives in Brighton?",
                sentence=sentence),
        Example("qa", "2018", user="When did Tom Christie found Encode?", question="When did Tom Christie found Encode?",
                sentence="Tom Christie founded Encode in 2018."),
        Example("text", "Tom Christie lives in Brighton. Tom Christie founded Encode in 2018."),
    ]  # fmt: skip
    kept, report = filter_leakage(examples, ["What city is home to the author of httpx?"], None,
                                  excluded_sources=["Tom Christie lives in Brighton"])
    assert [e.answer for e in kept] == ["2018", examples[3].answer]
    assert report.dropped_source == 2 and report.to_dict()["dropped_source"] == 2


# ------------------------------------------------------------------ rewriting (checks only)


class _Scripted:
    """A generator that answers each prompt with a scripted line (what the checks see)."""

    def __init__(self, lines):
        self.lines = lines
        self.prompts = []

    def generate(self, prompts, **kw):
        from types import SimpleNamespace

        self.prompts += prompts
        return [SimpleNamespace(text=self.lines(p)) for p in prompts]


def test_a_rewrite_is_kept_only_when_it_passes_the_checks():
    import random

    from ragtune.drafting.compose import Draft
    from ragtune.drafting.draft import rewrite
    from ragtune.corpus.questions import Candidate

    def draft(q, a, doc, src, ents):
        return Draft(q, [a], "single_hop", [Candidate(q, a, doc, src, "name", entities=ents)], "name",
                     kind="fronted")

    items = [
        draft("What does Tom Christie live in?", "Brighton", "people/tom-christie",
              "Tom Christie lives in Brighton.", ("Tom Christie",)),
        draft("When was Ada Lovelace born?", "1815", "history/lovelace",
              "Ada Lovelace was born in London in 1815.", ("Ada Lovelace",)),
        draft("What did Tom Christie write?", "Django REST framework", "people/tom-christie",
              "He also wrote Django REST framework.", ("Tom Christie",)),
        draft("What does Nate Prewitt live in?", "Seattle", "people/nate-prewitt",
              "Nate Prewitt lives in Seattle.", ("Nate Prewitt",)),
    ]
    replies = {
        "What does Tom Christie live in?": "Rewritten question: In which town does Tom Christie live?",
        "When was Ada Lovelace born?": "Ada Lovelace was born in 1815.",  # an answer, not a question
        "What did Tom Christie write?": "Which framework did he write?",  # the name is lost
        "What does Nate Prewitt live in?": "Does Nate Prewitt live in Seattle?",  # gives the answer away
    }
    gen = _Scripted(lambda p: replies[p])
    cs = chunks()
    stats = rewrite(items, gen, word_search(cs), 5, 1.0, random.Random(0), free=False)
    assert stats == {"rewrites_tried": 4, "rewrites_kept": 1}
    kept = items[0]
    assert kept.question == "In which town does Tom Christie live?"
    assert kept.rewritten_from == "What does Tom Christie live in?" and kept.kind == "fronted+paraphrase"
    assert [d.question for d in items[1:]] == [
        "When was Ada Lovelace born?", "What did Tom Christie write?", "What does Nate Prewitt live in?"]
    # written from the source (an HTTP model): the prompt shows the sentence and the answer
    free = _Scripted(lambda p: "Where has Nate Prewitt made his home?")
    stats = rewrite(items[3:], free, word_search(cs), 5, 1.0, random.Random(0), free=True)
    assert "Nate Prewitt lives in Seattle." in free.prompts[0] and '"Seattle"' in free.prompts[0]
    assert stats["rewrites_kept"] == 1 and items[3].kind == "fronted+written"
