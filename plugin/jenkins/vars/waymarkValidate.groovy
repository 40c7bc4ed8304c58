import io.waymark.jenkins.FindingCounts
import io.waymark.jenkins.StepOptions
import io.waymark.jenkins.WaymarkCommand

/**
 * waymarkValidate: runs `waymark ci`, publishes its JUnit and SARIF results, archives the output
 * folder and sets the build result from the findings. See waymarkValidate.txt for the options.
 */
def call(Map config = [:]) {
    List<String> known = ['dir', 'out', 'failOn', 'unstableOn', 'failBuild', 'command', 'base', 'asOf', 'config',
            'quarter', 'pdf', 'archive', 'publishJunit', 'publishSarif', 'quiet', 'args']
    List<String> problems = StepOptions.problems('waymarkValidate', config, known, ['failOn', 'unstableOn'])
    if (problems) {
        error(problems.join('\n'))
    }
    String dir = config.dir ?: '.'
    String out = config.out ?: 'target/waymark'
    String failOn = config.failOn ?: 'error'
    String unstableOn = config.unstableOn ?: 'warning'
    String command = config.command ?: WaymarkCommand.defaultCommand(this)
    // A pull-request build (CHANGE_TARGET set) compares with its target branch unless told otherwise.
    def base = config.containsKey('base') ? config.base : (env.CHANGE_TARGET ? "origin/${env.CHANGE_TARGET}" : null)

    // --fail-on info: exit 1 just means "there are findings"; this step decides the result below.
    List args = ['ci', dir, '--out', out, '--fail-on', 'info']
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

    Map run = WaymarkCommand.run(this, command, args)
    if (run.status != 0 && run.status != 1) {
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

    if (option(config, 'publishJunit')) {
        // The result is this step's decision (failOn, unstableOn), not the JUnit plugin's.
        junit(testResults: "${out}/waymark-junit.xml", allowEmptyResults: true, skipMarkingBuildUnstable: true)
    }
    if (option(config, 'publishSarif')) {
        publishSarif(out)
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

/** recordIssues of Warnings NG when it is installed; without it the SARIF file is only archived. */
private void publishSarif(String out) {
    try {
        recordIssues(tool: sarif(pattern: "${out}/waymark.sarif", id: 'waymark', name: 'Waymark'))
    } catch (NoSuchMethodError e) {
        // What Jenkins throws for a step or symbol whose plugin is not installed.
        if (!WaymarkCommand.isMissingStep(e.message, ['recordIssues', 'sarif'])) {
            throw e
        }
        echo('waymarkValidate: Warnings NG is not installed; waymark.sarif is archived but not published')
    } catch (MissingMethodException e) {
        if (!(e.method in ['recordIssues', 'sarif'])) {
            throw e
        }
        echo('waymarkValidate: Warnings NG is not installed; waymark.sarif is archived but not published')
    }
}
