"""Read a SPARQL 1.1 Protocol request (GET or POST) into one operation, or say exactly what is wrong with it.

Why strict: the protocol gives three POST shapes (an urlencoded form, a
direct ``application/sparql-query`` body, a direct ``application/sparql-update``
body) and leaves everything else an error, and the W3C protocol tests check
the errors as much as the answers:

- two ``query`` (or ``update``) values, or both kinds at once → 400;
- a body in any other media type, or none declared → 415;
- a declared charset other than UTF-8 → 415; bytes that are not UTF-8 → 400;
- an update by ``GET`` → 405 (it would be replayed by caches and crawlers).

Dataset parameters may sit in the URL of a POST (the W3C tests put them
there); for a form POST the URL's and the body's fields are read together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from fastapi import Request

from api.errors import ApiError

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"


@dataclass
class Operation:
    """One protocol operation: exactly one of ``query`` and ``update`` is set (or neither, for a bare GET)."""

    query: str | None = None
    update: str | None = None
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    using_graphs: list[str] = field(default_factory=list)
    using_named_graphs: list[str] = field(default_factory=list)
    format_name: str | None = None


def _operation(params: list[tuple[str, str]], *, query: str | None = None, update: str | None = None) -> Operation:
    queries = [v for k, v in params if k == "query"] + ([query] if query is not None else [])
    updates = [v for k, v in params if k == "update"] + ([update] if update is not None else [])
    if len(queries) > 1 or len(updates) > 1:
        raise ApiError(400, "bad request", "give one query or one update per request, not several")
    if queries and updates:
        raise ApiError(400, "bad request", "give either a query or an update, not both")

    def values(name: str) -> list[str]:
        return [v for k, v in params if k == name]

    formats = values("format")
    return Operation(query=queries[0] if queries else None, update=updates[0] if updates else None,
                     default_graphs=values("default-graph-uri"), named_graphs=values("named-graph-uri"),
                     using_graphs=values("using-graph-uri"), using_named_graphs=values("using-named-graph-uri"),
                     format_name=formats[0] if formats else None)


def read_get(request: Request) -> Operation:
    params = list(request.query_params.multi_items())
    if any(k == "update" for k, _ in params):
        raise ApiError(405, "method not allowed", "SPARQL updates must be sent with POST", headers={"Allow": "POST"})
    return _operation(params)


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "bad request", f"the body is not UTF-8 ({exc.reason} at byte {exc.start})") from None


async def read_post(request: Request, upload_limit: int) -> Operation:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > upload_limit:
        raise ApiError(413, "body too large", f"the limit is {upload_limit} bytes")
    content_type = request.headers.get("content-type", "")
    media, *parameters = [part.strip() for part in content_type.split(";")]
    media = media.lower()
    if media not in (FORM, QUERY, UPDATE):
        raise ApiError(415, "unsupported media type", f"send {QUERY}, {UPDATE} or an {FORM} form with query= "
                       "or update=" + (f" (got {media})" if media else " (no Content-Type was given)"))
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip('"').lower() not in ("utf-8", "utf8"):
            raise ApiError(415, "unsupported media type", f"only UTF-8 is accepted, not {value.strip()}")
    body = await request.body()
    if len(body) > upload_limit:
        raise ApiError(413, "body too large", f"the limit is {upload_limit} bytes")
    params = list(request.query_params.multi_items())
    if media == FORM:
        try:
            params += parse_qsl(_decode(body), keep_blank_values=True, encoding="utf-8", errors="strict")
        except UnicodeDecodeError as exc:
            raise ApiError(400, "bad request", f"a form field is not UTF-8 ({exc.reason})") from None
        operation = _operation(params)
    elif media == QUERY:
        operation = _operation(params, query=_decode(body))
    else:
        operation = _operation(params, update=_decode(body))
    if operation.query is None and operation.update is None:
        raise ApiError(400, "bad request", "the form has neither query= nor update=")
    return operation
