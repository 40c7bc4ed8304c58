package io.waymark.engine.load;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Lists folders as the file system does, but a folder named {@code locked} fails with "permission
 * denied" after {@code entries} entries, as {@code /proc/1/map_files} does part-way (root cannot
 * make an ordinary folder unreadable).
 */
final class FailingListing {

  private FailingListing() {}

  static FolderWalk.Opener after(int entries) {
    return dir -> {
      DirectoryStream<Path> real = Files.newDirectoryStream(dir);
      if (!dir.getFileName().toString().equals("locked")) {
        return real;
      }
      List<Path> listed = new ArrayList<>();
      try (real) {
        real.forEach(listed::add);
      }
      listed.sort(null);
      return new DirectoryStream<>() {
        @Override
        public Iterator<Path> iterator() {
          return new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
              if (next >= entries) {
                throw new DirectoryIteratorException(new AccessDeniedException(dir.toString()));
              }
              return next < listed.size();
            }

            @Override
            public Path next() {
              if (!hasNext()) {
                throw new NoSuchElementException();
              }
              return listed.get(next++);
            }
          };
        }

        @Override
        public void close() throws IOException {}
      };
    };
  }
}
