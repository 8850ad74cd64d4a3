from django.db import migrations, models


class Migration(migrations.Migration):
    """One word per concept: a kamerstuk's soort is the Kamer's Document.soort."""

    dependencies = [("tkdossiers", "0003_kamerstuk_citation_counts")]

    operations = [
        migrations.RenameField(model_name="kamerstuk", old_name="kind", new_name="soort"),
        migrations.AlterField(model_name="kamerstuk", name="soort", field=models.CharField(blank=True, max_length=100)),
    ]
