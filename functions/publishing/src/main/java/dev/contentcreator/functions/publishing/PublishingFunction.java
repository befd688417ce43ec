package dev.contentcreator.functions.publishing;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.contentcreator.core.http.Gateway;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.platform.WarmStart;

/** {@code /api/projects/{id}/connections} and {@code .../publications}: publishing a project's content items. */
public final class PublishingFunction implements HttpFunction {
  public PublishingFunction() {
    WarmStart.begin(() -> Holder.GATEWAY);
  }

  @Override
  public void service(HttpRequest request, HttpResponse response) {
    Holder.GATEWAY.service(request, response);
  }

  private static final class Holder {
    static final Services SERVICES = new Services(Platform.get());
    static final Gateway GATEWAY = SERVICES.gateway(PublishingApi.router(SERVICES));
  }
}
