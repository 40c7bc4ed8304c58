package io.waymark.engine.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Work spread over the calling thread and the common pool's, one item at a time: each thread takes
 * the next item as soon as it finishes one. A parallel stream over a list splits it into a few
 * large pieces fixed up front (four per pool thread), and the thread that draws the slowest piece
 * then works alone at the end (a quarter of a large repository's files, or of the rules); here the
 * threads finish within one item of each other.
 */
public final class Parallel {

  private Parallel() {}

  /** {@code action} on every item (see {@link #map}). */
  public static <T> void forEach(List<T> items, java.util.function.Consumer<? super T> action) {
    map(
        items,
        t -> {
          action.accept(t);
          return null;
        });
  }

  /**
   * {@code f} of every item, in the items' order. What {@code f} throws first is thrown again once
   * every thread has stopped (the items not yet taken are then left out).
   */
  public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
    int n = items.size();
    Object[] out = new Object[n];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement();
              i < n && failure.get() == null;
              i = next.getAndIncrement()) {
            try {
              out[i] = f.apply(items.get(i));
            } catch (RuntimeException | Error e) {
              failure.compareAndSet(null, e);
            }
          }
        };
    int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), n - 1);
    List<ForkJoinTask<?>> tasks = new ArrayList<>(Math.max(helpers, 0));
    for (int k = 0; k < helpers; k++) {
      tasks.add(ForkJoinPool.commonPool().submit(worker));
    }
    worker.run();
    for (ForkJoinTask<?> task : tasks) {
      task.join(); // a task no pool thread took yet runs here, and finds nothing left
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    @SuppressWarnings("unchecked")
    List<R> results = (List<R>) Arrays.asList(out);
    return results;
  }
}
