"""The topic index's figures (letters.topics.recount) are recounted after each change commits,
and changes close together share one recount."""

import datetime

import pytest
from django.core.cache import cache

from commitments.models import Motion
from commitments.services import motion_confirm_done
from letters.models import Topic
from letters.topics import recount
from tests.conftest import SEED
from tests.docx_builder import letter_citing
from tests.letters.imported import add

pytestmark = pytest.mark.django_db


def c2000_letter(date):
    return letter_citing(
        "Voortgang C2000", date, ["Kamerstukken II 2025/26, 25 124, nr. 130"], heading="C2000 vervanging"
    )


def topic_figures(slug):
    topic = Topic.objects.get(slug=slug)
    return (
        topic.letter_count,
        topic.passage_count,
        topic.open_motion_count,
        topic.open_commitment_count,
        topic.latest_date,
    )


def test_topic_figures_are_recounted_after_an_import_commits(django_capture_on_commit_callbacks):
    add(SEED.read_bytes(), SEED.name)
    assert topic_figures("c2000-en-vmx") == (0, 0, 0, 0, None)  # not committed yet: nothing recounted

    with django_capture_on_commit_callbacks(execute=True):
        add(c2000_letter("12 november 2025"), "c2000.docx")

    # seed: 5 C2000 passages (the opening and the governance passage with them), the Van Dijk
    # motion open; the new letter: its C2000 heading
    assert topic_figures("c2000-en-vmx") == (2, 6, 1, 0, datetime.date(2025, 11, 12))
    assert Topic.objects.get(slug="c2000-en-vmx").counted_at is not None


def test_a_clerks_decision_is_recounted(clerk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        add(SEED.read_bytes(), SEED.name)
    assert topic_figures("c2000-en-vmx")[2] == 1
    van_dijk = Motion.objects.get(kamerstuk__dossier__number="28684", kamerstuk__number="759")

    with django_capture_on_commit_callbacks(execute=True):
        motion_confirm_done(motion=van_dijk, user=clerk)

    assert topic_figures("c2000-en-vmx")[2] == 0


def test_changes_committed_while_a_recount_waits_share_it(django_capture_on_commit_callbacks):
    cache.set(recount.RECOUNT_PENDING, True)  # a recount is queued and has not started yet

    with django_capture_on_commit_callbacks(execute=True):
        add(SEED.read_bytes(), SEED.name)
    assert topic_figures("c2000-en-vmx")[:2] == (0, 0)  # no second recount was queued

    recount.recount_topics()  # the waiting one starts, and sees the import
    assert topic_figures("c2000-en-vmx")[:2] == (1, 5)

    with django_capture_on_commit_callbacks(execute=True):  # a change after it started queues the next
        add(c2000_letter("12 november 2025"), "c2000.docx")
    assert topic_figures("c2000-en-vmx")[:2] == (2, 6)
