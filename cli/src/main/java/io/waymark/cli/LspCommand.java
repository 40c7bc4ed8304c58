package io.waymark.cli;

import io.waymark.cli.lsp.WaymarkLanguageServer;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code waymark lsp}: the language server on standard input and output. */
@Command(
    header = "Run the language server (LSP over stdin/stdout) for editors.",
    name = "lsp",
    mixinStandardHelpOptions = true,
    description =
        "Speak the Language Server Protocol on standard input and output: every finding of"
            + " 'waymark validate' for the open files as you type (the unsaved text is judged, with"
            + " the rest of the repository from disk), hover on a field for its schema"
            + " documentation and on a finding for its rule's explanation, completion of fields,"
            + " values and ids, and go to definition of ids. An editor starts it; see"
            + " docs/editors.md. The repository of a file is the nearest folder above it with a"
            + " waymark.yaml (else a roadmap.yaml).",
    footer = {
      "",
      "Examples (the editor runs the command):",
      "  waymark lsp",
      "  waymark lsp --debug 2>waymark-lsp.log"
    })
final class LspCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--debounce",
      paramLabel = "MS",
      defaultValue = "" + WaymarkLanguageServer.DEFAULT_DEBOUNCE_MILLIS,
      description =
          "Judge the repository this many milliseconds after the last change (default:"
              + " ${DEFAULT-VALUE}).")
  long debounce;

  @Option(
      names = "--debug",
      description = "Log what goes wrong to standard error (standard output is the protocol's).")
  boolean debug;

  @Override
  public Integer call() {
    if (debounce < 0) {
      throw new UserError("--debounce must be 0 or more milliseconds, not " + debounce);
    }
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    // Standard output belongs to the protocol: whatever else prints there goes to stderr.
    PrintStream previous = System.out;
    System.setOut(
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    try {
      PrintWriter log = debug ? spec.commandLine().getErr() : null;
      return WaymarkLanguageServer.serve(
          GitOptions.waymark(), debounce, new FileInputStream(FileDescriptor.in), protocol, log);
    } finally {
      System.setOut(previous);
    }
  }
}
