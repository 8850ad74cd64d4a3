"""The evaluation corpus: real letters with gold annotations (see tests/corpus/README.md)."""
