/** JSON writers shared by the machine outputs of the CLI: one way to write a finding. */
package io.waymark.report.json;
