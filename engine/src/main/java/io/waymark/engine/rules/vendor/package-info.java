/**
 * Rules on VendorEvaluation documents (SPEC §3, "Vendors"): weights, score range, the declared
 * decision against the computed band, customer references and red flags. They score vendors with
 * {@link io.waymark.engine.vendor.VendorScore} and depend on the model and the rules API only.
 */
package io.waymark.engine.rules.vendor;
