from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

# The areas of the product; later issues fill the ones marked `soon`.
NAV = [
    ("org", _("Organisation"), "org:unit_tree"),
    ("movements", _("Movements"), "movements:list"),
    ("scoring", _("Scoring"), "scoring:home"),
    ("awards", _("Commendation"), "awards:catalogue"),
    ("nominations", _("Nominations"), "nominations:list"),
    ("council", _("Council"), "council:index"),
    ("decisions", _("Decisions"), "decisions:list"),
    ("reports", _("Reports"), "reports:index"),
]


# Areas reached from another area's page: highlight that one in the navigation.
SECTION_OF = {"exemplars": "reports"}


def navigation(request: HttpRequest) -> dict[str, Any]:
    section = ""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.namespace:
        section = SECTION_OF.get(match.namespace, match.namespace)
    return {"nav_items": NAV, "nav_section": section}
