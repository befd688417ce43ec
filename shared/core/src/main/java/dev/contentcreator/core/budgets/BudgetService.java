package dev.contentcreator.core.budgets;

import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.json.OmitNulls;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.usage.UsageService;
import dev.contentcreator.core.usage.UsageService.Spend;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A project's budget: the owners set a monthly budget and a cap per member ({@link Budget});
 * every member sees this month's spent, held and remaining cost of the project and their own (the
 * owners see every member's); and a forecast tells, before a job or a batch run starts, what it
 * would hold and what would be left. Enforcement is {@link UsageService#reserve}'s, in the
 * transaction that accepts a job.
 */
public final class BudgetService {
  /** The largest budget or cap: a million dollars a month. */
  public static final long MAX_MICROS = 1_000_000L * 1_000_000L;

  private final DocumentStore documents;
  private final ProjectService projects;
  private final UsageService usage;
  private final Clock clock;

  public BudgetService(DocumentStore documents, ProjectService projects, UsageService usage, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.usage = Objects.requireNonNull(usage, "usage");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The stored budget of a project, or none. */
  public Budget budget(String projectId) {
    return documents.get(Budget.COLLECTION, projectId).map(d -> Json.fromTree(d.data(), Budget.class))
        .orElse(Budget.none(projectId));
  }

  /** One limit this month: its amount (0: none), what is spent and held, what is left (null: no limit). */
  @OmitNulls
  public record Line(String uid, String name, long limitMicros, long spentMicros, long reservedMicros,
      Long remainingMicros, Integer percentUsed) {
    static Line of(String uid, String name, Spend s) {
      boolean limited = s.limitMicros() > 0;
      return new Line(uid, name, s.limitMicros(), s.spentMicros(), s.reservedMicros(),
          limited ? s.remainingMicros() : null,
          limited ? (int) Math.min(1000, (s.spentMicros() + s.reservedMicros()) * 100 / s.limitMicros()) : null);
    }
  }

  /** A budget as the API shows it ({@code Budget} in docs/openapi.yaml); never set: no updatedAt. */
  @OmitNulls
  public record BudgetView(String projectId, String period, long monthlyMicros, long memberCapMicros,
      Map<String, Long> memberCaps, int warnPercent, Line project, List<Line> members, long version,
      Instant updatedAt) {}

  /**
   * This month's budget of a project: any member may look; the owners see every member's line, the
   * others their own.
   */
  public BudgetView get(String uid, String projectId) {
    Member me = projects.requireRole(uid, projectId, Role.VIEWER);
    Budget b = budget(projectId);
    List<Line> lines = new ArrayList<>();
    if (me.role() == Role.OWNER) {
      for (Member m : members(projectId)) {
        lines.add(Line.of(m.uid(), m.shownName(), usage.memberSpend(projectId, m.uid(), b.capOf(m.uid()))));
      }
    } else {
      lines.add(Line.of(me.uid(), me.shownName(), usage.memberSpend(projectId, me.uid(), b.capOf(me.uid()))));
    }
    return new BudgetView(projectId, usage.period(), b.monthlyMicros(), b.memberCapMicros(),
        me.role() == Role.OWNER ? b.memberCaps() : Map.of(), Budget.WARN_PERCENT,
        Line.of(null, null, usage.projectSpend(projectId, b.monthlyMicros())), lines, b.version(), b.updatedAt());
  }

  /** A change of budget: each field given replaces the stored one; {@code memberCaps} replaces them all. */
  public record Change(Optional<Long> monthlyMicros, Optional<Long> memberCapMicros,
      Optional<Map<String, Long>> memberCaps) {}

  /**
   * Sets a project's budget; owners only (403 for other members, 404 for strangers). A cap for
   * someone who is not a member is a 422; {@code ifMatch} (may be null) a stale version is a 412.
   */
  public BudgetView set(String uid, String projectId, String ifMatch, Change change) {
    projects.requireRole(uid, projectId, Role.OWNER);
    change.monthlyMicros().ifPresent(v -> check("monthlyMicros", v));
    change.memberCapMicros().ifPresent(v -> check("memberCapMicros", v));
    change.memberCaps().ifPresent(m -> m.forEach((k, v) -> check("memberCaps." + k, v)));
    documents.transaction(tx -> {
      Budget before = tx.get(Budget.COLLECTION, projectId).map(d -> Json.fromTree(d.data(), Budget.class))
          .orElse(Budget.none(projectId));
      dev.contentcreator.core.http.Etags.check(ifMatch, before.version());
      Map<String, Long> caps = change.memberCaps().orElse(before.memberCaps());
      for (String member : change.memberCaps().orElse(Map.of()).keySet()) {
        if (tx.get(ProjectService.MEMBERS, Member.documentId(projectId, member)).isEmpty()) {
          throw ApiException.unprocessable("memberCaps." + member, "is not a member of this project");
        }
      }
      Map<String, Long> kept = new LinkedHashMap<>(caps);
      Budget after = new Budget(projectId, change.monthlyMicros().orElse(before.monthlyMicros()),
          change.memberCapMicros().orElse(before.memberCapMicros()), kept, before.warnedPeriod(),
          before.version() + 1, clock.instant(), uid);
      tx.set(Budget.COLLECTION, projectId, Json.toTree(after).getAsJsonObject());
      return null;
    });
    return get(uid, projectId);
  }

  private static void check(String field, long v) {
    if (v < 0 || v > MAX_MICROS) {
      throw ApiException.badRequest(field, "must be from 0 (no limit) to " + MAX_MICROS + " millionths of a dollar");
    }
  }

  private List<Member> members(String projectId) {
    return documents.query(Query.on(ProjectService.MEMBERS).whereEqualTo("projectId", projectId)
        .limit(Query.MAX_LIMIT).build()).items().stream().map(d -> Json.fromTree(d.data(), Member.class))
        .toList();
  }

  /** How a forecast is worked out, in words the web app shows. */
  public static final String METHOD = "items x the most each item may cost at the model's price: a text's prompt "
      + "(4 characters a token) at the input price plus its output cap at the output price; an image, a second of "
      + "video or a task at its price. This is what is held while the job runs; each item is then charged what it "
      + "really used, usually less.";

  /** A forecast ({@code Forecast} in docs/openapi.yaml). */
  @OmitNulls
  public record ForecastView(int items, long perItemMicros, long costMicros, String provider, String model,
      boolean demo, String method, Line project, Line member, Long projectRemainingAfterMicros,
      Integer projectPercentLeftAfter, Long memberRemainingAfterMicros, boolean fits, boolean warning,
      String refusal) {}

  /** What a job of {@code items} costing {@code costMicros} at most would leave of the budgets. */
  public ForecastView forecast(String uid, String projectId, int items, long perItemMicros, long costMicros,
      String provider, String model, boolean demo) {
    Budget b = budget(projectId);
    Spend p = usage.projectSpend(projectId, b.monthlyMicros());
    Spend m = usage.memberSpend(projectId, uid, b.capOf(uid));
    Long pAfter = p.limitMicros() > 0 ? p.limitMicros() - p.spentMicros() - p.reservedMicros() - costMicros : null;
    Long mAfter = m.limitMicros() > 0 ? m.limitMicros() - m.spentMicros() - m.reservedMicros() - costMicros : null;
    boolean fits = (pAfter == null || pAfter >= 0) && (mAfter == null || mAfter >= 0);
    Integer percentLeft = pAfter == null ? null : (int) Math.max(0, pAfter * 100 / p.limitMicros());
    boolean warn = pAfter != null && (p.limitMicros() - pAfter) * 100 >= (long) Budget.WARN_PERCENT * p.limitMicros()
        || mAfter != null && (m.limitMicros() - mAfter) * 100 >= (long) Budget.WARN_PERCENT * m.limitMicros();
    String refusal = null;
    if (pAfter != null && pAfter < 0) {
      refusal = "This would go past the project's monthly budget of " + UsageService.dollars(p.limitMicros()) + ": "
          + UsageService.dollars(Math.max(0, pAfter + costMicros)) + " is left.";
    } else if (mAfter != null && mAfter < 0) {
      refusal = "This would go past your monthly cap in this project of " + UsageService.dollars(m.limitMicros())
          + ": " + UsageService.dollars(Math.max(0, mAfter + costMicros)) + " is left.";
    }
    return new ForecastView(items, perItemMicros, costMicros, provider, model, demo, METHOD, Line.of(null, null, p),
        Line.of(uid, null, m), pAfter == null ? null : Math.max(0, pAfter), percentLeft,
        mAfter == null ? null : Math.max(0, mAfter), fits, warn, refusal);
  }
}
