"""Qt user interface: the only part of Coop Desk that imports PySide6."""
