"""The packaged voting rules (data/voting_rules.json), unconfirmed, with their basis."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "voting_rules.json"


def load(apps, schema_editor):
    VotingRule = apps.get_model("council", "VotingRule")
    for row in json.loads(DATA.read_text(encoding="utf-8"))["rules"]:
        VotingRule.objects.get_or_create(
            award_code=row["award_code"],
            level=row["level"],
            effective_from=date.fromisoformat(row["effective_from"]),
            defaults={
                "base": row["base"],
                "percent": Decimal(row["percent"]),
                "comparison": row["comparison"],
                "quorum_numerator": row["quorum_numerator"],
                "quorum_denominator": row["quorum_denominator"],
                "secret": row["secret"],
                "basis": row["basis"],
                "confirmed": row["confirmed"],
            },
        )


class Migration(migrations.Migration):
    dependencies = [("council", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
