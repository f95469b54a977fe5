"""Settings screens (the cooperative's details)."""
