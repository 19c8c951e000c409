from .risk import UNCLASSIFIED, EnterpriseRiskClass, RiskClass

__all__ = ["UNCLASSIFIED", "EnterpriseRiskClass", "RiskClass"]
