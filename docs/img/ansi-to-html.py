#!/usr/bin/env python3
"""Turns a terminal capture with SGR colour codes (tmux capture-pane -e) into an HTML page that
draws the same cells in a monospace grid, for a screenshot. Handles the codes tmux emits:
reset, bold, italic, underline, reverse, 16/256/true colours for foreground and background."""
import html, re, sys

BASE16 = ["#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
          "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff"]
FG, BG = "#d4d4d4", "#1e1e1e"


def color256(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (v, v, v)


def main(path):
    text = open(path, encoding="utf-8", errors="replace").read().rstrip("\n")
    state = {"fg": None, "bg": None, "bold": False, "italic": False, "under": False, "rev": False}
    out = []
    for line in text.split("\n"):
        parts = re.split(r"\x1b\[([0-9;:]*)m", line)
        row = []
        for i, part in enumerate(parts):
            if i % 2 == 1:
                codes = [int(c) if c else 0 for c in re.split(r"[;:]", part)] if part else [0]
                k = 0
                while k < len(codes):
                    c = codes[k]
                    if c == 0:
                        state.update(fg=None, bg=None, bold=False, italic=False, under=False, rev=False)
                    elif c == 1:
                        state["bold"] = True
                    elif c == 3:
                        state["italic"] = True
                    elif c == 4:
                        state["under"] = True
                    elif c == 7:
                        state["rev"] = True
                    elif c in (22,):
                        state["bold"] = False
                    elif c == 23:
                        state["italic"] = False
                    elif c == 24:
                        state["under"] = False
                    elif c == 27:
                        state["rev"] = False
                    elif 30 <= c <= 37:
                        state["fg"] = BASE16[c - 30]
                    elif 90 <= c <= 97:
                        state["fg"] = BASE16[c - 90 + 8]
                    elif 40 <= c <= 47:
                        state["bg"] = BASE16[c - 40]
                    elif 100 <= c <= 107:
                        state["bg"] = BASE16[c - 100 + 8]
                    elif c == 39:
                        state["fg"] = None
                    elif c == 49:
                        state["bg"] = None
                    elif c in (38, 48) and k + 1 < len(codes):
                        key = "fg" if c == 38 else "bg"
                        if codes[k + 1] == 5 and k + 2 < len(codes):
                            state[key] = color256(codes[k + 2])
                            k += 2
                        elif codes[k + 1] == 2 and k + 4 < len(codes):
                            state[key] = "#%02x%02x%02x" % tuple(codes[k + 2:k + 5])
                            k += 4
                    k += 1
                continue
            if not part:
                continue
            fg, bg = state["fg"] or FG, state["bg"] or BG
            if state["rev"]:
                fg, bg = bg, fg
            style = "color:%s;background:%s" % (fg, bg)
            if state["bold"]:
                style += ";font-weight:bold"
            if state["italic"]:
                style += ";font-style:italic"
            if state["under"]:
                style += ";text-decoration:underline"
            row.append('<span style="%s">%s</span>' % (style, html.escape(part)))
        out.append("".join(row))
    print("<!doctype html><html><head><meta charset='utf-8'><style>"
          "body{margin:0;background:%s}pre{margin:8px;font:15px/19px 'DejaVu Sans Mono',monospace;"
          "color:%s}</style></head><body><pre>%s</pre></body></html>" % (BG, FG, "\n".join(out)))


if __name__ == "__main__":
    main(sys.argv[1])
