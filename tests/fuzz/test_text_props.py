"""Property tests of the text normaliser: any Unicode in, an offset map that always points back correctly.

Example counts are capped so the suite stays fast; the strategies mix
arbitrary text with the characters the normaliser treats specially (Khmer
and Thai digits, dashes, odd spaces, zero-width characters, combining marks).
"""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.lang import load_pack
from graph.text import detect_language, fold, fold_key, normalise, prepare, split_sentences

SPECIAL = ("០១២៣៤៥៦៧៨៩๐๑๒๓๔๕๖๗๘๙\u2010\u2013\u2014\u2212\u00a0\u202f\u3000\u200b\u200c\u200d\ufeff\u2060"
           "\u0300\u0301\u0303\u0309\u0323\u17c6\u17d2\u0e31\u0e48đĐ។៕\n. ")
texts = st.text(st.characters(codec="utf-8") | st.sampled_from(SPECIAL), max_size=120)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(texts)
def test_the_offset_map_is_total_monotonic_and_bounded(original: str) -> None:
    text, offsets = normalise(original)
    assert len(offsets) == len(text) + 1
    assert offsets[-1] == len(original)
    assert all(a <= b for a, b in zip(offsets, offsets[1:], strict=False))
    assert all(0 <= o < len(original) for o in offsets[:-1])
    assert normalise(original) == (text, offsets)  # deterministic


@FAST
@given(texts)
def test_normalised_text_has_ascii_digits_and_no_zero_width_characters(original: str) -> None:
    text, _ = normalise(original)
    assert not any(c in text for c in "០១២៣៤៥៦៧៨៩๐๑๒๓๔๕๖๗๘๙\u200b\u200c\u200d\ufeff\u2060\u2013\u2014\u00a0")


@FAST
@given(st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=80))
def test_plain_ascii_passes_through_untouched(original: str) -> None:
    assert normalise(original) == (original, list(range(len(original) + 1)))


@FAST
@given(texts)
def test_folding_leaves_no_marks_and_is_idempotent(original: str) -> None:
    folded = fold(original)
    assert "đ" not in folded and "Đ" not in folded
    assert not any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", folded))
    assert fold(folded) == folded
    assert fold_key(fold_key(original)) == fold_key(original)


@FAST
@given(texts, st.sampled_from(["km", "th", "vi", "en", "und"]))
def test_sentences_are_ordered_disjoint_slices_of_the_text(original: str, lang: str) -> None:
    text, _ = normalise(original)
    assert detect_language(text) in {"km", "th", "vi", "en", "und"}
    end = 0
    for sentence in split_sentences(text, load_pack(lang)):
        assert end <= sentence.start < sentence.end <= len(text)
        assert sentence.text == text[sentence.start:sentence.end] == sentence.text.strip()
        end = sentence.end


@FAST
@given(texts, st.data())
def test_any_span_maps_back_inside_the_original(original: str, data: st.DataObject) -> None:
    doc = prepare(original)
    start = data.draw(st.integers(0, len(doc.text)))
    end = data.draw(st.integers(start, len(doc.text)))
    o_start, o_end = doc.original_span(start, end)
    assert 0 <= o_start <= o_end <= len(original)
    ev = doc.evidence(start, end)
    assert 0 <= ev.start <= ev.end <= len(original)
