from .risk import (
    UNCLASSIFIED,
    EnterpriseRiskClass,
    RiskClass,
    RiskClassHistory,
    RiskOverride,
    RiskRun,
    ScoringIndicator,
    ScoringModel,
)

__all__ = [
    "UNCLASSIFIED",
    "EnterpriseRiskClass",
    "RiskClass",
    "RiskClassHistory",
    "RiskOverride",
    "RiskRun",
    "ScoringIndicator",
    "ScoringModel",
]
