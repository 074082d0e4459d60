"""Counting what a document lists (strategies/counting.py): found on the read splits
(2026-12-01, after test8 was read); general text layout, no corpus's phrasing."""

from hypothesis import given, strategies as st

from ragtune.strategies.common import STOPWORDS
from ragtune.strategies.counting import count_listed, labelled_lists

# names, not function words: in a sentence "a0 and of" is no list of two names
NAMES = st.lists(st.from_regex(r"[a-z][a-z0-9]{1,7}(?:-[a-z]{2,5})?", fullmatch=True)
                 .filter(lambda w: w not in STOPWORDS), min_size=2, max_size=12, unique=True)


def _layouts(name: str, items: list[str]) -> list[tuple[str, str]]:
    """One record in three layouts: (title, text)."""
    return [
        (f"Record: {name}", "| field | value |\n|---|---|\n| extras | " + ", ".join(items) + " |"),
        (name, f"{name} 1.0\n- py >=3.9\n- extras: " + ", ".join(items)),
        (name, f"{name} is a tool. It needs Python >=3.9. Optional extras: "
         + ", ".join(items[:-1]) + f" and {items[-1]}."),
    ]


@given(NAMES)
def test_a_listed_count_in_every_layout(items):
    for title, text in _layouts("fooparse", items):
        got = count_listed("How many optional extras does fooparse declare?", ["fooparse"],
                           [(title, text)])
        assert got is not None and got[0] == len(items), (title, text)


def test_what_counts_and_what_does_not():
    q = "How many required dependencies does fooparse list?"
    # a verb of needing labels the list; "It needs Python" is no list of dependencies
    text = "fooparse 2.0 is a library. It needs Python >=3.10. It depends on numpy (>=1.2), attrs and click."
    assert count_listed(q, ["fooparse"], [("fooparse", text)])[0] == 3
    # items separated by semicolons keep their bounds' commas
    row = "| requires | numpy (>=1.2,<3); attrs; click (>=8) |"
    assert count_listed(q, ["fooparse"], [("Record: fooparse", row)])[0] == 3
    # "none" is zero; "It has no required dependencies." too
    assert count_listed(q, ["fooparse"], [("fooparse", "- deps: none")])[0] == 0
    assert count_listed(q, ["fooparse"], [("fooparse", "fooparse 2.0\nIt has no required dependencies.")])[0] == 0
    # another page listing the thing is not its list
    other = ("barkit", "barkit 1.0\n- deps: fooparse, attrs")
    assert count_listed(q, ["fooparse"], [other]) is None
    # a stated number answers, not a count
    stated = "fooparse lists 4 required dependencies: numpy, attrs, click and rich."
    assert count_listed(q, ["fooparse"], [("fooparse", stated)]) is None
    # prose that starts like a list counts nothing; a sentence needs two items
    prose = "fooparse depends on whether the cache is warm, and on the disk."
    assert count_listed(q, ["fooparse"], [("fooparse", prose)]) is None
    assert count_listed(q, ["fooparse"], [("fooparse", "fooparse 1.0\nIt depends on numpy.")]) is None
    # a heading names, it lists nothing
    assert labelled_lists("# Package record: fooparse", {"packag"}) == []
    # a list wrapped onto the next line, under an emphasised label, ends with its sentence
    # (2026-12-01, after test10 was read; not at an initial or a title: "J. Smith", "Dr. Lee";
    # a numbered line starts anew)
    initials = "Present: J. Smith, K. Lee, Dr. Ode."
    got = count_listed("How many people were present?", ["ops sync"], [("Ops sync", initials)])
    assert got is None or got[0] == 3  # never the 1 a cut at "J." would count
    numbered = "Present: Ann, Bob,\n1. Next item"
    assert count_listed("How many people were present?", ["ops sync"], [("Ops sync", numbered)])[0] == 2
    notes = "# Ops sync\n\n**Present:** Ann Lee (chair), Bo Chan, Cy Dee, Di Eve,\nEd Fox. **Apologies:** Flo Gee."
    assert count_listed("How many people were present at the ops sync?", ["ops sync"],
                        [("Ops sync", notes)])[0] == 5
    assert count_listed("How many teams does the Harbury headquarters have?", ["Harbury"],
                        [("About", "- Harbury teams: sales, finance and the lab.")])[0] == 3


def test_records_counted_where_the_question_names_their_collection():
    from ragtune.strategies.counting import count_records
    staff = [{"name": f"P{i}", "office": office, "start_year": year}
             for i, (office, year) in enumerate([("North Yard", 2019), ("Southgate", 2019),
                                                 ("North Yard", 2021), ("North Yard", 2019)])]
    kit = [{"name": "A1", "status": "active"}, {"name": "B2", "status": "retired"}]
    collections = {"people/directory": staff, "products/catalog": kit}
    assert count_records("How many people in the staff directory are based in North Yard?",
                         collections)[:2] == (3, "people/directory")
    assert count_records("How many people in the directory started in 2019 at North Yard?",
                         collections)[0] == 2
    assert count_records("How many products in the catalog are active?", collections)[0] == 1
    # "work at" asks more than a directory lists; no collection named, no count
    assert count_records("How many people work at the North Yard office?", collections) is None
    # no value of the collection named: nothing to count by
    assert count_records("How many people in the directory like tea?", collections) is None
    # a duration or a distance is summed, not counted in records ("off the road" is a status)
    fleet = {"fleet/vehicles": [{"name": "V1", "status": "off the road"}, {"name": "V2", "status": "in use"}]}
    assert count_records("How many vehicles in the fleet are off the road?", fleet)[0] == 1
    assert count_records("How many days in all were the fleet's vehicles off the road?", fleet) is None


def test_a_page_titled_with_a_hyphen_counts_for_an_underscored_name():
    got = count_listed("How many optional extras does foo_parse declare?", ["foo_parse"],
                       [("foo-parse", "- py >=3.10\n- extras: oauth, all, dev")])
    assert got is not None and got[0] == 3  # "all" and "dev" are items on a labelled line


def test_the_record_a_filtered_comparison_picks():
    from ragtune.strategies.counting import pick_record
    kit = [{"name": "A1", "launch_year": 2022, "price_eur": 900, "weight_g": 300, "lead": "Ann Lee"},
           {"name": "B2", "launch_year": 2022, "price_eur": 700, "weight_g": 500, "lead": "Bo Chan"},
           {"name": "C3", "launch_year": 2020, "price_eur": 100, "weight_g": 900, "lead": "Ann Lee"}]
    c = {"products/catalog": kit}
    q = "Of the two products in the catalog launched in 2022, which has the lower list price?"
    assert pick_record(q, c, "less")[0]["name"] == "B2"
    assert pick_record("Of the products Ann Lee leads, which is the heaviest?", c, "more")[0]["name"] == "C3"
    # no collection named, or neither a condition nor a superlative: nothing picked
    assert pick_record("Which has the lower list price?", c, "less") is None
    assert pick_record("Of the products in the catalog, which is cheaper?", c, "less") is None
    assert pick_record(q, c, None)[0]["name"] == "B2"  # the direction read from the question itself


def test_records_under_a_numeric_bound():
    """A bound the question puts on a field it names ("a list price above EUR 1,000", "weigh
    more than 500 g", "launched after 2020") selects records (2026-12-01, after test11 was
    read); the comparative's own field may be the bounded one."""
    from ragtune.strategies.counting import count_records, pick_record
    recs = [{"name": "A", "price_eur": 1180, "weight_g": 640, "launch_year": 2021},
            {"name": "B", "price_eur": 890, "weight_g": 400, "launch_year": 2019},
            {"name": "C", "price_eur": 2350, "weight_g": 5200, "launch_year": 2022},
            {"name": "D", "price_eur": 420, "weight_g": 300, "launch_year": 2024}]
    col = {"products/catalog": recs}
    assert count_records("How many products in the catalog have a list price above EUR 1,000?", col)[0] == 2
    assert count_records("How many products in the catalog launched after 2020?", col)[0] == 3
    assert pick_record("Of the products in the catalog with a list price under EUR 1,000, which is the heaviest?",
                       col, "more")[0]["name"] == "B"
    assert pick_record("Of the products in the catalog that weigh more than 500 g, which is the lightest?",
                       col, "less")[0]["name"] == "A"


def test_record_picks_read_the_asking_clause_and_its_bounds():
    """A scope's bound is not the asked direction ("over 500 g, which is the lightest"); the
    clause that asks names the field ("came on the market first": the year); a year inside a
    bound is no value condition; "how many different X" counts a field's values."""
    from ragtune.strategies.counting import count_records, pick_record
    items = {"shop/items": [
        {"name": "Anvil", "year": 2015, "price_eur": 900, "weight_g": 9000, "maker": "Ada"},
        {"name": "Bell", "year": 2019, "price_eur": 300, "weight_g": 700, "maker": "Ada"},
        {"name": "Clock", "year": 2021, "price_eur": 1200, "weight_g": 450, "maker": "Bo"},
        {"name": "Drum", "year": 2018, "price_eur": 2500, "weight_g": 5000, "maker": "Cy"},
    ]}
    pick = lambda q: (got := pick_record(q, items, None)) and got[0]["name"]  # noqa: E731
    assert pick("Of the items in the shop that weigh more than 500 g, which is the lightest?") == "Bell"
    assert pick("Of the items in the shop with a price under EUR 1,000, which came on the market first?") == "Anvil"
    assert pick("Of the items in the shop made after 2016, which has the highest price?") == "Drum"
    assert pick("Which item in the shop has a price above EUR 2,000?") == "Drum"
    assert pick("What is the lightest item in the shop?") == "Clock"
    assert count_records("How many items in the shop were launched before 2019?", items)[0] == 2
    assert count_records("How many different makers does the shop list?", items)[0] == 3


def test_two_records_compared_by_the_field_the_question_names():
    from ragtune.strategies.counting import compare_records
    staff = {"hr/staff": [{"name": "Ann Lee", "start_year": 2016, "desk": 4},
                          {"name": "Bo Chan", "start_year": 2021, "desk": 9}],
             "shop/items": [{"name": "Anvil", "price_eur": 900, "weight_g": 9000},
                            {"name": "Bell", "price_eur": 300, "weight_g": 700}]}
    assert compare_records("Who joined first, Bo Chan or Ann Lee?", ["Bo Chan", "Ann Lee"], staff)[0] == "Ann Lee"
    assert compare_records("Who has been at the firm longer, Ann Lee or Bo Chan?", ["Ann Lee", "Bo Chan"], staff)[0] == "Ann Lee"
    assert compare_records("Which weighs less, the Anvil or the Bell?", ["Anvil", "Bell"], staff)[0] == "Bell"
    assert compare_records("Which has the higher price, Anvil or Bell?", ["Anvil", "Bell"], staff)[:2] == ("Anvil", "price_eur")
    # no field named, an option that is no record, or two records of different collections
    assert compare_records("Which is better, the Anvil or the Bell?", ["Anvil", "Bell"], staff) is None
    assert compare_records("Which weighs less, the Anvil or the Drum?", ["Anvil", "Drum"], staff) is None
    assert compare_records("Which is heavier, Ann Lee or the Bell?", ["Ann Lee", "Bell"], staff) is None


def test_records_compared_by_their_ids_and_short_headers():
    """Records named by their ids (a CSV's id column), decimal fields under short headers, and
    a year a member joined for "been a member longer" (the earlier year)."""
    from ragtune.strategies.counting import compare_records
    pits = {"digs/pits": [{"max_dep_m": 1.2, "len_m": 4}, {"max_dep_m": 0.75, "len_m": 6}],
            "club/members": [{"name": "Ann Lee", "joined": 2012}, {"name": "Bo Chan", "joined": 2003}]}
    ids = {"digs/pits": ["P-01", "P-02"], "club/members": ["", ""]}
    assert compare_records("Which pit went deeper, P-01 or P-02?", ["P-01", "P-02"], pits, ids)[:2] == ("P-01", "max_dep_m")
    assert compare_records("Which pit is longer, P-01 or P-02?", ["P-01", "P-02"], pits, ids)[:2] == ("P-02", "len_m")
    assert compare_records("Who has been a member longer, Ann Lee or Bo Chan?", ["Ann Lee", "Bo Chan"], pits, ids)[0] == "Bo Chan"
    assert compare_records("Which pit went deeper, P-01 or P-02?", ["P-01", "P-02"], pits) is None  # no ids given


def test_a_verb_the_question_shares_with_a_label_counts_nothing_and_one_label_is_one_list():
    """Read splits, 2026-12-03: "How many trips did Kestrel make?" counted the record's one
    "make: Voltane"; "- Link: A" and "- Link: B" on two lines are one list of two; a page that
    states the number ("Link names pointing here: 2") answers with it, not a count."""
    q = "How many passenger trips did Kestrel make in its first week?"
    assert count_listed(q, ["Kestrel"], [("fleet Kestrel", "name: Kestrel\nmake: Voltane\nseats: 8")]) is None
    links = "# zone/quill\n- Country: Orvia\n- Link: Orvia\n- Link: Quillia\n"
    assert count_listed("How many link names lead to zone/quill?", ["zone/quill"],
                        [("zone/quill", links)])[0] == 2
    stated = "# zone/quill\n- Link names pointing here: 2\n"
    assert count_listed("How many link names lead to zone/quill?", ["zone/quill"],
                        [("zone/quill", stated), ("zone/quill", links)]) is None


def test_a_yes_no_field_named_by_its_label_is_a_condition():
    from ragtune.strategies.counting import count_records, labelled_record
    rooms = {"venues/venues": [
        {"id": "V1", "name": "Old Hall", "parking": "yes", "opened": 1970, "step_free": "no"},
        {"id": "V2", "name": "New Hall", "parking": "no", "opened": 2004, "step_free": "yes"},
        {"id": "V3", "name": "Barn", "parking": "yes", "opened": 1988, "step_free": "yes"}]}
    assert count_records("How many of the venues have parking?", rooms)[0] == 2
    assert count_records("How many of the venues do not have parking?", rooms)[0] == 1
    # a field's label right before its value names the one record
    assert labelled_record("Which venue opened in 2004?", rooms) == ("New Hall", "opened", "2004")
    assert labelled_record("Which venue opened in 1999?", rooms) is None


def test_a_record_is_found_by_a_value_of_several_words_the_question_writes():
    from ragtune.strategies.counting import labelled_record
    people = {"people/people": [
        {"id": "P1", "name": "Ann Lee", "role": "Treasurer", "background": "retired bank manager"},
        {"id": "P2", "name": "Raj Patel", "role": "Chair", "background": "former harbour pilot"}]}
    assert labelled_record("Which trustee is a former harbour pilot?", people) == \
        ("Raj Patel", "background", "former harbour pilot")
    assert labelled_record("Which trustee is a harbour pilot?", people) is None  # not the whole value
    assert labelled_record("What is Ann Lee's role?", people) is None  # the record's own name asks a field


def test_a_question_naming_a_record_asks_something_of_it():
    from ragtune.strategies.counting import labelled_record
    places = {"huts/huts": [{"id": "H1", "name": "Crag Hut", "grade": "BA", "warden": "Ann Lee"}],
              "people/people": [{"id": "P1", "name": "Ann Lee", "base": "Crag Hut"}]}
    assert labelled_record("What is the grade of Crag Hut?", places) is None


def test_a_value_selects_a_record_only_when_the_record_is_asked():
    from ragtune.strategies.counting import labelled_record
    fleet = {"fleet/fleet": [{"id": "V1", "name": "Wren", "type": "pool car", "model": "Astra"},
                             {"id": "V2", "name": "Kite", "type": "electric minibus", "model": "eVan"}]}
    assert labelled_record("Which vehicle is the pool car?", fleet) == ("Wren", "type", "pool car")
    assert labelled_record("What model is the pool car?", fleet) is None  # a field of it is asked
    assert labelled_record("Which model is the pool car?", fleet) is None
    assert labelled_record("Who named the electric minibus?", fleet) is None


def test_the_one_record_a_negated_verb_or_nobody_picks():
    """(2026-12-04) "Which pit was not backfilled?": the `N` of the yes/no field the verb
    names; "sent to any specialist" and "nobody leading it": the one empty field the verb or
    its object names; none when two records or no field qualify."""
    from ragtune.strategies.counting import negated_record
    cols = {"digs/pits": [{"backfilled": "Y", "spec": "SP-1"}, {"backfilled": "N", "spec": "SP-2"},
                          {"backfilled": "Y"}],
            "digs/sites": [{"name": "Quen Hill", "lead": "M-1"}, {"name": "Zed Moor", "lead": None}]}
    ids = {"digs/pits": ["P-1", "P-2", "P-3"], "digs/sites": ["", ""]}
    assert negated_record("Which pit was not backfilled?", cols, ids) == ("P-2", "backfilled")
    assert negated_record("Which pit was not sent to any specialist?", cols, ids) == ("P-3", "spec")
    assert negated_record("Which site has nobody leading it?", cols, ids) == ("Zed Moor", "lead")
    assert negated_record("Which pit was backfilled?", cols, ids) is None
    assert negated_record("Which pit was not dug?", cols, ids) is None


def test_records_compared_by_a_naming_field_and_consonant_headers():
    """(2026-12-05) From the tables21 dev split, on invented records: a record named by a
    field no two records share (`player`), numeric headers written as consonants (`rtg`,
    `rpd`), and the modifier's field chosen over the head noun's ("rapid rating")."""
    from ragtune.strategies.counting import compare_records
    players = {"players/register": [
        {"player": "Ada Venn", "club": "QEN", "rtg": 1900, "rpd": 1750},
        {"player": "Bo Tarr", "club": "ZED", "rtg": 1800, "rpd": 1850},
        {"player": "Cy Moss", "club": "QEN", "rtg": 1500, "rpd": 1400}]}
    assert compare_records("Who has the higher rapid rating, Ada Venn or Bo Tarr?", ["Ada Venn", "Bo Tarr"],
                           players)[:2] == ("Bo Tarr", "rpd")
    assert compare_records("Which of Ada Venn and Bo Tarr has the higher rating?", ["Ada Venn", "Bo Tarr"],
                           players)[:2] == ("Ada Venn", "rtg")


def test_a_list_after_a_bracketed_note_and_a_version_range():
    """(2026-12-05) From the catalog23 read splits, on invented pages: "1 runtime requirement
    (not tied to an extra): X" lists X; a comma inside a version range ("<3.0,>=0.16.4") breaks
    no item; a note's "(...): none" is no empty list of the label before it."""
    text = "It has 1 runtime requirement (not tied to an extra): fooclient <3.0,>=0.16.4 [page here]."
    assert [x[0] for x in labelled_lists(text, {"requirement"})] == [["fooclient <3.0,>=0.16.4"]]
    assert labelled_lists("Sibling tools (each with a page here): none.", {"tool"}) == []


def test_a_counted_noun_naming_a_field_counts_its_different_values():
    """(2026-12-05, catalog26 dev, invented here) "How many regions do the depots using X name?"
    counts the different `region` values of the depots whose field holds X, not the depots;
    "a depot that stocks X" names the collection; "is X the carrier" names the field holding X;
    "how many decimal digits" is no count of records."""
    from ragtune.strategies.counting import count_records
    depots = [{"id": "d1", "region": "North", "carrier": "Fastline"},
              {"id": "d2", "region": "North", "carrier": "Fastline"},
              {"id": "d3", "region": "West", "carrier": "Fastline"},
              {"id": "d4", "region": "West", "carrier": "Slowboat"}]
    cols = {"depots": depots}
    got = count_records("How many regions do the depots using Fastline name?", cols)
    assert got[0] == 2 and got[2]["distinct"] == "region"
    assert count_records("How many of the depots use Fastline?", cols)[0] == 3
    assert count_records("For how many regions is there a depot that uses Slowboat?", cols)[0] == 1
    assert count_records("In how many depot files is Fastline the carrier?", cols)[0] == 3
    assert count_records("How many decimal digits do the depots using Fastline give?", cols) is None
