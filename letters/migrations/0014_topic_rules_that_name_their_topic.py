"""A topic rule can name its topic on its own (issue 15, item 11): the starting topics' naming terms."""

from django.db import migrations, models

# Frozen copy of the `names` of letters/topics/defaults.py as they were when this migration was
# written. Only a rule still as it started (same topic, same term) is marked: a clerk's own rules
# are left alone.
NAMING_TERMS = {
    "meldkamers-en-112": ["Landelijke Meldkamer Samenwerking"],
    "c2000-en-vmx": ["C2000", "VMX", "IVC", "missiekritische communicatie*"],
    "ptss-en-psychosociale-zorg": ["PTSS", "posttraumatische*"],
    "alerteren-nl-alert-en-was": ["NL-Alert", "WAS", "Waarschuwings- en Alarmeringssysteem"],
    "crisisbeheersing": ["Landelijke Agenda Crisisbeheersing"],
    "geweld-tegen-hulpverleners": ["geweld tegen hulpverleners", "Onze hulpverleners veilig"],
    "kcr2-locc": ["KCR2", "LOCC", "Knooppunt Coördinatie", "Landelijk Operationeel Coördinatie Centrum"],
    "noodcommunicatievoorziening": ["Noodcommunicatievoorziening", "NCV"],
}


def mark_naming_terms(apps, schema_editor):
    TopicRule = apps.get_model("letters", "TopicRule")
    for slug, terms in NAMING_TERMS.items():
        TopicRule.objects.filter(topic__slug=slug, term__in=terms).update(names_topic=True)


class Migration(migrations.Migration):
    dependencies = [("letters", "0013_uploadjob")]

    operations = [
        migrations.AddField(
            model_name="topicrule",
            name="names_topic",
            field=models.BooleanField(
                default=False,
                help_text="Eén keer genoemd is genoeg: de term noemt het onderwerp zelf (VMX voor C2000 en VMX).",
                verbose_name="noemt het onderwerp",
            ),
        ),
        # Existing tags change when the clerks re-tag (saving any topic's rules starts it).
        migrations.RunPython(mark_naming_terms, migrations.RunPython.noop),
    ]
