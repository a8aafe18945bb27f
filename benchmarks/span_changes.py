"""Which quotes or entities change between two git revisions, on real articles: for reviewing a
change to the quote or entity analyzer, where no gold set covers the long tail of real reporting.

    python benchmarks/span_changes.py OLD NEW [--layer quote|entity]
                                      [--data ../shared/data/semeval2023-task3]
                                      [--languages en,ru] [--limit 100] [--json]

Each revision runs in a fresh process from its own temporary worktree (as in
``compare_revisions.py``), with the pipeline that ``multilingual.py`` measures (language,
segments, encoder, entities, dates, quotes), on the first ``--limit`` articles of each
language, in file-name order: SemEval-2023 Task 3's training articles
(``<data>/<lang>/train-articles-subtask-3``) or SemEval-2025 Task 10's documents
(``<data>/<LANG>/raw-documents``, with ``--data ../shared/data/semeval2025-task10``).
Printed: every span whose label or attributes differ (for quotes the speaker and its linked
entity; for entities the normal form, the person and the rule that set the kind), or that only
one revision finds, with the words before it; then how many changed of how many found. Whether
a change is right is for the reader to judge: the data has no speakers, and no entity kinds.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from compare_revisions import revisions_parser, run_in, worktrees

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "semeval2023-task3"

#: The attributes compared, per layer.
ATTRIBUTES = {"quote": ("speaker", "speaker_entity"), "entity": ("normal", "person", "place", "kind_rule")}

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
        [s.start, s.end, s.label, *(s.attrs.get(key) for key in {keys!r})] for s in doc.layer({layer!r})
    ]
print(json.dumps(found))
"""


def spans_of(worktree: Path, paths: list[str], layer: str) -> dict[str, list[list[Any]]]:
    return dict(run_in(worktree, RUN.format(paths=paths, layer=layer, keys=ATTRIBUTES[layer])))


def articles(data: Path, language: str, limit: int) -> list[str]:
    """The first ``limit`` articles of a language, in either data set's layout."""
    for folder in (data / language / "train-articles-subtask-3", data / language.upper() / "raw-documents"):
        if folder.is_dir():
            return [str(p.resolve()) for p in sorted(folder.glob("*.txt"))[:limit]]
    raise SystemExit(f"{data}: no articles for {language!r} (is ../shared/data there?)")


def main() -> int:
    parser = revisions_parser(__doc__)
    parser.add_argument("--layer", choices=sorted(ATTRIBUTES), default="quote", help="the layer compared")
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="a SemEval-2023 Task 3 or 2025 Task 10 folder"
    )
    parser.add_argument("--languages", default="en,ru", help="its languages, comma-separated")
    parser.add_argument("--limit", type=int, default=100, help="articles per language")
    parser.add_argument("--json", action="store_true", help="print the changes as JSON")
    args = parser.parse_args()

    paths = [
        path for language in args.languages.split(",") for path in articles(args.data, language, args.limit)
    ]
    with worktrees([args.old, args.new]) as trees:
        old, new = (spans_of(tree, paths, args.layer) for tree in trees.values())

    changes = []
    total = 0
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        before = {(s[0], s[1]): s[2:] for s in old[path]}
        after = {(s[0], s[1]): s[2:] for s in new[path]}
        total += len(after)
        for start, end in sorted(set(before) | set(after)):
            if before.get((start, end)) != after.get((start, end)):
                changes.append(
                    {
                        "article": Path(path).name,
                        "before_words": text[max(0, start - 100) : start],
                        "span": text[start:end][:80],
                        "old": before.get((start, end)),
                        "new": after.get((start, end)),
                    }
                )
    if args.json:
        print(json.dumps({"changes": changes, "changed": len(changes), "spans": total}, indent=2))
        return 0
    for change in changes:
        context = " ".join(str(change["before_words"]).split())
        print(f"{change['article']}: ...{context} << {change['span']} >>")
        print(f"    old: {change['old']}\n    new: {change['new']}")
    fields = ", ".join(("label", *ATTRIBUTES[args.layer]))
    print(f"{len(changes)} of {total} {args.layer} spans changed ({fields}) in {len(paths)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
