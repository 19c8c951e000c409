"""Released evaluations on the enterprise's public page and in the public list."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def public_page(client, enterprise):
    return client.get(f"/enterprises/public/pledges/{enterprise.uscc}/")


def test_the_public_page_shows_released_evaluations_with_counts_and_averages(client):
    enterprise = factories.EnterpriseFactory()
    factories.evaluation(enterprise, overall=5, comment="上菜很快。")
    factories.evaluation(
        enterprise, overall=2, comment="太吵了。",
        aspects={"service": 3, "quality": 2, "environment": 1, "price": 2},
    )  # fmt: skip
    response = public_page(client, enterprise)
    assert response.status_code == 200
    (section,) = response.context["sections"]
    assert section.context["summary"] == {
        "count": 2,
        "overall": 3.5,
        "aspects": [
            ("服务态度", 4.0), ("服务质量", 3.5), ("环境", 3.0), ("性价比", 3.5),
        ],
    }  # fmt: skip
    page = response.content.decode()
    assert "上菜很快" in page and "太吵了" in page and "3.50 / 5" in page


def test_an_enterprise_with_neither_pledge_nor_evaluation_has_no_public_page(client):
    assert public_page(client, factories.EnterpriseFactory()).status_code == 404


def test_an_enterprise_with_only_held_evaluations_has_no_public_page(client):
    held = factories.held_evaluation()
    from monitoring.models import Evaluation

    Evaluation.objects.exclude(pk=held.pk).delete()
    assert public_page(client, held.enterprise).status_code == 404


def test_the_public_list_finds_evaluated_enterprises_by_name_and_region(client):
    guangzhou = factories.EnterpriseFactory(name="广州示范酒家有限公司")
    hangzhou = factories.EnterpriseFactory(name="杭州示范茶馆有限公司", division_code="330106")
    factories.EnterpriseFactory(name="广州无评价酒家有限公司")
    factories.evaluation(guangzhou, overall=4)
    factories.evaluation(hangzhou, overall=2)

    def listed(query):
        page = client.get(f"/monitoring/evaluations/enterprises/?{query}").context["page"]
        return [(row["enterprise__name"], row["count"]) for row in page]

    assert sorted(listed("")) == [("广州示范酒家有限公司", 1), ("杭州示范茶馆有限公司", 1)]
    assert listed("q=酒家") == [("广州示范酒家有限公司", 1)]
    assert listed("unit=330000") == [("杭州示范茶馆有限公司", 1)]
