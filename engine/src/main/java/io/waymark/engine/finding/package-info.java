/**
 * Findings as data: {@link io.waymark.engine.finding.Finding} (rule, severity, location, message,
 * hint, fingerprint), {@link io.waymark.engine.finding.Location} and {@link
 * io.waymark.engine.finding.Severity}. Depends on nothing else in Waymark.
 */
package io.waymark.engine.finding;
