"""The YAML engine: YAML (and JSON) text → plain values with a source map, by the located path (`source`) or
the fast path (`fast`), both typing scalars alike (`scalars`). Named so as not to shadow PyYAML's `yaml`."""
