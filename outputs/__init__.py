"""Where results go: DuckDB, Parquet, exports and the report."""
