"""Account commands: API tokens and two-factor enrolment, allowed and denied paths."""

import pytest

from thidua.accounts.models import ApiToken
from thidua.accounts.services import (
    confirm_totp_device,
    issue_api_token,
    pending_totp_device,
    user_for_api_key,
)
from thidua.core.errors import DomainError, PermissionDenied
from thidua.core.models import Event

pytestmark = pytest.mark.django_db


def test_a_user_issues_a_token_for_themselves_and_it_authenticates(world):
    # given
    clerk = world.users["unit_a_clerk"]
    # when
    key = issue_api_token(clerk, clerk, "  Hệ thống một cửa  ")
    # then only a digest is stored, the key authenticates, an event is written
    token = ApiToken.objects.get(user=clerk)
    assert token.name == "Hệ thống một cửa"
    assert key not in token.digest
    assert user_for_api_key(key) == clerk
    assert Event.objects.filter(action="accounts.issue_api_token").count() == 1


def test_an_administrator_issues_a_token_for_someone_else(world):
    key = issue_api_token(world.users["admin"], world.users["unit_b_clerk"], "tích hợp")
    assert user_for_api_key(key) == world.users["unit_b_clerk"]


@pytest.mark.parametrize("actor", ["unit_a_clerk", "province_officer", "outsider"])
def test_no_one_else_may_issue_a_token_for_another_user_and_nothing_is_written(world, actor):
    # when someone who is not an administrator asks for a token in B's clerk's name
    with pytest.raises(PermissionDenied):
        issue_api_token(world.users[actor], world.users["unit_b_clerk"], "chiếm quyền")
    # then nothing was written
    assert ApiToken.objects.count() == 0
    assert Event.objects.count() == 0


def test_a_token_needs_a_name(world):
    clerk = world.users["unit_a_clerk"]
    with pytest.raises(DomainError) as caught:
        issue_api_token(clerk, clerk, "   ")
    assert caught.value.fields == {"name": "Bắt buộc."}
    assert ApiToken.objects.count() == 0


def test_a_revoked_token_or_inactive_user_no_longer_authenticates(world):
    clerk = world.users["unit_a_clerk"]
    key = issue_api_token(clerk, clerk, "x")
    ApiToken.objects.update(revoked=True)
    assert user_for_api_key(key) is None
    ApiToken.objects.update(revoked=False)
    clerk.is_active = False
    clerk.save()
    assert user_for_api_key(key) is None


def test_two_factor_is_not_confirmed_by_a_wrong_code_or_for_another_user(world):
    member = world.users["council_member"]
    device = pending_totp_device(member)
    # a wrong code, and the right device presented by someone else, both change nothing
    assert confirm_totp_device(member, device, "000000") is False
    device.refresh_from_db()
    device.throttle_reset()
    from django_otp.oath import totp

    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    assert confirm_totp_device(world.users["admin"], device, code) is False
    device.refresh_from_db()
    assert device.confirmed is False
    assert not Event.objects.filter(action="accounts.enable_two_factor").exists()
