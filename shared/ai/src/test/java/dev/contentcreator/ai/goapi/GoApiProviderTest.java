package dev.contentcreator.ai.goapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.ports.ai.AsyncProvider.TaskStatus;
import dev.contentcreator.core.ports.ai.AsyncProvider.TaskStatus.State;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult.Media;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GoApiProviderTest {
  private final FakeGoApi goapi = new FakeGoApi();
  private final GoApiProvider provider = new GoApiProvider(GoApiClient.builder().baseUrl(goapi.baseUrl())
      .apiKey(GoApiClientTest.KEY).requestTimeout(Duration.ofSeconds(5)).build(), null);

  @AfterEach
  void stop() {
    goapi.close();
  }

  private static ItemRequest item(ContentKind kind, String model, String prompt, Map<String, String> options) {
    return new ItemRequest("item-1", kind, model, prompt, null, options, "user-1");
  }

  /** Submits and answers the JSON body GoAPI received. */
  private JsonObject sent(ItemRequest request) throws ProviderException {
    goapi.replyFixture("create-midjourney-imagine.json");
    provider.submit(request, null, null);
    return JsonParser.parseString(goapi.onlyRequest().body()).getAsJsonObject();
  }

  private JsonObject sentInput(ItemRequest request) throws ProviderException {
    return sent(request).getAsJsonObject("input");
  }

  private ProviderException refused(ItemRequest request) {
    ProviderException e = assertThrows(ProviderException.class, () -> provider.submit(request, null, null));
    assertEquals(Kind.PERMANENT, e.kind());
    assertTrue(goapi.requests().isEmpty(), "nothing was sent to GoAPI");
    return e;
  }

  private TaskStatus polled(String fixture) throws ProviderException {
    goapi.replyFixture(fixture);
    return provider.poll("5d3e1c0a-8f4b-4e2a-9b17-6c2f0e9a7b31");
  }

  private TaskStatus polledInline(String status, String output) throws ProviderException {
    goapi.reply(200, "{\"code\":200,\"message\":\"success\",\"data\":{\"task_id\":\"t-1\",\"model\":\"Qubico/flux1-dev\","
        + "\"task_type\":\"txt2img\",\"status\":\"" + status + "\",\"input\":{},\"output\":" + output
        + ",\"error\":{\"code\":0,\"message\":\"\"}}}");
    return provider.poll("t-1");
  }

  @Test
  void itIsGoapiForImagesAndVideo() {
    assertEquals("goapi", provider.name());
    assertEquals(Set.of(ContentKind.IMAGE, ContentKind.VIDEO), provider.kinds());
    assertEquals(List.of("midjourney", "Qubico/flux1-schnell", "Qubico/flux1-dev"), provider.models(ContentKind.IMAGE));
    assertEquals(List.of("kling"), provider.models(ContentKind.VIDEO));
    assertEquals(List.of(), provider.models(ContentKind.TEXT));
  }

  @Test
  void submitAnswersTheTaskIdGoApiGave() throws Exception {
    goapi.replyFixture("create-midjourney-imagine.json");
    assertEquals("5d3e1c0a-8f4b-4e2a-9b17-6c2f0e9a7b31",
        provider.submit(item(ContentKind.IMAGE, "midjourney", "a lighthouse", Map.of()), null, null));
  }

  @Test
  void midjourneyImaginesByDefault() throws Exception {
    JsonObject body = sent(item(ContentKind.IMAGE, "midjourney", " a lighthouse at dawn ",
        Map.of("aspectRatio", "16:9", "processMode", "fast")));
    assertEquals("midjourney", body.get("model").getAsString());
    assertEquals("imagine", body.get("task_type").getAsString());
    JsonObject input = body.getAsJsonObject("input");
    assertEquals("a lighthouse at dawn", input.get("prompt").getAsString());
    assertEquals("16:9", input.get("aspect_ratio").getAsString());
    assertEquals("fast", input.get("process_mode").getAsString());
  }

  @Test
  void submitPassesTheWebhookAndTheServiceMode() throws Exception {
    GoApiProvider publicMode = new GoApiProvider(GoApiClient.builder().baseUrl(goapi.baseUrl())
        .apiKey(GoApiClientTest.KEY).build(), "public");
    goapi.replyFixture("create-midjourney-imagine.json");
    publicMode.submit(item(ContentKind.IMAGE, "midjourney", "a lighthouse", Map.of()),
        "https://studio.example.com/api/webhooks/goapi", "whsec-test-4f1d");
    JsonObject config = JsonParser.parseString(goapi.onlyRequest().body()).getAsJsonObject().getAsJsonObject("config");
    assertEquals("public", config.get("service_mode").getAsString());
    JsonObject webhook = config.getAsJsonObject("webhook_config");
    assertEquals("https://studio.example.com/api/webhooks/goapi", webhook.get("endpoint").getAsString());
    assertEquals("whsec-test-4f1d", webhook.get("secret").getAsString());
  }

  @Test
  void midjourneyUpscaleSendsTheOriginTaskAndIndex() throws Exception {
    JsonObject body = sent(item(ContentKind.IMAGE, "midjourney", "", Map.of("taskType", "upscale",
        "originTaskId", "5d3e1c0a-8f4b-4e2a-9b17-6c2f0e9a7b31", "index", "2")));
    assertEquals("upscale", body.get("task_type").getAsString());
    JsonObject input = body.getAsJsonObject("input");
    assertEquals("5d3e1c0a-8f4b-4e2a-9b17-6c2f0e9a7b31", input.get("origin_task_id").getAsString());
    assertEquals("2", input.get("index").getAsString());
    assertFalse(input.has("prompt"));
  }

  @Test
  void midjourneyVariationSendsThePromptToo() throws Exception {
    JsonObject body = sent(item(ContentKind.IMAGE, "midjourney", "same, at dusk", Map.of("taskType", "variation",
        "originTaskId", "5d3e1c0a-8f4b-4e2a-9b17-6c2f0e9a7b31", "index", "4")));
    assertEquals("variation", body.get("task_type").getAsString());
    assertEquals("4", body.getAsJsonObject("input").get("index").getAsString());
    assertEquals("same, at dusk", body.getAsJsonObject("input").get("prompt").getAsString());
  }

  @Test
  void anUpscaleWithoutItsOriginTaskIsNotSent() {
    ProviderException e = refused(item(ContentKind.IMAGE, "midjourney", "", Map.of("taskType", "upscale", "index", "1")));
    assertTrue(e.userMessage().contains("originTaskId"), e.userMessage());
  }

  @Test
  void anUpscaleIndexOutsideOneToFourIsNotSent() {
    ProviderException e = refused(item(ContentKind.IMAGE, "midjourney", "", Map.of("taskType", "upscale",
        "originTaskId", "5d3e1c0a", "index", "5")));
    assertTrue(e.userMessage().contains("1 to 4"), e.userMessage());
  }

  @Test
  void anUnknownMidjourneyTaskTypeIsNotSent() {
    refused(item(ContentKind.IMAGE, "midjourney", "x", Map.of("taskType", "describe")));
  }

  @Test
  void fluxSendsTxt2imgWithTheRequestedSize() throws Exception {
    JsonObject body = sent(item(ContentKind.IMAGE, "Qubico/flux1-dev", "a red bicycle",
        Map.of("width", "1024", "height", "768", "negativePrompt", "text, watermark", "guidanceScale", "3.5")));
    assertEquals("Qubico/flux1-dev", body.get("model").getAsString());
    assertEquals("txt2img", body.get("task_type").getAsString());
    JsonObject input = body.getAsJsonObject("input");
    assertEquals("a red bicycle", input.get("prompt").getAsString());
    assertEquals(1024, input.get("width").getAsInt());
    assertEquals(768, input.get("height").getAsInt());
    assertEquals("text, watermark", input.get("negative_prompt").getAsString());
    assertEquals(3.5, input.get("guidance_scale").getAsDouble());
  }

  @Test
  void fluxDefaultsToA1024Square() throws Exception {
    JsonObject input = sentInput(item(ContentKind.IMAGE, "Qubico/flux1-schnell", "a red bicycle", Map.of()));
    assertEquals(1024, input.get("width").getAsInt());
    assertEquals(1024, input.get("height").getAsInt());
  }

  @Test
  void fluxReadsTheSizeOption() throws Exception {
    JsonObject input = sentInput(item(ContentKind.IMAGE, "Qubico/flux1-schnell", "a red bicycle",
        Map.of("size", "512x768")));
    assertEquals(512, input.get("width").getAsInt());
    assertEquals(768, input.get("height").getAsInt());
  }

  @Test
  void fluxAtExactlyThePixelLimitIsSent() throws Exception {
    JsonObject input = sentInput(item(ContentKind.IMAGE, "Qubico/flux1-schnell", "a red bicycle",
        Map.of("width", "2048", "height", "512")));
    assertEquals(2048L * 512, GoApiProvider.FLUX_MAX_PIXELS);
    assertEquals(2048, input.get("width").getAsInt());
  }

  @Test
  void fluxOverThePixelLimitIsNotSent() {
    ProviderException e = refused(item(ContentKind.IMAGE, "Qubico/flux1-schnell", "a red bicycle",
        Map.of("width", "1025", "height", "1024")));
    assertTrue(e.userMessage().contains("1048576"), e.userMessage());
  }

  @Test
  void fluxWithAWidthThatIsNotANumberIsNotSent() {
    refused(item(ContentKind.IMAGE, "Qubico/flux1-dev", "a red bicycle", Map.of("width", "wide")));
  }

  @Test
  void fluxWithAGuidanceScaleOutOfRangeIsNotSent() {
    refused(item(ContentKind.IMAGE, "Qubico/flux1-dev", "a red bicycle", Map.of("guidanceScale", "9")));
  }

  @Test
  void klingSendsVideoGenerationWithItsDefaults() throws Exception {
    JsonObject body = sent(item(ContentKind.VIDEO, "kling", "waves on a pebble beach", Map.of()));
    assertEquals("kling", body.get("model").getAsString());
    assertEquals("video_generation", body.get("task_type").getAsString());
    JsonObject input = body.getAsJsonObject("input");
    assertEquals("waves on a pebble beach", input.get("prompt").getAsString());
    assertEquals(5, input.get("duration").getAsInt());
    assertEquals("std", input.get("mode").getAsString());
    assertEquals("16:9", input.get("aspect_ratio").getAsString());
    assertFalse(input.has("version"));
  }

  @Test
  void klingSendsTheChosenDurationModeRatioAndVersion() throws Exception {
    JsonObject input = sentInput(item(ContentKind.VIDEO, "kling", "a paper boat", Map.of("duration", "10",
        "mode", "pro", "aspectRatio", "9:16", "version", "2.1")));
    assertEquals(10, input.get("duration").getAsInt());
    assertEquals("pro", input.get("mode").getAsString());
    assertEquals("9:16", input.get("aspect_ratio").getAsString());
    assertEquals("2.1", input.get("version").getAsString());
  }

  @Test
  void klingOnlyMakesFiveOrTenSeconds() {
    ProviderException e = refused(item(ContentKind.VIDEO, "kling", "a paper boat", Map.of("duration", "7")));
    assertTrue(e.userMessage().contains("5 or 10"), e.userMessage());
  }

  @Test
  void klingModeMustBeStdOrPro() {
    refused(item(ContentKind.VIDEO, "kling", "a paper boat", Map.of("mode", "ultra")));
  }

  @Test
  void anUnknownModelIsNotSent() {
    refused(item(ContentKind.IMAGE, "dall-e-3", "a cat", Map.of()));
  }

  @Test
  void anImageModelAskedForVideoIsNotSent() {
    ProviderException e = refused(item(ContentKind.VIDEO, "midjourney", "a cat", Map.of()));
    assertTrue(e.userMessage().contains("makes images"), e.userMessage());
  }

  @Test
  void aBlankPromptIsNotSent() {
    refused(item(ContentKind.IMAGE, "midjourney", "   ", Map.of()));
  }

  @Test
  void aPendingTaskIsPending() throws Exception {
    TaskStatus status = polled("get-midjourney-imagine-pending.json");
    assertEquals(State.PENDING, status.state());
    assertEquals(0, status.percent());
    assertNull(status.result());
  }

  @Test
  void aStagedTaskIsPending() throws Exception {
    assertEquals(State.PENDING, polledInline("staged", "null").state());
  }

  @Test
  void aProcessingTaskCarriesItsProgress() throws Exception {
    TaskStatus status = polled("get-midjourney-imagine-processing.json");
    assertEquals(State.PROCESSING, status.state());
    assertEquals(46, status.percent());
    assertEquals("5d3e1c0a-8f4b-4e2a-9b17-6c2f0e9a7b31", status.providerTaskId());
  }

  @Test
  void aCompletedImagineGivesItsFourImages() throws Exception {
    TaskStatus status = polled("get-midjourney-imagine-completed.json");
    assertEquals(State.COMPLETED, status.state());
    assertEquals(100, status.percent());
    List<Media> media = status.result().media();
    assertEquals(List.of("https://img.theapi.app/mj/5d3e1c0a-1.png", "https://img.theapi.app/mj/5d3e1c0a-2.png",
        "https://img.theapi.app/mj/5d3e1c0a-3.png", "https://img.theapi.app/mj/5d3e1c0a-4.png"),
        media.stream().map(Media::url).toList());
    assertTrue(media.stream().allMatch(m -> m.contentType().equals("image/png") && m.bytes() == null));
    assertEquals(4, status.result().usage().images());
    assertEquals("goapi", status.result().provider());
    assertEquals("midjourney", status.result().model());
  }

  @Test
  void aCompletedUpscalePrefersThePermanentUrl() throws Exception {
    List<Media> media = polled("get-midjourney-upscale-completed.json").result().media();
    assertEquals(1, media.size());
    assertEquals("https://storage.goapi.ai/mj/a81f0d6e.webp", media.get(0).url());
    assertEquals("image/webp", media.get(0).contentType());
  }

  @Test
  void aCompletedFluxImageHasTheRequestedSize() throws Exception {
    TaskStatus status = polled("get-flux-completed.json");
    Media image = status.result().media().get(0);
    assertEquals("https://img.theapi.app/temp/c0ffee12-3456-4789-abcd-ef0123456789.png", image.url());
    assertEquals(1024, image.width());
    assertEquals(768, image.height());
    assertEquals(1, status.result().usage().images());
    assertEquals("Qubico/flux1-schnell", status.result().model());
  }

  @Test
  void aFluxImageGivenAsBase64ComesAsBytes() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    Media image = polledInline("completed", "{\"image_url\":\"\",\"image_base64\":\""
        + Base64.getEncoder().encodeToString(png) + "\"}").result().media().get(0);
    assertArrayEquals(png, image.bytes());
    assertNull(image.url());
    assertEquals("image/png", image.contentType());
  }

  @Test
  void aCompletedKlingVideoComesWithoutTheWatermark() throws Exception {
    TaskStatus status = polled("get-kling-completed-works.json");
    Media video = status.result().media().get(0);
    assertEquals(1, status.result().media().size());
    assertEquals("https://storage.goapi.ai/kling/7b1e4f20.mp4", video.url());
    assertEquals("video/mp4", video.contentType());
    assertEquals(1280, video.width());
    assertEquals(720, video.height());
    assertEquals(5.1, video.durationSeconds());
    assertEquals(5.0, status.result().usage().videoSeconds());
    assertEquals(0, status.result().usage().images());
  }

  @Test
  void aCompletedKlingVideoUrlIsRead() throws Exception {
    TaskStatus status = polled("get-kling-completed-video-url.json");
    Media video = status.result().media().get(0);
    assertEquals("https://img.theapi.app/ephemeral/e4d3c2b1-0a9f-4e8d-8c7b-6a5f4e3d2c1b.mp4", video.url());
    assertEquals(10.0, video.durationSeconds());
    assertEquals(10.0, status.result().usage().videoSeconds());
  }

  @Test
  void aBannedPromptFailsWithAReasonAPersonCanRead() throws Exception {
    TaskStatus status = polled("get-midjourney-failed-banned.json");
    assertEquals(State.FAILED, status.state());
    assertNull(status.result());
    assertEquals("The prompt was refused by the provider's content filter (GoAPI said: failed to do imagine: "
        + "banned prompt detected).", status.error());
  }

  @Test
  void anotherFailureQuotesGoApi() throws Exception {
    TaskStatus status = polled("get-kling-failed.json");
    assertEquals(State.FAILED, status.state());
    assertEquals("GoAPI could not finish the task: task failed after 3 attempts: upstream generation timed out",
        status.error());
  }

  @Test
  void aFailureWithOnlyMidjourneysMessagesUsesThem() throws Exception {
    TaskStatus status = polledInline("failed", "{\"error_messages\":[\"Image denied\",\"Request cancelled\"]}");
    assertTrue(status.error().startsWith("The prompt was refused"), status.error());
    assertTrue(status.error().contains("Image denied; Request cancelled"), status.error());
  }

  @Test
  void aCompletedTaskWithoutMediaIsTransient() {
    ProviderException e = assertThrows(ProviderException.class,
        () -> polledInline("completed", "{\"image_url\":\"\",\"image_urls\":[]}"));
    assertEquals(Kind.TRANSIENT, e.kind());
  }

  @Test
  void anUnknownStatusIsTransient() {
    ProviderException e = assertThrows(ProviderException.class, () -> polledInline("exploded", "{}"));
    assertEquals(Kind.TRANSIENT, e.kind());
  }

  @Test
  void theContentTypeComesFromTheUrlOrElseTheKind() {
    assertEquals("image/jpeg", GoApiResults.contentType("https://cdn.test/a/b.JPG?x=1", ContentKind.IMAGE));
    assertEquals("image/png", GoApiResults.contentType("https://cdn.test/a/image", ContentKind.IMAGE));
    assertEquals("video/mp4", GoApiResults.contentType("https://cdn.test/a.v2/clip", ContentKind.VIDEO));
    assertEquals("video/webm", GoApiResults.contentType("https://cdn.test/clip.webm", ContentKind.VIDEO));
  }

  @Test
  void anUnknownServiceModeIsRefused() {
    GoApiClient client = GoApiClient.builder().apiKey("k").build();
    assertThrows(IllegalArgumentException.class, () -> new GoApiProvider(client, "cheap"));
  }
}
