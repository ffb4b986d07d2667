"""The HTTP service: `app.create_app()` builds it, `python -m service serve` (command.py) runs it."""
