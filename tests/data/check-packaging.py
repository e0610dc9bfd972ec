#!/usr/bin/env python3
# Consistency of the packaging files (shared/platform/env-notes.md §5 item 4).
#
# usage: check-packaging.py SOURCE_ROOT BUILD_ROOT APP_ID PROFILE DESKTOP METAINFO
#
# Checks that the Flatpak manifest id, the built desktop file's name and Icon,
# the built metainfo's <id> and <launchable>, and the installed icon names all
# name the same app; that the GSettings schema keeps the release id and every
# key has a summary and a description; that the
# manifest's command is an installed executable; that every "type": "dir"
# source exists; that finish-args are exactly the reviewed whitelist; and that
# config-opts name only real meson options. Prints one line per problem and
# exits 1 if there is any.
#
# Copyright 2026 The Hepatica authors
# SPDX-License-Identifier: GPL-3.0-or-later

import configparser
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

RELEASE_ID = 'io.github.hepatica.Hepatica'
MANIFEST = 'flatpak/' + RELEASE_ID + '.json'

# Reviewed whitelist: no filesystem or network access; files come and go
# through the file-chooser portal. Change only after a review.
FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']

# Headers and static libraries must not end up in the app.
CLEANUP = ['/include', '/lib/pkgconfig', '*.a']

problems = []


def problem(msg):
    problems.append(msg)


def read_json(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def meson_executables(path):
    """Names of executable('NAME', ...) calls with install: true in a meson.build."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    names = set()
    for m in re.finditer(r"\bexecutable\(\s*'([^']+)'", text):
        # The call's arguments run to the matching closing parenthesis.
        depth, i = 0, m.end() - 1
        while i < len(text):
            if text[i] == '(':
                depth += 1
            elif text[i] == ')':
                depth -= 1
                if depth == 0:
                    break
            i += 1
        if re.search(r'\binstall\s*:\s*true\b', text[m.end():i]):
            names.add(m.group(1))
    return names


def main():
    if len(sys.argv) != 7:
        print('usage: check-packaging.py SOURCE_ROOT BUILD_ROOT APP_ID PROFILE DESKTOP METAINFO',
              file=sys.stderr)
        return 2
    src, build, app_id, profile, desktop, metainfo = sys.argv[1:]

    # The app id of this build and the one the manifest should carry.
    expected_id = RELEASE_ID + ('.Devel' if profile == 'development' else '')
    if app_id != expected_id:
        problem(f'meson app id is {app_id}, expected {expected_id} for profile {profile}')

    # --- manifest -------------------------------------------------------------
    manifest_path = os.path.join(src, MANIFEST)
    manifest = read_json(manifest_path)
    manifest_id = manifest.get('id', manifest.get('app-id'))
    if manifest_id != RELEASE_ID:
        problem(f'{MANIFEST}: id is {manifest_id}, expected {RELEASE_ID}')
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        problem(f'{MANIFEST}: runtime/sdk must be org.gnome.Platform/org.gnome.Sdk')
    if manifest.get('runtime-version') in (None, 'master'):
        problem(f'{MANIFEST}: runtime-version must name a stable branch, not '
                f'{manifest.get("runtime-version")}')
    if manifest.get('finish-args') != FINISH_ARGS:
        problem(f'{MANIFEST}: finish-args are {manifest.get("finish-args")}, '
                f'the reviewed whitelist is {FINISH_ARGS}')
    for pattern in CLEANUP:
        if pattern not in manifest.get('cleanup', []):
            problem(f'{MANIFEST}: cleanup does not remove {pattern}')

    command = manifest.get('command')
    app_executables = meson_executables(os.path.join(src, 'src/app/meson.build'))
    if command not in app_executables:
        problem(f'{MANIFEST}: command {command} is not an installed executable of '
                f'src/app/meson.build ({", ".join(sorted(app_executables)) or "none"})')

    # Real meson options: the project's and meson's built-in ones, as this build sees them.
    options = {o['name']: o['value']
               for o in read_json(os.path.join(build, 'meson-info', 'intro-buildoptions.json'))}
    manifest_dir = os.path.dirname(manifest_path)
    for module in manifest.get('modules', []):
        if isinstance(module, str):
            continue
        name = module.get('name')
        for source in module.get('sources', []):
            if isinstance(source, dict) and source.get('type') == 'dir':
                path = os.path.normpath(os.path.join(manifest_dir, source.get('path', '')))
                if not os.path.isdir(path):
                    problem(f'{MANIFEST}: module {name}: dir source {source.get("path")} does not exist')
                elif module.get('buildsystem') == 'meson' and not os.path.isfile(os.path.join(path, 'meson.build')):
                    problem(f'{MANIFEST}: module {name}: dir source {source.get("path")} has no meson.build')
        for opt in module.get('config-opts', []):
            m = re.match(r'^(?:-D|--)([A-Za-z0-9_.:-]+)=', opt)
            if m is None:
                problem(f'{MANIFEST}: module {name}: config-opt {opt} is not of the form -Dname=value')
            elif m.group(1) not in options:
                problem(f'{MANIFEST}: module {name}: config-opt {opt} names no meson option')

    # --- desktop file ---------------------------------------------------------
    if os.path.basename(desktop) != app_id + '.desktop':
        problem(f'desktop file is named {os.path.basename(desktop)}, expected {app_id}.desktop')
    entry = configparser.RawConfigParser(strict=False, interpolation=None)
    entry.optionxform = str
    entry.read(desktop, encoding='utf-8')
    section = entry['Desktop Entry'] if entry.has_section('Desktop Entry') else {}
    if section.get('Icon') != app_id:
        problem(f'desktop file: Icon is {section.get("Icon")}, expected {app_id}')
    exec_line = section.get('Exec', '').split()
    if not exec_line or exec_line[0] != command:
        problem(f'desktop file: Exec starts with {exec_line[:1]}, expected the manifest command {command}')
    desktop_categories = [c for c in section.get('Categories', '').split(';') if c]

    # --- metainfo -------------------------------------------------------------
    component = ET.parse(metainfo).getroot()
    if component.findtext('id') != app_id:
        problem(f'metainfo: <id> is {component.findtext("id")}, expected {app_id}')
    launchable = component.find("launchable[@type='desktop-id']")
    if launchable is None or launchable.text != app_id + '.desktop':
        problem(f'metainfo: <launchable type="desktop-id"> must be {app_id}.desktop')
    binaries = {b.text for b in component.findall('provides/binary')}
    if command not in binaries:
        problem(f'metainfo: <provides> does not list the command {command}')
    metainfo_categories = [c.text for c in component.findall('categories/category')]
    if metainfo_categories != desktop_categories:
        problem(f'metainfo categories {metainfo_categories} differ from the desktop file\'s {desktop_categories}')

    # --- install layout (meson's install plan for this build) -----------------
    # Paths relative to the prefix, with the datadir spelled "share" as in /app.
    prefix = options['prefix'].rstrip('/')
    datadir = '/' + options['datadir'].strip('/') + '/'
    installed = set(read_json(os.path.join(build, 'meson-info', 'intro-installed.json')).values())
    installed_rel = {'/share/' + p[len(prefix + datadir):]
                     for p in installed if p.startswith(prefix + datadir)}
    wanted = [
        f'/share/applications/{app_id}.desktop',
        f'/share/metainfo/{app_id}.metainfo.xml',
        f'/share/icons/hicolor/scalable/apps/{app_id}.svg',
        f'/share/icons/hicolor/symbolic/apps/{app_id}-symbolic.svg',
        f'/share/glib-2.0/schemas/{RELEASE_ID}.gschema.xml',
    ]
    for path in wanted:
        if path not in installed_rel:
            problem(f'install plan lacks {path}')
    bin_names = {os.path.basename(p) for p in installed if os.path.basename(os.path.dirname(p)) == 'bin'}
    for b in sorted(binaries):
        if b not in bin_names:
            problem(f'metainfo <provides> lists {b}, which is not installed to bin/')
    if command not in bin_names:
        problem(f'manifest command {command} is not installed to bin/')
    # Flatpak exports only files named after the app id (build-finish).
    for p in installed_rel:
        if p.startswith(('/share/applications/', '/share/metainfo/', '/share/icons/')) \
                and not os.path.basename(p).startswith(app_id):
            problem(f'{p} is not named after {app_id}; flatpak would not export it')

    # --- GSettings schema: static, keeps the release id (P4) -----------------
    schema_path = os.path.join(src, 'data', RELEASE_ID + '.gschema.xml')
    schemas = ET.parse(schema_path).getroot().findall('schema')
    if [s.get('id') for s in schemas] != [RELEASE_ID]:
        problem(f'gschema: schema ids are {[s.get("id") for s in schemas]}, expected [{RELEASE_ID}]')
    expected_path = '/' + RELEASE_ID.replace('.', '/') + '/'
    for s in schemas:
        if s.get('path') != expected_path:
            problem(f'gschema: path is {s.get("path")}, expected {expected_path}')
        for key in s.findall('key'):
            for field in ('summary', 'description'):
                if not (key.findtext(field) or '').strip():
                    problem(f'gschema: key {key.get("name")} has no {field}')

    # --- icon sources -----------------------------------------------------------
    for icon in (f'scalable/apps/{RELEASE_ID}.svg', f'scalable/apps/{RELEASE_ID}.Devel.svg',
                 f'symbolic/apps/{RELEASE_ID}-symbolic.svg'):
        if not os.path.isfile(os.path.join(src, 'data', 'icons', 'hicolor', icon)):
            problem(f'missing icon data/icons/hicolor/{icon}')

    for p in problems:
        print(p, file=sys.stderr)
    if not problems:
        print(f'packaging files agree on {app_id}')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
