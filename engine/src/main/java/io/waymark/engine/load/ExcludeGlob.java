package io.waymark.engine.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * A {@code Config spec.exclude} glob, matched against a repository-relative path in time linear in
 * the path's length (times the glob's): the glob is compiled to a non-deterministic automaton that
 * is simulated state set by state set, so there is no backtracking, and {@code *a*a*a*a*a*a*a*ab}
 * against a long name takes as long as {@code *.yaml}. The syntax is that of {@link
 * java.nio.file.FileSystem#getPathMatcher}: {@code *} any characters but {@code /}, {@code **} any
 * characters, {@code ?} one character but {@code /}, {@code [abc]}, {@code [a-z]}, {@code [!a]},
 * {@code {a,b}} (not nested) and {@code \} to escape the next character.
 */
public final class ExcludeGlob {

  /** A glob that cannot be compiled; the message says what is wrong and where. */
  public static final class InvalidGlobException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidGlobException(String message) {
      super(message);
    }
  }

  private static final int CHAR = 0;
  private static final int ANY_IN_NAME = 1;
  private static final int ANY = 2;
  private static final int CLASS = 3;
  private static final int SPLIT = 4;
  private static final int MATCH = 5;

  /** One automaton state; {@code out2} only for {@link #SPLIT}. */
  private static final class State {
    final int type;
    final char c;
    final CharClass chars;
    int out1 = -1;
    int out2 = -1;

    State(int type, char c, CharClass chars) {
      this.type = type;
      this.c = c;
      this.chars = chars;
    }
  }

  /** A bracket expression: ranges, possibly negated; never matches {@code /}. */
  private record CharClass(List<char[]> ranges, boolean negated) {
    boolean matches(char c) {
      if (c == '/') {
        return false;
      }
      boolean in = false;
      for (char[] r : ranges) {
        if (c >= r[0] && c <= r[1]) {
          in = true;
          break;
        }
      }
      return in != negated;
    }
  }

  private final String glob;
  private final List<State> states = new ArrayList<>();
  private final int start;

  private ExcludeGlob(String glob) throws InvalidGlobException {
    this.glob = glob;
    Parser parser = new Parser(glob);
    List<Object> tokens = parser.sequence(false);
    states.add(new State(MATCH, '\0', null));
    this.start = compile(tokens, 0);
  }

  /** Compiles a glob, or says why it is not one. */
  public static ExcludeGlob compile(String glob) throws InvalidGlobException {
    return new ExcludeGlob(glob);
  }

  public String glob() {
    return glob;
  }

  /** True when the whole path (with {@code /} separators) matches. */
  public boolean matches(String path) {
    BitSet current = new BitSet(states.size());
    addClosure(current, start);
    for (int i = 0; i < path.length() && !current.isEmpty(); i++) {
      char c = path.charAt(i);
      BitSet next = new BitSet(states.size());
      for (int s = current.nextSetBit(0); s >= 0; s = current.nextSetBit(s + 1)) {
        State state = states.get(s);
        boolean step =
            switch (state.type) {
              case CHAR -> state.c == c;
              case ANY_IN_NAME -> c != '/';
              case ANY -> true;
              case CLASS -> state.chars.matches(c);
              default -> false;
            };
        if (step) {
          addClosure(next, state.out1);
        }
      }
      current = next;
    }
    return current.get(0);
  }

  /** Adds a state and every state reachable from it without reading a character. */
  private void addClosure(BitSet set, int from) {
    Deque<Integer> todo = new ArrayDeque<>();
    todo.push(from);
    while (!todo.isEmpty()) {
      int s = todo.pop();
      if (set.get(s)) {
        continue;
      }
      set.set(s);
      State state = states.get(s);
      if (state.type == SPLIT) {
        todo.push(state.out2);
        todo.push(state.out1);
      }
    }
  }

  // ---------------------------------------------------------------- compiling

  private int add(State s) {
    states.add(s);
    return states.size() - 1;
  }

  /** Compiles tokens back to front, each leading to {@code next}; returns the first state. */
  @SuppressWarnings("unchecked")
  private int compile(List<Object> tokens, int next) {
    int current = next;
    for (int i = tokens.size() - 1; i >= 0; i--) {
      Object t = tokens.get(i);
      if (t instanceof Character c) {
        State s = new State(CHAR, c, null);
        s.out1 = current;
        current = add(s);
      } else if (t instanceof CharClass cc) {
        State s = new State(CLASS, '\0', cc);
        s.out1 = current;
        current = add(s);
      } else if (t == Parser.QUESTION) {
        State s = new State(ANY_IN_NAME, '\0', null);
        s.out1 = current;
        current = add(s);
      } else if (t == Parser.STAR || t == Parser.DOUBLE_STAR) {
        State loop = new State(SPLIT, '\0', null);
        int loopIndex = add(loop);
        State any = new State(t == Parser.STAR ? ANY_IN_NAME : ANY, '\0', null);
        any.out1 = loopIndex;
        loop.out1 = add(any);
        loop.out2 = current;
        current = loopIndex;
      } else {
        List<List<Object>> alternatives = (List<List<Object>>) t;
        int chain = compile(alternatives.get(alternatives.size() - 1), current);
        for (int k = alternatives.size() - 2; k >= 0; k--) {
          State split = new State(SPLIT, '\0', null);
          split.out1 = compile(alternatives.get(k), current);
          split.out2 = chain;
          chain = add(split);
        }
        current = chain;
      }
    }
    return current;
  }

  /** Reads a glob into tokens: characters, classes, wildcards and groups of alternatives. */
  private static final class Parser {
    static final Object STAR = new Object();
    static final Object DOUBLE_STAR = new Object();
    static final Object QUESTION = new Object();

    private final String glob;
    private int p;

    Parser(String glob) {
      this.glob = glob;
    }

    /** Tokens up to the end, or (inside a group) up to ',' or '}'. */
    List<Object> sequence(boolean inGroup) throws InvalidGlobException {
      List<Object> out = new ArrayList<>();
      while (p < glob.length()) {
        char c = glob.charAt(p);
        if (inGroup && (c == ',' || c == '}')) {
          return out;
        }
        p++;
        switch (c) {
          case '\\' -> out.add(escaped());
          case '*' -> {
            if (p < glob.length() && glob.charAt(p) == '*') {
              p++;
              out.add(DOUBLE_STAR);
            } else {
              out.add(STAR);
            }
          }
          case '?' -> out.add(QUESTION);
          case '[' -> out.add(charClass());
          case '{' -> {
            if (inGroup) {
              throw invalid("groups { } cannot be nested", p - 1);
            }
            out.add(group());
          }
          default -> out.add(c);
        }
      }
      if (inGroup) {
        throw invalid("missing '}' to close the group", glob.length());
      }
      return out;
    }

    private char escaped() throws InvalidGlobException {
      if (p >= glob.length()) {
        throw invalid("'\\' at the end escapes nothing", p - 1);
      }
      return glob.charAt(p++);
    }

    private List<List<Object>> group() throws InvalidGlobException {
      List<List<Object>> alternatives = new ArrayList<>();
      while (true) {
        alternatives.add(sequence(true));
        if (p >= glob.length()) {
          throw invalid("missing '}' to close the group", glob.length());
        }
        char c = glob.charAt(p++);
        if (c == '}') {
          return alternatives;
        }
      }
    }

    private CharClass charClass() throws InvalidGlobException {
      int open = p - 1;
      boolean negated = false;
      if (p < glob.length() && glob.charAt(p) == '!') {
        negated = true;
        p++;
      }
      List<char[]> ranges = new ArrayList<>();
      boolean first = true;
      while (true) {
        if (p >= glob.length()) {
          throw invalid("missing ']' to close the '['", open);
        }
        char c = glob.charAt(p++);
        if (c == ']' && !first) {
          break;
        }
        first = false;
        if (c == '\\') {
          c = escaped();
        }
        if (c == '/') {
          throw invalid("'/' cannot be inside [ ]", p - 1);
        }
        char to = c;
        if (p + 1 < glob.length() && glob.charAt(p) == '-' && glob.charAt(p + 1) != ']') {
          p++;
          to = glob.charAt(p++);
          if (to == '\\') {
            to = escaped();
          }
          if (to < c) {
            throw invalid("range " + c + "-" + to + " is backwards", p - 1);
          }
        }
        ranges.add(new char[] {c, to});
      }
      return new CharClass(ranges, negated);
    }

    private InvalidGlobException invalid(String what, int at) {
      return new InvalidGlobException(what + " (at character " + (at + 1) + ")");
    }
  }
}
