"""Monitors and what was sent for them."""
