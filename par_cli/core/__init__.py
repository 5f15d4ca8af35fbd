"""The pure core: values in, values out. Imports nothing from the rest of par_cli, and no YAML, rich, typer
or openpyxl (tests/test_architecture.py checks it): it computes, it never reads, prints or words a message."""
