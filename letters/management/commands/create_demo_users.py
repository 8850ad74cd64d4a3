"""Create the demo accounts, one per role, and print their names and passwords."""

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError

from tkdossiers.roles import ADMINS, CLERKS, POLICY_STAFF

DEMO_USERS = [
    ("beleid", "beleid-demo-2025", POLICY_STAFF, "beleidsmedewerker: lezen"),
    ("griffie", "griffie-demo-2025", CLERKS, "griffie: lezen, uploaden, importfouten"),
    ("beheer", "beheer-demo-2025", ADMINS, "beheerder: alles, ook /beheer/"),
]


class Command(BaseCommand):
    help = "Maak demogebruikers aan (alleen met DEBUG=1) en toon hun wachtwoorden."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demogebruikers horen alleen bij de demo (DEBUG=1)")
        self.stdout.write("Demogebruikers (gebruikersnaam / wachtwoord):")
        for username, password, group_name, role in DEMO_USERS:
            user, _ = User.objects.get_or_create(username=username)
            user.set_password(password)
            user.is_staff = group_name == ADMINS
            user.is_superuser = group_name == ADMINS
            user.save()
            user.groups.set([Group.objects.get(name=group_name)])
            self.stdout.write(f"  {username} / {password}   ({role})")
