"""One module per cleaning rule; each exposes a single ``RULE`` object."""
