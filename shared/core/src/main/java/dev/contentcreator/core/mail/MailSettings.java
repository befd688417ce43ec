package dev.contentcreator.core.mail;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import java.net.URI;
import java.util.Objects;

/**
 * The web app's address ({@code APP_URL}; unset, {@code http://HOST:PORT} of the local server),
 * which every link in an e-mail starts with.
 */
public final class MailSettings {
  private final String appUrl;

  private MailSettings(String appUrl) {
    Objects.requireNonNull(appUrl, "appUrl");
    URI uri;
    try {
      uri = new URI(appUrl);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("APP_URL is not an address: " + appUrl, e);
    }
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
        || uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException("APP_URL must be an http(s) address without query or fragment, got: " + appUrl);
    }
    this.appUrl = appUrl.endsWith("/") ? appUrl.substring(0, appUrl.length() - 1) : appUrl;
  }

  public static MailSettings of(String appUrl) {
    return new MailSettings(appUrl);
  }

  public static MailSettings from(Config config) {
    return of(config.find(Settings.APP_URL).orElseGet(() -> {
      String host = config.get(Settings.HOST);
      return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + config.get(Settings.PORT);
    }));
  }

  /** The absolute address of a path of the web app ({@code /projects/...}). */
  public String link(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("a web app path starts with /, got: " + path);
    }
    return appUrl + path;
  }

  public String appUrl() {
    return appUrl;
  }
}
