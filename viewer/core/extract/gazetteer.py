"""The 2025 gazetteer (34 provinces, 3,321 communes) indexed for fast name look-ups."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from vietnam_provinces import Province, Ward

from viewer.core.text import canonical_tones, tone_key

from . import vocabulary

CURRENT_UNITS = {"xã": "xã", "phường": "phường", "đặc khu": "đặc khu"}


@dataclass(frozen=True)
class ProvinceEntry:
    name: str  # short name: "Thanh Hóa", "Hà Nội" (no "Thành phố")
    code: int | None  # None for a province abolished in 2025
    current: bool
    city: bool = False  # a centrally-run city ("Thành phố Hải Phòng"), not a "tỉnh"


@dataclass(frozen=True)
class WardEntry:
    name: str  # without the unit word: "Thiệu Hóa"
    unit: str  # "xã", "phường", "đặc khu"
    code: int
    province_code: int


@dataclass(frozen=True)
class Gazetteer:
    provinces: dict[str, ProvinceEntry]  # tone_key(name or alias) -> province
    by_code: dict[int, ProvinceEntry]
    wards: dict[tuple[int, str], tuple[WardEntry, ...]]  # (province code, tone_key) -> wards
    ward_names: frozenset[str]  # tone_keys of every ward name, any province
    max_ward_words: int

    def province(self, name: str) -> ProvinceEntry | None:
        return self.provinces.get(_key(name))

    def ward(self, province_code: int, name: str, unit: str = "") -> WardEntry | None:
        """The current unit called `name` in the province; same unit word preferred."""
        found = self.wards.get((province_code, _key(name)), ())
        for ward in found:
            if ward.unit == unit:
                return ward
        return found[0] if found else None


@functools.lru_cache(maxsize=65536)
def _key(name: str) -> str:
    return tone_key(name)


@functools.cache
def place_keys() -> frozenset[str]:
    """tone_keys of every commune and province name (built once: it has 3,000+ entries)."""
    g = gazetteer()
    return g.ward_names | frozenset(g.provinces)


def _short(province_name: str) -> str:
    return province_name.removeprefix("Thành phố ").removeprefix("Tỉnh ")


@functools.cache
def gazetteer() -> Gazetteer:
    """Build the index once per process (about 10 ms)."""
    provinces: dict[str, ProvinceEntry] = {}
    by_code: dict[int, ProvinceEntry] = {}
    for p in Province.iter_all():
        city = p.name.startswith("Thành phố ")
        entry = ProvinceEntry(canonical_tones(_short(p.name)), int(p.code), True, city)
        provinces[tone_key(entry.name)] = entry
        by_code[entry.code] = entry  # type: ignore[index]
    vocab = vocabulary.places()
    for alias, target in vocab.province_aliases.items():
        provinces.setdefault(tone_key(alias), provinces[tone_key(target)])
    for old, _successor in vocab.former_provinces.items():
        provinces.setdefault(tone_key(old), ProvinceEntry(old, None, False))
    wards: dict[tuple[int, str], list[WardEntry]] = {}
    for w in Ward.iter_all():
        unit = w.division_type.value
        prefixed = w.name.lower().startswith(unit)
        name = canonical_tones(w.name[len(unit) + 1 :] if prefixed else w.name)
        entry = WardEntry(name, unit, int(w.code), int(w.province_code))
        wards.setdefault((entry.province_code, tone_key(name)), []).append(entry)
    return Gazetteer(
        provinces=provinces,
        by_code=by_code,
        wards={k: tuple(v) for k, v in wards.items()},
        ward_names=frozenset(key for _, key in wards),
        max_ward_words=max(len(key.split()) for _, key in wards),
    )
