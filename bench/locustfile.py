"""Locust users for bench/load_test.py: policy staff reading and clerks working their queue.

Not run on its own: load_test.py writes the targets (letters, topics, dossiers, search words
that exist in the corpus) and a logged-in session per user to the file named by LOAD_TARGETS.
Each user requests a page, thinks 1 to 3 seconds, and so on.
"""

import json
import os
import random

from locust import HttpUser, between, task

TARGETS = json.loads(open(os.environ["LOAD_TARGETS"], encoding="utf-8").read())  # noqa: SIM115


class Reader(HttpUser):
    """Policy staff: the start page, topics, letters, dossiers, search."""

    weight = 4
    wait_time = between(1, 3)
    account = "reader"

    def on_start(self):
        session = TARGETS["sessions"][self.account].pop()
        self.client.cookies.set("sessionid", session)
        page = self.client.get("/", name="start page")
        if "uitloggen" not in page.text:
            raise RuntimeError(f"session of a {self.account} is not logged in (status {page.status_code})")

    @task(2)
    def start_page(self):
        self.client.get("/", name="start page")

    @task(3)
    def topic(self):
        page = random.choice(["", "?page=2"])
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
