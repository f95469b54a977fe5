"""Building blocks shared by every screen."""
