"""An app that exists only in the test settings: proof that an app joins the portal by itself.

It is installed in portal/test_settings.py and contributes a figure, a navigation
entry, a dashboard card and a page through the discovered modules, with no line
of portal/ naming it.
"""
