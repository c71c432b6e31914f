"""Reporters: turn file reports into text for people or JSON for tools."""
