"""Parts of pages kept in the cache for as long as nothing in the database has changed.

A fragment's key names the state of the data as PostgreSQL sees it: `pg_current_snapshot()`,
which changes whenever a transaction that writes begins or ends (in any database of the server)
and never when one only reads. So a fragment is served again only while no write has begun or
ended since it was rendered, and a change is seen by the first request after it commits, however
it was made: an import, a clerk's decision, a re-tag, the Kamer's sync, a bulk script, psql. A
transaction that has written itself (its own changes are not in any snapshot) neither reads nor
stores fragments, and neither does SQLite (the demo). A busy site writes often and then gains
little; it is never served a stale page (issue 16: 50 readers ask for the same few lists, and
the site had no CPU left to render them again and again).

The key also holds a digest of the project's code and templates, so that a deploy never serves
what the code before it rendered, and the parts of the request the fragment depends on, which the
caller names. What a fragment holds must depend on nothing else: not on who asks (pass the
permissions it shows as parts) and never a CSRF token. A form inside one renders the token as
CSRF_PLACEHOLDER (`csrf_context()`), which every request replaces with its own.
"""

import hashlib
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache as shared_cache
from django.db import connection
from django.middleware.csrf import get_token
from django.utils.safestring import SafeString, mark_safe

CSRF_PLACEHOLDER = "csrf-token-of-the-request"
CODE_SUFFIXES = (".py", ".html", ".txt")
CODE_FOLDERS = ("letters", "commitments", "kamer", "alerts", "tkdossiers", "templates")
_STATE = "_fragment_state"  # the request's attribute: its state, read once


def data_state(request) -> str | None:
    """The digest of the database's state this request reads, or None when nothing may be cached."""
    if not settings.FRAGMENT_CACHE_SECONDS:
        return None
    if not hasattr(request, _STATE):
        setattr(request, _STATE, _read_state())
    return getattr(request, _STATE)


def _read_state() -> str | None:
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_snapshot()::text, pg_current_xact_id_if_assigned() IS NULL")
        snapshot, clean = cursor.fetchone()
    return _digest(snapshot) if clean else None


@cache
def code_digest() -> str:
    """The project's own files, read once per process: a deploy changes the keys."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.blake2b(digest_size=12)
    for folder in CODE_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in CODE_SUFFIXES and path.is_file():
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def fragment(request, name: str, parts: tuple, render: Callable[[], str]) -> SafeString:
    """render()'s HTML, from the cache when this state of the data rendered it already.

    parts: everything besides the data that the HTML depends on (an id, the query string, the
    permissions it shows), as strings or numbers."""
    state = data_state(request)
    if state is None:
        return _with_token(request, render())
    key = f"fragment:{name}:{code_digest()}:{state}:{_digest(repr(parts))}"
    stored = shared_cache.get(key)
    if stored is not None:
        return _with_token(request, zlib.decompress(stored).decode())
    html = str(render())
    # Compressed: a letter's page is some 50 kB of HTML, a tenth of it so, in the Redis that is
    # also Celery's broker.
    shared_cache.set(key, zlib.compress(html.encode(), 1), settings.FRAGMENT_CACHE_SECONDS)
    return _with_token(request, html)


def remember_permissions(request) -> None:
    """The user's permissions from the cache while the data has not changed: the menu and the
    pages ask for them on every request, two queries. ModelBackend keeps them on the user object
    for the rest of the request (its documented permission caching, `_perm_cache`); a change of
    any permission or group is a write, and so a new state."""
    user = request.user
    if not user.is_authenticated or hasattr(user, "_perm_cache") or data_state(request) is None:
        return
    key = f"permissions:{user.pk}:{data_state(request)}"
    remembered = shared_cache.get(key)
    if remembered is None:
        shared_cache.set(key, ModelBackend().get_all_permissions(user), settings.FRAGMENT_CACHE_SECONDS)
    else:
        user._perm_cache = remembered


def csrf_context() -> dict:
    """Context for a fragment that holds a form: the token is filled in per request."""
    return {"csrf_token": CSRF_PLACEHOLDER}


def _with_token(request, html: str) -> SafeString:
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return mark_safe(html)  # noqa: S308 - rendered by the project's templates, which escape


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()
