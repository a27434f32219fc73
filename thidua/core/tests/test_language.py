"""Vietnamese first, whatever the browser asks for; English only when the user chooses it."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_english_browser_still_gets_vietnamese(client):
    # when a browser that prefers English opens the login page
    response = client.get("/accounts/login/", headers={"Accept-Language": "en-US,en;q=0.9"})
    # then the page is Vietnamese
    assert "Đăng nhập" in response.content.decode()
    assert response["Content-Language"] == "vi"


def test_the_user_can_choose_english_and_back(client):
    # when the user picks English in the footer
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    # then the UI is English
    assert "Log in" in client.get("/accounts/login/").content.decode()
    # and picking Vietnamese returns to it
    client.post("/i18n/setlang/", {"language": "vi", "next": "/accounts/login/"})
    assert "Đăng nhập" in client.get("/accounts/login/").content.decode()


def test_an_unknown_language_cookie_falls_back_to_vietnamese(client):
    client.cookies["django_language"] = "xx"
    assert "Đăng nhập" in client.get("/accounts/login/").content.decode()
