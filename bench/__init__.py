"""Benchmark scripts; importable as a package (bench.generate_corpus) for tests and other scripts."""
