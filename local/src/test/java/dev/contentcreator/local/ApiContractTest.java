package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The check that {@link Api} runs on every answer refuses what docs/openapi.yaml does not allow. */
class ApiContractTest {
  private static final ApiContract CONTRACT = ApiContract.OF_REPO;
  private static final String JSON = "application/json; charset=utf-8";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String PROBLEM = "{\"type\":\"/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
      + "\"detail\":\"No such project.\"}";

  @Test
  void answersThatFitTheDescriptionPass() {
    assertEquals(Optional.empty(), CONTRACT.mismatch("POST", "/api/projects/p1/generations/j1/cancel", 404,
        PROBLEM_JSON, PROBLEM));
    assertEquals(Optional.empty(), CONTRACT.mismatch("POST", "/api/projects/p1/generations/j1:cancel", 404,
        PROBLEM_JSON, PROBLEM), "the colon form of an action is judged as its whole-segment form");
    assertEquals(Optional.empty(), CONTRACT.mismatch("GET", "/api/projects", 200, JSON,
        "{\"items\":[],\"nextCursor\":null}"));
    assertEquals(Optional.empty(), CONTRACT.mismatch("GET", "/api/nothing-here", 404, PROBLEM_JSON, PROBLEM));
    assertEquals(Optional.empty(), CONTRACT.mismatch("GET", "/api/projects/p1/members/", 200, JSON,
        "{\"items\":[],\"nextCursor\":null}"), "the router takes a trailing slash for none");
    assertEquals(Optional.empty(), CONTRACT.mismatch("GET", "/api/me/", 404, PROBLEM_JSON, PROBLEM),
        "an exact rewrite does not");
    assertEquals(Optional.empty(), CONTRACT.mismatch("DELETE", "/api/projects/p1", 413, PROBLEM_JSON,
        PROBLEM.replace("404", "413")), "the gateway may refuse any request");
  }

  /** Each: why it is wrong, what the message must name, and the answer (method, path, status, type, body). */
  static Stream<Arguments> wrongAnswers() {
    return Stream.of(
        Arguments.of("a field of the wrong type", "nextCursor", "GET", "/api/projects", 200, JSON,
            "{\"items\":[],\"nextCursor\":7}"),
        Arguments.of("a field the schema does not know", "surprise", "GET", "/api/projects", 200, JSON,
            "{\"items\":[],\"nextCursor\":null,\"surprise\":1}"),
        Arguments.of("a problem without its required members", "detail", "GET", "/api/projects/p1", 404,
            PROBLEM_JSON, "{\"title\":\"Not found\"}"),
        Arguments.of("a status the operation does not list", "418", "GET", "/api/health", 418, JSON, "{}"),
        Arguments.of("a gateway refusal that is not a problem", "413", "DELETE", "/api/projects/p1", 413, JSON, "{}"),
        Arguments.of("a JSON body where none is described", "DELETE /api/projects/{projectId}", "DELETE",
            "/api/projects/p1", 204, JSON, "{}"),
        Arguments.of("an action route judged by its own operation", "{batchId}/run", "POST",
            "/api/projects/p1/batches/b1/run", 201, JSON, "{\"jobIds\":\"j\"}"),
        Arguments.of("an action's colon form judged by the same operation", "{batchId}/run", "POST",
            "/api/projects/p1/batches/b1:run", 201, JSON, "{\"jobIds\":\"j\"}"),
        Arguments.of("a success on a path no operation describes", "/api/nothing-here", "GET", "/api/nothing-here",
            200, JSON, "{}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongAnswers")
  void aWrongAnswerIsRefusedNamingWhatIsWrong(String why, String named, String method, String path, int status,
      String type, String body) {
    Optional<String> m = CONTRACT.mismatch(method, path, status, type, body);
    assertTrue(m.isPresent() && m.get().contains(named), () -> why + ": expected a mismatch naming " + named + ": " + m);
  }
}
