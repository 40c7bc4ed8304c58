package io.waymark.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Validator;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.schema.BundledSchemas;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A company's rule pack: a rule compiled separately from Waymark, packed in its own jar with a
 * ServiceLoader registration, and found on the class path like a Jenkins plugin's extension.
 */
class RulePackPluginTest {

  private static final String RULE_SOURCE =
      """
      package com.example.rules;

      import io.waymark.engine.finding.Severity;
      import io.waymark.engine.model.Roadmap;
      import io.waymark.engine.rules.Rule;
      import io.waymark.engine.rules.RuleContext;
      import io.waymark.engine.rules.RuleDescriptor;

      /** House rule: every roadmap names an owner. */
      public final class OwnerRequiredRule implements Rule {
        private static final RuleDescriptor D = new RuleDescriptor(
            "acme-owner-required", Severity.ERROR, "acme house rules",
            "Every roadmap names an owner.",
            "Acme's PMO needs one accountable owner per plan.",
            "Set metadata.owner.", "metadata: {id: x, title: X}",
            "metadata: {id: x, title: X, owner: cto-office}");

        @Override public RuleDescriptor descriptor() { return D; }

        @Override public void check(RuleContext context) {
          for (Roadmap r : context.plan().roadmaps()) {
            if (r.metadata().owner().isBlank()) {
              context.report(r.at().location("metadata"), "roadmap '" + r.metadata().id() + "' has no owner",
                  "Set metadata.owner.");
            }
          }
        }
      }
      """;

  @TempDir static Path build;
  static Path jar;

  @BeforeAll
  static void compileRulePack() throws IOException {
    Path src = build.resolve("src/com/example/rules/OwnerRequiredRule.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, RULE_SOURCE);
    Path classes = build.resolve("classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status =
        javac.run(
            null,
            null,
            null,
            "-d",
            classes.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            src.toString());
    assertThat(status).as("the rule pack compiles against the engine API").isZero();
    jar = build.resolve("acme-rules.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out)) {
      j.putNextEntry(new JarEntry("com/example/rules/OwnerRequiredRule.class"));
      j.write(Files.readAllBytes(classes.resolve("com/example/rules/OwnerRequiredRule.class")));
      j.putNextEntry(new JarEntry("META-INF/services/io.waymark.engine.rules.Rule"));
      j.write("com.example.rules.OwnerRequiredRule\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void shouldDiscoverARuleFromASeparateJar() throws IOException {
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      RuleRegistry registry = RuleRegistry.discover(loader);

      assertThat(registry.descriptor("acme-owner-required")).isPresent();
      assertThat(registry.descriptor("ref-unresolved")).as("built-in rules stay").isPresent();
    }
  }

  @Test
  void shouldNotKnowTheRuleWithoutTheJar() {
    assertThat(RuleRegistry.discover().descriptor("acme-owner-required")).isEmpty();
  }

  @Test
  void shouldReportFindingsOfThePluginRule(@TempDir Path repo) throws IOException {
    Files.writeString(
        repo.resolve("roadmap.yaml"),
        """
        apiVersion: waymark/v1
        kind: Roadmap
        metadata:
          id: ai-infra-2027
          title: AI Infrastructure 2027
        spec:
          start: 2027-01-04
          horizonMonths: 12
          phases: []
        """);
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      Validator validator =
          new Validator(RuleRegistry.discover(loader), new BundledSchemas(), Clock.systemUTC());
      ValidationResult result =
          validator.validate(
              new FolderSource(repo, "repo"),
              ValidationOptions.defaults().withAsOf(LocalDate.of(2027, 5, 14)));

      List<String> ids =
          result.findings().stream().map(f -> f.rule() + "@" + f.file() + ":" + f.line()).toList();
      assertThat(ids).contains("acme-owner-required@roadmap.yaml:4");
    }
  }
}
