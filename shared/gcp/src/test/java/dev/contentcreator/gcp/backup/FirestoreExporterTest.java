package dev.contentcreator.gcp.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import dev.contentcreator.core.config.Config;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The export request, as a local fake of the Firestore Admin API receives it. */
class FirestoreExporterTest {
  record Received(String method, String path, String authorization, String contentType, String body) {}

  private HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String answer = "{\"name\":\"projects/demo-project/databases/(default)/operations/ASA3NDEwOTg\","
      + "\"metadata\":{\"@type\":\"type.googleapis.com/google.firestore.admin.v1.ExportDocumentsMetadata\"}}";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] in = exchange.getRequestBody().readAllBytes();
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
          new String(in, StandardCharsets.UTF_8)));
      byte[] out = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, out.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(out);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private FirestoreExporter exporter() {
    return FirestoreExporter.builder()
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
        .projectId("demo-project").bucket("demo-project-backups")
        .accessTokens(() -> "ya29.test-token")
        .clock(Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC))
        .build();
  }

  @Test
  void anExportOfEveryCollectionGoesToATimestampedFolderOfTheBackupBucket() throws Exception {
    FirestoreExporter.Export export = exporter().export();

    assertEquals("projects/demo-project/databases/(default)/operations/ASA3NDEwOTg", export.operation());
    assertEquals("gs://demo-project-backups/firestore/20261126T030000Z", export.outputUriPrefix());
    assertEquals(1, received.size());
    Received r = received.get(0);
    assertEquals("POST", r.method());
    assertEquals("/v1/projects/demo-project/databases/(default):exportDocuments", r.path());
    assertEquals("Bearer ya29.test-token", r.authorization());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
    assertEquals("gs://demo-project-backups/firestore/20261126T030000Z", body.get("outputUriPrefix").getAsString());
    assertEquals(1, body.size(), "no collectionIds: every collection is exported");
  }

  @Test
  void aRefusalCarriesFirestoresStatus() {
    status = 403;
    answer = "{\"error\":{\"code\":403,\"message\":\"The caller does not have permission\"}}";
    FirestoreExporter.ExportException e = assertThrows(FirestoreExporter.ExportException.class,
        () -> exporter().export());
    assertEquals(403, e.status());
    assertTrue(e.getMessage().contains("permission"), e.getMessage());
  }

  @Test
  void anAnswerWithoutAnOperationIsAFailure() {
    answer = "{}";
    assertThrows(FirestoreExporter.ExportException.class, () -> exporter().export());
  }

  @Test
  void anUnreachableApiIsAFailureWithoutStatus() {
    int port = server.getAddress().getPort();
    server.stop(0);
    FirestoreExporter down = FirestoreExporter.builder().baseUrl("http://127.0.0.1:" + port + "/v1")
        .projectId("demo-project").bucket("demo-project-backups").accessTokens(() -> "t").build();
    FirestoreExporter.ExportException e = assertThrows(FirestoreExporter.ExportException.class, down::export);
    assertEquals(0, e.status());
  }

  @Test
  void aTokenFailureIsAFailureWithoutACall() {
    FirestoreExporter noToken = FirestoreExporter.builder()
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
        .projectId("demo-project").bucket("demo-project-backups")
        .accessTokens(() -> {
          throw new IOException("no credentials here");
        }).build();
    assertThrows(FirestoreExporter.ExportException.class, noToken::export);
    assertEquals(0, received.size());
  }

  @Test
  void theBucketSettingIsRequired() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> FirestoreExporter.fromConfig(Config.of(Map.of("GOOGLE_CLOUD_PROJECT", "demo-project"))));
    assertTrue(e.getMessage().contains("BACKUP_BUCKET"));
  }

  @Test
  void badNamesAreRefusedAtOnce() {
    assertThrows(IllegalArgumentException.class, () -> FirestoreExporter.builder().bucket("Not A Bucket"));
    assertThrows(IllegalArgumentException.class, () -> FirestoreExporter.builder().projectId("x"));
  }
}
