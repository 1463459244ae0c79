"""The one settings object for the server and the CLI, read from ``NQGRAPH_*`` variables.

Why one object: every knob is validated once at start-up and injected (see
``api/deps.py``); nothing else reads the environment. CLI flags override
fields by constructing ``Settings(store=...)``, except the update token, which
comes only from ``NQGRAPH_TOKEN`` or the file named by ``NQGRAPH_TOKEN_FILE``:
a command-line argument would show in ``ps`` to every user of the machine.

>>> Settings(store="data", query_timeout=5).query_timeout
5.0
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    """Server and build settings; environment names are the field names upper-cased with ``NQGRAPH_``."""

    model_config = SettingsConfigDict(env_prefix="NQGRAPH_", extra="ignore", frozen=True)

    store: str = Field("data", description="a data directory, or sparql+http(s)://host/path for a remote endpoint")
    update_endpoint: str | None = Field(None, description="a remote store's SPARQL Update endpoint, if not --store")
    engine: Literal["server", "in-process"] = Field(
        "server", description="how `serve` runs a data directory's queries: a managed `oxigraph serve` whose "
        "timeout stops them (server), or pyoxigraph in the API process (in-process)")
    base: str = Field("https://w3id.org/nqgraph/id/", description="base IRI of resources")
    query_timeout: float = Field(30.0, gt=0, description="seconds before a SPARQL query is abandoned")
    row_cap: int = Field(100_000, gt=0, description="maximum rows (or triples) in one SPARQL response")
    max_query_length: int = Field(100_000, gt=0, description="maximum characters in a SPARQL query")
    upload_limit: int = Field(20 * 1024 * 1024, gt=0, description="maximum bytes in an update or upload body")
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list, description="comma-separated origins")
    allow_service: bool = Field(False, description="allow SERVICE (federated queries make the server fetch URLs)")
    ontology: Path = Field(REPO_ROOT / "ontology" / "nqgraph.ttl", description="the ontology served at /ontology")
    token: SecretStr | None = Field(None, description="update token (environment only)")
    token_file: Path | None = Field(None, description="file holding the update token")

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [o.strip() for o in value.split(",") if o.strip()]
        return value

    @field_validator("base")
    @classmethod
    def _base_ends_with_separator(cls, value: str) -> str:
        return value if value.endswith(("/", "#")) else value + "/"

    def update_token(self) -> str | None:
        """The configured update token, from the environment or the token file; ``None`` = read-only."""
        if self.token is not None and self.token.get_secret_value():
            return self.token.get_secret_value()
        if self.token_file is not None:
            text = self.token_file.read_text(encoding="utf-8").strip()
            return text or None
        return None
