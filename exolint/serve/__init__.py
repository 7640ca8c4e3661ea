"""``exolint serve``: a local web page for copywriters, and a small HTTP API behind it.

A front end only: requests are read and checked here (``inputs``, ``limits``), the checking is
``exolint.api.lint_buffer``, and the output is the JSON contract (``report.json_format``) or the
HTML report's own renderer and assets. Needs the optional extra ``exolint[serve]`` (Starlette,
uvicorn, python-multipart); nothing here is imported by the rest of exolint.
"""
