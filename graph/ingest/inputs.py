"""What can be ingested: sources as bytes plus metadata, read from files, JSON objects or JSON Lines.

Why bytes: a source's checksum (``nq:sha256``) is taken over exactly what was
received, so the same bytes twice are recognised before anything is decoded or
extracted, whatever route they came by (a file, an upload, a JSON batch).

A source's identity is its URL, else its name (the file name, or ``doc`` in a
JSON object); the identity names its graph. Every problem with an input is an
:class:`InputProblem` carrying the HTTP status that describes it, so the CLI
and the API report the same thing in their own way.

>>> src = SourceInput("a.txt", "Tỉnh ủy".encode(), meta={"url": "https://example.org/1"})
>>> src.identity, src.sha256[:12]
('https://example.org/1', '785a821d38d8')
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
BATCH_SUFFIXES = frozenset({".jsonl", ".ndjson"})
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | BATCH_SUFFIXES
META_KEYS = ("url", "title", "published", "lang")

Format = Literal["text", "html"]

_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")  # BCP 47, loosely: "km", "vi-Khmr", "en-GB"
_PUBLISHED = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class InputProblem(ValueError):
    """An input that cannot be ingested as given; ``status`` is the HTTP status that says why.

    413 too large, 415 an unsupported media type or charset, 422 anything wrong
    with the content (undecodable bytes, no text, bad metadata).
    """

    def __init__(self, status: int, error: str, detail: str, *, offset: int | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.error = error
        self.detail = detail
        self.offset = offset


@dataclass(frozen=True)
class SourceInput:
    """One source as received: its name, its bytes, how they are encoded, and what is known about it.

    ``charset`` is the declared one (HTTP header, JSON): ``None`` means UTF-8,
    or for HTML the charset its ``<meta>`` declares.
    """

    name: str
    data: bytes
    format: Format = "text"
    charset: str | None = None
    meta: Mapping[str, str] = field(default_factory=dict)

    @property
    def identity(self) -> str:
        """The URL when known, else the name: what names the source's graph."""
        return self.meta.get("url") or self.name

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def format_for(name: str, media_type: str | None = None) -> Format | Literal["batch"] | None:
    """How to read a file or an uploaded part: by its media type, else by its suffix; ``None`` if unknown."""
    media = (media_type or "").split(";")[0].strip().lower()
    if media in ("text/html", "application/xhtml+xml"):
        return "html"
    if media in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
        return "batch"
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in BATCH_SUFFIXES:
        return "batch"
    if media in ("text/plain", "text/markdown") or suffix in TEXT_SUFFIXES:
        return "text"
    return None


def decode(data: bytes, charset: str | None = None, *, name: str = "") -> str:
    """``data`` as text in ``charset`` (UTF-8 if not given); a leading UTF-8 byte order mark is dropped.

    >>> decode(b"ok \\xff")
    Traceback (most recent call last):
    ...
    graph.ingest.inputs.InputProblem: byte 3 (0xff) is not valid utf-8: invalid start byte
    """
    where = f"{name}: " if name else ""
    try:
        codec = codecs.lookup(charset or "utf-8")
    except LookupError:
        raise InputProblem(415, "unsupported charset", f"{where}unknown charset {charset!r}") from None
    skip = len(codecs.BOM_UTF8) if codec.name == "utf-8" and data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode(codec.name)
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        raise InputProblem(422, "undecodable text",
                           f"{where}byte {offset} (0x{data[offset:offset + 1].hex()}) is not valid {codec.name}: "
                           f"{exc.reason}", offset=offset) from None
    except UnicodeError as exc:  # codecs that fail without a position (rare: some CJK and UTF-16 variants)
        raise InputProblem(422, "undecodable text", f"{where}not valid {codec.name}: {exc}") from None


def check_meta(meta: Mapping[str, Any], *, where: str = "") -> dict[str, str]:
    """The known metadata keys, validated: an http(s) URL, an ISO date (or year-month, year), a language tag."""
    prefix = f"{where}: " if where else ""
    out: dict[str, str] = {}
    for key in META_KEYS:
        value = meta.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise InputProblem(422, "invalid metadata", f"{prefix}{key} must be a string")
        value = value.strip()
        if key == "url" and not (value.startswith(("http://", "https://")) and len(value) > 8 and " " not in value):
            raise InputProblem(422, "invalid metadata", f"{prefix}url must be an http(s) URL, not {value!r}")
        if key == "published":
            value = _published(value, prefix)
        if key == "lang" and not _LANG.fullmatch(value):
            raise InputProblem(422, "invalid metadata", f"{prefix}lang must be a language tag such as km, th, vi, "
                               f"en, not {value!r}")
        if value:
            out[key] = value
    return out


def _published(value: str, prefix: str) -> str:
    """``2024``, ``2024-03``, ``2024-03-02`` or an ISO date-time (kept to its date)."""
    date = value[:10]
    ok = _PUBLISHED.fullmatch(date) is not None and (len(value) <= 10 or value[10] in "T ")
    if ok:
        try:
            dt.date.fromisoformat((date + "-01-01")[:10])
            if len(value) > 10:
                dt.datetime.fromisoformat(value)
        except ValueError:
            ok = False
    if not ok:
        raise InputProblem(422, "invalid metadata", f"{prefix}published must be an ISO date (2024-03-02, 2024-03 "
                           f"or 2024), not {value!r}")
    return date


def check_name(name: str, *, where: str = "") -> str:
    name = name.strip()
    if not name or len(name) > 1000 or any(ord(c) < 32 for c in name):
        raise InputProblem(422, "invalid name", f"{where + ': ' if where else ''}a source name must be 1 to 1000 "
                           "printable characters")
    return name


def from_object(obj: Any, *, where: str) -> SourceInput:
    """A JSON object ``{"text" | "html", "doc" | "name", "url", "title", "published", "lang"}`` as a source."""
    if not isinstance(obj, dict):
        raise InputProblem(422, "invalid source", f"{where}: expected a JSON object")
    text, page = obj.get("text"), obj.get("html")
    if (text is None) == (page is None) or not isinstance(text if page is None else page, str):
        raise InputProblem(422, "invalid source", f"{where}: give the article as a string in exactly one of "
                           "\"text\" or \"html\"")
    meta = check_meta(obj, where=where)
    name = obj.get("doc") or obj.get("name") or meta.get("url")
    if not isinstance(name, str) or not name.strip():
        raise InputProblem(422, "missing source identity", f"{where}: give \"doc\" (a name) or \"url\"")
    body: str = text if page is None else page
    try:
        data = body.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputProblem(422, "undecodable text", f"{where}: character {exc.start} is a lone surrogate "
                           f"(U+{ord(body[exc.start]):04X}), not text") from None
    return SourceInput(check_name(name, where=where), data, "text" if page is None else "html", "utf-8", meta)


def from_jsonl(data: bytes, origin: str, defaults: Mapping[str, str] | None = None
               ) -> Iterator[SourceInput | InputProblem]:
    """Each non-blank line of a JSON Lines batch as a source, or the problem with that line."""
    text = decode(data, name=origin)
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            obj = json.loads(line)
            if isinstance(obj, dict) and defaults:
                obj = {**defaults, **{k: v for k, v in obj.items() if v is not None}}
            yield from_object(obj, where=where)
        except ValueError as exc:  # InputProblem included
            yield exc if isinstance(exc, InputProblem) else InputProblem(422, "invalid JSON", f"{where}: {exc}")


def read_file(path: Path, meta: Mapping[str, str] | None = None) -> list[SourceInput | InputProblem]:
    """The sources in one file: a text or HTML article, or every line of a ``.jsonl`` batch.

    ``meta`` (from ``--meta``) describes a text or HTML file; for a batch its
    ``lang`` and ``published`` fill in what the lines leave out. A file of
    another suffix named explicitly is read as text.
    """
    data = path.read_bytes()
    kind = format_for(path.name)
    try:
        if kind == "batch":  # a URL or title describes one article, never a whole batch
            return list(from_jsonl(data, path.name, {k: v for k, v in (meta or {}).items()
                                                     if k in ("lang", "published")}))
        return [SourceInput(path.name, data, kind or "text", None, check_meta(meta or {}, where=path.name))]
    except InputProblem as exc:
        return [exc]


def collect_files(inputs: Iterable[Path]) -> list[Path]:
    """Files named directly, plus the text, HTML and JSON Lines files under named directories (hidden ones skipped)."""
    out: list[Path] = []
    for item in inputs:
        if item.is_dir():
            out += sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES
                          and not any(part.startswith(".") for part in p.relative_to(item).parts))
        else:
            out.append(item)
    return out


def load_meta(path: Path | None) -> dict[str, dict[str, Any]]:
    """``--meta FILE.jsonl``: one object per document (``doc``, ``url``, ``title``, ``published``, ``lang``)."""
    if path is None:
        return {}
    metas: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            metas[str(obj["doc"])] = {k: obj[k] for k in META_KEYS if obj.get(k) is not None}
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: not a JSON object with a \"doc\" key ({exc})") from exc
    return metas
