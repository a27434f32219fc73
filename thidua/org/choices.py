from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Province")
    DEPARTMENT = "department", _("Department or agency")
    DISTRICT = "district", _("District (historical)")
    COMMUNE = "commune", _("Commune")
    WARD = "ward", _("Ward")
    SPECIAL_ZONE = "special_zone", _("Special zone")
    ENTERPRISE = "enterprise", _("Enterprise")
    SCHOOL = "school", _("School")
    HOSPITAL = "hospital", _("Hospital")
    MASS_ORG = "mass_org", _("Mass organisation")
    VILLAGE = "village", _("Village or residential group")


class UnitLevel(models.TextChoices):
    """The administrative level a unit works at (quotas and powers depend on it)."""

    PROVINCE = "province", _("Provincial level")
    DEPARTMENT = "department", _("Department level")
    DISTRICT = "district", _("District level")
    COMMUNE = "commune", _("Commune level")
    GRASSROOTS = "grassroots", _("Grassroots unit")
    VILLAGE = "village", _("Village level")


DEFAULT_LEVEL: dict[str, str] = {
    UnitKind.PROVINCE: UnitLevel.PROVINCE,
    UnitKind.DEPARTMENT: UnitLevel.DEPARTMENT,
    UnitKind.MASS_ORG: UnitLevel.DEPARTMENT,
    UnitKind.DISTRICT: UnitLevel.DISTRICT,
    UnitKind.COMMUNE: UnitLevel.COMMUNE,
    UnitKind.WARD: UnitLevel.COMMUNE,
    UnitKind.SPECIAL_ZONE: UnitLevel.COMMUNE,
    UnitKind.ENTERPRISE: UnitLevel.GRASSROOTS,
    UnitKind.SCHOOL: UnitLevel.GRASSROOTS,
    UnitKind.HOSPITAL: UnitLevel.GRASSROOTS,
    UnitKind.VILLAGE: UnitLevel.VILLAGE,
}


class LineageKind(models.TextChoices):
    MERGE = "merge", _("Merge")
    SPLIT = "split", _("Split")
    RENAME = "rename", _("Rename")
    DISSOLVE = "dissolve", _("Dissolve")
    MOVE = "move", _("Move")


class ClusterKind(models.TextChoices):
    CLUSTER = "cluster", _("Emulation cluster")
    BLOCK = "block", _("Emulation block")


class ClusterRole(models.TextChoices):
    LEADER = "leader", _("Cluster leader")
    DEPUTY = "deputy", _("Deputy leader")
    MEMBER = "member", _("Member")


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")
