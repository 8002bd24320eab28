"""Precision/recall counting for sets of keys, exact or lenient (substring) matching."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")


@dataclass
class Score:
    """Running counts for one entity kind, with the misses kept for `--details`."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_pos: list[tuple[str, object]] = field(default_factory=list)
    false_neg: list[tuple[str, object]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, file: str, gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> None:
        """Count one article's exact matches between two collections of keys."""
        gold_set, pred_set = set(gold), set(predicted)
        self.tp += len(gold_set & pred_set)
        self._miss(file, sorted(pred_set - gold_set, key=str), sorted(gold_set - pred_set, key=str))

    def add_lenient(
        self, file: str, gold: Iterable[tuple[str, ...]], predicted: Iterable[str]
    ) -> None:
        """Count matches where one key contains the other; each gold item is used once.

        A gold item is a tuple of alias keys (the same site named two ways); exact
        matches are paired first so that a substring match cannot steal a gold item.
        """
        remaining = sorted({tuple(g) for g in gold if any(g)})
        unmatched = []
        leftover = []
        for pred in sorted(set(predicted)):
            hit = _first(remaining, lambda g, p=pred: p in g)
            if hit is None:
                leftover.append(pred)
            else:
                remaining.remove(hit)
                self.tp += 1
        for pred in leftover:
            hit = _first(remaining, lambda g, p=pred: bool(p) and any(a in p or p in a for a in g))
            if hit is None:
                unmatched.append(pred)
            else:
                remaining.remove(hit)
                self.tp += 1
        self._miss(file, unmatched, [g[0] for g in remaining])

    def _miss(self, file: str, false_pos: list, false_neg: list) -> None:
        self.fp += len(false_pos)
        self.fn += len(false_neg)
        self.false_pos.extend((file, x) for x in false_pos)
        self.false_neg.extend((file, x) for x in false_neg)


@dataclass
class Accuracy:
    """Fraction of articles where one prediction was right, with the wrong ones kept."""

    right: int = 0
    total: int = 0
    wrong: list[tuple[str, object, object]] = field(default_factory=list)

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, file: str, gold: object, predicted: object, ok: bool | None = None) -> None:
        self.total += 1
        if ok is None:
            ok = gold == predicted
        if ok:
            self.right += 1
        else:
            self.wrong.append((file, gold, predicted))


def _first(items: list[T], pred: Callable[[T], bool]) -> T | None:
    return next((item for item in items if pred(item)), None)
