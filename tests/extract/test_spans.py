"""inside_any must answer what the scan of every span it replaces answers."""

from __future__ import annotations

import random

from graph.extract.spans import inside_any


def test_inside_any_as_a_scan_of_every_span() -> None:
    rng = random.Random(3)
    for _ in range(500):
        spans = [(a, a + rng.randint(0, 12)) for a in (rng.randint(0, 60) for _ in range(rng.randint(0, 12)))]
        inside = inside_any(spans)
        for s in range(-1, 75):
            for e in range(s, s + 15):
                assert inside(s, e) == any(a < s < b or (a == s and e <= b) for a, b in spans), (spans, s, e)
