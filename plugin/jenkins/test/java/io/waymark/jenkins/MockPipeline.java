package io.waymark.jenkins;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.GString;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codehaus.groovy.runtime.InvokerInvocationException;

/**
 * A pipeline without Jenkins: runs a step of vars/ in a GroovyShell whose binding holds the
 * pipeline steps as closures that record their calls. Missing steps are absent from the binding, as
 * for a plugin that is not installed (or, with {@link #jenkinsLacks}, throw what Jenkins throws).
 * The fake waymark CLI writes the files it was given and exits with the status it was given.
 */
final class MockPipeline {

  /** The library root (Surefire runs in the module folder, plugin/jenkins). */
  static final Path LIBRARY = Path.of("").toAbsolutePath();

  static final String WORKSPACE_TMP = "/build/workspace@tmp";

  /** One call of a pipeline step with its argument (a Map for named arguments). */
  record Call(String step, Object argument) {
    @SuppressWarnings("unchecked")
    Map<String, Object> named() {
      return (Map<String, Object>) argument;
    }
  }

  /** What the error step throws (Jenkins: an AbortException, which fails the build). */
  static final class PipelineError extends RuntimeException {
    PipelineError(String message) {
      super(message);
    }
  }

  final List<Call> calls = new ArrayList<>();
  final Map<String, Object> env = new HashMap<>();
  final Map<String, Object> currentBuild = new HashMap<>();

  /** Files in the workspace (relative paths) and in the workspace's temporary folder. */
  final Map<String, String> files = new HashMap<>();

  private final Map<String, String> cliWrites = new LinkedHashMap<>();
  private final Set<String> absent = new HashSet<>();
  private final Set<String> jenkinsLacks = new HashSet<>();
  private boolean unix = true;
  private int cliStatus;
  private String cliStderr = "";

  MockPipeline() {
    currentBuild.put("result", null);
  }

  /** A run of waymark that writes {@code content} to {@code path}. */
  MockPipeline cliWrites(String path, String content) {
    cliWrites.put(path, content);
    return this;
  }

  /** A run of waymark that ends with {@code status} after printing {@code stderr}. */
  MockPipeline cliExits(int status, String stderr) {
    cliStatus = status;
    cliStderr = stderr;
    return this;
  }

  MockPipeline windows() {
    unix = false;
    return this;
  }

  MockPipeline pullRequestTo(String target) {
    env.put("CHANGE_ID", "42");
    env.put("CHANGE_TARGET", target);
    return this;
  }

  /** Steps of a plugin that is not installed: unknown to the script. */
  MockPipeline without(String... steps) {
    absent.addAll(List.of(steps));
    return this;
  }

  /** Steps of a plugin that is not installed, failing the way Jenkins' DSL does. */
  MockPipeline jenkinsLacks(String... steps) {
    jenkinsLacks.addAll(List.of(steps));
    return this;
  }

  /**
   * Runs {@code vars/<step>.groovy} with {@code config} as a build would: an error that escapes the
   * step fails the build.
   */
  Object run(String step, Map<String, Object> config) {
    try {
      return load(step).invokeMethod("call", new Object[] {config});
    } catch (InvokerInvocationException e) {
      // Groovy wraps what a reflectively called method throws; Jenkins would see the cause.
      currentBuild.put("result", "FAILURE");
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    } catch (RuntimeException e) {
      currentBuild.put("result", "FAILURE");
      throw e;
    }
  }

  String result() {
    Object result = currentBuild.get("result");
    return result == null ? "SUCCESS" : result.toString();
  }

  List<Call> calls(String step) {
    return calls.stream().filter(c -> c.step().equals(step)).toList();
  }

  List<String> stepNames() {
    return calls.stream().map(Call::step).toList();
  }

  /** The one script that sh (or bat) ran. */
  String script() {
    List<Call> runs = calls.stream().filter(c -> Set.of("sh", "bat").contains(c.step())).toList();
    if (runs.size() != 1) {
      throw new AssertionError("expected one sh or bat call, got " + runs);
    }
    return String.valueOf(runs.get(0).named().get("script"));
  }

  /** The line of that script that runs waymark, without the redirection of stderr. */
  String commandLine() {
    return script()
        .lines()
        .filter(line -> line.contains(" 2>"))
        .map(line -> line.substring(0, line.indexOf(" 2>")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no command line in " + script()));
  }

  private Script load(String step) {
    Binding binding = new Binding();
    binding.setVariable("env", env);
    binding.setVariable("currentBuild", currentBuild);
    bind(binding, "isUnix", args -> unix);
    bind(binding, "pwd", args -> WORKSPACE_TMP);
    bind(binding, "fileExists", args -> files.containsKey(String.valueOf(args[0])));
    bind(binding, "readFile", args -> readFile(args[0]));
    bind(binding, "sh", this::runCli);
    bind(binding, "bat", this::runCli);
    bind(binding, "echo", args -> null);
    bind(
        binding,
        "error",
        args -> {
          throw new PipelineError(String.valueOf(args[0]));
        });
    bind(
        binding,
        "unstable",
        args -> {
          if (!"FAILURE".equals(currentBuild.get("result"))) {
            currentBuild.put("result", "UNSTABLE");
          }
          return null;
        });
    bind(binding, "junit", args -> null);
    bind(binding, "archiveArtifacts", args -> null);
    bind(binding, "sarif", args -> Map.of("tool", "sarif", "options", args[0]));
    bind(binding, "recordIssues", args -> null);
    bind(binding, "publishHTML", args -> null);
    GroovyClassLoader loader = new GroovyClassLoader(getClass().getClassLoader());
    loader.addClasspath(LIBRARY.resolve("src").toString());
    try {
      return new GroovyShell(loader, binding)
          .parse(LIBRARY.resolve("vars").resolve(step + ".groovy").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void bind(Binding binding, String step, Function<Object[], Object> body) {
    if (absent.contains(step)) {
      return;
    }
    binding.setVariable(
        step,
        new Closure<Object>(this) {
          @Override
          public Object call(Object... groovyArgs) {
            Object[] args = new Object[groovyArgs.length];
            for (int i = 0; i < args.length; i++) {
              args[i] = plain(groovyArgs[i]);
            }
            calls.add(new Call(step, args.length == 1 ? args[0] : List.of(args)));
            if (jenkinsLacks.contains(step)) {
              throw new NoSuchMethodError(
                  "No such DSL method '" + step + "' found among steps [archiveArtifacts, sh]");
            }
            return body.apply(args);
          }
        });
  }

  /** Strings for GStrings, as Jenkins does when it binds step arguments. */
  private static Object plain(Object value) {
    if (value instanceof GString g) {
      return g.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(plain(k), plain(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(MockPipeline::plain).toList();
    }
    return value;
  }

  private Object readFile(Object argument) {
    String path =
        String.valueOf(argument instanceof Map<?, ?> named ? named.get("file") : argument);
    String content = files.get(path);
    if (content == null) {
      throw new PipelineError("java.nio.file.NoSuchFileException: " + path);
    }
    return content;
  }

  private static final Pattern STDERR_FILE = Pattern.compile("2>\"?'?([^\"'\\s]+)");

  private Object runCli(Object[] args) {
    files.putAll(cliWrites);
    Matcher stderrFile = STDERR_FILE.matcher(String.valueOf(((Map<?, ?>) args[0]).get("script")));
    if (stderrFile.find()) {
      files.put(stderrFile.group(1), cliStderr);
    }
    return cliStatus;
  }

  /** A JSON output of waymark, from test/resources/io/waymark/jenkins. */
  static String fixture(String name) {
    try {
      return Files.readString(
          LIBRARY.resolve("test/resources/io/waymark/jenkins").resolve(name),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal waymark.json with these counts. */
  static String summary(int errors, int warnings, int infos) {
    return """
        {
          "tool" : { "name" : "waymark", "version" : "0.1.0" },
          "summary" : {
            "documents" : 3,
            "errors" : %d,
            "warnings" : %d,
            "infos" : %d,
            "suppressed" : 0
          },
          "findings" : [ ]
        }
        """
        .formatted(errors, warnings, infos);
  }
}
