"""The Python face of planscan's outputs."""
from __future__ import annotations

import os


def load(out_dir: str = "planscan-out") -> dict:
    """Read every table of a run into pandas DataFrames with proper dtypes.

    Dates are datetime64 (day precision), amounts and counts nullable integers (Int64), text the
    string dtype. Raises FileNotFoundError when `out_dir` holds no planscan.duckdb.
    """
    import duckdb

    from schemas.tables import TABLES

    db = os.path.join(out_dir, "planscan.duckdb")
    if not os.path.exists(db):
        raise FileNotFoundError(f"no planscan results in {out_dir!r} (run: planscan run ARCHIVE --out {out_dir})")
    con = duckdb.connect(db, read_only=True)
    try:
        out = {}
        for name in TABLES:
            # duckdb 2 relations give Arrow directly; dates become datetime64 (not objects), as promised.
            df = con.sql(f'select * from "{name}"').to_arrow_table().to_pandas(types_mapper=_dtype,
                                                                               date_as_object=False)
            out[name] = df
        return out
    finally:
        con.close()


def _dtype(arrow_type):
    import pandas as pd
    import pyarrow as pa

    if pa.types.is_integer(arrow_type):
        return pd.Int64Dtype()
    if pa.types.is_boolean(arrow_type):
        return pd.BooleanDtype()
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return pd.StringDtype()
    return None
