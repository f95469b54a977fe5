"""Coop Desk: the office program of a village care cooperative."""
