package dev.contentcreator.testkit.classes;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Loads the test's classpath again, apart from the loader that runs the test, and records every
 * class it is asked for: code run through it shows which libraries it really touches, such as
 * whether serving a request loads openai-java (a cold-start cost a function must not pay for
 * nothing). Load an entry class with {@code Class.forName(name, true, loader)} and call it by
 * reflection; everything it uses then comes from this loader.
 */
public final class RecordingClassLoader extends URLClassLoader {
  /** The packages of openai-java and of the libraries only it brings. */
  public static final List<String> OPENAI_SDK = List.of("com.openai.", "okhttp3.", "kotlin.", "com.fasterxml.");

  private final List<String> requested = new CopyOnWriteArrayList<>();

  public RecordingClassLoader() {
    super(classPath(), ClassLoader.getPlatformClassLoader());
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    requested.add(name);
    return super.loadClass(name, resolve);
  }

  /** Every class name asked for so far, in order, repeats included. */
  public List<String> requested() {
    return List.copyOf(requested);
  }

  /** The distinct classes asked for whose names start with one of these prefixes. */
  public List<String> requestedFrom(List<String> prefixes) {
    return requested.stream().filter(n -> prefixes.stream().anyMatch(n::startsWith)).distinct().toList();
  }

  private static URL[] classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> !p.isEmpty())
        .map(p -> {
          try {
            return new File(p).toURI().toURL();
          } catch (MalformedURLException e) {
            throw new IllegalStateException("not a classpath entry: " + p, e);
          }
        }).toArray(URL[]::new);
  }
}
