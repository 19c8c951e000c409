"""Models of progress reporting."""

from .reports import (
    Attachment,
    Measure,
    ProgressReport,
    ReportStatusChange,
    ReportVersion,
    Status,
)
from .rounds import Milestone, MilestoneAction, NationalSummary, Round, default_milestones

__all__ = [
    "Attachment",
    "Measure",
    "Milestone",
    "MilestoneAction",
    "NationalSummary",
    "ProgressReport",
    "ReportStatusChange",
    "ReportVersion",
    "Round",
    "Status",
    "default_milestones",
]
