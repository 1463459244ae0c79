"""Reading sources: bytes to text with errors that say where, metadata checks, JSON objects and JSON Lines."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from graph.ingest import InputProblem, SourceInput, decode, format_for, from_jsonl, from_object
from graph.ingest.batch import read_inputs
from graph.ingest.extraction import language_warnings, pack_language, prepare
from graph.ingest.inputs import check_meta, collect_files


@pytest.mark.parametrize(("data", "charset", "offset"), [
    (b"ok \xff", None, 3),
    ("Tỉnh ủy".encode() + b"\xc3", "utf-8", 11),  # a truncated two-byte sequence at the very end
    (b"\xef\xbb\xbfabc\x80", None, 6),  # offsets count the byte order mark
    (b"a\x00\x00\xd8b\x00", "utf-16-le", 2),  # a high surrogate without its low half
])
def test_undecodable_bytes_name_their_offset(data: bytes, charset: str | None, offset: int) -> None:
    with pytest.raises(InputProblem) as info:
        decode(data, charset, name="a.txt")
    assert info.value.status == 422 and info.value.offset == offset
    assert f"byte {offset}" in info.value.detail and info.value.detail.startswith("a.txt: ")


def test_decoding_honours_the_charset_and_drops_a_bom() -> None:
    nfd = unicodedata.normalize("NFD", "Hòa")  # Windows-1258 writes tones as combining marks
    assert decode(nfd.encode("cp1258"), "windows-1258") == nfd
    assert decode(b"\xef\xbb\xbfHa Tinh") == "Ha Tinh"
    with pytest.raises(InputProblem) as info:
        decode(b"x", "no-such-charset")
    assert info.value.status == 415


@pytest.mark.parametrize("meta", [{"url": "ftp://x.org/a"}, {"url": "example.org"}, {"published": "28/2/2024"},
                                  {"published": "2024-02-30"}, {"lang": "Khmer language"}, {"title": 5}])
def test_bad_metadata_is_refused(meta: dict[str, object]) -> None:
    with pytest.raises(InputProblem) as info:
        check_meta(meta)
    assert info.value.status == 422


def test_good_metadata_is_normalised() -> None:
    meta = check_meta({"url": " https://baotravinh.vn/a.html ", "published": "2024-03-02T08:00:00+07:00",
                       "lang": "vi", "title": "", "other": "ignored"})
    assert meta == {"url": "https://baotravinh.vn/a.html", "published": "2024-03-02", "lang": "vi"}


def test_identity_is_the_url_else_the_name() -> None:
    assert SourceInput("a.txt", b"x").identity == "a.txt"
    assert SourceInput("a.txt", b"x", meta={"url": "https://e.org/1"}).identity == "https://e.org/1"


def test_json_objects_become_sources() -> None:
    src = from_object({"html": "<p>x</p>", "url": "https://e.org/1", "lang": "km"}, where="item 0")
    assert (src.name, src.format, src.meta["lang"], src.data) == ("https://e.org/1", "html", "km", b"<p>x</p>")
    for bad in ({"text": "x"}, {"text": "x", "html": "y", "doc": "a"}, {"text": 3, "doc": "a"}, [1]):
        with pytest.raises(InputProblem):
            from_object(bad, where="item 0")
    with pytest.raises(InputProblem, match="lone surrogate"):
        from_object({"text": "a\ud800", "doc": "a"}, where="item 0")


def test_jsonl_lines_fail_alone() -> None:
    data = b'{"text": "one", "doc": "1"}\n\nnot json\n{"text": "three"}\n{"text": "four", "doc": "4"}\n'
    items = list(from_jsonl(data, "batch.jsonl", {"lang": "vi"}))
    assert [type(i).__name__ for i in items] == ["SourceInput", "InputProblem", "InputProblem", "SourceInput"]
    assert "batch.jsonl:3" in str(items[1]) and "batch.jsonl:4" in str(items[2])
    assert items[0].meta["lang"] == "vi"  # type: ignore[union-attr]


def test_format_follows_the_media_type_then_the_suffix() -> None:
    assert format_for("a.txt") == "text" and format_for("a.HTML") == "html" and format_for("b.jsonl") == "batch"
    assert format_for("upload", "text/html; charset=utf-8") == "html"
    assert format_for("a.pdf") is None and format_for("a.bin", "application/pdf") is None


def test_files_are_collected_and_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Tỉnh ủy Trà Vinh", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "x", "doc": "c1"}\n{"text": "y", "doc": "c2"}\n', encoding="utf-8")
    (tmp_path / "d.pdf").write_bytes(b"%PDF")
    files = collect_files([tmp_path])
    assert [p.name for p in files] == ["a.txt", "b.html", "c.jsonl"]
    sources, problems = read_inputs(files, {"a.txt": {"url": "https://e.org/a"}})
    assert [s.name for s in sources] == ["a.txt", "b.html", "c1", "c2"] and problems == []
    assert sources[0].identity == "https://e.org/a"


def test_empty_and_whitespace_only_sources_are_refused() -> None:
    for body in (b"", b" \n\t ", "\u200b\u00a0\n".encode()):
        with pytest.raises(InputProblem) as info:
            prepare(SourceInput("a.txt", body))
        assert info.value.status == 422 and info.value.error == "empty source"
    with pytest.raises(InputProblem, match="no main text"):
        prepare(SourceInput("a.html", b"<html><body><script>var x = 1;</script></body></html>", "html"))


def test_languages_without_a_pack_warn() -> None:
    assert pack_language("vi-VN") == "vi" and language_warnings("vi") == []
    assert "no language pack for 'fr'" in language_warnings("fr")[0]
    assert "not recognised" in language_warnings("und")[0]
