"""Import reasons in Vietnamese, for a window whose users read Vietnamese first.

The readers and the importer word their reasons in English (the command line, the logs
and the tests read those). The window shows them through `in_vietnamese`, which matches a
reason against the templates below; whatever fills a `{placeholder}` (a file name, a
size, an encoding) is carried over as it is. tests/test_reasons.py fails when a reader
gains a reason this table does not know.
"""

from __future__ import annotations

import functools
import re

# A table: each English reason, then its Vietnamese under it, to be read and checked by eye.
# fmt: off
VIETNAMESE: dict[str, str] = {
    # Reading a file
    "the file is empty": "tệp trống",
    "the file could not be read": "không đọc được tệp",
    "the file could not be read ({why})": "không đọc được tệp ({why})",
    "the file disappeared before it could be read": "tệp đã biến mất trước khi kịp đọc",
    "permission denied: the file cannot be read": "không có quyền đọc tệp",
    "this is a folder, not a file": "đây là thư mục, không phải tệp",
    "not a regular file (a device, pipe or socket)":
        "không phải tệp thông thường (thiết bị, đường ống hoặc socket)",
    "it could not be opened ({why})": "không mở được ({why})",
    "the folder could not be opened ({why})": "không mở được thư mục ({why})",
    "this folder link loops back to a folder that holds it; skipped":
        "liên kết thư mục này trỏ ngược về thư mục chứa nó; đã bỏ qua",
    "the file is {size}; articles larger than {limit} are refused":
        "tệp nặng {size}; không nhận bài báo lớn hơn {limit}",
    "the file is too large to read": "tệp quá lớn, không đọc được",
    "not an article file type ({suffix}); supported: {supported}":
        "không phải loại tệp bài báo ({suffix}); các loại được hỗ trợ: {supported}",
    "this is a zip archive, not an article: import it to read the files in it":
        "đây là tệp nén zip, không phải bài báo: hãy nhập nó để đọc các tệp bên trong",
    "this looks like a binary file ({kind}), not an article":
        "tệp này có vẻ là tệp nhị phân ({kind}), không phải bài báo",
    "this looks like a binary file (it holds NUL characters), not an article":
        "tệp này có vẻ là tệp nhị phân (chứa ký tự NUL), không phải bài báo",
    # Encodings
    "the text is not UTF-8 and does not read as Vietnamese in Windows-1258, TCVN3 or VNI":
        "văn bản không phải UTF-8 và không đọc ra tiếng Việt theo Windows-1258, TCVN3 hay VNI",
    "the text is not UTF-8 and does not read as Vietnamese in Windows-1258, TCVN3 or VNI"
    " (it may be {language})":
        "văn bản không phải UTF-8 và không đọc ra tiếng Việt theo Windows-1258, TCVN3 hay VNI"
        " (có thể là {language})",
    "the text looks like {encoding}-encoded Vietnamese stored as Unicode, but it could not "
    "be converted reliably":
        "văn bản có vẻ là tiếng Việt mã {encoding} bị lưu như Unicode, nhưng không chuyển đổi "
        "được một cách chắc chắn",
    "the text looks garbled (it shows “á»” or “Ã” where letters belong)":
        "văn bản có vẻ bị lỗi phông (hiện “á»” hoặc “Ã” thay cho chữ)",
    "the text could be {encodings}; the encoding cannot be told reliably":
        "văn bản có thể là {encodings}; không xác định chắc chắn được bảng mã",
    "the text looks like the {encoding} encoding, but it could not be converted reliably":
        "văn bản có vẻ dùng bảng mã {encoding}, nhưng không chuyển đổi được một cách chắc chắn",
    "the text looks like the {encoding} encoding, but it holds bytes that encoding does not "
    "have": "văn bản có vẻ dùng bảng mã {encoding}, nhưng chứa byte mà bảng mã đó không có",
    "the text is marked as {encoding} but is damaged": "văn bản ghi là {encoding} nhưng bị hỏng",
    # Web pages and Word documents
    "no article text was found in the web page": "không tìm thấy nội dung bài báo trong trang web",
    "the file is named .docx but is not a Word document":
        "tệp mang đuôi .docx nhưng không phải văn bản Word",
    "the Word document unpacks to {size}; more than {limit} is refused":
        "văn bản Word giải nén ra {size}; không nhận quá {limit}",
    "the Word document is damaged and could not be opened": "văn bản Word bị hỏng, không mở được",
    "this is an old Word .doc file or a password-protected .docx; save it as .docx without a "
    "password":
        "đây là tệp Word .doc cũ hoặc .docx có mật khẩu; hãy lưu lại thành .docx không mật khẩu",
    # Zip archives
    "zips nested more than {depth} deep are not opened":
        "không mở tệp zip lồng sâu quá {depth} lớp",
    "the file is password-protected": "tệp được đặt mật khẩu",
    "the file is compressed with a method this program cannot read":
        "tệp được nén theo cách chương trình không đọc được",
    "the file is damaged in the zip and could not be unpacked":
        "tệp trong zip bị hỏng, không giải nén được",
    "the zip file is damaged and could not be opened": "tệp zip bị hỏng, không mở được",
    "the zip holds more than {count} files": "tệp zip chứa hơn {count} tệp",
    "the zip file disappeared before it could be read": "tệp zip đã biến mất trước khi kịp đọc",
    "unsafe path in the zip": "đường dẫn không an toàn trong tệp zip",
    "the zip unpacks to more than {size}; the remaining files were skipped":
        "tệp zip giải nén ra hơn {size}; các tệp còn lại đã bị bỏ qua",
    "compressed suspiciously well (a zip bomb?)": "nén tốt một cách đáng ngờ (bom zip?)",
    "the zip holds more data than it declares (damaged or forged)":
        "tệp zip chứa nhiều dữ liệu hơn khai báo (bị hỏng hoặc giả mạo)",
    # The archive
    "same file as “{title}” ({file})": "trùng tệp với “{title}” ({file})",
    "same article as “{title}” ({file})": "trùng bài với “{title}” ({file})",
    "could not be stored: {error}": "không lưu được: {error}",
    "internal error while reading: {error}": "lỗi nội bộ khi đọc: {error}",
}
# fmt: on

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@functools.cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    patterns = []
    for english, vietnamese in VIETNAMESE.items():
        parts = _PLACEHOLDER.split(english)  # literal, name, literal, name, …
        regex = "".join(
            f"(?P<{part}>.+?)" if index % 2 else re.escape(part) for index, part in enumerate(parts)
        )
        patterns.append((re.compile(f"^{regex}$", re.DOTALL), vietnamese))
    # Longer templates first, so "… VNI (it may be X)" wins over its shorter prefix form.
    return sorted(patterns, key=lambda p: -len(p[0].pattern))


def in_vietnamese(reason: str) -> str:
    """`reason` in Vietnamese when the table knows it, else as it was."""
    for pattern, vietnamese in _patterns():
        found = pattern.match(reason)
        if found:
            return vietnamese.format(**found.groupdict())
    return reason


def known(reason: str) -> bool:
    return any(pattern.match(reason) for pattern, _ in _patterns())
