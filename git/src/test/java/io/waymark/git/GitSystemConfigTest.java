package io.waymark.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system configuration the pre-commit hook hands over ({@value GitSystemConfig#VARIABLE}) is
 * the file JGit reads; an empty value is none; no value leaves JGit to ask Git, as before.
 */
class GitSystemConfigTest {

  @Test
  void shouldReadTheVariableOnlyWhenItIsSet() {
    assertThat(GitSystemConfig.given(Map.of())).isEmpty();
    assertThat(GitSystemConfig.given(Map.of("GIT_CONFIG_SYSTEM", "/etc/gitconfig"))).isEmpty();
    assertThat(GitSystemConfig.given(Map.of(GitSystemConfig.VARIABLE, ""))).hasValue("");
    assertThat(GitSystemConfig.given(Map.of(GitSystemConfig.VARIABLE, "/etc/gitconfig")))
        .hasValue("/etc/gitconfig");
  }

  @Test
  void shouldMakeJGitReadTheFileItNames(@TempDir Path tmp) throws Exception {
    Path system = Files.writeString(tmp.resolve("gitconfig"), "[diff]\n\trenameLimit = 123\n");
    FS fs = GitSystemConfig.use(FS.DETECTED.newInstance(), system.toString());

    assertThat(fs.getGitSystemConfig()).isEqualTo(system.toFile());
    FileBasedConfig config = new FileBasedConfig(fs.getGitSystemConfig(), fs);
    config.load();
    assertThat(config.getInt("diff", "renameLimit", 0)).isEqualTo(123);
  }

  @Test
  void shouldGiveJGitNoSystemConfigurationForAnEmptyValue() {
    FS fs = GitSystemConfig.use(FS.DETECTED.newInstance(), "");

    assertThat(fs.getGitSystemConfig()).isNull();
    assertThat(GitSystemConfig.file("")).isEmpty();
    assertThat(GitSystemConfig.file("/etc/gitconfig")).hasValue(new File("/etc/gitconfig"));
  }
}
