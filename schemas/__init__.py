"""The JSON Schemas, shipped in the wheel as the package `branchcheck.schema_files`: a
ledger made by `branchcheck init` points its editor at the installed copy."""
