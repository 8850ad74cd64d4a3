"""A motion beside the Kamer's own record of it (kamer.Zaak): resolving it to its zaak, the
candidate zaken of a motion known only by its members, its indieners and the vote, and the
three-way ledger of what the government says, what the Kamer records and what the griffie decided."""
