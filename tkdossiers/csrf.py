"""A refused form explained in Dutch: the page for a failed CSRF check (settings.CSRF_FAILURE_VIEW),
and the short message an htmx request gets instead of a page.

htmx leaves a card as it is on a 4xx answer; static/js/decisions.js puts the element marked
data-decision-message into the card, beside the note the clerk typed (which it also keeps for
when the page comes back after logging in again).
"""

from urllib.parse import urlsplit

from django.http import HttpResponse
from django.shortcuts import render, resolve_url
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

LOGGED_OUT = (
    "U bent niet meer ingelogd, daarom is dit niet opgeslagen. Uw toelichting blijft staan: "
    "log opnieuw in en probeer het nog eens."
)
PAGE_EXPIRED = (
    "Deze pagina is verlopen, daarom is dit niet opgeslagen. Uw toelichting blijft staan: "
    "laad de pagina opnieuw en probeer het nog eens."
)


def page_of(request) -> str | None:
    """The path of the page a form was sent from, when it is on this site: htmx names it, a plain
    form of ours posts it as "next", a browser sends it as Referer."""
    for url in (request.headers.get("HX-Current-URL"), request.POST.get("next"), request.headers.get("Referer")):
        if url and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            parts = urlsplit(url)
            return _site_path(parts.path, parts.query)
    return None


def _site_path(path: str, query: str) -> str | None:
    """The path as a link on this site, or None: "http://ours//evil.example" is allowed as a URL, but
    its path alone, "//evil.example" (or "/\\evil.example", which browsers read alike), leaves the site."""
    if not path.startswith("/") or path[1:2] in ("/", "\\"):
        return None
    return path + (f"?{query}" if query else "")


def login_url(request) -> str:
    """The login page, coming back to the page the form was on."""
    return f"{resolve_url('login')}?{urlencode({'next': page_of(request) or resolve_url('home')})}"


def inline_message(text: str, *, status: int, link_text: str = "", link_url: str = "") -> HttpResponse:
    """A short message in place of the page, for an htmx request that was refused."""
    link = format_html(' <a href="{}">{}</a>', link_url, link_text) if link_url else ""
    html = format_html('<p class="message error" role="alert" data-decision-message>{}{}</p>', text, link)
    return HttpResponse(html, status=status)


def logged_out_inline(request) -> HttpResponse:
    return inline_message(LOGGED_OUT, link_text="Opnieuw inloggen", link_url=login_url(request), status=401)


def csrf_failure(request, reason=""):
    """The form's security token was missing or old: the cookies were cleared, or the page was
    open while the session ran out. Say so in Dutch and offer the way back."""
    logged_in = request.user.is_authenticated
    if request.headers.get("HX-Request"):
        if not logged_in:
            return inline_message(LOGGED_OUT, link_text="Opnieuw inloggen", link_url=login_url(request), status=403)
        page = page_of(request) or resolve_url("home")
        return inline_message(PAGE_EXPIRED, link_text="Pagina opnieuw laden", link_url=page, status=403)
    context = {"logged_in": logged_in, "login_url": login_url(request), "page": page_of(request)}
    return render(request, "403_csrf.html", context, status=403)
