"""Text normalisation: one key per name whatever the tone placement or Unicode form."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.core.text import canonical_tones, fold, has_diacritics, nfc, tone_key

VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐEÊOÔƠƯ ,.-")
        + list("áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
    ),
    max_size=60,
)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Thanh Hoá", "Thanh Hóa"),
        ("thuỷ", "thủy"),
        ("Khoẻ", "Khỏe"),
        ("Hoà Bình", "Hòa Bình"),
        ("quý", "quý"),
        ("toán", "toán"),
        ("hoạ", "họa"),
    ],
)
def test_old_tone_placement_becomes_the_modern_one(old, new):
    assert canonical_tones(old) == new
    assert tone_key(old) == tone_key(new)


def test_nfd_and_nfc_give_the_same_key():
    name = "Thiệu Hóa"
    assert tone_key(unicodedata.normalize("NFD", name)) == tone_key(name)
    assert nfc(unicodedata.normalize("NFD", name)) == name


def test_different_words_keep_different_keys():
    for a, b in [("an", "án"), ("thể", "thế"), ("the", "thế"), ("Hóa", "Hòa")]:
        assert tone_key(a) != tone_key(b)


def test_fold_removes_every_mark_and_d_stroke():
    assert fold("Đồng chí Biện Thượng") == "dong chi bien thuong"
    assert has_diacritics("Biện") and not has_diacritics("bien")


@given(VIETNAMESE)
def test_canonical_tones_keeps_length_and_is_idempotent(text):
    text = nfc(text)
    once = canonical_tones(text)
    assert len(once) == len(text)
    assert canonical_tones(once) == once


@given(VIETNAMESE)
def test_fold_keeps_length_of_nfc_vietnamese(text):
    text = nfc(text)
    assert len(fold(text)) == len(text)


@given(VIETNAMESE)
def test_key_ignores_unicode_form_and_tone_placement(text):
    assert tone_key(unicodedata.normalize("NFD", text)) == tone_key(text)
    assert tone_key(canonical_tones(nfc(text))) == tone_key(text)


@given(st.text(max_size=80))
def test_any_text_normalises_without_error(text):
    canonical_tones(text), fold(text), tone_key(text), has_diacritics(text)
