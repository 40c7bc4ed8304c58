import io.waymark.jenkins.FindingCounts
import io.waymark.jenkins.StepOptions
import io.waymark.jenkins.WaymarkCommand

/**
 * waymarkValidate: runs `waymark ci`, publishes its JUnit and checkstyle results, archives the
 * output folder and sets the build result from the findings. See waymarkValidate.txt for the options.
 */
def call(Map config = [:]) {
    List<String> known = ['dir', 'out', 'failOn', 'unstableOn', 'failBuild', 'base', 'asOf', 'config',
            'quarter', 'pdf', 'archive', 'publishJunit', 'publishIssues', 'quiet', 'args'] + WaymarkCommand.OPTIONS
    List<String> problems = StepOptions.problems('waymarkValidate', config, known, ['failOn', 'unstableOn'])
    if (problems) {
        error(problems.join('\n'))
    }
    String dir = config.dir ?: '.'
    String out = config.out ?: 'target/waymark'
    String failOn = config.failOn ?: 'error'
    String unstableOn = config.unstableOn ?: 'warning'
    Map waymark = WaymarkCommand.choose(this, config, 'waymarkValidate')
    // A pull-request build (CHANGE_TARGET set) compares with its target branch unless told otherwise.
    def base = config.containsKey('base') ? config.base : (env.CHANGE_TARGET ? "origin/${env.CHANGE_TARGET}" : null)

    // --fail-on failOn: a JUnit test case fails only for what fails the build, so infos and (by
    // default) warnings never show as failed tests; exit 1 means "findings at failOn".
    List args = ['ci', dir, '--out', out, '--fail-on', failOn]
    if (base) {
        args += ['--base', base]
    }
    if (config.asOf) {
        args += ['--as-of', config.asOf]
    }
    if (config.config) {
        args += ['--config', config.config]
    }
    if (config.quarter) {
        args += ['--quarter', config.quarter]
    }
    if (config.containsKey('pdf') && !config.pdf) {
        args += ['--no-pdf']
    }
    if (config.quiet) {
        args += ['--quiet']
    }
    if (config.args) {
        args += config.args
    }

    // The results of an earlier run are deleted first: a run that crashes cannot leave them to be
    // published as its own.
    Map run = WaymarkCommand.run(this, waymark, args, WaymarkCommand.staleResults(out, "${out}/report"))
    if (run.status != 0 && run.status != 1) {
        // 2: usage error, unreadable folder, internal failure (a crash); 127: not installed;
        // anything else: the JVM was killed. Never findings: nothing is published.
        error("waymark failed (exit ${run.status}): ${run.stderr ?: 'see the log above'}")
    }
    String json = "${out}/waymark.json"
    if (!fileExists(json)) {
        error("waymark failed: it wrote no ${json}")
    }
    FindingCounts counts
    try {
        counts = FindingCounts.fromJson(readFile(file: json, encoding: 'UTF-8'))
    } catch (IllegalArgumentException e) {
        error("waymark failed: ${json} has no usable summary (${e.message})")
    }
    // Exit 1 means findings at failOn, exit 0 none: anything else is a run that did not finish
    // the way its results say (such as a crash reported as exit 1), and is not trusted.
    int expected = counts.atOrAbove(failOn) > 0 ? 1 : 0
    if (run.status != expected) {
        error("waymark failed (exit ${run.status}): ${json} says ${counts}, which is exit ${expected} with" +
                " failOn '${failOn}'; the run did not finish normally: ${run.stderr ?: 'see the log above'}")
    }

    if (option(config, 'publishJunit')) {
        // The result is this step's decision (failOn, unstableOn), not the JUnit plugin's.
        junit(testResults: "${out}/waymark-junit.xml", allowEmptyResults: true, skipMarkingBuildUnstable: true)
    }
    if (option(config, 'publishIssues')) {
        publishIssues(out, dir)
    }
    if (option(config, 'archive')) {
        archiveArtifacts(artifacts: "${out}/**", allowEmptyArchive: true, fingerprint: false)
    }

    String result = 'SUCCESS'
    String message = "Waymark: ${counts}"
    if (counts.atOrAbove(failOn) > 0) {
        result = 'FAILURE'
        message += " (fail on ${failOn})"
    } else if (counts.atOrAbove(unstableOn) > 0) {
        result = 'UNSTABLE'
        message += " (unstable on ${unstableOn})"
    }
    if (!config.quiet) {
        echo(message)
    }
    if (result == 'FAILURE') {
        if (option(config, 'failBuild')) {
            error(message)
        }
        currentBuild.result = 'FAILURE'
    } else if (result == 'UNSTABLE') {
        unstable(message)
    }
    return counts.toMap() + [result: result]
}

/** Boolean options that are on unless set to false. */
private boolean option(Map config, String name) {
    return !config.containsKey(name) || (config[name] as boolean)
}

/**
 * recordIssues of Warnings NG with the checkstyle file when the plugin is installed: one clean issue
 * per finding, with its line and column (its SARIF parser would bury each one under the rule's help
 * text). The paths are relative to the repository; the roadmap folder is a source directory too.
 */
private void publishIssues(String out, String dir) {
    String missing = 'waymarkValidate: Warnings NG is not installed; waymark-checkstyle.xml and waymark.sarif are' +
            ' archived but not published'
    try {
        recordIssues(tools: [checkStyle(pattern: "${out}/waymark-checkstyle.xml", id: 'waymark', name: 'Waymark')],
                sourceDirectories: [[path: dir]])
    } catch (NoSuchMethodError e) {
        // What Jenkins throws for a step or symbol whose plugin is not installed.
        if (!WaymarkCommand.isMissingStep(e.message, ['recordIssues', 'checkStyle'])) {
            throw e
        }
        echo(missing)
    } catch (MissingMethodException e) {
        if (!(e.method in ['recordIssues', 'checkStyle'])) {
            throw e
        }
        echo(missing)
    }
}
