package io.waymark.cli;

/**
 * The tag of the CLI test classes that run what depends on the platform's locale: file names
 * decoded from their bytes, files and reports written or read, the language server's and the hook's
 * streams, Git paths. cli/pom.xml runs these classes a second time under {@code LC_ALL=C}
 * (execution {@code c-locale}), where Java 17 defaults its charset and its file-name encoding to
 * ASCII, so a text written or read in the platform's default charset instead of UTF-8 fails there.
 * Tag a new test class (or method) with it when it covers such code; a class whose other tests
 * check limits, timing or arithmetic tags only its tests of such code.
 */
final class LocaleSensitive {

  static final String TAG = "locale-sensitive";

  private LocaleSensitive() {}
}
