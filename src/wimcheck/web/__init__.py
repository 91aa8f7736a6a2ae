"""The workshop web front end: ``wimcheck serve`` puts the questionnaire on phones.

A front end parallel to :mod:`wimcheck.cli`: it may import ``reports``, ``batch``,
``sheets``, ``assessment``, ``frameworks``, ``i18n`` and the base modules, and is imported
only by ``wimcheck.cli.serve_cmd`` (lazily, when ``serve`` runs). Only this package imports
starlette, uvicorn, multipart and segno.

``workshop_files`` keeps the workshop's keys and each participant's access record on disk,
``workshop`` the participants and their answers, ``security`` the tokens, limits and
headers, ``pages`` the Jinja2 pages, ``participant`` and ``facilitator`` the two sets of
routes, ``app`` the Starlette application, and ``server`` the addresses, QR code and uvicorn.
"""
