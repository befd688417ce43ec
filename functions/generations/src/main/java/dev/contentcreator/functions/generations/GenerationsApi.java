package dev.contentcreator.functions.generations;

import dev.contentcreator.core.brand.VoiceDraft;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.generation.GenerationRequest;
import dev.contentcreator.core.generation.GenerationService;
import dev.contentcreator.core.generation.JobStream;
import dev.contentcreator.core.generation.StreamSettings;
import dev.contentcreator.core.generation.StreamSlots;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.FieldError;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.platform.Services;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The routes of generations: request checks here, rules in {@link GenerationService}. */
public final class GenerationsApi {
  private GenerationsApi() {}

  public static Router router(Services services) {
    String base = "/api/projects/{projectId}/generations";
    StreamSettings streamSettings = services.platform().settings(StreamSettings.class, StreamSettings::from);
    // The slots outlive a stream a little, so a crashed instance's claims expire by themselves.
    StreamSlots slots = new StreamSlots(services.platform()::cache, streamSettings.maxPerPerson(),
        streamSettings.maxDuration().plusSeconds(15), System::nanoTime);
    JobStream streams = new JobStream(services::generation, services::projects, services.platform().jobEvents(), slots,
        streamSettings, System::nanoTime);
    return Router.builder()
        .post(base, r -> create(services, r))
        .get(base + "/{jobId}", r -> ApiResponse.ok(services.generation().get(r.caller().uid(),
            r.pathParam("projectId"), r.pathParam("jobId"))))
        // Server-sent events, bounded in time and number: see JobStream.
        .get(base + "/{jobId}/events", r -> streams.open(r.caller().uid(), r.pathParam("projectId"),
            r.pathParam("jobId"), r.header("Last-Event-ID")))
        // Routed here by firebase.json: a fix is a regeneration, and only this function calls providers.
        .post("/api/projects/{projectId}/contents/{contentId}/fix", r -> fix(services, r))
        // Also routed here: a brand voice drafted from samples is a provider call.
        .post("/api/projects/{projectId}/brand/draft", r -> draft(services, r))
        // Also routed here: a forecast shapes the request as a generation does.
        .post("/api/projects/{projectId}/forecast", r -> forecast(services, r))
        .post(base + "/{jobId}/cancel", r -> ApiResponse.ok(services.generation().cancel(r.caller().uid(),
            r.pathParam("projectId"), r.pathParam("jobId")))).legacyAlias(base + "/{jobId}:cancel")
        .build();
  }

  private static ApiResponse create(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    s.projects().requireRole(r.caller().uid(), projectId, dev.contentcreator.core.domain.Role.EDITOR);
    GenerationRequest req = request(r.json());
    GenerationService.Accepted a = s.generation().create(r.caller(), projectId, r.header("Idempotency-Key").orElse(null),
        req);
    String location = "/api/projects/" + projectId + "/generations/" + a.jobId();
    return ApiResponse.accepted(location, a.view()).header("Idempotent-Replayed", Boolean.toString(!a.created()));
  }

  /** The body of a generation (also of a forecast of one), checked field by field. */
  private static GenerationRequest request(JsonBody body) {
    Optional<String> kindText = body.string("kind", 1, 10);
    Optional<ContentKind> kind = kindText.flatMap(k -> {
      try {
        return Optional.of(ContentKind.valueOf(k.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    });
    if (kind.isEmpty()) {
      body.reject("kind", "is required: text, image or video");
    }
    Optional<String> prompt = body.string("prompt", 1, 20_000);
    Optional<String> templateId = body.string("templateId", 1, 100);
    Map<String, String> variables = body.stringMap("variables", 50, 20_000);
    Optional<String> provider = body.string("provider", 1, 40);
    Optional<String> model = body.string("model", 1, 100);
    Map<String, String> options = body.stringMap("options", 30, 20_000);
    for (FieldError e : GenerationRequest.checkOptions(options)) {
      body.reject(e.field(), e.message());
    }
    int count = body.integer("count", 1, 1, 1000);
    boolean fresh = body.bool("fresh").orElse(false);
    Optional<String> contentId = body.string("contentId", 1, 128);
    boolean useKnowledge = body.bool("useKnowledge").orElse(false);
    Optional<String> brandKitId = body.string("brandKitId", 1, 128);
    body.finish();
    return new GenerationRequest(kind.get(), prompt, templateId, variables, provider, model, options, count, fresh,
        contentId, useKnowledge, brandKitId);
  }

  /**
   * A forecast of what a generation ({@code kind}, {@code prompt} ... as its body) or a run of a
   * batch ({@code batchId} alone) would hold against the budgets; routed here by firebase.json.
   */
  private static ApiResponse forecast(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    s.projects().requireRole(r.caller().uid(), projectId, dev.contentcreator.core.domain.Role.EDITOR);
    JsonBody body = r.json();
    if (body.has("batchId")) {
      String batchId = body.requiredString("batchId", 1, 128);
      body.finish();
      return ApiResponse.ok(s.batches().forecast(r.caller().uid(), projectId, batchId, s.budgets()));
    }
    return ApiResponse.ok(s.generation().forecast(r.caller(), projectId, request(body), s.budgets()));
  }

  private static ApiResponse fix(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    GenerationService.Accepted a = s.generation().fix(r.caller(), projectId, r.pathParam("contentId"),
        r.header("Idempotency-Key").orElse(null));
    String location = "/api/projects/" + projectId + "/generations/" + a.jobId();
    return ApiResponse.accepted(location, a.view()).header("Idempotent-Replayed", Boolean.toString(!a.created()));
  }

  private static ApiResponse draft(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    s.projects().requireRole(r.caller().uid(), projectId, dev.contentcreator.core.domain.Role.EDITOR);
    JsonBody body = r.json();
    java.util.List<String> samples = body.strings("samples", VoiceDraft.MAX_SAMPLES, VoiceDraft.MAX_SAMPLE_LENGTH)
        .orElse(java.util.List.of());
    if (samples.isEmpty()) {
      body.reject("samples", "give 1 to " + VoiceDraft.MAX_SAMPLES + " sample texts");
    } else if (samples.stream().mapToInt(String::length).sum() > VoiceDraft.MAX_TOTAL) {
      body.reject("samples", "the samples may hold at most " + VoiceDraft.MAX_TOTAL + " characters in all");
    }
    body.finish();
    return ApiResponse.ok(s.generation().draftVoice(r.caller().uid(), projectId, samples));
  }
}
