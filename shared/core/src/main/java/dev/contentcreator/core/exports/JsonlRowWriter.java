package dev.contentcreator.core.exports;

import com.google.gson.JsonObject;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A run as JSON Lines: one object per row, with {@code row}, {@code variables} (an object),
 * {@code variablesFrom}, {@code status}, {@code output}, {@code contentId}, {@code reason},
 * {@code costMicros} and {@code cost} (dollars, as a string); a value not known is null. Values are
 * as they are: JSON is not run by spreadsheets.
 */
final class JsonlRowWriter implements RowWriter {
  private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
  private final Writer writer;

  JsonlRowWriter(OutputStream out) {
    this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  @Override
  public void start(List<String> variables) {
    // Each line names its own variables.
  }

  @Override
  public void write(RunExports.Row row) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("row", row.row());
    JsonObject vars = new JsonObject();
    row.variables().forEach(vars::addProperty);
    o.add("variables", vars);
    o.addProperty("variablesFrom", row.variablesFrom().isEmpty() ? null : row.variablesFrom());
    o.addProperty("status", row.status());
    o.addProperty("output", row.output());
    o.addProperty("contentId", row.contentId());
    o.addProperty("reason", row.reason());
    o.addProperty("costMicros", row.costMicros());
    o.addProperty("cost", RunExports.dollars(row.costMicros()));
    GSON.toJson(o, writer);
    writer.write('\n');
  }

  @Override
  public void flush() throws IOException {
    writer.flush();
  }

  @Override
  public void close() throws IOException {
    writer.flush();
  }
}
