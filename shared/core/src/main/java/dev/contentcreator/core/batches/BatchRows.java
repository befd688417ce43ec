package dev.contentcreator.core.batches;

import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.domain.Template.Variable;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.FieldError;
import dev.contentcreator.core.templates.TemplateService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of variables a batch runs its template on, typed in as a list or uploaded as a CSV
 * file. Each row is checked with the template's rules ({@link TemplateService#resolve}) and comes
 * back with every variable, defaults applied. A value may not hold control characters other than a
 * tab or a line break (as in every JSON field); a line break written CR LF inside a quoted CSV value
 * is read as LF. The prompt a row renders must fit the longest prompt a generation accepts
 * ({@code GENERATION_MAX_PROMPT}), and all rows together, names and values, take at most
 * {@value #DEFAULT_MAX_STORED_BYTES} bytes of UTF-8, so the batch's document stays within what a
 * document store holds (Firestore: 1 MiB). Problems are all reported in one answer (at most
 * {@value #MAX_ERRORS}, then a count of the rest): a 422 when every problem is a prompt that is too
 * long, a 400 otherwise.
 *
 * <p>Row numbers in fields: for a CSV file, {@code rows[n]} counts data rows from 1, the header not
 * counted (row 1 is line 2 of a file without line breaks inside values); for a typed-in list,
 * {@code rows[i]} is the list's index from 0, as in the request body.
 */
public final class BatchRows {
  /** Rows accepted when no other limit is given. */
  public static final int DEFAULT_MAX_ROWS = 1000;
  /** Characters of values in one row accepted when no other limit is given. */
  public static final int DEFAULT_MAX_ROW_LENGTH = 20_000;
  /** Bytes of UTF-8 of all rows' names and values together. */
  public static final int DEFAULT_MAX_STORED_BYTES = 800_000;
  /** Errors listed before the rest are only counted. */
  public static final int MAX_ERRORS = 50;
  
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private final int maxRows;
  private final int maxRowLength;
  private final int maxPromptLength;
  private final int maxStoredBytes;

  /** Rows with the default limits, for prompts of at most {@code maxPromptLength} characters. */
  public BatchRows(int maxPromptLength) {
    this(DEFAULT_MAX_ROWS, DEFAULT_MAX_ROW_LENGTH, maxPromptLength, DEFAULT_MAX_STORED_BYTES);
  }

  /**
   * Rows with at most {@code maxRows} rows of at most {@code maxRowLength} characters of values
   * each, each rendering a prompt of at most {@code maxPromptLength} characters, all of them taking
   * at most {@code maxStoredBytes} bytes of UTF-8.
   */
  public BatchRows(int maxRows, int maxRowLength, int maxPromptLength, int maxStoredBytes) {
    if (maxRows < 1 || maxRowLength < 1 || maxPromptLength < 1 || maxStoredBytes < 1) {
      throw new IllegalArgumentException("maxRows, maxRowLength, maxPromptLength and maxStoredBytes must be at least 1");
    }
    this.maxRows = maxRows;
    this.maxRowLength = maxRowLength;
    this.maxPromptLength = maxPromptLength;
    this.maxStoredBytes = maxStoredBytes;
  }

  /** The longest prompt a row may render. */
  public int maxPromptLength() {
    return maxPromptLength;
  }

  /**
   * The prompt of one row already checked, or empty with the reason it cannot be sent now (the
   * template or the longest prompt changed since): what a run checks again before it starts.
   */
  public Prompt prompt(Template template, Map<String, String> row) {
    List<FieldError> found = new ArrayList<>();
    Map<String, String> resolved = TemplateService.resolve(template, row, "", found);
    if (!found.isEmpty()) {
      FieldError first = found.get(0);
      return new Prompt(null, first.field() + " " + first.message(), Map.of());
    }
    String prompt = TemplateService.fill(template, resolved);
    if (prompt.isBlank()) {
      return new Prompt(null, "the row renders an empty prompt", resolved);
    }
    if (prompt.length() > maxPromptLength) {
      return new Prompt(null, "the row renders a prompt of " + prompt.length() + " characters; at most "
          + maxPromptLength + " are allowed", resolved);
    }
    return new Prompt(prompt, null, resolved);
  }

  /**
   * A row's prompt, or the reason (null prompt) it is skipped, and the row's variables as the
   * template resolved them (defaults applied, in the template's order; empty when they could not be).
   */
  public record Prompt(String text, String skipped, Map<String, String> variables) {
    public Prompt {
      variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    }
  }

  /** Checks typed-in rows (field {@code rows[i]}, from 0); 400 naming each row and variable at fault. */
  public List<Map<String, String>> fromList(Template template, List<Map<String, String>> rows) {
    if (rows == null || rows.isEmpty()) {
      throw ApiException.badRequest("rows", "needs at least one row");
    }
    if (rows.size() > maxRows) {
      throw ApiException.badRequest("rows", "has " + rows.size() + " rows; at most " + maxRows + " are allowed");
    }
    Set<String> known = variableNames(template);
    Errors errors = new Errors();
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      String at = "rows[" + i + "]";
      String where = "row " + (i + 1) + " of the list";
      if (row == null) {
        errors.add(new FieldError(at, where + " must be an object of variables"));
        continue;
      }
      Map<String, String> values = new HashMap<>();
      row.forEach((k, v) -> {
        if (v != null && !v.isBlank()) {
          values.put(k, v);
        } else if (!known.contains(k)) {
          values.put(k, "");
        }
      });
      out.add(check(template, values, at, where, errors));
    }
    checkStoredSize(out, errors);
    errors.throwIfAny("Some rows are not right.");
    return out;
  }

  /**
   * Checks an uploaded CSV file: UTF-8 (a leading byte order mark is skipped), RFC 4180 quoting, a
   * header row naming the template's variables. Rows whose cells are all blank are skipped; a blank
   * cell takes the variable's default. 400 naming {@code header}, {@code rows[n]} or
   * {@code rows[n].<column>}, with n counted from 1 below the header.
   */
  public List<Map<String, String>> fromCsv(Template template, byte[] csv) {
    if (csv == null || csv.length == 0) {
      throw ApiException.badRequest("header", "the file is empty; its first line must name the columns: "
          + names(template));
    }
    int start = hasBom(csv) ? 3 : 0;
    String text = decodeUtf8(csv, start);
    Errors errors = new Errors();
    List<Map<String, String>> out = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
      Iterator<CSVRecord> records = parser.iterator();
      List<String> header = readHeader(template, records, errors);
      long lineAfterPrevious = parser.getCurrentLineNumber();
      int dataRow = 0;
      int kept = 0;
      try {
        while (records.hasNext()) {
          CSVRecord record = records.next();
          dataRow++;
          long line = lineAfterPrevious + 1;
          lineAfterPrevious = parser.getCurrentLineNumber();
          if (isBlank(record)) {
            continue;
          }
          if (++kept > maxRows) {
            throw ApiException.badRequest("rows", "the file has more than " + maxRows
                + " rows; at most " + maxRows + " are allowed");
          }
          String at = "rows[" + dataRow + "]";
          String where = "row " + dataRow + " (line " + line + " of the file)";
          if (header == null) {
            continue;
          }
          if (record.size() != header.size()) {
            errors.add(new FieldError(at, where + " has " + record.size() + " values but the header has "
                + header.size() + " columns"));
            continue;
          }
          Map<String, String> values = new HashMap<>();
          for (int c = 0; c < header.size(); c++) {
            String value = record.get(c).replace("\r\n", "\n");
            if (!value.isBlank()) {
              values.put(header.get(c), value);
            }
          }
          out.add(check(template, values, at, where, errors));
        }
      } catch (UncheckedIOException e) {
        long line = lineAfterPrevious + 1;
        errors.add(new FieldError("rows[" + (dataRow + 1) + "]", "row " + (dataRow + 1) + " (from line " + line
            + " of the file) is not valid CSV: a quoted value is not closed, or a closing quote is followed by "
            + "something other than a comma or the end of the line (write a quote inside a quoted value as \"\")"));
      }
      if (header != null && kept == 0 && errors.isEmpty()) {
        errors.add(new FieldError("rows", "the file has a header but no rows"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    checkStoredSize(out, errors);
    errors.throwIfAny("The file's rows are not right.");
    return out;
  }

  /** The header's column names, or null (with errors added) when it is not right. */
  private static List<String> readHeader(Template template, Iterator<CSVRecord> records, Errors errors) {
    CSVRecord first;
    try {
      if (!records.hasNext()) {
        errors.add(new FieldError("header", "the file is empty; its first line must name the columns: "
            + names(template)));
        return null;
      }
      first = records.next();
    } catch (UncheckedIOException e) {
      errors.add(new FieldError("header", "the first line is not valid CSV: a quoted name is not closed or is "
          + "followed by something other than a comma"));
      return null;
    }
    Set<String> known = variableNames(template);
    List<String> header = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int before = errors.count();
    for (int c = 0; c < first.size(); c++) {
      String name = first.get(c).strip();
      header.add(name);
      if (name.isEmpty()) {
        errors.add(new FieldError("header", "column " + (c + 1) + " has no name"));
      } else if (!known.contains(name)) {
        errors.add(new FieldError("header", "column \"" + name + "\" is not a variable of template "
            + template.name() + "; its variables are " + names(template)));
      } else if (!seen.add(name)) {
        errors.add(new FieldError("header", "column \"" + name + "\" appears twice"));
      }
    }
    for (Variable v : template.variables()) {
      if (v.required() && v.defaultValue() == null && !seen.contains(v.name())) {
        errors.add(new FieldError("header", "column \"" + v.name() + "\" is missing; the template requires it"));
      }
    }
    return errors.count() == before ? header : null;
  }

  private Map<String, String> check(Template template, Map<String, String> values, String at, String where,
      Errors errors) {
    int length = 0;
    for (String v : values.values()) {
      length += v.length();
    }
    if (length > maxRowLength) {
      errors.add(new FieldError(at, where + " has " + length + " characters of values; at most " + maxRowLength
          + " are allowed"));
      return Map.of();
    }
    boolean clean = true;
    for (Map.Entry<String, String> e : values.entrySet()) {
      int bad = firstControl(e.getValue());
      if (bad >= 0) {
        clean = false;
        errors.add(new FieldError(at + "." + e.getKey(), where + ": " + e.getKey() + " must not contain control "
            + "characters (U+" + String.format("%04X", (int) e.getValue().charAt(bad)) + " at character " + (bad + 1)
            + "); only tabs and line breaks are allowed"));
      }
    }
    List<FieldError> found = new ArrayList<>();
    Map<String, String> resolved = TemplateService.resolve(template, values, at + ".", found);
    for (FieldError e : found) {
      errors.add(new FieldError(e.field(), where + ": " + e.field().substring(at.length() + 1) + " " + e.message()));
    }
    if (clean && found.isEmpty()) {
      String prompt = TemplateService.fill(template, resolved);
      if (prompt.length() > maxPromptLength) {
        String longest = longest(resolved);
        errors.addTooLong(new FieldError(at + "." + longest, where + " renders a prompt of " + prompt.length()
            + " characters; at most " + maxPromptLength + " are allowed: shorten " + longest + " (the longest value, "
            + resolved.get(longest).length() + " characters)"));
      }
    }
    return new LinkedHashMap<>(resolved);
  }

  /** The index of the first control character other than a tab or a line feed, or -1. */
  static int firstControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        return i;
      }
    }
    return -1;
  }

  private static String longest(Map<String, String> resolved) {
    String name = null;
    for (Map.Entry<String, String> e : resolved.entrySet()) {
      if (name == null || e.getValue().length() > resolved.get(name).length()) {
        name = e.getKey();
      }
    }
    return name;
  }

  private void checkStoredSize(List<Map<String, String>> rows, Errors errors) {
    if (errors.count() > 0) {
      return;
    }
    long bytes = 0;
    for (Map<String, String> row : rows) {
      for (Map.Entry<String, String> e : row.entrySet()) {
        bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
      }
    }
    if (bytes > maxStoredBytes) {
      errors.add(new FieldError("rows", "the rows take " + bytes + " bytes of UTF-8, names and values together; at most "
          + maxStoredBytes + " are allowed: split them into several batches"));
    }
  }

  private static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  /** The text, or a 400 naming the first byte that is not UTF-8 by its offset, line and row. */
  private static String decodeUtf8(byte[] csv, int start) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(csv, start, csv.length - start);
    CharBuffer out = CharBuffer.allocate(csv.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (!result.isError()) {
      return out.flip().toString();
    }
    int offset = in.position();
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (csv[i] == '\n') {
        line++;
      }
    }
    String text = out.flip().toString();
    int record = recordHolding(text);
    String field = record <= 1 ? "header" : "rows[" + (record - 1) + "]";
    String where = record <= 1 ? "the header" : "row " + (record - 1);
    throw ApiException.badRequest(field, "the file is not UTF-8: the byte at offset " + offset + " (0x"
        + String.format("%02X", csv[offset] & 0xFF) + ", line " + line + " of the file, in " + where
        + ") is not valid UTF-8; save the file as \"CSV UTF-8\"");
  }

  /** The 1-based record (header included) that text appended to this prefix would fall in. */
  private static int recordHolding(String prefix) {
    int count = 0;
    try (CSVParser parser = CSVParser.parse(prefix + "x", FORMAT)) {
      for (Iterator<CSVRecord> it = parser.iterator(); it.hasNext(); it.next()) {
        count++;
      }
      return count;
    } catch (IOException | UncheckedIOException e) {
      return count + 1;
    }
  }

  private static boolean isBlank(CSVRecord record) {
    for (String value : record) {
      if (!value.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> variableNames(Template template) {
    Set<String> known = new HashSet<>();
    for (Variable v : template.variables()) {
      known.add(v.name());
    }
    return known;
  }

  private static String names(Template template) {
    List<String> names = new ArrayList<>();
    for (Variable v : template.variables()) {
      names.add(v.name());
    }
    return String.join(", ", names);
  }

  /** Errors up to {@link #MAX_ERRORS}, then a count of the rest. */
  private static final class Errors {
    private final List<FieldError> list = new ArrayList<>();
    private int count;
    private int tooLong;

    void add(FieldError e) {
      if (count++ < MAX_ERRORS) {
        list.add(e);
      }
    }

    /** A prompt too long: a 422 when every problem is one, since the values are each well formed. */
    void addTooLong(FieldError e) {
      tooLong++;
      add(e);
    }

    int count() {
      return count;
    }

    boolean isEmpty() {
      return count == 0;
    }

    void throwIfAny(String detail) {
      if (count == 0) {
        return;
      }
      List<FieldError> out = new ArrayList<>(list);
      if (count > MAX_ERRORS) {
        out.add(new FieldError("rows", "and " + (count - MAX_ERRORS) + " more"));
      }
      String what = detail + " (" + count + (count == 1 ? " problem)" : " problems)");
      if (tooLong == count) {
        throw ApiException.unprocessable(what, out);
      }
      throw ApiException.badRequest(what, out);
    }
  }
}
