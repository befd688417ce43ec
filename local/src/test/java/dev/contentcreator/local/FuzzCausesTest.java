package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The fuzz test's summary of the server's log reads the structured (JSON) lines the server writes. */
class FuzzCausesTest {
  @Test
  void summarisesEachUnexpectedFailureWithItsFirstFrameOfOurs() {
    String line = "{\"severity\":\"ERROR\",\"message\":\"unexpected failure in GET /api/projects/"
        + "abcdefghijklmnopqrst: java.lang.IllegalStateException: x\",\"stack_trace\":\"java.lang."
        + "IllegalStateException: x\\n\\tat java.base/java.util.List.of(List.java:1)\\n\\tat dev.contentcreator."
        + "core.Foo.bar(Foo.java:9)\\n\"}";
    String log = "plain start-up text\n" + line + "\n" + line + "\n{\"severity\":\"INFO\",\"message\":\"GET /\"}\n";
    assertEquals("server-side causes (from its log):\n  2x unexpected failure in GET /api/projects/<id>: "
        + "java.lang.IllegalStateException: x | at dev.contentcreator.core.Foo.bar(Foo.java:9)\n",
        RouteFuzzBlackBoxTest.causes(log));
  }

  @Test
  void saysNothingWhenNothingFailed() {
    assertEquals("", RouteFuzzBlackBoxTest.causes("{\"severity\":\"INFO\",\"message\":\"GET /api/health\"}\n"));
  }
}
