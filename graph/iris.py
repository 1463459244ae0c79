"""Stable, readable resource IRIs and the parsing of document codes they rest on.

Why a module of its own: every stage that writes or looks up resources (rdf,
resolve, the store's re-ingestion, the API's ``/id/`` routes) must build the
same IRI from the same facts, across runs and machines. Nothing here depends
on time, randomness or the order of input, so re-building a corpus yields the
same IRIs.

Rules (ontology/README.md):

- slugs are ASCII-folded (``đ`` → ``d``), lower case, apostrophes dropped
  ("People's" → "peoples"), other runs of non-alphanumerics → ``-``;
- ``document/<code slug>[-<issuer place slug>][-<year>]``: the place only for
  codes whose issuer is local (see :func:`is_national`), the year omitted when
  unknown or already part of the code (``35/2024/NĐ-CP``); the leading zeros of
  the document number are dropped so "01/PA-BCA" and "1/PA-BCA" meet;
- memberships, events and evidence are named by a hash of their content.

>>> document_iri("21-NQ/TW", year=2022)
'https://w3id.org/nqgraph/id/document/21-nq-tw-2022'
>>> document_iri("39-CTr/TU", issuer_place="Trà Vinh", year=2022)
'https://w3id.org/nqgraph/id/document/39-ctr-tu-tra-vinh-2022'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

DEFAULT_BASE = "https://w3id.org/nqgraph/id/"

_APOSTROPHES = re.compile(r"['\u2019\u02bc`]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_CODE_SEPARATORS = re.compile(r"\s*[-/\u2010-\u2015\u2212]\s*")
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})

# Issuers whose numbering is national: the central Party organs (anything ending in
# TW: BCHTW, BTCTW, UBKTTW, VPTW...), the Politburo (BCT) and Secretariat (BBT), the
# National Assembly (QH, UBTVQH), Government (CP) and Prime Minister (TTg), the
# President (CTN) and the ministries and central agencies by their usual initials.
# Everything else (TU, ThU, TxU, HU, QU, ĐU, UBND, HĐND, provincial departments...)
# numbers its documents within its own province, district or unit.
NATIONAL_ISSUERS = frozenset({
    "TW", "BCT", "BBT", "QH", "CP", "TTG", "CTN", "VPCP", "VPCTN", "TTCP", "NHNN", "KTNN", "TANDTC", "VKSNDTC",
    "BCA", "BQP", "BNG", "BNV", "BTC", "BTP", "BYT", "BXD", "BGTVT", "BGDDT", "BKHDT", "BNNPTNT", "BNNMT",
    "BTNMT", "BTTTT", "BLDTBXH", "BVHTTDL", "BKHCN", "BDT", "UBDT", "MTTW",
})
_NATIONAL_SUFFIXES = ("TW", "QH", "CP")


def fold(text: str) -> str:
    """Strip diacritics and fold đ/Đ (which NFD does not decompose) to d/D.

    >>> fold("Đảng ủy Cẩm Xuyên")
    'Dang uy Cam Xuyen'
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slugify(text: str) -> str:
    """ASCII-fold, lower-case, drop apostrophes, turn other runs into ``-``.

    Returns "" for text with no Latin letters or digits (Khmer or Thai script);
    the IRI builders fall back to a hash then.

    >>> slugify("Chi Linh City People's Party Committee")
    'chi-linh-city-peoples-party-committee'
    >>> slugify("21-NQ/TW")
    '21-nq-tw'
    """
    folded = _APOSTROPHES.sub("", fold(text).lower())
    return _NON_ALNUM.sub("-", folded).strip("-")


def content_hash(*parts: object) -> str:
    """A short, stable hex digest of ``parts`` (order matters, ``None`` counts as empty)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def _segment(name: str) -> str:
    return slugify(name) or "h" + content_hash(name)


def normalize_base(base: str) -> str:
    return base if base.endswith(("/", "#")) else base + "/"


# --- document codes -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CodeParts:
    """A document code split into number, optional year, type abbreviation and issuer."""

    number: str
    year: int | None
    type: str
    issuer: str


def normalize_code(code: str) -> str:
    """The code as written officially, with spaces and typographic dashes cleaned.

    >>> normalize_code("21 – NQ/TW")
    '21-NQ/TW'
    """
    code = unicodedata.normalize("NFC", code).translate(_DASHES)
    return re.sub(r"\s*([-/])\s*", r"\1", code).strip()


def parse_code(code: str) -> CodeParts | None:
    """Split a party or state document code; ``None`` if ``code`` is not one.

    Accepts the party form ``21-NQ/TW``, the ministry form ``19/DA-BCA`` and the
    state form ``35/2024/NĐ-CP``.

    >>> parse_code("35/2024/NĐ-CP")
    CodeParts(number='35', year=2024, type='ND', issuer='CP')
    >>> parse_code("24th Congress") is None
    True
    """
    tokens = [t for t in _CODE_SEPARATORS.split(fold(normalize_code(code)).upper()) if t]
    if len(tokens) < 3 or not tokens[0].isdigit():
        return None
    year = None
    if len(tokens) >= 4 and re.fullmatch(r"(19|20)\d\d", tokens[1]):
        year = int(tokens[1])
        tokens = [tokens[0], *tokens[2:]]
    if not all(t.isalnum() for t in tokens[1:]) or not tokens[1].isalpha():
        return None
    number = tokens[0].lstrip("0") or "0"
    return CodeParts(number=number, year=year, type=tokens[1], issuer="-".join(tokens[2:]))


def code_slug(code: str) -> str:
    """The code's part of a document IRI; separators and leading zeros do not count.

    >>> code_slug("01/PA-BCA"), code_slug("1-PA/BCA")
    ('1-pa-bca', '1-pa-bca')
    """
    parts = parse_code(code)
    if parts is None:
        return _segment(code)
    year = f"-{parts.year}" if parts.year else ""
    return f"{parts.number}{year}-{slugify(parts.type)}-{slugify(parts.issuer)}"


def is_national(code: str) -> bool:
    """True when the issuer numbers its documents nationally, so code + year identify it.

    >>> is_national("21-NQ/TW"), is_national("19/DA-BCA"), is_national("39-CTr/TU")
    (True, True, False)
    """
    parts = parse_code(code)
    if parts is None:
        return False
    issuer = parts.issuer.split("-")[-1]
    return issuer in NATIONAL_ISSUERS or issuer.endswith(_NATIONAL_SUFFIXES)


def code_year(code: str) -> int | None:
    """The year written inside a state-form code (``35/2024/NĐ-CP`` → 2024)."""
    parts = parse_code(code)
    return parts.year if parts else None


# --- IRI builders ---------------------------------------------------------------------------------


def graph_iri(name: str, base: str = DEFAULT_BASE) -> str:
    """Shared graphs: ``graph/ontology``, ``graph/registry``, ``graph/gazetteer``."""
    return f"{normalize_base(base)}graph/{name}"


def source_iri(name: str, base: str = DEFAULT_BASE) -> str:
    """The source article (and its named graph), from its URL, else its file name.

    The scheme and ``www.`` of a URL are dropped; very long slugs are cut and
    completed with a hash of the whole name so that they stay unique.

    >>> source_iri("000_1f49eed82ae6279f.txt")
    'https://w3id.org/nqgraph/id/source/000-1f49eed82ae6279f-txt'
    """
    stripped = re.sub(r"^[a-z][a-z0-9+.-]*://(www\.)?", "", name.strip(), flags=re.I)
    slug = _segment(stripped)
    if len(slug) > 96:
        slug = f"{slug[:80].rstrip('-')}-{content_hash(name)}"
    return f"{normalize_base(base)}source/{slug}"


def org_iri(name: str, base: str = DEFAULT_BASE, *, scope: str | None = None) -> str:
    """An organisation by its canonical English name.

    ``scope`` (a source name) keeps apart generic bodies whose place the text never
    names ("Provincial Party Committee"): each article's one is its own resource.
    """
    suffix = f"-{content_hash(scope)[:8]}" if scope else ""
    return f"{normalize_base(base)}org/{_segment(name)}{suffix}"


def person_iri(name: str, base: str = DEFAULT_BASE) -> str:
    return f"{normalize_base(base)}person/{_segment(name)}"


def place_iri(name: str, base: str = DEFAULT_BASE) -> str:
    return f"{normalize_base(base)}place/{_segment(name)}"


def document_iri(code: str, *, issuer_place: str | None = None, year: int | None = None,
                 base: str = DEFAULT_BASE) -> str:
    """``document/<code>[-<issuer place>][-<year>]``; the place is ignored for national codes."""
    slug = code_slug(code)
    if issuer_place and not is_national(code):
        slug += f"-{_segment(issuer_place)}"
    if year and year != code_year(code):
        slug += f"-{year}"
    return f"{normalize_base(base)}document/{slug}"


def parse_document_iri(iri: str, code: str, base: str = DEFAULT_BASE) -> tuple[str | None, int | None] | None:
    """``(issuer place slug, year)`` of a document IRI built for ``code``, or ``None``.

    The inverse of :func:`document_iri` for IRIs already in a store, so that a new
    article's mention can be merged with a stored document of the same code.

    >>> parse_document_iri(document_iri("39-CTr/TU", issuer_place="Tra Vinh", year=2022), "39-CTr/TU")
    ('tra-vinh', 2022)
    """
    prefix = f"{normalize_base(base)}document/{code_slug(code)}"
    if not iri.startswith(prefix):
        return None
    rest = iri[len(prefix):]
    if rest and not rest.startswith("-"):
        return None
    tokens = [t for t in rest.split("-") if t]
    year = code_year(code)
    if tokens and re.fullmatch(r"(1[89]|20)\d\d", tokens[-1]):
        year = int(tokens.pop())
    return ("-".join(tokens) or None), year


def event_iri(source: str, label: str, base: str = DEFAULT_BASE) -> str:
    """Events are per article: the same label in two articles may be two meetings."""
    return f"{normalize_base(base)}event/{content_hash(source, slugify(label) or label)}"


def membership_iri(person: str, role: str, organization: str, base: str = DEFAULT_BASE) -> str:
    """A post, from the IRIs of person, role and organisation: the same post in two articles meets."""
    return f"{normalize_base(base)}membership/{content_hash(person, role, organization)}"


def evidence_iri(*parts: object, base: str = DEFAULT_BASE) -> str:
    """Evidence from its content (source, subject, predicate, object, offsets, ...)."""
    return f"{normalize_base(base)}evidence/{content_hash(*parts)}"
