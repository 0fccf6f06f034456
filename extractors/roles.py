"""Roles (placeholder until the role extractor lands: returns nothing)."""
from schemas.document import Document


def extract_roles(doc: Document) -> list:
    return []
