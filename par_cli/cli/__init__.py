"""The command line: the one typer app, a module per group of commands (parse options, call services → core →
render, print, exit), the shared options and the shell (stdout/--output, stderr, exit codes)."""
