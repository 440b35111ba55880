"""The theme's files, listed and compiled once while a site is served rather than on every rebuild.

A site generator lists its theme's folders on every build to find the assets to
copy. Material's hold about 14,500 files (nearly all of them icons, which are
never copied), and listing and filtering them took a tenth of a second of each
rebuild under `mkdocs serve`. `keep_theme` keeps that list, and lists again
only when a theme folder changed: for a folder of the project (a theme
override), when any folder in it was modified; for an installed theme, when its
top folder was (the theme was installed again).

Each build also makes new Jinja environments (the site's, and one for each
translation Material's search looks up), which compiled their templates again.
`keep_theme` gives every one of them a bytecode cache in a folder, where Jinja
keeps each template compiled by a checksum of its source; and the sidebar's
list made once for all the pages it reads the same on, as the global
`newsguide_navigation` (`newsguide.navigation.NavigationHTML`, which the
theme override `partials/nav.html` asks).

Material also ships its search worker's scripts for about thirty languages
(`assets/javascripts/lunr/`, two megabytes). The worker loads them only for
the languages search is set to, none for English alone, so `unused_search_scripts`
names those no reader's browser will ask for, and the site leaves them out:
fewer files to write on every build, and to upload.

This module never imports MkDocs: it wraps the Jinja environment it is handed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache

from .navigation import NavigationHTML

__all__ = ["keep_theme", "unused_search_scripts"]

#: Where Material keeps its search worker's language scripts, relative to the site (and to the theme).
SEARCH_SCRIPTS = "assets/javascripts/lunr/"
#: The word splitters that languages need besides their own script, as Material's worker loads them.
_SEGMENTERS = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}

#: Theme file lists from earlier builds, by what they were listed from (see `_listing_key`).
_LISTED: dict[tuple[Any, ...], list[str]] = {}


def keep_theme(theme: Any, project: Path, compiled: str) -> None:
    """Make a theme's Jinja environments keep their file list while its folders are unchanged, and compiled templates.

    Each environment also gets its own `NavigationHTML`, as the global
    `newsguide_navigation`. Call it before anything asks the theme for an environment.

    Args:
        theme: The site generator's theme (MkDocs' `Theme`): its `get_env`
            makes the environment, and its `static_templates` are among what
            the listing's filter depends on.
        project: The project's folder: theme folders inside it are watched
            folder by folder, others by their top folder.
        compiled: The folder (it exists) where compiled templates are kept.
    """
    get_env, settings, bytecode = theme.get_env, tuple(theme.static_templates), FileSystemBytecodeCache(compiled)
    theme.get_env = lambda: _keeping_list(get_env(), project, settings, bytecode)


def unused_search_scripts(paths: Iterable[str], languages: Sequence[str]) -> list[str]:
    """The theme's search language scripts among `paths` that Material's search worker loads for none of `languages`.

    The worker (`setupSearchLanguages` in Material's `search` worker) loads
    `lunr/min/lunr.<language>.min.js` for each language but English, a word
    splitter for Japanese, Hindi and Thai, `lunr.multi` when there are several
    languages, and `lunr.stemmer.support` when it loads anything.

    Args:
        paths: The site's files, as paths relative to the site.
        languages: The search plugin's `lang` setting (empty: no search plugin, so none is loaded).

    Returns:
        The paths to leave out of the site, sorted.
    """
    needed = {f"min/lunr.{language}.min.js" for language in languages if language != "en"}
    needed |= {_SEGMENTERS[language] for language in languages if language in _SEGMENTERS}
    if len(languages) > 1:
        needed.add("min/lunr.multi.min.js")
    if needed:
        needed.add("min/lunr.stemmer.support.min.js")
    scripts = (path for path in paths if path.startswith(SEARCH_SCRIPTS) and path.endswith(".js"))
    return sorted(path for path in scripts if path.removeprefix(SEARCH_SCRIPTS) not in needed)


def _keeping_list(env: Any, project: Path, settings: tuple[str, ...], bytecode: FileSystemBytecodeCache) -> Any:
    # The environment, whose `list_templates` answers from the kept list when called with the same filter
    # function on unchanged folders, whose templates are compiled once, and whose sidebar is made once a kind of page.
    env.bytecode_cache = bytecode
    env.globals["newsguide_navigation"] = NavigationHTML()
    list_templates = env.list_templates
    folders = [str(folder) for folder in getattr(env.loader, "searchpath", ())]

    def kept_list(extensions: Sequence[str] | None = None, filter_func: Callable[[str], bool] | None = None) -> Any:
        # The names of the theme's files, as Jinja lists them, filtered.
        if extensions is not None or filter_func is None or not folders:
            return list_templates(extensions, filter_func)
        key = (_listing_key(folders, project), filter_func.__module__, filter_func.__qualname__, *settings)
        if key not in _LISTED:
            _LISTED.clear()  # only the latest listing is worth keeping
            _LISTED[key] = list_templates(filter_func=filter_func)
        return list(_LISTED[key])

    env.list_templates = kept_list
    return env


def _listing_key(folders: list[str], project: Path) -> tuple[tuple[str, int], ...]:
    # Each theme folder with the times its listing could have changed: every folder's, inside the project.
    root = project.resolve()
    key: list[tuple[str, int]] = []
    for folder in folders:
        if Path(folder).resolve().is_relative_to(root):  # (not os.path.commonpath: other drives raise on Windows)
            key.extend((path, os.stat(path).st_mtime_ns) for path, _, _ in os.walk(folder))
        elif os.path.isdir(folder):
            key.append((folder, os.stat(folder).st_mtime_ns))
    return tuple(key)
