"""Every URL of the site sent a POST: as anonymous, as a logged-in user without a role, and as a
superuser without a CSRF token. Nothing may be written, and the answer refuses (a redirect to a
login page, 403, 405), or, for a page that ignores the method, is its answer to a GET.

The URLs come from the resolver, so a new view is covered without a change here; only the URLs
that need a real object to reach their permission check name one (the `objects` fixture), the
rest get sample values. A write is an INSERT, UPDATE or DELETE of any table but django_session
(a refusal may leave a message there).
"""

import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from alerts import services as alerts
from commitments.models import Commitment, Motion, ToezeggingMatch
from letters.models import Letter, RetagJob, Section, Topic, UploadJob
from tests.alerts.helpers import follow_topic
from tests.conftest import SEED
from tests.letters.imported import add

pytestmark = pytest.mark.django_db

LOGIN_PAGES = ("/inloggen/", "/beheer/login/")
# Open to everyone on purpose: for these only what they write is checked, and they may write the
# tables named (a logout notes its time in django-axes' access log).
PUBLIC = {
    "login": (),  # the login form itself
    "logout": ("axes_accesslog",),  # anyone may log out
    "admin:logout": ("axes_accesslog",),  # as logout (a visitor without staff rights goes to the index)
}
# The admin's last pattern answers every other address under /beheer/ (Django's catch_all_view):
# a regex without a name, which no sample value is sure to match.
UNNAMED = {"beheer/(?P<url>.*)$"}
WRITE = re.compile(r'^(?:INSERT INTO|UPDATE|DELETE FROM) "(\w+)"')


def url_patterns(patterns=None, prefix="", namespace=""):
    """(name with its namespace, route) of every pattern the resolver holds."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield (f"{namespace}{pattern.name}" if pattern.name else None), prefix + str(pattern.pattern)


def choices_in(route: str, name: str) -> list[str]:
    """The words a regex group allows, when it is a choice of words: (?P<fmt>csv|json|xlsx)."""
    found = re.search(rf"\(\?P<{name}>([\w|]+)\)", route)
    return found.group(1).split("|") if found else []


def address(name: str, route: str, objects: dict) -> str:
    """The URL of one pattern: the kwargs `objects` names for it, sample values for the rest."""
    kwargs_names = re.findall(r"\(\?P<(\w+)>|<(?:\w+:)?(\w+)>", route)
    names = [regex or converter for regex, converter in kwargs_names]
    known = objects.get(name, {})
    candidates = {key: [known[key]] if key in known else [*choices_in(route, key), "1", "x"] for key in names}
    for attempt in range(3):
        kwargs = {key: values[min(attempt, len(values) - 1)] for key, values in candidates.items()}
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    raise AssertionError(f"{name}: no sample address for {route}; name its object in `objects`")


@pytest.fixture
def roleless(db):
    return User.objects.create_user(username="zonderrol", password="a-long-test-password")


@pytest.fixture
def objects(roleless):
    """Per URL name, the kwargs of a real object: so the view reaches its permission check and a
    missing one would show as a write (the roleless user's own monitor, among them)."""
    add(SEED.read_bytes(), SEED.name)
    letter, section, topic = Letter.objects.get(), Section.objects.first(), Topic.objects.get(slug="c2000-en-vmx")
    motion, commitment = Motion.objects.first(), Commitment.objects.first()
    match = ToezeggingMatch.objects.create(commitment=commitment, toezegging_id="tz-guid", kind="same", score=90)
    monitor = follow_topic(roleless)
    alerts.renew_feed_token(user=roleless)
    version = letter.versions.get()
    upload = UploadJob.objects.create(filename="brief.docx", size=1, content=b"x", user=roleless)
    return {
        "section_topics": {"pk": section.pk},
        "upload_job": {"pk": upload.pk},
        "letter_detail": {"pk": letter.pk},
        "letter_version": {"pk": letter.pk, "number": version.number},
        "retag_job": {"pk": RetagJob.objects.create().pk},
        "topic_follow": {"slug": topic.slug},
        "topic_rules": {"slug": topic.slug},
        "topic_detail": {"slug": topic.slug},
        "motion_action": {"pk": motion.pk, "action": "afdoen"},
        "motion_zaak": {"pk": motion.pk, "action": "ontkoppelen"},
        "commitment_action": {"pk": commitment.pk},
        "toezegging_match_decide": {"pk": match.pk, "decision": "bevestigen"},
        "monitor_update": {"pk": monitor.pk},
        "monitor_delete": {"pk": monitor.pk},
        "monitor_feed_renew": {"pk": monitor.pk},
    }


def data_for(name: str, objects: dict) -> dict:
    """A form that would be saved if the view let it through."""
    topic = objects["topic_rules"]["slug"]
    monitor = objects["monitor_update"]["pk"]
    return {
        "section_topics": {"topics": list(Topic.objects.values_list("pk", flat=True)[:1])},
        "topic_rules": {"rules-TOTAL_FORMS": 1, "rules-INITIAL_FORMS": 0, "rules-0-term": "Taskforce"},
        "motion_action": {"note": "Gedaan."},
        "commitment_action": {"status": "fulfilled", "note": "Gedaan."},
        "monitor_create": {"kind": "topic", "topic": topic, "frequency": "weekly"},
        "monitor_update": {f"m{monitor}-frequency": "weekly"},
    }.get(name, {})


def every_address(objects: dict) -> list[tuple[str, str]]:
    found, unnamed = [], set()
    for name, route in url_patterns():
        if name is None:  # reachable only by its route: "1" for each of its arguments
            if "(?P" in route:
                unnamed.add(route)
            else:
                found.append((route, "/" + re.sub(r"<(?:\w+:)?\w+>", "1", route)))
        else:
            found.append((name, address(name, route, objects)))
    assert unnamed == UNNAMED, "a pattern without a name and with arguments: name it, or list it here"
    return found


def send(client, method: str, url: str, data: dict | None = None):
    response = getattr(client, method)(url, data or {})
    if response.streaming:
        # An export streams from a server-side cursor: read to its end now, in this test's
        # transaction, not closed by the garbage collector in a later test (where CLOSE fails).
        b"".join(response.streaming_content)
    return response


def writes_of(client, name: str, url: str, data: dict) -> tuple[object, list[str]]:
    """The answer to a POST, and the tables it wrote but should not have."""
    with CaptureQueriesContext(connection) as queries:
        response = send(client, "post", url, data)
    tables = [found.group(1) for found in (WRITE.match(query["sql"]) for query in queries) if found]
    allowed = ("django_session", *PUBLIC.get(name, ()))
    return response, [table for table in tables if table not in allowed]


def refused(response) -> bool:
    if response.status_code in (403, 405):
        return True
    return response.status_code == 302 and response["Location"].startswith(LOGIN_PAGES)


def check_every_url(client, objects, login=None) -> list[str]:
    """The URLs that wrote, or answered a POST with neither a refusal nor their answer to a GET."""
    wrong = []
    for name, url in every_address(objects):
        if login:
            client.force_login(login)  # again: logout may have ended the last session
        response, writes = writes_of(client, name, url, data_for(name, objects))
        if writes:
            wrong.append(f"{name} {url}: wrote {writes}")
        elif name not in PUBLIC and not refused(response):
            read = send(client, "get", url)
            if response.status_code != read.status_code or refused(read) != refused(response):
                wrong.append(f"{name} {url}: POST {response.status_code}, GET {read.status_code}")
    return wrong


def test_anonymous_writes_nothing_anywhere(objects):
    assert check_every_url(Client(), objects) == []


def test_a_user_without_a_role_writes_nothing_anywhere(objects, roleless):
    assert check_every_url(Client(), objects, login=roleless) == []


def test_without_the_csrf_token_even_a_superuser_writes_nothing_anywhere(objects):
    boss = User.objects.create_superuser(username="baas", password="a-long-test-password")
    client = Client(enforce_csrf_checks=True)
    wrong = []
    for name, url in every_address(objects):
        client.force_login(boss)
        response, writes = writes_of(client, name, url, data_for(name, objects))
        if writes or response.status_code != 403:
            wrong.append(f"{name} {url}: {response.status_code} {writes}")

    assert wrong == []


def test_the_write_urls_of_today_are_among_those_checked_with_their_object(objects):
    # The views that write on a POST, as the site has them now, are found (a new one is too,
    # without being listed here), and reached with the object the fixture made for them.
    addresses = dict(every_address(objects))
    writes = [name for name in objects if name.endswith(("_action", "_zaak", "_decide", "_update", "_delete"))]

    assert {"letter_upload", "sync_now", "monitor_create", "calendar_renew", *writes} <= addresses.keys()
    assert addresses["monitor_delete"] == f"/meldingen/{objects['monitor_delete']['pk']}/verwijderen/"
