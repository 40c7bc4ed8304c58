package io.waymark.cli;

import io.waymark.engine.Waymark;
import io.waymark.engine.model.Kind;
import io.waymark.report.OutputFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code waymark schema [--out DIR] [--kind KIND | KIND]}: print or export the bundled JSON
 * Schemas.
 */
@Command(
    header = "Print or export the JSON Schemas (for editors).",
    name = "schema",
    mixinStandardHelpOptions = true,
    description =
        "Print the JSON Schema for Waymark documents, or export every schema file to a folder for editors (point yaml-language-server at waymark.schema.json).",
    footer = {
      "",
      "Examples:",
      "  waymark schema --out .waymark/schema",
      "  waymark schema --kind Roadmap   (or: waymark schema roadmap)",
      "",
      "Then start each YAML file with:",
      "  # yaml-language-server: $schema=.waymark/schema/waymark.schema.json"
    })
final class SchemaCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", description = "Write every schema file into DIR.")
  Path out;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "Print only the schema of this kind (Roadmap, BusinessCase, ...).")
  String kind;

  @Parameters(
      arity = "0..1",
      paramLabel = "KIND",
      description = "The kind, as with --kind (as 'waymark new KIND' takes it).")
  String argument;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    String kind = kind();
    if (out != null && kind != null) {
      throw new UserError(
          "--kind prints one schema and --out writes every schema file (they refer to each"
              + " other): give one of them");
    }
    if (out != null) {
      OutputFolder folder = OutputFolder.open(out);
      for (String file : Waymark.schemaFiles()) {
        folder.write(file, text(file).getBytes(StandardCharsets.UTF_8));
      }
      stdout.println("wrote " + Waymark.schemaFiles().size() + " schema files to " + out);
      stdout.flush();
      return ExitCode.OK;
    }
    String file = "waymark.schema.json";
    if (kind != null) {
      file =
          KindNames.of(kind)
              .map(Kind::schemaFile)
              .orElseThrow(
                  () -> new UserError("unknown kind '" + kind + "'; use one of " + kinds()));
    }
    stdout.print(text(file));
    stdout.flush();
    return ExitCode.OK;
  }

  /**
   * The kind given with {@code --kind} or as the argument; a usage error when both are given and
   * name different kinds.
   */
  private String kind() {
    if (argument == null) {
      return kind;
    }
    if (kind != null && !KindNames.of(kind).equals(KindNames.of(argument))) {
      throw new UserError(
          "two kinds given, --kind "
              + kind
              + " and "
              + argument
              + ": give the kind once, either way");
    }
    return argument;
  }

  private static String text(String file) {
    return Waymark.schemaText(file)
        .orElseThrow(
            () -> new IllegalStateException("bundled schema " + file + " is missing from the jar"));
  }

  private static String kinds() {
    StringBuilder s = new StringBuilder();
    for (Kind k : Kind.values()) {
      s.append(s.length() == 0 ? "" : ", ").append(k.id());
    }
    return s.toString();
  }
}
