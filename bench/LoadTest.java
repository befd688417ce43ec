import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: N clients, each sending the next request as soon as the last one answered,
 * for a fixed time after a warm-up. Prints requests per second and latency percentiles.
 *
 * <p>Run: java bench/LoadTest.java URL TOKEN CLIENTS WARMUP_SECONDS SECONDS
 */
public class LoadTest {
  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    String token = args[1];
    int clients = Integer.parseInt(args[2]);
    Duration warmup = Duration.ofSeconds(Long.parseLong(args[3]));
    Duration measure = Duration.ofSeconds(Long.parseLong(args[4]));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();

    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + measure.toNanos();
    List<long[]> latencies = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    AtomicLong[] counts = new AtomicLong[clients];
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      long[] mine = new long[2_000_000];
      latencies.add(mine);
      AtomicLong count = new AtomicLong();
      counts[c] = count;
      Thread t = new Thread(() -> {
        try {
          while (true) {
            long t0 = System.nanoTime();
            if (t0 >= end) {
              break;
            }
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long t1 = System.nanoTime();
            if (r.statusCode() != 200) {
              errors.incrementAndGet();
            }
            if (t0 >= measureFrom && count.get() < mine.length) {
              mine[(int) count.getAndIncrement()] = t1 - t0;
            }
          }
        } catch (Exception e) {
          errors.incrementAndGet();
          System.err.println("client failed: " + e);
        } finally {
          done.countDown();
        }
      });
      t.start();
    }
    done.await();
    long total = Arrays.stream(counts).mapToLong(AtomicLong::get).sum();
    long[] all = new long[(int) total];
    int k = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(latencies.get(c), 0, all, k, (int) counts[c].get());
      k += (int) counts[c].get();
    }
    Arrays.sort(all);
    double seconds = measure.toNanos() / 1e9;
    System.out.printf("clients=%d requests=%d errors=%d rps=%.0f p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms%n",
        clients, total, errors.get(), total / seconds, pct(all, 50), pct(all, 90), pct(all, 99),
        all.length == 0 ? 0 : all[all.length - 1] / 1e6);
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
