"""Invented names from a syllable generator: clearly fictional, unique, deterministic per rng.

Every name token (a stem) is used once in a world, except where a look-alike is wanted on
purpose (two companies sharing a stem, two people sharing a surname), so that a whole-token
match of one name can never be satisfied by another name.
"""

from __future__ import annotations

import random

ONSETS = [
    "b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "qu", "r",
    "s", "st", "t", "tr", "v", "z", "th", "sh",
]  # fmt: skip
NUCLEI = ["a", "e", "i", "o", "u", "a", "e", "o", "ae", "ei"]
INNER_CODAS = ["", "", "", "", "n", "r", "l"]  # inside a word: mostly open syllables
FINAL_CODAS = ["", "", "n", "r", "l", "s", "th", "x", "nd", "rn", "ll", "sk", "v"]
CITY_ENDINGS = ["holm", "vik", "burg", "stad", "mere", "wick", "dal", "port", "ness", "by"]
# Short English words a syllable could spell; a stem equal to one is skipped.
_AVOID = {
    "the", "and", "sale", "made", "make", "maker", "name", "data", "more", "less", "late",
    "tone", "line", "more", "mine", "bore", "tale", "here", "there", "where", "store",
    "stone", "sure", "pure", "home", "hole", "role", "pole", "rose", "nose", "lime",
}  # fmt: skip


class NameForge:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()  # lower-case stems; only membership is ever read

    def _syllable(self, final: bool) -> str:
        r = self.rng
        return r.choice(ONSETS) + r.choice(NUCLEI) + r.choice(FINAL_CODAS if final else INNER_CODAS)

    def stem(self, syllables: tuple[int, int] = (2, 3), ending: str = "") -> str:
        """A new capitalised word of 2-3 syllables, never returned before in this world."""
        for _ in range(10_000):
            n = self.rng.randint(*syllables)
            word = "".join(self._syllable(i == n - 1) for i in range(n)) + ending
            low = word.lower()
            if not 4 <= len(low) <= 10 or low in self.used or low in _AVOID:
                continue
            if "quu" in low or any(a == b == c for a, b, c in zip(low, low[1:], low[2:])):
                continue  # "Varrrn"
            self.used.add(low)
            return word.capitalize()
        raise RuntimeError("name space exhausted")  # pragma: no cover

    def reserve(self, word: str) -> None:
        self.used.add(word.lower())


def slug(name: str) -> str:
    out = []
    for ch in name.lower():
        out.append(ch if ch.isalnum() else "-")
    return "-".join(part for part in "".join(out).split("-") if part)
