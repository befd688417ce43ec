package dev.contentcreator.functions.health;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.contentcreator.core.http.Gateway;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;

/** {@code GET /api/health}: answers without a token and without touching any store. */
public final class HealthFunction implements HttpFunction {
  @Override
  public void service(HttpRequest request, HttpResponse response) {
    Holder.GATEWAY.service(request, response);
  }

  private static final class Holder {
    static final Gateway GATEWAY = new Services(Platform.get()).gateway(HealthApi.router(Platform.get()));
  }
}
