"""A form page runs its service command through `refusals_shown_on`."""

import pytest
from django import forms
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied

from thidua.core.errors import DomainError, PermissionDenied
from thidua.core.forms import refusals_shown_on


class NameForm(forms.Form):
    name = forms.CharField()


def test_a_refusal_is_shown_on_its_field_and_the_rest_of_the_block_is_skipped():
    # given a valid form
    form = NameForm({"name": "Xã Thạch Hạ"})
    assert form.is_valid()
    reached = []
    # when the command is refused
    with refusals_shown_on(form):
        raise DomainError("DUPLICATE", "Tên đã có.", fields={"name": "Tên đã có.", "x": "Khác."})
        reached.append(True)  # pragma: no cover - never runs
    # then each message is shown (unknown fields at the top) and nothing after ran
    assert form.errors["name"] == ["Tên đã có."]
    assert form.non_field_errors() == ["Khác."]
    assert reached == []


def test_a_permission_refusal_becomes_the_403_page():
    form = NameForm({"name": "x"})
    form.is_valid()
    with pytest.raises(DjangoPermissionDenied), refusals_shown_on(form):
        raise PermissionDenied()
    assert not form.errors


def test_a_command_that_succeeds_runs_the_whole_block():
    form = NameForm({"name": "x"})
    form.is_valid()
    done = []
    with refusals_shown_on(form):
        done.append("saved")
    assert done == ["saved"]
    assert not form.errors
