package dev.contentcreator.core.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.Reservation;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageServiceTest {
  private static final Limits LIMITS = new Limits(10_000, 15, 30, 0.15, 0.6, 40_000, 100_000);
  private final Map<String, JsonObject> docs = new HashMap<>();
  private final Transaction tx = new Transaction() {
    @Override
    public Optional<Document> get(String collection, String id) {
      return Optional.ofNullable(docs.get(id)).map(d -> new Document(collection, id, d.deepCopy()));
    }

    @Override
    public dev.contentcreator.core.ports.Page query(dev.contentcreator.core.ports.Query query) {
      // Only the owners of a project are asked for (to tell them of a budget's warning): none here.
      return new dev.contentcreator.core.ports.Page(List.of(), null);
    }

    @Override
    public void create(String collection, String id, JsonObject data) {
      docs.put(id, data);
    }

    @Override
    public void set(String collection, String id, JsonObject data) {
      docs.put(id, data);
    }

    @Override
    public void delete(String collection, String id) {
      docs.remove(id);
    }

    @Override
    public dev.contentcreator.core.ports.Added increment(String collection, String id, JsonObject fields,
        JsonObject deltas) {
      incremented.add(id);
      docs.put(id, dev.contentcreator.core.ports.Increments.apply(docs.get(id), fields, deltas));
      return new dev.contentcreator.core.ports.Added(collection, id, deltas);
    }
  };
  /** The documents written by increments, in order. */
  private final List<String> incremented = new java.util.ArrayList<>();

  private UsageService at(String instant) {
    return new UsageService(store(), LIMITS,
        Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  /** The same documents read outside a transaction, as accepting a job reads the counter documents. */
  @SuppressWarnings("unchecked")
  private DocumentStore store() {
    return (DocumentStore) java.lang.reflect.Proxy.newProxyInstance(DocumentStore.class.getClassLoader(),
        new Class<?>[] {DocumentStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("get")) {
            return tx.get((String) args[0], (String) args[1]);
          }
          if (method.getName().equals("getAll")) {
            return tx.getAll((String) args[0], (java.util.List<String>) args[1]);
          }
          if (method.getName().equals("query")) {
            return byPrefix((dev.contentcreator.core.ports.Query) args[0]);
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  /** A first page of the ids with a prefix, in id order, as the stores answer it. */
  private dev.contentcreator.core.ports.Page byPrefix(dev.contentcreator.core.ports.Query query) {
    if (query.idPrefix() == null || query.cursor() != null) {
      throw new UnsupportedOperationException("only a first page of an id prefix here");
    }
    List<Document> found = new java.util.TreeMap<>(docs).entrySet().stream()
        .filter(e -> e.getKey().startsWith(query.idPrefix())).limit(query.limit())
        .map(e -> new Document(query.collection(), e.getKey(), e.getValue().deepCopy())).toList();
    return new dev.contentcreator.core.ports.Page(found, null);
  }

  /** A person's month: the sum of its counter documents. */
  private Usage user(String period) {
    return month(UsageService.userKey("u1", period), period);
  }

  private Usage month(String first, String period) {
    JsonObject held = docs.get(UsageService.heldKey(first));
    Usage total = held == null ? Usage.empty(period) : Json.fromTree(held, Usage.class);
    for (int k = 0; k < UsageService.SHARDS; k++) {
      JsonObject d = docs.get(UsageService.shardKey(first, k));
      total = d == null ? total : total.add(Json.fromTree(d, Usage.class));
    }
    return total;
  }

  private static List<Reservation> images(int n) {
    return Collections.nCopies(n, Reservation.estimate(ContentKind.IMAGE, "p", "", Map.of(), 4096));
  }

  @Test
  void whatIsReservedCountsAgainstTheLimitLikeWhatIsUsed() {
    UsageService usage = at("2026-12-02T10:00:00Z");
    usage.reserve(tx, "u1", "p1", images(10));
    ApiException e = assertThrows(ApiException.class, () -> usage.reserve(tx, "u1", "p1", images(6)));
    assertEquals(429, e.status());
    usage.reserve(tx, "u1", "p1", images(5));
    assertEquals(15, user("2026-12").reservedImages());
  }

  @Test
  void aMonthIsItsOwnDocumentsFoundByTheirPrefixAndNoOthers() {
    UsageService usage = at("2026-12-02T10:00:00Z");
    List<Reservation> texts = Collections.nCopies(40,
        Reservation.estimate(ContentKind.TEXT, "x", "", Map.of("maxTokens", "10"), 4096));
    List<Reservation> held = usage.reserve(tx, "u1", "p1", texts).items();
    for (int i = 0; i < 40; i++) {
      usage.prepare("u1", "p1", 1, 2, 0, 0, false, held.get(i), i).write(tx);
    }
    usage.reserve(tx, "u1", "p1", images(2));
    usage.reserve(tx, "u2", "p10", images(7));
    JsonObject stray = Json.toTree(Usage.empty("2026-12").reserving(images(1).get(0), 100)).getAsJsonObject();
    docs.put(UsageService.projectKey("p1", "2026-12") + "-x", stray);
    docs.put(UsageService.projectKey("p1", "2026-1"), stray);

    UsageView project = usage.ofProject("p1");
    assertEquals(120, project.inputTokens() + project.outputTokens(), "forty items over all 32 counters");
    assertEquals(40, project.items());
    assertEquals(0, project.reservedTokens());
    assertEquals(2, project.reservedImages(), "p10's month, and names that are not the month's, are not p1's");
    assertEquals(40, usage.ofUser("u1").items());
    assertEquals(7, usage.ofProject("p10").reservedImages());
  }

  @Test
  void aMonthsFamilyIsItsThirtyTwoCountersAndItsHeldDocumentByName() {
    String first = UsageService.projectKey("p1", "2026-12");
    int counters = 0;
    for (int k = 0; k < 100; k++) {
      if (UsageService.inFamily(first, UsageService.shardKey(first, k), false)) {
        counters++;
      }
    }
    assertEquals(UsageService.SHARDS, counters, "the counters, and no shard past the last");
    assertTrue(UsageService.inFamily(first, UsageService.heldKey(first), true));
    for (String stranger : List.of("-held", "-s", "-s0", "-s00", "-s01", "-s1x", "-s100", "-x", "0", "-s-1", "-s+1")) {
      assertFalse(UsageService.inFamily(first, first + stranger, false), stranger);
    }
    assertFalse(UsageService.inFamily(first, first + "-s32", true));
    assertFalse(UsageService.inFamily(first, first + "-held0", true));
  }

  @Test
  void aCompletedItemTurnsItsReservationIntoWhatItUsed() {
    UsageService usage = at("2026-12-02T10:00:00Z");
    Reservation held = usage.reserve(tx, "u1", "p1",
        List.of(Reservation.estimate(ContentKind.TEXT, "x".repeat(10), "", Map.of("maxTokens", "100"), 4096))).items().get(0);
    assertEquals(3 + 100, held.tokens(), "ten characters are three tokens, rounded up, plus the output cap");
    usage.prepare("u1", "p1", 50, 300, 0, 0, false, held, 0).write(tx);
    Usage u = user("2026-12");
    assertEquals(0, u.reservedTokens());
    assertEquals(350, u.tokens(), "the actual use is charged, even past the estimate");
    assertEquals(1, u.items());
  }

  @Test
  void aFailedItemGivesBackItsReservation() {
    UsageService usage = at("2026-12-02T10:00:00Z");
    Reservation held = usage.reserve(tx, "u1", "p1", images(3)).items().get(0);
    usage.prepareRelease("u1", "p1", held).write(tx);
    assertEquals(2, user("2026-12").reservedImages());
    assertEquals(0, user("2026-12").images());
    Usage project = month(UsageService.projectKey("p1", "2026-12"), "2026-12");
    assertEquals(2, project.reservedImages());
  }

  @Test
  void anItemThatEndsNextMonthGivesBackToTheMonthThatHeldIt() {
    Reservation held = at("2026-11-30T23:59:00Z").reserve(tx, "u1", "p1", images(1)).items().get(0);
    at("2026-12-01T00:01:00Z").prepare("u1", "p1", 0, 0, 1, 0, false, held, 0).write(tx);
    assertEquals(0, user("2026-11").reservedImages());
    assertEquals(0, user("2026-11").images());
    assertEquals(1, user("2026-12").images());
    assertEquals(0, user("2026-12").reservedImages());
  }

  @Test
  void anItemAcceptedBeforeReservationsIsChargedAndGivesBackNothing() {
    UsageService usage = at("2026-12-02T10:00:00Z");
    usage.reserve(tx, "u1", "p1", images(2));
    usage.prepare("u1", "p1", 0, 0, 1, 0, false, null, 0).write(tx);
    usage.prepareRelease("u1", "p1", null).write(tx);
    assertEquals(2, user("2026-12").reservedImages());
    assertEquals(1, user("2026-12").images());
  }

  @Test
  void acceptingReservesInTheHeldDocumentAndItemsChargeAndGiveBackAcrossTheCounterDocuments() {
    UsageService usage = at("2026-12-02T10:00:00Z");
    List<Reservation> held = usage.reserve(tx, "u1", "p1", images(10)).items();
    String first = UsageService.userKey("u1", "2026-12");
    assertEquals(10, Json.fromTree(docs.get(UsageService.heldKey(first)), Usage.class).reservedImages());
    for (int i = 0; i < 10; i++) {
      assertEquals(i % UsageService.SHARDS, held.get(i).shardOrFirst(), "item " + i);
      usage.prepare("u1", "p1", 0, 0, 1, 0, false, held.get(i), i).write(tx);
    }
    for (int k = 0; k < UsageService.SHARDS; k++) {
      int shard = k;
      int expected = (int) java.util.stream.IntStream.range(0, 10).filter(i -> i % UsageService.SHARDS == shard).count();
      JsonObject d = docs.get(UsageService.shardKey(first, k));
      if (expected == 0) {
        assertEquals(null, d, "counter document " + k + " was never written");
        continue;
      }
      Usage counter = Json.fromTree(d, Usage.class);
      assertEquals(expected, counter.images(), "counter document " + k);
      assertEquals(-counter.images(), counter.reservedImages(), "it gave back what the held document reserved");
    }
    assertEquals(10, user("2026-12").images());
    assertEquals(0, user("2026-12").reservedImages());
    assertEquals(10, usage.ofUser("u1").images(), "the API shows the month's sum");
    assertEquals(429, assertThrows(ApiException.class, () -> usage.reserve(tx, "u1", "p1", images(6))).status(),
        "ten used across eight documents and six more pass the 15 allowed");
    usage.reserve(tx, "u1", "p1", images(5));
  }

  @Test
  void aReservationHeldBeforeTheCountersWereSpreadIsGivenBackToTheFirstDocument() {
    UsageService usage = at("2026-12-02T10:00:00Z");
    usage.reserve(tx, "u1", "p1", images(1));
    Reservation legacy = new Reservation("2026-12", 0, 1, 0);
    usage.prepareRelease("u1", "p1", legacy).write(tx);
    assertEquals(0, user("2026-12").reservedImages());
  }

  private static final UsageService.Priced DEMO_IMAGE = new UsageService.Priced("demo", "d", ContentKind.IMAGE, Map.of());

  private UsageService priced(String instant) {
    return new UsageService(store(), LIMITS, dev.contentcreator.core.budgets.PriceTable.of(
        "{\"demo/*\":{\"image\":0.10}}", LIMITS), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  private void budget(long monthly, long cap, Map<String, Long> caps) {
    docs.put("p1", Json.toTree(new dev.contentcreator.core.budgets.Budget("p1", monthly, cap, caps, null, 1, null,
        null)).getAsJsonObject());
  }

  private List<Reservation> pricedImages(UsageService usage, int n) {
    return Collections.nCopies(n, usage.price(Reservation.estimate(ContentKind.IMAGE, "p", "", Map.of(), 4096),
        DEMO_IMAGE, 0));
  }

  @Test
  void aJobThatWouldPassTheProjectBudgetIsRefusedSayingWhatIsLeftAndHoldsNothing() {
    UsageService usage = priced("2026-12-02T10:00:00Z");
    budget(500_000, 0, Map.of());
    usage.reserve(tx, "u1", "p1", pricedImages(usage, 3));
    ApiException e = assertThrows(ApiException.class, () -> usage.reserve(tx, "u2", "p1", pricedImages(usage, 3)));
    assertEquals(409, e.status());
    assertEquals("budget-exceeded", e.type());
    assertTrue(e.detail().contains("project's monthly budget of $0.50: $0.20 is left"), e.detail());
    Usage project = month(UsageService.projectKey("p1", "2026-12"), "2026-12");
    assertEquals(300_000, project.reservedCostMicros(), "the refused job held nothing");
    usage.reserve(tx, "u2", "p1", pricedImages(usage, 2));
    assertEquals(500_000, month(UsageService.projectKey("p1", "2026-12"), "2026-12").reservedCostMicros());
  }

  @Test
  void aMemberCapStopsThatMemberOnlyAndAMembersOwnCapTakesThePlaceOfTheProjects() {
    UsageService usage = priced("2026-12-02T10:00:00Z");
    budget(0, 200_000, Map.of("u3", 500_000L));
    usage.reserve(tx, "u1", "p1", pricedImages(usage, 2));
    ApiException e = assertThrows(ApiException.class, () -> usage.reserve(tx, "u1", "p1", pricedImages(usage, 1)));
    assertTrue(e.detail().contains("your monthly cap in this project of $0.20: $0.00 is left"), e.detail());
    usage.reserve(tx, "u2", "p1", pricedImages(usage, 2));
    usage.reserve(tx, "u3", "p1", pricedImages(usage, 5));
  }

  @Test
  void anItemEndsChargedItsCostAtTheModelsPriceAndGivesBackWhatItHeld() {
    UsageService usage = priced("2026-12-02T10:00:00Z");
    budget(1_000_000, 1_000_000, Map.of());
    List<Reservation> held = usage.reserve(tx, "u1", "p1", pricedImages(usage, 2)).items();
    assertEquals(100_000, held.get(0).costMicros());
    UsageService.Charge charge = usage.prepare("u1", "p1", 0, 0, 1, 0, DEMO_IMAGE, held.get(0), 0);
    charge.write(tx);
    usage.prepareRelease("u1", "p1", held.get(1)).write(tx);
    assertEquals(100_000, charge.costMicros());
    Usage project = month(UsageService.projectKey("p1", "2026-12"), "2026-12");
    Usage member = month(UsageService.memberKey("p1", "u1", "2026-12"), "2026-12");
    assertEquals(100_000, project.costMicros());
    assertEquals(0, project.reservedCostMicros());
    assertEquals(100_000, member.costMicros());
    assertEquals(0, member.reservedCostMicros());
  }

  @Test
  void theWarningComesOnceAJobBringsALimitToEightyPercent() {
    UsageService usage = priced("2026-12-02T10:00:00Z");
    budget(1_000_000, 0, Map.of());
    assertEquals(null, usage.reserve(tx, "u1", "p1", pricedImages(usage, 7)).warning());
    UsageService.BudgetWarning w = usage.reserve(tx, "u1", "p1", pricedImages(usage, 1)).warning();
    assertEquals("project", w.scope());
    assertEquals(80, w.percentUsed());
    assertEquals(200_000, w.remainingMicros());
    assertEquals("2026-12", Json.fromTree(docs.get("p1"), dev.contentcreator.core.budgets.Budget.class)
        .warnedPeriod(), "the month the owners were told is remembered");
  }

  @Test
  void dollarsAreWrittenWithTwoToFourPlaces() {
    assertEquals("$0.00", UsageService.dollars(0));
    assertEquals("$1.50", UsageService.dollars(1_500_000));
    assertEquals("$0.0425", UsageService.dollars(42_500));
    assertEquals("$0.0001", UsageService.dollars(120));
  }
}
