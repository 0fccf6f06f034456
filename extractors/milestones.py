"""Milestones (placeholder until the milestone extractor lands: returns nothing)."""
from schemas.document import Document


def extract_milestones(doc: Document) -> list:
    return []
