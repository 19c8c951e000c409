from .complaints import (
    Complaint,
    ComplaintAttachment,
    ComplaintReply,
    ComplaintStatusChange,
    OdrEnterprise,
    RoutingRule,
)
from .rules import Ground, RuleSet

__all__ = [
    "ComplaintAttachment",
    "ComplaintReply",
    "Complaint",
    "ComplaintStatusChange",
    "Ground",
    "OdrEnterprise",
    "RoutingRule",
    "RuleSet",
]
