"""The evaluation-grade rules that keep a drafted lookup answerable as asked (issue 16): the
question names its subject, the sentence stands alone, a bound is not read as a value, fronting
keeps whole phrases, and a participle is not taken for the verb. Made-up sentences only."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ragtune.corpus.questions import Candidate
from ragtune.drafting.compose import (
    Units,
    depends_on_context,
    reads_bound_as_value,
    reduced_clause,
    splits_a_phrase,
    stands_alone,
)
from ragtune.types import Chunk


def cand(question: str, answer: str, source: str, kind: str = "phrase", direction: str = "forward",
         form: str = "fronted", doc: str = "notes/tool") -> Candidate:
    return Candidate(question, answer, doc, source, kind, direction, form, "f:1")


# made-up names: a capital and 5-9 lower-case letters no English sentence here uses
names = st.from_regex(r"[BDFGKLMPRTVZ][aeiou][bdfgklmnprstvz]{2}[aeiou][lnrsx][aeiou]?", fullmatch=True)
versions = st.tuples(st.integers(0, 30), st.integers(0, 30), st.integers(0, 30)).map(
    lambda t: ".".join(map(str, t)))


# ------------------------------------------------------------------ the question names its subject


def _corpus(name: str) -> Units:
    docs = {f"pkgs/{i}": f"Doc {i}" for i in range(12)}
    text = {d: "The widget library runs on every desktop system. It ships a command line tool."
            for d in docs}
    text["pkgs/0"] += f" {name} keeps its settings in a plain text file."
    text["pkgs/1"] += " The last stable release was 4.2 in the spring."
    return Units([Chunk(f"{d}::0", d, text[d], title=docs[d]) for d in docs])


@settings(max_examples=30, deadline=None)
@given(names)
def test_a_rare_name_names_the_subject_and_a_common_word_does_not(name):
    units = _corpus(name)
    named = cand(f"Where does {name} keep its settings?", "plain text file",
                 f"{name} keeps its settings in a plain text file.", doc="pkgs/0")
    assert units.names_subject(named)
    # no name at all: which library's last stable release?
    unnamed = cand("What was the last stable release?", "4.2", "The last stable release was 4.2 in the spring.",
                   kind="version", doc="pkgs/1")
    assert not units.names_subject(unnamed)


def test_a_name_every_document_uses_does_not_name_the_subject():
    docs = [f"pkgs/p{i}" for i in range(10)]
    text = {d: "Sorvex is the language every package here is written in." for d in docs}
    text["pkgs/p3"] += " The oldest supported Sorvex release of Ravtel is 3.1."
    for d in docs[4:7]:
        text[d] += " It can call Ravtel."  # Ravtel: in 4 of 10 documents, more than a tenth
    units = Units([Chunk(f"{d}::0", d, text[d], title="Ravtel" if d == "pkgs/p3" else d[5:]) for d in docs])
    c = cand("What is the oldest supported Sorvex release?", "3.1", "The oldest supported Sorvex release is 3.1.",
             kind="version", doc="pkgs/p3")
    assert units.name_phrases(c.question) == ["Sorvex"]
    assert not units.names_subject(c)
    # a document's name does, though more than a tenth of the documents use it
    c2 = cand("What is the oldest supported Sorvex release of Ravtel?", "3.1", text["pkgs/p3"], kind="version",
              doc="pkgs/p3")
    assert units.names_subject(c2)


# ------------------------------------------------------------------ the sentence stands alone


@settings(max_examples=30, deadline=None)
@given(names, st.sampled_from(["following", "aforementioned", "preceding", "latter", "above"]))
def test_a_question_that_points_outside_its_sentence_is_rejected(name, word):
    source = f"The {word} teams have sent fixes to {name}."
    assert depends_on_context(cand(f"What have the {word} teams sent fixes to?", name, source, "name"))


@settings(max_examples=30, deadline=None)
@given(names)
def test_a_sentence_that_leads_into_a_list_is_rejected(name):
    source = f"{name} reads its input in three formats:"
    assert depends_on_context(cand(f"What does {name} read?", "its input", source))
    # the same fact as a whole sentence stands alone
    assert not depends_on_context(cand(f"What does {name} read?", "three formats",
                                       f"{name} reads three formats."))


@settings(max_examples=30, deadline=None)
@given(names, st.sampled_from(["Otherwise", "Instead", "In that case", "Alternatively", "Similarly"]))
def test_a_sentence_tied_to_the_one_before_is_rejected(name, opener):
    source = f"{opener}, {name} writes the log to a file."
    assert depends_on_context(cand(f"What does {name} write the log to?", "file", source))


def test_a_comparison_needs_its_standard():
    assert depends_on_context(cand("What does Pelvaro have?", "similar interface",
                                   "Pelvaro has a similar interface."))
    assert not depends_on_context(cand("What does Pelvaro have a similar interface to?", "Kestrin",
                                       "Pelvaro has a similar interface to Kestrin.", "name"))


# ------------------------------------------------------------------ bounds are not values


BOUNDS_AFTER = ["and above", "and later", "or newer", "or higher", "or later", "and up"]


@settings(max_examples=40, deadline=None)
@given(names, versions, st.sampled_from(BOUNDS_AFTER))
def test_a_minimum_version_is_not_read_as_the_version(name, version, bound):
    source = f"{name} {version} {bound} ships the new parser."
    assert reads_bound_as_value(cand(f"What is the version of {name}?", version, source, "version"))
    plain = f"{name} {version} ships the new parser."
    assert not reads_bound_as_value(cand(f"What is the version of {name}?", version, plain, "version"))


@settings(max_examples=40, deadline=None)
@given(names, st.integers(2, 9999), st.sampled_from(["at least", "up to", "more than", "no fewer than"]))
def test_a_bound_before_a_number_is_not_the_number(name, n, bound):
    source = f"{name} keeps {bound} {n} files in its cache."
    assert reads_bound_as_value(cand(f"How many files does {name} keep in its cache?", f"{n} files",
                                     source, "number"))


@settings(max_examples=30, deadline=None)
@given(names, versions)
def test_a_plus_sign_is_a_bound_and_a_name_before_a_bounded_version_is_too(name, version):
    source = f"{name} needs Qorvel {version}+ to run."
    assert reads_bound_as_value(cand(f"Which version of Qorvel does {name} need?", version, source, "version"))
    assert reads_bound_as_value(cand(f"What does {name} need {version}+ to run?", "Qorvel",
                                     f"{name} needs Qorvel {version} or newer to run.", "name"))


# ------------------------------------------------------------------ fronting keeps whole phrases


@settings(max_examples=30, deadline=None)
@given(names, st.sampled_from(["all", "most", "much", "some", "half"]))
def test_a_stranded_partitive_splits_a_phrase(name, part):
    source = f"{name} wrote {part} of the Kelvor parser."
    assert splits_a_phrase(cand(f"What did {name} write {part} of?", "Kelvor parser", source, "name"))
    assert not splits_a_phrase(cand(f"What did {name} write?", f"{part} of the Kelvor parser", source))


def test_a_head_noun_asked_for_while_its_modifiers_stay_splits_a_phrase():
    source = "Pelvaro replaced the old binary format."
    assert splits_a_phrase(cand("Pelvaro replaced the old binary what?", "format", source, form="in_place"))
    assert not splits_a_phrase(cand("What did Pelvaro replace?", "old binary format", source))
    # the modifier made into the wh-phrase is fine
    assert not splits_a_phrase(cand("Pelvaro replaced which binary?", "Kestrin",
                                    "Pelvaro replaced the binary Kestrin.", "name", form="in_place"))


@settings(max_examples=30, deadline=None)
@given(names)
def test_a_question_running_past_a_comma_after_its_answer_splits_a_phrase(name):
    source = f"{name} keeps a mirror for Lunix in Dorrow, see the status page."
    assert splits_a_phrase(cand(f"What does {name} keep a mirror for in Dorrow see the status page?",
                                "Lunix", source, "name"))
    # an answer in an introduction set off by a comma is fine
    assert not splits_a_phrase(cand(f"When did {name} move to Lunix?", "2019",
                                    f"In 2019, {name} moved to Lunix.", "year"))


# ------------------------------------------------------------------ a participle is not the verb


@settings(max_examples=30, deadline=None)
@given(names)
def test_a_gerund_before_an_ed_form_is_a_reduced_clause(name):
    assert reduced_clause(cand(f"What did Loading of {name} archive?", "logs",
                               f"Loading of {name} archived logs."))
    assert reduced_clause(cand("What did Ilsa Varn release?", "last week",
                               f"Ilsa Varn for testing the {name} port released last week"))
    assert not reduced_clause(cand(f"What did {name} compress?", "files", f"{name} compressed the files."))
    assert not reduced_clause(cand(f"What is {name} compressing?", "files", f"{name} is compressing files."))


def test_stand_alone_says_why():
    assert stands_alone(cand("What did Pelvaro write?", "parser", "Pelvaro wrote the parser.")) == ""
    assert stands_alone(cand("What is the version of Pelvaro?", "2.0", "Pelvaro 2.0 and above work.",
                             "version", form="record")) == "bound read as a value"


def test_an_answer_cut_before_its_object_or_a_stranded_article_splits_a_phrase():
    source = "The aim of Pelvaro is to bring that parser to every desktop."
    assert splits_a_phrase(cand("What is the aim of Pelvaro?", "to bring", source, form="definition"))
    assert splits_a_phrase(cand("What can the flag of Pelvaro be used to raise a?", "Kestrin",
                                "The flag of Pelvaro can be used to raise a Kestrin.", "name"))
    assert not splits_a_phrase(cand("What is the aim of Pelvaro?", "to bring that parser to every desktop",
                                    source, form="definition"))


@settings(max_examples=30, deadline=None)
@given(names)
def test_inline_marks_are_not_markup_but_code_is(name):
    from ragtune.drafting.compose import _MARKUP, _inline_plain

    assert not _MARKUP.search(_inline_plain(f"The `{name}` reader keeps **every** [field] in ``{name}``."))
    assert _MARKUP.search(_inline_plain(f"Run `{name} --all | sort` to list them."))
