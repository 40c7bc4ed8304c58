/**
 * Rules every repository needs: syntax and schema (reported by the loader, translated here),
 * unknown kinds, non-Waymark files, skipped files, references and ids, exactly one roadmap, expired
 * suppressions.
 */
package io.waymark.engine.rules.core;
