package io.waymark.report.template;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of one template run. A repository may override the report templates, so a template is
 * untrusted code: it must not hold a CI agent for longer than {@link #time}, write more than {@link
 * #outputChars} characters, nest macro calls or includes deeper than {@link #depth} instructions,
 * or take the whole stack or heap. A run that passes a bound ends with a {@link TemplateFailure}
 * naming the template, the line and the bound; its output is discarded.
 *
 * @param time the wall-clock budget of one template run
 * @param timeText the budget as the user wrote it ("20s"), for messages
 * @param timeSetting how the user sets it ("--template-timeout"), for messages
 * @param outputChars the most characters one template run may write
 * @param depth the deepest nesting of template instructions (macro calls, includes, blocks)
 * @param stackBytes the stack of the thread a template runs in: deep Java recursion below one
 *     instruction (a recursive function in an expression) ends as a stack overflow of that thread
 */
public record RenderLimits(
    Duration time,
    String timeText,
    String timeSetting,
    long outputChars,
    int depth,
    long stackBytes) {

  /** The default time budget of one template run. */
  public static final Duration DEFAULT_TIME = Duration.ofSeconds(20);

  /** The default budget as written on the command line. */
  public static final String DEFAULT_TIME_TEXT = "20s";

  /** 16 Mi characters: a real QBR is well under 1 MiB. */
  public static final long DEFAULT_OUTPUT_CHARS = 16L << 20;

  /** Real templates nest a few dozen instructions deep. */
  public static final int DEFAULT_DEPTH = 500;

  /** Room for {@link #DEFAULT_DEPTH} levels of the deepest-nesting instructions, with margin. */
  public static final long DEFAULT_STACK_BYTES = 64L << 20;

  public RenderLimits {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(timeText, "timeText");
    Objects.requireNonNull(timeSetting, "timeSetting");
    if (time.isNegative() || time.isZero() || outputChars <= 0 || depth <= 0 || stackBytes <= 0) {
      throw new IllegalArgumentException("render limits must be positive");
    }
  }

  /** 20 s, 16 Mi characters, 500 levels. */
  public static RenderLimits defaults() {
    return new RenderLimits(
        DEFAULT_TIME,
        DEFAULT_TIME_TEXT,
        "--template-timeout",
        DEFAULT_OUTPUT_CHARS,
        DEFAULT_DEPTH,
        DEFAULT_STACK_BYTES);
  }

  /** The same limits with another time budget, written {@code text} by the user. */
  public RenderLimits withTime(Duration t, String text) {
    return new RenderLimits(t, text, timeSetting, outputChars, depth, stackBytes);
  }

  /** The same limits with another output cap (tests). */
  public RenderLimits withOutputChars(long chars) {
    return new RenderLimits(time, timeText, timeSetting, chars, depth, stackBytes);
  }

  /** The same limits with another nesting bound (tests). */
  public RenderLimits withDepth(int levels) {
    return new RenderLimits(time, timeText, timeSetting, outputChars, levels, stackBytes);
  }
}
