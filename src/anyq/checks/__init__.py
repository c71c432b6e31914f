"""Python rules, one module per topic; every module here is imported and registers its rules by code."""
