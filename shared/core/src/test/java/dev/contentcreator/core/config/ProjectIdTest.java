package dev.contentcreator.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectIdTest {

  @Test
  void theFirebaseProjectWinsWhenBothAreSet() {
    Config config = Config.of(Map.of("FIREBASE_PROJECT_ID", "acme-firebase", "GOOGLE_CLOUD_PROJECT", "acme-cloud"));

    assertEquals("acme-firebase", ProjectId.resolve(config));
    assertEquals(Optional.of("acme-firebase"), ProjectId.configured(config));
  }

  @Test
  void theGoogleCloudProjectServesWhenTheFirebaseOneIsUnset() {
    assertEquals("acme-cloud", ProjectId.resolve(Config.of(Map.of("GOOGLE_CLOUD_PROJECT", "acme-cloud"))));
  }

  @Test
  void aBlankValueCountsAsUnset() {
    assertEquals("acme-cloud", ProjectId.resolve(Config.of(Map.of("FIREBASE_PROJECT_ID", " ", "GOOGLE_CLOUD_PROJECT", "acme-cloud"))));
  }

  @Test
  void neitherSetIsTheDemoProject() {
    assertEquals("demo-contentcreator", ProjectId.resolve(Config.of(Map.of())));
    assertEquals(Optional.empty(), ProjectId.configured(Config.of(Map.of())));
  }

  @Test
  void aPartThatNeedsARealProjectSaysWhichSettingsNameIt() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ProjectId.required(Config.of(Map.of()), "EVENTS=pubsub"));

    assertTrue(e.getMessage().contains("FIREBASE_PROJECT_ID") && e.getMessage().contains("GOOGLE_CLOUD_PROJECT"), e.getMessage());
  }
}
