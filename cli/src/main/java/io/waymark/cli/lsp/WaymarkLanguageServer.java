package io.waymark.cli.lsp;

import io.waymark.engine.Waymark;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The Waymark language server ({@code waymark lsp}): every finding of {@code waymark validate} for
 * the open files as the user types, hover from the schemas and the rules' explanations, completion
 * and go-to-definition of ids. Speaks LSP over JSON-RPC on a pair of streams (stdin/stdout); it
 * writes nothing else on the output stream, and logs to {@code log} only when asked (--debug).
 */
public final class WaymarkLanguageServer implements LanguageServer, LanguageClientAware {

  /** How long after a keystroke the repository is judged, if no other keystroke came. */
  public static final long DEFAULT_DEBOUNCE_MILLIS = 50;

  /** LSP4J logs through java.util.logging; kept here so the level set on it stays. */
  private static final Logger LSP4J_LOG = Logger.getLogger("org.eclipse.lsp4j");

  private final ScheduledExecutorService judge =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "waymark-lsp-judge");
            t.setDaemon(true);
            return t;
          });
  private final List<Path> workspaceFolders = new ArrayList<>();
  private final RoadmapDocuments documents;
  private final WorkspaceService workspace;
  private final CountDownLatch exited = new CountDownLatch(1);
  private volatile boolean shutdown;

  /**
   * @param log where to log what goes wrong (null: nowhere)
   */
  public WaymarkLanguageServer(Waymark waymark, long debounceMillis, PrintWriter log) {
    this.documents =
        new RoadmapDocuments(
            waymark, judge, debounceMillis, () -> List.copyOf(workspaceFolders), log);
    this.workspace =
        new WorkspaceService() {
          @Override
          public void didChangeConfiguration(DidChangeConfigurationParams params) {
            // no settings yet: the repository's waymark.yaml is the configuration
          }

          @Override
          public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
            documents.filesChanged();
          }
        };
  }

  /**
   * The error a failed request answers with. A request for something the server does not offer (one
   * a client sends without the capability: document symbols, references, rename) is "method not
   * found", as the protocol asks, not an internal error with a Java stack trace.
   */
  static ResponseError responseError(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null
        && !(cause instanceof UnsupportedOperationException)
        && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (cause instanceof UnsupportedOperationException) {
      return new ResponseError(
          ResponseErrorCode.MethodNotFound,
          "the Waymark language server does not offer this request (see its capabilities)",
          null);
    }
    return RemoteEndpoint.DEFAULT_EXCEPTION_HANDLER.apply(failure);
  }

  /**
   * Serves one client on {@code in}/{@code out} until it sends {@code exit} or closes the input.
   *
   * @return the exit code: 0 after {@code shutdown} then {@code exit}, or at the end of the input;
   *     1 for {@code exit} without {@code shutdown} (as the protocol asks)
   */
  public static int serve(
      Waymark waymark, long debounceMillis, InputStream in, OutputStream out, PrintWriter log) {
    LSP4J_LOG.setLevel(log == null ? Level.OFF : Level.INFO);
    WaymarkLanguageServer server = new WaymarkLanguageServer(waymark, debounceMillis, log);
    Launcher<LanguageClient> launcher =
        new LSPLauncher.Builder<LanguageClient>()
            .setLocalService(server)
            .setRemoteInterface(LanguageClient.class)
            .setInput(in)
            .setOutput(out)
            .setExceptionHandler(WaymarkLanguageServer::responseError)
            .create();
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    Thread stopper =
        new Thread(
            () -> {
              try {
                server.exited.await();
                listening.cancel(true);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "waymark-lsp-exit");
    stopper.setDaemon(true);
    stopper.start();
    try {
      listening.get();
    } catch (CancellationException e) {
      // exit: the client asked us to stop
    } catch (ExecutionException e) {
      if (log != null) {
        log.println("waymark lsp: connection failed: " + e.getCause());
        log.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.stop();
      stopper.interrupt();
    }
    return server.exited.getCount() == 0 && !server.shutdown ? 1 : 0;
  }

  @Override
  public void connect(LanguageClient client) {
    documents.connect(client);
  }

  @Override
  @SuppressWarnings("deprecation") // rootUri: clients without workspace folders still send it
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (params.getWorkspaceFolders() != null) {
      for (WorkspaceFolder f : params.getWorkspaceFolders()) {
        RoadmapDocuments.path(f.getUri()).ifPresent(workspaceFolders::add);
      }
    }
    if (workspaceFolders.isEmpty() && params.getRootUri() != null) {
      RoadmapDocuments.path(params.getRootUri()).ifPresent(workspaceFolders::add);
    }
    ServerCapabilities capabilities = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    sync.setSave(new SaveOptions(false));
    capabilities.setTextDocumentSync(sync);
    capabilities.setHoverProvider(true);
    capabilities.setDefinitionProvider(true);
    capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    capabilities.setCompletionProvider(new CompletionOptions(false, List.of(":", " ", "-", "#")));
    return CompletableFuture.completedFuture(
        new InitializeResult(
            capabilities, new ServerInfo("waymark", io.waymark.cli.format.Version.current())));
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    stop();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    stop();
    exited.countDown();
  }

  private void stop() {
    judge.shutdownNow();
    documents.close();
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }

  /** The open documents (for tests in this package). */
  RoadmapDocuments documents() {
    return documents;
  }
}
