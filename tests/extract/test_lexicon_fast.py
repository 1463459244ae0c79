"""Category.finditer's word-start path must give what the plain regex scan gives."""

from __future__ import annotations

import random

import pytest

from graph.extract import lexicon as L
from graph.extract.lexicon import Category, Entry


def _plain(cat: Category, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    assert cat.regex is not None
    return [(m.start(), m.end(), m.group())
            for m in cat.regex.finditer(text, start, len(text) if end is None else end)]


def _fast(cat: Category, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    return [(s, e, text[s:e]) for s, e, _entry in cat.finditer(text, start, end)]


FORMS = ["bi thu", "bi thu tinh uy", "pho bi thu", "tinh", "tinh uy", "uy vien", "a", "ab", "tp.", "x_y", "h'ra",
         "so 2", "ủy"]


@pytest.mark.parametrize("seed", range(6))
def test_word_start_path_as_regex_scan(seed: int) -> None:
    rng = random.Random(seed)
    forms = rng.sample(FORMS, rng.randint(1, len(FORMS)))
    cat = Category({f: Entry(f) for f in forms}, latin=True, script="Latn")
    assert cat.after_space is not None
    pieces = [*FORMS, "b", "bi", "thu", "uy", "tinhx", "xtinh", "_", "-", ".", ",", "\n", "  ", "2", "ơ", "(", "'",
              "\t", "tp"]
    for _ in range(60):
        n = rng.randint(1000, 1500)
        text = "".join(rng.choice(pieces) + rng.choice([" ", " ", "", ",", "\n"]) for _ in range(n))
        assert len(text) >= L._INDEX_MIN
        assert _fast(cat, text) == _plain(cat, text)
        for _ in range(20):
            a = rng.randrange(len(text) + 1)
            b = rng.randrange(a, len(text) + 1)
            assert _fast(cat, text, a, b) == _plain(cat, text, a, b), (a, b)


def test_forms_not_starting_with_a_word_use_the_regex() -> None:
    cat = Category({"(x)": Entry("x"), "tinh": Entry("t")}, latin=True, script="Latn")
    assert cat.after_space is None
    text = "(x) tinh " * 400
    assert _fast(cat, text) == _plain(cat, text)
