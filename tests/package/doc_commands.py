#!/usr/bin/env python3
"""Prints every `seloste ...` command in the shell code blocks of Markdown files, in order,
one per line as FILE:LINE<TAB>COMMAND (tests/package/doc-commands.sh runs them).

A command is a line of a fenced block (``` or ~~~, info string empty, sh, bash, shell or
console) whose first word, after an optional "$ " prompt, is `seloste`; a line ending in a
backslash continues on the next. A block whose preceding non-blank line is the comment
<!-- not run --> is a synopsis or an example with the reader's own files: it is skipped.
Indented blocks and inline code are not commands.
"""
import re
import sys

FENCE = re.compile(r"^(```+|~~~+)\s*([\w+-]*)")
SHELLS = {"", "sh", "bash", "shell", "console"}
MARKER = "<!-- not run -->"


def commands(path):
    fence = None
    runnable = False
    previous = ""  # the last non-blank line outside a block
    pending = None  # (line number, text so far) of a command continued with "\"
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if fence is None:
                m = FENCE.match(line)
                if m:
                    fence = m.group(1)
                    runnable = m.group(2).lower() in SHELLS and previous.strip() != MARKER
                elif line.strip():
                    previous = line
                continue
            if line.startswith(fence) and not line[len(fence):].strip():
                fence = None
                previous = ""
                continue
            if not runnable:
                continue
            if pending is not None:
                start, text = pending
                text += " " + line.strip()
            else:
                m = re.match(r"^\s*(?:\$ )?(seloste\s.*|seloste)$", line)
                if not m:
                    continue
                start, text = number, m.group(1)
            if text.endswith("\\"):
                pending = (start, text[:-1].rstrip())
                continue
            pending = None
            yield start, text


def main(paths):
    for path in paths:
        for number, text in commands(path):
            print(f"{path}:{number}\t{text}")


if __name__ == "__main__":
    main(sys.argv[1:])
