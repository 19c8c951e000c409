"""The enterprises app's API routes, mounted under /api/v1/ by portal.urls."""

from rest_framework.routers import SimpleRouter

from .certificates import CertificateViewSet
from .pledges import PledgeViewSet
from .registry import EnterpriseViewSet
from .standards import DeclarationViewSet

router = SimpleRouter()
router.register("enterprises", EnterpriseViewSet, basename="enterprise")
router.register("pledges", PledgeViewSet, basename="pledge")
router.register("declarations", DeclarationViewSet, basename="declaration")
router.register("certificates", CertificateViewSet, basename="certificate")
