"""Renderers: pure functions from results to a rich renderable (terminal) or a string (json, csv…)."""
