"""`planscan query` and `planscan export` (placeholder until they land)."""


def add_commands(sub) -> None:
    return None


def dispatch(args) -> int | None:
    return None
