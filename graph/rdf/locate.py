"""Finding a mention in the source text when an extraction carries no evidence for it.

Why: gold files and some extractors give names without offsets, yet the graph
promises evidence for what it states. Names written in Latin script inside
Khmer or Thai text ("Cam Xuyen", "Tran Duc Thang") and document codes (also
in Khmer or Thai digits: "២១ - NQ/TW") can be found again. Matches are
exact; nothing is guessed. Every located evidence carries the rule
``locate``, so it is never mistaken for the extractor's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from graph.iris import parse_code
from graph.model import Evidence

RULE = "locate"
MAX_MENTIONS = 5

# Khmer and Thai digits → ASCII and đ → d, one code point for one, so offsets survive.
_FOLD = str.maketrans({**{chr(0x17E0 + i): str(i) for i in range(10)},
                       **{chr(0x0E50 + i): str(i) for i in range(10)}, "Đ": "D", "đ": "d"})
_SENTENCE_END = re.compile(r"[\u17d4\u17d5!?\n]|\.(?=\s)")
_SEP = r"\s*[-/\u2010-\u2015\u2212]\s*"


@lru_cache(maxsize=4)
def _folded(text: str) -> str:
    """The text with digits and đ folded; cached, as one article is searched for every entity it names."""
    return text.translate(_FOLD)


def _code_pattern(code: str) -> re.Pattern[str] | None:
    parts = parse_code(code)
    if parts is None:
        return None
    tokens = [rf"0*{parts.number}"]
    if parts.year:
        tokens.append(str(parts.year))
    tokens += [re.escape(t) for t in [parts.type, *parts.issuer.split("-")]]
    return re.compile(r"(?<![0-9A-Za-z])" + _SEP.join(tokens) + r"(?![A-Za-z0-9])", re.IGNORECASE)


def _name_pattern(name: str) -> re.Pattern[str] | None:
    name = name.strip()
    if len(name) < 3:
        return None
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding ``text[start:end]`` (Khmer ។ ៕, ``.`` before space, line ends)."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    right = m.end() if m else len(text)
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def spans(text: str, forms: Iterable[str], codes: Iterable[str] = ()) -> list[tuple[int, int]]:
    """All non-overlapping spans of ``forms`` (exact) and ``codes`` (any spelling), in text order."""
    folded = _folded(text)
    patterns = [p for p in (*map(_name_pattern, forms), *map(_code_pattern, codes)) if p is not None]
    found = sorted({(m.start(), m.end()) for p in patterns for m in p.finditer(folded)},
                   key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    for start, end in found:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def _evidence(text: str, start: int, end: int) -> Evidence:
    left, right = sentence_span(text, start, end)
    return Evidence(text[left:right], start, end, RULE)


def locate_mentions(text: str, forms: Iterable[str], codes: Iterable[str] = (),
                    limit: int = MAX_MENTIONS) -> list[Evidence]:
    """Evidence for up to ``limit`` mentions of an entity."""
    return [_evidence(text, s, e) for s, e in spans(text, forms, codes)[:limit]]


def locate_relation(text: str, subject_forms: Iterable[str], object_forms: Iterable[str],
                    object_codes: Iterable[str] = ()) -> list[Evidence]:
    """Evidence for a relation: the object's mention, in a sentence that also names the subject.

    Only a sentence where both are found, at different places, counts; the span is
    the object's mention (the document code, for ``implements``).
    """
    subjects = spans(text, subject_forms)
    for start, end in spans(text, object_forms, object_codes):
        left, right = sentence_span(text, start, end)
        if any(left <= s and e <= right and (e <= start or s >= end) for s, e in subjects):
            return [_evidence(text, start, end)]
    return []
