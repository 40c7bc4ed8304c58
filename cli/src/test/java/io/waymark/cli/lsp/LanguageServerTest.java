package io.waymark.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.waymark.engine.Checkout;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Waymark;
import io.waymark.engine.finding.Finding;
import io.waymark.git.GitAdapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server driven by a real LSP client (LSP4J's client side) over streams, on a copy of
 * the example roadmap: diagnostics as validate gives them, for the unsaved text; hover, completion
 * and go to definition.
 */
class LanguageServerTest {

  static final Path EXAMPLE = Path.of("..", "example-roadmap");

  @TempDir Path tmp;

  private Path repo;
  private LspClient client;

  @BeforeEach
  void start() throws Exception {
    repo = copyExample(tmp.resolve("roadmap"));
    client = new LspClient(0);
    client.initialize(repo);
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
  }

  /** A copy of the example without its cache (a run in another test may be writing it). */
  static Path copyExample(Path target) throws IOException {
    io.waymark.cli.CacheCliTest.copy(EXAMPLE, target);
    return target;
  }

  private String text(String file) throws IOException {
    return Files.readString(repo.resolve(file), StandardCharsets.UTF_8);
  }

  private static int lineOf(String text, String fragment) {
    int at = text.indexOf(fragment);
    assertThat(at).as(fragment).isNotNegative();
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
  }

  private static Position position(String text, String fragment, int offsetInFragment) {
    int line = lineOf(text, fragment);
    int lineStart = text.lastIndexOf('\n', text.indexOf(fragment)) + 1;
    return new Position(line, text.indexOf(fragment) - lineStart + offsetInFragment);
  }

  @Test
  void shouldAnswerARequestItDoesNotOfferWithMethodNotFound() throws Exception {
    String uri = client.open(repo.resolve("roadmap.yaml"));

    // A client may send what the server's capabilities do not list; the protocol's answer is
    // "method not found", not an internal error carrying a Java stack trace.
    ExecutionException failure =
        catchThrowableOfType(
            ExecutionException.class,
            () ->
                client
                    .server()
                    .getTextDocumentService()
                    .references(
                        new ReferenceParams(
                            new TextDocumentIdentifier(uri),
                            new Position(0, 0),
                            new ReferenceContext(true)))
                    .get(30, TimeUnit.SECONDS));

    ResponseError error = ((ResponseErrorException) failure.getCause()).getResponseError();
    assertThat(error.getCode()).isEqualTo(ResponseErrorCode.MethodNotFound.getValue());
    assertThat(error.getMessage()).contains("does not offer this request");
    assertThat(error.getData()).isNull();
  }

  @Test
  void shouldPublishTheSameFindingsAsValidateForEachOpenFile() throws Exception {
    List<Finding> expected;
    try (Checkout checkout =
        Waymark.withoutHistory()
            .open(Waymark.Request.folder(repo, "roadmap"), ValidationOptions.defaults())) {
      ValidationResult result = checkout.validate();
      expected = result.findings();
    }
    for (String file : List.of("roadmap.yaml", "metrics/executive-dashboard.yaml")) {
      String uri = client.open(repo.resolve(file));
      List<Finding> inFile = expected.stream().filter(f -> f.file().equals(file)).toList();

      List<Diagnostic> published = client.diagnostics(uri, d -> true);

      assertThat(published)
          .extracting(d -> d.getCode().getLeft() + "@" + (d.getRange().getStart().getLine() + 1))
          .as(file)
          .containsExactlyInAnyOrderElementsOf(
              inFile.stream().map(f -> f.rule() + "@" + f.line()).toList());
      assertThat(published).allSatisfy(d -> assertThat(d.getSource()).isEqualTo("waymark"));
    }
  }

  @Test
  void shouldJudgeTheUnsavedTextAcrossFilesAndPointAtTheMistake() throws Exception {
    String uri = client.open(repo.resolve("roadmap.yaml"));
    String roadmap = text("roadmap.yaml");
    client.diagnostics(
        uri, d -> d.stream().noneMatch(x -> x.getSeverity() == DiagnosticSeverity.Error));

    String broken =
        roadmap.replace(
            "businessCase: bc-pipeline-automation", "businessCase: bc-pipeline-automaton");
    client.change(uri, broken);
    List<Diagnostic> diagnostics =
        client.diagnostics(
            uri, d -> d.stream().anyMatch(x -> "ref-unresolved".equals(x.getCode().getLeft())));

    Diagnostic ref =
        diagnostics.stream()
            .filter(x -> "ref-unresolved".equals(x.getCode().getLeft()))
            .findFirst()
            .orElseThrow();
    Position value = position(broken, "bc-pipeline-automaton", 0);
    assertThat(ref.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
    assertThat(ref.getRange().getStart()).isEqualTo(value);
    assertThat(ref.getRange().getEnd().getCharacter())
        .isEqualTo(value.getCharacter() + "bc-pipeline-automaton".length());
    assertThat(ref.getMessage())
        .contains("bc-pipeline-automaton")
        .contains("bc-pipeline-automation");
    assertThat(text("roadmap.yaml")).as("the file on disk is untouched").isEqualTo(roadmap);
  }

  @Test
  void shouldHonourAnInlineIgnoreInTheUnsavedText() throws Exception {
    String uri = client.open(repo.resolve("roadmap.yaml"));
    String broken =
        text("roadmap.yaml")
            .replace(
                "businessCase: bc-pipeline-automation",
                "businessCase: bc-pipeline-automaton # waymark:ignore ref-unresolved -- renamed");
    client.change(uri, broken);

    List<Diagnostic> diagnostics = client.diagnostics(uri, d -> true);

    assertThat(diagnostics).noneMatch(x -> "ref-unresolved".equals(x.getCode().getLeft()));
  }

  @Test
  void shouldExplainAFieldFromItsSchemaAndAFindingFromItsRule() throws Exception {
    String uri = client.open(repo.resolve("roadmap.yaml"));
    String roadmap = text("roadmap.yaml");
    client.diagnostics(uri, d -> true);

    Hover field =
        client
            .server()
            .getTextDocumentService()
            .hover(
                new HoverParams(
                    new TextDocumentIdentifier(uri), position(roadmap, "horizonMonths", 3)))
            .get(30, TimeUnit.SECONDS);
    assertThat(field.getContents().getRight().getValue()).contains("Horizon").contains("months");

    String broken =
        roadmap.replace(
            "businessCase: bc-pipeline-automation", "businessCase: bc-pipeline-automaton");
    client.change(uri, broken);
    client.diagnostics(
        uri, d -> d.stream().anyMatch(x -> "ref-unresolved".equals(x.getCode().getLeft())));
    Hover finding =
        client
            .server()
            .getTextDocumentService()
            .hover(
                new HoverParams(
                    new TextDocumentIdentifier(uri), position(broken, "bc-pipeline-automaton", 4)))
            .get(30, TimeUnit.SECONDS);
    assertThat(finding.getContents().getRight().getValue())
        .contains("ref-unresolved")
        .contains("A reference names an id that no document declares.")
        .contains("**Fix:**");
  }

  @Test
  void shouldCompleteFieldsValuesAndIds() throws Exception {
    String uri = client.open(repo.resolve("roadmap.yaml"));
    String roadmap = text("roadmap.yaml");
    client.diagnostics(uri, d -> true);

    List<String> ids = complete(uri, position(roadmap, "businessCase: bc-pipeline-automation", 14));
    assertThat(ids).contains("bc-pipeline-automation", "bc-data-foundations", "bc-mlops-skills");

    List<String> statuses = complete(uri, position(roadmap, "status: done", 8));
    assertThat(statuses).contains("planned", "in-progress", "done");

    List<String> keys = complete(uri, position(roadmap, "businessCase: bc-pipeline-automation", 2));
    assertThat(keys).contains("businessCase", "category", "effort", "dependsOn");

    List<String> evidence =
        complete(uri, position(roadmap, "metrics/executive-dashboard.yaml#", 0));
    assertThat(evidence).contains("metrics/executive-dashboard.yaml#pilot-downtime-pct");
  }

  private List<String> complete(String uri, Position at) throws Exception {
    return client
        .server()
        .getTextDocumentService()
        .completion(new CompletionParams(new TextDocumentIdentifier(uri), at))
        .get(30, TimeUnit.SECONDS)
        .getLeft()
        .stream()
        .map(CompletionItem::getLabel)
        .toList();
  }

  @Test
  void shouldGoFromAReferenceToTheDocumentThatDeclaresIt() throws Exception {
    String uri = client.open(repo.resolve("roadmap.yaml"));
    String roadmap = text("roadmap.yaml");
    client.diagnostics(uri, d -> true);

    List<? extends Location> found =
        client
            .server()
            .getTextDocumentService()
            .definition(
                new DefinitionParams(
                    new TextDocumentIdentifier(uri),
                    position(roadmap, "businessCase: bc-pipeline-automation", 20)))
            .get(30, TimeUnit.SECONDS)
            .getLeft();

    assertThat(found).hasSize(1);
    Path target = repo.resolve("business-cases/pipeline-automation.yaml");
    assertThat(Path.of(java.net.URI.create(found.get(0).getUri())).toRealPath())
        .isEqualTo(target.toRealPath());
    assertThat(found.get(0).getRange().getStart().getLine())
        .isEqualTo(lineOf(Files.readString(target), "id: bc-pipeline-automation"));
  }

  @Test
  void shouldOfferTheFixOfAMistakenNpvAsAQuickFixThatRestoresTheFile() throws Exception {
    String file = "business-cases/data-foundations.yaml";
    String original = text(file);
    String uri = client.open(repo.resolve(file));
    client.diagnostics(uri, d -> true);
    String broken = original.replace("npv: 191646", "npv: 300000");
    assertThat(broken).isNotEqualTo(original);
    client.change(uri, broken);
    List<Diagnostic> diagnostics =
        client.diagnostics(
            uri,
            d -> d.stream().anyMatch(x -> "bc-financials-mismatch".equals(x.getCode().getLeft())));
    Diagnostic mismatch =
        diagnostics.stream()
            .filter(x -> "bc-financials-mismatch".equals(x.getCode().getLeft()))
            .findFirst()
            .orElseThrow();

    List<Either<Command, CodeAction>> actions =
        client
            .server()
            .getTextDocumentService()
            .codeAction(
                new CodeActionParams(
                    new TextDocumentIdentifier(uri),
                    mismatch.getRange(),
                    new CodeActionContext(List.of(mismatch))))
            .get(30, TimeUnit.SECONDS);

    assertThat(actions).hasSize(1);
    CodeAction action = actions.get(0).getRight();
    assertThat(action.getKind()).isEqualTo(CodeActionKind.QuickFix);
    assertThat(action.getTitle()).contains("npv");
    assertThat(action.getDiagnostics())
        .extracting(d -> d.getCode().getLeft())
        .containsExactly("bc-financials-mismatch");
    List<TextEdit> edits = action.getEdit().getChanges().get(uri);
    assertThat(applied(broken, edits)).isEqualTo(original);
  }

  /**
   * milestone-done-undated goes through the fix API, so the server offers the date of the commit
   * that marked the milestone done as a quick fix, in a real Git repository.
   */
  @Test
  void shouldOfferTheCompletionDateTheHistoryGivesAsAQuickFix() throws Exception {
    Path root = tmp.resolve("git");
    Path plan = copyExample(root.resolve("plan"));
    Path roadmap = plan.resolve("roadmap.yaml");
    String original = Files.readString(roadmap, StandardCharsets.UTF_8);
    String dated = "due: 2027-04-23\n          status: done\n          completedOn: 2027-04-21";
    String undated = original.replace(dated, "due: 2027-04-23\n          status: done");
    assertThat(undated).isNotEqualTo(original);
    try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
      Files.writeString(
          roadmap, original.replace(dated, "due: 2027-04-23\n          status: in-progress"));
      commit(git, "Vector database pilot tier under way", "2027-03-01");
      Files.writeString(roadmap, undated);
      commit(git, "Vector database pilot tier delivered", "2027-04-21");
    }

    try (LspClient inGit = new LspClient(0, new Waymark(GitAdapter::history))) {
      inGit.initialize(plan);
      String uri = inGit.open(roadmap);
      Diagnostic undatedDone =
          inGit
              .diagnostics(
                  uri,
                  d ->
                      d.stream()
                          .anyMatch(x -> "milestone-done-undated".equals(x.getCode().getLeft())))
              .stream()
              .filter(x -> "milestone-done-undated".equals(x.getCode().getLeft()))
              .findFirst()
              .orElseThrow();

      List<Either<Command, CodeAction>> actions =
          inGit
              .server()
              .getTextDocumentService()
              .codeAction(
                  new CodeActionParams(
                      new TextDocumentIdentifier(uri),
                      undatedDone.getRange(),
                      new CodeActionContext(List.of(undatedDone))))
              .get(30, TimeUnit.SECONDS);

      assertThat(actions).hasSize(1);
      CodeAction action = actions.get(0).getRight();
      assertThat(action.getKind()).isEqualTo(CodeActionKind.QuickFix);
      assertThat(action.getTitle()).contains("completedOn: 2027-04-21");
      assertThat(applied(undated, action.getEdit().getChanges().get(uri))).isEqualTo(original);
    }
  }

  private static void commit(Git git, String message, String date) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who =
        new PersonIdent(
            "Ada Example",
            "ada@example.com",
            LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }

  /** The text with LSP edits applied (from the last, so earlier positions stay valid). */
  private static String applied(String text, List<TextEdit> edits) {
    String result = text;
    List<TextEdit> backwards = new java.util.ArrayList<>(edits);
    backwards.sort(
        (a, b) ->
            a.getRange().getStart().getLine() != b.getRange().getStart().getLine()
                ? b.getRange().getStart().getLine() - a.getRange().getStart().getLine()
                : b.getRange().getStart().getCharacter() - a.getRange().getStart().getCharacter());
    for (TextEdit e : backwards) {
      result =
          RoadmapDocuments.apply(
              result,
              new org.eclipse.lsp4j.TextDocumentContentChangeEvent(e.getRange(), e.getNewText()));
    }
    return result;
  }

  @Test
  void shouldExitCleanlyAfterShutdownAndAtTheEndOfTheInput() throws Exception {
    assertThat(client.shutdownAndExit()).isZero();

    try (LspClient other = new LspClient(0)) {
      other.initialize(repo);
      assertThat(other.endOfInput()).isZero();
    }
  }
}
