/**
 * The rule API: {@link io.waymark.engine.rules.Rule}, {@link
 * io.waymark.engine.rules.RuleDescriptor} (the text of waymark explain and docs/rules.md), {@link
 * io.waymark.engine.rules.RuleContext} and the {@link io.waymark.engine.rules.RuleRegistry} that
 * discovers rules with ServiceLoader, so rule packs plug in like Jenkins extensions. Rules read the
 * model, never YAML.
 */
package io.waymark.engine.rules;
