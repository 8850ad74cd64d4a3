"""Alerts: tell people what changed (monitors, e-mail digests, deadline reminders, feeds)."""
