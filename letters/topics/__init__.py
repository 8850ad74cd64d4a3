"""Topics across letters: matching rules to text (`matching`, pure Python), storing the tags
(`tagging`), keeping the topic index's figures (`recount`), and their Celery tasks."""
