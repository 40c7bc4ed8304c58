// The build passed, the result files of `waymark ci` are in target/waymark, and the log shows
// the findings (warnings only) with their place and the summary.
def out = new File(basedir, 'target/waymark')
['waymark.json', 'waymark-junit.xml', 'waymark.sarif', 'waymark-checkstyle.xml',
 'waymark-gitlab.json', 'waymark.txt'].each { name ->
    assert new File(out, name).isFile() : "missing target/waymark/${name}"
}
def junit = new File(out, 'waymark-junit.xml').getText('UTF-8')
assert junit.contains('<testsuite')
assert !junit.contains('<failure') : 'a roadmap without errors must have no failing test case'

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('--- waymark-maven-plugin:')
assert log.contains(':validate (default) @ valid-roadmap ---')
assert log =~ /\[WARNING\] roadmap\.yaml:\d+:\d+ \[pitfall-no-metrics\] initiative 'automate-ingest'/
assert log =~ /0 errors, \d+ warnings?, \d+ infos? in 2 documents \(as of 2027-02-15\)/
assert log.contains("results in target/waymark")
assert log.contains('BUILD SUCCESS')
return true
