"""par — PAR Index (Chỉ số cải cách hành chính) calculator: criteria as code, exact scores."""

__version__ = "0.1.0"
