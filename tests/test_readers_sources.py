"""Files and folders the user picks: what is found, what is skipped, what is reported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.readers_fixtures import ARTICLE, TITLE
from viewer.core.readers import (
    MAX_FILE_BYTES,
    ReadError,
    Source,
    SourceProblem,
    iter_sources,
    read_document,
)
from viewer.core.readers import source as source_module


def _names(items: list[Source | SourceProblem]) -> list[str]:
    return [item.name for item in items]


def _tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "b" / "c.html").write_text(f"<p>{TITLE}</p>", encoding="utf-8")
    (root / "b" / "d.docx").write_bytes(b"")
    (root / "b" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (root / ".hidden.txt").write_text("secret", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text("x", encoding="utf-8")
    (root / "~$lock.docx").write_bytes(b"lock")
    (root / "notes").write_text("Ghi chú không có phần mở rộng", encoding="utf-8")
    (root / "program").write_bytes(b"\x7fELF" + bytes(100))


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    _tree(tmp_path / "in")
    found = list(iter_sources([tmp_path / "in"]))
    base = str(tmp_path / "in")
    assert _names(found) == [
        f"{base}/a.txt",
        f"{base}/b/c.html",
        f"{base}/b/d.docx",
        f"{base}/notes",
    ]  # images, hidden files, lock files and binaries without extension are passed over
    assert all(isinstance(item, Source) for item in found)
    assert found[0].size == len(ARTICLE.encode())
    assert read_document(found[0]).title == TITLE


def test_names_keep_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    assert _names(list(iter_sources(["in"])))[0] == os.path.join("in", "a.txt")


def test_explicit_unsupported_file_is_reported(tmp_path: Path) -> None:
    photo = tmp_path / "photo.JPG"
    photo.write_bytes(b"\xff\xd8\xff")
    [problem] = list(iter_sources([photo]))
    assert isinstance(problem, SourceProblem)
    assert problem.reason.startswith("not an article file type (.jpg); supported:")
    assert ".txt" in problem.reason and ".zip" in problem.reason


def test_missing_path_is_reported(tmp_path: Path) -> None:
    assert list(iter_sources([tmp_path / "nope.txt"])) == [
        SourceProblem(str(tmp_path / "nope.txt"), "no such file or folder")
    ]


def test_symlink_loop_is_reported_once_and_files_come_once(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "sub" / "back").symlink_to(root, target_is_directory=True)
    (root / "again").symlink_to(root / "sub", target_is_directory=True)
    found = list(iter_sources([root]))
    problems = [item for item in found if isinstance(item, SourceProblem)]
    sources = [item for item in found if isinstance(item, Source)]
    assert len(problems) == 1 and "loops back" in problems[0].reason
    assert [Path(s.name).name for s in sources] == ["a.txt"]


def test_file_linked_into_a_folder_is_followed(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "link.txt").symlink_to(tmp_path / "real.txt")
    [source] = list(iter_sources([tmp_path / "in"]))
    assert read_document(source).title == TITLE  # type: ignore[arg-type]


def test_file_that_disappears_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [source] = list(iter_sources([path]))
    path.unlink()
    with pytest.raises(ReadError, match="the file disappeared before it could be read"):
        read_document(source)  # type: ignore[arg-type]


def test_unreadable_file_gives_a_read_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [source] = list(iter_sources([path]))

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(source_module, "open", denied, raising=False)
    with pytest.raises(ReadError, match="permission denied"):
        read_document(source)  # type: ignore[arg-type]


def test_200_mb_file_is_refused_by_size_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as stream:
        stream.truncate(200 * 1024 * 1024)  # sparse: no disk used, instant
    [source] = list(iter_sources([big]))
    assert source.size == 200 * 1024 * 1024  # type: ignore[union-attr]

    real_open = open

    class NoRead:
        def __init__(self, *args: object) -> None:
            self._file = real_open(*args)  # type: ignore[call-overload]

        def __enter__(self) -> NoRead:
            return self

        def __exit__(self, *exc: object) -> None:
            self._file.close()

        def fileno(self) -> int:
            return self._file.fileno()

        def read(self, *args: object) -> bytes:
            raise AssertionError("the whole file was read")

    monkeypatch.setattr(source_module, "open", NoRead, raising=False)
    with pytest.raises(ReadError) as err:
        read_document(source)  # type: ignore[arg-type]
    assert str(err.value) == "the file is 200 MB; articles larger than 20 MB are refused"
    assert MAX_FILE_BYTES == 20 * 1024 * 1024


def test_a_file_that_grows_after_its_size_was_read_is_read_whole_or_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "growing.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    real_fstat = os.fstat

    def seen_smaller(fd: int) -> os.stat_result:  # the file was 100 bytes when checked
        fields = list(real_fstat(fd))
        fields[6] = 100  # st_size
        return os.stat_result(fields)

    monkeypatch.setattr(source_module.os, "fstat", seen_smaller)
    assert source_module.read_file(path) == ARTICLE.encode("utf-8")
    monkeypatch.setattr(source_module, "MAX_FILE_BYTES", 200)
    with pytest.raises(ReadError, match="larger than"):
        source_module.read_file(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_reported_not_opened(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    [problem] = list(iter_sources([pipe]))
    assert isinstance(problem, SourceProblem) and "not a regular file" in problem.reason
    (tmp_path / "in").mkdir()
    os.mkfifo(tmp_path / "in" / "p.txt")
    assert list(iter_sources([tmp_path / "in"])) == []  # never blocks on the pipe
