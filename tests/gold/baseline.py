"""A baseline to compare against: underthesea's general-purpose NER (PER = people, LOC = places).

underthesea is an optional dependency (the `compare` extra); it is imported lazily so the
evaluator runs without it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from tests.gold.keys import name_key, place_name_key

# Words underthesea often glues to the front of an entity ("đồng chí Nguyễn …", "tỉnh …").
_LEADING = re.compile(
    r"^(?:(?:đồng chí|ông|bà|tỉnh|xã|phường|huyện|thị xã|thị trấn|làng)\s+)+", re.IGNORECASE
)


@dataclass
class NerResult:
    people: set[str]
    places: set[str]


def load_ner() -> Callable[[str], list] | None:
    """underthesea's `ner`, or None when the package is not installed."""
    try:
        from underthesea import ner
    except ImportError:
        return None
    return ner


def entities(tagged: list) -> list[tuple[str, str]]:
    """Join BIO-tagged tokens into (type, text) entities."""
    found: list[tuple[str, list[str]]] = []
    for token in tagged:
        word, tag = token[0], token[-1]
        if tag.startswith("B-") or (
            tag.startswith("I-") and (not found or found[-1][0] != tag[2:])
        ):
            found.append((tag[2:], [word]))
        elif tag.startswith("I-"):
            found[-1][1].append(word)
        else:
            found.append(("", []))
    return [(kind, " ".join(words)) for kind, words in found if kind]


def run_ner(ner: Callable[[str], list], text: str) -> NerResult:
    """People and place keys underthesea finds in an article, paragraph by paragraph."""
    people: set[str] = set()
    places: set[str] = set()
    for paragraph in filter(None, (p.strip() for p in text.split("\n"))):
        for kind, words in entities(ner(paragraph)):
            cleaned = _LEADING.sub("", words).strip()
            if not cleaned:
                continue
            if kind == "PER":
                people.add(name_key(cleaned))
            elif kind == "LOC":
                places.add(place_name_key(cleaned))
    return NerResult(people, places)


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    """Best wall-clock seconds over `repeat` runs of `fn`."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best
