"""Exports of the commendation chain's lists: dossiers, rankings, council results and
decisions — the page's scope and filters applied, Vietnamese headings, nothing secret."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from thidua.core.testing.matrix import login

pytestmark = pytest.mark.django_db


def _csv(client, query: str) -> list[list[str]]:
    response = client.get(reverse("interchange:export") + query + "&format=csv")
    assert response.status_code == 200, response.status_code
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_decisions_export_follows_the_list_filters_and_scope(world, client):
    from thidua.decisions.tests.builders import drafted, issued

    done = issued(world).decision
    drafted(world, submitted=False)
    login(client, world, "province_officer")
    rows = _csv(client, "?kind=decisions")
    assert rows[0][:2] == ["Số, ký hiệu", "Ngày ký"]
    assert len(rows) == 3  # heading + the issued decision + the draft
    only_issued = _csv(client, "?kind=decisions&status=issued")
    assert [r[0] for r in only_issued[1:]] == [done.number_text]
    # commune B's clerk sees neither the draft nor a decision about commune A's person
    login(client, world, "unit_b_clerk")
    assert _csv(client, "?kind=decisions") == [rows[0]]


def test_dossier_export_lists_only_the_units_own_dossiers(world, client):
    from thidua.nominations.tests.builders import build

    built = build(world)
    login(client, world, "unit_a_clerk")
    rows = _csv(client, "?kind=dossiers")
    assert rows[0][0] == "Số hồ sơ"
    assert [r[0] for r in rows[1:]] == [str(built.dossier.pk)]
    login(client, world, "unit_b_clerk")
    assert len(_csv(client, "?kind=dossiers")) == 1  # heading only


def test_ranking_export_needs_a_visible_ranking(world, client):
    from thidua.scoring.tests.builders import build, score_through

    board = score_through(world, build(world))
    login(client, world, "province_officer")
    rows = _csv(client, f"?kind=ranking&ranking={board.pk}")
    assert rows[0][:3] == ["Thứ hạng", "Mã đơn vị", "Đơn vị"]
    assert [r[0] for r in rows[1:]] == ["1", "2"]
    assert {r[1] for r in rows[1:]} == {world.unit_a.code, world.unit_b.code}
    # no ranking named, or one the user cannot see: headings only
    assert len(_csv(client, "?kind=ranking")) == 1
    login(client, world, "outsider")
    response = client.get(reverse("interchange:export") + f"?kind=ranking&ranking={board.pk}")
    assert response.status_code == 403


def test_council_results_export_holds_totals_of_closed_sessions_only(world, client):
    from thidua.council import services
    from thidua.council.tests.builders import build, open_all_present

    built = build(world, members=3)
    login(client, world, "province_officer")
    assert len(_csv(client, "?kind=council_results")) == 1  # nothing closed yet
    open_all_present(world, built)
    for voter in built.voters:
        services.cast_ballots(voter, built.session, {built.cstd.pk: "yes", built.bk.pk: "no"})
    built.session.refresh_from_db()
    services.close_session(world.users["council_secretary"], built.session, built.session.version)
    rows = _csv(client, f"?kind=council_results&session={built.session.pk}")
    assert rows[0][6:9] == ["Đồng ý", "Không đồng ý", "Không ý kiến"]
    by_award = {r[3]: r for r in rows[1:]}
    assert len(by_award) == 2
    yes_row = next(r for r in rows[1:] if r[6] == "3")
    no_row = next(r for r in rows[1:] if r[7] == "3")
    assert yes_row is not no_row
    # only totals: no member's name appears anywhere in the export
    flat = " ".join(" ".join(r) for r in rows)
    assert all(v.full_name not in flat for v in built.voters)


@pytest.mark.parametrize(
    ("page", "kind"),
    [
        ("org:person_list", "people"),
        ("org:unit_tree", "units"),
        ("org:cluster_list", "clusters"),
        ("movements:list", "movements"),
        ("nominations:list", "dossiers"),
        ("decisions:list", "decisions"),
    ],
)
def test_list_pages_offer_their_export_with_the_filters_applied(world, client, page, kind):
    login(client, world, "province_officer")
    html = client.get(reverse(page) + "?year=2025").content.decode()
    link = reverse("interchange:export") + f"?kind={kind}&amp;format=xlsx&amp;year=2025"
    assert link in html
