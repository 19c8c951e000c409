"""Models of progress reporting."""

from .reports import Attachment, Measure, ProgressReport, ReportVersion, Status, Transition
from .rounds import Milestone, MilestoneAction, NationalSummary, Round, default_milestones

__all__ = [
    "Attachment",
    "Measure",
    "Milestone",
    "MilestoneAction",
    "NationalSummary",
    "ProgressReport",
    "ReportVersion",
    "Round",
    "Status",
    "Transition",
    "default_milestones",
]
