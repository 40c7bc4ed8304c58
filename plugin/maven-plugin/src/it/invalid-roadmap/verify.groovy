// The build failed because of the schema error, and the log says which rule, file and line.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("[ERROR] roadmap.yaml:65:19 [schema] /spec/phases/1/milestones/0/status: 'finished' is not one of")
assert log.contains('Waymark found 1 error (the build fails on error and above): see target/waymark/waymark.txt')
assert log.contains('BUILD FAILURE')
// The result files are written before the build fails, for the CI server to pick up.
def junit = new File(basedir, 'target/waymark/waymark-junit.xml')
assert junit.isFile()
assert junit.getText('UTF-8').contains('<failure')
return true
