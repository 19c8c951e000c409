"""The error answers of every operation, added to the OpenAPI schema with the one error shape;
and empty query values documented as "no filter"."""

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "code", "message", "fields"],
            "properties": {
                "status": {"type": "integer"},
                "code": {"type": "string"},
                "message": {"type": "string"},
                "fields": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
            },
        }
    },
}
DESCRIPTIONS = {
    "400": "Invalid input (fields name what is wrong), an invalid cursor or filter",
    "403": "Not signed in, or the role may not do this",
    "404": "Not found, or outside what the account may see",
    "409": "Conflict: the object changed since it was read",
    "413": "The request body is larger than the limit",
    "415": "The body's media type is not accepted",
    "429": "Too many requests; try again later",
}
WRITES = ("post", "put", "patch")


def _statuses(path, method, operation):
    statuses = ["400", "403", "429"]
    if "{" in path:
        statuses.append("404")
    if method in WRITES:
        statuses += ["413", "415"]
    return statuses


def _empty_means_absent(operation):
    # Filters, ordering, cursor and page size ignore an empty value, as HTML forms send them.
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "query" and not parameter.get("required"):
            parameter["allowEmptyValue"] = True


def add_error_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: each operation's error statuses and empty values."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            _empty_means_absent(operation)
            responses = operation.setdefault("responses", {})
            for status in _statuses(path, method, operation):
                responses.setdefault(
                    status, {"description": DESCRIPTIONS[status], "content": reference}
                )
            for status, response in responses.items():
                if status.startswith("4"):  # declared by the view (e.g. a 404 without an id)
                    response.setdefault("content", reference)
    return result
