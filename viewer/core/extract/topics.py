"""Topics from the editable taxonomy in resources/topics.toml, one regex pass per article."""

from __future__ import annotations

import functools
import re

from viewer.core.model import MentionKind, Span, TopicFound

from . import vocabulary
from .article import Article
from .collect import Collector
from .patterns import alternation


@functools.cache
def _matcher() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One case-insensitive alternation of every phrase, longest first, and for each phrase
    (lower-cased) the topics it signals; excluded phrases signal none."""
    signals: dict[str, list[str]] = {}
    for topic in vocabulary.topics():
        for phrase in topic.phrases:
            signals.setdefault(_norm(phrase), []).append(topic.id)
        for phrase in topic.exclude:
            signals.setdefault(_norm(phrase), [])
    regex = re.compile(rf"(?<!\w){alternation(signals)}(?!\w)", re.I)
    return regex, {k: tuple(v) for k, v in signals.items()}


def _norm(phrase: str) -> str:
    return re.sub(r"\s*[-\u2013]\s*", " - ", " ".join(phrase.lower().split()))


def find_topics(
    article: Article, masked: list[tuple[int, int]], out: Collector
) -> list[TopicFound]:
    """Topics signalled outside `masked` spans (titles and organisation names: "Sở Y tế")."""
    regex, signals = _matcher()
    by_id = {t.id: t for t in vocabulary.topics()}
    found: dict[str, TopicFound] = {}
    masked = sorted(masked)
    for m in regex.finditer(article.canon):
        if any(s <= m.start() < e for s, e in masked):
            continue
        for topic_id in signals.get(_norm(m[0]), ()):
            topic = by_id[topic_id]
            entry = found.setdefault(
                topic_id, TopicFound(id=topic.id, label_vi=topic.label_vi, label_en=topic.label_en)
            )
            entry.spans.append(Span(m.start(), m.end()))
            out.add(MentionKind.TOPIC, m.start(), m.end(), topic_id)
    order = {t.id: i for i, t in enumerate(vocabulary.topics())}
    return sorted(found.values(), key=lambda t: order[t.id])
