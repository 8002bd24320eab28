"""Helpers for the reader tests: Vietnamese sample text and its legacy-encoded bytes."""

from __future__ import annotations

import unicodedata

from viewer.core.readers.legacy import TCVN3_TABLE, VNI_LETTERS, VNI_MARKS

# New sentences in the genre of the seeds (a working visit to two communes).
TITLE = "Chủ tịch UBND tỉnh Lê Văn Thành thăm, làm việc tại xã Quảng Phú và Hoằng Lộc"
PARAGRAPHS = [
    "Sáng 15/3, đồng chí Lê Văn Thành, Chủ tịch UBND tỉnh đã đến thăm, kiểm tra tình hình "
    "sản xuất nông nghiệp và làm việc với lãnh đạo chủ chốt hai xã Quảng Phú, Hoằng Lộc.",
    "Cùng đi có lãnh đạo Sở Nông nghiệp và Môi trường, Sở Xây dựng, Văn phòng UBND tỉnh.",
    "Tại buổi làm việc, lãnh đạo xã báo cáo kết quả thu ngân sách, chuyển đổi số và cải "
    "cách hành chính trong những tháng đầu năm; nêu một số khó khăn về giải phóng mặt bằng.",
    "Phát biểu chỉ đạo, đồng chí Chủ tịch UBND tỉnh đề nghị hai xã tập trung rà soát quy "
    "hoạch, đẩy nhanh tiến độ các dự án hạ tầng giao thông, chăm lo đời sống của người dân.",
]
BODY = "\n\n".join(PARAGRAPHS)
ARTICLE = f"{TITLE}\n\n{BODY}\n"

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: precomposed vowels, separate combining tone marks."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in decomposed if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def to_tcvn3(text: str) -> bytes:
    """TCVN3 bytes; upper-case toned letters become lower-case, as in an ABC text file."""
    reverse = {ch: bytes([i]) for i, ch in enumerate(TCVN3_TABLE) if i >= 0xA1}
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in reverse:
            out += reverse[char]
        elif char.lower() in reverse:
            out += reverse[char.lower()]
        else:
            out += char.encode("cp1252")
    return bytes(out)


def to_vni(text: str) -> bytes:
    """VNI Windows bytes: base letter followed by a mark byte."""
    letters = {ch: bytes([b]) for b, ch in VNI_LETTERS.items()}
    # Each mark has a lower-case byte (0xE0-0xFC) and an upper-case one (0xC0-0xDC).
    upper_marks = {m: b for b, m in sorted(VNI_MARKS.items(), reverse=True)}
    lower_marks = {m: b for b, m in sorted(VNI_MARKS.items())}
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in letters:
            out += letters[char]
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base, mark_chars = decomposed[0], decomposed[1:]
        if not mark_chars:
            out += char.encode("cp1252")
            continue
        # VNI writes ơ/ư as one byte and puts the tone after it.
        if "\u031b" in mark_chars:
            horned = unicodedata.normalize("NFC", base + "\u031b")
            out += letters[horned]
            mark_chars = mark_chars.replace("\u031b", "")
        else:
            out += base.encode("ascii")
        if mark_chars:
            # Vowel mark (circumflex/breve) first, then the tone, as the chart lists them.
            ordered = "".join(sorted(mark_chars, key=lambda m: m in _TONES))
            table = upper_marks if base.isupper() else lower_marks
            out.append(table[ordered])
    return bytes(out)


def news_page(
    title: str = TITLE,
    paragraphs: list[str] = PARAGRAPHS,
    charset: str | None = "utf-8",
    published: str | None = "2025-03-15T09:30:00+07:00",
) -> str:
    """A web page as a provincial newspaper serves it: menus, scripts, an iframe, a form,
    related articles and comments around the article itself."""
    meta_charset = f'<meta charset="{charset}">' if charset else ""
    meta_date = (
        f'<meta property="article:published_time" content="{published}">' if published else ""
    )
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
{meta_charset}
<title>{title} - Báo Tin Tỉnh</title>
<meta property="og:title" content="{title}">
{meta_date}
<link rel="stylesheet" href="https://cdn.example.invalid/site.css">
<script src="https://cdn.example.invalid/tracker.js"></script>
<script>document.write("Quảng cáo chèn bởi script");</script>
</head>
<body>
<header>
  <nav class="menu"><ul>
    <li><a href="/thoi-su">Thời sự</a></li><li><a href="/kinh-te">Kinh tế</a></li>
    <li><a href="/xa-hoi">Xã hội</a></li><li><a href="/the-thao">Thể thao</a></li>
  </ul></nav>
  <form action="/tim-kiem"><input name="q" placeholder="Tìm kiếm"><button>Tìm</button></form>
</header>
<main>
<article class="detail">
  <h1 class="title">{title}</h1>
  <div class="meta">Cập nhật: 15/03/2025 09:30</div>
  <div class="content">
{body}
  <img src="https://img.example.invalid/anh-dai-dien.jpg" alt="Ảnh đoàn công tác">
  </div>
</article>
<iframe src="https://video.example.invalid/embed/123" width="560" height="315"></iframe>
<section class="related"><h3>Tin liên quan</h3><ul>
  <li><a href="/a1">Hội nghị triển khai nhiệm vụ năm mới tại xã Đông Sơn</a></li>
  <li><a href="/a2">Khánh thành cầu dân sinh ở xã Nga Sơn</a></li>
  <li><a href="/a3">Kiểm tra tiến độ dự án đường ven biển</a></li>
</ul></section>
<section id="comments" class="comments"><h3>Bình luận</h3>
  <div class="comment"><b>Bạn đọc Minh</b>
    <p>Bài viết rất hay, cảm ơn tòa soạn đã đưa tin kịp thời.</p></div>
  <form class="comment-form"><textarea name="c"></textarea><button>Gửi bình luận</button></form>
</section>
</main>
<footer><p>Bản quyền thuộc về Báo Tin Tỉnh. Giấy phép số 123/GP-BTTTT.</p></footer>
<script>window.dataLayer = [];</script>
</body>
</html>
"""
