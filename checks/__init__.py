"""Checks: rows in, flags out. Pure functions, registered in checks.registry."""
