"""Per-language lexicons compiled once per pack, and the matching view of a document.

Why one module: every extractor (organisations, people, events, relations)
looks words up in the pack's YAML files the same way — longest form first, at
a given position or anywhere — so the lists are compiled into one alternation
regex per category and cached on the pack code.

Latin-script packs match on a *view* of the text that is ASCII-folded and lower
cased character by character, so it keeps the offsets of the normalised text
("Tỉnh ủy", "Tỉnh uỷ" and "tinh uy" all match the form "tinh uy"). Khmer and
Thai match on the text itself, and a match may not end inside a syllable (a
dependent vowel or sign must not follow).

Example:
    >>> from graph.text import prepare
    >>> doc = prepare("Tỉnh ủy Yên Bái", "vi")
    >>> view(doc)
    'tinh uy yen bai'
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from graph import wordscan
from graph.lang import LanguagePack, load_pack
from graph.text import TextDoc, fold

# A Khmer or Thai match must not stop before a dependent vowel, sign or coeng.
_NO_CONTINUE = {
    "Khmr": "[\u17b4-\u17d3\u17dd]",
    "Thai": "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]",
}


@dataclass(frozen=True)
class Entry:
    """One lexicon key with its attributes (``key`` is the English-side concept: "provincial", "secretary")."""

    key: str
    attrs: tuple[tuple[str, Any], ...] = ()

    def get(self, name: str, default: Any = None) -> Any:
        for k, v in self.attrs:
            if k == name:
                return v
        return default


def _fold_char(ch: str) -> str:
    f = fold(ch).lower()
    return f if len(f) == 1 else ch.lower()


class _FoldTable(dict[int, str]):
    """``str.translate`` table of :func:`_fold_char`, filled on first sight of each character.

    Why: folding a 15 KB article character by character in Python costs milliseconds; a translate
    table does it in C, and a document rarely holds more than a few hundred distinct characters.
    """

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold_view(text: str) -> str:
    """Fold and lower ``text`` one character at a time, so offsets stay those of ``text``."""
    return text.translate(_FOLD_TABLE)


def view(doc: TextDoc) -> str:
    """The string lexicon regexes run on: folded for Latin script, the text itself otherwise."""
    cached = getattr(doc, "_lexview", None)
    if cached is None:
        cached = fold_view(doc.text) if doc.pack.spaces_between_words else doc.text
        doc._lexview = cached  # type: ignore[attr-defined]
    return cached


# Views shorter than this are scanned by the regex itself: the fast path's set-up would cost more.
_INDEX_MIN = 2000
# A word character right after a character that is neither a word character nor a space.
_OTHER_START = re.compile(r"[^\w ]\w")
_FIRST_IS_WORD = re.compile(r"\w")


class _OtherStarts:
    """Where the words of one Latin view start that do not follow a space, found once per view.

    Why: a Latin form matches only at the start of a word. Nearly every word follows a space, and a
    regex that begins with a literal space is scanned far faster by the engine than one that begins
    with a look-behind; the few other word starts (after a line break, a bracket or a dash) are kept
    here and tried one by one.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [m.start() + 1 for m in _OTHER_START.finditer(text)]
        if text[:1] and _FIRST_IS_WORD.match(text):
            self.starts.insert(0, 0)


_RECENT: list[_OtherStarts] = []  # the last few views (the stages of one document share one view)


def _other_starts(text: str) -> list[int]:
    """:attr:`_OtherStarts.starts` of ``text``, reused while the same string object is scanned."""
    for found in _RECENT:
        if found.text is text:
            return found.starts
    found = _OtherStarts(text)
    _RECENT[:] = [found, *_RECENT[:3]]
    return found.starts


class Category:
    """The compiled forms of one category: ``match`` at a position, ``finditer`` over a view."""

    def __init__(self, forms: dict[str, Entry], latin: bool, script: str,
                 strict: dict[str, frozenset[str]] | None = None) -> None:
        self.forms = forms
        self.form_tuple = tuple(forms)  # for str.startswith / str.endswith, which test a tuple in C
        self.strict = strict or {}
        if not forms:
            self.regex = None
            return
        # when every Latin form starts with a word character, the same forms after a space (see _OtherStarts)
        self.after_space: re.Pattern[str] | None = None
        if latin and all(_FIRST_IS_WORD.match(f) for f in forms):
            self.after_space = re.compile(" " + wordscan.alternation(forms) + r"(?![\w])")
        # longest form first, as a trie (wordscan.alternation): same matches, far fewer branches tried
        if latin:
            pattern = wordscan.alternation(forms, word_start=True) + r"(?![\w])"
        else:
            tail = _NO_CONTINUE.get(script)
            pattern = wordscan.alternation(forms) + (f"(?!{tail})" if tail else "")
        self.regex = re.compile(pattern)

    def _ok(self, m: re.Match[str], original: str | None) -> bool:
        """A one-word Vietnamese form must match with its diacritics ("Báo" is not "Bảo")."""
        return self._ok_span(m.start(), m.end(), m.group(), original)

    def _ok_span(self, start: int, end: int, form: str, original: str | None) -> bool:
        allowed = self.strict.get(form)
        return allowed is None or original is None or original[start:end].lower() in allowed

    def match(self, text: str, pos: int, original: str | None = None) -> tuple[int, Entry] | None:
        if self.regex is None:
            return None
        m = self.regex.match(text, pos)
        return (m.end(), self.forms[m.group()]) if m and self._ok(m, original) else None

    def finditer(self, text: str, start: int = 0, end: int | None = None,
                 original: str | None = None) -> Iterator[tuple[int, int, Entry]]:
        if self.regex is None:
            return
        stop = len(text) if end is None else end
        if self.after_space is None or len(text) < _INDEX_MIN:
            forms = self.forms
            if not self.strict or original is None:  # every match is kept (see _ok_span): no test per match
                for m in self.regex.finditer(text, start, stop):
                    yield m.start(), m.end(), forms[m.group()]
                return
            for m in self.regex.finditer(text, start, stop):
                if self._ok(m, original):
                    yield m.start(), m.end(), forms[m.group()]
            return
        yield from self._scan_words(text, start, stop, original)

    def _scan_words(self, text: str, start: int, stop: int,
                    original: str | None) -> Iterator[tuple[int, int, Entry]]:
        """Exactly the matches of ``regex.finditer(text, start, stop)``, for Latin forms that start with a word.

        A match starts where a word does: either after a space, where ``after_space`` finds it (the
        same forms, tried in the same order, so the same match), or at one of the few other word
        starts, where ``regex`` is tried. Each search resumes after the end of the last match, as
        ``finditer`` does.
        """
        assert self.regex is not None and self.after_space is not None
        match, search = self.regex.match, self.after_space.search
        check = original if self.strict else None  # None: every match is kept (see _ok_span)
        others = _other_starts(text)
        k = bisect_left(others, start)
        pos = start
        spaced: re.Match[str] | None = None  # the first match after a space that starts at or after pos
        nxt = -1  # where it starts (stop when there is none)
        while pos < stop:
            if nxt < pos:
                spaced = search(text, max(pos - 1, 0), stop)
                nxt = spaced.start() + 1 if spaced is not None else stop
            while k < len(others) and others[k] < pos:
                k += 1
            if k < len(others) and others[k] < nxt:
                m = match(text, others[k], stop)
                k += 1
                if m is None:
                    continue
                s, e, form = m.start(), m.end(), m.group()
            elif spaced is not None:
                s, e, form = nxt, spaced.end(), spaced.group()[1:]
            else:
                return
            pos = e
            if check is None or self._ok_span(s, e, form, original):
                yield s, e, self.forms[form]


class Lexicon:
    """All categories of one pack's data file: ``lexicon(pack, "roles").get("roles")``."""

    def __init__(self, pack: LanguagePack, data: dict[str, Any]) -> None:
        self.latin = pack.spaces_between_words
        self.script = str(pack.meta.get("script", ""))
        self.spellings = [(self._norm(str(a)), self._norm(str(b)))
                          for a, b in pack.meta.get("spelling_variants", []) or []]
        self.categories: dict[str, Category] = {}
        self.raw = data
        self._words: dict[str, tuple[str, ...]] = {}
        self._word_regexes: dict[str, re.Pattern[str] | None] = {}
        for cat, value in data.items():
            if isinstance(value, dict):
                forms = self._forms(value)
                self.categories[cat] = Category(forms, self.latin, self.script, self._strict(value))

    def _norm(self, form: str) -> str:
        return fold_view(form) if self.latin else form

    def _forms(self, value: dict[str, Any]) -> dict[str, Entry]:
        """``{key: [forms]}`` or ``{key: {forms: [...], attr: value}}`` to a form → Entry map."""
        out: dict[str, Entry] = {}
        for key, spec in value.items():
            if isinstance(spec, dict):
                forms = spec.get("forms", [])
                attrs = tuple(sorted((k, v if not isinstance(v, list) else tuple(v))
                                     for k, v in spec.items() if k != "forms"))
            else:
                forms, attrs = spec or [], ()
            entry = Entry(str(key), attrs)
            for form in forms:
                for variant in self._variants(self._norm(str(form))):
                    out.setdefault(variant, entry)
        return out

    def _variants(self, form: str) -> list[str]:
        """A form and its other spellings (``meta.yaml`` ``spelling_variants``: "organisation" and
        "organization"), so a pack lists each word once while texts write it either way."""
        out = [form]
        for a, b in self.spellings:
            for f in list(out):
                for x, y in ((a, b), (b, a)):
                    if x in f and f.replace(x, y) not in out:
                        out.append(f.replace(x, y))
        return out

    def _strict(self, value: dict[str, Any]) -> dict[str, frozenset[str]]:
        """One-word Latin forms that carry diacritics, with their accepted spellings."""
        out: dict[str, set[str]] = {}
        if not self.latin:
            return {}
        for spec in value.values():
            forms = spec.get("forms", []) if isinstance(spec, dict) else spec or []
            for form in map(str, forms):
                if " " not in form and fold_view(form) != form.lower():
                    out.setdefault(fold_view(form), set()).add(form.lower())
        return {k: frozenset(v) for k, v in out.items()}

    def get(self, category: str) -> Category:
        return self.categories.get(category) or _EMPTY

    def words(self, category: str) -> list[str]:
        """A plain list category (``of: [...]``) as normalised forms (normalised once per lexicon)."""
        words = self._words.get(category)
        if words is None:
            value = self.raw.get(category) or []
            words = self._words[category] = tuple(
                w for v in value for w in self._variants(self._norm(str(v)))) if isinstance(value, list) else ()
        return list(words)

    def word_regex(self, category: str) -> re.Pattern[str] | None:
        """The words of a list category as one regex, longest first (compiled once per lexicon)."""
        if category not in self._word_regexes:
            words = self.words(category)
            self._word_regexes[category] = None if not words else re.compile(
                wordscan.alternation(words, word_start=True) + r"(?![\w])" if self.latin
                else wordscan.alternation(words))
        return self._word_regexes[category]


_EMPTY = Category({}, True, "")


def starts_any(categories: Sequence[Category]) -> Callable[[str, int], bool]:
    """Whether any of ``categories`` matches at a position of a view, as ``any(c.match(view, pos) ...)``.

    Why: name runs test every capitalised word against several categories; the alternation of their
    regexes answers in one call what one call per category answers.
    """
    return _starts_any(tuple(categories))


@lru_cache(maxsize=256)
def _starts_any(categories: tuple[Category, ...]) -> Callable[[str, int], bool]:
    patterns = [c.regex.pattern for c in categories if c.regex is not None]
    if not patterns:
        return lambda view, pos: False
    match = re.compile("|".join(f"(?:{p})" for p in patterns)).match
    return lambda view, pos: match(view, pos) is not None


@cache
def _lexicon(code: str, name: str) -> Lexicon:
    pack = load_pack(code)
    return Lexicon(pack, pack.data(name, {}) or {})


def lexicon(pack: LanguagePack, name: str) -> Lexicon:
    """The compiled ``graph/lang/<code>/<name>.yaml`` of ``pack`` (cached per pack and file)."""
    return _lexicon(pack.code, name)
