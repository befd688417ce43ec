package dev.contentcreator.core.platform;

import dev.contentcreator.core.activity.ActivityLog;
import dev.contentcreator.core.activity.CommentActivity;
import dev.contentcreator.core.batches.BatchService;
import dev.contentcreator.core.calendar.BatchCalendarSource;
import dev.contentcreator.core.calendar.CalendarService;
import dev.contentcreator.core.comments.CommentService;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.deletion.PurgeService;
import dev.contentcreator.core.generation.FanOut;
import dev.contentcreator.core.generation.GenerationService;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.generation.ItemRunner;
import dev.contentcreator.core.media.MediaService;
import dev.contentcreator.core.http.Gateway;
import dev.contentcreator.core.http.GatewaySettings;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.hooks.HookEvents;
import dev.contentcreator.core.hooks.HookService;
import dev.contentcreator.core.hooks.HookSettings;
import dev.contentcreator.core.net.SafeFetcher;
import dev.contentcreator.core.review.ReviewListener;
import dev.contentcreator.core.invitations.InvitationService;
import dev.contentcreator.core.invitations.InvitationSettings;
import dev.contentcreator.core.keys.ApiKeyService;
import dev.contentcreator.core.mail.MailService;
import dev.contentcreator.core.mail.MailSettings;
import dev.contentcreator.core.notifications.NotificationService;
import dev.contentcreator.core.notifications.ReviewNotifications;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.publishing.PublishingService;
import dev.contentcreator.core.publishing.PublishingSettings;
import dev.contentcreator.core.providers.ProviderKeyService;
import dev.contentcreator.core.review.ReviewService;
import dev.contentcreator.core.shares.ShareService;
import dev.contentcreator.core.shares.ShareSettings;
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
  private final Lazy<UserService> users;
  private final Lazy<ProjectService> projects;
  private final Lazy<dev.contentcreator.core.exports.RunExports> runExports;
  private final Lazy<dev.contentcreator.core.exports.ProjectMediaExport> projectMedia;
  private final Lazy<dev.contentcreator.core.exports.ExportStyles> exportStyles;
  private final Lazy<dev.contentcreator.core.exports.ItemExports> itemExports;
  private final Lazy<dev.contentcreator.core.exports.BackgroundExports> backgroundExports;
  private final Lazy<InvitationService> invitations;
  private final Lazy<TemplateService> templates;
  private final Lazy<UsageService> usage;
  private final Lazy<dev.contentcreator.core.budgets.BudgetService> budgets;
  private final Lazy<dev.contentcreator.core.brand.BrandKitService> brandKits;
  private final Lazy<ContentService> contents;
  private final Lazy<GenerationService> generation;
  private final Lazy<ItemRunner> runner;
  private final Lazy<MediaService> media;
  private final Lazy<BatchService> batches;
  private final Lazy<PurgeService> purges;
  private final Lazy<ReviewService> reviews;
  private final Lazy<ActivityLog> activity;
  private final Lazy<ShareService> shares;
  private final Lazy<MailService> mail;
  private final Lazy<NotificationService> notifications;
  private final Lazy<CommentService> comments;
  private final Lazy<SafeFetcher> hookSender;
  private final Lazy<HookService> hooks;
  private final HookEvents hookEvents;
  private final Lazy<ApiKeyService> keys;
  private final Lazy<ProviderKeyService> providerKeys;
  private final Lazy<dev.contentcreator.core.knowledge.KnowledgeService> knowledge;
  private final Lazy<SafeFetcher> publishFetcher;
  private final Lazy<PublishingService> publishing;
  private final Lazy<CalendarService> calendar;

  public Services(Platform platform) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.hookSender = new Lazy<>(() -> HookService.sender(platform.settings(HookSettings.class, HookSettings::from)));
    this.hooks = new Lazy<>(() -> new HookService(platform.documents(), projects(), platform::tasks, hookSender::get,
        platform.settings(HookSettings.class, HookSettings::from), platform.clock()));
    this.hookEvents = new HookEvents(platform::documents, this::hooks);
    this.users = new Lazy<>(() -> new UserService(platform.documents(), platform.clock()));
    this.projects = new Lazy<>(() -> new ProjectService(platform.documents(), users(), platform.clock()));
    this.invitations = new Lazy<>(() -> new InvitationService(platform.documents(), projects(), users(),
        platform.settings(InvitationSettings.class, InvitationSettings::from), this::mail, this::notifications,
        platform.clock()));
    this.templates = new Lazy<>(() -> new TemplateService(platform.documents(), projects(), platform.clock()));
    this.usage = new Lazy<>(() -> new UsageService(platform.documents(), platform.settings(Limits.class, Limits::from),
        platform.settings(dev.contentcreator.core.budgets.PriceTable.class, dev.contentcreator.core.budgets.PriceTable::from),
        platform.clock()));
    this.brandKits = new Lazy<>(() -> new dev.contentcreator.core.brand.BrandKitService(platform.documents(),
        projects(), platform.clock()));
    this.budgets = new Lazy<>(() -> new dev.contentcreator.core.budgets.BudgetService(platform.documents(), projects(),
        usage(), platform.clock()));
    this.contents = new Lazy<>(() -> new ContentService(platform.documents(), projects(), platform::blobs,
        platform.clock()));
    this.generation = new Lazy<>(() -> new GenerationService(platform.documents(), projects(), templates(), usage(),
        platform::providers, platform::policy, platform::events, platform.settings(GenerationSettings.class, GenerationSettings::from),
        platform.clock(), hookEvents, (projectId, query, k) -> knowledge().retrieve(projectId, query, k),
        knowledgeSettings().topK()));
    this.knowledge = new Lazy<>(() -> {
      var settings = knowledgeSettings();
      var fetcher = new Lazy<>(() -> dev.contentcreator.core.knowledge.KnowledgeService.pageFetcher(
          settings.maxUploadBytes(), platform.config().get(dev.contentcreator.core.config.Settings.MEDIA_ALLOW_HTTP_LOOPBACK)));
      var reader = new Lazy<>(dev.contentcreator.core.knowledge.DocumentReader::find);
      // A provider's embeddings go through the same guard as its other calls.
      var embedder = new Lazy<>(() -> dev.contentcreator.core.knowledge.GuardedEmbedder.of(platform.embedder(),
          platform::policy));
      return new dev.contentcreator.core.knowledge.KnowledgeService(platform.documents(), projects(), platform::blobs,
          platform::vectors, embedder::get, platform::tasks, fetcher::get, reader::get, settings, platform.clock());
    });
    this.runner = new Lazy<>(() -> new ItemRunner(platform.documents(), platform::blobs, platform::cache,
        platform::tasks, platform::providers, platform::policy, usage(), platform.jobEvents(), platform::fetcher,
        this::media, platform.settings(GenerationSettings.class, GenerationSettings::from), platform.clock(),
        (projectId, provider) -> providerKeys().find(projectId, provider), hookEvents));
    this.media = new Lazy<>(() -> new MediaService(platform.documents(), projects(), platform::blobs, platform::media,
        platform::fetcher, platform.clock()));
    this.batches = new Lazy<>(() -> new BatchService(platform.documents(), projects(), templates(), usage(),
        generation(), platform::providers, platform::events, platform.settings(GenerationSettings.class, GenerationSettings::from),
        platform.clock()));
    this.runExports = new Lazy<>(() -> new dev.contentcreator.core.exports.RunExports(platform.documents(), projects(),
        templates(), platform::blobs));
    this.projectMedia = new Lazy<>(() -> new dev.contentcreator.core.exports.ProjectMediaExport(platform.documents(),
        projects(), platform::blobs));
    this.exportStyles = new Lazy<>(() -> new dev.contentcreator.core.exports.ExportStyles(platform.documents(),
        projects(), contents()));
    this.itemExports = new Lazy<>(() -> new dev.contentcreator.core.exports.ItemExports(platform.documents(),
        projects(), contents(), exportStyles(), platform::blobs,
        dev.contentcreator.core.exports.ItemExports.installedWriters()));
    this.backgroundExports = new Lazy<>(() -> new dev.contentcreator.core.exports.BackgroundExports(
        platform.documents(), projects(), runExports(), projectMedia(), platform::blobs, platform::tasks,
        platform.settings(dev.contentcreator.core.exports.ExportSettings.class,
            dev.contentcreator.core.exports.ExportSettings::from), platform.clock()));
    this.purges = new Lazy<>(() -> PurgeService.builder(platform.config()).withDocuments(platform.documents())
        .withBlobs(platform::blobs).withVectors(platform::vectors).withTasks(platform::tasks).withClock(platform.clock()).build());
    this.reviews = new Lazy<>(() -> new ReviewService(platform.documents(), projects(),
        ReviewListener.both(new ReviewNotifications(platform.documents(), notifications()), hookEvents),
        platform.clock()));
    this.activity = new Lazy<>(() -> new ActivityLog(platform.documents(), projects()));
    this.shares = new Lazy<>(() -> new ShareService(platform.documents(), projects(), contents(), reviews(),
        platform::rateLimiter, platform.settings(ShareSettings.class, ShareSettings::from), platform.clock()));
    this.mail = new Lazy<>(() -> new MailService(platform::tasks, platform::mailer,
        platform.settings(MailSettings.class, MailSettings::from), platform.clock()));
    this.notifications = new Lazy<>(() -> new NotificationService(platform.documents(), users(), mail(),
        platform.clock()));
    this.providerKeys = new Lazy<>(() -> new ProviderKeyService(platform.documents(), projects(), platform::secrets,
        platform.clock(), name -> platform.providers().sync(name).isPresent()));
    this.comments = new Lazy<>(() -> new CommentService(platform.documents(), projects(), users(), notifications(),
        new CommentActivity(platform.clock()), platform.clock(), hookEvents));
    this.keys = new Lazy<>(() -> new ApiKeyService(platform.documents(), projects(), platform.clock()));
    this.publishFetcher = new Lazy<>(() -> PublishingService.fetcher(
        platform.settings(PublishingSettings.class, PublishingSettings::from)));
    this.publishing = new Lazy<>(() -> new PublishingService(platform.documents(), projects(), platform::blobs,
        platform::secrets, platform::tasks, publishFetcher::get,
        PublishingService.publishers(publishFetcher::get, platform.clock()), this::hooks,
        platform.settings(PublishingSettings.class, PublishingSettings::from), platform.clock()));
    // Each kind of thing on the calendar is one source: batches' runs and content items' publications.
    this.calendar = new Lazy<>(() -> CalendarService.builder().documents(platform.documents()).projects(projects())
        .source(new BatchCalendarSource(batches(), platform.clock()))
        .source(new dev.contentcreator.core.calendar.PublicationCalendarSource(this::publishing, platform.clock()))
        .links(platform.settings(MailSettings.class, MailSettings::from)::link).clock(platform.clock()).build());
  }

  /** A person's calendar of scheduled work across their projects, and its iCalendar feed. */
  public CalendarService calendar() {
    return calendar.get();
  }

  /** People's API keys: made, listed and revoked by them, checked by every gateway. */
  public ApiKeyService keys() {
    return keys.get();
  }

  /** Mail queued as tasks and sent through the platform's mailer. */
  public MailService mail() {
    return mail.get();
  }

  /** People's inboxes, and the e-mail of the notifications that send one. */
  public NotificationService notifications() {
    return notifications.get();
  }

  /** Projects' own API keys for providers, kept in the secrets port. */
  public ProviderKeyService providerKeys() {
    return providerKeys.get();
  }

  /** Comments on content items, in threads. */
  public CommentService comments() {
    return comments.get();
  }

  /** A project's brand knowledge: documents, their passages' vectors, and search by meaning. */
  public dev.contentcreator.core.knowledge.KnowledgeService knowledge() {
    return knowledge.get();
  }

  private dev.contentcreator.core.knowledge.KnowledgeSettings knowledgeSettings() {
    return platform.settings(dev.contentcreator.core.knowledge.KnowledgeSettings.class,
        dev.contentcreator.core.knowledge.KnowledgeSettings::from);
  }
  /** A project's publishing connections and its content items' publications. */
  public PublishingService publishing() {
    return publishing.get();
  }

  /** A project's outbound webhooks and their deliveries. */
  public HookService hooks() {
    return hooks.get();
  }

  public Platform platform() {
    return platform;
  }

  public UserService users() {
    return users.get();
  }

  public ProjectService projects() {
    return projects.get();
  }

  /** Invitations to projects, by e-mail, taken up only from a verified address. */
  public InvitationService invitations() {
    return invitations.get();
  }

  public TemplateService templates() {
    return templates.get();
  }

  public UsageService usage() {
    return usage.get();
  }

  public dev.contentcreator.core.brand.BrandKitService brandKits() {
    return brandKits.get();
  }

  public dev.contentcreator.core.budgets.BudgetService budgets() {
    return budgets.get();
  }

  public ContentService contents() {
    return contents.get();
  }

  public GenerationService generation() {
    return generation.get();
  }

  /** Runs items: the handler of the generation queues and of provider webhooks. */
  public ItemRunner runner() {
    return runner.get();
  }

  /** Uploads, imports and provider media: processed and stored once per content hash. */
  public MediaService media() {
    return media.get();
  }

  /** Batches and the scheduler that starts their runs. */
  public BatchService batches() {
    return batches.get();
  }

  /** Each project's look of exported documents. */
  public dev.contentcreator.core.exports.ExportStyles exportStyles() {
    return exportStyles.get();
  }

  /** A content item as Markdown, HTML, DOCX or PDF in its project's style. */
  public dev.contentcreator.core.exports.ItemExports itemExports() {
    return itemExports.get();
  }

  /** Exports built in the background and offered through signed links. */
  public dev.contentcreator.core.exports.BackgroundExports backgroundExports() {
    return backgroundExports.get();
  }

  /** A project's images and videos as one ZIP. */
  public dev.contentcreator.core.exports.ProjectMediaExport projectMedia() {
    return projectMedia.get();
  }

  /** A batch run as a CSV or JSON Lines file. */
  public dev.contentcreator.core.exports.RunExports runExports() {
    return runExports.get();
  }

  /** The background removal of deleted projects and content items, page by page. */
  public PurgeService purges() {
    return purges.get();
  }

  /** The review state of content items and its history. */
  public ReviewService reviews() {
    return reviews.get();
  }

  /** A project's activity log: listing and export (services write records with its static methods). */
  public ActivityLog activity() {
    return activity.get();
  }

  public ShareService shares() {
    return shares.get();
  }

  public FanOut fanOut() {
    return new FanOut(platform.documents(), platform::tasks, platform.clock());
  }

  /**
   * A gateway for these routes: every signed-in caller gets a user record on first sight; API keys
   * sign requests as their person.
   */
  public Gateway gateway(Router router) {
    return Gateway.builder()
        .router(router)
        .identity(platform::identity)
        .apiKeys(this::keys)
        .rateLimiter(platform::rateLimiter)
        .onSignedIn(caller -> users().ensure(caller))
        .settings(platform.settings(GatewaySettings.class, GatewaySettings::from))
        .build();
  }
}
