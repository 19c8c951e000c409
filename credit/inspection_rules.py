"""The configurable rules of double-random inspections (DOMAIN.md §5), pure: no database.

Every value here is the default of a setting, because DOMAIN.md marks them unverified
or local practice: the enforcement fields, the result categories, the sampling ratio per
risk class (one city's credit-linked scheme), the publicity period and the warning.
"""

from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal import draws

# Enforcement fields (执法领域) an item belongs to and an inspector is certified for.
DEFAULT_FIELDS = [
    ("service_quality", _("Service quality")),
    ("pricing", _("Pricing")),
    ("advertising", _("Advertising")),
    ("licensing", _("Licences and registration")),
    ("product_quality", _("Product quality")),
    ("food_safety", _("Food safety")),
]

# The result categories of DOMAIN.md §5 (an unverified list).
UNREACHABLE = "unreachable"
DEFAULT_RESULTS = [
    ("no_problem", _("No problem found")),
    ("not_disclosed", _("Required information not disclosed")),
    ("false_disclosure", _("Disclosed information false")),
    (UNREACHABLE, _("Unreachable at the registered address")),
    ("corrected", _("Problem found and ordered corrected")),
    ("refused", _("Refused to cooperate")),
    ("no_activity", _("No relevant business activity found")),
    ("case_opened", _("Problem found, case opened")),
]
# The results that found no problem; every other recorded result is a finding.
DEFAULT_RESULTS_WITHOUT_PROBLEM = ("no_problem", "no_activity")

# One city's credit-linked scheme (DOMAIN.md §5): A up to 5 %, B 5-20 %, C 21-60 %, D 61-100 %.
DEFAULT_CLASS_RATIOS = {
    "A": Decimal("0.03"),
    "B": Decimal("0.10"),
    "C": Decimal("0.30"),
    "D": Decimal("0.80"),
}

PUBLICITY_WORKING_DAYS = 20
WARN_WORKING_DAYS = 5
MIN_INSPECTORS = 2


def field_choices():
    return list(getattr(settings, "CREDIT_INSPECTION_FIELDS", DEFAULT_FIELDS))


def result_choices():
    return list(getattr(settings, "CREDIT_INSPECTION_RESULTS", DEFAULT_RESULTS))


def results_without_problem():
    """The result categories that are not findings (task 4 figures, the risk indicator)."""
    return tuple(
        getattr(settings, "CREDIT_RESULTS_WITHOUT_PROBLEM", DEFAULT_RESULTS_WITHOUT_PROBLEM)
    )


def unreachable_result():
    """The result that offers an abnormal-list entry (经营异常名录, unreachable at the address)."""
    return getattr(settings, "CREDIT_UNREACHABLE_RESULT", UNREACHABLE)


def default_class_ratios():
    return dict(getattr(settings, "CREDIT_DEFAULT_CLASS_RATIOS", DEFAULT_CLASS_RATIOS))


def publicity_working_days():
    return getattr(settings, "CREDIT_RESULT_PUBLICITY_WORKING_DAYS", PUBLICITY_WORKING_DAYS)


def warn_working_days():
    return getattr(settings, "CREDIT_RESULT_WARN_WORKING_DAYS", WARN_WORKING_DAYS)


def plan_identifier(plan_id):
    """The identifier the seed is derived from and the draws' purposes start with."""
    return f"credit-inspection-plan-{plan_id}"


def inspector_seed(plan_seed, uscc):
    """Each enterprise's inspector draw ranks by its own seed, so teams differ per enterprise."""
    return f"{plan_seed}:{uscc}"


def round_seed(secret, plan, round_number=1):
    """The seed of a round: SHA-256(secret + newline + identifier), '#round' from round 2."""
    identifier = plan.identifier if round_number == 1 else f"{plan.identifier}#{round_number}"
    return draws.committed_seed(secret, identifier)
