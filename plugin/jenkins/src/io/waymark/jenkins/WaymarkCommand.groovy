package io.waymark.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * Runs one waymark command from a pipeline: through sh on Unix agents and bat on Windows agents,
 * with its stderr kept in a file so that a failing step can repeat the CLI's own message.
 * Written for the Groovy of Jenkins (2.4): no lambdas, no var.
 *
 * Which Waymark runs is a trust decision: the workspace holds the change being built, so a file
 * named waymark in it is never run unless the Jenkinsfile says so (useWorkspaceLauncher: true, for
 * the Waymark repository itself). Otherwise the step runs the configured command, a Jenkins tool
 * installation, the release bundle downloaded from a configured URL (checksum-verified and cached:
 * BundleInstaller), or the waymark on the agent's PATH, refusing one that lies inside the workspace.
 */
class WaymarkCommand implements Serializable {

    private static final long serialVersionUID = 1L

    /** Characters that need no quoting in either shell; anything else is quoted. */
    private static final String PLAIN = /[A-Za-z0-9_.\/:=@+,-]+/

    /** The options that choose which Waymark runs; every step knows them. */
    static final List<String> OPTIONS = ['command', 'tool', 'useWorkspaceLauncher'] + BundleInstaller.OPTIONS

    /**
     * Which Waymark the step runs: {@code [command: text, lookup: true when it is looked up on the
     * PATH by the script, origin: where it comes from, for the log]}. Says in the log which one it
     * is, and that a launcher in the workspace is ignored.
     */
    static Map choose(def steps, Map config, String step) {
        boolean unix = steps.isUnix()
        if (config.command) {
            return [command: String.valueOf(config.command), lookup: false,
                    origin: "the command option (${config.command})"]
        }
        if (config.tool) {
            return fromTool(steps, String.valueOf(config.tool), unix, step)
        }
        Map bundle = BundleInstaller.configured(steps, config)
        if (bundle != null) {
            String launcher = BundleInstaller.install(steps, bundle, step)
            return [command: shQuote(launcher), lookup: false,
                    origin: "the release bundle ${bundle.url} (SHA-256 verified, cached as ${launcher})"]
        }
        if (config.useWorkspaceLauncher) {
            if (!unix) {
                steps.error("${step}: useWorkspaceLauncher needs a Unix agent: ./waymark is a bash script")
            }
            return [command: './waymark', lookup: false,
                    origin: "the workspace's own launcher ./waymark (useWorkspaceLauncher: true)"]
        }
        if (steps.fileExists('waymark') || steps.fileExists('waymark.cmd') || steps.fileExists('waymark.bat')) {
            steps.echo("${step}: the workspace has a file named waymark; it is not run, since it comes with the " +
                    'change being built (useWorkspaceLauncher: true runs it, for the Waymark repository itself)')
        }
        return [command: 'waymark', lookup: true, origin: "the installed waymark on the agent's PATH"]
    }

    /**
     * The Waymark of a Jenkins tool installation, by what its home folder holds: the release
     * bundle's launcher bin/waymark, run with bash whether or not it kept its executable bit
     * (bin\waymark.cmd on Windows), which picks the JVM options and the class-data archive; else the bundle's lib/waymark.jar, run with java; else a waymark.jar
     * directly in the home folder. Fails the step, naming the paths it looked at, when there is none.
     */
    static Map fromTool(def steps, String name, boolean unix, String step) {
        String home = String.valueOf(steps.tool(name))
        List<String> candidates = toolCandidates(home, unix)
        // No loop over the paths: a CPS pipeline keeps its locals serialisable between steps.
        String launcher = candidates[0]
        if (steps.fileExists(launcher)) {
            // Through bash, the interpreter its first line names: a bundle unpacked by a tool that
            // drops file modes (some .zip extractors) leaves bin/waymark without its executable
            // bit, and running it directly would fail with exit 126.
            return [command: unix ? "bash ${shQuote(launcher)}".toString() : batCallQuote(launcher), lookup: false,
                    origin: "the tool installation '${name}' (${launcher})"]
        }
        String jar = steps.fileExists(candidates[1]) ? candidates[1]
                : (steps.fileExists(candidates[2]) ? candidates[2] : null)
        if (jar != null) {
            return [command: "java -jar ${unix ? shQuote(jar) : batCallQuote(jar)}", lookup: false,
                    origin: "the tool installation '${name}' (${jar})"]
        }
        String separator = unix ? '/' : '\\'
        steps.error("${step}: the tool installation '${name}' holds no Waymark on this agent: none of" +
                " ${candidates.join(', ')} exists. Set its home folder (Manage Jenkins > Tools) to the unpacked" +
                " release bundle, the waymark-VERSION folder that holds bin${separator} and lib${separator}," +
                ' or name Waymark with the command option instead of tool (see docs/jenkins.md)' +
                (home.toLowerCase().endsWith('.jar') ? "; its home, ${home}, names a jar file: set the home" +
                        ' to the folder that holds it' : ''))
        return null
    }

    /**
     * Where a tool installation's home may hold Waymark, in the order they are tried: the
     * bundle's launcher, the bundle's jar, a jar directly in the home folder.
     */
    @NonCPS
    static List<String> toolCandidates(String home, boolean unix) {
        String base = home
        while (base.length() > 1 && (base.endsWith('/') || base.endsWith('\\'))) {
            base = base.substring(0, base.length() - 1)
        }
        if (unix) {
            return ["${base}/bin/waymark", "${base}/lib/waymark.jar", "${base}/waymark.jar"]*.toString()
        }
        return ["${base}\\bin\\waymark.cmd", "${base}\\lib\\waymark.jar", "${base}\\waymark.jar"]*.toString()
    }

    /**
     * Runs {@code waymark args} as chosen by {@link #choose} on the agent, after deleting
     * {@code stale} (the files an earlier run wrote, so that they cannot pass for this run's), and
     * returns {@code [status: exit code, stderr: text]}; stderr is read only when the exit code is
     * not 0 (it is printed to the build log either way).
     */
    static Map run(def steps, Map chosen, List args, List<String> stale) {
        boolean unix = steps.isUnix()
        String stderrFile = "${steps.pwd(tmp: true)}/waymark-stderr.txt"
        steps.echo("Waymark: running ${chosen.origin}")
        String text = script(unix, chosen.command as String, args, stderrFile, chosen.lookup as boolean, stale)
        int status = unix ? steps.sh(script: text, returnStatus: true) : steps.bat(script: text, returnStatus: true)
        String stderr = ''
        if (status != 0 && steps.fileExists(stderrFile)) {
            stderr = steps.readFile(file: stderrFile, encoding: 'UTF-8').trim()
        }
        return [status: status, stderr: stderr]
    }

    /**
     * The script text. The command is used as given (it may be several words, such as
     * {@code java -jar waymark.jar}); every argument is quoted when it needs it. With
     * {@code lookup}, the command is looked up on the PATH first: the script prints the absolute
     * path it runs, and refuses a relative one or one inside the workspace. Every path in
     * {@code stale} is deleted first; its last segment may hold * wildcards.
     */
    @NonCPS
    static String script(boolean unix, String command, List args, String stderrFile, boolean lookup,
            List<String> stale) {
        if (unix) {
            String err = shQuote(stderrFile)
            StringBuilder text = new StringBuilder('status=0\n')
            if (stale) {
                text << "rm -f -- ${stale.collect { shGlob(String.valueOf(it)) }.join(' ')}\n"
            }
            String run = command
            if (lookup) {
                // sh runs with -e: every command that may fail is guarded.
                text << "waymark=\$(command -v ${shQuote(command)}) || waymark=\n"
                text << 'case $waymark in\n'
                text << '  /*) ;;\n'
                text << "  '') echo \"waymark: no ${command} on the PATH of this agent: install Waymark on the agent, or name it" +
                        " with the command or tool option (see docs/jenkins.md)\" >${err}; cat ${err} >&2; exit 127 ;;\n"
                text << "  *) echo \"waymark: the ${command} on the PATH is \$waymark, a relative path into the workspace;" +
                        " it is not run: install Waymark outside the workspace\" >${err}; cat ${err} >&2; exit 2 ;;\n"
                text << 'esac\n'
                text << 'case $waymark in\n'
                text << "  \"\${WORKSPACE:-\$PWD}\"/* | \"\$PWD\"/*) echo \"waymark: the ${command} on the PATH, \$waymark," +
                        " is inside the workspace, which the change being built controls; it is not run: install" +
                        " Waymark outside the workspace\" >${err}; cat ${err} >&2; exit 2 ;;\n"
                text << 'esac\n'
                text << 'echo "Waymark: running $waymark"\n'
                run = '"$waymark"'
            }
            // '|| status=$?' keeps the exit code and still gets to print stderr;
            // '|| true' keeps a missing stderr file from replacing that exit code with cat's.
            text << "${run} ${args.collect { shQuote(String.valueOf(it)) }.join(' ')} 2>${err} || status=\$?\n"
            text << "cat ${err} >&2 || true\n"
            text << 'exit $status\n'
            return text.toString()
        }
        // cmd.exe looks in the current folder, the workspace, before the PATH unless told not to:
        // for waymark, and for the java that a tool's jar and the bundle's waymark.cmd run.
        StringBuilder text = new StringBuilder('set NoDefaultCurrentDirectoryInExePath=1\n')
        for (String path : stale) {
            text << "if exist ${batQuote(path.replace('/', '\\'))} del /f /q ${batQuote(path.replace('/', '\\'))}\n"
        }
        // call: the command may be a .bat or .cmd file, which would otherwise never return here.
        String call = "call ${command} ${args.collect { batCallQuote(String.valueOf(it)) }.join(' ')} 2>${batQuote(stderrFile)}\n"
        if (call.contains(CARET)) {
            // The caret that batCallQuote writes as %%WAYMARK_CARET%% (in quotes, a set line
            // keeps it as it is).
            text << 'set "WAYMARK_CARET=^"\n'
        }
        text << call
        text << 'set WAYMARK_STATUS=%ERRORLEVEL%\n'
        text << "type ${batQuote(stderrFile)} 1>&2\n"
        text << 'exit /b %WAYMARK_STATUS%\n'
        return text.toString()
    }

    /**
     * The files of an earlier run in {@code out} (the stable names of waymark ci, and the reports
     * in {@code reportDir} when it is given), to delete before running.
     */
    @NonCPS
    static List<String> staleResults(String out, String reportDir) {
        List<String> files = []
        if (out != null) {
            for (String name : ['waymark.json', 'waymark-junit.xml', 'waymark.sarif', 'waymark-checkstyle.xml',
                    'waymark-gitlab.json', 'waymark.txt']) {
                files << "${out}/${name}".toString()
            }
        }
        if (reportDir != null) {
            for (String name : ['qbr-*.html', 'qbr-*.pdf', 'qbr-*.md', 'dashboard.html', 'waymark.css']) {
                files << "${reportDir}/${name}".toString()
            }
        }
        return files
    }

    @NonCPS
    static String shQuote(String arg) {
        if (arg ==~ PLAIN) {
            return arg
        }
        return "'" + arg.replace("'", "'\"'\"'") + "'"
    }

    /** A path for sh whose last segment may hold * wildcards: the rest is quoted. */
    @NonCPS
    static String shGlob(String path) {
        int slash = path.lastIndexOf('/')
        String folder = slash < 0 ? '' : path.substring(0, slash + 1)
        String name = slash < 0 ? path : path.substring(slash + 1)
        List<String> parts = []
        for (String part : name.split(/\*/, -1)) {
            parts << (part.isEmpty() ? '' : shQuote(part))
        }
        return (folder.isEmpty() ? '' : shQuote(folder)) + parts.join('*')
    }

    @NonCPS
    static String batQuote(String arg) {
        if (arg ==~ PLAIN) {
            return arg
        }
        // In a batch file % expands even inside quotes; a quote inside quotes is doubled.
        return '"' + arg.replace('%', '%%').replace('"', '""') + '"'
    }

    /** How {@link #batCallQuote} writes a ^: the variable {@link #script} sets to one. */
    static final String CARET = '%%WAYMARK_CARET%%'

    /**
     * An argument of a {@code call} line of a batch file: quoted as {@link #batQuote} does, with
     * each % written %%%%, since call expands % a second time (%%PATH%% would become the PATH's
     * value, and a lone % would vanish). call also doubles every ^, in quotes too, where nothing
     * takes the second one away again (a path C:\a^b became C:\a^^b): a ^ is written
     * %%WAYMARK_CARET%%, a variable that holds one ^ and is expanded only after call doubled the
     * carets; {@link #script} sets it.
     */
    @NonCPS
    static String batCallQuote(String arg) {
        if (arg ==~ PLAIN) {
            return arg
        }
        return '"' + arg.replace('%', '%%%%').replace('"', '""').replace('^', CARET) + '"'
    }

    /** True when {@code message} is Jenkins' "No such DSL method 'name'" for one of {@code steps}. */
    @NonCPS
    static boolean isMissingStep(String message, List<String> steps) {
        return message != null && steps.any { message.contains("No such DSL method '${it}'") }
    }
}
