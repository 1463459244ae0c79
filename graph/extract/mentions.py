"""A span of the normalised text and the item it names.

Extractors hand mentions to each other (organisations to the document
extractor for issuers, documents and dates to the event extractor, ...), so
the relation rules can reason about position: same sentence, nearest to the
right, inside a parenthesis.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Mention(Generic[T]):
    start: int
    end: int
    item: T
    rule: str = ""

    def overlaps(self, other: Mention[object]) -> bool:
        return self.start < other.end and other.start < self.end
