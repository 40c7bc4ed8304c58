package io.waymark.jenkins;

import groovy.json.JsonOutput;
import groovy.json.JsonSlurper;
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
import java.nio.file.LinkOption;
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
    private static final long serialVersionUID = 1L;

    PipelineError(String message) {
      super(message);
    }
  }

  final List<Call> calls = new ArrayList<>();
  final Map<String, Object> env = new HashMap<>();

  /** More environment variables of the real shell (the agent's, not the pipeline's env). */
  final Map<String, String> shellEnvironment = new HashMap<>();

  final Map<String, Object> currentBuild = new HashMap<>();

  /** Files in the workspace (relative paths) and in the workspace's temporary folder. */
  final Map<String, String> files = new HashMap<>();

  /** What the build log shows: the echo steps, and with a real shell, what the scripts print. */
  final List<String> log = new ArrayList<>();

  /** Tool installations by name, for the tool step. */
  final Map<String, String> tools = new HashMap<>();

  private final Map<String, String> cliWrites = new LinkedHashMap<>();
  private Path workspace;
  private String path;
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

  /**
   * Runs the scripts of sh for real, with /bin/sh in {@code workspace} (which then holds the files
   * fileExists and readFile see) and {@code path} as the PATH, as a Jenkins agent would.
   */
  MockPipeline realShell(Path workspace, String path) {
    this.workspace = workspace.toAbsolutePath();
    this.path = path;
    env.put("WORKSPACE", this.workspace.toString());
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

  /**
   * The line of that script that runs waymark, without the redirection of stderr, and with {@code
   * "$waymark"} (the installed waymark the script looked up on the PATH) shown as {@code waymark}.
   */
  String commandLine() {
    return script()
        .lines()
        .filter(line -> line.contains(" 2>"))
        .map(line -> line.substring(0, line.indexOf(" 2>")))
        .map(line -> line.startsWith("\"$waymark\" ") ? "waymark" + line.substring(10) : line)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no command line in " + script()));
  }

  private Script load(String step) {
    Binding binding = new Binding();
    binding.setVariable("env", env);
    binding.setVariable("currentBuild", currentBuild);
    bind(binding, "isUnix", args -> unix);
    bind(binding, "pwd", args -> workspace == null ? WORKSPACE_TMP : workspace + "@tmp");
    bind(binding, "fileExists", args -> exists(String.valueOf(args[0])));
    bind(binding, "readFile", args -> readFile(args[0]));
    bind(binding, "sh", args -> workspace == null ? runCli(args) : runShell(args));
    bind(binding, "bat", this::runCli);
    bind(
        binding,
        "echo",
        args -> {
          log.add(String.valueOf(args[0]));
          return null;
        });
    bind(
        binding,
        "tool",
        args -> {
          String home = tools.get(String.valueOf(args[0]));
          if (home == null) {
            throw new PipelineError("No tool named " + args[0] + " found");
          }
          return home;
        });
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
    bind(binding, "checkStyle", args -> Map.of("tool", "checkStyle", "options", args[0]));
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

  private boolean exists(String file) {
    return workspace == null
        ? files.containsKey(file)
        : Files.exists(workspace.resolve(file), LinkOption.NOFOLLOW_LINKS);
  }

  private Object readFile(Object argument) {
    String path =
        String.valueOf(argument instanceof Map<?, ?> named ? named.get("file") : argument);
    if (workspace != null) {
      try {
        return Files.readString(workspace.resolve(path), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new PipelineError(e.toString());
      }
    }
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

  /** sh with a real shell: {@code sh -e SCRIPT} in the workspace, its output going to the log. */
  private Object runShell(Object[] args) {
    Map<?, ?> named = (Map<?, ?>) args[0];
    try {
      Files.createDirectories(Path.of(workspace + "@tmp"));
      Path script = Files.createTempFile(Path.of(workspace + "@tmp"), "script", ".sh");
      Files.writeString(script, String.valueOf(named.get("script")), StandardCharsets.UTF_8);
      ProcessBuilder builder =
          new ProcessBuilder("/bin/sh", "-e", script.toString())
              .directory(workspace.toFile())
              .redirectErrorStream(true);
      builder.environment().put("PATH", path);
      builder.environment().put("WORKSPACE", workspace.toString());
      builder.environment().putAll(shellEnvironment);
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = process.waitFor();
      output.lines().forEach(log::add);
      if (Boolean.TRUE.equals(named.get("returnStatus"))) {
        return status;
      }
      if (status != 0) {
        throw new PipelineError("script returned exit code " + status);
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The waymark.json of a fixture made by the real CLI: {@code clean.json}, {@code warnings.json}
   * or {@code errors.json} (see {@link CliFixtures}).
   */
  static String fixture(String name) {
    return CliFixtures.text(name.replace(".json", ""), "waymark.json");
  }

  /**
   * The waymark.json the real CLI wrote for the {@code clean} fixture, with these summary counts
   * and no findings: the shape is always the CLI's own, only the counts are chosen by the test.
   */
  @SuppressWarnings("unchecked")
  static String summary(int errors, int warnings, int infos) {
    Map<String, Object> json =
        (Map<String, Object>)
            new JsonSlurper().parseText(CliFixtures.text("clean", "waymark.json"));
    Map<String, Object> summary = (Map<String, Object>) json.get("summary");
    if (summary == null || !summary.containsKey("errors") || !summary.containsKey("infos")) {
      throw new IllegalStateException("the CLI's waymark.json has no summary counts: " + json);
    }
    summary.put("errors", errors);
    summary.put("warnings", warnings);
    summary.put("infos", infos);
    json.put("findings", List.of());
    return JsonOutput.prettyPrint(JsonOutput.toJson(json)) + "\n";
  }
}
