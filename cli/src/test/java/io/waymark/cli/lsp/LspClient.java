package io.waymark.cli.lsp;

import io.waymark.engine.Waymark;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * An LSP client on LSP4J's client side, talking to {@link WaymarkLanguageServer#serve} over piped
 * streams in this JVM, exactly as an editor talks to {@code waymark lsp} over stdin and stdout. It
 * keeps the last diagnostics published for each file.
 */
final class LspClient implements LanguageClient, AutoCloseable {

  private final Map<String, PublishDiagnosticsParams> diagnostics = new ConcurrentHashMap<>();
  private final Map<String, Integer> sent = new ConcurrentHashMap<>();
  private final LanguageServer server;
  private final CompletableFuture<Integer> exitCode;
  private final OutputStream toServer;
  private int version = 1;

  LspClient(long debounceMillis) throws IOException {
    this(debounceMillis, Waymark.withoutHistory());
  }

  /** A server on {@code waymark}: with the Git module's history, as {@code waymark lsp} runs. */
  LspClient(long debounceMillis, Waymark waymark) throws IOException {
    // NIO pipes, not java.io's piped streams: those fail ("Write end dead") once a thread that
    // wrote to them has ended, and LSP4J writes from whichever thread completes a request.
    Pipe up = Pipe.open();
    Pipe down = Pipe.open();
    InputStream serverIn = Channels.newInputStream(up.source());
    toServer = Channels.newOutputStream(up.sink());
    InputStream clientIn = Channels.newInputStream(down.source());
    OutputStream serverOut = Channels.newOutputStream(down.sink());
    exitCode =
        CompletableFuture.supplyAsync(
            () -> WaymarkLanguageServer.serve(waymark, debounceMillis, serverIn, serverOut, null));
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(this, clientIn, toServer);
    launcher.startListening();
    server = launcher.getRemoteProxy();
  }

  LanguageServer server() {
    return server;
  }

  /** Initializes the server with {@code workspace} as the workspace folder. */
  void initialize(Path workspace) throws Exception {
    InitializeParams params = new InitializeParams();
    params.setCapabilities(new ClientCapabilities());
    params.setWorkspaceFolders(
        List.of(new WorkspaceFolder(workspace.toUri().toString(), "workspace")));
    server.initialize(params).get(30, TimeUnit.SECONDS);
    server.initialized(new org.eclipse.lsp4j.InitializedParams());
  }

  /** Opens a file with its text on disk; returns its URI. */
  String open(Path file) throws IOException {
    String uri = file.toUri().toString();
    sent.put(uri, version);
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(
                new TextDocumentItem(
                    uri, "yaml", version++, Files.readString(file, StandardCharsets.UTF_8))));
    return uri;
  }

  /** Replaces the whole text of an open file (unsaved). */
  void change(String uri, String text) {
    sent.put(uri, version);
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version++),
                List.of(new TextDocumentContentChangeEvent(text))));
  }

  /** Waits for diagnostics of {@code uri} that satisfy {@code wanted}. */
  List<Diagnostic> diagnostics(String uri, Predicate<List<Diagnostic>> wanted) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      PublishDiagnosticsParams p = diagnostics.get(uri);
      if (p != null
          && p.getVersion() != null
          && p.getVersion() >= sent.getOrDefault(uri, 0)
          && wanted.test(p.getDiagnostics())) {
        return p.getDiagnostics();
      }
      Thread.sleep(10);
    }
    PublishDiagnosticsParams p = diagnostics.get(uri);
    throw new AssertionError(
        "no wanted diagnostics for "
            + uri
            + "; last: "
            + (p == null ? "none" : p.getDiagnostics()));
  }

  /** Shuts the server down and returns its exit code. */
  int shutdownAndExit() throws Exception {
    server.shutdown().get(30, TimeUnit.SECONDS);
    server.exit();
    return exitCode.get(30, TimeUnit.SECONDS);
  }

  /** Closes the server's input (an editor that died): returns the server's exit code. */
  int endOfInput() throws Exception {
    toServer.close();
    return exitCode.get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws IOException {
    toServer.close();
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams params) {
    diagnostics.put(params.getUri(), params);
  }

  @Override
  public void showMessage(MessageParams messageParams) {}

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(
      ShowMessageRequestParams requestParams) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams message) {}
}
