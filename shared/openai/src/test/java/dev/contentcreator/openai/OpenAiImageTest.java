package dev.contentcreator.openai;

import static dev.contentcreator.openai.FakeOpenAi.fixture;
import static dev.contentcreator.openai.FakeOpenAi.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.ItemResult.Media;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiImageTest {
  private static final String IMAGES = "/v1/images/generations";

  private final FakeOpenAi fake = FakeOpenAi.start();
  private final OpenAiServices services = TestServices.services(fake);

  @AfterEach
  void stop() {
    services.close();
    fake.close();
  }

  @Test
  void decodesTheBase64ImageIntoPngMediaWithItsSize() throws Exception {
    fake.on(IMAGES, json(200, fixture("image-b64.json")));

    ItemResult result = services.provider().generate(TestServices.image("gpt-image-1", Map.of()), Progress.NONE);

    assertEquals(1, result.media().size());
    Media image = result.media().get(0);
    assertEquals("image/png", image.contentType());
    assertArrayEquals(expectedBytes("image-b64.json"), image.bytes());
    assertEquals(3, image.width());
    assertEquals(2, image.height());
    assertNull(image.url());
  }

  @Test
  void countsTheImagesAndTheTokensOfTheAnswer() throws Exception {
    fake.on(IMAGES, json(200, fixture("image-b64.json")));

    ItemResult result = services.provider().generate(TestServices.image("gpt-image-1", Map.of()), Progress.NONE);

    assertEquals(new ItemResult.Usage(12, 272, 1, 0), result.usage());
    assertEquals("gpt-image-1", result.model());
  }

  @Test
  void asksDallE3ForBase64WithTheSizeCountAndUser() throws Exception {
    fake.on(IMAGES, json(200, fixture("image-b64-dalle3.json")));

    services.provider().generate(TestServices.image("dall-e-3", Map.of("size", "1792x1024", "n", "1")), Progress.NONE);

    FakeOpenAi.Recorded sent = fake.onlyRequest();
    assertEquals("Bearer " + TestServices.KEY, sent.header("Authorization"));
    JsonObject body = sent.json();
    assertEquals("dall-e-3", body.get("model").getAsString());
    assertEquals("a tiny test pattern", body.get("prompt").getAsString());
    assertEquals("b64_json", body.get("response_format").getAsString());
    assertEquals("1792x1024", body.get("size").getAsString());
    assertEquals(1, body.get("n").getAsInt());
    assertEquals("user-42", body.get("user").getAsString());
  }

  @Test
  void sendsGptImageModelsNoResponseFormat() throws Exception {
    fake.on(IMAGES, json(200, fixture("image-b64.json")));

    services.provider().generate(TestServices.image("gpt-image-1", Map.of()), Progress.NONE);

    assertFalse(fake.onlyRequest().json().has("response_format"));
  }

  @Test
  void truncatedJsonIsTransient() {
    String whole = fixture("image-b64.json");
    fake.on(IMAGES, json(200, whole.substring(0, whole.indexOf("b64_json") + 20)));

    ProviderException e = assertThrows(ProviderException.class,
        () -> services.provider().generate(TestServices.image("gpt-image-1", Map.of()), Progress.NONE));

    assertEquals(ProviderException.Kind.TRANSIENT, e.kind());
  }

  @Test
  void anAnswerWithoutImagesIsTransient() {
    fake.on(IMAGES, json(200, "{\"created\":1764115200,\"data\":[]}"));

    ProviderException e = assertThrows(ProviderException.class,
        () -> services.provider().generate(TestServices.image("gpt-image-1", Map.of()), Progress.NONE));

    assertEquals(ProviderException.Kind.TRANSIENT, e.kind());
  }

  @Test
  void moreImagesThanOpenAiMakesIsPermanentAndSendsNothing() {
    ProviderException e = assertThrows(ProviderException.class, () -> services.provider()
        .generate(TestServices.image("dall-e-3", Map.of("n", "11")), Progress.NONE));

    assertEquals(ProviderException.Kind.PERMANENT, e.kind());
    assertEquals(0, fake.requests().size());
  }

  private static byte[] expectedBytes(String fixture) {
    String b64 = JsonParser.parseString(fixture(fixture)).getAsJsonObject().getAsJsonArray("data").get(0)
        .getAsJsonObject().get("b64_json").getAsString();
    return Base64.getDecoder().decode(b64);
  }
}
