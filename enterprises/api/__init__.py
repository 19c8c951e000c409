"""The enterprises app's API routes, mounted under /api/v1/ by portal.urls."""

from rest_framework.routers import SimpleRouter

from .registry import EnterpriseViewSet

router = SimpleRouter()
router.register("enterprises", EnterpriseViewSet, basename="enterprise")
