/**
 * The Maven plugin: {@code waymark:validate} and {@code waymark:report}, bound to {@code verify}.
 * Each goal runs one {@code waymark} command line in-process ({@code ci} and {@code report}), logs
 * its output through Maven, and maps the exit code to the build result: 1 (findings at or above
 * {@code failOn}) to a build failure, 2 (usage error, unreadable folder, internal failure) to a
 * build error.
 */
package io.waymark.maven;
