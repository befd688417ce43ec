package dev.contentcreator.functions.scheduler;

import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.config.Setting;
import dev.contentcreator.core.batches.BatchService;
import dev.contentcreator.core.generation.FanOut;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.InternalEndpoint;
import dev.contentcreator.core.http.RequestLog;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.gcp.backup.FirestoreExporter;
import dev.contentcreator.gcp.oidc.GoogleOidcVerifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What Cloud Scheduler calls, each with an OIDC token of the scheduler's service account:
 * {@code POST /batches:tick} (every minute) starts the batch runs that are due, once each however
 * often it is called; {@code POST /backups:export} (daily) starts a Firestore export to the backup
 * bucket; {@code POST /jobs:sweep} fans out jobs still queued whose event never arrived or was
 * dropped as too old. The services are made on first use, so a tick never makes the exporter.
 */
public final class SchedulerApi {
  static final Setting<String> AUDIENCE = Settings.SCHEDULER_AUDIENCE;
  static final Setting<String> INVOKERS = Settings.SCHEDULER_INVOKER_SA;

  private SchedulerApi() {}

  public static InternalEndpoint endpoint(GoogleOidcVerifier verifier, Supplier<BatchService> batches,
      Supplier<FirestoreExporter> exporter, Supplier<FanOut> fanOut, RequestLog log) {
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(batches, "batches");
    Objects.requireNonNull(exporter, "exporter");
    Objects.requireNonNull(fanOut, "fanOut");
    return InternalEndpoint.builder(verifier)
        .post("batches:tick", r -> ApiResponse.ok(Map.of("started", batches.get().tick())))
        .post("backups:export", r -> export(exporter.get()))
        .post("jobs:sweep", r -> ApiResponse.ok(Map.of("jobs", fanOut.get().fanOutQueuedJobs())))
        .maxBodyBytes(64 * 1024)
        .log(log)
        .build();
  }

  private static ApiResponse export(FirestoreExporter exporter) {
    FirestoreExporter.Export export;
    try {
      export = exporter.export();
    } catch (FirestoreExporter.ExportException e) {
      Log.error("the Firestore export did not start", e);
      if (e.status() == 0) {
        throw ApiException.of(503, "export-unavailable", "Try again later",
            "Firestore could not be reached to start the export.").withHeaders(Map.of("Retry-After", "60"));
      }
      throw ApiException.of(502, "export-refused", "The export did not start",
          "Firestore refused to start the export; the reason is in the function's log.");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("operation", export.operation());
    body.put("outputUriPrefix", export.outputUriPrefix());
    return ApiResponse.accepted("/" + export.operation(), body);
  }
}
