package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GitlabOutputTest {

  @TempDir Path tmp;

  @Test
  void shouldWriteOneCodeQualityIssuePerFinding() {
    KnownFindings repo = KnownFindings.create(tmp);

    Cli cli = Cli.run("validate", repo.dir().toString(), "--format", "gitlab");
    JsonNode findings =
        JsonMapper.builder()
            .build()
            .readTree(Cli.run("validate", repo.dir().toString(), "--format", "json").out())
            .get("findings");

    assertThat(cli.code()).isEqualTo(1);
    JsonNode issues = JsonMapper.builder().build().readTree(cli.out());
    assertThat(issues.isArray()).isTrue();
    assertThat(issues.size()).isEqualTo(7);
    List<String> severities = new ArrayList<>();
    for (int i = 0; i < issues.size(); i++) {
      JsonNode issue = issues.get(i);
      JsonNode f = findings.get(i);
      assertThat(issue.get("check_name").asString()).isEqualTo(f.get("rule").asString());
      assertThat(issue.get("description").asString()).isEqualTo(f.get("message").asString());
      assertThat(issue.get("fingerprint").asString()).isEqualTo(f.get("fingerprint").asString());
      assertThat(issue.get("location").get("path").asString()).isEqualTo(f.get("file").asString());
      assertThat(issue.get("location").get("lines").get("begin").asInt())
          .isEqualTo(f.get("line").asInt());
      severities.add(issue.get("severity").asString());
    }
    assertThat(severities)
        .containsExactly("minor", "major", "major", "info", "info", "major", "major");
    JsonNode mismatch = issues.get(5);
    assertThat(mismatch.get("check_name").asString()).isEqualTo("vendor-decision-mismatch");
    assertThat(mismatch.get("location").get("path").asString()).isEqualTo(KnownFindings.GPU);
    assertThat(mismatch.get("location").get("lines").get("begin").asInt())
        .isEqualTo(repo.decisionLine());
    assertThat(mismatch.get("content").get("body").asString())
        .startsWith("Set 'decision: diligence'");
    assertThat(cli.out()).doesNotContain(KnownFindings.SCRATCH);
  }

  @Test
  void shouldWriteAnEmptyArrayForTheCleanExample() {
    Cli cli = Cli.run("validate", GitWorkTree.EXAMPLE.toString(), "--format", "gitlab");

    assertThat(cli.code()).isZero();
    assertThat(JsonMapper.builder().build().readTree(cli.out()).isEmpty()).isTrue();
  }
}
