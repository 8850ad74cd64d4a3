"""Who may read: logged-in users, or everyone when TKD_PUBLIC_READ=1; who may write inline."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login

from letters.web.fragments import remember_permissions
from tkdossiers.csrf import logged_out_inline, page_of


def reader_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if settings.TKD_PUBLIC_READ or request.user.is_authenticated:
            remember_permissions(request)
            return view(request, *args, **kwargs)
        return redirect_to_login(request.get_full_path())

    return wrapper


def login_required_inline(view):
    """login_required for a form that htmx may send (the clerks' decisions). Logged out, an htmx
    request gets a Dutch message to show in place (401), not the login page swapped into a card;
    a plain form goes to the login page, which comes back to the page the form was on."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if request.headers.get("HX-Request"):
            return logged_out_inline(request)
        return redirect_to_login(page_of(request) or request.get_full_path())

    return wrapper
