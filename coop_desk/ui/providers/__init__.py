"""The Aanbieders screens: preferred providers, their contracts and attachments, and the contract-alerts card."""
