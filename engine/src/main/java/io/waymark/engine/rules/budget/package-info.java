/**
 * Budget rules: the 70-20-10 split of initiative budgets and initiatives plus contingency within
 * the total (contingency-range is with the business-case rules).
 */
package io.waymark.engine.rules.budget;
