"""Installs the catalogue and its dated terms (base salary, bonuses, authorities) into the
database from the packaged data files. Idempotent; called by a data migration with the
historical models, and by tests and the demo with the real ones."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from thidua.awards.catalogue import TERMS_FILE, load_catalogue, read_data


def install_reference_data(get_model: Callable[[str], Any]) -> None:
    """Create or update every award type and its dated terms (`get_model("AwardType")`...)."""
    award_type = get_model("AwardType")
    base_salary = get_model("BaseSalary")
    bonus_rule = get_model("BonusRule")
    authority = get_model("AwardingAuthority")
    types = {}
    for position, definition in enumerate(load_catalogue().values()):
        types[definition.code], _ = award_type.objects.update_or_create(
            code=definition.code,
            defaults={
                "name": definition.name_vi,
                "subject": definition.subject,
                "kind": definition.kind,
                "level": definition.level,
                "legal_basis": definition.legal_basis,
                "position": position,
            },
        )
    terms = json.loads(read_data(TERMS_FILE))
    for row in terms["base_salaries"]:
        base_salary.objects.update_or_create(
            effective_from=date.fromisoformat(row["effective_from"]),
            defaults={"amount": row["amount"], "legal_basis": row["legal_basis"]},
        )
    for row in terms["bonuses"]:
        bonus_rule.objects.update_or_create(
            award_type=types[row["award"]],
            subject=row["subject"],
            effective_from=date.fromisoformat(row["effective_from"]),
            defaults={
                "multiple": Decimal(row["multiple"]),
                "legal_basis": row["legal_basis"],
                "confirmed": row["confirmed"],
            },
        )
    for row in terms["authorities"]:
        end = row["effective_to"]
        authority.objects.update_or_create(
            award_type=types[row["award"]],
            decider=row["decider"],
            effective_from=date.fromisoformat(row["effective_from"]),
            defaults={
                "effective_to": date.fromisoformat(end) if end else None,
                "legal_basis": row["legal_basis"],
            },
        )
