import dev.contentcreator.core.knowledge.Passage;
import dev.contentcreator.core.knowledge.PassageSplitter;
import dev.contentcreator.core.ports.Vectors;
import dev.contentcreator.embedded.vectors.SqliteVectors;
import dev.contentcreator.embeddings.OfflineEmbedder;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The measurements of bench/knowledge.sh, run with the source launcher on the local server's jar.
 *
 * <p>Retrieval quality: the labelled passages of bench/data/knowledge-passages.tsv become one
 * Markdown document (a heading per passage), split by the product's splitter, embedded by the
 * offline embedder and stored in the SQLite vectors adapter (each passage embedded as its text: the
 * product embeds a passage's heading with it, but here the headings are only the labels); each question of
 * knowledge-questions.tsv is embedded and its 5 nearest passages read back. Prints recall@1,
 * recall@5 and the mean reciprocal rank of the labelled passage.
 *
 * <p>Indexing time: 1,000 passages (the 100 labelled ones, ten variants each) embedded and stored
 * as the product does (batches of 64: embed, then one upsert per batch), against the reference of
 * the bare langchain4j model embedding the same texts with one embedAll call and storing nothing.
 * RUNS rounds, product and reference taking turns after one warm-up; prints median, min and max of
 * each and the ratio of the medians; then the median time of a nearest-neighbour query over them.
 */
public final class KnowledgeBench {
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    Path work = Files.createTempDirectory("knowledge-bench");
    Map<String, String> passages = new LinkedHashMap<>();
    for (String line : Files.readAllLines(root.resolve("bench/data/knowledge-passages.tsv"), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", 2);
      passages.put(f[0], f[1]);
    }
    List<String[]> questions = new ArrayList<>();
    for (String line : Files.readAllLines(root.resolve("bench/data/knowledge-questions.tsv"), StandardCharsets.UTF_8)) {
      questions.add(line.split("\t", 2));
    }
    OfflineEmbedder embedder = new OfflineEmbedder();

    // Quality, through the product's splitter, embedder and vectors adapter.
    StringBuilder doc = new StringBuilder();
    passages.forEach((id, text) -> doc.append("## ").append(id).append("\n").append(text).append("\n\n"));
    List<Passage> split = PassageSplitter.standard().split(doc.toString());
    if (split.size() != passages.size()) {
      throw new IllegalStateException("the splitter made " + split.size() + " passages of " + passages.size());
    }
    try (SqliteVectors vectors = SqliteVectors.open(work.resolve("quality.db"), Duration.ofSeconds(5))) {
      List<float[]> made = embedder.embed(split.stream().map(p -> p.text()).toList());
      List<Vectors.Entry> entries = new ArrayList<>();
      for (int i = 0; i < split.size(); i++) {
        entries.add(new Vectors.Entry(split.get(i).heading(), "labelled", new Vectors.Embedding(embedder.model(), made.get(i)),
            Map.of()));
      }
      vectors.upsertAll("bench", entries);
      int at1 = 0;
      int at5 = 0;
      double rr = 0;
      List<String> misses = new ArrayList<>();
      for (String[] q : questions) {
        List<Vectors.Neighbour> found = vectors.nearest("bench", embedder.embedOne(q[0]), 5);
        int rank = -1;
        for (int i = 0; i < found.size(); i++) {
          if (found.get(i).passageId().equals(q[1])) {
            rank = i + 1;
            break;
          }
        }
        if (rank == 1) at1++;
        if (rank > 0) {
          at5++;
          rr += 1.0 / rank;
        } else {
          misses.add(q[0] + " (wanted " + q[1] + ", got " + found.get(0).passageId() + ")");
        }
      }
      int n = questions.size();
      System.out.printf(Locale.ROOT, "retrieval over %d passages, %d questions (offline %s, %d dimensions)%n",
          passages.size(), n, embedder.model(), embedder.dimensions());
      System.out.printf(Locale.ROOT, "  recall@1 %.2f (%d/%d)   recall@5 %.2f (%d/%d)   MRR %.3f%n",
          at1 / (double) n, at1, n, at5 / (double) n, at5, n, rr / n);
      misses.forEach(m -> System.out.println("  missed in the top 5: " + m));
    }

    // Indexing time of 1,000 passages.
    List<String> thousand = new ArrayList<>();
    List<String> texts = new ArrayList<>(passages.values());
    for (int v = 0; v < 10; v++) {
      for (String t : texts) {
        thousand.add("Note " + (v + 1) + ". " + t);
      }
    }
    AllMiniLmL6V2QuantizedEmbeddingModel bare = new AllMiniLmL6V2QuantizedEmbeddingModel();
    List<TextSegment> segments = thousand.stream().map(TextSegment::from).toList();
    // Warm-up: both load and run the model once.
    product(embedder, thousand, work.resolve("warm.db"));
    bare.embedAll(segments);
    List<Double> productSeconds = new ArrayList<>();
    List<Double> referenceSeconds = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      productSeconds.add(product(embedder, thousand, work.resolve("run" + r + ".db")));
      long start = System.nanoTime();
      bare.embedAll(segments);
      referenceSeconds.add((System.nanoTime() - start) / 1e9);
    }
    System.out.printf(Locale.ROOT, "embed and index 1000 passages, %d runs (%d cores)%n", runs,
        Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "  product   (batches of 64: embed, SQLite upsert):         median %.2f s  min %.2f  max %.2f%n",
        median(productSeconds), min(productSeconds), max(productSeconds));
    System.out.printf(Locale.ROOT, "  reference (bare langchain4j embedAll, nothing stored):  median %.2f s  min %.2f  max %.2f%n",
        median(referenceSeconds), min(referenceSeconds), max(referenceSeconds));
    System.out.printf(Locale.ROOT, "  ratio product/reference %.2f; %.0f passages/s%n",
        median(productSeconds) / median(referenceSeconds), 1000 / median(productSeconds));

    try (SqliteVectors vectors = SqliteVectors.open(work.resolve("run0.db"), Duration.ofSeconds(5))) {
      Vectors.Embedding q = embedder.embedOne("When is the shop closed?");
      List<Double> ms = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        long start = System.nanoTime();
        vectors.nearest("bench", q, 5);
        ms.add((System.nanoTime() - start) / 1e6);
      }
      System.out.printf(Locale.ROOT, "nearest 5 of 1000 by exact scan in SQLite: median %.2f ms  min %.2f  max %.2f (50 queries)%n",
          median(ms), min(ms), max(ms));
    }
  }

  private static double product(OfflineEmbedder embedder, List<String> texts, Path db) throws Exception {
    long start = System.nanoTime();
    try (SqliteVectors vectors = SqliteVectors.open(db, Duration.ofSeconds(5))) {
      for (int from = 0; from < texts.size(); from += 64) {
        List<String> batch = texts.subList(from, Math.min(texts.size(), from + 64));
        List<float[]> made = embedder.embed(batch);
        List<Vectors.Entry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
          entries.add(new Vectors.Entry("p" + (from + i), "d" + (from / 100), new Vectors.Embedding(embedder.model(),
              made.get(i)), Map.of("text", batch.get(i))));
        }
        vectors.upsertAll("bench", entries);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static double min(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
  }

  private static double max(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }
}
