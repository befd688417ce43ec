package dev.contentcreator.core.usage;

import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.Reservation;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Usage per person and per project per month, charged inside the transaction that ends an item,
 * so each item is counted exactly once; and beside it what is reserved: a job's worst case is
 * reserved in the transaction that accepts it and checked against the limits with what is used and
 * reserved already; each item's part moves to use when it completes and is given back when it fails
 * or is cancelled, in the transaction that ends it. Documents:
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

  /** The monthly limits and prices, as the API shows them. */
  public LimitsView limits() {
    return LimitsView.of(limits);
  }

  public String period() {
    return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).toString();
  }

  /** This month's use and reservations of a person, as the API shows them. */
  public UsageView ofUser(String uid) {
    return UsageView.of(read(documents.get(COLLECTION, userKey(uid, period())).map(d -> d.data()), period()));
  }

  /** This month's use and reservations of a project, as the API shows them. */
  public UsageView ofProject(String projectId) {
    return UsageView.of(read(documents.get(COLLECTION, projectKey(projectId, period())).map(d -> d.data()), period()));
  }

  /**
   * Reserves the worst case of a job's items for the person charged, or refuses the job when what
   * is used, what is reserved and this job together would pass a monthly limit (429, with
   * Retry-After until the month ends). Reads and writes the person's and the project's month inside
   * the job's transaction, so jobs accepted at once are counted one after the other and cannot all
   * slip through. Call after the transaction's other reads; returns each item's reservation, tied
   * to this month, for the item to keep until it ends.
   */
  public List<Reservation> reserve(Transaction tx, String uid, String projectId, List<Reservation> estimates) {
    String period = period();
    Usage user = read(tx.get(COLLECTION, userKey(uid, period)).map(d -> d.data()), period);
    Usage project = read(tx.get(COLLECTION, projectKey(projectId, period)).map(d -> d.data()), period);
    Reservation total = new Reservation(period, 0, 0, 0);
    for (Reservation r : estimates) {
      total = total.plus(r);
    }
    String over = null;
    if (total.tokens() > 0 && user.tokens() + user.reservedTokens() + total.tokens() > limits.tokensPerMonth()) {
      over = "This would go past your " + limits.tokensPerMonth() + " text tokens this month (used "
          + user.tokens() + ", held for jobs still running " + user.reservedTokens() + ", this job needs up to "
          + total.tokens() + ").";
    } else if (total.images() > 0 && user.images() + user.reservedImages() + total.images() > limits.imagesPerMonth()) {
      over = "This would go past your " + limits.imagesPerMonth() + " images this month (used " + user.images()
          + ", held for jobs still running " + user.reservedImages() + ", this job needs " + total.images() + ").";
    } else if (total.videoSeconds() > 0
        && user.videoSeconds() + user.reservedVideoSeconds() + total.videoSeconds() > limits.videoSecondsPerMonth()) {
      over = "This would go past your " + limits.videoSecondsPerMonth() + " seconds of video this month (used "
          + seconds(user.videoSeconds()) + ", held for jobs still running " + seconds(user.reservedVideoSeconds())
          + ", this job needs " + seconds(total.videoSeconds()) + ").";
    }
    if (over != null) {
      Instant nextMonth = YearMonth.parse(period).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      long wait = Math.max(1, nextMonth.getEpochSecond() - clock.instant().getEpochSecond());
      throw ApiException.of(429, "quota-exceeded", "Monthly limit reached", over)
          .withHeaders(Map.of("Retry-After", Long.toString(wait)));
    }
    tx.set(COLLECTION, userKey(uid, period), tree(user.reserving(total, 1)));
    tx.set(COLLECTION, projectKey(projectId, period), tree(project.reserving(total, 1)));
    List<Reservation> held = new ArrayList<>(estimates.size());
    for (Reservation r : estimates) {
      held.add(r.in(period));
    }
    return held;
  }

  /**
   * Adds one item's usage to the person's and the project's month, and gives back what the item
   * held ({@code held}, may be null for an item accepted before reservations existed). Call inside
   * the transaction that ends the item, after its other reads (it reads the counters first).
   */
  public Charge prepare(Transaction tx, String uid, String projectId, long in, long out, long images,
      double videoSeconds, boolean free, Reservation held) {
    String period = period();
    Map<String, Usage> counters = counters(tx, uid, projectId, period, held);
    long cost = free ? 0 : limits.costMicros(in, out, images, videoSeconds);
    counters.replaceAll((key, u) -> key.endsWith("-" + period) ? u.plus(in, out, images, videoSeconds, cost) : u);
    release(counters, held);
    return new Charge(counters, cost);
  }

  /** Gives back what a failed or cancelled item held; the same rules as {@link #prepare}. */
  public Charge prepareRelease(Transaction tx, String uid, String projectId, Reservation held) {
    if (held == null || held.isEmpty() || held.period() == null) {
      return new Charge(Map.of(), 0);
    }
    Map<String, Usage> counters = new LinkedHashMap<>();
    counters.put(userKey(uid, held.period()), read(tx.get(COLLECTION, userKey(uid, held.period())).map(d -> d.data()),
        held.period()));
    counters.put(projectKey(projectId, held.period()), read(tx.get(COLLECTION, projectKey(projectId, held.period()))
        .map(d -> d.data()), held.period()));
    release(counters, held);
    return new Charge(counters, 0);
  }

  private Map<String, Usage> counters(Transaction tx, String uid, String projectId, String period, Reservation held) {
    Map<String, Usage> counters = new LinkedHashMap<>();
    for (String p : held == null || held.period() == null || held.period().equals(period)
        ? List.of(period) : List.of(period, held.period())) {
      counters.put(userKey(uid, p), read(tx.get(COLLECTION, userKey(uid, p)).map(d -> d.data()), p));
      counters.put(projectKey(projectId, p), read(tx.get(COLLECTION, projectKey(projectId, p)).map(d -> d.data()), p));
    }
    return counters;
  }

  private static void release(Map<String, Usage> counters, Reservation held) {
    if (held == null || held.period() == null) {
      return;
    }
    counters.replaceAll((key, u) -> key.endsWith("-" + held.period()) ? u.reserving(held, -1) : u);
  }

  /** The counters after one item, to write once all reads of the transaction are done. */
  public record Charge(Map<String, Usage> counters, long costMicros) {
    public Charge {
      counters = Map.copyOf(counters);
    }

    public void write(Transaction tx) {
      counters.forEach((key, u) -> tx.set(COLLECTION, key, tree(u)));
    }
  }

  private static JsonObject tree(Usage u) {
    return Json.toTree(u).getAsJsonObject();
  }

  private static String seconds(double s) {
    return s == Math.rint(s) ? Long.toString((long) s) : String.format(java.util.Locale.ROOT, "%.1f", s);
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
