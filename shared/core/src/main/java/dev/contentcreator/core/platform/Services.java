package dev.contentcreator.core.platform;

import dev.contentcreator.core.batches.BatchService;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.generation.FanOut;
import dev.contentcreator.core.generation.GenerationService;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.generation.ItemRunner;
import dev.contentcreator.core.media.MediaService;
import dev.contentcreator.core.http.Gateway;
import dev.contentcreator.core.http.GatewaySettings;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.templates.TemplateService;
import dev.contentcreator.core.usage.Limits;
import dev.contentcreator.core.usage.UsageService;
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
  private volatile TemplateService templates;
  private volatile UsageService usage;
  private volatile ContentService contents;
  private volatile GenerationService generation;
  private volatile ItemRunner runner;
  private volatile MediaService media;
  private volatile BatchService batches;

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

  public TemplateService templates() {
    TemplateService t = templates;
    if (t == null) {
      synchronized (this) {
        if (templates == null) {
          templates = new TemplateService(platform.documents(), projects(), platform.clock());
        }
        t = templates;
      }
    }
    return t;
  }

  public UsageService usage() {
    UsageService u = usage;
    if (u == null) {
      synchronized (this) {
        if (usage == null) {
          usage = new UsageService(platform.documents(), Limits.from(platform.config()), platform.clock());
        }
        u = usage;
      }
    }
    return u;
  }

  public ContentService contents() {
    ContentService c = contents;
    if (c == null) {
      synchronized (this) {
        if (contents == null) {
          contents = new ContentService(platform.documents(), projects(), platform::blobs, platform.clock());
        }
        c = contents;
      }
    }
    return c;
  }

  public GenerationService generation() {
    GenerationService g = generation;
    if (g == null) {
      synchronized (this) {
        if (generation == null) {
          generation = new GenerationService(platform.documents(), projects(), templates(), usage(),
              platform::providers, platform::policy, platform::events,
              GenerationSettings.from(platform.config()), platform.clock());
        }
        g = generation;
      }
    }
    return g;
  }

  /** Runs items: the handler of the generation queues and of provider webhooks. */
  public ItemRunner runner() {
    ItemRunner r = runner;
    if (r == null) {
      synchronized (this) {
        if (runner == null) {
          GenerationSettings settings = GenerationSettings.from(platform.config());
          runner = new ItemRunner(platform.documents(), platform::blobs, platform::cache, platform::tasks,
              platform::providers, platform::policy, usage(), platform.jobEvents(), platform::fetcher, this::media,
              settings, platform.clock());
        }
        r = runner;
      }
    }
    return r;
  }

  /** Uploads, imports and provider media: processed and stored once per content hash. */
  public MediaService media() {
    MediaService m = media;
    if (m == null) {
      synchronized (this) {
        if (media == null) {
          media = new MediaService(platform.documents(), projects(), platform::blobs, platform::media,
              platform::fetcher, platform.clock());
        }
        m = media;
      }
    }
    return m;
  }

  /** Batches and the scheduler that starts their runs. */
  public BatchService batches() {
    BatchService b = batches;
    if (b == null) {
      synchronized (this) {
        if (batches == null) {
          batches = new BatchService(platform.documents(), projects(), templates(), usage(), generation(),
              platform::providers, platform::events, platform.clock());
        }
        b = batches;
      }
    }
    return b;
  }

  public FanOut fanOut() {
    return new FanOut(platform.documents(), platform::tasks, platform.clock());
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
