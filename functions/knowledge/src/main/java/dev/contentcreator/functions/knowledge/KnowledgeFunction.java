package dev.contentcreator.functions.knowledge;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.contentcreator.core.http.Gateway;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.platform.WarmStart;

/** {@code /api/projects/{id}/knowledge}: a project's brand knowledge (editors add and delete, members read and search). */
public final class KnowledgeFunction implements HttpFunction {
  public KnowledgeFunction() {
    WarmStart.begin(() -> Holder.GATEWAY);
  }

  @Override
  public void service(HttpRequest request, HttpResponse response) {
    Holder.GATEWAY.service(request, response);
  }

  private static final class Holder {
    static final Services SERVICES = new Services(Platform.get());
    static final Gateway GATEWAY = SERVICES.gateway(KnowledgeApi.router(SERVICES));
  }
}
