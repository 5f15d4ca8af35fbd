"""One module per command: its results → a format-neutral `report.Report` (every text and figure final)."""
