package dev.contentcreator.functions.scheduler;

import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.testing.http.MockHttpTransport;
import com.google.api.client.testing.http.MockLowLevelHttpRequest;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;
import dev.contentcreator.core.batches.BatchService;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.templates.TemplateView;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.http.InternalEndpoint;
import dev.contentcreator.core.http.RequestLog;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.gcp.backup.FirestoreExporter;
import dev.contentcreator.gcp.oidc.GoogleOidcVerifier;
import dev.contentcreator.testkit.http.FakeHttp;
import dev.contentcreator.testkit.oidc.TestSigner;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What the scheduler's tests share: Google's part, a batch due on Monday at 09:00, requests. */
final class SchedulerRig {
  static final String AUDIENCE = "https://scheduler-abc-ew.a.run.app";
  static final String INVOKER = "cloud-scheduler@demo-project.iam.gserviceaccount.com";
  /** Sunday noon in Paris, when the batch is made; it runs on Mondays at 09:00 Paris time. */
  static final Instant SUNDAY = Instant.parse("2026-11-22T11:00:00Z");
  static final Instant MONDAY_0900 = Instant.parse("2026-11-23T08:00:00Z");
  static final TestSigner GOOGLE = TestSigner.generate("k1");
  static final RequestLog LOG = new RequestLog(System.out, "demo-project");

  private SchedulerRig() {}

  static GoogleOidcVerifier verifier(Clock clock) {
    String jwks = GOOGLE.jwks();
    return GoogleOidcVerifier.builder().audience(AUDIENCE).allowedEmails(List.of(INVOKER)).clock(clock)
        .publicKeys("https://keys.test/certs", () -> new MockHttpTransport() {
          @Override
          public LowLevelHttpRequest buildRequest(String method, String url) {
            return new MockLowLevelHttpRequest(url)
                .setResponse(new MockLowLevelHttpResponse().setContentType("application/json").setContent(jwks));
          }
        }).build();
  }

  static InternalEndpoint endpoint(Services services, Clock clock, Supplier<FirestoreExporter> exporter) {
    return SchedulerApi.endpoint(verifier(clock), services::batches, exporter, services::fanOut, LOG);
  }

  /** A project of Alice's with a weekly batch of three rows; returns the batch's id. */
  static String weeklyBatch(Services services) {
    return weeklyBatch(services, Optional.empty());
  }

  /** The same, its runs on this provider (which must be configured) or on the default one. */
  static String weeklyBatch(Services services, Optional<String> provider) {
    Caller alice = new Caller("alice", "alice@example.com", "Alice", null);
    services.users().ensure(alice);
    String project = services.projects().create(alice, "Shop", "").id();
    TemplateView t = services.templates().create("alice", project, "Description", ContentKind.TEXT,
        "Describe {{product}} in one line",
        List.of(new Template.Variable("product", "string", true, null, null, 100)));
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      rows.add(Map.of("product", "product " + i));
    }
    return services.batches().create("alice", project, new BatchService.Spec("Weekly", t.id(), rows, "0 9 * * 1",
        "Europe/Paris", 2, 0, provider, Optional.empty(), Map.of())).id();
  }

  static FakeHttp.Request post(String path, String email, Instant now) {
    return new FakeHttp.Request("POST", path)
        .header("Authorization", "Bearer " + GOOGLE.sign(TestSigner.claims(AUDIENCE, email, now.minusSeconds(10))))
        .header("User-Agent", "Google-Cloud-Scheduler");
  }

  static FakeHttp.Response serve(InternalEndpoint endpoint, FakeHttp.Request request) {
    FakeHttp.Response response = new FakeHttp.Response();
    endpoint.service(request, response);
    return response;
  }
}
