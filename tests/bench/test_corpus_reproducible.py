"""The synthetic corpus is a function of its seed alone, not of the process's string hashing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIGEST = ("import hashlib; from bench.corpus import generate; "
          "print(hashlib.sha256(''.join(a.text for a in generate(60, seed=5)).encode()).hexdigest())")


def digest(hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run([sys.executable, "-c", DIGEST], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_same_seed_same_corpus_in_any_process() -> None:
    assert digest("1") == digest("2") == digest("3")
