"""Span tests that extractors ask many times of one set of spans, answered by lookup instead of a scan.

Why: a role word is skipped when it lies inside an organisation's name, and asking
``any(a < s < b or (a == s and e <= b) for a, b in spans)`` for every role word costs
roles x organisations comparisons per article; sorted starts with the running maximum
of their ends answer the same question with one binary search.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from itertools import accumulate


def inside_any(spans: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test ``inside(s, e)``: whether some span ``(a, b)`` has ``a < s < b``, or ``a == s`` and ``e <= b``.

    >>> inside = inside_any([(0, 10), (20, 25)])
    >>> inside(5, 30), inside(20, 24), inside(20, 26), inside(12, 14)
    (True, True, False, False)
    """
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    reach = list(accumulate((b for _, b in ordered), max))  # the furthest end of the spans up to each
    longest: dict[int, int] = {}
    for a, b in ordered:
        longest[a] = b  # sorted: the last span starting at a ends furthest

    def inside(s: int, e: int) -> bool:
        i = bisect_left(starts, s)  # the spans before i start before s
        return (i > 0 and reach[i - 1] > s) or longest.get(s, e - 1) >= e

    return inside
