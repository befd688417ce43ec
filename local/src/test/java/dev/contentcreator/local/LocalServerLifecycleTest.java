package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.local.Api.Answer;
import dev.contentcreator.local.Emulator.Person;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import org.junit.jupiter.api.io.TempDir;

/** The local server across restarts, and under load past its limits. */
class LocalServerLifecycleTest {
  @TempDir Path data;

  @Test
  void projectsSurviveARestart() throws Exception {
    Person alice = Emulator.signUp("alice");
    String id;
    try (ServerProcess first = ServerProcess.start(data, Map.of())) {
      id = new Api(first.base()).post("/api/projects", alice.idToken(), "{\"name\":\"Durable\"}")
          .expect(201).object().get("id").getAsString();
    }
    try (ServerProcess second = ServerProcess.start(data, Map.of())) {
      Answer a = new Api(second.base()).get("/api/projects/" + id, alice.idToken()).expect(200);
      assertEquals("Durable", a.object().get("name").getAsString());
    }
  }

  @Test
  void requestsPastTheUserLimitAreTooManyWithRetryAfter() throws Exception {
    Person alice = Emulator.signUp("alice");
    try (ServerProcess server = ServerProcess.start(data, Map.of("RATE_LIMIT_PER_USER", "5/1m"))) {
      Api api = new Api(server.base());
      for (int i = 0; i < 5; i++) {
        Answer ok = api.get("/api/projects", alice.idToken()).expect(200);
        assertEquals(Integer.toString(4 - i), ok.header("RateLimit-Remaining"));
      }
      Answer refused = api.get("/api/projects", alice.idToken()).expect(429);
      assertNotNull(refused.header("Retry-After"));
      int retryAfter = Integer.parseInt(refused.header("Retry-After"));
      assertTrue(retryAfter >= 1 && retryAfter <= 12, "about one token's refill time, got " + retryAfter);
      assertEquals("0", refused.header("RateLimit-Remaining"));
      Person bob = Emulator.signUp("bob");
      api.get("/api/projects", bob.idToken()).expect(200);
    }
  }

  @Test
  void limitsKeptInRedisRefuseTheSameWay() throws Exception {
    Person alice = Emulator.signUp("alice");
    String prefix = "cc-test-" + System.nanoTime() + ":";
    try (ServerProcess server = ServerProcess.start(data, Map.of("RATE_LIMIT_PER_USER", "2/1m",
        "REDIS_URL", System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379/0"), "REDIS_KEY_PREFIX", prefix))) {
      Api api = new Api(server.base());
      api.get("/api/projects", alice.idToken()).expect(200);
      api.get("/api/projects", alice.idToken()).expect(200);
      Answer refused = api.get("/api/projects", alice.idToken()).expect(429);
      assertNotNull(refused.header("Retry-After"));
    }
    try (RedisClient client = RedisClient.create(
        URI.create(System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379/0")))) {
      assertTrue(!client.keys(prefix + "*").isEmpty(), "the buckets were kept in Redis");
    }
  }

  @Test
  void requestsPastTheAddressLimitAreTooManyBeforeTheTokenIsChecked() throws Exception {
    try (ServerProcess server = ServerProcess.start(data, Map.of("RATE_LIMIT_PER_IP", "3/1m"))) {
      Api api = new Api(server.base());
      for (int i = 0; i < 3; i++) {
        api.get("/api/projects", "garbage").expect(401);
      }
      api.get("/api/projects", "garbage").expect(429);
      api.get("/api/health", null).expect(200);
    }
  }
}
