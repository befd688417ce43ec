package dev.contentcreator.ai.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DemoProviderTest {
  private static final String PROMPT = "Spring garden tips for small balconies and shady corners";
  private final DemoProvider demo = DemoProvider.create();

  private static ItemRequest text(String prompt, String systemPrompt, Map<String, String> options) {
    return new ItemRequest("item-1", ContentKind.TEXT, "demo-text", prompt, systemPrompt, options, "user-1");
  }

  private static ItemRequest image(String prompt, Map<String, String> options) {
    return new ItemRequest("item-1", ContentKind.IMAGE, "demo-image", prompt, null, options, "user-1");
  }

  /** Collects streamed text, and percentages. */
  private static final class Recorder implements Progress {
    final List<String> deltas = new ArrayList<>();
    final List<Integer> percents = new ArrayList<>();

    @Override
    public void textDelta(String delta) {
      deltas.add(delta);
    }

    @Override
    public void percent(int percent) {
      percents.add(percent);
    }
  }

  @Test
  void describesItselfAsTheDemoForTextAndImages() {
    assertEquals("demo", demo.name());
    assertTrue(demo.isDemo());
    assertEquals(java.util.Set.of(ContentKind.TEXT, ContentKind.IMAGE), demo.kinds());
    assertEquals(List.of("demo-text"), demo.models(ContentKind.TEXT));
    assertEquals(List.of("demo-image"), demo.models(ContentKind.IMAGE));
    assertEquals(List.of(), demo.models(ContentKind.VIDEO));
  }

  @Test
  void sameRequestGivesTheSameText() throws Exception {
    String first = demo.generate(text(PROMPT, null, Map.of("index", "0")), Progress.NONE).text();
    String again = DemoProvider.create().generate(
        new ItemRequest("another-item", ContentKind.TEXT, "demo-text", PROMPT, null, Map.of("index", "0"), "u2"),
        Progress.NONE).text();

    assertEquals(first, again);
  }

  @Test
  void anotherIndexGivesAnotherText() throws Exception {
    String first = demo.generate(text(PROMPT, null, Map.of("index", "0")), Progress.NONE).text();
    String second = demo.generate(text(PROMPT, null, Map.of("index", "1")), Progress.NONE).text();

    assertNotEquals(first, second);
  }

  @Test
  void textIsWellFormedParagraphsOfThePromptsWords() throws Exception {
    String text = demo.generate(text(PROMPT, null, Map.of()), Progress.NONE).text();

    String[] paragraphs = text.split("\n\n");
    assertEquals(3, paragraphs.length);
    for (String p : paragraphs) {
      assertTrue(Character.isUpperCase(p.charAt(0)), p);
      assertTrue(p.endsWith(".") || p.endsWith("!") || p.endsWith("?"), p);
      assertTrue(p.matches("(?s).*\\b(garden|tips|balconies|shady|corners|spring|small)\\b.*"), p);
    }
  }

  @Test
  void paragraphsOptionSetsHowManyParagraphs() throws Exception {
    String text = demo.generate(text(PROMPT, null, Map.of("paragraphs", "5")), Progress.NONE).text();

    assertEquals(5, text.split("\n\n").length);
  }

  @Test
  void toneWordInTheSystemPromptSetsTheOpening() throws Exception {
    String text = demo.generate(text("Spring garden tips", "Our brand voice is formal and precise.", Map.of()),
        Progress.NONE).text();

    assertTrue(text.startsWith("This text considers Spring garden tips."), text);
  }

  @Test
  void withoutAToneWordTheOpeningIsNeutral() throws Exception {
    String text = demo.generate(text("Spring garden tips", "Be precise.", Map.of()), Progress.NONE).text();

    assertTrue(text.startsWith("This piece is about Spring garden tips."), text);
  }

  @Test
  void topicLeavesOutAnOpeningInstruction() throws Exception {
    String text = demo.generate(text("Write a short blog post about spring garden tips", null, Map.of()),
        Progress.NONE).text();

    assertTrue(text.startsWith("This piece is about spring garden tips."), text);
  }

  @Test
  void streamedChunksJoinIntoTheFinalText() throws Exception {
    Recorder progress = new Recorder();

    ItemResult result = demo.generate(text(PROMPT, "friendly", Map.of()), progress);

    assertEquals(result.text(), String.join("", progress.deltas));
  }

  @Test
  void streamedChunksAreAFewWordsEach() throws Exception {
    Recorder progress = new Recorder();

    demo.generate(text(PROMPT, null, Map.of()), progress);

    assertTrue(progress.deltas.size() > 10, "only " + progress.deltas.size() + " chunks");
    for (String delta : progress.deltas) {
      assertTrue(delta.trim().split("\\s+").length <= 2, "chunk: [" + delta + "]");
    }
  }

  @Test
  void chunkDelayIsWaitedBetweenChunks() throws Exception {
    List<Duration> waits = new ArrayList<>();
    DemoProvider slow = DemoProvider.builder().chunkDelay(Duration.ofMillis(30)).sleeper(waits::add).build();
    Recorder progress = new Recorder();

    slow.generate(text(PROMPT, null, Map.of()), progress);

    assertEquals(progress.deltas.size() - 1, waits.size());
    assertTrue(waits.stream().allMatch(Duration.ofMillis(30)::equals), waits.toString());
  }

  @Test
  void textUsageCountsWordsAsTokens() throws Exception {
    ItemResult result = demo.generate(text("three word prompt", "two words", Map.of()), Progress.NONE);

    assertEquals(5, result.usage().inputTokens());
    assertEquals(result.text().trim().split("\\s+").length, result.usage().outputTokens());
    assertEquals(0, result.usage().images());
  }

  @Test
  void imageIsAPngOfTheDefaultSize() throws Exception {
    ItemResult result = demo.generate(image("a lighthouse at dusk", Map.of()), Progress.NONE);

    ItemResult.Media media = result.media().get(0);
    assertEquals("image/png", media.contentType());
    assertNull(media.url());
    assertEquals(1024, media.width());
    assertEquals(1024, media.height());
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(media.bytes()));
    assertEquals(1024, decoded.getWidth());
    assertEquals(1024, decoded.getHeight());
    assertEquals(1, result.usage().images());
  }

  @Test
  void imageSizeComesFromWidthAndHeight() throws Exception {
    BufferedImage decoded = decode(demo.generate(image("a lighthouse", Map.of("width", "640", "height", "360")),
        Progress.NONE));

    assertEquals(640, decoded.getWidth());
    assertEquals(360, decoded.getHeight());
  }

  @Test
  void imageSizeComesFromTheSizeOption() throws Exception {
    BufferedImage decoded = decode(demo.generate(image("a lighthouse", Map.of("size", "800x600")), Progress.NONE));

    assertEquals(800, decoded.getWidth());
    assertEquals(600, decoded.getHeight());
  }

  @Test
  void imageSizeComesFromTheAspectRatio() throws Exception {
    ItemResult result = demo.generate(image("a lighthouse", Map.of("aspectRatio", "16:9")), Progress.NONE);

    assertEquals(1024, result.media().get(0).width());
    assertEquals(576, result.media().get(0).height());
  }

  @Test
  void imageLargerThanTheCapIsScaledDownKeepingItsShape() throws Exception {
    BufferedImage decoded = decode(demo.generate(image("a lighthouse", Map.of("size", "4096x2048")), Progress.NONE));

    assertEquals(2048, decoded.getWidth());
    assertEquals(1024, decoded.getHeight());
  }

  @Test
  void unreadableSizeIsAPermanentError() {
    ProviderException e = assertThrows(ProviderException.class,
        () -> demo.generate(image("a lighthouse", Map.of("size", "large")), Progress.NONE));

    assertEquals(ProviderException.Kind.PERMANENT, e.kind());
    assertEquals("The option size must be a width and height such as 1024x1024, not \"large\".", e.userMessage());
  }

  @Test
  void sameImageRequestGivesTheSameBytes() throws Exception {
    byte[] first = demo.generate(image("a lighthouse at dusk", Map.of("size", "256x256")), Progress.NONE)
        .media().get(0).bytes();
    byte[] again = demo.generate(image("a lighthouse at dusk", Map.of("size", "256x256")), Progress.NONE)
        .media().get(0).bytes();

    assertArrayEquals(first, again);
  }

  @Test
  void anotherPromptGivesAnotherImage() throws Exception {
    byte[] first = demo.generate(image("a lighthouse at dusk", Map.of("size", "256x256")), Progress.NONE)
        .media().get(0).bytes();
    byte[] other = demo.generate(image("a forest at dawn", Map.of("size", "256x256")), Progress.NONE)
        .media().get(0).bytes();

    assertFalse(java.util.Arrays.equals(first, other));
  }

  @Test
  void imagesAreMadeWithoutADisplayInAFreshJvm() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        HeadlessCheck.class.getName()).redirectErrorStream(true);
    // A display that does not exist: only a headless runtime can draw here.
    builder.environment().put("DISPLAY", ":93");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the check did not finish");
    assertEquals(0, process.exitValue(), output);
    assertTrue(Integer.parseInt(output.trim()) > 0, output);
  }

  @Test
  void unknownModelIsAPermanentError() {
    ItemRequest request = new ItemRequest("item-1", ContentKind.TEXT, "gpt-4o", PROMPT, null, Map.of(), "user-1");

    ProviderException e = assertThrows(ProviderException.class, () -> demo.generate(request, Progress.NONE));

    assertEquals(ProviderException.Kind.PERMANENT, e.kind());
  }

  @Test
  void everyCallFailsTransientlyAtAFailureRateOfOne() {
    DemoProvider failing = DemoProvider.builder().transientFailureRate(1).build();

    ProviderException e = assertThrows(ProviderException.class,
        () -> failing.generate(text(PROMPT, null, Map.of()), Progress.NONE));

    assertEquals(ProviderException.Kind.TRANSIENT, e.kind());
  }

  @Test
  void injectedFailuresFollowTheSeed() {
    List<Boolean> first = outcomes(DemoProvider.builder().transientFailureRate(0.3).random(42).build());
    List<Boolean> again = outcomes(DemoProvider.builder().transientFailureRate(0.3).random(42).build());

    assertEquals(first, again);
    assertTrue(first.contains(true) && first.contains(false), first.toString());
  }

  @Test
  void latencyIsWaitedBeforeEachGeneration() throws Exception {
    List<Duration> waits = new ArrayList<>();
    DemoProvider slow = DemoProvider.builder().latency(Duration.ofSeconds(2)).sleeper(waits::add).build();

    slow.generate(image("a lighthouse", Map.of("size", "32x32")), Progress.NONE);

    assertEquals(List.of(Duration.ofSeconds(2)), waits);
  }

  @Test
  void failureRateAboveOneIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> DemoProvider.builder().transientFailureRate(1.5));

    assertEquals("transientFailureRate must be from 0 to 1, got 1.5", e.getMessage());
  }

  private List<Boolean> outcomes(DemoProvider provider) {
    List<Boolean> failed = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      try {
        provider.generate(text("tea", null, Map.of()), Progress.NONE);
        failed.add(false);
      } catch (ProviderException e) {
        failed.add(true);
      }
    }
    return failed;
  }

  private static BufferedImage decode(ItemResult result) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(result.media().get(0).bytes()));
  }
}
