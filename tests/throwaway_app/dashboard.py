"""A dashboard card for headquarters."""

from django.urls import reverse

from portal.dashboard import Panel


def panels(request):
    if not request.user.is_headquarters:
        return []
    return [
        Panel(
            title="Throwaway card",
            figures=[("Throwaway figure", 7)],
            links=[("Throwaway page", reverse("throwaway:index"))],
            order=500,
        )
    ]
