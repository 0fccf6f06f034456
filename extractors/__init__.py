"""Readers (file -> Document) and extractors (Document -> rows). Extractors are pure: no I/O."""
