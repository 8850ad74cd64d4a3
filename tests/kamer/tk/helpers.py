"""Constants shared by the feed parser tests (test_feed*.py)."""

DOC_GUID = "0f3c2a6e-5b1d-4c8e-9a7f-1e2d3c4b5a60"
TK = 'xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0"'
XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
BASE = "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0"
