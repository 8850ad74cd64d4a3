"""Work every process would do on its first request, done once before gunicorn forks its workers.

With preload_app the arbiter imports the site, then forks; what it has done the workers share. A
cold worker compiles every template it renders and digests the project's code for the fragment
keys on its first pages: in the load test the first pages of five fresh workers took 1.5 to 2 s,
against 13 ms (median) once warm (bench/README.md, issue 16).
"""

from pathlib import Path

from django.conf import settings
from django.template import engines
from django.template.exceptions import TemplateDoesNotExist, TemplateSyntaxError

from letters.web.fragments import code_digest


def warm_up() -> int:
    """Compile the project's templates into the cached loader and digest the code; returns how many."""
    code_digest()
    engine = engines["django"]
    root = Path(settings.BASE_DIR) / "templates"
    compiled = 0
    for path in sorted(root.rglob("*.html")):
        try:
            engine.get_template(str(path.relative_to(root)))
        except (TemplateDoesNotExist, TemplateSyntaxError):
            continue  # a broken template fails where it is used, with its own page
        compiled += 1
    return compiled
