/**
 * Rules on governance (SPEC §3, "Governance"): every waiver and business-case approval names a
 * decision the Governance document records, and a repository keeps one Governance document. Depends
 * on the model and the rules API only.
 */
package io.waymark.engine.rules.governance;
