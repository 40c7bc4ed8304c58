/**
 * How each metric stands at a date (red, amber, green, with the reason): the dashboard's status,
 * shared by the metric rules and the reports. Depends on the model only.
 */
package io.waymark.engine.metric;
