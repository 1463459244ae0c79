"""Vietnamese personal names written in Khmer or Thai script, read back to Latin syllables.

Why syllables: a romanisation of "ហាថាញ់វ៉ូ" comes out as one string ("hathanhvo");
Vietnamese names are a few syllables from a small inventory, so the string is
cut into the fewest known name syllables ("Ha Thanh Vo"). Both sides are
compared through the coarse phonetic key of :mod:`graph.phonetic`, with the
vowel pairs the scripts confuse (o/u, i/y) merged. Only a run right after an
honorific is read, and it must start with a family name (or the ethnic "Y"), so
ordinary words after "លោក" ("he") are not taken for names.

Example:
    >>> segment("hathanhvo")
    ['Ha', 'Thanh', 'Vo']
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from graph.extract.lexicon import lexicon, view
from graph.extract.names import SURNAMES
from graph.text import TextDoc

try:
    from graph.phonetic import key, khmer_latin, thai_latin
except ImportError:  # the phonetic module ships with the gazetteer stage
    key = khmer_latin = thai_latin = None  # type: ignore[assignment]

GIVEN = """an anh bao bay bich binh ca cam can cau chau chi chien chinh chuc chung chuong cong cu cuc cuong dai
dan dang dao dat dieu dinh doan duc dung duong duy em gia giang giao ha hai han hang hanh hao hau hien hieu hoa
hoai hoan hoang hoc hong hue hung huong huu huy huyen kha khai khang khanh khoa khoi khuong kien kim lac lam lan
lang lanh lap le lien linh loan loc loi long luan luc luong luu ly mai man manh mau minh my nam nga ngan nghi
nghia ngoc nguyen nhan nhat nhi nhien nhu nhung ninh oanh phat phi phong phu phuc phung phuoc phuong quan quang que
quoc quy quyen quynh sang sinh son sy tai tam tan thach thai tham thang thanh thao thap the thi thien thiet thinh
thong dong phong song tho thoa thu thuan thuc thuong thuy thuyet tien tin tinh toan tra trang tri trieu
trinh trong truc trung
truong tu tuan tung tuong tuyen tuyet uyen van vi viet vinh vo vu vuong xuan y yen""".split()
_MAX_TOKENS = 3


def _norm(k: str) -> str:
    k = k.replace("u", "o").replace("y", "i").replace("z", "i")
    return re.sub(r"(.)\1+", r"\1", k)


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    if key is None:
        return {}
    for syl in sorted(set(SURNAMES) | set(GIVEN)):
        out.setdefault(_norm(key(syl)), []).append(syl)
    return {k: tuple(v) for k, v in out.items()}


def _pick(cands: tuple[str, ...], latin: str) -> str:
    """Of syllables that sound alike, the one spelt most like the romanisation ("thong" for "thung")."""
    return max(cands, key=lambda c: (fuzz.partial_ratio(c, latin), len(c)))


@lru_cache(maxsize=1024)
def segment(latin: str) -> list[str] | None:
    """The fewest name syllables whose keys spell ``latin``'s key, capitalised; None if none do."""
    if key is None:
        return None
    target = _norm(key(latin))
    index = _index()
    best: list[list[str] | None] = [None] * (len(target) + 1)
    best[0] = []
    for i in range(len(target)):
        if best[i] is None:
            continue
        for j in range(i + 1, min(len(target), i + 7) + 1):
            cands = index.get(target[i:j])
            syl = _pick(cands, latin) if cands else None
            if syl and (best[j] is None or len(best[j]) > len(best[i]) + 1):
                best[j] = best[i] + [syl]
    found = best[len(target)]
    if not found or not 2 <= len(found) <= 4 or (found[0] not in SURNAMES and found[0] != "y"):
        return None
    return [s.capitalize() for s in found]


def script_name_at(doc: TextDoc, pos: int) -> tuple[int, int, str] | None:
    """A Khmer or Thai script name at ``pos`` (after spaces and a colon): (start, end, Latin name)."""
    roman = {"km": khmer_latin, "th": thai_latin}.get(doc.lang)
    if roman is None:
        return None
    text, v = doc.text, view(doc)
    stops = [lexicon(doc.pack, "roles").get("roles"), lexicon(doc.pack, "organizations").get("heads"),
             lexicon(doc.pack, "organizations").get("central")]
    function_words = lexicon(doc.pack, "organizations").words("function_words")
    m = re.compile(r"[ :៖]*").match(text, pos)
    start = i = m.end() if m else pos
    tokens: list[tuple[int, int]] = []
    while len(tokens) < _MAX_TOKENS and i < len(text):
        if any(c.match(v, i) for c in stops) or any(v.startswith(w, i) for w in function_words):
            break
        j = i
        while j < len(text) and ("\u1780" <= text[j] <= "\u17ff" or "\u0e00" <= text[j] <= "\u0e7f"):
            if j > i and any(c.match(v, j) for c in stops):
                break
            j += 1
        if j == i:
            break
        tokens.append((i, j))
        if j < len(text) and text[j] == " ":
            i = j + 1
            continue
        break
    for n in range(len(tokens), 0, -1):
        end = tokens[n - 1][1]
        name = segment(roman(text[start:end]))
        if name:
            return start, end, " ".join(name)
    return None
