"""Names written in Latin script inside an article in another script, made whole.

A Bulgarian, Russian, Ukrainian or Hindi article leaves the names of foreign outlets, funds and
reports in their own spelling ("Harbor Ledger", "Northwind Climate Review"), and the
recognisers, trained on the article's own script, often take only a part of them ("Ledger" of
"Harbor Ledger", or two pieces of one name). In the first 150 SemEval-2025 Bulgarian articles
this rule made 23 names whole out of 30 such pieces, each one name when read (`python
benchmarks/span_changes.py OLD NEW --layer entity --data ../shared/data/semeval2025-task10
--languages BG --limit 150`, without and with it: 53 of 4,121 entity spans). In such an article
a run of capitalised Latin words is one name: the article's own words cannot go on it. The run
joins the entities inside it when one of them is an organisation or a place; a person's name is
left as found ("Sir" before a name is a title, not a part of it). A place that the run makes
longer is an organisation ("Forestry and Lands Norland"): a place's name rarely gets words in
the Latin script of another language's article.

Words in a run: capitalised ("Ledger"), in capitals ("UN"), with digits ("Cop28"), and the
short links between two of them ("Forestry and Lands", "Fund for Clean Air"). A word with
capitals inside ("NordTube", "VKplay") is a brand's name of its own, not a part of a longer one:
two of them side by side are two names.
"""

from __future__ import annotations

import re

from narrascope.analyzers._name_forms import Found

__all__ = ["NON_LATIN_LANGUAGES", "latin_names"]

#: The languages of articles in a script other than Latin, whose recognisers read Latin names
#: least well.
NON_LATIN_LANGUAGES = ("bg", "hi", "ru", "uk")

_LATIN = "A-Za-zÀ-ÖØ-öø-ɏ"
_WORD = re.compile(rf"(?<![\w&'’.-])[{_LATIN}][{_LATIN}0-9&'’.-]*(?<![.'’-])")
_LINKS = frozenset({"and", "for", "of", "on", "the", "&"})


def _name_word(word: str) -> bool:
    """A word that a Latin name is made of: capitalised with no other capital, in capitals."""
    if not word[:1].isupper():
        return False
    letters = [c for c in word if c.isalpha()]
    return word.isupper() or not any(c.isupper() for c in letters[1:])


def _runs(text: str) -> list[tuple[int, int]]:
    """The runs of two Latin name words or more, one space apart, with the links between them."""
    runs: list[tuple[int, int]] = []
    current: list[re.Match[str]] = []

    def close() -> None:
        while current and not _name_word(current[-1].group()):
            current.pop()  # a name ends in a name word, not in a link
        if sum(_name_word(m.group()) for m in current) >= 2:
            runs.append((current[0].start(), current[-1].end()))
        current.clear()

    for match in _WORD.finditer(text):
        word = match.group()
        if current and text[current[-1].end() : match.start()] != " ":
            close()
        if _name_word(word) or (word in _LINKS and current and _name_word(current[-1].group())):
            current.append(match)
        else:
            close()
    close()
    return runs


def latin_names(text: str, found: Found) -> Found:
    """``found`` with each run of Latin name words that holds a part of an organisation or a
    place as one entity, of the run's extent (see the module's notes)."""
    runs = _runs(text)
    if not runs:
        return found
    out: Found = []
    taken: set[int] = set()
    ordered = sorted(found, key=lambda f: f[0])
    for run_start, run_end in runs:
        inside = [i for i, f in enumerate(ordered) if f[0] < run_end and f[1] > run_start]
        if not inside or any(ordered[i][0] < run_start or ordered[i][1] > run_end for i in inside):
            continue
        labels = {ordered[i][2] for i in inside}
        if not labels & {"ORG", "LOC"} or (
            len(inside) == 1 and ordered[inside[0]][:2] == (run_start, run_end)
        ):
            continue
        first = ordered[inside[0]]
        taken.update(inside)
        # counted without an English article, as the English recogniser's names are ("The Wall
        # Street Journal" -> "Wall Street Journal")
        normal = re.sub(r"^The ", "", text[run_start:run_end])
        out.append((run_start, run_end, "ORG", {**first[3], "normal": normal}))
    out += [f for i, f in enumerate(ordered) if i not in taken]
    return sorted(out, key=lambda f: f[0])
