"""Renderers: summary.json (the contract), summary.md, the terminal table."""
