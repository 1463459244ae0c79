"""The REST analytics routes over HTTP: projection build, then implementers, paths, search and rankings with wrk.

Why in the server process: the routes answer from the networkx projection
that ``nqgraph serve`` builds on the first graph request, so the first
request's time is the build as a user meets it (store open, every SELECT,
assembly), and the server's peak RSS (``VmHWM``) right after it is the
build's memory on top of what the idle server held (``VmRSS`` before). A
separate build in another process would double the largest cost of this
group (about a minute and a half at 1M triples) for the same figures.

Inputs come from the generator itself (``bench.rdf_graphs``), never from the
store: the first article whose resolution is the central one gives the party
cell for ``/api/paths`` and the province for ``/api/search``, spelt without
diacritics (as the graph labels it) and with one letter dropped. Implementers
are asked with the default page (50 bodies, each with up to 20 paths and all
their evidence: megabytes of JSON at 1M triples) and with a page of 5, which
shows the search's own cost apart from the size of the answer. Every route is
asked once before any load, which checks the answer and leaves the search
index, the PageRank scores and the implementers' paths cached, as they are
for every later user of the same projection. Each row's values are the
median latencies of its wrk runs; the note gives the p99 and throughput.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx

from bench import wrk
from bench.harness import Context, NotAvailable, Row, benchmark
from bench.inputs import ensure_store
from bench.places import PROVINCES, fold
from bench.rdf_graphs import CENTRAL, RDF_TYPE, SIZES, TARGET_DOCUMENT, _article, province_iri
from bench.servers import serve

DOCUMENT = CENTRAL[0]  # ("21-NQ/TW", 2022): the resolution TARGET_DOCUMENT names


@dataclass(frozen=True)
class Inputs:
    cell: str  # a party cell in the graph, linked to TARGET_DOCUMENT through its event, plan and programme
    place: str  # the IRI of that cell's province
    query: str  # the province's name without diacritics and with a typo


def typo(name: str) -> str:
    """``name`` with the middle letter of its longest word dropped: ``Tra Vinh`` → ``Tra Vnh``."""
    words = name.split()
    longest = max(range(len(words)), key=lambda i: (len(words[i]), -i))
    word = words[longest]
    cut = (len(word) - 1) // 2
    words[longest] = word[:cut] + word[cut + 1:]
    return " ".join(words)


def pick_inputs(seed: int, articles: int = 50) -> Inputs:
    """The cell, province and search text of the first article (of the first ``articles``) about the target."""
    for i in range(articles):
        triples = list(_article(seed, i))
        if not any(p.endswith("#implements") and o == f"<{TARGET_DOCUMENT}>" for _, p, o in triples):
            continue
        cell = next(s for s, p, o in triples if p == RDF_TYPE and o.endswith("#PartyCell>"))
        place = next(o[1:-1] for s, p, o in triples if s == cell and p.endswith("#place"))
        province = next(n for n in range(len(PROVINCES) * 2) if province_iri(n) == place)
        return Inputs(cell, place, typo(fold(PROVINCES[province % len(PROVINCES)].vi)))
    raise RuntimeError(f"no article among the first {articles} implements {TARGET_DOCUMENT}")


def cases(inputs: Inputs, base: str) -> dict[str, str]:
    """Route name → URL (with its query) on a server at ``base``."""
    def url(path: str, **params: Any) -> str:
        return f"{base}{path}?{urlencode(params)}"

    code, year = DOCUMENT
    return {
        "implementers (transitive)": url("/api/implementers", document=code, year=year),
        "implementers (transitive), limit=5": url("/api/implementers", document=code, year=year, limit=5),
        "paths": url("/api/paths", **{"from": inputs.cell, "to": TARGET_DOCUMENT}),
        "search (typo, no diacritics)": url("/api/search", q=inputs.query),
        "rankings (pagerank)": url("/api/rankings", metric="pagerank"),
    }


def _summary(name: str, body: dict[str, Any]) -> str:
    if name.startswith("implementers"):
        return f"{body['total']} bodies"
    if name == "paths":
        return f"{body['total']} paths of length {body['length']}"
    if name.startswith("search"):
        first = body["items"][0]["label"] if body["items"] else "nothing"
        return f"{body['total']} hits, first {first}"
    return f"{body['total']} nodes ranked"


def _status(pid: int) -> dict[str, float]:
    """``VmRSS`` and ``VmHWM`` (MB) of a process, from /proc."""
    found: dict[str, float] = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            key = line.split(":", 1)[0]
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(line.split()[1]) / 1024
    return found


def _timed(client: httpx.Client, url: str) -> tuple[float, httpx.Response]:
    start = time.perf_counter()
    response = client.get(url)
    return time.perf_counter() - start, response


def measure(ctx: Context, label: str, *, concurrency: tuple[int, ...], seconds: float, reps: int,
            progress: Callable[[str], None] = lambda _: None) -> None:
    """Start ``nqgraph serve`` on the ``label`` store, build, warm up, then load each route with wrk."""
    wrk.ensure_wrk()
    try:
        import api.app  # noqa: F401
    except ImportError as exc:
        raise NotAvailable(f"api.app.create_app ({exc})") from exc
    inputs = pick_inputs(ctx.seed)
    data_dir, _ = ensure_store(ctx, label)
    limit = ctx.pick(60.0, 300.0)
    with serve("nqgraph", store_dir=data_dir) as server:
        base = server.url.rsplit("/", 1)[0]
        idle = _status(server.process.pid)
        with httpx.Client(trust_env=False, timeout=limit) as client:
            seconds_build, first = _timed(client, f"{base}/api/entities/{inputs.place}?limit=1")
            if first.status_code != 200:
                raise RuntimeError(f"first graph request: HTTP {first.status_code}: {first.text[:200]}")
            built = _status(server.process.pid)
            ctx.emit(Row("rest", f"{label}: projection build (first graph request)", "nqgraph", "s",
                         [seconds_build], note=f"{SIZES[label]:,} quads; store open, SELECTs and assembly, 1 run"))
            ctx.emit(Row("rest", f"{label}: server peak RSS after the build", "nqgraph", "MB", [built["VmHWM"]],
                         note=f"the idle server held {idle['VmRSS']:.0f} MB; build added "
                              f"{built['VmHWM'] - idle['VmRSS']:.0f} MB at its peak"))
            urls = cases(inputs, base)
            checks: dict[str, str] = {}
            for name, url in urls.items():
                warm, response = _timed(client, url)
                if response.status_code != 200:
                    raise RuntimeError(f"{name}: HTTP {response.status_code}: {response.text[:200]}")
                checks[name] = f"{_summary(name, response.json())}; first request {warm * 1000:.0f} ms"
                progress(f"{label} {name}: {checks[name]}")
        for name, url in urls.items():
            for conc in concurrency:
                runs = [wrk.run(url, connections=conc, seconds=seconds) for _ in range(reps)]
                p50 = [r.p50_ms for r in runs if r.p50_ms is not None]
                p99 = [r.p99_ms for r in runs if r.p99_ms is not None]
                errors = sum(r.errors for r in runs)
                note = [checks[name],
                        f"p99 {statistics.median(p99):.2f} ms" if p99 else "no request finished",
                        f"{statistics.median(r.requests_per_s for r in runs):.0f} req/s"]
                if errors:
                    note.append(f"{errors} errors/timeouts")
                ctx.emit(Row("rest", f"{label}: {name}, c={conc}", "nqgraph", "ms p50", p50,
                             status="ok" if p50 else "error", note="; ".join(note)))


def _rest(label: str, *, full_only: bool) -> None:
    @benchmark(f"rest.{label}", cap=(40, 200 if label == "100k" else 420), full_only=full_only)
    def rest(ctx: Context) -> None:
        measure(ctx, label, concurrency=ctx.pick((1,), (1, 8)), seconds=ctx.pick(1, 2), reps=ctx.pick(1, 3))


_rest("100k", full_only=False)
_rest("1M", full_only=True)

