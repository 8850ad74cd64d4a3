import json
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

from tkdossiers.roles import ADMINS, CLERKS, POLICY_STAFF

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED = SAMPLES / "seed" / "verzamelbrief-2025D43420.docx"
SEED_VARIANTS = sorted((SAMPLES / "seed").glob("verzamelbrief-2025D43420*.docx"))
REAL_LETTERS = sorted((SAMPLES / "letters").glob("*.docx"))


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (letters.topics.recount marks a waiting recount there)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def gold():
    return json.loads((SAMPLES / "seed" / "gold-2025D43420.json").read_text(encoding="utf-8"))


def make_user(username: str, group: str | None) -> User:
    user = User.objects.create_user(username=username, password="a-long-test-password")
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def policy_user(db):
    return make_user("beleid", POLICY_STAFF)


@pytest.fixture
def clerk(db):
    return make_user("griffie", CLERKS)


@pytest.fixture
def admin_user(db):
    return make_user("beheer", ADMINS)


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


@pytest.fixture
def policy_client(client, policy_user):
    client.force_login(policy_user)
    return client


REFERENCE_DATA = [
    ("letters.migrations.0002_roles", "create_roles"),
    ("letters.migrations.0004_starting_topics", "create_topics"),
    ("letters.migrations.0004_starting_topics", "grant_topics"),
    ("kamer.migrations.0003_roles", "grant_sync"),
    ("letters.migrations.0011_fetch_roles", "grant_fetching"),
    ("commitments.migrations.0002_roles", "grant_commitments"),
    ("letters.migrations.0014_topic_rules_that_name_their_topic", "mark_naming_terms"),
    ("alerts.migrations.0002_roles", "grant_alerts"),
    ("alerts.migrations.0004_monitor_roles", "grant_monitors"),
]


@pytest.fixture
def reference_data(transactional_db):
    """The roles and starting topics the data migrations create, again: a transactional test's
    flush removes them, and a browser or worker test needs them."""
    import importlib

    from django.apps import apps

    for module, function in REFERENCE_DATA:
        getattr(importlib.import_module(module), function)(apps, None)
