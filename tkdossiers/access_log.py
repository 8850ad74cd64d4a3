"""gunicorn's access log without the secret tokens some addresses carry (tkdossiers.logs.redact)."""

from gunicorn.glogging import Logger

from tkdossiers.logs import redact

# The atoms of access_log_format that hold the address: request line, path, raw URI.
ADDRESS_ATOMS = ("r", "U", "{raw_uri}e")


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for name in ADDRESS_ATOMS:
            if isinstance(atoms.get(name), str):
                atoms[name] = redact(atoms[name])
        return atoms
