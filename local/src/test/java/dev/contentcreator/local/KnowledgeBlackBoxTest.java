package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.local.Emulator.Person;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Brand knowledge from the outside, with the offline embedding model: Markdown and PDF documents
 * are indexed, a search finds the passage that answers the question first, a generation that asks
 * for knowledge lists the passages it was given, a large document is indexed in the background,
 * addresses inside the network are refused, and roles, strangers and API keys are held to.
 */
class KnowledgeBlackBoxTest {
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static Person bob;
  static Person carol;
  static Person dave;
  static String project;

  static final String GUIDE = """
      # Harbour Bakery brand guide

      ## Returns
      Customers may return any unopened product within 45 days of purchase for a full refund.
      Bring the receipt to the counter or email the order number to the support team.

      ## Mascot
      Our mascot is Pip, a small teal heron who wears a flour-dusted apron.
      Pip appears on every bag and greets children at the door on Saturdays.

      ## Voice
      We write warmly and plainly, in short sentences, and never use exclamation marks.
      """;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    Emulator.ensureRunning();
    server = ServerProcess.start(data, OnEmulators.with(OnEmulators.adaptersFor(test), "RATE_LIMIT_PER_USER",
        "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m", "DEMO_CHUNK_DELAY", "1ms", "KNOWLEDGE_INLINE_PASSAGES", "4"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    bob = Emulator.signUp("bob");
    carol = Emulator.signUp("carol");
    dave = Emulator.signUp("dave");
    project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Harbour Bakery\"}").expect(201).object()
        .get("id").getAsString();
    Invitations.join(api, alice, project, bob, "viewer");
    Invitations.join(api, alice, project, carol, "editor");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static String docs() {
    return "/api/projects/" + project + "/knowledge";
  }

  private static Api.Answer upload(Person who, String name, byte[] bytes, String contentType) throws Exception {
    return api.sendBytes("POST", docs() + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
        who.idToken(), bytes, contentType);
  }

  private static JsonArray search(String token, String q) throws Exception {
    return api.get(docs() + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token).expect(200).object()
        .getAsJsonArray("items");
  }

  static byte[] pdf(String... lines) throws Exception {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
        c.beginText();
        c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        c.newLineAtOffset(72, 700);
        for (String line : lines) {
          c.showText(line);
          c.newLineAtOffset(0, -40);
        }
        c.endText();
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static String first(JsonArray hits, String field) {
    return hits.get(0).getAsJsonObject().get(field).getAsString();
  }

  @Test
  void markdownAndPdfAreIndexedAndASearchFindsTheAnsweringPassageFirst() throws Exception {
    JsonObject md = upload(carol, "brand-guide.md", GUIDE.getBytes(StandardCharsets.UTF_8), "text/markdown")
        .expect(201).object();
    assertEquals("ready", md.get("status").getAsString(), md.toString());
    assertEquals("markdown", md.get("kind").getAsString());
    assertEquals(3, md.get("passageCount").getAsInt(), "one passage per section with text");
    assertEquals("all-minilm-l6-v2-q", md.get("model").getAsString());
    assertEquals(384, md.get("dimensions").getAsInt());

    // The type the client claims is not trusted: this PDF says it is text.
    JsonObject pdf = upload(carol, "opening-hours.pdf", pdf("Opening hours of the Harbour Street shop.",
        "The shop opens at 7 in the morning and closes at 3 in the afternoon.", "It is closed every Monday."),
        "text/plain").expect(201).object();
    assertEquals("pdf", pdf.get("kind").getAsString());
    assertEquals("ready", pdf.get("status").getAsString());

    JsonArray returns = search(bob.idToken(), "How many days do customers have to send something back?");
    assertEquals(md.get("id").getAsString(), first(returns, "documentId"));
    assertTrue(first(returns, "excerpt").contains("45 days"), returns.toString());
    assertEquals("brand-guide.md", first(returns, "documentName"));
    JsonArray mascot = search(bob.idToken(), "Which bird represents the bakery?");
    assertTrue(first(mascot, "excerpt").contains("heron"), mascot.toString());
    JsonArray hours = search(bob.idToken(), "On which day of the week is the shop shut?");
    assertEquals(pdf.get("id").getAsString(), first(hours, "documentId"), hours.toString());
    double top = hours.get(0).getAsJsonObject().get("score").getAsDouble();
    double next = hours.get(1).getAsJsonObject().get("score").getAsDouble();
    assertTrue(top >= next, "nearest first: " + hours);

    JsonArray listed = api.get(docs(), bob.idToken()).expect(200).object().getAsJsonArray("items");
    assertTrue(listed.size() >= 2);

    // Deleting a document takes its passages out of every search.
    api.delete(docs() + "/" + pdf.get("id").getAsString(), carol.idToken()).expect(204);
    api.get(docs() + "/" + pdf.get("id").getAsString(), carol.idToken()).expect(404);
    for (JsonElement hit : search(bob.idToken(), "On which day of the week is the shop shut?")) {
      assertFalse(hit.getAsJsonObject().get("documentId").getAsString().equals(pdf.get("id").getAsString()));
    }
  }

  @Test
  void aGenerationThatAsksForKnowledgeListsThePassagesItWasGiven() throws Exception {
    upload(carol, "guide-for-generation.md", GUIDE.getBytes(StandardCharsets.UTF_8), "text/markdown").expect(201);
    String id = api.send("POST", "/api/projects/" + project + "/generations", carol.idToken(),
        "{\"kind\":\"text\",\"prompt\":\"Write a short post about our returns policy\",\"useKnowledge\":true}",
        Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(202).object().get("id").getAsString();
    JsonObject job = awaitEnd(id);
    assertEquals("completed", job.get("status").getAsString(), job.toString());
    String contentId = job.getAsJsonArray("items").get(0).getAsJsonObject().get("contentId").getAsString();
    JsonObject current = api.get("/api/projects/" + project + "/contents/" + contentId, bob.idToken()).expect(200)
        .object().getAsJsonObject("current");
    JsonArray used = current.getAsJsonArray("knowledge");
    assertFalse(used.isEmpty(), current.toString());
    assertTrue(first(used, "excerpt").contains("45 days"), used.toString());
    assertTrue(first(used, "passageId").startsWith(first(used, "documentId") + "-"));

    // Without the option, no passages; an image may not ask for them.
    String plain = api.send("POST", "/api/projects/" + project + "/generations", carol.idToken(),
        "{\"kind\":\"text\",\"prompt\":\"Write about bread\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString()))
        .expect(202).object().get("id").getAsString();
    JsonObject plainJob = awaitEnd(plain);
    String plainContent = plainJob.getAsJsonArray("items").get(0).getAsJsonObject().get("contentId").getAsString();
    assertEquals(0, api.get("/api/projects/" + project + "/contents/" + plainContent, bob.idToken()).expect(200)
        .object().getAsJsonObject("current").getAsJsonArray("knowledge").size());
    api.send("POST", "/api/projects/" + project + "/generations", carol.idToken(),
        "{\"kind\":\"image\",\"prompt\":\"A heron\",\"useKnowledge\":true}",
        Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(422);
  }

  @Test
  void aLargeDocumentIsIndexedInTheBackground() throws Exception {
    StringBuilder big = new StringBuilder("# Recipes\n\n");
    for (int i = 0; i < 8; i++) {
      big.append("## Loaf ").append(i).append("\nLoaf number ").append(i).append(" takes ").append(200 + i)
          .append(" grams of rye flour and rests overnight.\n\n");
    }
    JsonObject queued = upload(carol, "recipes.md", big.toString().getBytes(StandardCharsets.UTF_8), "text/markdown")
        .expect(202).object();
    assertEquals("queued", queued.get("status").getAsString());
    JsonObject doc = null;
    for (int i = 0; i < 600; i++) {
      doc = api.get(docs() + "/" + queued.get("id").getAsString(), bob.idToken()).expect(200).object();
      if (List.of("ready", "failed").contains(doc.get("status").getAsString())) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("ready", doc.get("status").getAsString(), doc.toString());
    assertEquals(8, doc.get("passageCount").getAsInt());
    JsonArray hits = search(bob.idToken(), "How much rye flour does loaf number 5 take?");
    assertTrue(hits.toString().contains("205 grams"), hits.toString());
  }

  @Test
  void addressesInsideTheNetworkAreRefused() throws Exception {
    for (String url : List.of("https://169.254.169.254/latest/meta-data/", "https://10.1.2.3/brand",
        "https://127.0.0.1/brand", "https://metadata.google.internal/")) {
      api.post(docs(), carol.idToken(), "{\"url\":\"" + url + "\"}").expect(422);
    }
    // A name that does not resolve is the address's fault too, not the server's: 422, never a 5xx.
    api.post(docs(), carol.idToken(), "{\"url\":\"https://0x7f000001/\"}").expect(422);
    api.post(docs(), carol.idToken(), "{\"url\":\"https://no-such-host.invalid/brand\"}").expect(422);
  }

  @Test
  void whatIsNotADocumentIsRefused() throws Exception {
    upload(carol, "logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13}, "image/png")
        .expect(415);
    upload(carol, "empty.md", "  \n\n ".getBytes(StandardCharsets.UTF_8), "text/markdown").expect(422);
    api.sendBytes("POST", docs(), carol.idToken(), "text".getBytes(StandardCharsets.UTF_8), "text/plain").expect(400);
  }

  @Test
  void viewersReadAndSearchButDoNotAddOrDelete() throws Exception {
    JsonObject doc = upload(alice, "viewer-check.md", "# Tone\nCalm and kind.".getBytes(StandardCharsets.UTF_8),
        "text/markdown").expect(201).object();
    upload(bob, "nope.md", "# X\nY".getBytes(StandardCharsets.UTF_8), "text/markdown").expect(403);
    api.delete(docs() + "/" + doc.get("id").getAsString(), bob.idToken()).expect(403);
    api.get(docs() + "/" + doc.get("id").getAsString(), bob.idToken()).expect(200);
    search(bob.idToken(), "tone");
  }

  @Test
  void aStrangerGetsTheNotFoundOfAMissingProject() throws Exception {
    JsonObject doc = upload(alice, "stranger-check.md", "# Tone\nCalm.".getBytes(StandardCharsets.UTF_8),
        "text/markdown").expect(201).object();
    api.get(docs(), dave.idToken()).expect(404);
    api.get(docs() + "/search?q=tone", dave.idToken()).expect(404);
    api.get(docs() + "/" + doc.get("id").getAsString(), dave.idToken()).expect(404);
    upload(dave, "x.md", "# X\nY".getBytes(StandardCharsets.UTF_8), "text/markdown").expect(404);
    api.delete(docs() + "/" + doc.get("id").getAsString(), dave.idToken()).expect(404);
    api.get("/api/projects/nosuchproject1234567/knowledge", dave.idToken()).expect(404);
  }

  @Test
  void apiKeysActWithTheirRoleAndScope() throws Exception {
    String viewerKey = api.post("/api/me/keys", alice.idToken(),
        "{\"name\":\"kb\",\"role\":\"viewer\",\"projectId\":\"" + project + "\"}").expect(201).object()
        .get("secret").getAsString();
    search(viewerKey, "tone");
    upload(new Person(null, null, viewerKey), "k.md", "# K\nKey.".getBytes(StandardCharsets.UTF_8), "text/markdown")
        .expect(403);
    String editorKey = api.post("/api/me/keys", alice.idToken(), "{\"name\":\"kb2\",\"role\":\"editor\",\"projectId\":\""
        + project + "\"}").expect(201).object().get("secret").getAsString();
    upload(new Person(null, null, editorKey), "k.md", "# K\nKey.".getBytes(StandardCharsets.UTF_8), "text/markdown")
        .expect(201);
    String otherProject = api.post("/api/projects", alice.idToken(), "{\"name\":\"Other\"}").expect(201).object()
        .get("id").getAsString();
    api.get("/api/projects/" + otherProject + "/knowledge", editorKey).expect(404);
  }

  private static JsonObject awaitEnd(String jobId) throws Exception {
    JsonObject job = null;
    for (int i = 0; i < 600; i++) {
      job = api.get("/api/projects/" + project + "/generations/" + jobId, carol.idToken()).expect(200).object();
      if (List.of("completed", "failed", "cancelled").contains(job.get("status").getAsString())) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + jobId + " did not end: " + job);
  }
}
