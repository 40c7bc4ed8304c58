#!/usr/bin/env python3
"""Diagnostic latency of `waymark lsp`: the time from a didChange notification to the
publishDiagnostics that answers it (same document version), on a copy of example-roadmap/ (or of
the folder DIR names: any roadmap folder whose roadmap.yaml is the example's, such as the
generated corpus of bench/validate-10k.sh).

A minimal LSP client over the server's stdin/stdout (no editor in the loop). Each run edits
roadmap.yaml without saving, alternating between a dangling business-case reference and the
original text, so every run really re-judges the repository (a cross-file rule changes its
answer). The first WARMUP runs are left out of the figures (JIT warm-up), as an editor session
is warm after its first minute.

    bench/lsp-latency.py SERVER_COMMAND...     # e.g. ./waymark lsp
Environment: RUNS (default 50), WARMUP (default 20), DEBOUNCE_MS passed to --debounce when set,
DIR the folder to copy instead of example-roadmap/; with SUBDIR, DIR is copied whole (a Git
work tree, its history included) and the roadmap is its folder SUBDIR. BREAK=schema breaks the
roadmap with a schema error instead (a milestone status not in its list), the error an editor
sees most while typing; the first edit's latency (before any warm-up) is printed too.
"""
import json, os, shutil, statistics, subprocess, sys, tempfile, threading, time, queue

RUNS = int(os.environ.get("RUNS", "50"))
WARMUP = int(os.environ.get("WARMUP", "20"))


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    example = os.environ.get("DIR") or os.path.join(here, "..", "example-roadmap")
    work = tempfile.mkdtemp(prefix="waymark-lsp-bench-")
    repo = os.path.join(work, "example-roadmap")
    shutil.copytree(example, repo, symlinks=True)
    if os.environ.get("SUBDIR"):
        # DIR is a Git work tree (its .git copied with it); the roadmap is this folder of it.
        repo = os.path.join(repo, os.environ["SUBDIR"])
    command = argv[1:] or [os.path.join(here, "..", "waymark"), "lsp"]
    if os.environ.get("DEBOUNCE_MS"):
        command += ["--debounce", os.environ["DEBOUNCE_MS"]]
    server = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    published = queue.Queue()

    def read():
        out = server.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            message = json.loads(out.read(length))
            if message.get("method") == "textDocument/publishDiagnostics":
                published.put((time.perf_counter(), message["params"]))

    threading.Thread(target=read, daemon=True).start()

    def send(message):
        body = json.dumps(message).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()

    root_uri = "file://" + repo
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
          "params": {"processId": os.getpid(), "rootUri": root_uri, "capabilities": {},
                     "workspaceFolders": [{"uri": root_uri, "name": "bench"}]}})
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    path = os.path.join(repo, "roadmap.yaml")
    uri = "file://" + path
    original = open(path, encoding="utf-8").read()
    schema_error = os.environ.get("BREAK") == "schema"
    if schema_error:
        broken = original.replace("status: done", "status: finished", 1)
        expected = "schema"
    else:
        broken = original.replace("businessCase: bc-pipeline-automation",
                                  "businessCase: bc-pipeline-automaton", 1)
        expected = "ref-unresolved"
    assert broken != original
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                       "text": original}}})

    def wait_for(version):
        while True:
            at, params = published.get(timeout=120)
            if params["uri"] == uri and params.get("version") == version:
                return at, params["diagnostics"]

    wait_for(1)
    times = []
    first = None
    for run in range(WARMUP + RUNS):
        version = run + 2
        text = broken if run % 2 == 0 else original
        sent = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": version},
                         "contentChanges": [{"text": text}]}})
        at, diagnostics = wait_for(version)
        dangling = any(d.get("code") == expected for d in diagnostics)
        assert dangling == (text is broken), "run %d: wrong diagnostics" % run
        if run == 0:
            first = (at - sent) * 1000
        if run >= WARMUP:
            times.append((at - sent) * 1000)
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait(timeout=30)
    times.sort()
    files = sum(len(f) for _, _, f in os.walk(repo))
    print("didChange -> publishDiagnostics on roadmap.yaml of a copy of %s (%d files), %d runs after"
          " %d warm-up, %d cores" % (os.path.basename(os.path.normpath(example)), files, RUNS, WARMUP,
                                     os.cpu_count()))
    print("median %.1f ms   p90 %.1f ms   min %.1f ms   max %.1f ms" % (
        statistics.median(times), times[int(len(times) * 0.9) - 1], times[0], times[-1]))
    print("first edit (%s, before warm-up) %.1f ms" % (expected, first))
    shutil.rmtree(work)


if __name__ == "__main__":
    main(sys.argv)
