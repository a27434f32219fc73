"""Matrix helpers: the built council in each of its states."""

from __future__ import annotations

from thidua.council import services
from thidua.council.models import Elector
from thidua.council.tests.builders import build, open_all_present


def planned(w):
    return build(w).session


def opened(w):
    built = build(w)
    if built.session.status == "planned":
        open_all_present(w, built, absent=1)
    return built.session


def closed(w):
    built = build(w)
    session = opened(w)
    if session.status == "open":
        services.cast_ballots(built.voters[0], session, {built.cstd.pk: "yes", built.bk.pk: "no"})
        session.refresh_from_db()
        built.session = services.close_session(
            w.users["council_secretary"], session, session.version
        )
    return built.session


def an_elector(w):
    return Elector.objects.filter(session=opened(w)).order_by("id").first()
