"""Synthetic RDF graphs in nqgraph's ontology (ontology/README.md), streamed to N-Quads files.

Why synthetic and streamed: load and query benchmarks need 100k, 1M and 10M
triples with the shape the builder produces (one named graph per source
article; entities re-described in every graph that mentions them; memberships
and evidence as n-ary nodes; implementation chains resolution → programme →
plan), long before a real corpus of that size exists. The file is written
block by block, one article graph at a time, so 10M triples never sit in
memory. Article ``i`` depends only on ``(seed, i)``; the last block is cut so
the file holds exactly the requested number of quads.

The module is named ``rdf_graphs`` so that it never shadows the ``graph`` package.

>>> import io
>>> buf = io.StringIO()
>>> write_nquads(buf, 500, seed=1)
500
>>> len(buf.getvalue().splitlines())
500
"""

from __future__ import annotations

import argparse
import hashlib
import random
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from bench.places import PROVINCES, fold

ID = "https://w3id.org/nqgraph/id/"
NQ = "https://w3id.org/nqgraph/ontology#"
ORG = "http://www.w3.org/ns/org#"
ELI = "http://data.europa.eu/eli/ontology#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"

# Central documents every generated graph draws from; queries name the first one.
CENTRAL = tuple((f"{n}-NQ/TW", 2021 + n % 4) for n in (21, 27, 29, 45, 57, 68, 18, 19, 20, 28, 42, 43, 44, 46, 60))
TARGET_DOCUMENT = ID + "document/21-nq-tw-2022"
DISTRICTS_PER_PROVINCE = 10
COMMUNES_PER_DISTRICT = 12
CELLS_PER_COMMUNE = 5

SIZES = {"100k": 100_000, "1M": 1_000_000, "10M": 10_000_000}


def _slug(text: str) -> str:
    out = "".join(c if c.isalnum() else "-" for c in fold(text).lower())
    return "-".join(p for p in out.split("-") if p)


def _lit(value: str, lang: str | None = None, datatype: str | None = None) -> str:
    text = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if lang:
        return f"{text}@{lang}"
    return f"{text}^^<{datatype}>" if datatype else text


def province_iri(p: int) -> str:
    return f"{ID}place/{_slug(PROVINCES[p % len(PROVINCES)].vi)}-{p}"


def org_iri(p: int, d: int | None = None, c: int | None = None, k: int | None = None) -> str:
    """The party committee (or cell) at a position in the hierarchy province/district/commune/cell."""
    parts = [f"p{p}"] + [f"{x}{v}" for x, v in (("d", d), ("c", c), ("k", k)) if v is not None]
    level = ("provincial", "district", "commune", "cell")[len(parts) - 1]
    return f"{ID}org/{level}-party-committee-{'-'.join(parts)}"


def _article(seed: int, i: int) -> Iterator[tuple[str, str, str]]:
    """(subject, predicate, object) terms of article ``i``'s graph, in N-Triples syntax."""
    rng = random.Random(f"rdf:{seed}:{i}")
    p = rng.randrange(63)
    d, c, k = rng.randrange(DISTRICTS_PER_PROVINCE), rng.randrange(COMMUNES_PER_DISTRICT), rng.randrange(
        CELLS_PER_COMMUNE)
    source = f"{ID}source/synthetic-{i:08d}-txt"
    lang = ("km", "th", "vi", "en")[i % 4]
    yield from _source(source, i, lang)
    chain = [(org_iri(p), "provincial", None), (org_iri(p, d), "district", org_iri(p)),
             (org_iri(p, d, c), "commune", org_iri(p, d)), (org_iri(p, d, c, k), "cell", org_iri(p, d, c))]
    place = province_iri(p)
    yield place, RDF_TYPE, f"<{NQ}Place>"
    yield place, LABEL, _lit(fold(PROVINCES[p % len(PROVINCES)].vi), "en")
    for org, level, parent in chain:
        yield from _org(org, level, parent, place, lang, source)
    code, year = CENTRAL[0] if rng.random() < 0.3 else rng.choice(CENTRAL)
    res = f"{ID}document/{_slug(code)}-{year}"
    prog_code = f"{rng.randint(1, 300)}-CTr/TU"
    prog = f"{ID}document/{_slug(prog_code)}-p{p}-{year}"
    plan_code = f"{rng.randint(1, 200)}-KH/HU"
    plan = f"{ID}document/{_slug(plan_code)}-p{p}-d{d}-{year + 1}"
    yield from _document(res, code, "Resolution", f"{year}-06-16", f"{ID}org/central-committee", source)
    yield from _document(prog, prog_code, "Programme", f"{year}-09-{rng.randint(10, 28)}", chain[0][0], source)
    yield from _document(plan, plan_code, "Plan", f"{year + 1}-0{rng.randint(1, 9)}", chain[1][0], source)
    links = [(chain[0][0], res), (prog, res), (chain[1][0], prog), (plan, prog), (chain[2][0], plan)]
    event = f"{ID}event/{hashlib.sha1(f'{source}:event'.encode()).hexdigest()[:16]}"
    yield event, RDF_TYPE, f"<{NQ}Event>"
    yield event, LABEL, _lit(f"Thematic party cell meeting {i}", "en")
    yield event, f"{SCHEMA}organizer", f"<{chain[3][0]}>"
    yield event, f"{SCHEMA}startDate", _lit(f"{year + 1}-{rng.randint(10, 12)}", datatype=XSD + "gYearMonth")
    links.append((event, plan))
    for n, role in enumerate(("secretary", "deputy_secretary")):
        yield from _post(rng, chain[n + 1][0], role, source)
    for s, o in links:
        yield s, f"{NQ}implements", f"<{o}>"
        yield from _evidence(s, o, source, lang, rng)


def _source(source: str, i: int, lang: str) -> Iterator[tuple[str, str, str]]:
    yield source, RDF_TYPE, f"<{NQ}SourceDocument>"
    yield source, f"{DCT}language", _lit(lang)
    yield source, f"{NQ}sha256", _lit(hashlib.sha256(str(i).encode()).hexdigest())
    yield source, f"{NQ}fileName", _lit(f"synthetic_{i:08d}.txt")
    yield source, f"{DCT}title", _lit(f"Synthetic article {i}", lang)


def _org(org: str, level: str, parent: str | None, place: str, lang: str, source: str) -> Iterator[tuple[str, ...]]:
    cls = "PartyCell" if level == "cell" else "PartyCommittee"
    name = org.rsplit("/", 1)[1].replace("-", " ").title()
    yield org, RDF_TYPE, f"<{NQ}{cls}>"
    yield org, RDF_TYPE, f"<{NQ}Organization>"
    yield org, LABEL, _lit(name, "en")
    yield org, LABEL, _lit(f"{name} ({lang})", lang)
    yield org, f"{NQ}level", f"<{NQ}level/{level}>"
    yield org, f"{NQ}place", f"<{place}>"
    yield org, f"{PROV}wasDerivedFrom", f"<{source}>"
    if parent:
        yield org, f"{ORG}subOrganizationOf", f"<{parent}>"


def _document(doc: str, code: str, cls: str, date: str, issuer: str, source: str) -> Iterator[tuple[str, ...]]:
    datatype = XSD + ("date" if len(date) == 10 else "gYearMonth")
    yield doc, RDF_TYPE, f"<{NQ}{cls}>"
    yield doc, f"{ELI}id_local", _lit(code)
    yield doc, f"{ELI}date_document", _lit(date, datatype=datatype)
    yield doc, f"{ELI}passed_by", f"<{issuer}>"
    yield doc, LABEL, _lit(f"{cls} {code}", "en")
    yield doc, f"{PROV}wasDerivedFrom", f"<{source}>"


def _post(rng: random.Random, org: str, role: str, source: str) -> Iterator[tuple[str, ...]]:
    person = f"{ID}person/person-{rng.randrange(2_000_000)}"
    membership = f"{ID}membership/{hashlib.sha1(f'{person}{role}{org}'.encode()).hexdigest()[:16]}"
    yield person, RDF_TYPE, f"<{NQ}Person>"
    yield person, LABEL, _lit(person.rsplit("/", 1)[1].replace("-", " ").title(), "en")
    yield membership, RDF_TYPE, f"<{ORG}Membership>"
    yield membership, f"{ORG}member", f"<{person}>"
    yield membership, f"{ORG}organization", f"<{org}>"
    yield membership, f"{ORG}role", f"<{NQ}role/{role}>"
    yield membership, f"{PROV}wasDerivedFrom", f"<{source}>"


def _evidence(s: str, o: str, source: str, lang: str, rng: random.Random) -> Iterator[tuple[str, ...]]:
    node = f"{ID}evidence/{hashlib.sha1(f'{source}{s}{o}'.encode()).hexdigest()[:20]}"
    start = rng.randrange(15_000)
    yield node, RDF_TYPE, f"<{NQ}Evidence>"
    yield node, f"{NQ}subject", f"<{s}>"
    yield node, f"{NQ}predicate", f"<{NQ}implements>"
    yield node, f"{NQ}object", f"<{o}>"
    yield node, f"{NQ}sentence", _lit(f"sentence {start} stating that {s.rsplit('/', 1)[1]} implements", lang)
    yield node, f"{NQ}start", _lit(str(start), datatype=XSD + "integer")
    yield node, f"{NQ}end", _lit(str(start + 40), datatype=XSD + "integer")
    yield node, f"{NQ}rule", _lit("synthetic")
    yield node, f"{PROV}wasDerivedFrom", f"<{source}>"


def quads(count: int, seed: int = 0) -> Iterator[str]:
    """Exactly ``count`` N-Quads lines (with newline), article graph after article graph."""
    written, i = 0, 0
    while written < count:
        graph = f"{ID}source/synthetic-{i:08d}-txt"
        for s, p, o in _article(seed, i):
            yield f"<{s}> <{p}> {o} <{graph}> .\n"
            written += 1
            if written == count:
                return
        i += 1


def write_nquads(out: TextIO, count: int, seed: int = 0) -> int:
    """Stream ``count`` quads to ``out`` in blocks; returns the number written."""
    block: list[str] = []
    n = 0
    for line in quads(count, seed):
        block.append(line)
        if len(block) >= 20_000:
            out.write("".join(block))
            n += len(block)
            block.clear()
    out.write("".join(block))
    return n + len(block)


def ensure_file(directory: Path, count: int, seed: int = 0) -> Path:
    """The N-Quads file of ``count`` quads in ``directory``, written once and reused (same seed, same bytes)."""
    path = directory / f"synthetic-{count}-s{seed}.nq"
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        with tmp.open("w", encoding="utf-8") as out:
            write_nquads(out, count, seed)
        tmp.rename(path)
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.rdf_graphs", description=__doc__.splitlines()[0])
    parser.add_argument("size", help="a number of quads, or one of " + ", ".join(SIZES))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True, help="directory for the .nq file")
    args = parser.parse_args(argv)
    count = SIZES.get(args.size) or int(args.size)
    print(ensure_file(args.out, count, args.seed))


if __name__ == "__main__":
    main()
