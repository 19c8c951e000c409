"""Models of the enterprises app, one module per business area."""

from .certificates import Certificate, CertificateReminder, CertificateStatusChange
from .pledges import Pledge, PledgeRevision, PledgeStatusChange, Recognition
from .registry import ClaimStatusChange, Enterprise, EnterpriseMembership
from .standards import (
    FrontRunnerChange,
    SampledDeclaration,
    SamplingDraw,
    StandardDeclaration,
    StandardIndicator,
)

__all__ = [
    "Certificate",
    "CertificateReminder",
    "CertificateStatusChange",
    "ClaimStatusChange",
    "Enterprise",
    "EnterpriseMembership",
    "FrontRunnerChange",
    "Pledge",
    "PledgeRevision",
    "PledgeStatusChange",
    "Recognition",
    "SampledDeclaration",
    "SamplingDraw",
    "StandardDeclaration",
    "StandardIndicator",
]
