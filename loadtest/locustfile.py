"""The load test's simulated users (locust), driven by `make loadtest`.

Three kinds of people use thidua at once, in the mix of a commendation season:

- officers (weight 12 of 20) browse: movement list and detail, person profile, award history list
  filtered by year and unit, people search, dossier list, the home page;
- unit focal points (weight 5) file nominations through the API (a dossier, then a nominee)
  and look at their dossiers;
- council members (weight 3) open the council session page and vote, item by item, through
  the API (each member votes once per item, as the law allows).

Each simulated person waits 15–45 s between actions (reading, typing). Sessions and API tokens come from loadtest/var/fixture.json (loadtest/prepare.py). Any answer
other than the expected status counts as an error.
"""

from __future__ import annotations

import itertools
import json
import random
import threading
from pathlib import Path
from typing import Any

from locust import HttpUser, between, task

FIXTURE: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parent / "var" / "fixture.json").read_text(encoding="utf-8")
)
_counter_lock = threading.Lock()
_counters = {"clerk": itertools.count(), "member": itertools.count()}


def _next(kind: str) -> int:
    with _counter_lock:
        return next(_counters[kind])


class _Base(HttpUser):
    abstract = True
    # Think time: an officer reads a page, compares, fills a form; 200 such people make
    # about 7 requests a second.
    wait_time = between(15, 45)

    def _login(self, who: dict[str, Any]) -> None:
        self.client.cookies.set("sessionid", who["session"])
        self.client.cookies.set("django_language", "vi")
        self.token = who["token"]

    def page(self, url: str, name: str) -> None:
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} on {url}")
            elif "/accounts/login/" in response.url or "/two-factor" in response.url:
                response.failure(f"sent to log in from {url}")

    def api(self, method: str, url: str, name: str, payload: Any, expect: int) -> Any:
        with self.client.request(
            method,
            url,
            name=name,
            json=payload,
            headers={"Authorization": f"Bearer {self.token}"},
            catch_response=True,
        ) as response:
            if response.status_code != expect:
                response.failure(f"{response.status_code}: {response.text[:300]}")
                return None
            return response.json()


class Officer(_Base):
    weight = 12

    def on_start(self) -> None:
        self._login(FIXTURE["officer"])

    @task(3)
    def award_history(self) -> None:
        unit = random.choice(FIXTURE["unit_ids"])
        year = random.randint(FIXTURE["year"] - 10, FIXTURE["year"] - 1)
        self.page(f"/awards/records/?unit={unit}&year={year}", "/awards/records/?unit&year")

    @task(3)
    def person_profile(self) -> None:
        person = random.choice(FIXTURE["person_ids"])
        self.page(f"/awards/people/{person}/", "/awards/people/[id]/")

    @task(2)
    def search_people(self) -> None:
        term = random.choice(FIXTURE["search_terms"])
        self.page(f"/org/people/?q={term}", "/org/people/?q")

    @task(2)
    def movements(self) -> None:
        self.page("/movements/", "/movements/")
        if FIXTURE["movement_ids"]:
            movement = random.choice(FIXTURE["movement_ids"])
            self.page(f"/movements/{movement}/", "/movements/[id]/")

    @task(1)
    def dossiers(self) -> None:
        self.page("/nominations/", "/nominations/")

    @task(1)
    def unit_tree(self) -> None:
        self.page("/org/units/", "/org/units/")

    @task(1)
    def home(self) -> None:
        self.page("/", "/")


class FocalPoint(_Base):
    weight = 5

    def on_start(self) -> None:
        clerks = FIXTURE["clerks"]
        self.me = clerks[_next("clerk") % len(clerks)]
        self._login(self.me)
        self.people = list(self.me["person_ids"])
        random.shuffle(self.people)

    @task(2)
    def file_a_nomination(self) -> None:
        dossier = self.api(
            "POST",
            "/api/v1/nominations/",
            "POST /api/v1/nominations/",
            {
                "proposing_unit_id": self.me["unit_id"],
                "receiving_unit_id": self.me["receiving_unit_id"],
                "kind": "annual",
                "year": FIXTURE["year"],
                "title": "Hồ sơ đề nghị khen thưởng (thử tải)",
            },
            201,
        )
        if dossier is None or not self.people:
            return
        person = self.people.pop()
        self.api(
            "POST",
            f"/api/v1/nominations/{dossier['id']}/nominees",
            "POST /api/v1/nominations/[id]/nominees",
            {
                "person_id": person,
                "award_code": "GK",
                "achievement": "Hoàn thành xuất sắc nhiệm vụ năm (thử tải).",
            },
            201,
        )
        self.page(f"/nominations/{dossier['id']}/", "/nominations/[id]/")

    @task(2)
    def my_dossiers(self) -> None:
        self.page("/nominations/", "/nominations/")

    @task(1)
    def search(self) -> None:
        term = random.choice(FIXTURE["search_terms"])
        self.page(f"/org/people/?q={term}", "/org/people/?q")


class CouncilMember(_Base):
    weight = 3

    def on_start(self) -> None:
        members = FIXTURE["members"]
        index = _next("member")
        self.me = members[index % len(members)]
        # a member beyond the council's size only watches the session page
        self.items = list(FIXTURE["item_ids"]) if index < len(members) else []
        self._login(self.me)

    @task(3)
    def vote(self) -> None:
        if not self.items:
            self.session_page()
            return
        item = self.items.pop(0)
        self.api(
            "POST",
            "/api/v1/council/ballots",
            "POST /api/v1/council/ballots",
            {
                "session_id": FIXTURE["council_session_id"],
                "ballots": [
                    {"item_id": item, "choice": random.choice(["yes", "yes", "yes", "no"])}
                ],
            },
            200,
        )

    @task(1)
    def session_page(self) -> None:
        session = FIXTURE["council_session_id"]
        self.page(f"/council/sessions/{session}/", "/council/sessions/[id]/")
