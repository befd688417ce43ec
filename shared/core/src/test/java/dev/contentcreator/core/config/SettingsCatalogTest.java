package dev.contentcreator.core.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** README.md's configuration table and the catalog name the same keys with the same defaults. */
class SettingsCatalogTest {
  private static final Pattern KEY = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
  /** The backticked values a default cell begins with: `a`, `b`, ... (what follows them is prose). */
  private static final Pattern LEADING_VALUES = Pattern.compile("^`[^`]*`(\\s*,\\s*`[^`]*`)*");
  private static final Pattern VALUE = Pattern.compile("`([^`]*)`");

  static Path repo() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("shared")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no checkout above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  /** Each key of the README's table with its documented default (empty: unset, or said in words). */
  static Map<String, Optional<String>> readmeDefaults() throws IOException {
    List<String> lines = Files.readAllLines(repo().resolve("README.md"));
    int start = lines.indexOf("## Configuration");
    assertTrue(start >= 0, "README.md has no \"## Configuration\" section");
    Map<String, Optional<String>> documented = new LinkedHashMap<>();
    boolean inTable = false;
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("| variable | default |")) {
        inTable = true;
        continue;
      }
      if (!inTable || !line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.split("\\|");
      List<String> keys = all(KEY, cells[1]);
      String cell = cells[2].trim();
      Matcher leading = LEADING_VALUES.matcher(cell);
      List<String> values = leading.find() ? all(VALUE, leading.group()) : List.of();
      if (values.size() > 1 && values.size() != keys.size()) {
        fail("the row of " + keys + " gives " + values.size() + " defaults: " + values);
      }
      for (int i = 0; i < keys.size(); i++) {
        Optional<String> value = values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() == 1 ? 0 : i));
        if (documented.put(keys.get(i), value) != null) {
          fail(keys.get(i) + " has two rows in README.md's configuration table");
        }
      }
    }
    assertFalse(documented.isEmpty(), "no rows read from README.md's configuration table");
    return documented;
  }

  private static List<String> all(Pattern p, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void theReadmeAndTheCatalogListTheSameKeys() throws IOException {
    TreeSet<String> readme = new TreeSet<>(readmeDefaults().keySet());
    TreeSet<String> catalog = Settings.all().stream().map(Setting::name).collect(Collectors.toCollection(TreeSet::new));

    TreeSet<String> onlyReadme = new TreeSet<>(readme);
    onlyReadme.removeAll(catalog);
    TreeSet<String> onlyCatalog = new TreeSet<>(catalog);
    onlyCatalog.removeAll(readme);
    assertEquals(List.of(), List.copyOf(onlyReadme), "in README.md but not in Settings");
    assertEquals(List.of(), List.copyOf(onlyCatalog), "in Settings but not in README.md");
  }

  @Test
  void theReadmeGivesEachKeyTheCatalogsDefault() throws IOException {
    Map<String, Optional<String>> readme = readmeDefaults();
    List<String> wrong = new ArrayList<>();
    for (Setting<?> s : Settings.all()) {
      Optional<String> documented = readme.getOrDefault(s.name(), Optional.empty());
      if (!documented.equals(s.documentedDefault())) {
        wrong.add(s.name() + ": README " + documented.orElse("unset") + ", catalog " + s.documentedDefault().orElse("unset"));
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyDocumentedDefaultParsesWithItsSettingsType() throws IOException {
    for (Map.Entry<String, Optional<String>> e : readmeDefaults().entrySet()) {
      Optional<Setting<?>> setting = Settings.named(e.getKey());
      if (setting.isPresent() && setting.get().defaultText().isPresent()) {
        String text = e.getValue().orElseThrow();
        assertDoesNotThrow(() -> setting.get().parse(text), e.getKey() + "=" + text);
      }
    }
  }

  /** A read of an environment variable by name, which would bypass the catalog's type and default. */
  private static final Pattern RAW_READ = Pattern.compile(
      "System\\.getenv\\(|\\.(find|get|getInt|getLong|getBoolean|getDuration|getPath)\\(\"[A-Z][A-Z0-9_]+\"\\s*[,)]");

  @Test
  void noProductCodeReadsASettingByItsNameOutsideTheCatalog() throws IOException {
    Path repo = repo();
    List<String> raw = new ArrayList<>();
    for (String root : List.of("shared", "functions", "local")) {
      try (var files = Files.walk(repo.resolve(root))) {
        for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
          String path = repo.relativize(f).toString().replace('\\', '/');
          if (!path.contains("/src/main/") || path.startsWith("shared/testkit/") || path.contains("/core/config/")) {
            continue;
          }
          List<String> lines = Files.readAllLines(f);
          for (int i = 0; i < lines.size(); i++) {
            if (RAW_READ.matcher(lines.get(i)).find()) {
              raw.add(path + ":" + (i + 1) + ": " + lines.get(i).trim());
            }
          }
        }
      }
    }
    assertEquals(List.of(), raw, "read these through Settings");
  }

  @Test
  void everyDefaultReadsWithNothingSet() {
    for (Setting<?> s : Settings.all()) {
      if (s.defaultText().isPresent()) {
        assertDoesNotThrow(() -> s.read(Config.of(Map.of())), s.name());
      }
    }
  }

  @Test
  void aValueReadsAsItsType() {
    Config config = Config.of(Map.of("GENERATION_CACHE_TTL", "2d", "RATE_LIMIT_PER_IP", "off", "OPENAI_TEXT_MODELS", " a, b ,,"));

    assertEquals(java.time.Duration.ofDays(2), config.get(Settings.GENERATION_CACHE_TTL));
    assertEquals(Optional.empty(), config.get(Settings.RATE_LIMIT_PER_IP));
    assertEquals(300, config.get(Settings.RATE_LIMIT_PER_USER).orElseThrow().capacity());
    assertEquals(List.of("a", "b"), config.get(Settings.OPENAI_TEXT_MODELS));
  }

  @Test
  void anUnreadableValueNamesItsSetting() {
    Config config = Config.of(Map.of("GENERATION_MAX_ITEMS", "many"));

    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> config.get(Settings.GENERATION_MAX_ITEMS));
    assertEquals("setting GENERATION_MAX_ITEMS has a value that cannot be read: many", e.getMessage());
  }
}
