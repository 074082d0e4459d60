"""Where drafted questions may come from (issue 16): never code (fenced or indented blocks, a
prompt and the output printed after it, a chunk that starts inside a fence); never a value
stated under a condition; no "newer version" across two projects; never a sentence a chunk
boundary cut short. Also the prose the drafter can read: setext/reST headings and links read
as their words. Made-up sentences only."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from ragtune.corpus.english import split_units, strip_links
from ragtune.corpus.markdown import code_lines, without_code
from ragtune.corpus.questions import Candidate, corpus_candidates, fences
from ragtune.drafting.compose import Draft, Units, comparisons, conditional
from ragtune.types import Chunk

names = st.from_regex(r"[BDFGKLMPRTVZ][aeiou][bdfgklmnprstvz]{2}[aeiou][lnrsx][aeiou]?", fullmatch=True)
values = st.from_regex(r"[a-z]{3,7}-[a-z]{2,6}-[0-9]\.[0-9]", fullmatch=True)
prose_line = st.sampled_from(["The Morvane parser reads every file once.", "Tolven keeps a cache.",
                              "- Bexilor writes the report."])


def cand(question: str, answer: str, source: str, kind: str = "name", direction: str = "forward",
         form: str = "fronted", doc: str = "notes/tool", entities: tuple[str, ...] = ()) -> Candidate:
    return Candidate(question, answer, doc, source, kind, direction, form, "f:1", entities=entities)


def sources(text: str, in_fence: str = "") -> str:
    return " ".join(u.text for u in split_units(text, in_fence))


# ------------------------------------------------------------------ code is no source


@settings(max_examples=40, deadline=None)
@given(names, values, st.sampled_from(["```", "~~~", "````", "```bash", "~~~ python"]),
       st.lists(prose_line, min_size=0, max_size=3))
def test_nothing_inside_a_fenced_block_is_a_unit(name, value, fence, before):
    mark = fence.split()[0].rstrip("bashpython")
    text = "\n".join(before) + f"\n\n{fence}\n$ {name.lower()} --check\nplugins: {value}\n\n{name}: {value}\n{mark}\n\nDone."
    got = sources(text)
    assert value not in got and name.lower() not in got
    assert "Done." in got


@settings(max_examples=40, deadline=None)
@given(names, values)
def test_an_indented_block_and_a_prompt_with_its_output_are_code(name, value):
    indented = f"{name} prints this:\n\n    plugins: {value}\n    collected 3 items\n\nAfter the block."
    assert value not in sources(indented) and "After the block." in sources(indented)
    prompt = f"Run it:\n\n$ {name.lower()} run\nplugins: {value}\n\nAfter the run."
    assert value not in sources(prompt) and "After the run." in sources(prompt)
    repl = f"In Python:\n\n>>> {name.lower()}.version()\n'{value}'\n\nThat is all."
    assert value not in sources(repl)
    # a trimmed first indent (a chunk's paragraph): the other lines are still indented
    assert value not in sources(f"Intro.\n\n{name.lower()} --list\n    plugins: {value}\n    done\n\nEnd.")


def test_a_list_item_continued_by_an_indented_paragraph_is_prose():
    text = "- Morvane reads files.\n\n    Tolven writes the index once a day.\n\nEnd."
    assert "Tolven writes the index once a day." in sources(text)
    flags, still_open = code_lines("text\n```\ncode", "")
    assert flags == [False, True, True] and still_open == "```"
    assert without_code("rest of code\n```\nProse.", "?") == "\n\nProse."


@settings(max_examples=25, deadline=None)
@given(names, values, st.integers(1, 40))
def test_a_chunk_that_starts_inside_a_fence_is_code_until_it_closes(name, value, overlap):
    first = f"{name} is a parser.\n\n```text\n$ {name.lower()} --plugins\nplugins: {value}"
    repeated = first[-min(overlap, len(first)):]
    cut = first.rfind(" ", 0, len(first) - len(repeated)) + 1 if " " in repeated else len(first) - len(repeated)
    second = f"{first[cut:]}\nmore: {value}\n```\n\nThe {name} parser was written by Ana Lind."
    a = Chunk(id="d::0", doc_id="d", text=first, position=0)
    b = Chunk(id="d::1", doc_id="d", text=second, position=1)
    # the repeated words begin inside the block: the second chunk starts in it
    assert bool(fences([a, b])[1]) == (cut > first.index("```"))
    found, _ = corpus_candidates([a, b])
    assert found and all(value not in c.answer + c.source + c.question for c in found)
    assert any(c.answer == "Ana Lind" for c in found)


# ------------------------------------------------------------------ a value under a condition


MARKERS = ['; platform_system == "Windows"', ' [python_version < "3.11"]', '; sys_platform == "win32"',
           ' ; os_name != "nt"']


@settings(max_examples=30, deadline=None)
@given(names, values, st.sampled_from(MARKERS))
def test_an_environment_marker_makes_a_value_conditional(name, value, marker):
    dep = value.split("-")[0]
    assert conditional(cand(f"What does {name} require?", dep, f"{name}: requires: {dep}{marker}",
                            "identifier", form="record"))
    assert conditional(cand(f"What are the deps of {name}?", f"click, {dep}{marker}",
                            f"{name}: deps: click, {dep}{marker}", "phrase", form="record"))
    assert not conditional(cand(f"What does {name} require?", dep, f"{name}: requires: {dep}",
                                "identifier", form="record"))


CONDITIONS = ["only when run on Linux", "only if the cache is cold", "when built from source",
              "if the network is slow", "but only on Windows", "unless the flag is set"]


@settings(max_examples=30, deadline=None)
@given(names, values, st.sampled_from(CONDITIONS))
def test_a_value_that_applies_only_in_a_case_is_conditional(name, value, condition):
    dep = value.split("-")[0]
    source = f"{name} depends on {dep} {condition}."
    assert conditional(cand(f"What does {name} depend on?", dep, source, "identifier"))
    assert not conditional(cand(f"What does {name} depend on?", dep, f"{name} depends on {dep}.", "identifier"))
    opened = f"If the cache is cold, {name} depends on {dep}."
    assert conditional(cand(f"What does {name} depend on?", dep, opened, "identifier"))


def test_a_date_followed_by_when_is_a_time_not_a_case():
    source = "Morvane was founded in 1998 when two teams merged."
    assert not conditional(cand("When was Morvane founded?", "1998", source, "year"))


@settings(max_examples=20, deadline=None)
@given(names, values)
def test_a_record_value_the_text_states_under_a_condition_is_dropped(name, value):
    dep = value.split("-")[0]
    text = f"requires: {dep}\n\n{name} is a small tool. It depends on {dep} only on Windows."
    units = Units([Chunk(id="pkgs/x::0", doc_id="pkgs/x", text=text, title=name)])
    rec = cand(f"What does {name} require?", dep, f"{name}: requires: {dep}", "identifier",
               form="record", doc="pkgs/x")
    assert units.conditioned(rec)
    plain = Units([Chunk(id="pkgs/x::0", doc_id="pkgs/x", text=f"requires: {dep}\n\n{name} depends on {dep}.",
                         title=name)])
    assert not plain.conditioned(rec)


# ------------------------------------------------------------------ no newer version across projects


def _lookup(subject: str, question: str, answer: str, kind: str, doc: str) -> Draft:
    c = cand(question, answer, f"{question} {answer}", kind, doc=doc, entities=(subject,))
    return Draft(question, [answer], "single_hop", [c], kind, kind="record")


@settings(max_examples=20, deadline=None)
@given(st.lists(names, min_size=3, max_size=6, unique=True), st.randoms(use_true_random=False))
def test_versions_of_different_things_are_not_compared_dates_are(subjects, rnd):
    drafts = []
    for i, s in enumerate(subjects):
        drafts.append(_lookup(s, f"What is the version of {s}?", f"{i + 1}.{i}.0", "version", f"p/{s}"))
        drafts.append(_lookup(s, f"When was {s} released?", f"20{10 + i}-0{1 + i % 9}-1{i % 10}", "date", f"p/{s}"))
        drafts.append(_lookup(s, f"How many employees does {s} have?", f"{100 + i} employees", "number", f"p/{s}"))
    made = comparisons(drafts, random.Random(rnd.random()), 50)
    assert made and all(d.answer_type != "version" for d in made)
    assert not any("version" in d.question for d in made)


# ------------------------------------------------------------------ a sentence a chunk boundary cut


@settings(max_examples=25, deadline=None)
@given(names, st.sampled_from(["indexes", "parsers", "readers"]), st.integers(1, 6))
def test_a_sentence_cut_by_a_chunk_boundary_is_truncated(name, noun, at):
    whole = f"{name} implemented the binary {noun} and the build system"
    cut = len(whole) - len(" and the build system") - at  # mid-word, as a token split cuts
    a = Chunk(id="d::0", doc_id="d", text=f"The authors are:\n- {whole[:cut]}", position=0)
    b = Chunk(id="d::1", doc_id="d", text=f"{whole[cut:]}\n- Tolven wrote the docs.", position=1)
    units = Units([a, b])
    short = cand(f"What did {name} implement?", whole[:cut].split(" the ", 1)[1],
                 whole[:cut], "phrase", doc="d")
    short.chunk_id = "d::0"
    assert units.truncated(short)
    # repeated words (the chunker's overlap) joined by a space: the paragraph goes on too
    a2 = Chunk(id="e::0", doc_id="e", text=f"Intro.\n\n{whole[:cut]}", position=0)
    tail = whole[:cut].split(" ", 2)[2]
    b2 = Chunk(id="e::1", doc_id="e", text=f"{tail} {whole[cut:]}", position=1)
    short2 = cand(short.question, short.answer, whole[:cut], "phrase", doc="e")
    short2.chunk_id = "e::0"
    assert Units([a2, b2]).truncated(short2)
    whole_c = cand(f"What did {name} implement?", f"binary {noun} and the build system", whole, "phrase", doc="f")
    whole_c.chunk_id = "f::0"
    assert not Units([Chunk(id="f::0", doc_id="f", text=whole, position=0)]).truncated(whole_c)


# ------------------------------------------------------------------ what prose is readable


def test_setext_and_rest_headings_are_headings_and_rules_are_nothing():
    units = split_units("Installation\n============\nMorvane installs from the index.\n\n---\n\nDone.")
    assert [(u.kind, u.text) for u in units] == [("heading", "Installation"),
                                                  ("sentence", "Morvane installs from the index."),
                                                  ("sentence", "Done.")]


@settings(max_examples=30, deadline=None)
@given(names, st.from_regex(r"[a-z]{3,8}( [a-z]{3,8})?", fullmatch=True))
def test_links_read_as_their_words(name, words):
    for linked in (f"[{words}](https://example.org/{name})", f"`{words} <https://example.org/x>`_",
                   f"`{words}`_"):
        assert strip_links(f"{name} is described in {linked} today.") == f"{name} is described in {words} today."
    assert strip_links(f"Call `{name.lower()}` first.") == f"Call `{name.lower()}` first."


@settings(max_examples=30, deadline=None)
@given(names)
def test_a_sentence_question_is_asked_without_inline_marks_a_record_keeps_them(name):
    from ragtune.drafting.compose import plain_marks

    low = name.lower()
    c = cand(f"A copy of `{low}.py` was included as part of what?", "Qorvex",
             f"A copy of `{low}.py` was included as part of Qorvex.")
    assert plain_marks(c).question == f"A copy of {low}.py was included as part of what?"
    assert plain_marks(c).source == c.source
    rec = cand(f"What is the data of {name}?", f"files (`{low}_dir`)", f"{name}: Data: files (`{low}_dir`)",
               "phrase", form="record")
    assert plain_marks(rec) is rec
