"""``/api/sources``: add articles to the running graph (POST), list them (GET), remove one (DELETE).

- ``POST`` takes ``text/plain`` or ``text/html`` (one article; its identity from
  ``?url=`` or ``?name=``, or the ``filename`` of ``Content-Disposition``),
  ``application/json`` (one object or an array: ``text`` or ``html``, ``doc``/``name``
  or ``url``, ``title``, ``published``, ``lang``), JSON Lines (``application/x-ndjson``)
  or ``multipart/form-data`` files (``.txt``, ``.html``, ``.jsonl``). The charset
  is the ``Content-Type``'s, UTF-8 when none is given (HTML: its ``<meta charset>``).
- Writes need ``Authorization: Bearer <token>``, the same token as SPARQL Update.

Why the body is read by hand rather than declared as a model: the size limit
must hold while streaming (a client may lie in ``Content-Length`` or send
chunks), and the ``422``s must point at the byte that does not decode, which a
parsed model can no longer tell. Everything runs in a worker thread so the
event loop keeps answering queries during a large ingest.
"""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import AsyncIterator
from email.message import Message
from functools import partial
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from api.deps import SettingsDep, StoreDep
from api.errors import ApiError
from api.settings import Settings
from graph.ingest import InputProblem, LiveIngest, Outcome, SourceInput, decode, format_for, from_jsonl, from_object
from graph.ingest.inputs import check_meta, check_name
from graph.store import Store

router = APIRouter(tags=["sources"])
_CREATE = threading.Lock()  # list_sources runs in the thread pool: two requests must not each make their own

_ITEM_SCHEMA = {"type": "object", "properties": {
    "text": {"type": "string"}, "html": {"type": "string"}, "doc": {"type": "string"}, "url": {"type": "string"},
    "title": {"type": "string"}, "published": {"type": "string"}, "lang": {"type": "string"}}}
_POST_BODY = {"requestBody": {"required": True, "content": {
    "text/plain": {"schema": {"type": "string"}},
    "text/html": {"schema": {"type": "string"}},
    "application/json": {"schema": {"oneOf": [_ITEM_SCHEMA, {"type": "array", "items": _ITEM_SCHEMA}]}},
    "multipart/form-data": {"schema": {"type": "object", "properties": {
        "file": {"type": "array", "items": {"type": "string", "format": "binary"}}}}},
}}}
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "no or wrong bearer token"},
    403: {"description": "ingest is disabled: no update token is configured"},
    413: {"description": "the body is larger than the upload limit"},
    415: {"description": "an unsupported media type or charset"},
    422: {"description": "undecodable bytes (the byte offset is named), no text, or invalid metadata"},
}


class SourceAnswer(BaseModel):
    """What became of one posted source."""

    id: str = Field(description="for DELETE /api/sources/{id}")
    iri: str = Field(description="the source document, which is also its named graph")
    name: str
    url: str | None
    lang: str | None = Field(description="given, else detected (km, th, vi, en; und when not recognised)")
    status: str = Field(description="added, replaced or unchanged")
    sha256: str = Field(description="of the bytes received")
    counts: dict[str, int] = Field(description="resources by kind, and triples, in the source's graph")
    warnings: list[str]


class IngestAnswer(BaseModel):
    sources: list[SourceAnswer]


class SourceItem(BaseModel):
    id: str
    iri: str
    name: str
    url: str | None
    title: str | None
    lang: str | None
    published: str | None
    sha256: str
    triples: int


class SourcePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[SourceItem]


def live_ingest(request: Request, store: Store, settings: Settings) -> LiveIngest:
    """One :class:`LiveIngest` per app and store: it holds the lock that serialises writes."""
    state = request.app.state
    with _CREATE:
        live = getattr(state, "live_ingest", None)
        if live is None or live.store is not store:
            live = state.live_ingest = LiveIngest(store, base=settings.base)
    return live


def require_token(request: Request, store: Store, settings: Settings) -> None:
    """The SPARQL Update rule: writes need a configured token, presented as a bearer token."""
    tokens = [t for t in (settings.update_token(), getattr(request.app.state, "local_token", None)) if t]
    if not tokens or store.read_only:
        raise ApiError(403, "read-only", "ingest is disabled: no update token is configured. Set NQGRAPH_TOKEN, or "
                       "NQGRAPH_TOKEN_FILE to a file holding the token, and restart the server; then send "
                       "'Authorization: Bearer <token>'")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not any(hmac.compare_digest(given.strip().encode(), t.encode()) for t in tokens):
        raise ApiError(401, "unauthorised", "ingest needs 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": "Bearer"})


async def _limited(request: Request, limit: int) -> AsyncIterator[bytes]:
    """The body as it arrives, refused once it passes ``limit`` bytes (whatever Content-Length said)."""
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise ApiError(413, "body too large", f"the upload limit is {limit} bytes (NQGRAPH_UPLOAD_LIMIT)")
        yield chunk


async def _read(request: Request, limit: int) -> bytes:
    return b"".join([chunk async for chunk in _limited(request, limit)])


def _content_type(request: Request) -> tuple[str, str | None]:
    header = Message()
    header["content-type"] = request.headers.get("content-type", "")
    return header.get_content_type() if request.headers.get("content-type") else "", header.get_content_charset()


def _disposition_name(request: Request) -> str | None:
    value = request.headers.get("content-disposition")
    if not value:
        return None
    header = Message()
    header["content-disposition"] = value
    return header.get_filename()


def _single(data: bytes, kind: str, charset: str | None, params: dict[str, str], fallback: str | None
            ) -> SourceInput:
    meta = check_meta(params)
    name = params.get("name") or fallback or meta.get("url")
    if not name:
        raise InputProblem(422, "missing source identity", "say which source this is: ?url=https://... or "
                           "?name=FILE (or a Content-Disposition filename)")
    return SourceInput(check_name(name), data, "html" if kind == "html" else "text", charset, meta)


def _from_json(data: bytes, charset: str | None, params: dict[str, str]) -> list[SourceInput]:
    text = decode(data, charset, name="JSON body")
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise InputProblem(422, "invalid JSON", str(exc)) from None
    items = value if isinstance(value, list) else [value]
    return [from_object({**params, **obj} if isinstance(obj, dict) else obj, where=f"item {i}")
            for i, obj in enumerate(items)]


def _batch_lines(data: bytes, origin: str, params: dict[str, str]) -> list[SourceInput]:
    out = []
    for item in from_jsonl(data, origin, params):
        if isinstance(item, InputProblem):
            raise item
        out.append(item)
    return out


async def _from_multipart(request: Request, limit: int, params: dict[str, str]) -> list[SourceInput]:
    parser = MultiPartParser(request.headers, _limited(request, limit), max_files=10_000, max_fields=100,
                             max_part_size=limit)
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise InputProblem(422, "invalid multipart body", exc.message) from None
    try:
        fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
        params = {**params, **fields}
        files = [v for _, v in form.multi_items() if isinstance(v, UploadFile)]
        if not files:
            raise InputProblem(422, "no files", "send the articles as file parts (curl -F file=@article.txt)")
        sources: list[SourceInput] = []
        for upload in files:
            name = upload.filename or ""
            media = upload.headers.get("content-type")
            kind = format_for(name, None if media == "application/octet-stream" else media)
            if kind is None:
                raise InputProblem(415, "unsupported media type", f"{name or 'a file part'}: send .txt, .html or "
                                   f".jsonl files (text/plain, text/html, application/x-ndjson), not {media}")
            data = await upload.read()
            header = Message()
            header["content-type"] = media or ""
            charset = header.get_content_charset() if media else None
            if kind == "batch":
                sources += _batch_lines(data, name or "batch", _defaults(params))
            else:
                sources.append(_single(data, kind, charset,
                                       {**params, "name": params.get("name") or name}, None))
        return sources
    finally:
        await form.close()


def _defaults(params: dict[str, str]) -> dict[str, str]:
    """What query parameters may say about every source of a batch (identity and title belong to one source)."""
    return {k: v for k, v in params.items() if k in ("lang", "published")}


async def _sources(request: Request, settings: Settings, params: dict[str, str]) -> list[SourceInput]:
    media, charset = _content_type(request)
    kind = {"text/plain": "text", "text/markdown": "text", "text/html": "html", "application/xhtml+xml": "html",
            "application/json": "json", "application/x-ndjson": "batch", "application/jsonl": "batch",
            "application/x-jsonlines": "batch", "multipart/form-data": "multipart"}.get(media)
    if kind is None:
        raise ApiError(415, "unsupported media type", f"cannot ingest {media or 'a body without Content-Type'}; send "
                       "text/plain, text/html, application/json, application/x-ndjson or multipart/form-data")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.upload_limit:
        raise ApiError(413, "body too large", f"{declared} bytes; the upload limit is {settings.upload_limit} bytes "
                       "(NQGRAPH_UPLOAD_LIMIT)")
    if kind == "multipart":
        return await _from_multipart(request, settings.upload_limit, params)
    data = await _read(request, settings.upload_limit)
    if kind == "json":
        return _from_json(data, charset, _defaults(params))
    if kind == "batch":
        return _batch_lines(decode(data, charset, name="JSON Lines body").encode(), "JSON Lines body",
                            _defaults(params))
    return [_single(data, kind, charset, params, _disposition_name(request))]


def _outcome(live: LiveIngest, o: Outcome) -> SourceAnswer:
    return SourceAnswer(id=o.graph.removeprefix(live.prefix), iri=o.graph, name=o.name, url=o.url, lang=o.lang,
                        status=o.status, sha256=o.sha256, counts=o.counts, warnings=o.warnings)


@router.post("/api/sources", summary="Add articles to the graph", status_code=201, openapi_extra=_POST_BODY,
             responses={200: {"description": "every source was already stored with these bytes"}, **_ERRORS})
async def add_sources(
    request: Request,
    response: Response,
    store: StoreDep,
    settings: SettingsDep,
    url: Annotated[str | None, Query(description="the article's URL (its identity)", max_length=2000)] = None,
    name: Annotated[str | None, Query(description="its file name (the identity when no URL)", max_length=1000)] = None,
    title: Annotated[str | None, Query(max_length=2000)] = None,
    published: Annotated[str | None, Query(description="ISO date: 2024-03-02, 2024-03 or 2024")] = None,
    lang: Annotated[str | None, Query(description="BCP 47 tag (km, th, vi, en); detected when absent")] = None,
) -> IngestAnswer:
    """Ingest one article or a batch; each source's graph is replaced atomically, identical bytes change nothing.

    Answers each source's id, IRI, language, status (added, replaced,
    unchanged) and counts of what its graph holds. A request with any bad
    input is refused whole, before anything is written.
    """
    require_token(request, store, settings)
    params = {k: v for k, v in {"url": url, "name": name, "title": title, "published": published,
                                "lang": lang}.items() if v is not None}
    live = live_ingest(request, store, settings)
    try:
        sources = await _sources(request, settings, params)
        if not sources:
            raise InputProblem(422, "no sources", "the request holds no article")
        if len(sources) > 1 and ({"url", "name", "title"} & params.keys()):
            raise InputProblem(422, "ambiguous metadata", "url, name and title describe one source; this request "
                               f"holds {len(sources)}: put them in each JSON object instead")
        identities = [s.identity for s in sources]
        if len(set(identities)) != len(identities):
            twice = sorted({i for i in identities if identities.count(i) > 1})
            raise InputProblem(422, "duplicate sources", f"the same source twice in one request: {twice[:5]}")
        outcomes = await anyio.to_thread.run_sync(live.ingest, sources)
    except InputProblem as exc:
        raise ApiError(exc.status, exc.error, exc.detail) from None
    if all(o.status == "unchanged" for o in outcomes):
        response.status_code = 200
    return IngestAnswer(sources=[_outcome(live, o) for o in outcomes])


@router.get("/api/sources", summary="The source articles in the graph")
async def list_sources(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> SourcePage:
    """Ordered by name; ``total`` counts them all.

    A page already described since the store last changed is answered on the
    event loop; anything that must query the store goes to a worker thread.
    """
    live = live_ingest(request, store, settings)
    cached = live.cached_page(limit=limit, offset=offset)
    total, page = cached if cached is not None else await anyio.to_thread.run_sync(
        partial(live.list, limit=limit, offset=offset))
    items = [SourceItem(id=s.graph.removeprefix(live.prefix), iri=s.graph, name=s.name, url=s.url, title=s.title,
                        lang=s.lang, published=s.published, sha256=s.sha256, triples=s.triples) for s in page]
    return SourcePage(total=total, limit=limit, offset=offset, items=items)


@router.delete("/api/sources/{source_id}", summary="Remove one source's graph", status_code=204,
               responses={404: {"description": "no such source"}, 401: _ERRORS[401], 403: _ERRORS[403]})
async def remove_source(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    source_id: Annotated[str, Path(description="the id given by POST or GET /api/sources", max_length=1000)],
) -> Response:
    """Only that source's named graph goes; shared graphs and other sources' facts stay."""
    require_token(request, store, settings)
    live = live_ingest(request, store, settings)
    if not await anyio.to_thread.run_sync(live.remove, source_id):
        raise ApiError(404, "not found", f"no source {source_id!r}")
    return Response(status_code=204)
