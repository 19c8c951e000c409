"""Name search: the pure bigram helpers and the PostgreSQL bigram index."""

import pytest
from django.db import connection

from enterprises import search
from enterprises.models import Enterprise
from enterprises.services import registry
from tests.factories import EnterpriseFactory


def test_bigrams_are_overlapping_lowercase_pairs():
    assert search.bigrams("华为技术") == sorted(["华为", "为技", "技术"])
    assert search.bigrams("ABc") == ["ab", "bc"]
    assert search.bigrams("a b") == []
    assert search.bigrams("华") == []
    assert search.bigrams("") == []


def test_literals_quote_hostile_characters():
    assert search.tsquery_literal("a'b") == "'''b' & 'a'''"
    assert search.tsquery_literal("x\\y") == "'\\\\y' & 'x\\\\'"
    assert search.tsvector_literal("华为", ["为华"]) == "'为华' '华为'"


@pytest.mark.django_db
def test_tsvector_literal_matches_postgresql_canonical_form():
    text = search.tsvector_literal("O'Brien & 华为 (深圳)\\有限公司")
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::tsvector::text", [text])
        assert cursor.fetchone()[0] == text


@pytest.fixture
def names(db):
    made = {}
    for name in ["深圳华为餐饮有限公司", "广州鸿运酒店", "华南为民家政", "O'Brien 咖啡 & Co"]:
        made[name] = EnterpriseFactory(name=name)
    return made


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("华为", {"深圳华为餐饮有限公司"}),
        ("鸿运酒", {"广州鸿运酒店"}),
        ("为", {"深圳华为餐饮有限公司", "华南为民家政"}),
        ("华为餐饮有限", {"深圳华为餐饮有限公司"}),
        ("为华", set()),
        ("o'brien", {"O'Brien 咖啡 & Co"}),
        ("& Co", {"O'Brien 咖啡 & Co"}),
        ("'; DROP TABLE enterprises_enterprise; --", set()),
        ("%", set()),
    ],
)
def test_search_finds_substrings_of_any_length(names, query, expected):
    found = registry.search_name(Enterprise.objects.all(), query)
    assert {e.name for e in found} == expected


def test_search_uses_the_bigram_index_on_postgresql(names):
    sql = str(registry.search_name(Enterprise.objects.all(), "华为").query)
    assert "@@" in sql and "tsquery" in sql


def test_bigrams_follow_renames_and_former_names(names):
    enterprise = names["广州鸿运酒店"]
    enterprise.name = "广州新天地酒店"
    enterprise.former_names = ["广州鸿运酒店"]
    enterprise.save()
    found = registry.search_name(Enterprise.objects.all(), "鸿运")
    assert list(found) == [enterprise]
    assert list(registry.search_name(Enterprise.objects.all(), "新天地")) == [enterprise]


def test_lookup_by_uscc_is_exact(names):
    enterprise = names["广州鸿运酒店"]
    found = registry.lookup(Enterprise.objects.all(), enterprise.uscc.lower() + " ")
    assert list(found) == [enterprise]


def test_keyset_page(db):
    made = [EnterpriseFactory() for _ in range(5)]
    rows, after = registry.keyset_page(Enterprise.objects.all(), size=2)
    assert [r.pk for r in rows] == [made[4].pk, made[3].pk] and after == made[3].pk
    rows, after = registry.keyset_page(Enterprise.objects.all(), after=made[1].pk, size=2)
    assert [r.pk for r in rows] == [made[0].pk] and after is None
