"""Login lock-out (django-axes): the page a locked-out user sees, and who the client is."""

from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response, credentials):
    """AXES_LOCKOUT_CALLABLE: the Dutch page in the site's layout, naming the wait."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)


def client_ip(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: behind a proxy, the address that proxy saw (the last entry of
    the header CLIENT_IP_HEADER names); otherwise the address that connected."""
    if settings.CLIENT_IP_HEADER:
        nearest = request.META.get(settings.CLIENT_IP_HEADER, "").split(",")[-1].strip()
        if nearest:
            return nearest
    return request.META.get("REMOTE_ADDR")
