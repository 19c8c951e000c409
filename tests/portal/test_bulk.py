"""portal.bulk.insert_new: COPY on PostgreSQL gives rows that behave as if saved one by one."""

import datetime

import pytest

from enterprises.models import Enterprise
from enterprises.models.registry import bigram_value
from enterprises.services.registry import search_name
from portal.bulk import insert_new
from portal.models import ReportingUnit
from tests.factories import random_uscc


@pytest.mark.django_db
def test_copied_rows_get_their_ids_timestamps_and_values():
    unit = ReportingUnit.objects.get(code="440000")
    rows = [
        Enterprise(
            uscc=random_uscc("440106"),
            name=f"广州复制插入测试{n}号有限公司",
            former_names=["旧名称，含逗号", '引号"测试'] if n == 0 else [],
            reporting_unit=unit,
            established_on=datetime.date(2015, 3, n + 1),
            name_bigrams=bigram_value(f"广州复制插入测试{n}号有限公司"),
        )
        for n in range(3)
    ]
    insert_new(Enterprise, rows, key_field="uscc")
    assert all(row.pk for row in rows)
    first = Enterprise.objects.get(pk=rows[0].pk)
    assert first.former_names == ["旧名称，含逗号", '引号"测试']
    assert first.established_on == datetime.date(2015, 3, 1)
    assert first.created_at is not None and first.updated_at is not None
    assert first.division is None
    assert list(search_name(Enterprise.objects.all(), "复制插入测试1")) == [rows[1]]
