"""A seeded generator of synthetic articles in Khmer, Thai, Vietnamese and English, with their ground truth.

For scale and throughput only, never for accuracy tuning: the sentences are
templates, so a score on them says nothing about real articles. What matters is
that the articles look like the seeds to the pipeline (length, scripts, number
forms, entity density) and that no two are the same, so caches and
deduplication cannot flatter a throughput figure.

>>> a = article(7, 0)
>>> a.lang, a.name
('km', 'syn_000000_km.txt')
>>> a == article(7, 0)
True
>>> a.gold["doc"] == a.name and a.gold["organizations"][0]["name"] != ""
True

Command line: ``python -m bench.corpus 300 --seed 1 --out /tmp/corpus`` writes
``<name>.txt`` files and ``gold/<stem>.json`` beside them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import scenario
from bench.corpus_text import LANGS, renderer_for

DEFAULT_BYTES = 15_000  # the seeds are 14.5-17.5 KB


@dataclass(frozen=True)
class Article:
    name: str
    lang: str
    text: str
    gold: dict[str, Any]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()


def article(seed: int, index: int, *, target_bytes: int = DEFAULT_BYTES) -> Article:
    """Article ``index`` of the corpus drawn with ``seed``; languages rotate km, th, vi, en."""
    lang = LANGS[index % len(LANGS)]
    facts = scenario.build(seed, index)
    rng = random.Random(f"{seed}:{index}:text")
    size = int(target_bytes * rng.uniform(0.85, 1.18))
    text = renderer_for(lang)(facts, rng).render(size)
    name = f"syn_{index:06d}_{lang}.txt"
    return Article(name, lang, text, facts.gold(name, lang))


def generate(count: int, seed: int = 0, *, start: int = 0, target_bytes: int = DEFAULT_BYTES) -> Iterator[Article]:
    """Articles ``start`` .. ``start + count - 1``; each depends only on ``(seed, index)``."""
    for index in range(start, start + count):
        yield article(seed, index, target_bytes=target_bytes)


def write_corpus(out: Path, count: int, seed: int = 0, *, target_bytes: int = DEFAULT_BYTES) -> list[Path]:
    """Write ``count`` articles as text files and their gold as ``gold/<stem>.json``."""
    (out / "gold").mkdir(parents=True, exist_ok=True)
    paths = []
    for art in generate(count, seed, target_bytes=target_bytes):
        path = out / art.name
        path.write_text(art.text, encoding="utf-8")
        gold_path = out / "gold" / (Path(art.name).stem + ".json")
        gold_path.write_text(json.dumps(art.gold, ensure_ascii=False, indent=2), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--bytes", type=int, default=DEFAULT_BYTES, help="mean article size in UTF-8 bytes")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    paths = write_corpus(args.out, args.count, args.seed, target_bytes=args.bytes)
    print(f"wrote {len(paths)} articles and their gold to {args.out}")


if __name__ == "__main__":
    main()
