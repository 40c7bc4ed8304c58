package io.waymark.cli.lsp;

import io.waymark.engine.ValidationOptions;
import io.waymark.engine.Waymark;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.fix.Fix;
import io.waymark.engine.model.IdIndex;
import io.waymark.engine.model.Kind;
import io.waymark.engine.rules.RuleDescriptor;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The open roadmap files: keeps each buffer's text, judges its repository again shortly after each
 * change (the unsaved buffers over the files on disk) and publishes the findings of every open file
 * of it; answers hover, completion and go-to-definition from the schemas and the last judgement.
 */
final class RoadmapDocuments implements TextDocumentService {

  /** One open file. */
  record Buffer(
      String uri, Path file, String relative, String text, int version, OpenRepository repo) {
    Buffer with(String newText, int newVersion) {
      return new Buffer(uri, file, relative, newText, newVersion, repo);
    }
  }

  private static final Pattern KIND = Pattern.compile("^kind:\\s*([A-Za-z]+)\\s*(#.*)?$");

  private final Waymark waymark;
  private final SchemaGuide schemas = new SchemaGuide();
  private final ScheduledExecutorService judge;
  private final long debounceMillis;
  private final Supplier<List<Path>> workspaceFolders;
  private final PrintWriter log;
  private final Map<String, Buffer> buffers = new ConcurrentHashMap<>();
  private final Map<Path, OpenRepository> repositories = new ConcurrentHashMap<>();
  private volatile LanguageClient client;

  RoadmapDocuments(
      Waymark waymark,
      ScheduledExecutorService judge,
      long debounceMillis,
      Supplier<List<Path>> workspaceFolders,
      PrintWriter log) {
    this.waymark = waymark;
    this.judge = judge;
    this.debounceMillis = debounceMillis;
    this.workspaceFolders = workspaceFolders;
    this.log = log;
  }

  void connect(LanguageClient languageClient) {
    this.client = languageClient;
  }

  // --- text synchronisation ---------------------------------------------------------------

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    Optional<Path> file = path(uri);
    if (file.isEmpty()) {
      return;
    }
    Optional<OpenRepository> repo = repository(file.get());
    if (repo.isEmpty()) {
      return;
    }
    Optional<String> relative = repo.get().relative(file.get());
    if (relative.isEmpty()) {
      return;
    }
    buffers.put(
        uri,
        new Buffer(
            uri,
            file.get(),
            relative.get(),
            params.getTextDocument().getText(),
            params.getTextDocument().getVersion(),
            repo.get()));
    schedule(repo.get(), 0);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    Buffer buffer = buffers.get(uri);
    if (buffer == null) {
      return;
    }
    String text = buffer.text();
    for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
      text = change.getRange() == null ? change.getText() : apply(text, change);
    }
    Integer version = params.getTextDocument().getVersion();
    buffers.put(uri, buffer.with(text, version == null ? buffer.version() + 1 : version));
    schedule(buffer.repo(), debounceMillis);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    Buffer closed = buffers.remove(params.getTextDocument().getUri());
    if (closed == null) {
      return;
    }
    LanguageClient c = client;
    if (c != null) {
      c.publishDiagnostics(new PublishDiagnosticsParams(closed.uri(), List.of()));
    }
    schedule(closed.repo(), 0);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    Buffer buffer = buffers.get(params.getTextDocument().getUri());
    if (buffer != null) {
      schedule(buffer.repo(), 0);
    }
  }

  /** Files changed on disk (another tool, a checkout): judge every open repository again. */
  void filesChanged() {
    repositories.values().forEach(repo -> schedule(repo, debounceMillis));
  }

  /** A ranged change applied to the text (clients that send incremental changes). */
  static String apply(String text, TextDocumentContentChangeEvent change) {
    int start = offset(text, change.getRange().getStart());
    int end = offset(text, change.getRange().getEnd());
    return text.substring(0, start) + change.getText() + text.substring(Math.max(start, end));
  }

  private static int offset(String text, Position p) {
    int offset = 0;
    for (int line = 0; line < p.getLine(); line++) {
      int next = text.indexOf('\n', offset);
      if (next < 0) {
        return text.length();
      }
      offset = next + 1;
    }
    int lineEnd = text.indexOf('\n', offset);
    int max = lineEnd < 0 ? text.length() : lineEnd;
    return Math.min(offset + p.getCharacter(), max);
  }

  // --- judging ------------------------------------------------------------------------------

  private void schedule(OpenRepository repo, long delay) {
    if (judge.isShutdown()) {
      return;
    }
    repo.schedule(judge.schedule(() -> judgeNow(repo), delay, TimeUnit.MILLISECONDS));
  }

  /** Judges {@code repo} with its open buffers and publishes the findings of each of them. */
  void judgeNow(OpenRepository repo) {
    List<Buffer> open = buffers.values().stream().filter(b -> b.repo() == repo).toList();
    Map<String, String> texts = new HashMap<>();
    open.forEach(b -> texts.put(b.relative(), b.text()));
    OpenRepository.Judged judged;
    long started = System.nanoTime();
    try {
      judged = repo.judge(texts);
      log(
          "judged "
              + repo.root()
              + " with "
              + texts.size()
              + " open file(s) in "
              + (System.nanoTime() - started) / 1_000_000
              + " ms: "
              + judged.result().findings().size()
              + " finding(s)");
    } catch (IOException | RuntimeException e) {
      log("cannot judge " + repo.root() + ": " + e);
      LanguageClient c = client;
      if (c != null) {
        c.logMessage(
            new org.eclipse.lsp4j.MessageParams(
                org.eclipse.lsp4j.MessageType.Error, "waymark: " + e.getMessage()));
      }
      return;
    }
    LanguageClient c = client;
    if (c == null) {
      return;
    }
    for (Buffer b : open) {
      List<Diagnostic> diagnostics =
          FindingDiagnostics.of(judged.result().findings(), b.relative(), b.text());
      c.publishDiagnostics(new PublishDiagnosticsParams(b.uri(), diagnostics, b.version()));
    }
  }

  private Optional<OpenRepository> repository(Path file) {
    Path root = rootOf(file);
    OpenRepository existing = repositories.get(root);
    if (existing != null) {
      return Optional.of(existing);
    }
    try {
      OpenRepository created =
          new OpenRepository(
              waymark.edit(root, root.getFileName().toString(), ValidationOptions.defaults()));
      OpenRepository raced = repositories.putIfAbsent(root, created);
      if (raced != null) {
        created.close();
        return Optional.of(raced);
      }
      return Optional.of(created);
    } catch (IOException | RuntimeException e) {
      log("cannot open " + root + ": " + e);
      return Optional.empty();
    }
  }

  /**
   * The roadmap repository a file belongs to: the nearest folder above it with a {@code
   * waymark.yaml} (else a {@code roadmap.yaml}), not above the workspace folder holding it; else
   * that workspace folder; else the file's own folder.
   */
  Path rootOf(Path file) {
    Path parent = file.toAbsolutePath().normalize().getParent();
    Optional<Path> workspace =
        workspaceFolders.get().stream()
            .map(p -> p.toAbsolutePath().normalize())
            .filter(parent::startsWith)
            .max((a, b) -> Integer.compare(a.getNameCount(), b.getNameCount()));
    for (String marker : List.of("waymark.yaml", "roadmap.yaml")) {
      for (Path dir = parent; dir != null; dir = dir.getParent()) {
        if (Files.isRegularFile(dir.resolve(marker), LinkOption.NOFOLLOW_LINKS)) {
          return dir;
        }
        if (workspace.isPresent() && dir.equals(workspace.get())) {
          break;
        }
      }
    }
    return workspace.orElse(parent);
  }

  // --- hover ----------------------------------------------------------------------------------

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return CompletableFuture.completedFuture(hoverNow(params));
  }

  private Hover hoverNow(HoverParams params) {
    Buffer b = buffers.get(params.getTextDocument().getUri());
    if (b == null) {
      return null;
    }
    Position p = params.getPosition();
    List<String> parts = new ArrayList<>();
    Range over = null;
    Optional<OpenRepository.Judged> judged = b.repo().last();
    if (judged.isPresent()) {
      String[] lines = b.text().split("\r?\n", -1);
      for (Finding f : judged.get().result().findings()) {
        if (!f.file().equals(b.relative())) {
          continue;
        }
        Range r = FindingDiagnostics.range(f, lines);
        if (contains(r, p)) {
          over = r;
          parts.add(explain(f));
        }
      }
    }
    YamlCursor cursor = YamlCursor.at(b.text(), p.getLine(), p.getCharacter());
    if (parts.isEmpty() && cursor.place() != YamlCursor.Place.NONE) {
      Optional<Kind> kind = kindAt(b.text(), p.getLine());
      List<String> field = cursor.field();
      if (kind.isPresent() && !field.isEmpty()) {
        schemas
            .field(kind.get(), field)
            .filter(f -> !f.title().isEmpty() || !f.description().isEmpty())
            .ifPresent(f -> parts.add(fieldText(f)));
        if (!parts.isEmpty()) {
          over =
              new Range(
                  new Position(p.getLine(), cursor.wordStart()),
                  new Position(p.getLine(), cursor.wordEnd()));
        }
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    return new Hover(
        new MarkupContent(MarkupKind.MARKDOWN, String.join("\n\n---\n\n", parts)), over);
  }

  private String explain(Finding f) {
    StringBuilder text = new StringBuilder();
    text.append("**")
        .append(f.rule())
        .append("** (")
        .append(f.severity().name().toLowerCase(java.util.Locale.ROOT))
        .append("): ")
        .append(f.message());
    Optional<RuleDescriptor> rule = waymark.rule(f.rule());
    if (rule.isPresent()) {
      RuleDescriptor d = rule.get();
      text.append("\n\n").append(d.summary()).append("\n\n").append(flow(d.rationale()));
      text.append("\n\n**Fix:** ").append(flow(d.fix()));
    }
    if (!f.hint().isBlank()) {
      text.append("\n\n**Here:** ").append(f.hint());
    }
    return text.toString();
  }

  /** A text block's lines joined into paragraphs (the explain texts are wrapped at 100). */
  private static String flow(String text) {
    return text.strip().replaceAll("(?<!\n)\n(?!\n)", " ");
  }

  private static String fieldText(SchemaGuide.Field f) {
    StringBuilder text = new StringBuilder();
    if (!f.title().isEmpty()) {
      text.append("**").append(f.title()).append("**");
    }
    if (!f.description().isEmpty()) {
      text.append(text.length() > 0 ? "\n\n" : "").append(f.description());
    }
    if (!f.values().isEmpty()) {
      text.append("\n\nOne of: `").append(String.join("`, `", f.values())).append('`');
    }
    return text.toString();
  }

  private static boolean contains(Range r, Position p) {
    return p.getLine() == r.getStart().getLine()
        && p.getCharacter() >= r.getStart().getCharacter()
        && p.getCharacter() <= Math.max(r.getEnd().getCharacter(), r.getStart().getCharacter());
  }

  /** The kind of the document (between {@code ---} lines) holding {@code line}. */
  static Optional<Kind> kindAt(String text, int line) {
    String[] lines = text.split("\r?\n", -1);
    int start = Math.min(line, lines.length - 1);
    while (start > 0 && !lines[start].startsWith("---")) {
      start--;
    }
    for (int i = start; i < lines.length; i++) {
      if (i > start && lines[i].startsWith("---")) {
        break;
      }
      Matcher m = KIND.matcher(lines[i]);
      if (m.matches()) {
        return Kind.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  // --- completion -----------------------------------------------------------------------------

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
      CompletionParams params) {
    return CompletableFuture.completedFuture(Either.forLeft(completeNow(params)));
  }

  private List<CompletionItem> completeNow(CompletionParams params) {
    Buffer b = buffers.get(params.getTextDocument().getUri());
    if (b == null) {
      return List.of();
    }
    Position p = params.getPosition();
    YamlCursor cursor = YamlCursor.at(b.text(), p.getLine(), p.getCharacter());
    Optional<Kind> kind = kindAt(b.text(), p.getLine());
    List<Item> items = new ArrayList<>();
    if (kind.isEmpty()) {
      if (cursor.place() == YamlCursor.Place.VALUE && cursor.key().equals("kind")) {
        for (Kind k : Kind.values()) {
          items.add(item(k.id(), CompletionItemKind.EnumMember, "Document kind", ""));
        }
      } else if (cursor.place() == YamlCursor.Place.KEY && cursor.parents().isEmpty()) {
        for (String key : List.of("apiVersion", "kind", "metadata", "spec")) {
          items.add(item(key, CompletionItemKind.Property, "", "").withInsert(key + ": "));
        }
      }
      return unwrap(items);
    }
    switch (cursor.place()) {
      case KEY ->
          schemas
              .field(kind.get(), cursor.parents())
              .ifPresent(
                  f ->
                      f.fields()
                          .forEach(
                              (name, field) ->
                                  items.add(
                                      item(
                                              name,
                                              CompletionItemKind.Property,
                                              field.title(),
                                              field.description())
                                          .withInsert(name + ": "))));
      case VALUE, ITEM -> {
        Optional<String> space = References.space(kind.get(), cursor);
        if (space.isPresent()) {
          b.repo().last().ifPresent(j -> items.addAll(ids(j.ids(), space.get())));
        } else {
          schemas
              .field(kind.get(), cursor.field())
              .ifPresent(
                  f ->
                      f.values()
                          .forEach(
                              v ->
                                  items.add(
                                      item(v, CompletionItemKind.EnumMember, f.title(), ""))));
        }
      }
      default -> {
        // a comment: nothing to offer
      }
    }
    return unwrap(items);
  }

  /** The ids of a space (or, for evidence, {@code file#id} of every declaration). */
  private static List<Item> ids(IdIndex ids, String space) {
    List<Item> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Map.Entry<String, List<IdIndex.Declaration>> e : ids.spaces().entrySet()) {
      boolean all = space.equals(References.ANY) || space.equals(References.EVIDENCE);
      if (!all && !e.getKey().equals(space)) {
        continue;
      }
      for (IdIndex.Declaration d : e.getValue()) {
        String label =
            space.equals(References.EVIDENCE) ? d.location().file() + "#" + d.id() : d.id();
        if (seen.add(label)) {
          out.add(
              item(
                  label,
                  CompletionItemKind.Reference,
                  e.getKey() + " in " + d.location().file() + ":" + d.location().line(),
                  ""));
        }
      }
    }
    return out;
  }

  /** A completion item being built (LSP4J's item is mutable; this keeps the builder small). */
  private record Item(CompletionItem item) {
    Item withInsert(String text) {
      item.setInsertText(text);
      return this;
    }
  }

  private static Item item(String label, CompletionItemKind kind, String detail, String doc) {
    CompletionItem i = new CompletionItem(label);
    i.setKind(kind);
    if (!detail.isEmpty()) {
      i.setDetail(detail);
    }
    if (!doc.isEmpty()) {
      i.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, doc));
    }
    return new Item(i);
  }

  private static List<CompletionItem> unwrap(List<Item> items) {
    return items.stream().map(Item::item).toList();
  }

  // --- definition -----------------------------------------------------------------------------

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>>
      definition(DefinitionParams params) {
    return CompletableFuture.completedFuture(Either.forLeft(defineNow(params)));
  }

  private List<Location> defineNow(DefinitionParams params) {
    Buffer b = buffers.get(params.getTextDocument().getUri());
    if (b == null) {
      return List.of();
    }
    Position p = params.getPosition();
    YamlCursor cursor = YamlCursor.at(b.text(), p.getLine(), p.getCharacter());
    Optional<Kind> kind = kindAt(b.text(), p.getLine());
    Optional<OpenRepository.Judged> judged = b.repo().last();
    if (kind.isEmpty() || judged.isEmpty() || cursor.word().isEmpty()) {
      return List.of();
    }
    Optional<String> space = References.space(kind.get(), cursor);
    if (space.isEmpty()) {
      return List.of();
    }
    String id = cursor.word();
    Optional<String> inFile = Optional.empty();
    if (space.get().equals(References.EVIDENCE)) {
      int hash = id.indexOf('#');
      String file = hash < 0 ? id : id.substring(0, hash);
      if (hash < 0) {
        Path target = b.repo().root().resolve(file).normalize();
        return target.startsWith(b.repo().root()) && Files.isRegularFile(target)
            ? List.of(location(target, 1, 1))
            : List.of();
      }
      inFile = Optional.of(file);
      id = id.substring(hash + 1);
    }
    List<Location> out = new ArrayList<>();
    for (Map.Entry<String, List<IdIndex.Declaration>> e : judged.get().ids().spaces().entrySet()) {
      boolean any = space.get().equals(References.ANY) || space.get().equals(References.EVIDENCE);
      if (!any && !e.getKey().equals(space.get())) {
        continue;
      }
      for (IdIndex.Declaration d : e.getValue()) {
        if (d.id().equals(id) && inFile.map(f -> f.equals(d.location().file())).orElse(true)) {
          out.add(
              location(
                  b.repo().root().resolve(d.location().file()),
                  d.location().line(),
                  d.location().column()));
        }
      }
    }
    return out;
  }

  private static Location location(Path file, int line, int column) {
    Position at = new Position(line - 1, column - 1);
    return new Location(file.toUri().toString(), new Range(at, at));
  }

  // --- code actions ---------------------------------------------------------------------------

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    return CompletableFuture.completedFuture(actionsNow(params));
  }

  /**
   * The quick fixes of {@code waymark fix} for the findings in the requested range: each {@link
   * Fix} as a code action whose workspace edit makes the buffer say what Waymark computed. Offered
   * only while the buffer is the text the fixes were planned on.
   */
  private List<Either<Command, CodeAction>> actionsNow(CodeActionParams params) {
    Buffer b = buffers.get(params.getTextDocument().getUri());
    if (b == null) {
      return List.of();
    }
    Optional<OpenRepository.Judged> judged = b.repo().last();
    if (judged.isEmpty() || !b.text().equals(judged.get().texts().get(b.relative()))) {
      return List.of();
    }
    String[] lines = b.text().split("\r?\n", -1);
    Range wanted = params.getRange();
    List<Either<Command, CodeAction>> out = new ArrayList<>();
    for (Fix fix : judged.get().fixes().fixes(b.relative())) {
      Range at = FindingDiagnostics.range(fix.finding(), lines);
      if (!overlaps(at, wanted)) {
        continue;
      }
      List<TextEdit> edits = new ArrayList<>();
      for (io.waymark.engine.fix.TextEdit e : fix.edits()) {
        edits.add(
            new TextEdit(
                new Range(
                    new Position(e.from().line() - 1, e.from().column() - 1),
                    new Position(e.to().line() - 1, e.to().column() - 1)),
                e.replacement()));
      }
      CodeAction action = new CodeAction("Waymark: " + fix.description());
      action.setKind(CodeActionKind.QuickFix);
      action.setIsPreferred(true);
      Diagnostic diagnostic =
          FindingDiagnostics.of(List.of(fix.finding()), b.relative(), b.text()).get(0);
      action.setDiagnostics(List.of(diagnostic));
      action.setEdit(new WorkspaceEdit(Map.of(b.uri(), edits)));
      out.add(Either.forRight(action));
    }
    return out;
  }

  private static boolean overlaps(Range a, Range b) {
    return !(before(a.getEnd(), b.getStart()) || before(b.getEnd(), a.getStart()));
  }

  private static boolean before(Position a, Position b) {
    return a.getLine() < b.getLine()
        || (a.getLine() == b.getLine() && a.getCharacter() < b.getCharacter());
  }

  // --- helpers --------------------------------------------------------------------------------

  /** The buffers currently open (tests and the benchmark read them). */
  Map<String, Buffer> buffers() {
    return buffers;
  }

  static Optional<Path> path(String uri) {
    try {
      URI parsed = URI.create(uri);
      return "file".equals(parsed.getScheme()) ? Optional.of(Path.of(parsed)) : Optional.empty();
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  private void log(String message) {
    if (log != null) {
      log.println("waymark lsp: " + message);
      log.flush();
    }
  }

  /** Closes every repository's session. */
  void close() {
    repositories.values().forEach(OpenRepository::close);
    repositories.clear();
  }
}
