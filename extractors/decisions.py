"""Decisions (placeholder until the decision extractor lands: returns nothing)."""
from schemas.document import Document


def extract_decisions(doc: Document) -> list:
    return []
