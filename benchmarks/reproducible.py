"""Whether the attention head's training gives the same weights every time, with torch's
deterministic kernels (as ``narrascope train`` runs it) and without, while another process
keeps the CPU busy.

    python benchmarks/reproducible.py [--runs 3] [--paragraphs 600]

Each run trains the head in a fresh process on the same synthetic features (random numbers
shaped as the technique model's: 1152 wide, 23 techniques, 5 to 120 tokens a paragraph; no
real data is needed to show the effect) beside a busy loop, and saves its first layer.
Printed: per mode, the largest difference of each run's weights from the first run's. Any
difference above 0 means that the same command, seed and data gave another model; a whole
technique training multiplies such last-bit differences into development F1 moving by up
to 0.005 (measured on 2026-12-05 with two trainings of the same commit).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

_TRAIN = """
import sys
import numpy as np
from narrascope.models.attention import fit_attention
paragraphs, deterministic, out = int(sys.argv[1]), sys.argv[2] == "1", sys.argv[3]
rng = np.random.default_rng(1)
lengths = rng.integers(5, 120, paragraphs)
owner = np.repeat(np.arange(paragraphs), lengths)
tokens = rng.standard_normal((len(owner), 1152)).astype(np.float16)
means = rng.standard_normal((paragraphs, 1152)).astype(np.float32)
paragraph_targets = (rng.random((paragraphs, 23)) < 0.1).astype(np.float32)
token_targets = (rng.random((len(owner), 23)) < 0.05).astype(np.float32)
fit = fit_attention if deterministic else fit_attention.__wrapped__  # without reproducible()
head = fit(tokens, owner, means, paragraph_targets, token_targets, epochs=2)
np.save(out, head.token_weight)
"""

_BUSY = "import time\nend = time.time() + 600\nwhile time.time() < end: pass"


def _weights(paragraphs: int, deterministic: bool, out: Path) -> np.ndarray:
    busy = subprocess.Popen([sys.executable, "-c", _BUSY])
    try:
        subprocess.run(
            [sys.executable, "-c", _TRAIN, str(paragraphs), str(int(deterministic)), str(out)], check=True
        )
    finally:
        busy.kill()
        busy.wait()
    return np.asarray(np.load(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--paragraphs", type=int, default=600)
    args = parser.parse_args()
    print("| torch kernels | runs | largest difference from the first run, per run |")
    print("|---|---:|---|")
    with tempfile.TemporaryDirectory() as folder:
        for deterministic in (True, False):
            runs = [
                _weights(args.paragraphs, deterministic, Path(folder) / f"{deterministic}-{i}.npy")
                for i in range(args.runs)
            ]
            differences = [float(np.abs(run - runs[0]).max()) for run in runs[1:]]
            mode = "deterministic" if deterministic else "default"
            print(f"| {mode} | {args.runs} | {', '.join(f'{d:.2g}' for d in differences)} |")


if __name__ == "__main__":
    main()
