package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.contentcreator.local.Emulator.Person;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A content item downloaded from outside as Markdown, HTML, Word and PDF in the style its owner
 * set: the files open in POI and PDFBox and hold the text, raw HTML stays text, images are
 * embedded, viewers may export and strangers learn nothing.
 */
class ItemExportBlackBoxTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String MARKDOWN = "## Brewing notes\n\nSteep the **green** leaves for two minutes. Чай.\n\n"
      + "<script>alert('x')</script>\n";

  @TempDir static Path data;
  static ProjectRig rig;
  static String text;
  static String image;
  static String logo;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    rig = ProjectRig.start(data, "Tea shop", OnEmulators.adaptersFor(test));
    String job = rig.api.send("POST", "/api/projects/" + rig.project + "/generations", rig.alice.idToken(),
        "{\"kind\":\"text\",\"prompt\":\"A note on tea\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString()))
        .expect(202).object().get("id").getAsString();
    JsonObject done = null;
    for (int i = 0; i < 600; i++) {
      done = rig.api.get("/api/projects/" + rig.project + "/generations/" + job,
          rig.alice.idToken()).expect(200).object();
      if (List.of("completed", "failed", "cancelled").contains(done.get("status").getAsString())) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("completed", done.get("status").getAsString(), done.toString());
    text = done.getAsJsonArray("items").get(0).getAsJsonObject().get("contentId").getAsString();
    rig.api.patch("/api/projects/" + rig.project + "/contents/" + text, rig.alice.idToken(),
        "{\"title\":\"Morning tea\",\"text\":" + new Gson().toJson(MARKDOWN) + "}").expect(200);
    logo = upload("Logo", png(120, 80));
    image = upload("Teapot", png(300, 200));
    rig.api.send("PUT", "/api/projects/" + rig.project + "/export-style", rig.alice.idToken(),
        "{\"headingFont\":\"serif\",\"bodyFont\":\"sans\",\"accentColor\":\"#C05621\",\"logoContentId\":\"" + logo
        + "\",\"footer\":\"Tea shop, confidential\"}", Map.of()).expect(200);
  }

  @AfterAll
  static void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  private static String upload(String title, byte[] png) throws Exception {
    HttpResponse<String> up = HTTP.send(HttpRequest.newBuilder(rig.server.base().resolve("/api/projects/" + rig.project
            + "/media?title=" + title))
        .header("Authorization", "Bearer " + rig.alice.idToken()).header("Content-Type", "image/png")
        .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(201, up.statusCode(), up.body());
    return com.google.gson.JsonParser.parseString(up.body()).getAsJsonObject().get("id").getAsString();
  }

  static byte[] png(int w, int h) throws Exception {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    img.getGraphics().fillOval(w / 4, h / 4, w / 2, h / 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  private static HttpResponse<byte[]> export(Person who, String item, String query) throws Exception {
    return rig.get("/api/projects/" + rig.project + "/contents/" + item + "/export" + query, who,
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aViewerDownloadsTheTextAsAWordDocumentInTheProjectsStyle() throws Exception {
    HttpResponse<byte[]> r = export(rig.vic, text, "?format=docx");
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        r.headers().firstValue("Content-Type").orElse(""));
    assertEquals("attachment; filename=\"Morning-tea-v2.docx\"", r.headers().firstValue("Content-Disposition")
        .orElse(""));
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()))) {
      List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
      assertEquals("Morning tea", paragraphs.get(0));
      assertTrue(paragraphs.contains("Brewing notes"), paragraphs.toString());
      assertTrue(paragraphs.contains("Steep the green leaves for two minutes. Чай."), paragraphs.toString());
      assertEquals("c05621", doc.getParagraphs().get(1).getRuns().get(0).getColor().toLowerCase());
      assertEquals(1, doc.getAllPackagePictures().size(), "the logo");
    }
  }

  @Test
  void thePdfHoldsTheTextAndTheFooter() throws Exception {
    HttpResponse<byte[]> r = export(rig.alice, text, "?format=pdf");
    assertEquals(200, r.statusCode());
    assertEquals("%PDF", new String(r.body(), 0, 4, StandardCharsets.US_ASCII));
    try (PDDocument doc = Loader.loadPDF(r.body())) {
      String out = new PDFTextStripper().getText(doc);
      assertTrue(out.contains("Steep the green leaves for two minutes. Чай."), out);
      assertTrue(out.contains("Tea shop, confidential"), out);
      assertTrue(out.contains("<script>alert('x')</script>"), "raw HTML is text: " + out);
    }
  }

  @Test
  void theHtmlEscapesRawHtmlAndCarriesTheStyleAndLogoInline() throws Exception {
    HttpResponse<byte[]> r = export(rig.vic, text, "?format=html");
    assertEquals(200, r.statusCode());
    String html = new String(r.body(), StandardCharsets.UTF_8);
    assertFalse(html.contains("<script>"), html);
    assertTrue(html.contains("&lt;script&gt;"), html);
    assertTrue(html.contains("color:#c05621"), html);
    assertTrue(html.contains("<img class=\"logo\" alt=\"Tea shop\" src=\"data:image/"), "the logo embedded");
  }

  @Test
  void markdownIsTheTitleThenTheTextAndAnOlderVersionCanBeAskedFor() throws Exception {
    HttpResponse<byte[]> r = export(rig.vic, text, "?format=md");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/markdown"));
    String md = new String(r.body(), StandardCharsets.UTF_8);
    assertTrue(md.startsWith("# Morning tea\n\n## Brewing notes\n"), md);
    String first = new String(export(rig.vic, text, "?format=md&version=1").body(), StandardCharsets.UTF_8);
    assertFalse(first.contains("Brewing notes"), "version 1 is the generated text: " + first);
    assertEquals(404, export(rig.vic, text, "?format=md&version=9").statusCode());
  }

  @Test
  void anImageItemIsEmbeddedInTheWordAndPdfFiles() throws Exception {
    HttpResponse<byte[]> docx = export(rig.vic, image, "?format=docx");
    assertEquals(200, docx.statusCode());
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
      assertEquals(2, doc.getAllPackagePictures().size(), "the image and the logo");
    }
    HttpResponse<byte[]> pdf = export(rig.vic, image, "?format=pdf");
    assertEquals(200, pdf.statusCode());
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      int images = 0;
      for (var name : doc.getPage(0).getResources().getXObjectNames()) {
        images += doc.getPage(0).getResources().isImageXObject(name) ? 1 : 0;
      }
      assertEquals(2, images, "the image and the logo");
    }
  }

  @Test
  void strangersAndTheUnsignedAreRefusedAndABadFormatIsABadRequest() throws Exception {
    assertEquals(404, export(rig.zed, text, "?format=pdf").statusCode());
    assertEquals(401, export(null, text, "?format=pdf").statusCode());
    HttpResponse<byte[]> bad = export(rig.vic, text, "?format=xlsx");
    assertEquals(400, bad.statusCode());
    assertEquals("application/problem+json", bad.headers().firstValue("Content-Type").orElse(""));
    assertEquals(404, export(rig.vic, "nope", "?format=pdf").statusCode());
  }

  @Test
  void membersReadTheStyleOnlyOwnersChangeItAndBadValuesAreRefused() throws Exception {
    JsonObject style = rig.api.get("/api/projects/" + rig.project + "/export-style",
        rig.vic.idToken()).expect(200).object();
    assertEquals("#c05621", style.get("accentColor").getAsString());
    assertEquals("serif", style.get("headingFont").getAsString());
    rig.api.get("/api/projects/" + rig.project + "/export-style", rig.zed.idToken()).expect(404);
    rig.api.send("PUT", "/api/projects/" + rig.project + "/export-style", rig.vic.idToken(), "{}",
        Map.of()).expect(403);
    rig.api.send("PUT", "/api/projects/" + rig.project + "/export-style", rig.zed.idToken(), "{}",
        Map.of()).expect(404);
    rig.api.send("PUT", "/api/projects/" + rig.project + "/export-style", rig.alice.idToken(),
        "{\"accentColor\":\"red\"}", Map.of()).expect(400);
    rig.api.send("PUT", "/api/projects/" + rig.project + "/export-style", rig.alice.idToken(),
        "{\"headingFont\":\"comic\"}", Map.of()).expect(400);
    rig.api.send("PUT", "/api/projects/" + rig.project + "/export-style", rig.alice.idToken(),
        "{\"logoContentId\":\"" + text + "\",\"accentColor\":\"#C05621\",\"headingFont\":\"serif\","
        + "\"bodyFont\":\"sans\"}", Map.of()).expect(422);
  }
}
