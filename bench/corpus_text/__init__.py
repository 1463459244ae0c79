"""Rendering a :class:`bench.scenario.Scenario` as an article in Khmer, Thai, Vietnamese or English.

One renderer per language, each a small table of words and sentence templates
(like the project's language packs): adding a language is adding a module. The
shared machinery is here: every ``{slot}`` in a template is rendered afresh on
each use, so the same document number appears in different written forms within
one article (Khmer or Thai digits, spaces or an en dash around the dash, with or
without its "No."/"số"/"លេខ"/"ที่" prefix), as in real articles.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import ClassVar

from bench.scenario import Scenario

LANGS = ("km", "th", "vi", "en")
DATA = Path(__file__).resolve().parent.parent / "data"
MIDDLE_KINDS = ("programme", "district", "stats", "commune", "cell_event", "quote_district", "quote_commune",
                "quote_cell", "ppc_person")
OPTIONAL_KINDS = ("conclusion", "police", "decree")


def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a file in ``bench/data`` (filler sentences)."""
    return tuple(line.strip() for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip())


class _Slots(dict[str, str]):
    """A mapping that renders each slot when ``str.format_map`` asks for it."""

    def __init__(self, renderer: Renderer) -> None:
        super().__init__()
        self.renderer = renderer

    def __missing__(self, key: str) -> str:
        return self.renderer.slot(key)


class Renderer:
    """Base renderer: subclasses fill in the tables; ``render`` assembles the article."""

    lang: ClassVar[str] = ""
    digits: ClassVar[str] = "0123456789"
    native_digit_share: ClassVar[float] = 0.0  # how often numbers use the script's own digits
    code_prefix: ClassVar[str] = ""
    doc_types: ClassVar[dict[str, str]] = {}
    templates: ClassVar[dict[str, Sequence[str]]] = {}
    quotes: ClassVar[Sequence[str]] = ()
    filler: ClassVar[Sequence[str]] = ()
    sentence_joiner: ClassVar[str] = " "
    boilerplate: ClassVar[Sequence[str]] = ()
    parts: ClassVar[dict[str, Sequence[str]]] = {}  # phrase pools for combinatorial filler ({subj} {act} {goal})

    def __init__(self, scenario: Scenario, rng: random.Random) -> None:
        self.s = scenario
        self.rng = rng
        self.slots = _Slots(self)
        self.used: set[str] = set()

    # --- pieces every language needs -------------------------------------------------------------
    def num(self, value: int | str) -> str:
        """A number in ASCII or native digits (the share varies, as it does between real outlets)."""
        text = str(value)
        if self.native_digit_share and self.rng.random() < self.native_digit_share:
            return text.translate(str.maketrans("0123456789", self.digits))
        return text

    def code(self, code: str) -> str:
        """A document number in one of its written forms."""
        dash = self.rng.choice(("-", "-", "-", " - ", "–", " – "))
        number, sep, rest = code.partition("-") if "/" not in code.split("-")[0] else (code, "", "")
        text = f"{number}{dash}{rest}" if sep else code
        if self.native_digit_share and self.rng.random() < self.native_digit_share:
            text = text.translate(str.maketrans("0123456789", self.digits))
        return text

    def doc_ref(self, key: str) -> str:
        doc = self.s.docs[key]
        word = self.doc_types[doc.type]
        prefix = self.code_prefix if self.rng.random() < 0.85 else ""
        return self.join_ref(word, prefix, self.code(doc.code))

    def join_ref(self, word: str, prefix: str, code: str) -> str:
        return f"{word} {prefix} {code}" if prefix else f"{word} {code}"

    def date(self, iso: str) -> str:
        """A full date (YYYY-MM-DD) or a month (YYYY-MM) in the language's usual forms."""
        raise NotImplementedError

    def org(self, key: str) -> str:
        raise NotImplementedError

    def person(self, key: str) -> str:
        return self.s.people[key].name

    def place(self, which: str) -> str:
        raise NotImplementedError

    def slot(self, key: str) -> str:
        s = self.s
        if key in self.parts:
            return self.fill(self.rng.choice(self.parts[key]))
        if key in s.orgs:
            return self.org(key)
        if key in s.docs:
            return self.doc_ref(key)
        if key in s.people:
            return self.person(key)
        stem, _, attr = key.rpartition("_")
        if attr == "date" and stem in s.docs:
            return self.date(s.docs[stem].date or "2024")
        if attr == "title" and stem in s.docs:
            return s.docs[stem].titles[self.lang]
        if attr == "issuer" and stem in s.docs:
            return self.org(s.docs[stem].issuer)
        if attr == "code" and stem in s.docs:
            return self.code(s.docs[stem].code)
        if key in ("lead_date", "cell_month"):
            return self.date(s.events["lead" if key == "lead_date" else "cell"].date)
        if key == "topic":
            return (s.events["cell"].topic or {})[self.lang]
        if key == "members" and self.native_digit_share:  # at least one number in native digits per article
            return str(s.numbers[key]).translate(str.maketrans("0123456789", self.digits))
        if key in s.numbers:
            return self.num(f"{s.numbers[key]:,}" if s.numbers[key] >= 10_000 else s.numbers[key])
        if key == "n":
            return self.num(self.rng.randint(2, 60))
        if key == "year":
            return self.num(self.year(self.rng.randint(2021, 2025)))
        if key == "quote":
            return self.rng.choice(self.quotes)
        if key in ("P", "D", "C", "V"):
            return self.place(key)
        if key == "term":
            return self.num(13)
        raise KeyError(key)

    def year(self, year: int) -> int:
        return year

    # --- assembling ---------------------------------------------------------------------------------
    def fill(self, template: str) -> str:
        return template.format_map(self.slots)

    def structural(self) -> list[str]:
        kinds = list(MIDDLE_KINDS) + [k for k in OPTIONAL_KINDS if k in self.s.blocks]
        self.rng.shuffle(kinds)
        return [self.fill(self.rng.choice(self.templates[k])) for k in ["lead", *kinds]]

    def filler_paragraph(self) -> str:
        """2-5 filler sentences; a sentence without slots is used once per article while others remain."""
        fresh = [t for t in self.filler if "{" in t or t not in self.used]
        if len(fresh) < 5:
            self.used.clear()
            fresh = list(self.filler)
        chosen = self.rng.sample(fresh, self.rng.randint(2, 5))
        self.used.update(chosen)
        return self.sentence_joiner.join(self.fill(t) for t in chosen)

    def render(self, target_bytes: int) -> str:
        paragraphs = self.structural()
        size = sum(len(p.encode()) + 1 for p in paragraphs)
        while size < target_bytes:
            extra = self.filler_paragraph()
            paragraphs.insert(self.rng.randint(1, len(paragraphs)), extra)
            size += len(extra.encode()) + 1
        domain = "bao" + self.s.province.ascii.lower().replace(" ", "").replace("'", "") + ".vn"
        tail = [self.fill(self.rng.choice(self.templates["source"])).replace("DOMAIN", domain)]
        if self.boilerplate and self.rng.random() < 0.5:
            tail.append(self.rng.choice(self.boilerplate))
        return "\n".join(paragraphs + tail) + "\n"


def renderer_for(lang: str) -> type[Renderer]:
    """The renderer class of a language, found by its code (``bench.corpus_text.<code>``)."""
    module = import_module(f"bench.corpus_text.{lang}")
    return module.RENDERER  # type: ignore[no-any-return]
