"""What two things' lists share (or one thing's list holds alone), read from the question."""

from hypothesis import given
from hypothesis import strategies as st

from ragtune.strategies.agentic import _joined
from ragtune.strategies.counting import labelled_lists, metadata_lists
from ragtune.strategies.shared_items import item_key, shared_ask


def test_questions_about_what_two_lists_share():
    a = shared_ask("Which library do both flask and django import?")
    assert (a.mode, a.things, a.terms) == ("which", ("flask", "django"), frozenset({"import"}))
    a = shared_ask("Which plugin do both Foo and Bar offer?")  # a giving verb: the noun labels the list
    assert a.terms == frozenset({"plugin"})
    a = shared_ask("What is the one author that the Alpha paper and the Beta paper have in common?")
    assert (a.mode, a.things) == ("which", ("Alpha paper", "Beta paper"))
    a = shared_ask("How many people were invited to both the spring party and the autumn party?")
    assert (a.mode, a.things, a.terms) == ("count", ("spring party", "autumn party"), frozenset({"invit"}))
    assert shared_ask("Which city is the capital of France?") is None
    assert shared_ask("Which package do both A and B have?") is None  # "have" names no list


def test_a_question_built_on_the_shared_item_is_asked_of_it():
    a = shared_ask("flask and django have exactly one dependency in common. What licence does it carry?")
    assert (a.mode, a.things, a.rest) == ("bridge", ("flask", "django"), "What licence does {} carry?")
    a = shared_ask("Foo depends on a single library. Who maintains that library?")
    assert (a.mode, a.things, a.rest) == ("bridge", ("Foo",), "Who maintains {}?")
    a = shared_ask("What licence does the one package that both foo and bar require carry?")
    assert (a.mode, a.things, a.rest, a.terms) == ("bridge", ("foo", "bar"), "What licence does {} carry?",
                                                   frozenset({"require"}))
    a = shared_ask("What is the one package that foo requires?")
    assert (a.mode, a.things) == ("which", ("foo",))
    # no back reference to the item: nothing is built on it
    assert shared_ask("flask and django have exactly one dependency in common. What is Python?") is None


def test_items_compare_by_name_whatever_the_bound_or_separator():
    assert item_key("typing_extensions (>=4.0)") == item_key("Typing-Extensions") == "typing-extensions"
    assert item_key("| numpy>=1.25") == "numpy" and item_key("zope.interface; python_version<'3.9'") == "zope-interface"


@given(st.lists(st.from_regex(r"[a-z][a-z0-9]{1,8}", fullmatch=True), min_size=2, max_size=6, unique=True))
def test_front_matter_lists_are_lists_labelled_by_their_key(items):
    got = metadata_lists({"requires": items, "title": "x"}, {"require"})
    assert [g[0] for g in got] == [items]
    assert metadata_lists({"requires": items}, {"extra"}) == []


def test_overlapping_chunks_join_back_into_whole_lines():
    text = _joined(["| requires | a (>=1); b (>=2.0", "b (>=2.0 .1); c |\n| extras | x |"])
    assert text == "| requires | a (>=1); b (>=2.0 .1); c |\n| extras | x |"
    items = labelled_lists(text, {"require"})
    assert [i for i, *_ in items] == [["a", "b", "c"]]
    assert _joined(["First line.", "Second line."]) == "First line.\nSecond line."


def test_questions_answered_by_list_sizes_across_a_catalog():
    from ragtune.strategies.list_sizes import holders_ask, size_comparison, size_superlative
    a = size_superlative("Which plugin in the registry offers the most hooks?")
    assert (a.way, a.terms, a.scope) == ("most", frozenset({"hook"}), None)
    a = size_superlative("Among the apps that import requests, which one lists the fewest dependencies?")
    assert (a.way, a.terms, a.scope) == ("fewest", frozenset({"dependency"}), (frozenset({"import"}), "requests"))
    # a list whose items are narrowed ("with a marker", "conditional") is not read by size
    assert size_superlative("Which app lists the most requirements with a marker?") is None
    assert size_comparison(" has more conditional requirements?") is None
    assert size_comparison(" lists more required dependencies?").terms == frozenset({"requir", "dependency"})
    assert size_comparison(" depends on fewer packages?").way == "fewer"
    assert holders_ask("Which library do the most apps import?") == ("most", 0, frozenset({"import"}))
    assert holders_ask("Which library do exactly 3 apps in the registry list as a dependency?") == \
        ("exactly", 3, frozenset({"dependency"}))
    assert holders_ask("Exactly 5 apps import one and the same library. Which one is it?") == \
        ("exactly", 5, frozenset({"import"}))


def test_a_colon_introduces_a_list_of_one():
    assert [i for i, *_ in labelled_lists("It is small. Optional extras: gui.", {"extra"})] == [["gui"]]
    assert labelled_lists("It depends on numpy.", {"depend"}) == []  # one word after a verb is no list
    row = _joined(["| requires | a (>=1); b", "(>=2); c |"])
    assert row == "| requires | a (>=1); b (>=2); c |"


def test_pages_filtered_and_described_by_what_their_lists_hold():
    from ragtune.strategies.list_sizes import holder_description, page_filter
    assert page_filter("Which app imports yaml but declares no plugins?") == \
        [(frozenset({"import"}), "yaml"), (frozenset({"plugin"}), None)]
    assert page_filter("Among the apps that import yaml, which one offers no widgets?") == \
        [(frozenset({"import"}), "yaml"), (frozenset({"widget"}), None)]
    assert page_filter('Which app has a plugin named "lint" yet lists no dependencies?') == \
        [(frozenset({"plugin"}), "lint"), (frozenset({"dependency"}), None)]
    assert page_filter("Which app imports yaml?") is None  # one condition: the usual search
    assert page_filter("Which app is the oldest?") is None
    q = "Who maintains the app requiring both yaml and toml?"
    start, end, conditions = holder_description(q)
    assert q[start:end] == "the app requiring both yaml and toml"
    assert conditions == [(frozenset({"requir"}), "yaml"), (frozenset({"requir"}), "toml")]
    q = "What licence does the app with the plugin lint carry?"
    start, end, conditions = holder_description(q)
    assert q[start:end] == "the app with the plugin lint" and conditions == [(frozenset({"plugin"}), "lint")]
    assert holder_description("Which app requires both yaml and toml?") is None


def test_counts_of_what_two_lists_share():
    a = shared_ask("How many plugins do alpha and beta have in common?")
    assert (a.mode, a.things, a.terms) == ("count", ("alpha", "beta"), frozenset({"plugin"}))
    assert shared_ask("How many libraries do alpha and beta both import?").terms == frozenset({"import"})
    assert shared_ask("How many themes are shared by alpha and beta?").mode == "count"


def test_an_item_keeps_its_name_without_its_condition_and_an_unread_label_is_unknown():
    from ragtune.strategies.counting import labelled_unread
    row = "| requires | a (>=1) when os == 'x'; b; c (>=2) if py < '3.9' |"
    assert [i for i, *_ in labelled_lists(row, {"require"})] == [["a", "b", "c"]]
    assert labelled_unread("| requires | see {the docs} = 'x' |", {"require"})
    assert not labelled_unread("| extras | a, b |", {"require"})


def test_conditions_written_anywhere_and_pages_described_by_one_item():
    from ragtune.strategies.list_sizes import holder_description, list_conditions
    assert list_conditions("Which app under the MIT licence imports yaml?") == []  # "imports" is no needing verb
    assert list_conditions("Which app under the MIT licence requires yaml and offers no plugins?") == \
        [(frozenset({"plugin"}), None), (frozenset({"requir"}), "yaml")]
    assert list_conditions("Among the apps without required dependencies, which one has a plugin named lint?") == \
        [(frozenset({"requir", "dependency"}), None), (frozenset({"plugin"}), "lint")]
    q = "What licence does the app that depends on yaml carry?"
    start, end, conditions = holder_description(q)
    assert q[start:end] == "the app that depends on yaml" and conditions == [(frozenset({"depend"}), "yaml")]
    assert holder_description("alpha or beta: which of the two requires yaml?") is None  # no page described
    a = shared_ask("Which app is the only required dependency of alpha?")
    assert (a.mode, a.things, a.terms) == ("which", ("alpha",), frozenset({"requir", "dependency"}))
    a = shared_ask("What licence does the only dependency of alpha carry?")
    assert (a.mode, a.rest) == ("bridge", "What licence does {} carry?")


def test_field_values_a_question_names():
    from ragtune.strategies.counting import named_values
    recs = [{"licence": "MIT", "py": ">=3.8"}, {"licence": "MIT OR Apache-2.0", "py": ">=3.10"},
            {"licence": "MPL-2.0", "py": ">=3.8"}]
    assert named_values("which single app is released under mit or apache-2.0?", recs, []) == \
        {"licence": "mit or apache-2.0"}  # the longest of the values written inside one another
    assert named_values("which mpl-2.0-licensed app needs python >=3.8?", recs, []) == \
        {"licence": "mpl-2.0", "py": ">=3.8"}
    assert named_values("which app needs python >=3.8 or >=3.10?", recs, []) == {}  # two values: no condition
    # a value that is also a function word ("is", a country's code) is not read off a question
    codes = [{"code": "is", "name": "Iceland"}, {"code": "no", "name": "Norway"}]
    assert named_values("which version is the tarn page at?", codes, []) == {}
    assert named_values("which page has the name norway?", codes, []) == {"name": "norway"}


def test_the_one_of_two_pages_holding_an_item_or_a_value():
    from ragtune.strategies.agentic import Agentic
    agent = Agentic.__new__(Agentic)
    agent._pages_named = {"alpha", "beta"}
    agent._page_fields = {"alpha": {"licence": "MIT", "py": ">=3.8"}, "beta": {"licence": "Apache-2.0", "py": ">=3.11"}}
    agent._catalog_memo = {frozenset({"requir"}): {"alpha": ["yaml", "toml"], "beta": ["toml"]},
                           ("unsure", frozenset({"requir"})): set()}
    hold = lambda rel: agent._page_holding("", rel, ["alpha", "beta"])  # noqa: E731
    assert hold(" requires yaml?") == "alpha"
    assert hold(" is released under Apache-2.0?") == "beta"
    assert hold(" declares the Python requirement >=3.11?") == "beta"
    assert hold(" requires toml?") is None  # both hold it
    assert hold(" is newer?") is None  # nothing named


def test_catalog_selections_after_test12_was_read():
    """Rules from the read12 traces (2026-12-01, after test12 was read): general English."""
    from ragtune.strategies.agentic import _MOST_ITEMS, _TOP_VERSION
    from ragtune.strategies.list_sizes import list_conditions, most_shared
    # a list that is not empty, and one that is, written anywhere
    assert list_conditions("Among the apps under licence X, how many declare optional plugins?") == \
        [(frozenset({"optional", "plugin"}), "")]
    assert list_conditions("How many apps install without any requirement?") == [(frozenset({"requirement"}), None)]
    assert list_conditions("Which app offers the most plugins?") == []  # a size, not a condition
    assert _TOP_VERSION.search("which one is at the highest version number?").group("way") == "highest"
    assert _TOP_VERSION.search("which one has the largest release version?").group("way") == "largest"
    m = _MOST_ITEMS.search("which one offers the most optional plugins?")
    assert (m.group("way"), m.group("noun")) == ("most", "optional plugins")
    assert most_shared("Which other app shares the largest number of plugins with alpha?") == \
        ("most", frozenset({"plugin"}), "alpha")
    assert most_shared("Which app has the most dependencies in common with beta?") == \
        ("most", frozenset({"dependency"}), "beta")
    a = shared_ask("How many plugin names appear in the optional plugins of both alpha and beta?")
    assert (a.mode, a.things, a.terms) == ("count", ("alpha", "beta"), frozenset({"optional", "plugin"}))


def test_ranges_read_as_two_bounds():
    from ragtune.strategies.counting import count_records, pick_record, plain_bounds
    assert plain_bounds("a price between EUR 500 and EUR 1,000") == "a price at least EUR 500 and at most EUR 1,000"
    assert plain_bounds("made in 2021 or later") == "made at least 2021"
    items = {"shop/items": [{"name": "A", "price_eur": 400, "weight_g": 10, "year": 2019, "kind": "bell"},
                            {"name": "B", "price_eur": 600, "weight_g": 30, "year": 2021, "kind": "drum"},
                            {"name": "C", "price_eur": 900, "weight_g": 20, "year": 2022, "kind": "drum"}]}
    assert count_records("How many items in the shop have a price between EUR 500 and EUR 1,000?", items)[0] == 2
    assert pick_record("Of the items in the shop with a price between EUR 500 and EUR 1,000, which is the lightest?",
                       items, None)[0]["name"] == "C"
    assert count_records("How many different item kinds does the shop use?", {"shop/items": items["shop/items"]})[0] == 2


def test_a_table_row_cut_at_a_cell_end_is_one_row_again():
    """(2026-12-06, tables33 dev, invented here) A chunk that ends at a cell's end and a next
    chunk that goes on with cells (no "|" first, one last) join into one row: a table read whole
    keeps every row after the cut."""
    from ragtune.strategies.agentic import _joined
    from ragtune.strategies.timeline import table_rows
    text = _joined(["| Pos | Side | Pts |\n| --- | --- | --- |\n| 1 | Orley Vale | 30 |\n| 2 | Cawsby |", "26 |\n| 3 | Tenby | 20 |"])
    assert [r[1] for r in table_rows(text)[0][1]] == ["Orley Vale", "Cawsby", "Tenby"]
    assert _joined(["Text ends.\n| a | b |", "Next para."]) == "Text ends.\n| a | b |\nNext para."
