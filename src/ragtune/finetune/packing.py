"""Tokenised examples packed into rows that keep examples apart.

Each example becomes (prefix, tail): the prefix is its system turn as the chat template
renders it (the same for every closed-book example, and for every RAFT example), the tail
everything after it, with labels on the answer tokens and the end-of-turn token only.

A row holds one prefix and the tails of several examples that share it. The attention mask
is block-diagonal: every token sees the prefix and the earlier tokens of its own example,
never another example; position ids restart after the prefix for each example. So each
example is computed exactly as if it were alone, with its full prompt (`tests` check the
logits match), while the shared system turn is computed once per row instead of once per
example, and no row is padded except to the longest row of its batch.
Continued-pretraining text has an empty prefix and labels on every token.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Sequence

from ragtune.finetune.data import Example
from ragtune.models.generation import as_messages

IGNORE = -100


@dataclass
class Tokenized:
    prefix: tuple[int, ...]
    tail: list[int]
    labels: list[int]  # same length as tail; IGNORE where no loss
    full_tokens: int  # tokens the example would take alone (prefix + tail)


@dataclass
class Row:
    prefix: tuple[int, ...]
    tails: list[Tokenized]

    @property
    def length(self) -> int:
        return len(self.prefix) + sum(len(t.tail) for t in self.tails)


def prompt_text(tokenizer: Any, user: str, system: str) -> str:
    """The exact text a generator renders for (system, user): the chat template, assistant open."""
    return tokenizer.apply_chat_template(
        as_messages(user, system), tokenize=False, add_generation_prompt=True
    )


def end_of_turn_id(tokenizer: Any) -> int:
    return int(tokenizer.eos_token_id)


def text_end_id(tokenizer: Any) -> int:
    """The document separator for continued-pretraining text (<|endoftext|> when it exists)."""
    tid = tokenizer.convert_tokens_to_ids("<|endoftext|>")
    if isinstance(tid, int) and tid != tokenizer.unk_token_id and tid is not None:
        return tid
    return end_of_turn_id(tokenizer)


class ExampleTokenizer:
    def __init__(self, tokenizer: Any):
        self.tok = tokenizer
        self._prefix: dict[str, tuple[int, ...]] = {}
        self.eot = end_of_turn_id(tokenizer)
        self.eod = text_end_id(tokenizer)

    def _ids(self, text: str) -> list[int]:
        return self.tok(text, add_special_tokens=False).input_ids

    def system_prefix(self, system: str) -> tuple[int, ...]:
        """The ids of the system turn, when every prompt with this system starts with them."""
        if system not in self._prefix:
            turn = self.tok.apply_chat_template(
                [{"role": "system", "content": system}], tokenize=False
            )
            ids = self._ids(turn)
            full = self._ids(prompt_text(self.tok, "x", system))
            ok = bool(ids) and len(full) > len(ids) and full[: len(ids)] == ids
            self._prefix[system] = tuple(ids) if ok else ()
        return self._prefix[system]

    def __call__(self, e: Example) -> Tokenized:
        if e.kind == "text":
            ids = self._ids(e.answer) + [self.eod]
            return Tokenized((), ids, list(ids), len(ids))
        prompt = self._ids(prompt_text(self.tok, e.user, e.system))
        answer = self._ids(e.answer) + [self.eot]
        prefix = self.system_prefix(e.system)
        if prefix and tuple(prompt[: len(prefix)]) != prefix:
            prefix = ()
        tail = prompt[len(prefix) :] + answer
        labels = [IGNORE] * (len(prompt) - len(prefix)) + answer
        return Tokenized(prefix, tail, labels, len(prompt) + len(answer))


def pack(items: Sequence[Tokenized], row_tokens: int, share_prefix: bool = True) -> list[Row]:
    """Next-fit packing in the given order; one open row per prefix. Long items get own rows."""
    rows: list[Row] = []
    open_rows: dict[tuple[int, ...], Row] = {}
    for it in items:
        prefix = it.prefix if share_prefix else ()
        item = it if share_prefix else Tokenized((), list(it.prefix) + it.tail,
                                                  [IGNORE] * len(it.prefix) + it.labels,
                                                  it.full_tokens)
        row = open_rows.get(prefix)
        if row is not None and row.length + len(item.tail) > row_tokens:
            rows.append(row)
            row = None
        if row is None:
            row = Row(prefix, [])
            open_rows[prefix] = row
        row.tails.append(item)
    rows.extend(r for r in open_rows.values() if r.tails)
    return rows


def epoch_rows(items: Sequence[Tokenized], row_tokens: int, epoch: int, seed: int,
               share_prefix: bool = True) -> list[Row]:
    """The rows of one epoch: examples shuffled by (seed, epoch), packed, rows shuffled."""
    rng = random.Random(f"ragtune-pack:{seed}:{epoch}")
    order = list(range(len(items)))
    rng.shuffle(order)
    rows = pack([items[i] for i in order], row_tokens, share_prefix)
    rng.shuffle(rows)
    return rows


@dataclass
class Batch:
    input_ids: Any  # (B, L) long
    position_ids: Any  # (B, L) long
    attention_mask: Any  # (B, 1, L, L) bool, True = may attend
    target_index: Any  # (N,) flat indices into B*L of positions whose next token is a label
    target_ids: Any  # (N,) the labels
    tokens: int  # non-padding tokens computed
    example_tokens: int  # tokens the examples would take unpacked (each with its full prompt)
    examples: int


def collate(rows: Sequence[Row], pad_id: int, device: Any = "cpu") -> Batch:
    import torch

    length = max(r.length for r in rows)
    B = len(rows)
    ids = torch.full((B, length), pad_id, dtype=torch.long)
    pos = torch.zeros((B, length), dtype=torch.long)
    seg = torch.full((B, length), -2, dtype=torch.long)  # -1 prefix, -2 padding, k example
    tgt_index: list[int] = []
    tgt_ids: list[int] = []
    tokens = example_tokens = examples = 0
    for b, row in enumerate(rows):
        p = len(row.prefix)
        if p:
            ids[b, :p] = torch.tensor(row.prefix)
            pos[b, :p] = torch.arange(p)
            seg[b, :p] = -1
        off = p
        for k, t in enumerate(row.tails):
            n = len(t.tail)
            ids[b, off : off + n] = torch.tensor(t.tail)
            pos[b, off : off + n] = torch.arange(p, p + n)
            seg[b, off : off + n] = k
            # position j predicts token j+1: a target when token j+1 is labelled, same example
            for j in range(n):
                if t.labels[j] != IGNORE:
                    src = off + j - 1
                    if j == 0:
                        if not p:
                            continue  # first token of a text row has nothing before it
                        src = p - 1  # predicted from the prefix's last token
                    tgt_index.append(b * length + src)
                    tgt_ids.append(t.labels[j])
            off += n
            example_tokens += t.full_tokens
            examples += 1
        tokens += off
    same = seg[:, :, None] == seg[:, None, :]
    to_prefix = (seg[:, None, :] == -1) & (seg[:, :, None] != -2)
    causal = torch.tril(torch.ones(length, length, dtype=torch.bool))
    mask = (same | to_prefix) & causal[None]
    mask |= torch.eye(length, dtype=torch.bool)[None]  # padding rows attend to themselves only
    return Batch(
        ids.to(device), pos.to(device), mask[:, None].to(device),
        torch.tensor(tgt_index, dtype=torch.long, device=device),
        torch.tensor(tgt_ids, dtype=torch.long, device=device),
        tokens, example_tokens, examples,
    )
