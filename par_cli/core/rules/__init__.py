"""The rule kinds: one module each (`base` holds what they share). The registry is `core.formats.RULE_KINDS`:
a new kind is a module here and one line there; tests/test_architecture.py fails when a kind lacks a schema,
words in both languages, a README row or a test."""
