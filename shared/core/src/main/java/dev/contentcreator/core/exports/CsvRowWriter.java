package dev.contentcreator.core.exports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A run as RFC 4180 CSV (UTF-8, CRLF, fields quoted by Apache Commons CSV where needed), every
 * cell, the header's too, made safe to open in a spreadsheet ({@link SpreadsheetCells}).
 */
final class CsvRowWriter implements RowWriter {
  private final Writer writer;
  private final CSVPrinter printer;
  private List<String> variables;

  CsvRowWriter(OutputStream out) throws IOException {
    this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
  }

  @Override
  public void start(List<String> variables) throws IOException {
    this.variables = variables;
    print(RunExports.header(variables));
  }

  @Override
  public void write(RunExports.Row row) throws IOException {
    print(RunExports.cells(row, variables));
  }

  private void print(List<String> cells) throws IOException {
    for (String cell : cells) {
      printer.print(SpreadsheetCells.neutralise(cell));
    }
    printer.println();
  }

  @Override
  public void flush() throws IOException {
    printer.flush();
  }

  @Override
  public void close() throws IOException {
    printer.flush();
    writer.flush();
  }
}
