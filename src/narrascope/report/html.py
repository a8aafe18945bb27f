"""A self-contained HTML report of one document: the text with its evidence highlighted.

The text is cut at every span boundary into segments; each segment is one ``<span>`` that
carries its character offsets (``data-start``/``data-end``) and, as a tooltip, every span that
covers it. Techniques are coloured lines under the text, one colour per category; overlapping
techniques stay readable because each is drawn on the lowest "track" free at that point, like
lanes. Entities, dates and speakers are marked in the text itself (colour, weight, italics),
and quotes tint the background, so that the three kinds of evidence never hide each other. The page has no script at all, and a Content-Security-Policy forbids
any, so markup inside an article can never run.
"""

from __future__ import annotations

import html
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import resources

from narrascope._version import __version__
from narrascope.analyzers.roles import cast_summary
from narrascope.document import Document, Span
from narrascope.taxonomy import CATEGORIES, TECHNIQUES, subnarrative_name

__all__ = ["LAYER_STYLES", "render_html", "render_meta", "render_panels"]

#: Colour of each (layer, label) drawn as a line; ``None`` label means every label of the layer.
LAYER_STYLES: dict[tuple[str, str | None], tuple[str, str]] = {
    ("entity", "PER"): ("#0b3d91", "person"),
    ("entity", "ORG"): ("#5b2a86", "organisation"),
    ("entity", "LOC"): ("#1e5631", "place"),
    ("entity", "NORP"): ("#0c5460", "group or nationality"),
    ("date", None): ("#7a4b00", "date"),
    ("speaker", None): ("#111111", "speaker"),
}
QUOTE_CLASSES = {"direct": "q-direct", "reported": "q-reported", "phrase": "q-phrase"}
QUOTE_NAMES = {
    "direct": "direct quote",
    "reported": "reported speech",
    "phrase": "quoted phrase (no speaker)",
}
_LINE_PX = 3
# How the non-technique layers are marked in the text itself, in order of precedence.
_TEXT_STYLES = {
    "speaker": "font-weight: 700; text-decoration: underline double",
    "entity": "font-weight: 600",
    "date": "font-style: italic",
}


@dataclass(frozen=True)
class _Mark:
    """Something to draw over the text: a span, or a speaker taken from a quote's attributes."""

    start: int
    end: int
    layer: str
    label: str
    tip: str
    colour: str | None  # None: drawn as a background class, not a line
    css: str | None = None


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _colour(layer: str, label: str) -> str | None:
    if layer == "technique":
        technique = TECHNIQUES.get(label)
        return CATEGORIES[technique.category].colour if technique else "#555555"
    style = LAYER_STYLES.get((layer, label)) or LAYER_STYLES.get((layer, None))
    return style[0] if style else None


def _marks(doc: Document) -> list[_Mark]:
    marks: list[_Mark] = []
    for span in doc.spans:
        if span.layer == "quote":
            who = span.attrs.get("speaker")
            tip = f"{QUOTE_NAMES.get(span.label, span.label)}" + (f" — {who}" if who else "")
            marks.append(
                _Mark(span.start, span.end, "quote", span.label, tip, None, QUOTE_CLASSES.get(span.label))
            )
            start, end = span.attrs.get("speaker_start"), span.attrs.get("speaker_end")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(doc.text):
                entity = span.attrs.get("speaker_entity")
                tip = f"speaker: {entity or who}" + (
                    f" (cue: {span.attrs['cue']})" if span.attrs.get("cue") else ""
                )
                marks.append(_Mark(start, end, "speaker", "speaker", tip, _colour("speaker", "speaker")))
            continue
        colour = _colour(span.layer, span.label)
        if colour is None:
            continue
        marks.append(_Mark(span.start, span.end, span.layer, span.label, _tip(span), colour))
    # Identical speaker marks come from several quotes by the same attribution; draw them once.
    return sorted(set(marks), key=lambda m: (m.start, -m.end, m.layer, m.label))


def _tip(span: Span) -> str:
    if span.layer == "technique":
        technique = TECHNIQUES.get(span.label)
        score = f" ({span.score:.2f})" if span.score is not None else ""
        if technique is None:
            return f"technique: {span.label}{score}"
        return f"{technique.display}{score} [{technique.category}]: {technique.definition}"
    if span.layer == "entity":
        name = LAYER_STYLES.get(("entity", span.label), ("", span.label))[1]
        normal = span.attrs.get("person") or span.attrs.get("normal")
        # The English name that corpus counts use, where it is another: "ЕС (European Union)".
        english = span.attrs.get("place") or span.attrs.get("organisation")
        also = f" ({english})" if english and english != normal else ""
        return f"{name}: {normal}{also}" if normal else name
    if span.layer == "date":
        value = span.attrs.get("value") or "unresolved (no publication date)"
        return f"date: {value}"
    score = f" ({span.score:.2f})" if span.score is not None else ""
    return f"{span.layer}: {span.label}{score}"


def _tracks(marks: list[_Mark]) -> dict[_Mark, int]:
    """Lowest free lane for each line mark, so that overlapping lines never hide each other."""
    lane_end: list[int] = []
    lanes: dict[_Mark, int] = {}
    for mark in marks:
        if mark.colour is None or mark.layer != "technique":
            continue
        for lane, end in enumerate(lane_end):
            if end <= mark.start:
                lane_end[lane] = mark.end
                lanes[mark] = lane
                break
        else:
            lanes[mark] = len(lane_end)
            lane_end.append(mark.end)
    return lanes


def _render_text(doc: Document, marks: list[_Mark]) -> str:
    lanes = _tracks(marks)
    cuts = sorted({0, len(doc.text), *(m.start for m in marks), *(m.end for m in marks)})
    anchors: dict[int, str] = {}
    for number, mark in enumerate(marks):
        anchors.setdefault(mark.start, f"m{number}")
    out: list[str] = []
    # A sweep over the cuts: marks (sorted by start) join when they begin and leave when they
    # end, so a long article costs segments x overlapping marks, not segments x all marks.
    pending = iter(marks)
    upcoming = next(pending, None)
    active: list[_Mark] = []
    for left, right in itertools.pairwise(cuts):
        while upcoming is not None and upcoming.start <= left:
            active.append(upcoming)
            upcoming = next(pending, None)
        active = [m for m in active if m.end > left]
        if left == right:
            continue
        piece = _e(doc.text[left:right])
        attrs = [f'data-start="{left}"', f'data-end="{right}"']
        if left in anchors:
            attrs.insert(0, f'id="{anchors.pop(left)}"')
        classes = ["seg", *(m.css for m in active if m.css)]
        lines = sorted((lanes[m], m.colour) for m in active if m in lanes)
        styles = []
        if lines:
            # Inset shadows stack: lane k is a band k*3px..(k+1)*3px above the bottom edge.
            shadows = ", ".join(f"inset 0 -{(lane + 1) * _LINE_PX}px 0 0 {colour}" for lane, colour in lines)
            depth = (max(lane for lane, _ in lines) + 1) * _LINE_PX
            styles.append(f"box-shadow: {shadows}; padding-bottom: {depth}px")
        # Entities, dates and speakers are marked in the text's own colour and style, so that
        # the coloured lines underneath belong to techniques alone.
        named = [m for m in active if m.layer in _TEXT_STYLES and m.colour]
        if named:
            top = min(named, key=lambda m: list(_TEXT_STYLES).index(m.layer))
            styles.append(f"color: {top.colour}; {_TEXT_STYLES[top.layer]}")
        if styles:
            attrs.append(f'style="{"; ".join(styles)}"')
        if active:
            attrs.append(f'title="{_e(" | ".join(m.tip for m in active))}"')
        out.append(f'<span class="{" ".join(classes)}" {" ".join(attrs)}>{piece}</span>')
    return "".join(out)


def _legend(marks: list[_Mark]) -> str:
    items = []
    used = {TECHNIQUES[m.label].category for m in marks if m.layer == "technique" and m.label in TECHNIQUES}
    for name, category in CATEGORIES.items():
        if name in used:
            items.append(
                f'<li><span class="swatch line" style="background:{category.colour}"></span>{_e(name)}</li>'
            )
    for (layer, label), (colour, name) in LAYER_STYLES.items():
        if any(m.layer == layer and (label is None or m.label == label) for m in marks):
            style = f"color: {colour}; {_TEXT_STYLES.get(layer, '')}"
            items.append(f'<li><span style="{style}">{_e(name)}</span></li>')
    for label, css in QUOTE_CLASSES.items():
        if any(m.layer == "quote" and m.label == label for m in marks):
            items.append(f'<li><span class="swatch {css}"></span>{_e(QUOTE_NAMES[label])}</li>')
    return f'<ul class="legend">{"".join(items)}</ul>'


def _entities_table(doc: Document) -> str:
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], int] = {}
    for number, span in enumerate(doc.layer("entity")):
        key = (span.label, span.name_in(doc))
        counts[key] += 1
        first.setdefault(key, number)
    if not counts:
        return "<p>No people, places or organisations found.</p>"
    rows = "".join(
        f"<tr><td>{_e(name)}</td><td>{_e(LAYER_STYLES.get(('entity', label), ('', label))[1])}</td>"
        f'<td class="n">{n}</td></tr>'
        for (label, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][1]))
    )
    return f"<table><thead><tr><th>name</th><th>kind</th><th>mentions</th></tr></thead><tbody>{rows}</tbody></table>"


def _quotes_list(doc: Document, marks: list[_Mark]) -> str:
    quotes = [q for q in doc.layer("quote") if q.label != "phrase"]
    if not quotes:
        return "<p>No quotations found.</p>"
    anchor = {m.start: f"m{i}" for i, m in reversed(list(enumerate(marks)))}
    items = []
    for quote in quotes:
        who = (
            quote.attrs.get("speaker_entity")
            or quote.attrs.get("speaker")
            or ("interviewer" if quote.attrs.get("turn") == "question" else "unattributed")
        )
        text = quote.text_in(doc)
        short = text if len(text) <= 220 else text[:217].rstrip() + "…"
        link = anchor.get(quote.start)
        href = f' href="#{link}"' if link else ""
        items.append(
            f'<li><span class="who">{_e(who)}</span> <span class="kind">{_e(QUOTE_NAMES.get(quote.label, quote.label))}'
            f'</span><br/><a{href} data-start="{quote.start}">“{_e(short)}”</a></li>'
        )
    return f'<ul class="quote-list">{"".join(items)}</ul>'


def _not_reported(doc: Document) -> str:
    """The techniques the model does not report in this document's language, if any."""
    left_out = doc.metadata.get("not_reported", {}).get("technique", {}).get("labels", [])
    if not left_out:
        return ""
    names = ", ".join(_e(TECHNIQUES[x].display if x in TECHNIQUES else x) for x in left_out)
    return (
        f'<p class="not-reported">Not reported in language “{_e(doc.language)}”, whose annotators '
        f"never used them in the model's training data: {names}.</p>"
    )


def _techniques_table(doc: Document) -> str:
    spans: Counter[str] = Counter(s.label for s in doc.layer("technique"))
    paragraphs: Counter[str] = Counter(s.label for s in doc.layer("paragraph_technique"))
    if not spans and not paragraphs:
        return "<p>No persuasion techniques found.</p>" + _not_reported(doc)
    rows = []
    for label in sorted(set(spans) | set(paragraphs), key=lambda x: (-spans[x] - paragraphs[x], x)):
        technique = TECHNIQUES.get(label)
        colour = CATEGORIES[technique.category].colour if technique else "#555555"
        title = _e(technique.definition) if technique else ""
        name = _e(technique.display if technique else label)
        rows.append(
            f'<tr title="{title}"><td><span class="swatch line" style="background:{colour}"></span> {name}</td>'
            f'<td class="n">{spans[label]}</td><td class="n">{paragraphs[label]}</td></tr>'
        )
    head = "<thead><tr><th>technique</th><th>spans</th><th>paragraphs</th></tr></thead>"
    return f"<table>{head}<tbody>{''.join(rows)}</tbody></table>" + _not_reported(doc)


def _dates_table(doc: Document) -> str:
    dates = doc.layer("date")
    if not dates:
        return "<p>No dates found.</p>"
    # a date without its year, or relative to the day, is resolved against the publication date
    unresolved = "— (needs the publication date)" if doc.published is None else "—"
    rows = "".join(
        f"<tr><td>{_e(d.text_in(doc))}</td><td>{_e(d.attrs.get('value') or unresolved)}</td></tr>"
        for d in dates
    )
    return f"<table><thead><tr><th>in the text</th><th>date</th></tr></thead><tbody>{rows}</tbody></table>"


def _framing(doc: Document) -> str:
    """Genre and frames of the whole article, with their scores."""
    rows = [
        f"<tr><td>genre</td><td>{_e(g.label)}</td><td>{g.score or 0:.2f}</td></tr>"
        for g in doc.labels_of("genre")
    ]
    rows += [
        f"<tr><td>frame</td><td>{_e(f.label.replace('_', ' '))}</td><td>{f.score or 0:.2f}</td></tr>"
        for f in doc.labels_of("frame")
    ]
    if not rows:
        return "<p>No genre or frames.</p>"
    return (
        "<table><thead><tr><th></th><th>label</th><th>score</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _narratives(doc: Document) -> str:
    """The narratives found, each with its subnarratives and its best evidence sentence, and the
    dominant narrative with its explanation."""
    narratives = doc.labels_of("narrative")
    if not narratives:
        return "<p>No narratives analysed.</p>"
    evidence: dict[str, str] = {}
    for span in doc.layer("narrative_evidence"):
        if span.attrs.get("rank") == 1:
            evidence[span.label] = " ".join(span.text_in(doc).split())
    parts = []
    dominant = doc.labels_of("dominant_narrative")
    if narratives[0].label == "Other":
        parts.append(
            "<p>None of the taxonomy's narratives (war in Ukraine, climate change) is found: <b>Other</b>.</p>"
        )
    elif dominant:
        d = dominant[0]
        parts.append(
            f'<p class="dominant"><b>Dominant:</b> {_e(d.label)} — {_e(subnarrative_name(str(d.attrs.get("subnarrative", ""))))}</p>'
            f'<blockquote class="explanation">{_e(d.attrs.get("explanation", ""))}</blockquote>'
        )
    items = []
    for n in narratives:
        if n.label == "Other":
            continue
        subs = [s for s in doc.labels_of("subnarrative") if s.attrs.get("narrative") == n.label]
        sub_html = "".join(
            f'<li>{_e(subnarrative_name(s.label))} <span class="n">{s.score or 0:.2f}</span></li>'
            for s in subs
        )
        quote = evidence.get(n.label)
        quote_html = f'<br/><span class="evidence">“{_e(quote)}”</span>' if quote else ""
        items.append(
            f'<li><b>{_e(n.label)}</b> <span class="n">{n.score or 0:.2f}</span>{quote_html}'
            f"<ul>{sub_html}</ul></li>"
        )
    if items:
        parts.append(f'<ul class="narratives">{"".join(items)}</ul>')
    return "".join(parts)


def _cast(doc: Document) -> str:
    """Who the article casts as hero, villain and victim."""
    if not doc.layer("role"):
        covered = "role" not in doc.metadata.get("not_covered", {})
        if not covered:
            return "<p>Entity roles are not covered in this language.</p>"
        if doc.layer("entity"):  # the cast gate kept none of them
            return "<p>The article names people, places or organisations, but casts none of them.</p>"
        return "<p>No entity roles.</p>"
    rows = []
    for cast, entities in cast_summary(doc).items():
        if not entities:
            continue
        names = ", ".join(
            f'<span title="{_e(", ".join(fine))}">{_e(name)}</span>' + (f" ×{n}" if n > 1 else "")
            for name, n, fine in entities[:8]
        )
        rows.append(f"<tr><td>{_e(cast)}</td><td>{names}</td></tr>")
    return (
        f"<table><thead><tr><th>cast as</th><th>who</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _meta(doc: Document) -> str:
    fields = [
        ("source", doc.source),
        (
            "published (from the dateline)"
            if doc.metadata.get("published_from") == "dateline"
            else "published",
            doc.published.isoformat() if doc.published else None,
        ),
        ("language", doc.language),
        ("input", doc.metadata.get("input")),
        ("id", doc.id),
    ]
    parts = [f"<span><b>{_e(k)}</b> {_e(v)}</span>" for k, v in fields if v]
    if doc.url and doc.url.lower().startswith(("http://", "https://")):
        parts.insert(
            1, f'<span><b>url</b> <a href="{_e(doc.url)}" rel="noopener noreferrer">{_e(doc.url)}</a></span>'
        )
    elif doc.url:  # javascript:, data: and the like are shown, never followed
        parts.insert(1, f"<span><b>url</b> {_e(doc.url)}</span>")
    return f'<div class="meta">{"".join(parts)}</div>'


def render_meta(doc: Document) -> str:
    """The line under the title: outlet, date, language, url, input and id (escaped)."""
    return _meta(doc)


def render_panels(doc: Document, marks: list[_Mark] | None = None) -> str:
    """The side panels of an article (escaped): shared by this report and the web interface."""
    marks = _marks(doc) if marks is None else marks
    return f"""<section class="card" id="panel-narratives"><h2>Narratives</h2>{_narratives(doc)}</section>
<section class="card" id="panel-cast"><h2>Hero, villain, victim</h2>{_cast(doc)}</section>
<section class="card" id="panel-framing"><h2>Genre and frames</h2>{_framing(doc)}</section>
<section class="card" id="panel-techniques"><h2>Persuasion techniques</h2>{_techniques_table(doc)}</section>
<section class="card" id="panel-quotes"><h2>Quotes</h2>{_quotes_list(doc, marks)}</section>
<section class="card" id="panel-entities"><h2>People, places, organisations</h2>{_entities_table(doc)}</section>
<section class="card" id="panel-dates"><h2>Dates</h2>{_dates_table(doc)}</section>"""


def render_html(doc: Document) -> str:
    """The report of ``doc`` as one HTML page (well-formed XML, no external resources)."""
    css = resources.files("narrascope.report").joinpath("report.css").read_text(encoding="utf-8")
    marks = _marks(doc)
    title = doc.title or f"Document {doc.id}"
    warnings = doc.warnings()
    warning_html = (
        '<div class="warnings">' + "<br/>".join(_e(w) for w in warnings) + "</div>" if warnings else ""
    )
    provenance: defaultdict[str, list[str]] = defaultdict(list)
    for analysis in doc.analyses.values():
        provenance[analysis.analyzer].append(analysis.model or "rules")
    made_by = ", ".join(f"{_e(name)} ({_e('; '.join(models))})" for name, models in provenance.items())
    return f"""<!DOCTYPE html>
<html lang="{_e(doc.language or "und")}" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'"/>
<meta name="generator" content="narrascope {_e(__version__)}"/>
<title>{_e(title)} — narrascope</title>
<style>{css}</style>
</head>
<body>
<header>
<h1>{_e(title)}</h1>
{_meta(doc)}
{warning_html}
</header>
<main class="layout">
<section class="card">
<h2>Text</h2>
{_legend(marks)}
<div class="text" lang="{_e(doc.language or "und")}">{_render_text(doc, marks)}</div>
</section>
<aside>
{render_panels(doc, marks)}
</aside>
</main>
<footer>Made by narrascope {_e(__version__)}: {made_by}. Hover over highlighted text for details.</footer>
</body>
</html>
"""
