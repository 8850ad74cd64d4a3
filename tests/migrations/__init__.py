"""Upgrades of a database of an earlier release, with its data, to the latest migrations."""
