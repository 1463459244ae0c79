r"""``using-graph-uri`` / ``using-named-graph-uri``: the SPARQL Protocol's update dataset, written into the text.

The protocol defines these parameters as equivalent to ``USING`` / ``USING
NAMED`` clauses on every operation that has a ``WHERE`` (SPARQL 1.1 Protocol
2.2.3). Endpoints take them as parameters; pyoxigraph's ``Store.update`` does
not, so the in-process store inserts the clauses before each top-level
``WHERE`` of a DELETE/INSERT operation instead. An update that names its own
dataset (``USING`` or ``WITH``) while the request also names one is an error,
as the protocol says; :func:`names_own_dataset` lets the HTTP layer refuse it
before any backend sees it.

Only the top level is looked at: IRIs, strings and comments are skipped and
braces counted, so a ``WHERE`` in a sub-select or a literal is left alone.

>>> with_using("INSERT { GRAPH <g> { ?s a ?t } } WHERE { ?s a ?t }", ["http://ex/d"], [])
'INSERT { GRAPH <g> { ?s a ?t } } USING <http://ex/d> WHERE { ?s a ?t }'
>>> with_using("CLEAR ALL ; INSERT DATA { <a> <b> <c> }", ["http://ex/d"], [])
'CLEAR ALL ; INSERT DATA { <a> <b> <c> }'
>>> names_own_dataset("WITH <http://ex/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import pyoxigraph as ox

_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'  # short strings
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\s\"{}|^`\\]*>"  # IRIs (a '<' followed by a space is an operator)
    r"|#[^\n]*"  # comments
    r"|(?P<brace>[{}])"
    r"|(?P<semicolon>;)"
    r"|(?<![\w:?$])(?P<keyword>WHERE|USING|WITH|DELETE|INSERT)(?![\w:-])",
    re.IGNORECASE,
)


class DatasetConflict(ValueError):
    """The request names an update dataset and the update text names one too."""


def _top_level_keywords(update: str) -> Iterator[re.Match[str]]:
    depth = 0
    for match in _TOKENS.finditer(update):
        if match.group("brace"):
            depth += 1 if match.group("brace") == "{" else -1
        elif depth == 0 and (match.group("semicolon") or match.group("keyword")):
            yield match


def names_own_dataset(update: str) -> bool:
    """Whether the update has a top-level ``USING`` or ``WITH`` clause."""
    return any((m.group("keyword") or "").upper() in ("USING", "WITH") for m in _top_level_keywords(update))


def with_using(update: str, using: Sequence[str], using_named: Sequence[str]) -> str:
    """``update`` with ``USING <g>`` / ``USING NAMED <g>`` before each top-level operation ``WHERE``."""
    if not using and not using_named:
        return update
    clause = " ".join([f"USING {ox.NamedNode(g)}" for g in using] + [f"USING NAMED {ox.NamedNode(g)}"
                                                                       for g in using_named]) + " "
    previous = ""  # the last top-level keyword of the current operation
    cuts: list[int] = []
    for match in _top_level_keywords(update):
        if match.group("semicolon"):
            previous = ""
            continue
        word = match.group("keyword").upper()
        if word in ("USING", "WITH"):
            raise DatasetConflict("the request gives using-graph-uri/using-named-graph-uri and the update "
                                  f"has its own {word} clause; give one or the other")
        if word == "WHERE" and previous != "DELETE":  # DELETE WHERE { } has no place for USING
            cuts.append(match.start())
        previous = word
    for position in reversed(cuts):
        update = update[:position] + clause + update[position:]
    return update
