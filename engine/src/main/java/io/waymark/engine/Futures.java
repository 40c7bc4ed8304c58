package io.waymark.engine;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The value of work done on another thread, with its failure thrown as the work threw it. */
public final class Futures {

  private Futures() {}

  /**
   * Waits for {@code future}: its value, or what the work threw (an {@link IOException}, an
   * unchecked exception or an error) rather than the {@link CompletionException} around it.
   */
  public static <T> T join(CompletableFuture<T> future) throws IOException {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
