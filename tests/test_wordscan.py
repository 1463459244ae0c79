"""The wordscan stand-ins must match exactly what the regex scans they replace match."""

from __future__ import annotations

import random
import re

from graph import wordscan

_ALPHABET = list("aAsSkKiIıİſKßẞσΣςhHxXđĐ ,.\t-") + ["ư", "Ư", "ờ", "Ờ", "ng", "NG", "xã", "XÃ", "ſt", "ស្រុក", "ខេត្ត",
                                                     "เขต", "HA", "hA"]
_WORDS = ["xã", "phường", "ward", "s", "k", "i", "ß", "σ", "thị xã", "ng", "aa", "ſt", "province", "ស្រុក", "เขต",
          "ខេត្ត Ha", "12 ab"]


def _spans(matches) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def test_same_matches_as_finditer() -> None:
    rng = random.Random(7)
    for _ in range(400):
        word = rng.choice(_WORDS)
        flags = re.IGNORECASE if rng.random() < 0.8 else 0
        edge = r"(?<![\w])" if rng.random() < 0.5 else ""
        tail = rng.choice([r"[ \t]*", r"[ \t]*(\d{1,3}[A-Z]?)(?![\d/-])", ""])
        regex = re.compile(edge + re.escape(word) + tail, flags)
        alphabet = _ALPHABET if rng.random() < 0.5 else [c for c in _ALPHABET if c not in "ıİſKßẞσΣς"]
        text = "".join(rng.choice(alphabet + [word, word.upper(), "12 "]) for _ in range(rng.randint(0, 40)))
        got = _spans(wordscan.Scanner(text).finditer(regex, word))
        assert got == _spans(regex.finditer(text)), (regex.pattern, text)


def test_lower_keeps_offsets() -> None:
    for text in ("İstanbul ẞ ſ K Ωmega Đảng ΟΔΟΣ", "Đảng ủy xã Ba Vì"):
        assert len(wordscan.lower(text)) == len(text)
        assert wordscan.lower(text) == text.translate(wordscan._TABLE)


def test_date_patterns_match_as_finditer() -> None:
    from graph.extract.dates import _grammar_for

    rng = random.Random(11)
    for code in ("km", "th", "vi", "en", "und"):
        g = _grammar_for(code)
        pieces = [w for words, _ in g.starts.values() for w in words]
        pieces += [w.upper() for w in pieces] + ["12", "2024", "5", "/", "-", ".", " ", ", ", "of ", "th", "٣", "x"]
        for _ in range(120):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
            scanner = wordscan.Scanner(text)
            for name, (words, digits) in g.starts.items():
                regex = getattr(g, name)
                for runs in (False, True):
                    got = _spans(scanner.finditer_from(regex, words, digits, digit_runs=runs))
                    assert got == _spans(regex.finditer(text)), (code, name, text)


def test_alternation_matches_the_sorted_alternation() -> None:
    rng = random.Random(5)
    letters = ["a", "b", "ab", " ", "-", ".", "ư", "(", "x", "ក", "្", "ា"]
    for _ in range(600):
        words = {"".join(rng.choice(letters) for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 8))}
        start = rng.random() < 0.5
        tail = rng.choice(["", r"(?![\w])", "(?![\u17b4-\u17d3])", "x?b"])
        plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        old = re.compile((r"(?<![\w])" if start else "") + f"(?:{plain})" + tail)
        new = re.compile(wordscan.alternation(words, word_start=start) + tail)
        text = "".join(rng.choice(letters + list(words)) for _ in range(rng.randint(0, 25)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert _spans(new.finditer(text, lo, hi)) == _spans(old.finditer(text, lo, hi)), (words, text)
        assert [m and m.span() for m in (new.match(text, lo), )] == [m and m.span() for m in (old.match(text, lo), )]


def test_document_and_plenum_patterns_match_as_finditer() -> None:
    from graph.extract import documents, implicit

    rng = random.Random(13)
    for code in ("km", "th", "vi", "en"):
        g, p = documents._grammar(code), implicit._grammar(code)
        pieces = list(g.type_of) + [w.title() for w in g.type_of] + list(p.ordinals)
        pieces += ["12", "21-NQ/TW", "35/2024/NĐ-CP", " ", "-", "/", "số ", "No. ", "th ", "plenum ",
                   "Central Conference "]
        for _ in range(120):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
            scanner = wordscan.Scanner(text)
            for regex in (documents._PARTY, documents._STATE):
                assert _spans(scanner.finditer_from(regex, (), digits=True)) == _spans(regex.finditer(text))
                assert _spans(scanner.finditer_from(regex, (), True, True)) == _spans(regex.finditer(text))
            assert _spans(scanner.finditer_from(g.partial, g.type_of)) == _spans(g.partial.finditer(text))
            for regex, numbered in zip(p.plenum, p.plenum_numbered, strict=True):
                if numbered:
                    got = _spans(scanner.finditer_from(regex, p.ordinals, digits=True))
                    assert got == _spans(regex.finditer(text)), (code, regex.pattern, text)


def test_prefetch_finds_every_occurrence() -> None:
    rng = random.Random(17)
    letters = ["a", "b", "ab", "ư", "ក", "្", " "]
    for _ in range(500):
        words = list({"".join(rng.choice(letters) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 9))})
        text = "".join(rng.choice(letters + words) for _ in range(rng.randint(0, 30)))
        scanner = wordscan.Scanner(text)
        scanner.prefetch(words)
        for w in words:
            key, lowered = wordscan._needle(w)
            hay = scanner.lowered if lowered else text
            assert scanner.positions(w) == [i for i in range(len(hay)) if hay.startswith(key, i)], (words, text)


def test_longest_first_prefers_the_longer_word_and_empty_never_matches() -> None:
    assert re.match(wordscan.longest_first(["tinh", "tinh uy", "a.b"]), "tinh uy").group() == "tinh uy"
    assert re.search(wordscan.longest_first(["a.b"]), "axb") is None  # escaped
    assert re.search(wordscan.longest_first([]), "anything") is None
