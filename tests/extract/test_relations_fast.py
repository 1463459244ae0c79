"""The relation linker's reference lookup must return what a filter of every reference returns."""

from __future__ import annotations

import random

from graph.extract.relations import _Linker, _Ref
from graph.text import prepare


def test_starting_in_is_the_filter_of_every_reference() -> None:
    rng = random.Random(3)
    linker = _Linker(prepare("The committee issued Resolution 12 and implemented it.", "en"), [], [])
    for _ in range(300):
        refs = [_Ref(rng.randrange(60), rng.randrange(60), f"R{i}") for i in range(rng.randint(0, 12))]
        if rng.random() < 0.5:
            refs.sort()
        for _ in range(10):
            lo = rng.randrange(-5, 65)
            hi = lo + rng.randrange(0, 30)
            assert linker._starting_in(refs, lo, hi) == [r for r in refs if lo <= r.start < hi]
