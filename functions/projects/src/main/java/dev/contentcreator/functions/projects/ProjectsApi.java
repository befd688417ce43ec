package dev.contentcreator.functions.projects;

import dev.contentcreator.core.budgets.BudgetService;
import dev.contentcreator.core.domain.BrandVoice;
import dev.contentcreator.core.domain.ImageStyle;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.invitations.IssuedInvitation;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.projects.ProjectView;
import java.util.Optional;
import java.util.regex.Pattern;

/** The routes of {@code /api/projects}: request checks here, rules in {@link ProjectService}. */
public final class ProjectsApi {
  static final int NAME_MAX = 100;
  static final int DESCRIPTION_MAX = 2000;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  private ProjectsApi() {}

  public static Router router(Services services) {
    return Router.builder()
        .get("/api/projects", r -> list(services, r))
        .post("/api/projects", r -> create(services, r))
        .get("/api/projects/{projectId}", r -> get(services, r))
        .patch("/api/projects/{projectId}", r -> update(services, r))
        .delete("/api/projects/{projectId}", r -> delete(services, r)).sensitive()
        .get("/api/projects/{projectId}/members", r -> members(services, r))
        .post("/api/projects/{projectId}/members", r -> addMember(services, r)).sensitive()
        .patch("/api/projects/{projectId}/members/{uid}", r -> changeRole(services, r)).sensitive()
        .delete("/api/projects/{projectId}/members/{uid}", r -> removeMember(services, r)).sensitive()
        .get("/api/projects/{projectId}/activity", r -> ActivityApi.list(services, r))
        .get("/api/projects/{projectId}/activity.csv", r -> ActivityApi.csv(services, r))
        .get("/api/projects/{projectId}/brandkits", r -> BrandKitsApi.list(services, r))
        .post("/api/projects/{projectId}/brandkits", r -> BrandKitsApi.create(services, r))
        .patch("/api/projects/{projectId}/brandkits/{kitId}", r -> BrandKitsApi.update(services, r))
        .delete("/api/projects/{projectId}/brandkits/{kitId}", r -> BrandKitsApi.delete(services, r))
        .get("/api/projects/{projectId}/budget", r -> budget(services, r))
        .put("/api/projects/{projectId}/budget", r -> setBudget(services, r)).sensitive()
        .get("/api/projects/{projectId}/providers", r -> providerKeys(services, r))
        .put("/api/projects/{projectId}/providers/{provider}/key", r -> setProviderKey(services, r)).sensitive()
        .delete("/api/projects/{projectId}/providers/{provider}/key", r -> removeProviderKey(services, r)).sensitive()
        .build();
  }

  private static ApiResponse budget(Services s, ApiRequest r) {
    var b = s.budgets().get(r.caller().uid(), r.pathParam("projectId"));
    return ApiResponse.ok(b).etag(b.version());
  }

  /** An owner sets the budget: amounts in millionths of a dollar, 0 for no limit. */
  private static ApiResponse setBudget(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    s.projects().requireRole(r.caller().uid(), projectId, Role.OWNER);
    JsonBody body = r.json();
    Optional<Long> monthly = body.longValue("monthlyMicros", 0, BudgetService.MAX_MICROS);
    Optional<Long> cap = body.longValue("memberCapMicros", 0, BudgetService.MAX_MICROS);
    Optional<java.util.Map<String, Long>> caps = body.object("memberCaps").map(o -> {
      java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
      if (o.size() > ProjectService.MAX_MEMBERS) {
        body.reject("memberCaps", "at most " + ProjectService.MAX_MEMBERS + " members");
      }
      o.entrySet().forEach(e -> {
        long v = -1;
        try {
          v = e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isNumber()
              ? e.getValue().getAsLong() : -1;
        } catch (RuntimeException ignored) {
          v = -1;
        }
        if (v < 0 || v > BudgetService.MAX_MICROS) {
          body.reject("memberCaps." + e.getKey(), "must be a whole number from 0 to " + BudgetService.MAX_MICROS);
        } else {
          m.put(e.getKey(), v);
        }
      });
      return m;
    });
    body.finish();
    var b = s.budgets().set(r.caller().uid(), projectId, r.header("If-Match").orElse(null),
        new BudgetService.Change(monthly, cap, caps));
    return ApiResponse.ok(b).etag(b.version());
  }

  private static ApiResponse list(Services s, ApiRequest r) {
    int limit = r.intQueryParam("limit", 20, 1, 100);
    return ApiResponse.ok(s.projects().list(r.caller().uid(), limit, r.queryParam("cursor").orElse(null)));
  }

  private static ApiResponse create(Services s, ApiRequest r) {
    JsonBody body = r.json();
    String name = body.requiredString("name", 1, NAME_MAX);
    String description = body.string("description", 0, DESCRIPTION_MAX).orElse("");
    body.finish();
    ProjectView p = s.projects().create(r.caller(), name, description);
    return ApiResponse.created("/api/projects/" + p.id(), p).etag(p.version());
  }

  /** The project with this month's usage of it, so its members see what it has used. */
  private static ApiResponse get(Services s, ApiRequest r) {
    ProjectView p = s.projects().get(r.caller().uid(), r.pathParam("projectId"));
    return ApiResponse.ok(new ProjectView.WithUsage(p, s.usage().ofProject(p.id()))).etag(p.version());
  }

  private static ApiResponse update(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    s.projects().requireRole(r.caller().uid(), projectId, Role.VIEWER);
    JsonBody body = r.json();
    Optional<String> name = body.string("name", 1, NAME_MAX);
    if (body.has("name") && name.isEmpty()) {
      body.reject("name", "cannot be removed");
    }
    Optional<String> description = body.string("description", 0, DESCRIPTION_MAX);
    if (body.has("description") && description.isEmpty()) {
      description = Optional.of("");
    }
    Optional<Boolean> archived = body.bool("archived");
    Optional<Boolean> chargeCreator = body.bool("batchRunsChargeCreator");
    boolean hasVoice = body.has("brandVoice");
    Optional<BrandVoice> voice = body.object("brandVoice").map(o -> brandVoice(body, o));
    body.finish();
    ProjectView p = s.projects().update(r.caller().uid(), projectId, r.header("If-Match").orElse(null),
        name, description, archived, voice, hasVoice && voice.isEmpty(), chargeCreator);
    return ApiResponse.ok(p).etag(p.version());
  }

  private static ApiResponse delete(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    // Checked first, so a stranger or an editor enqueues nothing; the transaction checks again.
    s.projects().requireRole(r.caller().uid(), projectId, Role.OWNER);
    s.projects().delete(r.caller().uid(), projectId, r.header("If-Match").orElse(null),
        s.purges().startProject(projectId));
    try {
      s.providerKeys().forget(projectId);
    } catch (java.io.IOException | RuntimeException e) {
      // The project is gone and nothing reads its keys any more; they are only left behind.
      dev.contentcreator.core.log.Log.error("the provider keys of deleted project " + projectId
          + " could not be forgotten", e);
    }
    try {
      s.publishing().forgetSecrets(projectId);
    } catch (RuntimeException e) {
      dev.contentcreator.core.log.Log.error("the publishing secrets of deleted project " + projectId
          + " could not be forgotten", e);
    }
    return ApiResponse.noContent();
  }

  /** Which providers take a project's own key, and whether it has one (its last four characters); owners only. */
  private static ApiResponse providerKeys(Services s, ApiRequest r) {
    return ApiResponse.ok(java.util.Map.of("items", s.providerKeys().list(r.caller().uid(), r.pathParam("projectId"))));
  }

  /** Sets or replaces the project's key for a provider: {@code {"key": "..."}}; the answer never holds it. */
  private static ApiResponse setProviderKey(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    s.projects().requireRole(r.caller().uid(), projectId, Role.OWNER);
    JsonBody body = r.json();
    String key = body.requiredString("key", 8, 512);
    body.finish();
    return ApiResponse.ok(s.providerKeys().set(r.caller().uid(), projectId, r.pathParam("provider"), key));
  }

  private static ApiResponse removeProviderKey(Services s, ApiRequest r) {
    s.providerKeys().remove(r.caller().uid(), r.pathParam("projectId"), r.pathParam("provider"));
    return ApiResponse.noContent();
  }

  private static ApiResponse members(Services s, ApiRequest r) {
    int limit = r.intQueryParam("limit", 50, 1, ProjectService.MAX_MEMBERS);
    return ApiResponse.ok(s.projects().members(r.caller().uid(), r.pathParam("projectId"), limit,
        r.queryParam("cursor").orElse(null)));
  }

  /**
   * Invites an address: nobody is added directly. The answer (202, the invitation and its accept
   * link) is the same whether or not an account uses the address.
   */
  private static ApiResponse addMember(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    s.projects().requireRole(r.caller().uid(), projectId, Role.OWNER);
    JsonBody body = r.json();
    if (body.has("uid")) {
      body.reject("uid", "people join by accepting an invitation; invite them by email instead");
    }
    String email = body.requiredString("email", 3, 254);
    if (email != null && !EMAIL.matcher(email.trim()).matches()) {
      body.reject("email", "is not an e-mail address");
    }
    Role role = role(body);
    body.finish();
    IssuedInvitation issued = s.invitations().invite(r.caller(), projectId, email, role);
    return ApiResponse.accepted("/api/projects/" + projectId + "/invitations/" + issued.invitation().id(), issued);
  }

  /** Changes a member's role, whether they are a reviewer, or both: {@code {"role"?, "reviewer"?}}. */
  private static ApiResponse changeRole(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    s.projects().requireRole(r.caller().uid(), projectId, Role.OWNER);
    JsonBody body = r.json();
    Optional<Role> role = body.has("role") || !body.has("reviewer") ? Optional.ofNullable(role(body))
        : Optional.empty();
    Optional<Boolean> reviewer = body.bool("reviewer");
    if (body.has("reviewer") && reviewer.isEmpty()) {
      body.reject("reviewer", "must be true or false");
    }
    body.finish();
    return ApiResponse.ok(s.projects().changeMember(r.caller().uid(), projectId, r.pathParam("uid"), role,
        reviewer));
  }

  private static ApiResponse removeMember(Services s, ApiRequest r) {
    s.projects().removeMember(r.caller().uid(), r.pathParam("projectId"), r.pathParam("uid"));
    return ApiResponse.noContent();
  }

  /**
   * Reads a brand voice object and its rules, reporting its fields as {@code brandVoice.<field>}:
   * at most 100 banned and 100 required terms of 1 to 50 characters, word bounds from 1 to 100000
   * with the least not above the most, a reading grade from 1 to 20.
   */
  private static BrandVoice brandVoice(JsonBody outer, com.google.gson.JsonObject o) {
    return brandVoice(outer, o, "brandVoice");
  }

  /** As above, reporting the fields as {@code <field>.<its field>}: a brand kit's voice is {@code voice}. */
  static BrandVoice brandVoice(JsonBody outer, com.google.gson.JsonObject o, String field) {
    JsonBody inner = JsonBody.of(o);
    Optional<String> system = inner.string("systemPrompt", 0, 4000);
    Optional<String> tone = inner.string("tone", 0, 50);
    Optional<java.util.List<String>> banned = inner.strings("bannedWords", BrandVoice.MAX_TERMS,
        BrandVoice.MAX_TERM_LENGTH);
    Optional<java.util.List<String>> required = inner.strings("requiredTerms", BrandVoice.MAX_TERMS,
        BrandVoice.MAX_TERM_LENGTH);
    Integer minWords = inner.element("minWords").isPresent()
        ? inner.integer("minWords", 1, 1, BrandVoice.MAX_WORDS) : null;
    Integer maxWords = inner.element("maxWords").isPresent()
        ? inner.integer("maxWords", 1, 1, BrandVoice.MAX_WORDS) : null;
    if (minWords != null && maxWords != null && minWords > maxWords) {
      inner.reject("minWords", "must not be above maxWords");
    }
    Double grade = inner.element("maxReadingGrade").map(e -> {
      if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() && e.getAsDouble() >= BrandVoice.MIN_GRADE
          && e.getAsDouble() <= BrandVoice.MAX_GRADE) {
        return e.getAsDouble();
      }
      inner.reject("maxReadingGrade", "must be a number from 1 to 20");
      return null;
    }).orElse(null);
    ImageStyle style = inner.object("imageStyle").map(o2 -> imageStyle(inner, o2)).orElse(null);
    try {
      inner.finish();
    } catch (dev.contentcreator.core.http.ApiException e) {
      e.errors().forEach(fe -> outer.reject(field + "." + fe.field(), fe.message()));
      return null;
    }
    return new BrandVoice(system.orElse(null), tone.orElse(null), banned.orElse(java.util.List.of()),
        required.orElse(java.util.List.of()), minWords, maxWords, grade, style == null || style.isEmpty() ? null : style);
  }

  /** Reads an image style preset, reporting its fields as {@code imageStyle.<field>}. */
  private static ImageStyle imageStyle(JsonBody outer, com.google.gson.JsonObject o) {
    JsonBody inner = JsonBody.of(o);
    Optional<String> style = inner.string("stylePrompt", 0, ImageStyle.MAX_STYLE);
    Optional<String> ratio = inner.string("aspectRatio", 0, 5);
    if (ratio.isPresent() && !ratio.get().isBlank() && !ratio.get().strip().matches(ImageStyle.RATIO)) {
      inner.reject("aspectRatio", "must be two whole numbers from 1 to 99 such as 16:9");
    }
    Optional<String> negative = inner.string("negativePrompt", 0, ImageStyle.MAX_NEGATIVE);
    try {
      inner.finish();
    } catch (dev.contentcreator.core.http.ApiException e) {
      e.errors().forEach(fe -> outer.reject("imageStyle." + fe.field(), fe.message()));
      return null;
    }
    return new ImageStyle(style.map(String::strip).filter(x -> !x.isEmpty()).orElse(null),
        ratio.map(String::strip).filter(x -> !x.isEmpty()).orElse(null),
        negative.map(String::strip).filter(x -> !x.isEmpty()).orElse(null));
  }

  private static Role role(JsonBody body) {
    Optional<String> text = body.string("role", 1, 20);
    if (text.isEmpty()) {
      if (!body.has("role")) {
        body.reject("role", "is required: owner, editor or viewer");
      }
      return null;
    }
    Optional<Role> role = Role.parse(text.get());
    if (role.isEmpty()) {
      body.reject("role", "must be owner, editor or viewer");
    }
    return role.orElse(null);
  }
}
