"""Domain rules and writes of the enterprises app; views, API and tasks call these."""
