package dev.contentcreator.functions.users;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.contentcreator.core.http.Gateway;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.platform.WarmStart;

/** {@code GET|PATCH /api/me}: the signed-in person's own record. */
public final class UsersFunction implements HttpFunction {
  public UsersFunction() {
    WarmStart.begin(() -> Holder.GATEWAY);
  }

  @Override
  public void service(HttpRequest request, HttpResponse response) {
    Holder.GATEWAY.service(request, response);
  }

  private static final class Holder {
    static final Services SERVICES = new Services(Platform.get());
    static final Gateway GATEWAY = SERVICES.gateway(UsersApi.router(SERVICES));
  }
}
