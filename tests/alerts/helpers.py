"""Shared by the alerts tests: the seed letter and a corrected version of it, and a follower."""

from django.contrib.auth.models import Group, User

from alerts import services
from alerts.models import Monitor
from letters.importing.store import import_letter
from letters.models import Source, Topic
from tests.conftest import SEED
from tests.docx_builder import with_replaced_text

C2000 = "c2000-en-vmx"
# A sentence of the passage "C2000", and the same sentence as a corrected version has it.
OLD_SENTENCE = "het bijplaatsen van masten"
NEW_SENTENCE = "het bijplaatsen van zes extra masten"
PASSWORD = "a-long-test-password"


def seed_version(number: int) -> bytes:
    content = SEED.read_bytes()
    return content if number == 1 else with_replaced_text(content, OLD_SENTENCE, NEW_SENTENCE)


def import_seed(number: int = 1):
    return import_letter(content=seed_version(number), filename=f"seed-v{number}.docx", source=Source.COMMAND)


def follower(username="volger", group=None, email=None) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, email=email or f"{username}@example.nl")
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def follow_topic(user, slug=C2000, frequency="daily") -> Monitor:
    monitor, _ = services.follow(user=user, kind="topic", frequency=frequency, topic=Topic.objects.get(slug=slug))
    return monitor
