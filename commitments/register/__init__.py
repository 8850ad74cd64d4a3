"""The Kamer's toezeggingen register beside the commitments found in letters."""
