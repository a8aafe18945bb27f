"""Where the benchmarks find the field's data: ``../shared/data`` beside the checkout.

Resolved from this file, not the working directory, so that a benchmark finds the data
wherever it is started from; ``--data`` points elsewhere.
"""

from __future__ import annotations

import argparse
from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def add_data_argument(parser: argparse.ArgumentParser, corpus: str) -> None:
    """``--data``, defaulting to ``corpus`` (say ``semeval2023-task3``) under ``SHARED_DATA``."""
    parser.add_argument("--data", default=str(SHARED_DATA / corpus), help=f"default: ../shared/data/{corpus}")
