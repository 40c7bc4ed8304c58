package io.waymark.report;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Serves a report folder on 127.0.0.1 the way Jenkins serves archived artifacts: every response
 * carries Jenkins' default Content-Security-Policy.
 */
final class CspServer implements AutoCloseable {

  static final String JENKINS_CSP =
      "sandbox; default-src 'none'; img-src 'self'; style-src 'self';";

  private final HttpServer server;
  private final Path root;
  private final boolean policy;

  CspServer(Path root) throws IOException {
    this(root, true);
  }

  /**
   * Serves {@code root}, with Jenkins' policy or (for axe-core, whose scheduled work a sandboxed
   * document without scripts never runs) without any.
   */
  CspServer(Path root, boolean policy) throws IOException {
    this.policy = policy;
    this.root = root.toAbsolutePath().normalize();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  String url(String file) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + file;
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (policy) {
        exchange.getResponseHeaders().set("Content-Security-Policy", JENKINS_CSP);
      }
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      String name = exchange.getRequestURI().getPath().replaceFirst("^/", "");
      Path file = root.resolve(name).normalize();
      if (name.isEmpty()
          || !file.startsWith(root)
          || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = Files.readAllBytes(file);
      exchange.getResponseHeaders().set("Content-Type", type(name));
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String type(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (name.endsWith(".pdf")) {
      return "application/pdf";
    }
    return "text/plain; charset=utf-8";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
