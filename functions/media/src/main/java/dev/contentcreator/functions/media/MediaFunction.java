package dev.contentcreator.functions.media;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.contentcreator.core.http.Gateway;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.platform.WarmStart;

/** {@code POST /api/projects/{id}/media}: uploads and imports of images and videos. */
public final class MediaFunction implements HttpFunction {
  public MediaFunction() {
    WarmStart.begin(() -> Holder.GATEWAY);
  }

  @Override
  public void service(HttpRequest request, HttpResponse response) {
    Holder.GATEWAY.service(request, response);
  }

  private static final class Holder {
    static final Services SERVICES = new Services(Platform.get());
    static final Gateway GATEWAY = SERVICES.gateway(MediaApi.router(SERVICES));
  }
}
