package dev.contentcreator.core.batches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.domain.Template.Variable;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.FieldError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchRowsTest {
  /** product (required, at most 20), tone (choice, default friendly), words (number, default 120). */
  private static final Template TEMPLATE = new Template("t1", "p1", "Blurb", ContentKind.TEXT,
      "Write {{words}} {{tone}} words about {{product}}",
      List.of(new Variable("product", "string", true, null, null, 20),
          new Variable("tone", "choice", false, List.of("friendly", "formal"), "friendly", null),
          new Variable("words", "number", false, null, "120", null)),
      "u1", null, null, 1);

  private final BatchRows rows = new BatchRows(4000);

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static ApiException refused(Runnable r) {
    ApiException e = assertThrows(ApiException.class, r::run);
    assertEquals(400, e.status());
    return e;
  }

  private static FieldError only(ApiException e) {
    assertEquals(1, e.errors().size(), () -> e.errors().toString());
    return e.errors().get(0);
  }

  @Test
  void readsQuotedValuesAndSkipsTheByteOrderMark() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    file.write(utf8("product,tone,words\r\n"
        + "\"Mug, blue\",formal,80\r\n"
        + "\"The \"\"Big\"\" one\",,\r\n"
        + "\"two\nlines\",friendly, 50 \r\n"
        + ",,\r\n"
        + "Crème brûlée,formal,10\r\n"));
    List<Map<String, String>> out = rows.fromCsv(TEMPLATE, file.toByteArray());
    assertEquals(List.of(
        Map.of("product", "Mug, blue", "tone", "formal", "words", "80"),
        Map.of("product", "The \"Big\" one", "tone", "friendly", "words", "120"),
        Map.of("product", "two\nlines", "tone", "friendly", "words", "50"),
        Map.of("product", "Crème brûlée", "tone", "formal", "words", "10")), out);
  }

  @Test
  void optionalColumnsMayBeLeftOut() {
    List<Map<String, String>> out = rows.fromCsv(TEMPLATE, utf8("product\nKettle\n"));
    assertEquals(List.of(Map.of("product", "Kettle", "tone", "friendly", "words", "120")), out);
  }

  @Test
  void namesTheHeaderWhenARequiredColumnIsMissingOrAColumnIsUnknown() {
    ApiException e = refused(() -> rows.fromCsv(TEMPLATE, utf8("tone,colour\nformal,red\n")));
    assertEquals(2, e.errors().size(), e.errors().toString());
    assertTrue(e.errors().stream().allMatch(f -> f.field().equals("header")));
    assertTrue(e.errors().get(0).message().contains("\"colour\" is not a variable"), e.errors().toString());
    assertTrue(e.errors().get(1).message().contains("\"product\" is missing"), e.errors().toString());
  }

  @Test
  void refusesAColumnNamedTwiceAndARowWithTheWrongNumberOfValues() {
    ApiException twice = refused(() -> rows.fromCsv(TEMPLATE, utf8("product,product\na,b\n")));
    assertEquals(new FieldError("header", "column \"product\" appears twice"), only(twice));
    ApiException wide = refused(() -> rows.fromCsv(TEMPLATE, utf8("product,tone\nMug,formal\nCup,formal,9\n")));
    FieldError f = only(wide);
    assertEquals("rows[2]", f.field());
    assertTrue(f.message().startsWith("row 2 (line 3 of the file) has 3 values but the header has 2"), f.message());
  }

  @Test
  void missingRequiredValueNamesTheRowAsASpreadsheetShowsIt() {
    String csv = "product,tone\n\"A\nmulti-line name\",formal\nKettle,formal\n,formal\n";
    FieldError f = only(refused(() -> rows.fromCsv(TEMPLATE, utf8(csv))));
    assertEquals("rows[3].product", f.field());
    assertEquals("row 3 (line 5 of the file): product is required", f.message());
  }

  @Test
  void badNumberAndBadChoiceAreReportedTogether() {
    String csv = "product,tone,words\nMug,formal,many\nCup,shouty,10\nThis name is far too long,formal,1\n";
    ApiException e = refused(() -> rows.fromCsv(TEMPLATE, utf8(csv)));
    assertEquals(List.of("rows[1].words", "rows[2].tone", "rows[3].product"),
        e.errors().stream().map(FieldError::field).toList());
    assertTrue(e.errors().get(0).message().endsWith("words must be a number"), e.errors().toString());
    assertTrue(e.errors().get(1).message().endsWith("tone must be one of friendly, formal"), e.errors().toString());
    assertTrue(e.errors().get(2).message().endsWith("must be at most 20 characters long"), e.errors().toString());
    assertTrue(e.detail().contains("3 problems"), e.detail());
  }

  @Test
  void invalidUtf8IsRefusedWithItsOffsetLineAndRow() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(utf8("product,tone\nMug,formal\nCaf"));
    file.write(0xE9); // é in Latin-1, not UTF-8
    file.write(utf8(",formal\n"));
    FieldError f = only(refused(() -> rows.fromCsv(TEMPLATE, file.toByteArray())));
    assertEquals("rows[2]", f.field());
    assertTrue(f.message().contains("byte at offset 27 (0xE9, line 3 of the file, in row 2)"), f.message());
  }

  @Test
  void invalidUtf8InTheHeaderNamesTheHeader() {
    byte[] file = {'p', 'r', (byte) 0xC3, ',', 'x', '\n'};
    FieldError f = only(refused(() -> rows.fromCsv(TEMPLATE, file)));
    assertEquals("header", f.field());
    assertTrue(f.message().contains("offset 2 (0xC3, line 1 of the file, in the header)"), f.message());
  }

  @Test
  void tooManyRowsNamesTheLimit() {
    BatchRows small = new BatchRows(3, 1000, 4000, BatchRows.DEFAULT_MAX_STORED_BYTES);
    StringBuilder csv = new StringBuilder("product\n");
    for (int i = 0; i < 4; i++) {
      csv.append("item ").append(i).append('\n');
    }
    FieldError f = only(refused(() -> small.fromCsv(TEMPLATE, utf8(csv.toString()))));
    assertEquals("rows", f.field());
    assertTrue(f.message().contains("at most 3 are allowed"), f.message());
    assertEquals(3, small.fromCsv(TEMPLATE, utf8("product\na\nb\nc\n")).size());
    List<Map<String, String>> typed = List.of(Map.of("product", "a"), Map.of("product", "b"),
        Map.of("product", "c"), Map.of("product", "d"));
    assertTrue(only(refused(() -> small.fromList(TEMPLATE, typed))).message().contains("at most 3"));
  }

  @Test
  void aRowLongerThanTheLimitIsRefused() {
    BatchRows narrow = new BatchRows(10, 8, 4000, BatchRows.DEFAULT_MAX_STORED_BYTES);
    FieldError f = only(refused(() -> narrow.fromCsv(TEMPLATE, utf8("product,tone\nMug,formal\n"))));
    assertEquals("rows[1]", f.field());
    assertTrue(f.message().contains("9 characters of values; at most 8"), f.message());
  }

  @Test
  void brokenQuotingNamesTheRow() {
    FieldError f = only(refused(() -> rows.fromCsv(TEMPLATE, utf8("product\nMug\n\"Cup\" big\n"))));
    assertEquals("rows[2]", f.field());
    assertTrue(f.message().contains("line 3 of the file) is not valid CSV"), f.message());
  }

  @Test
  void emptyFilesAndFilesWithoutRowsAreRefused() {
    assertEquals("header", only(refused(() -> rows.fromCsv(TEMPLATE, new byte[0]))).field());
    assertEquals("rows", only(refused(() -> rows.fromCsv(TEMPLATE, utf8("product\n")))).field());
  }

  @Test
  void typedInRowsGetDefaultsAndErrorsByListIndex() {
    Map<String, String> blankTone = new HashMap<>();
    blankTone.put("product", " Mug ");
    blankTone.put("tone", null);
    assertEquals(List.of(Map.of("product", "Mug", "tone", "friendly", "words", "120")),
        rows.fromList(TEMPLATE, List.of(blankTone)));

    ApiException e = refused(() -> rows.fromList(TEMPLATE,
        List.of(Map.of("product", "Mug"), Map.of("tone", "formal", "size", ""))));
    assertEquals(List.of("rows[1].size", "rows[1].product"), e.errors().stream().map(FieldError::field).toList());
    assertTrue(e.errors().get(1).message().startsWith("row 2 of the list: product is required"),
        e.errors().toString());
    assertEquals("rows", only(refused(() -> rows.fromList(TEMPLATE, List.of()))).field());
  }

  @Test
  void theErrorListIsCappedWithACountOfTheRest() {
    StringBuilder csv = new StringBuilder("product,words\n");
    for (int i = 0; i < 60; i++) {
      csv.append("item,x\n");
    }
    ApiException e = refused(() -> rows.fromCsv(TEMPLATE, utf8(csv.toString())));
    assertEquals(BatchRows.MAX_ERRORS + 1, e.errors().size());
    assertEquals(new FieldError("rows", "and 10 more"), e.errors().get(BatchRows.MAX_ERRORS));
    assertTrue(e.detail().contains("60 problems"), e.detail());
  }

  @Test
  void aControlCharacterIsRefusedNamingItsRowAndColumn() {
    ApiException csv = refused(() -> rows.fromCsv(TEMPLATE, utf8("product\nMug\nCu\u0000p\n")));
    assertEquals(List.of("rows[2].product"), csv.errors().stream().map(FieldError::field).toList());
    assertTrue(csv.errors().get(0).message().contains("U+0000 at character 3"), csv.errors().toString());
    ApiException typed = refused(() -> rows.fromList(TEMPLATE, List.of(Map.of("product", "a\u001bb"))));
    assertEquals(List.of("rows[0].product"), typed.errors().stream().map(FieldError::field).toList());
  }

  @Test
  void tabsAndLineBreaksStayAllowedAndCrLfInsideAValueBecomesLf() {
    Template free = new Template("t2", "p1", "Free", ContentKind.TEXT, "About {{product}}",
        List.of(new Variable("product", "string", true, null, null, null)), "u1", null, null, 1);
    assertEquals("a\tb\nc", rows.fromCsv(free, utf8("product\r\n\"a\tb\r\nc\"\r\n")).get(0).get("product"));
  }

  @Test
  void aRowRenderingPastTheLongestPromptIsA422NamingItsLongestValue() {
    BatchRows tight = new BatchRows(10, 1000, 40, BatchRows.DEFAULT_MAX_STORED_BYTES);
    ApiException e = assertThrows(ApiException.class, () -> tight.fromCsv(TEMPLATE,
        utf8("product,tone\nMug,formal\nLarge ceramic mug,formal\n")));
    assertEquals(422, e.status());
    assertEquals(List.of("rows[2].product"), e.errors().stream().map(FieldError::field).toList());
    assertTrue(e.errors().get(0).message().contains("renders a prompt of 46 characters; at most 40"),
        e.errors().toString());
    assertEquals(1, tight.fromList(TEMPLATE, List.of(Map.of("product", "Mug"))).size());
  }

  @Test
  void aPromptTooLongAmongOtherProblemsIsA400() {
    BatchRows tight = new BatchRows(10, 1000, 40, BatchRows.DEFAULT_MAX_STORED_BYTES);
    ApiException e = refused(() -> tight.fromList(TEMPLATE,
        List.of(Map.of("product", "Large ceramic mug"), Map.of("tone", "loud", "product", "x"))));
    assertEquals(List.of("rows[0].product", "rows[1].tone"), e.errors().stream().map(FieldError::field).sorted().toList());
  }

  @Test
  void rowsTakingMoreThanTheStoredBytesAreRefused() {
    BatchRows small = new BatchRows(100, 1000, 4000, 100);
    List<Map<String, String>> typed = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      typed.add(Map.of("product", "product " + i));
    }
    FieldError f = only(refused(() -> small.fromList(TEMPLATE, typed)));
    assertEquals("rows", f.field());
    assertTrue(f.message().contains("at most 100 are allowed"), f.message());
  }

  @Test
  void aRunChecksEachRowAgainWithTheReasonItCannotBeSent() {
    BatchRows tight = new BatchRows(10, 1000, 40, BatchRows.DEFAULT_MAX_STORED_BYTES);
    assertEquals("Write 120 formal words about Mug",
        tight.prompt(TEMPLATE, Map.of("product", "Mug", "tone", "formal", "words", "120")).text());
    BatchRows.Prompt tooLong = tight.prompt(TEMPLATE, Map.of("product", "Large ceramic mug", "tone", "formal",
        "words", "120"));
    assertEquals(null, tooLong.text());
    assertTrue(tooLong.skipped().contains("at most 40"), tooLong.skipped());
  }
}
