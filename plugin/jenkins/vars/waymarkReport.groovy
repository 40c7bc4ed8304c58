import io.waymark.jenkins.StepOptions
import io.waymark.jenkins.WaymarkCommand

/**
 * waymarkReport: runs `waymark report` into <out>/report, archives the quarterly business review
 * and the dashboard, and links them from the build with HTML Publisher when it is installed.
 * See waymarkReport.txt for the options.
 */
def call(Map config = [:]) {
    List<String> known = ['dir', 'out', 'quarter', 'asOf', 'config', 'pdf', 'archive', 'publishHtml',
            'quiet', 'args'] + WaymarkCommand.OPTIONS
    List<String> problems = StepOptions.problems('waymarkReport', config, known, [])
    if (problems) {
        error(problems.join('\n'))
    }
    String dir = config.dir ?: '.'
    String out = config.out ?: 'target/waymark'
    String reportDir = "${out}/report"
    Map waymark = WaymarkCommand.choose(this, config, 'waymarkReport')

    List args = ['report', dir, '--out', reportDir]
    if (config.quarter) {
        args += ['--quarter', config.quarter]
    }
    if (config.asOf) {
        args += ['--as-of', config.asOf]
    }
    if (config.config) {
        args += ['--config', config.config]
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

    // The reports of an earlier run are deleted first, so that a failed run cannot archive them.
    Map run = WaymarkCommand.run(this, waymark, args, WaymarkCommand.staleResults(null, reportDir))
    if (run.status != 0) {
        error("waymark report failed (exit ${run.status}): ${run.stderr ?: 'see the log above'}")
    }
    if (option(config, 'archive')) {
        archiveArtifacts(artifacts: "${reportDir}/**", allowEmptyArchive: true, fingerprint: false)
    }
    if (option(config, 'publishHtml')) {
        publishReport(reportDir)
    }
    return [reportDir: reportDir]
}

/** Boolean options that are on unless set to false. */
private boolean option(Map config, String name) {
    return !config.containsKey(name) || (config[name] as boolean)
}

/** A "Waymark QBR" link on the job and the build (HTML Publisher); without the plugin the archive is enough. */
private void publishReport(String reportDir) {
    Map target = [reportDir: reportDir, reportFiles: 'dashboard.html,qbr-*.html', reportName: 'Waymark QBR',
            keepAll: true, alwaysLinkToLastBuild: true, allowMissing: false]
    try {
        publishHTML(target: target)
    } catch (NoSuchMethodError e) {
        // What Jenkins throws for a step whose plugin is not installed.
        if (!WaymarkCommand.isMissingStep(e.message, ['publishHTML'])) {
            throw e
        }
        echo("waymarkReport: HTML Publisher is not installed; the reports are archived under ${reportDir}")
    } catch (MissingMethodException e) {
        if (e.method != 'publishHTML') {
            throw e
        }
        echo("waymarkReport: HTML Publisher is not installed; the reports are archived under ${reportDir}")
    }
}
