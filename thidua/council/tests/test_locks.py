"""Row locks of the council's services (PostgreSQL): locking a session must not lock the
council's body unit, or a vote deadlocks against any transaction that holds the event chain
head and checks a foreign key to that unit when it commits (found by `make loadtest`)."""

from __future__ import annotations

import psycopg
import pytest
from django.apps import apps
from django.db import connection, transaction

from thidua.awards.reference import install_reference_data
from thidua.council import services
from thidua.council.tests.builders import build

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def _other_session() -> psycopg.Connection:
    db = connection.settings_dict
    return psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"] or "postgres",
        password=db["PASSWORD"] or None,
        dbname=db["NAME"],
        autocommit=True,
    )


def test_locking_a_session_leaves_foreign_key_checks_on_its_rows_free(world):
    # an earlier transactional test may have flushed the catalogue the migration installed
    install_reference_data(lambda name: apps.get_model("awards", name))
    built = build(world)
    body_id = built.council.body_id
    with transaction.atomic():
        services._lock_session(built.session)
        with _other_session() as other:
            # what a concurrent COMMIT does for a row that references the unit or the session
            for table, pk in (("org_unit", body_id), ("council_session", built.session.pk)):
                row = other.execute(
                    f"SELECT 1 FROM {table} WHERE id = %s FOR KEY SHARE NOWAIT", [pk]
                ).fetchone()
                assert row == (1,), table
            # while a second writer of the same session still waits its turn
            with pytest.raises(psycopg.errors.LockNotAvailable):
                other.execute(
                    "SELECT 1 FROM council_session WHERE id = %s FOR NO KEY UPDATE NOWAIT",
                    [built.session.pk],
                )
