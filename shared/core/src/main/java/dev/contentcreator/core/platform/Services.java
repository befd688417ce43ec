package dev.contentcreator.core.platform;

import dev.contentcreator.core.http.Gateway;
import dev.contentcreator.core.http.GatewaySettings;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.users.UserService;
import java.util.Objects;

/**
 * The domain services of one function instance, made on first use over the ports of a
 * {@link Platform}, and the gateway that puts a function's routes behind auth, limits and logs.
 */
public final class Services {
  private final Platform platform;
  private volatile UserService users;
  private volatile ProjectService projects;

  public Services(Platform platform) {
    this.platform = Objects.requireNonNull(platform, "platform");
  }

  public Platform platform() {
    return platform;
  }

  public UserService users() {
    UserService u = users;
    if (u == null) {
      synchronized (this) {
        if (users == null) {
          users = new UserService(platform.documents(), platform.clock());
        }
        u = users;
      }
    }
    return u;
  }

  public ProjectService projects() {
    ProjectService p = projects;
    if (p == null) {
      synchronized (this) {
        if (projects == null) {
          projects = new ProjectService(platform.documents(), users(), platform::identity, platform.clock());
        }
        p = projects;
      }
    }
    return p;
  }

  /** A gateway for these routes: every signed-in caller gets a user record on first sight. */
  public Gateway gateway(Router router) {
    return Gateway.builder()
        .router(router)
        .identity(platform::identity)
        .rateLimiter(platform::rateLimiter)
        .onSignedIn(caller -> users().ensure(caller))
        .settings(GatewaySettings.from(platform.config()))
        .build();
  }
}
