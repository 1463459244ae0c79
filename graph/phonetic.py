"""Phonetic keys that let a Vietnamese place name written in Thai or Khmer script meet its gazetteer entry.

Why keys and not string similarity: "ไห่เซือง" and "Hải Dương" share no
letters. Both sides are brought to one coarse Latin alphabet instead: the
Thai or Khmer spelling by a small rule-based romanisation (below), the
Vietnamese name by folding, and then the same simplification for all (the
sounds that Thai and Khmer render inconsistently - d/gi/r/s/x, tr/ch, the
vowel series - fall together). Similar keys then mean similar sounds:

    >>> key(thai_latin("ไห่เซือง")) in vietnamese_keys("Hải Dương")
    True
    >>> key(khmer_latin("ត្រាវិញ")) in vietnamese_keys("Trà Vinh")
    True

The Thai romanisation is deliberately simple (a few dozen rules): it runs on
every candidate prefix of an unspaced Thai phrase, where a full romaniser
such as pythainlp's would cost milliseconds per call. :func:`thai_royin` uses
pythainlp's offline RTGS romaniser for single, final spans.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_THAI_CONS = {
    "ก": "k", "ข": "kh", "ฃ": "kh", "ค": "kh", "ฅ": "kh", "ฆ": "kh", "ง": "ng", "จ": "ch", "ฉ": "ch", "ช": "ch",
    "ซ": "s", "ฌ": "ch", "ญ": "y", "ฎ": "d", "ฏ": "t", "ฐ": "th", "ฑ": "th", "ฒ": "th", "ณ": "n", "ด": "d",
    "ต": "t", "ถ": "th", "ท": "th", "ธ": "th", "น": "n", "บ": "b", "ป": "p", "ผ": "ph", "ฝ": "f", "พ": "ph",
    "ฟ": "f", "ภ": "ph", "ม": "m", "ย": "y", "ร": "r", "ล": "l", "ว": "w", "ศ": "s", "ษ": "s", "ส": "s",
    "ห": "h", "ฬ": "l", "อ": "", "ฮ": "h",
}
_THAI_VOWELS = {"ะ": "a", "ั": "a", "า": "a", "ำ": "am", "ิ": "i", "ี": "i", "ึ": "ue", "ื": "ue", "ุ": "u",
                "ู": "u", "ฤ": "rue", "ๅ": ""}
_C = "[ก-ฮ]"
_THAI_RULES = [
    (re.compile(r"[่้๊๋็]"), ""),  # tone marks and the short-vowel mark carry no consonant or vowel quality
    (re.compile(rf"{_C}[ิุ]?์"), ""),  # a consonant under the silencer (ห์, ร์, นห์ keeps น) is not spoken
    (re.compile(r"ห(?=[งญนมยรลว])"), ""),  # leading ห only sets the tone of a sonorant
    (re.compile(r"ญ(?=$|[ก-ฮ])"), "น"),  # as a final, ญ ล ร sound n
    (re.compile(r"(?<=[ก-ฮ่้๊๋ะาิีึืุูั])[ลร]$"), "น"),  # (not after a leading vowel: "เล" is Lê)
    (re.compile(rf"เ({_C}[รลว]?)ือ"), r"\1uea"),
    (re.compile(rf"เ({_C}[รลว]?)ีย"), r"\1ia"),
    (re.compile(rf"เ({_C}[รลว]?)า"), r"\1ao"),
    (re.compile(rf"เ({_C}[รลว]?)[ิอ]"), r"\1oe"),
    (re.compile(rf"({_C})ัว"), r"\1ua"),
    (re.compile(rf"({_C})ว(?={_C})"), r"\1ua"),
    (re.compile(rf"เ({_C}[รลว]?)"), r"\1e"),
    (re.compile(rf"แ({_C}[รลว]?)"), r"\1ae"),
    (re.compile(rf"โ({_C}[รลว]?)"), r"\1o"),
    (re.compile(rf"[ใไ]({_C}[รลว]?)"), r"\1ai"),
    (re.compile(r"(?<=[ก-ฮ])อ(?=[ก-ฮ]|$)"), "o"),
    (re.compile(r"(?<=[a-zะาิีึืุูั])ย(?=$|[ก-ฮ])"), "i"),  # a final ย is the vowel i ("ฮอย" Hội)
    (re.compile(r"(?<![ก-ฮ])([ก-ฬฮ])([ก-ฬฮ])(?=$|[เแโใไ]|(?![รลว])[ก-ฮ](?:[ะาิีึืุูั]|[a-z]))"), r"\1o\2"),  # inherent o
]

_KHMER_CONS = {
    "ក": "k", "ខ": "kh", "គ": "k", "ឃ": "kh", "ង": "ng", "ច": "ch", "ឆ": "ch", "ជ": "ch", "ឈ": "ch", "ញ": "nh",
    "ដ": "d", "ឋ": "th", "ឌ": "d", "ឍ": "th", "ណ": "n", "ត": "t", "ថ": "th", "ទ": "t", "ធ": "th", "ន": "n",
    "ប": "b", "ផ": "ph", "ព": "p", "ភ": "ph", "ម": "m", "យ": "y", "រ": "r", "ល": "l", "វ": "v", "ស": "s",
    "ហ": "h", "ឡ": "l", "អ": "",
}
_KHMER_VOWELS = {
    "ា": "a", "ិ": "i", "ី": "i", "ឹ": "oe", "ឺ": "oe", "ុ": "u", "ូ": "o", "ួ": "ua", "ើ": "oe", "ឿ": "uea",
    "ៀ": "ia", "េ": "e", "ែ": "ae", "ៃ": "ai", "ោ": "ao", "ៅ": "au", "ំ": "m", "ះ": "h", "ៈ": "a", "័": "a",
    "ឥ": "i", "ឦ": "i", "ឧ": "u", "ឩ": "u", "ឪ": "au", "ឯ": "ae", "ឰ": "ai", "ឱ": "ao", "ឲ": "ao", "ឳ": "au",
}

# Coarse classes: one letter per sound group that the scripts confuse.
_TOKENS = [
    ("ng", "G"), ("nh", "n"), ("gh", "k"), ("gi", "z"), ("ph", "f"), ("kh", "k"), ("th", "t"),
    ("tr", "c"), ("ch", "c"), ("qu", "kw"), ("uea", "ua"), ("uo", "ua"), ("ua", "ua"), ("ue", "u"), ("oe", "o"),
    ("ae", "e"), ("ia", "ia"), ("ie", "ia"), ("ye", "ia"), ("ya", "ia"), ("ay", "ai"), ("uy", "ui"),
    ("c", "k"), ("q", "k"), ("g", "k"), ("r", "z"), ("s", "z"), ("x", "z"), ("j", "c"), ("v", "w"), ("y", "i"),
]
_TOKEN_RE = re.compile("|".join(re.escape(t) for t, _ in sorted(_TOKENS, key=lambda t: -len(t[0]))))
_TOKEN_MAP = dict(_TOKENS)


@lru_cache(maxsize=65536)
def thai_latin(text: str) -> str:
    """A rough Latin reading of Thai script, good enough for :func:`key`."""
    for regex, repl in _THAI_RULES:
        text = regex.sub(repl, text)
    out = []
    for ch in text:
        if ch == "อ":  # a silent initial อ opens a syllable: the ว before it is a final ("บ๋าวเอียน" Bảo Yên)
            out.append("-")
        elif ch in _THAI_CONS:
            out.append(_THAI_CONS[ch])
        elif ch in _THAI_VOWELS:
            out.append(_THAI_VOWELS[ch])
        elif ch.isascii() and ch.isalpha():
            out.append(ch.lower())
    return _THAI_FINAL_W.sub(_final_w, "".join(out)).replace("-", "")


# a final ว after a vowel is the Vietnamese final -o or -u ("บ่าว" Bảo, "เถียว" Thiệu, "ฮิว" Hiu)
_THAI_FINAL_W = re.compile(r"(ia|[aeiu])w(?![aeiou])")


def _final_w(m: re.Match[str]) -> str:
    return m.group(1) + ("o" if m.group(1) in ("a", "e") else "u")


@lru_cache(maxsize=65536)
def khmer_latin(text: str) -> str:
    """A rough Latin reading of Khmer script (consonant, subscript and vowel signs), for :func:`key`."""
    out = []
    for ch in text:
        if ch in _KHMER_CONS:
            out.append(_KHMER_CONS[ch])
        elif ch in _KHMER_VOWELS:
            out.append(_KHMER_VOWELS[ch])
        elif ch.isascii() and ch.isalpha():
            out.append(ch.lower())
    return "".join(out)


def vietnamese_latin(name: str) -> str:
    """Vietnamese letters as they sound to a Thai or Khmer writer: d (not đ) is /z/, initial nh is /ɲ/,
    â and ơ are the central vowel that Thai and Khmer write as "oe"."""
    name = unicodedata.normalize("NFC", name.lower()).replace("â", "oe").replace("ơ", "oe").replace("ngh", "ng")
    name = name.replace("đ", "\x00")
    decomposed = unicodedata.normalize("NFD", name)
    name = "".join(c for c in decomposed if not unicodedata.combining(c))
    name = _INITIAL_D.sub("z", name).replace("\x00", "d")
    name = _INITIAL_NH.sub("z", name)
    name = _FINAL_CH.sub("k", name).replace("y", "i")
    return _NOT_LATIN.sub("", name).strip()


def vietnamese_keys(name: str) -> frozenset[str]:
    """Keys of the ways Thai and Khmer writers render a Vietnamese name ("Gia" as "เกีย" or "ซา")."""
    base = vietnamese_latin(name)
    variants = {base, base.replace("gi", "ki"), base.replace("gi", "chi"), base.replace("z", "d"),
                _ANH.sub("aeng", base), base.replace("oe", "a"), base.replace("oa", "wa")}
    if _INITIAL_Y.search(name.lower()):  # "Yên" is written เยน / យ៉េន, with the consonant y
        variants.add(vietnamese_latin(_INITIAL_Y.sub("d", name.lower())))
    return frozenset(key(v) for v in variants)


@lru_cache(maxsize=65536)
def key(latin: str) -> str:
    """The coarse phonetic key of a Latin reading: sound classes, repeated letters collapsed."""
    chunks = _NOT_LATIN.sub("", latin.lower()).split()  # Vietnamese keeps its syllables apart ("Đồng Hới")
    mapped = "".join(map(_syllable_classes, chunks))
    return _REPEATS.sub(r"\1", mapped)


@lru_cache(maxsize=65536)
def _syllable_classes(chunk: str) -> str:
    """One syllable in sound classes (memoised: a name is new far more often than its syllables)."""
    return _TOKEN_RE.sub(_token_class, _Y_VOWEL.sub("z", chunk))


def _token_class(m: re.Match[str]) -> str:
    return _TOKEN_MAP[m.group()]


# compiled once: vietnamese_keys runs for every unit of a province the first time a text names it
_INITIAL_D = re.compile(r"(?<![a-z\x00])d")
_INITIAL_NH = re.compile(r"(?<![a-z])nh")
_FINAL_CH = re.compile(r"ch\b")
_NOT_LATIN = re.compile(r"[^a-z ]")
_ANH = re.compile(r"anh(?![aeiou])")
_Y_VOWEL = re.compile(r"y(?=[aeiou])")
_INITIAL_Y = re.compile(r"(?<!\w)y(?=[ea\u00ea\u1ebf\u1ec1\u1ec3\u1ec5\u1ec7])")
_REPEATS = re.compile(r"(.)\1+")


def thai_royin(text: str) -> str:
    """pythainlp's offline RTGS romanisation (slow: use on single spans only)."""
    from pythainlp.transliterate import romanize

    return romanize(text, engine="royin")
