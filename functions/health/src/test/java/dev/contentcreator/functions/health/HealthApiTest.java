package dev.contentcreator.functions.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.http.Gateway;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.IdentityVerifier;
import dev.contentcreator.core.ports.RateLimiter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthApiTest {
  @Test
  void healthAnswersWithoutLoadingAnyAdapter() throws Exception {
    Platform platform = Platform.create(Config.of(Map.of("APP_VERSION", "1.2.3")),
        Clock.fixed(Instant.parse("2026-11-26T01:02:03Z"), ZoneOffset.UTC));
    Gateway gateway = new Services(platform).gateway(HealthApi.router(platform));
    HttpRequest request = mock(HttpRequest.class);
    when(request.getMethod()).thenReturn("GET");
    when(request.getPath()).thenReturn("/api/health");
    when(request.getContentLength()).thenReturn(-1L);
    when(request.getFirstHeader(org.mockito.ArgumentMatchers.anyString())).thenReturn(Optional.empty());
    when(request.getQueryParameters()).thenReturn(Map.of());
    when(request.getHeaders()).thenReturn(Map.of());
    HttpResponse response = mock(HttpResponse.class);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    when(response.getOutputStream()).thenReturn(body);

    gateway.service(request, response);

    verify(response).setStatusCode(200);
    String text = body.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("\"version\":\"1.2.3\""), text);
    assertTrue(text.contains("\"time\":\"2026-11-26T01:02:03.000Z\""), text);
    assertFalse(platform.isLoaded(IdentityVerifier.class));
    assertFalse(platform.isLoaded(DocumentStore.class));
    assertFalse(platform.isLoaded(RateLimiter.class));
    assertEquals(false, platform.isLoaded(dev.contentcreator.core.ports.BlobStore.class));
  }
}
