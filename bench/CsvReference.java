import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference of bench/run-export.sh: the same rows, already in memory, written by Apache Commons
 * CSV with the same apostrophe rule, into a sink that throws the bytes away (through a UTF-8
 * writer, as the product's). Reads the product's CSV file given, takes its cells back off (the
 * apostrophes off too), writes them WARMUP times, then prints the milliseconds of each of RUNS writes,
 * one a line. Run with commons-csv and what it needs on the class path: java -cp "local/target/lib/*" CsvReference.java FILE RUNS
 */
public final class CsvReference {
  public static void main(String[] args) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8),
        CSVFormat.RFC4180)) {
      for (CSVRecord r : parser) {
        List<String> cells = new ArrayList<>();
        for (String c : r) {
          cells.add(c.startsWith("'") ? c.substring(1) : c);
        }
        rows.add(cells);
      }
    }
    int runs = Integer.parseInt(args[1]);
    for (int i = 0; i < 20; i++) {
      write(rows);
    }
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      long bytes = write(rows);
      System.out.println((System.nanoTime() - start) / 1e6 + " " + bytes);
    }
  }

  private static long write(List<List<String>> rows) throws Exception {
    long[] count = new long[1];
    OutputStream sink = new OutputStream() {
      @Override public void write(int b) { count[0]++; }
      @Override public void write(byte[] b, int off, int len) { count[0] += len; }
    };
    try (Writer w = new java.io.BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8));
        CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180)) {
      for (List<String> row : rows) {
        for (String cell : row) {
          printer.print(neutralise(cell));
        }
        printer.println();
      }
    }
    return count[0];
  }

  private static String neutralise(String v) {
    if (v.isEmpty()) {
      return v;
    }
    char c = v.charAt(0);
    return Arrays.asList('=', '+', '-', '@', '\t', '\r').contains(c) ? "'" + v : v;
  }
}
