package dev.contentcreator.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The routes of docs/openapi.yaml as a fuzzer needs them: method, path template, whether a token
 * is needed, the query parameters and headers it names, and its JSON body's fields with their
 * schemas ({@code $ref}s resolved), so a route added to the description is fuzzed without more code.
 */
final class OpenApiRoutes {
  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  private OpenApiRoutes() {}

  /** A JSON body field: its schema (type, enum, maxLength, minimum, maximum, items, ...). */
  record Field(String name, Map<String, Object> schema, boolean required) {
    String type() {
      Object t = schema.get("type");
      return t == null ? "any" : t.toString();
    }

    Integer maxLength() {
      return schema.get("maxLength") instanceof Number n ? n.intValue() : null;
    }
  }

  record Route(String method, String template, boolean isPublic, List<String> pathParams, List<String> queryParams,
      List<String> headerParams, Set<String> bodyTypes, List<Field> fields) {
    boolean takesJson() {
      return bodyTypes.contains("application/json");
    }

    boolean takesBody() {
      return !bodyTypes.isEmpty();
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  @SuppressWarnings("unchecked")
  static List<Route> read(Path openapi) throws IOException {
    Map<String, Object> doc;
    try (Reader in = Files.newBufferedReader(openapi)) {
      doc = new Yaml().load(in);
    }
    List<Route> routes = new ArrayList<>();
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
    paths.forEach((template, item) -> {
      List<Map<String, Object>> shared = params(doc, item.get("parameters"));
      item.forEach((method, opValue) -> {
        if (method.equals("parameters")) {
          return;
        }
        Map<String, Object> op = (Map<String, Object>) opValue;
        List<Map<String, Object>> all = new ArrayList<>(shared);
        all.addAll(params(doc, op.get("parameters")));
        List<String> query = names(all, "query");
        List<String> headers = names(all, "header");
        List<String> pathParams = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        while (m.find()) {
          pathParams.add(m.group(1));
        }
        boolean isPublic = op.get("security") instanceof List<?> l && l.isEmpty();
        Set<String> bodyTypes = new LinkedHashSet<>();
        List<Field> fields = new ArrayList<>();
        if (op.get("requestBody") instanceof Map<?, ?> rb && rb.get("content") instanceof Map<?, ?> content) {
          content.keySet().forEach(k -> bodyTypes.add(k.toString().toLowerCase(Locale.ROOT)));
          if (content.get("application/json") instanceof Map<?, ?> json) {
            Map<String, Object> schema = resolve(doc, (Map<String, Object>) json.get("schema"));
            List<Object> required = schema.get("required") instanceof List<?> r ? (List<Object>) r : List.of();
            if (schema.get("properties") instanceof Map<?, ?> props) {
              props.forEach((name, s) -> fields.add(new Field(name.toString(),
                  resolve(doc, (Map<String, Object>) s), required.contains(name))));
            }
          }
        }
        routes.add(new Route(method.toUpperCase(Locale.ROOT), template, isPublic, pathParams, query, headers,
            bodyTypes, fields));
      });
    });
    return routes;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> params(Map<String, Object> doc, Object list) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (list instanceof List<?> l) {
      for (Object p : l) {
        out.add(resolve(doc, (Map<String, Object>) p));
      }
    }
    return out;
  }

  private static List<String> names(List<Map<String, Object>> params, String in) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> p : params) {
      if (in.equals(p.get("in"))) {
        out.add(p.get("name").toString());
      }
    }
    return out;
  }

  /** Follows a {@code $ref} within the document, and the items of an array, one level deep. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> resolve(Map<String, Object> doc, Map<String, Object> node) {
    if (node == null) {
      return Map.of();
    }
    Map<String, Object> n = node;
    while (n.get("$ref") instanceof String ref) {
      Object at = doc;
      for (String part : ref.substring(2).split("/")) {
        at = ((Map<String, Object>) at).get(part);
      }
      n = (Map<String, Object>) at;
    }
    if (n.get("items") instanceof Map<?, ?> items) {
      Map<String, Object> copy = new LinkedHashMap<>(n);
      copy.put("items", resolve(doc, (Map<String, Object>) items));
      return copy;
    }
    return n;
  }
}
