package dev.contentcreator.gcp.firestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code firestore.indexes.json} true to the code: the emulator serves any query, production
 * refuses one whose composite index is missing, so this reads every {@code Query.on(...)} chain in
 * the main sources and checks that each equality-plus-order query has its index, and that every
 * index listed still belongs to a query (the contract suites in testkit are not the product's
 * queries and are left out). A filter added inside {@code ifPresent(...)} is optional,
 * so the query is counted with and without it.
 */
class FirestoreIndexesTest {
  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Pattern CONSTANT =
      Pattern.compile("static\\s+final\\s+String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"([a-z0-9_]+)\"\\s*;");
  private static final Pattern QUERY_ON = Pattern.compile("Query\\.on\\(([^)]*)\\)");
  private static final Pattern EQUALS = Pattern.compile("whereEqualTo\\(\"(\\w+)\"");
  private static final Pattern ORDER = Pattern.compile("orderBy\\(\"(\\w+)\",\\s*[\\w.]*?(ASCENDING|DESCENDING)\\)");

  private static Set<List<String>> needed;
  private static Set<List<String>> listed;
  private static final Set<List<String>> VECTOR_INDEXES = new HashSet<>();

  @BeforeAll
  static void read() throws IOException {
    needed = neededIndexes();
    listed = listedIndexes();
  }

  @Test
  void everyQueryWithFiltersAndAnOrderHasItsIndex() {
    for (List<String> index : needed) {
      assertTrue(listed.contains(index), "firestore.indexes.json lacks " + index);
    }
  }

  @Test
  void everyListedIndexServesAQuery() {
    for (List<String> index : listed) {
      assertTrue(needed.contains(index), "firestore.indexes.json lists " + index + ", which no query uses");
    }
  }

  @Test
  void theVectorQueryOfBrandKnowledgeHasItsVectorIndex() {
    // FirestoreVectors.nearest: projectId equality, then findNearest on "embedding"; the offline model
    // has 384 dimensions (a provider's embeddings are asked for the same, EMBEDDING_DIMENSIONS).
    assertEquals(Set.of(List.of(FirestoreVectors.COLLECTION, "projectId ASCENDING", "embedding vector 384 flat")),
        VECTOR_INDEXES);
  }

  @Test
  void theScanFindsTheServicesQueries() {
    // The members of a person, newest project first: a query the services have always had.
    assertTrue(needed.contains(List.of("members", "uid ASCENDING", "projectCreatedAt DESCENDING")), needed.toString());
    assertTrue(needed.size() >= 8, "only " + needed.size() + " ordered queries found: " + needed);
  }

  /** Each index as [collection, "field ORDER", ...], the equality fields sorted, the order field last. */
  private static Set<List<String>> listedIndexes() throws IOException {
    JsonObject file = JsonParser.parseString(
        Files.readString(ROOT.resolve("firestore.indexes.json"), StandardCharsets.UTF_8)).getAsJsonObject();
    Set<List<String>> indexes = new HashSet<>();
    for (JsonElement element : file.getAsJsonArray("indexes")) {
      JsonObject index = element.getAsJsonObject();
      assertEquals("COLLECTION", index.get("queryScope").getAsString(), index.toString());
      JsonArray all = index.getAsJsonArray("fields");
      JsonObject last = all.get(all.size() - 1).getAsJsonObject();
      if (last.has("vectorConfig")) {
        // A vector index serves a nearest-neighbour query: its equality pre-filters, then the vector field.
        List<String> key = new ArrayList<>();
        key.add(index.get("collectionGroup").getAsString());
        for (int i = 0; i < all.size() - 1; i++) {
          JsonObject f = all.get(i).getAsJsonObject();
          key.add(f.get("fieldPath").getAsString() + " " + f.get("order").getAsString());
        }
        key.add(last.get("fieldPath").getAsString() + " vector " + last.getAsJsonObject("vectorConfig").get("dimension")
            .getAsInt() + (last.getAsJsonObject("vectorConfig").has("flat") ? " flat" : ""));
        VECTOR_INDEXES.add(key);
        continue;
      }
      List<String> fields = new ArrayList<>();
      for (JsonElement field : index.getAsJsonArray("fields")) {
        JsonObject f = field.getAsJsonObject();
        fields.add(f.get("fieldPath").getAsString() + " " + f.get("order").getAsString());
      }
      List<String> equalities = new ArrayList<>(fields.subList(0, fields.size() - 1));
      equalities.sort(null);
      List<String> key = new ArrayList<>();
      key.add(index.get("collectionGroup").getAsString());
      key.addAll(equalities);
      key.add(fields.get(fields.size() - 1));
      assertTrue(indexes.add(key), "listed twice: " + key);
    }
    return indexes;
  }

  private static Set<List<String>> neededIndexes() throws IOException {
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(ROOT)) {
      sources = walk.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/java/"))
          .filter(p -> !p.toString().contains("/node_modules/") && !p.toString().contains("/target/"))
          .filter(p -> !p.toString().contains("/shared/testkit/"))
          .toList();
    }
    Map<String, String> qualified = new HashMap<>();
    Map<Path, Map<String, String>> local = new HashMap<>();
    for (Path source : sources) {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      String className = source.getFileName().toString().replace(".java", "");
      Map<String, String> constants = new HashMap<>();
      Matcher m = CONSTANT.matcher(text);
      while (m.find()) {
        constants.put(m.group(1), m.group(2));
        qualified.put(className + "." + m.group(1), m.group(2));
      }
      local.put(source, constants);
    }
    Set<List<String>> indexes = new LinkedHashSet<>();
    for (Path source : sources) {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      Matcher on = QUERY_ON.matcher(text);
      while (on.find()) {
        String chain = chain(text, on.start());
        Matcher order = ORDER.matcher(chain);
        if (!order.find()) {
          // Equalities alone are served by Firestore's single-field indexes, whatever the collection
          // (the purge's query names its collection in a variable).
          continue;
        }
        String collection = collection(on.group(1).trim(), local.get(source), qualified, source);
        List<String> always = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        Matcher eq = EQUALS.matcher(chain);
        while (eq.find()) {
          String line = chain.substring(chain.lastIndexOf('\n', eq.start()) + 1, eq.start());
          (line.contains("ifPresent(") ? optional : always).add(eq.group(1) + " ASCENDING");
        }
        for (int mask = 0; mask < 1 << optional.size(); mask++) {
          List<String> equalities = new ArrayList<>(always);
          for (int i = 0; i < optional.size(); i++) {
            if ((mask & 1 << i) != 0) {
              equalities.add(optional.get(i));
            }
          }
          if (equalities.isEmpty()) {
            continue;
          }
          equalities.sort(null);
          List<String> key = new ArrayList<>();
          key.add(collection);
          key.addAll(equalities);
          key.add(order.group(1) + " " + order.group(2));
          indexes.add(key);
        }
      }
    }
    return indexes;
  }

  /**
   * The text of one query's chain: to the end of its statement, or, when the statement keeps the
   * builder in a variable ({@code Query.Builder q = Query.on(...)}), to the {@code .build()} that uses it.
   */
  private static String chain(String text, int start) {
    int statementStart = Math.max(text.lastIndexOf(';', start), text.lastIndexOf('{', start)) + 1;
    boolean kept = text.substring(statementStart, start).matches("(?s)\\s*Query\\.Builder\\s+\\w+\\s*=\\s*");
    int build = text.indexOf(".build()", start);
    int statementEnd = text.indexOf(';', start);
    int end = kept ? build : Math.min(build < 0 ? Integer.MAX_VALUE : build, statementEnd);
    if (end < 0) {
      fail("no end of the query chain at offset " + start);
    }
    return text.substring(start, end);
  }

  private static String collection(String argument, Map<String, String> local, Map<String, String> qualified,
      Path source) {
    if (argument.matches("\"[a-z0-9_]+\"")) {
      return argument.substring(1, argument.length() - 1);
    }
    String[] parts = argument.split("\\.");
    String value = parts.length == 1 ? local.get(argument)
        : qualified.get(parts[parts.length - 2] + "." + parts[parts.length - 1]);
    if (value == null) {
      fail("cannot tell which collection " + argument + " is, in " + source);
    }
    return value;
  }
}
