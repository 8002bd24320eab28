"""The gold set is well formed: files parse, annotations are consistent with the gazetteer."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from vietnam_provinces import Province, Ward

from tests.gold.corpus import (
    ARTICLES_DIR,
    ROLES,
    TOPIC_IDS,
    decode,
    load_annotations,
    parse_crawled,
)
from tests.gold.keys import name_key, place_key, province_key
from tests.gold.make_variants import NFD_FILES
from viewer.core.text import tone_key

ANNOTATIONS = load_annotations()
IDS = [a["file"] for a in ANNOTATIONS]
CURRENT_UNITS = {"xã", "phường", "đặc khu"}
TIMES_OF_DAY = {"sáng", "trưa", "chiều", "tối", ""}


def _gazetteer() -> dict[str, set[tuple[str, str]]]:
    """Province key -> {(unit, name key)} for every 2025 commune-level unit."""
    units: dict[str, set[tuple[str, str]]] = {}
    for province in Province.iter_all():
        wards = units.setdefault(province_key(province.name), set())
        for ward in Ward.iter_by_province(province.code):
            unit = ward.division_type.value
            name = " ".join(ward.name.split())[len(unit) + 1 :]
            wards.add((tone_key(unit), tone_key(name)))
    return units


GAZETTEER = _gazetteer()


def test_gold_set_is_large_enough():
    assert len(ANNOTATIONS) >= 30
    assert len(set(IDS)) == len(IDS), "an article is annotated twice"


def test_every_article_file_is_annotated():
    files = {p.name for p in ARTICLES_DIR.glob("*.txt")}
    assert files == set(IDS)


@pytest.mark.parametrize("gold", ANNOTATIONS, ids=IDS)
def test_article_parses(gold):
    data = (ARTICLES_DIR / gold["file"]).read_bytes()
    for document in (parse_crawled(data, gold["file"]), decode(data, gold["file"])):
        assert document.title and len(document.body) > 200
        assert unicodedata.is_normalized("NFC", document.text)


@pytest.mark.parametrize("gold", ANNOTATIONS, ids=IDS)
def test_annotation_fields(gold):
    assert dt.date.fromisoformat(gold["visit_date"])
    assert gold["time_of_day"] in TIMES_OF_DAY
    assert set(gold["topics"]) <= TOPIC_IDS, set(gold["topics"]) - TOPIC_IDS
    assert all(o["role"] in ROLES for o in gold["officials"])
    leads = [o for o in gold["officials"] if o["role"] == "lead"]
    assert [name_key(o["name"]) for o in leads] == [name_key(gold["lead"]["name"])]
    assert leads[0]["titles"] == gold["lead"]["titles"]
    names = [name_key(o["name"]) for o in gold["officials"]]
    assert len(set(names)) == len(names), "an official is listed twice"
    for key in ("sites", "organisations"):
        for item in gold[key]:
            names = [item] if isinstance(item, str) else item
            assert names and all(isinstance(n, str) and n.strip() for n in names), item
    for key in ("directives_min", "difficulties_min", "captions"):
        assert isinstance(gold[key], int) and gold[key] >= 0


@pytest.mark.parametrize("gold", ANNOTATIONS, ids=IDS)
def test_communes_agree_with_the_gazetteer(gold):
    places = gold["communes"]
    assert places, "every visit names at least one place"
    assert any(p["visited"] for p in places)
    keys = [place_key(p["name"], p["unit"], p["province"], p["current"]) for p in places]
    assert len(set(keys)) == len(keys), "a place is listed twice"
    for place in places:
        province = province_key(place["province"])
        assert province in GAZETTEER, f"unknown province {place['province']!r}"
        found = (tone_key(place["unit"]), tone_key(place["name"])) in GAZETTEER[province]
        if place["current"]:
            assert place["unit"] in CURRENT_UNITS
            assert found, f"{place['unit']} {place['name']} is not a 2025 unit of {province}"
        else:
            assert not found, f"{place['unit']} {place['name']} still exists: mark it current"


@pytest.mark.parametrize("gold", ANNOTATIONS, ids=IDS)
def test_names_occur_in_the_article(gold):
    """Guards against typos: every annotated name is written in the article (any spelling)."""
    data = (ARTICLES_DIR / gold["file"]).read_bytes()
    text = tone_key(parse_crawled(data, gold["file"]).text)
    for official in gold["officials"]:
        assert name_key(official["name"]) in text, official["name"]
    for place in gold["communes"]:
        assert tone_key(place["name"]) in text, place["name"]


@pytest.mark.parametrize("name", NFD_FILES)
def test_nfd_variants_are_stored_decomposed(name):
    raw = (ARTICLES_DIR / name).read_bytes().decode("utf-8")
    assert raw != unicodedata.normalize("NFC", raw)
    assert unicodedata.is_normalized("NFD", raw)
