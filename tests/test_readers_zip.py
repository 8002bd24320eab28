"""Zip archives: members as sources, nesting, and every way a zip can be hostile."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from tests.readers_fixtures import ARTICLE, TITLE
from viewer.core.readers import (
    ReadError,
    Source,
    SourceProblem,
    decode_document,
    iter_sources,
    read_document,
)
from viewer.core.readers import zips as zips_module

SEP = " \u203a "


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _write(path: Path, members: dict[str, bytes]) -> Path:
    path.write_bytes(_zip(members))
    return path


def _split(items: list[Source | SourceProblem]) -> tuple[list[Source], list[SourceProblem]]:
    return (
        [i for i in items if isinstance(i, Source)],
        [i for i in items if isinstance(i, SourceProblem)],
    )


def test_members_are_named_after_the_zip_and_read_in_memory(tmp_path: Path) -> None:
    archive = _write(
        tmp_path / "bai.zip",
        {
            "sub/a.txt": ARTICLE.encode(),
            "sub/": b"",
            "sub/photo.png": b"\x89PNG",
            ".DS_Store": b"\x00",
            "__MACOSX/sub/._a.txt": b"\x00\x05",
            "b.html": f"<html><body><h1>{TITLE}</h1><p>Đoạn văn.</p></body></html>".encode(),
        },
    )
    sources, problems = _split(list(iter_sources([archive])))
    assert problems == []
    assert [s.name for s in sources] == [f"{archive}{SEP}b.html", f"{archive}{SEP}sub/a.txt"]
    assert sources[1].path is None and sources[1].size == len(ARTICLE.encode())
    assert read_document(sources[1]).title == TITLE
    assert list(tmp_path.iterdir()) == [archive]  # nothing was extracted to disk


def test_members_can_be_read_after_the_walk_has_finished(tmp_path: Path) -> None:
    archive = _write(tmp_path / "bai.zip", {"a.txt": ARTICLE.encode()})
    [source] = list(iter_sources([archive]))
    assert read_document(source).title == TITLE  # type: ignore[arg-type]


def test_zip_inside_a_folder_is_opened(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    _write(tmp_path / "in" / "z.zip", {"a.txt": ARTICLE.encode()})
    [source] = list(iter_sources([tmp_path / "in"]))
    assert source.name == f"{tmp_path / 'in' / 'z.zip'}{SEP}a.txt"


def test_nested_zips_up_to_three_levels(tmp_path: Path) -> None:
    level3 = _zip({"c.txt": ARTICLE.encode(), "d.zip": _zip({"deep.txt": b"x"})})
    level2 = _zip({"b.txt": ARTICLE.encode(), "l3.zip": level3})
    archive = _write(tmp_path / "a.zip", {"l2.zip": level2})
    sources, problems = _split(list(iter_sources([archive])))
    a = str(archive)
    inner = f"{a}{SEP}l2.zip"
    assert [s.name for s in sources] == [f"{inner}{SEP}b.txt", f"{inner}{SEP}l3.zip{SEP}c.txt"]
    assert read_document(sources[1]).title == TITLE
    assert [p.name for p in problems] == [f"{a}{SEP}l2.zip{SEP}l3.zip{SEP}d.zip"]
    assert "nested" in problems[0].reason


@pytest.mark.parametrize(
    "member", ["../evil.txt", "/etc/evil.txt", "a/../../evil.txt", "C:/evil.txt"]
)
def test_unsafe_member_paths_are_refused(tmp_path: Path, member: str) -> None:
    archive = _write(tmp_path / "a.zip", {member: b"evil", "ok.txt": ARTICLE.encode()})
    sources, problems = _split(list(iter_sources([archive])))
    assert [s.name for s in sources] == [f"{archive}{SEP}ok.txt"]
    assert [p.reason for p in problems] == ["unsafe path in the zip"]


def test_password_protected_member_is_reported(tmp_path: Path) -> None:
    data = bytearray(_zip({"secret.txt": b"\x00" * 12 + b"ciphertext"}))
    # Set the "encrypted" flag bit where an encrypting tool sets it: in the local header
    # and in the central directory entry (zipfile cannot write encrypted members).
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        data[data.find(signature) + flag_at] |= 0x1
    path = tmp_path / "locked.zip"
    path.write_bytes(bytes(data))
    [problem] = list(iter_sources([path]))
    assert problem == SourceProblem(f"{path}{SEP}secret.txt", "the file is password-protected")


def test_corrupt_zip_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    [problem] = list(iter_sources([path]))
    assert isinstance(problem, SourceProblem) and "damaged" in problem.reason


def test_highly_compressed_member_is_refused_as_a_bomb(tmp_path: Path) -> None:
    archive = _write(tmp_path / "bomb.zip", {"zeros.txt": bytes(5 * 1024 * 1024), "a.txt": b"ok"})
    sources, problems = _split(list(iter_sources([archive])))
    assert [s.name for s in sources] == [f"{archive}{SEP}a.txt"]
    assert "zip bomb" in problems[0].reason


def test_member_larger_than_its_header_says_is_refused(tmp_path: Path) -> None:
    data = bytearray(_zip({"a.txt": ARTICLE.encode()}, method=zipfile.ZIP_STORED))
    real = len(ARTICLE.encode())
    # Forge the uncompressed size in the local header and the central directory.
    for offset in _all(data, struct.pack("<I", real)):
        data[offset : offset + 4] = struct.pack("<I", 10)
    path = tmp_path / "forged.zip"
    path.write_bytes(bytes(data))
    [source] = list(iter_sources([path]))
    with pytest.raises(ReadError, match=r"damaged|declares"):
        read_document(source)  # type: ignore[arg-type]


def _all(data: bytearray, needle: bytes) -> list[int]:
    found, start = [], 0
    while (index := data.find(needle, start)) >= 0:
        found.append(index)
        start = index + 1
    return found


def test_archive_total_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    size = len(ARTICLE.encode())
    monkeypatch.setattr(zips_module, "MAX_ZIP_TOTAL_BYTES", 2 * size + size // 2)
    members = {f"{i}.txt": ARTICLE.encode() for i in range(5)}
    sources, problems = _split(list(iter_sources([_write(tmp_path / "many.zip", members)])))
    assert len(sources) == 2
    assert "remaining files were skipped" in problems[0].reason


def test_member_over_the_size_limit_is_refused_at_read_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zips_module, "MAX_FILE_BYTES", 100)
    [source] = list(iter_sources([_write(tmp_path / "a.zip", {"a.txt": ARTICLE.encode()})]))
    with pytest.raises(ReadError, match="are refused"):
        source.read_bytes()  # type: ignore[union-attr]


def test_a_zip_given_as_an_article_explains_itself() -> None:
    with pytest.raises(ReadError, match="zip archive"):
        decode_document(_zip({"a.txt": b"x"}), "a.zip")
