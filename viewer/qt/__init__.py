"""The window: widgets, models and printing on top of `viewer.core`."""
