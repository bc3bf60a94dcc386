"""The built-in rubrics, shipped in the wheel as the package `branchcheck.rubrics`."""
