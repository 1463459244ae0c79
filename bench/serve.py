"""Launch one of the Python HTTP servers the benchmarks compare, under identical uvicorn settings.

- ``nqgraph``: ``api.app.create_app`` over a store directory (the app opens the store at start-up, as
  ``uvicorn api.app:app`` does);
- ``rdflib-endpoint``: rdflib-endpoint's ``SparqlEndpoint`` over an rdflib Dataset parsed from N-Quads;
- ``floor``: an empty FastAPI route answering a constant SPARQL JSON result, the cost of HTTP + uvicorn + FastAPI
  with no query work at all.

``python -m bench.serve nqgraph --store DIR --port 8123``. Loopback only.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

UVICORN: dict[str, Any] = {"host": "127.0.0.1", "log_level": "warning", "access_log": False, "workers": 1}
EMPTY_RESULT = b'{"head": {"vars": ["x"]}, "results": {"bindings": []}}'


def floor_app() -> Any:
    from fastapi import FastAPI, Response

    app = FastAPI()

    @app.get("/sparql")
    def sparql(query: str = "") -> Response:
        return Response(EMPTY_RESULT, media_type="application/sparql-results+json")

    return app


def nqgraph_app(store: Path) -> Any:
    from api.app import create_app
    from api.settings import Settings

    return create_app(Settings(store=str(store)))


def rdflib_app(data: Path) -> Any:
    import rdflib
    from rdflib_endpoint import SparqlEndpoint

    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(str(data), format="nquads")
    return SparqlEndpoint(graph=dataset, path="/sparql", cors_enabled=False)


def main(argv: list[str] | None = None) -> None:
    import uvicorn

    parser = argparse.ArgumentParser(prog="python -m bench.serve")
    parser.add_argument("kind", choices=("nqgraph", "rdflib-endpoint", "floor"))
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--store", type=Path, help="nqgraph data directory")
    parser.add_argument("--data", type=Path, help="N-Quads file for rdflib-endpoint")
    args = parser.parse_args(argv)
    if args.kind == "nqgraph":
        app = nqgraph_app(args.store)
    elif args.kind == "rdflib-endpoint":
        app = rdflib_app(args.data)
    else:
        app = floor_app()
    uvicorn.run(app, port=args.port, **UVICORN)


if __name__ == "__main__":
    main()
