import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by scripts/check-function-zips.sh as a single-file program, with nothing on the class path
 * but a function's jar from its unpacked zip (whose manifest names libs/): loads, from the jars as
 * packaged, each native library that the function carries and that foreign-natives.sh strips, and
 * uses it. Everything goes through reflection, so one program serves every zip. Prints one line per
 * library and exits 1 at the first that does not work.
 */
public final class ZipCheck {
  private static final String[] SENTENCES = {
    "Our brand voice is warm, plain and direct.",
    "We write in a friendly and simple tone.",
    "Invoices are payable within thirty days of delivery.",
  };

  public static void main(String[] args) throws Exception {
    List<String> checked = new ArrayList<>();
    try {
      if (present("dev.contentcreator.embeddings.OfflineEmbedder")) checked.add(embeddings());
      if (present("io.grpc.netty.shaded.io.netty.handler.ssl.OpenSsl")) checked.add(nettyOpenSsl());
      if (present("io.grpc.netty.shaded.io.netty.channel.epoll.Epoll")) checked.add(nettyEpoll());
      if (present("com.sun.jna.Native")) checked.add(jna());
    } catch (Throwable e) {
      Throwable root = e;
      while (root.getCause() != null) root = root.getCause();
      System.out.println("FAILED: " + root);
      e.printStackTrace(System.out);
      System.exit(1);
    }
    checked.forEach(System.out::println);
    System.out.println("checked " + checked.size());
  }

  private static boolean present(String name) {
    return ZipCheck.class.getClassLoader().getResource(name.replace('.', '/') + ".class") != null;
  }

  /** all-MiniLM-L6-v2 through the function's OfflineEmbedder: ONNX Runtime and DJL's tokenizer. */
  @SuppressWarnings("unchecked")
  private static String embeddings() throws Exception {
    Class<?> type = Class.forName("dev.contentcreator.embeddings.OfflineEmbedder");
    Object embedder = type.getConstructor().newInstance();
    Method embed = type.getMethod("embed", List.class);
    List<float[]> vectors = (List<float[]>) embed.invoke(embedder, List.of(SENTENCES));
    if (vectors.size() != SENTENCES.length) throw new AssertionError(vectors.size() + " vectors");
    for (float[] v : vectors) {
      if (v.length != 384) throw new AssertionError("a vector of " + v.length + " dimensions");
      double norm = Math.sqrt(dot(v, v));
      if (!(Math.abs(norm - 1) < 1e-3)) throw new AssertionError("a vector of norm " + norm);
    }
    double near = dot(vectors.get(0), vectors.get(1));
    double far = dot(vectors.get(0), vectors.get(2));
    if (!(near > far)) throw new AssertionError("tone vs tone " + near + " is not above tone vs invoices " + far);
    return String.format("embeddings: 384 dimensions, similar %.3f > unrelated %.3f", near, far);
  }

  /** BoringSSL from grpc-netty-shaded (netty-tcnative), which gRPC's TLS prefers. */
  private static String nettyOpenSsl() throws Exception {
    Class<?> openSsl = Class.forName("io.grpc.netty.shaded.io.netty.handler.ssl.OpenSsl");
    openSsl.getMethod("ensureAvailability").invoke(null);
    return "grpc-netty-shaded tcnative: " + openSsl.getMethod("versionString").invoke(null);
  }

  /** netty's epoll transport from grpc-netty-shaded. */
  private static String nettyEpoll() throws Exception {
    Class<?> epoll = Class.forName("io.grpc.netty.shaded.io.netty.channel.epoll.Epoll");
    epoll.getMethod("ensureAvailability").invoke(null);
    return "grpc-netty-shaded epoll: available";
  }

  /** JNA's dispatch library; jna.nosys keeps it from taking one the system has. */
  private static String jna() throws Exception {
    Class<?> nativeClass = Class.forName("com.sun.jna.Native");
    Field size = nativeClass.getField("POINTER_SIZE");
    return "jna: pointer size " + size.getInt(null) + ", from " + System.getProperty("jnidispatch.path");
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  }
}
