/**
 * Rules on BusinessCase documents (SPEC §3, "Business cases") and the contingency reserve: the
 * template is complete, the declared NPV/IRR/ROI/payback match the cash flows, hidden costs are
 * listed, cloud-versus-owned and negative-NPV approvals are flagged, and contingency stays within
 * 10-20%. Financial figures come from {@link io.waymark.engine.finance.CaseFinancials}; the rules
 * depend on the model, the finance package and the rules API only.
 */
package io.waymark.engine.rules.businesscase;
