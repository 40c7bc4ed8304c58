package io.waymark.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * Installs the Waymark release bundle on a Unix agent from a configured URL (option bundleUrl, else
 * the WAYMARK_BUNDLE_URL environment variable), verified against its SHA-256 (option sha256, else
 * WAYMARK_BUNDLE_SHA256) and cached per checksum in the agent user's cache folder
 * (${WAYMARK_CACHE:-${XDG_CACHE_HOME:-~/.cache}/waymark}/bundles/SHA256): the first build on an
 * agent downloads it, later builds run the cached copy. No Maven, no build on the agent.
 * Written for the Groovy of Jenkins (2.4): no lambdas, no var.
 */
class BundleInstaller implements Serializable {

    private static final long serialVersionUID = 1L

    /** The options that configure the bundle; every step knows them. */
    static final List<String> OPTIONS = ['bundleUrl', 'sha256']

    /** The URL and checksum in force, or null when no bundle is configured. */
    static Map configured(def steps, Map config) {
        String url = config.bundleUrl ?: envValue(steps, 'WAYMARK_BUNDLE_URL')
        if (!url) {
            return null
        }
        String sha = config.sha256 ?: envValue(steps, 'WAYMARK_BUNDLE_SHA256')
        return [url: url, sha256: sha ? sha.trim().toLowerCase() : '']
    }

    /**
     * Installs (or finds in the cache) the bundle and returns the absolute path of its
     * bin/waymark; fails the build with one line when the checksum is missing or wrong, the
     * download fails or the file is not a bundle.
     */
    static String install(def steps, Map bundle, String step) {
        if (!(bundle.sha256 ==~ /[0-9a-f]{64}/)) {
            steps.error("${step}: bundleUrl needs sha256, the SHA-256 of the bundle (64 hex digits; it is" +
                    " published beside it as waymark-VERSION.tar.gz.sha256): a download is never run unchecked")
        }
        if (!steps.isUnix()) {
            steps.error("${step}: bundleUrl installs on Unix agents; on Windows unpack the .zip bundle and" +
                    ' name its bin\\waymark.cmd with the command option, or use a tool installation')
        }
        String tmp = steps.pwd(tmp: true)
        String result = "${tmp}/waymark-bundle.txt"
        String stderr = "${tmp}/waymark-install-stderr.txt"
        int status = steps.sh(script: script(bundle.url as String, bundle.sha256 as String, result, stderr),
                returnStatus: true)
        if (status != 0) {
            String why = steps.fileExists(stderr) ? steps.readFile(file: stderr, encoding: 'UTF-8').trim() : ''
            steps.error("${step}: cannot install Waymark from ${bundle.url}: ${why ?: "exit ${status}"}")
        }
        return steps.readFile(file: result, encoding: 'UTF-8').trim()
    }

    /** The sh script: download or copy, verify, unpack into the cache, write the launcher's path. */
    @NonCPS
    static String script(String url, String sha256, String resultFile, String stderrFile) {
        String fetch
        if (url.startsWith('file://') || url.startsWith('/')) {
            String local = url.startsWith('file://') ? url.substring('file://'.length()) : url
            fetch = "cp ${WaymarkCommand.shQuote(local)} \"\$tmp/bundle\""
        } else if (url.startsWith('https://') || url.startsWith('http://')) {
            String q = WaymarkCommand.shQuote(url)
            fetch = "if command -v curl >/dev/null 2>&1; then curl -fsSL -o \"\$tmp/bundle\" ${q}\n" +
                    "  elif command -v wget >/dev/null 2>&1; then wget -q -O \"\$tmp/bundle\" ${q}\n" +
                    '  else echo "neither curl nor wget is installed on this agent" >&2; exit 2; fi'
        } else {
            fetch = 'echo "the URL is not https://, http://, file:// or an absolute path" >&2; exit 2'
        }
        return """\
set -eu
exec 2>${WaymarkCommand.shQuote(stderrFile)}
sha=${sha256}
cache="\${WAYMARK_CACHE:-\${XDG_CACHE_HOME:-\$HOME/.cache}/waymark}/bundles"
dir="\$cache/\$sha"
if [ ! -x "\$dir/bin/waymark" ]; then
  mkdir -p "\$cache"
  tmp=\$(mktemp -d "\$cache/.download.XXXXXX")
  trap 'rm -rf "\$tmp"' EXIT
  ${fetch}
  actual=\$( (sha256sum "\$tmp/bundle" 2>/dev/null || shasum -a 256 "\$tmp/bundle") | cut -d' ' -f1)
  if [ "\$actual" != "\$sha" ]; then
    echo "its SHA-256 is \$actual, not the configured \$sha; not installed" >&2
    exit 2
  fi
  mkdir "\$tmp/x"
  tar -xzf "\$tmp/bundle" -C "\$tmp/x" || { echo "it is not a .tar.gz bundle" >&2; exit 2; }
  set -- "\$tmp"/x/waymark-*/bin/waymark
  if [ ! -x "\$1" ]; then echo "it is not a Waymark bundle (no waymark-VERSION/bin/waymark)" >&2; exit 2; fi
  # Another executor may have installed it meanwhile: the first rename wins.
  if [ ! -e "\$dir" ]; then mv "\$(dirname "\$(dirname "\$1")")" "\$dir" || true; fi
  [ -x "\$dir/bin/waymark" ] || { echo "cannot install into \$dir" >&2; exit 2; }
fi
printf '%s\\n' "\$dir/bin/waymark" >${WaymarkCommand.shQuote(resultFile)}
"""
    }

    private static String envValue(def steps, String name) {
        try {
            def env = steps.env
            return env == null ? null : env[name]
        } catch (MissingPropertyException ignored) {
            return null
        }
    }
}
