from django.apps import AppConfig
from django.conf import settings
from django.utils.module_loading import import_string


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = "Brieven"


def analysers() -> list:
    """The analysers named in settings.LETTER_ANALYSERS: how a higher app (commitments) takes
    part in a letter's life without `letters` importing it. Each may offer:

    - describe(*, parsed, sections) -> dict: keys to add to analyse_letter's JSON;
    - store(*, version, parsed, sections, section_rows): run inside the import's transaction;
    - version_items() -> {label: version -> set of str}: what appeared or disappeared between versions;
    - topic_figures() -> {Topic field: {topic id: n}}: figures of the topic index it owns;
    - passage_prefetches() -> [lookup]: prefetches for the passages a topic page shows;
    - dossier_items(dossier, limit) -> [letters.web.dossier_views.DossierPanel]: what the dossier
      page shows of it (motions, commitments), at most `limit` items each, in a fixed number of queries.
    """
    return [import_string(path) for path in settings.LETTER_ANALYSERS]


def analyser_hooks(name: str) -> list:
    """The bound methods `name` of the analysers that offer it, in settings order."""
    return [getattr(analyser, name) for analyser in analysers() if hasattr(analyser, name)]
