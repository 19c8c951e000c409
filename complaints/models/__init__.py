from .complaints import Complaint, ComplaintStatusChange, OdrEnterprise, RoutingRule
from .rules import Ground, RuleSet

__all__ = [
    "Complaint",
    "ComplaintStatusChange",
    "Ground",
    "OdrEnterprise",
    "RoutingRule",
    "RuleSet",
]
