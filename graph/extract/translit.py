"""Vietnamese personal names written in Khmer or Thai script, read back to Latin syllables.

Why syllables: a romanisation of "ហាថាញ់វ៉ូ" comes out as one string ("hathanhvo");
Vietnamese names are a few syllables from a small inventory, so the string is
cut into the fewest known name syllables ("Ha Thanh Vo"). Translations that
space the syllables ("จิ่ง มิงห์ ดึ๊ก", "ង្វៀន វ៉ាន់ ហ៊ុង") are read one chunk at
a time, and a chunk may also be a near miss of one syllable (one sound class
off), since Thai and Khmer writers render the Vietnamese vowels and finals in
several ways: "uyê" as เหีย/វៀ, final "nh" as ญ, งห์ or ញ់, "â" as เ-ิ or ឹ.

Both sides are compared through the coarse phonetic key of :mod:`graph.phonetic`,
with the vowel pairs the scripts confuse (o/u, i/y) merged. A name must start
with a family name (or the ethnic "Y"), so ordinary words after "លោក" ("he") are
not taken for names; a name without an honorific must also stand right before
a role and have three syllables or more.

Example:
    >>> segment("hathanhvo")
    ['Ha', 'Thanh', 'Vo']
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

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
truong tu tuan tung tuong tuyen tuyet uyen van vi viet vinh vo vu vuong xuan y yen
nguyet khiem diep hop thom lieu xuyen luyen dien doanh giap hiep khue lai liem nhuan quyet sau thieu uy vien
bang canh khuyen kieu tiep vy""".split()
_MAX_CHUNKS = 5
_MAX_SYLLABLES = 5
_MAX_CHUNK = 32  # characters: four syllables written without spaces
_LEAD = re.compile(r"[ :៖]*")

# How Thai and Khmer writers render Vietnamese spellings, as (pattern, replacement) on the folded syllable.
_VARIANTS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"uye", "ie"), (r"uye", "wie"), (r"uy", "ui"), (r"uy", "wi"), (r"^ngu(?=[yi])", "ng"),
    (r"nh$", "ng"), (r"nh$", "n"), (r"anh$", "aeng"), (r"^d", "z"), (r"^d", "y"), (r"^gi", "z"), (r"^gi", "y"),
    (r"^tr", "t"), (r"^tr", "ch"), (r"^x", "s"), (r"a(?=[mnpt]|ng)", "oe"), (r"o(?=[nmi]|$)", "oe"),
    (r"uo", "ua"), (r"oa", "ua"), (r"oa", "wa"), (r"ao$", "aw"), (r"eo$", "ew"), (r"c$", "k"), (r"^c", "k"),
    (r"u(?=[cnt]|ng)", "ue"), (r"^th", "t"), (r"^ph", "f"), (r"o(?=ng|c)", "a"), (r"^hoa", "wa"), (r"^hoa", "wo"),
    (r"^([^aeiouy]+)o(?=a)", r"\1"),
))
# Romanised vowel spellings brought back to Vietnamese ones, to choose among syllables that sound alike.
_SPELLING = ((re.compile(r"uea"), "uo"), (re.compile(r"(?<=[^aeiou])ia(?=[nmptc])"), "ie"), (re.compile(r"ue"), "u"),
             (re.compile(r"ae"), "e"))


def _norm(k: str) -> str:
    k = k.replace("u", "o").replace("y", "i").replace("z", "i")
    return re.sub(r"(.)\1+", r"\1", k)


def _reading(latin: str) -> str:
    """A romanised script chunk with the finals the romanisers spell as consonants read as vowels."""
    latin = re.sub(r"([aeiou])[wv]$", r"\1o", latin)  # Thai -าว / Khmer -ាវ is Vietnamese -ao
    return latin


def _spelling(latin: str) -> str:
    for regex, repl in _SPELLING:
        latin = regex.sub(repl, latin)
    return latin


def _variants(syl: str) -> dict[str, int]:
    """Spellings of ``syl`` as Thai and Khmer writers render it, with the number of rules each took."""
    out = {syl: 0}
    for regex, repl in _VARIANTS:
        for form, cost in list(out.items()):
            new = regex.sub(repl, form)
            if new != form and new not in out:
                out[new] = cost + 1
        if len(out) > 64:
            break
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[tuple[str, int], ...]]:
    """Phonetic key -> (syllable, cost) pairs; cost 0 for the plain spelling, more for each rendering rule."""
    out: dict[str, dict[str, int]] = {}
    if key is None:
        return {}
    for syl in sorted(set(SURNAMES) | set(GIVEN)):
        for form, cost in _variants(syl).items():
            slot = out.setdefault(_norm(key(form)), {})
            slot[syl] = min(cost, slot.get(syl, cost))
    return {k: tuple(sorted(v.items())) for k, v in out.items()}


def _pick(cands: tuple[tuple[str, int], ...], latin: str) -> tuple[str, int]:
    """Of syllables that sound alike, the plainest rendering spelt most like the romanisation ("thong" for
    "thung")."""
    spelt = _spelling(latin)
    return max(cands, key=lambda c: (-c[1], fuzz.ratio(c[0], spelt), -len(c[0])))


@lru_cache(maxsize=4096)
def _near(k: str) -> tuple[tuple[str, int], ...] | None:
    """Syllables whose key is one sound class away from ``k`` (same initial), for spaced chunks only."""
    if len(k) < 3:
        return None
    best: dict[str, int] = {}
    for cand, syls in _index().items():
        if cand[:1] == k[:1] and abs(len(cand) - len(k)) <= 1 and Levenshtein.distance(cand, k, score_cutoff=1) <= 1:
            for syl, cost in syls:
                best[syl] = min(cost + 2, best.get(syl, cost + 2))
    return tuple(sorted(best.items())) or None


@lru_cache(maxsize=1024)
def segment(latin: str) -> list[str] | None:
    """The fewest name syllables whose keys spell ``latin``'s key, capitalised; None if none do."""
    found = _split(latin)
    if not found or not 2 <= len(found) <= 4 or (found[0] not in SURNAMES and found[0] != "y"):
        return None
    return [s.capitalize() for s in found]


@lru_cache(maxsize=4096)
def _split(latin: str, near: bool = False) -> list[str] | None:
    """``latin`` as the fewest known syllables, the plainest renderings first; with ``near``, one syllable may
    be a near miss."""
    if key is None:
        return None
    latin = _reading(latin)
    target = _norm(key(latin))
    index = _index()
    if near and target not in index:
        cands = _near(target)
        return [_pick(cands, latin)[0]] if cands else None
    # best[j]: (syllables, total cost) of the cheapest reading of latin[:j]; cut the Latin reading rather than
    # its key, since a key merges letters across a syllable boundary ("van|hung" keys as "wan" + "oG")
    best: list[tuple[list[str], int] | None] = [None] * (len(latin) + 1)
    best[0] = ([], 0)
    for i in range(len(latin)):
        here = best[i]
        if here is None:
            continue
        for j in range(i + 1, min(len(latin), i + 8) + 1):
            piece = latin[i:j]
            cands = index.get(_norm(key(piece)))
            if not cands:
                continue
            syl, cost = _pick(cands, piece)
            new = (here[0] + [syl], here[1] + cost)
            old = best[j]
            if old is None or (len(new[0]), new[1]) < (len(old[0]), old[1]):
                best[j] = new
    found = best[len(latin)]
    return found[0] if found else None


# Khmer consonants of the first series: their short vowel "ុ" sounds /o/ ("ថុង" Thông), while after the
# second series (or a first-series consonant shifted by "៊") it sounds /u/ ("ហ៊ុង" Hùng).
_KHMER_O = re.compile("(?:([កខចឆដឋណតថបផសហឡអ])(?!\u17ca)|([គឃងជឈញឌឍនទធពភមយរលវ])\u17c9)\u17bb")


def _khmer_latin(text: str) -> str:
    return khmer_latin(_KHMER_O.sub(lambda m: (m.group(1) or m.group(2) + "\u17c9") + "\u17bc", text))


def _roman(doc: TextDoc):
    return {"km": _khmer_latin, "th": thai_latin}.get(doc.lang) if khmer_latin is not None else None


def _in_script(ch: str) -> bool:
    return "\u1780" <= ch <= "\u17ff" or "\u0e00" <= ch <= "\u0e7f"


def _stops(doc: TextDoc) -> tuple[bytearray, list[str]]:
    """Where a role, body, honorific or rank word starts (1 at those offsets), computed once per document, and
    the grammatical words no name starts with."""
    cached = getattr(doc, "_name_stops", None)
    if cached is not None:
        return cached
    orglex = lexicon(doc.pack, "organizations")
    cats = [lexicon(doc.pack, "roles").get("roles"), orglex.get("heads"), orglex.get("central"),
            lexicon(doc.pack, "honorifics").get("honorifics"), lexicon(doc.pack, "honorifics").get("ranks")]
    v = view(doc)
    starts = bytearray(len(v) + 1)
    for c in cats:
        for s, _e, _entry in c.finditer(v):
            starts[s] = 1
    verbs = lexicon(doc.pack, "verbs")
    words = orglex.words("function_words") + verbs.words("request") + verbs.words("implement") + verbs.words("issue")
    doc._name_stops = (starts, words)  # type: ignore[attr-defined]
    return starts, words


def _chunks_after(doc: TextDoc, pos: int) -> list[tuple[int, int]]:
    """Space-separated script chunks from ``pos``, each cut before a role, body or grammatical word."""
    text, v = doc.text, view(doc)
    m = _LEAD.match(text, pos)
    i = m.end() if m else pos
    if i >= len(text) or not _in_script(text[i]):
        return []  # no script chunk starts here; and a Latin article need not compute its stops at all
    stops, function_words = _stops(doc)
    chunks: list[tuple[int, int]] = []
    while len(chunks) < _MAX_CHUNKS and i < len(text):
        if stops[i] or any(v.startswith(w, i) for w in function_words):
            break
        j = i
        while j < len(text) and j - i <= _MAX_CHUNK and _in_script(text[j]):
            if j > i and stops[j]:
                break
            j += 1
        if j == i or j - i > _MAX_CHUNK:
            break  # a run this long is a clause, not the syllables of a name
        chunks.append((i, j))
        if j < len(text) and text[j] == " ":
            i = j + 1
            continue
        break
    return chunks


def _hinted(raw: str, latin: str) -> str:
    """Thai marks a Vietnamese final "nh" with a silenced ห after น or ง ("อันห์" Anh, "มิงห์" Minh)."""
    if raw.endswith(("นห์", "งห์")):
        return latin[:-2] + "nh" if latin.endswith("ng") else latin + "h"
    return latin


def _surname(latin: str) -> str | None:
    """The family name a one-syllable chunk most likely spells, when one sounds like it."""
    latin = _reading(latin)
    target = _norm(key(latin)) if key is not None else ""
    cands = tuple(c for c in (_index().get(target) or _near(target) or ()) if c[0] in SURNAMES)
    return _pick(cands, latin)[0] if cands else None


def _parts(doc: TextDoc, chunks: list[tuple[int, int]]) -> list[list[str]]:
    """The syllables of each leading chunk that reads as part of a name (stops at the first that does not)."""
    roman = _roman(doc)
    if roman is None:
        return []
    out: list[list[str]] = []
    for a, b in chunks:
        raw = doc.text[a:b]
        latin = _hinted(raw, roman(raw))
        part = _split(latin) or (_split(latin, near=True) if len(chunks) > 1 else None)
        if not part or (out and len(part) > 1):
            break  # after the first chunk, a spaced name has one syllable per chunk ("เหงียนมานห์ ดุง")
        if not out and len(part) == 1 and part[0] not in SURNAMES and len(chunks) > 1:
            part = [_surname(latin) or part[0]]  # a name starts with its family name ("จิ่ง" Trịnh, not Chinh)
        out.append(part)
    return out


def _best(parts: list[list[str]], minimum: int) -> tuple[int, list[str]]:
    """The most chunks whose syllables form a valid name: (number of chunks, syllables)."""
    for n in range(len(parts), 0, -1):
        syllables = [s for p in parts[:n] for s in p]
        if minimum <= len(syllables) <= _MAX_SYLLABLES and (syllables[0] in SURNAMES or syllables[0] == "y"):
            return n, syllables
    return 0, []


def script_name_at(doc: TextDoc, pos: int) -> tuple[int, int, str] | None:
    """A Khmer or Thai script name at ``pos`` (after spaces and a colon): (start, end, Latin name)."""
    chunks = _chunks_after(doc, pos)
    used, syllables = _best(_parts(doc, chunks), 2)
    if not used:
        return None
    return chunks[0][0], chunks[used - 1][1], " ".join(s.capitalize() for s in syllables)


def script_name_after(doc: TextDoc, pos: int) -> tuple[int, int, str] | None:
    """A name of three or more syllables right after a role chain and closing its list item ("..., จังหวัด X
    หวู่ ฮ่อง วัน;"): the name must be followed by a list mark or the end of the line, since the chain's last
    body may go on in words that merely sound like syllables."""
    text = doc.text
    if pos >= len(text) or text[pos] != " ":
        return None
    chunks = _chunks_after(doc, pos)
    used, syllables = _best(_parts(doc, chunks), 3)
    if not used:
        return None
    end = chunks[used - 1][1]
    if end < len(text) and text[end] not in ";,\n":
        return None
    return chunks[0][0], end, " ".join(s.capitalize() for s in syllables)


def script_name_before(doc: TextDoc, pos: int) -> tuple[int, int, str] | None:
    """A name of three or more syllables ending right before ``pos`` (a role), with no honorific."""
    text = doc.text
    end = pos
    while end > 0 and text[end - 1] in " :,":
        end -= 1
    if end == pos and pos > 0 and text[pos - 1] not in " :,;":
        return None
    starts: list[int] = []
    i = end
    while len(starts) < _MAX_CHUNKS and i > 0:
        j = i
        while j > 0 and i - j <= _MAX_CHUNK and _in_script(text[j - 1]):
            j -= 1
        if j == i or i - j > _MAX_CHUNK:
            break
        starts.append(j)
        if j > 0 and text[j - 1] == " ":
            i = j - 1
            continue
        break
    for start in reversed(starts):  # the longest run of chunks that reads as a whole name
        chunks = _chunks_after(doc, start)
        if not chunks or chunks[-1][1] < end:
            continue
        chunks = [c for c in chunks if c[1] <= end]
        parts = _parts(doc, chunks)
        used, syllables = _best(parts, 3)
        if used and used == len(chunks):
            return start, end, " ".join(s.capitalize() for s in syllables)
    return None
