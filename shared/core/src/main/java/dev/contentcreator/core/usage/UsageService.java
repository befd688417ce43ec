package dev.contentcreator.core.usage;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * Usage per person and per project per month, charged inside the transaction that ends an item,
 * so each item is counted exactly once; and the quota check before a job is accepted. Documents:
 * {@code usage/user-<uid>-<yyyy-MM>} and {@code usage/project-<id>-<yyyy-MM>}.
 */
public final class UsageService {
  public static final String COLLECTION = "usage";

  private final DocumentStore documents;
  private final Limits limits;
  private final Clock clock;

  public UsageService(DocumentStore documents, Limits limits, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Limits limits() {
    return limits;
  }

  public String period() {
    return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).toString();
  }

  public Usage ofUser(String uid) {
    return read(documents.get(COLLECTION, userKey(uid, period())).map(d -> d.data()), period());
  }

  public Usage ofProject(String projectId) {
    return read(documents.get(COLLECTION, projectKey(projectId, period())).map(d -> d.data()), period());
  }

  /**
   * Refuses a job that would take the person past a monthly limit (429, with Retry-After until the
   * month ends). Reads inside the job's transaction, so two jobs at once cannot both slip through.
   */
  public void checkQuota(Transaction tx, String uid, ContentKind kind, int items, double videoSecondsEach) {
    Usage used = read(tx.get(COLLECTION, userKey(uid, period())).map(d -> d.data()), period());
    String over = switch (kind) {
      case TEXT -> used.tokens() >= limits.tokensPerMonth()
          ? "You have used your " + limits.tokensPerMonth() + " text tokens this month." : null;
      case IMAGE -> used.images() + items > limits.imagesPerMonth()
          ? "This would go past your " + limits.imagesPerMonth() + " images this month (used " + used.images() + ")."
          : null;
      case VIDEO -> used.videoSeconds() + items * videoSecondsEach > limits.videoSecondsPerMonth()
          ? "This would go past your " + limits.videoSecondsPerMonth() + " seconds of video this month." : null;
    };
    if (over != null) {
      Instant nextMonth = YearMonth.parse(period()).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      long wait = Math.max(1, nextMonth.getEpochSecond() - clock.instant().getEpochSecond());
      throw ApiException.of(429, "quota-exceeded", "Monthly limit reached", over)
          .withHeaders(Map.of("Retry-After", Long.toString(wait)));
    }
  }

  /**
   * Adds one item's usage to the person's and the project's month. Call inside the transaction that
   * marks the item charged, after its reads (it reads the two counters first).
   */
  public Charge prepare(Transaction tx, String uid, String projectId, long in, long out, long images,
      double videoSeconds, boolean free) {
    String period = period();
    Usage user = read(tx.get(COLLECTION, userKey(uid, period)).map(d -> d.data()), period);
    Usage project = read(tx.get(COLLECTION, projectKey(projectId, period)).map(d -> d.data()), period);
    long cost = free ? 0 : limits.costMicros(in, out, images, videoSeconds);
    return new Charge(userKey(uid, period), user.plus(in, out, images, videoSeconds, cost),
        projectKey(projectId, period), project.plus(in, out, images, videoSeconds, cost), cost);
  }

  /** The counters after one item, to write once all reads of the transaction are done. */
  public record Charge(String userKey, Usage user, String projectKey, Usage project, long costMicros) {
    public void write(Transaction tx) {
      tx.set(COLLECTION, userKey, Json.toTree(user).getAsJsonObject());
      tx.set(COLLECTION, projectKey, Json.toTree(project).getAsJsonObject());
    }
  }

  private static Usage read(java.util.Optional<com.google.gson.JsonObject> data, String period) {
    return data.map(d -> Json.fromTree(d, Usage.class)).orElse(Usage.empty(period));
  }

  static String userKey(String uid, String period) {
    return "user-" + uid + "-" + period;
  }

  static String projectKey(String projectId, String period) {
    return "project-" + projectId + "-" + period;
  }
}
