package dev.contentcreator.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.net.LocalFakes.FakeServer;
import dev.contentcreator.core.net.LocalFakes.MapResolver;
import dev.contentcreator.core.net.LocalFakes.RecordingConnector;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@link SafeFetcher#post}, as outbound webhooks use it: any public host, the same address checks
 * as a fetch, the host resolved once per post and the connection made to the vetted address, no
 * redirect followed, and the answer's body cut to an excerpt.
 */
class SafePostTest {
  private static final InetAddress PUBLIC = LocalFakes.address(93, 184, 216, 34);
  private final Map<String, List<InetAddress>> dns = new ConcurrentHashMap<>();
  private final Map<InetAddress, Integer> routes = new ConcurrentHashMap<>();
  private final MapResolver resolver = new MapResolver(dns);
  private final RecordingConnector connector = new RecordingConnector(routes);

  private SafeFetcher sender() {
    return SafeFetcher.builder().withAllowlist(HostAllowlist.anyHost()).withResolver(resolver).withConnector(connector)
        .withConnectTimeout(Duration.ofSeconds(2)).withTotalTimeout(Duration.ofSeconds(2)).withMaxRedirects(0)
        .withPlainHttpToLoopback(false).build();
  }

  @Test
  void postsTheBodyAndHeadersToTheVettedAddressAndCutsTheAnswer() throws Exception {
    String big = "x".repeat(5000);
    try (FakeServer server = new FakeServer((head, out) -> LocalFakes.write(out,
        "HTTP/1.1 200 OK\r\nContent-Length: " + big.length() + "\r\n\r\n" + big))) {
      dns.put("hooks.example.org", List.of(PUBLIC));
      routes.put(PUBLIC, server.port());
      SafeFetcher.Answer a = sender().post("https://hooks.example.org/in?x=1",
          Map.of("webhook-id", "msg_1"), "{}".getBytes(StandardCharsets.UTF_8), "t", 1024);
      assertEquals(200, a.status());
      assertEquals(1024, a.excerpt().length);
      String head = server.requests.get(0);
      assertTrue(head.startsWith("POST /in?x=1 HTTP/1.1\r\n"), head);
      assertTrue(head.contains("\r\nHost: hooks.example.org\r\n"), head);
      assertTrue(head.contains("\r\nwebhook-id: msg_1\r\n"), head);
      assertTrue(head.contains("\r\nContent-Length: 2\r\n"), head);
      assertEquals(List.of(PUBLIC), connector.addresses());
    }
  }

  @Test
  void aRedirectIsAnsweredNotFollowed() throws Exception {
    try (FakeServer server = new FakeServer((head, out) -> LocalFakes.write(out,
        "HTTP/1.1 302 Found\r\nLocation: https://other.example.org/\r\nContent-Length: 0\r\n\r\n"))) {
      dns.put("hooks.example.org", List.of(PUBLIC));
      routes.put(PUBLIC, server.port());
      assertEquals(302, sender().post("https://hooks.example.org/", Map.of(), new byte[0], "t", 1024).status());
      assertEquals(1, connector.attempts.size());
    }
  }

  @Test
  void aNameThatNowResolvesToAPrivateAddressIsRefusedWithoutConnecting() throws Exception {
    dns.put("hooks.example.org", List.of(PUBLIC));
    SafeFetcher sender = sender();
    sender.check("https://hooks.example.org/in");
    dns.put("hooks.example.org", List.of(LocalFakes.address(10, 1, 2, 3)));
    RefusedAddressException e = assertThrows(RefusedAddressException.class,
        () -> sender.post("https://hooks.example.org/in", Map.of(), new byte[0], "t", 1024));
    assertTrue(e.reason().contains("private"), e.reason());
    assertEquals(List.of(), connector.attempts);
  }

  @Test
  void privateLoopbackAndMetadataTargetsAreRefused() {
    dns.put("localhost", List.of(LocalFakes.LOOPBACK));
    for (String url : List.of("https://127.0.0.1/", "https://10.0.0.8/", "https://169.254.169.254/latest",
        "https://[::1]/", "https://localhost/", "https://metadata.google.internal/", "http://93.184.216.34/")) {
      assertThrows(RefusedAddressException.class, () -> sender().check(url), url);
    }
    assertEquals(List.of(), connector.attempts);
  }

  @Test
  void aHeaderWithALineBreakIsRefused() throws Exception {
    try (FakeServer server = new FakeServer((head, out) -> LocalFakes.write(out,
        "HTTP/1.1 204 No Content\r\n\r\n"))) {
      dns.put("hooks.example.org", List.of(PUBLIC));
      routes.put(PUBLIC, server.port());
      assertThrows(IllegalArgumentException.class, () -> sender().post("https://hooks.example.org/",
          Map.of("x", "a\r\nInjected: 1"), new byte[0], "t", 1024));
    }
  }
}
