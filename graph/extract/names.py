"""Latin-script name runs and place look-ups shared by the organisation and people extractors.

Why: Khmer and Thai articles about Vietnam keep most Vietnamese names in Latin
script ("គណៈកម្មាធិការបក្សស្រុក Cam Xuyen"), and Vietnamese and English ones
write them capitalised. A name is a run of capitalised words; where the other
stages know the place (the gazetteer behind ``graph.places``), its canonical
name wins, otherwise the run is folded to ASCII.

Example:
    >>> name_run("tại Đảng bộ xã Dân Chủ lần", 15)
    (15, 22)
    >>> canonical_latin("Dân Chủ")
    'Dan Chu'
"""

from __future__ import annotations

import re
from collections.abc import Callable

from graph.text import fold

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’][^\W\d_]+)?")
# Words that may sit inside a capitalised run without being names.
_LINKS = {"of", "and"}


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def name_run(text: str, pos: int, max_words: int = 5, stop: Callable[[int], bool] | None = None,
             allow_digits: bool = False) -> tuple[int, int] | None:
    """The span of capitalised words starting at ``pos`` (after spaces), or None.

    ``stop(i)`` may end the run before the word starting at ``i`` (a head word
    such as "Party" in "Binh Duong Party Committee").
    """
    i = pos
    while i < len(text) and text[i] == " ":
        i += 1
    start, end, words = i, None, 0
    while words < max_words:
        # a capital first (text[i] is the word's first letter): the word regex would read a whole Khmer run
        m = _WORD.match(text, i) if i < len(text) and text[i].isupper() else None
        if not m or (stop is not None and stop(i)):
            if allow_digits and words:
                d = re.match(r"\d+[A-Za-z]?\b", text[i:])
                if d:
                    end = i + d.end()
            break
        end = m.end()
        words += 1
        j = end
        if j < len(text) and text[j] == " " and j + 1 < len(text) and text[j + 1] != " ":
            i = j + 1
            continue
        break
    return (start, end) if end else None


def name_run_before(text: str, end: int, max_words: int = 4,
                    stop: Callable[[int], bool] | None = None) -> tuple[int, int] | None:
    """The span of capitalised words that ends at ``end`` (before spaces), or None."""
    j = end
    while j > 0 and text[j - 1] == " ":
        j -= 1
    start, words = None, 0
    while words < max_words:
        k = j
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "'’"):
            k -= 1
        if k == j or not _is_cap(text[k:j]) or (stop is not None and stop(k)):
            break
        start = k
        words += 1
        if k > 1 and text[k - 1] == " " and text[k - 2] not in " ,.;:()":
            j = k - 1
            continue
        break
    if start is None:
        return None
    stop_end = end
    while stop_end > start and text[stop_end - 1] == " ":
        stop_end -= 1
    return start, stop_end


# Common Vietnamese family names (ASCII-folded): a run of three or more words starting with one is a person.
SURNAMES = frozenset("""nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly mai cao luu dao thai
ha lam trinh dinh ta trieu quach doan chu luong la lai kieu tang khuat van giang tong thach kim mac lu phung
tieu vuong bach an au quan hua diep lieu to ton khuc lo vi nong ung thieu chau giap ninh nghiem phi tao ma luc
han cu khong dam hau than""".split())


# Common middle names: "Du Van Thinh" is a person even with a rare family name.
MIDDLE_NAMES = frozenset("""van thi duc huu minh quoc thanh ngoc dinh xuan cong trong kim hong dac tien
manh viet anh bao the tan quang""".split())


# Highland names: Ede and M'nong men's names open with "Y", women's with "H'" ("Y Bhin Nie", "H'Lien Eban");
# Jrai and Bahnar family names come first ("Ksor Phuoc Ha", "Ro Cham Hoa").
ETHNIC_FIRST = frozenset("""y ksor siu nay rah ro rcom rmah kpa puih""".split())
# A Vietnamese syllable folded to ASCII: an initial, a vowel nucleus and one of the few finals.
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")


def ethnic_name(words: list[str]) -> bool:
    """A highland name: opens with "Y", an "H'" word, or a Jrai/Bahnar family name (lower-case ``words``)."""
    first = words[0]
    return first in ETHNIC_FIRST or first.startswith(("h'", "h’"))


def vietnamese_syllable(word: str) -> bool:
    """Whether a folded word can be one Vietnamese syllable ("thanh" yes, "reviews" and "university" no)."""
    return _SYLLABLE.fullmatch(word.lower()) is not None


def looks_like_person(name: str) -> bool:
    """"Nguyen Thi Thanh Huyen" is a person, "Cam Xuyen" is not: three or more words after a family name."""
    words = name.split()
    return len(words) >= 3 and (words[0].lower() in SURNAMES or words[1].lower() in ("van", "thi"))


def canonical_latin(surface: str) -> str:
    """ASCII-fold a Latin name and capitalise each word: "Dân chủ" → "Dan Chu"."""
    words = fold(surface).replace("’", "'").split()
    return " ".join(w[:1].upper() + w[1:] for w in words)
