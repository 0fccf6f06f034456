"""planscan: budgets, milestones, decisions and roles from Norwegian document archives.

    >>> import planscan
    >>> tables = planscan.load("planscan-out")     # dict of pandas DataFrames, one per table
"""
from planscan.api import load

__all__ = ["load"]
__version__ = "0.1.0"
