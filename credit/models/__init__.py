from .assistance import (
    AssistanceMessage,
    AssistanceRequest,
    AssistanceStatusChange,
    OperatingSite,
    ProblemNotice,
    ProblemReceipt,
)
from .inspections import (
    ClassRatio,
    Inspection,
    InspectionAssignment,
    InspectionItem,
    InspectionPlan,
    Inspector,
    InspectorConflict,
    PlanDraw,
    PlanStatusChange,
    ResultReminder,
)
from .risk import UNCLASSIFIED, EnterpriseRiskClass, RiskClass

__all__ = [
    "UNCLASSIFIED",
    "AssistanceMessage",
    "AssistanceRequest",
    "AssistanceStatusChange",
    "ClassRatio",
    "EnterpriseRiskClass",
    "Inspection",
    "InspectionAssignment",
    "InspectionItem",
    "InspectionPlan",
    "Inspector",
    "InspectorConflict",
    "OperatingSite",
    "PlanDraw",
    "PlanStatusChange",
    "ProblemNotice",
    "ProblemReceipt",
    "ResultReminder",
    "RiskClass",
]
