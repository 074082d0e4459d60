"""Strategies with the real models on the tiny world (and one hand-made corpus check).

Accuracy floors are the values measured on 2026-12-01 minus 15 points (see FLOORS)."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ragtune.errors import InputError
from ragtune.eval.metrics import aggregate, score_item
from ragtune.eval.qa import load_qa
from ragtune.strategies import build_strategy, parse_spec, parse_specs
from ragtune.strategies import agentic as agentic_mod
from ragtune.strategies.agentic import (_asks_plural, _ungrounded, _unstated_address,
                                        _unstated_relation, loops, names_covered, route,
                                        states_value)
from ragtune.strategies.common import (Passage, attribute, clean_answer, content_words, make_citations,
                                       says_nothing, whole_sentences, with_answers, word_overlap)
from ragtune.strategies.question import (
    answer_type,
    capitalised_words,
    find_options,
    names,
    nested_description,
    unknown_words,
)
from ragtune.strategies.values import extract_values
from ragtune.types import Hit


# Measured on 2026-12-01 (tiny world seed 0, test split, the default int8 generator on the AVX2
# path conftest pins, rag's plain `Context:` prompt with the one best passage (n_context 1; two
# with the best last gave the same figures), decoded with the default beam search of width 2,
# agentic without prepare, i.e. the default abstention threshold) minus 15 points. Measured:
# rag single_hop 0.688 (11 of 16; best-first on 2026-11-30: 12 of 16; greedy 0.5, tested
# below); agentic overall 0.672 (41 of 61), comparison 1.0, unanswerable 1.0 (6 of 6; 5 of 6
# before the relation check); closed_book single_hop 0.0.
FLOORS = {"rag_single_hop": 0.538, "agentic_overall": 0.522, "agentic_comparison": 0.85,
          "agentic_unanswerable": 0.85, "rag_greedy_single_hop": 0.35}


def test_spec_strings():
    s = parse_spec("rag@adapter=raft-002@program=opt-003")
    assert (s.pipeline, s.adapter, s.program) == ("rag", "raft-002", "opt-003")
    assert str(parse_spec("agentic,adapter=x")) == "agentic@adapter=x"
    assert [str(x) for x in parse_specs("closed_book,rag,agentic")] == ["closed_book", "rag", "agentic"]
    for bad in ("ragg", "rag@colour=red", "rag@adapter="):
        with pytest.raises(InputError):
            parse_spec(bad)


def test_english_readings_of_questions_and_answers():
    """Rules of the language read from dev traces (2026-12-01), none of a corpus."""
    assert names("If I'm off sick, from which day do I need a note?") == []
    assert unknown_words("If I'm off sick, don't I need one?", {"off", "sick", "need", "one"}) == []
    assert unknown_words("zstd-compressed responses", {"compressed", "responses"}) == ["zstd"]
    assert unknown_words("the lightest one", {"light", "one"}) == []
    assert answer_type("When you swap the index, what happens to the copies?") == "open"
    assert answer_type("If a request fails, how many retries are made?") == "number"
    assert answer_type("When was the museum opened?") == "date"
    assert answer_type("What age class does Ann Lee run in?") == "name"  # ("-ss" is no verb's "-s")
    assert answer_type("What age is Ann Lee?") == "number"
    assert answer_type("Which days should I book?") == "date"
    assert _asks_plural("Which days should I book?") and not _asks_plural("Which bus goes there?")
    assert states_value("From the fourth consecutive day.", "date",
                        "From which day do I need a note?")
    assert loops("open-source, open-source, open-source, open-source")
    assert not loops("very very very good")
    hits = [Hit("d", "c", 1.0, text="Report bugs at https://tracker.example.org/issues.")]
    assert _unstated_address("It is https://www.example.com/home.", "Where is the home page?", hits)
    assert not _unstated_address("See https://tracker.example.org/issues.",
                                 "Where are bugs reported?", hits)
    # the evidence is about the thing but never says what is asked: no relation word in it
    page = [Hit("packages/zlibx", "c", 1.0, title="zlibx", text="zlibx 2.1.0, MIT licence.")]
    assert _unstated_relation("Who maintains zlibx?", "name", page) == ["maintain"]
    assert _unstated_relation("Under which licence is zlibx distributed?", "name", page) == []
    assert _unstated_relation("What is the version of zlibx?", "version", page) == []
    assert _unstated_relation('Which package is described as "2.1.0, MIT"?', "name", page) == []
    # a possessive ends a name; a derived word has a dictionary base; an acronym spelled out
    assert names("Where is Beautiful Soup's bs4/doc folder?") == ["Beautiful Soup", "bs4/doc"]
    assert unknown_words("Which installer offers configurability?",
                         {"install", "configurable", "which", "offer"}) == []
    assert names_covered("a grant of the National Science Foundation", ["NSF"]) == 1.0
    # a FAQ's question sentence goes with its answer (alone it matches best, answers nothing)
    assert with_answers(["What is the code?", "It is V-99.", "Ask Ann."]) == [
        "What is the code? It is V-99.", "Ask Ann."]
    assert with_answers(["Why?"]) == ["Why?"]
    # an answer that says nothing is asked again: an echo, a refusal, an abstention
    q = "Faiss's GPU support is provided via CUDA or via what else?"
    assert says_nothing(q, q) and says_nothing(q, "I'm sorry, but as an AI I cannot browse.")
    assert says_nothing(q, "I don't know.") and not says_nothing(q, "Via AMD ROCm.")
    # a figure the question does not give is said, however many of the question's words surround it
    asked = "In the August 2025 storm, what was the most copies of one reminder a parent received?"
    assert not says_nothing(asked, "The most copies of one reminder a parent received in August 2025 were 14.")
    assert says_nothing(asked, "The most copies of one reminder a parent received in August 2025.")
    # an open answer's own figures must be stated too; a list's numbering is no figure
    desk = [Hit("faq", "c", 1.0, text="The helpdesk is on floor 2 and opens at 08:00.")]
    assert _ungrounded("The alarm code is 4821.", "open", "What is the alarm code?", desk)
    assert not _ungrounded("It is on floor 2.", "open", "Where is the helpdesk?", desk)
    assert not _ungrounded("1. It opens early.", "open", "What should I know?", desk)
    # a name answer's own code or number is stated as written, or made up
    line = [Hit("faq", "c", 1.0, text="Swarms are logged as SW26-031; ring the line on 01632 960 123.")]
    assert _ungrounded("The line's number is 123-456-7890.", "name", "What is the line's phone number?", line)
    assert not _ungrounded("It is SW26-031.", "name", "Which code was the swarm logged as?", line)


def test_reading_rules_found_on_unseen_documents():
    """Rules from a trial on Debian's own documentation and the prose3 dev split (2026-12-02,
    dev only), each general English."""
    from ragtune.strategies.agentic import _agent_stated, _names_own_page
    # a coordination inside a phrase of the clause "which <noun>" heads is no choice
    assert find_options("Which tool builds docs from a Markdown or reST source?") == []
    assert find_options("Which is older, Markdown or reST?") == ["Markdown", "reST"]
    # (2026-12-05, catalog23 and prose24 read splits, invented here) a comma ending the clause,
    # not the second option; a year against a clause ending in one
    assert find_options("Which of fooparse and Barlib still builds on the older compiler, judging by its "
                        "notes?") == ["fooparse", "Barlib"]
    assert find_options("Were more boats hired out in 2023 or 2024?") == ["2023", "2024"]
    # a name's number follows the word before it as the name writes it; a name of plain
    # words is also written joined, as package names are
    assert names_covered("Gizmo-core 3 (formerly gizmo-next)", ["Gizmo-core 3"]) == 1.0
    assert names_covered("Gizmo-core 2 and version 3", ["Gizmo-core 3"]) == 0.0
    assert names_covered("sortedbags: each bag ...", ["Sorted Bags"]) == 1.0
    # a port and a timeout are numbers
    assert answer_type("What port does the daemon listen on?") == "number"
    # a quantity noun before another noun modifies it: no number asked
    assert answer_type("Which share offer paid for the new roof?") == "name"
    assert answer_type("What rate limit applies to the API?") == "number"
    assert answer_type("What is the price today?") == "number"
    # an embedded "how many" does not make a "which <thing>" question a count
    assert answer_type("Which tool can limit how many threads a process uses?") == "name"
    assert answer_type("How many threads does the tool use?") == "number"
    # a pronoun names no thing the evidence must hold
    from ragtune.strategies.agentic import _subject_words
    assert "them" not in _subject_words("Which library reads all formats without depending on any of them?")
    # a markdown table's row is read with its columns' names; a field/value table's as fields
    from ragtune.strategies.common import split_sentences
    table = "Grants:\n| Group | Award (EUR) |\n|---|---|\n| Village Hall | 9,000 |\nThe hall won."
    assert split_sentences(table) == ["Grants:", "Village Hall Award (EUR): 9,000", "The hall won."]
    assert split_sentences("| field | value |\n|--|--|\n| version | 3.1 |") == ["version: 3.1"]
    assert split_sentences("Ada Lane | role: chair") == ["Ada Lane role: chair"]
    # "use" asks no relation of its own; licence and license are one word
    from ragtune.strategies.agentic import _unstated_relation
    about = [Hit("p", "c", 1.0, title="zapp", text="zapp: use it to serve WSGI apps.")]
    assert _unstated_relation("What licence does zapp use?", "name", about) == ["licence"]
    licensed = [Hit("p", "c", 1.0, title="zapp", text="zapp is licensed under MIT.")]
    assert _unstated_relation("What licence does zapp use?", "name", licensed) == []
    # a record's field value: its unit from its label, never the next field's label
    (raised, investors, least) = extract_values("raised eur: 180000 investors: 153 min investment eur: 100")
    assert (raised.unit, investors.text, investors.unit, least.unit) == ("eur", "153", "", "eur")
    (rate,) = extract_values("unit rate eur kwh: 0.226")
    assert rate.unit == "eur"  # euros per kWh: a price
    assert extract_values("It weighs 3 kg: light.")[0].unit == "kg"
    # "how many investors ..." of a record with an investors field reads the field, counts no records
    from ragtune.strategies.counting import count_records
    offers = {"finance/offers": [{"name": "Roof offer", "investors": 153}, {"name": "Mill offer", "investors": 90}]}
    assert count_records("How many investors took part in the Roof offer in finance offers?", offers) is None
    # a value read off another year's page answers no question about this year
    from ragtune.strategies.agentic import _ADDRESS, _value_of_another_year
    sched = [Hit("maint/schedule-2025#M-2", "c", 1.0, title="", text="job: annual service date: 2025-05-06 cost eur: 4200")]
    assert _value_of_another_year("What did the 2024 annual service cost?", "EUR 4200", sched) == "2025"
    assert _value_of_another_year("What does the annual service cost?", "EUR 4200", sched) == ""
    assert _value_of_another_year("What did the 2025 annual service cost?", "EUR 4200", sched) == ""
    # a season is one period: 2026-27's price answers nothing of 2027-28, though both hold 2027
    fares = [Hit("fees/fares", "f", 1.0, title="Fares 2026-27", text="Night ferry, adult (GBP): 9.00")]
    assert _value_of_another_year("What will a night ferry cost in 2027-28?", "9.00", fares) == "2026-27"
    assert _value_of_another_year("What will a night ferry cost in 2026/27?", "9.00", fares) == ""
    assert _value_of_another_year("What did a night ferry cost in 2026?", "9.00", fares) == ""
    # "the year to 31 March 2027" is the season 2026-27, and so is a document id's "2026-27"
    report = [Hit("reports/review-2026-27", "r", 1.0, title="Review of the year to 31 March 2027",
                  text="Ferries ran 4,310 crossings.")]
    assert _value_of_another_year("How many crossings ran in the year to March 2026?", "4,310", report) == "2026-27"
    assert _value_of_another_year("How many crossings ran in the year ending March 2027?", "4,310", report) == ""
    assert _value_of_another_year("How many crossings ran in 2026?", "4,310", report) == ""
    # a file's path is no name ("TCP/IP" is)
    assert _ADDRESS.search("jedisct1/libsodium.svg") and not _ADDRESS.search("TCP/IP")
    # a metric is a number
    assert answer_type("What accuracy did the small model get?") == "number"
    # markup names nothing; a document's label ("Membership FAQ") is no one's name
    from ragtune.strategies.agentic import typed_candidates
    html = [Passage('Made by <a href="x" target="_blank">Ada Lane</a>.', Hit("d", "c", 1.0, title="About"), 1.0)]
    assert [c for c, _ in typed_candidates("Who made the tool?", "name", html, [])] == ["Ada Lane"]
    faq = [Passage("Call us about your account.", Hit("faq", "c", 1.0, title="Membership FAQ"), 1.0)]
    assert typed_candidates("Who looks after my account?", "name", faq, [], titles={"membership faq": "Membership FAQ"}) == []
    # a month, a weekday or a unit's symbol alone names no one
    from ragtune.strategies.agentic import _NO_NAME
    assert _NO_NAME.fullmatch("April") and _NO_NAME.fullmatch("kW") and not _NO_NAME.fullmatch("Aprilia")
    # a page whose name holds the question's name is the question's own thing
    assert _names_own_page("Which flag helps in a zapper bug report?", "zapper-bugs", ["zapper"])
    assert not _names_own_page("Which client lists HTTP/2 among its features?", "httpx", ["HTTP"])
    # "by <name>" states who did it, however the verb is worded
    page = [Hit("p", "c", 1.0, title="t", text="Gizmo 2, a prior work by Ada Lane.")]
    assert _agent_stated("Who wrote Gizmo 2?", "Ada Lane", page)
    assert not _agent_stated("Which company wrote Gizmo 2?", "Ada Lane", page)


def test_reading_rules_found_on_prose4_and_tables3_dev():
    """Rules from the dev splits of two hand-written corpora (engineering documents of a
    software company, a research facility's wiki; 2026-12-02, dev only), each general."""
    from ragtune.strategies.agentic import _ASKS_PATH, _PATH, _has_token, _metadata_text, _wrong_dimension
    # a phrase written as one hyphenated word is held by its words written apart; a name is not
    assert _has_token({"failover", "from", "fra1", "to", "dub2"}, "fra1-to-dub2")
    assert not _has_token({"pydantic", "core"}, "pydantic-fast")
    # an article after the asked noun starts another phrase: a command is asked, not a release
    assert answer_type("Which kiln command installs a newer release of kiln itself?") == "name"
    assert answer_type("What is the latest release of kiln?") == "version"
    # a phone extension is digits (a possessive may stand between the words); a file's is no number
    assert answer_type("What is Ada Lane's phone extension?") == "number"
    assert answer_type("What is the file extension of the config?") == "open"
    # a duration is written with its unit; a share is a percentage; minutes are a time
    how_long = "For how long is a key remembered?"
    (code,) = extract_values("ADR 0019")
    (mins,) = extract_values("47 minutes")
    assert _wrong_dimension(how_long, code) and not _wrong_dimension(how_long, mins)
    assert mins.dimension == "time" and extract_values("3 kilometres")[0].dimension == "length"
    share = "In 2025, what share of queries were resolved in time?"
    assert _wrong_dimension(share, extract_values("20 working days")[0])
    assert not _wrong_dimension(share, extract_values("76%")[0])
    # "which folder": a path is the answer there, and nowhere else a name
    assert _ASKS_PATH.search("Which folder do the fakes write to?") and _PATH.fullmatch("./.dev/outbox")
    assert not _PATH.fullmatch("www.example.com/a/b")
    # a record's fields are part of what it says ("the informatics team" may be metadata only)
    rec = Hit("staff#ST-1", "c", 1.0, text="Jo runs the cluster.", metadata={"team": "informatics", "year": 2019})
    assert _metadata_text(rec) == "informatics 2019"
    # the field a question names, of the record it names
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic
    rows = {"register": [{"name": "Wren", "room": "Q-116", "lead_scientist": "Ada Lane", "status": "on"},
                         {"name": "Heron", "room": "Q-224", "lead_scientist": "Bo Kim", "status": "on"}]}
    fake = SimpleNamespace(_record_collections=lambda: rows)
    assert Agentic._record_field(fake, "Which room is Wren in?") == ("Wren", "room", "Q-116")
    assert Agentic._record_field(fake, "Who is the lead scientist for Heron?") == ("Heron", "lead_scientist", "Bo Kim")
    assert Agentic._record_field(fake, "Which instrument is in room Q-224?") is None  # no record named
    assert Agentic._record_field(fake, "Which room is the lead scientist of Wren in?") is None  # two fields
    # the one record of a named collection meeting the question's values; the asked noun's field
    from ragtune.strategies.counting import select_record
    cols = {"people/directory": [{"name": "Jo Kim", "team": "informatics"}, {"name": "Al Roe", "team": "imaging"}],
            "incidents/downtime-log": [{"instrument": "Orbis Five", "severity": "critical"},
                                       {"instrument": "Wren", "severity": "minor"}]}
    assert select_record("Who in the directory is on the informatics team?", cols) == ("Jo Kim", {"team": "informatics"})
    assert select_record("Which instrument had the downtime in the log graded critical?", cols)[0] == "Orbis Five"
    assert select_record("How many in the directory are on the imaging team?", cols) is None  # a count
    assert select_record("Who leads the informatics team?", cols) is None  # no collection named
    # a year naming one collection ("the 2026 log") is no value of another's records; a plural
    # path word names its things in the singular
    cols["instruments/register"] = [{"name": "Orbis Five", "installed": 2026}, {"name": "Wren", "installed": 2019}]
    cols["incidents/downtime-log"] = [{"instrument": "Orbis Five", "severity": "critical"},
                                      {"instrument": "Wren", "severity": "minor"}]
    cols["incidents/downtime-log-2026"] = cols.pop("incidents/downtime-log")
    assert select_record("Which instrument had the downtime in the 2026 log graded critical?", cols)[0] == "Orbis Five"
    assert select_record("Which instrument was installed in 2019?", cols)[0] == "Wren"


def test_reading_rules_found_on_catalog2_after_its_reading():
    """Rules from catalog2's read test split (Debian package records; 2026-12-02, after the
    reading), each general: packagers' versions, binary size units, asked kinds."""
    from ragtune.strategies.agentic import _wrong_dimension
    # a packager's epoch and revision are part of a version; a range's bound is not
    assert [v.text for v in extract_values("Version: 1:9.2p1-2+deb12u6.")] == ["1:9.2p1-2+deb12u6"]
    assert [(v.text, v.kind) for v in extract_values("manpages 6.03-2 and 2.14.1-4.")] == [
        ("6.03-2", "version"), ("2.14.1-4", "version")]
    assert [v.kind for v in extract_values("costs 3.5-4 EUR")] == ["number", "number"]
    assert [v.text for v in extract_values("Python 3.8-3.12")][0] == "3.8"
    # KiB and MiB are sizes in bytes; an installed size is written with its unit
    (kib,) = extract_values("53045 KiB")
    assert kib.dimension == "bytes"
    size = "What is the installed size of libfoo?"
    assert not _wrong_dimension(size, kib) and _wrong_dimension(size, extract_values("1.31")[0])
    # "which team or person is ...": the asked kinds, not two options
    assert find_options("Which team or person is listed as the maintainer of dash?") == []
    assert find_options("Which Gizmo or Widget is heavier?") == ["Gizmo", "Widget"]
    # a field of the page the question names: a `| label | value |` row or a `Label: value`
    # line whose label's words are the question's (an agent noun by its verb)
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic
    page = ("# zed\n\n| field | value |\n|---|---|\n| section | math |\n"
            "| maintainer | Ada Lane <ada@example.org> |\n| homepage | https://zed.example/ |")
    fake = SimpleNamespace(_whole_page=lambda own: own, _is_field=lambda noun: True,
                           _identifier_in=lambda q: None, _own_page_of=lambda q: [Hit("packages/zed", "c", 1.0, text=page, title="zed")])
    assert Agentic._page_field(fake, "Who maintains zed?") == ("packages/zed", "maintainer", "Ada Lane")
    assert Agentic._page_field(fake, "Which section is zed in?")[2] == "math"
    assert Agentic._page_field(fake, "Which package is zed?") is None
    # a path names no one ("Who holds the copyright?" is no "Copyright file"), and a value
    # written in prose keeps its initials ("Andrew G. Morgan", not "Andrew G")
    rights = ("# zed\n\n- Copyright file: /usr/share/doc/zed/copyright\n- Copyright holders: 3\n\n"
              "The upstream contact is Ada B. Lane <ada@example.org>. The source is elsewhere.")
    fake2 = SimpleNamespace(_whole_page=lambda own: own, _is_field=lambda noun: True,
                            _identifier_in=lambda q: None, _own_page_of=lambda q: [Hit("packages/zed", "c", 1.0, text=rights, title="zed")])
    assert Agentic._page_field(fake2, "Who holds the copyright on zed?") is None
    assert Agentic._page_field(fake2, "Which copyright file does zed have?")[2] == "/usr/share/doc/zed/copyright"
    assert Agentic._page_field(fake2, "Who is the upstream contact of zed?")[2] == "Ada B. Lane"
    # a page whose name BM25 cannot find ("be_BY": both parts are stop words) is read from the
    # catalog's document list
    from ragtune.types import Chunk
    chunks = {"europe/be_BY": [Chunk("europe/be_BY::0", "europe/be_BY", "Calls to it use code 375.",
                                     title="be_BY")]}
    index = SimpleNamespace(search_many=lambda *a, **k: [[Hit("europe/fr_BE", "x", 1.0, title="fr_BE")]],
                            chunks_of=lambda doc_id, collection=None: chunks.get(doc_id, []))
    catalog = SimpleNamespace(index=index, collection="default", program=SimpleNamespace(k=5),
                              _page_names=lambda: {"be-by", "fr-be"},
                              _catalog=[("be_BY", SimpleNamespace(doc_id="europe/be_BY")),
                                        ("fr_BE", SimpleNamespace(doc_id="europe/fr_BE"))])
    found = Agentic._own_pages(catalog, "be-by")
    assert [(h.doc_id, h.text) for h in found] == [("europe/be_BY", "Calls to it use code 375.")]
    assert Agentic._own_pages(catalog, "xx-yy") == []
    long_quote = 'Which package is described as "a section editor for zed and its many friends, old and new, large and small, near and far away"?'
    assert Agentic._page_field(fake, long_quote) is None  # a quotation's words ask for no field
    # "Which URL ...?": the asked kind is no name a chunk must hold
    assert "URL" not in Agentic._required_names(SimpleNamespace(_names_in=lambda q: ["URL", "zed"]),
                                                "Which URL is the homepage of zed?", SimpleNamespace(filters=None))


def test_rules_found_on_the_third_catalog_and_its_kin_dev():
    """Rules from catalog2's read split and the dev splits of catalog3, prose5 and tables4
    (2026-12-02, before their test splits were read), each general: names as files write them,
    markdown field lines, spellings, sizes, quantities, asked kinds."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import (
        _ASKS_WHICH, Agentic, _asked_label, _asks_address, _dimension_wanted, _file_key, _head_noun,
        _page_words, _stems, _subject_words,
    )
    # a scoped name is saved under a file name of its parts; a headline keeps its spaces
    assert _file_key("@scope/fs") == "scope-fs" and _file_key("ruamel.yaml") == "ruamel-yaml"
    assert _file_key("Harbour reopens") == "harbour reopens"
    assert {"@scope/fs", "scope", "fs"} <= _page_words("Which licence governs @scope/fs?")
    # a field line in markdown emphasis, or in front matter, is a field of the page; "licence"
    # asks for `License:`, "who wrote" for `Author:`
    page = "# zed\n\n- **License:** MIT\n- **Author:** Ada Lane\n- **Summary:** a zed editor"
    fake = SimpleNamespace(_whole_page=lambda own: own, _is_field=lambda noun: True,
                           _identifier_in=lambda q: None, _own_page_of=lambda q: [Hit("packages/zed", "c", 1.0, text=page, title="zed",
                                                        metadata={"version": "1.2.3"})])
    assert Agentic._page_field(fake, "Which licence governs zed?")[1:] == ("license", "MIT")
    assert Agentic._page_field(fake, "Who wrote zed?")[2] == "Ada Lane"
    assert Agentic._page_field(fake, "What version is zed at?")[2] == "1.2.3"
    assert _asked_label("licensed", _stems("Which licence ...")) and not _asked_label("Author", _stems("Who uses it?"))
    # a quantity with its unit is no year; "GBP 18.4 million" is one amount
    assert [(v.kind, v.text) for v in extract_values("Installed-Size: 1598 KiB")] == [("number", "1598 KiB")]
    assert [v.kind for v in extract_values("In 2019 the works opened")] == ["date"]
    assert extract_values("a budget of GBP 18.4 million")[0].key == (18.4e6,)
    # a size on disk is asked in bytes, before "after" asks for a date
    assert _dimension_wanted("Which takes more disk space after installation, A or B?") == "bytes"
    assert _dimension_wanted("Which was released after 2020, A or B?") == "date"
    # "Which versions of X ...?" asks for versions; versions of a thing elsewhere do not
    assert answer_type("Which versions of Node does zed support?") == "version"
    assert answer_type("Which library offers asynchronous versions of the module?") == "name"
    # "What is the name of the package ...?" asks which package; a homepage is an address
    q = 'What is the name of the package whose summary reads "a zed editor"?'
    assert _ASKS_WHICH.search(q) and _head_noun(q) == "package"
    assert _asks_address("Which URL is given as the homepage of zed?") and _asks_address("What is the homepage of zed?")
    # "Who maintains X?": X is what the question is about
    assert _subject_words("Who maintains zed-utils?") == ["zed-utils"]
    # a page in prose states its fields ("Its homepage is X", "The author is given as X")
    from ragtune.strategies.agentic import _PROSE_FIELD, _unstated_relation
    prose = "zed is an editor. The author is given as Ada Lane. Its homepage is https://zed.example/x ."
    assert [(m.group(1), m.group(2)) for m in _PROSE_FIELD.finditer(prose)] == [
        ("author", "Ada Lane"), ("homepage", "https://zed.example/x")]
    # a short answer to an open question needs each relation word in one chunk: "calls at" in
    # one chunk and "signed off" in another state no call sign
    q = "What is the Zephyr's call sign?"
    apart = [Hit("a", "a", 1.0, text="The Zephyr calls at Holm."), Hit("b", "b", 1.0, text="Zephyr refit signed off.")]
    assert _unstated_relation(q, "name", apart, every=True) and not _unstated_relation(q, "name", apart)
    assert not _unstated_relation(q, "name", [Hit("c", "c", 1.0, text="Zephyr: call sign MZK4.")], every=True)


def test_rules_found_on_the_catalog3_read_split_and_the_fourth_catalog_dev():
    """Rules from catalog3's and tables4's read splits and the dev splits of catalog4 (Maven
    coordinates), tables5 and prose6 (2026-12-02, before those test splits were read), each
    general: coordinates are names, version ranges whole, labels by their content words,
    answers from the model's memory or naming nothing new are no answers."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import (
        _RANGE_TEXT, Agentic, _half_asked, _made_up, _pages_named_in, _page_words, _stems,
    )
    from ragtune.strategies.list_sizes import list_conditions
    from ragtune.strategies.question import find_options, names
    from ragtune.strategies.shared_items import item_key
    # a coordinate ("group:artifact") is one name, an option whole, a page name whole
    q = "Which of org.a:alpha-core or org.b.c:beta depends on org.a:gamma?"
    assert find_options(q) == ["org.a:alpha-core", "org.b.c:beta"]
    assert names("What licence does the POM of net.x:x-parent declare?") == ["POM", "net.x:x-parent"]
    assert names("the parent POM org.a:alpha-core lists it") == ["org.a:alpha-core", "POM"]
    assert names("Who runs the Bank of England?") == ["Bank of England"]
    assert _pages_named_in("Which parent does org.a:alpha-core name?", {"org-a:alpha-core", "alpha"}) == {"org-a:alpha-core"}
    assert "org-a:alpha-core" in _page_words("Is org.a:alpha-core here?")
    # a dependency's range after its name; "lists X as a dependency" is a condition on a list
    assert item_key("minimatch ^10.2.2") == "minimatch" and item_key("libc6 (>= 2.34)") == "libc6"
    assert list_conditions("Which package lists zed as a dependency?") == [(frozenset({"depend"}), "zed")]
    import re
    for text, whole in [(">=16 || 14 >=14.17.", ">=16 || 14 >=14.17"), ("18 || 20 || >=22.", "18 || 20 || >=22"),
                        ("^7.1.2, zed ^1.0.0", "^7.1.2")]:
        assert re.match(_RANGE_TEXT, text).group(1).rstrip(".,") == whole
    # a range, a serial number, a colour asked
    assert answer_type("What node engine range does zed declare?") == "version"
    assert answer_type("What semver range does zed declare for its dependency yak?") == "version"
    assert answer_type("What's the serial number of the stretcher?") == "name"
    assert answer_type("How many serial numbers are listed?") == "number"
    assert answer_type("What colour is danger level 4?") != "number"
    # "2026/27" is one financial year, no "27"
    assert [(v.kind, v.text) for v in extract_values("the bill for 2026/27: GBP 311")] == [
        ("date", "2026/27"), ("number", "GBP 311")]
    # a code number is one token holding a digit, not a name
    from ragtune.strategies.agentic import Passage, typed_candidates
    h = Hit("r", "c", 1.0, text="The stretcher Helix 40 carries serial HW3-88412 on its frame.")
    assert [c for c, _ in typed_candidates("What is the serial number of the stretcher?", "name",
                                           [Passage(h.text, h, 1.0)], [])] == ["HW3-88412"]
    # pence are money
    assert [(v.unit, v.key) for v in extract_values("45p per mile")] == [("gbp", (0.45,))]
    assert not extract_values("1080p video")
    # a label is asked by its content words ("Licensed under"), half of them when no label is
    # asked whole ("Parent POM" for "which parent"), but not by a word naming the value's kind
    page = "# org.a:alpha\n\n- **Licensed under:** MIT\n- **Parent POM:** org.a:base:3\n- **Project URL:** https://a.example"
    fake = SimpleNamespace(_whole_page=lambda own: own, _is_field=lambda noun: True,
                           _identifier_in=lambda q: None, _own_page_of=lambda q: [Hit("packages/alpha", "c", 1.0, text=page, title="org.a:alpha")])
    assert Agentic._page_field(fake, "What licence does org.a:alpha declare?")[2] == "MIT"
    assert Agentic._page_field(fake, "Which parent does org.a:alpha inherit from?")[2] == "org.a:base:3"
    assert Agentic._page_field(fake, "Which URL does org.a:alpha give for its source repository?") is None
    assert _half_asked("Parent POM", _stems("Which parent does it inherit from?"))
    # an answer whose own words no chunk holds was written from memory
    ev = [Hit("f", "f", 1.0, text="Passengers over 65 travel at half fare on weekday sailings.")]
    assert _made_up("It depends on the context: ask the airline about baggage handling and services.",
                    "What discount do passengers over 60 get?", ev)
    assert not _made_up("Passengers over 65 travel at half fare on weekday sailings.",
                        "What discount do passengers over 60 get?", ev)


def test_reading_rules_found_on_the_read_splits():
    """Rules from the read test4 splits (2026-12-01, dev and read splits only), each general
    English or arithmetic, none about a corpus."""
    from ragtune.strategies.agentic import (
        _has_term, _has_token, _mentions_name, _name_parts, _names_one, _tokens, _wrong_dimension,
    )
    # a coordination inside a condition clause is no choice
    assert find_options("What does the parser do when it is fed broken or partial input?") == []
    assert find_options("Which is faster when compiled, numpy or scipy?") == ["numpy", "scipy"]
    # actions coordinated after a comma (a clause with its own subject, a preposition-led
    # phrase against a bare verb) are no two things to choose between
    assert find_options("Which tool renders pages, with filters you can chain or skip?") == []
    assert find_options("Is the mirror hosted in Oslo or in Bergen?") == ["Oslo", "Bergen"]
    # the asking clause before the first option is no part of it
    assert find_options("For caching in Flaskish, do I need redis-py or pymemcache?") == ["redis-py", "pymemcache"]
    # a silent e before -s ("truncates" is held by "Truncate"); a plural by its singular
    assert _has_token(_tokens("Does the pre-processing: Truncate, Pad."), "truncates")
    # a numeronym holds its word ("I18N" internationalization), not any letters around a number
    assert _has_token(_tokens("- I18N support."), "internationalization")
    assert not _has_token(_tokens("- I18N support."), "installation")
    # a page's name however its words are joined ("typing-extensions" names Typing Extensions)
    assert _mentions_name("Use `rich-text` here.", "Rich Text") and not _mentions_name("richtext", "Rich Text")
    assert _names_one("* WebSocket support.", "WebSockets") and not _names_one("* HTTP/2 support.", "WebSockets")
    # a frequency ("monthly", "every minute") is no number to look for
    assert answer_type("How often is the index rebuilt?") == "open"
    # a subordinator starts no name
    assert names("Once Widget Pro 2 support ends, what can I buy?") == ["Widget Pro 2"]
    # a version is found whole: 4.4.0 is not in a page about 4.3.0 by its digits
    assert _name_parts("ToolOS 4.4.0") == ["toolos", "4.4.0"]
    assert "4.4.0" not in _tokens("ToolOS 4.3.0 fixes 4 bugs, 0 left.")
    assert "3.10" in _tokens("needs Python >=3.10")
    # an identifier written with another separator is the same term
    assert _has_term(_tokens("deps: huggingface-hub"), "huggingface_hub")
    # a month alone states a date
    assert states_value("It should be finished in October.", "date", "When is the refit due?")
    # a measured value of the wrong kind answers no quantity
    (mins,), (days,), (blocks,) = (extract_values(x) for x in ("ten-minute", "25 days",
                                                               "three blocks"))
    assert _wrong_dimension("How many people work at the depot?", mins)
    assert not _wrong_dimension("How many holiday days do I get?", days)
    assert _wrong_dimension("How long is the leave?", blocks)
    assert not _wrong_dimension("How long is the leave?", days)
    assert _wrong_dimension("How much did the move cost?", days)
    (fee,) = extract_values("EUR 400")
    assert _wrong_dimension("How many times can I claim it?", fee)
    assert not _wrong_dimension("How much did the move cost?", fee)
    # a condition clause after the question asks no date; "a day" is a quantity
    assert answer_type("What should a parcel be packed in when it is sent back?") == "open"
    assert answer_type("By when must the form be filed?") == "date"
    assert states_value("Less than a day.", "number", "How long does the reading take?")
    # a model number follows its name; a measure asked rules out other units
    assert names_covered("Widget 3 logger: 1 year warranty.", ["Widget 1"]) == 0.0
    assert names_covered("the successor to the Widget 2.", ["Widget 2"]) == 1.0
    (leads,) = extract_values("210 leads")
    assert _wrong_dimension("What is the battery life of the probe?", leads)
    # words about the text are no term a chunk must hold ("Which release does the catalog
    # record?" is covered by a chunk that names the package)
    from ragtune.strategies.agentic import coverage
    page = [Hit("p", "c", 1.0, title="zlibx", text="zlibx 2.1.0")]
    assert coverage("Which release of zlibx does the catalog record?", page, {"release"}) == 1.0
    # "Which Python versions ...": versions of a named thing, not another thing's
    from ragtune.strategies.agentic import _version_of_another
    assert answer_type("Which Python versions does the tool support?") == "version"
    assert answer_type("Which macOS versions does the tool support?") == "version"
    assert answer_type("Which library offers asynchronous versions of the module?") == "name"
    text = "It needs Python 3.10; on Windows 10 and later."
    assert _version_of_another("Which Windows versions are supported?", text, text.index("3.10"))
    assert not _version_of_another("Which Python versions are supported?", text, text.index("3.10"))


def test_counting_rules_found_on_the_read_splits():
    """Rules from the dev and read splits (2026-12-01, before test7 was read): what is no
    quantity, and what grounds one. General English and arithmetic, none about a corpus."""
    from ragtune.strategies.agentic import _wrong_dimension
    # a list's or a section's number, a name's part: no value; a unit written on still is
    assert extract_values("## 4. Vans\nAsked for a van.") == []
    assert extract_values("Steps:\n  2) Run it") == []
    assert extract_values("The Probe 3S wins.") == []
    assert [(v.text, v.unit) for v in extract_values("5kg and 3GB, the 3rd")] == [
        ("5kg", "kg"), ("3GB", "gb"), ("3", "")]
    assert [v.text for v in extract_values("It costs 3. Then it stops.")] == ["3"]
    # a count of other things answers no "how many"; the question's own noun does
    (doors,) = extract_values("three doors")
    assert _wrong_dimension("How many people work at the depot?", doors)
    assert not _wrong_dimension("How many doors does the depot have?", doors)
    # a number that starts a name (an address) counts nothing
    text = "Reception is at 17 Corder Lane; 12 people work there."
    hit = Hit("d0", "d0::0", 1.0, text=text)
    found = agentic_mod.typed_candidates("How many people work at the depot?", "number",
                                         [Passage(text, hit, 1.0)], [])
    assert [c for c, _ in found] == ["12 people"]
    # a count of things is no price: "240 loggers", "240 Widget 3 loggers"
    (loggers,) = extract_values("240 loggers")
    assert _wrong_dimension("How much did the project cost?", loggers)
    assert not _wrong_dimension("How many loggers did the project cost?", loggers)
    text = "The board deployed 240 Widget 3 loggers; the project cost EUR 90,000."
    hit = Hit("d5", "d5::0", 1.0, text=text)
    found = agentic_mod.typed_candidates("How much did the project cost?", "number",
                                         [Passage(text, hit, 1.0)], [])
    assert [c for c, _ in found] == ["EUR 90,000"]
    # "3 years" grounds no "3 sensors"; "3 sensors" or a bare 3 does
    q = "How many sensors can the mast carry?"
    warranty = [Hit("d1", "d1::0", 1.0, text="3 years on the mast, 1 year on the sensors.")]
    assert _ungrounded("It can carry up to 3 sensors.", "number", q, warranty) == "3 sensors"
    table = [Hit("d2", "d2::0", 1.0, text="sensors: 3 | mast: steel")]
    assert _ungrounded("It can carry up to 3 sensors.", "number", q, table) == ""
    # a figure is stated whole: a clock time's hours, a decimal's digits state no count
    rota = [Hit("d6", "d6::0", 1.0, text="The show runs from 18:00 to 19:00; the mast is 1.7 m taller.")]
    assert _ungrounded("She is 19.", "number", "How old is the presenter?", rota) == "19"
    assert _ungrounded("It holds 7 bikes.", "number", "How many bikes does it hold?", rota) == "7 bikes"
    assert _ungrounded("It is 1.7 m taller.", "number", "How much taller is the mast?", rota) == ""
    # a re-read answer states a value its own passage states (as a value or the same whole figure)
    from ragtune.strategies.agentic import _reads_value
    assert _reads_value("The course now costs GBP 60.", "number", "What does it cost?", "It costs GBP 60.")
    assert not _reads_value("The answer is 19.", "number", "How old is she?", "On air 18:00 to 19:00.")
    assert _reads_value("It requires 5.005 of Perl.", "version", "Which Perl?", "Requires Perl 5.005")
    assert not _reads_value("It opened in 2019.", "number", "How many staff in 2019?", "Staff in 2019: twelve")
    # ... a count of what its passage counts, and no figure cut from an identifier
    assert not _reads_value("It has six charging bays.", "number", "How many charging bays?", "It has six repair benches.")
    assert _reads_value("It has 96 charging bays.", "number", "How many charging bays?", "96 charging bays in one room")
    assert not _reads_value("The door code is 111.", "open", "What is the door code?", "id: AS-111 zone: Z3")
    assert _reads_value("It is kept by the base leader.", "open", "Where is the PIN kept?", "the base leader keeps it")


def test_a_field_label_may_carry_a_gloss():
    """"| Weight (kg) | 12 |" is the field "Weight (kg)"; a label may hold a comma."""
    from ragtune.strategies.agentic import _FIELD_LINE
    rows = [(m.group(1), m.group(2)) for m in _FIELD_LINE.finditer("| Weight (kg) | 12 |\n| Mount point (Where=) | /srv |")]
    assert rows == [("Weight (kg)", "12"), ("Mount point (Where=)", "/srv")]
    assert _FIELD_LINE.search("| Alias, once enabled (Alias=) | lamp.crate |").groups() == \
        ("Alias, once enabled (Alias=)", "lamp.crate")


def test_an_acronym_before_the_asked_noun_names_its_standard():
    """"which IATA airport code": the documents may state the airport code without naming IATA;
    "what ABV does ..." asks the acronym's own thing."""
    from ragtune.strategies.agentic import _standard_of_asked
    assert _standard_of_asked("Which IATA airport code does the Pellmark terminal use?") == \
        ("iata", ["airport", "code"])
    assert _standard_of_asked("At Pellmark, arrivals are shown with which UTC offset?") == ("utc", ["offset"])
    assert _standard_of_asked("What ABV does Harrow Ale have?") is None
    assert _standard_of_asked("Under which licence is QZX distributed?") is None
    # a PIN is a code; compensation is a price
    from ragtune.strategies.agentic import _asks_code, _asks_price
    assert _asks_code("What's the PIN for the fuel card in the second van?")
    assert not _asks_code("What are the pins for?")
    assert _asks_price("How much compensation did the tenant get?")
    # a count is stated where what it counts is: "1" from a list mark beside the office's name
    # counts no people
    from ragtune.strategies.agentic import _value_without_relation
    q = "How many people work at the depot?"
    office = [Hit("d3", "d3::0", 1.0, text="1. Depot (main site): finance and the lab.")]
    assert _value_without_relation("Depot - 1.", "number", q, office) == "1"
    staff = [Hit("d4", "d4::0", 1.0, text="The depot has 12 people on two shifts.")]
    assert _value_without_relation("12 people.", "number", q, staff) == ""
    # a measure is stated in its own words ("across" is wide, not deep) and a verb in its
    # irregular past ("left" for leave)
    tank = [Hit("d5", "d5::0", 1.0, text="The Round Tank, 9 metres across, was relined in May.")]
    assert _value_without_relation("It is 9 metres wide.", "number", "How wide is the Round Tank?", tank) == ""
    assert _value_without_relation("It is 9 metres deep.", "number", "How deep is the Round Tank?", tank) == "9 metres"
    will = [Hit("d6", "d6::0", 1.0, text="Her aunt died in 1990 and left the club GBP 12,000.")]
    assert _value_without_relation("GBP 12,000.", "number", "How much did her aunt leave the club?", will) == ""
    # an abbreviation or a name's initial ends no sentence, and "no. 4417" states a number
    from ragtune.strategies.common import split_sentences as sentences
    assert sentences("The club is a charity (no. 4417) run by Ada B. Quell. It opened late.") == [
        "The club is a charity (no. 4417) run by Ada B. Quell.", "It opened late."]
    assert sentences("Bring tools, e.g. Pliers and tape. Dr. Ames signs it off.") == [
        "Bring tools, e.g. Pliers and tape.", "Dr. Ames signs it off."]
    from ragtune.strategies.agentic import _unstated_relation
    club = [Hit("d8", "d8::0", 1.0, text="Wellmoor Rowing Club is a registered charity (no. 4417).")]
    assert _unstated_relation("What is Wellmoor Rowing Club's charity number?", "number", club) == []
    # "How much must X weigh?" counts no noun
    from ragtune.strategies.agentic import _unqualified_count
    weigh = [Hit("d7", "d7::0", 1.0, text="Kittens go home once they weigh 900 g.")]
    assert _unqualified_count("How much must a kitten weigh before it goes home?", "900 g", weigh) == []



def test_version_owner_rules_found_on_the_read_splits():
    """Rules from the dev and read splits (2026-12-01, after test8 was read): a version belongs
    to the name written right before it; a requirement's bound is a version. General text
    layout, none about a corpus."""
    from ragtune.strategies.agentic import best_value
    assert [(v.text, v.kind) for v in extract_values("needs >=3.8, not <3.13 or ~=1.4")] == [
        ("3.8", "version"), ("3.13", "version"), ("1.4", "version")]
    assert [v.kind for v in extract_values("weighs > 2.5 kg")] == ["number"]
    # the thing's own release, or another thing's bound: three layouts of one record
    layouts = ["fooparse 2.4.1 is a library. It needs Python >=3.9 and numpy (>=1.17).",
               "fooparse 2026.6\n- py >=3.9\n- deps: numpy (>=1.17)",
               "| name | fooparse |\n| version | 2.4.1 |\n| python | >=3.9 |"]
    for text in layouts:
        hit = [Hit("d", "d::0", 1.0, text=text)]
        q_py = "Which of fooparse or barkit needs the newer minimum Python version?"
        terms = {"need", "newer", "minimum", "python", "version"}
        assert best_value(hit, "fooparse", ["fooparse", "barkit"], terms, q_py).text == "3.9"
        q_own = "Which of fooparse or barkit is at the higher version number?"
        own = best_value(hit, "fooparse", ["fooparse", "barkit"], {"higher", "version", "number"}, q_own)
        assert own.text in ("2.4.1", "2026.6") and own.kind == "version"
    # a single-hop question: "fooparse 2.4.1" is no Python version, "Python >=3.9" is
    text = layouts[0]
    hit = Hit("d", "d::0", 1.0, text=text)
    found = agentic_mod.typed_candidates("What Python version does fooparse need?", "version",
                                         [Passage(text, hit, 1.0)], ["fooparse"])
    assert [c for c, _ in found] == ["3.9"]
    # a bare "version" field is the record's own: its subject's, no other thing's
    text = "| version | 2.4.1 |\n| python | >=3.9 |"
    hit = Hit("d", "d::0", 1.0, text=text, title="Record: fooparse")
    for q, want in (("What is the pinned version of fooparse?", ["2.4.1"]),
                    ("What Python version does fooparse need?", ["3.9"])):
        found = agentic_mod.typed_candidates(q, "version", [Passage(text, hit, 1.0)], ["fooparse"])
        assert [c for c, _ in found] == want
    # a version in a section heading is the section's, whoever the heading path names
    hit = Hit("d", "d::1", 1.0, text="- Lower power use.", heading="Firmware changelog > 4.2.0 (2023-02-07)")
    found = agentic_mod.typed_candidates("Which Firmware version lowered power use?", "version",
                                         [Passage("- Lower power use.", hit, 1.0)], [])
    assert [c for c, _ in found] == ["4.2.0"]


def test_lookup_rules_found_on_the_read_splits():
    """Rules from the dev and read splits (2026-12-01, after test8 was read): which page holds
    a question's specifics, and when the question asks about one of them itself. General
    English and text layout."""
    from ragtune.strategies.agentic import _asked_about, _holds_term, _norm_version
    from ragtune.strategies.agentic import _BOUND_VERSION, _QUOTATION
    assert _norm_version(">= 3.10.0") == ">=3.10" and _norm_version("0.1.0") == "0.1"
    # a licence's version is its name's part; a bound is the version's
    text = "Apache-2.0, LGPL-3.0-only, >=3.10 and !=3.14.1,>=3.11"
    assert [m.group(0) for m in _BOUND_VERSION.finditer(text)] == [">=3.10", "!=3.14.1", ">=3.11"]
    # a quotation ("reads: ...") is the description, not the question's own words
    assert "fooparse" not in _QUOTATION.sub(" ", "Which package's summary reads: fooparse parses?")
    assert _holds_term("| python | >=3.10.0 |", ">=3.10")
    assert not _holds_term("py >=3.10", ">=3.11") and not _holds_term("py >=3.10", "<3.10")
    assert _holds_term("needs 2.4.0 now", "2.4") and _holds_term("It is at 2.4.0.", "2.4.0")
    assert _holds_term("Optional extras: rtd,\n  testing", "rtd")
    assert not _holds_term("extras: x-rtd", "rtd")
    assert _holds_term('reads: "Python  HTTP\nfor Humans"', "python http for humans")
    # the question's subject is asked about; what has it is asked for
    for q, term in (("What licence does fooparse use?", "fooparse"),
                    ("Where are fooparse's docs?", "fooparse"),
                    ("In fooparse, which call parses?", "fooparse"),
                    ("Which fooparse option turns it off?", "fooparse"),
                    ("Which customers is the planned Dunmere office to cover?", "Dunmere"),
                    ("Which company sponsors the development of fooparse?", "fooparse")):
        assert _asked_about(q, term), q
    for q, term in (("Which package under the MIT licence requires fooparse?", "fooparse"),
                    ("Which package needs both fooparse and barkit?", "fooparse"),
                    ("Which package is described as fooparse lite?", "fooparse"),
                    ("Which package offers an extra called rtd?", "rtd"),
                    # a passive reverse lookup: the page asked for holds it ("X is
                    # published under which licence?" asks a field: see _is_field)
                    ("fooparse is a dependency of which package?", "fooparse")):
        assert not _asked_about(q, term), q


def test_rules_found_on_the_test9_traces():
    """Rules from the dev and read splits (2026-12-01, after test9 was read). General English."""
    from ragtune.strategies.agentic import _subject_words, states_value
    from ragtune.strategies.question import answer_type, find_options
    # alternatives after a comma at the end are the options, whatever "or" came before
    assert find_options("Who wrote patches or docs for fooparse, Ann Lee or Bo Chan?") == ["Ann Lee", "Bo Chan"]
    assert find_options("Which came out in 2008, 0.6 or 0.11?") == ["0.6", "0.11"]
    # "count as" is a verb: no number asked
    assert answer_type("Which vectors count as similar to a query?") != "number"
    assert answer_type("What is the count of open tickets?") == "number"
    # the thing a question is about, where English marks it; no verb form, no common noun's
    # possessive (questions paraphrase those)
    assert _subject_words("What is the Python requirement of fooparse in the catalog?") == ["fooparse"]
    assert _subject_words("Which extras does fooparse offer?") == ["fooparse"]
    assert _subject_words("Should I go by train instead of flying?") == []
    assert _subject_words("What is a new starter's buddy for?") == []
    assert _subject_words("Where are Fooparse's docs?") == ["fooparse"]
    # a passive's subject ("is X distributed", after test10 was read)
    assert _subject_words("Under which licence is fooparse distributed?") == ["fooparse"]
    assert _subject_words("Under which licence is the package released?") == []
    # a dotted number after the version's owner is its version
    assert states_value("The fooparse 2026.6 entry is the latest.", "version",
                        "Which version of fooparse does the catalog list?")
    assert not states_value("It targets Python 2.", "version", "Since Python 2, which Python version?")
    # identifiers write "-" and "_" alike; a bound may be a bare major version
    from ragtune.strategies.agentic import _holds_term
    assert _holds_term("requires charset_normalizer (<4)", "charset-normalizer")
    assert _holds_term("| python | >=2 |", ">=2") and not _holds_term("py >=2.7", ">=2")
    # a version the question writes after a name is held only where that name owns it
    from ragtune.strategies.agentic import _owner_in
    owner = _owner_in("Which package has the Python requirement >=2?", ">=2")
    assert owner == "Python"
    assert _holds_term("- py >=2\n- deps: none", ">=2", owner)
    assert not _holds_term("| requires | urllib3 (>=2) |", ">=2", owner)
    # a field's label names its value: a record's "price eur: 890", not its launch year
    from ragtune.strategies.agentic import best_value
    rec = [Hit("d", "d::0", 1.0, text="name: Widget 2\nlaunch year: 2017\nprice eur: 890")]
    q = "Which has the higher list price, the Widget 2 or the Gadget 5?"
    assert best_value(rec, "Widget 2", ["Widget 2", "Gadget 5"], {"higher", "list", "price"}, q).text == "890"


def test_rules_found_after_test10_was_read():
    """Rules from the dev and read splits (2026-12-01, after test10 was read). General English."""
    from ragtune.strategies.agentic import Agentic, _unqualified_count
    leave = [Hit("policies/leave", "l::0", 1.0, title="Leave",
                 text="Full-time staff get 27 days of paid annual leave each year.")]
    # the words that narrow a counted noun must be where the count is
    assert _unqualified_count("How many days of study leave do staff get?", "27 days", leave) == ["study"]
    assert _unqualified_count("How many paid sick days do staff get per year?", "The answer is 27.", leave) == ["paid", "sick"]
    # the plain noun, the count's own unit and the noun phrase's head are not required
    assert _unqualified_count("How many days of annual leave do staff get?", "27 days", leave) == []
    assert _unqualified_count("How many days a week can I work from home?", "3 days", leave) == []
    assert _unqualified_count("How many paid holidays are there?", "27 days", leave) == []  # "paid" is there
    # a page about the Model 3 is not about the Model 2; a name's code part must be there
    from ragtune.strategies.agentic import _about_name
    assert not _about_name("The Wave Logger 3 has 16 GB of storage and a 2 year warranty.", "Wave Logger 2")
    assert _about_name("The Wave Logger 2 stores 4 GB.", "Wave Logger 2")
    assert _about_name("The Logger 2 stores 4 GB.", "Wave Logger 2")
    assert not _about_name("The Fen Probe F12 is rated to 40 C.", "Fen Probe F21")
    # "which of A or B has P": the option whose own chunks hold every word of P
    from ragtune.strategies.agentic import _holds_property
    a = Hit("offices/a", "a::0", 1.0, title="Harbury office",
            text="The Harbury office has a loading bay for the service vans and a parts store.")
    b = Hit("offices/b", "b::0", 1.0, title="Kelso office",
            text="The Kelso office has two meeting rooms; vans park on the street.")
    q = "Which office has a loading bay for the service vans, Harbury or Kelso?"
    rel = q.replace("Harbury", " ").replace("Kelso", " ")
    assert _holds_property(rel, q, ["Harbury", "Kelso"], [{"support": [a]}, {"support": [b]}]) == "Harbury"
    both = Hit("offices/b", "b::1", 1.0, title="Kelso office",
               text="The Kelso office also has a loading bay where service vans unload.")
    assert _holds_property(rel, q, ["Harbury", "Kelso"], [{"support": [a]}, {"support": [b, both]}]) is None
    assert _holds_property(rel, q, ["Harbury", "Kelso"], [{"support": [a]}, {"support": []}]) is None
    # ... or the one option the chunks about P name, never the other
    from ragtune.strategies.agentic import _named_by_property
    notes = Hit("meetings/m", "m::0", 1.0, title="Leadership meeting",
                text="Leadership meeting, May. Present: Ann Lee, Bo Chan. Attended by the board.")
    q = "Who attended the May leadership meeting, Bo Chan or Cy Dee?"
    rel = q.replace("Bo Chan", " ").replace("Cy Dee", " ")
    assert _named_by_property(rel, q, ["Bo Chan", "Cy Dee"], [notes]) == "Bo Chan"
    q2 = "Who attended the May leadership meeting, Bo Chan or Ann Lee?"
    rel2 = q2.replace("Bo Chan", " ").replace("Ann Lee", " ")
    assert _named_by_property(rel2, q2, ["Bo Chan", "Ann Lee"], [notes]) is None
    # ... or the one option a sentence writes with the property's number
    from ragtune.strategies.agentic import _states_with_property
    log = Hit("readmes/foo", "f::3", 1.0, title="foo",
              text="* Version 1.4 released on 3 May 2012\n* Version 1.2 released on 9 June 2011")
    q = "Which foo release came out in 2011, 1.2 or 1.4?"
    rel = q.replace("1.2", " ").replace("1.4", " ")
    assert _states_with_property(rel, q, ["1.2", "1.4"], [log]) == "1.2"
    assert _states_with_property(rel.replace("2011", "2015"), q, ["1.2", "1.4"], [log]) is None
    # options: "the X one" is X; "in A or in B" are places; one word against one word
    from ragtune.strategies.question import find_options
    assert find_options("Which report names the risk, the spring 2021 one or the May 2022 one?") == ["spring 2021", "May 2022"]
    assert find_options("Two staff cover the coast. Are they based in Harbury or in Kelso Bay?") == ["Harbury", "Kelso Bay"]
    assert find_options("Does the on-call rota rotate weekly or monthly?") == ["weekly", "monthly"]
    assert find_options("Where should you go for help with setup or for bug reports?") == []
    assert find_options("Whose README has a FAQ, fooparse's or barkits'?") == ["fooparse", "barkits"]
    # "is at version V": the version is what the thing has, not what the question is about
    from ragtune.strategies.agentic import _asked_about
    assert not _asked_about("Which package under the MIT licence is at version 2.1.0?", "2.1.0")
    assert _asked_about("What licence does fooparse use?", "fooparse")
    # "which package lists exactly N extras": the one page whose own list has N items
    from types import SimpleNamespace
    pages = {"p/foo": ("foo", "foo 1.0\n- extras: a, b, c"), "p/bar": ("bar", "bar 2.0\n- extras: a, b"),
             "p/baz": ("baz", "baz 3.0\n- extras: x, y")}
    fake = SimpleNamespace(
        documents=lambda collection=None: [SimpleNamespace(doc_id=k, title=t) for k, (t, _) in pages.items()],
        chunks_of=lambda doc_id, collection=None: [SimpleNamespace(text=pages[doc_id][1])])
    agent2 = object.__new__(Agentic)
    agent2.index, agent2.collection = fake, None
    assert agent2._page_with_count("Which package lists exactly 3 optional extras?")[0] == "foo"
    assert agent2._page_with_count("Which package lists exactly 2 optional extras?") is None  # two do
    assert agent2._page_with_count("Which package lists 5 optional extras?") is None
    # a version written after a short form of the asked owner is the owner's
    from ragtune.strategies.agentic import _labelled_by_owner
    assert _labelled_by_owner("3.11", "Python", ["fooparse 0.29.2\n- py >=3.11\n- deps: click"])
    assert not _labelled_by_owner("0.29.2", "Python", ["fooparse 0.29.2\n- py >=3.11"])
    # "which library ...?" over a corpus of library pages asks for a page's name; a field the
    # pages state ("licence: MIT") is no such thing
    readmes = object.__new__(Agentic)
    readmes._doc_sample = [f"lib{i} is a small library.\nlicence: MIT" for i in range(12)]
    assert readmes._asks_for_a_page("Which library says it is fully typed?")
    assert not readmes._asks_for_a_page("What licence does lib3 carry?")
    assert not readmes._asks_for_a_page("Which city hosts the sprint?")
    # a catalog of things, one page each titled by its file's name: the pages' names
    cat = object.__new__(Agentic)
    cat.collection = None
    cat.index = SimpleNamespace(documents=lambda collection=None: [
        SimpleNamespace(doc_id=f"packages/pkg_{i}", title=f"pkg-{i}") for i in range(25)])
    assert "pkg-3" in cat._page_names()
    notes = object.__new__(Agentic)
    notes.collection = None
    notes.index = SimpleNamespace(documents=lambda collection=None: [
        SimpleNamespace(doc_id=f"notes/n{i}", title=f"Meeting {i}") for i in range(25)])
    assert notes._page_names() == set()
    # "days a week": not a figure a passage writes per year
    from ragtune.strategies.agentic import _at_the_asked_rate
    texts = ["Staff can work remotely for up to 3 days per week.",
             "You may work abroad for up to 20 working days per calendar year."]
    found = [("3 days", 1.0), ("20 working days", 0.6)]
    assert _at_the_asked_rate("How many days a week can I work from home?", found, texts) == [("3 days", 1.0)]
    assert _at_the_asked_rate("How many days can I work abroad?", found, texts) is None
    # every figure written at another rate than the asked one: no candidate (rag's answer stands)
    assert _at_the_asked_rate("How much is a year's parking permit?", [("GBP 8", 0.8)],
                              ["Parking needs a permit at GBP 8 a day."]) == []
    # found on the test11 traces after the reading: "whose e-mail address" asks for a person;
    # "which years" asks for dates; a domain is held by a longer address; a title of common
    # words written in lower case is a phrase, not a name; an address states its kind
    from ragtune.strategies.agentic import _asks_address, _has_token, _tokens, _unstated_relation
    from ragtune.strategies.question import answer_type
    assert not _asks_address("Whose uni.de e-mail address is in the list?")
    assert not _asks_address("Which contributor has an email address at uni.ca?")
    assert _asks_address("What email address does the README give for Ann Lee?")
    assert answer_type("During which years did Ann Lee maintain fooparse?") == "date"
    assert answer_type("What years of experience do users have?") != "date"
    assert _has_token(_tokens("* Ann Lee <alee@cs.uni.ca>"), "uni.ca")
    phrase = object.__new__(Agentic)
    phrase._dictionary = frozenset({"quick", "start", "the", "in"})
    phrase._title_names = {"quick start": "Quick start", "fooparse": "fooparse"}
    assert phrase._names_in("What does the response in fooparse's quick start show?") == ["fooparse"]
    mail = [Hit("r", "r::0", 1.0, title="barlib", text="* Ann Lee <alee@uni.de>")]
    assert _unstated_relation("Which barlib contributor has an email address at uni.de?", "name", mail) == []
    # "how many packages require X": the pages of a catalog whose own list holds X
    docs = {f"packages/p{i}": (f"p{i}", f"p{i} 1.0\n- deps: {'p23, ' if i % 3 == 0 else ''}click")
            for i in range(24)}
    listing = object.__new__(Agentic)
    listing.collection = None
    listing.index = SimpleNamespace(
        documents=lambda collection=None: [SimpleNamespace(doc_id=k, title=t) for k, (t, _) in docs.items()],
        chunks_of=lambda doc_id, collection=None: [SimpleNamespace(text=docs[doc_id][1])])
    assert listing._pages_listing("How many packages in the catalog require p23?") == (8, "p23")
    assert listing._pages_listing("How many packages in the catalog require p22?") is None
    # ... while "How many packages does X require?" counts X's own list
    from ragtune.strategies.agentic import _counts_holders
    pages = {"p22", "p23", "fooparse"}
    assert _counts_holders("How many packages in the catalog require p23?", pages)
    assert _counts_holders("How many catalog packages list fooparse among their requirements?", pages)
    assert not _counts_holders("How many packages does p23 require?", pages)
    assert not _counts_holders("What is the number of packages p23 depends on?", pages)
    # "which of A or B has no extras?": the option whose own list is empty; a derived word
    # ("instantiate") names no thing
    from ragtune.strategies.agentic import _the_empty_list, _name_like_word
    own = [[("foo", "foo 1.0\n- extras: none")], [("bar", "bar 2.0\n- extras: docs, test")]]
    assert _the_empty_list("optional extras", ["foo", "bar"], own) == "foo"
    assert _the_empty_list("optional extras", ["foo", "bar"], [own[1], own[1]]) is None
    assert not _name_like_word("instantiate") and _name_like_word("httpcore")
    # a year range is two years
    from ragtune.strategies.values import extract_values
    assert [v.key for v in extract_values("It was kept up 2014-2016.")] == [(2014, 0, 0), (2016, 0, 0)]
    assert all(v.kind != "date" for v in extract_values("part 8601-2019 and code 2019-2014"))
    assert all(v.kind != "date" for v in extract_values("It takes 1500-2000 words."))  # a quantity's range
    # a trailing "one" goes only after "the"; a rate is read in its own sentence, whole numbers only
    assert find_options("Should I pick version two or version one?")[1] == "version one"
    assert find_options("Is it the old version or new?") != ["version", "new"]
    assert _at_the_asked_rate("How many days a week can I work from home?", [("3 days", 1.0)],
                              ["Up to 13 days per year abroad. Up to 3 days. Staff: 2 days a week."]) is None
    # "after 2008" is a bound, not the year a sentence writes
    q_after = "Which foo release came out after 2011, 1.2 or 1.4?"
    rel_after = q_after.replace("1.2", " ").replace("1.4", " ")
    assert _states_with_property(rel_after, q_after, ["1.2", "1.4"], [log]) is None
    # the corpus's subject word beside a version, or beside the question's own name, is no answer
    agent = object.__new__(Agentic)
    agent._doc_sample = [f"fooparse{i} is a Python library." for i in range(10)]
    assert agent._subject_form("Python 3.10", "Through which framework does barlib reach macOS?")
    assert agent._subject_form("python-barlib", "Where is barlib's documentation hosted?")
    assert not agent._subject_form("barlib-extra", "Which plugin does barlib name?")
    assert not agent._subject_form("Security framework", "Through which framework does barlib reach macOS?")


def test_grounding_rules_found_on_the_read_splits():
    """Rules from the dev and read splits (2026-12-01, before test7 was read): links, scripts,
    versions written with their kind's word."""
    from ragtune.strategies.agentic import (_ASKS_ADDRESS, _is_value, _tokens, _version_of_another,
                                            _without_address, names_covered)
    # a made-up link beside an answer goes, its text stays; a stated one stays whole
    ev = [Hit("d", "d::0", 1.0, text="On Unix it uses fcntl; see https://example.org/lock.")]
    assert _without_address("It uses [fcntl](https://docs.python.org/fcntl.html) on Unix.", "q?",
                            ev) == "It uses fcntl on Unix."
    stated = "See https://example.org/lock."
    assert _without_address(stated, "q?", ev) == stated
    assert _ASKS_ADDRESS.search("What is the email address of the helpdesk?")
    assert not _ASKS_ADDRESS.search("Which street address does the office have?")
    # words of any script are words
    assert names_covered("idna.encode('ドメイン.テスト')", ["ドメイン.テスト"]) == 1.0
    assert "ドメイン" in _tokens("ドメイン.テスト")
    # a condition asked is a clause, not a date or a name
    assert answer_type("When does the tool depend on tomli?") == "open"
    assert answer_type("Under which condition does the tool require colorama?") == "open"
    assert answer_type("When does the office open?") == "date"
    # "one year" is a duration; "one of them" no value
    assert [v.text for v in extract_values("one year after, one of them")] == ["one year"]
    # a word derived from a dictionary word names nothing
    from ragtune.strategies.agentic import _name_like_word
    assert _name_like_word("httpcore") and not _name_like_word("recalibration")
    assert not _name_like_word("cheekily") and not _name_like_word("rotated")
    # an irregular verb form states its verb: "made" says who makes it
    from ragtune.strategies.agentic import _unstated_relation
    made = [Hit("d6", "d6::0", 1.0, text="The Probe 4 is made by Orrin Works.", title="Probe 4")]
    assert _unstated_relation("Which company makes the Probe 4?", "name", made) == []
    assert _unstated_relation("Who repairs the Probe 4?", "name", made) == ["repair"]
    # needing is one relation however it is written; "part of" asks none of its own
    page = [Hit("d7", "d7::0", 1.0, text="requires_python: >=3.8", title="zlibx")]
    assert _unstated_relation("What Python version does zlibx need?", "version", page) == []
    team = [Hit("d8", "d8::0", 1.0, text="Ada Quell is in the field services team.",
                title="Staff")]
    assert _unstated_relation("Which team is Ada Quell part of?", "name", team) == []
    # a name most documents hold is the corpus's subject ("Python" in a package catalog)
    from ragtune.strategies.agentic import named_by_most
    pages = [f"pkg{i} is a Python package." for i in range(12)]
    assert named_by_most(pages, "Python") and not named_by_most(pages, "pkg3")
    assert not named_by_most(pages[:5], "Python")  # too few documents to tell
    # a time at the end of a sentence is a time
    assert [(v.text, v.kind) for v in extract_values("Coffee from 09:00.")] == [("09:00", "time")]
    # a post-release or dev release is one version
    assert [(v.text, v.kind) for v in extract_values("certifi 2026.10.19.post1")] == [
        ("2026.10.19.post1", "version")]
    # "Version 0.5" is a version, not a name; "Which version" names no thing
    assert _is_value("Version 0.5") and not _is_value("Model 3")
    text = "Pygments 2.21.0 is listed."
    assert not _version_of_another("Which version of Pygments is listed?", text, text.index("2"))
    text = "In 2023 the Python 3.13 release added it."
    assert _version_of_another("In which Widget version did it arrive?", text, text.index("3.13"))


def test_prepare_keeps_the_default_threshold_unless_dev_clearly_prefers_another():
    """A dev split that cannot tell thresholds apart (one question, or none) keeps the default;
    one that gains 2 questions and 3% moves (the rule from the read splits, 2026-12-01)."""
    from types import SimpleNamespace

    from ragtune.eval.qa import QAItem
    from ragtune.strategies.agentic import Agentic
    from ragtune.strategies.common import PromptProgram

    def prepared(rows):  # rows: (answerable, support, right when answered)
        agent = object.__new__(Agentic)
        agent.program = PromptProgram()
        dev = [QAItem(id=str(i), question="q?", answers=["yes"] if a else [])
               for i, (a, _, _) in enumerate(rows)]
        runs = [SimpleNamespace(abstained=False, support_score=s, text="yes" if ok else "no")
                for _, s, ok in rows]
        agent._runs = lambda questions, filters, budget: runs
        agent.prepare(None, [], dev)
        return agent.threshold

    solid = [(True, 0.9, True)] * 40
    # one unanswerable more caught at 0.6 than at 0.5: no reason to move
    assert prepared(solid + [(False, 0.55, False), (False, 0.3, False)]) == 0.5
    # nothing tells 0.0 from 0.5 apart: the default, not the lowest
    assert prepared(solid + [(True, 0.2, False)] * 2) == 0.5
    # three unanswerables more caught at 0.6, nothing lost: move
    assert prepared(solid + [(False, 0.55, False)] * 3) == 0.6


def test_question_parsing_is_generic_english():
    assert find_options("Which is older, the Tavi bridge or the Orlen tower?") == ["Tavi bridge", "Orlen tower"]
    assert find_options("numpy or pandas: which needs more dependencies?") == ["numpy", "pandas"]
    assert find_options("Which of httpx and requests supports HTTP/2?") == ["httpx", "requests"]
    assert find_options("Between Alpha Corp and Beta Ltd, who was first?") == ["Alpha Corp", "Beta Ltd"]
    assert find_options("What does the choice between fine-tuning and RAG depend on?") == []
    assert route("Who maintains the library that replaced distutils?")[0] == "multi_hop"
    assert route("Who is the current maintainer of black?")[0] == "temporal"
    assert route("Where is Lund?")[0] == "factoid"
    assert route("What are the drawbacks of fine-tuning?")[0] == "open"
    assert route("Why does the cache miss?")[0] == "open"
    assert answer_type("When did the museum open?") == "date"
    assert answer_type("Which version of urllib3 is pinned?") == "version"
    assert answer_type("How many dependencies does httpx have?") == "number"
    assert answer_type("Who leads the Lisbon office?") == "name"
    d = nested_description("In which city is the library that replaced distutils maintained?")
    assert d.span == "the library that replaced distutils"
    assert d.replace("In which city is the library that replaced distutils maintained?", "setuptools") == \
        "In which city is setuptools maintained?"


def test_names_include_lowercase_code_style_versions_dates_and_quotes():
    found = names('Does yeager.ai use snake_case_names, the iPhone, TideX 5.0.0 or "Quick Start" since 30 June 2024?')
    for span in ("yeager.ai", "snake_case_names", "iPhone", "TideX 5.0.0", "Quick Start", "30 June 2024"):
        assert span in found, (span, found)
    # a capitalised word that only starts a sentence is not a name
    assert names("Despite its advantages, it fails. Companies such as Qdrant help.",
                 capitalised_words("Companies such as Qdrant help.")) == ["Qdrant"]


def test_unknown_words_are_the_ones_no_dictionary_holds():
    vocab = {"which", "package", "depend", "on", "state", "art", "logger", "core", "version", "change"}
    assert unknown_words("Which packages does lightgbm depend on?", vocab) == ["lightgbm"]
    # stems, hyphenated words of dictionary parts, numbers, versions and function words are known
    assert unknown_words("Which loggers depend on state-of-the-art version 2.4.1 of it?", vocab) == []
    assert unknown_words("Which version of pydantic-core and h11?", vocab) == ["pydantic-core", "h11"]
    # versions, ordinals and quantities are values, not names
    assert unknown_words("What changed in v1.2.3, 3.11rc1 and 2.0.0b1 on the 3rd with 64GB?", vocab) == []
    # dictionary words joined by "_" are an identifier, not words
    assert unknown_words("Which package has the state_core?", vocab) == ["state_core"]


def test_a_capitalised_word_titles_a_name_where_the_page_writes_it_so():
    """A one-word title is a name when its page writes it capitalised inside a sentence or as
    a field's value, never in lower case; a bracketed lower-case qualifier keeps a name one."""
    nl = agentic_mod._name_like_title
    assert not nl("Changelog") and not nl("Changelog", "# Changelog\n## 1.2.0\nFixed the changelog.")
    assert nl("Quenmark", "- Description: Quenmark\n- Code: qm")
    assert nl("Quenmark", "This page describes the Quenmark layout.")
    assert not nl("Quenmark", "Quenmark. It is one.")  # only a sentence's first word
    assert nl("Quenmark (phonetic)", "It is the Quenmark (phonetic) layout.")
    assert nl("Swahili (Kenya)") and not nl("Leave policy")


def test_typed_values_compare_as_what_they_are():
    def one(text):
        (v,) = extract_values(text)
        return v
    assert one("version 1.20.0").key > one("version 1.3.0").key
    assert one("lasts 2 years").key > one("lasts 20 months").key
    assert one("on 31 March 2024").key < one("on 2024-06-30").key
    assert one("costs EUR 400").unit == "eur" and one("11% of staff").unit == "%"
    assert not one("it weighs 2.1 kg").comparable(one("it costs EUR 5"))
    # numbers inside a name are not values of it
    text = "The Model 3 runs for 14 months."
    assert [v.text for v in extract_values(text, [(4, 11)])] == ["14 months"]


def test_month_filters_end_on_real_dates():
    """Regression: "November 2023" made the bound 2023-11-31, which the filter parser refuses."""
    from ragtune.strategies.agentic import month_end

    assert [month_end(2023, 11), month_end(2024, 2), month_end(2023, 2), month_end(2023, 12)] == [
        "2023-11-30", "2024-02-29", "2023-02-28", "2023-12-31"]


def test_whole_answers_end_at_a_sentence_boundary():
    cut = "The drawbacks are higher operational costs and the need for labelled data [1]. It also"
    assert clean_answer(cut, cut=True) == "The drawbacks are higher operational costs and the need for labelled data."
    assert clean_answer("14 months [1]") == "14 months."
    assert clean_answer("Sure!\nIt costs EUR 3.5 per unit. Dr. Who", cut=True) == "It costs EUR 3.5 per unit."
    assert clean_answer("no sentence end at all", cut=True) == "no sentence end at all\u2026"
    assert whole_sentences("It has 1. a list and e.g. more", cut=True) == "It has 1. a list and e.g. more"


def test_a_line_ending_with_a_colon_keeps_what_it_introduces():
    """Regression (dev traces, beam search): "A bug report must include:" + a numbered list was
    answered "A bug report must include." - the content dropped with the lines after the first."""
    listed = "A bug report must include:\n\n1. A minimal example\n2. A minimal example\n3. The version"
    assert clean_answer(listed) == "A bug report must include: A minimal example; The version."
    code = "Install it with:\n\n```bash\npip install quillpad[http2]\n```\n\nThis adds HTTP/2."
    assert clean_answer(code) == "Install it with: `pip install quillpad[http2]`"
    # the budget cut the last item: it is not read; nothing introduced: the line as before
    assert clean_answer("It needs:\n- anyio\n- cert", cut=True) == "It needs: anyio."
    assert clean_answer("It is:") == "It is."
    assert clean_answer("The answer is: \nPython 3.8+") == "The answer is: Python 3.8+"


@given(st.text(max_size=200), st.booleans())
def test_a_cleaned_answer_is_one_line(text, cut):
    assert "\n" not in clean_answer(text, cut=cut)


def _passages(texts):
    from ragtune.types import Hit

    return [Passage(t, Hit(f"doc{i}", f"doc{i}::0", 1.0 - i / 10, text=t), 1.0 - i / 10)
            for i, t in enumerate(texts)]


def test_citations_match_the_answers_own_terms():
    """Without [n] markers the answer cites the passage holding its value, not the one that only
    repeats the question's subject."""
    ps = _passages(["cloudpickle 3.1.3", "cloudpickle: - licence: BSD-3-Clause"])
    q = "What licence does cloudpickle use?"
    assert attribute("Cloudpickle uses the BSD-3-Clause license.", ps, q) == [ps[1]]
    assert attribute("It is licensed under GPL-2.0.", ps, q) == []  # no passage states it
    assert [c.doc_id for c in make_citations("BSD-3-Clause [1]", "BSD-3-Clause.", ps, q)] == ["doc0"]
    assert [c.doc_id for c in make_citations("BSD-3-Clause", "BSD-3-Clause.", ps, q)] == ["doc1"]
    # what the model read counts: a sentence shown under its document's name
    named = _passages(["It supports HTTP/2.", "It has no dependencies."])
    named[1].label = "httpx"
    assert attribute("httpx.", named, "Which client has no dependencies?") == [named[1]]
    # any script; the better-ranked passage on a tie
    greek = _passages(["Η Αθήνα είναι η πρωτεύουσα.", "Η Αθήνα είναι η πρωτεύουσα."])
    assert attribute("Αθήνα", greek, "Ποια είναι η πρωτεύουσα;") == [greek[0]]


def test_a_typed_answer_satisfies_the_words_naming_its_type():
    """"Which version of X is listed?" answered by a version the evidence states: the word
    "version" need not be in the evidence too; a quantity noun stays a relation word."""
    from ragtune.strategies.question import type_words
    from ragtune.types import Hit

    q = "Which version of quillpad is listed?"
    assert type_words(q, "version") == {"version"}
    # only the type noun, not the other words of a long wh-phrase
    assert type_words("What was the last Python 2-compatible version of quillpad?", "version") == {"version"}
    assert type_words("In what year did the ferry start?", "date") == {"year"}
    assert type_words("What is the price of a ticket?", "number") == set()
    ev = [Hit("d", "d::0", 1.0, text="quillpad 4.2.1")]
    assert agentic_mod.coverage(q, ev, type_words(q, "version")) > agentic_mod.coverage(q, ev)


def test_current_values_skip_the_old_side_of_a_change():
    """For a question about now, "raised from 2 to 3 days" offers 3 days, not 2; a plain range
    ("from 9 to 17") is not a change and keeps both ends."""
    q = "How many volunteering days do staff get now?"
    ps = _passages(["The board agreed to raise volunteering leave from 2 to 3 days per year."])
    now = [c for c, _ in agentic_mod.typed_candidates(q, "number", ps, [], current=True)]
    assert "3 days" in now and "2" not in now
    # words that merely start like a change verb ("movie", "government") are not one
    assert not agentic_mod._CHANGED_FROM.search("The movie runs from ")
    assert not agentic_mod._CHANGED_FROM.search("Government offices are open from ")
    assert agentic_mod._CHANGED_FROM.search("The fee went up from ")
    ps = _passages(["The desk is staffed from 9 to 17 hours on weekdays."])
    both = [c for c, _ in agentic_mod.typed_candidates("How many hours is the desk staffed now?",
                                                        "number", ps, [], current=True)]
    assert any(c.startswith("9") for c in both)


def test_values_written_short_and_version_series():
    vals = extract_values("It has 12k stars, 4K forks and 250M installs a year.")
    assert [(v.text, v.key) for v in vals] == [("12k stars", (12e3,)), ("4K forks", (4e3,)), ("250M installs", (2.5e8,))]
    # a lower-case m is metres, not millions; "4B" is a name's part (no magnitude, no value)
    assert [(v.text, v.unit, v.key) for v in extract_values("a 5m cable in room 4B")] == [
        ("5m", "m", (5.0,))]
    assert [(v.text, v.kind) for v in extract_values("Support ended with the 2.4.x series.")] == [("2.4.x", "version")]
    # reference markers are not values
    assert [v.text for v in extract_values("Support is sold as a [subscription][1] [^2] for 40 EUR.")] == ["40 EUR"]


def test_name_candidates_are_names_not_links_or_the_questions_own():
    """A link target is not part of a name, a URL or address is no name, and a dotted member
    of the question's name (`quill.ParseError` for `quill`) is a different thing."""
    q = "Which error does quill raise on bad input?"
    ps = _passages(["On bad input quill raises ``quill.ParseError``; see `docs <https://quill.example/docs>`_ "
                    "or github.com/quill-dev and write to Ann Lee <ann@quill.example>."])
    found = [c for c, _ in agentic_mod.typed_candidates(q, "name", ps, ["quill"])]
    assert "quill.ParseError" in found
    assert not any("/" in c or "@" in c or "<" in c for c in found)
    ps = _passages(["It speaks TCP/IP to the logger."])
    assert "TCP/IP" in [c for c, _ in agentic_mod.typed_candidates("Which protocol does it speak?", "name", ps, [])]


def test_reverse_lookup_offers_the_documents_own_name():
    """"Which package is described as ..." : the passage states the description, its
    document's title names the thing; a headline title is not a name."""
    from ragtune.types import Hit

    q = 'Which package is described as "a tiny parser for quill files"?'
    text = "| summary | a tiny parser for quill files |"
    titles = {"quill-pad": "quill-pad", "draxby picks a parser": "Draxby picks a parser"}
    hit = Hit("d0", "d0::0", 1.0, text=text, title="Package record: quill-pad")
    found = [c for c, _ in agentic_mod.typed_candidates(q, "name", [Passage(text, hit, 1.0)], [], titles=titles)]
    assert found == ["quill-pad"]
    hit = Hit("d1", "d1::0", 1.0, text=text, title="Draxby picks a parser")
    assert agentic_mod.typed_candidates(q, "name", [Passage(text, hit, 1.0)], [], titles=titles) == []


def test_a_record_holding_every_constraint_offers_its_own_name():
    """"Which package under the Zeta licence requires quillcore?": the record that holds the
    licence and the requirement is the answer, named by its title; a record missing one of
    them (or a headline-titled page) offers nothing."""
    from ragtune.types import Hit

    q = "Which package under the Zeta licence requires quillcore?"
    titles = {"quill-pad": "quill-pad", "inkwell": "inkwell"}
    text = "licence: Zeta\ndeps: quillcore"
    hit = Hit("d0", "d0::0", 1.0, text=text, title="Package record: quill-pad")
    found = [c for c, _ in agentic_mod.typed_candidates(q, "name", [Passage(text, hit, 1.0)], ["zeta"], titles=titles,
                                                        constraints=["Zeta", "quillcore"])]
    assert found[0] == "quill-pad"
    other = "licence: Zeta\ndeps: none"
    hit = Hit("d1", "d1::0", 1.0, text=other, title="Package record: inkwell")
    assert "inkwell" not in [c for c, _ in agentic_mod.typed_candidates(
        q, "name", [Passage(other, hit, 1.0)], ["zeta"], titles=titles, constraints=["Zeta", "quillcore"])]
    # one constraint (the question's subject) is not enough: every record naming it would offer itself
    one = "Which package is the successor of quillcore?"
    assert "quill-pad" not in [c for c, _ in agentic_mod.typed_candidates(
        one, "name", [Passage(text, Hit("d0", "d0::0", 1.0, text=text, title="Package record: quill-pad"), 1.0)],
        ["quillcore"], titles=titles, constraints=["quillcore"])]


def test_version_questions_need_version_as_their_head():
    assert answer_type("What was the last Python 2-compatible version of quillpad?") == "version"
    assert answer_type("Which office does the Quillpad release manager work from?") != "version"


def test_values_in_headings_names_and_hyphenated_words():
    """A changelog's version heads the passage that states the fix; a number inside a product
    name is not a value, a version beside a name is; "carried-over" holds "carried"."""
    from ragtune.types import Hit

    q = "Which Quillpad release fixed the cursor drift bug QP-17?"
    text = "Fix: the cursor could drift by a line (QP-17)."
    hit = Hit("d", "d::0", 1.0, text=text, title="Quillpad changelog", heading="4.3.2 (2023-10-02)")
    found = dict(agentic_mod.typed_candidates(q, "version", [Passage(text, hit, 1.0)], []))
    assert found.get("4.3.2", 0) > 0
    ps = _passages(["The Kestrel 3 has 12 ports and needs Python 3.8 or later."])
    assert [c for c, _ in agentic_mod.typed_candidates("How many ports does it have?", "number", ps, [])] == ["12 ports"]
    assert [c for c, _ in agentic_mod.typed_candidates("Which Python version does it need?", "version", ps, [])] == ["3.8"]
    ps = _passages(["Carried-over days must be used by 31 March."])
    assert dict(agentic_mod.typed_candidates("By when must carried days be used?", "date", ps, []))["31 March"] > 0


def test_comparison_values_follow_pronouns_and_the_asked_dimension():
    """"It is rated to 50 m" belongs to the thing the sentence before was about; for "deeper"
    a depth is taken over a year stated elsewhere; an id's digits ("P-104") are not a value."""
    from ragtune.types import Hit

    chunks = [Hit("a", "a::0", 1.0, text="id: P-104 name: Kestrel Probe K12 launch year: 2020"),
              Hit("b", "b::0", 0.9, text="The K21 is rated to 120 m depth. The K12 measures pH. "
                                         "It is rated to 50 m depth.")]
    v = agentic_mod.best_value(chunks, "K12", ["K12", "K21"], {"rate", "deeper", "water"},
                               "Which probe is rated for deeper water, the K12 or the K21?")
    assert v is not None and v.text == "50 m"


def test_a_passage_about_a_longer_name_is_about_another_thing():
    assert agentic_mod._about_longer_name("Kestrel 3S data logger: battery 22 months", ["Kestrel 3"])
    assert not agentic_mod._about_longer_name("Kestrel 3 data logger, unlike the Kestrel 3S", ["Kestrel 3"])
    assert not agentic_mod._about_longer_name("Kestrel 3: battery 14 months", ["Kestrel 3"])
    assert not agentic_mod._about_longer_name("Good defaults", ["Go"])  # a word, not a longer name
    assert agentic_mod._about_longer_name("fooparse2 is faster", ["fooparse"])


def test_titles_after_a_label_are_names_and_file_names_are_not():
    class FakeIndex:
        def metadata_values(self, field, collection=None):
            return {"Package record: quill-pad", "fooparse: a parser for foo", "2024-05-21-board-notes",
                    "vennel-case-study", "Leave policy", "Changelog", "Harbour reopens after storm",
                    "A title that is far too long to be the name of one thing at all"}

    a = agentic_mod.Agentic.__new__(agentic_mod.Agentic)
    a.index, a.collection = FakeIndex(), None
    # a file name's slug is not a name: chunks carry their title, so it would read as one
    assert set(a._titles().values()) == {"quill-pad", "fooparse", "Leave policy", "Changelog",
                                         "Harbour reopens after storm"}
    # names among them: identifier-like tokens, not labels, headlines or plain words
    assert sorted(t for t in a._titles().values() if agentic_mod._name_like_title(t)) == ["fooparse", "quill-pad"]


def test_a_name_in_rags_answer_is_grounded_word_for_word_in_one_chunk():
    from ragtune.types import Hit

    chunks = [Hit("a", "a::0", 1.0, text="| name | quillpad |\n| licence | MIT |"),
              Hit("b", "b::0", 0.9, text="The Kestrel 3 logs every 15 minutes.")]
    q = "Which package is described as a pad?"
    assert agentic_mod._ungrounded('It is "quillpad: | name quillpad".', "name", q, chunks) == ""
    assert agentic_mod._ungrounded("It is Kestrel 5.", "name", q, chunks) == "Kestrel 5"
    # words spread over two chunks do not ground a name, nor the words of another name in one
    assert agentic_mod._ungrounded("It is Kestrel Quillpad.", "name", q, chunks) == "Kestrel Quillpad"
    assert agentic_mod._ungrounded("It is Kestrel 5.", "name", q,
                                   [Hit("c", "c::0", 1.0, text="The Kestrel 3 logs every 5 minutes.")]) == "Kestrel 5"


def test_an_answer_to_a_typed_question_must_state_a_value_of_that_type():
    q = "How many people work at the Quillmere office?"
    assert not agentic_mod.states_value("The Quillmere office opened in 2019.", "number", q)
    assert not agentic_mod.states_value("Yes, it can handle a lot of them.", "number", q)
    assert agentic_mod.states_value("About 40 people work there.", "number", q)
    v = "Which version of quillpad fixed the bug from 2.1.0?"
    assert not agentic_mod.states_value("It was fixed after 2.1.0.", "version", v)  # the question's own
    assert agentic_mod.states_value("Version 2.1.3 fixed it.", "version", v)


def test_a_looping_answer_is_no_answer():
    assert agentic_mod.loops('The password is "M-W-W-W-W-W-W-W-W-W".')
    assert agentic_mod.loops("hahahahahahahaha")
    for text in ("| a | b |\n|---|---|", "10000000 users", "It was fixed in 2.1.0.", "......", "Zoë"):
        assert not agentic_mod.loops(text)


@given(st.text(max_size=40), st.integers(1, 5))
def test_a_loop_is_found_wherever_it_sits(text, n):
    unit = ("ab" * 3)[:n]
    assert agentic_mod.loops(text + unit * 6 + text)


def test_the_dictionary_is_the_tokenizers_whole_words():
    class Tok:
        def __init__(self, vocab):
            self.vocab = vocab

        def get_vocab(self):
            return {w: i for i, w in enumerate(self.vocab)}

    class Embedder:  # WordPiece: "##" marks a word's inner pieces
        tokenizer = Tok(["[CLS]", "package", "##gbm", "light", "Depend", "3"])

    class Index:
        def embedder(self):
            return Embedder()

    class Generator:  # byte-level BPE: "\u0120" marks a word's first piece ("##" is markdown)
        tokenizer = Tok(["\u0120admin", "admin", "ins", "\u0120x2", "##", "###"])

    a = agentic_mod.Agentic.__new__(agentic_mod.Agentic)
    a.index, a.generator = Index(), Generator()
    assert a._vocabulary() == {"package", "light", "depend", "admin"}
    assert unknown_words("Which packages do lightgbm admins depend on?", a._vocabulary()) == ["lightgbm"]
    # over HTTP a model has no tokenizer: one vocabulary alone is too small, so no dictionary
    # and no word is called unknown
    b = agentic_mod.Agentic.__new__(agentic_mod.Agentic)
    b.index, b.generator = Index(), object()
    assert b._vocabulary() == frozenset()
    assert agentic_mod._has_word("The lightgbm-based tokenizers", "tokenizer")
    assert not agentic_mod._has_word("a light gbm", "lightgbm")


def test_programs_saved_for_numbered_sources_read_as_todays():
    from ragtune.prompts import NUMBERED_SOURCES_INSTRUCTIONS, RAG_SYSTEM, TERSE_SYSTEM
    from ragtune.strategies.common import PromptProgram

    old_default, old_terse = NUMBERED_SOURCES_INSTRUCTIONS
    p = PromptProgram.from_dict({"id": "opt-001", "instruction": old_terse, "n_context": 3,
                                 "demos": [{"question": "Q?", "source": "S.", "answer": "1987 [1]"}]})
    assert (p.instruction, p.n_context, p.demos[0]["answer"]) == (TERSE_SYSTEM, 3, "1987")
    assert PromptProgram.from_dict({"instruction": old_default}).instruction == RAG_SYSTEM
    assert PromptProgram.from_dict({"instruction": "Be brief."}).instruction == "Be brief."


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.integers(0, 99)),
                min_size=2, max_size=5, unique=True), st.data())
def test_the_passage_stating_the_value_is_cited(versions, data):
    texts = [f"The pinned version of mdurl is {a}.{b}.{c}." for a, b, c in versions]
    pick = data.draw(st.integers(0, len(texts) - 1))
    a, b, c = versions[pick]
    ps = _passages(texts)
    assert attribute(f"The pinned version of mdurl is {a}.{b}.{c}.", ps,
                     "What is the pinned version of mdurl?") == [ps[pick]]


def _evaluate(strategy, items):
    answers = strategy.answer_many([i.question for i in items])
    scores = [score_item(i, a) for i, a in zip(items, answers)]
    return answers, aggregate(scores, n_boot=200)


@pytest.fixture(scope="module")
def tiny_test(tiny_world):
    return load_qa(tiny_world / "qa" / "test.jsonl")


@pytest.fixture(scope="module")
def results(tiny_project, tiny_test, pool):
    project, index = tiny_project
    gen = pool.generator()
    out = {}
    for spec in ("closed_book", "rag", "agentic"):
        strategy = build_strategy(spec, project, gen, index=index)
        out[spec] = _evaluate(strategy, tiny_test)
        agg = out[spec][1]
        print("MEASURED", spec, round(agg["overall"]["accuracy"], 3),
              {t: round(v["accuracy"], 3) for t, v in agg["by_type"].items()})
    return out


@pytest.mark.slow
def test_rag_beats_closed_book_on_single_hop(results):
    """Measured 2026-12-01 on the tiny world test split: see FLOORS above (value - 15 points)."""
    by = {s: r[1]["by_type"] for s, r in results.items()}
    assert by["closed_book"]["single_hop"]["accuracy"] <= 0.2
    assert by["rag"]["single_hop"]["accuracy"] >= FLOORS["rag_single_hop"]


@pytest.mark.slow
def test_rag_decodes_greedily_when_asked(tiny_project, tiny_test, pool):
    """`PromptProgram.beams = 1`: the greedy path of the default int8 backend, end to end (the
    default is a beam search of width 2). Measured 2026-12-01: see FLOORS (value - 15 points)."""
    project, index = tiny_project
    items = [i for i in tiny_test if i.type == "single_hop"]
    rag = build_strategy("rag", project, pool.generator(), index=index)
    rag.program.beams = 1
    agg = _evaluate(rag, items)[1]
    print("MEASURED rag beams=1 single_hop", round(agg["overall"]["accuracy"], 3))
    assert agg["overall"]["accuracy"] >= FLOORS["rag_greedy_single_hop"]


@pytest.mark.slow
def test_agentic_accuracy_floors(results):
    agg = results["agentic"][1]
    assert agg["overall"]["accuracy"] >= FLOORS["agentic_overall"]
    assert agg["by_type"]["comparison"]["accuracy"] >= FLOORS["agentic_comparison"]
    assert agg["by_type"]["unanswerable"]["accuracy"] >= FLOORS["agentic_unanswerable"]


@pytest.mark.slow
def test_every_run_ends_with_an_exit_reason_and_a_json_trace(results):
    for answers, _ in results.values():
        for a in answers:
            assert a.exit_reason in ("answered", "abstained", "budget_exhausted", "no_evidence")
            assert json.loads(json.dumps(a.to_dict()))["trace"]
    kinds = {st.kind for a in results["agentic"][0] for st in a.trace}
    assert {"route", "filters", "decompose", "retrieve", "grade", "verify"} <= kinds


def test_budget_is_enforced_in_code(tiny_project, pool, monkeypatch):
    """Out of steps, agentic stops searching and falls back to its floor (rag's answer), still
    checked for names the evidence lacks: this person exists nowhere, so it abstains."""
    project, index = tiny_project
    monkeypatch.setattr(agentic_mod, "MAX_STEPS", 4)
    strategy = build_strategy("agentic", project, pool.generator(), index=index)
    answer = strategy.answer("What is the favourite colour of the person who founded Zorblax Quintaro?")
    assert answer.exit_reason == "budget_exhausted" and answer.abstained
    assert sum(st.kind == "retrieve" for st in answer.trace) <= 2


def test_agentic_floor_is_rag_for_open_questions(tiny_project, pool):
    """A question that is not a short factoid keeps rag's generated answer, or, when verification
    rejects it, an answer re-read from the runner-up passage and verified again (never a span);
    an answer with words no chunk holds gives way to the sentence rag read it from."""
    project, index = tiny_project
    gen = pool.generator()
    question = "Why do companies in this world publish reports?"
    rag = build_strategy("rag", project, gen, index=index).answer(question)
    agentic = build_strategy("agentic", project, gen, index=index).answer(question)
    route_step = next(st for st in agentic.trace if st.kind == "route")
    assert route_step.output["kind"] == "open"
    rereads = [st.output for st in agentic.trace if st.kind == "reread"]
    quoted = [st for st in agentic.trace if st.kind == "quote"]
    if quoted:  # the sentence rag was shown, in place of an answer it was verified as
        assert not agentic.abstained and quoted[0].input["answer"] in (rag.text, *rereads)
        assert quoted[0].input["unheld"] and agentic.text.rstrip(".") == quoted[0].output.rstrip(".")
        shown = next(st.output for st in rag.trace if st.kind == "select")
        assert any(s.endswith(quoted[0].output) for s in shown) or rereads
        return
    assert agentic.abstained or agentic.text in (rag.text, *rereads)
    if rereads and not agentic.abstained:  # the re-read answer was verified after it was read
        assert [st.kind for st in agentic.trace][-1] == "verify"


class Recorder:
    """Wraps the generator and records every prompt it receives."""

    def __init__(self, gen):
        self.gen, self.prompts = gen, []

    def __getattr__(self, name):
        return getattr(self.gen, name)

    def generate(self, prompts, *a, **k):
        self.prompts += [("generate", p) for p in prompts]
        return self.gen.generate(prompts, *a, **k)

    def score_choices(self, prompt, choices, *a, **k):
        self.prompts.append(("score", prompt))
        return self.gen.score_choices(prompt, choices, *a, **k)


@pytest.mark.slow
def test_injection_safety_is_structural(tiny_project, tiny_test, pool):
    """Route, filter and budget decisions never see document text; retrieved text reaches the
    model only inside the user message's Context block, never the system message."""
    project, index = tiny_project
    rec = Recorder(pool.generator())
    strategy = build_strategy("agentic", project, rec, index=index)
    items = tiny_test[:8]
    answers = strategy.answer_many([i.question for i in items])
    retrieved = {h.text for a in answers for h in a.retrieved}
    for a in answers:
        for st in a.trace:
            if st.kind in ("route", "filters", "decompose"):
                blob = json.dumps(st.input) + json.dumps(st.output)
                assert not any(t[:40] in blob for t in retrieved if len(t) > 40)
    for _, prompt in rec.prompts:
        messages = prompt if isinstance(prompt, list) else [{"role": "user", "content": prompt}]
        for m in messages:
            if m["role"] == "system":
                assert not any(t[:40] in m["content"] for t in retrieved if len(t) > 40)
            elif "Context:" in m["content"]:
                assert m["content"].index("Question:") > m["content"].index("Context:")


@pytest.mark.slow
def test_answer_many_runs_stages_in_lockstep(tiny_project, tiny_test, pool):
    project, index = tiny_project
    rec = Recorder(pool.generator())
    strategy = build_strategy("rag", project, rec, index=index)
    calls = []
    original = rec.generate
    rec.generate = lambda prompts, *a, **k: (calls.append(len(prompts)), original(prompts, *a, **k))[1]
    strategy.answer_many([i.question for i in tiny_test[:10]])
    # one batched generation for the whole batch, not one per question, and at most one more
    # batch: the second try of the answers that said nothing (`PromptProgram.retry_instruction`)
    assert calls[0] == 10 and len(calls) <= 2


@pytest.mark.slow
def test_rag_over_http_gives_the_local_answers(tiny_project, tiny_test, pool):
    """The HTTP path, proven once: `rag` with the generator behind a local OpenAI-compatible
    server answers exactly as with the local generator."""
    from ragtune.models.http import HttpGenerator
    from ragtune.serve.openai_compat import create_generator_app, serve_in_thread

    project, index = tiny_project
    items = [i for i in tiny_test if i.type in ("single_hop", "reverse")][:6]
    local = build_strategy("rag", project, pool.generator(), index=index)
    local.program.beams = 1  # the OpenAI API has no beam search: a model over HTTP decodes greedily
    # one question per call, as the server answers each request: int8 greedy text can depend
    # on the batch's shapes (tests/test_models.py), fp32 does not
    expected = [a.text for a in local.answer_many([i.question for i in items], batch_size=1)]
    with serve_in_thread(create_generator_app(pool.generator())) as url:
        remote = build_strategy("rag", project, HttpGenerator(url, max_retries=0), index=index)
        got = [a.text for a in remote.answer_many([i.question for i in items])]
    assert got == expected


def test_rules_found_on_the_fifth_tables_and_sixth_prose_dev_splits():
    """Rules from the dev splits of tables5 and prose6 (2026-12-02, their test splits unread),
    each general: a weekly time is one value, "How deep was" is answered by the value written
    before "deep", a code by the value after its own label, a record by a field no other
    record shares, a name rag copied with a letter wrong by the passages' spelling; a sum's
    result, a figure from another year's page and a relation only a name spells are no answers;
    a price asked by its verb."""
    from ragtune.strategies.agentic import (
        Passage, _asks_price, _misspelt, _name_fields, _ungrounded, _unstated_relation,
        _value_of_another_year, typed_candidates,
    )

    def cands(question, text, want="number", kind="date"):
        h = Hit("d", "c", 1.0, text=text)
        return [c for c, _ in typed_candidates(question, want, [Passage(text, h, 1.0)], [], kind_of_date=kind)]

    assert cands("When is the weekly rope drill?", "Rope drill: every Tuesday at 18:30 in the yard.",
                 "date") == ["every Tuesday at 18:30"]
    assert cands("How deep was the trench?", "The trench was 2 m long and 80 cm deep.") == ["80 cm"]
    assert "2 m" in cands("How long after digging did it flood?", "The trench was 2 m long and 80 cm deep.")
    assert cands("What is the serial number of the snow probe?",
                 "id: PX-01 item: Snow probe serial: SN7-2231 base: Lochend", "name")[0] == "SN7-2231"
    rows = [{"id": "A-1", "item": "Probe set (20)", "base": "Lochend", "serial": "SN7-2231"},
            {"id": "A-2", "item": "Rope bag", "base": "Lochend", "serial": "RB-0012"}]
    assert _name_fields(rows) == ["item"]
    assert _name_fields([{"name": "Ann", "item": "x"}]) == ["name"]
    ev = "Jorun Haldine teaches biology at the academy."
    assert _misspelt("Jorun Haldane is the teacher.", "Jorun Haldine", ev.lower())
    assert not _misspelt("Jorun Haldine is the teacher.", "Jorun Haldine", ev.lower())
    assert not _misspelt("Mara Holt is the teacher.", "Jorun Haldine", ev.lower())
    assert not _misspelt("Ann is the teacher.", "Anne", ev.lower())
    figures = Hit("news/review", "c", 1.0, title="2025 in figures",
                  text="The season ran from 15 December 2024 to 30 April 2025.\n| Lochend | 7 | 5 |")
    assert _value_of_another_year("How many casualties did Lochend have in 2024?", "5 casualties", [figures]) == "2025"
    stated = Hit("news/review", "c", 1.0, title="2025 in figures", text="In 2024 Lochend had 5 casualties.")
    assert _value_of_another_year("How many casualties did Lochend have in 2024?", "5", [stated]) == ""
    sown = [Hit("d", "c", 1.0, text="The 12 ha meadow was sown with 34 species.")]
    assert _ungrounded("12 / 34 = 0.33.", "number", "At what rate was the meadow sown?", sown) == "0.33"
    assert _ungrounded("It was sown with 34 species.", "number", "How many species were sown?", sown) == ""
    trust = [Hit("d", "c", 1.0, text="Since 2011 the Orrin Seed Trust has kept our duplicates; the trust never opens them.")]
    assert _unstated_relation("In what year was the Orrin Seed Trust founded?", "date", trust) == ["found"]
    assert answer_type("What is the ski club paying for the old snowcat?") == "number"
    assert answer_type("What does the hut charge per night?") == "number"
    assert answer_type("What is the charge nurse called?") != "number"
    assert _asks_price("What does the hut charge per night?")
    assert not _asks_price("How much notice cancels a booking without being charged?")
    # a figure compared with the asked year is the page's year's
    report = Hit("news/2021-report", "c", 1.0, title="2021 report", text="We ringed 9,120 birds, up on 2019.")
    assert _value_of_another_year("How many birds did we ring in 2019?", "9,120", [report]) == "2021"
    # a count relabelled by rag, a mass asked and things counted
    from ragtune.strategies.agentic import _counts_other_things, _out_of_season, _wrong_dimension
    from ragtune.strategies.values import extract_values as values
    guides = [Hit("d", "c", 1.0, text="The museum has hired 9 seasonal guides for June.")]
    assert _counts_other_things("How many visits did the museum get in June?", "It had 9 visits.", guides) == "9 seasonal"
    assert _counts_other_things("How many guides did the museum hire?", "It hired 9.", guides) == ""
    held = values("It feeds 310 farms and stores 80 MWh.")
    assert [_wrong_dimension("How much grain does the silo take?", v) for v in held] == [True, False]
    # a season named: no date outside it; a person asked: no code
    spring = "When does the board sit in the spring term?"
    assert [_out_of_season(spring, v) for v in values("2 October 2026, 4 March 2026, 2026")] == [True, False, False]
    assert cands(spring, "The board sits on 2 October 2026 and 4 March 2026.", "date") == ["4 March 2026"]
    assert "QT-7731" not in cands("Who handles drain repairs?", "Drain repairs: Odile Penn (job QT-7731).", "name")
    # a relative clause without its pronoun is a description; a record resolves it by a field
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic
    from ragtune.strategies.question import nested_description
    d = nested_description("Which yard built the ship Mora Quill commands?")
    assert (d.span, d.head) == ("the ship Mora Quill commands", "ship")
    assert nested_description("What does the kiln release 2.3 add?") is None
    assert nested_description("Who founded the company Acme Widgets?") is None
    boats = [{"vessel": "Tern", "master": "Mora Quill", "usual_route": "K7", "builder": "Dalvik"},
             {"vessel": "Skua", "master": "Ivo Brand", "usual_route": "K2", "builder": "Dalvik"}]
    fake = SimpleNamespace(_record_collections=lambda: {"vessels/register": boats})
    assert Agentic._record_bridge(fake, d) == ("Tern", "vessels/register: vessel")
    route = nested_description("What is the fare on the route the Skua usually works?")
    assert Agentic._record_bridge(fake, route) == ("K2", "vessels/register: usual_route")
    assert Agentic._record_bridge(fake, nested_description("Which yard built the ship Ann Lee commands?")) is None
    # the asked noun among a field's words: "which week" is the rota's `week_starting`
    from ragtune.strategies.counting import select_record
    rota = {"rota/winter-rota": [
        {"week_starting": "2027-01-11", "driver": "Ann Lee", "leader": "Ivo Brand", "name": "R-1"},
        {"week_starting": "2027-01-18", "driver": "Ann Lee", "leader": "Mora Quill", "name": "R-2"}]}
    assert select_record("Which week on the winter rota has Ann Lee driving and Ivo Brand as leader?",
                         rota)[0] == "2027-01-11"
    # a humidity is a quantity; a change's old value answers neither "now" nor "what did it rise to"
    assert answer_type("What humidity did the store reach?") == "number"
    # (what these rules must leave alone, from a review of them)
    assert "4 hours" in cands("How long does the hike take?", "The 12 km long trail takes 4 hours.")
    assert nested_description("When was the museum in Paris opened?") is None
    assert nested_description("When was the museum Tate Modern opened?") is None
    assert not any(_out_of_season("When does the invoice fall due?", v) for v in values("2 March 2026"))
    assert not any(_out_of_season("Where is the Spring Street depot?", v) for v in values("2 October 2026"))
    assert not _asks_price("Who is in charge of the depot?") and not _asks_price("What is the charging time?")
    assert not any(_wrong_dimension("How much water does the tank hold?", v) for v in values("It holds 6,000 litres."))
    assert answer_type("What did the police charge him with?") != "number"
    # a number written as a version ("artifact version 39", "Java release: 1.8") is one
    assert [(v.kind, v.text) for v in values("It is recorded at artifact version 39.")] == [("version", "39")]
    assert [(v.kind, v.text) for v in values("Java release: 1.8")] == [("version", "1.8")]
    assert [v.kind for v in values("It was released 12 days later.")] == ["number"]
    # a season with its year(s); a maker asked is named, not rated; a salary is a price
    winter = "How many bulletins went out in winter 2025-26?"
    assert [_out_of_season(winter, v) for v in values("from 15 December 2024 to 30 April 2025")] == [True, True]
    assert [_out_of_season(winter, v) for v in values("from 15 December 2025 to 3 February 2026")] == [False, False]
    from ragtune.strategies.agentic import _ASKS_ORG, _without_values
    assert _ASKS_ORG.search("What make is the standby generator?") and not _ASKS_ORG.search("What makes it fail?")
    assert "500" not in _without_values("It is a 500 kVA generator.") and "generator" in _without_values("It is a 500 kVA generator.")
    assert _asks_price("What salary does a warden earn?")
    from ragtune.strategies.agentic import _ASKS_RESULT
    assert _ASKS_RESULT.search("What did the fare rise to?") and not _ASKS_RESULT.search("Where did she go to school?")
    rose = "In May the fare rose from GBP 2.10 to GBP 2.40."
    assert [c for c, _ in typed_candidates("What did the fare rise to?", "number", [Passage(rose, Hit("d", "c", 1.0, text=rose), 1.0)],
                                           [], current=True)] == ["GBP 2.40"]


def test_rules_for_namespaced_names_versions_and_labelled_figures():
    """General rules found on the fresh dev splits of catalog5, prose7 and tables6 and the read
    splits (2026-12-02 evening; invented examples): a namespaced identifier ("Net::HTTP") is one
    name, and options around it are not cut at its colons; a field label after a name is no
    part of it; a dotted number labelled as a version, or with a Perl-style underscore, is a
    version; "What <noun> years ...?" asks for years; a table's "Volunteer hours" column counts
    no volunteers; a price asked and a count given is no answer; a passage label rag copies
    states no value; a written file path states what a file is."""
    from ragtune.strategies.agentic import (
        _counts_asked_thing, _labelled_as_other, _unstated_relation, _year_range_of, states_value,
        without_copied_label,
    )
    from ragtune.strategies.question import answer_type, find_options, names, words
    from ragtune.strategies.values import extract_values

    assert "Net::HTTP" in words("Which version of Net::HTTP is listed?")
    assert find_options("Which is newer, Data::Dumper or Text::Wrap?") == ["Data::Dumper", "Text::Wrap"]
    assert names("Foo::Bar Author: Ann Lee Uses: Carp") == ["Foo::Bar", "Ann Lee"]
    assert names("Owner: Ann Lee Runs tools: Rake") == ["Ann Lee"]
    assert names("Ask Ann Lee about it: she knows") == ["Ask Ann Lee"]
    assert names("The report was approved by Ann Lee: she signed it.") == ["Ann Lee"]
    assert names("Notes from Acme Corp: The pump failed.") == ["Acme Corp"]
    assert names("id: EQ-9 item: Sled serial: SL-0042") == ["EQ-9", "SL-0042"]
    assert extract_values("File: /usr/lib/perl/5.36.0/Foo/Bar.pm") == []
    assert [v.kind for v in extract_values("| Module version | 4.07 |")] == ["version"]
    assert [v.kind for v in extract_values("needs 5.008_001 at least")] == ["version"]
    assert [v.kind for v in extract_values("| Cost | 12.50 |")] == ["number"]
    assert [v.kind for v in extract_values("| Rev | 2.5 |")] == ["number"]
    assert [v.kind for v in extract_values("| Budget for the new release | 1.5 |")] == ["number"]
    assert [v.unit for v in extract_values("Drive: 2 M2 slots")] == [""]
    assert answer_type("What copyright years are given for Foo::Bar?") == "date"
    assert answer_type("How many years did it take?") == "number"
    assert answer_type("What age in years is needed?") == "number"
    assert answer_type("What school years are taught there?") != "date"
    assert _year_range_of("2001", ["Copyright 2001-2004 by Ann."]) == "2001-2004"
    assert _year_range_of("2001", ["Copyright 2001 by Ann."]) == ""
    assert _year_range_of("2021", ["Ticket 2021-5530 was closed in 2021."]) == ""
    assert states_value("It requires 5.010 of the runtime.", "version", "Which minimum runtime version does X need?")
    assert not states_value("It is about 2.5 times faster.", "version", "What version added caching?")

    table = Hit("news/2030-review", "c", 1.0, title="2030 in figures",
                text="| Depot | Trips | Rider hours |\n| --- | --- | --- |\n| Westgate | 41 | 390 |")
    assert _labelled_as_other("How many riders did Westgate have?", "390", [table]).endswith("Rider hours")
    assert _labelled_as_other("How many trips started at Westgate?", "41", [table]) == ""
    hours = Hit("d", "c", 1.0, text="| Pump | Hours lost |\n| --- | --- |\n| P2 | 60 |")
    assert _labelled_as_other("How many hours did we lose on P2?", "60", [hours]) == ""
    counted = Hit("d", "c", 1.0, text="Staff count: 12")
    assert _labelled_as_other("How many staff work there?", "12", [counted]) == ""
    members = Hit("d", "c", 1.0, text="Staff members: 12")
    assert _labelled_as_other("How many staff are there?", "12", [members]) == ""

    assert _counts_asked_thing("How much did the radio handsets cost?", "We now have 30 radio handsets.") == "handsets"
    assert _counts_asked_thing("How much did the radio handsets cost?", "They cost 30 pounds each.") == ""
    assert _counts_asked_thing("How many handsets are there?", "We have 30 handsets.") == ""
    assert _counts_asked_thing("What does the annual pass cost for students?", "It costs 120 for students.") == ""
    assert _counts_asked_thing("How much does parking cost for visitors?",
                               "Parking is free for the first 2 hours for visitors.") == ""

    debrief = Hit("notes/2031-04-debrief", "c", 1.0, title="Debrief")
    assert without_copied_label("2031-04-debrief: We found 7 leaks.", [debrief]) == "We found 7 leaks."
    assert without_copied_label("Debrief: We found 7 leaks.", [debrief]) == "We found 7 leaks."
    assert without_copied_label("Note: 7 leaks.", [debrief]) == "Note: 7 leaks."
    release = Hit("rel/notes-2-1", "c", 1.0, title="Version 2.1")
    assert without_copied_label("Version 2.1: out in March 2030.", [release], "version") == "Version 2.1: out in March 2030."
    assert without_copied_label("2031-04-debrief: The van needs a new gauge.", [debrief], "number") \
        == "The van needs a new gauge."
    from ragtune.strategies.agentic import loops
    assert not loops("Statuses: Outstanding, Outstanding, Outstanding.")
    assert not loops("| Completed | Completed | Completed |")
    assert loops("2031-05-site-report: 2031-05-site-report: 2031-05-site-report: 2031")

    from ragtune.strategies.agentic import _counts_other_things
    assert [v.unit for v in extract_values("The tank holds 9,000 m³ and covers 640 m2.")] == ["m3", "m2"]
    assert "m3" not in names("It holds 9,000 m3 when full.")
    lock = Hit("d", "c", 1.0, text="The big lock uses about 90 m3 of water a fill.")
    assert _counts_other_things("How many boats went through the lock in 2031?", "90", [lock]) == "90 m3"
    assert _counts_other_things("How many boats use 90 m3 locks?", "12", [lock]) == ""

    page = Hit("modules/Foo-Bar", "c", 1.0, title="Foo::Bar", text="| File | /usr/lib/perl/Foo/Bar.pm |")
    assert _unstated_relation("Which .pm file holds Foo::Bar?", "name", [page], every=True) == []


def test_sentence_overlap_weighs_rare_words_and_reads_abbreviated_labels():
    """rag shows the model one sentence: the overlap that ranks it counts a field label that
    abbreviates a question word, ignores words about the text, and weighs a word by rarity."""
    q = content_words("Which Debian package ships the manual page of frobctl?")
    page, deb = word_overlap(q, [content_words("frobctl * page: frobctl(1)"),
                                 content_words("frobctl * deb: frobtools")])
    assert deb > page
    # "frobctl" is in both sentences, "licence" in one: that one wins
    common, rare = word_overlap(content_words("frobctl licence"),
                                [content_words("frobctl homepage"), content_words("frobctl licence")])
    assert rare > common and 0 < common < 0.5
    assert word_overlap(content_words("the manual page"), [content_words("manual page")]) == [0.0]
    @given(st.lists(st.text(max_size=30), max_size=6), st.text(max_size=40))
    def bounded(sents, question):
        for o in word_overlap(content_words(question), [content_words(t) for t in sents]):
            assert 0.0 <= o <= 1.0 + 1e-9
    bounded()


def test_rules_for_field_pages_versions_superseded_pages_and_hours():
    """From the fresh catalog and wiki dev splits (2026-12-03), on invented examples."""
    from ragtune.strategies.agentic import Agentic, in_force, typed_candidates
    from ragtune.strategies.counting import without_emphasis
    # "What's the X version?" asks for a version
    assert answer_type("What's the installed frobnik version?") == "version"
    # emphasis around a label with an underscore is layout too
    assert without_emphasis("- **Variable udev_x:** /lib/x") == "- Variable udev_x: /lib/x"
    # "NAME_VERSION = 15.0", a sentence's final "15.0." and "version 2" ending a heading are values
    assert [(v.text, v.kind) for v in extract_values("UNICODE_VERSION = 15.0; PREFIX = icu")] == [("15.0", "version")]
    assert [v.text for v in extract_values("15.0.")] == ["15.0"]
    assert [v.kind for v in extract_values("Drills, version 2 Drills (version 2)")] == ["version", "version"]
    assert [v.kind for v in extract_values("release 3 tickets")] == ["number"]
    # a page its front matter marks superseded is not read unless the past is asked
    old = Hit("rules-v1", "a", 1.0, text="Book four weeks ahead.", metadata={"status": "superseded"})
    new = Hit("rules-v2", "b", 1.0, text="Book six weeks ahead.", metadata={"status": "current"})
    assert in_force([old, new], "How much notice is needed?") == [new]
    assert in_force([old, new], "How much notice did the 2020 rules need?") == [old, new]
    assert in_force([old], "How much notice is needed?") == [old]
    # a code-marked label is a label; a typed question reads the field of its type
    from types import SimpleNamespace
    page = ("| Field | Value |\n|---|---|\n| Version | 4.1.7 |\n| Installed by | frob-dev |\n"
            "| `data_dir` | /lib/frob |\n")
    fake = SimpleNamespace(_whole_page=lambda own: own, _is_field=lambda noun: True,
                           _identifier_in=lambda q: None, _own_page_of=lambda q: [Hit("lib/frob", "c", 1.0, text=page, title="frob",
                                                       metadata={"pkg_dir": "/usr/share"})])
    assert Agentic._page_field(fake, "What's the installed frob version?")[1:] == ("version", "4.1.7")
    assert Agentic._page_field(fake, "Where is frob's data directory (data_dir)?")[2] == "/lib/frob"
    assert Agentic._page_field(fake, "Under what licence is frob released?") is None  # no version asked
    # opening hours: the times from one to the other
    hours = [Passage("Winter opening: 10:00 to 15:00, Tuesday to Sunday.", Hit("d", "c", 1.0), 1.0)]
    assert [c for c, _ in typed_candidates("What are the opening hours in winter?", "number", hours, [])] \
        == ["10:00 to 15:00"]


def test_rules_for_compound_durations_rate_units_paths_and_headings():
    """Rules found on the r1 traces of catalog5/prose5/tables4/tables6 and on the fresh dev
    splits of catalog6/prose8 (2026-12-03), on invented examples."""
    from types import SimpleNamespace

    from ragtune.strategies.agentic import (_ASKS_PATH, Agentic, _name_spans, _wrong_dimension, capitalised_words,
                                            names)
    from ragtune.strategies.question import answer_type
    from ragtune.strategies.values import extract_values
    # "2 hours 10 minutes" is one duration (the smaller unit second); two in the other order
    one = extract_values("The crossing takes 2 hours 10 minutes each way.")
    assert [v.text for v in one] == ["2 hours 10 minutes"] and abs(one[0].key[0] - 130 / 1440) < 1e-9
    assert [v.text for v in extract_values("1 h and 20 min")] == ["1 h and 20 min"]
    assert len(extract_values("10 minutes 2 hours")) == 2
    assert [v.text for v in extract_values("3 days and 40 staff")] == ["3 days", "40 staff"]
    # a rate's unit after its number is the value's, not a name: "40 mg/l" stays a value
    text = "The blend stays below 40 mg/l, and Quarrow sends up to 22 Ml/d."
    spans = _name_spans(text, names(text, capitalised_words(text)))
    assert [v.text for v in extract_values(text, spans)] == ["40 mg/l", "22 Ml/d"]
    # money a body reports is a number; a noun before another noun modifies it
    assert answer_type("What income did the treasurer report for 2025?") == "number"
    assert answer_type("What was the revenue in 2024?") == "number"
    assert answer_type("Which rent scheme applies to staff?") == "name"
    # "where is the file" asks a path; "which file format" asks no path
    assert _ASKS_PATH.search("Where is the file of Foo::Bar installed?")
    assert _ASKS_PATH.search("Which config file does the tool read?")
    assert not _ASKS_PATH.search("Which file format does the tool write?")
    assert not _ASKS_PATH.search("Where are the spare keys stored?")
    # "how soon" asks a time with its unit: a bare number is no delay
    soon = "How soon must a damaged part go to the store?"
    assert _wrong_dimension(soon, extract_values("1")[0])
    assert not _wrong_dimension(soon, extract_values("within 4 hours")[0])
    assert _wrong_dimension(soon, extract_values("12 km")[0])
    # a heading's words in capitals ("SEE ALSO") are no name a chunk must hold; a name is
    agent = object.__new__(Agentic)
    agent._dictionary = frozenset({"see", "also", "what", "is", "the", "first", "entry", "in", "of"})
    agent._titles = lambda: {}
    run = SimpleNamespace(filters=None)
    assert agent._required_names("What is the first entry in the SEE ALSO of grobctl?", run) == []
    assert agent._required_names("What is the first entry in the SEE ALSO of Quarrow Tools?", run) == ["Quarrow Tools"]
    # a document's slug dates or numbers the document: no value in it
    assert extract_values("2026-02-band-room-flood: the stands were lost") == []
    assert [v.text for v in extract_values("0007-move-the-queue-to-disk took 3 days")] == ["3 days"]
    assert [v.text for v in extract_values("a 4-year-old boiler")] == ["4-year"]
    # a code asked: rag's answer must hold one (a temperature or opening hours are none)
    from ragtune.strategies.agentic import _asks_code, _states_code
    assert _asks_code("What's the door code for the plant room?") and _asks_code("What is the helpline phone number?")
    assert not _asks_code("What is the code of conduct about?") and not _asks_code("What is the source code licence?")
    assert not _states_code("The plant room is kept at 16 to 20 degrees and 45% humidity.", "What's the door code?")
    assert not _states_code("The helpline is open 07:00 to 22:00.", "What is the helpline phone number?")
    assert _states_code("The code is 4417.", "What's the door code?") and _states_code("Call 0131 496 0000.", "x")


def test_catalog_filter_reads_no_condition_from_a_named_page_or_a_value_in_two_fields():
    """A value read inside the page name the question writes ("quill" and "service" in
    "quill.service") is that name, not a condition; one value held by two fields of a page
    ("Requires" and "After" both ink.service) is one condition, too few to select a page."""
    a = agentic_mod.Agentic.__new__(agentic_mod.Agentic)
    records = {"quill.service": {"unit type": "service", "package": "quill", "bus": "org.quill"},
               "ink.target": {"unit type": "target", "requires": "ink.service", "after": "ink.service"},
               "ink.service": {"unit type": "service", "package": "ink"}}
    a._page_names = lambda: set(records)
    a._page_records = lambda: records
    a._catalog_lists = lambda terms: {}
    a._catalog_unsure = lambda terms: set()
    a._page_says = lambda name, field, value: False
    assert a._catalog_filter("Which bus name does quill.service take?") is None
    assert a._catalog_filter("Which target unit is ordered before ink.service?") is None
    # two values in two fields still select the one page holding both
    got = a._catalog_filter("Which service unit comes from the package ink?")
    assert got is not None and got[1] == "ink.service"


def test_an_open_answer_no_chunk_supports_gives_way_to_its_sentence():
    """An answer to a "why" question that rewrites the reason into words no retrieved chunk
    holds is replaced by the sentence it was read from (its "because ..." clause, when it has
    one); a faithful one stays, and so does one
    on a catalog (its fields are read from the page) or from whole-chunk contexts."""
    from ragtune.strategies.common import Passage, PromptProgram
    from ragtune.types import Answer, Hit

    said = "The ferry stops at dusk because the slipway has no lights."
    h = Hit("ops/ferry", "ops/ferry::0", 1.0, text=f"Timetable. {said} Tickets cost GBP 3.")
    q = "Why does the ferry stop at dusk?"

    def run(text):
        r = agentic_mod.Run(q, Answer(text=text, retrieved=[h]), floor_read=[Passage(said, h, 1.0)])
        r.text, r.want, r.decided_by = text, "open", "rag"
        return r

    a = agentic_mod.Agentic.__new__(agentic_mod.Agentic)
    a.program, a._pages_named = PromptProgram(), set()
    made_up, faithful = run("It stops at dusk to save fuel for the winter."), run("The slipway has no lights.")
    a._quote([made_up, faithful])
    # (a reason asked is the sentence's "because ..." clause, 2026-12-07)
    assert (made_up.text, made_up.decided_by, made_up.passages[0].hit) == ("because the slipway has no lights", "quote", h)
    assert (faithful.text, faithful.decided_by) == ("The slipway has no lights.", "rag")
    for catalog, context in ((True, "sentences"), (False, "chunks")):
        b = agentic_mod.Agentic.__new__(agentic_mod.Agentic)
        b.program, b._pages_named = PromptProgram(context=context), {"ferry"} if catalog else set()
        r = run("It stops at dusk to save fuel for the winter.")
        b._quote([r])
        assert r.decided_by == "rag"
    # (2026-12-05) a "why" refused for what rag wrote is read off the sentence too; one refused
    # for a name no chunk holds stays refused, and so does a "how many"
    refused, unnamed = run("I don't know"), run("I don't know")
    for r, reason in ((refused, "made_up"), (unnamed, "missing_names")):
        r.abstained, r.reason, r.exit_reason = True, reason, "abstained"
    a._quote([refused, unnamed])
    assert (refused.text, refused.abstained, refused.exit_reason) == ("because the slipway has no lights", False, "answered")
    assert unnamed.abstained and unnamed.decided_by == "rag"
    assert not agentic_mod._ASKS_WAY_OR_REASON.match("How many boats stop at dusk?")


def test_a_page_field_answers_only_the_thing_asked():
    """A field the question names only after the thing it asks for ("the assignee of the
    port", "the uses of the port") is not read as the answer, nor is any field for a yes/no
    question (catalog11's read split, 2026-12-03: an unanswerable answered with the page's
    port number or port range)."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic, _asked_head
    page = ("# quill\n\n- Port: 7311\n- Port range (RFC 6335): user port (1024-49151)\n"
            "- Lines in the file: 1\n- Maintainer: Ada Lane <ada@example.org>\n- Section: net")
    fake = SimpleNamespace(_whole_page=lambda own: own, _is_field=lambda noun: True,
                           _identifier_in=lambda q: None, _own_page_of=lambda q: [Hit("services/quill", "c", 1.0, text=page, title="quill")])
    assert Agentic._page_field(fake, "Who is the registered assignee of the port used by quill?") is None
    assert Agentic._page_field(fake, "Which recorded misuses of the quill port does the registry list?") is None
    assert Agentic._page_field(fake, "Which settings file sets the listen address of the quill daemon?") is None
    # the thing asked, or no noun asked ("who maintains"), still reads its field
    assert Agentic._page_field(fake, "What is the port of quill?")[2] == "7311"
    assert Agentic._page_field(fake, "Which port does quill use?")[2] == "7311"
    assert Agentic._page_field(fake, "Who maintains quill?")[2] == "Ada Lane"
    assert Agentic._page_field(fake, "Which section is quill in?")[2] == "net"
    # a head that only names the value's kind asks for no particular field
    assert _asked_head("Which URL does quill give for its repository?") == (None, False)
    assert _asked_head("What is the name of the quill maintainer?") == (None, False)
    assert _asked_head("Who is the registered assignee of the port?")[1]
    # a noun asked with the relation in the verb reads the verb's field
    assert Agentic._page_field(SimpleNamespace(_whole_page=lambda own: own, _is_field=lambda noun: True, _identifier_in=lambda q: None, _own_page_of=lambda q: [
        Hit("units/quill.service", "c", 1.0, text="# quill.service\n\n- Requires: sock.target", title="quill.service")]),
        "Which unit does quill.service require?")[2] == "sock.target"


def test_unanswerables_found_on_the_catalog11_prose13_tables12_read_splits():
    """Rules from items of catalog11's, prose13's and tables12's read splits (2026-12-03) that
    agentic answered though the documents do not say, shown on invented examples."""
    from ragtune.strategies.agentic import _states_price, _value_of_another_year, typed_candidates
    from ragtune.strategies.common import stem
    # a singular noun ending in s is its own stem: "alias" and "aliases" are one word
    assert stem("alias") == stem("aliases") == "alias" and stem("status") == stem("statuses")
    assert stem("ideas") == "idea" and stem("cats") == "cat"
    # a price is a sum (or "free"); a code's digits ("KT-0417") and a year are none
    assert not _states_price("The spring bulletin lists a moisture meter, `KT-0417`, given in 2026.",
                             "How much is the moisture meter worth?")
    assert _states_price("It is worth GBP 180.", "How much is the moisture meter worth?")
    assert _states_price("It is lent free of charge.", "How much does the meter cost?")
    assert _states_price("About 95 a day.", "How much does the meter cost?")
    # "What did X cost Y in 2024?" asks a price
    assert answer_type("What did a standard unit cost clinics in 2023-24?") == "number"
    assert answer_type("What did they charge him with?") == "open"
    # a figure's own clause dates it, whatever the document's year; a month is not its year
    minutes = Hit("meetings/2027-04-board", "c", 1.0, title="Board meeting 2027",
                  text="Board meeting, 4 April 2027. The Westgate stall sold 31 jars in May 2026 "
                       "and 18 in June, and volunteers were short both months.")
    assert _value_of_another_year("How many jars did the Westgate stall sell in 2026 overall?",
                                  "31 jars", [minutes]) == "May 2026"
    assert _value_of_another_year("How many jars did the Westgate stall sell on 3 June 2027?",
                                  "31 jars", [minutes]) == "2026"
    # a clause without a year leaves the figure to its sentence and document
    report = Hit("reports/annual-2026", "c", 1.0, title="Annual report 2026",
                 text="Membership rose to 412, up from 380 in 2025.")
    assert _value_of_another_year("How many members were there in 2026?", "412", [report]) == ""
    # "the name of the fixer": a job reference is no one's name
    ticket = [Passage("At the Mill café a fixer, Bram Oduya, mended a kettle (job `MC-26-114`).",
                      Hit("incidents/kettle", "c", 1.0), 1.0)]
    got = [c for c, _ in typed_candidates("What was the name of the fixer who mended the kettle?", "name",
                                          ticket, [])]
    assert "MC-26-114" not in got and "Bram Oduya" in got
    # a figure written only under a code's label is no count ("model: 402")
    from ragtune.strategies.agentic import _code_labelled
    meter = Hit("equipment/register#EQ-7", "c", 1.0, text="id: EQ-7\nitem: glucose meter\nsite: Harrow Lane\nmodel: 402")
    assert _code_labelled("How many patients were seen at Harrow Lane?", "402", [meter]) == "model"
    assert _code_labelled("What model number is the Harrow Lane meter?", "402", [meter]) == ""
    tally = Hit("reports/2026", "c", 1.0, text="patients seen: 402")
    assert _code_labelled("How many patients were seen at Harrow Lane?", "402", [meter, tally]) == ""
    # a code the evidence writes with a sign ("-4113-07522") is stated
    pos = Hit("zones/x", "c", 1.0, text="Its principal location is at 41°13′S 75°22′W (ISO 6709: -4113-07522).")
    assert _ungrounded("It is at 41°13′S 75°22′W (ISO 6709: -4113-07522).", "name",
                       "At which latitude and longitude is X's principal location?", [pos]) == ""
    assert _ungrounded("It is at (ISO 6709: -4113-07599).", "name",
                       "At which latitude and longitude is X's principal location?", [pos]) != ""
    # "What was the name of X?" asks a name, as "What is the name of X?" does
    assert answer_type("What was the name of the porter who found the key?") == "name"
    assert answer_type("What were the names of the two wardens?") == "name"
    # an organisation's own pages say "we": a name a quarter of them hold is its own subject
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic
    pages = ["The Mill Guild runs courses."] * 3 + ["We teach walling. Our yard is open."] * 9
    own = SimpleNamespace(_sample=lambda: pages, _everywhere=lambda n: False)
    own._we_pages = lambda: Agentic._we_pages(own)
    own._called_us = lambda n: Agentic._called_us(own, n)
    own._domain_word = lambda w: Agentic._domain_word(own, w)
    own._about_page_of = lambda n: False
    assert Agentic._own_subject(own, "Mill Guild") and not Agentic._own_subject(own, "Harrock Farm")
    # ... and so is the name a page says "we" are called, however few pages write it
    called = SimpleNamespace(_sample=lambda: ['Everyone calls us "the Quen Co-op".'] + ["We teach walling."] * 11,
                             _everywhere=lambda n: False)
    called._we_pages = lambda: Agentic._we_pages(called)
    called._called_us = lambda n: Agentic._called_us(called, n)
    called._domain_word = lambda w: Agentic._domain_word(called, w)
    called._about_page_of = lambda n: False
    assert Agentic._own_subject(called, "Quen Co-op") and not Agentic._own_subject(called, "Mill Guild")
    third = SimpleNamespace(_sample=lambda: ["The Mill Guild runs courses."] * 3 + ["Walling is taught."] * 9,
                            _everywhere=lambda n: False)
    third._we_pages = lambda: Agentic._we_pages(third)
    third._called_us = lambda n: Agentic._called_us(third, n)
    third._domain_word = lambda w: Agentic._domain_word(third, w)
    third._about_page_of = lambda n: False
    assert not Agentic._own_subject(third, "Mill Guild")  # no "we": a name on a quarter of the pages


def test_rules_found_on_the_catalog12_prose14_tables13_read_splits():
    """Rules from the read splits' answerable abstentions (2026-12-03), on invented examples:
    a listing question's candidates are read off their pages; a page titled by its whole path
    ("Area/City" in area/city.md) is a catalog page; a currency code in a table's header is no
    model name; a year may end its sentence; a plural word of a name is its singular too;
    "runs" states who leads."""
    from ragtune.strategies.agentic import (Agentic, _listed_keys, _listed_pages, _name_share,
                                            _periods)
    names = {"north/ashby", "north/brill", "south/cray", "south/dole"}
    q = "Which of these towns is in Wexland: north/ashby, South/Cray, south/dole and north/brill?"
    assert _listed_pages(q, names) == ["north/ashby", "south/cray", "south/dole", "north/brill"]
    assert _listed_pages("Is north/ashby older than south/cray?", names) == []
    q2 = "Among north/ashby, north/brill, south/cray and south/dole, which uses code QST on 15 July 2026?"
    assert _listed_keys(q2, _listed_pages(q2, names)) == ["QST", "15", "July", "2026"]
    a = Agentic.__new__(Agentic)
    records = {"north/ashby": {"country": "Wexland"}, "north/brill": {"country": "Orvia"},
               "south/cray": {"country": "Orvia"}, "south/dole": {"country": "Tamsk"}}
    a._page_names = lambda: set(records)
    a._page_records = lambda: records
    a._catalog_lists = lambda terms: {}
    a._catalog_unsure = lambda terms: set()
    a._page_says = lambda name, field, value: False
    got = a._catalog_filter(q)
    assert got is not None and got[1] == "north/ashby"
    assert a._catalog_filter(q.replace("is in", "is not in")) is None  # an absence is not read off fields
    texts = {"north/ashby": "- 15 July 2026: code WST", "north/brill": "- 15 July 2026: code QST",
             "south/cray": "- 15 January 2026: code QST\n- 15 July 2026: code RST", "south/dole": "- code QST"}
    docs = [(n, Hit(n, n, 1.0, title=n)) for n in records]
    a._catalog_pages = lambda: docs
    a._page_hit = lambda d: d
    a._document_text = lambda doc_id, hit: texts[doc_id]
    got = a._catalog_filter(q2)
    assert got is not None and got[1] == "north/brill"  # the one page with one line holding all
    # a year ending its sentence is a year; a dotted number is none
    assert _periods("It will cost GBP 510 from 1 January 2027.") == {"2027"}
    assert _periods("Install release 2027.1 first") == set()
    assert names_covered("Fares and hire (GBP) | 26,402 |", ["GBP 26,402"]) == 1.0
    assert _name_share("Ned runs the Saturday Walks.", "Saturdays") == 1.0
    page = [Hit("people", "c", 1.0, text="Ned Sorrell runs the Saturday Walks.")]
    assert _unstated_relation("Who leads the Saturday Walks?", "name", page) == []
    assert _name_share("imap: port 143", "imaps") == 0.0  # an identifier's s is no plural


def test_a_count_reads_a_count_field_and_a_field_without_a_number_answers_no_count():
    """catalog13's dev split (2026-12-03): "How many aliases does X have?" read `Alias: L6`;
    "how many" asks a `count` or `number of` label, and a number question takes no field whose
    value holds no number."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic
    page = "# quill-8\n\n- Code set: quill-8\n- Alias count: 2\n- Alias: QX-1\n- Alias: QX-2"
    fake = SimpleNamespace(_whole_page=lambda own: own, _is_field=lambda noun: True,
                           _identifier_in=lambda q: None, _own_page_of=lambda q: [Hit("quill-8", "c", 1.0, text=page, title="quill-8")])
    assert Agentic._page_field(fake, "How many alias lines does quill-8 have?")[2] == "2"
    one = "# quill-9\n\n- Code set: quill-9\n- Alias: LATINX"
    fake.__dict__["_own_page_of"] = lambda q: [Hit("quill-9", "c", 1.0, text=one, title="quill-9")]
    assert Agentic._page_field(fake, "How many alias lines does quill-9 have?") is None
    assert Agentic._page_field(fake, "What alias does quill-9 have?")[2] == "LATINX"


def test_a_month_a_calendar_date_and_a_code_glued_to_its_acronym():
    """Read splits, 2026-12-03: of candidates on lines naming months, those on the line of the
    month asked ("On 15 July 2026, which abbreviation …?" read January's); "From what date …?"
    takes no clock time; "RFC 5425" is stated by "[RFC5425]"."""
    from ragtune.strategies.agentic import _glued_code, _in_asked_month, _ungrounded
    from ragtune.strategies.question import date_kind
    from ragtune.strategies.values import extract_values, fits
    lines = ["- 15 January 2026: UTC+01:00, abbreviation QET\n- 15 July 2026: UTC+02:00, abbreviation QEST"]
    found = [("QEST", 1.0), ("QET", 1.0)]
    assert _in_asked_month("On 15 July 2026, which abbreviation is in use in Quill?", found, lines) == [("QEST", 1.0)]
    assert _in_asked_month("Which abbreviation is in use in Quill?", found, lines) == found
    assert _in_asked_month("What may be used in Quill?", found, lines) == found  # "may" asks no month
    assert date_kind("From what date are repairs done in the back room?") == "day"
    assert date_kind("When are repairs done?") == "date"
    v = [x for x in extract_values("From 2 November, on Mondays from 18:30.")]
    assert [x.text for x in v if fits(x, "date", "day")] == ["2 November"]
    assert _glued_code("It cites RFC 5425.", "5425", "syslog over tls [rfc5425]")
    assert not _glued_code("It cites RFC 5426.", "5426", "syslog over tls [rfc5425]")
    page = [Hit("p", "c", 1.0, text="- comment = Syslog over TLS [RFC5425]")]
    assert _ungrounded("The comment cites RFC 5425.", "name", "Which RFC does the comment cite?", page) == ""


def test_a_date_span_into_the_next_year_is_a_season_and_a_unit_label_measures_no_count():
    """tables14's dev split (2026-12-03): "the financial year 1 April 2025 to 31 March 2026" is
    2025-26, so its figure does not answer for 2024-25; a count asked is not rag's figure that
    the table writes under "Food given out (kg)"."""
    from ragtune.strategies.agentic import _periods, _unit_labelled
    assert _periods("In the year 1 April 2025 to 31 March 2026 we gave out 18,640 parcels.") == {"2025-26"}
    assert _periods("from 1 January 2026 to 31 December 2026") == {"2026"}
    table = ("| Pantry | Parcels | Food given out (kg) |\n|---|---|---|\n"
             "| Quill Lane Pantry | 1,020 | 11,700 |")
    hits = [Hit("reports/pantries", "c", 1.0, text=table)]
    q = "How many food parcels did Quill Lane Pantry give out?"
    assert _unit_labelled("Pantries: 11,700", q, hits)
    assert not _unit_labelled("1,020", q, hits)


def test_the_organisation_the_question_names_is_the_we_of_its_pages():
    """prose15's dev split (2026-12-03): "On what rotation does the co-op cut its hazel?"
    against "We cut hazel on a seven-year rotation" states what is asked; "the subscription"
    of "what's the subscription for a junior member" is no actor, and a bare year is no date."""
    from ragtune.strategies.agentic import Agentic
    from ragtune.strategies.values import extract_values, fits
    a = Agentic.__new__(Agentic)
    a._sample = lambda: ["We run the woods and our volunteers cut hazel."] * 12
    said = [Hit("woods", "c", 1.0, text="We cut hazel on a seven-year rotation.")]
    assert a._we_for("co-op", "On what rotation does the co-op cut its hazel coppice?", said)
    assert a._we_for("co-op", "What were the co-op's reserves?", said)
    assert not a._we_for("subscription", "what's the subscription for a junior member", said)
    a = Agentic.__new__(Agentic)  # (another corpus: the "we" share is remembered per corpus)
    a._sample = lambda: ["The Trust runs the woods."] * 12
    assert not a._we_for("co-op", "On what rotation does the co-op cut its hazel coppice?", said)
    assert not any(fits(v, "date", "day") for v in extract_values("in 2026"))


def test_reading_rules_found_on_catalog14_prose16_tables15_dev():
    """Rules found on the dev splits of catalog14, prose16 and tables15 (2026-12-04), before
    their test splits were read: field labels with dotted and special names, what "how many"
    counts, numeric record fields, records named by their code, definitions."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import (Agentic, _counted, _field_fits, _half_asked, _label_words,
                                            _stems, defined_term, definition_in)
    from ragtune.strategies.counting import select_record
    # a dotted or special name is one word of a label
    assert _label_words("zone1970.tab countries") == ["zone1970.tab", "countries"]
    assert _label_words("Public-name list (__all__)")[0] == "__all__"
    assert _label_words("lead_scientist") == ["lead", "scientist"]
    assert _half_asked("Other .py files in the package", _stems("How many .py files does the package hold?"))
    # what "how many" counts, up to its verb or preposition
    assert _counted("How many bed nights did it sell in 2025?") == _stems("bed nights")
    assert _counted("What did it cost?") == set()
    assert _counted("How many pupils came on booking B-5?") == _stems("pupils")
    # a four-digit count under "how many" is a count, not a year
    assert _field_fits("Line count", "2040", "number", "How many lines does it have?")
    assert not _field_fits("Released", "2040", "number", "What is its size?")
    # a number field of a record named by its name or its code; the field holds all that is counted
    rows = {"hostels": [{"name": "Fell Lodge", "beds": 24, "dorms": 4}, {"name": "Quay House", "beds": 40, "dorms": 6}],
            "jobs": [{"job": "roof", "cost_gbp": 1390}, {"job": "boiler", "cost_gbp": 900}]}
    fake = SimpleNamespace(_record_collections=lambda: rows,
                           _record_ids={"hostels": ["H-1", "H-2"], "jobs": ["J-07", "J-08"]})
    assert Agentic._record_field(fake, "How many beds does Fell Lodge have?") == ("Fell Lodge", "beds", "24")
    assert Agentic._record_field(fake, "How many bed nights did Fell Lodge sell?") is None
    assert Agentic._record_field(fake, "How much did job J-07 cost, in GBP?") == ("J-07", "cost_gbp", "GBP 1390")
    # a field's own words are no superlative ("first booked" writes `first_booked`)
    cols = {"schools/list": [{"name": "Tarn School", "first_booked": 2016}, {"name": "Dale School", "first_booked": 1990}]}
    assert select_record("Which school in the list first booked a stay in 2016?", cols)[0] == "Tarn School"
    # "What is X?" read where a text defines X
    assert defined_term("What is a safety bond on a stage lantern?") == "safety bond"
    assert defined_term("What is Salt and Iron?") == "Salt and Iron"
    assert defined_term("What is the fee at the pool?") is None  # a relation of the pool
    assert defined_term("What are bait boxes used for?") is None  # a purpose
    assert defined_term("What is the grant for 2026-27?") is None  # a fact
    assert definition_in("safety bond", "and the safety bond, the short steel cable that should catch\n"
                         "a lantern, had gone.") == "the short steel cable that should catch a lantern"
    assert definition_in("relaxed performance", "**What is a relaxed performance?** One where the lights stay"
                         " up. Next.") == "One where the lights stay up."
    assert definition_in("tide gate", "A tide gate is a door in the sea wall.") == "a door in the sea wall"
    assert definition_in("tide gate", "The tide gate was shut.") is None
    # an option's own page is the document named as it; a sentence that denies a property lacks it
    from ragtune.strategies.agentic import _DENIES, _doc_name
    assert _doc_name("lib/functools") == "functools" and _doc_name("jobs/jobs-2026#MJ-07") == "jobs-2026"
    assert _DENIES.search("It does not define __all__.") and _DENIES.search("It doesn't define it.")
    assert not _DENIES.search("It defines __all__, which lists 3 names.")


def test_an_option_the_first_word_carries_on_past_its_name_is_whole():
    # a slash or hyphen inside one token ("text/x-python") keeps the option one name
    assert find_options("Which of text/x-python or application/x-sh comes first in the file?") == \
        ["text/x-python", "application/x-sh"]
    assert find_options("Which is older, Python or Java?") == ["Python", "Java"]


def test_one_item_of_a_listed_answer():
    from ragtune.strategies.question import one_item
    q = "Name one library that the parser imports."
    assert one_item(q, "json, re, typing.") == "json"
    assert one_item(q, "It imports 3 modules: json, re and typing.") == "json"
    assert one_item(q, "json.") is None  # one item already
    assert one_item("Name the one library that the parser imports.", "json, re") is None  # a single thing
    assert one_item("Which libraries does the parser import?", "json, re") is None  # all are asked


def test_a_count_written_with_the_counted_noun_is_picked_over_a_bare_figure():
    q = "How many backup drives does the office keep?"
    assert agentic_mod._counting(q, [("3 drives", 1.0), ("1998", 0.2)]) == ["3 drives"]
    assert agentic_mod._counting(q, [("3 drives", 0.1), ("1998", 0.2)]) == []  # not tied to the relation
    # the end of a compound counts it ("four guards" counts lifeguards), a bare figure never does
    assert agentic_mod._counting("How many lifeguards are on duty?", [("four guards", 0.9), ("16", 1.0)]) == ["four guards"]
    assert not agentic_mod._wrong_dimension("How many lifeguards are on duty?", extract_values("four guards")[0])
    assert agentic_mod._wrong_dimension("How many lifeguards are on duty?", extract_values("four doors")[0])


def test_a_temperature_is_compared_as_a_temperature():
    assert agentic_mod._dimension_wanted("Which is kept at the higher temperature, the bath or the pool?") == "temperature"
    (v,) = extract_values("heated to 31 degrees")
    assert v.dimension == "temperature"


def test_the_bracketed_figure_is_the_year_before_in_a_report_of_its_year():
    report = Hit("reports/annual-2023-24", "c", 1.0, text="Visitors: 52,100 (48,900). Staff: 14 (12).",
                 title="Annual report for the year to 31 March 2024")
    q = "How many visitors came in the year to 31 March 2023?"
    assert agentic_mod._prior_figure(q, "52,100", [report]) == "48,900"
    assert agentic_mod._prior_figure("How many visitors came in the year to 31 March 2024?", "52,100", [report]) is None
    assert agentic_mod._period_before("2024-25") == "2023-24"
    assert agentic_mod._period_before("2020") == "2019"


def test_the_subject_of_the_asked_predicate():
    texts = ["The media type has 2 extensions: abc and abd; abc is listed first and abd last."]
    assert agentic_mod._subject_of_predicate("Which extension is listed first for the type?", texts) == "abc"
    assert agentic_mod._subject_of_predicate("Which extension is listed second for the type?", texts) is None
    assert agentic_mod._subject_of_predicate("Which extension is listed first?", texts + ["xyz is listed first"]) is None


def _with_records(records: dict[str, list[dict]]):
    """An agentic strategy object holding only record collections (no model, no index)."""
    a = agentic_mod.Agentic.__new__(agentic_mod.Agentic)
    a._records = records
    a._record_ids = {p: [r["id"] for r in rs] for p, rs in records.items()}
    return a


def test_a_record_reached_through_another_records_code():
    a = _with_records({
        "depots/depots": [{"id": "DP-1", "name": "North Yard", "manager": "Ann Cole", "bays": 12},
                          {"id": "DP-2", "name": "South Yard", "manager": "Raj Patel", "bays": 8}],
        "teams/teams": [{"id": "TM-1", "name": "Blue team"}, {"id": "TM-2", "name": "Red team"}],
        "trips/trips": [{"id": "TR-7", "depot_code": "DP-2", "team_code": "TM-1", "miles": 40},
                        {"id": "TR-8", "depot_code": "DP-1", "team_code": "TM-2", "miles": 15}],
    })
    assert a._record_chain("Who is the manager of the depot that trip TR-7 left from?") == ("DP-2", "manager", "Raj Patel")
    assert a._record_chain("How many bays does the depot where trip TR-8 started have?") == ("DP-1", "bays", "12")
    assert a._record_chain("How many miles was trip TR-8?") is None  # no second record asked
    assert a._named_by_code("TM-1", "Which team drove trip TR-7?") == "Blue team"
    assert a._named_by_code("TM-1", "Which depot did trip TR-7 use?") is None  # no depot's code


def test_a_why_question_is_answered_by_the_reason_its_sentence_gives():
    from ragtune.strategies.agentic import _reason_clause
    text = ("The night bus leaves at 23:40. Drivers swap at the depot halfway because no driver may "
            "work more than four hours without a break.")
    assert _reason_clause("Why do drivers swap at the depot?", [text]) == \
        "Because no driver may work more than four hours without a break."
    assert _reason_clause("Why is the bus green?", [text]) is None  # no sentence states it


def test_a_code_is_named_by_the_row_of_its_table():
    class OneDocument:  # an index holding one page with a table of codes
        text = ("Every site has a grade.\n\n| Code | Grade | Standard |\n|---|---|---|\n"
                "| BA | Basic | cold water |\n| ST | Standard | hot water |\n")

        def search_many(self, queries, k, mode, collection):
            return [[Hit("grades", "grades::0", 1.0, text=self.text, title="Grades")]]

        def chunks_of(self, doc_id, collection):
            return [Hit("grades", "grades::0", 1.0, text=self.text)]

    a = _with_records({})
    a.index, a.collection = OneDocument(), "default"
    assert a._code_in_table("ST", "grade") == "Standard"
    assert a._code_in_table("XX", "grade") is None  # no row has the code
    assert a._code_in_table("ST", "colour") is None  # no column of that name


def test_a_description_stated_with_the_asked_value_needs_no_bridge():
    from ragtune.strategies.agentic import _states_described
    hit = Hit("history", "history::0", 1.0,
              text="In 2004 a loan of EUR 80,000 from the county bank turned the old barn into a cafe.")
    q = "How large was the loan that turned the old barn into a cafe in 2004?"
    assert _states_described("the loan that turned the old barn into a cafe in 2004", "number", q, [hit])
    # a sentence holding too few of the description's words is another fact
    assert not _states_described("the loan that paid for the new roof of the mill", "number",
                                 "How large was the loan that paid for the new roof of the mill?", [hit])
    # a thousands comma does not end a nested description
    d = nested_description("Which supplier sent the order that cost EUR 3,650?")
    assert d is not None and d.span.endswith("EUR 3,650")


def test_the_bridge_is_the_one_name_doing_what_the_clause_says():
    from ragtune.strategies.agentic import _subject_of_clause
    texts = ["The board chose the new roof by 6 votes to 1. Ada Moss voted against. She asked for a survey."]
    assert _subject_of_clause("the trustee who voted against the new roof", texts) == "Ada Moss"
    assert _subject_of_clause("the trustee who voted for the new roof", texts) is None
    assert _subject_of_clause("the boat that carried the choir",
                              ["The Kestrel carried the choir to the island."]) == "Kestrel"


def test_a_date_word_before_another_noun_asks_no_date():
    assert answer_type("What is the day job of the new treasurer?") != "date"
    assert answer_type("What is the year group of the winning team?") != "date"
    assert answer_type("What was the date of the first meeting?") == "date"
    assert answer_type("What is the closing date?") == "date"


def test_sizes_a_question_sets_select_catalog_pages():
    """"at least four extensions" is a size condition read off each page (a count field, else
    a figure written before the noun); a page whose size is not read leaves no answer; a
    listing question opening with its candidates ("Of A, B and C, which ...") is one too."""
    from ragtune.strategies.list_sizes import size_conditions, size_meets
    assert size_conditions("Which plugin has the type core and at least four hooks?") == [(">=", 4, "hooks")]
    assert size_conditions("Which of these has exactly one alias: a, b, c?") == [("==", 1, "alias")]
    assert size_conditions("Which tower has more than 8 bells and a car park?") == [(">", 8, "bells")]
    assert size_conditions("Which plugin has 4 hooks?") == []  # a bare figure is a field's value
    assert size_meets(4, ">=", 4) and not size_meets(3, ">=", 4) and size_meets(1, "==", 1)
    a = agentic_mod.Agentic.__new__(agentic_mod.Agentic)
    records = {"alpha": {"kind": "core", "number of hooks": "5"}, "beta": {"kind": "core", "hook count": "2"},
               "gamma": {"kind": "extra"}, "delta": {"kind": "core"}}
    texts = {"alpha": "", "beta": "", "gamma": "It declares 6 hooks in all.",
             "delta": "Only 1 hook, named start, is declared; 1 hook in all."}
    a._page_names = lambda: set(records)
    a._page_records = lambda: records
    a._catalog_lists = lambda terms: {}
    a._catalog_unsure = lambda terms: set()
    a._page_says = lambda name, field, value: False
    docs = [(n, Hit(n, n, 1.0, title=n)) for n in records]
    a._catalog_pages = lambda: docs
    a._page_hit = lambda d: d
    a._document_text = lambda doc_id, hit: texts[doc_id]
    assert [a._page_size(n, "hooks") for n in records] == [5, 2, 6, 1]
    got = a._catalog_filter("Which plugin has the kind core and at least four hooks?")
    assert got is not None and got[1] == "alpha"
    got = a._catalog_filter("Of beta, gamma and delta, which one has exactly one hook?")
    assert got is not None and got[1] == "delta"
    texts["gamma"] = "It declares 6 hooks and 2 optional hooks."  # two figures: not read
    a.__dict__.pop("_catalog_memo", None)
    assert a._page_size("gamma", "hooks") is None
    assert a._catalog_filter("Of beta, gamma and delta, which one has exactly one hook?") is None


def test_a_relative_clause_after_a_preposition_is_a_description():
    from ragtune.strategies.question import nested_description
    d = nested_description("The plugin to which the registry maps the hook .init: how many aliases does it list?")
    assert d is not None and d.span == "The plugin to which the registry maps the hook .init"
    assert nested_description("The code 0A1B points to which page?") is None  # it asks


def test_cells_of_the_row_the_question_names():
    """A cell read alone ("Ashby Quarter fares: 49") is a candidate of its row: the row the
    question names keeps its cells, another row's are none, and the cell whose row and column
    words are all the question's is tied to it. A two-column field table has no rows."""
    from ragtune.strategies.agentic import typed_candidates
    from ragtune.strategies.common import Passage
    table = ("| Stop | Fares | Quarter fares | Days open (%) |\n| --- | --- | --- | --- |\n"
             "| Ashby | 8 | 49 | 96 |\n| Brill | 5 | 29 | 87 |")
    h = Hit("fares-2025", "fares-2025::0", 1.0, text=table, title="Fares by stop 2025")
    ps = [Passage(t, h, 1.0) for t in ("Ashby Quarter fares: 49", "Ashby Days open (%): 96", "Brill Quarter fares: 29")]
    got = typed_candidates("How many quarter fares were sold at Ashby in 2025?", "number", ps, ["ashby"])
    assert [c for c, _ in got] == ["49", "96"] and got[0][1] > got[1][1]
    fields = Hit("rec", "rec::0", 1.0, text="| Field | Value |\n|---|---|\n| Number of stops | 1 |\n| Line | 77 |")
    ps = [Passage(t, fields, 1.0) for t in ("Number of stops: 1", "Line: 77")]
    got = typed_candidates("How many stops does route 4A have?", "number", ps, ["4a"])
    assert "1" in [c for c, _ in got]


def test_a_page_named_in_several_words_is_a_catalog_page():
    """"Amazon Root CA 3" saved as amazon-root-ca-3.md names its page; a headline does not."""
    from ragtune.strategies.agentic import _mostly_name_words
    assert _mostly_name_words("Amazon Root CA 3") and _mostly_name_words("emSign ECC Root CA - C3")
    assert _mostly_name_words("Comodo AAA Services root")
    assert not _mostly_name_words("Harbour reopens after the storm") and not _mostly_name_words("Who does what")
    assert not _mostly_name_words("Pillow")  # one word: the file-name rule decides


def test_money_nouns_and_colon_hex_codes():
    from ragtune.strategies.question import answer_type, names
    assert answer_type("What deposit is charged on each milk bottle?") == "number"
    assert answer_type("What is the fare to the island?") == "number"
    assert answer_type("Which fare zone is Ashby in?") == "name"
    assert answer_type("What will the hall hire fee be in 2027?") == "number"  # a quantity to come
    assert answer_type("What will the committee decide?") == "open"
    q = "How big is the cold room?"  # a size: no temperature or clock time answers it
    assert [agentic_mod._wrong_dimension(q, extract_values(t)[0]) for t in ("14 degrees", "07:10")] == [True] * 2
    assert not agentic_mod._wrong_dimension(q, extract_values("64 square metres")[0])
    assert not agentic_mod._wrong_dimension("How large was the grant?", extract_values("GBP 210,000")[0])
    assert "18:CE:6C:FE" in names("Which key's fingerprint begins with 18:CE:6C:FE?")
    assert names("Doors open at 10:30:00 sharp.") == []  # a clock time is no code


def test_periods_lists_among_and_code_starts():
    """Rules from catalog16's r1 traces (2026-12-04, evening), on invented examples: a date
    labelled as a period's other side answers no question of this side; "Of A and B, whose
    ...?" chooses; "lists X among its Ns" is a list condition and a label writing more of the
    noun's words is its list; "absent (why)" lists nothing; a code's start is read as one."""
    from ragtune.strategies.agentic import _CODE_START, _period_side, best_value
    from ragtune.strategies.counting import label_cover, labelled_lists
    from ragtune.strategies.list_sizes import list_conditions
    from ragtune.strategies.question import find_options
    assert _period_side("Which of A or B became valid earlier?") == "start"
    assert _period_side("Which permit runs out first, A or B?") == "end"
    assert _period_side("Which lease starts later and ends sooner?") is None  # both sides
    assert _period_side("Not before:", label=True) == "start" and _period_side("| Valid until |", label=True) == "end"
    page = [Hit("permits/p1", "p1::0", 1.0, title="Permit P1",
                text="| Field | Value |\n|---|---|\n| Valid from | 2019-03-01 |\n| Valid until | 2031-03-01 |")]
    q = "Which permit expires first, P1 or P2?"
    assert best_value(page, "P1", ["P1", "P2"], {"expir", "first"}, q).text == "2031-03-01"
    q = "Which permit became valid earlier, P1 or P2?"
    assert best_value(page, "P1", ["P1", "P2"], {"becam", "valid", "earlier"}, q).text == "2019-03-01"
    assert find_options("Of Permit P1 and Permit P2, whose term starts later?") == ["Permit P1", "Permit P2"]
    assert find_options("Whose idea was the fair?") == []
    assert list_conditions("Which club lists Ann Lee among its founders?") == [(frozenset({"founder"}), "Ann Lee")]
    assert list_conditions("Which club does not list Ann Lee among its founders?") == []
    terms = {"key", "usag"}  # "key usages"
    assert label_cover("Key usage", terms) == 2 and label_cover("Public key", terms) == 1
    assert labelled_lists("Its key usage (critical) is Sign, Encrypt and Wrap.", terms)[0][0] == ["Sign", "Encrypt", "Wrap"]
    assert labelled_lists("| Key usage | absent (no extension) |", terms)[0][0] == []
    assert _CODE_START.search("Which key's fingerprint begins with 4F:0A:9C?").group("code") == "4F:0A:9C"
    assert _CODE_START.search("I hold a token starting A1B2. Whose is it?").group("code") == "A1B2"


def test_glosses_qualifiers_and_abbreviated_headers():
    """Rules from the dev splits of catalog17, prose19 and tables18 (2026-12-04), on invented
    examples: a name's qualifier in brackets belongs to the option; "N or more" sets a size;
    a list item's gloss in brackets names it; a column header may cut a word short; a closing
    time is the end of a range; "What did it cost to ...?" asks an amount."""
    from ragtune.strategies.agentic import _asked_label, _stems, typed_candidates
    from ragtune.strategies.common import Passage
    from ragtune.strategies.counting import labelled_lists
    from ragtune.strategies.list_sizes import size_conditions
    from ragtune.strategies.question import answer_type, find_options
    from ragtune.strategies.shared_items import item_matches
    assert find_options("Which of Frisian (Dutch) or Welsh has more variants?") == ["Frisian (Dutch)", "Welsh"]
    assert find_options("Which file is longer, the one for Welsh or the one for Manx?") == ["Welsh", "Manx"]
    assert size_conditions("Which club has three or more boats?") == [(">=", 3, "boats")]
    items = labelled_lists("| Languages | cym (Welsh), glv (Manx) |", {"languag"})[0][0]
    assert items == ["cym (Welsh)", "glv (Manx)"] and item_matches(items[1], "Manx") and item_matches(items[1], "glv")
    assert labelled_lists("- Requires: alpha (>=2.0), beta", {"requir"})[0][0] == ["alpha", "beta"]
    q = _stems("What registration number does Kestrel carry?")
    assert _asked_label("reg_no", q, short=True) and not _asked_label("reg_no", q)  # (a page's label is whole)
    t = "| Weekdays | 09:00 to 16:00 |\n| Saturday | 08:30 to 13:00 |"
    h = Hit("office", "office::0", 1.0, text=t, title="The office")
    closing = typed_candidates("What time does the office close on a Saturday?", "date", [Passage(t, h, 1.0)], [], "time")
    assert {c for c, tie in closing if tie == max(x for _, x in closing)} == {"16:00", "13:00"}
    assert answer_type("What did it cost to clear the beach after the storm?") == "number"
    assert answer_type("What did the delay cost them?") == "open"


def test_year_columns_plain_counts_and_bracketed_measures():
    """More rules from the new dev splits (2026-12-04), on invented examples: a table with a
    column per year answers a figure of the row the question names in the year it asks; a
    page's plainest count field is its size; a report's bracketed figure with its units is the
    year before's; "competition number" asks a code; "exactly 40 lines long" sizes lines."""
    from ragtune.strategies.agentic import _figure_runs, _prior_figure, _same_measure
    from ragtune.strategies.list_sizes import size_conditions
    from ragtune.strategies.question import answer_type, content_terms
    from ragtune.strategies.timeline import year_column_cell
    table = "| Measure | 2025 | 2024 |\n|---|---|---|\n| Miles driven | 9,100 | 8,450 |\n| Members | 80 | 75 |"
    q = "How many miles did the club drive in 2024?"
    assert year_column_cell(q, table, set(content_terms(q))) == "8,450"
    q = "How many members were there in 2023?"
    assert year_column_cell(q, table, set(content_terms(q))) is None  # no such column
    # (2026-12-05) the year asked says a label's "year": "On the list at the year end"
    listed = "| | 2025 | 2024 |\n|---|---|---|\n| On the list at the year end | 37 | 29 |"
    q = "How many people were on the list at the end of 2025?"
    assert year_column_cell(q, listed, set(content_terms(q))) == "37"
    report = Hit("reports/report-2025", "r::0", 1.0, title="Report 2025",
                 text="Our average wait was 6 minutes 10 seconds (7 minutes 5 seconds).")
    assert _same_measure("6 minutes 10 seconds", "7 minutes 5 seconds") and not _same_measure("6 minutes", "7 days")
    runs = _figure_runs("In 2024 the average wait was 6 minutes 10 seconds.")
    got = next(p for s in runs if (p := _prior_figure("What was the average wait in 2024?", s, [report])))
    assert got == "7 minutes 5 seconds"
    assert answer_type("What competition number does the glider carry?") == "name"
    assert size_conditions("Which file is exactly 40 lines long?") == [("==", 40, "lines")]


def test_names_beside_descriptions_and_sizes_of_none():
    """Rules from catalog17's r1 traces (2026-12-04, after its test split was read), on invented
    examples: the name written beside a quoted description; "gets no N" is a size of none."""
    from ragtune.strategies.agentic import name_beside
    from ragtune.strategies.list_sizes import size_conditions
    table = "| Field | Value |\n|---|---|\n| Variant loud | Kazoo (loud) |\n| Exotic variant soft | Kazoo (soft) |"
    assert name_beside(table, "variant", "Kazoo (loud)") == "loud"
    assert name_beside(table, "variant", "Kazoo (soft)") == "soft"
    assert name_beside('It has 2 variants: loud ("Kazoo (loud)"); soft ("Kazoo (soft)").', "variant", "Kazoo (soft)") == "soft"
    assert name_beside("- Variant loud: Kazoo (loud)", "mode", "Kazoo (loud)") is None  # another noun's label
    assert size_conditions("Among A, B and C, which gets no extra modes from the registry?") == [("==", 0, "extra modes")]
    assert size_conditions("Which app has no extras?") == []  # a list condition reads that one


def test_a_bracket_naming_its_year_gives_that_years_figure():
    """From prose19's r1 traces (2026-12-04, after its test split was read), on an invented
    example: "412 hours of practice (380 in 2024)" gives 380 for 2024, not for another year."""
    from ragtune.strategies.agentic import _prior_figure
    h = Hit("band/year", "b::0", 1.0, title="The band's year",
            text="In 2025 the band put in 412 hours of practice (380 in 2024) and raised GBP 2,100 (GBP 1,950 in 2024).")
    assert _prior_figure("How many hours did the band practise in 2024?", "412 hours", [h]) == "380"
    assert _prior_figure("How much did the band raise in 2024?", "GBP 2,100", [h]) == "GBP 1,950"
    assert _prior_figure("How many hours did the band practise in 2023?", "412 hours", [h]) is None


def test_reading_rules_of_the_catalog18_prose20_tables19_dev_splits():
    """Rules found tuning on the dev splits of catalog18, prose20 and tables19 (2026-12-04),
    on invented examples."""
    a = agentic_mod
    # a field label's numbered name must be the one the question writes
    assert a._numbers_clash("ISO 639-1", "What is the ISO 639-3 code of Quen?")
    assert a._numbers_clash("iso639 1", "What is the ISO 639-3 code of Quen?")
    assert not a._numbers_clash("ISO 639-3", "What is the ISO 639-3 code of Quen?")
    assert a._numbers_clash("ISO 639-3 code", "What numeric ISO 15924 code has Quen?")
    assert a._numbers_named("ISO 639-1", "Which ISO 639-1 code has Quen?")
    # the doer of the question's verb: `builder` for "who built", `checked_by` for "who checks"
    assert a._agent_label("builder", "Who built Marrowtide?") and a._agent_label("checked_by", "Who checks route QX-1?")
    assert a._agent_label("fitter", "Who fits out Marrowtide?") and not a._agent_label("builder", "Who sold it?")
    # column headers cut short or written as consonants
    assert a._shortened("hrs", {"hour"}) and a._shortened("eng", {"engin"}) and a._shortened("nts", {"night"})
    assert not a._shortened("hp", {"hors"})
    # a page of several words is named as a phrase, and its words name no other page
    pages = {"pomo", "northern pomo", "old quenish (ca- 450-1100)", "zed"}
    assert a._pages_named_in("What is the code of Northern Pomo?", pages) == {"northern pomo"}
    assert a._pages_named_in("Is Pomo older than Northern Pomo?", pages) == {"pomo", "northern pomo"}
    assert a._pages_named_in("Which type is Old Quenish given?", pages) == {"old quenish (ca- 450-1100)"}
    assert a._file_key("Volapük") == "volapuk"
    # the figure a sentence compares its own with is what it was before
    text = "Renewed with Quill Mutual at GBP 4,380, up from GBP 3,950, after the claim."
    got = a._COMPARED_FROM.search(text[: text.index("GBP 3,950")])
    assert got and not a._COMPARED_FROM.search(text[: text.index("GBP 4,380")])
    # "that other layout" asks of another thing than the one named
    assert a._OTHER_ASKED.search("Take the layout X includes. How many variants has that other layout?")
    assert not a._OTHER_ASKED.search("Is X other than Y?")
    # a code asked by "what is the ... code of" is a short name; a measure asked in a unit is a number
    assert answer_type("What is the ISO 639-3 code of Quen?") == "name"
    assert answer_type("What is the code of conduct for volunteers?") == "open"
    assert answer_type("What is the engine power, in hp, of the boat on hire QX-3?") == "number"
    assert a._ASKS_STEP.match("Which step of the handover checklist covers greasing the gland?")
    assert a._ASKS_STEP.match("At which stage of the closing procedure is the gas shut?")


def test_counts_people_qualifiers_acronyms_and_measures():
    """Rules read from prose20, tables19 and catalog18 read splits and the new dev splits
    (2026-12-04), on invented examples."""
    from ragtune.strategies import agentic as a
    from ragtune.strategies.question import find_options, names
    # people counted by the noun of what they did; a word the question narrows the count by
    q = "How many people cycled in the dusk parade?"
    (riders,) = extract_values("412 cyclists set off")
    assert not a._wrong_dimension(q, riders) and a._doer_of("cyclist", q)
    (doors,) = extract_values("3 doors were open")
    assert a._wrong_dimension(q, doors)
    found = [("7,100 people", 1.0), ("5,120 online", 1.0), ("1,980", 0.9)]
    assert a._qualified("How many people signed the petition online?", found) == ["5,120 online"]
    assert a._qualified("How many people signed the petition?", found) == []
    # the counted noun is no metadata filter; an acronym a chunk writes out is seen
    assert a._without_counted("How many quarter tickets were sold in 2025?").split() == ["were", "sold", "in", "2025?"]
    assert a._spelled_out("The annual general meeting voted.", "AGM")
    assert not a._spelled_out("A good meal was had.", "AGM")
    # a year before a noun dates that document or event, not the value
    assert a._DATED_NOUN.search("What rent did they offer in their March 2026 letter?")
    assert not a._DATED_NOUN.search("What rent did they pay in 2026?")
    # a day before another noun and its verb is no date question
    assert answer_type("What day rate does Quen charge the club?") == "number"
    assert answer_type("What day does the club meet?") == "date"
    assert answer_type("What was the average price paid for a Quen bike in 2025?") == "number"
    # a kind written once before the first of two codes; a thing of a place keeps its words
    assert find_options("Which cost more, repair job RJ-04 or RJ-09?") == ["RJ-04", "RJ-09"]
    assert find_options("Which holds more, the tank at Quen Barn or the Zed boiler?")[0] == "tank at Quen Barn"
    # a name is not cut before a letter outside ASCII
    assert names("Which district contains Zapadno-Mitrovački?") == ["Zapadno-Mitrovački"]
    # a figure asked by its kind: the number written after the asked words, on the standard's line
    page = "- ISO 9999 script of the same name: Quen (Quenish), numeric code 071\n- code: qen"
    assert a._numeric_written("numeric code", "Which numeric ISO 9999 code has Quenish?", [page]) == "071"
    assert a._letters_written(4, "What is the four-letter ISO 9999 code of Quenish?", [page]) == "Quen"
    # a measure's noun for its adjective; a header's unit need not be asked
    assert a._measure_nouns("How heavy is the quern?") == {a._one_stem("weight")}
    assert a._asked_label("wt_g", a._stems("How heavy is the quern?") | a._measure_nouns("How heavy is the quern?"),
                          short=True)
    # the sentence after a passage, within its paragraph
    h = Hit("d", "c", 1.0, text="The Quen Trust. It gave GBP 900 for heaters.\n\nNext part.")
    read_on = a._with_next_sentences([Passage("The Quen Trust.", h, 1.0)])
    assert [p.text for p in read_on] == ["The Quen Trust.", "It gave GBP 900 for heaters."]
    # a list item's bold subject for its sentence without one; an area asked is no count
    item = "- **Ann Quell**, chair. Runs a plant nursery at Zedmoor; chair since 2020.\n- **Bo Tarr**, treasurer."
    assert a._item_subject("Runs a plant nursery at Zedmoor; chair since 2020.", item) == "Ann Quell"
    assert a._item_subject("Ann Quell runs a nursery.", item) == ""
    (trees,) = extract_values("it has 41 trees")
    (hectares,) = extract_values("it is 0.7 ha")
    assert a._wrong_dimension("What is the area of the orchard?", trees)
    assert not a._wrong_dimension("What is the area of the orchard?", hectares)


def test_codes_of_a_form_bracketed_names_and_domain_words():
    """(2026-12-05) Rules from the catalog19 and prose21 read splits, on invented examples."""
    from ragtune.strategies import agentic as a
    # a code of the asked form in a table's cell after its label
    row = "| Country's ISO 9999-1 alpha-3 code | QEN |\n| Country's ISO 9999-1 numeric code | 071 |"
    assert a._letters_written(3, "What is the three-letter ISO 9999-1 code of Zed?", [row]) == "QEN"
    assert a._numeric_written("numeric code", "Which numeric ISO 9999-1 code has Zed?", [row]) == "071"
    # a page titled with an alternative in square brackets is named by its first name
    pages = {"quenby [quenby]", "zed moor"}
    assert a._pages_named_in("What is the parent of Quenby?", pages) == {"quenby [quenby]"}
    # a domain word need not be beside a count written with its noun, but must beside a bare one
    h = Hit("orchards/top", "c", 1.0, text="We planted 34 varieties there in 2019.")
    q = "How many apple varieties were planted at Top Field?"
    assert a._unqualified_count(q, "34 varieties", [h]) == [a.stem("apple")]
    assert a._unqualified_count(q, "34 varieties", [h], common=lambda w: w == "apple") == []
    bare = Hit("orchards/top", "c", 1.0, text="Line 34 of the register.")
    assert a._unqualified_count(q, "34", [bare], common=lambda w: w == "apple") == [a.stem("apple")]


def test_sums_by_any_verb_numbers_in_words_and_codes_by_label():
    """(2026-12-05) Rules from the prose21 and catalog19 read splits, on invented examples."""
    from ragtune.strategies import agentic as a
    # a sum asked with one verb is stated with another: paying is buying, putting in is giving
    h = Hit("kit/boat", "c", 1.0, text="We bought the launch in 2019 for EUR 4,200 from a yard in Quenby.")
    q = "How much did the club pay for the launch?"
    assert a._value_without_relation("EUR 4,200", "number", q, [h]) == ""
    assert [c for c, _ in a.typed_candidates(q, "number", [Passage(h.text, h, 1.0)], [])] == ["EUR 4,200"]
    # (a count asked with a buying verb is no sum)
    assert not a._asks_sum("How many oars did the club buy?", {"oar", "club", "buy"})
    # a sentence of a retrieved chunk holding the whole relation, with its page's title
    fair = Hit("blog/fair", "c", 1.0, title="Spring fair 2026",
               text="We sold 80 cakes. The tin raised EUR 610 for the roof.")
    other = Hit("fees", "d", 1.0, title="Fees", text="The smallest charge is EUR 3.")
    got = a._relation_sentences("How much money was collected at the spring fair?", "number", [other, fair])
    assert [p.text for p in got] == ["The tin raised EUR 610 for the roof."]
    # numbers written in words past twenty
    assert [(v.text, v.key) for v in extract_values("fitted in forty-five minutes")] == \
        [("forty-five minutes", (45 / 1440,))]
    assert [v.text for v in extract_values("for thirty years")] == ["thirty years"]
    # how long one did a thing is no one's age; a count of the things asked is no size
    walk = Hit("history", "c", 1.0, text="Ada Venn, who had rowed there for thirty years, called a meeting.")
    assert a.typed_candidates("How old was Ada Venn when she called the meeting?", "number",
                              [Passage(walk.text, walk, 1.0)], ["ada venn"]) == []
    (sheds,) = extract_values("three sheds")
    assert a._wrong_dimension("How big is the shed the club owns?", sheds)
    # "alpha-3" asks a code of three letters; a label ending in "numeric" holds the numeric code
    page = "- ISO 9999-1 alpha-2: QE\n- ISO 9999-1 alpha-3: QEN\n- ISO 9999-1 numeric: 071"
    q = "What is the ISO 9999-1 alpha-3 code of Zed's country?"
    assert a._letters_written(a._letters_asked(a._LETTERS_ASKED.search(q)), q, [page]) == "QEN"
    assert a._numeric_written("numeric country code", "Which numeric country code has Zed?", [page]) == "071"


def test_described_rows_figures_and_last_year_columns():
    """(2026-12-05) Rules from the tables13 to tables20 read splits, on invented examples."""
    from ragtune.strategies import agentic as a
    from ragtune.strategies.timeline import described_row_cell
    log = ("| Date | Boat | Reported by | What happened | Action | Cost (EUR) |\n|---|---|---|---|---|---|\n"
           "| 2026-01-04 | BT-1 | Ada Venn | oar lock snapped by a wave off Quen Point | oar lock replaced | 84 |\n"
           "| 2026-03-02 | BT-2 | Bo Tarr | hull scraped at the Zed slipway | hull patched | 310 |\n"
           "| 2026-05-09 | BT-4 | Ada Venn | rudder jammed on Zed Bank | rudder freed; the boat was to be sold | 45 |\n"
           "| 2026-07-19 | BT-3 | Cy Moss | ran into a buoy at Marl Zed Bank | bow replaced | 1,020 |")
    # the row the question describes most, under the column it asks (its unit in brackets aside)
    assert described_row_cell("What did it cost to mend the oar lock a wave snapped off Quen Point?",
                              log, who=False, figure=True) == "84"
    assert described_row_cell("What did it cost to fix the bow after a boat ran into a buoy at Marl?",
                              log, who=False, figure=True) == "1,020"
    assert described_row_cell("Who reported the damage at the slipway?", log, who=True) == "Bo Tarr"
    assert described_row_cell("Which boat was damaged by a buoy at Marl?", log, who=False) == "BT-3"
    assert described_row_cell("Which boat was damaged in 2026?", log, who=False) is None
    # a report's "Last year" column holds the year before's figure of the row
    report = Hit("reports/figures-2025-26", "c", 1.0, title="The year in figures, 2025-26",
                 text="| Measure | This year | Last year |\n|---|---|---|\n| Boats launched | 412 | 388 |\n"
                      "| Crew trained | 31 | 27 |\n| Shouts | 9 | 12 |")
    assert a._prior_figure("How many boats were launched in 2024-25?", "412", [report]) == "388"
    assert a._prior_figure("How many boats were launched in 2025-26?", "412", [report]) is None
    # a year written just before a value ties it to that year
    h = Hit("kit", "c", 1.0, text="The winch came from a yard in Quen; we bought it in 2012 for EUR 3,300.")
    found = dict(a.typed_candidates("How much did we pay for the winch in 2012?", "number",
                                    [Passage(h.text, h, 1.0)], []))
    assert found["EUR 3,300"] > 0.5


def test_catalog_pages_named_by_possessive_or_without_a_shared_first_word():
    """(2026-12-05) From the catalog20 dev split, on invented page names: a first word many
    pages share is joined by a possessive ("Quen's Amber Fox") or left out when the rest, of two
    words or more, names one page ("Amber Fox"), but not after another capitalised word."""
    from ragtune.strategies import agentic as a
    from ragtune.strategies.question import answer_type
    pages = {"quen amber fox", "quen brisk hare", "quen cold owl", "zed root ca 2", "zed root ca 3", "zed ink"}
    assert a._pages_named_in("When did Quen's Amber Fox ship?", pages) == {"quen amber fox"}
    assert a._pages_named_in("When did Amber Fox ship?", pages) == {"quen amber fox"}
    assert a._pages_named_in("What is the key size of Mox Root CA 2?", pages) == set()
    # a kind of date asked before its verb is a date; "which release" with no date is a version
    assert answer_type("What release date does the table give for Amber Fox?") == "date"
    assert answer_type("What end-of-life date is recorded for Quen 12?") == "date"
    assert answer_type("Which release came first?") == "version"


def test_catalog_pages_called_by_another_name_their_neighbours_write_in_brackets():
    """(2026-12-05) From the catalog20 dev split and read split r1, on invented releases: a page
    is named by the other name the pages write in brackets after its name ("Quen Cold Owl (Quen
    4.10 LTS)"), cut after its number ("Quen 4.10"); a page given several bracketed names lists
    variants, and a word page names themselves write in brackets is a qualifier."""
    from types import SimpleNamespace
    from ragtune.strategies import agentic as a
    from ragtune.strategies.agentic import Agentic
    texts = {
        "quen-amber-fox": "Quen 3.04 is named Amber Fox. It precedes Quen Brisk Hare (Quen 3.10).",
        "quen-brisk-hare": "It follows Quen Amber Fox (Quen 3.04) and precedes Quen Cold Owl (Quen 4.10 LTS).",
        "quen-cold-owl": "It follows Quen Brisk Hare (Quen 3.10).",
        "zed": "Layouts: Zed (Alpha), Zed (Beta 2).",
        "ink-mars": "See also Pen (Mars).",
        "pen": "A pen.",
        "ink-venus": "An ink.",
    }
    titles = {"quen-amber-fox": "Quen Amber Fox", "quen-brisk-hare": "Quen Brisk Hare", "quen-cold-owl": "Quen Cold Owl",
              "zed": "Zed", "ink-mars": "Ink (Mars)", "pen": "Pen", "ink-venus": "Ink (Venus)"}
    fake = SimpleNamespace(
        collection=None,
        _catalog_pages=lambda: [(t, SimpleNamespace(doc_id=d)) for d, t in titles.items()],
        _page_names=lambda: {t.lower() for t in titles.values()},
        index=SimpleNamespace(chunks_of=lambda d, c: [SimpleNamespace(text=texts[d])]))
    fake._page_aliases = lambda: Agentic._page_aliases(fake)
    assert Agentic._page_aliases(fake) == {"quen 3.04": "Quen Amber Fox", "quen 3.10": "Quen Brisk Hare",
                                           "quen 4.10 lts": "Quen Cold Owl"}
    asked = Agentic._named_by_page(fake, "When did Quen 4.10 come out?")
    assert asked == "When did Quen Cold Owl (Quen 4.10) come out?"
    assert a._as_written(fake, asked) == "When did Quen 4.10 come out?"
    assert Agentic._named_by_page(fake, "When did Quen 4.101 come out?") == "When did Quen 4.101 come out?"
    assert Agentic._named_by_page(fake, "Is Quen 3.04 older than Quen 3.10?") == "Is Quen 3.04 older than Quen 3.10?"
    # a sentence's full stop is not part of the name before it
    pages = {"quen amber fox", "quen brisk hare", "quen cold owl"}
    assert a._pages_named_in("Take the release after Quen's Amber Fox. When did it end?", pages) == {"quen amber fox"}


def test_a_neighbour_asked_reads_the_sequence_a_page_states_and_a_second_sentence_asks_of_it():
    """(2026-12-05) From the catalog20 dev split and read split r1, on invented pages: "the
    release before X" reads X's previous one, written as a field or as "It follows A and
    precedes B"; "which release succeeded X" asks the next one, "which did X succeed" the
    previous; a second sentence asks its question of the page the first one found."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic, _unstated_relation
    prose = ("Quen 3.10 is named Brisk Hare. It was released on 2 May 2020.\n\n"
             "It follows Quen Amber Fox (Quen 3.04) and precedes Quen Cold Owl (Quen 4.10).")
    page = SimpleNamespace(_whole_page=lambda own: own, _is_field=lambda noun: True,
                           _identifier_in=lambda q: None, _own_page_of=lambda q: [Hit("quen-brisk-hare", "c", 1.0, text=prose, title="Quen Brisk Hare")])
    assert Agentic._page_field(page, "Which Quen release came right before Quen Brisk Hare?")[2] == "Quen Amber Fox (Quen 3.04)"
    assert Agentic._page_field(page, "Which release succeeded Quen Brisk Hare?")[2] == "Quen Cold Owl (Quen 4.10)"
    assert Agentic._page_field(page, "Which release did Quen Brisk Hare succeed?")[2] == "Quen Amber Fox (Quen 3.04)"
    fields = "# Quen Brisk Hare\n\n- Release: 2020-05-02\n- Version: 3.10\n- Next release: Quen Cold Owl (Quen 4.10)"
    page.__dict__["_own_page_of"] = lambda q: [Hit("quen-brisk-hare", "c", 1.0, text=fields, title="Quen Brisk Hare")]
    assert Agentic._page_field(page, "Which release came after Quen Brisk Hare?")[1:] == ("next release", "Quen Cold Owl (Quen 4.10)")
    chain = SimpleNamespace(_page_names=lambda: {"quen brisk hare", "quen cold owl"},
                            _page_field=lambda q: Agentic._page_field(page, q))
    got = Agentic._chained(chain, "Take the release right after Quen Brisk Hare. When did that one come out?")
    assert got[1] == "When did Quen Cold Owl come out?"
    assert Agentic._chained(chain, "Take Quen Brisk Hare. When did the first one come out?") is None
    # a release states when a thing came out
    said = [Hit("quen-cold-owl", "c", 1.0, text="Quen Cold Owl was released on 3 May 2021.", title="Quen Cold Owl")]
    assert _unstated_relation("When did Quen Cold Owl come out?", "date", said) == []


def test_a_section_names_its_fields_and_lists_and_a_page_is_named_by_its_file():
    """(2026-12-05) From the catalog21 dev split, on an invented page: `Count: 3` under "##
    Imported targets" is the imported targets' count (a label several sections repeat is read
    only with its section), a label of the page's own fits before a sectioned one, "which
    command" reads the one item a "## Commands" section lists (no count), and "FindZed.cmake"
    names the page "FindZed"."""
    from types import SimpleNamespace
    from ragtune.strategies import agentic as a
    from ragtune.strategies.agentic import Agentic
    chunks = [Hit("findzed", "findzed::0-aa", 1.0, text="- Module: FindZed\n- Default target: Zed::core",
                  title="FindZed", heading="Identity"),
              Hit("findzed", "findzed::1-bb", 1.0, title="FindZed", heading="Imported targets",
                  text="- Count: 2\n- `Zed::core`\n- `Zed::cli`"),
              Hit("findzed", "findzed::2-cc", 1.0, title="FindZed", heading="Commands",
                  text="- Count: 1\n- `zed_add_plugin`\n\n## File\n- Length: 210 lines")]
    fake = SimpleNamespace(_whole_page=lambda own: own, _is_field=lambda noun: True, _identifier_in=lambda q: None, _own_page_of=lambda q: chunks)
    assert Agentic._page_field(fake, "How many imported targets does FindZed document?")[1:] == ("imported targets count", "2")
    assert Agentic._page_field(fake, "How many commands does FindZed provide?")[2] == "1"
    assert Agentic._page_field(fake, "Which command does FindZed give you?")[2] == "zed_add_plugin"
    assert Agentic._page_field(fake, "What is the default target of FindZed?")[2] == "Zed::core"
    assert a._section_fields("- Length: 210 lines", "File", "FindZed") == [("File", "Length", "210 lines")]
    assert a._section_fields("# FindZed\n- Count: 2", "FindZed", "FindZed") == []  # a page's title is no section
    pages = {"findzed", "findzip"}
    assert a._pages_named_in("How many lines does FindZed.cmake have?", pages) == {"findzed"}


def test_a_record_field_by_its_unit_and_a_pronoun_reads_the_sentence_before():
    """(2026-12-05) From the tables22 and prose23 dev splits, on invented records and text: a
    unit the question writes out is the header's symbol ("metres" for `climb_m`), a label the
    question writes whole wins over one it writes cut short (`height_m` over `cp` for "How
    high"), and a chunk opening with a pronoun is kept with the kept chunk before it."""
    from types import SimpleNamespace
    from ragtune.strategies import agentic as a
    from ragtune.strategies.agentic import Agentic
    rows = {"races": [{"id": "R-1", "name": "Tarn Dash", "climb_m": 480, "finishers": 231},
                      {"id": "R-2", "name": "Moss Run", "climb_m": 310, "finishers": 95}],
            "points": [{"id": "P-1", "cp": 2, "place": "Crag summit", "height_m": 698},
                       {"id": "P-2", "cp": 3, "place": "Low ford", "height_m": 120}]}
    fake = SimpleNamespace(_record_collections=lambda: rows)
    assert Agentic._record_field(fake, "How many metres of climb are there in the Tarn Dash?") == ("Tarn Dash", "climb_m", "480")
    assert Agentic._record_field(fake, "How high is the Crag summit checkpoint?") == ("Crag summit", "height_m", "698")
    kept = [Hit("river/pond", "river/pond::2-0a1b2c3d", 1.0, text="The pond at Sour Farm was dug in 2022.")]
    assert a._continues(Hit("river/pond", "river/pond::3-4e5f6a7b", 1.0, text="It cost £46,000."), kept)
    assert not a._continues(Hit("river/pond", "river/pond::4-4e5f6a7b", 1.0, text="It cost £46,000."), kept)
    assert not a._continues(Hit("river/pond", "river/pond::3-4e5f6a7b", 1.0, text="Sheep graze there."), kept)


def test_page_sizes_shares_flags_and_ranked_rows():
    """(2026-12-05) From the catalog21 and tables22 read splits r1, on invented pages, records
    and tables: a page's own file value names it (no catalog count of one), a label the question
    writes every word of wins over the shorter one inside it, a percentage reads the figure
    written with "%", a comparison reads the number on each page (one field under two layouts'
    labels), a yes/no field decides "which of A and B provides X", a record of another
    collection named by its name selects by its id, and a ranked table's row answers "the
    ninth finisher"."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic
    from ragtune.strategies.counting import count_records, pick_record
    from ragtune.strategies.question import content_terms
    from ragtune.strategies.timeline import ranked_row_cell, table_rows
    page = [Hit("findzed", "findzed::0-aa", 1.0, title="FindZed", heading="File",
                text="- Length: 620 lines\n- Documentation block: 80 lines (13% of the file)\n"
                     "- Lines outside the documentation block: 540\n- Has imported targets: no",
                metadata={"file": "FindZed.cmake", "file_lines": 620})]
    fake = SimpleNamespace(_whole_page=lambda own: own, _is_field=lambda noun: True, _identifier_in=lambda q: None, _own_page_of=lambda q: page)
    got = Agentic._page_field(fake, "How many lines of FindZed.cmake lie outside its documentation block?")
    assert got[1:] == ("lines outside the documentation block", "540")
    assert Agentic._page_field(fake, "What percentage of FindZed.cmake is documentation?")[2] == "13%"
    assert Agentic._page_field(fake, "Which file is longer, FindZed or ?", want="number")[2] == "620"
    assert Agentic._page_field(fake, "Which of FindZed and  provides imported targets?", yes_no=True)[2] == "no"
    # a table that ends where a chunk ends is read whole (no next chunk's line glued to its row)
    from ragtune.types import Chunk
    a = Chunk("z::0-aa", "z", "| Field | Value |\n|---|---|\n| Share | 45% |", title="z")
    b = Chunk("z::1-bb", "z", "None documented.", title="z", heading="Result variables")
    chunks = {"z": [a, b]}
    whole = Agentic._whole_page(SimpleNamespace(index=SimpleNamespace(chunks_of=lambda d, c: chunks[d]),
                                                collection="default"), [Hit("z", "z::0-aa", 1.0)])
    assert whole[0].text.endswith("| 45% |")
    # the checkpoints of the race the question names by its name: `race` holds its id
    cols = {"races/races": [{"name": "Tarn Dash", "dist_km": 8.4}, {"name": "Moss Run", "dist_km": 12.1}],
            "races/checkpoints": [{"race": "R-1", "place": "Crag summit", "height_m": 698},
                                  {"race": "R-1", "place": "Low ford", "height_m": 120},
                                  {"race": "R-2", "place": "Hag col", "height_m": 730}]}
    ids = {"races/races": ["R-1", "R-2"], "races/checkpoints": ["C-1", "C-2", "C-3"]}
    rec, field, cond = pick_record("Which checkpoint on the Tarn Dash is highest?", cols, None, ids)
    assert (rec["place"], field, cond) == ("Crag summit", "height_m", {"race": "r-1"})
    clubs = {"clubs/clubs": [{"name": "A C", "members": 73}, {"name": "B C", "members": 40},
                             {"name": "C C", "members": 61}]}
    assert count_records("How many member clubs have more than 60 members?", clubs)[0] == 2
    # `Y`/`N` flags by their headers cut short, each negated in its own clause
    from ragtune.strategies.counting import select_record
    runs = [{"name": "Alder Run", "nav": "Y", "champ": "Y"}, {"name": "Birch Dash", "nav": "Y", "champ": "N"},
            {"name": "Cedar Trot", "nav": "N", "champ": "N"}]
    got = select_record("Which race needs navigation but does not count for the championship?", {"races/all": runs})
    assert got == ("Birch Dash", {"nav": "y", "champ": "n"})
    # a catalog page's yes/no field named by its words, denied only in its own clause
    from ragtune.strategies.agentic import _asked_flags
    pages = [{"deprecated": "yes", "has_imported_targets": "no"}, {"deprecated": "no", "has_imported_targets": "yes"}]
    assert _asked_flags("which one carries a deprecation note?", pages) == {"deprecated": "yes"}
    assert _asked_flags("which has no versionadded note and provides imported targets?", pages) == {
        "has_imported_targets": "yes"}
    assert _asked_flags("which provides no imported targets?", pages) == {"has_imported_targets": "no"}
    # a value listing named figures gives the one named; a count by a doer's verb ("win": `winner`)
    from ragtune.strategies.agentic import _coded_words_written, _named_item
    listed = "x86-64 (amd64) 151; i386 152; aarch64 230. It is listed in all four tables"
    assert _named_item(listed, "Which number does it have on aarch64?") == "230"
    assert _named_item(listed, "Which number does it have on amd64?") == "151"
    assert _named_item(listed, "Which number does it have on riscv64?") is None
    assert _coded_words_written("i386 number", "On 32-bit x86 (i386), which number?")
    assert not _coded_words_written("x86_64", "On 32-bit x86 (i386), which number?")
    # a labelled sentence inside a paragraph is a field; a sentence's start is no label
    from ragtune.strategies.agentic import _INLINE_FIELD
    para = "Its numbers: i386 106; arm 106. Missing from the main tables: aarch64. It lists 3 aliases: A, B and C."
    assert [m.groups() for m in _INLINE_FIELD.finditer(para)] == [("Missing from the main tables", "aarch64")]
    events = {"regatta/events": [{"event": "open 8+", "winner": "Hollowmere RC"}, {"event": "open 1x", "winner": "Ashby"},
                                 {"event": "club 4+", "winner": "Hollowmere RC"}]}
    assert count_records("How many events did Hollowmere RC win?", events)[0] == 2
    text = ("| | |\n|---|---|\n| Start | 11:00 |\n| Pos | Runner | Time |\n|---|---|---|\n"
            "| 1 | Ann Quell | 47:29 |\n| 2 | Bo Tarrant | 48:10 |\n| 3 | Cy Odell | 49:02 |")
    assert [h for h, _ in table_rows(text)] == [["", ""], ["Pos", "Runner", "Time"]]
    q = "What time did the third finisher record?"
    assert ranked_row_cell(q, text, set(content_terms(q)), who=False) == "49:02"
    assert ranked_row_cell("Who came in second?", text, set(), who=True) == "Bo Tarrant"
    assert ranked_row_cell("Who came in fifth?", text, set(), who=True) is None


def test_field_bounds_aligned_lines_and_values_after_their_names():
    """Catalog filters by a bound on a numeric field the question names ("an arm number above
    350"), by its absence ("has no x86-64 number") and by a figure of one named field; a
    comma-separated field value holds each of its items; a plain-text table's line read by the
    label the question names; a compared value read right after the option's name; a
    currency code aligned away from its figure is still money."""
    from ragtune.strategies.agentic import (_aligned_value, _field_bounds, _holds_value, _meets_bound,
                                            best_value)
    from ragtune.strategies.values import extract_values
    recs = [{"groups": "file, signal", "arm": "355", "x86 64": "289"}, {"groups": "memory", "arm": "192", "x86 64": "none"},
            {"groups": "signal", "arm": "67", "x86 64": "13"}]
    assert _field_bounds(" which call has an arm number above 350 and is in the signal group? ", recs) == [
        ("arm", ">", 350.0, "350")]
    assert _field_bounds(" which call has an i386 number below 50? ", recs) == []  # no such field
    assert _field_bounds(" which clubs have more than 60 members? ", [{"members": "73"}, {"members": "40"}]) == []
    assert _field_bounds(" which memory call has no x86 64 number? ", recs) == [("x86 64", "none", 0.0, "")]
    assert [r["arm"] for r in recs if _meets_bound(r["arm"], ">", 350)] == ["355"]
    assert [r["arm"] for r in recs if _meets_bound(r["x86 64"], "none", 0)] == ["192"]
    assert _holds_value("file, signal", "signal") and not _holds_value("file, signal", "sig")
    sheet = ("Costs\n  Hall hire            GBP   180\n  Caterers             GBP   640\n"
             "  Raffle prizes        GBP    35\n  Total costs          GBP   855\n")
    assert _aligned_value("How much did the hall hire cost for the show?", [sheet]) == "GBP 180"
    assert _aligned_value("What were the total costs?", [sheet]) == "GBP 855"
    assert _aligned_value("How much did the tombola take?", [sheet]) is None  # no line names it
    assert [(v.text, v.unit, v.key) for v in extract_values("Hall hire   GBP   180")] == [("GBP   180", "gbp", (180.0,))]
    from ragtune.types import Hit
    h = Hit(chunk_id="r::0-1", doc_id="r", text="Spending. Rent GBP 9,100 (GBP 8,800); insurance GBP 1,950; "
            "trailer upkeep GBP 2,400. In all GBP 13,450.", score=1.0)
    opts = ["insurance", "trailer upkeep"]
    assert best_value([h], "insurance", opts, {"spend", "more"}, "Did we spend more on insurance or trailer upkeep?").text \
        == "GBP 1,950"
    assert best_value([h], "trailer upkeep", opts, {"spend", "more"}, "Did we spend more on insurance or trailer upkeep?").text \
        == "GBP 2,400"
    # a bare figure is a record's value only where the question names its field
    from ragtune.strategies.counting import select_record
    members = {"club/members": [{"member": "Ada Reen", "joined": "2025", "notes": "novice"},
                                {"member": "Bo Lusk", "joined": "2019", "notes": "regional sculling winner 2025"}]}
    assert select_record("Which member joined in 2025?", members) is not None
    # (read by its note's words instead, 2026-12-08: no field is named, and one note writes them)
    assert select_record("Which member was regional sculling winner in 2025?", members) \
        == ("Bo Lusk", {"its note": "writes the question's words"})
    # asked "who", a row's cell in lower case names nobody
    from ragtune.strategies.timeline import described_row_cell
    levels = ("| level | flag | who may go out |\n|---|---|---|\n| green | green | everyone |\n"
              "| amber | amber | seniors only |\n| black | black | nobody; ice on the lake |\n")
    assert described_row_cell("Who sets the lake level each morning?", levels, who=True) is None


def test_heading_lists_named_counts_compounds_and_set_aside_words():
    """A heading lists the bullets (or the table's first column) under it; "requires both A
    and B" is two conditions; a count in brackets after the item the question names; a label
    inside a hyphenated compound the question writes is not asked, nor is what it sets aside;
    a capitalised number word opening a sentence is a value, not a name."""
    from ragtune.strategies.agentic import (_SET_ASIDE, _compound_part, _field_fits, _in_code_quotes,
                                            _label_of_term, _name_spans, _named_count)
    from ragtune.strategies.counting import labelled_lists
    from ragtune.strategies.list_sizes import list_conditions
    from ragtune.strategies.question import content_terms, names, stem
    from ragtune.strategies.values import extract_values
    page = ("# Needs (3)\n- quillpen >=2.1 [page here]\n- inkwell\n- blotter <4,>=1.0\n\n# Extras (0)\n- none\n"
            "\n# Plugins\n\n| Plugin | Version |\n|---|---|\n| nib | 1.2 |\n| ferrule | 0.3 |\n")
    got = {label: items for items, _, _, label in labelled_lists(page, {stem("needs")})}
    assert got == {"Needs": ["quillpen >=2.1", "inkwell", "blotter <4,>=1.0"]}
    assert [items for items, *_ in labelled_lists(page, {stem("extras")})] == [[]]
    assert [items for items, *_ in labelled_lists(page, {stem("plugin")})] == [["nib", "ferrule"]]
    # (a word in brackets is an aside, no label)
    assert labelled_lists("It offers 2 extras: fast (1 requirement), tidy (3 requirements).", {stem("requirement")}) == []
    assert [i for _, i in list_conditions("Which tool requires both inkwell and blotter?")] == ["inkwell", "blotter"]
    assert _named_count("How many requirements does the tidy extra add?",
                        ["Extras: 2: fast (1 requirement), tidy (3 requirements)"]) == "3"
    assert _named_count("How many requirements does it have?", ["Extras: fast (1 requirement)"]) is None
    assert _compound_part("version", "Which Metadata-Version does it use?")
    from ragtune.strategies.agentic import _other_end
    assert _other_end("Minimum Python", "What is the newest Python version its classifiers list?")
    assert not _other_end("Minimum Python", "What is the oldest Python version it supports?")
    assert not _other_end("Python versions", "What is the newest Python version its classifiers list?")
    assert not _compound_part("Metadata-Version", "Which Metadata-Version does it use?")
    assert not _compound_part("End of life", "What end-of-life date is recorded?")
    assert not _compound_part("Functions at module level", "How many top-level functions are there?")
    assert _SET_ASIDE.sub(" ", "Leaving extras aside, how many other than tests?").split() == [",", "how", "many", "?"]
    assert _field_fits("Oldest classifier", "3.2", "version", "Which oldest version?")
    text = "Seventy-one members came, and Ada Lusk chaired."
    assert [(v.text, v.key) for v in extract_values(text, _name_spans(text, names(text)))] == [
        ("Seventy-one members", (71.0,))]
    assert _in_code_quotes("Which tool has the `nib` group?", "nib") and not _in_code_quotes("the nib group", "nib")
    asked = {stem(w) for w in content_terms("Which tool registers entry points in the nib group?")}
    assert _label_of_term("Keywords: nib, ink. Entry point groups: nib (1 entry).", "nib", asked) == 3
    assert _label_of_term("Keywords: nib, ink.", "nib", asked) == 0
    from ragtune.strategies.agentic import _named_item
    urls = "Homepage: https://quill.example/; Docs: https://quill.example/docs/; Issue Tracker: https://t.example/q"
    assert _named_item(urls, "What is the docs url of quill?") == "https://quill.example/docs/"
    assert _named_item(urls, "Where is the issue tracker of quill?") == "https://t.example/q"
    assert _named_item(urls, "What is the funding url of quill?") is None
    # a measure the question writes is no candidate, however the text writes it; income is a sum
    from ragtune.strategies.agentic import Passage, _asks_price, typed_candidates
    from ragtune.types import Hit
    shop = Passage("The kiosk sells 20-litre cans at GBP 9 and 20 litres of mulch at GBP 4.", Hit("k", "k::0-1", 1.0), 1.0)
    got = [c for c, _ in typed_candidates("What does the kiosk charge for a 20-litre can?", "number", [shop], [])]
    assert "20 litres" not in got and "GBP 9" in got
    assert _asks_price("What was the club's total income in 2025?")
    # "why can't X ...?": the relative clause after X in the sentence that rules it out
    from ragtune.strategies.agentic import _reason_clause
    rules = ["Bins take peelings and leaves. Not accepted: glass, cooked rice, which draws mice; or ash."]
    assert _reason_clause("Why can't cooked rice go in the bins?", rules) == "Which draws mice."
    assert _reason_clause("Why do the bins take peelings?", rules) is None
    both = ["Do not bring tulip bulbs, which carry virus, or onion sets, because sets must be certified."]
    assert _reason_clause("Why shouldn't members bring tulip bulbs to the swap?", both) == "Which carry virus."
    # a plain-text table under a header line of column names: the column the question names
    from ragtune.strategies.agentic import _aligned_value
    gate = ("Gate, 2026\n\n              Paying    Members    Takings\n  Friday         3,412        106    GBP 23,210\n"
            "  Saturday       4,230        874    GBP 38,650\n  Total          7,642        980    GBP 61,860\n")
    assert _aligned_value("How many paying visitors came on the Friday?", [gate], counted=True) == "3,412"
    assert _aligned_value("What were the Saturday takings?", [gate]) == "GBP 38,650"
    assert _aligned_value("How many came on Saturday?", [gate], counted=True) is None  # no column named
    # a row described by the cell writing the most of the question's rare words; "Given by" for "gave"
    from ragtune.strategies.timeline import described_row_cell
    cups = ("| Cup | Class | First presented | Given by |\n|---|---|---|---|\n"
            "| Lowther Bowl | HC-01 | 1931 | the Lowther family |\n| Tansy Salver | VE-02 | 1957 | the Tansy Growers' Club |\n"
            "| Ashby Goblet | GO-01 | 1992 | Mabel Ashby |\n")
    assert described_row_cell("Who gave the Tansy Salver?", cups, who=True) == "the Tansy Growers' Club"
    # a share written in words states a number (and a sum) for "how much less"
    from ragtune.strategies.agentic import _states_price, states_value
    q = "How much less rent do members over 70 pay?"
    assert states_value("Members over 70 pay a third less.", "number", q)
    assert _states_price("Members over 70 pay a third less.", q)
    assert not states_value("Members over 70 pay less.", "number", q)



def test_a_figure_written_as_part_of_the_one_before_is_no_candidate():
    """(2026-12-05, prose26 dev, invented here) "bought it for £90,000, £60,000 of it from
    grants": the price asked is the whole, unless the question asks the part."""
    from ragtune.strategies.agentic import typed_candidates
    ps = _passages(["In 2015 the club bought the boathouse for £90,000, £60,000 of it from lottery grants "
                    "and the rest from members."])
    assert [c for c, _ in typed_candidates("How much did the club pay for the boathouse?", "number", ps, [])] \
        == ["£90,000"]
    got = [c for c, _ in typed_candidates("How much came from lottery grants?", "number", ps, [])]
    assert "£60,000" in got


def test_a_catalog_page_filed_by_a_code_before_its_name():
    """(2026-12-05, catalog24 dev, invented here) pages filed as "k0042-lesser-spotted-quill.md"
    or shortened ("k0043-spotted-quill.md" for LESSER SPOTTED QUILL) are their things' pages."""
    from ragtune.strategies.agentic import _names_page, _shortened_to, _without_code
    assert _without_code("k0042-lesser-spotted-quill") == "lesser-spotted-quill"
    assert _without_code("0042-quill") == "quill"
    assert _without_code("lesser-spotted-quill") == "lesser-spotted-quill"
    assert _shortened_to("LESSER SPOTTED QUILL", "spotted-quill")
    assert not _shortened_to("LESSER SPOTTED QUILL", "quill-spotted")  # (in its order)
    assert not _shortened_to("GREAT LESSER SPOTTED QUILL OF MARSH", "quill")  # (half its words at least)
    assert _names_page("catalog/k0043-spotted-quill", "LESSER SPOTTED QUILL")
    assert not _names_page("catalog/k0043-spotted-quill", "SPOTTED HERON")


def test_a_record_named_in_the_plural_and_an_area_counted_in_hectares():
    """(2026-12-05, tables25 dev, invented here) "How many pairs of marsh larks ...?" names the
    record "Marsh lark"; "How many hectares does X cover?" asks its area (`area_ha`)."""
    from ragtune.strategies.agentic import _asked_label, _measure_nouns, _mentions_name, _one_stem
    assert _mentions_name("How many pairs of marsh larks bred here?", "Marsh lark")
    assert not _mentions_name("How many pairs of marsh larkspur grew?", "Marsh lark")
    assert not _mentions_name("Who lives at Hollowss?", "Hollow")  # (one word: no plural read)
    assert _measure_nouns("How many hectares does Tarn Moss cover?") == {_one_stem("area")}
    assert _asked_label("area_ha", {_one_stem("area"), _one_stem("hectares")}, short=True)


def test_code_points_compare_and_one_option_inside_another():
    """(2026-12-05, catalog24 r1, invented here) "U+FF18" is the number 65304 (hexadecimal); the
    question asked of "DIGIT NINE" keeps "WIDE DIGIT NINE" out whole; "the higher code point"
    asks no kind of code."""
    from ragtune.strategies.agentic import _CODE_KIND, _without_other_options
    from ragtune.strategies.values import extract_values
    assert [(v.text, v.key) for v in extract_values("Code point: U+FF18")] == [("U+FF18", (65304.0,))]
    q = "Which has the higher code point, WIDE DIGIT NINE or DIGIT NINE?"
    opts = ["WIDE DIGIT NINE", "DIGIT NINE"]
    assert _without_other_options(q, "DIGIT NINE", opts) == "Which has the higher code point,   or DIGIT NINE?"
    assert _without_other_options(q, "WIDE DIGIT NINE", opts) == "Which has the higher code point, WIDE DIGIT NINE or  ?"
    assert _CODE_KIND.search(q) is None
    assert _CODE_KIND.search("What is the postal code of the depot?").group(1) == "postal"
    from ragtune.strategies.agentic import _joined_pairs, _one_stem
    assert _one_stem("lowercase") in _joined_pairs("What does it become in lower case?")
    assert _one_stem("ina") not in _joined_pairs("What does it become in a case?")  # (short words stay apart)


def test_a_table_row_states_its_value_with_the_header_words():
    """(2026-12-05, prose26 r1, invented here) "Under 12 price: £3.10", a row of a table headed
    "| ticket | price |", states the ticket's price; "how much" asks no relation of its own."""
    from ragtune.strategies.agentic import _unstated_relation, _value_without_relation
    from ragtune.types import Hit
    text = "Fares from May\n| ticket | price |\n|---|---|\n| Adult | £6.00 |\n| Under 12 | £3.10 |\n"
    h = Hit("fares", "fares::0", 1.0, text=text, title="Fares from May")
    q = "How much is a ticket for an under-12?"
    assert _value_without_relation("An under-12 ticket is £3.10.", "number", q, [h]) == ""
    assert _unstated_relation(q, "number", [h]) == []


def test_figures_in_the_unit_asked_glossed_codes_and_front_matter_keys():
    """(2026-12-05, catalog24 r1 and catalog25 dev, invented here) "How long is quill in
    ASCII-9, in bytes?" reads the figure of the unit asked from `ASCII-9: 7A 7B (2 bytes)`; a
    front-matter key's plain words are words (`ascii9_bytes`); a code the page glosses is
    answered with its gloss; a noun after the page's name that labels a field holding that name
    ("the quill constant", `Constant: quill`) asks no field; two labels of one value, one with
    more after it, are one."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic, _coded_words_written, _figure_in_unit_asked
    assert _figure_in_unit_asked("7A 7B (2 bytes)", "How long is quill in ASCII-9, in bytes?") == "2 bytes"
    assert _figure_in_unit_asked("2 bytes", "How many bytes?") is None  # (the value is the figure)
    assert _figure_in_unit_asked("7A 7B (2 bytes)", "What are quill's ASCII-9 bytes?") == "2 bytes"
    assert _figure_in_unit_asked("12 km (3 hours)", "How far is it, in miles?") is None
    assert _coded_words_written("ascii9_bytes", "How long is quill in ASCII-9, in bytes?")
    assert not _coded_words_written("ascii7_bytes", "How long is quill in ASCII-9, in bytes?")
    page = ("---\nwidth_class: Q\n---\n# quill\n\n- Constant: quill\n- Width class: Q\n"
            "- Header: q/base.h\n- Defined in: q/base.h, line 12\n- Message: \"Quill not found\"\n"
            "- Python name: q.quill = 9\n\nIts width class is Q (Quarter), as the table says.")
    hit = Hit("quill", "quill::0", 1.0, text=page, title="quill", metadata={"width_class": "Q"})
    fake = SimpleNamespace(_whole_page=lambda own: own, _is_field=lambda noun: True,
                           _identifier_in=lambda q: None, _own_page_of=lambda q: [hit])
    # ("class" heads the asked noun: a class, not a width; 2026-12-06, "-ss" is no verb's "-s")
    assert Agentic._page_field(fake, "What width class does quill have?")[2] == "Q (Quarter)"
    assert Agentic._page_field(fake, "What width class does quill have?", want="name")[2] == "Q (Quarter)"
    assert Agentic._page_field(fake, "Which header file defines quill?")[2] == "q/base.h"
    sourced = Hit("zed", "zed::0", 1.0, text="# Zed\n\n- Layout code: zq\n\nRead from zq (zdata 2.3-1).",
                  title="Zed")
    fake2 = SimpleNamespace(_whole_page=lambda own: own, _is_field=lambda noun: True, _identifier_in=lambda q: None, _own_page_of=lambda q: [sourced])
    assert Agentic._page_field(fake2, "What is the layout code of Zed?")[2] == "zq"  # (a source is no gloss)
    filed = Hit("zed", "zed::0", 1.0, text="# Zed\n\n- Layout code: zq\n\nListed as zq (zlayouts.xml).", title="Zed")
    fake3 = SimpleNamespace(_whole_page=lambda own: own, _is_field=lambda noun: True, _identifier_in=lambda q: None, _own_page_of=lambda q: [filed])
    assert Agentic._page_field(fake3, "What is the layout code of Zed?")[2] == "zq"  # (nor is a file)
    assert Agentic._page_field(fake, "How does the message describe the quill constant?")[2] == '"Quill not found"'


def test_loops_refusals_expiry_dates_and_options_after_a_colon():
    """(2026-12-05, tables25 r1 and the new dev splits, invented here) a generation caught in a
    loop, or a chat model's refusal, says nothing; "runs out first" compares ISO days of an
    expiry field, not another collection's `joined`; options a colon opens run to the end; a
    day and month without a year is not before or after a year; "5 feet 6 inches" is one
    length; "describe as" asks a name."""
    from ragtune.strategies.common import refuses, says_nothing
    from ragtune.strategies.counting import compare_records
    from ragtune.strategies.question import answer_type, find_options
    from ragtune.strategies.values import extract_values
    assert says_nothing("How long?", "A: 2019-04-01 2019-04-01 2019-04-01 2019-04-01 2019-0")
    assert says_nothing("Who?", "Ann Lee, Ann Lee, Ann Lee, Ann Lee.")
    assert not says_nothing("Which?", "It is 1, 2, 3, 4.")
    assert refuses("I'm sorry, but as a text-based AI, I cannot say.") and not refuses("Sorrel Lane.")
    people = {"people": [{"name": "Ann Lee", "joined": 2001}, {"name": "Bo Sand", "joined": 2019}],
              "permits": [{"name": "Ann Lee", "expires": "2028-01-31", "sites": 2},
                          {"name": "Bo Sand", "expires": "2027-06-30", "sites": 1}]}
    got = compare_records("Whose permit runs out first, Ann Lee's or Bo Sand's?", ["Ann Lee", "Bo Sand"], people)
    assert got[:2] == ("Bo Sand", "expires")
    assert compare_records("Who joined first, Ann Lee or Bo Sand?", ["Ann Lee", "Bo Sand"], people)[:2] \
        == ("Ann Lee", "joined")
    assert find_options("At the stall, which cost more: brass forks or horseshoe coat hooks?") \
        == ["brass forks", "horseshoe coat hooks"]
    year, day = (v for v in extract_values("made in 1908, mended on 4 December"))
    assert not year.comparable(day)
    assert [v.text for v in extract_values("its wheels are 5 feet 6 inches across")] == ["5 feet 6 inches"]
    assert answer_type('Which error does the manual describe as "Quill not found"?') == "name"
    assert answer_type("Describe the quill's history.") == "open"


def test_a_role_asked_of_a_code_names_its_column():
    """(2026-12-05, tables26 dev, invented here) "Who is the area contact for the area X is in?"
    asks the `Contact` column of the row of X's area code in a table of codes."""
    from ragtune.strategies.agentic import _ASKED_ROLE
    assert _ASKED_ROLE.match("Who is the area contact for the area that Fell Pot is in?").group(1) == "area contact"
    assert _ASKED_ROLE.match("Who was the warden of the hut?").group(1) == "warden"
    assert _ASKED_ROLE.match("Who led the meet?") is None


def test_doers_in_compounds_year_tables_booked_columns_and_named_subjects():
    """(2026-12-05 evening, tables26 r1 and the new dev splits, invented here) `landowner`
    names who owns; of two year tables the one whose own label the question writes
    ("Membership" for a member) holds the row; "How many seats were taken" reads `Taken`, not
    `Seats`; a capitalised name after "how many" narrows no count; a range's two ends bound a
    field; an integer value is a number; "stood" holds "stand"; a range asked is answered
    whole."""
    from ragtune.corpus.english import IRREGULAR_PAST
    from ragtune.strategies.agentic import (_agent_label, _asked_range, _field_bounds, _qualified,
                                            _unheld_terms, _used_as, _filed_by_code)
    from ragtune.strategies.question import CODE_NUMBER, answer_type, content_terms
    from ragtune.strategies.timeline import named_row_cell, year_column_cell
    assert _agent_label("landowner", "Who owns Whin Pot?") and not _agent_label("landowner", "Who rents Whin Pot?")
    text = ("| Hut, a night | 2026 | 2025 |\n|---|---|---|\n| Member | 6 | 5 |\n| Guest | 9 | 8 |\n\n"
            "| Membership, a year | 2026 | 2025 |\n|---|---|---|\n| Full | 50 | 45 |\n| Trial (first year) | 31 | 29 |\n")
    q = "What does a trial member pay for 2026?"
    assert year_column_cell(q, text, set(content_terms(q))) == "31"
    rows = "| Code | Course | Seats | Taken |\n|---|---|---|---|\n| CX-01 | Rope rescue | 8 | 5 |\n"
    q = "How many seats were taken on the rope rescue course?"
    assert named_row_cell(q, rows, set(content_terms(q))) == "5"
    assert _qualified("How many members did the Guild have in 2024?", [("31 guild", 1.0), ("240 members", 1.0)]) == []
    assert _qualified("How many members did the guild have in 2024?", [("31 guild", 1.0), ("240 members", 1.0)]) \
        == ["31 guild"]  # (written in lower case, the word may narrow: kept as before)
    bounds = _field_bounds(" which of these has a number from 35 to 69: a, b? ", [{"number": "40"}, {"number": "7"}])
    assert sorted(b[1:3] for b in bounds) == [("<=", 69.0), (">=", 35.0)]
    assert answer_type("What integer value does the QX_FULL constant have?") == "number"
    hit = Hit(chunk_id="r::0", doc_id="r", text="The funds stand at £9,100.", score=1.0)
    assert _unheld_terms("The funds stood at £9,100.", "What did the funds come to?", [hit]) == []
    assert IRREGULAR_PAST["rebuilt"] == "rebuild"
    assert _asked_range("What range of temperature is kept in the store?",
                        ["We keep the store between 12 and 18 degrees all year."]) == "between 12 and 18 degrees"
    assert _asked_range("What temperature is kept?", ["between 12 and 18 degrees"]) is None
    assert _used_as("Thousands mark (sep_char)", "Which sign do they use as the thousands mark?")
    assert _filed_by_code("Bolivian Peso (BOP)", "bop") == "BOP" and _filed_by_code("Welsh (Wales)", "cym") == ""
    assert CODE_NUMBER.search("What crime number was given?") and answer_type("What crime number was given?") == "name"


def test_field_values_after_their_names_and_collections_counted_one():
    """(2026-12-05 evening, tables26 r1 and catalog26 dev, invented here) a one-letter value
    right after its field's name ends the clause ("is grade a?"), not a word going on ("the
    layout in this list"); "one Welsh-language locale" names the locales and the Welsh value;
    "how many digits" counts no records."""
    from ragtune.strategies.counting import count_records, named_values, select_record
    recs = [{"name": "Brant Hole", "kind": "cave", "grade": "A"}, {"name": "Gorse Level", "kind": "mine", "grade": "A"},
            {"name": "Kell Level", "kind": "mine", "grade": "B"}]
    assert named_values("which mine in the site list is grade a?", recs, []) == {"grade": "a", "kind": "mine"}
    assert "layout" not in named_values("which layout in this list is new?", [{"layout": "in"}, {"layout": "us"}], [])
    assert select_record("Which mine in the site list is grade A?", {"sites/site-list": recs})[0] == "Gorse Level"
    locales = [{"id": "cy_GB", "language": "Welsh", "currency": "GBP"}, {"id": "en_GB", "language": "English", "currency": "GBP"},
               {"id": "ga_IE", "language": "Irish", "currency": "EUR"}]
    assert select_record("Which currency does the list's one Irish-language locale use?", {"locales": locales})[0] == "EUR"
    assert count_records("How many digits do the locales of GBP give?", {"locales": locales}) is None


def test_opening_words_bracketed_figures_and_rows_named_first():
    """(2026-12-05 evening, prose27 r1 and prose28 dev, invented here) "Until what year ...?" is
    the date written after "until"; a figure in brackets after another ("£30.00 (£25.00)") is
    the year before's, not asked of the current year; a row is named by its first cell too; the
    one record a question names by name counts nothing."""
    from ragtune.strategies.agentic import _after_opening_word, typed_candidates
    from ragtune.strategies.counting import count_records
    from ragtune.strategies.question import content_terms
    from ragtune.strategies.timeline import named_row_cell
    texts = ["The mill ground corn from 1821 until 1947, and was restored in 2003."]
    assert _after_opening_word("Until what year did the mill grind corn?", ["2003", "1947", "1821"], texts) == ["1947"]
    assert _after_opening_word("When did the mill stop?", ["1947"], texts) == []
    line = "Charges from 1 April 2026: the barn, outside hirers: £30.00 (£25.00)"
    hit = Hit(chunk_id="c::0", doc_id="c", text=line, score=1.0)
    got = [c for c, _ in typed_candidates("From 1 April 2026, what do outside hirers pay for the barn?", "number",
                                          [Passage(line, hit, 1.0)], [])]
    assert "£30.00" in got and "£25.00" not in got
    got = [c for c, _ in typed_candidates("What did outside hirers pay for the barn before April 2026?", "number",
                                          [Passage(line, hit, 1.0)], [])]
    assert "£25.00" in got
    rows = "| room | seated in rows | at tables |\n|---|---|---|\n| long room | 80 | 56 |\n| snug | 20 | 12 |\n"
    q = "How many can sit at tables in the long room?"
    assert named_row_cell(q, rows, set(content_terms(q))) == "56"
    series = [{"id": "WS", "name": "Winter Series", "races": ["r1", "r2"]}, {"id": "SS", "name": "Summer Series", "races": []}]
    assert count_records("How many races are planned in the series list for the Winter Series?", {"racing/series": series}) is None


def test_parts_of_a_line_votes_sides_and_placeholder_values():
    """(2026-12-05, catalog26 dev and r1, prose28 dev, invented here) a line that breaks a field
    into parts ("Tag: Q in 3 depots; Qx in 1 depot (d4)") answers "Which depot writes Qx?" with
    the member of the part holding the question's word; "By how many votes ...?" takes the
    whole tally; "On which side of the number ...?" asks a position, no figure; `varies` is no
    field's answer."""
    from types import SimpleNamespace

    from ragtune.strategies.agentic import _PLACEHOLDER, Agentic, _vote_tally
    from ragtune.strategies.question import answer_type
    from ragtune.types import Hit
    text = ("- Depots using it: 4 (d1, d2, d3, d4)\n- Tag: Q in 3 depots; Qx in 1 depot (d4)\n"
            "- Side: left of the box in 1 depot (d2); right of the box in 3 depots\n")
    h = Hit("fastline", "fastline::0", 1.0, text=text, title="Fastline (FST)")
    fake = SimpleNamespace(_identifier_in=lambda q: None, _own_page_of=lambda q: [h], _headed_text=lambda d, x: text)
    assert Agentic._clause_member(fake, "Which depot writes the Fastline (FST) tag as Qx?") == ("fastline", "d4")
    assert Agentic._clause_member(fake, "Which depot puts it left of the box?") == ("fastline", "d2")
    assert Agentic._clause_member(fake, "Which depot writes the tag as Q?") is None  # (three, unnamed)
    one = "- Depots using it: 1 (d9)\n- Tag: Z in its one depot\n"
    h1 = Hit("slowboat", "slowboat::0", 1.0, text=one, title="Slowboat (SLW)")
    fake1 = SimpleNamespace(_identifier_in=lambda q: None, _own_page_of=lambda q: [h1], _headed_text=lambda d, x: one)
    assert Agentic._clause_member(fake1, "Which depot writes the tag as Z?") == ("slowboat", "d9")
    texts = ["In May the members chose the orchard by 41 votes to 12. The shed vote was 9 votes to 2."]
    assert _vote_tally("By how many votes did the members choose the orchard?", texts) == "41 votes to 12"
    assert _vote_tally("How many members chose the orchard?", texts) is None
    assert answer_type("On which side of the number does the sign go?") == "name"
    assert answer_type("How many digits does the number have?") == "number"
    assert _PLACEHOLDER.fullmatch("varies") and not _PLACEHOLDER.fullmatch("various sizes")


def test_records_reached_through_a_description_and_a_value_shared_with_another_page():
    """(2026-12-05, tables27 dev and catalog26 dev, invented here) "Who owns the boat that won
    X?" asks the owner, not the winner the relative clause names; of the names found for "the
    boat that won X" only the boats' records are candidates, and one record's code and name are
    one pick; "shares its tag with one other" asks the `Same tag as` field."""
    from types import SimpleNamespace

    from ragtune.strategies.agentic import _SHARED_WITH, Agentic
    from ragtune.strategies.question import Description
    cols = {"racing/series": [{"name": "Vernal Cup", "winner": "K7"}, {"name": "Harvest Cup", "winner": "K9"}],
            "craft/register": [{"name": "Whimbrel", "owner": "Ann Lee"}, {"name": "Dunlin", "owner": "Bo Chan"}]}
    ids = {"racing/series": ["VC", "HC"], "craft/register": ["K7", "K9"]}
    fake = SimpleNamespace(_record_collections=lambda: cols, _record_ids=ids,
                           _record_at=lambda: {"vc": ("racing/series", 0), "hc": ("racing/series", 1),
                                               "k7": ("craft/register", 0), "k9": ("craft/register", 1)})
    assert Agentic._record_field(fake, "Who owns the craft that won the Vernal Cup?") is None
    assert Agentic._record_field(fake, "Who won the Vernal Cup?") == ("Vernal Cup", "winner", "K7")
    d = Description("the craft that won the Vernal Cup", 9, 41, "Which craft is meant by: the craft that won the Vernal Cup?")
    assert Agentic._of_named_collection(fake, d, ["VC", "K7", "Whimbrel"]) == (["K7", "Whimbrel"], "Whimbrel")
    assert Agentic._of_named_collection(fake, d, ["K7", "Dunlin"]) == (["K7", "Dunlin"], None)
    assert Agentic._of_named_collection(fake, d, ["Vernal Cup"]) is None
    assert _SHARED_WITH.search("The lira shares its tag with exactly one other currency here.")
    assert _SHARED_WITH.search("Its tag is also written for one other currency. Which?")
    assert not _SHARED_WITH.search("Which tag does the lira use?")


def test_pages_titled_with_a_gloss_and_claims_shared():
    """(2026-12-05, catalog27 dev and tables28 dev, invented here) a page filed as
    image/x-quill.md and titled "image/x-quill (Quill image)" is the page of image/x-quill;
    "also claims" asks what two things share."""
    from types import SimpleNamespace

    from ragtune.strategies.agentic import _SHARED_WITH, Agentic
    docs = [SimpleNamespace(doc_id=f"image/x-quill{i}", title=f"image/x-quill{i} (Quill image {i})", metadata={})
            for i in range(20)]
    fake = SimpleNamespace(index=SimpleNamespace(documents=lambda c: docs), collection="default")
    assert "image/x-quill7" in Agentic._page_names(fake)
    assert _SHARED_WITH.search("Which other type also claims the pattern *.qll?")


def test_a_plain_text_table_whose_labels_end_in_colons():
    """(2026-12-05, prose29 dev, invented here) "Interest:     4.5% a year" is a line of a
    plain-text table like "Interest     4.5% a year"."""
    from ragtune.strategies.agentic import _aligned_value
    letter = ("We offer a loan on these terms.\n\n  Amount:      £9,000\n  Interest:    4.5% a year, fixed\n"
              "  Repayments:  36 monthly payments of £268\n  Fee:         £90\n")
    assert _aligned_value("What interest rate does the fund charge on the loan?", [letter]) == "4.5%"


def test_a_quoted_value_finds_the_one_page_that_holds_it():
    """(2026-12-05, catalog27 dev, invented here) ""Quill image" is the description of which
    type?" is the one page whose field holds the quoted words; two holders decide nothing."""
    from types import SimpleNamespace

    from ragtune.strategies.agentic import Agentic
    records = {"image/x-quill": {"description": "Quill image"}, "image/x-wren": {"description": "Wren image"},
               "image/x-wren2": {"description": "Wren image"}}
    fake = SimpleNamespace(_page_names=lambda: {"image/x-quill", "image/x-wren", "image/x-wren2"},
                           _page_records=lambda: records)
    assert Agentic._page_by_quoted_value(fake, '"Quill image" is the description of which type?') == "image/x-quill"
    assert Agentic._page_by_quoted_value(fake, '"Wren image" is the description of which type?') is None
    assert Agentic._page_by_quoted_value(fake, 'What is "Quill image"?') is None


def test_the_one_table_row_in_the_state_a_question_asks():
    """(2026-12-05, tables28 dev, invented here) "Which course of 2026 was cancelled?" is the
    row whose cell says `cancelled`; two such rows decide nothing."""
    from types import SimpleNamespace

    from ragtune.strategies.agentic import Agentic
    text = ("| Code | Course | Status |\n|---|---|---|\n| QC-1 | Net skills | held |\n"
            "| QC-2 | Volley clinic | cancelled |\n| QC-3 | Serve day | held |\n")
    run = SimpleNamespace(question="Which course of 2026 was cancelled?")
    fake = SimpleNamespace(_found_documents=lambda r: [(text, set())])
    assert Agentic._row_in_state(fake, run) == "QC-2"
    run2 = SimpleNamespace(question="Which course of 2026 was held?")
    assert Agentic._row_in_state(fake, run2) is None


def test_a_sum_asked_for_each_hour_needs_that_rate_written():
    """(2026-12-06, tables28 and prose29 dev, invented here) "paid an hour" asks a number, and a
    year's wages in the accounts are no hourly pay; a price list that says its charges are per
    hour above its table states the rate for every row of it."""
    from ragtune.strategies.agentic import _sum_of_another_rate
    from ragtune.strategies.question import answer_type
    assert answer_type("What is the caretaker paid an hour?") == "number"
    assert answer_type("What was he paid for?") == "open"
    accounts = [Hit("notes/accounts", "c", 1.0, text="Caretaker's wages   GBP 18,200  (term time only)")]
    assert _sum_of_another_rate("How much is the caretaker paid an hour?", "GBP 18,200", accounts) == "GBP 18,200"
    assert _sum_of_another_rate("How much is the caretaker paid a year?", "GBP 18,200", accounts) == ""
    prices = [Hit("prices", "c", 1.0, text="Charges are per hour.\n\n| room | members |\n|---|---|\n| hall | £12.00 |")]
    assert _sum_of_another_rate("What do members pay an hour for the hall?", "£12.00", prices) == ""
    row = [Hit("prices", "c2", 1.0, text="| hall | £12.00 |")]
    assert _sum_of_another_rate("What do members pay an hour for the hall?", "£12.00", row) == "£12.00"
    assert _sum_of_another_rate("What do members pay an hour for the hall?", "£12.00", row,
                                lambda h: prices[0].text) == ""


def test_a_name_read_from_another_years_line():
    """(2026-12-06, tables28 dev and tables25-27 r1, invented here) asked who won in 2016, a
    table of winners from 2017 names nobody for it; a line naming the year, or a span of years
    around it, does. A line naming no year on a page dated 2014 names the chair of 2014."""
    from ragtune.strategies.agentic import _name_of_another_year
    winners = [Hit("records/cups", "c", 1.0, title="Cup winners",
                   text="| Year | Winner |\n| 2017 | Ada Moss |\n| 2018 | Ben Ruiz |")]
    assert _name_of_another_year("Who won the cup in 2016?", "Ben Ruiz", winners) == "2018"
    assert _name_of_another_year("Who won the cup in 2018?", "Ben Ruiz", winners) == ""
    chairs = [Hit("history", "c", 1.0, text="| 2010 | 2018 | Cy Dale | chair |")]
    assert _name_of_another_year("Who was chair in 2016?", "Cy Dale", chairs) == ""
    undated = [Hit("people", "c", 1.0, text="Ben Ruiz coaches the juniors.")]
    assert _name_of_another_year("Who won the cup in 2016?", "Ben Ruiz", undated) == ""
    # a line with no year holds at its page's date, when the year asked is when the relation held
    about = [Hit("about", "c", 1.0, text="| Chair | Cy Dale |\n| Designer | Cy Dale |", metadata={"date": "2014-06-14"})]
    assert _name_of_another_year("Who chaired the club in 1980?", "Cy Dale", about) == "2014"
    assert _name_of_another_year("Who designed the hall built in 1980?", "Cy Dale", about) == ""


def test_a_telephone_number_has_its_digits():
    """(2026-12-06, prose29 dev, invented here) a society's registered number of four digits
    is no telephone number."""
    from ragtune.strategies.agentic import _ASKS_PHONE_NUMBER, _states_phone
    assert _ASKS_PHONE_NUMBER.search("What is the shop's telephone number?")
    assert not _ASKS_PHONE_NUMBER.search("Who answers the telephone on Mondays?")
    assert not _states_phone("Registered society number 4417.")
    assert _states_phone("Ring 01632 960 123.")
    assert _states_phone("+44 (0)20 7946 0958")


def test_a_price_stated_for_another_thing():
    """(2026-12-06, prose29 and prose26 r1, invented here) the sum on the line of the soup is no
    price of a toasted sandwich; a table's row is read with its header, and a sentence with the
    one before it ("It costs ...")."""
    from ragtune.strategies.agentic import _unpriced_item
    cafe = [Hit("cafe", "c", 1.0, text="The café: soup of the day with bread: £4.75. A pot of tea is £1.80.")]
    assert _unpriced_item("How much is a toasted sandwich in the café?", "£4.75", cafe) == "toasted sandwich"
    assert _unpriced_item("How much is a pot of tea?", "£1.80", cafe) == ""
    rows = [Hit("prices", "c", 1.0, text="| ticket | price |\n|---|---|\n| day | £6 |")]
    assert _unpriced_item("What does a day ticket cost?", "£6", rows) == ""
    told = [Hit("shop", "c", 1.0, text="We sell oak logs by the bag. It costs £5.")]
    assert _unpriced_item("How much is a bag of logs?", "£5", told) == ""
    assert _unpriced_item("How much did the club spend on rope?", "£5", told) == ""


def test_a_bound_counts_nobody():
    """(2026-12-06, prose15 r1, invented here) "a group is up to 24 children" counts no children
    who came; asked how many a group can take, it answers."""
    from ragtune.strategies.agentic import _bound_not_count
    camp = [Hit("camp", "c", 1.0, text="A group is up to 24 children, with two leaders.")]
    assert _bound_not_count("How many children came to the camp in 2026?", "24 children", camp) == "24 children"
    assert _bound_not_count("How many children can a group take?", "24 children", camp) == ""
    both = camp + [Hit("report", "c", 1.0, text="In 2026, 24 children came.")]
    assert _bound_not_count("How many children came to the camp in 2026?", "24", both) == ""


def test_years_codes_and_slashed_names_asked():
    """(2026-12-06, prose30, catalog28 and catalog27 dev and read splits, invented here) "In what
    year ...?" wants a year (a medieval one too, after "of" or "in"), no weekday; "Which bug
    number ...?" asks a code, not a count; a media type with a hyphen or a plus is one name."""
    from ragtune.strategies.question import date_kind
    from ragtune.strategies.values import fits
    assert date_kind("In what year did the town get its market charter?") == "year"
    said = extract_values("a market on Thursdays ever since its charter of 1253.")
    assert [v.text for v in said if fits(v, "date", "year")] == ["1253"]
    assert [v.kind for v in extract_values("a roll of 1253 members")] == ["number"]
    assert answer_type("Which bug number does the latest entry close?") == "name"
    assert answer_type("How many bug numbers does it close?") == "number"
    assert names("Which type lists application/x-gtar as an alias?") == ["application/x-gtar"]
    assert names("What does image/svg+xml name?") == ["image/svg+xml"]


def test_a_clause_goes_on_with_the_period_before_it():
    """(2026-12-06, prose30 dev, invented here) "for May 2026 we need room for 46, and I reckon on
    27 households": the 27 is May 2026's, not May 2024's."""
    from ragtune.strategies.agentic import _value_of_another_year
    text = ("In May 2024 we put up 40 guests in 21 households; for May 2026 we need room for 35, "
            "and I reckon on 19 households.")
    hits = [Hit("hosting", "c", 1.0, text=text)]
    q = "In how many households were the guests put up in May 2024?"
    assert _value_of_another_year(q, "19 households", hits) == "2026"
    assert _value_of_another_year(q, "21 households", hits) == ""


def test_another_candidate_stated_with_the_missing_words():
    """(2026-12-06, prose30 dev, invented here) a count rejected because no chunk stating it
    holds the question's rare word ("quorum") gives way to the one other candidate that one
    does."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic
    hits = [Hit("rules", "c1", 1.0, text="The board keeps its quorum of four members."),
            Hit("people", "c2", 1.0, text="The board has nine members.")]
    r = SimpleNamespace(why="not in the evidence: quorum", hits=hits, floor=SimpleNamespace(retrieved=[]),
                        candidates=["nine members", "four members"], span="nine members")
    assert Agentic._candidate_with_words(SimpleNamespace(), r) == "four members"
    r.why = "not in the evidence: quorum, proxy"
    assert Agentic._candidate_with_words(SimpleNamespace(), r) is None


def test_reverse_lookups_by_code_quote_and_record():
    """(2026-12-06, catalog28 dev and r1, examples invented here) "Bug #5551234 is closed in
    which package?": the one catalog page writing the identifier (or the quoted line); a
    register record whose field holds the quoted words is named by its id."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic
    pages = {"zed": "zed: changelog\nFix a crash (Closes: #5551234). CVE-2031-0042 fixed.",
             "qux": "qux: changelog\nNew upstream release. Drop patch: merged upstream."}
    hits = {n: Hit(f"q/{n}", f"q/{n}::0", 1.0, text=t, title=f"{n}: Debian changelog") for n, t in pages.items()}
    fake = SimpleNamespace(_page_names=lambda: set(pages), _search=lambda qs, fs, ms: [list(hits.values())],
                           _document_text=lambda d, h: h.text, _qualified_page_names=lambda q: set())
    run = lambda q: SimpleNamespace(question=q, hits=[], floor=SimpleNamespace(retrieved=[]))  # noqa: E731
    assert Agentic._page_holding_code(fake, run("Bug #5551234 is closed in which package?")) == "zed"
    assert Agentic._page_holding_code(fake, run("CVE-2031-0042 is named by which package?")) == "zed"
    assert Agentic._page_holding_code(fake, run('"Drop patch: merged upstream" is in which package?')) == "qux"
    assert Agentic._page_holding_code(fake, run("Bug #5559999 is closed in which package?")) is None
    assert Agentic._page_holding_code(fake, run("Which bug does zed close as #5551234?")) is None  # names a page
    rows = {"binaries": [{"title": "libzed1 (binary package built from zed)", "summary": "zed runtime library"},
                         {"title": "zed-tools (binary package built from zed)", "summary": "tools for zed"}]}
    reg = SimpleNamespace(_record_collections=lambda: rows, _record_ids={"binaries": ["libzed1", "zed-tools"]})
    assert Agentic._record_by_quoted_value(reg, '"zed runtime library" is the summary of which package?') == "libzed1"
    assert Agentic._record_by_quoted_value(reg, '"zed manual" is the summary of which package?') is None


def test_rules_found_on_the_catalog28_prose30_tables29_readings():
    """(2026-12-06, after the reading of catalog28, prose30 and tables29; examples invented here)"""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import (Agentic, _asks_address, _is_value, _states_price,
                                            typed_candidates)
    from ragtune.strategies.counting import _named_collection
    from ragtune.strategies.question import direction
    # two words before the verb still ask a name; a long subject still asks a price
    assert answer_type("What Multi-Arch value does the package libzed1 declare?") == "name"
    assert answer_type("What did tickets for the spring charity dinner in 2024 cost?") == "number"
    # "e-mail" is one word of the asked kind
    assert _asks_address("Which e-mail address is in the trailer of the newest entry?")
    # a code of letters and numbers is a name, no value
    assert not _is_value("CVE-2031-0042") and _is_value("2031-04-02")
    # the superlative choosing what is compared does not decide the direction
    assert direction("Which of zed and qux had its latest upload signed earlier?", True) == "less"
    assert direction("Which of zed and qux has the latest version?", False) == "more"
    # a year in a collection's path places nothing there
    assert _named_collection("how many anglers fished round 2 of the 2031-32 autumn pairs series?", "matches/series-2031", True) is None
    # "41 of us" counts people, no sum
    assert not _states_price("We went, 41 of us, in May.", "What did the tickets cost?")
    assert _states_price("They cost 41 each.", "What did the tickets cost?")
    # a vote's numbers count no one present
    text = "The meeting of 4 May voted, 33 to 5, to raise the fee; 52 members were present."
    hit = Hit("minutes", "c", 1.0, text=text)
    got = [c for c, _ in typed_candidates("How many members attended the meeting of 4 May?", "number",
                                          [Passage(text, hit, 1.0)], [], "date", {})]
    assert "52 members" in got and not {"33", "5"} & set(got)
    votes = [c for c, _ in typed_candidates("How many voted for the fee rise?", "number",
                                            [Passage(text, hit, 1.0)], [], "date", {})]
    assert "33" in votes
    # a thing named after the person asked about is no holder
    fake = SimpleNamespace(_names_in=lambda q: ["Ada Quell"])
    assert Agentic._named_after_asked(fake, "Quell Shield", "Who chaired before Ada Quell?")
    assert not Agentic._named_after_asked(fake, "Bo Lane", "Who chaired before Ada Quell?")


def test_catalog_pages_by_another_identifier():
    """(2026-12-06, catalog29 dev, examples invented here) a page titled with its code in
    brackets is a page of the catalog; a question may name it by a field no other page shares
    ("the suite OpenSSL calls QX-AES-9"), and a place in an order is a number."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic
    recs = {f"QX_SUITE_{i}": {"openssl name": f"QX-AES-{i}", "code point": f"0xC0,0x{i:02X}",
                              "kx": "ECDH", "decimal": str(49152 + i)} for i in range(12)}
    fake = SimpleNamespace(_page_records=lambda: recs)
    fake._identifier_in = lambda q: Agentic._identifier_in(fake, q)
    assert Agentic._identifier_in(fake, "Which Kx does the suite OpenSSL calls QX-AES-3 use?") == (
        "QX_SUITE_3", "openssl name", "QX-AES-3")
    assert Agentic._identifier_in(fake, "What is the Kx of the suite with code point 0xC0,0x0B?")[0] == "QX_SUITE_11"
    assert Agentic._page_by_identifier(fake, "Which suite uses ECDH?") is None  # shared by all: no identifier
    assert Agentic._page_by_identifier(fake, "Is QX-AES-3 or QX-AES-4 older?") is None  # two pages
    # the identifier a question names a page by is evidence where a chunk of that page is
    fake._page_names = lambda: {"qx-suite-3"}
    fake._catalog_pages = lambda: [("QX_SUITE_3", SimpleNamespace(doc_id="qx/QX_SUITE_3"))]
    assert Agentic._identifies_page_in(fake, "qx-aes-3", [Hit("qx/QX_SUITE_3", "c", 1.0, text="Kx=ECDH")])
    assert not Agentic._identifies_page_in(fake, "qx-aes-3", [Hit("qx/QX_SUITE_4", "c", 1.0, text="Kx=ECDH")])
    assert answer_type("At which position does QX_SUITE_3 come in the DEFAULT list?") == "number"
    assert answer_type("Which position does Ann hold on the committee?") == "name"


def test_a_named_figure_of_a_list_with_commas_and_codes_that_name_records():
    """(2026-12-06, catalog30 dev, invented here) "hue 12°, saturation 40%, lightness 55%" gives
    the figure the question names, with its unit; a field of codes no two records share
    ("#A1B2C3") names its record, a field of plain words or of figures does not."""
    from ragtune.strategies.agentic import _code_fields, _named_item
    value = "hue 12°, saturation 40%, lightness 55%"
    assert _named_item(value, "What is the HSL saturation of ochre?") == "40%"
    assert _named_item(value, "What is the HSL lightness of ochre?") == "55%"
    assert _named_item("12, 40, 55", "What is the saturation?") is None  # (no names: three figures)
    rows = [{"id": f"v-{i}", "hex": f"#A1B2{i:02d}", "label": f"tone {i}", "count": 2, "rgb": f"{i}, 4, 5"}
            for i in range(12)]
    assert _code_fields(rows) == ["hex"]
    assert _code_fields(rows[:5]) == []  # (too few records to tell a code from a coincidence)
    # (2026-12-06, tables31 r1) a label in a verb's irregular past is asked by its base ("bought" by "buy")
    from ragtune.strategies.agentic import _asked_label, _stems
    assert _asked_label("bought", _stems("In what year did the club buy the urn U-04?"), short=True)
    assert not _asked_label("bought", _stems("In what year did the club sell the urn U-04?"), short=True)


def test_catalog_pages_filed_with_joined_words_labels_and_lines():
    """(2026-12-06, catalog30 dev, invented here) "olive grey (#7A7A5C)" saved as OliveGrey.md is
    a catalog page, named by "olive grey" or "OliveGrey"; a page's name written as a word of a
    field label most pages have ("the contrast against amber") names no page; "the colour on
    line 40" is the page the pages write right before "line 40"."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic, _pages_named_in
    words = ["olive grey", "sea mist", "amber", "deep rust", "pale sand"]
    cat = object.__new__(Agentic)
    cat.collection = None
    docs = [SimpleNamespace(doc_id=f"tones/{''.join(w.title().split())}{i}", title=f"{w} {i} (#7A7A{i:02d})",
                            metadata={"contrast_amber": 2.5, "hue": i})
            for i in range(5) for w in words[:4]]
    docs += [SimpleNamespace(doc_id="tones/amber", title="amber (#FFBF00)", metadata={"contrast_amber": 1.0, "hue": 45})]
    cat.index = SimpleNamespace(documents=lambda collection=None: docs)
    pages = cat._page_names()
    assert "olive grey 3" in pages and "amber" in pages
    assert _pages_named_in("What is the hue of OliveGrey3?", pages | {"olive grey"}) == set()  # (a digit joined)
    assert _pages_named_in("What is the hue of OliveGrey?", {"olive grey", "amber"}) == {"olive grey"}
    cat._page_records = lambda: {n: {"contrast amber": "2.5", "hue": "1"} for n in pages}
    assert cat._named_not_as_labels("What contrast does sea mist 2 reach against amber?", {"sea mist 2", "amber"}) == {"sea mist 2"}
    texts = {"tones/SeaMist1": "It is listed once, as sea mist 1 on line 40.", "tones/DeepRust1": "Same value: sea mist 1 (line 40)."}
    cat._catalog_pages = lambda: [(d.title.rsplit(" (", 1)[0], d) for d in docs]
    cat._page_hit = lambda d: d
    cat._document_text = lambda doc_id, h: texts.get(doc_id, "")
    assert cat._page_at_line("What is the hue of the colour on line 40?") == "sea mist 1"
    assert cat._page_at_line("What is the hue of the colour on line 41?") is None


def test_options_run_on_to_page_names_and_comparable_figures():
    """(2026-12-06, catalog30 r1 traces, invented here) an option cut short of a page's name
    the question writes whole runs on to it ("saddle" of "saddle moss passes"); a page saved
    with its words joined is the page of the spaced name; a ratio to one and a list's total
    are compared by their figure; a capital letter after a word names a label's thing."""
    from ragtune.strategies.agentic import (_asked_label, _compared_figure, _names_page, _not_the_hop,
                                            _run_on_to_page_name, _stems)
    pages = {"linen", "saddle moss", "saddle"}
    assert _run_on_to_page_name("saddle", "Which of linen and saddle moss passes AA?", pages) == "saddle"
    pages.discard("saddle")
    assert _run_on_to_page_name("saddle", "Which of linen and saddle moss passes AA?", pages) == "saddle moss"
    assert _run_on_to_page_name("linen", "Which of linen and saddle moss passes AA?", pages) == "linen"
    assert _names_page("tones/SaddleMoss", "saddle moss") and not _names_page("tones/SaddleMoss", "saddle")
    assert _compared_figure("3.98:1, fails AA for normal text (4.5:1)") == "3.98"
    assert _compared_figure("moss (line 16) and Moss (line 17): 2 in all") == "2"
    assert _compared_figure("0.2141") == "0.2141"
    assert not _asked_label("Packs A (the capital letter A)", _stems("When q9 packs the capital letter omega, which bytes?"))
    assert _asked_label("Packs A (the capital letter A)", _stems("When q9 packs the capital letter A, which bytes?"))
    assert _asked_label("Licensed under", _stems("Which licence is it licensed under?"))
    assert _not_the_hop(("u9", "format", "zq"), "zq") is None
    assert _not_the_hop(("u9", "format", "zq"), "") == ("u9", "format", "zq")


def test_records_named_by_lower_case_codes_bridge_descriptions():
    """(2026-12-06, catalog31 dev, invented here) "the format that zq points to" is the record
    whose unique `alias` is zq (read as a number too where a code is digits), and of its
    fields the one the head noun alone labels (`format`, not `format_aliases`)."""
    from ragtune.strategies.agentic import Agentic
    from ragtune.strategies.question import nested_description
    cat = object.__new__(Agentic)
    rows = [{"alias": "zq", "format": "zqpack", "format_aliases": 2},
            {"alias": 1026, "format": "ebc26", "format_aliases": 3},
            {"alias": "zq2", "format": "zqpack", "format_aliases": 2}]
    cat._record_collections = lambda: {"aliases": rows}
    d = nested_description("How many aliases does the register list for the format that zq points to?")
    assert d is not None
    assert cat._record_bridge(d) == ("zqpack", "aliases: format")
    d = nested_description("How many aliases does the register list for the format that 1026 points to?")
    assert d is not None and cat._record_bridge(d) == ("ebc26", "aliases: format")


def test_labelled_lines_of_the_chunks_found_and_the_about_page():
    """(2026-12-06, prose33 and tables32 dev, invented here) a `Label:   value` line of the
    chunks found whose label of two to four words the question asks whole gives its value (a
    code for "the number of X", where it holds a digit); a site whose about page is titled by
    a name is that body's own."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic
    s = object.__new__(Agentic)
    s.collection = None
    hit = SimpleNamespace(doc_id="licensing/variation", text="Premises:   The Lamb, 2 Mill Row\n"
                          "Premises licence:  KDC/PL/0990\nHearing:   Monday 3 March 2025\n")
    run = SimpleNamespace(question="What is the number of the Lamb's premises licence?", want="number",
                          support=[hit], floor=SimpleNamespace(retrieved=[]))
    assert s._labelled_line(run) == ("licensing/variation", "Premises licence", "KDC/PL/0990")
    run.question, run.want = "What is the number of the Lamb's hearing room?", "number"
    assert s._labelled_line(run) is None
    other = SimpleNamespace(doc_id="licensing/old", text="Premises licence:  KDC/PL/0101\n")
    run.question, run.support = "What is the number of the Lamb's premises licence?", [hit, other]
    assert s._labelled_line(run) is None  # (two values: no one answer)
    vote = SimpleNamespace(doc_id="minutes/2022", text="Special resolution: CHANGES TO RULES 4 AND 8\n")
    run.question, run.support = "How many votes were cast for the special resolution?", [vote]
    assert s._labelled_line(run) is None  # (a verb of its own asks more than the label says)
    run.question, run.want = "What was the special resolution?", "name"
    assert s._labelled_line(run)[2] == "CHANGES TO RULES 4 AND 8"  # (its own noun asked)
    docs = [SimpleNamespace(doc_id="about", title="About Fenwold Bowls Club"), SimpleNamespace(doc_id="greens", title="Greens")]
    s.index = SimpleNamespace(documents=lambda collection=None: docs)
    assert s._about_page_of("Fenwold Bowls Club") and not s._about_page_of("Greens") and not s._about_page_of("Fenwold Green")


def test_one_of_several_listed_things_by_its_page_field():
    """(2026-12-06, catalog31 dev, invented here) "Of A, B, C, D, which one ...?": the one
    thing whose field meets a bound, holds the value written, or says yes where the others say
    no (no where the question denies); one field not found is the one left when the rest say
    the other; not one thing: None."""
    from ragtune.strategies.agentic import _LISTED_AFTER, _LISTED_ASKED, _meets_listed
    m = _LISTED_ASKED.match("Among zq1, zq2, kx_7 and pal9, which can pack é?")
    assert m and m.group("list") == "zq1, zq2, kx_7 and pal9" and m.group("rest") == "which can pack é?"
    assert _LISTED_ASKED.match("Of the packs kept by Ann, which one is oldest?") is None
    assert _LISTED_ASKED.match("Of zq1 and zq2, which is older?") is None
    m = _LISTED_AFTER.match("Which of these formats packs é in two bytes: zq1, kx_7, pal9?")
    assert m and m.group("rest") == "packs é in two bytes" and m.group("list") == "zq1, kx_7, pal9"
    no = "cannot pack it (PackError)"
    assert _meets_listed("which can pack é", {"a": no, "b": "C3 A9 (2 bytes)", "c": no}) == "b"
    assert _meets_listed("which cannot pack é", {"a": no, "b": "C3 A9", "c": "E9"}) == "a"
    assert _meets_listed("which can pack é", {"a": no, "b": None, "c": no, "d": no}) == "b"
    assert _meets_listed("which can pack é", {"a": no, "b": None, "c": "E9", "d": no}) is None
    assert _meets_listed("which has a hue saturation of 100%", {"a": "100%", "b": "40%", "c": "0%"}) == "a"
    assert _meets_listed("which has at least 1000 lines", {"a": "562", "b": "1,204 lines", "c": "88"}) == "b"
    assert _meets_listed("which has four or more users", {"a": "2", "b": "3", "c": "5"}) == "c"
    assert _meets_listed("which has a number from 200 to 499", {"a": "262", "b": "032", "c": "834"}) == "a"
    assert _meets_listed("which has at least 10 lines", {"a": "562", "b": "1,204", "c": "88"}) is None


def test_record_fields_dated_by_another_year_and_words_beyond_a_to_z():
    """(2026-12-06, tables33 and catalog31 dev, invented here) "Who captains X?" reads X's
    `captain`, not also its `captain_2027`, when the question names no 2027; a word of letters
    beyond a to z ("é") is a word of the question, as it is of a label."""
    from ragtune.strategies.agentic import Agentic, _asked_label, _stems
    s = object.__new__(Agentic)
    rows = [{"name": "Fenwold Evening", "captain": "Rhona Bate", "captain_2027": "Ivo Marsh", "plays": "Tuesday"},
            {"name": "Fenwold Saturday", "captain": "Ola Penn", "captain_2027": "Ola Penn", "plays": "Saturday"}]
    s._record_collections = lambda: {"leagues/teams": rows}
    assert s._record_field("Who captains Fenwold Evening?") == ("Fenwold Evening", "captain", "Rhona Bate")
    assert s._record_field("Who captains Fenwold Saturday?") == ("Fenwold Saturday", "captain", "Ola Penn")
    assert s._record_field("Who will captain Fenwold Evening in 2027?")[2] == "Ivo Marsh"
    assert s._record_field("Who captained Fenwold Evening in 2024?") is None  # (neither label is 2024's)
    assert s._record_field("Who captains Fenwold Evening in 2028?")[2] == "Rhona Bate"  # (the undated, latest)
    assert "é" in _stems("Which can pack é?") and "volapük" in _stems("Is Volapük listed?")
    assert _asked_label("Packs é", _stems("Which can pack é?")) and not _asked_label("Packs ß", _stems("Which can pack é?"))


def test_years_days_prices_shares_and_asked_things_absent():
    """(2026-12-06, tables33, prose34 and catalog32 dev and the r1 splits of tables32 and
    catalog31, invented here) A record field dated by another year answers nothing of the year
    asked; a date's day is no figure the question writes (a year's digits are); "How much did X take?" asks money; a
    share is a percentage or a fraction; the one of X's numbers or codes asked, in a word no
    document writes, cannot be read."""
    from ragtune.strategies.agentic import (Hit, _ASKS_SHARE, _STATES_SHARE, _asked_attribute_words,
                                            _asks_price, _field_of_another_year, _figure_asked,
                                            _says_back, _value_of_another_year)
    assert _field_of_another_year("What was Ada Quill's grade in 2025?", "grade_2026") == "2026"
    assert _field_of_another_year("What was Ada Quill's grade in 2026?", "grade_2026") == ""
    assert _field_of_another_year("What is Ada Quill's grade?", "grade_2026") == ""
    assert _field_of_another_year("Had she paid for 2025-26?", "paid_2025_26") == ""
    q = "How many walkers came on the ridge walk of 14 March 2026?"
    assert not _figure_asked("14", q) and _figure_asked("20", q) and _figure_asked("2026", q)
    assert _figure_asked("14", "How many of the 14 walkers finished?")
    assert _asks_price("How much did the tombola take at the fete?")
    assert not _asks_price("How much time did the climb take?")
    assert _ASKS_SHARE.search("What share of the orchard's trees are pears?")
    assert _STATES_SHARE.search("About 40% of them.") and _STATES_SHARE.search("3 in 10")
    assert not _STATES_SHARE.search("The answer is 256.")
    assert _says_back("What did the under-12s score against Lowmoor in 2025?",
                      "The under-12s scored 2025 against Lowmoor in 2025.")
    prices = [Hit("fees/prices-2027", "p", 1.0, title="Prices 2027", text="Harvest supper ticket: £12.")]
    assert _value_of_another_year("What did a harvest supper ticket cost in 2026?", "£12", prices) == "2027"
    assert _asked_attribute_words("What is the chassis number of the tractor TR-4?") == ["chassis"]
    assert _asked_attribute_words("What bibliographic ISO code (x_lib) does zz_QQ give?") == ["bibliographic"]
    assert _asked_attribute_words("What is the full reference of the grant?") == []
    assert _asked_attribute_words("What is the yearly rent of the barn?") == []


def test_select_record_reads_the_asked_noun_and_answers_a_log_entry_by_its_id():
    """(2026-12-06, tables33 dev and tables32 r1, invented here) "Which coaching session in the
    log was cancelled?" asks a session, not its coaches, and a log's entry with no name of its
    own is its id; "Who hired X?" reads the hirer; a name several records share is no answer."""
    from ragtune.strategies.counting import select_record
    log = {"coaching/sessions-2026": [{"coaches": "C1;C2", "status": "held", "venue": "green"},
                                      {"coaches": "C3", "status": "cancelled", "venue": "hall"},
                                      {"coaches": "C3", "status": "held", "venue": "hall"}]}
    ids = {"coaching/sessions-2026": ["s-1", "s-2", "s-3"]}
    assert select_record("Which coaching session in the 2026 log was cancelled?", log, ids)[0] == "s-2"
    hires = {"hire/log": [{"space": "pavilion", "hirer": "St Ivo Church"}, {"space": "tea room", "hirer": "Ann Lee"}]}
    assert select_record("Who hired the tea room in the hire log?", hires, {"hire/log": ["h-01", "h-02"]})[0] == "Ann Lee"
    kit = {"green/equipment": [{"item": "loan woods", "condition": "good"}, {"item": "loan woods", "condition": "missing"},
                               {"item": "rink markers", "condition": "good"}]}
    assert select_record("Which item on the equipment list is missing?", kit,
                         {"green/equipment": ["WD-01", "WD-02", "RM-01"]})[0] == "WD-02"
    assert select_record("Which member joined in 2025?",
                         {"club/members": [{"member": "Ada Reen", "joined": "2025"},
                                           {"member": "Bo Lusk", "joined": "2019"}]}) is not None


def test_places_in_a_ranked_table_are_compared():
    """(2026-12-06, tables33 dev and tables32 r1, invented here) "Which finished higher, A or
    B?" reads each option's place in a table ranked by its first column: the smaller is higher."""
    from ragtune.strategies.timeline import ranked_compare
    table = ("| Pos | Side | Pld | Pts |\n| --- | --- | --- | --- |\n| 1 | Orley Vale | 12 | 30 |\n"
             "| 2 | Cawsby Rovers | 12 | 26 |\n| 3= | Tenby Marsh | 12 | 20 |\n")
    opts = ["Tenby Marsh", "Cawsby Rovers"]
    assert ranked_compare("Which finished higher in the Second Division, Tenby Marsh or Cawsby Rovers?",
                          opts, table)[0] == "Cawsby Rovers"
    assert ranked_compare("Which side ended below the other, Tenby Marsh or Cawsby Rovers?", opts, table)[0] == "Tenby Marsh"
    assert ranked_compare("Which scored more points, Tenby Marsh or Cawsby Rovers?", opts, table) is None
    assert ranked_compare("Which finished higher, Tenby Marsh or Ebb Town?", ["Tenby Marsh", "Ebb Town"], table) is None


def test_catalog_pages_titled_with_a_dash_identifiers_and_values_by_reference():
    """(2026-12-06 evening, catalog33 and catalog34 dev, invented here) A page titled "name —
    what it is" is the page of that name; a hyphenated identifier is not named by a longer one
    that holds it ("qterm-88color" in "qterm-88color-bce"); a field given as "as <page>" is read
    on that page; a hyphenated name no page has and no document writes names no page; a code's
    number ("LT-04") is no figure; "Which steeple keeper found X?" reads the line so labelled."""
    import re
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic, Hit, _title_names, names_covered
    assert _title_names("zq7 \u2014 a test terminal") == ["zq7 \u2014 a test terminal", "zq7"]
    assert _title_names("Harbour reopens after storm") == ["Harbour reopens after storm"]
    assert names_covered("qterm-88color-bce \u2014 It holds 90.", ["qterm-88color"]) == 0.0
    assert names_covered("the qterm.wide-88color page", ["qterm-88color"]) == 0.0
    assert names_covered("The entry qterm-88color holds 88.", ["qterm-88color"]) == 1.0
    assert names_covered("an IP68 rated probe", ["IP68-rated"]) == 1.0
    assert [v.text for v in extract_values("Lathe LT-04 (gift gf26-03) cost GBP 80 in 2024-25.")] == ["GBP 80", "2024-25"]
    pages = {"qterm": "# qterm\n\nlines: 30\n\n- Lines (lines): 30\n- Bell (bel): ^G",
             "qterm-bce": "# qterm-bce\n\n| Field | Value |\n|---|---|\n| Lines (lines) | as qterm |\n| Bell (bel) | as qterm-r9 |"}
    def own(q):
        named = [n for n in sorted(pages, key=len, reverse=True) if re.search(rf"(?<![\w-]){n}(?![\w-])", q)]
        return [Hit(f"t/{named[0]}", "c", 1.0, text=pages[named[0]], title=named[0])] if named else []
    fake = SimpleNamespace(_whole_page=lambda o: o, _is_field=lambda noun: True, _identifier_in=lambda q: None,
                           _own_page_of=own, _page_names=lambda: set(pages))
    fake._page_field = lambda q, want=None, yes_no=False: Agentic._page_field(fake, q, want, yes_no)
    fake._page_hop = lambda q: None
    assert Agentic._page_field(fake, "How many lines does qterm-bce give?")[2] == "as qterm"
    assert Agentic._page_field_followed(fake, "How many lines does qterm-bce give?") == ("t/qterm-bce", "lines (lines)", "30")
    assert Agentic._page_field_followed(fake, "What bell does qterm-bce ring?")[2] == "as qterm-r9"  # no page: as written
    absent = SimpleNamespace(_page_names=lambda: set(pages), _written_in_corpus=lambda n: False, _page_aliases=lambda: {},
                             _catalog_pages=lambda: [])
    assert Agentic._absent_page_name(absent, "What bell does the qterm-r9 entry (qterm R9) ring?") == "qterm-r9"
    assert Agentic._absent_page_name(absent, "Which qterm-based entries ring a bell?") == ""
    line = Hit("towers/orm", "c", 1.0, text="Orm, St Kew\n- Tower captain: Ann Roe, since 2019\n"
                                            "- Steeple keeper: Bo Tamsin, who found the loose clapper on a check")
    run = SimpleNamespace(question="Which steeple keeper found the loose clapper at Orm?", support=[line],
                          floor=SimpleNamespace(retrieved=[]))
    assert Agentic._which_label_line(None, run) == ("towers/orm", "Steeple keeper", "Bo Tamsin")
    run.question = "Which tower captain rang the treble at Orm?"
    assert Agentic._which_label_line(None, run) is None
    # a record's name that says back what the question picks it by is answered by the id
    from ragtune.strategies.counting import select_record
    kit = {"shop/machines": [{"name": "Wexcombe WS-9 scroll saw", "kind": "scroll saw", "condition": "good"},
                             {"name": "Tarn lathe", "kind": "lathe", "condition": "out of service"}]}
    ids = {"shop/machines": ["SC-01", "LA-01"]}
    assert select_record("Which machine on the machines list is the scroll saw?", kit, ids)[0] == "SC-01"
    assert select_record("Which machine on the machines list is out of service?", kit, ids)[0] == "Tarn lathe"
    # a fine, a sum or a premium asked is money, not a name (a target may be a build's)
    assert answer_type("What fine did the club's first rules set for a missed practice?") == "number"
    assert answer_type("Up to what sum does the cover pay for an injury?") == "number"
    assert answer_type("What is the default target of the build?") != "number"


def test_option_pages_opposite_words_register_rows_holders_and_yes_no_fields():
    """(2026-12-06 night, catalog35, catalog36, tables36 and prose37 dev, invented here) "A or
    B" of opposite words is the choice ("vented or unvented"), "One of A and B ... Which one?"
    a pair, a listed series of kinds or an amount asked none; "What did X cost?" asks money;
    "32 x 25 yards", "one kilo" and "threepence" are values; pages filed by an option's name
    with its signs spelled ("-Zfoo=" as Zfoo-eq.md) are the option's; the clause holding one of
    two opposite words and the question's names decides them; a page's register row ("rows.csv
    row zq") gives a figure the page lacks; the holder before or after a named one in a dated
    table; a yes/no field answers a yes/no question; a plain-text table read for a year it
    never writes is another year's."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import (Agentic, Hit, _opposite_read, _page_words, _spelled_keys, _title_names,
                                            _year_unwritten)
    assert find_options("Is the kiln vented or unvented when it fires?") == ["vented", "unvented"]
    assert find_options("One of qterm and zq7 has no bell any more. Which one?") == ["qterm", "zq7"]
    assert find_options("Which release added the command, variable, property or module that rule R9 is about?") == []
    assert find_options("Up to what sum does the cover pay for death or injury?") == []
    assert answer_type("What did the new loom cost the guild?") == "number"
    assert [v.text for v in extract_values("Court: 32 x 25 yards")] == ["32 x 25 yards"]
    assert [v.text for v in extract_values("one kilo of salt to a barrow")] == ["one kilo"]
    assert [v.unit for v in extract_values("a fine of threepence")] == ["gbp"]
    assert "zfoo-eq" in _spelled_keys("-Zfoo=") and "zbarxx" in _spelled_keys("-Zbar++")
    assert _title_names("-Zfoo= \u2014 a test option (C family: C and C++)")[-1] == "-Zfoo="
    assert {"-zbar", "--all-z"} <= _page_words("Does -Zbar leave --all-z on?")
    lines = "- With -Zall in C: enabled\n- With -Zall in C++: disabled\n- Default in C: disabled"
    assert _opposite_read(lines, ["enabled", "disabled"], {"-zall", "c"}, (0, 0), set(), "")[1] == {"enabled"}
    # a register row the page points at
    page = Hit("opts/Zall", "c", 1.0, text="- Option: -Zall\n- Umbrella: yes (rows.csv row zall)", title="-Zall \u2014 an option")
    fake = SimpleNamespace(_own_page_of=lambda q: [page], _document_text=lambda d, h: h.text,
                           _page_field_followed=lambda q, want=None: None, _record_ids={"rows": ["zall", "zx"]},
                           _record_collections=lambda: {"rows": [{"umbrella": "-Zall", "turns_on_c": 17, "turns_on_cxx": 15},
                                                                 {"umbrella": "-Zx", "turns_on_c": 2, "turns_on_cxx": 1}]})
    fake._register_row = lambda file, rid: Agentic._register_row(fake, file, rid)
    assert Agentic._register_row_field(fake, "How many options does -Zall switch on when compiling C++?") \
        == ("rows#zall", "turns_on_cxx", "15")
    # the holder before or after a named one
    table = ("| From | To | Chair | Notes |\n|---|---|---|---|\n| 1990-05-01 | 2001-05-01 | Ann Roe | |\n"
             "| 2001-05-01 | 2012-05-01 | Bo Tamsin | |\n| 2012-05-01 | | Cy Vale | |")
    holders = SimpleNamespace(_document_text=lambda d, h: h.text)
    holders._found_documents = lambda r: Agentic._found_documents(holders, r)
    holders._found_tables = lambda r: Agentic._found_tables(holders, r)
    def run(q):
        return SimpleNamespace(question=q, hits=[Hit("history/officers", "c", 1.0, text=table)],
                               floor=SimpleNamespace(retrieved=[]))
    assert Agentic._holder_next_to(holders, run("Who chaired the guild before Bo Tamsin?")) == "Ann Roe"
    assert Agentic._holder_next_to(holders, run("Who chaired the guild after Bo Tamsin?")) == "Cy Vale"
    assert Agentic._holder_next_to(holders, run("Who chaired the guild before Ann Roe?")) == ""
    assert Agentic._holder_next_to(holders, run("Who was treasurer before Ann Roe?")) is None
    # a yes/no field
    pages = {"zq7": "# zq7\n\n- Warns when unset: no: it stays quiet\n- Lines: 30"}
    yn = SimpleNamespace(_whole_page=lambda o: o, _is_field=lambda noun: True, _identifier_in=lambda q: None,
                         _page_names=lambda: set(pages),
                         _own_page_of=lambda q: [Hit("t/zq7", "c", 1.0, text=pages["zq7"], title="zq7")])
    yn._page_field = lambda q, want=None, yes_no=False: Agentic._page_field(yn, q, want, yes_no)
    assert Agentic._polar_field(yn, "Is there a warning when zq7 is left unset?") == ("t/zq7", "warns when unset", "no")
    assert _year_unwritten("What did the club pay for insurance in 2024?", "Accounts for 2025. Rent since 2021.") == "2024"
    assert _year_unwritten("What did the club pay for insurance in 2025?", "Accounts for 2025. Rent since 2021.") == ""
    assert _year_unwritten("What was Ann's handicap in 2025?", "M12 Ann Roe 2019 full", {"2026"}) == "2025"
    assert _year_unwritten("Who took the Bell Cup in 2011?", "C-04 Bell Cup 2026-06-06 M028") == "2011"
    # a table row named beside a code with a slash, its `Distance` asked by "how long"; a record
    # named by the last word of its name that no other record's name ends with
    from ragtune.strategies.question import content_terms
    from ragtune.strategies.timeline import named_row_cell
    courses = "| Code | Course | Distance |\n|---|---|---|\n| TR10/1 | Brackmoor 10 | 10 miles |\n| TRH/1 | Fell Gate hill climb | 3.1 km |"
    assert named_row_cell("How long is the Fell Gate hill-climb course?", courses,
                          set(content_terms("How long is the Fell Gate hill-climb course?"))) == "3.1 km"
    kit = SimpleNamespace(_record_ids={"kit": ["SB-01", "SB-03"]},
                          _record_collections=lambda: {"kit": [{"name": "Spare road bike", "deposit_gbp": 50},
                                                               {"name": "Holmgill tandem", "deposit_gbp": 80}]})
    assert Agentic._record_field(kit, "What is the loan deposit on the club's tandem?")[2] == "GBP 80"


def test_manual_pages_choices_read_off_pages_passives_domain_words_and_tables_under_headings():
    """(2026-12-06 late night, catalog35-37, prose38-39 and tables37-38 dev, invented here) the
    doer of a passive answers "who"; the corpus's own domain words and a lone year describe no
    table row; an answer in the question's own words says it back; "40h00" says something; "N
    members present" counts those present; a post asked by "which" is a person's; a bare verb
    after "did" ends a description; the default's line answers a state asked with nothing set;
    a choice of two pages by the words or the code only one writes; a choice of two words by
    the one the named page writes; yes/no whether a page listing options writes one."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import (_ASKS_DEFAULT, _WHICH_PERSON, Agentic, Hit, _passive_agents, _qualified,
                                            _says_back)
    from ragtune.strategies.common import says_nothing
    from ragtune.strategies.question import nested_description
    from ragtune.strategies.timeline import described_row_cell
    text = "The treasurer, Odo Vance, keeps the ledger; it is audited each May by Pim Arkwright."
    assert _passive_agents("Who audits the guild's ledger?", ["Odo Vance"], [text]) == ["Pim Arkwright"]
    assert _passive_agents("Who gave the cup?", [], ["The cup was given in 1990 by Ann Lee."]) == ["Ann Lee"]
    assert _passive_agents("Who gave the cup?", [], ["The shield was given by Ann Lee."]) == []
    table = ("# Officers\n\n| Post | Name | Since |\n|---|---|---|\n| Guild captain | Ima Roe | 2019 |\n"
             "| Ledger clerk | Bo Finch | 2021 |\n| Chair | Cy Dunn | 2018 |\n\nMore text.")
    assert described_row_cell("Who audits the guild's ledger?", table, who=True) is None  # ("Guild captain" too)
    assert described_row_cell("Who audits the guild's ledger?", table, who=True, common=frozenset({"guild"})) == "Bo Finch"
    assert described_row_cell("Who was the Player of the Season in 2021?", table, who=True) is None
    leases = ("| From | To | Chair | Notes |\n|---|---|---|---|\n| 2001 | 2010 | Al Ney | signed the 2004 lease |\n"
              "| 2010 | 2020 | Di Crane | signed the 2014 lease |\n| 2020 | | Ed Moss | |")
    assert described_row_cell("Who chaired the guild when the 2014 lease was signed?", leases, who=True) == "Di Crane"
    assert _says_back("Which choir performed at the 2025 fete?",
                      "The choir performing at the 2025 fete is the choir performing at the 2025 fete.")
    assert not _says_back("Which choir performed at the 2025 fete?", "The Larkfield Singers performed.")
    assert not says_nothing("What is the time limit of the Oxby 300?", "The time limit of the Oxby 300 is 20h00.")
    assert _qualified("How many members were present at the meeting?", [("38 members", 1.0), ("Two members", 0.4)],
                      ["In the hall, 38 members present. Two members sent apologies."]) == ["38 members"]
    assert _WHICH_PERSON.match("Which health officer visited the store?")
    assert not _WHICH_PERSON.match("Which event was held in May?")
    assert nested_description("When did the firm that built Oxby Mill close?").span == "the firm that built Oxby Mill"
    assert _ASKS_DEFAULT.search("With no -Q switches set at all, is -Qfoo on or off?")
    # choices read off catalog pages (a fake index of two pages)
    pages = {"qfoo": "- Option: -Qfoo\n- Status: retired; has no effect\n- Option names: -a, -b, -c",
             "qbar": "- Option: -Qbar\n- Status: active\n- Level: porcelain\n- Option names: --keep, -x, -y"}
    hits = {n: Hit(f"opts/{n}", f"opts/{n}::0", 1.0, text=t, title=f"-{n[0].upper()}{n[1:]}") for n, t in pages.items()}
    fake = SimpleNamespace(_page_names=lambda: {"-qfoo", "-qbar"}, _page_aliases=lambda: {},
                           _own_pages=lambda n: [hits[n.lower().lstrip("-")]] if n.lower().lstrip("-") in hits else [],
                           _document_text=lambda d, h: h.text, _named_by_page=lambda q: q)
    fake._page_text = lambda n: Agentic._page_text(fake, n)
    run = SimpleNamespace(options=["-Qfoo", "-Qbar"], kind="comparison",
                          question="One of -Qfoo and -Qbar has no effect any more. Which one?")
    assert Agentic._page_writing_phrase(fake, run) == ("-Qfoo", "has no effect")
    run.question = "Which page lists a --keep option, -Qfoo or -Qbar?"
    assert Agentic._page_writing_phrase(fake, run) == ("-Qbar", "--keep")
    word = SimpleNamespace(options=["a porcelain", "a plumbing"], question="Is -Qbar a porcelain or a plumbing one?")
    assert Agentic._page_writing_option(fake, word) == "porcelain"
    assert Agentic._page_lists_code(fake, "Can you pass --keep to -Qbar?") == ("opts/qbar", "yes")
    assert Agentic._page_lists_code(fake, "Is there a --drop option for -Qbar?") == ("opts/qbar", "no")
    # a record named by its own short value beside the record it points at by code
    from ragtune.strategies.agentic import _record_named_with
    events = {"ho-03": "Oxby Regional"}
    course = {"course": "Black", "event": "HO-03", "controls": 24}
    assert _record_named_with(course, "How many controls were on the Black course at the Oxby Regional?",
                              lambda c: events.get(c.lower())) == "Black Oxby Regional"
    assert _record_named_with(course, "How many controls were there at the Oxby Regional?",
                              lambda c: events.get(c.lower())) == ""


def test_registers_read_by_heading_and_verb_options_by_entry_and_kind_absent_commands_narrower_counts():
    """(2026-12-07, catalog37, prose39 and tables38 dev, invented here) a record named by a
    field that names each record, or by its value and its collection's noun, is not counted;
    a row's count is read by the verb that labels it; a name with a bracketed note is called
    without it; "Name the X option whose entry begins "Y"" reads the option written before Y;
    "Name the ..." asks a name; "--3way" is an option; a count of nought says none; a dotted
    setting name is a code; rag's count of a narrower kind gives way to the plain noun's."""
    from ragtune.strategies.agentic import (_OPTION_CODE, _SETTING_NAME, _meets_listed, _one_stem, _plain_counts,
                                            name_beside)
    from ragtune.strategies.counting import count_records
    from ragtune.strategies.question import answer_type
    depots = {"depots/depots.csv": [{"id": "d1", "site": "Low Yard North", "listed": 19},
                                    {"id": "d2", "site": "High Moor East", "listed": 7},
                                    {"id": "d3", "site": "Mill Lane West", "listed": 11}]}
    assert count_records('How many pumps of the depot "Low Yard North" does the register hold?', depots) is None
    lanes = {"lanes/lanes.csv": [{"id": "l1", "lane": "Blue", "meet": "M1", "swimmers": 8},
                                 {"id": "l2", "lane": "Blue", "meet": "M2", "swimmers": 6},
                                 {"id": "l3", "lane": "Red", "meet": "M1", "swimmers": 5}]}
    assert count_records("How many divers finished the Blue lane at the Oxby Gala?", lanes) is None
    assert count_records("How many lanes in the lanes list are Blue?", lanes)[0] == 2  # (the records counted)
    assert _one_stem("catalogued") == _one_stem("catalogue")
    assert answer_type("Name the pump that drains the lower sump.") == "name"
    assert _OPTION_CODE.findall("Which command documents --3way, and is -1 an option?") == ["--3way"]
    assert _SETTING_NAME.findall("Which page lists pump.depth and core.hooksPath? Not 3.14.") == ["pump.depth", "core.hooksPath"]
    text = "What some do: option --force: Drain the sump even if it is full; option --dry: Say what it would do."
    assert name_beside(text, "option", "Drain the sump even if it is full") == "--force"
    values = {"frob": "0", "twiddle": "a.b, a.c", "grind": "x.y", "mash": "p.q, p.r"}
    assert _meets_listed("which one lists no settings?", values) == "frob"
    glance = "At a glance: - Members: 1,312 at the end of 2025 (1,187 a year earlier), of whom 214 are working members"
    assert _plain_counts("How many members did the co-op have at the end of 2025?", "214",
                         ["1,312", "1,187", "214"], [glance]) == ["1,312"]
    assert _plain_counts("How many working members did the co-op have?", "214", ["1,312", "214"], [glance]) == []
    # the one page of the kind the question gives that writes an option (a fake catalog of three)
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic
    docs = {"pump-a": ("drainers", "Options: --fast, --[no-]wait, --3way"), "pump-b": ("fillers", "Options: --3way, --slow"),
            "pump-c": ("drainers", "Options: --slow, --quiet")}
    pages = [(n, SimpleNamespace(doc_id=f"{k}/{n}", title=n, metadata={"name": n, "group": f"low-{k}"}))
             for n, (k, _) in docs.items()]
    fake = SimpleNamespace(_page_names=lambda: set(docs), _page_aliases=lambda: {}, _catalog_pages=lambda: pages,
                           _named_by_page=lambda q: q, _page_hit=lambda d: d,
                           _document_text=lambda d, h: docs[d.split("/")[1]][1])
    assert Agentic._page_with_option(fake, "Name the one low drainer that documents a --3way option.") == "pump-a"
    assert Agentic._page_with_option(fake, "Name the one pump that documents a --3way option.") is None  # (two)
    fake._page_text = lambda n: (f"x/{n}", docs[n][1]) if n in docs else None
    # (two codes on a line that says it lists options are a list, 2026-12-07)
    assert Agentic._page_lists_code(fake, "Is there a --dry option for pump-c?") == ("x/pump-c", "no")
    assert Agentic._page_lists_code(fake, "Is there a --dry option for pump-a?") == ("x/pump-a", "no")  # ("--[no-]wait")


def test_register_hops_counts_by_label_sum_columns_notes_and_document_names():
    """(2026-12-07, catalog38, prose40 and tables39 dev, invented here) "X has which numeric
    value?" and "What errno name ...?" are asked as a number and a name; a register's rows are
    read in the plural ("see pumps.csv rows P1"); a column of sums counts nothing; of a few
    records meeting a question, the one whose note writes its other words decides (an owner's
    word aside); a question naming a collection after "what" names it."""
    from ragtune.strategies.agentic import _ROW_REF
    from ragtune.strategies.counting import select_record
    from ragtune.strategies.question import answer_type, content_terms
    from ragtune.strategies.timeline import row_in_force
    assert answer_type("pump.P7 has which numeric value here?") == "number"
    assert answer_type("What sump name turns a fault into a DrainFault?") == "name"
    assert _ROW_REF.findall("Raised for: see pumps.csv rows P7") == [("pumps", "P7")]
    fees = ("# Fees\n\n| From | To | Member (GBP a night) | Notes |\n|---|---|---|---|\n"
            "| 2010-01-01 | 2019-12-31 | 3 | |\n| 2020-01-01 | | 5 | |")
    q = "How many members were present at the meeting of 17 October 2026?"
    assert row_in_force(q, fees, set(content_terms(q))) is None
    q = "What did a member pay a night in 2015?"
    assert row_in_force(q, fees, set(content_terms(q))) == ("3", "2010-01-01")
    sumps = {"sumps/sumps": [{"name": "Low Sump", "status": "retired", "notes": "the farmer withdrew permission in 2022"},
                             {"name": "High Sump", "status": "retired", "notes": "too far from the works for the club"},
                             {"name": "Mill Sump", "status": "current", "notes": "relined in 2021 by the club"}]}
    assert select_record("Which of the club's sumps was retired because permission was withdrawn?", sumps)[0] == "Low Sump"
    assert select_record("Which of the sumps was retired?", sumps) is None  # (two)
    from ragtune.strategies.agentic import _asks_price, _measure_nouns
    assert _asks_price("How much was moved out of the sinking fund on 1 May?")
    assert not _asks_price("How much grain was moved on 1 May?")
    assert "cost" in _measure_nouns("What did the club pay for its oak longbows?")
    from ragtune.strategies.agentic import _asks_code
    from ragtune.strategies.counting import _named_collection, pick_record
    assert not _asks_code("Why did the 2019 policy not use credit reference agencies?")
    assert _asks_code("What is the reference code of the pump?")
    assert "length" in _measure_nouns("How long was the Green loop at the Oxby Fair, in km?")
    assert _named_collection("which of the guild's current sumps has the oldest survey?", "sumps/sumps")
    dated = {"sumps/sumps": [{"name": "Low Sump", "status": "current", "surveyed": 1976},
                             {"name": "High Sump", "status": "current", "surveyed": 2003},
                             {"name": "Mill Sump", "status": "retired", "surveyed": 1960}]}
    got = pick_record("Which of the guild's current sumps has the oldest original survey?", dated, "less")
    assert got is not None and got[0]["name"] == "Low Sump"


def test_list_places_qualified_page_names_bracketed_year_columns_and_named_by_value():
    """(2026-12-07, catalog39, prose41 and tables40 dev, invented here) "the last step of X" and
    "which step comes first for X" read X's labelled list at that place; a page is named by a
    qualified name its title or text writes ("kit.Loom" for the page Loom); "how many steps"
    reads `Number of steps` when no longer label shares more; a table's header row is no field;
    accounts' bracketed column is the year before's; "how many" counts no money; a record is
    named by a value in lower case or with a figure beside the record it points at, and by its
    name with the qualifier after the comma put first; a reason is not read across a heading
    nor by a title's words alone; a section's heading says what the one figure column of its
    dated table holds; a list a question ends with names the one page writing it; a plain-text
    table's header above a rule of dashes names its labels' column too; a label saying "not"
    is not asked beside the same label without it; a position is a place; "which ... the
    lowest" picks among things, no field of the page named; a section headed by a year dates
    the names under it; "the base form of X" is the page X's `Base form` names; a price list's
    columns "To 31 March" and "From 1 April" are read by the day asked; a labelled line of another
    year's document answers no year asked; a collection is named by a path word of three letters
    right after "which" ("which kit item")."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import (Agentic, _field_lines, _reason_clause, _record_named_with)
    from ragtune.strategies.question import content_terms
    from ragtune.strategies.timeline import year_column_cell
    page = ("# kit.Loom — Loom(frame, heddles, shuttle)\n\n- Node: Loom\n- Steps, in order: warp, weave, cut\n"
            "- Step notes: warp: slow; cut: fast\n- Optional steps (?): cut\n- Number of steps: 3\n"
            "- Number of optional steps: 1\n")
    hit = Hit("tools/Loom", "c", 1.0, title="kit.Loom — Loom(frame, heddles, shuttle)", text=page)
    fake = SimpleNamespace(_own_page_of=lambda q: [hit], _document_text=lambda d, h: page)
    assert Agentic._page_list_member(fake, "What is the last step of the Loom tool?") == ("tools/Loom", "steps, in order", "cut")
    assert Agentic._page_list_member(fake, "Which step comes first for kit.Loom?")[2] == "warp"
    assert Agentic._page_list_member(fake, "What is the first step of the tool that the Loom feeds?") is None
    assert Agentic._page_count_field(fake, "Counting them, how many steps does Loom take?") == ("tools/Loom", "count", "3")
    doc = SimpleNamespace(doc_id="tools/Loom", title="Loom — a hand loom")
    pages = SimpleNamespace(_catalog_pages=lambda: [("Loom", doc)],
                            _document_text=lambda d, h: "Qualified name: kit.Loom")
    pages._qualified_names = lambda q: Agentic._qualified_names(pages, q)
    assert Agentic._qualified_page_names(pages, "Which step comes first in kit.Loom.steps?") == {"loom"}
    assert Agentic._qualified_page_names(pages, "Which step comes first in other.Loom?") == set()
    assert [m.group(1) for m in _field_lines("| Field | Value |\n|---|---|\n| Node | Loom |")] == ["Node"]
    accounts = ("| line | 2024/25 | (2023/24) |\n|---|---|---|\n| **surplus for the year** | **£12,000** | **(£9,000)** |\n"
                "| Car park | £1,200 | (£900) |")
    q = "What was the guild's surplus for 2023/24?"
    assert year_column_cell(q, accounts, set(content_terms(q))) == "£9,000"
    q = "How many cars used the car park in 2024?"
    assert year_column_cell(q, accounts, set(content_terms(q))) is None
    pb = {"member": "K12", "event": "high jump", "mark": 1.62, "wind": 0.4}
    assert _record_named_with(pb, "What was the wind for Ada Moss's high jump best?",
                              lambda c: {"k12": "Ada Moss"}.get(c.lower())) == "high jump Ada Moss"
    score = {"archer": "K12", "event": "EV-3", "hits": 29}
    names = {"k12": "Ada Moss", "ev-3": "Heron Clout"}
    assert _record_named_with(score, "How many hits did Ada Moss get at the Heron Clout?",
                              lambda c: names.get(c.lower())) == "Ada Moss Heron Clout"
    from ragtune.strategies.counting import select_record
    gear = {"kit/kit": [{"name": "Paddles, large", "condition": "worn"}, {"name": "Fins", "condition": "good"}]}
    assert select_record("Which kit item is in worn condition?", gear)[0] == "Paddles, large"
    kit = {"kit/kit": [{"name": "Shuttle, 30 cm", "cost_gbp": 45}, {"name": "Shuttle, 45 cm", "cost_gbp": 60}]}
    fake2 = SimpleNamespace(_record_collections=lambda: kit)
    assert Agentic._record_field(fake2, "What did the guild pay for its 45 cm shuttle?")[1:] == ("cost_gbp", "GBP 60")
    walk = ("## Taking part\n\nDogs are not allowed, for their own sake.\n\n## Sponsors\n\n"
            "A shop pays for the lamps, so that every pound raised goes to the guild.")
    assert _reason_clause("Why are dogs not allowed on the night walk?", [walk]) is None
    titled = "Night walk Sponsors\nA shop pays for the lamps, so that every pound raised goes to the guild."
    assert _reason_clause("Why are dogs not allowed on the night walk?", [titled]) is None
    from ragtune.strategies.timeline import row_in_force
    history = ("Officers\n## Chair\n| From | To | Name |\n|---|---|---|\n| 2001-01-01 | 2010-12-31 | Ada Moss |\n"
               "| 2011-01-01 | | Bo Lund |\n## Secretary\n| From | To | Name |\n|---|---|---|\n"
               "| 2001-01-01 | 2008-12-31 | Cy Hart |\n| 2009-01-01 | | Di Fane |")
    q = "Who was the guild's secretary in 2005?"
    assert row_in_force(q, history, set(content_terms(q))) == ("Cy Hart", "2001-01-01")
    q = "Who chaired the guild in 2012?"
    assert row_in_force(q, history, set(content_terms(q))) == ("Bo Lund", "2011-01-01")
    fees = ("| Membership | To 31 March 2026 | From 1 April 2026 |\n|---|---|---|\n| Adult (18 and over) | GBP 40 | GBP 44 |\n"
            "| Junior | GBP 20 | GBP 22 |\n| Family (two adults and their juniors) | GBP 90 | GBP 96 |")
    from ragtune.strategies.timeline import dated_column_cell
    q = "What did a family membership cost before 1 April 2026?"
    assert dated_column_cell(q, fees, set(content_terms(q))) == "GBP 90"
    q = "What does a junior membership cost now?"
    assert dated_column_cell(q, fees, set(content_terms(q))) == "GBP 22"
    q = "What does a membership cost now?"
    assert dated_column_cell(q, fees, set(content_terms(q))) is None
    q = "What did a family membership cost in 2009?"
    assert dated_column_cell(q, fees, set(content_terms(q))) is None
    sections = ("Fees\n## Adult and masters membership (17 and over)\n| From | To | GBP a year |\n|---|---|---|\n"
                "| 2010-01-01 | 2015-12-31 | 30 |\n| 2016-01-01 | | 36 |\n## Junior membership\n| From | To | GBP a year |\n"
                "|---|---|---|\n| 2010-01-01 | | 12 |")
    q = "What was the adult membership fee in 2012?"
    assert row_in_force(q, sections, set(content_terms(q))) == ("30", "2010-01-01")
    loom_doc = SimpleNamespace(doc_id="tools/Loom", title="Loom", metadata={})
    quoted = SimpleNamespace(_page_names=lambda: {"loom", "frame"}, _catalog_pages=lambda: [("Loom", loom_doc)],
                             _document_text=lambda d, h: page, _page_hit=lambda d: hit)
    assert Agentic._page_by_quoted_value(quoted, "Which tool has exactly these steps, in order: warp, weave, cut?") == "Loom"
    assert Agentic._page_by_quoted_value(quoted, "Which tool has exactly these steps, in order: warp, weave?") is None
    from ragtune.strategies.agentic import _aligned_value
    roles = ("ROLES (numbers at 31 March)\n\nRole              Helpers   Where\n----------------  --------  ----------\n"
             "Shop helper       203       five shops\nWard helper       38        the wing\n"
             "Helper driver     27        whole district\nGarden helper     19        the house\n")
    assert _aligned_value("How many helper drivers did the guild have?", [roles], counted=True) == "27"
    sheet = ("# SPIN\n\n| Field | Value |\n|---|---|\n| Stack effect when it jumps | -2 |\n"
             "| Stack effect when it does not jump | 0 |\n| Place in its family's list | 3 |\n| Form | base |")
    fake3 = SimpleNamespace(_whole_page=lambda own: own, _is_field=lambda noun: True, _identifier_in=lambda q: None,
                            _own_page_of=lambda q: [Hit("ops/SPIN", "c", 1.0, text=sheet, title="SPIN")])
    assert Agentic._page_field(fake3, "What stack effect does SPIN have when it jumps?")[2] == "-2"
    assert Agentic._page_field(fake3, "What stack effect does SPIN have when it does not jump?")[2] == "0"
    assert Agentic._page_field(fake3, "What is the position of SPIN in its family's list?")[2] == "3"
    assert Agentic._page_field(fake3, "Which form of SPIN has the lowest number?") is None
    assert Agentic._page_field(fake3, "Which form does the latest SPIN have?")[2] == "base"
    prose = "# SPIN_FAST\n\nSPIN_FAST is opcode 7. Base form (deopt map): SPIN. It is in a list. Comment in spin.py: Index in name list."
    fake4 = SimpleNamespace(_whole_page=lambda own: own, _is_field=lambda noun: True, _identifier_in=lambda q: None,
                            _own_page_of=lambda q: [Hit("ops/SPIN_FAST", "c", 1.0, text=prose, title="SPIN_FAST")])
    assert Agentic._page_field(fake4, "Which base form does SPIN_FAST map back to?")[2] == "SPIN"
    assert Agentic._page_field(fake4, "What does the comment in spin.py say of SPIN_FAST?")[2] == "Index in name list"
    fast = "# SPIN_FAST\n\n- Base form (deopt map): SPIN\n- Family: see families.csv row SPIN\n- Lists: none"
    hop = SimpleNamespace(_page_names=lambda: {"spin", "spin-fast"}, _document_text=lambda d, h: fast,
                          _own_pages=lambda n: [Hit("ops/SPIN_FAST", "c", 1.0, text=fast, title="SPIN_FAST")])
    assert Agentic._page_hop(hop, "Which list holds the base form of SPIN_FAST?") == "Which list holds SPIN?"
    assert Agentic._page_hop(hop, "Which list holds the family of SPIN_FAST?") is None  # (no page's name)
    assert Agentic._page_hop(hop, "What is the base form of SPIN_FAST?") is None  # (the label's value asked)
    accounts = Hit("notes/accounts-2025", "a::0", 1.0, title="Accounts 2025", text="Total costs:  5,830\nTotal income:  7,100")
    run = SimpleNamespace(question="What were the guild's total costs in 2024?", want="number", support=[accounts],
                          floor=SimpleNamespace(retrieved=[]))
    assert Agentic._labelled_line(SimpleNamespace(), run) is None  # (another year's accounts)
    run.question = "What were the guild's total costs in 2025?"
    assert Agentic._labelled_line(SimpleNamespace(), run)[2] == "5,830"
    from ragtune.strategies.agentic import _name_of_another_year
    race = Hit("race", "race::1", 1.0, heading="2024", text="The women's race was won by Ada Moss in 2:21:09.")
    assert _name_of_another_year("Who won the women's race in 2023?", "Ada Moss", [race]) == "2024"
    assert _name_of_another_year("Who won the women's race in 2024?", "Ada Moss", [race]) == ""
    kept = "Baby room\nThe room is kept warmer than the others, because small babies get cold quickly."
    assert _reason_clause("Why is the baby room kept warmer?", [kept]) == "Because small babies get cold quickly."


def test_kind_named_pages_list_members_register_rows_and_records_by_values():
    """(2026-12-07, catalog41, prose43 and tables42 dev, invented here) a page titled "Help
    entry whisk: Beating eggs" is the page whisk, and "entry" and "help" are the pages' kind
    words: of two pages a question names, the one beside a kind word is the one asked, and a
    page called by a function word ("if") is named only there or quoted; a register row's id
    the question writes names the page the row points at, and those words ask no field; "which
    X does Y quote first" reads Y's list at that place, a count with its members in brackets
    too; "Which entry has a part titled Z?" is the one page whose field holds Z; a yes/no
    question quoting a thing asks whether the list the question names holds it; a record is
    named by two of its values, a day among them in any form; a statement before a semicolon
    asks nothing; a dotted time said of when something happened is a time; a paragraph's first
    line is no title; a dated table's section is named by its own heading, not the ones above."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import (Agentic, _labelled_pairs, _list_members, _named_beside_kind,
                                            _pages_named_in, _pronoun_subject, _reason_clause, _record_by_values,
                                            _without_row_name)
    from ragtune.strategies.question import answer_type, content_terms
    from ragtune.strategies.timeline import row_in_force
    from ragtune.strategies.values import extract_values
    names = ["whisk", "if", "ladle", "sieve-set"] + [f"tool{i}" for i in range(20)]
    docs = [SimpleNamespace(doc_id=f"kitchen/{n}", title=f"Help entry {n}: Heading of {n}", metadata={}) for n in names]
    cat = SimpleNamespace(index=SimpleNamespace(documents=lambda c: docs), collection="default")
    assert {"whisk", "if", "sieve-set"} <= Agentic._page_names(cat) and cat._kind_words == {"help", "entry"}
    assert _named_beside_kind("What is the first part the whisk entry names?", {"whisk", "class"}, {"entry"}) == {"whisk"}
    assert _named_beside_kind("Does 'stir' lead to the help entry if?", {"if"}, {"help", "entry"}) == {"if"}
    assert _pages_named_in("If you ask for stirring, which entry is shown?", {"if", "whisk"}) == set()
    assert _pages_named_in("Of if, which entry quotes no rule?", {"if", "whisk"}) == {"if"}  # (a listed thing)
    from ragtune.strategies.agentic import _meets_listed
    assert _meets_listed("which entry quotes no rule", {"whisk": "2 (a, b)", "ladle": "0 (none)", "sieve": "1 (c)"}) == "ladle"
    from ragtune.strategies.agentic import _without_kind_words
    assert _without_kind_words("Who wrote the whisk help entry?", "whisk", {"help", "entry"}) == "Who wrote the whisk?"
    assert _list_members("3 (whip, beat, fold)") == ["3 (whip, beat, fold)", "whip", "beat", "fold"]
    assert _list_members("none") == ["none"]
    assert _labelled_pairs("Its parts are: wire, handle. It is sold in sets.")[0] == ("Its parts are", "wire, handle")
    page = "# Help entry whisk: Beating eggs\n\n| Field | Value |\n|---|---|\n| Motions quoted | 3 (whip, beat, fold) |\n"
    hit = Hit("kitchen/whisk", "c", 1.0, title="Help entry whisk: Beating eggs", text=page)
    fake = SimpleNamespace(_own_page_of=lambda q: [hit], _document_text=lambda d, h: page)
    assert Agentic._page_list_member(fake, "Which motion does the whisk entry quote first?")[2] == "whip"
    pairs = {"whisk": [("Parts", "Wire loops, Handle grip"), ("Uses", "eggs, cream, batter")],
             "ladle": [("Parts", "Deep bowl, Handle grip"), ("Uses", "soup, stock, sauce")]}
    wdoc, ldoc = (SimpleNamespace(doc_id=f"kitchen/{n}", metadata={}) for n in ("whisk", "ladle"))
    member = SimpleNamespace(_page_names=lambda: {"whisk", "ladle"}, _catalog_pages=lambda: [("whisk", wdoc), ("ladle", ldoc)],
                             _page_pairs=lambda d: pairs[d.doc_id.split("/")[1]], _own_page_of=lambda q: [])
    assert Agentic._page_by_member(member, "Which entry has a part titled Deep bowl?") == "ladle"
    assert Agentic._page_by_member(member, "Which entry has a part titled Handle grip?") is None  # (two pages)
    assert Agentic._page_by_member(member, "Among whisk, ladle and sieve, which has a part titled Deep bowl?") is None
    assert Agentic._page_by_member(member, "Which entry lists stock among its uses?") == "ladle"
    holds = SimpleNamespace(_page_names=lambda: {"whisk", "ladle"}, _catalog_pages=lambda: [("whisk", wdoc)],
                            _own_page_of=lambda q: [Hit("kitchen/whisk", "c", 1.0, text="")],
                            _page_pairs=lambda d: pairs["whisk"])
    assert Agentic._page_list_holds(holds, "Is 'cream' one of the uses of the whisk?") == ("kitchen/whisk", "yes")
    assert Agentic._page_list_holds(holds, "Is 'soup' one of the uses of the whisk?") == ("kitchen/whisk", "no")
    rows = {"register": [{"key": "whisk", "n": 2}, {"key": "ladle", "n": 1}]}
    reg = SimpleNamespace(_page_names=lambda: {"whisk", "ladle"}, _record_collections=lambda: rows,
                          _record_ids={"register": ["BEATING", "SERVING"]}, _kind_words={"help", "entry"})
    assert Agentic._register_row_named(reg, "How long is the text the help entry SERVING shows?") == ("ladle", "SERVING")
    reg._register_row_named = lambda q: Agentic._register_row_named(reg, q)
    reg._absent_page_name, reg._page_by_identifier, reg._page_at_line = (lambda q: None,) * 3
    reg._named_not_as_labels = lambda q, named: named
    reg._qualified_page_names = lambda q: set()
    reg._own_pages = lambda n: [Hit(f"kitchen/{n}", "c", 1.0, text="")]
    q = "What heading does the help entry SERVING show?"
    assert Agentic._own_page_of(reg, q)[0].doc_id == "kitchen/ladle"
    assert _without_row_name(reg, q).split() == ["What", "heading", "does", "show?"]  # (its article too)
    fixtures = {"fixtures": [{"date": "2025-10-02", "team": "Firsts", "opponent": "Oxby", "venue": "home", "score": "6-3"},
                             {"date": "2025-11-06", "team": "Firsts", "opponent": "Oxby", "venue": "away", "score": "2-7"}]}
    assert _record_by_values(fixtures, "What was the score in the Firsts' home match on 2 October 2025?")["score"] == "6-3"
    assert _record_by_values(fixtures, "What was the score in the Firsts' match against Oxby?") is None  # (a tie)
    assert answer_type("The entry SERVING shows a text; how many paragraphs has it?") == "number"
    from ragtune.strategies.question import names
    assert names("When is the Walkers' AGM in 2025?") == ["Walkers", "AGM", "2025"]  # (a plural's possessive)
    assert [v.kind for v in extract_values("At about 9.45 on the evening of 3 May the lamp fell.")][0] == "time"
    assert [v.kind for v in extract_values("Sold at 12.50 each.")] == ["number"]
    long_first = ("Grounds: We trim the hedge in spring, but we never cut it in May, because birds are nesting then "
                  "and the law protects them.")
    assert _reason_clause("Why do volunteers never cut the hedge in May?", [long_first]).startswith("Because birds")
    fees = ("Fees\n## Fees and charges > Junior membership (per season)\n| From | To | GBP |\n|---|---|---|\n"
            "| 2015-09-01 | 2020-08-31 | 40 |\n| 2020-09-01 | | 55 |\n## Fees and charges > Adult membership (per season)\n"
            "| From | To | GBP |\n|---|---|---|\n| 2015-09-01 | | 90 |")
    q = "What is the junior membership now?"
    assert row_in_force(q, fees, set(content_terms(q))) == ("55", "2020-09-01")
    from ragtune.strategies.agentic import _name_fields, _with_currency
    from ragtune.strategies.counting import select_record
    stock = [{"type": "feather", "label": "Swift 77", "speed": "fast"}, {"type": "nylon", "label": "Glide Pro", "speed": "slow"},
             {"type": "nylon", "label": "Glide Pro", "speed": "medium"}, {"type": "hybrid", "label": "Featherlite", "speed": "fast"},
             {"type": "feather", "label": "Swift 78", "speed": "fast"}]
    assert _name_fields(stock) == ["label"]  # (names two records may share, after any unique field of words)
    assert select_record("Which of the lures in stock is a hybrid?", {"stock/lures": stock},
                         {"stock/lures": ["L1", "L2", "L3", "L4", "L5"]})[0] == "L4"  # (an entry without a `name`: its id)
    assert _with_currency("price_gbp", "17.8") == "GBP 17.80"
    mill = "The guild's builder was Osric Vennel of Hale. He built the mill, the weir and the drying loft in 1790."
    assert _pronoun_subject("Which builder built the guild's mill and weir?", [mill]) == "Osric Vennel"
    assert _pronoun_subject("Which carpenter built the guild's mill and weir?", [mill]) is None  # (no carpenter named)
    from ragtune.strategies.timeline import described_row_cell, named_row_cell, value_until
    rota = ("| Day | Hall | Session | Coach |\n|---|---|---|---|\n| Monday | North Hall | Juniors | K07 |\n"
            "| Wednesday | South Hall | Juniors | K03 |\n| Friday | South Hall | Adults | none |")
    assert described_row_cell("Who coaches the Wednesday juniors at South Hall?", rota, True) == "K03"
    halls = "| Hall | Courts | Rate per court per hour |\n|---|---|---|\n| North Hall | 4 | GBP 9.50 |\n| South Hall | 6 | GBP 11.00 |"
    q = "What does a court at South Hall cost per hour?"
    assert named_row_cell(q, halls, set(content_terms(q))) == "GBP 11.00"
    posts = ("| Post | From | To | Held by |\n|---|---|---|---|\n| Chair | 2010-05 | 2016-05 | Ada Moss |\n"
             "| Chair | 2016-05 | | Bo Lund |\n| Secretary | 2012-05 | | Cy Hart |\n| Match secretary | 2015-05 | | Di Fane |")
    for q, want in (("Who was the guild's chair in 2013?", "Ada Moss"), ("Who was match secretary in 2017?", "Di Fane"),
                    ("Who was chair in 2016?", None)):
        assert (row_in_force(q, posts, set(content_terms(q))) or (None,))[0] == want
    line = "- Match fee per player: GBP 5 (GBP 4 until 2024-08-31)."
    for q, want in (("What was the match fee per player before September 2024?", "GBP 4"),
                    ("What is the match fee per player now?", "GBP 5"), ("What was the match fee per player in 2024?", None)):
        assert value_until(q, line, set(content_terms(q))) == want


def test_records_by_plain_ids_titles_kind_titles_and_prose_makers_clauses_and_sums():
    """(2026-12-07, catalog42, prose44 and tables43 dev, invented here) a record is named by any
    id written right after its collection's noun ("the alias 12" of aliases.csv) or quoted, so
    that "12" is no figure of a table row; a record's `title` (its document's title, not kept as
    metadata) is a field; titles "Gadget g1" without a colon name catalog pages; two quoted
    titles are a choice's options and "between 1990 and 2006" none; "Give its code" answers a
    record's id; a number in words of several words is one value; "Who wrote X?" is read after
    "by" beside X, "Which member runs X?" from "Y, who runs X", "Who chaired it from A to B?"
    from the clause writing both years; a pronoun's sentence must write the question's figures;
    "GBP A, or GBP B for <group>" by the group the question names; "In what year did it become a
    <label>?" from a labelled list item; records counted by a yes/no field the question names;
    "finished third" is a place."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import (Agentic, _dated_clause_person, _id_after_kind, _ids_named, _maker_by,
                                            _named_by_relative_clause, _pronoun_subject, _sum_or_for)
    from ragtune.strategies.counting import count_records, select_record
    from ragtune.strategies.question import find_options
    from ragtune.strategies.values import extract_values
    assert _id_after_kind("12", "aliases", "Which module does the alias 12 resolve to?")
    assert _id_after_kind("latinx", "aliases", "If you pass 'latinx' as a name, which module is used?")
    assert not _id_after_kind("12", "aliases", "Which module has 12 aliases?")
    assert _ids_named({"aliases": ["12", "latinx"]}, "Which module does the alias 12 resolve to?")
    docs = [SimpleNamespace(doc_id=f"shots#E{i}", title=t, metadata={"score": s})
            for i, (t, s) in enumerate([("Red Dawn", 17), ("Blue Hour", 14)])]
    rec = SimpleNamespace(index=SimpleNamespace(documents=lambda c: docs), collection="default")
    assert Agentic._record_collections(rec)["shots"][0] == {"score": 17, "title": "Red Dawn"}
    names = [f"g{i}" for i in range(24)]
    pages = [SimpleNamespace(doc_id=f"kit/{n}", title=f"Gadget {n}", metadata={}) for n in names]
    cat = SimpleNamespace(index=SimpleNamespace(documents=lambda c: pages), collection="default")
    assert {"g1", "g2"} <= Agentic._page_names(cat) and cat._kind_words == {"gadget"}
    assert find_options("Which scored higher, 'Red Dawn' or 'Blue Hour'?") == ["Red Dawn", "Blue Hour"]
    assert find_options("Who was treasurer between 1990 and 2006?") == []
    kit = {"kit/items": [{"item": "Tripod", "condition": "worn"}, {"item": "Flash", "condition": "good"}]}
    ids = {"kit/items": ["TR-1", "FL-2"]}
    assert select_record("Which kit item is in worn condition? Give its code.", kit, ids)[0] == "TR-1"
    assert select_record("Which kit item is in worn condition?", kit, ids)[0] == "Tripod"
    [v] = extract_values("Six hundred and twelve people came.")
    assert v.key == (612.0,) and v.text == "Six hundred and twelve people"
    play = ["The Brass Kettle, a comedy in three acts by Ada Penhallow, was directed by Tom Quill."]
    assert _maker_by("Who wrote The Brass Kettle?", play) == "Ada Penhallow"
    assert _maker_by("Who directed The Brass Kettle?", play) == "Tom Quill"
    assert _maker_by("Who painted The Brass Kettle?", play) is None
    assert _named_by_relative_clause("Which member runs the club's bar?",
                                     ["Ben Tallis, who runs the bar, also sells raffle tickets."]) == "Ben Tallis"
    chairs = ["Ann Bell was chair from 1990 to 2001; the present chair, Cy Dunn, took over then."]
    assert _dated_clause_person("Who chaired the club from 1990 to 2001?", chairs) == "Ann Bell"
    assert _dated_clause_person("Who chaired the club?", chairs) is None  # (no figure, no clause)
    told = ["The new chair was Cy Dunn. She has chaired the club since 2001."]
    assert _pronoun_subject("Who chaired the club from 1990 to 2001?", told) is None
    fair = ["Summer fair: Entry costs £6, or £4 for children under twelve."]
    assert _sum_or_for("How much does entry to the summer fair cost for children?", fair) == "£4"
    assert _sum_or_for("How much does entry to the summer fair cost?", fair) == "£6"
    glance = "- Founded: 1951\n- Registered charity: since 1976\n- Chair: Ann Bell"
    r = SimpleNamespace(question="In what year did the club become a registered charity?", want="date",
                        support=[Hit("about/glance", "c", 1.0, title="At a glance", text=glance)],
                        floor=SimpleNamespace(retrieved=[]))
    assert Agentic._labelled_line(SimpleNamespace(), r)[2] == "1976"
    members = {"people/members": [{"name": "Al", "judge": "Y"}, {"name": "Bo", "judge": "N"}, {"name": "Cy", "judge": "Y"}]}
    assert count_records("How many members are judges?", members)[0] == 2
    league = {"results/league": [{"name": n, "position": i} for i, n in enumerate(["Al", "Bo", "Cy"], 1)]}
    assert select_record("Which player finished third in the league?", league)[0] == "Cy"
    from ragtune.strategies.agentic import _of_another_year, _ordinal_holder
    post = ["# The head gardener\n\nThe post was made in 1990, and it has had two holders. Ada Penhallow was the first. "
            "She retired in 2010."]
    assert _ordinal_holder("Who was the club's first head gardener?", post) == "Ada Penhallow"
    assert _ordinal_holder("Who was the first treasurer?", post) is None
    assert _of_another_year("How many came to the fete of 2 May 2025?", "The 2024 fete brought 400 visitors.") == "2024"
    assert _of_another_year("What was the income in 2024?", "The income was £30,080 (2023: £28,000).") == ""
    assert _of_another_year("Who was chair in 2015?", "Ann Bell was chair from 2012 to 2016.") == ""
    from ragtune.strategies.timeline import described_row_cell
    rounds = ("Rounds\n\n| Round | Theme | Judge | Judge's club |\n|---|---|---|---|\n| R1 | Open | Ada Penhallow | Oxby Camera Club |\n"
              "| R2 | Frost | Tom Quill | Ashby Photo Group |\n| R3 | Dusk | Cy Dunn | Oxby Camera Club |")
    assert described_row_cell("Who judged the Frost round?", rounds, True) == "Tom Quill"  # ("judg" is `Judge`)
    from ragtune.strategies.agentic import _DATE_COMPARED, _tenure_in_paragraphs
    officers = ["**Ann Bell (secretary).** Keeps the minutes. Secretary since 2011.\n\n"
                "**Cy Dunn (treasurer).** A retired clerk, treasurer since 2019."]
    assert _tenure_in_paragraphs("Who has been on the committee longer, Ann Bell or Cy Dunn?", ["Ann Bell", "Cy Dunn"],
                                 officers) == ("Ann Bell", {"Ann Bell": 2011, "Cy Dunn": 2019})
    assert _tenure_in_paragraphs("Who is taller, Ann Bell or Cy Dunn?", ["Ann Bell", "Cy Dunn"], officers) is None
    assert _DATE_COMPARED.search("Who has served on the board longer, A or B?")
    from ragtune.strategies.agentic import _record_holds
    aliases = {"aliases": [{"codec": "west_1"}, {"codec": "west_2"}, {"codec": "west_1"}]}
    alias_ids = {"aliases": ["w1", "w2", "western"]}
    assert _record_holds(aliases, alias_ids, "Does the alias western resolve to west_1?") == ("western", "codec", "yes")
    assert _record_holds(aliases, alias_ids, "Is w2 an alias of the codec west_1?") == ("w2", "codec", "no")
    assert _record_holds(aliases, alias_ids, "Is the codec west_1 old?") is None
    from ragtune.strategies.agentic import _reason_clause
    hire = ["Hall hire: In 2023 the trustees charged £90 a night. From January 2024 the nightly rate went up to £110. "
            "The trustees explained that the boiler had to be replaced."]
    assert _reason_clause("Why did the trustees raise the nightly rate in 2024?", hire) == "The boiler had to be replaced."
    from ragtune.strategies.agentic import _count_by_verb
    show = ["Annual show 2025: 48 cakes were entered and 12 were judged. 30 visitors came."]
    assert _count_by_verb("How many cakes were entered for the 2025 show?", show) == "48"
    assert _count_by_verb("How many cakes were judged?", show) is None  # (no noun before "were judged")
    from ragtune.strategies.agentic import _record_by_reference
    club = {"kit/items": [{"item": "Folding camp table"}, {"item": "Steel tent pegs"}],
            "kit/loans": [{"kit": "K1", "borrower": "M2"}, {"kit": "K2", "borrower": "M1"}],
            "people/members": [{"name": "Ada Penhallow", "joined": 2004}, {"name": "Tom Quill", "joined": 2019}]}
    club_ids = {"kit/items": ["K1", "K2"], "kit/loans": ["L1", "L2"], "people/members": ["M1", "M2"]}
    assert _record_by_reference(club, club_ids, "In what year did the member who has the camp table on loan join?") \
        == ("M2", "joined", "2019")
    assert _record_by_reference(club, club_ids, "What is the name of the member who has the tent pegs on loan?") \
        == ("M1", "name", "Ada Penhallow")
    assert _record_by_reference(club, club_ids, "Who lent the camp table?") is None  # (no member named by the path)
    events = {"programme/2026": [{"type": "outing", "title": "Dawn walk", "visitor_fee_gbp": 0},
                                 {"type": "outing", "title": "Night shoot", "visitor_fee_gbp": 5},
                                 {"type": "talk", "title": "Lenses", "visitor_fee_gbp": 3}]}
    assert select_record("Which outing on the 2026 programme charges visitors a fee?", events)[0] == "Night shoot"


def test_coded_labels_due_dates_listed_pages_saying_no_and_prose_counts():
    """(2026-12-07, catalog42 and tables43 dev, invented here) a label holding a code the
    question writes ("What does byte 0x9C decode to in g1?" of `Byte 0x9C decodes to`) is asked
    whatever noun asks it; "Which loan came back late?" is the one record of the collection whose
    date the question's words name is after its due date ("early": before); "Among A, B and C,
    which does not ...?" is the one listed page whose field of the question's code says no; a
    page in prose states a count inside a paragraph ("... it. Item count: 6.")."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic, _coded_label_written, _stems
    from ragtune.strategies.counting import late_record
    q = "Which glyph does byte 0x9C decode to in g1?"
    assert _coded_label_written("Byte 0x9C decodes to", q, _stems(q))
    assert not _coded_label_written("Byte 0x80 decodes to", q, _stems(q))
    assert not _coded_label_written("Decodes to", q, _stems(q))  # (no code: asked by its words alone)
    loans = {"kit/loans": [{"kit": "T1", "due_back": "2026-03-01", "back": "2026-02-27"},
                           {"kit": "T2", "due_back": "2026-03-10", "back": "12 March 2026"},
                           {"kit": "T3", "due_back": "2026-04-01", "back": None}]}
    ids = {"kit/loans": ["LN-1", "LN-2", "LN-3"]}
    assert late_record("Which kit loan came back late?", loans, ids) == ("LN-2", "back", "due_back")
    assert late_record("Which loan came back early?", loans, ids)[0] == "LN-1"
    assert late_record("Which loan is the oldest?", loans, ids) is None
    assert late_record("Which member came back late?", loans, ids) is None  # (no collection of members)
    fields = {"g1": {"bytes 0x00-0x7f": "same as ASCII"}, "g2": {"bytes 0x00-0x7f": "differ from ASCII"},
              "g3": {}}
    prose = SimpleNamespace(doc_id="kit/g3", title="Gadget g3")
    cat = SimpleNamespace(_page_records=lambda: fields, _catalog_pages=lambda: [("g3", prose)],
                          _page_hit=lambda d: None,
                          _document_text=lambda doc, h: "It is small. Its bytes 0x00-0x7F are the same as ASCII.")
    q = "Among g1, g2 and g3, which gadget does not decode bytes 0x00-0x7F as ASCII?"
    assert Agentic._listed_saying_no(cat, q, ["g1", "g2", "g3"]) == ("g2", "bytes 0x00-0x7f")
    assert Agentic._listed_saying_no(cat, q, ["g1", "g2"]) is None  # (three listed at least)
    fields["g1"]["bytes 0x00-0x7f"] = "differ from ASCII"
    assert Agentic._listed_saying_no(cat, q, ["g1", "g2", "g3"]) is None  # (two say no)
    counted = SimpleNamespace(_page_records=lambda: {"g3": {}}, _catalog_pages=lambda: [("g3", prose)],
                              _page_hit=lambda d: None, _catalog_lists=lambda t: {}, _catalog_unsure=lambda t: set(),
                              _document_text=lambda doc, h: "It is small. Item count: 6. Items: see items.csv.")
    assert Agentic._page_size(counted, "g3", "items") == 6


def test_verify_checks_for_values_every_page_writes_labels_and_answers_naming_no_one():
    """(2026-12-07, dev splits of several corpora, invented here) an answer to a who-question
    that writes no name the question lacks names no one; one that is only a heading or a row's
    label (with a word in lower case: a name may head a row) is no answer; a year is no time
    taken; a version on nearly every catalog page, or a release no page is of, says nothing of
    the thing asked; a section's heading copied before an answer is a label."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import (Agentic, _TIME_ASKED, _label_only, _names_no_one, _says_back,
                                            without_copied_label)
    assert _names_no_one("Who is the umpire at the Oxby gala?", "The umpire at the Oxby One-Act Drama Gala is a "
                                                                 "qualified umpire who gives the verdict.")
    assert not _names_no_one("Who is the treasurer?", "Ann Bell is the treasurer.")
    assert not _names_no_one("Who chairs Oxby Club?", "The Oxby Club Chair Ann Bell.")
    assert not _names_no_one("Who won?", "P08.")
    assert _names_no_one("Who won the cup in 2014?", "In 2014, 2024 Time: 21:17.")  # (a figure, a label)
    assert not _names_no_one("Who is the treasurer?", "Treasurer: Ann Bell.")
    rules = "| Rule | Old | New |\n|---|---|---|\n| Minimum age for evening play | 16 | 15 |\n| Ann Bell | x | y |"
    hit = Hit("rules/play", "c", 1.0, title="Play rules", text=rules, heading="Rules")
    def text_of(doc, h):
        return rules
    assert _label_only("Minimum age for evening play.", [hit], text_of) == "Minimum age for evening play"
    assert _label_only("Ann Bell.", [hit], text_of) == ""  # (a name heading a row may be the answer)
    assert _label_only("Tom Quill.", [hit], text_of) == ""
    assert _TIME_ASKED.search("What was the winning time in the 10K?")
    assert not _TIME_ASKED.search("At what time does the shop open?")
    grounds = [Hit("about/ground", "c", 1.0, title="About", text="...", heading="Mowing and the grounds")]
    told = "Mowing and the grounds: The council's mowing contractor."
    q = "What is the name of the council's mowing contractor?"
    assert not _says_back(q, without_copied_label(told, grounds))
    assert _says_back(q, without_copied_label(told, grounds, headings=True))
    pages = [(f"g{i}", SimpleNamespace(doc_id=f"kit/g{i}", title=f"Gadget g{i}")) for i in range(12)]
    cat = SimpleNamespace(_catalog_pages=lambda: pages, _page_hit=lambda d: None,
                          _document_text=lambda doc, h: f"Size: {doc[-1]} cm. Source: Kitlib 4.2.1 on Linux.",
                          _written_in_corpus=lambda name: name.startswith("Kitlib 4.2"))
    cat._on_most_pages = lambda pattern: Agentic._on_most_pages(cat, pattern)
    assert Agentic._on_every_page(cat, "4.2.1.") == "4.2.1"
    assert Agentic._on_every_page(cat, "3.0.") == ""
    assert Agentic._other_release_asked(cat, "What size is g1 in Kitlib 5.0?") == "Kitlib 5.0"
    assert Agentic._other_release_asked(cat, "What size is g1 in Kitlib 4.2?") == ""


def test_pages_named_by_codes_race_times_measures_dated_posts_and_first_person_doers():
    """(2026-12-07, catalog43, tables44 and prose45 dev, invented here) pages titled by a code
    then a name ("207 Partial Reply" as 207.md) are named by the code, and a number shaped as
    every page's name but no page's ("for a 209") is a thing the catalog lacks, though a
    figure with its noun ("369 bytes") is none; "What time did the crew record?" asks a time
    taken; "How far ...?" reads the `Distance` column of the row described; a dated table's
    rows are found by a post written with a gloss in brackets; "Who started X?" is the author
    of the page on X whose writer says "I began ..."."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic, _first_person_doer
    from ragtune.strategies.question import answer_type
    from ragtune.strategies.timeline import described_row_cell, row_in_force
    from ragtune.strategies.question import content_terms
    docs = [SimpleNamespace(doc_id=f"codes/{200 + i}", title=f"{200 + i} Reply Kind {i}", metadata={})
            for i in range(8)] + [SimpleNamespace(doc_id=f"codes/{300 + i}", title=f"Status {300 + i}", metadata={})
                                  for i in range(20)]
    cat = SimpleNamespace(index=SimpleNamespace(documents=lambda c: docs), collection="default")
    names = Agentic._page_names(cat)
    assert {"207", "319"} <= names
    absent = SimpleNamespace(_page_names=lambda: names, _catalog_pages=lambda: [], _page_aliases=lambda: {},
                             _written_in_corpus=lambda n: False)
    assert Agentic._absent_page_name(absent, "How long is the reply page for a 209?") == "209"
    assert Agentic._absent_page_name(absent, "Which code gets a page of exactly 369 bytes?") == ""
    assert answer_type("What time did our coxless pair record at the regatta?") == "number"
    assert answer_type("What time does the shop open?") == "date"
    river = ("# The river\n\n| Landmark | Side | Distance | Notes |\n|---|---|---|---|\n"
             "| Mill bridge | left | 0.4 km | low arch |\n| Oxby lock | right | 2.2 km | wait for the keeper |\n"
             "| Ferry steps | left | 1.1 km | busy in summer |")
    assert described_row_cell("How far from the boathouse is Oxby lock?", river, False, True) == "2.2 km"
    fees = ("Club money\n\n## Fees\n\n| Category | From | Until | GBP a year |\n|---|---|---|---|\n"
            "| Adult | 2018-04-01 | 2022-03-31 | 200 |\n| Adult | 2022-04-01 | | 240 |\n"
            "| Youth (under 16 on 1 April) | 2018-04-01 | 2021-03-31 | 80 |\n| Youth (under 16 on 1 April) | 2021-04-01 | | 95 |")
    q = "What was the youth fee in 2019?"
    assert row_in_force(q, fees, set(content_terms(q)), frozenset())[0] == "80"
    club = ("The Junior Joiners meet on Saturdays. I started the club in 2011 with four members.", "The Junior Joiners",
            {"author": "Ada Penhallow"})
    other = ("The Seniors meet on Mondays.", "The Seniors", {"author": "Tom Quill"})
    assert _first_person_doer("Who started the Junior Joiners?", [club, other]) == "Ada Penhallow"
    assert _first_person_doer("Who started the Seniors?", [club, other]) is None


def test_code_titles_need_digits_and_names_that_say_back_the_value():
    """(2026-12-07, regression on catalog28 and catalog32) a title "bash: Debian changelog"
    names its page "bash", not "bash:" (a page is named by its title's first word only when
    that word is a code, with a digit); a record whose name says back the value it is picked
    by ("currency code UGX in ..." for "the currency code UGX") is not the answer."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic
    from ragtune.strategies.counting import labelled_record
    docs = [SimpleNamespace(doc_id=f"p/pkg{i}", title=f"pkg{i}: Debian changelog", metadata={}) for i in range(24)]
    cat = SimpleNamespace(index=SimpleNamespace(documents=lambda c: docs), collection="default")
    assert "pkg3" in Agentic._page_names(cat) and "pkg3:" not in Agentic._page_names(cat)
    rows = {"currencies": [{"code": c, "stated_by": f"xx_{c[:2]}", "title": f"currency code {c} in the files"}
                           for c in ("UGX", "PLN")]}
    assert labelled_record("Which file states the currency code UGX?", rows) is None


def test_rows_on_a_day_attendance_calls_year_rows_by_name_and_lists_of_doers():
    """(2026-12-07 night, tables44, catalog43 and catalog39 dev, invented here) "Which fair
    ... on 4 May 2025?" reads the row of a table of days on that day (written "Sun 4 May
    2025"); "How many came?" reads a "Present:" line; "Who won the Abbot Cup in 2022?" reads the
    year's row under the cup's column; "What do locals call X?" reads the quoted phrase of
    the sentence saying so; a joined word names a dated table's row; "Listed by: A, B." lists
    who does the asked verb; an option's gloss in brackets stays with it; a quoted sentence
    names no record; a day names no one."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import (Agentic, _ATTENDANCE_LINE, _CAME_TO, _called_phrase,
                                            _record_named_with)
    from ragtune.strategies.question import content_terms, find_options
    from ragtune.strategies.timeline import dated_column_cell, row_on_day, year_row_cell
    fairs = ("| Code | Day | Fair | Town |\n|---|---|---|---|\n| F1 | Sun 4 May 2025 | Spring Hiring | Oxby |\n"
             "| F2 | Sat 7 Jun 2025 | Midsummer Mart | Lowick |\n| F3 | Sat 6 Sep 2025 | Goose Fair | Oxby |")
    assert row_on_day("Which fair did we go to on 4 May 2025?", fairs) == "Spring Hiring"
    assert row_on_day("Which town did we visit on 7 June 2025?", fairs) == "Lowick"
    assert row_on_day("Which fair did we go to on 5 May 2025?", fairs) is None
    q = "How many members came to the spring meeting?"
    assert _CAME_TO.match(q) and [m.group(1) for m in _ATTENDANCE_LINE.finditer(
        "Present: 41 members. Apologies: three. Chair: the president.")] == ["41"]
    cups = ("| Year | Abbot Cup | Bell Shield |\n|---|---|---|\n| 2021 | Ann Lee | Tom Hale |\n"
            "| 2022 | Bo Marsh | not awarded |\n| 2023 | Cy Dunn | Ann Lee |")
    q = "Who won the Abbot Cup in 2022?"
    assert year_row_cell(q, cups, set(content_terms(q)), name=True) == "Bo Marsh"
    q = "Who won the Bell Shield in 2022?"
    assert year_row_cell(q, cups, set(content_terms(q)), name=True) is None
    assert _called_phrase("What do the locals call the old quarry?", [
        "The old quarry sits above the town. Locals call it \"the Bowl\"."]) == "the Bowl"
    assert _called_phrase("What does the ferryman call the old quarry?", [
        "The old quarry sits above the town. Locals call it \"the Bowl\"."]) is None
    fees = ("| Charge | Until 31 March 2024 | From 1 April 2024 |\n|---|---|---|\n"
            "| Sail-and-paddle day (two sessions) | £30 | £36 |\n| Boat storage, a year | £90 | £110 |")
    q = "What did the sail-and-paddle day cost before April 2024?"
    assert dated_column_cell(q, fees, set(content_terms(q))) == "£30"
    assert find_options("Which has more aliases, 510 (Not Extended) or 408?") == ["510 (Not Extended)", "408"]
    hub = SimpleNamespace(index=None)
    page = SimpleNamespace(doc_id="routes/holm", text="")
    text = "# Holm\n\nA small island. Served by: Skerry Ferries, Holm Boats.\n"
    own = SimpleNamespace(_own_page_of=lambda q: [page], _document_text=lambda d, h: text, index=hub)
    assert Agentic._page_by_list_holds(own, "Does Skerry Ferries serve Holm?") == ("routes/holm", "yes")
    assert Agentic._page_by_list_holds(own, "Does Lowick Launches serve Holm?") == ("routes/holm", "no")
    assert not _CAME_TO.match("How many entries were there in round 2?")
    from ragtune.strategies.timeline import row_holding
    items = "| Item | Price | Supplier |\n|---|---|---|\n| jackets | £310 | Regalia |\n| caps | £20 | Hatters |"
    rooms = "| room | temperature |\n|---|---|\n| cr-1 | -20 °C |\n| cr-4 | +5 °C |"
    q = "Which firm quoted £310 a jacket?"
    assert row_holding(q, items, set(content_terms(q))) is None  # (rows keyed by an item name no firm)
    q = "Which cold room keeps seed at +5 °C?"
    assert row_holding(q, rooms, set(content_terms(q))) == "cr-4"
    from ragtune.strategies.agentic import _entry_id
    from ragtune.strategies.counting import pick_record
    logs = {"fleet/repairs": [{"id": "FX-1", "fault": "split fin", "cost_gbp": 90},
                            {"id": "FX-2", "fault": "cracked hull", "cost_gbp": 1400}]}
    q = "Which boat repair was quoted at more than £1,000?"
    rec, field, _ = pick_record(q, logs, None)
    assert (rec["fault"], field) == ("cracked hull", "cost_gbp")
    assert _entry_id(q, rec, logs, {"fleet/repairs": ["FX-1", "FX-2"]}) == "FX-2"
    assert _entry_id("Which fault was quoted at more than £1,000?", rec, logs, {"fleet/repairs": ["FX-1", "FX-2"]}) == ""
    rec = {"id": "R-4", "boat": "B-2", "fault": "oar gate sticks shut", "by": "P-9", "text": "R-4"}
    names = {"B-2": "Heron", "P-9": "Ann Lee"}
    assert _record_named_with(rec, "Who reported the sticking oar gate shut on Heron?", names.get) \
        == "oar gate sticks shut Heron"


def test_a_year_no_document_found_writes_is_not_answered():
    """(2026-12-07 night, from the dev splits' unanswerables, invented here) a question of a
    year that no document found writes, though they write other years, is refused: "When is
    the 2027 regatta?" over pages of 2025 and 2026; not when a span of years or a "since"
    holds it, nor when the documents write no year at all."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import Agentic
    from ragtune.types import Hit

    def run(question: str, *texts: str) -> str:
        hits = [Hit(doc_id=f"d{i}", chunk_id=f"d{i}::0", score=1.0, text=t, title="Regattas")
                for i, t in enumerate(texts)]
        r = SimpleNamespace(question=question, support=hits, hits=[], floor=SimpleNamespace(retrieved=[]))
        fake = SimpleNamespace(_document_text=lambda d, h: h.text)
        return Agentic._year_unfound(fake, r)

    assert run("When is the 2027 Oxby regatta?", "The 2026 Oxby regatta is on 4 July.",
               "In 2025 it was rained off.") == "2027"
    assert run("Who rowed at Oxby in 2019?", "We have rowed at Oxby every summer from 2015 to 2026.") == ""
    assert run("Who rowed at Oxby in 2019?", "We have rowed at Oxby since 2014.") == ""
    assert run("Who rowed at Oxby in 2019?", "We row at Oxby each summer.") == ""
    assert run("Who rowed at Oxby in 2019?", "In 2019 the Oxby crew was Ann Lee and Bo Marsh.") == ""


def test_paths_in_labels_calls_spans_of_rows_places_and_entries_by_value():
    """(2026-12-07 late, catalog44 and tables45 dev, invented here) A label may hold a path
    ("Line in /etc/hosts"), and a path's words alone ask no half of it; a call's argument is
    no gloss of its label; a table row spans a year by its From and To cells; "Who chaired X
    in 2015?" reads the chair's row by its verb; "Where was X held?" reads the row's `Venue`;
    "Which incident happened at North Hall?" is the one entry of the log holding that place;
    an entry picked by a bound is named by its id whatever verb asks; "left-handed" names
    `hand` = left; a code the question writes rules out a record holding another; a day
    answered without its year, which the documents write only in another year than the one
    asked, is no answer."""
    from types import SimpleNamespace
    from ragtune.strategies.agentic import (_CALL, _CAME_TO, _PATH_IN, Agentic, _entry_id, _field_lines,
                                            _other_code_written, _row_span_holds)
    from ragtune.strategies.counting import count_records, named_values, record_of_kind_by_value
    from ragtune.strategies.question import content_terms
    from ragtune.strategies.timeline import named_row_cell, row_in_force
    page = "- Name: lpd\n- Line in /etc/services: 212\n- lookup('LPD'): 515\n"
    assert [(m.group(1), m.group(2)) for m in _field_lines(page)][1] == ("Line in /etc/services", "212")
    assert _CALL.search("lookup('LPD')") and not _CALL.search("Service type (Type=)")
    assert _PATH_IN.findall("Which line of /etc/services names lpd, and ./run.sh?") == ["/etc/services", "./run.sh"]
    holders = ("| Office | Holder | From | To |\n|---|---|---|---|\n| Chair | Ann Lee | 2004-09 | 2012-09 |\n"
               "| Chair | Bo Marsh | 2012-09 | |\n| Treasurer | Cy Dunn | 2001-09 | 2019-09 |")
    assert _row_span_holds(holders, 2008) and _row_span_holds(holders, 2030)
    assert not _row_span_holds("| Year | Note |\n|---|---|\n| 2004 | 2012 plan |", 2008)
    q = "Who chaired the society in 2008?"
    assert row_in_force(q, holders, set(content_terms(q))) == ("Ann Lee", "2004-09")
    events = ("| Code | Date | Event | Venue |\n|---|---|---|---|\n| EV-1 | Sat 3 May 2025 | Spring Open | Corn Exchange |\n"
              "| EV-2 | Sat 7 Jun 2025 | Summer Cup | North Hall |")
    q = "Where was the Summer Cup held?"
    assert named_row_cell(q, events, set(content_terms(q)), "place") == "North Hall"
    log = {"safety/incident-log": [{"id": "IN-1", "where": "North Hall (Friday)", "what": "cut finger"},
                                   {"id": "IN-2", "where": "Corn Exchange", "what": "sprained wrist"}],
           "coaching/sessions": [{"id": "S-1", "venue": "North Hall"}, {"id": "S-2", "venue": "North Hall"}]}
    assert record_of_kind_by_value("Which incident happened at North Hall?", log, {}) == ("IN-1", "where", "north hall")
    assert record_of_kind_by_value("Which session was at North Hall?", log, {}) is None  # (two)
    loans = {"kit/loan-register": [{"id": "L-1", "instrument": "tuba", "status": "written off"},
                                   {"id": "L-2", "instrument": "cello", "status": "on loan"}]}
    assert record_of_kind_by_value("Which loan instrument has been written off?", loans, {})[0] == "tuba"
    repairs = {"kit/repair-book": [{"id": "R-1", "fault": "bent tip", "cost": 40}, {"id": "R-2", "fault": "loose grip", "cost": 9}]}
    rec = repairs["kit/repair-book"][1]
    assert _entry_id("Which repair cost less than £10?", rec, repairs, {"kit/repair-book": ["R-1", "R-2"]}) == "R-2"
    loans = {"kit/loan-register": [{"id": "L-1", "item": "tuba", "state": "written off"}]}
    assert _entry_id("Which loan instrument has been written off?", loans["kit/loan-register"][0], loans,
                     {"kit/loan-register": ["L-1"]}) == ""  # (an instrument is asked, not a loan)
    members = [{"name": "Ann Lee", "hand": "left"}, {"name": "Bo Marsh", "hand": "right"}, {"name": "Cy Dunn", "hand": "left"}]
    assert named_values("how many members fence left-handed?", members, []) == {"hand": "left"}
    assert count_records("How many members fence left-handed?", {"people/members": members})[0] == 2
    assert _CAME_TO.match("How many members were at the AGM?")
    from ragtune.strategies.agentic import _CAME_SENTENCE
    page = SimpleNamespace(doc_id="signals/hup", text="# hup\n\nAmong the SIG constants, SIGHUP equals 1. "
                                                      "There is nothing called SIG_HANGUP.\n- SIG* names equal to 1: SIGHUP\n")
    shelf = SimpleNamespace(_own_page_of=lambda q: [page] if "hup" in q else [], _whole_page=lambda own: own)
    assert Agentic._prefixed_name(shelf, "Which SIG constant stands for hup?") == ("signals/hup", "SIGHUP")
    assert Agentic._prefixed_name(shelf, "Which SIG constant stands for int?") is None
    from ragtune.strategies.agentic import _asks_price, _wrong_dimension
    from ragtune.strategies.question import answer_type
    from ragtune.strategies.values import extract_values
    assert not _asks_price("What range did the van promise on a full charge?")
    assert answer_type("How quickly did the crew row the mile?") == "number"
    q = "How quickly did the crew row the mile?"
    assert [v.text for v in extract_values("Nine crews of four rowed in 6 minutes 41 seconds") if not _wrong_dimension(q, v)] \
        == ["6 minutes 41 seconds"]
    from ragtune.strategies.agentic import _noun_said_elsewhere
    said = [SimpleNamespace(doc_id="agm", text="Accounts for the year to March 2024: a deficit of £90. "
                                               "Entry share until March 2023: up to £12.", title="", heading="", metadata={})]
    assert _noun_said_elsewhere("What deficit did the club run in the year to March 2023?", "£12", said) == "deficit"
    assert _noun_said_elsewhere("What deficit did the club run in the year to March 2024?", "£90", said) == ""
    from ragtune.strategies.agentic import _vote_margin
    minutes = ("2. Hall roof. The quotes were read. After a long debate the board agreed, by seven votes to two, "
               "to mend the hall roof. 3. Cafe. Agreed by five votes to four to close the cafe in winter.")
    assert _vote_margin("By what margin did the board vote to mend the roof?", [minutes]) == "seven votes to two"
    assert _vote_margin("By what margin did the board vote to close the cafe?", [minutes]) == "five votes to four"
    assert _vote_margin("By what margin did the board vote to buy a van?", [minutes]) is None
    from ragtune.strategies.agentic import _first_thing
    club = "The walking club began in May. Nine members joined. Its first trip was a walk to Hob Moor."
    assert _first_thing("What was the very first trip the walking club made?", [club]) == "a walk to Hob Moor"
    assert _first_thing("What was the first trip the choir made?", [club]) is None
    assert [m.group(1) for m in _CAME_SENTENCE.finditer("She booked the hall. Forty-one people came.")] == ["Forty-one"]
    assert not list(_CAME_SENTENCE.finditer("GBP 900 came from the Mill Trust."))
    results = [{"id": "X-1", "contest": "EV-1", "event": "Women's foil", "score": "4-1"},
               {"id": "X-2", "contest": "EV-2", "event": "Open women's foil", "score": "5-0"}]
    assert _other_code_written(results[0], results, "What was the score of our women's foil entry at EV-2?")
    assert not _other_code_written(results[1], results, "What was the score of our women's foil entry at EV-2?")
    docs = {"events/2026": "| Code | Date | Event |\n|---|---|---|\n| EV-1 | Sat 3 May 2026 | Spring Open |",
            "kit/loans#L-1": "L-1: a jacket for the Spring Open on 3 May. Taken 1 May 2026."}
    hits = [SimpleNamespace(doc_id=d, text=t, title="", heading="", metadata={}) for d, t in docs.items()]
    reader = SimpleNamespace(_document_text=lambda d, h: docs[d])
    def run(q, a):
        return SimpleNamespace(question=q, text=a, support=[], hits=hits, floor=SimpleNamespace(retrieved=[]))
    assert Agentic._day_of_another_year(reader, run("When is the 2027 Spring Open?", "On 3 May.")) == "2026"
    assert Agentic._day_of_another_year(reader, run("When was the 2026 Spring Open?", "On 3 May.")) == ""


def test_wrapped_names_code_lists_month_rows_totals_profiles_and_from_columns():
    """(2026-12-08, catalog45, tables46 and prose47 dev, invented here) A name in the marks of
    its syntax ("&Aring;", "<kbd>") is the page of that name; "&a; or &B;" are two options;
    codes written side by side are a list ("how many", "the second one" read it); a register
    row's field named whole beats a page's field named in part; a dated table's one row in the
    month asked gives the figure under the column the question's word names, or its doer for
    "who"; "How much did X raise?" reads the table's total row; a profile opening with a name
    in bold answers "who" by the question's rarest words; columns each "from" a day run to the
    next; a table of holders may write its months by name."""
    from ragtune.strategies.agentic import (_CODE_RUN, _COUNTED_BEFORE, _WRAPPED_NAME, _ASKS_WHOLE_SUM,
                                            _label_asked_whole, _list_members, _profile_name, _total_row)
    from ragtune.strategies.question import content_terms, find_options
    from ragtune.strategies.timeline import dated_column_cell, row_in_force, row_in_month
    assert [next(g for g in m.groups() if g) for m in _WRAPPED_NAME.finditer("&Aring; and <kbd> and `sum`")] \
        == ["Aring", "kbd", "sum"]
    assert not _WRAPPED_NAME.fullmatch("&Aring>")
    assert find_options("Which is wider, &emsp; or &Ensp;?") == ["&emsp;", "&Ensp;"]
    assert _list_members("U+0041 U+030A") == ["U+0041 U+030A", "U+0041", "U+030A"]
    assert _list_members("Python 3.12") == ["Python 3.12"]  # (a word and a version: no list)
    assert _CODE_RUN.search("Which reference gives U+0041 U+030A?").group(0) == "U+0041 U+030A"
    assert not _CODE_RUN.search("Is it in 3.11 or 3.12?")
    assert _COUNTED_BEFORE.findall("It has three short codes; which is the second one?") == ["code"]
    assert _label_asked_whole("display_width", "What display width does X have?")
    assert not _label_asked_whole("Unicode block", "Which Unicode category is X in?")
    talks = ("| Date | Speaker | Talk | Came |\n|---|---|---|---|\n| Wed 8 Oct 2025 | Ann Lee, Wessex Society | Comets | 40 |\n"
             "| Wed 12 Nov 2025 | Bo Marsh | Moons | 27 |\n| Wed 10 Dec 2025 | Cy Dunn | Quiz | |")
    assert row_in_month("How many people came to the November 2025 talk?", talks, "number") == "27"
    assert row_in_month("Who gave the talk at the October 2025 meeting?", talks, "name") == "Ann Lee"
    assert row_in_month("How many came on 12 November 2025?", talks, "number") is None  # (a day: not this reader's)
    sums = "| Source | Amount |\n|---|---|\n| Raffle | £120 |\n| Cake stall | £80 |\n| Total | £200 |"
    whole = _ASKS_WHOLE_SUM.match("How much did the spring fair in 2025 raise?")
    assert whole and whole.group("head") == "fair"
    assert _total_row("How much did the spring fair raise?", [sums]) == "£200"
    assert _total_row("How much did the cake stall raise?", [sums]) is None  # (a part asked)
    people = ("**Ann Lee**, treasurer. Ann works as a pharmacist and has kept the books since 2019.\n\n"
              "**Bo Marsh**, secretary. Bo works days as a postman and keeps the minutes.\n\n"
              "**Cy Dunn** presents the Sunday show and works for the council.")
    assert _profile_name("Which member works as a pharmacist?", [people]) == "Ann Lee"
    assert _profile_name("Who keeps the minutes?", [people]) == "Bo Marsh"
    fees = ("| Category | from 1 Oct 2019 | from 1 Oct 2023 | from 1 Apr 2027 |\n|---|---|---|---|\n"
            "| Adult | £20 | £24 | £30 |\n| Junior | £5 | £6 | £8 |")
    q = "What was the adult fee in 2021?"
    assert dated_column_cell(q, fees, set(content_terms(q))) == "£20"
    holders = "| Office | Holder | From | To |\n|---|---|---|---|\n| Chair | Ann Lee | Oct 1990 | Oct 2004 |\n| Chair | Bo Marsh | Oct 2004 | |\n" \
        "| Secretary | Cy Dunn | Oct 1996 | |"
    q = "Who was the club's chair in 1999?"
    assert row_in_force(q, holders, set(content_terms(q))) == ("Ann Lee", "Oct 1990")
    from ragtune.strategies.agentic import _asks_price
    from ragtune.strategies.counting import record_by_two_days
    assert _asks_price("How much did the judge claim in expenses?")
    hires = {"kit/hires": [{"kit": "K-1", "out": "01/03/2025", "due": "08/03/2025", "returned": "07/03/2025"},
                           {"kit": "K-2", "out": "02/03/2025", "due": "09/03/2025", "returned": "12/03/2025"}]}
    ids = {"kit/hires": ["H-1", "H-2"]}
    assert record_by_two_days("Which hire was returned after its due date?", hires, ids) == "H-2"
    assert record_by_two_days("Which hire was returned before its due date?", hires, ids) == "H-1"
    assert record_by_two_days("Which booking was returned after its due date?", hires, ids) is None
    from ragtune.strategies.agentic import names_covered
    block = "| Network | 10.20.0.0/16 |\n| Addresses | 65536 |"  # (a dotted number, then its figure)
    assert names_covered(block, ["10.20.0.0/16"]) == 1.0 and names_covered(block, ["10.20.0.0/17"]) == 0.0


def test_dated_rows_now_big_integers_powers_colours_row_refs_and_noted_records():
    """(2026-12-08, catalog46, prose48 and tables47 dev, invented here) Asked "now", a dated
    table's row in force on the document's own date, not a row agreed for next year; a CSV
    integer past 18 digits stays as written; "2^20" is one number; "what colour" reads the one
    colour of the evidence sentence sharing most of the question's words; a register row named
    with colons ("fd00::7") is a row reference; a record whose note writes two of the question's
    words, where no other does, answers "which X ...?" by its id; "What is the <phrase> of X?"
    asks a phrase of the thing named last, whatever signs its name holds; where rag's figure is
    a whole that a sentence then parts ("of which X accounted for"), the part the question
    names; a month's row with nothing under the column asked records nothing (""); a year asked
    that a described row does not write leaves the row unmet; a range of codes of one kind
    ("between 10.1.0.0 and 10.3.0.0", "in the range U+2100-U+2110") is read as numbers; a day
    written in words names a record's ISO day, and "where" asks its place."""
    from ragtune.corpus.loaders import _csv_value
    from ragtune.strategies.agentic import _ROW_REF, _WHAT_PHRASE_OF, _colour_said, _page_words
    from ragtune.strategies.counting import select_record
    from ragtune.strategies.question import content_terms
    from ragtune.strategies.timeline import row_in_force
    from ragtune.strategies.values import extract_values
    rates = ("| Category | Rate | From | To |\n|---|---|---|---|\n| Adult | £20 | 1 Jan 2023 | 31 Dec 2025 |\n"
             "| Adult | £24 | 1 Jan 2026 | |\n| Junior | £5 | 1 Jan 2023 | |")
    q = "How much is the adult rate at the moment?"
    assert row_in_force(q, rates, set(content_terms(q)), as_of="2025-11-02") == ("£20", "1 Jan 2023")
    assert row_in_force(q, rates, set(content_terms(q))) == ("£24", "1 Jan 2026")  # (no date: the row running on)
    assert _csv_value("12345678901234567890123") == "12345678901234567890123"
    assert _csv_value("1234") == 1234
    assert [(v.text, v.key) for v in extract_values("2^20 addresses")] == [("2^20", (1048576.0,))]
    said = ["Hive H-2 was started in 2019. Its queen is marked green and is calm.", "The red door of the shed sticks."]
    assert _colour_said("What colour is the queen of hive H-2 marked?", said) == "green"
    assert _colour_said("What colour is the gate?", said) is None
    assert _ROW_REF.findall("Sample: see hosts.csv row fd00::7.") == [("hosts", "fd00::7")]
    assert "fd00::/8" in _page_words("What is the host mask of fd00::/8?")
    assert _WHAT_PHRASE_OF.match("What is the host mask of fd00::/8?").group(1) == "host mask"
    assert not _WHAT_PHRASE_OF.match("What is the host mask of the sample address given for fd00::/8?")
    calls = {"calls/log": [{"date": "1 May", "outcome": "collected", "note": "a big swarm in a hedge by the school"},
                           {"date": "9 May", "outcome": "not bees", "note": "a hornets' nest under the shed roof"}]}
    ids = {"calls/log": ["CL-1", "CL-2"]}
    assert select_record("Which call turned out to be a hornets' nest?", calls, ids)[0] == "CL-2"
    from ragtune.strategies.agentic import _part_named
    bills = ["Our fuel bills for 2024 were £3,200, of which the frost in January 2024 accounted for £410."]
    assert _part_named("What did the frost in January cost in fuel?", "£3,200", ["£3,200", "£410"], bills) == ["£410"]
    assert _part_named("What were the fuel bills for 2024?", "£3,200", ["£3,200", "£410"], bills) == []
    from ragtune.strategies.timeline import row_in_month
    talks = ("| Date | Speaker | Talk | Came |\n|---|---|---|---|\n| Wed 12 Nov 2025 | Bo Marsh | Moons | 27 |\n"
             "| Wed 10 Dec 2025 | Cy Dunn | Quiz | |")
    assert row_in_month("How many people came to the December 2025 talk?", talks, "number") == ""  # (still to come)
    assert row_in_month("How many people came to the November 2025 talk?", talks, "number") == "27"
    from ragtune.strategies.timeline import described_row_cell
    cups = ("| Trophy | Awarded for | First awarded | Given by |\n|---|---|---|---|\n| Ashby Cup | most points | 1991 | Ann Ashby |\n"
            "| Bell Bowl | best exhibit | 1999 | Bo Bell |\n| Cole Shield | best novice | 2004 | Cy Cole |")
    assert described_row_cell("Who gave the Ashby Cup?", cups, True) == "Ann Ashby"
    assert described_row_cell("Who won the Ashby Cup in 2017?", cups, True) is None  # (no row of 2017)
    from ragtune.strategies.agentic import _code_key, _code_range
    assert _code_key("U+210F") == ("codepoint", 0x210F) and _code_key("10.0.0.1") == ("ipv4", 167772161)
    assert _code_key("fe80::1")[0] == "ipv6" and _code_key("1,200") == ("number", 1200)
    assert _code_key("10.0.0.0/8") is None and _code_key("Loopback") is None
    got = _code_range("Which block starts between 10.3.0.0 and 10.1.0.0?")
    assert got and got[1] == ("ipv4", 167837696) and got[2] == ("ipv4", 167968768)
    assert _code_range("Which one falls in the range U+2100-U+2110?")[1:] == (("codepoint", 0x2100), ("codepoint", 0x2110))
    assert _code_range("Who sang between Ann and Bo?") is None
    assert _code_range("Which is older, between 10.0.0.1 and fe80::1?") is None  # (two kinds)
    calls = {"calls/log": [{"date": "2026-05-01", "place": "Ashby, the church porch", "note": "a swarm in the porch"},
                           {"date": "2026-05-09", "place": "Bell Lane", "note": "a swarm in a hedge"}]}
    assert select_record("Where was the call taken on 9 May 2026?", calls, {"calls/log": ["CL-1", "CL-2"]}) \
        == ("Bell Lane", {"date": "2026-05-09"})
    assert select_record("Which call was taken on 1 May 2026?", calls, {"calls/log": ["CL-1", "CL-2"]})[0] == "CL-1"
    assert "999^999" not in [v.text for v in extract_values("999^999")]  # (past a float: no power, no crash)
    from ragtune.strategies.agentic import _changed_from
    minutes = ["From 1 May 2023 the deposit on a loaned tent rises from £20 to £30 and the site fee from £3 to £5.",
               "Fees to rise from £8 to £9 for a junior member and from £15 to £18 for a family, from 1 May."]
    assert _changed_from("What was the site fee before May 2023?", minutes[:1]) == ("£3", 0)
    assert _changed_from("What deposit was left on a tent before May 2023?", minutes[:1]) == ("£20", 0)
    assert _changed_from("What did a junior member pay before May 2023?", minutes) == ("£8", 1)
    assert _changed_from("What did a junior member pay before May 2021?", minutes[:1]) is None  # (another year)
