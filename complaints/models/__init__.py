from .after_sales import AfterSalesRecord
from .compensation import CompensationCase, CompensationCommitment
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
from .mediation import MediationBody, MediationReferral
from .publicity import Publication, PublicationAction, PublicationRow
from .retention import AnonymisationLog
from .rules import Ground, RuleSet
from .trustworthy import TrustworthyCandidate, TrustworthyStatusChange

__all__ = [
    "AfterSalesRecord",
    "AnonymisationLog",
    "CompensationCase",
    "CompensationCommitment",
    "ComplaintAttachment",
    "ComplaintReminder",
    "ComplaintReply",
    "Complaint",
    "ComplaintStatusChange",
    "ComplaintTransfer",
    "ComplaintTransferChange",
    "Ground",
    "MediationBody",
    "MediationReferral",
    "OdrEnterprise",
    "RoutingRule",
    "Publication",
    "PublicationAction",
    "PublicationRow",
    "RuleSet",
    "TrustworthyCandidate",
    "TrustworthyStatusChange",
    "VerificationExtension",
    "VerificationExtensionChange",
]
