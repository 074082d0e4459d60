"""Scoring that cannot be gamed (issue #14): listing answers, near-miss versions, preambles,
abstention phrasings, each with its expected verdict; property tests for padding and case."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ragtune.eval.metrics import (
    first_sentence,
    is_abstention,
    is_correct,
    judged_text,
    score_item,
)
from ragtune.eval.qa import QAItem
from ragtune.types import Answer


def item(answers, question="In which year was Quellmark Systems founded?", options=None,
         qtype="single_hop"):  # fmt: skip
    return QAItem("q", question, list(answers), qtype if answers else "unanswerable",
                  ["doc"] if answers else [], options)  # fmt: skip


YEAR = item(["1987"])
PERSON = item(["Ilsa Varonne"], "Who founded Quellmark Systems?")
PACKAGE = item(["pydantic"], "Which package under the MIT licence requires annotated-types?")
VERSION = item(["1.2.0"], "What version of orvel-http is pinned?")
DURATION = item(["14 months", "14"], "How long does the battery last?")


@pytest.mark.parametrize(
    "it, prediction, verdict",
    [
        # listing the gold among candidates of its kind is a hedge
        (YEAR, "1985, 1986, 1987, 1988 or 1989", False),
        (YEAR, "It was founded in 1986 or 1987.", False),
        (YEAR, "1987 or 1988", False),
        (YEAR, "Between 1985 and 1987.", False),
        (YEAR, "It was founded in 1987.", True),
        (YEAR, "In 1987, 12 years after the crash.", True),  # a count is not a year
        (YEAR, "In 1987, two years after it was planned.", True),
        (PERSON, "Ilsa Varonne, Tobiah Rennick, Selka Marrow, Oona Brisk and Pim Vasquell.", False),
        (PERSON, "Tobiah Rennick and Ilsa Varonne.", False),
        (PERSON, "Ilsa Varonne or Tobiah Rennick", False),
        (PERSON, "Ilsa Varonne, Tobiah Rennick and Selka Marrow founded it.", False),
        (PERSON, "Ilsa Varonne founded it.", True),
        (PERSON, "Ilsa Varonne and her brother founded it.", True),
        (PERSON, "Ilsa Varonne, an engineer from Orvel.", True),
        (PERSON, "Ilsa Varonne, Orvel's best-known engineer.", True),  # apposition, no list
        (PACKAGE, "pydantic", True),
        (PACKAGE, "pydantic and its core library.", True),
        (PACKAGE, "pydantic, which requires annotated-types.", True),
        (PACKAGE, "fastapi, pydantic and starlette", False),
        (PACKAGE, "pydantic or fastapi", False),
        (DURATION, "About 14 months.", True),
        (DURATION, "12, 14 or 22 months.", False),
        (DURATION, "14 months or 22 months", False),
        (DURATION, "14 months, at a 15-minute interval.", True),
        (DURATION, "It lasts 14 months instead of 8.", True),
        # versions compare exactly; trailing zero segments pad
        (VERSION, "1.2.0", True),
        (VERSION, "Version 1.2.0 is pinned.", True),
        (VERSION, "v1.2.0", True),
        (VERSION, "1.2", True),
        (VERSION, "1.20.0", False),
        (VERSION, "1.2.1", False),
        (VERSION, "1.2.0rc1", False),
        (VERSION, "12.0", False),
        (VERSION, "1.2.0 or 1.3.0", False),
        (item(["1.20.0"], "What version?"), "1.2.0", False),
        (item(["3.10"], "Which Python?"), "Python 3.1", False),
        (item(["3.10"], "Which Python?"), ">=3.10", True),
        (item(["2026.10.19.post1"], "Which certifi?"), "2026.10.19", False),
        (item(["2026.10.19.post1"], "Which certifi?"), "certifi 2026.10.19.post1", True),
        # a unit written out is its symbol, in either spelling
        (item(["610 m"], "How high is the station?"), "It is 610 meters above sea level.", True),
        (item(["610 m"], "How high is the station?"), "610 metres", True),
        (item(["610 m"], "How high is the station?"), "610 miles", False),
        (item(["610 m"], "How high is the station?"), "61 m", False),
        (item(["12 kilograms"], "How much seed?"), "12 kg", True),
        # a preamble does not hide the answer
        (YEAR, "Sure!\n1987", True),
        (YEAR, "Sure! It was founded in 1987.", True),
        (YEAR, "Here is the answer:\n1987", True),
        (YEAR, "Based on the context:\nThe company was founded in 1987.", True),
        (YEAR, "Certainly.\n\nQuellmark Systems was founded in 1987. It grew fast.", True),
        (YEAR, "Based on the context, it was founded in 1987.", True),
        (YEAR, "Sure!\n1986", False),
        (YEAR, "It was founded in 1986. Sorry, 1987.", False),  # only the first sentence counts
        (YEAR, "Possible years:\n- 1986\n- 1987\n- 1988", False),  # a bulleted list is a list
        (YEAR, "Answer:\n- 1987", True),
        (PERSON, "The founders are:\n1. Ilsa Varonne\n2. Tobiah Rennick", False),
        # abstentions are abstentions, and "does not mention X, but Y" is an answer
        (YEAR, "The context does not mention the founding year, but it was 1987.", True),
        (YEAR, "The documents don't say. However, it was founded in 1987.", True),
        (YEAR, "I couldn't find it, but maybe 1987.", True),
        (YEAR, "I don't know. It might be 1987.", False),
        (YEAR, "I am not sure. Maybe 1987.", False),
    ],
)
def test_verdicts(it, prediction, verdict):
    assert is_correct(it, prediction, False) is verdict


ABSTENTIONS = [
    "I don't know.",
    "I do not know",
    "I couldn't find that in the documents.",
    "I could not find any information about it.",
    "There is no mention of a mileage rate.",
    "No mention of the founding year.",
    "The founding year is not mentioned.",
    "This is not stated in the context.",
    "The context does not say.",
    "The context doesn't contain that information.",
    "The documents do not mention it.",
    "The passages don't provide a date.",
    "It is not specified.",
    "I'm not sure.",
    "I cannot answer this from the context.",
    "Unable to determine from the provided text.",
    "There is not enough information to answer.",
    "Unknown.",
    "N/A",
    "",
    "Sure!\nI don't know.",
    "Based on the context:\nThe text does not say who founded it.",
    "The text does not say. It is still a mystery to me.",
    "I don't know, but I could not find it either.",
]
ANSWERS = [
    "The context does not mention the cost, but the price is EUR 400.",
    "The document doesn't say when, but it lists 1987 as the year.",
    "It does not mention the cost; however, the fee is EUR 190.",
    "14 months. The warranty is not mentioned.",
    "It is not available in blue.",
    "The Gullwire Relay does not have a battery.",
    "The F21 does not include wiper blades.",
    "An unknown number of units were sold in 1987.",
    "None of them: the Marrow Tide 3S.",
    "Although the context does not mention it directly, the battery lasts 14 months.",
]


@pytest.mark.parametrize("text", ABSTENTIONS)
def test_abstention_phrasings(text):
    assert is_abstention(text)
    unanswerable = item([])
    assert is_correct(unanswerable, text, False)  # the text abstains: right for no answer
    assert not is_correct(YEAR, text, False)


@pytest.mark.parametrize("text", ANSWERS)
def test_not_abstentions(text):
    assert not is_abstention(text)
    assert not is_correct(item([]), text, False)


def test_judged_text_and_score_item():
    assert judged_text("The context does not mention the cost, but the price is EUR 400.") == (
        "the price is EUR 400."
    )
    assert first_sentence("Sure!\nThe battery lasts 14 months. More.") == "The battery lasts 14 months."
    s = score_item(DURATION, Answer(text="Sure!\nThe battery lasts 14 months."))
    assert s.correct and s.judged == "The battery lasts 14 months." and not s.abstained
    s = score_item(item([]), Answer(text="I couldn't find it in the documents."))
    assert s.correct and s.abstained  # detected from the text, the strategy's flag aside
    s = score_item(DURATION, Answer(text="14 months", abstained=True))
    assert not s.correct and s.abstained  # the strategy's flag is kept


def test_comparison_options_listing_is_a_hedge():
    q = "Which is heavier, the Marrow Tide 3 or the Marrow Tide 2?"
    it = item(["Marrow Tide 2"], q, ["Marrow Tide 3", "Marrow Tide 2"], "comparison")
    assert is_correct(it, "The Marrow Tide 2 is heavier.", False)
    assert is_correct(it, "Marrow Tide 2, at 720 g.", False)
    assert is_correct(it, "The Marrow Tide 2 is heavier than the Marrow Tide 3.", False)
    assert not is_correct(it, "Marrow Tide 2 and Marrow Tide 3", False)
    assert not is_correct(it, "Marrow Tide 2 or Marrow Tide 3.", False)
    assert not is_correct(it, "Marrow Tide 3 is heavier than the Marrow Tide 2.", False)


def test_naming_both_options_is_a_hedge_when_a_name_holds_punctuation():
    """"semver and @npmcli/fs" names both options: the "/" inside a scoped package name is part
    of the name, not a list separator (found building catalog3, 2026-12-02: such a hedge scored
    correct)."""
    q = "Which one depends on lru-cache, semver or @npmcli/fs?"
    for gold in ("semver", "@npmcli/fs"):
        it = item([gold], q, ["semver", "@npmcli/fs"], "comparison")
        assert is_correct(it, f"{gold}.", False)
        assert is_correct(it, f"It is {gold}, which depends on lru-cache.", False)
        for hedge in ("semver and @npmcli/fs", "@npmcli/fs and semver", "semver, @npmcli/fs",
                      "@npmcli/fs, semver", "@npmcli/fs / semver"):
            assert not is_correct(it, hedge, False), (gold, hedge)


def test_an_option_named_by_the_part_that_tells_the_options_apart():
    """"F21" names "Kestrel Probe F21" when both options share "Kestrel Probe"; naming both
    parts is still a hedge, and a bare-number part never counts (any number would name it)."""
    q = "Which probe is rated for deeper water, the F12 or the F21?"
    it = item(["Kestrel Probe F21"], q, ["Kestrel Probe F12", "Kestrel Probe F21"], "comparison")
    assert is_correct(it, "The F21.", False)
    assert not is_correct(it, "The F12.", False)
    assert not is_correct(it, "F12 or F21.", False)
    it = item(["Kestrel 2"], "Which is heavier, the Kestrel 3 or the Kestrel 2?", ["Kestrel 3", "Kestrel 2"], "comparison")
    assert not is_correct(it, "It weighs 2 kg.", False)


def test_a_currency_symbol_is_its_code():
    """"£90" is "GBP 90" (the model writes the symbol where the text writes the code), and
    another amount or another currency is still wrong."""
    item = QAItem(id="q", question="How much is the course?", answers=["GBP 90"])
    assert is_correct(item, "The course costs £90.", False)
    assert is_correct(item, "It is £ 90", False)
    assert not is_correct(item, "The course costs £91.", False)
    assert not is_correct(item, "The course costs €90.", False)
    assert is_correct(QAItem(id="r", question="Price?", answers=["€400"]), "EUR 400", False)
    assert is_correct(QAItem(id="s", question="Price?", answers=["USD 12"]), "US$12", False)
    # and a currency's name after the amount ("11,400 pounds", "3.50 euros")
    assert is_correct(QAItem(id="t", question="Rent?", answers=["GBP 11,400"]), "A rent of 11,400 pounds.", False)
    assert is_correct(QAItem(id="u", question="Fee?", answers=["EUR 3.50"]), "3.50 euros", False)
    assert is_correct(QAItem(id="w", question="Fee?", answers=["ten pounds"]), "The answer is: 10 pounds.", False)
    assert not is_correct(QAItem(id="v", question="Rent?", answers=["GBP 11,400"]), "11,400 euros", False)


def test_a_gold_that_is_itself_a_list_or_an_address_is_one_answer():
    """A gold list accepted whole and by its items, or a web address accepted with its host:
    the whole gold is one answer, not a hedge over its own items (found writing test3,
    2026-12-01: such answers scored 0). A lone item inside a list still is a hedge."""
    kit = item(["red wax, blue tape and green string", "red wax, blue tape, and green string",
                "blue tape", "green string"], "What else does the repair kit hold?")
    assert is_correct(kit, "The kit holds red wax, blue tape and green string.", False)
    assert is_correct(kit, "It holds blue tape.", False)
    assert not is_correct(item(["blue tape"], "What else does the repair kit hold?"),
                          "red wax, blue tape or green string", False)
    tracker = item(["Tracker", "tracker.example.org", "https://tracker.example.org/proj/"],
                   "Where are bugs reported?")
    assert is_correct(tracker, "Bugs go to https://tracker.example.org/proj/.", False)
    assert is_correct(tracker, "On tracker.example.org.", False)

# ---------------------------------------------------------------- properties

_NAMES = ["Ilsa Varonne", "Tobiah Rennick", "Selka Marrow", "Oona Brisk", "Pim Vasquell",
          "Maren Osgard", "Ludo Ferrant", "Dagny Holt"]  # fmt: skip
_JOIN = st.sampled_from([", ", " or ", " and ", " / ", "; ", ", or ", ", and "])


@st.composite
def padded(draw, pool):
    gold = draw(st.sampled_from(pool))
    others = draw(st.lists(st.sampled_from([p for p in pool if p != gold]), min_size=1,
                           max_size=4, unique=True))  # fmt: skip
    items = others + [gold]
    order = draw(st.permutations(items))
    seps = [draw(_JOIN) for _ in range(len(order) - 1)]
    if len(order) == 2 and seps[0] in (", ", "; "):
        seps[0] = " or "  # two items and a bare comma read as apposition, not a list
    text = order[0] + "".join(s + o for s, o in zip(seps, order[1:]))
    prefix = draw(st.sampled_from(["", "It was ", "Answer: ", "Sure!\n", "The answer is "]))
    return gold, prefix + text + draw(st.sampled_from(["", ".", "!"]))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(padded([str(y) for y in range(1950, 2030)]))
def test_a_year_padded_with_other_years_is_never_correct(case):
    gold, text = case
    assert not is_correct(item([gold]), text, False), text


@settings(max_examples=200, deadline=None)
@given(padded(_NAMES))
def test_a_name_padded_with_other_names_is_never_correct(case):
    gold, text = case
    assert not is_correct(item([gold], "Who founded Quellmark Systems?"), text, False), text


@settings(max_examples=200, deadline=None)
@given(padded(["1.2.0", "1.20.0", "1.2.1", "2.0.1", "0.9.3", "3.10.2", "1.3.0"]))
def test_a_version_padded_with_other_versions_is_never_correct(case):
    gold, text = case
    assert not is_correct(item([gold], "What version is pinned?"), text, False), text


@settings(max_examples=200, deadline=None)
@given(padded([f"{n} months" for n in range(2, 40)]))
def test_a_duration_padded_with_other_durations_is_never_correct(case):
    gold, text = case
    assert not is_correct(item([gold], "How long does it last?"), text, False), text


@settings(max_examples=200, deadline=None)
@given(padded(["zlib1g", "libyaml-0-2", "libexpat1", "libssl3", "python3.11", "e2fsprogs", "lib32gcc-s1"]))
def test_a_package_name_with_digits_padded_with_others_is_never_correct(case):
    """(catalog10's maker found these scored as numbers: "libyaml-0-2 or libexpat1" passed)"""
    gold, text = case
    assert not is_correct(item([gold], "Which package ships the shared library?"), text, False), text


def test_a_package_name_with_digits_alone_or_with_a_bound_is_correct():
    q = "Which package ships the shared library?"
    for text in ("It is libssl3.", "libssl3 and its headers.", "libssl3, which needs nothing else.",
                 "libssl3 or later", "The package is libssl3 (version 3.0.11)."):
        assert is_correct(item(["libssl3"], q), text, False), text


_CASES = [
    (item(["Ilsa Varonne"], "Who founded Quellmark Systems?"), "Quellmark Systems was founded by Ilsa Varonne."),
    (item(["1987"]), "It was founded in 1987."),
    (item(["1.2.0"], "What version is pinned?"), "Version 1.2.0 is pinned."),
    (item(["EUR 400", "400"], "How much is the stipend?"), "The stipend is EUR 400."),
    (item(["pydantic"], "Which package requires annotated-types?"), "pydantic requires it."),
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_CASES),
    st.lists(st.sampled_from([" ", "  ", "\t", " \n"]), min_size=1, max_size=30),
    st.lists(st.booleans(), min_size=60, max_size=60),
    st.sampled_from(["", " ", "\n", "\n\n", "  \t"]),
)
def test_correct_answer_survives_whitespace_and_case(case, spaces, flips, edge):
    it, text = case
    words = text.split(" ")
    out = words[0]
    for k, w in enumerate(words[1:]):
        out += spaces[k % len(spaces)].replace("\n", " ") + w
    out = "".join(c.swapcase() if flips[i % len(flips)] and c in string.ascii_letters else c
                  for i, c in enumerate(out))  # fmt: skip
    assert is_correct(it, edge + out + edge, False), repr(out)


def test_a_gold_name_glued_to_more_of_a_name_is_another_thing():
    """"Marrow-3S" style names: a capital glued to the gold's last token makes a longer name
    (found writing test4, 2026-12-01: "Kite 3S" scored right for "Kite 3"). A word after a
    space does not: "MIT License" answers "MIT"; a unit glued in lower case is no name."""
    kite = item(["Kite 3"], "Which model is rated for the deepest water?")
    assert not is_correct(kite, "The Kite 3S.", False)
    assert is_correct(kite, "The Kite 3.", False)
    assert is_correct(kite, "The Kite 3 is.", False)
    assert is_correct(item(["MIT"], "What licence does it use?"), "MIT License", False)
    assert is_correct(item(["5"], "How many kilograms?"), "5kg", False)


@given(st.lists(st.sampled_from(["read", "write", "acquire", "lock", "rw", "x", "get"]), min_size=1, max_size=3),
       st.sampled_from(["read", "rw", "try", "async"]), st.booleans())
def test_a_gold_identifier_inside_a_longer_identifier_is_another_thing(parts, extra, before):
    """An underscore glues a name to more of a name (found writing prose test11, 2026-12-01:
    "acquire_x_lock" scored right for "x_lock"); the identifier itself, or the gold in a code
    span or beside a dot, still answers."""
    gold = "_".join(parts)
    it = item([gold], "Which method takes the lock?")
    longer = f"{extra}_{gold}" if before else f"{gold}_{extra}"
    assert not is_correct(it, f"Call {longer}() first.", False)
    assert is_correct(it, f"Call {gold}() first.", False)
    assert is_correct(it, f"Call `{gold}` on obj.{gold}.", False)


def test_underscore_emphasis_is_no_identifier():
    """Review of the identifier rule (2026-12-01): markdown emphasis before a comma still
    answers."""
    it = item(["fooparse"], "Which parser is it?")
    assert is_correct(it, "It is _fooparse_, a parser.", False)
    assert is_correct(it, "It is __fooparse__, a parser.", False)


@given(st.sampled_from(["UTC", "GMT", "offset", ""]), st.integers(0, 14), st.sampled_from(["00", "30", "45"]),
       st.sampled_from(["+", "-"]), st.sampled_from(["", " ", "It is "]))
def test_a_number_with_the_opposite_sign_is_another_value(prefix, hours, minutes, sign, lead):
    """A sign is part of the value (catalog12's README, 2026-12-03: "UTC+03:00" scored right
    for "UTC-03:00"); the same sign, or none written, still answers."""
    value = f"{hours:02d}:{minutes}"
    gold = f"{prefix}{sign}{value}"
    it = item([gold], "What is the standard offset of the zone?")
    other = "-" if sign == "+" else "+"
    assert not is_correct(it, f"{lead}{prefix}{other}{value}", False)
    assert is_correct(it, f"{lead}{gold}", False)
    assert is_correct(it, f"{lead}{prefix}\u2212{value}" if sign == "-" else f"{lead}{gold}.", False)


def test_a_range_or_a_code_is_no_sign():
    """A hyphen in a code is no minus, and an unsigned gold constrains nothing; a written
    minus before a temperature is its sign."""
    assert is_correct(item(["VH-05"], "Which vehicle?"), "VH-05", False)
    assert is_correct(item(["-5 °C"], "How cold?"), "-5 °C", False)
    assert not is_correct(item(["-5 °C"], "How cold?"), "+5 °C", False)


@given(st.permutations(["SHIFT_JIS", "IBM861", "IBM273", "IBM864"]), st.sampled_from([", ", " and ", " or "]))
def test_echoing_every_option_is_a_hedge_whichever_comes_last(order, last_join):
    """Naming every option is no choice, though the first ones copy the question (found building
    catalog13, 2026-12-03: "A, B, C and D" scored right for D in "Of A, B, C, D, which …?"
    because the copied run was masked as an echo)."""
    options = ["SHIFT_JIS", "IBM861", "IBM273", "IBM864"]
    question = f"Of {', '.join(options)}, which one declares an mb_cur_max?"
    it = item([order[-1]], question, options=options, qtype="filter")
    assert not is_correct(it, ", ".join(order[:-1]) + last_join + order[-1], False)
    assert is_correct(it, f"{order[-1]} declares one.", False)


def test_a_reason_followed_by_more_reasons_is_an_answer():
    """A gold clause of five words or more is no candidate an answer lists to hedge (prose15's
    dev split, 2026-12-03: the gold reason, then ", and the old rules ...", scored as a list)."""
    it = item(["because of frost heave", "wet stone cracks and can fall without any warning"],
              "Why were the walling rules rewritten?", qtype="descriptive")
    answer = ("They were rewritten because of frost heave: wet stone cracks and can fall without any "
              "warning, and the old rules were written for dry walls.")
    assert is_correct(it, answer, False)
    # short candidates listed still hedge
    assert not is_correct(item(["frost"], "What damaged the wall?"), "frost, rain and sheep", False)


def test_a_gold_name_the_echo_of_the_question_runs_into_is_kept():
    """An answer that names the gold, then repeats the question's words, answers: the echo
    masked the gold's last word with it (tables14's dev split, 2026-12-03: "The Sedgeworth
    Family Pantry meets in the Children's Centre." scored wrong)."""
    it = item(["Marrow Lane Pantry"], "Which pantry meets in a church hall on Tuesdays?", qtype="reverse")
    assert is_correct(it, "The Marrow Lane Pantry meets in a church hall on Tuesdays.", False)
    assert not is_correct(it, "The pantry meets in a church hall on Tuesdays.", False)


@given(st.sampled_from(["ca.", "c.", "approx.", "cf."]), st.integers(100, 1500))
def test_an_abbreviation_inside_an_option_s_brackets_ends_no_sentence(abbr, year):
    """An option with a bracketed qualifier ("Old Quenish (ca. 450-1100)") named whole is a
    choice; both named is a hedge (found building catalog18, 2026-12-04: "ca." ended the judged
    sentence, so the whole option scored wrong)."""
    options = [f"Old Quenish ({abbr} {year}-{year + 600})", f"Middle Quenish ({year + 600}-{year + 900})"]
    it = item([options[0]], f"Which is older, {options[0]} or {options[1]}?", options=options, qtype="comparison")
    assert is_correct(it, f"{options[0]}.", False)
    assert not is_correct(it, f"{options[1]}.", False)
    assert not is_correct(it, f"{options[0]} or {options[1]}.", False)
    assert not is_correct(it, "Old Quenish or Middle Quenish", False)

