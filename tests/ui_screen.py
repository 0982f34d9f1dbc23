#!/usr/bin/env python3
"""Checks on a captured screen (tmux capture-pane -p or screen hardcopy).

borders FILE [MIN]  every row except the last (the status line) has pane
                    borders in the same display columns; at least MIN of them.
width FILE COLS     no row is wider than COLS display columns.
block SCREEN FILE…  the zoomed viewer's text (rows between the title bar and
                    the status line, the cursor column dropped) is a run of
                    consecutive lines of one of the FILEs (`baogao show`).
hardcopy FILE MIN   the same as borders for a GNU screen 4.9 hardcopy, which
                    writes one byte per cell: the low byte of the character,
                    and 0xFF for the second cell of a double-width one (so a
                    newline is a 0x0A not followed by 0xFF).  Borders are |, or
                    the first cell of │ (0x02 0xFF) where screen draws it wide.
styled FILE         prints each run of text drawn on a background colour or in
                    reverse video, one a line, from tmux capture-pane -e -p.
Widths come from python3-wcwidth when it is installed (ambiguous characters
narrow, as tmux draws them), else from unicodedata; with --wide ambiguous
characters count two, as GNU screen with cjkwidth on draws them.
"""
import sys
import unicodedata

try:
    from wcwidth import wcwidth as _wcw
except ImportError:
    _wcw = None

WIDE_AMBIGUOUS = '--wide' in sys.argv
args = [a for a in sys.argv[1:] if a != '--wide']


def cw(c):
    if WIDE_AMBIGUOUS and unicodedata.east_asian_width(c) == 'A':
        return 2
    if _wcw is not None:
        w = _wcw(c)
        return 1 if w < 0 else w
    if unicodedata.combining(c):
        return 0
    return 2 if unicodedata.east_asian_width(c) in 'WF' else 1


def columns(line, chars):
    col, found = 0, []
    for c in line:
        if c in chars:
            found.append(col)
        col += cw(c)
    return found, col


def rows(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        return [l.rstrip('\n') for l in f]


def borders(path, minimum):
    lines = rows(path)
    while lines and not lines[-1].strip():
        lines.pop()
    body = lines[:-1]
    if not body:
        return 'empty screen'
    expected = None
    for i, l in enumerate(body):
        cols, _ = columns(l, '│|')
        if expected is None:
            expected = cols
            if len(expected) < minimum:
                return 'row 0: %d borders %s, expected at least %d' % (len(cols), cols, minimum)
        # a border must be at each expected column; text may hold more bars
        if not set(expected) <= set(cols):
            return 'row %d: borders at %s, row 0 has them at %s: %r' % (i, cols, expected, l)
    return None


def width(path, limit):
    for i, l in enumerate(rows(path)):
        _, w = columns(l, '')
        if w > limit:
            return 'row %d is %d columns wide (> %d): %r' % (i, w, limit, l)
    return None


def hardcopy(path, minimum):
    import re
    with open(path, 'rb') as f:
        data = f.read()
    lines = re.split(rb'\n(?!\xff)', data)
    while lines and not lines[-1].strip():
        lines.pop()
    body = lines[:-1]
    if not body:
        return 'empty hardcopy'

    def bars(r):
        return [i for i, b in enumerate(r)
                if (b == 0x7c and (i + 1 >= len(r) or r[i + 1] != 0xff))
                or (b == 0x02 and i + 1 < len(r) and r[i + 1] == 0xff)]
    expected = bars(body[0])
    if len(expected) < minimum:
        return 'row 0: %d borders %s, expected at least %d' % (len(expected), expected, minimum)
    for i, r in enumerate(body):
        cols = bars(r)
        if not set(expected) <= set(cols):
            return 'row %d: borders at cells %s, row 0 has them at %s' % (i, cols, expected)
    return None


def block(screen, files):
    lines = rows(screen)
    while lines and not lines[-1].strip():
        lines.pop()
    text = [l[1:].rstrip() for l in lines[1:-1]]
    while text and not text[-1]:
        text.pop()
    if len(text) < 3:
        return 'the viewer shows almost nothing: %r' % text
    for f in files:
        show = [l.rstrip() for l in rows(f)]
        for i in range(len(show) - len(text) + 1):
            if show[i:i + len(text)] == text:
                return None
    return 'the viewer\'s %d lines are not consecutive lines of `baogao show`; first: %r' % (
        len(text), text[:3])


def styled(path):
    """Runs of text with a background or reverse video, in screen order."""
    import re
    runs = []
    for line in open(path, encoding='utf-8', errors='replace').read().split('\n'):
        bg = rev = False
        cur = ''
        for tok in re.split(r'(\x1b\[[0-9;]*m)', line):
            if tok.startswith('\x1b['):
                codes = [int(c) if c else 0 for c in tok[2:-1].split(';')]
                i = 0
                while i < len(codes):
                    c = codes[i]
                    if c == 0:
                        bg = rev = False
                    elif c == 7:
                        rev = True
                    elif c == 27:
                        rev = False
                    elif 40 <= c <= 47 or 100 <= c <= 107:
                        bg = True
                    elif c == 49:
                        bg = False
                    elif c in (38, 48):
                        if c == 48:
                            bg = True
                        i += 2 if i + 1 < len(codes) and codes[i + 1] == 5 else 4
                    i += 1
                continue
            if bg or rev:
                cur += tok
            elif cur:
                runs.append(cur)
                cur = ''
        if cur:
            runs.append(cur)
    for r in runs:
        print(r)
    return None


def main():
    if len(args) >= 2 and args[0] == 'borders':
        err = borders(args[1], int(args[2]) if len(args) > 2 else 1)
    elif len(args) >= 3 and args[0] == 'block':
        err = block(args[1], args[2:])
    elif len(args) == 3 and args[0] == 'hardcopy':
        err = hardcopy(args[1], int(args[2]))
    elif len(args) == 2 and args[0] == 'styled':
        err = styled(args[1])
    elif len(args) == 3 and args[0] == 'width':
        err = width(args[1], int(args[2]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    if err:
        print(err)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
