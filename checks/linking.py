"""Linking documents about the same project (placeholder until linking lands: links nothing)."""


def link_documents(docs, rows) -> tuple[list, list]:
    """(projects rows, document_projects rows)."""
    return [], []
