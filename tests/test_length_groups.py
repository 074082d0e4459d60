"""The int8 backend's split of a batch by prompt length (`models.ct2.length_groups`): a
partition into runs of neighbouring lengths, never over the batch size, never costlier (by its
own cost model) than fixed chunks of the sorted prompts, which is what it replaced."""

from hypothesis import given
from hypothesis import strategies as st

from ragtune.models.ct2 import batch_cost, length_groups

lengths_st = st.lists(st.integers(1, 600), min_size=1, max_size=40)


@given(lengths_st, st.integers(1, 64), st.integers(1, 48))
def test_groups_partition_the_prompts_in_length_order(lengths, new_tokens, batch_size):
    groups = length_groups(lengths, new_tokens, batch_size)
    assert sorted(i for g in groups for i in g) == list(range(len(lengths)))
    assert all(1 <= len(g) <= batch_size for g in groups)
    for a, b in zip(groups, groups[1:]):
        assert max(lengths[i] for i in a) <= min(lengths[i] for i in b)


@given(lengths_st, st.integers(1, 64), st.integers(1, 48))
def test_split_costs_no_more_than_fixed_chunks(lengths, new_tokens, batch_size):
    def cost(groups):
        return sum(batch_cost([lengths[i] for i in g], new_tokens) for g in groups)

    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    chunks = [order[k : k + batch_size] for k in range(0, len(order), batch_size)]
    assert cost(length_groups(lengths, new_tokens, batch_size)) <= cost(chunks) + 1e-6


@given(st.integers(1, 600), st.integers(1, 100), st.integers(1, 32))
def test_equal_lengths_fill_whole_batches(length, n, batch_size):
    groups = length_groups([length] * n, 24, batch_size)
    assert len(groups) == -(-n // batch_size)


def test_a_wide_spread_is_split():
    # 8 short prompts and 8 much longer ones: one batch would step through ~400 tokens
    # one at a time for every row
    groups = length_groups([100] * 8 + [500] * 8, 24, 16)
    assert sorted(len(g) for g in groups) == [8, 8]
