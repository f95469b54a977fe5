"""The Werkgroepen area: groups, their rota, rides, meals, jobs, sessions and volunteers."""
