package dev.contentcreator.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static final String CANCEL = "/api/projects/{projectId}/generations/{jobId}/cancel";

  private static Router withLegacyCancel() {
    return Router.builder()
        .get("/api/projects/{projectId}/generations/{jobId}", r -> ApiResponse.noContent())
        .post(CANCEL, r -> ApiResponse.noContent()).sensitive()
        .legacyAlias("/api/projects/{projectId}/generations/{jobId}:cancel")
        .build();
  }

  @Test
  void anActionIsAWholeSegmentAndItsColonFormReachesTheSameRoute() {
    Router router = withLegacyCancel();
    Router.Match now = router.match("POST", "/api/projects/p1/generations/j1/cancel");
    Router.Match before = router.match("POST", "/api/projects/p1/generations/j1:cancel");
    assertEquals(CANCEL, now.route().template());
    assertEquals(now.route(), before.route());
    assertEquals(Map.of("projectId", "p1", "jobId", "j1"), before.pathParams());
    assertTrue(before.route().isSensitive(), "the alias keeps what the route was marked with");
    assertEquals(Optional.of("/api/projects/{projectId}/generations/{jobId}:cancel"),
        now.route().legacyTemplate());
  }

  @Test
  void aLegacyColonFormTakesNoValueWithAColonOfItsOwn() {
    Router router = withLegacyCancel();
    assertEquals(404, assertThrows(ApiException.class,
        () -> router.match("GET", "/api/projects/p1/generations/x:cancel:cancel")).status(),
        "not a 405 of the cancel route: no job is called x:cancel");
    assertEquals(404, assertThrows(ApiException.class,
        () -> router.match("POST", "/api/projects/p1/generations/x:cancel:cancel")).status());
  }

  @Test
  void aColonFormWithoutAnAliasIsNotAnyRoute() {
    Router router = Router.builder().post(CANCEL, r -> ApiResponse.noContent())
        .get("/api/projects/{projectId}/generations/{jobId}", r -> ApiResponse.noContent()).build();
    assertEquals(404, assertThrows(ApiException.class,
        () -> router.match("POST", "/api/projects/p1/generations/j1:cancel")).status());
    assertEquals(404, assertThrows(ApiException.class,
        () -> router.match("GET", "/api/projects/p1/generations/j1:cancel")).status(),
        "a whole-segment parameter does not take a value with an action after a colon");
  }

  @Test
  void aLegacyColonFormTakesNoValueThatHoldsAColonItself() {
    Router router = withLegacyCancel();
    assertEquals(404, assertThrows(ApiException.class,
        () -> router.match("GET", "/api/projects/p1/generations/x:cancel:cancel")).status(),
        "not a 405 for a route that does not take it");
    assertEquals(404, assertThrows(ApiException.class,
        () -> router.match("POST", "/api/projects/p1/generations/x:cancel:cancel")).status());
  }

  @Test
  void aParameterThatIsPartOfASegmentIsRefusedWhenTheRouteIsAdded() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Router.builder()
        .post("/api/projects/{projectId}/generations/{jobId}:cancel", r -> ApiResponse.noContent()));
    assertTrue(e.getMessage().contains("whole segment"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Router.builder()
        .get("/api/items/prefix_{id}", r -> ApiResponse.noContent()));
  }

  @Test
  void aLegacyAliasMustBeTheRoutesOwnColonForm() {
    Router.Builder b = Router.builder().post(CANCEL, r -> ApiResponse.noContent());
    assertThrows(IllegalArgumentException.class, () -> b.legacyAlias("/api/projects/{projectId}/generations/{jobId}:run"));
    assertThrows(IllegalArgumentException.class, () -> b.legacyAlias("/api/projects/{projectId}/generations/j:cancel"));
    assertThrows(IllegalArgumentException.class, () -> b.legacyAlias(CANCEL));
    assertThrows(IllegalArgumentException.class, () -> b.legacyAlias(null));
    assertThrows(IllegalStateException.class, () -> Router.builder().legacyAlias(CANCEL));
  }
}
