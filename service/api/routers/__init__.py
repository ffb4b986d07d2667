"""One router per resource: extraction, health and version, the page."""
