package dev.contentcreator.functions.batches;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.core.batches.BatchService;
import dev.contentcreator.core.batches.BatchView;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.exports.RunExports;
import dev.contentcreator.core.generation.GenerationRequest;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.FieldError;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.platform.Services;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The routes of batches: request checks here, rules in {@link BatchService}. */
public final class BatchesApi {
  static final long MAX_CSV_BYTES = 2L * 1024 * 1024;

  private BatchesApi() {}

  public static Router router(Services s) {
    String base = "/api/projects/{projectId}/batches";
    return Router.builder()
        .get(base, r -> ApiResponse.ok(s.batches().list(r.caller().uid(), r.pathParam("projectId"),
            r.intQueryParam("limit", 20, 1, 100), r.queryParam("cursor").orElse(null))))
        .post(base, r -> create(s, r))
        .get(base + "/{batchId}", r -> {
          BatchView b = s.batches().get(r.caller().uid(), r.pathParam("projectId"), r.pathParam("batchId"));
          return ApiResponse.ok(b).etag(b.version());
        })
        .patch(base + "/{batchId}", r -> update(s, r))
        .delete(base + "/{batchId}", r -> {
          s.batches().delete(r.caller().uid(), r.pathParam("projectId"), r.pathParam("batchId"),
              r.header("If-Match").orElse(null));
          return ApiResponse.noContent();
        }).sensitive()
        .upload(base + "/{batchId}/rows", MAX_CSV_BYTES, r -> {
          BatchView b = s.batches().setRowsFromCsv(r.caller().uid(), r.pathParam("projectId"), r.pathParam("batchId"),
              r.rawBody());
          return ApiResponse.ok(b).etag(b.version());
        })
        .get(base + "/{batchId}/runs", r -> ApiResponse.ok(s.batches().runs(r.caller().uid(), r.pathParam("projectId"),
            r.pathParam("batchId"), r.intQueryParam("limit", 20, 1, 100), r.queryParam("cursor").orElse(null))))
        .get(base + "/{batchId}/runs/{runId}/export", r -> export(s, r))
        .get(base + "/{batchId}/runs/{runId}/media.zip", r -> mediaZip(s, r))
        .post(base + "/{batchId}/run", r -> runNow(s, r)).legacyAlias(base + "/{batchId}:run")
        .post(base + "/{batchId}/cancel", r -> ApiResponse.ok(
            s.batches().cancelRun(r.caller().uid(), r.pathParam("projectId"), r.pathParam("batchId"))))
        .legacyAlias(base + "/{batchId}:cancel")
        .build();
  }

  /**
   * The run as a CSV or JSON Lines file, streamed as it is read; everything that can refuse it
   * (who asks, the format, the run) is checked before the answer starts.
   */
  private static ApiResponse export(Services s, ApiRequest r) {
    RunExports.Prepared p = s.runExports().prepare(r.caller().uid(), r.pathParam("projectId"), r.pathParam("batchId"),
        r.pathParam("runId"), r.queryParam("format").orElse(null));
    return p.response();
  }

  /** A run's media as one ZIP, streamed as the blobs are read. */
  private static ApiResponse mediaZip(Services s, ApiRequest r) {
    return s.runExports().prepareMediaZip(r.caller().uid(), r.pathParam("projectId"),
        r.pathParam("batchId"), r.pathParam("runId")).response();
  }


  /** 201 with the run it started, or 200 with the run an earlier press started (still going, or just now). */
  private static ApiResponse runNow(Services s, ApiRequest r) {
    BatchService.RunNow answer = s.batches().runNow(r.caller().uid(), r.pathParam("projectId"), r.pathParam("batchId"));
    return answer.started()
        ? ApiResponse.created("/api/projects/" + r.pathParam("projectId") + "/batches/" + r.pathParam("batchId")
            + "/runs", answer.run())
        : ApiResponse.ok(answer.run());
  }

  private static ApiResponse create(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    s.projects().requireRole(r.caller().uid(), projectId, Role.EDITOR);
    JsonBody body = r.json();
    String name = body.requiredString("name", 1, 100);
    String templateId = body.requiredString("templateId", 1, 100);
    List<Map<String, String>> rows = rows(body);
    String schedule = body.requiredString("schedule", 1, 200);
    String timeZone = body.string("timeZone", 1, 64).orElse("UTC");
    int maxConcurrent = body.integer("maxConcurrent", 4, 1, 32);
    long budget = body.integer("budgetMicros", 0, 0, Integer.MAX_VALUE);
    Optional<String> provider = body.string("provider", 1, 40);
    Optional<String> model = body.string("model", 1, 100);
    Map<String, String> options = new HashMap<>();
    body.object("options").ifPresent(o -> o.entrySet().forEach(e -> {
      if (e.getValue().isJsonPrimitive()) {
        options.put(e.getKey(), e.getValue().getAsString());
      } else {
        body.reject("options." + e.getKey(), "must be a string, number or boolean");
      }
    }));
    for (FieldError e : GenerationRequest.checkOptions(options)) {
      body.reject(e.field(), e.message());
    }
    body.finish();
    BatchView b = s.batches().create(r.caller().uid(), projectId, new BatchService.Spec(name, templateId, rows, schedule,
        timeZone, maxConcurrent, budget, provider, model, options));
    return ApiResponse.created("/api/projects/" + projectId + "/batches/" + b.id(), b).etag(b.version());
  }

  private static ApiResponse update(Services s, ApiRequest r) {
    s.projects().requireRole(r.caller().uid(), r.pathParam("projectId"), Role.EDITOR);
    JsonBody body = r.json();
    Optional<String> name = body.string("name", 1, 100);
    Optional<Boolean> paused = body.bool("paused");
    Optional<String> schedule = body.string("schedule", 1, 200);
    Optional<String> timeZone = body.string("timeZone", 1, 64);
    Optional<Integer> maxConcurrent = body.has("maxConcurrent")
        ? Optional.of(body.integer("maxConcurrent", 4, 1, 32)) : Optional.empty();
    Optional<Long> budget = body.has("budgetMicros")
        ? Optional.of((long) body.integer("budgetMicros", 0, 0, Integer.MAX_VALUE)) : Optional.empty();
    Optional<List<Map<String, String>>> rows = body.has("rows") ? Optional.of(rows(body)) : Optional.empty();
    body.finish();
    BatchView b = s.batches().update(r.caller().uid(), r.pathParam("projectId"), r.pathParam("batchId"),
        r.header("If-Match").orElse(null),
        new BatchService.Change(name, paused, schedule, timeZone, maxConcurrent, budget, rows));
    return ApiResponse.ok(b).etag(b.version());
  }

  /** The typed-in rows: a list of objects of strings (numbers and booleans taken as their text). */
  private static List<Map<String, String>> rows(JsonBody body) {
    List<Map<String, String>> rows = new ArrayList<>();
    Optional<JsonElement> raw = body.element("rows");
    if (raw.isEmpty()) {
      return rows;
    }
    if (!raw.get().isJsonArray()) {
      body.reject("rows", "must be a list of objects, one per row");
      return rows;
    }
    int n = 0;
    for (JsonElement e : raw.get().getAsJsonArray()) {
      if (!e.isJsonObject()) {
        body.reject("rows[" + n + "]", "must be an object of the template's variables");
      } else {
        Map<String, String> row = new HashMap<>();
        for (Map.Entry<String, JsonElement> v : ((JsonObject) e).entrySet()) {
          if (v.getValue().isJsonPrimitive()) {
            row.put(v.getKey(), v.getValue().getAsString());
          } else if (!v.getValue().isJsonNull()) {
            body.reject("rows[" + n + "]." + v.getKey(), "must be a string, number or boolean");
          }
        }
        rows.add(row);
      }
      n++;
    }
    return rows;
  }
}
