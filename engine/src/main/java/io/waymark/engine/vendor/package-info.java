/**
 * Vendor scoring (SPEC §3.1): the mean of each dimension's criterion scores, the weighted score in
 * percent and its go / diligence / no-go band. Depends on the model only; the vendor rules and the
 * reports' comparison matrix both use it.
 */
package io.waymark.engine.vendor;
