from .complaints import (
    Complaint,
    ComplaintAttachment,
    ComplaintReminder,
    ComplaintReply,
    ComplaintStatusChange,
    ComplaintTransfer,
    ComplaintTransferChange,
    OdrEnterprise,
    RoutingRule,
)
from .extensions import VerificationExtension, VerificationExtensionChange
from .publicity import Publication, PublicationAction, PublicationRow
from .retention import AnonymisationLog
from .rules import Ground, RuleSet

__all__ = [
    "AnonymisationLog",
    "ComplaintAttachment",
    "ComplaintReminder",
    "ComplaintReply",
    "Complaint",
    "ComplaintStatusChange",
    "ComplaintTransfer",
    "ComplaintTransferChange",
    "Ground",
    "OdrEnterprise",
    "RoutingRule",
    "Publication",
    "PublicationAction",
    "PublicationRow",
    "RuleSet",
    "VerificationExtension",
    "VerificationExtensionChange",
]
