"""Text handling every extractor shares: normalise with an offset map, detect language, split sentences.

Why an offset map: evidence offsets must point into the decoded source text as
the publisher wrote it, while the extractors match against a normalised copy
(NFC, ASCII digits, one kind of dash). Every normalised character remembers the
original index it came from, so a span found in the copy maps straight back.

Example:
    >>> doc = prepare("លេខ ២១ - NQ/TW។")
    >>> doc.text
    'លេខ 21 - NQ/TW។'
    >>> doc.original_span(4, 6)
    (4, 6)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from graph.lang import LanguagePack, load_pack
from graph.model import Evidence

# Khmer (U+17E0..) and Thai (U+0E50..) digits, plus Khmer's divination digits, to ASCII.
_DIGITS = {**{0x17E0 + i: str(i) for i in range(10)}, **{0x0E50 + i: str(i) for i in range(10)},
           **{0x17F0 + i: str(i) for i in range(10)}}
_DASHES = {c: "-" for c in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212)}
_SPACES = {c: " " for c in (0x00A0, 0x2007, 0x202F, 0x3000)}
_ZERO_WIDTH = {0x200B, 0x200C, 0x200D, 0xFEFF, 0x2060}
_CHAR_MAP = {**_DIGITS, **_DASHES, **_SPACES}

_VI_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")
_VI_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def fold(text: str) -> str:
    """ASCII-fold a name: strip diacritics, đ→d (NFD does not decompose đ), keep case.

    >>> fold("Nguyễn Thị Thanh Huyền, Đảng ủy")
    'Nguyen Thi Thanh Huyen, Dang uy'
    """
    if text.isascii():
        return text  # nothing to fold (the common case for names already in ASCII)
    return _fold_name(text) if len(text) <= 80 else _fold(text)


@lru_cache(maxsize=65536)
def _fold_name(text: str) -> str:
    """:func:`_fold` memoised for name-sized strings, which recur within and across articles."""
    return _fold(text)


def _fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def fold_key(text: str) -> str:
    """A comparison key: folded, lower case, punctuation to spaces, single spaces."""
    return _WHITESPACE_RUN.sub(" ", _NON_WORD.sub(" ", fold(text).lower())).strip()


_NON_WORD = re.compile(r"[^\w]+")
_WHITESPACE_RUN = re.compile(r"\s+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class TextDoc:
    """A document ready for extraction: original text, normalised text, offsets and sentences."""

    original: str
    text: str
    offsets: Sequence[int]  # a range when normalising moved no character (see _normalise)
    lang: str
    pack: LanguagePack
    sentences: list[Sentence] = field(default_factory=list)
    # the original text of each sentence that evidence quotes, by its span: one string per sentence, whose
    # hash is then computed once however many evidence records (set members when merged) quote it
    _quoted: dict[tuple[int, int], str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the normalised text back to the original text."""
        return self.offsets[start], self.offsets[end]

    def sentence_at(self, pos: int) -> Sentence | None:
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if pos < s.start:
                hi = mid
            elif pos >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def evidence(self, start: int, end: int, rule: str = "") -> Evidence:
        """Evidence for a normalised span: the original sentence and original offsets."""
        o_start, o_end = self.original_span(start, end)
        sent = self.sentence_at(start)
        if sent is None:
            sentence = self.original[o_start:o_end]
        else:
            sentence = self._quoted.get((sent.start, sent.end))
            if sentence is None:
                s0, s1 = self.original_span(sent.start, sent.end)
                sentence = self._quoted[sent.start, sent.end] = self.original[s0:s1].strip()
        return Evidence(sentence=sentence, start=o_start, end=o_end, rule=rule)


def normalise(original: str) -> tuple[str, list[int]]:
    """NFC per character cluster, ASCII digits and dashes, no zero-width characters.

    Returns the normalised text and a map of length ``len(text) + 1`` from each
    normalised index to the original index it came from (see :func:`_normalise`).
    """
    text, offsets = _normalise(original)
    return text, list(offsets)


def _normalise(original: str) -> tuple[str, Sequence[int]]:
    """NFC per character cluster, ASCII digits and dashes, no zero-width characters.

    Returns the normalised text and a map of length ``len(text) + 1`` from each
    normalised index to the original index it came from. Lines that are
    already NFC and hold no zero-width character (nearly all of them) change
    only one character for one, so they take a fast path with identity offsets,
    returned as a ``range``: it indexes like the list without building 16,000 integers.
    """
    if unicodedata.is_normalized("NFC", original) and not _ZERO_WIDTH_RE.search(original):
        # every line takes the fast path (line breaks neither compose nor reorder, so a text is NFC
        # exactly when each of its lines is): the whole text at once
        return _map_chars(original), range(len(original) + 1)
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for line in original.splitlines(keepends=True):
        if unicodedata.is_normalized("NFC", line) and not _ZERO_WIDTH_RE.search(line):
            out.append(_map_chars(line))
            offsets.extend(range(pos, pos + len(line)))
        else:
            _normalise_slow(line, pos, out, offsets)
        pos += len(line)
    offsets.append(len(original))
    return "".join(out), offsets


_ZERO_WIDTH_RE = re.compile("[" + "".join(chr(c) for c in sorted(_ZERO_WIDTH)) + "]")
_MAPPED_RUN = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CHAR_MAP)) + "]+")


def _map_chars(text: str) -> str:
    """``text.translate(_CHAR_MAP)``, translating only the runs of mapped characters.

    ``str.translate`` looks every character up; the characters it changes (native digits, dashes,
    odd spaces) are few, so a regex finds them and only they are translated.
    """
    return _MAPPED_RUN.sub(_translate_run, text)


def _translate_run(m: re.Match[str]) -> str:
    return m.group().translate(_CHAR_MAP)


def _normalise_slow(line: str, base: int, out: list[str], offsets: list[int]) -> None:
    i, n = 0, len(line)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(line[j]):
            j += 1
        cluster = line[i:j]
        if len(cluster) == 1:
            code = ord(cluster)
            if code in _ZERO_WIDTH:
                i = j
                continue
            piece = _CHAR_MAP.get(code, cluster)
        else:
            piece = unicodedata.normalize("NFC", cluster)
        for k, ch in enumerate(piece):
            out.append(_CHAR_MAP.get(ord(ch), ch))
            offsets.append(base + (i if len(piece) != len(cluster) else i + k))
        i = j


def detect_language(text: str) -> str:
    """The language by script, and for Latin script by Vietnamese letters and tone marks.

    Khmer and Thai articles quote Latin names, and English ones may carry a
    Vietnamese headline, so the decision counts letters rather than looking at
    the first line.
    """
    khmer, thai, latin = _script_counts(text)
    if khmer == thai == latin == 0:
        return "und"
    if khmer >= thai and khmer >= latin * 0.5:
        return "km"
    if thai > khmer and thai >= latin * 0.5:
        return "th"
    words, marked = _latin_words(text)
    return "vi" if words and marked >= 0.25 * words else "en"


def _latin_words(text: str) -> tuple[int, int]:
    """How many words (``_LATIN_WORD`` runs) ``text`` holds, and how many of them are Vietnamese.

    Words never span white space, so they are counted per distinct whitespace-separated token (a
    token of letters only is one word): the same counts as over ``_LATIN_WORD.findall(text)``, with
    the regex run only on the tokens that carry punctuation or digits.
    """
    words = marked = 0
    for token, n in Counter(text.split()).items():
        w, m = _token_words(token)
        words += n * w
        marked += n * m
    return words, marked


@lru_cache(maxsize=65536)
def _token_words(token: str) -> tuple[int, int]:
    """How many words one token holds, and how many are Vietnamese (memoised: tokens recur across articles)."""
    runs = (token,) if token.isalpha() else _LATIN_WORD.findall(token)
    return len(runs), sum(1 for w in runs if _is_vietnamese_word(w))


_LATIN_WORD = re.compile(r"[^\W\d_]+")
# One script's letters; _script_counts counts the same letters faster.
_KHMER = re.compile("[\u1780-\u17ff]")
_THAI = re.compile("[\u0e00-\u0e7f]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _script_counts(text: str) -> tuple[int, int, int]:
    """How many Khmer, Thai and Latin letters (as ``_KHMER``, ``_THAI``, ``_LATIN`` define them) ``text`` holds.

    Counted on the UTF-8 bytes, where each block is a lead byte and a few second bytes: Khmer U+1780-17FF
    is E1 9E/9F, Thai U+0E00-0E7F is E0 B8/B9, Latin-1 to Latin Extended-B U+00C0-024F is C3-C8 or C9 80-8F,
    Latin Extended Additional U+1E00-1EFF is E1 B8-BB. One ``bytes.translate`` merges the bytes each block
    accepts (``_CLASSES``), so a few ``bytes.count`` calls in C replace a regex walk over every character.
    A lead byte never occurs inside another character, so each pair found is one character.
    """
    data = text.encode("utf-8", "surrogatepass").translate(_CLASSES)
    khmer = data.count(b"\xe1\x9e")
    thai = data.count(b"\xe0\xb8")
    latin = (data.count(b"A") + data.count(b"\xc3") + data.count(b"\xc9\x80") + data.count(b"\xe1\xb8")
             + data.count(b"\xe1\xba"))
    return khmer, thai, latin


def _byte_classes() -> bytes:
    table = bytearray(range(256))
    for b in b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz":
        table[b] = ord("A")  # every ASCII letter
    for lo, hi, to in ((0xC3, 0xC8, 0xC3), (0x80, 0x8F, 0x80), (0x9E, 0x9F, 0x9E), (0xB8, 0xB9, 0xB8),
                       (0xBA, 0xBB, 0xBA)):
        for b in range(lo, hi + 1):
            table[b] = to
    return bytes(table)


_CLASSES = _byte_classes()


@lru_cache(maxsize=65536)
def _is_vietnamese_word(word: str) -> bool:
    """A letter only Vietnamese uses, or a Vietnamese tone mark (memoised: words recur across articles)."""
    if word.isascii():
        return False  # no Vietnamese letter and no tone mark
    if any(ch in _VI_LETTERS or 0x1EA0 <= ord(ch) <= 0x1EF9 for ch in word):
        return True
    return any(m in _VI_TONES for m in unicodedata.normalize("NFD", word))


_ONE_CAPITAL = re.compile(r"[A-Z]")


@lru_cache(maxsize=16)
def _sentence_regex(enders: str) -> re.Pattern[str]:
    return re.compile(rf"[{re.escape(enders)}]+")


def _is_boilerplate(line: str, pack: LanguagePack) -> bool:
    stripped = line.strip()
    return any(p.fullmatch(stripped) for p in pack.boilerplate)


def split_sentences(text: str, pack: LanguagePack) -> list[Sentence]:
    """Split into sentences by the pack's rules; boilerplate lines are dropped.

    Line breaks always end a sentence (headlines, bylines and captions stand on
    their own lines). Within a line the pack's terminators end a sentence —
    for Latin script only when followed by a space and no known abbreviation
    precedes. Thai has no terminator, so a Thai line stays one sentence.
    """
    sentences: list[Sentence] = []
    pos = 0
    enders = pack.sentence_enders  # the pack's properties are computed on each access: read them once
    ender_re = _sentence_regex(enders) if enders else None
    latin_rules = pack.latin_period_rules
    abbreviations = pack.abbreviations if latin_rules else frozenset()
    for line in text.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if not line.strip() or _is_boilerplate(line, pack):
            continue
        start = line_start
        if ender_re is not None:
            for m in ender_re.finditer(line):
                cut = line_start + m.end()
                if latin_rules and m.group()[-1] in ".!?":
                    after = text[cut:cut + 1]
                    if after and not after.isspace():
                        continue
                    before = text[start:line_start + m.start()].rsplit(" ", 1)[-1]
                    if before.lower().rstrip(".") + "." in abbreviations or _ONE_CAPITAL.fullmatch(before):
                        continue
                _append(sentences, text, start, cut)
                start = cut
        _append(sentences, text, start, line_end)
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))


def prepare(original: str, lang: str | None = None) -> TextDoc:
    """Normalise, detect the language (unless given) and split into sentences."""
    text, offsets = _normalise(original)
    code = lang or detect_language(text)
    pack = load_pack(code)
    return TextDoc(original=original, text=text, offsets=offsets, lang=code, pack=pack,
                   sentences=split_sentences(text, pack))
