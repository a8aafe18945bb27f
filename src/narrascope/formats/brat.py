"""brat standoff: a document as ``<name>.txt`` (the text) and ``<name>.ann`` (its annotations).

Many annotation projects and corpora use brat's format (http://brat.nlplab.org/standoff.html).
Offsets are character offsets into the ``.txt``, end exclusive; a text-bound annotation is
one ``.ann`` line ``T1<TAB>Label START END<TAB>covered text``, and a discontinuous one joins
its ``START END`` fragments with ``;`` and their texts with one space. The ``.txt`` is read
and written with ``newline=""``: brat counts ``\\r\\n`` as two characters, and Python's
default newline translation would shift every offset after a Windows line end.

Only text-bound annotations are carried. A span's layer is not written (brat has one type
per annotation, and the label is that type), so a file is read back into one layer; document
labels (genre, frames, narratives) are not written either: brat's attributes and notes hang
on annotations, not on documents. Lines of other kinds (``#`` notes, ``A``/``M`` attributes,
``R`` relations, ``E`` events, ``N`` normalisations, ``*`` equivalences) are skipped and
counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from narrascope.document import Document, Span
from narrascope.errors import NarrascopeError
from narrascope.formats._common import RepairLog, integer, line_error, nearest_occurrence, read_text

__all__ = ["SOURCE", "read_brat", "write_brat"]

SOURCE = "gold:brat"

#: Characters that end a line for some reader of ``.ann`` files (Python's ``splitlines`` and
#: codecs readers split on all of these), and the tab that separates fields. In the covered
#: text written to an ``.ann`` line each becomes a space; the offsets stay exact.
_BREAKS = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_FLAT = str.maketrans(dict.fromkeys(_BREAKS, " "))

_OTHER = {
    "#": "note",
    "A": "attribute",
    "M": "attribute",
    "R": "relation",
    "E": "event",
    "N": "normalisation",
    "*": "equivalence",
}


def write_brat(
    doc: Document, folder: str | Path, layers: Sequence[str] = ("technique",), name: str | None = None
) -> tuple[Path, Path]:
    """Write ``<name>.txt`` and ``<name>.ann`` into ``folder``; return their paths.

    ``name`` defaults to ``metadata["article_id"]``, else the document id. The spans of
    ``layers`` are written in layer then text order as ``T1``, ``T2``, ...; the text is
    written exactly (UTF-8, no newline translation). brat cannot hold a zero-length span or
    a label with white space in it (its types are single words); either raises ValueError.
    """
    stem = name or str(doc.metadata.get("article_id") or doc.id)
    if stem in (".", "..") or "/" in stem or "\\" in stem:
        raise ValueError(f"{stem!r} cannot name a file")
    lines = []
    spans = sorted(
        (s for s in doc.spans if s.layer in layers),
        key=lambda s: (layers.index(s.layer), s.start, s.end, s.label),
    )
    for number, span in enumerate(spans, start=1):
        if span.start == span.end:
            raise ValueError(f"brat cannot hold the zero-length span {span.label!r} at {span.start}")
        if not span.label or any(ch.isspace() for ch in span.label):
            raise ValueError(f"brat types are single words; {span.label!r} is not")
        covered = span.text_in(doc).translate(_FLAT)
        lines.append(f"T{number}\t{span.label} {span.start} {span.end}\t{covered}\n")
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    txt, ann = target / f"{stem}.txt", target / f"{stem}.ann"
    with txt.open("w", encoding="utf-8", newline="") as handle:
        handle.write(doc.text)
    with ann.open("w", encoding="utf-8", newline="") as handle:
        handle.writelines(lines)
    return txt, ann


def read_brat(
    txt_path: str | Path,
    ann_path: str | Path | None = None,
    layer: str = "technique",
    source: str = SOURCE,
) -> tuple[Document, RepairLog]:
    """A document with a span of ``layer`` per text-bound annotation, and the repairs.

    ``ann_path`` defaults to the ``.txt`` path with the suffix ``.ann``. Each annotation's
    recorded text is checked against its offsets (with line breaks and tabs read as spaces,
    as they are written): a continuous annotation that does not match is moved to the
    nearest occurrence of its text, or dropped if there is none; a discontinuous one is
    split into one span per fragment (``attrs`` ``brat_id`` and ``fragment`` tie them),
    or dropped if it does not match. All of it is counted. A malformed ``T`` line, or a line
    of no brat kind, raises E300 naming the file and the line; a missing file raises E303.
    ``metadata["article_id"]`` is the file's stem, as :func:`write_brat` names files.
    """
    txt = Path(txt_path)
    ann = Path(ann_path) if ann_path is not None else txt.with_suffix(".ann")
    for file in (txt, ann):
        if not file.is_file():
            raise NarrascopeError("E303", f"{file}: no such file")
    text = read_text(txt)
    flat = text.translate(_FLAT)
    doc = Document(text=text, metadata={"article_id": txt.stem, "input": str(txt)})
    log = RepairLog()
    with ann.open(encoding="utf-8-sig", newline="") as handle:
        content = handle.read()
    # Split on "\n" alone: the covered text may hold characters that splitlines() breaks on.
    for number, raw_line in enumerate(content.split("\n"), start=1):
        line = raw_line.removesuffix("\r")
        if not line.strip():
            continue
        ident = line.split("\t", 1)[0]
        where = f"{ann.name}:{number}"
        if not ident.startswith("T"):
            kind = _OTHER.get(ident[:1])
            if kind is None:
                raise line_error(
                    ann, number, f"{ident!r} is no brat annotation id (T, #, A, M, R, E, N or *)"
                )
            log.note(f"ignored: {kind} lines", where)
            continue
        label, fragments, recorded = _text_bound(ann, number, line)
        placed = _place(text, flat, fragments, recorded, log, where)
        if placed is None:
            continue
        if len(placed) > 1:
            log.note("discontinuous annotation: split into spans", where)
        for index, (start, end) in enumerate(placed):
            attrs = {"brat_id": ident, "fragment": index} if len(placed) > 1 else {}
            doc.add_span(Span(start, end, layer, label, source, attrs=attrs))
    return doc, log


def _text_bound(ann: Path, number: int, line: str) -> tuple[str, list[tuple[int, int]], str]:
    """(label, fragments, covered text) of a ``T`` line, or E300."""
    parts = line.split("\t", 2)
    if len(parts) != 3:
        raise line_error(ann, number, "expected ID<TAB>TYPE START END<TAB>TEXT")
    label, _, offsets = parts[1].partition(" ")
    if not label or not offsets.strip():
        raise line_error(ann, number, f"expected TYPE START END, found {parts[1]!r}")
    fragments = []
    for piece in offsets.split(";"):
        bits = piece.split()
        if len(bits) != 2:
            raise line_error(ann, number, f"offsets {offsets!r}: expected START END pairs joined by ';'")
        start, end = integer(ann, number, bits[0], "start"), integer(ann, number, bits[1], "end")
        if start < 0 or end < start:
            raise line_error(ann, number, f"span [{start}, {end}) is not ordered")
        fragments.append((start, end))
    return label, fragments, parts[2].translate(_FLAT)


def _place(
    text: str, flat: str, fragments: list[tuple[int, int]], recorded: str, log: RepairLog, where: str
) -> list[tuple[int, int]] | None:
    """The fragments, checked against the recorded text, re-anchored, or None to drop."""
    inside = all(0 <= start < end <= len(text) for start, end in fragments)
    if inside and " ".join(flat[start:end] for start, end in fragments) == recorded:
        return fragments
    if len(fragments) > 1:
        log.note("dropped: discontinuous annotation whose text does not match", where)
        return None
    if not recorded:
        log.note("dropped: empty or outside the text", where)
        return None
    found = nearest_occurrence(flat, recorded, fragments[0][0])
    if found is None:
        log.note("dropped: annotation text not in the document", where)
        return None
    log.note("text did not match the offsets: re-anchored", where)
    return [(found, found + len(recorded))]
