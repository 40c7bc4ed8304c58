package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FolderSourceTest {

  @TempDir Path repo;
  @TempDir Path outside;

  @Test
  void shouldListRegularFilesSortedWithTheirSize() throws IOException {
    Fixtures.write(repo, "roadmap.yaml", "a: 1\n");
    Fixtures.write(repo, "business-cases/b.yaml", "b: 22\n");
    Fixtures.write(repo, "README.md", "text");

    assertThat(new FolderSource(repo, "x").list())
        .containsExactly(
            new RepositorySource.Entry("README.md", RepositorySource.Type.REGULAR, 4),
            new RepositorySource.Entry("business-cases/b.yaml", RepositorySource.Type.REGULAR, 6),
            new RepositorySource.Entry("roadmap.yaml", RepositorySource.Type.REGULAR, 5));
  }

  @Test
  void shouldListASymbolicLinkToAFileAsALinkAndRefuseToReadIt() throws IOException {
    Path secret = Fixtures.write(outside, "secret.yaml", "token: s3cr3t\n");
    Files.createSymbolicLink(repo.resolve("roadmap.yaml"), secret);
    FolderSource source = new FolderSource(repo, "x");

    assertThat(source.list())
        .containsExactly(
            new RepositorySource.Entry(
                "roadmap.yaml", RepositorySource.Type.SYMLINK, source.list().get(0).size()));
    assertThatThrownBy(() -> source.read("roadmap.yaml"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("symbolic link");
  }

  @Test
  void shouldNotTraverseASymbolicLinkToAFolder() throws IOException {
    Fixtures.write(outside, "vendors/v.yaml", "v: 1\n");
    Files.createSymbolicLink(repo.resolve("vendors"), outside.resolve("vendors"));
    Fixtures.write(repo, "roadmap.yaml", "a: 1\n");
    FolderSource source = new FolderSource(repo, "x");

    assertThat(source.list())
        .extracting(RepositorySource.Entry::path)
        .containsExactly("roadmap.yaml", "vendors");
    assertThat(source.list().get(1).type()).isEqualTo(RepositorySource.Type.SYMLINK);
    assertThatThrownBy(() -> source.read("vendors/v.yaml"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("symbolic link");
  }

  @ParameterizedTest(name = "read(\"{0}\") is refused")
  @ValueSource(strings = {"../x", "../outside.yaml", "a/../../x", "sub/../../x", "/etc/passwd"})
  void shouldRefuseToReadOutsideTheRepository(String path) throws IOException {
    Path repoFolder = Files.createDirectories(repo.resolve("repo"));
    Fixtures.write(repo, "x", "x: 1\n");
    Fixtures.write(repo, "outside.yaml", "x: 1\n");
    Files.createDirectories(repoFolder.resolve("sub"));
    FolderSource source = new FolderSource(repoFolder, "x");

    assertThatThrownBy(() -> source.read(path))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("outside the repository");
  }

  @Test
  void shouldRefuseToReadAFolder() throws IOException {
    Files.createDirectories(repo.resolve("assessment"));

    assertThatThrownBy(() -> new FolderSource(repo, "x").read("assessment"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void shouldReadARegularFile() throws IOException {
    Fixtures.write(repo, "use-cases/a.yaml", "status: pilot\n");

    assertThat(new FolderSource(repo, "x").read("use-cases/a.yaml"))
        .isEqualTo("status: pilot\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldSkipGitBuildOutputAndNodeModules() throws IOException {
    Fixtures.write(repo, ".git/config.yaml", "a: 1\n");
    Fixtures.write(repo, "target/classes/x.yaml", "a: 1\n");
    Fixtures.write(repo, "cli/target/y.yaml", "a: 1\n");
    Fixtures.write(repo, "node_modules/pkg/z.yaml", "a: 1\n");
    Fixtures.write(repo, "roadmap.yaml", "a: 1\n");
    Fixtures.write(repo, "targets/kept.yaml", "a: 1\n");

    assertThat(new FolderSource(repo, "x").list())
        .extracting(RepositorySource.Entry::path)
        .containsExactly("roadmap.yaml", "targets/kept.yaml");
  }

  @Test
  void shouldListTheFilesBehindARootThatIsASymbolicLink() throws IOException {
    Path real = Files.createDirectories(outside.resolve("real"));
    Fixtures.write(real, "roadmap.yaml", "a: 1\n");
    Path link = Files.createSymbolicLink(repo.resolve("link"), real);

    assertThat(new FolderSource(link, "x").list())
        .extracting(RepositorySource.Entry::path)
        .containsExactly("roadmap.yaml");
  }

  @Test
  void shouldUseForwardSlashesAndTheGivenLabel() throws IOException {
    Fixtures.write(repo, "a/b/c.yaml", "a: 1\n");
    FolderSource source = new FolderSource(repo.resolve("a/.."), "main");

    assertThat(source.label()).isEqualTo("main");
    assertThat(source.root()).isEqualTo(repo.toAbsolutePath().normalize());
    assertThat(source.list())
        .extracting(RepositorySource.Entry::path)
        .containsExactly("a/b/c.yaml");
  }
}
