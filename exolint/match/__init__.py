"""Matching: the rules' patterns against a Document (prefilter, sparse reading, windows, time limits)."""
