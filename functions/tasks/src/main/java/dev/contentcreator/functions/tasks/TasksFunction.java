package dev.contentcreator.functions.tasks;

import dev.contentcreator.core.config.ProjectId;
import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.contentcreator.core.generation.GenerationTasks;
import dev.contentcreator.core.http.InternalEndpoint;
import dev.contentcreator.core.http.RequestLog;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.gcp.oidc.GoogleOidcVerifier;

/**
 * {@code POST /{handler}}: Cloud Tasks delivers one task here, with an OIDC token of the invoker
 * service account ({@code TASKS_AUDIENCE}, {@code TASKS_INVOKER_SA}). Internal: no hosting rewrite.
 */
public final class TasksFunction implements HttpFunction {
  @Override
  public void service(HttpRequest request, HttpResponse response) {
    Holder.ENDPOINT.service(request, response);
  }

  private static final class Holder {
    static final Services SERVICES = new Services(Platform.get());
    static final InternalEndpoint ENDPOINT = TasksApi.endpoint(
        GoogleOidcVerifier.fromConfig(Platform.get().config(), TasksApi.AUDIENCE, TasksApi.INVOKERS),
        handlers(), Platform.get().clock(),
        RequestLog.standard(ProjectId.resolve(Platform.get().config())));

    /** Generation's handlers, the purge's, mail's, webhooks' and exports': the same table the local queue runs. */
    private static java.util.Map<String, dev.contentcreator.core.ports.TaskHandler> handlers() {
      java.util.Map<String, dev.contentcreator.core.ports.TaskHandler> all =
          new java.util.HashMap<>(GenerationTasks.handlers(SERVICES::runner));
      all.putAll(dev.contentcreator.core.deletion.PurgeService.handlers(SERVICES::purges));
      all.putAll(dev.contentcreator.core.mail.MailService.handlers(SERVICES::mail));
      all.putAll(dev.contentcreator.core.hooks.HookService.handlers(SERVICES::hooks));
      all.putAll(dev.contentcreator.core.knowledge.KnowledgeService.handlers(SERVICES::knowledge));
      all.putAll(dev.contentcreator.core.exports.BackgroundExports.handlers(SERVICES::backgroundExports));
      all.putAll(dev.contentcreator.core.publishing.PublishingService.handlers(SERVICES::publishing));
      return all;
    }
  }
}
