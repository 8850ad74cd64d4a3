"""The three roles, as groups created by migrations (letters/migrations/0002_roles)."""

POLICY_STAFF = "Beleidsmedewerkers"
CLERKS = "Griffie"
ADMINS = "Beheerders"
