"""Who may read: logged-in users, or everyone when TKD_PUBLIC_READ=1."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login


def reader_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if settings.TKD_PUBLIC_READ or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        return redirect_to_login(request.get_full_path())

    return wrapper
