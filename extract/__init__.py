"""Information extraction from Indonesian regional news about BPJS Ketenagakerjaan."""

__version__ = "0.1.0"
