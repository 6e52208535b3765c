"""The address a request came from, for login throttling (django-axes)."""

from __future__ import annotations

from django.conf import settings


def client_ip(request) -> str | None:
    """The client's address. Directly served: ``REMOTE_ADDR``. Behind ``FA_PROXY_COUNT``
    reverse proxies: the address the outermost of them put in ``X-Forwarded-For`` — each proxy
    appends the address it saw, so the client is that many entries from the right; anything a
    client wrote there itself is further left and ignored."""
    remote = request.META.get("REMOTE_ADDR")
    count = getattr(settings, "PROXY_COUNT", 0)
    if not count:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    return forwarded[-count] if len(forwarded) >= count else remote
