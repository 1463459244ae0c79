"""Find entities by any of their names, in any script, with or without diacritics, despite typos.

Why three ways of matching, merged:

- every label, alias and code of every node is folded (Vietnamese diacritics
  and đ dropped, case, punctuation and Khmer/Thai digits normalised, Thai and
  Khmer letters kept as they are) and matched with rapidfuzz, so "Hai Duong",
  "Hải Dương" and "Hai Dong" meet the same label;
- a query in Khmer or Thai script usually spells a Vietnamese place the graph
  labels in Latin letters ("ไห่เซือง" is Hải Dương): the gazetteer
  (``graph.places``: curated spellings, then matching by sound) turns it into
  the canonical place name, which is then searched like a Latin query;
- names of people and places are also keyed by sound (``graph.phonetic``), so
  a Thai or Khmer transcription of a person's name finds the person.

The index is built once per projection (``graph.network.derived``), so it is
rebuilt exactly when the store changes.

    >>> [hit["label"] for hit in search(G, "ไห่เซือง")["items"]][:1]     # doctest: +SKIP
    ['Hai Duong']
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
from rapidfuzz import fuzz, process

from graph.iris import DEFAULT_BASE
from graph.network import schema as s
from graph.network.derived import derived
from graph.network.lookup import summary
from graph.phonetic import key as phonetic_key
from graph.phonetic import khmer_latin, thai_latin, vietnamese_keys

log = logging.getLogger(__name__)

_DIGITS = {**{0x17E0 + i: str(i) for i in range(10)}, **{0x0E50 + i: str(i) for i in range(10)}}
_DROP = dict.fromkeys((0x200B, 0x200C, 0x200D, 0xFEFF, 0x2060), None)
_SCRIPTS = {"th": ("\u0e00", "\u0e7f"), "km": ("\u1780", "\u17ff")}
FUZZY_CUTOFF = 80.0
PHONETIC_CUTOFF = 85.0
MAX_CANDIDATES = 1000
# How each kind of match is discounted, so an exact label outranks a sound-alike.
_WEIGHT = {"exact": 1.0, "fuzzy": 1.0, "gazetteer": 0.97, "phonetic": 0.9}


def fold_text(text: str) -> str:
    """A search key: Latin diacritics and đ dropped, case folded, punctuation to spaces, other scripts kept.

    >>> fold_text("Tỉnh ủy Hải Dương")
    'tinh uy hai duong'
    >>> fold_text("លេខ ២១-NQ/TW")
    'លេខ 21 nq tw'
    """
    text = unicodedata.normalize("NFKC", text).translate(_DIGITS).translate(_DROP)
    text = text.replace("đ", "d").replace("Đ", "D")
    out, latin = [], False
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if latin:  # a Vietnamese tone or vowel mark; Thai and Khmer signs are letters of the word
                continue
        else:
            latin = ch < "\u0250" or "\u1e00" <= ch <= "\u1eff"
            if unicodedata.category(ch)[0] in "PSZC":
                ch = " "
        out.append(ch)
    return " ".join(unicodedata.normalize("NFC", "".join(out)).casefold().split())


def script_of(text: str) -> str | None:
    """``th`` or ``km`` when the text has Thai or Khmer letters, else ``None``."""
    for code, (lo, hi) in _SCRIPTS.items():
        if any(lo <= ch <= hi for ch in text):
            return code
    return None


@dataclass(frozen=True)
class _Entry:
    node: str
    text: str  # the label as written
    lang: str | None


class SearchIndex:
    """Folded labels and phonetic keys of every node; :meth:`query` ranks nodes for a query."""

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.entries: list[_Entry] = []
        self.keys: list[str] = []
        self.exact: dict[str, list[int]] = {}
        self.sound_keys: list[str] = []
        self.sound_nodes: list[str] = []
        self.entries_of: dict[str, list[int]] = {}
        for node, d in G.nodes(data=True):
            seen: set[str] = set()
            for text, lang in _names(d):
                folded = fold_text(text)
                if folded and folded not in seen:
                    seen.add(folded)
                    self.exact.setdefault(folded, []).append(len(self.entries))
                    self.entries.append(_Entry(node, text, lang))
                    self.keys.append(folded)
            if d["type"] in (s.PERSON, s.PLACE):
                for k in sorted(vietnamese_keys(d["label"])):
                    if len(k) >= 3:
                        self.sound_keys.append(k)
                        self.sound_nodes.append(node)
        self.unique = _BigramFilter(list(self.exact))

    def query(self, q: str) -> dict[str, tuple[float, str, str]]:
        """``{node: (score 0-100, matched label, how)}``; how is exact | fuzzy | gazetteer | phonetic."""
        hits: dict[str, tuple[float, str, str]] = {}
        folded = fold_text(q)
        if not folded:
            return hits
        self._labels(folded, "fuzzy", hits)
        script = script_of(q)
        for name in _gazetteer_names(q, script):
            self._labels(fold_text(name), "gazetteer", hits)
        if script is not None:
            latin = (thai_latin if script == "th" else khmer_latin)(q)
            self._sound(phonetic_key(latin), hits)
        return hits

    def _labels(self, folded: str, how: str, hits: dict[str, tuple[float, str, str]]) -> None:
        for i in self.exact.get(folded, ()):
            _keep(hits, self.entries[i].node, 100.0 * _WEIGHT[how], self.entries[i].text,
                  "exact" if how == "fuzzy" else how)
        if len(folded) < 4:  # two or three letters match too much by edit distance: prefixes only
            for i, k in enumerate(self.keys):
                if k.startswith(folded) or f" {folded}" in k:
                    _keep(hits, self.entries[i].node, 80.0 * _WEIGHT[how], self.entries[i].text, how)
            return
        keys = self.unique.keys
        candidates = self.unique.candidates(folded, FUZZY_CUTOFF)
        found = process.extract(folded, {int(j): keys[j] for j in candidates}, scorer=fuzz.WRatio,
                                score_cutoff=FUZZY_CUTOFF, limit=MAX_CANDIDATES)
        for _, score, j in found:
            for i in self.exact[keys[j]]:
                _keep(hits, self.entries[i].node, min(score, 99.0) * _WEIGHT[how], self.entries[i].text, how)

    def _sound(self, qkey: str, hits: dict[str, tuple[float, str, str]]) -> None:
        if len(qkey) < 3 or not self.sound_keys:
            return
        found = process.extract(qkey, self.sound_keys, scorer=fuzz.ratio, score_cutoff=PHONETIC_CUTOFF,
                                limit=MAX_CANDIDATES)
        for _, score, i in found:
            _keep(hits, self.sound_nodes[i], score * _WEIGHT["phonetic"], "", "phonetic")


class _BigramFilter:
    """Distinct folded keys and, per within-word letter pair (bigram), the keys containing it.

    Why: scoring every label with ``fuzz.WRatio`` grows with the graph (a quarter of a second per query at
    a million triples). A key can only reach the cutoff if it shares enough of the query's bigrams, so only
    such keys (and keys sharing a whole word, which ``WRatio``'s token-set part may rank high) are scored.
    The test is a necessary condition, never a ranking: the scores, and so the answers, stay those of
    ``WRatio`` over every key. Bound: ``WRatio`` >= c needs an Indel distance of at most
    ``(1 - c/100)·(len(a)+len(b))`` between strings of similar length (ratio, token sort and set), and
    of at most ``2·(1 - c/90)·len(shorter)`` between the shorter and a part of the longer (the partial
    scores, scaled by 0.9) when one is 1.5 times longer; each inserted or deleted letter removes at most
    two bigrams, which word reordering keeps, so the shorter string keeps all but ``2·distance`` of its
    distinct bigrams in the longer.
    """

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.lengths = np.fromiter((len(k) for k in keys), dtype=np.int32, count=len(keys))
        self.bigram_counts = np.zeros(len(keys), dtype=np.int32)
        self.words: dict[str, list[int]] = {}
        postings: dict[str, list[int]] = {}
        for i, key in enumerate(keys):
            grams = _bigrams(key)
            self.bigram_counts[i] = len(grams)
            for gram in grams:
                postings.setdefault(gram, []).append(i)
            for word in set(key.split()):
                self.words.setdefault(word, []).append(i)
        self.postings = {g: np.asarray(ids, dtype=np.int32) for g, ids in postings.items()}
        self.word_ids = {w: np.asarray(ids, dtype=np.int32) for w, ids in self.words.items()}

    def candidates(self, q: str, cutoff: float) -> np.ndarray:
        """Indices of the keys that may score ``cutoff`` or more against ``q`` (a superset of them)."""
        grams = _bigrams(q)
        lists = [self.postings[g] for g in grams if g in self.postings]
        shared = (np.bincount(np.concatenate(lists), minlength=len(self.keys)) if lists
                  else np.zeros(len(self.keys), dtype=np.int64))
        n = len(q)
        lengths = self.lengths
        shorter = np.minimum(lengths, n)
        longer = np.maximum(lengths, n)
        similar = longer * 2 <= shorter * 3  # the length ratio at most 1.5: no partial scores
        slack = 1e-9
        whole = np.floor((1 - cutoff / 100) * (lengths + n) + slack)
        part = np.floor(2 * (1 - cutoff / 90) * shorter + slack)
        distance = np.where(similar, whole, part)
        own = np.where(lengths <= n, self.bigram_counts, len(grams))
        keep = shared >= own - 2 * distance
        for word in set(q.split()):
            ids = self.word_ids.get(word)
            if ids is not None:
                keep[ids] = True
        return np.flatnonzero(keep)


def _bigrams(text: str) -> set[str]:
    return {w[i:i + 2] for w in text.split() for i in range(len(w) - 1)}


def _names(d: dict[str, Any]) -> list[tuple[str, str | None]]:
    names: list[tuple[str, str | None]] = [(d["label"], "en")]
    names += [(form, lang) for lang, forms in d.get("labels", {}).items() for form in forms]
    names += [(alias, "en") for alias in d.get("aliases", [])]
    if d.get("code"):
        names.append((d["code"], None))
    return names


def _keep(hits: dict[str, tuple[float, str, str]], node: str, score: float, text: str, how: str) -> None:
    if node not in hits or score > hits[node][0]:
        hits[node] = (round(score, 2), text, how)


def _gazetteer_names(q: str, script: str | None) -> list[str]:
    """Canonical names of the places the gazetteer reads in the query (any script)."""
    try:
        from graph.places import find_places, resolve_place
        from graph.text import prepare

        place = resolve_place(q, script or "vi")
        if place is not None:
            return [place.name]
        if script is None:
            return []
        return list(dict.fromkeys(m.item.name for m in find_places(prepare(q, script))))
    except Exception:  # the gazetteer only adds matches; a failure there must not fail the search
        log.warning("gazetteer lookup failed for %r", q, exc_info=True)
        return []


def search_index(G: nx.MultiDiGraph) -> SearchIndex:
    """The projection's index, built on first use and kept with the projection."""
    return derived(G, "search_index", lambda: SearchIndex(G))


def search(G: nx.MultiDiGraph, q: str, *, node_type: str | None = None, offset: int = 0, limit: int | None = 20,
           base: str = DEFAULT_BASE) -> dict[str, Any]:
    """Nodes matching ``q``, best first: ``{"total": n, "items": [{...summary, "score", "match", "how"}]}``.

    Ties go to the closer spelling, then the shorter label (the place "Hai Duong" before "Hai Duong
    Provincial Party Committee").
    """
    hits = search_index(G).query(q)
    folded = fold_text(q)

    def order(item: tuple[str, tuple[float, str, str]]) -> tuple[Any, ...]:
        node, (score, text, _) = item
        label = G.nodes[node]["label"]
        closeness = fuzz.ratio(folded, fold_text(text or label))  # among equal scores, the closer spelling
        return -score, -closeness, len(label), label, node

    ranked = sorted(((node, hit) for node, hit in hits.items()
                     if node_type is None or G.nodes[node]["type"] == node_type), key=order)
    page = ranked[offset:None if limit is None else offset + limit]
    items = [{**summary(G, node, base), "score": score, "match": text or G.nodes[node]["label"], "how": how}
             for node, (score, text, how) in page]
    return {"total": len(ranked), "items": items}
