"""Password rules that Django's own validators do not say in Dutch."""

from django.contrib.auth import password_validation


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's, with its error in Dutch: Django 5.2 changed that message and its Dutch
    translation still has the old one, so the user would read English."""

    def get_error_message(self):
        return f"Dit wachtwoord is te kort. De minimale lengte is {self.min_length} tekens."
