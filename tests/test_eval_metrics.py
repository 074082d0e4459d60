"""Answer checks, citations, retrieval recall and aggregation (ragtune.eval.metrics)."""

import pytest

from ragtune.eval.metrics import (
    aggregate,
    answer_tokens,
    exact_match,
    first_sentence,
    is_correct,
    normalize_answer,
    score_item,
    token_f1,
)
from ragtune.eval.qa import QAItem
from ragtune.types import Answer, Citation, Hit, Step


def item(answers, qtype="single_hop", question="Which company does Ilsa Varonne work for?",
         options=None, evidence=("people/ilsa-varonne",)):
    return QAItem("q1", question, list(answers), qtype, list(evidence), options)


@pytest.mark.parametrize(
    "raw, normalised",
    [
        ("The Cat!", "cat"),
        ("  A  quick, brown fox.  ", "quick brown fox"),
        ("an apple", "apple"),
        ("Theater of the Absurd", "theater of absurd"),  # "the" inside a word stays
        ("U.S.A.", "usa"),
        ("Quellmark-Systems", "quellmarksystems"),  # SQuAD deletes punctuation, no space
        ("", ""),
    ],
)
def test_squad_normalisation(raw, normalised):
    assert normalize_answer(raw) == normalised


def test_exact_match_uses_aliases_and_normalisation():
    assert exact_match("the Quellmark Systems.", ["Quellmark", "Quellmark Systems"]) == 1.0
    assert exact_match("Quellmark Systems Inc", "Quellmark Systems") == 0.0
    assert exact_match("", []) == 1.0  # no gold answer: only an empty prediction matches


def test_token_f1_hand_computed():
    # pred tokens: ilsa varonne works for quellmark (5); gold: quellmark systems (2); 1 shared
    # P = 1/5, R = 1/2, F1 = 2 * 0.2 * 0.5 / 0.7
    assert token_f1("Ilsa Varonne works for Quellmark", "Quellmark Systems") == pytest.approx(
        2 * 0.2 * 0.5 / 0.7
    )
    # pred: quellmark systems company (3), gold 2 shared: P = 2/3, R = 1, F1 = 0.8
    assert token_f1("the Quellmark Systems company", "Quellmark Systems") == pytest.approx(0.8)
    # maximum over aliases
    assert token_f1("Orvel", ["Port Orvel", "Orvel"]) == 1.0
    assert token_f1("nothing shared", "Orvel") == 0.0
    # duplicates count once per gold occurrence: pred "a a b" vs gold "a b" -> P 2/3, R 1
    assert token_f1("x x y", "x y") == pytest.approx(0.8)


def test_first_sentence():
    assert first_sentence("Ilsa Varonne. She works for Quellmark.") == "Ilsa Varonne."
    assert first_sentence("Dr. Varonne founded it. Later more.") == "Dr. Varonne founded it."
    assert first_sentence("It costs 3.5 dollars. Cheap.") == "It costs 3.5 dollars."
    assert first_sentence("\n\nOrvel\nsecond line") == "Orvel"
    long = " ".join(f"w{i}" for i in range(50))
    assert first_sentence(long) == " ".join(f"w{i}" for i in range(30))
    assert first_sentence(long, max_tokens=5) == "w0 w1 w2 w3 w4"


def test_answer_tokens_normalise_dates_and_numbers():
    assert answer_tokens("March 5, 2021") == answer_tokens("2021-03-05")
    assert answer_tokens("5th of March 2021") == answer_tokens("2021-03-05")
    assert answer_tokens("1,200 people") == ["1200", "people"]
    assert answer_tokens("twelve") == ["12"]
    # a number in several words is one number; a run that writes no one number stays words apart
    assert answer_tokens("forty-six members") == ["46", "members"]
    assert answer_tokens("Five hundred and forty-one") == ["541"]
    assert answer_tokens("two thousand and five") == ["2005"]
    assert answer_tokens("one two three") == ["1", "2", "3"] and answer_tokens("twenty twenty") == ["20", "20"]
    assert is_correct(item(["forty-two"]), "They found 42 species.", False)
    assert answer_tokens("12.50") == ["12.50"]  # digit for digit: "3.10" is not "3.1"
    assert answer_tokens("3.0") == ["3"] and answer_tokens("1.2.0") == ["1.2"]
    assert answer_tokens("Varonné") == ["varonne"]


def test_accuracy_whole_token_span():
    it = item(["Quellmark Systems"])
    assert is_correct(it, "Ilsa Varonne works for Quellmark Systems.", False)
    assert is_correct(it, "quellmark systems", False)
    assert not is_correct(it, "Quellmark Dynamics.", False)  # look-alike
    assert not is_correct(it, "Quellmark", False)  # only part of the name
    assert not is_correct(it, "QuellmarkSystems", False)
    # judged on the first sentence only
    assert not is_correct(it, "I am not sure. Maybe Quellmark Systems.", False)


def test_accuracy_dates_and_years():
    it = item(["2021-03-05"], question="When was the Zentra 7 launched?")
    assert is_correct(it, "It was launched on March 5, 2021.", False)
    assert not is_correct(it, "It was launched in March 2021.", False)
    year = item(["1998"], question="In which year was Quellmark Systems founded?")
    assert is_correct(year, "Quellmark Systems was founded on 4 May 1998.", False)
    assert not is_correct(year, "1999", False)
    number = item(["1200"], question="How many employees does Quellmark Systems have?")
    assert is_correct(number, "About 1,200 people.", False)
    assert not is_correct(number, "12000", False)


def test_restating_the_question_is_wrong():
    # an answer word that also appears in the question cannot be earned by echoing it
    it = item(["Orvel"], question="Is Quellmark Systems based in Orvel or in Brask?",
              options=["Orvel", "Brask"], qtype="comparison")
    restated = "Is Quellmark Systems based in Orvel or in Brask?"
    assert not is_correct(it, restated, False)
    assert not is_correct(it, "Quellmark Systems is based in Orvel or in Brask", False)
    assert is_correct(it, "Quellmark Systems is based in Orvel.", False)
    plain = item(["Ilsa Varonne"], question="Who founded Quellmark Systems?")
    assert not is_correct(plain, "Who founded Quellmark Systems?", False)
    assert token_f1("Who founded Quellmark Systems?", "Ilsa Varonne") == 0.0
    # a gold name inside the question (user data) is not earned by restating it
    inside = item(["Orvel"], question="Which city hosts the Orvel Harbour Festival, Orvel?")
    assert not is_correct(inside, "Which city hosts the Orvel Harbour Festival, Orvel?", False)


def test_options_rule_first_named_option_decides():
    q = "Which company was founded earlier, Quellmark Systems or Quellmark Dynamics?"
    it = item(["Quellmark Dynamics"], "comparison", q, ["Quellmark Systems", "Quellmark Dynamics"])
    assert is_correct(it, "Quellmark Dynamics.", False)
    assert is_correct(it, "Quellmark Dynamics was founded before Quellmark Systems.", False)
    assert not is_correct(it, "Quellmark Systems was founded after Quellmark Dynamics.", False)
    assert not is_correct(it, "Quellmark Systems or Quellmark Dynamics", False)  # a hedge
    assert not is_correct(it, q, False)
    assert not is_correct(it, "Neither.", False)
    # an option that contains another: the longer name at the same place wins
    it2 = item(["Brask"], "comparison", "Which is larger, Brask or Brask Harbour?",
               ["Brask", "Brask Harbour"])
    assert not is_correct(it2, "Brask Harbour is larger.", False)
    assert is_correct(it2, "Brask is larger.", False)


def test_abstention_rule():
    unanswerable = item([], "unanswerable", "Who founded Quellmark Dynamics?", evidence=())
    assert is_correct(unanswerable, "", True)
    assert not is_correct(unanswerable, "Ilsa Varonne", False)
    answerable = item(["Quellmark Systems"])
    assert not is_correct(answerable, "Quellmark Systems", True)  # abstained: wrong


def _hit(doc, chunk, score=1.0):
    return Hit(doc_id=doc, chunk_id=chunk, score=score)


def test_score_item_citations_and_recall():
    it = item(["Quellmark Systems"], evidence=("people/ilsa-varonne", "companies/quellmark"))
    hits = [_hit(f"other/{i}", f"other/{i}::0") for i in range(5)]
    hits.insert(1, _hit("people/ilsa-varonne", "people/ilsa-varonne::0"))  # rank 2
    hits.append(_hit("companies/quellmark", "companies/quellmark::0"))  # rank 7: beyond @5
    ans = Answer(
        text="Ilsa Varonne works for Quellmark Systems. More text.",
        citations=[
            Citation("people/ilsa-varonne", "people/ilsa-varonne::0"),
            Citation("companies/quellmark", "companies/quellmark::9"),  # chunk not retrieved
            Citation("other/0", "other/0::0"),
        ],
        retrieved=hits,
    )
    s = score_item(it, ans)
    assert s.correct and s.em == 0.0 and 0 < s.f1 < 1
    assert s.judged == "Ilsa Varonne works for Quellmark Systems."
    assert s.citation_precision == pytest.approx(1 / 3)
    assert s.citation_recall == pytest.approx(1 / 2)
    assert s.recall_at_5 == pytest.approx(1 / 2)


def test_score_item_not_applicable_is_none():
    closed_book = Answer(text="Quellmark Systems")
    s = score_item(item(["Quellmark Systems"]), closed_book)
    assert s.correct and s.em == 1.0 and s.f1 == 1.0
    assert s.recall_at_5 is None and s.citation_precision is None and s.citation_recall == 0.0
    # a strategy that tried to retrieve and found nothing scores 0, not None
    tried = Answer(text="x", trace=[Step(kind="retrieve")])
    assert score_item(item(["Quellmark Systems"]), tried).recall_at_5 == 0.0
    s = score_item(item([], "unanswerable", evidence=()), Answer(text="", abstained=True))
    assert s.correct and s.em is None and s.f1 is None and s.citation_recall is None


def test_aggregate_overall_and_by_type():
    items = [
        item(["A b"], "single_hop"),
        item(["C d"], "single_hop"),
        item([], "unanswerable", evidence=()),
        item([], "unanswerable", evidence=()),
    ]
    answers = [
        Answer(text="A b"),
        Answer(text="", abstained=True),
        Answer(text="", abstained=True),
        Answer(text="C d"),
    ]
    agg = aggregate([score_item(i, a) for i, a in zip(items, answers)], n_boot=500)
    o = agg["overall"]
    assert o["n"] == 4 and o["n_correct"] == 2 and o["accuracy"] == 0.5
    lo, hi = o["accuracy_ci"]
    assert 0.0 <= lo < 0.5 < hi <= 1.0
    assert o["abstention_rate"] == 0.5
    assert o["abstention_precision"] == 0.5  # 2 abstentions, 1 on an unanswerable question
    assert o["abstention_recall"] == 0.5
    assert o["em"] == 0.5  # over the two answerable items
    assert set(agg["by_type"]) == {"single_hop", "unanswerable"}
    assert agg["by_type"]["single_hop"]["accuracy"] == 0.5
    assert aggregate([]) == {"overall": None, "by_type": {}}


def test_options_hedge_naming_both_as_in_the_question_is_wrong():
    q = "Of Vefon Systems and Shurbu Dynamics, which company came into existence first?"
    it = item(["Vefon Systems"], "comparison", q, ["Vefon Systems", "Shurbu Dynamics"])
    hedge = "The company that came first is Vefon Systems and Shurbu Dynamics."
    assert not is_correct(it, hedge, False)
    assert not is_correct(it, "Vefon Systems and Shurbu Dynamics are both old.", False)
    assert is_correct(it, "Vefon Systems came first, before Shurbu Dynamics.", False)
    assert is_correct(it, "The company that came first is Vefon Systems.", False)
