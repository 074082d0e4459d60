"""The standalone query of a conversation's last question (serve/conversation.py), and the
chat request's refusal of parameters it does not serve. Pure Python: no model, no server."""

import pytest

from ragtune.serve.conversation import noun_phrases, standalone, topic_of
from ragtune.serve.routes.chat import RagChatRequest


def conversation(*turns):
    roles = ("user", "assistant")
    return [{"role": roles[i % 2], "content": t} for i, t in enumerate(turns)]


def test_noun_phrases_start_at_names_and_drop_verbs():
    assert topic_of("What is the Zorblax project launch code?") == "Zorblax project launch code"
    assert topic_of("What is the launch code of the Zorblax project?") == "Zorblax project"
    assert topic_of("Who founded Quellmark?") == "Quellmark"  # not "founded Quellmark"
    assert topic_of("What does Quellmark make?") == "Quellmark"  # do-support: the verb is dropped
    assert topic_of("When was Quellmark founded?") == "Quellmark"
    assert topic_of("what is the boiling point of water?") == "boiling point of water"
    assert topic_of("Which team set it?") == ""  # a pronoun and no name: no topic of its own
    assert [p for p, named in noun_phrases("Ada Voss founded Quellmark.") if named] == ["Ada Voss", "Quellmark"]


@pytest.mark.parametrize("turns, query, antecedent", [
    (("What is the Zorblax project launch code?", "AMBER-4471.", "Which team set it?", "Operations.",
      "In which month was it set?"),
     "In which month was Zorblax project launch code set?", "Zorblax project launch code"),
    (("Who founded Quellmark?", "Ada Voss founded Quellmark.", "Where was she born?"),
     "Where was Ada Voss born?", "Ada Voss"),
    (("What does Quellmark make?", "The Quibble 9.", "and when was it founded?"),
     "When was Quellmark founded?", "Quellmark"),
    (("What does Quellmark make?", "The Quibble 9.", "Where is its office?"),
     "Where is Quellmark's office?", "Quellmark"),
    (("What does Quellmark make?", "The Quibble 9.", "And the founding year?"),
     "The founding year of Quellmark?", "Quellmark"),
    (("Who founded Quellmark?", "Ada Voss.", "Where is Vendrick Tools based?", "In Plaskow.",
      "When was it founded?"), "When was Vendrick Tools founded?", "Vendrick Tools"),
])  # fmt: skip
def test_follow_ups_carry_their_antecedent(turns, query, antecedent):
    r = standalone(conversation(*turns))
    assert (r.query, r.antecedent) == (query, antecedent)
    assert r.turns == (len(turns) - 1) // 2 and r.changed


@pytest.mark.parametrize("turns", [
    ("What is the Zorblax project launch code?",),  # a first question
    ("What does Quellmark make?", "The Quibble 9.", "What about Vendrick Tools?"),  # its own name
    ("What does Quellmark make?", "The Quibble 9.", "Where do visitors park?"),  # self-contained
    ("What does Quellmark make?", "The Quibble 9.", "Is Zorblax late and is it over budget?"),
])  # fmt: skip
def test_standalone_questions_stay_as_they_are(turns):
    r = standalone(conversation(*turns))
    assert r.query == turns[-1] and not r.changed and r.antecedent == ""


def test_system_messages_and_content_parts_do_not_confuse_the_rewrite():
    msgs = [{"role": "system", "content": "Be brief."}, *conversation(
        "Who founded Quellmark?", "Ada Voss.", "When was it founded?")]  # fmt: skip
    assert standalone(msgs).query == "When was Quellmark founded?"
    assert standalone([{"role": "assistant", "content": "hi"}]).query == ""


@pytest.mark.parametrize("extra, param", [
    ({"tools": [{"type": "function", "function": {"name": "f", "parameters": {}}}]}, "tools"),
    ({"functions": [{"name": "f"}]}, "functions"),
    ({"tool_choice": "required"}, "tool_choice"),
    ({"response_format": {"type": "json_object"}}, "response_format"),
    ({"response_format": {"type": "json_schema", "json_schema": {"name": "x", "schema": {}}}}, "response_format"),
    ({"n": 3}, "n"),
    ({"logprobs": True}, "logprobs"),
    ({"top_p": 0.5}, "top_p"),
    ({"presence_penalty": 1.0}, "presence_penalty"),
    ({"modalities": ["text", "audio"]}, "modalities"),
    ({"no_such_parameter": 1}, "no_such_parameter"),
])  # fmt: skip
def test_parameters_that_are_not_served_are_named(extra, param):
    req = RagChatRequest.model_validate({"model": "rag", "messages": [{"role": "user", "content": "q"}], **extra})
    name, why = req.unserved()
    assert name == param and why


def test_neutral_and_bookkeeping_parameters_are_accepted():
    body = {"model": "rag", "messages": [{"role": "user", "content": "q"}], "n": 1, "top_p": 1,
            "tool_choice": "none", "seed": 7, "user": "u", "store": False, "metadata": {"a": "b"},
            "response_format": {"type": "text"}, "collection": "c", "filters": {"field": "x", "eq": 1},
            "temperature": None, "stream": None}  # fmt: skip
    assert RagChatRequest.model_validate(body).unserved() is None


def test_any_conversation_rewrites_without_crashing():
    """Generated conversations (any text, any roles, including None content): a rewrite
    always comes back, and a first question is never changed."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    message = st.fixed_dictionaries({"role": st.sampled_from(["user", "assistant", "system", "tool"]),
                                     "content": st.one_of(st.none(), st.text(max_size=80))})  # fmt: skip

    @settings(max_examples=300, deadline=None)
    @given(st.lists(message, max_size=6))
    def check(messages):
        r = standalone(messages)
        assert isinstance(r.query, str)
        users = [m for m in messages if m["role"] == "user"]
        if len(users) == 1:
            assert r.query == (users[0]["content"] or "")

    check()
