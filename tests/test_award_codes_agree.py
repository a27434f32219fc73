"""Movements sits below awards in the layers, so it names the titles a movement plans or a
registration aims for by code instead of by a foreign key. Those codes must be catalogue
codes, for the subject kind the movement says."""

from thidua.awards.catalogue import load_catalogue
from thidua.movements.choices import COLLECTIVE_TITLES, INDIVIDUAL_TITLES, AwardCode


def test_every_movement_award_code_is_in_the_catalogue():
    catalogue = load_catalogue()
    assert set(AwardCode.values) - set(catalogue) == set()


def test_title_groups_match_the_catalogue_subjects():
    catalogue = load_catalogue()
    assert {catalogue[c].subject for c in INDIVIDUAL_TITLES} == {"individual"}
    assert {catalogue[c].subject for c in COLLECTIVE_TITLES} == {"collective"}
