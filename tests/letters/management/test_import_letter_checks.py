"""import_letter runs the system checks of the models it writes through, not those of what serves
pages (URLs, admin, templates): those imported every view before the first file."""

from io import StringIO

import pytest
from django.core import checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from letters.models import Letter
from tests.conftest import SEED

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_check():
    """Registers a check of the given tag that always fails; removed after the test."""
    registered = []

    def register(tag):
        def check(app_configs=None, **kwargs):
            return [checks.Error(f"a broken {tag} check", id="tests.E001")]

        checks.register(check, tag)
        registered.append(check)

    yield register
    for check in registered:
        checks.registry.registry.registered_checks.discard(check)


def import_seed():
    call_command("import_letter", str(SEED), skip_checks=False, stdout=StringIO(), stderr=StringIO())


@pytest.mark.parametrize("tag", [checks.Tags.urls, checks.Tags.admin, checks.Tags.templates, checks.Tags.security])
def test_a_failing_check_of_the_pages_does_not_stop_an_import(failing_check, tag):
    failing_check(tag)

    import_seed()

    assert Letter.objects.count() == 1


def test_a_failing_model_check_stops_the_import_before_any_file(failing_check):
    failing_check(checks.Tags.models)

    with pytest.raises(SystemCheckError, match="a broken models check"):
        import_seed()

    assert Letter.objects.count() == 0
