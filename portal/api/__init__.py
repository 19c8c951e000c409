"""API support shared by every app: pagination, errors, scoped viewsets."""
