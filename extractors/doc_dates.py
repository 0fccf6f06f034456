"""Document dates (placeholder until the date work lands)."""
from schemas.document import Document


def find_doc_date(doc: Document):
    """(date the document itself carries, the words it was read from) or (None, None)."""
    return None, None


def find_project_period(doc: Document):
    """(start, end, end as written) of the project period the document states, else Nones."""
    return None, None, None
