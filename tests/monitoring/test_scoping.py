"""Who sees which wave and which figures: national waves are every regulator's, a unit's its own."""

import pytest

from monitoring.models import IndexResult, Wave
from monitoring.services import indices
from portal.scoping import scoped
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_national_wave_is_every_regulators_and_a_units_wave_only_its_own(
    province_user, other_province_user, enterprise_user
):
    national = factories.survey_wave()
    guangdong = factories.survey_wave(unit=factories.unit("440000"))
    assert set(scoped(Wave.objects.all(), province_user)) == {national, guangdong}
    assert set(scoped(Wave.objects.all(), other_province_user)) == {national}
    assert not scoped(Wave.objects.all(), enterprise_user).exists()


def test_a_regulator_sees_its_units_figures_and_the_national_totals(
    hand_wave, province_user, other_province_user
):
    indices.compute(hand_wave)
    zj = factories.unit("330000")
    seen = scoped(IndexResult.objects.filter(wave=hand_wave), other_province_user)
    units = set(seen.exclude(level="nation").values_list("reporting_unit_id", flat=True))
    assert units == {zj.pk}
    assert seen.filter(level="nation", component="index").get().n == 3


def test_the_wave_page_shows_a_regulator_only_its_own_unit(client_for, other_province_user,
                                                           hand_wave):  # fmt: skip
    indices.compute(hand_wave)
    client = client_for(other_province_user)
    page = client.get(f"/monitoring/waves/{hand_wave.pk}/").content.decode()
    assert "浙江省" in page and "广东省" not in page
