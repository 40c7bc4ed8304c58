/**
 * Finding and reading the files of a roadmap repository (a folder or a Git revision through {@link
 * io.waymark.engine.load.RepositorySource}): excludes, symbolic links never followed, envelope and
 * kind, schema check, typed model. One bad file yields findings for that file only.
 */
package io.waymark.engine.load;
