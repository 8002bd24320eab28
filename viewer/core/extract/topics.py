"""Topics from the editable taxonomy in resources/topics.toml, one regex pass per article."""

from __future__ import annotations

import bisect
import functools
import re

from viewer.core.model import MentionKind, TopicFound

from . import vocabulary
from .article import Article
from .collect import Collector, new_span
from .patterns import Phrases, phrases_regex


@functools.cache
def _matcher() -> tuple[Phrases, dict[str, tuple[str, ...]]]:
    """One case-insensitive alternation of every phrase, longest first, and for each phrase
    (lower-cased) the topics it signals; excluded phrases signal none."""
    signals: dict[str, list[str]] = {}
    for topic in vocabulary.topics():
        for phrase in topic.phrases:
            signals.setdefault(_norm(phrase), []).append(topic.id)
        for phrase in topic.exclude:
            signals.setdefault(_norm(phrase), [])
    return phrases_regex(signals), {k: tuple(v) for k, v in signals.items()}


@functools.lru_cache(maxsize=4096)
def _norm(phrase: str) -> str:
    return re.sub(r"\s*[-\u2013]\s*", " - ", " ".join(phrase.lower().split()))


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, non-overlapping span starts and ends, for bisecting."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def find_topics(
    article: Article, masked: list[tuple[int, int]], out: Collector
) -> list[TopicFound]:
    """Topics signalled outside `masked` spans (titles and organisation names: "Sở Y tế")."""
    regex, signals = _matcher()
    by_id = _by_id()
    found: dict[str, TopicFound] = {}
    starts, ends = _merged(masked)
    kind = MentionKind.TOPIC
    for m in article.finditer(regex):
        start = m.start()
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and start < ends[i]:
            continue
        # Most phrases are written as listed: looked up as they are before being normalised
        # (a listed phrase is its own normal form).
        phrase = m[0]
        topic_ids = signals.get(phrase)
        if topic_ids is None:
            topic_ids = signals.get(_norm(phrase), ())
        end = m.end()
        for topic_id in topic_ids:
            entry = found.get(topic_id)
            if entry is None:
                topic = by_id[topic_id]
                entry = found[topic_id] = TopicFound(
                    id=topic.id, label_vi=topic.label_vi, label_en=topic.label_en
                )
            entry.spans.append(new_span((start, end)))
            out.add(kind, start, end, topic_id)
    order = _order()
    return sorted(found.values(), key=lambda t: order[t.id])


@functools.cache
def _by_id() -> dict[str, vocabulary.Topic]:
    return {t.id: t for t in vocabulary.topics()}


@functools.cache
def _order() -> dict[str, int]:
    return {t.id: i for i, t in enumerate(vocabulary.topics())}
