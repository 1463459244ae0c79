"""An HTML page's main text (the article, without menus, footers and comments), its title and date.

Why trafilatura: news pages wrap a few paragraphs in navigation, related-article
lists, share buttons and comment threads; trafilatura (Apache-2.0, maintained,
used by large web corpora) separates the article from that chrome with
structural heuristics and falls back to jusText and a baseline extractor.
Writing that with regular expressions would be brittle. The text it returns is
what gets stored and extracted from, so evidence offsets index *this* text,
not the HTML.

Paragraphs come out one per line, which is what sentence splitting expects
(a line break always ends a sentence). The page's date is read only from its
metadata (``<meta>``, ``<time>``, JSON-LD), never guessed from the body, because
it anchors relative dates ("on 28 February") during extraction.

>>> page = html_main_text(
...     "<html><head><title>Trà Vinh</title></head><body><nav><ul><li><a href='/'>Trang chủ</a></li></ul></nav>"
...     "<article><p>Ngày 28/2, Tỉnh ủy Trà Vinh quán triệt Nghị quyết số 21-NQ/TW của Trung ương.</p>"
...     "<p>Bí thư Tỉnh ủy chủ trì hội nghị.</p></article><footer><p>Bản quyền Báo Trà Vinh</p></footer>"
...     "</body></html>")
>>> print(page.text)
Ngày 28/2, Tỉnh ủy Trà Vinh quán triệt Nghị quyết số 21-NQ/TW của Trung ương.
Bí thư Tỉnh ủy chủ trì hội nghị.
>>> page.title
'Trà Vinh'
"""

from __future__ import annotations

import codecs
import logging
from dataclasses import dataclass
from email.message import Message
from typing import Any

from lxml import html as lxml_html
from lxml.etree import ParserError

#: Where a page may declare its charset: browsers look no further than this (WHATWG "prescan").
PRESCAN_BYTES = 1024


@dataclass(frozen=True)
class PageText:
    text: str
    title: str | None = None
    published: str | None = None


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ModuleNotFoundError as exc:  # pragma: no cover - a dependency, but say what to install
        raise RuntimeError("HTML input needs trafilatura (pip install trafilatura)") from exc
    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # it logs every short page as an error
    return trafilatura


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` in its first KiB, if it is one Python knows.

    >>> declared_charset(b'<html><head><meta charset="windows-1258"></head>')
    'cp1258'
    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">')
    'utf-8'
    """
    head = data[:PRESCAN_BYTES].decode("latin-1")  # ASCII-compatible and lossless: the tags are ASCII
    try:
        tree = lxml_html.document_fromstring(head)
    except (ParserError, ValueError):
        return None
    for meta in tree.iter("meta"):
        value = meta.get("charset")
        if value is None and (meta.get("http-equiv") or "").strip().lower() == "content-type":
            header = Message()
            header["content-type"] = meta.get("content") or ""
            value = header.get_content_charset()
        if value:
            try:
                return codecs.lookup(value.strip()).name
            except LookupError:
                continue
    return None


def _parse(text: str) -> Any:
    # Bytes, because lxml refuses a str that carries an XML encoding declaration; the text is already decoded.
    parser = lxml_html.HTMLParser(encoding="utf-8")
    try:
        return lxml_html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (ParserError, ValueError):
        return None


def html_main_text(page: str) -> PageText:
    """The main text of a decoded HTML page (empty when it has none), with its title and date if stated."""
    trafilatura = _trafilatura()
    tree = _parse(page)
    if tree is None:
        return PageText("")
    document = trafilatura.bare_extraction(
        tree, favor_recall=True, include_comments=False, include_tables=True, with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(document, "text", None) or "").strip()
    title = (getattr(document, "title", None) or "").strip() or None
    published = (getattr(document, "date", None) or "").strip() or None
    if not text:
        # Pages too short for the main-content heuristics (a fragment, one paragraph): the baseline keeps
        # every paragraph-level text block, still one per line.
        tree = _parse(page)
        text = (trafilatura.baseline(tree)[1] if tree is not None else "").strip()
    return PageText(text, title, published)
