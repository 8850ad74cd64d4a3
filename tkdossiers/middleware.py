"""Middleware for the whole site: a request id for the logs, and limits on a request's body."""

import re
import uuid

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.urls import Resolver404, resolve

from tkdossiers.logs import current_request

REQUEST_ID_HEADER = "X-Request-ID"
# What a proxy sends (a UUID, nginx's $request_id) fits; anything else is replaced, not logged.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


class RequestIdMiddleware:
    """Takes the proxy's X-Request-ID when it is a sane token, else makes one up; every log
    line of the request and the response carry it. First in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(REQUEST_ID_HEADER, "")
        request.request_id = given if SANE_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        token = current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(token)
        response[REQUEST_ID_HEADER] = request.request_id
        return response


class RequestBodyLimitMiddleware:
    """Refuses a body before anything reads it. Files go only to a view in FILE_UPLOAD_VIEWS,
    from a user who holds its permission, in at most UPLOAD_BODY_MAX_BYTES; any other body is
    a form of at most FORM_BODY_MAX_BYTES, small enough that no file in it reaches the disk.

    Comes after AuthenticationMiddleware (it asks who the user is). CsrfViewMiddleware reads
    the body only in process_view, after every middleware's __call__, so this one runs first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return body_refusal(request) or self.get_response(request)


def body_refusal(request) -> HttpResponse | None:
    length = declared_length(request)
    if length <= 0:
        return None
    permission = upload_permission(request)
    if permission is None:
        return too_large(settings.FORM_BODY_MAX_BYTES) if length > settings.FORM_BODY_MAX_BYTES else None
    if not request.user.is_authenticated:  # a session that ran out while the form was open
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(permission):
        return refusal("Je hebt geen recht om bestanden te uploaden.", status=403)
    return too_large(settings.UPLOAD_BODY_MAX_BYTES) if length > settings.UPLOAD_BODY_MAX_BYTES else None


def declared_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # Django reads a body with a malformed length as empty, too


def upload_permission(request) -> str | None:
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    return settings.FILE_UPLOAD_VIEWS.get(match.view_name)


def too_large(limit: int) -> HttpResponse:
    return refusal(f"Dit verzoek is te groot (meer dan {max(1, limit // 1024 // 1024)} MB).", status=413)


def refusal(message: str, *, status: int) -> HttpResponse:
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
