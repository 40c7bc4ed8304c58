/**
 * How numbers, money and dates read in a report, the same under any locale and time zone ("EUR
 * 1,800,000", "14 May 2027", "−12.3%"), and how roadmap text is made safe for Markdown. Depends on
 * nothing but the JDK.
 */
package io.waymark.report.text;
