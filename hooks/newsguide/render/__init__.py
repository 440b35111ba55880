"""Rendering: the model to Markdown pages that any Markdown site generator can show.

Text from seed files is never trusted as Markdown or HTML: it goes out through
`newsguide.markup.text()`, which escapes it, inside raw HTML blocks that
Markdown passes through untouched. So `<script>`, `*` or `{{ x }}` in an
article is shown, not run. One module a kind of page: `article`, `theme`,
`glossary`, `figures`, `timeline`, and `quote` for the excerpts they share.
"""
