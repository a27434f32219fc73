"""Demo organisation data: real Vietnamese units, their 2019–2025 reorganisations, clusters,
and name pools for generating realistic people.

Pure data, standard library only. The ``thidua demo`` management command loads it into the
models; nothing here touches Django.

Sources and scope
-----------------
* Unit names and the 01/07/2025 commune/ward mergers follow the national administrative-unit
  lists (the state on 30/06/2025 and the 2025 conversion tables), cross-checked against a
  2020–2024 snapshot of the same lists. Only units whose 2020–2025 history is known are
  included; every merger recorded here lists all its predecessors (parts of a split unit are
  noted in the event's ``note``).
* The five seed articles in ``shared/seeds/`` name Thạch Hạ, Thạch Bình, Đồng Môn (Thành phố
  Hà Tĩnh), the Đông Hà blocks, Vĩnh Trạch Đông and Ninh Thạnh Lợi A (Bạc Liêu).
* Composition, leaders and deputies of clusters and blocks are illustrative: the seeds say the
  blocks exist, not who is in them.

Conventions
-----------
Codes
    Upper-case ASCII, dot-separated, never reused: ``HT`` (province), ``HT.SNV`` (department),
    ``HT.TPHT`` (district), ``HT.TPHT.THACHHA`` (commune), ``HT.TPHT.THACHHA.LIENHA``
    (village). A code keeps the segment of the parent the unit was created under, even after
    a ``move``. When a commune became a ward in place (xã → phường, 01/01/2025) the ward is a
    new unit whose last segment is the commune's prefixed with ``P`` (``HT.TPHT.PTHACHHA``).
    Units created on 01/07/2025 hang directly under the province (``HT.THANHSEN``).
Dates
    ``valid_from``/``valid_to`` are inclusive. ``DEMO_EPOCH`` (01/01/2008) is a placeholder
    meaning "existed, under this name and kind, before the demo period (2019–2025)"; it is not
    a founding date, and earlier history is not modelled. Real dates are used where known:
    the provinces' re-establishment (Quảng Trị and Quảng Bình 01/07/1989, Hà Tĩnh
    12/08/1991, Bạc Liêu and Cà Mau 01/01/1997), Thành phố Hà Tĩnh 28/05/2007, Thị xã Kỳ Anh
    10/04/2015, Thành phố Đông Hà 11/08/2009, Bệnh viện Mắt Hà Tĩnh 24/08/2016, and the 2020
    and 2025 reorganisations. Units under Thị xã Kỳ Anh and Thành phố Đông Hà start with
    the town or city; their earlier history (under huyện Kỳ Anh, as Thị xã Đông Hà) is not
    modelled.
Lineage events (``LINEAGE``)
    ``merge``
        predecessors → one successor. A successor that is also a predecessor keeps its code
        and stays active (absorbing merge: ``BL`` + ``CM`` → ``CM``); the other predecessors
        end the day before ``effective_date``; a successor that is not a predecessor starts
        on ``effective_date``.
    ``split``
        one predecessor → several successors. The predecessor ends unless it is listed among
        the successors (``HT.KA`` in 2015 kept existing next to the new ``HT.TXKA``).
    ``rename``
        one predecessor → one successor, with ``old_name``/``new_name``. Here every rename is
        a commune becoming a ward (xã → phường): the kind changes too, and the law founds a
        new ward "trên cơ sở toàn bộ diện tích, dân số" of the commune, so the ward is a
        separate unit with its own code and the commune ends the day before.
    ``dissolve``
        predecessors end; ``successors`` are the units that took over their tasks (the
        province for districts), or empty when no single unit did.
    ``move``
        re-parenting: the moved unit is both the only predecessor and the only successor, and
        ``old_parent_code``/``new_parent_code`` say where it moved. The unit stays active with
        the same code; ``Unit.parent_code`` is the parent at ``valid_from``, so apply moves in
        date order to get the parent at a later date.
    ``legal_reference`` is the short citation of the instrument where it is known (the note
    repeats it in full); it is empty where the instrument was not verified.
    The 2025 abolition of the district level is modelled as one ``dissolve`` per district
    with the province as successor. Each commune under a district then ends in the real
    01/07/2025 ``merge`` that created its successor, or, where the commune was kept whole
    (Sơn Kim 1, Sơn Kim 2), ``move``s to the province. Villages (thôn) end with their commune
    when it became a ward; the tổ dân phố that replaced them are not modelled.
Not modelled
    District-level offices of Đông Hà are shown lasting until 30/06/2025; the early-2025
    internal reorganisations at district level are not modelled, and offices known to have
    been merged then (e.g. Phòng Lao động – Thương binh và Xã hội) are left out. The 2025
    merger of Quảng Bình's and Quảng Trị's departments is not modelled: ``QT.SNV`` simply
    continues. Xã Tân Lâm Hương starts on 01/01/2020, when Nghị quyết 819/NQ-UBTVQH14 took
    effect; the communes it was formed from are not recorded.
Clusters (``CLUSTERS``)
    ``(code, year)`` is unique; the same code in several years is the same cluster with that
    year's membership and rotating leader. Every member is active on 31 December of the year.
    Leader and deputy are members too.
Levels
    ``Unit.level`` is only set where the usual level of the kind does not apply: the Đông Hà
    offices and mass organisations are kind ``department``/``mass_org`` at district level.
"""

from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

__all__ = [
    "CLUSTERS",
    "DEMO_EPOCH",
    "ETHNICITIES",
    "FAMILY_NAMES",
    "FAMILY_NAMES_KHMER",
    "GIVEN_NAMES_FEMALE",
    "GIVEN_NAMES_MALE",
    "LINEAGE",
    "MIDDLE_NAMES_FEMALE",
    "MIDDLE_NAMES_MALE",
    "NAMED_PEOPLE",
    "POSITIONS",
    "UNITS",
    "Cluster",
    "ClusterKind",
    "Ethnicity",
    "LineageEvent",
    "LineageKind",
    "NamedPerson",
    "Position",
    "Unit",
    "UnitKind",
    "UnitLevel",
    "WeightedName",
]

UnitKind = Literal[
    "province",
    "department",
    "district",
    "commune",
    "ward",
    "special_zone",
    "enterprise",
    "school",
    "hospital",
    "mass_org",
    "village",
]
UnitLevel = Literal["province", "department", "district", "commune", "grassroots", "village"]
LineageKind = Literal["merge", "split", "rename", "dissolve", "move"]
ClusterKind = Literal["cluster", "block"]


@dataclass(frozen=True, slots=True)
class Unit:
    """An organisation or administrative unit, active from ``valid_from`` to ``valid_to``."""

    code: str
    name: str
    short_name: str
    kind: UnitKind
    parent_code: str | None
    valid_from: date
    valid_to: date | None = None
    level: UnitLevel | None = None


@dataclass(frozen=True, slots=True)
class LineageEvent:
    """A reorganisation; see the module docstring for what each kind means."""

    kind: LineageKind
    effective_date: date
    predecessors: tuple[str, ...]
    successors: tuple[str, ...]
    note: str
    legal_reference: str = ""
    old_name: str = ""
    new_name: str = ""
    old_parent_code: str | None = None
    new_parent_code: str | None = None


@dataclass(frozen=True, slots=True)
class Cluster:
    """An emulation cluster (cụm) or block (khối) for one year."""

    code: str
    name: str
    kind: ClusterKind
    year: int
    organiser_code: str
    members: tuple[str, ...]
    leader_code: str
    deputy_code: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class WeightedName:
    """A name part with a relative sampling weight (roughly a population share in percent)."""

    name: str
    weight: float


@dataclass(frozen=True, slots=True)
class Ethnicity:
    """An ethnic group: national share (2019 census, rounded) and demo sampling weights.

    ``province_weights`` are relative weights for people generated in units of that province
    (province codes); they roughly follow census shares and are not official statistics.
    ``local_groups`` are local groups (nhóm địa phương) counted under this official name.
    """

    name: str
    national_share: float
    province_weights: tuple[tuple[str, float], ...] = ()
    local_groups: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Position:
    """A job title for people in units of one kind.

    ``direct_worker``: người lao động trực tiếp, who get priority in commendation (Chỉ thị
    34-CT/TW, Chỉ thị 41-CT/TW). Only workers, farmers and fishers are flagged: the legal notes
    name "workers and farmers" and do not settle teachers or doctors.
    ``leader``: holds a leadership or management post.
    ``weight``: relative headcount, for sampling.
    ``name_prefixes``: the title only fits units whose name starts with one of these; empty
    means any unit of the kind.
    ``valid_from``/``valid_to``: the title is only used in this period (None = open).
    """

    title: str
    direct_worker: bool
    leader: bool
    weight: int
    name_prefixes: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass(frozen=True, slots=True)
class NamedPerson:
    """A real person named in a seed article, with the post the article gives."""

    full_name: str
    unit_code: str
    position: str  # "" when the article gives none
    roles: tuple[str, ...]
    as_of: date
    source: str
    note: str = ""


# Placeholder start for units that existed before the demo period (see module docstring).
DEMO_EPOCH: Final = date(2008, 1, 1)
# Thành phố Đông Hà established (Chính phủ resolution of 11/08/2009).
DONG_HA_CITY: Final = date(2009, 8, 11)
# Hà Tĩnh commune arrangement 2019–2021: Nghị quyết 819/NQ-UBTVQH14, in force 01/01/2020.
NQ819: Final = date(2020, 1, 1)
BEFORE_NQ819: Final = date(2019, 12, 31)
# Hà Tĩnh district and commune arrangement 2023–2025: Nghị quyết 1283/NQ-UBTVQH15, in force
# 01/01/2025.
NQ1283: Final = date(2025, 1, 1)
BEFORE_NQ1283: Final = date(2024, 12, 31)
# Provincial departments consolidated (national date of the 2025 restructuring).
DEPT_MERGE_2025: Final = date(2025, 3, 1)
BEFORE_DEPT_MERGE: Final = date(2025, 2, 28)
# Two-tier local government: district level abolished, provinces and communes merged.
REFORM_2025: Final = date(2025, 7, 1)
BEFORE_REFORM: Final = date(2025, 6, 30)


# Legal bases quoted in lineage notes.
SRC_NQ202: Final = (
    "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính "
    "cấp tỉnh."
)
SRC_NQ1283: Final = (
    "Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024 của Ủy ban Thường vụ Quốc hội về sắp xếp "
    "đơn vị hành chính cấp huyện, cấp xã của tỉnh Hà Tĩnh giai đoạn 2023 – 2025."
)
SRC_DISTRICTS_END: Final = (
    "Đơn vị hành chính cấp huyện kết thúc hoạt động từ 01/7/2025 (mô hình chính quyền địa "
    "phương hai cấp); nhiệm vụ chuyển về cấp tỉnh và cấp xã."
)
# The commune-level resolutions of 2025 are cited without their numbers (not verified here).
SRC_XA_HT: Final = (
    "Sắp xếp đơn vị hành chính cấp xã của tỉnh Hà Tĩnh năm 2025 (nghị quyết của Ủy ban "
    "Thường vụ Quốc hội, hiệu lực 01/7/2025)."
)
SRC_XA_QT: Final = (
    "Sắp xếp đơn vị hành chính cấp xã của tỉnh Quảng Trị năm 2025 (hiệu lực 01/7/2025)."
)
SRC_XA_CM: Final = "Sắp xếp đơn vị hành chính cấp xã của tỉnh Cà Mau năm 2025 (hiệu lực 01/7/2025)."


# Unit(code, name, short_name, kind, parent_code, valid_from, valid_to[, level])
UNITS: Final[list[Unit]] = [
    # --- Tỉnh Hà Tĩnh: province, departments, mass organisations
    Unit("HT", "Tỉnh Hà Tĩnh", "Hà Tĩnh", "province", None, date(1991, 8, 12), None),
    Unit("HT.SNV", "Sở Nội vụ tỉnh Hà Tĩnh", "Sở Nội vụ", "department", "HT", DEMO_EPOCH, None),
    Unit(
        "HT.SNV.BTDKT",
        "Ban Thi đua – Khen thưởng tỉnh Hà Tĩnh",
        "Ban TĐKT",
        "department",
        "HT.SNV",
        DEMO_EPOCH,
        None,
    ),
    Unit(
        "HT.STC", "Sở Tài chính tỉnh Hà Tĩnh", "Sở Tài chính", "department", "HT", DEMO_EPOCH, None
    ),
    Unit(
        "HT.SKHDT",
        "Sở Kế hoạch và Đầu tư tỉnh Hà Tĩnh",
        "Sở KH&ĐT",
        "department",
        "HT",
        DEMO_EPOCH,
        BEFORE_DEPT_MERGE,
    ),
    Unit(
        "HT.SGDDT",
        "Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh",
        "Sở GD&ĐT",
        "department",
        "HT",
        DEMO_EPOCH,
        None,
    ),
    Unit("HT.SYT", "Sở Y tế tỉnh Hà Tĩnh", "Sở Y tế", "department", "HT", DEMO_EPOCH, None),
    Unit(
        "HT.SLDTBXH",
        "Sở Lao động – Thương binh và Xã hội tỉnh Hà Tĩnh",
        "Sở LĐ-TB&XH",
        "department",
        "HT",
        DEMO_EPOCH,
        BEFORE_DEPT_MERGE,
    ),
    Unit(
        "HT.SNNPTNT",
        "Sở Nông nghiệp và Phát triển nông thôn tỉnh Hà Tĩnh",
        "Sở NN&PTNT",
        "department",
        "HT",
        DEMO_EPOCH,
        BEFORE_DEPT_MERGE,
    ),
    Unit(
        "HT.STNMT",
        "Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh",
        "Sở TN&MT",
        "department",
        "HT",
        DEMO_EPOCH,
        BEFORE_DEPT_MERGE,
    ),
    Unit(
        "HT.SNNMT",
        "Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh",
        "Sở NN&MT",
        "department",
        "HT",
        DEPT_MERGE_2025,
        None,
    ),
    Unit("HT.SXD", "Sở Xây dựng tỉnh Hà Tĩnh", "Sở Xây dựng", "department", "HT", DEMO_EPOCH, None),
    Unit(
        "HT.SGTVT",
        "Sở Giao thông vận tải tỉnh Hà Tĩnh",
        "Sở GTVT",
        "department",
        "HT",
        DEMO_EPOCH,
        BEFORE_DEPT_MERGE,
    ),
    Unit("HT.CA", "Công an tỉnh Hà Tĩnh", "Công an tỉnh", "department", "HT", DEMO_EPOCH, None),
    Unit(
        "HT.BCHQS",
        "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh",
        "Bộ CHQS tỉnh",
        "department",
        "HT",
        DEMO_EPOCH,
        None,
    ),
    Unit(
        "HT.MTTQ",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hà Tĩnh",
        "UBMTTQ tỉnh",
        "mass_org",
        "HT",
        DEMO_EPOCH,
        None,
    ),
    Unit(
        "HT.LDLD",
        "Liên đoàn Lao động tỉnh Hà Tĩnh",
        "LĐLĐ tỉnh",
        "mass_org",
        "HT",
        DEMO_EPOCH,
        None,
    ),
    Unit("HT.TD", "Tỉnh đoàn Hà Tĩnh", "Tỉnh đoàn", "mass_org", "HT", DEMO_EPOCH, None),
    Unit(
        "HT.HLHPN",
        "Hội Liên hiệp Phụ nữ tỉnh Hà Tĩnh",
        "Hội LHPN tỉnh",
        "mass_org",
        "HT",
        DEMO_EPOCH,
        None,
    ),
    Unit(
        "HT.HND",
        "Hội Nông dân tỉnh Hà Tĩnh",
        "Hội Nông dân tỉnh",
        "mass_org",
        "HT",
        DEMO_EPOCH,
        None,
    ),
    Unit(
        "HT.HCCB",
        "Hội Cựu chiến binh tỉnh Hà Tĩnh",
        "Hội CCB tỉnh",
        "mass_org",
        "HT",
        DEMO_EPOCH,
        None,
    ),
    # --- Enterprises, schools and hospitals in Hà Tĩnh
    Unit(
        "HT.DN.FHS",
        "Công ty TNHH Gang thép Hưng Nghiệp Formosa Hà Tĩnh",
        "Formosa Hà Tĩnh",
        "enterprise",
        "HT",
        DEMO_EPOCH,
        None,
    ),
    Unit(
        "HT.DN.PCHT", "Công ty Điện lực Hà Tĩnh", "PC Hà Tĩnh", "enterprise", "HT", DEMO_EPOCH, None
    ),
    Unit(
        "HT.DN.MITRACO",
        "Tổng Công ty Khoáng sản và Thương mại Hà Tĩnh – CTCP",
        "Mitraco",
        "enterprise",
        "HT",
        DEMO_EPOCH,
        None,
    ),
    Unit(
        "HT.DN.HAINDECO",
        "Công ty Cổ phần Phát triển công nghiệp xây lắp và Thương mại Hà Tĩnh",
        "HAINDECO",
        "enterprise",
        "HT",
        DEMO_EPOCH,
        None,
    ),
    Unit("HT.DHHT", "Trường Đại học Hà Tĩnh", "ĐH Hà Tĩnh", "school", "HT", DEMO_EPOCH, None),
    Unit(
        "HT.SGDDT.THPTCHUYEN",
        "Trường THPT Chuyên Hà Tĩnh",
        "THPT Chuyên Hà Tĩnh",
        "school",
        "HT.SGDDT",
        DEMO_EPOCH,
        None,
    ),
    Unit(
        "HT.SGDDT.THPTPDP",
        "Trường THPT Phan Đình Phùng",
        "THPT Phan Đình Phùng",
        "school",
        "HT.SGDDT",
        DEMO_EPOCH,
        None,
    ),
    Unit(
        "HT.SYT.BVDK",
        "Bệnh viện Đa khoa tỉnh Hà Tĩnh",
        "BVĐK tỉnh",
        "hospital",
        "HT.SYT",
        DEMO_EPOCH,
        None,
    ),
    Unit(
        "HT.SYT.BVMAT",
        "Bệnh viện Mắt Hà Tĩnh",
        "BV Mắt",
        "hospital",
        "HT.SYT",
        date(2016, 8, 24),
        None,
    ),
    Unit(
        "HT.SYT.BVPHCN",
        "Bệnh viện Phục hồi chức năng Hà Tĩnh",
        "BV PHCN",
        "hospital",
        "HT.SYT",
        DEMO_EPOCH,
        None,
    ),
    # --- Hà Tĩnh districts: all end 30/06/2025, except Lộc Hà (into Thạch Hà 01/01/2025)
    Unit(
        "HT.TPHT",
        "Thành phố Hà Tĩnh",
        "TP Hà Tĩnh",
        "district",
        "HT",
        date(2007, 5, 28),
        BEFORE_REFORM,
    ),
    Unit(
        "HT.TXHL", "Thị xã Hồng Lĩnh", "TX Hồng Lĩnh", "district", "HT", DEMO_EPOCH, BEFORE_REFORM
    ),
    Unit(
        "HT.TXKA", "Thị xã Kỳ Anh", "TX Kỳ Anh", "district", "HT", date(2015, 4, 10), BEFORE_REFORM
    ),
    Unit("HT.CX", "Huyện Cẩm Xuyên", "Cẩm Xuyên", "district", "HT", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.CL", "Huyện Can Lộc", "Can Lộc", "district", "HT", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.DT", "Huyện Đức Thọ", "Đức Thọ", "district", "HT", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.HK", "Huyện Hương Khê", "Hương Khê", "district", "HT", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.HS", "Huyện Hương Sơn", "Hương Sơn", "district", "HT", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.KA", "Huyện Kỳ Anh", "Kỳ Anh", "district", "HT", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.LH", "Huyện Lộc Hà", "Lộc Hà", "district", "HT", DEMO_EPOCH, BEFORE_NQ1283),
    Unit("HT.NX", "Huyện Nghi Xuân", "Nghi Xuân", "district", "HT", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.TH", "Huyện Thạch Hà", "Thạch Hà", "district", "HT", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.VQ", "Huyện Vũ Quang", "Vũ Quang", "district", "HT", DEMO_EPOCH, BEFORE_REFORM),
    # --- Thành phố Hà Tĩnh: its 15 wards and communes of 2020–2024, with the 2020 and 2025 changes
    Unit("HT.TPHT.BACHA", "Phường Bắc Hà", "Bắc Hà", "ward", "HT.TPHT", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.TPHT.NAMHA", "Phường Nam Hà", "Nam Hà", "ward", "HT.TPHT", DEMO_EPOCH, BEFORE_REFORM),
    Unit(
        "HT.TPHT.TRANPHU",
        "Phường Trần Phú",
        "Trần Phú",
        "ward",
        "HT.TPHT",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "HT.TPHT.TANGIANG",
        "Phường Tân Giang",
        "Tân Giang",
        "ward",
        "HT.TPHT",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "HT.TPHT.NGUYENDU",
        "Phường Nguyễn Du",
        "Nguyễn Du",
        "ward",
        "HT.TPHT",
        DEMO_EPOCH,
        BEFORE_NQ1283,
    ),
    Unit(
        "HT.TPHT.HAHUYTAP",
        "Phường Hà Huy Tập",
        "Hà Huy Tập",
        "ward",
        "HT.TPHT",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "HT.TPHT.DAINAI", "Phường Đại Nài", "Đại Nài", "ward", "HT.TPHT", DEMO_EPOCH, BEFORE_REFORM
    ),
    Unit(
        "HT.TPHT.VANYEN", "Phường Văn Yên", "Văn Yên", "ward", "HT.TPHT", DEMO_EPOCH, BEFORE_REFORM
    ),
    Unit(
        "HT.TPHT.THACHLINH",
        "Phường Thạch Linh",
        "Thạch Linh",
        "ward",
        "HT.TPHT",
        DEMO_EPOCH,
        BEFORE_NQ1283,
    ),
    Unit(
        "HT.TPHT.THACHQUY",
        "Phường Thạch Quý",
        "Thạch Quý",
        "ward",
        "HT.TPHT",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "HT.TPHT.THACHDONG",
        "Xã Thạch Đồng",
        "Thạch Đồng",
        "commune",
        "HT.TPHT",
        DEMO_EPOCH,
        BEFORE_NQ819,
    ),
    Unit(
        "HT.TPHT.THACHMON",
        "Xã Thạch Môn",
        "Thạch Môn",
        "commune",
        "HT.TPHT",
        DEMO_EPOCH,
        BEFORE_NQ819,
    ),
    Unit(
        "HT.TPHT.THACHTRUNG",
        "Xã Thạch Trung",
        "Thạch Trung",
        "commune",
        "HT.TPHT",
        DEMO_EPOCH,
        BEFORE_NQ1283,
    ),
    Unit(
        "HT.TPHT.THACHHA",
        "Xã Thạch Hạ",
        "Thạch Hạ",
        "commune",
        "HT.TPHT",
        DEMO_EPOCH,
        BEFORE_NQ1283,
    ),
    Unit(
        "HT.TPHT.THACHHUNG",
        "Xã Thạch Hưng",
        "Thạch Hưng",
        "commune",
        "HT.TPHT",
        DEMO_EPOCH,
        BEFORE_NQ1283,
    ),
    Unit("HT.TPHT.DONGMON", "Xã Đồng Môn", "Đồng Môn", "commune", "HT.TPHT", NQ819, BEFORE_NQ1283),
    Unit(
        "HT.TPHT.THACHBINH",
        "Xã Thạch Bình",
        "Thạch Bình",
        "commune",
        "HT.TPHT",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "HT.TPHT.PTHACHTRUNG",
        "Phường Thạch Trung",
        "Thạch Trung",
        "ward",
        "HT.TPHT",
        NQ1283,
        BEFORE_REFORM,
    ),
    Unit(
        "HT.TPHT.PTHACHHA", "Phường Thạch Hạ", "Thạch Hạ", "ward", "HT.TPHT", NQ1283, BEFORE_REFORM
    ),
    Unit(
        "HT.TPHT.PDONGMON", "Phường Đồng Môn", "Đồng Môn", "ward", "HT.TPHT", NQ1283, BEFORE_REFORM
    ),
    Unit(
        "HT.TPHT.PTHACHHUNG",
        "Phường Thạch Hưng",
        "Thạch Hưng",
        "ward",
        "HT.TPHT",
        NQ1283,
        BEFORE_REFORM,
    ),
    Unit(
        "HT.TPHT.THACHHA.LIENHA",
        "Thôn Liên Hà",
        "Liên Hà",
        "village",
        "HT.TPHT.THACHHA",
        DEMO_EPOCH,
        BEFORE_NQ1283,
    ),
    Unit(
        "HT.TPHT.THACHHA.LIENNHAT",
        "Thôn Liên Nhật",
        "Liên Nhật",
        "village",
        "HT.TPHT.THACHHA",
        DEMO_EPOCH,
        BEFORE_NQ1283,
    ),
    Unit(
        "HT.TPHT.DONGMON.DONGTHANH",
        "Thôn Đồng Thanh",
        "Đồng Thanh",
        "village",
        "HT.TPHT.DONGMON",
        NQ819,
        BEFORE_NQ1283,
    ),
    # --- Other Hà Tĩnh districts: communes and wards (each group became one unit in 2025)
    Unit(
        "HT.TXHL.NAMHONG",
        "Phường Nam Hồng",
        "Nam Hồng",
        "ward",
        "HT.TXHL",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "HT.TXHL.DAULIEU",
        "Phường Đậu Liêu",
        "Đậu Liêu",
        "ward",
        "HT.TXHL",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "HT.TXHL.THUANLOC",
        "Xã Thuận Lộc",
        "Thuận Lộc",
        "commune",
        "HT.TXHL",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "HT.TXKA.KYHOA",
        "Xã Kỳ Hoa",
        "Kỳ Hoa",
        "commune",
        "HT.TXKA",
        date(2015, 4, 10),
        BEFORE_REFORM,
    ),
    Unit("HT.CX.CAMBINH", "Xã Cẩm Bình", "Cẩm Bình", "commune", "HT.CX", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.CX.CAMVINH", "Xã Cẩm Vịnh", "Cẩm Vịnh", "commune", "HT.CX", DEMO_EPOCH, BEFORE_REFORM),
    Unit(
        "HT.CX.CAMTHANH", "Xã Cẩm Thành", "Cẩm Thành", "commune", "HT.CX", DEMO_EPOCH, BEFORE_REFORM
    ),
    Unit("HT.CX.CAMLINH", "Xã Cẩm Lĩnh", "Cẩm Lĩnh", "commune", "HT.CX", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.CX.CAMLOC", "Xã Cẩm Lộc", "Cẩm Lộc", "commune", "HT.CX", DEMO_EPOCH, BEFORE_REFORM),
    Unit(
        "HT.CX.CAMTRUNG", "Xã Cẩm Trung", "Cẩm Trung", "commune", "HT.CX", DEMO_EPOCH, BEFORE_REFORM
    ),
    Unit("HT.CL.XUANLOC", "Xã Xuân Lộc", "Xuân Lộc", "commune", "HT.CL", DEMO_EPOCH, BEFORE_REFORM),
    Unit(
        "HT.CL.QUANGLOC", "Xã Quang Lộc", "Quang Lộc", "commune", "HT.CL", DEMO_EPOCH, BEFORE_REFORM
    ),
    Unit("HT.CL.SONLOC", "Xã Sơn Lộc", "Sơn Lộc", "commune", "HT.CL", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.DT.DUCDONG", "Xã Đức Đồng", "Đức Đồng", "commune", "HT.DT", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.DT.DUCLANG", "Xã Đức Lạng", "Đức Lạng", "commune", "HT.DT", DEMO_EPOCH, BEFORE_REFORM),
    Unit(
        "HT.DT.TANHUONG", "Xã Tân Hương", "Tân Hương", "commune", "HT.DT", DEMO_EPOCH, BEFORE_REFORM
    ),
    Unit(
        "HT.HK.PHUCTRACH",
        "Xã Phúc Trạch",
        "Phúc Trạch",
        "commune",
        "HT.HK",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "HT.HK.HUONGTRACH",
        "Xã Hương Trạch",
        "Hương Trạch",
        "commune",
        "HT.HK",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "HT.HK.HUONGLIEN",
        "Xã Hương Liên",
        "Hương Liên",
        "commune",
        "HT.HK",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit("HT.HS.SONKIM1", "Xã Sơn Kim 1", "Sơn Kim 1", "commune", "HT.HS", DEMO_EPOCH, None),
    Unit("HT.HS.SONKIM2", "Xã Sơn Kim 2", "Sơn Kim 2", "commune", "HT.HS", DEMO_EPOCH, None),
    Unit("HT.HS.SONHONG", "Xã Sơn Hồng", "Sơn Hồng", "commune", "HT.HS", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.HS.SONLINH", "Xã Sơn Lĩnh", "Sơn Lĩnh", "commune", "HT.HS", DEMO_EPOCH, BEFORE_REFORM),
    Unit(
        "HT.KA.KYTHUONG", "Xã Kỳ Thượng", "Kỳ Thượng", "commune", "HT.KA", DEMO_EPOCH, BEFORE_REFORM
    ),
    Unit("HT.KA.KYSON", "Xã Kỳ Sơn", "Kỳ Sơn", "commune", "HT.KA", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.KA.KYXUAN", "Xã Kỳ Xuân", "Kỳ Xuân", "commune", "HT.KA", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.KA.KYBAC", "Xã Kỳ Bắc", "Kỳ Bắc", "commune", "HT.KA", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.KA.KYPHONG", "Xã Kỳ Phong", "Kỳ Phong", "commune", "HT.KA", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.KA.KYTAN", "Xã Kỳ Tân", "Kỳ Tân", "commune", "HT.KA", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.LH.HODO", "Xã Hộ Độ", "Hộ Độ", "commune", "HT.LH", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.LH.PHULUU", "Xã Phù Lưu", "Phù Lưu", "commune", "HT.LH", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.LH.THACHMY", "Xã Thạch Mỹ", "Thạch Mỹ", "commune", "HT.LH", DEMO_EPOCH, BEFORE_REFORM),
    Unit(
        "HT.LH.THACHCHAU",
        "Xã Thạch Châu",
        "Thạch Châu",
        "commune",
        "HT.LH",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit("HT.LH.MAIPHU", "Xã Mai Phụ", "Mai Phụ", "commune", "HT.LH", DEMO_EPOCH, BEFORE_REFORM),
    Unit("HT.NX.CODAM", "Xã Cổ Đạm", "Cổ Đạm", "commune", "HT.NX", DEMO_EPOCH, BEFORE_REFORM),
    Unit(
        "HT.NX.XUANLIEN", "Xã Xuân Liên", "Xuân Liên", "commune", "HT.NX", DEMO_EPOCH, BEFORE_REFORM
    ),
    Unit(
        "HT.NX.CUONGGIAN",
        "Xã Cương Gián",
        "Cương Gián",
        "commune",
        "HT.NX",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "HT.TH.THACHDAI", "Xã Thạch Đài", "Thạch Đài", "commune", "HT.TH", DEMO_EPOCH, BEFORE_REFORM
    ),
    Unit(
        "HT.TH.TANLAMHUONG",
        "Xã Tân Lâm Hương",
        "Tân Lâm Hương",
        "commune",
        "HT.TH",
        NQ819,
        BEFORE_REFORM,
    ),
    Unit("HT.VQ.ANPHU", "Xã Ân Phú", "Ân Phú", "commune", "HT.VQ", DEMO_EPOCH, BEFORE_REFORM),
    Unit(
        "HT.VQ.DUCGIANG", "Xã Đức Giang", "Đức Giang", "commune", "HT.VQ", DEMO_EPOCH, BEFORE_REFORM
    ),
    Unit("HT.VQ.DUCLINH", "Xã Đức Lĩnh", "Đức Lĩnh", "commune", "HT.VQ", DEMO_EPOCH, BEFORE_REFORM),
    # --- Hà Tĩnh communes and wards from 01/07/2025 (two-tier local government)
    Unit("HT.THANHSEN", "Phường Thành Sen", "Thành Sen", "ward", "HT", REFORM_2025, None),
    Unit("HT.TRANPHU", "Phường Trần Phú", "Trần Phú", "ward", "HT", REFORM_2025, None),
    Unit("HT.HAHUYTAP", "Phường Hà Huy Tập", "Hà Huy Tập", "ward", "HT", REFORM_2025, None),
    Unit(
        "HT.NAMHONGLINH", "Phường Nam Hồng Lĩnh", "Nam Hồng Lĩnh", "ward", "HT", REFORM_2025, None
    ),
    Unit("HT.CAMBINH", "Xã Cẩm Bình", "Cẩm Bình", "commune", "HT", REFORM_2025, None),
    Unit("HT.CAMTRUNG", "Xã Cẩm Trung", "Cẩm Trung", "commune", "HT", REFORM_2025, None),
    Unit("HT.XUANLOC", "Xã Xuân Lộc", "Xuân Lộc", "commune", "HT", REFORM_2025, None),
    Unit("HT.DUCDONG", "Xã Đức Đồng", "Đức Đồng", "commune", "HT", REFORM_2025, None),
    Unit("HT.PHUCTRACH", "Xã Phúc Trạch", "Phúc Trạch", "commune", "HT", REFORM_2025, None),
    Unit("HT.SONHONG", "Xã Sơn Hồng", "Sơn Hồng", "commune", "HT", REFORM_2025, None),
    Unit("HT.KYTHUONG", "Xã Kỳ Thượng", "Kỳ Thượng", "commune", "HT", REFORM_2025, None),
    Unit("HT.KYXUAN", "Xã Kỳ Xuân", "Kỳ Xuân", "commune", "HT", REFORM_2025, None),
    Unit("HT.KYHOA", "Xã Kỳ Hoa", "Kỳ Hoa", "commune", "HT", REFORM_2025, None),
    Unit("HT.MAIPHU", "Xã Mai Phụ", "Mai Phụ", "commune", "HT", REFORM_2025, None),
    Unit("HT.CODAM", "Xã Cổ Đạm", "Cổ Đạm", "commune", "HT", REFORM_2025, None),
    Unit("HT.MAIHOA", "Xã Mai Hoa", "Mai Hoa", "commune", "HT", REFORM_2025, None),
    # --- Tỉnh Quảng Trị and Thành phố Đông Hà; Tỉnh Quảng Bình (merged into Quảng Trị 01/07/2025)
    Unit("QT", "Tỉnh Quảng Trị", "Quảng Trị", "province", None, date(1989, 7, 1), None),
    Unit("QB", "Tỉnh Quảng Bình", "Quảng Bình", "province", None, date(1989, 7, 1), BEFORE_REFORM),
    Unit("QT.SNV", "Sở Nội vụ tỉnh Quảng Trị", "Sở Nội vụ", "department", "QT", DEMO_EPOCH, None),
    Unit(
        "QT.SNV.BTDKT",
        "Ban Thi đua – Khen thưởng tỉnh Quảng Trị",
        "Ban TĐKT",
        "department",
        "QT.SNV",
        DEMO_EPOCH,
        None,
    ),
    Unit("QT.DH", "Thành phố Đông Hà", "TP Đông Hà", "district", "QT", DONG_HA_CITY, BEFORE_REFORM),
    Unit(
        "QT.DH.VPTU",
        "Văn phòng Thành ủy Đông Hà",
        "VP Thành ủy",
        "department",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
        level="district",
    ),
    Unit(
        "QT.DH.BTCTU",
        "Ban Tổ chức Thành ủy Đông Hà",
        "Ban Tổ chức",
        "department",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
        level="district",
    ),
    Unit(
        "QT.DH.UBKTTU",
        "Ủy ban Kiểm tra Thành ủy Đông Hà",
        "UBKT Thành ủy",
        "department",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
        level="district",
    ),
    Unit(
        "QT.DH.VPHDUB",
        "Văn phòng HĐND và UBND thành phố Đông Hà",
        "VP HĐND–UBND",
        "department",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
        level="district",
    ),
    Unit(
        "QT.DH.PNV",
        "Phòng Nội vụ thành phố Đông Hà",
        "Phòng Nội vụ",
        "department",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
        level="district",
    ),
    Unit(
        "QT.DH.PTCKH",
        "Phòng Tài chính – Kế hoạch thành phố Đông Hà",
        "Phòng TC-KH",
        "department",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
        level="district",
    ),
    Unit(
        "QT.DH.PGDDT",
        "Phòng Giáo dục và Đào tạo thành phố Đông Hà",
        "Phòng GD&ĐT",
        "department",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
        level="district",
    ),
    Unit(
        "QT.DH.PTP",
        "Phòng Tư pháp thành phố Đông Hà",
        "Phòng Tư pháp",
        "department",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
        level="district",
    ),
    Unit(
        "QT.DH.MTTQ",
        "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Đông Hà",
        "UBMTTQ thành phố",
        "mass_org",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
        level="district",
    ),
    Unit(
        "QT.DH.LDLD",
        "Liên đoàn Lao động thành phố Đông Hà",
        "LĐLĐ thành phố",
        "mass_org",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
        level="district",
    ),
    Unit(
        "QT.DH.TD",
        "Thành đoàn Đông Hà",
        "Thành đoàn",
        "mass_org",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
        level="district",
    ),
    Unit(
        "QT.DH.HLHPN",
        "Hội Liên hiệp Phụ nữ thành phố Đông Hà",
        "Hội LHPN thành phố",
        "mass_org",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
        level="district",
    ),
    Unit(
        "QT.DH.HND",
        "Hội Nông dân thành phố Đông Hà",
        "Hội Nông dân thành phố",
        "mass_org",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
        level="district",
    ),
    Unit(
        "QT.DH.HCCB",
        "Hội Cựu chiến binh thành phố Đông Hà",
        "Hội CCB thành phố",
        "mass_org",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
        level="district",
    ),
    Unit("QT.DH.P1", "Phường 1", "Phường 1", "ward", "QT.DH", DONG_HA_CITY, BEFORE_REFORM),
    Unit("QT.DH.P2", "Phường 2", "Phường 2", "ward", "QT.DH", DONG_HA_CITY, BEFORE_REFORM),
    Unit("QT.DH.P3", "Phường 3", "Phường 3", "ward", "QT.DH", DONG_HA_CITY, BEFORE_REFORM),
    Unit("QT.DH.P4", "Phường 4", "Phường 4", "ward", "QT.DH", DONG_HA_CITY, BEFORE_REFORM),
    Unit("QT.DH.P5", "Phường 5", "Phường 5", "ward", "QT.DH", DONG_HA_CITY, BEFORE_REFORM),
    Unit(
        "QT.DH.DONGGIANG",
        "Phường Đông Giang",
        "Đông Giang",
        "ward",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
    ),
    Unit("QT.DH.DONGLE", "Phường Đông Lễ", "Đông Lễ", "ward", "QT.DH", DONG_HA_CITY, BEFORE_REFORM),
    Unit(
        "QT.DH.DONGLUONG",
        "Phường Đông Lương",
        "Đông Lương",
        "ward",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
    ),
    Unit(
        "QT.DH.DONGTHANH",
        "Phường Đông Thanh",
        "Đông Thanh",
        "ward",
        "QT.DH",
        DONG_HA_CITY,
        BEFORE_REFORM,
    ),
    Unit("QT.DONGHA", "Phường Đông Hà", "Đông Hà", "ward", "QT", REFORM_2025, None),
    Unit("QT.NAMDONGHA", "Phường Nam Đông Hà", "Nam Đông Hà", "ward", "QT", REFORM_2025, None),
    # --- Tỉnh Cà Mau; Tỉnh Bạc Liêu (merged into Cà Mau 01/07/2025)
    Unit("CM", "Tỉnh Cà Mau", "Cà Mau", "province", None, date(1997, 1, 1), None),
    Unit("BL", "Tỉnh Bạc Liêu", "Bạc Liêu", "province", None, date(1997, 1, 1), BEFORE_REFORM),
    Unit(
        "BL.TPBL", "Thành phố Bạc Liêu", "TP Bạc Liêu", "district", "BL", DEMO_EPOCH, BEFORE_REFORM
    ),
    Unit("BL.HD", "Huyện Hồng Dân", "Hồng Dân", "district", "BL", DEMO_EPOCH, BEFORE_REFORM),
    Unit("BL.VL", "Huyện Vĩnh Lợi", "Vĩnh Lợi", "district", "BL", DEMO_EPOCH, BEFORE_REFORM),
    Unit("BL.TPBL.P5", "Phường 5", "Phường 5", "ward", "BL.TPBL", DEMO_EPOCH, BEFORE_REFORM),
    Unit(
        "BL.TPBL.NHAMAT", "Phường Nhà Mát", "Nhà Mát", "ward", "BL.TPBL", DEMO_EPOCH, BEFORE_REFORM
    ),
    Unit(
        "BL.TPBL.VINHTRACH",
        "Xã Vĩnh Trạch",
        "Vĩnh Trạch",
        "commune",
        "BL.TPBL",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "BL.TPBL.VINHTRACHDONG",
        "Xã Vĩnh Trạch Đông",
        "Vĩnh Trạch Đông",
        "commune",
        "BL.TPBL",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "BL.TPBL.HIEPTHANH",
        "Xã Hiệp Thành",
        "Hiệp Thành",
        "commune",
        "BL.TPBL",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "BL.HD.NINHTHANHLOI",
        "Xã Ninh Thạnh Lợi",
        "Ninh Thạnh Lợi",
        "commune",
        "BL.HD",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "BL.HD.NINHTHANHLOIA",
        "Xã Ninh Thạnh Lợi A",
        "Ninh Thạnh Lợi A",
        "commune",
        "BL.HD",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "BL.HD.NINHQUOI", "Xã Ninh Quới", "Ninh Quới", "commune", "BL.HD", DEMO_EPOCH, BEFORE_REFORM
    ),
    Unit(
        "BL.HD.NINHQUOIA",
        "Xã Ninh Quới A",
        "Ninh Quới A",
        "commune",
        "BL.HD",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit("BL.HD.VINHLOC", "Xã Vĩnh Lộc", "Vĩnh Lộc", "commune", "BL.HD", DEMO_EPOCH, BEFORE_REFORM),
    Unit(
        "BL.HD.VINHLOCA",
        "Xã Vĩnh Lộc A",
        "Vĩnh Lộc A",
        "commune",
        "BL.HD",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit(
        "BL.VL.CHAUTHOI", "Xã Châu Thới", "Châu Thới", "commune", "BL.VL", DEMO_EPOCH, BEFORE_REFORM
    ),
    Unit(
        "BL.VL.VINHHUNG", "Xã Vĩnh Hưng", "Vĩnh Hưng", "commune", "BL.VL", DEMO_EPOCH, BEFORE_REFORM
    ),
    Unit(
        "BL.VL.VINHHUNGA",
        "Xã Vĩnh Hưng A",
        "Vĩnh Hưng A",
        "commune",
        "BL.VL",
        DEMO_EPOCH,
        BEFORE_REFORM,
    ),
    Unit("CM.HIEPTHANH", "Phường Hiệp Thành", "Hiệp Thành", "ward", "CM", REFORM_2025, None),
    Unit("CM.VINHTRACH", "Phường Vĩnh Trạch", "Vĩnh Trạch", "ward", "CM", REFORM_2025, None),
    Unit(
        "CM.NINHTHANHLOI", "Xã Ninh Thạnh Lợi", "Ninh Thạnh Lợi", "commune", "CM", REFORM_2025, None
    ),
    Unit("CM.NINHQUOI", "Xã Ninh Quới", "Ninh Quới", "commune", "CM", REFORM_2025, None),
    Unit("CM.VINHLOC", "Xã Vĩnh Lộc", "Vĩnh Lộc", "commune", "CM", REFORM_2025, None),
    Unit("CM.CHAUTHOI", "Xã Châu Thới", "Châu Thới", "commune", "CM", REFORM_2025, None),
]


# LineageEvent(kind, effective_date, predecessors, successors, note, **optional fields)
LINEAGE: Final[list[LineageEvent]] = [
    # --- Before 2025
    LineageEvent(
        "split",
        date(2015, 4, 10),
        ("HT.KA",),
        ("HT.KA", "HT.TXKA"),
        (
            "Điều chỉnh địa giới hành chính huyện Kỳ Anh để thành lập thị xã Kỳ Anh (Nghị "
            "quyết số 903/NQ-UBTVQH13 của Ủy ban Thường vụ Quốc hội); ngày hiệu lực ghi theo "
            "ngày ban hành nghị quyết 10/4/2015."
        ),
        legal_reference="Nghị quyết số 903/NQ-UBTVQH13",
    ),
    LineageEvent(
        "merge",
        NQ819,
        ("HT.TPHT.THACHDONG", "HT.TPHT.THACHMON"),
        ("HT.TPHT.DONGMON",),
        (
            "Thành lập xã Đồng Môn trên cơ sở nhập xã Thạch Đồng và xã Thạch Môn (Nghị quyết "
            "số 819/NQ-UBTVQH14 ngày 21/11/2019 của Ủy ban Thường vụ Quốc hội, hiệu lực từ "
            "01/01/2020)."
        ),
        legal_reference="Nghị quyết số 819/NQ-UBTVQH14 ngày 21/11/2019",
    ),
    # --- 01/01/2025: Hà Tĩnh district- and commune-level arrangement 2023–2025
    LineageEvent(
        "merge",
        NQ1283,
        ("HT.LH", "HT.TH"),
        ("HT.TH",),
        (
            "Nhập phần còn lại của huyện Lộc Hà (sau khi chuyển xã Hộ Độ về thành phố Hà Tĩnh) "
            "vào huyện Thạch Hà. " + SRC_NQ1283
        ),
        legal_reference="Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024",
    ),
    LineageEvent(
        "move",
        NQ1283,
        ("HT.TH.THACHDAI",),
        ("HT.TH.THACHDAI",),
        "Nhập vào thành phố Hà Tĩnh (mở rộng địa giới thành phố). " + SRC_NQ1283,
        old_parent_code="HT.TH",
        new_parent_code="HT.TPHT",
        legal_reference="Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024",
    ),
    LineageEvent(
        "move",
        NQ1283,
        ("HT.TH.TANLAMHUONG",),
        ("HT.TH.TANLAMHUONG",),
        "Nhập vào thành phố Hà Tĩnh (mở rộng địa giới thành phố). " + SRC_NQ1283,
        old_parent_code="HT.TH",
        new_parent_code="HT.TPHT",
        legal_reference="Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024",
    ),
    LineageEvent(
        "move",
        NQ1283,
        ("HT.LH.HODO",),
        ("HT.LH.HODO",),
        "Nhập vào thành phố Hà Tĩnh (mở rộng địa giới thành phố). " + SRC_NQ1283,
        old_parent_code="HT.LH",
        new_parent_code="HT.TPHT",
        legal_reference="Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024",
    ),
    LineageEvent(
        "move",
        NQ1283,
        ("HT.CX.CAMBINH",),
        ("HT.CX.CAMBINH",),
        "Nhập vào thành phố Hà Tĩnh (mở rộng địa giới thành phố). " + SRC_NQ1283,
        old_parent_code="HT.CX",
        new_parent_code="HT.TPHT",
        legal_reference="Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024",
    ),
    LineageEvent(
        "move",
        NQ1283,
        ("HT.CX.CAMVINH",),
        ("HT.CX.CAMVINH",),
        "Nhập vào thành phố Hà Tĩnh (mở rộng địa giới thành phố). " + SRC_NQ1283,
        old_parent_code="HT.CX",
        new_parent_code="HT.TPHT",
        legal_reference="Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024",
    ),
    LineageEvent(
        "move",
        NQ1283,
        ("HT.LH.PHULUU",),
        ("HT.LH.PHULUU",),
        "Chuyển về huyện Thạch Hà khi nhập huyện Lộc Hà vào huyện Thạch Hà. " + SRC_NQ1283,
        old_parent_code="HT.LH",
        new_parent_code="HT.TH",
        legal_reference="Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024",
    ),
    LineageEvent(
        "move",
        NQ1283,
        ("HT.LH.THACHMY",),
        ("HT.LH.THACHMY",),
        "Chuyển về huyện Thạch Hà khi nhập huyện Lộc Hà vào huyện Thạch Hà. " + SRC_NQ1283,
        old_parent_code="HT.LH",
        new_parent_code="HT.TH",
        legal_reference="Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024",
    ),
    LineageEvent(
        "move",
        NQ1283,
        ("HT.LH.THACHCHAU",),
        ("HT.LH.THACHCHAU",),
        "Chuyển về huyện Thạch Hà khi nhập huyện Lộc Hà vào huyện Thạch Hà. " + SRC_NQ1283,
        old_parent_code="HT.LH",
        new_parent_code="HT.TH",
        legal_reference="Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024",
    ),
    LineageEvent(
        "move",
        NQ1283,
        ("HT.LH.MAIPHU",),
        ("HT.LH.MAIPHU",),
        "Chuyển về huyện Thạch Hà khi nhập huyện Lộc Hà vào huyện Thạch Hà. " + SRC_NQ1283,
        old_parent_code="HT.LH",
        new_parent_code="HT.TH",
        legal_reference="Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024",
    ),
    LineageEvent(
        "merge",
        NQ1283,
        ("HT.TPHT.BACHA", "HT.TPHT.NGUYENDU"),
        ("HT.TPHT.BACHA",),
        (
            "Thành lập phường Bắc Hà trên cơ sở phường Bắc Hà, phường Nguyễn Du và Tổ dân phố "
            "6 của phường Trần Phú. " + SRC_NQ1283
        ),
        legal_reference="Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024",
    ),
    LineageEvent(
        "merge",
        NQ1283,
        ("HT.TPHT.TRANPHU", "HT.TPHT.THACHLINH"),
        ("HT.TPHT.TRANPHU",),
        (
            "Thành lập phường Trần Phú trên cơ sở phường Thạch Linh và phường Trần Phú (trừ Tổ "
            "dân phố 6 chuyển sang phường Bắc Hà). " + SRC_NQ1283
        ),
        legal_reference="Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024",
    ),
    LineageEvent(
        "rename",
        NQ1283,
        ("HT.TPHT.THACHTRUNG",),
        ("HT.TPHT.PTHACHTRUNG",),
        (
            "Thành lập phường Thạch Trung trên cơ sở toàn bộ diện tích, dân số của xã Thạch "
            "Trung. " + SRC_NQ1283
        ),
        old_name="Xã Thạch Trung",
        new_name="Phường Thạch Trung",
        legal_reference="Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024",
    ),
    LineageEvent(
        "rename",
        NQ1283,
        ("HT.TPHT.THACHHA",),
        ("HT.TPHT.PTHACHHA",),
        (
            "Thành lập phường Thạch Hạ trên cơ sở toàn bộ diện tích, dân số của xã Thạch Hạ. "
            + SRC_NQ1283
        ),
        old_name="Xã Thạch Hạ",
        new_name="Phường Thạch Hạ",
        legal_reference="Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024",
    ),
    LineageEvent(
        "rename",
        NQ1283,
        ("HT.TPHT.DONGMON",),
        ("HT.TPHT.PDONGMON",),
        (
            "Thành lập phường Đồng Môn trên cơ sở toàn bộ diện tích, dân số của xã Đồng Môn. "
            + SRC_NQ1283
        ),
        old_name="Xã Đồng Môn",
        new_name="Phường Đồng Môn",
        legal_reference="Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024",
    ),
    LineageEvent(
        "rename",
        NQ1283,
        ("HT.TPHT.THACHHUNG",),
        ("HT.TPHT.PTHACHHUNG",),
        (
            "Thành lập phường Thạch Hưng trên cơ sở toàn bộ diện tích, dân số của xã Thạch "
            "Hưng. " + SRC_NQ1283
        ),
        old_name="Xã Thạch Hưng",
        new_name="Phường Thạch Hưng",
        legal_reference="Nghị quyết số 1283/NQ-UBTVQH15 ngày 14/11/2024",
    ),
    # --- 01/03/2025: Hà Tĩnh provincial departments consolidated
    LineageEvent(
        "merge",
        date(2025, 3, 1),
        ("HT.SNV", "HT.SLDTBXH"),
        ("HT.SNV",),
        (
            "Sắp xếp cơ quan chuyên môn thuộc UBND tỉnh năm 2025: Sở Nội vụ tiếp nhận chức "
            "năng, nhiệm vụ của Sở Lao động – Thương binh và Xã hội (mảng bảo trợ xã hội "
            "chuyển về Sở Y tế, giáo dục nghề nghiệp chuyển về Sở Giáo dục và Đào tạo). Ngày "
            "hiệu lực lấy theo mốc chung 01/3/2025; quyết định cụ thể của tỉnh chưa được ghi "
            "nhận ở đây."
        ),
    ),
    LineageEvent(
        "merge",
        date(2025, 3, 1),
        ("HT.STC", "HT.SKHDT"),
        ("HT.STC",),
        (
            "Sắp xếp cơ quan chuyên môn thuộc UBND tỉnh năm 2025: hợp nhất Sở Kế hoạch và Đầu "
            "tư vào Sở Tài chính. Ngày hiệu lực lấy theo mốc chung 01/3/2025."
        ),
    ),
    LineageEvent(
        "merge",
        date(2025, 3, 1),
        ("HT.SNNPTNT", "HT.STNMT"),
        ("HT.SNNMT",),
        (
            "Sắp xếp cơ quan chuyên môn thuộc UBND tỉnh năm 2025: hợp nhất Sở Nông nghiệp và "
            "Phát triển nông thôn và Sở Tài nguyên và Môi trường thành Sở Nông nghiệp và Môi "
            "trường. Ngày hiệu lực lấy theo mốc chung 01/3/2025."
        ),
    ),
    LineageEvent(
        "merge",
        date(2025, 3, 1),
        ("HT.SXD", "HT.SGTVT"),
        ("HT.SXD",),
        (
            "Sắp xếp cơ quan chuyên môn thuộc UBND tỉnh năm 2025: hợp nhất Sở Giao thông vận "
            "tải vào Sở Xây dựng. Ngày hiệu lực lấy theo mốc chung 01/3/2025."
        ),
    ),
    # --- 01/07/2025: provinces
    LineageEvent(
        "merge",
        REFORM_2025,
        ("BL", "CM"),
        ("CM",),
        "Sắp xếp tỉnh Bạc Liêu và tỉnh Cà Mau thành tỉnh Cà Mau. " + SRC_NQ202,
        legal_reference="Nghị quyết số 202/2025/QH15 ngày 12/6/2025",
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("QB", "QT"),
        ("QT",),
        "Sắp xếp tỉnh Quảng Bình và tỉnh Quảng Trị thành tỉnh Quảng Trị. " + SRC_NQ202,
        legal_reference="Nghị quyết số 202/2025/QH15 ngày 12/6/2025",
    ),
    # --- 01/07/2025: district level abolished
    LineageEvent(
        "dissolve",
        REFORM_2025,
        ("HT.TPHT",),
        ("HT",),
        SRC_DISTRICTS_END,
    ),
    LineageEvent(
        "dissolve",
        REFORM_2025,
        ("HT.TXHL",),
        ("HT",),
        SRC_DISTRICTS_END,
    ),
    LineageEvent(
        "dissolve",
        REFORM_2025,
        ("HT.TXKA",),
        ("HT",),
        SRC_DISTRICTS_END,
    ),
    LineageEvent(
        "dissolve",
        REFORM_2025,
        ("HT.CX",),
        ("HT",),
        SRC_DISTRICTS_END,
    ),
    LineageEvent(
        "dissolve",
        REFORM_2025,
        ("HT.CL",),
        ("HT",),
        SRC_DISTRICTS_END,
    ),
    LineageEvent(
        "dissolve",
        REFORM_2025,
        ("HT.DT",),
        ("HT",),
        SRC_DISTRICTS_END,
    ),
    LineageEvent(
        "dissolve",
        REFORM_2025,
        ("HT.HK",),
        ("HT",),
        SRC_DISTRICTS_END,
    ),
    LineageEvent(
        "dissolve",
        REFORM_2025,
        ("HT.HS",),
        ("HT",),
        SRC_DISTRICTS_END,
    ),
    LineageEvent(
        "dissolve",
        REFORM_2025,
        ("HT.KA",),
        ("HT",),
        SRC_DISTRICTS_END,
    ),
    LineageEvent(
        "dissolve",
        REFORM_2025,
        ("HT.NX",),
        ("HT",),
        SRC_DISTRICTS_END,
    ),
    LineageEvent(
        "dissolve",
        REFORM_2025,
        ("HT.TH",),
        ("HT",),
        SRC_DISTRICTS_END,
    ),
    LineageEvent(
        "dissolve",
        REFORM_2025,
        ("HT.VQ",),
        ("HT",),
        SRC_DISTRICTS_END,
    ),
    LineageEvent(
        "dissolve",
        REFORM_2025,
        ("QT.DH",),
        ("QT",),
        SRC_DISTRICTS_END,
    ),
    LineageEvent(
        "dissolve",
        REFORM_2025,
        ("BL.TPBL",),
        ("CM",),
        SRC_DISTRICTS_END,
    ),
    LineageEvent(
        "dissolve",
        REFORM_2025,
        ("BL.HD",),
        ("CM",),
        SRC_DISTRICTS_END,
    ),
    LineageEvent(
        "dissolve",
        REFORM_2025,
        ("BL.VL",),
        ("CM",),
        SRC_DISTRICTS_END,
    ),
    LineageEvent(
        "dissolve",
        REFORM_2025,
        (
            "QT.DH.VPTU",
            "QT.DH.BTCTU",
            "QT.DH.UBKTTU",
            "QT.DH.VPHDUB",
            "QT.DH.PNV",
            "QT.DH.PTCKH",
            "QT.DH.PGDDT",
            "QT.DH.PTP",
            "QT.DH.MTTQ",
            "QT.DH.LDLD",
            "QT.DH.TD",
            "QT.DH.HLHPN",
            "QT.DH.HND",
            "QT.DH.HCCB",
        ),
        (),
        (
            "Các cơ quan Đảng, chính quyền, Mặt trận và đoàn thể cấp huyện của thành phố Đông "
            "Hà kết thúc hoạt động cùng cấp huyện từ 01/7/2025; không có một đơn vị kế thừa "
            "duy nhất. Các lần sắp xếp nội bộ đầu năm 2025 không được mô hình hóa."
        ),
    ),
    # --- 01/07/2025: communes and wards
    LineageEvent(
        "split",
        REFORM_2025,
        ("HT.TPHT.DAINAI",),
        ("HT.THANHSEN", "HT.HAHUYTAP"),
        (
            "Phường Đại Nài được chia: phần lớn diện tích, dân số nhập vào phường Thành Sen, "
            "phần còn lại nhập vào phường Hà Huy Tập. " + SRC_XA_HT
        ),
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        (
            "HT.TPHT.NAMHA",
            "HT.TPHT.BACHA",
            "HT.TPHT.TANGIANG",
            "HT.TPHT.HAHUYTAP",
            "HT.TPHT.THACHQUY",
            "HT.TPHT.TRANPHU",
            "HT.TPHT.VANYEN",
            "HT.TPHT.PTHACHHUNG",
        ),
        ("HT.THANHSEN",),
        (
            "Thành lập phường Thành Sen trên cơ sở các phường Nam Hà, Bắc Hà, Tân Giang, Hà "
            "Huy Tập, Thạch Quý, Trần Phú, Văn Yên, Thạch Hưng và phần lớn phường Đại Nài. "
            + SRC_XA_HT
        ),
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("HT.TPHT.PTHACHTRUNG", "HT.TPHT.PTHACHHA", "HT.TPHT.PDONGMON", "HT.LH.HODO"),
        ("HT.TRANPHU",),
        (
            "Thành lập phường Trần Phú trên cơ sở các phường Thạch Trung, Thạch Hạ, Đồng Môn "
            "và xã Hộ Độ. " + SRC_XA_HT
        ),
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("HT.TH.THACHDAI", "HT.TH.TANLAMHUONG"),
        ("HT.HAHUYTAP",),
        (
            "Thành lập phường Hà Huy Tập trên cơ sở xã Thạch Đài, xã Tân Lâm Hương và một phần "
            "phường Đại Nài. " + SRC_XA_HT
        ),
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("HT.TPHT.THACHBINH", "HT.CX.CAMBINH", "HT.CX.CAMVINH", "HT.CX.CAMTHANH"),
        ("HT.CAMBINH",),
        (
            "Thành lập xã Cẩm Bình trên cơ sở các xã Thạch Bình, Cẩm Bình, Cẩm Vịnh và Cẩm "
            "Thành. " + SRC_XA_HT
        ),
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("HT.TXHL.NAMHONG", "HT.TXHL.DAULIEU", "HT.TXHL.THUANLOC"),
        ("HT.NAMHONGLINH",),
        (
            "Thành lập phường Nam Hồng Lĩnh trên cơ sở phường Nam Hồng, phường Đậu Liêu và xã "
            "Thuận Lộc. " + SRC_XA_HT
        ),
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("HT.CX.CAMLINH", "HT.CX.CAMLOC", "HT.CX.CAMTRUNG"),
        ("HT.CAMTRUNG",),
        "Thành lập xã Cẩm Trung trên cơ sở các xã Cẩm Lĩnh, Cẩm Lộc và Cẩm Trung. " + SRC_XA_HT,
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("HT.CL.XUANLOC", "HT.CL.QUANGLOC", "HT.CL.SONLOC"),
        ("HT.XUANLOC",),
        "Thành lập xã Xuân Lộc trên cơ sở các xã Xuân Lộc, Quang Lộc và Sơn Lộc. " + SRC_XA_HT,
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("HT.DT.DUCDONG", "HT.DT.DUCLANG", "HT.DT.TANHUONG"),
        ("HT.DUCDONG",),
        "Thành lập xã Đức Đồng trên cơ sở các xã Đức Đồng, Đức Lạng và Tân Hương. " + SRC_XA_HT,
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("HT.HK.PHUCTRACH", "HT.HK.HUONGTRACH", "HT.HK.HUONGLIEN"),
        ("HT.PHUCTRACH",),
        (
            "Thành lập xã Phúc Trạch trên cơ sở các xã Phúc Trạch, Hương Trạch và Hương Liên. "
            + SRC_XA_HT
        ),
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("HT.HS.SONHONG", "HT.HS.SONLINH"),
        ("HT.SONHONG",),
        "Thành lập xã Sơn Hồng trên cơ sở xã Sơn Hồng và xã Sơn Lĩnh. " + SRC_XA_HT,
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("HT.KA.KYTHUONG", "HT.KA.KYSON"),
        ("HT.KYTHUONG",),
        "Thành lập xã Kỳ Thượng trên cơ sở xã Kỳ Thượng và xã Kỳ Sơn. " + SRC_XA_HT,
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("HT.KA.KYXUAN", "HT.KA.KYBAC", "HT.KA.KYPHONG"),
        ("HT.KYXUAN",),
        "Thành lập xã Kỳ Xuân trên cơ sở các xã Kỳ Xuân, Kỳ Bắc và Kỳ Phong. " + SRC_XA_HT,
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("HT.KA.KYTAN", "HT.TXKA.KYHOA"),
        ("HT.KYHOA",),
        (
            "Thành lập xã Kỳ Hoa trên cơ sở xã Kỳ Tân (huyện Kỳ Anh) và xã Kỳ Hoa (thị xã Kỳ "
            "Anh). " + SRC_XA_HT
        ),
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("HT.LH.PHULUU", "HT.LH.THACHMY", "HT.LH.THACHCHAU", "HT.LH.MAIPHU"),
        ("HT.MAIPHU",),
        (
            "Thành lập xã Mai Phụ trên cơ sở các xã Phù Lưu, Thạch Mỹ, Thạch Châu và Mai Phụ. "
            + SRC_XA_HT
        ),
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("HT.NX.CODAM", "HT.NX.XUANLIEN", "HT.NX.CUONGGIAN"),
        ("HT.CODAM",),
        "Thành lập xã Cổ Đạm trên cơ sở các xã Cổ Đạm, Xuân Liên và Cương Gián. " + SRC_XA_HT,
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("HT.VQ.ANPHU", "HT.VQ.DUCGIANG", "HT.VQ.DUCLINH"),
        ("HT.MAIHOA",),
        "Thành lập xã Mai Hoa trên cơ sở các xã Ân Phú, Đức Giang và Đức Lĩnh. " + SRC_XA_HT,
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("QT.DH.P1", "QT.DH.P3", "QT.DH.P4", "QT.DH.DONGGIANG", "QT.DH.DONGTHANH"),
        ("QT.DONGHA",),
        (
            "Thành lập phường Đông Hà trên cơ sở Phường 1, Phường 3, Phường 4, phường Đông "
            "Giang và phường Đông Thanh. " + SRC_XA_QT
        ),
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("QT.DH.P2", "QT.DH.P5", "QT.DH.DONGLE", "QT.DH.DONGLUONG"),
        ("QT.NAMDONGHA",),
        (
            "Thành lập phường Nam Đông Hà trên cơ sở Phường 2, Phường 5, phường Đông Lễ và "
            "phường Đông Lương. " + SRC_XA_QT
        ),
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("BL.TPBL.NHAMAT", "BL.TPBL.VINHTRACHDONG", "BL.TPBL.HIEPTHANH"),
        ("CM.HIEPTHANH",),
        (
            "Thành lập phường Hiệp Thành trên cơ sở phường Nhà Mát, xã Vĩnh Trạch Đông và xã "
            "Hiệp Thành. " + SRC_XA_CM
        ),
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("BL.TPBL.P5", "BL.TPBL.VINHTRACH"),
        ("CM.VINHTRACH",),
        (
            "Thành lập phường Vĩnh Trạch trên cơ sở Phường 5 và xã Vĩnh Trạch (thành phố Bạc "
            "Liêu). " + SRC_XA_CM
        ),
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("BL.HD.NINHTHANHLOI", "BL.HD.NINHTHANHLOIA"),
        ("CM.NINHTHANHLOI",),
        (
            "Thành lập xã Ninh Thạnh Lợi trên cơ sở xã Ninh Thạnh Lợi và xã Ninh Thạnh Lợi A "
            "(huyện Hồng Dân). " + SRC_XA_CM
        ),
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("BL.HD.NINHQUOI", "BL.HD.NINHQUOIA"),
        ("CM.NINHQUOI",),
        (
            "Thành lập xã Ninh Quới trên cơ sở xã Ninh Quới và xã Ninh Quới A (huyện Hồng "
            "Dân). " + SRC_XA_CM
        ),
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("BL.HD.VINHLOC", "BL.HD.VINHLOCA"),
        ("CM.VINHLOC",),
        (
            "Thành lập xã Vĩnh Lộc trên cơ sở xã Vĩnh Lộc và xã Vĩnh Lộc A (huyện Hồng Dân). "
            + SRC_XA_CM
        ),
    ),
    LineageEvent(
        "merge",
        REFORM_2025,
        ("BL.VL.CHAUTHOI", "BL.VL.VINHHUNG", "BL.VL.VINHHUNGA"),
        ("CM.CHAUTHOI",),
        (
            "Thành lập xã Châu Thới trên cơ sở các xã Châu Thới, Vĩnh Hưng và Vĩnh Hưng A "
            "(huyện Vĩnh Lợi). " + SRC_XA_CM
        ),
    ),
    LineageEvent(
        "move",
        REFORM_2025,
        ("HT.HS.SONKIM1",),
        ("HT.HS.SONKIM1",),
        (
            "Giữ nguyên xã (không sắp xếp với đơn vị khác); trực thuộc tỉnh từ 01/7/2025 khi "
            "không còn cấp huyện. " + SRC_XA_HT
        ),
        old_parent_code="HT.HS",
        new_parent_code="HT",
    ),
    LineageEvent(
        "move",
        REFORM_2025,
        ("HT.HS.SONKIM2",),
        ("HT.HS.SONKIM2",),
        (
            "Giữ nguyên xã (không sắp xếp với đơn vị khác); trực thuộc tỉnh từ 01/7/2025 khi "
            "không còn cấp huyện. " + SRC_XA_HT
        ),
        old_parent_code="HT.HS",
        new_parent_code="HT",
    ),
]


ILLUSTRATIVE_NOTE: Final = "Thành phần, đơn vị trưởng cụm/khối và phó cụm/khối là dữ liệu minh họa."

# Cluster(code, name, kind, year, organiser_code, members, leader_code, deputy_code, note)
CLUSTERS: Final[list[Cluster]] = [
    # --- Hà Tĩnh district clusters (composition and rotation illustrative)
    Cluster(
        "HT.CUM.PHIABAC",
        "Cụm thi đua các huyện, thị xã phía Bắc tỉnh Hà Tĩnh",
        "cluster",
        2020,
        "HT",
        ("HT.TXHL", "HT.NX", "HT.DT", "HT.CL", "HT.LH", "HT.HS", "HT.VQ"),
        "HT.TXHL",
        "HT.DT",
        ILLUSTRATIVE_NOTE,
    ),
    Cluster(
        "HT.CUM.PHIANAM",
        "Cụm thi đua các huyện, thành phố, thị xã phía Nam tỉnh Hà Tĩnh",
        "cluster",
        2020,
        "HT",
        ("HT.TPHT", "HT.TH", "HT.CX", "HT.KA", "HT.TXKA", "HT.HK"),
        "HT.TPHT",
        "HT.TXKA",
        ILLUSTRATIVE_NOTE,
    ),
    Cluster(
        "HT.CUM.PHIABAC",
        "Cụm thi đua các huyện, thị xã phía Bắc tỉnh Hà Tĩnh",
        "cluster",
        2024,
        "HT",
        ("HT.TXHL", "HT.NX", "HT.DT", "HT.CL", "HT.LH", "HT.HS", "HT.VQ"),
        "HT.NX",
        "HT.CL",
        ILLUSTRATIVE_NOTE,
    ),
    Cluster(
        "HT.CUM.PHIANAM",
        "Cụm thi đua các huyện, thành phố, thị xã phía Nam tỉnh Hà Tĩnh",
        "cluster",
        2024,
        "HT",
        ("HT.TPHT", "HT.TH", "HT.CX", "HT.KA", "HT.TXKA", "HT.HK"),
        "HT.CX",
        "HT.HK",
        ILLUSTRATIVE_NOTE,
    ),
    # --- Hà Tĩnh blocks of departments, mass organisations and enterprises (illustrative)
    Cluster(
        "HT.KHOI.TONGHOPKINHTE",
        "Khối các sở, ngành tổng hợp – kinh tế tỉnh Hà Tĩnh",
        "block",
        2020,
        "HT",
        ("HT.SNV", "HT.STC", "HT.SKHDT", "HT.SNNPTNT", "HT.STNMT", "HT.SXD", "HT.SGTVT"),
        "HT.SNV",
        "HT.STC",
        ILLUSTRATIVE_NOTE,
    ),
    Cluster(
        "HT.KHOI.VANHOAXAHOI",
        "Khối các sở, ngành văn hóa – xã hội tỉnh Hà Tĩnh",
        "block",
        2020,
        "HT",
        ("HT.SGDDT", "HT.SYT", "HT.SLDTBXH"),
        "HT.SYT",
        "HT.SGDDT",
        ILLUSTRATIVE_NOTE,
    ),
    Cluster(
        "HT.KHOI.DOANTHE",
        "Khối Mặt trận và các tổ chức chính trị – xã hội tỉnh Hà Tĩnh",
        "block",
        2020,
        "HT",
        ("HT.MTTQ", "HT.LDLD", "HT.TD", "HT.HLHPN", "HT.HND", "HT.HCCB"),
        "HT.LDLD",
        "HT.TD",
        ILLUSTRATIVE_NOTE,
    ),
    Cluster(
        "HT.KHOI.DOANHNGHIEP",
        "Khối doanh nghiệp tỉnh Hà Tĩnh",
        "block",
        2020,
        "HT",
        ("HT.DN.FHS", "HT.DN.PCHT", "HT.DN.MITRACO", "HT.DN.HAINDECO"),
        "HT.DN.PCHT",
        "HT.DN.MITRACO",
        ILLUSTRATIVE_NOTE,
    ),
    Cluster(
        "HT.KHOI.TONGHOPKINHTE",
        "Khối các sở, ngành tổng hợp – kinh tế tỉnh Hà Tĩnh",
        "block",
        2024,
        "HT",
        ("HT.SNV", "HT.STC", "HT.SKHDT", "HT.SNNPTNT", "HT.STNMT", "HT.SXD", "HT.SGTVT"),
        "HT.SXD",
        "HT.SNNPTNT",
        ILLUSTRATIVE_NOTE,
    ),
    Cluster(
        "HT.KHOI.VANHOAXAHOI",
        "Khối các sở, ngành văn hóa – xã hội tỉnh Hà Tĩnh",
        "block",
        2024,
        "HT",
        ("HT.SGDDT", "HT.SYT", "HT.SLDTBXH"),
        "HT.SGDDT",
        "HT.SLDTBXH",
        ILLUSTRATIVE_NOTE,
    ),
    Cluster(
        "HT.KHOI.DOANTHE",
        "Khối Mặt trận và các tổ chức chính trị – xã hội tỉnh Hà Tĩnh",
        "block",
        2024,
        "HT",
        ("HT.MTTQ", "HT.LDLD", "HT.TD", "HT.HLHPN", "HT.HND", "HT.HCCB"),
        "HT.HLHPN",
        "HT.HND",
        ILLUSTRATIVE_NOTE,
    ),
    Cluster(
        "HT.KHOI.DOANHNGHIEP",
        "Khối doanh nghiệp tỉnh Hà Tĩnh",
        "block",
        2024,
        "HT",
        ("HT.DN.FHS", "HT.DN.PCHT", "HT.DN.MITRACO", "HT.DN.HAINDECO"),
        "HT.DN.MITRACO",
        "HT.DN.HAINDECO",
        ILLUSTRATIVE_NOTE,
    ),
    Cluster(
        "HT.KHOI.SONGANH",
        "Khối các sở, ngành tỉnh Hà Tĩnh",
        "block",
        2025,
        "HT",
        ("HT.SNV", "HT.STC", "HT.SGDDT", "HT.SYT", "HT.SNNMT", "HT.SXD"),
        "HT.SNNMT",
        "HT.SYT",
        ILLUSTRATIVE_NOTE,
    ),
    Cluster(
        "HT.KHOI.DOANTHE",
        "Khối Mặt trận và các tổ chức chính trị – xã hội tỉnh Hà Tĩnh",
        "block",
        2025,
        "HT",
        ("HT.MTTQ", "HT.LDLD", "HT.TD", "HT.HLHPN", "HT.HND", "HT.HCCB"),
        "HT.MTTQ",
        "HT.HND",
        ILLUSTRATIVE_NOTE,
    ),
    # --- Hà Tĩnh communes and wards after the 2025 reform (illustrative)
    Cluster(
        "HT.CUM.PHUONG",
        "Cụm thi đua các phường tỉnh Hà Tĩnh",
        "cluster",
        2025,
        "HT",
        ("HT.THANHSEN", "HT.TRANPHU", "HT.HAHUYTAP", "HT.NAMHONGLINH"),
        "HT.THANHSEN",
        "HT.NAMHONGLINH",
        ILLUSTRATIVE_NOTE,
    ),
    Cluster(
        "HT.CUM.XAPHIABAC",
        "Cụm thi đua các xã phía Bắc tỉnh Hà Tĩnh",
        "cluster",
        2025,
        "HT",
        (
            "HT.CODAM",
            "HT.XUANLOC",
            "HT.DUCDONG",
            "HT.SONHONG",
            "HT.HS.SONKIM1",
            "HT.HS.SONKIM2",
            "HT.MAIHOA",
            "HT.MAIPHU",
        ),
        "HT.XUANLOC",
        "HT.CODAM",
        ILLUSTRATIVE_NOTE,
    ),
    Cluster(
        "HT.CUM.XAPHIANAM",
        "Cụm thi đua các xã phía Nam tỉnh Hà Tĩnh",
        "cluster",
        2025,
        "HT",
        ("HT.CAMBINH", "HT.CAMTRUNG", "HT.PHUCTRACH", "HT.KYTHUONG", "HT.KYXUAN", "HT.KYHOA"),
        "HT.CAMBINH",
        "HT.KYXUAN",
        ILLUSTRATIVE_NOTE,
    ),
    # --- Đông Hà blocks that signed pledges on 06/03/2020 (composition illustrative)
    Cluster(
        "QT.DH.KHOI.DANGDOANTHE",
        "Khối các cơ quan Đảng, đoàn thể thành phố Đông Hà",
        "block",
        2020,
        "QT.DH",
        (
            "QT.DH.VPTU",
            "QT.DH.BTCTU",
            "QT.DH.UBKTTU",
            "QT.DH.MTTQ",
            "QT.DH.LDLD",
            "QT.DH.TD",
            "QT.DH.HLHPN",
            "QT.DH.HND",
            "QT.DH.HCCB",
        ),
        "QT.DH.BTCTU",
        "QT.DH.TD",
        ILLUSTRATIVE_NOTE,
    ),
    Cluster(
        "QT.DH.KHOI.QLNN",
        "Khối các cơ quan quản lý nhà nước thành phố Đông Hà",
        "block",
        2020,
        "QT.DH",
        ("QT.DH.VPHDUB", "QT.DH.PNV", "QT.DH.PTCKH", "QT.DH.PGDDT", "QT.DH.PTP"),
        "QT.DH.VPHDUB",
        "QT.DH.PNV",
        ILLUSTRATIVE_NOTE,
    ),
    Cluster(
        "QT.DH.KHOI.PHUONG",
        "Khối các phường thành phố Đông Hà",
        "block",
        2020,
        "QT.DH",
        (
            "QT.DH.P1",
            "QT.DH.P2",
            "QT.DH.P3",
            "QT.DH.P4",
            "QT.DH.P5",
            "QT.DH.DONGGIANG",
            "QT.DH.DONGLE",
            "QT.DH.DONGLUONG",
            "QT.DH.DONGTHANH",
        ),
        "QT.DH.P1",
        "QT.DH.DONGLUONG",
        ILLUSTRATIVE_NOTE,
    ),
    # --- Bạc Liêu communes in the 2020 new-rural movement (illustrative)
    Cluster(
        "BL.CUM.XANTM",
        "Cụm thi đua các xã xây dựng nông thôn mới tỉnh Bạc Liêu",
        "cluster",
        2020,
        "BL",
        (
            "BL.TPBL.VINHTRACH",
            "BL.TPBL.VINHTRACHDONG",
            "BL.TPBL.HIEPTHANH",
            "BL.HD.NINHTHANHLOI",
            "BL.HD.NINHTHANHLOIA",
            "BL.HD.NINHQUOI",
            "BL.HD.NINHQUOIA",
            "BL.HD.VINHLOC",
            "BL.HD.VINHLOCA",
            "BL.VL.CHAUTHOI",
            "BL.VL.VINHHUNG",
            "BL.VL.VINHHUNGA",
        ),
        "BL.TPBL.VINHTRACHDONG",
        "BL.HD.NINHTHANHLOIA",
        ILLUSTRATIVE_NOTE,
    ),
]


# --------------------------------------------------------------------------- people
# Family names with rough population shares in percent. The first ten follow commonly cited
# estimates (Nguyễn about 38 %); the tail is rough. Hoàng/Huỳnh and Vũ/Võ are regional
# variants of one name (Huỳnh and Võ are commoner from central Vietnam southwards).
FAMILY_NAMES: Final[tuple[WeightedName, ...]] = (
    WeightedName("Nguyễn", 38.4),
    WeightedName("Trần", 11.0),
    WeightedName("Lê", 9.5),
    WeightedName("Phạm", 7.0),
    WeightedName("Hoàng", 3.4),
    WeightedName("Huỳnh", 1.7),
    WeightedName("Phan", 4.5),
    WeightedName("Vũ", 2.2),
    WeightedName("Võ", 1.7),
    WeightedName("Đặng", 2.1),
    WeightedName("Bùi", 2.0),
    WeightedName("Đỗ", 1.4),
    WeightedName("Hồ", 1.3),
    WeightedName("Ngô", 1.3),
    WeightedName("Dương", 1.0),
    WeightedName("Lý", 0.5),
    WeightedName("Đinh", 0.6),
    WeightedName("Đào", 0.5),
    WeightedName("Trương", 0.5),
    WeightedName("Trịnh", 0.4),
    WeightedName("Lâm", 0.4),
    WeightedName("Mai", 0.4),
    WeightedName("Cao", 0.3),
    WeightedName("Lưu", 0.3),
    WeightedName("Hà", 0.3),
    WeightedName("Lương", 0.2),
    WeightedName("Thái", 0.2),
    WeightedName("Tạ", 0.2),
    WeightedName("Chu", 0.1),
    WeightedName("Kiều", 0.1),
)

# Family names common among Khmer people in the Mekong delta (Bạc Liêu, Cà Mau). Rough weights.
FAMILY_NAMES_KHMER: Final[tuple[WeightedName, ...]] = (
    WeightedName("Thạch", 30.0),
    WeightedName("Sơn", 20.0),
    WeightedName("Danh", 20.0),
    WeightedName("Kim", 10.0),
    WeightedName("Lâm", 10.0),
    WeightedName("Lý", 10.0),
)

# Middle names (tên đệm) with rough relative weights.
MIDDLE_NAMES_MALE: Final[tuple[WeightedName, ...]] = (
    WeightedName("Văn", 30.0),
    WeightedName("Đức", 8.0),
    WeightedName("Hữu", 7.0),
    WeightedName("Minh", 7.0),
    WeightedName("Đình", 6.0),
    WeightedName("Quang", 6.0),
    WeightedName("Công", 5.0),
    WeightedName("Xuân", 4.0),
    WeightedName("Thanh", 4.0),
    WeightedName("Quốc", 3.0),
    WeightedName("Trọng", 3.0),
    WeightedName("Ngọc", 3.0),
    WeightedName("Duy", 3.0),
    WeightedName("Tiến", 2.0),
    WeightedName("Anh", 2.0),
    WeightedName("Bá", 2.0),
    WeightedName("Viết", 2.0),
    WeightedName("Thế", 2.0),
    WeightedName("Hoàng", 2.0),
    WeightedName("Mạnh", 1.0),
)
MIDDLE_NAMES_FEMALE: Final[tuple[WeightedName, ...]] = (
    WeightedName("Thị", 45.0),
    WeightedName("Ngọc", 6.0),
    WeightedName("Thu", 5.0),
    WeightedName("Thanh", 5.0),
    WeightedName("Thùy", 4.0),
    WeightedName("Phương", 4.0),
    WeightedName("Kim", 3.0),
    WeightedName("Hồng", 3.0),
    WeightedName("Minh", 3.0),
    WeightedName("Mai", 2.0),
    WeightedName("Bích", 2.0),
    WeightedName("Khánh", 2.0),
    WeightedName("Diệu", 2.0),
    WeightedName("Hải", 2.0),
    WeightedName("Hoài", 2.0),
    WeightedName("Quỳnh", 2.0),
    WeightedName("Tuyết", 1.0),
    WeightedName("Lan", 1.0),
)

# Given names (tên), sampled uniformly.
GIVEN_NAMES_MALE: Final[tuple[str, ...]] = (
    "An", "Bảo", "Bình", "Chiến", "Công", "Cường", "Dũng", "Duy", "Dương", "Đạt",
    "Định", "Đông", "Đức", "Giang", "Hải", "Hào", "Hiển", "Hiếu", "Hòa", "Hoàng",
    "Hùng", "Huy", "Hưng", "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lợi",
    "Luân", "Mạnh", "Minh", "Nam", "Nghĩa", "Nhân", "Phong", "Phúc", "Quân", "Quang",
    "Quý", "Sơn", "Tài", "Tâm", "Tân", "Thắng", "Thành", "Thịnh", "Thông", "Tiến",
    "Toàn", "Trung", "Trường", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ",
)  # fmt: skip
GIVEN_NAMES_FEMALE: Final[tuple[str, ...]] = (
    "An", "Anh", "Ánh", "Bích", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh",
    "Hằng", "Hiền", "Hoa", "Hồng", "Huệ", "Hương", "Hường", "Lan", "Liên", "Linh",
    "Loan", "Ly", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nguyệt", "Nhung", "Oanh",
    "Phương", "Phượng", "Quỳnh", "Tâm", "Thảo", "Thanh", "Thu", "Thủy", "Thúy", "Trang",
    "Trâm", "Uyên", "Vân", "Xuân", "Yến",
)  # fmt: skip

# National shares: 2019 census, rounded. Province weights: rough demo weights (see Ethnicity).
ETHNICITIES: Final[tuple[Ethnicity, ...]] = (
    Ethnicity(
        "Kinh",
        85.3,
        (("HT", 99.9), ("QT", 88.0), ("QB", 98.0), ("BL", 89.0), ("CM", 97.0)),
    ),
    Ethnicity("Tày", 1.9),
    Ethnicity("Thái", 1.9),
    Ethnicity("Mường", 1.5),
    Ethnicity("Hmông", 1.5),
    Ethnicity("Khmer", 1.3, (("BL", 8.0), ("CM", 2.5))),
    Ethnicity("Nùng", 1.2),
    Ethnicity("Hoa", 0.8, (("BL", 3.0), ("CM", 0.5))),
    Ethnicity(
        "Bru - Vân Kiều", 0.1, (("QT", 9.0), ("QB", 1.5)), ("Vân Kiều", "Trì", "Khùa", "Ma Coong")
    ),
    Ethnicity("Tà Ôi", 0.05, (("QT", 3.0),), ("Pa Kô", "Tà Ôi", "Pa Hi")),
    Ethnicity(
        "Chứt", 0.01, (("HT", 0.1), ("QB", 0.5)), ("Sách", "Mày", "Rục", "Mã Liềng", "A Rem")
    ),
)


# Positions by unit kind.
POSITIONS: Final[dict[UnitKind, tuple[Position, ...]]] = {
    "province": (
        Position("Chủ tịch UBND tỉnh", False, True, 1),
        Position("Phó Chủ tịch UBND tỉnh", False, True, 3),
        Position("Chánh Văn phòng UBND tỉnh", False, True, 1),
        Position("Chuyên viên Văn phòng UBND tỉnh", False, False, 20),
    ),
    "department": (
        Position("Giám đốc Sở", False, True, 1, ("Sở",)),
        Position("Phó Giám đốc Sở", False, True, 3, ("Sở",)),
        Position("Chánh Văn phòng Sở", False, True, 1, ("Sở",)),
        Position("Trưởng phòng", False, True, 6, ("Sở", "Phòng", "Công an")),
        Position("Phó Trưởng phòng", False, True, 8, ("Sở", "Phòng", "Công an")),
        Position("Trưởng ban", False, True, 1, ("Ban",)),
        Position("Phó Trưởng ban", False, True, 2, ("Ban",)),
        Position("Chánh Văn phòng", False, True, 1, ("Văn phòng",)),
        Position("Phó Chánh Văn phòng", False, True, 2, ("Văn phòng",)),
        Position("Chủ nhiệm Ủy ban Kiểm tra", False, True, 1, ("Ủy ban Kiểm tra",)),
        Position("Phó Chủ nhiệm Ủy ban Kiểm tra", False, True, 2, ("Ủy ban Kiểm tra",)),
        Position("Kiểm tra viên", False, False, 6, ("Ủy ban Kiểm tra",)),
        Position("Chuyên viên chính", False, False, 10, ("Sở", "Ban", "Văn phòng", "Phòng")),
        Position("Chuyên viên", False, False, 30, ("Sở", "Ban", "Văn phòng", "Phòng")),
        Position("Nhân viên", False, False, 5, ("Sở", "Văn phòng")),
        Position("Giám đốc Công an tỉnh", False, True, 1, ("Công an tỉnh",)),
        Position("Phó Giám đốc Công an tỉnh", False, True, 4, ("Công an tỉnh",)),
        Position("Cán bộ, chiến sĩ", False, False, 60, ("Công an",)),
        Position("Chỉ huy trưởng", False, True, 1, ("Bộ Chỉ huy",)),
        Position("Phó Chỉ huy trưởng", False, True, 3, ("Bộ Chỉ huy",)),
        Position("Sĩ quan", False, False, 30, ("Bộ Chỉ huy",)),
        Position("Quân nhân chuyên nghiệp", False, False, 20, ("Bộ Chỉ huy",)),
    ),
    "district": (
        Position("Bí thư Thành ủy", False, True, 1, ("Thành phố",)),
        Position("Chủ tịch UBND thành phố", False, True, 1, ("Thành phố",)),
        Position("Phó Chủ tịch UBND thành phố", False, True, 3, ("Thành phố",)),
        Position("Bí thư Thị ủy", False, True, 1, ("Thị xã",)),
        Position("Chủ tịch UBND thị xã", False, True, 1, ("Thị xã",)),
        Position("Phó Chủ tịch UBND thị xã", False, True, 3, ("Thị xã",)),
        Position("Bí thư Huyện ủy", False, True, 1, ("Huyện",)),
        Position("Chủ tịch UBND huyện", False, True, 1, ("Huyện",)),
        Position("Phó Chủ tịch UBND huyện", False, True, 3, ("Huyện",)),
        Position("Chuyên viên Văn phòng HĐND và UBND", False, False, 15),
    ),
    "commune": (
        Position("Bí thư Đảng ủy xã", False, True, 1),
        Position("Chủ tịch HĐND xã", False, True, 1),
        Position("Chủ tịch UBND xã", False, True, 1),
        Position("Phó Chủ tịch UBND xã", False, True, 2),
        Position("Công chức Văn phòng – Thống kê", False, False, 2, (), None, BEFORE_REFORM),
        Position("Công chức Tài chính – Kế toán", False, False, 1, (), None, BEFORE_REFORM),
        Position("Công chức Tư pháp – Hộ tịch", False, False, 1, (), None, BEFORE_REFORM),
        Position(
            "Công chức Địa chính – Nông nghiệp – Xây dựng và Môi trường",
            False,
            False,
            2,
            (),
            None,
            BEFORE_REFORM,
        ),
        Position("Công chức Văn hóa – Xã hội", False, False, 2, (), None, BEFORE_REFORM),
        Position("Chỉ huy trưởng Ban Chỉ huy Quân sự xã", False, True, 1, (), None, BEFORE_REFORM),
        Position("Chánh Văn phòng HĐND và UBND xã", False, True, 1, (), REFORM_2025),
        Position("Trưởng phòng Kinh tế", False, True, 1, (), REFORM_2025),
        Position("Trưởng phòng Văn hóa – Xã hội", False, True, 1, (), REFORM_2025),
        Position("Chuyên viên", False, False, 20, (), REFORM_2025),
    ),
    "ward": (
        Position("Bí thư Đảng ủy phường", False, True, 1),
        Position("Chủ tịch HĐND phường", False, True, 1),
        Position("Chủ tịch UBND phường", False, True, 1),
        Position("Phó Chủ tịch UBND phường", False, True, 2),
        Position("Công chức Văn phòng – Thống kê", False, False, 2, (), None, BEFORE_REFORM),
        Position("Công chức Tài chính – Kế toán", False, False, 1, (), None, BEFORE_REFORM),
        Position("Công chức Tư pháp – Hộ tịch", False, False, 1, (), None, BEFORE_REFORM),
        Position(
            "Công chức Địa chính – Xây dựng – Đô thị và Môi trường",
            False,
            False,
            2,
            (),
            None,
            BEFORE_REFORM,
        ),
        Position("Công chức Văn hóa – Xã hội", False, False, 2, (), None, BEFORE_REFORM),
        Position("Chánh Văn phòng HĐND và UBND phường", False, True, 1, (), REFORM_2025),
        Position("Trưởng phòng Kinh tế, Hạ tầng và Đô thị", False, True, 1, (), REFORM_2025),
        Position("Trưởng phòng Văn hóa – Xã hội", False, True, 1, (), REFORM_2025),
        Position("Chuyên viên", False, False, 20, (), REFORM_2025),
    ),
    "special_zone": (
        Position("Chủ tịch UBND đặc khu", False, True, 1, (), REFORM_2025),
        Position("Phó Chủ tịch UBND đặc khu", False, True, 2, (), REFORM_2025),
        Position("Chuyên viên", False, False, 20, (), REFORM_2025),
        Position("Ngư dân", True, False, 30, (), REFORM_2025),
    ),
    "enterprise": (
        Position("Tổng Giám đốc", False, True, 1, ("Tổng Công ty",)),
        Position("Giám đốc", False, True, 1, ("Công ty",)),
        Position("Phó Giám đốc", False, True, 3),
        Position("Kế toán trưởng", False, True, 1),
        Position("Trưởng phòng", False, True, 5),
        Position("Quản đốc phân xưởng", False, True, 4),
        Position("Tổ trưởng sản xuất", True, False, 10),
        Position("Kỹ sư", False, False, 20),
        Position("Nhân viên văn phòng", False, False, 10),
        Position("Công nhân", True, False, 120),
        Position("Công nhân kỹ thuật", True, False, 40),
        Position("Công nhân vận hành", True, False, 30),
    ),
    "school": (
        Position("Hiệu trưởng", False, True, 1),
        Position("Phó Hiệu trưởng", False, True, 2),
        Position("Tổ trưởng chuyên môn", False, False, 6, ("Trường THPT",)),
        Position("Giáo viên", False, False, 60, ("Trường THPT",)),
        Position("Trưởng khoa", False, True, 8, ("Trường Đại học",)),
        Position("Giảng viên", False, False, 150, ("Trường Đại học",)),
        Position("Nhân viên", False, False, 8),
    ),
    "hospital": (
        Position("Giám đốc Bệnh viện", False, True, 1),
        Position("Phó Giám đốc Bệnh viện", False, True, 3),
        Position("Trưởng khoa", False, True, 15),
        Position("Điều dưỡng trưởng", False, True, 15),
        Position("Bác sĩ", False, False, 120),
        Position("Điều dưỡng", False, False, 250),
        Position("Dược sĩ", False, False, 20),
        Position("Kỹ thuật viên", False, False, 40),
        Position("Hộ lý", False, False, 30),
    ),
    "mass_org": (
        Position("Chủ tịch Ủy ban Mặt trận Tổ quốc", False, True, 1, ("Ủy ban Mặt trận",)),
        Position("Phó Chủ tịch Ủy ban Mặt trận Tổ quốc", False, True, 2, ("Ủy ban Mặt trận",)),
        Position("Bí thư", False, True, 1, ("Tỉnh đoàn", "Thành đoàn")),
        Position("Phó Bí thư", False, True, 2, ("Tỉnh đoàn", "Thành đoàn")),
        Position("Chủ tịch", False, True, 1, ("Hội", "Liên đoàn")),
        Position("Phó Chủ tịch", False, True, 2, ("Hội", "Liên đoàn")),
        Position("Trưởng ban", False, True, 4),
        Position("Chuyên viên", False, False, 15),
    ),
    "village": (
        Position("Bí thư Chi bộ thôn", False, True, 1),
        Position("Trưởng thôn", False, True, 1),
        Position("Nông dân", True, False, 60),
        Position("Ngư dân", True, False, 10),
        Position("Công nhân", True, False, 10),
    ),
}


# Real people named in the seed articles, with the posts the articles give on that date.
NAMED_PEOPLE: Final[tuple[NamedPerson, ...]] = (
    NamedPerson(
        "Hồ Ngọc An",
        "QT.SNV",
        "Giám đốc Sở Nội vụ",
        ("Tỉnh ủy viên", "Phó Chủ tịch thường trực Hội đồng Thi đua – Khen thưởng tỉnh"),
        date(2020, 3, 6),
        "003_b161a30ce6ad52fd.txt",
        "Dự Hội nghị phát động thi đua và ký kết giao ước thi đua năm 2020 của thành phố Đông Hà.",
    ),
    NamedPerson(
        "Nguyễn Chiến Thắng",
        "QT.DH",
        "Chủ tịch UBND thành phố",
        (
            "Tỉnh ủy viên",
            "Phó Bí thư Thành ủy",
            "Chủ tịch Hội đồng Thi đua – Khen thưởng thành phố",
        ),
        date(2020, 3, 6),
        "003_b161a30ce6ad52fd.txt",
        "Phát động phong trào thi đua năm 2020 với chủ đề "
        "“Đồng thuận cao, thi đua giỏi, về đích sớm”.",
    ),
    NamedPerson(
        "Nguyễn Đức Hải",
        "QT.DH.VPHDUB",
        "",
        (),
        date(2020, 3, 7),
        "003_b161a30ce6ad52fd.txt",
        "Tác giả tin bài; bài ghi đơn vị công tác, không ghi chức vụ.",
    ),
)
