"""HTML pages: the main text (not the menus), its title and date, and the charset the page declares."""

from __future__ import annotations

import unicodedata

from graph.ingest import SourceInput, extract_prepared, prepare
from graph.webpage import declared_charset, html_main_text

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Tỉnh ủy Trà Vinh quán triệt Nghị quyết 21</title>
<meta property="article:published_time" content="2024-03-02T08:00:00+07:00"></head>
<body><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li></ul></nav>
<article><h1>Tỉnh ủy Trà Vinh quán triệt Nghị quyết 21-NQ/TW</h1>
<p>Ngày 28/2, Ban Thường vụ Tỉnh ủy Trà Vinh tổ chức hội nghị quán triệt Nghị quyết số 21-NQ/TW của Ban Chấp hành
Trung ương Đảng khóa XIII về tăng cường củng cố, xây dựng tổ chức cơ sở đảng.</p>
<p>Đồng chí Hồ Thị Hoàng Yến, Bí thư Tỉnh ủy chủ trì hội nghị.</p></article>
<aside><h3>Tin liên quan</h3><ul><li><a href="/a">Bài khác một</a></li><li><a href="/b">Bài khác hai</a></li></ul>
</aside><footer><p>Bản quyền © Báo Trà Vinh. Ghi rõ nguồn khi phát hành lại.</p></footer></body></html>"""


def test_the_main_text_leaves_the_page_chrome_behind() -> None:
    page = html_main_text(PAGE)
    assert "Ban Thường vụ Tỉnh ủy Trà Vinh" in page.text and "Bí thư Tỉnh ủy chủ trì" in page.text
    for chrome in ("Trang chủ", "Tin liên quan", "Bài khác", "Bản quyền", "<p>"):
        assert chrome not in page.text
    assert page.title and page.title.startswith("Tỉnh ủy Trà Vinh quán triệt Nghị quyết 21")
    assert page.published == "2024-03-02"


def test_short_pages_and_fragments_keep_their_text_one_paragraph_a_line() -> None:
    assert html_main_text("<p>Ha Tinh</p>").text == "Ha Tinh"
    assert html_main_text("<html><body><p>one</p><p>two</p></body></html>").text == "one\ntwo"
    assert html_main_text("").text == "" and html_main_text("<html></html>").text == ""


def test_the_declared_charset_is_found_in_the_first_kib() -> None:
    assert declared_charset(b'<html><head><meta charset="windows-1258">') == "cp1258"
    assert declared_charset(b'<meta http-equiv="content-type" content="text/html; charset=ISO-8859-1">') == "iso8859-1"
    assert declared_charset(b"<html><body>no declaration</body></html>") is None
    assert declared_charset(b'<meta charset="nonsense">') is None
    page = '<html><head><meta charset="windows-1258"></head><body><p>Tỉnh ủy Hòa Bình họp.</p></body></html>'
    prepared = prepare(SourceInput("a.html", unicodedata.normalize("NFD", page).encode("cp1258"), "html"))
    assert "Hòa Bình" in unicodedata.normalize("NFC", prepared.text)


def test_evidence_offsets_index_the_stored_main_text() -> None:
    prepared = prepare(SourceInput("a.html", PAGE.encode(), "html"))
    assert prepared.meta["title"].startswith("Tỉnh ủy Trà Vinh") and prepared.meta["published"] == "2024-03-02"
    extraction = extract_prepared(prepared)
    spans = [ev for item in (*extraction.organizations, *extraction.documents, *extraction.people)
             for ev in item.evidence]
    assert spans, "the article names bodies, a resolution and a person"
    for ev in spans:
        assert 0 <= ev.start <= ev.end <= len(prepared.text)
    assert any(prepared.text[ev.start:ev.end] == "21-NQ/TW" for ev in spans)
