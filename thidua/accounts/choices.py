from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """A role a user holds in a unit (and its subtree)."""

    ADMIN = "admin", _("System administrator")
    PROVINCE_OFFICER = "province_officer", _("Provincial emulation officer")
    UNIT_FOCAL = "unit_focal", _("Unit focal point")
    CLUSTER_LEADER = "cluster_leader", _("Cluster leader")
    COUNCIL_MEMBER = "council_member", _("Council member")
    COUNCIL_SECRETARY = "council_secretary", _("Council secretary")
    SIGNER = "signer", _("Signer")
    VIEWER = "viewer", _("Viewer")


# Roles that must use two-factor authentication (TOTP) before doing anything.
TWO_FACTOR_ROLES = frozenset({Role.ADMIN, Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY, Role.SIGNER})
