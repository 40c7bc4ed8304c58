package io.waymark.report.template;

import freemarker.core.Environment;
import freemarker.core.TemplateProcessingTracer;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.Writer;
import java.util.function.Function;

/**
 * Runs one template within its {@link RenderLimits}: in a thread of its own with a bounded stack,
 * watched by a tracer that Freemarker calls on every instruction (the time budget and the nesting
 * bound, checked in the template's own thread, so that the line where it stopped is exact) and
 * writing into a buffer that counts characters (the output cap). A template that spends its time
 * inside one instruction (a built-in over a huge sequence) is given up after the budget and a grace
 * period: its thread is interrupted and its result, if any, discarded.
 */
final class BoundedRender {

  /** How long a template that passed its budget inside one instruction is waited for. */
  static final long GRACE_MILLIS = 1000;

  private BoundedRender() {}

  /**
   * The output of {@code template}, or a {@link TemplateFailure} whose message names the template
   * ({@code origin} of its name), the line and the limit.
   */
  static String run(
      Template template, Object model, RenderLimits limits, Function<String, String> origin) {
    Budget budget = new Budget(limits, origin);
    BoundedWriter out = new BoundedWriter(budget);
    Throwable[] thrown = new Throwable[1];
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                Environment env = template.createProcessingEnvironment(model, out);
                env.setTemplateProcessingTracer(budget);
                env.process();
              } catch (Throwable t) { // NOPMD: every way a template can end is reported below
                thrown[0] = t;
              }
            },
            "waymark-template",
            limits.stackBytes());
    thread.setDaemon(true);
    thread.start();
    try {
      thread.join(limits.time().toMillis() + GRACE_MILLIS);
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
      throw new TemplateFailure(origin.apply(template.getName()) + " was interrupted", e);
    }
    if (thread.isAlive()) {
      // Stuck inside one instruction: give it up (it is a daemon thread; the interrupt ends it at
      // its next instruction) and discard whatever it writes.
      budget.timeUp();
      thread.interrupt();
      throw new TemplateFailure(budget.failure(template.getName()), null);
    }
    Throwable t = thrown[0];
    if (budget.failed()) {
      throw new TemplateFailure(budget.failure(template.getName()), t);
    }
    if (t == null) {
      return out.text();
    }
    if (t instanceof StackOverflowError) {
      budget.fail("it nests deeper than the stack of the template renderer allows", false);
      throw new TemplateFailure(budget.failure(template.getName()), t);
    }
    if (t instanceof OutOfMemoryError) {
      budget.fail(
          "it ran out of memory (the heap limit is "
              + (Runtime.getRuntime().maxMemory() >> 20)
              + " MiB)",
          false);
      throw new TemplateFailure(budget.failure(template.getName()), t);
    }
    if (t instanceof TemplateException e) {
      String name =
          e.getTemplateSourceName() == null ? template.getName() : e.getTemplateSourceName();
      String line = e.getLineNumber() == null ? "" : " at line " + e.getLineNumber();
      throw new TemplateFailure(
          origin.apply(name)
              + " failed"
              + line
              + ": "
              + Templates.firstLine(e.getMessageWithoutStackTop()),
          e);
    }
    if (t instanceof IOException e) {
      throw new TemplateFailure(origin.apply(template.getName()) + " failed: " + e.getMessage(), e);
    }
    if (t instanceof RuntimeException e) {
      throw e;
    }
    throw (Error) t;
  }

  /** Thrown inside the template's thread when a limit is passed; it only unwinds the run. */
  static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super("template stopped at a render limit", null, false, false);
    }
  }

  /** The limits of one run, checked on every instruction and every write. */
  static final class Budget implements TemplateProcessingTracer {

    private final RenderLimits limits;
    private final Function<String, String> origin;
    private final long deadline;
    private int depth;
    private final TracedElement[] stack;
    private volatile TracedElement last;
    private volatile String reason;
    private volatile TracedElement where;

    Budget(RenderLimits limits, Function<String, String> origin) {
      this.limits = limits;
      this.origin = origin;
      this.deadline = System.nanoTime() + limits.time().toNanos();
      this.stack = new TracedElement[limits.depth() + 1];
    }

    @Override
    public void enterElement(Environment env, TracedElement element) {
      last = element;
      if (reason != null) {
        throw new Stop(); // a limit passed already: an <#attempt> must not carry on
      }
      depth++;
      if (depth > limits.depth()) {
        // Name the call that went one level too deep, not the body of what it called.
        for (int i = stack.length - 1; i >= 0; i--) {
          if (stack[i] != null && !isRoot(stack[i])) {
            last = stack[i];
            break;
          }
        }
        fail(
            "it nests deeper than "
                + limits.depth()
                + " levels (a macro, function or include that calls itself without end?)",
            true);
      }
      stack[depth] = element;
      checkTime();
    }

    @Override
    public void exitElement(Environment env, TracedElement element) {
      depth--;
    }

    /**
     * The whole body of a template (what an include enters first). Freemarker marks its template
     * tree as unpublished API (deprecated) and offers no other way to tell an include's root.
     */
    @SuppressWarnings("deprecation")
    private static boolean isRoot(TracedElement e) {
      return e.getTemplate() != null && e.getTemplate().getRootTreeNode() == e;
    }

    void checkTime() {
      if (System.nanoTime() - deadline > 0) {
        timeUp();
        throw new Stop();
      }
    }

    void timeUp() {
      fail(
          "it ran longer than the time limit of "
              + limits.timeText()
              + " for one template ("
              + limits.timeSetting()
              + ")",
          false);
    }

    /** Records the first limit passed, at the instruction running now; throws when asked to. */
    synchronized void fail(String why, boolean stop) {
      if (reason == null) {
        reason = why;
        where = last;
      }
      if (stop) {
        throw new Stop();
      }
    }

    boolean failed() {
      return reason != null;
    }

    /** "template qbr.ftlmd (the repository's templates/qbr.ftlmd) stopped at line 3: why". */
    String failure(String templateName) {
      TracedElement at = where;
      String name =
          at != null && at.getTemplate() != null && at.getTemplate().getSourceName() != null
              ? at.getTemplate().getSourceName()
              : templateName;
      String line = at == null ? "" : " at line " + at.getBeginLine();
      return origin.apply(name) + " stopped" + line + ": " + reason;
    }

    long outputChars() {
      return limits.outputChars();
    }
  }

  /** The output of a run, in memory, bounded. */
  static final class BoundedWriter extends Writer {

    private final Budget budget;
    private final StringBuilder text = new StringBuilder(64 * 1024);

    BoundedWriter(Budget budget) {
      this.budget = budget;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      reserve(len);
      text.append(buf, off, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      reserve(len);
      text.append(s, off, off + len);
    }

    @Override
    public void write(int c) throws IOException {
      reserve(1);
      text.append((char) c);
    }

    private void reserve(int len) throws IOException {
      if (budget.failed()) {
        throw new IOException("template stopped");
      }
      if ((long) text.length() + len > budget.outputChars()) {
        budget.fail(
            "its output passed the limit of "
                + budget.outputChars()
                + " characters ("
                + (budget.outputChars() >> 20)
                + " Mi)",
            false);
        throw new IOException("template output limit passed");
      }
      budget.checkTime();
    }

    String text() {
      return text.toString();
    }

    @Override
    public void flush() {
      // in memory
    }

    @Override
    public void close() {
      // in memory
    }
  }
}
