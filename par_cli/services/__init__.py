"""The use cases behind the commands: criteria sets found (`criteria`) and loaded with the assessments naming
them (`workspace`), folders scored and ranked (`batch`, with `pool` and `cache`), checked, imported, surveyed,
appraised; each returns data for the command line to render."""
