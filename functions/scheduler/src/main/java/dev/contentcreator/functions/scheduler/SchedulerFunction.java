package dev.contentcreator.functions.scheduler;

import dev.contentcreator.core.config.ProjectId;
import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.contentcreator.core.http.InternalEndpoint;
import dev.contentcreator.core.http.RequestLog;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.gcp.backup.FirestoreExporter;
import dev.contentcreator.gcp.oidc.GoogleOidcVerifier;

/**
 * {@code POST /batches:tick}, {@code /backups:export}, {@code /jobs:sweep}: Cloud Scheduler's
 * targets, OIDC-checked ({@code SCHEDULER_AUDIENCE}, {@code SCHEDULER_INVOKER_SA}). Internal: no
 * hosting rewrite.
 */
public final class SchedulerFunction implements HttpFunction {
  @Override
  public void service(HttpRequest request, HttpResponse response) {
    Holder.ENDPOINT.service(request, response);
  }

  private static final class Holder {
    static final Services SERVICES = new Services(Platform.get());
    static final InternalEndpoint ENDPOINT = SchedulerApi.endpoint(
        GoogleOidcVerifier.fromConfig(Platform.get().config(), SchedulerApi.AUDIENCE, SchedulerApi.INVOKERS),
        SERVICES::batches, () -> Exporter.INSTANCE, SERVICES::fanOut,
        RequestLog.standard(ProjectId.resolve(Platform.get().config())));
  }

  /** Made on the first export only: a tick needs no backup bucket. */
  private static final class Exporter {
    static final FirestoreExporter INSTANCE = FirestoreExporter.fromConfig(Platform.get().config());
  }
}
