/**
 * Actual spend against budget and delivered value (issue 10 §1): shared by the spend rules and the
 * reports' burn chart. Reads the model and the gate evaluation, nothing of the rules.
 */
package io.waymark.engine.spend;
