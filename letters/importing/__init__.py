"""Storing letters: one parsed version with everything found in it, in one transaction (`store`);
the kept counts per letter and kamerstuk (`counts`); fetching the Briefs regering that the kamer
app mirrored (`fetching`); analysing without storing (`analysis`)."""
