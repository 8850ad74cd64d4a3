"""Tweede Kamer open data: a client for the SyncFeed (Atom) and its resources.

Pure Python, no Django models: `feed` parses pages, `entities` reads each entity kind into its
record by the tables in `fields`, `client` fetches pages, and `fields` holds every name the API
uses so that a renamed field is a one-line change.
"""
