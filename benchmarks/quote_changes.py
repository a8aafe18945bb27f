"""Which quotes and speakers change between two git revisions, on real articles: for reviewing a
change to the quote analyzer, where no gold set covers the long tail of real reporting.

    python benchmarks/quote_changes.py OLD NEW [--data ../shared/data/semeval2023-task3]
                                       [--languages en,ru] [--limit 100] [--json]

Each revision runs in a fresh process from its own temporary worktree (as in
``compare_revisions.py``), with the pipeline that ``multilingual.py`` measures (language,
segments, encoder, entities, dates, quotes), on the first ``--limit`` training articles of
each language, in file-name order. Printed: every quote whose label, speaker or linked entity
differs, or that only one revision finds, with the words before it; then how many changed of
how many found. Whether a change is right is for the reader to judge: the data has no speakers.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from compare_revisions import revisions_parser, run_in, worktrees

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "semeval2023-task3"

# Runs inside the revision's worktree: its own narrascope and its own multilingual.py.
RUN = """
import json, sys
from pathlib import Path
from typing import Any
sys.path.insert(0, "benchmarks")
from multilingual import build_pipeline
from narrascope.document import Document
pipeline = build_pipeline()
found = {{}}
for path in {paths!r}:
    doc = Document(id=Path(path).name, text=Path(path).read_text(encoding="utf-8"))
    pipeline(doc)
    found[path] = [
        [q.start, q.end, q.label, q.attrs.get("speaker"), q.attrs.get("speaker_entity")]
        for q in doc.layer("quote")
    ]
print(json.dumps(found))
"""


def quotes_of(worktree: Path, paths: list[str]) -> dict[str, list[list[Any]]]:
    return dict(run_in(worktree, RUN.format(paths=paths)))


def main() -> int:
    parser = revisions_parser(__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the SemEval-2023 Task 3 folder")
    parser.add_argument("--languages", default="en,ru", help="its language folders, comma-separated")
    parser.add_argument("--limit", type=int, default=100, help="articles per language")
    parser.add_argument("--json", action="store_true", help="print the changes as JSON")
    args = parser.parse_args()

    paths: list[str] = []
    for language in args.languages.split(","):
        folder = args.data / language / "train-articles-subtask-3"
        if not folder.is_dir():
            raise SystemExit(f"{folder}: no such folder (is ../shared/data there?)")
        paths += [str(p) for p in sorted(folder.glob("*.txt"))[: args.limit]]
    with worktrees([args.old, args.new]) as trees:
        old, new = (quotes_of(tree, paths) for tree in trees.values())

    changes = []
    total = 0
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        before = {(q[0], q[1]): q[2:] for q in old[path]}
        after = {(q[0], q[1]): q[2:] for q in new[path]}
        total += len(after)
        for start, end in sorted(set(before) | set(after)):
            if before.get((start, end)) != after.get((start, end)):
                changes.append(
                    {
                        "article": Path(path).name,
                        "before_words": text[max(0, start - 100) : start],
                        "quote": text[start:end][:80],
                        "old": before.get((start, end)),
                        "new": after.get((start, end)),
                    }
                )
    if args.json:
        print(json.dumps({"changes": changes, "changed": len(changes), "quotes": total}, indent=2))
        return 0
    for change in changes:
        context = " ".join(str(change["before_words"]).split())
        print(f"{change['article']}: ...{context} << {change['quote']} >>")
        print(f"    old: {change['old']}\n    new: {change['new']}")
    print(
        f"{len(changes)} of {total} quotes changed (label, speaker, linked entity) in {len(paths)} articles"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
