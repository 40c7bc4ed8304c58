package io.waymark.jenkins

import com.cloudbees.groovy.cps.NonCPS

/** Checks the options map of a step, so that a misspelt option fails the build instead of being ignored. */
class StepOptions implements Serializable {

    private static final long serialVersionUID = 1L

    /** The problems with {@code config}, one sentence each; empty when it is fine. */
    @NonCPS
    static List<String> problems(String step, Map config, List<String> known, List<String> levels) {
        List<String> found = []
        for (def key : config.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                found << "${step}: unknown option '${key}' (known: ${known.join(', ')})".toString()
            }
        }
        for (String level : levels) {
            def value = config[level]
            if (value != null && !FindingCounts.LEVELS.contains(String.valueOf(value))) {
                found << "${step}: ${level} must be one of ${FindingCounts.LEVELS.join(', ')}, not '${value}'".toString()
            }
        }
        return found
    }
}
