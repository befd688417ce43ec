package dev.contentcreator.core.net;

import static dev.contentcreator.core.net.LocalFakes.address;
import static dev.contentcreator.core.net.LocalFakes.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.net.LocalFakes.FakeServer;
import dev.contentcreator.core.net.LocalFakes.MapResolver;
import dev.contentcreator.core.net.LocalFakes.RecordingConnector;
import dev.contentcreator.core.net.LocalFakes.Script;
import dev.contentcreator.core.ports.ai.ProviderException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFetcherTest {
  /** TEST-NET-3 addresses: public in form, never routed; the connector sends them to 127.0.0.1. */
  private static final InetAddress CDN = address(203, 0, 113, 10);
  private static final InetAddress OTHER_CDN = address(203, 0, 113, 20);
  private static final String ALLOW = "cdn.example.com,*.media.example.net,10.0.0.1,169.254.169.254";

  private final List<FakeServer> servers = new ArrayList<>();
  private final Map<String, List<InetAddress>> dns = new HashMap<>(Map.of(
      "cdn.example.com", List.of(CDN),
      "a.media.example.net", List.of(OTHER_CDN),
      "evil.media.example.net", List.of(address(10, 0, 0, 5)),
      "elsewhere.example.org", List.of(CDN)));
  private final Map<InetAddress, Integer> routes = new HashMap<>();
  private final MapResolver resolver = new MapResolver(dns);
  private final RecordingConnector connector = new RecordingConnector(routes);

  @AfterEach
  void stopServers() throws Exception {
    for (FakeServer s : servers) {
      s.close();
    }
  }

  private FakeServer serve(InetAddress as, Script script) throws Exception {
    FakeServer server = new FakeServer(script);
    servers.add(server);
    routes.put(as, server.port());
    return server;
  }

  private SafeFetcher.Builder fetcher() {
    return SafeFetcher.builder().withAllowlist(HostAllowlist.parse(ALLOW)).withResolver(resolver)
        .withConnector(connector).withMaxBytes(1_000).withConnectTimeout(Duration.ofSeconds(2))
        .withTotalTimeout(Duration.ofSeconds(5));
  }

  private static Script ok(String body) {
    return (head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: "
        + body.length() + "\r\n\r\n" + body);
  }

  private static Script redirectTo(String location) {
    return (head, out) -> write(out, "HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n");
  }

  private RefusedAddressException refused(String url) {
    return assertThrows(RefusedAddressException.class, () -> fetcher().build().fetch(url));
  }

  // ---- refused before any connection ----

  @Test
  void plainHttpToLoopbackIsRefusedWithoutConnecting() {
    RefusedAddressException e = refused("http://127.0.0.1/x");
    assertEquals("only https addresses are accepted", e.reason());
    assertTrue(connector.attempts.isEmpty());
    assertEquals(0, resolver.calls.get());
  }

  @Test
  void cloudMetadataAddressIsRefusedEvenWhenAllowlisted() {
    RefusedAddressException e = refused("https://169.254.169.254/latest/meta-data");
    assertTrue(e.reason().contains("link-local"), e.reason());
    assertTrue(connector.attempts.isEmpty());
  }

  @Test
  void privateAddressLiteralIsRefusedEvenWhenAllowlisted() {
    RefusedAddressException e = refused("https://10.0.0.1/");
    assertTrue(e.reason().contains("private"), e.reason());
    assertTrue(connector.attempts.isEmpty());
  }

  @Test
  void ipv6LoopbackLiteralIsRefused() {
    RefusedAddressException e = refused("https://[::1]/");
    assertTrue(e.reason().contains("loopback"), e.reason());
    assertTrue(connector.attempts.isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:///etc/passwd", "ftp://cdn.example.com/a.png", "jar:https://cdn.example.com/a.jar!/x",
      "data:image/png;base64,AAAA", "gopher://cdn.example.com/", "//cdn.example.com/a.png", "not a url"})
  void everySchemeButHttpsIsRefused(String url) {
    refused(url);
    assertTrue(connector.attempts.isEmpty());
    assertEquals(0, resolver.calls.get());
  }

  @Test
  void hostOffTheAllowlistIsRefusedWithoutResolving() {
    RefusedAddressException e = refused("https://elsewhere.example.org/a.png");
    assertTrue(e.reason().contains("not on the allowlist"), e.reason());
    assertEquals(0, resolver.calls.get());
    assertTrue(connector.attempts.isEmpty());
  }

  @Test
  void userInfoInTheAddressIsRefused() {
    refused("https://cdn.example.com@elsewhere.example.org/a.png");
    assertTrue(connector.attempts.isEmpty());
  }

  @Test
  void allowedHostResolvingToAPrivateAddressIsRefused() {
    dns.put("cdn.example.com", List.of(address(10, 0, 0, 5)));
    RefusedAddressException e = refused("https://cdn.example.com/a.png");
    assertTrue(e.reason().contains("private"), e.reason());
    assertFalse(e.reason().contains("10.0.0.5"), "the person is not shown the internal address");
    assertTrue(e.getMessage().contains("10.0.0.5"), "the log is");
    assertTrue(connector.attempts.isEmpty());
  }

  @Test
  void oneNonPublicAnswerAmongPublicOnesRefusesTheHost() {
    dns.put("cdn.example.com", List.of(CDN, address(100, 64, 0, 1)));
    refused("https://cdn.example.com/a.png");
    assertTrue(connector.attempts.isEmpty());
  }

  @Test
  void ipv4MappedIpv6AnswerOfAPrivateAddressIsRefused() throws Exception {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 10;
    mapped[15] = 5;
    dns.put("cdn.example.com", List.of(Inet6Address.getByAddress("cdn.example.com", mapped, -1)));
    refused("https://cdn.example.com/a.png");
    assertTrue(connector.attempts.isEmpty());
  }

  @Test
  void uniqueLocalIpv6AnswerIsRefused() throws Exception {
    dns.put("cdn.example.com", List.of(InetAddress.getByName("fd12:3456::1")));
    refused("https://cdn.example.com/a.png");
    assertTrue(connector.attempts.isEmpty());
  }

  @Test
  void redirectToAPrivateAddressIsRefusedBeforeConnectingThere() throws Exception {
    serve(CDN, redirectTo("https://10.0.0.1/latest"));
    RefusedAddressException e = assertThrows(RefusedAddressException.class,
        () -> fetcher().build().fetch("https://cdn.example.com/a.png"));
    assertEquals("https://10.0.0.1/latest", e.url());
    assertEquals(List.of(CDN), connector.addresses());
  }

  @Test
  void redirectToAnAllowedNameThatResolvesPrivateIsRefused() throws Exception {
    serve(CDN, redirectTo("https://evil.media.example.net/a.png"));
    assertThrows(RefusedAddressException.class, () -> fetcher().build().fetch("https://cdn.example.com/a.png"));
    assertEquals(List.of(CDN), connector.addresses());
  }

  @Test
  void redirectToPlainHttpIsRefused() throws Exception {
    serve(CDN, redirectTo("http://a.media.example.net/a.png"));
    RefusedAddressException e = assertThrows(RefusedAddressException.class,
        () -> fetcher().build().fetch("https://cdn.example.com/a.png"));
    assertEquals("only https addresses are accepted", e.reason());
    assertEquals(List.of(CDN), connector.addresses());
  }

  @Test
  void tooManyRedirectsStopAtTheLimit() throws Exception {
    serve(CDN, redirectTo("/again"));
    UpstreamException e = assertThrows(UpstreamException.class,
        () -> fetcher().withMaxRedirects(2).build().fetch("https://cdn.example.com/a.png"));
    assertEquals(UpstreamException.Reason.TOO_MANY_REDIRECTS, e.reason());
    assertEquals(3, connector.attempts.size(), "the first hop and two redirects");
  }

  // ---- caps ----

  @Test
  void declaredOversizedBodyIsRefusedBeforeReadingIt() throws Exception {
    serve(CDN, (head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1001\r\n\r\n"));
    TooLargeException e = assertThrows(TooLargeException.class,
        () -> fetcher().build().fetch("https://cdn.example.com/a.png"));
    assertTrue(e.declared());
    assertEquals(1_000, e.limit());
  }

  @Test
  void chunkedOversizedBodyIsRefusedWhileReading() throws Exception {
    serve(CDN, (head, out) -> {
      write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
      for (int i = 0; i < 3; i++) {
        write(out, "190\r\n" + "x".repeat(400) + "\r\n");
      }
      write(out, "0\r\n\r\n");
    });
    TooLargeException e = assertThrows(TooLargeException.class,
        () -> fetcher().build().fetch("https://cdn.example.com/a.png"));
    assertFalse(e.declared());
  }

  @Test
  void undeclaredOversizedBodyIsRefusedWhileReading() throws Exception {
    serve(CDN, (head, out) -> write(out, "HTTP/1.1 200 OK\r\n\r\n" + "x".repeat(1_001)));
    TooLargeException e = assertThrows(TooLargeException.class,
        () -> fetcher().build().fetch("https://cdn.example.com/a.png"));
    assertFalse(e.declared());
  }

  @Test
  void bodySlowerThanTheTimeCapTimesOut() throws Exception {
    serve(CDN, (head, out) -> {
      write(out, "HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n");
      out.flush();
      for (int i = 0; i < 100; i++) {
        out.write('x');
        out.flush();
        Thread.sleep(50);
      }
    });
    long start = System.nanoTime();
    UpstreamException e = assertThrows(UpstreamException.class, () -> fetcher()
        .withConnectTimeout(Duration.ofMillis(300)).withTotalTimeout(Duration.ofMillis(400)).build()
        .fetch("https://cdn.example.com/a.png"));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(UpstreamException.Reason.TIMEOUT, e.reason());
    assertTrue(tookMillis < 2_000, "stopped near the cap, took " + tookMillis + " ms");
    assertEquals(504, e.toApiException().status());
  }

  @Test
  void bodyCutShortOfItsLengthIsMalformed() throws Exception {
    serve(CDN, (head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"));
    UpstreamException e = assertThrows(UpstreamException.class,
        () -> fetcher().build().fetch("https://cdn.example.com/a.png"));
    assertEquals(UpstreamException.Reason.MALFORMED, e.reason());
  }

  // ---- allowed ----

  @Test
  void allowedHostIsFetchedFromItsVettedAddressWithItsOwnHostHeader() throws Exception {
    FakeServer server = serve(CDN, ok("PNGDATA"));
    FetchedMedia media = fetcher().build().fetch("https://cdn.example.com/out/a.png?sig=secret");
    assertArrayEquals("PNGDATA".getBytes(StandardCharsets.US_ASCII), media.bytes());
    assertEquals("image/png", media.contentType());
    assertEquals("https://cdn.example.com/out/a.png", media.finalUrl());
    assertEquals(List.of(new LocalFakes.Attempt(CDN, 443, "cdn.example.com", true)), connector.attempts);
    String request = server.requests.get(0);
    assertTrue(request.startsWith("GET /out/a.png?sig=secret HTTP/1.1\r\n"), request);
    assertTrue(request.contains("\r\nHost: cdn.example.com\r\n"), request);
  }

  @Test
  void chunkedBodyWithinTheCapIsAssembled() throws Exception {
    serve(CDN, (head, out) -> write(out,
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-T: 1\r\n\r\n"));
    assertEquals("abcde", new String(fetcher().build().fetch("https://cdn.example.com/a").bytes(),
        StandardCharsets.US_ASCII));
  }

  @Test
  void theAddressCheckedIsTheAddressConnectedTo() throws Exception {
    serve(CDN, ok("ok"));
    List<InetAddress> answers = List.of(CDN, address(10, 0, 0, 5));
    int[] calls = {0};
    HostResolver rebinding = host -> new InetAddress[] {answers.get(Math.min(calls[0]++, 1))};
    fetcher().withResolver(rebinding).build().fetch("https://cdn.example.com/a.png");
    assertEquals(1, calls[0], "resolved once per hop");
    assertEquals(List.of(CDN), connector.addresses());
  }

  @Test
  void redirectToAnotherAllowedHostIsFollowedAndRechecked() throws Exception {
    serve(CDN, redirectTo("https://a.media.example.net/final.png"));
    FakeServer second = serve(OTHER_CDN, ok("final"));
    FetchedMedia media = fetcher().build().fetch("https://cdn.example.com/a.png");
    assertEquals("final", new String(media.bytes(), StandardCharsets.US_ASCII));
    assertEquals(List.of(CDN, OTHER_CDN), connector.addresses());
    assertTrue(second.requests.get(0).contains("\r\nHost: a.media.example.net\r\n"));
    assertEquals(2, resolver.calls.get());
  }

  @Test
  void plainHttpToLoopbackIsAcceptedOnlyWithTheSwitch() throws Exception {
    serve(LocalFakes.LOOPBACK, ok("fake"));
    dns.put("localhost", List.of(LocalFakes.LOOPBACK));
    SafeFetcher local = fetcher().withAllowlist(HostAllowlist.parse(ALLOW + ",localhost"))
        .withPlainHttpToLoopback(true).build();
    assertEquals(4, local.fetch("http://localhost:8080/a.png").size());
    assertEquals(List.of(new LocalFakes.Attempt(LocalFakes.LOOPBACK, 8080, "localhost", false)), connector.attempts);
    assertThrows(RefusedAddressException.class, () -> fetcher().build().fetch("http://localhost:8080/a.png"));
  }

  @Test
  void plainHttpSwitchStillHoldsTheAllowlist() throws Exception {
    serve(LocalFakes.LOOPBACK, ok("fake"));
    dns.put("localhost", List.of(LocalFakes.LOOPBACK));
    SafeFetcher local = fetcher().withAllowlist(HostAllowlist.parse("127.0.0.1")).withPlainHttpToLoopback(true).build();
    RefusedAddressException e = assertThrows(RefusedAddressException.class,
        () -> local.fetch("http://localhost:8080/a.png"));
    assertEquals("the host localhost is not on the allowlist", e.reason());
    assertTrue(connector.attempts.isEmpty());
  }

  @Test
  void aRedirectToTheMetadataServerIsRefusedEvenWhenListed() throws Exception {
    serve(CDN, redirectTo("http://metadata.google.internal/computeMetadata/v1/"));
    SafeFetcher f = fetcher().withAllowlist(HostAllowlist.parse(ALLOW + ",metadata.google.internal"))
        .withPlainHttpToLoopback(true).build();
    RefusedAddressException e = assertThrows(RefusedAddressException.class, () -> f.fetch("https://cdn.example.com/a.png"));
    assertEquals("the host is a cloud metadata server", e.reason());
    assertEquals(List.of(CDN), connector.addresses());
  }

  @Test
  void plainHttpSwitchStillRefusesAHostOffThisMachine() {
    SafeFetcher local = fetcher().withPlainHttpToLoopback(true).build();
    RefusedAddressException e = assertThrows(RefusedAddressException.class,
        () -> local.fetch("http://cdn.example.com/a.png"));
    assertEquals("plain http is accepted only to this machine", e.reason());
    assertThrows(RefusedAddressException.class, () -> local.fetch("https://127.0.0.1/a.png"));
    assertTrue(connector.attempts.isEmpty());
  }

  // ---- mapping ----

  @Test
  void notFoundIsAPermanentProviderFailureAndABadGateway() throws Exception {
    serve(CDN, (head, out) -> write(out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));
    UpstreamException e = assertThrows(UpstreamException.class,
        () -> fetcher().build().fetch("https://cdn.example.com/a.png"));
    assertEquals(404, e.status());
    assertEquals(502, e.toApiException().status());
    ProviderException p = e.toProviderException("goapi");
    assertEquals(ProviderException.Kind.PERMANENT, p.kind());
    assertEquals("The provider's media is no longer there.", p.userMessage());
  }

  @Test
  void serverErrorIsATransientProviderFailure() throws Exception {
    serve(CDN, (head, out) -> write(out, "HTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n"));
    UpstreamException e = assertThrows(UpstreamException.class,
        () -> fetcher().build().fetch("https://cdn.example.com/a.png"));
    assertEquals(ProviderException.Kind.TRANSIENT, e.toProviderException("goapi").kind());
  }

  @Test
  void refusalMapsTo422AndAPermanentProviderFailure() {
    RefusedAddressException e = refused("https://10.0.0.1/");
    assertEquals(422, e.toApiException().status());
    assertTrue(e.toApiException().detail().contains("This address is not allowed: the host is a private address"),
        e.toApiException().detail());
    assertEquals(ProviderException.Kind.PERMANENT, e.toProviderException("openai").kind());
  }

  @Test
  void tooLargeMapsTo413() {
    assertEquals(413, new TooLargeException("https://cdn.example.com/a", 10, true).toApiException().status());
  }

  @Test
  void theQueryNeverAppearsInMessages() {
    dns.put("cdn.example.com", List.of(address(192, 168, 1, 1)));
    RefusedAddressException e = refused("https://cdn.example.com/a.png?sig=secret");
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
    assertEquals("https://cdn.example.com/a.png", e.url());
  }

  // ---- builder ----

  @Test
  void settingsReplaceTheDefaultAllowlist() {
    Config config = Config.of(Map.of("MEDIA_HOST_ALLOWLIST", "*.media.example.net", "MEDIA_FETCH_MAX_REDIRECTS", "1"));
    SafeFetcher fromSettings = SafeFetcher.builder(config).withResolver(resolver).withConnector(connector).build();
    RefusedAddressException e = assertThrows(RefusedAddressException.class,
        () -> fromSettings.fetch("https://img.theapi.app/a.png"));
    assertTrue(e.reason().contains("not on the allowlist"));
    assertTrue(connector.attempts.isEmpty());
  }

  @Test
  void builderNeedsAnAllowlist() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> SafeFetcher.builder().build());
    assertTrue(e.getMessage().contains("allowlist"));
  }

  @Test
  void builderRefusesNonsense() {
    SafeFetcher.Builder b = SafeFetcher.builder();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.withMaxBytes(0)).getMessage().contains("maxBytes"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.withMaxRedirects(-1)).getMessage()
        .contains("maxRedirects"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.withTotalTimeout(Duration.ZERO)).getMessage()
        .contains("totalTimeout"));
    assertThrows(IllegalStateException.class, () -> b.withAllowlist(HostAllowlist.parse("a.com"))
        .withConnectTimeout(Duration.ofSeconds(30)).withTotalTimeout(Duration.ofSeconds(5)).build());
  }
}
