"""The extractor's editable word lists, read once from `resources/*.toml`."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from typing import Any

from viewer.core.text import canonical_tones, nfc, tone_key
from viewer.resources import resource_path


def _load(name: str) -> dict[str, Any]:
    with resource_path(name).open("rb") as handle:
        return tomllib.load(handle)


def _norm(words: list[str]) -> list[str]:
    # Resource files may be typed with either tone placement; the matcher sees canonical text.
    return [canonical_tones(nfc(w)) for w in words]


@dataclass(frozen=True)
class Topic:
    id: str
    label_vi: str
    label_en: str
    phrases: tuple[str, ...]
    exclude: tuple[str, ...]


@dataclass(frozen=True)
class TitleVocabulary:
    abbreviations: dict[str, str]
    family_names: frozenset[str]
    not_in_names: frozenset[str]
    historical: frozenset[str]  # tone_keys of historical figures (never officials)
    positions: tuple[str, ...]
    need_organ: frozenset[str]
    ban: tuple[str, ...]
    so: tuple[str, ...]
    bo: tuple[str, ...]
    standalone: tuple[str, ...]
    fallback_heads: tuple[str, ...]
    scopes: tuple[str, ...]
    generic: tuple[str, ...]


@dataclass(frozen=True)
class PlaceVocabulary:
    former_provinces: dict[str, str]
    province_aliases: dict[str, str]


@functools.cache
def topics() -> tuple[Topic, ...]:
    data = _load("topics.toml")
    return tuple(
        Topic(
            id=t["id"],
            label_vi=t["label_vi"],
            label_en=t["label_en"],
            phrases=tuple(_norm(t.get("phrases", []))),
            exclude=tuple(_norm(t.get("exclude", []))),
        )
        for t in data["topic"]
    )


@functools.cache
def titles() -> TitleVocabulary:
    data = _load("titles.toml")
    people, tit, org = data["people"], data["titles"], data["organs"]
    return TitleVocabulary(
        abbreviations={k: canonical_tones(v) for k, v in data["abbreviations"].items()},
        family_names=frozenset(_norm(people["family_names"])),
        not_in_names=frozenset(_norm(people["not_in_names"])),
        historical=frozenset(tone_key(n) for n in people["historical_figures"]),
        positions=tuple(_norm(tit["positions"])),
        need_organ=frozenset(w.lower() for w in _norm(tit["need_organ"])),
        ban=tuple(_norm(org["ban"])),
        so=tuple(_norm(org["so"])),
        bo=tuple(_norm(org["bo"])),
        standalone=tuple(_norm(org["standalone"])),
        fallback_heads=tuple(_norm(org["fallback_heads"])),
        scopes=tuple(_norm(org["scopes"])),
        generic=tuple(_norm(org["generic"])),
    )


@functools.cache
def places() -> PlaceVocabulary:
    data = _load("places.toml")
    return PlaceVocabulary(
        former_provinces={canonical_tones(k): canonical_tones(v)
                          for k, v in data["former_provinces"].items()},
        province_aliases={canonical_tones(k): canonical_tones(v)
                          for k, v in data["province_aliases"].items()},
    )
