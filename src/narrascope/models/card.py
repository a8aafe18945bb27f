"""The technique model's card: what it is, how it was trained and validated, its figures and limits."""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from narrascope import taxonomy
from narrascope.models.articles import ArticleConfig
from narrascope.models.roles import RoleConfig
from narrascope.models.techniques import ModelConfig

__all__ = ["article_model_card", "model_card", "narrative_model_card", "role_model_card"]

_NAN = float("nan")


def _cell(table: dict[str, Any], language: str) -> str:
    value = table.get(language)
    return "—" if value is None else f"{value:.3f}"


def _bracketed(table: dict[str, Any], language: str) -> str:
    return f" ({table[language]:.3f})" if table.get(language) is not None else ""


def model_card(config: ModelConfig) -> str:
    t = config.training
    f = t["figures"]
    dev = f.get("development") or {}
    base = f.get("baseline") or {}
    languages = sorted(set(f["paragraph_micro_f1"]) | set(dev.get("paragraph_micro_f1", {})))
    dev_rows = "\n".join(
        f"| {lang} | {_cell(dev.get('paragraph_micro_f1', {}), lang)} | "
        f"{_cell(dev.get('paragraph_macro_f1', {}), lang)} | {_cell(dev.get('span_micro_f1', {}), lang)}"
        f"{_bracketed(dev.get('span_without_attention_micro_f1', {}), lang)} | "
        f"{_cell(dev.get('global_threshold_paragraph_micro_f1', {}), lang)} / "
        f"{_cell(dev.get('global_threshold_paragraph_macro_f1', {}), lang)} | "
        f"{_cell(dev.get('without_inventory_paragraph_micro_f1', {}), lang)} / "
        f"{_cell(dev.get('without_inventory_paragraph_macro_f1', {}), lang)} | "
        f"{_cell(dev.get('without_token_evidence_paragraph_micro_f1', {}), lang)} / "
        f"{_cell(dev.get('without_token_evidence_paragraph_macro_f1', {}), lang)} | "
        f"{_cell(dev.get('without_attention_paragraph_micro_f1', {}), lang)} / "
        f"{_cell(dev.get('without_attention_paragraph_macro_f1', {}), lang)} | "
        f"{_cell(dev.get('cv_global_threshold_paragraph_micro_f1', {}), lang)} | "
        f"{_cell(dev.get('cv_per_technique_thresholds_paragraph_micro_f1', {}), lang)} | "
        f"{_cell(base.get('development_paragraph_micro_f1', {}), lang)} | "
        f"{_cell(base.get('development_paragraph_macro_f1', {}), lang)} |"
        for lang in languages
    )
    cv_rows = "\n".join(
        f"| {lang} | {_cell(f['paragraph_micro_f1'], lang)} | {_cell(f['paragraph_macro_f1'], lang)} | "
        f"{_cell(f['span_micro_f1'], lang)} | {_cell(base.get('paragraph_micro_f1', {}), lang)} | "
        f"{_cell(base.get('paragraph_macro_f1', {}), lang)} |"
        for lang in languages
    )
    per = f["per_technique_f1"]
    techniques = sorted({name for scores in per.values() for name in scores})
    per_languages = sorted(per)
    per_technique = "\n".join(
        f"| {name} | "
        + " | ".join(f"{per[lang][name]:.2f}" if name in per[lang] else "—" for lang in per_languages)
        + " |"
        for name in techniques
    )
    which = "development set (train-only heads)" if dev else "cross-validation"
    gaps = "; ".join(f"{lang}: {', '.join(names)}" for lang, names in sorted(config.not_annotated.items()))
    inventory = (
        "- Languages' inventories: in a language of the training data, only the techniques its\n"
        "  annotators used are predicted, as a head trained on that language alone would; never\n"
        f"  used, so never predicted there: {gaps}. Other languages get all 23.\n"
        if config.not_annotated
        else ""
    )
    s = t["settings"]
    mlps = s.get("paragraph_mlps", 0)
    paragraph_head = (
        f"the mean of one logistic regression per technique (weight {config.linear_weight:g}) and "
        f"{mlps} MLP heads (one hidden layer of {s.get('mlp_hidden')} units, seeds differing; weight "
        f"{1 - config.linear_weight:g} together)"
        if mlps
        else "one logistic regression per technique"
    )
    evidence = (
        "- Token evidence: the span head's strongest token in a paragraph, Platt-calibrated, is mixed\n"
        "  into the paragraph's score with one weight per technique (0 to 0.8), chosen on the\n"
        "  training folds' out-of-fold predictions by average precision: a single loaded word\n"
        "  counts even in a long paragraph.\n"
        if s.get("token_evidence")
        else ""
    )
    cv_evidence = (
        " The token evidence's calibration\nand weights were fitted on these same out-of-fold predictions."
        if s.get("token_evidence")
        else ""
    )
    attention = (
        f"- Attention head: per technique, an attention-weighted mean of token values (one hidden\n"
        f"  layer of {s.get('attention_hidden')} units over each token's state and its paragraph's mean), "
        f"trained on\n  the paragraph labels with a second loss on the annotated spans "
        f"(weight {s.get('attention_token_loss')}): it learns\n"
        f"  which words carry a technique. Its probabilities weigh {config.attention_weight:g} against "
        f"the ensemble's\n  (with the token evidence), a weight chosen with the thresholds.\n"
        if s.get("attention")
        else ""
    )
    cv_attention = (
        " The attention head's weight\nand the thresholds are chosen on the other folds together."
        if s.get("attention")
        else ""
    )
    span_threshold = config.span_thresholds[0] if config.span_thresholds else _NAN
    span_attention = (
        f", its probabilities averaged with the attention\n  head's token values at weight "
        f"{config.span_attention_weight:g} (chosen by token micro-F1 on the development set)"
        if config.span_attention_weight
        else ""
    )
    cuts = config.paragraph_thresholds or [_NAN]
    shrink = f.get("threshold_shrink", 1.0)
    thresholds = (
        f"- Thresholds: one per technique for paragraphs ({min(cuts):.3f} to {max(cuts):.3f}): each\n"
        f"  technique's own best on the development set, pulled towards the best global one by a\n"
        f"  factor of {shrink:g} (1 is the global one alone), chosen with them by micro-F1; one for\n"
        f"  span tokens ({span_threshold:.3f}). Per-technique thresholds alone, tuned on the training\n"
        "  folds, did not carry over to new outlets.\n"
        if s.get("technique_thresholds")
        else f"- One threshold serves every technique ({cuts[0]:.3f} for paragraphs, {span_threshold:.3f} for span\n"
        "  tokens), chosen on the development set: per-technique thresholds tuned on the training\n"
        "  folds did not carry over to new outlets.\n"
    )
    rule = (
        "thresholds (one per technique, shrunk towards the global one by a factor chosen with them)"
        if s.get("technique_thresholds")
        else "the global threshold"
    )
    development = (
        f"""## Development-set figures (the ones to trust for new articles)
SemEval-2023's development set: {dev["articles"]} articles from other outlets and months than the
training set. They are scored by heads fitted on the **training articles alone** (not the shipped
heads, which also saw these articles), with the {rule} chosen on one half of the development
articles and applied to the other, each half in turn (two-fold cross-validation over the
development articles; the halves hash the language and article id). Paragraph level is the
official SemEval-2023 subtask 3 metric (micro-F1; macro-F1 over the 23 techniques as the
official scorer computes it); span level is micro-F1 with partial-overlap credit where the
technique must match (German's development set has no spans); in brackets, the span head
alone, without the attention head's token values. The attention head's weights (for
paragraphs, and for tokens by token micro-F1) are chosen on the other half with the thresholds. "One global threshold" is the same model with one
threshold for every technique, chosen on the other half. "All 23 everywhere" is the same
model without the languages' inventories (each language's inventory is taken from the
training articles). "Without token evidence" is the paragraph
ensemble alone (micro / macro-F1), "without attention head" the ensemble with the token
evidence (techniques-v4's kind of model), thresholds chosen the same way. The two
"cross-validation thresholds" columns show what the same heads score with the weight and
threshold(s) chosen on the training folds instead: one global threshold, and one per
technique (how the first model was tuned). The baseline is the organisers' kind (TF-IDF word and character n-grams, logistic
regression), fitted on the same training articles, thresholds chosen on the same halves.

| language | paragraph micro-F1 | paragraph macro-F1 | span micro-F1 | one global threshold | all 23 everywhere | without token evidence | without attention head | micro-F1, CV global threshold | micro-F1, CV per-technique thresholds | baseline micro-F1 | baseline macro-F1 |
|---|---|---|---|---|---|---|---|---|---|---|---|
{dev_rows}
"""
        if dev
        else "## Development-set figures\nNone: the training data had no development articles.\n"
    )
    return f"""# narrascope technique model

Detects the 23 persuasion techniques of SemEval-2023 Task 3 in news text: spans with
character offsets, and labels per paragraph (non-empty line), each with a calibrated score.

## What it is
- Encoder: `{config.encoder}` (frozen; layers {", ".join(map(str, config.layers))} concatenated, and no layer
  above the last of them is run; {"int8 dynamic quantisation of its linear layers" if config.quantise else "bf16 on CPUs with bf16 arithmetic, fp32 elsewhere"}), loaded
  from its pinned PyPI package with SHA-256 checks. Only the heads ship with narrascope.
- Paragraph head: {paragraph_head}, over the paragraph's mean encoder state, trained on
  all languages together.
- Span head: one logistic regression per technique over each token's state and its
  paragraph's mean{span_attention}; a span is a run of tokens above the threshold, widened to whole words and trimmed of stray punctuation at its edges (a comma before it, an unmatched quotation mark); a span of the language's function words alone (spaCy's stop words, single letters) is dropped.
{evidence}{attention}{inventory}- The linear heads' scores are Platt-calibrated on out-of-fold predictions.
{thresholds}
## Training
- Data: SemEval-2023 Task 3 training data ({t["articles"]} articles) and development data
  ({t.get("development_articles", 0)} articles), {t["paragraphs"]} paragraphs and {t["tokens"]} tokens in all,
  from `{t["data"]}`; languages: {", ".join(languages)}. The shipped heads are fitted on both.
- Command: `narrascope train techniques --data {t["data"]} --out <folder>`
  (seed {t["seed"]}, {t["folds"]} folds; settings: {json.dumps(s)}).
- Time: {t["seconds"] / 60:.1f} minutes in all on {t["machine"]} (2 CPU cores, encoder in
  {t.get("encoder_precision", "bf16")}), of which {t["encoding_seconds"] / 60:.1f} encoding; trained {t["date"]} with
  narrascope {t["narrascope_version"]}.

{development}
## Cross-validated figures (training articles only)
{t["folds"]}-fold cross-validation by article on the training articles, {rule} chosen
on the other folds. These overstate what the model does on new outlets; they are here to
compare with earlier models and with the development figures above.{cv_evidence}{cv_attention}

| language | paragraph micro-F1 | paragraph macro-F1 | span micro-F1 | baseline micro-F1 | baseline macro-F1 |
|---|---|---|---|---|---|
{cv_rows}

Per technique (paragraph-level F1 on the {which}; "—" where a language has no example):

| technique | {" | ".join(per_languages)} |
|---|{"---|" * len(per_languages)}
{per_technique}

The winning systems of SemEval-2023 were measured on the official test sets, which are not
available here, so the figures are not directly comparable.

## Limits
- Trained on six languages (en, fr, de, it, pl, ru); other languages get the encoder's
  zero-shot transfer.
- Rare techniques (a few dozen examples) are detected poorly; micro-F1 is dominated by
  loaded language, name calling and doubt, and thresholds near the global one favour them.
- Span boundaries are token runs: they rarely match an annotator's exactly, which the
  partial-overlap metric forgives and a reader should too.

## Data terms
The training data (SemEval-2023 Task 3) was released by the task organisers for scientific
research only; it may hold third-party copyrighted text and may not be redistributed. These
weights were trained on it and inherit those terms: use them for research. No part of the
data ships with narrascope.
"""


def article_model_card(config: ArticleConfig) -> str:
    """The card of a frames or genre model (:mod:`narrascope.models.article_training`)."""
    t = config.training
    s = t["settings"]
    cv = t["cross_validation"]
    languages = sorted(cv["model"])
    columns = list(cv)
    rows = "\n".join(
        f"| {language} | {t['articles_per_language'].get(language, 0)} | "
        + " | ".join(_cell(cv[name], language) for name in columns)
        + " |"
        for language in languages
    )
    mean_row = (
        "| mean | | " + " | ".join(f"{sum(cv[n].values()) / max(len(cv[n]), 1):.3f}" for n in columns) + " |"
    )
    counts = ", ".join(f"{label} {count}" for label, count in t["label_counts"].items())
    cached = (
        f" ({t['cached_articles']} of the {t['articles']} articles' features came from the `--cache` of an "
        "earlier run, which spared their encoding)"
        if t.get("cached_articles")
        else ""
    )
    what = (
        f"the 14 frames of SemEval-2023 Task 3 subtask 2, several per article: every frame whose "
        f"probability is at least {config.threshold:.3f} (one threshold for all, chosen on the "
        "out-of-fold predictions)"
        if config.task == "frames"
        else "the genre of SemEval-2023 Task 3 subtask 1 (opinion, reporting or satire): the most "
        "probable of the three; its score is its share of the three heads' probabilities"
    )
    return f"""# narrascope {config.task} model

Labels a whole article with {what}.

## What it is
- Encoder: `{config.encoder}` (frozen; layers {", ".join(map(str, config.layers))}), the shared pass
  that the technique model reads: the article's feature is the mean of its paragraphs' mean states.
- Heads: {s["heads"]} MLP heads (one hidden layer of {s["hidden"]} units, seeds differing), their
  probabilities averaged. Only the heads ship with narrascope.

## Training
- Data: SemEval-2023 Task 3 training articles annotated for {config.task} ({t["articles"]}), from
  `{t["data"]}`; languages: {", ".join(languages)}. Labels: {counts}.
- Command: `narrascope train {config.task} --data {t["data"]} --out <folder>` (settings: {json.dumps(s)}).
- Time: {t["seconds"] / 60:.1f} minutes in all on {t["machine"]} (2 CPU cores, encoder in
  {t["encoder_precision"]}), of which {t["encoding_seconds"] / 60:.1f} encoding{cached}; trained {t["date"]} with
  narrascope {t["narrascope_version"]}.

## Cross-validated figures
{s["folds"]}-fold cross-validation by article; each column fitted on the other folds and scored
on the held-out one{", with the frame threshold chosen on the other folds" if config.task == "frames" else ""}.
The official figure of the subtask: {t["metric"]} per language. The shared task's development
set has no {config.task} labels, so there is no development-set figure. Expect less on new
outlets: the technique model's cross-validated figures overstated its development-set ones.
"linear head" is one logistic regression per label on the same feature; the baseline is the
organisers' kind (TF-IDF word and character n-grams, logistic regression); the trivial prior
is {"the most frequent frames of the other folds (as many as scored best there)" if config.task == "frames" else "the most frequent genre of the other folds"}.

| language | articles | {" | ".join(columns)} |
|---|---|{"---|" * len(columns)}
{rows}
{mean_row}

## Limits
- Trained on six languages (en, fr, de, it, pl, ru); other languages get the encoder's
  zero-shot transfer.
- {"Rare frames (a few dozen examples) are found poorly." if config.task == "frames" else "English has very few reporting and satire articles: most English articles come out as opinion."}
- One label per article (genre) or a set of labels (frames) with no evidence in the text: the
  frames and genre of a single article are a guide, not a verdict.

## Data terms
The training data (SemEval-2023 Task 3) was released by the task organisers for scientific
research only; it may hold third-party copyrighted text and may not be redistributed. These
weights were trained on it and inherit those terms: use them for research. No part of the
data ships with narrascope.
"""


def narrative_model_card(config: ArticleConfig) -> str:
    """The card of a narrative model (:mod:`narrascope.models.narrative_training`)."""
    t = config.training
    s = t["settings"]
    cv = t["cross_validation"]
    languages = sorted(cv["model"])
    columns = list(cv)

    def cell(name: str, language: str) -> str:
        found = cv[name].get(language)
        return f"{found['fine']:.3f} / {found['coarse']:.3f}" if found else "—"

    rows = "\n".join(
        f"| {language} | {t['articles_per_language'].get(language, 0)} | "
        + " | ".join(cell(name, language) for name in columns)
        + " |"
        for language in languages
    )
    mean_row = (
        "| mean | | "
        + " | ".join(
            f"{np.mean([v['fine'] for v in cv[n].values()]):.3f} / {np.mean([v['coarse'] for v in cv[n].values()]):.3f}"
            for n in columns
        )
        + " |"
    )
    ex = t.get("explanations") or {}
    ex_rows = "\n".join(
        f"| {language} | {v['articles']} | {v['rouge_l']:.3f} | {v['rouge_l_first_sentences']:.3f} | "
        f"{v['cosine']:.3f} | {v['cosine_first_sentences']:.3f} |"
        for language, v in ex.items()
        if isinstance(v, dict)
    )
    cached = (
        f" ({t['cached_articles']} of the {t['articles']} articles came from the `--cache` of an earlier run)"
        if t.get("cached_articles")
        else ""
    )
    return f"""# narrascope narratives model

Finds the narratives and subnarratives of SemEval-2025 Task 10 (subtask 2) that an article
pushes, with the sentences that carry each one, and its dominant narrative with an extractive
explanation (subtask 3). The label space is the task's whole taxonomy: {len(taxonomy.NARRATIVES)}
narratives and {len(taxonomy.subnarratives())} subnarratives, with its `Other` rules (a
narrative with none of its subnarratives gets `<narrative>: Other`; an article with no
narrative is `Other`).

## What it is
- Encoder: `{config.encoder}` (frozen; layers {", ".join(map(str, config.layers))}), the shared pass
  that the technique model reads: the article's vector is the mean of its paragraphs' mean
  states, a sentence's the mean of its tokens' states.
- Heads: {s["heads"]} MLP heads (one hidden layer of {s["hidden"]} units, seeds differing), their
  probabilities averaged, one output per narrative and per subnarrative. An article whose
  most probable narrative is below {config.other_threshold:.3f} is `Other`; otherwise it has
  that narrative and every label at or above {config.threshold:.3f}, and the `Other` rules
  complete them (both thresholds chosen on the out-of-fold predictions for the official figure).
- Evidence: the same heads score each sentence; a label's evidence is its 3 best sentences.
  The dominant narrative is the most probable one, with its most probable specific
  subnarrative; its explanation quotes the {s["explanation_sentences"]} sentences that score it
  highest, each score weighed by 1 / (1 + position / 3) (news puts its main claim first), in
  text order, at most 80 words. There is no language model: nothing is paraphrased. A
  sentence whose words repeat one already chosen (a title repeated as the first line) is
  passed over, for evidence and explanation alike.

## Training
- Data: SemEval-2025 Task 10 training articles ({t["articles"]}, of which {t["other_articles"]} `Other`),
  from `{t["data"]}`; languages: {", ".join(languages)}.
- Command: `narrascope train narratives --data {t["data"]} --out <folder>` (settings: {json.dumps(s)}).
- Time: {t["seconds"] / 60:.1f} minutes in all on {t["machine"]} (2 CPU cores, encoder in
  {t["encoder_precision"]}), of which {t["encoding_seconds"] / 60:.1f} encoding{cached}; trained {t["date"]} with
  narrascope {t["narrascope_version"]}.

## Cross-validated figures
{s["folds"]}-fold cross-validation by article (the task has no development set here); each
column fitted on the other folds and scored on the held-out one, its threshold chosen on the
other folds. Official scorer: samples-F1 on subnarratives (fine) / on narratives (coarse),
per language. "linear head" is one logistic regression per label on the same vector; the
baseline is the organisers' kind (TF-IDF word and character n-grams, logistic regression);
"Other everywhere" is the trivial answer. Expect less on new outlets: the technique model's
cross-validated figures overstated its development-set ones.

| language | articles | {" | ".join(columns)} |
|---|---|{"---|" * len(columns)}
{rows}
{mean_row}

## Explanations
The articles with an annotated dominant narrative and explanation (subtask 3), each read by
the heads of the fold that did not see it. The quotation is compared with the annotators'
explanation (a paraphrase, about 30 words) by ROUGE-L F1 and by the cosine of the two texts in
the encoder, next to the same number of the article's first sentences. The out-of-fold
dominant narrative equals the annotators' in {ex.get("dominant_narrative_accuracy", 0):.1%} of
{ex.get("articles", 0)} articles.

| language | articles | ROUGE-L | ROUGE-L, first sentences | cosine | cosine, first sentences |
|---|---|---|---|---|---|
{ex_rows}

## Limits
- Two domains only, as in the task: the war in Ukraine (URW) and climate change (CC). An
  article on anything else should come out `Other`.
- Trained on five languages (bg, en, hi, pt, ru); other languages get the encoder's zero-shot
  transfer.
- Rare subnarratives (a handful of examples) are found poorly; a sentence's score ranks the
  sentences of one article and is not a calibrated probability.
"""


def _cast_gate_section(config: RoleConfig) -> str:
    """The card's account of the cast gate: what it is and its cross-validated figures."""
    figures = config.training.get("cast_gate") or {}
    if not figures or config.cast_threshold is None:
        return "\n## Cast gate\nNone: the training data gave no found mention to learn it from; every mention is cast.\n"
    columns = list(figures)
    languages = sorted(figures["gate"])

    def cell(values: dict[str, float]) -> str:
        return f"{values['f1']:.3f} ({values['precision']:.3f} / {values['recall']:.3f})"

    def mean(name: str, key: str) -> float:
        return float(np.mean([figures[name][language][key] for language in languages]))

    rows = "\n".join(
        f"| {language} | {figures['gate'][language]['entities']} | {figures['gate'][language]['cast']} | "
        + " | ".join(cell(figures[n][language]) for n in columns)
        + " |"
        for language in languages
    )
    means = " | ".join(
        f"{mean(n, 'f1'):.3f} ({mean(n, 'precision'):.3f} / {mean(n, 'recall'):.3f})" for n in columns
    )
    grouping = (
        'An entity is a person under all their\nnames in the article (the entity analyzer\'s `person`: "Dralenko" with "Viktor Dralenko"),\nor else one normal form.'
        if config.gate_entities == "person"
        else "An entity is one normal form."
    )
    return f"""
## Cast gate
The annotators cast only some of the actors an article names. The entity analyzer was run on
every training article, as `analyze` runs it; a found entity counts as cast when one of its
mentions overlaps an annotated mention or its name is one. {grouping} {config.gate_heads} MLP heads, on a
mention's features and how often, where first and where the entity is named and its type, give
each mention a probability; an entity is cast when the mean over its mentions reaches
{config.cast_threshold:.3f} (the F1-best threshold on the out-of-fold predictions), and so is each
article's likeliest entity whatever its probability (every annotated article casts one). Only
cast entities get roles in `analyze` (`gate = false` casts every mention; mentions given with
the input are always cast).

Cross-validated by article ({config.training["settings"]["folds"]} folds; the gate's heads
trained {config.training["settings"].get("gate_epochs", config.training["settings"]["epochs"])} epochs),
per entity: F1 of "cast" (precision / recall), thresholds chosen on the other folds, the
likeliest-entity rule applied. "every entity" casts all, as the analyzer did before the gate;
"named at least k times" chooses k on the other folds. The languages are those the entity
analyzer covers. The gate's settings were chosen on these folds: expect a little less on new
articles.

| language | entities | cast | {" | ".join(columns)} |
|---|---|---|{"---|" * len(columns)}
{rows}
| mean | | | {means} |
"""


def role_model_card(config: RoleConfig) -> str:
    """The card of an entity-role model (:mod:`narrascope.models.role_training`)."""
    t = config.training
    s = t["settings"]
    cv = t["cross_validation"]
    languages = sorted(cv["model"])
    columns = list(cv)
    rows = "\n".join(
        f"| {language} | {t['mentions_per_language'].get(language, 0)} | "
        + " | ".join(
            f"{cv[n][language]['emr']:.3f} / {cv[n][language]['main_accuracy']:.3f}" for n in columns
        )
        + " |"
        for language in languages
    )
    mean_row = (
        "| mean | | "
        + " | ".join(
            f"{np.mean([v['emr'] for v in cv[n].values()]):.3f} / {np.mean([v['main_accuracy'] for v in cv[n].values()]):.3f}"
            for n in columns
        )
        + " |"
    )
    cached = (
        f" ({t['cached_articles']} of the {t['articles']} articles came from the `--cache` of an earlier run)"
        if t.get("cached_articles")
        else ""
    )
    gate = _cast_gate_section(config)
    return f"""# narrascope roles model

Casts each entity mention of an article in a role, as SemEval-2025 Task 10 subtask 1 defines
them: a main role (Protagonist, Antagonist or Innocent: hero, villain or victim) and one or
more of the 22 fine roles under it (Guardian, Instigator, Conspirator, Foreign Adversary,
Victim, ...).

## What it is
- Encoder: `{config.encoder}` (frozen; layers {", ".join(map(str, config.layers))}), the shared pass
  that the technique model reads. A mention's feature is the mean state of its tokens, next to
  its sentence's mean state and the article's vector.
- Heads: {s["heads"]} MLP heads (one hidden layer of {s["hidden"]} units, seeds differing), their
  probabilities averaged, one output per main and per fine role. Decoding keeps the hierarchy:
  the most probable main role, its most probable fine role, and another fine role under it
  only at or above {config.threshold:.3f} (chosen on the out-of-fold predictions).

## Training
- Data: SemEval-2025 Task 10 training mentions ({t["mentions"]} in {t["articles"]} articles), from
  `{t["data"]}`; offsets that do not fit the text were re-anchored by the reader.
- Command: `narrascope train roles --data {t["data"]} --out <folder>` (settings: {json.dumps(s)}).
- Time: {t["seconds"] / 60:.1f} minutes in all on {t["machine"]} (2 CPU cores, encoder in
  {t["encoder_precision"]}), of which {t["encoding_seconds"] / 60:.1f} encoding{cached}; trained {t["date"]} with
  narrascope {t["narrascope_version"]}.

## Cross-validated figures
{s["folds"]}-fold cross-validation by article (the task has no development set here); each
column fitted on the other folds and scored on the held-out one, its threshold chosen on the
other folds. Official scorer: exact match ratio of the fine roles / main-role accuracy, per
language. "linear head" is one logistic regression per role on the same feature; "majority"
gives every mention its language's most frequent main role and fine roles. Expect less on new
outlets: the technique model's cross-validated figures overstated its development-set ones.

| language | mentions | {" | ".join(columns)} |
|---|---|{"---|" * len(columns)}
{rows}
{mean_row}
{gate}
## Limits
- Trained on news about the war in Ukraine and climate change in five languages (bg, en, hi,
  pt, ru); other topics and languages get the encoder's transfer.
- In `analyze` the mentions are those the entity analyzer finds (people, organisations,
  places and groups), which are not always the ones the annotators chose; the cast gate
  keeps those it expects the article to cast.
- Rare fine roles (a few dozen examples) are seldom predicted.
"""
