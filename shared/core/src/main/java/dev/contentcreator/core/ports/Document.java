package dev.contentcreator.core.ports;

import com.google.gson.JsonObject;
import java.util.Objects;

/** One stored document: its collection, its id and a copy of its data. */
public record Document(String collection, String id, JsonObject data) {
  public Document {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(data, "data");
  }
}
