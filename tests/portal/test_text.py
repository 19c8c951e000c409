"""Bidirectional overrides never reach the database: "txt.exe" cannot show as "exe.txt"."""

import pytest

from enterprises.services.import_rows import _text
from portal.text import without_bidi
from tests.factories import EnterpriseFactory, complaint

pytestmark = pytest.mark.django_db
SPOOF = "发票\u202etxt.exe\u2066x\u2069"


def test_overrides_and_isolates_are_dropped_and_nothing_else():
    assert without_bidi(SPOOF) == "发票txt.exex"
    assert without_bidi({"a": [SPOOF, 1]}) == {"a": ["发票txt.exex", 1]}
    kept = "零\u200b宽 Ωмир مرحبا \u200f"  # zero-width and marks are not reordering controls
    assert without_bidi(kept) == kept


def test_every_project_model_drops_them_on_save():
    enterprise = EnterpriseFactory(address=SPOOF, former_names=[SPOOF])
    enterprise.refresh_from_db()
    assert (enterprise.address, enterprise.former_names) == ("发票txt.exex", ["发票txt.exex"])
    filed = complaint(description=SPOOF, complainant_name=SPOOF)
    filed.refresh_from_db()
    assert (filed.description, filed.complainant_name) == ("发票txt.exex", "发票txt.exex")


def test_the_import_drops_them_from_cells():
    assert _text(SPOOF) == "发票txt.exex"
