"""Provides the EASC summarization benchmark: briefing's sentence ranker against lead and sumy's summarizers.

Run from the repository root: `.venv/bin/python bench/easc.py` (reads ../shared/corpora/easc).

Protocol (issue 4): for every article each system ranks the sentences; it takes its top-ranked sentences until
a word budget is met (the budget is the mean length, in words, of the article's five human summaries) and
restores document order. Scores are rouge-score's ROUGE-1/2/L F1 with an Arabic-aware tokenizer (diacritics
and tatweel removed, alef forms, alef maksura and teh marbuta unified: rouge-score's own tokenizer keeps only
[a-z0-9] and scores Arabic as 0), averaged over the five references, then over articles.

Every system ranks the same sentence units (briefing's splitter), so the table compares rankings, not
splitters. Topics are split into two halves (odd and even topic numbers): the ranker's weights were tuned on
the even half only, so the odd half is the held-out check. Timing is per article, best of `--repeat` runs,
for each system's split + ranking (sumy's includes building its document), the systems taking turns article
by article; the speed-up printed is sumy LexRank's time over briefing's.
"""

from __future__ import annotations

import argparse
import math
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.models import Actor, Sentence  # noqa: E402
from briefing.nlp.rank.score import rank_sentences  # noqa: E402
from briefing.nlp.text.sentences import split_spans  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "easc" / "EASC-UTF-8"

_DIAC = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, Quranic marks, tatweel
_UNIFY = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_TOKEN = re.compile(r"\w+")


class ArabicTokenizer:
    """rouge-score tokenizer: normalized Arabic (and any other) words; punctuation dropped, no stemming."""

    def tokenize(self, text: str) -> list[str]:
        return _TOKEN.findall(_DIAC.sub("", text).translate(_UNIFY).casefold())


TOKENIZER = ArabicTokenizer()


@dataclass(frozen=True)
class Article:
    topic: int
    text: str
    references: tuple[str, ...]

    @property
    def budget(self) -> float:
        return statistics.mean(len(TOKENIZER.tokenize(r)) for r in self.references)


def _read(path: Path) -> str:
    return (
        path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n").replace("\u200f", "")
    )


def load(corpus: Path = CORPUS) -> list[Article]:
    out = []
    for topic_dir in sorted((corpus / "Articles").iterdir(), key=lambda p: int(p.name[5:])):
        [article] = [p for p in topic_dir.iterdir() if p.is_file()]
        refs = sorted((corpus / "MTurk" / topic_dir.name).iterdir())
        out.append(Article(int(topic_dir.name[5:]), _read(article), tuple(_read(r) for r in refs)))
    return out


# A ranker gets the text, its sentence spans and the actors found by the analysis, and returns sentence
# indices, best first.
Spans = Sequence[tuple[int, int]]
Ranker = Callable[[str, Spans, Sequence[Actor]], list[int]]


def pick(text: str, spans: Spans, order: Sequence[int], budget: float) -> str:
    """Top-ranked sentences until the word budget is met, in document order."""
    chosen: list[int] = []
    words = 0
    for i in order:
        if words >= budget:
            break
        chosen.append(i)
        words += len(TOKENIZER.tokenize(text[spans[i][0] : spans[i][1]]))
    return "\n".join(text[spans[i][0] : spans[i][1]] for i in sorted(chosen))


def briefing_ranker(text: str, spans: Spans, actors: Sequence[Actor]) -> list[int]:
    """As `analyze` calls it; EASC has no titles, and no publication dates, so no upcoming events."""
    mentions = [m for a in actors for m in a.mentions]
    ranked = rank_sentences(text, spans, mentions=mentions)
    return [s.index for s in sorted(ranked, key=lambda s: s.rank)]


def briefing_no_actors(text: str, spans: Spans, actors: Sequence[Actor]) -> list[int]:
    return briefing_ranker(text, spans, ())


def lead_ranker(text: str, spans: Spans, actors: Sequence[Actor]) -> list[int]:
    return list(range(len(spans)))


def sumy_ranker(name: str) -> Ranker:
    """A sumy summarizer as a full ranking: sumy sorts sentences by rating before cutting to `count`; a
    callable count sees that sorted list, so the complete order is read through sumy's public API."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph  # noqa: PLC0415
    from sumy.models.dom import Sentence as SumySentence  # noqa: PLC0415
    from sumy.nlp.stemmers import Stemmer  # noqa: PLC0415
    from sumy.nlp.tokenizers import Tokenizer  # noqa: PLC0415
    from sumy.summarizers.lex_rank import LexRankSummarizer  # noqa: PLC0415
    from sumy.summarizers.lsa import LsaSummarizer  # noqa: PLC0415
    from sumy.summarizers.luhn import LuhnSummarizer  # noqa: PLC0415
    from sumy.summarizers.text_rank import TextRankSummarizer  # noqa: PLC0415
    from sumy.utils import get_stop_words  # noqa: PLC0415

    classes: dict[str, Any] = {
        "lexrank": LexRankSummarizer,
        "textrank": TextRankSummarizer,
        "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer,
    }
    # pyarabic word tokenizer: no NLTK data needed (this machine is offline).
    tokenizer = Tokenizer("arabic")
    summarizer = classes[name](Stemmer("arabic"))
    summarizer.stop_words = get_stop_words("arabic")

    def rank(text: str, spans: Spans, actors: Sequence[Actor]) -> list[int]:
        sentences = [SumySentence(text[a:b], tokenizer) for a, b in spans]
        position = {id(s): i for i, s in enumerate(sentences)}
        document = ObjectDocumentModel([Paragraph(sentences)])
        order: list[int] = []

        def count(infos: Sequence[Any]) -> Sequence[Any]:
            order.extend(position[id(info.sentence)] for info in infos)
            return infos

        summarizer(document, count)
        return order

    return rank


@dataclass
class Result:
    r1: list[float]
    r2: list[float]
    rl: list[float]
    seconds: list[float]


def find_actors(text: str, spans: Spans) -> list[Actor]:
    """The actors `analyze` hands the ranker (found at ingest anyway: actor pane, events, stories)."""
    from briefing.nlp.actors.extract import extract_actors  # noqa: PLC0415

    sentences = [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(spans)]
    return extract_actors(text, "ar", sentences)


def evaluate(articles: Sequence[Article], rankers: dict[str, Ranker], repeat: int) -> dict[str, Result]:
    """Scores per system and article. Each system's time per article is the best of `repeat` runs of split +
    rank, the systems taking turns article by article, so that a busy machine slows them alike."""
    from rouge_score.rouge_scorer import RougeScorer  # noqa: PLC0415

    scorer = RougeScorer(["rouge1", "rouge2", "rougeL"], tokenizer=TOKENIZER)
    results = {name: Result([], [], [], []) for name in rankers}
    for art in articles:
        budget = art.budget
        actors = find_actors(art.text, split_spans(art.text))
        for name, ranker in rankers.items():
            best = math.inf
            for _ in range(repeat):
                t0 = time.perf_counter()
                spans = split_spans(art.text)
                order = ranker(art.text, spans, actors)
                best = min(best, time.perf_counter() - t0)
            summary = pick(art.text, spans, order, budget)
            scores = [scorer.score(ref, summary) for ref in art.references]
            res = results[name]
            res.r1.append(statistics.mean(s["rouge1"].fmeasure for s in scores))
            res.r2.append(statistics.mean(s["rouge2"].fmeasure for s in scores))
            res.rl.append(statistics.mean(s["rougeL"].fmeasure for s in scores))
            res.seconds.append(best)
    return results


def _mean(values: Sequence[float], idx: Sequence[int] | None = None) -> float:
    vals = [values[i] for i in idx] if idx is not None else list(values)
    return statistics.mean(vals) if vals else 0.0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--only", help="comma-separated systems to run (default: all)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="timing runs per article and system (best kept)"
    )
    args = parser.parse_args(argv)
    articles = load(args.corpus)
    systems: dict[str, Ranker] = {
        "briefing": briefing_ranker,
        "briefing -actors": briefing_no_actors,
        "lead": lead_ranker,
    }
    for name in ("lexrank", "textrank", "lsa", "luhn"):
        systems[f"sumy {name}"] = sumy_ranker(name)
    if args.only:
        keep = set(args.only.split(","))
        systems = {k: v for k, v in systems.items() if k in keep or k.removeprefix("sumy ") in keep}
    # Warm-up outside the timing: camel-tools' character tables, the gazetteers, sumy's stemmer load once.
    first = articles[0].text
    for ranker in systems.values():
        ranker(first, split_spans(first), find_actors(first, split_spans(first)))
    results = evaluate(articles, systems, args.repeat)
    held = [i for i, a in enumerate(articles) if a.topic % 2 == 1]
    tuned = [i for i, a in enumerate(articles) if a.topic % 2 == 0]
    print(
        f"EASC: {len(articles)} articles, 5 references each; ROUGE F1 (mean over references, then articles)."
    )
    print("Weights tuned on even topics; odd topics are held out.")
    print(
        f"{'system':<17}{'R1':>7}{'R2':>7}{'RL':>7}  {'R1 held':>8}{'R2 held':>8}  "
        f"{'R1 tuned':>9}{'R2 tuned':>9}"
        f"{'ms/article':>12}"
    )
    for name, res in results.items():
        print(
            f"{name:<17}{_mean(res.r1):7.3f}{_mean(res.r2):7.3f}{_mean(res.rl):7.3f}  "
            f"{_mean(res.r1, held):8.3f}{_mean(res.r2, held):8.3f}  {_mean(res.r1, tuned):9.3f}"
            f"{_mean(res.r2, tuned):9.3f}{1000 * _mean(res.seconds):12.2f}"
        )
    if "briefing" in results:
        b = results["briefing"]
        others = [n for n in results if not n.startswith("briefing")]
        if others:
            best1 = max(others, key=lambda n: _mean(results[n].r1))
            best2 = max(others, key=lambda n: _mean(results[n].r2))
            print(
                f"briefing / best baseline: R1 {_mean(b.r1) / _mean(results[best1].r1):.3f} ({best1}), "
                f"R2 {_mean(b.r2) / _mean(results[best2].r2):.3f} ({best2})"
            )
        if "sumy lexrank" in results:
            ratio = _mean(results["sumy lexrank"].seconds) / _mean(b.seconds)
            print(
                f"speed: briefing (split + rank) is {ratio:.1f}x faster per article than sumy LexRank "
                "(actor extraction, done at ingest for every article anyway, is not counted)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
