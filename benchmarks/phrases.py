"""Vietnamese phrase banks the synthetic article generator composes articles from.

Written from the genre (see /work/shared/DOMAIN.md and the seed articles), independently
of the extractor's vocabulary, so the benchmark does not only test words the extractor
already knows. `{commune}` / `{communes}` / `{lead}` / `{short}` are filled per article.
"""

from __future__ import annotations

FAMILY_NAMES = (
    ("Nguyễn", 30),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 4),
    ("Phan", 4),
    ("Vũ", 4),
    ("Võ", 3),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 2),
    ("Ngô", 2),
    ("Dương", 1),
    ("Lý", 1),
    ("Mai", 1),
    ("Đào", 1),
    ("Trịnh", 1),
    ("Lương", 1),
    ("Đinh", 1),
    ("Trương", 1),
    ("Cao", 1),
    ("Lò", 0.5),
    ("Hà", 0.5),
    ("Thiều", 0.3),
)
MALE_MIDDLE = (
    "Văn",
    "Hữu",
    "Đức",
    "Minh",
    "Quang",
    "Xuân",
    "Hồng",
    "Thanh",
    "Ngọc",
    "Đình",
    "Công",
    "Tiến",
    "Mạnh",
    "Trọng",
    "Anh",
    "Bá",
    "Duy",
    "Khắc",
    "Thế",
    "Viết",
)
MALE_GIVEN = (
    "Hùng",
    "Phong",
    "Tuấn",
    "Liêm",
    "Dũng",
    "Hải",
    "Sơn",
    "Thắng",
    "Cường",
    "Long",
    "Bình",
    "Hòa",
    "Khoa",
    "Lâm",
    "Nam",
    "Quyết",
    "Thành",
    "Trung",
    "Việt",
    "Vinh",
    "Đạt",
    "Hiếu",
    "Kiên",
    "Lợi",
    "Toàn",
    "Tùng",
    "Huy",
    "Quân",
    "Thuận",
    "Hưng",
    "Chiến",
    "Thủy",
    "Tiến",
    "Khánh",
    "Lực",
    "Phúc",
    "Tài",
    "Thịnh",
    "Hoàn",
    "Uy",
)
FEMALE_MIDDLE = ("Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Thúy", "Kim")
FEMALE_GIVEN = (
    "Toán",
    "Hà",
    "Lan",
    "Hương",
    "Hạnh",
    "Hoa",
    "Huyền",
    "Mai",
    "Nga",
    "Ngân",
    "Phương",
    "Thảo",
    "Thủy",
    "Trang",
    "Vân",
    "Yến",
    "Hòa",
    "Loan",
    "Quyên",
    "Oanh",
)

# (title pattern, lead weight, how many holders). {pc} = Tỉnh ủy / Thành ủy, {pu} = tỉnh /
# thành phố. A lead weight of 0 means the official only travels in delegations.
PROVINCIAL_TITLES = (
    ("Bí thư {pc}", 3.0, 1),
    ("Phó Bí thư Thường trực {pc}", 3.0, 1),
    ("Phó Bí thư {pc}, Chủ tịch UBND {pu}", 3.0, 1),
    ("Phó Bí thư {pc}, Chủ tịch HĐND {pu}", 1.2, 1),
    ("Ủy viên Ban Thường vụ {pc}, Phó Chủ tịch Thường trực UBND {pu}", 2.0, 1),
    ("Phó Chủ tịch UBND {pu}", 1.4, 3),
    ("Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức {pc}", 0.8, 1),
    ("Trưởng Ban Tuyên giáo và Dân vận {pc}", 0.6, 1),
    ("Chủ tịch Ủy ban MTTQ Việt Nam {pu}", 0.4, 1),
    ("Phó Chủ tịch HĐND {pu}", 0.4, 2),
    ("Trưởng Đoàn ĐBQH {pu}", 0.3, 1),
    ("Chủ nhiệm Ủy ban Kiểm tra {pc}", 0.2, 1),
    ("Phó Trưởng Ban Tổ chức {pc}", 0.0, 1),
    ("Chánh Văn phòng {pc}", 0.0, 1),
    ("Chánh Văn phòng UBND {pu}", 0.0, 1),
    ("Giám đốc Sở Tài chính", 0.0, 1),
    ("Giám đốc Sở Nông nghiệp và Môi trường", 0.0, 1),
    ("Giám đốc Sở Xây dựng", 0.0, 1),
    ("Giám đốc Sở Khoa học và Công nghệ", 0.0, 1),
    ("Giám đốc Sở Văn hóa, Thể thao và Du lịch", 0.0, 1),
    ("Giám đốc Sở Giáo dục và Đào tạo", 0.0, 1),
    ("Giám đốc Sở Y tế", 0.0, 1),
    ("Giám đốc Sở Nội vụ", 0.0, 1),
    ("Chỉ huy trưởng Bộ Chỉ huy Quân sự {pu}", 0.0, 1),
)
SHORT_TITLE = {  # how later sentences refer to a lead by title alone
    "Bí thư": "Bí thư {pc}",
    "Phó Bí thư Thường trực": "Phó Bí thư Thường trực {pc}",
    "Chủ tịch UBND": "Chủ tịch UBND {pu}",
    "Chủ tịch HĐND": "Chủ tịch HĐND {pu}",
    "Phó Chủ tịch Thường trực": "Phó Chủ tịch Thường trực UBND {pu}",
    "Phó Chủ tịch UBND": "Phó Chủ tịch UBND {pu}",
}
ORGANISATIONS = (
    "Văn phòng {pc}",
    "Ban Tổ chức {pc}",
    "Ban Tuyên giáo và Dân vận {pc}",
    "Ban Kinh tế - Ngân sách HĐND {pu}",
    "Ban Văn hóa - Xã hội HĐND {pu}",
    "Sở Tài chính",
    "Sở Khoa học và Công nghệ",
    "Sở Nông nghiệp và Môi trường",
    "Sở Xây dựng",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Nội vụ",
    "Sở Công Thương",
    "Văn phòng UBND {pu}",
    "Công an {pu}",
    "Ủy ban MTTQ Việt Nam {pu}",
)
COMMUNE_LEADERS = ("Bí thư Đảng ủy xã {c}", "Chủ tịch UBND xã {c}", "Chủ tịch HĐND xã {c}")

TIMES = (
    ("Sáng", 5),
    ("Chiều", 4),
    ("Sáng ngày", 2),
    ("Chiều ngày", 2),
    ("Ngày", 2),
    ("Trưa", 0.3),
    ("Tối", 0.3),
)
VISIT_VERBS = (
    "đã đi thăm, kiểm tra tình hình sản xuất; làm việc với lãnh đạo chủ chốt",
    "đã thăm, làm việc tại",
    "đã kiểm tra tình hình thực hiện nhiệm vụ chính trị tại",
    "đã có buổi làm việc với Ban Thường vụ Đảng ủy",
    "đã đi kiểm tra thực tế và làm việc với cán bộ chủ chốt",
    "cùng đoàn công tác đã về thăm, làm việc tại",
)
HEADLINE_VERBS = (
    ("thăm, làm việc tại", 6),
    ("làm việc với", 2),
    ("kiểm tra tại", 1),
    ("kiểm tra, làm việc tại", 1),
    ("thăm, kiểm tra tại", 1),
)

# topic id -> (weight, phrases the text uses for it, directive actions about it)
TOPICS: dict[str, tuple[float, tuple[str, ...], tuple[str, ...]]] = {
    "socio_economic": (
        8,
        ("phát triển kinh tế - xã hội", "kinh tế - xã hội", "KT-XH"),
        (
            "tập trung lãnh đạo, chỉ đạo nhằm tăng trưởng kinh tế bền vững ở mức 2 con số",
            "phát huy tiềm năng, lợi thế để phát triển kinh tế - xã hội nhanh và bền vững",
        ),
    ),
    "defence_security": (
        6,
        (
            "bảo đảm quốc phòng - an ninh",
            "quốc phòng - an ninh",
            "an ninh chính trị, trật tự an toàn xã hội",
        ),
        (
            "giữ vững an ninh chính trị, trật tự an toàn xã hội, không để hình thành điểm nóng",
            "làm tốt công tác quốc phòng - an ninh, xây dựng thế trận lòng dân vững chắc",
        ),
    ),
    "party_building": (
        5,
        ("xây dựng Đảng và hệ thống chính trị", "công tác cán bộ", "xây dựng Đảng"),
        (
            "chăm lo công tác xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh",
            "chuẩn bị chu đáo nhân sự cho đại hội Đảng bộ các cấp, làm tốt công tác cán bộ",
        ),
    ),
    "two_tier_government": (
        0,
        ("vận hành chính quyền địa phương 2 cấp", "mô hình chính quyền địa phương hai cấp"),
        (
            "kiện toàn tổ chức bộ máy, bảo đảm chính quyền địa phương 2 cấp vận hành thông suốt",
            "bố trí cán bộ đúng người, đúng việc, phục vụ người dân ngày càng tốt hơn",
        ),
    ),
    "digital_transformation": (
        3,
        ("chuyển đổi số", "dịch vụ công trực tuyến", "xây dựng chính quyền số"),
        (
            "tăng cường chuyển đổi số trên mọi mặt lĩnh vực đời sống",
            "nâng tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình",
        ),
    ),
    "administrative_reform": (
        3,
        ("cải cách hành chính", "cải cách thủ tục hành chính"),
        (
            "đẩy mạnh cải cách thủ tục hành chính, tạo điều kiện thuận lợi cho người dân và "
            "doanh nghiệp",
            "nâng cao chất lượng phục vụ tại Trung tâm Phục vụ hành chính công",
        ),
    ),
    "land_planning": (
        3,
        ("quản lý đất đai", "quy hoạch sử dụng đất", "giải phóng mặt bằng"),
        (
            "hoàn thành các quy hoạch, nhất là quy hoạch xã, quy hoạch sử dụng đất",
            "xử lý dứt điểm các tồn đọng về đất đai, đẩy nhanh giải phóng mặt bằng",
        ),
    ),
    "transport_infrastructure": (
        2,
        ("hạ tầng giao thông", "đường giao thông nông thôn"),
        (
            "huy động nguồn lực đầu tư hạ tầng giao thông kết nối vùng",
            "đẩy nhanh tiến độ các công trình giao thông trọng điểm",
        ),
    ),
    "high_tech_agriculture": (
        2,
        ("nông nghiệp ứng dụng công nghệ cao", "nông nghiệp hữu cơ"),
        (
            "tích tụ đất đai để phát triển nông nghiệp ứng dụng công nghệ cao",
            "xây dựng vùng nguyên liệu tập trung gắn với liên kết chuỗi giá trị",
        ),
    ),
    "craft_villages": (
        1.2,
        ("làng nghề", "nghề truyền thống"),
        (
            "bảo tồn, phát huy giá trị các làng nghề truyền thống",
            "quảng bá sản phẩm làng nghề trên các nền tảng thương mại điện tử",
        ),
    ),
    "relics_tourism": (
        1.5,
        ("di tích", "phát triển du lịch"),
        (
            "tăng cường quản lý các di tích, phát triển du lịch tâm linh, du lịch cộng đồng",
            "gắn bảo tồn di sản với phát triển du lịch bền vững",
        ),
    ),
    "education": (
        1.2,
        ("giáo dục", "cơ sở vật chất trường học"),
        (
            "quan tâm đầu tư nâng cao chất lượng giáo dục ở các cấp học",
            "rà soát, sắp xếp mạng lưới trường lớp học phù hợp",
        ),
    ),
    "health": (
        0.8,
        ("y tế", "chăm sóc sức khỏe Nhân dân"),
        (
            "nâng cao chất lượng khám, chữa bệnh tại trạm y tế xã",
            "làm tốt công tác chăm sóc sức khỏe Nhân dân",
        ),
    ),
    "environment": (
        0.8,
        ("bảo vệ môi trường", "xử lý rác thải"),
        (
            "chú trọng bảo vệ môi trường, xử lý dứt điểm tình trạng ô nhiễm",
            "thu gom, xử lý rác thải sinh hoạt đúng quy định",
        ),
    ),
    "social_welfare": (
        1.5,
        ("an sinh xã hội", "giảm nghèo bền vững"),
        (
            "thực hiện tốt chính sách an sinh xã hội, chăm lo gia đình chính sách",
            "hoàn thành xóa nhà tạm, nhà dột nát cho hộ nghèo",
        ),
    ),
    "budget_revenue": (
        1.2,
        ("thu ngân sách", "thu ngân sách nhà nước"),
        (
            "quyết liệt các giải pháp thu ngân sách, chống thất thu",
            "khai thác hiệu quả nguồn thu từ đất",
        ),
    ),
    "investment_attraction": (
        1.5,
        ("thu hút đầu tư", "xúc tiến đầu tư"),
        (
            "cải thiện môi trường đầu tư kinh doanh, thu hút đầu tư có trọng tâm, trọng điểm",
            "đồng hành, tháo gỡ khó khăn cho nhà đầu tư",
        ),
    ),
    "human_resources": (
        1,
        ("nguồn nhân lực", "đào tạo nghề"),
        (
            "thay đổi chất lượng nguồn nhân lực, đào tạo nhân lực tay nghề cao",
            "quan tâm định hướng nghề nghiệp, giải quyết việc làm cho người lao động",
        ),
    ),
}

SITE_KINDS = (
    ("Khu di tích lịch sử {x}", "relic"),
    ("Đền thờ {x}", "relic"),
    ("Khu di tích {x}", "relic"),
    ("làng nghề {craft} {x}", "craft_village"),
    ("dự án đường giao thông {x}", "project"),
    ("dự án Khu dân cư {x}", "project"),
    ("dự án cải tạo, nâng cấp {x}", "project"),
    ("Trung tâm Phục vụ hành chính công xã {c}", "service_centre"),
    ("Nhà máy {factory} {x}", "factory"),
    ("Hợp tác xã nông nghiệp {x}", "other"),
    ("Trường Tiểu học {c}", "other"),
    ("Trạm Y tế xã {c}", "other"),
)
CRAFTS = (
    "đúc đồng",
    "mây tre đan",
    "dệt thổ cẩm",
    "chiếu cói",
    "bánh đa",
    "nón lá",
    "gốm",
    "rèn",
    "mộc",
    "nước mắm",
    "chạm khắc đá",
    "thêu ren",
)
FACTORIES = (
    "may mặc",
    "giày da",
    "chế biến gỗ",
    "chế biến nông sản",
    "sản xuất gạch",
    "chế biến thủy sản",
    "linh kiện điện tử",
)
PLACE_WORDS = (
    "Nam Sông Chu",
    "Đông Sơn",
    "Hàm Rồng",
    "Bến En",
    "Trà Đông",
    "Phủ Trịnh",
    "Lam Kinh",
    "Sông Mã",
    "Bắc Sơn",
    "Cửa Hà",
    "Thành Nhà Hồ",
    "Ba Trại",
    "Đồng Cổ",
    "Núi Nưa",
    "Hòa Bình",
    "Tân Phú",
    "Xuân Thành",
    "Lạc Long Quân",
)

RESULT_FRAGMENTS = (
    "tổng giá trị sản xuất ước đạt {big} tỷ đồng, tăng {pct}% so với cùng kỳ",
    "thu ngân sách trên địa bàn đạt {mid} tỷ đồng, bằng {pct2}% dự toán",
    "thu nhập bình quân đầu người đạt {inc} triệu đồng/người/năm",
    "tỷ lệ hộ nghèo giảm còn {small}%",
    "có {few} thôn đạt chuẩn nông thôn mới kiểu mẫu",
    "đã tiếp nhận và giải quyết {many} hồ sơ thủ tục hành chính, {rate}% đúng và trước hạn",
    "tỷ lệ hồ sơ trực tuyến toàn trình đạt {rate}%",
    "sản lượng lương thực ước đạt {mid} nghìn tấn",
    "đã hỗ trợ xóa {few} nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo",
    "tỷ lệ người dân tham gia bảo hiểm y tế đạt {rate}%",
    "giải quyết việc làm mới cho {many} lao động",
    "{few} dự án đầu tư mới được chấp thuận chủ trương",
)
FACT_OPENERS = (
    "Năm {year}, ",
    "Từ đầu năm đến nay, ",
    "Cùng với đó, ",
    "Đến nay, ",
    "Trong năm {year}, {place} ",
    "Bên cạnh đó, ",
    "Theo báo cáo, ",
    "Kết quả, ",
)
RESULT_OPENERS = (
    "Thực hiện nhiệm vụ năm {year}, mặc dù thiên tai, dịch bệnh diễn biến phức tạp, nhưng với "
    "tinh thần đoàn kết, dân chủ, nỗ lực cố gắng của Đảng bộ, chính quyền và Nhân dân {place}, "
    "tình hình kinh tế - xã hội trên địa bàn tiếp tục duy trì ổn định và có bước phát triển.",
    "Báo cáo tại buổi làm việc cho biết, từ đầu năm {year} đến nay, {place} đã tập trung triển "
    "khai đồng bộ các giải pháp, hoàn thành và vượt nhiều chỉ tiêu quan trọng.",
    "Theo báo cáo, năm {year}, {place} đã chủ động khắc phục khó khăn, lãnh đạo, chỉ đạo "
    "thực hiện đạt nhiều kết quả quan trọng trên các lĩnh vực.",
    "Những tháng đầu năm {year}, Đảng bộ, chính quyền và Nhân dân {place} đã đoàn kết, "
    "chung sức thực hiện các mục tiêu, nhiệm vụ đề ra.",
)
TWO_TIER_RESULT = (
    "Sau hơn {months} tháng đi vào vận hành mô hình chính quyền địa phương 2 cấp, đến nay "
    "{place} đã cơ bản kiện toàn tổ chức bộ máy, công tác cán bộ. Việc triển khai các nhiệm "
    "vụ chuyên môn đã đi vào ổn định, vận hành thông suốt, không gián đoạn, bước đầu đáp ứng "
    "được nhu cầu của người dân và doanh nghiệp."
)
DIFFICULTY_OPENERS = (
    "Tuy nhiên, trong quá trình {ctx}, vẫn còn gặp một số khó khăn, vướng mắc như: ",
    "Tuy nhiên, {place} vẫn còn những khó khăn, hạn chế như: ",
    "Bên cạnh kết quả đạt được, địa phương cũng thẳng thắn chỉ ra những tồn tại, hạn chế: ",
)
DIFFICULTY_CONTEXTS = (
    "thực hiện nhiệm vụ",
    "triển khai các chương trình, dự án",
    "phát triển kinh tế - xã hội",
)
DIFFICULTIES = (
    "hệ thống hạ tầng chưa đáp ứng được yêu cầu phát triển, nhất là hạ tầng phục vụ sản xuất",
    "việc xử lý tồn đọng về đất đai gặp nhiều khó khăn, vướng mắc",
    "kinh tế tăng trưởng chưa tương xứng tiềm năng, động lực mới chưa rõ nét",
    "nông nghiệp còn phân tán, liên kết chuỗi còn khiêm tốn",
    "một số dự án đầu tư còn kéo dài tiến độ thực hiện, chậm đưa vào khai thác",
    "công tác thu ngân sách ở một số sắc thuế còn chậm",
    "cơ sở vật chất, trang thiết bị làm việc còn thiếu",
    "đội ngũ cán bộ làm công tác chuyển đổi số còn mỏng, chưa được đào tạo chuyên sâu",
    "tình trạng ô nhiễm môi trường cục bộ tại một số khu vực chưa được xử lý dứt điểm",
    "nguồn lực đầu tư cho giáo dục, y tế còn hạn chế",
    "thiên tai, mưa lũ gây thiệt hại lớn đến sản xuất và đời sống Nhân dân",
)
DIRECTIVE_OPENERS = (
    "Phát biểu chỉ đạo tại buổi làm việc, {lead} ghi nhận, đánh giá cao sự nỗ lực của "
    "{place} trong thời gian qua cùng những kết quả đạt được.",
    "Kết luận buổi làm việc, {lead} biểu dương tinh thần đoàn kết, chủ động, sáng tạo của "
    "cấp ủy, chính quyền và Nhân dân {place}.",
    "Sau khi nghe ý kiến của các đại biểu, {lead} chúc mừng những kết quả mà {place} đạt được.",
)
DIRECTIVE_VERBS = ("đề nghị", "yêu cầu", "nhấn mạnh, cần", "chỉ đạo", "lưu ý")
DIRECTIVE_SUBJECTS = (
    "cấp ủy, chính quyền {place}",
    "các địa phương",
    "mỗi cán bộ, đảng viên {place}",
    "Đảng ủy, UBND {place}",
    "các sở, ngành liên quan",
)
DIRECTIVE_GENERIC = (
    "giữ vững tinh thần đoàn kết thống nhất, đổi mới tư duy, lề lối làm việc",
    "xác định rõ tiềm năng, lợi thế của địa phương, tìm ra giải pháp cụ thể",
    "rà soát lại các dự án đang triển khai, tránh đầu tư dàn trải",
    "đặt lợi ích của Nhân dân lên trên hết, trước hết",
    "bám sát cơ sở, kịp thời nắm bắt tâm tư, nguyện vọng của Nhân dân",
)
CAPTIONS = (
    "Các đại biểu tham dự buổi làm việc.",
    "Các đại biểu tham dự buổi làm việc tại {commune}.",
    "Lãnh đạo {commune} phát biểu tại buổi làm việc.",
    "{lead} phát biểu chỉ đạo tại buổi làm việc.",
    "{lead} và đoàn công tác làm việc tại {commune}.",
    "{lead} thăm {site}.",
    "{lead} cùng các thành viên trong đoàn kiểm tra {site}.",
    "Quang cảnh buổi làm việc.",
    "Đoàn công tác khảo sát thực địa {site}.",
    "{lead} hỏi thăm người dân tại {site}.",
)
SITE_DETAILS = (
    "{site} có lịch sử hàng trăm năm và được bảo tồn, duy trì, phát huy cho tới ngày nay.",
    "Sau nhiều năm đầu tư, {site} đã trở thành điểm đến quen thuộc của du khách trong và "
    "ngoài tỉnh, góp phần tạo việc làm cho {few}0 lao động địa phương.",
    "Dự án có tổng mức đầu tư khoảng {mid} tỷ đồng, đến nay đã hoàn thành khoảng {pct2}% "
    "khối lượng, dự kiến đưa vào sử dụng trong năm {next_year}.",
    "Tại đây, đồng chí {short} đề nghị chủ đầu tư đẩy nhanh tiến độ, bảo đảm chất lượng "
    "công trình, an toàn lao động và vệ sinh môi trường.",
    "Qua kiểm tra thực tế, đồng chí {short} đề nghị các cơ sở sản xuất đẩy mạnh quảng bá, "
    "giới thiệu sản phẩm trên các nền tảng mạng xã hội; áp dụng khoa học công nghệ vào sản "
    "xuất.",
)
