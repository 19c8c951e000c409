"""Loads the reference data: the 37 reporting units, their agencies, headquarters, divisions.

Used by the data migration (with historical models) and by the test suite,
whose transactional tests empty the tables between tests.
"""

import csv
from pathlib import Path

from django.conf import settings

from .reference_units import REPORTING_UNITS, document_prefix

DIVISIONS_CSV = Path(__file__).resolve().parent / "data" / "admin_divisions.csv"

HEADQUARTERS = [
    ("market", "国家市场监督管理总局", "State Administration for Market Regulation (SAMR)"),
    ("drc", "国家发展和改革委员会", "National Development and Reform Commission (NDRC)"),
]


def agency_names(name, name_en, kind):
    """(kind, name, English name) of the two agencies of a reporting unit."""
    if kind == "xpcc":
        return [
            (
                "market",
                "新疆生产建设兵团市场监督管理局",
                "XPCC Administration for Market Regulation",
            ),
            ("drc", "新疆生产建设兵团发展和改革委员会", "XPCC Development and Reform Commission"),
        ]
    return [
        ("market", f"{name}市场监督管理局", f"{name_en} Administration for Market Regulation"),
        ("drc", f"{name}发展和改革委员会", f"{name_en} Development and Reform Commission"),
    ]


def load(ReportingUnit, Agency, AdminDivision):
    """Create the reference rows (the tables must be empty)."""
    units = {}
    for code, name, name_en, kind, parent_code in REPORTING_UNITS:
        if kind == "xpcc":
            code = settings.PORTAL_XPCC_CODE  # unverified: no GB/T 2260 code of its own
        units[code] = ReportingUnit.objects.create(
            code=code, name=name, name_en=name_en, kind=kind, province=units.get(parent_code)
        )
        for agency_kind, agency_name, agency_name_en in agency_names(name, name_en, kind):
            Agency.objects.create(
                kind=agency_kind,
                reporting_unit=units[code],
                name=agency_name,
                name_en=agency_name_en,
            )
    for agency_kind, agency_name, agency_name_en in HEADQUARTERS:
        Agency.objects.create(kind=agency_kind, name=agency_name, name_en=agency_name_en)
    _load_divisions(units, AdminDivision)


def _load_divisions(units, AdminDivision):
    divisions = {}
    for code, name, _name_en, kind, _parent in REPORTING_UNITS:
        if kind == "province":
            divisions[code] = AdminDivision.objects.create(
                code=code, name=name, level=1, reporting_unit=units[code]
            )
    with DIVISIONS_CSV.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            if row["code"] in divisions:
                continue
            code = row["code"]
            unit = units.get(code[:4] + "00") or units[code[:2] + "0000"]
            divisions[code] = AdminDivision.objects.create(
                code=code,
                name=row["name"],
                level=int(row["level"]),
                parent=divisions.get(row["parent"]),
                reporting_unit=unit,
            )


def fill_document_prefixes(ReportingUnit):
    """Give every unit without one its default document-number prefix (粤市监)."""
    for unit in ReportingUnit.objects.filter(document_prefix=""):
        unit.document_prefix = document_prefix(unit.code, unit.kind)
        unit.save(update_fields=["document_prefix"])


def ensure_loaded():
    """Load the reference data with the current models if it is missing."""
    from .models import AdminDivision, Agency, ReportingUnit

    if not ReportingUnit.objects.exists():
        load(ReportingUnit, Agency, AdminDivision)
        fill_document_prefixes(ReportingUnit)
