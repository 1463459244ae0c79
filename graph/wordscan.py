"""``finditer`` for case-insensitive regexes that begin with a fixed word, without walking the whole text.

Why: the place grammar compiles one case-insensitive regex per type word
("phường", "thị xã", "Province", ...) and runs each over the whole article.
Python's engine cannot skip ahead in a case-insensitive pattern that starts
with a look-behind, so every run tries a match at every character. Here the
text is lowered once, character for character, the way the engine compares
characters (its simple lower case, with the characters it treats as equal,
such as "ſ" and "s", mapped to one), each word is found with ``str.find``,
and the regex is tried only where its word occurs. A match can start nowhere
else, so the matches are exactly those of ``regex.finditer(text)``.

Example:
    >>> import re
    >>> regex = re.compile(r"(?<![\\w])phường[ \\t]*", re.IGNORECASE)
    >>> text = "PHƯỜNG Ba Đình, phường Kim Mã, tânphường"
    >>> [m.span() for m in Scanner(text).finditer(regex, "phường")]
    [(0, 7), (16, 23)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

try:  # the engine's own case rules; without them every search falls back to a plain finditer
    from _sre import unicode_tolower as _tolower
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - another Python implementation
    _tolower = None  # type: ignore[assignment]
    _EXTRA_CASES = {}


def _classes_ok() -> bool:
    """The engine's extra cases must form equivalence classes for one representative per class to exist."""
    return all(set((k, *v)) == set((o, *_EXTRA_CASES.get(o, ()))) for k, v in _EXTRA_CASES.items() for o in v)


_ENABLED = _tolower is not None and _classes_ok()


class _LowerTable(dict[int, str]):
    """``str.translate`` table: each character to the representative of the characters it matches."""

    def __missing__(self, code: int) -> str:
        low = _tolower(code)
        value = self[code] = chr(min((low, *_EXTRA_CASES.get(low, ()))))
        return value


class _SafeTable(dict[str, bool]):
    """Characters that ``str.lower`` maps to their representative too (most of them; not "ſ", "İ" or "Σ")."""

    def __missing__(self, ch: str) -> bool:
        value = self[ch] = ch.lower() == _TABLE[ord(ch)]
        return value


_TABLE = _LowerTable()
_SAFE = _SafeTable()


def lower(text: str) -> str:
    """``text`` lowered character for character (same length and offsets), as the regex engine compares it.

    ``str.lower`` (fast) when every distinct character of ``text`` lowers to its representative, which
    is the rule for ordinary text; a character-by-character translation otherwise.
    """
    if not _ENABLED:
        return text
    if all(_SAFE[ch] for ch in set(text)):
        return text.lower()
    return text.translate(_TABLE)


@lru_cache(maxsize=4096)
def _needle(word: str) -> tuple[str, bool]:
    """What to look for where ``word`` may match, and whether in the lowered text.

    The longest start of ``word`` whose characters have no case (Khmer, Thai, digits) is looked for as
    written, in the text itself; a word that starts with a cased character, lowered, in the lowered text.
    """
    n = 0
    while n < len(word) and word[n].lower() == word[n] == word[n].upper():
        n += 1
    return (word[:n], False) if n else (lower(word), True)


class Scanner:
    """One text and, computed on first need, its lowered form; :meth:`finditer` searches it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lowered: str | None = None
        self._digits: list[int] | None = None
        self._runs: list[int] | None = None
        self._starts: dict[tuple[tuple[str, ...], bool, bool], list[int]] = {}  # patterns share their words
        self._positions: dict[str, list[int]] = {}

    @property
    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = lower(self.text)
        return self._lowered

    def positions(self, word: str) -> list[int]:
        """Every position where ``word`` may begin a case-insensitive match (a superset of the true ones).

        See :func:`_needle`.
        """
        found = self._positions.get(word)
        if found is None:
            self.prefetch((word,))
            found = self._positions[word]
        return found

    def prefetch(self, words: Iterable[str]) -> None:
        """Find the :meth:`positions` of many words at once.

        One ``str.find`` pass per word is fast for a few words; for many, one regex of them all (a trie,
        which the engine scans quickly) finds every position where one starts, and each word is then
        tested there with ``str.startswith``.
        """
        groups: dict[bool, dict[str, list[str]]] = {False: {}, True: {}}  # in the lowered text? needle: words
        for word in words:
            if word not in self._positions:
                key, lowered = _needle(word)
                groups[lowered].setdefault(key, []).append(word)
        for lowered, needles in groups.items():
            if not needles:
                continue
            haystack = self.lowered if lowered else self.text
            found = _find_all(haystack, tuple(needles))
            for key, same in needles.items():
                for word in same:
                    self._positions[word] = found[key]

    @property
    def digits(self) -> list[int]:
        """Positions of the characters ``\\d`` matches (any script's decimal digits)."""
        if self._digits is None:
            self._digits = [i for m in _DIGITS.finditer(self.text) for i in range(m.start(), m.end())]
        return self._digits

    @property
    def digit_runs(self) -> list[int]:
        """Where the runs of ``\\d`` characters start."""
        if self._runs is None:
            self._runs = [m.start() for m in _DIGITS.finditer(self.text)]
        return self._runs

    def finditer(self, regex: re.Pattern[str], word: str) -> Iterator[re.Match[str]]:
        """Exactly ``regex.finditer(text)``, for a regex (case-insensitive or not) whose matches begin with ``word``."""
        return self.finditer_from(regex, (word,))

    def finditer_from(self, regex: re.Pattern[str], words: Iterable[str], digits: bool = False,
                      digit_runs: bool = False) -> Iterator[re.Match[str]]:
        """Exactly ``regex.finditer(text)``, for a regex whose every match begins with one of ``words``
        (compared as the regex's flags say) or, when ``digits``, with a digit.

        ``digit_runs`` says a match never begins right after a digit (the regex looks behind for one,
        as ``(?<![\\d/.-])`` does), so only the first digit of each run is tried.
        """
        words = tuple(words)
        if not _ENABLED or "" in words:
            yield from regex.finditer(self.text)
            return
        starts = self._starts.get((words, digits, digit_runs))
        if starts is None:
            found = set((self.digit_runs if digit_runs else self.digits) if digits else ())
            self.prefetch(words)
            for word in words:
                found.update(self.positions(word))
            starts = self._starts[(words, digits, digit_runs)] = sorted(found)
        text = self.text
        end = 0
        for pos in starts:
            if pos >= end:
                m = regex.match(text, pos)
                if m:
                    yield m
                    end = m.end() if m.end() > pos else pos + 1


_DIGITS = re.compile(r"\d+")


def _find_all(haystack: str, needles: tuple[str, ...]) -> dict[str, list[int]]:
    """Every position of each needle in ``haystack`` (overlapping ones included)."""
    found: dict[str, list[int]] = {key: [] for key in needles}
    if len(needles) < 4 or "" in needles:
        for key in needles:
            out = found[key]
            pos = haystack.find(key)
            while pos >= 0:
                out.append(pos)
                pos = haystack.find(key, pos + 1)
        return found
    regex, by_first = _needles_regex(needles)
    m = regex.search(haystack)
    while m:
        pos = m.start()
        for key in by_first[haystack[pos]]:
            if haystack.startswith(key, pos):
                found[key].append(pos)
        m = regex.search(haystack, pos + 1)
    return found


@lru_cache(maxsize=256)
def _needles_regex(needles: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """A regex that matches where one of ``needles`` starts, and the needles by first character."""
    by_first: dict[str, list[str]] = {}
    for key in needles:
        by_first.setdefault(key[0], []).append(key)
    return re.compile(alternation(needles)), {k: tuple(v) for k, v in by_first.items()}


def scanner(doc: Any) -> Scanner:
    """The :class:`Scanner` of a document's ``text``, made once per document: the stages share its lowered text."""
    found = getattr(doc, "_wordscan", None)
    if found is None or found.text is not doc.text:
        found = Scanner(doc.text)
        doc._wordscan = found
    return found


def finditer(regex: re.Pattern[str], word: str, text: str) -> Iterator[re.Match[str]]:
    """:meth:`Scanner.finditer` on a text searched once."""
    return Scanner(text).finditer(regex, word)


def longest_first(words: Iterable[str]) -> str:
    """The regex alternative ``w1|w2|...`` of ``words``, escaped, longest first; ``(?!)`` (never) when empty.

    Longest first so that "tỉnh ủy" wins over "tỉnh" where both match; the pack's word lists become
    patterns this way everywhere (``alternation`` builds the equivalent trie for hot scans).
    """
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


def alternation(words: Iterable[str], word_start: bool = False) -> str:
    """A case-sensitive regex matching what ``(?:w1|w2|...)`` with the longest words first matches.

    Why: the engine tries the branches of an alternation one by one at every position; a trie of the
    words ("tinh(?: uy)?|thanh pho") tries one branch per distinct next character, and its first
    characters let the engine skip ahead to where a word can start. Of the words that match at a
    position (each a prefix of the next) the trie tries the longest first, as the sorted alternation
    does, so both match the same text. ``word_start`` adds ``(?<![\\w])`` before the words (placed after
    their first character, where it tests the same character and keeps the skipping possible).

    >>> print(alternation(["tinh", "tinh uy", "thanh pho"]))
    (?:t(?:hanh\\ pho|inh(?:\\ uy)?))
    >>> import re
    >>> [m.group() for m in re.finditer(alternation(["ab", "abc"], word_start=True), "abc xabc ab")]
    ['abc', 'ab']
    """
    words = set(words)
    if not words or "" in words:  # nothing to share: the plain form (an empty word matches everywhere)
        return (r"(?<![\w])" if word_start else "") + f"(?:{longest_first(words)})"
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(trie, word_start)


def _branches(node: dict[str, dict], word_start: bool = False) -> str:
    """The alternation of a trie node's children (a chain of single children written as one literal)."""
    alts = []
    for ch in sorted(c for c in node if c):
        branch = re.escape(ch) + (rf"(?<![\w]{re.escape(ch)})" if word_start else "")
        rest = node[ch]
        while len(rest) == 1 and "" not in rest:
            (nxt, rest), = rest.items()
            branch += re.escape(nxt)
        if any(rest):
            branch += _branches(rest)
        alts.append(branch)
    body = "(?:" + "|".join(alts) + ")"
    return body + "?" if "" in node else body
