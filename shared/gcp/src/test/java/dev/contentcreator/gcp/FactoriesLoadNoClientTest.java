package dev.contentcreator.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * Every function has this module on its classpath, and the platform makes every listed factory to
 * find the one configured. So making a factory and asking its port and name must load no cloud
 * client: the test does it in a class loader of its own and asks that loader what it loaded.
 */
final class FactoriesLoadNoClientTest {

  @Test
  void listingTheFactoriesLoadsNoStoragePubSubOrTasksClass() throws Exception {
    try (Probe loader = new Probe()) {
      Class<?> factoryType = loader.loadClass("dev.contentcreator.core.platform.PortFactory");
      List<String> names = new ArrayList<>();
      for (Object factory : ServiceLoader.load(factoryType, loader)) {
        names.add((String) factoryType.getMethod("name").invoke(factory));
        factoryType.getMethod("port").invoke(factory);
      }

      assertTrue(names.containsAll(List.of("gcs", "pubsub", "cloudtasks")), names::toString);
      assertTrue(loader.loaded("dev.contentcreator.gcp.storage.GcsBlobStoreFactory"),
          "the probe must see the classes it loads, or this test proves nothing");
      for (String heavy : List.of("com.google.cloud.storage.StorageOptions", "com.google.cloud.storage.Storage",
          "com.google.cloud.pubsub.v1.Publisher", "com.google.cloud.tasks.v2.CloudTasksClient",
          "dev.contentcreator.gcp.storage.GcsBlobStore", "dev.contentcreator.gcp.pubsub.PubSubEventBus",
          "dev.contentcreator.gcp.tasks.CloudTasksQueue", "io.grpc.ManagedChannelBuilder")) {
        assertFalse(loader.loaded(heavy), heavy + " was loaded just by listing the factories");
      }
      assertEquals(loader, Class.forName("dev.contentcreator.gcp.storage.GcsBlobStoreFactory", false, loader)
          .getClassLoader());
    }
  }

  /** A loader of the test's classpath that defines every class itself and says which it has. */
  private static final class Probe extends URLClassLoader {
    Probe() throws MalformedURLException {
      super(classpath(), ClassLoader.getPlatformClassLoader());
    }

    boolean loaded(String name) {
      return findLoadedClass(name) != null;
    }

    private static URL[] classpath() throws MalformedURLException {
      List<URL> urls = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        urls.add(Path.of(entry).toUri().toURL());
      }
      return urls.toArray(URL[]::new);
    }
  }
}
