package io.waymark.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.jenkins.MockPipeline.PipelineError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: the steps install the release bundle on the agent from a configured URL, verified
 * against its SHA-256 and cached, with a real shell, tar and sha256sum as on a Unix agent.
 */
class BundleInstallerTest {

  private static final String SYSTEM_PATH = "/usr/bin:/bin";

  @TempDir Path temp;

  private Path workspace;
  private Path cache;
  private Path bundle;
  private String sha256;

  /** A bundle whose bin/waymark writes the clean fixture into --out, as the real one would. */
  @BeforeEach
  void bundle() throws Exception {
    workspace = Files.createDirectories(temp.resolve("workspace"));
    cache = temp.resolve("cache");
    Path root = Files.createDirectories(temp.resolve("build/waymark-9.9.9/bin"));
    Files.writeString(root.resolveSibling("VERSION"), "9.9.9\n");
    Path launcher = root.resolve("waymark");
    Files.writeString(
        launcher,
        """
        #!/bin/sh
        out=
        while [ $# -gt 0 ]; do
          if [ "$1" = --out ]; then out=$2; fi
          shift
        done
        mkdir -p "$out" && cp -R '%s'/. "$out"/
        echo "bundled waymark ran"
        """
            .formatted(CliFixtures.folder("clean")));
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    bundle = temp.resolve("waymark-9.9.9.tar.gz");
    Process tar =
        new ProcessBuilder(
                "tar",
                "-czf",
                bundle.toString(),
                "-C",
                temp.resolve("build").toString(),
                "waymark-9.9.9")
            .inheritIO()
            .start();
    assertThat(tar.waitFor()).isZero();
    sha256 = sha256(bundle);
  }

  private MockPipeline pipeline() {
    MockPipeline pipeline = new MockPipeline().realShell(workspace, SYSTEM_PATH);
    pipeline.shellEnvironment.put("WAYMARK_CACHE", cache.toString());
    return pipeline;
  }

  private static Object validate(MockPipeline pipeline, Map<String, Object> config) {
    return pipeline.run("waymarkValidate", new HashMap<>(config));
  }

  @Test
  void shouldInstallTheBundleOnceAndRunTheCachedCopyAfterwards() throws IOException {
    MockPipeline first = pipeline();
    validate(first, Map.of("bundleUrl", bundle.toString(), "sha256", sha256));
    Files.delete(bundle); // the second build must not need the download
    MockPipeline second = pipeline();
    validate(second, Map.of("bundleUrl", "file://" + bundle, "sha256", sha256.toUpperCase()));

    Path installed = cache.resolve("bundles").resolve(sha256).resolve("bin/waymark");
    assertThat(installed).isExecutable();
    for (MockPipeline p : new MockPipeline[] {first, second}) {
      assertThat(p.log)
          .contains("bundled waymark ran")
          .anySatisfy(
              l ->
                  assertThat(l)
                      .contains("running the release bundle")
                      .contains(installed.toString()));
      assertThat(p.result()).isEqualTo("SUCCESS");
    }
  }

  @Test
  void shouldTakeTheUrlAndChecksumFromTheAgentEnvironment() {
    MockPipeline pipeline = pipeline();
    pipeline.env.put("WAYMARK_BUNDLE_URL", bundle.toString());
    pipeline.env.put("WAYMARK_BUNDLE_SHA256", sha256);

    validate(pipeline, Map.of());

    assertThat(pipeline.log).contains("bundled waymark ran");
  }

  @Test
  void shouldRefuseABundleWhoseChecksumDiffers() {
    MockPipeline pipeline = pipeline();
    String wrong = "0".repeat(64);

    assertThatThrownBy(
            () -> validate(pipeline, Map.of("bundleUrl", bundle.toString(), "sha256", wrong)))
        .isInstanceOf(PipelineError.class)
        .hasMessage(
            "waymarkValidate: cannot install Waymark from "
                + bundle
                + ": its SHA-256 is "
                + sha256
                + ", not the configured "
                + wrong
                + "; not installed");
    assertThat(cache.resolve("bundles").resolve(wrong)).doesNotExist();
    assertThat(pipeline.log).doesNotContain("bundled waymark ran");
  }

  @Test
  void shouldRefuseABundleUrlWithoutAChecksum() {
    MockPipeline pipeline = pipeline();

    assertThatThrownBy(() -> validate(pipeline, Map.of("bundleUrl", bundle.toString())))
        .hasMessageStartingWith("waymarkValidate: bundleUrl needs sha256");
    assertThat(cache).doesNotExist();
  }

  @Test
  void shouldRefuseAFileThatIsNotABundle() throws Exception {
    Path other = temp.resolve("other.tar.gz");
    Files.writeString(other, "not a tarball", StandardCharsets.UTF_8);
    MockPipeline pipeline = pipeline();

    assertThatThrownBy(
            () ->
                pipeline.run(
                    "waymarkReport",
                    new HashMap<>(Map.of("bundleUrl", other.toString(), "sha256", sha256(other)))))
        .hasMessageStartingWith("waymarkReport: cannot install Waymark from " + other + ": ")
        .hasMessageContaining("not a .tar.gz bundle");
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      d.update(in.readAllBytes());
    }
    return HexFormat.of().formatHex(d.digest());
  }
}
