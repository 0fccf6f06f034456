"""The HTML report (placeholder until the report lands: writes nothing)."""


def write_report(out_dir: str, tables: dict) -> None:
    return None
