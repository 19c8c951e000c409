"""Pages of the enterprises app, one module per business area."""
