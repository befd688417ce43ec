package dev.contentcreator.core.usage;

import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.Reservation;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.Document;
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
import java.util.Optional;

/**
 * Usage per person and per project per month, charged inside the transaction that ends an item,
 * so each item is counted exactly once; and beside it what is reserved: a job's worst case is
 * reserved in the transaction that accepts it and checked against the limits with what is used and
 * reserved already; each item's part moves to use when it completes and is given back when it fails
 * or is cancelled, in the transaction that ends it.
 *
 * <p>A month is spread over documents, so that the items of a job ending at once do not all write
 * one (Firestore advises about one sustained write a second per document, and its transactions
 * queue behind each other's locks). What accepting jobs reserves is added to the month's
 * {@code ...-held} document ({@code usage/user-<uid>-<yyyy-MM>-held}, and the project's); what items
 * use, and what they give back, goes to one of {@link #SHARDS} counter documents
 * ({@code usage/user-<uid>-<yyyy-MM>} is the first, {@code ...-s1} to {@code ...-s31} the others;
 * item i of a job in i mod {@link #SHARDS}), so a counter document's reservations may be below zero
 * and only the month's sum means anything. Accepting a job reads and writes the held documents in
 * its transaction, so jobs accepted at once are counted one after another; it reads the counter
 * documents without holding them, which items ending meanwhile may change only by giving back more
 * than they are charged (an item is charged what it used, at most its reservation but for a prompt
 * longer in tokens than its estimate), so the sum it checks is never below the true one.
 */
public final class UsageService {
  public static final String COLLECTION = "usage";
  /** How many documents hold one person's (or project's) month. */
  public static final int SHARDS = 32;

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
    String period = period();
    return UsageView.of(month(userKey(uid, period), period));
  }

  /** This month's use and reservations of a project, as the API shows them. */
  public UsageView ofProject(String projectId) {
    String period = period();
    return UsageView.of(month(projectKey(projectId, period), period));
  }

  /**
   * Reserves the worst case of a job's items for the person charged, or refuses the job when what
   * is used, what is reserved and this job together would pass a monthly limit (429, with
   * Retry-After until the month ends). Reads every counter document of the person's and the
   * project's month inside the job's transaction, so jobs accepted at once are counted one after the
   * other and cannot all slip through. Call after the transaction's other reads; returns each item's
   * reservation, tied to this month and to its counter document, for the item to keep until it ends.
   */
  public List<Reservation> reserve(Transaction tx, String uid, String projectId, List<Reservation> estimates) {
    String period = period();
    String userHeld = heldKey(userKey(uid, period));
    String projectHeld = heldKey(projectKey(projectId, period));
    List<Optional<Document>> holds = tx.getAll(COLLECTION, List.of(userHeld, projectHeld));
    Usage userHolds = read(holds.get(0).map(Document::data), period);
    Usage projectHolds = read(holds.get(1).map(Document::data), period);
    Usage user = userHolds.add(counted(userKey(uid, period), period));
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
    tx.set(COLLECTION, userHeld, tree(userHolds.reserving(total, 1)));
    tx.set(COLLECTION, projectHeld, tree(projectHolds.reserving(total, 1)));
    List<Reservation> held = new ArrayList<>(estimates.size());
    for (int i = 0; i < estimates.size(); i++) {
      held.add(estimates.get(i).in(period).inShard(i % SHARDS));
    }
    return held;
  }

  /**
   * Adds one item's usage to the person's and the project's month, in counter document
   * {@code index} mod {@link #SHARDS}, and gives back what the item held ({@code held}, may be null
   * for an item accepted before reservations existed) where it is held. Call inside the transaction
   * that ends the item, after its other reads (it reads the counters first).
   */
  public Charge prepare(Transaction tx, String uid, String projectId, long in, long out, long images,
      double videoSeconds, boolean free, Reservation held, int index) {
    String period = period();
    int k = index % SHARDS;
    Map<String, Usage> counters = new LinkedHashMap<>();
    List<String> charged = List.of(shardKey(userKey(uid, period), k), shardKey(projectKey(projectId, period), k));
    List<String> holding = holding(uid, projectId, held);
    // One batched read of the (at most four) counter documents the item touches.
    List<String> keys = new ArrayList<>(charged);
    holding.stream().filter(key -> !charged.contains(key)).forEach(keys::add);
    List<Optional<Document>> found = tx.getAll(COLLECTION, keys);
    for (int i = 0; i < keys.size(); i++) {
      counters.put(keys.get(i), read(found.get(i).map(Document::data), i < charged.size() ? period : held.period()));
    }
    long cost = free ? 0 : limits.costMicros(in, out, images, videoSeconds);
    for (String key : charged) {
      counters.put(key, counters.get(key).plus(in, out, images, videoSeconds, cost));
    }
    for (String key : holding) {
      counters.put(key, counters.get(key).reserving(held, -1));
    }
    return new Charge(counters, cost);
  }

  /** Gives back what a failed or cancelled item held, where it is held; the same rules as {@link #prepare}. */
  public Charge prepareRelease(Transaction tx, String uid, String projectId, Reservation held) {
    Map<String, Usage> counters = new LinkedHashMap<>();
    List<String> keys = holding(uid, projectId, held);
    List<Optional<Document>> found = tx.getAll(COLLECTION, keys);
    for (int i = 0; i < keys.size(); i++) {
      counters.put(keys.get(i), read(found.get(i).map(Document::data), held.period()).reserving(held, -1));
    }
    return new Charge(counters, 0);
  }

  /** The counter documents that hold {@code held}: none for an item that holds nothing. */
  private static List<String> holding(String uid, String projectId, Reservation held) {
    if (held == null || held.isEmpty() || held.period() == null) {
      return List.of();
    }
    return List.of(shardKey(userKey(uid, held.period()), held.shardOrFirst()),
        shardKey(projectKey(projectId, held.period()), held.shardOrFirst()));
  }

  /** The sum of a month's counter documents, read without holding them. */
  /** What a month's counter documents count, read in one batch. */
  private Usage counted(String first, String period) {
    return sum(documents.getAll(COLLECTION, shardKeys(first)), period);
  }

  /** A month's counters and what it holds for running jobs, read in one batch. */
  private Usage month(String first, String period) {
    List<String> keys = new ArrayList<>(shardKeys(first));
    keys.add(heldKey(first));
    return sum(documents.getAll(COLLECTION, keys), period);
  }

  private static List<String> shardKeys(String first) {
    List<String> keys = new ArrayList<>(SHARDS);
    for (int k = 0; k < SHARDS; k++) {
      keys.add(shardKey(first, k));
    }
    return keys;
  }

  private static Usage sum(List<Optional<Document>> found, String period) {
    Usage total = Usage.empty(period);
    for (Optional<Document> d : found) {
      total = total.add(read(d.map(Document::data), period));
    }
    return total;
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

  private static Usage read(Optional<JsonObject> data, String period) {
    return data.map(d -> Json.fromTree(d, Usage.class)).orElse(Usage.empty(period));
  }

  /** The document that holds what accepted jobs reserved in a month whose first counter document is {@code first}. */
  static String heldKey(String first) {
    return first + "-held";
  }

  /** Counter document {@code k} of a month whose first document is {@code first}. */
  static String shardKey(String first, int k) {
    return k == 0 ? first : first + "-s" + k;
  }

  static String userKey(String uid, String period) {
    return "user-" + uid + "-" + period;
  }

  static String projectKey(String projectId, String period) {
    return "project-" + projectId + "-" + period;
  }
}
