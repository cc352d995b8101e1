"""The web face: HTML pages and the HTTP API over one ``api`` payload each.

``app.create_app`` builds the FastAPI application; ``pages`` holds the HTML
routes, ``http_api`` the JSON ones under ``/api/v1``, both one ``api`` call per
route, so a page's HTML and its JSON always agree (as Datasette's do).
``render`` turns a payload into HTML with the Jinja templates beside it;
``charts`` lays out the timeline drawn on the story and timeline pages;
``posting`` reads an article sent to ``POST /api/v1/articles``; ``cli`` adds
``newsweave serve``.
"""
