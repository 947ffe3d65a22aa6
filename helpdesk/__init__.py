"""Tariff help desk: cited answers for Korean exporters from a curated knowledge base."""

__version__ = "0.1.0"
