"""The Rapportages screen: figures and charts for the municipality and funders (issue #7)."""
