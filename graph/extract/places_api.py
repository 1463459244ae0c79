"""The places stage as the organisation grammar uses it: resolve a surface, read a script name at a position.

Why a thin adapter: ``graph.places`` (the gazetteer) is optional for extraction —
without it, Latin names are simply folded and script names are not read — and
its answers are cached here per surface, since the same few names recur in a
document.
"""

from __future__ import annotations

from functools import lru_cache

try:
    from graph import places as _places
except ImportError:  # the gazetteer stage is not installed
    _places = None  # type: ignore[assignment]


@lru_cache(maxsize=4096)
def resolve(surface: str, lang: str, level: str | None = None) -> tuple[str, str | None] | None:
    """(canonical name, type) of a place surface, or None when the gazetteer does not know it."""
    if _places is None:
        return None
    place = _places.resolve_place(surface, lang, level=level)
    return (place.name, place.type) if place else None


def script_place_at(text: str, pos: int, lang: str, level: str | None) -> tuple[int, str, str | None] | None:
    """A Khmer or Thai place name starting at ``pos``: (end, canonical name, type), or None."""
    if _places is None:
        return None
    found = _places.place_at(text, pos, lang, level)
    if found is None:
        return None
    end, place = found
    return end, place.name, place.type


@lru_cache(maxsize=4096)
def has_unit(name: str, place_type: str) -> bool:
    """Whether the gazetteer holds a unit of ``place_type`` named ``name`` ("Ba Dinh" is a district and a ward)."""
    if _places is None or not place_type:
        return False
    from graph import gazetteer

    return any(u.type == place_type and u.name == name for u in gazetteer.by_name(name))


@lru_cache(maxsize=4096)
def lies_in(inner: str, outer: str) -> bool:
    """Whether the gazetteer puts some unit named ``inner`` inside one named ``outer`` ("Nghi Thuan" in "Nghi Loc").

    Why: an article that names two districts leaves a commune committee's parent open; geography settles it.
    """
    if _places is None or not inner or not outer:
        return False
    from graph import gazetteer

    return any(a.name == outer for u in gazetteer.by_name(inner) for a in gazetteer.ancestors(u))


@lru_cache(maxsize=4096)
def directly_in(inner: str, outer: str) -> bool:
    """Whether some unit named ``inner`` sits right under one named ``outer`` (a commune of a province since the
    2025 reform, which removed districts)."""
    if _places is None or not inner or not outer:
        return False
    from graph import gazetteer

    return any(u.parent and gazetteer.unit(u.parent).name == outer for u in gazetteer.by_name(inner))
