"""From a received source to the text that is extracted and stored, and from that text to an extraction.

Why a separate step before extraction: everything that can be wrong with an
input (bytes that do not decode, an empty body, an HTML page with no article
in it) is found here, cheaply, so the API can refuse a whole request before it
writes anything. For HTML the stored text is the page's main text
(``graph.webpage``): the extractor reads it and the evidence offsets index it.

``extract_text`` is the unit of work of a parallel build: module-level and
picklable, it runs in worker processes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.ingest.inputs import InputProblem, SourceInput, decode
from graph.lang import available
from graph.model import Extraction
from graph.text import normalise

_INTERNAL = ("format", "charset")  # keys ``extract_text`` reads from ``meta`` and does not pass on


@dataclass(frozen=True)
class Prepared:
    """A source ready for extraction: its text and its metadata, completed from the HTML page if any."""

    source: SourceInput
    text: str
    meta: Mapping[str, str] = field(default_factory=dict)


def source_text(source: SourceInput) -> tuple[str, dict[str, str]]:
    """The text of ``source`` and the metadata its page states (HTML: title, date); raises :class:`InputProblem`."""
    if source.format != "html":
        return decode(source.data, source.charset, name=source.name), {}
    from graph.webpage import declared_charset, html_main_text

    page = html_main_text(decode(source.data, source.charset or declared_charset(source.data), name=source.name))
    stated = {"title": page.title, "published": page.published}
    return page.text, {k: v for k, v in stated.items() if v}


def prepare(source: SourceInput) -> Prepared:
    """Decode ``source`` (HTML: its main text) and refuse it if nothing is left to read.

    >>> prepare(SourceInput("a.txt", "  \\n\\u200b".encode())).text
    Traceback (most recent call last):
    ...
    graph.ingest.inputs.InputProblem: a.txt: no text (the body is empty or only white space)
    """
    text, stated = source_text(source)
    if not normalise(text)[0].strip():  # normalised: zero-width characters count as nothing too
        what = "the page has no main text" if source.format == "html" else "the body is empty or only white space"
        raise InputProblem(422, "empty source", f"{source.name}: no text ({what})")
    return Prepared(source, text, {**stated, **source.meta})


def extract_prepared(prepared: Prepared) -> Extraction:
    """Run the extractor on a prepared source (``lang`` from the metadata, else detected)."""
    from graph.extract import extract

    meta = prepared.meta
    info = {"doc": prepared.source.name, **{k: meta[k] for k in ("url", "title", "published") if meta.get(k)}}
    return extract(prepared.text, lang=pack_language(meta.get("lang")), meta=info)


def pack_language(lang: str | None) -> str | None:
    """The language to extract with: the tag itself if it has a pack, else its primary subtag if that has one.

    >>> pack_language("en-GB"), pack_language("km"), pack_language("fr-CA"), pack_language(None)
    ('en', 'km', 'fr-CA', None)
    """
    if not lang or lang in available():
        return lang
    primary = lang.split("-")[0].lower()
    return primary if primary in available() else lang


def extract_text(data: bytes, name: str, meta: dict[str, Any]) -> tuple[str, Any]:
    """Decode and extract one document (worker processes run this); ``meta`` may carry ``format``/``charset``."""
    rest = {k: v for k, v in meta.items() if k not in _INTERNAL}
    source = SourceInput(name, data, meta.get("format", "text"), meta.get("charset"), rest)
    prepared = prepare(source)
    return prepared.text, extract_prepared(prepared)


def language_warnings(lang: str | None) -> list[str]:
    """Why extraction was thin: a language without a pack still gets language-independent extraction."""
    if not lang or lang == "und":
        return ["the language was not recognised; only language-independent extraction ran "
                "(document numbers, dates, Latin-script names)"]
    if pack_language(lang) not in available():
        return [f"no language pack for {lang!r} (packs: {', '.join(available())}); only language-independent "
                "extraction ran (document numbers, dates, Latin-script names)"]
    return []
