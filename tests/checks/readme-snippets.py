#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
"""Code examples in READMEs that are copies of compiled sources must not drift.

A Markdown file marks a code block with `<!-- snippet: <path> <name> -->` on the line before
its opening fence; <path> (relative to the source tree) holds the lines between
`// snippet-begin: <name>` and `// snippet-end: <name>`. The block must equal them, dedented.
Usage: readme-snippets.py <source dir> [--update]   (--update rewrites the README blocks)
"""
import pathlib
import re
import subprocess
import sys
import textwrap

root = pathlib.Path(sys.argv[1])
update = '--update' in sys.argv[2:]
marker = re.compile(r'^<!-- snippet: (\S+) (\S+)')
files = subprocess.run(['git', 'ls-files', '*.md'], cwd=root, capture_output=True, text=True).stdout.split()
fail = checked = 0
for md in files:
    path = root / md
    lines = path.read_text().split('\n')
    changed = False
    for i, line in enumerate(lines):
        m = marker.match(line)
        if not m:
            continue
        src, name = m.groups()
        text = (root / src).read_text().split('\n')
        try:
            begin = next(n for n, l in enumerate(text) if l.strip() == f'// snippet-begin: {name}')
            end = next(n for n, l in enumerate(text) if l.strip() == f'// snippet-end: {name}')
        except StopIteration:
            print(f'{md}:{i + 1}: no snippet {name} in {src}')
            fail += 1
            continue
        want = textwrap.dedent('\n'.join(text[begin + 1:end])).split('\n')
        if i + 1 >= len(lines) or not lines[i + 1].startswith('```'):
            print(f'{md}:{i + 1}: the snippet marker must precede a fenced code block')
            fail += 1
            continue
        close = next((n for n in range(i + 2, len(lines)) if lines[n].startswith('```')), None)
        have = lines[i + 2:close]
        checked += 1
        if have != want:
            if update:
                lines[i + 2:close] = want
                changed = True
                continue
            print(f'{md}:{i + 1}: the code block differs from {src} ({name}); copy it or run '
                  f'tests/checks/readme-snippets.py . --update')
            for d in __import__('difflib').unified_diff(have, want, md, src, lineterm='', n=1):
                print('  ' + d)
            fail += 1
    if changed:
        path.write_text('\n'.join(lines))
        print(f'updated {md}')
print(f'readme-snippets: {checked} snippets, {fail} problems')
sys.exit(1 if fail or checked == 0 else 0)
