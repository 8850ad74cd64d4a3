"""The secret tokens in the addresses of personal feeds: the calendar, a monitor's Atom feed.

Only a token's SHA-256 is stored, and a token is found by that hash. A fast hash is enough: a
token is 32 random bytes (256 bits), so guessing one is hopeless however fast each guess is. A
slow, salted password hash (PBKDF2, Argon2) is there for the few bits of a chosen password; its
salt would rule out the indexed lookup by hash, and its cost would be paid on every poll of a
calendar program or feed reader. The lookup compares hashes, not tokens, in the database's
index: what its timing could tell about a stored hash does not lead back to the token.
"""

import hashlib
import secrets

TOKEN_BYTES = 32


def new_token() -> str:
    """A token for an address: 43 URL-safe characters."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_of(token: str) -> str:
    """What is stored of a token: 64 hex characters."""
    return hashlib.sha256(token.encode()).hexdigest()
