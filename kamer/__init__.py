"""The Tweede Kamer's open data, mirrored and keyed on the Kamer's GUIDs. Knows nothing of letters:
apps that build on it hook in through settings.KAMER_SYNC_HOOKS and KAMER_SYNC_PANELS."""
