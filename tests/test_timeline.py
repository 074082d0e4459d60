"""Dated sequences (a changelog read as a timeline) and placing an event's date on it."""

from hypothesis import given
from hypothesis import strategies as st

from ragtune.strategies.agentic import Agentic
from ragtune.strategies.timeline import Entry, dated_entries, place, relative_ask, span_of
from ragtune.strategies.values import extract_values
from ragtune.types import Hit

CHANGELOG = """# Changelog
All notable changes to this project are documented here. Version 2.0.0 of the format was
adopted on 1 March 2020 and is described in the contributing guide.

## [2.1.0] - 2023-04-02
- Added a `--dry-run` flag.
## v2.0.1 (January 5, 2023)
- Fixed a crash on empty input.
# 2.0.0 (2022-11-30)
- Dropped Python 3.7.
Release 1.9.4 - 14 June 2022
- Security fix.
"""


def test_a_changelogs_dated_headings_are_its_timeline_in_any_common_layout():
    entries = dated_entries(CHANGELOG)
    assert [e.label for e in entries] == ["1.9.4", "2.0.0", "v2.0.1", "2.1.0"]
    assert entries[0].day == (2022, 6, 14) and entries[-1].day == (2023, 4, 2)
    # a sentence naming a version and a date is prose, not a heading
    assert "2.0.0" not in {e.label for e in dated_entries(CHANGELOG.split("## ")[0])}


def test_questions_placing_an_item_against_an_event():
    a = relative_ask("Which Frob release was the newest when the Leeds office opened?")
    assert (a.mode, a.head, a.event) == ("at", "Which Frob release was the newest", "the Leeds office opened")
    assert relative_ask("What was the first Frob version after the audit finished?").mode == "after"
    assert relative_ask("Which Frob release came out just before 2.0.0?").event == "2.0.0"
    assert relative_ask("Which Frob release came out while the pilot was running?").mode == "during"
    a = relative_ask("Which Frob release was the latest at the time of the spring audit?")
    assert (a.mode, a.event) == ("at", "the spring audit")
    # "when" without a recency word asks when, not which is the newest
    assert relative_ask("Which Frob release was published when you asked?") is None
    assert relative_ask("When was Frob 2.0 released?") is None


def test_placing_a_date_and_abstaining_when_the_dates_cannot_decide():
    line = [Entry("1.0", (2022, 1, 10)), Entry("1.1", (2022, 6, 1)), Entry("2.0", (2023, 2, 3))]
    day = (2022, 7, 4)
    assert place(line, "at", day, day) == "1.1"
    assert place(line, "after", day, day) == "2.0"
    assert place(line, "before", (2022, 6, 1), (2022, 6, 1), exclude="1.1") == "1.0"
    assert place(line, "during", (2022, 5, 1), (2022, 12, 31)) == "1.1"
    assert place(line, "during", (2022, 1, 1), (2022, 12, 31)) is None  # two releases in the span
    # dated only to a month a release falls in: newest at its start or its end?
    lo, hi = span_of([v for v in extract_values("in June 2022") if v.kind == "date"], "")
    assert (lo, hi) == ((2022, 6, 1), (2022, 6, 31)) and place(line, "at", lo, hi) == "1.1"  # out on the 1st
    mid = [Entry("1.0", (2022, 1, 10)), Entry("1.1", (2022, 6, 15))]
    assert place(mid, "at", lo, hi) is None and place(mid, "before", lo, hi) == "1.0"
    assert place(line, "at", (2021, 1, 1), (2021, 1, 1)) is None  # before the first release
    # a date without a year takes its page's, and none without one
    v = [x for x in extract_values("Monday 4 December: first day") if x.kind == "date"]
    assert span_of(v, "", 2023) == ((2023, 12, 4), (2023, 12, 4)) and span_of(v, "") is None


@given(st.lists(st.dates(), min_size=1, max_size=8, unique=True), st.dates())
def test_the_placed_entry_is_the_nearest_on_its_side(days, event):
    line = sorted((Entry(str(i), (d.year, d.month, d.day)) for i, d in enumerate(days)), key=lambda e: e.day)
    e = (event.year, event.month, event.day)
    at, before, after = place(line, "at", e, e), place(line, "before", e, e), place(line, "after", e, e)
    assert at == max((x for x in line if x.day <= e), key=lambda x: x.day, default=Entry(None, e)).label
    assert before == max((x for x in line if x.day < e), key=lambda x: x.day, default=Entry(None, e)).label
    assert after == min((x for x in line if x.day > e), key=lambda x: x.day, default=Entry(None, e)).label


def test_an_event_is_dated_by_the_sentence_that_shares_its_words_else_by_its_page():
    agent = Agentic.__new__(Agentic)
    move = Hit("news/move", "m::0", 1.0, title="The sales team moves to Dock Street",
               metadata={"date": "2023-11-20"},
               text="The sales team is moving. Friday 1 December: pack your desk.\n\n"
                    "From Monday 4 December the office will be at Dock Street, next to the canal.")
    lo, hi, said = agent._event_span("the sales team moved to Dock Street", [move])
    assert lo == hi == (2023, 12, 4) and "Dock Street" in said
    notes = Hit("meetings/2024-01-16-sync", "n::0", 1.0, title="Ops sync",
                text="Present: Ann, Bo.\nAnn to run the river pilot at Elm Farm.")
    lo, hi, said = agent._event_span("the meeting where Ann was given the river pilot", [notes])
    assert lo == (2024, 1, 16) and said.startswith("page date")
    # a chunk holding too few of the event's words dates nothing
    assert agent._event_span("the Berlin office opened its new lab", [move, notes]) is None


def test_releases_dated_within_a_month_or_a_year():
    from ragtune.strategies.timeline import released_in
    assert released_in("Which Frob release came out in February 2023?") == \
        ("which", (2023, 2, 1), (2023, 2, 31), "Which Frob release came out")
    assert released_in("How many Frob releases in the log shipped in 2024?")[:3] == ("count", (2024, 1, 1), (2024, 12, 31))
    assert released_in("Which Frob release came out in the year the office moved?") is None
    assert released_in("When did Frob 2.0 come out?") is None


def test_the_row_of_a_dated_table_in_force_on_the_asked_date():
    from ragtune.strategies.question import content_terms
    from ragtune.strategies.timeline import row_in_force
    text = ("# Hall hire rates\n\n| From | To | Hourly rate (EUR) | Notes |\n|---|---|---|---|\n"
            "| 2019-01-01 | 2020-06-30 | 12.00 | |\n| 2020-07-01 | 2021-12-31 | 14.50 | |\n"
            "| From | To | Hourly rate (EUR) | Notes |\n|---|---|---|---|\n"  # a chunk repeats its header
            "| 2022-01-01 | | 16.00 | current |\n")

    def ask(q):
        return row_in_force(q, text, set(content_terms(q)))

    assert ask("What was the hourly rate in March 2020?") == ("12.00", "2019-01-01")
    assert ask("What was the hourly rate in 2025?") == ("16.00", "2022-01-01")  # the open last row
    assert ask("What was the hourly rate in 2020?") is None  # two rows meet it, with two rates
    assert ask("What is the hourly rate?") is None  # no date asked
    assert ask("What was the hourly rate in 2010?") is None  # before the table
    assert ask("What was the hourly rate at Mill Lodge in 2025?") is None  # a thing the table does not name
    assert ask("What will the hourly rate be in 2028?") is None  # the open row is now's rate, not what will be
    # a header of one word, asked: the holder of an office in a year
    held = ("| From | To | Warden | Notes |\n|---|---|---|---|\n| 2010-05-01 | 2016-04-30 | Ida Quarn | |\n"
            "| 2016-05-01 | 2017-04-30 | Bryn Tolley | acting warden |\n| 2017-05-01 | | Esme Vardy | |\n")
    q = "Who was warden of the hostel in 2014?"
    assert row_in_force(q, held, set(content_terms(q))) == ("Ida Quarn", "2010-05-01")
    # a season's months; the body the question names ("the Guild's") in the title, not the table
    wardens = "Wardens of the Guild\n" + held.replace("2016-05-01 | 2017-04-30", "2016-05-01 | 2016-10-31") \
        .replace("2017-05-01 |", "2016-11-01 |")
    q = "Who was the Guild's warden in the summer of 2016?"
    assert row_in_force(q, wardens, set(content_terms(q))) == ("Bryn Tolley", "2016-05-01")
    q = "Who was the Guild's warden in 2016?"
    assert row_in_force(q, wardens, set(content_terms(q))) is None  # two wardens that year
    # a unit in brackets after the header's one word
    fees = "| From | To | Junior (GBP a year) |\n|---|---|---|\n| 2001-01-01 | 2009-12-31 | 12 |\n| 2010-01-01 | | 15 |\n"
    q = "What did junior membership cost in 2005?"
    assert row_in_force(q, fees, set(content_terms(q))) == ("12", "2001-01-01")


def test_the_row_holding_the_figure_a_question_writes():
    """"Which band has a 2026 fee of GBP 19.50?" is answered by the first cell of the one row
    holding that figure; a figure two rows hold (in columns the question does not tell apart)
    answers nothing, nor does a question writing no figure."""
    from ragtune.strategies.question import content_terms
    from ragtune.strategies.timeline import row_holding
    text = ("| Band | 2026 (GBP per visit) | 2025 (GBP per visit) |\n|---|---|---|\n"
            "| LT | 14.00 | 13.00 |\n| MD | 18.00 | 16.50 |\n| AC | 19.50 | 18.00 |")
    q = "Which band has a 2026 fee of GBP 19.50?"
    assert row_holding(q, text, set(content_terms(q))) == "AC"
    q = "Which band pays GBP 18.00?"
    assert row_holding(q, text, set(content_terms(q))) is None  # MD in 2026, AC in 2025
    q = "Which band is the dearest?"
    assert row_holding(q, text, set(content_terms(q))) is None
    # (2026-12-05) a figure after a noun names a thing ("a level 3 award"): a cell of the bare
    # figure is no such thing
    days = "| Day | Sessions |\n|---|---|\n| Mon | 2 |\n| Wed | 3 |"
    q = "Which of our coaches has a level 3 award?"
    assert row_holding(q, days, set(content_terms(q))) is None
    assert row_holding("Which day has 3 sessions?", days, {"session"}) == "Wed"


def test_a_named_row_s_cell_under_the_asked_column():
    """The row the question names by any of its cells (not only the first), under the one other
    column the question's words name (tables19's dev split, 2026-12-04: a lock table numbered in
    its first column, named in its second)."""
    from ragtune.strategies.question import content_terms
    from ragtune.strategies.timeline import named_row_cell
    text = ("| Lock | Name | Rise (ft) | Built |\n|---|---|---|---|\n"
            "| 10 | Quenby Lock | 8.4 | 1795 |\n| 11 | Marrow Lock | 6.2 | 1795 |\n")
    q = "What is the rise of Marrow Lock in feet?"
    assert named_row_cell(q, text, set(content_terms(q))) == "6.2"
    q2 = "How many feet does Quenby Lock rise?"
    assert named_row_cell(q2, text, set(content_terms(q2))) == "8.4"
    q3 = "What is the rise of Tollmere Lock?"  # no row named
    assert named_row_cell(q3, text, set(content_terms(q3))) is None


def test_a_row_described_by_a_rare_word_answers_under_the_asked_column():
    """(2026-12-04) "Who do we send pottery to?": the one row a cell of which shares a word no
    other row writes, under the column the question's words name or, asked "who", the column
    of people's names; nothing when no cell or several fit."""
    from ragtune.strategies.timeline import described_row_cell
    text = ("| Code | Expert | Field | Based in | With us since |\n|---|---|---|---|---|\n"
            "| XP-1 | Dr Ann Quell | pottery and tile | Wrenby | 2011 |\n"
            "| XP-2 | Bo Tarrant | animal bone | Marlow | 2015 |\n"
            "| XP-3 | Cy Odell | glass and beads | Harnby | 2019 |\n")
    assert described_row_cell("Who do we send pottery to?", text, who=True) == "Dr Ann Quell"
    assert described_row_cell("Where is our glass expert based?", text, who=False) == "Harnby"
    assert described_row_cell("Who looks at the coins?", text, who=True) is None


def test_coded_rows_answer_by_the_asked_noun_and_dated_cells():
    """(2026-12-05) From the tables24 read splits, on invented tables: a row keyed by a code
    ("QX-07") holds the figure a question writes and answers by the column its noun heads;
    a table titled by the asked noun ("Docks and slipways") answers by its `Name` column; a
    named row's date is read under the column the question's words name (`Warden since`)."""
    from ragtune.strategies.question import content_terms
    from ragtune.strategies.timeline import described_row_cell, named_row_cell, row_holding
    villages = ("| Code | Village | Miles to town |\n|---|---|---|\n"
                "| QX-01 | Ambleby | 3 |\n| QX-07 | Tarnwick | 19 |\n| QX-09 | Odsey | 8 |\n")
    q = "Which village is 19 miles from the town?"
    assert row_holding(q, villages, set(content_terms(q))) == "Tarnwick"
    q = "Which row is 19 miles from the town?"  # no column of that noun: the row's code
    assert row_holding(q, villages, set(content_terms(q))) == "QX-07"
    docks = ("Docks and slipways of Merrow Yard\n\n| Code | Name | Surface | Covered |\n|---|---|---|---|\n"
             "| D1 | North Dock | concrete | N |\n| D2 | Boat Dock | timber | Y |\n"
             "| D3 | Long Slip | shingle | N |\n")
    assert described_row_cell("Which dock has a shingle surface?", docks, who=False) == "Long Slip"
    wardens = ("| Code | Warden | Patch | Warden since |\n|---|---|---|---|\n"
               "| WD-1 | Ivo Brannock | north | 2011 |\n| WD-2 | Pella Stroud | south | 2018 |\n")
    q = "Since when has Pella Stroud been a warden?"
    assert named_row_cell(q, wardens, set(content_terms(q)), "date") == "2018"
    assert named_row_cell(q, wardens, set(content_terms(q))) is None  # (a year is no count)
    officers = ("| Post | Name | Since |\n|---|---|---|\n| Captain (for 2026) | Ada Quell | 2026 |\n"
                "| Treasurer | Bo Tarrant | 2014 |\n| Secretary | Cy Odell | 2019 |\n")
    assert described_row_cell("Who was our captain?", officers, who=True) == "Ada Quell"
    # (a row all of whose years are after the one asked says nothing of that year)
    assert described_row_cell("Who was our captain in 2012?", officers, who=True) is None


def test_an_option_worded_otherwise_than_its_row():
    """(2026-12-05, prose26 dev, invented here) "a mug of Harbour Roast" is the row "Harbour
    Roast coffee, mug": every word of the option opens it, in any order."""
    from ragtune.strategies.timeline import worded_row_value
    prices = ("| Item | Price |\n|---|---|\n| Harbour Roast coffee, mug | £2.80 |\n"
              "| Green tea, 300 ml pot | £3.10 |\n| Harbour Roast coffee, cup | £2.20 |\n")
    assert worded_row_value("mug of Harbour Roast", prices, {"cost"}).text == "£2.80"
    assert worded_row_value("pot of green tea", prices, {"cost"}).text == "£3.10"
    assert worded_row_value("Harbour Roast", prices, {"cost"}) is None  # (two rows)
    # (several figures: the one under the column the question names, else none)
    nights = ("| Hostel | Beds | Bed nights 2025 |\n|---|---|---|\n| Tarn Quay hostel | 40 | 6,100 |\n"
              "| Moss End hostel | 24 | 5,200 |\n")
    assert worded_row_value("Quay at Tarn", nights, {"bed", "night", "2025"}).text == "6,100"
    assert worded_row_value("Quay at Tarn", nights, {"larger"}) is None


def test_the_row_in_force_now():
    """(2026-12-05, tables25 r1, invented here) "Who is the warden at the moment?": the row of a
    dated table that runs on (no last day), whatever today is; nothing without a date or "now"."""
    from ragtune.strategies.question import content_terms
    from ragtune.strategies.timeline import asks_now, row_in_force
    text = ("| From | To | Warden | Notes |\n|---|---|---|---|\n| 2001-04-01 | 2012-03-31 | Ivo Brannock | |\n"
            "| 2012-04-01 | | Pella Stroud | current |\n")
    q = "Who is the warden at the moment?"
    assert asks_now(q) and row_in_force(q, text, set(content_terms(q))) == ("Pella Stroud", "2012-04-01")
    q = "Who is the warden?"
    assert not asks_now(q) and row_in_force(q, text, set(content_terms(q))) is None


def test_a_named_row_keyed_by_a_code_of_letters():
    """(2026-12-05, tables25 r1, invented here) a row keyed by a code of capitals ("TRN") is read
    by the name in its second cell, as one keyed by "TR-1" is."""
    from ragtune.strategies.question import content_terms
    from ragtune.strategies.timeline import named_row_cell
    text = ("| Code | Area | Sites | Size (km²) |\n|---|---|---|---|\n| TRN | Tarn Moss | 4 | 86 |\n"
            "| QWY | Quarry Wood | 3 | 155 |\n")
    q = "Which area is bigger, Tarn Moss or ?"
    assert named_row_cell(q, text, set(content_terms(q)) | {"size"}) == "86"


def test_a_year_column_row_named_without_its_gloss():
    """(2026-12-05, tables26 dev, invented here) "What does a family pass cost for 2026?" reads
    the row "Family (two adults, two children)" under the 2026 column."""
    from ragtune.strategies.question import content_terms
    from ragtune.strategies.timeline import year_column_cell
    text = ("| Pass, a year | 2026 (EUR) | 2025 (EUR) |\n|---|---|---|\n| Single | 40 | 38 |\n"
            "| Family (two adults, two children) | 95 | 90 |\n")
    q = "What does a family pass cost for 2026?"
    assert year_column_cell(q, text, set(content_terms(q))) == "95"


def test_the_row_at_the_place_a_question_counts():
    """(2026-12-05 evening, tables26 r1, invented here) "the second open day of 2027" is the
    table's second row naming an open day; a place beyond the rows, or a ranking, reads none."""
    from ragtune.strategies.timeline import ordinal_row_cell
    text = ("| Code | Event | Date | Places |\n|---|---|---|---|\n| E-1 | Open day | 2027-03-06 | 12 |\n"
            "| E-2 | Rope course | 2027-04-10 | 6 |\n| E-3 | Open day | 2027-09-18 | 10 |\n")
    assert ordinal_row_cell("On what date is the second open day of 2027?", text, set()) == "2027-09-18"
    assert ordinal_row_cell("On what date is the third open day of 2027?", text, set()) is None
    assert ordinal_row_cell("How many places has the first open day of 2027?", text, {"plac"}, "number") == "12"


def test_a_cell_with_last_years_figure_in_brackets():
    """(2026-12-05 evening, prose28 dev, invented here) "£30.00 (£25.00)" in a price list of
    2027 is £30.00 for 2027 and £25.00 for the year before."""
    from ragtune.strategies.question import content_terms
    from ragtune.strategies.timeline import named_row_cell
    text = ("# Charges from 1 May 2027\n\nLast year's in brackets.\n\n| what | members | visitors |\n|---|---|---|\n"
            "| the barn | £20.00 (£18.00) | £30.00 (£25.00) |\n")
    for q, want in (("From 1 May 2027, what do visitors pay for the barn?", "£30.00"),
                    ("In 2026, what did visitors pay for the barn?", "£25.00")):
        assert named_row_cell(q, text, set(content_terms(q))) == want


def test_the_person_in_the_row_a_question_names():
    """(2026-12-05, tables28 dev, invented here) "Who is the club's fixtures secretary?" reads
    the `Name` of the row the question names, the longest such row ("Fixtures secretary" over
    "Secretary"); two people in rows of one name decide nothing."""
    from ragtune.strategies.timeline import named_row_cell
    text = ("| Office | Name | Since |\n|---|---|---|\n| Secretary | Ann Lee | 2019 |\n"
            "| Fixtures secretary | Bo Chan | 2021 |\n| Treasurer | Cy Dee | 2020 |\n| Treasurer | Di Eve | 2024 |\n")
    assert named_row_cell("Who is the club's fixtures secretary?", text, set(), "person") == "Bo Chan"
    assert named_row_cell("Who is the secretary?", text, set(), "person") == "Ann Lee"
    assert named_row_cell("Who is the treasurer?", text, set(), "person") is None


def test_a_role_no_header_names_reads_no_column_of_names():
    """(2026-12-06, tables28 r1, invented here) asked who was president, a table of trophies
    whose `Trophy` cells are two capitalised words each (no people) answers nothing; asked who
    gave a trophy, its `Given by` column does."""
    from ragtune.strategies.timeline import described_row_cell
    text = ("Cups and their donors\n| Event | Trophy | Given by |\n|---|---|---|\n"
            "| Singles | Founders Cup | the founders |\n| Doubles | Ottley Tankard | Wilf Ottley |\n"
            "| Juniors | Hume Shield | Stella Hume |\n")
    assert described_row_cell("Who was president before Wilf Ottley?", text, who=True) is None
    assert described_row_cell("Who gave the Hume Shield?", text, who=True) == "Stella Hume"


def test_the_figure_of_a_years_row_under_the_column_asked():
    """(2026-12-06, prose30 dev, invented here) rows keyed by year, a column per partner: the
    year's row under the column the question names; a column no word names reads nothing."""
    from ragtune.strategies.question import content_terms
    from ragtune.strategies.timeline import year_row_cell
    text = ("| year | Brest, spring | Ulm, autumn |\n|---|---|---|\n| 2021 | hosted: 40 came | went: 18 of us |\n"
            "| 2022 | went: 44 of us | hosted: 21 came |\n| 2023 | hosted: 39 came | went: 16 of us |\n")
    q = "How many members went to Ulm in 2023?"
    assert year_row_cell(q, text, set(content_terms(q))) == "16"
    q = "How many members went abroad in 2023?"
    assert year_row_cell(q, text, set(content_terms(q))) is None


def test_a_season_over_two_years_and_a_verb_for_a_one_word_header():
    """(2026-12-06, tables31 dev and r1, invented here) "the 2019-20 season" is the row running over the
    new year 2019/20 (not the rows that end in 2019 or start in 2020); "Who chaired the Guild in
    2011?" reads the column "Chair", the body's name written by no table."""
    from ragtune.strategies.question import content_terms
    from ragtune.strategies.timeline import asked_day, row_in_force
    assert asked_day("What was the fee in the 2019-20 season?") == ((2019, 12, 31), (2020, 1, 1))
    assert asked_day("What was the fee in 2019/2020?") == ((2019, 12, 31), (2020, 1, 1))
    assert asked_day("From 2019-2021, what was the fee?") is None  # (two years apart: no one season)
    fees = ("| From | To | Full fee (GBP) |\n|---|---|---|\n| 2017-09-01 | 2019-08-31 | 31 |\n"
            "| 2019-09-01 | 2020-08-31 | 12 |\n| 2020-09-01 | | 36 |\n")
    q = "What was the full fee in the 2019-20 season?"
    assert row_in_force(q, fees, set(content_terms(q))) == ("12", "2019-09-01")
    chairs = ("| From | To | Chair |\n|---|---|---|\n| 2004-06-10 | 2013-06-12 | Orla Penhale |\n"
              "| 2013-06-13 | | Idris Vaughn |\n")
    q = "Who chaired the Tolland Guild in 2011?"
    assert row_in_force(q, chairs, set(content_terms(q))) is None  # (the Guild is named by no cell)
    assert row_in_force(q, chairs, set(content_terms(q)), frozenset({"tolland guild"})) == ("Orla Penhale", "2004-06-10")
    # "before 2014": the row in force the day before; none before the table's first row
    q = "Who chaired the Tolland Guild before 2014?"
    assert row_in_force(q, chairs, set(content_terms(q)), frozenset({"tolland guild"})) == ("Idris Vaughn", "2013-06-13")
    q = "Who chaired the Tolland Guild before 2004?"
    assert row_in_force(q, chairs, set(content_terms(q)), frozenset({"tolland guild"})) is None
