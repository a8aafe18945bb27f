"""Narratives and entity roles (SemEval-2025 Task 10): the Other rules, explanations, roles at
the right offsets, training end to end on invented articles, analyze and predict."""

from __future__ import annotations

import html
import json
from pathlib import Path

import numpy as np
import pytest

from narrascope import registry, taxonomy
from narrascope.analyzers.roles import CAST, article_roles, cast_summary
from narrascope.config import Config, load_config
from narrascope.document import Document, Span
from narrascope.errors import NarrascopeError
from narrascope.formats._common import RepairLog
from narrascope.formats.semeval2025 import anchor_mention, read_mentions, read_narratives
from narrascope.metrics import rouge_l
from narrascope.models.articles import ArticleModel, load_article_model
from narrascope.models.features import Encoded, span_means
from narrascope.models.heads import MLPHead
from narrascope.models.narrative_training import NarrativeSettings, train_narratives
from narrascope.models.narratives import (
    MAX_EXPLANATION_WORDS,
    NARRATIVE_LABELS,
    Evidence,
    decide_narratives,
    explain,
)
from narrascope.models.narratives import (
    read_narratives as read_article_narratives,
)
from narrascope.models.role_training import RoleSettings, train_roles
from narrascope.models.roles import (
    FINE,
    GATE_TYPES,
    MAIN,
    ROLE_LABELS,
    RoleConfig,
    RoleModel,
    decide_cast,
    decide_role,
    entity_cast,
    gate_entity,
    gate_features,
    load_role_model,
)
from narrascope.pipeline import Pipeline
from narrascope.predict import predict_submission
from narrascope.report.html import render_html
from narrascope.taxonomy import subnarrative_name

WEST = "URW: Blaming the war on others rather than the invader"
WEST_SUB = f"{WEST}: The West are the aggressors"
POLICY = "CC: Criticism of climate policies"
POLICY_SUB = f"{POLICY}: Climate policies have negative impact on the economy"


def _row(**probabilities: float) -> np.ndarray:
    row = np.zeros(len(NARRATIVE_LABELS), dtype=np.float32)
    for label, p in probabilities.items():
        row[NARRATIVE_LABELS.index(label)] = p
    return row


# --- the label space and the Other rules ---------------------------------------------------


def test_label_space_is_exactly_the_taxonomy() -> None:
    assert [*taxonomy.NARRATIVES, *taxonomy.subnarratives()] == NARRATIVE_LABELS
    assert len(NARRATIVE_LABELS) == len(set(NARRATIVE_LABELS)) == 21 + 95
    assert [*taxonomy.MAIN_ROLES, *taxonomy.FINE_ROLES] == ROLE_LABELS and len(FINE) == 22


def test_nothing_above_the_threshold_is_other_in_both_columns() -> None:
    narrs, subs = decide_narratives(_row(**{WEST: 0.3, WEST_SUB: 0.2}), 0.5)
    assert narrs == [("Other", 0.7)] and subs == [("Other", 0.7)]


def test_a_narrative_without_its_subnarratives_gets_its_catch_all() -> None:
    narrs, subs = decide_narratives(_row(**{WEST: 0.8, WEST_SUB: 0.1}), 0.5)
    assert [n for n, _ in narrs] == [WEST]
    assert [s for s, _ in subs] == [f"{WEST}: Other"]


def test_a_subnarrative_implies_its_narrative() -> None:
    narrs, subs = decide_narratives(_row(**{POLICY_SUB: 0.9, WEST_SUB: 0.6}), 0.5)
    assert {n for n, _ in narrs} == {POLICY, WEST}
    assert {s for s, _ in subs} == {POLICY_SUB, WEST_SUB}
    assert "Other" not in {s for s, _ in subs}


# --- evidence and explanations --------------------------------------------------------------

TEXT = (
    "Officials in Brussels met on Monday.\n"
    "The West provoked this war and keeps feeding it with weapons, the commentator wrote.\n"
    "Washington wants Ukrainians to fight to the last man.\n"
    "The weather was mild."
)


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def test_explanation_quotes_the_best_sentences_in_text_order_within_80_words() -> None:
    spans = _sentences(TEXT)
    evidence = [Evidence(*spans[2], 0.9), Evidence(*spans[1], 0.8), Evidence(*spans[3], 0.1)]
    explanation, cited = explain(TEXT, evidence, sentences=2)
    assert cited == [spans[1], spans[2]]  # the best two, in the order of the text
    quoted = [part.strip("“”") for part in explanation.split("” “")]
    assert quoted == [TEXT[s:e] for s, e in cited]
    assert len(explanation.split()) <= MAX_EXPLANATION_WORDS


def test_a_long_sentence_is_cut_to_80_words() -> None:
    text = " ".join(f"word{n}" for n in range(200)) + "."
    explanation, cited = explain(text, [Evidence(0, len(text), 1.0)])
    assert len(explanation.split()) <= MAX_EXPLANATION_WORDS and explanation.endswith("…”")
    assert explanation.strip("“”…").strip() in text and cited == [(0, len(text))]


def test_reading_gives_evidence_and_the_dominant_narrative() -> None:
    spans = _sentences(TEXT)
    article = _row(**{WEST: 0.9, WEST_SUB: 0.8})
    per_sentence = np.stack([_row(**{WEST: p, WEST_SUB: p}) for p in (0.1, 0.9, 0.7, 0.0)])
    reading = read_article_narratives(TEXT, article, spans, per_sentence, 0.5)
    assert reading.dominant == (WEST, WEST_SUB) and reading.dominant_found
    assert [(e.start, e.end) for e in reading.evidence[WEST_SUB][:2]] == [spans[1], spans[2]]
    assert reading.explanation_sentences == [spans[1], spans[2]]
    for start, end in reading.explanation_sentences:
        assert TEXT[start:end] in reading.explanation


def test_a_sentence_repeated_word_for_word_is_quoted_once() -> None:
    # A scraped page that repeats its title as the body's first line, a dash apart: both copies
    # score alike, and quoting the second says nothing the first did not.
    text = "The West provoked this war \u2013 again.\n" + TEXT.replace(
        "\n", "\nThe West provoked this war - again.\n", 1
    )
    spans = _sentences(text)
    article = _row(**{WEST: 0.9, WEST_SUB: 0.8})
    scores = (0.95, 0.1, 0.95, 0.9, 0.7, 0.0)
    per_sentence = np.stack([_row(**{WEST: p, WEST_SUB: p}) for p in scores])
    reading = read_article_narratives(text, article, spans, per_sentence, 0.5)
    assert [(e.start, e.end) for e in reading.evidence[WEST_SUB]] == [spans[0], spans[3], spans[4]]
    assert reading.explanation_sentences == [spans[0], spans[3]]
    assert reading.explanation.count("again") == 1


def test_an_other_article_still_names_its_closest_narrative_but_not_as_found() -> None:
    spans = _sentences(TEXT)
    article = _row(**{POLICY: 0.2, POLICY_SUB: 0.1})
    reading = read_article_narratives(TEXT, article, spans, np.zeros((4, len(NARRATIVE_LABELS))), 0.5)
    assert reading.narratives[0][0] == "Other" and reading.dominant == (POLICY, POLICY_SUB)
    assert reading.dominant_found is False


def test_rouge_l_counts_words_in_any_script() -> None:
    assert rouge_l("the cat sat on the mat", "the cat on the mat") == pytest.approx(2 * 5 / 11)
    assert rouge_l("Запад развязал войну", "запад развязал эту войну") == pytest.approx(2 * 3 / 7)
    assert rouge_l("abc", "") == 0.0 and rouge_l("a b", "c d") == 0.0


# --- pooled states and roles -----------------------------------------------------------------


def test_span_means_average_the_tokens_a_span_overlaps() -> None:
    features = np.array([[1.0, 0.0], [3.0, 0.0], [5.0, 2.0]], dtype=np.float16)
    encoded = Encoded(
        [(1, 0, 20)],
        np.array([[0, 4], [5, 9], [10, 20]]),
        features,
        np.zeros(3, np.int64),
        np.array([[3.0, 1.0]]),
    )
    means = span_means(encoded, [(0, 9), (6, 12), (2, 3), (9, 10)])
    assert means[0].tolist() == [2.0, 0.0]  # tokens 0 and 1
    assert means[1].tolist() == [4.0, 1.0]  # tokens 1 and 2
    assert means[2].tolist() == [1.0, 0.0]  # inside token 0
    assert means[3].tolist() == [3.0, 1.0]  # white space: the paragraph's mean


def test_a_role_keeps_the_hierarchy_and_at_least_one_fine_role() -> None:
    row = np.zeros(len(ROLE_LABELS), dtype=np.float32)
    row[MAIN.index("Antagonist")] = 0.7
    row[MAIN.index("Protagonist")] = 0.3
    row[len(MAIN) + FINE.index("Guardian")] = 0.99  # under another main role: never chosen
    row[len(MAIN) + FINE.index("Instigator")] = 0.2
    row[len(MAIN) + FINE.index("Conspirator")] = 0.6
    main, score, fine = decide_role(row, 0.5)
    assert main == "Antagonist" and score == pytest.approx(0.7)
    assert [f for f, _ in fine] == ["Conspirator"]
    row[len(MAIN) + FINE.index("Conspirator")] = 0.1
    assert [f for f, _ in decide_role(row, 0.5)[2]] == ["Instigator"]
    assert all(taxonomy.FINE_ROLES[f].main == "Antagonist" for f, _ in decide_role(row, 0.05)[2])


def test_mentions_are_read_as_given_and_re_anchored(tmp_path: Path) -> None:
    text = "Yesterday\nJohn Smith met Anna.\n"
    path = tmp_path / "mentions.txt"
    # Offsets as written: the first fits, the second counts the line break twice, the third is off.
    path.write_text("a.txt\tJohn Smith\t10\t19\na.txt\tAnna\t26\t29\na.txt\tAnna\t3\t6\n", encoding="utf-8")
    mentions = read_mentions(path)
    assert [m[1] for m in mentions] == [
        ["a.txt", "John Smith", "10", "19"],
        ["a.txt", "Anna", "26", "29"],
        ["a.txt", "Anna", "3", "6"],
    ]
    log = RepairLog()
    spots = [anchor_mention(text, m[3], m[4], m[5], log, "x") for m in mentions]
    assert spots == [(10, 20), (25, 29), (25, 29)]
    assert sum(log.counts.values()) == 2


# --- training, analyze and predict on invented articles -------------------------------------

BODIES = [
    (
        [WEST],
        [WEST_SUB],
        "NATO pushed its tanks to the border and provoked the conflict, the columnist wrote. "
        "Washington and Brussels want the war to go on; the West is the real aggressor here.",
        [("NATO", "Antagonist", ["Instigator"]), ("Washington", "Antagonist", ["Conspirator"])],
    ),
    (
        [POLICY],
        [POLICY_SUB],
        "The new carbon tax will close factories and ruin farmers, the union warned. "
        "Brussels bureaucrats ignore how green rules raise the price of bread for every family.",
        [("Brussels", "Antagonist", ["Incompetent"]), ("farmers", "Innocent", ["Victim"])],
    ),
    (
        [],
        [],
        "Bake the bread for forty minutes until golden, said chef Maria. "
        "Let it cool on a rack before slicing, and keep it in a cloth bag.",
        [("Maria", "Protagonist", ["Guardian"])],
    ),
]


def _write_task10(root: Path, articles: int = 15) -> Path:
    folder = root / "EN"
    (folder / "raw-documents").mkdir(parents=True)
    roles, narratives, dominant = [], [], []
    for number in range(articles):
        narrs, subs, body, mentions = BODIES[number % len(BODIES)]
        name = f"EN_{number:03d}.txt"
        text = f"Report {number}\n\n{body}\n"
        (folder / "raw-documents" / name).write_text(text, encoding="utf-8")
        for mention, main, fine in mentions:
            start = text.index(mention)
            roles.append(
                f"{name}\t{mention}\t{start}\t{start + len(mention) - 1}\t{main}\t" + "\t".join(fine) + "\n"
            )
        narratives.append(f"{name}\t{';'.join(narrs) or 'Other'}\t{';'.join(subs) or 'Other'}\n")
        if narrs:
            dominant.append(
                f"{name}\t{narrs[0]}\t{subs[0]}\tThe article blames others and quotes a columnist.\n"
            )
    (folder / "subtask-1-annotations.txt").write_text("".join(roles), encoding="utf-8")
    (folder / "subtask-2-annotations.txt").write_text("".join(narratives), encoding="utf-8")
    (folder / "subtask-3-annotations.txt").write_text("".join(dominant), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("task10")
    data = _write_task10(root)
    out = {"data": data, "cache": root / "cache", "narratives": root / "narratives", "roles": root / "roles"}
    settings = NarrativeSettings(folds=3, heads=2, hidden=32, epochs=60, baseline=False)
    train_narratives(data, out["narratives"], settings, say=lambda _: None, cache=out["cache"])
    role_settings = RoleSettings(folds=3, heads=2, hidden=32, epochs=60)
    train_roles(data, out["roles"], role_settings, say=lambda _: None, cache=out["cache"])
    return out


@pytest.mark.slow
def test_training_writes_models_with_cards_and_cross_validated_figures(trained: dict[str, Path]) -> None:
    model = ArticleModel.load(trained["narratives"], "narratives")
    assert model.config.labels == NARRATIVE_LABELS and model.config.languages == ["en"]
    cv = json.loads((trained["narratives"] / "config.json").read_text())["training"]["cross_validation"]
    assert set(cv) == {"model", "linear head", "Other everywhere"}
    assert cv["model"]["en"]["fine"] > cv["Other everywhere"]["en"]["fine"]
    card = (trained["narratives"] / "MODEL_CARD.md").read_text()
    assert "narrascope train narratives" in card and "ROUGE-L" in card
    roles = RoleModel.load(trained["roles"])
    figures = roles.config.training["cross_validation"]
    assert set(figures) == {"model", "linear head", "majority"}
    assert figures["model"]["en"]["emr"] >= figures["majority"]["en"]["emr"]
    assert "narrascope train roles" in (trained["roles"] / "MODEL_CARD.md").read_text()


@pytest.mark.slow
def test_the_cache_spares_encoding_and_gives_the_same_model(trained: dict[str, Path], tmp_path: Path) -> None:
    settings = NarrativeSettings(folds=3, heads=2, hidden=32, epochs=60, baseline=False)
    figures = train_narratives(
        trained["data"], tmp_path / "again", settings, say=lambda _: None, cache=trained["cache"]
    )
    assert figures["cached_articles"] == figures["articles"] == 15
    again = (tmp_path / "again" / "heads.safetensors").read_bytes()
    assert again == (trained["narratives"] / "heads.safetensors").read_bytes()  # deterministic


def _pipeline(trained: dict[str, Path], gate: bool = True, min_words: int = 0) -> Pipeline:
    base = load_config()
    analyzers = [
        "narrascope.language.v1",
        "narrascope.segment.v1",
        "narrascope.encoder.v1",
        "narrascope.entities.v1",
        "narrascope.narratives.v1",
        "narrascope.roles.v1",
    ]
    return Pipeline(
        Config(
            {
                **base.data,
                "pipeline": {**base.data["pipeline"], "analyzers": analyzers},
                "analyzers": {
                    **base.data["analyzers"],
                    # the fixture's articles are a few sentences: labelled whatever their length
                    "narrascope.narratives.v1": {
                        "model": str(trained["narratives"]),
                        "threshold": "model",
                        "min_words": 0,
                    },
                    "narrascope.roles.v1": {
                        "model": str(trained["roles"]),
                        "gate": gate,
                        "min_words": min_words,
                    },
                },
            }
        )
    )


@pytest.mark.slow
def test_analyze_labels_narratives_with_evidence_and_casts_entities(trained: dict[str, Path]) -> None:
    text = (
        "NATO pushed its tanks to the border and provoked the conflict, the columnist wrote.\n\n"
        "Washington and Brussels want the war to go on; the West is the real aggressor here."
    )
    (outcome,) = list(_pipeline(trained).run([Document(text, title="Who is to blame")]))
    doc = outcome.document
    assert doc is not None and outcome.error is None
    (again,) = list(_pipeline(trained).run([Document(text, title="Who is to blame")]))
    assert again.document is not None
    layers = ("narrative", "subnarrative", "dominant_narrative")
    assert [x.to_json() for x in again.document.labels if x.layer in layers] == [
        x.to_json() for x in doc.labels if x.layer in layers
    ]  # deterministic
    narratives = [label.label for label in doc.labels_of("narrative")]
    assert WEST in narratives
    assert set(narratives) <= set(taxonomy.NARRATIVES) | {"Other"}
    (dominant,) = doc.labels_of("dominant_narrative")
    assert dominant.label == WEST and dominant.attrs["found"] is True
    assert len(dominant.attrs["explanation"].split()) <= MAX_EXPLANATION_WORDS
    for start, end in dominant.attrs["sentences"]:
        assert text[start:end] in dominant.attrs["explanation"]
    evidence = doc.layer("narrative_evidence")
    assert evidence and all(text[s.start : s.end].strip() for s in evidence)
    roles = doc.layer("role")
    entities = doc.layer("entity")
    # Roles sit at entity mentions' own offsets; the gate casts an entity in all its mentions or none.
    model = RoleModel.load(trained["roles"])
    assert model.has_gate and model.config.cast_threshold is not None
    assert roles and {(r.start, r.end) for r in roles} <= {(e.start, e.end) for e in entities}
    likeliest = max(r.attrs["cast_score"] for r in roles)
    assert all(
        r.attrs["cast_score"] == likeliest or r.attrs["cast_score"] >= model.config.cast_threshold
        for r in roles
    )
    cast_names = {r.attrs["normal"].casefold() for r in roles}
    for e in entities:
        if str(e.attrs.get("normal") or e.text_in(doc)).casefold() in cast_names:
            assert any((r.start, r.end) == (e.start, e.end) for r in roles)
    assert all(r.label in MAIN and r.attrs["cast"] in {"hero", "villain", "victim"} for r in roles)
    assert all(taxonomy.FINE_ROLES[f].main == r.label for r in roles for f in r.attrs["fine_roles"])
    # every mention of one actor carries the actor's one role in the article, the summary's
    overall = {(r.name_in(doc), r.attrs["article_role"]) for r in roles}
    assert len(overall) == len({name for name, _ in overall})
    summary = {name: cast for cast, names in cast_summary(doc).items() for name, _, _ in names}
    assert {name: CAST[role] for name, role in overall} == summary
    # Without the gate, every mention is cast, with the same role as the gate's cast ones get.
    (ungated,) = list(_pipeline(trained, gate=False).run([Document(text, title="Who is to blame")]))
    assert ungated.document is not None
    every = ungated.document.layer("role")
    assert [(r.start, r.end) for r in every] == [(e.start, e.end) for e in entities]
    assert all("cast_score" not in r.attrs for r in every)
    same = {(r.start, r.end): r.label for r in every}
    assert all(same[(r.start, r.end)] == r.label for r in roles)
    page = render_html(doc)
    assert "<h2>Narratives</h2>" in page and f"<b>Dominant:</b> {WEST}" in page
    # the subnarrative in its own words under its narrative, not the narrative's again
    dominant = doc.labels_of("dominant_narrative")[0]
    sub = str(dominant.attrs["subnarrative"])
    assert f"<b>Dominant:</b> {WEST} — {html.escape(subnarrative_name(sub))}</p>" in page
    assert sub == "Other" or subnarrative_name(sub) != sub
    assert "<h2>Hero, villain, victim</h2>" in page and "<td>villain</td>" in page


@pytest.mark.slow
def test_a_text_shorter_than_min_words_gets_no_roles_and_says_why(trained: dict[str, Path]) -> None:
    text = "NATO pushed its tanks to the border, Viktor Dralenko said in Minsk."
    short = _pipeline(trained, gate=False, min_words=40)(Document(text))
    assert short.layer("entity") and not short.layer("role")
    assert [w for w in short.warnings() if w.startswith("W154")] == [
        "W154: the text has 12 words, fewer than the 40 (min_words) that frames, genre, narratives and "
        "roles need: too short to be judged as an article, so none are given"
    ]
    assert _pipeline(trained, gate=False)(Document(text)).layer("role")


def test_a_bad_min_words_for_roles_is_refused() -> None:
    with pytest.raises(NarrascopeError, match=r"E020.*min_words must be a whole number"):
        registry.create("narrascope.roles.v1", {"min_words": -1})


@pytest.mark.slow
def test_a_date_line_place_is_not_cast(trained: dict[str, Path]) -> None:
    text = (
        "MINSK, June 8 (BelTA) - NATO pushed its tanks to the border, Viktor Dralenko said.\n\n"
        "Washington wants the war to go on, he added in Minsk."
    )
    (outcome,) = list(_pipeline(trained, gate=False).run([Document(text)]))
    doc = outcome.document
    assert doc is not None and outcome.error is None
    entities = {(e.start, e.end): e for e in doc.layer("entity")}
    dateline = entities.get((0, 5))
    assert dateline is not None and dateline.label != "PER"  # recognised (spaCy takes "MINSK" for an ORG)
    cast = {(r.start, r.end) for r in doc.layer("role")}
    # Every mention is cast but the date line's; the same place inside a sentence is.
    assert cast == set(entities) - {(0, 5)}
    assert any(text[s:e] == "Minsk" for s, e in cast)


@pytest.mark.slow
def test_roles_are_marked_not_covered_where_entities_are(trained: dict[str, Path]) -> None:
    # Dutch: no entity recogniser, so no mentions to cast.
    text = "De NAVO heeft de oorlog uitgelokt, schreef de columnist maandag in Berlijn."
    (outcome,) = list(_pipeline(trained).run([Document(text, language="nl")]))
    doc = outcome.document
    assert doc is not None and doc.layer("role") == []
    assert doc.metadata["not_covered"]["role"] == "narrascope.roles.v1"
    assert any(w.startswith("W152: narrascope.roles.v1") for w in doc.warnings())


@pytest.mark.slow
def test_predict_writes_every_document_and_every_mention_line(
    trained: dict[str, Path], tmp_path: Path
) -> None:
    docs = trained["data"] / "raw-documents"
    names = sorted(p.name for p in docs.glob("*.txt"))
    for task in ("semeval2025-st2", "semeval2025-st3"):
        out = tmp_path / f"{task}.txt"
        count, failed, written = predict_submission(task, docs, out, model=str(trained["narratives"]))
        assert (count, failed, written) == (15, 0, 15)
        lines = out.read_text(encoding="utf-8").splitlines()
        assert [line.split("\t")[0] for line in lines] == names
    predicted = read_narratives(tmp_path / "semeval2025-st2.txt")
    for narrs, subs in predicted.values():
        assert set(narrs) <= set(taxonomy.NARRATIVES) | {"Other"}
        assert set(subs) <= set(taxonomy.subnarratives(include_other=True))
    for line in (tmp_path / "semeval2025-st3.txt").read_text(encoding="utf-8").splitlines():
        name, _, _, explanation = line.split("\t")
        assert len(explanation.split()) <= MAX_EXPLANATION_WORDS
        assert all(
            part in (docs / name).read_text(encoding="utf-8")
            for part in explanation.strip("“”").split("” “")
            if part
        )

    mentions = tmp_path / "mentions.txt"
    given = [
        "EN_000.txt\tNATO\t10\t13",  # off by a few characters: re-anchored
        "EN_004.txt\tfarmers\t0\t6",
        "EN_999.txt\tNobody\t0\t5",  # no such document: still written
        "EN_000.txt\tWashington\t95\t104",
    ]
    mentions.write_text("\n".join(given) + "\n", encoding="utf-8")
    (_, failed, written), lines, warnings = _predict_roles(docs, mentions, trained, tmp_path)
    assert failed == 0 and written == 4
    for line, original in zip(lines, given, strict=True):
        cols = line.split("\t")
        assert "\t".join(cols[:4]) == original
        assert cols[4] in MAIN and cols[5:] and all(taxonomy.FINE_ROLES[f].main == cols[4] for f in cols[5:])
    assert any("EN_999.txt is not in the input folder" in w for w in warnings)
    with pytest.raises(NarrascopeError, match="E020"):
        predict_submission("semeval2025-st1", docs, tmp_path / "roles.txt")  # no mentions file


@pytest.mark.slow
def test_a_given_mention_on_a_date_line_is_cast_by_the_model(
    trained: dict[str, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "EN_DATE.txt").write_text(
        "MINSK, June 8 (BelTA) - NATO pushed its tanks to the border, the minister said.\n",
        encoding="utf-8",
    )
    mentions = tmp_path / "mentions.txt"
    mentions.write_text("EN_DATE.txt\tMINSK\t0\t4\n", encoding="utf-8")
    counts, lines, warnings = _predict_roles(folder, mentions, trained, tmp_path)
    assert counts == (1, 0, 1)
    assert not any("not cast" in w for w in warnings)  # the model's roles, not the fallback
    cols = lines[0].split("\t")
    assert cols[:4] == ["EN_DATE.txt", "MINSK", "0", "4"] and cols[4] in MAIN


def _predict_roles(
    docs: Path, mentions: Path, trained: dict[str, Path], tmp_path: Path
) -> tuple[tuple[int, int, int], list[str], list[str]]:
    """``predict --task semeval2025-st1`` with the trained role model: its counts, its lines
    and its warnings."""
    warnings: list[str] = []
    out = tmp_path / "roles.txt"
    counts = predict_submission(
        "semeval2025-st1",
        docs,
        out,
        model=str(trained["roles"]),
        warn=warnings.append,
        mentions_path=mentions,
    )
    return counts, out.read_text(encoding="utf-8").splitlines(), warnings


def test_shipped_models_load_with_the_taxonomy() -> None:
    model = load_article_model("narratives")
    assert model.config.labels == NARRATIVE_LABELS and model.config.languages == [
        "bg",
        "en",
        "hi",
        "pt",
        "ru",
    ]
    roles = load_role_model()
    assert roles.config.labels == ROLE_LABELS and len(roles.heads) >= 1
    assert roles.has_gate and len(roles.gate) == roles.config.gate_heads >= 1


def test_a_role_model_folder_of_another_kind_or_format_is_refused(tmp_path: Path) -> None:
    (tmp_path / "heads.safetensors").write_bytes(b"")
    (tmp_path / "config.json").write_text(json.dumps({"task": "frames", "format": 1}), encoding="utf-8")
    with pytest.raises(NarrascopeError, match=r"E031: .*not a role model"):
        RoleModel.load(tmp_path)
    (tmp_path / "config.json").write_text(json.dumps({"task": "roles", "format": 7}), encoding="utf-8")
    with pytest.raises(NarrascopeError, match=r"E031: .*role model format 7"):
        RoleModel.load(tmp_path)
    (tmp_path / "config.json").write_text(json.dumps({"task": "roles", "format": 1}), encoding="utf-8")
    with pytest.raises(NarrascopeError, match=r"E031: .*not readable weights"):
        RoleModel.load(tmp_path)


def test_the_cast_gate_reads_how_often_and_where_an_entity_is_named() -> None:
    vectors = np.arange(12, dtype=np.float32).reshape(4, 3)
    rows = gate_features(
        vectors, ["Belov", "NATO", "belov", "Kyiv"], [0, 20, 60, 90], ["PER", "ORG", "PER", "GPE"], 100
    )
    assert rows.shape == (4, 3 + 3 + len(GATE_TYPES))
    np.testing.assert_array_equal(rows[:, :3], vectors)
    # Belov (either case) is named twice, first at 0; NATO once, at 20.
    np.testing.assert_allclose(rows[:, 3], np.log1p([2, 1, 2, 1]))
    np.testing.assert_allclose(rows[:, 4], [0.0, 0.2, 0.0, 0.9])
    np.testing.assert_allclose(rows[:, 5], [0.0, 0.2, 0.6, 0.9])
    assert rows[0, 6 + GATE_TYPES.index("PER")] == 1 and rows[1, 6 + GATE_TYPES.index("ORG")] == 1
    assert not rows[3, 6:].any()  # a type the gate does not know
    # An entity is decided as a whole: its mentions share the mean of their chances.
    np.testing.assert_allclose(
        entity_cast(np.array([0.9, 0.2, 0.3, 0.5]), ["Belov", "NATO", "belov", "Kyiv"]), [0.6, 0.2, 0.6, 0.5]
    )
    assert entity_cast(np.zeros(0), []).shape == (0,)
    # Cast: what reaches the threshold, and always the article's likeliest entity.
    chances = np.array([0.6, 0.2, 0.6, 0.5], dtype=np.float32)
    assert decide_cast(chances, 0.55).tolist() == [
        True,
        False,
        True,
        False,
    ]
    assert decide_cast(chances, 0.3).tolist() == [True, False, True, True]
    assert decide_cast(np.array([0.01, 0.02]), 0.5).tolist() == [False, True]
    assert decide_cast(np.zeros(0), 0.5).shape == (0,)


def test_a_role_model_keeps_its_gate_and_one_without_a_gate_casts_everyone(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)

    def head(outputs: int) -> MLPHead:
        return MLPHead(
            rng.normal(size=(4, 6)).astype(np.float32),
            rng.normal(size=4).astype(np.float32),
            rng.normal(size=(outputs, 4)).astype(np.float32),
            rng.normal(size=outputs).astype(np.float32),
        )

    gated = RoleModel(RoleConfig(cast_threshold=0.4), [head(len(ROLE_LABELS))], gate=[head(1), head(1)])
    gated.save(tmp_path / "gated")
    back = RoleModel.load(tmp_path / "gated")
    assert back.has_gate and back.config.gate_heads == 2 and len(back.heads) == 1
    x = rng.normal(size=(3, 6)).astype(np.float32)
    np.testing.assert_allclose(back.cast_probabilities(x), gated.cast_probabilities(x), atol=2e-3)
    assert not np.allclose(back.cast_probabilities(x), 1.0)
    # A format-1 folder (no gate, as roles-v2 was written) still loads, and casts every mention.
    old = RoleModel(RoleConfig(format=1), [head(len(ROLE_LABELS))])
    old.save(tmp_path / "old")
    loaded = RoleModel.load(tmp_path / "old")
    assert not loaded.has_gate and loaded.config.format == 1
    np.testing.assert_array_equal(loaded.cast_probabilities(x), np.ones(3))
    # A gated folder written before people had a person (roles-v3) groups by normal form.
    person = RoleModel(
        RoleConfig(cast_threshold=0.4, gate_entities="person"), [head(len(ROLE_LABELS))], gate=[head(1)]
    )
    person.save(tmp_path / "person")
    assert RoleModel.load(tmp_path / "person").config.gate_entities == "person"
    config = json.loads((tmp_path / "person" / "config.json").read_text(encoding="utf-8"))
    del config["gate_entities"]
    (tmp_path / "person" / "config.json").write_text(json.dumps(config), encoding="utf-8")
    assert RoleModel.load(tmp_path / "person").config.gate_entities == "normal"


def test_the_gate_counts_a_person_under_all_their_names_or_each_normal_form_as_trained() -> None:
    text = "Viktor Belov spoke. Belov left."
    doc = Document(text)
    surname = Span(
        text.index("Belov left"), text.index(" left"), "entity", "PER", "e", attrs={"normal": "Belov"}
    )
    surname.attrs["person"] = "Viktor Belov"
    assert gate_entity(doc, surname, RoleConfig(gate_entities="person")) == "Viktor Belov"
    assert gate_entity(doc, surname, RoleConfig(gate_entities="normal")) == "Belov"


def test_article_roles_take_the_role_most_mentions_get_then_the_higher_score() -> None:
    assert article_roles(
        [
            ("A", "Antagonist", 0.6),
            ("A", "Protagonist", 0.9),
            ("A", "Antagonist", 0.5),
            ("B", "Innocent", 0.7),
        ]
    ) == {"A": "Antagonist", "B": "Innocent"}
    tie = [("A", "Protagonist", 0.6), ("A", "Antagonist", 0.9)]
    assert article_roles(tie) == {"A": "Antagonist"}


def test_cast_summary_puts_each_entity_under_the_cast_most_of_its_mentions_get() -> None:
    doc = Document("Belov met Koval. Belov praised Belov's guards. Koval and the Mayor fled.")

    def role(word: str, nth: int, label: str, score: float, fine: str) -> None:
        start = -1
        for _ in range(nth + 1):
            start = doc.text.index(word, start + 1)
        cast = {"Protagonist": "hero", "Antagonist": "villain", "Innocent": "victim"}[label]
        attrs = {"cast": cast, "fine_roles": [fine], "normal": word}
        doc.add_span(Span(start, start + len(word), "role", label, "narrascope.roles.v1", score, attrs))

    role("Belov", 0, "Protagonist", 0.6, "Guardian")
    role("Belov", 1, "Protagonist", 0.7, "Peacemaker")
    role("Belov", 2, "Antagonist", 0.9, "Instigator")  # outvoted: Belov is a hero here
    role("Koval", 0, "Antagonist", 0.55, "Tyrant")
    role("Koval", 1, "Innocent", 0.8, "Victim")  # a tie, won by the higher score
    role("Mayor", 0, "Innocent", 0.5, "Victim")
    summary = cast_summary(doc)
    assert summary["hero"] == [("Belov", 2, ["Guardian", "Peacemaker"])]
    assert summary["villain"] == []
    assert summary["victim"] == [("Koval", 1, ["Victim"]), ("Mayor", 1, ["Victim"])]


def test_cast_summary_counts_each_person_once_by_the_entity_analyzers_person() -> None:
    text = "Viktor Belov met Joe Koval and Anna Koval. Belov praised Belov's guards; Koval left."
    doc = Document(text)

    def add(word: str, nth: int, cast: str, person: str) -> None:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        label = {"hero": "Protagonist", "villain": "Antagonist"}[cast]
        attrs = {"cast": cast, "fine_roles": [], "normal": word, "person": person, "entity_label": "PER"}
        doc.add_span(Span(start, start + len(word), "role", label, "narrascope.roles.v1", 0.5, attrs))

    add("Viktor Belov", 0, "hero", "Viktor Belov")
    add("Joe Koval", 0, "villain", "Joe Koval")
    add("Anna Koval", 0, "villain", "Anna Koval")
    add("Belov", 1, "hero", "Viktor Belov")
    add("Belov", 2, "hero", "Viktor Belov")
    add("Koval", 2, "villain", "Koval")  # two Kovals: which one is not known
    summary = cast_summary(doc)
    assert summary["hero"] == [("Viktor Belov", 3, [])]
    assert summary["villain"] == [("Anna Koval", 1, []), ("Joe Koval", 1, []), ("Koval", 1, [])]


def test_roles_of_a_batch_are_those_of_each_article_alone() -> None:
    """The role heads read the mentions of a whole batch in one pass; each article's roles must
    be what it gets alone, and an article without entities must not shift the others."""
    texts = [
        "Security Council Secretary Viktor Dralenko accused NATO of preparing provocations.\n"
        "Refugees from Mariupol told reporters that the shelling had destroyed their homes.",
        "The weather was mild and nobody was named in this paragraph.",
        "Olga Varenik said that the Pentagon had sent weapons to Kyiv.\n"
        "The children of Donetsk suffer, said Pavel Strelkov in Moscow.",
    ]

    def roles(doc: Document) -> list[tuple[int, int, str, float]]:
        return [(r.start, r.end, r.label, round(r.score or 0.0, 5)) for r in doc.layer("role")]

    base = load_config()
    analyzers = {
        **base.data["analyzers"],
        "narrascope.roles.v1": {"min_words": 0},
    }  # texts of a sentence or two
    pipeline = Pipeline(Config({**base.data, "analyzers": analyzers}))
    alone = [roles(pipeline(Document(text))) for text in texts]
    outcomes = list(pipeline.run([Document(text) for text in texts]))
    together = [roles(o.document) for o in outcomes if o.document is not None]
    assert together == alone
    assert alone[0] and alone[2] and not alone[1]
