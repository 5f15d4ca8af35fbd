"""Documents and tables as people send them: YAML documents and the files of a folder (`files`), workbooks
(.xlsx, .ods, .xls), CSV, Word annexes, rankings written earlier; each read into values with located problems."""
