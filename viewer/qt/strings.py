"""Every user-visible string of the window, in Vietnamese (first) and English.

A plain dict rather than Qt's .ts/.qm: nothing to compile, nothing to find at run time in a
PyInstaller bundle, and a missing key fails loudly in tests. The language is chosen once at
start-up (a change in the settings applies after a restart).
"""

from __future__ import annotations

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}

_language = "vi"

# key: (Vietnamese, English). Placeholders use str.format names.
STRINGS: dict[str, tuple[str, str]] = {
    # menus and actions
    "menu.file": ("&Tệp", "&File"),
    "menu.view": ("&Xem", "&View"),
    "menu.go": ("&Đi tới", "&Go"),
    "menu.help": ("Trợ &giúp", "&Help"),
    "menu.language": ("Ngôn ngữ", "Language"),
    "action.import_files": ("Nhập bài báo…", "Import articles…"),
    "action.import_folder": ("Nhập thư mục…", "Import folder…"),
    "action.open_archive": ("Mở kho lưu trữ…", "Open archive…"),
    "action.new_archive": ("Tạo kho lưu trữ mới…", "New archive…"),
    "action.export_csv": ("Xuất CSV…", "Export CSV…"),
    "action.export_json": ("Xuất JSON…", "Export JSON…"),
    "action.print": ("In…", "Print…"),
    "action.print_report": ("In báo cáo các chuyến đang lọc…", "Print report of filtered visits…"),
    "action.export_pdf": ("Xuất PDF…", "Export PDF…"),
    "action.quit": ("Thoát", "Quit"),
    "action.find": ("Tìm kiếm", "Search"),
    "action.next_visit": ("Chuyến tiếp theo", "Next visit"),
    "action.previous_visit": ("Chuyến trước", "Previous visit"),
    "action.clear_filters": ("Xóa mọi bộ lọc", "Clear all filters"),
    "action.default_province": ("Tỉnh mặc định khi nhập…", "Default province for imports…"),
    "action.about": ("Giới thiệu", "About"),
    "action.legend": ("Chú giải màu", "Highlight legend"),
    # timeline
    "timeline.month_header": ("Tháng {month}/{year} — {count} chuyến",
                              "{month}/{year} — {count} visits"),
    "timeline.undated_header": ("Không rõ ngày — {count} chuyến", "Date unknown — {count} visits"),
    "timeline.loading": ("Đang tải…", "Loading…"),
    "timeline.no_date": ("Không rõ ngày", "Date unknown"),
    "timeline.inferred": ("năm suy đoán", "year inferred"),
    "timeline.inferred_tip": (
        "Bài báo không ghi năm; năm của chuyến đi được suy đoán.",
        "The article gives no year; the visit's year was inferred.",
    ),
    "timeline.no_lead": ("(chưa rõ người dẫn đầu)", "(lead official unknown)"),
    "timeline.count": ("{count} chuyến", "{count} visits"),
    "time.sáng": ("Sáng", "Morning"),
    "time.trưa": ("Trưa", "Noon"),
    "time.chiều": ("Chiều", "Afternoon"),
    "time.tối": ("Tối", "Evening"),
    # empty states
    "empty.archive": ("Kéo thả bài báo vào đây để nhập", "Drop articles here to import them"),
    "empty.archive_hint": (
        "Tệp .txt, .html, .docx, thư mục hoặc tệp .zip — hoặc Tệp ▸ Nhập bài báo…",
        ".txt, .html, .docx files, folders or .zip files — or File ▸ Import articles…",
    ),
    "empty.no_match": ("Không có chuyến nào khớp bộ lọc.", "No visit matches the filters."),
    "empty.clear_link": ("Xóa bộ lọc", "Clear filters"),
    "empty.no_visit": ("Chọn một chuyến công tác bên trái để đọc bài báo.",
                       "Select a visit on the left to read its article."),
    # filters
    "filter.search_placeholder": (
        "Tìm trong bài báo (có dấu hoặc không dấu)…  Ctrl+F",
        "Search the articles (with or without tones)…  Ctrl+F",
    ),
    "filter.officials": ("Quan chức", "Officials"),
    "filter.communes": ("Xã, phường", "Communes"),
    "filter.topics": ("Chủ đề", "Topics"),
    "filter.dates": ("Thời gian", "Dates"),
    "filter.from": ("Từ", "From"),
    "filter.to": ("Đến", "To"),
    "filter.any": ("bất kỳ", "any"),
    "filter.facet_search": ("Lọc danh sách…", "Filter the list…"),
    "filter.text_chip": ("Tìm: “{text}”", "Search: “{text}”"),
    "filter.date_chip": ("Ngày: {start} – {end}", "Dates: {start} – {end}"),  # noqa: RUF001
    "filter.clear_all": ("Xóa tất cả", "Clear all"),
    "filter.remove_tip": ("Bỏ bộ lọc này", "Remove this filter"),
    "filter.unknown_province": ("(không rõ tỉnh)", "(province unknown)"),
    # chart
    "chart.tip": ("Tháng {month}: {count} chuyến\nNhấn để tới tháng này; kéo để lọc theo khoảng",
                  "{month}: {count} visits\nClick to jump to this month; drag to filter a range"),
    "chart.empty": ("Chưa có chuyến nào có ngày", "No dated visit yet"),
    "chart.name": ("Biểu đồ số chuyến theo tháng", "Visits per month chart"),
    "chart.month": ("Tháng {month}: {count} chuyến", "{month}: {count} visits"),
    "chart.keys": (
        "Mũi tên trái/phải để chọn tháng, Enter để tới tháng đó, Shift+mũi tên để lọc "
        "theo khoảng, Esc để bỏ lọc ngày",
        "Left/Right to choose a month, Enter to jump to it, Shift+arrows to filter a range, "
        "Esc to clear the dates",
    ),
    # article pane
    "article.visit_date": ("Ngày thăm", "Visit date"),
    "article.published": ("Ngày đăng", "Published"),
    "article.sources": ("Tệp nguồn", "Source files"),
    "article.unknown": ("không rõ", "unknown"),
    "facts.who": ("Người dẫn đầu", "Led by"),
    "facts.when": ("Thời gian", "When"),
    "facts.where": ("Địa bàn", "Where"),
    "facts.with": ("Cùng đi", "With"),
    "facts.sites": ("Nơi đến", "Sites"),
    "facts.organisations": ("Cơ quan", "Organisations"),
    "facts.topics": ("Chủ đề", "Topics"),
    "facts.difficulties": ("Khó khăn, vướng mắc", "Difficulties"),
    "facts.directives": ("Chỉ đạo", "Directives"),
    "facts.former": ("đơn vị cũ", "former unit"),
    "kind.official": ("Quan chức", "Official"),
    "kind.title": ("Chức danh", "Title"),
    "kind.commune": ("Xã, phường", "Commune"),
    "kind.former_unit": ("Đơn vị cũ", "Former unit"),
    "kind.province": ("Tỉnh", "Province"),
    "kind.organisation": ("Cơ quan", "Organisation"),
    "kind.site": ("Địa điểm", "Site"),
    "kind.topic": ("Chủ đề", "Topic"),
    "kind.date": ("Ngày", "Date"),
    "kind.directive": ("Câu chỉ đạo", "Directive"),
    "kind.difficulty": ("Khó khăn", "Difficulty"),
    "kind.caption": ("Chú thích ảnh", "Photo caption"),
    "kind.search": ("Kết quả tìm", "Search match"),
    "tip.click_to_filter": ("Nhấn để lọc theo mục này", "Click to filter by this"),
    "tip.gazetteer_code": ("mã {code}", "code {code}"),
    "tip.current": ("đơn vị hiện hành", "current unit"),
    "tip.titles": ("Chức danh trong chuyến này", "Titles in this visit"),
    # import
    "import.title": ("Nhập bài báo", "Import articles"),
    "import.progress": ("Đang nhập {done}/{total}…", "Importing {done}/{total}…"),
    "import.counting": ("Đang tìm tệp…", "Looking for files…"),
    "import.waiting": ("Một cửa sổ khác đang ghi vào kho này; đang chờ…",
                       "Another window is writing to this archive; waiting…"),
    "import.waiting_tip": (
        "Một cửa sổ (hoặc lệnh nhập) khác đang ghi vào cùng tệp kho. Việc nhập sẽ tự tiếp "
        "tục khi nó ghi xong; nhấn Hủy nếu không muốn chờ.",
        "Another window (or an import from the command line) is writing to the same "
        "archive file. This import goes on by itself when that one is done; Cancel to stop "
        "waiting.",
    ),
    "import.cancel": ("Hủy", "Cancel"),
    "import.busy": ("Đang nhập; hãy đợi xong rồi nhập tiếp.",
                    "An import is running; wait for it to finish."),
    "import.pick_files": ("Chọn bài báo để nhập", "Choose articles to import"),
    "import.pick_folder": ("Chọn thư mục để nhập", "Choose a folder to import"),
    "import.file_types": ("Bài báo (*.txt *.html *.htm *.docx *.zip);;Mọi tệp (*)",
                          "Articles (*.txt *.html *.htm *.docx *.zip);;All files (*)"),
    "import.failed": ("Không nhập được: {error}", "Import failed: {error}"),
    "report.title": ("Kết quả nhập", "Import report"),
    "report.summary": ("Đã nhập {imported}, trùng {duplicates}, lỗi {failed}.",
                       "{imported} imported, {duplicates} duplicates, {failed} failed."),
    "report.cancelled": ("Đã hủy giữa chừng; những tệp đã nhập vẫn được giữ.",
                         "Cancelled; the files imported so far are kept."),
    "report.status": ("Trạng thái", "Status"),
    "report.file": ("Tệp", "File"),
    "report.detail": ("Chi tiết", "Detail"),
    "report.imported": ("Đã nhập", "Imported"),
    "report.duplicate": ("Trùng", "Duplicate"),
    "report.failed": ("Lỗi", "Failed"),
    "report.copy": ("Sao chép", "Copy"),
    "report.close": ("Đóng", "Close"),
    # archive files and errors
    "archive.pick_open": ("Mở kho lưu trữ", "Open archive"),
    "archive.pick_new": ("Tạo kho lưu trữ mới", "New archive"),
    "archive.file_types": ("Kho lưu trữ (*.sqlite *.db);;Mọi tệp (*)",
                           "Archives (*.sqlite *.db);;All files (*)"),
    "archive.cannot_open": ("Không mở được kho lưu trữ", "The archive cannot be opened"),
    "archive.open_other": ("Mở kho khác…", "Open another…"),
    "archive.use_default": ("Dùng kho mặc định", "Use the default archive"),
    "archive.read_only": (
        "Kho này chỉ mở để đọc: không thể nhập thêm bài báo.",
        "This archive is open read-only: importing is disabled.",
    ),
    "archive.backup_made": ("Đã sao lưu kho cũ tại {path}",
                            "The old archive was backed up to {path}"),
    "archive.upgrading": (
        "Đang sao lưu rồi nâng cấp kho {name} cho phiên bản mới…\n"
        "Việc này chỉ làm một lần; kho rất lớn có thể mất vài phút.",
        "Backing up, then upgrading the archive {name} for this version…\n"
        "This happens once; a very large archive may take a few minutes.",
    ),
    "archive.upgrade_backup": ("Bước 1/2: sao lưu kho cũ",
                               "Step 1 of 2: backing up the old archive"),
    "archive.upgrade_rebuild": ("Bước 2/2: dựng lại chỉ mục tìm kiếm",
                                "Step 2 of 2: rebuilding the search index"),
    "export.running": ("Đang xuất {count} chuyến vào {path}…",
                       "Exporting {count} visits to {path}…"),
    "export.done": ("Đã xuất {count} chuyến vào {path}", "Exported {count} visits to {path}"),
    "export.failed": ("Không xuất được: {error}", "Export failed: {error}"),
    "export.nothing": ("Không có chuyến nào để xuất.", "There is no visit to export."),
    "print.missing": (
        "Chức năng in chưa có trong bản này.",
        "Printing is not available in this build.",
    ),
    "print.pdf_done": ("Đã ghi {path} ({pages} trang)", "Wrote {path} ({pages} pages)"),
    "print.too_many": ("Báo cáo có {count} chuyến; chỉ in {limit} chuyến đầu.",
                       "The report has {count} visits; only the first {limit} are printed."),
    # settings and about
    "settings.province_title": ("Tỉnh mặc định", "Default province"),
    "settings.province_label": (
        "Tỉnh của các xã khi bài báo không ghi tỉnh:",
        "Province of communes whose province the article does not name:",
    ),
    "settings.restart": ("Ngôn ngữ mới sẽ áp dụng khi mở lại chương trình.",
                         "The new language applies after a restart."),
    "about.title": ("Giới thiệu", "About"),
    "about.text": (
        "<b>{app}</b> {version}<br>Lưu trữ tin bài về các chuyến thăm, làm việc tại cơ sở."
        "<br><br>Kho: {path}<br>{articles} bài báo, {visits} chuyến công tác, "
        "{officials} quan chức, {communes} xã/phường<br>Từ {first} đến {last}"
        "<br>Phiên bản lược đồ: {schema}",
        "<b>{app}</b> {version}<br>An archive of news reports of officials' working visits."
        "<br><br>Archive: {path}<br>{articles} articles, {visits} visits, "
        "{officials} officials, {communes} communes<br>From {first} to {last}"
        "<br>Schema version: {schema}",
    ),
    "status.visits": ("{shown} / {total} chuyến", "{shown} / {total} visits"),
    "status.opened": ("Đã mở {path}", "Opened {path}"),
}


def set_language(language: str) -> None:
    global _language
    _language = language if language in LANGUAGES else "vi"


def language() -> str:
    return _language


def number(n: int) -> str:
    """`n` with its thousands grouped as the chosen language writes them: 100.000 chuyến,
    100,000 visits (unlike Python's "n" format, whatever the machine's locale)."""
    grouped = f"{n:,}"
    return grouped if _language == "en" else grouped.replace(",", ".")


def tr(key: str, **values: object) -> str:
    """The string `key` in the chosen language, with `values` filled in."""
    vi, en = STRINGS[key]
    text = en if _language == "en" else vi
    return text.format(**values) if values else text


# Qt's own words in its standard dialogs (message boxes' buttons, the file dialog when it is
# Qt's, the print preview, text fields' context menus), as (context, source text) in Qt 6.
# PySide6 ships no Vietnamese translation of Qt (no qtbase_vi.qm), so without these a
# Vietnamese window would show "OK", "Cancel" and "Look in:". The source texts are Qt's
# exactly (taken from the qtbase_*.qm files PySide6 ships and the widgets themselves: the
# file dialog's labels gained mnemonics in Qt 6, both forms are here); a text Qt changes is
# simply shown in English again, nothing breaks.
QT_VIETNAMESE: dict[tuple[str, str], str] = {
    # standard buttons: QMessageBox, QDialogButtonBox, QInputDialog, the About box
    ("QPlatformTheme", "OK"): "Đồng ý",
    ("QPlatformTheme", "Save"): "Lưu",
    ("QPlatformTheme", "Save All"): "Lưu tất cả",
    ("QPlatformTheme", "Open"): "Mở",
    ("QPlatformTheme", "&Yes"): "&Có",
    ("QPlatformTheme", "Yes to &All"): "Có với &tất cả",
    ("QPlatformTheme", "&No"): "&Không",
    ("QPlatformTheme", "N&o to All"): "K&hông với tất cả",
    ("QPlatformTheme", "Abort"): "Bỏ dở",
    ("QPlatformTheme", "Retry"): "Thử lại",
    ("QPlatformTheme", "Ignore"): "Bỏ qua",
    ("QPlatformTheme", "Close"): "Đóng",
    ("QPlatformTheme", "Cancel"): "Hủy",
    ("QPlatformTheme", "Discard"): "Bỏ",
    ("QPlatformTheme", "Help"): "Trợ giúp",
    ("QPlatformTheme", "Apply"): "Áp dụng",
    ("QPlatformTheme", "Reset"): "Đặt lại",
    ("QPlatformTheme", "Restore Defaults"): "Khôi phục mặc định",
    ("QDialogButtonBox", "OK"): "Đồng ý",
    ("QMessageBox", "Show Details..."): "Xem chi tiết…",
    ("QMessageBox", "Hide Details..."): "Ẩn chi tiết…",
    ("QInputDialog", "Enter a value:"): "Nhập giá trị:",
    # Qt's own file dialog (used where the desktop offers none)
    ("QFileDialog", "&Look in:"): "Tìm tr&ong:",
    ("QFileDialog", "Look in:"): "Tìm trong:",
    ("QFileDialog", "File &name:"): "&Tên tệp:",
    ("QFileDialog", "Files of &type:"): "&Loại tệp:",
    ("QFileDialog", "Files of type:"): "Loại tệp:",
    ("QFileDialog", "Directory:"): "Thư mục:",
    ("QFileDialog", "&Open"): "&Mở",
    ("QFileDialog", "&Save"): "&Lưu",
    ("QFileDialog", "&Choose"): "&Chọn",
    ("QFileDialog", "Open"): "Mở",
    ("QFileDialog", "Save As"): "Lưu thành",
    ("QFileDialog", "Find Directory"): "Chọn thư mục",
    ("QFileDialog", "Back"): "Lùi",
    ("QFileDialog", "Forward"): "Tiến",
    ("QFileDialog", "Parent Directory"): "Thư mục cha",
    ("QFileDialog", "Go back"): "Quay lại",
    ("QFileDialog", "Go forward"): "Đi tiếp",
    ("QFileDialog", "Go to the parent directory"): "Lên thư mục cha",
    ("QFileDialog", "Create New Folder"): "Tạo thư mục mới",
    ("QFileDialog", "Create a New Folder"): "Tạo một thư mục mới",
    ("QFileDialog", "List View"): "Dạng danh sách",
    ("QFileDialog", "Detail View"): "Dạng chi tiết",
    ("QFileDialog", "Change to list view mode"): "Xem dạng danh sách",
    ("QFileDialog", "Change to detail view mode"): "Xem dạng chi tiết",
    ("QFileDialog", "New Folder"): "Thư mục mới",
    ("QFileDialog", "&New Folder"): "Thư mục &mới",
    ("QFileDialog", "&Rename"): "Đổi &tên",
    ("QFileDialog", "&Delete"): "&Xóa",
    ("QFileDialog", "Delete"): "Xóa",
    ("QFileDialog", "Remove"): "Bỏ",
    ("QFileDialog", "Show &hidden files"): "Hiện tệp ẩ&n",
    ("QFileDialog", "Recent Places"): "Nơi mở gần đây",
    ("QFileDialog", "My Computer"): "Máy tính",
    ("QFileDialog", "Sidebar"): "Thanh bên",
    ("QFileDialog", "List of places and bookmarks"): "Các nơi và dấu trang",
    ("QFileDialog", "Directories"): "Thư mục",
    ("QFileDialog", "Files"): "Tệp",
    ("QFileDialog", "All Files (*)"): "Mọi tệp (*)",
    ("QFileDialog", "All files (*)"): "Mọi tệp (*)",
    ("QFileDialog", "%1 already exists.\nDo you want to replace it?"):
        "%1 đã có.\nBạn có muốn thay thế tệp đó không?",
    ("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."):
        "%1\nKhông tìm thấy tệp.\nHãy kiểm tra lại tên tệp.",
    ("QFileDialog",
     "%1\nDirectory not found.\nPlease verify the correct directory name was given."):
        "%1\nKhông tìm thấy thư mục.\nHãy kiểm tra lại tên thư mục.",
    ("QFileDialog", "Are you sure you want to delete '%1'?"): "Bạn có chắc muốn xóa “%1”?",
    ("QFileSystemModel", "Name"): "Tên",
    ("QFileSystemModel", "Size"): "Kích thước",
    ("QFileSystemModel", "Type"): "Loại",
    ("QFileSystemModel", "Kind"): "Loại",
    ("QFileSystemModel", "Date Modified"): "Ngày sửa",
    ("QFileSystemModel", "Computer"): "Máy tính",
    ("QFileSystemModel", "My Computer"): "Máy tính",
    # the print preview
    ("QPrintPreviewDialog", "Print Preview"): "Xem trước khi in",
    ("QPrintPreviewDialog", "Print"): "In",
    ("QPrintPreviewDialog", "Page setup"): "Thiết lập trang",
    ("QPrintPreviewDialog", "Page Setup"): "Thiết lập trang",
    ("QPrintPreviewDialog", "Export to PDF"): "Xuất PDF",
    ("QPrintPreviewDialog", "First page"): "Trang đầu",
    ("QPrintPreviewDialog", "Previous page"): "Trang trước",
    ("QPrintPreviewDialog", "Next page"): "Trang sau",
    ("QPrintPreviewDialog", "Last page"): "Trang cuối",
    ("QPrintPreviewDialog", "Fit width"): "Vừa chiều rộng",
    ("QPrintPreviewDialog", "Fit page"): "Vừa trang",
    ("QPrintPreviewDialog", "Zoom in"): "Phóng to",
    ("QPrintPreviewDialog", "Zoom out"): "Thu nhỏ",
    ("QPrintPreviewDialog", "Portrait"): "Trang dọc",
    ("QPrintPreviewDialog", "Landscape"): "Trang ngang",
    ("QPrintPreviewDialog", "Show single page"): "Từng trang",
    ("QPrintPreviewDialog", "Show facing pages"): "Hai trang đối diện",
    ("QPrintPreviewDialog", "Show overview of all pages"): "Xem mọi trang",
    ("QPrintDialog", "Print"): "In",
    ("QPrintDialog", "&Print"): "&In",
    ("QPrintDialog", "All Pages"): "Mọi trang",
    ("QPrintDialog", "Odd Pages"): "Trang lẻ",
    ("QPrintDialog", "Even Pages"): "Trang chẵn",
    ("QPrintDialog", "Print to File (PDF)"): "In ra tệp (PDF)",
    ("QPrintDialog", "Local file"): "Tệp trên máy",
    ("QPrintDialog", "Write PDF file"): "Ghi tệp PDF",
    ("QPrintDialog", "&Options >>"): "&Tùy chọn >>",
    ("QPrintDialog", "&Options <<"): "&Tùy chọn <<",
    # context menus of text fields (the search box, the article)
    **{(context, source): vietnamese
       for context in ("QLineEdit", "QWidgetTextControl")
       for source, vietnamese in (("&Undo", "&Hoàn tác"), ("&Redo", "&Làm lại"),
                                  ("Cu&t", "&Cắt"), ("&Copy", "&Sao chép"),
                                  ("&Paste", "&Dán"), ("Delete", "Xóa"),
                                  ("Select All", "Chọn tất cả"))},
    ("QWidgetTextControl", "Copy &Link Location"): "Sao chép địa chỉ &liên kết",
}
