"""Choice lists of the awards app. Values match the eligibility contract's codes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SubjectScope(models.TextChoices):
    ANY = "any", _("Any subject")
    INDIVIDUAL = "individual", _("Individual")
    COLLECTIVE = "collective", _("Collective")
    HOUSEHOLD = "household", _("Household")


class AwardKind(models.TextChoices):
    TITLE = "title", _("Emulation title")
    FORM = "form", _("Commendation form")
    HONORARY = "honorary", _("Honorary title")
    PRIZE = "prize", _("Prize")


class AwardLevel(models.TextChoices):
    CO_SO = "co_so", _("Grassroots")
    BO_TINH = "bo_tinh", _("Ministry or province")
    NHA_NUOC = "nha_nuoc", pgettext_lazy("award level", "State")


class Category(models.TextChoices):
    """Loại hình khen thưởng, Luật TĐKT 2022, Điều 8."""

    CONG_TRANG = "CONG_TRANG", _("For achievements")
    DOT_XUAT = "DOT_XUAT", _("Extraordinary")
    PHONG_TRAO = "PHONG_TRAO", _("For a movement or campaign")
    CONG_HIEN = "CONG_HIEN", _("For devotion")
    NIEN_HAN = "NIEN_HAN", _("For years of service")
    DOI_NGOAI = "DOI_NGOAI", _("Foreign relations")


class RatingChoice(models.TextChoices):
    """Xếp loại hằng năm, Nghị định 90/2020/NĐ-CP."""

    HTXS = "HTXS", _("Completed tasks excellently")
    HTT = "HTT", _("Completed tasks well")
    HT = "HT", _("Completed tasks")
    KHT = "KHT", _("Did not complete tasks")


class RecognitionLevelChoice(models.TextChoices):
    CO_SO = "CO_SO", _("Grassroots")
    BO_TINH = "BO_TINH", _("Ministry or province")
    TOAN_QUOC = "TOAN_QUOC", _("Nationwide")


class InitiativeKind(models.TextChoices):
    INITIATIVE = "initiative", _("Initiative")
    RESEARCH = "research", _("Research result")


class DisciplineLevel(models.TextChoices):
    """Hình thức kỷ luật (Luật Cán bộ, công chức; Nghị định 112/2020/NĐ-CP)."""

    KHIEN_TRACH = "KHIEN_TRACH", _("Reprimand")
    CANH_CAO = "CANH_CAO", _("Warning")
    HA_BAC_LUONG = "HA_BAC_LUONG", _("Salary grade reduction")
    GIANG_CHUC = "GIANG_CHUC", _("Demotion")
    CACH_CHUC = "CACH_CHUC", _("Dismissal from post")
    BAI_NHIEM = "BAI_NHIEM", _("Removal from office")
    BUOC_THOI_VIEC = "BUOC_THOI_VIEC", _("Forced resignation")


class MatterKind(models.TextChoices):
    INVESTIGATION = "investigation", _("Investigation")
    INSPECTION = "inspection", _("Inspection")
    COMPLAINT = "complaint", _("Complaint")
    DENUNCIATION = "denunciation", _("Denunciation")
