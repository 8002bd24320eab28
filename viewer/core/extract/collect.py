"""Collecting Mention objects while the finders run, in article order."""

from __future__ import annotations

from viewer.core.model import Mention, MentionKind

from .article import Article


class Collector:
    """Mentions gathered in `Article.raw` offsets, turned into document offsets at the end."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self._items: list[tuple[int, int, MentionKind, str]] = []

    def add(self, kind: MentionKind, start: int, end: int, key: str = "") -> None:
        if 0 <= start < end <= len(self.article.raw):
            self._items.append((start, end, kind, key))

    def mentions(self) -> list[Mention]:
        text = self.article.original
        out = []
        seen = set()
        for start, end, kind, key in sorted(self._items, key=lambda i: (i[0], -i[1])):
            if (start, end, kind, key) in seen:
                continue
            seen.add((start, end, kind, key))
            s, e = self.article.to_original(start, end)
            out.append(Mention(kind=kind, start=s, end=e, text=text[s:e], key=key))
        return out
