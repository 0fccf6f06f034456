"""Prefect flows and the work they orchestrate: which files, in what order, limits, where results go."""
