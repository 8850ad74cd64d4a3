"""The site's URLs plus two views for the logging tests: one that fails, one that logs."""

import logging

from django.http import HttpResponse
from django.urls import include, path

logger = logging.getLogger("tkdossiers.tests")


def broken(request):
    raise RuntimeError("kapot")


def noting(request):
    logger.warning("gezien door %s", request.user.get_username())
    return HttpResponse("genoteerd")


urlpatterns = [path("stuk/", broken), path("noteer/", noting), path("", include("tkdossiers.urls"))]
