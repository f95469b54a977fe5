"""Services: one function per user action, each in one unit of work, returning plain dataclasses."""
