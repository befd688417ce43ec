package dev.contentcreator.core.usage;

import com.google.gson.JsonObject;
import dev.contentcreator.core.budgets.Budget;
import dev.contentcreator.core.budgets.PriceTable;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Notification;
import dev.contentcreator.core.domain.Reservation;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
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
 * and only the month's sum means anything. An item's end adds to its counter documents without
 * reading them ({@link Transaction#increment}), so items of several jobs ending in one counter
 * document at once do not wait for each other. Accepting a job reads and writes the held documents in
 * its transaction, so jobs accepted at once are counted one after another; it reads the counter
 * documents without holding them, which items ending meanwhile may change only by giving back more
 * than they are charged (an item is charged what it used, at most its reservation but for a prompt
 * longer in tokens than its estimate), so the sum it checks is never below the true one.
 *
 * <p>Budgets ({@link Budget}) ride on the same scheme: each reservation carries its worst-case cost
 * at the model's prices ({@link PriceTable}); accepting a job checks the project's spent and held
 * cost against its monthly budget, and the member's (a third family of documents,
 * {@code usage/member-<projectId>-<uid>-<yyyy-MM>}, held and sharded the same way) against their
 * cap, in the transaction that reserves, so concurrent jobs are counted one after another and cannot
 * together pass a budget. An item ends charged its actual cost and gives back its reserved cost.
 */
public final class UsageService {
  public static final String COLLECTION = "usage";
  /** How many documents hold one person's (or project's) month. */
  public static final int SHARDS = 32;

  private final DocumentStore documents;
  private final Limits limits;
  private final PriceTable prices;
  private final Clock clock;

  /** With the built-in price table over {@code limits}' prices. */
  public UsageService(DocumentStore documents, Limits limits, Clock clock) {
    this(documents, limits, PriceTable.of(null, limits), clock);
  }

  public UsageService(DocumentStore documents, Limits limits, PriceTable prices, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.prices = Objects.requireNonNull(prices, "prices");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The prices items are charged and reserved at. */
  public PriceTable prices() {
    return prices;
  }

  /** What a job's reservation holds, item by item, and the budget warning it brought (null: none). */
  public record Held(List<Reservation> items, BudgetWarning warning) {}

  /**
   * Past {@value Budget#WARN_PERCENT}% of a limit after this job: {@code scope} project or member,
   * the limit, what is spent and held with this job in, and what is left.
   */
  public record BudgetWarning(String scope, long limitMicros, long committedMicros, long remainingMicros,
      int percentUsed, String message) {}

  /** One month's spent and held cost against a limit. */
  public record Spend(long limitMicros, long spentMicros, long reservedMicros) {
    public long remainingMicros() {
      return limitMicros <= 0 ? -1 : Math.max(0, limitMicros - spentMicros - reservedMicros);
    }
  }

  /** This month's spent and held cost of a project, read outside any transaction. */
  public Spend projectSpend(String projectId, long limitMicros) {
    String first = projectKey(projectId, period());
    Usage u = month(first, period());
    return new Spend(limitMicros, u.costMicros(), u.reservedCostMicros());
  }

  /** This month's spent and held cost of one member in a project, read outside any transaction. */
  public Spend memberSpend(String projectId, String uid, long limitMicros) {
    String first = memberKey(projectId, uid, period());
    Usage u = month(first, period());
    return new Spend(limitMicros, u.costMicros(), u.reservedCostMicros());
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
   * Retry-After until the month ends). Reads and writes the person's and the project's held
   * documents inside the job's transaction, so jobs accepted at once are counted one after the other
   * and cannot all slip through, and reads their counters without holding them (the class comment
   * says why that is safe). Call after the transaction's other reads; returns each item's
   * reservation, tied to this month and to its counter document, for the item to keep until it ends.
   */
  /**
   * The documents {@link #reserve} reads in its transaction: the month's three held documents and
   * the project's budget. A caller whose transaction reads other documents first may read these
   * with them in one batch ({@code Transaction.getAll}), and the reserve then finds them without a
   * round trip of its own on Firestore.
   */
  public List<DocumentStore.Key> reserveReads(String uid, String projectId) {
    String period = period();
    return List.of(new DocumentStore.Key(COLLECTION, heldKey(userKey(uid, period))),
        new DocumentStore.Key(COLLECTION, heldKey(projectKey(projectId, period))),
        new DocumentStore.Key(COLLECTION, heldKey(memberKey(projectId, uid, period))),
        new DocumentStore.Key(Budget.COLLECTION, projectId));
  }

  public Held reserve(Transaction tx, String uid, String projectId, List<Reservation> estimates) {
    String period = period();
    String userHeld = heldKey(userKey(uid, period));
    String projectHeld = heldKey(projectKey(projectId, period));
    String memberHeld = heldKey(memberKey(projectId, uid, period));
    // The three held documents in one batched read.
    List<Optional<Document>> holds = tx.getAll(COLLECTION, List.of(userHeld, projectHeld, memberHeld));
    Usage userHolds = read(holds.get(0).map(Document::data), period);
    Usage projectHolds = read(holds.get(1).map(Document::data), period);
    Usage memberHolds = read(holds.get(2).map(Document::data), period);
    Budget budget = tx.get(Budget.COLLECTION, projectId).map(d -> Json.fromTree(d.data(), Budget.class))
        .orElse(Budget.none(projectId));
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
    // The budgets: what is spent (the counters, read without holding them, as above) and held (the
    // held documents, read in this transaction) with this job's worst case in, against each limit.
    long cost = total.costMicros();
    Spend project = budget.monthlyMicros() > 0
        ? spend(budget.monthlyMicros(), projectHolds.add(counted(projectKey(projectId, period), period))) : null;
    long cap = budget.capOf(uid);
    Spend member = cap > 0 ? spend(cap, memberHolds.add(counted(memberKey(projectId, uid, period), period))) : null;
    if (project != null && project.spentMicros() + project.reservedMicros() + cost > project.limitMicros()) {
      throw overBudget("the project's monthly budget", project, cost);
    }
    if (member != null && member.spentMicros() + member.reservedMicros() + cost > member.limitMicros()) {
      throw overBudget("your monthly cap in this project", member, cost);
    }
    BudgetWarning warning = null;
    int projectPercent = project == null ? 0 : percent(project, cost);
    int memberPercent = member == null ? 0 : percent(member, cost);
    if (projectPercent >= Budget.WARN_PERCENT && projectPercent >= memberPercent) {
      warning = warning("project", "the project's monthly budget", project, cost, projectPercent);
    } else if (memberPercent >= Budget.WARN_PERCENT) {
      warning = warning("member", "your monthly cap in this project", member, cost, memberPercent);
    }
    // Once a month the owners are told the project passed the warning line (the person whose job
    // crossed it is the notification's actor); the budget document
    // remembers the month, in this transaction, so two jobs crossing it at once tell them once.
    List<String> owners = List.of();
    boolean tellOwners = projectPercent >= Budget.WARN_PERCENT && !period.equals(budget.warnedPeriod());
    if (tellOwners) {
      owners = tx.query(Query.on(dev.contentcreator.core.projects.ProjectService.MEMBERS)
          .whereEqualTo("projectId", projectId).limit(Query.MAX_LIMIT).build()).items().stream()
          .map(d -> Json.fromTree(d.data(), Member.class)).filter(m -> m.role() == Role.OWNER).map(Member::uid)
          .toList();
    }
    tx.set(COLLECTION, userHeld, tree(userHolds.reserving(total, 1)));
    tx.set(COLLECTION, projectHeld, tree(projectHolds.reserving(total, 1)));
    if (cost > 0) {
      tx.set(COLLECTION, memberHeld, tree(memberHolds.reserving(costOnly(total), 1)));
    }
    if (tellOwners) {
      tx.set(Budget.COLLECTION, projectId, Json.toTree(budget.warned(period)).getAsJsonObject());
      Instant now = clock.instant();
      for (String owner : owners) {
        Notification n = new Notification(Ids.newId(), owner, projectId,
            dev.contentcreator.core.notifications.NotificationKind.BUDGET.wireName(), new Notification.Actor(uid, null), new Notification.Target(null, null,
                "/projects/" + projectId + "/budget"), warning.message(), false, now);
        tx.create(dev.contentcreator.core.notifications.NotificationService.COLLECTION, n.id(),
            Json.toTree(n).getAsJsonObject());
      }
    }
    List<Reservation> held = new ArrayList<>(estimates.size());
    for (int i = 0; i < estimates.size(); i++) {
      held.add(estimates.get(i).in(period).inShard(i % SHARDS));
    }
    return new Held(held, warning);
  }

  private static Spend spend(long limit, Usage u) {
    return new Spend(limit, u.costMicros(), u.reservedCostMicros());
  }

  private static int percent(Spend s, long cost) {
    return (int) Math.min(1000, (s.spentMicros() + s.reservedMicros() + cost) * 100 / s.limitMicros());
  }

  private static BudgetWarning warning(String scope, String what, Spend s, long cost, int percent) {
    long committed = s.spentMicros() + s.reservedMicros() + cost;
    long left = Math.max(0, s.limitMicros() - committed);
    return new BudgetWarning(scope, s.limitMicros(), committed, left, percent, percent + "% of " + what + " ("
        + dollars(s.limitMicros()) + ") is spent or held for running jobs; " + dollars(left) + " is left this month.");
  }

  /**
   * 409: the request is well formed (not a 422) and allowed (not a 403); what refuses it is the
   * budget's present state, which an owner may change or the next month resets, as 409 means. (402
   * has no agreed meaning, and 429 here means a person's own monthly quota.)
   */
  private static ApiException overBudget(String what, Spend s, long cost) {
    long left = Math.max(0, s.limitMicros() - s.spentMicros() - s.reservedMicros());
    return ApiException.of(409, "budget-exceeded", "Monthly budget reached", "This would go past " + what + " of "
        + dollars(s.limitMicros()) + ": " + dollars(left) + " is left (spent " + dollars(s.spentMicros())
        + ", held for jobs still running " + dollars(s.reservedMicros()) + "), and this needs up to " + dollars(cost)
        + ".");
  }

  /** Millionths of a dollar as dollars: {@code $0.0425}, at most four places and at least two. */
  public static String dollars(long micros) {
    java.math.BigDecimal d = java.math.BigDecimal.valueOf(micros, 6).setScale(4, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros();
    if (d.scale() < 2) {
      d = d.setScale(2);
    }
    return "$" + d.toPlainString();
  }

  private static Reservation costOnly(Reservation r) {
    return new Reservation(r.period(), 0, 0, 0, r.shard(), r.costMicros());
  }

  /** What one item of a job costs at the model's prices: used to price reservations and items. */
  public record Priced(String provider, String model, ContentKind kind, Map<String, String> options) {}

  /**
   * The worst case of one item priced: {@code estimate} with its cost at the model's prices, its
   * tokens split as {@code inputTokens} of prompt and the rest of output (a text's output cap).
   */
  public Reservation price(Reservation estimate, Priced p, long inputTokens) {
    long in = Math.min(inputTokens, estimate.tokens());
    return estimate.priced(prices.cost(p.provider(), p.model(), p.kind(), p.options(), in, estimate.tokens() - in,
        estimate.images(), estimate.videoSeconds()));
  }

  /**
   * Adds one item's usage to the person's and the project's month, in counter document
   * {@code index} mod {@link #SHARDS}, and gives back what the item held ({@code held}, may be null
   * for an item accepted before reservations existed) where it is held. It reads nothing: the
   * transaction that ends the item writes the charge ({@link Charge#write}) after its own reads.
   */
  public Charge prepare(String uid, String projectId, long in, long out, long images,
      double videoSeconds, boolean free, Reservation held, int index) {
    return prepare(uid, projectId, in, out, images, videoSeconds, free ? null : new Priced("", "", null, Map.of()),
        held, index);
  }

  /**
   * The same, charging the item at {@code priced}'s model prices (null: free, as the cache's answers
   * are); the member's counter is charged too and gives back the cost the item held.
   *
   * <p>The counters are not read: the charge is what each counter document changes by, written as
   * increments ({@link Transaction#increment}). Items ending at once in the same counter document
   * (items of several jobs with the same index) therefore do not wait for each other; read and
   * written back, they did, and on Firestore's emulator two such transactions deadlocked until its
   * lock timeout.
   */
  public Charge prepare(String uid, String projectId, long in, long out, long images,
      double videoSeconds, Priced priced, Reservation held, int index) {
    String period = period();
    int k = index % SHARDS;
    Map<String, Usage> changes = new LinkedHashMap<>();
    List<String> charged = List.of(shardKey(userKey(uid, period), k), shardKey(projectKey(projectId, period), k),
        shardKey(memberKey(projectId, uid, period), k));
    long cost = priced == null ? 0 : priced.kind() == null ? limits.costMicros(in, out, images, videoSeconds)
        : prices.cost(priced.provider(), priced.model(), priced.kind(), priced.options(), in, out, images, videoSeconds);
    for (String key : charged) {
      changes.put(key, Usage.empty(period).plus(in, out, images, videoSeconds, cost));
    }
    giveBack(changes, uid, projectId, held);
    return new Charge(changes, cost);
  }

  /** Gives back what a failed or cancelled item held, where it is held; the same rules as {@link #prepare}. */
  public Charge prepareRelease(String uid, String projectId, Reservation held) {
    Map<String, Usage> changes = new LinkedHashMap<>();
    giveBack(changes, uid, projectId, held);
    return new Charge(changes, 0);
  }

  /** Adds to {@code changes} the giving back of {@code held} by the counter documents that hold it. */
  private static void giveBack(Map<String, Usage> changes, String uid, String projectId, Reservation held) {
    for (String key : holding(uid, projectId, held)) {
      Usage change = changes.getOrDefault(key, Usage.empty(held.period()));
      changes.put(key, change.reserving(isMember(key) ? costOnly(held) : held, -1));
    }
  }

  /**
   * The counter documents that hold {@code held}: none for an item that holds nothing; the member's
   * only for one that holds a cost (one reserved before budgets held none there).
   */
  private static List<String> holding(String uid, String projectId, Reservation held) {
    if (held == null || held.isEmpty() || held.period() == null) {
      return List.of();
    }
    String user = shardKey(userKey(uid, held.period()), held.shardOrFirst());
    String project = shardKey(projectKey(projectId, held.period()), held.shardOrFirst());
    return held.costMicros() > 0
        ? List.of(user, project, shardKey(memberKey(projectId, uid, held.period()), held.shardOrFirst()))
        : List.of(user, project);
  }

  private static boolean isMember(String key) {
    return key.startsWith("member-");
  }

  /** What a month's counter documents count, read without holding them. */
  private Usage counted(String first, String period) {
    return sum(family(first, false), period);
  }

  /** A month's counters and what it holds for running jobs. */
  private Usage month(String first, String period) {
    return sum(family(first, true), period);
  }

  /**
   * The month's documents that exist, found in one query by the prefix their names share and kept
   * to those names. Most of a month's counters are never written; reading all of them by name cost
   * every read of a project's usage {@value #SHARDS} lookups.
   */
  private List<JsonObject> family(String first, boolean withHeld) {
    Query.Builder query = Query.on(COLLECTION).whereIdStartsWith(first).limit(SHARDS + 1);
    List<JsonObject> found = new ArrayList<>();
    Page page = documents.query(query.build());
    while (true) {
      for (Document d : page.items()) {
        if (inFamily(first, d.id(), withHeld)) {
          found.add(d.data());
        }
      }
      if (page.nextCursor() == null) {
        return found;
      }
      page = documents.query(query.startAfter(page.nextCursor()).build());
    }
  }

  /**
   * Whether {@code id}, which starts with {@code first}, is one of its month's counter documents
   * ({@link #shardKey}), or its held document when asked; not another month or person whose name
   * merely starts alike.
   */
  static boolean inFamily(String first, String id, boolean withHeld) {
    String rest = id.substring(first.length());
    if (rest.isEmpty()) {
      return true;
    }
    if (withHeld && rest.equals(HELD)) {
      return true;
    }
    int from = SHARD.length();
    if (!rest.startsWith(SHARD) || rest.length() <= from || rest.length() > from + 2 || rest.charAt(from) == '0') {
      return false;
    }
    int k = 0;
    for (int i = from; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      k = k * 10 + (c - '0');
    }
    return k >= 1 && k < SHARDS;
  }

  private static Usage sum(List<JsonObject> found, String period) {
    Usage total = Usage.empty(period);
    for (JsonObject data : found) {
      total = total.add(read(Optional.of(data), period));
    }
    return total;
  }

  /**
   * What one item changes each counter document by (its month in {@code period}, the rest added),
   * to write once all reads of the transaction are done.
   */
  public record Charge(Map<String, Usage> changes, long costMicros) {
    public Charge {
      changes = Map.copyOf(changes);
    }

    public void write(Transaction tx) {
      changes.forEach((key, change) -> {
        JsonObject deltas = tree(change);
        JsonObject fields = new JsonObject();
        fields.add("period", deltas.remove("period"));
        tx.increment(COLLECTION, key, fields, deltas);
      });
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
    return first + HELD;
  }

  /** Counter document {@code k} of a month whose first document is {@code first}. */
  static String shardKey(String first, int k) {
    return k == 0 ? first : first + SHARD + k;
  }

  /** What follows a month's first document's name in its held document's and its other counters'. */
  private static final String HELD = "-held";
  private static final String SHARD = "-s";

  static String userKey(String uid, String period) {
    return "user-" + uid + "-" + period;
  }

  static String projectKey(String projectId, String period) {
    return "project-" + projectId + "-" + period;
  }

  /** The first counter document of one member's month in one project. */
  static String memberKey(String projectId, String uid, String period) {
    return "member-" + projectId + "-" + uid + "-" + period;
  }
}
