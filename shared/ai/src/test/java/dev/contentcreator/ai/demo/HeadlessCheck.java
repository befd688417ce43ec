package dev.contentcreator.ai.demo;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.Progress;
import java.util.Map;

/** Run in a fresh JVM by a test: makes one demo image and prints its size in bytes. */
public final class HeadlessCheck {
  private HeadlessCheck() { }

  public static void main(String[] args) throws Exception {
    var result = DemoProvider.create().generate(new ItemRequest("item-1", ContentKind.IMAGE, "demo-image",
        "a lighthouse at dusk", null, Map.of("size", "64x64"), "user-1"), Progress.NONE);
    System.out.println(result.media().get(0).bytes().length);
  }
}
