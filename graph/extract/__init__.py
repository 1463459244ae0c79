"""Extraction: a pure function from one document's text to the facts it states.

The runner composes the extractors in one direction — places, organisations,
documents, dates, people, events, relations, implicit references — each
reading the mentions of the ones before it, and then assembles one
:class:`Extraction`: entities deduplicated by canonical name (labels and
evidence merged), relations with their evidence.

Stages owned elsewhere (places, documents, dates, implicit references) are
imported defensively, so a missing stage yields no results instead of
breaking the others.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

from graph.extract.assemble import assemble
from graph.extract.events import find_events
from graph.extract.mentions import Mention
from graph.extract.organizations import find_organizations
from graph.extract.people import find_people
from graph.extract.relations import find_relations
from graph.text import prepare


def _optional(module: str, name: str) -> Callable[..., Sequence[Mention[Any]]] | None:
    """A stage function if its module is installed, else None (the stage yields nothing)."""
    try:
        return getattr(importlib.import_module(module), name)
    except ImportError:
        return None


_find_places = _optional("graph.places", "find_places")
_find_documents = _optional("graph.extract.documents", "find_documents")
_find_dates = _optional("graph.extract.dates", "find_dates")
_find_implicit = _optional("graph.extract.implicit", "find_implicit_references")


def extract(text: str, lang: str | None = None, meta: dict[str, Any] | None = None) -> Any:
    """Extract organisations, people, documents, places, events and relations from ``text``.

    Pure: no I/O beyond reading packaged data once, no global mutable state.
    ``meta`` may carry ``doc``, ``url``, ``title`` and ``published`` (ISO date).

    >>> ext = extract("Ban Thường vụ Tỉnh ủy Yên Bái ban hành Chỉ thị.", "vi", {"doc": "a.txt"})
    >>> [o.name for o in ext.organizations]
    ['Standing Committee of Yen Bai Provincial Party Committee', 'Yen Bai Provincial Party Committee']
    """
    meta = meta or {}
    doc = prepare(text, lang)
    places = list(_find_places(doc)) if _find_places else []
    orgs = find_organizations(doc, places)
    documents = list(_find_documents(doc, orgs)) if _find_documents else []
    dates = list(_find_dates(doc, meta)) if _find_dates else []
    people, role_orgs = find_people(doc, orgs)
    orgs = orgs + role_orgs
    events = find_events(doc, orgs, people, documents, dates)
    implicit = list(_find_implicit(doc)) if _find_implicit else []
    relations = find_relations(doc, orgs, documents, events, implicit)
    return assemble(doc, meta, places, orgs, documents, people, events, relations)
