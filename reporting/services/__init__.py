"""The rules and writes of progress reporting; views, the API, tasks and commands call these."""
