"""Login, lockout after failed attempts, two-factor for sensitive roles, password change."""

import pytest
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "matkhau-thu-nghiem"


def test_login_page_is_vietnamese(client):
    html = client.get("/accounts/login/").content.decode()
    assert 'lang="vi"' in html
    assert "Đăng nhập" in html


def test_clerk_logs_in_and_lands_on_home(world, client):
    response = client.post("/accounts/login/", {"username": "clerk_a", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


@override_settings(AXES_FAILURE_LIMIT=3)
def test_repeated_failed_logins_lock_the_account_even_with_the_right_password(world, client):
    # given three wrong passwords
    for _ in range(3):
        client.post("/accounts/login/", {"username": "clerk_a", "password": "sai-mat-khau"})
    # when the right password comes next
    response = client.post("/accounts/login/", {"username": "clerk_a", "password": PASSWORD})
    # then the account stays locked, with a Vietnamese explanation
    assert response.status_code == 429
    assert "Tài khoản tạm thời bị khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_council_member_must_enrol_two_factor_before_seeing_anything(world, client):
    # given a council member who logged in with a password only
    client.post("/accounts/login/", {"username": "council", "password": PASSWORD})
    # when they open a page
    response = client.get("/org/units/")
    # then they are sent to two-factor; enrolment shows a QR code
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/")
    setup = client.get("/accounts/two-factor/setup/")
    assert "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=world.users["council_member"], confirmed=False)
    # a wrong code is refused
    wrong = client.post("/accounts/two-factor/setup/", {"token": "000000"})
    assert "Mã không đúng hoặc đã hết hạn" in wrong.content.decode()
    # after the throttle that follows a failure (django-otp doubles the delay per failure),
    # the right code turns it on and opens the pages
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    device.throttle_reset()
    client.post("/accounts/two-factor/setup/", {"token": _code(device)})
    assert client.get("/org/units/").status_code == 200


def test_admin_with_device_is_asked_for_a_code_each_session(world, client):
    device = TOTPDevice.objects.create(user=world.users["admin"], name="app", confirmed=True)
    client.post("/accounts/login/", {"username": "admin", "password": PASSWORD})
    assert client.get("/org/people/").status_code == 302
    client.post("/accounts/two-factor/?next=/org/people/", {"token": _code(device)})
    assert client.get("/org/people/").status_code == 200


def test_api_refuses_an_unverified_admin_session(world, client):
    client.post("/accounts/login/", {"username": "admin", "password": PASSWORD})
    response = client.get("/api/v1/org/units")
    assert response.status_code == 403
    assert response.json()["code"] == "TWO_FACTOR_REQUIRED"


def test_clerk_needs_no_second_factor(world, client):
    client.post("/accounts/login/", {"username": "clerk_a", "password": PASSWORD})
    assert client.get("/org/people/").status_code == 200


def test_password_change_requires_the_old_password(world, client):
    client.force_login(world.users["unit_a_clerk"])
    response = client.post(
        "/accounts/password/",
        {
            "old_password": "sai",
            "new_password1": "Mat-khau-moi-2026",
            "new_password2": "Mat-khau-moi-2026",
        },
    )
    assert response.status_code == 200
    world.users["unit_a_clerk"].refresh_from_db()
    assert world.users["unit_a_clerk"].check_password(PASSWORD)
    client.post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "Mat-khau-moi-2026",
            "new_password2": "Mat-khau-moi-2026",
        },
    )
    world.users["unit_a_clerk"].refresh_from_db()
    assert world.users["unit_a_clerk"].check_password("Mat-khau-moi-2026")


def test_logout_is_post_only(world, client):
    client.force_login(world.users["unit_a_clerk"])
    assert client.get("/accounts/logout/").status_code == 405
    client.post("/accounts/logout/")
    assert client.get("/").status_code == 302
