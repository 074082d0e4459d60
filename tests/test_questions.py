"""The question-synthesis core (ragtune.corpus.questions): general English, records, checks.

No model is loaded. Texts here are ordinary English about real-world things and software, not
the synthetic world's phrasing; tests/test_synthesis_world.py checks the world's gold facts.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ragtune.corpus.english import Lexicon, split_sentences, split_units
from ragtune.corpus.questions import (
    Candidate,
    corpus_candidates,
    field_candidates,
    norm,
    problems,
    reads_as_question,
    record_candidates,
    sample,
    sentence_candidates,
)
from ragtune.types import Chunk

PROSE = [
    "Ada Lovelace was born in London. Ada Lovelace worked with Charles Babbage on the "
    "Analytical Engine. The Analytical Engine was designed by Charles Babbage in 1837.",
    "The Hubble Space Telescope was launched in 1990. The telescope orbits about 540 "
    "kilometres above the Earth.",
    "Lake Baikal lies in Siberia. Lake Baikal holds about 23,000 cubic kilometres of water.",
    "The main drawback of fine-tuning is catastrophic forgetting. Retrieval-Augmented "
    "Generation (RAG) combines a retriever with a generator.",
    "TideOS is the firmware on every Marrow Tide logger. It was first released in March 2019.",
    "pandas is a fast data analysis library for Python. httpx 0.27.0 requires Python 3.8 or "
    "later. The httpx package depends on anyio, certifi and idna.",
    "Jesse Bornstein, a notable figure in this field, emphasizes the value of retrieval.",
    "Every logger is soak-tested for 72 hours before it leaves Ostvane.",
]


def _chunks(texts, titles=None):
    titles = titles or [f"Doc {i}" for i in range(len(texts))]
    return [Chunk(f"doc{i}::0", f"doc{i}", t, title=titles[i]) for i, t in enumerate(texts)]


def _qa(texts, **kw) -> dict[str, str]:
    items, _ = corpus_candidates(_chunks(texts, **kw))
    return {c.question: c.answer for c in items}


def test_questions_about_names_years_numbers_and_definitions():
    qa = _qa(PROSE)
    assert qa["When was the Hubble Space Telescope launched?"] == "1990"
    assert qa["What was Ada Lovelace born in?"] == "London"
    assert qa["How many cubic kilometres of water does Lake Baikal hold?"] == "23,000"
    assert qa["Lake Baikal holds how many cubic kilometres of water?"] == "23,000"
    assert qa["How many kilometres does the telescope orbit above the Earth?"] == "540"
    assert qa["For how many hours is every logger soak-tested?"] == "72"
    # copular, definitional sentences
    assert qa["What is the main drawback of fine-tuning?"] == "catastrophic forgetting"
    assert qa["What is TideOS?"] == "firmware on every Marrow Tide logger"
    assert qa["What does RAG stand for?"] == "Retrieval-Augmented Generation"
    # an apposition
    assert qa["What is Jesse Bornstein?"] == "notable figure in this field"
    # a pronoun resolved to the previous sentence's subject
    assert qa["When was TideOS first released?"] == "March 2019"


def test_reverse_questions_where_the_answer_is_a_name():
    items, _ = corpus_candidates(_chunks(PROSE))
    reverse = {c.question: c.answer for c in items if c.direction == "reverse"}
    assert reverse["What is the firmware on every Marrow Tide logger?"] == "TideOS"
    assert reverse["What was born in London?"] == "Ada Lovelace"
    # "pandas is a fast ... library": one of many such libraries, so not asked in reverse
    assert "What is a fast data analysis library for Python?" not in reverse
    assert {c.direction for c in items} == {"forward", "reverse"}


def test_lower_case_and_code_names_versions_and_objects():
    qa = _qa(PROSE)
    assert qa["What is pandas?"] == "fast data analysis library for Python"
    assert qa["What is the version of httpx?"] == "0.27.0"
    assert qa["What does httpx 0.27.0 require?"] == "Python 3.8 or later"
    assert qa["What does the httpx package depend on?"] == "anyio, certifi and idna"
    # "requires Python 3.8" is a requirement, not the version of Python
    assert "What is the version of Python?" not in qa


def test_negative_statements_make_no_questions():
    qa = _qa(["The Fenwick Probe F12 does not support deep water. Ravel never ships on Fridays."])
    assert qa == {}


def test_key_value_fields_rows_and_front_matter():
    page = "version: 1.2.0\nlicence: MIT\nrequires: numpy, packaging\nreleased: 2024-05-06"
    qa = _qa([page], titles=["fastcsv"])
    assert qa["What is the version of fastcsv?"] == "1.2.0"
    assert qa["What is the licence of fastcsv?"] == "MIT"
    assert qa["What does fastcsv require?"] == "numpy, packaging"
    assert qa["When was fastcsv released?"] == "2024-05-06"
    assert "What has 1.2.0 as its version?" not in qa  # versions are shared by many things
    assert qa["What has MIT as its licence?"] == "fastcsv"
    table = "| name | weight_g | launch_year |\n|---|---|---|\n| Skerry Mast | 8400 | 2019 |"
    qa = _qa([table])
    assert qa["What is the weight of Skerry Mast in g?"] == "8400"
    assert qa["What is the launch year of Skerry Mast?"] == "2019"
    chunk = Chunk("p::0", "p", "A short page.", title="Marrow Tide 3",
                  metadata={"product_id": "P-101", "date": "2021-05-03", "tags": ["x"]})
    items, _ = corpus_candidates([chunk])
    by_q = {c.question: c for c in items}
    assert by_q["What is the product id of Marrow Tide 3?"].answer == "P-101"
    assert not any("date" in q for q in by_q)  # document metadata is not a fact about it
    assert not problems(by_q["What is the product id of Marrow Tide 3?"])


def test_field_questions_follow_the_grammar_of_the_key():
    def qs(key, value):
        return {c.question for c in field_candidates("Acme 3", key, value, "d")}

    assert "How many employees does Acme 3 have?" in qs("employees", "120")
    assert "When was Acme 3 launched?" in qs("launched", "2019")
    assert "What is Acme 3 made by?" in qs("made by", "Orla Works")
    assert "What does Acme 3 depend on?" in qs("depends on", "numpy")
    assert qs("notes", "none") == set()  # empty values say nothing


def test_ambiguous_questions_and_duplicates_are_dropped():
    items, stats = corpus_candidates(_chunks([
        "Ilse Marr was born in Brenton. Jorg Talle was born in Brenton.",
        "Ilse Marr was born in Brenton.",
    ]))
    assert stats["ambiguous_dropped"] >= 2  # "What was born in Brenton?" has two answers
    assert stats["duplicates_dropped"] >= 1
    assert "What was born in Brenton?" not in {c.question for c in items}


def test_labelled_sentences_titles_and_lists_are_not_fields():
    units = split_units("Q: What should I know? A: Gullvik lies in Kamonaria.\n"
                        "Enhancing Personalization: 3 Techniques for RAG in Recommendations")
    assert [u.kind for u in units][:2] == ["sentence", "sentence"]
    assert units[1].text == "Gullvik lies in Kamonaria."
    qa = _qa(["Enhancing Personalization: 3 Techniques for RAG in Recommendations"])
    assert not any("personalization" in q.lower() for q in qa)
    assert split_sentences("See e.g. the manual. pandas is a library.") == [
        "See e.g. the manual.", "pandas is a library."]


def test_garbled_questions_do_not_read_as_questions():
    assert reads_as_question("When was the Hubble Space Telescope launched?")
    assert reads_as_question("Fill in the blank: Ada Lovelace was born in ___.")
    assert reads_as_question("httpx 0.27.0 requires what?")
    assert not reads_as_question("Fill in the blank: Senra 27 | maker: ___")
    assert not reads_as_question("In which year, Vaeviburg hosted the Games?")
    assert not reads_as_question("What is the price:?")
    assert not reads_as_question("The lake is deep.")


def test_every_candidate_passes_the_checks():
    items, _ = corpus_candidates(_chunks(PROSE))
    assert items
    for c in items:
        assert problems(c) == [], (c, problems(c))


# ------------------------------------------------------------------ properties

NAMES = ["Ada Lovelace", "Lake Baikal", "Quillmere", "TideOS", "Marrow Tide 3", "Ostvane",
         "pandas", "httpx", "the Analytical Engine", "Kestrel Labs"]
VERBS = ["was founded in", "lies in", "uses", "requires", "was designed by", "is", "has",
         "depends on", "was released on", "employs", "holds about", "is the firmware of"]
VALUES = ["1990", "2011", "540 kilometres", "72 hours", "Python 3.8", "2024-05-06",
          "12 March 2024", "a fast library", "the main drawback", "London", "1.2.0", "23,000 people",
          "catastrophic forgetting", "numpy, scipy and pandas"]
sentence = st.builds(lambda s, v, o, tail: f"{s} {v} {o}{tail}.", st.sampled_from(NAMES),
                     st.sampled_from(VERBS), st.sampled_from(VALUES),
                     st.sampled_from(["", " in 2019", ", which is fast", " before it ships"]))
noise = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
document = st.lists(st.one_of(sentence, sentence, noise), min_size=1, max_size=6).map(" ".join)
field = st.builds(lambda k, v: f"{k}: {v}", st.sampled_from(
    ["version", "licence", "requires", "released", "employees", "made by", "Home page"]),
    st.sampled_from(VALUES + ["", "none", "https://x.org"]))
page = st.lists(st.one_of(document, field), min_size=1, max_size=5).map("\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(page, min_size=1, max_size=4))
def test_property_answers_occur_in_their_source_and_never_in_the_question(texts):
    items, _ = corpus_candidates(_chunks(texts))
    for c in items:
        assert norm(c.answer) and norm(c.answer) in norm(c.source), c
        assert not re.search(rf"(^| ){re.escape(norm(c.answer))}( |$)", norm(c.question)), c
        assert reads_as_question(c.question), c
        assert c.doc_id in {f"doc{i}" for i in range(len(texts))}
    keys = [(norm(c.question), norm(c.answer)) for c in items]
    assert len(keys) == len(set(keys))  # no duplicates
    by_question: dict[str, set[str]] = {}
    for q, a in keys:
        by_question.setdefault(q, set()).add(a)
    assert all(len(a) == 1 for a in by_question.values())  # one answer per question


@settings(max_examples=60, deadline=None)
@given(st.lists(page, min_size=1, max_size=3), st.integers(0, 3), st.integers(1, 30))
def test_property_deterministic_for_a_seed(texts, seed, n):
    first, _ = corpus_candidates(_chunks(texts))
    again, _ = corpus_candidates(_chunks(list(texts)))
    assert [c.to_dict() for c in first] == [c.to_dict() for c in again]
    assert [c.to_dict() for c in sample(first, n, seed)] == [c.to_dict() for c in sample(again, n, seed)]


@settings(max_examples=100, deadline=None)
@given(sentence, st.sampled_from(NAMES))
def test_property_sentence_candidates_hold_for_any_sentence(text, title):
    lex = Lexicon.from_texts([text], [title])
    found, _ = sentence_candidates(text, "d", lex)
    for c in found:
        assert isinstance(c, Candidate)
        if not problems(c):
            assert norm(c.answer) in norm(c.source)


def test_record_candidates_skip_the_subject_and_document_keys():
    items = record_candidates({"name": "Tobiah Rennick", "role": "Chief Executive Officer",
                               "office": "Ostvane", "date": "2024-01-01"}, "people#e1")
    qs = {c.question: c.answer for c in items}
    assert qs["What is the role of Tobiah Rennick?"] == "Chief Executive Officer"
    assert qs["What is the office of Tobiah Rennick?"] == "Ostvane"
    assert not any("name" in q.lower() or "date" in q.lower() for q in qs)


@pytest.mark.parametrize("text", ["", "   ", "?", "Why not?", "|||", "---\n---", "a: b: c"])
def test_degenerate_text_gives_nothing_or_valid_items(text):
    items, _ = corpus_candidates(_chunks([text]))
    assert all(not problems(c) for c in items)


def test_the_second_option_ends_before_the_clause_verb():
    """(2026-12-06, catalog30 dev, invented here) "Which of A and B C has more X?": the second
    option is the words before the verb, however many ("olive grey", not "olive")."""
    from ragtune.strategies.question import find_options
    assert find_options("Which of amber and olive grey has more blue in the list?") == ["amber", "olive grey"]
    assert find_options("Which of amber and olive grey dark is lighter?") == ["amber", "olive grey dark"]


def test_the_second_option_ends_at_its_verb_before_a_comma():
    """(2026-12-06, catalog30 r1 traces, invented here) "Which of A and B is darker, with ...?":
    B ends at its verb, not at the comma."""
    from ragtune.strategies.question import find_options
    assert find_options("Which of amber and slate7 is darker, with the lower luminance?") == ["amber", "slate7"]
    assert find_options("Which of amber and sea mist, both listed twice, is older?") == ["amber", "sea mist"]


def test_the_thing_behind_a_code_is_a_nested_description():
    """(2026-12-06, catalog31 dev, invented here) "the codec behind the alias q9" is resolved
    first (through the alias register); a plain "the idea behind the plan" is no description."""
    from ragtune.strategies.question import nested_description
    d = nested_description("When the format behind the alias zq_9 packs the letter A, which bytes come out?")
    assert d is not None and d.span == "the format behind the alias zq_9" and d.head == "format"
    assert d.replace("When the format behind the alias zq_9 packs the letter A, which bytes come out?",
                     "zq") == "When zq packs the letter A, which bytes come out?"
    assert nested_description("What is the idea behind the plan?") is None
    assert nested_description("Who was the man behind the curtain?") is None


def test_asked_kinds_after_a_preposition_are_no_options():
    """(2026-12-06, catalog31 r1, invented here) "For which language or script was X made?"
    asks a kind, as "Which team or person ...?" does; options after a comma still choose."""
    from ragtune.strategies.question import find_options
    assert find_options("For which language or script was the codec zz9 made?") == []
    assert find_options("In which year or season did the Tolby line close?") == []
    assert find_options("For which event was more raised, the fete or the quiz?") == ["fete", "quiz"]
