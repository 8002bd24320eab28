"""Sentences worth quoting: the leader's directives, the difficulties reported, photo captions."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from viewer.core.model import MentionKind, Statement

from .article import Article, Block
from .collect import Collector
from .patterns import Phrases, phrases_regex


def _words(*phrases: str) -> Phrases:
    """Whole-word phrases, any case, in the fast form (see `patterns.Phrases`)."""
    return phrases_regex(phrases)


_DIRECTIVE = _words(
    "đề nghị", "yêu cầu", "nhấn mạnh", "chỉ đạo", "lưu ý", "quán triệt", "giao nhiệm vụ", "cần",
    "phải", "khẳng định", "chỉ rõ", "mong muốn",
)
# "đáp ứng yêu cầu", "đạt yêu cầu" describe, they do not instruct; "phát biểu chỉ đạo" names
# the speech (and is the usual photo caption), the instructions come in its sentences.
# Written in lower case: matched in `Article.low` (re.IGNORECASE is several times slower).
_NOT_DIRECTIVE = re.compile(r"(?:đáp\s+ứng(?:\s+được)?|đạt|theo|chưa\s+đạt|đúng|phát\s+biểu)\s+$")
# The words a `_NOT_DIRECTIVE` match ends with: checked first, far cheaper than its scan.
_NOT_DIRECTIVE_LAST = ("ứng", "được", "đạt", "theo", "đúng", "biểu")
_SPEAKER = _words("đồng chí", "ông", "bà")
_SPEECH = re.compile(r"phát\s+biểu\s+(?:chỉ\s+đạo|kết\s+luận)|kết\s+luận\s+buổi")  # lower case
_NARRATIVE_START = re.compile(
    r"^(?:Trước\s+đó|Tiếp\s+đó|Sau\s+đó|Tiếp\s+theo|Tại\s+(?:hội\s+nghị|buổi)|Thực\s+hiện|Theo"
    r"|Trước\s+khi|Sau\s+khi|Làm\s+việc\s+với|Dịp\s+này|Cùng\s+ngày|Trong\s+chuyến|Báo\s+cáo"
    r"|Qua\s+kiểm\s+tra|Tham\s+gia|Cùng\s+tham\s+gia|Cùng\s+đi|Sáng|Chiều|Trưa|Tối|Ngày)(?!\w)",
    re.I,
)
_PAST = _words("đã")
_DIFFICULTY = _words("khó khăn", "vướng mắc", "hạn chế", "tồn tại", "bất cập", "yếu kém")
_DIFFICULTY_INTRO = re.compile(  # lower case
    r"tuy\s+nhiên|vẫn\s+còn|còn\s+(?:gặp|một\s+số)|như\s*:|như\s+sau|một\s+số\s+(?:khó|hạn)"
)
# Phrases that report a problem on their own, without "Tuy nhiên" or "như:" before them:
# "… triển khai chậm do vướng mắc quy hoạch", "… còn thiếu", "chưa đáp ứng yêu cầu".
_PROBLEM = _words(
    "vướng mắc", "bất cập", "yếu kém", "còn hạn chế", "còn thiếu", "còn nhiều khó khăn",
    "khó khăn lớn nhất", "khó khăn nhất", "chưa đáp ứng", "chậm tiến độ", "triển khai chậm",
    "xuống cấp", "chưa được xử lý", "chưa được giải quyết", "chưa được di dời",
    "chưa được sửa chữa", "chưa được khắc phục", "chưa được đầu tư",
)
# A problem being solved or answered is news of progress, not a difficulty (lower case).
_SOLVING = re.compile(
    r"tháo\s+gỡ|giải\s+quyết|giải\s+đáp|khắc\s+phục|vượt\s+qua|hỗ\s+trợ|làm\s+rõ|phân\s+tích"
)
_CAPTION_VERB = _words(
    "thăm", "kiểm tra", "khảo sát", "phát biểu", "làm việc", "tham dự", "dự", "trao", "tặng",
    "hỏi thăm", "chứng kiến", "động viên", "trò chuyện", "tham quan", "nghe", "chụp ảnh",
    # Ceremonies and meetings photographed on such visits.
    "dâng hương", "dâng hoa", "thắp hương", "đánh trống", "cắt băng", "gắn biển", "trồng cây",
    "tiếp xúc", "thị sát",
)
_FUTURE = _words("sẽ")  # a photo shows what happens, not what will
# "Phát biểu kết luận, đồng chí … biểu dương …": the speech begins, no photo is described.
_SPEECH_OPENING = re.compile(r"^(?:Phát\s+biểu|Kết\s+luận)[^,.]{0,40},", re.I)
_CAPTION_START = re.compile(r"^(?:Quang\s+cảnh|Toàn\s+cảnh|Ảnh|Các\s+đại\s+biểu)(?!\w)", re.I)
_CONNECTIVE = re.compile(r"^[^,]{0,40}\b(?:đó|khi|đây|ra|nhiên|này|cạnh)\s*,", re.I)
_MAX_CAPTION_WORDS = 45  # full titles make captions long: "Đồng chí Phó Bí thư Thường trực …"
_MAX_CAPTION_COMMAS = 2


def is_caption(article: Article, paragraph: Block, sentences: list[Block]) -> bool:
    """A short stand-alone paragraph describing a photo: one clause, present-tense action."""
    if paragraph.paragraph == 0 or len(sentences) != 1:
        return False  # the lead, or more than one sentence
    text = article.canon[paragraph.start : paragraph.end]
    if ";" in text or ":" in text or text.count(",") > _MAX_CAPTION_COMMAS:
        return False
    # More words than a caption has? (No need to split them all, nor any when the paragraph
    # is too short to hold that many: each word takes a letter and a space.)
    many = 2 * _MAX_CAPTION_WORDS + 1
    if len(text) >= many and len(text.split(maxsplit=_MAX_CAPTION_WORDS)) > _MAX_CAPTION_WORDS:
        return False
    start, end = paragraph.start, paragraph.end
    if article.search(_PAST, start, end) or ("," in text and _CONNECTIVE.match(text)):
        return False
    if article.search(_FUTURE, start, end):
        return False
    if _NARRATIVE_START.match(text) or _SPEECH_OPENING.match(text):
        return False
    if _has_directive(article, start, end):
        return False
    if _CAPTION_START.match(text):
        return True
    return bool(article.search(_CAPTION_VERB, start, end)) and text[0].isupper()


def _directives(article: Article, start: int, end: int) -> Iterator[int]:
    """Where each directive verb in [start, end) starts ("đáp ứng yêu cầu" is none)."""
    for m in article.finditer(_DIRECTIVE, start, end):
        before = article.lower(start, m.start())
        if not (
            before.rstrip().endswith(_NOT_DIRECTIVE_LAST) and _NOT_DIRECTIVE.search(before)
        ):
            yield m.start()


def _has_directive(article: Article, start: int, end: int) -> bool:
    return next(_directives(article, start, end), None) is not None


def _directive_after_speaker(
    article: Article, start: int, end: int, verbs: list[int], official_offsets: list[int]
) -> bool:
    """A directive verb (of `verbs`, those of the sentence) with an official (đồng chí, a
    title or a name) before it."""
    i = bisect.bisect_left(official_offsets, start)  # the first official in the sentence
    first_official = official_offsets[i] if i < len(official_offsets) else end
    return any(first_official < verb or article.search(_SPEAKER, start, verb) for verb in verbs)


def _speech_begins(article: Article, start: int, end: int) -> bool:
    """The sentence opens the leader's speech ("phát biểu chỉ đạo", "kết luận buổi …")."""
    text = article.lower(start, end)
    # Its first words are looked for first: `str` finds them many times faster than the
    # regex scans a sentence, and most sentences have neither.
    return ("phát" in text or "kết" in text) and bool(_SPEECH.search(text))


def find_statements(
    article: Article, official_offsets: list[int], out: Collector
) -> list[Statement]:
    """Captions, difficulties and directives, in article order."""
    statements: list[Statement] = []
    by_paragraph: dict[int, list[Block]] = {}
    for sentence in article.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)

    def emit(kind: MentionKind, block: Block) -> None:
        raw = article.raw[block.start : block.end]
        statements.append(Statement(kind, block.start, block.end, raw))
        out.add(kind, block.start, block.end)

    in_speech = False
    for paragraph in article.paragraphs:
        sentences = by_paragraph.get(paragraph.paragraph, [])
        if is_caption(article, paragraph, sentences):
            emit(MentionKind.CAPTION, paragraph)
            continue
        difficulty_from = next(
            (i for i, s in enumerate(sentences) if _is_difficulty(article, s.start, s.end)), None
        )
        if difficulty_from is not None:
            for sentence in sentences[difficulty_from:]:
                emit(MentionKind.DIFFICULTY, sentence)
            sentences = sentences[:difficulty_from]
            in_speech = False
        # Before the leader speaks, a report sentence that names a problem is a difficulty.
        problems = (
            set()
            if in_speech
            else {s for s in sentences if _states_problem(article, s.start, s.end)}
        )
        continuing = in_speech and not (
            _NARRATIVE_START.match(article.canon[paragraph.start : paragraph.end])
            or article.search(_PAST, paragraph.start, paragraph.end)
        )
        in_speech = continuing
        for sentence in sentences:
            if sentence in problems:
                emit(MentionKind.DIFFICULTY, sentence)
                continue
            s, e = sentence.start, sentence.end
            # Found once for the two questions below (the speaker's and the speech's).
            verbs = list(_directives(article, s, e))
            speaker = _directive_after_speaker(article, s, e, verbs, official_offsets)
            if speaker or _speech_begins(article, s, e):
                in_speech = True
            if continuing or speaker or (in_speech and verbs):
                emit(MentionKind.DIRECTIVE, sentence)
    return statements


def _states_problem(article: Article, start: int, end: int) -> bool:
    problem = article.search(_PROBLEM, start, end)
    if problem is None or _has_directive(article, start, end):
        return False
    if _speech_begins(article, start, end):
        return False  # the leader's speech begins here: its sentences are directives
    return not _SOLVING.search(article.lower(start, problem.start()))


def _is_difficulty(article: Article, start: int, end: int) -> bool:
    if not article.search(_DIFFICULTY, start, end):
        return False
    if not _DIFFICULTY_INTRO.search(article.lower(start, end)):
        return False
    return not (article.search(_SPEAKER, start, end) and _has_directive(article, start, end))
