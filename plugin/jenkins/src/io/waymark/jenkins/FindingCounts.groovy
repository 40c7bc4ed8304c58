package io.waymark.jenkins

import com.cloudbees.groovy.cps.NonCPS
import groovy.json.JsonException
import groovy.json.JsonSlurperClassic

/**
 * The finding counts of one Waymark run, read from the "summary" of waymark.json, and the levels
 * that decide a build's result: a level counts the findings of that severity and above.
 */
class FindingCounts implements Serializable {

    private static final long serialVersionUID = 1L

    /** The values of failOn and unstableOn; never means no finding changes the result. */
    static final List<String> LEVELS = ['error', 'warning', 'info', 'never']

    final int errors
    final int warnings
    final int infos

    FindingCounts(int errors, int warnings, int infos) {
        this.errors = errors
        this.warnings = warnings
        this.infos = infos
    }

    /** Reads the summary of `waymark validate --format json` (and of waymark.json written by `waymark ci`). */
    @NonCPS
    static FindingCounts fromJson(String json) {
        def root
        try {
            // JsonSlurperClassic gives plain (serialisable) maps, unlike JsonSlurper's lazy ones.
            root = new JsonSlurperClassic().parseText(json)
        } catch (JsonException e) {
            throw new IllegalArgumentException("not JSON: ${e.message}", e)
        }
        def summary = root instanceof Map ? root.summary : null
        if (!(summary instanceof Map)) {
            throw new IllegalArgumentException('no "summary" object')
        }
        return new FindingCounts(count(summary, 'errors'), count(summary, 'warnings'), count(summary, 'infos'))
    }

    @NonCPS
    private static int count(Map summary, String key) {
        def value = summary[key]
        if (!(value instanceof Number) || value < 0) {
            throw new IllegalArgumentException("summary.${key} is not a count: ${value}")
        }
        return value.intValue()
    }

    /** The number of findings at {@code level} or above; 0 for never. */
    @NonCPS
    int atOrAbove(String level) {
        switch (level) {
            case 'error': return errors
            case 'warning': return errors + warnings
            case 'info': return errors + warnings + infos
            case 'never': return 0
            default: throw new IllegalArgumentException("unknown level '${level}' (one of ${LEVELS.join(', ')})")
        }
    }

    @NonCPS
    Map toMap() {
        return [errors: errors, warnings: warnings, infos: infos]
    }

    @NonCPS
    @Override
    String toString() {
        return "${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}"
    }

    @NonCPS
    private static String plural(int n, String word) {
        return "${n} ${word}${n == 1 ? '' : 's'}"
    }
}
