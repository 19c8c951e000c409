from .files import (
    IN_FORCE_ABNORMAL,
    IN_FORCE_SERIOUS,
    PUBLISHED_PENALTY,
    AbnormalListing,
    AbnormalListingStatusChange,
    ConsumerWarning,
    ConsumerWarningStatusChange,
    Level,
    Penalty,
    PenaltyStatusChange,
    SeriousListing,
    SeriousListingStatusChange,
)
from .risk import UNCLASSIFIED, EnterpriseRiskClass, RiskClass

__all__ = [
    "IN_FORCE_ABNORMAL",
    "IN_FORCE_SERIOUS",
    "PUBLISHED_PENALTY",
    "UNCLASSIFIED",
    "AbnormalListing",
    "AbnormalListingStatusChange",
    "ConsumerWarning",
    "ConsumerWarningStatusChange",
    "EnterpriseRiskClass",
    "Level",
    "Penalty",
    "PenaltyStatusChange",
    "RiskClass",
    "SeriousListing",
    "SeriousListingStatusChange",
]
