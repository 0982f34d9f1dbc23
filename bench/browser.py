#!/usr/bin/python3
"""bench/browser.py BAOGAO DB — the browser's figures for bench/run.sh.

Runs the browser on a pseudo-terminal of 200x50 (no tmux in the way):
  first   best of 5: exec to the end of the first complete frame
          (BAOGAO_EXIT_AFTER_FIRST_DRAW makes it exit right after it)
  rss     peak RSS (VmHWM) after a search for 专业镇 has been drawn
Prints "first_ms rss_kb".  --ambiguous narrow: a pty answers no
cursor-position probe, and the probe's time-out is not the browser's.
"""
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

ROWS, COLS = 50, 200


def spawn(argv, env):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        os.execve(argv[0], argv, env)
    return pid, fd


def drain(fd, quiet, limit):
    """Reads until nothing comes for `quiet` seconds (or `limit` passes)."""
    out = b""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return out


def first_screen(argv, env):
    env = dict(env, BAOGAO_EXIT_AFTER_FIRST_DRAW="1")
    best = None
    for _ in range(5):
        t0 = time.monotonic()
        pid, fd = spawn(argv, env)
        while True:  # the pty must be read or the child blocks on output
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
        os.waitpid(pid, 0)
        t = time.monotonic() - t0
        os.close(fd)
        best = t if best is None else min(best, t)
    return best


def peak_rss_after_search(argv, env):
    pid, fd = spawn(argv, env)
    drain(fd, 0.5, 10)
    os.write(fd, "/专业镇\r".encode())
    drain(fd, 1.0, 30)
    with open("/proc/%d/status" % pid) as f:
        rss = next((int(l.split()[1]) for l in f if l.startswith("VmHWM")), 0)
    os.write(fd, b"q")
    drain(fd, 0.3, 5)
    try:
        os.kill(pid, 15)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    return rss


def main():
    baogao, db = sys.argv[1], sys.argv[2]
    env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8")
    argv = [baogao, "--db", db, "--ambiguous", "narrow"]
    print("%.1f %d" % (first_screen(argv, env) * 1000, peak_rss_after_search(argv, env)))


if __name__ == "__main__":
    main()
