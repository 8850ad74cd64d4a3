"""Keep only a hash of each calendar token (in place, so the addresses in use keep working), and a
place for the hash of a monitor's own feed token."""

import hashlib

from django.db import migrations, models


def hash_tokens(apps, schema_editor):
    """The column now named token_hash still holds each token itself: store its SHA-256 instead
    (as alerts.feed_tokens.hash_of; a migration keeps its own copy of what it runs)."""
    FeedToken = apps.get_model("alerts", "FeedToken")
    for row in FeedToken.objects.only("pk", "token_hash").iterator():
        row.token_hash = hashlib.sha256(row.token_hash.encode()).hexdigest()
        row.save(update_fields=["token_hash"])


def forget_tokens(apps, schema_editor):
    """Going back: a hash cannot become its token again, and a hash kept as a token would let
    whoever reads the table use it. The addresses end; their users make new ones."""
    apps.get_model("alerts", "FeedToken").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("alerts", "0002_roles")]

    operations = [
        migrations.RenameField(model_name="feedtoken", old_name="token", new_name="token_hash"),
        migrations.RunPython(hash_tokens, forget_tokens),
        migrations.AddField(
            model_name="monitor",
            name="feed_token_hash",
            field=models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True),
        ),
    ]
