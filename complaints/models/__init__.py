from .complaints import (
    Complaint,
    ComplaintAttachment,
    ComplaintReply,
    ComplaintStatusChange,
    ComplaintTransfer,
    ComplaintTransferChange,
    OdrEnterprise,
    RoutingRule,
)
from .rules import Ground, RuleSet

__all__ = [
    "ComplaintAttachment",
    "ComplaintReply",
    "Complaint",
    "ComplaintStatusChange",
    "ComplaintTransfer",
    "ComplaintTransferChange",
    "Ground",
    "OdrEnterprise",
    "RoutingRule",
    "RuleSet",
]
