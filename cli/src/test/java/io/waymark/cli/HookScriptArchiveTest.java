package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hook maps the class-data sharing archive of the Waymark that installed it (the launcher's),
 * and only while the archive is still there: a missing archive leaves the JVM to start without. It
 * starts the JVM with the launcher's flags.
 */
class HookScriptArchiveTest {

  @Test
  void shouldRecordTheInstallersArchiveAndUseItOnlyWhenItExists() {
    String script =
        HookScript.text(
            "ai-roadmap",
            Optional.of(
                new HookScript.Installer(
                    "/opt/jdk/bin/java",
                    "/opt/w/waymark.jar",
                    "/opt/w/waymark.jar",
                    "/opt/w/w.jsa")));

    assertThat(script)
        .contains("installed_archive='/opt/w/w.jsa'")
        .contains("[ -f \"$installed_archive\" ]")
        .contains("-XX:SharedArchiveFile=\"$installed_archive\" -Xshare:auto")
        .contains(
            "\"$installed_java\" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn32m -Xss8m \"$@\"");
  }

  @Test
  void shouldWriteNoArchiveWhenTheInstallerHadNone() {
    String script =
        HookScript.text(
            ".",
            Optional.of(
                new HookScript.Installer("/opt/jdk/bin/java", "/opt/w/w.jar", "/opt/w/w.jar")));

    assertThat(script).contains("installed_archive=''");
  }
}
