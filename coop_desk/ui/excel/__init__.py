"""Excel in the desktop program: the member import wizard and exporting the lists the screens show."""
