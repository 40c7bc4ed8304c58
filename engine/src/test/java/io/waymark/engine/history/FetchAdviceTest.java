package io.waymark.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.history.FetchAdvice.Server;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FetchAdviceTest {

  @Test
  void shouldTellTheCiServerFromItsEnvironment() {
    assertThat(FetchAdvice.detect(Map.of("GITHUB_ACTIONS", "true")))
        .isEqualTo(Server.GITHUB_ACTIONS);
    assertThat(FetchAdvice.detect(Map.of("GITLAB_CI", "true"))).isEqualTo(Server.GITLAB_CI);
    assertThat(FetchAdvice.detect(Map.of("JENKINS_URL", "https://ci.example/")))
        .isEqualTo(Server.JENKINS);
    assertThat(FetchAdvice.detect(Map.of("CI", "true"))).isEqualTo(Server.UNKNOWN);
  }

  @Test
  void shouldGiveTheUnshallowStepOfThatServer() {
    assertThat(FetchAdvice.unshallow(Server.GITHUB_ACTIONS)).contains("`fetch-depth: 0`");
    assertThat(FetchAdvice.unshallow(Server.GITLAB_CI)).contains("`GIT_DEPTH: 0`");
    assertThat(FetchAdvice.unshallow(Server.JENKINS))
        .contains("'Shallow clone'")
        .contains("cloneOption(shallow: false)");
    assertThat(FetchAdvice.unshallow(Server.UNKNOWN))
        .contains("git fetch --unshallow")
        .contains("fetch-depth: 0")
        .contains("GIT_DEPTH: 0");
  }
}
