/**
 * Business-case financials in exact decimals (SPEC §3.1): the yearly cash flows of a case and the
 * figures a CFO asks for — NPV, IRR, ROI, TCO, payback — plus the cloud-versus-owned ratio.
 *
 * <p>{@link io.waymark.engine.finance.CaseFinancials#of} is the one entry point; the other types
 * are package-private building blocks. Money is {@link java.math.BigDecimal}: cash flows, C0 and
 * TCO are exact sums and products of the declared amounts; divisions and powers use {@link
 * java.math.MathContext#DECIMAL64} (16 significant digits); NPV is then rounded to cents and the
 * percentages (ROI, IRR, cloud-to-owned) to four decimals, both half-even.
 *
 * <p>Depends on the model package only.
 */
package io.waymark.engine.finance;
