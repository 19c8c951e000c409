"""Stands in for credit: enterprises named 失信… may not be recognised or be front-runners."""

from enterprises.models import Enterprise
from enterprises.restrictions import FRONT_RUNNER, RECOGNITION


def blocked(honour, enterprise_ids):
    if honour not in (RECOGNITION, FRONT_RUNNER):
        return {}
    listed = Enterprise.objects.filter(pk__in=enterprise_ids, name__startswith="失信")
    return {pk: "列入严重失信主体名单" for pk in listed.values_list("pk", flat=True)}
