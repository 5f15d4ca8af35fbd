"""`par serve FOLDER`: the year's folder as a small web application for the office, the agencies and the council.

The folder stays the record (`par rank FOLDER` reads what the pages show); accounts, sessions, states, the
published ranking and the audit log live in `FOLDER/.par-serve/serve.sqlite3`. Nothing here is imported at the
command line's start-up: `par serve` has uvicorn load `par_cli.serve.app` by name.
"""
