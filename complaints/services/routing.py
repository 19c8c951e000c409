"""Where a complaint is handled (DOMAIN.md section 4, jurisdiction).

In order: the first active routing rule that matches (headquarters' and the receiving
unit's rules, by position); else the operator's registry record; else, for a seller on
a platform that is not in the registry, the platform's domicile; else the division of
the address the complainant gave. Each complaint records which of these routed it.
"""

from dataclasses import dataclass

from django.db.models import Q

from ..models import Complaint, RoutingRule

Routed = Complaint.Routed


@dataclass(frozen=True)
class Route:
    division: object
    reason: str
    rule: RoutingRule | None = None

    @property
    def reporting_unit(self):
        return self.division.reporting_unit


def route(*, division, section, operator=None, platform=None, received_by=None):
    """The Route for a complaint about ``operator`` (or an unknown one in ``division``)."""
    base = division
    reason = Routed.ADDRESS
    if operator is not None:
        base, reason = operator.division, Routed.REGISTRY
    elif platform is not None:
        base, reason = platform.division, Routed.PLATFORM
    rule = matching_rule(base.code, section, received_by or base.reporting_unit)
    if rule is not None:
        return Route(rule.target_division, Routed.RULE, rule)
    return Route(base, reason)


def matching_rule(division_code, section, unit):
    """The first active rule, by position, of headquarters or of ``unit`` that matches."""
    rules = RoutingRule.objects.filter(Q(owner=None) | Q(owner=unit), active=True)
    rules = rules.select_related("target_division__reporting_unit")
    return next((r for r in rules if r.matches(division_code, section)), None)
