package io.waymark.cli.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.waymark.engine.Waymark;
import io.waymark.engine.model.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled JSON Schemas, read for people: the title, description and allowed values of the field
 * at a path of a document of some kind, and the fields a mapping may hold. It follows {@code $ref}
 * between the bundled files (a field's own title and description win over those of the definition
 * it refers to) and {@code items} for {@link YamlCursor#ITEM}.
 */
final class SchemaGuide {

  /** What the schema says about one field. */
  record Field(
      String title,
      String description,
      List<String> values,
      Map<String, Field> fields,
      boolean isList) {}

  private final Map<String, JsonObject> files = new HashMap<>();

  SchemaGuide() {
    for (String file : Waymark.schemaFiles()) {
      Waymark.schemaText(file)
          .ifPresent(text -> files.put(file, JsonParser.parseString(text).getAsJsonObject()));
    }
  }

  /** The schema of a document of {@code kind}. */
  Optional<Field> document(Kind kind) {
    return field(kind, List.of());
  }

  /** The field at {@code path} (keys, and {@link YamlCursor#ITEM} for an item) of a document. */
  Optional<Field> field(Kind kind, List<String> path) {
    String file = kind.schemaFile();
    JsonObject node = files.get(file);
    if (node == null) {
      return Optional.empty();
    }
    Located at = new Located(file, node, "", "");
    for (String step : path) {
      Optional<Located> next = child(resolve(at), step);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      at = next.get();
    }
    return Optional.of(describe(at, true));
  }

  /** A schema node, in the file it was found in, with the title and description given at use. */
  private record Located(String file, JsonObject node, String title, String description) {}

  /** Follows {@code $ref}s; the first title and description met are kept. */
  private Located resolve(Located at) {
    Located current = at;
    String title = text(at.node(), "title").orElse(at.title());
    String description = text(at.node(), "description").orElse(at.description());
    for (int hops = 0; hops < 16 && current.node().has("$ref"); hops++) {
      String ref = current.node().get("$ref").getAsString();
      int hash = ref.indexOf('#');
      String file = hash == 0 ? current.file() : hash < 0 ? ref : ref.substring(0, hash);
      String pointer = hash < 0 ? "" : ref.substring(hash + 1);
      JsonElement target = files.get(file);
      for (String token : pointer.split("/")) {
        if (token.isEmpty() || target == null || !target.isJsonObject()) {
          continue;
        }
        target = target.getAsJsonObject().get(token.replace("~1", "/").replace("~0", "~"));
      }
      if (target == null || !target.isJsonObject()) {
        break;
      }
      current = new Located(file, target.getAsJsonObject(), title, description);
      if (title.isEmpty()) {
        title = text(current.node(), "title").orElse("");
      }
      if (description.isEmpty()) {
        description = text(current.node(), "description").orElse("");
      }
    }
    return new Located(current.file(), current.node(), title, description);
  }

  private Optional<Located> child(Located at, String step) {
    JsonObject node = at.node();
    if (step.equals(YamlCursor.ITEM)) {
      return object(node, "items").map(items -> new Located(at.file(), items, "", ""));
    }
    Optional<JsonObject> properties = object(node, "properties");
    if (properties.isPresent() && properties.get().has(step)) {
      JsonElement p = properties.get().get(step);
      return p.isJsonObject()
          ? Optional.of(new Located(at.file(), p.getAsJsonObject(), "", ""))
          : Optional.empty();
    }
    // Conditional branches (then/else) and combinations may add properties.
    for (String branch : List.of("allOf", "anyOf", "oneOf")) {
      if (node.has(branch) && node.get(branch).isJsonArray()) {
        for (JsonElement e : node.getAsJsonArray(branch)) {
          if (e.isJsonObject()) {
            for (String part : List.of("then", "else")) {
              Optional<JsonObject> inner = object(e.getAsJsonObject(), part);
              if (inner.isPresent()) {
                Optional<Located> found =
                    child(resolve(new Located(at.file(), inner.get(), "", "")), step);
                if (found.isPresent()) {
                  return found;
                }
              }
            }
            Optional<Located> found =
                child(resolve(new Located(at.file(), e.getAsJsonObject(), "", "")), step);
            if (found.isPresent()) {
              return found;
            }
          }
        }
      }
    }
    return object(node, "additionalProperties").map(extra -> new Located(at.file(), extra, "", ""));
  }

  private Field describe(Located at, boolean withFields) {
    Located r = resolve(at);
    JsonObject node = r.node();
    List<String> values = new ArrayList<>();
    if (node.has("enum") && node.get("enum").isJsonArray()) {
      node.getAsJsonArray("enum").forEach(v -> values.add(scalar(v)));
    } else if (node.has("const")) {
      values.add(scalar(node.get("const")));
    } else {
      object(node, "items")
          .map(items -> resolve(new Located(r.file(), items, "", "")).node())
          .filter(items -> items.has("enum") && items.get("enum").isJsonArray())
          .ifPresent(items -> items.getAsJsonArray("enum").forEach(v -> values.add(scalar(v))));
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    if (withFields) {
      object(node, "properties")
          .ifPresent(
              properties -> {
                for (Map.Entry<String, JsonElement> e : properties.entrySet()) {
                  if (e.getValue().isJsonObject()) {
                    fields.put(
                        e.getKey(),
                        describe(
                            new Located(r.file(), e.getValue().getAsJsonObject(), "", ""), false));
                  }
                }
              });
    }
    boolean list = node.has("items") || text(node, "type").filter("array"::equals).isPresent();
    return new Field(r.title(), r.description(), values, fields, list);
  }

  private static String scalar(JsonElement e) {
    return e.isJsonPrimitive() ? e.getAsString() : e.toString();
  }

  private static Optional<String> text(JsonObject node, String key) {
    JsonElement e = node.get(key);
    return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
  }

  private static Optional<JsonObject> object(JsonObject node, String key) {
    JsonElement e = node.get(key);
    return e != null && e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
  }
}
