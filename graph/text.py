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
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def fold_key(text: str) -> str:
    """A comparison key: folded, lower case, punctuation to spaces, single spaces."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w]+", " ", fold(text).lower())).strip()


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
    offsets: list[int]
    lang: str
    pack: LanguagePack
    sentences: list[Sentence] = field(default_factory=list)

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
            s0, s1 = self.original_span(sent.start, sent.end)
            sentence = self.original[s0:s1].strip()
        return Evidence(sentence=sentence, start=o_start, end=o_end, rule=rule)


def normalise(original: str) -> tuple[str, list[int]]:
    """NFC per character cluster, ASCII digits and dashes, no zero-width characters.

    Returns the normalised text and a map of length ``len(text) + 1`` from each
    normalised index to the original index it came from. Lines that are
    already NFC and hold no zero-width character (nearly all of them) change
    only one character for one, so they take a fast path with identity offsets.
    """
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for line in original.splitlines(keepends=True):
        if unicodedata.is_normalized("NFC", line) and not _ZERO_WIDTH_RE.search(line):
            out.append(line.translate(_CHAR_MAP))
            offsets.extend(range(pos, pos + len(line)))
        else:
            _normalise_slow(line, pos, out, offsets)
        pos += len(line)
    offsets.append(len(original))
    return "".join(out), offsets


_ZERO_WIDTH_RE = re.compile("[" + "".join(chr(c) for c in sorted(_ZERO_WIDTH)) + "]")


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
    khmer = len(_KHMER.findall(text))
    thai = len(_THAI.findall(text))
    latin = len(_LATIN.findall(text))
    if khmer == thai == latin == 0:
        return "und"
    if khmer >= thai and khmer >= latin * 0.5:
        return "km"
    if thai > khmer and thai >= latin * 0.5:
        return "th"
    words = _LATIN_WORD.findall(text)
    marked = sum(1 for w in words if _is_vietnamese_word(w))
    return "vi" if words and marked >= 0.25 * len(words) else "en"


_LATIN_WORD = re.compile(r"[^\W\d_]+")
_KHMER = re.compile("[\u1780-\u17ff]")
_THAI = re.compile("[\u0e00-\u0e7f]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _is_vietnamese_word(word: str) -> bool:
    if any(ch in _VI_LETTERS or 0x1EA0 <= ord(ch) <= 0x1EF9 for ch in word):
        return True
    return any(m in _VI_TONES for m in unicodedata.normalize("NFD", word))


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
    for line in text.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if not line.strip() or _is_boilerplate(line, pack):
            continue
        start = line_start
        enders = pack.sentence_enders
        if enders:
            for m in _sentence_regex(enders).finditer(line):
                cut = line_start + m.end()
                if pack.latin_period_rules and m.group()[-1] in ".!?":
                    after = text[cut:cut + 1]
                    if after and not after.isspace():
                        continue
                    before = text[start:line_start + m.start()].rsplit(" ", 1)[-1]
                    if before.lower().rstrip(".") + "." in pack.abbreviations or re.fullmatch(r"[A-Z]", before):
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
    text, offsets = normalise(original)
    code = lang or detect_language(text)
    pack = load_pack(code)
    return TextDoc(original=original, text=text, offsets=offsets, lang=code, pack=pack,
                   sentences=split_sentences(text, pack))
