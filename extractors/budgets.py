"""Budget lines (placeholder until the budget extractor lands: returns nothing)."""
from schemas.document import Document


def extract_budget_lines(doc: Document) -> list:
    return []
