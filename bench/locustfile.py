"""Locust users for bench/load_test.py: policy staff reading and clerks working their queue.

Not run on its own: load_test.py writes the targets (letters, topics, dossiers, search words
that exist in the corpus) and a logged-in session per user to the file named by LOAD_TARGETS.
Each user requests a page, thinks 1 to 3 seconds, and so on.

The users are FastHttpUsers (geventhttpclient, Locust's documented cheaper client): the generator
runs on the machine it measures, and requests' HttpUser cost it several times the CPU per request.
A status of 400 or more counts as an error, as with HttpUser.
"""

import json
import os
import random
from http.cookiejar import Cookie
from urllib.parse import urlsplit

from locust import FastHttpUser, between, task

TARGETS = json.loads(open(os.environ["LOAD_TARGETS"], encoding="utf-8").read())  # noqa: SIM115


def session_cookie(host: str, value: str) -> Cookie:
    """Django's session cookie for the host, as a login would have set it."""
    return Cookie(
        version=0,
        name="sessionid",
        value=value,
        port=None,
        port_specified=False,
        domain=urlsplit(host).hostname,
        domain_specified=False,
        domain_initial_dot=False,
        path="/",
        path_specified=True,
        secure=False,
        expires=None,
        discard=True,
        comment=None,
        comment_url=None,
        rest={},
    )


class Reader(FastHttpUser):
    """Policy staff: the start page, topics, letters, dossiers, search."""

    weight = 4
    wait_time = between(1, 3)
    account = "reader"

    def on_start(self):
        session = TARGETS["sessions"][self.account].pop()
        self.client.cookiejar.set_cookie(session_cookie(self.host, session))
        page = self.client.get("/", name="start page")
        if "uitloggen" not in page.text:
            raise RuntimeError(f"session of a {self.account} is not logged in (status {page.status_code})")

    @task(2)
    def start_page(self):
        self.client.get("/", name="start page")

    @task(3)
    def topic(self):
        page = random.choice(["", "?pagina=2"])
        self.client.get(f"/onderwerpen/{random.choice(TARGETS['topics'])}/{page}", name="topic")

    @task(4)
    def letter(self):
        self.client.get(f"/brieven/{random.choice(TARGETS['letters'])}/", name="letter")

    @task(2)
    def dossier(self):
        self.client.get(f"/dossiers/{random.choice(TARGETS['dossiers'])}/", name="dossier")

    @task(1)
    def letters_of_dossier(self):
        dossier, year = random.choice(TARGETS["dossiers"]), random.choice(TARGETS["years"])
        self.client.get(f"/brieven/?dossier={dossier}&year={year}", name="letters of dossier and year")

    @task(2)
    def search(self):
        self.client.get(f"/zoeken/?q={random.choice(TARGETS['words'])}", name="search")


class Clerk(Reader):
    """Griffie: the motions awaiting review most of the time, and what policy staff read."""

    weight = 1
    account = "clerk"

    @task(6)
    def queue(self):
        self.client.get("/moties/wachtrij/", name="clerk's queue")
