package io.waymark.engine.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Every known rule, by id, discovered through {@link ServiceLoader}. */
public final class RuleRegistry {

  private final Map<String, Rule> rules;

  public RuleRegistry(Collection<? extends Rule> rules) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    List<Rule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparing(r -> r.descriptor().id()));
    for (Rule rule : sorted) {
      Rule previous = byId.putIfAbsent(rule.descriptor().id(), rule);
      if (previous != null && previous.getClass() != rule.getClass()) {
        throw new IllegalStateException(
            "two rules share the id '"
                + rule.descriptor().id()
                + "': "
                + previous.getClass().getName()
                + " and "
                + rule.getClass().getName());
      }
    }
    this.rules = Map.copyOf(byId);
  }

  /** The built-in rules plus every rule pack on the class path of {@code loader}. */
  public static RuleRegistry discover(ClassLoader loader) {
    List<Rule> found = new ArrayList<>();
    try {
      ServiceLoader.load(Rule.class, loader).forEach(found::add);
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException(
          "a rule pack on the class path cannot be loaded: " + e.getMessage(), e);
    }
    return new RuleRegistry(found);
  }

  public static RuleRegistry discover() {
    return discover(RuleRegistry.class.getClassLoader());
  }

  public Optional<Rule> rule(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  public Optional<RuleDescriptor> descriptor(String id) {
    return rule(id).map(Rule::descriptor);
  }

  /** All rules, sorted by id. */
  public List<Rule> rules() {
    List<Rule> list = new ArrayList<>(rules.values());
    list.sort(Comparator.comparing(r -> r.descriptor().id()));
    return list;
  }

  public List<RuleDescriptor> descriptors() {
    return rules().stream().map(Rule::descriptor).toList();
  }
}
