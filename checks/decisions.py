"""Placeholder until the decisions checks land: raises nothing."""


def check_decision_vs_budget(doc, rows) -> list:
    return []
