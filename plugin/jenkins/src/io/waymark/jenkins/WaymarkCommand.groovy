package io.waymark.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * Runs one waymark command from a pipeline: through sh on Unix agents and bat on Windows agents,
 * with its stderr kept in a file so that a failing step can repeat the CLI's own message.
 * Written for the Groovy of Jenkins (2.4): no lambdas, no var.
 */
class WaymarkCommand implements Serializable {

    private static final long serialVersionUID = 1L

    /** Characters that need no quoting in either shell; anything else is quoted. */
    private static final String PLAIN = /[A-Za-z0-9_.\/:=@+,-]+/

    /**
     * Runs {@code command args} on the agent and returns {@code [status: exit code, stderr: text]};
     * stderr is read only when the exit code is not 0 (it is printed to the build log either way).
     */
    static Map run(def steps, String command, List args) {
        boolean unix = steps.isUnix()
        String stderrFile = "${steps.pwd(tmp: true)}/waymark-stderr.txt"
        String text = script(unix, command, args, stderrFile)
        int status = unix ? steps.sh(script: text, returnStatus: true) : steps.bat(script: text, returnStatus: true)
        String stderr = ''
        if (status != 0 && steps.fileExists(stderrFile)) {
            stderr = steps.readFile(file: stderrFile, encoding: 'UTF-8').trim()
        }
        return [status: status, stderr: stderr]
    }

    /** ./waymark when the workspace has the launcher (the Waymark repository itself), else waymark on the PATH. */
    static String defaultCommand(def steps) {
        return steps.isUnix() && steps.fileExists('waymark') ? './waymark' : 'waymark'
    }

    /**
     * The script text. The command is used as given (it may be several words, such as
     * {@code java -jar waymark.jar}); every argument is quoted when it needs it.
     */
    @NonCPS
    static String script(boolean unix, String command, List args, String stderrFile) {
        if (unix) {
            // sh runs with -e: '|| status=$?' keeps the exit code and still gets to print stderr;
            // '|| true' keeps a missing stderr file from replacing that exit code with cat's.
            return 'status=0\n' +
                    "${command} ${args.collect { shQuote(String.valueOf(it)) }.join(' ')} 2>${shQuote(stderrFile)} || status=\$?\n" +
                    "cat ${shQuote(stderrFile)} >&2 || true\n" +
                    'exit $status\n'
        }
        // call: the command may be a .bat or .cmd file, which would otherwise never return here.
        return "call ${command} ${args.collect { batQuote(String.valueOf(it)) }.join(' ')} 2>${batQuote(stderrFile)}\n" +
                'set WAYMARK_STATUS=%ERRORLEVEL%\n' +
                "type ${batQuote(stderrFile)} 1>&2\n" +
                'exit /b %WAYMARK_STATUS%\n'
    }

    @NonCPS
    static String shQuote(String arg) {
        if (arg ==~ PLAIN) {
            return arg
        }
        return "'" + arg.replace("'", "'\"'\"'") + "'"
    }

    @NonCPS
    static String batQuote(String arg) {
        if (arg ==~ PLAIN) {
            return arg
        }
        // In a batch file % expands even inside quotes; a quote inside quotes is doubled.
        return '"' + arg.replace('%', '%%').replace('"', '""') + '"'
    }

    /** True when {@code message} is Jenkins' "No such DSL method 'name'" for one of {@code steps}. */
    @NonCPS
    static boolean isMissingStep(String message, List<String> steps) {
        return message != null && steps.any { message.contains("No such DSL method '${it}'") }
    }
}
