"""Models of the enterprises app, one module per business area."""

from .certificates import Certificate, CertificateReminder, CertificateStatusChange
from .pledges import Pledge, PledgeRevision, PledgeStatusChange, Recognition
from .registry import Enterprise, EnterpriseMembership
from .standards import SampledDeclaration, SamplingDraw, StandardDeclaration, StandardIndicator

__all__ = [
    "Certificate",
    "CertificateReminder",
    "CertificateStatusChange",
    "Enterprise",
    "EnterpriseMembership",
    "Pledge",
    "PledgeRevision",
    "PledgeStatusChange",
    "Recognition",
    "SampledDeclaration",
    "SamplingDraw",
    "StandardDeclaration",
    "StandardIndicator",
]
