package dev.contentcreator.core.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateTransferTest {
  @Test
  void anExportReadsBackAsTheSameTemplates() {
    JsonObject doc = TemplateTransfer.export(List.of(TemplateService.GLOBAL.get(0), TemplateService.GLOBAL.get(1)));
    assertEquals("content-creator.templates", doc.get("format").getAsString());
    List<TemplateService.Draft> drafts = TemplateTransfer.read(doc);
    assertEquals(2, drafts.size());
    assertEquals(TemplateService.GLOBAL.get(0).body(), drafts.get(0).body());
    assertEquals(TemplateService.GLOBAL.get(0).variables(), drafts.get(0).variables());
    assertEquals(TemplateService.GLOBAL.get(1).variables(), drafts.get(1).variables());
  }

  @Test
  void oneBadTemplateRefusesTheWholeDocumentNamingItsField() {
    JsonObject doc = JsonParser.parseString("""
        {"format":"content-creator.templates","version":1,"templates":[
          {"name":"Good","kind":"text","body":"Hi {{a}}","variables":[{"name":"a","type":"text"}]},
          {"name":"Bad","kind":"text","body":"Hi {{b}}","variables":[{"name":"a","type":"number","limits":{"min":"x"}}]}]}
        """).getAsJsonObject();
    ApiException e = assertThrows(ApiException.class, () -> TemplateTransfer.read(doc));
    List<String> fields = e.errors().stream().map(FieldError::field).toList();
    assertTrue(fields.contains("templates[1].variables[0].limits.min"), fields.toString());
  }

  @Test
  void anotherFormatOrVersionIsRefused() {
    JsonObject doc = JsonParser.parseString("{\"format\":\"x\",\"version\":2,\"templates\":[]}").getAsJsonObject();
    ApiException e = assertThrows(ApiException.class, () -> TemplateTransfer.read(doc));
    assertEquals(List.of("format", "version", "templates"), e.errors().stream().map(FieldError::field).toList());
  }
}
