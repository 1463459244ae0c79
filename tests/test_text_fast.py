"""The fast paths of graph.text must give what the plain code they replace gives."""

from __future__ import annotations

import random
import re

from graph import text as T


def _counts(s: str) -> tuple[int, int, int]:
    return len(T._KHMER.findall(s)), len(T._THAI.findall(s)), len(T._LATIN.findall(s))


def test_script_counts_every_character() -> None:
    chars = "".join(chr(c) for c in range(0x3000) if not 0xD800 <= c <= 0xDFFF)
    for ch in chars:
        assert T._script_counts(ch) == _counts(ch), hex(ord(ch))
    assert T._script_counts(chars) == _counts(chars)


def test_script_counts_random_text() -> None:
    rng = random.Random(2)
    for _ in range(2000):
        s = "".join(chr(rng.choice([rng.randrange(0x110000), rng.randrange(0x2000), rng.randrange(0x80),
                                    rng.randrange(0x1700, 0x1F00)])) for _ in range(rng.randint(0, 30)))
        s = "".join(c for c in s if not 0xD800 <= ord(c) <= 0xDFFF)
        assert T._script_counts(s) == _counts(s), repr(s)


def test_latin_words_as_findall() -> None:
    rng = random.Random(1)
    alphabet = list("aZđĐ ,.\t\n-_1²½ạ'’\u00a0\u2003\u0301\u3000ǅ") + ["Hà", "Nội", "x2y", "__"]
    for _ in range(3000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        words = T._LATIN_WORD.findall(s)
        assert T._latin_words(s) == (len(words), sum(1 for w in words if T._is_vietnamese_word(w))), repr(s)


def _normalise_by_line(original: str) -> tuple[str, list[int]]:
    """normalise() line by line, as it was written before its whole-text fast path."""
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for line in original.splitlines(keepends=True):
        if T.unicodedata.is_normalized("NFC", line) and not T._ZERO_WIDTH_RE.search(line):
            out.append(line.translate(T._CHAR_MAP))
            offsets.extend(range(pos, pos + len(line)))
        else:
            T._normalise_slow(line, pos, out, offsets)
        pos += len(line)
    offsets.append(len(original))
    return "".join(out), offsets


def test_normalise_as_character_by_character() -> None:
    rng = random.Random(9)
    alphabet = ["a", "e", "\u0301", "\u0323", "\n", "\r", "\r\n", "\u2028", "\x85", "\u200b", "ệ", "\u17e2", "\u2013",
                " ", "\u00a0", "\u1100", "\u1161", "\u11a8", "Å", "\u212b", "\u0e52", "ក", "\u17d2", "\u0344"]
    for _ in range(5000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert T.normalise(s) == _normalise_by_line(s), repr(s)


def test_fold_fast_path() -> None:
    for s in ("Nguyen Van A", "Nguyễn Thị Thanh Huyền, Đảng ủy", "x" * 200 + "ế", ""):
        decomposed = T.unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
        plain = T.unicodedata.normalize("NFC", "".join(c for c in decomposed if not T.unicodedata.combining(c)))
        assert T.fold(s) == plain
    assert re.fullmatch(r"[ -~]*", T.fold("Quảng Ninh"))
