"""The three roles, as groups created by migrations (letters/migrations/0002_roles and later)."""

from tkdossiers.roles import ADMINS

POLICY_STAFF = "Beleidsmedewerkers"
CLERKS = "Griffie"

__all__ = ["ADMINS", "CLERKS", "POLICY_STAFF"]
