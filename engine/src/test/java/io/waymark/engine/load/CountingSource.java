package io.waymark.engine.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A folder as the loader sees it, counting the files read but the Config file (a load with a cache
 * reads that once more). A subclass may give other content ({@link #bytes}) and stamps.
 */
class CountingSource implements RepositorySource {
  final FolderSource source;
  final AtomicInteger reads = new AtomicInteger();

  CountingSource(Path root) {
    source = new FolderSource(root, "x");
  }

  @Override
  public String label() {
    return source.label();
  }

  @Override
  public List<Entry> list() throws IOException {
    return source.list();
  }

  @Override
  public List<Entry> list(int many, Runnable whenMany) throws IOException {
    return source.list(many, whenMany);
  }

  @Override
  public byte[] read(String path) throws IOException {
    if (!path.equals(Loader.CONFIG_FILE)) {
      reads.incrementAndGet();
    }
    return bytes(path);
  }

  /** The content of a file, once counted. */
  byte[] bytes(String path) throws IOException {
    return source.read(path);
  }

  @Override
  public String stamp(String path) {
    return source.stamp(path);
  }
}
