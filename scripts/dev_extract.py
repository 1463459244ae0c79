"""Extract a list of files to JSON Lines (for scoring during development).

usage: python scripts/dev_extract.py FILE... > out.jsonl
then:  python ../shared/eval/score.py ../shared/gold,../shared/dev/gold out.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from graph.extract import extract


def main(paths: list[str]) -> None:
    for path in paths:
        p = Path(path)
        ext = extract(p.read_text(encoding="utf-8"), meta={"doc": p.name})
        print(json.dumps(ext.to_dict(), ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
