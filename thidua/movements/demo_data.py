"""Demo movements: the five seed articles (shared/seeds/) as records, with their figures.

Pure data, standard library only; `movements/demo.py` loads it. Every figure the articles
give is here (dates, document numbers, the 13 key programmes, the work quotas, 50–70 houses,
5–7 key projects, 12 %/year, 100 % vaccination, 49/49 communes, 6 task groups, the pledge
signing of 06/3/2020). What the articles do not give — who registered, which works each unit
built, reported values, who signed — is illustrative and marked so in the notes
(``ILLUSTRATIVE``).

Sources
    000 Hà Tĩnh, Chỉ thị 42-CT/TU (04/03/2020);
    001 Hà Tĩnh 2020–2025, "Đổi mới - Sáng tạo - Hiệu quả";
    002 Thành phố Hà Tĩnh, Chỉ thị 32-CT/Th.Uy (08/4/2022);
    003 Đông Hà 2020, pledge signing of the blocks (07/03/2020);
    004 Bạc Liêu 2020 (29/05/2020).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Final

ILLUSTRATIVE: Final = "Số liệu minh họa (bài báo không nêu)."


@dataclass(frozen=True, slots=True)
class TargetRow:
    indicator: str
    unit_of_measure: str
    direction: str  # at_least / at_most / exactly / between
    aggregation: str  # sum / count_meeting / latest
    low: str | None = None
    high: str | None = None
    unit_goal: str | None = None
    applies_level: str = ""
    label: str = ""
    note: str = ""
    # (unit code, value, day) — illustrative reports
    reports: tuple[tuple[str, str, date], ...] = ()


@dataclass(frozen=True, slots=True)
class QuotaRow:
    min_count: int
    max_count: int | None = None
    unit_level: str = ""
    unit_kind: str = ""
    work_kinds: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class WorkRow:
    unit_code: str
    name: str
    kind: str
    status: str = "completed"
    quantity: int | None = None
    budget: int | None = None
    funding_sources: str = ""
    start_date: date | None = None
    end_date: date | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class RegistrationRow:
    unit_code: str
    submitted_on: date
    collective_title: str = ""
    commitments: str = ""
    indicators: tuple[tuple[str, str, str], ...] = ()  # (indicator, value, unit)
    people: int = 0  # register this many of the unit's people as LĐTT (illustrative)


@dataclass(frozen=True, slots=True)
class PledgeRow:
    cluster_code: str
    cluster_year: int
    title: str
    criteria: tuple[str, ...]
    ceremony_date: date | None = None
    ceremony_place: str = ""
    witnesses: str = ""
    signed_on: date | None = None  # every member signs on this day (None: nobody yet)
    signers: tuple[str, ...] = ()  # unit codes that sign (empty: every member)


@dataclass(frozen=True, slots=True)
class MovementRow:
    key: str
    source: str
    name: str
    kind: str
    launch_level: str
    organiser_code: str
    document_type: str
    start_date: date
    end_date: date
    state: str
    theme: str = ""
    slogan: str = ""
    launched_by: str = ""
    launcher_name: str = ""
    launcher_title: str = ""
    document_number: str = ""
    document_date: date | None = None
    document_issuer: str = ""
    objectives: str = ""
    registration_deadline: date | None = None
    results_due: date | None = None
    budget_note: str = ""
    key_programmes: tuple[str, ...] = ()
    task_groups: tuple[str, ...] = ()
    content_items: tuple[str, ...] = ()
    milestones: tuple[tuple[str, date, str], ...] = ()
    planned_awards: tuple[tuple[str, str, int | None, str], ...] = ()
    # participants: ("subtree", levels) or ("units", codes) or ("clusters", (code, year)...)
    scope: tuple[str, tuple[str, ...]] = ("subtree", ())
    targets: tuple[TargetRow, ...] = ()
    quotas: tuple[QuotaRow, ...] = ()
    works: tuple[WorkRow, ...] = ()
    registrations: tuple[RegistrationRow, ...] = ()
    pledges: tuple[PledgeRow, ...] = ()
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)


HT42_PROGRAMMES: Final = (
    "Đẩy mạnh phong trào thi đua xây dựng nông thôn mới, đô thị văn minh, giảm nghèo bền vững, "
    "cốt lõi là phát triển sản xuất, nâng cao đời sống vật chất và tinh thần của người dân.",
    "Tập trung thực hiện Chương trình “Mỗi xã một sản phẩm - OCOP”.",
    "Lan tỏa sâu rộng phong trào xây dựng khu dân cư nông thôn mới kiểu mẫu, vườn mẫu thực chất, "
    "hiệu quả hơn.",
    "Nâng cao chất lượng công tác chăm sóc sức khỏe cho nhân dân; lãnh đạo, chỉ đạo quyết liệt "
    "phòng, chống dịch Covid-19.",
    "Cải cách thủ tục hành chính, nâng cao đạo đức công vụ, siết chặt kỷ luật, kỷ cương, gắn "
    "trách nhiệm người đứng đầu.",
    "Tăng cường cung cấp dịch vụ công trực tuyến mức độ 3, mức độ 4.",
    "Thúc đẩy phong trào khởi nghiệp gắn với phong trào “Doanh nghiệp Việt Nam hội nhập và phát "
    "triển”; tạo điều kiện phát triển kinh tế tư nhân.",
    "Đăng ký công trình chào mừng: mỗi đơn vị cấp xã ít nhất 1 công trình, mỗi đơn vị cấp huyện "
    "ít nhất 3 - 5 công trình, mỗi sở, ban, ngành, đoàn thể cấp tỉnh và doanh nghiệp 1 công "
    "trình; xã hội hóa sửa chữa, nâng cấp, làm mới 50 - 70 nhà ở cho hộ nghèo, hộ khó khăn, đối "
    "tượng chính sách.",
    "Xây dựng lộ trình, kế hoạch để khởi công 5 - 7 dự án trọng điểm quy mô cấp tỉnh.",
    "Tăng cường tuyên truyền các chủ trương, nghị quyết của Đảng, chính sách, pháp luật Nhà "
    "nước, gương người tốt, việc tốt; đấu tranh phản bác các quan điểm sai trái.",
    "Thực hiện hiệu quả Nghị quyết Trung ương 6 khóa XII về sắp xếp tổ chức bộ máy; làm tốt "
    "công tác nhân sự đại hội Đảng các cấp và Đại hội Đảng bộ tỉnh lần thứ XIX.",
    "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; chuyên đề năm 2020 "
    "và chủ đề của tỉnh, gắn với Nghị quyết Trung ương 4 khóa XII.",
    "Tăng cường kiểm tra, giám sát; giải quyết dứt điểm các việc tồn đọng, khiếu nại, tố cáo từ "
    "cơ sở; phòng, chống tham nhũng, lãng phí.",
)

DONGHA_TASK_GROUPS: Final = (
    "Quán triệt tư tưởng Hồ Chí Minh về thi đua ái quốc và Chỉ thị số 34-CT/TW ngày 07/4/2014 "
    "của Bộ Chính trị; đẩy mạnh các phong trào thi đua, nâng cao chất lượng khen thưởng.",
    "Thi đua lập thành tích cao nhất chào mừng Đại hội Đảng các cấp tiến tới Đại hội đại biểu "
    "toàn quốc lần thứ XIII của Đảng; hoàn thành vượt mức các chỉ tiêu năm 2020; tổ chức Hội "
    "nghị điển hình tiên tiến thành phố vào Quý II/2020; khánh thành một số công trình, dự án "
    "trọng điểm chào mừng Đại hội Đảng bộ thành phố lần thứ XIII.",
    "Xây dựng bộ máy tinh gọn, hiệu quả; đội ngũ cán bộ, công chức, viên chức chuyên nghiệp; "
    "xây dựng Đảng bộ, chính quyền, Mặt trận và các đoàn thể vững mạnh (Chỉ thị số 05-CT/TW).",
    "Tăng cường kỷ luật, kỷ cương hành chính, chấn chỉnh lề lối làm việc, nâng cao trách nhiệm "
    "người đứng đầu.",
    "Đẩy mạnh ứng dụng công nghệ thông tin, xây dựng chính quyền điện tử, cải cách hành chính.",
    "Xây dựng các nhân tố điển hình tiên tiến (phát hiện, bồi dưỡng, tổng kết, nhân rộng); khen "
    "thưởng kịp thời tập thể, cá nhân có thành tích xuất sắc.",
)

DONGHA_PLEDGE_CRITERIA: Final = (
    "Hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ năm 2020 được giao.",
    "Góp phần duy trì tốc độ tăng trưởng giá trị sản xuất các ngành kinh tế của thành phố đạt "
    "12 %/năm.",
    "Thực hiện nghiêm kỷ luật, kỷ cương hành chính, văn hóa công sở.",
    "Đẩy mạnh ứng dụng công nghệ thông tin, cải cách hành chính.",
    "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến; tổ chức tốt công tác thi đua, khen "
    "thưởng.",
)

DONGHA_WITNESSES: Final = (
    "đại diện Hội đồng Thi đua - Khen thưởng tỉnh (đồng chí Hồ Ngọc An, Tỉnh ủy viên, Giám đốc "
    "Sở Nội vụ, Phó Chủ tịch thường trực Hội đồng Thi đua - Khen thưởng tỉnh) và lãnh đạo thành "
    "phố Đông Hà"
)

MOVEMENTS: Final[tuple[MovementRow, ...]] = (
    MovementRow(
        key="HT-42",
        source="000_afa438aa814a4824.txt",
        name=(
            "Phong trào thi đua lập thành tích chào mừng đại hội đảng bộ các cấp, Đại hội Đảng bộ "
            "tỉnh lần thứ XIX, tiến tới Đại hội lần thứ XIII của Đảng"
        ),
        kind="thematic",
        launch_level="province",
        organiser_code="HT",
        launched_by="Ban Thường vụ Tỉnh ủy Hà Tĩnh",
        document_type="directive",
        document_number="42-CT/TU",
        document_date=date(2020, 2, 28),
        document_issuer="Ban Thường vụ Tỉnh ủy Hà Tĩnh",
        start_date=date(2020, 3, 1),
        end_date=date(2020, 8, 31),
        registration_deadline=date(2020, 3, 31),
        state="closed",
        objectives=(
            "Nâng cao đời sống vật chất và tinh thần cho nhân dân; hoàn thành các chỉ tiêu kinh tế "
            "- xã hội, quốc phòng - an ninh, xây dựng Đảng theo tinh thần Nghị quyết Ban Chấp "
            "hành Đảng bộ tỉnh và Nghị quyết HĐND tỉnh; phát hiện, bồi dưỡng, nhân rộng các điển "
            "hình tiên tiến, góp phần làm nên thành công đại hội."
        ),
        key_programmes=HT42_PROGRAMMES,
        milestones=(("final", date(2020, 9, 30), "Tổng kết đợt thi đua cao điểm"),),
        planned_awards=(("BK_BT", "collective", None, ""), ("BK_BT", "individual", None, "")),
        scope=("subtree", ("department", "district", "commune", "grassroots")),
        targets=(
            TargetRow(
                "Nhà ở cho hộ nghèo, hộ khó khăn, đối tượng chính sách được sửa chữa, nâng cấp, "
                "làm mới (xã hội hóa)",
                "nhà",
                "between",
                "sum",
                low="50",
                high="70",
                reports=(
                    ("HT.TPHT", "12", date(2020, 8, 20)),
                    ("HT.CX", "15", date(2020, 8, 20)),
                    ("HT.KA", "14", date(2020, 8, 20)),
                    ("HT.HK", "11", date(2020, 8, 20)),
                    ("HT.NX", "9", date(2020, 8, 20)),
                ),
                note="Kết quả báo cáo: " + ILLUSTRATIVE,
            ),
            TargetRow(
                "Dự án trọng điểm quy mô cấp tỉnh được khởi công",
                "dự án",
                "between",
                "latest",
                low="5",
                high="7",
                reports=(("HT", "6", date(2020, 8, 31)),),
                note="Ban cán sự Đảng UBND tỉnh chỉ đạo xây dựng lộ trình. Kết quả: "
                + ILLUSTRATIVE,
            ),
        ),
        quotas=(
            QuotaRow(1, None, unit_level="commune", note="Mỗi đơn vị cấp xã ít nhất 1 công trình"),
            QuotaRow(3, 5, unit_level="district", note="Mỗi đơn vị cấp huyện 3 - 5 công trình"),
            QuotaRow(
                1,
                1,
                unit_level="department",
                note="Mỗi sở, ban, ngành, đoàn thể cấp tỉnh 1 công trình",
            ),
            QuotaRow(1, 1, unit_kind="enterprise", note="Mỗi doanh nghiệp 1 công trình"),
        ),
        works=(
            WorkRow(
                "HT.TPHT",
                "Làm mới 12 nhà ở cho hộ nghèo trên địa bàn thành phố",
                "social",
                quantity=12,
                budget=600_000_000,
                funding_sources="Xã hội hóa",
            ),
            WorkRow("HT.TPHT", "Khánh thành Công viên Trung tâm thành phố", "inauguration"),
            WorkRow(
                "HT.TPHT",
                "Khởi công tuyến đường Hàm Nghi kéo dài",
                "groundbreaking",
                status="in_progress",
            ),
            WorkRow(
                "HT.CX",
                "Làm mới 15 nhà ở cho hộ nghèo huyện Cẩm Xuyên",
                "social",
                quantity=15,
                budget=750_000_000,
                funding_sources="Xã hội hóa",
            ),
            WorkRow("HT.CX", "Khánh thành cầu Cẩm Trung", "inauguration"),
            WorkRow(
                "HT.KA",
                "Làm mới 14 nhà ở cho hộ nghèo huyện Kỳ Anh",
                "social",
                quantity=14,
                budget=700_000_000,
                funding_sources="Xã hội hóa",
            ),
            WorkRow(
                "HT.TPHT.THACHHA",
                "Khánh thành nhà văn hóa thôn Liên Hà",
                "inauguration",
                budget=850_000_000,
                funding_sources="Ngân sách xã và nhân dân đóng góp",
            ),
            WorkRow(
                "HT.TPHT.THACHBINH",
                "Đường giao thông nông thôn thôn Đồng Văn",
                "other",
                status="completed",
            ),
            WorkRow("HT.CX.CAMBINH", "Vườn mẫu nông thôn mới kiểu mẫu", "other"),
            WorkRow("HT.SNV", "Số hóa hồ sơ thi đua, khen thưởng", "other"),
            WorkRow("HT.DN.PCHT", "Cải tạo lưới điện nông thôn xã Cẩm Lĩnh", "other"),
            WorkRow("HT.DN.PCHT", "Thắp sáng đường quê xã Cẩm Trung", "social"),
        ),
        registrations=(
            RegistrationRow(
                "HT.TPHT",
                date(2020, 3, 20),
                "TTLDXS",
                "Hoàn thành 3 - 5 công trình chào mừng; làm mới 12 nhà cho hộ nghèo.",
                (("Nhà ở cho hộ nghèo được làm mới", "12", "nhà"),),
            ),
            RegistrationRow(
                "HT.CX",
                date(2020, 3, 25),
                "TTLDXS",
                "",
                (("Nhà ở cho hộ nghèo được làm mới", "15", "nhà"),),
            ),
            RegistrationRow(
                "HT.TPHT.THACHHA",
                date(2020, 3, 18),
                "TTLDTT",
                "Hoàn thành nhà văn hóa thôn Liên Hà trước đại hội Đảng bộ xã.",
                people=3,
            ),
            RegistrationRow("HT.SNV", date(2020, 3, 16), "TTLDXS"),
            RegistrationRow("HT.DN.PCHT", date(2020, 4, 2), "TTLDTT"),
        ),
        note="Chỉ thị nêu 13 chương trình trọng điểm; bài báo tóm lược trong 8 đoạn, các "
        "chương trình ở đây được tách theo bài báo. Công trình, đăng ký, kết quả: " + ILLUSTRATIVE,
    ),
    MovementRow(
        key="HT-2025",
        source="001_9fd5d51d372bbb71.txt",
        name="Phong trào thi đua yêu nước tỉnh Hà Tĩnh giai đoạn 2020 - 2025",
        kind="thematic",
        launch_level="province",
        organiser_code="HT",
        launched_by="Ban Thường vụ Tỉnh ủy Hà Tĩnh",
        document_type="directive",
        document_issuer="Ban Thường vụ Tỉnh ủy Hà Tĩnh",
        start_date=date(2020, 1, 1),
        end_date=date(2025, 12, 31),
        state="final_review",
        theme=(
            "Đổi mới, sáng tạo, tổ chức sâu rộng, hiệu quả các phong trào thi đua yêu nước, xây "
            "dựng Hà Tĩnh phát triển nhanh, bền vững"
        ),
        slogan="Đổi mới - Sáng tạo - Hiệu quả",
        objectives=(
            "Góp phần thực hiện thắng lợi mục tiêu, nhiệm vụ Nghị quyết Đại hội lần thứ XIII của "
            "Đảng, Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX và nghị quyết đại hội Đảng các "
            "cấp, nhiệm kỳ 2020 - 2025."
        ),
        content_items=(
            "Quán triệt, tuyên truyền Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị, Nghị "
            "định số 91/2017/NĐ-CP ngày 31/7/2017 và Chỉ thị số 41-CT/TU ngày 09/9/2014 của Ban "
            "Thường vụ Tỉnh ủy.",
            "Xây dựng chương trình, kế hoạch thi đua giai đoạn 5 năm với mục tiêu cụ thể của từng "
            "năm, từng đợt thi đua, gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ "
            "Chí Minh (Kết luận số 01-KL/TW ngày 18/5/2021).",
            "Tổ chức tốt việc đăng ký, ký kết giao ước thi đua giữa các ngành, địa phương, cụm, "
            "khối thi đua; chống phô trương, hình thức.",
            "Đôn đốc, kiểm tra, sơ kết, tổng kết phong trào; phát hiện, bồi dưỡng, nhân rộng điển "
            "hình tiên tiến từ cấp cơ sở.",
        ),
        scope=("subtree", ("department", "district", "commune")),
        pledges=(
            PledgeRow(
                "HT.CUM.PHIANAM",
                2024,
                "Giao ước thi đua năm 2024 của Cụm thi đua các huyện, thành phố, thị xã phía Nam",
                (
                    "Hoàn thành toàn diện các chỉ tiêu phát triển kinh tế - xã hội năm 2024.",
                    "Đẩy mạnh xây dựng nông thôn mới, đô thị văn minh.",
                    "Tổ chức sâu rộng phong trào thi đua “Đổi mới - Sáng tạo - Hiệu quả”.",
                ),
                ceremony_date=date(2024, 3, 15),
                ceremony_place="Thành phố Hà Tĩnh",
                witnesses="Hội đồng Thi đua - Khen thưởng tỉnh",
                signed_on=date(2024, 3, 15),
                signers=("HT.TPHT", "HT.TH", "HT.CX", "HT.KA"),
            ),
        ),
        note="Bài báo không nêu số, ngày văn bản và mốc sơ kết; giai đoạn ghi theo năm "
        "2020 - 2025. Giao ước của cụm: " + ILLUSTRATIVE,
    ),
    MovementRow(
        key="TPHT-32",
        source="002_b56ef49ba9e670c8.txt",
        name=(
            "Đợt thi đua cao điểm chào mừng kỷ niệm 65 năm Ngày Bác Hồ về thăm Hà Tĩnh "
            "(15/6/1957 - 15/6/2022) và 15 năm thành lập thành phố Hà Tĩnh (28/5/2007 - 28/5/2022)"
        ),
        kind="thematic",
        launch_level="district",
        organiser_code="HT.TPHT",
        launched_by="Ban Thường vụ Thành ủy Hà Tĩnh",
        document_type="directive",
        document_number="32-CT/Th.Uy",
        document_date=date(2022, 4, 8),
        document_issuer="Ban Thường vụ Thành ủy Hà Tĩnh",
        start_date=date(2022, 4, 8),
        end_date=date(2022, 6, 15),
        registration_deadline=date(2022, 4, 30),
        state="closed",
        objectives=(
            "Góp phần hoàn thành vượt mức các mục tiêu, nhiệm vụ chính trị năm 2022 và cả nhiệm "
            "kỳ; xây dựng Thành phố có quy mô phù hợp, kết cấu hạ tầng đồng bộ, từng bước thông "
            "minh hiện đại, phấn đấu trở thành một trong những đô thị trung tâm của vùng Bắc "
            "Trung Bộ."
        ),
        key_programmes=(
            "Tuyên truyền chủ đề năm 2022 “Tạo bước đột phá về công tác cán bộ; nâng cao chất "
            "lượng sinh hoạt chi bộ; tăng cường công tác kiểm tra, giám sát, kỷ luật đảng”.",
            "Thực hiện Kết luận số 09-KL/TU ngày 12/4/2021, Nghị quyết số 36/2021/NQ-HĐND ngày "
            "06/11/2021; dự án hạ tầng ưu tiên thích ứng biến đổi khí hậu (vốn ODA); trồng "
            "100.000 cây xanh đô thị.",
            "Hỗ trợ doanh nghiệp, hộ kinh doanh khôi phục sản xuất; chương trình OCOP; xã Thạch "
            "Hạ, Thạch Bình nâng cao tiêu chí nông thôn mới kiểu mẫu, xã Đồng Môn nông thôn mới "
            "nâng cao.",
            "Chuỗi hoạt động kỷ niệm: lễ hội Văn Miếu Hà Tĩnh, lễ hội Sen Thành phố, đại hội thể "
            "dục, thể thao, liên hoan Dân ca Ví, Giặm Nghệ Tĩnh.",
            "Phong trào thi đua “Dạy tốt, học tốt” trong ngành giáo dục; Nghị quyết 03-NQ/ThU.",
            "Nâng cao chất lượng khám, chữa bệnh; bao phủ 100 % tiêm vắc xin cho người dân.",
            "Bảo đảm an ninh trật tự, an toàn giao thông phục vụ các hoạt động kỷ niệm.",
        ),
        scope=("units", ("HT.TPHT", "commune-level-of:HT.TPHT")),
        targets=(
            TargetRow(
                "Tỷ lệ người dân thành phố được tiêm vắc xin phòng Covid-19",
                "%",
                "at_least",
                "latest",
                low="100",
                label="100 % tiêm vắc xin",
                reports=(("HT.TPHT", "98.6", date(2022, 6, 10)),),
                note="Kết quả: " + ILLUSTRATIVE,
            ),
            TargetRow(
                "Cây xanh đô thị được trồng (Kế hoạch trồng 100.000 cây xanh)",
                "cây",
                "at_least",
                "sum",
                low="100000",
            ),
        ),
        quotas=(
            QuotaRow(
                1,
                None,
                unit_level="commune",
                work_kinds=("inauguration", "groundbreaking"),
                note="Mỗi phường, xã ít nhất 01 công trình chào mừng (khánh thành hoặc khởi công)",
            ),
            QuotaRow(
                1,
                None,
                unit_level="commune",
                work_kinds=("cultural_sports",),
                note="Mỗi phường, xã ít nhất 01 lễ hội văn hóa dân gian hoặc sự kiện văn hóa, "
                "thể thao",
            ),
        ),
        works=(
            WorkRow(
                "HT.TPHT",
                "Nâng cấp Khu lưu niệm Bác Hồ về thăm Hà Tĩnh",
                "inauguration",
                status="completed",
            ),
            WorkRow(
                "HT.TPHT",
                "Xây dựng nhà trưng bày hiện vật Hồ Chí Minh tại Khu lưu niệm Bác Hồ về thăm Hà Tĩnh",
                "groundbreaking",
                status="in_progress",
            ),
            WorkRow("HT.TPHT", "Lễ hội Văn Miếu Hà Tĩnh tôn vinh đạo học", "cultural_sports"),
            WorkRow("HT.TPHT", "Lễ hội Sen Thành phố", "cultural_sports"),
            WorkRow("HT.TPHT", "Đại hội thể dục, thể thao thành phố", "cultural_sports"),
            WorkRow("HT.TPHT.THACHHA", "Khởi công nhà văn hóa thôn Liên Nhật", "groundbreaking"),
            WorkRow(
                "HT.TPHT.THACHHA",
                "Giải bóng chuyền hơi chào mừng 65 năm Ngày Bác Hồ về thăm Hà Tĩnh",
                "cultural_sports",
            ),
            WorkRow("HT.TPHT.THACHBINH", "Khánh thành đường điện chiếu sáng thôn", "inauguration"),
            WorkRow("HT.TPHT.TRANPHU", "Khánh thành tuyến phố văn minh", "inauguration"),
            WorkRow("HT.TPHT.TRANPHU", "Liên hoan văn nghệ quần chúng", "cultural_sports"),
            WorkRow("HT.TPHT.DONGMON", "Lễ hội văn hóa dân gian làng Đồng Môn", "cultural_sports"),
        ),
        registrations=(
            RegistrationRow(
                "HT.TPHT.THACHHA",
                date(2022, 4, 20),
                "TTLDXS",
                "01 công trình khởi công và 01 sự kiện thể thao chào mừng.",
            ),
            RegistrationRow("HT.TPHT.TRANPHU", date(2022, 4, 22), "TTLDTT"),
            RegistrationRow("HT.TPHT.THACHBINH", date(2022, 5, 3), "TTLDTT"),
        ),
        note="Thời gian phát động: từ tháng 4/2022 đến ngày 15/6/2022. Công trình của phường, "
        "xã và đăng ký: " + ILLUSTRATIVE,
    ),
    MovementRow(
        key="DH-2020",
        source="003_b161a30ce6ad52fd.txt",
        name="Phong trào thi đua yêu nước năm 2020 thành phố Đông Hà",
        kind="regular",
        launch_level="district",
        organiser_code="QT.DH",
        launched_by="UBND thành phố Đông Hà",
        launcher_name="Nguyễn Chiến Thắng",
        launcher_title=(
            "Tỉnh ủy viên, Phó Bí thư Thành ủy, Chủ tịch UBND thành phố, Chủ tịch Hội đồng Thi "
            "đua, Khen thưởng thành phố"
        ),
        document_type="plan",
        document_date=date(2020, 3, 6),
        document_issuer="UBND thành phố Đông Hà",
        start_date=date(2020, 1, 1),
        end_date=date(2020, 12, 31),
        state="closed",
        theme="Đồng thuận cao, thi đua giỏi, về đích sớm",
        slogan="Đồng thuận cao, thi đua giỏi, về đích sớm",
        objectives=(
            "Tập trung thực hiện hoàn thành các chỉ tiêu Nghị quyết Đại hội Đảng bộ thành phố lần "
            "thứ XII đề ra; cải cách hành chính, cải thiện môi trường đầu tư; duy trì ổn định tốc "
            "độ tăng trưởng giá trị sản xuất các ngành kinh tế đạt 12 %/năm; xây dựng kết cấu hạ "
            "tầng đô thị đồng bộ; đảm bảo an sinh xã hội; giữ vững quốc phòng, an ninh; phấn đấu "
            "hoàn thành các tiêu chí đô thị loại II trong thời gian sớm nhất."
        ),
        task_groups=DONGHA_TASK_GROUPS,
        milestones=(
            ("interim", date(2020, 6, 30), "Hội nghị điển hình tiên tiến thành phố (Quý II/2020)"),
            ("final", date(2020, 12, 31), "Tổng kết phong trào thi đua năm 2020"),
        ),
        scope=(
            "clusters",
            ("QT.DH.KHOI.DANGDOANTHE@2020", "QT.DH.KHOI.QLNN@2020", "QT.DH.KHOI.PHUONG@2020"),
        ),
        targets=(
            TargetRow(
                "Tốc độ tăng trưởng giá trị sản xuất các ngành kinh tế",
                "%/năm",
                "at_least",
                "latest",
                low="12",
                label="12 %/năm",
            ),
        ),
        pledges=tuple(
            PledgeRow(
                code,
                2020,
                "Giao ước thi đua năm 2020 của " + name,
                DONGHA_PLEDGE_CRITERIA,
                ceremony_date=date(2020, 3, 6),
                ceremony_place="Hội nghị phát động phong trào thi đua và ký kết giao ước thi đua "
                "năm 2020, thành phố Đông Hà",
                witnesses=DONGHA_WITNESSES,
                signed_on=date(2020, 3, 6),
            )
            for code, name in (
                ("QT.DH.KHOI.DANGDOANTHE", "Khối các cơ quan Đảng, đoàn thể"),
                ("QT.DH.KHOI.QLNN", "Khối các cơ quan quản lý nhà nước"),
                ("QT.DH.KHOI.PHUONG", "Khối các phường"),
            )
        ),
        registrations=(
            RegistrationRow("QT.DH.P1", date(2020, 3, 6), "TTLDXS"),
            RegistrationRow("QT.DH.PNV", date(2020, 3, 6), "TTLDXS"),
            RegistrationRow("QT.DH.TD", date(2020, 3, 6), "TTLDTT"),
        ),
        note="Năm 2019: 14/15 chỉ tiêu phát triển kinh tế - xã hội chủ yếu đạt và vượt kế "
        "hoạch. Bài báo không nêu số kế hoạch; phong trào được phát động tại Hội nghị ngày "
        "06/3/2020. Nội dung giao ước chi tiết và người ký: " + ILLUSTRATIVE,
        extra={"baseline_2019": "14/15"},
    ),
    MovementRow(
        key="BL-2020",
        source="004_50cc6e312cbb4d48.txt",
        name=(
            "Đợt thi đua lập thành tích chào mừng đại hội Đảng bộ các cấp, tiến tới Đại hội đại "
            "biểu Đảng bộ tỉnh lần thứ XVI và Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"
        ),
        kind="thematic",
        launch_level="province",
        organiser_code="BL",
        launched_by="UBND tỉnh Bạc Liêu",
        document_type="plan",
        document_issuer="UBND tỉnh Bạc Liêu",
        start_date=date(2020, 5, 29),
        end_date=date(2020, 12, 31),
        results_due=date(2020, 9, 1),
        state="closed",
        objectives=(
            "Công tác thi đua thật sự là đòn bẩy, động lực khuyến khích các tầng lớp Nhân dân "
            "phát huy sáng tạo, tăng năng suất lao động; hoàn thành và hoàn thành vượt mức chỉ "
            "tiêu kế hoạch, góp phần hoàn thành các chỉ tiêu kinh tế - xã hội giai đoạn 2016 - "
            "2020; hoàn thành các nội dung thi đua trước ngày 2/9/2020, chào mừng kỷ niệm 75 năm "
            "Quốc khánh."
        ),
        content_items=(
            "Thi đua “Cả nước chung sức xây dựng nông thôn mới”: đến cuối năm 2020 toàn tỉnh có "
            "49/49 xã đạt chuẩn nông thôn mới.",
            "Mỗi cơ quan, đơn vị, địa phương chọn ít nhất 1 - 2 công trình, chương trình, phần "
            "việc trọng điểm hoặc việc mới, việc khó, khâu đột phá để tổ chức thi đua.",
            "Đẩy mạnh cải cách hành chính, trọng tâm là thủ tục liên quan trực tiếp đến người dân "
            "và doanh nghiệp.",
            "Huy động nguồn lực đầu tư, hoàn thiện kết cấu hạ tầng; đô thị hóa và giảm nghèo bền "
            "vững.",
        ),
        scope=("subtree", ("district", "commune")),
        targets=(
            TargetRow(
                "Số xã đạt chuẩn nông thôn mới",
                "xã",
                "at_least",
                "count_meeting",
                low="49",
                unit_goal="1",
                applies_level="commune",
                label="49/49 xã",
                note="Mỗi xã báo cáo 1 khi đạt chuẩn. Dữ liệu mẫu có 12 trong 49 xã của tỉnh; "
                "kết quả: " + ILLUSTRATIVE,
                reports=(
                    ("BL.TPBL.VINHTRACHDONG", "1", date(2020, 8, 28)),
                    ("BL.TPBL.VINHTRACH", "1", date(2020, 8, 28)),
                    ("BL.TPBL.HIEPTHANH", "1", date(2020, 8, 28)),
                    ("BL.HD.NINHTHANHLOIA", "1", date(2020, 8, 28)),
                    ("BL.HD.NINHQUOI", "0", date(2020, 8, 28)),
                ),
            ),
        ),
        quotas=(
            QuotaRow(
                1,
                2,
                note="Mỗi cơ quan, đơn vị, địa phương chọn ít nhất 1 - 2 công trình, phần việc",
            ),
        ),
        works=(
            WorkRow(
                "BL.TPBL.VINHTRACHDONG",
                "Xây dựng lộ giao thông chào mừng đại hội Đảng bộ xã",
                "other",
                funding_sources="Chính quyền và Nhân dân đóng góp sức người, sức của",
            ),
            WorkRow(
                "BL.HD.NINHTHANHLOIA",
                "Công trình mở rộng lộ giao thông nông thôn chào mừng đại hội Đảng bộ xã",
                "other",
            ),
        ),
        registrations=(
            RegistrationRow("BL.TPBL.VINHTRACHDONG", date(2020, 6, 10), "TTLDXS"),
            RegistrationRow("BL.HD.NINHTHANHLOIA", date(2020, 6, 12), "TTLDTT"),
        ),
        note="Bài báo (29/5/2020) không nêu số, ngày kế hoạch; ngày bắt đầu ghi theo ngày đăng "
        "tin. Hai công trình của xã Vĩnh Trạch Đông và Ninh Thạnh Lợi A lấy từ bài báo; đăng ký "
        "và kết quả: " + ILLUSTRATIVE,
    ),
)
